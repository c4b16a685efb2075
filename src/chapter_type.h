/* chapter_type.h - the chapter types a manuscript file may name in its
 * front matter (type: preface), and what each makes of the page: the
 * section's epub:type, the part of the book the body belongs to, and the
 * title given when the file has none. The one table of them. */
#ifndef MKBOOK_CHAPTER_TYPE_H
#define MKBOOK_CHAPTER_TYPE_H

#include <stdbool.h>

#include "labels.h"

typedef struct chapter_type {
	const char *name;      /* the front matter value */
	const char *epub_type; /* the <section>'s epub:type */
	const char *matter;    /* the <body>'s: frontmatter, bodymatter, backmatter */
	bool has_title_label;  /* the title, when the file gives none, is title_label */
	enum label_id title_label;
} chapter_type;

/* The type called name, or NULL when there is none. NULL gives the
 * default type, "chapter". Static storage. */
const chapter_type *chapter_type_find(const char *name);

/* The names of every type, in the table's order, separated by ", " (for
 * messages). Caller frees. */
char *chapter_type_names(void);

#endif
