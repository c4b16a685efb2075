/* epub.c - ZIP container with libzip, written atomically to its file. */
#include "epub.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <libdeflate.h>
#include <pthread.h>
#include <zip.h>

#include "date.h"
#include "diag.h"
#include "util.h"

struct entry {
	char *name;
	void *data;
	size_t len;
	bool store;
	bool owned;
	bool deflated; /* data is a raw deflate stream of size bytes */
	size_t size;
	uint32_t crc;
	epub_spool *spool; /* when not NULL, the stream is there, at offset */
	long long offset;
	size_t bad_at;     /* as epub_blob's */
};

#define DEFLATE_LEVEL 6

struct epub_writer {
	struct entry *entries;
	size_t n;
	long long epoch;
	epub_spool *spool; /* owned */
};

/* The spool: an unlinked temporary file the compressed pages go to as
 * they are made, appended under a lock. */
struct epub_spool {
	int fd;
	long long size;
	pthread_mutex_t lock;
};

epub_spool *
epub_spool_new(void)
{
	const char *dir = getenv("TMPDIR");
	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	char *path = xasprintf("%s/mkbook-spool-XXXXXX", dir);
	int fd = mkstemp(path);
	if (fd >= 0)
		unlink(path);
	free(path);
	if (fd < 0)
		return NULL;
	epub_spool *s = xcalloc(1, sizeof *s);
	s->fd = fd;
	pthread_mutex_init(&s->lock, NULL);
	return s;
}

void
epub_spool_free(epub_spool *s)
{
	if (s == NULL)
		return;
	close(s->fd);
	pthread_mutex_destroy(&s->lock);
	free(s);
}

/* Writes all of len bytes at offset; false on an error. */
static bool
pwrite_all(int fd, const unsigned char *p, size_t len, long long offset)
{
	while (len > 0) {
		ssize_t n = pwrite(fd, p, len, (off_t)offset);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		p += n;
		len -= (size_t)n;
		offset += n;
	}
	return true;
}

/* Reads all of len bytes at offset; false on an error or a short file. */
static bool
pread_all(int fd, unsigned char *p, size_t len, long long offset)
{
	while (len > 0) {
		ssize_t n = pread(fd, p, len, (off_t)offset);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		p += n;
		len -= (size_t)n;
		offset += n;
	}
	return true;
}

void
epub_spool_blob(epub_spool *s, epub_blob *blob)
{
	if (s == NULL || blob->data == NULL)
		return;
	pthread_mutex_lock(&s->lock);
	long long at = s->size;
	bool ok = pwrite_all(s->fd, blob->data, blob->len, at);
	if (ok)
		s->size += (long long)blob->len;
	pthread_mutex_unlock(&s->lock);
	if (!ok)
		return; /* a full disk: the stream stays in memory */
	free(blob->data);
	blob->data = NULL;
	blob->spool = s;
	blob->offset = at;
}

epub_writer *
epub_new(long long epoch)
{
	epub_writer *w = xcalloc(1, sizeof(epub_writer));
	w->epoch = epoch;
	return w;
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
	epub_spool_free(w->spool);
	free(w);
}

void
epub_set_spool(epub_writer *w, epub_spool *s)
{
	w->spool = s;
}

size_t
epub_find_bad_xml_char(const void *data, size_t len)
{
	const unsigned char *s = data;
	size_t i = 0;
	while (i < len) {
		/* Eight bytes at a time while they are all printable ASCII (no
		 * byte under 0x20, none from 0x80): most of any book. */
		while (len - i >= 8) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
			if (((w - 0x20 * ones) | w) & highs)
				break;
			i += 8;
		}
		if (i >= len)
			break;
		unsigned char c = s[i];
		if (c >= 0x20 && c < 0x80) {
			i++;
			continue;
		}
		if (c == '\t' || c == '\n' || c == '\r') {
			i++;
			continue;
		}
		unsigned long uc;
		size_t k;
		if (c >= 0xC2 && c <= 0xDF) {
			uc = c & 0x1Fu;
			k = 2;
		} else if (c >= 0xE0 && c <= 0xEF) {
			uc = c & 0x0Fu;
			k = 3;
		} else if (c >= 0xF0 && c <= 0xF4) {
			uc = c & 0x07u;
			k = 4;
		} else {
			return i + 1; /* a control character, a continuation byte, C0/C1, F5-FF */
		}
		if (len - i < k)
			return i + 1;
		for (size_t j = 1; j < k; j++) {
			if ((s[i + j] & 0xC0) != 0x80)
				return i + 1;
			uc = (uc << 6) | (s[i + j] & 0x3Fu);
		}
		/* Overlong forms, surrogates, U+FFFE/U+FFFF, beyond U+10FFFF. */
		if ((k == 3 && uc < 0x800) || (k == 4 && (uc < 0x10000 || uc > 0x10FFFF)) ||
		    (uc >= 0xD800 && uc <= 0xDFFF) || uc == 0xFFFE || uc == 0xFFFF)
			return i + 1;
		i += k;
	}
	return 0;
}

