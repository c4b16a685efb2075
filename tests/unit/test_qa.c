/* test_qa.c - reader comments: threads and their order, moderation, the
 * errors of a reply-to graph, hostile comment bodies, element ids, and
 * the spam heuristic on the sample book and on cases of its own. */
#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libxml/tree.h>

#include "book.h"
#include "diag.h"
#include "manuscript.h"
#include "markdown.h"
#include "qa.h"
#include "xhtml.h"

Suite *qa_suite(void);

/* ---- fixtures ---- */

static const char osteo_text[] =
    "# Knots in our muscles\n\n"
    "Muscles develop knots to protect a joint that is not moving as it should. "
    "Massage, stretching and injections relax the knot for a while, but the knot "
    "comes back because the reason for it is still there. When a joint is restored, "
    "the muscles around it relax and the area is no longer tender or sensitive.\n\n"
    "Muscles also tighten over an inflamed organ, such as the appendix. The body "
    "does nothing at random: pain in the neck and shoulder often comes from a rib "
    "or the collarbone, and treating that joint is what lets the muscle let go.\n";

/* A book with one text chapter and an empty Q&A chapter, which *qa
 * receives. The book owns both. */
static book *
new_book(const char *lang, const char *text, chapter **qa)
{
	book *b = book_new(".");
	free(b->language);
	b->language = xstrdup(lang);
	b->title = xstrdup("Knots");
	b->authors = xcalloc(1, sizeof *b->authors);
	b->nauthors = 1;
	b->authors[0].name = xstrdup("Daniel Lopez, D.O.");
	b->authors[0].file_as = xstrdup("Lopez, Daniel");
	b->authors[0].role = xstrdup("aut");
	b->source = xstrdup("https://www.daniellopezdo.com/");
	chapter *t = book_chapter_new(CHAPTER_TEXT);
	t->body = xstrdup(text);
	t->body_len = strlen(text);
	t->body_line = 1;
	t->file = xstrdup("article.md");
	t->href = xstrdup("text/article.xhtml");
	book_add_chapter(b, t);
	chapter *c = book_chapter_new(CHAPTER_QA);
	c->file = xstrdup("qa");
	c->href = xstrdup("text/qa.xhtml");
	book_add_chapter(b, c);
	*qa = c;
	return b;
}

/* Adds a comment to the book and, when c is not NULL, to chapter c. */
static comment *
add_comment(book *b, chapter *c, const char *id, const char *date, enum comment_status st,
            const char *reply_to, const char *body)
{
	comment *cm = xcalloc(1, sizeof *cm);
	cm->file = xasprintf("qa/%s.md", id);
	cm->id = xstrdup(id);
	cm->author = xasprintf("Reader %s", id);
	cm->date = xstrdup(date);
	cm->status = st;
	cm->reply_to = xstrdup(reply_to);
	cm->body = xstrdup(body ? body : "A question about knots?");
	cm->body_line = 7;
	cm->reply_to_pos = (srcpos){4, 11};
	cm->status_pos = (srcpos){5, 9};
	b->comments = xrealloc(b->comments, (b->ncomments + 1) * sizeof *b->comments);
	b->comments[b->ncomments++] = cm;
	if (c) {
		c->comments = xrealloc(c->comments, (c->ncomments + 1) * sizeof *c->comments);
		c->comments[c->ncomments++] = cm;
	}
	return cm;
}

/* Errors print even when quiet; the tests that expect them run with
 * stderr pointed at /dev/null. */
static int saved_stderr = -1;

static void
mute(void)
{
	fflush(stderr);
	saved_stderr = dup(2);
	int fd = open("/dev/null", O_WRONLY);
	dup2(fd, 2);
	close(fd);
}

static void
unmute(void)
{
	fflush(stderr);
	dup2(saved_stderr, 2);
	close(saved_stderr);
}

/* The page of the last render: its tree and its ids (the build's, in
 * mkbook), freed by the next render and after each test. */
static xmlDocPtr page_doc;
static strset *page_ids;

static void
free_page(void)
{
	xmlFreeDoc(page_doc);
	page_doc = NULL;
	strset_free(page_ids);
	page_ids = NULL;
}

/* Renders c and returns the serialised page; the counts of errors and
 * warnings it reported go to *errors and *warnings. */
static char *
render(book *b, chapter *c, qa_stats *st, int *errors, int *warnings)
{
	diag_reset();
	free_page();
	page_ids = strset_new();
	mute();
	page_doc = qa_render(b, c, page_ids, st);
	unmute();
	if (errors)
		*errors = diag_error_count();
	if (warnings)
		*warnings = diag_warning_count();
	diag_reset();
	ck_assert_ptr_nonnull(page_doc);
	char *out;
	size_t len;
	xhtml_serialize(page_doc, &out, &len);
	return out;
}

static bool
has(const char *hay, const char *needle)
{
	return strstr(hay, needle) != NULL;
}

/* Where needle first occurs in hay; fails when it does not. */
static size_t
at(const char *hay, const char *needle)
{
	const char *p = strstr(hay, needle);
	ck_assert_msg(p != NULL, "'%s' not in the page", needle);
	return (size_t)(p - hay);
}

/* Fails unless the comments with the ids in want come in that order. */
static void
assert_order(const char *x, const char *const *want, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++) {
		char *p = xasprintf("id=\"comment-%s\"", want[i]);
		char *q = xasprintf("id=\"comment-%s\"", want[i + 1]);
		ck_assert_msg(at(x, p) < at(x, q), "%s should come before %s", want[i], want[i + 1]);
		free(p);
		free(q);
	}
}

static xmlNodePtr
find_id(xmlNodePtr n, const char *id)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		xmlChar *v = xmlGetProp(n, BAD_CAST "id");
		bool match = v && !strcmp((const char *)v, id);
		xmlFree(v);
		if (match)
			return n;
		xmlNodePtr r = find_id(n->children, id);
		if (r)
			return r;
	}
	return NULL;
}

static bool
has_class(xmlNodePtr n, const char *cls)
{
	xmlChar *v = xmlGetProp(n, BAD_CAST "class");
	bool r = v && !strcmp((const char *)v, cls);
	xmlFree(v);
	return r;
}

/* The article that holds the replies block n sits in. */
static xmlNodePtr
replied_article(xmlNodePtr n)
{
	xmlNodePtr div = n->parent;
	ck_assert(has_class(div, "qa-replies"));
	return div->parent;
}

