/* xhtml.c - the shared page skeleton and XML serialisation. */
#include "xhtml.h"

#include <string.h>
#include <libxml/xmlsave.h>

#include "util.h"

xmlNsPtr
xhtml_ns(xmlNodePtr node)
{
	return xmlSearchNsByHref(node->doc, node, BAD_CAST XHTML_NS);
}

xmlNsPtr
xhtml_epub_ns(xmlNodePtr node)
{
	return xmlSearchNsByHref(node->doc, node, BAD_CAST EPUB_NS);
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

void
xhtml_set_epub_type(xmlNodePtr node, const char *type)
{
	xmlSetNsProp(node, xhtml_epub_ns(node), BAD_CAST "type", BAD_CAST type);
}

void
xhtml_set_lang(xmlNodePtr node, const char *lang)
{
	static const xmlChar xml_ns[] = "http://www.w3.org/XML/1998/namespace";
	xmlSetProp(node, BAD_CAST "lang", BAD_CAST lang);
	xmlNsPtr ns = xmlSearchNsByHref(node->doc, node, xml_ns);
	xmlSetNsProp(node, ns, BAD_CAST "lang", BAD_CAST lang);
	if (labels_is_rtl(lang))
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
href_relative(const char *from_href, const char *to_href)
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
		sb_puts(&sb, "../");
	sb_puts(&sb, t);
	return sb_take(&sb);
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
	char *css = href_relative(page_href, "style.css");
	xmlSetProp(link, BAD_CAST "rel", BAD_CAST "stylesheet");
	xmlSetProp(link, BAD_CAST "type", BAD_CAST "text/css");
	xmlSetProp(link, BAD_CAST "href", BAD_CAST css);
	free(css);
	*body = xhtml_add(html, "body", NULL);
	return doc;
}

bool
is_void_element(const char *name)
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
		    !is_void_element((const char *)cur->name))
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

void
xhtml_serialize(xmlDocPtr doc, char **out, size_t *len)
{
	open_empty_elements(xmlDocGetRootElement(doc));
	xmlBufferPtr buf = xmlBufferCreate();
	xmlSaveCtxtPtr save = xmlSaveToBuffer(buf, "UTF-8", XML_SAVE_AS_XML);
	xmlSaveDoc(save, doc);
	xmlSaveClose(save);
	*len = (size_t)xmlBufferLength(buf);
	*out = xstrndup((const char *)xmlBufferContent(buf), *len);
	xmlBufferFree(buf);
}
