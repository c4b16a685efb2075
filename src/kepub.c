/* kepub.c - Kobo spans and wrappers for mkbook --kepub (see kepub.h). */
#include "kepub.h"

#include <stdio.h>
#include <string.h>

#include "xhtml.h"

#define SVG_NS "http://www.w3.org/2000/svg"
#define MATHML_NS "http://www.w3.org/1998/Math/MathML"

/* The style Kobo's own kepubs carry, less its font and colour overrides,
 * which would fight the reader's settings; and, since the wrappers come
 * between the body and the cover, the full height the cover page centres
 * its image in. */
static const char kobo_style[] =
    "div#book-inner { margin-top: 0; margin-bottom: 0; }\n"
    "body.cover-page div#book-columns, body.cover-page div#book-inner { height: 100%; }";

/* Length of the UTF-8 sequence at s (of n bytes) if it is one of the
 * strings in set, else 0. */
static size_t
match_any(const char *s, size_t n, const char *const *set)
{
	for (size_t i = 0; set[i]; i++) {
		size_t k = strlen(set[i]);
		if (k <= n && memcmp(s, set[i], k) == 0)
			return k;
	}
	return 0;
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

size_t
kepub_sentence_length(const char *text, size_t len)
{
	/* Ends a sentence when white space or the end of the text follows. */
	static const char *const stops[] = {".", "!", "?", ":", "\u2026", NULL};
	/* Ends a sentence wherever it is (no spaces between CJK sentences). */
	static const char *const cjk_stops[] = {"\u3002", "\uff01", "\uff1f", NULL};
	static const char *const closers[] = {"\"", "'", ")", "]", "\u201d", "\u2019", "\u201c",
	                                      "\u00bb", "\u00ab", "\u203a", "\u300d", "\u300f",
	                                      "\uff09", NULL};
	size_t i = 0;
	while (i < len) {
		size_t k = match_any(text + i, len - i, cjk_stops);
		bool strong = k > 0;
		if (!strong)
			k = match_any(text + i, len - i, stops);
		if (k == 0) {
			i++;
			continue;
		}
		size_t j = i + k, m;
		/* More stops ("?!", "...") and closing marks belong to it. */
		while (j < len && ((m = match_any(text + j, len - j, stops)) > 0 ||
		                   (m = match_any(text + j, len - j, cjk_stops)) > 0 ||
		                   (m = match_any(text + j, len - j, closers)) > 0))
			j += m;
		if (j == len)
			return len;
		if (is_space(text[j]) || strong) {
			while (j < len && is_space(text[j]))
				j++;
			return j;
		}
		i = j;
	}
	return len;
}

struct kobo_state {
	xmlDocPtr doc;
	xmlNsPtr ns;
	const strset *ids;
	int para;
	int seg;
	bool para_next; /* the next span starts a new paragraph */
};

static bool
is_html(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->ns &&
	       xmlStrEqual(n->ns->href, BAD_CAST XHTML_NS) && xmlStrEqual(n->name, BAD_CAST name);
}

static bool
is_html_any(xmlNodePtr n, const char *const *names)
{
	for (size_t i = 0; names[i]; i++)
		if (is_html(n, names[i]))
			return true;
	return false;
}

/* Elements whose text is kept as it is: preformatted or not shown as text,
 * and foreign content (SVG, MathML), where an XHTML span is not allowed. */
static bool
is_kept_as_is(xmlNodePtr n)
{
	static const char *const names[] = {"script", "style", "pre", "audio", "video",
	                                    "rp", "textarea", NULL};
	if (n->ns && !xmlStrEqual(n->ns->href, BAD_CAST XHTML_NS))
		return true;
	return is_html_any(n, names);
}

/* Elements that start a new Kobo paragraph for the text inside them. */
static bool
is_paragraph(xmlNodePtr n)
{
	static const char *const names[] = {"p",  "ul", "ol", "dl", "table", "h1", "h2",
	                                    "h3", "h4", "h5", "h6", "figcaption", NULL};
	return is_html_any(n, names);
}

static xmlNodePtr
kobo_span(struct kobo_state *k)
{
	if (k->para_next || k->para == 0) {
		k->para++;
		k->seg = 0;
		k->para_next = false;
	}
	char id[64];
	do
		snprintf(id, sizeof id, "kobo.%d.%d", k->para, ++k->seg);
	while (k->ids && strset_has(k->ids, id));
	xmlNodePtr span = xmlNewDocNode(k->doc, k->ns, BAD_CAST "span", NULL);
	xmlSetProp(span, BAD_CAST "class", BAD_CAST "koboSpan");
	xmlSetProp(span, BAD_CAST "id", BAD_CAST id);
	return span;
}

static bool
is_all_space(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!is_space(s[i]))
			return false;
	return true;
}

