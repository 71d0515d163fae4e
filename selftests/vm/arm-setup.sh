#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# arm-setup.sh: everything the 32-bit arm lane (selftests/vm/arm.sh) needs
# from Debian, unpacked into the cache, never installed into the host:
#  - Debian's armhf armmp kernel (image, its DTBs and modules) and headers,
#    of the same version as the stock amd64 kernel (scripts/deps.sh);
#  - busybox-static, mtd-utils and the libraries mtd-utils links, armhf;
#  - a modpost for the target.  Debian's linux-kbuild is built for the host,
#    and its modpost lays out the device tables as the host does
#    (sizeof(struct of_device_id) is 200 on amd64, 196 on armhf), so a module
#    with an OF match table fails in modpost.  The one here is built from the
#    matching linux-source-6.12 configured with Debian's armmp config.
# Prints the root directory.  Idempotent; fast when done.
set -euo pipefail

cache=${BIOSFLASH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/biosflash}
stock=$(readlink -f "$cache/stock")
krel_amd64=$(basename "$(ls "$stock"/boot/vmlinuz-* | head -n 1)")
krel_amd64=${krel_amd64#vmlinuz-}
common=${krel_amd64%-amd64}
krel=$common-armmp
root=$cache/armhf-$krel
src=$(readlink -f "$cache/linux-source")

if [ -f "$root/.done" ]; then
	echo "$root"
	exit 0
fi

dpkg --print-foreign-architectures | grep -qx armhf || {
	echo "arm-setup: armhf is not a dpkg architecture here: run make deps" >&2
	exit 1
}
echo "arm-setup: unpacking Debian's armhf $krel kernel and guest packages" >&2
rm -rf "$root"
mkdir -p "$root"
dl=$(mktemp -d)
chmod 755 "$dl"
pkgs=(
	"linux-image-$krel:armhf" "linux-headers-$krel:armhf"
	busybox-static:armhf mtd-utils:armhf libc6:armhf libgcc-s1:armhf
	libiniparser1:armhf liblzo2-2:armhf libselinux1:armhf libssl3:armhf
	libuuid1:armhf libzstd1:armhf zlib1g:armhf libpcre2-8-0:armhf
)
(cd "$dl" && apt-get download -q "${pkgs[@]}" 2>&1 | grep -v unsandboxed >&2)
for d in "$dl"/*.deb; do dpkg-deb -x "$d" "$root"; done
rm -rf "$dl"
# The common headers (architecture-independent) and the host's kbuild
# tools come from the stock amd64 tree scripts/deps.sh unpacked.
cp -a "$stock/usr/src/linux-headers-$common-common" "$root/usr/src/"
mkdir -p "$root/usr/lib"
cp -a "$stock/usr/lib/linux-kbuild-$common" "$root/usr/lib/"
hdr=$root/usr/src/linux-headers-$krel
sed -i "s|include /usr/src/|include $root/usr/src/|" "$hdr/Makefile"

# modpost for the target, from linux-source with Debian's armmp config
obj=$root/modpost-build
mkdir -p "$obj"
cp "$root/boot/config-$krel" "$obj/.config"
make -s -C "$src" O="$obj" ARCH=arm CROSS_COMPILE=arm-linux-gnueabihf- \
	olddefconfig >&2
make -s -C "$obj" ARCH=arm CROSS_COMPILE=arm-linux-gnueabihf- -j"$(nproc)" \
	modules_prepare >&2
# the copy of the host kbuild tree is this root's own
mp=$root/usr/lib/linux-kbuild-$common/scripts/mod/modpost
rm -f "$mp"
cp "$obj/scripts/mod/modpost" "$mp"
rm -rf "$obj"
touch "$root/.done"
echo "$root"
