/* media.h - images, sound and video: their media type from their bytes,
 * and SVG files made safe (no DOCTYPE, no scripts, no event handlers, no
 * outside references). */
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
/* "audio/mpeg" (MP3: an ID3v2 tag or an MPEG audio frame), "audio/mp4" or
 * "video/mp4" (an ftyp box; video when a track's handler is video, or when
 * neither handler nor brand says audio), "audio/ogg; codecs=opus",
 * "audio/ogg" (other Ogg audio), "video/ogg" (Theora), "video/webm" (an
 * EBML header), "audio/wav", "audio/flac", or NULL when the bytes are none
 * of these. Static storage. */
const char *media_sniff_av(const unsigned char *data, size_t len);
/* As media_structure_problem, for a type media_sniff_av gave: MP3 frames
 * that follow one another, MP4 boxes that fill the file with a movie box,
 * Ogg pages that fill the file, a WebM EBML header with its Segment. */
const char *media_av_structure_problem(const char *type, const unsigned char *data,
                                       size_t len);
/* Why the bytes are not a WebVTT file (text/vtt, for a <track>: an
 * exempt resource of EPUB 3.3, which needs no fallback): its first line
 * (after a byte-order mark) is not "WEBVTT", alone or followed by a space
 * or tab, or it holds NUL bytes. NULL when they are. Static storage. */
const char *media_webvtt_problem(const unsigned char *data, size_t len);
/* Whether EPUB 3.3 makes the audio type a core media type (MP3, AAC in
 * MP4, Opus in Ogg), which needs no fallback. Video is exempt (media.c). */
int media_is_core_audio(const char *media_type);
/* The usual file extension for a media type ("png"...). */
const char *media_extension(const char *media_type);

#endif
