# shellcheck shell=bash
mkdir -p in
python3 -c "print('# Table\n\n|a|b|\n|-|-|\n' + '|x' * 60000 + '|')" >in/a.md
