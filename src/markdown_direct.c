/* markdown_direct.c - the direct renderer: cmark-gfm's AST straight into
 * the XHTML tree.
 *
 * The reference renderer (markdown_via_html.c) renders a chapter to HTML
 * with cmark-gfm, reads that back with libxml2's HTML parser and copies
 * the result through the sanitiser. For the nodes whose HTML cmark-gfm
 * writes in a fixed form (blocks, emphasis, links, images, code, tables,
 * task lists) that is work done three times. This renderer walks the AST
 * once and makes each element through the same sanitiser calls
 * (sanitize_open_element), with the text nodes, the line breaks between
 * blocks, the source lines and the nesting depths the reference would
 * give, so that the book is the same byte for byte (markdown_renderers.h
 * names the tests that compare the two).
 *
 * What cmark-gfm writes as raw text is still parsed: a paragraph, heading
 * or table holding inline HTML or a note reference is rendered on its own
 * and read back with the HTML parser, and so are the notes at the end. A
 * chapter whose raw HTML could mean something else when read in pieces (an
 * HTML block, a tag markdown_direct_scope.c does not know, tags that do
 * not close where they open, a link inside a link) goes to the reference
 * whole. */
#include "markdown_direct.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <libxml/HTMLparser.h>

#include "util.h"

typedef struct builder {
	sanitize_ctx *sc;
	int options;          /* the parser's, for cmark_render_html */
	cmark_llist *exts;    /* the parser's extensions, for the same */
	char last;            /* last byte of the HTML the reference route would have
	                         written so far, 0 at the start */
	strbuf text;          /* text waiting to be added to the current element */
	xmlNodePtr next_div;  /* the HTML read back: the next block's <div> */
	char *lasts;          /* last byte of each block's HTML (0: it had none) */
	size_t nlasts, used;
	xmlChar **note_ids;   /* the id of each note, "fn-LABEL", as numbered */
	int *note_refs;       /* references met so far to each note */
	int *note_backrefs;   /* the ways back each note has: cmark-gfm's count of
	                         its references */
	size_t nnotes;
} builder;

/* Where an inline container's children go: its element, or the raw
 * elements opened inside it, innermost last. */
typedef struct inline_stack {
	sanitize_element open[32];
	int depth[32];
	int n;
	int dropped; /* raw elements open inside one the copy dropped */
} inline_stack;

static void build_node(builder *b, cmark_node *n, xmlNodePtr into, int line, int depth);
static void build_raw_tag(builder *b, cmark_node *n, inline_stack *st, xmlNodePtr into, int line,
                          int depth);

/* Adds the waiting text to into, as the HTML parser would have read it:
 * its line ends CR LF and CR become LF. */
static void
flush_text(builder *b, xmlNodePtr into)
{
	if (b->text.len == 0)
		return;
	char *s = b->text.data;
	if (memchr(s, '\r', b->text.len)) {
		char *w = s;
		for (const char *r = s; *r; r++) {
			if (*r == '\r') {
				*w++ = '\n';
				if (r[1] == '\n')
					r++;
			} else {
				*w++ = *r;
			}
		}
		*w = '\0';
	}
	sanitize_add_text(into, s);
	b->text.len = 0;
	b->text.data[0] = '\0';
}

static void
put_text(builder *b, const char *s, size_t len)
{
	if (len == 0)
		return;
	strbuf_append(&b->text, s, len);
	b->last = s[len - 1];
}

/* cmark-gfm's line break before a block: none at the start, none after one. */
static void
put_cr(builder *b)
{
	if (b->last != 0 && b->last != '\n')
		put_text(b, "\n", 1);
}

/* Opens element name in into, as the copy of cmark-gfm's <name attrs>. */
static bool
open_element(builder *b, xmlNodePtr into, const char *name, const sanitize_attr *attrs,
             size_t nattrs, int here, int line, int depth, sanitize_element *e)
{
	flush_text(b, into);
	b->last = '>';
	return sanitize_open_element(b->sc, into, name, attrs, nattrs, here, line, depth, e);
}

