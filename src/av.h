/* av.h - <audio> and <video> in raw HTML. One of a chapter whose address
 * is a file of the manuscript (or that names none yet, its <source>
 * elements to come) is kept, controls on, with its sources and tracks of
 * the manuscript, for links.c to pack their files (links_load_media). One from the web becomes a link to it, named by the
 * element's fallback text, else its aria-label or title, else its
 * address; one of a reader's comment that names a local file, or one
 * whose address is unsafe or invalid, is left out, its fallback text
 * kept. Each is a warning: nothing goes silently. */
#ifndef MKBOOK_AV_H
#define MKBOOK_AV_H

#include <libxml/tree.h>

#include "sanitize.h"

/* Whether name is audio or video. */
bool av_is_media(const char *name);

/* Whether the element src of parsed HTML is one the book packs: not a
 * reader's, and its address (its src, else its first source's) a valid
 * relative one, or none at all. */
bool av_is_packed(const sanitize_ctx *ctx, xmlNodePtr src);

/* Whether a <source> or <track> (name, attrs) inside a kept <audio> or
 * <video> is kept: one with a relative src is, for links.c to pack (a
 * track of subtitles with its srclang); one from the web, or a track
 * without a file, is not, with a warning. */
bool av_keeps_child(sanitize_ctx *ctx, const char *name, const sanitize_attr *attrs,
                    size_t nattrs, int fline, int col);

/* Whether n, an element, holds text. */
bool av_has_text(xmlNodePtr n);

/* Does for src (an audio or video element of parsed HTML) what
 * sanitize_open_element does for other elements, into dst; fline and col
 * are its position for the warning. Returns true when src's children are
 * to be copied into e->into (the link, or dst), false when done. */
bool av_open(sanitize_ctx *ctx, xmlNodePtr dst, xmlNodePtr src, int fline, int col,
             sanitize_element *e);

/* The warning for an element left out (addr may be NULL); its children
 * are then copied in its place. */
void av_leave_out(const char *file, const char *name, const char *addr, const char *why,
                  int fline, int col);

#endif
