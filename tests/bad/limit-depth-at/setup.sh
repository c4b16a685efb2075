# shellcheck shell=bash
mkdir -p in
python3 -c "print('# At the limit\n\n' + '> ' * 198 + 'deep')" >in/a.md
python3 -c "print('# Divs\n\n' + '<div>' * 199 + 'deep' + '</div>' * 199)" >in/b.md
