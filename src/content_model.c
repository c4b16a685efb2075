/* content_model.c - content-model repair of the copied tree; see
 * content_model.h. */
#include "content_model.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "html_values.h"
#include "strbuf.h"
#include "strmap.h"

static bool
is_el(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

static bool
is_blank(xmlNodePtr n)
{
	if (n->type != XML_TEXT_NODE)
		return n->type != XML_ELEMENT_NODE; /* comments and the like */
	for (const xmlChar *p = n->content; p && *p; p++)
		if (*p != ' ' && *p != '\n' && *p != '\t' && *p != '\r')
			return false;
	return true;
}

/* The first (last true: the last) child of n that is an element or text
 * that is not blank. */
static xmlNodePtr
edge_content(xmlNodePtr n, bool last)
{
	for (xmlNodePtr c = last ? n->last : n->children; c; c = last ? c->prev : c->next)
		if (!is_blank(c))
			return c;
	return NULL;
}

/* Makes n a neutral element (div or span) that keeps its children, its
 * id, class, lang, dir and title; what only its old name allowed goes. */
static void
neutralise(xmlNodePtr n, const char *as)
{
	static const char *const keep[] = {"id", "class", "title", "lang", "dir", "style",
	                                   "translate", "aria-label", "aria-hidden", NULL};
	xmlAttrPtr a = n->properties;
	while (a) {
		xmlAttrPtr next = a->next;
		bool ok = a->ns != NULL || !strncmp((const char *)a->name, "data-", 5);
		for (int i = 0; !ok && keep[i]; i++)
			ok = !strcmp((const char *)a->name, keep[i]);
		if (!ok)
			xmlRemoveProp(a);
		a = next;
	}
	xmlNodeSetName(n, BAD_CAST as);
}

/* ---- definition lists ---- */

/* Whether the children of n (a dl, or a div in one) form groups of one or
 * more dt followed by one or more dd, with nothing else but blank text. */
static bool
has_dl_groups(xmlNodePtr n)
{
	int state = 0; /* 0: at a group's start, 1: after a dt, 2: after a dd */
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (is_blank(c))
			continue;
		if (is_el(c, "dt"))
			state = 1;
		else if (is_el(c, "dd") && state != 0)
			state = 2;
		else
			return false;
	}
	return state != 1;
}

/* A dl is either groups of dt and dd, or divs that each hold such groups.
 * One that is neither (a term without a definition, as WordPress writes
 * an image without caption) was never a list of terms: it and its parts
 * become divs. */
static void
repair_dl(xmlNodePtr dl)
{
	bool ok = has_dl_groups(dl);
	if (!ok) {
		bool divs = false;
		ok = true;
		for (xmlNodePtr c = dl->children; c && ok; c = c->next) {
			if (is_blank(c))
				continue;
			ok = is_el(c, "div") && has_dl_groups(c) && edge_content(c, false) != NULL;
			divs = true;
		}
		ok = ok && divs;
	}
	if (ok)
		return;
	for (xmlNodePtr c = dl->children; c; c = c->next) {
		if (is_el(c, "div"))
			for (xmlNodePtr k = c->children; k; k = k->next)
				if (is_el(k, "dt") || is_el(k, "dd"))
					neutralise(k, "div");
		if (is_el(c, "dt") || is_el(c, "dd"))
			neutralise(c, "div");
	}
	neutralise(dl, "div");
}

/* ---- tables ---- */

static int
table_rank(xmlNodePtr n)
{
	static const char *const order[] = {"caption", "colgroup", "thead", "tbody", "tfoot", NULL};
	if (is_el(n, "tr"))
		return 3;
	for (int i = 0; order[i]; i++)
		if (is_el(n, order[i]))
			return i;
	return -1;
}

/* A table's parts in the order XHTML wants: one caption, column groups,
 * one thead, the bodies (rows straight in the table wrapped in a tbody
 * when there are bodies too), one tfoot. A second caption goes before the
 * table as a div; a second thead or tfoot becomes a tbody. */
