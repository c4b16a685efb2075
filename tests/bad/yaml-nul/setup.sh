# shellcheck shell=bash
printf 'title: NUL\nabc\000def: x\n' >in/book.yaml
