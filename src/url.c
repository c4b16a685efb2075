/* url.c - the policy for web addresses; see url.h. */
#include "url.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

/* The longest scheme name compared; a longer one is no scheme we allow. */
#define SCHEME_MAX 15

/* The character at *p as a browser reads it in an attribute, with the
 * character references that can spell a scheme decoded; advances *p. */
static long
next_char(const char **p)
{
	const char *s = *p;
	if (s[0] == '&' && s[1] == '#') {
		const char *q = s + 2;
		int base = 10;
		if (*q == 'x' || *q == 'X') {
			base = 16;
			q++;
		}
		if (base == 16 ? isxdigit((unsigned char)*q) : isdigit((unsigned char)*q)) {
			char *end;
			long v = strtol(q, &end, base);
			*p = *end == ';' ? end + 1 : end;
			return v <= 0 || v > 0x10FFFF ? 0xFFFD : v; /* as browsers read &#0; */
		}
	} else if (s[0] == '&') {
		static const struct {
			const char *name;
			long c;
		} named[] = {{"&Tab;", '\t'}, {"&NewLine;", '\n'}, {"&colon;", ':'}};
		for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
			size_t n = strlen(named[i].name);
			if (!strncmp(s, named[i].name, n)) {
				*p = s + n;
				return named[i].c;
			}
		}
	}
	*p = s + 1;
	return (unsigned char)s[0];
}

/* Reads url's scheme into name (lower case, at most SCHEME_MAX letters).
 * Returns 0 when url has none (no ':' before '/', '?', '#' or the end),
 * 1 when it has one, -1 when the part before ':' is empty or too long to
 * be a scheme we know. *first is the first character after the leading
 * blanks. */
static int
read_scheme(const char *url, char name[SCHEME_MAX + 1], long *first)
{
	const char *p = url;
	long c;
	const char *before;
	do {
		before = p;
		c = *p ? next_char(&p) : 0;
	} while (c != 0 && c <= 0x20);
	p = before;
	*first = c;
	size_t n = 0;
	bool too_long = false;
	while (*p) {
		c = next_char(&p);
		if (c == ':') {
			name[n] = '\0';
			return n == 0 || too_long ? -1 : 1;
		}
		if (c == '/' || c == '?' || c == '#')
			break;
		if (c == '\t' || c == '\n' || c == '\r')
			continue;
		if (n == SCHEME_MAX) {
			too_long = true;
			continue;
		}
		name[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c > 0x7f ? 0x7f : c);
	}
	name[0] = '\0';
	return 0;
}

bool
url_is_safe(const char *url, bool untrusted)
{
	static const char *const author[] = {"http", "https", "mailto", "tel", "ftp", NULL};
	static const char *const reader[] = {"http", "https", "mailto", NULL};
	char name[SCHEME_MAX + 1];
	long first;
	int has = read_scheme(url, name, &first);
	if (has == 0)
		return !untrusted || first == '#';
	if (has < 0)
		return false;
	for (const char *const *s = untrusted ? reader : author; *s; s++)
		if (!strcmp(name, *s))
			return true;
	return false;
}

bool
url_has_scheme(const char *url)
{
	char name[SCHEME_MAX + 1];
	long first;
	int has = read_scheme(url, name, &first);
	return has == 1 || (has < 0 && first != ':');
}

bool
url_scheme_is(const char *url, const char *scheme)
{
	char name[SCHEME_MAX + 1];
	long first;
	return read_scheme(url, name, &first) == 1 && !strcmp(name, scheme);
}

const char *
url_web_host(const char *url)
{
	if (url == NULL)
		return NULL;
	if (strncasecmp(url, "http://", 7) == 0)
		return url + 7;
	if (strncasecmp(url, "https://", 8) == 0)
		return url + 8;
	return NULL;
}

bool
url_is_web(const char *url)
{
	const char *host = url_web_host(url);
	if (host == NULL || *host == '\0' || *host == '/')
		return false;
	for (const unsigned char *p = (const unsigned char *)url; *p; p++)
		if (*p <= 0x20 || *p == 0x7f || strchr("\"<>\\^`{|}", *p))
			return false;
	return true;
}

