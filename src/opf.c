/* opf.c - package.opf built as a libxml2 tree. */
#include "opf.h"

#include <string.h>

#include "pages.h"
#include "lang.h"
#include "util.h"

#define OPF_NS "http://www.idpf.org/2007/opf"
#define DC_NS "http://purl.org/dc/elements/1.1/"

static xmlNodePtr
add_dc(xmlNodePtr md, xmlNsPtr dc, const char *name, const char *text, const char *id)
{
	xmlNodePtr n = xmlNewTextChild(md, dc, BAD_CAST name, BAD_CAST text);
	if (id)
		xmlSetProp(n, BAD_CAST "id", BAD_CAST id);
	return n;
}

static xmlNodePtr
add_meta(xmlNodePtr md, const char *property, const char *text, const char *refines)
{
	xmlNodePtr n = xmlNewTextChild(md, md->ns, BAD_CAST "meta", BAD_CAST text);
	if (refines)
		xmlSetProp(n, BAD_CAST "refines", BAD_CAST refines);
	xmlSetProp(n, BAD_CAST "property", BAD_CAST property);
	return n;
}

/* Whether e has a style attribute of the author's, which may set colours
 * and sizes; cmark-gfm's own table alignment ("text-align: center") sets
 * neither. */
static bool
has_own_style(xmlNodePtr e)
{
	xmlChar *v = xmlGetProp(e, BAD_CAST "style");
	if (v == NULL)
		return false;
	const char *p = (const char *)v;
	bool own = true;
	if (!strncmp(p, "text-align:", 11)) {
		p += 11 + strspn(p + 11, " ");
		size_t k = strcspn(p, "; ");
		own = !((k == 4 && !strncmp(p, "left", 4)) || (k == 5 && !strncmp(p, "right", 5)) ||
		        (k == 6 && !strncmp(p, "center", 6))) ||
		      p[k + strspn(p + k, "; ")] != '\0';
	}
	xmlFree(v);
	return own;
}

/* Walks n and its following siblings in document order. */
static void
count_facts(xmlNodePtr n, a11y_facts *f)
{
	for (xmlNodePtr e = n; e; e = e->next) {
		if (e->type != XML_ELEMENT_NODE)
			continue;
		const char *name = (const char *)e->name;
		if (!strcmp(name, "img")) {
			f->images++;
			xmlChar *alt = xmlGetProp(e, BAD_CAST "alt");
			/* alt="" with role="presentation": decoration, by the
			 * author's word (see sanitize.c). */
			if ((alt && *alt) || xmlHasProp(e, BAD_CAST "role"))
				f->images_with_alt++;
			xmlFree(alt);
		} else if (!strcmp(name, "table")) {
			f->has_tables = true;
		} else if (!strcmp(name, "aside") && xmlHasProp(e, BAD_CAST "role")) {
			f->has_notes = true;
		}
		if (has_own_style(e))
			f->has_styles = true;
		if (e->children)
			count_facts(e->children, f);
	}
}

void
opf_note_facts(xmlDocPtr doc, a11y_facts *f)
{
	memset(f, 0, sizeof *f);
	if (doc)
		count_facts(xmlDocGetRootElement(doc), f);
}

/* Whether needle occurs in r's bytes. memchr finds the candidates: an
 * image is mostly compressed data, where needle's first byte is rare, and
 * memchr looks at many bytes an instruction (a byte-by-byte loop cost
 * 0.6 M instructions on the sample book's 117 KiB cover). */
static bool
has_bytes(const resource *r, const char *needle)
{
	size_t k = strlen(needle);
	if (k == 0 || k > r->len)
		return k == 0;
	const unsigned char *p = r->data, *last = r->data + (r->len - k);
	while (p <= last &&
	       (p = memchr(p, (unsigned char)needle[0], (size_t)(last - p) + 1)) != NULL) {
		if (!memcmp(p, needle, k))
			return true;
		p++;
	}
	return false;
}

/* Whether an image moves: an animated GIF (a looping application
 * extension) or PNG (an acTL chunk), or an SVG with SMIL or CSS
 * animation. It could flash, which the hazard metadata must then admit. */
static bool
is_animated(const resource *r)
{
	if (!strcmp(r->media_type, "image/gif"))
		return has_bytes(r, "NETSCAPE2.0") || has_bytes(r, "ANIMEXTS1.0");
	if (!strcmp(r->media_type, "image/png"))
		return has_bytes(r, "acTL");
	if (!strcmp(r->media_type, "image/svg+xml"))
		return has_bytes(r, "<animate") || has_bytes(r, "<set ") ||
		       has_bytes(r, "@keyframes") || has_bytes(r, "animation:") ||
		       has_bytes(r, "animation-name");
	return false;
}

