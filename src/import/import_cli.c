/* import_cli.c - `mkbook import`: its options, which source reads the
 * input (told by the input's first bytes, never by its name), then the
 * writer. Exit codes as mkbook's: 0 written, 1 errors, 2 usage. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "diag.h"
#include "import/import.h"
#include "util.h"

enum input_kind { INPUT_WXR, INPUT_PAGE };

static void
usage(FILE *f)
{
	fputs("Usage: mkbook import [OPTIONS] FILE -o DIR\n"
	      "Turn a WordPress export (Tools > Export) or a saved web page into a\n"
	      "manuscript folder; then make the book with 'mkbook DIR'.\n"
	      "\n"
	      "  -o, --output DIR       the folder to write (created; must be empty)\n"
	      "      --list             list the export's published posts; write nothing\n"
	      "      --post ID|SLUG|URL the post to import (default: the only one)\n"
	      "      --all              every published post, oldest first, as one book\n"
	      "      --category NAME    with --all: only the posts of one category\n"
	      "      --related N        related posts to list (default 3, 0 for none)\n"
	      "      --uploads DIR      a copy of the site's wp-content/uploads folder\n"
	      "      --fetch            download the images not found (http, https)\n"
	      "      --keep-status      keep comment statuses; hold no likely spam\n"
	      "      --force            write into a folder that is not empty\n"
	      "      --cover FILE       the book's cover image\n"
	      "      --article-only     saved page: the article without its comments\n"
	      "  -q, --quiet            print nothing but warnings and errors\n"
	      "  -h, --help             show this help and exit\n"
	      "\n"
	      "Examples:\n"
	      "  mkbook import export.xml --list\n"
	      "  mkbook import export.xml --post 42 --uploads uploads/ -o mybook\n"
	      "  mkbook mybook\n",
	      f);
}

static int
usage_error(const char *fmt, const char *arg)
{
	fputs("mkbook: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\nTry 'mkbook import --help' for more information.\n", stderr);
	return 2;
}

/* Whether the first bytes of the input (head, n bytes) are an HTML page
 * rather than XML: a doctype or an <html> tag, before any <rss> and not
 * after an XML declaration that an <rss> follows. */
static bool
is_html_head(const char *head, size_t n)
{
	char low[4097];
	size_t m = n < sizeof low - 1 ? n : sizeof low - 1;
	for (size_t i = 0; i < m; i++) {
		char c = head[i];
		low[i] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c == '\0' ? ' ' : c);
	}
	low[m] = '\0';
	const char *rss = strstr(low, "<rss");
	const char *wp = strstr(low, "wordpress.org/export/");
	const char *html = strstr(low, "<html");
	const char *doctype = strstr(low, "<!doctype html");
	const char *first_html = html && doctype ? (html < doctype ? html : doctype)
	                                         : html ? html : doctype;
	if (first_html == NULL)
		return false;
	if (rss && rss < first_html)
		return false;
	if (wp && wp < first_html)
		return false;
	return true;
}

/* Tells a WordPress export from a saved page by the first 4 KiB of the
 * file (an export's own header comment can run past the first KiB before
 * its <rss>). Returns 0, or 1 after reporting why the file cannot be read. */
static int
sniff_input(const char *path, enum input_kind *kind)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL) {
		diag_error(path, 0, 0, "cannot read it: %s", strerror(errno));
		return 1;
	}
	char head[4096];
	size_t n = fread(head, 1, sizeof head, f);
	bool bad = ferror(f);
	int err = errno;
	fclose(f);
	if (bad) {
		diag_error(path, 0, 0, "cannot read it: %s", strerror(err));
		return 1;
	}
	*kind = is_html_head(head, n) ? INPUT_PAGE : INPUT_WXR;
	return 0;
}

