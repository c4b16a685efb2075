/* spam.h - mkbook's spam heuristic (qa_spam.c) applied to the comments of
 * an imported post, judged against that post's own text. */
#ifndef MKBOOK_IMPORT_SPAM_H
#define MKBOOK_IMPORT_SPAM_H

#include "import/post.h"

typedef struct import_spam import_spam;

/* A judge for the comments of post p of site, whose text is markdown.
 * Free with import_spam_free. */
import_spam *import_spam_new(const import_site *site, const import_post *p,
                             const char *markdown);
void import_spam_free(import_spam *s);
/* The reasons (caller frees) when the comment, its body given as
 * markdown, looks like spam; NULL when it does not. */
char *import_spam_reasons(import_spam *s, const import_comment *c, const char *markdown);

#endif
