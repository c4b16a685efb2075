#!/usr/bin/env bash
# tests/run-cli.sh - the command itself: --help fits a screen, usage errors
# say what to do, mkbook init writes a starter that builds at once and
# passes epubcheck (and refuses to overwrite), NO_COLOR, the progress line
# (on a terminal only, never in a pipe or under CI), --kepub (Kobo spans,
# still epubcheck-clean), and the bash completion.
#
# Environment: MKBOOK (default ./mkbook), EPUBCHECK_JAR, SKIP_VALIDATORS=1
# to leave out epubcheck. Terminal tests run mkbook under script(1) from
# util-linux, and are skipped without it.

# shellcheck source=tests/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
suite_start "" "$@"
epubcheck_server_start
out=$root/build/test-cli
rm -rf "$out"
mkdir -p "$out"
unset CI NO_COLOR SOURCE_DATE_EPOCH

# ---- --help and usage errors ----
"$MKBOOK" --help >"$out/help.txt" 2>&1
lines=$(wc -l <"$out/help.txt")
cols=$(awk '{ if (length($0) > m) m = length($0) } END { print m + 0 }' "$out/help.txt")
if [ "$lines" -le 24 ] && [ "$cols" -le 80 ]; then
	pass "--help fits a screen ($lines lines, $cols columns)"
else
	fail "--help is $lines lines, $cols columns (at most 24 and 80)"
fi
grep -q '^Examples\?:' "$out/help.txt" && grep -q 'mkbook init' "$out/help.txt" &&
	pass "--help has examples, mkbook init among them" || fail "--help has no example of init"

expect_status 2 "no manuscript folder is a usage error" "$MKBOOK"
log_has "... and it says what to give, and how to start one" "mkbook init DIR"
expect_status 2 "an unknown option is a usage error" "$MKBOOK" --frobnicate manuscript
log_has "... naming it and pointing at --help" "unknown option '--frobnicate'.*|Try 'mkbook --help'"
expect_status 2 "-o without a value is a usage error" "$MKBOOK" manuscript -o
log_has "... with an example" "-o needs a value, as in '-o book.epub'"
expect_status 2 "init without a folder is a usage error" "$MKBOOK" init
log_has "... with an example" "mkbook init mybook"
expect_status 2 "init with build options is a usage error" "$MKBOOK" --strict init "$out/never"
[ ! -e "$out/never" ] && pass "... and writes nothing" || fail "init with options wrote $out/never"
expect_status 1 "a missing manuscript folder is an error" "$MKBOOK" "$out/nothere"
log_has "... with a hint to start one there" "note: to start a new book there, run: mkbook init .*nothere"

# ---- mkbook init ----
starter=$out/starter
expect_status 0 "mkbook init writes a starter manuscript" "$MKBOOK" init "$starter"
log_has "... and says how to make the book" "Make the book with: +mkbook .*starter"
missing=0
for f in book.yaml chapter-1.md qa/01-question.md qa/02-answer.md qa/03-spam.md \
	related/01-markdown-guide.md; do
	[ -s "$starter/$f" ] || {
		echo "missing: $f"
		missing=1
	}
done
[ "$missing" -eq 0 ] && pass "the starter has book.yaml, a chapter, qa/ and related/" ||
	fail "the starter is incomplete"
for k in title author language modified contents; do
	grep -q "^$k:" "$starter/book.yaml" || missing=1
done
[ "$missing" -eq 0 ] && pass "book.yaml has title, author, language, modified, contents" ||
	fail "book.yaml lacks a key"
