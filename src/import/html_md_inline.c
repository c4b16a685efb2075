/* html_md_inline.c - inline HTML -> Markdown: text and its escaping,
 * emphasis, links, images, code spans and line breaks. See
 * html_md_int.h. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unictype.h>
#include <unistr.h>

#include "import/html_md_int.h"
#include "url.h"

/* ---- characters ---- */

static bool
is_ascii_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* White space as CommonMark's flanking rules see it (Unicode Zs and the
 * ASCII controls). */
static bool
is_md_space(ucs4_t u)
{
	return u == 0 || is_ascii_space((int)u) || u == 0x0b || uc_is_general_category(u, UC_SPACE_SEPARATOR);
}

static bool
is_md_punct(ucs4_t u)
{
	if (u < 0x80)
		return ispunct((int)u) != 0;
	return uc_is_general_category(u, UC_PUNCTUATION) || uc_is_general_category(u, UC_SYMBOL);
}

/* The character before position pos of s (0 when none). */
static ucs4_t
char_before(const char *s, size_t pos)
{
	if (pos == 0)
		return 0;
	size_t i = pos - 1;
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	ucs4_t u = 0;
	u8_mbtouc(&u, (const uint8_t *)s + i, pos - i);
	return u;
}

static ucs4_t
char_at(const char *s, size_t len, size_t pos)
{
	if (pos >= len)
		return 0;
	ucs4_t u = 0;
	u8_mbtouc(&u, (const uint8_t *)s + pos, len - pos);
	return u;
}

/* ---- text ---- */

static void
put_space(strbuf *out)
{
	if (out->len == 0)
		return;
	char last = out->data[out->len - 1];
	if (last == ' ' || last == '\n')
		return;
	strbuf_putc(out, ' ');
}

static void
trim_trailing_spaces(strbuf *out)
{
	while (out->len > 0 && out->data[out->len - 1] == ' ')
		out->len--;
	if (out->data)
		out->data[out->len] = '\0';
}

static void
put_break(hm_ctx *c, strbuf *out)
{
	if (c->in_heading) {
		put_space(out);
		return;
	}
	if (c->in_table) {
		if (c->untrusted)
			put_space(out);
		else
			strbuf_puts(out, "<br />");
		return;
	}
	/* One space before the break stays: cmark-gfm drops it, but an
	 * address before it must end there for the autolink extension. */
	while (out->len > c->floor + 1 && out->data[out->len - 1] == ' ' &&
	       out->data[out->len - 2] == ' ')
		out->len--;
	if (out->data)
		out->data[out->len] = '\0';
	if (out->len == 0 || (out->len == 1 && out->data[0] == ' '))
		return;
	strbuf_puts(out, "\\\n");
}

/* Whether the character at s[i] needs a backslash to read as itself. */
static bool
needs_escape(const hm_ctx *c, const char *s, size_t i)
{
	switch (s[i]) {
	case '\\': case '`': case '*': case '[': case ']': case '<': case '|': case '~':
		return true;
	case '_':
		return !(i > 0 && isalnum((unsigned char)s[i - 1]) && isalnum((unsigned char)s[i + 1]));
	case '&':
		return isalnum((unsigned char)s[i + 1]) || s[i + 1] == '#';
	case '#':
		return c->in_heading > 0;
	case '"': case '\'':
		return !c->smart_ok;
	case '-':
		return !c->smart_ok && (s[i + 1] == '-' || (i > 0 && s[i - 1] == '-'));
	case '.':
		if (!c->smart_ok) {
			size_t a = i, b = i;
			while (a > 0 && s[a - 1] == '.')
				a--;
			while (s[b] == '.')
				b++;
			return b - a >= 3;
		}
		return false;
	default:
		return false;
	}
}

/* cmark-gfm's autolink extension reads "www." and "http://" addresses from
 * the source as they stand, backslashes and all, up to white space or
 * '<'. Where such an address holds a character that needs escaping, or
 * runs to the end of the text (where markup may follow it), the extension
 * must not see it: returns the position of the character to escape in its
 * stead (the '.' of "www." or the ':' of "://"), or (size_t)-1. */
