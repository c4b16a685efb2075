# shellcheck shell=bash
mkdir -p in
# 10,001 footnotes in one chapter: 100,000 took 1 GiB and 8 s.
python3 -c "
n = 10001
print('# Notes\n')
print(' '.join('word[^%d]' % i for i in range(n)))
print()
for i in range(n):
    print('[^%d]: note %d' % (i, i))" >in/a.md
