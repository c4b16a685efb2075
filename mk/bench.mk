# mk/bench.mk - measuring mkbook (issue 5), included by the Makefile.
#
#   make bench     builds build/release/mkbook with the release flags, writes
#                  the corpora (the sample book, generated books of
#                  BENCH_SIZES MiB and, with BENCH_REAL=1, the real-world
#                  book of make bench-real) and measures mkbook, pandoc and the lower
#                  bound (cmark-gfm over every file plus zip -6) side by side:
#                  a table of wall time, CPU time and peak memory, then checks
#                  that mkbook's output is byte-identical run to run and passes
#                  epubcheck (tests/bench/bench.sh; the table also goes to
#                  build/bench/results.md). See BENCHMARKS.md.
#                  Then the importer (issue 15): mkbook import --list and
#                  --post on a generated WordPress export of BENCH_WXR_MIB MiB
#                  against xmllint --stream --noout, with the targets (at most
#                  twice xmllint's time, under 64 MiB; tests/bench/import.sh).
#   make bench-import    only the importer's measurement.
#   make bench-corpora   only writes the generated corpora (build/bench/corpus/).
#   make bench-real      only writes the real-world book: the Rust project's
#                  documentation from Debian's rust-web-src 1.85.0, fetched with
#                  apt-get download and checked by SHA-256
#                  (tests/bench/realbook.sh; build/bench/corpus/real-rust/).
#   make profile   mkbook on the first generated corpus under callgrind: the
#                  25 costliest functions by inclusive and by self instruction
#                  count (build/bench/callgrind.out), then perf stat when the
#                  machine allows it.
#
# Knobs: BENCH_SEED (1), BENCH_SIZES (4 16 64: 1x, 4x and 16x about 4 MiB),
# BENCH_RUNS (5), BENCH_RUNS_BIG (3, over 32 MiB), PANDOC_RUNS (3, up to
# 1 MiB), PANDOC_RUNS_BIG (1), PANDOC_TIMEOUT (600 s), BENCH_PANDOC=0,
# BENCH_EPUBCHECK=0, BENCH_EPUBCHECK_MAX_MIB (20), BENCH_NICE (-20 as root),
# PROFILE_SIZE (the corpus make profile uses), BENCH_REAL (1: measure the
# real-world book too; make bench skips it with a note when the package cannot
# be fetched, as offline; 0 leaves it out), BENCH_WXR_MIB (100); tests/bench/bench.sh
# says more.

.PHONY: bench bench-corpora bench-real bench-deps bench-import profile

RELEASE_CFLAGS ?= -O2 -g -DNDEBUG
# The project's flags with CFLAGS (the debug build's -O2 -g) swapped for the
# release ones. -g does not change the code gcc makes; it names lines in the
# profile.
RELEASE_ALL_CFLAGS = $(filter-out $(CFLAGS),$(ALL_CFLAGS)) $(RELEASE_CFLAGS)
RELEASE_OBJ = $(LIB_SRC:src/%.c=build/release/obj/%.o) build/release/obj/stylesheet.o \
              build/release/obj/main.o
BENCH_TOOL_CFLAGS = -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
                    -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O2

BENCH_SEED  ?= 1
BENCH_SIZES ?= 4 16 64
BENCH_DIR    = build/bench
BENCH_GEN    = $(foreach s,$(BENCH_SIZES),$(BENCH_DIR)/corpus/gen-s$(BENCH_SEED)-$(s)MiB)
PROFILE_SIZE ?= $(firstword $(BENCH_SIZES))
PROFILE_BOOK = $(BENCH_DIR)/corpus/gen-s$(BENCH_SEED)-$(PROFILE_SIZE)MiB
BENCH_REAL  ?= 1
BENCH_REAL_BOOK = $(BENCH_DIR)/corpus/real-rust
BENCH_PKGS   = pandoc cmark-gfm zip epubcheck default-jre-headless libxml2-utils
BENCH_WXR_MIB ?= 100
BENCH_WXR    = $(BENCH_DIR)/corpus/wxr-s$(BENCH_SEED)-$(BENCH_WXR_MIB)MiB.xml

build/release/obj/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(RELEASE_ALL_CFLAGS) -MMD -MP -c -o $@ $<

build/release/obj/stylesheet.o: build/stylesheet.c
	@mkdir -p $(@D)
	$(CC) $(RELEASE_ALL_CFLAGS) -c -o $@ $<

build/release/mkbook: $(RELEASE_OBJ)
	$(CC) $(RELEASE_ALL_CFLAGS) -o $@ $(RELEASE_OBJ) $(LIBS) $(LDFLAGS)

$(BENCH_DIR)/genbook: tests/bench/genbook.c
	@mkdir -p $(@D)
	$(CC) $(BENCH_TOOL_CFLAGS) -o $@ $<

$(BENCH_DIR)/genwxr: tests/bench/genwxr.c
	@mkdir -p $(@D)
	$(CC) $(BENCH_TOOL_CFLAGS) -o $@ $<

# The export, and beside it the id of the post in its middle (.id).
$(BENCH_WXR): $(BENCH_DIR)/genwxr
	@mkdir -p $(@D)
	./$(BENCH_DIR)/genwxr $(BENCH_SEED) $(BENCH_WXR_MIB) $@.tmp | cut -d' ' -f2 > $@.id
	@mv $@.tmp $@

# The importer alone: mkbook import on the generated export (issue 15).
bench-import: bench-deps
	@$(MAKE) --no-print-directory build/release/mkbook $(BENCH_DIR)/benchrun $(BENCH_WXR)
	@MKBOOK=build/release/mkbook BENCHRUN=$(BENCH_DIR)/benchrun OUT=$(BENCH_DIR) \
	    bash tests/bench/import.sh $(BENCH_WXR) $$(cat $(BENCH_WXR).id)