static bool
is_valid_id(const char *s)
{
	if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
			return false;
	return true;
}

/* Every id is well formed, unique and in ids; every fragment link finds
 * its id. */
static void
check_ids(xmlNodePtr n, strset *seen, const strset *ids, strlist *frags)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		xmlChar *v = xmlGetProp(n, BAD_CAST "id");
		if (v) {
			ck_assert_msg(is_valid_id((const char *)v), "bad id '%s'", v);
			ck_assert_msg(strset_add(seen, (const char *)v), "id '%s' twice", v);
			ck_assert_msg(strset_has(ids, (const char *)v), "id '%s' not in the page's ids", v);
		}
		xmlFree(v);
		xmlChar *h = xmlGetProp(n, BAD_CAST "href");
		if (h && h[0] == '#')
			strlist_push(frags, (const char *)h + 1);
		xmlFree(h);
		check_ids(n->children, seen, ids, frags);
	}
}

static void
check_doc_ids(const chapter *c)
{
	strset *seen = strset_new();
	strlist frags = {0};
	check_ids(xmlDocGetRootElement(page_doc), seen, page_ids, &frags);
	for (size_t i = 0; i < frags.n; i++)
		ck_assert_msg(strset_has(seen, frags.items[i]), "link to missing #%s", frags.items[i]);
	for (size_t i = 0; i < c->toc.n; i++)
		ck_assert_msg(strset_has(seen, toc_id(&c->toc, i)), "toc id %s missing",
		              toc_id(&c->toc, i));
	strlist_free(&frags);
	strset_free(seen);
}

/* ---- threads ---- */

START_TEST(test_threads_nested_by_date)
{
	chapter *c;
	book *b = new_book("en", osteo_text, &c);
	add_comment(b, c, "q-late", "2020-01-05", COMMENT_APPROVED, NULL,
	            "Why do my knots come back every winter, and is cold weather part of it?");
	add_comment(b, c, "r-second", "2020-01-07", COMMENT_APPROVED, "q-late", "Same here.");
	add_comment(b, c, "r-first", "2020-01-06", COMMENT_APPROVED, "q-late", "Mine too.");
	add_comment(b, c, "r-deep", "2020-01-08", COMMENT_APPROVED, "r-second", "Try heat.");
	comment *q = add_comment(b, c, "q-early", "2020-01-02", COMMENT_APPROVED, NULL,
	                         "Is a knot the same as a trigger point?");
	q->title = xstrdup("Knots and trigger points");
	comment *a = add_comment(b, c, "answer", "2020-01-03", COMMENT_APPROVED, "q-early",
	                         "Not quite: a trigger point is one spot in the knot.");
	a->by_author = true;
	qa_stats st = {0};
	int errors, warnings;
	char *x = render(b, c, &st, &errors, &warnings);
	ck_assert_int_eq(errors, 0);
	ck_assert_int_eq(warnings, 0);
	ck_assert_int_eq(st.in_book, 6);

	/* Threads by date, replies by date. */
	ck_assert_uint_lt(at(x, "id=\"thread-q-early\""), at(x, "id=\"thread-q-late\""));
	ck_assert_uint_lt(at(x, "id=\"comment-r-first\""), at(x, "id=\"comment-r-second\""));
	ck_assert_uint_lt(at(x, "id=\"comment-r-second\""), at(x, "id=\"comment-r-deep\""));

	/* Nesting: a reply's replies sit in its own replies block. */
	xmlNodePtr root = xmlDocGetRootElement(page_doc);
	xmlNodePtr deep = find_id(root, "comment-r-deep");
	ck_assert_ptr_eq(replied_article(deep), find_id(root, "comment-r-second"));
	ck_assert_ptr_eq(replied_article(find_id(root, "comment-r-first")),
	                 find_id(root, "comment-q-late"));
	ck_assert(has_class(find_id(root, "comment-q-late"), "qa-question"));
	ck_assert(has_class(find_id(root, "comment-r-first"), "qa-reply"));
	ck_assert(has_class(find_id(root, "comment-answer"), "qa-reply qa-by-author"));

	/* The author's answer is marked and linked from its question. */
	ck_assert(has(x, "<span class=\"qa-role\">The author’s answer</span>"));
	ck_assert(has(x, "<a href=\"#comment-answer\">Answered by the author</a>"));
	ck_assert(has(x, "<bdi class=\"qa-author\">Reader q-late</bdi> asked <time "
	                 "datetime=\"2020-01-05\">5 January 2020</time>"));
	ck_assert(has(x, "aria-label=\"Reader r-first, 6 January 2020\""));

	/* Headings: the chapter's, then one per thread. */
	ck_assert(has(x, "<section epub:type=\"chapter\" role=\"doc-chapter\" "
	                 "aria-labelledby=\"reader-qa\"><h1 id=\"reader-qa\">Reader Q&amp;A</h1>"));
	ck_assert(has(x, "<body epub:type=\"bodymatter\">"));
	ck_assert_uint_eq(c->toc.n, 3);
	ck_assert_int_eq(c->toc.entries[0].level, 1);
	ck_assert_str_eq(toc_id(&c->toc, 0), "reader-qa");
	ck_assert_str_eq(toc_title(&c->toc, 0), "Reader Q&A");
	ck_assert_str_eq(c->title, "Reader Q&A");
	ck_assert_int_eq(c->toc.entries[1].level, 2);
	ck_assert_str_eq(toc_title(&c->toc, 1), "Knots and trigger points");
	ck_assert_int_eq(c->toc.entries[2].level, 2);
	/* Eight words, without the comma the cut leaves. */
	ck_assert_str_eq(toc_title(&c->toc, 2), "Why do my knots come back every winter\u2026");
	ck_assert(has(x, ">Why do my knots come back every winter\u2026</h2>"));
	check_doc_ids(c);
	free(x);
	book_free(b);
}
END_TEST

/* Equal dates fall back to the id; times in other zones compare as
 * instants; a bare date is the start of its day. */
