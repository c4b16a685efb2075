/* epub.h - the OCF container: a ZIP with the mimetype entry first and
 * stored, every entry stamped with one fixed time, written atomically. */
#ifndef MKBOOK_EPUB_H
#define MKBOOK_EPUB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct epub_writer epub_writer;

/* A writer whose entries are all stamped with the DOS time of epoch (UTC). */
epub_writer *epub_new(long long epoch);
void epub_free(epub_writer *w);
/* Adds an entry. The writer takes data (allocated with malloc) and frees
 * it. store: keep uncompressed (the mimetype, already compressed images). */
void epub_add(epub_writer *w, const char *name, void *data, size_t len, bool store);
/* Adds an entry whose data the caller keeps alive until epub_free. */
void epub_add_static(epub_writer *w, const char *name, const void *data, size_t len, bool store);

/* A spool for compressed entries: an unlinked temporary file (in TMPDIR,
 * else /tmp), so that the book's compressed pages need not stay in memory
 * until the archive is written. */
typedef struct epub_spool epub_spool;

/* An entry compressed beforehand (so that it can be done in parallel). */
typedef struct epub_blob {
	unsigned char *data; /* raw deflate stream, malloc'd; NULL once spooled */
	size_t len;          /* compressed size */
	size_t size;         /* uncompressed size */
	uint32_t crc;        /* CRC-32 of the uncompressed bytes */
	epub_spool *spool;   /* where the stream is once spooled, at offset */
	long long offset;
	size_t bad_at;       /* 0, or 1 + the offset of the first byte that does
	                        not begin a character XML allows, in UTF-8 */
} epub_blob;

/* A new spool, or NULL when no temporary file can be made (the streams
 * then stay in memory). */
epub_spool *epub_spool_new(void);
/* Closes the spool (its file goes with it); accepts NULL. */
void epub_spool_free(epub_spool *s);
/* Moves blob's stream to the spool and frees it from memory. Safe to call
 * from several threads at once. With s NULL, or when the spool cannot be
 * written (a full disk), the stream stays in memory. */
void epub_spool_blob(epub_spool *s, epub_blob *blob);
/* Hands the spool the writer's entries may be in to w, which frees it. */
void epub_set_spool(epub_writer *w, epub_spool *s);

/* Compresses data with raw deflate at the level mkbook uses, into *blob.
 * Safe to call from several threads at once. */
void epub_deflate(const void *data, size_t len, epub_blob *blob);
/* Frees the calling thread's compressor (other threads' go when they
 * end). */
void epub_deflate_done(void);
/* Restores the bytes blob was made from into *out (malloc'd, caller
 * frees) and *len. Safe to call from several threads at once. */
void epub_inflate(const epub_blob *blob, char **out, size_t *len);
/* Frees blob (from malloc) and its data; accepts NULL. */
void epub_blob_free(epub_blob *blob);
/* Adds a compressed entry; the writer takes blob->data. */
void epub_add_deflated(epub_writer *w, const char *name, epub_blob *blob);

/* 0 when data is UTF-8 of characters XML 1.0 allows (the text of every
 * document in the book must be), else 1 + the offset of the first byte
 * that is not. */
size_t epub_find_bad_xml_char(const void *data, size_t len);

/* Writes the archive, entries in the order added, to path: libzip writes
 * it straight into a temporary file in the same folder, which is renamed
 * into place only when complete; on failure the temporary file is removed
 * and any existing file at path is untouched. Every text entry (a document,
 * the package, the stylesheet) is checked first: one that is not UTF-8
 * of XML characters is an error, and nothing is written. The data of compressed
 * entries is freed as it is written, so w can be written once only.
 * Returns 0 with the archive's size in *len, or -1 after reporting an
 * error naming path. */
int epub_write(epub_writer *w, const char *path, size_t *len);

#endif
