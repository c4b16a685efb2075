/* init.c - mkbook init: writes a small starter manuscript (book.yaml, one
 * chapter, a comments folder with one comment of each status, a related
 * folder with one post) that builds at once and shows the format. */
#include "init.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "util.h"

static const char book_yaml[] =
    "# book.yaml - the book's metadata and reading order; see mkbook(5).\n"
    "title: \"My Book\"\n"
    "author: Your Name\n"
    "language: en                 # a BCP 47 tag: en, de, fr, pt-BR...\n"
    "modified: @DATE@         # update it when the book changes; it pins the build\n"
    "contents:\n"
    "  - chapter-1.md             # a chapter; list more, or a folder of them\n"
    "  - comments: qa/            # the Reader Q&A: approved comments, in threads\n"
    "  - related: related/        # the Related posts chapter\n"
    "\n"
    "# More keys: subtitle, date, publisher, description, rights, series...\n"
    "# For a cover, put a PNG or JPEG here and add:  cover: cover.png\n";

static const char chapter_1[] =
    "# The First Chapter\n"
    "\n"
    "This is where your book begins. Every Markdown file listed under\n"
    "`contents:` in `book.yaml` becomes a chapter, and its first heading\n"
    "becomes the chapter's title in the table of contents.\n"
    "\n"
    "## What you can write\n"
    "\n"
    "Paragraphs are separated by a blank line. There is *emphasis*,\n"
    "**strong emphasis**, `code`, [links](https://commonmark.org/help/)\n"
    "and lists:\n"
    "\n"
    "- a list item\n"
    "- another one\n"
    "\n"
    "> A quotation is a paragraph that starts with `>`.\n"
    "\n"
    "Footnotes work too,[^note] and so do tables:\n"
    "\n"
    "| Key        | What it holds             |\n"
    "| ---------- | ------------------------- |\n"
    "| `title`    | the book's title          |\n"
    "| `author`   | who wrote it              |\n"
    "| `contents` | the chapters, in order    |\n"
    "\n"
    "[^note]: A reading device shows a footnote where it shows notes: at the\n"
    "    end of the chapter, or in a pop-up.\n"
    "\n"
    "## Next steps\n"
    "\n"
    "1. Put your own title and name in `book.yaml`.\n"
    "2. Write your chapters and list them under `contents:`.\n"
    "3. Look at the reader comments in `qa/`: one is approved, one is\n"
    "   pending and one is spam. Only approved comments go into the book.\n"
    "4. Build the book again with `mkbook` and the name of this folder.\n";

static const char qa_question[] =
    "---\n"
    "# One reader comment per file. Only approved comments go into the book.\n"
    "author: \"Ada Reader\"\n"
    "date: @DATE@T09:30:00Z\n"
    "status: approved\n"
    "title: \"When does the second chapter come out?\"\n"
    "---\n"
    "\n"
    "Thank you for the first chapter; I read it twice. When can we read the\n"
    "second one?\n";

static const char qa_reply[] =
    "---\n"
    "# A pending comment is left out of the book, and mkbook warns about it.\n"
    "# Set status: approved and build again to show this answer in the book.\n"
    "author: Your Name\n"
    "role: author\n"
    "reply-to: 01-question\n"
    "date: @DATE@T18:00:00Z\n"
    "status: pending\n"
    "---\n"
    "\n"
    "Thank you, Ada! The second chapter is being written now, and it will be\n"
    "in the next edition of this book.\n";

static const char qa_spam[] =
    "---\n"
    "# Spam is left out of the book and only counted.\n"
    "author: \"Best Deals Online\"\n"
    "date: @DATE@T03:12:00Z\n"
    "status: spam\n"
    "---\n"
    "\n"
    "Great post!!! Buy cheap followers and likes now, best prices, limited\n"
    "offer, click here: https://example.com/deals\n";

static const char related_post[] =
    "---\n"
    "# A related post with front matter only is listed in the Related posts\n"
    "# chapter; one with a body of its own becomes a chapter.\n"
    "title: \"Markdown in ten minutes\"\n"
    "url: \"https://commonmark.org/help/\"\n"
    "summary: \"A short guide to the Markdown that every chapter is written in.\"\n"
    "---\n";

