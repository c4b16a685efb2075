/* manuscript.c - book.yaml, the reading order and every file's front
 * matter into the book model. Nothing here renders Markdown. */
#include "manuscript.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "chapter_type.h"
#include "date.h"
#include "diag.h"
#include "lang.h"
#include "source.h"
#include "url.h"
#include "util.h"
#include "yamldoc.h"
#include "yamlvalue.h"

struct loader {
	book *b;
	const char *yfile; /* book.yaml's name for diagnostics */
	strset *listed;    /* manuscript-relative paths already in the book */
	strmap *files;     /* "device:inode" of each of them -> its path */
	strset *hrefs;     /* output file names taken */
};

/* ---- small checks ---- */

static bool
is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_alnum(char c)
{
	return is_alpha(c) || (c >= '0' && c <= '9');
}

char *
manuscript_author_sort_name(const char *name)
{
	char *s = xstrdup(name);
	char *comma = strchr(s, ',');
	if (comma)
		*comma = '\0'; /* drop ", D.O.", ", Jr." */
	str_trim(s);
	char *last = strrchr(s, ' ');
	char *out;
	if (last == NULL || last[1] == '\0') {
		out = xstrdup(s);
	} else {
		*last = '\0';
		str_trim(s);
		out = xasprintf("%s, %s", last + 1, s);
	}
	free(s);
	return out;
}

static bool
is_markdown_name(const char *name)
{
	return str_ends_with(name, ".md") || str_ends_with(name, ".markdown");
}

/* ---- book.yaml ---- */

static void
load_authors(struct loader *L, const ynode *v)
{
	book *b = L->b;
	const ynode *const *items = (const ynode *const *)v->items;
	size_t n = v->n;
	const ynode *single = v;
	if (v->kind != YNODE_SEQUENCE) {
		items = &single;
		n = 1;
	}
	for (size_t i = 0; i < n; i++) {
		const ynode *a = items[i];
		book_author au = {0};
		if (a->kind == YNODE_SCALAR) {
			au.name = yamlvalue_string(L->yfile, "author", a);
		} else if (a->kind == YNODE_MAPPING) {
			for (size_t k = 0; k < a->n; k++) {
				const char *key = a->keys[k];
				if (!strcmp(key, "name"))
					yamlvalue_set_string(&au.name, L->yfile, "name", a->items[k]);
				else if (!strcmp(key, "file-as"))
					yamlvalue_set_string(&au.file_as, L->yfile, "file-as", a->items[k]);
				else if (!strcmp(key, "role"))
					yamlvalue_set_string(&au.role, L->yfile, "role", a->items[k]);
				else
					diag_warning(L->yfile, a->key_lines[k], a->key_cols[k],
					             "unknown author key '%s' (known: name, file-as, role)",
					             key);
			}
			if (au.name == NULL)
				diag_error(L->yfile, a->line, a->col, "an author needs a 'name'");
		} else {
			diag_error(L->yfile, a->line, a->col,
			           "an author is a name or a mapping with name, file-as and role");
		}
		if (au.name == NULL) {
			free(au.file_as);
			free(au.role);
			continue;
		}
		if (au.file_as == NULL)
			au.file_as = manuscript_author_sort_name(au.name);
		if (au.role == NULL)
			au.role = xstrdup("aut");
		b->authors = xgrow(b->authors, b->nauthors, sizeof *b->authors);
		b->authors[b->nauthors++] = au;
	}
}

static void
load_labels(struct loader *L, const ynode *v)
{
	if (v->kind != YNODE_MAPPING) {
		diag_error(L->yfile, v->line, v->col, "'labels' must be a mapping of label: text");
		return;
	}
	for (size_t i = 0; i < v->n; i++) {
		enum label_id id;
		if (!labels_id_from_key(v->keys[i], &id)) {
			diag_warning(L->yfile, v->key_lines[i], v->key_cols[i], "unknown label '%s'",
			             v->keys[i]);
			continue;
		}
		yamlvalue_set_string(&L->b->labels[id], L->yfile, v->keys[i], v->items[i]);
	}
}

/* accessibility: {conforms-to: ..., certified-by: ...}: a conformance
 * claim is the manuscript's to make, never mkbook's, and it names who made
 * it, so the two come together or not at all. */
