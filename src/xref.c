/* xref.c - links to another chapter's heading, settled after serialising
 * (see xref.h). */
#include "xref.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "slug.h"
#include "util.h"

/* Placeholders: "#" PLACEHOLDER N "." where PLACEHOLDER holds a random
 * part, so that no manuscript can forge one. */
static char placeholder[40];
static pthread_once_t placeholder_once = PTHREAD_ONCE_INIT;

static void
make_placeholder(void)
{
	unsigned long long r = 0;
	FILE *f = fopen("/dev/urandom", "rb");
	if (f == NULL || fread(&r, sizeof r, 1, f) != 1)
		r = (unsigned long long)(uintptr_t)&r ^ (unsigned long long)getpid() * 2654435761ULL;
	if (f)
		fclose(f);
	snprintf(placeholder, sizeof placeholder, "mkbookfix%016llx-", r);
}

/* What a link to id holds after its page's path: "#" and the id as a
 * fragment, escaped as libxml2 writes an attribute value, or "" when id is
 * NULL (the link leads to the chapter's start). Caller frees. */
static char *
fragment_text(const char *id)
{
	if (id == NULL)
		return xstrdup("");
	strbuf sb = {0};
	char *idf = slug_fragment(id);
	strbuf_putc(&sb, '#');
	for (const char *p = idf; *p; p++) {
		switch (*p) {
		case '&': strbuf_puts(&sb, "&amp;"); break;
		case '<': strbuf_puts(&sb, "&lt;"); break;
		case '>': strbuf_puts(&sb, "&gt;"); break;
		case '"': strbuf_puts(&sb, "&quot;"); break;
		default: strbuf_putc(&sb, *p);
		}
	}
	free(idf);
	return strbuf_take(&sb);
}

char *
xref_add(xref_list *l, const struct chapter *target, const char *rel, const char *href,
         size_t fragment_at, int line, int col)
{
	pthread_once(&placeholder_once, make_placeholder);
	l->items = xgrow(l->items, l->n, sizeof *l->items);
	char *written = xstrdup(href);
	l->items[l->n] = (xref){.target = target,
	                        .href = written,
	                        .fragment = written + fragment_at,
	                        .line = line,
	                        .col = col};
	return xasprintf("%s#%s%zu.", rel, placeholder, l->n++);
}

/* The first place needle (nlen > 0 bytes) stands in [p, end), or NULL. */
static const char *
find_bytes(const char *p, const char *end, const char *needle, size_t nlen)
{
	while ((size_t)(end - p) >= nlen) {
		const char *q = memchr(p, needle[0], (size_t)(end - p) - nlen + 1);
		if (q == NULL)
			return NULL;
		if (memcmp(q, needle, nlen) == 0)
			return q;
		p = q + 1;
	}
	return NULL;
}

void
xref_patch(xref_list *l, char **xhtml, size_t *len)
{
	if (l->n == 0 || *xhtml == NULL)
		return;
	size_t plen = strlen(placeholder);
	strbuf out = {0};
	const char *p = *xhtml, *end = *xhtml + *len;
	const char *scan = p;
	for (;;) {
		const char *hit = find_bytes(scan, end, placeholder, plen);
		if (hit == NULL)
			break;
		char *num_end;
		unsigned long k = strtoul(hit + plen, &num_end, 10);
		if (hit == *xhtml || hit[-1] != '#' || *num_end != '.' || k >= l->n) {
			scan = hit + plen; /* not one of ours */
			continue;
		}
		strbuf_append(&out, p, (size_t)(hit - 1 - p)); /* up to the '#' */
		l->sites = xgrow(l->sites, l->nsites, sizeof *l->sites);
		l->sites[l->nsites++] = (struct xref_site){out.len, k};
		/* The guess: the fragment names an id as it is. */
		char *guess = fragment_text(l->items[k].fragment);
		strbuf_puts(&out, guess);
		free(guess);
		p = scan = num_end + 1;
	}
	strbuf_append(&out, p, (size_t)(end - p));
	free(*xhtml);
	*len = out.len;
	*xhtml = strbuf_take(&out);
	/* Kept until the links are settled: no room to spare. */
	if (l->nsites > 0)
		l->sites = xrealloc(l->sites, l->nsites * sizeof *l->sites);
	l->items = xrealloc(l->items, l->n * sizeof *l->items);
}

void
xref_resolve(xref *x, const char *id)
{
	free(x->result);
	x->result = NULL;
	if (id == x->fragment)
		return; /* named as it is: the guess holds */
	char *guess = fragment_text(x->fragment);
	x->result = fragment_text(id);
	if (strcmp(guess, x->result) == 0) {
		free(x->result);
		x->result = NULL;
	}
	free(guess);
}

bool
xref_guessed_right(const xref_list *l)
{
	for (size_t k = 0; k < l->n; k++)
		if (l->items[k].result != NULL)
			return false;
	return true;
}

void
xref_repatch(const xref_list *l, char **xhtml, size_t *len)
{
	strbuf out = {0};
	size_t from = 0;
	for (size_t i = 0; i < l->nsites; i++) {
		const xref *x = &l->items[l->sites[i].fix];
		if (x->result == NULL)
			continue; /* the guess stands */
		char *guess = fragment_text(x->fragment);
		strbuf_append(&out, *xhtml + from, l->sites[i].at - from);
		strbuf_puts(&out, x->result);
		from = l->sites[i].at + strlen(guess);
		free(guess);
	}
	strbuf_append(&out, *xhtml + from, *len - from);
	free(*xhtml);
	*len = out.len;
	*xhtml = strbuf_take(&out);
}

void
xref_free(xref_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].href);
		free(l->items[i].result);
	}
	free(l->items);
	free(l->sites);
	*l = (xref_list){0};
}
