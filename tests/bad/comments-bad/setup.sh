# shellcheck shell=bash
printf -- '---\nauthor: A\ndate: 2024-01-01\nstatus: approved\n---\xff\n' >in/qa/04.md
