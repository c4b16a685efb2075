/* css.c - the policy for CSS; see css.h. */
#include "css.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* What loads or runs, in the order a message names the first found. */
static const char *const active[] = {"url(",      "@import",   "expression(", "javascript:",
                                     "image(",    "src(",      "image-set(",  "vbscript:",
                                     "behavior:", "-moz-binding", NULL};

/* css as CSS reads it for matching: escapes undone (a non-ASCII or NUL
 * character becomes '?', as does a NUL byte), ASCII letters in lower case.
 * (*from)[k] is the offset in css of the character at k. Caller frees
 * with sb_free and free(*from). */
static void
unescape_lower(const char *css, size_t len, strbuf *sb, size_t **from)
{
	*from = xmalloc((len + 1) * sizeof **from);
	for (size_t i = 0; i < len; i++) {
		(*from)[sb->len] = i;
		unsigned char ch = (unsigned char)css[i];
		if (ch == '\\' && i + 1 < len) { /* \75 or \u: the character */
			unsigned v = 0, n = 0;
			const char *hex = "0123456789abcdef0123456789ABCDEF", *h;
			while (n < 6 && i + 1 < len && css[i + 1] && (h = strchr(hex, css[i + 1])) != NULL) {
				v = v * 16 + (unsigned)((h - hex) % 16);
				i++;
				n++;
			}
			if (n > 0 && i + 1 < len && strchr(" \t\n\r\f", css[i + 1])) {
				/* one blank after a hex escape belongs to it */
				i++;
				if (css[i] == '\r' && i + 1 < len && css[i + 1] == '\n')
					i++;
			}
			ch = n == 0 ? (unsigned char)css[++i] : v > 0 && v < 0x80 ? (unsigned char)v : '?';
		}
		if (ch == '\0')
			ch = '?';
		sb_putc(sb, ch >= 'A' && ch <= 'Z' ? (char)(ch + 32) : (char)ch);
	}
}

/* Whether every url( in low leads into the document itself (#...). */
static bool
only_local_urls(const char *low)
{
	for (const char *p = low; (p = strstr(p, "url(")) != NULL;) {
		p += 4;
		while (*p && strchr(" \t\n\r\f'\"", *p))
			p++;
		if (*p != '#')
			return false;
	}
	return true;
}

const char *
css_active_word(const char *css, size_t len, bool local_urls, size_t *at)
{
	strbuf sb = {0};
	size_t *from;
	unescape_lower(css, len, &sb, &from);
	const char *low = sb.data ? sb.data : "";
	const char *found = NULL;
	for (int k = 0; active[k] && !found; k++) {
		const char *hit = strstr(low, active[k]);
		if (hit == NULL)
			continue;
		if (k == 0 && local_urls && only_local_urls(low))
			continue;
		found = active[k];
		if (at)
			*at = from[hit - low];
	}
	sb_free(&sb);
	free(from);
	return found;
}

bool
css_is_inert(const char *css, bool local_urls)
{
	return css_active_word(css, strlen(css), local_urls, NULL) == NULL;
}
