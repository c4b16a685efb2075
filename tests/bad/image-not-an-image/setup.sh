# shellcheck shell=bash
: >in/empty.jpg
