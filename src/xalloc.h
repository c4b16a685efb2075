/* xalloc.h - the aborting allocators and array growth: the tool's one
 * out-of-memory policy. Every x* function aborts with a message when
 * memory runs out, so callers never check for NULL from them. */
#ifndef MKBOOK_XALLOC_H
#define MKBOOK_XALLOC_H

#include <stdarg.h>
#include <stddef.h>

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

#endif
