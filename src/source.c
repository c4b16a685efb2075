/* source.c - manuscript text files: checks, normalisation, front matter. */
#include "source.h"

#include <errno.h>
#include <string.h>
#include <unistr.h>

#include "book.h"
#include "diag.h"
#include "util.h"

int
source_check_text(const char *name, const char *data, size_t len, int first_line)
{
	const char *nul = memchr(data, '\0', len);
	const uint8_t *bad = u8_check((const uint8_t *)data, nul ? (size_t)(nul - data) : len);
	const char *at = bad ? (const char *)bad : nul;
	if (at == NULL)
		return 0;
	int line = first_line, col = 1;
	for (const char *p = data; p < at; p++) {
		if (*p == '\n') {
			line++;
			col = 1;
		} else if (((unsigned char)*p & 0xC0) != 0x80) {
			col++;
		}
	}
	if (bad)
		diag_error(name, line, col,
		           "invalid UTF-8 (byte 0x%02X); save the file as UTF-8",
		           (unsigned char)*at);
	else
		diag_error(name, line, col, "the file holds a NUL byte; is it a text file?");
	return -1;
}

/* Normalises line ends in place; returns the new length. */
static size_t
normalize_newlines(char *s, size_t len)
{
	size_t j = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\r') {
			s[j++] = '\n';
			if (i + 1 < len && s[i + 1] == '\n')
				i++;
		} else {
			s[j++] = s[i];
		}
	}
	s[j] = '\0';
	return j;
}

/* Is the line starting at p exactly `mark` followed by optional blanks? */
static bool
is_fence_line(const char *p, const char *end, const char *mark)
{
	size_t m = strlen(mark);
	if ((size_t)(end - p) < m || memcmp(p, mark, m) != 0)
		return false;
	p += m;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p == end || *p == '\n';
}

static int
split_front_matter(source_file *sf)
{
	char *text = sf->text;
	char *end = text + sf->len;
	sf->body = text;
	sf->body_len = sf->len;
	sf->body_line = 1;
	if (!is_fence_line(text, end, "---"))
		return 0;
	/* Find the closing fence. */
	char *p = strchr(text, '\n');
	int line = 2;
	while (p != NULL && p < end) {
		char *ls = p + 1;
		if (ls >= end)
			break;
		if (is_fence_line(ls, end, "---") || is_fence_line(ls, end, "...")) {
			size_t ylen = (size_t)(ls - (strchr(text, '\n') + 1));
			const char *ystart = strchr(text, '\n') + 1;
			sf->front_line = 1;
			sf->front = yamldoc_parse(sf->name, ystart, ylen, 1);
			if (sf->front == NULL)
				return -1;
			if (sf->front->kind != YNODE_MAPPING) {
				diag_error(sf->name, sf->front->line, sf->front->col,
				           "front matter must be a mapping of keys (key: value)");
				return -1;
			}
			char *nl = strchr(ls, '\n');
			sf->body = nl ? nl + 1 : end;
			sf->body_len = (size_t)(end - sf->body);
			sf->body_line = line + 1;
			return 0;
		}
		p = strchr(ls, '\n');
		line++;
	}
	diag_error(sf->name, 1, 1,
	           "front matter opened with '---' is never closed; add a '---' line after it");
	return -1;
}

int
source_parse(const char *name, const char *data, size_t len, source_file *out)
{
	memset(out, 0, sizeof *out);
	out->name = xstrdup(name);
	if (source_check_text(name, data, len, 1) != 0)
		goto fail;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
	}
	out->text = xstrndup(data, len);
	out->len = normalize_newlines(out->text, len);
	if (split_front_matter(out) != 0)
		goto fail;
	return 0;
fail:
	source_free(out);
	return -1;
}

int
source_read(const char *name, const char *path, source_file *out)
{
	char *data;
	size_t len;
	memset(out, 0, sizeof *out);
	int e = file_read(path, &data, &len, MKBOOK_MAX_FILE_BYTES);
	if (e == EFBIG) {
		diag_error(name, 0, 0, "file is larger than the limit of %u MiB",
		           MKBOOK_MAX_FILE_BYTES >> 20);
		return -1;
	}
	if (e != 0) {
		diag_error(name, 0, 0, "cannot read: %s", strerror(e));
		return -1;
	}
	int rc = source_parse(name, data, len, out);
	free(data);
	return rc;
}

void
source_free(source_file *sf)
{
	if (sf == NULL)
		return;
	free(sf->name);
	free(sf->text);
	ynode_free(sf->front);
	memset(sf, 0, sizeof *sf);
}
