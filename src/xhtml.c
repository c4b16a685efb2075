/* xhtml.c - the shared page skeleton and XML serialisation. */
#include "xhtml.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/xmlsave.h>

#include "lang.h"
#include "util.h"

/* The namespace with href declared on the root element, else anywhere
 * above node. Elements made here share the root's declarations, so the
 * first look is all it takes. */
static xmlNsPtr
find_ns(xmlNodePtr node, const char *href)
{
	xmlNodePtr root = xmlDocGetRootElement(node->doc);
	for (xmlNsPtr ns = root ? root->nsDef : NULL; ns; ns = ns->next)
		if (ns->href && strcmp((const char *)ns->href, href) == 0)
			return ns;
	return xmlSearchNsByHref(node->doc, node, BAD_CAST href);
}

xmlNsPtr
xhtml_ns(xmlNodePtr node)
{
	if (node->type == XML_ELEMENT_NODE && node->ns && node->ns->href &&
	    strcmp((const char *)node->ns->href, XHTML_NS) == 0)
		return node->ns;
	return find_ns(node, XHTML_NS);
}

xmlNsPtr
xhtml_epub_ns(xmlNodePtr node)
{
	return find_ns(node, EPUB_NS);
}

xmlNodePtr
xhtml_add(xmlNodePtr parent, const char *name, const char *text)
{
	xmlNodePtr n = xmlNewDocNode(parent->doc, xhtml_ns(parent), BAD_CAST name, NULL);
	if (text)
		xmlAddChild(n, xmlNewDocText(parent->doc, BAD_CAST text));
	xmlAddChild(parent, n);
	return n;
}

/* The DPUB-ARIA role that matches epub:type value t (the pairs Ace checks
 * in its epub-type-has-matching-role rule), or NULL when there is none or
 * the element el cannot carry it: link roles go on <a> only, the others on
 * section, div, span and p, and on aside and nav only where ARIA in HTML
 * allows them. So a landmarks link (<a epub:type="toc">) gets no role. */
static const char *
matching_role(const char *el, const char *t, size_t len)
{
	static const struct {
		const char *type, *role;
	} pairs[] = {
	    {"abstract", "doc-abstract"},   {"acknowledgments", "doc-acknowledgments"},
	    {"afterword", "doc-afterword"}, {"appendix", "doc-appendix"},
	    {"backlink", "doc-backlink"},   {"biblioentry", "doc-biblioentry"},
	    {"bibliography", "doc-bibliography"}, {"biblioref", "doc-biblioref"},
	    {"chapter", "doc-chapter"},     {"colophon", "doc-colophon"},
	    {"conclusion", "doc-conclusion"}, {"credit", "doc-credit"},
	    {"credits", "doc-credits"},     {"dedication", "doc-dedication"},
	    {"endnote", "doc-endnote"},     {"endnotes", "doc-endnotes"},
	    {"epigraph", "doc-epigraph"},   {"epilogue", "doc-epilogue"},
	    {"errata", "doc-errata"},       {"footnote", "doc-footnote"},
	    {"figure", "figure"},           {"foreword", "doc-foreword"},
	    {"glossary", "doc-glossary"},   {"glossdef", "definition"},
	    {"glossref", "doc-glossref"},   {"glossterm", "term"},
	    {"help", "doc-tip"},
	    {"index", "doc-index"},         {"introduction", "doc-introduction"},
	    {"noteref", "doc-noteref"},     {"notice", "doc-notice"},
	    {"page-list", "doc-pagelist"},  {"pagebreak", "doc-pagebreak"},
	    {"part", "doc-part"},           {"preface", "doc-preface"},
	    {"prologue", "doc-prologue"},   {"pullquote", "doc-pullquote"},
	    {"qna", "doc-qna"},             {"referrer", "doc-backlink"},
	    {"subtitle", "doc-subtitle"},   {"tip", "doc-tip"},
	    {"toc", "doc-toc"},
	};
	const char *role = NULL;
	for (size_t i = 0; i < sizeof pairs / sizeof *pairs && !role; i++)
		if (strlen(pairs[i].type) == len && !strncmp(pairs[i].type, t, len))
			role = pairs[i].role;
	if (role == NULL)
		return NULL;
	bool link = !strcmp(role, "doc-noteref") || !strcmp(role, "doc-backlink") ||
	            !strcmp(role, "doc-biblioref") || !strcmp(role, "doc-glossref");
	if (!strcmp(el, "a"))
		return link ? role : NULL;
	if (link)
		return NULL;
	/* figure, dt and dd carry these roles without saying so. */
	if ((!strcmp(el, "figure") && !strcmp(role, "figure")) ||
	    (!strcmp(el, "dt") && !strcmp(role, "term")) ||
	    (!strcmp(el, "dd") && !strcmp(role, "definition")))
		return NULL;
	if (!strcmp(el, "section") || !strcmp(el, "div") || !strcmp(el, "span") ||
	    !strcmp(el, "p"))
		return role;
	if (!strcmp(el, "aside"))
		return !strcmp(role, "doc-footnote") || !strcmp(role, "doc-pullquote") ||
		               !strcmp(role, "doc-tip") || !strcmp(role, "doc-dedication") ||
		               !strcmp(role, "doc-glossary")
		           ? role
		           : NULL;
	if (!strcmp(el, "nav"))
		return !strcmp(role, "doc-toc") || !strcmp(role, "doc-index") ||
		               !strcmp(role, "doc-pagelist")
		           ? role
		           : NULL;
	return NULL;
}

