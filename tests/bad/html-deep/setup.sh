# shellcheck shell=bash
mkdir -p in
python3 -c "print('# Deep\n\n' + '<div>' * 5000 + 'deep' + '</div>' * 5000)" >in/a.md
