/* fuzz_routes.c - the two renderers behind markdown_render against each
 * other (src/markdown_renderers.h): the same Markdown rendered by the
 * reference alone (MARKDOWN_ROUTE_VIA_HTML) and by the direct renderer
 * where it can (MARKDOWN_ROUTE_BEST) must give the same page, byte for
 * byte, and the same messages, in the same order.
 * fuzz-dict: markdown.dict
 *
 * The first byte chooses, as in fuzz_markdown: bit 0 untrusted (a reader
 * comment's rules), bit 1 the text first goes through source_parse as a
 * chapter file does, bit 2 a footnote id prefix as in the Q&A chapter.
 * The rest is the Markdown. tests/run-routes.sh feeds it the spec
 * examples, the test books and a generated book. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book.h"
#include "diag.h"
#include "fuzz.h"
#include "chapter_text.h"
#include "markdown.h"
#include "source.h"
#include "xhtml.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup();
	diag_set_quiet(false); /* warnings are compared too (captured, not printed) */
	return 0;
}

/* The page and the messages of one route. Caller frees both. */
static void
render(const markdown_opts *base, enum markdown_route route, const char *text, size_t len,
       char **page, char **messages)
{
	book *b = book_new(".");
	xmlNodePtr body;
	xmlDocPtr doc = xhtml_new_document(b, "text/fuzz.xhtml", "Fuzz", NULL, &body);
	strset *ids = strset_new();
	markdown_opts o = *base;
	o.ids = ids;
	o.route = route;
	strbuf log = {0};
	diag_capture(&log);
	markdown_render(b, &o, text, len, body);
	chapter_toc headings = {0};
	chapter_text_heading_ids(body, ids, &headings);
	diag_capture(NULL);
	size_t outlen = 0;
	xhtml_serialize(doc, page, &outlen);
	*messages = log.data ? strbuf_take(&log) : xstrdup("");
	toc_free(&headings);
	strset_free(ids);
	xmlFreeDoc(doc);
	book_free(b);
}

/* Prints where a and b first differ, with some context. */
static void
show_difference(const char *what, const char *a, const char *b)
{
	size_t i = 0;
	while (a[i] && a[i] == b[i])
		i++;
	size_t from = i > 80 ? i - 80 : 0;
	/* stderr may be /dev/null here (fuzz_setup): write to the descriptor. */
	dprintf(2, "fuzz_routes: the %s differ at byte %zu\n  reference: %.300s\n  direct:    %.300s\n",
	        what, i, a + from, b + from);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	diag_reset();
	source_file sf;
	const char *text;
	size_t len;
	markdown_opts o;
	if (!fuzz_markdown_input(data, size, &sf, &text, &len, &o))
		return 0;
	char *ref_page, *ref_log, *page, *log;
	render(&o, MARKDOWN_ROUTE_VIA_HTML, text, len, &ref_page, &ref_log);
	render(&o, MARKDOWN_ROUTE_BEST, text, len, &page, &log);
	bool same_page = strcmp(ref_page, page) == 0;
	bool same_log = strcmp(ref_log, log) == 0;
	if (!same_page)
		show_difference("pages", ref_page, page);
	if (!same_log)
		show_difference("messages", ref_log, log);
	free(ref_page);
	free(ref_log);
	free(page);
	free(log);
	source_free(&sf);
	if (!same_page || !same_log)
		abort();
	return 0;
}
