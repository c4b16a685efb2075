/* test_labels.c - built-in labels, language matching, RTL and dates. */
#include <check.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "labels.h"

Suite *labels_suite(void);

static const char *const all_langs[] = {
	"en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "uk", "ar",
	"he", "ja", "zh-Hans", "zh-Hant", "ko",
};
#define N_LANGS (sizeof all_langs / sizeof all_langs[0])

#define ck_date(lang, y, m, d, want)                                   \
	do {                                                           \
		char *got_ = labels_format_date((lang), (y), (m), (d)); \
		ck_assert_ptr_nonnull(got_);                           \
		ck_assert_str_eq(got_, (want));                        \
		free(got_);                                            \
	} while (0)

/* Every language has a non-empty string for every id. */
START_TEST(test_every_language_complete)
{
	const char *lang = all_langs[_i];
	ck_assert_msg(labels_has_language(lang), "no table for %s", lang);
	for (int id = 0; id < LABEL_COUNT; id++) {
		const char *s = labels_builtin(lang, (enum label_id)id);
		ck_assert_ptr_nonnull(s);
		ck_assert_msg(s[0] != '\0', "%s: empty label %s", lang,
		    labels_key((enum label_id)id));
	}
}
END_TEST

/* Every language says each sentence of the accessibility summary in its
 * own words, ending as a sentence does; the one with numbers holds
 * exactly two %d and no other conversion (it is a printf format). */
START_TEST(test_a11y_sentences)
{
	const char *lang = all_langs[_i];
	for (int id = 0; id < A11Y_COUNT; id++) {
		const char *s = labels_a11y(lang, (enum a11y_sentence)id);
		ck_assert_msg(s != NULL && s[0] != '\0', "%s: sentence %d missing", lang, id);
		if (strcmp(lang, "en") != 0)
			ck_assert_str_ne(s, labels_a11y("en", (enum a11y_sentence)id));
		size_t n = strlen(s);
		ck_assert_msg(s[n - 1] == '.' || strcmp(s + n - 3, "\xe3\x80\x82") == 0,
		              "%s: sentence %d does not end with a full stop", lang, id);
		int convs = 0;
		for (const char *p = strchr(s, '%'); p; p = strchr(p + 2, '%')) {
			ck_assert_msg(p[1] == 'd', "%s: sentence %d: %%%c", lang, id, p[1]);
			convs++;
		}
		ck_assert_int_eq(convs, id == A11Y_ALT_SOME ? 2 : 0);
	}
}
END_TEST

/* A language without a table has no summary sentences (the caller writes
 * English and marks it so); Chinese and Japanese join sentences without a
 * space. */
START_TEST(test_a11y_fallback_and_gap)
{
	ck_assert_ptr_null(labels_a11y("fi", A11Y_STRUCTURE));
	ck_assert_ptr_null(labels_a11y("tlh", A11Y_NOTES));
	ck_assert_ptr_nonnull(labels_a11y("de-CH", A11Y_NOTES));
	ck_assert_str_eq(labels_sentence_gap("ja"), "");
	ck_assert_str_eq(labels_sentence_gap("zh-TW"), "");
	ck_assert_str_eq(labels_sentence_gap("ko"), " ");
	ck_assert_str_eq(labels_sentence_gap("fi"), " ");
}
END_TEST

/* A translated table says "Contents" in its own words, and the strings it
 * uses for the headings are not just the English ones left in place. */
START_TEST(test_translated_differs_from_english)
{
	const char *lang = all_langs[_i];
	if (strcmp(lang, "en") == 0)
		return;
	ck_assert_str_ne(labels_builtin(lang, LABEL_CONTENTS),
	    labels_builtin("en", LABEL_CONTENTS));
	ck_assert_str_ne(labels_builtin(lang, LABEL_QA),
	    labels_builtin("en", LABEL_QA));
	ck_assert_str_ne(labels_builtin(lang, LABEL_MADE_WITH),
	    labels_builtin("en", LABEL_MADE_WITH));
	ck_assert_str_ne(labels_builtin(lang, LABEL_BACK_TO_TEXT),
	    labels_builtin("en", LABEL_BACK_TO_TEXT));
	/* The colophon sentence still names the tool. */
	ck_assert_ptr_nonnull(strstr(labels_builtin(lang, LABEL_MADE_WITH),
	    "mkbook"));
}
END_TEST

