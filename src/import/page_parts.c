/* page_parts.c - the parts of a saved page other than its thread: the
 * page's metadata, the post's element and facts, the article body (by
 * signal, else by text density), the author's bio and the related posts. */
#include "import/page.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLtree.h>
#include <libxml/uri.h>

#include "url.h"
#include "util.h"

/* ---- metadata ---- */

static void
set_once(char **field, const char *v)
{
	if (*field || !v)
		return;
	char *d = str_trim(xstrdup(v));
	if (*d)
		*field = d;
	else
		free(d);
}

static void
add_term(strlist *l, const char *t)
{
	char *s = str_trim(xstrdup(t));
	if (*s && !strlist_contains(l, s))
		strlist_push_owned(l, s);
	else
		free(s);
}

static bool
is_web_url(const char *s)
{
	return url_web_host(s) != NULL;
}

/* "en_US" (og:locale) as a language tag: "en-US". Caller frees. */
static char *
locale_to_tag(const char *loc)
{
	char *t = xstrdup(loc);
	for (char *s = t; *s; s++)
		if (*s == '_')
			*s = '-';
	return t;
}

void
page_meta_read(htmlDocPtr doc, page_meta *m)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	char *lang = page_attr(root, "lang");
	if (!lang)
		lang = page_attr(root, "xml:lang");
	set_once(&m->language, lang);
	free(lang);
	char *og_url = NULL, *doc_title = NULL, *locale = NULL;
	strlist tags = {0};
	for (xmlNodePtr n = root; n; n = page_next(n, root, false)) {
		if (page_is(n, "body")) {
			/* Metadata lives in the head; a body's own <link> and <meta>
			 * elements belong to embedded widgets. */
			n = page_next(n, root, true);
			if (!n)
				break;
		}
		if (page_is(n, "title") && !doc_title) {
			doc_title = page_text(n);
		} else if (page_is(n, "link") && page_attr_has_token(n, "rel", "canonical")) {
			char *href = page_attr(n, "href");
			if (is_web_url(href))
				set_once(&m->canonical, href);
			free(href);
		} else if (page_is(n, "meta")) {
			char *key = page_attr(n, "property");
			if (!key)
				key = page_attr(n, "name");
			char *val = page_attr(n, "content");
			if (key && val) {
				if (!strcasecmp(key, "og:url") && is_web_url(val))
					set_once(&og_url, val);
				else if (!strcasecmp(key, "og:title"))
					set_once(&m->title, val);
				else if (!strcasecmp(key, "og:site_name"))
					set_once(&m->site_name, val);
				else if (!strcasecmp(key, "og:type"))
					m->is_article = m->is_article || !strcasecmp(str_trim(val), "article");
				else if (!strcasecmp(key, "og:description") || !strcasecmp(key, "description"))
					set_once(&m->description, val);
				else if ((!strcasecmp(key, "author") || !strcasecmp(key, "article:author")) &&
				         !is_web_url(val))
					set_once(&m->author, val);
				else if (!strcasecmp(key, "article:published_time") &&
				         date_parse_iso8601(str_trim(val), NULL, NULL, NULL, NULL))
					set_once(&m->date, val);
				else if ((!strcasecmp(key, "article:modified_time") ||
				          !strcasecmp(key, "og:updated_time")) &&
				         date_parse_iso8601(str_trim(val), NULL, NULL, NULL, NULL))
					set_once(&m->modified, val);
				else if (!strcasecmp(key, "article:section"))
					add_term(&m->terms, val);
				else if (!strcasecmp(key, "article:tag"))
					add_term(&tags, val);
				else if (!strcasecmp(key, "og:locale"))
					set_once(&locale, val);
			}
			free(key);
			free(val);
		}
	}
	set_once(&m->canonical, og_url);
	set_once(&m->title, doc_title);
	if (!m->language && locale)
		m->language = locale_to_tag(locale);
	m->ncategories = m->terms.n;
	for (size_t i = 0; i < tags.n; i++)
		add_term(&m->terms, tags.items[i]);
	strlist_free(&tags);
	free(og_url);
	free(doc_title);
	free(locale);
}

