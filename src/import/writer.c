/* writer.c - import_write: an import_site (post.h) as a manuscript folder
 * in mkbook's own format (mkbook(5)):
 *
 *   book.yaml                 metadata and contents
 *   SLUG.md                   one chapter per post
 *   qa/ (qa/SLUG/ for each post of several)   one file per comment
 *   related/                  one file per related post
 *   about-the-author.md       the author's bio, when the source has one
 *   images/, cover.EXT        the images the chapters use
 *
 * Every value the source gives goes into YAML through output_yaml_string;
 * names of files are made from slugs and numbered in source order, so the
 * same input gives the same bytes. */
#include "import/import.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book.h"
#include "diag.h"
#include "import/html_md.h"
#include "import/images.h"
#include "import/output.h"
#include "import/spam.h"
#include "labels.h"
#include "manuscript.h"
#include "lang.h"
#include "media.h"
#include "url.h"
#include "util.h"

/* The state of one import_write. */
typedef struct writer {
	const import_site *site;
	const import_options *opt;
	const char *file;       /* the source, for diagnostics */
	import_images *images;
	char *image_base;       /* a saved page's folder as a file: address */
	strset *names;          /* manuscript-relative paths taken */
	strbuf contents;        /* the lines of book.yaml's contents list */
	strlist folders;        /* the comments and related folders written */
	bool several;           /* more than one post: each its own qa/SLUG/ */
	int errors;             /* files that could not be written */
	/* For the summary line. */
	size_t comments, approved, held, pending, spam, orphans, pingbacks, trashed;
	size_t related;
} writer;

/* The outcome of one comment, decided before any file is written. */
typedef struct comment_plan {
	char *name;       /* file name without ".md" */
	char *id;         /* the manuscript id: name, or SLUG-name */
	char *markdown;   /* its body */
	const char *status;
	char *note;       /* a YAML comment on why it is held, or NULL */
	long parent;      /* index of the comment it answers, or -1 */
	bool held;        /* held as pending because it looks like spam */
	char *why;        /* the heuristic's reasons, when it held it */
} comment_plan;

/* An image the converter asks for: its place in the manuscript. */
static const char *
image_for(void *ctx, const char *url, const char *alt)
{
	(void)alt;
	writer *w = ctx;
	return import_images_get(w->images, url);
}

/* Claims the manuscript path "prefix[stem].ext", numbering it "-2", "-3"...
 * when taken. Caller frees. */
static char *
claim_path(writer *w, const char *prefix, const char *stem, const char *ext)
{
	char *path = xasprintf("%s%s%s", prefix, stem, ext);
	for (int k = 2; !strset_add(w->names, path); k++) {
		free(path);
		path = xasprintf("%s%s-%d%s", prefix, stem, k, ext);
	}
	return path;
}

/* A date the manuscript takes, or NULL with a warning (what the source
 * gives is not ISO 8601). */
static const char *
checked_date(writer *w, const char *what, const char *date)
{
	if (date == NULL || *date == '\0')
		return NULL;
	if (date_parse_iso8601(date, NULL, NULL, NULL, NULL) == 0) {
		diag_warning(w->file, 0, 0, "%s: date '%.40s' is not ISO 8601; left out", what, date);
		return NULL;
	}
	return date;
}

/* "key: value\n" with value quoted; nothing when value is NULL. */
static void
put_key(strbuf *sb, const char *indent, const char *key, const char *value)
{
	if (value == NULL)
		return;
	strbuf_printf(sb, "%s%s: ", indent, key);
	output_yaml_string(sb, value);
	strbuf_putc(sb, '\n');
}

/* Appends text as Markdown inline text: ASCII punctuation that could mean
 * something to Markdown is escaped, line breaks become spaces. */
static void
put_markdown_text(strbuf *sb, const char *text)
{
	for (const char *p = text; *p; p++) {
		if (*p == '\n' || *p == '\r' || *p == '\t')
			strbuf_putc(sb, ' ');
		else if (strchr("\\`*_[]<>&#~|", *p))
			strbuf_printf(sb, "\\%c", *p);
		else
			strbuf_putc(sb, *p);
	}
}

static int
write_file(writer *w, const char *rel, const strbuf *sb)
{
	int rc = output_write(w->opt->out_dir, rel, sb->data ? sb->data : "", sb->len);
	if (rc != 0)
		w->errors++;
	return rc;
}

