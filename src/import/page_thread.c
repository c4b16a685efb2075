/* page_thread.c - the reader comments of a saved page: microformats
 * (h-cite / h-entry marked p-comment or u-comment) first, then the markup
 * WordPress core and its themes print (li.comment nested in ol.children,
 * classic and block themes alike). Each comment keeps what a reader saw:
 * its author, its text, where it sits in the thread, and its date only
 * when the page shows one in a time element. */
#include "import/page.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "url.h"
#include "util.h"

static const char *const thread_ids[] = {"comments", "comments-area", "wp-block-comments",
                                         "comment-list", "commentlist",
                                         "wp-block-comment-template"};

/* One kind of comment markup: how to tell a comment, and where its parts
 * are, by class, strongest first. */
typedef struct style {
	const char *name;
	bool (*is_comment)(xmlNodePtr n);
	const char *const *author;  /* the name (an h-card's p-name is found inside) */
	const char *const *content; /* the text */
	const char *const *meta;    /* removed when no content element is found */
} style;

static bool
is_mf_comment(xmlNodePtr n)
{
	if (!page_has_class(n, "h-cite") && !page_has_class(n, "h-entry"))
		return false;
	return page_has_class(n, "p-comment") || page_has_class(n, "u-comment") ||
	       (page_has_class(n, "h-cite") && page_class_has_part(n, "comment"));
}

static bool
is_wp_comment(xmlNodePtr n)
{
	if (!page_has_class(n, "comment") && !page_has_class(n, "wp-block-comment"))
		return false;
	if (page_is(n, "li"))
		return true;
	char *id = page_attr(n, "id");
	bool r = id && (str_starts_with(id, "comment-") || str_starts_with(id, "li-comment-"));
	free(id);
	return r;
}

static const char *const mf_author[] = {"p-author", NULL};
static const char *const mf_content[] = {"e-content", "p-content", "p-summary", NULL};
static const char *const wp_author[] = {"fn", "wp-block-comment-author-name", "comment-author-name",
                                        "comment-author", "p-author", NULL};
static const char *const wp_content[] = {"comment-content", "wp-block-comment-content",
                                         "comment-text", "comment_text", "e-content", NULL};
static const char *const wp_meta[] = {"comment-author", "comment-meta", "comment-metadata",
                                      "commentmetadata", "comment-awaiting-moderation",
                                      "vcard", "says", "children", NULL};

static const style styles[] = {
    {"microformats", is_mf_comment, mf_author, mf_content, wp_meta},
    {"WordPress comment markup", is_wp_comment, wp_author, wp_content, wp_meta},
};

/* The number at the end of an id such as "comment-17" or "li-comment-17";
 * else the id itself; NULL without id. Caller frees. */
static char *
comment_number(xmlNodePtr n)
{
	char *id = page_attr(n, "id");
	if (!id)
		return NULL;
	const char *d = id + strlen(id);
	while (d > id && isdigit((unsigned char)d[-1]))
		d--;
	char *r = *d && d > id && d[-1] == '-' ? xstrdup(d) : xstrdup(id);
	free(id);
	return r;
}

typedef struct found {
	xmlNodePtr node;
	char *id;
	int parent; /* index into the found list, or -1 */
} found;

/* The nearest enclosing comment of n: the found list marks each of its
 * nodes with its index + 1 in the node's _private field. */
static int
enclosing(xmlNodePtr n)
{
	for (xmlNodePtr a = n->parent; a; a = a->parent)
		if (a->_private)
			return (int)((uintptr_t)a->_private - 1);
	return -1;
}

/* The first element under c with one of classes, not inside a comment
 * nested in c. */
static xmlNodePtr
own_part(xmlNodePtr c, const char *const *classes, const style *st)
{
	for (size_t i = 0; classes[i]; i++) {
		xmlNodePtr n = page_next(c, c, false);
		while (n) {
			if (st->is_comment(n) || page_has_class(n, "children")) {
				n = page_next(n, c, true);
				continue;
			}
			if (page_has_class(n, classes[i]))
				return n;
			n = page_next(n, c, false);
		}
	}
	return NULL;
}

static void
remove_matching(xmlNodePtr root, const style *st, const char *const *classes)
{
	xmlNodePtr n = page_next(root, root, false);
	while (n) {
		bool drop = st->is_comment(n);
		for (size_t i = 0; classes && classes[i] && !drop; i++)
			drop = page_has_class(n, classes[i]);
		if (drop) {
			xmlNodePtr next = page_next(n, root, true);
			xmlUnlinkNode(n);
			xmlFreeNode(n);
			n = next;
		} else {
			n = page_next(n, root, false);
		}
	}
}

static char *
author_of(xmlNodePtr c, const style *st, char **url)
{
	xmlNodePtr a = own_part(c, st->author, st);
	if (!a)
		return NULL;
	xmlNodePtr name = page_has_class(a, "h-card") ? page_find_class(a, "p-name") : NULL;
	xmlNodePtr copy = xmlDocCopyNode(name ? name : a, a->doc, 1);
	/* "says:", the avatar and screen-reader words are not the name. */
	remove_matching(copy, st, (const char *const[]){"says", "avatar", "screen-reader-text", NULL});
	for (xmlNodePtr l = copy; l && !*url; l = page_next(l, copy, false)) {
		if (!page_is(l, "a"))
			continue;
		char *href = page_attr(l, "href");
		if (url_web_host(href) != NULL)
			*url = href;
		else
			free(href);
	}
	char *t = page_text(copy);
	xmlFreeNode(copy);
	if (!*t) {
		free(t);
		return NULL;
	}
	return t;
}

