/* genbook.c - writes a deterministic, realistic manuscript for make bench.
 *
 *   genbook SEED SIZE_MB OUTDIR
 *
 * OUTDIR (created; must not hold an older book) receives book.yaml, about
 * SIZE_MB MiB of Markdown in chapters of about 28 KiB each (ch001.md...), and
 * a few small PNG images in images/. The same SEED and SIZE_MB give the same
 * bytes on every machine: all randomness comes from one xorshift generator per
 * chapter, words from the built-in vocabulary below, and the PNGs are written
 * with stored (uncompressed) deflate blocks, so no library version matters.
 *
 * The chapters hold what real manuscripts hold: headings h1-h4 (some titles
 * repeated within a chapter), paragraphs of varied length, wrapped or one line
 * each, with emphasis, strong, code spans, strikethrough, links to headings of
 * other chapters (ch012.md#some-heading), to external https addresses,
 * autolinks and bare www addresses, footnotes, a little raw HTML (<kbd>,
 * <span lang="fr">, <sup>, <sub>, <abbr>), bullet, numbered and task lists
 * (some nested, some loose), block quotes, GFM tables with alignment, fenced
 * code, thematic breaks and images. Every heading of every chapter is planned
 * before any chapter is written, with its id made by mkbook's rules (lower
 * case, punctuation dropped, spaces to hyphens, "-1", "-2"... for repeats), so
 * every link between chapters resolves.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#define CHAPTER_BYTES 28672.0 /* average chapter size: 14 MB in 500 chapters */
#define NIMAGES 5

/* ---- memory, buffers ---- */

static void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (p == NULL) {
		fputs("genbook: out of memory\n", stderr);
		exit(1);
	}
	return p;
}

static void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL) {
		fputs("genbook: out of memory\n", stderr);
		exit(1);
	}
	return p;
}

static char *
xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(xmalloc(n), s, n);
}

typedef struct {
	char *s;
	size_t len, cap;
} buf;

