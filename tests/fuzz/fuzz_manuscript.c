/* fuzz_manuscript.c - a whole manuscript through the whole pipeline:
 * manuscript_load, build_book (render, Q&A, links, images, package,
 * navigation) and epub_write (the container); nothing is written but the
 * scratch manuscript and the EPUB, into the scratch folder, read back.
 * fuzz-dict: markdown.dict
 *
 * The first byte: bit 0 --check (spam flags), bit 1 --strict. The rest is
 * up to eight files separated by lines "@@@", written as
 *   book.yaml  a.md  b.md  qa/1.md  qa/2.md  related/1.md  i.png  i.svg
 * so that book.yaml may list them, chapters may link to one another and
 * to the images, comments may answer one another. Every page and SVG of
 * the EPUB built must pass fuzz_check_xhtml and fuzz_check_svg. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book.h"
#include "build.h"
#include "diag.h"
#include "epub.h"
#include "fuzz.h"
#include "manuscript.h"
#include "util.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup();
	return 0;
}

static const char *const names[] = {"book.yaml", "a.md",         "b.md",  "qa/1.md",
                                    "qa/2.md",   "related/1.md", "i.png", "i.svg"};
#define NFILES (sizeof names / sizeof names[0])

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	diag_reset();
	diag_set_strict(data[0] & 2);
	const uint8_t *part[NFILES];
	size_t len[NFILES];
	size_t n = fuzz_split(data + 1, size - 1, part, len, NFILES);
	const char *dir = fuzz_scratch();
	for (size_t i = 0; i < n; i++)
		if (fuzz_write(dir, names[i], part[i], len[i]) != 0)
			abort();
	book *b = manuscript_load(dir);
	if (b) {
		build_opts bo = {.check = data[0] & 1};
		build_result r;
		if (build_book(b, &bo, &r) == 0 && r.epub) {
			char *out = path_join(dir, "out.epub");
			char *epub;
			size_t elen;
			if (epub_write(r.epub, out, &elen) == 0 && path_read_file(out, &epub, &elen, 0) == 0) {
				fuzz_check_epub((const unsigned char *)epub, elen);
				free(epub);
			}
			free(out);
		}
		epub_free(r.epub);
		book_free(b);
	}
	diag_set_strict(false);
	return 0;
}
