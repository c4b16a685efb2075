# shellcheck shell=bash
mkdir -p in
python3 -c "print('# Attributes\n\n<p ' + ' '.join('a%d=x' % i for i in range(100000)) + '>text</p>')" >in/a.md
