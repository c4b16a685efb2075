/* css.h - the one policy for CSS: whether a style attribute, an SVG
 * <style> or a stylesheet loads or runs nothing. mkbook copies no file a
 * stylesheet names, and a book runs nothing. */
#ifndef MKBOOK_CSS_H
#define MKBOOK_CSS_H

#include <stdbool.h>
#include <stddef.h>

/* The first thing in css[0..len) that would load or run something, as the
 * rule spells it ("url(", "@import", "expression(", "javascript:"...), or
 * NULL when there is none; *at (when at is not NULL) is then the byte
 * offset in css where it starts, for the message's line. CSS escapes
 * (\75, \u) and case are undone first; comments are searched too (a
 * comment opener may stand in a string). With local_urls, url(#id), a
 * reference into the same document as SVG gradients use, is allowed. */
const char *css_active_word(const char *css, size_t len, bool local_urls, size_t *at);

/* Whether the NUL-terminated css loads or runs nothing (see above). */
bool css_is_inert(const char *css, bool local_urls);

/* Why css[0..len) is not a stylesheet a CSS parser reads to its end, or
 * NULL when it is: a comment or string left open, a brace, bracket or
 * parenthesis closed that was not opened or opened and never closed, or
 * text outside any rule (a Markdown file named as the stylesheet). *at is
 * then the byte offset of the problem. Static storage. */
const char *css_syntax_problem(const char *css, size_t len, size_t *at);

#endif