static int
compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The book's language as mkbook will take it (the site's, when it is a
 * well-formed tag, else English), for the words the import writes. */
static const char *
book_language(const writer *w)
{
	const char *l = w->site->language;
	return l && lang_is_tag(l) ? l : "en";
}

/* ---- Comments ---- */

/* The index in p->comments of the comment whose id is id (by_id maps ids
 * to comments of p), or -1. */
static long
comment_index(const import_post *p, const strmap *by_id, const char *id)
{
	const import_comment *c = id ? strmap_get(by_id, id) : NULL;
	return c ? (long)(c - p->comments) : -1;
}

/* Whether name looks like an e-mail address, which is never written. */
static bool
is_email_like(const char *name)
{
	const char *at = name ? strchr(name, '@') : NULL;
	return at && at > name && strchr(at, '.') && !strpbrk(name, " \t");
}

/* The name a comment is shown with: the source's, or "Anonymous" (as
 * WordPress shows it) when it gives none or gives an e-mail address. */
static const char *
comment_author(const import_comment *c)
{
	if (c->author == NULL || *c->author == '\0' || is_email_like(c->author))
		return "Anonymous";
	return c->author;
}

/* Decides each comment's name, status and parent: an approved comment
 * that looks like spam is held as pending (unless --keep-status), and a
 * reply whose parent is not among the comments, or whose chain of
 * parents goes round, is held as pending too. */
static comment_plan *
plan_comments(writer *w, const import_post *p, const char *slug, const char *article)
{
	comment_plan *plan = xcalloc(p->ncomments ? p->ncomments : 1, sizeof *plan);
	strmap *by_id = strmap_new();
	for (size_t i = 0; i < p->ncomments; i++)
		if (p->comments[i].id && strmap_get(by_id, p->comments[i].id) == NULL)
			strmap_put(by_id, p->comments[i].id, &p->comments[i]);
	import_spam *judge = w->opt->keep_status ? NULL : import_spam_new(w->site, p, article);
	int width = p->ncomments >= 1000 ? 4 + (p->ncomments >= 10000) : 3;
	for (size_t i = 0; i < p->ncomments; i++) {
		const import_comment *c = &p->comments[i];
		comment_plan *cp = &plan[i];
		char *who = output_slug(comment_author(c), 30);
		cp->name = xasprintf("%0*zu-%s", width, i + 1, *who ? who : "comment");
		free(who);
		cp->id = w->several ? xasprintf("%s-%s", slug, cp->name) : xstrdup(cp->name);
		/* A comment in an export is what the commenter typed, to which
		 * WordPress applies its paragraph rules as to a post (no shortcodes:
		 * html_md leaves those out of untrusted text). */
		html_md_options o = {.untrusted = true,
		                     .wordpress_raw = p->content_is_raw,
		                     .base_url = p->link,
		                     .file = w->file};
		cp->markdown = html_md_convert(c->html ? c->html : "", &o);
		cp->parent = comment_index(p, by_id, c->parent_id);
		cp->status = c->status == IMPORT_APPROVED ? "approved"
		             : c->status == IMPORT_SPAM   ? "spam"
		                                          : "pending";
		cp->held = c->status == IMPORT_PENDING && c->held_because;
		if (cp->held)
			cp->note = xasprintf("held as pending: it looks like spam (%s); set status: "
			                     "approved to keep it",
			                     c->held_because);
		if (c->parent_id && cp->parent < 0) {
			diag_warning(w->file, 0, 0,
			             "comment %s answers comment %s, which the source does not hold; "
			             "imported as pending",
			             c->id ? c->id : "?", c->parent_id);
			if (c->status == IMPORT_APPROVED && !w->opt->keep_status) {
				cp->status = "pending";
				cp->note = xasprintf("held as pending: it answers comment %s, which the "
				                     "source does not hold",
				                     c->parent_id);
			}
		}
	}
	/* Chains that go round: walking up more steps than there are
	 * comments means a cycle; its members lose their parent. */
	for (size_t i = 0; i < p->ncomments; i++) {
		size_t steps = 0;
		long k = plan[i].parent;
		while (k >= 0 && steps <= p->ncomments) {
			k = plan[k].parent;
			steps++;
		}
		if (k >= 0) {
			diag_warning(w->file, 0, 0, "comment %s is part of a cycle of replies; imported "
			                            "as a question",
			             p->comments[i].id ? p->comments[i].id : "?");
			plan[i].parent = -1;
		}
	}
	for (size_t i = 0; i < p->ncomments && judge; i++) {
		const import_comment *c = &p->comments[i];
		comment_plan *cp = &plan[i];
		if (c->status != IMPORT_APPROVED || strcmp(cp->status, "approved"))
			continue;
		char *why = import_spam_reasons(judge, c, cp->markdown);
		if (why == NULL)
			continue;
		cp->status = "pending";
		free(cp->note);
		cp->note = xasprintf("held as pending: it looks like spam (%s); set status: "
		                     "approved to keep it",
		                     why);
		cp->why = why;
		cp->held = true;
	}
	import_spam_free(judge);
	strmap_free(by_id);
	return plan;
}

