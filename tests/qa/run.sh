#!/usr/bin/env bash
# tests/qa/run.sh - the reader-comment manuscripts of tests/qa/ through mkbook.
#
# Usage: tests/qa/run.sh [--update] [CASE...]
#
# Each case is a folder tests/qa/CASE/ (a manuscript) with a file `expected`:
#   line 1     exit N          the exit status mkbook must give
#   line 2     args: ...       optional: options for mkbook (e.g. --check)
#   the rest   every line mkbook prints that holds ": error:" or ": warning:",
#              in order (paths as seen from the repository's top folder)
# A case that exits 0 without --check is also run through epubcheck, which
# must report 0 fatals, 0 errors, 0 warnings.
#
# --update rewrites the diagnostic lines of `expected` from the current run
# (keeping its exit and args lines) instead of comparing.
#
# Environment: MKBOOK (default: ./mkbook), EPUBCHECK_JAR (default:
# /usr/share/java/epubcheck.jar; skipped with a note when java or the jar is
# missing).

set -u
set -o pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
# shellcheck source=tests/lib.sh
. "$root/tests/lib.sh"

MKBOOK=${MKBOOK:-$root/mkbook}
case $MKBOOK in /*) ;; *) MKBOOK=$PWD/$MKBOOK ;; esac
EPUBCHECK_JAR=${EPUBCHECK_JAR:-/usr/share/java/epubcheck.jar}

update=false
cases=()
for arg in "$@"; do
	case $arg in
	--update) update=true ;;
	-h | --help)
		sed -n '2,/^$/s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
		exit 0
		;;
	-*)
		printf 'run.sh: unknown option %s\n' "$arg" >&2
		exit 2
		;;
	*) cases+=("$(basename "${arg%/}")") ;;
	esac
done

cd "$root" || exit 2
if [ ${#cases[@]} -eq 0 ]; then
	for dir in tests/qa/*/; do
		[ -f "$dir/expected" ] && cases+=("$(basename "$dir")")
	done
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mkbook-qa.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
can_epubcheck=false
if command -v java >/dev/null 2>&1 && [ -f "$EPUBCHECK_JAR" ]; then
	can_epubcheck=true
fi

for name in "${cases[@]}"; do
	dir=tests/qa/$name
	exp=$dir/expected
	want_exit=$(sed -n '1s/^exit //p' "$exp")
	args=$(sed -n '2s/^args: //p' "$exp")
	epub=$tmp/$name.epub
	# shellcheck disable=SC2086 # args are words
	SOURCE_DATE_EPOCH=1704067200 "$MKBOOK" $args "$dir" -o "$epub" >"$tmp/$name.out" 2>&1
	got_exit=$?
	grep -E ': (error|warning): ' "$tmp/$name.out" >"$tmp/$name.got"
	head -n "$( [ -n "$args" ] && echo 2 || echo 1)" "$exp" >"$tmp/$name.head"
	tail -n +"$( [ -n "$args" ] && echo 3 || echo 2)" "$exp" >"$tmp/$name.want"
	if $update; then
		cat "$tmp/$name.head" "$tmp/$name.got" >"$exp"
		pass "$name: expected rewritten"
		continue
	fi
	if [ "$got_exit" = "$want_exit" ]; then
		pass "$name: exit $got_exit"
	else
		fail "$name: exit $got_exit, want $want_exit"
		indent <"$tmp/$name.out"
	fi
	if diff -u "$tmp/$name.want" "$tmp/$name.got" >"$tmp/$name.diff"; then
		pass "$name: diagnostics"
	else
		fail "$name: diagnostics"
		indent <"$tmp/$name.diff"
	fi
	if [ "$want_exit" = 0 ] && [ -z "$args" ]; then
		if ! $can_epubcheck; then
			printf '# %s: epubcheck skipped (no java or %s)\n' "$name" "$EPUBCHECK_JAR"
		elif [ ! -f "$epub" ]; then
			fail "$name: no EPUB written"
		else
			run_epubcheck "$EPUBCHECK_JAR" "$epub" "$tmp/$name.check"
			if epubcheck_clean "$tmp/$name.check"; then
				pass "$name: epubcheck"
			else
				fail "$name: epubcheck"
				grep -E '^(ERROR|WARNING|FATAL)' "$tmp/$name.check" | indent
			fi
		fi
	fi
done
summary
