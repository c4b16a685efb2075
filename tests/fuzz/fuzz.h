/* fuzz.h - what the libFuzzer targets of tests/fuzz/ share.
 *
 * Every target defines LLVMFuzzerInitialize (calling fuzz_setup) and
 * LLVMFuzzerTestOneInput, and frees everything it allocates: a leak is a
 * finding. The same sources are built with libFuzzer (make fuzz) and with
 * replay.c's main (make fuzz-replay), which feeds them files. */
#ifndef MKBOOK_FUZZ_H
#define MKBOOK_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "markdown.h"
#include "source.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* markdown_init() and quiet diagnostics; mkbook's own messages go to
 * /dev/null unless FUZZ_VERBOSE is set (sanitizer and libFuzzer reports
 * are untouched: they write to file descriptor 2 themselves). Once. */
void fuzz_setup(void);

/* A scratch folder of this process (removed at exit), emptied. */
const char *fuzz_scratch(void);
/* Writes data to dir/rel, making the folders of rel. Returns 0 or -1. */
int fuzz_write(const char *dir, const char *rel, const void *data, size_t len);

/* The separator between the files of one input: a line "@@@". */
#define FUZZ_SEP "\n@@@\n"
/* Splits data at FUZZ_SEP into at most max parts (the last part keeps any
 * further separators). Sets part pointers and lengths; returns the count
 * (at least 1). */
size_t fuzz_split(const uint8_t *data, size_t size, const uint8_t **part, size_t *len,
                  size_t max);

/* The input of the Markdown targets: the first byte chooses - bit 0
 * untrusted (a reader comment's rules), bit 1 the text first goes
 * through source_parse as a chapter file does (UTF-8 checked, line ends
 * normalised, front matter split off), bit 2 a footnote id prefix as in
 * the Q&A chapter - and the rest is the Markdown. Sets *text and *len
 * (into data, or into *sf, which the caller frees with source_free) and
 * o's file, first_line, untrusted and id_prefix. Returns false for an
 * input to skip (empty, or refused by source_parse). */
bool fuzz_markdown_input(const uint8_t *data, size_t size, source_file *sf, const char **text,
                         size_t *len, markdown_opts *o);

/* The oracle for what mkbook writes: doc (len bytes) must be well-formed
 * XML and hold no active content - no script, iframe, object, embed,
 * form or similar element, no on* attribute, no href, src, xlink:href,
 * action or formaction whose scheme is not http, https, mailto, tel or
 * ftp (none for untrusted), no style with url(. Aborts, naming the
 * problem, when it does: libFuzzer reports that as a crash. */
void fuzz_check_xhtml(const char *doc, size_t len, bool untrusted);
/* The same for an SVG file media_clean_svg wrote: well-formed, no
 * DOCTYPE, no script, foreignObject or other active element, no on*
 * attribute, no href or src but fragments, no url( but to fragments. */
void fuzz_check_svg(const char *svg, size_t len);
/* Every content document (.xhtml) and SVG image of an EPUB in memory
 * through the checks above. */
void fuzz_check_epub(const unsigned char *epub, size_t len);

#endif
