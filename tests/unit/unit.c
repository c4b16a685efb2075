/* unit.c - helpers shared by the unit tests (see unit.h). */
#include "unit.h"

#include <string.h>

#include "book.h"
#include "chapter_text.h"
#include "markdown.h"
#include "xhtml.h"

char *
unit_render_at(const char *md, int first_line, bool untrusted)
{
	return unit_render_route(md, first_line, untrusted, MARKDOWN_ROUTE_BEST);
}

char *
unit_render_route(const char *md, int first_line, bool untrusted, enum markdown_route route)
{
	book *b = book_new(".");
	xmlNodePtr body;
	xmlDocPtr doc = xhtml_new_document(b, "text/x.xhtml", "T", NULL, &body);
	strset *ids = strset_new();
	markdown_opts o = {.file = "x.md", .first_line = first_line, .untrusted = untrusted,
	                   .ids = ids, .route = route};
	markdown_render(b, &o, md, strlen(md), body);
	chapter_text_heading_ids(body, ids, NULL);
	char *out;
	size_t len;
	xhtml_serialize(doc, &out, &len);
	xmlFreeDoc(doc);
	strset_free(ids);
	book_free(b);
	return out;
}

char *
unit_render(const char *md, bool untrusted)
{
	return unit_render_at(md, 1, untrusted);
}

bool
unit_has(const char *hay, const char *needle)
{
	return strstr(hay, needle) != NULL;
}