static void
buf_add(buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void
buf_puts(buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

static void
buf_printf(buf *b, const char *fmt, ...)
{
	char tmp[1024];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof tmp) {
		fputs("genbook: internal error: line too long\n", stderr);
		exit(1);
	}
	buf_add(b, tmp, (size_t)n);
}

/* ---- the random generator: xorshift64*, seeded through splitmix64 ---- */

typedef struct {
	uint64_t s;
} rng;

static void
rng_seed(rng *r, uint64_t seed, uint64_t stream)
{
	uint64_t z = seed * 0x9E3779B97F4A7C15ULL + stream * 0xD1B54A32D192ED03ULL + 1;
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	z ^= z >> 31;
	r->s = z ? z : 0x2545F4914F6CDD1DULL;
}

static uint64_t
rng_next(rng *r)
{
	uint64_t x = r->s;
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	r->s = x;
	return x * 0x2545F4914F6CDD1DULL;
}

/* A number in [0, n). */
static unsigned
rng_below(rng *r, unsigned n)
{
	return (unsigned)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

/* A number in [lo, hi]. */
static unsigned
rng_range(rng *r, unsigned lo, unsigned hi)
{
	return lo + rng_below(r, hi - lo + 1);
}

/* True with probability per_mille / 1000. */
static int
rng_chance(rng *r, unsigned per_mille)
{
	return rng_below(r, 1000) < per_mille;
}

/* ---- the vocabulary ---- */

static const char *const words[] = {
    "the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "as", "with",
    "was", "on", "be", "by", "this", "are", "from", "or", "an", "at", "which", "but",
    "not", "have", "one", "all", "their", "can", "more", "when", "there", "so", "if",
    "each", "into", "some", "other", "than", "then", "most", "only", "also", "how",
    "after", "before", "while", "because", "through", "between", "without", "again",
    "every", "never", "often", "always", "still", "even", "much", "many", "few",
    "book", "chapter", "reader", "writer", "page", "word", "sentence", "story",
    "flour", "water", "salt", "starter", "dough", "crust", "crumb", "oven", "loaf",
    "morning", "evening", "kitchen", "table", "window", "garden", "river", "bridge",
    "mountain", "valley", "harbour", "village", "city", "market", "station", "road",
    "muscle", "joint", "breath", "posture", "shoulder", "knee", "spine", "habit",
    "compiler", "parser", "buffer", "thread", "memory", "cache", "pointer", "token",
    "function", "module", "library", "header", "signal", "stream", "record", "field",
    "archive", "folder", "version", "release", "feature", "option", "setting", "value",
    "measure", "method", "pattern", "problem", "answer", "question", "example", "reason",
    "result", "change", "system", "process", "detail", "moment", "season", "weather",
    "light", "shadow", "colour", "sound", "silence", "distance", "journey", "corner",
    "careful", "simple", "quiet", "bright", "gentle", "heavy", "narrow", "patient",
    "steady", "rough", "smooth", "warm", "cold", "early", "late", "small", "large",
    "old", "new", "clear", "short", "long", "strong", "weak", "useful", "common",
    "rare", "hidden", "obvious", "precise", "honest", "curious", "familiar", "strange",
    "makes", "takes", "gives", "finds", "keeps", "turns", "holds", "shows", "reads",
    "writes", "builds", "checks", "bakes", "folds", "rests", "rises", "measures",
    "explains", "follows", "changes", "remembers", "forgets", "returns", "begins",
    "ends", "grows", "slows", "waits", "listens", "learns", "teaches", "carries",
    "slowly", "quickly", "gently", "firmly", "rarely", "usually", "perhaps", "almost",
    "exactly", "nearly", "together", "apart", "later", "soon", "already", "finally",
    "we", "you", "they", "she", "he", "our", "your", "its", "who", "what", "where",
    "first", "second", "third", "last", "next", "same", "whole", "half", "both",
    "hour", "minute", "day", "week", "year", "temperature", "degree", "gram", "litre",
    "hand", "eye", "voice", "friend", "teacher", "student", "doctor", "baker",
    "engineer", "editor", "printer", "neighbour", "traveller", "gardener", "child",
};
#define NWORDS (sizeof words / sizeof words[0])

/* Titles that come back in many chapters and, now and then, twice in one. */
static const char *const repeated_titles[] = {
    "Examples", "Summary", "Notes", "Exercises", "Further Reading", "Overview",
    "Common Mistakes", "In Practice",
};
#define NREPEATED (sizeof repeated_titles / sizeof repeated_titles[0])

static const char *const french[] = {
    "joie de vivre", "savoir faire", "pain de campagne", "mise en place",
    "tour de main", "levain", "coup de grâce", "déjà vu",
};

static const char *const keys[] = {
    "Ctrl", "Alt", "Shift", "Enter", "Tab", "Esc", "F5", "K", "S", "Z",
};

static const char *const hosts[] = {
    "example.org", "example.com", "docs.example.net", "www.example.edu",
    "blog.example.org", "archive.example.com",
};

static const char *const people[] = {
    "Marek Nowak", "Henrietta Vale", "Joaquim Sousa", "Ada Park", "Tomás Ruiz",
    "Ingrid Holm", "Kofi Mensah", "Lena Fischer",
};

static const char *
word(rng *r)
{
	/* Bias towards the first (function) words, as text does. */
	if (rng_chance(r, 350))
		return words[rng_below(r, 62)];
	return words[rng_below(r, NWORDS)];
}

/* A content word: not one of the short function words. */
static const char *
noun(rng *r)
{
	return words[62 + rng_below(r, NWORDS - 62)];
}

static void
put_capitalised(buf *b, const char *w)
{
	char c = w[0];
	if (c >= 'a' && c <= 'z')
		c = (char)(c - 'a' + 'A');
	buf_add(b, &c, 1);
	buf_puts(b, w + 1);
}

/* ---- the plan: every chapter's headings, made before any is written ---- */

typedef struct {
	int level;
	char *text;
	char *id;
} heading;

typedef struct {
	char file[32];
	size_t target; /* bytes of Markdown to aim at */
	heading *h;
	size_t nh;
	int wrap;      /* paragraphs wrapped at 78 columns, or one line each */
	int image;     /* index of an image it shows, or -1 */
} chapter;

typedef struct {
	uint64_t seed;
	chapter *ch;
	size_t nch;
} book;

/* The id mkbook gives a heading: lower case, letters, digits, '_' and '-'
 * kept, spaces to hyphens, everything else dropped; then "-1", "-2"... when
 * the chapter already has it. The caller frees the result. */
static char *
make_id(const char *text, heading *prev, size_t nprev)
{
	buf b = {0};
	for (const char *p = text; *p; p++) {
		char c = *p;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c == ' ')
			buf_add(&b, "-", 1);
		else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')
			buf_add(&b, &c, 1);
	}
	if (b.s == NULL)
		buf_puts(&b, "section");
	char *use = xstrdup(b.s);
	for (int n = 1;; n++) {
		size_t i;
		for (i = 0; i < nprev; i++)
			if (strcmp(prev[i].id, use) == 0)
				break;
		if (i == nprev)
			break;
		free(use);
		buf id = {0};
		buf_printf(&id, "%s-%d", b.s, n);
		use = id.s;
	}
	free(b.s);
	return use;
}

/* A heading's text: mostly a few title-case words, sometimes with a step
 * number, an ampersand, a colon or a question mark; now and then one of the
 * repeated titles. Never ends in a number, so that "-1" ids stay unambiguous. */
static char *
make_heading_text(rng *r, int level)
{
	buf b = {0};
	if (level > 1 && rng_chance(r, 140)) {
		buf_puts(&b, repeated_titles[rng_below(r, NREPEATED)]);
		return b.s;
	}
	unsigned form = rng_below(r, 100);
	if (form < 8) {
		buf_printf(&b, "Step %u: ", rng_range(r, 1, 12));
	} else if (form < 14) {
		put_capitalised(&b, noun(r));
		buf_puts(&b, " & ");
	}
	unsigned n = rng_range(r, 2, 5);
	for (unsigned i = 0; i < n; i++) {
		if (i)
			buf_puts(&b, " ");
		const char *w = i == 0 || i == n - 1 ? noun(r) : word(r);
		if (i == 0 || strlen(w) > 3)
			put_capitalised(&b, w);
		else
			buf_puts(&b, w);
	}
	if (form >= 90)
		buf_puts(&b, "?");
	else if (form >= 86)
		buf_puts(&b, " (Revisited)");
	return b.s;
}

static void
plan_chapter(book *bk, size_t i, size_t target, unsigned width)
{
	chapter *c = &bk->ch[i];
	rng r;
	rng_seed(&r, bk->seed, 2 * i + 1);
	snprintf(c->file, sizeof c->file, "ch%0*zu.md", (int)width, i + 1);
	c->target = target;
	c->wrap = rng_chance(&r, 500);
	c->image = rng_chance(&r, 150) ? (int)rng_below(&r, NIMAGES) : -1;
	/* About one heading per 1.6 KiB, one h1 first. */
	c->nh = target / 1600 + rng_range(&r, 1, 5);
	c->h = xmalloc(c->nh * sizeof *c->h);
	int level = 1;
	for (size_t k = 0; k < c->nh; k++) {
		char *text;
		if (k == 0) {
			buf t = {0};
			buf_printf(&t, "Chapter %zu: ", i + 1);
			char *rest = make_heading_text(&r, 2);
			buf_puts(&t, rest);
			free(rest);
			text = t.s;
			level = 1;
		} else {
			/* h2 after h1; then stay, go one deeper (to h4 at most) or back. */
			unsigned move = rng_below(&r, 100);
			if (level == 1 || move < 40)
				level = 2;
			else if (move < 75 && level < 4)
				level++;
			else if (move < 90 && level > 2)
				level--;
			text = make_heading_text(&r, level);
		}
		c->h[k].level = level;
		c->h[k].text = text;
		c->h[k].id = make_id(text, c->h, k);
	}
}

static void
book_plan(book *bk, uint64_t seed, double size_mb)
{
	double total = size_mb * 1048576.0;
	size_t n = (size_t)(total / CHAPTER_BYTES + 0.5);
	if (n == 0)
		n = 1;
	unsigned width = 3;
	for (size_t k = n; k >= 1000; k /= 10)
		width++;
	bk->seed = seed;
	bk->nch = n;
	bk->ch = xmalloc(n * sizeof *bk->ch);
	/* Chapter sizes vary from half to one and a half times the average. */
	double *w = xmalloc(n * sizeof *w), sum = 0;
	rng r;
	rng_seed(&r, seed, 0);
	for (size_t i = 0; i < n; i++) {
		w[i] = 0.5 + rng_below(&r, 1000) / 1000.0;
		sum += w[i];
	}
	for (size_t i = 0; i < n; i++)
		plan_chapter(bk, i, (size_t)(total * w[i] / sum), width);
	free(w);
}

static void
book_free(book *bk)
{
	for (size_t i = 0; i < bk->nch; i++) {
		for (size_t k = 0; k < bk->ch[i].nh; k++) {
			free(bk->ch[i].h[k].text);
			free(bk->ch[i].h[k].id);
		}
		free(bk->ch[i].h);
	}
	free(bk->ch);
}

/* ---- writing one chapter ---- */

typedef struct {
	const book *bk;
	size_t self;   /* index of the chapter being written */
	rng r;
	buf out;
	int nnotes;    /* footnotes referenced so far */
	buf notes;     /* their definitions, written at the end */
	int figure;
} writer;

/* Inline text is built as a list of tokens that a line break never splits;
 * a paragraph wraps between them. */
typedef struct {
	buf text;
	size_t *ends; /* end offset of each token in text */
	size_t n, cap;
} tokens;

static void
tok_end(tokens *t)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 64;
		t->ends = xrealloc(t->ends, t->cap * sizeof *t->ends);
	}
	t->ends[t->n++] = t->text.len;
}

