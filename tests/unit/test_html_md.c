/* test_html_md.c - the importers' HTML -> Markdown converter: WordPress's
 * paragraph rules, Gutenberg blocks, shortcodes, escaping (checked by
 * rendering the Markdown with mkbook and reading its text back), lists,
 * links, images, tables, untrusted comments, and the golden fixtures
 * under tests/import/html/. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book.h"
#include "diag.h"
#include "import/html_md.h"
#include "import/html_md_int.h"
#include "markdown.h"
#include "util.h"
#include "xhtml.h"

Suite *html_md_suite(void);

/* ---- helpers ---- */

/* Images: "images/" and the last part of the address; "missing" in the
 * address means the image is not to be had. Counts the calls. */
static int image_calls;

static const char *
image_cb(void *ctx, const char *url, const char *alt)
{
	(void)alt;
	static char path[256];
	image_calls++;
	if (ctx)
		strlist_push((strlist *)ctx, url);
	if (strstr(url, "missing"))
		return NULL;
	const char *b = strrchr(url, '/');
	snprintf(path, sizeof path, "images/%s", b ? b + 1 : url);
	return path;
}

static char *
conv_opt(const char *html, bool raw, bool untrusted, const char *base)
{
	html_md_options o = {.wordpress_raw = raw,
	                     .untrusted = untrusted,
	                     .base_url = base,
	                     .file = "post.xml",
	                     .line = 0,
	                     .image = image_cb};
	return html_md_convert(html, &o);
}

/* Rendered HTML (not editor text), trusted, no base address. */
static char *
conv(const char *html)
{
	return conv_opt(html, false, false, NULL);
}

static char *
conv_raw(const char *html)
{
	return conv_opt(html, true, false, "https://blog.example.net/2021/04/orchard/");
}

#define ck_conv(fn, html, expected)                                                                \
	do {                                                                                       \
		char *got_ = fn(html);                                                             \
		ck_assert_str_eq(got_, expected);                                                  \
		free(got_);                                                                        \
	} while (0)

/* The text a reader sees of md once mkbook has built it. */
static char *
rendered_text(const char *md, bool untrusted)
{
	book *b = book_new(".");
	xmlNodePtr body;
	xmlDocPtr doc = xhtml_new_document(b, "text/x.xhtml", "T", NULL, &body);
	strset *ids = strset_new();
	markdown_opts o = {.file = "x.md", .first_line = 1, .untrusted = untrusted, .ids = ids};
	markdown_render(b, &o, md, strlen(md), body);
	xmlBufferPtr buf = xmlBufferCreate();
	for (xmlNodePtr k = body->children; k; k = k->next)
		xmlNodeDump(buf, doc, k, 0, 0);
	char *text = html_md_text((const char *)xmlBufferContent(buf));
	xmlBufferFree(buf);
	xmlFreeDoc(doc);
	strset_free(ids);
	book_free(b);
	return text;
}

/* s with each run of white space that holds a space (no-break spaces
 * included) as one space, and no white space at the ends: paragraphs of
 * nothing but no-break spaces are dropped on purpose. */
static char *
fold_spaces(const char *s)
{
	strbuf b = {0};
	strbuf_puts(&b, "");
	while (*s) {
		size_t n = 0;
		bool space = false;
		for (;;) {
			if (s[n] == ' ')
				space = true, n++;
			else if ((unsigned char)s[n] == 0xC2 && (unsigned char)s[n + 1] == 0xA0)
				n += 2;
			else
				break;
		}
		if (n && space) {
			if (b.len && s[n])
				strbuf_putc(&b, ' ');
		} else if (n && b.len && s[n]) {
			strbuf_append(&b, s, n);
		}
		if (n == 0)
			strbuf_putc(&b, *s++);
		s += n;
	}
	return strbuf_take(&b);
}

/* s with the characters smart punctuation makes (curly quotes, dashes,
 * the ellipsis) written as the straight ones it makes them from. */
static char *
unsmart(const char *s)
{
	static const char *const pairs[][2] = {
	    {"\u2018", "'"}, {"\u2019", "'"}, {"\u201c", "\""}, {"\u201d", "\""},
	    {"\u2014", "---"}, {"\u2013", "--"}, {"\u2026", "..."}};
	strbuf b = {0};
	strbuf_puts(&b, "");
	while (*s) {
		size_t i = 0;
		while (i < sizeof pairs / sizeof *pairs && strncmp(s, pairs[i][0], strlen(pairs[i][0])))
			i++;
		if (i < sizeof pairs / sizeof *pairs) {
			strbuf_puts(&b, pairs[i][1]);
			s += strlen(pairs[i][0]);
		} else {
			strbuf_putc(&b, *s++);
		}
	}
	return strbuf_take(&b);
}

/* html converted and built reads as html itself does, word for word
 * (with fold: white space as fold_spaces has it; with raw: as WordPress
 * editor text, quotes and dashes as smart punctuation has them). */
static void
check_roundtrip_mode(const char *html, bool untrusted, bool fold, bool raw)
{
	char *md = conv_opt(html, raw, untrusted, "https://blog.example.net/");
	/* Editor text reads as the HTML WordPress makes of it. */
	html_md_options wo = {.untrusted = untrusted};
	char *shown = raw ? hm_wordpress_html(html, &wo) : NULL;
	char *want = html_md_text(shown ? shown : html);
	free(shown);
	char *got = rendered_text(md, untrusted);
	if (raw) {
		char *w = unsmart(want), *g = unsmart(got);
		free(want);
		free(got);
		want = w;
		got = g;
	}
	if (fold) {
		char *w = fold_spaces(want), *g = fold_spaces(got);
		free(want);
		free(got);
		want = w;
		got = g;
	}
	if (strcmp(want, got) != 0)
		ck_abort_msg("read back differs\nhtml: %s\nmarkdown:\n%s\nwant: %s\ngot:  %s", html, md,
		             want, got);
	free(md);
	free(want);
	free(got);
}