/* A table entry left out would silently fall back to English, so count the
 * labels that are the same as in English: none for languages in another
 * script, only a few shared words ("Colophon", "Notes"...) for the rest. */
START_TEST(test_no_english_left_in)
{
	const char *lang = all_langs[_i];
	if (strcmp(lang, "en") == 0)
		return;
	static const char *const latin_langs[] = {
		"de", "fr", "es", "it", "pt", "nl", "pl",
	};
	bool latin = false;
	for (size_t i = 0; i < sizeof latin_langs / sizeof latin_langs[0]; i++)
		if (strcmp(lang, latin_langs[i]) == 0)
			latin = true;
	int same = 0;
	for (int id = 0; id < LABEL_COUNT; id++)
		if (strcmp(labels_builtin(lang, (enum label_id)id),
		    labels_builtin("en", (enum label_id)id)) == 0)
			same++;
	if (latin)
		ck_assert_msg(same <= 3, "%s: %d labels are the English ones",
		    lang, same);
	else
		ck_assert_msg(same == 0, "%s: %d labels are the English ones",
		    lang, same);
}
END_TEST

START_TEST(test_known_words)
{
	ck_assert_str_eq(labels_builtin("en", LABEL_CONTENTS), "Contents");
	ck_assert_str_eq(labels_builtin("en", LABEL_QA), "Reader Q&A");
	ck_assert_str_eq(labels_builtin("en", LABEL_MADE_WITH),
	    "Made with mkbook from a Markdown manuscript.");
	ck_assert_str_eq(labels_builtin("de", LABEL_CONTENTS), "Inhalt");
	ck_assert_str_eq(labels_builtin("fr", LABEL_CONTENTS),
	    "Table des matières");
	ck_assert_str_eq(labels_builtin("ja", LABEL_CONTENTS), "目次");
	ck_assert_str_eq(labels_builtin("ja", LABEL_COLOPHON), "奥付");
	ck_assert_str_eq(labels_builtin("ru", LABEL_CONTENTS), "Содержание");
	ck_assert_str_eq(labels_builtin("he", LABEL_CONTENTS), "תוכן העניינים");
	ck_assert_str_eq(labels_builtin("ar", LABEL_CONTENTS), "المحتويات");
}
END_TEST

START_TEST(test_fallback_unknown)
{
	static const char *const unknown[] = {
		"xx", "eo", "sv", "x-klingon", "", "e", "eng", "english",
	};
	for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
		ck_assert_msg(!labels_has_language(unknown[i]),
		    "has_language(\"%s\")", unknown[i]);
		for (int id = 0; id < LABEL_COUNT; id++)
			ck_assert_str_eq(labels_builtin(unknown[i], (enum label_id)id),
			    labels_builtin("en", (enum label_id)id));
	}
	ck_assert(!labels_has_language(NULL));
	ck_assert_str_eq(labels_builtin(NULL, LABEL_CONTENTS), "Contents");
	ck_assert_str_eq(labels_builtin("eo", LABEL_COLOPHON), "Colophon");
}
END_TEST

