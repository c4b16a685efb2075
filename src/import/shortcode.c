/* shortcode.c - WordPress shortcodes in editor text -> the HTML they
 * stand for, where it can be known without the site:
 *   [caption ...]<img ...> text[/caption]  a figure with its caption
 *   [gallery ids="1,2"], [gallery]          its images, as the caller's
 *                                           attachment hook gives them
 *   [embed]URL[/embed]                      a link to URL
 *   [audio src=URL], [video mp4=URL]        a link to the media file
 *   [[name]]                                the text [name]
 * Anything else that looks like a shortcode stays as text, with a
 * warning. Text inside <pre>, <code>, <script>, <style>, <textarea> and
 * inside tags is left alone. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diag.h"
#include "import/html_md_int.h"
#include "url.h"

const char *
hm_skip_verbatim(const char *s, bool with_code)
{
	static const char *const names[] = {"pre", "script", "style", "textarea", "svg", "code", NULL};
	if (s[0] != '<')
		return s;
	for (size_t i = 0; names[i]; i++) {
		size_t n = strlen(names[i]);
		if (!with_code && !strcmp(names[i], "code"))
			continue;
		if (strncasecmp(s + 1, names[i], n))
			continue;
		char after = s[1 + n];
		if (!(after == '>' || after == '/' || after == ' ' || after == '\t' || after == '\n' ||
		      after == '\r' || after == '\f'))
			continue;
		/* The matching closing tag ("</pre" ... ">"), or the end. */
		for (const char *p = s + 1 + n; *p; p++) {
			if (p[0] == '<' && p[1] == '/' && !strncasecmp(p + 2, names[i], n) &&
			    !isalnum((unsigned char)p[2 + n])) {
				const char *e = strchr(p, '>');
				return e ? e + 1 : p + strlen(p);
			}
		}
		return s + strlen(s);
	}
	return s;
}

/* ---- parsing ---- */

/* The longest opening tag read as a shortcode: further, a '[' is text. */
#define SC_MAX_OPENING 4096

typedef struct sc_attr {
	char *name; /* lower case; NULL for a positional value */
	char *value;
} sc_attr;

typedef struct shortcode {
	char *name;
	sc_attr *attrs;
	size_t nattrs;
	bool self_closing;
	size_t len; /* of the opening tag, "[" to "]" */
} shortcode;

static void
shortcode_free(shortcode *sc)
{
	free(sc->name);
	for (size_t i = 0; i < sc->nattrs; i++) {
		free(sc->attrs[i].name);
		free(sc->attrs[i].value);
	}
	free(sc->attrs);
	memset(sc, 0, sizeof *sc);
}

static bool
is_name_char(int c)
{
	return isalnum(c) || c == '_' || c == '-';
}

static const char *
attr_value(const shortcode *sc, const char *name)
{
	for (size_t i = 0; i < sc->nattrs; i++)
		if (sc->attrs[i].name && !strcmp(sc->attrs[i].name, name))
			return sc->attrs[i].value;
	return NULL;
}

static void
add_attr(shortcode *sc, char *name, char *value)
{
	sc->attrs = xgrow(sc->attrs, sc->nattrs, sizeof *sc->attrs);
	sc->attrs[sc->nattrs].name = name;
	sc->attrs[sc->nattrs].value = value;
	sc->nattrs++;
}

/* A quoted or bare value at *pp: a copy, *pp moved past it. */
static char *
read_value(const char **pp, const char *end)
{
	const char *p = *pp;
	char *v;
	if ((*p == '"' || *p == '\'') && p < end) {
		char q = *p++;
		const char *e = memchr(p, q, (size_t)(end - p));
		if (e == NULL)
			e = end;
		v = xstrndup(p, (size_t)(e - p));
		*pp = e < end ? e + 1 : e;
		return v;
	}
	const char *e = p;
	while (e < end && !isspace((unsigned char)*e))
		e++;
	v = xstrndup(p, (size_t)(e - p));
	*pp = e;
	return v;
}

/* Parses the shortcode opening at s ('['): name, attributes, whether it
 * closes itself. Returns false when s opens none. */
