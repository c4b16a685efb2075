/* markdown.c - the front door from Markdown to the XHTML tree: parses
 * with cmark-gfm, checks and prepares the AST (nesting depth, reader
 * comments defused, raw HTML and images marked for the sanitiser), hands
 * it to one of the two renderers of markdown_renderers.h, and finishes
 * the tree's structure. */
#include "markdown.h"

#include <pthread.h>
#include <string.h>
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

#include "content_model.h"
#include "diag.h"
#include "markdown_limits.h"
#include "markdown_renderers.h"
#include "sanitize.h"
#include "url.h"
#include "util.h"

static pthread_mutex_t cmark_lock = PTHREAD_MUTEX_INITIALIZER;

static void
ignore_xml_error(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

void
markdown_init(void)
{
	xmlInitParser();
	xmlSetGenericErrorFunc(NULL, ignore_xml_error);
	cmark_gfm_core_extensions_ensure_registered();
}

static int
parser_options(bool untrusted)
{
	int opts = CMARK_OPT_SOURCEPOS | CMARK_OPT_SMART | CMARK_OPT_FOOTNOTES |
	           CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES | CMARK_OPT_VALIDATE_UTF8;
	if (!untrusted)
		opts |= CMARK_OPT_UNSAFE;
	return opts;
}

static cmark_parser *
new_parser(bool untrusted)
{
	cmark_parser *p = cmark_parser_new(parser_options(untrusted));
	static const char *const exts[] = {"table", "strikethrough", "autolink", "tasklist", NULL};
	for (int i = 0; exts[i]; i++) {
		cmark_syntax_extension *e = cmark_find_syntax_extension(exts[i]);
		if (e)
			cmark_parser_attach_syntax_extension(p, e);
	}
	return p;
}

/* Replaces node by its children (or by a text node holding literal). */
static void
unwrap_node(cmark_node *n)
{
	cmark_node *c;
	while ((c = cmark_node_first_child(n)) != NULL)
		cmark_node_insert_before(n, c);
	cmark_node_free(n);
}

static void
replace_with_text(cmark_node *n, const char *literal, bool block)
{
	cmark_node *t = cmark_node_new(CMARK_NODE_TEXT);
	cmark_node_set_literal(t, literal ? literal : "");
	if (block) {
		cmark_node *p = cmark_node_new(CMARK_NODE_PARAGRAPH);
		cmark_node_append_child(p, t);
		t = p;
	}
	cmark_node_replace(n, t);
	cmark_node_free(n);
}

/* Reader comments: raw HTML becomes visible text, images become their
 * description, links survive only to http, https and mailto. */
static void
defuse_untrusted(cmark_node *root)
{
	cmark_node **todo = NULL;
	size_t n = 0;
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		if (ev != CMARK_EVENT_ENTER)
			continue;
		cmark_node *node = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(node);
		bool bad = t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_HTML_INLINE ||
		           t == CMARK_NODE_IMAGE;
		if (t == CMARK_NODE_LINK) {
			const char *url = cmark_node_get_url(node);
			bad = url == NULL || !url_is_safe(url, true);
		}
		if (bad) {
			todo = xgrow(todo, n, sizeof *todo);
			todo[n++] = node;
		}
	}
	cmark_iter_free(it);
	/* Last first, so that inner nodes go before the nodes that hold them. */
	for (size_t i = n; i-- > 0;) {
		cmark_node *node = todo[i];
		cmark_node_type t = cmark_node_get_type(node);
		if (t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_HTML_INLINE) {
			char *lit = xstrdup(cmark_node_get_literal(node));
			if (t == CMARK_NODE_HTML_BLOCK)
				str_trim(lit);
			replace_with_text(node, lit, t == CMARK_NODE_HTML_BLOCK);
			free(lit);
		} else {
			unwrap_node(node);
		}
	}
	free(todo);
}

/* Raw HTML carries no source position through cmark's renderer: a comment
 * "<!--mkbook-line:L:C-->" before each piece tells the sanitiser where it
 * stands, for its warnings. Not in an image's description, which cmark-gfm
 * writes into alt as text. */
