/* fetch.c - mkbook import --fetch: downloads an image the export or the
 * saved page does not hold, with libcurl. Only http and https, no change
 * of scheme on a redirect, limits on size, time, redirects and the number
 * of downloads; the bytes must be a whole PNG, JPEG, GIF or SVG image.
 *
 * libcurl is opened (dlopen) the first time --fetch needs it, not linked:
 * it brings some thirty libraries (TLS, Kerberos, LDAP...) whose loading
 * every other run of mkbook would pay for, at start-up and in memory. */
#include "import/images.h"

#include <curl/curl.h>
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include "book.h"
#include "diag.h"
#include "import/output.h"
#include "media.h"
#include "slug.h"
#include "url.h"
#include "util.h"

#define FETCH_MAX_BYTES MKBOOK_MAX_IMAGE_BYTES
#define FETCH_TIMEOUT_SECONDS 30L
#define FETCH_CONNECT_SECONDS 10L
#define FETCH_MAX_REDIRECTS 5L
#define FETCH_MAX_DOWNLOADS 1000

/* One body being received. */
struct sink {
	strbuf data;
	bool too_big;
};

static size_t
on_data(char *ptr, size_t size, size_t nmemb, void *arg)
{
	struct sink *s = arg;
	size_t n = size * nmemb;
	/* The Content-Length header can lie or be absent: count here too. */
	if (s->data.len + n > FETCH_MAX_BYTES) {
		s->too_big = true;
		return 0; /* aborts the transfer */
	}
	strbuf_append(&s->data, ptr, n);
	return n;
}

/* The file name a download gets: a slug of the address's last part and
 * a hash of the whole address (two addresses with the same last part do
 * not meet), with the extension of its type. Caller frees. */
static char *
fetch_name(const char *url, const char *type)
{
	size_t n = strcspn(url, "?#");
	char *path = xstrndup(url, n);
	char *dec = slug_percent_decode(path_basename(path));
	char *dot = strrchr(dec, '.');
	if (dot && dot != dec)
		*dot = '\0';
	char *stem = output_slug(dec, 48);
	char *name = xasprintf("%s-%08x.%s", *stem ? stem : "image",
	                       (unsigned)(strmap_hash(url, strlen(url)) & 0xffffffffu),
	                       media_extension(type));
	free(stem);
	free(dec);
	free(path);
	return name;
}

/* The part of libcurl's API that import_fetch_image uses, from the library
 * opened at run time. */
static struct {
	CURLcode (*global_init)(long flags);
	CURL *(*easy_init)(void);
	CURLcode (*easy_setopt)(CURL *h, CURLoption option, ...);
	CURLcode (*easy_perform)(CURL *h);
	void (*easy_cleanup)(CURL *h);
	const char *(*easy_strerror)(CURLcode code);
} curl;

/* Sets *fn (a function pointer) to the symbol name of lib; false when
 * lib lacks it. */
static bool
find_symbol(void *lib, const char *name, void *fn)
{
	void *sym = dlsym(lib, name);
	if (sym == NULL)
		return false;
	memcpy(fn, &sym, sizeof sym); /* object pointer to function pointer */
	return true;
}

/* Opens libcurl and fills curl. Returns NULL, or why it cannot be had. */
static const char *
open_libcurl(void)
{
	static const char *const names[] = {"libcurl.so.4", "libcurl-gnutls.so.4",
	                                    "libcurl-nss.so.4", "libcurl.so"};
	void *lib = NULL;
	for (size_t i = 0; lib == NULL && i < sizeof names / sizeof *names; i++)
		lib = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
	if (lib == NULL)
		return "libcurl is not installed (Debian: apt-get install libcurl4)";
	if (!find_symbol(lib, "curl_global_init", &curl.global_init) ||
	    !find_symbol(lib, "curl_easy_init", &curl.easy_init) ||
	    !find_symbol(lib, "curl_easy_setopt", &curl.easy_setopt) ||
	    !find_symbol(lib, "curl_easy_perform", &curl.easy_perform) ||
	    !find_symbol(lib, "curl_easy_cleanup", &curl.easy_cleanup) ||
	    !find_symbol(lib, "curl_easy_strerror", &curl.easy_strerror))
		return "the libcurl found lacks functions mkbook needs";
	/* The library stays open for the rest of the run. */
	return NULL;
}

