/* test_import_writer.c - import_write: a post model made by hand, written
 * as a manuscript folder and read back. YAML values with hostile text,
 * no e-mail address in any file, the same bytes on every run, the rules
 * of the output folder, the spam heuristic holding comments, comments
 * without dates, several posts with a comments folder each, images from
 * an uploads folder; and the written folder made into a book that
 * epubcheck accepts. */
#include <check.h>
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "book.h"
#include "build.h"
#include "diag.h"
#include "epub.h"
#include "import/images.h"
#include "import/import.h"
#include "manuscript.h"
#include "util.h"

Suite *import_writer_suite(void);

/* A 1x1 PNG. */
static const unsigned char png1[] =
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00"
    "\x00\x00\x01\x08\x02\x00\x00\x00\x90\x77\x53\xde\x00\x00\x00\x0c\x49\x44\x41\x54\x78"
    "\x9c\x63\xf8\xdf\xc0\x00\x00\x04\x01\x01\x80\xc5\x2a\x18\x5d\x00\x00\x00\x00\x49\x45"
    "\x4e\x44\xae\x42\x60\x82";

static const char hostile_title[] = "She said \"yes\": # not a comment\nand: a second line \\ 'q'";

static char tmp[64];

static void
make_tmp(void)
{
	strcpy(tmp, "/tmp/mkbook-writer-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmp));
}

static void
remove_tmp(void)
{
	if (getenv("KEEP_TMP")) { fprintf(stderr, "kept %s\n", tmp); return; }
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
	ck_assert_int_eq(system(cmd), 0);
}

static char *
at(const char *rel)
{
	return path_join(tmp, rel);
}

static void
put_file(const char *rel, const void *data, size_t len)
{
	char *path = at(rel);
	FILE *f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(data, 1, len, f), len);
	fclose(f);
	free(path);
}

/* The text of tmp/rel, or NULL. Caller frees. */
static char *
slurp(const char *rel)
{
	char *path = at(rel), *data = NULL;
	size_t len;
	if (path_read_file(path, &data, &len, 0) != 0)
		data = NULL;
	free(path);
	return data;
}

static char *
xs(const char *s)
{
	return xstrdup(s);
}

static void
add_comment(import_post *p, const char *id, const char *parent, const char *author,
            const char *date, enum import_status st, bool by_author, const char *html)
{
	p->comments = xrealloc(p->comments, (p->ncomments + 1) * sizeof *p->comments);
	import_comment *c = &p->comments[p->ncomments++];
	memset(c, 0, sizeof *c);
	c->id = xs(id);
	c->parent_id = xstrdup(parent);
	c->author = xstrdup(author);
	c->date = xstrdup(date);
	c->status = st;
	c->by_post_author = by_author;
	c->html = xs(html);
}

static void
fill_post(import_post *p, const char *slug, const char *title, const char *date)
{
	p->id = xs("41");
	p->slug = xs(slug);
	p->title = xs(title);
	p->link = xasprintf("https://bakery.example.org/%s/", slug);
	p->author = xs("Mina Okafor");
	p->date = xs(date);
	p->modified = xs("2021-04-02T09:30:00Z");
	p->nterms = 3;
	p->ncategories = 1;
	p->terms = xcalloc(3, sizeof *p->terms);
	p->terms[0] = xs("Baking: bread");
	p->terms[1] = xs("sourdough");
	p->terms[2] = xs("#starter");
	p->excerpt = xs("How a sourdough starter is fed, kept and woken up.");
	p->content_html = xs(
	    "<p>A sourdough starter is flour and water that wild yeast and bacteria have made "
	    "their home. Feed the starter every day with equal weights of flour and water, keep "
	    "it in a warm kitchen, and it rises and falls like a slow breath.</p>"
	    "<p><img src=\"https://bakery.example.org/wp-content/uploads/2021/03/jar.png\" "
	    "alt=\"A jar of starter\"></p>"
	    "<p><img src=\"https://i2.wp.com/bakery.example.org/wp-content/uploads/2021/03/"
	    "jar-300x300.png?w=300\" alt=\"The jar again, smaller\"></p>"
	    "<p>A starter kept in the fridge sleeps. Wake it with two feedings before you bake "
	    "bread, and the loaf will rise as well as ever.</p>"
	    "<p><img src=\"https://bakery.example.org/wp-content/uploads/2021/03/gone.png\" "
	    "alt=\"A missing picture\"></p>");
	p->content_is_raw = false;
	p->featured_image = xs("https://bakery.example.org/wp-content/uploads/2021/03/jar.png");
}

