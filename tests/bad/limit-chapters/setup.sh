# shellcheck shell=bash
mkdir -p in
python3 -c "
for i in range(100001):
    open('in/c%06d.md' % i, 'w').write('x\n')
"
