/* wxr.h - inside the WordPress export reader: what wxr.c (the streamed
 * document), wxr_item.c (an item's values into the post model),
 * wxr_expand.c (galleries, reusable blocks) and wxr_related.c (related
 * posts) share. Not for other modules: they use wxr_read and wxr_list
 * from import.h. */
#ifndef MKBOOK_IMPORT_WXR_H
#define MKBOOK_IMPORT_WXR_H

#include <stddef.h>

#include "import/post.h"
#include "util.h"

/* The values of an <item> that are kept as text, by element. */
enum {
	WXR_F_TITLE, WXR_F_LINK, WXR_F_PUBDATE, WXR_F_CREATOR, WXR_F_GUID, WXR_F_CONTENT,
	WXR_F_EXCERPT, WXR_F_ID, WXR_F_DATE, WXR_F_DATE_GMT, WXR_F_MODIFIED, WXR_F_MODIFIED_GMT,
	WXR_F_NAME, WXR_F_STATUS, WXR_F_TYPE, WXR_F_ATTACHMENT_URL, WXR_F_PARENT, WXR_F_PASSWORD,
	WXR_F_NFIELDS
};

/* A comment's values; its author's IP address is not among them. */
enum {
	WXR_C_ID, WXR_C_AUTHOR, WXR_C_EMAIL, WXR_C_URL, WXR_C_DATE, WXR_C_DATE_GMT, WXR_C_CONTENT,
	WXR_C_APPROVED, WXR_C_TYPE, WXR_C_PARENT, WXR_C_USER_ID, WXR_C_NFIELDS
};

enum { WXR_A_LOGIN, WXR_A_DISPLAY, WXR_A_EMAIL, WXR_A_ID, WXR_A_FIRST, WXR_A_LAST, WXR_A_NFIELDS };

typedef struct wxr_author {
	char *display; /* display name, or NULL */
	char *email;   /* compared with commenters', never written */
	char *id;
} wxr_author;

typedef struct wxr_comment {
	strbuf f[WXR_C_NFIELDS];
	int line;
} wxr_comment;

/* The <item> being read; its buffers are reused from item to item. */
typedef struct wxr_item {
	strbuf f[WXR_F_NFIELDS];
	int line;
	strlist cat_names, cat_keys, tag_names, tag_keys;
	strbuf meta_key, meta_value;
	char *thumbnail_id;
	char *image_alt;   /* an attachment's _wp_attachment_image_alt */
	wxr_comment *comments;
	size_t ncomments, cap;
} wxr_item;

/* ---- wxr_expand.c: attachments and reusable blocks ---- */

typedef struct wxr_attachment {
	char *id, *parent, *url, *alt; /* parent and alt may be NULL */
} wxr_attachment;

/* The export's attachments, and its reusable blocks (wp_block items). */
typedef struct wxr_media {
	wxr_attachment *items;
	size_t n;
	strmap *by_id;   /* id -> index + 1 */
	strmap *blocks;  /* id -> body (owned) */
} wxr_media;

void wxr_media_init(wxr_media *m);
void wxr_media_free(wxr_media *m);
/* Adds an attachment; takes the strings (id and url not NULL). */
void wxr_media_add(wxr_media *m, char *id, char *parent, char *url, char *alt);
const wxr_attachment *wxr_media_get(const wxr_media *m, const char *id);
/* html with each [gallery] replaced by its images and each reusable-block
 * reference by the block's body; NULL when there is nothing to replace.
 * Caller frees. */
char *wxr_expand(const char *html, const wxr_media *m, const char *post_id);

/* ---- wxr_item.c: an item's values ---- */

/* The buffer's text; "" when nothing was added. */
const char *wxr_str(const strbuf *sb);
/* Empties sb, keeping its memory. */
void wxr_clear(strbuf *sb);
/* sb's text trimmed, or NULL when only white space. Caller frees. */
char *wxr_nonempty(const strbuf *sb);
/* Plain text of a title or name that may hold markup or entities. Caller frees. */
char *wxr_plain_text(const char *s);
/* The item's date as ISO 8601: wp:post_date_gmt, else pubDate, else
 * wp:post_date (local time, no zone); NULL when none. Caller frees. */
char *wxr_item_date(const wxr_item *it);
/* Seconds since 1970 of an ISO 8601 date; 0 for NULL or no date. */
long long wxr_date_epoch(const char *iso);
/* The opening of html, up to about max bytes, cut before a tag that the
 * cut would split. Caller frees. */
char *wxr_body_opening(const char *html, size_t max);

void wxr_item_reset(wxr_item *it);
void wxr_item_free(wxr_item *it);
/* A new, empty comment at the end of it->comments. */
wxr_comment *wxr_item_new_comment(wxr_item *it, int line);
/* Whether the item answers --post ARG: its id, slug, permalink or guid
 * (addresses compared without scheme and trailing slash). */
bool wxr_is_asked_for(const wxr_item *it, const char *arg);
/* Whether the item is in the category called or nicenamed name. */
bool wxr_in_category(const wxr_item *it, const char *name);
/* Its comments that WordPress approved, pingbacks and trackbacks aside. */
size_t wxr_approved_comments(const wxr_item *it);
/* Fills *p (all of it) from the item, a published post: the body is taken
 * from it->f[WXR_F_CONTENT]; comments are filtered and threaded, the author's
 * replies found by author (NULL when the export has no <wp:author> for the
 * post's login; has_login tells whether there was a login). Warns through
 * diag with file. */
void wxr_post_fill(import_post *p, wxr_item *it, const wxr_author *author, bool has_login,
                   const char *file);

/* What the export says of a published post that is not imported: enough to
 * choose and describe related posts, never its body. */
typedef struct wxr_brief {
	char *id;
	char *title;   /* plain text */
	char *link;
	char *date;    /* ISO 8601 or NULL */
	long long epoch; /* of date; 0 when none */
	char *summary_html; /* the excerpt, or the opening of the body (HTML) */
	size_t *terms; /* term numbers (wxr_terms), sorted */
	size_t nterms;
} wxr_brief;

void wxr_brief_free(wxr_brief *b);

/* Fills post->related with up to n of the nbriefs posts (never the post
 * itself, known by id) that share the most terms with terms[0..nterms),
 * ties going to the closest in date (epoch), then to the lower index.
 * A post that shares no term is not related. terms are sorted. */
void wxr_related_pick(import_post *post, const size_t *terms, size_t nterms,
                      long long epoch, const wxr_brief *briefs, size_t nbriefs, size_t n);

/* A summary for a related post: the plain text of html, cut after its first
 * sentences (about 300 bytes at most, at a sentence or word end), shortcodes
 * and block comments left out. NULL when nothing is left. Caller frees. */
char *wxr_summary(const char *html);

#endif
