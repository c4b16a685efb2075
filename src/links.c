/* links.c - link targets across chapters, outside links, images. */
#include "links.h"

#include <errno.h>
#include <string.h>
#include <libxml/uri.h>

#include "diag.h"
#include "media.h"
#include "slug.h"
#include "util.h"
#include "xhtml.h"

static void
add_folded(const char *id, void *arg)
{
	strmap *m = arg;
	char *f = slug_fold(id);
	if (strmap_get(m, f) == NULL)
		strmap_put(m, f, xstrdup(id));
	free(f);
}

const char *
links_find_fragment(chapter *c, const char *fragment)
{
	if (c->ids == NULL)
		return NULL;
	if (c->id_folded == NULL) {
		c->id_folded = strmap_new();
		strset_each(c->ids, add_folded, c->id_folded);
	}
	char *dec = percent_decode(fragment);
	char *f = slug_fold(dec);
	const char *id = strmap_get(c->id_folded, f);
	if (id == NULL) {
		/* "#Everyday Use" written as the heading text. */
		char *s = slug_github(dec);
		char *fs = slug_fold(s);
		id = strmap_get(c->id_folded, fs);
		free(s);
		free(fs);
	}
	free(f);
	free(dec);
	return id;
}

/* Finds where needle stands in the chapter's Markdown at or after line,
 * for a precise column. Leaves *line as given and *col 0 when not found. */
