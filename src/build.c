/* build.c - render, resolve, package. */
#include "build.h"

#include <errno.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdatomic.h>
#include <string.h>
#include <time.h>

#include "css.h"
#include "date.h"
#include "diag.h"
#include "epub.h"
#include "ident.h"
#include "kepub.h"
#include "links.h"
#include "manuscript.h"
#include "chapter_text.h"
#include "media.h"
#include "nav.h"
#include "opf.h"
#include "page.h"
#include "pages.h"
#include "parallel.h"
#include "source.h"
#include "stylesheet.h"
#include "util.h"
#include "xhtml.h"
#include "xref.h"

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
	chapter *c = book_chapter_new(kind);
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
		if (c->toc.n > 0 && c->toc.entries[0].level == 1)
			return toc_title(&c->toc, 0);
		return NULL;
	}
	return NULL;
}

static char *
default_identifier(const book *b)
{
	strbuf sb = {0};
	strbuf_puts(&sb, "mkbook:");
	strbuf_puts(&sb, b->title);
	for (size_t i = 0; i < b->nauthors; i++) {
		strbuf_putc(&sb, '\n');
		strbuf_puts(&sb, b->authors[i].name);
	}
	char *u = ident_uuid_v5_urn(sb.data);
	strbuf_free(&sb);
	return u;
}

/* Parallel rendering: each chapter's messages are collected apart and
 * printed in reading order, so the output never depends on timing. */
struct render_job {
	book *b;
	page *pages;
	const build_opts *o;
	strbuf *diags;
	atomic_size_t done;
	epub_spool *spool;
};

/* Compresses the finished page, keeping only the compressed bytes, and
 * those in the spool (when there is one) rather than in memory. */
static void
pack_page(page *p, epub_spool *spool)
{
	p->packed = xcalloc(1, sizeof *p->packed);
	epub_deflate(p->xhtml, p->xhtml_len, p->packed);
	free(p->xhtml);
	p->xhtml = NULL;
	epub_spool_blob(spool, p->packed);
}

/* Everything that needs a chapter's tree, after which the tree is freed
 * and only the compressed page is kept: its own links and images, what
 * the package metadata needs to know, the Kobo spans. Links to other
 * chapters' headings get a guessed fragment (xref.h). */
static void
finish_page(book *b, chapter *c, page *p, const build_opts *o, epub_spool *spool)
{
	links_resolve_chapter(b, c, p);
	opf_note_facts(p->doc, &p->facts);
	if (o->kepub)
		kepub_transform(p->doc, p->ids);
	xhtml_serialize(p->doc, &p->xhtml, &p->xhtml_len);
	xmlFreeDoc(p->doc);
	p->doc = NULL;
	if (!o->check) {
		/* Only the spam check reads the Markdown again. */
		free(c->body);
		c->body = NULL;
	}
	xref_patch(&p->xrefs, &p->xhtml, &p->xhtml_len);
	pack_page(p, spool);
	page_compact(p);
	toc_compact(&c->toc);
}

static void
render_one(size_t i, void *arg)
{
	struct render_job *j = arg;
	chapter *c = j->b->chapters[i];
	page *p = &j->pages[i];
	if (c->kind == CHAPTER_TEXT) {
		diag_capture(&j->diags[i]);
		/* An error here is counted: the page is made of an empty body
		 * and the build fails before anything is written. */
		manuscript_load_body(c);
		p->ids = strset_new();
		p->doc = chapter_text_render(j->b, c, p->ids);
		finish_page(j->b, c, p, j->o, j->spool);
		diag_capture(NULL);
	}
	size_t done = atomic_fetch_add(&j->done, 1) + 1;
	if (j->o->progress)
		j->o->progress(done, j->b->nchapters);
}

/* Makes again the page of a chapter whose guessed fragments were not all
 * right (rare): restored, patched with the settled ones, compressed. */
struct repack_job {
	page *pages;
	epub_spool *spool;
};