static void
tok_free(tokens *t)
{
	free(t->text.s);
	free(t->ends);
	memset(t, 0, sizeof *t);
}

static void
put_words(rng *r, buf *b, unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		if (i)
			buf_puts(b, " ");
		buf_puts(b, i == n - 1 ? noun(r) : word(r));
	}
}

/* A link to a heading of some chapter (or a chapter's start), planned so
 * that it resolves. Nearby chapters are likelier, as in real books. */
static void
put_internal_link(writer *w, buf *b)
{
	const book *bk = w->bk;
	size_t to;
	if (rng_chance(&w->r, 250)) {
		to = w->self;
	} else if (rng_chance(&w->r, 600)) {
		long d = (long)rng_range(&w->r, 0, 10) - 5;
		long t = (long)w->self + d;
		to = t < 0 ? 0 : (size_t)t >= bk->nch ? bk->nch - 1 : (size_t)t;
	} else {
		to = rng_below(&w->r, (unsigned)bk->nch);
	}
	const chapter *c = &bk->ch[to];
	const heading *h = &c->h[rng_below(&w->r, (unsigned)c->nh)];
	buf_puts(b, "[");
	if (rng_chance(&w->r, 400))
		buf_puts(b, h->text);
	else
		put_words(&w->r, b, rng_range(&w->r, 1, 4));
	buf_puts(b, "](");
	if (to == w->self)
		buf_printf(b, "#%s)", h->id);
	else if (rng_chance(&w->r, 100))
		buf_printf(b, "%s)", c->file);
	else
		buf_printf(b, "%s#%s)", c->file, h->id);
}

