# shellcheck shell=bash
ln -s ../secret.md in/b.md
ln -s nowhere.md in/c.md
