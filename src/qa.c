/* qa.c - reader comments: threads, moderation, the Reader Q&A chapter,
 * and the spam heuristic that helps an editor curate.
 *
 * qa_render checks the reply-to graph of a comments folder, keeps the
 * approved comments whose whole chain is approved, and writes one section
 * per thread (a question and its replies, nested as articles in articles,
 * siblings in date order). The spam heuristic is in qa_spam.c. */
#include "qa.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "date.h"
#include "diag.h"
#include "lang.h"
#include "chapter_text.h"
#include "markdown.h"
#include "markdown_limits.h"
#include "pages.h"
#include "url.h"
#include "util.h"
#include "xhtml.h"

/* Replies nest as articles in articles down to this depth; deeper replies
 * follow their parent inside the same replies block, so reading systems
 * are not handed hundreds of levels. */
#define QA_MAX_NEST 6
/* A thread heading made from the question: at most this many words... */
#define QA_EXCERPT_WORDS 8
/* ...and about this many bytes. */
#define QA_EXCERPT_BYTES 80

/* ---- Threads ---- */

/* One comment of the chapter while its threads are built. */
typedef struct qa_node {
	comment *cm;
	size_t index;           /* position in c->comments, the last tie-breaker */
	long long when;         /* sort key: seconds since 1970, LLONG_MAX none */
	struct qa_node *parent; /* what it answers, NULL for a question */
	struct qa_node **kids;  /* replies in the book, in date order */
	size_t nkids;
	bool broken;            /* its reply-to is in error (reported) */
	bool chain_broken;      /* so is an ancestor's */
	const struct qa_node *gap; /* the nearest ancestor that is not approved */
	bool in_book;
	int depth;              /* 0 for a question */
	/* Element ids, claimed in document order. */
	char *elem_id;          /* "comment-KEY" */
	char *thread_id;        /* questions: "thread-KEY" */
	char *heading_id;       /* questions: "thread-KEY-title" */
	char *note_prefix;      /* "c-KEY--" before the ids of its footnotes */
	xmlNodePtr replies;     /* where its replies go */
} qa_node;

typedef struct qa_threads {
	qa_node *nodes;
	size_t n;
	qa_node **order; /* the comments in the book, in document order */
	size_t norder;
} qa_threads;

static void
qa_threads_free(qa_threads *t)
{
	for (size_t i = 0; i < t->n; i++) {
		qa_node *q = &t->nodes[i];
		free(q->kids);
		free(q->elem_id);
		free(q->thread_id);
		free(q->heading_id);
		free(q->note_prefix);
	}
	free(t->nodes);
	free(t->order);
}

static const char *
status_word(enum comment_status s)
{
	return s == COMMENT_APPROVED ? "approved" : s == COMMENT_PENDING ? "pending" : "spam";
}

/* The sort key of an ISO 8601 date: its instant, a year or month taken as
 * its first day; LLONG_MAX when it cannot be read (it sorts last). */
static long long
comment_time(const char *iso)
{
	int y = 0, m = 0, d = 0;
	long long t = 0;
	int prec = iso ? date_parse_iso8601(iso, &y, &m, &d, &t) : 0;
	if (prec >= 3)
		return t;
	if (prec == 0)
		return LLONG_MAX;
	char *day = xasprintf("%04d-%02d-01", y, prec == 2 ? m : 1);
	if (date_parse_iso8601(day, NULL, NULL, NULL, &t) < 3)
		t = LLONG_MAX;
	free(day);
	return t;
}

static int
node_cmp(const void *pa, const void *pb)
{
	const qa_node *a = *(qa_node *const *)pa, *b = *(qa_node *const *)pb;
	if (a->when != b->when)
		return a->when < b->when ? -1 : 1;
	/* Comments without a date come last, in the order of their files. */
	if (a->when == LLONG_MAX)
		return a->index < b->index ? -1 : a->index > b->index;
	int r = strcmp(a->cm->id ? a->cm->id : "", b->cm->id ? b->cm->id : "");
	if (r)
		return r;
	return a->index < b->index ? -1 : a->index > b->index;
}

/* Reports every comment of c whose id an earlier comment of the book
 * (in any comments folder) already has. */
