# mk/hardening.mk - sanitizers, leaks and fuzzing (included by the Makefile).
#
#   make asan          ./mkbook-asan and build/unit-tests-asan (AddressSanitizer,
#                      LeakSanitizer, UndefinedBehaviorSanitizer): the unit
#                      tests, the fuzz seeds, ./mkbook-asan compared byte for
#                      byte with ./mkbook on every corpus, the command line and
#                      atomic-output tests. Fails on any sanitizer report.
#   make valgrind      the unit tests (CK_FORK=no), every test book, the
#                      sample and tests/run-bad.sh (but its huge cases) under
#                      valgrind (tests/valgrind.sh).
#   make fuzz          builds the libFuzzer targets of tests/fuzz/ (clang) into
#                      build/fuzz/ and runs each for FUZZ_SECONDS (default 60);
#                      FUZZ_TARGETS picks some, FUZZ_JOBS runs that many at a
#                      time. See tests/fuzz/README.md.
#   make fuzz-build    only builds them.
#   make fuzz-replay   every seed input of tests/fuzz/corpus/ through its
#                      target's code, built without libFuzzer (tests/run-fuzz-replay.sh,
#                      which make check runs too).

.PHONY: asan asan-build valgrind fuzz fuzz-build fuzz-cc fuzz-replay fuzz-replay-bin

FUZZ_TARGETS_ALL = $(basename $(notdir $(wildcard tests/fuzz/fuzz_*.c)))
FUZZ_DEPS        = tests/fuzz/common.c tests/fuzz/fuzz.h

# ---- AddressSanitizer + UndefinedBehaviorSanitizer ----

ASAN_CC    ?= $(CC)
ASAN_FLAGS  = -fsanitize=address,undefined -fno-omit-frame-pointer \
              -fno-sanitize-recover=all -O1 -g
ASAN_CFLAGS = $(ALL_CFLAGS) $(ASAN_FLAGS)
ASAN_LIB_OBJ  = $(LIB_SRC:src/%.c=build/asan/obj/%.o) build/asan/obj/stylesheet.o
ASAN_UNIT_OBJ = $(UNIT_SRC:tests/unit/%.c=build/asan/unit/%.o)
# Every sanitizer report also goes to a file under build/asan/logs/, so that
# none is lost where a test script only looks at an exit status (a book with
# errors exits 1, as UBSan would without abort_on_error). run-bad.sh
# injects write errors with an LD_PRELOAD shim, which then comes before
# gcc's shared ASan runtime: verify_asan_link_order=0 lets that run.
ASAN_LOGS   = $(CURDIR)/build/asan/logs
ASAN_ENV    = ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:verify_asan_link_order=0:log_path=$(ASAN_LOGS)/asan \
              UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:abort_on_error=1:log_path=$(ASAN_LOGS)/ubsan \
              LSAN_OPTIONS=log_path=$(ASAN_LOGS)/lsan

build/asan/obj/%.o: src/%.c
	@mkdir -p $(@D)
	$(ASAN_CC) $(ASAN_CFLAGS) -MMD -MP -c -o $@ $<

build/asan/obj/stylesheet.o: build/stylesheet.c
	@mkdir -p $(@D)
	$(ASAN_CC) $(ASAN_CFLAGS) -c -o $@ $<

build/asan/unit/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	$(ASAN_CC) $(ASAN_CFLAGS) $$($(PKG_CONFIG) --cflags check) -MMD -MP -c -o $@ $<

mkbook-asan: build/asan/obj/main.o $(ASAN_LIB_OBJ)
	$(ASAN_CC) $(ASAN_CFLAGS) -o $@ build/asan/obj/main.o $(ASAN_LIB_OBJ) $(LIBS) $(LDFLAGS)

