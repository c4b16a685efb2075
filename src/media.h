/* media.h - images: their media type from their bytes, and SVG files made
 * safe (no DOCTYPE, no scripts, no event handlers, no outside references). */
#ifndef MKBOOK_MEDIA_H
#define MKBOOK_MEDIA_H

#include <stddef.h>

/* "image/png", "image/jpeg", "image/gif", "image/svg+xml", "image/webp",
 * or NULL when the bytes are none of these. Static storage. */
const char *media_sniff(const unsigned char *data, size_t len);
/* Why the bytes of an image sniffed as type are not a well-formed image
 * of that type (its chunks, markers or blocks, not only its first bytes),
 * or NULL when they are. Static storage. */
const char *media_structure_problem(const char *type, const unsigned char *data, size_t len);
/* Whether EPUB 3.2 reading systems must support the type (WebP is not). */
int media_is_core_image(const char *media_type);
/* Rewrites an SVG file without DOCTYPE and active content into *out
 * (caller frees). Returns 0, or -1 with *why set to a static reason. */
int media_clean_svg(const unsigned char *data, size_t len, unsigned char **out, size_t *outlen,
                    const char **why);
/* The usual file extension for a media type ("png"...). */
const char *media_extension(const char *media_type);

#endif
