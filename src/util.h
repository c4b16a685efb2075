/* util.h - brings in the small modules every stage uses, which the code
 * written before they were split out of util.c reaches through util.h:
 * the aborting allocators (xalloc.h), string helpers (str.h), string
 * buffers (strbuf.h) and lists (strlist.h), hash tables (strmap.h) and
 * sets (strset.h), paths and files (path.h), dates (date.h) and
 * identifiers (ident.h). New code includes the one it uses. */
#ifndef MKBOOK_UTIL_H
#define MKBOOK_UTIL_H

#include "date.h"
#include "ident.h"
#include "path.h"
#include "str.h"
#include "strbuf.h"
#include "strlist.h"
#include "strmap.h"
#include "strset.h"
#include "xalloc.h"

#endif
