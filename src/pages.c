/* pages.c - cover page, title page, colophon, related posts. */
#include "pages.h"

#include <string.h>

#include "date.h"
#include "util.h"
#include "xhtml.h"

const resource *
pages_cover_image(const book *b)
{
	for (size_t i = 0; i < b->nresources; i++)
		if (b->resources[i]->properties &&
		    !strcmp(b->resources[i]->properties, "cover-image"))
			return b->resources[i];
	return NULL;
}

xmlNodePtr
pages_add_date(const book *b, xmlNodePtr parent, const char *iso)
{
	int y, m, d;
	int prec = date_parse_iso8601(iso, &y, &m, &d, NULL);
	if (prec == 0)
		return xhtml_add(parent, "span", iso);
	char *text = labels_format_date(b->language, y, prec >= 2 ? m : 0, prec >= 3 ? d : 0);
	xmlNodePtr t = xhtml_add(parent, "time", text);
	char *dt = prec == 4 ? xstrdup(iso) : xstrndup(iso, prec == 1 ? 4 : prec == 2 ? 7 : 10);
	xmlSetProp(t, BAD_CAST "datetime", BAD_CAST dt);
	free(dt);
	free(text);
	return t;
}

/* The names of the book's authors (role aut), for a "by" line; NULL when
 * it has none (an editor or an illustrator alone is not written "by"). */
static char *
author_line(const book *b)
{
	strbuf sb = {0};
	for (size_t i = 0; i < b->nauthors; i++) {
		if (strcmp(b->authors[i].role, "aut") != 0)
			continue;
		if (sb.len)
			strbuf_puts(&sb, ", ");
		strbuf_puts(&sb, b->authors[i].name);
	}
	return sb.len ? strbuf_take(&sb) : NULL;
}

static void
add_text(xmlNodePtr parent, const char *s)
{
	xmlAddChild(parent, xmlNewDocText(parent->doc, BAD_CAST s));
}

static void
render_cover(const book *b, const chapter *c, xmlDocPtr *doc)
{
	xmlNodePtr body;
	*doc = xhtml_new_document(b, c->href, book_label(b, LABEL_COVER), NULL, &body);
	xmlSetProp(body, BAD_CAST "class", BAD_CAST "cover-page");
	xhtml_set_epub_type(body, "cover");
	xmlNodePtr div = xhtml_add(body, "div", NULL);
	xmlSetProp(div, BAD_CAST "class", BAD_CAST "cover");
	const resource *r = pages_cover_image(b);
	if (r == NULL)
		return;
	xmlNodePtr img = xhtml_add(div, "img", NULL);
	char *src = xhtml_href_relative(c->href, r->href);
	xmlSetProp(img, BAD_CAST "src", BAD_CAST src);
	free(src);
	char *authors = author_line(b);
	char *alt = authors ? xasprintf("%s: %s, %s %s", book_label(b, LABEL_COVER), b->title,
	                                book_label(b, LABEL_BY), authors)
	                    : xasprintf("%s: %s", book_label(b, LABEL_COVER), b->title);
	xmlSetProp(img, BAD_CAST "alt", BAD_CAST alt);
	xmlSetProp(img, BAD_CAST "role", BAD_CAST "doc-cover");
	free(alt);
	free(authors);
}

