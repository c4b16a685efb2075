/* common.c - set-up, a scratch manuscript folder and input splitting
 * for the fuzz targets. */
#define _GNU_SOURCE
#include "fuzz.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "markdown.h"

static char scratch[256];

static int
remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	if (ftw->level > 0)
		remove(path);
	return 0;
}

static void
remove_scratch(void)
{
	if (scratch[0]) {
		nftw(scratch, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
		rmdir(scratch);
	}
}

void
fuzz_setup(void)
{
	static bool done;
	if (done)
		return;
	done = true;
	markdown_init();
	diag_set_quiet(true);
	if (getenv("FUZZ_VERBOSE") == NULL) {
		FILE *null = fopen("/dev/null", "w");
		if (null)
			stderr = null;
	}
}

const char *
fuzz_scratch(void)
{
	if (scratch[0] == '\0') {
		const char *tmp = getenv("TMPDIR");
		if (tmp == NULL || *tmp == '\0')
			tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
		snprintf(scratch, sizeof scratch, "%s/mkbook-fuzz.XXXXXX", tmp);
		if (mkdtemp(scratch) == NULL) {
			perror("mkdtemp");
			abort();
		}
		atexit(remove_scratch);
	} else {
		nftw(scratch, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	}
	return scratch;
}

int
fuzz_write(const char *dir, const char *rel, const void *data, size_t len)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", dir, rel);
	for (char *p = path + strlen(dir) + 1; (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (mkdir(path, 0700) != 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0)
		return -1;
	const char *d = data;
	while (len > 0) {
		ssize_t w = write(fd, d, len);
		if (w <= 0) {
			close(fd);
			return -1;
		}
		d += w;
		len -= (size_t)w;
	}
	return close(fd);
}

size_t
fuzz_split(const uint8_t *data, size_t size, const uint8_t **part, size_t *len, size_t max)
{
	size_t n = 0, seplen = strlen(FUZZ_SEP);
	const uint8_t *p = data, *end = data + size;
	while (n + 1 < max) {
		const uint8_t *s = memmem(p, (size_t)(end - p), FUZZ_SEP, seplen);
		if (s == NULL)
			break;
		part[n] = p;
		len[n++] = (size_t)(s - p);
		p = s + seplen;
	}
	part[n] = p;
	len[n++] = (size_t)(end - p);
	return n;
}