static void
put_url(writer *w, buf *b, int scheme)
{
	if (scheme)
		buf_puts(b, "https://");
	buf_puts(b, hosts[rng_below(&w->r, sizeof hosts / sizeof hosts[0])]);
	unsigned n = rng_range(&w->r, 1, 3);
	for (unsigned i = 0; i < n; i++) {
		buf_puts(b, "/");
		buf_puts(b, noun(&w->r));
	}
	if (rng_chance(&w->r, 200))
		buf_printf(b, "?page=%u", rng_range(&w->r, 2, 40));
}

/* One token of running text: mostly a word, sometimes inline markup. The
 * first word of a sentence is capitalised by the caller. */
static void
put_inline(writer *w, buf *b, int allow_notes)
{
	rng *r = &w->r;
	unsigned k = rng_below(r, 1000);
	if (k < 30) {
		buf_puts(b, "*");
		put_words(r, b, rng_range(r, 1, 3));
		buf_puts(b, "*");
	} else if (k < 50) {
		buf_puts(b, "**");
		put_words(r, b, rng_range(r, 1, 3));
		buf_puts(b, "**");
	} else if (k < 70) {
		unsigned f = rng_below(r, 4);
		if (f == 0)
			buf_printf(b, "`%s_%s()`", noun(r), noun(r));
		else if (f == 1)
			buf_printf(b, "`--%s`", noun(r));
		else if (f == 2)
			buf_printf(b, "`<%s>`", noun(r));
		else
			buf_printf(b, "`%s & %s`", noun(r), noun(r));
	} else if (k < 85) {
		put_internal_link(w, b);
	} else if (k < 90) {
		buf_puts(b, "[");
		put_words(r, b, rng_range(r, 1, 3));
		buf_puts(b, "](");
		put_url(w, b, 1);
		buf_puts(b, ")");
	} else if (k < 92) {
		buf_puts(b, "<");
		put_url(w, b, 1);
		buf_puts(b, ">");
	} else if (k < 93) {
		put_url(w, b, 0);
	} else if (k < 96 && allow_notes) {
		w->nnotes++;
		buf_printf(b, "%s[^%d]", noun(r), w->nnotes);
		buf_printf(&w->notes, "\n[^%d]: ", w->nnotes);
		put_capitalised(&w->notes, noun(r));
		buf_puts(&w->notes, " ");
		put_words(r, &w->notes, rng_range(r, 4, 24));
		buf_puts(&w->notes, ".\n");
	} else if (k < 98) {
		unsigned f = rng_below(r, 5);
		if (f == 0)
			buf_printf(b, "<kbd>%s</kbd>+<kbd>%s</kbd>", keys[rng_below(r, 3)],
			           keys[3 + rng_below(r, 7)]);
		else if (f == 1)
			buf_printf(b, "<span lang=\"fr\">%s</span>",
			           french[rng_below(r, sizeof french / sizeof french[0])]);
		else if (f == 2)
			buf_printf(b, "%s<sup>%u</sup>", noun(r), rng_range(r, 2, 3));
		else if (f == 3)
			buf_puts(b, "H<sub>2</sub>O");
		else
			buf_puts(b, "<abbr title=\"Frequently Asked Questions\">FAQ</abbr>");
	} else if (k < 99) {
		buf_puts(b, "~~");
		put_words(r, b, rng_range(r, 1, 2));
		buf_puts(b, "~~");
	} else if (k < 100) {
		buf_printf(b, "\"%s %s\"", word(r), noun(r));
	} else if (k < 120) {
		buf_printf(b, "%u", rng_range(r, 2, 500));
	} else {
		buf_puts(b, word(r));
	}
}

