/* page.c - a web page as a browser saves it ("Save page as, complete":
 * page.html and page_files/) -> the post model (post.h).
 *
 * The page is read with libxml2's HTML parser, and its parts are found
 * from the signals real pages carry, strongest first: schema.org JSON-LD
 * for the facts (title, author, dates, subjects, address), microformats,
 * then the classes of WordPress core and its themes; the article's body
 * by its class, else by text density (page_parts.c). Comments come from
 * the page's markup, which holds their HTML (page_thread.c), else from
 * the JSON-LD Comment tree (text only). Everything else on the page,
 * its chrome, is left out and counted. */
#include "import/import.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diag.h"
#include "import/page.h"
#include "util.h"

/* Saved pages above this are not articles. */
#define PAGE_MAX_BYTES (64u << 20)
/* The least prose the density fallback accepts as an article. */
#define PAGE_MIN_PROSE 400

/* Removes in place the bidirectional embedding, override and isolate
 * controls (U+202A-U+202E, U+2066-U+2069), with which a comment can make
 * its text read otherwise than it is stored. Returns how many. */
static int
strip_bidi(char *s)
{
	int n = 0;
	char *w = s;
	for (char *r = s; r && *r;) {
		unsigned char a = (unsigned char)r[0], b = a ? (unsigned char)r[1] : 0,
		              c = b ? (unsigned char)r[2] : 0;
		if (a == 0xE2 && ((b == 0x80 && c >= 0xAA && c <= 0xAE) || (b == 0x81 && c >= 0xA6 && c <= 0xA9))) {
			r += 3;
			n++;
			continue;
		}
		*w++ = *r++;
	}
	if (w)
		*w = '\0';
	return n;
}

static char *
valid_date(const char *s)
{
	if (!s)
		return NULL;
	char *d = str_trim(xstrdup(s));
	if (date_parse_iso8601(d, NULL, NULL, NULL, NULL) > 0)
		return d;
	free(d);
	return NULL;
}

/* The last path segment of a post's address, its slug in WordPress's
 * permalinks ("https://example.org/2020/05/my-post/" -> "my-post"). */
static char *
slug_of(const char *url)
{
	if (!url)
		return NULL;
	const char *p = strstr(url, "://");
	p = p ? strchr(p + 3, '/') : NULL;
	if (!p)
		return NULL;
	size_t end = strcspn(p, "?#");
	while (end > 1 && p[end - 1] == '/')
		end--;
	size_t start = end;
	while (start > 0 && p[start - 1] != '/')
		start--;
	if (start >= end)
		return NULL;
	char *slug = xstrndup(p + start, end - start);
	char *dot = strrchr(slug, '.');
	if (dot && dot != slug && (!strcmp(dot, ".html") || !strcmp(dot, ".htm") || !strcmp(dot, ".php")))
		*dot = '\0';
	return slug;
}

/* "https://example.org/a/b/" -> "https://example.org/". */
static char *
site_of(const char *url)
{
	const char *p = url ? strstr(url, "://") : NULL;
	if (!p)
		return NULL;
	size_t host = strcspn(p + 3, "/?#");
	return xasprintf("%.*s/", (int)(p + 3 + host - url), url);
}

/* What was left out: the outermost chrome of the page, by kind. */
typedef struct leftout {
	int nav, header, footer, sidebar, form, script, embed, cookie, share, ad, other;
} leftout;

static void
count_leftout(xmlNodePtr root, xmlNodePtr *kept, size_t nkept, leftout *lo)
{
	xmlNodePtr n = root;
	while (n) {
		bool skip = false;
		for (size_t i = 0; i < nkept; i++)
			skip = skip || (kept[i] && n == kept[i]);
		if (!skip && n != root && page_is_chrome(n)) {
			if (page_is(n, "script") || page_is(n, "style") || page_is(n, "noscript") ||
			    page_is(n, "link") || page_is(n, "meta") || page_is(n, "template"))
				lo->script++;
			else if (page_is(n, "iframe") || page_is(n, "object") || page_is(n, "embed") ||
			         page_is(n, "video") || page_is(n, "audio") || page_is(n, "svg") ||
			         page_is(n, "canvas"))
				lo->embed++;
			else if (page_is(n, "nav") || page_attr_has_token(n, "role", "navigation") ||
			         page_class_has_part(n, "skip-link"))
				lo->nav++;
			else if (page_is(n, "header") || page_attr_has_token(n, "role", "banner"))
				lo->header++;
			else if (page_is(n, "footer"))
				lo->footer++;
			else if (page_is(n, "aside") || page_class_has_part(n, "sidebar") ||
			         page_has_widget_class(n))
				lo->sidebar++;
			else if (page_is(n, "form") || page_class_has_part(n, "respond") ||
			         page_class_has_part(n, "comment-form"))
				lo->form++;
			else if (page_class_has_part(n, "cookie") || page_class_has_part(n, "consent") ||
			         page_class_has_part(n, "gdpr"))
				lo->cookie++;
			else if (page_class_has_part(n, "share") || page_class_has_part(n, "social"))
				lo->share++;
			else if (page_class_has_part(n, "advert") || page_has_class(n, "ad") ||
			         page_has_class(n, "ads"))
				lo->ad++;
			else
				lo->other++;
			n = page_next(n, root, true);
			continue;
		}
		n = page_next(n, root, skip);
	}
}

