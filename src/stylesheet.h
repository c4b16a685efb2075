/* stylesheet.h - the default e-reader stylesheet (styles/mkbook.css),
 * compiled into the binary by the Makefile. */
#ifndef MKBOOK_STYLESHEET_H
#define MKBOOK_STYLESHEET_H

#include <stddef.h>

extern const char mkbook_default_css[];
extern const size_t mkbook_default_css_len;

#endif
