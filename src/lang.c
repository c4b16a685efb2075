/* lang.c - BCP 47 language tags; see lang.h. */
#include "lang.h"

#include <stddef.h>
#include <string.h>

static bool
is_sep(char c)
{
	return c == '-' || c == '_';
}

static char
lower_ascii(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

static bool
is_alpha(char c)
{
	c = lower_ascii(c);
	return c >= 'a' && c <= 'z';
}

static bool
is_alnum(char c)
{
	return is_alpha(c) || (c >= '0' && c <= '9');
}

bool
lang_is_tag(const char *s)
{
	const char *p = s;
	size_t n = 0;
	while (is_alpha(p[n]))
		n++;
	if (n == 0 || n > 3)
		return false;
	if (n == 1 && !(p[0] == 'x' || p[0] == 'X' || p[0] == 'i' || p[0] == 'I'))
		return false;
	p += n;
	while (*p == '-') {
		p++;
		n = 0;
		while (is_alnum(p[n]))
			n++;
		if (n == 0 || n > 8)
			return false;
		p += n;
	}
	return *p == '\0';
}

/* True when the n bytes at s equal word (lower case), ignoring ASCII case. */
static bool
subtag_is(const char *s, size_t n, const char *word)
{
	if (strlen(word) != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (lower_ascii(s[i]) != word[i])
			return false;
	return true;
}

static size_t
subtag_len(const char *s)
{
	size_t n = 0;
	while (s[n] != '\0' && !is_sep(s[n]))
		n++;
	return n;
}

static const char *
skip_blanks(const char *lang)
{
	while (*lang == ' ' || *lang == '\t')
		lang++;
	return lang;
}

/* The script subtag: four letters right after the primary subtag, or NULL. */
static const char *
script_subtag(const char *lang)
{
	size_t n = subtag_len(lang);
	if (!is_sep(lang[n]))
		return NULL;
	const char *s = lang + n + 1;
	if (subtag_len(s) != 4)
		return NULL;
	for (size_t i = 0; i < 4; i++)
		if (!is_alpha(s[i]))
			return NULL;
	return s;
}

bool
lang_primary_is(const char *lang, const char *tag)
{
	if (lang == NULL)
		return false;
	lang = skip_blanks(lang);
	return subtag_is(lang, subtag_len(lang), tag);
}

bool
lang_is_traditional_chinese(const char *lang)
{
	if (!lang_primary_is(lang, "zh"))
		return false;
	lang = skip_blanks(lang);
	const char *script = script_subtag(lang);
	if (script != NULL) {
		if (subtag_is(script, 4, "hant"))
			return true;
		if (subtag_is(script, 4, "hans"))
			return false;
	}
	/* No script subtag (or an unusual one): look for a region that writes
	 * Traditional, or a "Hant" subtag further along. */
	const char *s = lang + subtag_len(lang);
	while (is_sep(*s)) {
		s++;
		size_t n = subtag_len(s);
		if (subtag_is(s, n, "hant") || subtag_is(s, n, "tw") || subtag_is(s, n, "hk") ||
		    subtag_is(s, n, "mo"))
			return true;
		s += n;
	}
	return false;
}

bool
lang_is_rtl(const char *lang)
{
	static const char *const rtl_langs[] = {
	    "ar", "he", "iw", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb", "syr", "arc", "nqo",
	};
	static const char *const rtl_scripts[] = {
	    "arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg",
	};

	if (lang == NULL)
		return false;
	lang = skip_blanks(lang);
	const char *script = script_subtag(lang);
	if (script != NULL) {
		for (size_t i = 0; i < sizeof rtl_scripts / sizeof rtl_scripts[0]; i++)
			if (subtag_is(script, 4, rtl_scripts[i]))
				return true;
		return false;
	}
	for (size_t i = 0; i < sizeof rtl_langs / sizeof rtl_langs[0]; i++)
		if (lang_primary_is(lang, rtl_langs[i]))
			return true;
	return false;
}
