/* Unit tests: diag (the message format and its escaping). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

Suite *diag_suite(void);

/* Every class of character a message must not print as it is, once. */
static const struct {
	const char *in, *want;
} escapes[] = {
	{"plain text, caf\xc3\xa9, \xe6\x97\xa5\xe6\x9c\xac", "plain text, caf\xc3\xa9, \xe6\x97\xa5\xe6\x9c\xac"},
	{"a\nb", "a\\nb"},
	{"a\tb\rc", "a\\tb\\rc"},
	{"\x1b[2J\x07", "\\x1b[2J\\x07"},
	{"\x01\x1f\x7f", "\\x01\\x1f\\x7f"},
	{"\xc2\x80\xc2\x9b\xc2\x9f", "\\u0080\\u009B\\u009F"},
	{"\xc2\xa0", "\xc2\xa0"}, /* U+00A0 is not a control */
	{"\xd8\x9c", "\\u061C"},
	{"\xe2\x80\x8e\xe2\x80\x8f", "\\u200E\\u200F"},
	{"\xe2\x80\xa8\xe2\x80\xa9", "\\u2028\\u2029"},
	{"\xe2\x80\xaa\xe2\x80\xae", "\\u202A\\u202E"},
	{"\xe2\x81\xa6\xe2\x81\xa9", "\\u2066\\u2069"},
	{"\xe2\x80\x8d", "\xe2\x80\x8d"}, /* U+200D (joiner) is kept */
	{"j\x9bk\xff", "j\\x9bk\\xff"},
	{"\xe2\x80", "\\xe2\\x80"}, /* a cut sequence */
	{"\xc0\xaf", "\\xc0\\xaf"}, /* an overlong '/' */
};

START_TEST(test_escape)
{
	strbuf sb = {0};
	diag_escape(&sb, escapes[_i].in);
	strbuf_putc(&sb, '\0');
	ck_assert_str_eq(sb.data, escapes[_i].want);
	strbuf_free(&sb);
}
END_TEST

/* The message of one diag_report call, as it would be printed. */
static char *
report(enum diag_level level, const char *file, int line, int col, const char *msg)
{
	strbuf sb = {0};
	diag_set_quiet(false);
	diag_capture(&sb);
	diag_report(level, file, line, col, "%s", msg);
	diag_capture(NULL);
	diag_set_quiet(true);
	strbuf_putc(&sb, '\0');
	return strbuf_take(&sb);
}

START_TEST(test_format)
{
	static const struct {
		enum diag_level level;
		const char *file;
		int line, col;
		const char *msg, *want;
	} cases[] = {
		{DIAG_ERROR, "book/a.md", 3, 6, "bad", "book/a.md:3:6: error: bad\n"},
		{DIAG_WARNING, "book/a.md", 3, 0, "odd", "book/a.md:3: warning: odd\n"},
		{DIAG_WARNING, "book/a.md", 0, 0, "odd", "book/a.md: warning: odd\n"},
		{DIAG_NOTE, NULL, 0, 0, "by the way", "mkbook: note: by the way\n"},
		{DIAG_ERROR, "", 0, 0, "no file", "mkbook: error: no file\n"},
		{DIAG_WARNING, "x\n.md", 1, 1, "y\x1b", "x\\n.md:1:1: warning: y\\x1b\n"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = report(cases[i].level, cases[i].file, cases[i].line, cases[i].col,
		                   cases[i].msg);
		ck_assert_str_eq(got, cases[i].want);
		free(got);
	}
	diag_reset();
}
END_TEST

Suite *
diag_suite(void)
{
	Suite *s = suite_create("diag");
	TCase *tc = tcase_create("core");
	tcase_add_loop_test(tc, test_escape, 0, (int)(sizeof escapes / sizeof escapes[0]));
	tcase_add_test(tc, test_format);
	suite_add_tcase(s, tc);
	return s;
}
