/* book.c - constructors and destructors of the book model, and the check
 * that keeps every file the book reads inside its manuscript folder. */
#include "book.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

book *
book_new(const char *dir)
{
	book *b = xcalloc(1, sizeof *b);
	b->dir = xstrdup(dir);
	b->language = xstrdup("en");
	b->toc_depth = 2;
	b->titlepage = true;
	b->colophon = true;
	b->resource_by_path = strmap_new();
	b->chapter_by_path = strmap_new();
	return b;
}

chapter *
book_chapter_new(enum chapter_kind kind)
{
	chapter *c = xcalloc(1, sizeof *c);
	c->kind = kind;
	return c;
}

void
book_chapter_free(chapter *c)
{
	if (c == NULL)
		return;
	free(c->path);
	free(c->file);
	free(c->href);
	free(c->id);
	free(c->title);
	free(c->lang);
	free(c->source);
	free(c->epub_type);
	free(c->body);
	free(c->fs_path);
	toc_free(&c->toc);
	free(c->comments);
	free(c->related);
	free(c);
}

void
book_resource_free(resource *r)
{
	if (r == NULL)
		return;
	free(r->path);
	free(r->href);
	free(r->id);
	free(r->media_type);
	free(r->properties);
	free(r->data);
	free(r);
}

static void
comment_free(comment *c)
{
	if (c == NULL)
		return;
	free(c->file);
	free(c->id);
	free(c->author);
	free(c->author_url);
	free(c->date);
	free(c->reply_to);
	free(c->title);
	free(c->body);
	free(c);
}

static void
related_free(related_post *r)
{
	if (r == NULL)
		return;
	free(r->file);
	free(r->title);
	free(r->url);
	free(r->date);
	free(r->summary);
	free(r);
}

void
book_free(book *b)
{
	if (b == NULL)
		return;
	free(b->dir);
	free(b->yaml_file);
	free(b->title);
	free(b->subtitle);
	for (size_t i = 0; i < b->nauthors; i++) {
		free(b->authors[i].name);
		free(b->authors[i].file_as);
		free(b->authors[i].role);
	}
	free(b->authors);
	free(b->language);
	free(b->identifier);
	free(b->date);
	free(b->modified);
	free(b->publisher);
	free(b->description);
	strlist_free(&b->subjects);
	free(b->rights);
	free(b->conforms_to);
	free(b->certified_by);
	free(b->source);
	free(b->series);
	free(b->series_index);
	free(b->cover);
	free(b->stylesheet);
	for (int i = 0; i < LABEL_COUNT; i++)
		free(b->labels[i]);
	for (size_t i = 0; i < b->nchapters; i++)
		book_chapter_free(b->chapters[i]);
	free(b->chapters);
	for (size_t i = 0; i < b->nresources; i++)
		book_resource_free(b->resources[i]);
	free(b->resources);
	strmap_free(b->resource_by_path);
	strmap_free(b->chapter_by_path);
	for (size_t i = 0; i < b->ncomments; i++)
		comment_free(b->comments[i]);
	free(b->comments);
	for (size_t i = 0; i < b->nrelated; i++)
		related_free(b->related[i]);
	free(b->related);
	free(b);
}

void
book_add_chapter(book *b, chapter *c)
{
	b->chapters = xgrow(b->chapters, b->nchapters, sizeof *b->chapters);
	b->chapters[b->nchapters++] = c;
	if (c->path)
		strmap_put(b->chapter_by_path, c->path, c);
}

void
book_add_resource(book *b, resource *r)
{
	b->resources = xgrow(b->resources, b->nresources, sizeof *b->resources);
	b->resources[b->nresources++] = r;
	if (r->path)
		strmap_put(b->resource_by_path, r->path, r);
}

const char *
book_label(const book *b, enum label_id id)
{
	if (b->labels[id])
		return b->labels[id];
	return labels_builtin(b->language, id);
}

enum path_status
book_resolve_path(const book *b, const char *rel, char **normalized, char **fs_path)
{
	*normalized = NULL;
	if (fs_path)
		*fs_path = NULL;
	char *norm = path_normalize_relative(rel);
	if (norm == NULL || *norm == '\0') {
		free(norm);
		return PATH_OUTSIDE;
	}
	char *full = path_join(b->dir, norm);
	char real_dir[PATH_MAX], real_file[PATH_MAX];
	enum path_status st = PATH_OK;
	if (realpath(b->dir, real_dir) == NULL) {
		st = PATH_MISSING;
		goto out;
	}
	if (realpath(full, real_file) == NULL) {
		st = errno == ENOENT || errno == ENOTDIR ? PATH_MISSING : PATH_UNREADABLE;
		goto out;
	}
	size_t n = strlen(real_dir);
	if (!(strncmp(real_file, real_dir, n) == 0 && (real_file[n] == '/' || n == 1))) {
		st = PATH_OUTSIDE;
		goto out;
	}
	struct stat sb;
	if (stat(real_file, &sb) != 0) {
		st = PATH_UNREADABLE;
		goto out;
	}
	st = S_ISDIR(sb.st_mode) ? PATH_FOLDER : S_ISREG(sb.st_mode) ? PATH_OK : PATH_NOT_FILE;
out:
	if (st == PATH_OK || st == PATH_FOLDER) {
		*normalized = norm;
		if (fs_path)
			*fs_path = full;
		else
			free(full);
	} else {
		free(norm);
		free(full);
	}
	return st;
}

const char *
book_path_status_text(enum path_status st)
{
	switch (st) {
	case PATH_OK:
		return "a file";
	case PATH_FOLDER:
		return "a folder";
	case PATH_MISSING:
		return "does not exist";
	case PATH_OUTSIDE:
		return "lies outside the manuscript folder";
	case PATH_NOT_FILE:
		return "is not a regular file";
	case PATH_UNREADABLE:
		return "cannot be read";
	}
	return "?";
}
