/* main.c - the mkbook command: options, the pipeline, exit codes
 * (0 the book was written, 1 the book has errors, 2 usage). */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "build.h"
#include "diag.h"
#include "epub.h"
#include "manuscript.h"
#include "markdown.h"
#include "slug.h"
#include "util.h"

#ifndef MKBOOK_VERSION
#define MKBOOK_VERSION "0.1.0"
#endif

static void
usage(FILE *f)
{
	fputs("Usage: mkbook [OPTIONS] MANUSCRIPT_DIR\n"
	      "Make an EPUB 3 e-book from a folder of Markdown.\n"
	      "\n"
	      "  -o, --output FILE   write the EPUB to FILE (default: from the title)\n"
	      "      --check         check everything, report every problem, write nothing;\n"
	      "                      also flags reader comments that look like spam\n"
	      "      --strict        treat every warning as an error\n"
	      "      --toc-depth N   heading levels in the table of contents (1-6, default 2)\n"
	      "  -q, --quiet         print nothing but warnings and errors\n"
	      "  -h, --help          show this help and exit\n"
	      "  -V, --version       show the version and exit\n"
	      "\n"
	      "The folder holds book.yaml (title, author, language, contents...) and the\n"
	      "Markdown files; see mkbook(5). Messages read FILE:LINE:COL: error|warning.\n"
	      "Exit status: 0 written, 1 the book has errors, 2 usage error.\n"
	      "\n"
	      "Example:\n"
	      "  mkbook manuscript/ -o book.epub\n",
	      f);
}

/* A file name from the title: its slug with ".epub". Caller frees. */
static char *
default_output(const book *b)
{
	char *s = slug_github(b->title ? b->title : "");
	/* Keep it a plain name: no separators, no leading dot. */
	for (char *p = s; *p; p++)
		if (*p == '/' || *p == '\\')
			*p = '-';
	char *out = *s && *s != '.' ? xasprintf("%s.epub", s) : xstrdup("book.epub");
	free(s);
	return out;
}

/* Whether writing to out would overwrite one of the manuscript's files. */
static bool
is_manuscript_file(const book *b, const char *out)
{
	char real_out[PATH_MAX], real_in[PATH_MAX];
	if (realpath(out, real_out) == NULL)
		return false;
	bool hit = false;
	char *y = path_join(b->dir, "book.yaml");
	if (realpath(y, real_in) && strcmp(real_in, real_out) == 0)
		hit = true;
	free(y);
	for (size_t i = 0; i < b->nchapters && !hit; i++) {
		if (b->chapters[i]->path == NULL)
			continue;
		char *p = path_join(b->dir, b->chapters[i]->path);
		if (realpath(p, real_in) && strcmp(real_in, real_out) == 0)
			hit = true;
		free(p);
	}
	for (size_t i = 0; i < b->nresources && !hit; i++) {
		if (b->resources[i]->path == NULL)
			continue;
		char *p = path_join(b->dir, b->resources[i]->path);
		if (realpath(p, real_in) && strcmp(real_in, real_out) == 0)
			hit = true;
		free(p);
	}
	for (size_t i = 0; i < b->ncomments && !hit; i++)
		if (realpath(b->comments[i]->file, real_in) && strcmp(real_in, real_out) == 0)
			hit = true;
	return hit;
}

static void
print_size(FILE *f, size_t n)
{
	if (n < 10240)
		fprintf(f, "%zu bytes", n);
	else if (n < 10u << 20)
		fprintf(f, "%zu KiB", (n + 512) / 1024);
	else
		fprintf(f, "%.1f MiB", (double)n / (1024.0 * 1024.0));
}

int
main(int argc, char **argv)
{
	enum { OPT_CHECK = 256, OPT_STRICT, OPT_TOC_DEPTH };
	static const struct option longopts[] = {
	    {"output", required_argument, NULL, 'o'},
	    {"check", no_argument, NULL, OPT_CHECK},
	    {"strict", no_argument, NULL, OPT_STRICT},
	    {"toc-depth", required_argument, NULL, OPT_TOC_DEPTH},
	    {"quiet", no_argument, NULL, 'q'},
	    {"help", no_argument, NULL, 'h'},
	    {"version", no_argument, NULL, 'V'},
	    {NULL, 0, NULL, 0},
	};
	const char *output = NULL;
	build_opts bo = {0};
	bool quiet = false;
	int ch;
	const char *nc = getenv("NO_COLOR");
	diag_set_color(isatty(STDERR_FILENO) && (nc == NULL || *nc == '\0') &&
	               getenv("TERM") && strcmp(getenv("TERM"), "dumb") != 0);
	while ((ch = getopt_long(argc, argv, "o:qhV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'o':
			output = optarg;
			break;
		case OPT_CHECK:
			bo.check = true;
			break;
		case OPT_STRICT:
			diag_set_strict(true);
			break;
		case OPT_TOC_DEPTH: {
			char *end;
			long d = strtol(optarg, &end, 10);
			if (*end != '\0' || d < 1 || d > 6) {
				fprintf(stderr, "mkbook: --toc-depth takes a number from 1 to 6, not '%s'\n",
				        optarg);
				return 2;
			}
			bo.toc_depth = (int)d;
			break;
		}
		case 'q':
			quiet = true;
			diag_set_notes(false);
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("mkbook %s\n", MKBOOK_VERSION);
			return 0;
		default:
			fputs("Try 'mkbook --help' for more information.\n", stderr);
			return 2;
		}
	}
	if (optind != argc - 1) {
		fprintf(stderr, "mkbook: %s\n", optind == argc ? "give the manuscript folder"
		                                               : "give exactly one manuscript folder");
		usage(stderr);
		return 2;
	}
	const char *dir = argv[optind];
	if (output && *output == '\0') {
		fputs("mkbook: -o needs a file name\n", stderr);
		return 2;
	}

	markdown_init();
	int status = 1;
	char *out_default = NULL;
	build_result r = {0};
	book *b = manuscript_load(dir);
	if (b == NULL)
		goto out;
	if (build_book(b, &bo, &r) != 0 || diag_error_count() > 0)
		goto out;
	if (r.has_qa && !quiet)
		printf("qa: %d in the book, %d spam left out, %d pending\n", r.qa.in_book, r.qa.spam,
		       r.qa.pending);
	if (bo.check) {
		if (!quiet)
			printf("%s: %zu chapters, %zu image%s, %d warning%s; nothing written (--check)\n",
			       dir, r.chapters, r.images, r.images == 1 ? "" : "s", diag_warning_count(),
			       diag_warning_count() == 1 ? "" : "s");
		status = 0;
		goto out;
	}
	if (output == NULL)
		output = out_default = default_output(b);
	if (is_manuscript_file(b, output)) {
		diag_error(output, 0, 0, "is a file of the manuscript; choose another output name");
		goto out;
	}
	if (write_file_atomically(output, r.epub, r.len) != 0)
		goto out;
	if (!quiet) {
		printf("%s: %zu chapters, %zu image%s, ", output, r.chapters, r.images,
		       r.images == 1 ? "" : "s");
		print_size(stdout, r.len);
		printf(", %d warning%s\n", diag_warning_count(), diag_warning_count() == 1 ? "" : "s");
	}
	status = 0;
out:
	if (status != 0 && diag_error_count() > 0)
		fprintf(stderr, "mkbook: %d error%s; no book written\n", diag_error_count(),
		        diag_error_count() == 1 ? "" : "s");
	free(r.epub);
	free(out_default);
	book_free(b);
	xmlCleanupParser();
	return status;
}
