/* media.c - image, sound and video types by their bytes, SVG sanitising. */
#include "media.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <libdeflate.h>
#include <strings.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "css.h"
#include "util.h"
#include "xhtml.h"

#define SVG_NS "http://www.w3.org/2000/svg"
#define MEDIA_MAX_SVG_TAGS 500000
#define MEDIA_MAX_SVG_TAGS_TEXT "500,000"

const char *
media_sniff(const unsigned char *d, size_t len)
{
	if (len >= 8 && memcmp(d, "\x89PNG\r\n\x1a\n", 8) == 0)
		return "image/png";
	if (len >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF)
		return "image/jpeg";
	if (len >= 6 && (memcmp(d, "GIF87a", 6) == 0 || memcmp(d, "GIF89a", 6) == 0))
		return "image/gif";
	if (len >= 12 && memcmp(d, "RIFF", 4) == 0 && memcmp(d + 8, "WEBP", 4) == 0)
		return "image/webp";
	/* SVG: an XML document whose root is <svg>; look past the prolog. */
	size_t i = 0;
	if (len >= 3 && memcmp(d, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	for (int guard = 0; guard < 64 && i < len; guard++) {
		while (i < len && (d[i] == ' ' || d[i] == '\n' || d[i] == '\r' || d[i] == '\t'))
			i++;
		if (i + 4 < len && memcmp(d + i, "<svg", 4) == 0)
			return "image/svg+xml";
		if (i + 1 < len && d[i] == '<' && (d[i + 1] == '?' || d[i + 1] == '!')) {
			/* Skip a declaration, comment or DOCTYPE (with its subset). */
			int nest = 0;
			for (; i < len; i++) {
				if (d[i] == '[')
					nest++;
				else if (d[i] == ']')
					nest--;
				else if (d[i] == '>' && nest <= 0)
					break;
			}
			i++;
			continue;
		}
		break;
	}
	return NULL;
}

static unsigned long
be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 | p[3];
}

/* PNG: the signature, then chunks (length, type, data, CRC-32 of type and
 * data) from IHDR to IEND, with image data between. */
static const char *
png_problem(const unsigned char *d, size_t len)
{
	size_t i = 8;
	bool header = false, data = false;
	while (i + 12 <= len) {
		unsigned long n = be32(d + i);
		const unsigned char *type = d + i + 4;
		if (n > 0x7FFFFFFFul || n > len - i - 12)
			return "a PNG chunk runs past the end of the file";
		for (int k = 0; k < 4; k++)
			if (!((type[k] >= 'A' && type[k] <= 'Z') || (type[k] >= 'a' && type[k] <= 'z')))
				return "a PNG chunk has no valid type";
		if (libdeflate_crc32(0, type, n + 4) != be32(d + i + 8 + n))
			return "a PNG chunk's checksum is wrong";
		if (!header) {
			if (memcmp(type, "IHDR", 4) != 0 || n != 13)
				return "a PNG file must start with its header chunk (IHDR)";
			if (be32(d + i + 8) == 0 || be32(d + i + 12) == 0)
				return "the PNG image has no width or height";
			header = true;
		} else if (memcmp(type, "IDAT", 4) == 0) {
			data = true;
		} else if (memcmp(type, "IEND", 4) == 0) {
			return data ? NULL : "the PNG file holds no image data (IDAT)";
		}
		i += 12 + n;
	}
	return "the PNG file ends before its end chunk (IEND)";
}

/* JPEG: start of image, marker segments up to the start of scan with a
 * frame header among them, and the end-of-image marker after the scan. */
static const char *
jpeg_problem(const unsigned char *d, size_t len)
{
	size_t i = 2;
	bool frame = false;
	for (;;) {
		while (i < len && d[i] == 0xFF && i + 1 < len && d[i + 1] == 0xFF)
			i++; /* fill bytes */
		if (i + 4 > len || d[i] != 0xFF)
			return "the JPEG file's markers are broken or cut short";
		unsigned char m = d[i + 1];
		if (m == 0xD8 || m == 0xD9 || (m >= 0xD0 && m <= 0xD7) || m == 0x01) {
			i += 2; /* a marker without a length */
			continue;
		}
		size_t n = (size_t)d[i + 2] << 8 | d[i + 3];
		if (n < 2 || n > len - i - 2)
			return "a JPEG segment runs past the end of the file";
		if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
			if (n < 8 || ((d[i + 5] << 8 | d[i + 6]) == 0) || ((d[i + 7] << 8 | d[i + 8]) == 0))
				return "the JPEG image has no width or height";
			frame = true;
		}
		i += 2 + n;
		if (m == 0xDA)
			break; /* start of scan: entropy-coded data follows */
	}
	if (!frame)
		return "the JPEG file has no frame header";
	/* The image ends with FF D9; trailing padding after it is common. */
	for (size_t k = len; k >= i + 2; k--)
		if (d[k - 2] == 0xFF && d[k - 1] == 0xD9)
			return NULL;
	return "the JPEG file ends before its end-of-image marker";
}

