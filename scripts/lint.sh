#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Static checks, all fatal:
#  - biosflash.ko, flashsim.ko and bf_hooks.ko with W=1 and sparse (C=1) against Debian's
#    stock 6.12 and 6.1 headers: no warning at all;
#  - the driver cross-compiled (W=1) for arm64 and 32-bit arm against
#    linux-source-6.12 prepared for each (Raspberry Pi OS ships both);
#  - checkpatch.pl --strict on every tracked C file;
#  - every break of scripts/breaks.sh still applies to the driver.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cache=${BIOSFLASH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/biosflash}
src=$(readlink -f "$cache/linux-source")
mkdir -p "$top/selftests/out"
fail=0

# build NAME KDIR [MAKE ARGS...]: out-of-tree copy, W=1 C=1, no warnings
build() {
	local name=$1 kdir=$2
	shift 2
	local obj=$top/selftests/out/lint-$name log=$top/selftests/out/lint-$name.log
	mkdir -p "$obj"
	rsync -a --delete --exclude .git --exclude selftests/out "$top/" "$obj/"
	if ! make -s -C "$kdir" M="$obj" W=1 C=1 KBUILD_MODPOST_WARN=1 "$@" modules > "$log" 2>&1; then
		echo "lint: $name: build failed"
		cat "$log"
		fail=1
		return
	fi
	# modpost may warn about symbols when only modules_prepare ran (cross)
	if grep -v 'modpost' "$log" | grep -E ': (warning|error):' > /dev/null; then
		echo "lint: $name: warnings:"
		grep -v 'modpost' "$log" | grep -E ': (warning|error):' | head -n 40
		fail=1
	else
		echo "lint: $name: clean"
	fi
}

# prepare_cross ARCH CROSS DEFCONFIG: a configured, prepared source tree,
# cached by source version and cross compiler
prepare_cross() {
	local arch=$1 cross=$2 defconfig=$3 key
	key=$("${cross}gcc" --version | head -n 1 | sha256sum | cut -c1-8)
	local out=$cache/cross-$arch-$(basename "$src")-$key
	if [ ! -f "$out/.biosflash-done" ]; then
		rm -rf "$out"
		mkdir -p "$out"
		make -s -C "$src" O="$out" ARCH="$arch" CROSS_COMPILE="$cross" "$defconfig" >&2
		"$src/scripts/config" --file "$out/.config" --enable SPI --enable SPI_MEM \
			--module MTD --enable OF --enable GPIOLIB
		make -s -C "$out" ARCH="$arch" CROSS_COMPILE="$cross" olddefconfig >&2
		make -s -C "$out" ARCH="$arch" CROSS_COMPILE="$cross" -j"$(nproc)" modules_prepare >&2
		touch "$out/.biosflash-done"
	fi
	echo "$out"
}

stock=$(readlink -f "$cache/stock")
krel=$(basename "$(ls -d "$stock"/usr/src/linux-headers-*-amd64)")
build stock-6.12 "$stock/usr/src/$krel"
h61=$(ls -d /usr/src/linux-headers-6.1.*-amd64 | sort -V | tail -n 1)
build debian-6.1 "$h61"

arm64=$(prepare_cross arm64 aarch64-linux-gnu- defconfig)
build arm64 "$arm64" ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-
arm=$(prepare_cross arm arm-linux-gnueabihf- multi_v7_defconfig)
build arm "$arm" ARCH=arm CROSS_COMPILE=arm-linux-gnueabihf-

files=$(cd "$top" && git ls-files '*.c' '*.h')
if [ -n "$files" ]; then
	if (cd "$top" && perl "$src/scripts/checkpatch.pl" --strict --no-tree --terse \
		--show-types -f $files) > "$top/selftests/out/lint-checkpatch.log" 2>&1 &&
		! grep -qE 'ERROR|WARNING|CHECK' "$top/selftests/out/lint-checkpatch.log"; then
		echo "lint: checkpatch --strict: clean ($(echo "$files" | wc -w) files)"
	else
		echo "lint: checkpatch --strict:"
		grep -E 'ERROR|WARNING|CHECK' "$top/selftests/out/lint-checkpatch.log" | head -n 60
		fail=1
	fi
fi
bash "$top/scripts/breaks.sh" check | sed 's/^/lint: /' || fail=1
exit $fail
