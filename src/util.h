/* util.h - memory and small string helpers shared by every stage. It also
 * brings in the modules util.c was split into, which the code written
 * before the split reaches through util.h: string buffers (strbuf.h), hash
 * tables (strmap.h), paths and files (path.h), dates (date.h) and
 * identifiers (ident.h). New code includes the one it uses.
 *
 * Out-of-memory policy: every x* allocator aborts with a message, so callers
 * never check for NULL from them. */
#ifndef MKBOOK_UTIL_H
#define MKBOOK_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "ident.h"
#include "path.h"
#include "strbuf.h"
#include "strmap.h"

/* Every libc has it (linear time); glibc declares it for _GNU_SOURCE only. */
void *memmem(const void *haystack, size_t hlen, const void *needle, size_t nlen);

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Room for item n (0-based) in an array of n items of size bytes that only
 * ever grows through xgrow: reallocates, doubling, when n is 0 or a power
 * of two, so that appending one at a time copies little even where realloc
 * cannot extend in place (AddressSanitizer, valgrind). The one way arrays
 * grow: p = xgrow(p, n, sizeof *p); p[n++] = item; */
void *xgrow(void *p, size_t n, size_t size);
char *xstrdup(const char *s);            /* NULL gives NULL */
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap);

bool str_starts_with(const char *s, const char *prefix);
bool str_ends_with(const char *s, const char *suffix);
/* Whether s is one of the strings of list, which ends with NULL. */
bool str_in(const char *s, const char *const *list);
bool str_iequal_ascii(const char *a, const char *b);
/* Trims ASCII white space at both ends, in place; returns s. */
char *str_trim(char *s);

#endif
