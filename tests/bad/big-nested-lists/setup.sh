# shellcheck shell=bash
mkdir -p in
python3 -c "print('# Lists\n\n' + '- ' * 5000 + 'deep')" >in/a.md
python3 -c "print('# Lists\n\n' + ''.join('  ' * i + '- item\n' for i in range(5000)))" >in/b.md