/* Skips GIF data sub-blocks from *i; false when they run past the end. */
static bool
gif_skip_blocks(const unsigned char *d, size_t len, size_t *i)
{
	while (*i < len) {
		size_t n = d[*i];
		*i += 1;
		if (n == 0)
			return true;
		if (n > len - *i)
			return false;
		*i += n;
	}
	return false;
}

/* GIF: the header and screen descriptor, then extensions and images, up
 * to the trailer. */
static const char *
gif_problem(const unsigned char *d, size_t len)
{
	if (len < 13)
		return "the GIF file is cut short";
	if ((d[6] | d[7] << 8) == 0 || (d[8] | d[9] << 8) == 0)
		return "the GIF image has no width or height";
	size_t i = 13;
	if (d[10] & 0x80)
		i += 3u << ((d[10] & 7) + 1);
	bool image = false;
	while (i < len) {
		unsigned char b = d[i++];
		if (b == 0x3B)
			return image ? NULL : "the GIF file holds no image";
		if (b == 0x21) {
			if (i >= len)
				break;
			i++; /* the extension's label */
			if (!gif_skip_blocks(d, len, &i))
				break;
		} else if (b == 0x2C) {
			if (len - i < 9)
				break;
			unsigned char flags = d[i + 8];
			i += 9;
			if (flags & 0x80)
				i += 3u << ((flags & 7) + 1);
			if (i >= len)
				break;
			i++; /* LZW minimum code size */
			if (!gif_skip_blocks(d, len, &i))
				break;
			image = true;
		} else {
			return "the GIF file holds a block of an unknown kind";
		}
	}
	return "the GIF file ends before its trailer";
}

const char *
media_structure_problem(const char *type, const unsigned char *d, size_t len)
{
	if (!strcmp(type, "image/png"))
		return png_problem(d, len);
	if (!strcmp(type, "image/jpeg"))
		return jpeg_problem(d, len);
	if (!strcmp(type, "image/gif"))
		return gif_problem(d, len);
	return NULL; /* SVG: parsed and rewritten by media_clean_svg */
}

/* ---- sound and video ----
 *
 * Which of them a book may carry follows EPUB 3.3 (sections 3.2, core
 * media types, and 3.3, exempt resources): audio/mpeg (MP3), audio/mp4
 * (AAC in MP4) and audio/ogg with the Opus codec are core media types,
 * which a reading system that plays sound must play, so they need no
 * fallback; any other audio would need a manifest fallback chain, and
 * mkbook refuses it rather than make one. Video is an exempt resource:
 * EPUB 3.3 names no core video type (H.264 and VP8/VP9 are only
 * recommended to reading systems), and a video needs no fallback, so MP4,
 * WebM and Ogg video are packed as they are. Either way the element's text
 * stays as the fallback for readers that play nothing. */

/* The length of the MPEG audio frame whose header is at p (4 bytes), or 0
 * when it is no valid frame header. */
