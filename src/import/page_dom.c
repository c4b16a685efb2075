/* page_dom.c - the saved page as a tree: parsing, the class and text
 * helpers the finders share, the cleaning of a part and the choice of an
 * image's real address. */
#include "import/page.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <libxml/HTMLtree.h>
#include <libxml/uri.h>

#include "html_source.h"
#include "url.h"
#include "util.h"

/* ---- parsing ---- */

static void
count_error(void *ctx, xmlErrorPtr err)
{
	(void)err;
	(*(int *)ctx)++;
}

/* Whether the first bytes of the page declare a charset; when they do not,
 * the page is read as UTF-8 (what browsers write when they save). */
static bool
declares_charset(const char *data, size_t len)
{
	size_t n = len < 4096 ? len : 4096;
	for (size_t i = 0; i + 8 <= n; i++)
		if (strncasecmp(data + i, "charset=", 8) == 0)
			return true;
	return len >= 2 && ((unsigned char)data[0] == 0xFE || (unsigned char)data[0] == 0xFF);
}

htmlDocPtr
page_parse(const char *data, size_t len, int *nerrors)
{
	*nerrors = 0;
	if (len > (size_t)0x7fffffff)
		return NULL;
	/* The HTML parser reports through the structured handler, which
	 * counts here, instead of printing; whatever handler was set before
	 * is put back. */
	xmlStructuredErrorFunc prev = xmlStructuredError;
	void *prev_ctx = xmlStructuredErrorContext;
	xmlSetStructuredErrorFunc(nerrors, count_error);
	/* An empty comment "<!-->" would hide the text after it. */
	size_t mended_len = 0;
	char *mended = html_source_close_empty_comments(data, len, &mended_len);
	htmlDocPtr doc = NULL;
	if (mended == NULL || mended_len <= (size_t)0x7fffffff)
		doc = htmlReadMemory(mended ? mended : data, (int)(mended ? mended_len : len), NULL,
		                     declares_charset(data, len) ? NULL : "UTF-8",
		                     HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
		                         HTML_PARSE_RECOVER | HTML_PARSE_NODEFDTD);
	free(mended);
	xmlSetStructuredErrorFunc(prev_ctx, prev);
	if (doc && !xmlDocGetRootElement(doc)) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	return doc;
}

/* ---- classes and attributes ---- */

bool
page_is(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && xmlStrcasecmp(n->name, BAD_CAST name) == 0;
}

