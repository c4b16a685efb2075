/* nav.h - the table of contents: the EPUB 3 navigation document (toc and
 * landmarks) and the EPUB 2 NCX, written side by side from the same
 * entries so they agree. */
#ifndef MKBOOK_NAV_H
#define MKBOOK_NAV_H

#include "book.h"
#include "epub.h"

/* Adds EPUB/nav.xhtml and then EPUB/toc.ncx to out, the table of contents
 * nested to depth levels (1 = chapters only). Both are written a chapter
 * at a time: no tree of the whole table (the largest thing in memory for
 * a book with many headings) is ever built. Reads each chapter's title,
 * href and toc. */
void nav_write(epub_writer *out, const book *b, int depth);

#endif
