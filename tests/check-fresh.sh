#!/usr/bin/env bash
# tests/check-fresh.sh [RELEASE...] - the README's two commands, `make book`
# and `make check`, as a newcomer runs them on a fresh Debian machine: in a
# clean root made by debootstrap (--variant=minbase, plus only
# build-essential, git, make, pkg-config, python3 and sudo), as root, in a
# clone of this repository's HEAD (commit first: the work tree is not
# used). Everything else the two commands need, they must install
# themselves (scripts/deps.sh).
#
# RELEASE: bookworm (Debian 12) or trixie (Debian 13); default both, one
# after the other. `make check-fresh` runs this.
#
# Needs root (debootstrap, chroot, mounts) and Debian's package archive
# (debootstrap is installed with apt-get when missing). Each RELEASE's root
# is build/fresh/RELEASE/root, made anew from a copy of the bare root that
# debootstrap made once (build/fresh/RELEASE-base.tar; delete it to
# debootstrap again). The full output goes to build/fresh/RELEASE.log; the
# last lines of each command are printed. Exits 1 when either command
# failed for any RELEASE.
#
# Environment: FRESH_MIRROR (default http://deb.debian.org/debian),
# FRESH_SECURITY (default http://deb.debian.org/debian-security),
# FRESH_DIR (default build/fresh), FRESH_LINES (lines printed, default 12).

set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
mirror=${FRESH_MIRROR:-http://deb.debian.org/debian}
security=${FRESH_SECURITY:-http://deb.debian.org/debian-security}
lines=${FRESH_LINES:-12}
include=build-essential,git,make,pkg-config,python3,sudo

releases=()
for arg in "$@"; do
	case $arg in
	-h | --help)
		sed -n '2,/^$/s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
		exit 0
		;;
	bookworm | trixie) releases+=("$arg") ;;
	*)
		printf 'check-fresh.sh: unknown release or option %s (bookworm, trixie)\n' "$arg" >&2
		exit 2
		;;
	esac
done
[ ${#releases[@]} -gt 0 ] || releases=(bookworm trixie)

if [ "$(id -u)" -ne 0 ]; then
	echo "check-fresh.sh: needs root (debootstrap, chroot and mounts)" >&2
	exit 2
fi
if ! command -v debootstrap >/dev/null 2>&1; then
	sh "$repo/scripts/deps.sh" debootstrap || exit 2
fi
dir=${FRESH_DIR:-$repo/build/fresh}
case $dir in /*) ;; *) dir=$PWD/$dir ;; esac
mkdir -p "$dir"

# is_mounted_under DIR: true when anything is mounted at or below DIR.
is_mounted_under() {
	awk -v d="$1" '$2 == d || index($2, d "/") == 1 { found = 1 } END { exit !found }' /proc/mounts
}

# unmount_root ROOT: every mount of ROOT undone, deepest first.
unmount_root() {
	local m
	for m in dev/pts dev/shm dev sys proc; do
		if is_mounted_under "$1/$m"; then
			umount -R "$1/$m" 2>/dev/null || umount -lR "$1/$m"
		fi
	done
}

# fresh_root RELEASE ROOT: a clean root in ROOT, from the cached bare root.
fresh_root() {
	local rel=$1 root=$2 base=$dir/$1-base.tar
	if [ ! -s "$base" ]; then
		local tmp=$dir/$rel-debootstrap
		rm -rf "$tmp"
		echo "debootstrap $rel (minbase + $include) from $mirror" >&2
		if ! debootstrap --variant=minbase --include="$include" "$rel" "$tmp" "$mirror" \
			>"$dir/$rel-debootstrap.log" 2>&1; then
			echo "check-fresh.sh: debootstrap $rel failed; see $dir/$rel-debootstrap.log" >&2
			tail -n 20 "$dir/$rel-debootstrap.log" >&2
			return 1
		fi
		# What a Debian installer writes: the release, its updates and security.
		cat >"$tmp/etc/apt/sources.list" <<-EOF
			deb $mirror $rel main
			deb $mirror $rel-updates main
			deb $security $rel-security main
		EOF
		tar -C "$tmp" -cf "$base.part" . && mv "$base.part" "$base" && rm -rf "$tmp"
	fi
	mkdir -p "$root"
	tar -C "$root" -xf "$base"
	cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
	# This machine's own network trust comes along, as resolv.conf does:
	# where the registries are reached through a TLS-inspecting proxy, its
	# CA certificates (which ca-certificates adds to the system's list once
	# it is installed) and the variables that point programs at that list
	# (see pass_env). A machine without them has nothing to copy.
	if [ -d /usr/local/share/ca-certificates ]; then
		mkdir -p "$root/usr/local/share/ca-certificates"
		cp -a /usr/local/share/ca-certificates/. "$root/usr/local/share/ca-certificates/"
	fi
	mount -t proc proc "$root/proc" &&
		mount --rbind /sys "$root/sys" && mount --make-rslave "$root/sys" &&
		mount --rbind /dev "$root/dev" && mount --make-rslave "$root/dev"
}

# pass_env: NAME=VALUE for each variable of this machine's environment
# that points programs at its CA certificates (NODE_EXTRA_CA_CERTS for npm,
# SSL_CERT_FILE...), to pass into the root; nothing else of the
# environment goes in.
pass_env=()
for v in NODE_EXTRA_CA_CERTS SSL_CERT_FILE SSL_CERT_DIR CURL_CA_BUNDLE GIT_SSL_CAINFO; do
	[ -n "${!v:-}" ] && pass_env+=("$v=${!v}")
done

status=0
root=
trap '[ -n "$root" ] && unmount_root "$root"' EXIT
trap 'exit 130' INT TERM HUP
for rel in "${releases[@]}"; do
	root=$dir/$rel/root
	log=$dir/$rel.log
	if is_mounted_under "$dir/$rel"; then
		unmount_root "$root"
		if is_mounted_under "$dir/$rel"; then
			echo "check-fresh.sh: $dir/$rel still has mounts; not removing it" >&2
			exit 1
		fi
	fi
	rm -rf "$dir/$rel"
	: >"$log"
	echo "== $rel: a clean root in $root"
	if ! fresh_root "$rel" "$root"; then
		unmount_root "$root"
		echo "$rel: FAILED (no root)"
		status=1
		continue
	fi
	# A clone of HEAD, as a newcomer's git makes it.
	git -C "$repo" bundle create "$root/root/mkbook.bundle" HEAD >>"$log" 2>&1
	commit=$(git -C "$repo" rev-parse --short HEAD)
	echo "== $rel: commit $commit; log $log"
	for cmd in "make book" "make check"; do
		start=$(date +%s)
		chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb "${pass_env[@]}" \
			PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
			/bin/bash -c "cd /root && { [ -d mkbook ] || git clone -q mkbook.bundle mkbook; } && cd mkbook && $cmd" \
			>"$dir/$rel.cmd.log" 2>&1 </dev/null
		rc=$?
		{ echo "== $cmd (exit $rc)"; cat "$dir/$rel.cmd.log"; } >>"$log"
		echo "-- $rel: $cmd: exit $rc after $(($(date +%s) - start)) s; its last lines:"
		tail -n "$lines" "$dir/$rel.cmd.log" | sed 's/^/    /'
		if [ "$rc" -ne 0 ]; then
			status=1
			break
		fi
	done
	rm -f "$dir/$rel.cmd.log"
	unmount_root "$root"
	if [ "$rc" -eq 0 ]; then echo "$rel: both commands passed"; else echo "$rel: FAILED"; fi
done
exit $status