statuses=$(sed -n 's/^status: *//p' "$starter"/qa/*.md | sort | tr '\n' ' ')
[ "$statuses" = "approved pending spam " ] && pass "one comment of each status" ||
	fail "comment statuses: $statuses"

(cd "$out" && "$MKBOOK" starter) >"$out/last.log" 2>&1
st=$?
[ "$st" -eq 0 ] && [ -s "$out/my-book.epub" ] && pass "the starter builds at once (my-book.epub)" ||
	{
		fail "the starter builds: exit $st"
		indent <"$out/last.log"
	}
log_has "... with its curation counted" "^qa: 1 in the book, 1 spam left out, 1 pending$"
log_has "... and a warning for the pending comment only" "02-answer.md:[0-9]+:[0-9]+: warning: pending"
[ "$(grep -c 'warning:' "$out/last.log")" -eq 1 ] && pass "... and no other warning" ||
	fail "the starter gives other warnings"
expect_status 0 "--check on the starter" "$MKBOOK" --check "$starter"
grep -q 'looks like spam' "$out/last.log" && fail "--check flags a starter comment as spam" ||
	pass "... flags no genuine comment as spam"
expect_status 0 "the starter builds as a kepub too" "$MKBOOK" --kepub "$starter" -o "$out/starter.kepub.epub"

sum_before=$(cd "$starter" && find . -type f -exec cksum {} + | sort)
expect_status 1 "init refuses a folder that holds a starter already" "$MKBOOK" init "$starter"
log_has "... naming a file and what to do" "book.yaml: error: already exists.*new or empty folder"
sum_after=$(cd "$starter" && find . -type f -exec cksum {} + | sort)
[ "$sum_before" = "$sum_after" ] && pass "... and changes nothing" || fail "init changed files"
mkdir -p "$out/partial"
echo "mine" >"$out/partial/chapter-1.md"
expect_status 1 "init refuses when any one file is in the way" "$MKBOOK" init "$out/partial"
[ "$(ls -A "$out/partial")" = chapter-1.md ] && [ "$(cat "$out/partial/chapter-1.md")" = mine ] &&
	pass "... writing nothing at all" || fail "init wrote into $out/partial"
echo x >"$out/a-file"
expect_status 1 "init refuses a path that is a file" "$MKBOOK" init "$out/a-file"
mkdir -p "$out/withreadme"
echo "notes" >"$out/withreadme/README"
expect_status 0 "init writes into an existing folder of other files" "$MKBOOK" init "$out/withreadme"
expect_status 0 "init creates missing parent folders" "$MKBOOK" init "$out/deep/er/book"
(cd "$out" && "$MKBOOK" -q init init) >/dev/null 2>&1
(cd "$out" && "$MKBOOK" -q init -o "$out/init.epub") >"$out/last.log" 2>&1
[ -s "$out/init.epub" ] && pass "a manuscript folder named 'init' still builds" ||
	{
		fail "a manuscript folder named 'init' does not build"
		indent <"$out/last.log"
	}

# ---- --kepub ----
sample_dir=$out/kepub-sample
mkdir -p "$sample_dir"
(cd "$sample_dir" && "$MKBOOK" -q --kepub "$root/manuscript") >"$out/last.log" 2>&1
kepub=$sample_dir/why-do-we-get-knots-in-our-muscles.kepub.epub
[ -s "$kepub" ] && pass "--kepub names the file *.kepub.epub by default" ||
	{
		fail "--kepub wrote no $kepub"
		ls "$sample_dir" | indent
	}
unzip_epub "$kepub" "$out/kepub-x" >/dev/null 2>&1
article=$out/kepub-x/EPUB/text/article.xhtml
if [ -f "$article" ] && grep -q '<div id="book-columns"><div id="book-inner">' "$article" &&
	grep -q '<span class="koboSpan" id="kobo.1.1">' "$article" &&
	grep -q 'kobostylehacks' "$article"; then
	pass "kepub chapters have book-columns/book-inner, koboSpans from kobo.1.1 and Kobo's style"
else
	fail "kepub markup missing in $article"
fi
# Every sentence of a paragraph is a span of its own.
n=$(grep -o 'id="kobo\.[0-9]*\.[0-9]*"' "$article" | cut -d. -f2 | sort | uniq -c | sort -n |
	tail -n 1 | awk '{ print $1 }')
[ "${n:-0}" -ge 3 ] && pass "paragraphs are split into sentence spans (up to $n in one)" ||
	fail "no paragraph has more than ${n:-0} spans"
dups=$(grep -o 'id="[^"]*"' "$article" | sort | uniq -d | head -3)
[ -z "$dups" ] && pass "kepub ids are unique" || fail "repeated ids: $dups"
# The text of a page's body, tags and white space left out.
body_text() {
	tr -d ' \t\r\n' <"$1" | sed -e 's|^.*</head>||' -e 's/<[^>]*>//g'
}
plain_text=$(body_text "$article")
"$MKBOOK" -q manuscript -o "$out/plain.epub" >/dev/null 2>&1
unzip_epub "$out/plain.epub" "$out/plain-x" >/dev/null 2>&1
orig_text=$(body_text "$out/plain-x/EPUB/text/article.xhtml")
[ "$plain_text" = "$orig_text" ] && pass "kepub spans keep the text exactly" ||
	fail "the kepub's text differs from the EPUB's"
expect_status 0 "--kepub -o NAME.epub builds" "$MKBOOK" --kepub manuscript -o "$out/k.epub"
log_has "... with a warning about the name" "warning: a Kobo reads a book as a kepub only when its name ends in .kepub.epub"
expect_status 1 "... which --strict makes an error" "$MKBOOK" --strict --kepub manuscript -o "$out/k2.epub"
"$MKBOOK" -q --kepub tests/books/gfm -o "$out/gfm.kepub.epub" >/dev/null 2>&1
"$MKBOOK" -q --kepub tests/books/images -o "$out/images.kepub.epub" >/dev/null 2>&1

# A remote image inside a link (a README's badge) becomes its description,
# as text: a link to the image inside the link was an <a> in an <a>, which
# epubcheck refuses (RSC-005; 91 errors on the real-world book of make bench).
mkdir -p "$out/badge"
printf '%s\n' '# Badges' '' \
	'[![build](https://ci.example.org/badge.svg)](https://ci.example.org/) and' \
	'<a href="https://example.org/"><img src="https://example.org/b.png" alt="raw"></a>' \
	'![alone](https://example.org/alone.png)' >"$out/badge/badge.md"
expect_status 0 "a book with badges (remote images in links) builds" \
	"$MKBOOK" "$out/badge" -o "$out/badge.epub"
unzip_epub "$out/badge.epub" "$out/badge-x" >/dev/null 2>&1
page=$out/badge-x/EPUB/text/badge.xhtml
if grep -q '<a href="https://ci.example.org/">build</a>' "$page" &&
	grep -q '<a href="https://example.org/">raw</a>' "$page" &&
	grep -q '<a href="https://example.org/alone.png">alone</a>' "$page"; then
	pass "a remote image in a link is its description as text; alone, a link to it"
else
	fail "remote images in links, in $page:"
	indent <"$page"
fi

# ---- epubcheck, in parallel ----
# SKIP_VALIDATORS=1 (make asan, whose books are compared byte for byte with
# those of the plain build, which make check validates) leaves it out.
checks=("$out/my-book.epub" "$out/starter.kepub.epub" "$kepub" "$out/gfm.kepub.epub" "$out/images.kepub.epub"
	"$out/badge.epub")
[ "${SKIP_VALIDATORS:-0}" = 1 ] && checks=() &&
	printf 'skip - epubcheck: SKIP_VALIDATORS=1\n'
for e in "${checks[@]}"; do
	[ -s "$e" ] && run_epubcheck "$EPUBCHECK_JAR" "$e" "$e.epubcheck.txt" &
done
wait
for e in "${checks[@]}"; do
	if epubcheck_clean "$e.epubcheck.txt"; then
		pass "epubcheck 0/0/0: ${e#"$root"/}"
	else
		fail "epubcheck: ${e#"$root"/}"
		indent <"$e.epubcheck.txt" 2>/dev/null
	fi
done

# ---- on a terminal: colour, NO_COLOR, the progress line ----
# on_tty ENV... -- CMD...: runs CMD under script(1), a pseudo-terminal for
# stdin, stdout and stderr; prints what the terminal got.
on_tty() {
	local envs=()
	while [ "$1" != -- ]; do
		envs+=("$1")
		shift
	done
	shift
	env "${envs[@]}" script -qec "$(printf '%q ' "$@")" /dev/null 2>&1 </dev/null
}
if ! command -v script >/dev/null 2>&1; then
	echo "# script(1) not found: terminal tests skipped"
else
	esc=$(printf '\033\\[')
	on_tty TERM=xterm -- "$MKBOOK" --check "$starter" >"$out/tty-color.log"
	grep -q "$esc" "$out/tty-color.log" && pass "diagnostics are coloured on a terminal" ||
		fail "no colour on a terminal"
	on_tty TERM=xterm NO_COLOR=1 -- "$MKBOOK" --check "$starter" >"$out/tty-nocolor.log"
	if grep -q 'warning: pending' "$out/tty-nocolor.log" && ! grep -q "$esc" "$out/tty-nocolor.log"; then
		pass "NO_COLOR=1: no colour on a terminal"
	else
		fail "NO_COLOR=1 still colours"
		indent <"$out/tty-nocolor.log"
	fi
	TERM=xterm "$MKBOOK" --check "$starter" 2>"$out/pipe-color.log" >/dev/null
	grep -q "$esc" "$out/pipe-color.log" && fail "colour in a pipe" || pass "no colour in a pipe"

	# A book that takes more than half a second, on one thread.
	big=$out/big
	mkdir -p "$big"
	printf 'title: Big\nmodified: 2024-01-01\n' >"$big/book.yaml"
	para=$(printf 'Lorem ipsum dolor sit amet, *consectetur* adipiscing elit. Sed do eiusmod tempor. %.0s' {1..12})
	body=$(for s in {1..40}; do printf '## Part %d\n\n%s\n\n' "$s" "$para"; done)
	for i in $(seq -w 1 600); do
		printf '# Chapter %s\n\n%s\n' "$i" "$body" >"$big/c$i.md"
	done
	on_tty TERM=xterm -- "$MKBOOK" -j 1 "$big" -o "$out/big.epub" >"$out/tty-progress.log"
	if grep -q $'\rmkbook: rendering chapter [0-9]*/602\.\.\.' "$out/tty-progress.log" &&
		grep -q 'big.epub: 602 chapters' "$out/tty-progress.log"; then
		pass "a progress line on a terminal, redrawn with \\r, cleared before the summary"
	else
		fail "no progress line on a terminal"
		tr '\r' '\n' <"$out/tty-progress.log" | tail -5 | indent
	fi
	on_tty TERM=xterm CI=true -- "$MKBOOK" -j 1 "$big" -o "$out/big.epub" >"$out/tty-ci.log"
	grep -q 'rendering chapter' "$out/tty-ci.log" && fail "a progress line under CI" ||
		pass "no progress line under CI"
	on_tty TERM=xterm -- "$MKBOOK" -q -j 1 "$big" -o "$out/big.epub" >"$out/tty-quiet.log"
	grep -q 'rendering chapter' "$out/tty-quiet.log" && fail "a progress line with -q" ||
		pass "no progress line with -q"
	TERM=xterm "$MKBOOK" -j 1 "$big" -o "$out/big.epub" >"$out/pipe.log" 2>&1
	if grep -q 'rendering chapter' "$out/pipe.log" || grep -q $'\r' "$out/pipe.log"; then
		fail "a progress line in a pipe"
	else
		pass "no progress line in a pipe"
	fi
fi

# ---- bash completion ----
# complete_words LINE: what _mkbook offers for the command line LINE (the
# last word is the one completed; end LINE with a space for a new word).
complete_words() {
	(
		cd "$out" || exit 1
		# shellcheck disable=SC1091
		. "$root/completions/mkbook.bash"
		read -r -a COMP_WORDS <<<"$1"
		[ "${1: -1}" = " " ] && COMP_WORDS+=("")
		COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
		COMP_LINE=$1
		COMP_POINT=${#1}
		_mkbook
		printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' '
	) 2>&1
}
bash -n completions/mkbook.bash && pass "completion script parses" || fail "completion script syntax"
got=$(complete_words "mkbook --ch")
[ "$got" = "--check " ] && pass "completion: --ch -> --check" || fail "completion of --ch: '$got'"
got=$(complete_words "mkbook --k")
[ "$got" = "--kepub " ] && pass "completion: --k -> --kepub" || fail "completion of --k: '$got'"
got=$(complete_words "mkbook ")
case " $got" in *" init "*" starter "* | *" starter "*" init "*) ok=1 ;; *) ok=0 ;; esac
if [ "$ok" = 1 ] && [[ $got != *"a-file"* ]]; then
	pass "completion: the manuscript argument offers folders and init, no files"
