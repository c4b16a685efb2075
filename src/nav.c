/* nav.c - table of contents, landmarks and NCX. */
#include "nav.h"

#include <stdio.h>
#include <string.h>
#include <libxml/xmlwriter.h>

#include "util.h"
#include "xhtml.h"

#define NCX_NS "http://www.daisy.org/z3986/2005/ncx/"
/* Levels of nesting Kindle devices and apps show in a logical TOC. */
#define NCX_MAX_DEPTH 2

/* An entry of the table of contents, with the entries nested below it. */
typedef struct navpoint {
	char *title;
	char *href; /* relative to the content folder, with #fragment */
	struct navpoint *children;
	size_t n;
} navpoint;

static navpoint *
add_point(navpoint *parent, const char *title, const char *href)
{
	parent->children = xgrow(parent->children, parent->n, sizeof *parent->children);
	navpoint *p = &parent->children[parent->n++];
	memset(p, 0, sizeof *p);
	p->title = xstrdup(title);
	p->href = xstrdup(href);
	return p;
}

static void
free_points(navpoint *p)
{
	for (size_t i = 0; i < p->n; i++)
		free_points(&p->children[i]);
	free(p->children);
	free(p->title);
	free(p->href);
}

/* Adds a chapter's headings below parent: entries deeper than the
 * chapter's own level nest, never skipping a level. */
static void
add_headings(navpoint *top_parent, navpoint *chapter_point, const chapter *c, size_t first,
             int base, int depth_left, bool siblings_are_top)
{
	/* stack[k] is the point a heading of depth k (relative) goes under. */
	navpoint *stack[8];
	int levels[8];
	int sp = 0;
	stack[0] = chapter_point;
	levels[0] = base;
	for (size_t i = first; i < c->toc.n; i++) {
		const char *title = toc_title(&c->toc, i);
		int level = c->toc.entries[i].level;
		if (title[0] == '\0')
			continue; /* an empty heading has nothing to show in a list */
		char *href = xasprintf("%s#%s", c->href, toc_id(&c->toc, i));
		if (level <= base) {
			if (siblings_are_top) {
				/* Another top-level heading of a one-file book. */
				sp = 0;
				stack[0] = add_point(top_parent, title, href);
				levels[0] = level;
			}
			/* else: a heading as high as the chapter's; leave it out */
			free(href);
			continue;
		}
		while (sp > 0 && level <= levels[sp])
			sp--;
		if (sp + 1 < depth_left && sp + 1 < 8) {
			navpoint *p = add_point(stack[sp], title, href);
			sp++;
			stack[sp] = p;
			levels[sp] = level;
		}
		free(href);
	}
}

/* Adds to root the entries chapter c gives the table of contents: its
 * own, with its headings below it to depth levels, and for a one-file
 * book its further top-level headings as peers. */
static void
add_chapter(navpoint *root, const chapter *c, int depth)
{
	if (c->kind == CHAPTER_COVER)
		return;
	const char *title = c->title && *c->title ? c->title : path_basename(c->href);
	navpoint *cp = add_point(root, title, c->href);
	if (depth <= 1 || c->toc.n == 0)
		return;
	/* Is the first heading the chapter's title? Then it is the chapter's
	 * own entry, and headings of its level are its peers. */
	bool title_heading = c->title_from_heading ||
	                     (c->title && !strcmp(toc_title(&c->toc, 0), c->title)) ||
	                     c->kind == CHAPTER_QA;
	if (title_heading) {
		add_headings(root, cp, c, 1, c->toc.entries[0].level, depth, c->kind == CHAPTER_TEXT);
	} else {
		int base = 7;
		for (size_t k = 0; k < c->toc.n; k++)
			if (c->toc.entries[k].level < base)
				base = c->toc.entries[k].level;
		add_headings(root, cp, c, 0, base - 1, depth, false);
	}
}

/* Whether each Reader Q&A chapter of b is listed under the chapter it
 * follows (a post and its own comments): when book.yaml says so
 * (nest-comments), or when the book has more than one. */
static bool
nests_qa(const book *b)
{
	size_t n = 0;
	for (size_t i = 0; i < b->nchapters && n < 2; i++)
		n += b->chapters[i]->kind == CHAPTER_QA;
	return b->nest_comments || n > 1;
}

/* The entries of chapter i of b: root's, or, for one of several Q&A
 * chapters that follows a text chapter, the last entry's below it (one
 * level deeper, so one heading level less). Returns that last entry. */
static navpoint *
add_chapter_at(navpoint *root, navpoint *last, const book *b, size_t i, int depth,
               bool nest_qa)
{
	const chapter *c = b->chapters[i];
	if (nest_qa && c->kind == CHAPTER_QA && last && i > 0 &&
	    b->chapters[i - 1]->kind == CHAPTER_TEXT) {
		add_chapter(last, c, depth - 1);
		return last;
	}
	size_t before = root->n;
	add_chapter(root, c, depth);
	return root->n > before ? &root->children[root->n - 1] : last;
}

