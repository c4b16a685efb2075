/* wxr_item.c - the values of a WordPress export's <item> (wxr.c reads
 * them) made into the post model: dates, plain-text titles, comments with
 * their threads and moderation states, the post author's replies. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "import/html_md.h"
#include "import/wxr.h"
#include "sanitize.h"
#include "url.h"
#include "util.h"

void
wxr_clear(strbuf *sb)
{
	sb->len = 0;
	if (sb->data)
		sb->data[0] = '\0';
}

const char *
wxr_str(const strbuf *sb)
{
	return sb->data ? sb->data : "";
}

/* ---- values ---- */

/* "2013-12-13 10:00:00" as ISO 8601, with "Z" when utc; NULL for
 * WordPress's "0000-00-00 00:00:00" or anything else. Caller frees. */
static char *
wp_date(const char *s, bool utc)
{
	int y, mo, d, h, mi, se;
	char tail;
	if (sscanf(s, "%4d-%2d-%2d %2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &se, &tail) != 6 ||
	    y < 1 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60)
		return NULL;
	char *iso = xasprintf("%04d-%02d-%02dT%02d:%02d:%02d%s", y, mo, d, h, mi, se, utc ? "Z" : "");
	if (date_parse_iso8601(iso, NULL, NULL, NULL, NULL) < 3) {
		free(iso);
		return NULL;
	}
	return iso;
}

/* An RSS pubDate ("Fri, 13 Dec 2013 10:00:00 +0000") as ISO 8601 in UTC,
 * or NULL. Caller frees. */
static char *
rfc822_date(const char *s)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	const char *comma = strchr(s, ',');
	if (comma)
		s = comma + 1;
	int d, y, h, mi, se = 0;
	char mon[4], zone[8] = "";
	if (sscanf(s, " %2d %3s %4d %2d:%2d:%2d %7s", &d, mon, &y, &h, &mi, &se, zone) < 6)
		return NULL;
	const char *m = strstr(months, mon);
	if (strlen(mon) != 3 || m == NULL || (m - months) % 3 != 0)
		return NULL;
	long off = 0;
	if ((zone[0] == '+' || zone[0] == '-') && strlen(zone) == 5) {
		long hhmm = strtol(zone + 1, NULL, 10);
		off = (hhmm / 100 * 60 + hhmm % 100) * 60 * (zone[0] == '-' ? -1 : 1);
	}
	char *utc = xasprintf("%04d-%02d-%02dT%02d:%02d:%02dZ", y, (int)((m - months) / 3 + 1), d, h,
	                      mi, se);
	long long t;
	char *out = NULL;
	if (date_parse_iso8601(utc, NULL, NULL, NULL, &t) == 4 && y > 1)
		out = date_format_iso8601_utc(t - off);
	free(utc);
	return out;
}

/* Plain text for a title or name that may hold markup or entities. */
char *
wxr_plain_text(const char *s)
{
	if (strpbrk(s, "<&") == NULL) {
		char *t = xstrdup(s);
		str_trim(t);
		return t;
	}
	return html_md_text(s);
}

char *
wxr_nonempty(const strbuf *sb)
{
	const char *s = wxr_str(sb);
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	if (*s == '\0')
		return NULL;
	char *t = xstrdup(s);
	return str_trim(t);
}

/* ---- the item ---- */

void
wxr_item_reset(wxr_item *it)
{
	for (size_t i = 0; i < WXR_F_NFIELDS; i++)
		wxr_clear(&it->f[i]);
	strlist_free(&it->cat_names);
	strlist_free(&it->cat_keys);
	strlist_free(&it->tag_names);
	strlist_free(&it->tag_keys);
	free(it->thumbnail_id);
	it->thumbnail_id = NULL;
	free(it->image_alt);
	it->image_alt = NULL;
	it->ncomments = 0;
}

void
wxr_item_free(wxr_item *it)
{
	wxr_item_reset(it);
	for (size_t i = 0; i < WXR_F_NFIELDS; i++)
		strbuf_free(&it->f[i]);
	for (size_t i = 0; i < it->cap; i++)
		for (size_t j = 0; j < WXR_C_NFIELDS; j++)
			strbuf_free(&it->comments[i].f[j]);
	free(it->comments);
	strbuf_free(&it->meta_key);
	strbuf_free(&it->meta_value);
}

wxr_comment *
wxr_item_new_comment(wxr_item *it, int line)
{
	if (it->ncomments == it->cap) {
		size_t cap = it->cap ? it->cap * 2 : 8;
		it->comments = xrealloc(it->comments, cap * sizeof *it->comments);
		memset(it->comments + it->cap, 0, (cap - it->cap) * sizeof *it->comments);
		it->cap = cap;
	}
	wxr_comment *c = &it->comments[it->ncomments++];
	for (size_t j = 0; j < WXR_C_NFIELDS; j++)
		wxr_clear(&c->f[j]);
	c->line = line;
	return c;
}

/* Whether the published post it answers --post ARG: its id, slug,
 * permalink or guid (an address compared without its scheme and trailing
 * slash). */
