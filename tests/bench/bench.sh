#!/usr/bin/env bash
# tests/bench/bench.sh - the measurements behind make bench (issue 5).
#
# Usage: tests/bench/bench.sh NAME=MANUSCRIPT_DIR...
#
# For each manuscript, side by side in one run: mkbook (MKBOOK -q DIR -o
# out.epub), pandoc (--toc over the same Markdown files in reading order, with
# the book's title, author and language) and the lower bound
# (tests/bench/lowerbound.sh: cmark-gfm over every file, then zip -6), each
# timed by tests/bench/benchrun: wall time and peak resident memory, several
# runs, median (min-max). Then: mkbook's output is byte-identical across its
# runs (cmp), and epubcheck reports 0 fatals / 0 errors / 0 warnings on it.
# Prints a Markdown table and writes it, with the machine and tool versions,
# to OUT/results.md; every single run goes to OUT/runs.tsv.
#
# Environment (make bench passes them on):
#   MKBOOK           the mkbook to measure (default build/release/mkbook)
#   BENCHRUN         the runner (default build/bench/benchrun)
#   OUT              where outputs and results go (default build/bench)
#   BENCH_RUNS       runs of mkbook and of the lower bound per corpus (5)
#   BENCH_RUNS_BIG   the same for corpora over BENCH_BIG_MIB MiB (3)
#   BENCH_BIG_MIB    (32)
#   PANDOC_RUNS      pandoc runs on corpora up to PANDOC_SMALL_MIB MiB (3)
#   PANDOC_RUNS_BIG  pandoc runs on larger corpora (1)
#   PANDOC_SMALL_MIB (1)
#   PANDOC_TIMEOUT   seconds before a pandoc run is killed (600); after a
#                    timeout, pandoc is not run on corpora as large or larger
#   PANDOC_FROM      pandoc's reader (gfm: the manuscripts are GFM)
#   BENCH_PANDOC     0 leaves pandoc out
#   BENCH_EPUBCHECK  0 leaves epubcheck out
#   BENCH_EPUBCHECK_MAX_MIB  epubcheck only the corpora up to this size (100)
#   EPUBCHECK_JAVA   how java is started for epubcheck (java -Xss1g): epubcheck
#                    4.2.6 checks the reading order by recursing once per
#                    link between documents (XRefChecker.checkReadingOrder),
#                    which overflows the default stack on the 16 MiB book,
#                    prints a StackOverflowError and still says "0 errors"
#   EPUBCHECK_JAR    (default /usr/share/java/epubcheck.jar)
#   RELEASE_FLAGS    the flags MKBOOK was built with, for the report
#   BENCH_NICE       niceness of the measured commands: -20 when run as root
#                    (so that other work on a shared machine disturbs them
#                    less; the same for every tool), else 0
set -u

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../lib.sh
. "$here/../lib.sh"

MKBOOK=${MKBOOK:-build/release/mkbook}
BENCHRUN=${BENCHRUN:-build/bench/benchrun}
OUT=${OUT:-build/bench}
BENCH_RUNS=${BENCH_RUNS:-5}
BENCH_RUNS_BIG=${BENCH_RUNS_BIG:-3}
BENCH_BIG_MIB=${BENCH_BIG_MIB:-32}
PANDOC_RUNS=${PANDOC_RUNS:-3}
PANDOC_RUNS_BIG=${PANDOC_RUNS_BIG:-1}
PANDOC_SMALL_MIB=${PANDOC_SMALL_MIB:-1}
PANDOC_TIMEOUT=${PANDOC_TIMEOUT:-600}
PANDOC_FROM=${PANDOC_FROM:-gfm}
BENCH_PANDOC=${BENCH_PANDOC:-1}
BENCH_EPUBCHECK=${BENCH_EPUBCHECK:-1}
BENCH_EPUBCHECK_MAX_MIB=${BENCH_EPUBCHECK_MAX_MIB:-100}
EPUBCHECK_JAVA=${EPUBCHECK_JAVA:-java -Xss1g}
EPUBCHECK_JAR=${EPUBCHECK_JAR:-/usr/share/java/epubcheck.jar}
RELEASE_FLAGS=${RELEASE_FLAGS:-?}
if [ "$(id -u)" -eq 0 ]; then BENCH_NICE=${BENCH_NICE:--20}; else BENCH_NICE=${BENCH_NICE:-0}; fi
export LC_ALL=C

