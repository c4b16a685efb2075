/* av.h - <audio> and <video> in raw HTML, as a book without media
 * carries them: one from the web becomes a link to it, named by the
 * element's fallback text, else its aria-label or title, else its
 * address; a local one (mkbook packs no sound or video yet) or one whose
 * address is unsafe or invalid is left out, its fallback text kept. Each
 * is a warning: nothing goes silently. */
#ifndef MKBOOK_AV_H
#define MKBOOK_AV_H

#include <libxml/tree.h>

#include "sanitize.h"

/* Whether name is audio or video. */
bool av_is_media(const char *name);

/* Does for src (an audio or video element of parsed HTML) what
 * sanitize_open_element does for other elements, into dst; fline and col
 * are its position for the warning. Returns true when src's children are
 * to be copied into e->into (the link, or dst), false when done. */
bool av_open(sanitize_ctx *ctx, xmlNodePtr dst, xmlNodePtr src, int fline, int col,
             sanitize_element *e);

/* The warning for an element left out (addr may be NULL); its children
 * are then copied in its place. */
void av_leave_out(sanitize_ctx *ctx, const char *name, const char *addr, const char *why,
                  int fline, int col);

#endif