static void
load_accessibility(struct loader *L, const ynode *v)
{
	if (v->kind != YNODE_MAPPING) {
		diag_error(L->yfile, v->line, v->col,
		           "'accessibility' must be a mapping (conforms-to: ..., certified-by: ...)");
		return;
	}
	book *b = L->b;
	const ynode *claim = NULL, *by = NULL;
	for (size_t i = 0; i < v->n; i++) {
		const char *k = v->keys[i];
		if (!strcmp(k, "conforms-to")) {
			yamlvalue_set_string(&b->conforms_to, L->yfile, k, v->items[i]);
			claim = v->items[i];
		} else if (!strcmp(k, "certified-by")) {
			yamlvalue_set_string(&b->certified_by, L->yfile, k, v->items[i]);
			by = v->items[i];
		} else {
			diag_warning(L->yfile, v->key_lines[i], v->key_cols[i],
			             "unknown key '%s' in 'accessibility' (ignored)", k);
		}
	}
	if (claim && !by)
		diag_error(L->yfile, claim->line, claim->col,
		           "'conforms-to' needs 'certified-by': who evaluated the book and makes "
		           "the claim");
	else if (by && !claim)
		diag_error(L->yfile, by->line, by->col,
		           "'certified-by' without 'conforms-to': there is no claim to certify");
}

static void
load_subjects(struct loader *L, const ynode *v)
{
	if (v->kind == YNODE_SCALAR) {
		char *s = yamlvalue_string(L->yfile, "subjects", v);
		if (s)
			strlist_push_owned(&L->b->subjects, s);
		return;
	}
	if (v->kind != YNODE_SEQUENCE) {
		diag_error(L->yfile, v->line, v->col, "'subjects' must be a list");
		return;
	}
	for (size_t i = 0; i < v->n; i++) {
		char *s = yamlvalue_string(L->yfile, "subjects", v->items[i]);
		if (s)
			strlist_push_owned(&L->b->subjects, s);
	}
}

/* 10000-01-01T00:00:00Z: the first moment EPUB's dates cannot write. */
#define MAX_EPOCH 253402300800LL

static char *
modified_from_environment(void)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	if (sde && *sde) {
		char *end;
		errno = 0;
		long long t = strtoll(sde, &end, 10);
		if (errno == 0 && *end == '\0' && t >= 0 && t < MAX_EPOCH)
			return date_format_iso8601_utc(t);
		diag_warning(NULL, 0, 0, "SOURCE_DATE_EPOCH='%s' is not a number of seconds; ignored",
		             sde);
	}
	return NULL;
}

static void load_contents(struct loader *L, const ynode *v);