static void
say_leftout(const char *file, const leftout *lo, int images_dropped)
{
	strbuf sb = {0};
	const struct {
		int n;
		const char *what;
	} parts[] = {
	    {lo->nav, "navigation"},       {lo->header, "header"},
	    {lo->footer, "footer"},        {lo->sidebar, "sidebar and widgets"},
	    {lo->form, "forms"},           {lo->cookie, "cookie notice"},
	    {lo->share, "share buttons"},  {lo->ad, "ads"},
	    {lo->script, "scripts and styles"}, {lo->embed, "embeds and media"},
	    {lo->other, "other chrome"},
	    {images_dropped, "avatars, icons and tracking images"},
	};
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
		if (!parts[i].n)
			continue;
		strbuf_printf(&sb, "%s%s (%d)", sb.len ? ", " : "", parts[i].what, parts[i].n);
	}
	if (sb.len)
		diag_note(file, 0, 0, "left out: %s", sb.data);
	strbuf_free(&sb);
}

/* Parts taken out of the body, still read afterwards, freed last. */
typedef struct detached {
	xmlNodePtr *nodes;
	size_t n;
} detached;

/* Takes part out of the tree if it lies inside body (so the article does
 * not carry the bio, the thread or the related posts); cut keeps it. */
static void
detach(xmlNodePtr body, xmlNodePtr part, detached *cut)
{
	if (part && part != body && page_is_within(part, body)) {
		xmlUnlinkNode(part);
		cut->nodes = xgrow(cut->nodes, cut->n, sizeof *cut->nodes);
		cut->nodes[cut->n++] = part;
	}
}

/* Removes from the body a heading that repeats the post's title. */
static void
cut_title(xmlNodePtr body, const char *title)
{
	if (!title)
		return;
	for (xmlNodePtr n = body; n; n = page_next(n, body, false)) {
		if (!page_is(n, "h1"))
			continue;
		char *t = page_text(n);
		bool same = !strcmp(t, title);
		free(t);
		if (same) {
			xmlUnlinkNode(n);
			xmlFreeNode(n);
		}
		return;
	}
}

/* Whether n is in the author's card or a comment (their photos are
 * avatars, not the post's image). */
static bool
is_byline(xmlNodePtr n, xmlNodePtr entry)
{
	for (xmlNodePtr a = n; a && a != entry; a = a->parent)
		if (page_has_class(a, "h-card") || page_class_has_part(a, "author") ||
		    page_class_has_part(a, "avatar") || page_class_has_part(a, "comment"))
			return true;
	return false;
}

/* The featured image shown above the body (post-thumbnail, the block
 * theme's featured-image block, u-photo), outside the body; NULL if none. */
static char *
featured_image(xmlNodePtr entry, xmlNodePtr body, const char *base_dir)
{
	static const char *const parts[] = {"post-thumbnail", "wp-block-post-featured-image",
	                                    "featured-image", "u-featured", "u-photo"};
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
		for (xmlNodePtr n = entry; n; n = page_next(n, entry, false)) {
			if (page_is_within(n, body) || !page_has_class(n, parts[i]) || is_byline(n, entry))
				continue;
			xmlNodePtr img = page_is(n, "img") ? n : page_find_elem(n, "img");
			if (!img)
				continue;
			xmlNodePtr copy = xmlDocCopyNode(img->parent, img->doc, 1);
			int kept = page_settle_images(copy, base_dir, NULL);
			xmlNodePtr ci = page_find_elem(copy, "img");
			char *src = kept && ci ? page_attr(ci, "src") : NULL;
			xmlFreeNode(copy);
			if (src)
				return src;
		}
	}
	return NULL;
}

