#!/usr/bin/env bash
# tests/run-books.sh - builds every test book of tests/books/ and checks it.
#
# Usage: tests/run-books.sh [--update-golden] [CASE...]
#
# For each case (a folder tests/books/CASE/, or only the CASEs named):
#   build        mkbook --strict CASE -o build/test-books/CASE.epub exits 0
#                and prints no warning or error
#   epubcheck    epubcheck reports 0 fatals, 0 errors, 0 warnings
#                (run in parallel, one JVM per book)
#   mimetype     the first zip entry is "mimetype", stored, no extra field
#   golden       when tests/books/CASE/expected/ exists: every .opf, .ncx and
#                .xhtml of the EPUB (paths as inside the EPUB) equals the
#                file there, and there is no other such file
#   reproducible (basic and images) a second build from a copy of the
#                manuscript in another folder, every mtime changed, another
#                working directory, TZ, locale and umask, is byte-identical
#
# --update-golden rewrites expected/ from the current build (for every case
# run, so name the cases to limit it) instead of comparing.
#
# Environment: MKBOOK (default: ./mkbook of the repository), EPUBCHECK_JAR
# (default: /usr/share/java/epubcheck.jar, Debian's epubcheck package),
# EPUBCHECK_JOBS (default: nproc).
#
# A book that has no book.yaml, or whose book.yaml sets no modified:, is built
# with SOURCE_DATE_EPOCH=1704067200 (2024-01-01); every other book is built
# with SOURCE_DATE_EPOCH unset, so its own modified: date is what pins it.
#
# Prints one "ok - ..." or "FAIL - ..." line per check and, last,
# "N passed, M failed"; exits 1 when anything failed.

# shellcheck source=tests/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
suite_start --update-golden "$@"
epubcheck_server_start
jobs=${EPUBCHECK_JOBS:-$(nproc 2>/dev/null || echo 2)}
update_golden=false
has_option --update-golden && update_golden=true
books=tests/books
out=build/test-books
mkdir -p "$out"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mkbook-books.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

