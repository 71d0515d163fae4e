#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# arm.sh: the 32-bit arm lane.  Debian 12's qemu-system-arm under TCG boots
# Debian's armhf armmp kernel with its own DTB; the chips are QEMU's m25p80
# models (code nobody here wrote), their contents files on the host
# (-drive if=mtd); biosflash is cross-built against Debian's armhf headers
# (arm-setup.sh) and bound by driver_override behind the kernel's own
# controller driver.  Each boot's chips and what must happen to them are in
# the table below; the guest side is selftests/biosflash_arm.sh.  After QEMU
# exits the host compares each file with what the guest was told to write
# (or, for a refused chip, with what it held), byte for byte.  Ends with
# "N passed, N failed", as run.sh does.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
out=$top/selftests/out/arm
root=$("$here/arm-setup.sh")
krel=$(basename "$(ls -d "$root"/lib/modules/*-armmp)")
kimg=$root/boot/vmlinuz-$krel
dtbs=$root/usr/lib/linux-image-$krel
hdr=$root/usr/src/linux-headers-$krel
splat='BUG:|WARNING:|INFO:|Call Trace|Oops|Kernel panic|Unable to handle|Internal error'
mkdir -p "$out"
rm -f "$out/failures.txt"

# Boots: NAME MACHINE DTB CONSOLE MODULES then one CHIP per chip select,
# in -drive if=mtd order (the ast2600-evb: FMC CS0, then SPI1 CS0; the
# sabrelite: its fixed SST25VF016B on ECSPI1).  CHIP is
# DEV=MODEL:KIB:EXPECT[:ARG]; EXPECT is write (ARG: the KiB flashcp writes
# at 0, default all), protect (write, after the block-protection rows of
# biosflash_arm.sh), ro (bound and read, writes refused) or refuse (no
# bind; ARG: the probe line, _ for spaces).  Models with
# the chip table entry that takes their JEDEC ID:
#   w25q32 EF4016 w25q32fv/jv, w25q256 EF4019 w25q256jv (fixup: FV),
#   w25q512jv EF4020, mx25l25635f C22019 mx25l25635f/45g/73g,
#   mx66u51235f C2253A mx25u51245g (1.65-2.00 V: writes refused at the
#   3.3 V default), gd25q64 C84017 gd25q64/b64,
#   n25q128 20BA18 n25q128a13/mt25ql128, n25q256a 20BA19
#   n25q256a/mt25ql256 (QEMU keeps its TB and BP3), mx25l6405d C22017
#   mx25l6406e/6433f/6473f (no layout: protect reads "unknown"), mx25l12805d C22018
#   mx25l12835f/12873f, sst25vf016b BF2541 (a byte per 02h: only 256 KiB
#   are written).
# is25lp064 (9D6017) and sst25vf032b (BF254A) are left out: behind
# spi-aspeed-smc their reads disagree with the host's file
# (Documentation/testing.rst, "The 32-bit arm lane").
# The sabrelite's ECSPI1 is a plain SPI master (spi-imx, no spi-mem
# operations): the spi-mem core splits every operation into transfers.
boots=(
	"ast1 ast2600-evb aspeed-ast2600-evb.dtb ttyS4 spi-aspeed-smc
		spi0.0=w25q256:32768:protect spi1.0=mx66u51235f:65536:ro"
	"ast2 ast2600-evb aspeed-ast2600-evb.dtb ttyS4 spi-aspeed-smc
		spi0.0=mx25l25635f:32768:protect spi1.0=mx25l12805d:16384:write"
	"ast3 ast2600-evb aspeed-ast2600-evb.dtb ttyS4 spi-aspeed-smc
		spi0.0=gd25q64:8192:protect spi1.0=n25q128:16384:write"
	"ast4 ast2600-evb aspeed-ast2600-evb.dtb ttyS4 spi-aspeed-smc
		spi0.0=w25q32:4096:write spi1.0=w25q512jv:65536:write"
	"ast5 ast2600-evb aspeed-ast2600-evb.dtb ttyS4 spi-aspeed-smc
		spi0.0=n25q256a:32768:protect spi1.0=mx25l6405d:8192:write"
	"sabre sabrelite imx6q-sabrelite.dtb ttymxc1 gpio-mxc,spi-imx
		spi0.0=sst25vf016b:2048:write:256"
)

# the module, cross-built W=1 in a private copy
obj=$out/obj
mkdir -p "$obj"
rsync -a --delete --exclude .git --exclude selftests/out "$top/" "$obj/"
make -s -C "$hdr" ARCH=arm CROSS_COMPILE=arm-linux-gnueabihf- M="$obj" W=1 \
	modules 2>&1 | tee "$out/build.log"
if grep -q 'warning:' "$out/build.log"; then
	echo "arm.sh: the armhf module build has warnings" >&2
	exit 1
fi

# randimg SEED BYTES: seeded random bytes, so a failure can be reproduced
randimg() {
	python3 -c 'import random, sys
sys.stdout.buffer.write(random.Random(sys.argv[1]).randbytes(int(sys.argv[2])))' "$1" "$2"
}

pass=0 fail=0
host_row() {
	if [ "$2" = ok ]; then
		pass=$((pass + 1))
		echo "arm.sh: ok $1" >&2
	else
		fail=$((fail + 1))
		echo "arm.sh: not ok $1" >&2
		echo "$1" >> "$out/failures.txt"
	fi
}