START_TEST(test_region_and_case)
{
	ck_assert(labels_has_language("DE-de"));
	ck_assert_str_eq(labels_builtin("DE-de", LABEL_CONTENTS), "Inhalt");
	ck_assert_str_eq(labels_builtin("de-AT", LABEL_CONTENTS), "Inhalt");
	ck_assert_str_eq(labels_builtin("de_CH", LABEL_CONTENTS), "Inhalt");
	ck_assert_str_eq(labels_builtin("FR", LABEL_CONTENTS),
	    "Table des matières");
	ck_assert_str_eq(labels_builtin("en-GB", LABEL_CONTENTS), "Contents");
	ck_assert_str_eq(labels_builtin("pt-BR", LABEL_CONTENTS),
	    labels_builtin("pt", LABEL_CONTENTS));
	ck_assert_str_eq(labels_builtin("iw", LABEL_CONTENTS),
	    labels_builtin("he", LABEL_CONTENTS));
	/* The primary subtag must match exactly, not as a prefix. */
	ck_assert(!labels_has_language("den"));
	ck_assert(!labels_has_language("d"));
}
END_TEST

START_TEST(test_chinese_variants)
{
	const char *hans = labels_builtin("zh-Hans", LABEL_CONTENTS);
	const char *hant = labels_builtin("zh-Hant", LABEL_CONTENTS);
	ck_assert_str_eq(hans, "目录");
	ck_assert_str_eq(hant, "目錄");

	static const char *const simplified[] = {
		"zh", "zh-CN", "zh-Hans", "zh-SG", "ZH-hans-cn", "zh_CN",
		"zh-Hans-HK",
	};
	static const char *const traditional[] = {
		"zh-TW", "zh-Hant", "zh-HK", "zh-MO", "zh-Hant-HK",
		"zh-hant-tw", "ZH-TW", "zh_TW", "zh-Hant-CN", "zh-cmn-Hant",
	};
	for (size_t i = 0; i < sizeof simplified / sizeof simplified[0]; i++) {
		ck_assert(labels_has_language(simplified[i]));
		ck_assert_msg(strcmp(labels_builtin(simplified[i], LABEL_CONTENTS),
		    hans) == 0, "%s should be Simplified", simplified[i]);
	}
	for (size_t i = 0; i < sizeof traditional / sizeof traditional[0]; i++) {
		ck_assert(labels_has_language(traditional[i]));
		ck_assert_msg(strcmp(labels_builtin(traditional[i], LABEL_CONTENTS),
		    hant) == 0, "%s should be Traditional", traditional[i]);
	}
}
END_TEST

START_TEST(test_keys_round_trip)
{
	for (int i = 0; i < LABEL_COUNT; i++) {
		const char *key = labels_key((enum label_id)i);
		ck_assert_ptr_nonnull(key);
		ck_assert(key[0] != '\0');
		for (const char *p = key; *p; p++)
			ck_assert_msg((*p >= 'a' && *p <= 'z') || *p == '-',
			    "key %s is not kebab-case", key);
		enum label_id id = LABEL_COUNT;
		ck_assert_msg(labels_id_from_key(key, &id), "key %s", key);
		ck_assert_int_eq(id, i);
		/* Keys are unique. */
		for (int j = 0; j < i; j++)
			ck_assert_str_ne(key, labels_key((enum label_id)j));
	}
}
END_TEST

