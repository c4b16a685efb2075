# shellcheck shell=bash
mkdir -p in
python3 -c "
for i in range(1, 10001):
    open('in/c%05d.md' % i, 'w').write('# Chapter %d\n\nText.\n' % i)
"
