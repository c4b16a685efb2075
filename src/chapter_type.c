/* chapter_type.c - the table of chapter types; see chapter_type.h. */
#include "chapter_type.h"

#include <stddef.h>
#include <string.h>

#include "util.h"

static const chapter_type types[] = {
    {"chapter", "chapter", "bodymatter", false, 0},
    {"preface", "preface", "frontmatter", false, 0},
    {"foreword", "foreword", "frontmatter", false, 0},
    {"introduction", "introduction", "frontmatter", false, 0},
    {"epilogue", "epilogue", "bodymatter", false, 0},
    {"afterword", "afterword", "backmatter", false, 0},
    {"appendix", "appendix", "backmatter", false, 0},
    {"about-author", "backmatter", "backmatter", true, LABEL_ABOUT_AUTHOR},
};

const chapter_type *
chapter_type_find(const char *name)
{
	if (name == NULL)
		return &types[0];
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
		if (!strcmp(types[i].name, name))
			return &types[i];
	return NULL;
}

char *
chapter_type_names(void)
{
	strbuf sb = {0};
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
		strbuf_printf(&sb, "%s%s", i ? ", " : "", types[i].name);
	return strbuf_take(&sb);
}
