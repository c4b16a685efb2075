#!/usr/bin/env bash
# tests/run-import-pages.sh - saved web pages through `mkbook import`.
#
# Each case is a folder tests/import/pages/CASE/ holding page.html and
# page_files/, as a browser's "Save page as, complete" writes them. The
# pages that are blog posts are imported, their manuscripts built with
# --strict (the only message allowed is that a comment held as likely spam
# is left out), every book checked by epubcheck (0 fatals, 0 errors,
# 0 warnings), and each case's own facts asserted on the manuscript and the
# book: the seed page's article word for word (seed/article.txt), its bio,
# its thread with no dates, its related posts and image, and no chrome or
# spam; threads, author replies, dates, related posts, lazy images and
# hostile comments on the other pages. The pages that are not blog posts
# must fail (exit 1) and write nothing.
#
# Environment: MKBOOK (default: ./mkbook), EPUBCHECK_JAR (default:
# /usr/share/java/epubcheck.jar; skipped with a note when java or the jar
# is missing).

set -u
set -o pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
# shellcheck source=tests/lib.sh
. "$root/tests/lib.sh"

MKBOOK=$(resolve_mkbook "$root")
EPUBCHECK_JAR=${EPUBCHECK_JAR:-/usr/share/java/epubcheck.jar}
epubcheck_server_start "$EPUBCHECK_JAR"
pages=$root/tests/import/pages

cd "$root" || exit 2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mkbook-pages.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

# book_texts EPUB DIR: writes the text of each content document of EPUB to
# DIR/NAME.txt (NAME: the document's file name without .xhtml), white
# space (no-break spaces too) folded to single spaces, its markup to
# DIR/NAME.xhtml, and the package document to DIR/package.opf.
book_texts() {
	python3 - "$1" "$2" <<'EOF'
import os, re, sys, zipfile
import xml.etree.ElementTree as ET

epub, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
with zipfile.ZipFile(epub) as z:
    for name in z.namelist():
        if name.endswith(".opf"):
            with open(os.path.join(out, "package.opf"), "wb") as f:
                f.write(z.read(name))
        if not name.endswith(".xhtml"):
            continue
        data = z.read(name)
        base = os.path.basename(name)[:-6]
        with open(os.path.join(out, base + ".xhtml"), "wb") as f:
            f.write(data)
        text = "".join(ET.fromstring(data).itertext())
        text = re.sub(r"[\s\u00a0]+", " ", text).strip()
        with open(os.path.join(out, base + ".txt"), "w", encoding="utf-8") as f:
            f.write(text + "\n")
EOF
}

# fold FILE: the file's lines with white space folded, as book_texts does.
fold() {
	python3 -c '
import re, sys
for line in open(sys.argv[1], encoding="utf-8"):
    line = re.sub(r"[\s\u00a0]+", " ", line).strip()
    if line:
        print(line)' "$1"
}

# in_order TEXTFILE LINESFILE: true when every line of LINESFILE occurs in
# TEXTFILE's text, in that order; prints the first that does not.
in_order() {
	python3 - "$1" "$2" <<'EOF'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
at = 0
for line in open(sys.argv[2], encoding="utf-8"):
    line = line.rstrip("\n")
    i = text.find(line, at)
    if i < 0:
        print("missing or out of order: " + line[:100])
        sys.exit(1)
    at = i + len(line)
EOF
}

