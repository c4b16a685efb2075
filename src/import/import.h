/* import.h - `mkbook import`: a WordPress export or a saved web page to a
 * manuscript folder. The flow:
 *
 *   import_main (import_cli.c)  options, tells the input's kind by content
 *     -> wxr_read (wxr.c) | page_read (page.c)   fill an import_site (post.h)
 *     -> import_write (writer.c)   the manuscript: book.yaml, chapters,
 *        qa/, related/, images/ (HTML converted by html_md.c, images found
 *        by import_image_locate, fetched with --fetch by fetch.c)
 *
 * Every message goes through diag.c. Exit codes as mkbook's: 0 written,
 * 1 the input or the output folder has errors, 2 usage. */
#ifndef MKBOOK_IMPORT_H
#define MKBOOK_IMPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "import/post.h"

typedef struct import_options {
	const char *input;      /* EXPORT.xml or page.html */
	const char *out_dir;    /* -o DIR */
	const char *post;       /* --post ID|SLUG|URL, or NULL */
	const char *category;   /* --category NAME, or NULL */
	const char *uploads;    /* --uploads DIR, or NULL */
	const char *cover;      /* --cover FILE, or NULL */
	int related;            /* --related N, default 3 */
	bool list;              /* --list */
	bool all;               /* --all */
	bool fetch;             /* --fetch */
	bool keep_status;       /* --keep-status */
	bool force;             /* --force */
	bool article_only;      /* --article-only (saved pages) */
	bool quiet;             /* -q */
} import_options;

/* The `mkbook import` command; argv[0] is "import". Returns the exit code. */
int import_main(int argc, char **argv);

/* wxr.c: prints one line per published post (id, date, slug, approved
 * comments, title) to out. Returns 0, or 1 after reporting an error. */
int wxr_list(const import_options *opt, FILE *out);
/* wxr.c / page.c: read opt->input into a new site (caller frees with
 * import_site_free). Returns 0, or 1 after reporting why (nothing set). */
int wxr_read(const import_options *opt, import_site **out);
int page_read(const import_options *opt, import_site **out);

/* writer.c: writes the manuscript folder for site into opt->out_dir,
 * each file atomically, byte-identical for the same input; prints the
 * summary line last. Returns 0, or 1 after reporting an error. */
int import_write(const import_site *site, const import_options *opt);

/* writer.c: where the bytes of the image at url are, on disk: the
 * --uploads copy (url under site->uploads_url), the saved page's folder
 * (site->base_dir), or, with --fetch, a download (fetch.c). Returns a
 * path the caller frees, or NULL (a warning was given). */
char *import_image_locate(const import_site *site, const import_options *opt,
                          const char *url);

#endif