static void
write_comment(writer *w, const import_post *p, const comment_plan *plan, size_t i,
              const char *folder)
{
	const import_comment *c = &p->comments[i];
	const comment_plan *cp = &plan[i];
	strbuf sb = {0};
	strbuf_puts(&sb, "---\n");
	put_key(&sb, "", "author", comment_author(c));
	if (c->author_url && url_is_web(c->author_url))
		put_key(&sb, "", "author-url", c->author_url);
	if (w->several)
		put_key(&sb, "", "id", cp->id);
	const char *date = checked_date(w, "comment", c->date);
	if (date)
		put_key(&sb, "", "date", date);
	strbuf_printf(&sb, "status: %s\n", cp->status);
	if (cp->note)
		output_yaml_comment(&sb, cp->note);
	if (cp->parent >= 0)
		put_key(&sb, "", "reply-to", plan[cp->parent].id);
	if (c->by_post_author)
		strbuf_puts(&sb, "role: author\n");
	strbuf_puts(&sb, "---\n\n");
	strbuf_puts(&sb, cp->markdown);
	if (sb.len && sb.data[sb.len - 1] != '\n')
		strbuf_putc(&sb, '\n');
	char *rel = xasprintf("%s%s.md", folder, cp->name);
	strset_add(w->names, rel);
	if (write_file(w, rel, &sb) == 0 && cp->held && !w->opt->quiet) {
		/* Named on stderr, where the editor looks, by the file to edit. */
		char *path = path_join(w->opt->out_dir, rel);
		diag_note(path, 0, 0, "comment by %s held as pending: it looks like spam (%s)",
		          comment_author(c), c->held_because ? c->held_because : cp->why);
		free(path);
	}
	free(rel);
	strbuf_free(&sb);
}

/* Writes the comments of p into folder ("qa/" or "qa/SLUG/") and lists
 * the folder in contents when a comment is approved. */
static void
write_comments(writer *w, const import_post *p, const char *slug, const char *article)
{
	w->comments += p->ncomments + p->npingbacks + p->ntrashed;
	w->pingbacks += p->npingbacks;
	w->trashed += p->ntrashed;
	if (p->ncomments == 0)
		return;
	char *folder = w->several ? xasprintf("qa/%s/", slug) : xstrdup("qa/");
	comment_plan *plan = plan_comments(w, p, slug, article);
	size_t approved = 0;
	for (size_t i = 0; i < p->ncomments; i++) {
		if (!strcmp(plan[i].status, "approved"))
			approved++;
		else if (!strcmp(plan[i].status, "spam"))
			w->spam++;
		else if (plan[i].held)
			w->held++;
		else if (p->comments[i].status == IMPORT_PENDING)
			w->pending++;
		else
			w->orphans++;
	}
	w->approved += approved;
	strlist_push(&w->folders, folder);
	if (output_mkdir(w->opt->out_dir, folder) == 0)
		for (size_t i = 0; i < p->ncomments; i++)
			write_comment(w, p, plan, i, folder);
	else
		w->errors++;
	if (approved)
		strbuf_printf(&w->contents, "  - comments: %s\n", folder);
	else
		strbuf_printf(&w->contents, "  # - comments: %s    (no approved comment yet)\n", folder);
	for (size_t i = 0; i < p->ncomments; i++) {
		free(plan[i].name);
		free(plan[i].id);
		free(plan[i].markdown);
		free(plan[i].note);
		free(plan[i].why);
	}
	free(plan);
	free(folder);
}

/* ---- Posts ---- */

