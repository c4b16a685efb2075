/* init.h - mkbook init: a small starter manuscript that builds at once. */
#ifndef MKBOOK_INIT_H
#define MKBOOK_INIT_H

#include <stddef.h>

/* One file of the starter manuscript: its path relative to the manuscript
 * folder and its text, in which every "@DATE@" stands for the day the
 * manuscript is made. */
typedef struct init_file {
	const char *path;
	const char *text;
} init_file;

/* The starter's files, in the order they are written; *n receives their
 * count. Static storage. */
const init_file *init_files(size_t *n);

/* Writes the starter manuscript into dir, creating dir (and its parents)
 * when missing. date is "CCYY-MM-DD". Refuses, writing nothing, when any of
 * its files already exists. Every problem is reported through diag.
 * Returns 0, or -1. */
int init_manuscript(const char *dir, const char *date);

#endif
