# mk/html2md.mk - the tool that runs the importers' HTML -> Markdown
# converter on one file, for tests/run-import-html.sh (included by the
# Makefile).

build/html2md: tests/import/html2md.c $(LIB_OBJ)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB_OBJ) $(LIBS) $(LDFLAGS)