/* Whether the entry called name is text that must be UTF-8 XML
 * characters: every document of the book, and the stylesheet. */
static bool
is_text_entry(const char *name)
{
	static const char *const ext[] = {".xhtml", ".opf", ".ncx", ".xml", ".svg", ".css"};
	size_t n = strlen(name);
	for (size_t i = 0; i < sizeof ext / sizeof *ext; i++) {
		size_t e = strlen(ext[i]);
		if (n >= e && strcmp(name + n - e, ext[i]) == 0)
			return true;
	}
	return false;
}

/* Adds an entry of len bytes of data, checked when it is text (a
 * deflated entry's caller sets deflated and bad_at after). */
static void
add_entry(epub_writer *w, const char *name, void *data, size_t len, bool store, bool owned,
          bool check)
{
	w->entries = xgrow(w->entries, w->n, sizeof *w->entries);
	w->entries[w->n++] =
	    (struct entry){xstrdup(name), data,    len,  store, owned, false, 0, 0, NULL, 0,
	                   check && is_text_entry(name) ? epub_find_bad_xml_char(data, len) : 0};
}

/* One libdeflate compressor per thread, freed when the thread ends (its
 * tables are large: making one per entry would cost more than a small
 * entry's compression). */
static pthread_key_t compressor_key;
static pthread_once_t compressor_once = PTHREAD_ONCE_INIT;

static void
free_compressor(void *c)
{
	libdeflate_free_compressor(c);
}

static void
make_compressor_key(void)
{
	if (pthread_key_create(&compressor_key, free_compressor) != 0)
		abort();
}

static struct libdeflate_compressor *
thread_compressor(void)
{
	pthread_once(&compressor_once, make_compressor_key);
	struct libdeflate_compressor *c = pthread_getspecific(compressor_key);
	if (c == NULL) {
		c = libdeflate_alloc_compressor(DEFLATE_LEVEL);
		if (c == NULL || pthread_setspecific(compressor_key, c) != 0) {
			fputs("mkbook: error: out of memory (libdeflate)\n", stderr);
			abort();
		}
	}
	return c;
}

void
epub_deflate_done(void)
{
	pthread_once(&compressor_once, make_compressor_key);
	struct libdeflate_compressor *c = pthread_getspecific(compressor_key);
	if (c) {
		libdeflate_free_compressor(c);
		pthread_setspecific(compressor_key, NULL);
	}
}

void
epub_deflate(const void *data, size_t len, epub_blob *blob)
{
	struct libdeflate_compressor *c = thread_compressor();
	*blob = (epub_blob){0};
	size_t cap = libdeflate_deflate_compress_bound(c, len);
	blob->data = xmalloc(cap);
	blob->len = libdeflate_deflate_compress(c, data, len, blob->data, cap);
	if (blob->len == 0) {
		fputs("mkbook: error: libdeflate could not compress an entry\n", stderr);
		abort();
	}
	blob->size = len;
	blob->bad_at = epub_find_bad_xml_char(data, len);
	/* The bound is generous: give back what the stream did not use. */
	blob->data = xrealloc(blob->data, blob->len);
	blob->crc = libdeflate_crc32(0, data, len);
}

void
epub_inflate(const epub_blob *blob, char **out, size_t *len)
{
	struct libdeflate_decompressor *d = libdeflate_alloc_decompressor();
	if (d == NULL) {
		fputs("mkbook: error: out of memory (libdeflate)\n", stderr);
		abort();
	}
	*out = xmalloc(blob->size ? blob->size : 1);
	unsigned char *stream = blob->data;
	if (stream == NULL) {
		stream = xmalloc(blob->len ? blob->len : 1);
		if (!pread_all(blob->spool->fd, stream, blob->len, blob->offset)) {
			fprintf(stderr, "mkbook: error: cannot read back the spool: %s\n",
			        strerror(errno ? errno : EIO));
			abort();
		}
	}
	/* The stream is our own, made by epub_deflate: anything else is a bug. */
	if (libdeflate_deflate_decompress(d, stream, blob->len, *out, blob->size, NULL) !=
	    LIBDEFLATE_SUCCESS) {
		fputs("mkbook: error: libdeflate could not restore an entry\n", stderr);
		abort();
	}
	if (stream != blob->data)
		free(stream);
	libdeflate_free_decompressor(d);
	*len = blob->size;
}