static size_t
autolink_breaker(const hm_ctx *c, const char *s, size_t i)
{
	size_t at;
	if (!strncmp(s + i, "www.", 4) && (i == 0 || !isalnum((unsigned char)s[i - 1])))
		at = i + 3;
	else if (s[i] == ':' && s[i + 1] == '/' && s[i + 2] == '/' && i > 0 &&
	         isalpha((unsigned char)s[i - 1]))
		at = i;
	else
		return (size_t)-1;
	size_t start = i;
	while (start > 0 && isalpha((unsigned char)s[start - 1]))
		start--;
	size_t k = start;
	for (; s[k] && !is_ascii_space((unsigned char)s[k]) && s[k] != '<'; k++)
		if (needs_escape(c, s, k))
			return at;
	/* '<' is written "\<": its backslash would be taken in. */
	return s[k] == '<' || (s[k] == '\0' && !c->text_end_safe) ? at : (size_t)-1;
}

/* How many '.' or '-' (ch) end out unescaped: a run that text nodes split
 * is still one for smart punctuation. */
static size_t
unescaped_run(const strbuf *out, char ch)
{
	size_t n = 0;
	while (n < out->len && out->data[out->len - 1 - n] == ch &&
	       (out->len - 1 - n == 0 || out->data[out->len - 2 - n] != '\\'))
		n++;
	return n;
}

void
hm_text(hm_ctx *c, const char *s, strbuf *out)
{
	size_t breaker = (size_t)-1;
	for (size_t i = 0; s[i]; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (is_ascii_space(ch)) {
			if (ch == '\n' && c->verse)
				put_break(c, out);
			else
				put_space(out);
			continue;
		}
		if (breaker == (size_t)-1 || breaker < i)
			breaker = autolink_breaker(c, s, i);
		bool esc = needs_escape(c, s, i) || i == breaker;
		if (!c->smart_ok && i == 0 && (ch == '-' || ch == '.')) {
			/* A run begun in the text before. */
			size_t here = strspn(s, ch == '-' ? "-" : ".");
			size_t before = unescaped_run(out, (char)ch);
			esc = esc || (ch == '-' ? before >= 1 : before + here >= 3);
		}
		/* "!" and a link after it would read as an image. */
		if (ch == '!' && s[i + 1] == '\0' && !c->text_end_safe)
			esc = true;
		if (esc)
			strbuf_putc(out, '\\');
		strbuf_putc(out, (char)ch);
	}
}

/* Drops trailing spaces and line breaks ("\\\n") from the end of out. */
static void
trim_end(strbuf *out)
{
	for (;;) {
		trim_trailing_spaces(out);
		if (out->len >= 2 && out->data[out->len - 1] == '\n' && out->data[out->len - 2] == '\\') {
			out->len -= 2;
			continue;
		}
		break;
	}
	if (out->data)
		out->data[out->len] = '\0';
}

/* Whether s is empty or only white space, no-break spaces included. */
static bool
is_blank_text(const char *s)
{
	while (*s) {
		if (is_ascii_space((unsigned char)*s))
			s++;
		else if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
			s += 2;
		else if (s[0] == '\\' && s[1] == '\n')
			s += 2;
		else
			return false;
	}
	return true;
}

char *
hm_para_finish(strbuf *para, bool line_starts)
{
	trim_end(para);
	if (para->len == 0 || is_blank_text(para->data)) {
		strbuf_free(para);
		return NULL;
	}
	strbuf out = {0};
	const char *s = para->data;
	/* No line break at the start either. */
	while (*s == ' ' || (s[0] == '\\' && s[1] == '\n'))
		s += *s == ' ' ? 1 : 2;
	bool line_start = line_starts;
	for (; *s; s++) {
		if (line_start) {
			if (strchr("#-+=>", *s)) {
				strbuf_putc(&out, '\\');
			} else if (*s >= '0' && *s <= '9') {
				size_t d = strspn(s, "0123456789");
				if (s[d] == '.' || s[d] == ')') {
					strbuf_append(&out, s, d);
					strbuf_putc(&out, '\\');
					s += d;
				}
			}
		}
		strbuf_putc(&out, *s);
		line_start = line_starts && *s == '\n';
	}
	strbuf_free(para);
	return strbuf_take(&out);
}

static void
put_title(strbuf *out, const char *title)
{
	strbuf_puts(out, " \"");
	for (const char *p = title; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		if (is_ascii_space(ch)) {
			if (out->data[out->len - 1] != ' ')
				strbuf_putc(out, ' ');
			continue;
		}
		if (ch == '"' || ch == '\\' || (ch == '&' && (isalnum((unsigned char)p[1]) || p[1] == '#')))
			strbuf_putc(out, '\\');
		strbuf_putc(out, (char)ch);
	}
	strbuf_putc(out, '"');
}