static void
load_book_yaml(struct loader *L, const ynode *root, const ynode **contents)
{
	book *b = L->b;
	srcpos series_index_pos = {0, 0};
	*contents = NULL;
	if (root->kind != YNODE_MAPPING) {
		diag_error(L->yfile, root->line, root->col,
		           "book.yaml must be a mapping of keys (title: ..., author: ...)");
		return;
	}
	size_t unknown = 0;
	for (size_t i = 0; i < root->n; i++) {
		const char *k = root->keys[i];
		const ynode *v = root->items[i];
		if (!strcmp(k, "title"))
			yamlvalue_set_string(&b->title, L->yfile, k, v);
		else if (!strcmp(k, "subtitle"))
			yamlvalue_set_string(&b->subtitle, L->yfile, k, v);
		else if (!strcmp(k, "author") || !strcmp(k, "authors"))
			load_authors(L, v);
		else if (!strcmp(k, "language")) {
			char *s = yamlvalue_string(L->yfile, k, v);
			if (s && !lang_is_tag(s)) {
				diag_error(L->yfile, v->line, v->col,
				           "'%s' is not a language tag; use a BCP 47 tag such as en, "
				           "de-CH or zh-Hant",
				           s);
				free(s);
				s = NULL;
			}
			if (s) {
				free(b->language);
				b->language = s;
				b->language_pos = (srcpos){v->line, v->col};
			}
		} else if (!strcmp(k, "identifier")) {
			yamlvalue_set_string(&b->identifier, L->yfile, k, v);
			b->identifier_given = b->identifier != NULL;
		}
		else if (!strcmp(k, "date")) {
			char *s = yamlvalue_date(L->yfile, k, v);
			if (s) {
				free(b->date);
				b->date = s;
			}
		} else if (!strcmp(k, "modified")) {
			char *s = yamlvalue_date(L->yfile, k, v);
			long long t;
			if (s && date_parse_iso8601(s, NULL, NULL, NULL, &t) < 3) {
				diag_error(L->yfile, v->line, v->col,
				           "'modified' needs at least a full date (YYYY-MM-DD)");
			} else if (s && t >= MAX_EPOCH) {
				/* In UTC, as dcterms:modified is written: 9999-12-31 in
				 * -14:00 is already year 10000, which no reader parses. */
				diag_error(L->yfile, v->line, v->col,
				           "'modified' is after 9999-12-31T23:59:59Z once turned to UTC");
			} else if (s) {
				free(b->modified);
				b->modified = date_format_iso8601_utc(t);
				b->modified_given = true;
			}
			free(s);
		} else if (!strcmp(k, "publisher"))
			yamlvalue_set_string(&b->publisher, L->yfile, k, v);
		else if (!strcmp(k, "description"))
			yamlvalue_set_string(&b->description, L->yfile, k, v);
		else if (!strcmp(k, "subjects") || !strcmp(k, "subject"))
			load_subjects(L, v);
		else if (!strcmp(k, "rights"))
			yamlvalue_set_string(&b->rights, L->yfile, k, v);
		else if (!strcmp(k, "source"))
			yamlvalue_set_web_address(&b->source, L->yfile, k, v);
		else if (!strcmp(k, "series"))
			yamlvalue_set_string(&b->series, L->yfile, k, v);
		else if (!strcmp(k, "series-index")) {
			char *s = yamlvalue_string(L->yfile, k, v);
			char *end = NULL;
			if (s && (strtod(s, &end), *end != '\0')) {
				diag_error(L->yfile, v->line, v->col, "'series-index' must be a number");
				free(s);
				s = NULL;
			}
			if (s) {
				free(b->series_index);
				b->series_index = s;
				series_index_pos = (srcpos){v->line, v->col};
			}
		} else if (!strcmp(k, "cover")) {
			yamlvalue_set_string(&b->cover, L->yfile, k, v);
			b->cover_pos = (srcpos){v->line, v->col};
		} else if (!strcmp(k, "stylesheet")) {
			yamlvalue_set_string(&b->stylesheet, L->yfile, k, v);
			b->stylesheet_pos = (srcpos){v->line, v->col};
		} else if (!strcmp(k, "toc-depth")) {
			char *s = yamlvalue_string(L->yfile, k, v);
			char *end = NULL;
			long d = s ? strtol(s, &end, 10) : 0;
			if (s && (*end != '\0' || d < 1 || d > 6))
				diag_error(L->yfile, v->line, v->col, "'toc-depth' must be 1 to 6");
			else if (s)
				b->toc_depth = (int)d;
			free(s);
		} else if (!strcmp(k, "titlepage"))
			yamlvalue_bool(L->yfile, k, v, &b->titlepage);
		else if (!strcmp(k, "colophon"))
			yamlvalue_bool(L->yfile, k, v, &b->colophon);
		else if (!strcmp(k, "nest-comments"))
			yamlvalue_bool(L->yfile, k, v, &b->nest_comments);
		else if (!strcmp(k, "labels"))
			load_labels(L, v);
		else if (!strcmp(k, "accessibility"))
			load_accessibility(L, v);
		else if (!strcmp(k, "contents"))
			*contents = v;
		else
			yamlvalue_warn_unknown(L->yfile, root, i, "key '%s' in book.yaml", &unknown);
	}
	yamlvalue_unknown_done(L->yfile, root, unknown);
	if (b->series_index && !b->series)
		diag_warning(L->yfile, series_index_pos.line, series_index_pos.col,
		             "'series-index' without 'series' is ignored");
}

/* ---- chapters ---- */

#define MAX_HREF_BASE 200

/* Takes href for a page unless a page has it already, compared without
 * case: entries that differ only in case are one file on many systems
 * (epubcheck OPF-060). */
