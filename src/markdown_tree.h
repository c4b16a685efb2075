/* markdown_tree.h - cmark-gfm's AST straight into the XHTML tree, through
 * the sanitiser's rules, giving what markdown.c's reference route (render
 * HTML, parse it, copy it) gives, without the HTML in between. */
#ifndef MKBOOK_MARKDOWN_TREE_H
#define MKBOOK_MARKDOWN_TREE_H

#include <stdbool.h>
#include <cmark-gfm.h>
#include <libxml/tree.h>

#include "sanitize.h"

/* Whether markdown_tree_build makes of root exactly what the reference
 * route makes: false when its raw HTML has to be read whole (an HTML
 * block, tags beyond plain phrasing, tags that do not close where they
 * open) or cmark-gfm nests a link in a link. */
bool markdown_tree_supported(cmark_node *root);

/* Builds root (a parsed document, which it may rearrange: the notes move
 * into a document of their own, freed here) into parent through sc.
 * options and exts are the parser's, for the pieces read back as HTML.
 * Returns false, having built nothing and left root as it was, when it
 * finds only then that it cannot match the reference route (cmark-gfm
 * counted note references it then dropped with a note of the same
 * label). */
bool markdown_tree_build(sanitize_ctx *sc, cmark_node *root, int options, cmark_llist *exts,
                         xmlNodePtr parent);

#endif
