/* Unit tests: sanitize (the allow-list of raw HTML, what it keeps and
 * drops, the XHTML it leaves). */

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "book.h"
#include "diag.h"
#include "markdown.h"
#include "sanitize.h"
#include "unit.h"
#include "xhtml.h"

Suite *sanitize_suite(void);

START_TEST(test_scripts_dropped)
{
	diag_reset();
	char *x = unit_render("<script>alert(1)</script>\n\n<p onclick=\"x()\">Hi "
	                      "<a href=\"javascript:evil()\">link</a> <iframe src=\"http://e\"></iframe>"
	                      "<img src=x onerror=alert(1) alt=\"d\"></p>\n",
	                      false);
	ck_assert(!unit_has(x, "<script"));
	ck_assert(!unit_has(x, "alert"));
	ck_assert(!unit_has(x, "onclick"));
	ck_assert(!unit_has(x, "javascript:"));
	ck_assert(!unit_has(x, "iframe"));
	ck_assert(!unit_has(x, "onerror"));
	ck_assert(unit_has(x, ">link</a>"));
	ck_assert_int_ge(diag_warning_count(), 4);
	free(x);
	diag_reset();
}
END_TEST

START_TEST(test_entities_and_controls)
{
	char *x = unit_render("a&nbsp;b &copy; <span>&hellip;</span> \x01 end\n", false);
	ck_assert(unit_has(x, "a\xC2\xA0"));
	ck_assert(unit_has(x, "\xC2\xA9"));
	ck_assert(unit_has(x, "\xE2\x80\xA6"));
	ck_assert(!unit_has(x, "&nbsp;"));
	ck_assert(!unit_has(x, "\x01"));
	free(x);
}
END_TEST

START_TEST(test_duplicate_raw_id_dropped)
{
	diag_reset();
	char *x = unit_render("<p id=\"a\">one</p>\n\n<p id=\"a\">two</p>\n", false);
	ck_assert_ptr_eq(strstr(strstr(x, "id=\"a\"") + 1, "id=\"a\""), NULL);
	ck_assert_int_eq(diag_warning_count(), 1);
	free(x);
	diag_reset();
}
END_TEST

START_TEST(test_empty_elements_open)
{
	char *x = unit_render("<p></p>\n\n<div></div>\n\nline<br>break\n", false);
	ck_assert(unit_has(x, "<div></div>"));
	ck_assert(unit_has(x, "<br/>"));
	free(x);
}
END_TEST

/* A page serialised a piece at a time (nav.xhtml) is byte for byte the
 * page serialised whole: UTF-8 attribute values (character references
 * when a piece was serialised without the document's encoding), empty
 * elements, escapes. */
static xmlDocPtr
streamed_page(const char *md, xmlNodePtr *body)
{
	book *b = book_new(".");
	xmlDocPtr doc = xhtml_new_document(b, "text/x.xhtml", "T & é", NULL, body);
	strset *ids = strset_new();
	markdown_opts o = {.file = "x.md", .first_line = 1, .ids = ids};
	markdown_render(b, &o, md, strlen(md), *body);
	strset_free(ids);
	book_free(b);
	return doc;
}

START_TEST(test_stream_matches_whole)
{
	const char *md = "# Größe & <Maße>\n\n"
	                 "[café](#größe \"naïve \\\"q\\\"\")\n\n"
	                 "<abbr title=\"naïve &amp; <x>\">n</abbr> <p></p>\n\n"
	                 "- a\n  - b <br>\n\n| x |\n|---|\n|  |\n\n"
	                 "`<!--mkbook-stream-slot-->` (the slot's own mark, as text)\n";
	xmlNodePtr body;
	xmlDocPtr whole = streamed_page(md, &body);
	char *expect;
	size_t expect_len;
	xhtml_serialize(whole, &expect, &expect_len);
	xmlFreeDoc(whole);

	xmlDocPtr doc = streamed_page(md, &body);
	xmlNodePtr pieces = body->children;
	ck_assert_ptr_nonnull(pieces);
	ck_assert_ptr_nonnull(pieces->next);
	for (xmlNodePtr n = pieces; n; n = n->next)
		n->parent = NULL;
	body->children = body->last = NULL;
	xhtml_stream *st = xhtml_stream_open(doc, body);
	for (xmlNodePtr n = pieces, next; n; n = next) {
		next = n->next;
		n->prev = n->next = NULL;
		xmlAddChild(body, n);
		xhtml_stream_add(st, n);
	}
	ck_assert_ptr_null(body->children);
	char *got;
	size_t got_len;
	xhtml_stream_close(st, &got, &got_len);
	ck_assert_ptr_null(doc->encoding);
	xmlFreeDoc(doc);
	ck_assert(unit_has(expect, "title=\"naïve &amp; &lt;x&gt;\""));
	ck_assert(unit_has(expect, "<td></td>"));
	ck_assert(unit_has(expect, "&lt;!--mkbook-stream-slot--&gt;"));
	ck_assert_str_eq(got, expect);
	ck_assert_uint_eq(got_len, expect_len);
	free(got);
	free(expect);
}
END_TEST

