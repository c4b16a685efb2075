#!/usr/bin/env bash
# tests/run-qa.sh - the Reader Q&A cases of tests/qa/ (threads, every
# moderation state, the errors, --check on suspected spam).
exec bash "$(dirname "$0")/qa/run.sh" "$@"
