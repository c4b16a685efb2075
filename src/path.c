/* path.c - files and paths; see path.h. */
#include "path.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

/* ---- files ---- */

int
path_read_file(const char *path, char **data, size_t *len, size_t max)
{
	bool regular;
	return path_read_file_stat(path, data, len, max, &regular);
}

int
path_read_file_stat(const char *path, char **data, size_t *len, size_t max, bool *regular)
{
	*data = NULL;
	*len = 0;
	*regular = false;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno;
	struct stat st;
	if (fstat(fd, &st) != 0) {
		int e = errno;
		close(fd);
		return e;
	}
	if (S_ISDIR(st.st_mode)) {
		close(fd);
		return EISDIR;
	}
	if (max && S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max) {
		close(fd);
		return EFBIG;
	}
	*regular = S_ISREG(st.st_mode);
	strbuf sb = {0};
	char chunk[65536];
	for (;;) {
		ssize_t r = read(fd, chunk, sizeof chunk);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			int e = errno;
			close(fd);
			strbuf_free(&sb);
			return e;
		}
		if (r == 0)
			break;
		strbuf_append(&sb, chunk, (size_t)r);
		if (max && sb.len > max) {
			close(fd);
			strbuf_free(&sb);
			return EFBIG;
		}
	}
	close(fd);
	*len = sb.len;
	*data = strbuf_take(&sb);
	return 0;
}

/* ---- paths ---- */

char *
path_join(const char *a, const char *b)
{
	if (a == NULL || *a == '\0')
		return xstrdup(b);
	size_t n = strlen(a);
	return xasprintf("%s%s%s", a, a[n - 1] == '/' ? "" : "/", b);
}

char *
path_dirname(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup("");
}

const char *
path_basename(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

char *
path_normalize_relative(const char *path)
{
	if (path[0] == '/')
		return NULL;
	strlist parts = {0};
	const char *p = path;
	while (*p) {
		const char *end = strchr(p, '/');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		if (n == 0 || (n == 1 && p[0] == '.')) {
			/* skip */
		} else if (n == 2 && p[0] == '.' && p[1] == '.') {
			if (parts.n == 0) {
				strlist_free(&parts);
				return NULL;
			}
			free(parts.items[--parts.n]);
		} else {
			strlist_push_owned(&parts, xstrndup(p, n));
		}
		p += n;
		if (*p == '/')
			p++;
	}
	strbuf sb = {0};
	for (size_t i = 0; i < parts.n; i++) {
		if (i)
			strbuf_putc(&sb, '/');
		strbuf_puts(&sb, parts.items[i]);
	}
	strlist_free(&parts);
	return strbuf_take(&sb);
}