/* The slug a post's files are named by. Caller frees. */
static char *
post_slug(const import_post *p, size_t index)
{
	char *s = output_slug(p->slug, 60);
	if (*s == '\0') {
		free(s);
		s = output_slug(p->title, 60);
	}
	if (*s == '\0') {
		free(s);
		s = p->id ? xasprintf("post-%s", p->id) : xasprintf("post-%zu", index + 1);
		char *t = output_slug(s, 60);
		free(s);
		s = t;
	}
	return s;
}

/* Whether the first block of the Markdown md shows the image at path. */
static bool
starts_with_image(const char *md, const char *path)
{
	md += strspn(md, " \n");
	const char *end = strstr(md, "\n\n");
	size_t n = end ? (size_t)(end - md) : strlen(md);
	const char *at = memmem(md, n, path, strlen(path));
	return at && (at[-1] == '(' || at[-1] == '"');
}

/* Writes post p as a chapter, then its comments. */
static void
write_post(writer *w, const import_post *p, size_t index)
{
	char *stem = post_slug(p, index);
	char *rel = claim_path(w, "", stem, ".md");
	/* The folder of its comments is named like its file. */
	char *slug = xstrndup(rel, strlen(rel) - 3);
	html_md_options o = {
	    .wordpress_raw = p->content_is_raw,
	    .base_url = p->link,
	    .file = w->file,
	    .image = image_for,
	    .image_ctx = w,
	    .image_base_url = w->image_base,
	};
	char *body = html_md_convert(p->content_html ? p->content_html : "", &o);

	strbuf sb = {0};
	strbuf_puts(&sb, "---\n");
	put_key(&sb, "", "title", p->title && *p->title ? p->title : NULL);
	if (p->link && url_is_web(p->link))
		put_key(&sb, "", "source", p->link);
	strbuf_puts(&sb, "---\n\n");
	if (p->title && *p->title) {
		strbuf_puts(&sb, "# ");
		put_markdown_text(&sb, p->title);
		strbuf_puts(&sb, "\n\n");
	}
	/* In a book of several posts, each says when it was published. */
	int y = 0, m = 0, d = 0;
	int prec = w->several && p->date ? date_parse_iso8601(p->date, &y, &m, &d, NULL) : 0;
	if (prec > 0) {
		char *when = labels_format_date(book_language(w), y, prec >= 2 ? m : 0,
		                                prec >= 3 ? d : 0);
		char *line = xasprintf("%s %s", labels_builtin(book_language(w), LABEL_PUBLISHED),
		                       when);
		strbuf_puts(&sb, "*");
		put_markdown_text(&sb, line);
		strbuf_puts(&sb, "*\n\n");
		free(line);
		free(when);
	}
	const char *featured = p->featured_image ? import_images_get(w->images, p->featured_image)
	                                         : NULL;
	if (featured && starts_with_image(body, featured))
		featured = NULL; /* the article shows it first itself */
	if (featured) {
		/* The source gives the picture no description: marked as
		 * decoration rather than given an invented one. */
		strbuf_printf(&sb, "<figure class=\"featured-image\">\n<img src=\"%s\" alt=\"\">\n"
		                   "</figure>\n\n",
		              featured);
	}
	strbuf_puts(&sb, body);
	if (sb.len && sb.data[sb.len - 1] != '\n')
		strbuf_putc(&sb, '\n');
	write_file(w, rel, &sb);
	strbuf_printf(&w->contents, "  - ");
	output_yaml_string(&w->contents, rel);
	strbuf_putc(&w->contents, '\n');
	write_comments(w, p, slug, body);
	strbuf_free(&sb);
	free(body);
	free(slug);
	free(rel);
	free(stem);
}

/* ---- Related posts, the bio, the cover ---- */

static bool
is_book_post(const import_site *s, const char *url)
{
	for (size_t i = 0; i < s->nposts; i++)
		if (s->posts[i].link && !strcmp(s->posts[i].link, url))
			return true;
	return false;
}

