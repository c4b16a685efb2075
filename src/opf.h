/* opf.h - the package document: metadata, manifest and spine. */
#ifndef MKBOOK_OPF_H
#define MKBOOK_OPF_H

#include "book.h"

/* The accessibility facts of a book or of one page. */
typedef struct a11y_facts {
	int images;          /* <img> elements */
	int images_with_alt; /* of them, with a text description or alt="" by design */
	bool has_tables;
	bool has_notes;
	bool has_styles;     /* an element with style of the author's, so the
	                        reader's font, size and colour may not win */
	bool animated;       /* an image moves (animated GIF, PNG or SVG): set
	                        from the book's resources by opf_document */
} a11y_facts;

/* The package document for b, whose chapters are rendered and whose
 * resources are all known; facts are its pages' (opf_add_facts).
 * languages lists every language the book uses, the book's own first.
 * Caller frees. */
xmlDocPtr opf_document(const book *b, const strlist *languages, const a11y_facts *facts);
/* Sets *f to what the accessibility metadata needs to know of one
 * rendered page, doc: images, their descriptions, tables, notes. */
void opf_note_facts(xmlDocPtr doc, a11y_facts *f);
/* Adds a page's facts to sum. */
void opf_add_facts(a11y_facts *sum, const a11y_facts *page);

#endif
