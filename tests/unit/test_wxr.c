/* test_wxr.c - the WordPress export reader: which items become posts,
 * namespaces in both spellings, bare and CDATA values, dates, the post
 * author's replies, threads, related posts and their summaries, galleries
 * and reusable blocks, and that no e-mail or IP address reaches the model.
 * Each export is a small file written by the test. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "import/import.h"
#include "import/wxr.h"
#include "util.h"

Suite *wxr_suite(void);

/* ---- helpers ---- */

static char tmp_path[64];

#define WP12 "http://wordpress.org/export/1.2/"

/* Writes an export from a channel body (authors and items) in the wp
 * namespace ns (WP12), and returns its path. */
static const char *
write_export(const char *ns, const char *body)
{
	strcpy(tmp_path, "/tmp/test-wxr-XXXXXX");
	int fd = mkstemp(tmp_path);
	ck_assert_int_ge(fd, 0);
	FILE *f = fdopen(fd, "w");
	fprintf(f,
	        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	        "<rss version=\"2.0\" xmlns:excerpt=\"%sexcerpt/\" "
	        "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
	        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:wp=\"%s\">\n"
	        "<channel><title>T</title><link>https://b.example.com</link>"
	        "<language>de-AT</language>\n"
	        "<wp:author><wp:author_id>5</wp:author_id><wp:author_login>lg</wp:author_login>"
	        "<wp:author_email>Me@B.example.com</wp:author_email>"
	        "<wp:author_display_name><![CDATA[Real Name]]></wp:author_display_name></wp:author>\n"
	        "%s\n</channel></rss>\n",
	        ns, ns, body);
	fclose(f);
	return tmp_path;
}

/* An <item>: id, type, status, date (GMT), slug, categories and
 * comments as XML. */
static char *
item(const char *id, const char *type, const char *status, const char *date, const char *extra)
{
	return xasprintf("<item><title>Post %s</title><link>https://b.example.com/p%s/</link>"
	                 "<dc:creator>lg</dc:creator>"
	                 "<content:encoded><![CDATA[Body of %s. Second sentence here.]]></content:encoded>"
	                 "<wp:post_id>%s</wp:post_id><wp:post_date_gmt>%s</wp:post_date_gmt>"
	                 "<wp:post_name>slug-%s</wp:post_name><wp:status>%s</wp:status>"
	                 "<wp:post_type>%s</wp:post_type>%s</item>\n",
	                 id, id, id, id, date, id, status, type, extra ? extra : "");
}

static char *
comment(const char *id, const char *parent, const char *approved, const char *type,
        const char *email, const char *user)
{
	return xasprintf("<wp:comment><wp:comment_id>%s</wp:comment_id>"
	                 "<wp:comment_author>C%s</wp:comment_author>"
	                 "<wp:comment_author_email>%s</wp:comment_author_email>"
	                 "<wp:comment_author_IP>192.0.2.%s</wp:comment_author_IP>"
	                 "<wp:comment_date_gmt>2020-01-0%s 10:00:00</wp:comment_date_gmt>"
	                 "<wp:comment_content>Text %s</wp:comment_content>"
	                 "<wp:comment_approved>%s</wp:comment_approved>"
	                 "<wp:comment_type>%s</wp:comment_type>"
	                 "<wp:comment_parent>%s</wp:comment_parent>"
	                 "<wp:comment_user_id>%s</wp:comment_user_id></wp:comment>",
	                 id, id, email, id, id, id, approved, type, parent, user);
}

static import_site *
read_site(const char *path, const char *post, bool all, int related)
{
	import_options o = {.input = path, .post = post, .all = all, .related = related};
	import_site *s = NULL;
	int rc = wxr_read(&o, &s);
	unlink(path);
	if (rc != 0)
		return NULL;
	return s;
}

/* ---- which items are posts ---- */

