/* sanitize.c - an allow-list copy of parsed HTML into XHTML. */
#include "sanitize.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>

#include "av.h"
#include "book.h"
#include "css.h"
#include "diag.h"
#include "html_values.h"
#include "slug.h"
#include "url.h"
#include "util.h"
#include "xhtml.h"

enum disposition {
	KEEP,        /* copy the element and its allowed attributes */
	UNWRAP,      /* drop the element, keep its content, warn */
	UNWRAP_QUIET,/* drop the element, keep its content */
	DROP,        /* drop the element and its content, warn */
	DROP_QUIET,  /* drop the element and its content */
};

struct element_rule {
	const char *name;
	enum disposition what;
	const char *rename; /* copy under another name */
};

/* Elements an EPUB 3 content document's body may hold, and what becomes of
 * the rest. Sorted by name for bsearch. */
static const struct element_rule element_rules[] = {
	{"a", KEEP, NULL},          {"abbr", KEEP, NULL},        {"acronym", KEEP, "abbr"},
	{"address", KEEP, NULL},    {"applet", DROP, NULL},      {"article", KEEP, NULL},
	{"aside", KEEP, NULL},      {"audio", DROP, NULL},       {"b", KEEP, NULL},
	{"base", DROP, NULL},       {"basefont", UNWRAP, NULL},  {"bdi", KEEP, NULL},
	{"bdo", KEEP, NULL},        {"big", UNWRAP, NULL},       {"blink", UNWRAP, NULL},
	{"blockquote", KEEP, NULL}, {"body", UNWRAP_QUIET, NULL}, {"br", KEEP, NULL},
	{"button", DROP, NULL},     {"canvas", DROP, NULL},      {"caption", KEEP, NULL},
	{"center", UNWRAP, NULL},   {"cite", KEEP, NULL},        {"code", KEEP, NULL},
	{"col", KEEP, NULL},        {"colgroup", KEEP, NULL},    {"data", KEEP, NULL},
	{"datalist", DROP, NULL},   {"dd", KEEP, NULL},          {"del", KEEP, NULL},
	{"details", KEEP, NULL},    {"dfn", KEEP, NULL},         {"dialog", UNWRAP, NULL},
	{"dir", KEEP, "ul"},        {"div", KEEP, NULL},         {"dl", KEEP, NULL},
	{"dt", KEEP, NULL},         {"em", KEEP, NULL},          {"embed", DROP, NULL},
	{"fieldset", UNWRAP, NULL}, {"figcaption", KEEP, NULL},  {"figure", KEEP, NULL},
	{"font", UNWRAP, NULL},     {"footer", KEEP, NULL},      {"form", UNWRAP, NULL},
	{"frame", DROP, NULL},      {"frameset", DROP, NULL},    {"h1", KEEP, NULL},
	{"h2", KEEP, NULL},         {"h3", KEEP, NULL},          {"h4", KEEP, NULL},
	{"h5", KEEP, NULL},         {"h6", KEEP, NULL},          {"head", UNWRAP_QUIET, NULL},
	{"header", KEEP, NULL},     {"hgroup", UNWRAP_QUIET, NULL}, {"hr", KEEP, NULL},
	{"html", UNWRAP_QUIET, NULL}, {"i", KEEP, NULL},         {"iframe", DROP, NULL},
	{"img", KEEP, NULL},        {"input", DROP, NULL},       {"ins", KEEP, NULL},
	{"kbd", KEEP, NULL},        {"label", UNWRAP_QUIET, NULL}, {"legend", UNWRAP, NULL},
	{"li", KEEP, NULL},         {"link", DROP, NULL},        {"main", UNWRAP_QUIET, NULL},
	{"map", DROP, NULL},        {"mark", KEEP, NULL},        {"marquee", UNWRAP, NULL},
	{"math", DROP, NULL},       {"menu", KEEP, "ul"},        {"meta", DROP, NULL},
	{"meter", UNWRAP, NULL},    {"nav", KEEP, NULL},         {"nobr", UNWRAP_QUIET, NULL},
	{"noembed", DROP, NULL},    {"noframes", DROP, NULL},    {"noscript", DROP, NULL},
	{"object", DROP, NULL},     {"ol", KEEP, NULL},          {"optgroup", DROP, NULL},
	{"option", DROP, NULL},     {"output", UNWRAP, NULL},    {"p", KEEP, NULL},
	{"param", DROP, NULL},      {"picture", UNWRAP, NULL},   {"plaintext", KEEP, "pre"},
	{"portal", DROP, NULL},     {"pre", KEEP, NULL},         {"progress", UNWRAP, NULL},
	{"q", KEEP, NULL},          {"rb", UNWRAP_QUIET, NULL},          {"rp", KEEP, NULL},
	{"rt", KEEP, NULL},         {"rtc", UNWRAP_QUIET, NULL},         {"ruby", KEEP, NULL},
	{"s", KEEP, NULL},          {"samp", KEEP, NULL},        {"script", DROP, NULL},
	{"search", UNWRAP, NULL},   {"section", KEEP, NULL},     {"select", DROP, NULL},
	{"slot", UNWRAP, NULL},     {"small", KEEP, NULL},       {"source", DROP_QUIET, NULL},
	{"span", KEEP, NULL},       {"strike", KEEP, "s"},       {"strong", KEEP, NULL},
	{"style", DROP, NULL},      {"sub", KEEP, NULL},         {"summary", KEEP, NULL},
	{"sup", KEEP, NULL},        {"svg", DROP, NULL},         {"table", KEEP, NULL},
	{"tbody", KEEP, NULL},      {"td", KEEP, NULL},          {"template", DROP, NULL},
	{"textarea", DROP, NULL},   {"tfoot", KEEP, NULL},       {"th", KEEP, NULL},
	{"thead", KEEP, NULL},      {"time", KEEP, NULL},        {"title", DROP, NULL},
	{"tr", KEEP, NULL},         {"track", DROP_QUIET, NULL}, {"tt", KEEP, "code"},
	{"u", KEEP, NULL},          {"ul", KEEP, NULL},          {"var", KEEP, NULL},
	{"video", DROP, NULL},      {"wbr", KEEP, NULL},         {"xmp", KEEP, "pre"},
};