static void
mark_raw_html_lines(cmark_node *root)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	int in_image = 0;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		if (t == CMARK_NODE_IMAGE)
			in_image += ev == CMARK_EVENT_ENTER ? 1 : -1;
		if (ev != CMARK_EVENT_ENTER || in_image ||
		    (t != CMARK_NODE_HTML_BLOCK && t != CMARK_NODE_HTML_INLINE))
			continue;
		int line = cmark_node_get_start_line(n), col = cmark_node_get_start_column(n);
		for (cmark_node *p = n; line <= 0 && p; p = cmark_node_parent(p)) {
			line = cmark_node_get_start_line(p);
			col = 0;
		}
		const char *lit = cmark_node_get_literal(n);
		char *marked = xasprintf("<!--mkbook-line:%d:%d-->%s", line, col, lit ? lit : "");
		cmark_node_set_literal(n, marked);
		free(marked);
	}
	cmark_iter_free(it);
}

/* A Markdown image written without a description (![](x.png)) is a
 * warning: a screen reader can say nothing of it. It gets SANITIZE_NO_ALT
 * as its description, which the sanitiser turns into alt="" without
 * marking the image as decoration, as it does a raw <img alt="">. */
static void
mark_images_without_alt(const markdown_opts *o, cmark_node *root)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(n) != CMARK_NODE_IMAGE ||
		    cmark_node_first_child(n) != NULL)
			continue;
		const char *url = cmark_node_get_url(n);
		int line = cmark_node_get_start_line(n);
		diag_warning(o->file, line > 0 ? line + o->first_line - 1 : 0,
		             cmark_node_get_start_column(n),
		             "image '%.60s' has no description: write ![what it shows](%.60s), or "
		             "<img src=\"%.60s\" alt=\"\"> if it is only decoration",
		             url ? url : "", url ? url : "", url ? url : "");
		cmark_node *t = cmark_node_new(CMARK_NODE_TEXT);
		cmark_node_set_literal(t, SANITIZE_NO_ALT);
		cmark_node_append_child(n, t);
	}
	cmark_iter_free(it);
}

/* U+FFFE and U+FFFF, which XML forbids: libxml2's HTML parser stops
 * reading where one stands in an attribute (a link's title, a code
 * block's language), losing the rest of the chapter. They become U+FFFD,
 * the same three bytes long (so positions hold), with a warning. Returns
 * a copy of text, or NULL when it holds none. */
static char *
replace_noncharacters(const markdown_opts *o, const char *text, size_t len)
{
	char *copy = NULL;
	const char *end = text + len;
	for (const char *p = text; p + 2 < end && (p = memchr(p, 0xEF, (size_t)(end - p - 2)));
	     p++) {
		if ((unsigned char)p[1] != 0xBF ||
		    ((unsigned char)p[2] != 0xBE && (unsigned char)p[2] != 0xBF))
			continue;
		if (copy == NULL) {
			copy = xmalloc(len + 1);
			memcpy(copy, text, len);
			copy[len] = '\0';
		}
		int line = o->first_line, col = 1;
		for (const char *q = text; q < p; q++) {
			if (*q == '\n') {
				line++;
				col = 1;
			} else {
				col += ((unsigned char)*q & 0xC0) != 0x80;
			}
		}
		diag_warning(o->file, line, col, "U+%s is not a character XML allows; written as U+FFFD",
		             (unsigned char)p[2] == 0xBE ? "FFFE" : "FFFF");
		copy[p - text + 2] = (char)0xBD;
		p += 2;
	}
	return copy;
}

/* cmark-gfm decodes the references &#xFFFE; and &#xFFFF; (the characters
 * themselves are caught before parsing) into the lone bytes FE and FF:
 * not UTF-8, and no character XML allows. No UTF-8 text holds those
 * bytes otherwise, so each one left in a node came from such a reference:
 * it becomes U+FFFD, with a warning at the node. Returns a new string, or
 * NULL when s holds none. */