static size_t
mpeg_frame_length(const unsigned char *p)
{
	static const unsigned short kbps[5][15] = {
	    {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448}, /* 1, I */
	    {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},    /* 1, II */
	    {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},     /* 1, III */
	    {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},    /* 2, I */
	    {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},         /* 2, II-III */
	};
	static const unsigned rates[3] = {44100, 48000, 32000};
	if (p[0] != 0xFF || (p[1] & 0xE0) != 0xE0)
		return 0;
	unsigned version = (p[1] >> 3) & 3; /* 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5 */
	unsigned layer = (p[1] >> 1) & 3;   /* 3: I, 2: II, 1: III */
	unsigned bi = p[2] >> 4, si = (p[2] >> 2) & 3, pad = (p[2] >> 1) & 1;
	if (version == 1 || layer == 0 || bi == 0 || bi == 15 || si == 3)
		return 0;
	bool v1 = version == 3;
	int row = v1 ? (int)(3 - layer) : layer == 3 ? 3 : 4;
	unsigned long bitrate = kbps[row][bi] * 1000ul;
	unsigned long rate = rates[si] >> (v1 ? 0 : version == 2 ? 1 : 2);
	if (layer == 3)
		return (size_t)((12 * bitrate / rate + pad) * 4);
	return (size_t)((layer == 1 && !v1 ? 72 : 144) * bitrate / rate + pad);
}

/* Where MP3 frames start: after an ID3v2 tag, if any; len when the tag
 * runs past the end. */
static size_t
mp3_audio_start(const unsigned char *d, size_t len)
{
	if (len < 10 || memcmp(d, "ID3", 3) != 0)
		return 0;
	size_t n = (size_t)d[6] << 21 | (size_t)d[7] << 14 | (size_t)d[8] << 7 | d[9];
	size_t at = 10 + n + (d[5] & 0x10 ? 10 : 0);
	return at < len ? at : len;
}

static bool
is_id3_header(const unsigned char *d, size_t len)
{
	return len >= 10 && memcmp(d, "ID3", 3) == 0 && d[3] >= 2 && d[3] <= 4 && d[4] != 0xFF &&
	       (d[6] | d[7] | d[8] | d[9]) < 0x80;
}

/* MP3: frames one after the other from the first, as far as four of them
 * or the end of the file; a tag may follow the last. */
static const char *
mp3_problem(const unsigned char *d, size_t len)
{
	size_t i = mp3_audio_start(d, len);
	if (i + 4 > len)
		return "the MP3 file holds no audio frame after its tag";
	for (int k = 0; k < 4; k++) {
		size_t n = mpeg_frame_length(d + i);
		if (n < 4)
			return "an MPEG audio frame header is not valid";
		if (n > len - i)
			return "an MPEG audio frame runs past the end of the file";
		i += n;
		if (len - i < 4 || !memcmp(d + i, "TAG", 3) ||
		    (len - i >= 8 && !memcmp(d + i, "APETAGEX", 8)))
			return NULL;
	}
	return NULL;
}

/* An ISO base media file box at d[i]: its type and length (0 when it
 * does not fit in the file). */
static size_t
box_length(const unsigned char *d, size_t len, size_t i)
{
	if (len - i < 8)
		return 0;
	for (int k = 4; k < 8; k++)
		if (d[i + k] < 0x20 || d[i + k] > 0x7E)
			return 0;
	unsigned long long n = be32(d + i);
	if (n == 0)
		return len - i; /* to the end of the file */
	if (n == 1) {
		if (len - i < 16)
			return 0;
		n = (unsigned long long)be32(d + i + 8) << 32 | be32(d + i + 12);
		if (n < 16)
			return 0;
	}
	return n < 8 || n > len - i ? 0 : (size_t)n;
}

/* MP4: boxes that fill the file exactly, the first the file type (ftyp),
 * one of them the movie (moov). */
static const char *
mp4_problem(const unsigned char *d, size_t len)
{
	bool movie = false;
	for (size_t i = 0; i < len;) {
		size_t n = box_length(d, len, i);
		if (n == 0)
			return "an MP4 box runs past the end of the file or has no valid type";
		if (i == 0 && (memcmp(d + 4, "ftyp", 4) != 0 || n < 16))
			return "an MP4 file must start with its file type box (ftyp)";
		if (!memcmp(d + i + 4, "moov", 4))
			movie = true;
		i += n;
	}
	return movie ? NULL : "the MP4 file has no movie box (moov)";
}

