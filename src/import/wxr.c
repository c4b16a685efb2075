/* wxr.c - a WordPress export (WXR 1.0 to 1.2) -> import_site, read in one
 * pass with libxml2's streaming reader, never as a whole tree.
 *
 * The reader keeps one <item> at a time. A published post that is asked
 * for becomes an import_post; of the other published posts it keeps a
 * brief (title, address, date, terms, the opening of the summary) for the
 * related posts; of attachments, their address by id (featured images).
 * Commenters' e-mail addresses are compared with the post author's while
 * the item is read and dropped with it; their IP addresses are never read. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parserInternals.h>
#include <libxml/xmlreader.h>

#include "diag.h"
#include "import/import.h"
#include "import/wxr.h"
#include "util.h"

enum wxr_ns { NS_NONE, NS_WP, NS_CONTENT, NS_EXCERPT, NS_DC, NS_OTHER };

static const struct { enum wxr_ns ns; const char *name; } item_fields[WXR_F_NFIELDS] = {
	[WXR_F_TITLE] = {NS_NONE, "title"},
	[WXR_F_LINK] = {NS_NONE, "link"},
	[WXR_F_PUBDATE] = {NS_NONE, "pubDate"},
	[WXR_F_CREATOR] = {NS_DC, "creator"},
	[WXR_F_GUID] = {NS_NONE, "guid"},
	[WXR_F_CONTENT] = {NS_CONTENT, "encoded"},
	[WXR_F_EXCERPT] = {NS_EXCERPT, "encoded"},
	[WXR_F_ID] = {NS_WP, "post_id"},
	[WXR_F_DATE] = {NS_WP, "post_date"},
	[WXR_F_DATE_GMT] = {NS_WP, "post_date_gmt"},
	[WXR_F_MODIFIED] = {NS_WP, "post_modified"},
	[WXR_F_MODIFIED_GMT] = {NS_WP, "post_modified_gmt"},
	[WXR_F_NAME] = {NS_WP, "post_name"},
	[WXR_F_STATUS] = {NS_WP, "status"},
	[WXR_F_TYPE] = {NS_WP, "post_type"},
	[WXR_F_ATTACHMENT_URL] = {NS_WP, "attachment_url"},
	[WXR_F_PARENT] = {NS_WP, "post_parent"},
	[WXR_F_PASSWORD] = {NS_WP, "post_password"},
};

static const char *const comment_fields[WXR_C_NFIELDS] = {
	[WXR_C_ID] = "comment_id",
	[WXR_C_AUTHOR] = "comment_author",
	[WXR_C_EMAIL] = "comment_author_email",
	[WXR_C_URL] = "comment_author_url",
	[WXR_C_DATE] = "comment_date",
	[WXR_C_DATE_GMT] = "comment_date_gmt",
	[WXR_C_CONTENT] = "comment_content",
	[WXR_C_APPROVED] = "comment_approved",
	[WXR_C_TYPE] = "comment_type",
	[WXR_C_PARENT] = "comment_parent",
	[WXR_C_USER_ID] = "comment_user_id",
};

static const char *const author_fields[WXR_A_NFIELDS] = {
	[WXR_A_LOGIN] = "author_login",
	[WXR_A_DISPLAY] = "author_display_name",
	[WXR_A_EMAIL] = "author_email",
	[WXR_A_ID] = "author_id",
	[WXR_A_FIRST] = "author_first_name",
	[WXR_A_LAST] = "author_last_name",
};

enum wxr_mode { MODE_LIST, MODE_ONE, MODE_ALL };

typedef struct wxr_reader {
	const import_options *opt;
	enum wxr_mode mode;
	FILE *list_out;
	xmlTextReaderPtr xr;
	const char *file;
	/* namespace names the reader interned, and what they are */
	const xmlChar *ns_ptr[8];
	enum wxr_ns ns_kind[8];
	size_t nns;
	bool wp_seen, root_seen;
	/* the first error libxml2 reported */
	char *err_msg;
	int err_line, err_col;

	import_site *site;
	strmap *authors;     /* login -> wxr_author (in author_list) */
	wxr_author **author_list; /* owned */
	size_t nauthors;
	wxr_media media;     /* attachments and reusable blocks */
	char *base_blog_url, *base_site_url;
	wxr_item item;
	strbuf author_f[WXR_A_NFIELDS];

	/* the posts taken, with what related posts and featured images need */
	char **thumb_ids;        /* per site->posts[i], or NULL */
	long long *epochs;
	size_t kept_cap, nkept;   /* nkept: entries of thumb_ids and epochs */
	size_t published;        /* published posts seen */
	int several_line;        /* line of the second published post (MODE_ONE, no --post) */
	char *unpublished_status; /* --post names a post that is not published: why */
	int unpublished_line;
	/* related posts */
	strmap *term_ids;        /* "c:nicename" / "t:nicename" -> index + 1 */
	size_t nterm_ids;
	size_t *target_terms;
	size_t ntarget_terms;
	wxr_brief *briefs;
	size_t nbriefs;
} wxr_reader;