static void
check_roundtrip(const char *html, bool untrusted)
{
	check_roundtrip_mode(html, untrusted, false, false);
}

/* The warnings the conversion gives, as printed. */
static char *
warnings_of(const char *html, int *count)
{
	strbuf buf = {0};
	strbuf_puts(&buf, "");
	diag_reset();
	diag_set_quiet(false);
	diag_capture(&buf);
	html_md_options o = {.wordpress_raw = true, .file = "post.xml", .line = 40, .image = image_cb};
	char *md = html_md_convert(html, &o);
	diag_capture(NULL);
	diag_set_quiet(true);
	*count = diag_warning_count();
	diag_reset();
	free(md);
	return strbuf_take(&buf);
}

/* ---- WordPress's paragraph rules ---- */

START_TEST(test_wpautop_paragraphs)
{
	ck_conv(conv_raw, "First line of the letter,\nsecond line of it.\n\nA new paragraph.",
	        "First line of the letter,\\\nsecond line of it.\n\nA new paragraph.\n");
	/* More blank lines are one; white space around them does not count. */
	ck_conv(conv_raw, "  One.  \n \n\n\t\nTwo.\n", "One.\n\nTwo.\n");
	/* Two <br> in a row end a paragraph. */
	ck_conv(conv_raw, "Above<br><br />Below", "Above\n\nBelow\n");
	/* Windows line ends. */
	ck_conv(conv_raw, "Alpha\r\nBeta\r\n\r\nGamma", "Alpha\\\nBeta\n\nGamma\n");
	ck_conv(conv_raw, "", "");
	ck_conv(conv_raw, " \n\n ", "");
}
END_TEST

START_TEST(test_wpautop_blocks)
{
	/* Block tags are not wrapped, and stand apart from the text. */
	ck_conv(conv_raw, "Before the list\n<ul>\n<li>apples</li>\n<li>pears</li>\n</ul>\nAfter it",
	        "Before the list\n\n- apples\n- pears\n\nAfter it\n");
	ck_conv(conv_raw, "<h2>Title</h2>\nText under it\nand more", "## Title\n\nText under it\\\nand more\n");
	/* A line end inside a tag is no line break. */
	ck_conv(conv_raw, "See <a\nhref=\"https://example.org/\">the\nsite</a> now",
	        "See [the\\\nsite](https://example.org/) now\n");
	/* A blockquote's paragraphs are wrapped inside it. */
	ck_conv(conv_raw, "<blockquote>First said.\n\nSecond said.</blockquote>",
	        "> First said.\n>\n> Second said.\n");
	/* Text in a div: no paragraph of its own, a line break inside. */
	ck_conv(conv_raw, "<div>line one\nline two</div>", "line one\\\nline two\n");
	/* No break after a <br> or a block tag, nor before a closing </div>. */
	ck_conv(conv_raw, "one<br>\ntwo<br />\nthree", "one\\\ntwo\\\nthree\n");
	ck_conv(conv_raw, "<div>\ninside\n</div>\n<p>\nwrapped\n</p>", "inside\n\nwrapped\n");
	/* Paragraphs stay inside a blockquote and a list item. */
	ck_conv(conv_raw, "<ul>\n<li>one\n\ntwo</li>\n</ul>", "- one\n\n  two\n");
}
END_TEST

START_TEST(test_wpautop_pre_untouched)
{
	ck_conv(conv_raw, "Intro\n<pre>line 1\n\n  line 3 *not* [a] link</pre>\nOutro",
	        "Intro\n\n```\nline 1\n\n  line 3 *not* [a] link\n```\n\nOutro\n");
	/* A shortcode in a code example is left as it is. */
	ck_conv(conv_raw, "<pre>[gallery ids=\"1\"]</pre>", "```\n[gallery ids=\"1\"]\n```\n");
}
END_TEST

/* ---- Gutenberg ---- */

START_TEST(test_gutenberg_comments)
{
	/* Block comments go, their content stays; no wpautop inside blocks. */
	ck_conv(conv_raw,
	        "<!-- wp:paragraph -->\n<p>One\nline</p>\n<!-- /wp:paragraph -->\n\n"
	        "<!-- wp:separator -->\n<hr class=\"wp-block-separator\"/>\n<!-- /wp:separator -->\n\n"
	        "<!-- wp:latest-posts {\"postsToShow\":3} /-->\n\n"
	        "<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">Next</h2>\n<!-- /wp:heading -->",
	        "One line\n\n---\n\n## Next\n");
	/* Classic text between blocks still gets its paragraphs. */
	ck_conv(conv_raw,
	        "<!-- wp:paragraph -->\n<p>Block.</p>\n<!-- /wp:paragraph -->\n\nLoose text\nover two lines\n\nand a third",
	        "Block.\n\nLoose text\\\nover two lines\n\nand a third\n");
	/* Other comments are no block comments. */
	ck_conv(conv_raw, "<!--more-->Teaser<!-- not wp: -->", "Teaser\n");
}
END_TEST

/* Each fixture under tests/import/html/ converts to its .md. */
static const char *const golden[] = {"gutenberg", "blocks", "classic", "markup", "comment", NULL};

