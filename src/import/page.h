/* page.h - the saved-web-page source of `mkbook import`, inside: the
 * finders that page_read (page.c) runs on the parsed page, strongest
 * signal first, each in the file of its concern:
 *
 *   page_dom.c     parsing, class and text helpers, the cleaning of a
 *                  part (chrome, active content), the choice of an image's
 *                  real address (lazy loading, srcset)
 *   page_jsonld.c  schema.org JSON-LD: the posting and its comments
 *   page_parts.c   metadata, the article body (with the density fallback),
 *                  the author's bio, related posts
 *   page_thread.c  the comment thread (microformats, WordPress markup)
 *
 * Every function takes the page's tree as libxml2's HTML parser built it
 * (HTML5 elements such as <article> and <time> are ordinary elements). */
#ifndef MKBOOK_IMPORT_PAGE_H
#define MKBOOK_IMPORT_PAGE_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "import/post.h"
#include "util.h"

/* ---- page_dom.c ---- */

/* Parses the page's bytes with the HTML parser (no network, errors
 * counted in *nerrors, never printed). Returns the tree (caller frees with
 * xmlFreeDoc), or NULL when there is no document at all. */
htmlDocPtr page_parse(const char *data, size_t len, int *nerrors);

/* Whether n is an element whose class attribute holds the token cls
 * (case-sensitive, as HTML classes are). */
bool page_has_class(xmlNodePtr n, const char *cls);
/* Whether one of n's class tokens or its id contains part
 * (ASCII case-insensitive). */
bool page_class_has_part(xmlNodePtr n, const char *part);
/* Whether one of n's class tokens or its id contains one of parts. */
bool page_class_has_any(xmlNodePtr n, const char *const *parts, size_t nparts);
/* Whether n is an element named name (lower case). */
bool page_is(xmlNodePtr n, const char *name);
/* The value of attribute name of n, or NULL. Caller frees. */
char *page_attr(xmlNodePtr n, const char *name);
/* Whether the space-separated attribute name of n holds the token tok
 * (ASCII case-insensitive), as rel="category tag". */
bool page_attr_has_token(xmlNodePtr n, const char *name, const char *tok);
/* The first element under root (root included) with class cls, in
 * document order; NULL if none. */
xmlNodePtr page_find_class(xmlNodePtr root, const char *cls);
/* The first element under root (root included) named name. */
xmlNodePtr page_find_elem(xmlNodePtr root, const char *name);
/* The next element after n in document order, not descending into n
 * when skip_children; NULL at the end of the tree under root. */
xmlNodePtr page_next(xmlNodePtr n, xmlNodePtr root, bool skip_children);
/* Whether n is the page's frame (html, body, main), whose classes tell
 * the theme's state ("has-sidebar", "single-post"), not what it holds. */
bool page_is_frame(xmlNodePtr n);
/* Whether anc is n or one of its ancestors. */
bool page_is_within(xmlNodePtr n, xmlNodePtr anc);

/* The text of n with white space folded and trimmed (new string, never
 * NULL). */
char *page_text(xmlNodePtr n);
/* The HTML of n's children (not n itself), as the page holds it after
 * cleaning. Caller frees; never NULL. */
char *page_inner_html(xmlNodePtr n);

/* Removes from the tree under root (root excluded) what never goes into
 * a book: scripts, styles, iframes, forms and their controls, navigation,
 * sidebars, share buttons, ads, cookie notices, hidden elements, event
 * handler attributes and javascript: links. Counts what went in *removed
 * (may be NULL). */
void page_clean(xmlNodePtr root, int *removed);
/* Whether n carries a WordPress widget class ("widget", "widget_text",
 * "widget-area"; not a page builder's "elementor-widget"). */
bool page_has_widget_class(xmlNodePtr n);
/* Whether n is, by itself, such chrome (page_clean's test). */
bool page_is_chrome(xmlNodePtr n);

/* Settles every <img> under root: its real address from lazy-loading
 * attributes (data-src, data-lazy-src, data-original) or srcset (the
 * largest candidate that the saved folder base_dir holds, else the
 * largest), written back as src with the other forms removed; and removes
 * the images that are no part of the text: avatars, logos, tracking
 * pixels (1x1), share icons, images with no address. Returns how many
 * images remain; *dropped counts the removed (may be NULL). */
int page_settle_images(xmlNodePtr root, const char *base_dir, int *dropped);
/* The address an <img> really shows (see page_settle_images), or NULL.
 * Caller frees. */
char *page_image_src(xmlNodePtr img, const char *base_dir);

/* Makes every relative link (a href) under root absolute against base
 * (the page's canonical address); no-op when base is NULL. */
void page_absolute_links(xmlNodePtr root, const char *base);

/* An ISO 8601 date from a time element's datetime attribute or text, or
 * NULL when it holds none. Caller frees. */
char *page_time_value(xmlNodePtr n);

/* ---- page_jsonld.c ---- */

/* What the page's JSON-LD says about the posting. Every string is owned
 * (NULL: not said). */
