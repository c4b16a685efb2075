# shellcheck shell=bash
python3 -c "print('title: ' + '[' * 5000 + 'x' + ']' * 5000)" >in/book.yaml