/* Spec examples 148, 175, 191 and GFM 653 left invalid XHTML behind. */
START_TEST(test_regress_content_models)
{
	char *x = unit_render("<table><tr><td>\n<pre>\n**Hello**,\n\n_world_.\n</pre>\n</td></tr></table>\n",
	                      false);
	ck_assert(!unit_has(x, "<pre>\n**Hello**,\n<p>"));
	free(x);
	x = unit_render("- <div>\n- foo\n", false);
	ck_assert(!unit_has(x, "<div>\n\n<li>"));
	ck_assert(unit_has(x, "<div>foo</div>") || unit_has(x, "<div>\n\n<div>foo</div>"));
	free(x);
	x = unit_render("<table>\n\n  <tr>\n\n    <td>\n      Hi\n    </td>\n\n  </tr>\n\n</table>\n",
	                false);
	ck_assert(unit_has(x, "<td><pre>"));
	free(x);
	x = unit_render("<strong> <title> <style> <em>\n\n<blockquote>\n  <xmp> is disallowed.\n</blockquote>\n",
	                false);
	ck_assert(!unit_has(x, "<pre> is disallowed.  <pre>"));
	free(x);
	x = unit_render("<a href=\"https://y.example/\">a <span><a href=\"https://x.example/\">b</a></span></a>\n",
	                false);
	const char *first = strstr(x, "<a ");
	ck_assert_ptr_nonnull(first);
	const char *close = strstr(first, "</a>");
	const char *second = strstr(first + 1, "<a ");
	ck_assert(second == NULL || second > close);
	free(x);
}
END_TEST

/* Spec examples with "https://../" gave epubcheck RSC-023 warnings. */
START_TEST(test_regress_bad_hosts)
{
	diag_reset();
	char *x = unit_render("<https://../> <http://foo.bar.%60baz> <https://example.com./ok> "
	                      "<https://user@example.org:8080/p>\n",
	                      false);
	ck_assert(!unit_has(x, "href=\"https://../\""));
	ck_assert(!unit_has(x, "%60baz\""));
	ck_assert(unit_has(x, "href=\"https://example.com./ok\""));
	ck_assert(unit_has(x, "href=\"https://user@example.org:8080/p\""));
	ck_assert_int_eq(diag_warning_count(), 2);
	free(x);
	diag_reset();
}
END_TEST

/* A chapter's local <audio> and <video> are kept for links.c to pack,
 * controls on, sources of the manuscript kept and those from the web
 * dropped with a warning; a reader's comment gets none (its raw HTML is
 * text: issue "valid"). */
START_TEST(test_local_media_kept_for_chapters_only)
{
	diag_reset();
	const char *md = "<video autoplay><source src=\"https://e.example/a.webm\">"
	                 "<source src=\"clip.mp4\">A clip.</video>\n\n"
	                 "Hear <audio src=\"talk.mp3\">the talk</audio>.\n";
	char *x = unit_render(md, false);
	ck_assert(unit_has(x, "<video controls=\"controls\""));
	ck_assert(unit_has(x, "<source src=\"clip.mp4\"/>"));
	ck_assert(!unit_has(x, "e.example"));
	ck_assert(!unit_has(x, "autoplay"));
	ck_assert(unit_has(x, "<audio src=\"talk.mp3\" controls=\"controls\""));
	ck_assert(unit_has(x, "the talk</audio>"));
	ck_assert_int_eq(diag_warning_count(), 2);
	free(x);
	diag_reset();
	x = unit_render(md, true);
	ck_assert(!unit_has(x, "<audio"));
	ck_assert(!unit_has(x, "<video"));
	ck_assert(!unit_has(x, "<source"));
	ck_assert(unit_has(x, "the talk"));
	free(x);
	diag_reset();
}
END_TEST

Suite *
sanitize_suite(void)
{
	Suite *s = suite_create("sanitize");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_scripts_dropped);
	tcase_add_test(tc, test_entities_and_controls);
	tcase_add_test(tc, test_duplicate_raw_id_dropped);
	tcase_add_test(tc, test_empty_elements_open);
	tcase_add_test(tc, test_stream_matches_whole);
	tcase_add_test(tc, test_regress_content_models);
	tcase_add_test(tc, test_regress_bad_hosts);
	tcase_add_test(tc, test_local_media_kept_for_chapters_only);
	suite_add_tcase(s, tc);
	return s;
}
