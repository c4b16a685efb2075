/* fuzz_html_md.c - the importers' HTML -> Markdown converter
 * (src/import/html_md*.c, wpautop.c, shortcode.c): html_md_convert, then
 * the Markdown built as a chapter (or a comment) by markdown_render, and
 * html_md_text.
 * fuzz-dict: html.dict
 *
 * The first byte chooses: bit 0 WordPress editor text (wpautop, block
 * comments, shortcodes), bit 1 untrusted, bit 2 a base address, bit 3 an
 * image callback (every image found). The rest is the HTML.
 * Oracles: when the input is valid UTF-8 the built page passes
 * fuzz_check_xhtml; untrusted Markdown holds no raw HTML at all (cmark-gfm
 * finds no HTML node in it); and outside editor text, for HTML without
 * images, frames or media (whose alt text or address stands in), the
 * built page's text holds the characters of the HTML's text, in order
 * (any order where tables are, which building may rearrange), white
 * space aside. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <cmark-gfm.h>
#include <unistr.h>

#include "book.h"
#include "diag.h"
#include "fuzz.h"
#include "import/html_md.h"
#include "markdown.h"
#include "util.h"
#include "xhtml.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup();
	return 0;
}

static const char *
image_path(void *ctx, const char *url, const char *alt)
{
	(void)ctx;
	(void)alt;
	return strlen(url) % 3 ? "images/fuzz.png" : NULL;
}

static bool
attachment(void *ctx, const char *id, size_t index, html_md_attachment *out)
{
	(void)ctx;
	if ((id && *id == '9') || index > 2)
		return false;
	out->url = "https://blog.example.net/up/a.jpg";
	out->alt = "An <alt> \"text\"";
	out->caption = index == 1 ? "A <em>caption</em>" : NULL;
	return true;
}

/* Aborts when the Markdown holds raw HTML that cmark-gfm would keep. */
static void
check_no_raw_html(const char *md)
{
	cmark_node *doc = cmark_parse_document(md, strlen(md), CMARK_OPT_DEFAULT);
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		if (ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_HTML_INLINE))
			abort();
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
}

/* s without white space (no-break spaces included). Caller frees. */
static char *
squeeze(const char *s)
{
	strbuf b = {0};
	strbuf_puts(&b, "");
	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f')
			continue;
		if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0) {
			s++;
			continue;
		}
		strbuf_putc(&b, *s);
	}
	return strbuf_take(&b);
}

static int
cmp_char(const void *a, const void *b)
{
	return *(const unsigned char *)a - *(const unsigned char *)b;
}

/* Whether html holds one of the tags named (their starts, "<img"). */
static bool
has_tag(const char *html, const char *const *names)
{
	for (const char *p = html; *p; p++)
		for (size_t i = 0; names[i]; i++)
			if (!strncasecmp(p, names[i], strlen(names[i])))
				return true;
	return false;
}

/* Whether html holds an element whose stand-in is not its text. */
static bool
has_stand_ins(const char *html)
{
	static const char *const names[] = {"<img", "<iframe", "<video", "<audio", NULL};
	return has_tag(html, names);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 || size > 1000000)
		return 0;
	diag_reset();
	unsigned mode = data[0];
	char *html = xstrndup((const char *)data + 1, size - 1);
	html_md_options o = {
	    .wordpress_raw = mode & 1,
	    .untrusted = mode & 2,
	    .base_url = (mode & 4) ? "https://blog.example.net/2021/04/post/" : NULL,
	    .file = "fuzz.xml",
	    .line = 3,
	    .image = (mode & 8) ? image_path : NULL,
	    .attachment = attachment,
	};
	char *md = html_md_convert(html, &o);
	char *text = html_md_text(html);
	bool utf8 = u8_check(data + 1, size - 1) == NULL;
	if (o.untrusted)
		check_no_raw_html(md);

	book *b = book_new(".");
	xmlNodePtr body;
	xmlDocPtr doc = xhtml_new_document(b, "text/fuzz.xhtml", "Fuzz", NULL, &body);
	strset *ids = strset_new();
	markdown_opts mo = {.file = "fuzz.md", .first_line = 1, .untrusted = o.untrusted, .ids = ids};
	markdown_render(b, &mo, md, strlen(md), body);
	char *out = NULL;
	size_t outlen = 0;
	xhtml_serialize(doc, &out, &outlen);
	if (utf8)
		fuzz_check_xhtml(out, outlen, o.untrusted);
	if (utf8 && !o.wordpress_raw && !has_stand_ins(html)) {
		xmlBufferPtr buf = xmlBufferCreate();
		for (xmlNodePtr k = body->children; k; k = k->next)
			xmlNodeDump(buf, doc, k, 0, 0);
		char *shown = html_md_text((const char *)xmlBufferContent(buf));
		char *want = squeeze(text), *got = squeeze(shown);
		/* Content out of place in a table moves out of it when the page
		 * is built, as in browsers: there only the characters count. */
		static const char *const table_parts[] = {"<t", NULL};
		if (has_tag(html, table_parts)) {
			qsort(want, strlen(want), 1, cmp_char);
			qsort(got, strlen(got), 1, cmp_char);
		}
		if (strcmp(want, got) != 0)
			abort();
		free(want);
		free(got);
		free(shown);
		xmlBufferFree(buf);
	}
	free(out);
	strset_free(ids);
	xmlFreeDoc(doc);
	book_free(b);
	free(text);
	free(md);
	free(html);
	return 0;
}