static void
close_element(builder *b, const sanitize_element *e)
{
	flush_text(b, e->into);
	b->last = '>';
	sanitize_close_element(b->sc, e);
}

static int
start_line(cmark_node *n)
{
	int l = cmark_node_get_start_line(n);
	return l > 0 ? l : 0;
}

/* n's children into into. Raw tags among them open and close elements
 * (markdown_direct_supported saw that they pair up within n). */
static void
build_children(builder *b, cmark_node *n, xmlNodePtr into, int line, int depth)
{
	inline_stack *st = NULL;
	for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
		if (cmark_node_get_type(c) == CMARK_NODE_HTML_INLINE) {
			if (st == NULL)
				st = xcalloc(1, sizeof *st);
			build_raw_tag(b, c, st, into, line, depth);
		} else if (st && st->dropped) {
			continue; /* inside a raw element the copy dropped */
		} else if (st && st->n) {
			build_node(b, c, st->open[st->n - 1].into, st->open[st->n - 1].line,
			           st->depth[st->n - 1] + 1);
		} else {
			build_node(b, c, into, line, depth);
		}
	}
	free(st);
}

/* An element around n's children: <name> children </name>. */
static void
build_wrapped(builder *b, cmark_node *n, const char *name, const sanitize_attr *attrs,
              size_t nattrs, int here, xmlNodePtr into, int line, int depth)
{
	sanitize_element e;
	if (open_element(b, into, name, attrs, nattrs, here, line, depth, &e)) {
		build_children(b, n, e.into, e.line, depth + 1);
		close_element(b, &e);
	}
}

/* Percent-escapes a link's address as cmark-gfm's HTML renderer does
 * (what its houdini_escape_href leaves alone: letters, digits and
 * -_.+!*(),%#@?=;:/$~&'), as the HTML parser reads it back. */
static char *
href_escape(const char *url)
{
	static const char safe[] = "-_.+!*(),%#@?=;:/$~&'";
	static const char hex[] = "0123456789ABCDEF";
	strbuf sb = {0};
	for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr(safe, *p)) {
			strbuf_putc(&sb, (char)*p);
		} else {
			strbuf_putc(&sb, '%');
			strbuf_putc(&sb, hex[*p >> 4]);
			strbuf_putc(&sb, hex[*p & 15]);
		}
	}
	return strbuf_take(&sb);
}

/* An image's description as cmark-gfm writes it into alt: the text of
 * its descendants, line breaks as spaces. */
static void
gather_plain(cmark_node *n, strbuf *sb)
{
	for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
		case CMARK_NODE_HTML_INLINE:
			strbuf_puts(sb, cmark_node_get_literal(c));
			break;
		case CMARK_NODE_LINEBREAK:
		case CMARK_NODE_SOFTBREAK:
			strbuf_putc(sb, ' ');
			break;
		default:
			gather_plain(c, sb);
			break;
		}
	}
}

/* Whether n holds, at any depth, a raw <a> tag: the HTML parser closes a
 * link where another opens, so such a block is read back whole. */
static bool
has_raw_link(cmark_node *n)
{
	for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
		if (cmark_node_get_type(c) == CMARK_NODE_HTML_INLINE) {
			const char *name = NULL;
			size_t len = 0;
			markdown_direct_classify_tag(cmark_node_get_literal(c), &name, &len);
			if (name && len == 1 && (*name == 'a' || *name == 'A'))
				return true;
		} else if (has_raw_link(c)) {
			return true;
		}
	}
	return false;
}

static bool
is_leaf_block(cmark_node *n)
{
	cmark_node_type t = cmark_node_get_type(n);
	return t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING || markdown_direct_ext_kind(n) == MD_EXT_TABLE;
}

