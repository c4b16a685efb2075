/* images.c - where an image's bytes are (import_image_locate) and the
 * copies in the manuscript's images/ folder (import_images_get). */
#include "import/images.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "book.h"
#include "diag.h"
#include "import/output.h"
#include "media.h"
#include "slug.h"
#include "url.h"
#include "util.h"

struct import_images {
	const import_site *site;
	const import_options *opt;
	strmap *by_url;   /* url -> "images/name" (in paths), or &none */
	strmap *by_file;  /* file copied -> "images/name" (in paths) */
	strlist paths;    /* owns the values of by_url */
	strset *names;    /* file names taken in images/ */
	size_t copied;
};

/* The value by_url holds for an address that is not to be had. */
static char none;

import_images *
import_images_new(const import_site *site, const import_options *opt)
{
	import_images *im = xcalloc(1, sizeof *im);
	im->site = site;
	im->opt = opt;
	im->by_url = strmap_new();
	im->by_file = strmap_new();
	im->names = strset_new();
	return im;
}

void
import_images_free(import_images *im)
{
	if (im == NULL)
		return;
	strset_free(im->names);
	strlist_free(&im->paths);
	strmap_free(im->by_url);
	strmap_free(im->by_file);
	free(im);
}

size_t
import_images_count(const import_images *im)
{
	return im->copied;
}

/* url without its query and fragment, percent-decoded. Caller frees. */
static char *
url_path_part(const char *url)
{
	size_t n = strcspn(url, "?#");
	char *cut = xstrndup(url, n);
	char *dec = slug_percent_decode(cut);
	free(cut);
	return dec;
}

/* url without "http:" or "https:" ("//host/path"), for comparing
 * addresses that differ only in their scheme. */
static const char *
without_scheme(const char *url)
{
	if (str_starts_with(url, "https:"))
		return url + 6;
	if (str_starts_with(url, "http:"))
		return url + 5;
	return url;
}

static bool
has_scheme(const char *url)
{
	size_t n = strspn(url, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");
	return n > 0 && url[n] == ':';
}

/* dir joined with rel, a relative path that must stay inside dir (also
 * through symbolic links), when that is a regular file; else NULL.
 * Caller frees. */
static char *
file_inside(const char *dir, const char *rel)
{
	char *norm = path_normalize_relative(rel);
	char *path = norm && *norm ? path_join(dir, norm) : NULL;
	char *real_dir = path ? realpath(dir, NULL) : NULL;
	char *real = real_dir ? realpath(path, NULL) : NULL;
	struct stat st;
	size_t n = real_dir ? strlen(real_dir) : 0;
	bool ok = real && strncmp(real, real_dir, n) == 0 && real[n] == '/' &&
	          stat(real, &st) == 0 && S_ISREG(st.st_mode);
	free(norm);
	free(real_dir);
	free(real);
	if (!ok) {
		free(path);
		return NULL;
	}
	return path;
}

char *
import_folder_url(const char *dir)
{
	char *real = realpath(dir, NULL);
	if (real == NULL)
		return NULL;
	strbuf sb = {0};
	strbuf_puts(&sb, "file://");
	for (const unsigned char *p = (const unsigned char *)real; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("/-._~", *p))
			strbuf_putc(&sb, (char)*p);
		else
			strbuf_printf(&sb, "%%%02X", *p);
	}
	strbuf_putc(&sb, '/');
	free(real);
	return strbuf_take(&sb);
}

/* The path, relative to the saved page's folder, that url names there:
 * a relative address, or a file: address inside that folder (what a
 * relative address becomes against import_folder_url). Caller frees;
 * NULL when url is neither. */
static char *
page_folder_part(const char *base_dir, const char *url)
{
	if (!str_starts_with(url, "file://"))
		return has_scheme(url) || url[0] == '/' ? NULL : url_path_part(url);
	char *base = import_folder_url(base_dir);
	char *rel = base && str_starts_with(url, base) ? url_path_part(url + strlen(base)) : NULL;
	free(base);
	return rel;
}

/* rel without WordPress's size suffix ("a-300x200.jpg" -> "a.jpg"), the
 * file every smaller copy is made from; NULL when it has none. */
static char *
full_size_name(const char *rel)
{
	const char *dot = strrchr(rel, '.');
	const char *slash = strrchr(rel, '/');
	if (dot == NULL || (slash && dot < slash))
		return NULL;
	const char *p = dot;
	size_t h = 0, wd = 0;
	while (p > rel && p[-1] >= '0' && p[-1] <= '9')
		p--, h++;
	if (h == 0 || p == rel || p[-1] != 'x')
		return NULL;
	p--;
	while (p > rel && p[-1] >= '0' && p[-1] <= '9')
		p--, wd++;
	if (wd == 0 || p == rel || p[-1] != '-')
		return NULL;
	p--;
	return xasprintf("%.*s%s", (int)(p - rel), rel, dot);
}

/* The --uploads file for url, when url lies under uploads_url: also
 * through Jetpack's image CDN (i0.wp.com/HOST/PATH), and the full-size
 * original when a resized copy is missing. Caller frees; NULL if none. */
