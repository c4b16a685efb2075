/* genwxr.c - writes a WordPress export (WXR 1.2) of about MIB MiB for make
 * bench: about 10,000 published posts per 100 MiB (classic-editor text, a
 * [caption] image, an excerpt on every third), attachments, drafts and
 * pages among them, categories and tags, and 0 to 8 comments per post
 * (threads, pending, spam, trash, pingbacks). The same SEED and MIB give
 * the same bytes. Every word comes from the list below.
 *
 *   genwxr SEED MIB OUT.xml
 *
 * Prints the number of published posts and the id of the one in the
 * middle of the file (what make bench imports with --post). */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng;

static uint32_t
next(void)
{
	/* xorshift64* */
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return (uint32_t)((rng * 2685821657736338717ULL) >> 32);
}

static uint32_t
below(uint32_t n)
{
	return next() % n;
}

static const char *const words[] = {
    "river", "lantern", "orchard", "quiet", "harbour", "stone", "window", "morning", "garden",
    "bridge", "copper", "meadow", "letter", "winter", "kettle", "ladder", "market", "thread",
    "candle", "pebble", "valley", "shelf", "basket", "saddle", "mirror", "ribbon", "pocket",
    "tunnel", "feather", "hammer", "island", "jacket", "needle", "pillow", "rocket", "timber",
    "violin", "wagon", "yellow", "almond", "button", "cellar", "dinner", "engine", "fabric",
    "glove", "hollow", "inkwell", "jungle", "kernel", "lemon", "marble", "nectar", "oyster",
    "paddle", "quartz", "rabbit", "silver", "tablet", "umbrella", "velvet", "walnut", "anchor",
    "blanket", "cobble", "drift", "ember", "fennel", "gravel", "heron", "ivory", "juniper",
    "kindle", "linen", "mossy", "north", "olive", "pepper", "quill", "rustle", "sparrow",
    "thistle", "upland", "vessel", "willow", "yarrow", "zephyr", "the", "a", "and", "of", "to",
    "in", "is", "was", "for", "on", "with", "as", "by", "at", "from", "under", "over", "after",
    "before", "near", "slowly", "softly", "often", "never", "always", "walks", "carries",
    "finds", "keeps", "opens", "turns", "holds", "mends", "paints", "gathers", "follows",
};
#define NWORDS (sizeof words / sizeof words[0])

static void
sentence(FILE *f)
{
	uint32_t n = 6 + below(14);
	for (uint32_t i = 0; i < n; i++) {
		const char *w = words[below(NWORDS)];
		if (i == 0)
			fprintf(f, "%c%s", w[0] - 'a' + 'A', w + 1);
		else if (below(40) == 0)
			fprintf(f, " <em>%s</em>", w);
		else
			fprintf(f, " %s", w);
	}
	fputs(below(8) == 0 ? "?" : ".", f);
}

static void
paragraph(FILE *f, uint32_t sentences)
{
	for (uint32_t i = 0; i < sentences; i++) {
		if (i)
			fputc(' ', f);
		sentence(f);
	}
}

static void
title(FILE *f)
{
	uint32_t n = 3 + below(5);
	for (uint32_t i = 0; i < n; i++) {
		const char *w = words[below(NWORDS)];
		fprintf(f, "%s%c%s", i ? " " : "", w[0] - 'a' + 'A', w + 1);
	}
}

static void
date(FILE *f, uint32_t day)
{
	/* day 0 is 2006-01-01; months of 28 days keep it simple and valid */
	fprintf(f, "%04u-%02u-%02u %02u:%02u:%02u", 2006 + day / 336, 1 + day / 28 % 12, 1 + day % 28,
	        below(24), below(60), below(60));
}

