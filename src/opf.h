/* opf.h - the package document: metadata, manifest and spine. */
#ifndef MKBOOK_OPF_H
#define MKBOOK_OPF_H

#include "book.h"

/* The package document for b, whose chapters are rendered and whose
 * resources are all known. Manifest properties (svg, remote-resources,
 * nav, cover-image) follow from the rendered trees. languages lists every
 * language the book uses, the book's own first. Caller frees. */
xmlDocPtr opf_document(const book *b, const strlist *languages);

/* The accessibility facts of a book, computed from its rendered trees. */
typedef struct a11y_facts {
	int images;          /* <img> elements in the book */
	int images_with_alt; /* of them, with a non-empty alt */
	bool has_tables;
	bool has_notes;
	bool has_styles;     /* an element with style of the author's (book.h) */
	bool animated;       /* an image moves (animated GIF, PNG or SVG) */
} a11y_facts;
void opf_a11y_facts(const book *b, a11y_facts *f);
/* Records in c what the accessibility metadata needs to know of its
 * rendered tree (c->doc): images, their descriptions, tables, notes. */
void opf_note_facts(chapter *c);

#endif
