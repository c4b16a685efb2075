# shellcheck shell=bash
printf 'body { color: black }\np { content: "\xe9" }\n' >in/style.css
