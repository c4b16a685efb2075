/* Regression tests for what the sanitizers, valgrind and the fuzzers found
 * (issue 4). Each test is named after the bug it pins; its input is also in
 * the fuzzing seed corpus (tests/fuzz/corpus/), named regress-*. Several
 * of these bugs show only as a sanitizer report or a leak, so they fail
 * for certain under make asan (or make valgrind) and may pass silently in
 * a plain build. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "book.h"
#include "diag.h"
#include "markdown.h"
#include "xhtml.h"

/* Renders md as a chapter body whose first line is line first_line of its
 * file, and returns the serialised page (caller frees). */
static char *
render_at(const char *md, int first_line, bool untrusted)
{
	book *b = book_new(".");
	xmlNodePtr body;
	xmlDocPtr doc = xhtml_new_document(b, "text/x.xhtml", "T", NULL, &body);
	strset *ids = strset_new();
	markdown_opts o = {.file = "x.md", .first_line = first_line, .untrusted = untrusted,
	                   .ids = ids};
	markdown_render(b, &o, md, strlen(md), body);
	markdown_assign_heading_ids(body, ids, NULL, NULL);
	char *out;
	size_t len;
	xhtml_serialize(doc, &out, &len);
	xmlFreeDoc(doc);
	strset_free(ids);
	book_free(b);
	return out;
}

/* Raw HTML may carry its own data-sourcepos or "<!--mkbook-line:L:C-->"
 * marker with a line near INT_MAX; adding the front matter's offset
 * overflowed (UBSan: signed integer overflow in sanitize.c file_line). */
START_TEST(test_regress_forged_sourcepos_overflow)
{
	diag_reset();
	char *x = render_at("<div data-sourcepos=\"2147483647:1-1:1\">x <em>y</em></div>\n\n"
	                    "<img src=\"javascript:x\" data-sourcepos=\"2147483647:1\">\n",
	                    4, false);
	ck_assert_ptr_nonnull(strstr(x, "<em>y</em>"));
	ck_assert_ptr_null(strstr(x, "javascript"));
	ck_assert_ptr_null(strstr(x, "data-sourcepos"));
	free(x);
	x = render_at("<!--mkbook-line:2147483647:2147483647-->\n<p onclick=\"x\">y</p>\n", 4, false);
	ck_assert_ptr_null(strstr(x, "onclick"));
	ck_assert_ptr_nonnull(strstr(x, ">y</p>"));
	free(x);
	diag_reset();
}
END_TEST

Suite *
regress_suite(void)
{
	Suite *s = suite_create("regress");
	TCase *tc = tcase_create("regress");
	tcase_add_test(tc, test_regress_forged_sourcepos_overflow);
	suite_add_tcase(s, tc);
	return s;
}
