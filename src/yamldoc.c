/* yamldoc.c - libyaml events to a ynode tree. */
#include "yamldoc.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <yaml.h>

#include "diag.h"
#include "util.h"

struct builder {
	const char *file;
	int line_offset;
	yaml_parser_t parser;
	bool failed;
};

static void
ynode_add(ynode *parent, ynode *child, char *key, int kline, int kcol)
{
	parent->items = xgrow(parent->items, parent->n, sizeof *parent->items);
	parent->items[parent->n] = child;
	if (parent->kind == YNODE_MAPPING) {
		parent->keys = xgrow(parent->keys, parent->n, sizeof *parent->keys);
		parent->key_lines = xgrow(parent->key_lines, parent->n, sizeof *parent->key_lines);
		parent->key_cols = xgrow(parent->key_cols, parent->n, sizeof *parent->key_cols);
		parent->keys[parent->n] = key;
		parent->key_lines[parent->n] = kline;
		parent->key_cols[parent->n] = kcol;
	}
	parent->n++;
}

static void
report_parser_error(struct builder *b)
{
	yaml_parser_t *p = &b->parser;
	const yaml_mark_t *m = p->problem ? &p->problem_mark : &p->context_mark;
	int line = (int)m->line + 1 + b->line_offset;
	int col = (int)m->column + 1;
	if (p->context)
		diag_error(b->file, line, col, "invalid YAML: %s %s", p->problem ? p->problem : "error",
		           p->context);
	else
		diag_error(b->file, line, col, "invalid YAML: %s", p->problem ? p->problem : "error");
	b->failed = true;
}

/* The first character of s that XML cannot hold (NUL and the other
 * control characters but tab and line ends, U+FFFE, U+FFFF), or -1. YAML
 * escapes make them: "\x01". */
static long
first_non_xml_char(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] < 0x20 && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			return s[i];
		if (s[i] == 0xEF && i + 2 < n && s[i + 1] == 0xBF && (s[i + 2] & 0xFE) == 0xBE)
			return 0xFFC0L | (s[i + 2] & 0x3F); /* U+FFFE, U+FFFF */
	}
	return -1;
}

/* Reads the next node (the event ev has been fetched and is owned here).
 * Returns NULL on failure (already reported). */
static ynode *parse_node(struct builder *b, yaml_event_t *ev, int depth);

static bool
next_event(struct builder *b, yaml_event_t *ev)
{
	if (!yaml_parser_parse(&b->parser, ev)) {
		report_parser_error(b);
		return false;
	}
	return true;
}

static ynode *
parse_collection(struct builder *b, ynode *n, int depth)
{
	yaml_event_type_t end = n->kind == YNODE_MAPPING ? YAML_MAPPING_END_EVENT
	                                                 : YAML_SEQUENCE_END_EVENT;
	/* The keys seen so far, key -> line, so that finding a repeated key
	 * stays linear in a mapping of 100,000 keys. */
	strmap *seen = n->kind == YNODE_MAPPING ? strmap_new() : NULL;
	for (;;) {
		yaml_event_t ev;
		if (!next_event(b, &ev))
			goto fail;
		if (ev.type == end) {
			yaml_event_delete(&ev);
			strmap_free(seen);
			return n;
		}
		if (n->kind == YNODE_SEQUENCE) {
			ynode *child = parse_node(b, &ev, depth + 1);
			if (child == NULL)
				goto fail;
			ynode_add(n, child, NULL, 0, 0);
			continue;
		}
		/* A mapping: a scalar key, then its value. */
		ynode *key = parse_node(b, &ev, depth + 1);
		if (key == NULL)
			goto fail;
		if (key->kind != YNODE_SCALAR) {
			diag_error(b->file, key->line, key->col, "a key must be a plain word, not a %s",
			           yamldoc_node_kind_name(key->kind));
			yamldoc_node_free(key);
			b->failed = true;
			goto fail;
		}
		void *first = strmap_get(seen, key->value);
		if (first) {
			diag_error(b->file, key->line, key->col, "key '%s' appears twice (first on line %d)",
			           key->value, (int)(intptr_t)first);
			yamldoc_node_free(key);
			b->failed = true;
			goto fail;
		}
		strmap_put(seen, key->value, (void *)(intptr_t)(key->line > 0 ? key->line : 1));
		yaml_event_t vev;
		if (!next_event(b, &vev)) {
			yamldoc_node_free(key);
			goto fail;
		}
		ynode *value = parse_node(b, &vev, depth + 1);
		if (value == NULL) {
			yamldoc_node_free(key);
			goto fail;
		}
		char *k = key->value;
		key->value = NULL;
		ynode_add(n, value, k, key->line, key->col);
		yamldoc_node_free(key);
	}
fail:
	strmap_free(seen);
	yamldoc_node_free(n);
	return NULL;
}

