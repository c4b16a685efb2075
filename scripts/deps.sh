#!/bin/sh
# deps.sh build|test|PACKAGE... - make sure the Debian packages mkbook needs
# are here. As root, installs what is missing with apt-get; otherwise prints
# the exact apt-get line to run and fails.
#
# test also installs what the tests take from the npm registry, each pinned
# by a package-lock.json under tests/ and installed with npm ci (no install
# scripts) into build/NAME, again only when its lock file changed:
#   tests/epubcheck-ts  epubcheck-ts, the second validator (tests/lib.sh)
#   tests/node20        Node.js 20, only where the machine's node is older
#                       (Debian 12 has 18; Ace needs 20): tests/lib.sh puts
#                       build/node20/bin first on PATH
# Node.js and npm come from Debian (nodejs, npm) where no node and npm are on
# PATH. Ace itself is installed by scripts/install-ace.sh when its test runs.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
build_pkgs="gcc make pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev libzip-dev libdeflate-dev libyaml-dev libunistring-dev libcurl4-openssl-dev libjansson-dev"
test_pkgs="check epubcheck default-jre-headless unzip python3 chromium calibre ca-certificates"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
	test_pkgs="$test_pkgs nodejs npm"
fi

mode=${1:-build}
case "$mode" in
build) want=$build_pkgs ;;
test) want="$build_pkgs $test_pkgs" ;;
*) want="$*" mode=packages ;;
esac

# npm_ci NAME: tests/NAME/package.json and its lock installed into build/NAME
# (build/NAME/installed.lock: the lock of the last install that worked).
npm_ci() {
	src=$root/tests/$1 dir=$root/build/$1
	if cmp -s "$src/package-lock.json" "$dir/installed.lock"; then
		return 0
	fi
	echo "deps: npm ci of tests/$1 into build/$1" >&2
	rm -rf "$dir"
	mkdir -p "$dir"
	cp "$src/package.json" "$src/package-lock.json" "$dir/"
	if ! (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=warn) >"$dir/npm.log" 2>&1; then
		echo "deps: npm ci failed in build/$1:" >&2
		cat "$dir/npm.log" >&2
		return 1
	fi
	cp "$src/package-lock.json" "$dir/installed.lock"
}

node_major() {
	node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

# The npm part of deps.sh test, once the Debian packages are in.
npm_deps() {
	[ "$mode" = test ] || return 0
	if ! command -v npm >/dev/null 2>&1; then
		echo "deps: npm not found (Debian: apt-get install nodejs npm)" >&2
		return 1
	fi
	PATH=$root/build/node20/bin:$PATH
	export PATH
	if [ "$(node_major)" -lt 20 ]; then
		npm_ci node20
		# npm links no bin named node: build/node20/bin/node is ours.
		for n in "$root"/build/node20/node_modules/node-linux-*/bin/node; do
			[ -x "$n" ] || continue
			mkdir -p "$root/build/node20/bin"
			ln -sf "../node_modules/${n#"$root"/build/node20/node_modules/}" "$root/build/node20/bin/node"
		done
		if [ "$(node_major)" -lt 20 ]; then
			# Optional dependencies: npm skips one it cannot fetch.
			echo "deps: Node.js >= 20 is needed and npm installed none into build/node20 for $(uname -m):" >&2
			cat "$root/build/node20/npm.log" >&2
			rm -f "$root/build/node20/installed.lock" # so that the next run tries again
			return 1
		fi
	fi
	npm_ci epubcheck-ts
}

if ! command -v dpkg-query >/dev/null 2>&1; then
	# Not Debian: trust pkg-config for the libraries and say what is needed.
	for lib in libcmark-gfm libxml-2.0 libzip yaml-0.1 libdeflate libcurl jansson; do
		pkg-config --exists "$lib" || {
			echo "deps: $lib not found by pkg-config; install cmark-gfm, libxml2, libzip, libdeflate, libyaml, libunistring, libcurl, jansson" >&2
			exit 1
		}
	done
	npm_deps
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
if [ -z "$missing" ]; then
	npm_deps
	exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
	echo "deps: installing$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	# shellcheck disable=SC2086
	if ! apt-get install -y -q --no-install-recommends $missing >/dev/null 2>&1; then
		apt-get update -q >/dev/null
		# shellcheck disable=SC2086
		apt-get install -y -q --no-install-recommends $missing >/dev/null
	fi
	npm_deps
	exit 0
fi
echo "deps: missing Debian packages:$missing" >&2
echo "deps: run: sudo apt-get install -y$missing" >&2
exit 1
