# shellcheck shell=bash
printf 'title: Latin-1\nauthor: Ren\xe9e\n' >in/book.yaml
