/* build.c - render, resolve, package. */
#include "build.h"

#include <errno.h>
#include <stdatomic.h>
#include <string.h>
#include <time.h>

#include "diag.h"
#include "epub.h"
#include "kepub.h"
#include "links.h"
#include "manuscript.h"
#include "markdown.h"
#include "media.h"
#include "nav.h"
#include "opf.h"
#include "pages.h"
#include "parallel.h"
#include "source.h"
#include "stylesheet.h"
#include "util.h"
#include "xhtml.h"

static const char container_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
    "  <rootfiles>\n"
    "    <rootfile full-path=\"EPUB/package.opf\" media-type=\"application/oebps-package+xml\"/>\n"
    "  </rootfiles>\n"
    "</container>\n";

/* Inserts c at position pos of the reading order. */
static void
insert_chapter(book *b, chapter *c, size_t pos)
{
	book_add_chapter(b, c);
	memmove(&b->chapters[pos + 1], &b->chapters[pos],
	        (b->nchapters - 1 - pos) * sizeof *b->chapters);
	b->chapters[pos] = c;
}

static chapter *
generated(enum chapter_kind kind, const char *href, const char *id)
{
	chapter *c = chapter_new(kind);
	c->href = xstrdup(href);
	c->id = xstrdup(id);
	return c;
}

static void
load_cover(book *b)
{
	if (b->cover == NULL)
		return;
	resource *r = links_load_cover(b, b->cover, b->yaml_file, b->cover_pos.line,
	                               b->cover_pos.col);
	if (r == NULL)
		return; /* an error */
	if (!strcmp(r->media_type, "image/svg+xml")) {
		diag_warning(b->yaml_file, b->cover_pos.line, b->cover_pos.col,
		             "an SVG cover is not shown by every reader; a PNG or JPEG is safer");
	}
	free(r->properties);
	r->properties = xstrdup("cover-image");
}

/* Every language the book uses, the book's own first. */
static void
collect_languages(const book *b, strlist *out)
{
	strlist_push(out, b->language);
	for (size_t i = 0; i < b->nchapters; i++) {
		const char *l = b->chapters[i]->lang;
		if (l == NULL)
			continue;
		bool seen = false;
		for (size_t k = 0; k < out->n && !seen; k++)
			seen = str_iequal_ascii(out->items[k], l);
		if (!seen)
			strlist_push(out, l);
	}
}

static const char *
first_level1_heading(const book *b)
{
	for (size_t i = 0; i < b->nchapters; i++) {
		const chapter *c = b->chapters[i];
		if (c->kind != CHAPTER_TEXT)
			continue;
		if (c->ntoc > 0 && c->toc[0].level == 1)
			return c->toc[0].title;
		return NULL;
	}
	return NULL;
}

static char *
default_identifier(const book *b)
{
	strbuf sb = {0};
	sb_puts(&sb, "mkbook:");
	sb_puts(&sb, b->title);
	for (size_t i = 0; i < b->nauthors; i++) {
		sb_putc(&sb, '\n');
		sb_puts(&sb, b->authors[i].name);
	}
	char *u = uuid_v5_urn(sb.data);
	sb_free(&sb);
	return u;
}

/* Parallel rendering: each chapter's messages are collected apart and
 * printed in reading order, so the output never depends on timing. */
struct render_job {
	book *b;
	const build_opts *o;
	strbuf *diags;
	atomic_size_t done;
	epub_spool *spool;
};

/* Compresses the finished page, keeping only the compressed bytes, and
 * those in the spool (when there is one) rather than in memory. */
static void
pack_chapter(chapter *c, epub_spool *spool)
{
	c->packed = xcalloc(1, sizeof *c->packed);
	epub_deflate(c->xhtml, c->xhtml_len, c->packed);
	free(c->xhtml);
	c->xhtml = NULL;
	epub_spool_blob(spool, c->packed);
}

/* Everything that needs a chapter's tree, after which the tree is freed
 * and only the compressed page is kept: its own links and images, what
 * the package metadata needs to know, the Kobo spans. Links to other
 * chapters' headings get a guessed fragment (links_patch). */
static void
finish_chapter(book *b, chapter *c, const build_opts *o, epub_spool *spool)
{
	links_resolve_chapter(b, c);
	opf_note_facts(c);
	if (o->kepub)
		kepub_transform(c->doc, c->ids);
	xhtml_serialize(c->doc, &c->xhtml, &c->xhtml_len);
	xmlFreeDoc(c->doc);
	c->doc = NULL;
	if (!o->check) {
		/* Only the spam check reads the Markdown again. */
		free(c->body);
		c->body = NULL;
	}
	links_patch(c);
	pack_chapter(c, spool);
	chapter_compact(c);
}

static void
render_one(size_t i, void *arg)
{
	struct render_job *j = arg;
	chapter *c = j->b->chapters[i];
	if (c->kind == CHAPTER_TEXT) {
		diag_capture(&j->diags[i]);
		/* An error here is counted: the page is made of an empty body
		 * and the build fails before anything is written. */
		manuscript_load_body(c);
		chapter_render_text(j->b, c);
		finish_chapter(j->b, c, j->o, j->spool);
		diag_capture(NULL);
	}
	size_t done = atomic_fetch_add(&j->done, 1) + 1;
	if (j->o->progress)
		j->o->progress(done, j->b->nchapters);
}