/* Sentences into tokens: N words or so, a capital first, a noun and a full
 * stop (or ? or !) last, commas and dashes between. */
static void
make_sentences(writer *w, tokens *t, unsigned nwords, int allow_notes)
{
	rng *r = &w->r;
	unsigned left = nwords;
	while (left > 0) {
		unsigned len = rng_range(r, 5, 22);
		if (len > left)
			len = left < 3 ? 3 : left;
		left -= len < left ? len : left;
		for (unsigned i = 0; i < len; i++) {
			if (i == 0) {
				put_capitalised(&t->text, word(r));
			} else if (i == len - 1) {
				buf_puts(&t->text, noun(r));
				unsigned e = rng_below(r, 20);
				buf_puts(&t->text, e == 0 ? "?" : e == 1 ? "!" : e == 2 ? "..." : ".");
			} else {
				put_inline(w, &t->text, allow_notes);
				unsigned p = rng_below(r, 100);
				if (p < 8)
					buf_puts(&t->text, ",");
				else if (p < 9)
					buf_puts(&t->text, " --");
				else if (p < 10)
					buf_puts(&t->text, ";");
			}
			tok_end(t);
		}
	}
}

/* Writes tokens as lines: joined by spaces and, when the chapter wraps,
 * broken before a token that would pass column 78. Every line after the first
 * starts with indent. */
static void
put_lines(writer *w, const tokens *t, const char *first, const char *indent)
{
	size_t col = strlen(first), start = 0;
	buf_puts(&w->out, first);
	for (size_t i = 0; i < t->n; i++) {
		size_t n = t->ends[i] - start;
		if (i > 0) {
			if (w->bk->ch[w->self].wrap && col + 1 + n > 78) {
				buf_puts(&w->out, "\n");
				buf_puts(&w->out, indent);
				col = strlen(indent);
			} else {
				buf_puts(&w->out, " ");
				col++;
			}
		}
		buf_add(&w->out, t->text.s + start, n);
		col += n;
		start = t->ends[i];
	}
	buf_puts(&w->out, "\n");
}

static void
put_paragraph(writer *w, const char *first, const char *indent, unsigned nwords)
{
	tokens t = {0};
	make_sentences(w, &t, nwords, 1);
	put_lines(w, &t, first, indent);
	tok_free(&t);
}

/* Paragraph lengths: mostly 40-120 words, some short, a few long. */
static unsigned
paragraph_words(rng *r)
{
	return rng_range(r, 8, 90) + rng_range(r, 0, 90);
}

static void
put_list(writer *w, int depth, const char *indent)
{
	rng *r = &w->r;
	int ordered = rng_chance(r, 350);
	int task = !ordered && rng_chance(r, 100);
	int loose = rng_chance(r, 200);
	unsigned n = rng_range(r, 2, depth ? 4 : 7);
	unsigned start = ordered && rng_chance(r, 100) ? rng_range(r, 2, 5) : 1;
	for (unsigned i = 0; i < n; i++) {
		char marker[64], inner[64];
		if (ordered)
			snprintf(marker, sizeof marker, "%s%u. ", indent, start + i);
		else if (task)
			snprintf(marker, sizeof marker, "%s- [%c] ", indent, rng_chance(r, 500) ? 'x' : ' ');
		else
			snprintf(marker, sizeof marker, "%s- ", indent);
		/* Continuation lines and nested lists start at the item's content. */
		size_t off = strlen(marker) - (task ? 4 : 0);
		snprintf(inner, sizeof inner, "%*s", (int)off, "");
		if (loose && i > 0)
			buf_puts(&w->out, "\n");
		put_paragraph(w, marker, inner, rng_range(r, 3, 30));
		if (depth < 2 && rng_chance(r, depth ? 60 : 150)) {
			if (loose)
				buf_puts(&w->out, "\n");
			put_list(w, depth + 1, inner);
		}
	}
}

static void
put_quote(writer *w)
{
	rng *r = &w->r;
	unsigned n = rng_range(r, 1, 3);
	for (unsigned i = 0; i < n; i++) {
		if (i)
			buf_puts(&w->out, ">\n");
		put_paragraph(w, "> ", "> ", rng_range(r, 10, 70));
	}
	if (rng_chance(r, 300))
		buf_printf(&w->out, ">\n> *%s, %u*\n", people[rng_below(r, 8)], rng_range(r, 1890, 2023));
}

