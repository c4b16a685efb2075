/* strmap.c - a hash table keyed by strings; see strmap.h. */
#include "strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

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
	for (size_t i = 0; i < m->cap; i++)
		free(m->slots[i].key);
	free(m->slots);
	free(m);
}

bool
strmap_put(strmap *m, const char *key, void *value)
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

void *
strmap_get(const strmap *m, const char *key)
{
	if (m == NULL || m->cap == 0)
		return NULL;
	return m->slots[map_find(m, key)].value;
}

size_t
strmap_count(const strmap *m)
{
	return m ? m->n : 0;
}

void
strmap_each(const strmap *m, void (*fn)(const char *key, void *value, void *arg), void *arg)
{
	if (m == NULL)
		return;
	for (size_t i = 0; i < m->cap; i++)
		if (m->slots[i].key)
			fn(m->slots[i].key, m->slots[i].value, arg);
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
