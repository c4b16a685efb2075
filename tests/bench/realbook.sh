#!/bin/sh
# tests/bench/realbook.sh - a large real-world book for make bench (issue 5:
# "Other large real-world books, measured the same way, will be held to the
# same targets").
#
# Usage: tests/bench/realbook.sh OUTDIR
#
# Writes OUTDIR, a manuscript of the Rust project's documentation as Debian 12
# ships it in the package rust-web-src, version 1.85.0+dfsg3-1~deb12u3 (the
# source of rustc 1.85.0): every Markdown file of the package but those in
# hidden folders (2,906 files, 14.9 MiB: The Rust Programming Language, the
# Reference, the Rustonomicon, Rust by Example, the rustc, rustdoc, cargo,
# edition, embedded, style and unstable books, the rustc dev guide, the
# compiler's error index, the release notes and changelogs, the READMEs of
# the tools and of the crates vendored for rustc-perf), with their paths, so
# that links between them resolve, and
# every image of the package, so that images resolve; and book.yaml (title,
# author, language, modified, and every Markdown file in contents, in the byte
# order of the paths). Nothing of the text is changed.
#
# The package is fetched with apt-get download into DLDIR (default
# build/bench/dl, kept between runs), and its SHA-256 must be the one below;
# apt-get itself checks it against Debian's signed package lists.
# REALBOOK_DEB=FILE uses a copy of the .deb kept elsewhere (the same SHA-256
# is required). The third-party text is never committed, only this script.
#
# Exit status: 0 written (or already there), 1 an error (a wrong hash, a
# broken package), 3 the package could not be fetched (offline, or the
# version is no longer served): make bench then skips the book with a note.
set -eu
export LC_ALL=C

PKG=rust-web-src
VERSION=1.85.0+dfsg3-1~deb12u3
SHA256=48849a40ac3490b6ed45b0813c6c92d4c689448b0c4251997f56399b8f899d0d
ROOT=usr/src/rustc-1.85.0
DEB_NAME=${PKG}_$(echo "$VERSION" | sed 's/:/%3a/')_all.deb

[ $# -eq 1 ] || { echo "usage: $0 OUTDIR" >&2; exit 2; }
mkdir -p "$(dirname "$1")"
out=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
dl=${DLDIR:-build/bench/dl}

# The book is written again when the package or this script changes.
stamp="$SHA256 $(sha256sum <"$0" | cut -d' ' -f1)"
if [ -f "$out/book.yaml" ] && [ "$(cat "$out/.stamp" 2>/dev/null)" = "$stamp" ]; then
	exit 0
fi

# The package: REALBOOK_DEB, else the copy in DLDIR, else apt-get download.
if [ -n "${REALBOOK_DEB:-}" ]; then
	deb=$REALBOOK_DEB
else
	mkdir -p "$dl"
	deb=$dl/$DEB_NAME
	if [ ! -f "$deb" ]; then
		echo "realbook: apt-get download $PKG=$VERSION (45 MB) into $dl"
		# apt-get download writes to the working directory; as root it
		# warns that the _apt user cannot write there, which is harmless.
		(cd "$dl" && apt-get download -q "$PKG=$VERSION") >"$dl/apt-get.log" 2>&1 || true
		if [ ! -f "$deb" ]; then
			sed 's/^/    /' "$dl/apt-get.log" >&2
			echo "realbook: could not fetch $PKG=$VERSION: offline, no package lists yet" \
			    "(apt-get update), or the version is no longer served" >&2
			exit 3
		fi
	fi
fi
sum=$(sha256sum "$deb" | cut -d' ' -f1)
if [ "$sum" != "$SHA256" ]; then
	echo "realbook: $deb: SHA-256 $sum, expected $SHA256" >&2
	exit 1
fi

# The Markdown files and the images, out of the package's data.
tmp=$out.tmp
rm -rf "$tmp" "$out"
mkdir -p "$tmp/x"
dpkg-deb --fsys-tarfile "$deb" | tar -t |
    grep -E "^\./$ROOT/.*\.(md|png|svg|jpe?g|gif)\$" >"$tmp/members" || true
[ -s "$tmp/members" ] || { echo "realbook: no Markdown files in $deb" >&2; exit 1; }
dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$tmp/x" --no-same-owner -T "$tmp/members"
mv "$tmp/x/$ROOT" "$tmp/book"
rm -rf "$tmp/x"

# book.yaml: every Markdown file, in the byte order of the paths. Paths are
# written as YAML double-quoted strings (one holds spaces).
# Files under a folder whose name starts with a dot are left out: they are
# GitHub's issue and pull-request templates (.github/), not documentation,
# and their front matter holds empty values (title: '') that mkbook refuses.
(cd "$tmp/book" && find . -type f -name '*.md' ! -path '*/.*' | sed 's|^\./||' | sort) >"$tmp/files"
n=$(wc -l <"$tmp/files")
[ "$n" -gt 0 ] || { echo "realbook: no Markdown files in $deb" >&2; exit 1; }
{
	echo "# Written by tests/bench/realbook.sh from Debian's $PKG $VERSION:"
	echo "# every Markdown file of $ROOT, in the byte order of the paths."
	echo "title: \"The Rust Documentation (rustc 1.85.0)\""
	echo "author: The Rust Project Developers"
	echo "language: en"
	echo "modified: 2025-02-20"
	echo "description: \"The Markdown sources of the Rust project's books, guides and references, as shipped in Debian's $PKG $VERSION.\""
	echo "contents:"
	sed 's/[\\"]/\\&/g; s/^/  - "/; s/$/"/' "$tmp/files"
} >"$tmp/book/book.yaml"
echo "$stamp" >"$tmp/book/.stamp"
mv "$tmp/book" "$out"
echo "realbook: $out: $n Markdown files in book.yaml, $(cd "$out" && tr '\n' '\0' <"$tmp/files" | xargs -0 cat | wc -c) bytes"
rm -rf "$tmp"