# thread_has QA_XHTML QUESTION ANSWER: true when one thread of the Reader
# Q&A holds a comment with QUESTION's text and, nested in it, the author's
# reply (qa-by-author) with ANSWER's text; and no time element anywhere.
thread_has() {
	python3 - "$@" <<'EOF'
import re, sys
import xml.etree.ElementTree as ET

X = "{http://www.w3.org/1999/xhtml}"
fold = lambda s: re.sub(r"[\s\u00a0]+", " ", s).strip()
tree = ET.parse(sys.argv[1])
question, answer = fold(sys.argv[2]), fold(sys.argv[3])
if tree.find(".//" + X + "time") is not None:
    print("the Q&A shows a date")
    sys.exit(1)
for art in tree.iter(X + "article"):
    if "qa-question" not in art.get("class", ""):
        continue
    body = art.find(X + "div")
    if question not in fold("".join(art.itertext())):
        continue
    for reply in art.iter(X + "article"):
        cls = reply.get("class", "")
        if "qa-reply" in cls and "qa-by-author" in cls and answer in fold("".join(reply.itertext())):
            sys.exit(0)
    print("the question's thread has no author's reply with the answer")
    sys.exit(1)
print("no question with that text")
sys.exit(1)
EOF
}

# must_not_hold PATH WHAT...: true when no file at or under PATH holds any
# WHAT (fixed strings); prints those found.
must_not_hold() {
	local dir=$1 what found=0
	shift
	for what in "$@"; do
		if grep -rqF -- "$what" "$dir"; then
			printf 'found: %s\n' "$what"
			found=1
		fi
	done
	return $found
}

epubs=()
strict_status=0 # of the last import_ok's --strict build

# import_ok NAME PAGE [OPTIONS...]: imports the page of case PAGE into
# $tmp/NAME/ and builds it into $tmp/NAME.epub. Returns 1 (after a FAIL
# line) when either fails.
import_ok() {
	local name=$1 page=$2 out=$tmp/$1
	shift 2
	if ! "$MKBOOK" import "$@" "$pages/$page/page.html" -o "$out" >"$tmp/$name.import" 2>&1; then
		fail "$name: mkbook import failed"
		indent <"$tmp/$name.import"
		return 1
	fi
	"$MKBOOK" --strict "$out" -o "$tmp/$name.epub" >"$tmp/$name.build" 2>&1
	local status=$? other
	strict_status=$status
	other=$(grep -E ': (error|warning): ' "$tmp/$name.build" | grep -v 'pending comment left out')
	if [ -n "$other" ]; then
		fail "$name: the manuscript is not clean under --strict"
		printf '%s\n' "$other" | indent
		return 1
	fi
	# Held spam makes --strict refuse; the book is then built without it.
	if [ $status -ne 0 ] && ! "$MKBOOK" "$out" -o "$tmp/$name.epub" >"$tmp/$name.build" 2>&1; then
		fail "$name: mkbook could not build the manuscript"
		indent <"$tmp/$name.build"
		return 1
	fi
	pass "$name: imported and built"
	book_texts "$tmp/$name.epub" "$tmp/$name.book"
	epubs+=("$name")
	return 0
}

# import_fails CASE: the page is refused with exit 1, an error naming the
# file, and no output folder.
import_fails() {
	local name=$1 out=$tmp/$1
	"$MKBOOK" import "$pages/$name/page.html" -o "$out" >"$tmp/$name.import" 2>&1
	local status=$?
	if [ $status -eq 1 ] && [ ! -e "$out" ] &&
		grep -qF "$pages/$name/page.html: error: " "$tmp/$name.import"; then
		pass "$name: refused (exit 1, nothing written)"
	else
		fail "$name: exit $status (want 1), output $( [ -e "$out" ] && echo written || echo absent)"
		indent <"$tmp/$name.import"
	fi
}

# check DESCRIPTION COMMAND...: a pass or fail line from a command's status,
# with its output under a failure.
check() {
	local what=$1 out
	shift
	if out=$("$@" 2>&1); then
		pass "$what"
	else
		fail "$what"
		printf '%s\n' "$out" | indent
	fi
}

# count_files DIR GLOB N: true when DIR holds exactly N files matching GLOB.
count_files() {
	local n
	n=$(find "$1" -maxdepth 1 -name "$2" -type f | wc -l)
	[ "$n" -eq "$3" ] || {
		echo "$n files $2 in $1, want $3"
		return 1
	}
}

