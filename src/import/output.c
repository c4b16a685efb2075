/* output.c - the manuscript folder mkbook import writes: its rules, atomic
 * files, YAML quoting and safe names. */
#include "import/output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <dirent.h>
#include <unistd.h>
#include <uninorm.h>
#include <unistr.h>

#include "diag.h"

/* Creates path and its missing parents. Returns 0 or an errno value. */
static int
make_folders(const char *path)
{
	char *p = xstrdup(path);
	int rc = 0;
	for (char *s = p + 1; *s && rc == 0; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST)
			rc = errno;
		*s = '/';
	}
	if (rc == 0 && mkdir(p, 0777) != 0 && errno != EEXIST)
		rc = errno;
	free(p);
	return rc;
}

/* Whether the folder holds anything; -1 when it cannot be read. */
static int
folder_has_entries(const char *dir)
{
	DIR *d = opendir(dir);
	if (d == NULL)
		return -1;
	int found = 0;
	struct dirent *e;
	while (!found && (e = readdir(d)) != NULL)
		found = strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	closedir(d);
	return found;
}

int
output_prepare(const char *dir, bool force)
{
	struct stat st;
	if (stat(dir, &st) != 0) {
		if (errno != ENOENT) {
			diag_error(dir, 0, 0, "cannot use the output folder: %s", strerror(errno));
			return 1;
		}
		int e = make_folders(dir);
		if (e != 0) {
			diag_error(dir, 0, 0, "cannot create the output folder: %s", strerror(e));
			return 1;
		}
		return 0;
	}
	if (!S_ISDIR(st.st_mode)) {
		diag_error(dir, 0, 0, "exists and is not a folder; give a new or empty folder with -o");
		return 1;
	}
	int full = folder_has_entries(dir);
	if (full < 0) {
		diag_error(dir, 0, 0, "cannot read the output folder: %s", strerror(errno));
		return 1;
	}
	if (full && !force) {
		diag_error(dir, 0, 0,
		           "the output folder is not empty; give a new folder, or --force to "
		           "replace the files the import writes (others are left alone)");
		return 1;
	}
	return 0;
}

int
output_mkdir(const char *dir, const char *rel)
{
	char *path = path_join(dir, rel);
	size_t start = strlen(path) - strlen(rel);
	int rc = 0;
	for (size_t i = start; rc == 0; i++) {
		char c = path[i];
		if (c != '/' && c != '\0')
			continue;
		path[i] = '\0';
		struct stat st;
		if (lstat(path, &st) == 0) {
			if (!S_ISDIR(st.st_mode)) {
				diag_error(path, 0, 0, "exists and is not a folder (a symbolic link is "
				                       "not followed); cannot write into it");
				rc = -1;
			}
		} else if (errno != ENOENT || mkdir(path, 0777) != 0) {
			diag_error(path, 0, 0, "cannot create the folder: %s", strerror(errno));
			rc = -1;
		}
		path[i] = c;
		if (c == '\0')
			break;
	}
	free(path);
	return rc;
}

/* The permissions a new file gets: 0666 less the process's umask. */
static mode_t
file_mode(void)
{
	static mode_t mode = 0;
	static bool known = false;
	if (!known) {
		mode_t mask = umask(022);
		umask(mask);
		mode = 0666 & ~mask;
		known = true;
	}
	return mode;
}

int
output_write(const char *dir, const char *rel, const void *data, size_t len)
{
	char *path = path_join(dir, rel);
	char *folder = path_dirname(path);
	char *tmp = xasprintf("%s%s.%s.XXXXXX", folder, *folder ? "/" : "",
	                      path_basename(path));
	int rc = -1;
	int fd = mkstemp(tmp);
	if (fd < 0) {
		diag_error(path, 0, 0, "cannot write: %s", strerror(errno));
		goto out;
	}
	const char *p = data;
	size_t left = len;
	while (left > 0) {
		ssize_t w = write(fd, p, left);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			diag_error(path, 0, 0, "cannot write: %s", strerror(errno));
			close(fd);
			unlink(tmp);
			goto out;
		}
		p += w;
		left -= (size_t)w;
	}
	if (fchmod(fd, file_mode()) != 0 || close(fd) != 0) {
		diag_error(path, 0, 0, "cannot write: %s", strerror(errno));
		unlink(tmp);
		goto out;
	}
	if (rename(tmp, path) != 0) {
		diag_error(path, 0, 0, "cannot write: %s", strerror(errno));
		unlink(tmp);
		goto out;
	}
	rc = 0;
