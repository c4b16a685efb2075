/* replay.c - a main for the fuzz targets without libFuzzer: feeds each
 * file named on the command line (each file of a folder, in name order)
 * to LLVMFuzzerTestOneInput once. Prints each name before it runs it, so
 * that a crash names its input. Exits 0 when every file was read. */
#define _GNU_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static int
run_file(const char *path, bool verbose)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL) {
		perror(path);
		return -1;
	}
	size_t cap = 4096, n = 0;
	uint8_t *buf = malloc(cap);
	size_t r;
	while (buf && (r = fread(buf + n, 1, cap - n, f)) > 0) {
		n += r;
		if (n == cap)
			buf = realloc(buf, cap *= 2);
	}
	fclose(f);
	if (buf == NULL)
		abort();
	if (verbose)
		printf("%s\n", path);
	fflush(stdout);
	/* An exact-size copy, so that reading past the input is caught. */
	uint8_t *exact = malloc(n ? n : 1);
	memcpy(exact, buf, n);
	free(buf);
	LLVMFuzzerTestOneInput(exact, n);
	free(exact);
	return 0;
}

static int
by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

int
main(int argc, char **argv)
{
	bool verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
	int first = verbose ? 2 : 1;
	int status = 0, count = 0;
	LLVMFuzzerInitialize(&argc, &argv);
	for (int i = first; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			struct dirent **names;
			int n = scandir(argv[i], &names, NULL, by_name);
			if (n < 0) {
				perror(argv[i]);
				status = 1;
				continue;
			}
			for (int k = 0; k < n; k++) {
				if (names[k]->d_name[0] != '.') {
					char *p;
					if (asprintf(&p, "%s/%s", argv[i], names[k]->d_name) < 0)
						abort();
					if (run_file(p, verbose) != 0)
						status = 1;
					else
						count++;
					free(p);
				}
				free(names[k]);
			}
			free(names);
		} else if (run_file(argv[i], verbose) != 0) {
			status = 1;
		} else {
			count++;
		}
	}
	printf("%d inputs\n", count);
	return status;
}