[ $# -gt 0 ] || { echo "usage: $0 NAME=MANUSCRIPT_DIR..." >&2; exit 2; }
command -v pandoc >/dev/null || BENCH_PANDOC=0
abs() { (cd "$(dirname "$1")" && printf '%s/%s\n' "$(pwd)" "$(basename "$1")"); }
MKBOOK=$(abs "$MKBOOK")
BENCHRUN=$(abs "$BENCHRUN")
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
runs_tsv=$OUT/runs.tsv
printf 'corpus\ttool\trun\twall_s\tmaxrss_kib\tuser_s\tsys_s\tstatus\n' >"$runs_tsv"
rm -rf "$OUT/out" "$OUT/.summary" "$OUT/stderr"
t_start=$(date +%s)
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

# reading_order DIR: the Markdown files of the book, relative to DIR, in
# reading order: the contents list of book.yaml (a folder entry, also
# "comments:" and "related:", stands for its .md files in name order), or
# every .md file of DIR.
reading_order() {
	local dir=$1 e
	if grep -q '^contents:' "$dir/book.yaml" 2>/dev/null; then
		sed -n '/^contents:/,/^[^ -]/p' "$dir/book.yaml" |
		    sed -n 's/^ *- *\(comments: *\|related: *\)\{0,1\}//p' |
		    sed 's/^"\(.*\)"$/\1/; s/ *#.*$//' |
		    while read -r e; do
			    if [ -d "$dir/$e" ]; then
				    (cd "$dir" && ls "${e%/}"/*.md)
			    else
				    echo "$e"
			    fi
		    done
	else
		(cd "$dir" && ls ./*.md | sed 's|^\./||')
	fi
}

# yaml_value DIR KEY: a top-level scalar of book.yaml, without quotes.
yaml_value() {
	sed -n "s/^$2: *//p" "$1/book.yaml" 2>/dev/null | head -n 1 | sed 's/^"\(.*\)"$/\1/'
}

# book_author DIR: the first author's name.
book_author() {
	local a
	a=$(yaml_value "$1" author)
	[ -n "$a" ] || a=$(sed -n '/^authors\{0,1\}:/,/^[^ -]/s/^ *- *name: *//p' "$1/book.yaml" |
	    head -n 1 | sed 's/^"\(.*\)"$/\1/')
	printf '%s\n' "${a:-Unknown}"
}

# stats: reads numbers, prints "median min max".
stats() {
	sort -g | awk '{ v[NR] = $1 } END {
		if (NR == 0) { print "- - -"; exit }
		m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
		print m, v[1], v[NR] }'
}

# secs X: a time for the table, three significant figures or so.
secs() {
	awk -v x="$1" 'BEGIN { if (x == "-") print "-"; else if (x < 0.01) printf "%.4f", x;
	    else if (x < 1) printf "%.3f", x;
	    else if (x < 100) printf "%.2f", x; else printf "%.0f", x }'
}

# measure CORPUS TOOL RUN BENCHRUN_ARGS...: runs benchrun with the rest of
# the arguments (options, "--", the command), prints its line and logs it.
# The command's standard error (a real-world book makes mkbook and pandoc
# print thousands of warnings) goes to OUT/stderr/CORPUS-TOOL.txt, the last
# run's; a terminal would slow the run down and bury the table.
measure() {
	local corpus=$1 tool=$2 run=$3 line
	shift 3
	mkdir -p "$OUT/stderr"
	line=$("$BENCHRUN" -n "$BENCH_NICE" "$@" 2>"$OUT/stderr/$corpus-$tool.txt")
	printf '%s\t%s\t%s\t%s\n' "$corpus" "$tool" "$run" "$(tr ' ' '\t' <<<"$line")" >>"$runs_tsv"
	printf '%s\n' "$line"
}

rows=()
checks=()
pandoc_gave_up=""