static bool
reserve_href(struct loader *L, const char *href)
{
	char *key = xstrdup(href);
	for (char *p = key; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	bool added = strset_add(L->hrefs, key);
	free(key);
	return added;
}

/* An output file name for a manuscript path: ASCII letters, digits, '-' and
 * '_' kept, everything else folded, at most MAX_HREF_BASE of them, unique
 * in the book without regard to case, and never one of the generated
 * pages' names. Caller frees. */
static char *
make_href(struct loader *L, const char *rel)
{
	strbuf sb = {0};
	strbuf_puts(&sb, "text/");
	size_t start = sb.len;
	const char *end = rel + strlen(rel);
	const char *dot = strrchr(rel, '.');
	if (dot && strchr(dot, '/') == NULL)
		end = dot;
	bool dash = false;
	for (const char *p = rel; p < end; p++) {
		char c = *p;
		if (is_alnum(c) || c == '_') {
			strbuf_putc(&sb, c);
			dash = false;
		} else if (!dash && sb.len > start) {
			strbuf_putc(&sb, '-');
			dash = true;
		}
	}
	while (sb.len > start && sb.data[sb.len - 1] == '-')
		sb.data[--sb.len] = '\0';
	if (sb.len == start)
		strbuf_puts(&sb, "chapter");
	/* ZIP entry names are kept under 255 bytes ("EPUB/text/", the base,
	 * "-N", ".xhtml"). */
	if (sb.len - start > MAX_HREF_BASE) {
		sb.len = start + MAX_HREF_BASE;
		sb.data[sb.len] = '\0';
	}
	char *base = strbuf_take(&sb);
	char *href = xasprintf("%s.xhtml", base);
	for (int n = 2; !reserve_href(L, href); n++) {
		free(href);
		href = xasprintf("%s-%d.xhtml", base, n);
	}
	free(base);
	return href;
}

/* Takes the file norm (manuscript-relative; fs on disk) for the book.
 * Returns NULL when it is new, else the path under which the book has
 * it already (norm itself, or another name, such as a symbolic link,
 * for the same device and inode): static or loader-owned. */
static const char *
claim_file(struct loader *L, const char *norm, const char *fs)
{
	if (!strset_add(L->listed, norm))
		return norm;
	struct stat st;
	if (fs == NULL || stat(fs, &st) != 0)
		return NULL;
	char key[48];
	snprintf(key, sizeof key, "%llu:%llu", (unsigned long long)st.st_dev,
	         (unsigned long long)st.st_ino);
	const char *had = strmap_get(L->files, key);
	if (had)
		return had;
	strmap_put(L->files, key, xstrdup(norm));
	return NULL;
}

static void
chapter_front_matter(chapter *c, const ynode *fm, bool related)
{
	size_t unknown = 0;
	for (size_t i = 0; i < fm->n; i++) {
		const char *k = fm->keys[i];
		const ynode *v = fm->items[i];
		if (!strcmp(k, "title"))
			yamlvalue_set_string(&c->title, c->file, k, v);
		else if (!strcmp(k, "lang") || !strcmp(k, "language")) {
			char *s = yamlvalue_string(c->file, k, v);
			if (s && !lang_is_tag(s)) {
				diag_error(c->file, v->line, v->col, "'%s' is not a BCP 47 language tag", s);
				free(s);
			} else if (s) {
				free(c->lang);
				c->lang = s;
			}
		} else if (!strcmp(k, "source"))
			yamlvalue_set_web_address(&c->source, c->file, k, v);
		else if (!strcmp(k, "type")) {
			char *s = yamlvalue_string(c->file, k, v);
			if (s && chapter_type_find(s) == NULL) {
				char *known = chapter_type_names();
				diag_error(c->file, v->line, v->col, "unknown chapter type '%s' (known: %s)",
				           s, known);
				free(known);
				free(s);
			} else if (s) {
				free(c->epub_type);
				c->epub_type = s;
			}
		} else if (related && (!strcmp(k, "url") || !strcmp(k, "date") ||
		                       !strcmp(k, "summary"))) {
			/* a related post's own keys, read by load_related */
		} else
			yamlvalue_warn_unknown(c->file, fm, i, "front matter key '%s'", &unknown);
	}
	yamlvalue_unknown_done(c->file, fm, unknown);
}

/* The name diagnostics use for a manuscript-relative path. */
static char *
display_name(const book *b, const char *rel)
{
	return path_join(b->dir, rel);
}

static void
add_text_chapter(struct loader *L, const char *rel, const char *fs, bool related)
{
	book *b = L->b;
	if (b->nchapters >= MKBOOK_MAX_CHAPTERS) {
		static bool told;
		if (!told)
			diag_error(b->dir, 0, 0, "more than %d chapters; split the book",
			           MKBOOK_MAX_CHAPTERS);
		told = true;
		return;
	}
	chapter *c = book_chapter_new(CHAPTER_TEXT);
	c->path = xstrdup(rel);
	c->file = display_name(b, rel);
	source_file sf;
	if (source_read(c->file, fs, &sf) != 0) {
		book_chapter_free(c);
		return;
	}
	if (sf.front)
		chapter_front_matter(c, sf.front, related);
	/* The body waits in its file until the chapter is rendered, unless
	 * the file could not give the same bytes again (a pipe). */
	if (sf.stamp.regular) {
		c->fs_path = xstrdup(fs);
		c->stamp = sf.stamp;
		c->body_at = (size_t)(sf.body - sf.text);
	} else {
		c->body = xstrndup(sf.body, sf.body_len);
	}
	c->body_len = sf.body_len;
	c->body_line = sf.body_line;
	source_free(&sf);
	c->href = make_href(L, rel);
	c->id = xasprintf("c%04zu", b->nchapters + 1);
	book_add_chapter(b, c);
}

int
manuscript_load_body(chapter *c)
{
	if (c->body != NULL || c->fs_path == NULL)
		return 0;
	char *body;
	size_t len;
	int rc = source_reread_body(c->file, c->fs_path, &c->stamp, c->body_at, &body, &len);
	if (rc != 0) {
		body = xstrdup("");
		len = 0;
		c->unread = true;
	}
	c->body = body;
	c->body_len = len;
	free(c->fs_path);
	c->fs_path = NULL;
	return rc;
}

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The Markdown files directly in folder rel, sorted by name. Returns 0,
 * or errno when the folder cannot be read. */
static int
list_markdown(const char *fs_dir, strlist *out)
{
	DIR *d = opendir(fs_dir);
	if (d == NULL)
		return errno;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || !is_markdown_name(e->d_name))
			continue;
		strlist_push(out, e->d_name);
	}
	closedir(d);
	if (out->n > 1)
		qsort(out->items, out->n, sizeof *out->items, compare_names);
	return 0;
}

