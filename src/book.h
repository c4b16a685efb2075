/* book.h - the book model: what manuscript.c loads and every later stage
 * reads. A book owns everything reachable from it; book_free releases it. */
#ifndef MKBOOK_BOOK_H
#define MKBOOK_BOOK_H

#include <stdbool.h>
#include <stddef.h>
#include <libxml/tree.h>

#include "labels.h"
#include "source.h"
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

/* One entry of a chapter's table of contents (its headings). */
typedef struct toc_entry {
	int level; /* 1..6, relative to the document */
	char *title;
	char *id;
} toc_entry;

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

/* A link to another chapter's heading, settled once every chapter is
 * rendered (links.c). */
struct link_fix {
	struct chapter *target;
	char *href;           /* as written, for messages (owned) */
	const char *fragment; /* as written: the part of href after its '#' */
	int line, col;
	/* Once settled, when the guess links_patch wrote was wrong: what stands
	 * in its place ("#id", or "" for the chapter's start); else NULL. */
	char *result;
};

/* Where links_patch wrote a guess into a page: at byte at, for fixes[fix]. */
struct link_site {
	size_t at;
	size_t fix;
};

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

	/* Filled by the renderer. */
	xmlDocPtr doc;
	toc_entry *toc;
	size_t ntoc;
	char *toc_text;    /* once compacted: every toc title and id, which
	                      the entries point into (else each is its own) */
	strset *ids;       /* every id in the document */
	strmap *id_folded; /* case-folded, percent-decoded id -> the id (owned strings) */
	bool has_svg;
	bool has_remote;
	bool has_mathml;
	bool rtl;

	/* Once written: the page compressed (the tree and the serialised page
	 * are freed), its links to other chapters' headings, settled once
	 * every chapter is rendered, where their guessed fragments stand in the
	 * page, and what the package metadata needs to know of the page. */
	char *xhtml;              /* the serialised page, only while it is made */
	size_t xhtml_len;
	struct epub_blob *packed; /* the page compressed */
	struct link_fix *fixes;
	size_t nfixes;
	struct link_site *sites;
	size_t nsites;
	int images;          /* <img> elements */
	int images_with_alt; /* of them, with a text description or alt="" by design */
	bool has_tables;
	bool has_notes;
	int a11y_unchecked;  /* what keeps mkbook from vouching for WCAG: headings
	                        that skip a level, tables without header cells,
	                        inline styles */

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
	char *date;         /* publication date as written (ISO 8601) */
	char *modified;     /* dcterms:modified, "CCYY-MM-DDThh:mm:ssZ" */
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
#define MKBOOK_MAX_CHAPTERS 100000
#define MKBOOK_MAX_DEPTH 200                /* nesting of blocks and HTML */

book *book_new(const char *dir);
void book_free(book *b);
/* Appends a chapter (the book takes it). */
void book_add_chapter(book *b, chapter *c);
chapter *chapter_new(enum chapter_kind kind);
void chapter_free(chapter *c);
/* Once the page is made: packs what the chapter keeps until the book is
 * written (its table of contents, its ids, its links to other chapters)
 * into a few blocks made after the page's own memory was freed, so that
 * what a big book keeps stays compact rather than strewn among the holes
 * each page leaves in the heap. */
void chapter_compact(chapter *c);
/* Frees what only settling the links needs (the ids, the links to other
 * chapters' headings and where they stand in the page), once the page is
 * made for good: the book's largest part for the rest of the build. */
void chapter_free_links(chapter *c);
/* The label text for id: the book.yaml override, else the built-in word in
 * the book's language. Static or book-owned storage. */
const char *book_label(const book *b, enum label_id id);
/* Adds a resource (the book takes it) and indexes it by path. */
void book_add_resource(book *b, resource *r);
void resource_free(resource *r);

enum path_status { PATH_OK, PATH_FOLDER, PATH_MISSING, PATH_OUTSIDE, PATH_NOT_FILE, PATH_UNREADABLE };
/* Resolves rel (relative to the manuscript folder) to a file or folder
 * inside it, following symbolic links only while they stay inside. On
 * PATH_OK or PATH_FOLDER sets *normalized (and *fs_path unless NULL), which
 * the caller frees; otherwise sets nothing. */
enum path_status book_resolve_path(const book *b, const char *rel, char **normalized,
                                   char **fs_path);
/* "does not exist", "lies outside the manuscript folder"... */
const char *path_status_text(enum path_status st);

#endif
