/* unit.h - helpers shared by the unit tests. */
#ifndef MKBOOK_UNIT_H
#define MKBOOK_UNIT_H

#include <stdbool.h>

#include "markdown.h"

/* Renders md as a chapter body (untrusted: as a reader comment is) whose
 * first line is line first_line of its file, and returns the serialised
 * page. Caller frees. */
char *unit_render_at(const char *md, int first_line, bool untrusted);
/* unit_render_at by the given route (markdown.h): the reference renderer
 * alone, or the direct one where it can. */
char *unit_render_route(const char *md, int first_line, bool untrusted, enum markdown_route route);
/* unit_render_at(md, 1, untrusted). */
char *unit_render(const char *md, bool untrusted);
/* Whether needle occurs in hay. */
bool unit_has(const char *hay, const char *needle);

#endif
