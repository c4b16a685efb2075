# shellcheck shell=bash
mkdir -p in
# shellcheck disable=SC2016 # backquotes are Markdown here
printf '# Head\001ing \xef\xbf\xbe\n\nBody \001\002\013 text \xef\xbf\xbf.\n\n[li\001nk](b.md) <span title="t\001">s</span>\n\n## Sub\001\n\n| a\001 | b |\n|---|---|\n| \001 | x |\n\n```\ncode \001\n```\n\n`inline \001`\n' >in/a.md
printf '# B\n' >in/b.md
