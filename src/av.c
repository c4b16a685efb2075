/* av.c - audio and video in raw HTML; see av.h. */
#include "av.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "url.h"
#include "util.h"
#include "xhtml.h"

bool
av_is_media(const char *name)
{
	return !strcmp(name, "audio") || !strcmp(name, "video");
}

static bool
is_source_or_track(xmlNodePtr n)
{
	return n->type == XML_ELEMENT_NODE &&
	       (!strcmp((const char *)n->name, "source") || !strcmp((const char *)n->name, "track"));
}

/* Whether n holds text. (libxml2's HTML 4 parser puts what follows a
 * <source> or <track> inside it; that is text of the element too.) */
bool
av_has_text(xmlNodePtr n)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			for (const xmlChar *p = c->content; p && *p; p++)
				if (*p != ' ' && *p != '\n' && *p != '\t' && *p != '\r')
					return true;
		} else if (c->type == XML_ELEMENT_NODE && av_has_text(c)) {
			return true;
		}
	}
	return false;
}

/* The element's address: its src, else its first source's; caller frees. */
static xmlChar *
media_address(xmlNodePtr n)
{
	xmlChar *src = xmlGetProp(n, BAD_CAST "src");
	for (xmlNodePtr c = n->children; c && src == NULL; c = c->next)
		if (is_source_or_track(c) && !strcmp((const char *)c->name, "source"))
			src = xmlGetProp(c, BAD_CAST "src");
	return src;
}

/* Whether url (NULL: not valid) is a relative address. */
static bool
is_relative(const char *url)
{
	return url && !url_has_scheme(url) && !str_starts_with(url, "//");
}

/* Looks through the <source> elements below n (libxml2's HTML 4 parser
 * puts what follows a source inside it, the next source too): sets *any
 * when one names a file, *local when one names a file by a relative
 * address. */
static void
find_sources(xmlNodePtr n, bool *any, bool *local)
{
	for (xmlNodePtr c = n->children; c && !*local; c = c->next) {
		if (!is_source_or_track(c))
			continue;
		xmlChar *s = strcmp((const char *)c->name, "source") ? NULL
		                                                     : xmlGetProp(c, BAD_CAST "src");
		if (s) {
			char *url = url_make_valid((const char *)s);
			*any = true;
			*local = is_relative(url);
			free(url);
			xmlFree(s);
		}
		find_sources(c, any, local);
	}
}

bool
av_is_packed(const sanitize_ctx *ctx, xmlNodePtr src)
{
	if (ctx->untrusted)
		return false;
	/* Its own src decides; else a source of the manuscript among its
	 * sources (those from the web are left out, av_keeps_child), or none. */
	xmlChar *addr = xmlGetProp(src, BAD_CAST "src");
	bool any = false, packed = false;
	if (addr) {
		char *url = url_make_valid((const char *)addr);
		packed = is_relative(url);
		free(url);
	} else {
		find_sources(src, &any, &packed);
		packed = packed || !any;
	}
	xmlFree(addr);
	return packed;
}

/* The value of attribute name among attrs, or NULL. */
static const char *
attr_value(const sanitize_attr *attrs, size_t nattrs, const char *name)
{
	for (size_t i = 0; i < nattrs; i++)
		if (!attrs[i].has_ns && !strcmp(attrs[i].name, name))
			return attrs[i].value;
	return NULL;
}

bool
av_keeps_child(sanitize_ctx *ctx, const char *name, const sanitize_attr *attrs, size_t nattrs,
               int fline, int col)
{
	const char *src = attr_value(attrs, nattrs, "src");
	bool track = !strcmp(name, "track");
	if (src == NULL) {
		if (track)
			diag_warning(ctx->file, fline, col, "<track> left out: it names no file");
		return false; /* a source without one plays nothing: nothing lost */
	}
	char *url = url_make_valid(src);
	bool keep = is_relative(url);
	free(url);
	if (!keep) {
		diag_warning(ctx->file, fline, col,
		             "<%s> '%.60s' left out: a book carries only files of its manuscript", name,
		             src);
		return false;
	}
	/* Subtitles are in a language, which HTML makes srclang say. */
	const char *kind = attr_value(attrs, nattrs, "kind");
	if (track && (kind == NULL || !strcmp(kind, "subtitles")) &&
	    attr_value(attrs, nattrs, "srclang") == NULL) {
		diag_warning(ctx->file, fline, col,
		             "<track> '%.60s' left out: subtitles need srclang=\"their language\" "
		             "(or kind=\"captions\")",
		             src);
		return false;
	}
	return true;
}

void
av_leave_out(const char *file, const char *name, const char *addr, const char *why, int fline,
             int col)
{
	diag_warning(file, fline, col, "<%s>%s%.60s%s left out: %s; its text stays", name,
	             addr ? " '" : "", addr ? addr : "", addr ? "'" : "", why);
}

bool
av_open(sanitize_ctx *ctx, xmlNodePtr dst, xmlNodePtr src, int fline, int col,
        sanitize_element *e)
{
	const char *name = (const char *)src->name;
	xmlChar *addr = media_address(src);
	char *url = addr ? url_make_valid((const char *)addr) : NULL;
	bool text = av_has_text(src);
	bool open;
	if (url && url_is_web(url) && url_is_safe(url, ctx->untrusted)) {
		diag_warning(ctx->file, fline, col,
		             "<%s> '%.60s' became a link to it: a book does not carry media from the "
		             "web",
		             name, url);
		xmlNodePtr a = xhtml_add(dst, "a", NULL);
		xmlSetProp(a, BAD_CAST "href", BAD_CAST url);
		e->out = a;
		e->into = a;
		open = text;
		if (!text) {
			xmlChar *label = xmlGetProp(src, BAD_CAST "aria-label");
			if (label == NULL || *label == '\0') {
				xmlFree(label);
				label = xmlGetProp(src, BAD_CAST "title");
			}
			sanitize_add_text(a, label && *label ? (const char *)label : url);
			xmlFree(label);
		}
	} else {
		av_leave_out(ctx->file, name, addr ? (const char *)addr : NULL,
		             !addr ? "it names no file"
		             : is_relative(url) ? "a reader's comment carries no file of the book"
		                                : "its address is not safe or not valid",
		             fline, col);
		e->into = dst;
		open = true;
	}
	free(url);
	xmlFree(addr);
	return open;
}
