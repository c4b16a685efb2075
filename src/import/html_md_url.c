/* html_md_url.c - the addresses of the converter's links and images:
 * resolved against the base address, checked by mkbook's URL policy
 * (url.c's url_is_safe), the image's source found where lazy
 * loading keeps it, and written as Markdown link destinations. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/uri.h>

#include "import/html_md_int.h"
#include "sanitize.h"
#include "url.h"

static bool
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* u resolved against base (or NULL: as it is). Caller frees. */
static char *
resolve(const char *u, const char *base)
{
	if (url_has_scheme(u))
		return xstrdup(u);
	if (base && *base) {
		xmlChar *r = xmlBuildURI(BAD_CAST u, BAD_CAST base);
		if (r) {
			char *s = xstrdup((const char *)r);
			xmlFree(r);
			return s;
		}
		return NULL;
	}
	if (u[0] == '/' && u[1] == '/')
		return xasprintf("https:%s", u);
	return NULL;
}

static char *
trimmed_copy(const char *s)
{
	char *t = xstrdup(s);
	str_trim(t);
	return t;
}

char *
hm_link_url(hm_ctx *c, const char *href)
{
	char *u = trimmed_copy(href);
	char *r = NULL;
	/* A link to a place in the page: the places' ids are not kept. */
	if (*u == '\0' || *u == '#')
		goto out;
	r = resolve(u, c->opt->base_url);
	if (r && (!url_has_scheme(r) || !url_is_safe(r, c->untrusted) || !url_has_valid_host(r))) {
		free(r);
		r = NULL;
	}
out:
	free(u);
	return r;
}

/* The largest candidate of a srcset ("a.jpg 300w, b.jpg 1024w"). Caller
 * frees; NULL when there is none. */
static char *
srcset_best(const char *set)
{
	char *best = NULL;
	double best_w = -1;
	const char *p = set;
	while (*p) {
		while (is_space((unsigned char)*p) || *p == ',')
			p++;
		if (!*p)
			break;
		size_t n = strcspn(p, " \t\n\r\f");
		/* A URL may hold commas; one that ends with a comma stops there. */
		while (n > 0 && p[n - 1] == ',')
			n--;
		char *url = xstrndup(p, n);
		p += n;
		double w = 0;
		const char *d = p;
		while (*d == ' ' || *d == '\t')
			d++;
		if (*d && *d != ',')
			w = strtod(d, NULL);
		p = d + strcspn(d, ",");
		if (w > best_w) {
			free(best);
			best = url;
			best_w = w;
		} else {
			free(url);
		}
	}
	return best;
}

/* The address of an image element: src, or where lazy loading keeps it. */
static char *
image_source(xmlNodePtr img)
{
	char *src = hm_attr(img, "src");
	if (src) {
		str_trim(src);
		if (*src && strncasecmp(src, "data:", 5) != 0)
			return src;
		free(src);
	}
	static const char *const lazy[] = {"data-src", "data-lazy-src", "data-original", NULL};
	for (size_t i = 0; lazy[i]; i++) {
		char *v = hm_attr(img, lazy[i]);
		if (v && *str_trim(v))
			return v;
		free(v);
	}
	static const char *const sets[] = {"srcset", "data-srcset", "data-lazy-srcset", NULL};
	for (size_t i = 0; sets[i]; i++) {
		char *v = hm_attr(img, sets[i]);
		char *best = v ? srcset_best(v) : NULL;
		free(v);
		if (best)
			return best;
	}
	return NULL;
}

char *
hm_image_path(hm_ctx *c, xmlNodePtr img, const char **alt)
{
	xmlAttrPtr a = xmlHasProp(img, BAD_CAST "alt");
	*alt = a && a->children && a->children->content ? (const char *)a->children->content : NULL;
	if (c->untrusted || c->opt->image == NULL)
		return NULL;
	char *src = image_source(img);
	if (src == NULL)
		return NULL;
	const char *base = c->opt->image_base_url ? c->opt->image_base_url : c->opt->base_url;
	char *url = url_has_scheme(src) ? xstrdup(src) : base && *base ? resolve(src, base) : xstrdup(src);
	free(src);
	if (url == NULL || url_scheme_is(url, "javascript")) {
		free(url);
		return NULL;
	}
	const char *path = c->opt->image(c->opt->image_ctx, url, *alt ? *alt : "");
	free(url);
	return path ? xstrdup(path) : NULL;
}

static bool
is_image_file(const char *url)
{
	size_t n = strcspn(url, "?#");
	static const char *const exts[] = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif", NULL};
	for (size_t i = 0; exts[i]; i++) {
		size_t e = strlen(exts[i]);
		if (n >= e && !strncasecmp(url + n - e, exts[i], e))
			return true;
	}
	return false;
}

xmlNodePtr
hm_lone_media_image(xmlNodePtr a)
{
	xmlNodePtr img = NULL;
	for (xmlNodePtr k = a->children; k; k = k->next) {
		if (k->type == XML_TEXT_NODE) {
			for (const xmlChar *t = k->content; t && *t; t++)
				if (!is_space(*t))
					return NULL;
		} else if (k->type == XML_ELEMENT_NODE) {
			if (img || strcmp((const char *)k->name, "img"))
				return NULL;
			img = k;
		}
	}
	if (img == NULL)
		return NULL;
	char *href = hm_attr(a, "href");
	bool media = href && is_image_file(href);
	free(href);
	return media ? img : NULL;
}

void
hm_put_destination(strbuf *out, const char *url)
{
	for (const char *p = url; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		if (ch <= 0x20 || ch == '<' || ch == '>' || ch == 0x7f)
			strbuf_printf(out, "%%%02X", ch);
		else if (ch == '(' || ch == ')' || ch == '\\' || (ch == '&' && (isalnum((unsigned char)p[1]) || p[1] == '#')))
			strbuf_printf(out, "\\%c", ch);
		else
			strbuf_putc(out, (char)ch);
	}
}