static void
qa_check_ids(const book *b, const chapter *c)
{
	strmap *first = strmap_new();
	for (size_t i = 0; i < b->ncomments; i++) {
		comment *cm = b->comments[i];
		if (cm->id && strmap_get(first, cm->id) == NULL)
			strmap_put(first, cm->id, cm);
	}
	for (size_t i = 0; i < c->ncomments; i++) {
		comment *cm = c->comments[i];
		if (cm->id == NULL)
			continue;
		comment *f = strmap_get(first, cm->id);
		if (f && f != cm) /* no position when the id is the file's name */
			diag_error(cm->file, cm->id_pos.line, cm->id_pos.col,
			           "duplicate comment id '%s': %s has it too", cm->id, f->file);
	}
	strmap_free(first);
}

/* The edit distance between a and b, or more than max when it is. */
static size_t
edit_distance(const char *a, const char *b, size_t max)
{
	size_t na = strlen(a), nb = strlen(b);
	if ((na > nb ? na - nb : nb - na) > max || nb > 256)
		return max + 1;
	size_t row[257];
	for (size_t j = 0; j <= nb; j++)
		row[j] = j;
	for (size_t i = 1; i <= na; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= nb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[nb];
}

/* The id of a comment of the folder that is one or two typing slips away
 * from id, or NULL. */
static const char *
nearest_id(const qa_threads *t, const char *id)
{
	const char *best = NULL;
	size_t best_d = 3;
	for (size_t i = 0; i < t->n; i++) {
		const char *cand = t->nodes[i].cm->id;
		if (cand == NULL)
			continue;
		size_t d = edit_distance(id, cand, 2);
		if (d < best_d) {
			best_d = d;
			best = cand;
		}
	}
	return best;
}

/* Links each comment to what it answers; reports a reply-to naming no
 * comment of the folder, a comment answering itself and reply-to cycles,
 * and marks those comments broken. */
static void
qa_thread_link(const book *b, const chapter *c, qa_threads *t)
{
	strmap *here = strmap_new();
	strmap *book_ids = strmap_new();
	for (size_t i = 0; i < b->ncomments; i++)
		if (b->comments[i]->id && !strmap_get(book_ids, b->comments[i]->id))
			strmap_put(book_ids, b->comments[i]->id, b->comments[i]);
	for (size_t i = 0; i < t->n; i++)
		if (t->nodes[i].cm->id && !strmap_get(here, t->nodes[i].cm->id))
			strmap_put(here, t->nodes[i].cm->id, &t->nodes[i]);

	for (size_t i = 0; i < t->n; i++) {
		qa_node *q = &t->nodes[i];
		const comment *cm = q->cm;
		if (cm->reply_to == NULL)
			continue;
		int line = cm->reply_to_pos.line, col = cm->reply_to_pos.col;
		if (cm->id && !strcmp(cm->reply_to, cm->id)) {
			diag_error(cm->file, line, col, "comment '%s' replies to itself", cm->id);
			q->broken = true;
			continue;
		}
		q->parent = strmap_get(here, cm->reply_to);
		if (q->parent)
			continue;
		q->broken = true;
		const comment *elsewhere = strmap_get(book_ids, cm->reply_to);
		const char *near;
		if (elsewhere)
			diag_error(cm->file, line, col,
			           "reply-to '%s' names a comment of another comments folder (%s); "
			           "a reply belongs with what it answers",
			           cm->reply_to, elsewhere->file);
		else if ((near = nearest_id(t, cm->reply_to)) != NULL)
			diag_error(cm->file, line, col, "reply-to '%s' names no comment in %s; did you "
			           "mean '%s'?",
			           cm->reply_to, c->file ? c->file : "this comments folder", near);
		else
			diag_error(cm->file, line, col, "reply-to '%s' names no comment in %s",
			           cm->reply_to, c->file ? c->file : "this comments folder");
	}

	/* Cycles: walk up from each comment; meeting a comment of the walk
	 * in progress closes a cycle. 0 unseen, 1 on the current walk, 2 done. */
	unsigned char *state = xcalloc(t->n ? t->n : 1, 1);
	qa_node **path = xmalloc((t->n ? t->n : 1) * sizeof *path);
	for (size_t i = 0; i < t->n; i++) {
		size_t np = 0;
		qa_node *q = &t->nodes[i];
		while (q && state[q - t->nodes] == 0) {
			state[q - t->nodes] = 1;
			path[np++] = q;
			q = q->parent;
		}
		if (q && state[q - t->nodes] == 1) {
			/* q is on this walk: path from q to the end is the cycle. */
			size_t start = 0;
			while (path[start] != q)
				start++;
			strbuf chain = {0};
			for (size_t k = start; k < np; k++) {
				strbuf_printf(&chain, "'%s' -> ", path[k]->cm->id);
				path[k]->broken = true;
			}
			strbuf_printf(&chain, "'%s'", q->cm->id);
			diag_error(q->cm->file, q->cm->reply_to_pos.line, q->cm->reply_to_pos.col,
			           "reply-to goes round in a cycle (%s); one of them must be a "
			           "question, without reply-to",
			           chain.data);
			strbuf_free(&chain);
		}
		for (size_t k = 0; k < np; k++)
			state[path[k] - t->nodes] = 2;
	}
	free(path);
	free(state);
	strmap_free(here);
	strmap_free(book_ids);
}

/* Sets chain_broken and gap of every comment from its ancestors, each
 * comment visited once (reply chains can be long). */
static void
qa_thread_chain(qa_threads *t)
{
	bool *done = xcalloc(t->n ? t->n : 1, sizeof *done);
	qa_node **path = xmalloc((t->n ? t->n : 1) * sizeof *path);
	for (size_t i = 0; i < t->n; i++) {
		size_t np = 0;
		/* Up to a known comment, a broken one (cycles are) or the top. */
		for (qa_node *a = &t->nodes[i]; a && !done[a - t->nodes] && !a->broken; a = a->parent)
			path[np++] = a;
		while (np > 0) {
			qa_node *q = path[--np], *p = q->parent;
			if (p && (p->broken || p->chain_broken))
				q->chain_broken = true;
			else if (p)
				q->gap = p->cm->status != COMMENT_APPROVED ? p : p->gap;
			done[q - t->nodes] = true;
		}
	}
	free(path);
	free(done);
}

/* Decides which comments go into the book, warns about the ones left out
 * that an editor may want, and counts them. */
static void
qa_thread_moderate(qa_threads *t, qa_stats *stats)
{
	qa_thread_chain(t);
	for (size_t i = 0; i < t->n; i++) {
		qa_node *q = &t->nodes[i];
		const comment *cm = q->cm;
		if (q->broken || q->chain_broken)
			continue; /* its error was reported */
		if (cm->status == COMMENT_PENDING) {
			diag_warning(cm->file, cm->status_pos.line, cm->status_pos.col,
			             "pending comment left out; set status: approved to include it");
			stats->pending++;
		} else if (cm->status == COMMENT_SPAM) {
			stats->spam++;
		} else if (q->gap) {
			diag_warning(cm->file, cm->reply_to_pos.line, cm->reply_to_pos.col,
			             "reply left out: the comment it answers ('%s' in %s) is %s, not in "
			             "the book",
			             q->gap->cm->id, q->gap->cm->file, status_word(q->gap->cm->status));
			stats->orphaned++;
		} else {
			q->in_book = true;
			stats->in_book++;
		}
	}
}

/* Fills t->order with the comments in the book in document order: each
 * question (by date) followed by its replies, depth first, by date. */
static void
qa_thread_order(qa_threads *t)
{
	qa_node **roots = xmalloc((t->n ? t->n : 1) * sizeof *roots);
	size_t nroots = 0;
	for (size_t i = 0; i < t->n; i++) {
		qa_node *q = &t->nodes[i];
		if (!q->in_book)
			continue;
		if (q->parent == NULL) {
			roots[nroots++] = q;
			continue;
		}
		qa_node *p = q->parent;
		p->kids = xgrow(p->kids, p->nkids, sizeof *p->kids);
		p->kids[p->nkids++] = q;
	}
	for (size_t i = 0; i < t->n; i++)
		if (t->nodes[i].nkids > 1)
			qsort(t->nodes[i].kids, t->nodes[i].nkids, sizeof(qa_node *), node_cmp);
	if (nroots > 1)
		qsort(roots, nroots, sizeof *roots, node_cmp);

	/* Depth first with an explicit stack: reply chains can be long. */
	t->order = xmalloc((t->n ? t->n : 1) * sizeof *t->order);
	t->norder = 0;
	qa_node **stack = xmalloc((t->n ? t->n : 1) * sizeof *stack);
	size_t ns = 0;
	for (size_t r = nroots; r-- > 0;)
		stack[ns++] = roots[r];
	while (ns > 0) {
		qa_node *q = stack[--ns];
		q->depth = q->parent ? q->parent->depth + 1 : 0;
		t->order[t->norder++] = q;
		for (size_t k = q->nkids; k-- > 0;)
			stack[ns++] = q->kids[k];
	}
	free(stack);
	free(roots);
}

/* ---- Rendering ---- */

/* A comment id made into the safe part of element ids: ASCII letters and
 * digits (accents dropped: "ü" gives "u") with single '-' between them, so
 * that "--" can end a prefix; never empty. Caller frees. */
static char *
comment_key(const char *id)
{
	const char *src = id ? id : "";
	size_t n = strlen(src);
	/* Decomposed, an accented letter is its base letter and a mark. */
	uint8_t *nfd = u8_normalize(UNINORM_NFD, (const uint8_t *)src, n, NULL, &n);
	const uint8_t *s = nfd ? nfd : (const uint8_t *)src, *end = s + n;
	strbuf sb = {0};
	bool gap = false;
	while (s < end) {
		ucs4_t uc;
		int k = u8_mbtouc(&uc, s, (size_t)(end - s));
		s += k > 0 ? k : 1;
		bool ok = (uc >= 'a' && uc <= 'z') || (uc >= 'A' && uc <= 'Z') ||
		          (uc >= '0' && uc <= '9');
		if (!ok) {
			if (!uc_is_general_category(uc, UC_CATEGORY_M))
				gap = true;
			continue;
		}
		if (gap && sb.len)
			strbuf_putc(&sb, '-');
		gap = false;
		strbuf_putc(&sb, (char)uc);
	}
	free(nfd);
	if (sb.len == 0)
		return xasprintf("x%08x", (unsigned)(strmap_hash(src, strlen(src)) & 0xffffffffu));
	return strbuf_take(&sb);
}

/* base, or base-2, base-3... whichever ids does not hold yet; adds it to
 * ids. Caller frees. */
static char *
claim_id(strset *ids, const char *base)
{
	char *id = xstrdup(base);
	for (int n = 2; !strset_add(ids, id); n++) {
		free(id);
		id = xasprintf("%s-%d", base, n);
	}
	return id;
}

static void
add_text(xmlNodePtr parent, const char *s)
{
	xmlAddChild(parent, xmlNewDocText(parent->doc, BAD_CAST s));
}

static void
set_class(xmlNodePtr n, const char *cls)
{
	xmlSetProp(n, BAD_CAST "class", BAD_CAST cls);
}

/* The date as the book's language writes it, or iso itself when it cannot
 * be read. Caller frees. */
static char *
date_text(const book *b, const char *iso)
{
	int y, m, d;
	int prec = iso ? date_parse_iso8601(iso, &y, &m, &d, NULL) : 0;
	if (prec == 0)
		return xstrdup(iso ? iso : "");
	return labels_format_date(b->language, y, prec >= 2 ? m : 0, prec >= 3 ? d : 0);
}

/* Demotes the headings of a comment's body below the thread's h2, so
 * that a reader's "# Title" does not break the chapter's outline (nor
 * skips a level: "## A" becomes h3 too), and adds
 * its ids to the page's (dropping one that is taken, which the prefixes
 * rule out). */
static void
adopt_body(strset *ids, xmlNodePtr root)
{
	int prev = 2; /* the thread's h2 */
	xmlNodePtr cur = root->children;
	while (cur) {
		const char *nm = (const char *)cur->name;
		if (cur->type == XML_ELEMENT_NODE) {
			xmlAttrPtr id = xmlHasProp(cur, BAD_CAST "id");
			xmlChar *v = id ? xmlGetProp(cur, BAD_CAST "id") : NULL;
			if (v && !strset_add(ids, (const char *)v))
				xmlRemoveProp(id);
			xmlFree(v);
		}
		if (cur->type == XML_ELEMENT_NODE && nm[0] == 'h' && nm[1] >= '1' && nm[1] <= '6' &&
		    nm[2] == '\0') {
			int level = nm[1] - '0' + 2;
			if (level > prev + 1) /* no gap for screen readers */
				level = prev + 1;
			prev = level > 6 ? 6 : level;
			char name[3] = {'h', (char)('0' + prev), '\0'};
			xmlNodeSetName(cur, BAD_CAST name);
		}
		cur = xhtml_next_node(cur, root, true);
	}
}

/* The thread heading made from the question's text: its first words,
 * ending in "…" when cut. NULL when the text is empty. Caller frees. */
static char *
excerpt(const char *text)
{
	strbuf sb = {0};
	const char *p = text;
	int words = 0;
	bool cut = false;
	for (;;) {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		if (words == QA_EXCERPT_WORDS) {
			cut = true;
			break;
		}
		const char *e = p;
		while (*e && *e != ' ')
			e++;
		if (sb.len)
			strbuf_putc(&sb, ' ');
		strbuf_append(&sb, p, (size_t)(e - p));
		words++;
		p = e;
	}
	if (sb.len == 0) {
		strbuf_free(&sb);
		return NULL;
	}
	if (sb.len > QA_EXCERPT_BYTES) {
		size_t n = QA_EXCERPT_BYTES;
		while (n > 0 && ((unsigned char)sb.data[n] & 0xC0) == 0x80)
			n--; /* not in the middle of a character */
		sb.len = n;
		sb.data[n] = '\0';
		cut = true;
	}
	if (cut) {
		while (sb.len > 0 && strchr(" ,;:-", sb.data[sb.len - 1]))
			sb.data[--sb.len] = '\0';
		strbuf_puts(&sb, "\u2026");
	}
	return strbuf_take(&sb);
}

/* Claims the element ids of every comment in the book, in document order,
 * so that the first of equal ids keeps the plain form. */
static void
qa_thread_claim_ids(strset *ids, qa_threads *t)
{
	for (size_t i = 0; i < t->norder; i++) {
		qa_node *q = t->order[i];
		char *key = comment_key(q->cm->id);
		char *base = xasprintf("comment-%s", key);
		q->elem_id = claim_id(ids, base);
		/* The notes' prefix follows the element id, which is unique and
		 * holds no "--": no two comments' note ids can meet. */
		q->note_prefix = xasprintf("c-%s--", q->elem_id + strlen("comment-"));
		if (q->depth == 0) {
			free(base);
			base = xasprintf("thread-%s", key);
			q->thread_id = claim_id(ids, base);
			free(base);
			base = xasprintf("%s-title", q->thread_id);
			q->heading_id = claim_id(ids, base);
		}
		free(base);
		free(key);
	}
}

/* <header class="qa-meta"><p class="qa-byline">NAME asked DATE</p>...
 * answer is the first author's reply to a question, or NULL. */
static void
qa_render_meta(const book *b, xmlNodePtr art, const qa_node *q, const qa_node *answer)
{
	const comment *cm = q->cm;
	xmlNodePtr header = xhtml_add(art, "header", NULL);
	set_class(header, "qa-meta");
	xmlNodePtr p = xhtml_add(header, "p", NULL);
	set_class(p, "qa-byline");
	/* A commenter's name is untrusted text in a sentence of mkbook's own:
	 * <bdi> keeps its direction (a U+202E in it, or a name in Arabic)
	 * from running into "asked" and the date. */
	xmlNodePtr who = xhtml_add(p, "bdi", NULL);
	set_class(who, "qa-author");
	const char *name = cm->author ? cm->author : "";
	if (cm->author_url && url_is_web(cm->author_url)) {
		xmlNodePtr a = xhtml_add(who, "a", name);
		xmlSetProp(a, BAD_CAST "href", BAD_CAST cm->author_url);
	} else {
		add_text(who, name);
		if (cm->author_url)
			diag_warning(cm->file, cm->author_url_pos.line, cm->author_url_pos.col,
			             "author-url '%.80s' is not an http or https address; the name is "
			             "not linked",
			             cm->author_url);
	}
	const char *verb = book_label(b, q->depth == 0 ? LABEL_ASKED : LABEL_REPLIED);
	/* Where "asked" is a noun ("質問"): "NAME · 質問 · DATE". */
	bool noun = lang_primary_is(b->language, "ja") || lang_primary_is(b->language, "zh") ||
	            lang_primary_is(b->language, "ko");
	/* A comment without a date: "NAME asked". */
	char *between = noun ? xasprintf(" \u00b7 %s%s", verb, cm->date ? " \u00b7 " : "")
	                     : xasprintf(" %s%s", verb, cm->date ? " " : "");
	add_text(p, between);
	free(between);
	if (cm->date)
		pages_add_date(b, p, cm->date);
	if (cm->by_author) {
		add_text(p, " \u00b7 ");
		xmlNodePtr role = xhtml_add(p, "span", book_label(b, LABEL_AUTHOR_ANSWER));
		set_class(role, "qa-role");
	}
	if (answer) {
		xmlNodePtr pa = xhtml_add(header, "p", NULL);
		set_class(pa, "qa-answered");
		xmlNodePtr a = xhtml_add(pa, "a", book_label(b, LABEL_ANSWERED_BY_AUTHOR));
		char *href = xasprintf("#%s", answer->elem_id);
		xmlSetProp(a, BAD_CAST "href", BAD_CAST href);
		free(href);
	}
}

/* Appends the article of comment q to parent and returns its body. */
static xmlNodePtr
qa_render_comment(const book *b, strset *page_ids, xmlNodePtr parent, qa_node *q,
                  const qa_node *answer)
{
	const comment *cm = q->cm;
	xmlNodePtr art = xhtml_add(parent, "article", NULL);
	set_class(art, q->depth == 0 ? "qa-question"
	               : cm->by_author ? "qa-reply qa-by-author"
	                               : "qa-reply");
	xmlSetProp(art, BAD_CAST "id", BAD_CAST q->elem_id);
	char *when = date_text(b, cm->date);
	char *label = *when ? xasprintf("%s, %s", cm->author ? cm->author : "", when)
	                    : xstrdup(cm->author ? cm->author : "");
	xmlSetProp(art, BAD_CAST "aria-label", BAD_CAST label);
	free(label);
	free(when);
	qa_render_meta(b, art, q, answer);

	xmlNodePtr body = xhtml_add(art, "div", NULL);
	set_class(body, "qa-body");
	/* The body's ids (its notes', all with the comment's own prefix) are
	 * gathered apart and then added to the page's: the sanitiser also
	 * records a note reference's id without the prefix, which would make
	 * the next comment's reference lose its id. */
	strset *ids = strset_new();
	markdown_opts o = {
	    .file = cm->file,
	    .first_line = cm->body_line,
	    .untrusted = true,
	    .id_prefix = q->note_prefix,
	    .ids = ids,
	};
	const char *text = cm->body ? cm->body : "";
	markdown_render(b, &o, text, strlen(text), body); /* errors are reported */
	strset_free(ids);
	adopt_body(page_ids, body);

	q->replies = parent; /* too deep to nest: replies follow it */
	if (q->nkids > 0 && q->depth < QA_MAX_NEST) {
		q->replies = xhtml_add(art, "div", NULL);
		set_class(q->replies, "qa-replies");
		xmlSetProp(q->replies, BAD_CAST "role", BAD_CAST "group");
		xmlSetProp(q->replies, BAD_CAST "aria-label", BAD_CAST book_label(b, LABEL_REPLIES));
	}
	return body;
}

/* The first reply by the book's author in the thread that starts at
 * t->order[i] (a question), in document order; NULL when none. */
static const qa_node *
qa_thread_answer(const qa_threads *t, size_t i)
{
	for (size_t k = i + 1; k < t->norder && t->order[k]->depth > 0; k++)
		if (t->order[k]->cm->by_author)
			return t->order[k];
	return NULL;
}

/* Appends the section of the thread that question q starts, with its
 * heading, and its entry in the chapter's toc. */
static void
qa_render_thread(const book *b, chapter *c, strset *ids, xmlNodePtr chapter_sec, qa_threads *t,
                 size_t i)
{
	qa_node *q = t->order[i];
	xmlNodePtr sec = xhtml_add(chapter_sec, "section", NULL);
	set_class(sec, "qa-thread");
	xmlSetProp(sec, BAD_CAST "id", BAD_CAST q->thread_id);
	xmlSetProp(sec, BAD_CAST "aria-labelledby", BAD_CAST q->heading_id);
	xmlNodePtr h2 = xhtml_add(sec, "h2", NULL);
	xmlSetProp(h2, BAD_CAST "id", BAD_CAST q->heading_id);
	xmlNodePtr body = qa_render_comment(b, ids, sec, q, qa_thread_answer(t, i));

	char *heading = NULL;
	if (q->cm->title && *q->cm->title) {
		heading = xstrdup(q->cm->title);
	} else {
		char *text = chapter_text_plain(body);
		heading = excerpt(text);
		free(text);
	}
	if (heading == NULL)
		heading = xstrdup(q->cm->author && *q->cm->author ? q->cm->author
		                  : q->cm->id                     ? q->cm->id
		                                                  : "?");
	add_text(h2, heading);
	toc_add(&c->toc, 2, heading, q->heading_id);
	free(heading);
}

xmlDocPtr
qa_render(const book *b, chapter *c, strset *ids, qa_stats *stats)
{
	qa_stats ignore = {0};
	if (stats == NULL)
		stats = &ignore;
	qa_threads t = {0};
	t.n = c->ncomments;
	t.nodes = xcalloc(t.n ? t.n : 1, sizeof *t.nodes);
	for (size_t i = 0; i < t.n; i++) {
		t.nodes[i].cm = c->comments[i];
		t.nodes[i].index = i;
		t.nodes[i].when = comment_time(c->comments[i]->date);
	}
	qa_check_ids(b, c);
	qa_thread_link(b, c, &t);
	qa_thread_moderate(&t, stats);
	qa_thread_order(&t);

	if (c->title == NULL)
		c->title = xstrdup(book_label(b, LABEL_QA));
	xmlNodePtr body;
	xmlDocPtr doc = xhtml_new_document(b, c->href, c->title, NULL, &body);
	xhtml_set_epub_type(body, "bodymatter");
	xmlNodePtr sec = xhtml_add(body, "section", NULL);
	xhtml_set_epub_type(sec, "chapter");
	xmlSetProp(sec, BAD_CAST "role", BAD_CAST "doc-chapter");
	xmlSetProp(sec, BAD_CAST "aria-labelledby", BAD_CAST "reader-qa");
	xmlNodePtr h1 = xhtml_add(sec, "h1", c->title);
	xmlSetProp(h1, BAD_CAST "id", BAD_CAST "reader-qa");
	strset_add(ids, "reader-qa");
	toc_add(&c->toc, 1, c->title, "reader-qa");

	qa_thread_claim_ids(ids, &t);
	/* Each comment is held to its own limits as it is rendered; the page
	 * that holds them all is held to a chapter's. */
	size_t units = 0;
	for (size_t i = 0; i < t.norder; i++) {
		const char *text = t.order[i]->cm->body ? t.order[i]->cm->body : "";
		units += markdown_markup_units(text, strlen(text));
	}
	if (units > MKBOOK_MAX_MARKUP_UNITS) {
		diag_error(c->file, 0, 0,
		           "the comments of this Reader Q&A hold too much markup for one page: %zu "
		           "lines and markup characters, more than %d; leave some out or split the "
		           "folder",
		           units, MKBOOK_MAX_MARKUP_UNITS);
		t.norder = 0;
	}
	for (size_t i = 0; i < t.norder; i++) {
		qa_node *q = t.order[i];
		if (q->depth == 0)
			qa_render_thread(b, c, ids, sec, &t, i);
		else
			qa_render_comment(b, ids, q->parent->replies, q, NULL);
	}
	qa_threads_free(&t);
	return doc;
}
