/* fuzz_sanitize.c - raw HTML straight into the sanitiser: libxml2's HTML
 * parser (htmlReadMemory, with the options markdown.c uses), then
 * sanitize_children into an XHTML page, heading ids, serialisation.
 * fuzz-dict: html.dict
 *
 * The first byte chooses: bit 0 untrusted, bit 1 a footnote id prefix.
 * The output must pass fuzz_check_xhtml when the input is valid UTF-8.
 * The rest is the HTML (cmark-gfm's rendering in real use: the dictionary
 * knows its data-sourcepos, footnote and task-list markup and mkbook's
 * "<!--mkbook-line:L:C-->" markers). */
#include <stdlib.h>
#include <string.h>
#include <libxml/HTMLparser.h>
#include <unistr.h>

#include "book.h"
#include "diag.h"
#include "fuzz.h"
#include "chapter_text.h"
#include "markdown.h"
#include "sanitize.h"
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
	if (size < 2 || size > 0x7fffffff)
		return 0;
	diag_reset();
	unsigned mode = data[0];
	htmlDocPtr hdoc = htmlReadMemory((const char *)data + 1, (int)(size - 1), NULL, "UTF-8",
	                                 HTML_PARSE_NONET | HTML_PARSE_NOERROR |
	                                     HTML_PARSE_NOWARNING | HTML_PARSE_NODEFDTD);
	if (hdoc == NULL)
		return 0;
	book *b = book_new(".");
	xmlNodePtr body;
	xmlDocPtr doc = xhtml_new_document(b, "text/fuzz.xhtml", "Fuzz", NULL, &body);
	strset *ids = strset_new();
	sanitize_ctx sc = {
	    .file = "fuzz.md",
	    .line_offset = 0,
	    .untrusted = mode & 1,
	    .ids = ids,
	    .id_prefix = (mode & 2) ? "c-fuzz-" : "",
	    .notes_label = "Notes",
	    .backlink_label = "Back",
	};
	sanitize_children(&sc, (xmlNodePtr)hdoc, body, 0);
	chapter_text_heading_ids(body, ids, NULL);
	char *out = NULL;
	size_t outlen = 0;
	xhtml_serialize(doc, &out, &outlen);
	/* What reaches the sanitiser in mkbook is cmark-gfm's output, valid
	 * UTF-8; the oracle holds it to well-formed output for such input. */
	if (u8_check(data + 1, size - 1) == NULL)
		fuzz_check_xhtml(out, outlen, mode & 1);
	free(out);
	strset_free(ids);
	xmlFreeDoc(doc);
	xmlFreeDoc(hdoc);
	book_free(b);
	return 0;
}