# ---- the seed page ----
if import_ok seed seed; then
	m=$tmp/seed b=$tmp/seed.book
	chapter=$(sed -n 's/^  - "\(.*\)\.md"$/\1/p' "$m/book.yaml" | head -n 1)
	fold "$pages/seed/article.txt" >"$tmp/seed.article"
	check "seed: the article word for word" in_order "$b/$chapter.txt" "$tmp/seed.article"
	fold "$pages/seed/bio.txt" >"$tmp/seed.bio"
	check "seed: the bio" in_order "$b/about-the-author.txt" "$tmp/seed.bio"
	question=$(head -n 2 "$pages/seed/thread.txt" | tail -n 1)
	answer=$(tail -n 1 "$pages/seed/thread.txt")
	check "seed: the question and the author's answer as one thread, no dates" \
		thread_has "$b/qa.xhtml" "$question" "$answer"
	check "seed: no comment date in the manuscript" \
		must_not_hold "$m/qa" 'date:'
	check "seed: the two related posts" in_order "$b/related.txt" <(printf '%s\n' \
		"One of My Favorite Osteopathic Stories" "Osteopathy: Structure and Function")
	check "seed: the related posts' addresses" grep -qF \
		'https://www.daniellopezdo.com/osteopathy-structure-and-function/' "$b/related.xhtml"
	check "seed: the article's image, and no other" count_files "$m/images" '*' 1
	check "seed: the image is the saved one" \
		cmp "$pages/seed/page_files/knots-in-muscles.jpg" "$(find "$m/images" -type f | head -n 1)"
	check "seed: the chapter shows the image" grep -qE '<img [^>]*src="\.\./images/' "$b/$chapter.xhtml"
	check "seed: the metadata comes from the page" grep -qF \
		'<dc:source>https://www.daniellopezdo.com/why-do-we-get-knots-in-our-muscles/</dc:source>' \
		"$b/package.opf"
	check "seed: author, dates and categories" in_order \
		"$b/package.opf" <(printf '%s\n' \
		'Daniel Lopez, D.O.</dc:creator>' '<dc:date>2013-12-13' \
		'<dc:subject>Osteopathy</dc:subject>' '<dc:subject>Physical Health</dc:subject>')
	check "seed: no navigation, sidebar, cookie notice, share button, form, script, avatar or spam" \
		must_not_hold "$b" 'Skip to main content' 'Meet the Doctor' 'Recent Posts' \
		'We use cookies' 'Share this' 'Facebook' 'Leave a Reply' 'Post Comment' \
		'Join the discussion' 'says:' 'gtag' 'nectarLove' 'avatar' 'Copyright 2024' \
		'VMOS' 'SanavipInterior' 'More posts by'
	check "seed: the spam is held as pending in the manuscript" \
		count_files "$m/qa" '*' 4
	check "seed: two comments held" test "$(grep -l '^status: pending' "$m"/qa/*.md | wc -l)" -eq 2
fi

# ---- a classic WordPress theme: nested thread, dates, Jetpack ----
if import_ok classic classic; then
	check "classic: clean under --strict (no comment held)" test "$strict_status" -eq 0
	m=$tmp/classic b=$tmp/classic.book
	check "classic: four comments, the pingback left out" count_files "$m/qa" '*.md' 4
	check "classic: a thread three deep" test "$(grep -l '^reply-to:' "$m"/qa/*.md | wc -l)" -eq 2
	check "classic: the author's reply" test "$(grep -l '^role: author' "$m"/qa/*.md | wc -l)" -eq 1
	check "classic: comment dates from time elements" \
		test "$(grep -l '^date: ' "$m"/qa/*.md | wc -l)" -eq 4
	check "classic: related posts with dates and excerpts" in_order "$b/related.txt" \
		<(printf '%s\n' 'Shaping a Batard Without Tears' 'Four moves that give a loaf its skin' \
			'Feeding a Starter on a Schedule')
	check "classic: the lazy image (data-src), the srcset image and the featured image" \
		count_files "$m/images" '*' 3
	check "classic: the bio" grep -qF 'kept the same rye starter alive since 2009' "$b/about-the-author.txt"
	check "classic: tags and categories" in_order "$m/book.yaml" \
		<(printf '%s\n' Technique Sourdough autolyse gluten)
	check "classic: no chrome, pingback, embed, pixel or avatar" \
		must_not_hold "$b" 'Share this' 'Recent Comments' 'Proudly powered' 'Leave a Reply' \
		'Pingback' 'Links of the week' 'javascript' 'youtube' 'View all posts' 'Post navigation' \
		'Posted on' 'says:' 'Reply to'
