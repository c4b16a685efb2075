/* Unit tests: manuscript (book.yaml and the folder to the book model). */

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
#include "source.h"

Suite *manuscript_suite(void);

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
	ck_assert_int_eq(path_read_file(log, &out, &len, 0), 0);
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
	char *s = manuscript_author_sort_name("Daniel Lopez, D.O.");
	ck_assert_str_eq(s, "Lopez, Daniel");
	free(s);
	s = manuscript_author_sort_name("Plato");
	ck_assert_str_eq(s, "Plato");
	free(s);
}
END_TEST

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