static enum wxr_ns
ns_classify(const char *uri)
{
	if (uri == NULL || *uri == '\0')
		return NS_NONE;
	const char *rest = NULL;
	if (str_starts_with(uri, "http://wordpress.org/export/"))
		rest = uri + strlen("http://wordpress.org/export/");
	else if (str_starts_with(uri, "https://wordpress.org/export/"))
		rest = uri + strlen("https://wordpress.org/export/");
	if (rest)
		return strstr(rest, "excerpt") ? NS_EXCERPT : NS_WP;
	if (str_ends_with(uri, "//purl.org/rss/1.0/modules/content/"))
		return NS_CONTENT;
	if (str_ends_with(uri, "//purl.org/dc/elements/1.1/"))
		return NS_DC;
	return NS_OTHER;
}

/* The namespace of the reader's current node. The reader interns its
 * names, so a pointer seen before is looked up, not compared. */
static enum wxr_ns
node_ns(wxr_reader *r)
{
	const xmlChar *uri = xmlTextReaderConstNamespaceUri(r->xr);
	for (size_t i = 0; i < r->nns; i++)
		if (r->ns_ptr[i] == uri)
			return r->ns_kind[i];
	enum wxr_ns k = ns_classify((const char *)uri);
	if (r->nns < sizeof r->ns_ptr / sizeof r->ns_ptr[0]) {
		r->ns_ptr[r->nns] = uri;
		r->ns_kind[r->nns++] = k;
	}
	if (k == NS_WP || k == NS_EXCERPT)
		r->wp_seen = true;
	return k;
}

static void
on_xml_error(void *arg, xmlErrorPtr e)
{
	wxr_reader *r = arg;
	if (e == NULL || e->level < XML_ERR_ERROR || r->err_msg)
		return;
	r->err_msg = xstrdup(e->message ? e->message : "unreadable XML");
	str_trim(r->err_msg);
	r->err_line = e->line;
	r->err_col = e->int2;
}