/* One post in the shape of a blog article with its discussion: a
 * question (no date), the author's reply, approved promotion, a pending
 * comment, a spam comment, a pingback and a trashed comment left out by
 * the source, hostile text in names and titles, an e-mail address as a
 * name. */
static import_site *
one_post_site(void)
{
	import_site *s = xcalloc(1, sizeof *s);
	s->file = xs("export.xml");
	s->title = xs("The Bakery Notes");
	s->link = xs("https://bakery.example.org/");
	s->language = xs("en-GB");
	s->uploads_url = xs("https://bakery.example.org/wp-content/uploads/");
	s->nposts = 1;
	s->posts = xcalloc(1, sizeof *s->posts);
	import_post *p = &s->posts[0];
	fill_post(p, "keeping-a-starter", hostile_title, "2021-03-14T08:00:00Z");
	add_comment(p, "7", NULL, "Jonas \"the baker\": #1\nsecond", NULL, IMPORT_APPROVED, false,
	            "<p>My starter smells of nail polish after a week in the fridge. Should I "
	            "feed it more flour before I bake bread?</p>");
	add_comment(p, "8", "7", "Mina Okafor", "2021-03-15T10:00:00Z", IMPORT_APPROVED, true,
	            "<p>That smell means the starter is hungry: feed it twice, a day apart, and "
	            "it will rise again.</p>");
	add_comment(p, "9", NULL, "Luxury Watches", "2021-03-16", IMPORT_APPROVED, false,
	            "<p>Discover unparalleled elegance with our premium luxury watches, crafted "
	            "meticulously. Best prices guaranteed, buy now at "
	            "https://watches.example.com/ with promo code, free shipping!</p>");
	add_comment(p, "10", NULL, "Pat", "2021-03-17", IMPORT_PENDING, false,
	            "<p>Does rye flour work for the feeding too?</p>");
	add_comment(p, "11", NULL, "someone@mail.example.net", "2021-03-18", IMPORT_SPAM, false,
	            "<p>cheap pills</p>");
	p->npingbacks = 1;
	p->ntrashed = 1;
	p->related = xcalloc(2, sizeof *p->related);
	p->nrelated = 2;
	p->related[0].title = xs("Rye: a \"difficult\" flour?");
	p->related[0].url = xs("https://bakery.example.org/rye/");
	p->related[0].date = xs("2020-11-02");
	p->related[0].summary = xs("Why rye dough sticks: #1 reason.\nAnd what to do.");
	p->related[1].title = xs("Not a web page");
	p->related[1].url = xs("javascript:alert(1)");
	return s;
}

static import_options
options(const char *out)
{
	import_options o = {.input = "export.xml", .out_dir = out, .related = 3, .quiet = true};
	return o;
}

/* Writes the uploads folder the site's images come from. */
static char *
make_uploads(void)
{
	char *up = at("uploads");
	ck_assert_int_eq(mkdir(up, 0777), 0);
	char *d1 = at("uploads/2021"), *d2 = at("uploads/2021/03");
	ck_assert_int_eq(mkdir(d1, 0777), 0);
	ck_assert_int_eq(mkdir(d2, 0777), 0);
	free(d1);
	free(d2);
	put_file("uploads/2021/03/jar.png", png1, sizeof png1 - 1);
	return up;
}

/* Whether any file under tmp/rel holds needle, or has it in its name. */
static bool
tree_holds(const char *rel, const char *needle)
{
	char *dir = at(rel);
	DIR *d = opendir(dir);
	bool found = false;
	struct dirent *e;
	while (d && !found && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (strstr(e->d_name, needle)) {
			found = true;
			break;
		}
		char *sub = path_join(rel, e->d_name);
		char *path = at(sub);
		struct stat st;
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			found = tree_holds(sub, needle);
		} else {
			char *data = slurp(sub);
			found = data && strstr(data, needle);
			free(data);
		}
		free(path);
		free(sub);
	}
	if (d)
		closedir(d);
	free(dir);
	return found;
}

/* Whether the trees tmp/a and tmp/b hold the same files, byte for byte. */
static bool
trees_equal(const char *a, const char *b)
{
	char *cmd = xasprintf("diff -r '%s/%s' '%s/%s' >/dev/null", tmp, a, tmp, b);
	int rc = system(cmd);
	free(cmd);
	return rc == 0;
}

