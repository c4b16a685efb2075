/* markdown_direct.h - what the direct renderer's two files share: which
 * chapters it takes (markdown_direct_scope.c) and how it reads cmark-gfm's
 * nodes while building (markdown_direct.c). The front door calls it
 * through markdown_renderers.h. */
#ifndef MKBOOK_MARKDOWN_DIRECT_H
#define MKBOOK_MARKDOWN_DIRECT_H

#include <stdbool.h>
#include <stddef.h>
#include <cmark-gfm.h>

#include "markdown_renderers.h"

/* Node kinds the extensions add; their type numbers are handed out when
 * the extensions register, so they are told apart by name. */
enum markdown_ext_kind {
	MD_EXT_NONE,
	MD_EXT_TABLE,
	MD_EXT_ROW,
	MD_EXT_HEADER_ROW,
	MD_EXT_CELL,
	MD_EXT_STRIKE,
};
enum markdown_ext_kind markdown_direct_ext_kind(cmark_node *n);
/* Whether n is a list item of the tasklist extension. */
bool markdown_direct_is_task_item(cmark_node *n);

/* One piece of inline HTML, as the direct renderer sees it. */
enum markdown_tag_kind { MD_TAG_OTHER, MD_TAG_OPEN, MD_TAG_CLOSE, MD_TAG_VOID, MD_TAG_COMMENT };
/* Classifies lit, which cmark-gfm has already matched as one tag, comment,
 * declaration or processing instruction; *name and *len name the tag (a
 * phrasing element the direct renderer knows, else MD_TAG_OTHER). The
 * "<!--mkbook-line:...-->" marker the front door puts before each piece
 * is skipped. */
enum markdown_tag_kind markdown_direct_classify_tag(const char *lit, const char **name,
                                                    size_t *len);
/* Whether the tag whose name (len bytes) markdown_direct_classify_tag
 * found has anything after its name but blanks, a '/' and the '>':
 * attributes, which only the HTML parser reads as the reference does. */
bool markdown_direct_tag_has_attributes(const char *name, size_t len);

#endif
