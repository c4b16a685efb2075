/* html_values.h - which attributes the sanitiser keeps on which element,
 * and whether a value is one its element's content model allows (HTML, as EPUB 3.3 takes it):
 * list numbering types, cell spans, machine-readable dates and times,
 * media types, language tags. The sanitiser drops, with a warning, a
 * value that is not. */
#ifndef MKBOOK_HTML_VALUES_H
#define MKBOOK_HTML_VALUES_H

#include <stdbool.h>

/* Whether value is valid for attribute attr of element el. Attributes
 * this module has no rule for pass. */
bool html_value_ok(const char *el, const char *attr, const char *value);

/* Whether s is a valid machine-readable date or time. strict (the
 * datetime of <del> and <ins>): a date, or a date and time with a time
 * zone. Otherwise (<time>): also a year, month, week, month and day, a
 * time, a date and time without zone, a time zone, or a duration. */
bool html_value_is_datetime(const char *s, bool strict);

/* Whether the sanitiser keeps attribute attr on element el (the global
 * attributes, and those of the elements it keeps; a few, such as width
 * and start, only with a number). */
bool html_attribute_allowed(const char *el, const char *attr, const char *value);
/* Whether name is a data-* attribute in XML's lower-case form. */
bool html_attribute_is_data(const char *name);
/* Whether name is a presentational attribute (align, width...), which
 * the stylesheet replaces. */
bool html_attribute_is_presentational(const char *name);

#endif