if [ ${#cases[@]} -eq 0 ]; then
	for dir in "$books"/*/; do
		[ -d "$dir" ] || continue
		dir=${dir%/}
		cases+=("${dir##*/}")
	done
fi
if [ ${#cases[@]} -eq 0 ]; then
	fail "no test books found in $books"
	summary
	exit 1
fi

if [ ! -x "$MKBOOK" ]; then
	printf '# mkbook not found or not executable: %s (run make, or set MKBOOK)\n' "$MKBOOK"
fi

# needs_fixed_epoch DIR: true when the book in DIR does not pin its own date.
needs_fixed_epoch() {
	[ ! -f "$1/book.yaml" ] || ! grep -Eq '^modified:[[:space:]]*[^[:space:]#]' "$1/book.yaml"
}

# build DIR EPUB ERRFILE: runs mkbook --strict on the book in DIR.
build() {
	if needs_fixed_epoch "$1"; then
		SOURCE_DATE_EPOCH=$fixed_epoch "$MKBOOK" --strict "$1" -o "$2" 2>"$3" </dev/null
	else
		env -u SOURCE_DATE_EPOCH "$MKBOOK" --strict "$1" -o "$2" 2>"$3" </dev/null
	fi
}

# 1. Build every case.
built=()
for c in "${cases[@]}"; do
	dir=$books/$c
	epub=$out/$c.epub
	rm -f "$epub" "$out/$c.epubcheck.txt" "$out/$c.second.epub"
	if [ ! -d "$dir" ]; then
		fail "build $c: no folder $dir"
		continue
	fi
	build "$dir" "$epub" "$tmp/$c.stderr"
	status=$?
	if [ "$status" -ne 0 ]; then
		fail "build $c: mkbook exited $status"
		indent <"$tmp/$c.stderr"
	elif grep -Eq '(^|: )(warning|error):' "$tmp/$c.stderr"; then
		fail "build $c: mkbook printed diagnostics"
		indent <"$tmp/$c.stderr"
	elif [ ! -s "$epub" ]; then
		fail "build $c: no EPUB written to $epub"
		indent <"$tmp/$c.stderr"
	else
		pass "build $c"
		built+=("$c")
	fi
done

# 2. epubcheck, one JVM per book, EPUBCHECK_JOBS at a time.
if [ ${#built[@]} -gt 0 ]; then
	if ! command -v java >/dev/null 2>&1 || [ ! -f "$EPUBCHECK_JAR" ]; then
		for c in "${built[@]}"; do
			fail "epubcheck $c: java or $EPUBCHECK_JAR missing (apt-get install epubcheck, or set EPUBCHECK_JAR)"
		done
	else
		for c in "${built[@]}"; do
			while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do
				wait -n
			done
			run_epubcheck "$EPUBCHECK_JAR" "$out/$c.epub" "$out/$c.epubcheck.txt" &
		done
		wait
		for c in "${built[@]}"; do
			report=$out/$c.epubcheck.txt
			if counts=$(epubcheck_summary "$report"); then
				if [ "$counts" = "0 0 0" ]; then
					pass "epubcheck $c"
				else
					read -r nf ne nw <<<"$counts"
					fail "epubcheck $c: $nf fatal, $ne error, $nw warning messages"
					indent <"$report"
				fi
			else
				fail "epubcheck $c: no Messages line in epubcheck's output"
				indent <"$report"
			fi
		done
	fi
fi

# 3. The mimetype entry.
for c in "${built[@]}"; do
	if msg=$(check_mimetype "$out/$c.epub" 2>&1); then
		pass "mimetype $c"
	else
		fail "mimetype $c"
		printf '%s\n' "$msg" | indent
	fi
done

# 4. Golden files.
for c in "${built[@]}"; do
	expected=$books/$c/expected
	if ! $update_golden && [ ! -d "$expected" ]; then
		continue
	fi
	rm -rf "$tmp/unzip-$c" "$tmp/golden-$c"
	if ! unzip_epub "$out/$c.epub" "$tmp/unzip-$c" >"$tmp/unzip-$c.log" 2>&1; then
		fail "golden $c: cannot unzip $out/$c.epub"
		indent <"$tmp/unzip-$c.log"
		continue
	fi
	golden_tree "$tmp/unzip-$c" "$tmp/golden-$c"
	if $update_golden; then
		rm -rf "$expected"
		mkdir -p "$expected"
		cp -R "$tmp/golden-$c/." "$expected/"
		pass "golden $c: updated $expected"
	elif diff -ru "$expected" "$tmp/golden-$c" >"$tmp/diff-$c" 2>&1; then
		pass "golden $c"
	else
		fail "golden $c: the EPUB differs from $expected (- expected, + built)"
		sed "s|$tmp/golden-$c|built|g" "$tmp/diff-$c" | indent
	fi
done

# 5. Reproducibility: the same book from elsewhere, at another time of day.
for c in basic images; do
	case " ${built[*]} " in
	*" $c "*) ;;
	*) continue ;;
	esac
	copy=$tmp/repro-$c/manuscript/$c
	work=$tmp/repro-$c/cwd
	mkdir -p "$(dirname "$copy")" "$work"
	cp -R "$books/$c" "$copy"
	find "$copy" -exec touch -h -d '2011-11-11 11:11:11' {} +
	second=$tmp/repro-$c/second.epub
	if needs_fixed_epoch "$copy"; then
		epoch=(env "SOURCE_DATE_EPOCH=$fixed_epoch")
	else
		epoch=(env -u SOURCE_DATE_EPOCH)
	fi
	(
		cd "$work" && umask 027 &&
			"${epoch[@]}" TZ=Pacific/Kiritimati LC_ALL=C.UTF-8 \
				"$MKBOOK" --strict "$copy" -o "$second" </dev/null
	) >"$tmp/repro-$c.log" 2>&1
	status=$?
	if [ "$status" -ne 0 ]; then
		fail "reproducible $c: second build exited $status"
		indent <"$tmp/repro-$c.log"
	elif cmp "$out/$c.epub" "$second" >"$tmp/repro-$c.cmp" 2>&1; then
		pass "reproducible $c"
	else
		fail "reproducible $c: the second build differs"
		indent <"$tmp/repro-$c.cmp"
		cp "$second" "$out/$c.second.epub" &&
			printf '    kept as %s; compare with: diff <(unzip -lv %s) <(unzip -lv %s)\n' \
				"$out/$c.second.epub" "$out/$c.epub" "$out/$c.second.epub"
	fi
done

summary
