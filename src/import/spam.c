/* spam.c - the importer's use of qa_spam_score: a small book made of the
 * post (its text, author, address, language and related posts) gives the
 * heuristic what a manuscript gives it, so both judge alike. */
#include "import/spam.h"

#include <stdlib.h>
#include <string.h>

#include "book.h"
#include "qa.h"
#include "util.h"

struct import_spam {
	book *b;
};

import_spam *
import_spam_new(const import_site *site, const import_post *p, const char *markdown)
{
	import_spam *s = xcalloc(1, sizeof *s);
	book *b = book_new(".");
	if (site->language) {
		free(b->language);
		b->language = xstrdup(site->language);
	}
	b->source = xstrdup(p->link ? p->link : site->link);
	if (p->author) {
		b->authors = xcalloc(1, sizeof *b->authors);
		b->authors[0].name = xstrdup(p->author);
		b->nauthors = 1;
	}
	for (size_t i = 0; i < p->nrelated; i++) {
		related_post *rp = xcalloc(1, sizeof *rp);
		rp->url = xstrdup(p->related[i].url);
		rp->title = xstrdup(p->related[i].title);
		b->related = xgrow(b->related, b->nrelated, sizeof *b->related);
		b->related[b->nrelated++] = rp;
	}
	chapter *c = book_chapter_new(CHAPTER_TEXT);
	c->body = xstrdup(markdown ? markdown : "");
	c->body_len = strlen(c->body);
	c->source = xstrdup(site->link);
	book_add_chapter(b, c);
	s->b = b;
	return s;
}

void
import_spam_free(import_spam *s)
{
	if (s == NULL)
		return;
	book_free(s->b);
	free(s);
}

char *
import_spam_reasons(import_spam *s, const import_comment *c, const char *markdown)
{
	if (c->by_post_author)
		return NULL;
	comment cm = {
	    .file = (char *)"",
	    .author = c->author,
	    .author_url = c->author_url,
	    .body = (char *)(markdown ? markdown : ""),
	};
	strbuf reasons = {0};
	int score = qa_spam_score(s->b, &cm, &reasons);
	if (score < QA_SPAM_THRESHOLD) {
		strbuf_free(&reasons);
		return NULL;
	}
	strbuf_puts(&reasons, "");
	return strbuf_take(&reasons);
}
