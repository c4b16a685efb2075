/* qa_spam.c - the spam heuristic that helps an editor curate reader
 * comments: a few explainable signals (promotional words, links to other
 * sites, another script, few words in common with the book, no question
 * and no reference to the book), added up by qa_spam_score and turned
 * into warnings for --check by qa_flag_spam. */
#include "qa.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "diag.h"
#include "lang.h"
#include "util.h"
#include "url.h"

/* ---- Spam ---- */

/* Only this much of a comment is looked at. */
#define SPAM_SCAN_BYTES 65536

/* Promotional or spam wording, matched as whole words (a term of several
 * words as a sequence), case-insensitive; a word also matches with a
 * plural "s". Weight 2: rarely said by a reader about a book; weight 1:
 * the vocabulary of advertising copy, innocent alone. */
static const struct spam_term {
	const char *words;
	int weight;
} spam_terms[] = {
    {"apk", 2}, {"mod apk", 2}, {"casino", 2}, {"gambling", 2}, {"betting", 2},
    {"poker", 2}, {"jackpot", 2}, {"slot machine", 2}, {"crypto", 2},
    {"cryptocurrency", 2}, {"bitcoin", 2}, {"btc", 2}, {"ethereum", 2}, {"forex", 2},
    {"airdrop", 2}, {"nft", 2}, {"viagra", 2}, {"cialis", 2}, {"escort", 2},
    {"payday", 2}, {"seo", 2}, {"backlink", 2}, {"guest post", 2}, {"free download", 2},
    {"click here", 2}, {"limited offer", 2}, {"limited time offer", 2}, {"buy now", 2},
    {"order now", 2}, {"shop now", 2}, {"promo code", 2}, {"coupon code", 2},
    {"whatsapp", 2}, {"telegram", 2}, {"work from home", 2}, {"earn money", 2},
    {"make money", 2}, {"passive income", 2}, {"binary options", 2}, {"recovery expert", 2},
    {"hacker", 2}, {"investment platform", 2},
    {"discover", 1}, {"best", 1}, {"buy", 1}, {"cheap", 1}, {"discount", 1},
    {"luxury", 1}, {"premium", 1}, {"unparalleled", 1}, {"redefine", 1}, {"elegance", 1},
    {"elegant", 1}, {"meticulously", 1}, {"epitome", 1}, {"sophistication", 1},
    {"exquisite", 1}, {"crafted", 1}, {"high quality", 1}, {"top quality", 1},
    {"top notch", 1}, {"affordable", 1}, {"exclusive", 1}, {"guaranteed", 1},
    {"check out", 1}, {"visit our", 1}, {"our website", 1}, {"our store", 1},
    {"our services", 1}, {"our products", 1}, {"contact us", 1}, {"sign up", 1},
    {"unlock", 1}, {"elevate", 1}, {"ultimate", 1}, {"seamless", 1}, {"deal", 1},
    {"free shipping", 1}, {"world class", 1}, {"state of the art", 1}, {"must have", 1},
    {"perfect fit", 1}, {"stylish", 1}, {"durability", 1}, {"download", 1},
    {"marketing", 1}, {"agency", 1}, {"followers", 1}, {"trading", 1}, {"profit", 1},
    {"investment", 1}, {"legit", 1}, {"website", 1}, {"android", 1}, {"emulator", 1},
};

/* Praise that fits any page, the usual wrapping of a dropped link. */
static const char *const praise_terms[] = {
    "nice post", "great post", "awesome post", "amazing post", "nice article",
    "great article", "awesome article", "nice blog", "great blog", "amazing blog",
    "thanks for sharing", "thank you for sharing", "very informative", "informative post",
    "informative article", "keep up the good work", "keep it up", "great content",
    "well written", "useful information", "great information", "nice information",
    "helpful post",
};

/* Words that refer to the text or to its author. */
static const char *const reference_terms[] = {
    "article", "post", "book", "chapter", "blog", "video", "author", "doctor", "dr",
    "you wrote", "you write", "you say", "you said", "you mention", "you mentioned",
    "you describe", "you explain", "you suggest", "you recommend", "your advice",
    "your explanation", "your theory",
};

/* How a question starts when the reader forgets the question mark. */
static const char *const question_terms[] = {
    "can you", "could you", "would you", "do you", "is there", "is it", "how do", "how can",
    "how should", "what do", "what should", "what is", "why do", "why does", "should i",
};