/* Replaces the text node t by one span per sentence (white space outside
 * a p is left as it is, as Kobo does). Only elements go in beside t:
 * libxml2 merges text nodes put next to each other. */
static void
wrap_text(struct kobo_state *k, xmlNodePtr t)
{
	const char *s = (const char *)t->content;
	size_t len = s ? strlen(s) : 0;
	if (len == 0)
		return;
	/* A piece is all white space only when the whole text is. */
	if (is_all_space(s, len) && !(t->parent && is_html(t->parent, "p")))
		return;
	size_t off = 0;
	while (off < len) {
		size_t n = kepub_sentence_length(s + off, len - off);
		xmlNodePtr span = kobo_span(k);
		xmlAddChild(span, xmlNewDocTextLen(k->doc, BAD_CAST(s + off), (int)n));
		xmlAddPrevSibling(t, span);
		off += n;
	}
	xmlUnlinkNode(t);
	xmlFreeNode(t);
}

/* An image becomes a paragraph of its own, wrapped in one span. */
static void
wrap_image(struct kobo_state *k, xmlNodePtr img)
{
	k->para_next = true;
	xmlNodePtr span = kobo_span(k);
	xmlAddPrevSibling(img, span);
	xmlUnlinkNode(img);
	xmlAddChild(span, img);
	k->para_next = true;
}

static bool
has_kobo_spans(xmlNodePtr n)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		xmlChar *cls = xmlGetProp(c, BAD_CAST "class");
		bool hit = cls && xmlStrEqual(cls, BAD_CAST "koboSpan");
		xmlFree(cls);
		if (hit || has_kobo_spans(c))
			return true;
	}
	return false;
}

static xmlNodePtr
child_element(xmlNodePtr parent, const char *name)
{
	for (xmlNodePtr c = parent ? parent->children : NULL; c; c = c->next)
		if (is_html(c, name))
			return c;
	return NULL;
}

/* Moves the body's content into div#book-columns > div#book-inner. */
static void
wrap_body(struct kobo_state *k, xmlNodePtr body)
{
	if (k->ids && (strset_has(k->ids, "book-columns") || strset_has(k->ids, "book-inner")))
		return; /* the ids are taken; the book reads well without them */
	xmlNodePtr outer = xmlNewDocNode(k->doc, k->ns, BAD_CAST "div", NULL);
	xmlSetProp(outer, BAD_CAST "id", BAD_CAST "book-columns");
	xmlNodePtr inner = xmlNewDocNode(k->doc, k->ns, BAD_CAST "div", NULL);
	xmlSetProp(inner, BAD_CAST "id", BAD_CAST "book-inner");
	xmlAddChild(outer, inner);
	while (body->children) {
		xmlNodePtr c = body->children;
		xmlUnlinkNode(c);
		xmlAddChild(inner, c);
	}
	xmlAddChild(body, outer);
}

void
kepub_transform(xmlDocPtr doc, const strset *ids)
{
	xmlNodePtr html = xmlDocGetRootElement(doc);
	xmlNodePtr head = child_element(html, "head");
	xmlNodePtr body = child_element(html, "body");
	if (head == NULL || body == NULL || has_kobo_spans(body))
		return;
	struct kobo_state k = {.doc = doc, .ns = xhtml_ns(body), .ids = ids};

	xmlNodePtr style = xhtml_add(head, "style", kobo_style);
	xmlSetProp(style, BAD_CAST "type", BAD_CAST "text/css");
	xmlSetProp(style, BAD_CAST "class", BAD_CAST "kobostylehacks");

	/* Depth-first, in document order, without recursion (documents may
	 * nest deeply); each node's successor is found before it is replaced. */
	xmlNodePtr cur = body->children;
	while (cur) {
		xmlNodePtr down = NULL;
		if (cur->type == XML_ELEMENT_NODE && !is_kept_as_is(cur)) {
			if (is_html(cur, "img"))
				; /* wrapped below, once its successor is known */
			else {
				if (is_paragraph(cur))
					k.para_next = true;
				down = cur->children;
			}
		}
		xmlNodePtr next = down;
		if (next == NULL) {
			xmlNodePtr n = cur;
			while (n != body && n->next == NULL)
				n = n->parent;
			next = n == body ? NULL : n->next;
		}
		if (cur->type == XML_TEXT_NODE)
			wrap_text(&k, cur);
		else if (cur->type == XML_ELEMENT_NODE && is_html(cur, "img"))
			wrap_image(&k, cur);
		cur = next;
	}
	wrap_body(&k, body);
}
