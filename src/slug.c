/* slug.c - GitHub-style heading anchors with libunistring. */
#include "slug.h"

#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "util.h"

char *
slug_github(const char *text)
{
	size_t n = strlen(text), lower_len = 0;
	uint8_t *lower = u8_tolower((const uint8_t *)text, n, NULL, NULL, NULL, &lower_len);
	if (lower == NULL)
		return xstrdup("");
	uc_general_category_t keep = uc_general_category_or(
	    uc_general_category_or(UC_CATEGORY_L, UC_CATEGORY_M),
	    uc_general_category_or(UC_CATEGORY_N, UC_CATEGORY_Pc));
	strbuf sb = {0};
	size_t i = 0;
	while (i < lower_len) {
		ucs4_t uc;
		int len = u8_mbtouc(&uc, lower + i, lower_len - i);
		if (uc == ' ')
			strbuf_putc(&sb, '-');
		else if (uc == '-' || uc_is_general_category(uc, keep))
			strbuf_append(&sb, (const char *)lower + i, (size_t)len);
		i += (size_t)len;
	}
	free(lower);
	return strbuf_take(&sb);
}

static int
hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char *
slug_percent_decode(const char *s)
{
	size_t n = strlen(s);
	char *out = xmalloc(n + 1);
	size_t j = 0;
	for (size_t i = 0; i < n; i++) {
		int hi, lo;
		if (s[i] == '%' && i + 2 < n && (hi = hex_value(s[i + 1])) >= 0 &&
		    (lo = hex_value(s[i + 2])) >= 0) {
			out[j++] = (char)(hi * 16 + lo);
			i += 2;
		} else {
			out[j++] = s[i];
		}
	}
	out[j] = '\0';
	if (memchr(out, '\0', j) != NULL || u8_check((const uint8_t *)out, j) != NULL) {
		free(out);
		return xstrdup(s);
	}
	return out;
}

char *
slug_fold(const char *fragment)
{
	char *dec = slug_percent_decode(fragment);
	size_t len = 0;
	uint8_t *f = u8_casefold((const uint8_t *)dec, strlen(dec), NULL, UNINORM_NFC, NULL, &len);
	if (f == NULL)
		return dec;
	free(dec);
	char *out = xstrndup((const char *)f, len);
	free(f);
	return out;
}

char *
slug_fragment(const char *id)
{
	strbuf sb = {0};
	for (const unsigned char *p = (const unsigned char *)id; *p; p++) {
		if (*p <= ' ' || *p == 0x7F || strchr("\"%<>\\^`{|}", *p))
			strbuf_printf(&sb, "%%%02X", *p);
		else
			strbuf_putc(&sb, (char)*p);
	}
	return strbuf_take(&sb);
}
