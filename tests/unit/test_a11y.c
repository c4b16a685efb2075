/* Unit tests: accessibility - alt text, heading levels, table headers,
 * ARIA roles from epub:type, and the facts the package metadata is made
 * from (issue 6). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "book.h"
#include "diag.h"
#include "chapter_text.h"
#include "markdown.h"
#include "opf.h"
#include "sanitize.h"
#include "xhtml.h"

/* Renders md as a trusted chapter body into *doc; returns the serialised
 * page. The caller frees both. */
static char *
render_doc(const char *md, xmlDocPtr *doc)
{
	book *b = book_new(".");
	xmlNodePtr body;
	*doc = xhtml_new_document(b, "text/x.xhtml", "T", NULL, &body);
	strset *ids = strset_new();
	markdown_opts o = {.file = "x.md", .first_line = 1, .ids = ids};
	markdown_render(b, &o, md, strlen(md), body);
	chapter_text_heading_ids(body, ids, NULL);
	char *out;
	size_t len;
	xhtml_serialize(*doc, &out, &len);
	strset_free(ids);
	book_free(b);
	return out;
}

static char *
render(const char *md)
{
	xmlDocPtr doc;
	char *out = render_doc(md, &doc);
	xmlFreeDoc(doc);
	return out;
}

static bool
has(const char *hay, const char *needle)
{
	return strstr(hay, needle) != NULL;
}

START_TEST(test_markdown_image_without_description_warns)
{
	diag_reset();
	char *x = render("A ![](a.png) b.\n");
	ck_assert_int_eq(diag_warning_count(), 1);
	ck_assert(has(x, "<img src=\"a.png\" alt=\"\" "));
	ck_assert(!has(x, "presentation"));
	ck_assert(!has(x, SANITIZE_NO_ALT));
	free(x);
	diag_reset();
}
END_TEST

START_TEST(test_raw_empty_alt_is_decoration)
{
	diag_reset();
	char *x = render("A <img src=\"a.png\" alt=\"\"> b.\n");
	ck_assert_int_eq(diag_warning_count(), 0);
	ck_assert(has(x, "role=\"presentation\""));
	free(x);
	diag_reset();
}
END_TEST

START_TEST(test_raw_image_without_alt_warns)
{
	diag_reset();
	char *x = render("A <img src=\"a.png\"> b.\n\n![A described image](b.png)\n");
	ck_assert_int_eq(diag_warning_count(), 1);
	ck_assert(has(x, "alt=\"\""));
	ck_assert(!has(x, "presentation"));
	ck_assert(has(x, "alt=\"A described image\""));
	free(x);
	diag_reset();
}
END_TEST

START_TEST(test_heading_that_skips_a_level_warns)
{
	diag_reset();
	free(render("# A\n\n## B\n\n### C\n\n# D\n\n## E\n"));
	ck_assert_int_eq(diag_warning_count(), 0);
	free(render("## Starts at two\n\n### Fine\n"));
	ck_assert_int_eq(diag_warning_count(), 0);
	free(render("# A\n\n### C\n"));
	ck_assert_int_eq(diag_warning_count(), 1);
	diag_reset();
}
END_TEST

START_TEST(test_table_without_header_cells_warns)
{
	diag_reset();
	free(render("| a | b |\n|---|---|\n| 1 | 2 |\n"));
	ck_assert_int_eq(diag_warning_count(), 0);
	free(render("<table><tr><td>1</td><td>2</td></tr></table>\n"));
	ck_assert_int_eq(diag_warning_count(), 1);
	diag_reset();
}
END_TEST

