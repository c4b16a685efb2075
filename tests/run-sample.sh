#!/usr/bin/env bash
# tests/run-sample.sh - the sample book (manuscript/): builds, passes
# epubcheck with nothing to report, is reproducible, holds every paragraph
# of the article and the bio, the curated Q&A thread and the related posts,
# and no word of the spam; --check flags spam whatever its status.
# shellcheck source=tests/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
suite_start "" "$@"
out=build/test-sample
rm -rf "$out"
mkdir -p "$out"
epub=$out/sample.epub

if "$MKBOOK" --strict manuscript/ -o "$epub" >"$out/build.log" 2>&1; then
	pass "sample builds with --strict"
else
	fail "sample builds with --strict"
	indent <"$out/build.log"
fi
if grep -qx 'qa: 2 in the book, 2 spam left out, 0 pending' "$out/build.log"; then
	pass "sample reports its curation"
else
	fail "sample reports its curation"
	indent <"$out/build.log"
fi

run_epubcheck "$EPUBCHECK_JAR" "$epub" "$out/epubcheck.log"
if epubcheck_clean "$out/epubcheck.log"; then
	pass "sample: epubcheck 0 fatals / 0 errors / 0 warnings"
else
	fail "sample: epubcheck"
	indent <"$out/epubcheck.log"
fi

# Reproducible: another folder, other file times, time zone and locale.
copy=$out/copy/manuscript
mkdir -p "$out/copy"
cp -r manuscript "$copy"
find "$copy" -exec touch -d '2001-02-03 04:05:06' {} +
(cd "$out/copy" && TZ=Asia/Kathmandu LC_ALL=C.UTF-8 "$MKBOOK" -q manuscript -o again.epub) >/dev/null 2>&1
if cmp -s "$epub" "$out/copy/again.epub"; then
	pass "sample: byte-identical from another folder, time zone and file times"
else
	fail "sample: byte-identical from another folder, time zone and file times"
fi

unzip_epub "$epub" "$out/x" >/dev/null 2>&1
# The text of a page, tags stripped, white space folded.
page_text() {
	sed -e 's/<[^>]*>/ /g' -e 's/&amp;/\&/g' -e "s/&apos;/'/g" -e 's/&quot;/"/g' "$@" |
		tr -s ' \n\t' '   '
}
# The paragraphs of a Markdown file (after its front matter), one a line.
paragraphs() {
	awk 'BEGIN{fm=0} NR==1 && /^---$/ {fm=1; next} fm && /^---$/ {fm=0; next} fm {next}
	     /^#/ {next} NF {printf "%s ", $0; p=1; next} p {print ""; p=0} END {if (p) print ""}' "$1" |
		sed 's/ *$//' | sed -e "s/'/’/g" -e 's/"\([^"]*\)"/“\1”/g'
}
all_text=$(page_text "$out"/x/EPUB/text/*.xhtml)
check_paragraphs() {
	local md=$1 missing=0 n=0
	while IFS= read -r p; do
		[ -n "$p" ] || continue
		n=$((n + 1))
		# Compare on the words alone: punctuation may be typeset.
		local words
		words=$(printf '%s' "$p" | tr -cd '[:alnum:] ' | tr -s ' ')
		if ! printf '%s' "$all_text" | tr -cd '[:alnum:] ' | tr -s ' ' | grep -qF -- "$words"; then
			missing=$((missing + 1))
			echo "missing: ${p:0:80}"
		fi
	done < <(paragraphs "$md")
	[ "$n" -gt 0 ] && [ "$missing" -eq 0 ]
}
for md in manuscript/article.md manuscript/about.md manuscript/qa/01-victor-hogue.md \
	manuscript/qa/02-daniel-lopez-reply.md; do
	if msg=$(check_paragraphs "$md"); then
		pass "sample holds every paragraph of $md"
	else
		fail "sample holds every paragraph of $md"
		printf '%s\n' "$msg" | indent
	fi
done

spam_hits=$(printf '%s' "$all_text" | grep -ciE 'VMOS|SanavipInterior|floor mats|apk root' || true)
if [ "$spam_hits" -eq 0 ]; then
	pass "sample holds no word of the spam comments"
else
	fail "sample holds spam"
fi
for t in "One of My Favorite Osteopathic Stories" "Osteopathy: Structure and Function" \
	"https://www.daniellopezdo.com/one-favorite-osteopathic-stories/"; do
	if printf '%s' "$all_text" | grep -qF -- "$t"; then
		pass "sample lists related post: $t"
	else
		fail "sample lists related post: $t"
	fi
done
thread_title=$(sed -n 's/^title: *//p' manuscript/qa/01-victor-hogue.md | head -1 | tr -d "\"'")
if grep -qF -- "$thread_title" "$out/x/EPUB/nav.xhtml" && grep -qF -- "$thread_title" "$out/x/EPUB/toc.ncx"; then
	pass "the Q&A thread is in the table of contents (nav and NCX)"
else
	fail "the Q&A thread is in the table of contents (nav and NCX)"
fi
if grep -q 'qa-by-author' "$out"/x/EPUB/text/*.xhtml; then
	pass "the author's answer is marked as the author's"
else
	fail "the author's answer is marked as the author's"
fi
order=$(grep -o 'idref="[^"]*"' "$out/x/EPUB/package.opf" | cut -d'"' -f2 | tr '\n' ' ')
case "$order" in
"cover titlepage nav "*" colophon ") pass "reading order: cover, title page, contents ... colophon ($order)" ;;
*) fail "reading order: $order" ;;
esac
grep -q '<meta refines="#creator1" property="file-as">Lopez, Daniel</meta>' "$out/x/EPUB/package.opf" &&
	pass "author sort name in the package" || fail "author sort name in the package"

# --check with the spam marked pending flags both, and neither genuine one.
pend=$out/pending
cp -r manuscript "$pend"
sed -i 's/^status: spam/status: pending/' "$pend"/qa/*.md
"$MKBOOK" --check "$pend" >"$out/check.log" 2>&1
flagged=$(grep -c 'looks like spam' "$out/check.log" || true)
if [ "$flagged" -eq 2 ] && grep -q '03-apk-root.md.*looks like spam' "$out/check.log" &&
	grep -q '04-car-floor-mats.md.*looks like spam' "$out/check.log"; then
	pass "--check flags both spam comments and neither genuine one"
else
	fail "--check spam flags ($flagged flagged)"
	indent <"$out/check.log"
fi
[ ! -e "$pend.epub" ] && ! ls "$pend"/*.epub >/dev/null 2>&1 &&
	pass "--check writes nothing" || fail "--check wrote a file"

summary
