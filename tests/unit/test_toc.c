/* Unit tests: toc.c - a chapter's headings, owned in one form by the
 * chapter, through growth and compaction. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "toc.h"
#include "util.h"

START_TEST(test_toc_entries_survive_growth_and_compaction)
{
	chapter_toc t = {0};
	/* Enough entries for the text and the array to move several times. */
	for (int i = 0; i < 500; i++) {
		char *title = xasprintf("Heading number %d, with \u00e9 & <b>", i);
		char *id = xasprintf("heading-%d", i);
		toc_add(&t, 1 + i % 6, title, id);
		free(title);
		free(id);
	}
	toc_add(&t, 2, "", "section"); /* an empty heading keeps its place */
	for (int pass = 0; pass < 2; pass++) {
		ck_assert_uint_eq(t.n, 501);
		for (size_t i = 0; i < 500; i++) {
			char *title = xasprintf("Heading number %zu, with \u00e9 & <b>", i);
			char *id = xasprintf("heading-%zu", i);
			ck_assert_int_eq(t.entries[i].level, 1 + (int)(i % 6));
			ck_assert_str_eq(toc_title(&t, i), title);
			ck_assert_str_eq(toc_id(&t, i), id);
			free(title);
			free(id);
		}
		ck_assert_str_eq(toc_title(&t, 500), "");
		ck_assert_str_eq(toc_id(&t, 500), "section");
		toc_compact(&t);
		ck_assert_uint_eq(t.text.cap, t.text.len + 1);
	}
	toc_free(&t);
	ck_assert_uint_eq(t.n, 0);
	ck_assert_ptr_null(t.entries);
	toc_free(&t); /* an empty toc frees too */
}
END_TEST

START_TEST(test_toc_empty_compacts)
{
	chapter_toc t = {0};
	toc_compact(&t);
	ck_assert_uint_eq(t.n, 0);
	toc_free(&t);
}
END_TEST

Suite *
toc_suite(void)
{
	Suite *s = suite_create("toc");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_toc_entries_survive_growth_and_compaction);
	tcase_add_test(tc, test_toc_empty_compacts);
	suite_add_tcase(s, tc);
	return s;
}
