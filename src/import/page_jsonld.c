/* page_jsonld.c - schema.org JSON-LD in a saved page: the posting
 * (BlogPosting, Article and their kin) and its Comment tree, read with
 * jansson. Values may be strings, arrays or objects, and objects may be
 * references ({"@id": ...}) into an @graph: each reader accepts all. */
#include "import/page.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "url.h"
#include "util.h"

/* The types of a posting, as schema.org names CreativeWork's kinds of
 * article. */
static const char *const posting_types[] = {
    "BlogPosting",        "Article",           "NewsArticle",
    "TechArticle",        "ScholarlyArticle",  "Report",
    "SocialMediaPosting", "LiveBlogPosting",   "OpinionNewsArticle",
    "AnalysisNewsArticle", "ReportageNewsArticle", "DiscussionForumPosting",
};

static bool
has_type(json_t *o, const char *type)
{
	json_t *t = json_object_get(o, "@type");
	if (json_is_string(t))
		return strcmp(json_string_value(t), type) == 0;
	size_t i;
	json_t *v;
	json_array_foreach(t, i, v) if (json_is_string(v) && strcmp(json_string_value(v), type) == 0)
	    return true;
	return false;
}

static const char *
posting_type(json_t *o)
{
	for (size_t i = 0; i < sizeof posting_types / sizeof *posting_types; i++)
		if (has_type(o, posting_types[i]))
			return posting_types[i];
	return NULL;
}

/* The object a reference stands for, found by @id in graph; o itself
 * when it is not a bare reference or is not found. */
static json_t *
deref(json_t *o, json_t *graph)
{
	if (!json_is_object(o))
		return o;
	const char *id = json_string_value(json_object_get(o, "@id"));
	if (!id || json_object_size(o) > 1)
		return o;
	json_t *v;
	size_t i;
	json_array_foreach(graph, i, v)
	{
		const char *vid = json_string_value(json_object_get(v, "@id"));
		if (vid && strcmp(vid, id) == 0 && v != o)
			return v;
	}
	return o;
}

/* A string value: the string, the first string of an array, or an
 * object's @value / name / @id (what a reference to a page or a language
 * gives). Borrowed. */
static const char *
str_of(json_t *v, json_t *graph)
{
	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_array(v))
		return json_array_size(v) ? str_of(json_array_get(v, 0), graph) : NULL;
	v = deref(v, graph);
	if (!json_is_object(v))
		return NULL;
	const char *s = json_string_value(json_object_get(v, "@value"));
	if (!s)
		s = json_string_value(json_object_get(v, "name"));
	if (!s)
		s = json_string_value(json_object_get(v, "@id"));
	return s;
}

static char *
dup_trim(const char *s)
{
	if (!s)
		return NULL;
	char *d = str_trim(xstrdup(s));
	if (!*d) {
		free(d);
		return NULL;
	}
	return d;
}

/* The name of a person or of several, joined with ", ". Caller frees. */
static char *
names_of(json_t *v, json_t *graph)
{
	if (json_is_string(v))
		return dup_trim(json_string_value(v));
	if (json_is_array(v)) {
		strbuf sb = {0};
		size_t i;
		json_t *e;
		json_array_foreach(v, i, e)
		{
			char *n = names_of(e, graph);
			if (n) {
				if (sb.len)
					strbuf_puts(&sb, ", ");
				strbuf_puts(&sb, n);
			}
			free(n);
		}
		return strbuf_take(&sb);
	}
	v = deref(v, graph);
	return dup_trim(json_string_value(json_object_get(v, "name")));
}

static void
add_terms(strlist *l, json_t *v, bool split_commas)
{
	if (json_is_array(v)) {
		size_t i;
		json_t *e;
		json_array_foreach(v, i, e) add_terms(l, e, split_commas);
		return;
	}
	const char *s = json_string_value(v);
	while (s && *s) {
		size_t n = split_commas ? strcspn(s, ",") : strlen(s);
		char *t = str_trim(xstrndup(s, n));
		if (*t && !strlist_contains(l, t))
			strlist_push_owned(l, t);
		else
			free(t);
		s += n;
		if (*s == ',')
			s++;
	}
}