START_TEST(test_keys_exact)
{
	static const struct {
		enum label_id id;
		const char *key;
	} want[] = {
		{ LABEL_CONTENTS, "contents" },
		{ LABEL_LANDMARKS, "landmarks" },
		{ LABEL_COVER, "cover" },
		{ LABEL_TITLE_PAGE, "title-page" },
		{ LABEL_START, "start" },
		{ LABEL_COLOPHON, "colophon" },
		{ LABEL_QA, "reader-qa" },
		{ LABEL_RELATED, "related-posts" },
		{ LABEL_ABOUT_AUTHOR, "about-the-author" },
		{ LABEL_ASKED, "asked" },
		{ LABEL_REPLIED, "replied" },
		{ LABEL_ANSWERED_BY_AUTHOR, "answered-by-the-author" },
		{ LABEL_AUTHOR_ANSWER, "authors-answer" },
		{ LABEL_REPLIES, "replies" },
		{ LABEL_FOOTNOTES, "notes" },
		{ LABEL_BACK_TO_TEXT, "back-to-text" },
		{ LABEL_BY, "by" },
		{ LABEL_PUBLISHED, "published" },
		{ LABEL_MODIFIED, "modified" },
		{ LABEL_PUBLISHER, "publisher" },
		{ LABEL_IDENTIFIER, "identifier" },
		{ LABEL_SOURCE, "source" },
		{ LABEL_RIGHTS, "rights" },
		{ LABEL_MADE_WITH, "made-with" },
		{ LABEL_READ_ORIGINAL, "read-original" },
		{ LABEL_AUDIO, "audio" },
		{ LABEL_VIDEO, "video" },
	};
	ck_assert_int_eq(sizeof want / sizeof want[0], LABEL_COUNT);
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		ck_assert_str_eq(labels_key(want[i].id), want[i].key);

	enum label_id id = LABEL_CONTENTS;
	ck_assert(!labels_id_from_key("Contents", &id));
	ck_assert(!labels_id_from_key("reader_qa", &id));
	ck_assert(!labels_id_from_key("", &id));
	ck_assert(!labels_id_from_key("nope", &id));
	ck_assert(!labels_id_from_key(NULL, &id));
	ck_assert_int_eq(id, LABEL_CONTENTS);
}
END_TEST

START_TEST(test_dates_full)
{
	ck_date("en", 2013, 12, 13, "13 December 2013");
	ck_date("en-US", 2013, 12, 13, "13 December 2013");
	ck_date("de", 2013, 12, 13, "13. Dezember 2013");
	ck_date("de", 2020, 3, 5, "5. März 2020");
	ck_date("fr", 2013, 12, 13, "13 décembre 2013");
	ck_date("fr", 2013, 12, 1, "1er décembre 2013");
	ck_date("fr-CA", 2021, 8, 2, "2 août 2021");
	ck_date("es", 2013, 12, 13, "13 de diciembre de 2013");
	ck_date("it", 2013, 12, 13, "13 dicembre 2013");
	ck_date("pt", 2013, 12, 13, "13 de dezembro de 2013");
	ck_date("pt-BR", 2013, 3, 1, "1 de março de 2013");
	ck_date("nl", 2013, 12, 13, "13 december 2013");
	ck_date("pl", 2013, 12, 13, "13 grudnia 2013");
	ck_date("pl", 2013, 9, 30, "30 września 2013");
	ck_date("ru", 2013, 12, 13, "13 декабря 2013 г.");
	ck_date("ru", 2013, 3, 8, "8 марта 2013 г.");
	ck_date("uk", 2013, 12, 13, "13 грудня 2013 р.");
	ck_date("ar", 2013, 12, 13, "13 ديسمبر 2013");
	ck_date("he", 2013, 12, 13, "13 בדצמבר 2013");
	ck_date("ja", 2013, 12, 13, "2013年12月13日");
	ck_date("ja", 2013, 1, 5, "2013年1月5日");
	ck_date("zh", 2013, 12, 13, "2013年12月13日");
	ck_date("zh-TW", 2013, 12, 13, "2013年12月13日");
	ck_date("ko", 2013, 12, 13, "2013년 12월 13일");
	ck_date("ko", 2013, 1, 5, "2013년 1월 5일");
	/* Unknown languages write English dates. */
	ck_date("eo", 2013, 12, 13, "13 December 2013");
	ck_date(NULL, 2013, 12, 13, "13 December 2013");
}
END_TEST

/* Every language writes every month, and a full date always names a month
 * (no empty or NULL month names). */
START_TEST(test_dates_every_language)
{
	const char *lang = all_langs[_i];
	for (int m = 1; m <= 12; m++) {
		char *full = labels_format_date(lang, 2024, m, 15);
		char *ym = labels_format_date(lang, 2024, m, 0);
		ck_assert_ptr_nonnull(full);
		ck_assert_ptr_nonnull(ym);
		ck_assert_ptr_nonnull(strstr(full, "2024"));
		ck_assert_ptr_nonnull(strstr(full, "15"));
		ck_assert_ptr_nonnull(strstr(ym, "2024"));
		ck_assert(strlen(full) > strlen(ym));
		free(full);
		free(ym);
	}
}
END_TEST

