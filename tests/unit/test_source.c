/* Unit tests: source (a manuscript file: front matter, byte-order mark,
 * line ends, what is refused). */
#include <check.h>
#include <string.h>

#include "diag.h"
#include "source.h"
#include "yamldoc.h"

Suite *source_suite(void);

START_TEST(test_source_front_matter)
{
	const char *t = "\xEF\xBB\xBF---\r\ntitle: X\r\n---\r\n# Body\r\n";
	source_file sf;
	ck_assert_int_eq(source_parse("a.md", t, strlen(t), &sf), 0);
	ck_assert_ptr_nonnull(sf.front);
	ck_assert_str_eq(yamldoc_node_get(sf.front, "title")->value, "X");
	ck_assert_str_eq(sf.body, "# Body\n");
	ck_assert_int_eq(sf.body_line, 4);
	source_free(&sf);
}
END_TEST

START_TEST(test_source_rejects)
{
	diag_reset();
	source_file sf;
	const char *open = "---\ntitle: X\n# never closed\n";
	ck_assert_int_eq(source_parse("a.md", open, strlen(open), &sf), -1);
	const char *latin1 = "ok\ncaf\xe9\n";
	ck_assert_int_eq(source_parse("a.md", latin1, strlen(latin1), &sf), -1);
	const char nul[] = "a\0b";
	ck_assert_int_eq(source_parse("a.md", nul, 3, &sf), -1);
	ck_assert_int_eq(diag_error_count(), 3);
	diag_reset();
}
END_TEST

Suite *
source_suite(void)
{
	Suite *s = suite_create("source");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_source_front_matter);
	tcase_add_test(tc, test_source_rejects);
	suite_add_tcase(s, tc);
	return s;
}
