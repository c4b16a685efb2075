/* diag.c - counted diagnostics in the form compilers use. */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>

static bool strict;
static bool color;
static bool quiet;
static bool notes = true;
static int errors;
static int warnings;

void
diag_set_strict(bool on)
{
	strict = on;
}

void
diag_set_color(bool on)
{
	color = on;
}

void
diag_set_notes(bool on)
{
	notes = on;
}

void
diag_set_quiet(bool on)
{
	quiet = on;
}

int
diag_error_count(void)
{
	return errors;
}

int
diag_warning_count(void)
{
	return warnings;
}

void
diag_reset(void)
{
	errors = warnings = 0;
}

void
diag_report(enum diag_level level, const char *file, int line, int col, const char *fmt, ...)
{
	if (level == DIAG_WARNING && strict)
		level = DIAG_ERROR;
	if (level == DIAG_ERROR)
		errors++;
	else if (level == DIAG_WARNING)
		warnings++;
	if ((quiet && level != DIAG_ERROR) || (!notes && level == DIAG_NOTE))
		return;

	static const char *const names[] = {"note", "warning", "error"};
	static const char *const colors[] = {"\033[1;36m", "\033[1;35m", "\033[1;31m"};
	fputs("mkbook: ", stderr);
	if (file != NULL && *file) {
		if (color)
			fputs("\033[1m", stderr);
		fputs(file, stderr);
		if (line > 0) {
			fprintf(stderr, ":%d", line);
			if (col > 0)
				fprintf(stderr, ":%d", col);
		}
		fputs(color ? ":\033[0m " : ": ", stderr);
	}
	if (color)
		fprintf(stderr, "%s%s:\033[0m ", colors[level], names[level]);
	else
		fprintf(stderr, "%s: ", names[level]);
	va_list ap;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}
