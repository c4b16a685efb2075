/* markdown_limits.c - the limits of markdown_limits.h. */
#include "markdown_limits.h"

#include <string.h>

#include "book.h"
#include "diag.h"

/* Whether line (len bytes, no newline) is a GFM table delimiter row,
 * such as "| --- | :-: |"; sets *cells to its number of columns. */
static bool
is_delimiter_row(const char *line, size_t len, size_t *cells)
{
	bool pipe = false;
	size_t dashes = 0;
	bool in_dashes = false;
	for (size_t i = 0; i < len; i++) {
		char c = line[i];
		if (c == '-') {
			if (!in_dashes)
				dashes++;
			in_dashes = true;
		} else if (c == '|') {
			pipe = true;
			in_dashes = false;
		} else if (c == ':' || c == ' ' || c == '\t') {
			if (c != ':')
				in_dashes = false;
		} else {
			return false;
		}
	}
	*cells = dashes;
	return pipe && dashes > 0;
}

static size_t
count_pipes(const char *line, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += line[i] == '|';
	return n;
}

static bool
is_blank(const char *line, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
			return false;
	return true;
}

size_t
markdown_markup_units(const char *text, size_t len)
{
	static const bool markup[256] = {
	    ['*'] = true, ['_'] = true, ['`'] = true, ['['] = true, [']'] = true,
	    ['<'] = true, ['>'] = true, ['!'] = true, ['&'] = true, ['\\'] = true,
	    ['~'] = true, ['|'] = true, ['('] = true, [')'] = true, ['\n'] = true,
	};
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += markup[(unsigned char)text[i]];
	return n;
}

bool
markdown_source_within_limits(const markdown_opts *o, const char *text, size_t len)
{
	size_t max_units =
	    o->untrusted ? MKBOOK_MAX_MARKUP_UNITS_UNTRUSTED : MKBOOK_MAX_MARKUP_UNITS;
	size_t units = markdown_markup_units(text, len);
	if (units > max_units) {
		diag_error(o->file, o->first_line, 1,
		           "too much markup for one %s: %zu lines and markup characters, more than "
		           "%zu; split it",
		           o->untrusted ? "comment" : "chapter", units, max_units);
		return false;
	}
	size_t max_cells = o->untrusted ? MKBOOK_MAX_TABLE_CELLS_UNTRUSTED : MKBOOK_MAX_TABLE_CELLS;
	/* A table runs from its delimiter row to the next blank line; rows
	 * before the delimiter row (the header) are one line. */
	size_t columns = 0, rows = 0, table_line = 0, line_no = 0, before = 0;
	bool in_table = false;
	for (size_t at = 0; at < len;) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t n = nl ? (size_t)(nl - (text + at)) : len - at;
		const char *line = text + at;
		line_no++;
		size_t cells;
		if (n > MKBOOK_MAX_ROW_CELLS && count_pipes(line, n) > MKBOOK_MAX_ROW_CELLS) {
			diag_error(o->file, o->first_line - 1 + (int)line_no, 1,
			           "a line of more than %d table cells; split the table", MKBOOK_MAX_ROW_CELLS);
			return false;
		}
		if (in_table && is_blank(line, n)) {
			in_table = false;
		} else if (in_table) {
			rows++;
		} else if (is_delimiter_row(line, n, &cells)) {
			before += columns * rows; /* the tables above */
			in_table = true;
			columns = cells;
			rows = 1;
			table_line = line_no;
		}
		if (in_table && before + columns * rows > max_cells) {
			diag_error(o->file, o->first_line - 1 + (int)table_line, 1,
			           "the tables of this %s pass %zu cells here (this one has %zu columns); "
			           "split it",
			           o->untrusted ? "comment" : "chapter", max_cells, columns);
			return false;
		}
		at += n + 1;
	}
	return true;
}

static bool
is_inline(cmark_node *n)
{
	return (cmark_node_get_type(n) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_INLINE;
}

bool
markdown_tree_within_limits(const markdown_opts *o, cmark_node *root)
{
	size_t max_notes = o->untrusted ? MKBOOK_MAX_NOTES_UNTRUSTED : MKBOOK_MAX_NOTES;
	cmark_iter *it = cmark_iter_new(root);
	int depth = 0;
	size_t notes = 0;
	bool ok = true;
	cmark_event_type ev;
	while (ok && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		int line = cmark_node_get_start_line(n) + o->first_line - 1;
		int col = cmark_node_get_start_column(n);
		if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_DEFINITION &&
		    ++notes > max_notes) {
			diag_error(o->file, line, col, "more than %zu footnotes in one %s; split it", max_notes,
			           o->untrusted ? "comment" : "chapter");
			ok = false;
		} else if (ev == CMARK_EVENT_ENTER && cmark_node_first_child(n) != NULL) {
			if (++depth > MKBOOK_MAX_DEPTH) {
				if (is_inline(n))
					diag_error(o->file, line, col,
					           "emphasis, links or other inline markup nested deeper than %d "
					           "levels; simplify the markup",
					           MKBOOK_MAX_DEPTH);
				else
					diag_error(o->file, line, col,
					           "blocks nested deeper than %d levels; flatten the quotes or lists",
					           MKBOOK_MAX_DEPTH);
				ok = false;
			}
		} else if (ev == CMARK_EVENT_EXIT && cmark_node_first_child(n) != NULL) {
			depth--; /* an empty container was not counted on entry */
		}
	}
	cmark_iter_free(it);
	return ok;
}
