/* epub.c - ZIP container with libzip, atomic output. */
#include "epub.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "diag.h"
#include "util.h"

struct entry {
	char *name;
	void *data;
	size_t len;
	bool store;
	bool owned;
};

struct epub_writer {
	struct entry *entries;
	size_t n;
};

epub_writer *
epub_new(void)
{
	return xcalloc(1, sizeof(epub_writer));
}

void
epub_free(epub_writer *w)
{
	if (w == NULL)
		return;
	for (size_t i = 0; i < w->n; i++) {
		free(w->entries[i].name);
		if (w->entries[i].owned)
			free(w->entries[i].data);
	}
	free(w->entries);
	free(w);
}

static void
add_entry(epub_writer *w, const char *name, void *data, size_t len, bool store, bool owned)
{
	w->entries = xrealloc(w->entries, (w->n + 1) * sizeof *w->entries);
	w->entries[w->n++] = (struct entry){xstrdup(name), data, len, store, owned};
}

void
epub_add(epub_writer *w, const char *name, void *data, size_t len, bool store)
{
	add_entry(w, name, data, len, store, true);
}

void
epub_add_static(epub_writer *w, const char *name, const void *data, size_t len, bool store)
{
	add_entry(w, name, (void *)data, len, store, false);
}

/* MS-DOS date and time fields for epoch (UTC), clamped to 1980-2107. */
static void
dos_time(long long epoch, zip_uint16_t *dtime, zip_uint16_t *ddate)
{
	if (epoch < 315532800LL) /* 1980-01-01 */
		epoch = 315532800LL;
	long long days = epoch / 86400, rem = epoch % 86400;
	/* civil from days */
	long long z = days + 719468;
	long long era = z / 146097;
	long long doe = z - era * 146097;
	long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long long y = yoe + era * 400;
	long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long long mp = (5 * doy + 2) / 153;
	int d = (int)(doy - (153 * mp + 2) / 5 + 1);
	int m = (int)(mp < 10 ? mp + 3 : mp - 9);
	y += m <= 2;
	if (y > 2107)
		y = 2107;
	*ddate = (zip_uint16_t)(((y - 1980) << 9) | (m << 5) | d);
	*dtime = (zip_uint16_t)(((rem / 3600) << 11) | ((rem / 60 % 60) << 5) | (rem % 60 / 2));
}

int
epub_build(epub_writer *w, long long epoch, unsigned char **out, size_t *len)
{
	*out = NULL;
	*len = 0;
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *zsrc = zip_source_buffer_create(NULL, 0, 0, &ze);
	zip_t *za = zsrc ? zip_open_from_source(zsrc, ZIP_TRUNCATE, &ze) : NULL;
	if (za == NULL) {
		diag_error(NULL, 0, 0, "cannot create the EPUB archive: %s", zip_error_strerror(&ze));
		zip_error_fini(&ze);
		if (zsrc)
			zip_source_free(zsrc);
		return -1;
	}
	zip_source_keep(zsrc);
	zip_uint16_t dt, dd;
	dos_time(epoch, &dt, &dd);
	for (size_t i = 0; i < w->n; i++) {
		struct entry *e = &w->entries[i];
		zip_source_t *s = zip_source_buffer(za, e->data, e->len, 0);
		zip_int64_t idx = s ? zip_file_add(za, e->name, s, ZIP_FL_ENC_UTF_8) : -1;
		if (idx < 0) {
			if (s)
				zip_source_free(s);
			diag_error(NULL, 0, 0, "cannot add %s to the EPUB: %s", e->name,
			           zip_strerror(za));
			zip_discard(za);
			zip_source_free(zsrc);
			return -1;
		}
		zip_set_file_compression(za, (zip_uint64_t)idx, e->store ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
		                         e->store ? 0 : 9);
		zip_file_set_dostime(za, (zip_uint64_t)idx, dt, dd, 0);
	}
	if (zip_close(za) != 0) {
		diag_error(NULL, 0, 0, "cannot write the EPUB archive: %s", zip_strerror(za));
		zip_discard(za);
		zip_source_free(zsrc);
		return -1;
	}
	zip_stat_t st;
	int rc = -1;
	if (zip_source_open(zsrc) == 0) {
		if (zip_source_stat(zsrc, &st) == 0 && (st.valid & ZIP_STAT_SIZE)) {
			unsigned char *buf = xmalloc(st.size ? st.size : 1);
			zip_int64_t got = zip_source_read(zsrc, buf, st.size);
			if (got == (zip_int64_t)st.size) {
				*out = buf;
				*len = (size_t)st.size;
				rc = 0;
			} else {
				free(buf);
			}
		}
		zip_source_close(zsrc);
	}
	zip_source_free(zsrc);
	if (rc != 0)
		diag_error(NULL, 0, 0, "cannot read back the EPUB archive");
	return rc;
}

int
write_file_atomically(const char *path, const void *data, size_t len)
{
	struct stat st;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		diag_error(path, 0, 0, "is a folder; give a file name for the EPUB, e.g. -o %s/book.epub",
		           path);
		return -1;
	}
	char *dir = path_dirname(path);
	if (*dir == '\0') {
		free(dir);
		dir = xstrdup(".");
	} else if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		diag_error(path, 0, 0, "cannot write: folder '%s' does not exist", dir);
		free(dir);
		return -1;
	}
	char *tmp = xasprintf("%s/.%s.XXXXXX", dir, path_basename(path));
	free(dir);
	int rc = -1;
	int fd = mkstemp(tmp);
	if (fd < 0) {
		diag_error(path, 0, 0, "cannot write: %s", strerror(errno));
		free(tmp);
		return -1;
	}
	const char *p = data;
	size_t left = len;
	while (left > 0) {
		ssize_t n = write(fd, p, left);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			diag_error(path, 0, 0, "cannot write: %s", strerror(errno));
			goto fail;
		}
		p += n;
		left -= (size_t)n;
	}
	mode_t mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) != 0 || fsync(fd) != 0) {
		diag_error(path, 0, 0, "cannot write: %s", strerror(errno));
		goto fail;
	}
	if (close(fd) != 0) {
		fd = -1;
		diag_error(path, 0, 0, "cannot write: %s", strerror(errno));
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path) != 0) {
		diag_error(path, 0, 0, "cannot write: %s", strerror(errno));
		goto fail;
	}
	rc = 0;
	goto out;
fail:
	if (fd >= 0)
		close(fd);
	unlink(tmp);
out:
	free(tmp);
	return rc;
}
