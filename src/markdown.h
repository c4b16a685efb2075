/* markdown.h - cmark-gfm Markdown into sanitised XHTML trees. */
#ifndef MKBOOK_MARKDOWN_H
#define MKBOOK_MARKDOWN_H

#include <stdbool.h>
#include <libxml/tree.h>

#include "book.h"

typedef struct markdown_opts {
	const char *file;      /* for diagnostics */
	int first_line;        /* line number of text's first line in file */
	bool untrusted;        /* reader comments: raw HTML as text, no images, only
	                          http, https and mailto links */
	const char *id_prefix; /* prefix for footnote ids, "" or NULL for none */
	strset *ids;           /* ids in use in the target document */
	bool via_html;         /* the reference route only, never markdown_tree.c
	                          (tests compare the two) */
} markdown_opts;

/* Must be called once before any rendering (registers cmark-gfm's
 * extensions, initialises libxml2's parser). */
void markdown_init(void);

/* Renders text as Markdown and appends the result to parent (an element of
 * an XHTML document). Returns 0, or -1 when it had to give up (an error was
 * reported, e.g. nesting too deep). */
int markdown_render(const book *b, const markdown_opts *opts, const char *text, size_t len,
                    xmlNodePtr parent);

/* Gives every heading under root an id (GitHub's slug, made unique within
 * ids), and when t is not NULL appends one entry per heading. */
void markdown_assign_heading_ids(xmlNodePtr root, strset *ids, chapter_toc *t);

/* Renders a CHAPTER_TEXT chapter and returns its document (caller frees),
 * adding every id to ids and every heading to c->toc; errors are
 * reported. The chapter's title becomes its first heading's text when it
 * has none. */
xmlDocPtr chapter_render_text(const book *b, chapter *c, strset *ids);

/* The text of an element as a reader sees it, without note references.
 * Caller frees. */
char *node_text(xmlNodePtr n);

#endif