enum entry_kind { ENTRY_TEXT, ENTRY_COMMENTS, ENTRY_RELATED };

/* Reads one file of a comments or related folder. Returns 0 or -1. */
static int
read_side_file(const book *b, const char *rel, const char *fs, source_file *sf)
{
	char *name = display_name(b, rel);
	int rc = source_read(name, fs, sf);
	free(name);
	if (rc == 0 && sf->front == NULL) {
		diag_error(sf->name, 1, 1, "no front matter: this file needs '---' lines with its keys");
		source_free(sf);
		return -1;
	}
	return rc;
}

static void
load_comment(struct loader *L, const char *rel, const char *fs)
{
	book *b = L->b;
	source_file sf;
	if (read_side_file(b, rel, fs, &sf) != 0)
		return;
	comment *cm = xcalloc(1, sizeof *cm);
	cm->file = xstrdup(sf.name);
	cm->status = COMMENT_PENDING;
	bool have_status = false;
	const ynode *fm = sf.front;
	int errors = diag_error_count();
	size_t unknown = 0;
	for (size_t i = 0; i < fm->n; i++) {
		const char *k = fm->keys[i];
		const ynode *v = fm->items[i];
		if (!strcmp(k, "author"))
			yamlvalue_set_string(&cm->author, cm->file, k, v);
		else if (!strcmp(k, "date")) {
			char *s = yamlvalue_date(cm->file, k, v);
			if (s) {
				free(cm->date);
				cm->date = s;
			}
		} else if (!strcmp(k, "status")) {
			char *s = yamlvalue_string(cm->file, k, v);
			cm->status_pos = (srcpos){v->line, v->col};
			if (s == NULL)
				continue;
			have_status = true;
			if (!strcmp(s, "approved"))
				cm->status = COMMENT_APPROVED;
			else if (!strcmp(s, "pending"))
				cm->status = COMMENT_PENDING;
			else if (!strcmp(s, "spam"))
				cm->status = COMMENT_SPAM;
			else
				diag_error(cm->file, v->line, v->col,
				           "unknown status '%s' (use approved, pending or spam)", s);
			free(s);
		} else if (!strcmp(k, "id")) {
			yamlvalue_set_string(&cm->id, cm->file, k, v);
			cm->id_pos = (srcpos){v->line, v->col};
		} else if (!strcmp(k, "reply-to")) {
			yamlvalue_set_string(&cm->reply_to, cm->file, k, v);
			cm->reply_to_pos = (srcpos){v->line, v->col};
		} else if (!strcmp(k, "title"))
			yamlvalue_set_string(&cm->title, cm->file, k, v);
		else if (!strcmp(k, "author-url")) {
			yamlvalue_set_string(&cm->author_url, cm->file, k, v);
			cm->author_url_pos = (srcpos){v->line, v->col};
		} else if (!strcmp(k, "role")) {
			char *s = yamlvalue_string(cm->file, k, v);
			if (s && !strcmp(s, "author"))
				cm->by_author = true;
			else if (s && strcmp(s, "reader"))
				diag_error(cm->file, v->line, v->col,
				           "unknown role '%s' (use 'author' for the book's author)", s);
			free(s);
		} else
			yamlvalue_warn_unknown(cm->file, fm, i, "comment key '%s'", &unknown);
	}
	yamlvalue_unknown_done(cm->file, fm, unknown);
	if (cm->author == NULL && diag_error_count() == errors)
		diag_error(cm->file, fm->line, fm->col, "a comment needs an 'author'");
	if (!have_status && diag_error_count() == errors)
		diag_error(cm->file, fm->line, fm->col,
		           "a comment needs a 'status': approved, pending or spam");
	if (cm->id == NULL) {
		const char *base = path_basename(rel);
		const char *dot = strrchr(base, '.');
		cm->id = xstrndup(base, dot ? (size_t)(dot - base) : strlen(base));
	}
	cm->body = xstrndup(sf.body, sf.body_len);
	cm->body_line = sf.body_line;
	source_free(&sf);
	b->comments = xgrow(b->comments, b->ncomments, sizeof *b->comments);
	b->comments[b->ncomments++] = cm;
}