static int
compare_rule(const void *key, const void *elem)
{
	return strcmp(key, ((const struct element_rule *)elem)->name);
}

static const struct element_rule *
find_rule(const char *name)
{
	return bsearch(name, element_rules, sizeof element_rules / sizeof *element_rules,
	               sizeof *element_rules, compare_rule);
}

/* ---- small helpers ---- */

/* Whether s holds a character XML 1.0 forbids. */
static bool
needs_cleaning(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
			return true;
		if (*p == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))
			return true;
	}
	return false;
}

char *
sanitize_clean_text(const char *s)
{
	size_t n = strlen(s);
	char *out = xmalloc(n + 1);
	size_t j = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
			continue;
		/* U+FFFE and U+FFFF: EF BF BE / EF BF BF */
		if (c == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBF &&
		    ((unsigned char)s[i + 2] == 0xBE || (unsigned char)s[i + 2] == 0xBF)) {
			i += 2;
			continue;
		}
		out[j++] = (char)c;
	}
	out[j] = '\0';
	return out;
}

int
sanitize_sourcepos_line(xmlNodePtr n)
{
	for (xmlAttrPtr a = n->properties; a; a = a->next)
		if (a->children && a->children->content &&
		    strcmp((const char *)a->name, "data-sourcepos") == 0)
			return atoi((const char *)a->children->content);
	return 0;
}

/* ---- the copy ---- */

static void copy_node(sanitize_ctx *ctx, xmlNodePtr src, xmlNodePtr dst, int line, int depth);

static void
copy_children(sanitize_ctx *ctx, xmlNodePtr src, xmlNodePtr dst, int line, int depth)
{
	for (xmlNodePtr n = src->children; n; n = n->next)
		copy_node(ctx, n, dst, line, depth);
}

void
sanitize_children(sanitize_ctx *ctx, xmlNodePtr src, xmlNodePtr dst, int line)
{
	copy_children(ctx, src, dst, line, 0);
}

void
sanitize_children_at(sanitize_ctx *ctx, xmlNodePtr src, xmlNodePtr dst, int line, int depth)
{
	copy_children(ctx, src, dst, line, depth);
}

static void
add_text(xmlNodePtr dst, const char *text)
{
	if (!needs_cleaning(text)) {
		xmlAddChild(dst, xmlNewDocText(dst->doc, BAD_CAST text));
		return;
	}
	char *clean = sanitize_clean_text(text);
	xmlAddChild(dst, xmlNewDocText(dst->doc, BAD_CAST clean));
	free(clean);
}

/* The attribute called name among attrs (first match), or NULL. */
static const sanitize_attr *
find_attr(const sanitize_attr *attrs, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(attrs[i].name, name))
			return &attrs[i];
	return NULL;
}

void
sanitize_add_text(xmlNodePtr dst, const char *text)
{
	add_text(dst, text);
}

static bool
has_class(const sanitize_attr *attrs, size_t nattrs, const char *cls)
{
	const sanitize_attr *a = find_attr(attrs, nattrs, "class");
	const char *v = a ? a->value : NULL;
	bool found = false;
	if (v) {
		size_t len = strlen(cls);
		for (const char *p = (const char *)v; (p = strstr(p, cls)) != NULL; p += len) {
			bool start = p == (const char *)v || p[-1] == ' ';
			bool end = p[len] == '\0' || p[len] == ' ';
			if (start && end) {
				found = true;
				break;
			}
		}
	}
	return found;
}

