/* fuzz_comment.c - reader comments: the comment loader (front matter
 * keys, status, reply-to...) through manuscript_load, then qa_render (the
 * threads: ids, reply-to graph, cycles, moderation, untrusted Markdown)
 * and qa_flag_spam, and the Q&A page serialised.
 * fuzz-dict: yaml.dict
 *
 * The first byte picks the book's language (the spam heuristic depends on
 * its script); the rest is up to four comment files qa/1.md ... qa/4.md,
 * separated by lines "@@@". The book has one fixed chapter, a.md. The Q&A
 * page must pass fuzz_check_xhtml with the rules for untrusted text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book.h"
#include "diag.h"
#include "fuzz.h"
#include "manuscript.h"
#include "qa.h"
#include "xhtml.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup();
	return 0;
}

static const char *const languages[] = {"en", "de", "fr", "ja", "zh-Hant", "ar", "ru", "he"};

static const char chapter_md[] =
    "# Knots in muscles\n\nA knot is a tight band of muscle. Stretching and rest help; "
    "see https://example.org/knots for more.\n";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	diag_reset();
	const char *lang = languages[data[0] % (sizeof languages / sizeof languages[0])];
	const uint8_t *part[4];
	size_t len[4];
	size_t n = fuzz_split(data + 1, size - 1, part, len, 4);
	const char *dir = fuzz_scratch();
	char yaml[256];
	int ylen = snprintf(yaml, sizeof yaml,
	                    "title: Knots\nauthor: Daniel Lopez, D.O.\nlanguage: %s\n"
	                    "source: https://example.org/\nmodified: 2024-01-01\n"
	                    "contents:\n  - a.md\n  - comments: qa/\n",
	                    lang);
	if (fuzz_write(dir, "book.yaml", yaml, (size_t)ylen) != 0 ||
	    fuzz_write(dir, "a.md", chapter_md, sizeof chapter_md - 1) != 0)
		abort();
	for (size_t i = 0; i < n; i++) {
		char name[32];
		snprintf(name, sizeof name, "qa/%zu.md", i + 1);
		if (fuzz_write(dir, name, part[i], len[i]) != 0)
			abort();
	}
	book *b = manuscript_load(dir);
	if (b == NULL)
		return 0;
	for (size_t i = 0; i < b->nchapters; i++) {
		chapter *c = b->chapters[i];
		if (c->kind != CHAPTER_QA)
			continue;
		qa_stats stats = {0};
		strset *ids = strset_new();
		xmlDocPtr doc = qa_render(b, c, ids, &stats);
		qa_flag_spam(b, c);
		char *out = NULL;
		size_t outlen = 0;
		xhtml_serialize(doc, &out, &outlen);
		fuzz_check_xhtml(out, outlen, true);
		free(out);
		xmlFreeDoc(doc);
		strset_free(ids);
	}
	book_free(b);
	return 0;
}
