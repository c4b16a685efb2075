# mk/completion.mk - bash completion (included by the Makefile).
#
#   make install-completion    installs completions/mkbook.bash as
#                              $(PREFIX)/share/bash-completion/completions/mkbook
#                              ($(DESTDIR) prepended); make install does it too
#   make uninstall-completion  removes it; make uninstall does it too

BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions

.PHONY: install-completion uninstall-completion

install-completion:
	install -d $(DESTDIR)$(BASHCOMPDIR)
	install -m 644 completions/mkbook.bash $(DESTDIR)$(BASHCOMPDIR)/mkbook

uninstall-completion:
	rm -f $(DESTDIR)$(BASHCOMPDIR)/mkbook

# Extra prerequisites of the Makefile's own install and uninstall.
install: install-completion
uninstall: uninstall-completion