/* mkbook reads every value as written: a tag (!!binary, !!int, !local)
 * that would make it mean something else is named in a warning, never
 * obeyed in silence. !!str, which asks for what mkbook does anyway, is
 * taken without a word. */
static void
warn_tag(struct builder *b, const yaml_char_t *tag, int line, int col)
{
	if (tag == NULL || strcmp((const char *)tag, YAML_STR_TAG) == 0)
		return;
	const char *t = (const char *)tag;
	const char *core = "tag:yaml.org,2002:";
	bool is_core = strncmp(t, core, strlen(core)) == 0;
	diag_warning(b->file, line, col,
	             "the YAML tag '%s%.40s' is not read: the value is taken as it is written",
	             is_core ? "!!" : "", is_core ? t + strlen(core) : t);
}

static ynode *
parse_node(struct builder *b, yaml_event_t *ev, int depth)
{
	ynode *n = NULL;
	int line = (int)ev->start_mark.line + 1 + b->line_offset;
	int col = (int)ev->start_mark.column + 1;
	if (depth > YAMLDOC_MAX_DEPTH) {
		diag_error(b->file, line, col, "YAML nested deeper than %d levels", YAMLDOC_MAX_DEPTH);
		b->failed = true;
		yaml_event_delete(ev);
		return NULL;
	}
	switch (ev->type) {
	case YAML_ALIAS_EVENT:
		diag_error(b->file, line, col, "YAML aliases (*name) are not supported; write the value out");
		b->failed = true;
		break;
	case YAML_SCALAR_EVENT:
		if (ev->data.scalar.anchor) {
			diag_error(b->file, line, col, "YAML anchors (&name) are not supported");
			b->failed = true;
			break;
		}
		warn_tag(b, ev->data.scalar.tag, line, col);
		n = xcalloc(1, sizeof *n);
		n->kind = YNODE_SCALAR;
		n->value = xstrndup((const char *)ev->data.scalar.value, ev->data.scalar.length);
		n->quoted = ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
		long bad = first_non_xml_char(ev->data.scalar.value, ev->data.scalar.length);
		if (bad >= 0) {
			diag_error(b->file, line, col,
			           "a YAML value holds the character U+%04lX (an escape such as \"\\x01\"?), "
			           "which a book cannot hold",
			           bad);
			b->failed = true;
			free(n->value);
			free(n);
			n = NULL;
		}
		break;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT: {
		const yaml_char_t *anchor = ev->type == YAML_SEQUENCE_START_EVENT
		                                ? ev->data.sequence_start.anchor
		                                : ev->data.mapping_start.anchor;
		if (anchor) {
			diag_error(b->file, line, col, "YAML anchors (&name) are not supported");
			b->failed = true;
			break;
		}
		const yaml_char_t *tag = ev->type == YAML_SEQUENCE_START_EVENT
		                             ? ev->data.sequence_start.tag
		                             : ev->data.mapping_start.tag;
		if (tag && strcmp((const char *)tag, YAML_SEQ_TAG) != 0 &&
		    strcmp((const char *)tag, YAML_MAP_TAG) != 0)
			warn_tag(b, tag, line, col);
		n = xcalloc(1, sizeof *n);
		n->kind = ev->type == YAML_SEQUENCE_START_EVENT ? YNODE_SEQUENCE : YNODE_MAPPING;
		n->line = line;
		n->col = col;
		yaml_event_delete(ev);
		return parse_collection(b, n, depth);
	}
	default:
		diag_error(b->file, line, col, "unexpected YAML structure");
		b->failed = true;
		break;
	}
	if (n) {
		n->line = line;
		n->col = col;
	}
	yaml_event_delete(ev);
	return n;
}