char *
page_attr(xmlNodePtr n, const char *name)
{
	if (!n || n->type != XML_ELEMENT_NODE)
		return NULL;
	xmlChar *v = xmlGetProp(n, BAD_CAST name);
	if (!v)
		return NULL;
	char *s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

/* Whether the space-separated list s holds tok; ci: ASCII case-insensitive. */
static bool
list_has(const char *s, const char *tok, bool ci)
{
	size_t tl = strlen(tok);
	while (s && *s) {
		while (*s && isspace((unsigned char)*s))
			s++;
		size_t l = 0;
		while (s[l] && !isspace((unsigned char)s[l]))
			l++;
		if (l == tl && (ci ? strncasecmp(s, tok, l) : strncmp(s, tok, l)) == 0)
			return true;
		s += l;
	}
	return false;
}

bool
page_has_class(xmlNodePtr n, const char *cls)
{
	if (!n || n->type != XML_ELEMENT_NODE)
		return false;
	xmlChar *v = xmlGetProp(n, BAD_CAST "class");
	bool r = v && list_has((const char *)v, cls, false);
	xmlFree(v);
	return r;
}

bool
page_attr_has_token(xmlNodePtr n, const char *name, const char *tok)
{
	if (!n || n->type != XML_ELEMENT_NODE)
		return false;
	xmlChar *v = xmlGetProp(n, BAD_CAST name);
	bool r = v && list_has((const char *)v, tok, true);
	xmlFree(v);
	return r;
}

static bool
ci_contains(const char *s, const char *part)
{
	size_t pl = strlen(part);
	for (; s && *s; s++)
		if (strncasecmp(s, part, pl) == 0)
			return true;
	return false;
}

bool
page_class_has_any(xmlNodePtr n, const char *const *parts, size_t nparts)
{
	if (!n || n->type != XML_ELEMENT_NODE)
		return false;
	xmlChar *cls = xmlGetProp(n, BAD_CAST "class");
	xmlChar *id = xmlGetProp(n, BAD_CAST "id");
	bool r = false;
	for (size_t i = 0; i < nparts && !r && (cls || id); i++)
		r = ci_contains((const char *)cls, parts[i]) || ci_contains((const char *)id, parts[i]);
	xmlFree(cls);
	xmlFree(id);
	return r;
}

bool
page_class_has_part(xmlNodePtr n, const char *part)
{
	if (!n || n->type != XML_ELEMENT_NODE)
		return false;
	bool r = false;
	xmlChar *v = xmlGetProp(n, BAD_CAST "class");
	if (v && ci_contains((const char *)v, part))
		r = true;
	xmlFree(v);
	if (!r) {
		v = xmlGetProp(n, BAD_CAST "id");
		r = v && ci_contains((const char *)v, part);
		xmlFree(v);
	}
	return r;
}

/* ---- walking ---- */

xmlNodePtr
page_next(xmlNodePtr n, xmlNodePtr root, bool skip_children)
{
	if (!skip_children) {
		for (xmlNodePtr c = n->children; c; c = c->next)
			if (c->type == XML_ELEMENT_NODE)
				return c;
	}
	while (n && n != root) {
		for (xmlNodePtr s = n->next; s; s = s->next)
			if (s->type == XML_ELEMENT_NODE)
				return s;
		n = n->parent;
	}
	return NULL;
}

xmlNodePtr
page_find_class(xmlNodePtr root, const char *cls)
{
	for (xmlNodePtr n = root; n; n = page_next(n, root, false))
		if (page_has_class(n, cls))
			return n;
	return NULL;
}

xmlNodePtr
page_find_elem(xmlNodePtr root, const char *name)
{
	for (xmlNodePtr n = root; n; n = page_next(n, root, false))
		if (page_is(n, name))
			return n;
	return NULL;
}

bool
page_is_frame(xmlNodePtr n)
{
	return page_is(n, "html") || page_is(n, "body") || page_is(n, "main");
}

bool
page_is_within(xmlNodePtr n, xmlNodePtr anc)
{
	for (; n; n = n->parent)
		if (n == anc)
			return true;
	return false;
}

/* ---- text ---- */

static void
text_walk(xmlNodePtr n, strbuf *sb)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			strbuf_puts(sb, (const char *)c->content);
		} else if (c->type == XML_ELEMENT_NODE) {
			if (page_is(c, "script") || page_is(c, "style") || page_is(c, "template"))
				continue;
			bool block = page_is(c, "p") || page_is(c, "div") || page_is(c, "br") ||
			             page_is(c, "li") || page_is(c, "h1") || page_is(c, "h2") ||
			             page_is(c, "h3") || page_is(c, "h4") || page_is(c, "td");
			if (block)
				strbuf_putc(sb, ' ');
			text_walk(c, sb);
			if (block)
				strbuf_putc(sb, ' ');
		}
	}
}

char *
page_text(xmlNodePtr n)
{
	strbuf sb = {0};
	if (n && (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE))
		strbuf_puts(&sb, (const char *)n->content);
	else if (n)
		text_walk(n, &sb);
	/* Fold runs of white space (ASCII and no-break space) into one space. */
	strbuf out = {0};
	bool space = true;
	const char *s = sb.data ? sb.data : "";
	for (size_t i = 0; s[i]; i++) {
		unsigned char c = (unsigned char)s[i];
		bool ws = isspace(c) || (c == 0xC2 && (unsigned char)s[i + 1] == 0xA0);
		if (ws) {
			if (c == 0xC2)
				i++;
			if (!space)
				strbuf_putc(&out, ' ');
			space = true;
		} else {
			strbuf_putc(&out, (char)c);
			space = false;
		}
	}
	strbuf_free(&sb);
	char *r = strbuf_take(&out);
	if (!r)
		return xstrdup("");
	size_t l = strlen(r);
	if (l && r[l - 1] == ' ')
		r[l - 1] = '\0';
	return r;
}

char *
page_inner_html(xmlNodePtr n)
{
	strbuf sb = {0};
	xmlBufferPtr buf = xmlBufferCreate();
	for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next) {
		xmlBufferEmpty(buf);
		htmlNodeDump(buf, n->doc, c);
		strbuf_append(&sb, (const char *)xmlBufferContent(buf), (size_t)xmlBufferLength(buf));
	}
	xmlBufferFree(buf);
	char *r = strbuf_take(&sb);
	return r ? r : xstrdup("");
}