/* Appends n's HTML to sb inside a <div>; its last byte goes to b->lasts. */
static void
add_html_piece(builder *b, cmark_node *n, strbuf *sb)
{
	char *html = markdown_cmark_html(n, b->options, b->exts);
	size_t len = strlen(html);
	strbuf_puts(sb, "<div>");
	strbuf_append(sb, html, len);
	strbuf_puts(sb, "</div>");
	b->lasts = xgrow(b->lasts, b->nlasts + 1, sizeof *b->lasts);
	b->lasts[b->nlasts++] = len ? html[len - 1] : 0;
	free(html);
}

/* Collects, in the order build_node meets them, what is read back with
 * the HTML parser: the blocks with raw links (whole) and the opening raw
 * tags that have attributes (each alone: the parser reads them); each in
 * a <div> of its own. */
static void
gather_html(builder *b, cmark_node *n, strbuf *sb)
{
	for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
		cmark_node_type t = cmark_node_get_type(c);
		if (t == CMARK_NODE_IMAGE)
			continue; /* its description is plain text */
		if (is_leaf_block(c) && has_raw_link(c)) {
			add_html_piece(b, c, sb);
		} else if (t == CMARK_NODE_HTML_INLINE) {
			const char *lit = cmark_node_get_literal(c), *name;
			size_t len;
			enum markdown_tag_kind k = markdown_direct_classify_tag(lit, &name, &len);
			if ((k == MD_TAG_OPEN || k == MD_TAG_VOID) && markdown_direct_tag_has_attributes(name, len)) {
				strbuf_puts(sb, "<div>");
				strbuf_puts(sb, name - 1); /* from its '<' */
				strbuf_puts(sb, "</div>");
			}
		} else {
			gather_html(b, c, sb);
		}
	}
}

/* The next <div> of what gather_html collected, or NULL. */
static xmlNodePtr
next_piece(builder *b)
{
	xmlNodePtr div = b->next_div;
	while (div && (div->type != XML_ELEMENT_NODE || strcmp((const char *)div->name, "div")))
		div = div->next;
	if (div)
		b->next_div = div->next;
	return div;
}

/* The next piece read back whole (a block, a note reference, the notes),
 * copied through the sanitiser into into as if it stood there. */
static void
build_via_html(builder *b, xmlNodePtr into, int line, int depth)
{
	xmlNodePtr div = next_piece(b);
	if (div == NULL || b->used == b->nlasts)
		return; /* not reached: one <div> was made for each */
	flush_text(b, into);
	if (b->lasts[b->used])
		b->last = b->lasts[b->used];
	b->used++;
	sanitize_children_at(b->sc, div, into, line, depth);
}


/* One piece of inline HTML among the children of a container. The
 * marker markdown.c put before it gives the sanitiser its position. */
