/* parallel.h - independent work items spread over the machine's cores.
 * The order in which items finish never shows in the output: callers give
 * each item its own result slot and combine them in order afterwards. */
#ifndef MKBOOK_PARALLEL_H
#define MKBOOK_PARALLEL_H

#include <stddef.h>

/* Runs fn(i, arg) once for every i in [0, n) on up to jobs threads (1: in
 * the calling thread) and returns when all are done. */
void parallel_for(size_t n, int jobs, void (*fn)(size_t i, void *arg), void *arg);
/* The number of online processors (at least 1, at most 64). */
int parallel_default_jobs(void);

#endif