/* Copies one attribute after the checks, or warns. */
static void
copy_attribute(sanitize_ctx *ctx, xmlNodePtr out, const char *el, const sanitize_attr *a,
               int line, int col)
{
	const char *name = a->name;
	char *value = sanitize_clean_text(a->value ? a->value : "");

	if (!a->has_ns && str_starts_with(name, "on")) {
		diag_warning(ctx->file, line, col, "event handler '%s' on <%s> dropped", name, el);
		goto out;
	}
	/* How a browser fetches or opens (WordPress writes them on every image
	 * and link): nothing for a book, and no loss worth a word. */
	static const char *const browsing[] = {"data-sourcepos", "srcset", "sizes", "loading",
	                                       "decoding", "fetchpriority", "target", "rel",
	                                       "referrerpolicy", NULL};
	if (str_in(name, browsing))
		goto out;
	if (!strcmp(name, "epub:type")) {
		if (*value)
			xhtml_set_epub_type(out, value);
		goto out;
	}
	if (!strcmp(name, "style")) {
		if (css_is_inert(value, false))
			xmlSetProp(out, BAD_CAST "style", BAD_CAST value);
		else
			diag_warning(ctx->file, line, col,
			             "style attribute on <%s> dropped: it loads or runs something", el);
		goto out;
	}
	if (!strcmp(name, "href") || !strcmp(name, "src") || !strcmp(name, "cite") ||
	    !strcmp(name, "poster")) {
		if (!url_has_valid_host(value)) {
			diag_warning(ctx->file, line, col,
			             "link to '%.60s' dropped: its host name is not valid", value);
			goto out;
		}
		if (!url_is_safe(value, ctx->untrusted)) {
			diag_warning(ctx->file, line, col, "unsafe %s '%.60s' on <%s> dropped", name, value,
			             el);
			goto out;
		}
		char *valid = url_make_valid(value);
		if (valid == NULL || !url_is_safe(valid, ctx->untrusted)) {
			diag_warning(ctx->file, line, col,
			             "%s '%.60s' on <%s> dropped: it is not a valid address ('\\' "
			             "before the path, port or host)",
			             name, value, el);
			free(valid);
			goto out;
		}
		free(value);
		value = valid;
		/* A cite is no link mkbook resolves, and a relative one names a
		 * file of the book that is not there (EPUBCheck 5: RSC-007);
		 * WordPress posts hold prose in it ("deleted it"). */
		if (!strcmp(name, "cite") && !url_has_scheme(value)) {
			diag_warning(ctx->file, line, col,
			             "cite '%.60s' on <%s> dropped: it is not the web address of a source",
			             a->value, el);
			goto out;
		}
	}
	if (!strcmp(name, "id") || !strcmp(name, "name")) {
		if (!strcmp(name, "name") && strcmp(el, "a"))
			goto out;
		if (*value == '\0' || strchr(value, ' '))
			goto out;
		if (xmlHasProp(out, BAD_CAST "id"))
			goto out;
		if (!strset_add(ctx->ids, value)) {
			diag_warning(ctx->file, line, col, "duplicate id '%s' on <%s> dropped", value, el);
			goto out;
		}
		xmlSetProp(out, BAD_CAST "id", BAD_CAST value);
		goto out;
	}
	if (!strcmp(name, "lang")) {
		if (*value)
			xhtml_set_lang(out, value);
		goto out;
	}
	if (!strcmp(name, "dir")) {
		if (!strcmp(value, "ltr") || !strcmp(value, "rtl") || !strcmp(value, "auto"))
			xmlSetProp(out, BAD_CAST "dir", BAD_CAST value);
		goto out;
	}
	if (html_attribute_is_data(name)) {
		if (!str_starts_with(name, "data-footnote"))
			xmlSetProp(out, BAD_CAST name, BAD_CAST value);
		goto out;
	}
	if (!strcmp(name, "aria-hidden") && strcmp(value, "true") && strcmp(value, "false"))
		goto out;
	if (html_attribute_allowed(el, name, value)) {
		if (!html_value_ok(el, name, value)) {
			diag_warning(ctx->file, line, col, "%s=\"%.40s\" on <%s> is not a valid value; dropped",
			             name, value, el);
			goto out;
		}
		if (!strcmp(name, "reversed") || !strcmp(name, "open") || !strcmp(name, "controls") ||
		    !strcmp(name, "loop") || !strcmp(name, "muted") || !strcmp(name, "default"))
			xmlSetProp(out, BAD_CAST name, BAD_CAST name);
		else
			xmlSetProp(out, BAD_CAST name, BAD_CAST value);
		goto out;
	}
	if (html_attribute_is_presentational(name))
		diag_warning(ctx->file, line, col,
		             "presentational attribute '%s' on <%s> dropped; the stylesheet decides",
		             name, el);
	else
		diag_warning(ctx->file, line, col, "attribute '%s' is not allowed on <%s>; dropped", name,
		             el);
out:
	free(value);
}

/* The line for diagnostics as its source line in the Markdown file. Raw
 * HTML can forge data-sourcepos and line markers: a line no file reaches
 * is no line (0), rather than an overflow. */
