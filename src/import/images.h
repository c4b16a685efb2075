/* images.h - the images of an import: each found once (import_image_locate),
 * checked to be an image by its bytes, and copied into the manuscript's
 * images/ folder under a safe, deterministic name. */
#ifndef MKBOOK_IMPORT_IMAGES_H
#define MKBOOK_IMPORT_IMAGES_H

#include <stddef.h>

#include "import/import.h"

typedef struct import_images import_images;

/* For one import_write; site and opt must outlive it. */
import_images *import_images_new(const import_site *site, const import_options *opt);
void import_images_free(import_images *im);
/* The manuscript path of the image at url ("images/x.jpg"), copied in
 * on first use; NULL when it is not to be had (a warning was given, once
 * per address). The string belongs to im. */
const char *import_images_get(import_images *im, const char *url);
/* How many images were copied in. */
size_t import_images_count(const import_images *im);

/* The file: address of folder dir (absolute, percent-encoded, ending in
 * '/'): the base against which a saved page's relative image addresses
 * resolve, so that import_image_locate finds them in that folder.
 * Caller frees; NULL when dir does not exist. */
char *import_folder_url(const char *dir);

/* fetch.c: downloads the image at url (http or https only) into
 * out_dir/images/ under a name made from its address and its type, once
 * its bytes are known to be an image. Returns that path (caller frees),
 * or NULL after a warning naming file (the import's source). */
char *import_fetch_image(const char *url, const char *out_dir, const char *file);

#endif