static bool
parse_shortcode(const char *s, shortcode *sc)
{
	memset(sc, 0, sizeof *sc);
	if (s[0] != '[' || !isalpha((unsigned char)s[1]))
		return false;
	size_t i = 1;
	while (is_name_char((unsigned char)s[i]))
		i++;
	if (!(s[i] == ']' || s[i] == '/' || s[i] == ' ' || s[i] == '\t' || s[i] == '\n'))
		return false;
	/* The attributes run to the first ']' (none may hold one), near. */
	size_t window = strnlen(s + i, SC_MAX_OPENING);
	const char *close = memchr(s + i, ']', window);
	if (close == NULL || memchr(s + i, '[', (size_t)(close - (s + i))))
		return false;
	sc->name = xstrndup(s + 1, i - 1);
	for (char *q = sc->name; *q; q++)
		*q = (char)tolower((unsigned char)*q);
	const char *end = close;
	if (end > s + i && end[-1] == '/') {
		sc->self_closing = true;
		end--;
	}
	const char *p = s + i;
	while (p < end) {
		while (p < end && isspace((unsigned char)*p))
			p++;
		if (p >= end)
			break;
		const char *k = p;
		while (p < end && (isalnum((unsigned char)*p) || *p == '_' || *p == '-'))
			p++;
		if (p > k && p < end && *p == '=') {
			char *name = xstrndup(k, (size_t)(p - k));
			for (char *q = name; *q; q++)
				*q = (char)tolower((unsigned char)*q);
			p++;
			add_attr(sc, name, read_value(&p, end));
		} else {
			p = k;
			add_attr(sc, NULL, read_value(&p, end));
			if (p == k)
				p++;
		}
	}
	sc->len = (size_t)(close + 1 - s);
	return true;
}

/* Every closing tag "[/name]" in text: its name, lower case, mapped to
 * where the last of that name starts. */
static strmap *
closing_tags(const char *text)
{
	strmap *map = strmap_new();
	for (const char *p = strstr(text, "[/"); p; p = strstr(p + 2, "[/")) {
		size_t n = 0;
		while (n < 64 && is_name_char((unsigned char)p[2 + n]))
			n++;
		if (n == 0 || p[2 + n] != ']')
			continue;
		char *name = xstrndup(p + 2, n);
		for (char *q = name; *q; q++)
			*q = (char)tolower((unsigned char)*q);
		strmap_put(map, name, (void *)p);
		free(name);
	}
	return map;
}

/* Where "[/name]" starts in s, or NULL. */
static const char *
find_closing(const char *s, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = strstr(s, "[/"); p; p = strstr(p + 2, "[/"))
		if (!strncasecmp(p + 2, name, n) && p[2 + n] == ']')
			return p;
	return NULL;
}

/* ---- expansions ---- */

static void
put_attr_escaped(strbuf *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '"')
			strbuf_puts(out, "&quot;");
		else if (*s == '<')
			strbuf_puts(out, "&lt;");
		else if (*s == '>')
			strbuf_puts(out, "&gt;");
		else
			strbuf_putc(out, *s);
	}
}

static void
put_folded(strbuf *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		strbuf_putc(out, s[i] == '\n' ? ' ' : s[i]);
}

/* Where the image of a caption's content starts and ends: an <img>, with
 * the link around it if any. Returns false when there is no image. */
static bool
caption_image(const char *s, const char **start, const char **end)
{
	const char *img = NULL;
	for (const char *p = s; *p; p++)
		if (*p == '<' && !strncasecmp(p, "<img", 4) && (isspace((unsigned char)p[4]) || p[4] == '/' || p[4] == '>')) {
			img = p;
			break;
		}
	if (img == NULL)
		return false;
	const char *e = strchr(img, '>');
	if (e == NULL)
		return false;
	e++;
	*start = img;
	/* A link around the image: "<a ...>" right before it. */
	const char *q = img;
	while (q > s && isspace((unsigned char)q[-1]))
		q--;
	if (q > s && q[-1] == '>') {
		const char *a = q - 1;
		while (a > s && *a != '<')
			a--;
		if (!strncasecmp(a, "<a ", 3) || !strncasecmp(a, "<a\n", 3)) {
			const char *r = e;
			while (isspace((unsigned char)*r))
				r++;
			if (!strncasecmp(r, "</a>", 4)) {
				*start = a;
				e = r + 4;
			}
		}
	}
	*end = e;
	return true;
}

