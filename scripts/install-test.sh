#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make install and dkms.conf, both into a staging directory, against Debian's
# stock 6.12 headers: the files land where Raspberry Pi OS looks for them.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cache=${BIOSFLASH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/biosflash}
stock=$(readlink -f "$cache/stock")
kdir=$(ls -d "$stock"/usr/src/linux-headers-*-amd64)
krel=${kdir##*/linux-headers-}
stage=$(mktemp -d)
work=$(mktemp -d)
trap 'rm -rf "$stage" "$work"' EXIT
fail=0

check() {
	if [ -e "$stage/$1" ]; then
		echo "install-test: ok    $1"
	else
		echo "install-test: FAIL  $1 missing"
		fail=1
	fi
}

# make install, pre-Bookworm layout (no /boot/firmware) then Bookworm's
rsync -a --exclude .git --exclude selftests/out "$top/" "$work/src/"
make -s -C "$work/src" install DESTDIR="$stage" KDIR="$kdir" > "$work/log" 2>&1 ||
	{ cat "$work/log"; exit 1; }
check "lib/modules/$krel/updates/biosflash.ko"
check boot/overlays/biosflash.dtbo
check usr/sbin/biosflash
check usr/share/man/man8/biosflash.8
rm -rf "${stage:?}"/*
mkdir -p "$stage/boot/firmware/overlays"
make -s -C "$work/src" install DESTDIR="$stage" KDIR="$kdir" > "$work/log" 2>&1
check boot/firmware/overlays/biosflash.dtbo

# dkms.conf: run its MAKE line the way dkms does (build tree = a copy of the
# sources) and find the module at BUILT_MODULE_LOCATION
# shellcheck disable=SC2034 # read by dkms.conf
kernel_source_dir=$kdir dkms_tree=$work/dkms
# shellcheck disable=SC1091
. "$top/dkms.conf"
build=$dkms_tree/$PACKAGE_NAME/$PACKAGE_VERSION/build
mkdir -p "$build"
rsync -a --exclude .git --exclude selftests/out "$top/" "$build/"
(cd "$build" && eval "${MAKE[0]}") > "$work/log" 2>&1 || { cat "$work/log"; exit 1; }
if [ -f "$build/${BUILT_MODULE_LOCATION[0]}${BUILT_MODULE_NAME[0]}.ko" ]; then
	echo "install-test: ok    dkms MAKE builds ${BUILT_MODULE_LOCATION[0]}${BUILT_MODULE_NAME[0]}.ko"
else
	echo "install-test: FAIL  dkms build gave no module"
	fail=1
fi
for opt in CONFIG_MTD CONFIG_SPI_MEM; do
	case " $BUILD_EXCLUSIVE_CONFIG " in
	*" $opt "*) grep -q "^$opt=" "$kdir/.config" ||
		{ echo "install-test: FAIL  $opt not in $kdir/.config"; fail=1; } ;;
	*) echo "install-test: FAIL  BUILD_EXCLUSIVE_CONFIG lacks $opt"; fail=1 ;;
	esac
done
exit $fail
