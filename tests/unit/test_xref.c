/* Unit tests: xref.c - links to another chapter's heading, written into
 * the serialised page after the fact. The page patched must be, byte for
 * byte, the page libxml2 writes when the link holds its final href from
 * the start: if our escaping of a fragment and libxml2's ever differ,
 * these fail. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "book.h"
#include "slug.h"
#include "util.h"
#include "xhtml.h"
#include "xref.h"

/* Ids a heading or an author's anchor can have: every printable ASCII
 * character, white space, markup characters, non-ASCII text. */
static void
make_ids(strlist *ids)
{
	for (int ch = 0x21; ch < 0x7F; ch++) {
		char id[8];
		snprintf(id, sizeof id, "a%cb", ch);
		strlist_push(ids, id);
	}
	static const char *const more[] = {
	    "plain",   "two words", "tab\there", "line\nend", "&amp;",  "a&b&c",
	    "<em>x</em>", "q\"q'q",  "caf\u00e9", "\u65e5\u672c\u8a9e", "100%",  "a%20b",
	    "\u00a0nbsp", "emoji-\U0001F600", "]]>",  "--",  NULL};
	for (int i = 0; more[i]; i++)
		strlist_push(ids, more[i]);
}

/* A page with one link per entry of hrefs, serialised. Caller frees. */
static char *
page_with_links(const book *b, char **hrefs, size_t n, size_t *len)
{
	xmlNodePtr body;
	xmlDocPtr doc = xhtml_new_document(b, "text/a.xhtml", "A", NULL, &body);
	xmlNodePtr p = xhtml_add(body, "p", NULL);
	for (size_t i = 0; i < n; i++) {
		xmlNodePtr a = xhtml_add(p, "a", "link");
		xmlSetProp(a, BAD_CAST "href", BAD_CAST hrefs[i]);
	}
	char *out;
	xhtml_serialize(doc, &out, len);
	xmlFreeDoc(doc);
	return out;
}

/* The href a link to id in t.xhtml has when set in the tree; id NULL
 * leads to the page's start. Caller frees. */
static char *
final_href(const char *id)
{
	if (id == NULL)
		return xstrdup("t.xhtml");
	char *frag = slug_fragment(id);
	char *h = xasprintf("t.xhtml#%s", frag);
	free(frag);
	return h;
}

START_TEST(test_xref_patch_writes_what_libxml2_writes)
{
	book *b = book_new(".");
	chapter *target = book_chapter_new(CHAPTER_TEXT);
	strlist ids = {0};
	make_ids(&ids);
	size_t n = ids.n;
	char **placeholders = xcalloc(n, sizeof *placeholders);
	char **finals = xcalloc(n, sizeof *finals);
	xref_list l = {0};
	for (size_t i = 0; i < n; i++) {
		char *written = xasprintf("t.md#%s", ids.items[i]);
		placeholders[i] = xref_add(&l, target, "t.xhtml", written, strlen("t.md#"), 3, 1);
		free(written);
		finals[i] = final_href(ids.items[i]);
	}
	ck_assert_uint_eq(l.n, n);

	/* The guesses: each fragment taken as the id it names. */
	size_t len, want_len;
	char *page = page_with_links(b, placeholders, n, &len);
	xref_patch(&l, &page, &len);
	char *want = page_with_links(b, finals, n, &want_len);
	ck_assert_uint_eq(l.nsites, n);
	ck_assert_uint_eq(len, want_len);
	ck_assert_str_eq(page, want);
	free(want);

	/* Settled: every third link to another id, every fifth to the
	 * chapter's start, the rest as guessed. */
	for (size_t i = 0; i < n; i++) {
		const char *id = ids.items[i];
		char *other = xasprintf("%s-2", id);
		char *same = xstrdup(id); /* the same id, not the same pointer */
		if (i % 5 == 0) {
			xref_resolve(&l.items[i], NULL);
			free(finals[i]);
			finals[i] = final_href(NULL);
		} else if (i % 3 == 0) {
			xref_resolve(&l.items[i], other);
			free(finals[i]);
			finals[i] = final_href(other);
		} else {
			xref_resolve(&l.items[i], same);
			ck_assert_ptr_null(l.items[i].result);
		}
		free(other);
		free(same);
	}
	ck_assert(!xref_guessed_right(&l));
	xref_repatch(&l, &page, &len);
	want = page_with_links(b, finals, n, &want_len);
	ck_assert_uint_eq(len, want_len);
	ck_assert_str_eq(page, want);
	free(want);
	free(page);

	for (size_t i = 0; i < n; i++) {
		free(placeholders[i]);
		free(finals[i]);
	}
	free(placeholders);
	free(finals);
	xref_free(&l);
	strlist_free(&ids);
	book_chapter_free(target);
	book_free(b);
}
END_TEST

/* A fragment that names an id as it is leaves the page as it was. */
START_TEST(test_xref_guess_that_holds)
{
	chapter *target = book_chapter_new(CHAPTER_TEXT);
	xref_list l = {0};
	char *h = xref_add(&l, target, "t.xhtml", "t.md#intro", strlen("t.md#"), 1, 1);
	ck_assert(str_starts_with(h, "t.xhtml#"));
	ck_assert_str_ne(h, "t.xhtml#intro"); /* a placeholder, not the guess */
	xref_resolve(&l.items[0], l.items[0].fragment);
	ck_assert(xref_guessed_right(&l));
	free(h);
	xref_free(&l);
	book_chapter_free(target);
}
END_TEST

/* Text that looks like a placeholder but is not one of the list's is
 * left alone. */
START_TEST(test_xref_foreign_text_kept)
{
	chapter *target = book_chapter_new(CHAPTER_TEXT);
	xref_list l = {0};
	char *h = xref_add(&l, target, "t.xhtml", "t.md#x", strlen("t.md#"), 1, 1);
	const char *mark = strchr(h, '#') + 1;
	size_t mlen = strcspn(mark, "0123456789"); /* the random part */
	char *page = xasprintf("<a href=\"%s\"/> %.*s7. #%.*s99. %.*s0.", h, (int)mlen, mark,
	                       (int)mlen, mark, (int)mlen, mark);
	size_t len = strlen(page);
	char *want = xasprintf("<a href=\"t.xhtml#x\"/> %.*s7. #%.*s99. %.*s0.", (int)mlen, mark,
	                       (int)mlen, mark, (int)mlen, mark);
	xref_patch(&l, &page, &len);
	ck_assert_str_eq(page, want);
	ck_assert_uint_eq(l.nsites, 1);
	free(want);
	free(page);
	free(h);
	xref_free(&l);
	book_chapter_free(target);
}
END_TEST

Suite *
xref_suite(void)
{
	Suite *s = suite_create("xref");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_xref_patch_writes_what_libxml2_writes);
	tcase_add_test(tc, test_xref_guess_that_holds);
	tcase_add_test(tc, test_xref_foreign_text_kept);
	suite_add_tcase(s, tc);
	return s;
}
