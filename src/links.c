/* links.c - link targets across chapters, outside links, images. */
#include "links.h"

#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/uri.h>

#include "av.h"
#include "diag.h"
#include "media.h"
#include "slug.h"
#include "url.h"
#include "util.h"
#include "xhtml.h"

/* The registry of images is shared by the chapters rendered in parallel. */
static pthread_mutex_t resource_lock = PTHREAD_MUTEX_INITIALIZER;

/* Where this thread's last search stood. A chapter's links are located in
 * document order, so each search goes on from the last one (50,000 links
 * in a chapter took minutes). links_resolve_chapter resets it. */
static _Thread_local struct locate_cursor {
	const char *body;  /* the text searched, NULL after a reset */
	int want;          /* the line asked for last */
	const char *start; /* where that line starts */
	const char *from;  /* just after the last match */
	int line, col;     /* where from stands */
} cursor;


/* The first place in [from, from + room) where needle (its first 128
 * bytes) stands, or NULL. */
static const char *
find_bounded(const char *from, const char *end, size_t room, const char *needle)
{
	size_t n = strlen(needle);
	return memmem(from, (size_t)(end - from) < room ? (size_t)(end - from) : room, needle,
	              n < 128 ? n : 128);
}

/* Finds where needle stands in the chapter's Markdown at or after line,
 * for a precise column: after the link found before it, else within
 * 64 KiB of the line's start. Leaves *line as given and *col 0 when not
 * found. */
