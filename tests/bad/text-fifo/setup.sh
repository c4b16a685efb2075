# shellcheck shell=bash
mkfifo in/b.md