static void
nav_list(xmlNodePtr ol, const navpoint *p)
{
	for (size_t i = 0; i < p->n; i++) {
		xmlNodePtr li = xhtml_add(ol, "li", NULL);
		xmlNodePtr a = xhtml_add(li, "a", p->children[i].title);
		xmlSetProp(a, BAD_CAST "href", BAD_CAST p->children[i].href);
		if (p->children[i].n)
			nav_list(xhtml_add(li, "ol", NULL), &p->children[i]);
	}
}

static void
landmark(xmlNodePtr ol, const char *type, const char *href, const char *text)
{
	xmlNodePtr li = xhtml_add(ol, "li", NULL);
	xmlNodePtr a = xhtml_add(li, "a", text);
	xhtml_set_epub_type(a, type);
	xmlSetProp(a, BAD_CAST "href", BAD_CAST href);
}

/* nav.xhtml without its table of contents: the toc's list, empty, goes
 * to *toc_list. */
static xmlDocPtr
nav_frame(const book *b, xmlNodePtr *toc_list)
{
	xmlNodePtr body;
	xmlDocPtr doc = xhtml_new_document(b, "nav.xhtml", book_label(b, LABEL_CONTENTS), NULL,
	                                   &body);
	xhtml_set_epub_type(body, "frontmatter");
	xmlNodePtr nav = xhtml_add(body, "nav", NULL);
	xhtml_set_epub_type(nav, "toc");
	xmlSetProp(nav, BAD_CAST "id", BAD_CAST "toc");
	xmlSetProp(nav, BAD_CAST "role", BAD_CAST "doc-toc");
	xmlSetProp(nav, BAD_CAST "aria-labelledby", BAD_CAST "toc-title");
	xmlNodePtr h = xhtml_add(nav, "h1", book_label(b, LABEL_CONTENTS));
	xmlSetProp(h, BAD_CAST "id", BAD_CAST "toc-title");
	*toc_list = xhtml_add(nav, "ol", NULL);

	xmlNodePtr lm = xhtml_add(body, "nav", NULL);
	xhtml_set_epub_type(lm, "landmarks");
	xmlSetProp(lm, BAD_CAST "id", BAD_CAST "landmarks");
	xmlSetProp(lm, BAD_CAST "hidden", BAD_CAST "hidden");
	xmlSetProp(lm, BAD_CAST "aria-labelledby", BAD_CAST "landmarks-title");
	xmlNodePtr h2 = xhtml_add(lm, "h2", book_label(b, LABEL_LANDMARKS));
	xmlSetProp(h2, BAD_CAST "id", BAD_CAST "landmarks-title");
	xmlNodePtr ol = xhtml_add(lm, "ol", NULL);
	bool body_done = false;
	for (size_t i = 0; i < b->nchapters; i++) {
		const chapter *c = b->chapters[i];
		if (c->kind == CHAPTER_COVER)
			landmark(ol, "cover", c->href, book_label(b, LABEL_COVER));
		else if (c->kind == CHAPTER_TITLEPAGE)
			landmark(ol, "titlepage", c->href, book_label(b, LABEL_TITLE_PAGE));
	}
	landmark(ol, "toc", "nav.xhtml#toc", book_label(b, LABEL_CONTENTS));
	for (size_t i = 0; i < b->nchapters && !body_done; i++) {
		const chapter *c = b->chapters[i];
		if (c->kind == CHAPTER_TEXT || c->kind == CHAPTER_QA) {
			landmark(ol, "bodymatter", c->href, book_label(b, LABEL_START));
			body_done = true;
		}
	}
	for (size_t i = 0; i < b->nchapters; i++)
		if (b->chapters[i]->kind == CHAPTER_COLOPHON)
			landmark(ol, "colophon", b->chapters[i]->href, book_label(b, LABEL_COLOPHON));
	return doc;
}

/* How many levels the entries below p nest. */
static int
ncx_depth(const navpoint *p)
{
	int deepest = 0;
	for (size_t i = 0; i < p->n; i++) {
		int d = 1 + ncx_depth(&p->children[i]);
		if (d > deepest)
			deepest = d;
	}
	return deepest;
}

/* Writes p's children at NCX nesting level (1: the navMap's own). Kindle
 * shows two levels: below NCX_MAX_DEPTH entries follow their parent as its
 * peers, still in reading order (the nav document keeps every level). */
static void
ncx_points(xmlTextWriterPtr w, const navpoint *p, int *order, int level)
{
	for (size_t i = 0; i < p->n; i++) {
		const navpoint *c = &p->children[i];
		++*order;
		xmlTextWriterStartElement(w, BAD_CAST "navPoint");
		xmlTextWriterWriteFormatAttribute(w, BAD_CAST "id", "np%d", *order);
		xmlTextWriterWriteFormatAttribute(w, BAD_CAST "playOrder", "%d", *order);
		xmlTextWriterStartElement(w, BAD_CAST "navLabel");
		xmlTextWriterWriteElement(w, BAD_CAST "text", BAD_CAST c->title);
		xmlTextWriterEndElement(w);
		xmlTextWriterStartElement(w, BAD_CAST "content");
		xmlTextWriterWriteAttribute(w, BAD_CAST "src", BAD_CAST c->href);
		xmlTextWriterEndElement(w);
		if (c->n && level < NCX_MAX_DEPTH)
			ncx_points(w, c, order, level + 1);
		xmlTextWriterEndElement(w);
		if (c->n && level >= NCX_MAX_DEPTH)
			ncx_points(w, c, order, level);
	}
}