/* Frequent words of four letters or more that say nothing about a topic
 * (English, where most comments and spam are written). */
static const char *const stop_words[] = {
    "about", "above", "after", "again", "against", "also", "although", "always", "another",
    "anyone", "anything", "around", "back", "because", "been", "before", "being", "below",
    "between", "both", "came", "come", "could", "does", "doing", "done", "down", "during",
    "each", "even", "ever", "every", "from", "further", "give", "going", "gone", "good",
    "great", "have", "having", "hello", "here", "hers", "herself", "himself", "into",
    "itself", "just", "keep", "know", "like", "made", "make", "many", "more", "most",
    "much", "must", "myself", "need", "never", "next", "nice", "once", "only", "other",
    "ours", "over", "please", "quite", "really", "said", "same", "should", "since", "some",
    "something", "still", "such", "take", "than", "thank", "thanks", "that", "their",
    "theirs", "them", "themselves", "then", "there", "these", "they", "thing", "things",
    "this", "those", "through", "time", "under", "until", "upon", "very", "want", "well",
    "were", "what", "when", "where", "which", "while", "will", "with", "within", "without",
    "would", "year", "years", "your", "yours", "yourself",
};

/* Scripts languages are written in (Unicode script names as libunistring's
 * uc_script gives them), by primary language subtag. Languages not listed
 * are taken to be written in Latin. */
static const struct lang_scripts {
	const char *langs; /* subtags separated by spaces */
	const char *scripts[3];
} lang_scripts[] = {
    {"ru uk be bg mk kk ky mn tg", {"Cyrillic"}}, {"sr", {"Cyrillic", "Latin"}},
    {"el", {"Greek"}}, {"ar fa ur ps sd ug ckb", {"Arabic"}}, {"he yi", {"Hebrew"}},
    {"ja", {"Han", "Hiragana", "Katakana"}}, {"zh", {"Han"}}, {"ko", {"Hangul", "Han"}},
    {"th", {"Thai"}}, {"lo", {"Lao"}}, {"km", {"Khmer"}}, {"my", {"Myanmar"}},
    {"hi mr ne sa", {"Devanagari"}}, {"bn as", {"Bengali"}}, {"pa", {"Gurmukhi"}},
    {"gu", {"Gujarati"}}, {"ta", {"Tamil"}}, {"te", {"Telugu"}}, {"kn", {"Kannada"}},
    {"ml", {"Malayalam"}}, {"si", {"Sinhala"}}, {"ka", {"Georgian"}}, {"hy", {"Armenian"}},
    {"am ti", {"Ethiopic"}}, {"dv", {"Thaana"}},
};

/* Languages written without spaces between words, where the vocabulary
 * signal (words of four letters or more) means nothing. */
static const char *const unspaced_langs[] = {"ja", "zh", "th", "lo", "km", "my", "bo"};

#define SPAM_MAX_SCRIPTS 6

/* What a comment is compared with, gathered once per book. */
typedef struct spam_ctx {
	strset *vocab;     /* stems of the book's content words */
	strset *stop;
	strset *names;     /* words of the book's author names */
	strlist hosts;     /* the book's own web hosts */
	const char *scripts[SPAM_MAX_SCRIPTS]; /* scripts the book is written in */
	size_t nscripts;
	bool use_vocab;
} spam_ctx;

/* Splits text into lower-case words: runs of letters, marks and digits. */
static void
tokenize(const char *text, size_t len, strlist *out)
{
	const uint8_t *s = (const uint8_t *)text, *end = s + len;
	strbuf word = {0};
	while (s < end) {
		ucs4_t uc;
		int n = u8_mbtouc(&uc, s, (size_t)(end - s));
		if (n <= 0)
			n = 1;
		s += n;
		if (uc_is_general_category(uc, UC_CATEGORY_L) ||
		    uc_is_general_category(uc, UC_CATEGORY_M) ||
		    uc_is_general_category(uc, UC_CATEGORY_Nd)) {
			uint8_t buf[6];
			int k = u8_uctomb(buf, uc_tolower(uc), (ptrdiff_t)sizeof buf);
			if (k > 0)
				strbuf_append(&word, (const char *)buf, (size_t)k);
		} else if (word.len) {
			strlist_push_owned(out, strbuf_take(&word));
		}
	}
	if (word.len)
		strlist_push_owned(out, strbuf_take(&word));
	strbuf_free(&word);
}