START_TEST(test_order_ties_and_zones)
{
	chapter *c;
	book *b = new_book("en", osteo_text, &c);
	add_comment(b, c, "zeta", "2021-03-01", COMMENT_APPROVED, NULL, NULL);
	add_comment(b, c, "alpha", "2021-03-01", COMMENT_APPROVED, NULL, NULL);
	add_comment(b, c, "utc6", "2021-03-02T06:00:00Z", COMMENT_APPROVED, NULL, NULL);
	add_comment(b, c, "plus5", "2021-03-02T10:00:00+05:00", COMMENT_APPROVED, NULL, NULL);
	add_comment(b, c, "day", "2021-03-02", COMMENT_APPROVED, NULL, NULL);
	add_comment(b, c, "month", "2021-02", COMMENT_APPROVED, NULL, NULL);
	char *x = render(b, c, NULL, NULL, NULL);
	const char *want[] = {"month", "alpha", "zeta", "day", "plus5", "utc6"};
	assert_order(x, want, sizeof want / sizeof want[0]);
	/* Same input, same page. */
	toc_free(&c->toc);
	char *y = render(b, c, NULL, NULL, NULL);
	ck_assert_str_eq(x, y);
	free(y);
	free(x);
	book_free(b);
}
END_TEST

/* Comments without a date come after the dated ones, questions and
 * replies alike, in the order of their files (not of their ids), and are
 * shown without a date. */
START_TEST(test_order_without_dates)
{
	chapter *c;
	book *b = new_book("en", osteo_text, &c);
	add_comment(b, c, "zz-undated", NULL, COMMENT_APPROVED, NULL, NULL);
	add_comment(b, c, "dated", "2022-06-01", COMMENT_APPROVED, NULL, NULL);
	add_comment(b, c, "aa-undated", NULL, COMMENT_APPROVED, NULL, NULL);
	add_comment(b, c, "reply-undated", NULL, COMMENT_APPROVED, "dated", "Me too.");
	add_comment(b, c, "reply-dated", "2022-06-03", COMMENT_APPROVED, "dated", "Same.");
	char *x = render(b, c, NULL, NULL, NULL);
	const char *want[] = {"dated", "reply-dated", "reply-undated", "zz-undated", "aa-undated"};
	assert_order(x, want, sizeof want / sizeof want[0]);
	/* Only the two dated comments show a date. */
	const char *t = strstr(x, "<time");
	ck_assert_ptr_nonnull(t);
	t = strstr(t + 1, "<time");
	ck_assert_ptr_nonnull(t);
	ck_assert_ptr_null(strstr(t + 1, "<time"));
	ck_assert_ptr_nonnull(strstr(x, "Reader zz-undated</bdi> asked</p>"));
	free(x);
	book_free(b);
}
END_TEST

/* ---- moderation ---- */

START_TEST(test_moderation_states)
{
	chapter *c;
	book *b = new_book("en", osteo_text, &c);
	add_comment(b, c, "ok", "2020-01-01", COMMENT_APPROVED, NULL, "Approved question?");
	add_comment(b, c, "ok-reply", "2020-01-02", COMMENT_APPROVED, "ok", "Approved reply.");
	add_comment(b, c, "wait", "2020-01-03", COMMENT_PENDING, NULL, "Pending question?");
	add_comment(b, c, "junk", "2020-01-04", COMMENT_SPAM, NULL, "Buy cheap pills");
	add_comment(b, c, "to-wait", "2020-01-05", COMMENT_APPROVED, "wait", "Orphan one.");
	add_comment(b, c, "to-junk", "2020-01-06", COMMENT_APPROVED, "junk", "Orphan two.");
	add_comment(b, c, "to-orphan", "2020-01-07", COMMENT_APPROVED, "to-wait", "Orphan 3.");
	add_comment(b, c, "wait-reply", "2020-01-08", COMMENT_PENDING, "ok", "Pending reply.");
	add_comment(b, c, "junk-reply", "2020-01-09", COMMENT_SPAM, "ok", "Spam reply.");
	qa_stats st = {1, 1, 1, 1}; /* added to, not reset */
	int errors, warnings;
	char *x = render(b, c, &st, &errors, &warnings);
	ck_assert_int_eq(errors, 0);
	ck_assert_int_eq(st.in_book, 1 + 2);
	ck_assert_int_eq(st.pending, 1 + 2);
	ck_assert_int_eq(st.spam, 1 + 2);
	ck_assert_int_eq(st.orphaned, 1 + 3);
	/* A warning for each pending comment and each orphan; spam is silent. */
	ck_assert_int_eq(warnings, 2 + 3);
	ck_assert(has(x, "id=\"comment-ok\""));
	ck_assert(has(x, "id=\"comment-ok-reply\""));
	const char *gone[] = {"wait", "junk", "to-wait", "to-junk", "to-orphan", "wait-reply",
	                      "junk-reply"};
	for (size_t i = 0; i < sizeof gone / sizeof gone[0]; i++) {
		char *p = xasprintf("comment-%s\"", gone[i]);
		ck_assert_msg(!has(x, p), "%s is in the book", gone[i]);
		free(p);
	}
	ck_assert(!has(x, "cheap pills"));
	ck_assert_uint_eq(c->toc.n, 2);
	check_doc_ids(c);
	free(x);
	book_free(b);
}
END_TEST

/* Nothing approved: the chapter still has its heading, and no thread. */
START_TEST(test_no_approved_comments)
{
	chapter *c;
	book *b = new_book("en", osteo_text, &c);
	if (_i == 1) {
		add_comment(b, c, "s", "2020-01-01", COMMENT_SPAM, NULL, NULL);
		add_comment(b, c, "p", "2020-01-01", COMMENT_PENDING, NULL, NULL);
	}
	qa_stats st = {0};
	int errors;
	char *x = render(b, c, &st, &errors, NULL);
	ck_assert_int_eq(errors, 0);
	ck_assert_int_eq(st.in_book, 0);
	ck_assert(has(x, "<h1 id=\"reader-qa\">Reader Q&amp;A</h1>"));
	ck_assert(!has(x, "qa-thread"));
	ck_assert_uint_eq(c->toc.n, 1);
	/* The page is well-formed XML. */
	xmlDocPtr d = xmlReadMemory(x, (int)strlen(x), "qa.xhtml", NULL, XML_PARSE_NONET);
	ck_assert_ptr_nonnull(d);
	xmlFreeDoc(d);
	free(x);
	book_free(b);
}
END_TEST

/* ---- errors ---- */

