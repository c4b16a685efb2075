/* markdown.h - cmark-gfm Markdown into sanitised XHTML trees: the front
 * door (markdown.c) over two renderers (markdown_renderers.h). */
#ifndef MKBOOK_MARKDOWN_H
#define MKBOOK_MARKDOWN_H

#include <stdbool.h>
#include <libxml/tree.h>

#include "book.h"

/* Which renderer makes the tree (markdown_renderers.h). Both give the
 * same bytes; tests/fuzz/fuzz_routes.c compares them. */
enum markdown_route {
	MARKDOWN_ROUTE_BEST,     /* the direct renderer where it can give what the
	                            reference gives, else the reference */
	MARKDOWN_ROUTE_VIA_HTML, /* the reference only (for the tests) */
};

typedef struct markdown_opts {
	const char *file;      /* for diagnostics */
	int first_line;        /* line number of text's first line in file */
	bool untrusted;        /* reader comments: raw HTML as text, no images, only
	                          http, https and mailto links */
	const char *id_prefix; /* prefix for footnote ids, "" or NULL for none */
	strset *ids;           /* ids in use in the target document */
	enum markdown_route route;
} markdown_opts;

/* Must be called once before any rendering (registers cmark-gfm's
 * extensions, initialises libxml2's parser). */
void markdown_init(void);

/* The front door: renders text as Markdown and appends the result to
 * parent (an element of an XHTML document), adding every id it makes to
 * opts->ids. Returns 0, or -1 when it had to give up (an error was
 * reported, e.g. nesting too deep). */
int markdown_render(const book *b, const markdown_opts *opts, const char *text, size_t len,
                    xmlNodePtr parent);

#endif
