/* html_md_raw.c - the raw HTML blocks of the converter, for what Markdown
 * has no form for (tables with spans, figures with captions, definition
 * lists, details): only elements and attributes that mean something in a
 * book, addresses made absolute, images asked of opt->image, and no blank
 * line inside, so that cmark-gfm reads each as one HTML block. */
#include <stdlib.h>
#include <string.h>

#include "import/html_md_int.h"
#include "html_values.h"
#include "sanitize.h"

static bool
is_raw_block_name(const char *name)
{
	static const char *const names[] = {
	    "blockquote", "caption", "dd", "details", "div", "dl", "dt", "figcaption",
	    "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "ol", "p", "pre",
	    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "colgroup",
	    "col", NULL};
	for (size_t i = 0; names[i]; i++)
		if (!strcmp(name, names[i]))
			return true;
	return false;
}

static bool
is_raw_kept_name(const char *name)
{
	static const char *const names[] = {
	    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em",
	    "i", "img", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong",
	    "sub", "sup", "time", "u", "var", "wbr", NULL};
	for (size_t i = 0; names[i]; i++)
		if (!strcmp(name, names[i]))
			return true;
	return is_raw_block_name(name);
}

static bool
is_void_name(const char *name)
{
	return !strcmp(name, "br") || !strcmp(name, "img") || !strcmp(name, "hr") ||
	       !strcmp(name, "wbr") || !strcmp(name, "col");
}

static bool
at_line_start(const strbuf *out)
{
	return out->len == 0 || out->data[out->len - 1] == '\n';
}

static void
raw_newline(strbuf *out)
{
	while (out->len > 0 && out->data[out->len - 1] == ' ')
		out->len--;
	if (!at_line_start(out))
		strbuf_putc(out, '\n');
	else if (out->data)
		out->data[out->len] = '\0';
}

static void
raw_text(strbuf *out, const char *s, bool pre)
{
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;
		if (pre) {
			if (ch == '\n')
				strbuf_puts(out, "&#10;");
			else if (ch == '\r')
				continue;
			else if (ch == '&')
				strbuf_puts(out, "&amp;");
			else if (ch == '<')
				strbuf_puts(out, "&lt;");
			else if (ch == '>')
				strbuf_puts(out, "&gt;");
			else
				strbuf_putc(out, (char)ch);
			continue;
		}
		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f') {
			if (!at_line_start(out) && out->data[out->len - 1] != ' ')
				strbuf_putc(out, ' ');
			continue;
		}
		char one[2] = {(char)ch, 0};
		hm_put_html_escaped(out, one);
	}
}

static void
raw_attr(strbuf *out, const char *name, const char *value)
{
	strbuf_printf(out, " %s=\"", name);
	hm_put_html_escaped(out, value);
	strbuf_putc(out, '"');
}

static void raw_children(hm_ctx *c, xmlNodePtr first, strbuf *out, bool pre);

/* A table with no header cell at all: its first row, whose cells are
 * written as <th> (mkbook asks every table for header cells, and the
 * first row is where a table's heads are). Else NULL. */
static xmlNodePtr
header_row_needed(xmlNodePtr table)
{
	xmlNodePtr first = NULL;
	for (xmlNodePtr k = table->children; k; k = k->next) {
		if (k->type != XML_ELEMENT_NODE)
			continue;
		const char *name = (const char *)k->name;
		bool section = !strcmp(name, "thead") || !strcmp(name, "tbody") || !strcmp(name, "tfoot");
		if (!section && strcmp(name, "tr"))
			continue;
		for (xmlNodePtr tr = section ? k->children : k; tr; tr = section ? tr->next : NULL) {
			if (tr->type != XML_ELEMENT_NODE || strcmp((const char *)tr->name, "tr"))
				continue;
			if (first == NULL)
				first = tr;
			for (xmlNodePtr cell = tr->children; cell; cell = cell->next)
				if (cell->type == XML_ELEMENT_NODE && !strcmp((const char *)cell->name, "th"))
					return NULL;
		}
	}
	return first;
}

/* One element of a raw HTML block, written with only the attributes that
 * mean something in a book (no class, style or id), its addresses made
 * absolute, its images asked of opt->image. */
