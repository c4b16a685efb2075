/* Unit tests: the signal finders of the saved-page importer (page.h):
 * parsing, classes, cleaning, images (lazy loading, srcset, avatars,
 * pixels), JSON-LD, metadata, the post's element and body (by class and
 * by density), facts, bio, related posts and the comment thread. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "import/import.h"
#include "import/page.h"
#include "util.h"

Suite *import_page_suite(void);

static htmlDocPtr
parse(const char *html)
{
	int nerr = 0;
	htmlDocPtr doc = page_parse(html, strlen(html), &nerr);
	ck_assert_ptr_nonnull(doc);
	return doc;
}

static xmlNodePtr
root_of(htmlDocPtr doc)
{
	return xmlDocGetRootElement(doc);
}

static xmlNodePtr
by_id(htmlDocPtr doc, const char *id)
{
	xmlNodePtr root = root_of(doc);
	for (xmlNodePtr n = root; n; n = page_next(n, root, false)) {
		char *v = page_attr(n, "id");
		bool hit = v && !strcmp(v, id);
		free(v);
		if (hit)
			return n;
	}
	return NULL;
}

/* A folder with the files a saved page's images name. Caller frees. */
static char *
make_saved_folder(void)
{
	char tmpl[] = "/tmp/mkbook-page-XXXXXX";
	char *dir = mkdtemp(tmpl);
	ck_assert_ptr_nonnull(dir);
	char *sub = path_join(dir, "page_files");
	ck_assert_int_eq(mkdir(sub, 0755), 0);
	const char *names[] = {"big.png", "small.png", "pixel.gif"};
	/* A 2x2 PNG header and a 1x1 GIF header are all that is read. */
	static const unsigned char png[24] = {0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13,
	                                      'I',  'H', 'D', 'R', 0, 0, 0, 2, 0, 0, 0, 2};
	static const unsigned char gif[10] = {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0};
	for (int i = 0; i < 3; i++) {
		char *p = path_join(sub, names[i]);
		FILE *f = fopen(p, "wb");
		ck_assert_ptr_nonnull(f);
		if (i < 2)
			fwrite(png, 1, sizeof png, f);
		else
			fwrite(gif, 1, sizeof gif, f);
		fclose(f);
		free(p);
	}
	free(sub);
	return xstrdup(dir);
}

static void
remove_saved_folder(char *dir)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
	free(cmd);
	free(dir);
}

START_TEST(test_parse_html5)
{
	/* libxml2 2.9 calls these elements invalid; they are still elements,
	 * and the errors are counted, not printed. */
	const char *html = "<!DOCTYPE html><html><body><header><nav>x</nav></header>"
	                   "<article class='post hentry'><time datetime='2020-01-02'>Jan</time>"
	                   "<section><p>Text</p></section></article><bogus></bogus></body></html>";
	int nerr = 0;
	htmlDocPtr doc = page_parse(html, strlen(html), &nerr);
	ck_assert_ptr_nonnull(doc);
	ck_assert_int_gt(nerr, 0);
	xmlNodePtr art = page_find_elem(root_of(doc), "article");
	ck_assert_ptr_nonnull(art);
	ck_assert_ptr_nonnull(page_find_elem(art, "section"));
	xmlNodePtr t = page_find_elem(art, "time");
	char *v = page_time_value(t);
	ck_assert_str_eq(v, "2020-01-02");
	free(v);
	xmlFreeDoc(doc);
	ck_assert_ptr_null(page_parse("", 0, &nerr));
}
END_TEST

START_TEST(test_classes)
{
	htmlDocPtr doc = parse("<div id='x' class='comment  bypostauthor depth-2' rel='Category Tag'></div>");
	xmlNodePtr d = by_id(doc, "x");
	ck_assert(page_has_class(d, "comment"));
	ck_assert(page_has_class(d, "bypostauthor"));
	ck_assert(!page_has_class(d, "Comment")); /* classes are case-sensitive */
	ck_assert(!page_has_class(d, "depth"));
	ck_assert(page_class_has_part(d, "DEPTH"));
	ck_assert(page_attr_has_token(d, "rel", "category"));
	ck_assert(page_attr_has_token(d, "rel", "tag"));
	ck_assert(!page_attr_has_token(d, "rel", "cat"));
	xmlFreeDoc(doc);
}
END_TEST

