/* diag.c - counted diagnostics in the form compilers use. */
#include "diag.h"

#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

static bool strict;
static bool color;
static bool quiet;
static bool notes = true;
static atomic_int errors;
static atomic_int warnings;
static _Thread_local strbuf *capture;
static void (*hook)(void);

void
diag_set_hook(void (*fn)(void))
{
	hook = fn;
}

void
diag_capture(strbuf *buf)
{
	capture = buf;
}

void
diag_flush(strbuf *buf)
{
	if (buf->len) {
		if (hook)
			hook();
		fwrite(buf->data, 1, buf->len, stderr);
	}
	sb_free(buf);
}

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
	atomic_store(&errors, 0);
	atomic_store(&warnings, 0);
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
	strbuf sb = {0};
	sb_puts(&sb, "mkbook: ");
	if (file != NULL && *file) {
		if (color)
			sb_puts(&sb, "\033[1m");
		sb_puts(&sb, file);
		if (line > 0) {
			sb_printf(&sb, ":%d", line);
			if (col > 0)
				sb_printf(&sb, ":%d", col);
		}
		sb_puts(&sb, color ? ":\033[0m " : ": ");
	}
	if (color)
		sb_printf(&sb, "%s%s:\033[0m ", colors[level], names[level]);
	else
		sb_printf(&sb, "%s: ", names[level]);
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	sb_puts(&sb, msg);
	free(msg);
	sb_putc(&sb, '\n');
	if (capture) {
		sb_append(capture, sb.data, sb.len);
	} else {
		if (hook)
			hook();
		fwrite(sb.data, 1, sb.len, stderr);
	}
	sb_free(&sb);
}