static const init_file files[] = {
    {"book.yaml", book_yaml},
    {"chapter-1.md", chapter_1},
    {"qa/01-question.md", qa_question},
    {"qa/02-answer.md", qa_reply},
    {"qa/03-spam.md", qa_spam},
    {"related/01-markdown-guide.md", related_post},
};

const init_file *
init_files(size_t *n)
{
	*n = sizeof files / sizeof files[0];
	return files;
}

/* text with every "@DATE@" replaced by date. Caller frees. */
static char *
fill_date(const char *text, const char *date)
{
	static const char mark[] = "@DATE@";
	strbuf sb = {0};
	const char *p;
	while ((p = strstr(text, mark)) != NULL) {
		strbuf_append(&sb, text, (size_t)(p - text));
		strbuf_puts(&sb, date);
		text = p + sizeof mark - 1;
	}
	strbuf_puts(&sb, text);
	return strbuf_take(&sb);
}

/* Creates the folder path and its missing parents, like mkdir -p.
 * Returns 0, or -1 with errno set. */
static int
make_folders(const char *path)
{
	char *p = xstrdup(path);
	int rc = 0;
	for (char *s = p + 1;; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		struct stat st;
		if (mkdir(p, 0777) != 0 && errno != EEXIST) {
			rc = -1;
		} else if (stat(p, &st) != 0) {
			rc = -1;
		} else if (!S_ISDIR(st.st_mode)) {
			errno = ENOTDIR;
			rc = -1;
		}
		*s = c;
		if (rc != 0 || c == '\0')
			break;
	}
	free(p);
	return rc;
}

/* Writes data to a new file at path; never replaces one. Returns 0, or -1
 * with errno set. */
static int
write_new_file(const char *path, const char *data)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0666);
	if (fd < 0)
		return -1;
	size_t len = strlen(data), off = 0;
	while (off < len) {
		ssize_t n = write(fd, data + off, len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			int e = n < 0 ? errno : EIO;
			close(fd);
			unlink(path);
			errno = e;
			return -1;
		}
		off += (size_t)n;
	}
	if (close(fd) != 0) {
		int e = errno;
		unlink(path);
		errno = e;
		return -1;
	}
	return 0;
}

int
init_manuscript(const char *dir, const char *date)
{
	size_t n;
	const init_file *fs = init_files(&n);
	char **paths = xcalloc(n, sizeof *paths);
	size_t written = 0;
	int rc = -1;

	struct stat st;
	if (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode)) {
		diag_error(dir, 0, 0, "exists and is not a folder; give a new folder's name, "
		                      "such as 'mkbook init mybook'");
		goto out;
	}
	/* Refuse before writing anything; name the first file in the way. */
	size_t existing = 0, first = 0;
	for (size_t i = 0; i < n; i++) {
		paths[i] = path_join(dir, fs[i].path);
		if (lstat(paths[i], &st) == 0 && existing++ == 0)
			first = i;
	}
	if (existing == 1)
		diag_error(paths[first], 0, 0, "already exists; mkbook init overwrites nothing, so "
		                               "give it a new or empty folder");
	if (existing > 1)
		diag_error(paths[first], 0, 0, "already exists, and %zu more of the starter's files; "
		                               "mkbook init overwrites nothing, so give it a new or "
		                               "empty folder", existing - 1);
	if (existing > 0)
		goto out;

	for (size_t i = 0; i < n; i++) {
		char *parent = path_dirname(paths[i]);
		int made = *parent ? make_folders(parent) : 0;
		if (made != 0) {
			diag_error(parent, 0, 0, "cannot create the folder: %s", strerror(errno));
			free(parent);
			goto out;
		}
		free(parent);
		char *text = fill_date(fs[i].text, date);
		int wr = write_new_file(paths[i], text);
		free(text);
		if (wr != 0) {
			diag_error(paths[i], 0, 0, "cannot write: %s", strerror(errno));
			goto out;
		}
		written++;
	}
	rc = 0;
out:
	/* A half-written starter helps nobody: take back what was written. */
	for (size_t i = 0; rc != 0 && i < written; i++)
		unlink(paths[i]);
	for (size_t i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
	return rc;
}