void
epub_blob_free(epub_blob *blob)
{
	if (blob == NULL)
		return;
	free(blob->data);
	free(blob);
}

void
epub_add_deflated(epub_writer *w, const char *name, epub_blob *blob)
{
	add_entry(w, name, blob->data, blob->len, false, true, false);
	struct entry *e = &w->entries[w->n - 1];
	e->deflated = true;
	e->size = blob->size;
	e->crc = blob->crc;
	e->spool = blob->spool;
	e->offset = blob->offset;
	e->bad_at = is_text_entry(name) ? blob->bad_at : 0;
	blob->data = NULL;
}

/* A libzip source that hands over an entry compressed beforehand: its
 * stat says deflate with size and CRC, so libzip copies it as it is. The
 * compressed bytes are freed once libzip has read them all, so that the
 * book is not held twice while the archive is written. */
struct raw_source {
	struct entry *e;
	size_t pos;
	zip_error_t error;
};

static zip_int64_t
raw_source_cb(void *ud, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
	struct raw_source *s = ud;
	switch (cmd) {
	case ZIP_SOURCE_OPEN:
		s->pos = 0;
		return 0;
	case ZIP_SOURCE_READ: {
		size_t left = s->e->len - s->pos;
		size_t n = len < left ? (size_t)len : left;
		if (s->e->spool) {
			if (!pread_all(s->e->spool->fd, data, n, s->e->offset + (long long)s->pos)) {
				zip_error_set(&s->error, ZIP_ER_READ, errno ? errno : EIO);
				return -1;
			}
		} else {
			memcpy(data, (const unsigned char *)s->e->data + s->pos, n);
		}
		s->pos += n;
		return (zip_int64_t)n;
	}
	case ZIP_SOURCE_CLOSE:
		if (s->pos == s->e->len) {
			free(s->e->data);
			s->e->data = NULL;
		}
		return 0;
	case ZIP_SOURCE_STAT: {
		zip_stat_t *st = data;
		zip_stat_init(st);
		st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC;
		st->size = s->e->size;
		st->comp_size = s->e->len;
		st->comp_method = ZIP_CM_DEFLATE;
		st->crc = s->e->crc;
		return sizeof *st;
	}
	case ZIP_SOURCE_ERROR:
		return zip_error_to_data(&s->error, data, len);
	case ZIP_SOURCE_FREE:
		zip_error_fini(&s->error);
		free(s);
		return 0;
	case ZIP_SOURCE_SUPPORTS:
		return ZIP_SOURCE_SUPPORTS_READABLE;
	default:
		zip_error_set(&s->error, ZIP_ER_OPNOTSUPP, 0);
		return -1;
	}
}

/* An entry to compress: compressed here, with the thread's libdeflate
 * compressor, rather than by libzip with a zlib stream of its own. */
static void
add_compressed(epub_writer *w, const char *name, const void *data, size_t len)
{
	epub_blob blob;
	epub_deflate(data, len, &blob);
	epub_add_deflated(w, name, &blob);
}

void
epub_add(epub_writer *w, const char *name, void *data, size_t len, bool store)
{
	if (store) {
		add_entry(w, name, data, len, true, true, true);
	} else {
		add_compressed(w, name, data, len);
		free(data);
	}
}

void
epub_add_static(epub_writer *w, const char *name, const void *data, size_t len, bool store)
{
	if (store)
		add_entry(w, name, (void *)data, len, true, false, true);
	else
		add_compressed(w, name, data, len);
}

/* MS-DOS date and time fields for epoch (UTC), clamped to 1980-2107. */
static void
dos_time(long long epoch, zip_uint16_t *dtime, zip_uint16_t *ddate)
{
	if (epoch < 315532800LL) /* 1980-01-01 */
		epoch = 315532800LL;
	date_utc t = date_from_epoch(epoch);
	if (t.year > 2107)
		t.year = 2107;
	*ddate = (zip_uint16_t)(((t.year - 1980) << 9) | (t.month << 5) | t.day);
	*dtime = (zip_uint16_t)((t.hour << 11) | (t.min << 5) | (t.sec / 2));
}

/* Where libzip writes the archive: straight into the temporary file,
 * with write(2), so that nothing holds the whole archive in memory and a
 * full disk is seen where it happens. */
