/* parallel.c - a minimal pthread work queue: an atomic counter of items. */
#include "parallel.h"

#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

struct work {
	size_t n;
	atomic_size_t next;
	void (*fn)(size_t i, void *arg);
	void *arg;
};

static void *
worker(void *p)
{
	struct work *w = p;
	for (;;) {
		size_t i = atomic_fetch_add(&w->next, 1);
		if (i >= w->n)
			break;
		w->fn(i, w->arg);
	}
	return NULL;
}

int
parallel_default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

void
parallel_for(size_t n, int jobs, void (*fn)(size_t i, void *arg), void *arg)
{
	struct work w = {.n = n, .fn = fn, .arg = arg};
	atomic_init(&w.next, 0);
	if (jobs > 64)
		jobs = 64;
	if ((size_t)jobs > n)
		jobs = (int)n;
	pthread_t threads[64];
	int started = 0;
	for (int t = 1; t < jobs; t++) {
		if (pthread_create(&threads[started], NULL, worker, &w) != 0)
			break; /* fewer threads; the caller's thread does the rest */
		started++;
	}
	worker(&w);
	for (int t = 0; t < started; t++)
		pthread_join(threads[t], NULL);
}
