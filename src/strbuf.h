/* strbuf.h - string buffers: a growable byte buffer. Memory comes from
 * the aborting allocators (xalloc.h). */
#ifndef MKBOOK_STRBUF_H
#define MKBOOK_STRBUF_H

#include <stddef.h>

/* A growable byte buffer, always NUL-terminated once anything was added. */
typedef struct strbuf {
	char *data;
	size_t len;
	size_t cap;
} strbuf;

void strbuf_append(strbuf *sb, const char *s, size_t n);
void strbuf_puts(strbuf *sb, const char *s);
void strbuf_putc(strbuf *sb, char c);
void strbuf_printf(strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hands the buffer over: the caller frees the result; sb is left empty. */
char *strbuf_take(strbuf *sb);
void strbuf_free(strbuf *sb);

#endif
