# shellcheck shell=bash
mkdir -p in
# 16 MB of emphasis in one chapter: 4.4 GB and 74 s before the limit.
python3 -c "print('# T\n\n' + '*a* ' * 4000000)" >in/a.md
