/* page.c - what the build makes of one chapter (see page.h). */
#include "page.h"

#include <stdlib.h>

#include "epub.h"
#include "slug.h"

static void
add_folded(const char *id, void *arg)
{
	strmap *m = arg;
	char *f = slug_fold(id);
	if (strmap_get(m, f) == NULL)
		strmap_put(m, f, xstrdup(id));
	free(f);
}

const char *
page_find_id(page *p, const char *fragment)
{
	if (p->ids == NULL)
		return NULL;
	if (strset_has(p->ids, fragment))
		return fragment; /* the common case: written as it is */
	if (p->id_folded == NULL) {
		p->id_folded = strmap_new();
		strset_each(p->ids, add_folded, p->id_folded);
	}
	char *dec = slug_percent_decode(fragment);
	char *f = slug_fold(dec);
	const char *id = strmap_get(p->id_folded, f);
	if (id == NULL) {
		/* "#Everyday Use" written as the heading text. */
		char *s = slug_github(dec);
		char *fs = slug_fold(s);
		id = strmap_get(p->id_folded, fs);
		free(s);
		free(fs);
	}
	free(f);
	free(dec);
	return id;
}

void
page_compact(page *p)
{
	if (p->ids)
		strset_freeze(p->ids);
}

void
page_clear(page *p)
{
	if (p->doc)
		xmlFreeDoc(p->doc);
	strset_free(p->ids);
	strmap_free_values(p->id_folded);
	xref_free(&p->xrefs);
	free(p->xhtml);
	epub_blob_free(p->packed);
	*p = (page){0};
}