START_TEST(test_error_duplicate_id)
{
	chapter *c;
	book *b = new_book("en", osteo_text, &c);
	/* Another comments folder of the same book has the id first. */
	chapter *other = book_chapter_new(CHAPTER_QA);
	other->href = xstrdup("text/qa2.xhtml");
	book_add_chapter(b, other);
	comment *first = add_comment(b, other, "same", "2020-01-01", COMMENT_APPROVED, NULL, NULL);
	free(first->file);
	first->file = xstrdup("more/same.md");
	add_comment(b, c, "same", "2020-01-02", COMMENT_APPROVED, NULL, NULL);
	add_comment(b, c, "fine", "2020-01-03", COMMENT_APPROVED, NULL, NULL);
	int errors;
	char *x = render(b, c, NULL, &errors, NULL);
	ck_assert_int_eq(errors, 1);
	free(x);
	/* Twice in one folder: one error, for the second. */
	chapter *c2;
	book *b2 = new_book("en", osteo_text, &c2);
	add_comment(b2, c2, "dup", "2020-01-01", COMMENT_APPROVED, NULL, NULL);
	add_comment(b2, c2, "dup", "2020-01-02", COMMENT_APPROVED, NULL, NULL);
	x = render(b2, c2, NULL, &errors, NULL);
	ck_assert_int_eq(errors, 1);
	check_doc_ids(c2); /* the page's ids stay unique all the same */
	free(x);
	book_free(b2);
	book_free(b);
}
END_TEST

START_TEST(test_error_unknown_reply_to)
{
	chapter *c;
	book *b = new_book("en", osteo_text, &c);
	add_comment(b, c, "q", "2020-01-01", COMMENT_APPROVED, NULL, NULL);
	add_comment(b, c, "lost", "2020-01-02", COMMENT_APPROVED, "no-such-comment", "Lost.");
	add_comment(b, c, "lost-child", "2020-01-03", COMMENT_APPROVED, "lost", "Below it.");
	qa_stats st = {0};
	int errors, warnings;
	char *x = render(b, c, &st, &errors, &warnings);
	ck_assert_int_eq(errors, 1); /* the child's chain is broken, not in error */
	ck_assert_int_eq(warnings, 0);
	ck_assert_int_eq(st.in_book, 1);
	ck_assert(!has(x, "comment-lost"));
	free(x);
	book_free(b);
}
END_TEST

START_TEST(test_error_cycle)
{
	chapter *c;
	book *b = new_book("en", osteo_text, &c);
	add_comment(b, c, "a", "2020-01-01", COMMENT_APPROVED, "c", NULL);
	add_comment(b, c, "b", "2020-01-02", COMMENT_APPROVED, "a", NULL);
	add_comment(b, c, "c", "2020-01-03", COMMENT_APPROVED, "b", NULL);
	add_comment(b, c, "d", "2020-01-04", COMMENT_APPROVED, "a", NULL); /* hangs off it */
	add_comment(b, c, "e", "2020-01-05", COMMENT_APPROVED, "f", NULL); /* a second cycle */
	add_comment(b, c, "f", "2020-01-06", COMMENT_APPROVED, "e", NULL);
	add_comment(b, c, "ok", "2020-01-07", COMMENT_APPROVED, NULL, NULL);
	qa_stats st = {0};
	int errors;
	char *x = render(b, c, &st, &errors, NULL);
	ck_assert_int_eq(errors, 2); /* one per cycle */
	ck_assert_int_eq(st.in_book, 1);
	ck_assert(has(x, "comment-ok\""));
	ck_assert(!has(x, "comment-a\""));
	ck_assert(!has(x, "comment-d\""));
	free(x);
	book_free(b);
}
END_TEST

START_TEST(test_error_self_reply)
{
	chapter *c;
	book *b = new_book("en", osteo_text, &c);
	add_comment(b, c, "me", "2020-01-01", COMMENT_APPROVED, "me", NULL);
	qa_stats st = {0};
	int errors;
	char *x = render(b, c, &st, &errors, NULL);
	ck_assert_int_eq(errors, 1);
	ck_assert_int_eq(st.in_book, 0);
	ck_assert(!has(x, "comment-me"));
	free(x);
	book_free(b);
}
END_TEST

/* ---- content ---- */

static void
check_no_active(xmlNodePtr n)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		const char *name = (const char *)n->name;
		ck_assert_msg(strcmp(name, "script") && strcmp(name, "img") &&
		                  strcmp(name, "iframe") && strcmp(name, "object"),
		              "<%s> in a comment", name);
		for (xmlAttrPtr a = n->properties; a; a = a->next) {
			const char *an = (const char *)a->name;
			ck_assert_msg(strncmp(an, "on", 2) != 0, "%s on <%s>", an, name);
			ck_assert_msg(strcmp(an, "src") != 0, "src on <%s>", name);
			if (!strcmp(an, "href")) {
				xmlChar *v = xmlGetProp(n, BAD_CAST "href");
				ck_assert_msg(v[0] == '#' || !strncmp((const char *)v, "https://", 8),
				              "href %s", v);
				ck_assert(strstr((const char *)v, "passwd") == NULL);
				xmlFree(v);
			}
		}
		check_no_active(n->children);
	}
}

START_TEST(test_hostile_content)
{
	chapter *c;
	book *b = new_book("en", osteo_text, &c);
	add_comment(b, c, "evil", "2020-01-01", COMMENT_APPROVED, NULL,
	            "<script>alert(document.cookie)</script>\n\n"
	            "Look <img src=x onerror=\"alert(1)\"> and "
	            "<a href=\"javascript:alert(2)\">click</a>.\n\n"
	            "![x](../../etc/passwd) and [local](file:///etc/passwd) and "
	            "[rel](../../etc/passwd) and <b onmouseover=\"x()\">bold</b>\n\n"
	            "<iframe src=\"https://evil.example\"></iframe>\n\n"
	            "[ok](https://example.org/page)\n");
	comment *cm = b->comments[0];
	free(cm->author);
	cm->author = xstrdup("<script>alert('name')</script>");
	cm->author_url = xstrdup("javascript:alert(3)");
	int errors;
	char *x = render(b, c, NULL, &errors, NULL);
	ck_assert_int_eq(errors, 0);
	ck_assert(!has(x, "<script"));
	ck_assert(!has(x, "<iframe"));
	ck_assert(!has(x, "<img"));
	ck_assert(!has(x, "<b "));
	ck_assert(!has(x, "<a href=\"javascript:"));
	ck_assert(!has(x, "href=\"file:"));
	/* "onerror" and "javascript:" are only ever text: no element has an
	 * event handler, a src, or an href that is not http(s) or a fragment. */
	xmlNodePtr body = xmlDocGetRootElement(page_doc)->children;
	while (body && (body->type != XML_ELEMENT_NODE || strcmp((const char *)body->name, "body")))
		body = body->next;
	ck_assert_ptr_nonnull(body);
	check_no_active(body->children);
	/* No href or src names passwd. */
	for (const char *p = strstr(x, "href=\""); p; p = strstr(p + 1, "href=\"")) {
		const char *end = strchr(p + 6, '"');
		ck_assert(end != NULL);
		char *v = xstrndup(p + 6, (size_t)(end - p - 6));
		ck_assert_msg(!has(v, "passwd"), "href %s", v);
		free(v);
	}
	/* Raw HTML shows as text. */
	ck_assert(has(x, "&lt;script&gt;alert(document.cookie)&lt;/script&gt;"));
	ck_assert(has(x, "&lt;img src=x onerror=\"alert(1)\"&gt;") ||
	          has(x, "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"));
	ck_assert(has(x, "<bdi class=\"qa-author\">&lt;script&gt;alert('name')&lt;/script&gt;"));
	/* The safe link stays. */
	ck_assert(has(x, "href=\"https://example.org/page\""));
	check_doc_ids(c);
	free(x);
	book_free(b);
}
END_TEST

