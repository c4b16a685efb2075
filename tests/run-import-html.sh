#!/usr/bin/env bash
# tests/run-import-html.sh - the importers' HTML -> Markdown converter, end
# to end: each fixture tests/import/html/NAME.html is converted (as
# WordPress editor text; NAME starting with "comment" as an untrusted
# reader comment) into the one chapter of a manuscript under
# build/import-html/NAME/, its images stood in for by a small PNG, and
#   build      mkbook --strict builds it, exit 0, no warning or error
#   epubcheck  epubcheck reports 0 fatals, 0 errors, 0 warnings
#   words      every word of the fixture's text is in the book's text
#
# Environment: MKBOOK (default: ./mkbook), EPUBCHECK_JAR (default:
# /usr/share/java/epubcheck.jar). Prints "ok - ..." or "FAIL - ..." per
# check and, last, "N passed, M failed"; exits 1 when anything failed.

set -u
set -o pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
# shellcheck source=tests/lib.sh
. "$here/lib.sh"
cd "$root" || exit 2

MKBOOK=${MKBOOK:-./mkbook}
EPUBCHECK_JAR=${EPUBCHECK_JAR:-/usr/share/java/epubcheck.jar}
epubcheck_server_start "$EPUBCHECK_JAR"
out=build/import-html
placeholder=tests/books/images/images/sunset.png

make -s mkbook build/html2md >/dev/null || { fail "make mkbook build/html2md"; summary; exit 1; }
rm -rf "$out"
mkdir -p "$out"

# The words of an HTML file's or an EPUB's text, one per line, sorted and
# unique, with the quotes and dashes that smart punctuation changes and
# the characters Markdown escapes set aside.
words_of_html() {
	python3 - "$@" <<'PY'
import html, re, sys, zipfile
from html.parser import HTMLParser

class Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.skip = [], 0
    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "head", "title"):
            self.skip += 1
        self.out.append(" ")
        if tag == "img":
            self.out.append(dict(attrs).get("alt") or "")
    def handle_endtag(self, tag):
        if tag in ("script", "style", "head", "title"):
            self.skip -= 1
        self.out.append(" ")
    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)

def words(text):
    text = re.sub(r"\[/?[a-z_-]+[^\]]*\]", " ", text)   # shortcode tags
    text = re.sub(r"[\"'\u2018\u2019\u201c\u201d\u2013\u2014\u2026.,;:!?()]", " ", text)
    return {w for w in text.split() if w}

path = sys.argv[1]
if path.endswith(".epub"):
    with zipfile.ZipFile(path) as z:
        text = " ".join(z.read(n).decode() for n in z.namelist()
                        if n.endswith(".xhtml") and "nav" not in n)
else:
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
p = Text()
p.feed(text)
for w in sorted(words("".join(p.out))):
    print(w)
PY
}

for src in tests/import/html/*.html; do
	name=$(basename "$src" .html)
	dir=$out/$name
	mkdir -p "$dir/images"
	flags=(-r)
	case $name in comment*) flags+=(-u) ;; esac
	if ! build/html2md "${flags[@]}" -b https://blog.example.net/2021/04/orchard/ \
		-i "$dir/images" -p "$placeholder" "$src" >"$dir/chapter.md" 2>"$dir/convert.log"; then
		fail "$name: convert"
		indent <"$dir/convert.log"
		continue
	fi
	rmdir "$dir/images" 2>/dev/null
	cat >"$dir/book.yaml" <<YAML
title: Converted $name
author: Test Author
language: en
modified: 2024-01-01
contents:
  - chapter.md
YAML
	if "$MKBOOK" -q --strict "$dir" -o "$dir.epub" >"$dir/build.log" 2>&1 && [ ! -s "$dir/build.log" ]; then
		pass "$name: build --strict"
	else
		fail "$name: build --strict"
		indent <"$dir/build.log"
		continue
	fi
	run_epubcheck "$EPUBCHECK_JAR" "$dir.epub" "$dir/epubcheck.log" &
done
wait

for src in tests/import/html/*.html; do
	name=$(basename "$src" .html)
	dir=$out/$name
	[ -f "$dir.epub" ] || continue
	if epubcheck_clean "$dir/epubcheck.log"; then
		pass "$name: epubcheck"
	else
		fail "$name: epubcheck"
		grep -E '^(ERROR|WARNING|FATAL)|Messages:' "$dir/epubcheck.log" | indent
	fi
	words_of_html "$src" >"$dir/words.want"
	words_of_html "$dir.epub" >"$dir/words.got"
	missing=$(comm -23 "$dir/words.want" "$dir/words.got")
	if [ ! -s "$dir/words.want" ]; then
		fail "$name: no words read from the fixture"
	elif [ -z "$missing" ]; then
		pass "$name: every word of the text is in the book"
	else
		fail "$name: words missing from the book"
		printf '%s\n' "$missing" | head -20 | indent
	fi
done
summary
