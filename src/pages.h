/* pages.h - the pages mkbook writes itself from the metadata: the cover
 * page, the title page, the colophon and the list of related posts. */
#ifndef MKBOOK_PAGES_H
#define MKBOOK_PAGES_H

#include "book.h"

/* Renders a generated chapter (CHAPTER_COVER, CHAPTER_TITLEPAGE,
 * CHAPTER_COLOPHON, CHAPTER_RELATED) and returns its document, which the
 * caller frees; gives c its title when it has none. */
xmlDocPtr pages_render(const book *b, chapter *c);

/* Appends <time datetime="iso">date in the book's language</time> to
 * parent; an unparsable date is written as given. */
xmlNodePtr pages_add_date(const book *b, xmlNodePtr parent, const char *iso);

/* The cover image's resource, or NULL. */
const resource *pages_cover_image(const book *b);

#endif