/* Comment ids of any shape make valid, unique element ids; footnotes of
 * different comments keep apart. */
START_TEST(test_ids_sanitised)
{
	chapter *c;
	book *b = new_book("en", osteo_text, &c);
	const char *ids[] = {"1 weird/id?", "a b", "a-b", "\u00fcn\u00efcode", "\u00e9t\u00e9",
	                     "--", "thread-x", "x", "x-title", "reader-qa"};
	for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
		add_comment(b, c, ids[i], "2020-01-01", COMMENT_APPROVED, NULL,
		            "Text with a note.[^1]\n\n[^1]: The note.\n");
	add_comment(b, c, "reply", "2020-01-02", COMMENT_APPROVED, "a b", "A reply.[^1]\n\n"
	                                                                  "[^1]: Its note.\n");
	int errors;
	char *x = render(b, c, NULL, &errors, NULL);
	ck_assert_int_eq(errors, 0);
	ck_assert(has(x, "id=\"comment-1-weird-id\""));
	ck_assert(has(x, "id=\"comment-a-b\""));
	ck_assert(has(x, "id=\"comment-a-b-2\""));
	ck_assert(has(x, "id=\"comment-reader-qa\""));
	ck_assert(has(x, "id=\"comment-unicode\"")); /* accents dropped */
	ck_assert(has(x, "id=\"comment-ete\""));
	ck_assert(has(x, "id=\"thread-x-title-2\"")); /* "x-title" meets x's heading */
	check_doc_ids(c);
	/* Eleven notes, each with its own id. */
	size_t notes = 0;
	for (const char *p = strstr(x, "epub:type=\"footnote\""); p;
	     p = strstr(p + 1, "epub:type=\"footnote\""))
		notes++;
	ck_assert_uint_eq(notes, 11);
	free(x);
	book_free(b);
}
END_TEST

START_TEST(test_thread_headings)
{
	chapter *c;
	book *b = new_book("en", osteo_text, &c);
	add_comment(b, c, "short", "2020-01-01", COMMENT_APPROVED, NULL, "Is it **the rib**?");
	add_comment(b, c, "empty", "2020-01-02", COMMENT_APPROVED, NULL, "");
	add_comment(b, c, "long", "2020-01-03", COMMENT_APPROVED, NULL,
	            "Supercalifragilisticexpialidocious-"
	            "supercalifragilisticexpialidocious-supercalifragilisticexpialidocious "
	            "word");
	add_comment(b, c, "heading", "2020-01-04", COMMENT_APPROVED, NULL,
	            "# My own heading\n\nAnd text.");
	char *x = render(b, c, NULL, NULL, NULL);
	ck_assert_uint_eq(c->toc.n, 5);
	ck_assert_str_eq(toc_title(&c->toc, 1), "Is it the rib?");
	ck_assert_str_eq(toc_title(&c->toc, 2), "Reader empty"); /* the author's name */
	ck_assert(strlen(toc_title(&c->toc, 3)) <= 80 + 3);
	ck_assert(str_ends_with(toc_title(&c->toc, 3), "\u2026"));
	ck_assert_str_eq(toc_title(&c->toc, 4), "My own heading And text.");
	/* A reader's h1 comes under the thread's h2. */
	ck_assert(has(x, "<h3>My own heading</h3>"));
	ck_assert(!has(x, "<h1>My own"));
	free(x);
	book_free(b);
}
END_TEST

START_TEST(test_author_url)
{
	chapter *c;
	book *b = new_book("en", osteo_text, &c);
	comment *a = add_comment(b, c, "web", "2020-01-01", COMMENT_APPROVED, NULL, NULL);
	a->author_url = xstrdup("https://reader.example.org/about");
	comment *m = add_comment(b, c, "mail", "2020-01-02", COMMENT_APPROVED, NULL, NULL);
	m->author_url = xstrdup("mailto:reader@example.org");
	comment *s = add_comment(b, c, "space", "2020-01-03", COMMENT_APPROVED, NULL, NULL);
	s->author_url = xstrdup("https://exa mple.org/");
	int warnings;
	char *x = render(b, c, NULL, NULL, &warnings);
	ck_assert(has(x, "<bdi class=\"qa-author\"><a href=\"https://reader.example.org/about\">"
	                 "Reader web</a></bdi>"));
	ck_assert(has(x, "<bdi class=\"qa-author\">Reader mail</bdi>"));
	ck_assert(!has(x, "mailto:"));
	ck_assert(!has(x, "exa mple"));
	ck_assert_int_eq(warnings, 2);
	free(x);
	book_free(b);
}
END_TEST

/* A commenter's name that reverses the text around it (U+202E) stays
 * inside its own <bdi>: mkbook's "asked" and the date keep their order. */
START_TEST(test_byline_isolates_name)
{
	chapter *c;
	book *b = new_book("en", osteo_text, &c);
	comment *cm = add_comment(b, c, "q", "2020-01-05", COMMENT_APPROVED, NULL, NULL);
	free(cm->author);
	cm->author = xstrdup("Eve \u202Edeksa\u202C");
	char *x = render(b, c, NULL, NULL, NULL);
	ck_assert(has(x, "<bdi class=\"qa-author\">Eve \u202Edeksa\u202C</bdi> asked <time"));
	free(x);
	book_free(b);
}
END_TEST

