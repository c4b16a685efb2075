/* fuzz_svg.c - images as mkbook reads them: media_sniff on the bytes and,
 * for SVG, media_clean_svg (libxml2's XML parser without DTD loading or
 * network, then scripts, event handlers and outside references removed).
 * fuzz-dict: html.dict
 *
 * The whole input is the image file. A cleaned SVG must pass
 * fuzz_check_svg: well-formed, no DOCTYPE, nothing active, nothing that
 * loads from outside. */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "fuzz.h"
#include "media.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	diag_reset();
	const char *type = media_sniff(data, size);
	if (type) {
		(void)media_is_core_image(type);
		(void)media_extension(type);
	}
	unsigned char *out = NULL;
	size_t outlen = 0;
	const char *why = NULL;
	if (media_clean_svg(data, size, &out, &outlen, &why) == 0)
		fuzz_check_svg((const char *)out, outlen);
	free(out);
	return 0;
}
