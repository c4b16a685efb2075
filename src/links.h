/* links.h - the pass that runs once every chapter is rendered: links
 * between chapters and to their headings, links that leave the book,
 * and images copied into it. */
#ifndef MKBOOK_LINKS_H
#define MKBOOK_LINKS_H

#include "book.h"

/* Resolves every a[href] and img[src] of the rendered chapter c, adding
 * each image to b->resources once (safe to run for several chapters at
 * once). Problems are warnings naming file:line:col; a link that cannot be
 * kept keeps its text, an image that cannot be had is replaced by its
 * description. A link to another chapter's heading gets a placeholder
 * fragment and an entry in c->fixes, for links_settle. */
void links_resolve_chapter(book *b, chapter *c);
/* Writes a guess into c->xhtml in place of each placeholder, so that the
 * page can be compressed before the other chapters are rendered: the
 * fragment as written, taken as the id it names (what links_settle finds
 * for nearly every link). Notes where each guess stands in c->sites. Safe
 * to run for several chapters at once. */
void links_patch(chapter *c);
/* Settles every chapter's c->fixes once all chapters are rendered (their
 * ids known), warning about fragments that find nothing; notes in
 * f->result each guess of links_patch that was wrong. */
void links_settle(book *b);
/* Whether every guess links_patch wrote into c is what links_settle found
 * (true when c has no such links). Call after links_settle. */
bool links_guessed_right(const chapter *c);
/* Rewrites c->xhtml, the page as links_patch left it, with the settled
 * fragments in place of the guesses: the page as if the placeholders had
 * been replaced by them. Safe to run for several chapters at once. */
void links_repatch(chapter *c);
/* Sorts b->resources by href and numbers their ids, so that the package
 * does not depend on the order in which chapters found their images. */
void links_number_resources(book *b);

/* Loads the image at the manuscript-relative path rel (checked to be
 * inside the manuscript) as a resource, or returns the one loaded before.
 * Returns NULL after a warning naming file, line and col. */
resource *links_load_image(book *b, const char *rel, const char *file, int line, int col);

/* The same for the cover book.yaml names, where a file that cannot be the
 * cover is an error that says "cover". */
resource *links_load_cover(book *b, const char *rel, const char *file, int line, int col);

/* The id in chapter c that fragment names: exact (fragment itself is then
 * returned), else after percent-decoding, else after case folding. NULL
 * when none. Not safe while another thread renders c. */
const char *links_find_fragment(chapter *c, const char *fragment);

#endif
