#!/usr/bin/env bash
# tests/run-all.sh - every integration script (tests/run-*.sh but this one),
# each to its end even when one fails, with the seconds each took; closes
# with the totals.
# shellcheck source=tests/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
suite_start "" "$@"
passed=0 failed=0 broken=0
for t in tests/run-*.sh; do
	[ "$t" = tests/run-all.sh ] && continue
	echo "== $t"
	start=$SECONDS
	bash "$t" 2>&1 | tee build/last-run.log
	rc=${PIPESTATUS[0]}
	echo "== $t: $((SECONDS - start)) s"
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' build/last-run.log | tail -n 1)
	if [ -n "$line" ]; then
		passed=$((passed + $(echo "$line" | cut -d' ' -f1)))
		failed=$((failed + $(echo "$line" | cut -d' ' -f3)))
	fi
	if [ "$rc" -ne 0 ] && [ -z "$line" -o "$(echo "$line" | cut -d' ' -f3)" = 0 ]; then
		echo "$t exited with $rc"
		broken=$((broken + 1))
	fi
done
failed=$((failed + broken))
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