void
page_meta_free(page_meta *m)
{
	free(m->canonical);
	free(m->title);
	free(m->site_name);
	free(m->author);
	free(m->date);
	free(m->modified);
	free(m->description);
	free(m->language);
	strlist_free(&m->terms);
	memset(m, 0, sizeof *m);
}

/* ---- where things are ---- */

/* Whether n lies, below scope, inside a comment, a sidebar, navigation or
 * a related-posts block: places whose names, dates and links are not the
 * post's. */
static bool
in_other_part(xmlNodePtr n, xmlNodePtr scope)
{
	static const char *const parts[] = {"comment", "related", "sidebar"};
	for (xmlNodePtr a = n->parent; a && a != scope && a->type == XML_ELEMENT_NODE; a = a->parent)
		if (page_is_frame(a))
			continue;
		else if (page_is(a, "nav") || page_is(a, "aside") || page_has_class(a, "h-cite") ||
		         page_has_widget_class(a) ||
		         page_class_has_any(a, parts, sizeof parts / sizeof *parts))
			return true;
	return false;
}

/* The first element under scope with class cls that is not inside another
 * part (see in_other_part). */
static xmlNodePtr
find_own(xmlNodePtr scope, const char *cls)
{
	for (xmlNodePtr n = scope; n; n = page_next(n, scope, false))
		if (page_has_class(n, cls) && !in_other_part(n, scope))
			return n;
	return NULL;
}

/* The elements matching test that no other match encloses; returns the
 * single one, or NULL when there are none or several (a listing of posts,
 * not a post). *count gets how many. */
static xmlNodePtr
single_outer(xmlNodePtr root, bool (*test)(xmlNodePtr), int *count)
{
	xmlNodePtr found = NULL;
	*count = 0;
	xmlNodePtr n = root;
	while (n) {
		if (test(n) && !in_other_part(n, root)) {
			(*count)++;
			found = n;
			n = page_next(n, root, true);
		} else {
			n = page_next(n, root, false);
		}
	}
	return *count == 1 ? found : NULL;
}

static bool
is_h_entry(xmlNodePtr n)
{
	return page_has_class(n, "h-entry");
}

static bool
is_hentry(xmlNodePtr n)
{
	return page_has_class(n, "hentry");
}

static bool
is_post_article(xmlNodePtr n)
{
	return page_is(n, "article") && (page_has_class(n, "post") || page_has_class(n, "type-post"));
}

static bool
is_schema_posting(xmlNodePtr n)
{
	if (n->type != XML_ELEMENT_NODE)
		return false;
	char *t = page_attr(n, "itemtype");
	bool r = t && (strstr(t, "schema.org/BlogPosting") || strstr(t, "schema.org/Article") ||
	               strstr(t, "schema.org/NewsArticle"));
	free(t);
	return r;
}

static bool
is_article(xmlNodePtr n)
{
	return page_is(n, "article");
}

xmlNodePtr
page_find_entry(htmlDocPtr doc, int *listing)
{
	*listing = 0;
	xmlNodePtr root = xmlDocGetRootElement(doc);
	bool (*tests[])(xmlNodePtr) = {is_h_entry, is_hentry, is_post_article, is_schema_posting};
	for (size_t i = 0; i < sizeof tests / sizeof *tests; i++) {
		int count;
		xmlNodePtr e = single_outer(root, tests[i], &count);
		if (e)
			return e;
		if (count > 1) {
			*listing = count; /* several posts: a listing */
			return NULL;
		}
	}
	/* A block theme marks a single post on <body> only; its content is
	 * in <main>, or in the page's only <article>. */
	xmlNodePtr body = page_find_elem(root, "body");
	if (body && (page_has_class(body, "single-post") || page_has_class(body, "single"))) {
		xmlNodePtr main = page_find_elem(body, "main");
		return main ? main : body;
	}
	int count;
	return single_outer(root, is_article, &count);
}

