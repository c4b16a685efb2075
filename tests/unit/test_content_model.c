/* Unit tests: content_model (required children and allowed parents of
 * the elements the sanitiser keeps; references by id). */

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "unit.h"

Suite *content_model_suite(void);

START_TEST(test_dl_without_dd_becomes_divs)
{
	char *x = unit_render("<dl><dt>Only a term here</dt></dl>\n", false);
	ck_assert(!unit_has(x, "<dl"));
	ck_assert(!unit_has(x, "<dt"));
	ck_assert(unit_has(x, "<div><div>Only a term here</div></div>"));
	free(x);
}
END_TEST

START_TEST(test_dl_groups_kept)
{
	char *x = unit_render("<dl><dt>One</dt><dt>Two</dt><dd>Both</dd><dd>Again</dd>"
	                      "<dt>Three</dt><dd>Third</dd></dl>\n",
	                      false);
	ck_assert(unit_has(x, "<dl><dt>One</dt><dt>Two</dt><dd>Both</dd><dd>Again</dd>"
	                      "<dt>Three</dt><dd>Third</dd></dl>"));
	free(x);
	x = unit_render("<dl><div><dt>In a div</dt><dd>Fine</dd></div></dl>\n", false);
	ck_assert(unit_has(x, "<dl><div><dt>In a div</dt><dd>Fine</dd></div></dl>"));
	free(x);
}
END_TEST

START_TEST(test_table_parts_ordered)
{
	char *x = unit_render("<table><tfoot><tr><td>F</td></tr></tfoot><tbody><tr><td>B</td></tr>"
	                      "</tbody><caption>C</caption><thead><tr><th>H</th></tr></thead>"
	                      "</table>\n",
	                      false);
	const char *c = strstr(x, "<caption>"), *h = strstr(x, "<thead>"),
	           *b = strstr(x, "<tbody>"), *f = strstr(x, "<tfoot>");
	ck_assert(c && h && b && f);
	ck_assert(c < h && h < b && b < f);
	free(x);
}
END_TEST

START_TEST(test_figcaption_first_or_last)
{
	char *x = unit_render("<figure><p>a</p><figcaption>mid</figcaption><p>b</p></figure>\n"
	                      "\n<figure><p>a</p><figcaption>end</figcaption></figure>\n",
	                      false);
	ck_assert(unit_has(x, "<div>mid</div>"));
	ck_assert(unit_has(x, "<figcaption>end</figcaption>"));
	free(x);
}
END_TEST

START_TEST(test_missing_idrefs_dropped)
{
	diag_reset();
	char *x = unit_render("<p id=\"here\" aria-describedby=\"here gone\">x</p>\n\n"
	                      "<p aria-labelledby=\"nowhere\">y</p>\n",
	                      false);
	ck_assert(unit_has(x, "aria-describedby=\"here\""));
	ck_assert(!unit_has(x, "gone"));
	ck_assert(!unit_has(x, "aria-labelledby"));
	ck_assert_int_eq(diag_warning_count(), 2);
	free(x);
	diag_reset();
}
END_TEST

START_TEST(test_headers_name_th_of_same_table)
{
	diag_reset();
	char *x = unit_render("<table><tr><th id=\"h1\">H</th><td id=\"d\">D</td></tr>"
	                      "<tr><td headers=\"h1\">a</td><td headers=\"d\">b</td></tr></table>\n",
	                      false);
	ck_assert(unit_has(x, "headers=\"h1\""));
	ck_assert(!unit_has(x, "headers=\"d\""));
	ck_assert_int_eq(diag_warning_count(), 1);
	free(x);
	diag_reset();
}
END_TEST

Suite *
content_model_suite(void)
{
	Suite *s = suite_create("content_model");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_dl_without_dd_becomes_divs);
	tcase_add_test(tc, test_dl_groups_kept);
	tcase_add_test(tc, test_table_parts_ordered);
	tcase_add_test(tc, test_figcaption_first_or_last);
	tcase_add_test(tc, test_missing_idrefs_dropped);
	tcase_add_test(tc, test_headers_name_th_of_same_table);
	suite_add_tcase(s, tc);
	return s;
}
