# mkbook - Markdown manuscript to EPUB 3.
# GNU make; every library found with pkg-config.

VERSION     = 0.1.0
PREFIX     ?= /usr/local
DESTDIR    ?=
BINDIR      = $(PREFIX)/bin
MANDIR      = $(PREFIX)/share/man
DATADIR     = $(PREFIX)/share/mkbook
PKG_CONFIG ?= pkg-config
CC         ?= cc
CFLAGS     ?= -O2 -g
# The compiling sub-makes of check and asan use every processor.
BUILD_JOBS ?= $(shell nproc 2>/dev/null || echo 1)

# Asked of pkg-config when this make starts, so a target that installs the
# packages first (book, check, asan...) builds in a make of its own,
# started after deps.sh: see the recipes below, and never give such a
# target a prerequisite that compiles.
PKGS     = libcmark-gfm libxml-2.0 libzip yaml-0.1 libdeflate libcurl jansson
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
# libcurl's headers only: import --fetch opens the library at run time
# (src/import/fetch.c), so that no other run loads it and what it brings.
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs $(filter-out libcurl,$(PKGS)) 2>/dev/null)
# Warnings are errors in the developer's and CI's builds (make check, make
# asan, make valgrind, or WERROR=1), not in a user's make or make book,
# where a newer compiler's new warning must not stop the build.
WERROR    ?=
ALL_CFLAGS = -std=c11 -Wall -Wextra $(if $(WERROR),-Werror) -Wshadow -Wstrict-prototypes \
             -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
             -DMKBOOK_VERSION=\"$(VERSION)\" -Isrc $(PKG_CFLAGS) $(CFLAGS)
LIBS     = -lcmark-gfm-extensions $(PKG_LIBS) -lunistring -lpthread -ldl

# make STATIC=1 (after make clean): link into the binary the libraries
# Debian ships as static archives (cmark-gfm, libxml2 with the ICU and
# liblzma and zlib it needs, libyaml, libunistring, libdeflate, libstdc++
# for ICU).
# libzip has no archive and stays shared, with what it loads (libcrypto,
# libbz2). Start-up is the point: on the sample book it takes 28 % fewer
# instructions (no symbol lookups in ICU and libstdc++) and about 1.5 ms
# less CPU, for a 35 MB binary instead of 0.8 MB (ICU's data is 30 MB of
# it) and libraries that security updates no longer reach. Not the
# default, and not for a distribution package; see BENCHMARKS.md.
ifeq ($(STATIC),1)
LIBS     = -Wl,-Bstatic -lcmark-gfm-extensions -lcmark-gfm -lxml2 -licuuc -licudata \
           -llzma -lyaml -lunistring -ldeflate -ljansson -lz -lstdc++ -Wl,-Bdynamic -lzip -lm -lpthread -ldl \
           -static-libgcc
endif

LIB_SRC  = $(filter-out src/main.c,$(wildcard src/*.c src/*/*.c))
LIB_OBJ  = $(LIB_SRC:src/%.c=build/obj/%.o) build/obj/stylesheet.o
UNIT_SRC = $(wildcard tests/unit/*.c)
UNIT_OBJ = $(UNIT_SRC:tests/unit/%.c=build/unit/%.o)
SAMPLE   = build/sample.epub

.PHONY: all book check check-fresh unit books deps deps-test clean install uninstall cover asan valgrind

all: mkbook

mkbook: build/obj/main.o $(LIB_OBJ)
	$(CC) $(ALL_CFLAGS) -o $@ build/obj/main.o $(LIB_OBJ) $(LIBS) $(LDFLAGS)

build/obj/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

build/stylesheet.c: styles/mkbook.css scripts/embed.sh
	@mkdir -p $(@D)
	sh scripts/embed.sh mkbook_default_css styles/mkbook.css > $@.tmp && mv $@.tmp $@

build/obj/stylesheet.o: build/stylesheet.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The sample book: installs missing build dependencies first (as root).
book: deps
	@$(MAKE) --no-print-directory mkbook
	./mkbook manuscript/ -o $(SAMPLE)
	@echo "The sample book is $(SAMPLE)"

deps:
	@sh scripts/deps.sh build

deps-test:
	@sh scripts/deps.sh test

# Every test: the unit tests, then every integration script tests/run-*.sh
# (test books through epubcheck, the sample book, bad inputs...), each
# ending with "N passed, M failed", and the totals last.
# Built in a second make, after deps.sh: see PKG_CFLAGS. fuzz-replay-bin
# (mk/hardening.mk) is for tests/run-fuzz-replay.sh.
check: deps-test
	@$(MAKE) --no-print-directory -j$(BUILD_JOBS) WERROR=1 mkbook build/unit-tests fuzz-replay-bin
	./build/unit-tests
	bash tests/run-all.sh

# The README's two commands in clean Debian 12 and 13 roots (debootstrap),
# on a clone of HEAD, as root: tests/check-fresh.sh. Not part of check.
check-fresh:
	bash tests/check-fresh.sh $(FRESH_RELEASES)

build/unit/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $$($(PKG_CONFIG) --cflags check) -MMD -MP -c -o $@ $<

build/unit-tests: $(UNIT_OBJ) $(LIB_OBJ)
	$(CC) $(ALL_CFLAGS) -o $@ $(UNIT_OBJ) $(LIB_OBJ) $$($(PKG_CONFIG) --libs check) $(LIBS)

cover:
	sh covers/render.sh

install: mkbook
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	install -m 755 mkbook $(DESTDIR)$(BINDIR)/mkbook
	install -m 644 man/mkbook.1 $(DESTDIR)$(MANDIR)/man1/mkbook.1
	install -m 644 man/mkbook.5 $(DESTDIR)$(MANDIR)/man5/mkbook.5

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/mkbook $(DESTDIR)$(MANDIR)/man1/mkbook.1 \
	      $(DESTDIR)$(MANDIR)/man5/mkbook.5

clean:
	rm -rf build mkbook mkbook-asan

# Further targets (asan, valgrind, fuzz, bench, preview...) live in mk/*.mk.
-include $(sort $(wildcard mk/*.mk))

-include $(wildcard build/obj/*.d build/obj/*/*.d build/unit/*.d)