struct file_sink {
	int fd;
	zip_uint64_t pos, end; /* where the next write goes; the size so far */
	int err;               /* errno of a failed write or seek, else 0 */
	zip_error_t error;
};

static zip_int64_t
file_sink_cb(void *ud, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
	struct file_sink *s = ud;
	switch (cmd) {
	case ZIP_SOURCE_STAT:
		/* A new archive: libzip has nothing to read. */
		zip_error_set(&s->error, ZIP_ER_READ, ENOENT);
		return -1;
	case ZIP_SOURCE_BEGIN_WRITE:
	case ZIP_SOURCE_COMMIT_WRITE:
	case ZIP_SOURCE_ROLLBACK_WRITE: /* the caller removes the file */
	case ZIP_SOURCE_FREE:           /* the caller owns s */
		return 0;
	case ZIP_SOURCE_WRITE: {
		const char *p = data;
		zip_uint64_t left = len;
		while (left > 0) {
			ssize_t n = write(s->fd, p, left);
			if (n < 0 && errno == EINTR)
				continue;
			if (n < 0) {
				s->err = errno;
				zip_error_set(&s->error, ZIP_ER_WRITE, errno);
				return -1;
			}
			p += n;
			left -= (zip_uint64_t)n;
		}
		s->pos += len;
		if (s->pos > s->end)
			s->end = s->pos;
		return (zip_int64_t)len;
	}
	case ZIP_SOURCE_SEEK_WRITE: {
		zip_int64_t to = zip_source_seek_compute_offset(s->pos, s->end, data, len, &s->error);
		if (to < 0)
			return -1;
		if (lseek(s->fd, (off_t)to, SEEK_SET) < 0) {
			s->err = errno;
			zip_error_set(&s->error, ZIP_ER_SEEK, errno);
			return -1;
		}
		s->pos = (zip_uint64_t)to;
		return 0;
	}
	case ZIP_SOURCE_TELL_WRITE:
		return (zip_int64_t)s->pos;
	case ZIP_SOURCE_ERROR:
		return zip_error_to_data(&s->error, data, len);
	case ZIP_SOURCE_SUPPORTS:
		return ZIP_SOURCE_SUPPORTS_WRITABLE;
	default:
		zip_error_set(&s->error, ZIP_ER_OPNOTSUPP, 0);
		return -1;
	}
}

/* Writes the archive into fd, entries in the order added, each stamped
 * with the DOS time of w's epoch (UTC), and sets *len to its size. The
 * compressed entries' data is freed as it is written. Returns 0, or -1
 * after reporting an error (naming path when writing failed). */
static int
write_archive(epub_writer *w, int fd, const char *path, size_t *len)
{
	struct file_sink sink = {.fd = fd};
	zip_error_init(&sink.error);
	zip_error_t ze;
	zip_error_init(&ze);
	int rc = -1;
	zip_source_t *zsrc = zip_source_function_create(file_sink_cb, &sink, &ze);
	zip_t *za = zsrc ? zip_open_from_source(zsrc, ZIP_CREATE | ZIP_TRUNCATE, &ze) : NULL;
	if (za == NULL) {
		diag_error(NULL, 0, 0, "cannot create the EPUB archive: %s", zip_error_strerror(&ze));
		if (zsrc)
			zip_source_free(zsrc);
		goto out;
	}
	zip_uint16_t dt, dd;
	dos_time(w->epoch, &dt, &dd);
	for (size_t i = 0; i < w->n; i++) {
		struct entry *e = &w->entries[i];
		zip_source_t *s;
		if (e->deflated) {
			struct raw_source *rs = xcalloc(1, sizeof *rs);
			rs->e = e;
			zip_error_init(&rs->error);
			s = zip_source_function(za, raw_source_cb, rs);
			if (s == NULL)
				free(rs);
		} else {
			s = zip_source_buffer(za, e->data, e->len, 0);
		}
		zip_int64_t idx = s ? zip_file_add(za, e->name, s, ZIP_FL_ENC_UTF_8) : -1;
		if (idx < 0) {
			if (s)
				zip_source_free(s);
			diag_error(NULL, 0, 0, "cannot add %s to the EPUB: %s", e->name,
			           zip_strerror(za));
			zip_discard(za);
			goto out;
		}
		zip_set_file_compression(za, (zip_uint64_t)idx, e->store ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
		                         e->store ? 0 : DEFLATE_LEVEL);
		zip_file_set_dostime(za, (zip_uint64_t)idx, dt, dd, 0);
	}
	if (zip_close(za) != 0) {
		if (sink.err != 0)
			diag_error(path, 0, 0, "cannot write: %s", strerror(sink.err));
		else
			diag_error(NULL, 0, 0, "cannot write the EPUB archive: %s", zip_strerror(za));
		zip_discard(za);
		goto out;
	}
	*len = (size_t)sink.end;
	rc = 0;
out:
	zip_error_fini(&ze);
	zip_error_fini(&sink.error);
	return rc;
}

