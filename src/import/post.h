/* post.h - the post model that every importer fills in and one writer
 * turns into a manuscript folder (src/import/).
 *
 *   wxr.c      a WordPress export (WXR 1.0-1.2), streamed  -> import_site
 *   page.c     a page as a browser saves it (page.html)     -> import_site
 *   html_md.c  WordPress / page HTML -> Markdown (shared by both sources)
 *   writer.c   import_site -> book.yaml, chapters, qa/, related/, images/
 *
 * An import_site owns everything reachable from it; import_site_free
 * releases it. Every string is UTF-8 and owned by its struct; NULL means
 * "the source does not say" and is never replaced by an invented value
 * (a comment with no date gets none in the manuscript). */
#ifndef MKBOOK_IMPORT_POST_H
#define MKBOOK_IMPORT_POST_H

#include <stdbool.h>
#include <stddef.h>

enum import_status {
	IMPORT_APPROVED, /* WordPress comment_approved 1; every comment of a saved page */
	IMPORT_PENDING,  /* 0, or held by the spam heuristic */
	IMPORT_SPAM,     /* spam */
};

/* One reader comment. Never holds the commenter's e-mail address or IP: a
 * source compares them (to find the post author's replies) and drops them. */
typedef struct import_comment {
	char *id;          /* the source's id ("17"), unique within its post */
	char *parent_id;   /* id of the comment it answers, or NULL */
	char *author;      /* display name as the source gives it */
	char *author_url;  /* http(s) address or NULL */
	char *date;        /* ISO 8601, or NULL when the source shows none */
	enum import_status status;
	bool by_post_author;
	char *html;        /* the comment's text as HTML (untrusted) */
	char *held_because; /* the spam heuristic's reasons when it held an
	                       approved comment as pending, else NULL */
} import_comment;

/* A post the imported one points readers to. */
typedef struct import_related {
	char *title;
	char *url;
	char *date;    /* ISO 8601 or NULL */
	char *summary; /* plain text or NULL */
} import_related;

typedef struct import_post {
	char *id;          /* WordPress post id, or NULL */
	char *slug;
	char *title;
	char *link;        /* permalink / canonical address: book.yaml source */
	char *author;      /* display name, never a login */
	char *date;        /* ISO 8601 */
	char *modified;    /* ISO 8601 or NULL */
	char **terms;      /* categories then tags, as subjects */
	size_t nterms;
	size_t ncategories; /* the first ncategories of terms are categories */
	char *excerpt;     /* plain text or NULL */
	char *content_html; /* the body as the source holds it */
	bool content_is_raw; /* true: WordPress editor text (needs wpautop,
	                        shortcodes, block comments); false: rendered HTML */
	char *featured_image; /* URL of the featured image, or NULL */
	char *bio_html;    /* the author's bio (saved pages), or NULL */
	import_comment *comments; /* in source order */
	size_t ncomments;
	import_related *related;
	size_t nrelated;
	/* What the source held but left out, for the summary line. */
	size_t npingbacks;  /* pingbacks and trackbacks: not comments */
	size_t ntrashed;    /* trashed comments */
} import_post;

typedef struct import_site {
	char *file;        /* the source file, for diagnostics */
	char *title;       /* site title or NULL */
	char *link;        /* site address or NULL */
	char *language;    /* BCP 47 ("en-US") or NULL */
	char *uploads_url; /* ".../wp-content/uploads/" or NULL */
	char *base_dir;    /* saved page: the folder page.html is in, against
	                      which page_files/... addresses resolve; else NULL */
	import_post *posts; /* the posts to write, in reading order */
	size_t nposts;
} import_site;

void import_site_free(import_site *s);
/* Frees what comment c holds and zeroes it (c itself is the caller's). */
void import_comment_clear(import_comment *c);

#endif
