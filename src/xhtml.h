/* xhtml.h - XHTML content documents as libxml2 trees: the skeleton every
 * page shares, element helpers, and serialisation as XML. */
#ifndef MKBOOK_XHTML_H
#define MKBOOK_XHTML_H

#include <libxml/tree.h>

#include "book.h"

#define XHTML_NS "http://www.w3.org/1999/xhtml"
#define EPUB_NS "http://www.idpf.org/2007/ops"

/* A new document: <html lang xml:lang [dir]> with a <head> holding the
 * title and the stylesheet link (href relative to the page at href), and
 * an empty <body>, which *body receives. lang NULL means the book's.
 * Caller frees with xmlFreeDoc. */
xmlDocPtr xhtml_new_document(const book *b, const char *page_href, const char *title,
                             const char *lang, xmlNodePtr *body);
/* A new element in the XHTML namespace, appended to parent, with text
 * content when text is not NULL. */
xmlNodePtr xhtml_add(xmlNodePtr parent, const char *name, const char *text);
/* Sets epub:type on node (declaring nothing: the root holds xmlns:epub),
 * and the DPUB-ARIA role that matches it (chapter: doc-chapter...) when
 * node has no role and its element may carry that role. */
void xhtml_set_epub_type(xmlNodePtr node, const char *type);
/* The XHTML and epub namespaces of the document holding node. */
xmlNsPtr xhtml_ns(xmlNodePtr node);
xmlNsPtr xhtml_epub_ns(xmlNodePtr node);
/* Sets the title element of a document made by xhtml_new_document. */
void xhtml_set_title(xmlDocPtr doc, const char *title);
/* Sets lang and xml:lang (and dir="rtl" for right-to-left languages) on
 * node. */
void xhtml_set_lang(xmlNodePtr node, const char *lang);
/* Serialises doc as UTF-8 XML with an XML declaration and <!DOCTYPE html>;
 * empty non-void elements are written as start and end tags so that HTML
 * parsers in reading systems read them right. Caller frees *out. */
void xhtml_serialize(xmlDocPtr doc, char **out, size_t *len);

/* The text of buf (its bytes and a '\0'), without a copy: the caller
 * frees it with free(). Frees buf. */
char *xhtml_buffer_take(xmlBufferPtr buf);

/* A page serialised a piece at a time, so that its largest part (the
 * table of contents of a big book) is never a whole tree in memory: the
 * page's frame is a document whose element slot, empty, stands where the
 * pieces go; each piece is an element built as slot's last child, which
 * xhtml_stream_add serialises and frees. The bytes are those xhtml_serialize
 * would give for the whole tree. */
typedef struct xhtml_stream xhtml_stream;

/* Serialises doc around slot (an element of doc with no children). The
 * stream uses doc until xhtml_stream_close; the caller frees doc after. */
xhtml_stream *xhtml_stream_open(xmlDocPtr doc, xmlNodePtr slot);
/* Serialises node, slot's last child, then unlinks and frees it. */
void xhtml_stream_add(xhtml_stream *s, xmlNodePtr node);
/* The whole page into *out (caller frees) and *len; frees s. */
void xhtml_stream_close(xhtml_stream *s, char **out, size_t *len);
/* A relative href from the page at from_href to the file at to_href (both
 * paths inside the content folder). Caller frees. */
char *xhtml_href_relative(const char *from_href, const char *to_href);
/* Whether name is an HTML void element (br, img, hr...). */
bool xhtml_is_void_element(const char *name);
/* The node after cur in document order, within root (which cur is, or is
 * under): cur's first child when descend is true and cur is an element
 * with children, else the next node that is not inside cur; NULL once
 * root's subtree is done. */
xmlNodePtr xhtml_next_node(xmlNodePtr cur, xmlNodePtr root, bool descend);

#endif
