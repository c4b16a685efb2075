/* common.c - set-up, a scratch manuscript folder and input splitting
 * for the fuzz targets. */
#define _GNU_SOURCE
#include "fuzz.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include "diag.h"
#include "markdown.h"
#include "source.h"
#include "xhtml.h"

static char scratch[256];

static int
remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	if (ftw->level > 0)
		remove(path);
	return 0;
}

static void
remove_scratch(void)
{
	if (scratch[0]) {
		nftw(scratch, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
		rmdir(scratch);
	}
}

void
fuzz_setup(void)
{
	static bool done;
	if (done)
		return;
	done = true;
	markdown_init();
	diag_set_quiet(true);
	if (getenv("FUZZ_VERBOSE") == NULL) {
		FILE *null = fopen("/dev/null", "w");
		if (null)
			stderr = null;
	}
}

const char *
fuzz_scratch(void)
{
	if (scratch[0] == '\0') {
		const char *tmp = getenv("TMPDIR");
		if (tmp == NULL || *tmp == '\0')
			tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
		snprintf(scratch, sizeof scratch, "%s/mkbook-fuzz.XXXXXX", tmp);
		if (mkdtemp(scratch) == NULL) {
			perror("mkdtemp");
			abort();
		}
		atexit(remove_scratch);
	} else {
		nftw(scratch, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	}
	return scratch;
}

int
fuzz_write(const char *dir, const char *rel, const void *data, size_t len)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", dir, rel);
	for (char *p = path + strlen(dir) + 1; (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (mkdir(path, 0700) != 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0)
		return -1;
	const char *d = data;
	while (len > 0) {
		ssize_t w = write(fd, d, len);
		if (w <= 0) {
			close(fd);
			return -1;
		}
		d += w;
		len -= (size_t)w;
	}
	return close(fd);
}

size_t
fuzz_split(const uint8_t *data, size_t size, const uint8_t **part, size_t *len, size_t max)
{
	size_t n = 0, seplen = strlen(FUZZ_SEP);
	const uint8_t *p = data, *end = data + size;
	while (n + 1 < max) {
		const uint8_t *s = memmem(p, (size_t)(end - p), FUZZ_SEP, seplen);
		if (s == NULL)
			break;
		part[n] = p;
		len[n++] = (size_t)(s - p);
		p = s + seplen;
	}
	part[n] = p;
	len[n++] = (size_t)(end - p);
	return n;
}

static void
oracle_fail(const char *what, const char *name, const char *value)
{
	/* stderr may be /dev/null here (fuzz_setup): write to the descriptor. */
	char msg[512];
	int n = snprintf(msg, sizeof msg, "fuzz oracle: %s: %s%s%.200s\n", what, name,
	                 value ? " = " : "", value ? value : "");
	if (n > 0)
		(void)!write(2, msg, (size_t)n < sizeof msg ? (size_t)n : sizeof msg - 1);
	abort();
}

static bool
is_ascii_space_or_control(unsigned char c)
{
	return c <= 0x20;
}

/* Whether a URL's scheme, read the way browsers read it (leading blanks
 * and controls skipped, tabs and line ends inside ignored, any case), is
 * one mkbook may write. */
static bool
is_allowed_scheme(const char *url, bool untrusted)
{
	while (*url && is_ascii_space_or_control((unsigned char)*url))
		url++;
	char scheme[32];
	size_t j = 0;
	const char *p = url;
	for (; *p && *p != ':'; p++) {
		if (*p == '/' || *p == '?' || *p == '#')
			break; /* relative: no scheme */
		if (*p == '\t' || *p == '\n' || *p == '\r')
			continue;
		if (j + 1 < sizeof scheme)
			scheme[j++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
	}
	scheme[j] = '\0';
	if (*p != ':') /* relative: a comment may only point into its page */
		return !untrusted || *url == '#';
	if (!strcmp(scheme, "http") || !strcmp(scheme, "https") || !strcmp(scheme, "mailto"))
		return true;
	return !untrusted && (!strcmp(scheme, "tel") || !strcmp(scheme, "ftp"));
}

void
fuzz_check_xhtml(const char *doc, size_t len, bool untrusted)
{
	static const char *const banned[] = {
	    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "form",
	    "input", "button", "textarea", "select", "base", "meta", "link", "style",
	    "svg", "math", "template", "noscript", "audio", "video", "canvas", "portal", NULL};
	if (len > 0x7fffffff)
		return;
	xmlDocPtr d = xmlReadMemory(doc, (int)len, "out.xhtml", NULL,
	                            XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	                                XML_PARSE_HUGE);
	if (d == NULL)
		oracle_fail("the output is not well-formed XML", "", NULL);
	xmlNodePtr root = xmlDocGetRootElement(d);
	xmlNodePtr cur = root;
	bool in_body = false;
	while (cur) {
		if (cur->type == XML_ELEMENT_NODE) {
			const char *name = (const char *)cur->name;
			if (!strcmp(name, "body"))
				in_body = true;
			for (int i = 0; in_body && banned[i]; i++)
				if (!strcmp(name, banned[i]))
					oracle_fail("active or foreign element", name, NULL);
			for (xmlAttrPtr a = cur->properties; a; a = a->next) {
				const char *an = (const char *)a->name;
				xmlChar *v = xmlNodeListGetString(d, a->children, 1);
				const char *val = v ? (const char *)v : "";
				if ((an[0] == 'o' || an[0] == 'O') && (an[1] == 'n' || an[1] == 'N'))
					oracle_fail("event handler attribute", an, val);
				if (in_body && (!strcmp(an, "href") || !strcmp(an, "src") || !strcmp(an, "action") ||
				                !strcmp(an, "formaction") || !strcmp(an, "cite")) &&
				    !is_allowed_scheme(val, untrusted))
					oracle_fail("unsafe URL", an, val);
				if (!strcmp(an, "style") && (strstr(val, "url(") || strstr(val, "URL(")))
					oracle_fail("style loads something", an, val);
				xmlFree(v);
			}
		}
		cur = xhtml_next_node(cur, root, true);
	}
	xmlFreeDoc(d);
}

/* Whether a url(...) or @import in CSS text points outside the document,
 * read as CSS reads it: "\\75rl(" and "\\75 rl(" are url(, so escapes are
 * undone first (a hex escape and the one blank after it, or the escaped
 * character itself; a NUL or non-ASCII one as '?'). */
static bool
has_outside_url(const char *v)
{
	size_t n = strlen(v), j = 0;
	char *t = malloc(n + 1);
	if (t == NULL)
		abort();
	for (size_t i = 0; i < n; i++) {
		if (v[i] != '\\' || i + 1 == n) {
			t[j++] = v[i];
			continue;
		}
		size_t k = i + 1;
		unsigned long c = 0;
		for (; k < n && k < i + 7 && isxdigit((unsigned char)v[k]); k++) {
			int d = isdigit((unsigned char)v[k]) ? v[k] - '0' : (v[k] | 0x20) - 'a' + 10;
			c = c * 16 + (unsigned long)d;
		}
		if (k == i + 1) {
			t[j++] = v[++i];
			continue;
		}
		if (k < n && strchr(" \t\n\r\f", v[k]))
			k += v[k] == '\r' && k + 1 < n && v[k + 1] == '\n' ? 2 : 1;
		t[j++] = c > 0 && c < 0x80 ? (char)c : '?';
		i = k - 1;
	}
	t[j] = '\0';
	bool outside = strcasestr(t, "@import") != NULL;
	for (const char *p = t; !outside && (p = strcasestr(p, "url(")) != NULL;) {
		p += 4;
		while (*p == ' ' || *p == '\'' || *p == '"' || *p == '\t' || *p == '\n')
			p++;
		outside = *p != '#';
	}
	free(t);
	return outside;
}

void
fuzz_check_svg(const char *svg, size_t len)
{
	static const char *const banned[] = {"script", "foreignObject", "iframe", "handler",
	                                     "listener", "object", "embed", "audio", "video", NULL};
	if (len > 0x7fffffff)
		return;
	xmlParserCtxtPtr pc = xmlNewParserCtxt();
	xmlDocPtr d = xmlCtxtReadMemory(pc, svg, (int)len, "out.svg", NULL,
	                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	                                    XML_PARSE_HUGE);
	if (d == NULL || !pc->wellFormed || !pc->nsWellFormed)
		oracle_fail("the cleaned SVG is not well-formed XML with namespaces", "", NULL);
	xmlFreeParserCtxt(pc);
	if (d->intSubset || d->extSubset)
		oracle_fail("the cleaned SVG keeps a DOCTYPE", "", NULL);
	for (xmlNodePtr k = d->children; k; k = k->next)
		if (k->type == XML_PI_NODE)
			oracle_fail("processing instruction around the SVG root", (const char *)k->name,
			            NULL);
	xmlNodePtr root = xmlDocGetRootElement(d);
	xmlNodePtr cur = root;
	while (cur) {
		if (cur->type == XML_PI_NODE || cur->type == XML_ENTITY_REF_NODE)
			oracle_fail("processing instruction or entity reference", (const char *)cur->name,
			            NULL);
		if (cur->type == XML_ELEMENT_NODE) {
			const char *name = (const char *)cur->name;
			for (int i = 0; banned[i]; i++)
				if (!strcmp(name, banned[i]))
					oracle_fail("active element in SVG", name, NULL);
			if (!strcmp(name, "style")) {
				xmlChar *css = xmlNodeGetContent(cur);
				if (css && has_outside_url((const char *)css))
					oracle_fail("SVG style loads something", name, (const char *)css);
				xmlFree(css);
			}
			for (xmlAttrPtr a = cur->properties; a; a = a->next) {
				const char *an = (const char *)a->name;
				xmlChar *v = xmlNodeListGetString(d, a->children, 1);
				const char *val = v ? (const char *)v : "";
				if ((an[0] == 'o' || an[0] == 'O') && (an[1] == 'n' || an[1] == 'N'))
					oracle_fail("event handler attribute in SVG", an, val);
				const char *colon = strrchr(an, ':');
				const char *local = colon ? colon + 1 : an;
				if (!strcmp(local, "href") || !strcmp(local, "src")) {
					const char *p = val;
					while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
						p++;
					if (*p != '#' && *p != '\0')
						oracle_fail("SVG reference outside the file", an, val);
				}
				if (has_outside_url(val))
					oracle_fail("SVG attribute loads something", an, val);
				if ((!strcmp(name, "set") || !strncmp(name, "animate", 7)) &&
				    !strcmp(an, "attributeName") &&
				    ((val[0] == 'o' || val[0] == 'O') && (val[1] == 'n' || val[1] == 'N')))
					oracle_fail("SVG animation makes a handler", name, val);
				xmlFree(v);
			}
		}
		cur = xhtml_next_node(cur, root, true);
	}
	xmlFreeDoc(d);
}

void
fuzz_check_epub(const unsigned char *epub, size_t len)
{
	zip_error_t err;
	zip_error_init(&err);
	zip_source_t *src = zip_source_buffer_create(epub, len, 0, &err);
	if (src == NULL)
		oracle_fail("libzip cannot read the EPUB", zip_error_strerror(&err), NULL);
	zip_t *z = zip_open_from_source(src, ZIP_RDONLY, &err);
	if (z == NULL)
		oracle_fail("the EPUB is not a zip file", zip_error_strerror(&err), NULL);
	zip_int64_t n = zip_get_num_entries(z, 0);
	for (zip_int64_t i = 0; i < n; i++) {
		const char *name = zip_get_name(z, (zip_uint64_t)i, 0);
		size_t nl = name ? strlen(name) : 0;
		bool xhtml = nl > 6 && !strcmp(name + nl - 6, ".xhtml");
		bool svg = nl > 4 && !strcmp(name + nl - 4, ".svg");
		if (!xhtml && !svg)
			continue;
		zip_stat_t st;
		if (zip_stat_index(z, (zip_uint64_t)i, 0, &st) != 0)
			oracle_fail("cannot stat an entry", name, NULL);
		char *buf = malloc(st.size ? st.size : 1);
		zip_file_t *f = zip_fopen_index(z, (zip_uint64_t)i, 0);
		if (buf == NULL || f == NULL || zip_fread(f, buf, st.size) != (zip_int64_t)st.size)
			oracle_fail("cannot read an entry", name, NULL);
		zip_fclose(f);
		if (xhtml)
			fuzz_check_xhtml(buf, st.size, false);
		else
			fuzz_check_svg(buf, st.size);
		free(buf);
	}
	zip_discard(z);
}

bool
fuzz_markdown_input(const uint8_t *data, size_t size, source_file *sf, const char **text,
                    size_t *len, markdown_opts *o)
{
	if (size < 1)
		return false;
	unsigned mode = data[0];
	*text = (const char *)data + 1;
	*len = size - 1;
	*sf = (source_file){0};
	int first_line = 1;
	if (mode & 2) {
		if (source_parse("fuzz.md", *text, *len, sf) != 0)
			return false;
		*text = sf->body;
		*len = sf->body_len;
		first_line = sf->body_line;
	}
	*o = (markdown_opts){
	    .file = "fuzz.md",
	    .first_line = first_line,
	    .untrusted = mode & 1,
	    .id_prefix = (mode & 4) ? "c-fuzz-" : "",
	};
	return true;
}