/* Whether token is word or its plural. */
static bool
token_is(const char *token, const char *word)
{
	size_t n = strlen(word);
	if (strncmp(token, word, n) != 0)
		return false;
	return token[n] == '\0' || (token[n] == 's' && token[n + 1] == '\0') ||
	       (token[n] == 'e' && token[n + 1] == 's' && token[n + 2] == '\0');
}

/* Whether the words of term (separated by spaces) occur in sequence
 * starting at tokens[i]. */
static bool
term_at(const strlist *tokens, size_t i, const char *term)
{
	const char *p = term;
	while (*p) {
		const char *e = strchr(p, ' ');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		if (i >= tokens->n)
			return false;
		char word[64];
		if (n >= sizeof word)
			return false;
		memcpy(word, p, n);
		word[n] = '\0';
		if (!token_is(tokens->items[i], word))
			return false;
		i++;
		p += n;
		while (*p == ' ')
			p++;
	}
	return true;
}

static bool
has_term(const strlist *tokens, const char *term)
{
	for (size_t i = 0; i < tokens->n; i++)
		if (term_at(tokens, i, term))
			return true;
	return false;
}

/* Blanks every occurrence of term in tokens; returns whether there was
 * one. */
static bool
mask_term(strlist *tokens, const char *term)
{
	bool found = false;
	size_t nwords = 1;
	for (const char *p = term; *p; p++)
		nwords += *p == ' ';
	for (size_t i = 0; i < tokens->n; i++) {
		if (!term_at(tokens, i, term))
			continue;
		found = true;
		for (size_t k = i; k < i + nwords && k < tokens->n; k++)
			tokens->items[k][0] = '\0';
	}
	return found;
}

/* A word's crude stem, so that "knots" meets "knot", "bodies" "body" and
 * "contracted" "contraction": one common English ending dropped, then cut
 * to seven characters. Caller frees. */
static char *
word_stem(const char *w)
{
	size_t n = strlen(w);
	static const char *const endings[] = {"ing", "ies", "ed", "es", "ly", "s", "e", "y"};
	for (size_t i = 0; i < sizeof endings / sizeof endings[0]; i++) {
		size_t k = strlen(endings[i]);
		if (n > k + 2 && !strcmp(w + n - k, endings[i]) && !(k == 1 && w[n - 2] == 's')) {
			n -= k;
			break;
		}
	}
	/* Seven characters, not bytes. */
	size_t bytes = 0;
	for (int chars = 0; bytes < n && chars < 7; chars++) {
		bytes++;
		while (bytes < n && ((unsigned char)w[bytes] & 0xC0) == 0x80)
			bytes++;
	}
	return xstrndup(w, bytes);
}

/* Whether token is a content word: letters only, four or more, not a stop
 * word. */
static bool
is_content_word(const spam_ctx *x, const char *token)
{
	size_t chars = 0;
	const uint8_t *s = (const uint8_t *)token;
	size_t len = strlen(token);
	while (len > 0) {
		ucs4_t uc;
		int n = u8_mbtouc(&uc, s, len);
		if (n <= 0)
			n = 1;
		if (uc_is_general_category(uc, UC_CATEGORY_Nd))
			return false;
		if (!uc_is_general_category(uc, UC_CATEGORY_M))
			chars++;
		s += n;
		len -= (size_t)n;
	}
	return chars >= 4 && !strset_has(x->stop, token);
}

/* The host of a web address starting at url ("http://", "https://" or
 * "www."), lower case and without "www."; NULL when there is none. Sets
 * *end past the address. Caller frees. */
static char *
url_host(const char *url, const char **end)
{
	const char *stop = " \t\n\r<>\"'()[]{}|\\^`";
	const char *p = url_web_host(url);
	if (p == NULL)
		p = url;
	const char *h = p;
	while (*p && !strchr(stop, *p) && *p != '/' && *p != '?' && *p != '#')
		p++;
	const char *hend = p;
	while (*p && !strchr(stop, *p))
		p++;
	*end = p;
	const char *at = memchr(h, '@', (size_t)(hend - h));
	if (at)
		h = at + 1;
	const char *colon = memchr(h, ':', (size_t)(hend - h));
	if (colon)
		hend = colon;
	while (hend > h && hend[-1] == '.')
		hend--;
	if (hend - h > 4 && strncasecmp(h, "www.", 4) == 0)
		h += 4;
	if (hend <= h)
		return NULL;
	char *host = xstrndup(h, (size_t)(hend - h));
	for (char *q = host; *q; q++)
		if (*q >= 'A' && *q <= 'Z')
			*q = (char)(*q - 'A' + 'a');
	return host;
}

