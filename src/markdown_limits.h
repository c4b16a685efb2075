/* markdown_limits.h - what a chapter or a reader comment may hold before
 * cmark-gfm or mkbook's own passes would take more than seconds or a
 * gigabyte: nesting depth, footnotes, table cells. Each limit is an error
 * naming the place, never a silent cut. */
#ifndef MKBOOK_MARKDOWN_LIMITS_H
#define MKBOOK_MARKDOWN_LIMITS_H

#include <stdbool.h>
#include <stddef.h>
#include <cmark-gfm.h>

#include "markdown.h"

/* Footnotes in one chapter, and in one reader comment. */
#define MKBOOK_MAX_NOTES 10000
#define MKBOOK_MAX_NOTES_UNTRUSTED 200
/* Cells of the tables of one chapter (columns times rows, as cmark-gfm
 * fills short rows in), and of one comment. */
#define MKBOOK_MAX_TABLE_CELLS 200000
#define MKBOOK_MAX_TABLE_CELLS_UNTRUSTED 20000
/* Cells written on one table row (cmark-gfm 0.29.0.gfm.6 parses a row in
 * time quadratic in them). */
#define MKBOOK_MAX_ROW_CELLS 5000

/* Markup in one chapter, and in one reader comment, counted in units
 * (markdown_markup_units): each costs cmark-gfm and the XHTML tree up to
 * 600 bytes of memory, so a chapter of a million stays under 1 GiB. */
#define MKBOOK_MAX_MARKUP_UNITS 1000000
#define MKBOOK_MAX_MARKUP_UNITS_UNTRUSTED 100000

/* An upper bound of the nodes that text can parse into: its lines and its
 * characters that can start or end markup (* _ ` [ ] < > ! & \ ~ | ( )). */
size_t markdown_markup_units(const char *text, size_t len);

/* Checks text before it is parsed: the tables cmark-gfm would take
 * quadratic time or memory on. Reports and returns false when over. */
bool markdown_source_within_limits(const markdown_opts *o, const char *text, size_t len);
/* Checks the parsed document: nesting depth and footnotes. Reports and
 * returns false when over. */
bool markdown_tree_within_limits(const markdown_opts *o, cmark_node *root);

#endif
