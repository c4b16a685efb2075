/* Unit tests: media (image, sound and video types by their bytes and
 * structure, SVG cleaning). */

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

/* Fixtures written here byte by byte: the smallest files whose structure
 * media.c checks. Each helper fills buf and returns the length. */

/* MPEG-1 Layer III, 32 kbit/s, 48 kHz: 96-byte frames. */
static size_t
make_mp3(unsigned char *buf, bool id3, int frames)
{
	size_t n = 0;
	if (id3) {
		memcpy(buf, "ID3\x04\x00\x00\x00\x00\x00\x04", 10);
		memcpy(buf + 10, "pad!", 4); /* the tag's 4 bytes */
		n = 14;
	}
	for (int i = 0; i < frames; i++) {
		memset(buf + n, 0, 96);
		memcpy(buf + n, "\xFF\xFB\x14\x00", 4);
		n += 96;
	}
	return n;
}

static size_t
put_box(unsigned char *buf, const char *type, const unsigned char *payload, size_t len)
{
	size_t n = 8 + len;
	buf[0] = (unsigned char)(n >> 24);
	buf[1] = (unsigned char)(n >> 16);
	buf[2] = (unsigned char)(n >> 8);
	buf[3] = (unsigned char)n;
	memcpy(buf + 4, type, 4);
	if (len)
		memcpy(buf + 8, payload, len);
	return n;
}

/* ftyp with brand, then moov holding one hdlr naming handler (or an empty
 * moov when handler is NULL). */
static size_t
make_mp4(unsigned char *buf, const char *brand, const char *handler)
{
	unsigned char ftyp[12] = {0}, hdlr[25] = {0}, moov[64];
	memcpy(ftyp, brand, 4);
	memcpy(ftyp + 8, brand, 4);
	size_t n = put_box(buf, "ftyp", ftyp, sizeof ftyp);
	size_t m = 0;
	if (handler) {
		memcpy(hdlr + 8, handler, 4);
		m = put_box(moov, "hdlr", hdlr, sizeof hdlr);
	}
	return n + put_box(buf + n, "moov", moov, m);
}

/* One Ogg page beginning a stream, its one packet starting with head. */
static size_t
make_ogg(unsigned char *buf, const char *head, size_t headlen)
{
	memset(buf, 0, 27);
	memcpy(buf, "OggS", 4);
	buf[5] = 0x02;
	buf[26] = 1;
	buf[27] = (unsigned char)headlen;
	memcpy(buf + 28, head, headlen);
	return 28 + headlen;
}

/* An EBML header with doctype, then a Segment of unknown size. */
static size_t
make_ebml(unsigned char *buf, const char *doctype)
{
	size_t k = strlen(doctype), n = 0;
	memcpy(buf, "\x1A\x45\xDF\xA3", 4);
	buf[4] = (unsigned char)(0x80 | (7 + k));
	memcpy(buf + 5, "\x42\x86\x81\x01\x42\x82", 6);
	buf[11] = (unsigned char)(0x80 | k);
	memcpy(buf + 12, doctype, k);
	n = 12 + k;
	memcpy(buf + n, "\x18\x53\x80\x67\xFF", 5);
	return n + 5;
}

