/* fuzz_markdown.c - Markdown to sanitised XHTML: markdown_render,
 * chapter_text_heading_ids and xhtml_serialize, as a chapter does it.
 * fuzz-dict: markdown.dict
 *
 * The first byte chooses: bit 0 untrusted (a reader comment's rules), bit
 * 1 the text first goes through source_parse as a chapter file does (UTF-8
 * checked, line ends normalised, front matter split off), bit 2 a footnote
 * id prefix as in the Q&A chapter. The rest is the Markdown. The page
 * must pass fuzz_check_xhtml (well-formed, no active content) when the
 * Markdown is valid UTF-8, as every chapter and comment is. */
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

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
	return 0;
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
	book *b = book_new(".");
	xmlNodePtr body;
	xmlDocPtr doc = xhtml_new_document(b, "text/fuzz.xhtml", "Fuzz", NULL, &body);
	strset *ids = strset_new();
	o.ids = ids;
	markdown_render(b, &o, text, len, body);
	chapter_toc headings = {0};
	chapter_text_heading_ids(body, ids, &headings);
	char *out = NULL;
	size_t outlen = 0;
	xhtml_serialize(doc, &out, &outlen);
	/* mkbook hands cmark-gfm only text that source_check_text found to
	 * be UTF-8; fed invalid bytes, cmark-gfm can itself write a broken
	 * sequence (a footnote label over a line end, tests/fuzz/corpus/
	 * fuzz_markdown/cmark-invalid-utf8-label). The oracle holds the page
	 * to well-formed XML for what mkbook would render. */
	if (u8_check((const uint8_t *)text, len) == NULL)
		fuzz_check_xhtml(out, outlen, o.untrusted);
	free(out);
	toc_free(&headings);
	strset_free(ids);
	xmlFreeDoc(doc);
	book_free(b);
	source_free(&sf);
	return 0;
}