START_TEST(test_text_and_html)
{
	htmlDocPtr doc = parse("<div id='x'>  One&nbsp;two <b>three</b><script>no()</script>"
	                       "<p>four</p>\n\n</div>");
	xmlNodePtr d = by_id(doc, "x");
	char *t = page_text(d);
	ck_assert_str_eq(t, "One two three four");
	free(t);
	char *h = page_inner_html(d);
	ck_assert_ptr_nonnull(strstr(h, "<b>three</b>"));
	free(h);
	xmlFreeDoc(doc);
	char *p = page_text_to_html("a < b & c\nnext line\n\nsecond \"para\"");
	ck_assert_str_eq(p, "<p>a &lt; b &amp; c<br>next line</p>\n<p>second &quot;para&quot;</p>\n");
	free(p);
}
END_TEST

START_TEST(test_clean)
{
	htmlDocPtr doc = parse(
	    "<div id='body'><p onclick='x()'>Kept <a href='javascript:alert(1)'>link</a> "
	    "<a href=' JavaScript:evil()'>two</a> <a href='https://a.example/'>web</a></p>"
	    "<script>s()</script><style>p{}</style><iframe src='https://v.example/'></iframe>"
	    "<form><input name='q'></form><nav>menu</nav><aside>side</aside>"
	    "<div class='sharedaddy'>Share this</div><div class='cookie-notice'>cookies</div>"
	    "<div class='ad'>buy</div><div class='header-ads'>buy more</div>"
	    "<section class='widget widget_search'>search box</section>"
	    "<div class='elementor-widget-container'>Builder box</div>"
	    "<p style='display: none'>hidden</p><p hidden>also hidden</p>"
	    "<div class='reply'><a class='comment-reply-link' href='#c'>Reply</a></div>"
	    "<blockquote><p>Quoted.</p><footer>A. Source</footer></blockquote>"
	    "<!-- a markup comment --><p>The end</p></div>");
	xmlNodePtr body = by_id(doc, "body");
	int removed = 0;
	page_clean(body, &removed);
	ck_assert_int_ge(removed, 12);
	char *h = page_inner_html(body);
	ck_assert_ptr_nonnull(strstr(h, "Kept"));
	ck_assert_ptr_nonnull(strstr(h, "The end"));
	ck_assert_ptr_nonnull(strstr(h, "Builder box"));
	ck_assert_ptr_nonnull(strstr(h, "<footer>A. Source</footer>"));
	ck_assert_ptr_nonnull(strstr(h, "https://a.example/"));
	const char *gone[] = {"onclick", "javascript", "JavaScript", "<script", "<style", "iframe",
	                      "<form",   "menu",       "side",       "Share",   "cookies", "buy",
	                      "hidden",  "Reply",      "markup comment", "search box"};
	for (size_t i = 0; i < sizeof gone / sizeof *gone; i++)
		ck_assert_msg(!strstr(h, gone[i]), "'%s' left in %s", gone[i], h);
	free(h);
	xmlFreeDoc(doc);

	/* The frame's classes say nothing about what it holds. */
	doc = parse("<html><body class='has-sidebar'><main class='widget-free'><p>x</p></main></body></html>");
	ck_assert(!page_is_chrome(page_find_elem(root_of(doc), "body")));
	ck_assert(!page_is_chrome(page_find_elem(root_of(doc), "main")));
	xmlFreeDoc(doc);
}
END_TEST

START_TEST(test_image_src)
{
	char *dir = make_saved_folder();
	htmlDocPtr doc = parse(
	    "<div id='d'>"
	    "<img id='lazy' src='data:image/gif;base64,R0lGOD' data-src='page_files/big.png'>"
	    "<img id='set' src='https://x.example/s.png' srcset='https://x.example/a-300.png 300w, "
	    "https://x.example/a-1200.png 1200w, https://x.example/a-600.png 600w'>"
	    "<img id='local' src='https://x.example/remote.png' "
	    "srcset='https://x.example/huge.png 2000w, page_files/small.png 640w'>"
	    "<img id='none' src='data:image/gif;base64,R0lGOD'>"
	    "</div>");
	char *s = page_image_src(by_id(doc, "lazy"), dir);
	ck_assert_str_eq(s, "page_files/big.png");
	free(s);
	s = page_image_src(by_id(doc, "set"), dir);
	ck_assert_str_eq(s, "https://x.example/a-1200.png");
	free(s);
	/* What the saved folder holds is what the browser showed. */
	s = page_image_src(by_id(doc, "local"), dir);
	ck_assert_str_eq(s, "page_files/small.png");
	free(s);
	ck_assert_ptr_null(page_image_src(by_id(doc, "none"), dir));
	xmlFreeDoc(doc);
	remove_saved_folder(dir);
}
END_TEST

