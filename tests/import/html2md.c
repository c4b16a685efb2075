/* html2md - the converter of the importers (src/import/html_md.c) on one
 * HTML file, for the end-to-end test (tests/run-import-html.sh).
 *
 * Usage: html2md [-r] [-u] [-b BASE] [-i IMAGES -p PLACEHOLDER] IN.html
 *   -r  WordPress editor text (wpautop, block comments, shortcodes)
 *   -u  untrusted (a reader comment)
 *   -b  the address relative links and images resolve against
 *   -i  each image becomes a copy of PLACEHOLDER in the folder IMAGES,
 *       named after the image's address (the test has no network); without
 *       -i every image gives way to its alt text
 * Writes the Markdown to stdout; warnings to stderr. Exit status 0, or 2
 * on a usage error or a file that cannot be read or written. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "import/html_md.h"
#include "util.h"

typedef struct images {
	const char *dir;
	const char *placeholder;
	const char *ext;
	char *data;
	size_t len;
	strlist paths; /* handed back to the converter, freed at the end */
} images;

/* The address's last part without its extension, reduced to characters
 * safe in a file name. */
static char *
safe_stem(const char *url)
{
	size_t end = strcspn(url, "?#");
	size_t start = end;
	while (start > 0 && url[start - 1] != '/')
		start--;
	strbuf s = {0};
	for (size_t i = start; i < end && s.len < 60; i++) {
		char c = url[i];
		if (c == '.' && strchr(url + i + 1, '.') == NULL)
			break;
		strbuf_putc(&s, (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		                        c == '-' || c == '_'
		                    ? c
		                    : '-');
	}
	if (s.len == 0)
		strbuf_puts(&s, "image");
	return strbuf_take(&s);
}

static const char *
copy_image(void *ctx, const char *url, const char *alt)
{
	(void)alt;
	images *im = ctx;
	char *stem = safe_stem(url);
	char *rel = xasprintf("images/%s%s", stem, im->ext);
	char *path = xasprintf("%s/%s%s", im->dir, stem, im->ext);
	FILE *f = fopen(path, "wb");
	bool ok = f && fwrite(im->data, 1, im->len, f) == im->len;
	if (f && fclose(f) != 0)
		ok = false;
	free(stem);
	free(path);
	if (!ok) {
		free(rel);
		return NULL;
	}
	strlist_push_owned(&im->paths, rel);
	return rel;
}

int
main(int argc, char **argv)
{
	html_md_options o = {.file = NULL};
	images im = {0};
	int c, rc = 2;
	char *html = NULL;
	size_t len;
	while ((c = getopt(argc, argv, "rub:i:p:")) != -1) {
		switch (c) {
		case 'r': o.wordpress_raw = true; break;
		case 'u': o.untrusted = true; break;
		case 'b': o.base_url = optarg; break;
		case 'i': im.dir = optarg; break;
		case 'p': im.placeholder = optarg; break;
		default: goto out;
		}
	}
	if (optind != argc - 1 || (im.dir && !im.placeholder))
		goto out;
	o.file = argv[optind];
	if (path_read_file(argv[optind], &html, &len, 0) != 0)
		goto out;
	if (im.dir) {
		if (path_read_file(im.placeholder, &im.data, &im.len, 0) != 0)
			goto out;
		const char *dot = strrchr(im.placeholder, '.');
		im.ext = dot ? dot : "";
		o.image = copy_image;
		o.image_ctx = &im;
	}
	char *md = html_md_convert(html, &o);
	fputs(md, stdout);
	free(md);
	rc = fflush(stdout) == 0 ? 0 : 2;
out:
	if (rc == 2 && html == NULL)
		fprintf(stderr, "usage: html2md [-r] [-u] [-b BASE] [-i IMAGES -p PLACEHOLDER] IN.html\n");
	free(html);
	free(im.data);
	strlist_free(&im.paths);
	return rc;
}
