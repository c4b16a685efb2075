# shellcheck shell=bash
mkdir -p in
printf '# Title\n\nline three\nbad \xff byte\n' >in/a.md
