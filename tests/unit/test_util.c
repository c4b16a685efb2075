/* Unit tests: util (paths, hashes, identifiers, dates). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "diag.h"
#include "ident.h"
#include "slug.h"
#include "source.h"
#include "util.h"

START_TEST(test_path_normalize)
{
	char *p = path_normalize_relative("a/./b/../c.md");
	ck_assert_str_eq(p, "a/c.md");
	free(p);
	ck_assert_ptr_null(path_normalize_relative("../x.md"));
	ck_assert_ptr_null(path_normalize_relative("a/../../x.md"));
	ck_assert_ptr_null(path_normalize_relative("/etc/passwd"));
	p = path_normalize_relative("a//b/");
	ck_assert_str_eq(p, "a/b");
	free(p);
}
END_TEST

START_TEST(test_path_parts)
{
	char *d = path_dirname("a/b/c.md");
	ck_assert_str_eq(d, "a/b");
	free(d);
	d = path_dirname("c.md");
	ck_assert_str_eq(d, "");
	free(d);
	ck_assert_str_eq(path_basename("a/b/c.md"), "c.md");
	char *j = path_join("a/", "b");
	ck_assert_str_eq(j, "a/b");
	free(j);
}
END_TEST

START_TEST(test_uuid_v5)
{
	/* RFC 4122 v5 of "http://www.example.com/" in the URL namespace. */
	char *u = ident_uuid_v5_urn("http://www.example.com/");
	ck_assert_str_eq(u, "urn:uuid:fcde3c85-2270-590f-9e7c-ee003d65e0e2");
	free(u);
}
END_TEST

START_TEST(test_sha1_vectors)
{
	unsigned char d[20];
	ident_sha1("abc", 3, d);
	ck_assert_int_eq(d[0], 0xa9);
	ck_assert_int_eq(d[19], 0x9d);
	/* 56 bytes: the padding needs a second block. */
	const char *s = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	ident_sha1(s, strlen(s), d);
	ck_assert_int_eq(d[0], 0x84);
	ck_assert_int_eq(d[1], 0x98);
	ck_assert_int_eq(d[19], 0xf1);
}
END_TEST

START_TEST(test_iso8601)
{
	int y, m, d;
	long long t;
	ck_assert_int_eq(date_parse_iso8601("2013-12-13", &y, &m, &d, &t), 3);
	ck_assert_int_eq(y, 2013);
	ck_assert_int_eq(m, 12);
	ck_assert_int_eq(d, 13);
	ck_assert_int_eq(t, 1386892800LL);
	ck_assert_int_eq(date_parse_iso8601("2017-03-10T10:00:00+02:00", NULL, NULL, NULL, &t), 4);
	char *s = date_format_iso8601_utc(t);
	ck_assert_str_eq(s, "2017-03-10T08:00:00Z");
	free(s);
	ck_assert_int_eq(date_parse_iso8601("2013", &y, NULL, NULL, NULL), 1);
	ck_assert_int_eq(date_parse_iso8601("2013-02-29", NULL, NULL, NULL, NULL), 0);
	ck_assert_int_eq(date_parse_iso8601("2012-02-29", NULL, NULL, NULL, NULL), 3);
	ck_assert_int_eq(date_parse_iso8601("13/12/2013", NULL, NULL, NULL, NULL), 0);
	ck_assert_int_eq(date_parse_iso8601("2013-13-01", NULL, NULL, NULL, NULL), 0);
	ck_assert_int_eq(date_parse_iso8601("2013-12-13x", NULL, NULL, NULL, NULL), 0);
}
END_TEST

/* date_from_epoch is the one calendar arithmetic: the OPF's dates and the
 * ZIP entries' MS-DOS times both come from it. Each row: epoch seconds and
 * the UTC date and time they are; every row also goes through
 * date_parse_iso8601 and back. */
START_TEST(test_date_from_epoch)
{
	static const struct {
		long long epoch;
		long long y;
		int m, d, hh, mm, ss;
	} cases[] = {
	    {0, 1970, 1, 1, 0, 0, 0},
	    {-1, 1969, 12, 31, 23, 59, 59},
	    {-86400, 1969, 12, 31, 0, 0, 0},
	    {315532800, 1980, 1, 1, 0, 0, 0},
	    {951782400, 2000, 2, 29, 0, 0, 0},
	    {1704067200, 2024, 1, 1, 0, 0, 0},
	    {1709164799, 2024, 2, 28, 23, 59, 59},
	    {1709251199, 2024, 2, 29, 23, 59, 59},
	    {4102444800, 2100, 1, 1, 0, 0, 0},
	    {4107542400, 2100, 3, 1, 0, 0, 0},
	    {-62135596800, 1, 1, 1, 0, 0, 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		date_utc t = date_from_epoch(cases[i].epoch);
		ck_assert_msg(t.year == cases[i].y && t.month == cases[i].m && t.day == cases[i].d &&
		                  t.hour == cases[i].hh && t.min == cases[i].mm && t.sec == cases[i].ss,
		              "%lld: %lld-%d-%d %d:%d:%d", cases[i].epoch, t.year, t.month, t.day,
		              t.hour, t.min, t.sec);
		char *iso = date_format_iso8601_utc(cases[i].epoch);
		long long back = 0;
		ck_assert_int_eq(date_parse_iso8601(iso, NULL, NULL, NULL, &back), 4);
		ck_assert_msg(back == cases[i].epoch, "%s", iso);
		free(iso);
	}
}
END_TEST

Suite *
util_suite(void)
{
	Suite *s = suite_create("util");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_path_normalize);
	tcase_add_test(tc, test_path_parts);
	tcase_add_test(tc, test_uuid_v5);
	tcase_add_test(tc, test_sha1_vectors);
	tcase_add_test(tc, test_iso8601);
	tcase_add_test(tc, test_date_from_epoch);
	suite_add_tcase(s, tc);
	return s;
}
