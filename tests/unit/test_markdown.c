/* Unit tests: markdown (cmark-gfm to XHTML: footnotes, tables, heading
 * ids, untrusted text). */

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "markdown.h"
#include "unit.h"

Suite *markdown_suite(void);

START_TEST(test_inline_html_spanning_markdown)
{
	char *x = unit_render("a <span lang=\"fr\">b *c*</span> d\n", false);
	ck_assert(unit_has(x, "<span lang=\"fr\" xml:lang=\"fr\">b <em>c</em></span>"));
	free(x);
}
END_TEST

START_TEST(test_footnotes_epub)
{
	char *x = unit_render("Text[^1] again[^1].\n\n[^1]: The note.\n", false);
	ck_assert(unit_has(x, "epub:type=\"noteref\""));
	ck_assert(unit_has(x, "role=\"doc-noteref\""));
	ck_assert(unit_has(x, "<aside class=\"footnote\" epub:type=\"footnote\" role=\"doc-footnote\" "
	                 "id=\"fn-1\">"));
	ck_assert(unit_has(x, "role=\"doc-backlink\""));
	ck_assert(!unit_has(x, "data-footnote"));
	ck_assert(!unit_has(x, "<ol"));
	free(x);
}
END_TEST

START_TEST(test_tables_tasks)
{
	char *x = unit_render("| a | b |\n|:-|-:|\n| 1 | 2 |\n\n- [ ] todo\n- [x] done\n", false);
	ck_assert(unit_has(x, "style=\"text-align: right\""));
	ck_assert(!unit_has(x, "align="));
	ck_assert(!unit_has(x, "<input"));
	ck_assert(unit_has(x, "\xE2\x98\x90"));
	ck_assert(unit_has(x, "\xE2\x98\x91"));
	ck_assert(unit_has(x, "<li class=\"task\">"));
	free(x);
}
END_TEST

START_TEST(test_heading_ids_unique)
{
	char *x = unit_render("# Example\n\n## Example\n\n<h2 id=\"example-1\">Raw</h2>\n\n## Example\n",
	                      false);
	ck_assert(unit_has(x, "id=\"example\""));
	ck_assert(unit_has(x, "id=\"example-1\""));
	ck_assert(unit_has(x, "id=\"example-2\""));
	free(x);
}
END_TEST

START_TEST(test_untrusted_html_is_text)
{
	char *x = unit_render("Hi <b>bold</b>\n\n<script>x</script>\n\n![img](/etc/passwd) "
	                      "[local](../secret.md) [web](https://example.com)\n",
	                      true);
	ck_assert(unit_has(x, "&lt;b&gt;bold&lt;/b&gt;"));
	ck_assert(unit_has(x, "&lt;script&gt;"));
	ck_assert(!unit_has(x, "<img"));
	ck_assert(!unit_has(x, "passwd\""));
	ck_assert(!unit_has(x, "secret.md"));
	ck_assert(unit_has(x, "href=\"https://example.com\""));
	free(x);
}
END_TEST

START_TEST(test_deep_nesting_is_an_error)
{
	diag_reset();
	size_t n = 5000;
	char *md = malloc(n + 8);
	memset(md, '>', n);
	strcpy(md + n, " deep\n");
	char *x = unit_render(md, false);
	ck_assert_int_eq(diag_error_count(), 1);
	free(x);
	free(md);
	diag_reset();
}
END_TEST

Suite *
markdown_suite(void)
{
	Suite *s = suite_create("markdown");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_inline_html_spanning_markdown);
	tcase_add_test(tc, test_footnotes_epub);
	tcase_add_test(tc, test_tables_tasks);
	tcase_add_test(tc, test_heading_ids_unique);
	tcase_add_test(tc, test_untrusted_html_is_text);
	tcase_add_test(tc, test_deep_nesting_is_an_error);
	suite_add_tcase(s, tc);
	return s;
}
