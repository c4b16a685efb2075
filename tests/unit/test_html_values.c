/* Unit tests: html_values (attribute values against the content model). */

#include <check.h>
#include <stdbool.h>
#include <stddef.h>

#include "html_values.h"

Suite *html_values_suite(void);

START_TEST(test_datetime)
{
	static const struct {
		const char *s;
		bool time_ok, strict_ok; /* for <time>; for <del>/<ins> */
	} examples[] = {
	    {"2024-02-29", true, true},
	    {"2023-02-29", false, false},
	    {"2024-13-01", false, false},
	    {"2024-03-02T10:00", true, false},
	    {"2024-03-02T10:00Z", true, true},
	    {"2024-03-02 10:00:05.123+01:00", true, true},
	    {"2024-03-02T10:00:05.1234Z", false, false},
	    {"2024-03-02T24:00Z", false, false},
	    {"2024", true, false},
	    {"2024-03", true, false},
	    {"2024-W09", true, false},
	    {"2024-W54", false, false},
	    {"--03-02", true, false},
	    {"02-30", false, false},
	    {"10:00", true, false},
	    {"+05:30", true, false},
	    {"PT4H18M3S", true, false},
	    {"P2D", true, false},
	    {"P", false, false},
	    {"PT", false, false},
	    {"4h 18m 3s", true, false},
	    {"yesterday", false, false},
	    {"", false, false},
	    {"0000-01-01", false, false},
	};
	for (size_t i = 0; i < sizeof examples / sizeof examples[0]; i++) {
		ck_assert_msg(html_value_is_datetime(examples[i].s, false) == examples[i].time_ok,
		              "time %s", examples[i].s);
		ck_assert_msg(html_value_is_datetime(examples[i].s, true) == examples[i].strict_ok,
		              "del %s", examples[i].s);
	}
}
END_TEST

START_TEST(test_values)
{
	ck_assert(html_value_ok("ol", "type", "A"));
	ck_assert(html_value_ok("ol", "type", "i"));
	ck_assert(!html_value_ok("ol", "type", "x"));
	ck_assert(!html_value_ok("ol", "type", "disc"));
	ck_assert(html_value_ok("td", "colspan", "1000"));
	ck_assert(!html_value_ok("td", "colspan", "0"));
	ck_assert(!html_value_ok("td", "colspan", "1001"));
	ck_assert(!html_value_ok("td", "colspan", "2x"));
	ck_assert(html_value_ok("td", "rowspan", "0"));
	ck_assert(!html_value_ok("td", "rowspan", "65535"));
	ck_assert(!html_value_ok("col", "span", "0"));
	ck_assert(html_value_ok("a", "type", "application/pdf"));
	ck_assert(html_value_ok("a", "type", "text/html; charset=utf-8"));
	ck_assert(!html_value_ok("a", "type", "pdf"));
	ck_assert(!html_value_ok("a", "type", "not a/type"));
	ck_assert(html_value_ok("a", "hreflang", "pt-BR"));
	ck_assert(!html_value_ok("a", "hreflang", "english"));
	ck_assert(html_value_ok("p", "translate", "no"));
	ck_assert(!html_value_ok("p", "translate", "false"));
	ck_assert(html_value_ok("p", "title", "anything at all"));
}
END_TEST

Suite *
html_values_suite(void)
{
	Suite *s = suite_create("html_values");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_datetime);
	tcase_add_test(tc, test_values);
	suite_add_tcase(s, tc);
	return s;
}
