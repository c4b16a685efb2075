/* main.c - the mkbook command: options, the pipeline, exit codes
 * (0 the book was written, 1 the book has errors, 2 usage). */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#ifdef __GLIBC__ /* defined by the headers above on glibc */
#include <malloc.h>
#endif
#include <unistd.h>

#include "build.h"
#include "diag.h"
#include "epub.h"
#include "import/import.h"
#include "init.h"
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
	      "       mkbook init DIR\n"
	      "       mkbook import [OPTIONS] EXPORT.xml|PAGE.html -o DIR\n"
	      "Make an EPUB 3 e-book from a folder of Markdown, or start such a folder.\n"
	      "\n"
	      "  -o, --output FILE   write the EPUB to FILE (default: from the title)\n"
	      "      --check         check everything, report every problem, write nothing;\n"
	      "                      also flags reader comments that look like spam\n"
	      "      --strict        treat every warning as an error\n"
	      "      --toc-depth N   heading levels in the table of contents (1-6, default 2)\n"
	      "      --kepub         make a Kobo kepub (.kepub.epub) instead of a plain EPUB\n"
	      "  -j, --jobs N        threads to use (default: one per processor)\n"
	      "  -q, --quiet         print nothing but warnings and errors\n"
	      "  -h, --help          show this help and exit\n"
	      "  -V, --version       show the version and exit\n"
	      "\n"
	      "The folder holds book.yaml (title, author, language, contents...) and the\n"
	      "Markdown files; see mkbook(5). Messages read FILE:LINE:COL: error|warning.\n"
	      "Exit status: 0 written, 1 the book has errors, 2 usage error.\n"
	      "\n"
	      "Examples:\n"
	      "  mkbook init mybook     write a small starter manuscript into mybook/\n"
	      "  mkbook import export.xml -o mybook  ...or from a WordPress export\n"
	      "  mkbook mybook          make the book from it: my-book.epub\n",
	      f);
}

/* A file name from the title: its slug with ext (".epub"). Caller frees. */
static char *
default_output(const book *b, const char *ext)
{
	char *s = slug_github(b->title ? b->title : "");
	/* Keep it a plain name: no separators, no leading dot. */
	for (char *p = s; *p; p++)
		if (*p == '/' || *p == '\\')
			*p = '-';
	char *out = xasprintf("%s%s", *s && *s != '.' ? s : "book", ext);
	free(s);
	return out;
}

/* Whether the file at path (followed through links) is the file st
 * describes. */
static bool
is_same_file(const char *path, const struct stat *st)
{
	struct stat s;
	return path && stat(path, &s) == 0 && s.st_dev == st->st_dev && s.st_ino == st->st_ino;
}

/* Whether dir/rel (rel manuscript-relative, NULL for none) is that file. */
static bool
is_same_manuscript_file(const book *b, const char *rel, const struct stat *st)
{
	if (rel == NULL)
		return false;
	char *p = path_join(b->dir, rel);
	bool hit = is_same_file(p, st);
	free(p);
	return hit;
}

/* Whether writing to out would overwrite a file the manuscript uses:
 * book.yaml, a chapter, an image, the stylesheet, a comment or a related
 * post, named directly or through a link (compared by device and inode). */
static bool
is_manuscript_file(const book *b, const char *out)
{
	struct stat st;
	if (stat(out, &st) != 0)
		return false;
	if (is_same_manuscript_file(b, "book.yaml", &st) ||
	    is_same_manuscript_file(b, b->stylesheet, &st) ||
	    is_same_manuscript_file(b, b->cover, &st))
		return true;
	for (size_t i = 0; i < b->nchapters; i++)
		if (is_same_manuscript_file(b, b->chapters[i]->path, &st))
			return true;
	for (size_t i = 0; i < b->nresources; i++)
		if (is_same_manuscript_file(b, b->resources[i]->path, &st))
			return true;
	for (size_t i = 0; i < b->ncomments; i++)
		if (is_same_file(b->comments[i]->file, &st))
			return true;
	for (size_t i = 0; i < b->nrelated; i++)
		if (is_same_file(b->related[i]->file, &st))
			return true;
	return false;
}

