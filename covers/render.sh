#!/bin/sh
# render.sh - renders covers/cover.svg to manuscript/cover.png (1600x2560).
# Needs rsvg-convert (Debian/Ubuntu package librsvg2-bin); uses optipng to
# recompress the PNG when it is installed. Run from anywhere.
set -eu

here=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
root=$(CDPATH='' cd -- "$here/.." && pwd)
svg="$root/covers/cover.svg"
png="$root/manuscript/cover.png"

if ! command -v rsvg-convert >/dev/null 2>&1; then
	echo "render.sh: rsvg-convert not found; install it with:" >&2
	echo "  apt-get install librsvg2-bin" >&2
	exit 1
fi

tmp="$png.tmp.$$"
trap 'rm -f "$tmp"' EXIT INT TERM
rsvg-convert --width 1600 --height 2560 --format png --output "$tmp" "$svg"

if command -v optipng >/dev/null 2>&1; then
	optipng -quiet -o5 -strip all "$tmp" || optipng -quiet -o5 "$tmp"
fi

mv -f "$tmp" "$png"
trap - EXIT INT TERM
echo "wrote $png ($(wc -c <"$png" | tr -d ' ') bytes)"
