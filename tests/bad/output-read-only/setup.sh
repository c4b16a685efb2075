# shellcheck shell=bash
mkdir -p ro && chmod 555 ro