build/unit-tests-asan: $(ASAN_UNIT_OBJ) $(ASAN_LIB_OBJ)
	$(ASAN_CC) $(ASAN_CFLAGS) -o $@ $(ASAN_UNIT_OBJ) $(ASAN_LIB_OBJ) \
	    $$($(PKG_CONFIG) --libs check) $(LIBS) $(LDFLAGS)

asan-build: mkbook-asan build/unit-tests-asan $(FUZZ_TARGETS_ALL:%=build/asan/fuzz-replay/%)

# The sanitised build is judged by what it does, not validated again: its
# books and messages must be byte-identical to the plain build's (which make
# check runs through every validator) on every corpus
# (tests/compare-builds.sh ./mkbook ./mkbook-asan), and the tests that reach
# code no corpus reaches run with it: the unit tests, the fuzz seeds, the
# route equivalence, the command line (without epubcheck) and the atomic
# output (injected write errors). Check forks a child per test: a sanitizer
# that aborts the child makes that test an error ("Received signal 6"),
# counted as a failure. Each part runs to its end; the target fails when any
# of them did, or when any sanitizer wrote a report.
asan: deps-test
	@$(MAKE) --no-print-directory -j$(BUILD_JOBS) WERROR=1 asan-build mkbook
	@rm -rf $(ASAN_LOGS) && mkdir -p $(ASAN_LOGS)
	@export $(ASAN_ENV); status=0; \
	echo "== unit tests (ASan, UBSan)"; \
	./build/unit-tests-asan || status=1; \
	echo "== fuzz seeds and route equivalence, sanitised"; \
	FUZZ_REPLAY_DIR=build/asan/fuzz-replay bash tests/run-fuzz-replay.sh || status=1; \
	FUZZ_REPLAY_DIR=build/asan/fuzz-replay bash tests/run-routes.sh || status=1; \
	echo "== ./mkbook-asan against ./mkbook on every corpus"; \
	bash tests/compare-builds.sh ./mkbook ./mkbook-asan || status=1; \
	echo "== the command line and atomic output with ./mkbook-asan"; \
	MKBOOK=./mkbook-asan SKIP_VALIDATORS=1 bash tests/run-cli.sh || status=1; \
	MKBOOK=./mkbook-asan bash tests/run-bad.sh --atomic || status=1; \
	if ls $(ASAN_LOGS) | grep -q .; then \
	    echo "== sanitizer reports (build/asan/logs/):"; \
	    for f in $(ASAN_LOGS)/*; do echo "--- $$f"; head -n 60 "$$f"; done; \
	    status=1; \
	else \
	    echo "== no sanitizer report"; \
	fi; \
	if [ $$status -eq 0 ]; then echo "asan: clean"; else echo "asan: FAILED"; fi; \
	exit $$status

# ---- valgrind ----

VALGRIND ?= valgrind

valgrind: deps-test
	@sh scripts/deps.sh valgrind
	@$(MAKE) --no-print-directory -j$(BUILD_JOBS) WERROR=1 mkbook build/unit-tests
	VALGRIND="$(VALGRIND)" bash tests/valgrind.sh

# ---- libFuzzer ----

FUZZ_CC       ?= clang
FUZZ_SECONDS  ?= 60
FUZZ_JOBS     ?= 1
FUZZ_MAX_LEN  ?= 65536
FUZZ_TARGETS  ?= $(FUZZ_TARGETS_ALL)
# clang may warn where gcc does not: warnings stay visible but do not stop
# a fuzzing build.
FUZZ_SAN      = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CFLAGS   = $(ALL_CFLAGS) -Wno-error -O1 -g $(FUZZ_SAN)
FUZZ_LIB_OBJ  = $(LIB_SRC:src/%.c=build/fuzz/obj/%.o) build/fuzz/obj/stylesheet.o
FUZZ_OPTS     = -max_len=$(FUZZ_MAX_LEN) -rss_limit_mb=2048 -timeout=10 \
                -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1

build/fuzz/obj/%.o: src/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

build/fuzz/obj/stylesheet.o: build/stylesheet.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_TARGETS_ALL:%=build/fuzz/%): build/fuzz/%: tests/fuzz/%.c $(FUZZ_DEPS) $(FUZZ_LIB_OBJ)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -Itests/fuzz -o $@ $< tests/fuzz/common.c \
	    $(FUZZ_LIB_OBJ) $(LIBS) $(LDFLAGS)

fuzz-build: fuzz-cc $(FUZZ_TARGETS:%=build/fuzz/%)

fuzz-cc:
	@command -v $(FUZZ_CC) >/dev/null 2>&1 || { \
	    echo "make fuzz needs clang with libFuzzer: apt-get install clang (or set FUZZ_CC)"; \
	    exit 1; }

# Each target runs on a working copy of its seed corpus (build/fuzz/corpus/),
# so new inputs never land in tests/; crashes go to build/fuzz/artifacts/.
fuzz: fuzz-build
	@mkdir -p build/fuzz/artifacts build/fuzz/logs
	@status=0; running=0; pids=""; \
	for t in $(FUZZ_TARGETS); do \
	    mkdir -p build/fuzz/corpus/$$t; \
	    dict=$$(sed -n 's/^.*fuzz-dict: *//p' tests/fuzz/$$t.c | head -n 1); \
	    echo "== $$t for $(FUZZ_SECONDS) s (dictionary $${dict:-none}; log build/fuzz/logs/$$t.log)"; \
	    ( ./build/fuzz/$$t $(FUZZ_OPTS) $${dict:+-dict=tests/fuzz/$$dict} \
	        -artifact_prefix=build/fuzz/artifacts/$$t- \
	        build/fuzz/corpus/$$t tests/fuzz/corpus/$$t \
	        >build/fuzz/logs/$$t.log 2>&1; \
	      rc=$$?; \
	      runs=$$(sed -n 's/^stat::number_of_executed_units: *//p' build/fuzz/logs/$$t.log); \
	      echo "$$t: exit $$rc, $${runs:-?} executions"; \
	      [ $$rc -eq 0 ] || { tail -n 40 build/fuzz/logs/$$t.log; exit 1; } ) & \
	    pids="$$pids $$!"; running=$$((running + 1)); \
	    if [ $$running -ge $(FUZZ_JOBS) ]; then \
	        for p in $$pids; do wait $$p || status=1; done; pids=""; running=0; \
	    fi; \
	done; \
	for p in $$pids; do wait $$p || status=1; done; \
	exit $$status

