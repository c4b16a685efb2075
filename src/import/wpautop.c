/* wpautop.c - WordPress editor text -> the HTML WordPress shows for it.
 *
 * Gutenberg posts carry their blocks between <!-- wp:name {...} --> and
 * <!-- /wp:name --> comments; the comments go, the content stays, and (as
 * in WordPress) block content gets no automatic paragraphs. Text outside
 * any block (a classic post, or classic text between blocks) gets them,
 * by WordPress's documented wpautop rules, reimplemented here:
 *   - a blank line ends a paragraph, and each paragraph is wrapped in <p>
 *     unless it starts with a block-level tag (a blockquote's content is
 *     wrapped inside it);
 *   - block-level tags stand apart as if blank lines surrounded them;
 *   - two <br> in a row end a paragraph too;
 *   - a single line end inside a paragraph becomes <br />, but not right
 *     after a block-level tag or a <br>, nor right before the opening or
 *     closing tag of p, li, div, dl, dd, dt, th, pre, td, ul or ol;
 *   - <pre>, <script>, <style>, <svg> and <textarea> content is left as it
 *     is, and line ends inside tags and comments are no line breaks.
 * Shortcodes are expanded first (shortcode.c), and a bare http(s) address
 * alone on its line becomes a link, as WordPress's auto-embed falls back
 * to when it cannot embed. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import/html_md_int.h"

/* Placeholder marks: control characters that cannot be in HTML text (they
 * are removed from the input first). */
#define MARK_OPEN '\x02'
#define MARK_CLOSE '\x03'
#define MARK_NL '\x04'
#define MARK_PARA '\x05' /* a line end between paragraphs: never a <br /> */

static bool
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static bool
is_allblock(const char *name, size_t n)
{
	static const char *const blocks[] = {
	    "table", "thead", "tfoot", "caption", "col", "colgroup", "tbody", "tr", "td",
	    "th", "div", "dl", "dd", "dt", "ul", "ol", "li", "pre", "form", "map", "area",
	    "blockquote", "address", "math", "style", "p", "h1", "h2", "h3", "h4", "h5",
	    "h6", "hr", "fieldset", "legend", "section", "article", "aside", "hgroup",
	    "header", "footer", "nav", "figure", "figcaption", "details", "menu", "summary",
	    NULL};
	for (size_t i = 0; blocks[i]; i++)
		if (strlen(blocks[i]) == n && !strncasecmp(name, blocks[i], n))
			return true;
	return false;
}

/* A tag at s (s[0] == '<'): its length (to past '>', or to the end),
 * whether it closes, and its name; 0 when s starts no tag. */
typedef struct tag_info {
	size_t len;
	bool closing;
	const char *name;
	size_t name_len;
} tag_info;

static size_t
scan_tag(const char *s, tag_info *t)
{
	memset(t, 0, sizeof *t);
	if (s[0] != '<')
		return 0;
	if (!strncmp(s, "<!--", 4)) {
		const char *e = strstr(s + 4, "-->");
		t->len = e ? (size_t)(e + 3 - s) : strlen(s);
		return t->len;
	}
	size_t i = 1;
	if (s[i] == '/') {
		t->closing = true;
		i++;
	}
	if (!isalpha((unsigned char)s[i]) && !(s[1] == '!' || s[1] == '?'))
		return 0;
	t->name = s + i;
	while (isalnum((unsigned char)s[i]))
		i++;
	t->name_len = (size_t)(s + i - t->name);
	const char *e = strchr(s + i, '>');
	t->len = e ? (size_t)(e + 1 - s) : strlen(s);
	return t->len;
}

static bool
is_block_tag(const tag_info *t)
{
	if (t->name_len == 0 || !is_allblock(t->name, t->name_len))
		return false;
	/* "<p>" and "<p " open, "</p>" closes; "<pre" is not "<p". */
	char after = t->name[t->name_len];
	return t->closing ? after == '>' : (after == '>' || after == '/' || is_space(after));
}

/* The text with <pre> and the like replaced by numbered marks (saved in
 * *saved) and line ends inside tags and comments replaced by MARK_NL. */
static char *
protect(const char *text, strlist *saved)
{
	strbuf out = {0};
	strbuf_puts(&out, "");
	const char *p = text;
	while (*p) {
		if (*p == '<') {
			const char *e = hm_skip_verbatim(p, false);
			if (e != p) {
				strbuf_printf(&out, "%c%zu%c", MARK_OPEN, saved->n, MARK_CLOSE);
				strlist_push_owned(saved, xstrndup(p, (size_t)(e - p)));
				p = e;
				continue;
			}
			tag_info t;
			size_t n = scan_tag(p, &t);
			if (n) {
				for (size_t i = 0; i < n; i++)
					strbuf_putc(&out, p[i] == '\n' ? MARK_NL : p[i]);
				p += n;
				continue;
			}
		}
		strbuf_putc(&out, *p++);
	}
	return strbuf_take(&out);
}

