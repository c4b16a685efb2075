/* html_md.c - HTML -> Markdown for the importers: the entry points, the
 * walk over block content: paragraphs, headings, quotations, code, lists
 * and tables. Inline content is html_md_inline.c's, raw HTML blocks
 * html_md_raw.c's; WordPress editor text becomes HTML in wpautop.c and
 * shortcode.c. */
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/HTMLparser.h>
#include <unistr.h>

#include "html_source.h"
#include "import/html_md_int.h"
#include "sanitize.h"

/* ---- a list of finished blocks ---- */

enum hm_kind { HM_PARA, HM_LIST, HM_OTHER };

typedef struct hm_block {
	enum hm_kind kind;
	char *text;    /* Markdown without a final line end */
	bool ordered;  /* lists: */
	char marker;   /* '-', '*', '.' or ')' */
	long start;
} hm_block;

typedef struct hm_blocks {
	hm_block *v;
	size_t n;
} hm_blocks;

static hm_block *
blocks_add(hm_blocks *bl, enum hm_kind kind, char *text)
{
	bl->v = xgrow(bl->v, bl->n, sizeof *bl->v);
	hm_block *b = &bl->v[bl->n++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	b->text = text;
	return b;
}

static void
blocks_free(hm_blocks *bl)
{
	for (size_t i = 0; i < bl->n; i++)
		free(bl->v[i].text);
	free(bl->v);
	bl->v = NULL;
	bl->n = 0;
}

/* The blocks joined by sep. Caller frees. */
static char *
blocks_join(const hm_blocks *bl, const char *sep)
{
	strbuf out = {0};
	strbuf_puts(&out, "");
	for (size_t i = 0; i < bl->n; i++) {
		if (i)
			strbuf_puts(&out, sep);
		strbuf_puts(&out, bl->v[i].text);
	}
	return strbuf_take(&out);
}

/* text with first in front of its first line and rest in front of every
 * other line that is not empty (empty_rest in front of empty ones).
 * Caller frees. */
static char *
prefix_lines(const char *text, const char *first, const char *rest, const char *empty_rest)
{
	strbuf out = {0};
	strbuf_puts(&out, first);
	for (const char *p = text; *p; p++) {
		strbuf_putc(&out, *p);
		if (*p == '\n')
			strbuf_puts(&out, p[1] == '\n' || p[1] == '\0' ? empty_rest : rest);
	}
	return strbuf_take(&out);
}

static void render_blocks(hm_ctx *c, xmlNodePtr first, hm_blocks *bl);
static void render_block(hm_ctx *c, xmlNodePtr n, hm_blocks *bl);

static void
flush_para(strbuf *para, hm_blocks *bl)
{
	char *t = hm_para_finish(para, true);
	if (t)
		blocks_add(bl, HM_PARA, t);
}

/* The blocks of n's content as plain text, for nesting past the limit. */
static void
render_flat(hm_ctx *c, xmlNodePtr n, hm_blocks *bl)
{
	char *t = hm_text_content(n);
	strbuf para = {0};
	hm_text(c, t, &para);
	free(t);
	flush_para(&para, bl);
}

/* n as one raw HTML block (html_md_raw.c). */
static void
render_raw(hm_ctx *c, xmlNodePtr n, hm_blocks *bl)
{
	char *t = hm_raw_html(c, n);
	if (t)
		blocks_add(bl, HM_OTHER, t);
}

/* ---- headings, code, quotations ---- */

int
hm_heading_level(hm_ctx *c, int level)
{
	int top = c->opt->heading_top;
	if (top > 6)
		top = 6;
	if (top > 0 && level < top)
		level = top;
	int most = c->last_heading > 0 ? c->last_heading + 1 : top > 0 ? top : 6;
	if (level > most)
		level = most;
	c->last_heading = level;
	return level;
}

static void
render_heading(hm_ctx *c, xmlNodePtr n, hm_blocks *bl)
{
	int level = n->name[1] - '0';
	strbuf para = {0};
	c->in_heading++;
	hm_inline_siblings(c, n->children, &para);
	c->in_heading--;
	char *t = hm_para_finish(&para, false);
	if (t == NULL)
		return;
	level = hm_heading_level(c, level);
	strbuf out = {0};
	for (int i = 0; i < level; i++)
		strbuf_putc(&out, '#');
	strbuf_putc(&out, ' ');
	strbuf_puts(&out, t);
	free(t);
	blocks_add(bl, HM_OTHER, strbuf_take(&out));
}

/* The language of a code block: class="language-x" (or "lang-x") on the
 * <pre> or its <code>. Caller frees; NULL when none. */
static char *
code_language(xmlNodePtr pre)
{
	xmlNodePtr cands[2] = {pre, NULL};
	for (xmlNodePtr k = pre->children; k; k = k->next)
		if (k->type == XML_ELEMENT_NODE && !strcmp((const char *)k->name, "code")) {
			cands[1] = k;
			break;
		}
	for (int i = 1; i >= 0; i--) {
		if (cands[i] == NULL)
			continue;
		char *cls = hm_attr(cands[i], "class");
		for (char *p = cls; p && *p;) {
			p += strspn(p, " \t\n\r\f");
			size_t w = strcspn(p, " \t\n\r\f");
			size_t skip = !strncmp(p, "language-", 9) ? 9 : !strncmp(p, "lang-", 5) ? 5 : 0;
			if (skip && w > skip) {
				strbuf lang = {0};
				for (size_t j = skip; j < w; j++)
					if (isalnum((unsigned char)p[j]) || strchr("+-_.#", p[j]))
						strbuf_putc(&lang, p[j]);
				free(cls);
				return lang.len ? strbuf_take(&lang) : NULL;
			}
			p += w;
		}
		free(cls);
	}
	return NULL;
}

static void
render_code_block(hm_ctx *c, xmlNodePtr n, hm_blocks *bl)
{
	(void)c;
	char *text = hm_text_content(n);
	char *body = text;
	if (body[0] == '\n')
		body++;
	else if (body[0] == '\r' && body[1] == '\n')
		body += 2;
	size_t len = strlen(body);
	while (len > 0 && (body[len - 1] == '\n' || body[len - 1] == '\r'))
		len--;
	bool blank = true;
	for (size_t i = 0; i < len && blank; i++)
		blank = isspace((unsigned char)body[i]) != 0;
	if (blank) {
		free(text);
		return;
	}
	size_t run = 0, longest = 0;
	for (size_t i = 0; i < len; i++) {
		run = body[i] == '`' ? run + 1 : 0;
		if (run > longest)
			longest = run;
	}
	size_t fence = longest >= 3 ? longest + 1 : 3;
	char *lang = code_language(n);
	strbuf out = {0};
	for (size_t i = 0; i < fence; i++)
		strbuf_putc(&out, '`');
	if (lang)
		strbuf_puts(&out, lang);
	strbuf_putc(&out, '\n');
	for (size_t i = 0; i < len; i++)
		if (body[i] != '\r')
			strbuf_putc(&out, body[i]);
	strbuf_putc(&out, '\n');
	for (size_t i = 0; i < fence; i++)
		strbuf_putc(&out, '`');
	free(lang);
	free(text);
	blocks_add(bl, HM_OTHER, strbuf_take(&out));
}

/* A poem (WordPress's verse block, a <pre>): its lines as line breaks in
 * one paragraph, its emphasis kept. */
static void
render_verse(hm_ctx *c, xmlNodePtr n, hm_blocks *bl)
{
	strbuf para = {0};
	c->verse++;
	hm_inline_siblings(c, n->children, &para);
	c->verse--;
	flush_para(&para, bl);
}

static void
render_quote(hm_ctx *c, xmlNodePtr n, hm_blocks *bl)
{
	hm_blocks sub = {0};
	render_blocks(c, n->children, &sub);
	if (sub.n) {
		char *t = blocks_join(&sub, "\n\n");
		blocks_add(bl, HM_OTHER, prefix_lines(t, "> ", "> ", ">"));
		free(t);
	}
	blocks_free(&sub);
}

/* ---- lists ---- */

static bool
is_list_name(const char *name)
{
	return !strcmp(name, "ul") || !strcmp(name, "ol") || !strcmp(name, "menu") ||
	       !strcmp(name, "dir");
}

/* Whether the blocks of one item can sit without blank lines between
 * them: one block, or a paragraph and a list that may interrupt it. */
static bool
item_is_tight(const hm_blocks *sub)
{
	if (sub->n <= 1)
		return true;
	return sub->n == 2 && sub->v[0].kind == HM_PARA && sub->v[1].kind == HM_LIST &&
	       (!sub->v[1].ordered || sub->v[1].start == 1);
}

static void
render_list(hm_ctx *c, xmlNodePtr n, hm_blocks *bl)
{
	bool ordered = !strcmp((const char *)n->name, "ol");
	long start = 1;
	if (ordered) {
		char *s = hm_attr(n, "start");
		if (s) {
			char *end;
			long v = strtol(s, &end, 10);
			if (end != s)
				start = v < 0 ? 0 : v > 999999999 ? 999999999 : v;
			free(s);
		}
	}
	/* A list right after another of its kind takes the other marker, or
	 * Markdown would run the two together. */
	char marker = ordered ? '.' : '-';
	if (bl->n && bl->v[bl->n - 1].kind == HM_LIST && bl->v[bl->n - 1].ordered == ordered &&
	    bl->v[bl->n - 1].marker == marker)
		marker = ordered ? ')' : '*';

	size_t nitems = 0;
	hm_blocks *items = NULL;
	bool tight = true;
	for (xmlNodePtr k = n->children; k; k = k->next) {
		bool li = k->type == XML_ELEMENT_NODE && !strcmp((const char *)k->name, "li");
		if (!li && hm_is_dropped(k))
			continue;
		if (!li && k->type != XML_ELEMENT_NODE) {
			/* Text between items belongs to the item before; text before
			 * the first is a paragraph before the list. */
			if (k->type == XML_TEXT_NODE) {
				strbuf para = {0};
				hm_inline_node(c, k, &para);
				flush_para(&para, nitems > 0 ? &items[nitems - 1] : bl);
			}
			continue;
		}
		items = xgrow(items, nitems, sizeof *items);
		memset(&items[nitems], 0, sizeof *items);
		if (li)
			render_blocks(c, k->children, &items[nitems]);
		else
			render_block(c, k, &items[nitems]);
		nitems++;
	}
	for (size_t i = 0; i < nitems; i++)
		if (!item_is_tight(&items[i]))
			tight = false;
	if (nitems == 0) {
		free(items);
		return;
	}
	strbuf out = {0};
	for (size_t i = 0; i < nitems; i++) {
		char mark[24];
		if (ordered)
			snprintf(mark, sizeof mark, "%ld%c", start + (long)i, marker);
		else
			snprintf(mark, sizeof mark, "%c", marker);
		char *body = blocks_join(&items[i], tight ? "\n" : "\n\n");
		if (i)
			strbuf_puts(&out, tight ? "\n" : "\n\n");
		if (*body == '\0') {
			strbuf_puts(&out, mark);
		} else {
			char first[32], rest[32];
			size_t w = strlen(mark) + 1;
			snprintf(first, sizeof first, "%s ", mark);
			memset(rest, ' ', w);
			rest[w] = '\0';
			char *t = prefix_lines(body, first, rest, "");
			strbuf_puts(&out, t);
			free(t);
		}
		free(body);
		blocks_free(&items[i]);
	}
	free(items);
	hm_block *b = blocks_add(bl, HM_LIST, strbuf_take(&out));
	b->ordered = ordered;
	b->marker = marker;
	b->start = start;
}

/* ---- tables ---- */

typedef struct hm_row {
	xmlNodePtr *cells;
	size_t n;
} hm_row;

static bool
has_block_descendant(xmlNodePtr n, int depth)
{
	if (depth > HM_MAX_DEPTH)
		return true;
	for (xmlNodePtr k = n->children; k; k = k->next) {
		if (k->type != XML_ELEMENT_NODE)
			continue;
		if (hm_is_block(k) || has_block_descendant(k, depth + 1))
			return true;
	}
	return false;
}

static long
span_of(xmlNodePtr cell, const char *attr)
{
	char *v = hm_attr(cell, attr);
	long s = v ? strtol(v, NULL, 10) : 1;
	free(v);
	return s;
}

/* The column's alignment from a cell: ":--", ":-:", "--:" or "---". */
static const char *
cell_alignment(xmlNodePtr cell)
{
	const char *res = "---";
	char *a = hm_attr(cell, "align");
	if (a == NULL)
		a = hm_attr(cell, "data-align");
	char *style = hm_attr(cell, "style");
	const char *v = a;
	if (v == NULL && style) {
		char *p = strstr(style, "text-align");
		if (p) {
			p += 10;
			while (*p == ' ' || *p == ':')
				p++;
			v = p;
		}
	}
	if (v == NULL)
		v = hm_has_class(cell, "has-text-align-center") ? "center"
		    : hm_has_class(cell, "has-text-align-right") ? "right"
		    : hm_has_class(cell, "has-text-align-left")  ? "left"
		                                                 : NULL;
	if (v && !strncasecmp(v, "center", 6))
		res = ":-:";
	else if (v && !strncasecmp(v, "right", 5))
		res = "--:";
	else if (v && !strncasecmp(v, "left", 4))
		res = ":--";
	free(a);
	free(style);
	return res;
}

/* Whether n, a child of a table part, is content out of place there (text
 * or an element but those named, space-separated, in parts): a caption,
 * or what malformed markup leaves between rows and cells. */
static bool
is_stray(xmlNodePtr n, const char *parts)
{
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		const char *t = (const char *)n->content;
		return t && t[strspn(t, " \t\n\r\f")] != '\0';
	}
	if (n->type != XML_ELEMENT_NODE || hm_is_dropped(n))
		return false;
	size_t len = strlen((const char *)n->name);
	for (const char *p = parts; *p;) {
		size_t w = strcspn(p, " ");
		if (w == len && !strncmp(p, (const char *)n->name, len))
			return false;
		p += w + (p[w] == ' ');
	}
	return true;
}

