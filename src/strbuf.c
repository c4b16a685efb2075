/* strbuf.c - string buffers; see strbuf.h. */
#include "strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void
strbuf_append(strbuf *sb, const char *s, size_t n)
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
strbuf_puts(strbuf *sb, const char *s)
{
	strbuf_append(sb, s, strlen(s));
}

void
strbuf_putc(strbuf *sb, char c)
{
	strbuf_append(sb, &c, 1);
}

void
strbuf_printf(strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = xvasprintf(fmt, ap);
	va_end(ap);
	strbuf_puts(sb, p);
	free(p);
}

char *
strbuf_take(strbuf *sb)
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
strbuf_free(strbuf *sb)
{
	free(sb->data);
	sb->data = NULL;
	sb->len = sb->cap = 0;
}
