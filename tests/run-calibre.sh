#!/usr/bin/env bash
# tests/run-calibre.sh - the books as real reading systems see them:
# calibre (Debian's package) reads their metadata back and converts them
# for Kindle, and the rules that make Kindle and Kobo reject a book or show
# it wrong are checked in the EPUB itself.
#
# Usage: tests/run-calibre.sh [CASE...]   (CASE: "sample" or a tests/books/ folder)
#
# Installs calibre first when ebook-meta is missing (as root, apt-get
# install --no-install-recommends calibre; otherwise it says what to run).
# Every book is built with mkbook into build/test-calibre/CASE.epub, then:
#   metadata  (sample) ebook-meta reads back the title, the author with the
#             sort name "Lopez, Daniel", the language and the cover (the
#             very bytes of manuscript/cover); the AZW3's EXTH records
#             (what a Kindle shows): title, author, language, cover.
#             (metadata) title and subtitle, author and sort name,
#             publisher, language, series "Workshop Diaries" #2, the cover.
#   azw3      ebook-convert CASE.epub CASE.azw3 exits 0 and writes the file
#             (CALIBRE_JOBS at a time, default nproc)
#   readers   every XHTML, OPF and NCX file starts with an XML declaration
#             naming UTF-8; the package has dc:language; a cover image is
#             named by <meta name="cover"> and marked cover-image, or
#             neither; the NCX lists documents in spine order with
#             playOrder 1, 2, 3..., nests at most two levels (what Kindle
#             shows) and says so in dtb:depth; the nav document's contents
#             list the same places in the same order.
#
# calibre runs headless (QT_QPA_PLATFORM=offscreen) and as root; its
# configuration goes to build/test-calibre/config.
#
# Prints one "ok - ..." or "FAIL - ..." line per check and, last,
# "N passed, M failed"; exits 1 when anything failed.

# shellcheck source=tests/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
suite_start "" "$@"
jobs=${CALIBRE_JOBS:-$(nproc 2>/dev/null || echo 2)}
out=build/test-calibre
rm -rf "$out"
mkdir -p "$out/config"
export QT_QPA_PLATFORM=offscreen
export CALIBRE_CONFIG_DIRECTORY=$PWD/$out/config
export CALIBRE_TEMP_DIR=$PWD/$out/tmp
mkdir -p "$CALIBRE_TEMP_DIR"

if [ ${#cases[@]} -eq 0 ]; then
	cases=(sample)
	for dir in tests/books/*/; do
		[ -d "$dir" ] || continue
		dir=${dir%/}
		cases+=("${dir##*/}")
	done
fi

# 1. calibre itself.
have_calibre=true
if ! command -v ebook-meta >/dev/null 2>&1 || ! command -v ebook-convert >/dev/null 2>&1; then
	started=$(date +%s)
	if [ "$(id -u)" -eq 0 ] && sh scripts/deps.sh calibre >"$out/install.log" 2>&1 &&
		command -v ebook-meta >/dev/null 2>&1; then
		pass "calibre installed ($(($(date +%s) - started)) s)"
	else
		fail "calibre is missing; run: sudo apt-get install -y --no-install-recommends calibre"
		[ -s "$out/install.log" ] && indent <"$out/install.log"
		have_calibre=false
	fi
fi

# 2. The books.
built=()
for c in "${cases[@]}"; do
	if [ "$c" = sample ]; then
		dir=manuscript
	else
		dir=tests/books/$c
	fi
	epub=$out/$c.epub
	if [ ! -d "$dir" ]; then
		fail "build $c: no folder $dir"
		continue
	fi
	if SOURCE_DATE_EPOCH=$fixed_epoch "$MKBOOK" -q "$dir" -o "$epub" >"$out/$c.build.log" 2>&1 </dev/null &&
		[ -s "$epub" ]; then
		built+=("$c")
	else
		fail "build $c"
		indent <"$out/$c.build.log"
	fi
done
is_built() {
	case " ${built[*]} " in *" $1 "*) return 0 ;; esac
	return 1
}

# meta_field FILE NAME: the value of "NAME : value" in ebook-meta's output.
meta_field() {
	sed -n "s/^$2 *: //p" "$1" | head -n 1
}

# expect WHAT GOT WANT: one check.
expect() {
	if [ "$2" = "$3" ]; then
		pass "$1: $3"
	else
		fail "$1: calibre reads '$2', expected '$3'"
	fi
}

# check_cover CASE EPUB SOURCE: ebook-meta extracts the cover, byte for
# byte the manuscript's cover file SOURCE.
check_cover() {
	local img=$out/$1.cover
	rm -f "$img"
	ebook-meta "$2" --get-cover="$img" >"$out/$1.get-cover.log" 2>&1
	if [ -s "$img" ] && cmp -s "$img" "$3"; then
		pass "metadata $1: cover is $3"
	else
		fail "metadata $1: cover read back is not $3"
		indent <"$out/$1.get-cover.log"
	fi
}

