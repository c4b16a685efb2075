#!/usr/bin/env bash
# tests/run-bad.sh - the bad-input corpus (tests/bad/CASE/) and the tests of
# atomic output. tests/bad/README.md describes the files of a case and every
# check made.
#
# Usage: tests/run-bad.sh [CASE...]
#        tests/run-bad.sh --atomic       (only the tests of atomic output)
#
#   corpus   each case (or only the CASEs named): mkbook runs in
#            build/bad/CASE/ on the manuscript in/; its exit status and
#            messages are compared with `expect`; no crash, no hang, no
#            sanitizer report; the manuscript is left as it was; a failed
#            build leaves no file. A book that is written is checked for
#            active content and for anything from outside its manuscript,
#            and run through epubcheck (in parallel).
#   atomic   (when no CASE is named) an existing EPUB stays byte-for-byte
#            the same, and no temporary file is left, when the book has an
#            error, the output folder is read-only, or the disk is full
#            (write errors injected with tests/faults/enospc.c, and a real
#            64 KiB tmpfs when mount is permitted); a good build replaces
#            the file whole, honours the umask and keeps a symbolic link.
#
# Environment: MKBOOK (default ./mkbook; e.g. MKBOOK=./mkbook-asan),
# EPUBCHECK_JAR (default /usr/share/java/epubcheck.jar), EPUBCHECK_JOBS
# (default nproc), MKBOOK_SLOW_TESTS=1 to run the cases marked slow, CC for
# the shim (default cc).
#
# Prints one "ok - ..." or "FAIL - ..." line per check ("skip - ..." for
# what cannot run here) and, last, "N passed, M failed"; exits 1 when
# anything failed.

# shellcheck source=tests/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
suite_start --atomic "$@"
epubcheck_server_start
jobs=${EPUBCHECK_JOBS:-$(nproc 2>/dev/null || echo 2)}
export SOURCE_DATE_EPOCH=1704067200
# Sanitizer reports must reach standard error; a preloaded shim must not
# stop an ASan build.
export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0