START_TEST(test_writer_one_post)
{
	make_tmp();
	diag_reset();
	char *uploads = make_uploads();
	import_site *s = one_post_site();
	char *out = at("book");
	import_options o = options(out);
	o.uploads = uploads;
	ck_assert_int_eq(import_write(s, &o), 0);

	/* book.yaml reads back to the very values, hostile as they are. */
	book *b = manuscript_load(out);
	ck_assert_ptr_nonnull(b);
	ck_assert_int_eq(diag_error_count(), 0);
	ck_assert_str_eq(b->title, hostile_title);
	ck_assert_uint_eq(b->nauthors, 1);
	ck_assert_str_eq(b->authors[0].name, "Mina Okafor");
	ck_assert_str_eq(b->language, "en-GB");
	ck_assert_str_eq(b->date, "2021-03-14T08:00:00Z");
	ck_assert_str_eq(b->modified, "2021-04-02T09:30:00Z");
	ck_assert_str_eq(b->source, "https://bakery.example.org/keeping-a-starter/");
	ck_assert_str_eq(b->description, "How a sourdough starter is fed, kept and woken up.");
	ck_assert_uint_eq(b->subjects.n, 3);
	ck_assert_str_eq(b->subjects.items[0], "Baking: bread");
	ck_assert_str_eq(b->subjects.items[2], "#starter");

	/* The comments: names and threads as given, statuses mapped, the
	 * promotion held, no date where the source gave none. */
	ck_assert_uint_eq(b->ncomments, 5);
	ck_assert_str_eq(b->comments[0]->author, "Jonas \"the baker\": #1\nsecond");
	ck_assert_ptr_null(b->comments[0]->date);
	ck_assert_int_eq(b->comments[0]->status, COMMENT_APPROVED);
	ck_assert_str_eq(b->comments[1]->reply_to, b->comments[0]->id);
	ck_assert(b->comments[1]->by_author);
	ck_assert_str_eq(b->comments[1]->date, "2021-03-15T10:00:00Z");
	ck_assert_int_eq(b->comments[2]->status, COMMENT_PENDING);
	ck_assert_int_eq(b->comments[3]->status, COMMENT_PENDING);
	ck_assert_int_eq(b->comments[4]->status, COMMENT_SPAM);
	ck_assert_str_eq(b->comments[4]->author, "Anonymous");
	char *held = slurp("book/qa/003-luxury-watches.md");
	ck_assert_ptr_nonnull(held);
	ck_assert_ptr_nonnull(strstr(held, "status: pending\n# held as pending: it looks like spam ("));
	free(held);
	ck_assert_uint_eq(b->nrelated, 1); /* the javascript: address is left out */
	ck_assert_str_eq(b->related[0]->title, "Rye: a \"difficult\" flour?");
	ck_assert_str_eq(b->related[0]->summary, "Why rye dough sticks: #1 reason.\nAnd what to do.");

	/* The image is copied once, under its own name; the missing one is not. */
	char *img = slurp("book/images/jar.png");
	ck_assert_ptr_nonnull(img);
	free(img);
	char *text = slurp("book/keeping-a-starter.md");
	ck_assert_ptr_nonnull(text);
	ck_assert_ptr_nonnull(strstr(text, "<figure class=\"featured-image\">\n"
	                                   "<img src=\"images/jar.png\" alt=\"\">\n</figure>"));
	/* The CDN's address of a resized copy that --uploads lacks: the
	 * original, copied once. */
	ck_assert_ptr_nonnull(strstr(text, "![The jar again, smaller](images/jar.png)"));
	char *second = slurp("book/images/jar-2.png");
	ck_assert_ptr_null(second);
	ck_assert_ptr_null(strstr(text, "gone.png"));
	free(text);

	/* No e-mail address anywhere. */
	ck_assert(!tree_holds("book", "@mail.example.net"));
	ck_assert(!tree_holds("book", "someone@"));
	ck_assert(!tree_holds("book", "someone"));
	book_free(b);
	import_site_free(s);
	free(out);
	free(uploads);
	remove_tmp();
}
END_TEST

START_TEST(test_writer_deterministic)
{
	make_tmp();
	char *uploads = make_uploads();
	import_site *s = one_post_site();
	char *a = at("a"), *b = at("b");
	import_options o = options(a);
	o.uploads = uploads;
	ck_assert_int_eq(import_write(s, &o), 0);
	o.out_dir = b;
	ck_assert_int_eq(import_write(s, &o), 0);
	ck_assert(trees_equal("a", "b"));
	/* Again into a, over its own files. */
	o.out_dir = a;
	o.force = true;
	ck_assert_int_eq(import_write(s, &o), 0);
	ck_assert(trees_equal("a", "b"));
	import_site_free(s);
	free(a);
	free(b);
	free(uploads);
	remove_tmp();
}
END_TEST

