/* slug.h - heading ids as GitHub and mdBook make them, and the folding
 * that lets a link's fragment find them. */
#ifndef MKBOOK_SLUG_H
#define MKBOOK_SLUG_H

/* GitHub's anchor for a heading text: lower case; every character that is
 * not a letter, mark, number, connector punctuation, hyphen or space
 * dropped; spaces turned into hyphens. May be "". Caller frees. */
char *slug_github(const char *text);
/* A fragment for comparison: percent-decoded (when that gives UTF-8), case
 * folded and NFC-normalised. Caller frees. */
char *slug_fold(const char *fragment);
/* Percent-decodes s; returns a copy of s when the result would not be
 * UTF-8 or holds NUL. Caller frees. */
char *slug_percent_decode(const char *s);
/* An id as the fragment of an href, so that a reader's percent-decoding
 * gives the id back: '%', blanks, control characters and what an IRI may
 * not hold ('"', '<', '>', '\\', '^', '`', '{', '|', '}') percent-encoded;
 * other characters, non-ASCII ones too, kept. Caller frees. */
char *slug_fragment(const char *id);

#endif
