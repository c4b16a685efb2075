/* Unit tests: sanitize, markdown, media, manuscript. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "book.h"
#include "build.h"
#include "diag.h"
#include "manuscript.h"
#include "markdown.h"
#include "media.h"
#include "sanitize.h"
#include "source.h"
#include "xhtml.h"

/* Renders md as a trusted chapter body and returns the serialised page. */
static char *
render(const char *md, bool untrusted)
{
	book *b = book_new(".");
	xmlNodePtr body;
	xmlDocPtr doc = xhtml_new_document(b, "text/x.xhtml", "T", NULL, &body);
	strset *ids = strset_new();
	markdown_opts o = {.file = "x.md", .first_line = 1, .untrusted = untrusted, .ids = ids};
	markdown_render(b, &o, md, strlen(md), body);
	markdown_assign_heading_ids(body, ids, NULL, NULL);
	char *out;
	size_t len;
	xhtml_serialize(doc, &out, &len);
	xmlFreeDoc(doc);
	strset_free(ids);
	book_free(b);
	return out;
}

static bool
has(const char *hay, const char *needle)
{
	return strstr(hay, needle) != NULL;
}

START_TEST(test_scripts_dropped)
{
	diag_reset();
	char *x = render("<script>alert(1)</script>\n\n<p onclick=\"x()\">Hi "
	                 "<a href=\"javascript:evil()\">link</a> <iframe src=\"http://e\"></iframe>"
	                 "<img src=x onerror=alert(1) alt=\"d\"></p>\n",
	                 false);
	ck_assert(!has(x, "<script"));
	ck_assert(!has(x, "alert"));
	ck_assert(!has(x, "onclick"));
	ck_assert(!has(x, "javascript:"));
	ck_assert(!has(x, "iframe"));
	ck_assert(!has(x, "onerror"));
	ck_assert(has(x, ">link</a>"));
	ck_assert_int_ge(diag_warning_count(), 4);
	free(x);
	diag_reset();
}
END_TEST

START_TEST(test_obfuscated_javascript)
{
	ck_assert(!is_safe_url("JaVaScRiPt:alert(1)", false));
	ck_assert(!is_safe_url(" java\tscript:alert(1)", false));
	ck_assert(!is_safe_url("data:text/html,x", false));
	ck_assert(!is_safe_url("file:///etc/passwd", false));
	ck_assert(!is_safe_url("vbscript:x", false));
	ck_assert(is_safe_url("https://example.com/a:b", false));
	ck_assert(is_safe_url("other.md#x", false));
	ck_assert(!is_safe_url("other.md", true));
	ck_assert(is_safe_url("mailto:a@b.c", true));
	ck_assert(!is_safe_style("background: url(http://x/y.png)"));
	ck_assert(!is_safe_style("width: expression(alert(1))"));
	ck_assert(is_safe_style("text-align: center"));
}
END_TEST

START_TEST(test_entities_and_controls)
{
	char *x = render("a&nbsp;b &copy; <span>&hellip;</span> \x01 end\n", false);
	ck_assert(has(x, "a\xC2\xA0"));
	ck_assert(has(x, "\xC2\xA9"));
	ck_assert(has(x, "\xE2\x80\xA6"));
	ck_assert(!has(x, "&nbsp;"));
	ck_assert(!has(x, "\x01"));
	free(x);
}
END_TEST

START_TEST(test_inline_html_spanning_markdown)
{
	char *x = render("a <span lang=\"fr\">b *c*</span> d\n", false);
	ck_assert(has(x, "<span lang=\"fr\" xml:lang=\"fr\">b <em>c</em></span>"));
	free(x);
}
END_TEST