/* Where the next web address starts in s, or NULL. */
static const char *
next_url(const char *s)
{
	for (const char *p = s; *p; p++) {
		if ((*p == 'h' || *p == 'H') && url_web_host(p))
			return p;
		if ((*p == 'w' || *p == 'W') && strncasecmp(p, "www.", 4) == 0 &&
		    (p == s || !((p[-1] >= 'a' && p[-1] <= 'z') || (p[-1] >= 'A' && p[-1] <= 'Z') ||
		                 (p[-1] >= '0' && p[-1] <= '9') || p[-1] == '/' || p[-1] == '.')))
			return p;
	}
	return NULL;
}

static void
add_host(strlist *hosts, const char *url)
{
	if (url == NULL)
		return;
	const char *start = next_url(url), *end;
	if (start != url)
		return;
	char *h = url_host(url, &end);
	if (h && !strlist_contains(hosts, h))
		strlist_push(hosts, h);
	free(h);
}

/* Whether host is one of the book's own hosts or below one. */
static bool
is_own_host(const spam_ctx *x, const char *host)
{
	size_t n = strlen(host);
	for (size_t i = 0; i < x->hosts.n; i++) {
		const char *own = x->hosts.items[i];
		size_t k = strlen(own);
		if (!strcmp(host, own) || (n > k && host[n - k - 1] == '.' && !strcmp(host + n - k, own)))
			return true;
	}
	return false;
}

/* Letters per script of text. */
typedef struct script_count {
	const char *name[16];
	size_t count[16];
	size_t n;
	size_t letters;
} script_count;

static void
count_scripts(const char *text, size_t len, script_count *sc)
{
	const uint8_t *s = (const uint8_t *)text, *end = s + len;
	while (s < end) {
		ucs4_t uc;
		int n = u8_mbtouc(&uc, s, (size_t)(end - s));
		if (n <= 0)
			n = 1;
		s += n;
		if (!uc_is_general_category(uc, UC_CATEGORY_L))
			continue;
		const uc_script_t *scr = uc_script(uc);
		if (scr == NULL || !strcmp(scr->name, "Common") || !strcmp(scr->name, "Inherited"))
			continue;
		sc->letters++;
		size_t i = 0;
		while (i < sc->n && strcmp(sc->name[i], scr->name))
			i++;
		if (i == sc->n) {
			if (sc->n == sizeof sc->name / sizeof sc->name[0])
				continue;
			sc->name[sc->n++] = scr->name;
		}
		sc->count[i]++;
	}
}

static const char *
dominant_script(const script_count *sc, size_t *count)
{
	size_t best = 0;
	for (size_t i = 1; i < sc->n; i++)
		if (sc->count[i] > sc->count[best])
			best = i;
	if (count)
		*count = sc->n ? sc->count[best] : 0;
	return sc->n ? sc->name[best] : NULL;
}

static bool
is_expected_script(const spam_ctx *x, const char *name)
{
	for (size_t i = 0; i < x->nscripts; i++)
		if (!strcmp(x->scripts[i], name))
			return true;
	return false;
}

static void
add_expected_script(spam_ctx *x, const char *name)
{
	if (name && !is_expected_script(x, name) && x->nscripts < SPAM_MAX_SCRIPTS)
		x->scripts[x->nscripts++] = name;
}

static void
spam_ctx_free(spam_ctx *x)
{
	strset_free(x->vocab);
	strset_free(x->stop);
	strset_free(x->names);
	strlist_free(&x->hosts);
}