START_TEST(test_settle_images)
{
	char *dir = make_saved_folder();
	htmlDocPtr doc = parse(
	    "<div id='d'><p>Text <img src='page_files/big.png' alt='kept' loading='lazy' "
	    "srcset='page_files/big.png 2x'></p>"
	    "<p><img src='page_files/pixel.gif' alt=''></p>"
	    "<img src='page_files/small.png' class='avatar avatar-60'>"
	    "<img src='https://secure.gravatar.com/avatar/abc?s=60'>"
	    "<img src='https://x.example/t.gif' width='1' height='1'>"
	    "<span class='site-logo'><img src='page_files/small.png'></span>"
	    "<img src='x' onerror='alert(1)'>"
	    "<p>Smile <img class='wp-smiley emoji' alt=':)' src='https://s.example/1f600.png'></p>"
	    "</div>");
	xmlNodePtr d = by_id(doc, "d");
	int dropped = 0;
	int kept = page_settle_images(d, dir, &dropped);
	ck_assert_int_eq(kept, 1);
	ck_assert_int_eq(dropped, 6);
	char *h = page_inner_html(d);
	ck_assert_ptr_nonnull(strstr(h, "src=\"page_files/big.png\""));
	ck_assert_ptr_null(strstr(h, "srcset"));
	ck_assert_ptr_null(strstr(h, "loading"));
	ck_assert_ptr_nonnull(strstr(h, "Smile :)"));
	ck_assert_ptr_null(strstr(h, "<p></p>")); /* the pixel's paragraph went too */
	free(h);
	xmlFreeDoc(doc);
	remove_saved_folder(dir);
}
END_TEST

START_TEST(test_absolute_links)
{
	htmlDocPtr doc = parse("<div id='d'><a id='a' href='/b/'>x</a><a id='c' href='c.html'>y</a>"
	                       "<a id='f' href='#n1'>z</a><a id='w' href='https://o.example/'>w</a></div>");
	page_absolute_links(by_id(doc, "d"), "https://s.example/2020/post/");
	const char *want[][2] = {{"a", "https://s.example/b/"},
	                         {"c", "https://s.example/2020/post/c.html"},
	                         {"f", "#n1"},
	                         {"w", "https://o.example/"}};
	for (size_t i = 0; i < 4; i++) {
		char *h = page_attr(by_id(doc, want[i][0]), "href");
		ck_assert_str_eq(h, want[i][1]);
		free(h);
	}
	xmlFreeDoc(doc);
}
END_TEST

START_TEST(test_jsonld)
{
	const char *json =
	    "{\"@context\":\"https://schema.org\",\"@graph\":["
	    "{\"@type\":\"Person\",\"@id\":\"#p\",\"name\":\"Rae Quill\",\"description\":\"Writes.\"},"
	    "{\"@type\":\"WebPage\",\"@id\":\"https://s.example/x/\",\"mainEntity\":{\"@id\":\"#a\"}},"
	    "{\"@type\":[\"Article\",\"BlogPosting\"],\"@id\":\"#a\",\"headline\":\" A Title \","
	    "\"mainEntityOfPage\":{\"@id\":\"https://s.example/x/\"},\"author\":{\"@id\":\"#p\"},"
	    "\"datePublished\":\"2019-05-01T10:00:00Z\",\"articleSection\":[\"One\",\"Two\"],"
	    "\"keywords\":\"alpha, beta,alpha\",\"inLanguage\":\"de-AT\","
	    "\"comment\":[{\"@type\":\"Comment\",\"@id\":\"https://s.example/x/#comment-4\","
	    "\"author\":{\"@type\":\"Person\",\"name\":\"Kim\",\"url\":\"javascript:x\"},"
	    "\"text\":\"Q <b>?</b>\",\"dateCreated\":\"2019-05-02\","
	    "\"comment\":{\"@type\":\"Comment\",\"author\":{\"@id\":\"#p\"},\"text\":\"A\"}}]}]}";
	page_ld ld = {0};
	ck_assert(page_ld_parse(json, strlen(json), &ld));
	ck_assert(ld.found);
	ck_assert_str_eq(ld.type, "BlogPosting"); /* the more specific */
	ck_assert_str_eq(ld.headline, "A Title");
	ck_assert_str_eq(ld.url, "https://s.example/x/");
	ck_assert_str_eq(ld.author, "Rae Quill");
	ck_assert_str_eq(ld.author_bio, "Writes.");
	ck_assert_str_eq(ld.date, "2019-05-01T10:00:00Z");
	ck_assert_str_eq(ld.language, "de-AT");
	ck_assert_uint_eq(ld.terms.n, 4);
	ck_assert_uint_eq(ld.ncategories, 2);
	ck_assert_str_eq(ld.terms.items[2], "alpha");
	ck_assert_str_eq(ld.terms.items[3], "beta");
	ck_assert_uint_eq(ld.ncomments, 2);
	ck_assert_str_eq(ld.comments[0].id, "4");
	ck_assert_ptr_null(ld.comments[0].parent_id);
	ck_assert_ptr_null(ld.comments[0].author_url);
	ck_assert_str_eq(ld.comments[0].date, "2019-05-02");
	ck_assert_str_eq(ld.comments[0].html, "<p>Q &lt;b&gt;?&lt;/b&gt;</p>\n");
	ck_assert_str_eq(ld.comments[1].parent_id, "4");
	ck_assert_str_eq(ld.comments[1].author, "Rae Quill");
	ck_assert_ptr_null(ld.comments[1].date);
	page_ld_free(&ld);

	page_ld bad = {0};
	ck_assert(!page_ld_parse("{ not json", 10, &bad));
	const char *org = "{\"@type\":\"Organization\",\"name\":\"Shop\"}";
	ck_assert(page_ld_parse(org, strlen(org), &bad));
	ck_assert(!bad.found);
	page_ld_free(&bad);
}
END_TEST

