/* path.h - files and manuscript-relative paths. */
#ifndef MKBOOK_PATH_H
#define MKBOOK_PATH_H

#include <stdbool.h>
#include <stddef.h>

/* Reads a whole file. Returns 0 and sets *data (NUL-terminated, caller
 * frees) and *len, or returns an errno value: EFBIG when it is larger than
 * max bytes (0 = no limit), EISDIR for a folder. */
int path_read_file(const char *path, char **data, size_t *len, size_t max);
/* The same, and sets *regular to whether path is a regular file (one that
 * can be read again for the same bytes, unlike a pipe). */
int path_read_file_stat(const char *path, char **data, size_t *len, size_t max, bool *regular);

/* Joins two path parts with one '/'. Caller frees. */
char *path_join(const char *a, const char *b);
/* The folder part of a relative path ("a/b.md" -> "a", "b.md" -> ""). */
char *path_dirname(const char *path);
const char *path_basename(const char *path);
/* Normalises a relative path: drops "." parts and folds "x/..". Returns NULL
 * when the path is absolute or climbs above its root. Caller frees. */
char *path_normalize_relative(const char *path);

#endif