static void
put_table(writer *w)
{
	rng *r = &w->r;
	unsigned cols = rng_range(r, 2, 5), rows = rng_range(r, 3, 12);
	int numeric[5];
	buf_puts(&w->out, "|");
	for (unsigned c = 0; c < cols; c++) {
		numeric[c] = c > 0 && rng_chance(r, 400);
		buf_puts(&w->out, " ");
		put_capitalised(&w->out, noun(r));
		if (rng_chance(r, 300)) {
			buf_puts(&w->out, " ");
			buf_puts(&w->out, noun(r));
		}
		buf_puts(&w->out, " |");
	}
	buf_puts(&w->out, "\n|");
	for (unsigned c = 0; c < cols; c++) {
		unsigned a = numeric[c] ? 3 : rng_below(r, 4);
		buf_puts(&w->out, a == 0 ? " --- |" : a == 1 ? " :--- |" : a == 2 ? " :---: |" : " ---: |");
	}
	buf_puts(&w->out, "\n");
	for (unsigned i = 0; i < rows; i++) {
		buf_puts(&w->out, "|");
		for (unsigned c = 0; c < cols; c++) {
			buf_puts(&w->out, " ");
			if (numeric[c]) {
				buf_printf(&w->out, "%u.%u", rng_range(r, 0, 999), rng_below(r, 10));
			} else {
				unsigned f = rng_below(r, 20);
				if (f == 0)
					buf_printf(&w->out, "`%s`", noun(r));
				else if (f == 1)
					buf_printf(&w->out, "**%s**", noun(r));
				else if (f == 2)
					put_internal_link(w, &w->out);
				else
					put_words(r, &w->out, rng_range(r, 1, 5));
			}
			buf_puts(&w->out, " |");
		}
		buf_puts(&w->out, "\n");
	}
}

static void
put_code(writer *w)
{
	rng *r = &w->r;
	static const char *const langs[] = {"c", "python", "sh", "yaml", "json", ""};
	unsigned lang = rng_below(r, 6), n = rng_range(r, 4, 28);
	buf_printf(&w->out, "```%s\n", langs[lang]);
	int depth = 0;
	for (unsigned i = 0; i < n; i++) {
		const char *a = noun(r), *b = noun(r);
		unsigned v = rng_range(r, 0, 4096);
		switch (lang) {
		case 0:
			if (i == 0) {
				buf_printf(&w->out, "static int %s_%s(struct %s *p, size_t n)\n{\n", a, b, a);
				depth = 1;
			} else if (i == n - 1) {
				buf_puts(&w->out, "\treturn 0;\n}\n");
			} else if (rng_chance(r, 200)) {
				buf_printf(&w->out, "\tif (p->%s < %u && n > 0) /* %s & %s */\n\t\tp->%s <<= 1;\n",
				           a, v, b, a, b);
			} else {
				buf_printf(&w->out, "\tp->%s = %s_%s(p, \"%s\", %u);\n", a, b, a, b, v);
			}
			break;
		case 1:
			if (i == 0)
				buf_printf(&w->out, "def %s_%s(%s, %s=%u):\n", a, b, a, b, v);
			else
				buf_printf(&w->out, "    %s = %s.get(\"%s\", %u)  # %s <%s>\n", a, b, a, v, noun(r), b);
			break;
		case 2:
			buf_printf(&w->out, "%s --%s=%u %s/%s.txt | grep -c '%s' > %s.log\n", a, b, v, a, b, noun(r), a);
			break;
		case 3:
			/* A key without a value opens a nested mapping. */
			if (rng_chance(r, 250) && depth < 3 && i + 1 < n) {
				buf_printf(&w->out, "%*s%s:\n", 2 * depth, "", a);
				depth++;
			} else {
				buf_printf(&w->out, "%*s%s: %s\n", 2 * depth, "", a, b);
				if (depth > 0 && rng_chance(r, 300))
					depth--;
			}
			break;
		case 4:
			buf_printf(&w->out, "%s\"%s\": {\"%s\": %u, \"ok\": %s}%s\n", i == 0 ? "{" : " ", a, b, v,
			           v & 1 ? "true" : "false", i == n - 1 ? "}" : ",");
			break;
		default:
			buf_printf(&w->out, "%s %s %u -> %s & %s\n", a, b, v, noun(r), word(r));
		}
	}
	buf_puts(&w->out, "```\n");
}

static void
put_image(writer *w, int img)
{
	rng *r = &w->r;
	w->figure++;
	buf_printf(&w->out, "![Figure %d: the %s %s](images/figure-%d.png", w->figure, noun(r),
	           noun(r), img + 1);
	if (rng_chance(r, 500))
		buf_printf(&w->out, " \"%s %s\"", noun(r), noun(r));
	buf_puts(&w->out, ")\n");
}