/* ---- the article body ---- */

/* Classes that hold a post's body, strongest first. */
static const char *const body_classes[] = {
    "e-content", "entry-content", "wp-block-post-content", "post-content", "article-content",
    "post-body", "entry-body", "article-body", "single-content", "post-entry",
};

xmlNodePtr
page_find_body(xmlNodePtr scope, const char **how)
{
	for (size_t i = 0; i < sizeof body_classes / sizeof *body_classes; i++) {
		xmlNodePtr n = find_own(scope, body_classes[i]);
		if (n) {
			*how = body_classes[i];
			return n;
		}
	}
	for (xmlNodePtr n = scope; n; n = page_next(n, scope, false)) {
		char *ip = page_attr(n, "itemprop");
		bool hit = ip && !strcmp(str_trim(ip), "articleBody") && !in_other_part(n, scope);
		free(ip);
		if (hit) {
			*how = "itemprop articleBody";
			return n;
		}
	}
	return NULL;
}

typedef struct dens {
	xmlNodePtr node;
	double score;
	size_t chars;
	int paragraphs;
} dens;

/* The entry of node, found through the index + 1 that node->_private
 * holds while the fallback runs. */
static dens *
dens_get(dens **d, size_t *n, xmlNodePtr node)
{
	if (node->_private)
		return &(*d)[(uintptr_t)node->_private - 1];
	*d = xgrow(*d, *n, sizeof **d);
	dens *e = &(*d)[(*n)++];
	memset(e, 0, sizeof *e);
	e->node = node;
	node->_private = (void *)(uintptr_t)*n;
	return e;
}

/* The share of n's text that is the text of links, 0 to 1. */
static double
link_density(xmlNodePtr n)
{
	char *all = page_text(n);
	size_t total = strlen(all), linked = 0;
	free(all);
	for (xmlNodePtr a = n; a; a = page_next(a, n, false)) {
		if (page_is(a, "a")) {
			char *t = page_text(a);
			linked += strlen(t);
			free(t);
		}
	}
	return total ? (double)linked / (double)total : 1;
}

static bool
in_chrome(xmlNodePtr n, xmlNodePtr root)
{
	for (xmlNodePtr a = n; a && a != root && a->type == XML_ELEMENT_NODE; a = a->parent)
		if (page_is_frame(a))
			continue;
		else if (page_is_chrome(a) || page_class_has_part(a, "comment") || page_has_class(a, "h-cite") ||
		    page_class_has_part(a, "related"))
			return true;
	return false;
}

xmlNodePtr
page_density_body(xmlNodePtr root, size_t min_chars)
{
	dens *d = NULL;
	size_t nd = 0;
	for (xmlNodePtr n = root; n; n = page_next(n, root, false)) {
		if (!page_is(n, "p") || !n->parent || in_chrome(n, root))
			continue;
		char *t = page_text(n);
		size_t len = strlen(t);
		size_t commas = 0;
		for (char *s = t; *s; s++)
			commas += *s == ',';
		free(t);
		if (len < 25)
			continue;
		double score = 1 + (double)commas + (len / 100 < 3 ? (double)(len / 100) : 3);
		dens *p = dens_get(&d, &nd, n->parent);
		p->score += score;
		p->chars += len;
		p->paragraphs++;
		/* Page builders wrap each paragraph in a box of its own: the
		 * box's parent holds the text too, at half the score. */
		xmlNodePtr gp = n->parent->parent;
		if (gp && gp->type == XML_ELEMENT_NODE && page_is_within(gp, root)) {
			dens *g = dens_get(&d, &nd, gp);
			g->score += score / 2;
			g->chars += len;
			g->paragraphs++;
		}
	}
	xmlNodePtr best = NULL;
	double best_score = 0;
	for (size_t i = 0; i < nd; i++)
		d[i].node->_private = NULL;
	for (size_t i = 0; i < nd; i++) {
		double s = d[i].score * (1 - link_density(d[i].node));
		if (s > best_score && d[i].chars >= min_chars && d[i].paragraphs >= 2) {
			best_score = s;
			best = d[i].node;
		}
	}
	free(d);
	return best;
}