static void
take_terms(import_post *p, strlist *terms, size_t ncat)
{
	p->terms = terms->items;
	p->nterms = terms->n;
	p->ncategories = ncat;
	memset(terms, 0, sizeof *terms);
}

int
page_read(const import_options *opt, import_site **out)
{
	const char *file = opt->input;
	int rc = 1;
	char *data = NULL;
	size_t len = 0;
	htmlDocPtr doc = NULL, ld_doc = NULL;
	page_ld ld = {0};
	page_meta meta = {0};
	import_site *s = NULL;
	detached cut = {0};
	*out = NULL;

	int err = path_read_file(file, &data, &len, PAGE_MAX_BYTES);
	if (err) {
		diag_error(file, 0, 0, "cannot read the page: %s", strerror(err));
		goto out;
	}
	int nerrors = 0;
	doc = page_parse(data, len, &nerrors);
	if (!doc) {
		diag_error(file, 0, 0, "not an HTML page; nothing written");
		goto out;
	}
	xmlNodePtr root = xmlDocGetRootElement(doc);
	int bad_ld = 0;
	page_ld_read(doc, &ld, &bad_ld);
	page_meta_read(doc, &meta);
	int listing = 0;
	xmlNodePtr entry = page_find_entry(doc, &listing);
	if (listing && !ld.found) {
		diag_error(file, 0, 0,
		           "not a blog post but a list of %d posts; save the page of one post; "
		           "nothing written",
		           listing);
		goto out;
	}
	if (!ld.found && !meta.is_article && !entry) {
		diag_error(file, 0, 0,
		           "not a blog post: the page marks no article (no schema.org posting, "
		           "h-entry, WordPress post markup or og:type article); nothing written");
		goto out;
	}
	xmlNodePtr scope = entry ? entry : root;
	const char *how = NULL;
	xmlNodePtr body = page_find_body(scope, &how);
	if (!body && scope != root)
		body = page_find_body(root, &how);
	if (!body) {
		body = page_density_body(scope, PAGE_MIN_PROSE);
		how = "text density";
	}
	if (!body && ld.body_text) {
		/* The posting's articleBody (plain text), as paragraphs. */
		char *html = page_text_to_html(ld.body_text);
		int ignored = 0;
		ld_doc = page_parse(html, strlen(html), &ignored);
		free(html);
		body = ld_doc ? page_find_elem(xmlDocGetRootElement(ld_doc), "body") : NULL;
		how = "JSON-LD articleBody";
	}
	if (!body) {
		diag_error(file, 0, 0,
		           "the signals on this page are too weak to tell the article from the "
		           "site's navigation and widgets (no element holds its text); nothing written");
		goto out;
	}

	/* The parts around the body, found before the body is cleaned, and
	 * taken out of it when it holds them. */
	char *dir = path_dirname(file);
	char *base_dir = *dir ? dir : (free(dir), xstrdup(file[0] == '/' ? "/" : "."));
	/* The first box that holds a bio: a theme may call its byline
	 * "author-info" too. */
	xmlNodePtr bio = NULL;
	char *bio_html = NULL;
	for (xmlNodePtr box = page_find_bio(root, NULL); box && !bio;
	     box = page_find_bio(root, page_next(box, root, true))) {
		if (page_is_within(body, box))
			continue;
		bio_html = page_bio_html(box);
		if (bio_html)
			bio = box;
	}
	xmlNodePtr thread = opt->article_only ? NULL : page_find_thread(root);
	if (thread && page_is_within(body, thread))
		thread = NULL;
	xmlNodePtr related = page_find_related(root);
	if (related && page_is_within(body, related))
		related = NULL;
	/* What the book does not take: the page's chrome, the body's own
	 * included (page_clean removes it below). */
	leftout lo = {0};
	xmlNodePtr kept[] = {bio, thread, related};
	count_leftout(root, kept, sizeof kept / sizeof *kept, &lo);
	detach(body, bio, &cut);
	detach(body, thread, &cut);
	detach(body, related, &cut);
	detach(body, page_find_related(body), &cut);
	detach(body, page_find_thread(body), &cut);
	page_clean(body, NULL);
	int dropped = 0;
	int images = page_settle_images(body, base_dir, &dropped);
	char *text = page_text(body);
	size_t words = 0;
	for (char *t = text; *t; t++)
		words += (t == text || t[-1] == ' ') && *t != ' ';
	free(text);
	if (!words && !images) {
		diag_error(file, 0, 0, "the article found (%s) holds no text; nothing written", how);
		free(base_dir);
		free(bio_html);
		goto out;
	}

	s = xcalloc(1, sizeof *s);
	s->file = xstrdup(file);
	s->base_dir = base_dir;
	s->posts = xcalloc(1, sizeof *s->posts);
	s->nposts = 1;
	import_post *p = &s->posts[0];

	/* The facts: JSON-LD, the visible markup, then the head's meta. */
	p->title = xstrdup(ld.headline);
	p->link = xstrdup(meta.canonical ? meta.canonical : ld.url);
	p->author = xstrdup(ld.author);
	p->date = valid_date(ld.date);
	p->modified = valid_date(ld.modified);
	strlist terms = {0};
	size_t ncat = 0;
	if (ld.terms.n) {
		terms = ld.terms;
		ncat = ld.ncategories;
		memset(&ld.terms, 0, sizeof ld.terms);
	}
	page_entry_facts(entry ? entry : root, p, &terms, &ncat);
	if (!terms.n && meta.terms.n) {
		terms = meta.terms;
		ncat = meta.ncategories;
		memset(&meta.terms, 0, sizeof meta.terms);
	}
	take_terms(p, &terms, ncat);
	if (!p->title)
		p->title = xstrdup(meta.title);
	if (!p->author)
		p->author = xstrdup(meta.author);
	if (!p->date)
		p->date = valid_date(meta.date);
	if (!p->modified)
		p->modified = valid_date(meta.modified);
	p->excerpt = xstrdup(ld.description ? ld.description : meta.description);
	p->slug = slug_of(p->link);
	s->title = xstrdup(meta.site_name);
	s->link = site_of(p->link);
	s->language = xstrdup(ld.language ? ld.language : meta.language);

	/* The body: without the title it repeats, its links absolute. */
	cut_title(body, p->title);
	page_absolute_links(body, p->link);
	p->content_html = page_inner_html(body);
	p->content_is_raw = false;
	p->featured_image = featured_image(entry ? entry : root, body, s->base_dir);

	p->bio_html = bio_html;
	if (!p->bio_html && ld.author_bio)
		p->bio_html = page_text_to_html(ld.author_bio);

	const char *thread_how = NULL;
	if (!opt->article_only) {
		page_thread_read(thread ? thread : root, p->author, s->base_dir, &p->comments,
		                 &p->ncomments, &thread_how);
		if (!p->ncomments && ld.ncomments) {
			p->comments = ld.comments;
			p->ncomments = ld.ncomments;
			ld.comments = NULL;
			ld.ncomments = 0;
			thread_how = "JSON-LD";
		}
	}
	for (size_t i = 0; i < p->ncomments; i++) {
		import_comment *c = &p->comments[i];
		c->status = IMPORT_APPROVED;
		if (p->author && c->author && !strcasecmp(c->author, p->author))
			c->by_post_author = true;
		int bidi = strip_bidi(c->author) + strip_bidi(c->html);
		if (bidi)
			diag_warning(file, 0, 0,
			             "comment %s: %d bidirectional control character(s) removed", c->id, bidi);
	}
	if (related)
		page_related_read(related, p->link, p->link, &p->related, &p->nrelated);

	diag_note(file, 0, 0, "found \"%s\": the article (%s, %zu words, %d image%s)%s%s",
	          p->title ? p->title : "(untitled)", how, words, images, images == 1 ? "" : "s",
	          p->bio_html ? ", the author's bio" : "", p->featured_image ? ", a featured image" : "");
	if (opt->article_only)
		diag_note(file, 0, 0, "--article-only: comments not read");
	else
		diag_note(file, 0, 0, "%zu comment%s (%s), %zu related post%s", p->ncomments,
		          p->ncomments == 1 ? "" : "s", p->ncomments ? thread_how : "none on the page",
		          p->nrelated, p->nrelated == 1 ? "" : "s");
	say_leftout(file, &lo, dropped);
	if (nerrors || bad_ld)
		diag_note(file, 0, 0, "%d HTML error%s and %d bad JSON-LD block%s ignored", nerrors,
		          nerrors == 1 ? "" : "s", bad_ld, bad_ld == 1 ? "" : "s");
	*out = s;
	s = NULL;
	rc = 0;
out:
	for (size_t i = 0; i < cut.n; i++)
		xmlFreeNode(cut.nodes[i]);
	free(cut.nodes);
	page_ld_free(&ld);
	page_meta_free(&meta);
	if (doc)
		xmlFreeDoc(doc);
	if (ld_doc)
		xmlFreeDoc(ld_doc);
	free(data);
	return rc;
}
