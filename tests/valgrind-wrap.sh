#!/usr/bin/env bash
# tests/valgrind-wrap.sh - runs mkbook under valgrind's memcheck, for test
# scripts that take the program to run as MKBOOK (tests/valgrind.sh runs
# tests/run-bad.sh through it). Exit status 99 is an error or a leak valgrind
# found; the report goes to VALGRIND_LOGS/vg.FOLDER.PID (empty when clean).
#
# A run in a folder whose name matches VALGRIND_SKIP (the huge bad-input
# cases, which would take minutes under valgrind; make asan covers them),
# or for a bad-input case marked xfail (a known bug that run-bad.sh stops
# after 5 s, threads running, which valgrind would report as lost memory),
# runs mkbook directly.
#
# Environment: VALGRIND_MKBOOK (the mkbook to run, absolute), VALGRIND_LOGS
# (absolute), VALGRIND (default valgrind), VALGRIND_SKIP (patterns joined
# with '|', default big-*|link-many-*|limit-chapters).
shopt -s extglob
skip=${VALGRIND_SKIP:-big-*|link-many-*|limit-chapters}
case_dir=$(dirname "${BASH_SOURCE[0]}")/bad/${PWD##*/}
if [[ ${PWD##*/} == @($skip) ]] || [ -e "$case_dir/xfail" ]; then
	exec "$VALGRIND_MKBOOK" "$@"
fi
# exec, so that a timeout's signal reaches valgrind itself.
exec "${VALGRIND:-valgrind}" -q --error-exitcode=99 --leak-check=full \
	--show-leak-kinds=definite,indirect,possible \
	--errors-for-leak-kinds=definite,indirect,possible \
	--num-callers=30 --log-file="$VALGRIND_LOGS/vg.${PWD##*/}.%p" "$VALGRIND_MKBOOK" "$@"
