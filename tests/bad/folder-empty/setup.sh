# shellcheck shell=bash
mkdir -p in
