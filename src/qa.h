/* qa.h - reader comments: threads, moderation, the Reader Q&A chapter,
 * and the spam heuristic that helps an editor curate. */
#ifndef MKBOOK_QA_H
#define MKBOOK_QA_H

#include "book.h"

typedef struct qa_stats {
	int in_book;    /* approved comments written into the book */
	int spam;       /* status: spam, left out */
	int pending;    /* status: pending, left out (each named in a warning) */
	int orphaned;   /* approved replies left out because what they answer is not in the book */
} qa_stats;

/* Checks the comments of the CHAPTER_QA chapter c (ids unique in the book,
 * reply-to naming a known comment, no cycles: each an error naming the
 * file and line), builds the threads ordered by date, and renders the
 * page with the approved comments only: one section per thread with a
 * heading, in c->toc as one entry per thread below the chapter's own
 * heading. Comment bodies are untrusted Markdown. Adds every id of the
 * page to ids, and to *stats. Returns the page's document; caller frees. */
xmlDocPtr qa_render(const book *b, chapter *c, strset *ids, qa_stats *stats);

/* For --check: warns about every comment whose status is not spam but
 * that looks like spam, naming the file and the reasons. */
void qa_flag_spam(const book *b, const chapter *c);

/* The spam score of a comment (higher is more suspect; 0 clean) against
 * the book's own vocabulary; appends human-readable reasons, separated by
 * "; ", to reasons when not NULL. */
int qa_spam_score(const book *b, const comment *cm, strbuf *reasons);
/* The score from which a comment is flagged. */
#define QA_SPAM_THRESHOLD 3

#endif