static void
comment(FILE *f, uint32_t id, uint32_t parent, uint32_t day)
{
	static const char *const states[] = {"1", "1", "1", "1", "1", "0", "spam", "trash"};
	const char *st = states[below(8)];
	bool ping = below(12) == 0;
	fprintf(f, "\t\t<wp:comment>\n\t\t\t<wp:comment_id>%u</wp:comment_id>\n", id);
	fprintf(f, "\t\t\t<wp:comment_author><![CDATA[%s %s]]></wp:comment_author>\n",
	        words[below(NWORDS)], words[below(NWORDS)]);
	fprintf(f, "\t\t\t<wp:comment_author_email><![CDATA[reader%u@example.org]]>"
	           "</wp:comment_author_email>\n", below(5000));
	fputs("\t\t\t<wp:comment_author_url></wp:comment_author_url>\n", f);
	fprintf(f, "\t\t\t<wp:comment_author_IP><![CDATA[192.0.2.%u]]></wp:comment_author_IP>\n",
	        below(250) + 1);
	fputs("\t\t\t<wp:comment_date><![CDATA[", f);
	date(f, day);
	fputs("]]></wp:comment_date>\n\t\t\t<wp:comment_date_gmt><![CDATA[", f);
	date(f, day);
	fputs("]]></wp:comment_date_gmt>\n\t\t\t<wp:comment_content><![CDATA[", f);
	paragraph(f, 1 + below(4));
	fprintf(f, "]]></wp:comment_content>\n\t\t\t<wp:comment_approved><![CDATA[%s]]>"
	           "</wp:comment_approved>\n", st);
	fprintf(f, "\t\t\t<wp:comment_type><![CDATA[%s]]></wp:comment_type>\n",
	        ping ? "pingback" : "comment");
	fprintf(f, "\t\t\t<wp:comment_parent>%u</wp:comment_parent>\n", parent);
	fputs("\t\t\t<wp:comment_user_id>0</wp:comment_user_id>\n\t\t</wp:comment>\n", f);
}

static void
item_head(FILE *f, uint32_t id, const char *type, const char *status, uint32_t day)
{
	fputs("\t<item>\n\t\t<title><![CDATA[", f);
	title(f);
	fprintf(f, "]]></title>\n\t\t<link>https://blog.example.com/?p=%u</link>\n", id);
	fputs("\t\t<dc:creator><![CDATA[writer]]></dc:creator>\n", f);
	fprintf(f, "\t\t<guid isPermaLink=\"false\">https://blog.example.com/?p=%u</guid>\n", id);
	fprintf(f, "\t\t<wp:post_id>%u</wp:post_id>\n\t\t<wp:post_date><![CDATA[", id);
	date(f, day);
	fputs("]]></wp:post_date>\n\t\t<wp:post_date_gmt><![CDATA[", f);
	date(f, day);
	fprintf(f, "]]></wp:post_date_gmt>\n\t\t<wp:post_name><![CDATA[post-%u]]></wp:post_name>\n", id);
	fprintf(f, "\t\t<wp:status><![CDATA[%s]]></wp:status>\n", status);
	fprintf(f, "\t\t<wp:post_type><![CDATA[%s]]></wp:post_type>\n", type);
}