/* ---- the entry's facts ---- */

/* The first element under scope, outside other parts, that test accepts. */
static xmlNodePtr
find_first(xmlNodePtr scope, bool (*test)(xmlNodePtr))
{
	for (xmlNodePtr n = scope; n; n = page_next(n, scope, false))
		if (test(n) && !in_other_part(n, scope))
			return n;
	return NULL;
}

static bool
is_title(xmlNodePtr n)
{
	return page_has_class(n, "p-name") || page_has_class(n, "entry-title") ||
	       page_has_class(n, "wp-block-post-title") || page_has_class(n, "post-title");
}

static bool
is_h1(xmlNodePtr n)
{
	return page_is(n, "h1");
}

static bool
is_author(xmlNodePtr n)
{
	if (page_has_class(n, "p-author") || page_has_class(n, "wp-block-post-author-name") ||
	    page_has_class(n, "entry-author-name") || page_has_class(n, "author-name"))
		return true;
	if (page_is(n, "a") && page_attr_has_token(n, "rel", "author"))
		return true;
	if (page_has_class(n, "fn") || page_has_class(n, "url")) {
		for (xmlNodePtr a = n->parent; a && a->type == XML_ELEMENT_NODE; a = a->parent)
			if (page_has_class(a, "author") && page_has_class(a, "vcard"))
				return true;
	}
	return false;
}

static bool
is_published(xmlNodePtr n)
{
	if (page_has_class(n, "dt-published") || (page_is(n, "time") && page_has_class(n, "published")))
		return true;
	if (page_is(n, "time") && page_has_class(n, "entry-date") && !page_has_class(n, "updated"))
		return true;
	char *ip = page_attr(n, "itemprop");
	bool r = ip && !strcmp(ip, "datePublished");
	free(ip);
	if (!r && page_is(n, "time"))
		for (xmlNodePtr a = n->parent; a && a->type == XML_ELEMENT_NODE && !r; a = a->parent)
			r = page_has_class(a, "wp-block-post-date") || page_has_class(a, "posted-on");
	return r;
}

static bool
is_updated(xmlNodePtr n)
{
	if (page_has_class(n, "dt-updated") || (page_is(n, "time") && page_has_class(n, "updated")))
		return true;
	char *ip = page_attr(n, "itemprop");
	bool r = ip && !strcmp(ip, "dateModified");
	free(ip);
	return r;
}

/* The author's name in an author element (an h-card's p-name, else its
 * text). Caller frees; NULL when empty. */
static char *
author_name(xmlNodePtr n)
{
	xmlNodePtr pn = page_has_class(n, "h-card") ? page_find_class(n, "p-name") : NULL;
	if (!pn)
		pn = page_find_class(n, "fn");
	char *t = page_text(pn ? pn : n);
	if (!*t) {
		free(t);
		return NULL;
	}
	return t;
}

void
page_entry_facts(xmlNodePtr entry, import_post *p, strlist *terms, size_t *ncategories)
{
	xmlNodePtr n;
	if (!p->title && ((n = find_first(entry, is_title)) || (n = find_first(entry, is_h1)))) {
		char *t = page_text(n);
		set_once(&p->title, t);
		free(t);
	}
	if (!p->author && (n = find_first(entry, is_author)))
		p->author = author_name(n);
	if (!p->date && (n = find_first(entry, is_published)))
		p->date = page_time_value(n);
	if (!p->modified && (n = find_first(entry, is_updated)))
		p->modified = page_time_value(n);
	if (terms->n)
		return;
	strlist tags = {0};
	for (n = entry; n; n = page_next(n, entry, false)) {
		if (in_other_part(n, entry))
			continue;
		char *t = NULL;
		if (page_has_class(n, "p-category")) {
			t = page_text(n);
			add_term(terms, t);
		} else if (page_is(n, "a") && page_attr_has_token(n, "rel", "category")) {
			t = page_text(n);
			add_term(terms, t);
		} else if (page_is(n, "a") && page_attr_has_token(n, "rel", "tag")) {
			/* Block themes mark every term rel="tag"; their terms block
			 * says which taxonomy it shows. */
			bool cat = false;
			for (xmlNodePtr a = n->parent; a && a != entry && !cat; a = a->parent)
				cat = page_has_class(a, "taxonomy-category");
			t = page_text(n);
			add_term(cat ? terms : &tags, t);
		}
		free(t);
	}
	*ncategories = terms->n;
	for (size_t i = 0; i < tags.n; i++)
		add_term(terms, tags.items[i]);
	strlist_free(&tags);
}