# The floor: what starting any process costs here, measured as /bin/true
# (linked to libc alone) under the same runner. No tool started as a
# process can be faster than pandoc by more than pandoc's time over this.
walls=()
for ((r = 1; r <= 21; r++)); do
	read -r w _ < <(measure floor true "$r" -- /bin/true)
	walls+=("$w")
done
read -r floor_med floor_min floor_max < <(printf '%s\n' "${walls[@]}" | stats)
echo "== process start floor (/bin/true): $floor_med s median ($floor_min-$floor_max), 21 runs"
declare -A epub_of mib_of

for spec in "$@"; do
	name=${spec%%=*}
	dir=$(cd "${spec#*=}" && pwd)
	out=$OUT/out/$name
	rm -rf "$out"
	mkdir -p "$out"
	mapfile -t files < <(reading_order "$dir")
	bytes=$(cd "$dir" && cat "${files[@]}" | wc -c)
	mib=$(awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1048576 }')
	runs=$BENCH_RUNS
	awk -v m="$mib" -v b="$BENCH_BIG_MIB" 'BEGIN { exit !(m > b) }' && runs=$BENCH_RUNS_BIG
	echo "== $name: $mib MiB of Markdown in ${#files[@]} files ($dir)"

	# (Counting the bytes has read the files into the page cache.)

	# mkbook
	walls=() rss=() cpu=() identical=yes failed=0
	for ((r = 1; r <= runs; r++)); do
		read -r w m u s st < <(measure "$name" mkbook "$r" -- "$MKBOOK" -q "$dir" -o "$out/mkbook.epub")
		[ "$st" = 0 ] || failed=1
		walls+=("$w") rss+=("$m") cpu+=("$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }')")
		if [ "$r" -eq 1 ]; then
			cp "$out/mkbook.epub" "$out/ref.epub"
		elif ! cmp -s "$out/mkbook.epub" "$out/ref.epub"; then
			identical=no
		fi
	done
	read -r mk_med mk_min mk_max < <(printf '%s\n' "${walls[@]}" | stats)
	read -r mk_rss _ < <(printf '%s\n' "${rss[@]}" | sort -g | tail -n 1)
	read -r mk_cpu _ < <(printf '%s\n' "${cpu[@]}" | stats)
	mk_mib=$(awk -v k="$mk_rss" 'BEGIN { printf "%.1f", k / 1024 }')
	epub_bytes=$(stat -c %s "$out/ref.epub" 2>/dev/null || echo 0)
	epub_mib=$(awk -v b="$epub_bytes" 'BEGIN { printf "%.2f", b / 1048576 }')
	echo "   mkbook: $mk_med s median ($mk_min-$mk_max), CPU $mk_cpu s, peak $mk_mib MiB, $runs runs"
	[ "$failed" -eq 0 ] || echo "   mkbook: a run FAILED (see $runs_tsv and $OUT/stderr/$name-mkbook.txt)"
	warned=$(grep -c ': warning: ' "$OUT/stderr/$name-mkbook.txt")
	[ "$warned" -eq 0 ] || echo "   mkbook: $warned warnings (in $OUT/stderr/$name-mkbook.txt)"
	if [ "$identical" = yes ] && [ "$failed" -eq 0 ]; then
		checks+=("ok - $name: mkbook output byte-identical across $runs runs")
	else
		checks+=("FAIL - $name: mkbook output differs between runs (or a run failed)")
	fi
	epub_of[$name]=$out/ref.epub
	mib_of[$name]=$mib

	# the lower bound
	walls=() cpu=() lb_failed=0
	for ((r = 1; r <= runs; r++)); do
		rm -rf "$out/lb"
		mkdir -p "$out/lb/html"
		read -r w m u s st < <(measure "$name" lowerbound "$r" -C "$dir" -- bash "$here/lowerbound.sh" "$out/lb" "${files[@]}")
		[ "$st" = 0 ] || { echo "   lower bound: run $r exited $st ($OUT/stderr/$name-lowerbound.txt)"; lb_failed=1; }
		walls+=("$w") cpu+=("$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }')")
	done
	read -r lb_med lb_min lb_max < <(printf '%s\n' "${walls[@]}" | stats)
	read -r lb_cpu _ < <(printf '%s\n' "${cpu[@]}" | stats)
	echo "   lower bound: $lb_med s median ($lb_min-$lb_max), CPU $lb_cpu s"

	# pandoc
	pd_cell="-" pd_mib="-" speedup="-" pd_note="" pd_med="-"
	if [ "$BENCH_PANDOC" = 1 ] && [ -n "$pandoc_gave_up" ] &&
	    awk -v m="$mib" -v g="${mib_of[$pandoc_gave_up]}" 'BEGIN { exit !(m >= g) }'; then
		pd_cell="not run" pd_note="pandoc timed out on $pandoc_gave_up"
	elif [ "$BENCH_PANDOC" = 1 ]; then
		pruns=$PANDOC_RUNS
		awk -v m="$mib" -v b="$PANDOC_SMALL_MIB" 'BEGIN { exit !(m > b) }' && pruns=$PANDOC_RUNS_BIG
		title=$(yaml_value "$dir" title)
		author=$(book_author "$dir")
		lang=$(yaml_value "$dir" language)
		walls=() rss=() timedout=0
		for ((r = 1; r <= pruns; r++)); do
			read -r w m u s st < <(measure "$name" pandoc "$r" -t "$PANDOC_TIMEOUT" -C "$dir" -- \
			    pandoc -f "$PANDOC_FROM" --toc --metadata "title=${title:-$name}" \
			    --metadata "author=$author" --metadata "lang=${lang:-en}" \
			    -o "$out/pandoc.epub" "${files[@]}")
			if [ "$st" = timeout ]; then
				timedout=1
				break
			fi
			[ "$st" = 0 ] || echo "   pandoc: run $r exited $st ($OUT/stderr/$name-pandoc.txt)"
			walls+=("$w") rss+=("$m")
		done
		if [ "$timedout" = 1 ]; then
			pd_cell="> $PANDOC_TIMEOUT (timeout)" pandoc_gave_up=$name
			speedup="> $(awk -v p="$PANDOC_TIMEOUT" -v m="$mk_med" 'BEGIN { printf "%.0f", p / m }')x"
			echo "   pandoc: killed after $PANDOC_TIMEOUT s"
		else
			read -r pd_med pd_min pd_max < <(printf '%s\n' "${walls[@]}" | stats)
			read -r pd_rss _ < <(printf '%s\n' "${rss[@]}" | sort -g | tail -n 1)
			pd_mib=$(awk -v k="$pd_rss" 'BEGIN { printf "%.0f", k / 1024 }')
			if [ "$pruns" -gt 1 ]; then
				pd_cell="$(secs "$pd_med") ($(secs "$pd_min")–$(secs "$pd_max"))"
			else
				pd_cell="$(secs "$pd_med") (1 run)"
			fi
			speedup=$(awk -v p="$pd_med" -v m="$mk_med" 'BEGIN { printf "%.1fx", p / m }')
			echo "   pandoc: $pd_med s median ($pd_min-$pd_max), peak $pd_mib MiB, $pruns run(s)"
		fi
	fi

	ratio=$(awk -v m="$mk_med" -v l="$lb_med" 'BEGIN { printf "%.2f", m / l }')
	lb_cell=$(secs "$lb_med")
	if [ "$lb_failed" = 1 ]; then
		lb_cell="failed" ratio="-"
		checks+=("FAIL - $name: the lower bound failed (cmark-gfm or zip; see tests/bench/lowerbound.sh)")
	fi
	per_mib=$(awk -v m="$mk_med" -v s="$mib" 'BEGIN { printf "%.3f", m / s }')
	rows+=("| $name | $mib | ${#files[@]} | $(secs "$mk_med") ($(secs "$mk_min")–$(secs "$mk_max")) | $(secs "$mk_cpu") | $mk_mib | $epub_mib | $pd_cell | $pd_mib | $speedup | $lb_cell | $(secs "$lb_cpu") | $ratio | $per_mib |")
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$mib" "$mk_med" "$mk_rss" "$ratio" "$per_mib" \
	    "$speedup" "$epub_bytes" "${pd_med:--}" >>"$OUT/.summary"
	[ -z "$pd_note" ] || echo "   $pd_note"
