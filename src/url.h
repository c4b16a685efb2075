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

/* url in the form a validator accepts as a URL (WHATWG's "valid URL
 * string", which EPUBCheck 5 checks in href, src, cite...): blanks around
 * it trimmed; tabs and line ends inside it removed, as browsers do; a
 * blank, a control, a character outside the URL code points (" < > [ ]
 * \ ^ ` { | } and the like), a '%' not followed by two hex digits and
 * every '#' after the first percent-encoded. Returns NULL when encoding
 * cannot make it valid without changing where it leads: an absolute
 * http, https or ftp address without "//" and a valid host (see
 * url_has_valid_host), with a '\' before its path (browsers read it as '/'),
 * or with a port that is not a number up to 65535. Relative addresses,
 * fragments and other schemes are encoded only. Caller frees. */
char *url_make_valid(const char *url);

#endif