static char *
unprotect(const char *text, const strlist *saved)
{
	strbuf out = {0};
	strbuf_puts(&out, "");
	for (const char *p = text; *p; p++) {
		if (*p == MARK_OPEN) {
			char *end;
			unsigned long i = strtoul(p + 1, &end, 10);
			if (*end == MARK_CLOSE && i < saved->n) {
				strbuf_puts(&out, saved->items[i]);
				p = end;
				continue;
			}
		}
		strbuf_putc(&out, *p == MARK_NL ? '\n' : *p);
	}
	return strbuf_take(&out);
}

/* The saved text a mark at p stands for, or NULL. */
static const char *
mark_text(const char *p, const strlist *saved)
{
	if (*p != MARK_OPEN)
		return NULL;
	unsigned long i = strtoul(p + 1, NULL, 10);
	return i < saved->n ? saved->items[i] : NULL;
}

static bool
is_br(const tag_info *t)
{
	return !t->closing && t->name_len == 2 && !strncasecmp(t->name, "br", 2);
}

/* Blank lines around block-level tags; two <br> in a row as a blank line;
 * every <br> written "<br />". */
static char *
space_blocks(const char *text)
{
	strbuf out = {0};
	strbuf_puts(&out, "");
	const char *p = text;
	while (*p) {
		tag_info t;
		size_t n = *p == '<' ? scan_tag(p, &t) : 0;
		if (n == 0) {
			strbuf_putc(&out, *p++);
			continue;
		}
		if (is_br(&t)) {
			const char *q = p + n;
			while (is_space(*q))
				q++;
			tag_info t2;
			size_t n2 = *q == '<' ? scan_tag(q, &t2) : 0;
			if (n2 && is_br(&t2)) {
				strbuf_puts(&out, "\n\n");
				p = q + n2;
			} else {
				strbuf_puts(&out, "<br />");
				p += n;
			}
			continue;
		}
		bool block = is_block_tag(&t);
		bool hr = block && t.name_len == 2 && !strncasecmp(t.name, "hr", 2);
		if (block && (!t.closing || hr))
			strbuf_puts(&out, "\n\n");
		strbuf_append(&out, p, n);
		if (block && (t.closing || hr))
			strbuf_puts(&out, "\n\n");
		p += n;
	}
	return strbuf_take(&out);
}

/* Whether [s, e) holds only block-level tags and white space; *last is
 * set to the last tag seen. */
static bool
only_block_tags(const char *s, const char *e, tag_info *last)
{
	while (s < e) {
		if (is_space(*s)) {
			s++;
			continue;
		}
		tag_info t;
		size_t n = *s == '<' ? scan_tag(s, &t) : 0;
		if (n == 0 || !is_block_tag(&t) || s + n > e)
			return false;
		*last = t;
		s += n;
	}
	return true;
}

/* One paragraph-to-be (no blank line inside), wrapped as wpautop does. */
static void
wrap_chunk(strbuf *out, const char *s, size_t len)
{
	while (len > 0 && s[len - 1] == '\n')
		len--;
	while (len > 0 && *s == '\n') {
		s++;
		len--;
	}
	const char *e = s + len;
	bool blank = true;
	for (const char *q = s; q < e && blank; q++)
		blank = is_space(*q);
	if (blank)
		return;
	/* The block tags at its start and at its end. */
	const char *lead_end = s;
	tag_info last_lead = {0};
	for (const char *q = s; q < e;) {
		if (is_space(*q)) {
			q++;
			continue;
		}
		tag_info t;
		size_t n = *q == '<' ? scan_tag(q, &t) : 0;
		if (n == 0 || !is_block_tag(&t) || q + n > e)
			break;
		last_lead = t;
		q += n;
		lead_end = q;
	}
	const char *trail_start = e;
	for (const char *q = lead_end; q < e; q++) {
		tag_info dummy;
		if (*q == '<' && only_block_tags(q, e, &dummy)) {
			trail_start = q;
			break;
		}
	}
	bool middle = false;
	for (const char *q = lead_end; q < trail_start && !middle; q++)
		middle = !is_space(*q);
	bool wrap = middle && (lead_end == s ||
	                       (!last_lead.closing && last_lead.name_len == 10 &&
	                        !strncasecmp(last_lead.name, "blockquote", 10)));
	if (!wrap) {
		strbuf_append(out, s, len);
		strbuf_putc(out, MARK_PARA);
		return;
	}
	strbuf_append(out, s, (size_t)(lead_end - s));
	strbuf_puts(out, "<p>");
	const char *m = lead_end, *me = trail_start;
	while (m < me && is_space(*m))
		m++;
	while (me > m && is_space(me[-1]))
		me--;
	strbuf_append(out, m, (size_t)(me - m));
	strbuf_puts(out, "</p>");
	strbuf_append(out, trail_start, (size_t)(e - trail_start));
	strbuf_putc(out, MARK_PARA);
}