START_TEST(test_golden)
{
	const char *name = golden[_i];
	char *hp = xasprintf("tests/import/html/%s.html", name);
	char *mp = xasprintf("tests/import/html/%s.md", name);
	char *html, *want;
	size_t len;
	ck_assert_int_eq(path_read_file(hp, &html, &len, 0), 0);
	ck_assert_int_eq(path_read_file(mp, &want, &len, 0), 0);
	bool untrusted = !strcmp(name, "comment");
	char *got = conv_opt(html, true, untrusted, "https://blog.example.net/2021/04/orchard/");
	ck_assert_str_eq(got, want);
	free(got);
	free(want);
	free(html);
	free(hp);
	free(mp);
}
END_TEST

/* ---- shortcodes ---- */

START_TEST(test_shortcode_caption)
{
	ck_conv(conv_raw,
	        "[caption id=\"attachment_7\" align=\"alignleft\" width=\"300\"]"
	        "<a href=\"https://blog.example.net/wp-content/uploads/ram.jpg\">"
	        "<img src=\"https://blog.example.net/wp-content/uploads/ram-300x200.jpg\" alt=\"A ram\" "
	        "width=\"300\" /></a> The ram, <em>asleep</em>[/caption]\n\nAfter.",
	        "<figure><img src=\"images/ram-300x200.jpg\" alt=\"A ram\" />\n"
	        "<figcaption>The ram, <em>asleep</em></figcaption>\n</figure>\n\nAfter.\n");
	/* The caption as an attribute (older WordPress). */
	ck_conv(conv_raw, "[caption caption=\"Hay bales\"]<img src=\"/up/hay.png\" alt=\"Hay\">[/caption]",
	        "<figure><img src=\"images/hay.png\" alt=\"Hay\" />\n"
	        "<figcaption>Hay bales</figcaption>\n</figure>\n");
	/* No caption: the image alone. */
	ck_conv(conv_raw, "[caption]<img src=\"/up/hay.png\" alt=\"Hay\">[/caption]",
	        "![Hay](images/hay.png)\n");
	/* An image not to be had: its alt text stands in, the caption stays. */
	ck_conv(conv_raw, "[caption]<img src=\"/missing.png\" alt=\"Straw\"> Straw in June[/caption]",
	        "<figure>Straw\n<figcaption>Straw in June</figcaption>\n</figure>\n");
}
END_TEST

static bool
attachment_cb(void *ctx, const char *id, size_t index, html_md_attachment *out)
{
	(void)ctx;
	static const char *const urls[] = {"https://blog.example.net/up/a.jpg",
	                                   "https://blog.example.net/up/b.jpg"};
	if (id) {
		if (!strcmp(id, "11")) {
			out->url = urls[0];
			out->alt = "First";
			out->caption = "The first one";
			return true;
		}
		if (!strcmp(id, "12")) {
			out->url = urls[1];
			out->alt = "Second";
			return true;
		}
		return false;
	}
	if (index >= 2)
		return false;
	out->url = urls[index];
	out->alt = index ? "Second" : "First";
	return true;
}

START_TEST(test_shortcode_gallery)
{
	html_md_options o = {.wordpress_raw = true, .image = image_cb, .attachment = attachment_cb};
	char *md = html_md_convert("Look:\n\n[gallery ids=\"11, 12,99\" columns=\"2\"]\n\nDone.", &o);
	ck_assert_str_eq(md, "Look:\n\n<figure><img src=\"images/a.jpg\" alt=\"First\" />\n"
	                     "<figcaption>The first one</figcaption>\n</figure>\n\n"
	                     "![Second](images/b.jpg)\n\nDone.\n");
	free(md);
	/* Without ids: the post's own images, in order. */
	md = html_md_convert("[gallery]", &o);
	ck_assert_str_eq(md, "![First](images/a.jpg)\n\n![Second](images/b.jpg)\n");
	free(md);
	/* Without the hook: nothing to show, and a warning says so. */
	int n;
	char *w = warnings_of("Before\n\n[gallery ids=\"3,4\"]", &n);
	ck_assert_int_eq(n, 1);
	ck_assert_ptr_nonnull(strstr(w, "post.xml:42: warning: [gallery]"));
	free(w);
}
END_TEST

START_TEST(test_shortcode_embed)
{
	ck_conv(conv_raw, "Watch this:\n\n[embed width=\"500\"]https://video.example.com/v/42[/embed]",
	        "Watch this:\n\n<https://video.example.com/v/42>\n");
	/* A bare address on a line of its own is an embed too. */
	ck_conv(conv_raw, "Listen:\n\n  https://audio.example.com/track?id=9&amp;t=3  \n\nBye",
	        "Listen:\n\n<https://audio.example.com/track?id=9&t=3>\n\nBye\n");
	/* ... but not one inside a sentence. */
	ck_conv(conv_raw, "See https://example.org/x for more",
	        "See https://example.org/x for more\n");
	ck_conv(conv_raw, "[audio mp3=\"https://audio.example.com/a.mp3\"][/audio]",
	        "<https://audio.example.com/a.mp3>\n");
}
END_TEST