bool
wxr_is_asked_for(const wxr_item *it, const char *arg)
{
	if (strcmp(wxr_str(&it->f[WXR_F_ID]), arg) == 0 || strcmp(wxr_str(&it->f[WXR_F_NAME]), arg) == 0)
		return true;
	if (strstr(arg, "://") == NULL)
		return false;
	const char *cands[2] = {wxr_str(&it->f[WXR_F_LINK]), wxr_str(&it->f[WXR_F_GUID])};
	const char *a = strstr(arg, "://") + 3;
	size_t alen = strlen(a);
	while (alen > 0 && a[alen - 1] == '/')
		alen--;
	for (size_t i = 0; i < 2; i++) {
		const char *b = strstr(cands[i], "://");
		if (b == NULL)
			continue;
		b += 3;
		size_t blen = strlen(b);
		while (blen > 0 && b[blen - 1] == '/')
			blen--;
		if (alen == blen && memcmp(a, b, alen) == 0)
			return true;
	}
	return false;
}

bool
wxr_in_category(const wxr_item *it, const char *name)
{
	for (size_t i = 0; i < it->cat_names.n; i++)
		if (str_iequal_ascii(it->cat_names.items[i], name) ||
		    str_iequal_ascii(it->cat_keys.items[i], name))
			return true;
	return false;
}

size_t
wxr_approved_comments(const wxr_item *it)
{
	size_t n = 0;
	for (size_t i = 0; i < it->ncomments; i++) {
		const char *type = wxr_str(&it->comments[i].f[WXR_C_TYPE]);
		if (strcmp(wxr_str(&it->comments[i].f[WXR_C_APPROVED]), "1") == 0 &&
		    strcmp(type, "pingback") != 0 && strcmp(type, "trackback") != 0)
			n++;
	}
	return n;
}

char *
wxr_item_date(const wxr_item *it)
{
	char *d = wp_date(wxr_str(&it->f[WXR_F_DATE_GMT]), true);
	if (d == NULL)
		d = rfc822_date(wxr_str(&it->f[WXR_F_PUBDATE]));
	if (d == NULL)
		d = wp_date(wxr_str(&it->f[WXR_F_DATE]), false);
	return d;
}

long long
wxr_date_epoch(const char *iso)
{
	long long t = 0;
	if (iso == NULL || date_parse_iso8601(iso, NULL, NULL, NULL, &t) < 3)
		return 0;
	return t;
}

/* The opening of the body, up to about max bytes, cut before a tag that
 * the cut would split. Caller frees. */
char *
wxr_body_opening(const char *html, size_t max)
{
	size_t n = strlen(html);
	if (n <= max)
		return xstrdup(html);
	n = max;
	while (n > 0 && ((unsigned char)html[n] & 0xC0) == 0x80)
		n--;
	const char *lt = memchr(html, '<', n);
	const char *last_lt = NULL, *last_gt = NULL;
	for (const char *p = lt; p && p < html + n; p = memchr(p + 1, '<', (size_t)(html + n - p - 1)))
		last_lt = p;
	for (size_t i = n; i > 0; i--)
		if (html[i - 1] == '>') {
			last_gt = html + i - 1;
			break;
		}
	if (last_lt && (last_gt == NULL || last_lt > last_gt))
		n = (size_t)(last_lt - html);
	return xstrndup(html, n);
}

static char *
display_name(const wxr_author *a, const char *file, int line)
{
	if (a && a->display)
		return xstrdup(a->display);
	diag_warning(file, line, 0, "the export gives no display name for the post's author%s; "
	             "the post is imported without one (never with the login)",
	             a ? "" : " (no <wp:author> for its login)");
	return NULL;
}

static bool
is_by_author(const wxr_comment *c, const wxr_author *a)
{
	if (a == NULL)
		return false;
	const char *uid = wxr_str(&c->f[WXR_C_USER_ID]);
	if (a->id && *uid && strcmp(uid, "0") != 0 && strcmp(uid, a->id) == 0)
		return true;
	char *mail = wxr_nonempty(&c->f[WXR_C_EMAIL]);
	bool same = mail && a->email && str_iequal_ascii(mail, a->email);
	free(mail);
	return same;
}

/* The item's comments into post: trashed ones, pingbacks and trackbacks
 * left out (counted in p->ntrashed and p->npingbacks), a reply to a comment that is not imported
 * made top-level with a warning. */
