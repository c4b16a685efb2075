/* yamlvalue.c - typed access to the values of book.yaml and front matter,
 * each refusal a message at the value's position; see yamlvalue.h. */
#include "yamlvalue.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "diag.h"
#include "url.h"
#include "util.h"

/* Returns a copy of a scalar's text, or NULL after an error. */
char *
yamlvalue_string(const char *file, const char *key, const ynode *v)
{
	if (v->kind != YNODE_SCALAR) {
		diag_error(file, v->line, v->col, "'%s' must be a single value, not a %s", key,
		           yamldoc_node_kind_name(v->kind));
		return NULL;
	}
	if (yamldoc_node_is_null(v)) {
		diag_error(file, v->line, v->col, "'%s' is empty", key);
		return NULL;
	}
	char *s = xstrdup(v->value);
	str_trim(s);
	if (*s == '\0') {
		diag_error(file, v->line, v->col, "'%s' is empty", key);
		free(s);
		return NULL;
	}
	return s;
}

void
yamlvalue_set_string(char **dst, const char *file, const char *key, const ynode *v)
{
	char *s = yamlvalue_string(file, key, v);
	if (s) {
		free(*dst);
		*dst = s;
	}
}

/* Like yamlvalue_set_string, for a web address (source, a related post's url):
 * only an absolute http or https address with a host a reader can parse
 * is taken; anything else (javascript:, data:, "https://") is an error. */
void
yamlvalue_set_web_address(char **dst, const char *file, const char *key, const ynode *v)
{
	char *s = yamlvalue_string(file, key, v);
	if (s == NULL)
		return;
	/* Percent-encoded where that makes it valid (a space, a second '#'). */
	char *valid = url_make_valid(s);
	if (valid == NULL || !url_is_web(valid) || !url_has_valid_host(valid)) {
		diag_error(file, v->line, v->col, "'%s' must be an http or https address, not '%.80s'",
		           key, s);
		free(valid);
		free(s);
		return;
	}
	free(s);
	free(*dst);
	*dst = valid;
}

bool
yamlvalue_bool(const char *file, const char *key, const ynode *v, bool *out)
{
	if (v->kind == YNODE_SCALAR && !v->quoted) {
		const char *s = v->value;
		if (!strcmp(s, "true") || !strcmp(s, "yes") || !strcmp(s, "on")) {
			*out = true;
			return true;
		}
		if (!strcmp(s, "false") || !strcmp(s, "no") || !strcmp(s, "off")) {
			*out = false;
			return true;
		}
	}
	diag_error(file, v->line, v->col, "'%s' must be true or false", key);
	return false;
}

char *
yamlvalue_date(const char *file, const char *key, const ynode *v)
{
	char *s = yamlvalue_string(file, key, v);
	if (s && date_parse_iso8601(s, NULL, NULL, NULL, NULL) == 0) {
		diag_error(file, v->line, v->col,
		           "'%s' is not a date: write it as YYYY-MM-DD (ISO 8601), not '%s'", key, s);
		free(s);
		return NULL;
	}
	return s;
}

/* Unknown keys in one mapping are reported one by one up to this many,
 * then as one count: a file of 100,000 of them is one screen, not 100,000
 * lines. */
#define MAX_UNKNOWN_KEYS_SHOWN 10

/* Warns of the unknown key map->keys[i] (what: "key '%s' in book.yaml"...),
 * the first MAX_UNKNOWN_KEYS_SHOWN of a mapping each on its own line;
 * *count counts them, for yamlvalue_unknown_done. */
void
yamlvalue_warn_unknown(const char *file, const ynode *map, size_t i, const char *what, size_t *count)
{
	if (++*count > MAX_UNKNOWN_KEYS_SHOWN)
		return;
	char *text = xasprintf(what, map->keys[i]);
	diag_warning(file, map->key_lines[i], map->key_cols[i], "unknown %s (ignored)", text);
	free(text);
}

/* Sums up the unknown keys of a mapping that yamlvalue_warn_unknown did not
 * show. */
void
yamlvalue_unknown_done(const char *file, const ynode *map, size_t count)
{
	if (count > MAX_UNKNOWN_KEYS_SHOWN)
		diag_warning(file, map->line, map->col, "%zu more unknown keys (ignored)",
		             count - MAX_UNKNOWN_KEYS_SHOWN);
}

