# shellcheck shell=bash
mkdir -p in
python3 -c "print('# Deep\n\n' + '*a ' * 25000 + 'x' + ' b*' * 25000)" >in/a.md
