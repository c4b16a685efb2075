/* strmap.h - a hash table from strings to opaque pointers, open
 * addressing with linear probing. Sets of strings (strset.h) are built on
 * it. */
#ifndef MKBOOK_STRMAP_H
#define MKBOOK_STRMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A map from string to an opaque pointer (not owned); keys are copied. */
typedef struct strmap strmap;
strmap *strmap_new(void);
void strmap_free(strmap *m);
/* Sets key's value, replacing any; returns true when key was new. */
bool strmap_put(strmap *m, const char *key, void *value);
void *strmap_get(const strmap *m, const char *key);
size_t strmap_count(const strmap *m);
/* Calls fn for every key of m with its value, in the table's slot order:
 * the same order for the same keys put in the same order. */
void strmap_each(const strmap *m, void (*fn)(const char *key, void *value, void *arg),
                 void *arg);
/* Frees m and, with free(), every value it holds. */
void strmap_free_values(strmap *m);

/* The 64-bit FNV-1a hash of n bytes, which the table uses. */
uint64_t strmap_hash(const void *data, size_t n);

#endif
