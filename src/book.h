/* book.h - the book model: what manuscript.c loads and every later stage
 * reads. A book owns everything reachable from it; book_free releases it. */
#ifndef MKBOOK_BOOK_H
#define MKBOOK_BOOK_H

#include <stdbool.h>
#include <stddef.h>
#include <libxml/tree.h>

#include "labels.h"
#include "source.h"
#include "toc.h"
#include "util.h"

/* A key's position in its file, for diagnostics (1-based; 0 = unknown). */
typedef struct srcpos {
	int line;
	int col;
} srcpos;

typedef struct book_author {
	char *name;
	char *file_as; /* sort name, "Lopez, Daniel"; computed when not given */
	char *role;    /* MARC relator code, "aut" by default */
} book_author;

enum chapter_kind {
	CHAPTER_TEXT,      /* a Markdown file of the manuscript */
	CHAPTER_COVER,     /* generated: the cover page */
	CHAPTER_TITLEPAGE, /* generated from the metadata */
	CHAPTER_QA,        /* generated: the Reader Q&A from a comments folder */
	CHAPTER_RELATED,   /* generated: the list of related posts without a body */
	CHAPTER_COLOPHON,  /* generated from the metadata */
};

enum comment_status { COMMENT_APPROVED, COMMENT_PENDING, COMMENT_SPAM };

/* A reader comment: one Markdown file of a comments folder. */
typedef struct comment {
	char *file;       /* path for diagnostics */
	char *id;
	char *author;
	char *author_url;
	char *date;       /* ISO 8601 as written */
	enum comment_status status;
	char *reply_to;   /* id, or NULL */
	char *title;      /* editor's headline, or NULL */
	bool by_author;   /* role: author */
	char *body;       /* Markdown after the front matter */
	int body_line;    /* line of the body's first line in file */
	srcpos id_pos;    /* {0, 0} when the id is the file's name */
	srcpos author_url_pos;
	srcpos reply_to_pos;
	srcpos status_pos;
} comment;

/* A related post: one Markdown file of a related folder. */
typedef struct related_post {
	char *file;
	char *title;
	char *url;
	char *date;
	char *summary;
	bool has_body; /* a post with a body becomes a chapter of its own */
} related_post;

typedef struct chapter {
	enum chapter_kind kind;
	char *path;    /* manuscript-relative source path, NULL when generated */
	char *file;    /* path for diagnostics, as the user would type it */
	char *href;    /* path inside the EPUB's content folder: "text/x.xhtml" */
	char *id;      /* manifest id */
	char *title;   /* NULL until known */
	char *lang;    /* BCP 47; NULL = the book's */
	char *source;  /* the chapter's own web address (front matter), or NULL */
	char *epub_type; /* "bodymatter", "backmatter"... for the body, or NULL */
	char *body;    /* Markdown after front matter (CHAPTER_TEXT); NULL while
	                  it waits in its file to be rendered (fs_path) */
	size_t body_len;
	int body_line; /* line number of the body's first line */
	/* A chapter read from a regular file keeps its Markdown there, not in
	 * memory, until it is rendered (manuscript_load_body): the file, what
	 * it held when loaded, and where the body starts in its normalised
	 * text. fs_path is NULL when body is held from the load on. */
	char *fs_path;
	source_stamp stamp;
	size_t body_at;
	bool unread;   /* the file changed or could not be read again: links
	                  to its headings are not checked (it is an error) */
	bool title_from_heading; /* the title is the document's first heading */

	/* Its headings, from rendering on: the chapter owns them. What the
	 * build makes of the chapter (its tree, its page) is the build's
	 * (page.h). */
	chapter_toc toc;

	/* Generated Q&A chapter: its comments (not owned; the book owns them). */
	comment **comments;
	size_t ncomments;
	/* Generated related-posts chapter. */
	related_post **related;
	size_t nrelated;
} chapter;

