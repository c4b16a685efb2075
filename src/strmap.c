/* strmap.c - hash tables keyed by strings; see strmap.h. */
#include "strmap.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* ---- hash tables (open addressing, linear probing) ---- */

uint64_t
strmap_hash(const void *data, size_t n)
{
	const unsigned char *p = data;
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= p[i];
		h *= 1099511628211ULL;
	}
	return h;
}

struct slot {
	char *key;
	void *value;
};

struct strmap {
	struct slot *slots;
	size_t cap; /* power of two */
	size_t n;
};

/* A set is a map whose values are the set itself, until strset_freeze
 * packs it: then its keys stand in one block, in the map's slot order (so
 * that strset_each keeps its order), and the table holds their offsets. */
struct strset {
	strmap map;
	char *keys;        /* frozen: every key, each ended by '\0' */
	size_t keys_len;
	uint32_t *offsets; /* frozen: offset + 1 of a key in keys, 0 = empty */
	size_t cap;        /* frozen: power of two */
	bool frozen;
};

static size_t
map_find(const strmap *m, const char *key)
{
	size_t mask = m->cap - 1;
	size_t i = (size_t)strmap_hash(key, strlen(key)) & mask;
	while (m->slots[i].key != NULL && strcmp(m->slots[i].key, key) != 0)
		i = (i + 1) & mask;
	return i;
}

static void
map_grow(strmap *m)
{
	struct slot *old = m->slots;
	size_t oldcap = m->cap;
	m->cap = oldcap ? oldcap * 2 : 16;
	m->slots = xcalloc(m->cap, sizeof *m->slots);
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].key != NULL)
			m->slots[map_find(m, old[i].key)] = old[i];
	free(old);
}

/* Returns true when key was new. */
static bool
map_put(strmap *m, const char *key, void *value)
{
	if ((m->n + 1) * 2 > m->cap)
		map_grow(m);
	size_t i = map_find(m, key);
	if (m->slots[i].key != NULL) {
		m->slots[i].value = value;
		return false;
	}
	m->slots[i].key = xstrdup(key);
	m->slots[i].value = value;
	m->n++;
	return true;
}

static void
map_clear(strmap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->slots[i].key);
	free(m->slots);
}

strmap *
strmap_new(void)
{
	return xcalloc(1, sizeof(strmap));
}

void
strmap_free(strmap *m)
{
	if (m == NULL)
		return;
	map_clear(m);
	free(m);
}

void
strmap_put(strmap *m, const char *key, void *value)
{
	map_put(m, key, value);
}

void *
strmap_get(const strmap *m, const char *key)
{
	if (m == NULL || m->cap == 0)
		return NULL;
	return m->slots[map_find(m, key)].value;
}

strset *
strset_new(void)
{
	return xcalloc(1, sizeof(strset));
}

void
strset_free(strset *s)
{
	if (s == NULL)
		return;
	map_clear(&s->map);
	free(s->keys);
	free(s->offsets);
	free(s);
}

bool
strset_add(strset *s, const char *key)
{
	if (s->frozen) {
		fputs("mkbook: internal error: a key added to a frozen set\n", stderr);
		abort();
	}
	return map_put(&s->map, key, s);
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
	if (s->frozen)
		return s->cap > 0 && s->offsets[frozen_find(s, key)] != 0;
	return strmap_get(&s->map, key) != NULL;
}

void
strset_freeze(strset *s)
{
	if (s->frozen)
		return;
	size_t bytes = 0;
	for (size_t i = 0; i < s->map.cap; i++)
		if (s->map.slots[i].key)
			bytes += strlen(s->map.slots[i].key) + 1;
	if (bytes >= UINT32_MAX || s->map.n > UINT32_MAX / 4)
		return; /* stays as it is: still correct, only larger */
	s->keys = xmalloc(bytes);
	s->cap = 1;
	while (s->cap < s->map.n * 2)
		s->cap *= 2;
	s->offsets = xcalloc(s->cap, sizeof *s->offsets);
	size_t at = 0;
	for (size_t i = 0; i < s->map.cap; i++) {
		const char *k = s->map.slots[i].key;
		if (k == NULL)
			continue;
		size_t len = strlen(k) + 1;
		memcpy(s->keys + at, k, len);
		s->offsets[frozen_find(s, k)] = (uint32_t)at + 1;
		at += len;
	}
	s->keys_len = at;
	map_clear(&s->map);
	s->map.slots = NULL;
	s->map.cap = 0;
	s->frozen = true;
}

size_t
strset_count(const strset *s)
{
	return s->map.n; /* kept by strset_freeze */
}

void
strset_each(const strset *s, void (*fn)(const char *key, void *arg), void *arg)
{
	if (s->frozen) {
		for (size_t at = 0; at < s->keys_len; at += strlen(s->keys + at) + 1)
			fn(s->keys + at, arg);
		return;
	}
	for (size_t i = 0; i < s->map.cap; i++)
		if (s->map.slots[i].key)
			fn(s->map.slots[i].key, arg);
}

void
strmap_free_values(strmap *m)
{
	if (m == NULL)
		return;
	for (size_t i = 0; i < m->cap; i++)
		free(m->slots[i].value);
	strmap_free(m);
}