static void
repack_one(size_t i, void *arg)
{
	struct repack_job *j = arg;
	page *p = &j->pages[i];
	if (xref_guessed_right(&p->xrefs))
		return;
	epub_inflate(p->packed, &p->xhtml, &p->xhtml_len);
	epub_blob_free(p->packed);
	xref_repatch(&p->xrefs, &p->xhtml, &p->xhtml_len);
	pack_page(p, j->spool);
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

/* Whether a resource's bytes are compressed already (deflate would only
 * cost time): stored as they are. */
static bool
is_compressed(const char *type)
{
	return !strcmp(type, "image/png") || !strcmp(type, "image/jpeg") ||
	       !strcmp(type, "image/gif") || str_starts_with(type, "audio/") ||
	       str_starts_with(type, "video/");
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
	page *pages = NULL; /* one per chapter, in reading order */
	size_t npages = 0;
	epub_blob **packed = NULL; /* what is kept of the pages once made */
	a11y_facts facts = {0};

	if (!labels_has_language(b->language))
		diag_note(b->yaml_file, b->language_pos.line, b->language_pos.col,
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
	npages = b->nchapters;
	pages = xcalloc(npages ? npages : 1, sizeof *pages);
	{
		struct render_job rj = {b, pages, o, xcalloc(b->nchapters, sizeof(strbuf)), 0, spool};
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
		b->modified = date_format_iso8601_utc((long long)time(NULL));
		diag_note(NULL, 0, 0,
		          "no 'modified' in book.yaml and no SOURCE_DATE_EPOCH: using the current "
		          "time, so this build is not reproducible");
	}
	for (size_t i = 0; i < b->nchapters; i++) {
		chapter *c = b->chapters[i];
		page *p = &pages[i];
		if (c->kind == CHAPTER_TEXT)
			continue;
		p->ids = strset_new();
		if (c->kind == CHAPTER_QA) {
			p->doc = qa_render(b, c, p->ids, &r->qa);
			r->has_qa = true;
			if (o->check)
				qa_flag_spam(b, c);
		} else {
			p->doc = pages_render(b, c);
		}
		finish_page(b, c, p, o, spool);
	}
	links_settle(b, pages);
	links_number_resources(b);
	if (b->nchapters == 0 || diag_error_count() > 0)
		goto out;
	{
		/* The few pages with a wrong guess are made again. Then only
		 * the compressed pages are kept, before the table of contents
		 * is made (the build's peak of memory). */
		struct repack_job rp = {pages, spool};
		parallel_for(npages, jobs, repack_one, &rp);
		packed = xmalloc(npages * sizeof *packed);
		for (size_t i = 0; i < npages; i++) {
			opf_add_facts(&facts, &pages[i].facts);
			packed[i] = pages[i].packed;
			pages[i].packed = NULL;
			page_clear(&pages[i]);
		}
		free(pages);
		pages = NULL;
#ifdef __GLIBC__
		/* The pages' memory, freed by the threads that made them, stays
		 * in their arenas as holes among what the book keeps; give those
		 * pages back before the table of contents is made, so that the
		 * peak does not count them (1 MiB less on the 64 MiB book). */
		malloc_trim(0);
#endif
	}

	long long epoch = 0;
	date_parse_iso8601(b->modified, NULL, NULL, NULL, &epoch);
	w = epub_new(epoch);
	epub_set_spool(w, spool);
	epub_add_static(w, "mimetype", "application/epub+zip", 20, true);
	epub_add_static(w, "META-INF/container.xml", container_xml, sizeof container_xml - 1, false);

	collect_languages(b, &langs);
	int depth = o->toc_depth > 0 ? o->toc_depth : b->toc_depth;
	xmlDocPtr opf = opf_document(b, &langs, &facts);
	add_xml(w, "EPUB/package.opf", opf);
	xmlFreeDoc(opf);
	nav_write(w, b, depth);

	if (b->stylesheet) {
		char *norm = NULL, *fs = NULL;
		enum path_status st = book_resolve_path(b, b->stylesheet, &norm, &fs);
		char *css = NULL;
		size_t len = 0;
		const char *word = NULL;
		size_t at = 0;
		char *shown = path_join(b->dir, b->stylesheet);
		int e = 0;
		if (st != PATH_OK) {
			diag_error(b->yaml_file, b->stylesheet_pos.line, b->stylesheet_pos.col,
			           "stylesheet '%s' %s", b->stylesheet,
			           book_path_status_text(st));
		} else if ((e = source_read_bytes(fs, &css, &len, NULL)) != 0) {
			source_report_read_error(shown, e);
		} else if (source_check_text(shown, css, len, 1) != 0) {
			free(css);
		} else if ((word = css_syntax_problem(css, len, &at)) != NULL) {
			int line, col;
			source_position(css, at, 1, &line, &col);
			diag_error(shown, line, col, "the stylesheet is not CSS a reader can read: %s", word);
			free(css);
		} else if ((word = css_active_word(css, len, false, &at)) != NULL) {
			int line, col;
			source_position(css, at, 1, &line, &col);
			diag_error(shown, line, col,
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
		epub_add_deflated(w, name, packed[i]);
		free(name);
		r->chapters++;
	}
	for (size_t i = 0; i < b->nresources; i++) {
		resource *res = b->resources[i];
		char *name = xasprintf("EPUB/%s", res->href);
		epub_add_static(w, name, res->data, res->len, is_compressed(res->media_type));
		free(name);
		if (str_starts_with(res->media_type, "image/"))
			r->images++;
		else
			r->media++;
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
	for (size_t i = 0; pages && i < npages; i++)
		page_clear(&pages[i]);
	free(pages);
	for (size_t i = 0; packed && i < npages; i++)
		epub_blob_free(packed[i]);
	free(packed);
	return rc;
}
