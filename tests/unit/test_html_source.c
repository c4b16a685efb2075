/* Unit tests: html_source (HTML text before libxml2's HTML parser). */
#include <check.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "html_source.h"

/* Each case once: the text, and what it becomes (NULL: left as it is). */
START_TEST(test_html_source_close_empty_comments)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
	    {"<p>a</p><!--><p>b</p>", "<p>a</p><!----><p>b</p>"},
	    {"<!--->x", "<!---->x"},
	    {"x<!-->y<!--->z", "x<!---->y<!---->z"},
	    {"<!---->x", NULL},                  /* already whole */
	    {"<!-- a <!--> b -->c", NULL},       /* inside a comment */
	    {"<!-- a --><!-->b", "<!-- a --><!---->b"},
	    {"<!-- never closed <!-->", NULL},   /* the parser's business */
	    {"<!--", NULL},
	    {"<!-", NULL},
	    {"", NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		size_t len = 0;
		char *got = html_source_close_empty_comments(cases[i].in, strlen(cases[i].in), &len);
		if (cases[i].out == NULL) {
			ck_assert_msg(got == NULL, "case %zu: %s", i, got);
		} else {
			ck_assert_msg(got != NULL, "case %zu unchanged", i);
			ck_assert_str_eq(got, cases[i].out);
			ck_assert_uint_eq(len, strlen(cases[i].out));
		}
		free(got);
	}
}
END_TEST

/* Why: libxml2's HTML parser, given "<!-->", loses the text up to the
 * next "-->"; given what the function makes of it, keeps it. */
START_TEST(test_html_source_keeps_text_for_libxml2)
{
	const char *html = "<html><body><p>a</p><!--><p>kept</p><!-- c --><p>z</p></body></html>";
	size_t len;
	char *mended = html_source_close_empty_comments(html, strlen(html), &len);
	ck_assert_ptr_nonnull(mended);
	htmlDocPtr doc = htmlReadMemory(mended, (int)len, NULL, "UTF-8",
	                                HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
	ck_assert_ptr_nonnull(doc);
	xmlChar *text = xmlNodeGetContent(xmlDocGetRootElement(doc));
	ck_assert_msg(strstr((const char *)text, "kept") != NULL, "%s", (const char *)text);
	xmlFree(text);
	xmlFreeDoc(doc);
	free(mended);
}
END_TEST

Suite *
html_source_suite(void)
{
	Suite *s = suite_create("html_source");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_html_source_close_empty_comments);
	tcase_add_test(tc, test_html_source_keeps_text_for_libxml2);
	suite_add_tcase(s, tc);
	return s;
}
