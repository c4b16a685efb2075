#!/usr/bin/env bash
# tests/run-fuzz-replay.sh - every input of the fuzzing seed corpus
# (tests/fuzz/corpus/TARGET/, found crashes included) through its target's
# code, built without libFuzzer: tests/fuzz/TARGET.c with the small main of
# tests/fuzz/replay.c. One check per target: the replay exits 0.
#
# Environment: FUZZ_REPLAY_DIR, the folder of the replay programs
# (default build/fuzz-replay, made by "make fuzz-replay-bin" when missing;
# make asan uses build/asan/fuzz-replay).
# shellcheck source=tests/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
suite_start "" "$@"

dir=${FUZZ_REPLAY_DIR:-build/fuzz-replay}
targets=()
for src in tests/fuzz/fuzz_*.c; do
	t=${src##*/}
	targets+=("${t%.c}")
done
missing=false
for t in "${targets[@]}"; do
	[ -x "$dir/$t" ] || missing=true
done
if $missing && [ -z "${FUZZ_REPLAY_DIR:-}" ]; then
	${MAKE:-make} --no-print-directory -s fuzz-replay-bin >/dev/null 2>&1 || true
fi

mkdir -p build
for t in "${targets[@]}"; do
	corpus=tests/fuzz/corpus/$t
	log=build/fuzz-replay-$t.log
	if [ ! -x "$dir/$t" ]; then
		fail "replay $t: $dir/$t missing (make fuzz-replay-bin)"
	elif [ ! -d "$corpus" ]; then
		fail "replay $t: no seed corpus $corpus"
	elif "$dir/$t" -v "$corpus" >"$log" 2>&1; then
		pass "replay $t: $(tail -n 1 "$log")"
	else
		fail "replay $t: exit $? (last input: $(grep -v '^[0-9]* inputs$' "$log" | grep "^$corpus/" | tail -n 1))"
		tail -n 30 "$log" | indent
	fi
done
summary
