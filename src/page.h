/* page.h - what the build makes of one chapter: its tree, its ids, the
 * page serialised and then compressed, its links to other chapters'
 * headings, and what the package metadata needs to know of it. The build
 * (build.c) owns one page per chapter, in reading order, and frees them;
 * the book model (book.h) holds none of it. */
#ifndef MKBOOK_PAGE_H
#define MKBOOK_PAGE_H

#include <stddef.h>
#include <libxml/tree.h>

#include "opf.h"
#include "util.h"
#include "xref.h"

struct epub_blob;

typedef struct page {
	xmlDocPtr doc;             /* the tree, from rendering until serialised */
	strset *ids;               /* every id in the tree, until links are settled */
	strmap *id_folded;         /* case-folded, percent-decoded id -> the id
	                              (owned strings), made when first needed */
	char *xhtml;               /* the serialised page, only while it is made */
	size_t xhtml_len;
	struct epub_blob *packed;  /* the page compressed, which the build keeps alone
	                              once the links are settled */
	xref_list xrefs;           /* links to other chapters' headings */
	a11y_facts facts;          /* what the accessibility metadata needs */
} page;

/* The id in page p that fragment names: exact (fragment itself is then
 * returned), else after percent-decoding, else after case folding, else
 * taken as a heading's text. NULL when none. Not safe while another thread
 * renders p. */
const char *page_find_id(page *p, const char *fragment);
/* Once the page is compressed: packs its ids into one block made after
 * the page's own memory was freed, so that what a big book keeps stays
 * compact rather than strewn among the holes each page leaves. */
void page_compact(page *p);
/* Frees everything p holds; p itself is its owner's (an element of the
 * build's array). */
void page_clear(page *p);

#endif
