/* html_values.c - attribute values against the content model; see
 * html_values.h. */
#include "html_values.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"
#include "util.h"

/* Reads exactly n digits at *p (n 0: one or more) into *v; advances *p. */
static bool
digits(const char **p, int n, long *v)
{
	const char *s = *p;
	long x = 0;
	int k = 0;
	while (isdigit((unsigned char)s[k]) && (n == 0 || k < n) && k < 9)
		x = x * 10 + (s[k++] - '0');
	if (k == 0 || (n > 0 && k != n) || (n == 0 && isdigit((unsigned char)s[k])))
		return false;
	*p = s + k;
	*v = x;
	return true;
}

static bool
lit(const char **p, char c)
{
	if (**p != c)
		return false;
	(*p)++;
	return true;
}

static int
days_in(long year, long month)
{
	static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return month == 2 && leap ? 29 : d[month - 1];
}

/* YYYY (four or more digits, above 0). */
static bool
year(const char **p, long *y)
{
	const char *s = *p;
	if (!digits(&s, 0, y) || s - *p < 4 || *y == 0)
		return false;
	*p = s;
	return true;
}

static bool
month(const char **p, long *y, long *m)
{
	return year(p, y) && lit(p, '-') && digits(p, 2, m) && *m >= 1 && *m <= 12;
}

static bool
date(const char **p)
{
	long y, m, d;
	return month(p, &y, &m) && lit(p, '-') && digits(p, 2, &d) && d >= 1 &&
	       d <= days_in(y, m);
}

/* HH:MM, optionally :SS and a fraction of one to three digits. */
static bool
time_of_day(const char **p)
{
	long h, m, s;
	if (!digits(p, 2, &h) || h > 23 || !lit(p, ':') || !digits(p, 2, &m) || m > 59)
		return false;
	if (lit(p, ':')) {
		if (!digits(p, 2, &s) || s > 59)
			return false;
		if (lit(p, '.')) {
			int k = 0;
			while (isdigit((unsigned char)**p) && k < 4) {
				(*p)++;
				k++;
			}
			if (k == 0 || k > 3)
				return false;
		}
	}
	return true;
}

/* Z, or +HH:MM / -HH:MM / +HHMM. */
static bool
zone(const char **p)
{
	long h, m;
	if (lit(p, 'Z'))
		return true;
	if (**p != '+' && **p != '-')
		return false;
	(*p)++;
	if (!digits(p, 2, &h) || h > 23)
		return false;
	lit(p, ':');
	return digits(p, 2, &m) && m <= 59;
}

/* A duration: P[nD][T[nH][nM][n[.f]S]] with at least one component, or
 * components such as "4h 18m 3s". */
static bool
duration(const char *s)
{
	long v;
	if (*s == 'P') {
		const char *p = s + 1;
		bool any = false;
		const char *q = p;
		if (digits(&q, 0, &v) && *q == 'D') {
			p = q + 1;
			any = true;
		}
		if (*p == 'T') {
			p++;
			bool t = false;
			for (const char *units = "HMS"; *units && *p; units++) {
				q = p;
				if (!digits(&q, 0, &v))
					break;
				if (*units == 'S' && *q == '.') {
					q++;
					if (!digits(&q, 0, &v))
						return false;
				}
				if (*q == *units) {
					p = q + 1;
					t = any = true;
				} else if (strchr(units, *q) == NULL) {
					return false;
				}
			}
			if (!t)
				return false;
		}
		return any && *p == '\0';
	}
	bool any = false;
	const char *p = s;
	while (*p) {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		if (!digits(&p, 0, &v))
			return false;
		if (*p == '.' && (p++, !digits(&p, 0, &v)))
			return false;
		while (*p == ' ')
			p++;
		if (!strchr("wdhmsWDHMS", *p) || *p == '\0')
			return false;
		p++;
		any = true;
	}
	return any;
}

bool
html_value_is_datetime(const char *s, bool strict)
{
	const char *p = s;
	long y, m, d, w;
	if (date(&p)) {
		if (*p == '\0')
			return true;
		if (*p != 'T' && *p != ' ')
			return false;
		p++;
		if (!time_of_day(&p))
			return false;
		if (*p == '\0')
			return !strict;
		return zone(&p) && *p == '\0';
	}
	if (strict)
		return false;
	p = s;
	if (month(&p, &y, &m) && *p == '\0')
		return true;
	p = s;
	if (year(&p, &y) && *p == '\0')
		return true;
	p = s;
	if (year(&p, &y) && lit(&p, '-') && lit(&p, 'W') && digits(&p, 2, &w) && w >= 1 &&
	    w <= 53 && *p == '\0')
		return true;
	p = s;
	lit(&p, '-'), lit(&p, '-');
	if (digits(&p, 2, &m) && m >= 1 && m <= 12 && lit(&p, '-') && digits(&p, 2, &d) &&
	    d >= 1 && d <= days_in(4, m) && *p == '\0')
		return true;
	p = s;
	if (time_of_day(&p) && *p == '\0')
		return true;
	p = s;
	if (zone(&p) && *p == '\0')
		return true;
	return duration(s);
}

/* A whole number from lo to hi, written in digits only. */
static bool
in_range(const char *v, long lo, long hi)
{
	const char *p = v;
	long n;
	return strlen(v) <= 9 && digits(&p, 0, &n) && *p == '\0' && n >= lo && n <= hi;
}

