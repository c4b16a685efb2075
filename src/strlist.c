/* strlist.c - a growable array of owned strings; see strlist.h. */
#include "strlist.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void
strlist_push_owned(strlist *l, char *s)
{
	l->items = xgrow(l->items, l->n, sizeof *l->items);
	l->items[l->n++] = s;
}

void
strlist_push(strlist *l, const char *s)
{
	strlist_push_owned(l, xstrdup(s));
}

bool
strlist_contains(const strlist *l, const char *s)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->items[i], s) == 0)
			return true;
	return false;
}

void
strlist_free(strlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->items[i]);
	free(l->items);
	l->items = NULL;
	l->n = 0;
}
