#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make deps: install every Debian package the build and the tests need, and
# unpack Debian's stock 6.12 kernel (image, modules, headers) into the cache
# without installing a kernel into the host.  Idempotent; fast when done.
set -euo pipefail

cache=${BIOSFLASH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/biosflash}
pkgs=(
	build-essential bc bison flex libelf-dev libssl-dev kmod cpio xz-utils
	rsync file python3 sparse dwarves
	qemu-system-x86 qemu-system-arm busybox-static mtd-utils flashrom
	device-tree-compiler dt-schema gnuplot-nox python3-docutils dkms
	linux-source-6.12 linux-headers-amd64
	gcc-aarch64-linux-gnu gcc-arm-linux-gnueabihf
)

sudo=
[ "$(id -u)" = 0 ] || sudo=sudo
# The 32-bit arm lane (selftests/vm/arm-setup.sh) downloads Debian's armhf
# kernel, busybox and mtd-utils: apt must know the architecture.
if ! dpkg --print-foreign-architectures | grep -qx armhf; then
	echo "deps: adding the armhf architecture to dpkg (for apt-get download)"
	$sudo dpkg --add-architecture armhf
	$sudo apt-get update -q
fi
missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed' ||
		missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
	echo "deps: installing ${missing[*]}"
	$sudo apt-get update -q
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q \
		--no-install-recommends "${missing[@]}"
fi

# Debian's stock 6.12 amd64 kernel, unpacked (never installed): the version
# that linux-headers-6.12-amd64 points at today.
ver=$(apt-cache depends linux-headers-6.12-amd64 2>/dev/null |
	sed -n 's/.*Depends: linux-headers-\(6\.12\.[0-9]*+deb[0-9]*-amd64\)$/\1/p' | head -n 1)
if [ -z "$ver" ]; then
	$sudo apt-get update -q
	ver=$(apt-cache depends linux-headers-6.12-amd64 |
		sed -n 's/.*Depends: linux-headers-\(6\.12\.[0-9]*+deb[0-9]*-amd64\)$/\1/p' | head -n 1)
fi
[ -n "$ver" ] || { echo "deps: cannot resolve the Debian 6.12 kernel version" >&2; exit 1; }
root=$cache/stock-$ver
if [ ! -f "$root/.done" ]; then
	echo "deps: unpacking Debian kernel $ver into $root"
	common=${ver%-amd64}
	kb=linux-kbuild-${common}
	dl=$(mktemp -d)
	chmod 755 "$dl"
	(cd "$dl" && apt-get download -q "linux-image-$ver-unsigned" \
		"linux-headers-$ver" "linux-headers-$common-common" "$kb")
	rm -rf "$root"
	mkdir -p "$root"
	for d in "$dl"/*.deb; do dpkg-deb -x "$d" "$root"; done
	rm -rf "$dl"
	# The headers' Makefile includes the common tree by absolute path.
	sed -i "s|include /usr/src/|include $root/usr/src/|" \
		"$root/usr/src/linux-headers-$ver/Makefile"
	touch "$root/.done"
fi
ln -sfn "stock-$ver" "$cache/stock"

# linux-source-6.12: checkpatch, the kselftest harness and the debug kernel.
srcver=$(dpkg-query -W -f='${Version}' linux-source-6.12)
src=$cache/linux-source-6.12-$srcver
if [ ! -f "$src/Makefile" ]; then
	echo "deps: unpacking linux-source-6.12 $srcver"
	rm -rf "$src.tmp"
	mkdir -p "$src.tmp"
	tar -C "$src.tmp" -xf /usr/src/linux-source-6.12.tar.xz
	mv "$src.tmp/linux-source-6.12" "$src"
	rmdir "$src.tmp"
fi
ln -sfn "linux-source-6.12-$srcver" "$cache/linux-source"
echo "deps: ok (stock kernel $ver, cache $cache)"