for b in "${boots[@]}"; do
	# shellcheck disable=SC2086 # the table's fields are words
	set -- $b
	name=$1 machine=$2 dtb=$3 console=$4 mods=$5
	shift 5
	rm -rf "${out:?}/$name"
	mkdir -p "$out/$name"
	spec=$out/$name/arm-spec
	: > "$spec"
	drives=() models=() news=() checks=()
	for c in "$@"; do
		dev=${c%%=*}
		IFS=: read -r model kib expect reason <<< "${c#*=}"
		img=$out/$name/$dev.img
		new=$out/$name/new-$dev.img
		randimg "$name-$dev-now" $((kib * 1024)) > "$img"
		cp "$img" "$img.orig"
		# write:N writes an N KiB image at 0: the chip must then hold
		# it followed by the rest of what it held
		newkib=$kib
		writes=
		case $expect in write | protect) writes=1 ;; esac
		[ -z "$writes" ] || newkib=${reason:-$kib}
		randimg "$name-$dev-new" $((newkib * 1024)) > "$new"
		{ cat "$new"; tail -c +$((newkib * 1024 + 1)) "$img"; } > "$img.want"
		[ -z "$writes" ] || reason=
		echo "$dev $model $expect $kib $(sha256sum < "$img" | cut -d' ' -f1)" \
			"$(sha256sum < "$img.want" | cut -d' ' -f1) ${reason//_/ }" >> "$spec"
		drives+=(-drive "file=$img,format=raw,if=mtd")
		models+=("$model")
		[ -z "$writes" ] || news+=("$new")
		checks+=("$dev $model ${writes:+write}")
	done
	machine_args=$machine serial=(-nographic)
	if [ "$machine" = ast2600-evb ]; then
		machine_args="$machine,fmc-model=${models[0]},spi-model=${models[1]}"
	else
		# the sabrelite's console is UART2, QEMU's second serial port
		serial=(-display none -serial null -serial stdio)
	fi
	initrd=$out/$name/initrd.cpio.gz
	"$here/arm-initramfs.sh" "$initrd" "$root" "$obj" "$spec" ${news[@]+"${news[@]}"}
	log=$out/$name/serial.log
	echo "arm.sh: booting $machine_args ($krel) for suite 'arm-$name'" >&2
	# vmalloc=768M: spi-aspeed-smc maps each controller's 256 MiB flash
	# window; the armmp default (240 MiB) holds neither
	# The guest's init ends with reboot -f; the sabrelite's reset does not
	# stop QEMU, so once the kernel says it restarts, QEMU is told to quit
	# (SIGTERM: it flushes the flash files and exits).
	set +e
	timeout "${BF_VM_TIMEOUT:-1800}" qemu-system-arm -M "$machine_args" \
		"${serial[@]}" -no-reboot -kernel "$kimg" -dtb "$dtbs/$dtb" \
		-initrd "$initrd" "${drives[@]}" \
		-append "console=$console,115200 panic=-1 loglevel=4 vmalloc=768M bf.suite=arm-ast2600 bf.armmods=$mods" \
		< /dev/null > "$log.raw" 2>&1 &
	qpid=$!
	while kill -0 "$qpid" 2> /dev/null; do
		if grep -aq 'reboot: Restarting system' "$log.raw"; then
			sleep 2
			kill "$qpid" 2> /dev/null
			break
		fi
		sleep 1
	done
	wait "$qpid"
	set -e
	tr -d '\r' < "$log.raw" > "$log"
	rm -f "$log.raw"
	grep -aE '^(  )?(not ok|# .*: [0-9]+ passed|BFRESULT)' "$log" >&2 || true
	res=$(grep -a '^BFRESULT' "$log" | tail -n 1 || true)
	if [ -z "$res" ]; then
		host_row "$name: the guest gave no result (see $log)" fail
	else
		p=$(echo "$res" | sed 's/.*passed=\([0-9]*\).*/\1/')
		f=$(echo "$res" | sed 's/.*failed=\([0-9]*\).*/\1/')
		pass=$((pass + p)) fail=$((fail + f))
		if [ "$f" != 0 ]; then
			grep -a '^  not ok' "$log" | sed "s/^/$name: /" >> "$out/failures.txt"
		fi
	fi
	if grep -anv '^  ' "$log" | grep -aE "$splat" > "$out/$name/splat"; then
		host_row "$name: no kernel report in the guest log" fail
		head -n 5 "$out/$name/splat" >&2
	else
		host_row "$name: no kernel report in the guest log" ok
	fi
	for c in "${checks[@]}"; do
		read -r dev model writes <<< "$c"
		img=$out/$name/$dev.img
		if [ -n "$writes" ]; then
			want=$img.want what="what was written"
		else
			want=$img.orig what="what it held"
		fi
		if cmp -s "$img" "$want"; then
			host_row "$name $model $dev: the host's file is $what, byte for byte" ok
		else
			host_row "$name $model $dev: the host's file is $what, byte for byte" fail
			cmp "$img" "$want" | head -n 1 >&2 || true
		fi
	done
	rm -f "$out/$name"/*.img "$out/$name"/*.orig "$out/$name"/*.want "$initrd"
done
if [ -s "$out/failures.txt" ]; then
	echo "arm.sh: what failed:" >&2
	cat "$out/failures.txt" >&2
fi
[ "$pass" != 0 ] || fail=$((fail + 1))
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
