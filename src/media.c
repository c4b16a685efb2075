/* media.c - image types by magic numbers, SVG sanitising. */
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
			cur = parent;
			while (cur && cur != root && cur->next == NULL)
				cur = cur->parent;
			if (cur == NULL || cur == root)
				break;
			cur = cur->next;
			continue;
		}
		if (cur->children && cur->type == XML_ELEMENT_NODE) {
			cur = cur->children;
			continue;
		}
		while (cur && cur != root && cur->next == NULL)
			cur = cur->parent;
		if (cur == NULL || cur == root)
			break;
		cur = cur->next;
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
