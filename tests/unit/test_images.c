/* test_images.c - images are checked by their structure (PNG chunks, JPEG
 * markers, GIF blocks), not trusted by their first bytes (epubcheck
 * PKG-021). The unit tests run from the project's top folder. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "media.h"
#include "util.h"

static unsigned char *
slurp(const char *path, size_t *len)
{
	char *data = NULL;
	ck_assert_int_eq(path_read_file(path, &data, len, 1u << 24), 0);
	return (unsigned char *)data;
}

static const char *const whole_images[] = {
    "tests/books/images/images/cover.png",
    "tests/books/images/images/checker.jpg",
    "tests/books/images/images/stripes.gif",
    "tests/books/metadata/cover.jpg",
};

START_TEST(test_whole_images_pass)
{
	for (size_t i = 0; i < sizeof whole_images / sizeof *whole_images; i++) {
		size_t len;
		unsigned char *d = slurp(whole_images[i], &len);
		const char *type = media_sniff(d, len);
		ck_assert_ptr_nonnull(type);
		const char *why = media_structure_problem(type, d, len);
		ck_assert_msg(why == NULL, "%s: %s", whole_images[i], why);
		free(d);
	}
}
END_TEST

/* Every image cut short anywhere past its signature is refused. */
START_TEST(test_cut_images_fail)
{
	for (size_t i = 0; i < sizeof whole_images / sizeof *whole_images; i++) {
		size_t len;
		unsigned char *d = slurp(whole_images[i], &len);
		const char *type = media_sniff(d, len);
		for (size_t cut = 8; cut < len - 2; cut += cut < 64 ? 1 : 97)
			ck_assert_msg(media_structure_problem(type, d, cut) != NULL, "%s cut at %zu passed",
			              whole_images[i], cut);
		free(d);
	}
}
END_TEST

START_TEST(test_signature_alone_or_with_html_fails)
{
	static const struct {
		const char *bytes;
		size_t len;
	} fakes[] = {
	    {"\x89PNG\r\n\x1a\n", 8},
	    {"\x89PNG\r\n\x1a\n<html><body>not an image</body></html>", 48},
	    {"\xFF\xD8\xFF", 3},
	    {"\xFF\xD8\xFF<script>alert(1)</script>", 28},
	    {"GIF89a", 6},
	    {"GIF89a<!DOCTYPE html><p>text</p>", 32},
	};
	for (size_t i = 0; i < sizeof fakes / sizeof *fakes; i++) {
		const unsigned char *d = (const unsigned char *)fakes[i].bytes;
		const char *type = media_sniff(d, fakes[i].len);
		ck_assert_msg(type != NULL, "case %zu not sniffed", i);
		ck_assert_msg(media_structure_problem(type, d, fakes[i].len) != NULL, "case %zu passed",
		              i);
	}
}
END_TEST

/* A PNG whose chunk data was changed no longer matches its checksum. */
START_TEST(test_png_checksum)
{
	size_t len;
	unsigned char *d = slurp("tests/books/images/images/cover.png", &len);
	d[8 + 8 + 4] ^= 0x01; /* a byte of IHDR's data: the width */
	ck_assert_ptr_nonnull(media_structure_problem("image/png", d, len));
	free(d);
}
END_TEST

Suite *
images_suite(void)
{
	Suite *s = suite_create("images");
	TCase *tc = tcase_create("structure");
	tcase_add_test(tc, test_whole_images_pass);
	tcase_add_test(tc, test_cut_images_fail);
	tcase_add_test(tc, test_signature_alone_or_with_html_fails);
	tcase_add_test(tc, test_png_checksum);
	suite_add_tcase(s, tc);
	return s;
}
