/* kepub.h - the Kobo variant of a content document (mkbook --kepub).
 *
 * Kobo's reader (its "kepub" renderer, chosen for files named *.kepub.epub)
 * finds reading positions, highlights and page statistics through spans:
 * every sentence of text, and every image, is wrapped in
 *     <span class="koboSpan" id="kobo.P.S">
 * where P counts the paragraphs (p, lists and tables, each image) and S the
 * sentences within one, both from 1; the body's content is wrapped in
 * div#book-columns > div#book-inner, and a small style in the head keeps
 * those wrappers from adding margins. The document stays valid XHTML. */
#ifndef MKBOOK_KEPUB_H
#define MKBOOK_KEPUB_H

#include <libxml/tree.h>

#include "util.h"

/* Transforms doc (an XHTML document made by xhtml_new_document) in place.
 * ids, when not NULL, holds the ids already in the document: a span id
 * that would repeat one is skipped past. Does nothing to a document that
 * already has Kobo spans. */
void kepub_transform(xmlDocPtr doc, const strset *ids);

/* The length of the first sentence of text (len bytes of UTF-8): it ends
 * after '.', '!', '?' or ':', any closing quotation marks and brackets,
 * and the white space that follows, when that punctuation is followed by
 * white space or ends the text ("3.5" and "example.com" go on); without
 * such an end the sentence is the whole text. */
size_t kepub_sentence_length(const char *text, size_t len);

#endif
