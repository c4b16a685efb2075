/* build.h - the whole pipeline for one book: render every chapter,
 * resolve links and images, build the package and the container. */
#ifndef MKBOOK_BUILD_H
#define MKBOOK_BUILD_H

#include <stdbool.h>
#include <stddef.h>

#include "book.h"
#include "epub.h"
#include "qa.h"

typedef struct build_opts {
	int toc_depth;     /* 0: the book's (book.yaml, else 2) */
	bool check;        /* --check: also flag suspected spam */
	int jobs;          /* threads; 0: one per processor */
	bool kepub;        /* --kepub: Kobo spans in every chapter (kepub.h) */
	/* Called, when not NULL, after each chapter is rendered, in order, with
	 * how many of the total are done (mkbook's progress line). */
	void (*progress)(size_t done, size_t total);
} build_opts;

typedef struct build_result {
	epub_writer *epub;   /* the container, to write with epub_write; caller
	                        frees it with epub_free */
	size_t chapters;     /* content documents in the spine */
	size_t images;
	size_t media;        /* sound, video and caption files */
	qa_stats qa;
	bool has_qa;
} build_result;

/* Renders and packages b. Returns 0 with the EPUB's entries in *r, or -1
 * when errors were reported (the book must not be written). */
int build_book(book *b, const build_opts *o, build_result *r);

#endif
