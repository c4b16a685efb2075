#!/usr/bin/env bash
# tests/valgrind.sh - under valgrind's memcheck: the unit tests
# (CK_FORK=no), mkbook on every test book (tests/books/*/) and the sample
# (manuscript/), and then the bad-input corpus
# and atomic-output tests of tests/run-bad.sh with MKBOOK set to
# tests/valgrind-wrap.sh (but its huge cases, see there). Any memory error
# or any leak (definite, indirect or possible) fails; "still reachable"
# blocks (the global caches of libxml2 and cmark-gfm) do not. Run by make
# valgrind.
#
# In the first part mkbook's own exit status is not judged, only valgrind's
# verdict: exit 99 is an error valgrind
# found, a signal is a crash; two runs at a time (VALGRIND_JOBS, default
# nproc). run-bad.sh judges its cases as ever, and every report valgrind
# wrote there is a failure too.
#
# Environment: VALGRIND (default valgrind), MKBOOK (default ./mkbook),
# UNIT (default build/unit-tests), VALGRIND_JOBS.
# shellcheck source=tests/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
suite_start "" "$@"

VALGRIND=${VALGRIND:-valgrind}
UNIT=${UNIT:-build/unit-tests}
jobs=${VALGRIND_JOBS:-$(nproc 2>/dev/null || echo 2)}
out=build/valgrind
rm -rf "$out"
mkdir -p "$out"
vg=("$VALGRIND" -q --error-exitcode=99 --leak-check=full
	--show-leak-kinds=definite,indirect,possible
	--errors-for-leak-kinds=definite,indirect,possible
	--track-origins=yes --num-callers=30)

# run NAME CMD...: runs CMD under valgrind, its log in $out/NAME.log and
# its status in $out/NAME.status.
run() {
	local name=$1
	shift
	SOURCE_DATE_EPOCH=1704067200 CK_FORK=no "${vg[@]}" --log-file="$out/$name.vg" "$@" \
		>"$out/$name.log" 2>&1 </dev/null
	echo $? >"$out/$name.status"
}

names=()
start() {
	while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do
		wait -n
	done
	names+=("$1")
	run "$@" &
}

start unit-tests "$UNIT"
start sample "$MKBOOK" --strict manuscript/ -o "$out/sample.epub"
start sample-check "$MKBOOK" --check manuscript/
for dir in tests/books/*/; do
	[ -d "$dir" ] || continue
	dir=${dir%/}
	name=$(printf '%s' "$dir" | tr '/' '-')
	start "$name" "$MKBOOK" "$dir" -o "$out/$name.epub"
done
wait

for name in "${names[@]}"; do
	status=$(cat "$out/$name.status" 2>/dev/null || echo missing)
	if [ "$status" = 99 ] || [ -s "$out/$name.vg" ]; then
		fail "valgrind $name: memory errors or leaks (exit $status)"
		indent <"$out/$name.vg" | head -n 80
	elif [ "$status" = missing ] || [ "$status" -ge 128 ]; then
		fail "valgrind $name: crashed (exit $status)"
		tail -n 20 "$out/$name.log" | indent
	elif [ "$name" = unit-tests ] && [ "$status" != 0 ]; then
		fail "valgrind $name: the unit tests failed under valgrind (exit $status)"
		tail -n 20 "$out/$name.log" | indent
	else
		pass "valgrind $name (exit $status)"
	fi
done

# The bad-input corpus and the atomic-output tests, through the wrapper.
if [ -f tests/run-bad.sh ]; then
	logs=$PWD/$out/bad
	mkdir -p "$logs"
	VALGRIND_MKBOOK=$MKBOOK VALGRIND_LOGS=$logs VALGRIND=$VALGRIND \
		MKBOOK=$PWD/tests/valgrind-wrap.sh bash tests/run-bad.sh >"$out/run-bad.log" 2>&1
	status=$?
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$out/run-bad.log" | tail -n 1)
	if [ "$status" -eq 0 ]; then
		pass "valgrind run-bad.sh: $line"
	else
		fail "valgrind run-bad.sh: ${line:-exit $status} (log: $out/run-bad.log)"
		grep -E '^FAIL' "$out/run-bad.log" | head -n 40 | indent
	fi
	reports=0
	for f in "$logs"/vg.*; do
		[ -s "$f" ] || continue
		reports=$((reports + 1))
		fail "valgrind run-bad.sh: report in $f"
		head -n 60 "$f" | indent
	done
	[ "$reports" -eq 0 ] && pass "valgrind run-bad.sh: no valgrind report ($(ls "$logs" | wc -l) runs)"
fi
summary
