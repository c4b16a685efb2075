#!/bin/sh
# embed.sh NAME FILE - writes C source defining NAME[] (the bytes of FILE,
# NUL-terminated) and NAME_len, for files built into the binary.
set -eu
name=$1
file=$2
printf '/* Generated from %s by scripts/embed.sh; do not edit. */\n' "$file"
printf '#include <stddef.h>\n'
printf 'const char %s[] = {\n' "$name"
od -An -v -tx1 "$file" | sed -e 's/ *$//' -e 's/^ *//' -e 's/ /, 0x/g' -e 's/^/0x/' -e 's/$/,/' | grep -v '^0x,$'
printf '0x00};\n'
printf 'const size_t %s_len = sizeof %s - 1;\n' "$name" "$name"