static void
build_raw_tag(builder *b, cmark_node *n, inline_stack *st, xmlNodePtr into, int line,
              int depth)
{
	const char *lit = cmark_node_get_literal(n);
	/* The copy takes any comment that reads like a marker as one, the
	 * author's too. */
	while (str_starts_with(lit, "<!--mkbook-line:")) {
		const char *p = lit + 16;
		b->sc->raw_line = atoi(p);
		const char *colon = strchr(p, ':');
		b->sc->raw_col = colon ? atoi(colon + 1) : 0;
		const char *end = strstr(lit, "-->");
		lit = end ? end + 3 : "";
	}
	b->last = '>';
	if (*lit == '\0')
		return;
	const char *name;
	size_t len;
	enum markdown_tag_kind k = markdown_direct_classify_tag(lit, &name, &len);
	xmlNodePtr cur = st->n ? st->open[st->n - 1].into : into;
	int cur_line = st->n ? st->open[st->n - 1].line : line;
	int cur_depth = st->n ? st->depth[st->n - 1] + 1 : depth;
	if (k == MD_TAG_COMMENT)
		return;
	if (k == MD_TAG_CLOSE) {
		if (st->dropped) {
			st->dropped--;
		} else if (st->n) {
			close_element(b, &st->open[st->n - 1]);
			st->n--;
		}
		return;
	}
	bool parsed = markdown_direct_tag_has_attributes(name, len);
	xmlNodePtr div = parsed ? next_piece(b) : NULL;
	if (st->dropped) {
		if (k == MD_TAG_OPEN)
			st->dropped++;
		return;
	}
	flush_text(b, cur);
	sanitize_element e;
	bool open;
	if (parsed) {
		xmlNodePtr src = NULL;
		for (xmlNodePtr c = div ? div->children : NULL; c && !src; c = c->next)
			if (c->type == XML_ELEMENT_NODE)
				src = c;
		if (src == NULL)
			return; /* not reached: the tag was read back as an element */
		open = sanitize_open_parsed(b->sc, cur, src, cur_line, cur_depth, &e);
	} else {
		/* The HTML parser would give the name in lower case, no more. */
		char lower[8];
		for (size_t i = 0; i < len; i++)
			lower[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] + 32 : name[i]);
		lower[len] = '\0';
		open = sanitize_open_element(b->sc, cur, lower, NULL, 0, 0, cur_line, cur_depth, &e);
	}
	b->last = '>';
	if (k != MD_TAG_OPEN)
		return;
	if (!open || st->n == (int)(sizeof st->open / sizeof *st->open)) {
		st->dropped = 1;
		return;
	}
	st->open[st->n] = e;
	st->depth[st->n++] = cur_depth;
}

/* A note reference as cmark-gfm writes it: <sup class="footnote-ref"><a
 * href="#fn-LABEL" id="fnref-LABEL[-K]" data-footnote-ref>N</a></sup>,
 * where N is the note's number, LABEL its label as the note's own id has
 * it, and K counts the references to the note so far. */
static void
build_note_ref(builder *b, cmark_node *n, xmlNodePtr into, int line, int depth)
{
	const char *num = cmark_node_get_literal(n);
	long k = strtol(num, NULL, 10);
	if (k < 1 || (size_t)k > b->nnotes || b->note_ids[k - 1] == NULL)
		return; /* not reached: every reference has its note */
	const char *id = (const char *)b->note_ids[k - 1];
	int nth = ++b->note_refs[k - 1];
	char *href = xasprintf("#%s", id);
	char *ref_id = nth > 1 ? xasprintf("fnref-%s-%d", id + 3, nth) : xasprintf("fnref-%s", id + 3);
	sanitize_attr sup_attr = {"class", "footnote-ref", false};
	sanitize_attr a_attrs[] = {{"href", href, false}, {"id", ref_id, false},
	                           {"data-footnote-ref", NULL, false}};
	sanitize_element sup, a;
	if (open_element(b, into, "sup", &sup_attr, 1, 0, line, depth, &sup)) {
		if (open_element(b, sup.into, "a", a_attrs, 3, 0, sup.line, depth + 1, &a)) {
			put_text(b, num, strlen(num));
			close_element(b, &a);
		}
		close_element(b, &sup);
	}
	free(href);
	free(ref_id);
}

/* Counts the note references in n, read back as HTML, as met. */
static void
count_note_refs(builder *b, cmark_node *n)
{
	for (cmark_node *c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
		if (cmark_node_get_type(c) == CMARK_NODE_FOOTNOTE_REFERENCE) {
			long k = strtol(cmark_node_get_literal(c), NULL, 10);
			if (k >= 1 && (size_t)k <= b->nnotes)
				b->note_refs[k - 1]++;
		}
		count_note_refs(b, c);
	}
}

/* The ways back to the text in a note: <a class="footnote-backref">. */
static int
count_backrefs(xmlNodePtr n)
{
	int count = 0;
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (!strcmp((const char *)c->name, "a")) {
			xmlChar *cls = xmlGetProp(c, BAD_CAST "class");
			count += cls && !xmlStrcmp(cls, BAD_CAST "footnote-backref");
			xmlFree(cls);
		}
		count += count_backrefs(c);
	}
	return count;
}

