# shellcheck shell=bash
ln -s in/related/one.md link.epub