/* One block after a heading: what kind, by weight. */
static void
put_block(writer *w)
{
	rng *r = &w->r;
	unsigned k = rng_below(r, 100);
	if (k < 62)
		put_paragraph(w, "", "", paragraph_words(r));
	else if (k < 73)
		put_list(w, 0, "");
	else if (k < 79)
		put_quote(w);
	else if (k < 85)
		put_table(w);
	else if (k < 96)
		put_code(w);
	else if (k < 98)
		buf_puts(&w->out, "* * *\n");
	else
		put_paragraph(w, "", "", rng_range(r, 3, 12));
}

/* The chapter's Markdown, returned in *out (the caller frees out->s). */
static void
write_chapter(const book *bk, size_t i, buf *out)
{
	const chapter *c = &bk->ch[i];
	writer w = {0};
	w.bk = bk;
	w.self = i;
	rng_seed(&w.r, bk->seed, 2 * i + 2);
	/* Section k ends once the chapter has reached its share of the target,
	 * less about half an average block, which the last block overshoots. */
	size_t slack = 450;
	size_t image_at = c->image >= 0 ? rng_below(&w.r, (unsigned)c->nh) : (size_t)-1;
	for (size_t k = 0; k < c->nh; k++) {
		if (k)
			buf_puts(&w.out, "\n");
		buf_printf(&w.out, "%.*s %s\n", c->h[k].level, "####", c->h[k].text);
		size_t end = c->target * (k + 1) / c->nh;
		end = end > slack ? end - slack : 0;
		do {
			buf_puts(&w.out, "\n");
			put_block(&w);
			if (k == image_at) {
				buf_puts(&w.out, "\n");
				put_image(&w, c->image);
				/* The same picture again, further on, now and then. */
				if (rng_chance(&w.r, 300) && k + 1 < c->nh)
					image_at = k + 1;
				else
					image_at = (size_t)-1;
			}
		} while (w.out.len + w.notes.len < end);
	}
	buf_add(&w.out, w.notes.s, w.notes.len);
	free(w.notes.s);
	*out = w.out;
}

/* ---- images: small PNGs, palette colour, stored deflate ---- */

static uint32_t
crc32_update(uint32_t crc, const unsigned char *p, size_t n)
{
	static uint32_t table[256];
	if (table[1] == 0)
		for (uint32_t k = 0; k < 256; k++) {
			uint32_t c = k;
			for (int j = 0; j < 8; j++)
				c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
			table[k] = c;
		}
	crc = ~crc;
	while (n--)
		crc = table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
	return ~crc;
}

static void
put_be32(buf *b, uint32_t v)
{
	unsigned char x[4] = {(unsigned char)(v >> 24), (unsigned char)(v >> 16),
	                      (unsigned char)(v >> 8), (unsigned char)v};
	buf_add(b, (const char *)x, 4);
}

static void
png_chunk(buf *png, const char *type, const unsigned char *data, size_t n)
{
	put_be32(png, (uint32_t)n);
	size_t at = png->len;
	buf_add(png, type, 4);
	buf_add(png, (const char *)data, n);
	put_be32(png, crc32_update(0, (const unsigned char *)png->s + at, n + 4));
}