/* Languages whose "asked" is a noun get "NAME · 質問 · DATE". */
START_TEST(test_byline_languages)
{
	chapter *c;
	book *b = new_book("ja", osteo_text, &c);
	add_comment(b, c, "q", "2020-01-05", COMMENT_APPROVED, NULL, NULL);
	char *x = render(b, c, NULL, NULL, NULL);
	ck_assert(has(x, "</bdi> \u00b7 \u8cea\u554f \u00b7 <time datetime=\"2020-01-05\">"));
	free(x);
	book_free(b);
	b = new_book("de", osteo_text, &c);
	add_comment(b, c, "q", "2020-01-05", COMMENT_APPROVED, NULL, NULL);
	x = render(b, c, NULL, NULL, NULL);
	ck_assert(has(x, "</bdi> fragte <time datetime=\"2020-01-05\">"));
	free(x);
	book_free(b);
}
END_TEST

/* A long chain of replies: no recursion trouble, bounded nesting. */
START_TEST(test_long_reply_chain)
{
	chapter *c;
	book *b = new_book("en", osteo_text, &c);
	enum { N = 3000 };
	add_comment(b, c, "n0", "2020-01-01", COMMENT_APPROVED, NULL, NULL);
	for (int i = 1; i < N; i++) {
		char id[16], parent[16];
		snprintf(id, sizeof id, "n%d", i);
		snprintf(parent, sizeof parent, "n%d", i - 1);
		add_comment(b, c, id, "2020-01-02", COMMENT_APPROVED, parent, "Reply.");
	}
	qa_stats st = {0};
	int errors;
	char *x = render(b, c, &st, &errors, NULL);
	ck_assert_int_eq(errors, 0);
	ck_assert_int_eq(st.in_book, N);
	/* Count the deepest nesting of articles. */
	int depth = 0;
	for (xmlNodePtr n = find_id(xmlDocGetRootElement(page_doc), "comment-n2999"); n;
	     n = n->parent)
		if (n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, "article"))
			depth++;
	ck_assert_int_le(depth, 8);
	ck_assert_uint_lt(at(x, "id=\"comment-n100\""), at(x, "id=\"comment-n101\""));
	free(x);
	book_free(b);
}
END_TEST

/* Random reply graphs (a fixed seed): cycles, unknown and repeated ids,
 * every status. Whatever the graph, the counts add up and the page's ids
 * are valid, unique and all found. */
START_TEST(test_random_graphs)
{
	unsigned long long seed = 0x9e3779b97f4a7c15ull + (unsigned long long)_i;
	for (int round = 0; round < 20; round++) {
		chapter *c;
		book *b = new_book("en", osteo_text, &c);
		int n = 1 + (int)((seed >> 33) % 60);
		for (int i = 0; i < n; i++) {
			seed = seed * 6364136223846793005ull + 1442695040888963407ull;
			unsigned r = (unsigned)(seed >> 33);
			char id[16], to[16], date[16];
			snprintf(id, sizeof id, "c%u", r % 7 == 0 ? r % 5 : (unsigned)i);
			snprintf(to, sizeof to, "c%u", (r >> 4) % (unsigned)(n + 2));
			snprintf(date, sizeof date, "2020-0%u-1%u", 1 + (r >> 8) % 9, (r >> 12) % 10);
			enum comment_status st = (r >> 16) % 5 == 0   ? COMMENT_PENDING
			                         : (r >> 16) % 5 == 1 ? COMMENT_SPAM
			                                              : COMMENT_APPROVED;
			comment *cm = add_comment(b, c, id, date, st, (r >> 20) % 3 ? to : NULL,
			                          (r >> 22) % 2 ? "Text.[^n]\n\n[^n]: Note.\n" : "");
			cm->by_author = (r >> 24) % 4 == 0;
		}
		qa_stats st = {0};
		int errors;
		char *x = render(b, c, &st, &errors, NULL);
		ck_assert_int_le(st.in_book + st.pending + st.spam + st.orphaned, n);
		if (errors == 0)
			ck_assert_int_eq(st.in_book + st.pending + st.spam + st.orphaned, n);
		check_doc_ids(c);
		size_t threads = 0;
		for (const char *p = strstr(x, "class=\"qa-thread\""); p;
		     p = strstr(p + 1, "class=\"qa-thread\""))
			threads++;
		ck_assert_uint_eq(c->toc.n, 1 + threads);
		free(x);
		book_free(b);
	}
}
END_TEST

/* ---- spam ---- */

static int
score(const book *b, const comment *cm)
{
	strbuf r = {0};
	int s = qa_spam_score(b, cm, &r);
	if (getenv("MKBOOK_QA_SCORES"))
		fprintf(stderr, "%-12s %2d  %s\n", cm->id, s, r.data ? r.data : "");
	strbuf_free(&r);
	return s;
}

/* The sample book (run from the repository's top folder) with every
 * chapter's Markdown read back from its file, as it is when the spam check
 * runs in --check (after every chapter is rendered). */
static book *
load_sample_book(void)
{
	ck_assert_msg(access("manuscript/book.yaml", R_OK) == 0,
	              "run the unit tests from the repository's top folder");
	book *b = manuscript_load("manuscript");
	ck_assert_ptr_nonnull(b);
	for (size_t i = 0; i < b->nchapters; i++)
		ck_assert_int_eq(manuscript_load_body(b->chapters[i]), 0);
	return b;
}

static chapter *
first_qa(book *b)
{
	for (size_t i = 0; i < b->nchapters; i++)
		if (b->chapters[i]->kind == CHAPTER_QA)
			return b->chapters[i];
	return NULL;
}

/* The sample book (run from the repository's top folder): both spam
 * comments are flagged, neither genuine one. */
