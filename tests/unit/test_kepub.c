/* Unit tests: kepub (Kobo spans) and init (the starter manuscript). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <libxml/parser.h>

#include "diag.h"
#include "init.h"
#include "kepub.h"
#include "util.h"

static size_t
first_sentence(const char *s)
{
	return kepub_sentence_length(s, strlen(s));
}

START_TEST(test_sentence_ends)
{
	ck_assert_uint_eq(first_sentence("One. Two."), 5);
	ck_assert_uint_eq(first_sentence("One.  \nTwo."), 7);
	ck_assert_uint_eq(first_sentence("Why? Because."), 5);
	ck_assert_uint_eq(first_sentence("Wait! No."), 6);
	ck_assert_uint_eq(first_sentence("Note: this"), 6);
	/* Closing quotation marks and repeated stops stay with the sentence. */
	ck_assert_uint_eq(first_sentence("\"Go.\" Then"), 6);
	ck_assert_uint_eq(first_sentence("\u201cGo!\u201d Then"), strlen("\u201cGo!\u201d "));
	ck_assert_uint_eq(first_sentence("Really?! Yes"), 9);
	ck_assert_uint_eq(first_sentence("So\u2026 then"), strlen("So\u2026 "));
	/* Not an end: no white space follows. */
	ck_assert_uint_eq(first_sentence("Pi is 3.14 or so"), 16);
	ck_assert_uint_eq(first_sentence("see example.com now"), 19);
	/* No end at all, or only at the end. */
	ck_assert_uint_eq(first_sentence("no end"), 6);
	ck_assert_uint_eq(first_sentence("The end."), 8);
	ck_assert_uint_eq(first_sentence(""), 0);
	/* CJK full stops end a sentence without a space. */
	ck_assert_uint_eq(first_sentence("\u4e00\u3002\u4e8c"), strlen("\u4e00\u3002"));
}
END_TEST

static const char page[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title></head><body>"
    "<h1 id=\"kobo.1.1\">Title</h1>"
    "<p>One. Two <em>three.</em> Four</p>\n"
    "<ul>\n<li>a</li>\n<li>b</li>\n</ul>"
    "<pre>kept. as is.</pre>"
    "<p><img src=\"x.png\" alt=\"x\"/></p>"
    "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>svg text</text></svg>"
    "</body></html>";

static char *
transformed(const char *xml, const strset *ids)
{
	xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "t.xhtml", NULL, XML_PARSE_NONET);
	ck_assert_ptr_nonnull(doc);
	kepub_transform(doc, ids);
	xmlChar *mem;
	int n;
	xmlDocDumpMemory(doc, &mem, &n);
	char *s = xstrdup((const char *)mem);
	xmlFree(mem);
	xmlFreeDoc(doc);
	return s;
}

START_TEST(test_transform)
{
	strset *ids = strset_new();
	strset_add(ids, "kobo.1.1");
	char *s = transformed(page, ids);
	/* The id already in the page is skipped past. */
	ck_assert_ptr_nonnull(strstr(s, "<h1 id=\"kobo.1.1\"><span class=\"koboSpan\" "
	                                "id=\"kobo.1.2\">Title</span></h1>"));
	ck_assert_ptr_nonnull(strstr(s, "<p><span class=\"koboSpan\" id=\"kobo.2.1\">One. </span>"
	                                "<span class=\"koboSpan\" id=\"kobo.2.2\">Two </span>"
	                                "<em><span class=\"koboSpan\" id=\"kobo.2.3\">three.</span>"
	                                "</em><span class=\"koboSpan\" id=\"kobo.2.4\"> Four</span>"
	                                "</p>"));
	/* A list is one paragraph; white space between items is left alone. */
	ck_assert_ptr_nonnull(strstr(s, "<ul>\n<li><span class=\"koboSpan\" id=\"kobo.3.1\">a"
	                                "</span></li>\n<li><span class=\"koboSpan\" "
	                                "id=\"kobo.3.2\">b</span></li>\n</ul>"));
	ck_assert_ptr_nonnull(strstr(s, "<pre>kept. as is.</pre>"));
	ck_assert_ptr_nonnull(strstr(s, "<span class=\"koboSpan\" id=\"kobo.4.1\"><img"));
	ck_assert_ptr_nonnull(strstr(s, "<text>svg text</text>"));
	ck_assert_ptr_nonnull(strstr(s, "<body><div id=\"book-columns\"><div id=\"book-inner\">"));
	ck_assert_ptr_nonnull(strstr(s, "</div></div></body>"));
	ck_assert_ptr_nonnull(strstr(s, "class=\"kobostylehacks\""));
	/* A second pass changes nothing. */
	char *again = transformed(s, NULL);
	ck_assert_str_eq(s, again);
	free(again);
	free(s);
	strset_free(ids);
}
END_TEST

START_TEST(test_init_refuses)
{
	char dir[] = "/tmp/mkbook-init-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char *yaml = path_join(dir, "book.yaml");
	FILE *f = fopen(yaml, "w");
	ck_assert_ptr_nonnull(f);
	fputs("mine\n", f);
	fclose(f);
	diag_reset();
	ck_assert_int_eq(init_manuscript(dir, "2024-05-06"), -1);
	ck_assert_int_eq(diag_error_count(), 1);
	char *chapter = path_join(dir, "chapter-1.md");
	struct stat st;
	ck_assert_int_ne(stat(chapter, &st), 0); /* nothing written */
	unlink(yaml);
	diag_reset();
	ck_assert_int_eq(init_manuscript(dir, "2024-05-06"), 0);
	char *text;
	size_t len;
	ck_assert_int_eq(path_read_file(yaml, &text, &len, 0), 0);
	ck_assert_ptr_nonnull(strstr(text, "\nmodified: 2024-05-06 "));
	ck_assert_ptr_null(strstr(text, "@DATE@"));
	free(text);
	size_t n;
	const init_file *fs = init_files(&n);
	for (size_t i = 0; i < n; i++) {
		char *p = path_join(dir, fs[i].path);
		unlink(p);
		free(p);
	}
	char *qa = path_join(dir, "qa"), *rel = path_join(dir, "related");
	rmdir(qa);
	rmdir(rel);
	ck_assert_int_eq(rmdir(dir), 0); /* nothing else was written */
	free(qa);
	free(rel);
	free(chapter);
	free(yaml);
}
END_TEST

Suite *
kepub_suite(void)
{
	Suite *s = suite_create("kepub");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_sentence_ends);
	tcase_add_test(tc, test_transform);
	tcase_add_test(tc, test_init_refuses);
	suite_add_tcase(s, tc);
	return s;
}