/* ---- the bio ---- */

/* The fewest words a bio of bare text (no paragraphs) has. */
#define PAGE_BIO_MIN_WORDS 8

static const char *const bio_parts[] = {
    "author-bio",   "author-info",   "author-box",    "about-author",      "authorbox",
    "author-description", "author-profile", "saboxplugin", "post-author-biography",
    "post-author__bio",   "author_bio",     "author-about",
};

xmlNodePtr
page_find_bio(xmlNodePtr root, xmlNodePtr from)
{
	for (xmlNodePtr n = from ? from : root; n; n = page_next(n, root, false)) {
		if (n == root || page_is_frame(n))
			continue;
		if (page_class_has_any(n, bio_parts, sizeof bio_parts / sizeof *bio_parts) &&
		    !in_other_part(n, root))
			return n;
		/* The p-note of the post author's h-card. */
		if (page_has_class(n, "p-note") && !in_other_part(n, root))
			for (xmlNodePtr a = n->parent; a && a != root; a = a->parent)
				if (page_has_class(a, "p-author"))
					return n;
	}
	return NULL;
}

/* Whether the text of n is all in links (a "more posts by" line). */
static bool
is_all_links(xmlNodePtr n)
{
	return link_density(n) >= 1;
}

/* Whether a is a link to the author's archive, not part of the bio. */
static bool
is_author_link(xmlNodePtr a)
{
	if (!page_is(a, "a"))
		return false;
	char *href = page_attr(a, "href");
	bool r = page_attr_has_token(a, "rel", "author") || page_class_has_part(a, "author-link") ||
	         page_class_has_part(a, "more") || (href && strstr(href, "/author/"));
	free(href);
	return r;
}

char *
page_bio_html(xmlNodePtr box)
{
	xmlNodePtr copy = xmlDocCopyNode(box, box->doc, 1);
	page_clean(copy, NULL);
	/* Drop the pieces around the prose: headings (the author's name),
	 * images (the avatar), links to the author's archive. */
	xmlNodePtr n = page_next(copy, copy, false);
	while (n) {
		xmlNodePtr next = page_next(n, copy, true);
		bool drop = page_is(n, "img") || page_is(n, "picture") || is_author_link(n) ||
		            (n->name[0] == 'h' && n->name[1] >= '1' && n->name[1] <= '6' && !n->name[2]);
		if (drop) {
			xmlUnlinkNode(n);
			xmlFreeNode(n);
			n = next;
		} else {
			n = page_next(n, copy, false);
		}
	}
	strbuf sb = {0};
	xmlBufferPtr buf = xmlBufferCreate();
	bool any_p = false;
	for (n = copy; n; n = page_next(n, copy, false)) {
		if (!page_is(n, "p"))
			continue;
		any_p = true;
		if (is_all_links(n))
			continue;
		xmlBufferEmpty(buf);
		htmlNodeDump(buf, copy->doc, n);
		strbuf_append(&sb, (const char *)xmlBufferContent(buf), (size_t)xmlBufferLength(buf));
		strbuf_putc(&sb, '\n');
	}
	xmlBufferFree(buf);
	if (!any_p) {
		/* A box of bare text (the block theme's biography block); a
		 * line of a few words is a byline, not a bio. */
		char *text = page_text(copy);
		size_t words = 0;
		for (char *t = text; *t; t++)
			words += (t == text || t[-1] == ' ') && *t != ' ';
		if (words >= PAGE_BIO_MIN_WORDS) {
			char *h = page_text_to_html(text);
			strbuf_puts(&sb, h);
			free(h);
		}
		free(text);
	}
	xmlFreeNode(copy);
	return strbuf_take(&sb);
}

