/* url.h - the one policy for web addresses: which schemes may appear in
 * the book, whether an address is absolute, and the http(s) forms that
 * reader comments and the spam check look for.
 *
 * A scheme is read as browsers read it: leading blanks and control
 * characters are skipped, tabs and line ends inside it ignored, numeric
 * character references (&#106; &#x6A;) and &Tab; &NewLine; &colon; decoded,
 * and letters compared without regard to case, so that "JaVa\tscript:" and
 * "&#106;avascript:" are both javascript. */
#ifndef MKBOOK_URL_H
#define MKBOOK_URL_H

#include <stdbool.h>

/* Whether an href, src or cite may be kept. Text the author wrote
 * (untrusted false): a relative address, a fragment, or one of the schemes
 * http, https, mailto, tel, ftp. Text a reader wrote (untrusted true): a
 * fragment of the same page, or http, https, mailto. */
bool url_is_safe(const char *url, bool untrusted);

/* Whether url starts with a scheme (a non-empty name and ':' before any
 * '/', '?' or '#'): an absolute address, not one relative to the book. */
bool url_has_scheme(const char *url);

/* Whether url's scheme is scheme (lower case, e.g. "http"). */
bool url_scheme_is(const char *url, const char *scheme);

/* Where the host of url starts when url begins "http://" or "https://"
 * (in any case), or NULL. */
const char *url_web_host(const char *url);

/* Whether url is an absolute http or https address, with a host, that can
 * go into an href as it is (no blank, control or character a URL must
 * escape). */
bool url_is_web(const char *url);

/* For http and https addresses: whether the host is one a reading system
 * can parse (letters, digits, '-', '.' and non-ASCII, no empty label, an
 * optional port). Any other address passes. */
bool url_has_valid_host(const char *url);

#endif
