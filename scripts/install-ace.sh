#!/bin/sh
# install-ace.sh [DIR] - installs Ace by DAISY (npm @daisy/ace, pinned by
# tests/ace/package-lock.json) into DIR (default: $ACE_HOME, else
# build/ace of the repository), run through its puppeteer runner
# (ace-puppeteer) with Debian's chromium.
#
# As root, installs chromium with apt-get when it is missing; otherwise says
# what to run and fails. Neither puppeteer nor electron downloads a browser:
# npm runs no install scripts (--ignore-scripts, and the two SKIP variables
# for good measure), and DIR/chromium is a wrapper that starts Debian's
# chromium headless with the flags a closed network and root need.
#
# Reinstalls only when the lock file changed. Prints nothing but problems;
# exits 0 when DIR/node_modules/.bin/ace-puppeteer and DIR/chromium are
# ready. Needs Node.js >= 20 and npm (Ace's own requirement).
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-${ACE_HOME:-$root/build/ace}}
chromium_bin=/usr/lib/chromium/chromium

if [ ! -x "$chromium_bin" ]; then
	if [ "$(id -u)" -eq 0 ]; then
		sh "$root/scripts/deps.sh" chromium
	else
		echo "install-ace: Debian's chromium is missing; run: sudo apt-get install -y --no-install-recommends chromium" >&2
		exit 1
	fi
fi
if [ ! -x "$chromium_bin" ]; then
	echo "install-ace: $chromium_bin not found after installing chromium" >&2
	exit 1
fi

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
	echo "install-ace: Node.js (>= 20) and npm are needed for Ace" >&2
	exit 1
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 20 ]; then
	echo "install-ace: Ace needs Node.js >= 20; this is $(node --version)" >&2
	exit 1
fi

mkdir -p "$dir"
if [ ! -x "$dir/node_modules/.bin/ace-puppeteer" ] ||
	! cmp -s "$root/tests/ace/package-lock.json" "$dir/package-lock.json"; then
	cp "$root/tests/ace/package.json" "$root/tests/ace/package-lock.json" "$dir/"
	# npm ci: exactly the versions of the lock file, node_modules anew.
	if ! (cd "$dir" && ELECTRON_SKIP_BINARY_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 \
		npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >"$dir/npm.log" 2>&1); then
		echo "install-ace: npm ci failed in $dir:" >&2
		cat "$dir/npm.log" >&2
		rm -f "$dir/package-lock.json" # so that the next run tries again
		exit 1
	fi
fi

# The browser puppeteer starts (PUPPETEER_EXECUTABLE_PATH). Puppeteer adds
# its own flags and a new, empty --user-data-dir after these.
cat >"$dir/chromium.tmp" <<EOF
#!/bin/sh
# Written by scripts/install-ace.sh: Debian's chromium for Ace's puppeteer.
exec $chromium_bin --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \\
	--disable-quic --no-first-run --disable-background-networking \\
	--disable-component-update --disable-sync "\$@"
EOF
chmod 755 "$dir/chromium.tmp"
mv "$dir/chromium.tmp" "$dir/chromium"
