/* strbuf.h - string buffers: a growable byte buffer and a growable list
 * of owned strings. Memory comes from util's aborting allocators. */
#ifndef MKBOOK_STRBUF_H
#define MKBOOK_STRBUF_H

#include <stdbool.h>
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

/* A growable array of owned strings. */
typedef struct strlist {
	char **items; /* grown with xgrow only */
	size_t n;
} strlist;

void strlist_push(strlist *l, const char *s); /* copies s */
void strlist_push_owned(strlist *l, char *s); /* takes s */
bool strlist_contains(const strlist *l, const char *s);
void strlist_free(strlist *l);

#endif