static void
render_titlepage(const book *b, const chapter *c, xmlDocPtr *doc)
{
	xmlNodePtr body;
	*doc = xhtml_new_document(b, c->href, b->title, NULL, &body);
	xhtml_set_epub_type(body, "frontmatter");
	xmlNodePtr sec = xhtml_add(body, "section", NULL);
	xmlSetProp(sec, BAD_CAST "class", BAD_CAST "titlepage");
	xhtml_set_epub_type(sec, "titlepage");
	xmlSetProp(sec, BAD_CAST "aria-label", BAD_CAST book_label(b, LABEL_TITLE_PAGE));
	xmlNodePtr h1 = xhtml_add(sec, "h1", b->title);
	xmlSetProp(h1, BAD_CAST "class", BAD_CAST "title");
	if (b->subtitle) {
		xmlNodePtr p = xhtml_add(sec, "p", b->subtitle);
		xmlSetProp(p, BAD_CAST "class", BAD_CAST "subtitle");
	}
	char *authors = author_line(b);
	if (authors) {
		xmlNodePtr p = xhtml_add(sec, "p", authors);
		xmlSetProp(p, BAD_CAST "class", BAD_CAST "author");
		free(authors);
	}
	if (b->series) {
		char *s = b->series_index ? xasprintf("%s %s", b->series, b->series_index)
		                          : xstrdup(b->series);
		xmlNodePtr p = xhtml_add(sec, "p", s);
		xmlSetProp(p, BAD_CAST "class", BAD_CAST "series");
		free(s);
	}
	if (b->publisher) {
		xmlNodePtr p = xhtml_add(sec, "p", b->publisher);
		xmlSetProp(p, BAD_CAST "class", BAD_CAST "publisher");
	}
	if (b->date) {
		xmlNodePtr p = xhtml_add(sec, "p", NULL);
		xmlSetProp(p, BAD_CAST "class", BAD_CAST "dates");
		char *l = xasprintf("%s: ", book_label(b, LABEL_PUBLISHED));
		add_text(p, l);
		free(l);
		pages_add_date(b, p, b->date);
		if (b->modified_given) {
			xhtml_add(p, "br", NULL);
			char *m = xasprintf("%s: ", book_label(b, LABEL_MODIFIED));
			add_text(p, m);
			free(m);
			char *day = xstrndup(b->modified, 10);
			pages_add_date(b, p, day);
			free(day);
		}
	}
	if (b->source) {
		xmlNodePtr p = xhtml_add(sec, "p", NULL);
		xmlSetProp(p, BAD_CAST "class", BAD_CAST "source");
		char *l = xasprintf("%s: ", book_label(b, LABEL_SOURCE));
		add_text(p, l);
		free(l);
		xmlNodePtr a = xhtml_add(p, "a", b->source);
		xmlSetProp(a, BAD_CAST "href", BAD_CAST b->source);
	}
}

static void
render_colophon(const book *b, const chapter *c, xmlDocPtr *doc)
{
	xmlNodePtr body;
	*doc = xhtml_new_document(b, c->href, book_label(b, LABEL_COLOPHON), NULL, &body);
	xhtml_set_epub_type(body, "backmatter");
	xmlNodePtr sec = xhtml_add(body, "section", NULL);
	xmlSetProp(sec, BAD_CAST "class", BAD_CAST "colophon");
	xhtml_set_epub_type(sec, "colophon");
	xmlNodePtr h = xhtml_add(sec, "h1", book_label(b, LABEL_COLOPHON));
	xmlSetProp(h, BAD_CAST "id", BAD_CAST "colophon");
	xmlSetProp(sec, BAD_CAST "aria-labelledby", BAD_CAST "colophon");
	xmlNodePtr p = xhtml_add(sec, "p", NULL);
	xmlNodePtr i = xhtml_add(p, "i", b->title);
	(void)i;
	char *authors = author_line(b);
	if (authors) {
		/* One full stop, also after a name that ends in one ("D.O."). */
		size_t n = strlen(authors);
		char *s = xasprintf(", %s %s%s", book_label(b, LABEL_BY), authors,
		                    n > 0 && authors[n - 1] == '.' ? "" : ".");
		add_text(p, s);
		free(s);
		free(authors);
	}
	if (b->rights)
		xhtml_add(sec, "p", b->rights);
	xhtml_add(sec, "p", book_label(b, LABEL_MADE_WITH));
	/* Only what the manuscript says: not the identifier mkbook makes up
	 * when book.yaml has none, nor the build's time as the last change. */
	if (!b->identifier_given && !b->modified_given && !b->source)
		return;
	xmlNodePtr dl = xhtml_add(sec, "dl", NULL);
	if (b->identifier_given) {
		xhtml_add(dl, "dt", book_label(b, LABEL_IDENTIFIER));
		xhtml_add(dl, "dd", b->identifier);
	}
	if (b->modified_given) {
		xhtml_add(dl, "dt", book_label(b, LABEL_MODIFIED));
		xmlNodePtr dd = xhtml_add(dl, "dd", NULL);
		char *day = xstrndup(b->modified, 10);
		pages_add_date(b, dd, day);
		free(day);
	}
	if (b->source) {
		xhtml_add(dl, "dt", book_label(b, LABEL_SOURCE));
		xmlNodePtr dd = xhtml_add(dl, "dd", NULL);
		xmlNodePtr a = xhtml_add(dd, "a", b->source);
		xmlSetProp(a, BAD_CAST "href", BAD_CAST b->source);
	}
}

