# shellcheck shell=bash
mkdir -p in
printf '\xef\xbb\xbf---\r\ntitle: With BOM\r\n---\r\n# CRLF chapter\r\n\r\nLine one\r\nline two.\r\n' >in/a.md
printf '# CR chapter\r\rOld Mac line ends.\r' >in/b.md