/* toc.ncx up to its navMap's first entry, declaring depth deepest (the
 * nesting of its deepest entry, as Kindle shows it); *buf receives what it
 * writes. */
static xmlTextWriterPtr
ncx_start(const book *b, int deepest, xmlBufferPtr *buf)
{
	*buf = xmlBufferCreate();
	xmlBufferSetAllocationScheme(*buf, XML_BUFFER_ALLOC_DOUBLEIT); /* see xhtml_serialize */
	xmlTextWriterPtr w = xmlNewTextWriterMemory(*buf, 0);
	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterSetIndentString(w, BAD_CAST "  ");
	xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL);
	xmlTextWriterStartElementNS(w, NULL, BAD_CAST "ncx", BAD_CAST NCX_NS);
	xmlTextWriterWriteAttribute(w, BAD_CAST "version", BAD_CAST "2005-1");
	xmlTextWriterStartElement(w, BAD_CAST "head");
	char depth_text[16];
	snprintf(depth_text, sizeof depth_text, "%d",
	         deepest < NCX_MAX_DEPTH ? deepest : NCX_MAX_DEPTH);
	static const char *const names[] = {"dtb:uid", "dtb:depth", "dtb:totalPageCount",
	                                    "dtb:maxPageNumber"};
	const char *values[] = {b->identifier, depth_text, "0", "0"};
	for (int i = 0; i < 4; i++) {
		xmlTextWriterStartElement(w, BAD_CAST "meta");
		xmlTextWriterWriteAttribute(w, BAD_CAST "name", BAD_CAST names[i]);
		xmlTextWriterWriteAttribute(w, BAD_CAST "content", BAD_CAST values[i]);
		xmlTextWriterEndElement(w);
	}
	xmlTextWriterEndElement(w);
	xmlTextWriterStartElement(w, BAD_CAST "docTitle");
	xmlTextWriterWriteElement(w, BAD_CAST "text", BAD_CAST b->title);
	xmlTextWriterEndElement(w);
	xmlTextWriterStartElement(w, BAD_CAST "navMap");
	return w;
}

void
nav_write(epub_writer *out, const book *b, int depth)
{
	/* One document after the other, each a chapter at a time: the
	 * entries are made twice, which costs less than holding them. */
	xmlNodePtr toc_list;
	xmlDocPtr doc = nav_frame(b, &toc_list);
	xhtml_stream *nav = xhtml_stream_open(doc, toc_list);
	int deepest = 0; /* for the NCX's head */
	bool nest_qa = nests_qa(b);
	/* A chapter's entries are written once the next chapter cannot nest
	 * below them any more. */
	navpoint entries = {0};
	navpoint *last = NULL;
	for (size_t i = 0; i <= b->nchapters; i++) {
		bool nests = i < b->nchapters && nest_qa && b->chapters[i]->kind == CHAPTER_QA;
		if (!nests && entries.n) {
			int d = ncx_depth(&entries);
			if (d > deepest)
				deepest = d;
			nav_list(toc_list, &entries);
			while (toc_list->children)
				xhtml_stream_add(nav, toc_list->children);
			free_points(&entries);
			memset(&entries, 0, sizeof entries);
			last = NULL;
		}
		if (i < b->nchapters)
			last = add_chapter_at(&entries, last, b, i, depth, nest_qa);
	}
	char *data;
	size_t len;
	xhtml_stream_close(nav, &data, &len);
	xmlFreeDoc(doc);
	epub_add(out, "EPUB/nav.xhtml", data, len, false);

	xmlBufferPtr ncx_buf;
	xmlTextWriterPtr ncx = ncx_start(b, deepest, &ncx_buf);
	int order = 0;
	for (size_t i = 0; i <= b->nchapters; i++) {
		bool nests = i < b->nchapters && nest_qa && b->chapters[i]->kind == CHAPTER_QA;
		if (!nests && entries.n) {
			ncx_points(ncx, &entries, &order, 1);
			free_points(&entries);
			memset(&entries, 0, sizeof entries);
			last = NULL;
		}
		if (i < b->nchapters)
			last = add_chapter_at(&entries, last, b, i, depth, nest_qa);
	}
	xmlTextWriterEndDocument(ncx);
	xmlFreeTextWriter(ncx);
	len = (size_t)xmlBufferLength(ncx_buf);
	epub_add(out, "EPUB/toc.ncx", xhtml_buffer_take(ncx_buf), len, false);
}
