/* strmap.h - hash tables keyed by strings: a set (strset) and a map to
 * opaque pointers (strmap), open addressing with linear probing. */
#ifndef MKBOOK_STRMAP_H
#define MKBOOK_STRMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A set of strings with O(1) look-up; keys are copied. */
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

/* A map from string to an opaque pointer (not owned). */
typedef struct strmap strmap;
strmap *strmap_new(void);
void strmap_free(strmap *m);
void strmap_put(strmap *m, const char *key, void *value); /* replaces */
void *strmap_get(const strmap *m, const char *key);

uint64_t strmap_hash(const void *data, size_t n);

/* Calls fn for every key of s, in no particular order. */
void strset_each(const strset *s, void (*fn)(const char *key, void *arg), void *arg);
/* Frees m and, with free(), every value it holds. */
void strmap_free_values(strmap *m);

#endif
