/* wxr_related.c - related posts for a WordPress import: which published
 * posts share the most categories and tags with the imported one, and a
 * summary of each from its excerpt or its opening sentences. */
#include <stdlib.h>
#include <string.h>

#include "import/html_md.h"
#include "import/wxr.h"
#include "util.h"

/* How many of the sorted term numbers a and b share. */
static size_t
shared_terms(const size_t *a, size_t na, const size_t *b, size_t nb)
{
	size_t i = 0, j = 0, n = 0;
	while (i < na && j < nb) {
		if (a[i] == b[j]) {
			n++;
			i++;
			j++;
		} else if (a[i] < b[j]) {
			i++;
		} else {
			j++;
		}
	}
	return n;
}

typedef struct candidate {
	size_t index, shared;
	unsigned long long distance; /* seconds between the two dates */
} candidate;

/* More shared terms first, then the closer date, then the export's order. */
static bool
is_better(const candidate *a, const candidate *b)
{
	if (a->shared != b->shared)
		return a->shared > b->shared;
	if (a->distance != b->distance)
		return a->distance < b->distance;
	return a->index < b->index;
}

void
wxr_related_pick(import_post *post, const size_t *terms, size_t nterms, long long epoch,
                 const wxr_brief *briefs, size_t nbriefs, size_t n)
{
	if (n == 0 || nterms == 0 || nbriefs == 0)
		return;
	candidate *best = xcalloc(n, sizeof *best);
	size_t nbest = 0;
	for (size_t i = 0; i < nbriefs; i++) {
		const wxr_brief *b = &briefs[i];
		if (post->id && b->id && strcmp(post->id, b->id) == 0)
			continue;
		candidate c = {i, shared_terms(terms, nterms, b->terms, b->nterms), 0};
		if (c.shared == 0)
			continue;
		c.distance = b->epoch > epoch ? (unsigned long long)(b->epoch - epoch)
		                              : (unsigned long long)(epoch - b->epoch);
		/* insertion into the n best so far, best first */
		size_t at = nbest;
		while (at > 0 && is_better(&c, &best[at - 1]))
			at--;
		if (at >= n)
			continue;
		size_t last = nbest < n ? nbest : n - 1;
		memmove(best + at + 1, best + at, (last - at) * sizeof *best);
		best[at] = c;
		if (nbest < n)
			nbest++;
	}
	post->related = xcalloc(nbest ? nbest : 1, sizeof *post->related);
	for (size_t i = 0; i < nbest; i++) {
		const wxr_brief *b = &briefs[best[i].index];
		import_related *rel = &post->related[post->nrelated++];
		rel->title = xstrdup(b->title ? b->title : b->link);
		rel->url = xstrdup(b->link);
		rel->date = xstrdup(b->date);
		rel->summary = b->summary_html ? wxr_summary(b->summary_html) : NULL;
	}
	free(best);
}

/* html with Gutenberg's block comments and [shortcode] tags made spaces
 * (their text stays: "[caption]x[/caption]" keeps x). Caller frees. */
static char *
strip_markers(const char *html)
{
	strbuf sb = {0};
	const char *p = html;
	while (*p) {
		if (strncmp(p, "<!--", 4) == 0) {
			const char *end = strstr(p + 4, "-->");
			p = end ? end + 3 : p + strlen(p);
			strbuf_putc(&sb, ' ');
			continue;
		}
		if (*p == '[' && (p[1] == '/' || (p[1] >= 'a' && p[1] <= 'z'))) {
			const char *end = strchr(p, ']');
			const char *nl = strchr(p, '\n');
			if (end && (nl == NULL || end < nl)) {
				p = end + 1;
				strbuf_putc(&sb, ' ');
				continue;
			}
		}
		strbuf_putc(&sb, *p++);
	}
	return sb.data ? strbuf_take(&sb) : xstrdup("");
}

char *
wxr_summary(const char *html)
{
	enum { MAX = 300 };
	char *clean = strip_markers(html);
	char *text = html_md_text(clean);
	free(clean);
	str_trim(text);
	size_t len = strlen(text);
	if (len > MAX) {
		/* the last sentence end within MAX, else the last word end */
		size_t cut = 0;
		for (size_t i = 1; i < MAX; i++)
			if ((text[i - 1] == '.' || text[i - 1] == '!' || text[i - 1] == '?') &&
			    text[i] == ' ' && i > MAX / 3)
				cut = i;
		if (cut == 0) {
			for (size_t i = MAX; i > 0 && cut == 0; i--)
				if (text[i] == ' ')
					cut = i;
			if (cut == 0)
				cut = MAX;
			while (cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80)
				cut--;
			text[cut] = '\0';
			char *t = xasprintf("%s…", str_trim(text));
			free(text);
			text = t;
		} else {
			text[cut] = '\0';
			str_trim(text);
		}
	}
	if (*text == '\0') {
		free(text);
		return NULL;
	}
	return text;
}