char *
page_time_value(xmlNodePtr n)
{
	char *v = page_attr(n, "datetime");
	if (!v)
		v = page_attr(n, "content");
	if (!v && page_is(n, "time"))
		v = page_text(n);
	if (v && date_parse_iso8601(str_trim(v), NULL, NULL, NULL, NULL) > 0)
		return v;
	free(v);
	return NULL;
}

/* ---- cleaning ---- */

/* Elements that never go into a book, by name. */
static const char *const drop_elems[] = {
    "script", "style", "noscript", "iframe", "frame", "frameset", "object", "embed",
    "applet", "template", "form", "input", "button", "select", "textarea", "label",
    "nav", "aside", "header", "footer", "dialog", "menu", "link", "meta", "base",
    "svg", "canvas", "audio", "video", "source", "track", "map", "area",
};

/* Parts of class names and ids of chrome: share buttons, ads, cookie
 * notices, widgets, newsletter boxes, comment forms and Reply links. */
static const char *const drop_parts[] = {
    "share", "sharing", "social", "addtoany", "sharedaddy", "cookie", "gdpr", "consent",
    "newsletter", "subscribe", "sidebar", "advert", "adsbygoogle", "sponsor",
    "banner", "popup", "modal", "breadcrumb", "pagination", "post-navigation",
    "nav-links", "respond", "comment-form", "reply", "screen-reader", "sr-only",
    "visually-hidden", "skip-link", "print-only",
};

/* Whether a class token names an ad: "ad", "ads", or a word of a
 * hyphenated token ("ad-slot", "header-ads"); a part "ad" alone would
 * match "head" or "read". */
static bool
is_ad_token(const char *t, size_t l)
{
	static const char *const words[] = {"ad", "ads"};
	for (size_t i = 0; i < 2; i++) {
		size_t wl = strlen(words[i]);
		if (l < wl)
			continue;
		if ((l == wl || t[wl] == '-') && strncasecmp(t, words[i], wl) == 0)
			return true;
		if ((l == wl || t[l - wl - 1] == '-') && strncasecmp(t + l - wl, words[i], wl) == 0)
			return true;
	}
	return false;
}

/* Whether a class token names a WordPress widget ("widget",
 * "widget_search", "widget-area"); page builders' "elementor-widget"
 * boxes hold the article itself. */
static bool
is_widget_token(const char *t, size_t l)
{
	return (l == 6 || (l > 6 && (t[6] == '_' || t[6] == '-'))) && strncasecmp(t, "widget", 6) == 0;
}

/* Whether one of n's class tokens satisfies test. */
static bool
some_class_token(xmlNodePtr n, bool (*test)(const char *t, size_t l))
{
	if (!n || n->type != XML_ELEMENT_NODE)
		return false;
	xmlChar *v = xmlGetProp(n, BAD_CAST "class");
	bool r = false;
	for (const char *s = (const char *)v; s && *s && !r;) {
		while (*s && isspace((unsigned char)*s))
			s++;
		size_t l = 0;
		while (s[l] && !isspace((unsigned char)s[l]))
			l++;
		r = l && test(s, l);
		s += l;
	}
	xmlFree(v);
	return r;
}

bool
page_has_widget_class(xmlNodePtr n)
{
	return some_class_token(n, is_widget_token);
}

static bool
has_ad_class(xmlNodePtr n)
{
	return some_class_token(n, is_ad_token);
}

static bool
is_hidden(xmlNodePtr n)
{
	if (xmlHasProp(n, BAD_CAST "hidden"))
		return true;
	char *aria = page_attr(n, "aria-hidden");
	bool r = aria && strcasecmp(aria, "true") == 0 && !page_is(n, "img");
	free(aria);
	if (r)
		return true;
	char *style = page_attr(n, "style");
	if (style) {
		strbuf sb = {0};
		for (const char *s = style; *s; s++)
			if (!isspace((unsigned char)*s))
				strbuf_putc(&sb, (char)tolower((unsigned char)*s));
		r = sb.data && (strstr(sb.data, "display:none") || strstr(sb.data, "visibility:hidden"));
		strbuf_free(&sb);
		free(style);
	}
	return r;
}