START_TEST(test_shortcode_unknown)
{
	int n;
	char *w = warnings_of("Line one\n\nSign up: [mailing_list id=\"4\"] today\n"
	                      "and [button]Go[/button], [sic] and [citation needed].",
	                      &n);
	ck_assert_int_eq(n, 2);
	ck_assert_ptr_nonnull(strstr(w, "post.xml:42: warning: unknown shortcode [mailing_list]"));
	ck_assert_ptr_nonnull(strstr(w, "post.xml:43: warning: unknown shortcode [button]"));
	free(w);
	/* It stays, as text. */
	ck_conv(conv_raw, "Sign up: [mailing_list id=\"4\"] today",
	        "Sign up: \\[mailing_list id=\"4\"\\] today\n");
	/* [[name]] is the way to write a shortcode's name. */
	w = warnings_of("Write [[gallery]] to show images.", &n);
	ck_assert_int_eq(n, 0);
	free(w);
	ck_conv(conv_raw, "Write [[gallery]] to show images.", "Write \\[gallery\\] to show images.\n");
	/* A reader comment's shortcodes are its text, as in WordPress. */
	html_md_options o = {.wordpress_raw = true, .untrusted = true, .attachment = attachment_cb};
	char *md = html_md_convert("[gallery] [mailing_list id=\"4\"]\nhttps://x.example/v", &o);
	ck_assert_str_eq(md, "\\[gallery\\] \\[mailing_list id=\"4\"\\]\\\nhttps://x.example/v\n");
	free(md);
}
END_TEST

/* ---- escaping ---- */

START_TEST(test_escape_exact)
{
	ck_conv(conv, "<p>2*3 = 6, snake_case and _under_ [x] a\\b &lt;tag&gt; `tick` a|b ~1~</p>",
	        "2\\*3 = 6, snake_case and \\_under\\_ \\[x\\] a\\\\b \\<tag> \\`tick\\` a\\|b \\~1\\~\n");
	ck_conv(conv, "<p># not a heading</p><p>1. not a list</p><p>- nor this</p><p>+ nor this</p>"
	              "<p>&gt; no quote</p><p>===</p><p>2020) a year</p>",
	        "\\# not a heading\n\n1\\. not a list\n\n\\- nor this\n\n\\+ nor this\n\n"
	        "\\> no quote\n\n\\===\n\n2020\\) a year\n");
	/* Entities that a reader sees as text stay text. */
	ck_conv(conv, "<p>AT&amp;T &amp;copy; &amp;#169;</p>", "AT\\&T \\&copy; \\&#169;\n");
	/* Straight quotes and dashes stay straight outside editor text. */
	ck_conv(conv, "<p>\"Yes\" -- it's... done</p>", "\\\"Yes\\\" \\-\\- it\\'s\\.\\.\\. done\n");
	/* In editor text they are left for smart punctuation, as WordPress
	 * curls them. */
	ck_conv(conv_raw, "\"Yes\" -- it's... done", "\"Yes\" -- it's... done\n");
	/* '#' in a heading, where a closing sequence could eat it. */
	ck_conv(conv, "<h2>Issue #</h2><h3>C# and F#</h3>", "## Issue \\#\n\n### C\\# and F\\#\n");
	/* A heading's or a cell's start cannot begin a list. */
	ck_conv(conv, "<h2>1. Intro</h2><table><tr><th>- x</th></tr></table>",
	        "## 1. Intro\n\n| - x |\n| --- |\n");
}
END_TEST

static const char *const roundtrip_cases[] = {
    "<p>Plain *stars* and _underscores_ in snake_case and __dunder__.</p>",
    "<p># hash</p><p>## two</p><p>1. one</p><p>10) ten</p><p>- dash</p><p>* star</p><p>+ plus</p>",
    "<p>&gt; quote</p><p>===</p><p>---</p><p>***</p><p>___</p><p>    four spaces</p>",
    "<p>[not a link](really) and ![no image](x.png) and [^note] and [x]: ref</p>",
    "<p>Back\\slash\\ and \\*escaped\\* and trailing\\</p>",
    "<p>&lt;b&gt;not bold&lt;/b&gt; &lt;!-- no comment --&gt; &lt;http://example.org&gt;</p>",
    "<p>&amp;amp; &amp;copy; &amp;#x41; &amp; alone &amp;</p>",
    "<p>“Curly” ‘quotes’, straight \"ones\" and 'these', an apostrophe's, em—dash, en–dash, -- and --- and ...</p>",
    "<p>Non&nbsp;breaking&nbsp;spaces&nbsp;&nbsp;twice and a thin&#8201;one.</p>",
    "<p>&hellip; &mdash; &copy; &euro; &#8217; &#x1F600; é ñ 中文</p>",
    "<p>Pipes | in | text ~~and~~ tildes ~ and `backticks` and ``double``</p>",
    "<p>Line one<br>- line two<br>3. line three<br># line four</p>",
    "<ul><li>* star item</li><li>[ ] not a task</li><li>1. numbered text</li></ul>",
    "<h2>A heading #</h2><h3>#hashtag ##</h3>",
    "<p><em>emph</em>word <strong>\"quoted\"</strong>text a<em>b</em>c <em>a</em><em>b</em></p>",
    "<p><code>code `with` ticks</code> and <code>`edge`</code> and <code> spaced </code></p>",
    "<table><thead><tr><th>a|b</th><th>c</th></tr></thead><tbody><tr><td>`x|y`</td><td>*z*</td></tr></tbody></table>",
    "<p>Email me at someone@example.org or visit www.example.org today.</p>",
    "<p>1 &lt; 2 &gt; 0 &amp;&amp; true; 3 * 4 _ 5</p>",
    "<blockquote><p>Quoted # text</p><p>- and more</p></blockquote>",
    NULL};

START_TEST(test_escape_roundtrip)
{
	check_roundtrip(roundtrip_cases[_i], false);
	check_roundtrip(roundtrip_cases[_i], true);
}
END_TEST

/* Random documents of text full of Markdown's characters, in random
 * markup: each reads back word for word (a fixed seed per case). */
static unsigned
next_rand(unsigned *state)
{
	*state = *state * 1103515245u + 12345u;
	return (*state >> 16) & 0x7fff;
}