static void
load_related(struct loader *L, const char *rel, const char *fs, chapter *list)
{
	book *b = L->b;
	source_file sf;
	if (read_side_file(b, rel, fs, &sf) != 0)
		return;
	related_post *rp = xcalloc(1, sizeof *rp);
	rp->file = xstrdup(sf.name);
	const ynode *fm = sf.front;
	size_t unknown = 0;
	for (size_t i = 0; i < fm->n; i++) {
		const char *k = fm->keys[i];
		const ynode *v = fm->items[i];
		if (!strcmp(k, "title"))
			yamlvalue_set_string(&rp->title, rp->file, k, v);
		else if (!strcmp(k, "url")) {
			yamlvalue_set_web_address(&rp->url, rp->file, k, v);
		} else if (!strcmp(k, "date")) {
			char *s = yamlvalue_date(rp->file, k, v);
			if (s) {
				free(rp->date);
				rp->date = s;
			}
		} else if (!strcmp(k, "summary"))
			yamlvalue_set_string(&rp->summary, rp->file, k, v);
		else if (!strcmp(k, "lang") || !strcmp(k, "source") || !strcmp(k, "type"))
			; /* used when the post is a chapter of its own */
		else
			yamlvalue_warn_unknown(rp->file, fm, i, "related-post key '%s'", &unknown);
	}
	yamlvalue_unknown_done(rp->file, fm, unknown);
	if (rp->title == NULL)
		diag_error(rp->file, fm->line, fm->col, "a related post needs a 'title'");
	if (rp->url == NULL)
		diag_error(rp->file, fm->line, fm->col, "a related post needs a 'url'");
	bool has_body = false;
	for (size_t i = 0; i < sf.body_len; i++)
		if (sf.body[i] != ' ' && sf.body[i] != '\n' && sf.body[i] != '\t')
			has_body = true;
	rp->has_body = has_body;
	source_free(&sf);
	b->related = xgrow(b->related, b->nrelated, sizeof *b->related);
	b->related[b->nrelated++] = rp;
	if (has_body) {
		/* A post with a body is a chapter of its own, titled by its front
		 * matter; the list chapter does not repeat it. */
		add_text_chapter(L, rel, fs, true);
		return;
	}
	list->related = xgrow(list->related, list->nrelated, sizeof *list->related);
	list->related[list->nrelated++] = rp;
}

/* The error for a contents entry (at v) naming a file, shown as rel,
 * that the book has already, as had. */
static void
report_twice(struct loader *L, const ynode *v, const char *rel, const char *had)
{
	if (strcmp(rel, had) == 0)
		diag_error(L->yfile, v->line, v->col, "'%s' is listed twice in contents", rel);
	else
		diag_error(L->yfile, v->line, v->col,
		           "'%s' is the same file as '%s', which is in contents already", rel, had);
}