fi
if import_ok classic-article-only classic --article-only; then
	check "classic --article-only: no comments" test ! -e "$tmp/classic-article-only/qa"
fi

# ---- a block theme: comments without dates, hostile content, YARPP ----
if import_ok block block; then
	check "block: only the hostile comment held as likely spam" \
		test "$(grep -l '^status: pending' "$tmp"/block/qa/*.md | wc -l)" -eq 1
	m=$tmp/block b=$tmp/block.book
	check "block: four comments, one reply by the author" \
		test "$(grep -l '^role: author' "$m"/qa/*.md | wc -l)" -eq 1
	check "block: a date only where a time element shows one" \
		test "$(grep -l '^date: ' "$m"/qa/*.md | wc -l)" -eq 1
	check "block: categories from the terms block" in_order "$m/book.yaml" \
		<(printf '%s\n' 'Beekeeping' 'City life')
	check "block: the srcset image found in the saved folder" count_files "$m/images" '*' 1
	check "block: YARPP related posts with their excerpts" in_order "$b/related.txt" \
		<(printf '%s\n' 'Our First Winter With a Hive' 'a cold, wet February' 'Choosing a Hive for a Roof')
	check "block: the biography block" grep -qF 'teaches an evening course' "$b/about-the-author.txt"
	check "block: no script, handler, javascript: link, iframe or form from a comment" \
		must_not_hold "$b" '<script' 'alert(' 'onclick' 'onmouseover' 'onerror' 'javascript:' \
		'<iframe' 'evil.example' 'document.cookie' 'display:none'
	check "block: no bidirectional controls in the manuscript or the book" \
		must_not_hold "$tmp/block" $'\u202e' $'\u2066' $'\u2069'
	check "block: no chrome" must_not_hold "$b" 'Honey for sale' 'cookies' 'Geef een reactie' \
		'Reactie plaatsen' 'since 2020'
fi

# The hostile comment itself in the book: every comment kept as approved.
if import_ok block-kept block --keep-status; then
	b=$tmp/block-kept.book
	check "block --keep-status: the hostile comment's text is in the book" \
		grep -qF 'Is the file named' "$b/qa.txt"
	check "block --keep-status: without its script, handlers, javascript: link, iframe or form" \
		must_not_hold "$b" '<script' 'alert(' 'onclick' 'onmouseover' 'onerror' 'javascript:' \
		'<iframe' 'evil.example' 'document.cookie' 'steal()' '<form' '<input'
	check "block --keep-status: no bidirectional controls" \
		must_not_hold "$tmp/block-kept" $'\u202e' $'\u2066' $'\u2069'
fi

