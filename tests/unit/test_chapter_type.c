/* Unit tests: chapter_type, the one table of front matter types. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "chapter_type.h"

START_TEST(test_chapter_types)
{
	static const struct {
		const char *name, *epub_type, *matter;
	} cases[] = {
	    {"chapter", "chapter", "bodymatter"},
	    {"preface", "preface", "frontmatter"},
	    {"foreword", "foreword", "frontmatter"},
	    {"introduction", "introduction", "frontmatter"},
	    {"epilogue", "epilogue", "bodymatter"},
	    {"afterword", "afterword", "backmatter"},
	    {"appendix", "appendix", "backmatter"},
	    {"about-author", "backmatter", "backmatter"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const chapter_type *t = chapter_type_find(cases[i].name);
		ck_assert_msg(t != NULL, "%s", cases[i].name);
		ck_assert_str_eq(t->epub_type, cases[i].epub_type);
		ck_assert_str_eq(t->matter, cases[i].matter);
		ck_assert(t->has_title_label == !strcmp(cases[i].name, "about-author"));
	}
	ck_assert_str_eq(chapter_type_find(NULL)->name, "chapter");
	ck_assert_ptr_null(chapter_type_find("Chapter"));
	ck_assert_ptr_null(chapter_type_find("prologue"));
	ck_assert_ptr_null(chapter_type_find(""));
	char *names = chapter_type_names();
	ck_assert_str_eq(names, "chapter, preface, foreword, introduction, epilogue, afterword, "
	                        "appendix, about-author");
	free(names);
}
END_TEST

Suite *
chapter_type_suite(void)
{
	Suite *s = suite_create("chapter_type");
	TCase *tc = tcase_create("table");
	tcase_add_test(tc, test_chapter_types);
	suite_add_tcase(s, tc);
	return s;
}