done

t_measured=$(date +%s)

# epubcheck on every corpus's mkbook output, after the timing, two at a time.
if [ "$BENCH_EPUBCHECK" = 1 ]; then
	echo "== epubcheck (after the timing runs)"
	jobs_max=$(nproc)
	for name in "${!epub_of[@]}"; do
		awk -v m="${mib_of[$name]}" -v b="$BENCH_EPUBCHECK_MAX_MIB" 'BEGIN { exit !(m > b) }' && continue
		while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do wait -n; done
		# shellcheck disable=SC2086
		$EPUBCHECK_JAVA -jar "$EPUBCHECK_JAR" "${epub_of[$name]}" >"$OUT/out/$name/epubcheck.txt" 2>&1 &
	done
	wait
	for spec in "$@"; do
		name=${spec%%=*}
		if awk -v m="${mib_of[$name]}" -v b="$BENCH_EPUBCHECK_MAX_MIB" 'BEGIN { exit !(m > b) }'; then
			checks+=("skipped - $name: epubcheck not run (over BENCH_EPUBCHECK_MAX_MIB=$BENCH_EPUBCHECK_MAX_MIB MiB)")
		elif grep -qE '^(Exception|java\.|[A-Za-z.]*(Error|Exception)\b)' "$OUT/out/$name/epubcheck.txt"; then
			checks+=("FAIL - $name: epubcheck crashed: $(grep -m 1 -E 'Error|Exception' "$OUT/out/$name/epubcheck.txt" | cut -c1-100) (out/$name/epubcheck.txt)")
		elif counts=$(epubcheck_java_summary "$OUT/out/$name/epubcheck.txt"); then
			read -r f e w <<<"$counts"
			if [ "$f $e $w" = "0 0 0" ]; then
				checks+=("ok - $name: epubcheck 0 fatals / 0 errors / 0 warnings")
			else
				checks+=("FAIL - $name: epubcheck $f fatals / $e errors / $w warnings (out/$name/epubcheck.txt)")
			fi
		else
			checks+=("FAIL - $name: epubcheck did not finish (out/$name/epubcheck.txt)")
		fi
	done
