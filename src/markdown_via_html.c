/* markdown_via_html.c - the reference renderer: cmark-gfm's HTML, read
 * back with libxml2's HTML parser (so that raw HTML split over several
 * cmark-gfm nodes is read whole) and copied through the sanitiser. See
 * markdown_renderers.h. */
#include "markdown_renderers.h"

#include <stdlib.h>
#include <string.h>
#include <cmark-gfm-extension_api.h>
#include <libxml/HTMLparser.h>

void
markdown_parse_free(markdown_parse *mp)
{
	if (mp->root)
		cmark_node_free(mp->root);
	if (mp->parser)
		cmark_parser_free(mp->parser);
	free(mp->text);
	*mp = (markdown_parse){0};
}

bool
markdown_via_html_build(sanitize_ctx *sc, markdown_parse *mp, xmlNodePtr parent)
{
	char *html = cmark_render_html(mp->root, mp->options,
	                               cmark_parser_get_syntax_extensions(mp->parser));
	/* Each form of the chapter goes once the next is made: on a big
	 * chapter (a 0.8 MB changelog) they are tens of MB each. */
	markdown_parse_free(mp);
	size_t hlen = strlen(html);
	htmlDocPtr hdoc = NULL;
	if (hlen > 0)
		hdoc = htmlReadMemory(html, (int)hlen, NULL, "UTF-8",
		                      HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
		                          HTML_PARSE_NODEFDTD);
	free(html);
	if (hdoc == NULL)
		return false;
	/* An xmlDoc starts like an xmlNode: its children are the top nodes. */
	sanitize_children(sc, (xmlNodePtr)hdoc, parent, 0);
	xmlFreeDoc(hdoc);
	return true;
}
