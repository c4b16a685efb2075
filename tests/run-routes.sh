#!/usr/bin/env bash
# tests/run-routes.sh - the two renderers behind markdown_render
# (src/markdown_renderers.h) against each other: the direct renderer
# (src/markdown_direct.c) and the reference (src/markdown_via_html.c:
# cmark-gfm's HTML read back by libxml2's HTML parser),
# on real text: every CommonMark and GFM spec example, every Markdown file
# of the test books, the bad-input corpus and the sample book, and a
# generated book. Each file is fed to the fuzz_routes target (built
# without libFuzzer) as a chapter (mode 2: through source_parse), as a
# reader comment (mode 1) and with a note prefix (mode 4); it aborts on
# the first page or message that differs. One check per group of files.
#
# Environment: FUZZ_REPLAY_DIR, the folder of the replay programs
# (default build/fuzz-replay; make asan uses build/asan/fuzz-replay).
# shellcheck source=tests/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
suite_start "" "$@"

dir=${FUZZ_REPLAY_DIR:-build/fuzz-replay}
if [ ! -x "$dir/fuzz_routes" ] && [ -z "${FUZZ_REPLAY_DIR:-}" ]; then
	${MAKE:-make} --no-print-directory -s fuzz-replay-bin >/dev/null 2>&1 || true
fi
out=build/test-routes
rm -rf "$out"
mkdir -p "$out"

# inputs GROUP FILE... : writes each file three times, behind mode bytes.
inputs() {
	local group=$1 i=0 f
	shift
	mkdir -p "$out/$group"
	for f in "$@"; do
		i=$((i + 1))
		for mode in 2 1 4; do
			{ printf "\\$(printf '%03o' "$mode")"; cat "$f"; } >"$out/$group/$(printf '%05d' "$i")-$mode"
		done
	done
}

check_group() {
	local group=$1 what=$2 log=$out/$1.log
	local n
	n=$(find "$out/$group" -type f | wc -l)
	if [ ! -x "$dir/fuzz_routes" ]; then
		fail "$what: $dir/fuzz_routes missing (make fuzz-replay-bin)"
	elif [ "$n" -eq 0 ]; then
		fail "$what: no inputs"
	elif FUZZ_VERBOSE= "$dir/fuzz_routes" -v "$out/$group" >"$log" 2>&1; then
		pass "$what: both routes give the same pages and messages ($n inputs)"
	else
		fail "$what: the routes differ (input $(grep "^$out/" "$log" | tail -n 1))"
		grep -A3 '^fuzz_routes:' "$log" | indent
	fi
}

if bash tests/spec/extract.sh >"$out/extract.log" 2>&1; then
	mapfile -t spec < <(find build/spec-book -name '*.md' | sort)
	inputs spec "${spec[@]}"
	check_group spec "spec examples (${#spec[@]})"
else
	fail "spec examples could not be fetched"
	indent <"$out/extract.log"
fi

mapfile -t books < <(find tests/books tests/bad manuscript -name '*.md' | sort)
inputs books "${books[@]}"
check_group books "test books, bad inputs and the sample (${#books[@]} files)"

if ${MAKE:-make} --no-print-directory -s build/bench/genbook >/dev/null 2>&1 &&
	build/bench/genbook 7 1 "$out/genbook" >/dev/null 2>&1; then
	mapfile -t gen < <(find "$out/genbook" -name '*.md' | sort)
	inputs gen "${gen[@]}"
	check_group gen "a generated 1 MiB book (${#gen[@]} chapters)"
else
	fail "genbook could not write a book"
fi
summary
