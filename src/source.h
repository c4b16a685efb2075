/* source.h - reading one manuscript text file: size limit, NUL bytes and
 * UTF-8 checked (errors name the line and column), a byte-order mark
 * dropped, CRLF and CR line ends turned into LF, and YAML front matter
 * between "---" lines split off and parsed. */
#ifndef MKBOOK_SOURCE_H
#define MKBOOK_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "yamldoc.h"

/* What source_read saw of a file, so that its text can be read again later
 * and found unchanged. */
typedef struct source_stamp {
	bool regular; /* a regular file: it can be read a second time */
	size_t size;  /* its bytes, before any normalisation */
	uint32_t crc; /* CRC-32 of them */
} source_stamp;

typedef struct source_file {
	char *name;       /* for diagnostics */
	char *text;       /* the whole normalised text, NUL-terminated */
	size_t len;
	ynode *front;     /* front matter mapping, or NULL when there is none */
	int front_line;   /* line of the opening "---" */
	const char *body; /* points into text: what follows the front matter */
	size_t body_len;
	int body_line;    /* line number of the body's first line */
	source_stamp stamp; /* set by source_read; all zero from source_parse */
} source_file;

/* Reads the manuscript file at path whole, no more than
 * MKBOOK_MAX_FILE_BYTES (book.h), the one limit for every text file mkbook
 * reads. Returns 0 and sets *data (NUL-terminated; the caller frees), *len
 * and, when regular is not NULL, *regular (a regular file, which can be
 * read again); or an errno value (EFBIG over the limit), reporting
 * nothing, so that a caller may accept a missing file. */
int source_read_bytes(const char *path, char **data, size_t *len, bool *regular);
/* Reports, naming the file name, why source_read_bytes failed with e: the
 * one wording of these errors. */
void source_report_read_error(const char *name, int e);

/* Reads path (name is what diagnostics print). Returns 0, or -1 after
 * reporting an error. On success the caller frees with source_free. */
int source_read(const char *name, const char *path, source_file *out);
/* The same for text already in memory (tests, fuzzing). Copies data. */
int source_parse(const char *name, const char *data, size_t len, source_file *out);
void source_free(source_file *sf);

/* Reads path again for the body source_read found at byte body_at of the
 * normalised text (sf.body - sf.text): the same bytes, normalised the same
 * way, and nothing parsed or reported again. Returns 0 and sets *body
 * (NUL-terminated; the caller frees) and *body_len; or -1 after reporting
 * an error, "... changed while the book was being made" when the file is
 * no longer what stamp describes. Safe to call from several threads. */
int source_reread_body(const char *name, const char *path, const source_stamp *stamp,
                       size_t body_at, char **body, size_t *body_len);

/* The line and column (1-based, a column per character) of byte at of
 * data, whose first line is first_line. */
void source_position(const char *data, size_t at, int first_line, int *line, int *col);

/* Checks that data is UTF-8 without NUL bytes. Returns 0, or -1 after
 * reporting the first offending byte's line and column (first_line is the
 * line number of data's first line). */
int source_check_text(const char *name, const char *data, size_t len, int first_line);

#endif
