# shellcheck shell=bash
mkdir -p in
python3 -c "print('# Over the limit\n\n' + '> ' * 199 + 'deep')" >in/a.md
python3 -c "print('# Divs\n\n' + '<div>' * 200 + 'deep' + '</div>' * 200)" >in/b.md
