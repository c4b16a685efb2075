#!/usr/bin/env bash
# tests/run-spec.sh - every example of the CommonMark spec and of the GFM
# spec, one chapter each (tests/spec/extract.sh), built into one book: it
# must build (warnings are expected: the examples link to files that do not
# exist and hold scripts) and pass epubcheck with nothing to report, and
# hold no script, event handler or javascript: URL.
# shellcheck source=tests/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
suite_start "" "$@"
out=build/test-spec
rm -rf "$out"
mkdir -p "$out"

if ! bash tests/spec/extract.sh >"$out/extract.log" 2>&1; then
	fail "spec examples could not be fetched"
	indent <"$out/extract.log"
	summary
	exit
fi
n=$(find build/spec-book -name '*.md' | wc -l)
if [ "$n" -ge 1300 ]; then pass "spec examples extracted ($n chapters)"; else fail "only $n spec examples"; fi

"$MKBOOK" build/spec-book -o "$out/spec.epub" >"$out/build.log" 2>&1
rc=$?
if [ "$rc" -eq 0 ]; then
	pass "spec book builds ($(grep -c 'warning:' "$out/build.log") warnings)"
else
	fail "spec book build exited $rc"
	tail -20 "$out/build.log" | indent
fi
run_epubcheck "$EPUBCHECK_JAR" "$out/spec.epub" "$out/epubcheck.log"
if epubcheck_clean "$out/epubcheck.log"; then
	pass "spec book: epubcheck 0 fatals / 0 errors / 0 warnings"
else
	fail "spec book: epubcheck $(epubcheck_summary "$out/epubcheck.log")"
	grep -E '^(ERROR|WARNING|FATAL)' "$out/epubcheck.log" | head -20 | indent
fi
unzip_epub "$out/spec.epub" "$out/x" >/dev/null 2>&1
if grep -rqiE '<script|javascript:| on[a-z]+=' "$out/x/EPUB/text"; then
	fail "spec book holds active content"
	grep -rliE '<script|javascript:| on[a-z]+=' "$out/x/EPUB/text" | head | indent
else
	pass "spec book holds no script, event handler or javascript: URL"
fi
summary