/* Gathers the rows of a table; returns whether it maps onto a GFM table
 * (no spans, no caption or stray content, no block content in its
 * cells). Its first row
 * is the GFM header row, header cells or not: GFM has no table without
 * one, and mkbook asks every table for header cells. */
static bool
table_rows(xmlNodePtr table, hm_row **rows, size_t *nrows)
{
	bool simple = true;
	*rows = NULL;
	*nrows = 0;
	for (xmlNodePtr k = table->children; k; k = k->next) {
		if (is_stray(k, "thead tbody tfoot tr colgroup"))
			simple = false;
		if (k->type != XML_ELEMENT_NODE)
			continue;
		const char *name = (const char *)k->name;
		xmlNodePtr trs = NULL;
		if (!strcmp(name, "thead") || !strcmp(name, "tbody") || !strcmp(name, "tfoot"))
			trs = k->children;
		else if (!strcmp(name, "tr"))
			trs = k;
		for (xmlNodePtr tr = trs; tr; tr = tr == k ? NULL : tr->next) {
			if (tr != k && is_stray(tr, "tr"))
				simple = false;
			if (tr->type != XML_ELEMENT_NODE || strcmp((const char *)tr->name, "tr"))
				continue;
			*rows = xgrow(*rows, *nrows, sizeof **rows);
			hm_row *r = &(*rows)[(*nrows)++];
			memset(r, 0, sizeof *r);
			for (xmlNodePtr cell = tr->children; cell; cell = cell->next) {
				if (is_stray(cell, "td th"))
					simple = false;
				if (cell->type != XML_ELEMENT_NODE)
					continue;
				if (strcmp((const char *)cell->name, "th") && strcmp((const char *)cell->name, "td"))
					continue;
				if (span_of(cell, "colspan") > 1 || span_of(cell, "rowspan") > 1 ||
				    has_block_descendant(cell, 0))
					simple = false;
				r->cells = xgrow(r->cells, r->n, sizeof *r->cells);
				r->cells[r->n++] = cell;
			}
		}
	}
	return simple && *nrows > 0 && (*rows)[0].n > 0;
}