static void
repair_table(xmlNodePtr table)
{
	bool caption = false, thead = false, tfoot = false, tbody = false, tr = false;
	for (xmlNodePtr c = table->children; c;) {
		xmlNodePtr next = c->next;
		if (is_el(c, "caption")) {
			if (caption) {
				xmlUnlinkNode(c);
				xmlAddPrevSibling(table, c);
				neutralise(c, "div");
			}
			caption = true;
		} else if (is_el(c, "thead")) {
			if (thead)
				xmlNodeSetName(c, BAD_CAST "tbody");
			thead = true;
		} else if (is_el(c, "tfoot")) {
			if (tfoot)
				xmlNodeSetName(c, BAD_CAST "tbody");
			tfoot = true;
		} else if (is_el(c, "col")) {
			/* A column outside a column group gets one of its own. */
			xmlNodePtr g = xmlNewDocNode(table->doc, table->ns, BAD_CAST "colgroup", NULL);
			xmlAddPrevSibling(c, g);
			xmlUnlinkNode(c);
			xmlAddChild(g, c);
		}
		c = next;
	}
	for (xmlNodePtr c = table->children; c; c = c->next) {
		tbody |= is_el(c, "tbody");
		tr |= is_el(c, "tr");
	}
	if (tbody && tr) {
		xmlNodePtr run = NULL;
		for (xmlNodePtr c = table->children; c;) {
			xmlNodePtr next = c->next;
			if (is_el(c, "tr")) {
				if (run == NULL) {
					run = xmlNewDocNode(table->doc, table->ns, BAD_CAST "tbody", NULL);
					xmlAddPrevSibling(c, run);
				}
				xmlUnlinkNode(c);
				xmlAddChild(run, c);
			} else if (!is_blank(c)) {
				run = NULL;
			}
			c = next;
		}
	}
	/* A stable sort by rank, when the parts are out of order: unlink them,
	 * append them rank by rank. */
	int prev = 0;
	bool sorted = true;
	for (xmlNodePtr c = table->children; c && sorted; c = c->next) {
		int r = table_rank(c);
		sorted = r < 0 || r >= prev;
		prev = r < 0 ? prev : r;
	}
	if (sorted)
		return;
	xmlNodePtr parts[5] = {NULL}, tails[5] = {NULL};
	for (xmlNodePtr c = table->children; c;) {
		xmlNodePtr next = c->next;
		int r = table_rank(c);
		if (r >= 0) {
			xmlUnlinkNode(c);
			c->next = NULL;
			if (tails[r])
				tails[r]->next = c;
			else
				parts[r] = c;
			tails[r] = c;
		}
		c = next;
	}
	for (int r = 0; r < 5; r++)
		for (xmlNodePtr c = parts[r]; c;) {
			xmlNodePtr next = c->next;
			c->next = NULL;
			xmlAddChild(table, c);
			c = next;
		}
}

/* ---- figures, details, ruby ---- */

/* A figure's caption is its first or last child, and there is one. */
static void
repair_figure(xmlNodePtr figure)
{
	xmlNodePtr first = edge_content(figure, false), last = edge_content(figure, true);
	bool seen = false;
	for (xmlNodePtr c = figure->children; c; c = c->next) {
		if (!is_el(c, "figcaption"))
			continue;
		if (seen || (c != first && c != last))
			neutralise(c, "div");
		else
			seen = true;
	}
}

/* A details element starts with its summary: one found later is moved to
 * the front; without any, the details element is a plain division (mkbook
 * does not invent the words of a summary). Further summaries are divs. */
static void
repair_details(xmlNodePtr details)
{
	xmlNodePtr summary = NULL;
	for (xmlNodePtr c = details->children; c; c = c->next)
		if (is_el(c, "summary")) {
			summary = c;
			break;
		}
	if (summary == NULL) {
		neutralise(details, "div");
		return;
	}
	if (summary != edge_content(details, false)) {
		xmlUnlinkNode(summary);
		if (details->children)
			xmlAddPrevSibling(details->children, summary);
		else
			xmlAddChild(details, summary);
	}
	for (xmlNodePtr c = summary->next; c; c = c->next)
		if (is_el(c, "summary"))
			neutralise(c, "div");
}