static void
random_inline(strbuf *b, unsigned *st, int depth)
{
	static const char *const words[] = {
	    "*", "_", "**", "`", "``", "[", "]", "(", ")", "&lt;", "&gt;", "&amp;", "&amp;amp;",
	    "#", "1.", "2)", "-", "+", "=", "|", "~", "\\", "!", "'", "&quot;", "...", "--",
	    "\u2014", "http://x.example/a_b", "www.example.org", "a@b.example", "word",
	    "snake_case", "\u00a0", "caf\u00e9", "\u201cq\u201d", ":", ">", "![x]", "<!--", "&amp;#35;",
	    "x*y", "_z_", "[^1]", "\\*", "  ", "\n", "tab\there", "9.", "0)", "***", "___", NULL};
	static const char *const tags[] = {"em", "strong", "code", "del", "span", "sup", "b", "i", "a", "q"};
	int n = 1 + (int)(next_rand(st) % 6);
	for (int i = 0; i < n; i++) {
		unsigned r = next_rand(st) % 100;
		if (r < 60 || depth > 2) {
			size_t nw = 0;
			while (words[nw])
				nw++;
			strbuf_puts(b, words[next_rand(st) % nw]);
			if (next_rand(st) % 2)
				strbuf_putc(b, ' ');
		} else if (r < 65) {
			strbuf_puts(b, "<br>");
		} else {
			const char *t = tags[next_rand(st) % 10];
			if (!strcmp(t, "a"))
				strbuf_puts(b, "<a href=\"https://x.example/p?q=1&amp;r=(2)\">");
			else
				strbuf_printf(b, "<%s>", t);
			random_inline(b, st, depth + 1);
			strbuf_printf(b, "</%s>", t);
		}
	}
}

START_TEST(test_escape_random)
{
	unsigned st = 7919u * (unsigned)(_i + 1);
	strbuf b = {0};
	int blocks = 1 + (int)(next_rand(&st) % 5);
	for (int k = 0; k < blocks; k++) {
		switch (next_rand(&st) % 7) {
		case 0: strbuf_puts(&b, "<h2>"); random_inline(&b, &st, 0); strbuf_puts(&b, "</h2>"); break;
		case 1: strbuf_puts(&b, "<ul><li>"); random_inline(&b, &st, 0); strbuf_puts(&b, "</li><li>");
			random_inline(&b, &st, 0); strbuf_puts(&b, "</li></ul>"); break;
		case 2: strbuf_puts(&b, "<blockquote><p>"); random_inline(&b, &st, 0);
			strbuf_puts(&b, "</p></blockquote>"); break;
		case 3: strbuf_puts(&b, "<table><tr><th>"); random_inline(&b, &st, 0); strbuf_puts(&b, "</th></tr><tr><td>");
			random_inline(&b, &st, 0); strbuf_puts(&b, "</td></tr></table>"); break;
		case 4: strbuf_puts(&b, "<ol start=\"3\"><li>"); random_inline(&b, &st, 0); strbuf_puts(&b, "</li></ol>"); break;
		default: strbuf_puts(&b, "<p>"); random_inline(&b, &st, 0); strbuf_puts(&b, "</p>"); break;
		}
	}
	check_roundtrip_mode(b.data, false, true, false);
	check_roundtrip_mode(b.data, true, true, false);
	check_roundtrip_mode(b.data, false, true, true);
	strbuf_free(&b);
}
END_TEST

/* ---- structure ---- */

START_TEST(test_lists)
{
	ck_conv(conv, "<ul><li>one<ul><li>one.a</li><li>one.b<ol><li>deep</li></ol></li></ul></li><li>two</li></ul>",
	        "- one\n  - one.a\n  - one.b\n    1. deep\n- two\n");
	ck_conv(conv, "<ol start=\"7\"><li>seven</li><li>eight</li><li>nine</li><li>ten</li></ol>",
	        "7. seven\n8. eight\n9. nine\n10. ten\n");
	/* Paragraphs in an item: a loose list, continuation indented. */
	ck_conv(conv, "<ul><li><p>first para</p><p>second para</p></li><li>next</li></ul>",
	        "- first para\n\n  second para\n\n- next\n");
	/* Two lists in a row stay two lists. */
	ck_conv(conv, "<ul><li>a</li></ul><ul><li>b</li></ul><ol><li>c</li></ol><ol><li>d</li></ol>",
	        "- a\n\n* b\n\n1. c\n\n1) d\n");
	/* A quotation and a code block in an item. */
	ck_conv(conv, "<ol><li><blockquote><p>said</p></blockquote><pre>x = 1\n\ny = 2</pre></li></ol>",
	        "1. > said\n\n   ```\n   x = 1\n\n   y = 2\n   ```\n");
	ck_conv(conv, "<ul><li></li><li>b</li></ul>", "-\n- b\n");
	/* Text out of place in a list is kept. */
	ck_conv(conv, "<ul>before<li>a</li>after a<li>b</li></ul>", "before\n\n- a\n\n  after a\n\n- b\n");
	/* Counting down: only HTML says it. */
	ck_conv(conv, "<ol reversed><li>two</li><li>one</li></ol>",
	        "<ol reversed=\"reversed\">\n<li>two</li>\n<li>one</li>\n</ol>\n");
}
END_TEST