static void
render_table(hm_ctx *c, xmlNodePtr n, hm_blocks *bl)
{
	hm_row *rows;
	size_t nrows;
	bool simple = table_rows(n, &rows, &nrows);
	if (!simple) {
		if (c->untrusted)
			render_blocks(c, n->children, bl);
		else
			render_raw(c, n, bl);
		goto out;
	}
	size_t ncols = 0;
	for (size_t i = 0; i < nrows; i++)
		if (rows[i].n > ncols)
			ncols = rows[i].n;
	strbuf out = {0};
	c->in_table++;
	for (size_t i = 0; i < nrows; i++) {
		strbuf_putc(&out, '|');
		for (size_t j = 0; j < ncols; j++) {
			strbuf cell = {0};
			if (j < rows[i].n)
				hm_inline_siblings(c, rows[i].cells[j]->children, &cell);
			char *t = hm_para_finish(&cell, false);
			strbuf_printf(&out, " %s |", t ? t : "");
			free(t);
		}
		strbuf_putc(&out, '\n');
		if (i == 0) {
			strbuf_putc(&out, '|');
			for (size_t j = 0; j < ncols; j++)
				strbuf_printf(&out, " %s |", j < rows[0].n ? cell_alignment(rows[0].cells[j]) : "---");
			strbuf_putc(&out, '\n');
		}
	}
	c->in_table--;
	out.data[--out.len] = '\0';
	blocks_add(bl, HM_OTHER, strbuf_take(&out));
out:
	for (size_t i = 0; i < nrows; i++)
		free(rows[i].cells);
	free(rows);
}

