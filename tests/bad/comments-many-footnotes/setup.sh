# shellcheck shell=bash
mkdir -p in/qa
# A reader comment with 201 footnotes (comments are untrusted: 200 at most).
python3 -c "
n = 201
print('---\nauthor: A reader\nstatus: approved\n---\n')
print(' '.join('word[^%d]' % i for i in range(n)))
print()
for i in range(n):
    print('[^%d]: note %d' % (i, i))" >in/qa/one.md