START_TEST(test_only_published_posts)
{
	char *a = item("1", "post", "publish", "2020-01-01 10:00:00", NULL);
	char *b = item("2", "post", "draft", "2020-01-02 10:00:00", NULL);
	char *c = item("3", "page", "publish", "2020-01-03 10:00:00", NULL);
	char *d = item("4", "post", "private", "2020-01-04 10:00:00", NULL);
	char *e = item("5", "nav_menu_item", "publish", "2020-01-05 10:00:00", NULL);
	char *f = item("6", "post", "future", "2020-01-06 10:00:00", NULL);
	char *g = item("7", "post", "trash", "2020-01-07 10:00:00", NULL);
	char *body = xasprintf("%s%s%s%s%s%s%s", a, b, c, d, e, f, g);
	import_site *s = read_site(write_export(WP12, body), NULL, false, 0);
	ck_assert_ptr_nonnull(s);
	ck_assert_uint_eq(s->nposts, 1);
	ck_assert_str_eq(s->posts[0].id, "1");
	ck_assert_str_eq(s->posts[0].title, "Post 1");
	ck_assert_str_eq(s->posts[0].author, "Real Name");
	ck_assert_str_eq(s->posts[0].date, "2020-01-01T10:00:00Z");
	ck_assert_str_eq(s->language, "de-AT");
	ck_assert_str_eq(s->uploads_url, "https://b.example.com/wp-content/uploads/");
	ck_assert(s->posts[0].content_is_raw);
	import_site_free(s);
	free(a), free(b), free(c), free(d), free(e), free(f), free(g), free(body);
}
END_TEST

START_TEST(test_https_namespace_and_all_in_date_order)
{
	char *a = item("1", "post", "publish", "2021-05-01 10:00:00", NULL);
	char *b = item("2", "post", "publish", "2019-05-01 10:00:00", NULL);
	char *c = item("3", "post", "publish", "2020-05-01 10:00:00", NULL);
	char *body = xasprintf("%s%s%s", a, b, c);
	import_site *s = read_site(write_export("https://wordpress.org/export/1.1/", body), NULL, true, 3);
	ck_assert_ptr_nonnull(s);
	ck_assert_uint_eq(s->nposts, 3);
	ck_assert_str_eq(s->posts[0].id, "2");
	ck_assert_str_eq(s->posts[1].id, "3");
	ck_assert_str_eq(s->posts[2].id, "1");
	import_site_free(s);
	free(a), free(b), free(c), free(body);
}
END_TEST

START_TEST(test_several_posts_need_post)
{
	char *a = item("1", "post", "publish", "2021-05-01 10:00:00", NULL);
	char *b = item("2", "post", "publish", "2019-05-01 10:00:00", NULL);
	char *body = xasprintf("%s%s", a, b);
	diag_reset();
	ck_assert_ptr_null(read_site(write_export(WP12, body), NULL, false, 3));
	ck_assert_int_eq(diag_error_count(), 1);
	import_site *s = read_site(write_export(WP12, body), "slug-2", false, 3);
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s->posts[0].id, "2");
	import_site_free(s);
	s = read_site(write_export(WP12, body), "http://b.example.com/p1", false, 0);
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s->posts[0].id, "1");
	import_site_free(s);
	diag_reset();
	free(a), free(b), free(body);
}
END_TEST

/* ---- comments ---- */

