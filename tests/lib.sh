# shellcheck shell=bash
# tests/lib.sh - helpers shared by the test scripts. Source it; it defines
# functions and the PASSED/FAILED counters and runs nothing by itself.

PASSED=${PASSED:-0}
FAILED=${FAILED:-0}

# pass DESCRIPTION / fail DESCRIPTION: one result line, counted.
pass() {
	printf 'ok - %s\n' "$*"
	PASSED=$((PASSED + 1))
}

fail() {
	printf 'FAIL - %s\n' "$*"
	FAILED=$((FAILED + 1))
}

# indent: prefixes each line of stdin, so details under a FAIL line stand out.
indent() {
	sed 's/^/    /'
}

# summary: the closing line "N passed, M failed"; returns 1 when M > 0.
summary() {
	printf '%d passed, %d failed\n' "$PASSED" "$FAILED"
	[ "$FAILED" -eq 0 ]
}

# expect_status WANT DESCRIPTION CMD...: runs CMD (no standard input), its
# output to $out/last.log ($out: the calling script's output folder), and
# passes when it exits with WANT.
expect_status() {
	local want=$1 what=$2 got
	shift 2
	"$@" >"$out/last.log" 2>&1 </dev/null
	got=$?
	if [ "$got" -eq "$want" ]; then
		pass "$what (exit $got)"
	else
		fail "$what: exit $got, wanted $want"
		indent <"$out/last.log"
	fi
}

# log_has DESCRIPTION EXTENDED-REGEX: the last command's output matches.
log_has() {
	if grep -Eq -- "$2" "$out/last.log"; then
		pass "$1"
	else
		fail "$1: no /$2/ in"
		indent <"$out/last.log"
	fi
}

# epubcheck_summary FILE: reads epubcheck's output saved in FILE and prints
# its counts as "FATALS ERRORS WARNINGS" (e.g. "0 0 0"). epubcheck 4.x ends
# with a line such as
#   Messages: 0 fatals / 1 error / 2 warnings / 0 infos
# (singular words when a count is 1). Returns 1, printing nothing, when no
# such line is found (epubcheck crashed or was not run).
epubcheck_summary() {
	local line re='Messages: ([0-9]+) fatals? / ([0-9]+) errors? / ([0-9]+) warnings?'
	line=$(grep -E "$re" "$1" 2>/dev/null | tail -n 1) || return 1
	[[ $line =~ $re ]] || return 1
	printf '%s %s %s\n' "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}" "${BASH_REMATCH[3]}"
}

# epubcheck_clean FILE: true when epubcheck's output in FILE reports no
# fatal error, no error and no warning.
epubcheck_clean() {
	[ "$(epubcheck_summary "$1")" = "0 0 0" ]
}

# run_epubcheck JAR EPUB OUT: runs epubcheck on EPUB, all of its output
# (stdout and stderr) to OUT. Its exit status is not used: the Messages line
# of OUT is what counts. EPUBCHECK_JAVA_OPTS are options for java; by
# default the JIT's first tier only and the serial collector, which give
# the same report for half the CPU time of a default JVM.
run_epubcheck() {
	local opts
	read -r -a opts <<<"${EPUBCHECK_JAVA_OPTS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"
	java "${opts[@]}" -jar "$1" "$2" >"$3" 2>&1 </dev/null || true
}

# check_mimetype EPUB: true when the EPUB's first zip entry is "mimetype",
# stored (not deflated), with no extra field in its local or central header,
# and holds exactly "application/epub+zip" (OCF 3, section 4.3). On failure
# prints what is wrong.
check_mimetype() {
	python3 - "$1" <<'EOF'
import struct, sys, zipfile

path = sys.argv[1]
problems = []
with open(path, "rb") as f:
    head = f.read(30)
    if len(head) < 30 or head[:4] != b"PK\x03\x04":
        print("not a zip file (no local file header at offset 0)")
        sys.exit(1)
    (_, _, flags, method, _, _, _, csize, usize, nlen, xlen) = struct.unpack(
        "<IHHHHHIIIHH", head)
    name = f.read(nlen)
    f.seek(xlen, 1)
    data = f.read(csize)
if name != b"mimetype":
    problems.append("first entry is %r, not 'mimetype'" % name.decode("utf-8", "replace"))
if method != 0:
    problems.append("mimetype is compressed (method %d), not stored" % method)
if xlen != 0:
    problems.append("mimetype's local header has a %d-byte extra field" % xlen)
if flags & 0x08:
    problems.append("mimetype uses a data descriptor")
if name == b"mimetype" and method == 0 and data != b"application/epub+zip":
    problems.append("mimetype holds %r" % data)
try:
    with zipfile.ZipFile(path) as z:
        first = z.infolist()[0]
        if first.filename != "mimetype":
            problems.append("central directory lists %r first" % first.filename)
        elif first.extra:
            problems.append("mimetype's central header has a %d-byte extra field" % len(first.extra))
except (zipfile.BadZipFile, IndexError) as e:
    problems.append("unreadable zip: %s" % e)
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
EOF
}

# unzip_epub EPUB DIR: extracts EPUB into DIR (python3's zipfile, so unzip
# need not be installed).
unzip_epub() {
	mkdir -p "$2" && python3 -m zipfile -e "$1" "$2"
}

# golden_tree SRC DST: copies the files of SRC (an unzipped EPUB) that golden
# tests compare - every .opf, .ncx and .xhtml - into DST, keeping their
# relative paths.
golden_tree() {
	local src=$1 dst=$2 rel
	mkdir -p "$dst"
	while IFS= read -r -d '' rel; do
		rel=${rel#./}
		mkdir -p "$dst/$(dirname "$rel")"
		cp "$src/$rel" "$dst/$rel"
	done < <(cd "$src" && find . -type f \( -name '*.opf' -o -name '*.ncx' -o -name '*.xhtml' \) -print0)
}

# abs_path PATH: PATH made absolute (it need not exist).
abs_path() {
	case $1 in
	/*) printf '%s\n' "$1" ;;
	*) printf '%s/%s\n' "$PWD" "${1#./}" ;;
	esac
}

# resolve_mkbook ROOT: the mkbook to test as an absolute path, so that a
# script may change directory: $MKBOOK (a path, or a command on PATH), else
# ROOT/mkbook.
resolve_mkbook() {
	if [ -n "${MKBOOK:-}" ]; then
		case $MKBOOK in
		*/*) abs_path "$MKBOOK" ;;
		*) command -v "$MKBOOK" || printf '%s\n' "$MKBOOK" ;;
		esac
	else
		printf '%s\n' "$1/mkbook"
	fi
}
