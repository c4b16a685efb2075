# shellcheck shell=bash
mkdir -p in
python3 -c "print('# PI\n\n' + 'a <?' * 90000)" >in/a.md
