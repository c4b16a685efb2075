/* strlist.h - a growable array of owned strings. Memory comes from the
 * aborting allocators (xalloc.h). */
#ifndef MKBOOK_STRLIST_H
#define MKBOOK_STRLIST_H

#include <stdbool.h>
#include <stddef.h>

typedef struct strlist {
	char **items; /* grown with xgrow only */
	size_t n;
} strlist;

void strlist_push(strlist *l, const char *s); /* copies s */
void strlist_push_owned(strlist *l, char *s); /* takes s */
bool strlist_contains(const strlist *l, const char *s);
void strlist_free(strlist *l);

#endif