static bool
is_chrome(xmlNodePtr n)
{
	/* The page's frame carries the theme's state in its classes
	 * ("has-sidebar"), not chrome. */
	if (page_is_frame(n) || page_is(n, "article"))
		return false;
	/* A quotation's footer names its source. */
	if (page_is(n, "footer") && (page_is(n->parent, "blockquote") || page_is(n->parent, "figure")))
		return false;
	for (size_t i = 0; i < sizeof drop_elems / sizeof *drop_elems; i++)
		if (page_is(n, drop_elems[i]))
			return true;
	if (n->type != XML_ELEMENT_NODE)
		return false;
	if (page_class_has_any(n, drop_parts, sizeof drop_parts / sizeof *drop_parts))
		return true;
	if (has_ad_class(n) || page_has_widget_class(n))
		return true;
	return page_attr_has_token(n, "role", "navigation") ||
	       page_attr_has_token(n, "role", "complementary") ||
	       page_attr_has_token(n, "role", "banner") || is_hidden(n);
}

/* Removes on* attributes and javascript:/vbscript:/data: links of n. */
static void
strip_active(xmlNodePtr n)
{
	xmlAttrPtr a = n->properties;
	while (a) {
		xmlAttrPtr next = a->next;
		bool drop = strncasecmp((const char *)a->name, "on", 2) == 0;
		if (!drop && (xmlStrcasecmp(a->name, BAD_CAST "href") == 0 ||
		              xmlStrcasecmp(a->name, BAD_CAST "action") == 0 ||
		              xmlStrcasecmp(a->name, BAD_CAST "formaction") == 0)) {
			xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);
			const char *s = (const char *)v;
			drop = s && !url_is_safe(s, false);
			xmlFree(v);
		}
		if (drop)
			xmlRemoveProp(a);
		a = next;
	}
}

/* Removes the markup comments (<!-- -->) among n's children. */
static void
drop_markup_comments(xmlNodePtr n)
{
	for (xmlNodePtr c = n->children; c;) {
		xmlNodePtr next = c->next;
		if (c->type == XML_COMMENT_NODE) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		}
		c = next;
	}
}

bool
page_is_chrome(xmlNodePtr n)
{
	return is_chrome(n);
}

/* Elements that say nothing when they hold no text and no image. */
static const char *const prunable[] = {"p", "div", "span", "section", "figure", "ul", "ol", "li",
                                       "h1", "h2", "h3", "h4", "h5", "h6", "a", "em", "strong",
                                       "b", "i", "small", "blockquote"};

static bool
is_empty(xmlNodePtr n)
{
	bool can = false;
	for (size_t i = 0; i < sizeof prunable / sizeof *prunable && !can; i++)
		can = page_is(n, prunable[i]);
	if (!can || page_find_elem(n, "img") || page_find_elem(n, "hr") || page_find_elem(n, "table"))
		return false;
	char *t = page_text(n);
	bool empty = !*t;
	free(t);
	return empty;
}

void
page_clean(xmlNodePtr root, int *removed)
{
	drop_markup_comments(root);
	xmlNodePtr n = page_next(root, root, false);
	while (n) {
		if (is_chrome(n)) {
			xmlNodePtr next = page_next(n, root, true);
			xmlUnlinkNode(n);
			xmlFreeNode(n);
			if (removed)
				(*removed)++;
			n = next;
			continue;
		}
		strip_active(n);
		drop_markup_comments(n);
		n = page_next(n, root, false);
	}
	/* What held only chrome is empty now. */
	n = page_next(root, root, false);
	while (n) {
		xmlNodePtr next = page_next(n, root, true);
		if (is_empty(n)) {
			xmlUnlinkNode(n);
			xmlFreeNode(n);
			n = next;
		} else {
			n = page_next(n, root, false);
		}
	}
}

/* ---- images ---- */

/* The file a relative address names under base_dir, if it is a regular
 * file there; NULL otherwise. Caller frees. */
static char *
local_file(const char *url, const char *base_dir)
{
	if (!base_dir || !*url || url[0] == '/' || url_has_scheme(url))
		return NULL;
	strbuf sb = {0};
	for (const char *s = url; *s && *s != '?' && *s != '#'; s++) {
		if (s[0] == '%' && isxdigit((unsigned char)s[1]) && isxdigit((unsigned char)s[2])) {
			char hex[3] = {s[1], s[2], 0};
			strbuf_putc(&sb, (char)strtol(hex, NULL, 16));
			s += 2;
		} else {
			strbuf_putc(&sb, *s);
		}
	}
	char *rel = sb.data ? path_normalize_relative(sb.data) : NULL;
	strbuf_free(&sb);
	if (!rel)
		return NULL;
	char *path = path_join(base_dir, rel);
	free(rel);
	struct stat st;
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
		free(path);
		return NULL;
	}
	return path;
}

