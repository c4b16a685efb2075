#!/bin/bash
# lowerbound.sh OUTDIR FILE... - the lower bound of make bench (issue 5):
# cmark-gfm's command-line parser over every Markdown file, with the GFM
# extensions and footnotes (this cmark-gfm, 0.29.0.gfm.6, takes them as
# "-e footnotes"; it has no --footnotes), each written to an HTML file of
# OUTDIR/html/, then zip -6 of those files into OUTDIR/lb.zip. Run from the
# manuscript folder (FILE names are relative to it), timed as one figure by
# tests/bench/benchrun. OUTDIR/html must exist and be empty.
set -eu
out=$1
shift
for f in "$@"; do
	cmark-gfm -e table -e strikethrough -e autolink -e tasklist -e footnotes \
	    "$f" >"$out/html/${f//\//_}.html"
done
cd "$out/html"
zip -6 -q -r ../lb.zip .