static int
file_line(sanitize_ctx *ctx, int line)
{
	if (line <= 0 || line > INT_MAX - (ctx->line_offset > 0 ? ctx->line_offset : 0))
		return 0;
	return line + ctx->line_offset;
}

/* Alt text. A Markdown image written without a description comes marked
 * SANITIZE_NO_ALT (markdown.c warned about it) and gets alt=""; a raw
 * <img> without alt gets alt="" and a warning; a raw alt="" is the
 * author's word that the image is decoration, and role="presentation"
 * tells screen readers so (and opf.c, which counts described images). */
static void
check_alt(sanitize_ctx *ctx, xmlNodePtr img, int line, int col)
{
	xmlChar *alt = xmlGetProp(img, BAD_CAST "alt");
	if (alt && !xmlStrcmp(alt, BAD_CAST SANITIZE_NO_ALT)) {
		xmlSetProp(img, BAD_CAST "alt", BAD_CAST "");
	} else if (alt == NULL) {
		xmlChar *src = xmlGetProp(img, BAD_CAST "src");
		if (src && !ctx->untrusted)
			diag_warning(ctx->file, line, col,
			             "<img> '%.60s' has no alt attribute: give it alt=\"what it shows\", "
			             "or alt=\"\" if it is only decoration",
			             (const char *)src);
		xmlFree(src);
		xmlSetProp(img, BAD_CAST "alt", BAD_CAST "");
	} else if (*alt == '\0') {
		xmlSetProp(img, BAD_CAST "role", BAD_CAST "presentation");
	}
	xmlFree(alt);
}

/* Headings of a chapter go down one level at a time (h1, h2, h3), as
 * screen readers and Ace's heading-order rule expect; the first may start
 * at any level. A jump is a warning: mkbook does not renumber the
 * author's outline. */
static void
check_heading_level(sanitize_ctx *ctx, int level, int line, int col)
{
	if (ctx->last_heading > 0 && level > ctx->last_heading + 1)
		diag_warning(ctx->file, line, col,
		             "heading level %d follows level %d: make it level %d (%.*s), so that "
		             "the outline skips no level",
		             level, ctx->last_heading, ctx->last_heading + 1, ctx->last_heading + 1,
		             "######");
	ctx->last_heading = level;
}

static bool
has_descendant(xmlNodePtr n, const char *name)
{
	for (xmlNodePtr c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    (!strcmp((const char *)c->name, name) || has_descendant(c, name)))
			return true;
	return false;
}

static xmlNodePtr
find_id(xmlNodePtr n, const char *id)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		xmlChar *v = xmlGetProp(c, BAD_CAST "id");
		bool hit = v && !strcmp((const char *)v, id);
		xmlFree(v);
		if (hit)
			return c;
		xmlNodePtr r = find_id(c, id);
		if (r)
			return r;
	}
	return NULL;
}

/* Gives a footnote or note reference (n) its id. The ids of notes are
 * mkbook's: raw HTML that took one first (<p id="fn-2">) loses it, with a
 * warning, so that the note and the links to it meet. */
static void
claim_note_id(sanitize_ctx *ctx, xmlNodePtr n, const char *id, int line)
{
	if (!strset_add(ctx->ids, id)) {
		xmlNodePtr top = xmlDocGetRootElement(n->doc);
		xmlNodePtr holder = top ? find_id(top, id) : NULL;
		if (holder == NULL)
			return; /* claimed, but not in this document's tree yet */
		diag_warning(ctx->file, line, 0,
		             "id '%s' on <%s> dropped: a footnote of this page uses it", id,
		             (const char *)holder->name);
		xmlUnsetProp(holder, BAD_CAST "id");
	}
	xmlSetProp(n, BAD_CAST "id", BAD_CAST id);
}

/* cmark-gfm's footnote list: <section class="footnotes" data-footnotes>
 * <ol><li id="fn-x">...</li></ol></section> becomes a section of
 * <aside epub:type="footnote"> notes, each led by its number, which links
 * back to the first reference. */