/* A media type: type "/" subtype, tokens, optional parameters. */
static bool
is_media_type(const char *v)
{
	static const char token[] = "!#$%&'*+-.^_`|~";
	const char *p = v;
	for (int part = 0; part < 2; part++) {
		const char *start = p;
		while (isalnum((unsigned char)*p) || (*p && strchr(token, *p)))
			p++;
		if (p == start || (part == 0 && *p++ != '/'))
			return false;
	}
	while (*p == ' ')
		p++;
	return *p == '\0' || *p == ';';
}

bool
html_value_ok(const char *el, const char *attr, const char *value)
{
	if (!strcmp(attr, "type") && !strcmp(el, "ol"))
		return strlen(value) == 1 && strchr("1aAiI", value[0]);
	if (!strcmp(attr, "type") && !strcmp(el, "a"))
		return is_media_type(value);
	if (!strcmp(attr, "colspan") || !strcmp(attr, "span"))
		return in_range(value, 1, 1000);
	if (!strcmp(attr, "rowspan"))
		return in_range(value, 0, 65534);
	if (!strcmp(attr, "datetime"))
		return html_value_is_datetime(value, strcmp(el, "time") != 0);
	if (!strcmp(attr, "hreflang") || !strcmp(attr, "srclang"))
		return lang_is_tag(value);
	if (!strcmp(attr, "type") && !strcmp(el, "source"))
		return is_media_type(value);
	if (!strcmp(attr, "translate"))
		return !strcmp(value, "yes") || !strcmp(value, "no") || !*value;
	return true;
}

/* ---- which attributes an element takes ---- */

static bool
is_digits(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

bool
html_attribute_is_data(const char *name)
{
	if (!str_starts_with(name, "data-") || name[5] == '\0')
		return false;
	for (const char *p = name + 5; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' ||
		      *p == '.'))
			return false;
	return true;
}

bool
html_attribute_is_presentational(const char *name)
{
	static const char *const p[] = {"align", "valign", "bgcolor", "background", "border",
	                                "cellpadding", "cellspacing", "color", "face", "size",
	                                "nowrap", "hspace", "vspace", "frame", "rules", "clear",
	                                "compact", "noshade", "char", "charoff", "axis", "width",
	                                "height", "summary", "longdesc", "bordercolor", "marginwidth",
	                                "marginheight", "link", "vlink", "alink", "text", NULL};
	return str_in(name, p);
}

bool
html_attribute_allowed(const char *el, const char *attr, const char *value)
{
	static const char *const global[] = {"id", "class", "title", "lang", "dir", "translate",
	                                     "aria-label", "aria-hidden", "aria-describedby",
	                                     "aria-labelledby", NULL};
	if (str_in(attr, global))
		return true;
	if (!strcmp(attr, "href"))
		return !strcmp(el, "a");
	bool media = !strcmp(el, "audio") || !strcmp(el, "video");
	if (!strcmp(attr, "hreflang") || !strcmp(attr, "type"))
		return !strcmp(el, "a") || (!strcmp(el, "ol") && !strcmp(attr, "type")) ||
		       (!strcmp(el, "source") && !strcmp(attr, "type"));
	if (!strcmp(attr, "src"))
		return !strcmp(el, "img") || media || !strcmp(el, "source") || !strcmp(el, "track");
	if (!strcmp(attr, "kind"))
		return !strcmp(el, "track") &&
		       (!strcmp(value, "subtitles") || !strcmp(value, "captions") ||
		        !strcmp(value, "descriptions") || !strcmp(value, "chapters") ||
		        !strcmp(value, "metadata"));
	if (!strcmp(attr, "srclang") || !strcmp(attr, "label") || !strcmp(attr, "default"))
		return !strcmp(el, "track");
	if (!strcmp(attr, "alt"))
		return !strcmp(el, "img");
	if (!strcmp(attr, "width") || !strcmp(attr, "height"))
		return (!strcmp(el, "img") || !strcmp(el, "video")) && is_digits(value);
	if (!strcmp(attr, "poster"))
		return !strcmp(el, "video");
	if (!strcmp(attr, "controls") || !strcmp(attr, "loop") || !strcmp(attr, "muted"))
		return media;
	if (!strcmp(attr, "preload"))
		return media && (!strcmp(value, "none") || !strcmp(value, "metadata") ||
		                 !strcmp(value, "auto") || !*value);
	if (!strcmp(attr, "colspan") || !strcmp(attr, "rowspan"))
		return !strcmp(el, "td") || !strcmp(el, "th");
	if (!strcmp(attr, "headers"))
		return !strcmp(el, "td") || !strcmp(el, "th");
	if (!strcmp(attr, "scope"))
		return !strcmp(el, "th") && (!strcmp(value, "row") || !strcmp(value, "col") ||
		                             !strcmp(value, "rowgroup") || !strcmp(value, "colgroup"));
	if (!strcmp(attr, "start"))
		return !strcmp(el, "ol") && (is_digits(value) || (value[0] == '-' && is_digits(value + 1)));
	if (!strcmp(attr, "reversed"))
		return !strcmp(el, "ol");
	if (!strcmp(attr, "value"))
		return (!strcmp(el, "li") && is_digits(value)) || !strcmp(el, "data");
	if (!strcmp(attr, "datetime"))
		return !strcmp(el, "time") || !strcmp(el, "del") || !strcmp(el, "ins");
	if (!strcmp(attr, "cite"))
		return !strcmp(el, "blockquote") || !strcmp(el, "q") || !strcmp(el, "del") ||
		       !strcmp(el, "ins");
	if (!strcmp(attr, "span"))
		return !strcmp(el, "col") || !strcmp(el, "colgroup");
	if (!strcmp(attr, "open"))
		return !strcmp(el, "details");
	return false;
}
