/* html_source.c - HTML text before libxml2's HTML parser; see html_source.h. */
#include "html_source.h"

#include <stdbool.h>
#include <string.h>

#include "str.h"
#include "strbuf.h"

char *
html_source_close_empty_comments(const char *html, size_t len, size_t *out_len)
{
	strbuf out = {0};
	const char *p = html, *end = html + len, *copied = html;
	bool changed = false;
	while ((p = memmem(p, (size_t)(end - p), "<!--", 4)) != NULL) {
		const char *body = p + 4;
		size_t dashes = body < end && body[0] == '-' ? 1 : 0;
		if (body + dashes < end && body[dashes] == '>') {
			strbuf_append(&out, copied, (size_t)(p - copied));
			strbuf_puts(&out, "<!---->");
			copied = p = body + dashes + 1;
			changed = true;
			continue;
		}
		const char *close = memmem(body, (size_t)(end - body), "-->", 3);
		if (close == NULL)
			break;
		p = close + 3;
	}
	if (!changed)
		return NULL;
	strbuf_append(&out, copied, (size_t)(end - copied));
	*out_len = out.len;
	return strbuf_take(&out);
}