START_TEST(test_writer_folder_rules)
{
	make_tmp();
	diag_reset();
	import_site *s = one_post_site();
	char *out = at("full");
	ck_assert_int_eq(mkdir(out, 0777), 0);
	put_file("full/notes.txt", "mine\n", 5);
	put_file("full/book.yaml", "title: old\n", 11);
	import_options o = options(out);
	/* Not empty: refused, and nothing is touched. */
	ck_assert_int_eq(import_write(s, &o), 1);
	ck_assert_int_eq(diag_error_count(), 1);
	char *y = slurp("full/book.yaml");
	ck_assert_str_eq(y, "title: old\n");
	free(y);
	/* --force replaces what the import writes and leaves the rest. */
	o.force = true;
	ck_assert_int_eq(import_write(s, &o), 0);
	y = slurp("full/book.yaml");
	ck_assert_ptr_nonnull(strstr(y, "contents:\n"));
	free(y);
	char *mine = slurp("full/notes.txt");
	ck_assert_str_eq(mine, "mine\n");
	free(mine);
	/* A file where the folder should be, and a folder made where none was. */
	char *file = at("full/notes.txt");
	o.out_dir = file;
	diag_reset();
	ck_assert_int_eq(import_write(s, &o), 1);
	ck_assert_int_eq(diag_error_count(), 1);
	char *deep = at("new/deeper");
	o.out_dir = deep;
	o.force = false;
	ck_assert_int_eq(import_write(s, &o), 0);
	char *yy = slurp("new/deeper/book.yaml");
	ck_assert_ptr_nonnull(yy);
	free(yy);
	/* A qa folder that is a symbolic link is not written through. */
	char *link = at("linked"), *qa = at("linked/qa");
	ck_assert_int_eq(mkdir(link, 0777), 0);
	ck_assert_int_eq(symlink(tmp, qa), 0);
	o.out_dir = link;
	o.force = true;
	diag_reset();
	ck_assert_int_eq(import_write(s, &o), 1);
	ck_assert_int_ge(diag_error_count(), 1);
	free(link);
	free(qa);
	free(deep);
	free(file);
	free(out);
	import_site_free(s);
	remove_tmp();
}
END_TEST

START_TEST(test_writer_keep_status)
{
	make_tmp();
	import_site *s = one_post_site();
	char *out = at("kept");
	import_options o = options(out);
	o.keep_status = true;
	ck_assert_int_eq(import_write(s, &o), 0);
	char *c = slurp("kept/qa/003-luxury-watches.md");
	ck_assert_ptr_nonnull(c);
	ck_assert_ptr_nonnull(strstr(c, "status: approved\n"));
	ck_assert_ptr_null(strstr(c, "# held"));
	free(c);
	free(out);
	import_site_free(s);
	remove_tmp();
}
END_TEST

/* Two posts: each its chapter and its own comments folder, with ids
 * that do not meet across them. */
static import_site *
two_post_site(void)
{
	import_site *s = xcalloc(1, sizeof *s);
	s->file = xs("export.xml");
	s->title = xs("The Bakery Notes");
	s->link = xs("https://bakery.example.org/");
	s->language = xs("en");
	s->nposts = 2;
	s->posts = xcalloc(2, sizeof *s->posts);
	fill_post(&s->posts[0], "keeping-a-starter", "Keeping a starter", "2021-03-14");
	fill_post(&s->posts[1], "shaping-a-loaf", "Shaping a loaf", "2021-05-01");
	for (int i = 0; i < 2; i++) {
		import_post *p = &s->posts[i];
		free(p->featured_image);
		p->featured_image = NULL;
		add_comment(p, "1", NULL, "Jonas", NULL, IMPORT_APPROVED, false,
		            "<p>How long should the starter rise before I bake bread with it?</p>");
		add_comment(p, "2", "1", "Mina Okafor", NULL, IMPORT_APPROVED, true,
		            "<p>Until it has doubled and smells of yoghurt, not of vinegar.</p>");
	}
	return s;
}