static void
render_related(const book *b, const chapter *c, xmlDocPtr *doc)
{
	xmlNodePtr body;
	const char *title = c->title ? c->title : book_label(b, LABEL_RELATED);
	*doc = xhtml_new_document(b, c->href, title, NULL, &body);
	xhtml_set_epub_type(body, "backmatter");
	xmlNodePtr sec = xhtml_add(body, "section", NULL);
	xmlSetProp(sec, BAD_CAST "aria-labelledby", BAD_CAST "related-posts");
	xmlNodePtr h = xhtml_add(sec, "h1", title);
	xmlSetProp(h, BAD_CAST "id", BAD_CAST "related-posts");
	xmlNodePtr ul = xhtml_add(sec, "ul", NULL);
	xmlSetProp(ul, BAD_CAST "class", BAD_CAST "related-posts");
	for (size_t i = 0; i < c->nrelated; i++) {
		const related_post *rp = c->related[i];
		xmlNodePtr li = xhtml_add(ul, "li", NULL);
		xmlSetProp(li, BAD_CAST "class", BAD_CAST "related-post");
		xmlNodePtr pt = xhtml_add(li, "p", NULL);
		xmlSetProp(pt, BAD_CAST "class", BAD_CAST "related-title");
		if (rp->url) {
			xmlNodePtr a = xhtml_add(pt, "a", rp->title ? rp->title : rp->url);
			xmlSetProp(a, BAD_CAST "href", BAD_CAST rp->url);
		} else {
			add_text(pt, rp->title ? rp->title : "");
		}
		if (rp->date) {
			xmlNodePtr pd = xhtml_add(li, "p", NULL);
			xmlSetProp(pd, BAD_CAST "class", BAD_CAST "related-date");
			pages_add_date(b, pd, rp->date);
		}
		if (rp->summary) {
			xmlNodePtr ps = xhtml_add(li, "p", rp->summary);
			xmlSetProp(ps, BAD_CAST "class", BAD_CAST "related-summary");
		}
		if (rp->url) {
			xmlNodePtr pl = xhtml_add(li, "p", NULL);
			xmlSetProp(pl, BAD_CAST "class", BAD_CAST "related-link");
			xmlNodePtr a = xhtml_add(pl, "a", rp->url);
			xmlSetProp(a, BAD_CAST "href", BAD_CAST rp->url);
		}
	}
}

xmlDocPtr
pages_render(const book *b, chapter *c)
{
	xmlDocPtr doc = NULL;
	switch (c->kind) {
	case CHAPTER_COVER:
		render_cover(b, c, &doc);
		break;
	case CHAPTER_TITLEPAGE:
		render_titlepage(b, c, &doc);
		break;
	case CHAPTER_COLOPHON:
		render_colophon(b, c, &doc);
		break;
	case CHAPTER_RELATED:
		render_related(b, c, &doc);
		break;
	default:
		break;
	}
	if (c->title == NULL) {
		const char *t = c->kind == CHAPTER_COVER       ? book_label(b, LABEL_COVER)
		                : c->kind == CHAPTER_TITLEPAGE ? book_label(b, LABEL_TITLE_PAGE)
		                : c->kind == CHAPTER_COLOPHON  ? book_label(b, LABEL_COLOPHON)
		                                               : book_label(b, LABEL_RELATED);
		c->title = xstrdup(t);
	}
	return doc;
}
