#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the debug test kernel from Debian's linux-source-6.12 with the options
# in selftests/config, on top of allnoconfig.  The build is cached outside the
# repository, keyed by the source package version, the config fragment and
# the compiler, so a warm run costs nothing and a cached build is the one this
# machine would make.  Prints the build directory (usable as KDIR).
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
cache=${BIOSFLASH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/biosflash}
frag=$top/selftests/config
srcver=$(dpkg-query -W -f='${Version}' linux-source-6.12)
key=$({ echo "$srcver"; gcc --version | head -n 1; grep -v '^#' "$frag"; } |
	sha256sum | cut -c1-12)
build=$cache/debug-kernel-$key
src=$cache/linux-source-6.12-$srcver

if [ -f "$build/.biosflash-done" ]; then
	echo "$build"
	exit 0
fi
mkdir -p "$cache"
if [ ! -f "$src/Makefile" ]; then
	echo "build-kernel: unpacking linux-source-6.12 $srcver" >&2
	rm -rf "$src.tmp"
	mkdir -p "$src.tmp"
	tar -C "$src.tmp" -xf /usr/src/linux-source-6.12.tar.xz
	mv "$src.tmp/linux-source-6.12" "$src"
	rmdir "$src.tmp"
fi

echo "build-kernel: configuring $build" >&2
rm -rf "$build"
mkdir -p "$build"
make -s -C "$src" O="$build" KCONFIG_ALLCONFIG="$frag" allnoconfig >&2
missing=0
while read -r line; do
	case "$line" in CONFIG_*=*) ;; *) continue ;; esac
	if ! grep -qx "$line" "$build/.config"; then
		echo "build-kernel: $line did not survive Kconfig" >&2
		missing=1
	fi
done < "$frag"
[ "$missing" = 0 ] || exit 1

echo "build-kernel: building (about 6-10 minutes on 2 cores)" >&2
make -s -C "$build" -j"$(nproc)" bzImage modules >&2
make -s -C "$build" INSTALL_MOD_PATH="$build/mods" INSTALL_MOD_STRIP=1 \
	modules_install >&2
touch "$build/.biosflash-done"
echo "$build"
