/* toc.c - a page's table of contents (see toc.h). */
#include "toc.h"

#include <stdlib.h>
#include <string.h>

void
toc_add(chapter_toc *t, int level, const char *title, const char *id)
{
	t->entries = xgrow(t->entries, t->n, sizeof *t->entries);
	toc_entry *e = &t->entries[t->n++];
	e->level = level;
	e->title = t->text.len;
	strbuf_append(&t->text, title, strlen(title) + 1);
	e->id = t->text.len;
	strbuf_append(&t->text, id, strlen(id) + 1);
}

const char *
toc_title(const chapter_toc *t, size_t i)
{
	return t->text.data + t->entries[i].title;
}

const char *
toc_id(const chapter_toc *t, size_t i)
{
	return t->text.data + t->entries[i].id;
}

void
toc_compact(chapter_toc *t)
{
	if (t->n == 0)
		return;
	toc_entry *entries = xmalloc(t->n * sizeof *entries);
	memcpy(entries, t->entries, t->n * sizeof *entries);
	free(t->entries);
	t->entries = entries;
	char *text = xmalloc(t->text.len + 1);
	memcpy(text, t->text.data, t->text.len + 1);
	free(t->text.data);
	t->text.data = text;
	t->text.cap = t->text.len + 1;
}

void
toc_free(chapter_toc *t)
{
	free(t->entries);
	strbuf_free(&t->text);
	*t = (chapter_toc){0};
}