START_TEST(test_spam_sample_book)
{
	diag_reset();
	book *b = load_sample_book();
	ck_assert_int_eq(diag_error_count(), 0);
	chapter *c = first_qa(b);
	ck_assert_ptr_nonnull(c);
	ck_assert_uint_eq(c->ncomments, 4);
	for (size_t i = 0; i < c->ncomments; i++) {
		comment *cm = c->comments[i];
		int s = score(b, cm);
		if (cm->status == COMMENT_SPAM)
			ck_assert_msg(s >= QA_SPAM_THRESHOLD, "%s: %d", cm->id, s);
		else
			ck_assert_msg(s < QA_SPAM_THRESHOLD, "%s: %d", cm->id, s);
	}
	/* --check warns about exactly the two once they are not marked. */
	for (size_t i = 0; i < c->ncomments; i++)
		c->comments[i]->status = COMMENT_APPROVED;
	diag_reset();
	qa_flag_spam(b, c);
	ck_assert_int_eq(diag_warning_count(), 2);
	ck_assert_int_eq(diag_error_count(), 0);
	/* ...and not about those already marked spam. */
	for (size_t i = 0; i < c->ncomments; i++)
		if (strstr(c->comments[i]->file, "03-") || strstr(c->comments[i]->file, "04-"))
			c->comments[i]->status = COMMENT_SPAM;
	diag_reset();
	qa_flag_spam(b, c);
	ck_assert_int_eq(diag_warning_count(), 0);
	diag_reset();
	book_free(b);
}
END_TEST

/* Cases of our own, against a short article on the same subject. */
static const struct spam_case {
	const char *id;
	bool spam;
	const char *author;
	const char *author_url;
	const char *body;
} spam_cases[] = {
    /* Genuine. */
    {"question", false, "Maria K.", NULL,
     "Does this also explain the knots I get between my shoulder blades after a long day "
     "at the desk? Stretching helps for an hour and then they come right back."},
    {"thanks", false, "Tom", NULL, "Thank you, this finally makes sense to me."},
    {"link", false, "Priya", NULL,
     "You mention that muscles tighten over an inflamed organ. Is that the same thing as "
     "the guarding described here: https://en.wikipedia.org/wiki/Guarding_(medicine)? I had "
     "never connected it with knots in the back."},
    {"critical", false, "J. Berg", "https://jberg-massage.example.com/",
     "I'm not convinced. As a massage therapist I see plenty of knots that go away with "
     "regular work on the muscle itself, and your theory doesn't explain why athletes who "
     "train hard still get them. Some evidence would help your case."},
    {"story", false, "Wen", NULL,
     "My neck knot disappeared after an osteopath treated a rib joint that had been stuck "
     "for months. Nobody had looked there before."},
    {"products", false, "Sam", NULL,
     "What is the best way to wiggle the joint at home? Would a cheap massage ball do the "
     "job, or do I need someone to treat it?"},
    {"own-site", false, "Ana", NULL,
     "In [your other post](https://www.daniellopezdo.com/rib-pain/) you said the rib can "
     "cause shoulder pain. Could that be why my left shoulder knot never relaxes?"},
    {"off-topic", false, "Lee", NULL,
     "My oven does not get hotter than 220 degrees; the loaf came out pale but tasty."},
    {"spanish", false, "Lucía", NULL,
     "\u00bfEsto tambi\u00e9n sirve para los nudos en la espalda baja? Tengo dolor desde "
     "hace meses."},
    {"see-also", false, "Kim", NULL,
     "Is this what physiotherapists call muscle guarding? "
     "https://en.wikipedia.org/wiki/Guarding_(medicine)"},
    /* Spam. */
    {"seo", true, "RankBoost Agency", "https://rank-boost-seo.example.com",
     "Looking to rank higher on Google? Our SEO agency offers affordable link building and "
     "guest post services. Contact us today at https://rank-boost-seo.example.com for a free "
     "audit."},
    {"crypto", true, "Linda Grace", NULL,
     "I lost 3 BTC to a fake trading platform last year. Thanks to Mark, a legit recovery "
     "expert, I got every coin back within a week. Reach him on WhatsApp or Telegram, he is "
     "the best."},
    {"nice-post", true, "foam roller reviews", NULL,
     "Nice post, thanks for sharing! I wrote something similar here: "
     "https://www.fitgear-deals.example.net/blog/top-10-foam-rollers"},
    {"two-links", true, "EssayHelp", NULL,
     "Great information. Visit https://essaywriters.example.org and "
     "https://homework-help.example.org when you need help with your homework."},
    {"cyrillic", true, "Kazino", NULL,
     "\u041b\u0443\u0447\u0448\u0438\u0435 \u043e\u043d\u043b\u0430\u0439\u043d "
     "\u043a\u0430\u0437\u0438\u043d\u043e \u0441 \u0431\u044b\u0441\u0442\u0440\u044b\u043c "
     "\u0432\u044b\u0432\u043e\u0434\u043e\u043c \u0434\u0435\u043d\u0435\u0433! "
     "\u0420\u0435\u0433\u0438\u0441\u0442\u0440\u0438\u0440\u0443\u0439\u0441\u044f "
     "\u0441\u0435\u0433\u043e\u0434\u043d\u044f \u0438 \u043f\u043e\u043b\u0443\u0447\u0438 "
     "\u0431\u043e\u043d\u0443\u0441."},
    {"han", true, "xiezuo", NULL,
     "\u4e13\u4e1a\u4ee3\u5199\u8bba\u6587\uff0c\u4ef7\u683c\u4f18\u60e0\uff0c\u8d28\u91cf"
     "\u4fdd\u8bc1\uff0c\u6b22\u8fce\u54a8\u8be2\u3002"},
    {"chairs", true, "ErgoSeat", NULL,
     "Elevate your everyday comfort with our premium ergonomic office chairs. Crafted with "
     "breathable mesh and exclusive lumbar technology, they are the ultimate choice for "
     "professionals. Shop now and enjoy free shipping!"},
    {"bare-link", true, "Joe", NULL, "Thanks! https://cheap-rollers.example.shop/"},
    {"mod-apk", true, "apkpure mods", NULL,
     "Download the latest mod apk for free, unlimited coins and no ads. Click here."},
};

/* Each case against the short article above (_i even) and against the
 * sample book's manuscript (_i odd). */
START_TEST(test_spam_cases)
{
	const struct spam_case *k = &spam_cases[_i / 2];
	chapter *c;
	book *b;
	if (_i % 2 == 0) {
		b = new_book("en", osteo_text, &c);
	} else {
		b = load_sample_book();
		c = NULL;
	}
	comment *cm = add_comment(b, c, k->id, "2024-01-01", COMMENT_PENDING, NULL, k->body);
	free(cm->author);
	cm->author = xstrdup(k->author);
	cm->author_url = xstrdup(k->author_url);
	strbuf r = {0};
	int s = score(b, cm);
	if (k->spam)
		ck_assert_msg(s >= QA_SPAM_THRESHOLD, "%s should be flagged (%d)", k->id, s);
	else
		ck_assert_msg(s < QA_SPAM_THRESHOLD, "%s should pass (%d)", k->id, s);
	/* A comment with a score says why, one without says nothing. */
	ck_assert_int_eq(qa_spam_score(b, cm, &r), s);
	if (s > 0)
		ck_assert(r.len > 0);
	else
		ck_assert_uint_eq(r.len, 0);
	strbuf_free(&r);
	book_free(b);
}
END_TEST

