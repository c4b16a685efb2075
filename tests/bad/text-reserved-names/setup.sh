# shellcheck shell=bash
# Names that differ only in case, and names of 240 bytes, made here so that
# the case works on file systems that fold case.
long=$(printf 'n%.0s' $(seq 1 240))
printf '# Upper\n\n![upper](Pic.png)\n' >in/A.md
printf '# Lower\n\n![lower](pic.png) ![long](%s.png)\n' "$long" >in/a.md
printf '# Long\n\nA chapter with a long name.\n' >"in/$long.md"
cp in/c.png in/Pic.png
cp in/c.png in/pic.png
cp in/c.png "in/$long.png"