else
	fail "completion of the manuscript argument: '$got'"
fi
got=$(complete_words "mkbook -o ")
[[ $got == *"a-file"* ]] && pass "completion: -o offers files" || fail "completion after -o: '$got'"
got=$(complete_words "mkbook --toc-depth ")
[ "$got" = "1 2 3 4 5 6 " ] && pass "completion: --toc-depth offers 1-6" ||
	fail "completion after --toc-depth: '$got'"
got=$(complete_words "mkbook init ")
[[ $got == *"starter"* && $got != *"a-file"* && $got != *"init init"* ]] &&
	pass "completion: mkbook init offers folders" || fail "completion after init: '$got'"
got=$(complete_words "mkbook imp")
[ "$got" = "import " ] && pass "completion: imp -> import" || fail "completion of imp: '$got'"
got=$(complete_words "mkbook import --li")
[ "$got" = "--list " ] && pass "completion: import --li -> --list" || fail "completion of import --li: '$got'"
got=$(complete_words "mkbook import export.xml --uploads ")
[[ $got == *"starter"* && $got != *"a-file"* ]] && pass "completion: import --uploads offers folders" ||
	fail "completion after import --uploads: '$got'"
got=$(complete_words "mkbook starter ")
[ -z "${got// /}" ] && pass "completion: nothing after the manuscript folder" ||
	fail "completion after the folder: '$got'"
