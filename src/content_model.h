/* content_model.h - the required-child and allowed-parent rules of the
 * elements the sanitiser keeps, repaired on the copied XHTML tree.
 *
 * Raw HTML from blogs breaks them in ways browsers forgive and EPUB
 * validators do not: a <dl> of terms without definitions (WordPress's
 * gallery captions), a <figcaption> between two images, a <caption> after
 * the rows, a <summary> that is not first, an <rt> outside <ruby>. The
 * repair wraps, reorders or turns an element into a neutral <div> or
 * <span>; it never drops text. It also checks the attributes that name
 * other elements by id (headers, aria-describedby, aria-labelledby), which
 * can only be checked once the whole tree is there. */
#ifndef MKBOOK_CONTENT_MODEL_H
#define MKBOOK_CONTENT_MODEL_H

#include <libxml/tree.h>

/* Repairs the tree under root (see above). file names the source in the
 * warnings about references to missing ids; the repairs themselves are
 * silent, since they lose nothing the author wrote. */
void content_model_repair(xmlNodePtr root, const char *file);

#endif