out:
	free(tmp);
	free(folder);
	free(path);
	return rc;
}

/* Whether XML 1.0 can hold code point u. */
static bool
is_xml_char(ucs4_t u)
{
	return u == 0x9 || u == 0xA || u == 0xD || (u >= 0x20 && u <= 0xD7FF) ||
	       (u >= 0xE000 && u <= 0xFFFD) || (u >= 0x10000 && u <= 0x10FFFF);
}

/* Appends the UTF-8 text s: in a double-quoted YAML scalar (quoted), or
 * in a comment (every line break and control character a space). What
 * XML cannot hold and bytes that are not UTF-8 are left out. */
static void
put_text(strbuf *sb, const char *s, bool quoted)
{
	const uint8_t *p = (const uint8_t *)(s ? s : "");
	size_t left = strlen((const char *)p);
	while (left > 0) {
		ucs4_t u;
		int n = u8_mbtoucr(&u, p, left);
		if (n < 0) { /* not UTF-8: leave the byte out */
			p++;
			left--;
			continue;
		}
		/* Line breaks to YAML (NEL, LS, PS too) or not printable. */
		bool special = u < 0x20 || (u >= 0x7F && u <= 0x9F) || u == 0x2028 ||
		               u == 0x2029 || u == 0xFEFF;
		if (!quoted && (special || !is_xml_char(u)))
			strbuf_putc(sb, ' ');
		else if (u == '"' || u == '\\')
			strbuf_printf(sb, "\\%c", (char)u);
		else if (u == '\n')
			strbuf_puts(sb, "\\n");
		else if (u == '\t')
			strbuf_puts(sb, "\\t");
		else if (u == '\r')
			strbuf_puts(sb, "\\r");
		else if (special && is_xml_char(u))
			strbuf_printf(sb, "\\u%04X", (unsigned)u);
		else if (is_xml_char(u))
			strbuf_append(sb, (const char *)p, (size_t)n);
		p += n;
		left -= (size_t)n;
	}
}

void
output_yaml_string(strbuf *sb, const char *s)
{
	strbuf_putc(sb, '"');
	put_text(sb, s, true);
	strbuf_putc(sb, '"');
}

void
output_yaml_comment(strbuf *sb, const char *text)
{
	strbuf_puts(sb, "# ");
	put_text(sb, text, false);
	strbuf_putc(sb, '\n');
}

char *
output_slug(const char *text, size_t max)
{
	strbuf sb = {0};
	strbuf_puts(&sb, "");
	if (text == NULL)
		return strbuf_take(&sb);
	/* Decomposed, so that "é" gives "e" and its accent is dropped. */
	size_t n = 0;
	uint8_t *nfd = u8_normalize(UNINORM_NFD, (const uint8_t *)text, strlen(text), NULL, &n);
	const char *src = nfd ? (const char *)nfd : text;
	size_t len = nfd ? n : strlen(text);
	bool dash = false;
	for (size_t i = 0; i < len && sb.len < max; i++) {
		unsigned char c = (unsigned char)src[i];
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
			if (dash && sb.len > 0)
				strbuf_putc(&sb, '-');
			dash = false;
			strbuf_putc(&sb, (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
		} else if (c < 0x80 || (c & 0xC0) == 0xC0) {
			/* ASCII punctuation or the start of a character that is not
			 * ASCII; a combining mark (U+0300..U+036F: CC 80..CD AF)
			 * joins its letter */
			bool mark = (c == 0xCC) || (c == 0xCD && i + 1 < len &&
			                            (unsigned char)src[i + 1] <= 0xAF);
			if (!mark)
				dash = true;
		}
	}
	free(nfd);
	return strbuf_take(&sb);
}