static void
load_folder_entry(struct loader *L, enum entry_kind kind, const char *rel, const char *fs,
                  const ynode *v)
{
	book *b = L->b;
	const char *had;
	strlist names = {0};
	int e = list_markdown(fs, &names);
	if (e != 0)
		diag_error(L->yfile, v->line, v->col, "cannot read folder '%s': %s", rel, strerror(e));
	else if (names.n == 0)
		diag_warning(L->yfile, v->line, v->col, "folder '%s' holds no Markdown (.md) files",
		             rel);
	chapter *side = NULL;
	if (kind == ENTRY_COMMENTS) {
		side = book_chapter_new(CHAPTER_QA);
		side->href = make_href(L, "qa");
	} else if (kind == ENTRY_RELATED) {
		side = book_chapter_new(CHAPTER_RELATED);
		side->href = make_href(L, "related");
	}
	size_t first_comment = b->ncomments;
	for (size_t i = 0; i < names.n; i++) {
		char *frel = path_join(rel, names.items[i]);
		char *norm = NULL, *ffs = NULL;
		enum path_status st = book_resolve_path(b, frel, &norm, &ffs);
		if (st != PATH_OK) {
			if (st != PATH_FOLDER)
				diag_warning(L->yfile, v->line, v->col, "'%s' %s; skipped", frel,
				             book_path_status_text(st));
		} else if ((had = claim_file(L, norm, ffs)) != NULL) {
			report_twice(L, v, norm, had);
		} else if (kind == ENTRY_TEXT) {
			add_text_chapter(L, norm, ffs, false);
		} else if (kind == ENTRY_COMMENTS) {
			load_comment(L, norm, ffs);
		} else {
			load_related(L, norm, ffs, side);
		}
		free(frel);
		free(norm);
		free(ffs);
	}
	strlist_free(&names);
	if (side == NULL)
		return;
	side->file = display_name(b, rel);
	side->id = xasprintf("c%04zu", b->nchapters + 1);
	if (kind == ENTRY_COMMENTS) {
		side->ncomments = b->ncomments - first_comment;
		side->comments = xcalloc(side->ncomments, sizeof(comment *));
		for (size_t i = 0; i < side->ncomments; i++)
			side->comments[i] = b->comments[first_comment + i];
	} else if (side->nrelated == 0) {
		book_chapter_free(side); /* every post has a chapter of its own */
		return;
	}
	book_add_chapter(b, side);
}

static void
load_contents_entry(struct loader *L, const ynode *v)
{
	const char *had;
	book *b = L->b;
	enum entry_kind kind = ENTRY_TEXT;
	const ynode *pathv = v;
	if (v->kind == YNODE_MAPPING && v->n == 1 &&
	    (!strcmp(v->keys[0], "comments") || !strcmp(v->keys[0], "related"))) {
		kind = !strcmp(v->keys[0], "comments") ? ENTRY_COMMENTS : ENTRY_RELATED;
		pathv = v->items[0];
	} else if (v->kind != YNODE_SCALAR) {
		diag_error(L->yfile, v->line, v->col,
		           "a contents entry is a file or folder path, or 'comments: FOLDER' or "
		           "'related: FOLDER'");
		return;
	}
	/* The message names the key the value belongs to: in
	 * "- {comments: [qa/]}" that is 'comments', which takes one folder. */
	char *rel = yamlvalue_string(L->yfile, pathv == v ? "contents" : v->keys[0], pathv);
	if (rel == NULL)
		return;
	char *norm = NULL, *fs = NULL;
	enum path_status st = book_resolve_path(b, rel, &norm, &fs);
	if (st == PATH_MISSING) {
		diag_error(L->yfile, pathv->line, pathv->col, "contents entry '%s' does not exist", rel);
	} else if (st != PATH_OK && st != PATH_FOLDER) {
		diag_error(L->yfile, pathv->line, pathv->col, "contents entry '%s' %s", rel,
		           book_path_status_text(st));
	} else if (kind != ENTRY_TEXT && st != PATH_FOLDER) {
		diag_error(L->yfile, pathv->line, pathv->col, "'%s' must be a folder", rel);
	} else if (st == PATH_FOLDER) {
		load_folder_entry(L, kind, norm, fs, pathv);
	} else if (!is_markdown_name(norm)) {
		diag_error(L->yfile, pathv->line, pathv->col,
		           "contents entry '%s' is not a Markdown file (.md)", rel);
	} else if ((had = claim_file(L, norm, fs)) != NULL) {
		report_twice(L, pathv, rel, had);
	} else {
		add_text_chapter(L, norm, fs, false);
	}
	free(rel);
	free(norm);
	free(fs);
}