static void
copy_footnotes(sanitize_ctx *ctx, xmlNodePtr src, xmlNodePtr dst, int line, int depth)
{
	xmlNodePtr sec = xhtml_add(dst, "section", NULL);
	xmlSetProp(sec, BAD_CAST "class", BAD_CAST "footnotes");
	xhtml_set_epub_type(sec, "footnotes");
	if (ctx->notes_label)
		xmlSetProp(sec, BAD_CAST "aria-label", BAD_CAST ctx->notes_label);
	int number = 0;
	for (xmlNodePtr ol = src->children; ol; ol = ol->next) {
		if (ol->type != XML_ELEMENT_NODE || strcmp((const char *)ol->name, "ol"))
			continue;
		for (xmlNodePtr li = ol->children; li; li = li->next) {
			if (li->type != XML_ELEMENT_NODE || strcmp((const char *)li->name, "li"))
				continue;
			number++;
			xmlChar *id = xmlGetProp(li, BAD_CAST "id");
			xmlNodePtr aside = xhtml_add(sec, "aside", NULL);
			xmlSetProp(aside, BAD_CAST "class", BAD_CAST "footnote");
			xhtml_set_epub_type(aside, "footnote");
			xmlSetProp(aside, BAD_CAST "role", BAD_CAST "doc-footnote");
			char *nid = xasprintf("%s%s", ctx->id_prefix ? ctx->id_prefix : "",
			                      id ? (const char *)id : "fn");
			claim_note_id(ctx, aside, nid, file_line(ctx, line));
			/* The number, as the way back to the first reference. */
			xmlNodePtr first = NULL;
			for (xmlNodePtr c = li->children; c; c = c->next)
				if (c->type == XML_ELEMENT_NODE) {
					first = c;
					break;
				}
			copy_children(ctx, li, aside, line, depth + 1);
			xmlNodePtr into = aside;
			for (xmlNodePtr c = aside->children; c; c = c->next)
				if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, "p")) {
					into = c;
					break;
				}
			(void)first;
			xmlNodePtr back = xmlNewDocNode(dst->doc, xhtml_ns(dst), BAD_CAST "a", NULL);
			char *num = xasprintf("%d.", number);
			xmlAddChild(back, xmlNewDocText(dst->doc, BAD_CAST num));
			free(num);
			char *ref = xasprintf("%sfnref-%s", ctx->id_prefix ? ctx->id_prefix : "",
			                      id && str_starts_with((const char *)id, "fn-")
			                          ? (const char *)id + 3
			                          : "");
			/* cmark-gfm's ids hold %XX for what a label has beyond ASCII. */
			char *href = slug_fragment(ref);
			free(ref);
			ref = href;
			href = xasprintf("#%s", ref);
			free(ref);
			xmlSetProp(back, BAD_CAST "href", BAD_CAST href);
			xmlSetProp(back, BAD_CAST "class", BAD_CAST "backlink");
			xmlSetProp(back, BAD_CAST "role", BAD_CAST "doc-backlink");
			if (ctx->backlink_label)
				xmlSetProp(back, BAD_CAST "aria-label", BAD_CAST ctx->backlink_label);
			free(href);
			if (into->children) {
				xmlAddPrevSibling(into->children, back);
				xmlAddNextSibling(back, xmlNewDocText(dst->doc, BAD_CAST " "));
			} else {
				xmlAddChild(into, back);
			}
			free(nid);
			xmlFree(id);
		}
	}
}