/* A file copied into the book (image, stylesheet, font). */
typedef struct resource {
	char *path;       /* manuscript-relative source path, NULL when generated */
	char *href;       /* path inside the content folder: "images/x.png" */
	char *id;
	char *media_type;
	char *properties; /* "cover-image" or NULL */
	unsigned char *data;
	size_t len;
} resource;

typedef struct book {
	char *dir;          /* manuscript folder as given */
	char *yaml_file;    /* path of book.yaml for diagnostics, NULL if none */

	char *title;
	char *subtitle;
	book_author *authors;
	size_t nauthors;
	char *language;     /* BCP 47, "en" by default */
	char *identifier;
	bool identifier_given; /* by book.yaml, not made up from title and authors */
	char *date;         /* publication date as written (ISO 8601) */
	char *modified;     /* dcterms:modified, "CCYY-MM-DDThh:mm:ssZ" */
	bool modified_given; /* by book.yaml, not SOURCE_DATE_EPOCH or the clock */
	char *publisher;
	char *description;
	strlist subjects;
	char *rights;
	char *source;
	char *series;
	char *series_index;
	char *cover;        /* manuscript-relative path of the cover image */
	srcpos cover_pos;
	char *stylesheet;   /* manuscript-relative path, NULL = built-in */
	srcpos stylesheet_pos;
	srcpos language_pos; /* {0, 0} when book.yaml sets none */
	char *conforms_to;  /* accessibility: conforms-to, NULL = no claim */
	char *certified_by; /* accessibility: certified-by, with conforms_to */
	int toc_depth;
	bool titlepage;     /* generate a title page (default true) */
	bool colophon;      /* generate a colophon (default true) */
	char *labels[LABEL_COUNT]; /* overrides from book.yaml, NULL = built-in */

	chapter **chapters; /* reading order */
	size_t nchapters;
	resource **resources;
	size_t nresources;
	strmap *resource_by_path; /* manuscript-relative path -> resource */
	strmap *chapter_by_path;  /* manuscript-relative .md path -> chapter */

	comment **comments; /* every comment loaded, in file order */
	size_t ncomments;
	related_post **related;
	size_t nrelated;
	/* book.yaml nest-comments: each Reader Q&A listed under the chapter
	 * it follows (also when the book has several comments folders). */
	bool nest_comments;
} book;

/* Limits, checked with a clear error each. */
#define MKBOOK_MAX_FILE_BYTES (64u << 20)   /* one Markdown or YAML file */
#define MKBOOK_MAX_IMAGE_BYTES (64u << 20)  /* one image */
#define MKBOOK_MAX_MEDIA_BYTES (256u << 20) /* one sound or video file */
#define MKBOOK_MAX_CHAPTERS 100000
#define MKBOOK_MAX_DEPTH 200                /* nesting of blocks and HTML */

book *book_new(const char *dir);
void book_free(book *b);
/* Appends a chapter (the book takes it). */
void book_add_chapter(book *b, chapter *c);
chapter *book_chapter_new(enum chapter_kind kind);
void book_chapter_free(chapter *c);
/* The label text for id: the book.yaml override, else the built-in word in
 * the book's language. Static or book-owned storage. */
const char *book_label(const book *b, enum label_id id);
/* Adds a resource (the book takes it) and indexes it by path. */
void book_add_resource(book *b, resource *r);
void book_resource_free(resource *r);

enum path_status { PATH_OK, PATH_FOLDER, PATH_MISSING, PATH_OUTSIDE, PATH_NOT_FILE, PATH_UNREADABLE };
/* Resolves rel (relative to the manuscript folder) to a file or folder
 * inside it, following symbolic links only while they stay inside. On
 * PATH_OK or PATH_FOLDER sets *normalized (and *fs_path unless NULL), which
 * the caller frees; otherwise sets nothing. */
enum path_status book_resolve_path(const book *b, const char *rel, char **normalized,
                                   char **fs_path);
/* "does not exist", "lies outside the manuscript folder"... */
const char *book_path_status_text(enum path_status st);

#endif