START_TEST(test_meta)
{
	htmlDocPtr doc = parse(
	    "<html><head><title>T - Site</title>"
	    "<meta property='og:url' content='https://s.example/og/'>"
	    "<link rel='canonical' href='https://s.example/canon/'>"
	    "<meta property='og:type' content='article'><meta property='og:locale' content='pt_BR'>"
	    "<meta property='article:published_time' content='2018-02-03T04:05:06+00:00'>"
	    "<meta property='article:modified_time' content='not a date'>"
	    "<meta property='article:author' content='https://facebook.example/someone'>"
	    "<meta name='author' content='Bo Lind'>"
	    "<meta property='article:section' content='News'>"
	    "<meta property='article:tag' content='one'><meta property='article:tag' content='two'>"
	    "</head><body><link rel='canonical' href='https://widget.example/'></body></html>");
	page_meta m = {0};
	page_meta_read(doc, &m);
	ck_assert_str_eq(m.canonical, "https://s.example/canon/");
	ck_assert_str_eq(m.title, "T - Site");
	ck_assert_str_eq(m.language, "pt-BR");
	ck_assert_str_eq(m.author, "Bo Lind");
	ck_assert_str_eq(m.date, "2018-02-03T04:05:06+00:00");
	ck_assert_ptr_null(m.modified);
	ck_assert(m.is_article);
	ck_assert_uint_eq(m.terms.n, 3);
	ck_assert_uint_eq(m.ncategories, 1);
	page_meta_free(&m);
	xmlFreeDoc(doc);
}
END_TEST

START_TEST(test_entry_and_body)
{
	int listing = 0;
	htmlDocPtr doc = parse(
	    "<body class='single'><article class='post hentry' id='e'>"
	    "<div class='entry-content' id='b'><p>Body</p></div>"
	    "<div id='comments'><ol><li class='comment'><div class='entry-content'>c</div></li></ol></div>"
	    "</article></body>");
	ck_assert_ptr_eq(page_find_entry(doc, &listing), by_id(doc, "e"));
	ck_assert_int_eq(listing, 0);
	const char *how = NULL;
	ck_assert_ptr_eq(page_find_body(by_id(doc, "e"), &how), by_id(doc, "b"));
	ck_assert_str_eq(how, "entry-content");
	xmlFreeDoc(doc);

	/* Microformats first; an e-content inside a comment is the comment's. */
	doc = parse("<div class='h-entry' id='e'><div class='p-comment h-cite'>"
	            "<div class='e-content'>c</div></div><div class='e-content' id='b'>x</div></div>");
	ck_assert_ptr_eq(page_find_entry(doc, &listing), by_id(doc, "e"));
	ck_assert_ptr_eq(page_find_body(by_id(doc, "e"), &how), by_id(doc, "b"));
	xmlFreeDoc(doc);

	/* Several posts: a listing, not a post. */
	doc = parse("<article class='post hentry'>a</article><article class='post hentry'>b</article>");
	ck_assert_ptr_null(page_find_entry(doc, &listing));
	ck_assert_int_eq(listing, 2);
	xmlFreeDoc(doc);

	/* A block theme marks the post on <body>; its content is in <main>. */
	doc = parse("<html><body class='single single-post'><header>h</header><main id='m'>"
	            "<div class='wp-block-post-content' id='b'>x</div></main></body></html>");
	ck_assert_ptr_eq(page_find_entry(doc, &listing), by_id(doc, "m"));
	ck_assert_ptr_eq(page_find_body(by_id(doc, "m"), &how), by_id(doc, "b"));
	xmlFreeDoc(doc);
}
END_TEST

