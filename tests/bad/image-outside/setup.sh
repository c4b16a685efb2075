# shellcheck shell=bash
mkdir -p in/sub in/pics
ln -s ../secret.png in/link.png
ln -s ../../secret.png in/pics/up.png
sed -i "s|ABSOLUTE|$PWD/secret.png|" in/a.md
