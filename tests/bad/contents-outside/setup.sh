# shellcheck shell=bash
ln -s ../secret.md in/link.md
