/* test_epub.c - the container's last guard: every text entry must be
 * UTF-8 of characters XML allows. */
#include <check.h>
#include <string.h>

#include "epub.h"

START_TEST(test_bad_xml_char)
{
	static const struct {
		const char *s;
		size_t bad_at; /* 0, or 1 + the offset of the first bad byte */
	} cases[] = {
	    {"plain ASCII <p>text</p>\n\t\r", 0},
	    {"caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80", 0}, /* é, em dash, U+1F600 */
	    {"\xEF\xBF\xBD", 0},                               /* U+FFFD */
	    {"\xEF\xB7\x90 \xF0\x9F\xBF\xBE", 0},              /* U+FDD0, U+1FFFE: allowed */
	    {"a\xFF", 2},                                      /* cmark-gfm's &#xFFFF; */
	    {"ab\xFE", 3},                                     /* and &#xFFFE; */
	    {"x\xEF\xBF\xBF", 2},                              /* U+FFFF */
	    {"x\xEF\xBF\xBE", 2},                              /* U+FFFE */
	    {"\x01", 1},                                       /* C0 control */
	    {"\x7F", 0},                                       /* DEL is an XML character */
	    {"\xC2\x80", 0},                                   /* so is U+0080 */
	    {"\xED\xA0\x80", 1},                               /* a surrogate */
	    {"\xC0\xAF", 1},                                   /* overlong '/' */
	    {"\xE0\x80\xAF", 1},                               /* overlong, 3 bytes */
	    {"\xF4\x90\x80\x80", 1},                           /* beyond U+10FFFF */
	    {"ok\xE2\x80", 3},                                 /* cut short */
	    {"\x80", 1},                                       /* a lone continuation */
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		ck_assert_msg(epub_find_bad_xml_char(cases[i].s, strlen(cases[i].s)) == cases[i].bad_at,
		              "case %zu: expected %zu", i, cases[i].bad_at);
}
END_TEST

/* The scan takes eight printable ASCII bytes at a time: a bad byte is
 * found at every offset of a longer text, and the bytes next to the
 * ASCII range (space, DEL, tab, line feed) are not taken for bad ones. */
START_TEST(test_bad_xml_char_every_offset)
{
	static const unsigned char bad[] = {0x00, 0x01, 0x08, 0x1F, 0x80, 0xBF, 0xFE, 0xFF};
	char buf[41];
	for (size_t len = 1; len <= 40; len++) {
		memset(buf, ' ', len);
		buf[len - 1] = '\x7F';
		ck_assert_uint_eq(epub_find_bad_xml_char(buf, len), 0);
		for (size_t at = 0; at < len; at++) {
			for (size_t k = 0; k < sizeof bad; k++) {
				memset(buf, 'a', len);
				if (at > 0)
					buf[at - 1] = '\n';
				buf[at] = (char)bad[k];
				ck_assert_msg(epub_find_bad_xml_char(buf, len) == at + 1,
				              "length %zu, byte 0x%02X at %zu", len, bad[k], at);
			}
		}
	}
}
END_TEST

Suite *
epub_suite(void)
{
	Suite *s = suite_create("epub");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_bad_xml_char);
	tcase_add_test(tc, test_bad_xml_char_every_offset);
	suite_add_tcase(s, tc);
	return s;
}