START_TEST(test_density)
{
	const char *para = "<p>A paragraph of ordinary prose, long enough to count, with a comma or two, "
	                   "and a few more words to make it read like a real one.</p>";
	char *html = xasprintf(
	    "<html><body class='has-sidebar'><div id='nav'><p><a href='/a'>A link that is long enough "
	    "to be counted as text</a></p><p><a href='/b'>Another link that is long enough to be "
	    "counted</a></p></div><div id='text'>%s%s%s%s</div>"
	    "<div class='sidebar'>%s%s%s%s%s</div></body></html>",
	    para, para, para, para, para, para, para, para, para);
	htmlDocPtr doc = parse(html);
	free(html);
	ck_assert_ptr_eq(page_density_body(root_of(doc), 300), by_id(doc, "text"));
	ck_assert_ptr_null(page_density_body(root_of(doc), 5000));
	xmlFreeDoc(doc);

	/* Page builders put each paragraph in a box of its own, and call
	 * their boxes widgets. */
	strbuf sb = {0};
	strbuf_puts(&sb, "<html><body><div id='nav'><a href='/'>Home</a></div><div id='text'>");
	for (int i = 0; i < 6; i++)
		strbuf_printf(&sb, "<div class='elementor-widget elementor-widget-text-editor'>%s</div>", para);
	strbuf_puts(&sb, "</div></body></html>");
	doc = parse(sb.data);
	strbuf_free(&sb);
	ck_assert_ptr_eq(page_density_body(root_of(doc), 300), by_id(doc, "text"));
	xmlFreeDoc(doc);
}
END_TEST

START_TEST(test_deep_page)
{
	/* The parser's own depth limit stands (no HTML_PARSE_HUGE): a page
	 * nested thousands deep is read as far as that, without a crash. */
	strbuf sb = {0};
	strbuf_puts(&sb, "<html><body><article class='post'><div class='entry-content'>");
	for (int i = 0; i < 5000; i++)
		strbuf_puts(&sb, "<div>");
	strbuf_puts(&sb, "<p>deep</p>");
	for (int i = 0; i < 5000; i++)
		strbuf_puts(&sb, "</div>");
	strbuf_puts(&sb, "</div></article></body></html>");
	int nerr = 0;
	htmlDocPtr doc = page_parse(sb.data, sb.len, &nerr);
	strbuf_free(&sb);
	ck_assert_ptr_nonnull(doc);
	ck_assert_int_gt(nerr, 0);
	const char *how = NULL;
	xmlNodePtr body = page_find_body(root_of(doc), &how);
	ck_assert_ptr_nonnull(body);
	page_clean(body, NULL);
	char *t = page_text(body);
	free(t);
	xmlFreeDoc(doc);
}
END_TEST

START_TEST(test_entry_facts)
{
	htmlDocPtr doc = parse(
	    "<article id='e'><header><h1 class='entry-title'>The Title</h1>"
	    "<span class='byline'><span class='author vcard'><a class='url fn n' href='/author/x/'>"
	    "Nia Olsen</a></span></span>"
	    "<time class='entry-date published' datetime='2021-01-02T03:04:05Z'>2 Jan</time>"
	    "<time class='updated' datetime='2021-02-03'>3 Feb</time></header>"
	    "<div class='entry-content'><p>x</p></div>"
	    "<footer><a rel='category tag' href='/c/a/'>Alpha</a><a rel='tag' href='/t/b/'>beta</a>"
	    "</footer><div id='comments'><li class='comment'><cite class='fn'>Other</cite>"
	    "<time datetime='2022-01-01'>x</time><a rel='category tag'>Wrong</a></li></div>"
	    "</article>");
	import_post p = {0};
	strlist terms = {0};
	size_t ncat = 0;
	page_entry_facts(by_id(doc, "e"), &p, &terms, &ncat);
	ck_assert_str_eq(p.title, "The Title");
	ck_assert_str_eq(p.author, "Nia Olsen");
	ck_assert_str_eq(p.date, "2021-01-02T03:04:05Z");
	ck_assert_str_eq(p.modified, "2021-02-03");
	ck_assert_uint_eq(terms.n, 2);
	ck_assert_uint_eq(ncat, 1);
	ck_assert_str_eq(terms.items[0], "Alpha");
	ck_assert_str_eq(terms.items[1], "beta");
	free(p.title);
	free(p.author);
	free(p.date);
	free(p.modified);
	strlist_free(&terms);
	xmlFreeDoc(doc);
}
END_TEST

