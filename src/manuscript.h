/* manuscript.h - a manuscript folder (book.yaml, Markdown files with front
 * matter, comment and related-post folders) into the book model. */
#ifndef MKBOOK_MANUSCRIPT_H
#define MKBOOK_MANUSCRIPT_H

#include "book.h"

/* Loads the manuscript in dir. Returns the book (caller frees with
 * book_free) even when errors were reported, so that --check can go on and
 * report more; returns NULL only when nothing could be loaded at all (the
 * folder is missing or unreadable). Check diag_error_count() afterwards. */
book *manuscript_load(const char *dir);

/* Reads back a text chapter's Markdown (c->body) from the file it was
 * loaded from, when the load left it there; nothing to do when c->body is
 * already held. Returns 0; or -1 after reporting an error (the file
 * changed or cannot be read), c->body then empty and c->unread set.
 * Touches only c, so threads may load different chapters at once. */
int manuscript_load_body(chapter *c);

/* A sort name for a person: "Daniel Lopez, D.O." -> "Lopez, Daniel".
 * Caller frees. */
char *manuscript_author_sort_name(const char *name);

#endif
