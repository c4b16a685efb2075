/* Unit tests: strset (sets of strings, frozen or not). */
#include <check.h>
#include <stdio.h>

#include "strlist.h"
#include "strset.h"

START_TEST(test_strset_grows)
{
	strset *s = strset_new();
	char key[32];
	for (int i = 0; i < 5000; i++) {
		snprintf(key, sizeof key, "id-%d", i);
		ck_assert(strset_add(s, key));
	}
	ck_assert(!strset_add(s, "id-42"));
	ck_assert(strset_has(s, "id-4999"));
	ck_assert(!strset_has(s, "id-5000"));
	ck_assert_uint_eq(strset_count(s), 5000);
	strset_free(s);
}
END_TEST

static void
collect_key(const char *key, void *arg)
{
	strlist_push(arg, key);
}

/* A frozen set answers as before, iterates in the same order, and keeps
 * its count; an empty one answers no. */
START_TEST(test_strset_freeze)
{
	strset *s = strset_new();
	char key[32];
	for (int i = 0; i < 3000; i++) {
		snprintf(key, sizeof key, "h-%d", i * 7);
		strset_add(s, key);
	}
	strset_add(s, "");
	strset_add(s, "größe");
	strlist before = {0}, after = {0};
	strset_each(s, collect_key, &before);
	strset_freeze(s);
	strset_freeze(s); /* twice is once */
	strset_each(s, collect_key, &after);
	ck_assert_uint_eq(before.n, 3002);
	ck_assert_uint_eq(after.n, before.n);
	for (size_t i = 0; i < before.n; i++)
		ck_assert_str_eq(after.items[i], before.items[i]);
	for (int i = 0; i < 3000 * 7; i++) {
		snprintf(key, sizeof key, "h-%d", i);
		ck_assert(strset_has(s, key) == (i % 7 == 0));
	}
	ck_assert(strset_has(s, ""));
	ck_assert(strset_has(s, "größe"));
	ck_assert(!strset_has(s, "grösse"));
	ck_assert_uint_eq(strset_count(s), 3002);
	strlist_free(&before);
	strlist_free(&after);
	strset_free(s);

	strset *empty = strset_new();
	strset_freeze(empty);
	ck_assert(!strset_has(empty, ""));
	ck_assert(!strset_has(empty, "x"));
	ck_assert_uint_eq(strset_count(empty), 0);
	strset_free(empty);
}
END_TEST

Suite *
strset_suite(void)
{
	Suite *s = suite_create("strset");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_strset_grows);
	tcase_add_test(tc, test_strset_freeze);
	suite_add_tcase(s, tc);
	return s;
}
