#!/usr/bin/env bash
# tests/compare-builds.sh - shows that two builds of mkbook behave the same:
# every book byte for byte, every message, every exit status.
#
# Usage: tests/compare-builds.sh [--only GROUP] OLD NEW
#
# OLD and NEW are each an mkbook binary or a git revision of this repository
# (built with make into build/compare/rev-HASH/). Both run, one after the
# other, in the same folder with the same arguments and
# SOURCE_DATE_EPOCH=1704067200, on:
#   sample   manuscript/
#   books    every tests/books/CASE, four ways: plain, --kepub,
#            --toc-depth 1 and -j1
#   bad      every tests/bad/CASE, prepared as tests/run-bad.sh does
#            (in/ copied, the marker files planted, setup.sh run), with its
#            args; cases marked unprivileged run without root's file powers
#            (skipped where that cannot be done)
#   spec     the CommonMark and GFM spec book (tests/spec/extract.sh; skipped
#            when the spec texts cannot be fetched)
#   real     the real-world bench book (tests/bench/realbook.sh; skipped when
#            its package cannot be fetched, as offline)
# --only GROUP runs one group (repeatable).
#
# Compared, for each run: the exit status, standard output, standard error
# and every file the run left in its folder (the EPUB, byte for byte, and
# any stray file). The only difference allowed: "mkbook: " before a message
# that names a file (the older format "mkbook: FILE:LINE: error: ...") is
# dropped from both sides before comparing. A run that times out on both
# sides (xfail cases) is a skip, not a pass.
#
# Prints "ok - ..." or "FAIL - ..." (with a diff) per run, "skip - ..." for
# what cannot run, and last "N passed, N failed"; exits 1 when anything
# differed. Everything is kept under build/compare/ for a closer look.

set -u
set -o pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
# shellcheck source=tests/lib.sh
. "$here/lib.sh"

only=()
bins=()
while [ $# -gt 0 ]; do
	case $1 in
	--only)
		only+=("$2")
		shift
		;;
	-h | --help)
		sed -n '2,/^$/s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
		exit 0
		;;
	-*)
		printf 'compare-builds.sh: unknown option %s\n' "$1" >&2
		exit 2
		;;
	*) bins+=("$1") ;;
	esac
	shift