static void
locate(const chapter *c, int *line, int *col, const char *needle)
{
	*col = 0;
	if (c->body == NULL || *line < c->body_line || needle == NULL || *needle == '\0')
		return;
	struct locate_cursor *k = &cursor;
	const char *end = c->body + c->body_len;
	if (k->body != c->body || *line < k->want)
		*k = (struct locate_cursor){c->body, c->body_line, c->body, c->body, c->body_line, 1};
	if (*line > k->want) {
		const char *p = k->start;
		for (int l = k->want; l < *line; l++) {
			p = memchr(p, '\n', (size_t)(end - p));
			if (p == NULL)
				return;
			p++;
		}
		*k = (struct locate_cursor){c->body, *line, p, p, *line, 1};
	}
	const char *base = k->from;
	int l = k->line, column = k->col;
	const char *hit = find_bounded(base, end, 4096, needle);
	if (hit == NULL) {
		base = k->start;
		l = *line;
		column = 1;
		hit = find_bounded(base, end, 65536, needle);
	}
	if (hit == NULL)
		return;
	for (const char *q = base; q < hit; q++) {
		if (*q == '\n') {
			l++;
			column = 1;
		} else if (((unsigned char)*q & 0xC0) != 0x80) {
			column++;
		}
	}
	if (base == k->start && l - *line > 200)
		return; /* too far from its block to be sure */
	*line = l;
	*col = column;
	k->from = hit + 1;
	k->line = l;
	k->col = column + 1;
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
 * the .md file an mdBook-style .html name stands for (index.html: the
 * folder's index.md, else its README.md, as mdBook names it), or a
 * folder's README.md or index.md. */
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
		/* mdBook writes a folder's README.md as index.html. */
		const char *base = strrchr(alt, '/');
		base = base ? base + 1 : alt;
		if (t == NULL && !strcmp(base, "index.md")) {
			char *readme = xasprintf("%.*sREADME.md", (int)(base - alt), alt);
			t = strmap_get(b->chapter_by_path, readme);
			free(readme);
		}
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

/* A link to target's heading fragment finds none: it leads to the
 * chapter's start. */
static void
warn_no_anchor(const char *file, int line, int col, const char *href, const chapter *target,
               const char *fragment)
{
	diag_warning(file, line, col,
	             "link to '%s': '%s' has no heading or anchor '%s'; it leads to the chapter's "
	             "start",
	             href, target->path ? target->path : target->href, fragment);
}

static void
resolve_link(book *b, chapter *c, page *p, xmlNodePtr a)
{
	int line = take_line(a), col = 0;
	xmlChar *raw = xmlGetProp(a, BAD_CAST "href");
	if (raw == NULL)
		return;
	char *href = xstrdup((const char *)raw);
	xmlFree(raw);
	const char *file = c->file;

	if (href[0] == '#') {
		const char *id = page_find_id(p, href + 1);
		if (id) {
			char *frag = slug_fragment(id);
			char *h = xasprintf("#%s", frag);
			xmlSetProp(a, BAD_CAST "href", BAD_CAST h);
			free(h);
			free(frag);
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
	if (url_has_scheme(href))
		goto out; /* the sanitiser kept only safe schemes */

	/* A relative link: to a chapter of the book, or out of it. */
	char *frag = strchr(href, '#');
	if (frag)
		*frag++ = '\0';
	char *query = strchr(href, '?');
	if (query)
		*query = '\0';
	char *path = slug_percent_decode(href);
	char *dir = c->path ? path_dirname(c->path) : xstrdup("");
	char *joined = path_join(dir, path);
	char *norm = path_normalize_relative(joined);
	chapter *t = norm ? find_chapter(b, norm) : NULL;
	if (query)
		*query = '?';
	if (frag)
		frag[-1] = '#';
	if (t && t != c && frag && *frag) {
		/* Another chapter's heading: its ids are known only once every
		 * chapter is rendered. */
		locate(c, &line, &col, href);
		char *rel = xhtml_href_relative(c->href, t->href);
		char *h = xref_add(&p->xrefs, t, rel, href, (size_t)(frag - href), line, col);
		xmlSetProp(a, BAD_CAST "href", BAD_CAST h);
		free(h);
		free(rel);
	} else if (t) {
		const char *id = NULL;
		if (frag && *frag) {
			id = page_find_id(p, frag); /* t is c here */
			if (id == NULL) {
				locate(c, &line, &col, href);
				warn_no_anchor(file, line, col, href, t, frag);
			}
		}
		char *rel = xhtml_href_relative(c->href, t->href);
		char *idf = id ? slug_fragment(id) : NULL;
		char *h = id ? xasprintf("%s#%s", t == c ? "" : rel, idf) : xstrdup(rel);
		xmlSetProp(a, BAD_CAST "href", BAD_CAST h);
		free(h);
		free(idf);
		free(rel);
	} else {
		char *base = base_url(b, c);
		xmlChar *abs = base ? xmlBuildURI(BAD_CAST href, BAD_CAST base) : NULL;
		if (abs && url_has_scheme((const char *)abs)) {
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
	/* Inside a link (a badge: [![build](x.svg)](https://ci...)), the
	 * description is text: a link cannot hold a link. */
	for (xmlNodePtr up = img->parent; url && up && up->type == XML_ELEMENT_NODE; up = up->parent)
		if (!strcmp((const char *)up->name, "a"))
			url = NULL;
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

/* A name for a file inside the book: folder ("images/", "media/") and its
 * manuscript path in safe ASCII, with the extension its bytes call for. */
static char *
resource_href(const char *folder, const char *rel, const char *media_type)
{
	/* A function of the path alone, so that it does not depend on which
	 * chapter found the image first: when the safe ASCII form loses
	 * anything, a hash of the path keeps different images apart. */
	strbuf sb = {0};
	strbuf_puts(&sb, folder);
	size_t start = sb.len;
	const char *dot = strrchr(rel, '.');
	const char *end = dot && !strchr(dot, '/') ? dot : rel + strlen(rel);
	const char *ext = media_extension(media_type);
	bool lossy = *end == '\0' || strcmp(end + 1, ext) != 0;
	/* Capitals count as lost: two images whose names differ only in case
	 * would be entries that differ only in case (OPF-060), so the hash
	 * keeps them apart. So does a name cut to keep the entry's name under
	 * 255 bytes. */
	for (const char *p = rel; p < end; p++) {
		char ch = *p;
		bool ok = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_';
		if (!ok)
			lossy = true;
		if (sb.len < start + 200)
			strbuf_putc(&sb, ok || (ch >= 'A' && ch <= 'Z') ? ch : ch == '/' ? '-' : '_');
		else
			lossy = true;
	}
	if (lossy)
		strbuf_printf(&sb, "-%08x", (unsigned)(strmap_hash(rel, strlen(rel)) & 0xffffffffu));
	strbuf_printf(&sb, ".%s", ext);
	return strbuf_take(&sb);
}

static int
compare_resources(const void *a, const void *b)
{
	return strcmp((*(resource *const *)a)->href, (*(resource *const *)b)->href);
}

void
links_number_resources(book *b)
{
	if (b->nresources > 1)
		qsort(b->resources, b->nresources, sizeof *b->resources, compare_resources);
	for (size_t i = 0; i < b->nresources; i++) {
		free(b->resources[i]->id);
		b->resources[i]->id = xasprintf("img%04zu", i + 1);
	}
}

/* What an image is for: its name in messages, and what stands in for it. */
enum image_use { IMAGE_TEXT, IMAGE_COVER, IMAGE_POSTER };

static resource *load_image_locked(book *b, const char *rel, enum image_use use,
                                   const char *file, int line, int col);

static resource *
load_image_use(book *b, const char *rel, enum image_use use, const char *file, int line,
               int col)
{
	pthread_mutex_lock(&resource_lock);
	resource *r = load_image_locked(b, rel, use, file, line, col);
	pthread_mutex_unlock(&resource_lock);
	return r;
}

resource *
links_load_image(book *b, const char *rel, const char *file, int line, int col)
{
	return load_image_use(b, rel, IMAGE_TEXT, file, line, col);
}

resource *
links_load_cover(book *b, const char *rel, const char *file, int line, int col)
{
	return load_image_use(b, rel, IMAGE_COVER, file, line, col);
}

static const char *
image_what(enum image_use use)
{
	return use == IMAGE_COVER ? "cover" : use == IMAGE_POSTER ? "poster image" : "image";
}

static const char *
image_instead(enum image_use use)
{
	return use == IMAGE_COVER    ? "the book would have no cover"
	       : use == IMAGE_POSTER ? "the video shows none"
	                             : "its description stands in";
}

/* Why the image rel is left out, said at file:line:col: for an image of the
 * text a warning, its description standing in; for the cover an error, as
 * a book without the cover its manuscript names is not the book asked for. */
static void
image_left_out(enum image_use use, const char *file, int line, int col, const char *rel,
               const char *why)
{
	diag_report(use == IMAGE_COVER ? DIAG_ERROR : DIAG_WARNING, file, line, col,
	            "%s '%s' %s; %s", image_what(use), rel, why, image_instead(use));
}

/* Reads the file at the manuscript-relative path rel, inside the
 * manuscript folder and under limit bytes: returns 0 with *norm (its
 * normalised path) and either *found (the resource loaded from it before)
 * or its bytes in *data and *len, the caller's to free; or -1 with *why,
 * a reason the caller frees. */
static int
read_resource_file(book *b, const char *rel, size_t limit, char **norm, resource **found,
                   char **data, size_t *len, char **why)
{
	char *fs = NULL;
	*norm = NULL;
	*found = NULL;
	*data = NULL;
	*len = 0;
	*why = NULL;
	enum path_status st = book_resolve_path(b, rel, norm, &fs);
	if (st != PATH_OK) {
		*why = xstrdup(st == PATH_FOLDER ? "is a folder" : book_path_status_text(st));
		free(*norm);
		*norm = NULL;
		free(fs);
		return -1;
	}
	*found = strmap_get(b->resource_by_path, *norm);
	int e = *found ? 0 : path_read_file(fs, data, len, limit);
	free(fs);
	if (e != 0) {
		*why = e == EFBIG ? xasprintf("cannot be read: larger than the %zu MiB limit",
		                              limit >> 20)
		                  : xasprintf("cannot be read: %s", strerror(e));
		free(*norm);
		*norm = NULL;
		return -1;
	}
	return 0;
}

/* A new resource of the book for the file at norm (its bytes taken). */
static resource *
add_resource(book *b, const char *folder, const char *norm, const char *type,
             unsigned char *bytes, size_t n)
{
	resource *r = xcalloc(1, sizeof *r);
	r->path = xstrdup(norm);
	r->media_type = xstrdup(type);
	r->href = resource_href(folder, norm, type);
	r->id = xasprintf("img%04zu", b->nresources + 1); /* renumbered at the end */
	r->data = bytes;
	r->len = n;
	book_add_resource(b, r);
	return r;
}

static resource *
load_image_locked(book *b, const char *rel, enum image_use use, const char *file, int line,
                  int col)
{
	char *norm = NULL, *why = NULL, *data = NULL;
	size_t len = 0;
	resource *r = NULL;
	const char *what = image_what(use), *instead = image_instead(use);
	enum diag_level level = use == IMAGE_COVER ? DIAG_ERROR : DIAG_WARNING;
	if (read_resource_file(b, rel, MKBOOK_MAX_IMAGE_BYTES, &norm, &r, &data, &len, &why) != 0) {
		image_left_out(use, file, line, col, rel, why);
		goto out;
	}
	if (r) {
		if (!str_starts_with(r->media_type, "image/")) {
			diag_report(level, file, line, col, "%s '%s' is a sound or video file; %s", what,
			            rel, instead);
			r = NULL;
		}
		goto out;
	}
	const char *type = media_sniff((unsigned char *)data, len);
	if (type != NULL && !media_is_core_image(type)) {
		diag_report(level, file, line, col,
		            "%s '%s' is WebP, which e-readers need not show; convert it to PNG or JPEG",
		            what, rel);
		goto out;
	}
	if (type == NULL) {
		diag_report(level, file, line, col, "%s%s'%s' is not an image (PNG, JPEG, GIF or SVG); %s",
		            use == IMAGE_TEXT ? "" : what, use == IMAGE_TEXT ? "" : " ", rel, instead);
		goto out;
	}
	const char *broken = media_structure_problem(type, (unsigned char *)data, len);
	if (broken) {
		/* A warning for the cover too: as it was before posters. */
		diag_warning(file, line, col, "%s '%s' is not a whole image: %s; %s", what, rel, broken,
		             instead);
		goto out;
	}
	unsigned char *bytes = (unsigned char *)data;
	size_t nbytes = len;
	if (!strcmp(type, "image/svg+xml")) {
		const char *svg_why = NULL;
		if (media_clean_svg((unsigned char *)data, len, &bytes, &nbytes, &svg_why) != 0) {
			diag_report(level, file, line, col, "SVG %s '%s' is left out: %s", what, rel,
			            svg_why);
			goto out;
		}
		free(data);
	}
	data = NULL;
	r = add_resource(b, "images/", norm, type, bytes, nbytes);
out:
	free(data);
	free(why);
	free(norm);
	return r;
}

/* What a file of an <audio> or <video> is for. */
enum av_use { AV_AUDIO, AV_VIDEO, AV_TRACK };

/* Why the file of an <audio> or <video> at rel is not one it can carry
 * (for use), with its type from its bytes in *type; NULL when it can.
 * Static storage, or *why's, which the caller frees. */
static const char *
av_file_problem(enum av_use use, const resource *found, const unsigned char *data, size_t len,
                const char **type, char **why)
{
	if (use == AV_TRACK) {
		*type = "text/vtt";
		if (found)
			return strcmp(found->media_type, "text/vtt") ? "is not a WebVTT file" : NULL;
		const char *broken = media_webvtt_problem(data, len);
		return broken ? *why = xasprintf("is not a WebVTT file: %s", broken) : NULL;
	}
	*type = found ? found->media_type : media_sniff_av(data, len);
	if (*type == NULL || str_starts_with(*type, "image/") || !strcmp(*type, "text/vtt"))
		return "is not a sound or video file (MP3, MP4, Ogg or WebM) by its bytes";
	/* The rule media.c states: core audio types, and video in <video>. */
	if (!media_is_core_audio(*type) && !(use == AV_VIDEO && str_starts_with(*type, "video/")))
		return *why = xasprintf(str_starts_with(*type, "video/")
		                            ? "is a video (%s): put it in a <video>"
		                            : "is %s, which e-readers need not play; convert it to "
		                              "MP3, AAC (MP4) or Opus (Ogg)",
		                        *type);
	const char *broken = found ? NULL : media_av_structure_problem(*type, data, len);
	return broken ? *why = xasprintf("is not whole: %s", broken) : NULL;
}

/* Loads the file at rel for use (sound and video files by
 * links_load_media, WebVTT tracks), or returns the one loaded before;
 * NULL after a warning. */
static resource *
load_av_locked(book *b, const char *rel, enum av_use use, const char *file, int line, int col)
{
	char *norm = NULL, *why = NULL, *data = NULL;
	size_t len = 0;
	resource *r = NULL;
	const char *type = NULL, *problem = NULL;
	const char *what = use == AV_TRACK ? "track" : "sound or video file";
	size_t limit = use == AV_TRACK ? MKBOOK_MAX_FILE_BYTES : MKBOOK_MAX_MEDIA_BYTES;
	if (read_resource_file(b, rel, limit, &norm, &r, &data, &len, &why) != 0)
		problem = why;
	else
		problem = av_file_problem(use, r, (unsigned char *)data, len, &type, &why);
	if (problem) {
		diag_warning(file, line, col, "%s '%s' %s; it is left out", what, rel, problem);
		r = NULL;
	} else if (r == NULL) {
		r = add_resource(b, "media/", norm, type, (unsigned char *)data, len);
		data = NULL;
	}
	free(data);
	free(why);
	free(norm);
	return r;
}

resource *
links_load_media(book *b, const char *rel, bool video, const char *file, int line, int col)
{
	pthread_mutex_lock(&resource_lock);
	resource *r = load_av_locked(b, rel, video ? AV_VIDEO : AV_AUDIO, file, line, col);
	pthread_mutex_unlock(&resource_lock);
	return r;
}

/* The manuscript-relative path that src, a relative address in c, names:
 * without query and fragment, percent-decoded, joined to c's folder
 * (book_resolve_path checks it stays inside). Caller frees. */
static char *
chapter_file_path(const chapter *c, const char *src)
{
	char *s = xstrndup(src, strcspn(src, "?#"));
	char *path = slug_percent_decode(s);
	char *dir = c->path ? path_dirname(c->path) : xstrdup("");
	char *joined = path_join(dir, path);
	free(dir);
	free(path);
	free(s);
	return joined;
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
	if (url_has_scheme(src) || str_starts_with(src, "//")) {
		bool web = url_scheme_is(src, "http") || url_scheme_is(src, "https") ||
		           str_starts_with(src, "//");
		diag_warning(c->file, line, col,
		             web ? "remote image '%.80s' is not fetched; its description links to it"
		                 : "image '%.80s' is not a file of the manuscript; its description "
		                   "stands in",
		             src);
		char *url = str_starts_with(src, "//") ? xasprintf("https:%s", src) : NULL;
		image_to_text(img, url ? url : web ? src : NULL); /* //host/x as a link */
		free(url);
		free(src);
		return;
	}
	char *joined = chapter_file_path(c, src);
	resource *r = links_load_image(b, joined, c->file, line, col);
	if (r) {
		char *h = xhtml_href_relative(c->href, r->href);
		xmlSetProp(img, BAD_CAST "src", BAD_CAST h);
		free(h);
	} else {
		image_to_text(img, NULL);
	}
	free(joined);
	free(src);
}

/* Packs the file that n's attribute attr (the src of an <audio>, <video>,
 * <source> or <track>, or a video's poster) names and points the
 * attribute at it; a <source> gets its type from the bytes. Returns
 * false, after a warning, when the file cannot be had. */
static bool
pack_address(book *b, chapter *c, xmlNodePtr n, const char *attr, bool video, int line, int col)
{
	xmlChar *raw = xmlGetProp(n, BAD_CAST attr);
	if (raw == NULL)
		return false;
	bool poster = !strcmp(attr, "poster");
	resource *r = NULL;
	if (url_has_scheme((const char *)raw) || str_starts_with((const char *)raw, "//")) {
		/* Only a poster can come from the web here (av.c kept the rest out). */
		diag_warning(c->file, line, col,
		             "poster image '%.80s' is not fetched; the video shows none",
		             (const char *)raw);
	} else {
		char *joined = chapter_file_path(c, (const char *)raw);
		if (poster) {
			r = load_image_use(b, joined, IMAGE_POSTER, c->file, line, col);
		} else if (!strcmp((const char *)n->name, "track")) {
			pthread_mutex_lock(&resource_lock);
			r = load_av_locked(b, joined, AV_TRACK, c->file, line, col);
			pthread_mutex_unlock(&resource_lock);
		} else {
			r = links_load_media(b, joined, video, c->file, line, col);
		}
		free(joined);
	}
	if (r) {
		char *h = xhtml_href_relative(c->href, r->href);
		xmlSetProp(n, BAD_CAST attr, BAD_CAST h);
		free(h);
		if (!strcmp((const char *)n->name, "source"))
			xmlSetProp(n, BAD_CAST "type", BAD_CAST r->media_type);
	}
	xmlFree(raw);
	return r != NULL;
}

/* An <audio> or <video> of a chapter that the sanitiser kept (av.h): its
 * files packed, its poster loaded or dropped, a text for readers that play
 * nothing; or, when none of its files can be packed, its text in its
 * place. */
static void
resolve_av(book *b, chapter *c, xmlNodePtr el)
{
	const char *name = (const char *)el->name;
	bool video = !strcmp(name, "video");
	int line = take_line(el), col = 0;
	xmlChar *src = xmlGetProp(el, BAD_CAST "src");
	char *needle = xasprintf("<%s", name);
	locate(c, &line, &col, src ? (const char *)src : needle);
	bool named = src != NULL, played = src && pack_address(b, c, el, "src", video, line, col);
	if (src && !played)
		xmlUnsetProp(el, BAD_CAST "src");
	for (xmlNodePtr k = el->children, next; k; k = next) {
		next = k->next;
		if (k->type != XML_ELEMENT_NODE || strcmp((const char *)k->name, "source"))
			continue;
		named = true;
		if (pack_address(b, c, k, "src", video, line, col)) {
			played = true;
		} else {
			xmlUnlinkNode(k);
			xmlFreeNode(k);
		}
	}
	/* Its tracks (captions...) once it plays: they go with it. */
	for (xmlNodePtr k = el->children, next; k; k = next) {
		next = k->next;
		if (k->type != XML_ELEMENT_NODE || strcmp((const char *)k->name, "track"))
			continue;
		if (!played || !pack_address(b, c, k, "src", video, line, col)) {
			xmlUnlinkNode(k);
			xmlFreeNode(k);
		}
	}
	if (!played) {
		av_leave_out(c->file, name, NULL,
		             named ? "none of its files can be packed" : "it names no file", line, col);
		unwrap(el);
		goto out;
	}
	if (xmlHasProp(el, BAD_CAST "poster") && !pack_address(b, c, el, "poster", true, line, col))
		xmlUnsetProp(el, BAD_CAST "poster");
	if (!av_has_text(el)) {
		/* The fallback for readers that play nothing: the element's own
		 * name for itself, else the word for what it is. */
		xmlChar *label = xmlGetProp(el, BAD_CAST "aria-label");
		if (label == NULL || *label == '\0') {
			xmlFree(label);
			label = xmlGetProp(el, BAD_CAST "title");
		}
		const char *text = label && *label ? (const char *)label
		                                   : book_label(b, video ? LABEL_VIDEO : LABEL_AUDIO);
		diag_warning(c->file, line, col,
		             "<%s> has no text for readers that cannot play it; \"%s\" stands in: "
		             "write what it holds between <%s> and </%s>",
		             name, text, name, name);
		xmlAddChild(el, xmlNewDocText(el->doc, BAD_CAST text));
		xmlFree(label);
	}
out:
	free(needle);
	xmlFree(src);
}

void
links_resolve_chapter(book *b, chapter *c, page *p)
{
	cursor.body = NULL; /* a new text may stand where a freed one stood */
	/* Collect first: resolving changes the tree. */
	xmlNodePtr *todo = NULL;
	size_t n = 0;
	xmlNodePtr root = xmlDocGetRootElement(p->doc);
	xmlNodePtr cur = root;
	while (cur) {
		if (cur->type == XML_ELEMENT_NODE &&
		    (!strcmp((const char *)cur->name, "a") || !strcmp((const char *)cur->name, "img") ||
		     av_is_media((const char *)cur->name))) {
			todo = xgrow(todo, n, sizeof *todo);
			todo[n++] = cur;
		}
		cur = xhtml_next_node(cur, root, true);
	}
	if (c->kind != CHAPTER_TEXT) {
		/* Pages mkbook writes itself hold only finished links; reader
		 * comments only web links (the sanitiser saw to that). */
		for (size_t i = 0; i < n; i++)
			xmlUnsetProp(todo[i], BAD_CAST "data-mkbook-line");
		free(todo);
		return;
	}
	/* Images, sound and video first: one inside a link must be settled
	 * before the link is unwrapped. Then links, in document order. */
	for (size_t i = 0; i < n; i++)
		if (!strcmp((const char *)todo[i]->name, "img")) {
			resolve_image(b, c, todo[i]);
			todo[i] = NULL; /* an image replaced by its description is freed */
		} else if (av_is_media((const char *)todo[i]->name)) {
			resolve_av(b, c, todo[i]);
			todo[i] = NULL; /* unwrapped when nothing of it can be packed */
		}
	cursor.body = NULL; /* locate from the top again */
	for (size_t i = 0; i < n; i++)
		if (todo[i] != NULL)
			resolve_link(b, c, p, todo[i]);
	free(todo);
}

/* A chapter and its page, for finding the page of a link's target. */
struct chapter_page {
	uintptr_t chapter;
	page *page;
};

static int
compare_chapter_pages(const void *a, const void *b)
{
	uintptr_t x = ((const struct chapter_page *)a)->chapter;
	uintptr_t y = ((const struct chapter_page *)b)->chapter;
	return x < y ? -1 : x > y;
}

void
links_settle(book *b, page *pages)
{
	struct chapter_page *by_chapter = xmalloc((b->nchapters ? b->nchapters : 1) *
	                                          sizeof *by_chapter);
	for (size_t i = 0; i < b->nchapters; i++)
		by_chapter[i] = (struct chapter_page){(uintptr_t)b->chapters[i], &pages[i]};
	qsort(by_chapter, b->nchapters, sizeof *by_chapter, compare_chapter_pages);
	for (size_t i = 0; i < b->nchapters; i++) {
		const chapter *c = b->chapters[i];
		xref_list *l = &pages[i].xrefs;
		for (size_t k = 0; k < l->n; k++) {
			xref *x = &l->items[k];
			struct chapter_page key = {(uintptr_t)x->target, NULL};
			struct chapter_page *t = bsearch(&key, by_chapter, b->nchapters,
			                                 sizeof *by_chapter, compare_chapter_pages);
			const char *id = t ? page_find_id(t->page, x->fragment) : NULL;
			if (id == NULL && !x->target->unread)
				warn_no_anchor(c->file, x->line, x->col, x->href, x->target, x->fragment);
			xref_resolve(x, id);
		}
	}
	free(by_chapter);
}
