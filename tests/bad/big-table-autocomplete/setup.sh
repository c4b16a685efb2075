# shellcheck shell=bash
mkdir -p in
python3 -c "N = 3000; print('# Table\n\n' + 'x|' * N + '\n' + '-|' * N + '\n' + 'x\n' * N)" >in/a.md