# exth AZW3: prints the EXTH records of a Kindle file, "TYPE value" a line
# (numbers for the 4-byte ones: 201 is the cover's offset).
exth() {
	python3 - "$1" <<'EOF'
import struct, sys
d = open(sys.argv[1], "rb").read()
off = struct.unpack(">I", d[78:82])[0]  # record 0 of the PDB
r0 = d[off:]
if r0[16:20] != b"MOBI":
    sys.exit("no MOBI header")
hlen = struct.unpack(">I", r0[20:24])[0]
e = r0[16 + hlen:]
if e[:4] != b"EXTH":
    sys.exit("no EXTH header")
p = 12
for _ in range(struct.unpack(">I", e[8:12])[0]):
    t, n = struct.unpack(">II", e[p:p + 8])
    v = e[p + 8:p + n]
    p += n
    if t in (116, 121, 125, 131, 201, 202, 203, 204, 205, 206, 207) and len(v) == 4:
        print(t, struct.unpack(">I", v)[0])
    else:
        print(t, " ".join(v.decode("utf-8", "replace").split()))
EOF
}

# 3. AZW3, CALIBRE_JOBS at a time (started now, checked below).
convert() {
	ebook-convert "$out/$1.epub" "$out/$1.azw3" >"$out/$1.convert.log" 2>&1 </dev/null
	echo $? >"$out/$1.convert.status"
}
if $have_calibre; then
	for c in "${built[@]}"; do
		while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do
			wait -n
		done
		convert "$c" &
	done
fi

# 4. Metadata read back.
if $have_calibre && is_built sample; then
	m=$out/sample.meta
	ebook-meta "$out/sample.epub" >"$m" 2>&1
	expect "metadata sample: title" "$(meta_field "$m" Title)" "Why Do We Get Knots In Our Muscles?"
	expect "metadata sample: author [sort name]" "$(meta_field "$m" 'Author(s)')" \
		"Daniel Lopez, D.O. [Lopez, Daniel]"
	expect "metadata sample: language" "$(meta_field "$m" Languages)" "eng"
	cover=$(sed -n 's/^cover: *//p' manuscript/book.yaml | tr -d "\"'" | head -n 1)
	check_cover sample "$out/sample.epub" "manuscript/$cover"
fi
if $have_calibre && is_built metadata; then
	m=$out/metadata.meta
	ebook-meta "$out/metadata.epub" >"$m" 2>&1
	# calibre shows a subtitle after the main title, as "Title: Subtitle".
	expect "metadata metadata: title" "$(meta_field "$m" Title)" \
		"The Clockmaker's Year: Twelve Months at the Workbench"
	expect "metadata metadata: author [sort name]" "$(meta_field "$m" 'Author(s)')" \
		"Henrietta Vale [Vale, Henrietta]"
	expect "metadata metadata: publisher" "$(meta_field "$m" Publisher)" "Escapement Press"
	expect "metadata metadata: language" "$(meta_field "$m" Languages)" "eng"
	expect "metadata metadata: series" "$(meta_field "$m" Series)" "Workshop Diaries #2"
	check_cover metadata "$out/metadata.epub" tests/books/metadata/cover.jpg
fi

wait
if $have_calibre; then
	for c in "${built[@]}"; do
		status=$(cat "$out/$c.convert.status" 2>/dev/null || echo '?')
		if [ "$status" = 0 ] && [ -s "$out/$c.azw3" ]; then
			pass "azw3 $c"
		else
			fail "azw3 $c: ebook-convert exited $status"
			tail -n 20 "$out/$c.convert.log" | indent
		fi
	done
	# What a Kindle shows: the AZW3's own EXTH records. (ebook-meta is no
	# judge here: its MOBI reader turns any "A, B" creator into "B A".)
	if [ -s "$out/sample.azw3" ]; then
		exth "$out/sample.azw3" >"$out/sample.azw3.exth" 2>&1
		expect "kindle sample.azw3: title (EXTH 503)" \
			"$(sed -n 's/^503 //p' "$out/sample.azw3.exth")" "Why Do We Get Knots In Our Muscles?"
		expect "kindle sample.azw3: author (EXTH 100)" \
			"$(sed -n 's/^100 //p' "$out/sample.azw3.exth")" "Daniel Lopez, D.O."
		expect "kindle sample.azw3: language (EXTH 524)" \
			"$(sed -n 's/^524 //p' "$out/sample.azw3.exth")" "en"
		if grep -q '^201 ' "$out/sample.azw3.exth"; then
			pass "kindle sample.azw3: has a cover (EXTH 201)"
		else
			fail "kindle sample.azw3: no cover (EXTH 201)"
		fi
	fi
fi