/* Whether the MP4 file holds a video track: a handler box (hdlr) in its
 * movie box that names "vide"; else whether its brand is an audio one or
 * a sound handler stands there (else it counts as video). */
static bool
mp4_is_video(const unsigned char *d, size_t len)
{
	bool sound = false;
	for (size_t i = 0; i < len;) {
		size_t n = box_length(d, len, i);
		if (n == 0)
			break;
		if (!memcmp(d + i + 4, "moov", 4)) {
			const unsigned char *p = d + i, *end = d + i + n;
			while ((p = memmem(p, (size_t)(end - p), "hdlr", 4)) != NULL) {
				if (end - p >= 16) {
					if (!memcmp(p + 12, "vide", 4))
						return true;
					if (!memcmp(p + 12, "soun", 4))
						sound = true;
				}
				p += 4;
			}
		}
		i += n;
	}
	if (sound)
		return false;
	return !(len >= 12 && (!memcmp(d + 8, "M4A ", 4) || !memcmp(d + 8, "M4B ", 4)));
}

/* The size of an Ogg page at d[i], or 0 when none stands there whole. */
static size_t
ogg_page_length(const unsigned char *d, size_t len, size_t i)
{
	if (len - i < 27 || memcmp(d + i, "OggS", 4) != 0 || d[i + 4] != 0)
		return 0;
	size_t nseg = d[i + 26];
	if (len - i - 27 < nseg)
		return 0;
	size_t n = 27 + nseg;
	for (size_t k = 0; k < nseg; k++)
		n += d[i + 27 + k];
	return n > len - i ? 0 : n;
}

/* Ogg: pages that fill the file exactly, the first beginning a stream. */
static const char *
ogg_problem(const unsigned char *d, size_t len)
{
	if (len < 27 || !(d[5] & 0x02))
		return "the Ogg file does not begin a stream on its first page";
	for (size_t i = 0; i < len;) {
		size_t n = ogg_page_length(d, len, i);
		if (n == 0)
			return "an Ogg page is broken or runs past the end of the file";
		i += n;
	}
	return NULL;
}

/* An EBML variable-length number at d[*i] (its marker bit removed when
 * strip), or -1 when it does not fit. */
static long long
ebml_number(const unsigned char *d, size_t len, size_t *i, bool strip)
{
	if (*i >= len || d[*i] == 0)
		return -1;
	int n = 1;
	while (!(d[*i] & (0x80 >> (n - 1))))
		n++;
	if ((size_t)n > len - *i)
		return -1;
	unsigned long long v = strip ? d[*i] & (0xFFu >> n) : d[*i];
	for (int k = 1; k < n; k++)
		v = v << 8 | d[*i + k];
	*i += (size_t)n;
	return v > 0x00FFFFFFFFFFFFFFull ? -1 : (long long)v;
}

/* WebM: an EBML header whose DocType is "webm", then a Segment. */
static const char *
webm_problem(const unsigned char *d, size_t len)
{
	size_t i = 4;
	long long n = ebml_number(d, len, &i, true);
	if (n < 0 || (unsigned long long)n > len - i)
		return "the WebM file's EBML header runs past the end of the file";
	size_t end = i + (size_t)n;
	bool webm = false;
	while (i < end) {
		long long id = ebml_number(d, end, &i, false);
		long long size = ebml_number(d, end, &i, true);
		if (id < 0 || size < 0 || (unsigned long long)size > end - i)
			return "an element of the WebM file's EBML header is broken";
		if (id == 0x4282)
			webm = size == 4 && !memcmp(d + i, "webm", 4);
		i += (size_t)size;
	}
	if (!webm)
		return "the EBML file's DocType is not webm";
	if (ebml_number(d, len, &i, false) != 0x18538067)
		return "the WebM file has no Segment after its header";
	return NULL;
}

