# shellcheck shell=bash
printf "# Not a folder\n" >in
