/* nav.h - the table of contents: the EPUB 3 navigation document (toc and
 * landmarks) and the EPUB 2 NCX, built from one tree so they agree. */
#ifndef MKBOOK_NAV_H
#define MKBOOK_NAV_H

#include <stddef.h>

#include "book.h"

typedef struct navpoint {
	char *title;
	char *href; /* relative to the content folder, with #fragment */
	struct navpoint *children;
	size_t n;
} navpoint;

/* The table of contents, nested to depth levels (1 = chapters only). The
 * root has no title; its children are the top entries in reading order.
 * Caller frees with nav_free. */
navpoint *nav_build(const book *b, int depth);
void nav_free(navpoint *root);

/* nav.xhtml (at "nav.xhtml" in the content folder). Caller frees. */
xmlDocPtr nav_document(const book *b, const navpoint *root);
/* toc.ncx, written as it is generated (a tree of it would be the largest
 * thing in memory for a book with many headings). Sets *len; caller frees
 * the result. */
char *nav_ncx(const book *b, const navpoint *root, size_t *len);

#endif