START_TEST(test_av_sniff_and_structure)
{
	unsigned char buf[512];
	size_t n = make_mp3(buf, true, 3);
	ck_assert_str_eq(media_sniff_av(buf, n), "audio/mpeg");
	ck_assert_ptr_null(media_av_structure_problem("audio/mpeg", buf, n));
	n = make_mp3(buf, false, 2);
	ck_assert_str_eq(media_sniff_av(buf, n), "audio/mpeg");
	ck_assert_ptr_null(media_av_structure_problem("audio/mpeg", buf, n));
	/* A frame cut short, and a second header that is none. */
	ck_assert_ptr_nonnull(media_av_structure_problem("audio/mpeg", buf, 150));
	buf[97] = 0x00;
	ck_assert_ptr_nonnull(media_av_structure_problem("audio/mpeg", buf, n));
	/* A tag with nothing after it. */
	n = make_mp3(buf, true, 0);
	ck_assert_str_eq(media_sniff_av(buf, n), "audio/mpeg");
	ck_assert_ptr_nonnull(media_av_structure_problem("audio/mpeg", buf, n));

	n = make_mp4(buf, "isom", "vide");
	ck_assert_str_eq(media_sniff_av(buf, n), "video/mp4");
	ck_assert_ptr_null(media_av_structure_problem("video/mp4", buf, n));
	n = make_mp4(buf, "isom", "soun");
	ck_assert_str_eq(media_sniff_av(buf, n), "audio/mp4");
	n = make_mp4(buf, "M4A ", NULL);
	ck_assert_str_eq(media_sniff_av(buf, n), "audio/mp4");
	ck_assert_ptr_null(media_av_structure_problem("audio/mp4", buf, n));
	n = make_mp4(buf, "isom", NULL);
	ck_assert_str_eq(media_sniff_av(buf, n), "video/mp4");
	/* Without its movie box, or a box longer than the file. */
	ck_assert_ptr_nonnull(media_av_structure_problem("video/mp4", buf, 20));
	ck_assert_ptr_nonnull(media_av_structure_problem("video/mp4", buf, n - 1));

	n = make_ogg(buf, "OpusHead\x01\x01\x38\x01\x80\xBB\x00\x00\x00\x00\x00", 19);
	ck_assert_str_eq(media_sniff_av(buf, n), "audio/ogg; codecs=opus");
	ck_assert_ptr_null(media_av_structure_problem("audio/ogg; codecs=opus", buf, n));
	ck_assert_ptr_nonnull(media_av_structure_problem("audio/ogg; codecs=opus", buf, n - 1));
	n = make_ogg(buf, "\x01vorbis", 7);
	ck_assert_str_eq(media_sniff_av(buf, n), "audio/ogg");
	n = make_ogg(buf, "\x80theora", 7);
	ck_assert_str_eq(media_sniff_av(buf, n), "video/ogg");
	buf[5] = 0; /* the first page does not begin a stream */
	ck_assert_ptr_nonnull(media_av_structure_problem("video/ogg", buf, n));

	n = make_ebml(buf, "webm");
	ck_assert_str_eq(media_sniff_av(buf, n), "video/webm");
	ck_assert_ptr_null(media_av_structure_problem("video/webm", buf, n));
	n = make_ebml(buf, "matroska");
	ck_assert_ptr_nonnull(media_av_structure_problem("video/webm", buf, n));
	n = make_ebml(buf, "webm");
	ck_assert_ptr_nonnull(media_av_structure_problem("video/webm", buf, n - 5));

	ck_assert_str_eq(media_sniff_av((const unsigned char *)"RIFF\x04\0\0\0WAVE", 12),
	                 "audio/wav");
	ck_assert_ptr_null(media_sniff_av((const unsigned char *)"<html><body>", 12));
	ck_assert_ptr_null(media_sniff_av((const unsigned char *)"ID3", 3));
}
END_TEST

START_TEST(test_webvtt)
{
	const char *ok = "WEBVTT\n\n00:00.000 --> 00:01.000\nHi.\n";
	ck_assert_ptr_null(media_webvtt_problem((const unsigned char *)ok, strlen(ok)));
	ck_assert_ptr_null(media_webvtt_problem((const unsigned char *)"\xEF\xBB\xBFWEBVTT", 9));
	ck_assert_ptr_null(media_webvtt_problem((const unsigned char *)"WEBVTT - captions\n", 18));
	ck_assert_ptr_nonnull(media_webvtt_problem((const unsigned char *)"WEBVTTX\n", 8));
	ck_assert_ptr_nonnull(media_webvtt_problem((const unsigned char *)"Notes\n", 6));
	ck_assert_ptr_nonnull(media_webvtt_problem((const unsigned char *)"WEBVTT\n\0", 8));
}
END_TEST

START_TEST(test_av_core_types)
{
	ck_assert(media_is_core_audio("audio/mpeg"));
	ck_assert(media_is_core_audio("audio/mp4"));
	ck_assert(media_is_core_audio("audio/ogg; codecs=opus"));
	ck_assert(!media_is_core_audio("audio/ogg"));
	ck_assert(!media_is_core_audio("audio/wav"));
	ck_assert(!media_is_core_audio("video/mp4"));
	ck_assert_str_eq(media_extension("audio/mpeg"), "mp3");
	ck_assert_str_eq(media_extension("audio/ogg; codecs=opus"), "opus");
	ck_assert_str_eq(media_extension("video/webm"), "webm");
}
END_TEST

Suite *
media_suite(void)
{
	Suite *s = suite_create("media");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_media_sniff);
	tcase_add_test(tc, test_svg_cleaned);
	tcase_add_test(tc, test_av_sniff_and_structure);
	tcase_add_test(tc, test_av_core_types);
	tcase_add_test(tc, test_webvtt);
	suite_add_tcase(s, tc);
	return s;
}
