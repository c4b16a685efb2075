/* markdown_direct_scope.c - which chapters the direct renderer takes, and
 * how it tells cmark-gfm's nodes apart: the extensions' node kinds, and
 * the pieces of inline HTML it can build without the HTML parser (see
 * markdown_direct.h). */
#include "markdown_direct.h"

#include <string.h>
#include <strings.h>
#include <cmark-gfm-extension_api.h>

#include "util.h"

enum markdown_ext_kind
markdown_direct_ext_kind(cmark_node *n)
{
	cmark_node_type type = cmark_node_get_type(n);
	bool inline_type = (type & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_INLINE;
	/* The extensions' types come after cmark-gfm's own, whose last are
	 * the footnote nodes. */
	if (type <= (inline_type ? CMARK_NODE_FOOTNOTE_REFERENCE : CMARK_NODE_FOOTNOTE_DEFINITION))
		return MD_EXT_NONE;
	const char *t = cmark_node_get_type_string(n);
	if (!strcmp(t, "table"))
		return MD_EXT_TABLE;
	if (!strcmp(t, "table_row"))
		return MD_EXT_ROW;
	if (!strcmp(t, "table_header"))
		return MD_EXT_HEADER_ROW;
	if (!strcmp(t, "table_cell"))
		return MD_EXT_CELL;
	if (!strcmp(t, "strikethrough"))
		return MD_EXT_STRIKE;
	return MD_EXT_NONE;
}

bool
markdown_direct_is_task_item(cmark_node *n)
{
	return cmark_node_get_syntax_extension(n) != NULL &&
	       !strcmp(cmark_node_get_type_string(n), "tasklist");
}

/* Phrasing elements whose tags, balanced within one inline container, read
 * the same alone as in the whole chapter. */
static bool
is_simple_inline_tag(const char *name, size_t len)
{
	static const char *const tags[] = {
	    "a",    "abbr", "b",    "bdi",  "bdo", "br",   "cite", "code", "data", "del",
	    "dfn",  "em",   "i",    "img",  "ins", "kbd",  "mark", "q",    "s",    "samp",
	    "small", "span", "strong", "sub", "sup", "time", "u",   "var",  NULL};
	for (int i = 0; tags[i]; i++)
		if (strlen(tags[i]) == len && !strncasecmp(tags[i], name, len))
			return true;
	return false;
}

static bool
is_void_tag(const char *name, size_t len)
{
	return (len == 2 && !strncasecmp(name, "br", 2)) || (len == 3 && !strncasecmp(name, "img", 3));
}

enum markdown_tag_kind
markdown_direct_classify_tag(const char *lit, const char **name, size_t *len)
{
	if (str_starts_with(lit, "<!--mkbook-line:")) {
		const char *end = strstr(lit, "-->");
		if (end == NULL)
			return MD_TAG_OTHER;
		lit = end + 3;
	}
	if (str_starts_with(lit, "<!--")) {
		/* One comment, ending the piece. */
		const char *end = strstr(lit + 4, "-->");
		return end && end[3] == '\0' ? MD_TAG_COMMENT : MD_TAG_OTHER;
	}
	bool closing = lit[0] == '<' && lit[1] == '/';
	const char *p = lit + (closing ? 2 : 1);
	if (lit[0] != '<')
		return MD_TAG_OTHER;
	size_t n = 0;
	while ((p[n] >= 'a' && p[n] <= 'z') || (p[n] >= 'A' && p[n] <= 'Z') ||
	       (p[n] >= '0' && p[n] <= '9'))
		n++;
	if (n == 0 || !is_simple_inline_tag(p, n))
		return MD_TAG_OTHER;
	*name = p;
	*len = n;
	size_t total = strlen(lit);
	if (total < 2 || lit[total - 1] != '>')
		return MD_TAG_OTHER;
	bool self_closing = lit[total - 2] == '/';
	if (closing)
		return self_closing ? MD_TAG_OTHER : MD_TAG_CLOSE;
	if (is_void_tag(p, n))
		return MD_TAG_VOID;
	return self_closing ? MD_TAG_OTHER : MD_TAG_OPEN;
}

bool
markdown_direct_tag_has_attributes(const char *name, size_t len)
{
	const char *p = name + len;
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
		p++;
	if (*p == '/')
		p++;
	return !(p[0] == '>' && p[1] == '\0');
}

/* Whether the inline HTML among container's children opens and closes
 * known phrasing tags in order. */
static bool
inline_html_balanced(cmark_node *container)
{
	const char *stack[32];
	size_t lens[32];
	size_t depth = 0;
	for (cmark_node *c = cmark_node_first_child(container); c; c = cmark_node_next(c)) {
		if (cmark_node_get_type(c) != CMARK_NODE_HTML_INLINE)
			continue;
		const char *name = NULL;
		size_t len = 0;
		switch (markdown_direct_classify_tag(cmark_node_get_literal(c), &name, &len)) {
		case MD_TAG_OTHER:
			return false;
		case MD_TAG_COMMENT:
		case MD_TAG_VOID:
			break;
		case MD_TAG_OPEN:
			if (depth == sizeof stack / sizeof *stack)
				return false;
			stack[depth] = name;
			lens[depth++] = len;
			break;
		case MD_TAG_CLOSE:
			if (depth == 0 || lens[depth - 1] != len ||
			    strncasecmp(stack[depth - 1], name, len))
				return false;
			depth--;
			break;
		}
	}
	return depth == 0;
}

bool
markdown_direct_supported(cmark_node *root)
{
	bool ok = true;
	int links = 0;  /* links open around the current node */
	int images = 0; /* images, the same */
	int notes = 0;  /* note definitions, the same */
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	while (ok && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		if (ev == CMARK_EVENT_EXIT) {
			links -= t == CMARK_NODE_LINK;
			images -= t == CMARK_NODE_IMAGE;
			notes -= t == CMARK_NODE_FOOTNOTE_DEFINITION;
			continue;
		}
		switch (t) {
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_CUSTOM_BLOCK:
		case CMARK_NODE_CUSTOM_INLINE:
			ok = false;
			break;
		case CMARK_NODE_LINK:
			/* cmark-gfm's autolinks can land inside a link; the HTML
			 * parser closes the outer one there. */
			ok = links == 0;
			if (cmark_node_first_child(n) != NULL)
				links++;
			break;
		case CMARK_NODE_IMAGE:
			images++;
			break;
		case CMARK_NODE_FOOTNOTE_DEFINITION: {
			/* cmark-gfm puts the notes last; anything after one would be
			 * taken for a note. */
			cmark_node *next = cmark_node_next(n);
			ok = next == NULL || cmark_node_get_type(next) == CMARK_NODE_FOOTNOTE_DEFINITION;
			notes++;
			break;
		}
		case CMARK_NODE_FOOTNOTE_REFERENCE:
			/* cmark-gfm numbers a note's references in source order,
			 * those in notes and image descriptions too; the builder
			 * counts those it meets, in the body. */
			ok = links == 0 && images == 0 && notes == 0;
			break;
		case CMARK_NODE_HTML_INLINE:
			ok = inline_html_balanced(cmark_node_parent(n));
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	return ok;
}