/* "N sound, video or caption file(s), " after the images, when the book
 * has any. */
static void
print_media(const build_result *r)
{
	if (r->media)
		printf("%zu sound, video or caption file%s, ", r->media, r->media == 1 ? "" : "s");
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

/* The progress line: "mkbook: rendering chapter 120/500...", redrawn in
 * place on standard error once a build has taken more than half a second;
 * only on a terminal, never in a pipe or under CI. The build calls
 * progress_show from its worker threads; diagnostics take the line off
 * first (progress_clear, the diag hook). */
static struct {
	bool on;
	pthread_mutex_t lock;
	struct timespec start;
	double last;  /* seconds after start of the last redraw */
	size_t done;  /* the most chapters reported done */
	int width;    /* columns of the line on screen, 0 when none */
} progress = {.lock = PTHREAD_MUTEX_INITIALIZER};

static double
seconds_since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

static void
progress_start(bool quiet)
{
	const char *term = getenv("TERM");
	progress.on = !quiet && isatty(STDERR_FILENO) && getenv("CI") == NULL && term &&
	              *term && strcmp(term, "dumb") != 0;
	clock_gettime(CLOCK_MONOTONIC, &progress.start);
}

static void
progress_clear(void)
{
	pthread_mutex_lock(&progress.lock);
	if (progress.width > 0)
		fprintf(stderr, "\r%*s\r", progress.width, "");
	progress.width = 0;
	pthread_mutex_unlock(&progress.lock);
}

static void
progress_show(size_t done, size_t total)
{
	if (!progress.on || pthread_mutex_trylock(&progress.lock) != 0)
		return; /* another thread is drawing: this count is soon stale */
	if (done > progress.done)
		progress.done = done;
	double t = seconds_since(&progress.start);
	if (t >= 0.5 && (t - progress.last >= 0.1 || progress.done == total)) {
		char line[96];
		int n = progress.done < total
		            ? snprintf(line, sizeof line, "mkbook: rendering chapter %zu/%zu...",
		                       progress.done, total)
		            : snprintf(line, sizeof line, "mkbook: writing %zu chapters...", total);
		fprintf(stderr, "\r%s%*s", line, progress.width > n ? progress.width - n : 0, "");
		if (n > progress.width)
			progress.width = n;
		progress.last = t;
	}
	pthread_mutex_unlock(&progress.lock);
}

/* s as a shell word: quoted when it holds anything but safe characters.
 * Caller frees. */
static char *
shell_word(const char *s)
{
	if (*s && strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	                    "0123456789_./-+,:@%") == strlen(s))
		return xstrdup(s);
	strbuf sb = {0};
	strbuf_putc(&sb, '\'');
	for (; *s; s++)
		*s == '\'' ? strbuf_puts(&sb, "'\\''") : strbuf_putc(&sb, *s);
	strbuf_putc(&sb, '\'');
	return strbuf_take(&sb);
}

/* mkbook init DIR: the starter manuscript, dated today (or by
 * SOURCE_DATE_EPOCH). Returns the exit status. */
static int
run_init(const char *dir, bool quiet)
{
	time_t now = time(NULL);
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	if (sde && *sde) {
		char *end;
		long long v = strtoll(sde, &end, 10);
		if (*end == '\0' && v >= 0)
			now = (time_t)v;
	}
	struct tm tm;
	char date[32];
	gmtime_r(&now, &tm);
	strftime(date, sizeof date, "%Y-%m-%d", &tm);
	if (init_manuscript(dir, date) != 0) {
		fprintf(stderr, "mkbook: %d error%s; nothing written\n", diag_error_count(),
		        diag_error_count() == 1 ? "" : "s");
		return 1;
	}
	if (!quiet) {
		char *w = shell_word(dir);
		printf("%s: a starter manuscript: book.yaml, chapter-1.md, qa/ and related/\n", dir);
		printf("Make the book with:  mkbook %s\n", w);
		free(w);
	}
	return 0;
}