void
xhtml_set_epub_type(xmlNodePtr node, const char *type)
{
	xmlSetNsProp(node, xhtml_epub_ns(node), BAD_CAST "type", BAD_CAST type);
	if (xmlHasProp(node, BAD_CAST "role"))
		return;
	/* The first value that has a role decides, as in Ace's rule. */
	for (const char *p = type; *p;) {
		size_t len = strcspn(p, " \t\n\r");
		if (len > 0) {
			const char *role = matching_role((const char *)node->name, p, len);
			if (role) {
				xmlSetProp(node, BAD_CAST "role", BAD_CAST role);
				return;
			}
		}
		p += len;
		p += strspn(p, " \t\n\r");
	}
}

void
xhtml_set_lang(xmlNodePtr node, const char *lang)
{
	static const xmlChar xml_ns[] = "http://www.w3.org/XML/1998/namespace";
	xmlSetProp(node, BAD_CAST "lang", BAD_CAST lang);
	xmlNsPtr ns = xmlSearchNsByHref(node->doc, node, xml_ns);
	xmlSetNsProp(node, ns, BAD_CAST "lang", BAD_CAST lang);
	if (lang_is_rtl(lang))
		xmlSetProp(node, BAD_CAST "dir", BAD_CAST "rtl");
}

static xmlNodePtr
find_child(xmlNodePtr parent, const char *name)
{
	for (xmlNodePtr n = parent ? parent->children : NULL; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0)
			return n;
	return NULL;
}

void
xhtml_set_title(xmlDocPtr doc, const char *title)
{
	xmlNodePtr head = find_child(xmlDocGetRootElement(doc), "head");
	xmlNodePtr t = find_child(head, "title");
	if (t)
		xmlNodeSetContent(t, NULL), xmlAddChild(t, xmlNewDocText(doc, BAD_CAST title));
}

char *
xhtml_href_relative(const char *from_href, const char *to_href)
{
	/* Count the folders of from_href that to_href does not share. */
	const char *f = from_href, *t = to_href;
	for (;;) {
		const char *fs = strchr(f, '/'), *ts = strchr(t, '/');
		if (fs && ts && fs - f == ts - t && strncmp(f, t, (size_t)(fs - f)) == 0) {
			f = fs + 1;
			t = ts + 1;
		} else {
			break;
		}
	}
	strbuf sb = {0};
	for (const char *p = f; (p = strchr(p, '/')) != NULL; p++)
		strbuf_puts(&sb, "../");
	strbuf_puts(&sb, t);
	return strbuf_take(&sb);
}