/* ---- related posts ---- */

/* Class or id parts of related-post blocks, the specific ones first. */
static const char *const related_parts[] = {
    "jp-relatedposts", "related-posts", "relatedposts", "related_posts", "yarpp", "crp_related",
    "related-post", "related",
};

static bool
has_link(xmlNodePtr n)
{
	for (xmlNodePtr a = n; a; a = page_next(a, n, false))
		if (page_is(a, "a") && xmlHasProp(a, BAD_CAST "href"))
			return true;
	return false;
}

/* The index in related_parts of the most specific part that n's class or
 * id holds, or -1. */
static int
related_rank(xmlNodePtr n)
{
	const size_t np = sizeof related_parts / sizeof *related_parts;
	if (!page_class_has_any(n, related_parts, np))
		return -1;
	for (size_t i = 0; i < np; i++)
		if (page_class_has_part(n, related_parts[i]))
			return (int)i;
	return -1;
}

xmlNodePtr
page_find_related(xmlNodePtr root)
{
	xmlNodePtr best = NULL;
	int best_rank = -1;
	for (xmlNodePtr n = root; n && best_rank != 0; n = page_next(n, root, false)) {
		if (n == root || page_is_frame(n) || page_is(n, "a"))
			continue;
		int rank = related_rank(n);
		if (rank < 0 || (best && rank >= best_rank))
			continue;
		bool comment = false;
		for (xmlNodePtr a = n; a && a != root && !comment; a = a->parent)
			comment = !page_is_frame(a) && page_class_has_part(a, "comment");
		if (!comment && has_link(n)) {
			best = n;
			best_rank = rank;
		}
	}
	return best;
}

/* "December 2, 2013", "2 December 2013", "Dec 2, 2013" or ISO as
 * "2013-12-02"; NULL when the text is no such date. Caller frees. */
static char *
date_from_text(const char *text)
{
	static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
	                                     "jul", "aug", "sep", "oct", "nov", "dec"};
	if (date_parse_iso8601(text, NULL, NULL, NULL, NULL) >= 3)
		return xstrdup(text);
	int day = 0, year = 0, month = 0;
	char word[32] = "";
	if (sscanf(text, "%31[A-Za-z] %d, %d", word, &day, &year) != 3 &&
	    sscanf(text, "%d %31[A-Za-z] %d", &day, word, &year) != 3)
		return NULL;
	for (int i = 0; i < 12; i++)
		if (strncasecmp(word, months[i], 3) == 0)
			month = i + 1;
	if (!month || day < 1 || day > 31 || year < 1000 || year > 9999)
		return NULL;
	return xasprintf("%04d-%02d-%02d", year, month, day);
}

/* The item's address if a is a link to a post (absolute), else NULL. */
static char *
item_url(xmlNodePtr a, const char *base, const char *self)
{
	if (page_attr_has_token(a, "rel", "category") || page_attr_has_token(a, "rel", "tag") ||
	    is_author_link(a))
		return NULL;
	char *href = page_attr(a, "href");
	if (!href || !*href || href[0] == '#') {
		free(href);
		return NULL;
	}
	char *abs = href;
	if (base) {
		xmlChar *b = xmlBuildURI(BAD_CAST href, BAD_CAST base);
		if (b) {
			abs = xstrdup((const char *)b);
			free(href);
			xmlFree(b);
		}
	}
	if (!is_web_url(abs) || (self && !strcmp(abs, self)) || strstr(abs, "/category/") ||
	    strstr(abs, "/tag/")) {
		free(abs);
		return NULL;
	}
	return abs;
}

