# shellcheck shell=bash
ln -s ../secret.yaml in/book.yaml
