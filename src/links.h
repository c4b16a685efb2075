/* links.h - the pass that runs once every chapter is rendered: links
 * between chapters and to their headings, links that leave the book,
 * and images copied into it. */
#ifndef MKBOOK_LINKS_H
#define MKBOOK_LINKS_H

#include "book.h"

/* Resolves every a[href] and img[src] of every rendered chapter, in
 * reading order, adding each image to b->resources once. Problems are
 * warnings naming file:line:col; a link that cannot be kept keeps its
 * text, an image that cannot be had is replaced by its description. */
void links_resolve(book *b);

/* Loads the image at the manuscript-relative path rel (checked to be
 * inside the manuscript) as a resource, or returns the one loaded before.
 * Returns NULL after a warning naming file, line and col. */
resource *links_load_image(book *b, const char *rel, const char *file, int line, int col);

/* The id in chapter c that fragment names: exact, else after
 * percent-decoding, else after case folding. NULL when none. */
const char *links_find_fragment(chapter *c, const char *fragment);

#endif
