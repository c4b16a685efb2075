/* diag.h - the one way mkbook reports to its user.
 *
 * Every message goes to stderr as
 *     mkbook: FILE:LINE:COL: error|warning|note: MESSAGE
 * with the position parts left out where unknown (line or col 0).
 * Errors and warnings are counted; in strict mode warnings count (and are
 * printed) as errors. */
#ifndef MKBOOK_DIAG_H
#define MKBOOK_DIAG_H

#include <stdbool.h>

enum diag_level { DIAG_NOTE, DIAG_WARNING, DIAG_ERROR };

void diag_report(enum diag_level level, const char *file, int line, int col,
                 const char *fmt, ...) __attribute__((format(printf, 5, 6)));

#define diag_error(file, line, col, ...) diag_report(DIAG_ERROR, file, line, col, __VA_ARGS__)
#define diag_warning(file, line, col, ...) diag_report(DIAG_WARNING, file, line, col, __VA_ARGS__)
#define diag_note(file, line, col, ...) diag_report(DIAG_NOTE, file, line, col, __VA_ARGS__)

void diag_set_strict(bool strict);
void diag_set_color(bool color);
/* Silences everything but errors (used by tests and fuzzers). */
void diag_set_quiet(bool quiet);
/* Silences notes only (mkbook -q). */
void diag_set_notes(bool on);
int diag_error_count(void);
int diag_warning_count(void);
/* Resets the counts (tests). */
void diag_reset(void);

#endif
