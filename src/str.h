/* str.h - small helpers on NUL-terminated strings. */
#ifndef MKBOOK_STR_H
#define MKBOOK_STR_H

#include <stdbool.h>
#include <stddef.h>

/* Every libc has it (linear time); glibc declares it for _GNU_SOURCE only. */
void *memmem(const void *haystack, size_t hlen, const void *needle, size_t nlen);

bool str_starts_with(const char *s, const char *prefix);
bool str_ends_with(const char *s, const char *suffix);
/* Whether s is one of the strings of list, which ends with NULL. */
bool str_in(const char *s, const char *const *list);
bool str_iequal_ascii(const char *a, const char *b);
/* Trims ASCII white space at both ends, in place; returns s. */
char *str_trim(char *s);

#endif