/* ---- elements ---- */

/* WordPress shows emoji and smileys as images whose alt text is the
 * character itself: the character is what the text says. */
bool
hm_is_emoji(xmlNodePtr img)
{
	return hm_has_class(img, "emoji") || hm_has_class(img, "wp-smiley");
}

static void
render_image(hm_ctx *c, xmlNodePtr img, strbuf *out)
{
	if (hm_is_emoji(img)) {
		char *alt = hm_attr(img, "alt");
		if (alt)
			hm_text(c, alt, out);
		free(alt);
		return;
	}
	const char *alt = NULL;
	char *path = hm_image_path(c, img, &alt);
	if (path == NULL) {
		if (alt)
			hm_text(c, alt, out);
		return;
	}
	if (alt && *alt && !is_blank_text(alt)) {
		strbuf_puts(out, "![");
		int h = c->in_heading;
		c->in_heading = 0;
		hm_text(c, alt, out);
		c->in_heading = h;
		trim_trailing_spaces(out);
		strbuf_puts(out, "](");
		hm_put_destination(out, path);
		char *title = hm_attr(img, "title");
		if (title && *str_trim(title))
			put_title(out, title);
		free(title);
		strbuf_putc(out, ')');
	} else {
		/* A decorative image: mkbook wants alt="" written out, which only
		 * raw HTML can say. */
		strbuf_puts(out, "<img src=\"");
		hm_put_html_escaped(out, path);
		strbuf_puts(out, "\" alt=\"\" />");
	}
	free(path);
}

/* Whether the link text (as Markdown, n bytes) is the address itself,
 * and the address can be written as an autolink. */