static void
write_related(writer *w)
{
	const import_site *s = w->site;
	strset *seen = strset_new();
	size_t n = 0;
	for (size_t i = 0; i < s->nposts; i++) {
		const import_post *p = &s->posts[i];
		for (size_t k = 0; k < p->nrelated; k++) {
			const import_related *r = &p->related[k];
			if (!r->url || !url_is_web(r->url) || r->title == NULL || *r->title == '\0') {
				diag_warning(w->file, 0, 0, "related post '%.80s' has no %s; left out",
				             r->title ? r->title : "",
				             r->url && url_is_web(r->url) ? "title" : "http or https address");
				continue;
			}
			if (is_book_post(s, r->url) || !strset_add(seen, r->url))
				continue;
			if (n == 0)
				strlist_push(&w->folders, "related/");
			if (n == 0 && output_mkdir(w->opt->out_dir, "related") != 0) {
				w->errors++;
				strset_free(seen);
				return;
			}
			strbuf sb = {0};
			strbuf_puts(&sb, "---\n");
			put_key(&sb, "", "title", r->title);
			put_key(&sb, "", "url", r->url);
			put_key(&sb, "", "date", checked_date(w, "related post", r->date));
			put_key(&sb, "", "summary", r->summary && *r->summary ? r->summary : NULL);
			strbuf_puts(&sb, "---\n");
			char *stem = output_slug(r->title, 50);
			char *prefix = xasprintf("related/%02zu-", ++n);
			char *rel = claim_path(w, prefix, *stem ? stem : "post", ".md");
			write_file(w, rel, &sb);
			free(rel);
			free(prefix);
			free(stem);
			strbuf_free(&sb);
		}
	}
	strset_free(seen);
	w->related = n;
	if (n)
		strbuf_puts(&w->contents, "  - related: related/\n");
}

static void
write_bio(writer *w)
{
	const import_post *p = NULL;
	for (size_t i = 0; i < w->site->nposts && p == NULL; i++)
		if (w->site->posts[i].bio_html && *w->site->posts[i].bio_html)
			p = &w->site->posts[i];
	if (p == NULL)
		return;
	html_md_options o = {
	    .base_url = p->link,
	    .file = w->file,
	    .image = image_for,
	    .image_ctx = w,
	    .image_base_url = w->image_base,
	};
	char *md = html_md_convert(p->bio_html, &o);
	strbuf sb = {0};
	strbuf_puts(&sb, "---\ntype: about-author\n---\n\n");
	/* A heading, in the book's language, unless the bio has its own. */
	if (md[strspn(md, " \n")] != '#')
		strbuf_printf(&sb, "# %s\n\n",
		              labels_builtin(book_language(w), LABEL_ABOUT_AUTHOR));
	strbuf_puts(&sb, md);
	if (sb.len && sb.data[sb.len - 1] != '\n')
		strbuf_putc(&sb, '\n');
	char *rel = claim_path(w, "", "about-the-author", ".md");
	write_file(w, rel, &sb);
	strbuf_puts(&w->contents, "  - ");
	output_yaml_string(&w->contents, rel);
	strbuf_putc(&w->contents, '\n');
	free(rel);
	strbuf_free(&sb);
	free(md);
}

/* Copies --cover into the folder; returns its manuscript path (caller
 * frees), or NULL after an error. */
static char *
write_cover(writer *w)
{
	char *data = NULL, *rel = NULL;
	size_t len = 0;
	int e = path_read_file(w->opt->cover, &data, &len, MKBOOK_MAX_IMAGE_BYTES);
	if (e != 0) {
		diag_error(w->opt->cover, 0, 0, "cannot read the cover: %s", strerror(e));
		goto out;
	}
	const char *type = media_sniff((const unsigned char *)data, len);
	if (!media_is_core_image(type)) {
		diag_error(w->opt->cover, 0, 0, "the cover must be a PNG, JPEG, GIF or SVG image");
		goto out;
	}
	char *ext = xasprintf(".%s", media_extension(type));
	rel = claim_path(w, "", "cover", ext);
	free(ext);
	if (output_write(w->opt->out_dir, rel, data, len) != 0) {
		free(rel);
		rel = NULL;
	}
out:
	free(data);
	return rel;
}

/* With --force: warns about each Markdown file in a folder the import
 * wrote that it did not write (left from an earlier import, say), since
 * mkbook reads every one of them. */
