# shellcheck shell=bash
mkfifo pipe.epub