typedef struct cand {
	char *url;
	double size; /* srcset width or density; 0 for a plain attribute */
} cand;

static void
cand_add(cand **c, size_t *n, const char *url, size_t len, double size)
{
	while (len && isspace((unsigned char)*url)) {
		url++;
		len--;
	}
	while (len && isspace((unsigned char)url[len - 1]))
		len--;
	if (!len || url_scheme_is(url, "data") || url_scheme_is(url, "about") ||
	    url_scheme_is(url, "javascript"))
		return;
	*c = xgrow(*c, *n, sizeof **c);
	(*c)[*n].url = xstrndup(url, len);
	(*c)[*n].size = size;
	(*n)++;
}

static int
cand_cmp(const void *a, const void *b)
{
	double x = ((const cand *)a)->size, y = ((const cand *)b)->size;
	return x < y ? 1 : x > y ? -1 : 0;
}

/* Appends the candidates of a srcset value, largest first. */
static void
srcset_add(cand **c, size_t *n, const char *set)
{
	size_t first = *n;
	const char *s = set;
	while (s && *s) {
		while (*s && (isspace((unsigned char)*s) || *s == ','))
			s++;
		if (!*s)
			break;
		const char *u = s;
		while (*s && !isspace((unsigned char)*s))
			s++;
		size_t ul = (size_t)(s - u);
		/* A URL may end with the comma that separates candidates. */
		bool ended = ul && u[ul - 1] == ',';
		if (ended)
			ul--;
		double size = 1;
		if (!ended) {
			while (*s && isspace((unsigned char)*s))
				s++;
			const char *d = s;
			while (*s && *s != ',')
				s++;
			char *desc = xstrndup(d, (size_t)(s - d));
			char *end = NULL;
			double v = strtod(desc, &end);
			if (end != desc && v > 0)
				size = v;
			free(desc);
		}
		cand_add(c, n, u, ul, size);
	}
	if (*n > first)
		qsort(*c + first, *n - first, sizeof **c, cand_cmp);
}

char *
page_image_src(xmlNodePtr img, const char *base_dir)
{
	static const char *const lazy[] = {"data-lazy-src", "data-src", "data-original"};
	static const char *const sets[] = {"data-lazy-srcset", "data-srcset", "srcset"};
	cand *c = NULL;
	size_t n = 0;
	for (size_t i = 0; i < sizeof lazy / sizeof *lazy; i++) {
		char *v = page_attr(img, lazy[i]);
		if (v)
			cand_add(&c, &n, v, strlen(v), 0);
		free(v);
	}
	for (size_t i = 0; i < sizeof sets / sizeof *sets; i++) {
		char *v = page_attr(img, sets[i]);
		srcset_add(&c, &n, v);
		free(v);
	}
	char *src = page_attr(img, "src");
	if (src)
		cand_add(&c, &n, src, strlen(src), 0);
	free(src);
	/* A saved page holds what the browser showed: the first candidate
	 * the saved folder has wins; else the first in order of preference. */
	char *pick = NULL;
	for (size_t i = 0; i < n && !pick; i++) {
		char *f = local_file(c[i].url, base_dir);
		if (f)
			pick = xstrdup(c[i].url);
		free(f);
	}
	if (!pick && n)
		pick = xstrdup(c[0].url);
	for (size_t i = 0; i < n; i++)
		free(c[i].url);
	free(c);
	return pick;
}

/* The width and height a PNG or GIF file declares, or false. */
static bool
image_file_size(const char *path, long *w, long *h)
{
	char *data = NULL;
	size_t len = 0;
	bool ok = false;
	if (path_read_file(path, &data, &len, 0) != 0)
		return false;
	const unsigned char *b = (const unsigned char *)data;
	if (len >= 24 && memcmp(b, "\x89PNG", 4) == 0) {
		*w = (long)b[16] << 24 | (long)b[17] << 16 | b[18] << 8 | b[19];
		*h = (long)b[20] << 24 | (long)b[21] << 16 | b[22] << 8 | b[23];
		ok = true;
	} else if (len >= 10 && memcmp(b, "GIF8", 4) == 0) {
		*w = b[6] | b[7] << 8;
		*h = b[8] | b[9] << 8;
		ok = true;
	}
	free(data);
	return ok;
}