char *
page_text_to_html(const char *text)
{
	strbuf sb = {0};
	const char *s = text ? text : "";
	while (*s) {
		while (*s == '\n' || *s == '\r' || *s == ' ' || *s == '\t')
			s++;
		if (!*s)
			break;
		strbuf_puts(&sb, "<p>");
		while (*s) {
			if (*s == '\r') {
				s++;
				continue;
			}
			if (*s == '\n') {
				const char *t = s + 1;
				while (*t == ' ' || *t == '\t' || *t == '\r')
					t++;
				if (*t == '\n' || !*t)
					break;
				strbuf_puts(&sb, "<br>");
				s++;
				continue;
			}
			switch (*s) {
			case '<': strbuf_puts(&sb, "&lt;"); break;
			case '>': strbuf_puts(&sb, "&gt;"); break;
			case '&': strbuf_puts(&sb, "&amp;"); break;
			case '"': strbuf_puts(&sb, "&quot;"); break;
			default: strbuf_putc(&sb, *s);
			}
			s++;
		}
		strbuf_puts(&sb, "</p>\n");
	}
	char *r = strbuf_take(&sb);
	return r ? r : xstrdup("");
}

/* The comment's own id: the number of "#comment-17", else its @id or
 * url, else "ld-N". Caller frees. */
static char *
comment_id(json_t *c, size_t n)
{
	const char *id = json_string_value(json_object_get(c, "@id"));
	if (!id)
		id = json_string_value(json_object_get(c, "url"));
	if (!id)
		return xasprintf("ld-%zu", n + 1);
	const char *hash = strrchr(id, '#');
	const char *s = hash ? hash + 1 : id;
	const char *d = s + strlen(s);
	while (d > s && isdigit((unsigned char)d[-1]))
		d--;
	if (*d && d > s && (d[-1] == '-' || d[-1] == '_'))
		return xstrdup(d);
	return xstrdup(id);
}

static void
add_comment(page_ld *ld, json_t *c, json_t *graph, const char *parent, int depth)
{
	c = deref(c, graph);
	if (!json_is_object(c) || !has_type(c, "Comment") || depth > 200)
		return;
	ld->comments = xgrow(ld->comments, ld->ncomments, sizeof *ld->comments);
	import_comment *m = &ld->comments[ld->ncomments];
	memset(m, 0, sizeof *m);
	m->id = comment_id(c, ld->ncomments);
	ld->ncomments++;
	const char *pid = parent;
	json_t *pi = json_object_get(c, "parentItem");
	json_t *pio = deref(pi, graph);
	if (!pid && json_is_object(pio) && has_type(pio, "Comment"))
		m->parent_id = comment_id(pio, 0);
	else
		m->parent_id = xstrdup(pid);
	json_t *au = deref(json_object_get(c, "author"), graph);
	m->author = names_of(au, graph);
	const char *url = json_is_object(au) ? json_string_value(json_object_get(au, "url")) : NULL;
	if (url_web_host(url) != NULL)
		m->author_url = xstrdup(url);
	const char *date = json_string_value(json_object_get(c, "dateCreated"));
	if (!date)
		date = json_string_value(json_object_get(c, "datePublished"));
	if (date && date_parse_iso8601(date, NULL, NULL, NULL, NULL) > 0)
		m->date = xstrdup(date);
	m->status = IMPORT_APPROVED;
	m->html = page_text_to_html(json_string_value(json_object_get(c, "text")));
	char *self = xstrdup(m->id);
	json_t *replies = json_object_get(c, "comment");
	if (json_is_object(replies))
		add_comment(ld, replies, graph, self, depth + 1);
	size_t i;
	json_t *r;
	json_array_foreach(replies, i, r) add_comment(ld, r, graph, self, depth + 1);
	free(self);
}

static void
set_once(char **field, const char *v)
{
	if (!*field)
		*field = dup_trim(v);
}

