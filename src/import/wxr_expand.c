/* wxr_expand.c - what a WordPress post body points to elsewhere in the
 * export, put in place before the body is converted: the images of a
 * [gallery] (its ids="..." or, without them, the images attached to the
 * post) and reusable blocks (<!-- wp:block {"ref":N} /-->, the wp_block
 * item N). The converter (html_md.c) sees only the export's one post. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import/wxr.h"
#include "util.h"

void
wxr_media_init(wxr_media *m)
{
	memset(m, 0, sizeof *m);
	m->by_id = strmap_new();
	m->blocks = strmap_new();
}

void
wxr_media_free(wxr_media *m)
{
	for (size_t i = 0; i < m->n; i++) {
		free(m->items[i].id);
		free(m->items[i].parent);
		free(m->items[i].url);
		free(m->items[i].alt);
	}
	free(m->items);
	strmap_free(m->by_id);
	if (m->blocks)
		strmap_free_values(m->blocks);
}

void
wxr_media_add(wxr_media *m, char *id, char *parent, char *url, char *alt)
{
	m->items = xgrow(m->items, m->n, sizeof *m->items);
	m->items[m->n] = (wxr_attachment){id, parent, url, alt};
	strmap_put(m->by_id, id, (void *)(uintptr_t)(++m->n));
}

const wxr_attachment *
wxr_media_get(const wxr_media *m, const char *id)
{
	uintptr_t i = (uintptr_t)strmap_get(m->by_id, id);
	return i ? &m->items[i - 1] : NULL;
}

static void
put_attr(strbuf *sb, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': strbuf_puts(sb, "&amp;"); break;
		case '<': strbuf_puts(sb, "&lt;"); break;
		case '>': strbuf_puts(sb, "&gt;"); break;
		case '"': strbuf_puts(sb, "&quot;"); break;
		default: strbuf_putc(sb, *s);
		}
	}
}

static void
put_image(strbuf *sb, const wxr_attachment *a)
{
	strbuf_puts(sb, "\n\n<p><img src=\"");
	put_attr(sb, a->url);
	strbuf_puts(sb, "\" alt=\"");
	put_attr(sb, a->alt ? a->alt : "");
	strbuf_puts(sb, "\" /></p>\n\n");
}

/* The value of attribute name in a shortcode's text [p, end), or NULL.
 * Caller frees. */
static char *
shortcode_attr(const char *p, const char *end, const char *name)
{
	size_t n = strlen(name);
	for (const char *q = p; q + n < end; q++) {
		if (strncmp(q, name, n) != 0 || (q > p && q[-1] != ' ') || q[n] != '=')
			continue;
		const char *v = q + n + 1;
		char quote = *v == '"' || *v == '\'' ? *v++ : ' ';
		const char *ve = v;
		while (ve < end && *ve != quote && !(quote == ' ' && *ve == ']'))
			ve++;
		return xstrndup(v, (size_t)(ve - v));
	}
	return NULL;
}

/* The gallery shortcode [p, end) as its images. */
static void
put_gallery(strbuf *sb, const char *p, const char *end, const wxr_media *m, const char *post_id)
{
	char *ids = shortcode_attr(p, end, "ids");
	if (ids == NULL)
		ids = shortcode_attr(p, end, "include");
	size_t found = 0;
	if (ids) {
		char *save = NULL;
		for (char *id = strtok_r(ids, ", ", &save); id; id = strtok_r(NULL, ", ", &save)) {
			const wxr_attachment *a = wxr_media_get(m, id);
			if (a) {
				put_image(sb, a);
				found++;
			}
		}
		free(ids);
	} else if (post_id) {
		for (size_t i = 0; i < m->n; i++)
			if (m->items[i].parent && strcmp(m->items[i].parent, post_id) == 0) {
				put_image(sb, &m->items[i]);
				found++;
			}
	}
	if (found == 0) /* leave it to the converter, which says it is empty */
		strbuf_append(sb, p, (size_t)(end - p));
}

/* The reusable block's number in "<!-- wp:block {...} /-->" at p, or NULL;
 * *end is set past the comment. Caller frees. */
static char *
block_ref(const char *p, const char **end)
{
	const char *close = strstr(p, "-->");
	if (close == NULL)
		return NULL;
	const char *ref = strstr(p, "\"ref\":");
	if (ref == NULL || ref > close)
		return NULL;
	ref += strlen("\"ref\":");
	size_t n = strspn(ref, "0123456789");
	if (n == 0)
		return NULL;
	*end = close + 3;
	return xstrndup(ref, n);
}

char *
wxr_expand(const char *html, const wxr_media *m, const char *post_id)
{
	if (strstr(html, "[gallery") == NULL && strstr(html, "<!-- wp:block ") == NULL)
		return NULL;
	strbuf sb = {0};
	const char *p = html;
	while (*p) {
		/* [[gallery]] is WordPress's way to write the shortcode as text */
		if (strncmp(p, "[gallery", 8) == 0 && (p[8] == ' ' || p[8] == ']') &&
		    (p == html || p[-1] != '[')) {
			const char *end = strchr(p, ']');
			if (end) {
				put_gallery(&sb, p, end + 1, m, post_id);
				p = end + 1;
				continue;
			}
		}
		if (strncmp(p, "<!-- wp:block ", 14) == 0) {
			const char *end = NULL;
			char *ref = block_ref(p, &end);
			const char *body = ref ? strmap_get(m->blocks, ref) : NULL;
			free(ref);
			if (body) {
				strbuf_puts(&sb, "\n\n");
				strbuf_puts(&sb, body);
				strbuf_puts(&sb, "\n\n");
				p = end;
				continue;
			}
		}
		strbuf_putc(&sb, *p++);
	}
	return strbuf_take(&sb);
}
