/* html_md.h - HTML as WordPress and saved pages hold it -> Markdown in
 * mkbook's manuscript dialect (CommonMark + GFM tables), shared by every
 * importer. Clean Markdown where the HTML maps onto it (paragraphs,
 * headings, emphasis, links, lists, quotations, code, images, simple
 * tables); a raw HTML block where it does not. Raw HTML that is kept is
 * still sanitised by mkbook when the book is built. */
#ifndef MKBOOK_IMPORT_HTML_MD_H
#define MKBOOK_IMPORT_HTML_MD_H

#include <stdbool.h>
#include <stddef.h>

/* Asked for each image: returns the manuscript-relative path to use
 * ("images/x.jpg", owned by the callee and valid until the conversion
 * ends), or NULL when the image is not to be had: the alt text then
 * stands in for it. */
typedef const char *(*html_md_image_fn)(void *ctx, const char *url, const char *alt);

/* An attachment that a [gallery] shortcode names. */
typedef struct html_md_attachment {
	const char *url;     /* the image's address (required) */
	const char *alt;     /* its alt text, or NULL */
	const char *caption; /* its caption as HTML, or NULL */
} html_md_attachment;

/* Asked for the images of a [gallery] shortcode, which names attachments
 * by id: with id set, the attachment of that id ("12"), index unused;
 * with id NULL (a [gallery] without ids: the post's own images), the
 * index-th image attached to the post, from 0. Fills *out (strings owned
 * by the callee, valid until the conversion ends) and returns true, or
 * returns false when there is no such attachment. */
typedef bool (*html_md_attachment_fn)(void *ctx, const char *id, size_t index,
                                      html_md_attachment *out);

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
	/* Added after the first version (zero means "not given"): */
	html_md_attachment_fn attachment; /* [gallery] ids -> images, or NULL */
	void *attachment_ctx;
	/* Relative image addresses resolve against this instead of base_url
	 * (a saved page: its own folder, while links go to the site); NULL:
	 * base_url. With neither, a relative address reaches opt->image as
	 * it is written. */
	const char *image_base_url;
	/* The level of the body's top headings: 2 when the chapter starts
	 * with its own "# title". Headings above it come down to it; 0 leaves
	 * the first heading's level as it is. Either way a heading never
	 * skips a level below the one before it (h2 then h4 gives h2, h3), as
	 * mkbook asks of an outline. */
	int heading_top;
} html_md_options;

/* Converts the NUL-terminated html. Never returns NULL; caller frees.
 * Without opt->image every image is replaced by its alt text. Links that
 * cannot be made absolute (no base_url), that point to a place in the
 * page (#id: ids are not kept) or that the URL policy refuses keep their
 * text only. An unknown shortcode, or a [gallery] whose images cannot be
 * had, is a warning at opt->file and opt->line. In wordpress_raw mode straight quotes, "--" and
 * "..." are left unescaped, so that mkbook's smart punctuation curls them
 * as WordPress's own display does; otherwise every character reads back
 * as it stood in the HTML. With wordpress_raw and untrusted together (a
 * WordPress comment) the paragraphs and line breaks are made, but as in
 * WordPress no shortcode or embed is expanded. */
char *html_md_convert(const char *html, const html_md_options *opt);
/* The text of html with tags removed, entities decoded and white space
 * folded: for titles, excerpts and summaries. Caller frees. */
char *html_md_text(const char *html);

#endif
