# shellcheck shell=bash
mkdir -p in
printf '# Title\n\nab\000cd\n' >in/a.md