bool
sanitize_open_element(sanitize_ctx *ctx, xmlNodePtr dst, const char *name,
                      const sanitize_attr *attrs, size_t nattrs, int here, int line, int depth,
                      sanitize_element *e)
{
	int col = 0;
	if (here > 0) {
		line = here;
	} else if (ctx->raw_line >= line) {
		line = ctx->raw_line;
		col = ctx->raw_col;
	}
	int fline = file_line(ctx, line);
	*e = (sanitize_element){.line = line, .fline = fline, .col = col};

	if (depth > MKBOOK_MAX_DEPTH) {
		if (ctx->errors++ == 0)
			diag_error(ctx->file, fline, col,
			           "HTML nested deeper than %d levels; flatten it", MKBOOK_MAX_DEPTH);
		return false;
	}

	/* cmark-gfm's own constructs. */
	if (!strcmp(name, "a") && has_class(attrs, nattrs, "footnote-backref"))
		return false; /* replaced by the note's number */
	if (!strcmp(name, "input") && dst->name && !strcmp((const char *)dst->name, "li")) {
		const sanitize_attr *type = find_attr(attrs, nattrs, "type");
		if (type && type->value && !strcasecmp(type->value, "checkbox")) {
			bool checked = find_attr(attrs, nattrs, "checked") != NULL;
			xmlNodePtr span = xhtml_add(dst, "span", checked ? "\u2611" : "\u2610");
			xmlSetProp(span, BAD_CAST "class", BAD_CAST "task-box");
			xmlSetProp(dst, BAD_CAST "class", BAD_CAST "task");
			return false;
		}
	}

	if (av_is_media(name) && ctx->untrusted) {
		/* Without attributes (av_open sees the rest): nothing to play. */
		av_leave_out(ctx->file, name, NULL, "it names no file", fline, col);
		e->into = dst;
		return true;
	}
	const struct element_rule *rule = find_rule(name);
	enum disposition what = rule ? rule->what : UNWRAP;
	if (ctx->untrusted && rule && !strcmp(name, "img"))
		what = DROP;
	/* A chapter's sound and video, kept for links.c to pack (av.h). */
	if (av_is_media(name))
		what = KEEP;
	if ((!strcmp(name, "source") || !strcmp(name, "track")) && !ctx->untrusted &&
	    dst->type == XML_ELEMENT_NODE && av_is_media((const char *)dst->name))
		what = av_keeps_child(ctx, name, attrs, nattrs, fline, col) ? KEEP : DROP_QUIET;
	switch (what) {
	case DROP:
		/* An element never closed holds the rest of its block (the rest of
		 * the chapter, in an HTML block): the message says how far. */
		diag_warning(ctx->file, fline, col,
		             "<%s> dropped with everything up to its </%s> (without one, to the end "
		             "of the block it stands in): %s",
		             name, name,
		             !strcmp(name, "script") || !strcmp(name, "iframe") ||
		                     !strcmp(name, "object") || !strcmp(name, "embed") ||
		                     !strcmp(name, "applet")
		                 ? "e-books run no active content"
		             : !strcmp(name, "svg") || !strcmp(name, "math")
		                 ? "put it in an image file and link that"
		                 : "it has no place in an e-book");
		return false;
	case DROP_QUIET:
		return false;
	case UNWRAP:
		diag_warning(ctx->file, fline, col, "<%s> is not allowed in an e-book; its text is kept",
		             name);
		/* fall through */
	case UNWRAP_QUIET:
		e->into = dst;
		return true;
	case KEEP:
		break;
	}
	const char *out_name = rule->rename ? rule->rename : name;
	xmlNodePtr out = xhtml_add(dst, out_name, NULL);
	bool noteref = !strcmp(name, "a") && find_attr(attrs, nattrs, "data-footnote-ref");
	for (size_t i = 0; i < nattrs; i++) {
		/* A note reference's id is claimed here, or below with its prefix. */
		bool prefixed = ctx->id_prefix && *ctx->id_prefix;
		if (noteref && !strcmp(attrs[i].name, "id")) {
			if (!prefixed && attrs[i].value && *attrs[i].value)
				claim_note_id(ctx, out, attrs[i].value, fline);
			continue;
		}
		copy_attribute(ctx, out, out_name, &attrs[i], fline, col);
	}
	if (noteref) {
		/* A note reference: its ids get the prefix that keeps comments'
		 * notes apart. */
		xhtml_set_epub_type(out, "noteref");
		xmlSetProp(out, BAD_CAST "role", BAD_CAST "doc-noteref");
		xmlSetProp(out, BAD_CAST "class", BAD_CAST "noteref");
		if (ctx->id_prefix && *ctx->id_prefix) {
			xmlChar *href = xmlGetProp(out, BAD_CAST "href");
			if (href && href[0] == '#') {
				char *t = xasprintf("%s%s", ctx->id_prefix, (const char *)href + 1);
				char *f = slug_fragment(t);
				char *h = xasprintf("#%s", f);
				xmlSetProp(out, BAD_CAST "href", BAD_CAST h);
				free(h);
				free(f);
				free(t);
			}
			xmlFree(href);
			const sanitize_attr *id = find_attr(attrs, nattrs, "id");
			if (id && id->value && *id->value) {
				char *i = xasprintf("%s%s", ctx->id_prefix, id->value);
				claim_note_id(ctx, out, i, fline);
				free(i);
			}
		}
	}
	if (!strcmp(out_name, "bdo")) {
		/* <bdo> overrides the direction it names; without ltr or rtl it
		 * names none, and mkbook does not guess one: a span. */
		xmlChar *dir = xmlGetProp(out, BAD_CAST "dir");
		if (dir == NULL || !xmlStrcmp(dir, BAD_CAST "auto")) {
			diag_warning(ctx->file, fline, col,
			             "<bdo> without dir=\"ltr\" or dir=\"rtl\" overrides nothing; "
			             "made a <span>");
			xmlNodeSetName(out, BAD_CAST "span");
		}
		xmlFree(dir);
	}
	if (av_is_media(name))
		xmlSetProp(out, BAD_CAST "controls", BAD_CAST "controls"); /* else nothing plays it */
	if ((!strcmp(name, "a") || !strcmp(name, "img") || av_is_media(name)) && fline > 0) {
		char l[16];
		snprintf(l, sizeof l, "%d", fline);
		xmlSetProp(out, BAD_CAST "data-mkbook-line", BAD_CAST l);
	}
	if (!strcmp(out_name, "img"))
		check_alt(ctx, out, fline, col);
	if (!strcmp(out_name, "img") && !xmlHasProp(out, BAD_CAST "src")) {
		/* No safe source (file:, data:...): the description stands in. */
		xmlChar *alt = xmlGetProp(out, BAD_CAST "alt");
		xmlUnlinkNode(out);
		xmlFreeNode(out);
		if (alt && *alt)
			add_text(dst, (const char *)alt);
		xmlFree(alt);
		return false;
	}
	if (!ctx->untrusted && out_name[0] == 'h' && out_name[1] >= '1' && out_name[1] <= '6' &&
	    out_name[2] == '\0')
		check_heading_level(ctx, out_name[1] - '0', fline, col);
	e->out = out;
	if (xhtml_is_void_element(out_name))
		return false;
	e->into = out;
	return true;
}