# ---- microformats and JSON-LD only ----
if import_ok microformats microformats; then
	check "microformats: clean under --strict (no comment held)" test "$strict_status" -eq 0
	m=$tmp/microformats b=$tmp/microformats.book
	check "microformats: three comments from h-cite, not the JSON-LD one" \
		must_not_hold "$m" 'Someone Else'
	check "microformats: the reply found by u-in-reply-to, by the author" \
		test "$(grep -l '^role: author' "$m"/qa/*.md | wc -l)" -eq 1 -a \
		"$(grep -l '^reply-to:' "$m"/qa/*.md | wc -l)" -eq 1
	check "microformats: the bio from JSON-LD" grep -qF 'community workshop on Saturdays' \
		"$b/about-the-author.txt"
	check "microformats: the facts from JSON-LD" in_order "$m/book.yaml" \
		<(printf '%s\n' 'Truing a Wheel at the Kitchen Table' 'Ada Lindqvist' 'en-GB' \
			'2022-09-18' 'Workshop' 'bicycles')
	check "microformats: related posts from h-cite" in_order "$b/related.txt" \
		<(printf '%s\n' 'Replacing a Chain Without a Chain Tool' 'Brake Pads That Squeal')
	check "microformats: the article's image, not the author's photo" count_files "$m/images" '*' 1
fi

# ---- JSON-LD with no markup signals: the density fallback ----
if import_ok jsonld jsonld; then
	check "jsonld: clean under --strict (no comment held)" test "$strict_status" -eq 0
	m=$tmp/jsonld b=$tmp/jsonld.book
	chapter=$(sed -n 's/^  - "\(.*\)\.md"$/\1/p' "$m/book.yaml" | head -n 1)
	check "jsonld: the article found by text density" in_order "$b/$chapter.txt" \
		<(printf '%s\n' 'You do not need a dark field' 'that is when the best frames come.')
	check "jsonld: no menu, archive box or footer in the chapter" must_not_hold "$b/$chapter.txt" \
		'All posts' 'October 2020' 'a hobby site'
	check "jsonld: the comments from the JSON-LD Comment tree" count_files "$m/qa" '*.md' 3
	check "jsonld: the author's reply nested" \
		test "$(grep -l '^role: author' "$m"/qa/*.md | wc -l)" -eq 1
	check "jsonld: a commenter's name and text stay text" must_not_hold "$b/qa.xhtml" '<script' '<b>'
	check "jsonld: shown as written" grep -qF 'Priya &lt;script&gt;' "$b/qa.xhtml"
fi

# ---- a page whose text is only in its JSON-LD (a script renders it) ----
if import_ok app-shell app-shell; then
	check "app-shell: clean under --strict (no comment held)" test "$strict_status" -eq 0
	m=$tmp/app-shell b=$tmp/app-shell.book
	chapter=$(sed -n 's/^  - "\(.*\)\.md"$/\1/p' "$m/book.yaml" | head -n 1)
	check "app-shell: the article from articleBody, paragraph by paragraph" in_order \
		"$b/$chapter.txt" <(printf '%s\n' 'We left the car keys in a drawer' \
			'The first two days were slow.' 'because everything had to fit in two panniers.')
	check "app-shell: both authors" grep -qF 'Juno Park, Rafe Adler' "$m/book.yaml"
	check "app-shell: no script notice" must_not_hold "$b" 'needs JavaScript'
fi

# ---- pages that are not blog posts ----
import_fails not-post
import_fails listing
import_fails weak

# ---- every book through epubcheck, two at a time ----
if command -v java >/dev/null 2>&1 && [ -f "$EPUBCHECK_JAR" ]; then
	running=0
	for name in "${epubs[@]}"; do
		run_epubcheck "$EPUBCHECK_JAR" "$tmp/$name.epub" "$tmp/$name.epubcheck" &
		running=$((running + 1))
		if [ $running -ge 2 ]; then
			wait -n
			running=$((running - 1))
		fi
	done
	wait
	for name in "${epubs[@]}"; do
		if epubcheck_clean "$tmp/$name.epubcheck"; then
			pass "$name: epubcheck 0/0/0"
		else
			fail "$name: epubcheck $(epubcheck_summary "$tmp/$name.epubcheck" || echo 'did not finish')"
			grep -E '^(ERROR|WARNING|FATAL)' "$tmp/$name.epubcheck" | head -n 10 | indent
		fi
	done
else
	echo "note: java or $EPUBCHECK_JAR missing; epubcheck skipped"
fi

summary