/* The ids of the notes, from the notes section read back (the last piece):
 * <section class="footnotes"><ol><li id="fn-LABEL">..., in number order. */
static void
read_note_ids(builder *b, htmlDocPtr doc)
{
	xmlNodePtr last = NULL;
	for (xmlNodePtr h = doc ? xmlDocGetRootElement(doc) : NULL; h; h = h->next)
		for (xmlNodePtr body = h->children; body; body = body->next)
			if (body->type == XML_ELEMENT_NODE && !strcmp((const char *)body->name, "body"))
				for (xmlNodePtr d = body->children; d; d = d->next)
					if (d->type == XML_ELEMENT_NODE)
						last = d;
	for (xmlNodePtr sec = last ? last->children : NULL; sec; sec = sec->next)
		for (xmlNodePtr ol = sec->children; ol; ol = ol->next) {
			if (ol->type != XML_ELEMENT_NODE || strcmp((const char *)ol->name, "ol"))
				continue;
			for (xmlNodePtr li = ol->children; li; li = li->next) {
				if (li->type != XML_ELEMENT_NODE || strcmp((const char *)li->name, "li"))
					continue;
				b->note_ids = xgrow(b->note_ids, b->nnotes + 1, sizeof *b->note_ids);
				xmlChar *id = xmlGetProp(li, BAD_CAST "id");
				if (id && xmlStrncmp(id, BAD_CAST "fn-", 3)) {
					xmlFree(id);
					id = NULL;
				}
				b->note_backrefs = xgrow(b->note_backrefs, b->nnotes + 1,
				                         sizeof *b->note_backrefs);
				b->note_backrefs[b->nnotes] = count_backrefs(li);
				b->note_ids[b->nnotes++] = id;
			}
		}
	b->note_refs = xcalloc(b->nnotes ? b->nnotes : 1, sizeof *b->note_refs);
}

/* Whether the references in the AST are all cmark-gfm counted: it also
 * counts those in a note it then drops (a second note of the same label),
 * which would shift the numbers of the later ones. */
static bool
note_refs_all_visible(builder *b, cmark_node *root)
{
	int *seen = xcalloc(b->nnotes ? b->nnotes : 1, sizeof *seen);
	bool ok = true;
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	while (ok && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(n) != CMARK_NODE_FOOTNOTE_REFERENCE)
			continue;
		long k = strtol(cmark_node_get_literal(n), NULL, 10);
		if (k < 1 || (size_t)k > b->nnotes)
			ok = false;
		else
			seen[k - 1]++;
	}
	cmark_iter_free(it);
	for (size_t i = 0; ok && i < b->nnotes; i++)
		ok = seen[i] == b->note_backrefs[i];
	free(seen);
	return ok;
}