/* Gathers what comments of b are compared with. Free with spam_ctx_free. */
static void
spam_ctx_init(spam_ctx *x, const book *b)
{
	memset(x, 0, sizeof *x);
	x->vocab = strset_new();
	x->stop = strset_new();
	x->names = strset_new();
	for (size_t i = 0; i < sizeof stop_words / sizeof stop_words[0]; i++)
		strset_add(x->stop, stop_words[i]);
	x->use_vocab = true;
	for (size_t i = 0; i < sizeof unspaced_langs / sizeof unspaced_langs[0]; i++)
		if (lang_primary_is(b->language, unspaced_langs[i]))
			x->use_vocab = false;

	add_host(&x->hosts, b->source);
	for (size_t i = 0; i < b->nrelated; i++)
		add_host(&x->hosts, b->related[i]->url);

	script_count sc = {0};
	for (size_t i = 0; i < b->nchapters; i++) {
		const chapter *ch = b->chapters[i];
		add_host(&x->hosts, ch->source);
		if (ch->kind != CHAPTER_TEXT || ch->body == NULL)
			continue;
		count_scripts(ch->body, ch->body_len, &sc);
		strlist words = {0};
		tokenize(ch->body, ch->body_len, &words);
		for (size_t k = 0; k < words.n; k++) {
			if (!is_content_word(x, words.items[k]))
				continue;
			char *st = word_stem(words.items[k]);
			strset_add(x->vocab, st);
			free(st);
		}
		strlist_free(&words);
	}
	for (size_t i = 0; i < b->nauthors; i++) {
		strlist words = {0};
		const char *name = b->authors[i].name ? b->authors[i].name : "";
		tokenize(name, strlen(name), &words);
		for (size_t k = 0; k < words.n; k++)
			if (strlen(words.items[k]) >= 3)
				strset_add(x->names, words.items[k]);
		strlist_free(&words);
	}

	bool listed = false;
	for (size_t i = 0; i < sizeof lang_scripts / sizeof lang_scripts[0]; i++) {
		strlist tags = {0};
		tokenize(lang_scripts[i].langs, strlen(lang_scripts[i].langs), &tags);
		for (size_t k = 0; k < tags.n && !listed; k++)
			listed = lang_primary_is(b->language, tags.items[k]);
		strlist_free(&tags);
		if (!listed)
			continue;
		for (size_t k = 0; k < 3 && lang_scripts[i].scripts[k]; k++)
			add_expected_script(x, lang_scripts[i].scripts[k]);
		break;
	}
	if (!listed)
		add_expected_script(x, "Latin");
	/* The book's own text knows best (a tag such as sr-Latn, or a
	 * language missing from the table). */
	add_expected_script(x, dominant_script(&sc, NULL));
}

/* About how many words of substance tokens holds: its content words or,
 * in a language written without spaces, its letters over two. */
static size_t
prose_words(const spam_ctx *x, const strlist *tokens, const char *text)
{
	size_t n = 0;
	if (!x->use_vocab) {
		script_count sc = {0};
		count_scripts(text, strlen(text), &sc);
		return sc.letters / 2;
	}
	for (size_t i = 0; i < tokens->n; i++)
		n += is_content_word(x, tokens->items[i]);
	return n;
}