START_TEST(test_headings_quotes_code)
{
	ck_conv(conv, "<h1>One</h1><h6>Six <em>six</em></h6><h2>Broken<br>heading</h2>",
	        "# One\n\n## Six *six*\n\n## Broken heading\n");
	/* The outline skips no level; with heading_top, none is above it. */
	ck_conv(conv, "<h2>a</h2><h4>b</h4><h6>c</h6><h3>d</h3><h1>e</h1><details><h5>f</h5></details>",
	        "## a\n\n### b\n\n#### c\n\n### d\n\n# e\n\n<details>\n<h2>f</h2>\n</details>\n");
	html_md_options ho = {.heading_top = 2};
	char *md = html_md_convert("<h4>a</h4><h1>b</h1><h3>c</h3>", &ho);
	ck_assert_str_eq(md, "## a\n\n## b\n\n### c\n");
	free(md);
	ck_conv(conv, "<blockquote><p>Outer</p><blockquote><p>Inner</p></blockquote><ul><li>item</li></ul></blockquote>",
	        "> Outer\n>\n> > Inner\n>\n> - item\n");
	ck_conv(conv, "<pre><code class=\"language-python\">print(\"```\")\n</code></pre>",
	        "````python\nprint(\"```\")\n````\n");
	/* Regression: a class with a form feed in it looped for ever. */
	ck_conv(conv, "<pre class=\"a\fb\rlanguage-sh\">ls</pre>", "```sh\nls\n```\n");
	ck_conv(conv, "<p>Use <code>a `b` c</code> or <kbd>Ctrl</kbd>.</p>",
	        "Use ``a `b` c`` or `Ctrl`.\n");
	ck_conv(conv, "<p>A<br>B<br><br>C<br></p><p><br>D</p>", "A\\\nB\\\n\\\nC\n\nD\n");
	ck_conv(conv, "<p>x</p><hr><p>y</p>", "x\n\n---\n\ny\n");
}
END_TEST

START_TEST(test_emphasis)
{
	ck_conv(conv, "<p><em>foo </em>bar <strong> baz</strong>!</p>", "*foo* bar **baz**!\n");
	/* Where the delimiters could not close, the element is written. */
	ck_conv(conv, "<p><strong>\"x\"</strong>y</p>", "<strong>\\\"x\\\"</strong>y\n");
	ck_conv(conv_raw, "<strong>\"x\"</strong>y", "<strong>\"x\"</strong>y\n");
	ck_conv(conv, "<p><em>a</em><em>b</em></p>", "<em>a</em>*b*\n");
	/* Nested alike: once. */
	ck_conv(conv, "<p><b><strong>bold</strong></b> <i>it <em>al</em></i> <del>gone</del></p>",
	        "**bold** *it al* ~~gone~~\n");
	char *md = conv_opt("<p><strong>\"x\"</strong>y</p>", false, true, NULL);
	ck_assert_str_eq(md, "\\\"x\\\"y\n");
	free(md);
	ck_conv(conv, "<p><em> </em>x<strong></strong></p>", "x\n");
}
END_TEST

START_TEST(test_links)
{
	const char *base = "https://blog.example.net/2021/04/orchard/";
	char *md = conv_opt("<p><a href=\"../notes/\" title=\"Old &quot;notes&quot;\">notes</a>, "
	                    "<a href=\"/about\">about</a>, <a href=\"#top\">top</a>, "
	                    "<a href=\"mailto:me@example.net\">mail</a>, "
	                    "<a href=\"javascript:alert(1)\">click</a>, <a name=\"x\"></a>"
	                    "<a href=\"https://x.example/a b(c)\">odd</a></p>",
	                    false, false, base);
	ck_assert_str_eq(md, "[notes](https://blog.example.net/2021/04/notes/ \"Old \\\"notes\\\"\"), "
	                     "[about](https://blog.example.net/about), "
	                     "top, "
	                     "[mail](mailto:me@example.net), click, "
	                     "[odd](https://x.example/a%20b\\(c\\))\n");
	free(md);
	/* No base address: a relative link keeps its text only. */
	ck_conv(conv, "<p><a href=\"/about\">about</a> <a href=\"//cdn.example/x\">cdn</a></p>",
	        "about [cdn](https://cdn.example/x)\n");
	/* A host name no reading system can parse: text. */
	ck_conv(conv, "<p><a href=\"http://bad_host.example/\">bad</a></p>", "bad\n");
	/* Untrusted: only http, https and mailto. */
	md = conv_opt("<p><a href=\"ftp://files.example/x\">ftp</a> <a href=\"tel:123\">tel</a> "
	              "<a href=\"https://ok.example/\">ok</a> <a href=\"data:text/html,x\">data</a></p>",
	              false, true, base);
	ck_assert_str_eq(md, "ftp tel [ok](https://ok.example/) data\n");
	free(md);
	/* A link inside a link is its text. */
	ck_conv(conv, "<p><a href=\"https://a.example/\">out <a href=\"https://b.example/\">in</a></a></p>",
	        "[out](https://a.example/) [in](https://b.example/)\n");
}
END_TEST

