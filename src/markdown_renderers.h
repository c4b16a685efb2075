/* markdown_renderers.h - the two renderers behind the front door,
 * markdown_render (markdown.c). The front door parses the Markdown with
 * cmark-gfm, prepares the AST (defused for reader comments, raw HTML and
 * images marked for the sanitiser) and hands it to one of them:
 *
 *   the reference, markdown_via_html.c: cmark-gfm renders the AST to HTML,
 *     libxml2's HTML parser reads it back (so raw HTML split over several
 *     nodes is read whole), and the sanitiser copies the result;
 *   the direct renderer, markdown_direct.c (with markdown_direct_scope.c):
 *     walks the AST and makes each element through the same sanitiser
 *     calls, several times faster, for the chapters it can take.
 *
 * Both must give the same tree, the same ids and the same messages, byte
 * for byte. tests/fuzz/fuzz_routes.c renders each input both ways and
 * aborts where they differ; tests/run-routes.sh runs it over every spec
 * example, every test book, the bad-input corpus and a generated book;
 * tests/unit/test_regress.c pins each difference found so far. */
#ifndef MKBOOK_MARKDOWN_RENDERERS_H
#define MKBOOK_MARKDOWN_RENDERERS_H

#include <stdbool.h>
#include <cmark-gfm.h>
#include <libxml/tree.h>

#include "sanitize.h"

/* A chapter as cmark-gfm parsed it, which the front door owns. */
typedef struct markdown_parse {
	cmark_parser *parser;
	cmark_node *root;
	char *text;  /* the copy of the text the parser read, when one was made */
	int options; /* the parser's, for cmark_render_html */
} markdown_parse;

/* cmark-gfm's HTML for the AST under n, with every strong emphasis it
 * holds (some versions write none for a strong directly in another);
 * both renderers write HTML only through it. The caller frees the
 * result. n is as it was on return. */
char *markdown_cmark_html(cmark_node *n, int options, cmark_llist *exts);

/* Frees what mp holds and leaves it empty. */
void markdown_parse_free(markdown_parse *mp);

/* The reference renderer: renders mp's AST to HTML, frees mp (each form of
 * the chapter goes once the next is made: on a big chapter they are tens
 * of MB each), reads the HTML back and copies it through sc into parent.
 * Returns false when there was nothing to copy (no HTML, or none libxml2
 * could read). */
bool markdown_via_html_build(sanitize_ctx *sc, markdown_parse *mp, xmlNodePtr parent);

/* Whether markdown_direct_build makes of root exactly what the reference
 * makes: false when its raw HTML has to be read whole (an HTML block, tags
 * beyond plain phrasing, tags that do not close where they open) or
 * cmark-gfm nests a link in a link. */
bool markdown_direct_supported(cmark_node *root);
/* The direct renderer: builds mp's AST (which it may rearrange: the notes
 * move into a document of their own, freed here) into parent through sc.
 * Returns false, having built nothing and left the AST as it was, when it
 * finds only then that it cannot match the reference (cmark-gfm counted
 * note references it then dropped with a note of the same label). */
bool markdown_direct_build(sanitize_ctx *sc, const markdown_parse *mp, xmlNodePtr parent);

#endif
