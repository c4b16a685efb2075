/* date.c - ISO 8601 dates and calendar arithmetic; see date.h. */
#include "date.h"

#include <stddef.h>

#include "util.h"

static int
parse_digits(const char **p, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if ((*p)[i] < '0' || (*p)[i] > '9')
			return -1;
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	return v;
}

static long long
days_from_civil(long long y, int m, int d)
{
	/* Howard Hinnant's algorithm for the proleptic Gregorian calendar. */
	y -= m <= 2;
	long long era = (y >= 0 ? y : y - 399) / 400;
	long long yoe = y - era * 400;
	long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int
days_in_month(int y, int m)
{
	static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

int
date_parse_iso8601(const char *s, int *year, int *month, int *day, long long *epoch)
{
	const char *p = s;
	int y = parse_digits(&p, 4), m = 0, d = 0, prec = 1;
	long long secs = 0;
	if (y < 0)
		return 0;
	if (*p == '-') {
		p++;
		m = parse_digits(&p, 2);
		if (m < 1 || m > 12)
			return 0;
		prec = 2;
		if (*p == '-') {
			p++;
			d = parse_digits(&p, 2);
			if (d < 1 || d > days_in_month(y, m))
				return 0;
			prec = 3;
			if (*p == 'T' || *p == 't' || *p == ' ') {
				p++;
				int hh = parse_digits(&p, 2), mm = 0, ss = 0;
				if (hh < 0 || hh > 23 || *p++ != ':')
					return 0;
				mm = parse_digits(&p, 2);
				if (mm < 0 || mm > 59)
					return 0;
				if (*p == ':') {
					p++;
					ss = parse_digits(&p, 2);
					if (ss < 0 || ss > 60)
						return 0;
					if (*p == '.') {
						p++;
						if (*p < '0' || *p > '9')
							return 0;
						while (*p >= '0' && *p <= '9')
							p++;
					}
				}
				secs = hh * 3600LL + mm * 60LL + ss;
				if (*p == 'Z' || *p == 'z') {
					p++;
				} else if (*p == '+' || *p == '-') {
					int sign = *p++ == '+' ? 1 : -1;
					int oh = parse_digits(&p, 2);
					if (oh < 0 || oh > 23)
						return 0;
					if (*p == ':')
						p++;
					int om = parse_digits(&p, 2);
					if (om < 0 || om > 59)
						return 0;
					secs -= sign * (oh * 3600LL + om * 60LL);
				}
				prec = 4;
			}
		}
	}
	if (*p != '\0')
		return 0;
	if (year)
		*year = y;
	if (month)
		*month = m;
	if (day)
		*day = d;
	if (epoch && prec >= 3)
		*epoch = days_from_civil(y, m, d) * 86400LL + secs;
	return prec;
}

/* The inverse of days_from_civil (Howard Hinnant's civil_from_days). */
date_utc
date_from_epoch(long long epoch)
{
	long long days = epoch >= 0 ? epoch / 86400 : -((-epoch + 86399) / 86400);
	long long rem = epoch - days * 86400;
	long long z = days + 719468;
	long long era = (z >= 0 ? z : z - 146096) / 146097;
	long long doe = z - era * 146097;
	long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long long mp = (5 * doy + 2) / 153;
	date_utc t;
	t.day = (int)(doy - (153 * mp + 2) / 5 + 1);
	t.month = (int)(mp < 10 ? mp + 3 : mp - 9);
	t.year = yoe + era * 400 + (t.month <= 2);
	t.hour = (int)(rem / 3600);
	t.min = (int)(rem / 60 % 60);
	t.sec = (int)(rem % 60);
	return t;
}

char *
date_format_iso8601_utc(long long epoch)
{
	date_utc t = date_from_epoch(epoch);
	return xasprintf("%04lld-%02d-%02dT%02d:%02d:%02dZ", t.year, t.month, t.day, t.hour, t.min,
	                 t.sec);
}