static void
warn_strays(writer *w)
{
	for (size_t i = 0; i < w->folders.n; i++) {
		char *dir = path_join(w->opt->out_dir, w->folders.items[i]);
		DIR *d = opendir(dir);
		struct dirent *e;
		strlist strays = {0};
		while (d && (e = readdir(d)) != NULL) {
			if (e->d_name[0] == '.' || !str_ends_with(e->d_name, ".md"))
				continue;
			char *rel = xasprintf("%s%s", w->folders.items[i], e->d_name);
			if (!strset_has(w->names, rel))
				strlist_push(&strays, e->d_name);
			free(rel);
		}
		if (d)
			closedir(d);
		/* In a fixed order, whatever order readdir gives. */
		if (strays.n > 1)
			qsort(strays.items, strays.n, sizeof *strays.items, compare_strings);
		for (size_t k = 0; k < strays.n; k++) {
			char *path = path_join(dir, strays.items[k]);
			diag_warning(path, 0, 0, "not written by this import, but mkbook reads it with "
			                         "the others; remove it if an earlier import left it");
			free(path);
		}
		strlist_free(&strays);
		free(dir);
	}
}

/* ---- book.yaml and the summary ---- */

/* Appends the book's metadata: from the post for one post, from the site
 * (and every post's authors and categories) for several. */
static void
put_metadata(writer *w, strbuf *sb, const char *cover)
{
	const import_site *s = w->site;
	const import_post *first = s->nposts ? &s->posts[0] : NULL;
	if (!w->several && first) {
		put_key(sb, "", "title", first->title && *first->title ? first->title : NULL);
		put_key(sb, "", "author", first->author && *first->author ? first->author : NULL);
	} else {
		put_key(sb, "", "title", s->title && *s->title ? s->title : NULL);
		strlist authors = {0};
		for (size_t i = 0; i < s->nposts; i++)
			if (s->posts[i].author && *s->posts[i].author &&
			    !strlist_contains(&authors, s->posts[i].author))
				strlist_push(&authors, s->posts[i].author);
		if (authors.n == 1)
			put_key(sb, "", "author", authors.items[0]);
		else if (authors.n > 1) {
			strbuf_puts(sb, "author:\n");
			for (size_t i = 0; i < authors.n; i++)
				put_key(sb, "  - ", "name", authors.items[i]);
		}
		strlist_free(&authors);
	}
	/* mkbook refuses a tag that is not well-formed: left out (the book is
	 * then English) with a warning, rather than a book that fails. */
	if (s->language && *s->language && !lang_is_tag(s->language))
		diag_warning(w->file, 0, 0, "language '%.40s' is not a BCP 47 tag; left out",
		             s->language);
	else
		put_key(sb, "", "language", s->language && *s->language ? s->language : NULL);
	/* The book's dates: the post's; for several, no publication date and
	 * the latest change of any. */
	const char *modified = NULL;
	if (!w->several && first) {
		put_key(sb, "", "date", checked_date(w, "post", first->date));
		modified = first->modified ? first->modified : first->date;
	} else {
		for (size_t i = 0; i < s->nposts; i++) {
			const char *m = s->posts[i].modified ? s->posts[i].modified : s->posts[i].date;
			long long a, b;
			if (m && date_parse_iso8601(m, NULL, NULL, NULL, &a) >= 3 &&
			    (modified == NULL || (date_parse_iso8601(modified, NULL, NULL, NULL, &b) >= 3 &&
			                          a > b)))
				modified = m;
		}
	}
	modified = checked_date(w, "post", modified);
	if (modified && date_parse_iso8601(modified, NULL, NULL, NULL, NULL) >= 3)
		put_key(sb, "", "modified", modified);
	if (!w->several && first)
		put_key(sb, "", "description",
		        first->excerpt && *first->excerpt ? first->excerpt : NULL);
	/* Subjects: one post's categories and tags; several posts'
	 * categories (their tags would run to hundreds). */
	strlist subjects = {0};
	for (size_t i = 0; i < s->nposts; i++) {
		const import_post *p = &s->posts[i];
		size_t n = w->several ? p->ncategories : p->nterms;
		for (size_t k = 0; k < n && k < p->nterms; k++)
			if (p->terms[k] && *p->terms[k] && !strlist_contains(&subjects, p->terms[k]))
				strlist_push(&subjects, p->terms[k]);
	}
	if (subjects.n) {
		strbuf_puts(sb, "subjects:\n");
		for (size_t i = 0; i < subjects.n; i++) {
			strbuf_puts(sb, "  - ");
			output_yaml_string(sb, subjects.items[i]);
			strbuf_putc(sb, '\n');
		}
	}
	strlist_free(&subjects);
	const char *source = !w->several && first ? first->link : s->link;
	if (source && url_is_web(source))
		put_key(sb, "", "source", source);
	put_key(sb, "", "cover", cover);
	if (w->several)
		strbuf_puts(sb, "nest-comments: true   # each Reader Q&A under its post in the contents\n");
}