static void
read_posting(page_ld *ld, json_t *o, json_t *graph, const char *type)
{
	ld->found = true;
	set_once(&ld->type, type);
	set_once(&ld->headline, str_of(json_object_get(o, "headline"), graph));
	set_once(&ld->headline, str_of(json_object_get(o, "name"), graph));
	const char *url = json_string_value(json_object_get(o, "url"));
	if (!url)
		url = str_of(json_object_get(o, "mainEntityOfPage"), graph);
	set_once(&ld->url, url);
	json_t *au = json_object_get(o, "author");
	if (!ld->author)
		ld->author = names_of(au, graph);
	json_t *first = deref(json_is_array(au) ? json_array_get(au, 0) : au, graph);
	if (json_is_object(first))
		set_once(&ld->author_bio, json_string_value(json_object_get(first, "description")));
	set_once(&ld->date, json_string_value(json_object_get(o, "datePublished")));
	set_once(&ld->date, json_string_value(json_object_get(o, "dateCreated")));
	set_once(&ld->modified, json_string_value(json_object_get(o, "dateModified")));
	set_once(&ld->description, json_string_value(json_object_get(o, "description")));
	set_once(&ld->language, str_of(json_object_get(o, "inLanguage"), graph));
	set_once(&ld->body_text, json_string_value(json_object_get(o, "articleBody")));
	if (!ld->terms.n) {
		add_terms(&ld->terms, json_object_get(o, "articleSection"), false);
		ld->ncategories = ld->terms.n;
		add_terms(&ld->terms, json_object_get(o, "keywords"), true);
	}
	if (!ld->ncomments) {
		json_t *cs = json_object_get(o, "comment");
		if (json_is_object(cs))
			add_comment(ld, cs, graph, NULL, 0);
		size_t i;
		json_t *c;
		json_array_foreach(cs, i, c) add_comment(ld, c, graph, NULL, 0);
	}
}

/* Visits one node and what it embeds as a main entity; graph is the list
 * that references resolve against. */
static void
visit(page_ld *ld, json_t *o, json_t *graph, int depth)
{
	if (!json_is_object(o) || depth > 8)
		return;
	const char *type = posting_type(o);
	if (type && !ld->found) {
		read_posting(ld, o, graph, type);
		return;
	}
	json_t *main = deref(json_object_get(o, "mainEntity"), graph);
	if (json_is_object(main))
		visit(ld, main, graph, depth + 1);
}

bool
page_ld_parse(const char *json, size_t len, page_ld *ld)
{
	json_error_t err;
	json_t *root = json_loadb(json, len, JSON_DECODE_ANY, &err);
	if (!root)
		return false;
	json_t *list = json_is_array(root) ? root : json_object_get(root, "@graph");
	if (json_is_array(list)) {
		size_t i;
		json_t *o;
		/* Postings first, then what names one as its main entity. */
		json_array_foreach(list, i, o) if (posting_type(o)) visit(ld, o, list, 0);
		json_array_foreach(list, i, o) visit(ld, o, list, 0);
		/* Comments standing alone in the graph, pointing at their parent. */
		if (!ld->ncomments) {
			json_array_foreach(list, i, o) if (json_is_object(o) && has_type(o, "Comment"))
			    add_comment(ld, o, list, NULL, 0);
		}
	} else {
		json_t *one = json_array();
		json_array_append(one, root);
		visit(ld, root, one, 0);
		json_decref(one);
	}
	json_decref(root);
	return true;
}

void
page_ld_read(htmlDocPtr doc, page_ld *ld, int *bad)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	for (xmlNodePtr n = root; n; n = page_next(n, root, false)) {
		if (!page_is(n, "script"))
			continue;
		char *type = page_attr(n, "type");
		bool is_ld = type && strcasecmp(str_trim(type), "application/ld+json") == 0;
		free(type);
		if (!is_ld)
			continue;
		xmlChar *text = xmlNodeGetContent(n);
		if (text && !page_ld_parse((const char *)text, strlen((const char *)text), ld) && bad)
			(*bad)++;
		xmlFree(text);
	}
}

void
page_ld_free(page_ld *ld)
{
	free(ld->type);
	free(ld->headline);
	free(ld->url);
	free(ld->author);
	free(ld->author_bio);
	free(ld->date);
	free(ld->modified);
	free(ld->description);
	free(ld->language);
	free(ld->body_text);
	strlist_free(&ld->terms);
	for (size_t i = 0; i < ld->ncomments; i++)
		import_comment_clear(&ld->comments[i]);
	free(ld->comments);
	memset(ld, 0, sizeof *ld);
}
