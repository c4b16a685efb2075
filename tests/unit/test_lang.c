/* Unit tests: lang, the one place that reads language tags. Every case is
 * one row of a table below. */
#include <check.h>
#include <stdbool.h>
#include <stddef.h>

#include "lang.h"

START_TEST(test_lang_is_tag)
{
	static const struct {
		const char *s;
		bool tag;
	} cases[] = {
	    {"en", true},          {"zh-Hant-TW", true}, {"x-klingon", true}, {"i-navajo", true},
	    {"ckb", true},         {"de-1901", true},    {"english language", false},
	    {"e", false},          {"en-", false},       {"", false},         {"engl", false},
	    {"en_US", false},      {"en--US", false},    {"en-abcdefghi", false},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		ck_assert_msg(lang_is_tag(cases[i].s) == cases[i].tag, "%s", cases[i].s);
}
END_TEST

START_TEST(test_lang_primary)
{
	static const struct {
		const char *lang, *tag;
		bool is;
	} cases[] = {
	    {"ja", "ja", true},     {"JA-jp", "ja", true},  {"ja_JP", "ja", true},
	    {" zh-Hant", "zh", true}, {"jav", "ja", false}, {"j", "ja", false},
	    {"en", "ja", false},    {NULL, "ja", false},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		ck_assert_msg(lang_primary_is(cases[i].lang, cases[i].tag) == cases[i].is, "%s %s",
		              cases[i].lang ? cases[i].lang : "NULL", cases[i].tag);
}
END_TEST

START_TEST(test_lang_chinese)
{
	static const char *const simplified[] = {
	    "zh", "zh-CN", "zh-Hans", "zh-SG", "ZH-hans-cn", "zh_CN", "zh-Hans-HK", "en-TW", NULL,
	};
	static const char *const traditional[] = {
	    "zh-TW",      "zh-Hant", "zh-HK", "zh-MO",      "zh-Hant-HK",
	    "zh-hant-tw", "ZH-TW",   "zh_TW", "zh-Hant-CN", "zh-cmn-Hant",
	};
	for (size_t i = 0; i < sizeof simplified / sizeof simplified[0]; i++)
		ck_assert_msg(!lang_is_traditional_chinese(simplified[i]), "%s",
		              simplified[i] ? simplified[i] : "NULL");
	for (size_t i = 0; i < sizeof traditional / sizeof traditional[0]; i++)
		ck_assert_msg(lang_is_traditional_chinese(traditional[i]), "%s", traditional[i]);
}
END_TEST

START_TEST(test_lang_rtl)
{
	static const char *const rtl[] = {
	    "ar",      "AR",         "ar-EG",   "he",      "he-IL",   "iw",       "fa",
	    "fa-IR",   "ur",         "ps",      "sd",      "ug",      "yi",       "dv",
	    "ckb",     "syr",        "arc",     "nqo",     "az-Arab", "az-arab-IR", "pa-Arab",
	    "ms-Arab", "en-Hebr",    "ff-Adlm", "dv-Thaa", "man-Nkoo", "rhg-Rohg", "tr-Syrc",
	};
	static const char *const ltr[] = {
	    "en", "en-US", "ar-Latn", "fa-Latn", "he-Latn", "zh",   "zh-Hant",    "ja", "ru",
	    "de", "az",    "az-Latn", "ckbx",    "a",       "",     "xx",         "arab",
	    "en-Latn-US", NULL,
	};
	for (size_t i = 0; i < sizeof rtl / sizeof rtl[0]; i++)
		ck_assert_msg(lang_is_rtl(rtl[i]), "%s should be RTL", rtl[i]);
	for (size_t i = 0; i < sizeof ltr / sizeof ltr[0]; i++)
		ck_assert_msg(!lang_is_rtl(ltr[i]), "%s should be LTR", ltr[i] ? ltr[i] : "NULL");
}
END_TEST

Suite *
lang_suite(void)
{
	Suite *s = suite_create("lang");
	TCase *tc = tcase_create("tags");
	tcase_add_test(tc, test_lang_is_tag);
	tcase_add_test(tc, test_lang_primary);
	tcase_add_test(tc, test_lang_chinese);
	tcase_add_test(tc, test_lang_rtl);
	suite_add_tcase(s, tc);
	return s;
}
