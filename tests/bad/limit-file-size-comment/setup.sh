# shellcheck shell=bash
mkdir -p in/qa
truncate -s 65M in/qa/big.md