/* A W x H picture (rings and bands in a 16-colour palette) as PNG bytes. */
static void
make_png(buf *png, uint64_t seed, int img, unsigned wd, unsigned ht)
{
	rng r;
	rng_seed(&r, seed, 0x1000 + (uint64_t)img);
	buf_add(png, "\x89PNG\r\n\x1a\n", 8);
	unsigned char ihdr[13] = {0};
	ihdr[0] = (unsigned char)(wd >> 24), ihdr[1] = (unsigned char)(wd >> 16);
	ihdr[2] = (unsigned char)(wd >> 8), ihdr[3] = (unsigned char)wd;
	ihdr[4] = (unsigned char)(ht >> 24), ihdr[5] = (unsigned char)(ht >> 16);
	ihdr[6] = (unsigned char)(ht >> 8), ihdr[7] = (unsigned char)ht;
	ihdr[8] = 8; /* bit depth */
	ihdr[9] = 3; /* palette */
	png_chunk(png, "IHDR", ihdr, sizeof ihdr);
	unsigned char plte[48];
	for (int i = 0; i < 48; i++)
		plte[i] = (unsigned char)rng_below(&r, 256);
	png_chunk(png, "PLTE", plte, sizeof plte);

	/* Raw scan lines: a filter byte (0) and one palette index per pixel. */
	size_t raw_len = (size_t)ht * (wd + 1);
	unsigned char *raw = xmalloc(raw_len);
	unsigned cx = rng_below(&r, wd), cy = rng_below(&r, ht), band = rng_range(&r, 3, 12);
	for (unsigned y = 0; y < ht; y++) {
		unsigned char *row = raw + (size_t)y * (wd + 1);
		row[0] = 0;
		for (unsigned x = 0; x < wd; x++) {
			unsigned dx = x > cx ? x - cx : cx - x, dy = y > cy ? y - cy : cy - y;
			row[1 + x] = (unsigned char)(((dx * dx + dy * dy) / (band * band * 4) + y / band) % 16);
		}
	}
	/* zlib stream of stored blocks (at most 65535 bytes each), Adler-32 last. */
	buf z = {0};
	buf_add(&z, "\x78\x01", 2);
	for (size_t at = 0; at < raw_len || raw_len == 0;) {
		size_t n = raw_len - at > 65535 ? 65535 : raw_len - at;
		unsigned char hdr[5] = {at + n == raw_len, (unsigned char)n, (unsigned char)(n >> 8),
		                        (unsigned char)~n, (unsigned char)(~n >> 8)};
		buf_add(&z, (const char *)hdr, 5);
		buf_add(&z, (const char *)raw + at, n);
		at += n;
		if (at == raw_len)
			break;
	}
	uint32_t a = 1, b = 0;
	for (size_t i = 0; i < raw_len; i++) {
		a = (a + raw[i]) % 65521;
		b = (b + a) % 65521;
	}
	put_be32(&z, (b << 16) | a);
	png_chunk(png, "IDAT", (const unsigned char *)z.s, z.len);
	png_chunk(png, "IEND", NULL, 0);
	free(z.s);
	free(raw);
}

/* ---- files ---- */

static int
write_file(const char *dir, const char *name, const char *data, size_t n)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (f == NULL || fwrite(data, 1, n, f) != n || fclose(f) != 0) {
		fprintf(stderr, "genbook: %s: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

static int
make_dir(const char *path)
{
	if (mkdir(path, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "genbook: %s: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

static int
parse_args(int argc, char **argv, uint64_t *seed, double *size)
{
	char *end;
	if (argc != 4)
		return -1;
	errno = 0;
	*seed = strtoull(argv[1], &end, 10);
	if (errno || *end || end == argv[1])
		return -1;
	*size = strtod(argv[2], &end);
	if (*end || end == argv[2] || !(*size > 0) || *size > 4096)
		return -1;
	return 0;
}

int
main(int argc, char **argv)
{
	uint64_t seed;
	double size;
	int rc = 1;
	book bk = {0};
	buf b = {0};
	if (parse_args(argc, argv, &seed, &size) != 0) {
		fputs("usage: genbook SEED SIZE_MB OUTDIR\n"
		      "Writes a deterministic manuscript of about SIZE_MB MiB of Markdown\n"
		      "(chapters of about 28 KiB, a few images) into OUTDIR.\n", stderr);
		return 2;
	}
	const char *dir = argv[3];
	char sub[4096];
	snprintf(sub, sizeof sub, "%s/images", dir);
	if (make_dir(dir) != 0 || make_dir(sub) != 0)
		goto out;

	book_plan(&bk, seed, size);

	buf_printf(&b, "# Written by tests/bench/genbook %llu %s.\n", (unsigned long long)seed, argv[2]);
	buf_printf(&b, "title: \"Generated Book %llu (%s MiB)\"\n", (unsigned long long)seed, argv[2]);
	buf_puts(&b, "author: Bench Writer\nlanguage: en\nmodified: 2024-01-01\n");
	buf_puts(&b, "description: \"A generated book for measuring mkbook.\"\ncontents:\n");
	for (size_t i = 0; i < bk.nch; i++)
		buf_printf(&b, "  - %s\n", bk.ch[i].file);
	if (write_file(dir, "book.yaml", b.s, b.len) != 0)
		goto out;

	static const unsigned sizes[NIMAGES][2] = {
	    {160, 120}, {240, 160}, {96, 96}, {200, 80}, {128, 192}};
	for (int i = 0; i < NIMAGES; i++) {
		char name[64];
		b.len = 0;
		make_png(&b, seed, i, sizes[i][0], sizes[i][1]);
		snprintf(name, sizeof name, "images/figure-%d.png", i + 1);
		if (write_file(dir, name, b.s, b.len) != 0)
			goto out;
	}

	for (size_t i = 0; i < bk.nch; i++) {
		buf ch;
		write_chapter(&bk, i, &ch);
		int bad = write_file(dir, bk.ch[i].file, ch.s, ch.len);
		free(ch.s);
		if (bad)
			goto out;
	}
	rc = 0;
out:
	free(b.s);
	book_free(&bk);
	return rc;
}