int
import_main(int argc, char **argv)
{
	enum {
		OPT_LIST = 256, OPT_POST, OPT_ALL, OPT_CATEGORY, OPT_RELATED, OPT_UPLOADS, OPT_FETCH,
		OPT_KEEP, OPT_FORCE, OPT_COVER, OPT_ARTICLE
	};
	static const struct option longopts[] = {
	    {"output", required_argument, NULL, 'o'},
	    {"list", no_argument, NULL, OPT_LIST},
	    {"post", required_argument, NULL, OPT_POST},
	    {"all", no_argument, NULL, OPT_ALL},
	    {"category", required_argument, NULL, OPT_CATEGORY},
	    {"related", required_argument, NULL, OPT_RELATED},
	    {"uploads", required_argument, NULL, OPT_UPLOADS},
	    {"fetch", no_argument, NULL, OPT_FETCH},
	    {"keep-status", no_argument, NULL, OPT_KEEP},
	    {"force", no_argument, NULL, OPT_FORCE},
	    {"cover", required_argument, NULL, OPT_COVER},
	    {"article-only", no_argument, NULL, OPT_ARTICLE},
	    {"quiet", no_argument, NULL, 'q'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	import_options opt = {.related = 3};
	int ch;
	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":o:qh", longopts, NULL)) != -1) {
		switch (ch) {
		case 'o':
			opt.out_dir = optarg;
			break;
		case OPT_LIST:
			opt.list = true;
			break;
		case OPT_POST:
			opt.post = optarg;
			break;
		case OPT_ALL:
			opt.all = true;
			break;
		case OPT_CATEGORY:
			opt.category = optarg;
			break;
		case OPT_RELATED: {
			char *end;
			long n = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || n < 0 || n > 100)
				return usage_error("--related takes a number from 0 to 100, not '%s'", optarg);
			opt.related = (int)n;
			break;
		}
		case OPT_UPLOADS:
			opt.uploads = optarg;
			break;
		case OPT_FETCH:
			opt.fetch = true;
			break;
		case OPT_KEEP:
			opt.keep_status = true;
			break;
		case OPT_FORCE:
			opt.force = true;
			break;
		case OPT_COVER:
			opt.cover = optarg;
			break;
		case OPT_ARTICLE:
			opt.article_only = true;
			break;
		case 'q':
			opt.quiet = true;
			diag_set_notes(false);
			break;
		case 'h':
			usage(stdout);
			return 0;
		case ':':
			return usage_error("%s needs a value", argv[optind - 1]);
		default:
			if (optopt)
				fprintf(stderr, "mkbook: import: unknown option '-%c'\n", optopt);
			else
				fprintf(stderr, "mkbook: import: unknown option '%s'\n", argv[optind - 1]);
			fputs("Try 'mkbook import --help' for more information.\n", stderr);
			return 2;
		}
	}
	if (optind == argc)
		return usage_error("%s", "import needs the file to read, as in "
		                         "'mkbook import export.xml -o mybook'");
	if (argc - optind > 1)
		return usage_error("import reads one file; '%s' is one too many", argv[optind + 1]);
	opt.input = argv[optind];
	if (opt.list && (opt.post || opt.all || opt.out_dir))
		return usage_error("%s", "--list writes nothing: give it without --post, --all or -o");
	if (opt.all && opt.post)
		return usage_error("%s", "--post and --all exclude each other");
	if (opt.category && !opt.all)
		return usage_error("%s", "--category chooses among the posts of --all; add --all");
	if (!opt.list && (opt.out_dir == NULL || *opt.out_dir == '\0'))
		return usage_error("%s", "give the folder to write with -o, as in "
		                         "'mkbook import export.xml -o mybook'");
	enum input_kind kind;
	if (sniff_input(opt.input, &kind) != 0)
		return 1;
	if (kind == INPUT_PAGE && (opt.list || opt.post || opt.all || opt.category || opt.uploads))
		return usage_error("%s is a saved web page: --list, --post, --all, --category and "
		                   "--uploads are for WordPress exports", opt.input);
	if (kind == INPUT_WXR && opt.article_only)
		return usage_error("--article-only is for saved pages; %s is a WordPress export",
		                   opt.input);
	xmlInitParser();
	if (opt.list)
		return wxr_list(&opt, stdout) == 0 && diag_error_count() == 0 ? 0 : 1;
	/* The output folder's rules (new, or empty unless --force) are the
	 * writer's (output_prepare). */
	import_site *site = NULL;
	int rc = kind == INPUT_WXR ? wxr_read(&opt, &site) : page_read(&opt, &site);
	if (rc == 0 && diag_error_count() == 0)
		rc = import_write(site, &opt);
	else
		rc = 1;
	import_site_free(site);
	return rc;
}