$(BENCH_DIR)/benchrun: tests/bench/benchrun.c
	@mkdir -p $(@D)
	$(CC) $(BENCH_TOOL_CFLAGS) -o $@ $<

# A corpus is rewritten when the generator changes; its name carries the
# seed and the size: gen-s1-4MiB is "genbook 1 4".
$(BENCH_DIR)/corpus/gen-s%MiB/book.yaml: $(BENCH_DIR)/genbook
	@rm -rf $(@D) $(@D).tmp && mkdir -p $(dir $(@D))
	@set -- $$(echo '$*' | sed 's/-/ /'); \
	echo "genbook $$1 $$2 $(@D)"; \
	./$(BENCH_DIR)/genbook $$1 $$2 $(@D).tmp
	@mv $(@D).tmp $(@D)

bench-corpora: $(BENCH_GEN:%=%/book.yaml)

# realbook.sh exits 3 when the package cannot be fetched.
bench-real:
	@sh tests/bench/realbook.sh $(BENCH_REAL_BOOK)

bench-deps:
	@sh scripts/deps.sh build
	@sh scripts/deps.sh $(BENCH_PKGS)

bench: bench-deps
	@$(MAKE) --no-print-directory build/release/mkbook $(BENCH_DIR)/benchrun bench-corpora \
	    $(BENCH_WXR)
	@real=""; \
	if [ "$(BENCH_REAL)" = 1 ]; then \
	    sh tests/bench/realbook.sh $(BENCH_REAL_BOOK); st=$$?; \
	    if [ $$st -eq 0 ]; then real="real-rust=$(BENCH_REAL_BOOK)"; \
	    elif [ $$st -eq 3 ]; then \
	        echo "make bench: the real-world book is SKIPPED: its package could not be fetched (offline?); BENCH_REAL=0 leaves it out"; \
	    else exit 1; fi; \
	fi; \
	start=$$(date +%s); \
	MKBOOK=build/release/mkbook BENCHRUN=$(BENCH_DIR)/benchrun OUT=$(BENCH_DIR) \
	    RELEASE_FLAGS="$(RELEASE_CFLAGS)" \
	    bash tests/bench/bench.sh sample=manuscript \
	    $(foreach s,$(BENCH_SIZES),gen-$(s)MiB=$(BENCH_DIR)/corpus/gen-s$(BENCH_SEED)-$(s)MiB) $$real; \
	status=$$?; \
	MKBOOK=build/release/mkbook BENCHRUN=$(BENCH_DIR)/benchrun OUT=$(BENCH_DIR) \
	    bash tests/bench/import.sh $(BENCH_WXR) $$(cat $(BENCH_WXR).id) || status=1; \
	echo "make bench: measuring took $$(( $$(date +%s) - start )) s"; \
	exit $$status

# The program total, then the first 25 rows of callgrind_annotate's
# function table, paths shortened; a function listed twice (once under its
# object file, once under the source file it was inlined from) is shown once,
# and the frames every call passes through (the dynamic loader, libc's start,
# main, the thread start) are left out.
CALLGRIND_TOP = sed 's|/usr/lib/x86_64-linux-gnu/||g; s|$(CURDIR)/||g' | \
                awk '/PROGRAM TOTALS/ { print } /file:function/ { go = 1; next } \
                go && /^ *[0-9,]+ \(/ { if (/below main|libc_start|ld-linux|start_thread|:main$$|:main \[/) next; \
                f = $$0; sub(/ \[.*$$/, "", f); sub(/^.*:/, "", f); \
                if (seen[f]++) next; print; if (++n == 25) exit }'

# Under callgrind, a 4 MiB book takes some minutes; instruction counts are
# stable on a busy machine where wall times are not; callgrind runs the
# threads one at a time and adds up their counts.
profile: bench-deps
	@sh scripts/deps.sh valgrind
	@$(MAKE) --no-print-directory build/release/mkbook $(PROFILE_BOOK)/book.yaml
	@mkdir -p $(BENCH_DIR)/out
	valgrind --tool=callgrind --callgrind-out-file=$(BENCH_DIR)/callgrind.out \
	    ./build/release/mkbook -q $(PROFILE_BOOK) -o $(BENCH_DIR)/out/profile.epub \
	    2>$(BENCH_DIR)/callgrind.log || { tail -n 20 $(BENCH_DIR)/callgrind.log; exit 1; }
	@grep -E 'Collected' $(BENCH_DIR)/callgrind.log || true
	@echo "== top 25 by inclusive instructions (callgrind_annotate --inclusive=yes)"
	@callgrind_annotate --inclusive=yes --threshold=100 --auto=no $(BENCH_DIR)/callgrind.out | \
	    $(CALLGRIND_TOP)
	@echo "== top 25 by self instructions (callgrind_annotate)"
	@callgrind_annotate --threshold=100 --auto=no $(BENCH_DIR)/callgrind.out | $(CALLGRIND_TOP)
	@echo "== perf stat -e instructions,cycles,task-clock"
	@if command -v perf >/dev/null 2>&1; then \
	    perf stat -e instructions,cycles,task-clock ./build/release/mkbook -q $(PROFILE_BOOK) \
	        -o $(BENCH_DIR)/out/profile.epub 2>$(BENCH_DIR)/perf-stat.txt; \
	    sed -n '/Performance counter/,$$p' $(BENCH_DIR)/perf-stat.txt; \
	    if grep -q 'not supported' $(BENCH_DIR)/perf-stat.txt; then \
	        echo "perf: no hardware counters here (a virtual machine?); the callgrind counts are the stable figure"; \
	    fi; \
	else \
	    echo "perf is not installed (Debian package linux-perf)"; \
	fi

-include $(wildcard build/release/obj/*.d)
