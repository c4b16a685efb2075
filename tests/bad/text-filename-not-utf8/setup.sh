# shellcheck shell=bash
mkdir -p in
printf 'title: File names\n' >in/book.yaml
printf 'No heading here.\n' >"in/$(printf 'caf\351')".md
printf 'No heading either.\n' >"in/$(printf 'bell\001')".md