START_TEST(test_comments_states_threads_author)
{
	char *c1 = comment("1", "0", "1", "", "reader@example.org", "0");
	char *c2 = comment("2", "1", "1", "comment", "me@b.EXAMPLE.com", "0"); /* author by e-mail */
	char *c3 = comment("3", "1", "1", "", "other@example.org", "5");      /* author by user id */
	char *c4 = comment("4", "0", "0", "", "p@example.org", "0");
	char *c5 = comment("5", "0", "spam", "", "s@example.org", "0");
	char *c6 = comment("6", "0", "trash", "", "t@example.org", "0");
	char *c7 = comment("7", "0", "1", "pingback", "", "0");
	char *c8 = comment("8", "6", "1", "", "x@example.org", "0"); /* answers a trashed one */
	char *extra = xasprintf("%s%s%s%s%s%s%s%s", c1, c2, c3, c4, c5, c6, c7, c8);
	char *a = item("1", "post", "publish", "2020-01-01 10:00:00", extra);
	diag_reset();
	import_site *s = read_site(write_export(WP12, a), NULL, false, 0);
	ck_assert_ptr_nonnull(s);
	import_post *p = &s->posts[0];
	ck_assert_uint_eq(p->ncomments, 6);
	ck_assert_uint_eq(p->npingbacks, 1);
	ck_assert_uint_eq(p->ntrashed, 1);
	ck_assert_str_eq(p->comments[0].id, "1");
	ck_assert_ptr_null(p->comments[0].parent_id);
	ck_assert(!p->comments[0].by_post_author);
	ck_assert_str_eq(p->comments[1].parent_id, "1");
	ck_assert(p->comments[1].by_post_author);
	ck_assert(p->comments[2].by_post_author);
	ck_assert_int_eq(p->comments[3].status, IMPORT_PENDING);
	ck_assert_int_eq(p->comments[4].status, IMPORT_SPAM);
	ck_assert_str_eq(p->comments[5].id, "8");
	ck_assert_ptr_null(p->comments[5].parent_id); /* made top-level, with a warning */
	ck_assert_int_eq(diag_warning_count(), 1);
	ck_assert_str_eq(p->comments[0].date, "2020-01-01T10:00:00Z");
	for (size_t i = 0; i < p->ncomments; i++) {
		ck_assert_ptr_null(strstr(p->comments[i].html, "@"));
		ck_assert_ptr_null(strstr(p->comments[i].html, "192.0.2."));
	}
	import_site_free(s);
	diag_reset();
	free(c1), free(c2), free(c3), free(c4), free(c5), free(c6), free(c7), free(c8);
	free(extra), free(a);
}
END_TEST

/* ---- related posts ---- */

START_TEST(test_related_posts)
{
	static const char cat_a[] = "<category domain=\"category\" nicename=\"a\">A</category>";
	static const char cat_b[] = "<category domain=\"category\" nicename=\"b\">B</category>";
	static const char tag_c[] = "<category domain=\"post_tag\" nicename=\"c\">C</category>";
	static const char uncat[] =
	    "<category domain=\"category\" nicename=\"uncategorized\">U</category>";
	char *t1 = xasprintf("%s%s%s%s", cat_a, cat_b, tag_c, uncat);
	char *t2 = xasprintf("%s%s", cat_a, uncat);                /* 1 shared, far */
	char *t3 = xasprintf("%s%s%s", cat_a, cat_b, tag_c);       /* 3 shared */
	char *t4 = xasprintf("%s", cat_a);                          /* 1 shared, near */
	char *t5 = xasprintf("%s", uncat);                          /* only uncategorized */
	char *i1 = item("1", "post", "publish", "2020-06-01 10:00:00", t1);
	char *i2 = item("2", "post", "publish", "2010-06-01 10:00:00", t2);
	char *i3 = item("3", "post", "publish", "2015-06-01 10:00:00", t3);
	char *i4 = item("4", "post", "publish", "2020-06-05 10:00:00", t4);
	char *i5 = item("5", "post", "publish", "2020-06-02 10:00:00", t5);
	char *i6 = item("6", "post", "draft", "2020-06-02 10:00:00", t3);
	char *body = xasprintf("%s%s%s%s%s%s", i2, i3, i1, i4, i5, i6);
	import_site *s = read_site(write_export(WP12, body), "1", false, 3);
	ck_assert_ptr_nonnull(s);
	import_post *p = &s->posts[0];
	ck_assert_uint_eq(p->nrelated, 3);
	ck_assert_str_eq(p->related[0].title, "Post 3");
	ck_assert_str_eq(p->related[1].title, "Post 4");
	ck_assert_str_eq(p->related[2].title, "Post 2");
	ck_assert_str_eq(p->related[0].url, "https://b.example.com/p3/");
	ck_assert_str_eq(p->related[0].date, "2015-06-01T10:00:00Z");
	ck_assert_ptr_nonnull(p->related[0].summary);
	ck_assert_ptr_nonnull(strstr(p->related[0].summary, "Body of 3."));
	ck_assert_uint_eq(p->nterms, 4);
	ck_assert_uint_eq(p->ncategories, 3);
	import_site_free(s);
	/* --related 1 */
	s = read_site(write_export(WP12, body), "1", false, 1);
	ck_assert_uint_eq(s->posts[0].nrelated, 1);
	import_site_free(s);
	free(t1), free(t2), free(t3), free(t4), free(t5);
	free(i1), free(i2), free(i3), free(i4), free(i5), free(i6), free(body);
}
END_TEST

