/* Unit tests: media (image types by their bytes, SVG cleaning). */

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "media.h"
#include "unit.h"

Suite *media_suite(void);

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
	ck_assert(!unit_has(s, "DOCTYPE"));
	ck_assert(!unit_has(s, "script"));
	ck_assert(!unit_has(s, "onload"));
	ck_assert(!unit_has(s, "evil"));
	ck_assert(!unit_has(s, "foreignObject"));
	ck_assert(unit_has(s, "#a"));
	ck_assert(unit_has(s, "<rect"));
	free(out);
	const char *ent = "<!DOCTYPE svg [<!ENTITY a \"aaaa\">]><svg xmlns=\"http://www.w3.org/2000/svg\">&a;</svg>";
	ck_assert_int_eq(media_clean_svg((const unsigned char *)ent, strlen(ent), &out, &len, &why), -1);
}
END_TEST

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