START_TEST(test_writer_several_posts)
{
	make_tmp();
	diag_reset();
	import_site *s = two_post_site();
	char *out = at("blog");
	import_options o = options(out);
	o.all = true;
	ck_assert_int_eq(import_write(s, &o), 0);
	char *y = slurp("blog/book.yaml");
	ck_assert_ptr_nonnull(strstr(y, "  - \"keeping-a-starter.md\"\n  - comments: qa/keeping-a-starter/\n"
	                                "  - \"shaping-a-loaf.md\"\n  - comments: qa/shaping-a-loaf/\n"));
	free(y);
	/* Each post says when it was published. */
	char *second = slurp("blog/shaping-a-loaf.md");
	ck_assert_ptr_nonnull(strstr(second, "# Shaping a loaf\n\n*Published 1 May 2021*\n\n"));
	free(second);
	book *b = manuscript_load(out);
	ck_assert_ptr_nonnull(b);
	ck_assert_int_eq(diag_error_count(), 0);
	ck_assert_str_eq(b->title, "The Bakery Notes");
	ck_assert_uint_eq(b->ncomments, 4);
	ck_assert_str_eq(b->comments[0]->id, "keeping-a-starter-001-jonas");
	ck_assert_str_eq(b->comments[3]->reply_to, "shaping-a-loaf-001-jonas");
	book_free(b);
	/* A post whose comments all wait: its folder is written, and named in
	 * contents only as a YAML comment, so the book has no empty Q&A. */
	for (size_t i = 0; i < s->posts[1].ncomments; i++)
		s->posts[1].comments[i].status = IMPORT_PENDING;
	o.force = true;
	ck_assert_int_eq(import_write(s, &o), 0);
	y = slurp("blog/book.yaml");
	ck_assert_ptr_nonnull(strstr(y, "  - \"shaping-a-loaf.md\"\n"
	                                "  # - comments: qa/shaping-a-loaf/    (no approved comment yet)\n"));
	/* The one Reader Q&A left is still listed under its post. */
	ck_assert_ptr_nonnull(strstr(y, "\nnest-comments: true "));
	free(y);
	b = manuscript_load(out);
	ck_assert_ptr_nonnull(b);
	ck_assert(b->nest_comments);
	book_free(b);
	free(out);
	import_site_free(s);
	remove_tmp();
}
END_TEST

/* Builds the manuscript in dir into tmp/book.epub; returns the warnings
 * the build reported, and -1 when it failed. */
static int
build(const char *dir)
{
	diag_reset();
	book *b = manuscript_load(dir);
	ck_assert_ptr_nonnull(b);
	build_opts bo = {.jobs = 1};
	build_result r = {0};
	int rc = diag_error_count() == 0 ? build_book(b, &bo, &r) : -1;
	char *epub = at("book.epub");
	if (rc == 0) {
		size_t len;
		ck_assert_int_eq(epub_write(r.epub, epub, &len), 0);
		epub_free(r.epub);
	}
	free(epub);
	book_free(b);
	return rc == 0 ? diag_warning_count() : -1;
}

/* epubcheck on tmp/book.epub: true when it finds nothing, or cannot run. */
static bool
epubcheck_clean(void)
{
	const char *jar = "/usr/share/java/epubcheck.jar";
	if (access(jar, R_OK) != 0 || system("command -v java >/dev/null 2>&1") != 0)
		return true;
	char *cmd = xasprintf("java -jar %s '%s/book.epub' >'%s/check.txt' 2>&1", jar, tmp, tmp);
	int rc = system(cmd);
	free(cmd);
	char *report = slurp("check.txt");
	bool clean = rc == 0 && report && strstr(report, "0 fatals / 0 errors / 0 warnings");
	if (!clean && report)
		fputs(report, stderr);
	free(report);
	return clean;
}

START_TEST(test_writer_builds)
{
	make_tmp();
	char *uploads = make_uploads();
	import_site *s = one_post_site();
	char *out = at("book");
	import_options o = options(out);
	o.uploads = uploads;
	put_file("cover-in.png", png1, sizeof png1 - 1);
	char *cover = at("cover-in.png");
	o.cover = cover;
	ck_assert_int_eq(import_write(s, &o), 0);
	/* The held and the pending comment are each named in a warning. */
	ck_assert_int_eq(build(out), 2);
	ck_assert(epubcheck_clean());
	import_site_free(s);

	s = two_post_site();
	char *blog = at("blog");
	o = options(blog);
	ck_assert_int_eq(import_write(s, &o), 0);
	ck_assert_int_eq(build(blog), 0);
	ck_assert(epubcheck_clean());
	import_site_free(s);
	free(blog);
	free(cover);
	free(out);
	free(uploads);
	remove_tmp();
}
END_TEST