# 5. Kindle and Kobo rules, read from the EPUB.
reader_rules() {
	python3 - "$1" <<'EOF'
import posixpath, sys, zipfile
import xml.etree.ElementTree as ET

OPF = "{http://www.idpf.org/2007/opf}"
DC = "{http://purl.org/dc/elements/1.1/}"
NCX = "{http://www.daisy.org/z3986/2005/ncx/}"
XHTML = "{http://www.w3.org/1999/xhtml}"
EPUB = "{http://www.idpf.org/2007/ops}"
problems = []
z = zipfile.ZipFile(sys.argv[1])
names = z.namelist()

for n in names:
    if n.endswith((".xhtml", ".opf", ".ncx")):
        head = z.read(n)[:60]
        if not head.startswith(b'<?xml version="1.0" encoding="UTF-8"?>'):
            problems.append("%s: does not start with an XML declaration naming UTF-8 (%r)" % (n, head[:40]))

container = ET.fromstring(z.read("META-INF/container.xml"))
opf_path = container.find(".//{urn:oasis:names:tc:opendocument:xmlns:container}rootfile").get("full-path")
base = posixpath.dirname(opf_path)
opf = ET.fromstring(z.read(opf_path))
md = opf.find(OPF + "metadata")
langs = [e.text for e in md.findall(DC + "language") if (e.text or "").strip()]
if not langs:
    problems.append("package: no dc:language")
manifest = {i.get("id"): i for i in opf.find(OPF + "manifest")}
def full(href, rel=base):
    return posixpath.normpath(posixpath.join(rel, href.split("#")[0]))
cover_meta = [m.get("content") for m in md.findall(OPF + "meta") if m.get("name") == "cover"]
cover_items = [i for i in manifest.values() if "cover-image" in (i.get("properties") or "").split()]
if cover_items or cover_meta:
    if len(cover_meta) != 1 or len(cover_items) != 1 or cover_meta[0] != cover_items[0].get("id"):
        problems.append("package: <meta name=\"cover\"> %s does not name the cover-image item %s"
                        % (cover_meta, [i.get("id") for i in cover_items]))
    elif not cover_items[0].get("media-type", "").startswith("image/"):
        problems.append("package: the cover item is not an image")

spine = [full(manifest[r.get("idref")].get("href")) for r in opf.find(OPF + "spine")]
ncx_items = [i for i in manifest.values() if i.get("media-type") == "application/x-dtbncx+xml"]
if not ncx_items:
    problems.append("package: no NCX (Kindle and older readers need one)")
else:
    ncx_path = full(ncx_items[0].get("href"))
    ncx = ET.fromstring(z.read(ncx_path))
    points = []
    def walk(e, level):
        deepest = level - 1
        for p in e.findall(NCX + "navPoint"):
            src = full(p.find(NCX + "content").get("src"), posixpath.dirname(ncx_path))
            points.append((int(p.get("playOrder", "0")), src, level,
                           p.find(NCX + "content").get("src")))
            deepest = max(deepest, walk(p, level + 1))
        return deepest
    depth = walk(ncx.find(NCX + "navMap"), 1)
    orders = [p[0] for p in points]
    if orders != list(range(1, len(points) + 1)):
        problems.append("NCX: playOrder is %s, not 1, 2, 3..." % orders)
    last = -1
    for _, src, _, raw in points:
        if src not in spine:
            problems.append("NCX: %s is not in the spine" % raw)
            continue
        k = spine.index(src)
        if k < last:
            problems.append("NCX: %s comes after a later document of the spine" % raw)
        last = max(last, k)
    if depth > 2:
        problems.append("NCX: nests %d levels; Kindle shows two" % depth)
    declared = [m.get("content") for m in ncx.find(NCX + "head") if m.get("name") == "dtb:depth"]
    if declared != [str(depth)]:
        problems.append("NCX: dtb:depth %s, but it nests %d levels" % (declared, depth))
    nav_items = [i for i in manifest.values() if "nav" in (i.get("properties") or "").split()]
    if nav_items:
        nav_path = full(nav_items[0].get("href"))
        nav = ET.fromstring(z.read(nav_path))
        toc = [n for n in nav.iter(XHTML + "nav") if "toc" in (n.get(EPUB + "type") or "").split()]
        if toc:
            nav_hrefs = [posixpath.normpath(posixpath.join(posixpath.dirname(nav_path), a.get("href")))
                         for a in toc[0].iter(XHTML + "a")]
            ncx_hrefs = [posixpath.normpath(posixpath.join(posixpath.dirname(ncx_path), p[3]))
                         for p in points]
            if nav_hrefs != ncx_hrefs:
                problems.append("NCX and nav list different places: %s / %s" % (ncx_hrefs, nav_hrefs))
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
EOF
}
for c in "${built[@]}"; do
	if msg=$(reader_rules "$out/$c.epub" 2>&1); then
		pass "readers $c: UTF-8 declarations, dc:language, cover, NCX order and nesting"
	else
		fail "readers $c"
		printf '%s\n' "$msg" | indent
	fi
done

summary
