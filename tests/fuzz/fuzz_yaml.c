/* fuzz_yaml.c - front matter and book.yaml.
 * fuzz-dict: yaml.dict
 *
 * The first byte chooses (modulo 3):
 *   0  source_parse of a chapter file (checks, line ends, front matter
 *      split off and parsed by yamldoc_parse);
 *   1  yamldoc_parse of the bytes as book.yaml, and yamldoc_node_get on it;
 *   2  the bytes written as book.yaml into a scratch manuscript (with one
 *      chapter, a.md, a folder "qa" of one comment and "related" of one
 *      post) and manuscript_load on it: every key of book.yaml is read. */
#include <stdlib.h>
#include <string.h>

#include "book.h"
#include "diag.h"
#include "fuzz.h"
#include "manuscript.h"
#include "source.h"
#include "yamldoc.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup();
	return 0;
}

static const char chapter_md[] = "---\ntitle: A\n---\n# A\n\nText.\n";
static const char comment_md[] = "---\nauthor: R\ndate: 2024-01-02\nstatus: approved\n---\nHi?\n";
static const char related_md[] = "---\ntitle: P\nurl: https://example.org/p\n---\n";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	diag_reset();
	unsigned mode = data[0] % 3;
	const char *text = (const char *)data + 1;
	size_t len = size - 1;
	if (mode == 0) {
		source_file sf;
		if (source_parse("fuzz.md", text, len, &sf) == 0)
			source_free(&sf);
	} else if (mode == 1) {
		ynode *root = yamldoc_parse("book.yaml", text, len, 0);
		if (root) {
			(void)yamldoc_node_get(root, "contents");
			(void)yamldoc_node_is_null(root);
		}
		yamldoc_node_free(root);
	} else {
		const char *dir = fuzz_scratch();
		if (fuzz_write(dir, "book.yaml", text, len) != 0 ||
		    fuzz_write(dir, "a.md", chapter_md, sizeof chapter_md - 1) != 0 ||
		    fuzz_write(dir, "qa/1.md", comment_md, sizeof comment_md - 1) != 0 ||
		    fuzz_write(dir, "related/1.md", related_md, sizeof related_md - 1) != 0)
			abort();
		book_free(manuscript_load(dir));
	}
	return 0;
}
