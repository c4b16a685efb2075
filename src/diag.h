/* diag.h - the one way mkbook reports to its user.
 *
 * Every message goes to stderr in the form compilers use, which editors'
 * and CI's problem matchers read:
 *     FILE:LINE:COL: error|warning|note: MESSAGE
 * with the position parts left out where unknown (line or col 0), and
 *     mkbook: error|warning|note: MESSAGE
 * when no file is named. Errors and warnings are counted; in strict mode
 * warnings count (and are printed) as errors.
 *
 * File names and messages often hold text from the manuscript, so nothing
 * in them may act on the terminal or forge a line: control characters,
 * bidi controls, line separators and bytes that are not UTF-8 are printed
 * escaped (diag_escape). */
#ifndef MKBOOK_DIAG_H
#define MKBOOK_DIAG_H

#include <stdbool.h>

#include "util.h"

enum diag_level { DIAG_NOTE, DIAG_WARNING, DIAG_ERROR };

void diag_report(enum diag_level level, const char *file, int line, int col,
                 const char *fmt, ...) __attribute__((format(printf, 5, 6)));

#define diag_error(file, line, col, ...) diag_report(DIAG_ERROR, file, line, col, __VA_ARGS__)
#define diag_warning(file, line, col, ...) diag_report(DIAG_WARNING, file, line, col, __VA_ARGS__)
#define diag_note(file, line, col, ...) diag_report(DIAG_NOTE, file, line, col, __VA_ARGS__)

/* A usage message, "mkbook: MESSAGE", escaped, not counted (bad options). */
void diag_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Appends s to sb with every C0 control and DEL as \n, \t, \r or \xHH,
 * every C1 control, bidi control (U+061C, U+200E/F, U+202A-202E,
 * U+2066-2069) and line or paragraph separator (U+2028/9) as \uHHHH, and
 * every byte that is not part of valid UTF-8 as \xHH. */
void diag_escape(strbuf *sb, const char *s);

void diag_set_strict(bool strict);
void diag_set_color(bool color);
/* Silences everything but errors (used by tests and fuzzers). */
void diag_set_quiet(bool quiet);
/* Silences notes only (mkbook -q). */
void diag_set_notes(bool on);
/* fn, when not NULL, is called before each message is printed (mkbook takes
 * its progress line off the terminal with it). */
void diag_set_hook(void (*fn)(void));
int diag_error_count(void);
int diag_warning_count(void);
/* Resets the counts (tests). */
void diag_reset(void);
/* From now on this thread's messages go into buf (counted as usual)
 * instead of stderr; NULL prints again. Lets parallel work report in a
 * fixed order. */
void diag_capture(strbuf *buf);
/* Prints what a capture collected, and empties it. */
void diag_flush(strbuf *buf);

#endif