static bool
break_precedes_tag(const char *s, const strlist *saved)
{
	while (is_space(*s))
		s++;
	const char *m = mark_text(s, saved);
	if (m)
		return !strncasecmp(m, "<pre", 4);
	tag_info t;
	if (*s != '<' || scan_tag(s, &t) == 0 || !is_block_tag(&t))
		return false;
	static const char *const names[] = {"p", "li", "div", "dl", "dd", "dt", "th",
	                                    "pre", "td", "ul", "ol", NULL};
	for (size_t i = 0; names[i]; i++)
		if (strlen(names[i]) == t.name_len && !strncasecmp(names[i], t.name, t.name_len))
			return true;
	return false;
}

char *
hm_wpautop(const char *text)
{
	bool blank = true;
	for (const char *q = text; *q && blank; q++)
		blank = is_space(*q);
	if (blank)
		return xstrdup("");
	strlist saved = {0};
	char *prot = protect(text, &saved);
	char *spaced = space_blocks(prot);
	free(prot);

	/* Paragraphs: split at blank lines. */
	strbuf paras = {0};
	strbuf_puts(&paras, "");
	const char *p = spaced, *chunk = spaced;
	while (*p) {
		if (*p != '\n') {
			p++;
			continue;
		}
		const char *q = p + 1, *last_nl = NULL;
		while (is_space(*q)) {
			if (*q == '\n')
				last_nl = q;
			q++;
		}
		if (last_nl == NULL) {
			p++;
			continue;
		}
		wrap_chunk(&paras, chunk, (size_t)(p - chunk));
		chunk = last_nl + 1;
		p = chunk;
	}
	wrap_chunk(&paras, chunk, strlen(chunk));
	free(spaced);

	/* Line breaks: each remaining line end inside a paragraph, unless
	 * what comes before it (white space aside) is a <br> or a block-level
	 * tag, or what comes after it one of the tags that stop a break. */
	strbuf out = {0};
	strbuf_puts(&out, "");
	const char *s = paras.data;
	bool after_tag = true; /* nothing before: no break at the start */
	for (size_t i = 0; s[i]; i++) {
		tag_info t;
		size_t n;
		if (s[i] == MARK_PARA) {
			strbuf_putc(&out, '\n');
			after_tag = true;
		} else if (s[i] == '<' && (n = scan_tag(s + i, &t)) > 0) {
			strbuf_append(&out, s + i, n);
			after_tag = is_br(&t) || is_block_tag(&t);
			i += n - 1;
		} else if (s[i] == MARK_OPEN) {
			const char *m = mark_text(s + i, &saved);
			const char stop[2] = {MARK_CLOSE, '\0'};
			size_t e = i + strcspn(s + i, stop);
			strbuf_append(&out, s + i, e - i + (s[e] != '\0'));
			after_tag = m && (!strncasecmp(m, "<pre", 4) || !strncasecmp(m, "<style", 6));
			i = s[e] ? e : e - 1;
		} else if (s[i] == '\n') {
			if (s[i + 1] != '\0' && !after_tag && !break_precedes_tag(s + i + 1, &saved)) {
				while (out.len > 0 && is_space(out.data[out.len - 1]) && out.data[out.len - 1] != '\n')
					out.len--;
				strbuf_puts(&out, "<br />");
				after_tag = true;
			}
			strbuf_putc(&out, '\n');
		} else {
			strbuf_putc(&out, s[i]);
			if (!is_space(s[i]))
				after_tag = false;
		}
	}
	strbuf_free(&paras);
	char *res = unprotect(out.data, &saved);
	strbuf_free(&out);
	strlist_free(&saved);
	return res;
}

static bool
is_bare_url(const char *s, size_t n)
{
	size_t k = !strncasecmp(s, "http://", 7) ? 7 : !strncasecmp(s, "https://", 8) ? 8 : 0;
	if (k == 0 || n <= k)
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch <= ' ' || ch == '<' || ch == '>' || ch == '"' || ch == 0x7f)
			return false;
	}
	return true;
}

