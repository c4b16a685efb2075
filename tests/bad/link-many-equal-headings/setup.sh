# shellcheck shell=bash
mkdir -p in
python3 -c "print('# Headings\n\n' + '## Same\n\n' * 20000)" >in/a.md