START_TEST(test_epub_type_gets_matching_role)
{
	diag_reset();
	char *x = render("<div epub:type=\"epigraph\"><p>Said.</p></div>\n\n"
	                 "<aside epub:type=\"pullquote\"><p>Pulled.</p></aside>\n\n"
	                 "<p><span epub:type=\"glossterm\">t</span></p>\n\n"
	                 "<dl><dt epub:type=\"glossterm\">t</dt><dd epub:type=\"glossdef\">d</dd></dl>\n\n"
	                 "<aside epub:type=\"chapter\"><p>No.</p></aside>\n");
	ck_assert(has(x, "<div epub:type=\"epigraph\" role=\"doc-epigraph\">"));
	ck_assert(has(x, "<aside epub:type=\"pullquote\" role=\"doc-pullquote\">"));
	ck_assert(has(x, "<span epub:type=\"glossterm\" role=\"term\">"));
	ck_assert(has(x, "<dt epub:type=\"glossterm\">"));     /* implicit */
	ck_assert(has(x, "<dd epub:type=\"glossdef\">"));      /* implicit */
	ck_assert(has(x, "<aside epub:type=\"chapter\">"));    /* not allowed there */
	free(x);

	/* mkbook's own pages: a landmarks link gets no role. */
	book *b = book_new(".");
	xmlNodePtr body;
	xmlDocPtr doc = xhtml_new_document(b, "nav.xhtml", "T", NULL, &body);
	xmlNodePtr sec = xhtml_add(body, "section", NULL);
	xhtml_set_epub_type(sec, "colophon");
	xmlNodePtr a = xhtml_add(body, "a", "x");
	xhtml_set_epub_type(a, "toc");
	xmlNodePtr note = xhtml_add(body, "a", "1");
	xhtml_set_epub_type(note, "noteref");
	xhtml_set_epub_type(body, "backmatter");
	xmlChar *r1 = xmlGetProp(sec, BAD_CAST "role");
	ck_assert_str_eq((const char *)r1, "doc-colophon");
	ck_assert(!xmlHasProp(a, BAD_CAST "role"));
	xmlChar *r2 = xmlGetProp(note, BAD_CAST "role");
	ck_assert_str_eq((const char *)r2, "doc-noteref");
	ck_assert(!xmlHasProp(body, BAD_CAST "role"));
	xmlFree(r1);
	xmlFree(r2);
	xmlFreeDoc(doc);
	book_free(b);
	diag_reset();
}
END_TEST

/* What the accessibility summary says is counted per chapter: images,
 * their descriptions, and style of the author's (which takes the choice
 * of colours and sizes from the reader). */
START_TEST(test_a11y_facts)
{
	static const struct {
		const char *md;
		int images, described;
		bool styles;
	} cases[] = {
	    {"# A\n\n![Sky](a.png) <img src=\"b.png\" alt=\"\">\n", 2, 2, false},
	    {"# A\n\n![](a.png)\n", 1, 0, false},
	    {"# A\n\n### C\n", 0, 0, false},
	    {"<table><tr><td>1</td></tr></table>\n", 0, 0, false},
	    {"| a |\n|:-:|\n| 1 |\n", 0, 0, false},
	    {"<p style=\"color: #777\">grey</p>\n", 0, 0, true},
	};
	diag_reset();
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		xmlDocPtr doc;
		free(render_doc(cases[i].md, &doc));
		a11y_facts f;
		opf_note_facts(doc, &f);
		ck_assert_msg(f.images == cases[i].images, "case %zu: images %d", i, f.images);
		ck_assert_msg(f.images_with_alt == cases[i].described, "case %zu: described %d", i,
		              f.images_with_alt);
		ck_assert_msg(f.has_styles == cases[i].styles, "case %zu: styles %d", i, f.has_styles);
		xmlFreeDoc(doc);
	}
	diag_reset();
}
END_TEST

Suite *
a11y_suite(void)
{
	Suite *s = suite_create("a11y");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_markdown_image_without_description_warns);
	tcase_add_test(tc, test_raw_empty_alt_is_decoration);
	tcase_add_test(tc, test_raw_image_without_alt_warns);
	tcase_add_test(tc, test_heading_that_skips_a_level_warns);
	tcase_add_test(tc, test_table_without_header_cells_warns);
	tcase_add_test(tc, test_epub_type_gets_matching_role);
	tcase_add_test(tc, test_a11y_facts);
	suite_add_tcase(s, tc);
	return s;
}
