#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# arm-initramfs.sh OUT.cpio.gz ROOT OBJDIR [FILE...]
#   ROOT    the armhf root arm-setup.sh unpacked (kernel modules, busybox,
#           mtd-utils and their libraries, all Debian's armhf packages)
#   OBJDIR  where biosflash.ko was cross-built
#   FILE    extra files for /tests (the images the guest writes)
# The 32-bit arm guest's initramfs: the same init, runner and shell tests as
# the x86 guests (selftests/vm/init, guest-runner.sh, selftests/*.sh).
set -euo pipefail

out=$1 root=$2 objdir=$3
shift 3
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
krel=$(basename "$(ls -d "$root"/lib/modules/*-armmp)")
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
chmod 0755 "$stage"
mkdir -p "$stage"/{bin,sbin,usr/bin,usr/sbin,lib,proc,sys,dev,tmp,run,root,etc,tests}
cp "$root/bin/busybox" "$stage/bin/busybox"
ln -s busybox "$stage/bin/sh"
for t in flashcp flash_erase flash_lock flash_unlock mtd_debug mtdinfo; do
	cp "$root/usr/sbin/$t" "$stage/usr/sbin/"
done
# Shared-library closure of the mtd-utils binaries, from the armhf root
# (readelf, not ldd: the host cannot run them)
need() {
	arm-linux-gnueabihf-readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'
}
todo=("$stage"/usr/sbin/*) seen=" "
while [ "${#todo[@]}" -gt 0 ]; do
	f=${todo[0]}
	todo=("${todo[@]:1}")
	for l in $(need "$f"); do
		case $seen in *" $l "*) continue ;; esac
		seen="$seen$l "
		p=$(find "$root/lib/arm-linux-gnueabihf" "$root/usr/lib/arm-linux-gnueabihf" \
			-maxdepth 1 -name "$l" 2>/dev/null | head -n 1)
		[ -n "$p" ] || { echo "arm-initramfs: no $l in $root" >&2; exit 1; }
		mkdir -p "$stage/lib/arm-linux-gnueabihf"
		cp -L "$p" "$stage/lib/arm-linux-gnueabihf/"
		todo+=("$p")
	done
done
cp -L "$root/lib/ld-linux-armhf.so.3" "$stage/lib/"

cp "$here/init" "$stage/init"
cp "$here/guest-runner.sh" "$here/suites" "$here/skip-allow" "$top/selftests/lib.sh" \
	"$top/selftests/prot_tables.sh" "$stage/tests/"
cp "$top/selftests/biosflash_arm.sh" "$stage/tests/"
for f in "$@"; do cp "$f" "$stage/tests/"; done
chmod +x "$stage/init" "$stage"/tests/*.sh

mdst=$stage/lib/modules/$krel
msrc=$root/lib/modules/$krel
mkdir -p "$mdst/extra"
for d in kernel/drivers/mtd kernel/drivers/spi kernel/drivers/gpio; do
	mkdir -p "$mdst/$d"
	cp -a "$msrc/$d/." "$mdst/$d/"
done
find "$mdst" -name '*.ko.xz' -exec xz -d {} +
cp "$objdir/driver/biosflash.ko" "$mdst/extra/"
cp "$msrc"/modules.builtin* "$msrc/modules.order" "$mdst/"
depmod -b "$stage" "$krel"
(cd "$stage" && find . | cpio -o -H newc --quiet | gzip -1) > "$out"