void
opf_add_facts(a11y_facts *sum, const a11y_facts *page)
{
	sum->images += page->images;
	sum->images_with_alt += page->images_with_alt;
	sum->has_tables |= page->has_tables;
	sum->has_notes |= page->has_notes;
	sum->has_styles |= page->has_styles;
}

/* Appends sentence id of the accessibility summary in lang to s. */
static void
summary_say(strbuf *s, const char *lang, enum a11y_sentence id, int n, int of)
{
	const char *text = labels_a11y(lang, id);
	if (s->len)
		strbuf_puts(s, labels_sentence_gap(lang));
	if (id == A11Y_ALT_SOME)
		strbuf_printf(s, text, n, of);
	else
		strbuf_puts(s, text);
}

/* EPUB Accessibility 1.1 metadata, true to this book: what its content is
 * (text, and images when it has some), what it offers, its hazards and a
 * summary of what mkbook checked, in the book's language where labels.c
 * has it (else in English, marked so). mkbook claims no conformance: a
 * dcterms:conformsTo and its a11y:certifiedBy are written only when
 * book.yaml's accessibility: makes the claim and names who makes it, as
 * automated checks cannot establish WCAG conformance. */
static void
add_accessibility(const book *b, const a11y_facts *facts, xmlNodePtr md)
{
	a11y_facts f = *facts;
	bool sound = false, video = false;
	for (size_t i = 0; i < b->nresources; i++) {
		f.animated |= is_animated(b->resources[i]);
		video |= str_starts_with(b->resources[i]->media_type, "video/");
		sound |= str_starts_with(b->resources[i]->media_type, "audio/");
	}
	/* A video counts as sound too: mkbook does not look for its tracks. */
	sound |= video;
	bool all_alt = f.images == f.images_with_alt;
	/* The reader's font, size and colour win only over the built-in
	 * stylesheet, which sets none of them with authority. */
	bool own_css = b->stylesheet != NULL || f.has_styles;
	bool visual = f.images || video;
	add_meta(md, "schema:accessMode", "textual", NULL);
	if (visual)
		add_meta(md, "schema:accessMode", "visual", NULL);
	if (sound)
		add_meta(md, "schema:accessMode", "auditory", NULL);
	/* Sound and video carry their own content: the text around them, and
	 * their fallback text, are no transcript mkbook could vouch for. */
	if (all_alt && !sound)
		add_meta(md, "schema:accessModeSufficient", "textual", NULL);
	if (f.images && !sound)
		add_meta(md, "schema:accessModeSufficient", "textual,visual", NULL);
	if (sound)
		add_meta(md, "schema:accessModeSufficient",
		         visual ? "textual,visual,auditory" : "textual,auditory", NULL);
	add_meta(md, "schema:accessibilityFeature", "structuralNavigation", NULL);
	add_meta(md, "schema:accessibilityFeature", "tableOfContents", NULL);
	add_meta(md, "schema:accessibilityFeature", "readingOrder", NULL);
	if (f.images && all_alt)
		add_meta(md, "schema:accessibilityFeature", "alternativeText", NULL);
	if (!own_css)
		add_meta(md, "schema:accessibilityFeature", "displayTransformability", NULL);
	if (video) {
		/* Nothing checks what a video shows or plays: each hazard is
		 * unknown, which "unknown" says alone (DAISY Ace 1.4.6 misspells
		 * unknownMotionSimulationHazard and refuses the right term). */
		add_meta(md, "schema:accessibilityHazard", "unknown", NULL);
	} else if (sound) {
		add_meta(md, "schema:accessibilityHazard",
		         f.animated ? "unknownFlashingHazard" : "noFlashingHazard", NULL);
		add_meta(md, "schema:accessibilityHazard", "noMotionSimulationHazard", NULL);
		add_meta(md, "schema:accessibilityHazard", "unknownSoundHazard", NULL);
	} else if (f.animated) {
		add_meta(md, "schema:accessibilityHazard", "unknownFlashingHazard", NULL);
		add_meta(md, "schema:accessibilityHazard", "noMotionSimulationHazard", NULL);
		add_meta(md, "schema:accessibilityHazard", "noSoundHazard", NULL);
	} else {
		add_meta(md, "schema:accessibilityHazard", "none", NULL);
	}
	const char *lang = labels_a11y(b->language, A11Y_STRUCTURE) ? b->language : "en";
	strbuf s = {0};
	summary_say(&s, lang, A11Y_STRUCTURE, 0, 0);
	if (!own_css)
		summary_say(&s, lang, A11Y_DISPLAY, 0, 0);
	if (f.images && all_alt)
		summary_say(&s, lang, A11Y_ALT_ALL, 0, 0);
	else if (f.images)
		summary_say(&s, lang, A11Y_ALT_SOME, f.images_with_alt, f.images);
	if (f.has_notes)
		summary_say(&s, lang, A11Y_NOTES, 0, 0);
	summary_say(&s, lang, sound ? A11Y_MEDIA : f.animated ? A11Y_MOVING : A11Y_NO_HAZARDS, 0, 0);
	xmlNodePtr sum = add_meta(md, "schema:accessibilitySummary", s.data, NULL);
	strbuf_free(&s);
	if (lang != b->language)
		xmlSetNsProp(sum, xmlSearchNsByHref(md->doc, md, BAD_CAST "http://www.w3.org/XML/1998/namespace"),
		             BAD_CAST "lang", BAD_CAST "en");
	if (b->conforms_to) {
		add_meta(md, "dcterms:conformsTo", b->conforms_to, NULL);
		add_meta(md, "a11y:certifiedBy", b->certified_by, NULL);
	}
}

