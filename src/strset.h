/* strset.h - a set of strings with O(1) look-up, built on strmap.h; keys
 * are copied. */
#ifndef MKBOOK_STRSET_H
#define MKBOOK_STRSET_H

#include <stdbool.h>
#include <stddef.h>

typedef struct strset strset;
strset *strset_new(void);
void strset_free(strset *s);
/* Adds key; returns false when it was already there. */
bool strset_add(strset *s, const char *key);
bool strset_has(const strset *s, const char *key);
/* Makes s read-only and about three times smaller (its keys in one block,
 * a table of offsets): for sets kept long after they are filled, such as
 * a chapter's ids. strset_add on a frozen set aborts; strset_each keeps
 * the order it had. */
void strset_freeze(strset *s);
size_t strset_count(const strset *s);
/* Calls fn for every key of s, in no particular order (the same order for
 * the same keys added in the same order, frozen or not). */
void strset_each(const strset *s, void (*fn)(const char *key, void *arg), void *arg);

#endif
