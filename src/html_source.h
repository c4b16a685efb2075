/* html_source.h - HTML text as libxml2's HTML parser is given it: the one
 * place that mends what that parser (2.9.14) reads otherwise than HTML5
 * does, so that no text is lost on the way. */
#ifndef MKBOOK_HTML_SOURCE_H
#define MKBOOK_HTML_SOURCE_H

#include <stddef.h>

/* The len bytes of html with each empty comment written "<!-->" or
 * "<!--->" made "<!---->" (caller frees; *out_len is its length), or NULL
 * when there is none. HTML5 and CommonMark 0.31 end such a comment where
 * it starts; libxml2's HTML parser reads on to the next "-->", and the text
 * between went without a word. Comments are followed, so that one inside
 * another is left alone. */
char *html_source_close_empty_comments(const char *html, size_t len, size_t *out_len);

#endif