atomic=true
[ ${#cases[@]} -gt 0 ] && atomic=false

work=$root/build/bad
mkdir -p "$work"
# One run at a time uses build/bad/ (make check and a developer's run).
if command -v flock >/dev/null 2>&1; then
	exec 9>"$root/build/bad.lock"
	flock 9
fi
if [ ${#cases[@]} -eq 0 ] && ! has_option --atomic; then
	for dir in tests/bad/*/; do
		[ -f "$dir/expect" ] && cases+=("$(basename "$dir")")
	done
fi
if [ ! -x "$MKBOOK" ]; then
	fail "mkbook not found or not executable: $MKBOOK (run make, or set MKBOOK)"
	summary
	exit 1
fi

# ---- helpers ----

UNPRIV=$(unprivileged_prefix "$work")
can_unprivileged=$?

# The planted files must hold the marker, or "nothing from outside" would
# check nothing.
if [ "$(grep -l "$BAD_MARKER" tests/bad/.secrets/secret.* | wc -l)" -ne 6 ]; then
	fail "tests/bad/.secrets/: not every secret.* file holds $BAD_MARKER"
	summary
	exit 1
fi

# tree_sums DIR: a line per file under DIR (readable or not) with its
# checksum, for "the manuscript is untouched".
tree_sums() {
	(cd "$1" 2>/dev/null && find . -type f -print0 2>/dev/null | sort -z |
		xargs -0 -r sha1sum 2>/dev/null) || true
}

# check_safe EPUB CONTAINS: reads every entry of EPUB and prints every
# problem: active content, the marker, a missing or forbidden string of
# the file CONTAINS (may be empty). Returns 1 when there is any.
check_safe() {
	python3 - "$1" "$BAD_MARKER" "$2" <<'EOF'
import os, re, sys, zipfile
import xml.etree.ElementTree as ET

epub, marker, contains = sys.argv[1], sys.argv[2].encode(), sys.argv[3]
problems = []
active = {"script", "iframe", "frame", "frameset", "object", "embed", "applet",
          "form", "input", "button", "select", "textarea", "foreignObject"}
bad_scheme = re.compile(r"^(javascript|vbscript|data|file):")
texts = []

def local(name):
    return name.rsplit("}", 1)[-1]

def check_style(where, value):
    v = re.sub(r"\s+", "", value.lower())
    for m in re.finditer(r"url\(([^)]*)\)", v):
        if not m.group(1).strip("'\"").startswith("#"):
            problems.append("%s: style loads %s" % (where, m.group(0)))
    if "@import" in v or "expression(" in v or "javascript:" in v:
        problems.append("%s: style %r" % (where, value[:80]))

try:
    z = zipfile.ZipFile(epub)
    entries = z.infolist()
except (OSError, zipfile.BadZipFile) as e:
    print("cannot unzip: %s" % e)
    sys.exit(1)
for entry in entries:
    rel = name = entry.filename
    data = z.read(entry)
    if marker in data:
        problems.append("%s holds the marker of a file outside the manuscript" % rel)
    if re.search(rb"<script", data, re.I):
        problems.append("%s holds <script" % rel)
    if name.endswith(".css"):
        for m in re.finditer(rb"url\(([^)]*)\)", data):
            u = m.group(1).strip(b"'\" ").lower()
            if re.match(rb"(https?:|//|javascript:|file:|data:)", u):
                problems.append("%s: url(%s)" % (rel, u.decode("utf-8", "replace")))
        if b"expression(" in data or b"javascript:" in data:
            problems.append("%s: active CSS" % rel)
    if not name.endswith((".xhtml", ".svg", ".opf", ".ncx", ".xml")):
        continue
    texts.append(data.decode("utf-8", "replace"))
    try:
        tree = ET.fromstring(data)
    except ET.ParseError as e:
        problems.append("%s is not well-formed XML: %s" % (rel, e))
        continue
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        tag = local(el.tag)
        if tag in active:
            problems.append("%s: <%s>" % (rel, tag))
        if tag in ("set", "animate", "animateTransform", "animateMotion"):
            target = el.get("attributeName", "").lower()
            if target.startswith("on") or "href" in target:
                problems.append("%s: <%s attributeName=%r>" % (rel, tag, target))
        for attr, value in el.attrib.items():
            a = local(attr).lower()
            if a.startswith("on"):
                problems.append("%s: <%s %s=...>" % (rel, tag, a))
            v = re.sub(r"[\x00-\x20]", "", value).lower()
            if bad_scheme.match(v):
                problems.append("%s: <%s %s=%r>" % (rel, tag, a, value[:80]))
            if a == "style":
                check_style("%s: <%s>" % (rel, tag), value)
        if tag == "style" and el.text:
            check_style("%s: <style>" % rel, el.text)
if contains and os.path.exists(contains):
    alltext = "\n".join(texts)
    for line in open(contains, encoding="utf-8").read().splitlines():
        if not line or line.startswith("#"):
            continue
        if line.startswith("!"):
            if line[1:] in alltext:
                problems.append("the book holds %r" % line[1:])
        elif line not in alltext:
            problems.append("the book lacks %r" % line)
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
EOF
}

# no_temp_files DIR NAME: true when DIR holds no temporary file of NAME.
no_temp_files() {
	! compgen -G "$1/.$2.*" >/dev/null
}

# ---- 1. the corpus ----

built=() # cases whose book goes through epubcheck
declare -A ran=() xfail_failed=()

# is_xfail CASE: the case has an xfail file, and the cmark-gfm mkbook is
# built with is older than the version of its "fixed-in: cmark-gfm V" line,
# if it has one (Debian 13's cmark-gfm no longer has some of 12's bugs).
cmark_gfm_version=$(pkg-config --modversion libcmark-gfm 2>/dev/null || echo 0)
is_xfail() {
	local f=tests/bad/$1/xfail fixed
	[ -f "$f" ] || return 1
	fixed=$(sed -n 's/^fixed-in: *cmark-gfm *//p' "$f" | head -n 1)
	[ -z "$fixed" ] && return 0
	[ "$(printf '%s\n%s\n' "$cmark_gfm_version" "$fixed" | sort -V | head -n 1)" != "$fixed" ]
}

# report CASE OK MESSAGE: pass or fail, turned into a TODO for xfail cases.
report() {
	local c=$1 ok=$2 msg=$3
	if is_xfail "$c"; then
		if [ "$ok" = yes ]; then
			printf 'ok - %s\n' "$msg"
		else
			xfail_failed[$c]=1
			printf 'ok - %s # TODO %s\n' "$msg" "$(head -n 1 "tests/bad/$c/xfail")"
		fi
		return
	fi
	if [ "$ok" = yes ]; then pass "$msg"; else fail "$msg"; fi
}

run_case() {
	local c=$1 src=tests/bad/$1 dir=$work/$1
	local t_limit=60 status expected line want=() args=() prefix=() out=out.epub
	if [ -f "$src/slow" ] && [ "${MKBOOK_SLOW_TESTS:-0}" != 1 ]; then
		printf 'skip - %s: slow; run with MKBOOK_SLOW_TESTS=1\n' "$c"
		return
	fi
	if [ -f "$src/unprivileged" ]; then
		if [ "$can_unprivileged" -ne 0 ]; then
			printf 'skip - %s: running as root and cannot drop the permission capabilities (setpriv)\n' "$c"
			return
		fi
		# shellcheck disable=SC2206 # a command prefix, split on purpose
		prefix=($UNPRIV)
	fi
	local setup_out
	setup_out=$(bad_prepare "$root" "$c" "$dir")
	status=$?
	if [ "$status" -eq 77 ]; then
		printf 'skip - %s: %s\n' "$c" "$setup_out"
		return
	elif [ "$status" -ne 0 ]; then
		fail "$c: setup.sh exited $status"
		printf '%s\n' "$setup_out" | indent
		return
	fi
	mapfile -t args < <(bad_args "$root" "$c")
	case " ${args[*]} " in *" -o out.epub ") ;; *) out= ;; esac
	[ -f "$src/timeout" ] && t_limit=$(head -n 1 "$src/timeout")
	is_xfail "$c" && t_limit=3
	tree_sums "$dir/in" >"$dir/sums.before"
	ran[$c]=1

	(cd "$dir" && timeout -k 5 "$t_limit" "${prefix[@]}" "$MKBOOK" "${args[@]}" in \
		>stdout 2>stderr </dev/null)
	status=$?

	# No crash, no hang.
	if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
		report "$c" no "$c: no hang (still running after ${t_limit}s)"
		return
	elif [ "$status" -gt 127 ]; then
		report "$c" no "$c: no crash (killed by signal $((status - 128)))"
		indent <"$dir/stderr" | tail -n 20
		return
	elif grep -Eq 'Sanitizer|runtime error:' "$dir/stderr"; then
		report "$c" no "$c: no sanitizer report"
		indent <"$dir/stderr" | head -n 40
		return
	fi

	# Exit status and messages.
	expected=$(grep -v -e '^#' -e '^$' "$src/expect" | head -n 1)
	if [ "$status" = "$expected" ]; then
		report "$c" yes "$c: exit $status"
	else
		report "$c" no "$c: exit $status, expected $expected"
		indent <"$dir/stderr" | head -n 20
	fi
	local missing=()
	mapfile -t want < <(grep -v -e '^#' -e '^$' "$src/expect" | tail -n +2)
	for line in "${want[@]}"; do
		if [ "${line:0:1}" = "!" ]; then
			grep -qF -- "${line:1}" "$dir/stderr" && missing+=("unwanted: ${line:1}")
		else
			grep -qF -- "$line" "$dir/stderr" || missing+=("missing: $line")
		fi
	done
	if [ ${#missing[@]} -eq 0 ]; then
		report "$c" yes "$c: messages (${#want[@]} checked)"
	else
		report "$c" no "$c: messages"
		printf '%s\n' "${missing[@]}" | indent
		printf 'stderr was:\n' | indent
		indent <"$dir/stderr" | head -n 20 | indent
	fi

	# The manuscript is untouched; a failed build leaves nothing.
	tree_sums "$dir/in" >"$dir/sums.after"
	local problems=()
	cmp -s "$dir/sums.before" "$dir/sums.after" ||
		problems+=("files under in/ changed: $(diff "$dir/sums.before" "$dir/sums.after" | grep '^[<>]' | head -n 3 | tr '\n' ' ')")
	if [ -n "$out" ]; then
		no_temp_files "$dir" "$out" || problems+=("a temporary file .$out.* is left")
		if [ "$status" -ne 0 ] && [ -e "$dir/$out" ]; then
			problems+=("mkbook failed but wrote $out")
		fi
	fi
	if [ ${#problems[@]} -eq 0 ]; then
		report "$c" yes "$c: manuscript untouched, no stray file"
	else
		report "$c" no "$c: manuscript untouched, no stray file"
		printf '%s\n' "${problems[@]}" | indent
	fi

	# A written book: safe, nothing from outside; epubcheck later.
	if [ "$status" -eq 0 ] && [ -n "$out" ] && [ -f "$dir/$out" ]; then
		local msg
		if msg=$(check_safe "$dir/$out" "$root/$src/contains" 2>&1); then
			report "$c" yes "$c: the book is safe and holds nothing from outside"
		else
			report "$c" no "$c: the book is safe and holds nothing from outside"
			printf '%s\n' "$msg" | head -n 20 | indent
		fi
		if [ -f "$src/no-epubcheck" ]; then
			printf 'skip - %s: epubcheck: %s\n' "$c" "$(head -n 1 "$src/no-epubcheck")"
		else
			built+=("$c")
			start_epubcheck "$c"
		fi
	fi
}

# start_epubcheck CASE: epubcheck on the case's book, in the background,
# EPUBCHECK_JOBS at a time, while the other cases run.
can_epubcheck=false
command -v java >/dev/null 2>&1 && [ -f "$EPUBCHECK_JAR" ] && can_epubcheck=true
start_epubcheck() {
	$can_epubcheck || return 0
	while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do
		wait -n
	done
	rm -f "$work/$1/epubcheck.txt"
	run_epubcheck "$EPUBCHECK_JAR" "$work/$1/out.epub" "$work/$1/epubcheck.txt" \
		"$root/tests/bad/$1/epubcheck-ts-disputed" &
}

for c in "${cases[@]}"; do
	if [ ! -f "tests/bad/$c/expect" ]; then
		fail "$c: no tests/bad/$c/expect"
		continue
	fi
	run_case "$c"
done

# ---- 2. atomic output ----

# keep_check NAME DIR FILE ORIG: the old EPUB is untouched and no temporary
# file of FILE is left in DIR.
keep_check() {
	local name=$1 dir=$2 file=$3 orig=$4
	if cmp -s "$dir/$file" "$orig"; then
		pass "atomic $name: the existing EPUB is untouched"
	else
		fail "atomic $name: the existing EPUB was changed or removed"
	fi
	if no_temp_files "$dir" "$file"; then
		pass "atomic $name: no temporary file left"
	else
		fail "atomic $name: temporary file left: $(compgen -G "$dir/.$file.*" | tr '\n' ' ')"
	fi
}

# expect_fail NAME STATUS ERRFILE WORDS: mkbook exited 1 and said WORDS.
expect_fail() {
	local name=$1 status=$2 err=$3 words=$4
	if [ "$status" -eq 1 ] && grep -qF -- "$words" "$err"; then
		pass "atomic $name: exit 1, '$words'"
	else
		fail "atomic $name: exit $status, expected 1 and '$words'"
		indent <"$err"
	fi
}

if $atomic; then
	a=$work/atomic
	chmod -R u+rwx "$a" 2>/dev/null
	rm -rf "$a"
	mkdir -p "$a/good/qa" "$a/broken"
	# A good book, with an image so that it is larger than 64 KiB.
	printf 'title: Atomic\nauthor: Test\nmodified: 2024-01-01\ncover: cover.png\n' >"$a/good/book.yaml"
	printf '# Atomic\n\nA book.\n' >"$a/good/a.md"
	cp manuscript/cover.png "$a/good/cover.png"
	printf '# Broken\n\nBad \xff byte.\n' >"$a/broken/a.md"
	printf 'PK old book: not to be lost\n' >"$a/orig.epub"

	# A book with an error.
	cp "$a/orig.epub" "$a/book.epub"
	(cd "$a" && "$MKBOOK" -q broken -o book.epub 2>err.txt)
	expect_fail "book with an error" $? "$a/err.txt" "broken/a.md:3:5: error: invalid UTF-8"
	keep_check "book with an error" "$a" book.epub "$a/orig.epub"

	# The output folder is read-only.
	mkdir -p "$a/ro"
	cp "$a/orig.epub" "$a/ro/book.epub"
	chmod 555 "$a/ro"
	if [ "$can_unprivileged" -eq 0 ]; then
		# shellcheck disable=SC2086 # a command prefix, split on purpose
		(cd "$a" && $UNPRIV "$MKBOOK" -q good -o ro/book.epub 2>err.txt)
		expect_fail "read-only folder" $? "$a/err.txt" "ro/book.epub: error: cannot write: Permission denied"
		keep_check "read-only folder" "$a/ro" book.epub "$a/orig.epub"
	else
		printf 'skip - atomic read-only folder: running as root and cannot drop the permission capabilities\n'
	fi
	chmod 755 "$a/ro"

	# A full disk, injected: write, fsync and close fail with ENOSPC.
	shim=$work/enospc.so
	if "${CC:-cc}" -shared -fPIC -o "$shim" tests/faults/enospc.c -ldl 2>"$a/cc.txt"; then
		for fault in "write 0" "write 1000" "write 70000" "fsync -" "close -"; do
			read -r op after <<<"$fault"
			name="full disk, $op fails"
			[ "$after" != - ] && name="$name after $after bytes"
			cp "$a/orig.epub" "$a/book.epub"
			(cd "$a" && ENOSPC_MATCH=/.book.epub. ENOSPC_OP=$op ENOSPC_AFTER=${after#-} \
				LD_PRELOAD=$shim "$MKBOOK" -q good -o book.epub 2>err.txt)
			expect_fail "$name" $? "$a/err.txt" "book.epub: error: cannot write: No space left on device"
			keep_check "$name" "$a" book.epub "$a/orig.epub"
		done
		# A signal while the book is written: the temporary file goes with
		# mkbook, which ends as the signal says (status 128 + its number).
		# env --default-signal: a suite started in the background or under
		# nohup inherits INT, QUIT or HUP ignored, and mkbook keeps what it
		# inherits (below).
		for sig in INT TERM HUP QUIT; do
			num=$(kill -l "$sig")
			cp "$a/orig.epub" "$a/book.epub"
			(cd "$a" && ENOSPC_MATCH=/.book.epub. ENOSPC_OP=signal ENOSPC_AFTER=1000 \
				ENOSPC_SIGNAL=$num LD_PRELOAD=$shim env --default-signal="$sig" \
				"$MKBOOK" -q good -o book.epub 2>err.txt)
			status=$?
			if [ "$status" -eq $((128 + num)) ]; then
				pass "atomic SIG$sig while writing: mkbook ends with status $status"
			else
				fail "atomic SIG$sig while writing: exit $status, expected $((128 + num))"
				indent <"$a/err.txt"
			fi
			keep_check "SIG$sig while writing" "$a" book.epub "$a/orig.epub"
		done
		# A signal the caller ignores (nohup) stays ignored: the book is
		# written whole, and no temporary file is left.
		cp "$a/orig.epub" "$a/book.epub"
		(cd "$a" && ENOSPC_MATCH=/.book.epub. ENOSPC_OP=signal ENOSPC_AFTER=1000 \
			ENOSPC_SIGNAL="$(kill -l HUP)" LD_PRELOAD=$shim env --ignore-signal=HUP \
			"$MKBOOK" -q good -o book.epub 2>err.txt)
		status=$?
		if [ "$status" -eq 0 ] && check_mimetype "$a/book.epub" >/dev/null &&
			no_temp_files "$a" book.epub; then
			pass "atomic SIGHUP ignored by the caller: the book is written whole"
		else
			fail "atomic SIGHUP ignored by the caller: exit $status"
			indent <"$a/err.txt"
		fi
	else
		fail "atomic full disk: cannot compile tests/faults/enospc.c"
		indent <"$a/cc.txt"
	fi

	# An output name of 250 bytes is legal; its temporary name must not
	# make it fail (".NAME.XXXXXX" would pass the 255-byte limit).
	long=$(printf 'b%.0s' $(seq 1 245)).epub
	(cd "$a" && "$MKBOOK" -q good -o "$long" 2>err.txt)
	status=$?
	if [ "$status" -eq 0 ] && [ -f "$a/$long" ] && [ -z "$(compgen -G "$a/.mkbook.*")" ]; then
		pass "atomic 250-byte output name: written, no temporary file left"
	else
		fail "atomic 250-byte output name: exit $status"
		indent <"$a/err.txt"
	fi
	rm -f "$a/$long"

	# A symbolic link that leads nowhere is not replaced by the book.
	ln -sfn nowhere/book.epub "$a/dangling.epub"
	(cd "$a" && "$MKBOOK" -q good -o dangling.epub 2>err.txt)
	expect_fail "dangling symbolic link" $? "$a/err.txt" "dangling.epub: error: is a symbolic link that leads to no file"
	if [ -L "$a/dangling.epub" ]; then
		pass "atomic dangling symbolic link: the link is kept"
	else
		fail "atomic dangling symbolic link: the link was replaced"
	fi
	rm -f "$a/dangling.epub"

	# A full disk, for real: a 64 KiB tmpfs, where permitted.
	mkdir -p "$a/small"
	if mount -t tmpfs -o size=64k tmpfs "$a/small" 2>/dev/null; then
		trap 'umount "$a/small" 2>/dev/null' EXIT
		cp "$a/orig.epub" "$a/small/book.epub"
		(cd "$a" && "$MKBOOK" -q good -o small/book.epub 2>err.txt)
		expect_fail "64 KiB tmpfs" $? "$a/err.txt" "small/book.epub: error: cannot write: No space left on device"
		keep_check "64 KiB tmpfs" "$a/small" book.epub "$a/orig.epub"
		umount "$a/small" || fail "atomic 64 KiB tmpfs: cannot unmount $a/small"
		trap - EXIT
	else
		printf 'skip - atomic 64 KiB tmpfs: mount is not permitted here (the injected faults stand in)\n'
	fi

	# A good build replaces the file whole, with the umask's mode.
	cp "$a/orig.epub" "$a/book.epub"
	chmod 600 "$a/book.epub"
	(cd "$a" && umask 027 && "$MKBOOK" -q good -o book.epub 2>err.txt)
	status=$?
	if [ "$status" -eq 0 ] && check_mimetype "$a/book.epub" >/dev/null &&
		no_temp_files "$a" book.epub; then
		pass "atomic good build: the EPUB is replaced whole, no temporary file"
	else
		fail "atomic good build: exit $status"
		indent <"$a/err.txt"
	fi
	mode=$(stat -c %a "$a/book.epub")
	if [ "$mode" = 640 ]; then
		pass "atomic good build: mode 640 under umask 027"
	else
		fail "atomic good build: mode $mode under umask 027, expected 640"
	fi

	# A symbolic link at the output path is kept; its file is replaced.
	mkdir -p "$a/real"
	cp "$a/orig.epub" "$a/real/book.epub"
	ln -sfn real/book.epub "$a/link.epub"
	(cd "$a" && "$MKBOOK" -q good -o link.epub 2>err.txt)
	status=$?
	if [ "$status" -eq 0 ] && [ -L "$a/link.epub" ] &&
		check_mimetype "$a/real/book.epub" >/dev/null && no_temp_files "$a" link.epub &&
		no_temp_files "$a/real" book.epub; then
		pass "atomic symbolic link: kept, the file it leads to replaced"
	else
		fail "atomic symbolic link: exit $status; link or target wrong"
		indent <"$a/err.txt"
	fi

	# A FIFO at the output path is refused, not replaced.
	rm -f "$a/pipe.epub"
	if mkfifo "$a/pipe.epub" 2>/dev/null; then
		(cd "$a" && timeout 20 "$MKBOOK" -q good -o pipe.epub 2>err.txt)
		expect_fail "FIFO at the output path" $? "$a/err.txt" "pipe.epub: error: is not a regular file"
		if [ -p "$a/pipe.epub" ]; then
			pass "atomic FIFO at the output path: left as it was"
		else
			fail "atomic FIFO at the output path: replaced"
		fi
	fi
fi

# ---- 3. epubcheck results ----

wait
if [ ${#built[@]} -gt 0 ]; then
	if ! $can_epubcheck; then
		for c in "${built[@]}"; do
			fail "$c: epubcheck: java or $EPUBCHECK_JAR missing (apt-get install epubcheck, or set EPUBCHECK_JAR)"
		done
	fi
	for c in "${built[@]}"; do
		rep=$work/$c/epubcheck.txt
		[ -f "$rep" ] || continue
		if counts=$(epubcheck_summary "$rep"); then
			if [ "$counts" = "0 0 0" ]; then
				report "$c" yes "$c: epubcheck"
			else
				read -r nf ne nw <<<"$counts"
				report "$c" no "$c: epubcheck: $nf fatal, $ne error, $nw warning messages"
				grep -E '^(FATAL|ERROR|WARNING)' "$rep" | head -n 10 | indent
			fi
		else
			report "$c" no "$c: epubcheck: no Messages line in its output"
			head -n 10 "$rep" | indent
		fi
	done
fi

# ---- 4. xfail cases that pass ----

for c in "${cases[@]}"; do
	if is_xfail "$c" && [ -n "${ran[$c]:-}" ] && [ -z "${xfail_failed[$c]:-}" ]; then
		fail "$c: marked xfail but passes every check; remove tests/bad/$c/xfail"
	fi
done

summary
