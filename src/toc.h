/* toc.h - a page's table of contents: its headings in document order,
 * each with its level, its text and its id. A toc owns its entries and
 * their text; nothing else frees them. */
#ifndef MKBOOK_TOC_H
#define MKBOOK_TOC_H

#include <stddef.h>

#include "util.h"

typedef struct toc_entry {
	int level;    /* 1..6, relative to the document */
	size_t title; /* where the entry's title and id start in the toc's text */
	size_t id;
} toc_entry;

typedef struct chapter_toc {
	toc_entry *entries;
	size_t n;
	strbuf text; /* every title and id, each ended by '\0' */
} chapter_toc;

/* Appends a heading; copies title and id. */
void toc_add(chapter_toc *t, int level, const char *title, const char *id);
/* Entry i's title and id: valid until the next toc_add or toc_compact. */
const char *toc_title(const chapter_toc *t, size_t i);
const char *toc_id(const chapter_toc *t, size_t i);
/* Moves the entries and their text into blocks of their exact sizes, made
 * now: called once a page is made, after its own memory was freed, so
 * that what a big book keeps of its pages stays compact rather than strewn
 * among the holes each page leaves in the heap. */
void toc_compact(chapter_toc *t);
/* Frees what t holds and leaves it empty. */
void toc_free(chapter_toc *t);

#endif
