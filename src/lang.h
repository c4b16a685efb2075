/* lang.h - BCP 47 language tags: whether a string is one, its primary and
 * script subtags, and the facts mkbook derives from a tag (the writing
 * direction, Traditional or Simplified Chinese). Subtags are compared
 * without regard to ASCII case; '-' and '_' both separate them, and
 * leading blanks are skipped. */
#ifndef MKBOOK_LANG_H
#define MKBOOK_LANG_H

#include <stdbool.h>

/* Whether s is a well-formed tag as book.yaml and front matter take it: a
 * primary subtag of 2-3 letters (or the private "x"/"i"), then subtags of
 * 1-8 letters or digits after '-'. */
bool lang_is_tag(const char *s);

/* Whether the primary subtag of lang is tag (lower case: "ja"). False for
 * NULL. */
bool lang_primary_is(const char *lang, const char *tag);

/* Whether lang is Chinese written in Traditional characters: zh-Hant, or
 * a zh tag without a script subtag naming Taiwan, Hong Kong or Macao. */
bool lang_is_traditional_chinese(const char *lang);

/* Whether lang is written right to left: an explicit script subtag decides
 * (az-Arab is, ar-Latn is not), else the language (ar, he, fa, ur...).
 * False for NULL. */
bool lang_is_rtl(const char *lang);

#endif
