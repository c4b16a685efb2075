/* source.c - manuscript text files: checks, normalisation, front matter. */
#include "source.h"

#include <errno.h>
#include <libdeflate.h>
#include <string.h>
#include <sys/stat.h>
#include <unistr.h>

#include "book.h"
#include "diag.h"
#include "util.h"

void
source_position(const char *data, size_t at, int first_line, int *line, int *col)
{
	*line = first_line;
	*col = 1;
	for (const char *p = data; p < data + at; p++) {
		if (*p == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)*p & 0xC0) != 0x80) {
			(*col)++;
		}
	}
}

int
source_check_text(const char *name, const char *data, size_t len, int first_line)
{
	const char *nul = memchr(data, '\0', len);
	const uint8_t *bad = u8_check((const uint8_t *)data, nul ? (size_t)(nul - data) : len);
	const char *at = bad ? (const char *)bad : nul;
	if (at == NULL)
		return 0;
	int line, col;
	source_position(data, (size_t)(at - data), first_line, &line, &col);
	if (bad)
		diag_error(name, line, col,
		           "invalid UTF-8 (byte 0x%02X); save the file as UTF-8",
		           (unsigned char)*at);
	else
		diag_error(name, line, col, "the file holds a NUL byte; is it a text file?");
	return -1;
}

/* The length of a UTF-8 byte-order mark at the start of data: 3 or 0. */
static size_t
bom_length(const char *data, size_t len)
{
	return len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

/* Normalises line ends in place (s has room for a NUL at len); returns the
 * new length. */
static size_t
normalize_newlines(char *s, size_t len)
{
	/* Most files have no CR at all: up to the first one, nothing moves. */
	const char *cr = memchr(s, '\r', len);
	size_t j = cr ? (size_t)(cr - s) : len;
	for (size_t i = j; i < len; i++) {
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
	size_t bom = bom_length(data, len);
	data += bom;
	len -= bom;
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
source_read_bytes(const char *path, char **data, size_t *len, bool *regular)
{
	bool reg;
	return path_read_file_stat(path, data, len, MKBOOK_MAX_FILE_BYTES, regular ? regular : &reg);
}

void
source_report_read_error(const char *name, int e)
{
	if (e == EFBIG)
		diag_error(name, 0, 0, "file is larger than the limit of %u MiB",
		           MKBOOK_MAX_FILE_BYTES >> 20);
	else
		diag_error(name, 0, 0, "cannot read: %s", strerror(e));
}

int
source_read(const char *name, const char *path, source_file *out)
{
	char *data;
	size_t len;
	bool regular;
	memset(out, 0, sizeof *out);
	int e = source_read_bytes(path, &data, &len, &regular);
	if (e != 0) {
		source_report_read_error(name, e);
		return -1;
	}
	int rc = source_parse(name, data, len, out);
	if (rc == 0)
		out->stamp = (source_stamp){regular, len, (uint32_t)libdeflate_crc32(0, data, len)};
	free(data);
	return rc;
}

int
source_reread_body(const char *name, const char *path, const source_stamp *stamp,
                   size_t body_at, char **body, size_t *body_len)
{
	char *data = NULL;
	size_t len = 0;
	bool regular = false;
	struct stat st;
	*body = NULL;
	*body_len = 0;
	/* stat first: a file replaced by a pipe must not block the open. */
	if (stat(path, &st) != 0) {
		source_report_read_error(name, errno);
		return -1;
	}
	if (!S_ISREG(st.st_mode) || (uintmax_t)st.st_size != stamp->size)
		goto changed;
	int e = source_read_bytes(path, &data, &len, &regular);
	if (e != 0) {
		source_report_read_error(name, e);
		return -1;
	}
	if (!regular || len != stamp->size ||
	    (uint32_t)libdeflate_crc32(0, data, len) != stamp->crc)
		goto changed;
	/* Checked as text when first read, and the same bytes now: what
	 * source_parse did, in place. */
	size_t bom = bom_length(data, len);
	size_t n = normalize_newlines(data + bom, len - bom);
	if (body_at > n)
		goto changed; /* cannot happen with the same bytes */
	*body_len = n - body_at;
	memmove(data, data + bom + body_at, *body_len + 1);
	*body = xrealloc(data, *body_len + 1);
	return 0;
changed:
	free(data);
	diag_error(name, 0, 0,
	           "the file changed while the book was being made; make the book again");
	return -1;
}

void
source_free(source_file *sf)
{
	if (sf == NULL)
		return;
	free(sf->name);
	free(sf->text);
	yamldoc_node_free(sf->front);
	memset(sf, 0, sizeof *sf);
}