int
main(int argc, char **argv)
{
	if (argc != 4) {
		fputs("usage: genwxr SEED MIB OUT.xml\n", stderr);
		return 2;
	}
	rng = 0x9E3779B97F4A7C15ULL ^ strtoull(argv[1], NULL, 10);
	if (rng == 0)
		rng = 1;
	long target = atol(argv[2]) * 1024L * 1024L;
	FILE *f = fopen(argv[3], "w");
	if (f == NULL) {
		perror(argv[3]);
		return 1;
	}
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n"
	      "<rss version=\"2.0\"\n"
	      "\txmlns:excerpt=\"http://wordpress.org/export/1.2/excerpt/\"\n"
	      "\txmlns:content=\"http://purl.org/rss/1.0/modules/content/\"\n"
	      "\txmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
	      "\txmlns:wp=\"http://wordpress.org/export/1.2/\"\n>\n<channel>\n"
	      "\t<title>A Generated Blog</title>\n\t<link>https://blog.example.com</link>\n"
	      "\t<language>en-US</language>\n\t<wp:wxr_version>1.2</wp:wxr_version>\n"
	      "\t<wp:base_site_url>https://blog.example.com</wp:base_site_url>\n"
	      "\t<wp:base_blog_url>https://blog.example.com</wp:base_blog_url>\n"
	      "\t<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[writer]]>"
	      "</wp:author_login><wp:author_email><![CDATA[writer@blog.example.com]]>"
	      "</wp:author_email><wp:author_display_name><![CDATA[Ada Writer]]>"
	      "</wp:author_display_name></wp:author>\n",
	      f);
	uint32_t id = 10, published = 0, middle = 0, comment_id = 1;
	for (uint32_t n = 0; ftell(f) < target; n++) {
		uint32_t day = n / 3;
		uint32_t kind = below(20);
		const char *status = kind == 0 ? "draft" : kind == 1 ? "private" : "publish";
		const char *type = kind == 2 ? "page" : "post";
		uint32_t post_id = id++, att_id = 0;
		if (below(2) == 0) {
			att_id = id++;
			item_head(f, att_id, "attachment", "inherit", day);
			fprintf(f, "\t\t<wp:attachment_url><![CDATA[https://blog.example.com/wp-content/"
			           "uploads/%u/%02u/photo-%u.jpg]]></wp:attachment_url>\n\t</item>\n",
			        2006 + day / 336, 1 + day / 28 % 12, att_id);
		}
		item_head(f, post_id, type, status, day);
		fputs("\t\t<content:encoded><![CDATA[", f);
		uint32_t paras = 5 + below(9);
		for (uint32_t p = 0; p < paras; p++) {
			if (p == 2 && att_id)
				fprintf(f, "[caption id=\"attachment_%u\" width=\"640\"]<img src=\"https://blog."
				           "example.com/wp-content/uploads/%u/%02u/photo-%u.jpg\" alt=\"A photo\" "
				           "width=\"640\" height=\"480\" /> A caption[/caption]\n\n",
				        att_id, 2006 + day / 336, 1 + day / 28 % 12, att_id);
			if (p % 5 == 4) {
				fputs("<h2>", f);
				title(f);
				fputs("</h2>\n\n", f);
			}
			paragraph(f, 3 + below(6));
			fputs("\n\n", f);
		}
		fputs("]]></content:encoded>\n\t\t<excerpt:encoded><![CDATA[", f);
		if (below(3) == 0)
			paragraph(f, 1);
		fputs("]]></excerpt:encoded>\n", f);
		fprintf(f, "\t\t<category domain=\"category\" nicename=\"topic-%u\"><![CDATA[Topic %u]]>"
		           "</category>\n", below(20), below(20));
		for (uint32_t t = below(4); t > 0; t--) {
			uint32_t tag = below(200);
			fprintf(f, "\t\t<category domain=\"post_tag\" nicename=\"tag-%u\"><![CDATA[%s %u]]>"
			           "</category>\n", tag, words[tag % NWORDS], tag);
		}
		if (att_id)
			fprintf(f, "\t\t<wp:postmeta>\n\t\t\t<wp:meta_key><![CDATA[_thumbnail_id]]>"
			           "</wp:meta_key>\n\t\t\t<wp:meta_value><![CDATA[%u]]></wp:meta_value>\n"
			           "\t\t</wp:postmeta>\n", att_id);
		uint32_t first = comment_id;
		for (uint32_t c = below(9); c > 0; c--) {
			uint32_t parent = comment_id > first && below(3) == 0 ? first + below(comment_id - first) : 0;
			comment(f, comment_id++, parent, day + below(30));
		}
		fputs("\t</item>\n", f);
		if (kind > 2) {
			published++;
			if (middle == 0 && ftell(f) >= target / 2)
				middle = post_id;
		}
	}
	fputs("</channel>\n</rss>\n", f);
	if (fclose(f) != 0) {
		perror(argv[3]);
		return 1;
	}
	printf("%u %u\n", published, middle);
	return 0;
}