/* The temporary file being written, removed if a signal ends mkbook
 * first (SIGINT, SIGTERM, SIGHUP, SIGQUIT): a copy of its name in static
 * storage, since the handler may only make async-signal-safe calls. */
static char temp_path[PATH_MAX];
static volatile sig_atomic_t temp_path_set;
static const int temp_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
static struct sigaction temp_old_actions[sizeof temp_signals / sizeof *temp_signals];

static void
remove_temp_on_signal(int sig)
{
	if (temp_path_set)
		unlink(temp_path);
	/* Then end as the signal would have: the default action, raised again. */
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Starts guarding the temporary file path (NULL: stops, and puts back the
 * handlers there were before). */
static void
temp_file_guard(const char *path)
{
	size_t n = sizeof temp_signals / sizeof *temp_signals;
	if (path != NULL && strlen(path) < sizeof temp_path) {
		memcpy(temp_path, path, strlen(path) + 1);
		temp_path_set = 1;
		struct sigaction sa = {0};
		sa.sa_handler = remove_temp_on_signal;
		sigemptyset(&sa.sa_mask);
		for (size_t i = 0; i < n; i++) {
			sigaction(temp_signals[i], &sa, &temp_old_actions[i]);
			if (temp_old_actions[i].sa_handler == SIG_IGN) /* nohup: keep it so */
				sigaction(temp_signals[i], &temp_old_actions[i], NULL);
		}
	} else if (path == NULL && temp_path_set) {
		for (size_t i = 0; i < n; i++)
			sigaction(temp_signals[i], &temp_old_actions[i], NULL);
		temp_path_set = 0;
	}
}

int
epub_write(epub_writer *w, const char *path, size_t *len)
{
	*len = 0;
	/* The last guard of the whole pipeline: whatever route a character
	 * took, a book that an XML parser would refuse is not written. */
	for (size_t i = 0; i < w->n; i++)
		if (w->entries[i].bad_at) {
			diag_error(NULL, 0, 0,
			           "%s would hold bytes that are not UTF-8 characters XML allows "
			           "(at byte %zu); this is a bug in mkbook: please report it with "
			           "the manuscript",
			           w->entries[i].name, w->entries[i].bad_at - 1);
			return -1;
		}
	struct stat st;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		size_t n = strlen(path);
		while (n > 1 && path[n - 1] == '/')
			n--;
		diag_error(path, 0, 0, "is a folder; give a file name for the EPUB, e.g. -o %.*s/book.epub",
		           (int)n, path);
		return -1;
	}
	/* A symbolic link is kept: the file it leads to is replaced. One that
	 * leads nowhere would be replaced by the book itself, silently. */
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
		char *target = realpath(path, NULL);
		if (target == NULL) {
			diag_error(path, 0, 0, "is a symbolic link that leads to no file; give the name "
			           "of the file for the EPUB");
			return -1;
		}
		int trc = epub_write(w, target, len);
		free(target);
		return trc;
	}
	/* rename() would put the book in place of a device or pipe (as root,
	 * -o /dev/null would replace /dev/null). */
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		diag_error(path, 0, 0, "is not a regular file (a device, pipe or socket); give the "
		           "name of a file for the EPUB");
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
	/* ".NAME.XXXXXX" beside the book, or ".mkbook.XXXXXX" where NAME is
	 * so long that the temporary name would pass the 255-byte limit of a
	 * file name that NAME itself keeps. */
	const char *base = path_basename(path);
	char *tmp = strlen(base) + 8 <= 255 ? xasprintf("%s/.%s.XXXXXX", dir, base)
	                                    : xasprintf("%s/.mkbook.XXXXXX", dir);
	free(dir);
	int rc = -1;
	int fd = mkstemp(tmp);
	if (fd < 0) {
		diag_error(path, 0, 0, "cannot write: %s", strerror(errno));
		free(tmp);
		return -1;
	}
	temp_file_guard(tmp);
	if (write_archive(w, fd, path, len) != 0)
		goto fail;
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
	*len = 0;
out:
	temp_file_guard(NULL);
	free(tmp);
	return rc;
}
