/* strset.c - sets of strings; see strset.h. */
#include "strset.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strmap.h"
#include "xalloc.h"

/* A set is a map whose values are the set itself, until strset_freeze
 * packs it: then its keys stand in one block, in the map's slot order (so
 * that strset_each keeps its order), the table holds their offsets, and
 * the map is freed. */
struct strset {
	strmap *map;       /* NULL once frozen */
	char *keys;        /* frozen: every key, each ended by '\0' */
	size_t keys_len;
	uint32_t *offsets; /* frozen: offset + 1 of a key in keys, 0 = empty */
	size_t cap;        /* frozen: power of two */
	size_t n;          /* frozen: how many keys */
};

strset *
strset_new(void)
{
	strset *s = xcalloc(1, sizeof(strset));
	s->map = strmap_new();
	return s;
}

void
strset_free(strset *s)
{
	if (s == NULL)
		return;
	strmap_free(s->map);
	free(s->keys);
	free(s->offsets);
	free(s);
}

bool
strset_add(strset *s, const char *key)
{
	if (s->map == NULL) {
		fputs("mkbook: internal error: a key added to a frozen set\n", stderr);
		abort();
	}
	return strmap_put(s->map, key, s);
}

/* The slot of key in a frozen set: where it is, or the empty slot where
 * it would be. */
static size_t
frozen_find(const strset *s, const char *key)
{
	size_t mask = s->cap - 1;
	size_t i = (size_t)strmap_hash(key, strlen(key)) & mask;
	while (s->offsets[i] != 0 && strcmp(s->keys + s->offsets[i] - 1, key) != 0)
		i = (i + 1) & mask;
	return i;
}

bool
strset_has(const strset *s, const char *key)
{
	if (s->map == NULL)
		return s->cap > 0 && s->offsets[frozen_find(s, key)] != 0;
	return strmap_get(s->map, key) != NULL;
}

static void
add_key_bytes(const char *key, void *value, void *arg)
{
	(void)value;
	*(size_t *)arg += strlen(key) + 1;
}

static void
pack_key(const char *key, void *value, void *arg)
{
	(void)value;
	strset *s = arg;
	size_t len = strlen(key) + 1;
	memcpy(s->keys + s->keys_len, key, len);
	s->offsets[frozen_find(s, key)] = (uint32_t)s->keys_len + 1;
	s->keys_len += len;
}

void
strset_freeze(strset *s)
{
	if (s->map == NULL)
		return;
	size_t bytes = 0, n = strmap_count(s->map);
	strmap_each(s->map, add_key_bytes, &bytes);
	if (bytes >= UINT32_MAX || n > UINT32_MAX / 4)
		return; /* stays as it is: still correct, only larger */
	s->keys = xmalloc(bytes);
	s->cap = 1;
	while (s->cap < n * 2)
		s->cap *= 2;
	s->offsets = xcalloc(s->cap, sizeof *s->offsets);
	s->keys_len = 0;
	strmap_each(s->map, pack_key, s);
	s->n = n;
	strmap_free(s->map);
	s->map = NULL;
}

size_t
strset_count(const strset *s)
{
	return s->map ? strmap_count(s->map) : s->n;
}

struct each_key {
	void (*fn)(const char *key, void *arg);
	void *arg;
};

static void
call_with_key(const char *key, void *value, void *arg)
{
	(void)value;
	struct each_key *e = arg;
	e->fn(key, e->arg);
}

void
strset_each(const strset *s, void (*fn)(const char *key, void *arg), void *arg)
{
	if (s->map) {
		strmap_each(s->map, call_with_key, &(struct each_key){fn, arg});
		return;
	}
	for (size_t at = 0; at < s->keys_len; at += strlen(s->keys + at) + 1)
		fn(s->keys + at, arg);
}
