/* yamlvalue.h - typed access to the values of book.yaml and of front
 * matter (manuscript.c): each function reports, at the value's position,
 * why a value is refused, and returns nothing for it. */
#ifndef MKBOOK_YAMLVALUE_H
#define MKBOOK_YAMLVALUE_H

#include <stdbool.h>
#include <stddef.h>

#include "yamldoc.h"

/* A copy of a scalar's text, trimmed (caller frees), or NULL after an
 * error (a list, a mapping, an empty value). key names it in messages. */
char *yamlvalue_string(const char *file, const char *key, const ynode *v);
/* yamlvalue_string into *dst (freeing what was there) when it succeeds. */
void yamlvalue_set_string(char **dst, const char *file, const char *key, const ynode *v);
/* The same for a web address (source, a related post's url): only an
 * absolute http or https address with a host a reader can parse. */
void yamlvalue_set_web_address(char **dst, const char *file, const char *key, const ynode *v);
/* true/yes/on or false/no/off, unquoted, into *out; false after an error. */
bool yamlvalue_bool(const char *file, const char *key, const ynode *v, bool *out);
/* An ISO 8601 date (caller frees), or NULL after an error. */
char *yamlvalue_date(const char *file, const char *key, const ynode *v);
/* Warns of the unknown key map->keys[i] (what: "key '%s' in book.yaml"...),
 * the first ten of a mapping each on its own line; *count counts them for
 * yamlvalue_unknown_done, which sums up the rest in one warning. */
void yamlvalue_warn_unknown(const char *file, const ynode *map, size_t i, const char *what,
                            size_t *count);
void yamlvalue_unknown_done(const char *file, const ynode *map, size_t count);

#endif
