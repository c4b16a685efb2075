/* html_md_dom.c - what the converter asks of the parsed HTML: which
 * elements are dropped, which are blocks, attributes and classes, an
 * element's text; and HTML escaping for what it writes. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import/html_md_int.h"

static bool
name_in(const char *name, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (!strcmp(name, list[i]))
			return true;
	return false;
}

bool
hm_is_skipped(const char *name)
{
	static const char *const skipped[] = {
	    "script", "style",  "noscript", "form",   "input",    "button", "select",
	    "textarea", "template", "head", "title", "meta", "link", "base",
	    "svg",    "canvas", "object",   "embed",  "map",      "area",   "option",
	    "datalist", "param", "source", "track", "dialog", NULL};
	return name_in(name, skipped);
}

bool
hm_is_dropped(xmlNodePtr n)
{
	if (n->type != XML_ELEMENT_NODE)
		return false;
	if (hm_is_skipped((const char *)n->name) || xmlHasProp(n, BAD_CAST "hidden"))
		return true;
	char *style = hm_attr(n, "style");
	bool none = false;
	for (char *p = style; p && (p = strstr(p, "display")) != NULL && !none; p += 7) {
		const char *q = p + 7;
		while (*q == ' ' || *q == '\t')
			q++;
		if (*q++ != ':')
			continue;
		while (*q == ' ' || *q == '\t')
			q++;
		none = !strncasecmp(q, "none", 4);
	}
	free(style);
	return none;
}

static bool
is_block_name(const char *name)
{
	static const char *const blocks[] = {
	    "address", "article", "aside", "blockquote", "body", "center", "dd", "details",
	    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "h1",
	    "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main",
	    "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
	    "tfoot", "th", "thead", "tr", "ul", "caption", "legend", "search", NULL};
	return name_in(name, blocks);
}

bool
hm_is_block(xmlNodePtr n)
{
	if (n->type != XML_ELEMENT_NODE)
		return false;
	const char *name = (const char *)n->name;
	if (is_block_name(name))
		return true;
	static const char *const known_inline[] = {
	    "a", "abbr", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del",
	    "dfn", "em", "font", "i", "iframe", "img", "ins", "kbd", "label", "mark",
	    "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time",
	    "tt", "u", "var", "wbr", "audio", "video", "picture", "math", NULL};
	if (name_in(name, known_inline) || hm_is_skipped(name))
		return false;
	/* An unknown element is a block when it holds one. */
	for (xmlNodePtr k = n->children; k; k = k->next)
		if (k->type == XML_ELEMENT_NODE && is_block_name((const char *)k->name))
			return true;
	return false;
}

char *
hm_attr(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetProp(n, BAD_CAST name);
	if (v == NULL)
		return NULL;
	char *s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

bool
hm_has_class(xmlNodePtr n, const char *cls)
{
	char *v = hm_attr(n, "class");
	bool found = false;
	size_t len = strlen(cls);
	for (char *p = v; p && *p && !found;) {
		while (*p && isspace((unsigned char)*p))
			p++;
		size_t w = strcspn(p, " \t\n\r\f");
		found = w == len && !strncmp(p, cls, len);
		p += w;
	}
	free(v);
	return found;
}

void
hm_put_html_escaped(strbuf *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': strbuf_puts(out, "&amp;"); break;
		case '<': strbuf_puts(out, "&lt;"); break;
		case '>': strbuf_puts(out, "&gt;"); break;
		case '"': strbuf_puts(out, "&quot;"); break;
		default: strbuf_putc(out, *s);
		}
	}
}

/* ---- text content ---- */

char *
hm_text_content(xmlNodePtr n)
{
	strbuf out = {0};
	strbuf_puts(&out, "");
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content)
			strbuf_puts(&out, (const char *)n->content);
		return strbuf_take(&out);
	}
	xmlNodePtr k = n->children;
	while (k) {
		if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) {
			if (k->content)
				strbuf_puts(&out, (const char *)k->content);
		} else if (k->type == XML_ELEMENT_NODE && !hm_is_dropped(k)) {
			/* Line breaks, and blocks (in malformed markup), part lines. */
			bool block = hm_is_block(k);
			if (block || !strcmp((const char *)k->name, "br"))
				strbuf_putc(&out, '\n');
			if (k->children) {
				k = k->children;
				continue;
			}
		}
		while (k && k->next == NULL) {
			k = k->parent;
			if (k == n)
				k = NULL;
			else if (k && hm_is_block(k))
				strbuf_putc(&out, '\n');
		}
		if (k)
			k = k->next;
	}
	return strbuf_take(&out);
}
