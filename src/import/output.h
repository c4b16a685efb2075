/* output.h - how mkbook import writes its manuscript folder: the folder
 * rules (created, or refused when not empty without --force), each file
 * written atomically, YAML values quoted by one function, and the safe
 * names of the files it makes (writer.c, images.c, fetch.c). */
#ifndef MKBOOK_IMPORT_OUTPUT_H
#define MKBOOK_IMPORT_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

/* Makes dir ready to write into: creates it (and missing parents), or
 * accepts an existing empty folder, or, with force, a non-empty one.
 * Returns 0, or 1 after reporting why not (nothing was written). */
int output_prepare(const char *dir, bool force);
/* Creates the folder rel (one or more parts, "qa/slug") inside dir.
 * A part that exists must be a real folder, not a symbolic link.
 * Returns 0, or -1 after reporting an error. */
int output_mkdir(const char *dir, const char *rel);
/* Writes len bytes to dir/rel atomically: a temporary file in the same
 * folder, renamed over the old one, so a reader never sees half a file.
 * The folder must exist. Returns 0, or -1 after reporting an error. */
int output_write(const char *dir, const char *rel, const void *data, size_t len);

/* Appends s as a YAML double-quoted scalar: quotes, backslashes and line
 * breaks escaped; characters that XML (and so a book) cannot hold and
 * bytes that are not UTF-8 left out. NULL gives "". */
void output_yaml_string(strbuf *sb, const char *s);
/* Appends "# text\n", text on one line: every line break and control
 * character becomes a space. */
void output_yaml_comment(strbuf *sb, const char *text);
/* A file-name part made from text: ASCII letters (lower case) and digits,
 * other runs become one '-', at most max bytes, no '-' at either end.
 * May be "" (the caller then picks a fallback). Caller frees. */
char *output_slug(const char *text, size_t max);

#endif