START_TEST(test_footnotes_epub)
{
	char *x = render("Text[^1] again[^1].\n\n[^1]: The note.\n", false);
	ck_assert(has(x, "epub:type=\"noteref\""));
	ck_assert(has(x, "role=\"doc-noteref\""));
	ck_assert(has(x, "<aside class=\"footnote\" epub:type=\"footnote\" role=\"doc-footnote\" "
	                 "id=\"fn-1\">"));
	ck_assert(has(x, "role=\"doc-backlink\""));
	ck_assert(!has(x, "data-footnote"));
	ck_assert(!has(x, "<ol"));
	free(x);
}
END_TEST

START_TEST(test_tables_tasks)
{
	char *x = render("| a | b |\n|:-|-:|\n| 1 | 2 |\n\n- [ ] todo\n- [x] done\n", false);
	ck_assert(has(x, "style=\"text-align: right\""));
	ck_assert(!has(x, "align="));
	ck_assert(!has(x, "<input"));
	ck_assert(has(x, "\xE2\x98\x90"));
	ck_assert(has(x, "\xE2\x98\x91"));
	ck_assert(has(x, "<li class=\"task\">"));
	free(x);
}
END_TEST

START_TEST(test_heading_ids_unique)
{
	char *x = render("# Example\n\n## Example\n\n<h2 id=\"example-1\">Raw</h2>\n\n## Example\n",
	                 false);
	ck_assert(has(x, "id=\"example\""));
	ck_assert(has(x, "id=\"example-1\""));
	ck_assert(has(x, "id=\"example-2\""));
	free(x);
}
END_TEST

START_TEST(test_duplicate_raw_id_dropped)
{
	diag_reset();
	char *x = render("<p id=\"a\">one</p>\n\n<p id=\"a\">two</p>\n", false);
	ck_assert_ptr_eq(strstr(strstr(x, "id=\"a\"") + 1, "id=\"a\""), NULL);
	ck_assert_int_eq(diag_warning_count(), 1);
	free(x);
	diag_reset();
}
END_TEST

START_TEST(test_untrusted_html_is_text)
{
	char *x = render("Hi <b>bold</b>\n\n<script>x</script>\n\n![img](/etc/passwd) "
	                 "[local](../secret.md) [web](https://example.com)\n",
	                 true);
	ck_assert(has(x, "&lt;b&gt;bold&lt;/b&gt;"));
	ck_assert(has(x, "&lt;script&gt;"));
	ck_assert(!has(x, "<img"));
	ck_assert(!has(x, "passwd\""));
	ck_assert(!has(x, "secret.md"));
	ck_assert(has(x, "href=\"https://example.com\""));
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
	char *x = render(md, false);
	ck_assert_int_eq(diag_error_count(), 1);
	free(x);
	free(md);
	diag_reset();
}
END_TEST

START_TEST(test_empty_elements_open)
{
	char *x = render("<p></p>\n\n<div></div>\n\nline<br>break\n", false);
	ck_assert(has(x, "<div></div>"));
	ck_assert(has(x, "<br/>"));
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
	ck_assert(has(expect, "title=\"naïve &amp; &lt;x&gt;\""));
	ck_assert(has(expect, "<td></td>"));
	ck_assert(has(expect, "&lt;!--mkbook-stream-slot--&gt;"));
	ck_assert_str_eq(got, expect);
	ck_assert_uint_eq(got_len, expect_len);
	free(got);
	free(expect);
}
END_TEST