static void
build_table(builder *b, cmark_node *n, xmlNodePtr into, int line, int depth)
{
	put_cr(b);
	sanitize_element table;
	if (!open_element(b, into, "table", NULL, 0, start_line(n), line, depth, &table))
		return;
	const uint8_t *alignments = cmark_gfm_extensions_get_table_alignments(n);
	uint16_t columns = cmark_gfm_extensions_get_table_columns(n);
	sanitize_element tbody = {0};
	bool in_body = false;
	for (cmark_node *row = cmark_node_first_child(n); row; row = cmark_node_next(row)) {
		bool header = markdown_direct_ext_kind(row) == MD_EXT_HEADER_ROW;
		put_cr(b);
		sanitize_element group;
		xmlNodePtr row_into;
		int row_line, row_depth;
		if (header) {
			if (!open_element(b, table.into, "thead", NULL, 0, 0, table.line, depth + 1,
			                  &group))
				continue;
			row_into = group.into;
			row_line = group.line;
		} else {
			if (!in_body) {
				if (!open_element(b, table.into, "tbody", NULL, 0, 0, table.line, depth + 1,
				                  &tbody))
					continue;
				in_body = true;
			}
			row_into = tbody.into;
			row_line = tbody.line;
		}
		put_cr(b);
		row_depth = depth + 2;
		sanitize_element tr;
		if (open_element(b, row_into, "tr", NULL, 0, start_line(row), row_line, row_depth, &tr)) {
			int i = 0;
			for (cmark_node *cell = cmark_node_first_child(row); cell;
			     cell = cmark_node_next(cell), i++) {
				put_cr(b);
				static const char *const styles[] = {"text-align: left", "text-align: center",
				                                     "text-align: right"};
				uint8_t a = i < columns && alignments ? alignments[i] : 0;
				sanitize_attr style = {"style",
				                       a == 'l'   ? styles[0]
				                       : a == 'c' ? styles[1]
				                                  : styles[2],
				                       false};
				bool aligned = a == 'l' || a == 'c' || a == 'r';
				build_wrapped(b, cell, header ? "th" : "td", &style, aligned ? 1 : 0,
				              start_line(cell), tr.into, tr.line, row_depth + 1);
			}
			put_cr(b);
			close_element(b, &tr);
		}
		if (header) {
			put_cr(b);
			close_element(b, &group);
		}
	}
	if (in_body) {
		put_cr(b);
		close_element(b, &tbody);
		put_cr(b);
	}
	put_cr(b);
	close_element(b, &table);
	put_cr(b);
}