fi
t_end=$(date +%s)
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

# The report.
{
	echo "## Results"
	echo
	echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') by \`make bench\`; load average $load_start at the start, $load_end at the end of the timing runs."
	echo
	echo "| corpus | MiB | Markdown files | mkbook s, median (min–max) | mkbook CPU s | mkbook peak MiB | EPUB MiB | pandoc s | pandoc peak MiB | speed-up vs pandoc | lower bound s | lower bound CPU s | mkbook / lower bound | mkbook s per MiB |"
	echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
	printf '%s\n' "${rows[@]}"
	echo
	echo "mkbook and the lower bound: $BENCH_RUNS runs each ($BENCH_RUNS_BIG over $BENCH_BIG_MIB MiB)."
	if [ "$BENCH_PANDOC" = 1 ]; then
		echo "pandoc (\`-f $PANDOC_FROM --toc\`): $PANDOC_RUNS run(s) up to $PANDOC_SMALL_MIB MiB, $PANDOC_RUNS_BIG above, each killed after $PANDOC_TIMEOUT s; after a timeout, not run on corpora as large or larger."
	else
		echo "pandoc was not run."
	fi
	echo "Every measured command ran at niceness $BENCH_NICE."
	echo "Process start floor: /bin/true under the same runner took $(secs "$floor_med") s ($(secs "$floor_min")–$(secs "$floor_max")), median of 21 runs."
	echo "MiB: the Markdown files of the book (images not counted); in a generated book each is a chapter."
	echo "CPU: the median of user + system time (on both cores; steadier than wall time on a busy machine)."
	echo "Peak: the largest resident set over the runs. Ratios and time per MiB use the wall-time medians."
	echo
	echo "Code: $(git -C "$here/../.." rev-parse --short HEAD 2>/dev/null)$(git -C "$here/../.." status --porcelain -- src 2>/dev/null | grep -q . && echo ' with uncommitted changes in src/')."
	echo
	echo "Machine: $(nproc) processors ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)), $(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) of memory, Linux $(uname -r)."
	echo
	echo "Tools: $("$MKBOOK" -V 2>&1 | head -n 1) (\`$RELEASE_FLAGS\`, $(cc --version 2>/dev/null | head -n 1)); $(pandoc --version 2>/dev/null | head -n 1);"
	echo "$(cmark-gfm --version 2>/dev/null | head -n 1 | cut -d' ' -f1-2); $(zip -v 2>/dev/null | sed -n 's/^This is Zip \([^ ]*\).*/zip \1/p'); epubcheck $(dpkg-query -W -f='${Version}' epubcheck 2>/dev/null) on $(java -version 2>&1 | sed -n '1s/^openjdk version "\([^"]*\)".*/OpenJDK \1/p');"
	echo "libraries: libcmark-gfm $(pkg-config --modversion libcmark-gfm 2>/dev/null), libxml2 $(pkg-config --modversion libxml-2.0 2>/dev/null), libzip $(pkg-config --modversion libzip 2>/dev/null), libdeflate $(pkg-config --modversion libdeflate 2>/dev/null)."
	echo
	echo "Checks:"
	echo
	printf -- '- %s\n' "${checks[@]}"
	echo
	# The targets of issue 5, from the figures above.
	awk -F '\t' -v floor="$floor_med" '
	{ name[NR] = $1; mib[NR] = $2; mk[NR] = $3; rss[NR] = $4; ratio[NR] = $5; per[NR] = $6; sp[NR] = $7; epub[NR] = $8; pd[NR] = $9 }
	END {
		print "Targets of issue 5:"
		print ""
		for (i = 1; i <= NR; i++) {
			spd = (sp[i] == "-") ? "pandoc not measured" : sprintf("%s faster than pandoc (target >= 50x)", sp[i])
			# Where the target is missed: how much room 50x leaves over
			# what starting a process that does nothing takes.
			if (pd[i] != "-" && floor > 0 && sp[i] + 0 < 50)
				spd = spd sprintf(" [50x would be %.2f ms, %.1f times what /bin/true takes here (%.2f ms)]", pd[i] * 1000 / 50, pd[i] / 50 / floor, floor * 1000)
			printf "- %s: %s; %sx the lower bound (target <= 1.5x); peak %.1f MiB\n", name[i], spd, ratio[i], rss[i] / 1024
		}
		# Time per MiB of the largest generated corpus against the smallest one.
		lo = 0; hi = 0
		for (i = 1; i <= NR; i++) if (name[i] ~ /^gen/) { if (!lo) lo = i; hi = i }
		if (lo && hi != lo) {
			printf "- time per MiB, %s / %s: %.2f (target <= 1.2)\n", name[hi], name[lo], per[hi] / per[lo]
			# Memory against output: what the peak grew by from the smallest
			# to the largest generated book, per MiB the EPUB grew by.
			de = (epub[hi] - epub[lo]) / 1048576
			if (de > 0)
				printf "- peak memory, %s to %s: +%.1f MiB for +%.1f MiB of EPUB, %.2f MiB per MiB (target <= 1: growing no faster than the output)\n", name[lo], name[hi], (rss[hi] - rss[lo]) / 1024, de, (rss[hi] - rss[lo]) / 1024 / de
		}
		for (i = 1; i <= NR; i++)
			if (mib[i] >= 12 && mib[i] <= 20)
				printf "- peak memory on %s (%.0f MiB of Markdown): %.1f MiB (target <= 128 MiB for a 15 MB book)\n", name[i], mib[i], rss[i] / 1024
	}' "$OUT/.summary"
} >"$OUT/results.md"
rm -rf "$OUT/out" "$OUT/.summary"

echo
cat "$OUT/results.md"
echo
echo "Timing runs took $((t_measured - t_start)) s, epubcheck $((t_end - t_measured)) s; every run is in $runs_tsv."
echo "Written to $OUT/results.md"
printf '%s\n' "${checks[@]}" | grep -q '^FAIL' && exit 1
exit 0