START_TEST(test_summary)
{
	char *s = wxr_summary("<!-- wp:paragraph --><p>[caption]x[/caption]One sentence. Two.</p>");
	ck_assert_str_eq(s, "x One sentence. Two.");
	free(s);
	strbuf long_text = {0};
	for (int i = 0; i < 40; i++)
		strbuf_puts(&long_text, "Words follow words here. ");
	s = wxr_summary(long_text.data);
	ck_assert_uint_le(strlen(s), 300);
	ck_assert(str_ends_with(s, "."));
	free(s);
	strbuf_free(&long_text);
	ck_assert_ptr_null(wxr_summary("<p> </p>"));
}
END_TEST

/* ---- galleries and reusable blocks ---- */

START_TEST(test_expand)
{
	wxr_media m;
	wxr_media_init(&m);
	wxr_media_add(&m, xstrdup("7"), xstrdup("1"), xstrdup("https://b.example.com/a.jpg"),
	              xstrdup("Alt \"A\""));
	wxr_media_add(&m, xstrdup("8"), xstrdup("1"), xstrdup("https://b.example.com/b.png"), NULL);
	strmap_put(m.blocks, "40", xstrdup("<p>Block body</p>"));
	ck_assert_ptr_null(wxr_expand("<p>nothing to do</p>", &m, "1"));
	char *out = wxr_expand("x [gallery ids=\"8,7\"] y", &m, "1");
	ck_assert_ptr_nonnull(strstr(out, "b.png"));
	ck_assert_ptr_nonnull(strstr(out, "alt=\"Alt &quot;A&quot;\""));
	ck_assert(strstr(out, "b.png") < strstr(out, "a.jpg"));
	free(out);
	out = wxr_expand("[gallery]", &m, "1");
	ck_assert(strstr(out, "a.jpg") && strstr(out, "b.png"));
	free(out);
	out = wxr_expand("[[gallery]]", &m, "1");
	ck_assert_str_eq(out, "[[gallery]]");
	free(out);
	out = wxr_expand("a<!-- wp:block {\"ref\":40} /-->b", &m, "1");
	ck_assert_ptr_nonnull(strstr(out, "Block body"));
	ck_assert_ptr_null(strstr(out, "wp:block"));
	free(out);
	wxr_media_free(&m);
}
END_TEST

/* ---- errors ---- */

START_TEST(test_not_wxr)
{
	strcpy(tmp_path, "/tmp/test-wxr-XXXXXX");
	int fd = mkstemp(tmp_path);
	FILE *f = fdopen(fd, "w");
	fputs("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>x</title>"
	      "<item><title>y</title></item></channel></rss>\n", f);
	fclose(f);
	diag_reset();
	ck_assert_ptr_null(read_site(tmp_path, NULL, false, 0));
	ck_assert_int_eq(diag_error_count(), 1);
	diag_reset();
}
END_TEST

Suite *
wxr_suite(void)
{
	Suite *s = suite_create("wxr");
	TCase *tc = tcase_create("wxr");
	tcase_add_test(tc, test_only_published_posts);
	tcase_add_test(tc, test_https_namespace_and_all_in_date_order);
	tcase_add_test(tc, test_several_posts_need_post);
	tcase_add_test(tc, test_comments_states_threads_author);
	tcase_add_test(tc, test_related_posts);
	tcase_add_test(tc, test_summary);
	tcase_add_test(tc, test_expand);
	tcase_add_test(tc, test_not_wxr);
	suite_add_tcase(s, tc);
	return s;
}
