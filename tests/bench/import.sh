#!/usr/bin/env bash
# tests/bench/import.sh - the importer's measurement in make bench (issue 15).
#
# Usage: tests/bench/import.sh EXPORT.xml MIDDLE_POST_ID
#
# On a WordPress export (make bench writes one of BENCH_WXR_MIB MiB with
# tests/bench/genwxr.c), each timed by benchrun, several runs, median:
#   - libxml2's streaming parser alone: xmllint --stream --noout EXPORT
#   - mkbook import EXPORT --list
#   - mkbook import EXPORT --post ID -o DIR (one post from the middle of the
#     file, its related posts chosen among all the others)
# and checks the targets: each import at most twice xmllint's time, with a
# peak resident memory under 64 MiB. Times are the best of the runs (the
# least disturbed by other work); wall time is the target's measure, and
# CPU time (user + system) is printed beside it, since wall time on a busy
# machine also counts the waits for a processor. Appends the table to
# OUT/results.md. Exits 1 when a target is missed.
#
# Environment: MKBOOK (build/release/mkbook), BENCHRUN (build/bench/benchrun),
# OUT (build/bench), BENCH_RUNS (5), BENCH_NICE (-20 as root, else 0).
set -u

here=$(cd "$(dirname "$0")" && pwd)
MKBOOK=${MKBOOK:-build/release/mkbook}
BENCHRUN=${BENCHRUN:-build/bench/benchrun}
OUT=${OUT:-build/bench}
BENCH_RUNS=${BENCH_RUNS:-5}
if [ "$(id -u)" -eq 0 ]; then BENCH_NICE=${BENCH_NICE:--20}; else BENCH_NICE=${BENCH_NICE:-0}; fi
export LC_ALL=C

[ $# -eq 2 ] || { echo "usage: $0 EXPORT.xml MIDDLE_POST_ID" >&2; exit 2; }
export_xml=$1
post_id=$2
command -v xmllint >/dev/null || { echo "import.sh: xmllint is missing (apt-get install libxml2-utils)" >&2; exit 2; }
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
dest=$OUT/out/import
mib=$(awk -v b="$(wc -c <"$export_xml")" 'BEGIN { printf "%.1f", b / 1048576 }')
posts=$("$MKBOOK" import "$export_xml" --list 2>/dev/null | wc -l)
# (Listing it once has read the export into the page cache.)

# stats: reads numbers, prints "median min max" (as bench.sh's).
stats() {
	sort -g | awk '{ v[NR] = $1 } END {
		if (NR == 0) { print "- - -"; exit }
		m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
		print m, v[1], v[NR] }'
}

# run NAME CMD...: BENCH_RUNS runs under benchrun; sets wall, cpu (the
# least of the runs), rss (the largest) and status (the last run's exit
# code).
run() {
	local name=$1 i w r u s st walls=() cpus=() rsss=()
	shift
	for ((i = 1; i <= BENCH_RUNS; i++)); do
		rm -rf "$dest"
		read -r w r u s st < <("$BENCHRUN" -n "$BENCH_NICE" -- "$@" 2>"$OUT/import-$name.err")
		walls+=("$w")
		cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }')")
		rsss+=("$r")
	done
	read -r _ wall _ < <(printf '%s\n' "${walls[@]}" | stats)
	read -r _ cpu _ < <(printf '%s\n' "${cpus[@]}" | stats)
	read -r _ _ rss < <(printf '%s\n' "${rsss[@]}" | stats)
	wall=$(printf '%.3f' "$wall")
	cpu=$(printf '%.3f' "$cpu")
	status=$st
}

run xmllint xmllint --stream --noout "$export_xml"
base_wall=$wall base_cpu=$cpu base_rss=$rss
[ "$status" = 0 ] || { echo "import.sh: xmllint failed on $export_xml" >&2; exit 1; }

missed=0
table="| $mib MiB export, $posts published posts | wall s | CPU s | x xmllint (wall) | x xmllint (CPU) | peak MiB | target |
|---|---|---|---|---|---|---|
| xmllint --stream --noout | $base_wall | $base_cpu | 1 | 1 | $(awk -v k="$base_rss" 'BEGIN { printf "%.1f", k / 1024 }') | |"
for what in list post; do
	if [ "$what" = list ]; then
		run list "$MKBOOK" import "$export_xml" --list
	else
		run post "$MKBOOK" import -q "$export_xml" --post "$post_id" -o "$dest"
	fi
	if [ "$status" != 0 ]; then
		echo "import.sh: mkbook import ($what) exited with $status:" >&2
		tail -n 5 "$OUT/import-$what.err" >&2
		missed=1
	fi
	row=$(awk -v w="$wall" -v c="$cpu" -v bw="$base_wall" -v bc="$base_cpu" -v k="$rss" 'BEGIN {
		rw = w / bw; rc = c / bc; m = k / 1024
		ok = (rw <= 2 && m < 64) ? "met" : "MISSED"
		printf "%.2f | %.2f | %.1f | %s", rw, rc, m, ok }')
	case $row in *MISSED) missed=1 ;; esac
	label=$([ "$what" = list ] && echo "mkbook import --list" || echo "mkbook import --post $post_id")
	table+="
| $label | $wall | $cpu | ${row% | *} | <= 2x, < 64 MiB: ${row##* | } |"
done

printf '%s\n' "== import: the importer against libxml2's streaming parser (best of $BENCH_RUNS runs)" "$table"
{
	printf '\n### The importer (issue 15)\n\n%s\n' "$table"
} >>"$OUT/results.md"
exit "$missed"