static void
build_node(builder *b, cmark_node *n, xmlNodePtr into, int line, int depth)
{
	cmark_node_type t = cmark_node_get_type(n);
	int here = start_line(n);
	sanitize_element e;
	switch (t) {
	case CMARK_NODE_DOCUMENT:
		build_children(b, n, into, line, depth);
		break;
	case CMARK_NODE_BLOCK_QUOTE:
		put_cr(b);
		if (open_element(b, into, "blockquote", NULL, 0, here, line, depth, &e)) {
			put_text(b, "\n", 1);
			build_children(b, n, e.into, e.line, depth + 1);
			put_cr(b);
			close_element(b, &e);
		}
		put_text(b, "\n", 1);
		break;
	case CMARK_NODE_LIST: {
		put_cr(b);
		bool ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
		int start = cmark_node_get_list_start(n);
		char num[16];
		snprintf(num, sizeof num, "%d", start);
		sanitize_attr attr = {"start", num, false};
		if (open_element(b, into, ordered ? "ol" : "ul", &attr, ordered && start != 1 ? 1 : 0,
		                 here, line, depth, &e)) {
			put_text(b, "\n", 1);
			build_children(b, n, e.into, e.line, depth + 1);
			close_element(b, &e);
		}
		put_text(b, "\n", 1);
		break;
	}
	case CMARK_NODE_ITEM:
		put_cr(b);
		if (open_element(b, into, "li", NULL, 0, here, line, depth, &e)) {
			if (markdown_direct_is_task_item(n)) {
				bool checked = cmark_gfm_extensions_get_tasklist_item_checked(n);
				sanitize_attr box[] = {{"type", "checkbox", false},
				                       {"checked", "", false},
				                       {"disabled", "", false}};
				sanitize_element in;
				if (checked)
					open_element(b, e.into, "input", box, 3, 0, e.line, depth + 1, &in);
				else
					open_element(b, e.into, "input", (sanitize_attr[]){box[0], box[2]}, 2, 0,
					             e.line, depth + 1, &in);
				put_text(b, " ", 1);
			}
			build_children(b, n, e.into, e.line, depth + 1);
			close_element(b, &e);
		}
		put_text(b, "\n", 1);
		break;
	case CMARK_NODE_HEADING: {
		put_cr(b);
		if (has_raw_link(n)) {
			count_note_refs(b, n);
			build_via_html(b, into, line, depth);
			break;
		}
		char name[3] = {'h', (char)('0' + cmark_node_get_heading_level(n)), '\0'};
		build_wrapped(b, n, name, NULL, 0, here, into, line, depth);
		put_text(b, "\n", 1);
		break;
	}
	case CMARK_NODE_CODE_BLOCK: {
		put_cr(b);
		if (!open_element(b, into, "pre", NULL, 0, here, line, depth, &e)) {
			put_text(b, "\n", 1);
			break;
		}
		const char *info = cmark_node_get_fence_info(n);
		char *cls = NULL;
		if (info && *info) {
			/* cmark-gfm ends the language at a space, tab or line end (not
			 * at a form feed or vertical tab). */
			size_t k = strcspn(info, " \t\n\r");
			cls = xasprintf("language-%.*s", (int)k, info);
		}
		sanitize_attr attr = {"class", cls, false};
		sanitize_element code;
		if (open_element(b, e.into, "code", &attr, cls ? 1 : 0, 0, e.line, depth + 1, &code)) {
			const char *lit = cmark_node_get_literal(n);
			put_text(b, lit, strlen(lit));
			close_element(b, &code);
		}
		free(cls);
		close_element(b, &e);
		put_text(b, "\n", 1);
		break;
	}
	case CMARK_NODE_THEMATIC_BREAK:
		put_cr(b);
		if (open_element(b, into, "hr", NULL, 0, here, line, depth, &e))
			close_element(b, &e);
		put_text(b, "\n", 1);
		break;
	case CMARK_NODE_PARAGRAPH: {
		cmark_node *parent = cmark_node_parent(n);
		cmark_node *grand = parent ? cmark_node_parent(parent) : NULL;
		bool tight = grand && cmark_node_get_type(grand) == CMARK_NODE_LIST &&
		             cmark_node_get_list_tight(grand);
		if (has_raw_link(n)) {
			if (!tight)
				put_cr(b);
			count_note_refs(b, n);
			build_via_html(b, into, line, depth);
			break;
		}
		if (tight) {
			build_children(b, n, into, line, depth);
			break;
		}
		put_cr(b);
		build_wrapped(b, n, "p", NULL, 0, here, into, line, depth);
		put_text(b, "\n", 1);
		break;
	}
	case CMARK_NODE_TEXT: {
		const char *lit = cmark_node_get_literal(n);
		put_text(b, lit, strlen(lit));
		break;
	}
	case CMARK_NODE_SOFTBREAK:
		put_text(b, "\n", 1);
		break;
	case CMARK_NODE_LINEBREAK:
		if (open_element(b, into, "br", NULL, 0, 0, line, depth, &e))
			close_element(b, &e);
		put_text(b, "\n", 1);
		break;
	case CMARK_NODE_CODE:
		if (open_element(b, into, "code", NULL, 0, 0, line, depth, &e)) {
			const char *lit = cmark_node_get_literal(n);
			put_text(b, lit, strlen(lit));
			close_element(b, &e);
		}
		break;
	case CMARK_NODE_EMPH:
		build_wrapped(b, n, "em", NULL, 0, 0, into, line, depth);
		break;
	case CMARK_NODE_STRONG:
		build_wrapped(b, n, "strong", NULL, 0, 0, into, line, depth);
		break;
	case CMARK_NODE_LINK: {
		char *href = href_escape(cmark_node_get_url(n));
		const char *title = cmark_node_get_title(n);
		sanitize_attr attrs[] = {{"href", href, false}, {"title", title, false}};
		build_wrapped(b, n, "a", attrs, title && *title ? 2 : 1, 0, into, line, depth);
		free(href);
		break;
	}
	case CMARK_NODE_FOOTNOTE_REFERENCE:
		build_note_ref(b, n, into, line, depth);
		break;
	case CMARK_NODE_IMAGE: {
		char *src = href_escape(cmark_node_get_url(n));
		strbuf alt = {0};
		gather_plain(n, &alt);
		const char *title = cmark_node_get_title(n);
		sanitize_attr attrs[] = {
		    {"src", src, false}, {"alt", alt.data ? alt.data : "", false}, {"title", title, false}};
		if (open_element(b, into, "img", attrs, title && *title ? 3 : 2, 0, line, depth, &e))
			close_element(b, &e);
		free(src);
		strbuf_free(&alt);
		break;
	}
	default:
		switch (markdown_direct_ext_kind(n)) {
		case MD_EXT_STRIKE:
			build_wrapped(b, n, "del", NULL, 0, 0, into, line, depth);
			break;
		case MD_EXT_TABLE:
			if (has_raw_link(n)) {
				put_cr(b);
				count_note_refs(b, n);
				build_via_html(b, into, line, depth);
			} else {
				build_table(b, n, into, line, depth);
			}
			break;
		default:
			/* Not reached: markdown_direct_supported refused the rest. */
			break;
		}
		break;
	}
}