/* Makes again the page of a chapter whose guessed fragments were not all
 * right (rare): restored, patched with the settled ones, compressed. */
struct repack_job {
	book *b;
	epub_spool *spool;
};

static void
repack_one(size_t i, void *arg)
{
	struct repack_job *j = arg;
	chapter *c = j->b->chapters[i];
	if (links_guessed_right(c))
		return;
	epub_inflate(c->packed, &c->xhtml, &c->xhtml_len);
	epub_blob_free(c->packed);
	links_repatch(c);
	pack_chapter(c, j->spool);
}

static void
add_xml(epub_writer *w, const char *name, xmlDocPtr doc)
{
	xmlChar *mem = NULL;
	int n = 0;
	xmlDocDumpFormatMemoryEnc(doc, &mem, &n, "UTF-8", 1);
	epub_add(w, name, xstrndup((const char *)mem, (size_t)n), (size_t)n, false);
	xmlFree(mem);
}

/* What in a stylesheet would load or run something (url(), @import,
 * expression()...), CSS escapes and case undone, or NULL: mkbook copies no
 * file a stylesheet names, and a book runs nothing. Comments are searched
 * too: a comment opener may stand in a string. */
static const char *
css_active_word(const char *css, size_t len)
{
	static const char *const bad[] = {"url(",   "@import", "expression(", "javascript:",
	                                  "image(", "src(",    "image-set(",  "vbscript:", NULL};
	strbuf sb = {0};
	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)css[i];
		if (ch == '\\' && i + 1 < len) { /* \75 or \u: the character */
			unsigned v = 0, n = 0;
			const char *hex = "0123456789abcdef0123456789ABCDEF", *h;
			while (n < 6 && i + 1 < len && css[i + 1] && (h = strchr(hex, css[i + 1])) != NULL) {
				v = v * 16 + (unsigned)((h - hex) % 16);
				i++;
				n++;
			}
			ch = n == 0 ? (unsigned char)css[++i] : v < 0x80 ? (unsigned char)v : '?';
		}
		sb_putc(&sb, ch >= 'A' && ch <= 'Z' ? (char)(ch + 32) : (char)ch);
	}
	const char *found = NULL;
	for (int k = 0; bad[k] && !found; k++)
		if (sb.data && strstr(sb.data, bad[k]))
			found = bad[k];
	sb_free(&sb);
	return found;
}

/* Markdown each thread should have to render before another pays off:
 * starting one (its stack, its malloc arena, the scheduling) costs a few
 * tenths of a millisecond of CPU, about what rendering 3 KiB costs, and
 * on a book of a few KiB (the sample book: 5 KiB of text chapters) the
 * second thread made the build slower, not faster. */
#define MIN_MARKDOWN_PER_JOB (16 * 1024)

/* The threads to use: o->jobs when given (-j), else one per processor
 * but no more than one per MIN_MARKDOWN_PER_JOB of Markdown. The output
 * is the same for any number. */
static int
jobs_for(const book *b, const build_opts *o)
{
	if (o->jobs > 0)
		return o->jobs;
	size_t bytes = 0;
	for (size_t i = 0; i < b->nchapters; i++)
		if (b->chapters[i]->kind == CHAPTER_TEXT)
			bytes += b->chapters[i]->body_len;
	int jobs = parallel_default_jobs();
	size_t most = bytes / MIN_MARKDOWN_PER_JOB;
	if (most < (size_t)jobs)
		jobs = most < 1 ? 1 : (int)most;
	return jobs;
}

static bool
is_compressed(const char *type)
{
	return !strcmp(type, "image/png") || !strcmp(type, "image/jpeg") ||
	       !strcmp(type, "image/gif");
}