static char *
uploads_file(const char *uploads_url, const char *uploads, const char *url)
{
	const char *u = without_scheme(url), *base = without_scheme(uploads_url);
	/* "//i0.wp.com/example.org/wp-content/..." is "//example.org/wp-content/..." */
	char *cdn = NULL;
	if (strlen(u) > 12 && !strncmp(u, "//i", 3) && u[3] >= '0' && u[3] <= '3' &&
	    !strncmp(u + 4, ".wp.com/", 8))
		u = cdn = xasprintf("//%s", u + 12);
	size_t n = strlen(base);
	char *path = NULL;
	if (n > 0 && strncmp(u, base, n) == 0) {
		char *rel = url_path_part(u + n + (base[n - 1] != '/' && u[n] == '/'));
		path = file_inside(uploads, rel);
		char *full = path ? NULL : full_size_name(rel);
		if (full)
			path = file_inside(uploads, full);
		free(full);
		free(rel);
	}
	free(cdn);
	return path;
}

char *
import_image_locate(const import_site *site, const import_options *opt, const char *url)
{
	const char *file = site->file ? site->file : opt->input;
	if (url == NULL || *url == '\0')
		return NULL;
	if (site->uploads_url && opt->uploads) {
		char *path = uploads_file(site->uploads_url, opt->uploads, url);
		if (path)
			return path;
	}
	char *rel = site->base_dir ? page_folder_part(site->base_dir, url) : NULL;
	if (rel) {
		char *path = file_inside(site->base_dir, rel);
		free(rel);
		if (path)
			return path;
	}
	if (opt->fetch && url_web_host(url) != NULL)
		return import_fetch_image(url, opt->out_dir, file); /* warns when it fails */
	diag_warning(file, 0, 0, "image '%.200s' %s; its description stands in for it%s", url,
	             site->base_dir ? "is not in the saved page's folder"
	             : opt->uploads ? "is not in the --uploads folder"
	                            : "was not copied: no --uploads folder was given",
	             opt->fetch ? "" : " (--fetch downloads it)");
	return NULL;
}

/* A free name in images/ for stem and ext: "stem.ext", else "stem-2.ext"... */
static char *
claim_name(import_images *im, const char *stem, const char *ext)
{
	char *name = xasprintf("%s.%s", stem, ext);
	for (int k = 2; !strset_add(im->names, name); k++) {
		free(name);
		name = xasprintf("%s-%d.%s", stem, k, ext);
	}
	return name;
}

/* Copies the image file at path into images/; returns "images/name"
 * (caller frees) or NULL after a warning. */
static char *
copy_image(import_images *im, const char *url, const char *path)
{
	const char *file = im->site->file ? im->site->file : im->opt->input;
	char *data = NULL, *rel = NULL;
	size_t len = 0;
	int e = path_read_file(path, &data, &len, MKBOOK_MAX_IMAGE_BYTES);
	if (e != 0) {
		diag_warning(file, 0, 0, "image '%.200s': cannot read %s: %s; its description "
		                         "stands in for it",
		             url, path, e == EFBIG ? "larger than 64 MiB" : strerror(e));
		goto out;
	}
	const char *type = media_sniff((const unsigned char *)data, len);
	if (!media_is_core_image(type)) {
		diag_warning(file, 0, 0, "image '%.200s' (%s) is %s; its description stands in for it",
		             url, path,
		             type ? "a WebP image, which e-book readers need not show"
		                  : "not a PNG, JPEG, GIF or SVG image");
		goto out;
	}
	char *base = url_path_part(path_basename(path));
	char *dot = strrchr(base, '.');
	if (dot && dot != base)
		*dot = '\0';
	char *stem = output_slug(base, 60);
	free(base);
	char *name = claim_name(im, *stem ? stem : "image", media_extension(type));
	free(stem);
	rel = path_join("images", name);
	free(name);
	if (output_mkdir(im->opt->out_dir, "images") != 0 ||
	    output_write(im->opt->out_dir, rel, data, len) != 0) {
		free(rel);
		rel = NULL;
		goto out;
	}
	im->copied++;
out:
	free(data);
	return rel;
}

const char *
import_images_get(import_images *im, const char *url)
{
	if (url == NULL || *url == '\0')
		return NULL;
	char *have = strmap_get(im->by_url, url);
	if (have)
		return have == &none ? NULL : have;
	char *rel = NULL;
	char *path = import_image_locate(im->site, im->opt, url);
	char *same = path ? strmap_get(im->by_file, path) : NULL;
	if (same) {
		/* Another address of a file already copied (a resized copy's
		 * original, the CDN's address): one copy serves both. */
		strmap_put(im->by_url, url, same);
		free(path);
		return same;
	}
	if (path) {
		/* A download is in images/ already, under its own name. */
		char *fetched = path_join(im->opt->out_dir, "images/");
		if (str_starts_with(path, fetched) && strset_add(im->names, path_basename(path))) {
			rel = path_join("images", path_basename(path));
			im->copied++;
		} else {
			rel = copy_image(im, url, path);
		}
		free(fetched);
	}
	if (rel == NULL) {
		strmap_put(im->by_url, url, &none);
		free(path);
		return NULL;
	}
	strlist_push_owned(&im->paths, rel);
	strmap_put(im->by_url, url, rel);
	strmap_put(im->by_file, path, rel);
	free(path);
	return rel;
}
