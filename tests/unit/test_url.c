/* Unit tests: url, the one policy for web addresses. Every case is one row
 * of the table below. */
#include <check.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "url.h"

static const struct {
	const char *url;
	bool author;    /* url_is_safe(url, false) */
	bool reader;    /* url_is_safe(url, true) */
	bool absolute;  /* url_has_scheme(url) */
} cases[] = {
    /* schemes the book allows */
    {"http://example.com/", true, true, true},
    {"https://example.com/a:b", true, true, true},
    {"mailto:a@b.c", true, true, true},
    {"tel:+15550100", true, false, true},
    {"ftp://example.com/f", true, false, true},
    /* case and what browsers ignore in a scheme do not matter */
    {"HTTPS://example.com/", true, true, true},
    {"MailTo:a@b.c", true, true, true},
    {" \t\nhttp://example.com/", true, true, true},
    {"ht\ttp://example.com/", true, true, true},
    /* active or local schemes, however written */
    {"javascript:alert(1)", false, false, true},
    {"JaVaScRiPt:alert(1)", false, false, true},
    {" java\tscript:alert(1)", false, false, true},
    {"java\nscr\ript:alert(1)", false, false, true},
    {"\x01javascript:alert(1)", false, false, true},
    {"&#106;avascript:alert(1)", false, false, true},
    {"&#x6A;avascript:alert(1)", false, false, true},
    {"&#X6a;avascript&#58;alert(1)", false, false, true},
    {"&#0000106avascript:alert(1)", false, false, true},
    {"javascript&colon;alert(1)", false, false, true},
    {"java&Tab;script:alert(1)", false, false, true},
    {"&#32;javascript:alert(1)", false, false, true},
    {"http&#0;x:alert(1)", false, false, true},
    {"vbscript:msgbox", false, false, true},
    {"data:text/html,x", false, false, true},
    {"file:///etc/passwd", false, false, true},
    {"averyveryverylongscheme:x", false, false, true},
    {":no-scheme-name", false, false, false},
    /* no scheme: relative for the author, only a fragment for a reader */
    {"other.md#x", true, false, false},
    {"other.md", true, false, false},
    {"#note-1", true, true, false},
    {" #note-1", true, true, false},
    {"a/b:c", true, false, false},
    {"?q=a:b", true, false, false},
    {"", true, false, false},
};

START_TEST(test_url_policy)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ck_assert_msg(url_is_safe(cases[i].url, false) == cases[i].author,
		              "author %s", cases[i].url);
		ck_assert_msg(url_is_safe(cases[i].url, true) == cases[i].reader, "reader %s",
		              cases[i].url);
		ck_assert_msg(url_has_scheme(cases[i].url) == cases[i].absolute, "scheme %s",
		              cases[i].url);
	}
}
END_TEST

START_TEST(test_url_scheme_is)
{
	ck_assert(url_scheme_is("HTTP://x/a.png", "http"));
	ck_assert(url_scheme_is("https://x/a.png", "https"));
	ck_assert(!url_scheme_is("https://x/a.png", "http"));
	ck_assert(!url_scheme_is("a.png", "http"));
}
END_TEST

START_TEST(test_url_web)
{
	static const struct {
		const char *url;
		bool web;   /* url_is_web */
		bool host;  /* url_has_valid_host */
	} web[] = {
	    {"https://example.com/", true, true},
	    {"HTTP://Example.com", true, true},
	    {"https://user@example.com:8080/x", true, true},
	    {"https://example.com./", true, true},
	    {"http:///path", false, false},
	    {"http://", false, false},
	    {"https://exa mple.com/", false, false},
	    {"https://example.com/<x>", false, true},
	    {"https://a..b/", true, false},
	    {"https://a_b.com/", true, false},
	    {"https://a.com:80x/", true, false},
	    {"ftp://example.com/", false, true},
	    {"mailto:a@b.c", false, true},
	    {"other.md", false, true},
	};
	for (size_t i = 0; i < sizeof web / sizeof web[0]; i++) {
		ck_assert_msg(url_is_web(web[i].url) == web[i].web, "web %s", web[i].url);
		ck_assert_msg(url_has_valid_host(web[i].url) == web[i].host, "host %s", web[i].url);
	}
	ck_assert_str_eq(url_web_host("HTTPS://x.org/"), "x.org/");
	ck_assert_ptr_null(url_web_host("www.x.org"));
	ck_assert_ptr_null(url_web_host(NULL));
}
END_TEST

START_TEST(test_url_make_valid)
{
	static const struct {
		const char *in, *out; /* out NULL: refused */
	} examples[] = {
	    {"deleted it", "deleted%20it"},
	    {"  https://a.example/x y  ", "https://a.example/x%20y"},
	    {"https://a.example/p?q=<b>|c", "https://a.example/p?q=%3Cb%3E%7Cc"},
	    {"page.html#a#b", "page.html#a%23b"},
	    {"100%sure", "100%25sure"},
	    {"100%2Fsure", "100%2Fsure"},
	    {"https://a.example/\\x\\", "https://a.example/%5Cx%5C"},
	    {"https://a.exa\nmple/", "https://a.example/"},
	    {"https://a.example:8080/", "https://a.example:8080/"},
	    {"mailto:Ann Lee <ann@a.example>", "mailto:Ann%20Lee%20%3Cann@a.example%3E"},
	    {"caf\xc3\xa9.md", "caf\xc3\xa9.md"},
	    {"", ""},
	    {"https://", NULL},
	    {"https:a.example", NULL},
	    {"https://evil.example\\@good.example/", NULL},
	    {"https://user@good.example/", "https://user@good.example/"},
	    {"https://a.example%5C@good.example/", "https://a.example%5C@good.example/"},
	    {"https://good.example:99999/", NULL},
	    {"https://good.example:8x/", NULL},
	    {"ftp://bad host/", NULL},
	};
	for (size_t i = 0; i < sizeof examples / sizeof examples[0]; i++) {
		char *v = url_make_valid(examples[i].in);
		if (examples[i].out == NULL)
			ck_assert_msg(v == NULL, "%s gave %s", examples[i].in, v);
		else
			ck_assert_msg(v && !strcmp(v, examples[i].out), "%s gave %s", examples[i].in,
			              v ? v : "NULL");
		free(v);
	}
}
END_TEST

Suite *
url_suite(void)
{
	Suite *s = suite_create("url");
	TCase *tc = tcase_create("policy");
	tcase_add_test(tc, test_url_policy);
	tcase_add_test(tc, test_url_scheme_is);
	tcase_add_test(tc, test_url_web);
	tcase_add_test(tc, test_url_make_valid);
	suite_add_tcase(s, tc);
	return s;
}
