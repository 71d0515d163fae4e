#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make fresh [FRESH_TARGET=check]: the README's commands on a pristine
# Debian 12, as a newcomer's machine would run them.  Builds a minimal
# Debian 12 root with mmdebstrap (variant minbase, plus only what a newcomer
# types before the README: git, make, ca-certificates), mounts /proc, /sys
# and /dev in it, clones the committed tree (HEAD) inside and runs
# `make TARGET` there; every package the build and the tests need is
# installed inside by the tree's own scripts/deps.sh, so a package missing
# from deps.sh fails here.
#
# Nothing installed on the host is visible inside.  The one thing shared
# with the host is the project's cache of kernels and kernel builds
# (BIOSFLASH_CACHE, default ~/.cache/biosflash), bind-mounted at the same
# path: each of its entries is keyed by what it was made from (package
# versions, the config fragment, the compiler), so an entry made on the host
# is the one the fresh root would make (Documentation/testing.rst).
#
# Needs root (mmdebstrap's root mode, mounts) and mmdebstrap on the host,
# which it installs if missing.  The root is removed afterwards unless
# FRESH_KEEP=1.
set -euo pipefail

target=${1:-check}
top=$(cd "$(dirname "$0")/.." && pwd)
cache=${BIOSFLASH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/biosflash}
root=${FRESH_ROOT:-/var/tmp/biosflash-fresh}
suite=bookworm

if [ "$(id -u)" != 0 ]; then
	exec sudo --preserve-env=BIOSFLASH_CACHE,FRESH_ROOT,FRESH_KEEP,CI \
		BIOSFLASH_CACHE="$cache" "$0" "$@"
fi

say() { echo "fresh: $*"; }

if ! command -v mmdebstrap > /dev/null; then
	say "installing mmdebstrap on the host (builds the root; not visible inside)"
	apt-get update -q
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends mmdebstrap
fi

# mounts_under: every mount at or under the root, deepest first (none is
# not an error: a root kept by FRESH_KEEP=1 has nothing mounted)
mounts_under() {
	findmnt -rn -o TARGET | { grep -E "^$root(/|$)" || true; } | sort -r
}

# umount_all: every mount under the root, deepest first
umount_all() {
	local m
	[ -d "$root" ] || return 0
	mounts_under | while read -r m; do umount -l "$m" || true; done
}

# remove the root, never following a mount into the host
remove_root() {
	umount_all
	if [ -n "$(mounts_under)" ]; then
		say "still mounted under $root, not removing it" >&2
		return 1
	fi
	rm -rf --one-file-system "$root"
}

cleanup() {
	local rc=$?
	if [ -n "${FRESH_KEEP:-}" ]; then
		umount_all
		say "root kept in $root"
	else
		remove_root || true
	fi
	exit "$rc"
}

remove_root
mkdir -p "$cache"
trap cleanup EXIT INT TERM

# The host's own apt sources: the same Debian 12 archive this machine uses.
sources=()
for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.sources \
	/etc/apt/sources.list.d/*.list; do
	[ -s "$f" ] && grep -qE '^[[:space:]]*(deb |Types:)' "$f" && sources+=("$f")
done

t0=$(date +%s)
say "building a pristine Debian 12 ($suite, minbase + git make ca-certificates) in $root"
mmdebstrap --variant=minbase --include=git,make,ca-certificates \
	"$suite" "$root" "${sources[@]}"
say "root built in $(($(date +%s) - t0)) s: $(chroot "$root" dpkg-query -W | wc -l) packages"

# The host's resolver, so that apt inside reaches the archive
cp -L /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
mount -t sysfs sysfs "$root/sys"
mount --rbind /dev "$root/dev"
mount --make-rslave "$root/dev"
mount -t tmpfs tmpfs "$root/tmp"
mkdir -p "$root$cache" "$root/mnt/src"
mount --bind "$cache" "$root$cache"
mount --bind -o ro "$top" "$root/mnt/src"

# Clone the committed tree inside, with the root's own git
chroot "$root" git clone -q /mnt/src /root/biosflash
say "cloned $(chroot "$root" git -C /root/biosflash log -1 --format='%h %s')"
umount "$root/mnt/src"

say "running 'make $target' in the fresh root"
# A clean environment, as a login on the new machine would have
set +e
chroot "$root" /usr/bin/env -i HOME=/root \
	PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
	LANG=C.UTF-8 TERM=dumb BIOSFLASH_CACHE="$cache" ${CI:+CI=$CI} \
	bash -c "cd /root/biosflash && make $target"
rc=$?
set -e
say "make $target exited $rc after $(($(date +%s) - t0)) s in all"
exit "$rc"