void
sanitize_close_element(sanitize_ctx *ctx, const sanitize_element *e)
{
	if (!ctx->untrusted && e->out && !strcmp((const char *)e->out->name, "table") &&
	    !has_descendant(e->out, "th"))
		diag_warning(ctx->file, e->fline, e->col,
		             "table without header cells: screen readers cannot name its columns; "
		             "make its first row <th> cells");
}

/* The attributes of an element of the parsed HTML, as the copy takes them;
 * the values are the caller's to free with free_attrs. */
static sanitize_attr *
gather_attrs(xmlNodePtr src, size_t *n)
{
	size_t count = 0;
	for (xmlAttrPtr a = src->properties; a; a = a->next)
		count++;
	sanitize_attr *attrs = xcalloc(count ? count : 1, sizeof *attrs);
	size_t i = 0;
	for (xmlAttrPtr a = src->properties; a; a = a->next, i++) {
		xmlChar *v = xmlNodeListGetString(a->doc, a->children, 1);
		attrs[i] = (sanitize_attr){(const char *)a->name, v ? (const char *)v : NULL,
		                           a->ns != NULL};
	}
	*n = count;
	return attrs;
}

static void
free_attrs(sanitize_attr *attrs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		xmlFree((xmlChar *)attrs[i].value);
	free(attrs);
}

bool
sanitize_open_parsed(sanitize_ctx *ctx, xmlNodePtr dst, xmlNodePtr src, int line, int depth,
                     sanitize_element *e)
{
	if (av_is_media((const char *)src->name) && depth <= MKBOOK_MAX_DEPTH &&
	    !av_is_packed(ctx, src)) {
		int here = sanitize_sourcepos_line(src);
		int at = here > 0 ? here : ctx->raw_line >= line ? ctx->raw_line : line;
		*e = (sanitize_element){.line = at, .fline = file_line(ctx, at),
		                        .col = here <= 0 && ctx->raw_line >= line ? ctx->raw_col : 0};
		return av_open(ctx, dst, src, e->fline, e->col, e);
	}
	size_t nattrs;
	sanitize_attr *attrs = gather_attrs(src, &nattrs);
	bool open = sanitize_open_element(ctx, dst, (const char *)src->name, attrs, nattrs,
	                                  sanitize_sourcepos_line(src), line, depth, e);
	free_attrs(attrs, nattrs);
	return open;
}

static void
copy_element(sanitize_ctx *ctx, xmlNodePtr src, xmlNodePtr dst, int line, int depth)
{
	const char *name = (const char *)src->name;
	if (depth <= MKBOOK_MAX_DEPTH && !strcmp(name, "section") &&
	    xmlHasProp(src, BAD_CAST "data-footnotes")) {
		int here = sanitize_sourcepos_line(src);
		copy_footnotes(ctx, src, dst,
		               here > 0 ? here : ctx->raw_line >= line ? ctx->raw_line : line, depth);
		return;
	}
	sanitize_element e;
	if (sanitize_open_parsed(ctx, dst, src, line, depth, &e)) {
		copy_children(ctx, src, e.into, e.line, depth + 1);
		sanitize_close_element(ctx, &e);
	}
}

static void
copy_node(sanitize_ctx *ctx, xmlNodePtr src, xmlNodePtr dst, int line, int depth)
{
	switch (src->type) {
	case XML_ELEMENT_NODE:
		copy_element(ctx, src, dst, line, depth);
		/* libxml2's HTML 4 parser lets an HTML 5 void element (embed,
		 * source, track, wbr) swallow what follows it: that belongs after. */
		if (xhtml_is_void_element((const char *)src->name))
			copy_children(ctx, src, dst, line, depth + 1);
		break;
	case XML_TEXT_NODE:
	case XML_CDATA_SECTION_NODE:
		if (src->content)
			add_text(dst, (const char *)src->content);
		break;
	case XML_COMMENT_NODE:
		if (src->content && str_starts_with((const char *)src->content, "mkbook-line:")) {
			const char *p = (const char *)src->content + 12;
			ctx->raw_line = atoi(p);
			const char *c = strchr(p, ':');
			ctx->raw_col = c ? atoi(c + 1) : 0;
		}
		break;
	case XML_ENTITY_REF_NODE: {
		xmlChar *s = xmlNodeGetContent(src);
		if (s)
			add_text(dst, (const char *)s);
		xmlFree(s);
		break;
	}
	default:
		break; /* comments, processing instructions: dropped */
	}
}

/* ---- content models ---- */

static bool
is_phrasing(const char *name)
{
	static const char *const p[] = {"a", "abbr", "audio", "b", "bdi", "bdo", "br", "cite",
	                                "code", "data", "del", "dfn", "em", "i", "img", "ins", "kbd",
	                                "mark", "q", "rb", "rp", "rt", "rtc", "ruby", "s", "samp",
	                                "small", "span", "strong", "sub", "sup", "time", "u", "var",
	                                "video", "wbr", NULL};
	return str_in(name, p);
}

