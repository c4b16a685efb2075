/* html_md.h - HTML as WordPress and saved pages hold it -> Markdown in
 * mkbook's manuscript dialect (CommonMark + GFM tables), shared by every
 * importer. Clean Markdown where the HTML maps onto it (paragraphs,
 * headings, emphasis, links, lists, quotations, code, images, simple
 * tables); a raw HTML block where it does not. Raw HTML that is kept is
 * still sanitised by mkbook when the book is built. */
#ifndef MKBOOK_IMPORT_HTML_MD_H
#define MKBOOK_IMPORT_HTML_MD_H

#include <stdbool.h>

/* Asked for each image: returns the manuscript-relative path to use
 * ("images/x.jpg", owned by the callee and valid until the conversion
 * ends), or NULL when the image is not to be had: the alt text then
 * stands in for it. */
typedef const char *(*html_md_image_fn)(void *ctx, const char *url, const char *alt);

typedef struct html_md_options {
	bool wordpress_raw;   /* editor text: wpautop paragraphs, Gutenberg
	                         block comments removed, shortcodes expanded */
	bool untrusted;       /* reader comments: no raw HTML blocks, only
	                         http/https/mailto links */
	const char *base_url; /* relative links and images resolve against it */
	const char *file;     /* for diagnostics (unknown shortcodes...) */
	int line;             /* line of the HTML in file, 0 if unknown */
	html_md_image_fn image;
	void *image_ctx;
} html_md_options;

/* Converts the NUL-terminated html. Never returns NULL; caller frees. */
char *html_md_convert(const char *html, const html_md_options *opt);
/* The text of html with tags removed, entities decoded and white space
 * folded: for titles, excerpts and summaries. Caller frees. */
char *html_md_text(const char *html);

#endif