/* A ruby annotation needs its rt; without one it is a span. */
static void
repair_ruby(xmlNodePtr ruby)
{
	for (xmlNodePtr c = ruby->children; c; c = c->next)
		if (is_el(c, "rt"))
			return;
	neutralise(ruby, "span");
}

/* A time element without datetime says its date in its text; when the
 * text is no date ("yesterday"), it is a span. */
static void
repair_time(xmlNodePtr t)
{
	xmlChar *text = xmlNodeGetContent(t);
	if (text == NULL || !html_value_is_datetime((const char *)text, false))
		neutralise(t, "span");
	xmlFree(text);
}

/* ---- allowed parents ---- */

struct parent_rule {
	const char *child;
	const char *parents[4];
	const char *as; /* what the child becomes elsewhere */
};

static const struct parent_rule parent_rules[] = {
	{"li", {"ul", "ol", NULL}, "div"},
	{"dt", {"dl", "div", NULL}, "div"}, /* a div only inside a dl: see below */
	{"dd", {"dl", "div", NULL}, "div"},
	{"figcaption", {"figure", NULL}, "div"},
	{"summary", {"details", NULL}, "div"},
	{"rt", {"ruby", NULL}, "span"},
	{"rp", {"ruby", NULL}, "span"},
	{"caption", {"table", NULL}, "div"},
	{"thead", {"table", NULL}, "div"},
	{"tbody", {"table", NULL}, "div"},
	{"tfoot", {"table", NULL}, "div"},
	{"colgroup", {"table", NULL}, "div"},
	{"tr", {"table", "thead", "tbody", "tfoot"}, "div"},
	{"td", {"tr", NULL}, "div"},
	{"th", {"tr", NULL}, "div"},
};

/* Whether n, an element, stands where its name allows it; when not, what
 * it becomes (*as), or NULL for an element that holds no text and goes
 * (a col outside a table). */
static bool
parent_allows(xmlNodePtr n, const char **as)
{
	const char *name = (const char *)n->name;
	xmlNodePtr p = n->parent;
	const char *pname = p && p->type == XML_ELEMENT_NODE ? (const char *)p->name : "";
	*as = NULL;
	if (!strcmp(name, "col"))
		return !strcmp(pname, "colgroup") || !strcmp(pname, "table");
	for (size_t i = 0; i < sizeof parent_rules / sizeof *parent_rules; i++) {
		const struct parent_rule *r = &parent_rules[i];
		if (strcmp(name, r->child))
			continue;
		*as = r->as;
		for (int k = 0; k < 4 && r->parents[k]; k++)
			if (!strcmp(pname, r->parents[k])) {
				if (!strcmp(pname, "div") && !is_el(p->parent, "dl"))
					return false;
				return true;
			}
		return false;
	}
	return true;
}

static void
repair_node(xmlNodePtr n)
{
	for (xmlNodePtr c = n->children; c;) {
		xmlNodePtr next = c->next;
		if (c->type != XML_ELEMENT_NODE) {
			c = next;
			continue;
		}
		const char *as;
		if (!parent_allows(c, &as)) {
			if (as == NULL) {
				xmlUnlinkNode(c);
				xmlFreeNode(c);
				c = next;
				continue;
			}
			neutralise(c, as);
		}
		const char *name = (const char *)c->name;
		if (!strcmp(name, "table"))
			repair_table(c);
		else if (!strcmp(name, "figure"))
			repair_figure(c);
		else if (!strcmp(name, "details"))
			repair_details(c);
		else if (!strcmp(name, "ruby"))
			repair_ruby(c);
		else if (!strcmp(name, "time") && !xmlHasProp(c, BAD_CAST "datetime"))
			repair_time(c);
		else if (!strcmp(name, "colgroup") && xmlHasProp(c, BAD_CAST "span") &&
		         c->children)
			xmlUnsetProp(c, BAD_CAST "span"); /* its columns count */
		repair_node(c);
		/* After the children: a div in a dl is decided with its parent. */
		if (!strcmp((const char *)c->name, "dl"))
			repair_dl(c);
		c = next;
	}
}

