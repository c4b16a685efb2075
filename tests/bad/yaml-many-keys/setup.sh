# shellcheck shell=bash
# 100,000 unknown keys in book.yaml and 100,000 in a comment's front
# matter: checking them for repeats was quadratic (5 s and 23 s), and each
# gave a warning of its own.
mkdir -p in/qa
python3 -c "
print('title: Keys\nauthor: Test\ncontents:\n  - a.md\n  - comments: qa/')
for i in range(100000):
    print('unknown%d: value' % i)" >in/book.yaml
printf '# A\n\nText.\n' >in/a.md
python3 -c "
print('---\nauthor: A reader\nstatus: approved\ndate: 2024-01-01')
for i in range(100000):
    print('extra%d: value' % i)
print('---\n\nA question?')" >in/qa/one.md