/* The author's own replies are never flagged, whatever they say. */
START_TEST(test_spam_author_never)
{
	chapter *c;
	book *b = new_book("en", osteo_text, &c);
	comment *cm = add_comment(b, c, "a", "2024-01-01", COMMENT_APPROVED, NULL,
	                          "Discover my premium course! Buy now: https://courses.example");
	ck_assert_int_ge(qa_spam_score(b, cm, NULL), QA_SPAM_THRESHOLD);
	cm->by_author = true;
	ck_assert_int_eq(qa_spam_score(b, cm, NULL), 0);
	diag_reset();
	qa_flag_spam(b, c);
	ck_assert_int_eq(diag_warning_count(), 0);
	diag_reset();
	book_free(b);
}
END_TEST

static const char russian_text[] =
    "# \u0417\u0430\u043a\u0432\u0430\u0441\u043a\u0430\n\n"
    "\u0420\u0436\u0430\u043d\u0430\u044f \u0437\u0430\u043a\u0432\u0430\u0441\u043a\u0430 "
    "\u043b\u044e\u0431\u0438\u0442 \u0442\u0435\u043f\u043b\u043e. \u041a\u043e\u0440\u043c"
    "\u0438\u0442\u0435 \u0435\u0451 \u043c\u0443\u043a\u043e\u0439 \u0438 \u0432\u043e\u0434"
    "\u043e\u0439 \u043a\u0430\u0436\u0434\u044b\u0439 \u0434\u0435\u043d\u044c, "
    "\u0438 \u0445\u043b\u0435\u0431 \u0431\u0443\u0434\u0435\u0442 "
    "\u043f\u044b\u0448\u043d\u044b\u043c.\n";

/* A book in Russian: a Russian question passes, English casino spam and a
 * Chinese advertisement do not. */
START_TEST(test_spam_other_language_book)
{
	chapter *c;
	book *b = new_book("ru", russian_text, &c);
	comment *q = add_comment(b, c, "ru-q", "2024-01-01", COMMENT_PENDING, NULL,
	                         "\u0410 \u043c\u043e\u0436\u043d\u043e \u043b\u0438 "
	                         "\u043a\u043e\u0440\u043c\u0438\u0442\u044c "
	                         "\u0437\u0430\u043a\u0432\u0430\u0441\u043a\u0443 "
	                         "\u0446\u0435\u043b\u044c\u043d\u043e\u0437\u0435\u0440"
	                         "\u043d\u043e\u0432\u043e\u0439 \u043c\u0443\u043a\u043e"
	                         "\u0439?");
	comment *en = add_comment(b, c, "en-spam", "2024-01-01", COMMENT_PENDING, NULL,
	                          "Best online casino bonuses of the year, click here to claim "
	                          "yours.");
	comment *zh = add_comment(b, c, "zh-spam", "2024-01-01", COMMENT_PENDING, NULL,
	                          "\u4e13\u4e1a\u4ee3\u5199\u8bba\u6587\uff0c\u4ef7\u683c\u4f18"
	                          "\u60e0\uff0c\u8d28\u91cf\u4fdd\u8bc1\u3002");
	ck_assert_int_lt(score(b, q), QA_SPAM_THRESHOLD);
	ck_assert_int_ge(score(b, en), QA_SPAM_THRESHOLD);
	ck_assert_int_ge(score(b, zh), QA_SPAM_THRESHOLD);
	book_free(b);
	/* Japanese: its own scripts are at home, a short Latin name is too. */
	b = new_book("ja", "\u7b4b\u8089\u306e\u30b3\u30ea\u306b\u3064\u3044\u3066\u3002", &c);
	q = add_comment(b, c, "ja-q", "2024-01-01", COMMENT_PENDING, NULL,
	                "\u80a9\u306e\u30b3\u30ea\u306f\u3069\u3046\u3057\u305f\u3089\u3044"
	                "\u3044\u3067\u3059\u304b\uff1fDr. Lopez");
	ck_assert_int_lt(score(b, q), QA_SPAM_THRESHOLD);
	book_free(b);
}
END_TEST

Suite *
qa_suite(void)
{
	Suite *s = suite_create("qa");
	TCase *t = tcase_create("threads");
	tcase_add_test(t, test_threads_nested_by_date);
	tcase_add_test(t, test_order_ties_and_zones);
	tcase_add_test(t, test_order_without_dates);
	tcase_add_test(t, test_moderation_states);
	tcase_add_loop_test(t, test_no_approved_comments, 0, 2);
	tcase_add_test(t, test_error_duplicate_id);
	tcase_add_test(t, test_error_unknown_reply_to);
	tcase_add_test(t, test_error_cycle);
	tcase_add_test(t, test_error_self_reply);
	tcase_add_test(t, test_long_reply_chain);
	tcase_add_loop_test(t, test_random_graphs, 0, 5);
	tcase_set_timeout(t, 60);
	tcase_add_checked_fixture(t, NULL, free_page);
	suite_add_tcase(s, t);

	TCase *r = tcase_create("rendering");
	tcase_add_test(r, test_hostile_content);
	tcase_add_test(r, test_ids_sanitised);
	tcase_add_test(r, test_thread_headings);
	tcase_add_test(r, test_author_url);
	tcase_add_test(r, test_byline_languages);
	tcase_add_test(r, test_byline_isolates_name);
	tcase_add_checked_fixture(r, NULL, free_page);
	suite_add_tcase(s, r);

	TCase *p = tcase_create("spam");
	tcase_add_test(p, test_spam_sample_book);
	tcase_add_loop_test(p, test_spam_cases, 0,
	                    2 * (int)(sizeof spam_cases / sizeof spam_cases[0]));
	tcase_add_test(p, test_spam_author_never);
	tcase_add_test(p, test_spam_other_language_book);
	suite_add_tcase(s, p);
	return s;
}
