/* chapter_text.h - a Markdown chapter's page: its frame, its headings'
 * ids and table of contents, and the text of an element as a reader sees
 * it. The Markdown itself goes through markdown_render. */
#ifndef MKBOOK_CHAPTER_TEXT_H
#define MKBOOK_CHAPTER_TEXT_H

#include <libxml/tree.h>

#include "book.h"

/* Renders a CHAPTER_TEXT chapter and returns its document (caller frees),
 * adding every id to ids and every heading to c->toc; errors are
 * reported. The chapter's title becomes its first heading's text when it
 * has none. */
xmlDocPtr chapter_text_render(const book *b, chapter *c, strset *ids);

/* Gives every heading under root an id (GitHub's slug, made unique within
 * ids), and when t is not NULL appends one entry per heading. */
void chapter_text_heading_ids(xmlNodePtr root, strset *ids, chapter_toc *t);

/* The text of an element as a reader sees it, without note references,
 * its runs of white space folded into one space. Caller frees. */
char *chapter_text_plain(xmlNodePtr n);

#endif