/* Appends one reason to r, separated by "; ". */
static void
add_reason(strbuf *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
add_reason(strbuf *r, const char *fmt, ...)
{
	if (r == NULL)
		return;
	va_list ap;
	va_start(ap, fmt);
	char *s = xvasprintf(fmt, ap);
	va_end(ap);
	if (r->len)
		strbuf_puts(r, "; ");
	strbuf_puts(r, s);
	free(s);
}

/* A comment taken apart for the signals. */
typedef struct spam_text {
	char *text;      /* the body, its first SPAM_SCAN_BYTES */
	char *plain;     /* the same with its web addresses blanked out */
	strlist tokens;  /* the words of text */
	strlist prose;   /* the words of plain, praise that fits any page blanked */
	strlist name;    /* the words of the author's name and web address */
	strlist foreign; /* the hosts it links to that are not the book's */
	int nlinks;
	bool question;   /* it asks something */
	bool reference;  /* it refers to the book or its author */
	bool praise;     /* "nice post", "thanks for sharing"... */
} spam_text;

static void
spam_text_free(spam_text *t)
{
	free(t->text);
	free(t->plain);
	strlist_free(&t->tokens);
	strlist_free(&t->prose);
	strlist_free(&t->name);
	strlist_free(&t->foreign);
}

/* Takes comment cm apart. Free with spam_text_free. */
static void
spam_text_init(const spam_ctx *x, const comment *cm, spam_text *t)
{
	memset(t, 0, sizeof *t);
	size_t len = strlen(cm->body);
	if (len > SPAM_SCAN_BYTES) {
		len = SPAM_SCAN_BYTES;
		while (len > 0 && ((unsigned char)cm->body[len] & 0xC0) == 0x80)
			len--;
	}
	t->text = xstrndup(cm->body, len);
	t->plain = xstrdup(t->text);
	for (const char *p = next_url(t->text); p; p = next_url(p)) {
		const char *end;
		char *host = url_host(p, &end);
		memset(t->plain + (p - t->text), ' ', (size_t)(end - p));
		if (host) {
			t->nlinks++;
			if (!is_own_host(x, host) && !strlist_contains(&t->foreign, host))
				strlist_push(&t->foreign, host);
		}
		free(host);
		p = end > p ? end : p + 1;
	}
	tokenize(t->text, len, &t->tokens);
	tokenize(t->plain, strlen(t->plain), &t->prose);
	if (cm->author)
		tokenize(cm->author, strlen(cm->author), &t->name);
	if (cm->author_url)
		tokenize(cm->author_url, strlen(cm->author_url), &t->name);

	t->question = strstr(t->plain, "?") || strstr(t->plain, "\uff1f") ||
	              strstr(t->plain, "\u00bf") || strstr(t->plain, "\u061f");
	for (size_t i = 0; !t->question && i < sizeof question_terms / sizeof question_terms[0]; i++)
		t->question = has_term(&t->prose, question_terms[i]);
	/* Praise that fits any page ("nice post") refers to nothing. */
	for (size_t i = 0; i < sizeof praise_terms / sizeof praise_terms[0]; i++)
		t->praise |= mask_term(&t->prose, praise_terms[i]);
	for (size_t i = 0; !t->reference && i < sizeof reference_terms / sizeof reference_terms[0];
	     i++)
		t->reference = has_term(&t->prose, reference_terms[i]);
	for (size_t i = 0; !t->reference && i < t->prose.n; i++)
		t->reference = strset_has(x->names, t->prose.items[i]);
}

/* Few words in common with the book: 2 points below a fifth of the
 * comment's content words, 1 below 35%, for six words or more. */
static int
signal_vocabulary(const spam_ctx *x, const spam_text *t, strbuf *reasons)
{
	if (!x->use_vocab || strset_count(x->vocab) == 0)
		return 0;
	size_t nwords = 0, shared = 0;
	strset *seen = strset_new();
	for (size_t i = 0; i < t->prose.n; i++) {
		if (!is_content_word(x, t->prose.items[i]))
			continue;
		char *st = word_stem(t->prose.items[i]);
		if (strset_add(seen, st)) {
			nwords++;
			shared += strset_has(x->vocab, st);
		}
		free(st);
	}
	strset_free(seen);
	int pts = nwords < 6 ? 0 : shared * 5 < nwords ? 2 : shared * 20 < nwords * 7 ? 1 : 0;
	if (pts)
		add_reason(reasons, "%s with the book (%zu of %zu words)",
		           pts == 2 ? "almost no words in common" : "few words in common", shared,
		           nwords);
	return pts;
}

/* Promotional wording in the text, the name or the name's web address:
 * the weights of the strong terms and one point per weak term after the
 * first, at most cap. */
static int
signal_promotion(const spam_text *t, int cap, strbuf *reasons)
{
	int strong = 0, weak = 0, nhits = 0;
	strbuf hits = {0};
	for (size_t i = 0; i < sizeof spam_terms / sizeof spam_terms[0]; i++) {
		const struct spam_term *st = &spam_terms[i];
		if (!has_term(&t->tokens, st->words) && !has_term(&t->name, st->words))
			continue;
		if (st->weight > 1)
			strong += st->weight;
		else
			weak++;
		if (nhits++ < 6)
			strbuf_printf(&hits, "%s'%s'", hits.len ? ", " : "", st->words);
	}
	if (nhits > 6)
		strbuf_puts(&hits, ", ...");
	/* One word of advertising is ordinary speech ("the best way"). */
	int pts = strong + (weak > 1 ? weak - 1 : 0);
	if (pts > cap)
		pts = cap;
	if (pts > 0)
		add_reason(reasons, "promotional wording: %s", hits.data);
	strbuf_free(&hits);
	return pts;
}

/* Links to other sites: 1 point for one host, 2 for more, 1 more for
 * four links or more, for praise that fits any page, and for little text
 * besides the links. */
static int
signal_links(const spam_ctx *x, const spam_text *t, strbuf *reasons)
{
	if (t->foreign.n == 0)
		return 0;
	int pts = t->foreign.n == 1 ? 1 : 2;
	strbuf hl = {0};
	for (size_t i = 0; i < t->foreign.n && i < 3; i++)
		strbuf_printf(&hl, "%s%s", i ? ", " : "", t->foreign.items[i]);
	if (t->foreign.n > 3)
		strbuf_puts(&hl, ", ...");
	if (t->nlinks >= 4) {
		pts++;
		add_reason(reasons, "%d links, to %s", t->nlinks, hl.data);
	} else {
		add_reason(reasons, "links to %s", hl.data);
	}
	strbuf_free(&hl);
	if (t->praise) {
		pts++;
		add_reason(reasons, "praise that fits any page next to a link");
	}
	if (prose_words(x, &t->prose, t->plain) < 6) {
		pts++;
		add_reason(reasons, "little text besides the link");
	}
	return pts;
}

/* Another script: 3 points when most of the letters (ten or more) are of
 * a script the book is not written in, else 2 for eight such letters or
 * more (Latin, in names and brands everywhere, does not count there). */
static int
signal_script(const spam_ctx *x, const spam_text *t, strbuf *reasons)
{
	script_count sc = {0};
	count_scripts(t->text, strlen(t->text), &sc);
	size_t dom_count;
	const char *dom = dominant_script(&sc, &dom_count);
	if (dom && dom_count >= 10 && !is_expected_script(x, dom)) {
		add_reason(reasons, "written in %s script, not the book's %s", dom, x->scripts[0]);
		return 3;
	}
	size_t other = 0, most = 0;
	const char *which = NULL;
	for (size_t i = 0; i < sc.n; i++) {
		if (is_expected_script(x, sc.name[i]) || !strcmp(sc.name[i], "Latin"))
			continue;
		other += sc.count[i];
		if (sc.count[i] > most) {
			most = sc.count[i];
			which = sc.name[i];
		}
	}
	if (other < 8)
		return 0;
	add_reason(reasons, "%zu letters in %s script", other, which);
	return 2;
}

/* The score of one comment; see qa_spam_score. */
static int
spam_score(const spam_ctx *x, const comment *cm, strbuf *reasons)
{
	if (cm->by_author || cm->body == NULL)
		return 0;
	spam_text t;
	spam_text_init(x, cm, &t);
	/* The vocabulary goes first: it decides how much the words weigh. */
	strbuf vreason = {0};
	int vocab = signal_vocabulary(x, &t, &vreason);
	/* A comment that asks about the book in its words may name products. */
	int cap = (t.question || t.reference) && vocab == 0 ? 2 : 4;
	int score = signal_promotion(&t, cap, reasons);
	score += signal_links(x, &t, reasons);
	score += signal_script(x, &t, reasons);
	if (vocab) {
		score += vocab;
		add_reason(reasons, "%s", vreason.data);
	}
	strbuf_free(&vreason);
	/* Off-topic is no spam by itself: a reader may just say thanks. */
	if (score > vocab && !t.question && !t.reference) {
		score++;
		add_reason(reasons, "asks nothing and does not refer to the book or its author");
	}
	spam_text_free(&t);
	return score;
}

/* Gathers the book's words each time; qa_flag_spam does it once for all. */
int
qa_spam_score(const book *b, const comment *cm, strbuf *reasons)
{
	spam_ctx x;
	spam_ctx_init(&x, b);
	int score = spam_score(&x, cm, reasons);
	spam_ctx_free(&x);
	return score;
}

void
qa_flag_spam(const book *b, const chapter *c)
{
	spam_ctx x;
	spam_ctx_init(&x, b);
	for (size_t i = 0; i < c->ncomments; i++) {
		const comment *cm = c->comments[i];
		if (cm->status == COMMENT_SPAM || cm->by_author)
			continue;
		strbuf reasons = {0};
		int score = spam_score(&x, cm, &reasons);
		if (score >= QA_SPAM_THRESHOLD)
			diag_warning(cm->file, cm->status_pos.line, cm->status_pos.col,
			             "looks like spam (%s); set status: spam to leave it out, or "
			             "approved to keep it",
			             reasons.data ? reasons.data : "");
		strbuf_free(&reasons);
	}
	spam_ctx_free(&x);
}
