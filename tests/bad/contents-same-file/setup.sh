# shellcheck shell=bash
ln -s a.md in/b.md