START_TEST(test_bio)
{
	htmlDocPtr doc = parse(
	    "<body><div class='author-info' id='box'><h2 class='author-heading'>Published by</h2>"
	    "<div class='author-avatar'><img class='avatar' src='a.png' alt='Ty'></div>"
	    "<div class='author-description'><h3>Ty Berg</h3>"
	    "<p class='author-bio'>Ty Berg grows <em>tomatoes</em>. "
	    "<a class='author-link' href='https://s.example/author/ty/' rel='author'>View all posts</a></p>"
	    "<p><a href='https://s.example/author/ty/'>More posts by Ty Berg</a></p></div></div></body>");
	xmlNodePtr box = page_find_bio(root_of(doc), NULL);
	ck_assert_ptr_eq(box, by_id(doc, "box"));
	char *h = page_bio_html(box);
	ck_assert_ptr_nonnull(strstr(h, "Ty Berg grows <em>tomatoes</em>."));
	ck_assert_ptr_null(strstr(h, "View all"));
	ck_assert_ptr_null(strstr(h, "More posts"));
	ck_assert_ptr_null(strstr(h, "Published by"));
	ck_assert_ptr_null(strstr(h, "<img"));
	free(h);
	xmlFreeDoc(doc);

	/* A block of bare text becomes a paragraph. */
	doc = parse("<div class='wp-block-post-author-biography'>Lu paints &amp; draws boats "
	            "on the harbour wall every summer.</div>");
	h = page_bio_html(page_find_bio(root_of(doc), NULL));
	ck_assert_str_eq(h, "<p>Lu paints &amp; draws boats on the harbour wall every summer.</p>\n");
	free(h);
	xmlFreeDoc(doc);

	/* A byline that a theme calls author-info is no bio. */
	doc = parse("<span class='author-info'>By <a href='/author/lu/'>Lu</a> in Boats</span>");
	h = page_bio_html(page_find_bio(root_of(doc), NULL));
	ck_assert(h == NULL || !*h);
	free(h);
	xmlFreeDoc(doc);
}
END_TEST

START_TEST(test_related)
{
	htmlDocPtr doc = parse(
	    "<body><div id='comments'><div class='related-x'><a href='https://s.example/no/'>no</a></div></div>"
	    "<div id='jp-relatedposts' class='jp-relatedposts'><h3>Related</h3>"
	    "<div class='jp-relatedposts-post'><a href='/one/' title='One'><img src='t.png'></a>"
	    "<h4 class='jp-relatedposts-post-title'><a href='/one/'>The First</a></h4>"
	    "<p class='jp-relatedposts-post-excerpt'>About one.</p>"
	    "<p class='jp-relatedposts-post-date'>March 5, 2020</p>"
	    "<p class='jp-relatedposts-post-context'>In <a href='/category/x/' rel='category tag'>X</a></p></div>"
	    "<div class='jp-relatedposts-post'><h4><a href='https://s.example/two/'>The Second</a></h4>"
	    "<time datetime='2019-12-01'>Dec</time></div>"
	    "<div class='jp-relatedposts-post'><a href='https://s.example/self/'>Self</a></div>"
	    "</div></body>");
	xmlNodePtr block = page_find_related(root_of(doc));
	ck_assert_ptr_eq(block, by_id(doc, "jp-relatedposts"));
	import_related *r = NULL;
	size_t n = 0;
	ck_assert_uint_eq(page_related_read(block, "https://s.example/self/", "https://s.example/self/", &r, &n), 2);
	ck_assert_str_eq(r[0].title, "The First");
	ck_assert_str_eq(r[0].url, "https://s.example/one/");
	ck_assert_str_eq(r[0].date, "2020-03-05");
	ck_assert_str_eq(r[0].summary, "About one.");
	ck_assert_str_eq(r[1].title, "The Second");
	ck_assert_str_eq(r[1].date, "2019-12-01");
	ck_assert_ptr_null(r[1].summary);
	for (size_t i = 0; i < n; i++) {
		free(r[i].title);
		free(r[i].url);
		free(r[i].date);
		free(r[i].summary);
	}
	free(r);
	xmlFreeDoc(doc);
}
END_TEST

static void
free_comments(import_comment *c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		import_comment_clear(&c[i]);
	free(c);
}