/* ---- the walk ---- */

static bool
has_child_named(xmlNodePtr n, const char *name)
{
	for (xmlNodePtr k = n->children; k; k = k->next)
		if (k->type == XML_ELEMENT_NODE && !strcmp((const char *)k->name, name))
			return true;
	return false;
}

static void
render_block(hm_ctx *c, xmlNodePtr n, hm_blocks *bl)
{
	const char *name = (const char *)n->name;
	if (hm_is_dropped(n))
		return;
	if (c->depth >= HM_MAX_DEPTH) {
		render_flat(c, n, bl);
		return;
	}
	c->depth++;
	if (!strcmp(name, "p") || !strcmp(name, "dt") || !strcmp(name, "summary") ||
	    !strcmp(name, "figcaption") || !strcmp(name, "caption") || !strcmp(name, "legend")) {
		/* A paragraph, or (untrusted, or outside its raw block) text that
		 * stands as one. */
		if (has_block_descendant(n, 0)) {
			render_blocks(c, n->children, bl);
		} else {
			strbuf para = {0};
			hm_inline_siblings(c, n->children, &para);
			flush_para(&para, bl);
		}
	} else if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && name[2] == '\0') {
		render_heading(c, n, bl);
	} else if (is_list_name(name)) {
		if (hm_has_class(n, "blocks-gallery-grid") || hm_has_class(n, "wp-block-gallery") ||
		    hm_has_class(n, "gallery"))
			render_blocks(c, n->children, bl);
		else if (!c->untrusted && !strcmp(name, "ol") && xmlHasProp(n, BAD_CAST "reversed"))
			render_raw(c, n, bl); /* Markdown counts up only */
		else
			render_list(c, n, bl);
	} else if (!strcmp(name, "blockquote")) {
		render_quote(c, n, bl);
	} else if (!strcmp(name, "pre")) {
		if (hm_has_class(n, "wp-block-verse"))
			render_verse(c, n, bl);
		else
			render_code_block(c, n, bl);
	} else if (!strcmp(name, "hr")) {
		blocks_add(bl, HM_OTHER, xstrdup("---"));
	} else if (!strcmp(name, "table")) {
		render_table(c, n, bl);
	} else if (!strcmp(name, "figure")) {
		if (!c->untrusted && has_child_named(n, "figcaption"))
			render_raw(c, n, bl);
		else
			render_blocks(c, n->children, bl);
	} else if (!strcmp(name, "dl") || !strcmp(name, "details")) {
		if (!c->untrusted)
			render_raw(c, n, bl);
		else
			render_blocks(c, n->children, bl);
	} else {
		render_blocks(c, n->children, bl);
	}
	c->depth--;
}

