/* chapter_text.c - a Markdown chapter's page: its frame (the section, its
 * epub:type and role, the title), its headings' ids and table of contents,
 * and the text of an element as a reader sees it. */
#include "chapter_text.h"

#include <string.h>
#include <unistr.h>

#include "chapter_type.h"
#include "markdown.h"
#include "slug.h"
#include "util.h"
#include "xhtml.h"

static bool
is_heading(xmlNodePtr n)
{
	const char *name = (const char *)n->name;
	return n->type == XML_ELEMENT_NODE && name[0] == 'h' && name[1] >= '1' && name[1] <= '6' &&
	       name[2] == '\0';
}

static void
gather_text(xmlNodePtr n, strbuf *sb)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content)
			strbuf_puts(sb, (const char *)c->content);
		else if (c->type == XML_ELEMENT_NODE) {
			xmlChar *cls = xmlGetProp(c, BAD_CAST "class");
			bool skip = cls && (!xmlStrcmp(cls, BAD_CAST "noteref") ||
			                    !xmlStrcmp(cls, BAD_CAST "task-box"));
			xmlFree(cls);
			if (!skip && strcmp((const char *)c->name, "sup") == 0) {
				xmlNodePtr a = c->children;
				if (a && a->type == XML_ELEMENT_NODE && xmlHasProp(a, BAD_CAST "role")) {
					xmlChar *r = xmlGetProp(a, BAD_CAST "role");
					skip = r && !xmlStrcmp(r, BAD_CAST "doc-noteref");
					xmlFree(r);
				}
			}
			if (!skip)
				gather_text(c, sb);
		}
	}
}

char *
chapter_text_plain(xmlNodePtr n)
{
	strbuf sb = {0};
	gather_text(n, &sb);
	char *s = strbuf_take(&sb);
	/* Fold runs of white space into one space. */
	char *w = s;
	bool space = true;
	for (char *r = s; *r; r++) {
		if (*r == ' ' || *r == '\n' || *r == '\t' || *r == '\r') {
			if (!space)
				*w++ = ' ';
			space = true;
		} else {
			*w++ = *r;
			space = false;
		}
	}
	if (w > s && w[-1] == ' ')
		w--;
	*w = '\0';
	return s;
}

void
chapter_text_heading_ids(xmlNodePtr root, strset *ids, chapter_toc *t)
{
	xmlNodePtr cur = root->children;
	strmap *last_n = strmap_new(); /* id -> last suffix tried: 20,000 equal headings stay fast */
	while (cur) {
		if (is_heading(cur)) {
			char *text = chapter_text_plain(cur);
			xmlChar *id = xmlGetProp(cur, BAD_CAST "id");
			char *use;
			if (id) {
				use = xstrdup((const char *)id);
			} else {
				char *base = slug_github(text);
				if (*base == '\0') {
					free(base);
					base = xstrdup("section");
				}
				use = xstrdup(base);
				for (intptr_t n = (intptr_t)strmap_get(last_n, base) + 1; strset_has(ids, use);
				     n++) {
					free(use);
					use = xasprintf("%s-%d", base, (int)n);
					strmap_put(last_n, base, (void *)n);
				}
				free(base);
				strset_add(ids, use);
				xmlSetProp(cur, BAD_CAST "id", BAD_CAST use);
			}
			xmlFree(id);
			if (t)
				toc_add(t, cur->name[1] - '0', text, use);
			free(text);
			free(use);
			/* Headings hold no headings. */
			cur = xhtml_next_node(cur, root, false);
		} else {
			cur = xhtml_next_node(cur, root, true);
		}
	}
	strmap_free(last_n);
}

xmlDocPtr
chapter_text_render(const book *b, chapter *c, strset *ids)
{
	xmlNodePtr body;
	xmlDocPtr doc = xhtml_new_document(b, c->href, c->title, c->lang, &body);
	xmlNodePtr sec = xhtml_add(body, "section", NULL);
	const chapter_type *type = chapter_type_find(c->epub_type);
	if (type == NULL) /* manuscript.c refused it */
		type = chapter_type_find(NULL);
	xhtml_set_epub_type(sec, type->epub_type); /* with its DPUB-ARIA role */
	xhtml_set_epub_type(body, type->matter);
	markdown_opts o = {
	    .file = c->file,
	    .first_line = c->body_line,
	    .ids = ids,
	};
	markdown_render(b, &o, c->body, c->body_len, sec); /* errors are reported */
	chapter_text_heading_ids(sec, ids, &c->toc);
	if (c->title == NULL && c->toc.n > 0 && toc_title(&c->toc, 0)[0] != '\0') {
		c->title = xstrdup(toc_title(&c->toc, 0));
		c->title_from_heading = true;
	}
	if (c->title == NULL && type->has_title_label)
		c->title = xstrdup(book_label(b, type->title_label));
	if (c->title == NULL) {
		const char *base = path_basename(c->path ? c->path : c->file);
		const char *dot = strrchr(base, '.');
		c->title = xstrndup(base, dot ? (size_t)(dot - base) : strlen(base));
		/* A file name need not be UTF-8 (Latin-1 from an old disk) and may
		 * hold control characters: neither may reach the XML. */
		size_t n = strlen(c->title);
		for (size_t i = 0; i < n;) {
			ucs4_t uc;
			int k = u8_mbtoucr(&uc, (const uint8_t *)c->title + i, n - i);
			if (k < 0 || uc < 0x20 || uc == 0xFFFE || uc == 0xFFFF)
				c->title[i++] = '?';
			else
				i += (size_t)k;
		}
	}
	if (c->toc.n > 0)
		xmlSetProp(sec, BAD_CAST "aria-labelledby", BAD_CAST toc_id(&c->toc, 0));
	else
		xmlSetProp(sec, BAD_CAST "aria-label", BAD_CAST c->title);
	xhtml_set_title(doc, c->title);
	return doc;
}
