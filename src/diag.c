/* diag.c - counted diagnostics in the form compilers use. */
#include "diag.h"

#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

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
	strbuf_free(buf);
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

/* Whether a message must not show the character uc as it is: bidi
 * controls (which reorder the rest of the line on a terminal or in an
 * editor), line and paragraph separators and the C1 controls. */
static bool
is_hidden_control(ucs4_t uc)
{
	return (uc >= 0x80 && uc <= 0x9f) || uc == 0x061c || uc == 0x200e || uc == 0x200f ||
	       (uc >= 0x2028 && uc <= 0x202e) || (uc >= 0x2066 && uc <= 0x2069);
}

void
diag_escape(strbuf *sb, const char *s)
{
	size_t n = strlen(s);
	while (n > 0) {
		unsigned char c = (unsigned char)*s;
		if (c < 0x20 || c == 0x7f) {
			if (c == '\n')
				strbuf_puts(sb, "\\n");
			else if (c == '\t')
				strbuf_puts(sb, "\\t");
			else if (c == '\r')
				strbuf_puts(sb, "\\r");
			else
				strbuf_printf(sb, "\\x%02x", c);
			s++, n--;
			continue;
		}
		if (c < 0x80) {
			strbuf_putc(sb, (char)c);
			s++, n--;
			continue;
		}
		ucs4_t uc;
		int len = u8_mbtoucr(&uc, (const uint8_t *)s, n);
		if (len < 0) {
			strbuf_printf(sb, "\\x%02x", c);
			s++, n--;
		} else if (is_hidden_control(uc)) {
			strbuf_printf(sb, "\\u%04X", (unsigned)uc);
			s += len, n -= (size_t)len;
		} else {
			strbuf_append(sb, s, (size_t)len);
			s += len, n -= (size_t)len;
		}
	}
}

void
diag_usage(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	strbuf sb = {0};
	strbuf_puts(&sb, "mkbook: ");
	diag_escape(&sb, msg);
	strbuf_putc(&sb, '\n');
	fwrite(sb.data, 1, sb.len, stderr);
	strbuf_free(&sb);
	free(msg);
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
	if (file != NULL && *file) {
		if (color)
			strbuf_puts(&sb, "\033[1m");
		diag_escape(&sb, file);
		if (line > 0) {
			strbuf_printf(&sb, ":%d", line);
			if (col > 0)
				strbuf_printf(&sb, ":%d", col);
		}
		strbuf_puts(&sb, color ? ":\033[0m " : ": ");
	} else {
		strbuf_puts(&sb, "mkbook: ");
	}
	if (color)
		strbuf_printf(&sb, "%s%s:\033[0m ", colors[level], names[level]);
	else
		strbuf_printf(&sb, "%s: ", names[level]);
	va_list ap;
	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	diag_escape(&sb, msg);
	free(msg);
	strbuf_putc(&sb, '\n');
	if (capture) {
		strbuf_append(capture, sb.data, sb.len);
	} else {
		if (hook)
			hook();
		fwrite(sb.data, 1, sb.len, stderr);
	}
	strbuf_free(&sb);
}