/* Runs import_write with stderr going to tmp/stderr.txt; returns its
 * result, and the text in *err (caller frees). */
static int
write_capturing(const import_site *s, const import_options *o, char **err)
{
	fflush(stderr);
	int saved = dup(2);
	char *path = at("stderr.txt");
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	dup2(fileno(f), 2);
	int rc = import_write(s, o);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	fclose(f);
	free(path);
	*err = slurp("stderr.txt");
	return rc;
}

START_TEST(test_writer_summary)
{
	make_tmp();
	diag_reset();
	diag_set_quiet(false);
	char *uploads = make_uploads();
	import_site *s = one_post_site();
	char *out = at("mybook");
	import_options o = options(out);
	o.uploads = uploads;
	o.quiet = false;
	char *err = NULL;
	ck_assert_int_eq(write_capturing(s, &o, &err), 0);
	/* The last line: what was written, what was left out, what to run. */
	char *want = xasprintf("%s/: 1 post, 2 of 7 comments approved (1 held as likely spam, "
	                       "1 pending, 1 spam, 1 pingback and 1 trashed left out), "
	                       "1 related post, 1 image \u2014 now run: mkbook %s/\n",
	                       out, out);
	ck_assert(str_ends_with(err, want));
	free(want);
	/* The held comment is named by its file, with the reasons. */
	ck_assert_ptr_nonnull(strstr(err, "qa/003-luxury-watches.md: note: comment by Luxury "
	                                  "Watches held as pending: it looks like spam ("));
	/* The missing image is a warning, naming its address. */
	ck_assert_ptr_nonnull(strstr(err, "warning: image 'https://bakery.example.org/"
	                                  "wp-content/uploads/2021/03/gone.png' is not in"));
	free(err);

	/* Again with --force over a folder where an earlier import left a
	 * comment file of its own: mkbook would read it, so it is named. */
	static const char left_over[] = "---\nauthor: X\nstatus: approved\n---\nx\n";
	put_file("mybook/qa/099-left-over.md", left_over, sizeof left_over - 1);
	o.force = true;
	ck_assert_int_eq(write_capturing(s, &o, &err), 0);
	ck_assert_ptr_nonnull(strstr(err, "qa/099-left-over.md: warning: not written by this "
	                                  "import"));
	free(err);
	diag_set_quiet(true);
	import_site_free(s);
	free(out);
	free(uploads);
	remove_tmp();
}
END_TEST

START_TEST(test_writer_hostile_text)
{
	make_tmp();
	diag_reset();
	import_site *s = one_post_site();
	import_post *p = &s->posts[0];
	/* A control character (no XML can hold it: left out), line and
	 * paragraph separators (escaped), a byte that is not UTF-8. */
	free(p->comments[0].author);
	p->comments[0].author = xs("Ann\x01 \xe2\x80\xa8Lee\xff ---");
	free(p->excerpt);
	p->excerpt = xs("---\nstatus: approved\n...\n# x");
	free(s->language);
	s->language = xs("English (UK)");
	char *out = at("h");
	import_options o = options(out);
	ck_assert_int_eq(import_write(s, &o), 0);
	book *b = manuscript_load(out);
	ck_assert_ptr_nonnull(b);
	ck_assert_int_eq(diag_error_count(), 0);
	ck_assert_str_eq(b->comments[0]->author, "Ann \xe2\x80\xa8Lee ---");
	ck_assert_str_eq(b->description, "---\nstatus: approved\n...\n# x");
	ck_assert_str_eq(b->language, "en"); /* the malformed tag was left out */
	book_free(b);
	import_site_free(s);
	free(out);
	remove_tmp();
}
END_TEST

/* A web server on the loopback address serving tmp/www, started with
 * Python's http.server; its port in *port. Returns its pid, or 0 when it
 * cannot be started (no python3). */
