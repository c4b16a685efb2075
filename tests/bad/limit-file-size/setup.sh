# shellcheck shell=bash
truncate -s 65M in/a.md