static xmlParserInputPtr
deny_entity(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

/* The line of the reader's node (the parser reads ahead of the reader:
 * its own line is only a fallback). */
static int
line_now(const wxr_reader *r)
{
	xmlNodePtr n = xmlTextReaderCurrentNode(r->xr);
	long line = n ? xmlGetLineNo(n) : -1;
	return line > 0 && line < 65535 ? (int)line : xmlTextReaderGetParserLineNumber(r->xr);
}

/* The reader is on a start tag: appends the element's text (text, CDATA
 * and white space, not that of child elements' tags) to sb and leaves the
 * reader on the end tag. Returns 0, or -1 when the document ends or breaks
 * first. */
static int
read_text(wxr_reader *r, strbuf *sb)
{
	if (xmlTextReaderIsEmptyElement(r->xr))
		return 0;
	int depth = xmlTextReaderDepth(r->xr);
	for (;;) {
		if (xmlTextReaderRead(r->xr) != 1)
			return -1;
		int t = xmlTextReaderNodeType(r->xr);
		if (t == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(r->xr) == depth)
			return 0;
		if (t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_CDATA ||
		    t == XML_READER_TYPE_WHITESPACE || t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) {
			const xmlChar *v = xmlTextReaderConstValue(r->xr);
			if (v)
				strbuf_puts(sb, (const char *)v);
		}
	}
}

/* ---- the item ---- */

/* A <category domain=... nicename=...>Name</category>: categories and
 * tags, each once (WXR 1.0 names a category twice, with and without its
 * domain). */
static int
read_category(wxr_reader *r)
{
	char *domain = (char *)xmlTextReaderGetAttribute(r->xr, BAD_CAST "domain");
	char *nice = (char *)xmlTextReaderGetAttribute(r->xr, BAD_CAST "nicename");
	strbuf name = {0};
	int rc = read_text(r, &name);
	char *text = rc == 0 ? wxr_nonempty(&name) : NULL;
	bool is_cat = domain == NULL || strcmp(domain, "category") == 0;
	bool is_tag = domain && (strcmp(domain, "post_tag") == 0 || strcmp(domain, "tag") == 0);
	if (text && (is_cat || is_tag)) {
		char *plain = wxr_plain_text(text);
		strlist *names = is_cat ? &r->item.cat_names : &r->item.tag_names;
		strlist *keys = is_cat ? &r->item.cat_keys : &r->item.tag_keys;
		char *key = nice && *nice ? xstrdup(nice) : xstrdup(plain);
		for (char *p = key; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
		bool dup = false;
		for (size_t i = 0; i < names->n && !dup; i++)
			dup = strcmp(names->items[i], plain) == 0 || strcmp(keys->items[i], key) == 0;
		if (!dup && *plain) {
			strlist_push_owned(names, plain);
			strlist_push_owned(keys, key);
		} else {
			free(plain);
			free(key);
		}
	}
	free(text);
	strbuf_free(&name);
	xmlFree(domain);
	xmlFree(nice);
	return rc;
}

static int
cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

/* The item's terms as sorted numbers, "uncategorized" left out: every
 * post of a blog that never sorted its posts shares it. Caller frees. */
static size_t *
item_terms(wxr_reader *r, size_t *n)
{
	size_t total = r->item.cat_keys.n + r->item.tag_keys.n, k = 0;
	size_t *t = xmalloc((total ? total : 1) * sizeof *t);
	for (size_t i = 0; i < total; i++) {
		bool cat = i < r->item.cat_keys.n;
		const char *key = cat ? r->item.cat_keys.items[i]
		                      : r->item.tag_keys.items[i - r->item.cat_keys.n];
		if (cat && strcmp(key, "uncategorized") == 0)
			continue;
		char *full = xasprintf("%c:%s", cat ? 'c' : 't', key);
		uintptr_t v = (uintptr_t)strmap_get(r->term_ids, full);
		if (v == 0) {
			v = ++r->nterm_ids;
			strmap_put(r->term_ids, full, (void *)v);
		}
		free(full);
		t[k++] = (size_t)(v - 1);
	}
	if (k > 1)
		qsort(t, k, sizeof *t, cmp_size);
	*n = k;
	return t;
}

static void
keep_brief(wxr_reader *r)
{
	r->briefs = xgrow(r->briefs, r->nbriefs, sizeof *r->briefs);
	wxr_brief *b = &r->briefs[r->nbriefs++];
	memset(b, 0, sizeof *b);
	b->id = wxr_nonempty(&r->item.f[WXR_F_ID]);
	char *t = wxr_nonempty(&r->item.f[WXR_F_TITLE]);
	b->title = t ? wxr_plain_text(t) : NULL;
	free(t);
	b->link = wxr_nonempty(&r->item.f[WXR_F_LINK]);
	b->date = wxr_item_date(&r->item);
	b->epoch = wxr_date_epoch(b->date);
	/* the excerpt, else the body: only its opening is kept, whatever its length */
	char *ex = wxr_nonempty(&r->item.f[WXR_F_EXCERPT]);
	b->summary_html = wxr_body_opening(ex ? ex : wxr_str(&r->item.f[WXR_F_CONTENT]), 768);
	free(ex);
	b->terms = item_terms(r, &b->nterms);
}

/* The item, a published post, as the next of site->posts. */
static void
keep_post(wxr_reader *r)
{
	wxr_item *it = &r->item;
	import_site *s = r->site;
	if (s->nposts == r->kept_cap) {
		r->kept_cap = r->kept_cap ? r->kept_cap * 2 : 4;
		s->posts = xrealloc(s->posts, r->kept_cap * sizeof *s->posts);
		r->thumb_ids = xrealloc(r->thumb_ids, r->kept_cap * sizeof *r->thumb_ids);
		r->epochs = xrealloc(r->epochs, r->kept_cap * sizeof *r->epochs);
	}
	import_post *p = &s->posts[s->nposts];
	char *login = wxr_nonempty(&it->f[WXR_F_CREATOR]);
	const wxr_author *a = login ? strmap_get(r->authors, login) : NULL;
	wxr_post_fill(p, it, a, login != NULL, r->file);
	free(login);
	r->thumb_ids[s->nposts] = it->thumbnail_id;
	it->thumbnail_id = NULL;
	r->epochs[s->nposts] = wxr_date_epoch(p->date);
	r->nkept = ++s->nposts;
}

static void
list_post(wxr_reader *r)
{
	wxr_item *it = &r->item;
	char *date = wxr_item_date(it);
	char *t = wxr_nonempty(&it->f[WXR_F_TITLE]);
	char *title = t ? wxr_plain_text(t) : xstrdup("");
	for (char *p = title; *p; p++)
		if (*p == '\t' || *p == '\n')
			*p = ' ';
	fprintf(r->list_out, "%s\t%.10s\t%s\t%zu\t%s\n", wxr_str(&it->f[WXR_F_ID]),
	        date ? date : "-", it->f[WXR_F_NAME].len ? wxr_str(&it->f[WXR_F_NAME]) : "-",
	        wxr_approved_comments(it), title);
	free(date);
	free(t);
	free(title);
}

static void
end_item(wxr_reader *r)
{
	wxr_item *it = &r->item;
	const char *type = wxr_str(&it->f[WXR_F_TYPE]);
	const char *status = wxr_str(&it->f[WXR_F_STATUS]);
	const import_options *opt = r->opt;
	if (strcmp(type, "attachment") == 0) {
		if (r->mode == MODE_LIST)
			return;
		char *id = wxr_nonempty(&it->f[WXR_F_ID]);
		char *url = wxr_nonempty(&it->f[WXR_F_ATTACHMENT_URL]);
		if (url == NULL)
			url = wxr_nonempty(&it->f[WXR_F_GUID]);
		if (id && url) {
			wxr_media_add(&r->media, id, wxr_nonempty(&it->f[WXR_F_PARENT]), url, it->image_alt);
			it->image_alt = NULL;
		} else {
			free(id);
			free(url);
		}
		return;
	}
	if (strcmp(type, "wp_block") == 0) {
		char *id = wxr_nonempty(&it->f[WXR_F_ID]);
		if (id && r->mode != MODE_LIST && strcmp(status, "publish") == 0) {
			free(strmap_get(r->media.blocks, id));
			strmap_put(r->media.blocks, id, strbuf_take(&it->f[WXR_F_CONTENT]));
		}
		free(id);
		return;
	}
	if (strcmp(type, "post") != 0 && *type != '\0')
		return;
	/* A password-protected post is published but not public: like a
	 * private one, it is not taken into a book. */
	bool protected = it->f[WXR_F_PASSWORD].len > 0 && strcmp(status, "publish") == 0;
	if (strcmp(status, "publish") != 0 || protected) {
		if (r->mode == MODE_ONE && opt->post && *type && wxr_is_asked_for(it, opt->post) &&
		    r->unpublished_status == NULL) {
			r->unpublished_status = protected ? xstrdup("is password-protected on the site")
			                                  : xasprintf("is not published (its status is '%s')",
			                                              *status ? status : "none");
			r->unpublished_line = it->line;
		}
		if (protected && r->mode == MODE_ALL)
			diag_note(r->file, it->line, 0, "post %s is password-protected on the site: left out",
			          wxr_str(&it->f[WXR_F_ID]));
		return;
	}
	r->published++;
	switch (r->mode) {
	case MODE_LIST:
		list_post(r);
		return;
	case MODE_ALL:
		if (opt->category == NULL || wxr_in_category(it, opt->category))
			keep_post(r);
		return;
	case MODE_ONE:
		break;
	}
	bool want;
	if (opt->post)
		want = r->site->nposts == 0 && wxr_is_asked_for(it, opt->post);
	else
		want = r->published == 1; /* a second one is an error, at the end */
	if (!opt->post && r->published == 2)
		r->several_line = it->line;
	if (want) {
		if (opt->related > 0) {
			free(r->target_terms);
			r->target_terms = item_terms(r, &r->ntarget_terms);
		}
		keep_post(r);
	} else if (opt->post && opt->related > 0) {
		keep_brief(r);
	}
}

static void
end_author(wxr_reader *r)
{
	char *login = wxr_nonempty(&r->author_f[WXR_A_LOGIN]);
	if (login) {
		wxr_author *a = xcalloc(1, sizeof *a);
		a->display = wxr_nonempty(&r->author_f[WXR_A_DISPLAY]);
		if (a->display == NULL) {
			char *first = wxr_nonempty(&r->author_f[WXR_A_FIRST]);
			char *last = wxr_nonempty(&r->author_f[WXR_A_LAST]);
			if (first || last)
				a->display = xasprintf("%s%s%s", first ? first : "", first && last ? " " : "",
				                       last ? last : "");
			free(first);
			free(last);
		}
		a->email = wxr_nonempty(&r->author_f[WXR_A_EMAIL]);
		a->id = wxr_nonempty(&r->author_f[WXR_A_ID]);
		r->author_list = xgrow(r->author_list, r->nauthors, sizeof *r->author_list);
		r->author_list[r->nauthors++] = a;
		strmap_put(r->authors, login, a); /* a later entry for a login wins */
	}
	free(login);
	for (size_t i = 0; i < WXR_A_NFIELDS; i++)
		wxr_clear(&r->author_f[i]);
}

/* ---- the document ---- */

/* A child element of <item> (or of a <wp:comment> or <wp:postmeta> in
 * it), the reader on its start tag. */
static int
item_child(wxr_reader *r, enum wxr_ns ns, const char *name, int depth, int *comment_depth,
           int *meta_depth)
{
	wxr_item *it = &r->item;
	if (*comment_depth >= 0) {
		if (ns != NS_WP || depth != *comment_depth + 1)
			return 0;
		for (size_t i = 0; i < WXR_C_NFIELDS; i++)
			if (strcmp(name, comment_fields[i]) == 0)
				return read_text(r, &it->comments[it->ncomments - 1].f[i]);
		return 0; /* comment_author_IP and commentmeta are never read */
	}
	if (*meta_depth >= 0) {
		if (ns == NS_WP && strcmp(name, "meta_key") == 0)
			return read_text(r, &it->meta_key);
		if (ns == NS_WP && strcmp(name, "meta_value") == 0)
			return read_text(r, &it->meta_value);
		return 0;
	}
	int item_depth = depth - 1;
	(void)item_depth;
	if (ns == NS_WP && strcmp(name, "comment") == 0) {
		wxr_item_new_comment(it, line_now(r));
		if (!xmlTextReaderIsEmptyElement(r->xr))
			*comment_depth = depth;
		return 0;
	}
	if (ns == NS_WP && strcmp(name, "postmeta") == 0) {
		wxr_clear(&it->meta_key);
		wxr_clear(&it->meta_value);
		if (!xmlTextReaderIsEmptyElement(r->xr))
			*meta_depth = depth;
		return 0;
	}
	if (ns == NS_NONE && strcmp(name, "category") == 0)
		return read_category(r);
	for (size_t i = 0; i < WXR_F_NFIELDS; i++)
		if (item_fields[i].ns == ns && strcmp(name, item_fields[i].name) == 0)
			return read_text(r, &it->f[i]);
	return 0;
}

static void
end_meta(wxr_reader *r)
{
	wxr_item *it = &r->item;
	if (strcmp(wxr_str(&it->meta_key), "_thumbnail_id") == 0) {
		free(it->thumbnail_id);
		it->thumbnail_id = wxr_nonempty(&it->meta_value);
	} else if (strcmp(wxr_str(&it->meta_key), "_wp_attachment_image_alt") == 0) {
		free(it->image_alt);
		it->image_alt = wxr_nonempty(&it->meta_value);
	}
}

/* A value of <channel> itself (title, link, language, base addresses). */
static int
channel_child(wxr_reader *r, enum wxr_ns ns, const char *name)
{
	char **slot = NULL;
	if (ns == NS_NONE && strcmp(name, "title") == 0)
		slot = &r->site->title;
	else if (ns == NS_NONE && strcmp(name, "link") == 0)
		slot = &r->site->link;
	else if (ns == NS_NONE && strcmp(name, "language") == 0)
		slot = &r->site->language;
	else if (ns == NS_WP && strcmp(name, "base_site_url") == 0)
		slot = &r->base_site_url;
	else if (ns == NS_WP && strcmp(name, "base_blog_url") == 0)
		slot = &r->base_blog_url;
	if (slot == NULL)
		return 0;
	strbuf sb = {0};
	int rc = read_text(r, &sb);
	free(*slot);
	*slot = wxr_nonempty(&sb);
	if (*slot && slot == &r->site->title) { /* may hold entities, as a post's */
		char *plain = wxr_plain_text(*slot);
		free(*slot);
		*slot = plain;
	}
	strbuf_free(&sb);
	return rc;
}

/* Reads the whole document. Returns 0, or 1 after reporting an error. */
static int
read_document(wxr_reader *r)
{
	int item_depth = -1, author_depth = -1, comment_depth = -1, meta_depth = -1;
	int rc;
	while ((rc = xmlTextReaderRead(r->xr)) == 1) {
		int type = xmlTextReaderNodeType(r->xr);
		if (type == XML_READER_TYPE_END_ELEMENT) {
			int depth = xmlTextReaderDepth(r->xr);
			if (depth == comment_depth)
				comment_depth = -1;
			else if (depth == meta_depth) {
				end_meta(r);
				meta_depth = -1;
			} else if (depth == item_depth) {
				end_item(r);
				item_depth = -1;
			} else if (depth == author_depth) {
				end_author(r);
				author_depth = -1;
			}
			continue;
		}
		if (type != XML_READER_TYPE_ELEMENT)
			continue;
		int depth = xmlTextReaderDepth(r->xr);
		const char *name = (const char *)xmlTextReaderConstLocalName(r->xr);
		enum wxr_ns ns = node_ns(r);
		if (!r->root_seen) {
			r->root_seen = true;
			if (strcmp(name, "rss") != 0) {
				diag_error(r->file, line_now(r), 0, "not a WordPress export (WXR): the document "
				           "is <%s>, not <rss>", name);
				return 1;
			}
			continue;
		}
		int err = 0;
		if (item_depth >= 0) {
			err = item_child(r, ns, name, depth, &comment_depth, &meta_depth);
		} else if (author_depth >= 0) {
			for (size_t i = 0; i < WXR_A_NFIELDS && ns == NS_WP; i++)
				if (strcmp(name, author_fields[i]) == 0) {
					err = read_text(r, &r->author_f[i]);
					break;
				}
		} else if (depth == 2 && ns == NS_NONE && strcmp(name, "item") == 0) {
			wxr_item_reset(&r->item);
			r->item.line = line_now(r);
			if (xmlTextReaderIsEmptyElement(r->xr))
				end_item(r);
			else
				item_depth = depth;
		} else if (depth == 2 && ns == NS_WP && strcmp(name, "author") == 0) {
			if (!xmlTextReaderIsEmptyElement(r->xr))
				author_depth = depth;
		} else if (depth == 2) {
			err = channel_child(r, ns, name);
		}
		if (err)
			break;
	}
	if (r->err_msg || rc != 0 || !r->root_seen) {
		if (r->err_msg && !r->root_seen && r->err_line <= 1)
			diag_error(r->file, r->err_line, r->err_col, "neither a WordPress export nor a saved "
			           "web page: not XML (%s)", r->err_msg);
		else if (r->err_msg)
			diag_error(r->file, r->err_line, r->err_col, "not well-formed XML: %s", r->err_msg);
		else
			diag_error(r->file, line_now(r), 0, "not well-formed XML: the document %s",
			           r->root_seen ? "ends too soon" : "holds no element");
		return 1;
	}
	if (!r->wp_seen) {
		diag_error(r->file, 1, 0, "not a WordPress export (WXR): no element of the WordPress "
		           "export namespace (a plain RSS feed?)");
		return 1;
	}
	return 0;
}

static int
open_reader(wxr_reader *r, const import_options *opt, enum wxr_mode mode, int *fd)
{
	memset(r, 0, sizeof *r);
	r->opt = opt;
	r->mode = mode;
	r->file = opt->input;
	*fd = open(opt->input, O_RDONLY | O_CLOEXEC);
	if (*fd < 0) {
		diag_error(opt->input, 0, 0, "cannot read it: %s", strerror(errno));
		return 1;
	}
	/* No network, no DTD loading, no entity substitution; HUGE lets a post
	 * body pass libxml2's 10 MB text limit (and deep markup its 256 levels,
	 * which a WXR never needs but costs nothing here: the reader keeps no
	 * tree). */
	r->xr = xmlReaderForFd(*fd, opt->input, NULL, XML_PARSE_NONET | XML_PARSE_HUGE);
	if (r->xr == NULL) {
		diag_error(opt->input, 0, 0, "cannot read it");
		close(*fd);
		*fd = -1;
		return 1;
	}
	xmlTextReaderSetStructuredErrorHandler(r->xr, on_xml_error, r);
	r->site = xcalloc(1, sizeof *r->site);
	r->site->file = xstrdup(opt->input);
	r->authors = strmap_new();
	wxr_media_init(&r->media);
	r->term_ids = strmap_new();
	return 0;
}

static void
free_author(wxr_author *a)
{
	if (a == NULL)
		return;
	free(a->display);
	free(a->email);
	free(a->id);
	free(a);
}

void
wxr_brief_free(wxr_brief *b)
{
	if (b == NULL)
		return;
	free(b->id);
	free(b->title);
	free(b->link);
	free(b->date);
	free(b->summary_html);
	free(b->terms);
}

static void
close_reader(wxr_reader *r, int fd)
{
	if (r->xr)
		xmlFreeTextReader(r->xr);
	if (fd >= 0)
		close(fd);
	wxr_item_free(&r->item);
	for (size_t i = 0; i < WXR_A_NFIELDS; i++)
		strbuf_free(&r->author_f[i]);
	for (size_t i = 0; i < r->nauthors; i++)
		free_author(r->author_list[i]);
	free(r->author_list);
	strmap_free(r->authors);
	wxr_media_free(&r->media);
	strmap_free(r->term_ids);
	for (size_t i = 0; i < r->nbriefs; i++)
		wxr_brief_free(&r->briefs[i]);
	free(r->briefs);
	free(r->target_terms);
	for (size_t i = 0; i < r->nkept; i++)
		free(r->thumb_ids[i]);
	free(r->thumb_ids);
	free(r->epochs);
	free(r->err_msg);
	free(r->base_blog_url);
	free(r->base_site_url);
	free(r->unpublished_status);
}

/* The site's uploads address: the part of an attachment's address up to
 * and with "/wp-content/uploads/", else the blog's address with it. */
static char *
uploads_url(wxr_reader *r)
{
	static const char mark[] = "/wp-content/uploads/";
	char *best = NULL;
	for (size_t i = 0; i < r->site->nposts && best == NULL; i++) {
		const wxr_attachment *a = r->thumb_ids[i] ? wxr_media_get(&r->media, r->thumb_ids[i]) : NULL;
		const char *url = a ? a->url : NULL;
		const char *m = url ? strstr(url, mark) : NULL;
		if (m)
			best = xstrndup(url, (size_t)(m - url) + strlen(mark));
	}
	if (best)
		return best;
	const char *base = r->base_site_url ? r->base_site_url : r->base_blog_url;
	if (base == NULL)
		base = r->site->link;
	if (base == NULL)
		return NULL;
	size_t n = strlen(base);
	while (n > 0 && base[n - 1] == '/')
		n--;
	return xasprintf("%.*s%s", (int)n, base, mark);
}

typedef struct dated {
	import_post post;
	long long epoch;
	size_t index;
} dated;

static int
cmp_dated(const void *a, const void *b)
{
	const dated *x = a, *y = b;
	if (x->epoch != y->epoch)
		return x->epoch < y->epoch ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* --all: the posts in date order (undated ones first, then as read). */
static void
sort_by_date(wxr_reader *r)
{
	import_site *s = r->site;
	dated *d = xmalloc((s->nposts ? s->nposts : 1) * sizeof *d);
	for (size_t i = 0; i < s->nposts; i++)
		d[i] = (dated){s->posts[i], r->epochs[i], i};
	qsort(d, s->nposts, sizeof *d, cmp_dated);
	for (size_t i = 0; i < s->nposts; i++)
		s->posts[i] = d[i].post;
	free(d);
}

/* After the document: the errors of a missing or ambiguous post, featured
 * images, galleries and reusable blocks, the uploads address, related
 * posts. Returns 0 or 1. */
static int
finish_site(wxr_reader *r)
{
	import_site *s = r->site;
	const import_options *opt = r->opt;
	int last = line_now(r);
	if (r->mode == MODE_ONE && opt->post && s->nposts == 0) {
		if (r->unpublished_status)
			diag_error(r->file, r->unpublished_line, 0, "post '%s' %s; only published, public "
			           "posts are imported", opt->post, r->unpublished_status);
		else
			diag_error(r->file, last, 0, "no published post has the id, slug or address '%s' "
			           "(mkbook import --list %s lists them)", opt->post, r->file);
		return 1;
	}
	if (r->mode == MODE_ONE && !opt->post && r->published > 1) {
		diag_error(r->file, r->several_line, 0, "the export holds %zu published posts: choose one "
		           "with --post ID|SLUG|URL (mkbook import --list %s lists them), or take all "
		           "with --all", r->published, r->file);
		return 1;
	}
	if (s->nposts == 0) {
		if (opt->category && r->published > 0)
			diag_error(r->file, last, 0, "no published post is in the category '%s'",
			           opt->category);
		else
			diag_error(r->file, last, 0, "the export holds no published post");
		return 1;
	}
	for (size_t i = 0; i < s->nposts; i++) {
		if (r->thumb_ids[i] == NULL)
			continue;
		const wxr_attachment *a = wxr_media_get(&r->media, r->thumb_ids[i]);
		if (a)
			s->posts[i].featured_image = xstrdup(a->url);
		else
			diag_warning(r->file, 0, 0, "post %s: its featured image (attachment %s) is not in "
			             "the export", s->posts[i].id ? s->posts[i].id : "?", r->thumb_ids[i]);
	}
	for (size_t i = 0; i < s->nposts; i++) {
		char *body = wxr_expand(s->posts[i].content_html, &r->media, s->posts[i].id);
		if (body) {
			free(s->posts[i].content_html);
			s->posts[i].content_html = body;
		}
	}
	s->uploads_url = uploads_url(r);
	if (r->mode == MODE_ONE && opt->related > 0)
		wxr_related_pick(&s->posts[0], r->target_terms, r->ntarget_terms, r->epochs[0],
		                 r->briefs, r->nbriefs, (size_t)opt->related);
	if (r->mode == MODE_ALL)
		sort_by_date(r);
	return 0;
}

int
wxr_read(const import_options *opt, import_site **out)
{
	wxr_reader r;
	int fd;
	*out = NULL;
	if (open_reader(&r, opt, opt->all ? MODE_ALL : MODE_ONE, &fd) != 0)
		return 1;
	xmlExternalEntityLoader old = xmlGetExternalEntityLoader();
	xmlSetExternalEntityLoader(deny_entity);
	int rc = read_document(&r);
	xmlSetExternalEntityLoader(old);
	if (rc == 0)
		rc = finish_site(&r);
	if (rc == 0) {
		*out = r.site;
		r.site = NULL;
	}
	import_site *left = r.site;
	close_reader(&r, fd);
	if (left)
		import_site_free(left);
	return rc;
}

int
wxr_list(const import_options *opt, FILE *out)
{
	wxr_reader r;
	int fd;
	if (open_reader(&r, opt, MODE_LIST, &fd) != 0)
		return 1;
	r.list_out = out;
	xmlExternalEntityLoader old = xmlGetExternalEntityLoader();
	xmlSetExternalEntityLoader(deny_entity);
	int rc = read_document(&r);
	xmlSetExternalEntityLoader(old);
	if (rc == 0 && r.published == 0)
		diag_warning(r.file, 0, 0, "the export holds no published post");
	import_site *left = r.site;
	close_reader(&r, fd);
	import_site_free(left);
	return rc;
}
