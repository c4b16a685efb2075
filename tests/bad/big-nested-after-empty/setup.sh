# shellcheck shell=bash
mkdir -p in
python3 -c "print('# Quotes\n\n' + '>\n\n' * 5000 + '> ' * 5000 + 'deep')" >in/a.md