ynode *
yamldoc_parse(const char *file, const char *data, size_t len, int line_offset)
{
	struct builder b = {.file = file, .line_offset = line_offset};
	ynode *root = NULL;
	yaml_parser_initialize(&b.parser);
	yaml_parser_set_input_string(&b.parser, (const unsigned char *)data, len);
	yaml_parser_set_encoding(&b.parser, YAML_UTF8_ENCODING);

	yaml_event_t ev;
	bool in_doc = false;
	for (;;) {
		if (!next_event(&b, &ev))
			goto out;
		yaml_event_type_t t = ev.type;
		if (t == YAML_STREAM_END_EVENT) {
			yaml_event_delete(&ev);
			break;
		}
		if (t == YAML_DOCUMENT_START_EVENT) {
			if (in_doc || root != NULL) {
				diag_error(file, (int)ev.start_mark.line + 1 + line_offset,
				           (int)ev.start_mark.column + 1,
				           "more than one YAML document; remove the extra '---'");
				yaml_event_delete(&ev);
				b.failed = true;
				goto out;
			}
			in_doc = true;
			yaml_event_delete(&ev);
			continue;
		}
		if (t == YAML_DOCUMENT_END_EVENT) {
			in_doc = false;
			yaml_event_delete(&ev);
			continue;
		}
		if (t == YAML_STREAM_START_EVENT) {
			yaml_event_delete(&ev);
			continue;
		}
		root = parse_node(&b, &ev, 0);
		if (root == NULL)
			goto out;
	}
	if (root == NULL) {
		root = xcalloc(1, sizeof *root);
		root->kind = YNODE_MAPPING;
		root->line = 1 + line_offset;
		root->col = 1;
	} else if (root->kind == YNODE_SCALAR && yamldoc_node_is_null(root)) {
		root->kind = YNODE_MAPPING;
		free(root->value);
		root->value = NULL;
	}
out:
	yaml_parser_delete(&b.parser);
	if (b.failed) {
		yamldoc_node_free(root);
		return NULL;
	}
	return root;
}

void
yamldoc_node_free(ynode *n)
{
	if (n == NULL)
		return;
	for (size_t i = 0; i < n->n; i++) {
		yamldoc_node_free(n->items[i]);
		if (n->keys)
			free(n->keys[i]);
	}
	free(n->items);
	free(n->keys);
	free(n->key_lines);
	free(n->key_cols);
	free(n->value);
	free(n);
}

const ynode *
yamldoc_node_get(const ynode *map, const char *key)
{
	if (map == NULL || map->kind != YNODE_MAPPING)
		return NULL;
	for (size_t i = 0; i < map->n; i++)
		if (strcmp(map->keys[i], key) == 0)
			return map->items[i];
	return NULL;
}

bool
yamldoc_node_is_null(const ynode *n)
{
	if (n == NULL || n->kind != YNODE_SCALAR || n->quoted)
		return false;
	return n->value[0] == '\0' || strcmp(n->value, "~") == 0 || strcmp(n->value, "null") == 0 ||
	       strcmp(n->value, "Null") == 0 || strcmp(n->value, "NULL") == 0;
}

const char *
yamldoc_node_kind_name(enum ynode_kind kind)
{
	switch (kind) {
	case YNODE_SCALAR:
		return "single value";
	case YNODE_SEQUENCE:
		return "list";
	case YNODE_MAPPING:
		return "mapping";
	}
	return "value";
}
