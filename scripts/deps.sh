#!/bin/sh
# deps.sh build|test - make sure the Debian packages mkbook needs are here.
# As root, installs what is missing with apt-get; otherwise prints the exact
# apt-get line to run and fails.
set -eu

build_pkgs="gcc make pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev libzip-dev libdeflate-dev libyaml-dev libunistring-dev libcurl4-openssl-dev libjansson-dev"
test_pkgs="check epubcheck default-jre-headless unzip python3"

case "${1:-build}" in
build) want=$build_pkgs ;;
test) want="$build_pkgs $test_pkgs" ;;
*) want="$*" ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
	# Not Debian: trust pkg-config for the libraries and say what is needed.
	for lib in libcmark-gfm libxml-2.0 libzip yaml-0.1 libdeflate libcurl jansson; do
		pkg-config --exists "$lib" || {
			echo "deps: $lib not found by pkg-config; install cmark-gfm, libxml2, libzip, libdeflate, libyaml, libunistring, libcurl, jansson" >&2
			exit 1
		}
	done
	exit 0
fi

missing=""
for p in $want; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case "$status" in
	*"install ok installed"*) ;;
	*) missing="$missing $p" ;;
	esac
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
	echo "deps: installing$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	# shellcheck disable=SC2086
	if ! apt-get install -y -q --no-install-recommends $missing >/dev/null 2>&1; then
		apt-get update -q >/dev/null
		# shellcheck disable=SC2086
		apt-get install -y -q --no-install-recommends $missing >/dev/null
	fi
	exit 0
fi
echo "deps: missing Debian packages:$missing" >&2
echo "deps: run: sudo apt-get install -y$missing" >&2
exit 1