static bool
is_heading(xmlNodePtr n)
{
	return n && n->type == XML_ELEMENT_NODE && n->name[0] == 'h' && n->name[1] >= '1' &&
	       n->name[1] <= '6' && !n->name[2];
}

/* Whether some link under n leads to another address than url. */
static bool
links_elsewhere(xmlNodePtr n, const char *url, const char *base, const char *self)
{
	for (xmlNodePtr a = n; a; a = page_next(a, n, false)) {
		if (!page_is(a, "a"))
			continue;
		char *u = item_url(a, base, self);
		bool other = u && strcmp(u, url) != 0;
		free(u);
		if (other)
			return true;
	}
	return false;
}

/* The title of the item that the link a (to url) belongs to: the text of
 * a heading holding the link or next to it, else the link's text, else its
 * title attribute. Caller frees; NULL when none. */
static char *
item_title(xmlNodePtr a, xmlNodePtr item)
{
	for (xmlNodePtr h = a; h && h != item->parent; h = h->parent)
		if (is_heading(h))
			return page_text(h);
	for (xmlNodePtr h = item; h; h = page_next(h, item, false))
		if (is_heading(h)) {
			char *t = page_text(h);
			if (*t)
				return t;
			free(t);
		}
	char *t = page_text(a);
	if (!*t) {
		free(t);
		t = page_attr(a, "title");
	}
	return t && *t ? t : (free(t), NULL);
}

/* Whether n is a line of the item that may be its excerpt: a paragraph or
 * a <small> that is not the title's link, a date, a category or meta. */
static bool
is_excerpt_line(xmlNodePtr n)
{
	if (!page_is(n, "p") && !page_is(n, "small"))
		return false;
	static const char *const not_parts[] = {"date", "meta", "categor", "context", "author", "title"};
	for (size_t i = 0; i < sizeof not_parts / sizeof *not_parts; i++)
		if (page_class_has_part(n, not_parts[i]))
			return false;
	return !page_find_elem(n, "a");
}

static void
item_details(xmlNodePtr item, xmlNodePtr block, import_related *r)
{
	if (item == block)
		return; /* no element of its own: nothing to tell the items apart */
	xmlNodePtr line = NULL;
	for (xmlNodePtr n = item; n; n = page_next(n, item, false)) {
		if (!line && is_excerpt_line(n))
			line = n;
		if (!r->date && (page_is(n, "time") || page_class_has_part(n, "date"))) {
			r->date = page_time_value(n);
			if (!r->date) {
				char *t = page_text(n);
				r->date = date_from_text(t);
				free(t);
			}
		}
		if (!r->summary && (page_class_has_part(n, "excerpt") || page_class_has_part(n, "summary"))) {
			char *t = page_text(n);
			if (*t)
				r->summary = t;
			else
				free(t);
		}
	}
	if (!r->summary && line) {
		char *t = page_text(line);
		if (*t)
			r->summary = t;
		else
			free(t);
	}
}

size_t
page_related_read(xmlNodePtr block, const char *base, const char *self, import_related **out,
                  size_t *n)
{
	size_t first = *n;
	for (xmlNodePtr a = block; a; a = page_next(a, block, false)) {
		if (!page_is(a, "a"))
			continue;
		char *url = item_url(a, base, self);
		if (!url)
			continue;
		bool seen = false;
		for (size_t i = first; i < *n && !seen; i++)
			seen = !strcmp((*out)[i].url, url);
		if (seen) {
			free(url);
			continue;
		}
		/* The item: the largest element around the link whose links all
		 * lead to this post. */
		xmlNodePtr item = a;
		while (item != block && item->parent && item->parent != block &&
		       !links_elsewhere(item->parent, url, base, self))
			item = item->parent;
		char *title = item_title(a, item);
		if (!title) {
			free(url);
			continue;
		}
		*out = xgrow(*out, *n, sizeof **out);
		import_related *r = &(*out)[(*n)++];
		memset(r, 0, sizeof *r);
		r->title = title;
		r->url = url;
		item_details(item, block, r);
	}
	return *n - first;
}