START_TEST(test_dates_day_zero)
{
	ck_date("en", 2013, 12, 0, "December 2013");
	ck_date("de", 2013, 12, 0, "Dezember 2013");
	ck_date("fr", 2013, 12, 0, "décembre 2013");
	ck_date("es", 2013, 12, 0, "diciembre de 2013");
	ck_date("it", 2013, 12, 0, "dicembre 2013");
	ck_date("pt", 2013, 12, 0, "dezembro de 2013");
	ck_date("nl", 2013, 12, 0, "december 2013");
	ck_date("pl", 2013, 12, 0, "grudzień 2013");
	ck_date("pl", 2013, 9, 0, "wrzesień 2013");
	ck_date("ru", 2013, 12, 0, "декабрь 2013 г.");
	ck_date("uk", 2013, 12, 0, "грудень 2013 р.");
	ck_date("ar", 2013, 12, 0, "ديسمبر 2013");
	ck_date("he", 2013, 12, 0, "דצמבר 2013");
	ck_date("ja", 2013, 12, 0, "2013年12月");
	ck_date("zh-Hans", 2013, 12, 0, "2013年12月");
	ck_date("ko", 2013, 12, 0, "2013년 12월");
	ck_date("xx", 2013, 12, 0, "December 2013");
}
END_TEST

START_TEST(test_dates_month_zero)
{
	ck_date("en", 2013, 0, 0, "2013");
	ck_date("en", 2013, 0, 13, "2013");
	ck_date("de", 2013, 0, 0, "2013");
	ck_date("fr", 2013, 0, 0, "2013");
	ck_date("pl", 2013, 0, 0, "2013");
	ck_date("ja", 2013, 0, 0, "2013年");
	ck_date("zh-Hant", 2013, 0, 0, "2013年");
	ck_date("ko", 2013, 0, 0, "2013년");
	ck_date("ru", 2013, 0, 0, "2013 г.");
	/* A month out of range is treated as no month. */
	ck_date("en", 2013, 13, 5, "2013");
	ck_date("en", 2013, 99, 0, "2013");
	ck_date("en", 2013, -1, 5, "2013");
	ck_date("ja", 2013, 13, 5, "2013年");
	/* A day out of range is treated as no day. */
	ck_date("en", 2013, 12, 32, "December 2013");
	ck_date("en", 2013, 12, -4, "December 2013");
}
END_TEST

Suite *
labels_suite(void)
{
	Suite *s = suite_create("labels");
	TCase *tc = tcase_create("tables");
	tcase_add_loop_test(tc, test_every_language_complete, 0, N_LANGS);
	tcase_add_loop_test(tc, test_translated_differs_from_english, 0, N_LANGS);
	tcase_add_loop_test(tc, test_no_english_left_in, 0, N_LANGS);
	tcase_add_test(tc, test_known_words);
	tcase_add_loop_test(tc, test_a11y_sentences, 0, N_LANGS);
	tcase_add_test(tc, test_a11y_fallback_and_gap);
	suite_add_tcase(s, tc);

	tc = tcase_create("matching");
	tcase_add_test(tc, test_fallback_unknown);
	tcase_add_test(tc, test_region_and_case);
	tcase_add_test(tc, test_chinese_variants);
	suite_add_tcase(s, tc);

	tc = tcase_create("keys");
	tcase_add_test(tc, test_keys_round_trip);
	tcase_add_test(tc, test_keys_exact);
	suite_add_tcase(s, tc);

	tc = tcase_create("dates");
	tcase_add_test(tc, test_dates_full);
	tcase_add_loop_test(tc, test_dates_every_language, 0, N_LANGS);
	tcase_add_test(tc, test_dates_day_zero);
	tcase_add_test(tc, test_dates_month_zero);
	suite_add_tcase(s, tc);
	return s;
}