static char *
replace_decoded_noncharacter(const markdown_opts *o, cmark_node *n, const char *s)
{
	if (s == NULL || strpbrk(s, "\xFE\xFF") == NULL)
		return NULL;
	strbuf sb = {0};
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == 0xFE || c == 0xFF) {
			diag_warning(o->file, o->first_line - 1 + cmark_node_get_start_line(n),
			             cmark_node_get_start_column(n),
			             "a reference to U+%s, which XML does not allow; written as U+FFFD",
			             c == 0xFE ? "FFFE" : "FFFF");
			strbuf_puts(&sb, "\xEF\xBF\xBD");
		} else {
			strbuf_putc(&sb, (char)c);
		}
	}
	return strbuf_take(&sb);
}

static void
fix_decoded_noncharacters(const markdown_opts *o, cmark_node *root)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		if (ev != CMARK_EVENT_ENTER)
			continue;
		cmark_node *n = cmark_iter_get_node(it);
		char *fixed;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_LINK:
		case CMARK_NODE_IMAGE:
			if ((fixed = replace_decoded_noncharacter(o, n, cmark_node_get_url(n)))) {
				cmark_node_set_url(n, fixed);
				free(fixed);
			}
			if ((fixed = replace_decoded_noncharacter(o, n, cmark_node_get_title(n)))) {
				cmark_node_set_title(n, fixed);
				free(fixed);
			}
			break;
		case CMARK_NODE_CODE_BLOCK:
			if ((fixed = replace_decoded_noncharacter(o, n, cmark_node_get_fence_info(n)))) {
				cmark_node_set_fence_info(n, fixed);
				free(fixed);
			}
			break;
		case CMARK_NODE_TEXT:
			if ((fixed = replace_decoded_noncharacter(o, n, cmark_node_get_literal(n)))) {
				cmark_node_set_literal(n, fixed);
				free(fixed);
			}
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
}

/* The front door. Whichever renderer makes the tree (markdown_renderers.h),
 * the parse, its preparation and the finishing pass are the same. */
int
markdown_render(const book *b, const markdown_opts *o, const char *text, size_t len,
                xmlNodePtr parent)
{
	if (!markdown_source_within_limits(o, text, len))
		return -1;
	int rc = -1;
	markdown_parse mp = {.text = replace_noncharacters(o, text, len),
	                     .options = parser_options(o->untrusted)};
	if (mp.text)
		text = mp.text;
	/* libxml2's error handler is per thread; rendering runs in workers. */
	xmlSetGenericErrorFunc(NULL, ignore_xml_error);
	/* cmark-gfm's inline parser switches its extensions' special
	 * characters in a table shared by all parsers: parse one at a time
	 * (the rest of the work runs in parallel). */
	pthread_mutex_lock(&cmark_lock);
	mp.parser = new_parser(o->untrusted);
	cmark_parser_feed(mp.parser, text, len);
	mp.root = cmark_parser_finish(mp.parser);
	pthread_mutex_unlock(&cmark_lock);
	if (mp.root == NULL)
		goto out;
	if (!markdown_tree_within_limits(o, mp.root))
		goto out;
	fix_decoded_noncharacters(o, mp.root);
	if (o->untrusted) {
		defuse_untrusted(mp.root);
	} else {
		mark_raw_html_lines(mp.root);
		mark_images_without_alt(o, mp.root);
	}
	sanitize_ctx sc = {
	    .file = o->file,
	    .line_offset = o->first_line - 1,
	    .untrusted = o->untrusted,
	    .ids = o->ids,
	    .id_prefix = o->id_prefix ? o->id_prefix : "",
	    .notes_label = book_label(b, LABEL_FOOTNOTES),
	    .backlink_label = book_label(b, LABEL_BACK_TO_TEXT),
	};
	rc = 0;
	if (cmark_node_first_child(mp.root) == NULL)
		goto out;
	/* The direct renderer where it can give what the reference gives. */
	bool built = o->route != MARKDOWN_ROUTE_VIA_HTML && markdown_direct_supported(mp.root) &&
	             markdown_direct_build(&sc, &mp, parent);
	if (!built && !markdown_via_html_build(&sc, &mp, parent))
		goto out;
	sanitize_fix_structure(parent);
	content_model_repair(parent, o->file);
	if (sc.errors)
		rc = -1;
out:
	markdown_parse_free(&mp);
	return rc;
}
