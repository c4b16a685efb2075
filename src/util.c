/* util.c - memory, strings, buffers, hash tables, files and paths. */
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void
out_of_memory(size_t n)
{
	fprintf(stderr, "mkbook: error: out of memory (asked for %zu bytes)\n", n);
	abort();
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (p == NULL)
		out_of_memory(n);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (p == NULL)
		out_of_memory(n * size);
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (q == NULL)
		out_of_memory(n);
	return q;
}

void *
xgrow(void *p, size_t n, size_t size)
{
	if (n != 0 && (n & (n - 1)) != 0)
		return p; /* room left: the capacity is the power of two above n */
	if (n > SIZE_MAX / 2 / (size ? size : 1))
		out_of_memory(SIZE_MAX);
	return xrealloc(p, (n ? 2 * n : 1) * size);
}

char *
xstrdup(const char *s)
{
	return s ? xstrndup(s, strlen(s)) : NULL;
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		out_of_memory(0);
	char *p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

/* ---- strbuf ---- */

void
sb_append(strbuf *sb, const char *s, size_t n)
{
	if (sb->len + n + 1 > sb->cap) {
		size_t cap = sb->cap ? sb->cap : 64;
		while (cap < sb->len + n + 1)
			cap *= 2;
		sb->data = xrealloc(sb->data, cap);
		sb->cap = cap;
	}
	if (n)
		memcpy(sb->data + sb->len, s, n);
	sb->len += n;
	sb->data[sb->len] = '\0';
}

void
sb_puts(strbuf *sb, const char *s)
{
	sb_append(sb, s, strlen(s));
}

void
sb_putc(strbuf *sb, char c)
{
	sb_append(sb, &c, 1);
}

void
sb_printf(strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = xvasprintf(fmt, ap);
	va_end(ap);
	sb_puts(sb, p);
	free(p);
}

char *
sb_take(strbuf *sb)
{
	char *p = sb->data ? sb->data : xstrdup("");
	/* The caller may keep it long (a heading's text for the table of
	 * contents): no room to spare. */
	if (sb->data && sb->cap > sb->len + 1)
		p = xrealloc(p, sb->len + 1);
	sb->data = NULL;
	sb->len = sb->cap = 0;
	return p;
}

void
sb_free(strbuf *sb)
{
	free(sb->data);
	sb->data = NULL;
	sb->len = sb->cap = 0;
}

/* ---- strlist ---- */

void
strlist_push_owned(strlist *l, char *s)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->items = xrealloc(l->items, l->cap * sizeof *l->items);
	}
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
	l->n = l->cap = 0;
}

/* ---- hash tables (open addressing, linear probing) ---- */

uint64_t
hash_fnv1a(const void *data, size_t n)
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
	size_t i = (size_t)hash_fnv1a(key, strlen(key)) & mask;
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
	size_t i = (size_t)hash_fnv1a(key, strlen(key)) & mask;
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

/* ---- strings ---- */

bool
str_starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

bool
str_ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

bool
str_iequal_ascii(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a, y = *b;
		if (x >= 'A' && x <= 'Z')
			x += 32;
		if (y >= 'A' && y <= 'Z')
			y += 32;
		if (x != y)
			return false;
	}
	return *a == *b;
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

char *
str_trim(char *s)
{
	size_t n = strlen(s);
	while (n > 0 && is_space(s[n - 1]))
		s[--n] = '\0';
	size_t i = 0;
	while (is_space(s[i]))
		i++;
	if (i)
		memmove(s, s + i, n - i + 1);
	return s;
}

/* ---- files ---- */

int
file_read(const char *path, char **data, size_t *len, size_t max)
{
	bool regular;
	return file_read_stat(path, data, len, max, &regular);
}

int
file_read_stat(const char *path, char **data, size_t *len, size_t max, bool *regular)
{
	*data = NULL;
	*len = 0;
	*regular = false;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno;
	struct stat st;
	if (fstat(fd, &st) != 0) {
		int e = errno;
		close(fd);
		return e;
	}
	if (S_ISDIR(st.st_mode)) {
		close(fd);
		return EISDIR;
	}
	if (max && S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max) {
		close(fd);
		return EFBIG;
	}
	*regular = S_ISREG(st.st_mode);
	strbuf sb = {0};
	char chunk[65536];
	for (;;) {
		ssize_t r = read(fd, chunk, sizeof chunk);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			int e = errno;
			close(fd);
			sb_free(&sb);
			return e;
		}
		if (r == 0)
			break;
		sb_append(&sb, chunk, (size_t)r);
		if (max && sb.len > max) {
			close(fd);
			sb_free(&sb);
			return EFBIG;
		}
	}
	close(fd);
	*len = sb.len;
	*data = sb_take(&sb);
	return 0;
}

