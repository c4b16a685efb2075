# shellcheck shell=bash
mkdir -p in
# Tables whose cells (as cmark-gfm fills short rows in) pass the limit.
python3 -c "N = 1000; print('# Table\n\n' + 'x|' * N + '\n' + '-|' * N + '\n' + 'x\n' * 300)" >in/a.md