static void
expand_caption(strbuf *out, const shortcode *sc, const char *content, size_t n)
{
	char *body = xstrndup(content, n);
	const char *cap_attr = attr_value(sc, "caption");
	const char *is = NULL, *ie = NULL;
	strbuf image = {0}, caption = {0};
	strbuf_puts(&image, "");
	strbuf_puts(&caption, "");
	if (cap_attr) {
		put_folded(&image, body, strlen(body));
		strbuf_puts(&caption, cap_attr);
	} else if (caption_image(body, &is, &ie)) {
		put_folded(&image, is, (size_t)(ie - is));
		/* Text before the image is kept too, in the caption. */
		put_folded(&caption, body, (size_t)(is - body));
		if (caption.len)
			strbuf_putc(&caption, ' ');
		put_folded(&caption, ie, strlen(ie));
	} else {
		put_folded(&caption, body, strlen(body));
	}
	str_trim(caption.data);
	caption.len = strlen(caption.data);
	if (caption.len == 0) {
		strbuf_puts(out, image.data);
	} else {
		strbuf_puts(out, "<figure>");
		strbuf_puts(out, image.data);
		strbuf_puts(out, "<figcaption>");
		strbuf_puts(out, caption.data);
		strbuf_puts(out, "</figcaption></figure>");
	}
	strbuf_free(&image);
	strbuf_free(&caption);
	free(body);
}

static void
put_gallery_image(strbuf *out, const html_md_attachment *a)
{
	bool cap = a->caption && *a->caption;
	strbuf_puts(out, cap ? "\n<figure>" : "\n<p>");
	strbuf_puts(out, "<img src=\"");
	put_attr_escaped(out, a->url);
	strbuf_puts(out, "\" alt=\"");
	put_attr_escaped(out, a->alt ? a->alt : "");
	strbuf_puts(out, "\" />");
	if (cap) {
		strbuf_puts(out, "<figcaption>");
		put_folded(out, a->caption, strlen(a->caption));
		strbuf_puts(out, "</figcaption></figure>\n");
	} else {
		strbuf_puts(out, "</p>\n");
	}
}

/* Returns how many images it wrote. */
static size_t
expand_gallery(strbuf *out, const shortcode *sc, const html_md_options *opt)
{
	if (opt->attachment == NULL)
		return 0;
	const char *ids = attr_value(sc, "ids");
	if (ids == NULL)
		ids = attr_value(sc, "include");
	size_t count = 0;
	if (ids) {
		char *list = xstrdup(ids);
		for (char *tok = strtok(list, ", "); tok; tok = strtok(NULL, ", ")) {
			html_md_attachment a = {0};
			if (opt->attachment(opt->attachment_ctx, tok, 0, &a) && a.url) {
				put_gallery_image(out, &a);
				count++;
			}
		}
		free(list);
		return count;
	}
	for (size_t i = 0; i < 10000; i++) {
		html_md_attachment a = {0};
		if (!opt->attachment(opt->attachment_ctx, NULL, i, &a) || a.url == NULL)
			break;
		put_gallery_image(out, &a);
		count++;
	}
	return count;
}

static bool
is_http_url(const char *s)
{
	return url_web_host(s) != NULL;
}

static void
put_link(strbuf *out, const char *url)
{
	strbuf_puts(out, "<a href=\"");
	put_attr_escaped(out, url);
	strbuf_puts(out, "\">");
	put_attr_escaped(out, url);
	strbuf_puts(out, "</a>");
}