static pid_t
start_server(int *port)
{
	if (system("command -v python3 >/dev/null 2>&1") != 0)
		return 0;
	int fds[2];
	ck_assert_int_eq(pipe(fds), 0);
	char *www = at("www");
	pid_t pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		int null = open("/dev/null", O_WRONLY);
		if (null >= 0)
			dup2(null, 2); /* its log of requests */
		execlp("python3", "python3", "-u", "-m", "http.server", "0", "--bind", "127.0.0.1",
		       "--directory", www, (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	free(www);
	FILE *f = fdopen(fds[0], "r");
	char line[256] = "";
	*port = 0;
	/* "Serving HTTP on 127.0.0.1 port 40123 (http://127.0.0.1:40123/) ..." */
	if (fgets(line, sizeof line, f)) {
		char *at_port = strstr(line, " port ");
		if (at_port)
			*port = atoi(at_port + 6);
	}
	fclose(f);
	if (*port == 0) {
		kill(pid, SIGTERM);
		waitpid(pid, NULL, 0);
		return 0;
	}
	return pid;
}

START_TEST(test_writer_fetch)
{
	make_tmp();
	diag_reset();
	char *www = at("www");
	ck_assert_int_eq(mkdir(www, 0777), 0);
	put_file("www/pic.png", png1, sizeof png1 - 1);
	put_file("www/fake.png", "<html>not an image</html>", 25);
	int port;
	pid_t server = start_server(&port);
	if (server == 0) {
		fprintf(stderr, "# test_writer_fetch skipped: no python3 for a local server\n");
		free(www);
		remove_tmp();
		return;
	}
	char *out = at("fetched");
	ck_assert_int_eq(mkdir(out, 0777), 0);
	char *url = xasprintf("http://127.0.0.1:%d/pic.png", port);
	char *path = import_fetch_image(url, out, "export.xml");
	ck_assert_ptr_nonnull(path);
	ck_assert(str_starts_with(path, out));
	ck_assert(str_ends_with(path, ".png"));
	char *data = NULL;
	size_t len = 0;
	ck_assert_int_eq(path_read_file(path, &data, &len, 0), 0);
	ck_assert_uint_eq(len, sizeof png1 - 1);
	ck_assert_int_eq(memcmp(data, png1, len), 0);
	free(data);
	free(path);
	int warned = diag_warning_count();
	/* Not an image, not there, not http: a warning each, nothing written. */
	char *fake = xasprintf("http://127.0.0.1:%d/fake.png", port);
	char *gone = xasprintf("http://127.0.0.1:%d/gone.png", port);
	ck_assert_ptr_null(import_fetch_image(fake, out, "export.xml"));
	ck_assert_ptr_null(import_fetch_image(gone, out, "export.xml"));
	ck_assert_ptr_null(import_fetch_image("ftp://127.0.0.1/pic.png", out, "export.xml"));
	ck_assert_ptr_null(import_fetch_image("file:///etc/passwd", out, "export.xml"));
	ck_assert_int_eq(diag_warning_count(), warned + 4);

	/* Through the writer: the chapter links to the download. */
	import_site *s = one_post_site();
	import_post *p = &s->posts[0];
	free(p->content_html);
	p->content_html = xasprintf("<p>The jar:</p><p><img src=\"%s\" alt=\"A jar\"></p>", url);
	free(p->featured_image);
	p->featured_image = NULL;
	char *book_dir = at("fetchbook");
	import_options o = options(book_dir);
	o.fetch = true;
	ck_assert_int_eq(import_write(s, &o), 0);
	char *text = slurp("fetchbook/keeping-a-starter.md");
	ck_assert_ptr_nonnull(strstr(text, "(images/pic-"));
	free(text);
	kill(server, SIGTERM);
	waitpid(server, NULL, 0);
	import_site_free(s);
	free(book_dir);
	free(fake);
	free(gone);
	free(url);
	free(out);
	free(www);
	remove_tmp();
}
END_TEST

/* A saved page: images resolve in its folder (never outside it), its bio
 * becomes the "About the author" chapter. */
START_TEST(test_writer_saved_page)
{
	make_tmp();
	diag_reset();
	char *saved = at("saved"), *files = at("saved/page_files");
	ck_assert_int_eq(mkdir(saved, 0777), 0);
	ck_assert_int_eq(mkdir(files, 0777), 0);
	put_file("saved/page_files/jar.png", png1, sizeof png1 - 1);
	put_file("outside.png", png1, sizeof png1 - 1);
	import_site *s = one_post_site();
	s->base_dir = xstrdup(saved);
	import_post *p = &s->posts[0];
	/* The featured image is the article's first: shown once. */
	free(p->featured_image);
	p->featured_image = xs("page_files/jar.png");
	free(p->content_html);
	p->content_html = xs("<p><img src=\"page_files/jar.png\" alt=\"A jar\"></p><p>The jar.</p>"
	                     "<p>Not this one: <img src=\"../outside.png\" alt=\"Outside\"></p>");
	p->bio_html = xs("<p>Mina Okafor bakes bread in a small town by the sea.</p>");
	char *out = at("page-book");
	import_options o = options(out);
	ck_assert_int_eq(import_write(s, &o), 0);
	char *text = slurp("page-book/keeping-a-starter.md");
	ck_assert_ptr_nonnull(strstr(text, "(images/jar.png)"));
	ck_assert_ptr_null(strstr(text, "featured-image"));
	ck_assert_ptr_null(strstr(text, "outside"));
	free(text);
	char *copy = slurp("page-book/images/outside.png");
	ck_assert_ptr_null(copy);
	char *bio = slurp("page-book/about-the-author.md");
	ck_assert_ptr_nonnull(bio);
	ck_assert(str_starts_with(bio, "---\ntype: about-author\n---\n\n# About the author\n\n"));
	ck_assert_ptr_nonnull(strstr(bio, "Mina Okafor bakes bread"));
	free(bio);
	char *y = slurp("page-book/book.yaml");
	ck_assert(str_ends_with(y, "  - related: related/\n  - \"about-the-author.md\"\n"));
	free(y);
	ck_assert_int_eq(build(out), 2);
	ck_assert(epubcheck_clean());
	import_site_free(s);
	free(out);
	free(files);
	free(saved);
	remove_tmp();
}
END_TEST

/* Broken threads from the source: a reply to a comment the source lacks
 * is held as pending (kept approved, as a question, with --keep-status);
 * replies that go round in a cycle lose one link. The manuscript loads
 * and builds without an error. */
START_TEST(test_writer_broken_threads)
{
	make_tmp();
	diag_reset();
	import_site *s = one_post_site();
	import_post *p = &s->posts[0];
	add_comment(p, "20", "999", "Lost Reply", "2021-03-20", IMPORT_APPROVED, false,
	            "<p>Yes, the starter doubled overnight in the warm kitchen.</p>");
	add_comment(p, "21", "22", "Round One", "2021-03-21", IMPORT_APPROVED, false,
	            "<p>Feed the starter before bed and bake the bread in the morning?</p>");
	add_comment(p, "22", "21", "Round Two", "2021-03-22", IMPORT_APPROVED, false,
	            "<p>I feed the starter at night, and the bread rises by morning.</p>");
	char *out = at("broken");
	import_options o = options(out);
	ck_assert_int_eq(import_write(s, &o), 0);
	char *lost = slurp("broken/qa/006-lost-reply.md");
	ck_assert_ptr_nonnull(lost);
	ck_assert_ptr_nonnull(strstr(lost, "status: pending\n# held as pending: it answers comment "
	                                   "999, which the source does not hold\n"));
	ck_assert_ptr_null(strstr(lost, "reply-to"));
	free(lost);
	char *one = slurp("broken/qa/007-round-one.md"), *two = slurp("broken/qa/008-round-two.md");
	ck_assert_ptr_nonnull(one);
	ck_assert_ptr_nonnull(two);
	/* Exactly one of the two still answers the other. */
	ck_assert((strstr(one, "reply-to") != NULL) != (strstr(two, "reply-to") != NULL));
	free(one);
	free(two);
	ck_assert_int_ge(build(out), 0);
	import_site_free(s);

	s = one_post_site();
	add_comment(&s->posts[0], "20", "999", "Lost Reply", NULL, IMPORT_APPROVED, false,
	            "<p>Yes, the starter doubled overnight in the warm kitchen.</p>");
	o.force = true;
	o.keep_status = true;
	ck_assert_int_eq(import_write(s, &o), 0);
	lost = slurp("broken/qa/006-lost-reply.md");
	ck_assert_ptr_nonnull(strstr(lost, "status: approved\n---\n"));
	free(lost);
	import_site_free(s);
	free(out);
	remove_tmp();
}
END_TEST

Suite *
import_writer_suite(void)
{
	Suite *s = suite_create("import_writer");
	TCase *tc = tcase_create("writer");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_writer_one_post);
	tcase_add_test(tc, test_writer_deterministic);
	tcase_add_test(tc, test_writer_folder_rules);
	tcase_add_test(tc, test_writer_keep_status);
	tcase_add_test(tc, test_writer_several_posts);
	tcase_add_test(tc, test_writer_builds);
	tcase_add_test(tc, test_writer_summary);
	tcase_add_test(tc, test_writer_hostile_text);
	tcase_add_test(tc, test_writer_fetch);
	tcase_add_test(tc, test_writer_saved_page);
	tcase_add_test(tc, test_writer_broken_threads);
	suite_add_tcase(s, tc);
	return s;
}
