# shellcheck shell=bash
mkdir -p in
python3 -c "print('# Links\n\n' + ''.join('[a](#x%d) ' % i for i in range(50000)))" >in/a.md
