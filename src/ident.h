/* ident.h - identifiers: SHA-1 and the name-based UUIDs made with it. */
#ifndef MKBOOK_IDENT_H
#define MKBOOK_IDENT_H

#include <stddef.h>

/* SHA-1 of data into out[20]; used for name-based (version 5) UUIDs. */
void ident_sha1(const void *data, size_t len, unsigned char out[20]);
/* A name-based UUID (RFC 4122 version 5, URL namespace) as "urn:uuid:...". */
char *ident_uuid_v5_urn(const char *name);

#endif