char *
import_fetch_image(const char *url, const char *out_dir, const char *file)
{
	static bool curl_ready = false, curl_failed = false;
	static int downloads = 0;
	bool https = url_scheme_is(url, "https");
	if (!https && !url_scheme_is(url, "http")) {
		diag_warning(file, 0, 0, "image '%.200s': only http and https addresses are fetched",
		             url);
		return NULL;
	}
	if (downloads >= FETCH_MAX_DOWNLOADS) {
		diag_warning(file, 0, 0, "image '%.200s' not fetched: no more than %d downloads "
		                         "per import; its description stands in for it",
		             url, FETCH_MAX_DOWNLOADS);
		return NULL;
	}
	if (curl_failed)
		return NULL; /* said once */
	if (!curl_ready) {
		/* Once, before any thread: the import runs in one. */
		const char *why = open_libcurl();
		if (why == NULL && curl.global_init(CURL_GLOBAL_DEFAULT) != 0)
			why = "libcurl cannot start";
		if (why) {
			diag_warning(file, 0, 0, "--fetch: %s; no image is fetched", why);
			curl_failed = true;
			return NULL;
		}
		curl_ready = true;
	}
	downloads++;
	char *result = NULL, *name = NULL, *rel = NULL;
	struct sink s = {0};
	char errbuf[CURL_ERROR_SIZE] = "";
	CURL *h = curl.easy_init();
	if (h == NULL) {
		diag_warning(file, 0, 0, "image '%.200s': cannot start a download", url);
		goto out;
	}
	curl.easy_setopt(h, CURLOPT_URL, url);
	curl.easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
	/* A redirect keeps the scheme: no https page sends us to http. */
	curl.easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, https ? "https" : "http");
	curl.easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
	curl.easy_setopt(h, CURLOPT_MAXREDIRS, FETCH_MAX_REDIRECTS);
	curl.easy_setopt(h, CURLOPT_TIMEOUT, FETCH_TIMEOUT_SECONDS);
	curl.easy_setopt(h, CURLOPT_CONNECTTIMEOUT, FETCH_CONNECT_SECONDS);
	curl.easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)FETCH_MAX_BYTES);
	curl.easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl.easy_setopt(h, CURLOPT_FAILONERROR, 1L);
	curl.easy_setopt(h, CURLOPT_USERAGENT, "mkbook-import/" MKBOOK_VERSION);
	curl.easy_setopt(h, CURLOPT_WRITEFUNCTION, on_data);
	curl.easy_setopt(h, CURLOPT_WRITEDATA, &s);
	curl.easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
	CURLcode rc = curl.easy_perform(h);
	if (rc != CURLE_OK) {
		const char *why = s.too_big || rc == CURLE_FILESIZE_EXCEEDED
		                      ? "larger than 64 MiB"
		                  : *errbuf ? errbuf
		                            : curl.easy_strerror(rc);
		diag_warning(file, 0, 0, "image '%.200s' could not be fetched: %s; its description "
		                         "stands in for it",
		             url, why);
		goto out;
	}
	const char *type = media_sniff((const unsigned char *)s.data.data, s.data.len);
	const char *broken =
	    type ? media_structure_problem(type, (const unsigned char *)s.data.data, s.data.len)
	         : NULL;
	if (broken) {
		diag_warning(file, 0, 0, "image '%.200s' was fetched but is not a whole image: %s; its "
		                         "description stands in for it",
		             url, broken);
		goto out;
	}
	if (!media_is_core_image(type)) {
		diag_warning(file, 0, 0, "image '%.200s' was fetched but is %s; its description "
		                         "stands in for it",
		             url,
		             type ? "a WebP image, which e-book readers need not show"
		                  : "not a PNG, JPEG, GIF or SVG image");
		goto out;
	}
	name = fetch_name(url, type);
	rel = path_join("images", name);
	if (output_mkdir(out_dir, "images") == 0 &&
	    output_write(out_dir, rel, s.data.data, s.data.len) == 0)
		result = path_join(out_dir, rel);
out:
	free(rel);
	free(name);
	strbuf_free(&s.data);
	if (h)
		curl.easy_cleanup(h);
	return result;
}
