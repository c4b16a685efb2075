/* date.h - dates: ISO 8601 in and out, and the one calendar arithmetic
 * (days since 1970 to and from year, month, day; proleptic Gregorian,
 * UTC). */
#ifndef MKBOOK_DATE_H
#define MKBOOK_DATE_H

/* Parses an ISO 8601 date or date-time: "2013", "2013-12", "2013-12-13",
 * "2013-12-13T10:00:00Z" or with "+01:00" (seconds and zone optional in
 * the time). Returns how precise it is (1 year, 2 month, 3 day, 4 time),
 * or 0 when it is not such a date. Sets the parts and, for 3 and 4,
 * *epoch to seconds since 1970 in UTC. Any output pointer may be NULL. */
int date_parse_iso8601(const char *s, int *year, int *month, int *day, long long *epoch);
/* Formats seconds since 1970 as "CCYY-MM-DDThh:mm:ssZ". Caller frees. */
char *date_format_iso8601_utc(long long epoch);


/* The UTC date and time of epoch (seconds since 1970). */
typedef struct date_utc {
	long long year;
	int month, day;       /* 1-12, 1-31 */
	int hour, min, sec;   /* 0-23, 0-59, 0-59 */
} date_utc;
date_utc date_from_epoch(long long epoch);

#endif