static void
locate(const chapter *c, int *line, int *col, const char *needle)
{
	*col = 0;
	if (c->body == NULL || *line < c->body_line || needle == NULL || *needle == '\0')
		return;
	const char *p = c->body;
	for (int l = c->body_line; l < *line && p; l++) {
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	if (p == NULL)
		return;
	const char *hit = strstr(p, needle);
	if (hit == NULL)
		return;
	int l = *line, column = 1;
	for (const char *q = p; q < hit; q++) {
		if (*q == '\n') {
			l++;
			column = 1;
			if (l - *line > 200)
				return;
		} else if (((unsigned char)*q & 0xC0) != 0x80) {
			column++;
		}
	}
	*line = l;
	*col = column;
}

static int
take_line(xmlNodePtr n)
{
	xmlChar *v = xmlGetProp(n, BAD_CAST "data-mkbook-line");
	int line = v ? atoi((const char *)v) : 0;
	xmlFree(v);
	xmlUnsetProp(n, BAD_CAST "data-mkbook-line");
	return line;
}

/* Replaces element n by its children. Returns the first node that took
 * its place, or its next sibling. */
static void
unwrap(xmlNodePtr n)
{
	xmlNodePtr c = n->children;
	while (c) {
		xmlNodePtr next = c->next;
		xmlUnlinkNode(c);
		xmlAddPrevSibling(n, c);
		c = next;
	}
	xmlUnlinkNode(n);
	xmlFreeNode(n);
}

static bool
has_scheme(const char *url)
{
	const char *colon = strchr(url, ':');
	const char *stop = strpbrk(url, "/?#");
	return colon && (!stop || colon < stop) && colon != url;
}

/* The web address a relative link resolves against, or NULL. */
static char *
base_url(const book *b, const chapter *c)
{
	if (c->source)
		return xstrdup(c->source);
	if (b->source && c->path) {
		xmlChar *u = xmlBuildURI(BAD_CAST c->path, BAD_CAST b->source);
		char *s = u ? xstrdup((const char *)u) : NULL;
		xmlFree(u);
		return s;
	}
	return NULL;
}

/* The chapter a manuscript-relative path names: the .md file itself, or
 * the .md file an mdBook-style .html name stands for, or a folder's
 * README.md or index.md. */
static chapter *
find_chapter(book *b, const char *norm)
{
	chapter *t = strmap_get(b->chapter_by_path, norm);
	if (t)
		return t;
	size_t n = strlen(norm);
	char *alt = NULL;
	if (str_ends_with(norm, ".html") || str_ends_with(norm, ".xhtml") ||
	    str_ends_with(norm, ".htm")) {
		const char *dot = strrchr(norm, '.');
		alt = xasprintf("%.*s.md", (int)(dot - norm), norm);
	} else if (n == 0 || norm[n - 1] == '/') {
		alt = xasprintf("%sREADME.md", norm);
	}
	if (alt) {
		t = strmap_get(b->chapter_by_path, alt);
		if (t == NULL && str_ends_with(alt, "README.md")) {
			free(alt);
			alt = xasprintf("%sindex.md", norm);
			t = strmap_get(b->chapter_by_path, alt);
		}
		free(alt);
	}
	if (t == NULL) {
		char *md = xasprintf("%s/README.md", norm);
		t = strmap_get(b->chapter_by_path, md);
		free(md);
	}
	return t;
}

static void
resolve_link(book *b, chapter *c, xmlNodePtr a)
{
	int line = take_line(a), col = 0;
	xmlChar *raw = xmlGetProp(a, BAD_CAST "href");
	if (raw == NULL)
		return;
	char *href = xstrdup((const char *)raw);
	xmlFree(raw);
	const char *file = c->file;

	if (href[0] == '#') {
		const char *id = links_find_fragment(c, href + 1);
		if (id) {
			char *h = xasprintf("#%s", id);
			xmlSetProp(a, BAD_CAST "href", BAD_CAST h);
			free(h);
		} else if (href[1] != '\0') {
			locate(c, &line, &col, href);
			diag_warning(file, line, col,
			             "link to '%s' finds no heading or anchor in this chapter; its text "
			             "is kept",
			             href);
			unwrap(a);
		} else {
			xmlUnsetProp(a, BAD_CAST "href");
		}
		goto out;
	}
	if (str_starts_with(href, "//")) {
		char *h = xasprintf("https:%s", href);
		xmlSetProp(a, BAD_CAST "href", BAD_CAST h);
		free(h);
		goto out;
	}
	if (has_scheme(href))
		goto out; /* the sanitiser kept only safe schemes */

	/* A relative link: to a chapter of the book, or out of it. */
	char *frag = strchr(href, '#');
	if (frag)
		*frag++ = '\0';
	char *query = strchr(href, '?');
	if (query)
		*query = '\0';
	char *path = percent_decode(href);
	char *dir = c->path ? path_dirname(c->path) : xstrdup("");
	char *joined = path_join(dir, path);
	char *norm = path_normalize_relative(joined);
	chapter *t = norm ? find_chapter(b, norm) : NULL;
	if (query)
		*query = '?';
	if (frag)
		frag[-1] = '#';
	if (t) {
		const char *id = NULL;
		if (frag && *frag) {
			id = links_find_fragment(t, frag);
			if (id == NULL) {
				locate(c, &line, &col, href);
				diag_warning(file, line, col,
				             "link to '%s': '%s' has no heading or anchor '%s'; it leads "
				             "to the chapter's start",
				             href, t->path ? t->path : t->href, frag);
			}
		}
		char *rel = href_relative(c->href, t->href);
		char *h = id ? xasprintf("%s#%s", t == c ? "" : rel, id) : xstrdup(rel);
		xmlSetProp(a, BAD_CAST "href", BAD_CAST h);
		free(h);
		free(rel);
	} else {
		char *base = base_url(b, c);
		xmlChar *abs = base ? xmlBuildURI(BAD_CAST href, BAD_CAST base) : NULL;
		if (abs && has_scheme((const char *)abs)) {
			xmlSetProp(a, BAD_CAST "href", abs);
		} else {
			locate(c, &line, &col, href);
			diag_warning(file, line, col,
			             "link to '%s' leads to no chapter of the book%s; its text is kept",
			             href,
			             base ? "" : " (a 'source' address in book.yaml would make it a web link)");
			unwrap(a);
		}
		xmlFree(abs);
		free(base);
	}
	free(path);
	free(dir);
	free(joined);
	free(norm);
out:
	free(href);
}

/* Replaces an image by its description (alt), as a link when url. */
static void
image_to_text(xmlNodePtr img, const char *url)
{
	xmlChar *alt = xmlGetProp(img, BAD_CAST "alt");
	const char *text = alt && *alt ? (const char *)alt : url ? url : "";
	xmlNodePtr repl;
	if (url) {
		repl = xmlNewDocNode(img->doc, xhtml_ns(img), BAD_CAST "a", NULL);
		xmlSetProp(repl, BAD_CAST "href", BAD_CAST url);
		xmlAddChild(repl, xmlNewDocText(img->doc, BAD_CAST text));
	} else {
		repl = xmlNewDocText(img->doc, BAD_CAST text);
	}
	xmlAddPrevSibling(img, repl);
	xmlUnlinkNode(img);
	xmlFreeNode(img);
	xmlFree(alt);
}

/* A name for the image inside the book: "images/" and its manuscript path
 * in safe ASCII, with the extension its bytes call for. */
static char *
image_href(book *b, const char *rel, const char *media_type)
{
	strbuf sb = {0};
	sb_puts(&sb, "images/");
	const char *dot = strrchr(rel, '.');
	const char *end = dot && !strchr(dot, '/') ? dot : rel + strlen(rel);
	for (const char *p = rel; p < end; p++) {
		char ch = *p;
		bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		          (ch >= '0' && ch <= '9') || ch == '-' || ch == '_';
		sb_putc(&sb, ok ? ch : ch == '/' ? '-' : '_');
	}
	char *base = sb_take(&sb);
	char *href = xasprintf("%s.%s", base, media_extension(media_type));
	for (int n = 2;; n++) {
		bool taken = false;
		for (size_t i = 0; i < b->nresources && !taken; i++)
			taken = !strcmp(b->resources[i]->href, href);
		if (!taken)
			break;
		free(href);
		href = xasprintf("%s-%d.%s", base, n, media_extension(media_type));
	}
	free(base);
	return href;
}

resource *
links_load_image(book *b, const char *rel, const char *file, int line, int col)
{
	char *norm = NULL, *fs = NULL;
	resource *r = NULL;
	enum path_status st = book_resolve_path(b, rel, &norm, &fs);
	if (st != PATH_OK) {
		diag_warning(file, line, col, "image '%s' %s; its description stands in", rel,
		             st == PATH_FOLDER ? "is a folder" : path_status_text(st));
		goto out;
	}
	r = strmap_get(b->resource_by_path, norm);
	if (r)
		goto out;
	char *data = NULL;
	size_t len = 0;
	int e = file_read(fs, &data, &len, MKBOOK_MAX_IMAGE_BYTES);
	if (e != 0) {
		diag_warning(file, line, col, "image '%s' cannot be read: %s; its description stands in",
		             rel, e == EFBIG ? "larger than the 64 MiB limit" : strerror(e));
		goto out;
	}
	const char *type = media_sniff((unsigned char *)data, len);
	if (type == NULL || !media_is_core_image(type)) {
		diag_warning(file, line, col,
		             type ? "image '%s' is WebP, which e-readers need not show; convert it to "
		                    "PNG or JPEG"
		                  : "'%s' is not an image (PNG, JPEG, GIF or SVG); its description "
		                    "stands in",
		             rel);
		free(data);
		goto out;
	}
	unsigned char *bytes = (unsigned char *)data;
	size_t nbytes = len;
	if (!strcmp(type, "image/svg+xml")) {
		const char *why = NULL;
		if (media_clean_svg((unsigned char *)data, len, &bytes, &nbytes, &why) != 0) {
			diag_warning(file, line, col, "SVG image '%s' is left out: %s", rel, why);
			free(data);
			goto out;
		}
		free(data);
	}
	r = xcalloc(1, sizeof *r);
	r->path = xstrdup(norm);
	r->media_type = xstrdup(type);
	r->href = image_href(b, norm, type);
	r->id = xasprintf("img%04zu", b->nresources + 1);
	r->data = bytes;
	r->len = nbytes;
	book_add_resource(b, r);
out:
	free(norm);
	free(fs);
	return r;
}

static void
resolve_image(book *b, chapter *c, xmlNodePtr img)
{
	int line = take_line(img), col = 0;
	xmlChar *raw = xmlGetProp(img, BAD_CAST "src");
	if (raw == NULL) {
		image_to_text(img, NULL);
		return;
	}
	char *src = xstrdup((const char *)raw);
	xmlFree(raw);
	locate(c, &line, &col, src);
	if (has_scheme(src) || str_starts_with(src, "//")) {
		bool web = str_starts_with(src, "http:") || str_starts_with(src, "https:") ||
		           str_starts_with(src, "//");
		diag_warning(c->file, line, col,
		             web ? "remote image '%.80s' is not fetched; its description links to it"
		                 : "image '%.80s' is not a file of the manuscript; its description "
		                   "stands in",
		             src);
		image_to_text(img, web ? src : NULL);
		free(src);
		return;
	}
	char *q = strpbrk(src, "?#");
	if (q)
		*q = '\0';
	char *path = percent_decode(src);
	char *dir = c->path ? path_dirname(c->path) : xstrdup("");
	char *joined = path_join(dir, path);
	resource *r = links_load_image(b, joined, c->file, line, col);
	if (r) {
		char *h = href_relative(c->href, r->href);
		xmlSetProp(img, BAD_CAST "src", BAD_CAST h);
		free(h);
	} else {
		image_to_text(img, NULL);
	}
	free(path);
	free(dir);
	free(joined);
	free(src);
}

static void
resolve_chapter(book *b, chapter *c)
{
	/* Collect first: resolving changes the tree. */
	xmlNodePtr *todo = NULL;
	size_t n = 0, cap = 0;
	xmlNodePtr root = xmlDocGetRootElement(c->doc);
	xmlNodePtr cur = root;
	while (cur) {
		if (cur->type == XML_ELEMENT_NODE &&
		    (!strcmp((const char *)cur->name, "a") || !strcmp((const char *)cur->name, "img"))) {
			if (n == cap) {
				cap = cap ? cap * 2 : 64;
				todo = xrealloc(todo, cap * sizeof *todo);
			}
			todo[n++] = cur;
		}
		if (cur->type == XML_ELEMENT_NODE && cur->children) {
			cur = cur->children;
			continue;
		}
		while (cur && cur != root && cur->next == NULL)
			cur = cur->parent;
		if (cur == NULL || cur == root)
			break;
		cur = cur->next;
	}
	if (c->kind != CHAPTER_TEXT) {
		/* Pages mkbook writes itself hold only finished links; reader
		 * comments only web links (the sanitiser saw to that). */
		for (size_t i = 0; i < n; i++)
			xmlUnsetProp(todo[i], BAD_CAST "data-mkbook-line");
		free(todo);
		return;
	}
	/* Images first: an image inside a link must be settled before the
	 * link is unwrapped. Then links, in document order. */
	for (size_t i = 0; i < n; i++)
		if (!strcmp((const char *)todo[i]->name, "img"))
			resolve_image(b, c, todo[i]);
	for (size_t i = 0; i < n; i++)
		if (strcmp((const char *)todo[i]->name, "img") != 0)
			resolve_link(b, c, todo[i]);
	free(todo);
}

void
links_resolve(book *b)
{
	for (size_t i = 0; i < b->nchapters; i++)
		if (b->chapters[i]->doc)
			resolve_chapter(b, b->chapters[i]);
}