xmlDocPtr
opf_document(const book *b, const strlist *languages, const a11y_facts *facts)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr pkg = xmlNewDocNode(doc, NULL, BAD_CAST "package", NULL);
	xmlDocSetRootElement(doc, pkg);
	xmlNsPtr ns = xmlNewNs(pkg, BAD_CAST OPF_NS, NULL);
	xmlSetNs(pkg, ns);
	xmlSetProp(pkg, BAD_CAST "version", BAD_CAST "3.0");
	xmlSetProp(pkg, BAD_CAST "unique-identifier", BAD_CAST "pub-id");
	xmlNsPtr xmlns = xmlSearchNsByHref(doc, pkg, BAD_CAST "http://www.w3.org/XML/1998/namespace");
	xmlSetNsProp(pkg, xmlns, BAD_CAST "lang", BAD_CAST b->language);
	if (lang_is_rtl(b->language))
		xmlSetProp(pkg, BAD_CAST "dir", BAD_CAST "rtl");

	xmlNodePtr md = xmlNewChild(pkg, ns, BAD_CAST "metadata", NULL);
	xmlNsPtr dc = xmlNewNs(md, BAD_CAST DC_NS, BAD_CAST "dc");
	add_dc(md, dc, "identifier", b->identifier, "pub-id");
	add_dc(md, dc, "title", b->title, "title");
	add_meta(md, "title-type", "main", "#title");
	if (b->subtitle) {
		add_dc(md, dc, "title", b->subtitle, "subtitle");
		add_meta(md, "title-type", "subtitle", "#subtitle");
	}
	for (size_t i = 0; i < languages->n; i++)
		add_dc(md, dc, "language", languages->items[i], NULL);
	for (size_t i = 0; i < b->nauthors; i++) {
		const book_author *a = &b->authors[i];
		char id[32];
		snprintf(id, sizeof id, "creator%zu", i + 1);
		bool creator = !strcmp(a->role, "aut") || i == 0;
		add_dc(md, dc, creator ? "creator" : "contributor", a->name, id);
		char ref[40];
		snprintf(ref, sizeof ref, "#%s", id);
		add_meta(md, "file-as", a->file_as, ref);
		xmlNodePtr role = add_meta(md, "role", a->role, ref);
		xmlSetProp(role, BAD_CAST "scheme", BAD_CAST "marc:relators");
	}
	if (b->date)
		add_dc(md, dc, "date", b->date, NULL);
	if (b->publisher)
		add_dc(md, dc, "publisher", b->publisher, NULL);
	if (b->description)
		add_dc(md, dc, "description", b->description, NULL);
	for (size_t i = 0; i < b->subjects.n; i++)
		add_dc(md, dc, "subject", b->subjects.items[i], NULL);
	if (b->rights)
		add_dc(md, dc, "rights", b->rights, NULL);
	if (b->source)
		add_dc(md, dc, "source", b->source, NULL);
	add_meta(md, "dcterms:modified", b->modified, NULL);
	if (b->series) {
		xmlNodePtr s = add_meta(md, "belongs-to-collection", b->series, NULL);
		xmlSetProp(s, BAD_CAST "id", BAD_CAST "series");
		add_meta(md, "collection-type", "series", "#series");
		if (b->series_index)
			add_meta(md, "group-position", b->series_index, "#series");
	}
	add_accessibility(b, facts, md);
	const resource *cover = pages_cover_image(b);
	if (cover) {
		xmlNodePtr m = xmlNewChild(md, ns, BAD_CAST "meta", NULL);
		xmlSetProp(m, BAD_CAST "name", BAD_CAST "cover");
		xmlSetProp(m, BAD_CAST "content", BAD_CAST cover->id);
	}
	if (b->series) {
		/* calibre reads series from its own metadata. */
		xmlNodePtr m = xmlNewChild(md, ns, BAD_CAST "meta", NULL);
		xmlSetProp(m, BAD_CAST "name", BAD_CAST "calibre:series");
		xmlSetProp(m, BAD_CAST "content", BAD_CAST b->series);
		if (b->series_index) {
			m = xmlNewChild(md, ns, BAD_CAST "meta", NULL);
			xmlSetProp(m, BAD_CAST "name", BAD_CAST "calibre:series_index");
			xmlSetProp(m, BAD_CAST "content", BAD_CAST b->series_index);
		}
	}

	xmlNodePtr man = xmlNewChild(pkg, ns, BAD_CAST "manifest", NULL);
	struct {
		const char *id, *href, *type, *props;
	} fixed[] = {
	    {"nav", "nav.xhtml", "application/xhtml+xml", "nav"},
	    {"ncx", "toc.ncx", "application/x-dtbncx+xml", NULL},
	    {"css", "style.css", "text/css", NULL},
	};
	for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++) {
		xmlNodePtr it = xmlNewChild(man, ns, BAD_CAST "item", NULL);
		xmlSetProp(it, BAD_CAST "id", BAD_CAST fixed[i].id);
		xmlSetProp(it, BAD_CAST "href", BAD_CAST fixed[i].href);
		xmlSetProp(it, BAD_CAST "media-type", BAD_CAST fixed[i].type);
		if (fixed[i].props)
			xmlSetProp(it, BAD_CAST "properties", BAD_CAST fixed[i].props);
	}
	for (size_t i = 0; i < b->nchapters; i++) {
		const chapter *c = b->chapters[i];
		xmlNodePtr it = xmlNewChild(man, ns, BAD_CAST "item", NULL);
		xmlSetProp(it, BAD_CAST "id", BAD_CAST c->id);
		xmlSetProp(it, BAD_CAST "href", BAD_CAST c->href);
		xmlSetProp(it, BAD_CAST "media-type", BAD_CAST "application/xhtml+xml");
	}
	for (size_t i = 0; i < b->nresources; i++) {
		const resource *r = b->resources[i];
		xmlNodePtr it = xmlNewChild(man, ns, BAD_CAST "item", NULL);
		xmlSetProp(it, BAD_CAST "id", BAD_CAST r->id);
		xmlSetProp(it, BAD_CAST "href", BAD_CAST r->href);
		xmlSetProp(it, BAD_CAST "media-type", BAD_CAST r->media_type);
		if (r->properties)
			xmlSetProp(it, BAD_CAST "properties", BAD_CAST r->properties);
	}

	xmlNodePtr spine = xmlNewChild(pkg, ns, BAD_CAST "spine", NULL);
	xmlSetProp(spine, BAD_CAST "toc", BAD_CAST "ncx");
	if (lang_is_rtl(b->language))
		xmlSetProp(spine, BAD_CAST "page-progression-direction", BAD_CAST "rtl");
	/* The contents page follows the cover and title page. */
	bool nav_done = false;
	for (size_t i = 0; i < b->nchapters; i++) {
		enum chapter_kind k = b->chapters[i]->kind;
		if (!nav_done && k != CHAPTER_COVER && k != CHAPTER_TITLEPAGE) {
			xmlNodePtr ir = xmlNewChild(spine, ns, BAD_CAST "itemref", NULL);
			xmlSetProp(ir, BAD_CAST "idref", BAD_CAST "nav");
			nav_done = true;
		}
		xmlNodePtr ir = xmlNewChild(spine, ns, BAD_CAST "itemref", NULL);
		xmlSetProp(ir, BAD_CAST "idref", BAD_CAST b->chapters[i]->id);
	}
	return doc;
}
