/* util.h - memory, strings, buffers and files shared by every stage.
 *
 * Out-of-memory policy: every x* allocator aborts with a message, so callers
 * never check for NULL from them. */
#ifndef MKBOOK_UTIL_H
#define MKBOOK_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Every libc has it (linear time); glibc declares it for _GNU_SOURCE only. */
void *memmem(const void *haystack, size_t hlen, const void *needle, size_t nlen);

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Room for item n (0-based) in an array of n items of size bytes that only
 * ever grows through xgrow: reallocates, doubling, when n is 0 or a power
 * of two, so that appending one at a time copies little even where realloc
 * cannot extend in place (AddressSanitizer, valgrind). */
void *xgrow(void *p, size_t n, size_t size);
char *xstrdup(const char *s);            /* NULL gives NULL */
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap);

/* A growable byte buffer, always NUL-terminated once anything was added. */
typedef struct strbuf {
	char *data;
	size_t len;
	size_t cap;
} strbuf;

void sb_append(strbuf *sb, const char *s, size_t n);
void sb_puts(strbuf *sb, const char *s);
void sb_putc(strbuf *sb, char c);
void sb_printf(strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hands the buffer over: the caller frees the result; sb is left empty. */
char *sb_take(strbuf *sb);
void sb_free(strbuf *sb);

/* A growable array of owned strings. */
typedef struct strlist {
	char **items;
	size_t n;
	size_t cap;
} strlist;

void strlist_push(strlist *l, const char *s); /* copies s */
void strlist_push_owned(strlist *l, char *s); /* takes s */
bool strlist_contains(const strlist *l, const char *s);
void strlist_free(strlist *l);

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

uint64_t hash_fnv1a(const void *data, size_t n);

bool str_starts_with(const char *s, const char *prefix);
bool str_ends_with(const char *s, const char *suffix);
bool str_iequal_ascii(const char *a, const char *b);
/* Trims ASCII white space at both ends, in place; returns s. */
char *str_trim(char *s);

/* Reads a whole file. Returns 0 and sets *data (NUL-terminated, caller
 * frees) and *len, or returns an errno value: EFBIG when it is larger than
 * max bytes (0 = no limit), EISDIR for a folder. */
int file_read(const char *path, char **data, size_t *len, size_t max);
/* The same, and sets *regular to whether path is a regular file (one that
 * can be read again for the same bytes, unlike a pipe). */
int file_read_stat(const char *path, char **data, size_t *len, size_t max, bool *regular);

/* Joins two path parts with one '/'. Caller frees. */
char *path_join(const char *a, const char *b);
/* The folder part of a relative path ("a/b.md" -> "a", "b.md" -> ""). */
char *path_dirname(const char *path);
const char *path_basename(const char *path);
/* Normalises a relative path: drops "." parts and folds "x/..". Returns NULL
 * when the path is absolute or climbs above its root. Caller frees. */
char *path_normalize_relative(const char *path);

/* SHA-1 of data into out[20]; used for name-based (version 5) UUIDs. */
void sha1_digest(const void *data, size_t len, unsigned char out[20]);
/* A name-based UUID (RFC 4122 version 5, URL namespace) as "urn:uuid:...". */
char *uuid_v5_urn(const char *name);

#endif

/* Parses an ISO 8601 date or date-time: "2013", "2013-12", "2013-12-13",
 * "2013-12-13T10:00:00Z" or with "+01:00" (seconds and zone optional in
 * the time). Returns how precise it is (1 year, 2 month, 3 day, 4 time),
 * or 0 when it is not such a date. Sets the parts and, for 3 and 4,
 * *epoch to seconds since 1970 in UTC. Any output pointer may be NULL. */
int iso8601_parse(const char *s, int *year, int *month, int *day, long long *epoch);
/* Formats seconds since 1970 as "CCYY-MM-DDThh:mm:ssZ". Caller frees. */
char *iso8601_format_utc(long long epoch);

/* Calls fn for every key of s, in no particular order. */
void strset_each(const strset *s, void (*fn)(const char *key, void *arg), void *arg);
/* Frees m and, with free(), every value it holds. */
void strmap_free_values(strmap *m);