static bool
is_folder(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int
main(int argc, char **argv)
{
	/* Blocks of 256 KiB and more (the text of a big book's table of
	 * contents, the biggest pages) get pages of their own, given back when
	 * freed. glibc would otherwise raise this threshold each time such a
	 * block is freed, and the next ones, taken from the heap, stay resident
	 * after they are freed: 6 MiB more at the peak of a 64 MiB book. */
#ifdef __GLIBC__
	mallopt(M_MMAP_THRESHOLD, 256 * 1024);
#endif
	enum { OPT_CHECK = 256, OPT_STRICT, OPT_TOC_DEPTH, OPT_JOBS, OPT_KEPUB };
	static const struct option longopts[] = {
	    {"output", required_argument, NULL, 'o'},
	    {"check", no_argument, NULL, OPT_CHECK},
	    {"strict", no_argument, NULL, OPT_STRICT},
	    {"toc-depth", required_argument, NULL, OPT_TOC_DEPTH},
	    {"kepub", no_argument, NULL, OPT_KEPUB},
	    {"jobs", required_argument, NULL, 'j'},
	    {"quiet", no_argument, NULL, 'q'},
	    {"help", no_argument, NULL, 'h'},
	    {"version", no_argument, NULL, 'V'},
	    {NULL, 0, NULL, 0},
	};
	const char *output = NULL;
	build_opts bo = {0};
	bool quiet = false;
	int ch, build_options = 0;
	const char *nc = getenv("NO_COLOR");
	diag_set_color(isatty(STDERR_FILENO) && (nc == NULL || *nc == '\0') &&
	               getenv("TERM") && strcmp(getenv("TERM"), "dumb") != 0);
	/* mkbook import ...; a manuscript folder named "import" still builds. */
	if (argc >= 2 && strcmp(argv[1], "import") == 0 && (argc > 2 || !is_folder("import")))
		return import_main(argc - 1, argv + 1);
	opterr = 0; /* mkbook says what went wrong and what to do */
	while ((ch = getopt_long(argc, argv, ":o:j:qhV", longopts, NULL)) != -1) {
		if (ch != 'q')
			build_options++;
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
		case OPT_KEPUB:
			bo.kepub = true;
			break;
		case OPT_TOC_DEPTH: {
			char *end;
			long d = strtol(optarg, &end, 10);
			if (*end != '\0' || d < 1 || d > 6) {
				diag_usage("--toc-depth takes a number from 1 to 6, not '%s'", optarg);
				return 2;
			}
			bo.toc_depth = (int)d;
			break;
		}
		case 'j': {
			char *end;
			long n = strtol(optarg, &end, 10);
			if (*end != '\0' || n < 1 || n > 64) {
				diag_usage("--jobs takes a number from 1 to 64, not '%s'", optarg);
				return 2;
			}
			bo.jobs = (int)n;
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
		case ':':
			diag_usage("%s needs a value, as in '%s'", argv[optind - 1],
			           optopt == OPT_TOC_DEPTH ? "--toc-depth 3"
			           : optopt == 'j'         ? "-j 4"
			                                   : "-o book.epub");
			fputs("Try 'mkbook --help' for more information.\n", stderr);
			return 2;
		default:
			if (optopt)
				diag_usage("unknown option '-%c'", optopt);
			else
				diag_usage("unknown option '%s'", argv[optind - 1]);
			fputs("Try 'mkbook --help' for more information.\n", stderr);
			return 2;
		}
	}
	/* mkbook init DIR; a manuscript folder named "init" still builds. */
	int npos = argc - optind;
	if (npos >= 1 && strcmp(argv[optind], "init") == 0 && (npos > 1 || !is_folder("init"))) {
		if (npos != 2) {
			fputs(npos == 1 ? "mkbook: init needs the folder to write the starter "
			                  "manuscript into, as in 'mkbook init mybook'\n"
			                : "mkbook: init takes one folder, as in 'mkbook init mybook'\n",
			      stderr);
			return 2;
		}
		if (build_options > 0) {
			fputs("mkbook: init takes no options but -q; give the others when you make "
			      "the book\n",
			      stderr);
			return 2;
		}
		return run_init(argv[optind + 1], quiet);
	}
	if (optind != argc - 1) {
		if (optind == argc)
			fputs("mkbook: give the manuscript folder, as in 'mkbook manuscript/', or "
			      "start one with 'mkbook init DIR'\n",
			      stderr);
		else
			fprintf(stderr, "mkbook: give one manuscript folder, not %d (quote a name "
			        "with spaces)\n", argc - optind);
		fputs("Try 'mkbook --help' for more information.\n", stderr);
		return 2;
	}
	const char *dir = argv[optind];
	if (output && *output == '\0') {
		fputs("mkbook: -o needs a file name, as in '-o book.epub'\n", stderr);
		return 2;
	}
	if (output && bo.kepub && !str_ends_with(output, ".kepub.epub"))
		diag_warning(output, 0, 0, "a Kobo reads a book as a kepub only when its name ends "
		                           "in .kepub.epub; name it so with -o");

	markdown_init();
	int status = 1;
	char *out_default = NULL;
	build_result r = {0};
	progress_start(quiet);
	bo.progress = progress_show;
	diag_set_hook(progress_clear);
	book *b = manuscript_load(dir);
	if (b == NULL) {
		if (!is_folder(dir)) {
			char *w = shell_word(dir);
			diag_note(NULL, 0, 0, "to start a new book there, run: mkbook init %s", w);
			free(w);
		}
		goto out;
	}
	int built = build_book(b, &bo, &r);
	progress_clear();
	if (built != 0 || diag_error_count() > 0)
		goto out;
	if (r.has_qa && !quiet)
	{
		printf("qa: %d in the book, %d spam left out, %d pending", r.qa.in_book, r.qa.spam,
		       r.qa.pending);
		if (r.qa.orphaned)
			printf(", %d repl%s to comments not in the book left out", r.qa.orphaned,
			       r.qa.orphaned == 1 ? "y" : "ies");
		putchar('\n');
	}
	if (bo.check) {
		if (!quiet)
		{
			printf("%s: %zu chapters, %zu image%s, ", dir, r.chapters, r.images,
			       r.images == 1 ? "" : "s");
			print_media(&r);
			printf("%d warning%s; nothing written (--check)\n", diag_warning_count(),
			       diag_warning_count() == 1 ? "" : "s");
		}
		status = 0;
		goto out;
	}
	if (output == NULL)
		output = out_default = default_output(b, bo.kepub ? ".kepub.epub" : ".epub");
	if (is_manuscript_file(b, output)) {
		diag_error(output, 0, 0, "is a file of the manuscript; choose another output name");
		goto out;
	}
	size_t len;
	if (epub_write(r.epub, output, &len) != 0)
		goto out;
	if (!quiet) {
		printf("%s: %zu chapters, %zu image%s, ", output, r.chapters, r.images,
		       r.images == 1 ? "" : "s");
		print_media(&r);
		print_size(stdout, len);
		printf(", %d warning%s\n", diag_warning_count(), diag_warning_count() == 1 ? "" : "s");
	}
	status = 0;
out:
	if (status != 0 && diag_error_count() > 0)
		fprintf(stderr, "mkbook: %d error%s; no book written\n", diag_error_count(),
		        diag_error_count() == 1 ? "" : "s");
	epub_free(r.epub);
	free(out_default);
	book_free(b);
	xmlCleanupParser();
	return status;
}