static void
load_contents(struct loader *L, const ynode *v)
{
	if (v->kind != YNODE_SEQUENCE) {
		diag_error(L->yfile, v->line, v->col, "'contents' must be a list of files and folders");
		return;
	}
	if (v->n == 0)
		diag_error(L->yfile, v->line, v->col, "'contents' is empty");
	for (size_t i = 0; i < v->n; i++)
		load_contents_entry(L, v->items[i]);
}

static void
load_default_contents(struct loader *L)
{
	book *b = L->b;
	strlist names = {0};
	list_markdown(b->dir, &names);
	for (size_t i = 0; i < names.n; i++) {
		char *norm = NULL, *fs = NULL;
		enum path_status st = book_resolve_path(b, names.items[i], &norm, &fs);
		const char *had;
		if (st == PATH_OK && (had = claim_file(L, norm, fs)) != NULL) {
			char *name = display_name(b, names.items[i]);
			diag_warning(name, 0, 0, "is the same file as '%s'; skipped", had);
			free(name);
		} else if (st == PATH_OK) {
			add_text_chapter(L, norm, fs, false);
		} else if (st != PATH_FOLDER) { /* a link out, a pipe... */
			char *name = display_name(b, names.items[i]);
			diag_warning(name, 0, 0, "%s; skipped", book_path_status_text(st));
			free(name);
		}
		free(norm);
		free(fs);
	}
	if (names.n == 0)
		diag_error(b->dir, 0, 0,
		           "no book.yaml and no Markdown (.md) files: nothing to make a book of");
	strlist_free(&names);
}

book *
manuscript_load(const char *dir)
{
	struct stat st;
	if (stat(dir, &st) != 0) {
		diag_error(dir, 0, 0, "cannot open the manuscript folder: %s", strerror(errno));
		return NULL;
	}
	if (!S_ISDIR(st.st_mode)) {
		diag_error(dir, 0, 0, "not a folder; give the folder that holds book.yaml");
		return NULL;
	}
	DIR *d = opendir(dir);
	if (d == NULL) {
		diag_error(dir, 0, 0, "cannot open the manuscript folder: %s", strerror(errno));
		return NULL;
	}
	closedir(d);

	book *b = book_new(dir);
	struct loader L = {.b = b, .listed = strset_new(), .files = strmap_new(), .hrefs = strset_new()};
	/* Names the generated pages use (build.c). */
	static const char *const generated_pages[] = {"text/cover.xhtml", "text/titlepage.xhtml",
	                                              "text/colophon.xhtml"};
	for (size_t i = 0; i < sizeof generated_pages / sizeof *generated_pages; i++)
		reserve_href(&L, generated_pages[i]);

	char *ypath = path_join(dir, "book.yaml");
	char *ydata = NULL, *ynorm = NULL, *yfs = NULL;
	size_t ylen = 0;
	/* Like every file read, book.yaml must lie inside the folder. */
	enum path_status yst = book_resolve_path(b, "book.yaml", &ynorm, &yfs);
	int e = yst == PATH_MISSING ? ENOENT
	        : yst == PATH_OK    ? source_read_bytes(yfs, &ydata, &ylen, NULL)
	                            : -1;
	free(ynorm);
	free(yfs);
	const ynode *contents = NULL;
	ynode *root = NULL;
	if (e == 0) {
		b->yaml_file = xstrdup(ypath);
		L.yfile = b->yaml_file;
		/* Plain YAML, not front matter: a first "---" starts the document.
		 * libyaml reads CRLF and CR line ends itself. */
		size_t bom = ylen >= 3 && memcmp(ydata, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
		if (source_check_text(ypath, ydata, ylen, 1) == 0)
			root = yamldoc_parse(ypath, ydata + bom, ylen - bom, 0);
		if (root)
			load_book_yaml(&L, root, &contents);
	} else if (e == -1) {
		diag_error(ypath, 0, 0, "%s", yst == PATH_FOLDER ? "is a folder" : book_path_status_text(yst));
	} else if (e != ENOENT) {
		source_report_read_error(ypath, e);
	}
	free(ydata);

	if (contents)
		load_contents(&L, contents);
	else if (e == ENOENT || (root && !yamldoc_node_get(root, "contents")))
		load_default_contents(&L);
	yamldoc_node_free(root);

	if (b->modified == NULL)
		b->modified = modified_from_environment();
	strset_free(L.listed);
	strmap_free_values(L.files);
	strset_free(L.hrefs);
	free(ypath);
	return b;
}
