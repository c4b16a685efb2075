# shellcheck shell=bash
mkdir -p in
printf '# A\n\nslash: \xc0\xaf\n' >in/a.md
printf '# B\n\n\xed\xa0\x80 surrogate\n' >in/b.md