bool
url_has_valid_host(const char *url)
{
	const char *p = url_web_host(url);
	if (p == NULL)
		return true;
	const char *at = NULL;
	for (const char *q = p; *q && *q != '/' && *q != '?' && *q != '#'; q++)
		if (*q == '@')
			at = q;
	if (at)
		p = at + 1;
	size_t n = 0;
	bool label_start = true;
	for (; p[n] && p[n] != '/' && p[n] != '?' && p[n] != '#' && p[n] != ':'; n++) {
		unsigned char ch = (unsigned char)p[n];
		if (ch == '.') {
			if (label_start)
				return false;
			label_start = true;
			continue;
		}
		if (!(ch >= 0x80 || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		      (ch >= '0' && ch <= '9') || ch == '-'))
			return false;
		label_start = false;
	}
	if (p[n] == ':') {
		for (n++; p[n] >= '0' && p[n] <= '9'; n++)
			;
		if (p[n] && p[n] != '/' && p[n] != '?' && p[n] != '#')
			return false;
	}
	return n > 0; /* a trailing dot (the root) is allowed */
}

/* Whether c may stand in a URL unencoded (WHATWG's URL code points, the
 * ASCII ones; '%' and '#' are decided by the caller). */
static bool
is_url_code_point(unsigned char c)
{
	return c >= 0x80 || isalnum(c) || strchr("!$&'()*+,-./:;=?@_~", c) != NULL;
}

static bool
is_special_scheme(const char *url)
{
	return url_scheme_is(url, "http") || url_scheme_is(url, "https") ||
	       url_scheme_is(url, "ftp");
}

/* For an address of a special scheme: whether its authority (after
 * "scheme://") is an optional user name, a valid host and an optional
 * port. */
static bool
has_plain_authority(const char *url)
{
	const char *colon = strchr(url, ':');
	if (colon == NULL || colon[1] != '/' || colon[2] != '/')
		return false;
	const char *host = colon + 3;
	size_t n = strcspn(host, "/?#");
	const char *at = NULL;
	for (size_t i = 0; i < n; i++)
		if (host[i] == '@')
			at = host + i;
	if (at) {
		n -= (size_t)(at + 1 - host);
		host = at + 1;
	}
	if (n == 0)
		return false;
	const char *port = memchr(host, ':', n);
	if (port) {
		size_t digits = (size_t)(host + n - port - 1);
		if (digits > 5 || (digits > 0 && atol(port + 1) > 65535))
			return false;
		for (size_t i = 1; i <= digits; i++)
			if (!isdigit((unsigned char)port[i]))
				return false;
	}
	char *web = xasprintf("https://%.*s", (int)n, host);
	bool ok = url_has_valid_host(web);
	free(web);
	return ok;
}

char *
url_make_valid(const char *url)
{
	const char *start = url, *end = url + strlen(url);
	while (*start == ' ' || *start == '\t' || *start == '\n' || *start == '\r' || *start == '\f')
		start++;
	while (end > start && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n' ||
	                       end[-1] == '\r' || end[-1] == '\f'))
		end--;
	size_t n = (size_t)(end - start);
	char *out = xmalloc(n * 3 + 1);
	size_t j = 0;
	bool fragment = false;
	for (const char *p = start; p < end; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == '\t' || c == '\n' || c == '\r')
			continue;
		bool keep = is_url_code_point(c) ||
		            (c == '%' && isxdigit((unsigned char)p[1]) &&
		             isxdigit((unsigned char)p[2])) ||
		            (c == '#' && !fragment);
		if (c == '#')
			fragment = true;
		if (keep) {
			out[j++] = (char)c;
		} else {
			static const char hex[] = "0123456789ABCDEF";
			out[j++] = '%';
			out[j++] = hex[c >> 4];
			out[j++] = hex[c & 15];
		}
	}
	out[j] = '\0';
	/* Browsers read a '\\' as a '/' in these addresses: one before the
	 * path ends the host there, so encoding it would send the reader
	 * elsewhere than a browser goes (https://evil.example\\@good.example/). */
	bool backslash = false;
	const char *auth = strstr(start, "//");
	if (auth && auth < end)
		for (const char *p = auth + 2; p < end && !strchr("/?#", *p); p++)
			backslash |= *p == '\\';
	if (is_special_scheme(out) && (backslash || !has_plain_authority(out))) {
		free(out);
		return NULL;
	}
	return out;
}
