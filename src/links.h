/* links.h - the pass that runs once every chapter is rendered: links
 * between chapters and to their headings, links that leave the book,
 * and images copied into it. */
#ifndef MKBOOK_LINKS_H
#define MKBOOK_LINKS_H

#include "book.h"
#include "page.h"

/* Resolves every a[href] and img[src] of chapter c's rendered page p,
 * adding each image to b->resources once (safe to run for several
 * chapters at once). Problems are warnings naming file:line:col; a link
 * that cannot be kept keeps its text, an image that cannot be had is
 * replaced by its description. A link to another chapter's heading goes
 * into p->xrefs (xref.h), to be settled by links_settle. */
void links_resolve_chapter(book *b, chapter *c, page *p);
/* Once every chapter's page is made (pages[i] being b->chapters[i]'s):
 * finds the id each link to another chapter's heading names, warning
 * about fragments that find nothing, and records it (xref_resolve). */
void links_settle(book *b, page *pages);
/* Sorts b->resources by href and numbers their ids, so that the package
 * does not depend on the order in which chapters found their images. */
void links_number_resources(book *b);

/* Loads the image at the manuscript-relative path rel (checked to be
 * inside the manuscript) as a resource, or returns the one loaded before.
 * Returns NULL after a warning naming file, line and col. */
resource *links_load_image(book *b, const char *rel, const char *file, int line, int col);

/* Loads the sound or video file at the manuscript-relative path rel, for
 * an <audio> or (video) a <video>, as a resource under "media/", or
 * returns the one loaded before: its type from its bytes, checked by its
 * structure, and a type EPUB lets the element carry without a fallback
 * (media.c says which). Returns NULL after a warning naming file, line
 * and col. */
resource *links_load_media(book *b, const char *rel, bool video, const char *file, int line,
                           int col);

/* The same for the cover book.yaml names, where a file that cannot be the
 * cover is an error that says "cover". */
resource *links_load_cover(book *b, const char *rel, const char *file, int line, int col);

#endif