done
if [ ${#bins[@]} -ne 2 ]; then
	printf 'usage: tests/compare-builds.sh [--only GROUP] OLD NEW (binaries or git revisions)\n' >&2
	exit 2
fi

work=$root/build/compare
mkdir -p "$work"
# One comparison at a time uses build/compare/.
if command -v flock >/dev/null 2>&1; then
	exec 9>"$work.lock"
	flock 9
fi

# binary_of ARG: ARG as an absolute path when it is an executable file,
# else the mkbook built from the git revision ARG.
binary_of() {
	if [ -f "$1" ] && [ -x "$1" ]; then
		abs_path "$1"
		return
	fi
	local hash dir
	hash=$(git -C "$root" rev-parse --verify --quiet "$1^{commit}") || {
		printf 'compare-builds.sh: %s is neither an executable nor a git revision\n' "$1" >&2
		return 1
	}
	dir=$work/rev-$hash
	if [ ! -x "$dir/mkbook" ]; then
		rm -rf "$dir" && mkdir -p "$dir"
		git -C "$root" archive "$hash" | tar -x -C "$dir" || return 1
		make -C "$dir" -j2 mkbook >"$dir.log" 2>&1 || {
			printf 'compare-builds.sh: building %s failed; see %s.log\n' "$1" "$dir" >&2
			return 1
		}
	fi
	printf '%s\n' "$dir/mkbook"
}
OLD=$(binary_of "${bins[0]}") || exit 2
NEW=$(binary_of "${bins[1]}") || exit 2
printf '# old: %s\n# new: %s\n' "$OLD" "$NEW"

wants() {
	[ ${#only[@]} -eq 0 ] && return 0
	local g
	for g in "${only[@]}"; do [ "$g" = "$1" ] && return 0; done
	return 1
}

export SOURCE_DATE_EPOCH=1704067200
export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0

# normalise FILE: the messages of FILE with "mkbook: " taken off where a
# file name follows it (the older format).
normalise() {
	sed -E 's/^mkbook: (.+: (error|warning|note): )/\1/' "$1"
}

# snapshot DIR: a line per file under DIR with its checksum (the run's
# own stdout and stderr excepted).
snapshot() {
	(cd "$1" && find . \( -type f -o -type l \) ! -name '.cmp-std*' -print0 | sort -z |
		xargs -0 -r sha256sum) 2>/dev/null || true
}

# run_side SIDE NAME DIR TIMEOUT PREPARE [PREFIX...] -- ARGS...: runs one
# binary (old or new) in DIR after the command PREPARE (which makes DIR
# afresh) and saves its exit status, output and files under
# $work/SIDE/NAME.
run_side() {
	local side=$1 name=$2 dir=$3 limit=$4 prepare=$5 bin prefix=()
	shift 5
	while [ "$1" != -- ]; do
		prefix+=("$1")
		shift
	done
	shift
	[ "$side" = old ] && bin=$OLD || bin=$NEW
	local keep=$work/$side/$name
	rm -rf "$keep" && mkdir -p "$keep"
	$prepare >"$keep/prepare.log" 2>&1
	local st=$?
	if [ "$st" -ne 0 ]; then
		echo "$st" >"$keep/prepare.status"
		return
	fi
	(cd "$dir" && timeout -k 5 "$limit" "${prefix[@]}" "$bin" "$@" \
		>.cmp-stdout 2>.cmp-stderr </dev/null)
	echo $? >"$keep/status"
	mv "$dir/.cmp-stdout" "$keep/stdout"
	normalise "$dir/.cmp-stderr" >"$keep/stderr"
	rm -f "$dir/.cmp-stderr"
	snapshot "$dir" >"$keep/files"
	# The EPUBs, kept for a closer look when they differ.
	find "$dir" -maxdepth 1 -name '*.epub' -type f -exec cp {} "$keep"/ \; 2>/dev/null
}

# compare NAME DIR TIMEOUT PREPARE [PREFIX...] -- ARGS...: both sides, then
# one result line.
compare() {
	local name=$1
	run_side old "$@"
	run_side new "$@"
	local o=$work/old/$name n=$work/new/$name
	if [ -f "$o/prepare.status" ] || [ -f "$n/prepare.status" ]; then
		local st
		st=$(cat "$o/prepare.status" 2>/dev/null || cat "$n/prepare.status")
		if [ "$st" = 77 ]; then
			printf 'skip - %s: %s\n' "$name" "$(head -n 1 "$o/prepare.log")"
		else
			fail "$name: preparing the run failed ($st)"
			indent <"$o/prepare.log" | head -n 10
		fi
		return
	fi
	if [ "$(cat "$o/status")" = 124 ] && [ "$(cat "$n/status")" = 124 ]; then
		printf 'skip - %s: both timed out after %ss; not compared\n' "$name" "$3"
		return
	fi
	local what=()
	cmp -s "$o/status" "$n/status" || what+=("exit $(cat "$o/status") -> $(cat "$n/status")")
	cmp -s "$o/stdout" "$n/stdout" || what+=(stdout)
	cmp -s "$o/stderr" "$n/stderr" || what+=(messages)
	cmp -s "$o/files" "$n/files" || what+=(files)
	if [ ${#what[@]} -eq 0 ]; then
		pass "$name"
	else
		fail "$name: ${what[*]} differ (build/compare/{old,new}/$name)"
		local f
		for f in stdout stderr files; do
			diff -u --label "old $f" --label "new $f" "$o/$f" "$n/$f" | head -n 12 | indent
		done
	fi
}

# ---- the sample and the test books ----

scratch=$work/run
fresh() { rm -rf "$scratch" && mkdir -p "$scratch"; }

cd "$root" || exit 2
if wants sample; then
	compare sample "$scratch" 120 fresh -- "$root/manuscript" -o book.epub
fi
if wants books; then
	for d in tests/books/*/; do
		b=$(basename "$d")
		compare "books-$b" "$scratch" 120 fresh -- "$root/$d" -o book.epub
		compare "books-$b-kepub" "$scratch" 120 fresh -- --kepub "$root/$d" -o book.kepub.epub
		compare "books-$b-toc1" "$scratch" 120 fresh -- --toc-depth 1 "$root/$d" -o book.epub
		compare "books-$b-j1" "$scratch" 120 fresh -- -j1 "$root/$d" -o book.epub
	done
fi

# ---- the bad-input corpus ----

if wants bad; then
	unpriv=$(unprivileged_prefix "$work")
	can_unpriv=$?
	for d in tests/bad/*/; do
		c=$(basename "$d")
		[ -f "$d/expect" ] || continue
		# Three times a case's own limit: a sanitised build is slower.
		limit=60
		[ -f "$d/timeout" ] && limit=$(head -n 1 "$d/timeout")
		limit=$((3 * limit))
		[ -f "$d/xfail" ] && limit=5
		prefix=()
		if [ -f "$d/unprivileged" ]; then
			if [ "$can_unpriv" -ne 0 ]; then
				printf 'skip - bad-%s: running as root and cannot drop the permission capabilities\n' "$c"
				continue
			fi
			read -r -a prefix <<<"$unpriv"
		fi
		mapfile -t args < <(bad_args "$root" "$c")
		eval "prepare_bad() { bad_prepare '$root' '$c' '$work/bad-run'; }"
		compare "bad-$c" "$work/bad-run" "$limit" prepare_bad "${prefix[@]}" -- "${args[@]}" in
		chmod -R u+rwx "$work/bad-run" 2>/dev/null
	done
fi

# ---- the spec book and the real-world book ----

if wants spec; then
	if bash tests/spec/extract.sh >"$work/spec-extract.log" 2>&1; then
		compare spec "$scratch" 300 fresh -- "$root/build/spec-book" -o book.epub
	else
		printf 'skip - spec: the spec texts could not be fetched (see build/compare/spec-extract.log)\n'
	fi
fi
if wants real; then
	sh tests/bench/realbook.sh build/bench/corpus/real-rust >"$work/realbook.log" 2>&1
	case $? in
	0)
		compare real-rust "$scratch" 600 fresh -- "$root/build/bench/corpus/real-rust" -o book.epub
		compare real-rust-kepub "$scratch" 600 fresh -- --kepub "$root/build/bench/corpus/real-rust" -o book.kepub.epub
		;;
	3) printf 'skip - real-rust: its package could not be fetched (offline?)\n' ;;
	*)
		fail "real-rust: tests/bench/realbook.sh failed"
		indent <"$work/realbook.log" | tail -n 10
		;;
	esac
fi
summary