static long
dim_attr(xmlNodePtr img, const char *name)
{
	char *v = page_attr(img, name);
	long r = v && isdigit((unsigned char)*v) ? strtol(v, NULL, 10) : -1;
	free(v);
	return r;
}

/* Address parts of trackers and avatar services. */
static const char *const never_src[] = {
    "gravatar.com/avatar", "/avatar", "pixel.wp.com", "stats.wp.com",
    "google-analytics.com", "doubleclick.net", "facebook.com/tr", "/pixel.",
};

/* Why img is no part of the text, or NULL when it is. */
static const char *
image_is_chrome(xmlNodePtr img, const char *src, const char *base_dir)
{
	if (!src)
		return "no address";
	/* An address that is neither on the web nor in the saved folder
	 * shows nothing (src="x" onerror=...). */
	char *local = local_file(src, base_dir);
	bool nowhere = !local && url_web_host(src) == NULL && strncmp(src, "//", 2) != 0;
	free(local);
	if (nowhere && base_dir)
		return "no such file";
	if (page_class_has_part(img, "avatar") || page_class_has_part(img, "logo") ||
	    page_class_has_part(img, "icon"))
		return "avatar, logo or icon";
	for (size_t i = 0; i < sizeof never_src / sizeof *never_src; i++)
		if (ci_contains(src, never_src[i]))
			return "avatar or tracker";
	long w = dim_attr(img, "width"), h = dim_attr(img, "height");
	char *f = local_file(src, base_dir);
	if (f && (w < 0 || h < 0))
		image_file_size(f, &w, &h);
	free(f);
	if (w >= 0 && h >= 0 && w <= 1 && h <= 1)
		return "tracking pixel";
	for (xmlNodePtr a = img->parent; a && a->type == XML_ELEMENT_NODE; a = a->parent)
		if (page_class_has_part(a, "avatar") || page_class_has_part(a, "logo"))
			return "avatar or logo";
	return NULL;
}

int
page_settle_images(xmlNodePtr root, const char *base_dir, int *dropped)
{
	static const char *const strip[] = {"data-lazy-src",    "data-src",    "data-original",
	                                    "data-lazy-srcset", "data-srcset", "srcset",
	                                    "sizes",            "loading",     "decoding"};
	int kept = 0;
	xmlNodePtr n = page_next(root, root, false);
	while (n) {
		xmlNodePtr next = page_next(n, root, true);
		if (!page_is(n, "img")) {
			n = page_next(n, root, false);
			continue;
		}
		/* WordPress's emoji images stand for their alt text. */
		if (page_has_class(n, "emoji") || page_has_class(n, "wp-smiley")) {
			char *alt = page_attr(n, "alt");
			if (alt && *alt)
				xmlAddPrevSibling(n, xmlNewText(BAD_CAST alt));
			free(alt);
			xmlUnlinkNode(n);
			xmlFreeNode(n);
			n = next;
			continue;
		}
		char *src = page_image_src(n, base_dir);
		if (image_is_chrome(n, src, base_dir)) {
			xmlNodePtr up = n->parent;
			xmlUnlinkNode(n);
			xmlFreeNode(n);
			if (dropped)
				(*dropped)++;
			/* The paragraph that held only the pixel goes with it. */
			while (up && up != root && is_empty(up) && !page_is_within(next, up)) {
				xmlNodePtr above = up->parent;
				xmlUnlinkNode(up);
				xmlFreeNode(up);
				up = above;
			}
		} else {
			xmlSetProp(n, BAD_CAST "src", BAD_CAST src);
			for (size_t i = 0; i < sizeof strip / sizeof *strip; i++)
				xmlUnsetProp(n, BAD_CAST strip[i]);
			kept++;
		}
		free(src);
		n = next;
	}
	return kept;
}

void
page_absolute_links(xmlNodePtr root, const char *base)
{
	if (!base)
		return;
	for (xmlNodePtr n = root; n; n = page_next(n, root, false)) {
		if (!page_is(n, "a"))
			continue;
		xmlChar *href = xmlGetProp(n, BAD_CAST "href");
		if (href && href[0] != '#' && !url_has_scheme((const char *)href)) {
			xmlChar *abs = xmlBuildURI(href, BAD_CAST base);
			if (abs)
				xmlSetProp(n, BAD_CAST "href", abs);
			xmlFree(abs);
		}
		xmlFree(href);
	}
}