got=$(complete_words "mkbook -o book.epub st")
[ "$got" = "starter " ] && pass "completion: an option's value is not the folder" ||
	fail "completion after -o value: '$got'"
# The compressed pages wait in a spool file in TMPDIR; without one they
# stay in memory, and the book is the same.
"$MKBOOK" -q manuscript -o "$out/spool.epub" >/dev/null 2>&1
TMPDIR=$out/no-such-folder "$MKBOOK" -q manuscript -o "$out/nospool.epub" >"$out/last.log" 2>&1
if [ -s "$out/spool.epub" ] && cmp -s "$out/spool.epub" "$out/nospool.epub"; then
	pass "with no temporary folder for the spool, the same book"
else
	fail "with no temporary folder for the spool, another book (or none)"
	indent <"$out/last.log"
fi
if [ -z "$(find "${TMPDIR:-/tmp}" -maxdepth 1 -name 'mkbook-spool-*' -user "$(id -u)" 2>/dev/null)" ]; then
	pass "no spool file is left behind"
else
	fail "spool files left in ${TMPDIR:-/tmp}"
fi

rm -rf "$out/stage"
if make --no-print-directory install-completion DESTDIR="$out/stage" PREFIX=/usr >"$out/last.log" 2>&1 &&
	cmp -s completions/mkbook.bash "$out/stage/usr/share/bash-completion/completions/mkbook"; then
	pass "make install-completion installs it where bash-completion looks"
else
	fail "make install-completion"
	indent <"$out/last.log"
fi

# libcurl is for import --fetch alone: mkbook opens it then, and no other
# run loads it (it brings some thirty libraries, 4.5 MB of every run's
# memory when it was linked).
if command -v ldd >/dev/null 2>&1 && [ -z "$(ldd "$MKBOOK" 2>/dev/null | grep -F libcurl)" ]; then
	pass "mkbook does not load libcurl until import --fetch needs it"
else
	fail "mkbook is linked with libcurl (or ldd is missing)"
fi

# Warnings stop the developer's and CI's builds, never a user's make (a
# newer compiler may warn where ours did not). make -n prints the commands.
user_cc=$(env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u WERROR make -s -n -B build/obj/diag.o 2>/dev/null)
dev_cc=$(env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -n -B WERROR=1 build/obj/diag.o 2>/dev/null)
if [[ $user_cc == *" -Wall "* && $user_cc != *-Werror* && $dev_cc == *" -Werror "* ]]; then
	pass "-Werror in WERROR=1 builds (make check, asan) only, not in make"
else
	fail "make compiles with '$user_cc', WERROR=1 with '$dev_cc'"
fi

summary
