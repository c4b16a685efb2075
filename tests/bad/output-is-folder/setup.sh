# shellcheck shell=bash
mkdir -p outdir