typedef struct page_ld {
	bool found;      /* a BlogPosting, Article or another CreativeWork
	                    posting was seen */
	char *type;      /* its @type */
	char *headline;
	char *url;
	char *author;
	char *author_bio; /* the author's description (text) */
	char *date;
	char *modified;
	char *description;
	char *language;
	char *body_text; /* articleBody (text) */
	strlist terms;   /* articleSection then keywords */
	size_t ncategories;
	import_comment *comments; /* html: the text as escaped paragraphs */
	size_t ncomments;
} page_ld;

/* Reads every <script type="application/ld+json"> of doc into ld (which
 * the caller zeroes first and frees with page_ld_free). Scripts that are
 * not valid JSON are skipped (counted in *bad, may be NULL). */
void page_ld_read(htmlDocPtr doc, page_ld *ld, int *bad);
void page_ld_free(page_ld *ld);
/* Reads one JSON-LD text into ld; returns false when it is not JSON. */
bool page_ld_parse(const char *json, size_t len, page_ld *ld);

/* Plain text as HTML: escaped, a paragraph per blank-line-separated
 * block, single newlines as <br>. Caller frees. */
char *page_text_to_html(const char *text);

/* ---- page_parts.c ---- */

/* The page-level facts found outside JSON-LD. Owned strings. */
typedef struct page_meta {
	char *canonical; /* link rel=canonical, else og:url */
	char *title;     /* og:title, else the <title> */
	char *site_name; /* og:site_name */
	char *author;    /* article:author / meta name=author */
	char *date;      /* article:published_time */
	char *modified;  /* article:modified_time, og:updated_time */
	char *description; /* og:description, meta description */
	char *language;  /* <html lang>, else og:locale */
	bool is_article; /* og:type article */
	strlist terms;   /* article:section then article:tag */
	size_t ncategories;
} page_meta;

void page_meta_read(htmlDocPtr doc, page_meta *m);
void page_meta_free(page_meta *m);

/* The post: the element that holds one article (h-entry, hentry or
 * article.post, WordPress's body class single-post...), or NULL; when
 * the page lists several posts, *listing gets how many (else 0). */
xmlNodePtr page_find_entry(htmlDocPtr doc, int *listing);
/* The article's body under scope (the entry, or the whole page): the
 * microformats e-content, WordPress's entry-content / post-content
 * blocks, itemprop articleBody. Sets *how to the signal's name. NULL
 * when none. */
xmlNodePtr page_find_body(xmlNodePtr scope, const char **how);
/* The density fallback: the element whose own paragraphs hold the most
 * text, links discounted, outside navigation, headers, footers, sidebars
 * and comments. NULL when no element holds enough prose (at least
 * min_chars characters in two paragraphs or more) to stand out. */
xmlNodePtr page_density_body(xmlNodePtr root, size_t min_chars);

/* Facts of the entry from its visible markup: title (p-name,
 * entry-title, h1), author (p-author h-card, byline / author vcard,
 * rel=author), dates (dt-published / time.published, dt-updated /
 * time.updated), categories (p-category, rel="category tag") and tags
 * (rel=tag). Only fills the fields still NULL / empty in p. */
void page_entry_facts(xmlNodePtr entry, import_post *p, strlist *terms, size_t *ncategories);

/* The first author's bio box (author-bio, author-info, about-author,
 * p-note of the author's h-card...) under root, from the element from on
 * in document order (NULL: from root), or NULL. */
xmlNodePtr page_find_bio(xmlNodePtr root, xmlNodePtr from);
/* The bio as HTML: the box's prose paragraphs without the avatar, the
 * author's name as a heading, and the "more posts" link. NULL when the
 * box holds no prose. Caller frees. */
char *page_bio_html(xmlNodePtr box);

/* The related-posts block (Jetpack jp-relatedposts, and the "related"
 * blocks of themes and plugins) under root, or NULL. */
xmlNodePtr page_find_related(xmlNodePtr root);
/* The posts the block links to: title, address (absolute against base),
 * date and excerpt where given; never self (the page's own address).
 * Appends to *out / *n; returns how many were added. */
size_t page_related_read(xmlNodePtr block, const char *base, const char *self,
                         import_related **out, size_t *n);

/* ---- page_thread.c ---- */

/* The comment thread under root: the comment elements (li.comment of
 * WordPress core and block themes, microformats h-cite / h-entry
 * comments) with their author, text (cleaned HTML), date when a time
 * element shows one, parent (from nesting, else u-in-reply-to), and
 * by_post_author (bypostauthor, or the name equals post_author). Appends
 * to *out / *n; returns how many were found. *how names the signal. */
size_t page_thread_read(xmlNodePtr root, const char *post_author, const char *base_dir,
                        import_comment **out, size_t *n, const char **how);
/* The element that holds the thread (#comments, .comments-area, the
 * comment list), or NULL. */
xmlNodePtr page_find_thread(xmlNodePtr root);

#endif