char *
hm_autoembed(const char *text)
{
	strlist saved = {0};
	char *prot = protect(text, &saved);
	strbuf out = {0};
	strbuf_puts(&out, "");
	const char *line = prot;
	for (;;) {
		size_t n = strcspn(line, "\n");
		size_t a = 0, b = n;
		while (a < n && (line[a] == ' ' || line[a] == '\t'))
			a++;
		while (b > a && (line[b - 1] == ' ' || line[b - 1] == '\t' || line[b - 1] == '\r'))
			b--;
		if (is_bare_url(line + a, b - a)) {
			strbuf_append(&out, line, a);
			strbuf_puts(&out, "<a href=\"");
			strbuf_append(&out, line + a, b - a);
			strbuf_puts(&out, "\">");
			strbuf_append(&out, line + a, b - a);
			strbuf_puts(&out, "</a>");
			strbuf_append(&out, line + b, n - b);
		} else {
			strbuf_append(&out, line, n);
		}
		if (line[n] == '\0')
			break;
		strbuf_putc(&out, '\n');
		line += n + 1;
	}
	free(prot);
	char *res = unprotect(out.data, &saved);
	strbuf_free(&out);
	strlist_free(&saved);
	return res;
}

/* ---- Gutenberg block comments ---- */

/* A block comment at s: "<!-- wp:name ... -->", "<!-- /wp:name -->" or
 * "<!-- wp:name ... /-->". Returns its length (0: not one) and its kind:
 * 1 opens, -1 closes, 0 stands alone. */
static size_t
block_comment(const char *s, int *kind)
{
	if (strncmp(s, "<!--", 4))
		return 0;
	const char *p = s + 4;
	if (!is_space(*p))
		return 0;
	while (is_space(*p))
		p++;
	bool closing = *p == '/';
	if (closing)
		p++;
	if (strncmp(p, "wp:", 3) || !isalpha((unsigned char)p[3]))
		return 0;
	const char *e = strstr(p, "-->");
	if (e == NULL)
		return 0;
	*kind = closing ? -1 : e[-1] == '/' ? 0 : 1;
	return (size_t)(e + 3 - s);
}

static size_t
count_lines(const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += s[i] == '\n';
	return k;
}

/* Shortcodes, bare URLs and (outside blocks) wpautop for one stretch. */
static void
convert_segment(strbuf *out, const char *s, size_t n, bool freeform, const html_md_options *opt,
                int line)
{
	/* Reader comments get neither shortcodes nor embeds in WordPress
	 * (and a commenter's [gallery] must not pull in the site's images). */
	char *seg = xstrndup(s, n);
	char *em = seg;
	if (!opt->untrusted) {
		char *sc = hm_shortcodes(seg, opt, line);
		em = hm_autoembed(sc);
		free(sc);
		free(seg);
	}
	if (freeform) {
		char *ap = hm_wpautop(em);
		free(em);
		em = ap;
	}
	strbuf_puts(out, em);
	strbuf_putc(out, '\n');
	free(em);
}

char *
hm_wordpress_html(const char *text, const html_md_options *opt)
{
	/* Line ends as "\n", and none of the marks the passes use. */
	strbuf norm = {0};
	strbuf_puts(&norm, "");
	for (const char *p = text; *p; p++) {
		if (*p == '\r') {
			strbuf_putc(&norm, '\n');
			if (p[1] == '\n')
				p++;
		} else if (*p != MARK_OPEN && *p != MARK_CLOSE && *p != MARK_NL && *p != MARK_PARA &&
		           *p != '\x01') {
			strbuf_putc(&norm, *p);
		}
	}
	strbuf out = {0};
	strbuf_puts(&out, "");
	const char *s = norm.data, *seg = s;
	int depth = 0;
	for (const char *p = s; *p;) {
		int kind;
		size_t n = *p == '<' ? block_comment(p, &kind) : 0;
		if (n == 0) {
			p++;
			continue;
		}
		if (p > seg) {
			int line = opt->line > 0 ? opt->line + (int)count_lines(s, (size_t)(seg - s)) : 0;
			convert_segment(&out, seg, (size_t)(p - seg), depth == 0, opt, line);
		}
		if (kind > 0)
			depth++;
		else if (kind < 0 && depth > 0)
			depth--;
		p += n;
		seg = p;
	}
	if (*seg) {
		int line = opt->line > 0 ? opt->line + (int)count_lines(s, (size_t)(seg - s)) : 0;
		convert_segment(&out, seg, strlen(seg), depth == 0, opt, line);
	}
	strbuf_free(&norm);
	return strbuf_take(&out);
}