const char *
media_sniff_av(const unsigned char *d, size_t len)
{
	if (len >= 12 && !memcmp(d + 4, "ftyp", 4))
		return mp4_is_video(d, len) ? "video/mp4" : "audio/mp4";
	if (len >= 4 && !memcmp(d, "\x1A\x45\xDF\xA3", 4))
		return "video/webm";
	if (len >= 27 && !memcmp(d, "OggS", 4)) {
		if (27 + (size_t)d[26] > len)
			return "audio/ogg";
		const unsigned char *packet = d + 27 + d[26];
		size_t room = len - 27 - d[26];
		if (room >= 8 && !memcmp(packet, "OpusHead", 8))
			return "audio/ogg; codecs=opus";
		if (room >= 7 && !memcmp(packet, "\x80theora", 7))
			return "video/ogg";
		return "audio/ogg"; /* Vorbis, FLAC or Speex in Ogg */
	}
	if (len >= 12 && !memcmp(d, "RIFF", 4) && !memcmp(d + 8, "WAVE", 4))
		return "audio/wav";
	if (len >= 4 && !memcmp(d, "fLaC", 4))
		return "audio/flac";
	if (is_id3_header(d, len) || (len >= 4 && mpeg_frame_length(d) >= 4))
		return "audio/mpeg";
	return NULL;
}

const char *
media_av_structure_problem(const char *type, const unsigned char *d, size_t len)
{
	if (!strcmp(type, "audio/mpeg"))
		return mp3_problem(d, len);
	if (!strcmp(type, "audio/mp4") || !strcmp(type, "video/mp4"))
		return mp4_problem(d, len);
	if (str_starts_with(type, "audio/ogg") || !strcmp(type, "video/ogg"))
		return ogg_problem(d, len);
	if (!strcmp(type, "video/webm"))
		return webm_problem(d, len);
	return NULL; /* the rest is refused by type */
}

const char *
media_webvtt_problem(const unsigned char *d, size_t len)
{
	if (len >= 3 && !memcmp(d, "\xEF\xBB\xBF", 3)) {
		d += 3;
		len -= 3;
	}
	if (len < 6 || memcmp(d, "WEBVTT", 6) != 0 ||
	    (len > 6 && d[6] != ' ' && d[6] != '\t' && d[6] != '\n' && d[6] != '\r'))
		return "it does not start with the line WEBVTT";
	if (memchr(d, '\0', len))
		return "it holds NUL bytes";
	return NULL;
}

int
media_is_core_audio(const char *t)
{
	return t && (!strcmp(t, "audio/mpeg") || !strcmp(t, "audio/mp4") ||
	             !strcmp(t, "audio/ogg; codecs=opus"));
}

int
media_is_core_image(const char *t)
{
	return t && (!strcmp(t, "image/png") || !strcmp(t, "image/jpeg") ||
	             !strcmp(t, "image/gif") || !strcmp(t, "image/svg+xml"));
}

const char *
media_extension(const char *t)
{
	if (!strcmp(t, "image/png"))
		return "png";
	if (!strcmp(t, "image/jpeg"))
		return "jpg";
	if (!strcmp(t, "image/gif"))
		return "gif";
	if (!strcmp(t, "image/svg+xml"))
		return "svg";
	if (!strcmp(t, "image/webp"))
		return "webp";
	if (!strcmp(t, "audio/mpeg"))
		return "mp3";
	if (!strcmp(t, "audio/mp4"))
		return "m4a";
	if (!strcmp(t, "video/mp4"))
		return "mp4";
	if (!strcmp(t, "audio/ogg; codecs=opus"))
		return "opus";
	if (!strcmp(t, "audio/ogg"))
		return "oga";
	if (!strcmp(t, "video/ogg"))
		return "ogv";
	if (!strcmp(t, "video/webm"))
		return "webm";
	if (!strcmp(t, "text/vtt"))
		return "vtt";
	return "bin";
}

static bool
is_local_ref(const xmlChar *v)
{
	while (*v == ' ' || *v == '\t' || *v == '\n')
		v++;
	return v[0] == '#' || v[0] == '\0';
}

/* Turns an SVG <a> into a <g>: the attributes of SVG 1.1's and SVG 2's <a>
 * that <g> does not take (target, the XLink ones...) go. */