# ---- replaying the seed corpus without libFuzzer ----

$(FUZZ_TARGETS_ALL:%=build/fuzz-replay/%): build/fuzz-replay/%: tests/fuzz/%.c tests/fuzz/replay.c $(FUZZ_DEPS) $(LIB_OBJ)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests/fuzz -o $@ $< tests/fuzz/replay.c tests/fuzz/common.c \
	    $(LIB_OBJ) $(LIBS) $(LDFLAGS)

$(FUZZ_TARGETS_ALL:%=build/asan/fuzz-replay/%): build/asan/fuzz-replay/%: tests/fuzz/%.c tests/fuzz/replay.c $(FUZZ_DEPS) $(ASAN_LIB_OBJ)
	@mkdir -p $(@D)
	$(ASAN_CC) $(ASAN_CFLAGS) -Itests/fuzz -o $@ $< tests/fuzz/replay.c tests/fuzz/common.c \
	    $(ASAN_LIB_OBJ) $(LIBS) $(LDFLAGS)

fuzz-replay-bin: $(FUZZ_TARGETS_ALL:%=build/fuzz-replay/%)

fuzz-replay: fuzz-replay-bin
	bash tests/run-fuzz-replay.sh

# make check runs tests/run-fuzz-replay.sh with the other scripts, and
# builds fuzz-replay-bin for it in its second make (see the Makefile).

-include $(wildcard build/asan/obj/*.d build/asan/unit/*.d build/fuzz/obj/*.d)
