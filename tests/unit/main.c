/* The unit test runner: every module's Check suite, one summary line. */
#include <check.h>
#include <stdlib.h>

#include "diag.h"
#include "markdown.h"

Suite *labels_suite(void);
Suite *util_suite(void);
Suite *strset_suite(void);
Suite *html_source_suite(void);
Suite *yamldoc_suite(void);
Suite *source_suite(void);
Suite *slug_suite(void);
Suite *sanitize_suite(void);
Suite *markdown_suite(void);
Suite *manuscript_suite(void);
Suite *media_suite(void);
Suite *qa_suite(void);
Suite *regress_suite(void);
Suite *kepub_suite(void);
Suite *a11y_suite(void);
Suite *url_suite(void);
Suite *css_suite(void);
Suite *lang_suite(void);
Suite *chapter_type_suite(void);
Suite *xref_suite(void);
Suite *toc_suite(void);
Suite *diag_suite(void);
Suite *epub_suite(void);
Suite *images_suite(void);
Suite *import_page_suite(void);
Suite *html_md_suite(void);
Suite *wxr_suite(void);
Suite *import_writer_suite(void);
Suite *content_model_suite(void);
Suite *html_values_suite(void);

int
main(void)
{
	markdown_init();
	diag_set_quiet(true);
	SRunner *sr = srunner_create(util_suite());
	srunner_add_suite(sr, strset_suite());
	srunner_add_suite(sr, html_source_suite());
	srunner_add_suite(sr, labels_suite());
	srunner_add_suite(sr, yamldoc_suite());
	srunner_add_suite(sr, source_suite());
	srunner_add_suite(sr, slug_suite());
	srunner_add_suite(sr, sanitize_suite());
	srunner_add_suite(sr, markdown_suite());
	srunner_add_suite(sr, manuscript_suite());
	srunner_add_suite(sr, media_suite());
	srunner_add_suite(sr, qa_suite());
	srunner_add_suite(sr, regress_suite());
	srunner_add_suite(sr, kepub_suite());
	srunner_add_suite(sr, a11y_suite());
	srunner_add_suite(sr, url_suite());
	srunner_add_suite(sr, css_suite());
	srunner_add_suite(sr, lang_suite());
	srunner_add_suite(sr, chapter_type_suite());
	srunner_add_suite(sr, content_model_suite());
	srunner_add_suite(sr, html_values_suite());
	srunner_add_suite(sr, xref_suite());
	srunner_add_suite(sr, toc_suite());
	srunner_add_suite(sr, diag_suite());
	srunner_add_suite(sr, epub_suite());
	srunner_add_suite(sr, images_suite());
	srunner_add_suite(sr, import_page_suite());
	srunner_add_suite(sr, html_md_suite());
	srunner_add_suite(sr, wxr_suite());
	srunner_add_suite(sr, import_writer_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