/* ---- paths ---- */

char *
path_join(const char *a, const char *b)
{
	if (a == NULL || *a == '\0')
		return xstrdup(b);
	size_t n = strlen(a);
	return xasprintf("%s%s%s", a, a[n - 1] == '/' ? "" : "/", b);
}

char *
path_dirname(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup("");
}

const char *
path_basename(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

char *
path_normalize_relative(const char *path)
{
	if (path[0] == '/')
		return NULL;
	strlist parts = {0};
	const char *p = path;
	while (*p) {
		const char *end = strchr(p, '/');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		if (n == 0 || (n == 1 && p[0] == '.')) {
			/* skip */
		} else if (n == 2 && p[0] == '.' && p[1] == '.') {
			if (parts.n == 0) {
				strlist_free(&parts);
				return NULL;
			}
			free(parts.items[--parts.n]);
		} else {
			strlist_push_owned(&parts, xstrndup(p, n));
		}
		p += n;
		if (*p == '/')
			p++;
	}
	strbuf sb = {0};
	for (size_t i = 0; i < parts.n; i++) {
		if (i)
			sb_putc(&sb, '/');
		sb_puts(&sb, parts.items[i]);
	}
	strlist_free(&parts);
	return sb_take(&sb);
}

/* ---- SHA-1 (FIPS 180-4), for name-based UUIDs only ---- */

static uint32_t
rol32(uint32_t x, int n)
{
	return (x << n) | (x >> (32 - n));
}

static void
sha1_block(uint32_t h[5], const unsigned char *blk)
{
	uint32_t w[80];
	for (int t = 0; t < 16; t++)
		w[t] = (uint32_t)blk[4 * t] << 24 | (uint32_t)blk[4 * t + 1] << 16 |
		       (uint32_t)blk[4 * t + 2] << 8 | blk[4 * t + 3];
	for (int t = 16; t < 80; t++)
		w[t] = rol32(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
	uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
	for (int t = 0; t < 80; t++) {
		uint32_t f, k;
		if (t < 20) {
			f = (b & c) | (~b & d);
			k = 0x5A827999;
		} else if (t < 40) {
			f = b ^ c ^ d;
			k = 0x6ED9EBA1;
		} else if (t < 60) {
			f = (b & c) | (b & d) | (c & d);
			k = 0x8F1BBCDC;
		} else {
			f = b ^ c ^ d;
			k = 0xCA62C1D6;
		}
		uint32_t tmp = rol32(a, 5) + f + e + k + w[t];
		e = d;
		d = c;
		c = rol32(b, 30);
		b = a;
		a = tmp;
	}
	h[0] += a;
	h[1] += b;
	h[2] += c;
	h[3] += d;
	h[4] += e;
}

void
sha1_digest(const void *data, size_t len, unsigned char out[20])
{
	uint32_t h[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
	const unsigned char *p = data;
	size_t left = len;
	while (left >= 64) {
		sha1_block(h, p);
		p += 64;
		left -= 64;
	}
	unsigned char tail[128] = {0};
	memcpy(tail, p, left);
	tail[left] = 0x80;
	size_t tlen = left + 1 + 8 <= 64 ? 64 : 128;
	uint64_t bits = (uint64_t)len * 8;
	for (int i = 0; i < 8; i++)
		tail[tlen - 1 - i] = (unsigned char)(bits >> (8 * i));
	sha1_block(h, tail);
	if (tlen == 128)
		sha1_block(h, tail + 64);
	for (int i = 0; i < 5; i++) {
		out[4 * i] = (unsigned char)(h[i] >> 24);
		out[4 * i + 1] = (unsigned char)(h[i] >> 16);
		out[4 * i + 2] = (unsigned char)(h[i] >> 8);
		out[4 * i + 3] = (unsigned char)h[i];
	}
}

char *
uuid_v5_urn(const char *name)
{
	/* The URL namespace of RFC 4122, appendix C. */
	static const unsigned char ns[16] = {0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
	                                     0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};
	size_t n = strlen(name);
	unsigned char *buf = xmalloc(16 + n);
	memcpy(buf, ns, 16);
	memcpy(buf + 16, name, n);
	unsigned char d[20];
	sha1_digest(buf, 16 + n, d);
	free(buf);
	d[6] = (unsigned char)((d[6] & 0x0f) | 0x50);
	d[8] = (unsigned char)((d[8] & 0x3f) | 0x80);
	return xasprintf("urn:uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
	                 "%02x%02x%02x%02x%02x%02x",
	                 d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8], d[9], d[10],
	                 d[11], d[12], d[13], d[14], d[15]);
}

/* ---- dates ---- */

static int
parse_digits(const char **p, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if ((*p)[i] < '0' || (*p)[i] > '9')
			return -1;
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	return v;
}

static long long
days_from_civil(long long y, int m, int d)
{
	/* Howard Hinnant's algorithm for the proleptic Gregorian calendar. */
	y -= m <= 2;
	long long era = (y >= 0 ? y : y - 399) / 400;
	long long yoe = y - era * 400;
	long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int
days_in_month(int y, int m)
{
	static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

int
iso8601_parse(const char *s, int *year, int *month, int *day, long long *epoch)
{
	const char *p = s;
	int y = parse_digits(&p, 4), m = 0, d = 0, prec = 1;
	long long secs = 0;
	if (y < 0)
		return 0;
	if (*p == '-') {
		p++;
		m = parse_digits(&p, 2);
		if (m < 1 || m > 12)
			return 0;
		prec = 2;
		if (*p == '-') {
			p++;
			d = parse_digits(&p, 2);
			if (d < 1 || d > days_in_month(y, m))
				return 0;
			prec = 3;
			if (*p == 'T' || *p == 't' || *p == ' ') {
				p++;
				int hh = parse_digits(&p, 2), mm = 0, ss = 0;
				if (hh < 0 || hh > 23 || *p++ != ':')
					return 0;
				mm = parse_digits(&p, 2);
				if (mm < 0 || mm > 59)
					return 0;
				if (*p == ':') {
					p++;
					ss = parse_digits(&p, 2);
					if (ss < 0 || ss > 60)
						return 0;
					if (*p == '.') {
						p++;
						if (*p < '0' || *p > '9')
							return 0;
						while (*p >= '0' && *p <= '9')
							p++;
					}
				}
				secs = hh * 3600LL + mm * 60LL + ss;
				if (*p == 'Z' || *p == 'z') {
					p++;
				} else if (*p == '+' || *p == '-') {
					int sign = *p++ == '+' ? 1 : -1;
					int oh = parse_digits(&p, 2);
					if (oh < 0 || oh > 23)
						return 0;
					if (*p == ':')
						p++;
					int om = parse_digits(&p, 2);
					if (om < 0 || om > 59)
						return 0;
					secs -= sign * (oh * 3600LL + om * 60LL);
				}
				prec = 4;
			}
		}
	}
	if (*p != '\0')
		return 0;
	if (year)
		*year = y;
	if (month)
		*month = m;
	if (day)
		*day = d;
	if (epoch && prec >= 3)
		*epoch = days_from_civil(y, m, d) * 86400LL + secs;
	return prec;
}

char *
iso8601_format_utc(long long epoch)
{
	long long days = epoch >= 0 ? epoch / 86400 : -((-epoch + 86399) / 86400);
	long long rem = epoch - days * 86400;
	/* civil_from_days, the inverse of days_from_civil. */
	long long z = days + 719468;
	long long era = (z >= 0 ? z : z - 146096) / 146097;
	long long doe = z - era * 146097;
	long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long long y = yoe + era * 400;
	long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long long mp = (5 * doy + 2) / 153;
	int d = (int)(doy - (153 * mp + 2) / 5 + 1);
	int m = (int)(mp < 10 ? mp + 3 : mp - 9);
	y += m <= 2;
	return xasprintf("%04lld-%02d-%02dT%02d:%02d:%02dZ", y, m, d, (int)(rem / 3600),
	                 (int)(rem / 60 % 60), (int)(rem % 60));
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