int
build_book(book *b, const build_opts *o, build_result *r)
{
	memset(r, 0, sizeof *r);
	int rc = -1;
	epub_writer *w = NULL;
	/* The compressed pages wait in a temporary file, not in memory, until
	 * the archive is written. */
	epub_spool *spool = o->check ? NULL : epub_spool_new();
	strlist langs = {0};

	if (!labels_has_language(b->language))
		diag_note(b->yaml_file, 0, 0,
		          "mkbook has no words of its own for language '%s'; it writes English "
		          "ones (set them under 'labels:' in book.yaml)",
		          b->language);
	/* The pages mkbook makes itself. */
	load_cover(b);
	size_t pos = 0;
	if (pages_cover_image(b))
		insert_chapter(b, generated(CHAPTER_COVER, "text/cover.xhtml", "cover"), pos++);
	if (b->titlepage)
		insert_chapter(b, generated(CHAPTER_TITLEPAGE, "text/titlepage.xhtml", "titlepage"),
		               pos++);
	if (b->colophon)
		book_add_chapter(b, generated(CHAPTER_COLOPHON, "text/colophon.xhtml", "colophon"));

	/* Text chapters first: the book's title may be their first heading. */
	int jobs = jobs_for(b, o);
	{
		struct render_job rj = {b, o, xcalloc(b->nchapters, sizeof(strbuf)), 0, spool};
		parallel_for(b->nchapters, jobs, render_one, &rj);
		for (size_t i = 0; i < b->nchapters; i++)
			diag_flush(&rj.diags[i]);
		free(rj.diags);
	}
	if (b->title == NULL) {
		const char *h = first_level1_heading(b);
		if (h)
			b->title = xstrdup(h);
		else if (diag_error_count() == 0) /* else a failed file is why */
			diag_error(b->yaml_file ? b->yaml_file : b->dir, 0, 0,
			           "the book has no title: add 'title:' to book.yaml or start the "
			           "first chapter with a level-1 heading");
	}
	if (b->title == NULL)
		b->title = xstrdup("Untitled");
	if (b->identifier == NULL)
		b->identifier = default_identifier(b);
	if (b->modified == NULL) {
		b->modified = iso8601_format_utc((long long)time(NULL));
		diag_note(NULL, 0, 0,
		          "no 'modified' in book.yaml and no SOURCE_DATE_EPOCH: using the current "
		          "time, so this build is not reproducible");
	}
	for (size_t i = 0; i < b->nchapters; i++) {
		chapter *c = b->chapters[i];
		if (c->kind == CHAPTER_QA) {
			qa_render(b, c, &r->qa);
			r->has_qa = true;
			if (o->check)
				qa_flag_spam(b, c);
		} else if (c->kind != CHAPTER_TEXT) {
			pages_render(b, c);
		}
		if (c->ids == NULL)
			c->ids = strset_new();
		if (c->kind != CHAPTER_TEXT)
			finish_chapter(b, c, o, spool);
	}
	links_settle(b);
	links_number_resources(b);
	if (b->nchapters == 0 || diag_error_count() > 0)
		goto out;
	{
		/* The few pages with a wrong guess are made again; then what
		 * settling needed goes, before the table of contents is made. */
		struct repack_job rp = {b, spool};
		parallel_for(b->nchapters, jobs, repack_one, &rp);
		for (size_t i = 0; i < b->nchapters; i++)
			chapter_free_links(b->chapters[i]);
	}

	long long epoch = 0;
	iso8601_parse(b->modified, NULL, NULL, NULL, &epoch);
	w = epub_new(epoch);
	epub_set_spool(w, spool);
	epub_add_static(w, "mimetype", "application/epub+zip", 20, true);
	epub_add_static(w, "META-INF/container.xml", container_xml, sizeof container_xml - 1, false);

	collect_languages(b, &langs);
	int depth = o->toc_depth > 0 ? o->toc_depth : b->toc_depth;
	xmlDocPtr opf = opf_document(b, &langs);
	add_xml(w, "EPUB/package.opf", opf);
	xmlFreeDoc(opf);
	nav_write(w, b, depth);

	if (b->stylesheet) {
		char *norm = NULL, *fs = NULL;
		enum path_status st = book_resolve_path(b, b->stylesheet, &norm, &fs);
		char *css = NULL;
		size_t len = 0;
		const char *word = NULL;
		char *shown = path_join(b->dir, b->stylesheet);
		int e = 0;
		if (st != PATH_OK) {
			diag_error(b->yaml_file, 0, 0, "stylesheet '%s' %s", b->stylesheet,
			           path_status_text(st));
		} else if ((e = file_read(fs, &css, &len, MKBOOK_MAX_FILE_BYTES)) != 0) {
			diag_error(b->yaml_file, 0, 0, "stylesheet '%s' cannot be read: %s",
			           b->stylesheet, e == EFBIG ? "larger than the 64 MiB limit" : strerror(e));
		} else if (source_check_text(shown, css, len, 1) != 0) {
			free(css);
		} else if ((word = css_active_word(css, len)) != NULL) {
			diag_error(shown, 0, 0,
			           "the stylesheet uses '%s': mkbook copies no file a stylesheet names "
			           "and a book runs nothing; remove it",
			           word);
			free(css);
		} else {
			epub_add(w, "EPUB/style.css", css, len, false);
		}
		free(shown);
		free(norm);
		free(fs);
		if (diag_error_count() > 0)
			goto out;
	} else {
		epub_add_static(w, "EPUB/style.css", mkbook_default_css, mkbook_default_css_len,
		                false);
	}

	for (size_t i = 0; i < b->nchapters; i++) {
		char *name = xasprintf("EPUB/%s", b->chapters[i]->href);
		epub_add_deflated(w, name, b->chapters[i]->packed);
		free(name);
		r->chapters++;
	}
	for (size_t i = 0; i < b->nresources; i++) {
		resource *res = b->resources[i];
		char *name = xasprintf("EPUB/%s", res->href);
		epub_add_static(w, name, res->data, res->len, is_compressed(res->media_type));
		free(name);
		r->images++;
	}
	r->epub = w;
	w = NULL;
	rc = 0;
out:
	epub_deflate_done();
	if (w == NULL && r->epub == NULL)
		epub_spool_free(spool); /* no writer took it */
	epub_free(w);
	strlist_free(&langs);
	return rc;
}