/* Spec examples 148, 175, 191 and GFM 653 left invalid XHTML behind. */
START_TEST(test_regress_content_models)
{
	char *x = render("<table><tr><td>\n<pre>\n**Hello**,\n\n_world_.\n</pre>\n</td></tr></table>\n",
	                 false);
	ck_assert(!has(x, "<pre>\n**Hello**,\n<p>"));
	free(x);
	x = render("- <div>\n- foo\n", false);
	ck_assert(!has(x, "<div>\n\n<li>"));
	ck_assert(has(x, "<div>foo</div>") || has(x, "<div>\n\n<div>foo</div>"));
	free(x);
	x = render("<table>\n\n  <tr>\n\n    <td>\n      Hi\n    </td>\n\n  </tr>\n\n</table>\n",
	           false);
	ck_assert(has(x, "<td><pre>"));
	free(x);
	x = render("<strong> <title> <style> <em>\n\n<blockquote>\n  <xmp> is disallowed.\n</blockquote>\n",
	           false);
	ck_assert(!has(x, "<pre> is disallowed.  <pre>"));
	free(x);
	x = render("<a href=\"https://y.example/\">a <span><a href=\"https://x.example/\">b</a></span></a>\n",
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
	char *x = render("<https://../> <http://foo.bar.%60baz> <https://example.com./ok> "
	                 "<https://user@example.org:8080/p>\n",
	                 false);
	ck_assert(!has(x, "href=\"https://../\""));
	ck_assert(!has(x, "%60baz\""));
	ck_assert(has(x, "href=\"https://example.com./ok\""));
	ck_assert(has(x, "href=\"https://user@example.org:8080/p\""));
	ck_assert_int_eq(diag_warning_count(), 2);
	free(x);
	diag_reset();
}
END_TEST

START_TEST(test_media_sniff)
{
	ck_assert_str_eq(media_sniff((const unsigned char *)"\x89PNG\r\n\x1a\nxxxx", 12), "image/png");
	ck_assert_str_eq(media_sniff((const unsigned char *)"\xFF\xD8\xFF\xE0", 4), "image/jpeg");
	ck_assert_str_eq(media_sniff((const unsigned char *)"GIF89a..", 8), "image/gif");
	const char *svg = "<?xml version=\"1.0\"?>\n<!-- c -->\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>";
	ck_assert_str_eq(media_sniff((const unsigned char *)svg, strlen(svg)), "image/svg+xml");
	ck_assert_ptr_null(media_sniff((const unsigned char *)"# not an image", 14));
}
END_TEST

START_TEST(test_svg_cleaned)
{
	const char *svg =
	    "<?xml version=\"1.0\"?>\n"
	    "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
	    "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n"
	    "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
	    "onload=\"x()\"><script>alert(1)</script>"
	    "<image xlink:href=\"http://evil/x.png\"/><use xlink:href=\"#a\"/>"
	    "<foreignObject><p>x</p></foreignObject><rect id=\"a\" width=\"1\" height=\"1\"/></svg>";
	unsigned char *out;
	size_t len;
	const char *why;
	ck_assert_int_eq(media_clean_svg((const unsigned char *)svg, strlen(svg), &out, &len, &why), 0);
	char *s = (char *)out;
	ck_assert(!has(s, "DOCTYPE"));
	ck_assert(!has(s, "script"));
	ck_assert(!has(s, "onload"));
	ck_assert(!has(s, "evil"));
	ck_assert(!has(s, "foreignObject"));
	ck_assert(has(s, "#a"));
	ck_assert(has(s, "<rect"));
	free(out);
	const char *ent = "<!DOCTYPE svg [<!ENTITY a \"aaaa\">]><svg xmlns=\"http://www.w3.org/2000/svg\">&a;</svg>";
	ck_assert_int_eq(media_clean_svg((const unsigned char *)ent, strlen(ent), &out, &len, &why), -1);
}
END_TEST

/* ---- manuscript loading ---- */

static char tmpdir[64];

static void
write_file(const char *rel, const char *text)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", tmpdir, rel);
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

static void
make_tmpdir(void)
{
	strcpy(tmpdir, "/tmp/mkbook-unit-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

static void
remove_tmpdir(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	ck_assert_int_eq(system(cmd), 0);
}

START_TEST(test_manuscript_metadata)
{
	diag_reset();
	make_tmpdir();
	write_file("book.yaml", "title: T\nauthor: Daniel Lopez, D.O.\nlanguage: de\n"
	                        "modified: 2017-03-10\ncontents:\n  - b.md\n  - a.md\n");
	write_file("a.md", "# A\n");
	write_file("b.md", "---\ntitle: Bee\nlang: fr\n---\n# B\n");
	book *b = manuscript_load(tmpdir);
	ck_assert_ptr_nonnull(b);
	ck_assert_int_eq(diag_error_count(), 0);
	ck_assert_str_eq(b->title, "T");
	ck_assert_str_eq(b->language, "de");
	ck_assert_str_eq(b->modified, "2017-03-10T00:00:00Z");
	ck_assert_uint_eq(b->nauthors, 1);
	ck_assert_str_eq(b->authors[0].file_as, "Lopez, Daniel");
	ck_assert_uint_eq(b->nchapters, 2);
	ck_assert_str_eq(b->chapters[0]->path, "b.md");
	ck_assert_str_eq(b->chapters[0]->title, "Bee");
	ck_assert_str_eq(b->chapters[0]->lang, "fr");
	ck_assert_int_eq(b->chapters[0]->body_line, 5);
	book_free(b);
	remove_tmpdir();
}
END_TEST

START_TEST(test_manuscript_errors)
{
	diag_reset();
	make_tmpdir();
	write_file("book.yaml", "title: [a, b]\nlanguage: not a tag\ndate: 13/12/2013\n"
	                        "contents:\n  - a.md\n  - a.md\n  - missing.md\n  - ../x.md\n"
	                        "colour: blue\n");
	write_file("a.md", "# A\n");
	book *b = manuscript_load(tmpdir);
	ck_assert_ptr_nonnull(b);
	/* title type, language, date, listed twice, missing, outside */
	ck_assert_int_eq(diag_error_count(), 6);
	ck_assert_int_eq(diag_warning_count(), 1); /* unknown key */
	book_free(b);
	remove_tmpdir();
	diag_reset();
}
END_TEST

START_TEST(test_manuscript_symlink_out)
{
	diag_reset();
	make_tmpdir();
	write_file("book.yaml", "title: T\ncontents:\n  - link.md\n");
	char link[128];
	snprintf(link, sizeof link, "%s/link.md", tmpdir);
	ck_assert_int_eq(symlink("/etc/hostname", link), 0);
	book *b = manuscript_load(tmpdir);
	ck_assert_int_eq(diag_error_count(), 1);
	ck_assert_uint_eq(b->nchapters, 0);
	book_free(b);
	remove_tmpdir();
	diag_reset();
}
END_TEST

/* A chapter's Markdown stays in its file until the chapter is rendered,
 * and comes back as the same bytes source_parse makes of the file (byte-
 * order mark, CRLF and CR line ends, front matter). */
START_TEST(test_manuscript_body_read_back)
{
	diag_reset();
	make_tmpdir();
	static const char text[] = "\xEF\xBB\xBF---\r\ntitle: A\r\n---\r\n# A\r\none\rtwo\r\n\r\n";
	write_file("book.yaml", "title: T\ncontents:\n  - a.md\n");
	write_file("a.md", text);
	book *b = manuscript_load(tmpdir);
	ck_assert_int_eq(diag_error_count(), 0);
	ck_assert_uint_eq(b->nchapters, 1);
	chapter *c = b->chapters[0];
	ck_assert_ptr_null(c->body);
	ck_assert_ptr_nonnull(c->fs_path);
	source_file sf;
	ck_assert_int_eq(source_parse("a.md", text, strlen(text), &sf), 0);
	ck_assert_uint_eq(c->body_len, sf.body_len);
	ck_assert_int_eq(manuscript_load_body(c), 0);
	ck_assert_ptr_null(c->fs_path);
	ck_assert_uint_eq(c->body_len, sf.body_len);
	ck_assert_mem_eq(c->body, sf.body, sf.body_len + 1);
	ck_assert_str_eq(c->body, "# A\none\ntwo\n\n");
	ck_assert_int_eq(manuscript_load_body(c), 0); /* held now: nothing to do */
	source_free(&sf);
	book_free(b);
	remove_tmpdir();
}
END_TEST

/* A chapter file changed between the load and the rendering: an error that
 * names it, and no book. a.md grows, b.md keeps its size but not its
 * bytes, c.md stays as it was; its link to b.md's heading is not reported
 * as broken (b.md's headings are unknown). */
START_TEST(test_manuscript_file_changed)
{
	diag_reset();
	make_tmpdir();
	write_file("book.yaml", "title: T\nmodified: 2024-01-01\ncontents:\n  - a.md\n"
	                        "  - b.md\n  - c.md\n");
	write_file("a.md", "---\ntitle: A\n---\n# A\n");
	write_file("b.md", "# B\n\nSome text.\n");
	write_file("c.md", "# C\n\nSee [B](b.md#b).\n");
	book *b = manuscript_load(tmpdir);
	ck_assert_int_eq(diag_error_count(), 0);
	write_file("a.md", "---\ntitle: A\n---\n# A\n\nMore.\n");
	write_file("b.md", "# B\n\nSome test.\n");

	char log[] = "/tmp/mkbook-unit-log-XXXXXX";
	int fd = mkstemp(log);
	ck_assert_int_ge(fd, 0);
	fflush(stderr);
	int saved = dup(2);
	dup2(fd, 2);
	close(fd);
	build_opts o = {.jobs = 2};
	build_result r;
	int rc = build_book(b, &o, &r);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	ck_assert_int_eq(rc, -1);
	ck_assert_ptr_null(r.epub);
	ck_assert_int_eq(diag_error_count(), 2);
	ck_assert_int_eq(diag_warning_count(), 0);

	char *out;
	size_t len;
	ck_assert_int_eq(file_read(log, &out, &len, 0), 0);
	unlink(log);
	char want[512];
	snprintf(want, sizeof want,
	         "%s/a.md: error: the file changed while the book was being made; "
	         "make the book again\n"
	         "%s/b.md: error: the file changed while the book was being made; "
	         "make the book again\n",
	         tmpdir, tmpdir);
	ck_assert_str_eq(out, want);
	free(out);
	book_free(b);
	remove_tmpdir();
	diag_reset();
}
END_TEST

START_TEST(test_sort_names)
{
	char *s = author_sort_name("Daniel Lopez, D.O.");
	ck_assert_str_eq(s, "Lopez, Daniel");
	free(s);
	s = author_sort_name("Plato");
	ck_assert_str_eq(s, "Plato");
	free(s);
	ck_assert(is_language_tag("zh-Hant-TW"));
	ck_assert(is_language_tag("en"));
	ck_assert(!is_language_tag("english language"));
	ck_assert(!is_language_tag("e"));
	ck_assert(!is_language_tag("en-"));
}
END_TEST

Suite *
sanitize_suite(void)
{
	Suite *s = suite_create("sanitize");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_scripts_dropped);
	tcase_add_test(tc, test_obfuscated_javascript);
	tcase_add_test(tc, test_entities_and_controls);
	tcase_add_test(tc, test_duplicate_raw_id_dropped);
	tcase_add_test(tc, test_empty_elements_open);
	tcase_add_test(tc, test_stream_matches_whole);
	tcase_add_test(tc, test_regress_content_models);
	tcase_add_test(tc, test_regress_bad_hosts);
	suite_add_tcase(s, tc);
	return s;
}

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

Suite *
media_suite(void)
{
	Suite *s = suite_create("media");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_media_sniff);
	tcase_add_test(tc, test_svg_cleaned);
	suite_add_tcase(s, tc);
	return s;
}

Suite *
manuscript_suite(void)
{
	Suite *s = suite_create("manuscript");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_manuscript_metadata);
	tcase_add_test(tc, test_manuscript_errors);
	tcase_add_test(tc, test_manuscript_symlink_out);
	tcase_add_test(tc, test_manuscript_body_read_back);
	tcase_add_test(tc, test_manuscript_file_changed);
	tcase_add_test(tc, test_sort_names);
	suite_add_tcase(s, tc);
	return s;
}
