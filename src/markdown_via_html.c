/* markdown_via_html.c - the reference renderer: cmark-gfm's HTML, read
 * back with libxml2's HTML parser (so that raw HTML split over several
 * cmark-gfm nodes is read whole) and copied through the sanitiser. See
 * markdown_renderers.h. */
#include "markdown_renderers.h"

#include <stdlib.h>
#include <string.h>
#include <cmark-gfm-extension_api.h>
#include <libxml/HTMLparser.h>

#include "html_source.h"
#include "util.h"

/* cmark-gfm's HTML renderer writes no tags for a strong emphasis that
 * stands directly in another one, from 0.29.0.gfm.10 on (Debian 13 has
 * 0.29.0.gfm.13): "__foo, __bar__, baz__" (CommonMark example 389) and
 * "____foo____" each come out as one <strong>, where 0.29.0.gfm.6
 * (Debian 12) writes the two the AST holds, as CommonMark 0.31.2's spec
 * and the direct renderer do (the GFM spec shipped with gfm.13 was changed
 * to expect one). The AST is the same in both. So each such inner strong
 * goes, while the HTML is written, into a custom inline node that writes
 * nothing: its parent is no longer a strong, and every version writes its
 * tags. libxml2 (2.9.14 in both releases) keeps nested identical elements
 * (<strong>, <em>, <del>) as they come. */
char *
markdown_cmark_html(cmark_node *n, int options, cmark_llist *exts)
{
	cmark_node **wrappers = NULL;
	size_t count = 0;
	cmark_iter *it = cmark_iter_new(n);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *c = cmark_iter_get_node(it);
		cmark_node *parent = cmark_node_parent(c);
		cmark_node_type type = cmark_node_get_type(c);
		if (ev == CMARK_EVENT_ENTER &&
		    (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE)) {
			/* An empty comment "<!-->" hid the text after it. */
			const char *lit = cmark_node_get_literal(c);
			size_t fixed_len;
			char *fixed = lit ? html_source_close_empty_comments(lit, strlen(lit), &fixed_len)
			                  : NULL;
			if (fixed)
				cmark_node_set_literal(c, fixed);
			free(fixed);
		}
		if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(c) == CMARK_NODE_STRONG &&
		    parent && cmark_node_get_type(parent) == CMARK_NODE_STRONG) {
			wrappers = xgrow(wrappers, count, sizeof *wrappers);
			wrappers[count++] = c; /* for now the strong; its wrapper below */
		}
	}
	cmark_iter_free(it);
	/* Moved only now: the iterator must not see the tree change. (cmark-gfm
	 * lets a strong hold a custom inline and a custom inline a strong.) */
	for (size_t i = 0; i < count; i++) {
		cmark_node *strong = wrappers[i];
		cmark_node *w = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
		if (cmark_node_insert_before(strong, w))
			cmark_node_append_child(w, strong);
		wrappers[i] = w;
	}
	char *html = cmark_render_html(n, options, exts);
	for (size_t i = count; i-- > 0;) {
		cmark_node *w = wrappers[i], *c;
		while ((c = cmark_node_first_child(w)) != NULL && cmark_node_insert_before(w, c))
			;
		cmark_node_free(w); /* also one that stayed empty or out of the tree */
	}
	free(wrappers);
	return html;
}

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
	char *html = markdown_cmark_html(mp->root, mp->options,
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
