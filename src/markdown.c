/* markdown.c - cmark-gfm's AST into the XHTML document. The reference
 * route renders it to HTML, reads that back with libxml2's HTML parser (so
 * raw HTML split over several cmark nodes is read whole) and copies it
 * through the sanitiser; markdown_tree.c builds the same tree straight from
 * the AST when it can, which is most chapters and several times faster. */
#include "markdown.h"

#include <pthread.h>
#include <string.h>
#include <unistr.h>
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <libxml/HTMLparser.h>

#include "diag.h"
#include "markdown_limits.h"
#include "markdown_tree.h"
#include "sanitize.h"
#include "slug.h"
#include "util.h"
#include "xhtml.h"

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
	size_t n = 0, cap = 0;
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
			bad = url == NULL || !(str_starts_with(url, "http://") ||
			                       str_starts_with(url, "https://") ||
			                       str_starts_with(url, "mailto:"));
		}
		if (bad) {
			if (n == cap) {
				cap = cap ? cap * 2 : 16;
				todo = xrealloc(todo, cap * sizeof *todo);
			}
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
			sb_puts(&sb, "\xEF\xBF\xBD");
		} else {
			sb_putc(&sb, (char)c);
		}
	}
	return sb_take(&sb);
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

int
markdown_render(const book *b, const markdown_opts *o, const char *text, size_t len,
                xmlNodePtr parent)
{
	int rc = -1;
	char *html = NULL;
	htmlDocPtr hdoc = NULL;
	if (!markdown_source_within_limits(o, text, len))
		return -1;
	char *clean = replace_noncharacters(o, text, len);
	if (clean)
		text = clean;
	/* libxml2's error handler is per thread; rendering runs in workers. */
	xmlSetGenericErrorFunc(NULL, ignore_xml_error);
	/* cmark-gfm's inline parser switches its extensions' special
	 * characters in a table shared by all parsers: parse one at a time
	 * (the rest of the work runs in parallel). */
	pthread_mutex_lock(&cmark_lock);
	cmark_parser *p = new_parser(o->untrusted);
	cmark_parser_feed(p, text, len);
	cmark_node *root = cmark_parser_finish(p);
	pthread_mutex_unlock(&cmark_lock);
	if (root == NULL)
		goto out;
	if (!markdown_tree_within_limits(o, root))
		goto out;
	fix_decoded_noncharacters(o, root);
	if (o->untrusted) {
		defuse_untrusted(root);
	} else {
		mark_raw_html_lines(root);
		mark_images_without_alt(o, root);
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
	if (cmark_node_first_child(root) == NULL)
		goto out;
	if (o->via_html || !markdown_tree_supported(root) ||
	    !markdown_tree_build(&sc, root, parser_options(o->untrusted),
	                         cmark_parser_get_syntax_extensions(p), parent)) {
		html = cmark_render_html(root, parser_options(o->untrusted),
		                         cmark_parser_get_syntax_extensions(p));
		/* Each form of the chapter goes once the next is made: on a big
		 * chapter (a 0.8 MB changelog) they are tens of MB each. */
		cmark_node_free(root);
		root = NULL;
		cmark_parser_free(p);
		p = NULL;
		free(clean);
		clean = NULL;
		size_t hlen = strlen(html);
		if (hlen == 0)
			goto out;
		hdoc = htmlReadMemory(html, (int)hlen, NULL, "UTF-8",
		                      HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
		                          HTML_PARSE_NODEFDTD);
		free(html);
		html = NULL;
		if (hdoc == NULL)
			goto out;
		/* An xmlDoc starts like an xmlNode: its children are the top nodes. */
		sanitize_children(&sc, (xmlNodePtr)hdoc, parent, 0);
		xmlFreeDoc(hdoc);
		hdoc = NULL;
	}
	sanitize_fix_structure(parent);
	if (sc.errors)
		rc = -1;
out:
	if (hdoc)
		xmlFreeDoc(hdoc);
	free(html);
	free(clean);
	if (root)
		cmark_node_free(root);
	if (p)
		cmark_parser_free(p);
	return rc;
}

static bool
is_heading(xmlNodePtr n)
{
	const char *name = (const char *)n->name;
	return n->type == XML_ELEMENT_NODE && name[0] == 'h' && name[1] >= '1' && name[1] <= '6' &&
	       name[2] == '\0';
}

static void
gather_text(xmlNodePtr n, strbuf *sb)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content)
			sb_puts(sb, (const char *)c->content);
		else if (c->type == XML_ELEMENT_NODE) {
			xmlChar *cls = xmlGetProp(c, BAD_CAST "class");
			bool skip = cls && (!xmlStrcmp(cls, BAD_CAST "noteref") ||
			                    !xmlStrcmp(cls, BAD_CAST "task-box"));
			xmlFree(cls);
			if (!skip && strcmp((const char *)c->name, "sup") == 0) {
				xmlNodePtr a = c->children;
				if (a && a->type == XML_ELEMENT_NODE && xmlHasProp(a, BAD_CAST "role")) {
					xmlChar *r = xmlGetProp(a, BAD_CAST "role");
					skip = r && !xmlStrcmp(r, BAD_CAST "doc-noteref");
					xmlFree(r);
				}
			}
			if (!skip)
				gather_text(c, sb);
		}
	}
}