START_TEST(test_images)
{
	strlist seen = {0};
	html_md_options o = {.base_url = "https://blog.example.net/2021/04/orchard/",
	                     .image = image_cb,
	                     .image_ctx = &seen};
	char *md = html_md_convert("<p><img src=\"pics/pear.jpg\" alt=\"A [ripe] pear\" title=\"Ripe\"> "
	                           "<img src=\"/missing.png\" alt=\"Gone\"> "
	                           "<img src=\"data:image/gif;base64,R0l\" data-src=\"/lazy.png\" alt=\"Lazy\"> "
	                           "<img srcset=\"/s-300.jpg 300w, /s-1024.jpg 1024w\" alt=\"Set\"> "
	                           "<img src=\"/deco.png\" alt=\"\"></p>",
	                           &o);
	ck_assert_str_eq(md, "![A \\[ripe\\] pear](images/pear.jpg \"Ripe\") Gone ![Lazy](images/lazy.png) "
	                     "![Set](images/s-1024.jpg) <img src=\"images/deco.png\" alt=\"\" />\n");
	ck_assert_int_eq((int)seen.n, 5);
	ck_assert_str_eq(seen.items[0], "https://blog.example.net/2021/04/orchard/pics/pear.jpg");
	free(md);
	strlist_free(&seen);
	/* A link to the image file around it: the image alone. */
	ck_conv(conv, "<p><a href=\"https://x.example/big.jpg\"><img src=\"https://x.example/small.jpg\" alt=\"S\"></a></p>",
	        "![S](images/small.jpg)\n");
	/* Image base address apart from the links' (a saved page). */
	o.image_base_url = "file:///saved/";
	o.image_ctx = &seen;
	md = html_md_convert("<img src=\"page_files/a.png\" alt=\"A\"><a href=\"x.html\">x</a>", &o);
	ck_assert_str_eq(seen.items[0], "file:///saved/page_files/a.png");
	ck_assert_str_eq(md, "![A](images/a.png)[x](https://blog.example.net/2021/04/orchard/x.html)\n");
	free(md);
	strlist_free(&seen);
	/* Untrusted: no image is asked for. */
	image_calls = 0;
	md = conv_opt("<p>Look <img src=\"https://x.example/a.png\" alt=\"a cat\"></p>", false, true, NULL);
	ck_assert_str_eq(md, "Look a cat\n");
	ck_assert_int_eq(image_calls, 0);
	free(md);
}
END_TEST

START_TEST(test_tables)
{
	ck_conv(conv, "<table><tr><th>Name</th><th align=\"center\">Age</th></tr>"
	              "<tr><td>Ann <em>B.</em></td><td>7</td></tr><tr><td>Cy</td></tr></table>",
	        "| Name | Age |\n| --- | :-: |\n| Ann *B.* | 7 |\n| Cy |  |\n");
	/* No header cells: the first row heads the table (GFM needs one). */
	ck_conv(conv, "<table><tbody><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></tbody></table>",
	        "| a | b |\n| --- | --- |\n| c | d |\n");
	/* A span: raw HTML, one block; its first row heads it there too. */
	char *md = conv("<table><tr><td colspan=\"2\">wide\n\n\ncell</td></tr><tr><td>a</td><td>b<br>c</td></tr></table>");
	ck_assert_str_eq(md, "<table>\n<tr><th colspan=\"2\">wide cell</th></tr>\n"
	                     "<tr><td>a</td><td>b<br />c</td></tr>\n</table>\n");
	ck_assert_ptr_null(strstr(md, "\n\n"));
	free(md);
	/* Header cells somewhere: the rows stay as they are. */
	ck_conv(conv, "<table><tr><td rowspan=\"2\">a</td><th>b</th></tr></table>",
	        "<table>\n<tr><td rowspan=\"2\">a</td><th>b</th></tr>\n</table>\n");
	/* A line break in a cell. */
	ck_conv(conv, "<table><thead><tr><th>k</th></tr></thead><tr><td>a<br>b</td></tr></table>",
	        "| k |\n| --- |\n| a<br />b |\n");
	/* Untrusted: the cells' text, no HTML. */
	md = conv_opt("<table><tr><td rowspan=\"2\">a</td><td>b</td></tr></table>", false, true, NULL);
	ck_assert_str_eq(md, "a\n\nb\n");
	free(md);
}
END_TEST

START_TEST(test_raw_blocks)
{
	ck_conv(conv, "<dl><dt>Graft</dt><dd>To join a <b>scion</b>\n\nto a stock.</dd></dl>",
	        "<dl>\n<dt>Graft</dt>\n<dd>To join a <b>scion</b> to a stock.</dd>\n</dl>\n");
	ck_conv(conv, "<details open><summary>More</summary><p>Hidden <a href=\"javascript:x()\">bad</a></p></details>",
	        "<details open=\"open\">\n<summary>More</summary>\n<p>Hidden bad</p>\n</details>\n");
	/* Code inside keeps its lines, on one line of the block. */
	ck_conv(conv, "<figure><pre>a\n\nb &lt;</pre><figcaption>Code</figcaption></figure>",
	        "<figure>\n<pre>a&#10;&#10;b &lt;</pre>\n<figcaption>Code</figcaption>\n</figure>\n");
	/* Untrusted: never raw HTML. */
	char *md = conv_opt("<details><summary>S</summary><p>T</p></details><dl><dt>D</dt><dd>E</dd></dl>"
	                    "<figure><img src=\"x.png\" alt=\"I\"><figcaption>C</figcaption></figure>",
	                    false, true, NULL);
	ck_assert_str_eq(md, "S\n\nT\n\nD\n\nE\n\nI\n\nC\n");
	free(md);
}
END_TEST

START_TEST(test_skipped_elements)
{
	ck_conv(conv, "<p>Text<script>alert(1)</script><style>p{}</style><noscript>no js</noscript></p>"
	              "<form><p>Name</p><input value=\"v\"><button>Send</button></form>"
	              "<iframe src=\"https://video.example.com/embed/9\" title=\"A film\"></iframe>"
	              "<p>Tail <span class=\"x\">kept</span> <custom-tag>also</custom-tag></p>",
	        "Text\n\n[A film](https://video.example.com/embed/9)\n\nTail kept also\n");
	ck_conv(conv, "<iframe src=\"javascript:alert(1)\"></iframe><iframe></iframe><p>x</p>", "x\n");
}
END_TEST