START_TEST(test_thread_wordpress)
{
	htmlDocPtr doc = parse(
	    "<body><h3 id='comments'>Join the discussion 3 Comments</h3><div class='wrap'>"
	    "<ol class='comment-list'>"
	    "<li id='li-comment-5' class='comment depth-1'><article id='comment-5' class='comment-body'>"
	    "<footer class='comment-meta'><div class='comment-author vcard'><img class='avatar' src='a.png'>"
	    "<b class='fn'><a class='url' href='https://q.example/'>Quin</a></b> <span class='says'>says:</span></div>"
	    "<div class='comment-metadata'><a href='#c5'><time datetime='2020-05-05T05:05:05Z'>May</time></a></div>"
	    "</footer><div class='comment-content'><p>Why?</p></div>"
	    "<div class='reply'><a class='comment-reply-link' href='#'>Reply</a></div></article>"
	    "<ol class='children'><li id='li-comment-6' class='comment bypostauthor depth-2'>"
	    "<div id='comment-6' class='comment-body'><div class='comment-author vcard'><img class='avatar' src='b.png'></div>"
	    "<p>Because.</p><div class='reply'><a href='#'>Reply</a></div></div></li></ol></li>"
	    "<li id='li-comment-7' class='pingback'><div class='comment-body'>Pingback: x</div></li>"
	    "<li id='li-comment-8' class='comment depth-1'><div id='comment-8' class='comment-body'>"
	    "<div class='comment-author vcard'><cite class='fn'>Ola Post</cite> <span class='says'>says:</span></div>"
	    "<div class='comment-meta commentmetadata'><a href='#c8'>June 1, 2020 at 1:00 pm</a></div>"
	    "<p>Thanks <script>x()</script><a href='javascript:y()'>here</a></p></div></li>"
	    "</ol><div id='respond'><form><textarea></textarea></form></div></div></body>");
	xmlNodePtr thread = page_find_thread(root_of(doc));
	ck_assert_ptr_nonnull(thread);
	ck_assert(page_has_class(thread, "comment-list")); /* not the heading */
	import_comment *c = NULL;
	size_t n = 0;
	const char *how = NULL;
	ck_assert_uint_eq(page_thread_read(thread, "Ola Post", NULL, &c, &n, &how), 3);
	ck_assert_str_eq(how, "WordPress comment markup");
	ck_assert_str_eq(c[0].id, "5");
	ck_assert_str_eq(c[0].author, "Quin");
	ck_assert_str_eq(c[0].author_url, "https://q.example/");
	ck_assert_str_eq(c[0].date, "2020-05-05T05:05:05Z");
	ck_assert_str_eq(c[0].html, "<p>Why?</p>");
	ck_assert(!c[0].by_post_author);
	ck_assert_str_eq(c[1].id, "6");
	ck_assert_str_eq(c[1].parent_id, "5");
	ck_assert(c[1].by_post_author);
	ck_assert_str_eq(c[1].author, "Ola Post"); /* bypostauthor, no name shown */
	ck_assert_ptr_null(c[1].date);
	ck_assert_ptr_nonnull(strstr(c[1].html, "Because."));
	ck_assert_ptr_null(strstr(c[1].html, "Reply"));
	ck_assert_ptr_null(strstr(c[1].html, "img"));
	/* A date only as text is no date; the author's name makes it theirs. */
	ck_assert_str_eq(c[2].id, "8");
	ck_assert_ptr_null(c[2].date);
	ck_assert(c[2].by_post_author);
	ck_assert_ptr_null(strstr(c[2].html, "says"));
	ck_assert_ptr_null(strstr(c[2].html, "June"));
	ck_assert_ptr_null(strstr(c[2].html, "script"));
	ck_assert_ptr_null(strstr(c[2].html, "javascript"));
	free_comments(c, n);
	xmlFreeDoc(doc);
}
END_TEST

START_TEST(test_thread_microformats)
{
	htmlDocPtr doc = parse(
	    "<div class='h-entry'><div class='e-content'>x</div><section id='comments'>"
	    "<div class='p-comment h-cite' id='r1'><a class='p-author h-card' href='https://a.example/'>"
	    "<img class='u-photo' src='a.png'>Ari</a><time class='dt-published' datetime='2021-07-07'>7 Jul</time>"
	    "<div class='e-content'><p>First</p></div></div>"
	    "<div class='p-comment h-cite' id='r2'><span class='p-author h-card'><span class='p-name'>Bea</span>"
	    "</span><p class='p-content'>Second</p>"
	    "<a class='u-in-reply-to' href='https://s.example/post#r1'></a></div>"
	    "</section><ul class='related'><li class='h-cite'><a class='u-url p-name' href='/z'>Z</a></li></ul></div>");
	import_comment *c = NULL;
	size_t n = 0;
	const char *how = NULL;
	xmlNodePtr thread = page_find_thread(root_of(doc));
	ck_assert_uint_eq(page_thread_read(thread, NULL, NULL, &c, &n, &how), 2);
	ck_assert_str_eq(how, "microformats");
	ck_assert_str_eq(c[0].author, "Ari");
	ck_assert_str_eq(c[0].date, "2021-07-07");
	ck_assert_str_eq(c[0].html, "<p>First</p>");
	ck_assert_str_eq(c[1].author, "Bea");
	ck_assert_str_eq(c[1].parent_id, c[0].id);
	ck_assert_str_eq(c[1].html, "Second");
	free_comments(c, n);
	xmlFreeDoc(doc);
}
END_TEST