static bool
is_autolink_form(const char *text, size_t n, const char *url)
{
	size_t i = 0, j = 0;
	while (i < n && url[j]) {
		if (text[i] == '\\' && i + 1 < n)
			i++;
		if (text[i] != url[j])
			return false;
		i++;
		j++;
	}
	if (i != n || url[j] != '\0' || !url_has_scheme(url))
		return false;
	for (const char *p = url; *p; p++) {
		if ((unsigned char)*p <= ' ' || *p == '<' || *p == '>' || *p == '\\')
			return false;
		/* "&name;" would read as a character reference. */
		if (*p == '&') {
			size_t k = strspn(p + 1, "#abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
			if (k > 0 && p[1 + k] == ';')
				return false;
		}
	}
	return true;
}

static void
render_link(hm_ctx *c, xmlNodePtr a, strbuf *out)
{
	char *href = hm_attr(a, "href");
	char *url = href && !c->in_link ? hm_link_url(c, href) : NULL;
	free(href);
	if (url == NULL) {
		hm_inline_siblings(c, a->children, out);
		return;
	}
	xmlNodePtr img = hm_lone_media_image(a);
	if (img && !c->untrusted && c->opt->image) {
		render_image(c, img, out);
		free(url);
		return;
	}
	size_t start = out->len;
	strbuf_putc(out, '[');
	size_t floor = c->floor;
	c->floor = out->len;
	c->in_link++;
	hm_inline_siblings(c, a->children, out);
	c->in_link--;
	c->floor = floor;
	/* White space at the ends of the text goes outside the link. */
	bool trailing = out->len > start + 1 && out->data[out->len - 1] == ' ';
	trim_trailing_spaces(out);
	if (out->len == start + 1 || (out->len == start + 2 && out->data[start + 1] == ' ')) {
		/* Nothing to click on (an anchor): nothing to write. */
		out->len = start;
		out->data[start] = '\0';
		if (trailing)
			put_space(out);
		free(url);
		return;
	}
	if (out->data[start + 1] == ' ') {
		memmove(out->data + start + 1, out->data + start + 2, out->len-- - start - 1);
		if (start > 0 && out->data[start - 1] != ' ' && out->data[start - 1] != '\n') {
			strbuf_putc(out, ' ');
			memmove(out->data + start + 1, out->data + start, out->len - start - 1);
			out->data[start++] = ' ';
		}
	}
	if (is_autolink_form(out->data + start + 1, out->len - start - 1, url)) {
		/* Its own address as its text: <URL>. */
		out->len = start;
		strbuf_putc(out, '<');
		strbuf_puts(out, url);
		strbuf_putc(out, '>');
	} else {
		strbuf_puts(out, "](");
		hm_put_destination(out, url);
		char *title = hm_attr(a, "title");
		if (title && *str_trim(title))
			put_title(out, title);
		free(title);
		strbuf_putc(out, ')');
	}
	if (trailing)
		put_space(out);
	free(url);
}

/* A link to the frame's or the media's address, since neither can be in
 * the book. */
static void
render_media_link(hm_ctx *c, xmlNodePtr n, strbuf *out)
{
	char *src = hm_attr(n, "src");
	if (src == NULL) {
		for (xmlNodePtr k = n->children; k && !src; k = k->next)
			if (k->type == XML_ELEMENT_NODE && !strcmp((const char *)k->name, "source"))
				src = hm_attr(k, "src");
	}
	char *url = src && !c->in_link ? hm_link_url(c, src) : NULL;
	free(src);
	if (url == NULL)
		return;
	char *title = hm_attr(n, "title");
	if (!(title && *str_trim(title)) && is_autolink_form(url, strlen(url), url)) {
		strbuf_printf(out, "<%s>", url);
		free(title);
		free(url);
		return;
	}
	strbuf_putc(out, '[');
	hm_text(c, title && *title ? title : url, out);
	strbuf_puts(out, "](");
	hm_put_destination(out, url);
	strbuf_putc(out, ')');
	free(title);
	free(url);
}

static void
render_code_span(hm_ctx *c, xmlNodePtr n, strbuf *out)
{
	char *raw = hm_text_content(n);
	strbuf t = {0};
	strbuf_puts(&t, "");
	for (const char *p = raw; *p; p++) {
		if (is_ascii_space((unsigned char)*p)) {
			if (t.len == 0 || t.data[t.len - 1] != ' ')
				strbuf_putc(&t, ' ');
		} else {
			strbuf_putc(&t, *p);
		}
	}
	free(raw);
	/* White space at its ends stays inside it, folded to one space; code
	 * of nothing but white space is a space. */
	if (t.len <= 1 && (t.len == 0 || t.data[0] == ' ')) {
		if (t.len)
			put_space(out);
		strbuf_free(&t);
		return;
	}
	if (out->len > 0 && out->data[out->len - 1] == '`') {
		/* Right after another code span, its backticks would run into
		 * that one's: the element itself, or the text. */
		if (!c->untrusted)
			strbuf_puts(out, "<code>");
		hm_text(c, t.data, out);
		if (!c->untrusted)
			strbuf_puts(out, "</code>");
		strbuf_free(&t);
		return;
	}
	size_t run = 0, longest = 0;
	for (size_t i = 0; i < t.len; i++) {
		run = t.data[i] == '`' ? run + 1 : 0;
		if (run > longest)
			longest = run;
	}
	bool pad = t.data[0] == '`' || t.data[t.len - 1] == '`' || t.data[0] == ' ' ||
	           t.data[t.len - 1] == ' ';
	for (size_t i = 0; i <= longest; i++)
		strbuf_putc(out, '`');
	if (pad)
		strbuf_putc(out, ' ');
	/* In a table cell a '|' ends the cell, in code too, unless escaped. */
	for (size_t i = 0; i < t.len; i++) {
		if (t.data[i] == '|' && c->in_table)
			strbuf_putc(out, '\\');
		strbuf_putc(out, t.data[i]);
	}
	if (pad)
		strbuf_putc(out, ' ');
	for (size_t i = 0; i <= longest; i++)
		strbuf_putc(out, '`');
	strbuf_free(&t);
}

/* What comes after n in the text, for the flanking rules: its first
 * character, '*' or '~' when an emphasis element starts there, 0 at the
 * end of the block. */
static ucs4_t
next_char(xmlNodePtr n)
{
	xmlNodePtr k = n;
	int guard = 0;
	for (;;) {
		while (k && k->next == NULL) {
			k = k->parent;
			if (k == NULL || k->type != XML_ELEMENT_NODE || hm_is_block(k))
				return 0;
		}
		if (k == NULL)
			return 0;
		k = k->next;
	descend:
		if (++guard > 10000)
			return 0;
		if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) {
			const char *t = (const char *)k->content;
			if (t && *t)
				return char_at(t, strlen(t), 0);
			continue;
		}
		if (k->type != XML_ELEMENT_NODE)
			continue;
		const char *name = (const char *)k->name;
		if (hm_is_block(k) || !strcmp(name, "br"))
			return ' ';
		if (!strcmp(name, "em") || !strcmp(name, "i") || !strcmp(name, "strong") ||
		    !strcmp(name, "b") || !strcmp(name, "cite"))
			return '*';
		if (!strcmp(name, "del") || !strcmp(name, "s") || !strcmp(name, "strike"))
			return '~';
		if (!strcmp(name, "img") || !strcmp(name, "a") || !strcmp(name, "code"))
			return '!';
		if (k->children && !hm_is_dropped(k)) {
			k = k->children;
			goto descend;
		}
	}
}

