#!/usr/bin/env bash
# tests/run-validators.sh - the two validators every book of the suite goes
# through (tests/lib.sh run_epubcheck: Debian's epubcheck 4.2.6 and
# epubcheck-ts, a port of EPUBCheck 5.x) can fail, and each is heard:
#   clean       the sample book: both report, and report nothing
#   both        a link to a missing document: each validator reports it
#               (RSC-007), and the two are added up
#   ts only     <del cite="deleted it">: epubcheck-ts reports RSC-020, 4.2.6
#               says nothing, and the book is not clean
#   missing     with epubcheck-ts not installed, no book is clean
#   disputed    a message listed in a case's epubcheck-ts-disputed file
#               (CODE and a text of the message) is shown, not counted;
#               one whose text differs still counts
#
# Where the two disagree on a book of the suite, the EPUB 3.3 specification
# decides; the cases found so far:
#   RSC-020 (epubcheck-ts only): a URL-valued attribute such as cite must
#     hold a valid URL (HTML, "valid URL potentially surrounded by spaces";
#     EPUB 3.3 section 6.1 makes XHTML content documents follow HTML), and
#     "deleted it" has a space inside, which the URL Standard does not
#     allow: epubcheck-ts (and EPUBCheck 5) are right, 4.2.6 misses it.
#   HTM-004 and RSC-012 (epubcheck-ts only): wrong, see
#     tests/bad/big-paragraph-10mb/epubcheck-ts-disputed (a parser's
#     text-node cap) and tests/bad/text-footnote-labels/epubcheck-ts-disputed
#     (a fragment compared without percent-decoding it).
#
# Environment: MKBOOK (default ./mkbook), EPUBCHECK_JAR, EPUBCHECK_TS_HOME.
# Prints one "ok - ..." or "FAIL - ..." line per check and, last,
# "N passed, M failed"; exits 1 when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=tests/lib.sh
. tests/lib.sh
MKBOOK=$(resolve_mkbook "$PWD")
JAR=${EPUBCHECK_JAR:-/usr/share/java/epubcheck.jar}
epubcheck_server_start "$JAR"
out=build/test-validators
rm -rf "$out"
mkdir -p "$out"

# The Messages lines of each validator in the report FILE.
java_line() { grep -E '^Messages: ' "$1" | tail -n 1; }
ts_line() { grep -E '^epubcheck-ts [^ ]+: Messages: ' "$1" | tail -n 1; }

# with_markup EPUB NEW MARKUP: a copy of EPUB as NEW with MARKUP at the end
# of the body of its chapter EPUB/text/article.xhtml.
with_markup() {
	python3 - "$@" <<'EOF'
import sys, zipfile
src, dst, markup = sys.argv[1:4]
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
    for info in zin.infolist():
        data = zin.read(info.filename)
        if info.filename == "EPUB/text/article.xhtml":
            data = data.replace(b"</body>", markup.encode() + b"</body>", 1)
        zout.writestr(info, data)
EOF
}

if ! "$MKBOOK" -q manuscript -o "$out/sample.epub" >"$out/build.log" 2>&1; then
	fail "the sample book does not build"
	indent <"$out/build.log"
	summary
	exit
fi
with_markup "$out/sample.epub" "$out/broken-link.epub" '<p><a href="nowhere.xhtml">a link</a></p>'
with_markup "$out/sample.epub" "$out/bad-cite.epub" '<p><del cite="deleted it">gone</del></p>'
for b in sample broken-link bad-cite; do
	run_epubcheck "$JAR" "$out/$b.epub" "$out/$b.txt" &
done
EPUBCHECK_TS_HOME=$out/nowhere run_epubcheck "$JAR" "$out/sample.epub" "$out/missing.txt" &
printf '# why\nRSC-020 Malformed URL: deleted it\n' >"$out/disputed-right"
printf 'RSC-020 Malformed URL: something else\n' >"$out/disputed-other"
run_epubcheck "$JAR" "$out/bad-cite.epub" "$out/disputed-right.txt" "$out/disputed-right" &
run_epubcheck "$JAR" "$out/bad-cite.epub" "$out/disputed-other.txt" "$out/disputed-other" &
wait

r=$out/sample.txt
if epubcheck_clean "$r" && [ -n "$(java_line "$r")" ] && [ -n "$(ts_line "$r")" ]; then
	pass "clean: both validators report on the sample book, and report nothing"
else
	fail "clean: the sample book"
	indent <"$r"
fi

r=$out/broken-link.txt
if java_line "$r" | grep -q ' 1 error ' && ts_line "$r" | grep -q ' 1 error ' &&
	[ "$(grep -c '^ERROR(RSC-007)' "$r")" = 2 ] && [ "$(epubcheck_summary "$r")" = "0 2 0" ]; then
	pass "both: a missing document is RSC-007 in each validator, 2 errors in all"
else
	fail "both: a link to a missing document"
	indent <"$r"
fi

r=$out/bad-cite.txt
if java_line "$r" | grep -q ' 0 errors ' && ts_line "$r" | grep -q ' 1 error ' &&
	grep -q '^ERROR(RSC-020)' "$r" && ! epubcheck_clean "$r"; then
	pass "ts only: cite=\"deleted it\" is RSC-020 in epubcheck-ts alone, and the book is not clean"
else
	fail "ts only: cite=\"deleted it\""
	indent <"$r"
fi

r=$out/missing.txt
if ! epubcheck_clean "$r" && ! epubcheck_summary "$r" >/dev/null && grep -q 'epubcheck-ts is not installed' "$r"; then
	pass "missing: without epubcheck-ts no book is clean, and the report says why"
else
	fail "missing: epubcheck-ts not installed"
	indent <"$r"
fi
if epubcheck_clean "$out/disputed-right.txt" && grep -q '^DISPUTED(RSC-020)' "$out/disputed-right.txt" &&
	[ "$(epubcheck_summary "$out/disputed-other.txt")" = "0 1 0" ]; then
	pass "disputed: a listed message is shown as DISPUTED and not counted; another text still counts"
else
	fail "disputed messages"
	indent <"$out/disputed-right.txt"
	indent <"$out/disputed-other.txt"
fi
summary