/* Elements whose content must be phrasing (besides phrasing elements). */
static bool
wants_phrasing(const char *name)
{
	static const char *const p[] = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "summary", NULL};
	return str_in(name, p) || (is_phrasing(name) && strcmp(name, "a") && strcmp(name, "ins") &&
	                            strcmp(name, "del"));
}

static bool
is_blank_text(xmlNodePtr n)
{
	if (n->type != XML_TEXT_NODE)
		return false;
	for (const xmlChar *p = n->content; p && *p; p++)
		if (*p != ' ' && *p != '\n' && *p != '\t' && *p != '\r')
			return false;
	return true;
}

static void
rename_element(xmlNodePtr n, const char *name)
{
	xmlNodeSetName(n, BAD_CAST name);
}

/* Wraps every run of children of parent that allowed() refuses in a new
 * element named wrapper (blank text between allowed children stays). */
static void
wrap_strays(xmlNodePtr parent, bool (*allowed)(xmlNodePtr), const char *wrapper)
{
	xmlNodePtr run = NULL;
	xmlNodePtr c = parent->children;
	while (c) {
		xmlNodePtr next = c->next;
		bool ok = allowed(c) || (is_blank_text(c) && run == NULL) ||
		          (c->type != XML_ELEMENT_NODE && c->type != XML_TEXT_NODE);
		if (ok) {
			run = NULL;
		} else {
			if (run == NULL) {
				run = xmlNewDocNode(parent->doc, parent->ns, BAD_CAST wrapper, NULL);
				xmlAddPrevSibling(c, run);
			}
			xmlUnlinkNode(c);
			xmlAddChild(run, c);
		}
		c = next;
	}
}

static bool
is_li(xmlNodePtr n)
{
	return n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, "li");
}

static bool
is_cell(xmlNodePtr n)
{
	return n->type == XML_ELEMENT_NODE &&
	       (!strcmp((const char *)n->name, "td") || !strcmp((const char *)n->name, "th"));
}

static bool
is_row(xmlNodePtr n)
{
	return n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, "tr");
}

static bool
is_table_part(xmlNodePtr n)
{
	static const char *const p[] = {"caption", "colgroup", "thead", "tbody", "tfoot", "tr", NULL};
	return n->type == XML_ELEMENT_NODE && str_in((const char *)n->name, p);
}

static bool
is_dl_part(xmlNodePtr n)
{
	static const char *const p[] = {"dt", "dd", "div", NULL};
	return n->type == XML_ELEMENT_NODE && str_in((const char *)n->name, p);
}

static void
fix_node(xmlNodePtr n, bool phrasing, bool in_link)
{
	for (xmlNodePtr c = n->children; c;) {
		xmlNodePtr next = c->next;
		if (c->type != XML_ELEMENT_NODE) {
			c = next;
			continue;
		}
		const char *name = (const char *)c->name;
		bool link = !strcmp(name, "a");
		if (link && in_link) {
			/* A link inside a link: keep the text, drop the inner link. */
			xmlNodePtr first = c->children;
			for (xmlNodePtr k = c->children; k;) {
				xmlNodePtr kn = k->next;
				xmlUnlinkNode(k);
				xmlAddPrevSibling(c, k);
				k = kn;
			}
			xmlUnlinkNode(c);
			xmlFreeNode(c);
			c = first ? first : next;
			continue;
		}
		/* A media element's sources and tracks are its own, in any context. */
		bool source = (!strcmp(name, "source") || !strcmp(name, "track")) &&
		              av_is_media((const char *)n->name);
		if (phrasing && !is_phrasing(name) && !source)
			rename_element(c, "span");
		else if (!phrasing && !strcmp(name, "li") && strcmp((const char *)n->name, "ul") &&
		         strcmp((const char *)n->name, "ol"))
			rename_element(c, "div");
		name = (const char *)c->name;
		if (!strcmp(name, "ul") || !strcmp(name, "ol"))
			wrap_strays(c, is_li, "li");
		else if (!strcmp(name, "tr"))
			wrap_strays(c, is_cell, "td");
		else if (!strcmp(name, "thead") || !strcmp(name, "tbody") || !strcmp(name, "tfoot"))
			wrap_strays(c, is_row, "tr");
		else if (!strcmp(name, "dl"))
			wrap_strays(c, is_dl_part, "dd");
		else if (!strcmp(name, "table")) {
			/* Stray content goes before the table, in order. */
			for (xmlNodePtr k = c->children; k;) {
				xmlNodePtr kn = k->next;
				if (!is_table_part(k) && !is_blank_text(k) &&
				    (k->type == XML_ELEMENT_NODE || k->type == XML_TEXT_NODE)) {
					xmlUnlinkNode(k);
					xmlAddPrevSibling(c, k);
				}
				k = kn;
			}
			wrap_strays(c, is_table_part, "tbody"); /* nothing left to wrap */
		}
		fix_node(c, phrasing || wants_phrasing(name), in_link || link);
		c = next;
	}
}

void
sanitize_fix_structure(xmlNodePtr root)
{
	fix_node(root, false, false);
}