static void
link_to_group(xmlNodePtr a)
{
	static const char *const link_only[] = {"target", "download", "hreflang", "ping",
	                                        "referrerpolicy", "rel", "type", NULL};
	xmlAttrPtr p = a->properties;
	while (p) {
		xmlAttrPtr next = p->next;
		bool drop = p->ns && p->ns->href &&
		            !xmlStrcmp(p->ns->href, BAD_CAST "http://www.w3.org/1999/xlink");
		for (int i = 0; !drop && link_only[i]; i++)
			drop = p->ns == NULL && !strcmp((const char *)p->name, link_only[i]);
		if (drop)
			xmlRemoveProp(p);
		p = next;
	}
	xmlNodeSetName(a, BAD_CAST "g");
}

/* Whether a is an attribute that loads, sends or redirects (HTML's, on
 * the XHTML elements an SVG may hold) or changes the base of every
 * address under it (xml:base): none has a use in a book's image. */
static bool
is_outside_attribute(xmlAttrPtr a)
{
	static const char *const names[] = {"http-equiv", "srcset", "action", "formaction",
	                                    "ping", "poster", "background", "manifest",
	                                    "codebase", "data", NULL};
	const char *n = (const char *)a->name;
	if (a->ns && a->ns->href && !xmlStrcmp(a->ns->href, XML_XML_NAMESPACE))
		return !strcmp(n, "base");
	if (a->ns)
		return false;
	for (int i = 0; names[i]; i++)
		if (!strcasecmp(n, names[i]))
			return true;
	return false;
}

/* Removes active and outside content below n (iteratively). */
static void
clean_svg_tree(xmlNodePtr root)
{
	static const char *const drop[] = {"script", "foreignObject", "iframe", "handler",
	                                   "listener", "object", "embed", "audio", "video",
	                                   "meta", "base", "link", NULL};
	xmlNodePtr cur = root;
	while (cur) {
		xmlNodePtr next_sibling_fallback = NULL;
		bool removed = false;
		if (cur->type == XML_ELEMENT_NODE) {
			for (int i = 0; drop[i]; i++)
				if (!strcmp((const char *)cur->name, drop[i]))
					removed = true;
			/* HTML elements have no place in an SVG image but inside a
			 * foreignObject, which goes above (epubcheck: RSC-005); their
			 * meta refresh, srcset, ping and form actions go with them. */
			if (cur->ns && cur->ns->href &&
			    !xmlStrcmp(cur->ns->href, BAD_CAST "http://www.w3.org/1999/xhtml"))
				removed = true;
			if (!removed && (!strcmp((const char *)cur->name, "set") ||
			                 str_starts_with((const char *)cur->name, "animate"))) {
				/* <set attributeName="onclick" to="..."> makes a handler. */
				xmlChar *an = xmlGetProp(cur, BAD_CAST "attributeName");
				removed = an && (!xmlStrncasecmp(an, BAD_CAST "on", 2) ||
				                 xmlStrstr(an, BAD_CAST "href") != NULL);
				xmlFree(an);
			}
			if (!removed && !strcmp((const char *)cur->name, "style")) {
				xmlChar *css = xmlNodeGetContent(cur);
				removed = css && !css_is_inert((const char *)css, true);
				xmlFree(css);
			}
			if (!removed) {
				xmlAttrPtr a = cur->properties;
				while (a) {
					xmlAttrPtr next = a->next;
					const char *an = (const char *)a->name;
					xmlChar *v = xmlNodeListGetString(cur->doc, a->children, 1);
					bool bad = is_outside_attribute(a) ||
					           !xmlStrncasecmp(a->name, BAD_CAST "on", 2) ||
					           ((!strcmp(an, "href") || !strcmp(an, "src")) && v &&
					            !is_local_ref(v)) ||
					           (v && !css_is_inert((const char *)v, true));
					xmlFree(v);
					if (bad)
						xmlRemoveProp(a);
					a = next;
				}
				/* A link left without its address is a mere group, without
				 * what only a link may carry (target="_blank", as drawing
				 * tools export it, makes epubcheck refuse the image). */
				if (!strcmp((const char *)cur->name, "a") && !xmlHasProp(cur, BAD_CAST "href"))
					link_to_group(cur);
			}
		} else if (cur->type == XML_PI_NODE || cur->type == XML_ENTITY_REF_NODE) {
			removed = true;
		}
		if (removed && cur != root) {
			xmlNodePtr dead = cur;
			next_sibling_fallback = cur->next;
			xmlNodePtr parent = cur->parent;
			xmlUnlinkNode(dead);
			xmlFreeNode(dead);
			if (next_sibling_fallback) {
				cur = next_sibling_fallback;
				continue;
			}
			cur = xhtml_next_node(parent, root, false);
			continue;
		}
		cur = xhtml_next_node(cur, root, true);
	}
}