/* Emphasis, strong emphasis or strike-through around n's content: md is
 * the Markdown delimiter, tag the HTML element that stands in where the
 * delimiters could not open or close there. */
static void
render_delimited(hm_ctx *c, xmlNodePtr n, strbuf *out, const char *md, const char *tag)
{
	size_t start = out->len;
	size_t floor = c->floor;
	c->floor = start;
	hm_inline_siblings(c, n->children, out);
	c->floor = floor;
	/* White space and line breaks at the ends go outside. */
	for (;;) {
		if (start < out->len && out->data[start] == ' ')
			start++;
		else if (start + 1 < out->len && out->data[start] == '\\' && out->data[start + 1] == '\n')
			start += 2;
		else
			break;
	}
	size_t end = out->len;
	for (;;) {
		if (end > start && out->data[end - 1] == ' ')
			end--;
		else if (end >= start + 2 && out->data[end - 1] == '\n' && out->data[end - 2] == '\\')
			end -= 2;
		else
			break;
	}
	char *tail = out->data ? xstrndup(out->data + end, out->len - end) : xstrdup("");
	out->len = end;
	if (out->data)
		out->data[out->len] = '\0';
	if (out->len <= start)
		goto done;
	ucs4_t prev = char_before(out->data, start);
	if (prev == '\n')
		prev = ' ';
	ucs4_t first = char_at(out->data, out->len, start);
	ucs4_t last = char_before(out->data, out->len);
	ucs4_t next = *tail ? ' ' : next_char(n);
	/* The opening run must be left-flanking and not right-flanking, the
	 * closing one the reverse: a run that could do both is read by
	 * CommonMark's rules of nesting, which need not pair it as here. */
	bool open_left = !is_md_punct(first) || is_md_space(prev) || is_md_punct(prev);
	bool open_right = !is_md_space(prev) && (!is_md_punct(prev) || is_md_punct(first));
	bool close_right = !is_md_punct(last) || is_md_space(next) || is_md_punct(next);
	bool close_left = !is_md_space(next) && (!is_md_punct(next) || is_md_punct(last));
	bool ok = !is_md_space(first) && !is_md_space(last) && open_left && !open_right &&
	          close_right && !close_left && prev != (ucs4_t)md[0] && next != (ucs4_t)md[0] &&
	          last != '\\';
	char *open, *close;
	if (ok) {
		open = xstrdup(md);
		close = xstrdup(md);
	} else if (!c->untrusted) {
		open = xasprintf("<%s>", tag);
		close = xasprintf("</%s>", tag);
	} else {
		goto done;
	}
	size_t ol = strlen(open);
	strbuf_append(out, open, ol); /* room */
	memmove(out->data + start + ol, out->data + start, out->len - ol - start);
	memcpy(out->data + start, open, ol);
	strbuf_puts(out, close);
	free(open);
	free(close);
done:
	strbuf_puts(out, tail);
	free(tail);
}

/* Phrase elements Markdown has no form for, kept as inline HTML where
 * raw HTML may be (superscripts, quotations, abbreviations...). */
static bool
is_kept_inline(const char *name)
{
	return !strcmp(name, "sup") || !strcmp(name, "sub") || !strcmp(name, "q") ||
	       !strcmp(name, "mark") || !strcmp(name, "ins") || !strcmp(name, "abbr") ||
	       !strcmp(name, "acronym");
}

