#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# mkinitramfs.sh OUT.cpio.gz KREL MODROOT OBJDIR TESTBIN
#   KREL     kernel release (modules go to /lib/modules/KREL)
#   MODROOT  directory holding lib/modules/KREL of that kernel
#   OBJDIR   where biosflash.ko and flashsim.ko were built
#   TESTBIN  directory of built test programs and tools
# Packs busybox, mtd-utils, flashrom (with their shared libraries), the
# kernel's MTD/SPI modules, our modules and the tests into one initramfs.
set -euo pipefail

out=$1 krel=$2 modroot=$3 objdir=$4 testbin=$5
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
# the image's root: mktemp makes it 0700, which would lock every non-root
# user (biosflash_access.sh) out of the whole file system
chmod 0755 "$stage"

mkdir -p "$stage"/{bin,sbin,usr/bin,usr/sbin,lib,lib64,proc,sys,dev,tmp,run,root,etc,tests}
cp /bin/busybox "$stage/bin/busybox"
ln -s busybox "$stage/bin/sh"

tools="flashcp flash_erase flash_lock flash_unlock mtd_debug mtdinfo flashrom"
libs=()
for t in $tools; do
	p=$(command -v "$t")
	cp "$p" "$stage/usr/sbin/"
	libs+=("$p")
done
for f in "$testbin"/*; do
	[ -f "$f" ] || continue
	cp -a "$f" "$stage/tests/"
	file -b "$f" | grep -q 'dynamically linked' && libs+=("$f")
done
# Shared-library closure, loader included.
for b in "${libs[@]}"; do
	ldd "$b" | grep -o '/[^ ]*' || true
done | sort -u | while read -r l; do
	mkdir -p "$stage$(dirname "$l")"
	cp -L "$l" "$stage$l"
done

# Guest scripts and data.
cp "$here/init" "$stage/init"
cp "$here/guest-runner.sh" "$here/suites" "$here/skip-allow" "$top/selftests/lib.sh" \
	"$top/selftests/prot_tables.sh" "$stage/tests/"
for f in "$top"/selftests/*.sh; do
	case $(basename "$f") in lib.sh | prot_tables.sh) ;; *) cp "$f" "$stage/tests/" ;; esac
done
chmod +x "$stage/init" "$stage"/tests/*

# Kernel modules: the kernel's own MTD/SPI ones, then ours under extra/.
mdst=$stage/lib/modules/$krel
mkdir -p "$mdst/extra"
msrc=$modroot/lib/modules/$krel
for d in kernel/drivers/mtd kernel/drivers/spi kernel/drivers/gpio kernel/fs/configfs; do
	[ -d "$msrc/$d" ] || continue
	mkdir -p "$mdst/$d"
	cp -a "$msrc/$d/." "$mdst/$d/"
done
find "$mdst" -name '*.ko.xz' -exec xz -d {} +
find "$mdst" -name '*.ko.zst' -exec zstd -q -d --rm {} + 2>/dev/null || true
for k in driver/biosflash.ko selftests/flashsim/flashsim.ko \
	selftests/hooks/bf_hooks.ko; do
	[ -f "$objdir/$k" ] && cp "$objdir/$k" "$mdst/extra/"
done
cp "$msrc"/modules.builtin* "$mdst/" 2>/dev/null || true
cp "$msrc"/modules.order "$mdst/" 2>/dev/null || true
depmod -b "$stage" "$krel"

(cd "$stage" && find . | cpio -o -H newc --quiet | gzip -1) > "$out"
