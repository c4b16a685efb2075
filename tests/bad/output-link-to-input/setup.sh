# shellcheck shell=bash
ln -s in/a.md link.epub
