/* Unit tests: slug (heading ids as GitHub makes them). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "slug.h"

Suite *slug_suite(void);

START_TEST(test_slug_github)
{
	struct {
		const char *in, *out;
	} cases[] = {
	    {"Everyday Use", "everyday-use"},
	    {"What's new? (Part 1)", "whats-new-part-1"},
	    {"C++ & Rust: a comparison", "c--rust-a-comparison"},
	    {"Основы", "основы"},
	    {"日常使用", "日常使用"},
	    {"Größe und Maße", "größe-und-maße"},
	    {"मौसम", "मौसम"},
	    {"snake_case stays", "snake_case-stays"},
	    {"  ", "--"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *s = slug_github(cases[i].in);
		ck_assert_str_eq(s, cases[i].out);
		free(s);
	}
}
END_TEST

START_TEST(test_slug_fold)
{
	char *a = slug_fold("%D0%9E%D1%81%D0%BD%D0%BE%D0%B2%D1%8B");
	char *b = slug_fold("основы");
	ck_assert_str_eq(a, b);
	free(a);
	free(b);
	a = slug_fold("Building-From-Source");
	ck_assert_str_eq(a, "building-from-source");
	free(a);
	/* A bad escape stays as written. */
	a = slug_percent_decode("100%zz");
	ck_assert_str_eq(a, "100%zz");
	free(a);
}
END_TEST

Suite *
slug_suite(void)
{
	Suite *s = suite_create("slug");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_slug_github);
	tcase_add_test(tc, test_slug_fold);
	suite_add_tcase(s, tc);
	return s;
}
