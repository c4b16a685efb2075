# shellcheck shell=bash
chmod 000 in/cover.png
