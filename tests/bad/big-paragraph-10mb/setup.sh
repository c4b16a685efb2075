# shellcheck shell=bash
mkdir -p in
python3 -c "
import sys
sys.stdout.write('# Big\n\n' + ('lorem ipsum dolor sit amet ' * 400000)[:10 * 1024 * 1024] + '\n')
" >in/a.md