static void
put_count(strbuf *sb, bool *first, size_t n, const char *one, const char *many)
{
	if (n == 0)
		return;
	strbuf_printf(sb, "%s%zu %s", *first ? "" : ", ", n, n == 1 ? one : many);
	*first = false;
}

/* The last line: what was written, what was left out, what to run. */
static void
print_summary(const writer *w)
{
	strbuf sb = {0};
	const char *dir = w->opt->out_dir;
	bool slash = *dir && dir[strlen(dir) - 1] == '/';
	strbuf_printf(&sb, "%s%s: %zu post%s", dir, slash ? "" : "/", w->site->nposts,
	              w->site->nposts == 1 ? "" : "s");
	if (w->comments) {
		strbuf_printf(&sb, ", %zu of %zu comment%s approved", w->approved, w->comments,
		              w->comments == 1 ? "" : "s");
		strbuf out = {0};
		bool first = true;
		put_count(&out, &first, w->held, "held as likely spam", "held as likely spam");
		put_count(&out, &first, w->pending, "pending", "pending");
		put_count(&out, &first, w->orphans, "reply to a missing comment held",
		          "replies to missing comments held");
		put_count(&out, &first, w->spam, "spam", "spam");
		put_count(&out, &first, w->pingbacks, "pingback", "pingbacks");
		put_count(&out, &first, w->trashed, "trashed", "trashed");
		if (out.len) {
			/* "..., 1 pingback and 1 trashed left out" */
			char *last = strrchr(out.data, ',');
			if (last && w->pingbacks + w->trashed + w->spam > 0) {
				*last = '\0';
				strbuf_printf(&sb, " (%s and%s left out)", out.data, last + 1);
			} else {
				strbuf_printf(&sb, " (%s)", out.data);
			}
		}
		strbuf_free(&out);
	}
	if (w->related)
		strbuf_printf(&sb, ", %zu related post%s", w->related, w->related == 1 ? "" : "s");
	size_t images = import_images_count(w->images);
	if (images)
		strbuf_printf(&sb, ", %zu image%s", images, images == 1 ? "" : "s");
	strbuf_printf(&sb, " \u2014 now run: mkbook %s%s\n", dir, slash ? "" : "/");
	fputs(sb.data, stderr);
	strbuf_free(&sb);
}

int
import_write(const import_site *site, const import_options *opt)
{
	int rc = 1;
	if (site->nposts == 0) {
		diag_error(site->file ? site->file : opt->input, 0, 0, "no post to import");
		return 1;
	}
	if (opt->out_dir == NULL || *opt->out_dir == '\0') {
		diag_error(NULL, 0, 0, "no output folder: give one with -o DIR");
		return 1;
	}
	if (output_prepare(opt->out_dir, opt->force) != 0)
		return 1;
	writer w = {
	    .site = site,
	    .opt = opt,
	    .file = site->file ? site->file : opt->input,
	    .images = import_images_new(site, opt),
	    .names = strset_new(),
	    .several = site->nposts > 1,
	};
	if (site->base_dir)
		w.image_base = import_folder_url(site->base_dir);
	strset_add(w.names, "book.yaml");
	char *cover = opt->cover ? write_cover(&w) : NULL;
	if (opt->cover && cover == NULL)
		goto out;
	for (size_t i = 0; i < site->nposts; i++)
		write_post(&w, &site->posts[i], i);
	write_related(&w);
	write_bio(&w);

	strbuf sb = {0};
	char *head = xasprintf("book.yaml - written by mkbook import from %s; see mkbook(5).",
	                       path_basename(w.file));
	output_yaml_comment(&sb, head);
	free(head);
	put_metadata(&w, &sb, cover);
	strbuf_puts(&sb, "contents:\n");
	strbuf_puts(&sb, w.contents.data ? w.contents.data : "");
	write_file(&w, "book.yaml", &sb);
	strbuf_free(&sb);
	if (opt->force)
		warn_strays(&w);
	if (w.errors == 0) {
		rc = 0;
		if (!opt->quiet)
			print_summary(&w);
	}
out:
	free(cover);
	strbuf_free(&w.contents);
	strlist_free(&w.folders);
	strset_free(w.names);
	import_images_free(w.images);
	free(w.image_base);
	return rc;
}