static void
raw_element(hm_ctx *c, xmlNodePtr n, strbuf *out, bool pre)
{
	const char *name = (const char *)n->name;
	xmlNodePtr saved_header = c->header_row;
	if (hm_is_dropped(n))
		return;
	if (c->depth >= HM_MAX_DEPTH) {
		char *t = hm_text_content(n);
		raw_text(out, t, pre);
		free(t);
		return;
	}
	c->depth++;
	if (!strcmp(name, "img") && hm_is_emoji(n)) {
		char *alt = hm_attr(n, "alt");
		if (alt)
			raw_text(out, alt, pre);
		free(alt);
		goto out;
	}
	if (!strcmp(name, "img")) {
		const char *alt = NULL;
		char *path = hm_image_path(c, n, &alt);
		if (path) {
			strbuf_puts(out, "<img");
			raw_attr(out, "src", path);
			raw_attr(out, "alt", alt ? alt : "");
			strbuf_puts(out, " />");
			free(path);
		} else if (alt) {
			raw_text(out, alt, pre);
		}
		goto out;
	}
	if (!strcmp(name, "a") || !strcmp(name, "iframe") || !strcmp(name, "video") ||
	    !strcmp(name, "audio")) {
		bool is_a = !strcmp(name, "a");
		char *href = hm_attr(n, is_a ? "href" : "src");
		char *url = href ? hm_link_url(c, href) : NULL;
		free(href);
		xmlNodePtr img = is_a ? hm_lone_media_image(n) : NULL;
		if (img && c->opt->image) {
			raw_element(c, img, out, pre);
		} else if (url) {
			strbuf_puts(out, "<a");
			raw_attr(out, "href", url);
			strbuf_putc(out, '>');
			if (is_a)
				raw_children(c, n->children, out, pre);
			else
				raw_text(out, url, pre);
			strbuf_puts(out, "</a>");
		} else if (is_a) {
			raw_children(c, n->children, out, pre);
		}
		free(url);
		goto out;
	}
	if (!is_raw_kept_name(name)) {
		raw_children(c, n->children, out, pre);
		goto out;
	}
	/* Block elements start lines, but a row's cells share one. */
	bool block = is_raw_block_name(name) && strcmp(name, "td") && strcmp(name, "th");
	if (block && !pre)
		raw_newline(out);
	if (!strcmp(name, "table"))
		c->header_row = header_row_needed(n);
	else if (!strcmp(name, "td") && n->parent && n->parent == c->header_row)
		name = "th";
	static const char *const headings[] = {"h1", "h2", "h3", "h4", "h5", "h6"};
	if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && name[2] == '\0')
		name = headings[hm_heading_level(c, name[1] - '0') - 1];
	strbuf_printf(out, "<%s", name);
	/* Attributes that mean something in a book and that the sanitiser
	 * keeps on this element (no class, style, id or width). */
	static const char *const attrs[] = {"title", "lang", "dir", "colspan", "rowspan",
	                                    "scope", "headers", "start", "reversed", "type",
	                                    "open", "datetime", "abbr", "span", "value", NULL};
	for (size_t i = 0; attrs[i]; i++) {
		if (xmlHasProp(n, BAD_CAST attrs[i]) == NULL)
			continue;
		char *v = hm_attr(n, attrs[i]);
		const char *value = v && *v ? v : attrs[i];
		if (html_attribute_allowed(name, attrs[i], value))
			raw_attr(out, attrs[i], value);
		free(v);
	}
	if (html_attribute_allowed(name, "cite", "x")) {
		char *cite = hm_attr(n, "cite");
		char *url = cite ? hm_link_url(c, cite) : NULL;
		if (url)
			raw_attr(out, "cite", url);
		free(url);
		free(cite);
	}
	if (is_void_name(name)) {
		strbuf_puts(out, " />");
		if (block && !pre)
			raw_newline(out);
		goto out;
	}
	strbuf_putc(out, '>');
	bool inner_pre = pre || !strcmp(name, "pre");
	raw_children(c, n->children, out, inner_pre);
	if (!inner_pre && is_raw_block_name(name))
		while (out->len > 0 && out->data[out->len - 1] == ' ')
			out->data[--out->len] = '\0';
	strbuf_printf(out, "</%s>", name);
	if (block && !pre)
		raw_newline(out);
out:
	c->header_row = saved_header;
	c->depth--;
}

/* Whether the element holds elements only (white space between them is
 * no text). */
static bool
holds_elements_only(xmlNodePtr n)
{
	static const char *const names[] = {"table", "thead", "tbody", "tfoot", "tr", "ul",
	                                    "ol", "dl", "colgroup", NULL};
	for (size_t i = 0; n && n->type == XML_ELEMENT_NODE && names[i]; i++)
		if (!strcmp((const char *)n->name, names[i]))
			return true;
	return false;
}

static bool
is_white(const char *s)
{
	return s[strspn(s, " \t\n\r\f")] == '\0';
}

static void
raw_children(hm_ctx *c, xmlNodePtr first, strbuf *out, bool pre)
{
	for (xmlNodePtr k = first; k; k = k->next) {
		if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) {
			if (k->content && !(holds_elements_only(k->parent) && is_white((const char *)k->content)))
				raw_text(out, (const char *)k->content, pre);
		} else if (k->type == XML_ELEMENT_NODE) {
			raw_element(c, k, out, pre);
		}
	}
}

char *
hm_raw_html(hm_ctx *c, xmlNodePtr n)
{
	strbuf out = {0};
	raw_element(c, n, &out, false);
	while (out.len > 0 && (out.data[out.len - 1] == '\n' || out.data[out.len - 1] == ' '))
		out.data[--out.len] = '\0';
	if (out.len == 0) {
		strbuf_free(&out);
		return NULL;
	}
	return strbuf_take(&out);
}
