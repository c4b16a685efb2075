# shellcheck shell=bash
mkdir -p in
python3 -c "print('# CDATA\n\n' + 'a <![CDATA[' * 60000)" >in/a.md