static void
take_comments(import_post *p, const wxr_item *it, const wxr_author *a, const char *file)
{
	size_t pings = 0, trashed = 0;
	strset *ids = strset_new();
	p->comments = xcalloc(it->ncomments ? it->ncomments : 1, sizeof *p->comments);
	int *lines = xcalloc(it->ncomments ? it->ncomments : 1, sizeof *lines);
	for (size_t i = 0; i < it->ncomments; i++) {
		const wxr_comment *c = &it->comments[i];
		const char *type = wxr_str(&c->f[WXR_C_TYPE]);
		const char *st = wxr_str(&c->f[WXR_C_APPROVED]);
		if (strcmp(type, "pingback") == 0 || strcmp(type, "trackback") == 0) {
			pings++;
			continue;
		}
		if (strcmp(st, "trash") == 0 || strcmp(st, "post-trashed") == 0) {
			trashed++;
			continue;
		}
		lines[p->ncomments] = c->line;
		import_comment *ic = &p->comments[p->ncomments++];
		ic->id = wxr_nonempty(&c->f[WXR_C_ID]);
		if (ic->id == NULL)
			ic->id = xasprintf("line-%d", c->line);
		if (!strset_add(ids, ic->id))
			diag_warning(file, c->line, 0, "a second comment with id %s", ic->id);
		char *who = wxr_nonempty(&c->f[WXR_C_AUTHOR]);
		ic->author = who ? wxr_plain_text(who) : NULL; /* "O&#8217;Brien" */
		free(who);
		char *url = wxr_nonempty(&c->f[WXR_C_URL]);
		if (url && (str_starts_with(url, "http://") || str_starts_with(url, "https://")) &&
		    url_is_safe(url, true))
			ic->author_url = url;
		else
			free(url);
		ic->date = wp_date(wxr_str(&c->f[WXR_C_DATE_GMT]), true);
		if (ic->date == NULL)
			ic->date = wp_date(wxr_str(&c->f[WXR_C_DATE]), false);
		if (ic->date == NULL)
			diag_warning(file, c->line, 0, "comment %s has no date; it is imported without one",
			             ic->id);
		if (strcmp(st, "1") == 0 || strcmp(st, "approve") == 0)
			ic->status = IMPORT_APPROVED;
		else if (strcmp(st, "spam") == 0)
			ic->status = IMPORT_SPAM;
		else {
			if (strcmp(st, "0") != 0 && strcmp(st, "hold") != 0)
				diag_warning(file, c->line, 0, "comment %s: unknown comment_approved '%s'; "
				             "imported as pending", ic->id, st);
			ic->status = IMPORT_PENDING;
		}
		ic->by_post_author = is_by_author(c, a);
		ic->html = xstrdup(wxr_str(&c->f[WXR_C_CONTENT]));
		char *parent = wxr_nonempty(&c->f[WXR_C_PARENT]);
		if (parent && strcmp(parent, "0") != 0)
			ic->parent_id = parent;
		else
			free(parent);
	}
	for (size_t i = 0; i < p->ncomments; i++) {
		import_comment *ic = &p->comments[i];
		if (ic->parent_id && !strset_has(ids, ic->parent_id)) {
			diag_warning(file, lines[i], 0, "comment %s answers comment %s, which is not "
			             "in the export (or is trashed); imported as a comment of its own",
			             ic->id, ic->parent_id);
			free(ic->parent_id);
			ic->parent_id = NULL;
		}
	}
	strset_free(ids);
	free(lines);
	p->npingbacks = pings;
	p->ntrashed = trashed;
}


void
wxr_post_fill(import_post *p, wxr_item *it, const wxr_author *a, bool has_login, const char *file)
{
	memset(p, 0, sizeof *p);
	p->id = wxr_nonempty(&it->f[WXR_F_ID]);
	p->slug = wxr_nonempty(&it->f[WXR_F_NAME]);
	char *t = wxr_nonempty(&it->f[WXR_F_TITLE]);
	p->title = t ? wxr_plain_text(t) : NULL;
	free(t);
	p->link = wxr_nonempty(&it->f[WXR_F_LINK]);
	if (p->link == NULL)
		p->link = wxr_nonempty(&it->f[WXR_F_GUID]);
	p->author = display_name(has_login ? a : NULL, file, it->line);
	p->date = wxr_item_date(it);
	if (p->date == NULL)
		diag_warning(file, it->line, 0, "post %s has no date", p->id ? p->id : "?");
	p->modified = wp_date(wxr_str(&it->f[WXR_F_MODIFIED_GMT]), true);
	if (p->modified == NULL)
		p->modified = wp_date(wxr_str(&it->f[WXR_F_MODIFIED]), false);
	p->ncategories = it->cat_names.n;
	p->nterms = it->cat_names.n + it->tag_names.n;
	p->terms = xcalloc(p->nterms ? p->nterms : 1, sizeof *p->terms);
	for (size_t i = 0; i < p->nterms; i++)
		p->terms[i] = xstrdup(i < p->ncategories ? it->cat_names.items[i]
		                                        : it->tag_names.items[i - p->ncategories]);
	char *ex = wxr_nonempty(&it->f[WXR_F_EXCERPT]);
	if (ex) {
		p->excerpt = html_md_text(ex);
		if (*p->excerpt == '\0') {
			free(p->excerpt);
			p->excerpt = NULL;
		}
	}
	free(ex);
	p->content_html = strbuf_take(&it->f[WXR_F_CONTENT]);
	if (p->content_html == NULL)
		p->content_html = xstrdup("");
	p->content_is_raw = true;
	take_comments(p, it, a, file);
}
