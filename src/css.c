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
 * with strbuf_free and free(*from). */
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
		strbuf_putc(sb, ch >= 'A' && ch <= 'Z' ? (char)(ch + 32) : (char)ch);
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
	strbuf_free(&sb);
	free(from);
	return found;
}

bool
css_is_inert(const char *css, bool local_urls)
{
	return css_active_word(css, strlen(css), local_urls, NULL) == NULL;
}

const char *
css_syntax_problem(const char *css, size_t len, size_t *at)
{
	char open[256]; /* the brackets open, innermost last */
	size_t depth = 0;
	size_t opened_at[256];
	bool pending = false, at_rule = false; /* a top-level statement begun */
	size_t pending_at = 0;
	for (size_t i = 0; i < len; i++) {
		char c = css[i];
		if (c == '/' && i + 1 < len && css[i + 1] == '*') {
			size_t start = i;
			for (i += 2; i + 1 < len && !(css[i] == '*' && css[i + 1] == '/'); i++)
				;
			if (i + 1 >= len) {
				*at = start;
				return "a comment is never closed";
			}
			i++;
			continue;
		}
		if (depth == 0 && !pending && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'))
			continue;
		if (depth == 0 && !pending && len - i >= 4 && memcmp(css + i, "<!--", 4) == 0) {
			i += 3;
			continue;
		}
		if (depth == 0 && !pending && len - i >= 3 && memcmp(css + i, "-->", 3) == 0) {
			i += 2;
			continue;
		}
		if (depth == 0 && !pending) {
			pending = true;
			at_rule = c == '@';
			pending_at = i;
		}
		if (c == '\\') {
			i++; /* an escape: the next character is taken as it is */
			continue;
		}
		if (c == '"' || c == '\'') {
			size_t start = i;
			for (i++; i < len && css[i] != c; i++) {
				if (css[i] == '\\')
					i++;
				else if (css[i] == '\n') {
					*at = start;
					return "a string runs past the end of its line";
				}
			}
			if (i >= len) {
				*at = start;
				return "a string is never closed";
			}
			continue;
		}
		if (c == '{' || c == '(' || c == '[') {
			if (depth == sizeof open) {
				*at = i;
				return "brackets are nested too deeply";
			}
			opened_at[depth] = i;
			open[depth++] = c == '{' ? '}' : c == '(' ? ')' : ']';
		} else if (c == '}' || c == ')' || c == ']') {
			if (depth == 0 || open[depth - 1] != c) {
				*at = i;
				return depth == 0 ? "a bracket is closed that was never opened"
				                  : "brackets are closed in the wrong order";
			}
			depth--;
			if (depth == 0 && c == '}')
				pending = false; /* a rule or an at-rule's block ends */
		} else if (c == ';' && depth == 0) {
			if (!at_rule) {
				*at = i;
				return "a ';' stands outside any rule";
			}
			pending = false;
		}
	}
	if (depth > 0) {
		*at = opened_at[depth - 1];
		return "a bracket is opened and never closed";
	}
	if (pending) {
		*at = pending_at;
		return "text stands outside any rule";
	}
	return NULL;
}
