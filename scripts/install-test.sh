#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The install paths of Documentation/recovery.rst step 1, against Debian's
# stock 6.12 headers, into staging directories (the files land where
# Raspberry Pi OS looks for them):
#  - make install on a tree make did not build, or (last) whose module is
#    older than its sources, stops with a message and installs nothing;
#  - make with a kernel build directory that does not exist stops with one
#    line naming the fix (the headers package, or a reboot);
#  - make as an ordinary user (nobody) in a copy of the tree it owns, then
#    make install as root, as in "make && sudo make install": the files are
#    installed, modinfo shows dkms.conf's PACKAGE_VERSION, and no file of the
#    tree belongs to root afterwards (kbuild run as root would leave some);
#  - make dkms-install and dkms-remove with dkms itself, its trees staged,
#    over what make install put there: the module DKMS built (in place of
#    make install's), the overlay, the tool and its manual page, and no root
#    file in the clone (one make never ran in); then all of them gone again;
#  - dkms.conf's MAKE line run the way dkms runs it, and its
#    BUILD_EXCLUSIVE_CONFIG against the kernel's .config.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cache=${BIOSFLASH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/biosflash}
stock=$(readlink -f "$cache/stock")
kdir=$(ls -d "$stock"/usr/src/linux-headers-*-amd64)
krel=${kdir##*/linux-headers-}
stage=$(mktemp -d)
work=$(mktemp -d)
trap 'rm -rf "$stage" "$work"' EXIT
chmod 755 "$work"
fail=0

ok() { echo "install-test: ok    $*"; }
bad() { echo "install-test: FAIL  $*"; fail=1; }

check() {
	if [ -e "$stage/$1" ]; then ok "$1"; else bad "$1 missing"; fi
}

# as_user CMD...: CMD as nobody, as a user builds in a clone of their own.
# CAP_DAC_READ_SEARCH only lets it read the cached headers under root's
# home; every file it writes is still its own.
as_user() {
	setpriv --reuid=nobody --regid=nogroup --clear-groups \
		--inh-caps=+dac_read_search --ambient-caps=+dac_read_search "$@"
}

# no_root_files LABEL [TREE]: not one file of the user's tree belongs to root
no_root_files() {
	local tree=${2:-$src} n
	n=$(find "$tree" -user root | wc -l)
	if [ "$n" = 0 ]; then
		ok "$1: no file in the tree belongs to root"
	else
		bad "$1: $n files in the tree belong to root:"
		find "$tree" -user root | head -n 10 | sed "s|^$tree/|    |"
	fi
}

# the version dkms itself reads: dkms.conf sourced by the shell
# shellcheck disable=SC2034 # read by dkms.conf
kernel_source_dir=$kdir dkms_tree=$work/dkms
# shellcheck disable=SC1091
. "$top/dkms.conf"

# the user's clones: the tree without what .gitignore names, owned by
# nobody; src for make && sudo make install, fresh for sudo make dkms-install
src=$work/src
fresh=$work/fresh
for t in "$src" "$fresh"; do
	rsync -a --exclude .git --exclude selftests/out --filter=':- .gitignore' "$top/" "$t/"
	chown -R nobody:nogroup "$t"
done

# make install before make: refused, nothing installed, nothing built
if make -C "$src" install DESTDIR="$stage" KDIR="$kdir" > "$work/log" 2>&1; then
	bad "make install on an unbuilt tree succeeded"
elif grep -q 'driver/biosflash.ko is not built: run make (without sudo) first' "$work/log" &&
	[ -z "$(ls -A "$stage")" ]; then
	ok "make install on an unbuilt tree: refused, nothing installed"
else
	bad "make install on an unbuilt tree:"
	cat "$work/log"
fi
no_root_files "refused make install"

# a missing build directory: one line that says what to do.  A uname that
# names a kernel without headers stands for the default KDIR's kernel.
mkdir -p "$work/bin"
printf '#!/bin/sh\necho 0.0.0-nohdr\n' > "$work/bin/uname"
chmod 755 "$work/bin/uname"
if PATH=$work/bin:$PATH as_user make -s -C "$src" > "$work/log" 2>&1; then
	bad "make without kernel headers succeeded"
elif [ "$(wc -l < "$work/log")" = 1 ] &&
	grep -q '/lib/modules/0.0.0-nohdr/build does not exist: install the headers package for the running kernel 0.0.0-nohdr (sudo apt install linux-headers-0.0.0-nohdr) or reboot into the kernel the installed headers are for' "$work/log"; then
	ok "make without kernel headers: $(cut -c1-60 "$work/log")..."
else
	bad "make without kernel headers did not give the one-line hint:"
	cat "$work/log"
fi

# make as the user, then make install as root (pre-Bookworm layout, then
# Bookworm's /boot/firmware/overlays)
as_user make -s -C "$src" KDIR="$kdir" > "$work/log" 2>&1 || { cat "$work/log"; exit 1; }
ver=$(modinfo -F version "$src/driver/biosflash.ko")
if [ "$ver" = "$PACKAGE_VERSION" ]; then
	ok "modinfo -F version biosflash.ko: $ver, dkms.conf's PACKAGE_VERSION"
else
	bad "modinfo -F version biosflash.ko: '$ver', dkms.conf says '$PACKAGE_VERSION'"
fi
make -s -C "$src" install DESTDIR="$stage" KDIR="$kdir" > "$work/log" 2>&1 ||
	{ cat "$work/log"; exit 1; }
check "lib/modules/$krel/updates/biosflash.ko"
check boot/overlays/biosflash.dtbo
check usr/sbin/biosflash
check usr/share/man/man8/biosflash.8
no_root_files "make && sudo make install"
rm -rf "${stage:?}"/*
mkdir -p "$stage/boot/firmware/overlays"
make -s -C "$src" install DESTDIR="$stage" KDIR="$kdir" > "$work/log" 2>&1 ||
	{ cat "$work/log"; exit 1; }
check boot/firmware/overlays/biosflash.dtbo
no_root_files "make install, Bookworm layout"

# sudo make dkms-install / dkms-remove in a clone make never ran in, with
# DKMS's trees under the stage, over what make install put there: DKMS's
# module replaces that one
if ! command -v dkms > /dev/null; then
	bad "dkms is not installed (scripts/deps.sh)"
elif ! make -C "$fresh" dkms-install DESTDIR="$stage" KDIR="$kdir" > "$work/log" 2>&1; then
	bad "make dkms-install:"
	cat "$work/log"
else
	ko=lib/modules/$krel/updates/dkms/biosflash.ko
	check "$ko"
	check "usr/src/biosflash-$PACKAGE_VERSION/dkms.conf"
	check boot/firmware/overlays/biosflash.dtbo
	check usr/sbin/biosflash
	check usr/share/man/man8/biosflash.8
	if [ -e "$stage/lib/modules/$krel/updates/biosflash.ko" ]; then
		bad "make install's updates/biosflash.ko is still there beside DKMS's"
	else
		ok "make install's updates/biosflash.ko replaced by DKMS's"
	fi
	if [ -e "$stage/$ko" ]; then
		ver=$(modinfo -F version "$stage/$ko")
		if [ "$ver" = "$PACKAGE_VERSION" ]; then
			ok "modinfo -F version of DKMS's module: $ver"
		else
			bad "modinfo -F version of DKMS's module: '$ver', not '$PACKAGE_VERSION'"
		fi
	fi
	no_root_files "sudo make dkms-install" "$fresh"
	if make -C "$fresh" dkms-remove DESTDIR="$stage" KDIR="$kdir" > "$work/log" 2>&1; then
		left=$(cd "$stage" && find . -type f -o -type l)
		if [ -z "$left" ]; then
			ok "make dkms-remove: module, sources, overlay, tool, man page gone"
		else
			bad "make dkms-remove left: $left"
		fi
	else
		bad "make dkms-remove:"
		cat "$work/log"
	fi
fi

# a source edited after make: make install refuses the stale module
rm -rf "${stage:?}"/*
as_user touch "$src/driver/core.c"
if make -C "$src" install DESTDIR="$stage" KDIR="$kdir" > "$work/log" 2>&1; then
	bad "make install with a stale module succeeded"
elif grep -q 'driver/biosflash.ko is older than its sources' "$work/log" &&
	[ -z "$(ls -A "$stage")" ]; then
	ok "make install with a stale module: refused, nothing installed"
else
	bad "make install with a stale module:"
	cat "$work/log"
fi
no_root_files "refused stale make install"

# dkms.conf: run its MAKE line the way dkms does (build tree = a copy of the
# sources) and find the module at BUILT_MODULE_LOCATION
build=$dkms_tree/$PACKAGE_NAME/$PACKAGE_VERSION/build
mkdir -p "$build"
rsync -a --exclude .git --exclude selftests/out "$top/" "$build/"
(cd "$build" && eval "${MAKE[0]}") > "$work/log" 2>&1 || { cat "$work/log"; exit 1; }
if [ -f "$build/${BUILT_MODULE_LOCATION[0]}${BUILT_MODULE_NAME[0]}.ko" ]; then
	ok "dkms MAKE builds ${BUILT_MODULE_LOCATION[0]}${BUILT_MODULE_NAME[0]}.ko"
else
	bad "dkms build gave no module"
fi
for opt in CONFIG_MTD CONFIG_SPI_MEM; do
	case " $BUILD_EXCLUSIVE_CONFIG " in
	*" $opt "*) grep -q "^$opt=" "$kdir/.config" ||
		bad "$opt not in $kdir/.config" ;;
	*) bad "BUILD_EXCLUSIVE_CONFIG lacks $opt" ;;
	esac
done
exit $fail