char *
node_text(xmlNodePtr n)
{
	strbuf sb = {0};
	gather_text(n, &sb);
	char *s = sb_take(&sb);
	/* Fold runs of white space into one space. */
	char *w = s;
	bool space = true;
	for (char *r = s; *r; r++) {
		if (*r == ' ' || *r == '\n' || *r == '\t' || *r == '\r') {
			if (!space)
				*w++ = ' ';
			space = true;
		} else {
			*w++ = *r;
			space = false;
		}
	}
	if (w > s && w[-1] == ' ')
		w--;
	*w = '\0';
	return s;
}

void
markdown_assign_heading_ids(xmlNodePtr root, strset *ids, toc_entry **toc, size_t *ntoc)
{
	xmlNodePtr cur = root->children;
	strmap *last_n = strmap_new(); /* id -> last suffix tried: 20,000 equal headings stay fast */
	while (cur) {
		if (is_heading(cur)) {
			char *text = node_text(cur);
			xmlChar *id = xmlGetProp(cur, BAD_CAST "id");
			char *use;
			if (id) {
				use = xstrdup((const char *)id);
			} else {
				char *base = slug_github(text);
				if (*base == '\0') {
					free(base);
					base = xstrdup("section");
				}
				use = xstrdup(base);
				for (intptr_t n = (intptr_t)strmap_get(last_n, base) + 1; strset_has(ids, use);
				     n++) {
					free(use);
					use = xasprintf("%s-%d", base, (int)n);
					strmap_put(last_n, base, (void *)n);
				}
				free(base);
				strset_add(ids, use);
				xmlSetProp(cur, BAD_CAST "id", BAD_CAST use);
			}
			xmlFree(id);
			if (toc) {
				*toc = xrealloc(*toc, (*ntoc + 1) * sizeof **toc);
				(*toc)[*ntoc] = (toc_entry){cur->name[1] - '0', text, use};
				(*ntoc)++;
			} else {
				free(text);
				free(use);
			}
			/* Headings hold no headings. */
		} else if (cur->type == XML_ELEMENT_NODE && cur->children) {
			cur = cur->children;
			continue;
		}
		while (cur && cur != root && cur->next == NULL)
			cur = cur->parent;
		if (cur == NULL || cur == root)
			break;
		cur = cur->next;
	}
	strmap_free(last_n);
}

int
chapter_render_text(const book *b, chapter *c)
{
	xmlNodePtr body;
	c->doc = xhtml_new_document(b, c->href, c->title, c->lang, &body);
	c->ids = strset_new();
	xmlNodePtr sec = xhtml_add(body, "section", NULL);
	const char *type = c->epub_type ? c->epub_type : "chapter";
	if (!strcmp(type, "about-author")) {
		xhtml_set_epub_type(sec, "backmatter");
		xhtml_set_epub_type(body, "backmatter");
	} else {
		xhtml_set_epub_type(sec, type);
		xhtml_set_epub_type(body, !strcmp(type, "preface") || !strcmp(type, "foreword") ||
		                                  !strcmp(type, "introduction")
		                              ? "frontmatter"
		                          : !strcmp(type, "appendix") || !strcmp(type, "afterword")
		                              ? "backmatter"
		                              : "bodymatter");
		if (!strcmp(type, "chapter"))
			xmlSetProp(sec, BAD_CAST "role", BAD_CAST "doc-chapter");
	}
	markdown_opts o = {
	    .file = c->file,
	    .first_line = c->body_line,
	    .ids = c->ids,
	};
	int rc = markdown_render(b, &o, c->body, c->body_len, sec);
	markdown_assign_heading_ids(sec, c->ids, &c->toc, &c->ntoc);
	if (c->title == NULL && c->ntoc > 0 && c->toc[0].title[0] != '\0') {
		c->title = xstrdup(c->toc[0].title);
		c->title_from_heading = true;
	}
	if (c->title == NULL && c->epub_type && !strcmp(c->epub_type, "about-author"))
		c->title = xstrdup(book_label(b, LABEL_ABOUT_AUTHOR));
	if (c->title == NULL) {
		const char *base = path_basename(c->path ? c->path : c->file);
		const char *dot = strrchr(base, '.');
		c->title = xstrndup(base, dot ? (size_t)(dot - base) : strlen(base));
		/* A file name need not be UTF-8 (Latin-1 from an old disk) and may
		 * hold control characters: neither may reach the XML. */
		size_t n = strlen(c->title);
		for (size_t i = 0; i < n;) {
			ucs4_t uc;
			int k = u8_mbtoucr(&uc, (const uint8_t *)c->title + i, n - i);
			if (k < 0 || uc < 0x20 || uc == 0xFFFE || uc == 0xFFFF)
				c->title[i++] = '?';
			else
				i += (size_t)k;
		}
	}
	if (c->ntoc > 0)
		xmlSetProp(sec, BAD_CAST "aria-labelledby", BAD_CAST c->toc[0].id);
	else
		xmlSetProp(sec, BAD_CAST "aria-label", BAD_CAST c->title);
	xhtml_set_title(c->doc, c->title);
	return rc;
}
