# shellcheck shell=bash
printf '\211PNG\r\n\032\n' >in/huge.png
truncate -s 65M in/huge.png