/* The date a time element of the comment's own part shows, or NULL. */
static char *
date_of(xmlNodePtr c, const style *st)
{
	xmlNodePtr n = page_next(c, c, false);
	while (n) {
		if (st->is_comment(n) || page_has_class(n, "children")) {
			n = page_next(n, c, true);
			continue;
		}
		if (page_is(n, "time") || page_has_class(n, "dt-published")) {
			char *v = page_attr(n, "datetime");
			if (v && date_parse_iso8601(str_trim(v), NULL, NULL, NULL, NULL) > 0)
				return v;
			free(v);
		}
		n = page_next(n, c, false);
	}
	return NULL;
}

static char *
html_of(xmlNodePtr c, const style *st, const char *base_dir)
{
	xmlNodePtr content = own_part(c, st->content, st);
	/* Classic themes put the text straight into the comment-body box,
	 * beside the author and the meta line. */
	xmlNodePtr box = content ? NULL : own_part(c, (const char *const[]){"comment-body", NULL}, st);
	xmlNodePtr copy = xmlDocCopyNode(content ? content : box ? box : c, c->doc, 1);
	remove_matching(copy, st, content ? NULL : st->meta);
	page_clean(copy, NULL);
	page_settle_images(copy, base_dir, NULL);
	char *html = page_inner_html(copy);
	xmlFreeNode(copy);
	return html;
}

static bool
same_name(const char *a, const char *b)
{
	return a && b && strcasecmp(a, b) == 0;
}

/* Whether some element under n is a comment in one of the styles. */
static bool
holds_comments(xmlNodePtr n)
{
	for (xmlNodePtr c = n; c; c = page_next(c, n, false))
		for (size_t s = 0; s < sizeof styles / sizeof *styles; s++)
			if (styles[s].is_comment(c))
				return true;
	return false;
}

xmlNodePtr
page_find_thread(xmlNodePtr root)
{
	for (size_t i = 0; i < sizeof thread_ids / sizeof *thread_ids; i++)
		for (xmlNodePtr n = root; n; n = page_next(n, root, false)) {
			char *id = page_attr(n, "id");
			bool hit = (id && !strcmp(id, thread_ids[i])) || page_has_class(n, thread_ids[i]);
			free(id);
			/* Some themes put id="comments" on the heading alone. */
			if (hit && holds_comments(n))
				return n;
		}
	return NULL;
}

size_t
page_thread_read(xmlNodePtr root, const char *post_author, const char *base_dir,
                 import_comment **out, size_t *n, const char **how)
{
	size_t first = *n;
	for (size_t s = 0; s < sizeof styles / sizeof *styles && *n == first; s++) {
		const style *st = &styles[s];
		found *list = NULL;
		size_t k = 0;
		for (xmlNodePtr c = root; c; c = page_next(c, root, false)) {
			if (!st->is_comment(c))
				continue;
			char *id = comment_number(c);
			int parent = enclosing(c);
			/* <li id="li-comment-5"><article id="comment-5">: one comment. */
			if (parent >= 0 && id && list[parent].id && !strcmp(id, list[parent].id)) {
				free(id);
				continue;
			}
			list = xgrow(list, k, sizeof *list);
			c->_private = (void *)(uintptr_t)(k + 1);
			list[k].node = c;
			list[k].id = id ? id : xasprintf("c%zu", k + 1);
			list[k].parent = parent;
			k++;
		}
		for (size_t i = 0; i < k; i++) {
			xmlNodePtr c = list[i].node;
			*out = xgrow(*out, *n, sizeof **out);
			import_comment *m = &(*out)[(*n)++];
			memset(m, 0, sizeof *m);
			m->id = xstrdup(list[i].id);
			if (list[i].parent >= 0) {
				m->parent_id = xstrdup(list[list[i].parent].id);
			} else {
				/* A flat microformats list says whom it answers. */
				xmlNodePtr r = own_part(c, (const char *const[]){"u-in-reply-to", NULL}, st);
				char *href = page_attr(r, "href");
				const char *frag = href ? strrchr(href, '#') : NULL;
				for (size_t j = 0; frag && j < k; j++) {
					char *cid = page_attr(list[j].node, "id");
					if (j != i && cid && !strcmp(cid, frag + 1))
						m->parent_id = xstrdup(list[j].id);
					free(cid);
				}
				free(href);
			}
			m->author = author_of(c, st, &m->author_url);
			m->date = date_of(c, st);
			m->html = html_of(c, st, base_dir);
			m->status = IMPORT_APPROVED;
			m->by_post_author = page_has_class(c, "bypostauthor") || same_name(m->author, post_author);
			if (m->by_post_author && !m->author && post_author)
				m->author = xstrdup(post_author);
			*how = st->name;
		}
		for (size_t i = 0; i < k; i++) {
			list[i].node->_private = NULL;
			free(list[i].id);
		}
		free(list);
	}
	return *n - first;
}