static void
render_kept_inline(hm_ctx *c, xmlNodePtr n, strbuf *out)
{
	const char *name = (const char *)n->name;
	if (!strcmp(name, "acronym"))
		name = "abbr";
	size_t start = out->len;
	strbuf_printf(out, "<%s", name);
	char *title = !strcmp(name, "abbr") ? hm_attr(n, "title") : NULL;
	if (title && *str_trim(title)) {
		strbuf_puts(out, " title=\"");
		hm_put_html_escaped(out, title);
		strbuf_putc(out, '"');
	}
	free(title);
	strbuf_putc(out, '>');
	size_t inner = out->len;
	size_t floor = c->floor;
	c->floor = inner;
	hm_inline_siblings(c, n->children, out);
	c->floor = floor;
	bool trailing = out->len > inner && out->data[out->len - 1] == ' ';
	trim_trailing_spaces(out);
	if (out->len == inner) {
		/* Nothing inside: no element either. */
		out->len = start;
		out->data[start] = '\0';
		if (trailing)
			put_space(out);
		return;
	}
	strbuf_printf(out, "</%s>", name);
	if (trailing)
		put_space(out);
}

void
hm_inline_siblings(hm_ctx *c, xmlNodePtr n, strbuf *out)
{
	for (; n; n = n->next)
		hm_inline_node(c, n, out);
}

/* Whether what the text node n is followed by in the Markdown ends an
 * address there: white space, or the end of the block; not markup that
 * closes an element, nor a line break's backslash. */
static bool
ends_address(xmlNodePtr n)
{
	xmlNodePtr k = n;
	while (k->next == NULL) {
		k = k->parent;
		if (k == NULL || k->type != XML_ELEMENT_NODE || hm_is_block(k))
			return true;
		static const char *const plain[] = {"span", "font", "small", "big", "bdi", "bdo",
		                                    "time", "data", "label", "u", NULL};
		bool transparent = false;
		for (size_t i = 0; plain[i] && !transparent; i++)
			transparent = !strcmp((const char *)k->name, plain[i]);
		if (!transparent)
			return false;
	}
	k = k->next;
	if (k->type == XML_TEXT_NODE)
		return k->content && is_ascii_space(k->content[0]);
	return k->type == XML_ELEMENT_NODE && hm_is_block(k);
}

void
hm_inline_node(hm_ctx *c, xmlNodePtr n, strbuf *out)
{
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content) {
			c->text_end_safe = ends_address(n);
			hm_text(c, (const char *)n->content, out);
			c->text_end_safe = false;
		}
		return;
	}
	if (n->type != XML_ELEMENT_NODE)
		return;
	const char *name = (const char *)n->name;
	if (hm_is_dropped(n))
		return;
	if (c->depth >= HM_MAX_DEPTH) {
		char *t = hm_text_content(n);
		hm_text(c, t, out);
		free(t);
		return;
	}
	c->depth++;
	if (!strcmp(name, "br")) {
		put_break(c, out);
	} else if (!strcmp(name, "img")) {
		render_image(c, n, out);
	} else if (!strcmp(name, "a")) {
		render_link(c, n, out);
	} else if (!strcmp(name, "iframe") || !strcmp(name, "video") || !strcmp(name, "audio")) {
		render_media_link(c, n, out);
	} else if (!strcmp(name, "code") || !strcmp(name, "kbd") || !strcmp(name, "samp") ||
	           !strcmp(name, "tt")) {
		render_code_span(c, n, out);
	} else if (!strcmp(name, "strong") || !strcmp(name, "b")) {
		if (c->in_strong) {
			hm_inline_siblings(c, n->children, out);
		} else {
			c->in_strong++;
			render_delimited(c, n, out, "**", "strong");
			c->in_strong--;
		}
	} else if (!strcmp(name, "em") || !strcmp(name, "i") || !strcmp(name, "cite") ||
	           !strcmp(name, "dfn") || !strcmp(name, "var")) {
		if (c->in_em) {
			hm_inline_siblings(c, n->children, out);
		} else {
			c->in_em++;
			render_delimited(c, n, out, "*", "em");
			c->in_em--;
		}
	} else if (!strcmp(name, "del") || !strcmp(name, "s") || !strcmp(name, "strike")) {
		if (c->in_del) {
			hm_inline_siblings(c, n->children, out);
		} else {
			c->in_del++;
			render_delimited(c, n, out, "~~", "del");
			c->in_del--;
		}
	} else if (!c->untrusted && is_kept_inline(name)) {
		render_kept_inline(c, n, out);
	} else if (hm_is_block(n)) {
		/* A block inside inline content: its text, set apart. */
		put_space(out);
		hm_inline_siblings(c, n->children, out);
		put_space(out);
	} else {
		hm_inline_siblings(c, n->children, out);
	}
	c->depth--;
}
