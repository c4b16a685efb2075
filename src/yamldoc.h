/* yamldoc.h - a small YAML document tree built with libyaml, with the line
 * and column of every node, for book.yaml and front matter.
 *
 * Aliases and anchors are refused (they serve no purpose in a manuscript and
 * are the route to exponential expansion), as are documents nested deeper
 * than YAMLDOC_MAX_DEPTH. */
#ifndef MKBOOK_YAMLDOC_H
#define MKBOOK_YAMLDOC_H

#include <stdbool.h>
#include <stddef.h>

#define YAMLDOC_MAX_DEPTH 64

enum ynode_kind { YNODE_SCALAR, YNODE_SEQUENCE, YNODE_MAPPING };

typedef struct ynode {
	enum ynode_kind kind;
	int line; /* 1-based, in the file (line_offset applied) */
	int col;
	char *value;          /* scalar text (UTF-8), NULL for collections */
	bool quoted;          /* a quoted scalar: never null/bool */
	char **keys;          /* mapping keys, parallel to items */
	int *key_lines;
	int *key_cols;
	struct ynode **items; /* sequence items or mapping values */
	size_t n;
} ynode;

/* Parses one YAML document from data. file names the file in messages;
 * line_offset is added to every line (front matter starts after "---").
 * An empty document gives an empty mapping. On a syntax error reports it
 * (with libyaml's line and column) and returns NULL. Caller frees with
 * yamldoc_node_free. */
ynode *yamldoc_parse(const char *file, const char *data, size_t len, int line_offset);
void yamldoc_node_free(ynode *n);

/* The value of key in a mapping, or NULL. */
const ynode *yamldoc_node_get(const ynode *map, const char *key);
/* True for a scalar that YAML reads as null ("", "~", "null"), unquoted. */
bool yamldoc_node_is_null(const ynode *n);
const char *yamldoc_node_kind_name(enum ynode_kind kind);

#endif
