/* Unit tests: css, the one policy for what CSS may do. Every case is one
 * row of the table below. */
#include <check.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "css.h"

static const struct {
	const char *css;
	const char *word; /* css_active_word(css, len, false, NULL), NULL when inert */
	bool svg_inert;   /* css_is_inert(css, true): url(#id) allowed */
} cases[] = {
    /* inert */
    {"text-align: center", NULL, true},
    {"q::before { content: \"\\201C\" }", NULL, true},
    {".urlish, .imported > p { color: #333 }", NULL, true},
    {"", NULL, true},
    /* loads or runs something, in any case or spelling */
    {"background: url(http://x/y.png)", "url(", false},
    {"background: URL( '../secret.png' )", "url(", false},
    {"background: u\\72l(javascript:alert(1))", "url(", false},
    {"background: u\\72 l(x.png)", "url(", false},
    {"background: \\75\\52\\4c(x.png)", "url(", false},
    {"background: \\000075rl(x.png)", "url(", false},
    {"background: u\\rl(x.png)", "url(", false},
    {"@import 'x.css';", "@import", false},
    {"@IMPORT url(x.css);", "url(", false},
    {"width: expression(alert(1))", "expression(", false},
    {"background: image('x.png')", "image(", false},
    {"background: image-set('x.png' 1x)", "image-set(", false},
    {"src: src(x.woff)", "src(", false},
    {"a: javascript:alert(1)", "javascript:", false},
    {"a: vbscript:msgbox", "vbscript:", false},
    {"behavior: url(x.htc)", "url(", false},
    {"behavior:x", "behavior:", false},
    {"-moz-binding: x", "-moz-binding", false},
    {"/* url( in a comment */", "url(", false},
    {"content: '\\0 url(x)'", "url(", false},
    /* a reference into the same document: only SVG may keep it */
    {"fill: url(#gradient)", "url(", true},
    {"fill: url( '#g' )", "url(", true},
    {"fill: url(#g); stroke: url(x.svg#g)", "url(", false},
};

START_TEST(test_css_policy)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *w = css_active_word(cases[i].css, strlen(cases[i].css), false, NULL);
		if (cases[i].word)
			ck_assert_msg(w && !strcmp(w, cases[i].word), "%s: %s", cases[i].css,
			              w ? w : "inert");
		else
			ck_assert_msg(w == NULL, "%s: %s", cases[i].css, w);
		ck_assert_msg(css_is_inert(cases[i].css, false) == (cases[i].word == NULL), "%s",
		              cases[i].css);
		ck_assert_msg(css_is_inert(cases[i].css, true) == cases[i].svg_inert, "svg %s",
		              cases[i].css);
	}
}
END_TEST

/* A NUL byte in a stylesheet does not hide what follows it. */
START_TEST(test_css_nul_byte)
{
	static const char css[] = "a{}\0b{background:url(x.png)}";
	ck_assert_str_eq(css_active_word(css, sizeof css - 1, false, NULL), "url(");
}
END_TEST

/* Where the word starts in the text as written, escapes and all: the
 * stylesheet's error names that line and column. */
START_TEST(test_css_offset)
{
	static const struct {
		const char *css;
		size_t at;
	} offsets[] = {
	    {"url(x)", 0},
	    {"body { color: black }\np { background: u\\72l(x) }", 38},
	    {"a{}\n@IMPORT 'x.css';", 4},
	    {"q { content: '\\201C' } p { width: \\65xpression(1) }", 34},
	};
	for (size_t i = 0; i < sizeof offsets / sizeof offsets[0]; i++) {
		size_t at = 12345;
		ck_assert_ptr_nonnull(css_active_word(offsets[i].css, strlen(offsets[i].css), false, &at));
		ck_assert_msg(at == offsets[i].at, "%s: %zu", offsets[i].css, at);
	}
}
END_TEST

/* What a CSS parser reads to its end, and what it does not (CSS-008). */
START_TEST(test_css_syntax)
{
	static const struct {
		const char *css;
		bool ok;
		size_t at; /* where the problem is, when not ok */
	} syntax_cases[] = {
	    {"", true, 0},
	    {"p { color: red }\n", true, 0},
	    {"@charset \"utf-8\";\n@media print { p { margin: 0 } }\n", true, 0},
	    {"a[href$=\")\"] { content: \"}\" } /* } */\n", true, 0},
	    {"<!-- p { margin: 0 } -->\n", true, 0},
	    {"p::before { content: '\\'' }\n", true, 0},
	    {"p { color: red;\n", false, 2},
	    {"p { color: red; }}\n", false, 17},
	    {"p { color: (red; }\n", false, 17},
	    {"# A title\n\nSome text.\n", false, 0},
	    {"p { }\nstray\n", false, 6},
	    {"p { } ; q { }\n", false, 6},
	    {"/* open comment\np { }\n", false, 0},
	    {"p { content: \"no end }\n", false, 13},
	};
	for (size_t i = 0; i < sizeof syntax_cases / sizeof *syntax_cases; i++) {
		size_t at = 0;
		const char *why = css_syntax_problem(syntax_cases[i].css, strlen(syntax_cases[i].css), &at);
		ck_assert_msg((why == NULL) == syntax_cases[i].ok, "case %zu: %s", i, why ? why : "ok");
		if (!syntax_cases[i].ok)
			ck_assert_msg(at == syntax_cases[i].at, "case %zu: at %zu, expected %zu", i, at,
			              syntax_cases[i].at);
	}
}
END_TEST

Suite *
css_suite(void)
{
	Suite *s = suite_create("css");
	TCase *tc = tcase_create("policy");
	tcase_add_test(tc, test_css_policy);
	tcase_add_test(tc, test_css_nul_byte);
	tcase_add_test(tc, test_css_offset);
	tcase_add_test(tc, test_css_syntax);
	suite_add_tcase(s, tc);
	return s;
}
