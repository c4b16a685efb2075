/* html_md_int.h - the parts of the HTML -> Markdown converter that its
 * files share (not for other modules: they use html_md.h).
 *
 *   html_md.c         the entry points, the block walk (paragraphs,
 *                     headings, lists, quotations, code, tables)
 *   html_md_inline.c  inline content: text and its escaping, emphasis,
 *                     links, images, code spans, line breaks
 *   html_md_dom.c     questions to the parsed HTML: dropped elements,
 *                     blocks, attributes, classes, an element's text
 *   html_md_url.c     link and image addresses: resolved, checked, written
 *   html_md_raw.c     the raw HTML blocks written where Markdown has no form
 *   wpautop.c         WordPress editor text -> HTML: block comments,
 *                     bare embed URLs, paragraphs from blank lines
 *   shortcode.c       [caption], [gallery], [embed], [audio], [video];
 *                     unknown shortcodes kept with a warning */
#ifndef MKBOOK_IMPORT_HTML_MD_INT_H
#define MKBOOK_IMPORT_HTML_MD_INT_H

#include <libxml/tree.h>

#include "import/html_md.h"
#include "util.h"

/* Deeper nesting than this is written as plain text, so that recursion
 * stays bounded whatever the input. */
#define HM_MAX_DEPTH 96

/* The state of one conversion. */
typedef struct hm_ctx {
	const html_md_options *opt;
	bool untrusted;
	/* WordPress editor text: straight quotes, "--" and "..." are left
	 * for mkbook's smart punctuation, as WordPress shows them curled. */
	bool smart_ok;
	int depth;
	int in_link;
	int in_heading; /* line breaks become spaces, '#' is escaped */
	int in_table;   /* line breaks become <br />, '|' in code spans too */
	int in_em, in_strong, in_del;
	int verse; /* text line ends are line breaks (a poem) */
	xmlNodePtr header_row; /* raw HTML: the row whose cells become <th> */
	int last_heading;      /* level of the last heading written, 0: none */
	size_t floor; /* inline output before it belongs to an enclosing
	                 element: a line break trims no space below it */
	bool text_end_safe; /* what follows the text being written ends an
	                       address there (see hm_text) */
} hm_ctx;

/* html_md_dom.c */

/* The text content of n and its descendants (iteratively, any depth),
 * <br> and blocks as line ends, dropped elements left out. Caller frees. */
char *hm_text_content(xmlNodePtr n);
/* Whether elements of this name are dropped with their content (script,
 * form...). */
bool hm_is_skipped(const char *name);
/* Whether the node is such an element, or one that is not shown (the
 * hidden attribute, style="display: none"). */
bool hm_is_dropped(xmlNodePtr n);
/* Whether the element is block-level for the walk. */
bool hm_is_block(xmlNodePtr n);
/* The attribute's value (a copy the caller frees) or NULL. */
char *hm_attr(xmlNodePtr n, const char *name);
/* Whether the class attribute of n holds the word cls. */
bool hm_has_class(xmlNodePtr n, const char *cls);
/* Escapes s as HTML text or an attribute value (quotes too) into out. */
void hm_put_html_escaped(strbuf *out, const char *s);

/* html_md_inline.c */

/* Appends the Markdown of the inline node n (text or element) to out. */
void hm_inline_node(hm_ctx *c, xmlNodePtr n, strbuf *out);
/* The same for n and each sibling after it. */
void hm_inline_siblings(hm_ctx *c, xmlNodePtr n, strbuf *out);
/* Appends text with white space folded and Markdown's characters escaped. */
void hm_text(hm_ctx *c, const char *s, strbuf *out);
/* Turns the inline Markdown gathered in para into a finished paragraph:
 * trimmed, without line breaks at its ends, and (with line_starts) each
 * line's start escaped where it would begin a block; a heading's or a
 * table cell's text needs no such escapes. Returns NULL when nothing is
 * left (only white space); else a string the caller frees. para is
 * emptied. */
char *hm_para_finish(strbuf *para, bool line_starts);
/* html_md_url.c */

/* The address to link to for href: made absolute against base_url and
 * allowed by the URL policy (untrusted: http, https, mailto). NULL when
 * it cannot be a link. Caller frees. */
char *hm_link_url(hm_ctx *c, const char *href);
/* The path to show for the image element img (asked of opt->image), or
 * NULL when there is none to be had; *alt is set to its alt text (owned
 * by the tree, or NULL). Caller frees the path. */
char *hm_image_path(hm_ctx *c, xmlNodePtr img, const char **alt);
/* Whether an image is an emoji or smiley, its alt text the character. */
bool hm_is_emoji(xmlNodePtr img);
/* Whether a link wraps nothing but an image and points at an image file
 * (WordPress's "link to media file"): the image alone is kept. */
xmlNodePtr hm_lone_media_image(xmlNodePtr a);
/* Appends a link destination to out, escaped for Markdown. */
void hm_put_destination(strbuf *out, const char *url);

/* html_md.c: the level to write for a heading of the given level, in
 * order (see html_md_options.heading_top). */
int hm_heading_level(hm_ctx *c, int level);

/* html_md_raw.c */

/* n as one raw HTML block that cmark-gfm keeps whole: it starts a line
 * with a block element's tag and holds no blank line. NULL when nothing
 * is left of it. Caller frees. */
char *hm_raw_html(hm_ctx *c, xmlNodePtr n);

/* wpautop.c */

/* WordPress editor text to the HTML WordPress would show: Gutenberg block
 * comments removed (their content kept), shortcodes expanded (shortcode.c),
 * bare URLs on a line of their own made links, and wpautop's paragraphs
 * and line breaks outside blocks. Caller frees. */
char *hm_wordpress_html(const char *text, const html_md_options *opt);
/* WordPress's wpautop on text (no block comments in it). Caller frees. */
char *hm_wpautop(const char *text);
/* Bare http(s) URLs alone on a line (outside tags and <pre>) become
 * links, as WordPress's auto-embed falls back to. Caller frees. */
char *hm_autoembed(const char *text);

/* shortcode.c */

/* Expands the shortcodes of text (outside <pre>, <code>, <script>,
 * <style> and tags). first_line is the line of text's start in opt->file
 * (0 if unknown), for the warning an unknown shortcode gets. Caller
 * frees. */
char *hm_shortcodes(const char *text, const html_md_options *opt, int first_line);
/* Where the element opened at s ("<pre", "<script", "<style", "<svg",
 * "<textarea", and with with_code "<code") ends, past its closing tag (or
 * at the end of s); s itself when s opens none of them. */
const char *hm_skip_verbatim(const char *s, bool with_code);

#endif