xmlDocPtr
xhtml_new_document(const book *b, const char *page_href, const char *title, const char *lang,
                   xmlNodePtr *body)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr html = xmlNewDocNode(doc, NULL, BAD_CAST "html", NULL);
	xmlDocSetRootElement(doc, html);
	xmlNsPtr ns = xmlNewNs(html, BAD_CAST XHTML_NS, NULL);
	xmlSetNs(html, ns);
	xmlNewNs(html, BAD_CAST EPUB_NS, BAD_CAST "epub");
	xmlCreateIntSubset(doc, BAD_CAST "html", NULL, NULL);
	xhtml_set_lang(html, lang ? lang : b->language);

	xmlNodePtr head = xhtml_add(html, "head", NULL);
	xmlNodePtr meta = xhtml_add(head, "meta", NULL);
	xmlSetProp(meta, BAD_CAST "charset", BAD_CAST "utf-8");
	xhtml_add(head, "title", title && *title ? title : b->title ? b->title : "Untitled");
	xmlNodePtr link = xhtml_add(head, "link", NULL);
	char *css = xhtml_href_relative(page_href, "style.css");
	xmlSetProp(link, BAD_CAST "rel", BAD_CAST "stylesheet");
	xmlSetProp(link, BAD_CAST "type", BAD_CAST "text/css");
	xmlSetProp(link, BAD_CAST "href", BAD_CAST css);
	free(css);
	*body = xhtml_add(html, "body", NULL);
	return doc;
}

bool
xhtml_is_void_element(const char *name)
{
	static const char *const voids[] = {"area", "base",  "br",   "col",   "embed",
	                                    "hr",   "img",   "input", "link", "meta",
	                                    "param", "source", "track", "wbr", NULL};
	for (int i = 0; voids[i]; i++)
		if (strcmp(name, voids[i]) == 0)
			return true;
	return false;
}

/* Gives every empty non-void XHTML element an empty text child, so the
 * serialiser writes <p></p> rather than <p/>, which HTML parsers misread. */
static void
open_empty_elements(xmlNodePtr n)
{
	/* Iterative walk: documents may nest deeply. */
	xmlNodePtr cur = n;
	while (cur) {
		if (cur->type == XML_ELEMENT_NODE && cur->children == NULL && cur->ns &&
		    xmlStrEqual(cur->ns->href, BAD_CAST XHTML_NS) &&
		    !xhtml_is_void_element((const char *)cur->name))
			xmlAddChild(cur, xmlNewDocText(cur->doc, BAD_CAST ""));
		if (cur->type == XML_ELEMENT_NODE && cur->children) {
			cur = cur->children;
			continue;
		}
		while (cur && cur != n && cur->next == NULL)
			cur = cur->parent;
		if (cur == NULL || cur == n)
			break;
		cur = cur->next;
	}
}

char *
xhtml_buffer_take(xmlBufferPtr buf)
{
	/* mkbook leaves libxml2's allocator as it is, malloc: what
	 * xmlBufferDetach gives back is free()'s to free. */
	char *out = (char *)xmlBufferDetach(buf);
	xmlBufferFree(buf);
	return out ? out : xstrdup("");
}

void
xhtml_serialize(xmlDocPtr doc, char **out, size_t *len)
{
	open_empty_elements(xmlDocGetRootElement(doc));
	xmlBufferPtr buf = xmlBufferCreate();
	/* Grow by doubling: libxml2's default grows by what is added, which
	 * copies a big chapter over and over where realloc cannot extend in
	 * place (AddressSanitizer, valgrind, other C libraries). */
	xmlBufferSetAllocationScheme(buf, XML_BUFFER_ALLOC_DOUBLEIT);
	xmlSaveCtxtPtr save = xmlSaveToBuffer(buf, "UTF-8", XML_SAVE_AS_XML);
	xmlSaveDoc(save, doc);
	xmlSaveClose(save);
	*len = (size_t)xmlBufferLength(buf);
	*out = xhtml_buffer_take(buf);
}