/* The media file of an [audio] or [video] shortcode, or NULL. */
static const char *
media_url(const shortcode *sc)
{
	static const char *const keys[] = {"src", "mp3", "m4a", "ogg", "wav", "wma", "mp4", "m4v",
	                                   "webm", "ogv", "wmv", "flv", NULL};
	for (size_t i = 0; keys[i]; i++) {
		const char *v = attr_value(sc, keys[i]);
		if (v && is_http_url(v))
			return v;
	}
	return NULL;
}

/* Whether an unknown [name ...] reads as a shortcode rather than as
 * bracketed prose ("[sic]", "[citation needed]"). */
static bool
looks_like_shortcode(const shortcode *sc, const strmap *closings)
{
	if (sc->self_closing || strchr(sc->name, '_') || strchr(sc->name, '-'))
		return true;
	for (size_t i = 0; i < sc->nattrs; i++)
		if (sc->attrs[i].name)
			return true;
	return strmap_get(closings, sc->name) != NULL;
}

char *
hm_shortcodes(const char *text, const html_md_options *opt, int first_line)
{
	strbuf out = {0};
	strbuf_puts(&out, "");
	strmap *closings = closing_tags(text);
	const char *p = text;
	const char *counted = text;
	int line = first_line;
	while (*p) {
		if (*p == '<') {
			const char *e = hm_skip_verbatim(p, true);
			if (e == p) {
				const char *g = strchr(p, '>');
				e = (isalpha((unsigned char)p[1]) || p[1] == '/' || p[1] == '!') && g ? g + 1 : p + 1;
			}
			strbuf_append(&out, p, (size_t)(e - p));
			p = e;
			continue;
		}
		if (*p != '[') {
			strbuf_putc(&out, *p++);
			continue;
		}
		shortcode sc;
		if (p[1] == '[' && parse_shortcode(p + 1, &sc)) {
			/* [[name]]: the shortcode's own text, escaped by doubling. */
			if (p[1 + sc.len] == ']') {
				strbuf_append(&out, p + 1, sc.len);
				p += sc.len + 2;
			} else {
				strbuf_putc(&out, *p++);
			}
			shortcode_free(&sc);
			continue;
		}
		if (!parse_shortcode(p, &sc)) {
			strbuf_putc(&out, *p++);
			continue;
		}
		const char *after = p + sc.len;
		const char *close = NULL;
		const char *name = sc.name;
		bool enclosing = !strcmp(name, "caption") || !strcmp(name, "wp_caption") ||
		                 !strcmp(name, "embed") || !strcmp(name, "audio") || !strcmp(name, "video");
		/* Only where a closing tag lies ahead (no scan to the end for
		 * each of many openings). */
		const char *last = strmap_get(closings, name);
		if (enclosing && !sc.self_closing && last && last >= after)
			close = find_closing(after, name);
		const char *next = close ? close + strlen(name) + 3 : after;
		if (!strcmp(name, "caption") || !strcmp(name, "wp_caption")) {
			expand_caption(&out, &sc, after, close ? (size_t)(close - after) : 0);
		} else if (!strcmp(name, "embed") && close) {
			char *url = xstrndup(after, (size_t)(close - after));
			str_trim(url);
			if (is_http_url(url) && !strpbrk(url, " \t\n<>\""))
				put_link(&out, url);
			else
				strbuf_puts(&out, url);
			free(url);
		} else if ((!strcmp(name, "audio") || !strcmp(name, "video")) && media_url(&sc)) {
			put_link(&out, media_url(&sc));
		} else if (!strcmp(name, "gallery")) {
			if (expand_gallery(&out, &sc, opt) == 0) {
				for (; counted < p; counted++)
					line += *counted == '\n';
				diag_warning(opt->file, first_line > 0 ? line : 0, 0,
				             "[gallery] shortcode: its images are not in the export; left out");
			}
		} else {
			if (looks_like_shortcode(&sc, closings)) {
				for (; counted < p; counted++)
					line += *counted == '\n';
				diag_warning(opt->file, first_line > 0 ? line : 0, 0,
				             "unknown shortcode [%s] kept as text", name);
			}
			strbuf_append(&out, p, sc.len);
			next = after;
		}
		shortcode_free(&sc);
		p = next;
	}
	strmap_free(closings);
	return strbuf_take(&out);
}
