/* labels.h - the words mkbook writes itself, in the book's language.
 *
 * Built-in tables cover at least en, de, fr, es, it, pt, nl, pl, ru, uk, ar,
 * he, ja, zh-Hans, zh-Hant and ko. A language tag is matched by its primary
 * subtag, except Chinese, where zh-Hant, zh-TW, zh-HK and zh-MO select
 * Traditional and every other zh tag Simplified. */
#ifndef MKBOOK_LABELS_H
#define MKBOOK_LABELS_H

#include <stdbool.h>

enum label_id {
	LABEL_CONTENTS,          /* "Contents" (nav toc heading) */
	LABEL_LANDMARKS,         /* "Landmarks" */
	LABEL_COVER,             /* "Cover" */
	LABEL_TITLE_PAGE,        /* "Title page" */
	LABEL_START,             /* "Start of content" (landmark bodymatter) */
	LABEL_COLOPHON,          /* "Colophon" */
	LABEL_QA,                /* "Reader Q&A" */
	LABEL_RELATED,           /* "Related posts" */
	LABEL_ABOUT_AUTHOR,      /* "About the author" */
	LABEL_ASKED,             /* "asked" as in "Victor asked on <date>" */
	LABEL_REPLIED,           /* "replied" */
	LABEL_ANSWERED_BY_AUTHOR,/* "Answered by the author" */
	LABEL_AUTHOR_ANSWER,     /* "The author’s answer" */
	LABEL_REPLIES,           /* "Replies" */
	LABEL_FOOTNOTES,         /* "Notes" */
	LABEL_BACK_TO_TEXT,      /* "Back to text" (footnote back-link) */
	LABEL_BY,                /* "by" as in "by Daniel Lopez" */
	LABEL_PUBLISHED,         /* "Published" */
	LABEL_MODIFIED,          /* "Last modified" / "Updated" */
	LABEL_PUBLISHER,         /* "Publisher" */
	LABEL_IDENTIFIER,        /* "Identifier" */
	LABEL_SOURCE,            /* "Original" / "Source" (web address of the original) */
	LABEL_RIGHTS,            /* "Rights" */
	LABEL_MADE_WITH,         /* "Made with mkbook from a Markdown manuscript." */
	LABEL_READ_ORIGINAL,     /* "Read the original" (link text for a related post URL) */
	LABEL_AUDIO,             /* "Sound recording": the text of an <audio> without one */
	LABEL_VIDEO,             /* "Video": the text of a <video> without one */
	LABEL_COUNT
};

/* The sentences of the accessibility summary (schema:accessibilitySummary),
 * each a fact mkbook checked while building the book. */
enum a11y_sentence {
	A11Y_STRUCTURE,  /* a table of contents, headings, one reading order */
	A11Y_DISPLAY,    /* any font, size and colour (the built-in stylesheet) */
	A11Y_ALT_ALL,    /* every image described or marked as decoration */
	A11Y_ALT_SOME,   /* "... %d of %d": images described, images in all */
	A11Y_NOTES,      /* notes linked both ways */
	A11Y_NO_HAZARDS, /* no flashing, sound or motion */
	A11Y_MOVING,     /* some images move and may flash; no sound */
	A11Y_MEDIA,      /* sound or video, whose hazards are not known */
	A11Y_COUNT
};

/* Sentence id of the accessibility summary in lang, or NULL when lang has
 * no built-in table (the caller then writes English and says so). Static
 * storage; A11Y_ALT_SOME holds two %d. */
const char *labels_a11y(const char *lang, enum a11y_sentence id);
/* What stands between two sentences in lang: "" for Chinese and Japanese,
 * else " ". */
const char *labels_sentence_gap(const char *lang);

/* The built-in text for id in language lang (a BCP 47 tag). Falls back to
 * English when the language has no table. Never NULL; static storage. */
const char *labels_builtin(const char *lang, enum label_id id);
/* True when lang has its own built-in table. */
bool labels_has_language(const char *lang);
/* The key used in book.yaml's labels: mapping for id ("contents",
 * "reader-qa", ...); static storage. */
const char *labels_key(enum label_id id);
/* Finds the id for a book.yaml key; returns false when unknown. */
bool labels_id_from_key(const char *key, enum label_id *id);
/* A calendar date (year, month 1-12, day 1-31) written as lang writes it:
 * "13 December 2013" (en), "13. Dezember 2013" (de), "2013年12月13日" (ja)...
 * day 0 means only year and month, month 0 only the year. Caller frees. */
char *labels_format_date(const char *lang, int year, int month, int day);

#endif