/* page_read on the saved pages of tests/import/pages/ (the unit tests
 * run from the top folder). */
static import_site *
read_page(const char *name, bool article_only, int want_rc)
{
	char *path = xasprintf("tests/import/pages/%s/page.html", name);
	ck_assert_msg(access(path, R_OK) == 0, "%s not found: run from the top folder", path);
	import_options opt = {.input = path, .article_only = article_only, .related = 3};
	import_site *site = NULL;
	ck_assert_int_eq(page_read(&opt, &site), want_rc);
	free(path);
	return site;
}

START_TEST(test_read_seed)
{
	import_site *s = read_page("seed", false, 0);
	ck_assert_uint_eq(s->nposts, 1);
	ck_assert_str_eq(s->base_dir, "tests/import/pages/seed");
	ck_assert_str_eq(s->language, "en-US");
	const import_post *p = &s->posts[0];
	ck_assert_str_eq(p->title, "Why Do We Get Knots In Our Muscles?");
	ck_assert_str_eq(p->author, "Daniel Lopez, D.O.");
	ck_assert_str_eq(p->link, "https://www.daniellopezdo.com/why-do-we-get-knots-in-our-muscles/");
	ck_assert_str_eq(p->date, "2013-12-13T17:26:11+00:00");
	ck_assert_str_eq(p->modified, "2017-03-10T21:04:51+00:00");
	ck_assert_uint_eq(p->nterms, 2);
	ck_assert_uint_eq(p->ncategories, 2);
	ck_assert(!p->content_is_raw);
	ck_assert_ptr_nonnull(strstr(p->content_html, "src=\"page_files/knots-in-muscles.jpg\""));
	ck_assert_ptr_null(strstr(p->content_html, "Share this"));
	ck_assert_ptr_null(strstr(p->content_html, "srcset"));
	ck_assert_ptr_nonnull(p->bio_html);
	ck_assert_ptr_null(strstr(p->bio_html, "More posts by"));
	ck_assert_uint_eq(p->ncomments, 4);
	for (size_t i = 0; i < p->ncomments; i++) {
		ck_assert_ptr_null(p->comments[i].date); /* the page shows none */
		ck_assert_int_eq(p->comments[i].status, IMPORT_APPROVED);
		ck_assert_ptr_null(strstr(p->comments[i].html, "Reply"));
		ck_assert_ptr_null(strstr(p->comments[i].html, "avatar"));
	}
	ck_assert_str_eq(p->comments[0].author, "Victor M Hogue");
	ck_assert_str_eq(p->comments[1].parent_id, p->comments[0].id);
	ck_assert(p->comments[1].by_post_author);
	ck_assert_str_eq(p->comments[1].author, "Daniel Lopez, D.O.");
	ck_assert_ptr_null(p->comments[3].author); /* the page shows no name */
	ck_assert_uint_eq(p->nrelated, 2);
	ck_assert_str_eq(p->related[1].title, "Osteopathy: Structure and Function");
	import_site_free(s);
}
END_TEST

START_TEST(test_read_refusals)
{
	import_site *s = read_page("classic", true, 0);
	ck_assert_uint_eq(s->posts[0].ncomments, 0); /* --article-only */
	ck_assert_uint_eq(s->posts[0].nrelated, 2);
	ck_assert_str_eq(s->posts[0].featured_image, "page_files/proofing-basket.jpg");
	import_site_free(s);
	const char *refused[] = {"not-post", "listing", "weak"};
	for (size_t i = 0; i < 3; i++)
		ck_assert_ptr_null(read_page(refused[i], false, 1));
}
END_TEST

Suite *
import_page_suite(void)
{
	Suite *s = suite_create("import_page");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_parse_html5);
	tcase_add_test(tc, test_classes);
	tcase_add_test(tc, test_text_and_html);
	tcase_add_test(tc, test_clean);
	tcase_add_test(tc, test_image_src);
	tcase_add_test(tc, test_settle_images);
	tcase_add_test(tc, test_absolute_links);
	tcase_add_test(tc, test_jsonld);
	tcase_add_test(tc, test_meta);
	tcase_add_test(tc, test_entry_and_body);
	tcase_add_test(tc, test_density);
	tcase_add_test(tc, test_deep_page);
	tcase_add_test(tc, test_entry_facts);
	tcase_add_test(tc, test_bio);
	tcase_add_test(tc, test_related);
	tcase_add_test(tc, test_thread_wordpress);
	tcase_add_test(tc, test_thread_microformats);
	tcase_add_test(tc, test_read_seed);
	tcase_add_test(tc, test_read_refusals);
	suite_add_tcase(s, tc);
	return s;
}
