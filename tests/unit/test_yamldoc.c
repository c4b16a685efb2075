/* Unit tests: yamldoc (book.yaml and front matter: positions, errors). */
#include <check.h>
#include <string.h>

#include "diag.h"
#include "yamldoc.h"

Suite *yamldoc_suite(void);

START_TEST(test_yaml_positions)
{
	const char *y = "title: A\nauthor:\n  - name: B\n    file-as: C\n";
	ynode *n = yamldoc_parse("book.yaml", y, strlen(y), 0);
	ck_assert_ptr_nonnull(n);
	ck_assert_int_eq(n->kind, YNODE_MAPPING);
	ck_assert_str_eq(yamldoc_node_get(n, "title")->value, "A");
	const ynode *a = yamldoc_node_get(n, "author");
	ck_assert_int_eq(a->kind, YNODE_SEQUENCE);
	ck_assert_int_eq(a->items[0]->line, 3);
	ck_assert_int_eq(a->items[0]->key_lines[1], 4);
	yamldoc_node_free(n);
}
END_TEST

START_TEST(test_yaml_errors)
{
	diag_reset();
	const char *bad = "title: [unclosed\n";
	ck_assert_ptr_null(yamldoc_parse("b.yaml", bad, strlen(bad), 0));
	ck_assert_int_eq(diag_error_count(), 1);
	const char *alias = "a: &x 1\nb: *x\n";
	ck_assert_ptr_null(yamldoc_parse("b.yaml", alias, strlen(alias), 0));
	const char *dup = "a: 1\na: 2\n";
	ck_assert_ptr_null(yamldoc_parse("b.yaml", dup, strlen(dup), 0));
	ck_assert_int_eq(diag_error_count(), 3);
	/* An empty document is an empty mapping. */
	ynode *e = yamldoc_parse("b.yaml", "", 0, 0);
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(e->kind, YNODE_MAPPING);
	yamldoc_node_free(e);
	diag_reset();
}
END_TEST

Suite *
yamldoc_suite(void)
{
	Suite *s = suite_create("yamldoc");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_yaml_positions);
	tcase_add_test(tc, test_yaml_errors);
	suite_add_tcase(s, tc);
	return s;
}
