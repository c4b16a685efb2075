/* str.c - small string helpers; see str.h. */
#include "str.h"

#include <string.h>

bool
str_starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

bool
str_ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

bool
str_in(const char *s, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (!strcmp(s, list[i]))
			return true;
	return false;
}

bool
str_iequal_ascii(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a, y = *b;
		if (x >= 'A' && x <= 'Z')
			x += 32;
		if (y >= 'A' && y <= 'Z')
			y += 32;
		if (x != y)
			return false;
	}
	return *a == *b;
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

char *
str_trim(char *s)
{
	size_t n = strlen(s);
	while (n > 0 && is_space(s[n - 1]))
		s[--n] = '\0';
	size_t i = 0;
	while (is_space(s[i]))
		i++;
	if (i)
		memmove(s, s + i, n - i + 1);
	return s;
}
