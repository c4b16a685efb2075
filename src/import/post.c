/* post.c - the post model's memory: import_site_free releases a site and
 * everything reachable from it. */
#include "import/post.h"

#include <stdlib.h>
#include <string.h>

void
import_comment_clear(import_comment *c)
{
	free(c->id);
	free(c->parent_id);
	free(c->author);
	free(c->author_url);
	free(c->date);
	free(c->html);
	free(c->held_because);
	memset(c, 0, sizeof *c);
}

static void
related_clear(import_related *r)
{
	free(r->title);
	free(r->url);
	free(r->date);
	free(r->summary);
}

static void
post_clear(import_post *p)
{
	free(p->id);
	free(p->slug);
	free(p->title);
	free(p->link);
	free(p->author);
	free(p->date);
	free(p->modified);
	for (size_t i = 0; i < p->nterms; i++)
		free(p->terms[i]);
	free(p->terms);
	free(p->excerpt);
	free(p->content_html);
	free(p->featured_image);
	free(p->bio_html);
	for (size_t i = 0; i < p->ncomments; i++)
		import_comment_clear(&p->comments[i]);
	free(p->comments);
	for (size_t i = 0; i < p->nrelated; i++)
		related_clear(&p->related[i]);
	free(p->related);
}

void
import_site_free(import_site *s)
{
	if (s == NULL)
		return;
	for (size_t i = 0; i < s->nposts; i++)
		post_clear(&s->posts[i]);
	free(s->posts);
	free(s->file);
	free(s->title);
	free(s->link);
	free(s->language);
	free(s->uploads_url);
	free(s->base_dir);
	free(s);
}
