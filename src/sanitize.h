/* sanitize.h - HTML, as libxml2's HTML parser reads it, into safe XHTML.
 *
 * The source tree (cmark-gfm's rendering of a chapter, raw HTML included)
 * is copied element by element into a libxml2 tree in the XHTML namespace:
 * allowed elements and attributes pass, active content (scripts, event
 * handlers, javascript: URLs, frames, objects, forms) is dropped, unknown
 * or obsolete markup is unwrapped keeping its text, and each drop that
 * loses something the author wrote is a warning with file:line. cmark-gfm's
 * own constructs (footnotes, task lists, table alignment) become their EPUB
 * forms. */
#ifndef MKBOOK_SANITIZE_H
#define MKBOOK_SANITIZE_H

#include <stdbool.h>
#include <libxml/tree.h>

#include "util.h"

typedef struct sanitize_ctx {
	const char *file;       /* for diagnostics */
	int line_offset;        /* added to data-sourcepos lines */
	bool untrusted;         /* reader comments: no images, no local links */
	strset *ids;            /* ids already used in the target document */
	const char *id_prefix;  /* prefix for footnote ids ("" for chapters) */
	const char *notes_label;    /* aria-label of the notes section */
	const char *backlink_label; /* aria-label of a note's way back */
	int errors;             /* errors reported (too deep) */
	int raw_line;           /* position of the raw HTML being copied, from */
	int raw_col;            /* the markers markdown.c puts before it */
	int last_heading;       /* level of the last heading copied, 0 = none */
} sanitize_ctx;

/* The alt text markdown.c gives a Markdown image written without a
 * description (![](x.png)), after warning about it: the sanitiser makes it
 * alt="", which a raw <img alt=""> is too, but marks only the latter as
 * decoration. */
#define SANITIZE_NO_ALT "mkbook:no-alt"

/* Copies the children of src (an HTML element) into dst (an element of an
 * XHTML document) under the rules above. line is the source line in force
 * at src (0 when unknown). */
void sanitize_children(sanitize_ctx *ctx, xmlNodePtr src, xmlNodePtr dst, int line);

/* One attribute of an element to copy; value NULL for a valueless one
 * (<section data-footnotes>); has_ns when it came with a namespace prefix. */
typedef struct sanitize_attr {
	const char *name;
	const char *value;
	bool has_ns;
} sanitize_attr;

/* What sanitize_open_element made of an element: out is the copy (NULL when
 * unwrapped, dropped or replaced), into where its children go (out, or dst
 * when unwrapped), line the source line in force inside it, fline and col
 * its position in the file for diagnostics. */
typedef struct sanitize_element {
	xmlNodePtr out;
	xmlNodePtr into;
	int line, fline, col;
} sanitize_element;

/* The copy of one element, without its children, under the rules above:
 * name and attrs as the HTML parser would give them, here its own source
 * line (0: none), line the one in force around it, depth its nesting.
 * Returns true when its children are to be copied, into e->into (then
 * call sanitize_close_element after them); false when the element was
 * dropped with its content, replaced, or is void. Builders that know the
 * elements they make (markdown_direct.c) call it as the copy does. */
bool sanitize_open_element(sanitize_ctx *ctx, xmlNodePtr dst, const char *name,
                           const sanitize_attr *attrs, size_t nattrs, int here, int line,
                           int depth, sanitize_element *e);
/* sanitize_open_element for src, an element of a parsed HTML document,
 * with its attributes. */
bool sanitize_open_parsed(sanitize_ctx *ctx, xmlNodePtr dst, xmlNodePtr src, int line, int depth,
                          sanitize_element *e);
/* The checks that need an element's children (a table's header cells). */
void sanitize_close_element(sanitize_ctx *ctx, const sanitize_element *e);
/* As sanitize_children, for src's children standing at nesting depth. */
void sanitize_children_at(sanitize_ctx *ctx, xmlNodePtr src, xmlNodePtr dst, int line,
                          int depth);
/* Appends text to dst as XML allows it (forbidden characters dropped). */
void sanitize_add_text(xmlNodePtr dst, const char *text);

/* Rearranges what the copy under root breaks of XHTML's content models,
 * as malformed raw HTML leaves it: block elements inside phrasing (a <pre>
 * in a <p>) become spans, list items outside lists become divisions,
 * anything but items in a list, cells in a row or rows in a table is
 * wrapped in one, links inside links are unwrapped. No text is lost. */
void sanitize_fix_structure(xmlNodePtr root);

/* A copy of s without the characters XML 1.0 forbids (C0 controls but tab,
 * LF and CR; U+FFFE and U+FFFF). Caller frees. */
char *sanitize_clean_text(const char *s);
/* The line where an element's data-sourcepos="L:C-L:C" starts, or 0. */
int sanitize_sourcepos_line(xmlNodePtr n);

#endif