START_TEST(test_untrusted_hostile)
{
	const char *html = "<p onclick=\"x()\">Hi <img src=x onerror=alert(1) alt=\"pic\">"
	                   "<a href=\"javascript:alert(1)\">link</a> <script>bad()</script>"
	                   "<sup>2</sup> <b>\"b\"</b>x</p><div><table><tr><td colspan=2>t</td></tr></table>"
	                   "</div><svg><text>svg</text></svg><math><mi>m</mi></math>";
	char *md = conv_opt(html, false, true, NULL);
	ck_assert_str_eq(md, "Hi piclink 2 \\\"b\\\"x\n\nt\n\nm\n");
	free(md);
	check_roundtrip("<p>Hi <b>bold</b> <a href=\"https://ok.example/\">ok</a></p><ul><li>x</li></ul>", true);
}
END_TEST

START_TEST(test_deep_nesting)
{
	strbuf b = {0};
	for (int i = 0; i < 5000; i++)
		strbuf_puts(&b, i % 2 ? "<div>" : "<blockquote>");
	strbuf_puts(&b, "deep text ");
	for (int i = 0; i < 5000; i++)
		strbuf_puts(&b, "<span>");
	strbuf_puts(&b, "deeper");
	char *md = conv(b.data);
	ck_assert_ptr_nonnull(strstr(md, "deep text deeper"));
	free(md);
	md = conv_opt(b.data, true, true, NULL);
	ck_assert_ptr_nonnull(strstr(md, "deep text deeper"));
	free(md);
	strbuf_free(&b);
}
END_TEST

START_TEST(test_input_cleaned)
{
	/* Bytes that are no UTF-8, and characters XML forbids. */
	ck_conv(conv, "<p>caf\xe9 \xe2\x80\x9cok\xe2\x80\x9d a\x01" "b\x0c</p>",
	        "caf\xef\xbf\xbd \xe2\x80\x9cok\xe2\x80\x9d ab\n");
	/* What is not shown is not text; emoji images are their character. */
	ck_conv(conv, "<p>Shown<span hidden>not</span><span style=\"color:red; display : none\">no</span>"
	              " <img class=\"wp-smiley\" src=\"https://s.example/1f642.svg\" alt=\"\xf0\x9f\x99\x82\"></p>"
	              "<div style=\"display:none\"><p>hidden block</p></div>",
	        "Shown \xf0\x9f\x99\x82\n");
	char *t = html_md_text("a<span hidden>b</span>\xff");
	ck_assert_str_eq(t, "a\xef\xbf\xbd");
	free(t);
}
END_TEST

START_TEST(test_text)
{
	char *t = html_md_text("<p>Tom &amp; Jerry</p>\n<p>  two \n  words</p><script>x</script>a<br>b");
	ck_assert_str_eq(t, "Tom & Jerry two words a b");
	free(t);
	t = html_md_text("Caf&eacute; &#8220;Noon&#8221; &nbsp;x");
	ck_assert_str_eq(t, "Café “Noon” \xc2\xa0x");
	free(t);
	t = html_md_text("1 < 2");
	ck_assert_str_eq(t, "1 < 2");
	free(t);
	t = html_md_text("");
	ck_assert_str_eq(t, "");
	free(t);
}
END_TEST

/* Regression: an empty comment "<!-->" in a post hid the text up to the
 * next "-->" (libxml2's HTML parser reads on to it). */
START_TEST(test_empty_comment_keeps_text)
{
	char *md = conv("<p>before</p><!--><p>kept text</p><!-- note --><p>after</p>");
	ck_assert_msg(strstr(md, "kept text") != NULL, "%s", md);
	ck_assert_msg(strstr(md, "after") != NULL, "%s", md);
	ck_assert_msg(strstr(md, "note") == NULL, "%s", md);
	free(md);
}
END_TEST

Suite *
html_md_suite(void)
{
	Suite *s = suite_create("html_md");
	TCase *w = tcase_create("wordpress");
	tcase_add_test(w, test_wpautop_paragraphs);
	tcase_add_test(w, test_wpautop_blocks);
	tcase_add_test(w, test_wpautop_pre_untouched);
	tcase_add_test(w, test_gutenberg_comments);
	tcase_add_loop_test(w, test_golden, 0, (int)(sizeof golden / sizeof *golden) - 1);
	tcase_add_test(w, test_shortcode_caption);
	tcase_add_test(w, test_shortcode_gallery);
	tcase_add_test(w, test_shortcode_embed);
	tcase_add_test(w, test_shortcode_unknown);
	suite_add_tcase(s, w);

	TCase *e = tcase_create("escaping");
	tcase_add_test(e, test_escape_exact);
	tcase_add_loop_test(e, test_escape_roundtrip, 0,
	                    (int)(sizeof roundtrip_cases / sizeof *roundtrip_cases) - 1);
	tcase_add_loop_test(e, test_escape_random, 0, 600);
	tcase_set_timeout(e, 60);
	suite_add_tcase(s, e);

	TCase *m = tcase_create("markup");
	tcase_add_test(m, test_lists);
	tcase_add_test(m, test_headings_quotes_code);
	tcase_add_test(m, test_emphasis);
	tcase_add_test(m, test_links);
	tcase_add_test(m, test_images);
	tcase_add_test(m, test_tables);
	tcase_add_test(m, test_raw_blocks);
	tcase_add_test(m, test_skipped_elements);
	tcase_add_test(m, test_untrusted_hostile);
	tcase_add_test(m, test_deep_nesting);
	tcase_add_test(m, test_input_cleaned);
	tcase_add_test(m, test_text);
	tcase_add_test(m, test_empty_comment_keeps_text);
	tcase_set_timeout(m, 30);
	suite_add_tcase(s, m);
	return s;
}
