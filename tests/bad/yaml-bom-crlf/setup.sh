# shellcheck shell=bash
printf '\xef\xbb\xbftitle: "BOM and CRLF"\r\nauthor: Ana\r\ncontents:\r\n  - a.md\r\n' >in/book.yaml