static void
render_blocks(hm_ctx *c, xmlNodePtr first, hm_blocks *bl)
{
	strbuf para = {0};
	for (xmlNodePtr n = first; n; n = n->next) {
		if (n->type == XML_ELEMENT_NODE && hm_is_block(n)) {
			flush_para(&para, bl);
			render_block(c, n, bl);
		} else {
			hm_inline_node(c, n, &para);
		}
	}
	flush_para(&para, bl);
}

/* ---- entry points ---- */

static void
ignore_error(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/* html as valid UTF-8 without the characters XML forbids: a byte that is
 * no UTF-8 becomes U+FFFD, as the book must hold only such text; empty
 * comments closed (html_source.h). Caller frees. */
static char *
clean_input(const char *html)
{
	size_t n = strlen(html);
	char *utf8 = NULL;
	if (u8_check((const uint8_t *)html, n) != NULL) {
		strbuf sb = {0};
		for (size_t i = 0; i < n;) {
			ucs4_t u;
			int k = u8_mbtouc(&u, (const uint8_t *)html + i, n - i);
			if (u == 0xFFFD)
				strbuf_puts(&sb, "\xEF\xBF\xBD");
			else
				strbuf_append(&sb, html + i, (size_t)k);
			i += (size_t)k;
		}
		utf8 = strbuf_take(&sb);
	}
	char *clean = sanitize_clean_text(utf8 ? utf8 : html);
	free(utf8);
	/* An empty comment "<!-->" would hide the text after it. */
	size_t mended_len;
	char *mended = html_source_close_empty_comments(clean, strlen(clean), &mended_len);
	if (mended) {
		free(clean);
		clean = mended;
	}
	return clean;
}

/* html parsed as the body of a document; NULL when libxml2 gives up.
 * Errors are not printed. */
static htmlDocPtr
parse_fragment(const char *html)
{
	strbuf doc = {0};
	char *clean = clean_input(html);
	strbuf_puts(&doc, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>");
	strbuf_puts(&doc, clean);
	free(clean);
	strbuf_puts(&doc, "</body></html>");
	xmlGenericErrorFunc saved = xmlGenericError;
	void *saved_ctx = xmlGenericErrorContext;
	xmlSetGenericErrorFunc(NULL, ignore_error);
	htmlDocPtr d = doc.len > INT_MAX ? NULL
	               : htmlReadMemory(doc.data, (int)doc.len, NULL, "UTF-8",
	                                HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	                                    HTML_PARSE_NODEFDTD | XML_PARSE_HUGE);
	xmlSetGenericErrorFunc(saved_ctx, saved);
	strbuf_free(&doc);
	return d;
}

static xmlNodePtr
find_body(htmlDocPtr d)
{
	xmlNodePtr root = xmlDocGetRootElement(d);
	if (root == NULL)
		return NULL;
	for (xmlNodePtr k = root->children; k; k = k->next)
		if (k->type == XML_ELEMENT_NODE && !strcmp((const char *)k->name, "body"))
			return k;
	return root;
}

char *
html_md_convert(const char *html, const html_md_options *opt)
{
	static const html_md_options defaults = {0};
	if (opt == NULL)
		opt = &defaults;
	char *wp = NULL;
	htmlDocPtr d = NULL;
	hm_blocks bl = {0};
	char *res = NULL;
	if (html == NULL)
		goto out;
	if (opt->wordpress_raw) {
		wp = hm_wordpress_html(html, opt);
		html = wp;
	}
	d = parse_fragment(html);
	xmlNodePtr body = d ? find_body(d) : NULL;
	if (body == NULL)
		goto out;
	hm_ctx c = {.opt = opt, .untrusted = opt->untrusted, .smart_ok = opt->wordpress_raw};
	render_blocks(&c, body->children, &bl);
	if (bl.n) {
		char *t = blocks_join(&bl, "\n\n");
		res = xasprintf("%s\n", t);
		free(t);
	}
out:
	blocks_free(&bl);
	if (d)
		xmlFreeDoc(d);
	free(wp);
	return res ? res : xstrdup("");
}

char *
html_md_text(const char *html)
{
	htmlDocPtr d = html ? parse_fragment(html) : NULL;
	xmlNodePtr body = d ? find_body(d) : NULL;
	strbuf out = {0};
	strbuf_puts(&out, "");
	xmlNodePtr k = body ? body->children : NULL;
	while (k) {
		bool descend = false;
		if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) {
			for (const char *p = (const char *)k->content; p && *p; p++) {
				if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f') {
					if (out.len && out.data[out.len - 1] != ' ')
						strbuf_putc(&out, ' ');
				} else {
					strbuf_putc(&out, *p);
				}
			}
		} else if (k->type == XML_ELEMENT_NODE && !hm_is_dropped(k)) {
			/* Blocks and line breaks part words. */
			if ((hm_is_block(k) || !strcmp((const char *)k->name, "br")) && out.len &&
			    out.data[out.len - 1] != ' ')
				strbuf_putc(&out, ' ');
			descend = k->children != NULL;
		}
		if (descend) {
			k = k->children;
			continue;
		}
		while (k && k->next == NULL) {
			k = k->parent;
			if (k == body)
				k = NULL;
			else if (k && hm_is_block(k) && out.len && out.data[out.len - 1] != ' ')
				strbuf_putc(&out, ' ');
		}
		if (k)
			k = k->next;
	}
	if (d)
		xmlFreeDoc(d);
	char *s = strbuf_take(&out);
	return str_trim(s);
}
