# mk/preview.mk - look at the book without a device (included by the Makefile).
#
#   make preview   renders the sample book's cover, the first page of its
#                  article and the first page of its Reader Q&A to
#                  build/preview/{cover,article,qa}.png through foliate-js, the
#                  engine of the Foliate e-book reader, in headless Chromium
#                  (scripts/preview/). Needs Debian's chromium and nodejs
#                  (installed when missing, as root) and the npm registry for
#                  the two pinned npm packages, installed into build/preview/.
#                  PREVIEW_BOOK=DIR previews another manuscript; CHROMIUM
#                  names another browser binary.

PREVIEW_DIR  = build/preview
PREVIEW_BOOK ?= manuscript
CHROMIUM     ?= /usr/bin/chromium

.PHONY: preview preview-deps

preview: mkbook $(PREVIEW_DIR)/node_modules/.installed
	./mkbook -q $(PREVIEW_BOOK) -o $(PREVIEW_DIR)/book.epub
	cd $(PREVIEW_DIR) && CHROMIUM=$(CHROMIUM) node $(CURDIR)/scripts/preview/shoot.mjs book.epub .
	@echo "Look at $(PREVIEW_DIR)/cover.png, article.png and qa.png"

preview-deps:
	@sh scripts/deps.sh chromium nodejs
	@command -v npm >/dev/null 2>&1 || { echo "preview: npm not found (Debian: apt-get install npm)" >&2; exit 1; }

$(PREVIEW_DIR)/node_modules/.installed: scripts/preview/package.json scripts/preview/package-lock.json
	@$(MAKE) --no-print-directory preview-deps
	@mkdir -p $(PREVIEW_DIR)
	cp scripts/preview/package.json scripts/preview/package-lock.json $(PREVIEW_DIR)/
	cd $(PREVIEW_DIR) && npm ci --no-audit --no-fund --ignore-scripts
	@touch $@