int
media_clean_svg(const unsigned char *data, size_t len, unsigned char **out, size_t *outlen,
                const char **why)
{
	*out = NULL;
	*outlen = 0;
	if (len > 0x7fffffff) {
		*why = "it is too large";
		return -1;
	}
	/* Each '<' can open a node, and each node costs libxml2 a hundred bytes
	 * and more: a 60 MiB file of empty groups took 4 GiB. */
	size_t tags = 0;
	for (const unsigned char *p = data; (p = memchr(p, '<', len - (size_t)(p - data))) != NULL;
	     p++)
		if (++tags > MEDIA_MAX_SVG_TAGS) {
			*why = "it has more than " MEDIA_MAX_SVG_TAGS_TEXT " tags";
			return -1;
		}
	/* No entity substitution, no DTD loading, no network. */
	xmlDocPtr doc = xmlReadMemory((const char *)data, (int)len, NULL, NULL,
	                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (doc == NULL) {
		*why = "it is not well-formed XML";
		return -1;
	}
	int rc = -1;
	xmlNodePtr root = xmlDocGetRootElement(doc);
	if (root == NULL || strcmp((const char *)root->name, "svg") || root->ns == NULL ||
	    !xmlStrEqual(root->ns->href, BAD_CAST SVG_NS)) {
		*why = "its root is not an <svg> element in the SVG namespace";
		goto out;
	}
	if (doc->intSubset && doc->intSubset->entities) {
		*why = "it declares entities";
		goto out;
	}
	if (doc->intSubset) {
		xmlDtdPtr dtd = doc->intSubset;
		xmlUnlinkNode((xmlNodePtr)dtd);
		xmlFreeDtd(dtd);
	}
	/* Drop comments and processing instructions around the root: an
	 * <?xml-stylesheet href=...?> loads a stylesheet from anywhere. */
	for (xmlNodePtr k = doc->children, next; k; k = next) {
		next = k->next;
		if (k->type == XML_PI_NODE || k->type == XML_COMMENT_NODE) {
			xmlUnlinkNode(k);
			xmlFreeNode(k);
		}
	}
	clean_svg_tree(root);
	xmlChar *mem = NULL;
	int n = 0;
	xmlDocDumpMemoryEnc(doc, &mem, &n, "UTF-8");
	if (mem == NULL) {
		*why = "it could not be written back";
		goto out;
	}
	/* libxml2 writes a namespace name back as it is, '<' and '&' and all,
	 * and lets a prefix nothing declares pass: what does not read back as
	 * well-formed XML with namespaces stays out of the book. */
	xmlParserCtxtPtr pc = xmlNewParserCtxt();
	xmlDocPtr again = pc ? xmlCtxtReadMemory(pc, (const char *)mem, n, NULL, NULL,
	                                         XML_PARSE_NONET | XML_PARSE_NOERROR |
	                                             XML_PARSE_NOWARNING)
	                     : NULL;
	bool readable = again && pc->wellFormed && pc->nsWellFormed;
	xmlFreeDoc(again);
	xmlFreeParserCtxt(pc);
	if (!readable) {
		xmlFree(mem);
		*why = "it is not well-formed XML with namespaces once cleaned (an undeclared prefix, "
		       "or '<' or '&' in a namespace name?)";
		goto out;
	}
	*out = (unsigned char *)xstrndup((const char *)mem, (size_t)n);
	*outlen = (size_t)n;
	xmlFree(mem);
	rc = 0;
out:
	xmlFreeDoc(doc);
	return rc;
}
