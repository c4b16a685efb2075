# shellcheck shell=bash
mkfifo in/book.yaml