/* ---- references by id ---- */

static void
collect_ids(xmlNodePtr n, xmlHashTablePtr ids)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		xmlChar *id = xmlGetProp(c, BAD_CAST "id");
		if (id)
			xmlHashAddEntry(ids, id, c);
		xmlFree(id);
		collect_ids(c, ids);
	}
}

static xmlNodePtr
enclosing(xmlNodePtr n, const char *name)
{
	for (xmlNodePtr p = n->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent)
		if (!strcmp((const char *)p->name, name))
			return p;
	return NULL;
}

/* Keeps of attribute attr of n the ids that name an element of the
 * document (for headers: a th of the same table); drops the attribute,
 * with a warning, when one does not. */
static void
check_idrefs(xmlNodePtr n, const char *attr, xmlHashTablePtr ids, const char *file)
{
	xmlChar *v = xmlGetProp(n, BAD_CAST attr);
	if (v == NULL)
		return;
	bool headers = !strcmp(attr, "headers");
	strbuf kept = {0};
	const char *missing = NULL;
	char *save = NULL;
	for (char *tok = strtok_r((char *)v, " \t\n\r\f", &save); tok;
	     tok = strtok_r(NULL, " \t\n\r\f", &save)) {
		xmlNodePtr t = xmlHashLookup(ids, BAD_CAST tok);
		if (t && headers && (!is_el(t, "th") || enclosing(t, "table") != enclosing(n, "table")))
			t = NULL;
		if (t == NULL) {
			if (missing == NULL)
				missing = tok;
			continue;
		}
		if (kept.len)
			strbuf_putc(&kept, ' ');
		strbuf_puts(&kept, tok);
	}
	if (missing) {
		diag_warning(file, 0, 0, "%s=\"...%s...\" on <%s> names no %s in this page; %s", attr,
		             missing, (const char *)n->name,
		             headers ? "header cell of its table" : "element",
		             kept.len ? "that id dropped" : "attribute dropped");
		if (kept.len)
			xmlSetProp(n, BAD_CAST attr, BAD_CAST kept.data);
		else
			xmlUnsetProp(n, BAD_CAST attr);
	}
	strbuf_free(&kept);
	xmlFree(v);
}

static void
check_refs(xmlNodePtr n, xmlHashTablePtr ids, const char *file)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		check_idrefs(c, "aria-describedby", ids, file);
		check_idrefs(c, "aria-labelledby", ids, file);
		if (is_el(c, "td") || is_el(c, "th"))
			check_idrefs(c, "headers", ids, file);
		check_refs(c, ids, file);
	}
}

/* Whether an element under n has an attribute that check_refs checks:
 * most pages have none, and then need no table of their ids. */
static bool
has_idrefs(xmlNodePtr n)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		for (xmlAttrPtr a = c->properties; a; a = a->next) {
			const char *name = (const char *)a->name;
			if (!strcmp(name, "aria-describedby") || !strcmp(name, "aria-labelledby") ||
			    !strcmp(name, "headers"))
				return true;
		}
		if (has_idrefs(c))
			return true;
	}
	return false;
}

void
content_model_repair(xmlNodePtr root, const char *file)
{
	repair_node(root);
	if (!has_idrefs(root))
		return;
	xmlNodePtr top = root->doc ? xmlDocGetRootElement(root->doc) : NULL;
	xmlHashTablePtr ids = xmlHashCreate(64);
	collect_ids(top ? top : root, ids);
	check_refs(root, ids, file);
	xmlHashFree(ids, NULL);
}