/* A bug of mkbook's, not of the book: no page can be made. */
static void
internal_error(const char *what)
{
	fprintf(stderr, "mkbook: internal error: %s\n", what);
	abort();
}

struct xhtml_stream {
	xmlDocPtr doc;
	xmlBufferPtr buf;     /* the page so far */
	xmlSaveCtxtPtr save;  /* writes pieces into buf */
	char *after;          /* the frame after slot's start tag */
	size_t after_len;
	bool set_encoding;    /* doc->encoding was set here */
};

/* What stands in the slot while the frame is serialised: a comment, which
 * the serialiser writes as it is, while in text and attribute values it
 * escapes every '<', so no title can forge it. */
#define SLOT_MARK "<!--mkbook-stream-slot-->"

xhtml_stream *
xhtml_stream_open(xmlDocPtr doc, xmlNodePtr slot)
{
	xhtml_stream *s = xcalloc(1, sizeof *s);
	s->doc = doc;
	xmlNodePtr mark = xmlNewDocComment(doc, BAD_CAST "mkbook-stream-slot");
	xmlAddChild(slot, mark);
	char *frame;
	size_t len;
	xhtml_serialize(doc, &frame, &len);
	xmlUnlinkNode(mark);
	xmlFreeNode(mark);
	const char *at = memmem(frame, len, SLOT_MARK, sizeof SLOT_MARK - 1);
	if (at == NULL)
		internal_error("the slot of a streamed page is not in its serialised frame");
	size_t before = (size_t)(at - frame);
	s->after_len = len - before - (sizeof SLOT_MARK - 1);
	s->after = xstrndup(at + sizeof SLOT_MARK - 1, s->after_len);
	s->buf = xmlBufferCreate();
	xmlBufferSetAllocationScheme(s->buf, XML_BUFFER_ALLOC_DOUBLEIT); /* see xhtml_serialize */
	xmlBufferAdd(s->buf, BAD_CAST frame, (int)before);
	free(frame);
	/* xmlSaveDoc serialises with the document's encoding set to the
	 * output's (attribute values then keep their UTF-8 as it is, not as
	 * character references); a piece serialised alone needs it set too. */
	if (doc->encoding == NULL) {
		doc->encoding = xmlStrdup(BAD_CAST "UTF-8");
		s->set_encoding = true;
	}
	s->save = xmlSaveToBuffer(s->buf, "UTF-8", XML_SAVE_AS_XML);
	if (s->save == NULL)
		internal_error("libxml2 cannot write UTF-8");
	return s;
}

void
xhtml_stream_add(xhtml_stream *s, xmlNodePtr node)
{
	open_empty_elements(node);
	xmlSaveTree(s->save, node);
	xmlUnlinkNode(node);
	xmlFreeNode(node);
}

void
xhtml_stream_close(xhtml_stream *s, char **out, size_t *len)
{
	xmlSaveClose(s->save);
	xmlBufferAdd(s->buf, BAD_CAST s->after, (int)s->after_len);
	*len = (size_t)xmlBufferLength(s->buf);
	*out = xhtml_buffer_take(s->buf);
	if (s->set_encoding) {
		xmlFree((xmlChar *)s->doc->encoding);
		s->doc->encoding = NULL;
	}
	free(s->after);
	free(s);
}

xmlNodePtr
xhtml_next_node(xmlNodePtr cur, xmlNodePtr root, bool descend)
{
	if (descend && cur->type == XML_ELEMENT_NODE && cur->children)
		return cur->children;
	while (cur && cur != root && cur->next == NULL)
		cur = cur->parent;
	if (cur == NULL || cur == root)
		return NULL;
	return cur->next;
}
