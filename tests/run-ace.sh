#!/usr/bin/env bash
# tests/run-ace.sh - Ace by DAISY, the accessibility checker publishers use,
# on the sample book and on every test book.
#
# Usage: tests/run-ace.sh [CASE...]     (CASE: "sample" or a tests/books/ folder)
#
# Installs Ace first (scripts/install-ace.sh: Debian's chromium as root when
# missing, then npm ci of tests/ace/ into $ACE_HOME, default build/ace).
# Each book is built with mkbook into build/test-ace/CASE.epub and checked
# with Ace's puppeteer runner in headless chromium, by ACE_JOBS processes
# (default: nproc) that share the books out (tests/ace/batch.js). Ace's report.json is read: a book
# passes only with 0 violations (assertions whose earl:outcome is "fail"),
# and only when the five discovery properties of EPUB Accessibility 1.1
# (schema:accessMode, accessModeSufficient, accessibilityFeature,
# accessibilityHazard, accessibilitySummary) are present, and a
# dcterms:conformsTo claim comes with a11y:certifiedBy. Each violation is
# listed under the FAIL line; the full reports stay in
# build/test-ace/CASE/report.html.
#
# Environment: MKBOOK (default: ./mkbook), ACE_HOME, ACE_JOBS.
# Prints one "ok - ..." or "FAIL - ..." line per check and, last,
# "N passed, M failed"; exits 1 when anything failed.

# shellcheck source=tests/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
suite_start "" "$@"
ace_home=$(abs_path "${ACE_HOME:-$root/build/ace}")
jobs=${ACE_JOBS:-$(nproc 2>/dev/null || echo 2)}
out=build/test-ace
mkdir -p "$out"

if [ ${#cases[@]} -eq 0 ]; then
	cases=(sample)
	for dir in tests/books/*/; do
		[ -d "$dir" ] || continue
		dir=${dir%/}
		cases+=("${dir##*/}")
	done
fi

# 1. Ace itself.
started=$(date +%s)
if sh scripts/install-ace.sh "$ace_home" >"$out/install.log" 2>&1; then
	pass "Ace installed in $ace_home ($(($(date +%s) - started)) s)"
else
	fail "Ace installed in $ace_home"
	indent <"$out/install.log"
	summary
	exit 1
fi
ace_bin=$ace_home/node_modules/.bin/ace-puppeteer

# 2. The books.
built=()
for c in "${cases[@]}"; do
	if [ "$c" = sample ]; then
		dir=manuscript
	else
		dir=tests/books/$c
	fi
	epub=$out/$c.epub
	rm -rf "$epub" "${out:?}/$c" "$out/$c.ace.status" "$out/$c.ace.log"
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

# 3. Ace on each: the books dealt out to ACE_JOBS Node.js processes, each
# checking its share one after the other in one headless Chromium
# (tests/ace/batch.js; the same check as ace-puppeteer's, for each book).
# Its home, logs and temporary files stay in build/test-ace; its launch
# timeout is raised from 5 s, which a busy two-core machine can miss.
run_ace_batch() {
	local n=$1
	shift
	mkdir -p "$out/home"
	HOME=$PWD/$out/home PUPPETEER_EXECUTABLE_PATH=$ace_home/chromium \
		PUPPETEER_SKIP_DOWNLOAD=1 ACE_TIMEOUT_INITIAL=60000 \
		timeout $((300 + 120 * $#)) node tests/ace/batch.js "$ace_home" "$out" "$@" \
		>"$out/batch-$n.log" 2>&1 </dev/null
	local rc=$? c
	for c in "$@"; do
		[ -f "$out/$c.ace.status" ] && continue
		echo "$rc" >"$out/$c.ace.status"
		cp "$out/batch-$n.log" "$out/$c.ace.log"
	done
}
for ((j = 0; j < jobs; j++)); do
	share=()
	for ((i = j; i < ${#built[@]}; i += jobs)); do
		share+=("${built[i]}")
	done
	[ ${#share[@]} -gt 0 ] && run_ace_batch "$j" "${share[@]}" &
done
wait

# report_violations REPORT: prints one line per violation of Ace's
# report.json, and a line per missing discovery property; exits 1 when
# there is anything to print, 2 when the report cannot be read.
report_violations() {
	python3 - "$1" <<'EOF'
import json, sys

try:
    with open(sys.argv[1], encoding="utf-8") as f:
        report = json.load(f)
except (OSError, ValueError) as e:
    print("no readable report: %s" % e)
    sys.exit(2)
problems = []
for doc in report.get("assertions", []):
    where = doc.get("earl:testSubject", {}).get("url", "?")
    for a in doc.get("assertions", []):
        result = a.get("earl:result", {})
        if result.get("earl:outcome") != "fail":
            continue
        test = a.get("earl:test", {})
        css = result.get("earl:pointer", {}).get("css", [])
        problems.append("%s: %s (%s) at %s: %s" % (
            where, test.get("dct:title", "?"), test.get("earl:impact", "?"),
            " ".join(css[:1]) or "-", " ".join(result.get("dct:description", "").split())))
meta = report.get("a11y-metadata", {})
present = set(meta.get("present", []))
for name in ("schema:accessMode", "schema:accessModeSufficient",
             "schema:accessibilityFeature", "schema:accessibilityHazard",
             "schema:accessibilitySummary"):
    if name not in present:
        problems.append("package.opf: no %s" % name)
if "dcterms:conformsTo" in present and "a11y:certifiedBy" not in present:
    problems.append("package.opf: dcterms:conformsTo without a11y:certifiedBy")
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
EOF
}

for c in "${built[@]}"; do
	report=$out/$c/report.json
	status=$(cat "$out/$c.ace.status" 2>/dev/null || echo '?')
	if [ ! -f "$report" ]; then
		fail "ace $c: no report (Ace exited $status)"
		tail -n 20 "$out/$c.ace.log" | indent
		continue
	fi
	msg=$(report_violations "$report")
	case $? in
	0) pass "ace $c: 0 violations" ;;
	1)
		n=$(printf '%s\n' "$msg" | grep -vc '^package.opf: no \|without a11y:certifiedBy')
		fail "ace $c: $n violations (report: $out/$c/report.html)"
		printf '%s\n' "$msg" | indent
		;;
	*)
		fail "ace $c: report unreadable"
		printf '%s\n' "$msg" | indent
		;;
	esac
done

summary
