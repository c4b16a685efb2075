/* enospc.c - an LD_PRELOAD shim that makes a disk look full, for the
 * atomic-output tests of tests/run-bad.sh.
 *
 *   cc -shared -fPIC -o enospc.so tests/faults/enospc.c -ldl
 *   ENOSPC_MATCH=/.book.epub. ENOSPC_AFTER=1000 LD_PRELOAD=./enospc.so mkbook ...
 *
 * Only files whose path (as /proc/self/fd shows it) contains ENOSPC_MATCH
 * are touched. ENOSPC_OP chooses what fails, with errno ENOSPC:
 *   write  (default) write() once ENOSPC_AFTER bytes (default 0) have been
 *          written to such files: the write that crosses the limit is short,
 *          every later one fails;
 *   fsync  fsync() and fdatasync();
 *   close  close(), after really closing the descriptor (as NFS reports a
 *          full disk);
 *   signal not a full disk: the write that crosses ENOSPC_AFTER bytes
 *          raises signal ENOSPC_SIGNAL (a number) first, as if the user
 *          pressed Ctrl-C while the book was being written.
 * Without ENOSPC_MATCH the shim changes nothing. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static size_t written; /* bytes written to matching files so far */

static int
matches(int fd)
{
	const char *match = getenv("ENOSPC_MATCH");
	if (match == NULL || *match == '\0' || fd < 0)
		return 0;
	char link[64], path[4096];
	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	ssize_t n = readlink(link, path, sizeof path - 1);
	if (n < 0)
		return 0;
	path[n] = '\0';
	return strstr(path, match) != NULL;
}

static int
op_is(const char *op)
{
	const char *want = getenv("ENOSPC_OP");
	return strcmp(want && *want ? want : "write", op) == 0;
}

ssize_t
write(int fd, const void *buf, size_t count)
{
	static ssize_t (*real_write)(int, const void *, size_t);
	if (real_write == NULL)
		real_write = (ssize_t(*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
	if (op_is("signal") && matches(fd)) {
		const char *after = getenv("ENOSPC_AFTER"), *sig = getenv("ENOSPC_SIGNAL");
		size_t limit = after ? strtoul(after, NULL, 10) : 0;
		if (written + count > limit && sig)
			raise(atoi(sig));
		ssize_t n = real_write(fd, buf, count);
		if (n > 0)
			written += (size_t)n;
		return n;
	}
	if (op_is("write") && matches(fd)) {
		const char *after = getenv("ENOSPC_AFTER");
		size_t limit = after ? strtoul(after, NULL, 10) : 0;
		if (written >= limit) {
			errno = ENOSPC;
			return -1;
		}
		if (count > limit - written)
			count = limit - written;
		ssize_t n = real_write(fd, buf, count);
		if (n > 0)
			written += (size_t)n;
		return n;
	}
	return real_write(fd, buf, count);
}

int
fsync(int fd)
{
	static int (*real_fsync)(int);
	if (real_fsync == NULL)
		real_fsync = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
	if (op_is("fsync") && matches(fd)) {
		errno = ENOSPC;
		return -1;
	}
	return real_fsync(fd);
}

int
fdatasync(int fd)
{
	static int (*real_fdatasync)(int);
	if (real_fdatasync == NULL)
		real_fdatasync = (int (*)(int))dlsym(RTLD_NEXT, "fdatasync");
	if (op_is("fsync") && matches(fd)) {
		errno = ENOSPC;
		return -1;
	}
	return real_fdatasync(fd);
}

int
close(int fd)
{
	static int (*real_close)(int);
	if (real_close == NULL)
		real_close = (int (*)(int))dlsym(RTLD_NEXT, "close");
	if (op_is("close") && matches(fd)) {
		real_close(fd);
		errno = ENOSPC;
		return -1;
	}
	return real_close(fd);
}
