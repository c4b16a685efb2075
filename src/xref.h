/* xref.h - links to another chapter's heading, settled after serialising.
 *
 * Each page is serialised and compressed as soon as it is made, so that a
 * big book is never held as trees all at once; but a link to another
 * chapter's heading needs that chapter's ids, known only once every page
 * is made. Such a link goes into the tree with a placeholder fragment
 * (xref_add). Once the page is serialised, xref_patch writes in place of
 * each placeholder a guess: the fragment as written, taken as the id it
 * names, which is what settling finds for nearly every link. Once every
 * page is made, each link is settled (xref_resolve); a page with a wrong
 * guess (rare) is patched again from its bytes (xref_repatch).
 *
 * Writing into serialised bytes means escaping a fragment as libxml2's
 * serialiser escapes an attribute value: that is done here only, and
 * tests/unit/test_xref.c fails if the two ever differ. */
#ifndef MKBOOK_XREF_H
#define MKBOOK_XREF_H

#include <stdbool.h>
#include <stddef.h>

struct chapter;

/* One link to another chapter's heading. */
typedef struct xref {
	const struct chapter *target;
	char *href;           /* as written, for messages (owned) */
	const char *fragment; /* as written: the part of href after its '#' */
	int line, col;        /* where it stands in the Markdown */
	/* Once resolved, when the guess was wrong: what stands in its place
	 * ("#" and the id, escaped, or "" for the chapter's start); else NULL. */
	char *result;
} xref;

/* A page's links to other chapters' headings, and where xref_patch wrote
 * their guesses into the page: at byte at, for items[fix]. */
typedef struct xref_list {
	xref *items;
	size_t n;
	struct xref_site {
		size_t at;
		size_t fix;
	} *sites;
	size_t nsites;
} xref_list;

/* Records a link written as href (whose fragment starts at byte
 * fragment_at, after the '#') to target's heading. Returns the href the
 * link gets in the tree: rel (the relative path to target's page) and a
 * placeholder fragment no manuscript can forge. Caller frees. Safe to run
 * for several lists at once. */
char *xref_add(xref_list *l, const struct chapter *target, const char *rel, const char *href,
               size_t fragment_at, int line, int col);
/* Rewrites *xhtml (*len bytes, the page serialised with the placeholders
 * of l), writing the guess in place of each placeholder, and notes where
 * each guess stands; what l holds is then kept, with no room to spare,
 * until the links are settled. Frees the old bytes. Safe to run for several lists
 * at once. */
void xref_patch(xref_list *l, char **xhtml, size_t *len);
/* Records what link x leads to: the id (NULL: the target's start). */
void xref_resolve(xref *x, const char *id);
/* Whether every guess xref_patch wrote is what xref_resolve recorded
 * (true when l holds no links). */
bool xref_guessed_right(const xref_list *l);
/* Rewrites *xhtml, the page as xref_patch left it, with the resolved
 * fragments in place of the wrong guesses: the page as if the placeholders
 * had been replaced by them. Frees the old bytes. */
void xref_repatch(const xref_list *l, char **xhtml, size_t *len);
/* Frees what l holds and leaves it empty. */
void xref_free(xref_list *l);

#endif