bool
markdown_direct_build(sanitize_ctx *sc, const markdown_parse *mp, xmlNodePtr parent)
{
	cmark_node *root = mp->root;
	builder b = {.sc = sc,
	             .options = mp->options,
	             .exts = cmark_parser_get_syntax_extensions(mp->parser)};
	/* The notes come last, as cmark-gfm moves them there; they are read
	 * back together, as one <section>, from a document of their own. */
	cmark_node *notes = NULL, *first = cmark_node_first_child(root);
	while (first && cmark_node_get_type(first) != CMARK_NODE_FOOTNOTE_DEFINITION)
		first = cmark_node_next(first);
	if (first)
		notes = cmark_node_new(CMARK_NODE_DOCUMENT);
	while (first) {
		cmark_node *next = cmark_node_next(first);
		cmark_node_append_child(notes, first);
		first = next;
	}
	/* What is read back as HTML is read in one parse, each piece in a
	 * <div> of its own. */
	strbuf html = {0};
	gather_html(&b, root, &html);
	if (notes)
		add_html_piece(&b, notes, &html);
	htmlDocPtr doc = NULL;
	if (html.len) {
		doc = htmlReadMemory(html.data, (int)html.len, NULL, "UTF-8",
		                     HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
		                         HTML_PARSE_NODEFDTD);
		for (xmlNodePtr h = doc ? xmlDocGetRootElement(doc) : NULL; h; h = h->next)
			if (h->type == XML_ELEMENT_NODE && !strcmp((const char *)h->name, "html"))
				for (xmlNodePtr body = h->children; body; body = body->next)
					if (body->type == XML_ELEMENT_NODE &&
					    !strcmp((const char *)body->name, "body"))
						b.next_div = body->children;
	}
	strbuf_free(&html);
	bool built = false;
	if (notes) {
		read_note_ids(&b, doc);
		if (!note_refs_all_visible(&b, root)) {
			/* Give the notes back: the reference renderer takes it all. */
			cmark_node *c;
			while ((c = cmark_node_first_child(notes)) != NULL)
				cmark_node_append_child(root, c);
			goto out;
		}
	}
	/* The reference renderer's tree: html (0) > body (1) > the blocks (2). */
	for (cmark_node *c = cmark_node_first_child(root); c; c = cmark_node_next(c))
		build_node(&b, c, parent, 0, 2);
	if (notes)
		build_via_html(&b, parent, 0, 2);
	flush_text(&b, parent);
	built = true;
out:
	if (doc)
		xmlFreeDoc(doc);
	if (notes)
		cmark_node_free(notes);
	strbuf_free(&b.text);
	free(b.lasts);
	for (size_t i = 0; i < b.nnotes; i++)
		xmlFree(b.note_ids[i]);
	free(b.note_ids);
	free(b.note_refs);
	free(b.note_backrefs);
	return built;
}
