#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The 32-bit arm lane (selftests/vm/arm.sh): biosflash on Debian's armhf
# kernel, behind the kernel's own controller drivers (spi-aspeed-smc on the
# ast2600-evb, spi-mem; spi-imx on the sabrelite, a plain SPI master), in
# front of QEMU's m25p80 chip models, whose contents are files on the host.
# /tests/arm-spec has one line per chip select, written by the host:
#   DEV MODEL EXPECT SIZE_KIB SHA_NOW SHA_NEW [REASON...]
# EXPECT write: biosflash binds, reads the host's file, flashcp writes
# /tests/new-DEV.img (the host compares its file byte for byte after QEMU
# exits); ro: it binds and reads, and refuses the write (a 1.8 V part on
# the 3.3 V default signal level: the voltage interlock); refuse: binding
# fails with the probe line REASON and leaves no MTD device; protect: as
# write, after block protection the model holds (below).  The truths are
# the host's files and their hashes, and the model's status register.
. /tests/lib.sh

spec=/tests/arm-spec
nw=$(grep -c -E ' (write|ro|protect) ' $spec)
np=$(grep -c ' protect ' $spec)
nr=$(grep -c ' refuse ' $spec)
t_plan $((nw * 7 + np * 8 + nr * 3 + 3))

for m in $(sed -n 's/.*bf\.armmods=\([^ ]*\).*/\1/p' /proc/cmdline | tr , ' '); do
	modprobe "$m" || echo "# modprobe $m failed"
done
modprobe biosflash
sleep 1

# mtd_of DEV: the MTD device biosflash made for DEV, or nothing
mtd_of() {
	for m in /sys/class/mtd/mtd*; do
		[ -e "$m/name" ] || continue
		case $(cat "$m/name") in *"@$1") echo "${m##*/}" ;; esac
	done | grep -v ro | head -n 1
}

# protect_rows: block protection set with flash_lock, held by the chip
# model across an unbind and a fresh bind, which must read and decode it
# from the chip; flash_unlock -i sees it; an erase inside is refused and
# the block reads as before; unlock clears it.
#   w25q256   the top 4 MiB: BP3..0 = 0111, TB = 0 (DS-257FV section
#             7.1.16).  QEMU 7.2's w25q256 keeps BP2..0, not BP3 or TB,
#             so a lock of the whole chip (BP = 1111) cannot be held by it.
#   mx25l25635f  the same top 4 MiB: BP3..0 = 0111 in SR [5:2] (the
#             MX25U256 layout; QEMU keeps BP2..0 only, and no CR TB)
#   gd25q64   the top 128 KiB of 8 MiB: BP2..0 = 001 (1/64 of the chip,
#             the GD25Q layout; QEMU keeps BP2..0 only)
#   n25q256a  the bottom 16 MiB: TB = 1 (SR bit 5) and BP3..0 = 1001, BP3
#             in SR bit 6 (MU-MT25QL256 Table 3): the one QEMU 7.2 model
#             that keeps TB and BP3 (HAS_SR_TB | HAS_SR_BP3_BIT6), where
#             the driver's Micron layout must put them.  (The kernel's
#             spi-nor cannot set it: its 6.12 "n25q256a" entry has no
#             SPI_NOR_HAS_LOCK, so flash_lock through it fails.)
protect_rows() {
	case $model in
	n25q256a) ofs=0 len=0x1000000 range=0x00000000-0x00ffffff ins=0x100000 ;;
	gd25q64) ofs=0x7e0000 len=0x20000 range=0x007e0000-0x007fffff ins=0x7f0000 ;;
	*) ofs=0x1c00000 len=0x400000 range=0x01c00000-0x01ffffff ins=0x1f00000 ;;
	esac
	n=$((len / $(cat /sys/class/mtd/$mtd/erasesize)))
	t_run "$model $dev: flash_lock $range" flash_lock /dev/$mtd $ofs $n
	echo "$dev" > /sys/bus/spi/drivers/biosflash/unbind
	echo "$dev" > /sys/bus/spi/drivers/biosflash/bind
	mtd=$(mtd_of "$dev")
	echo "# $model $dev: protect_regs $(cat /sys/class/mtd/$mtd/protect_regs 2>&1)"
	t_eq "$model $dev: a fresh bind reads the protection from the chip" \
		"$(cat /sys/class/mtd/$mtd/protect 2>&1)" "$range"
	t_eq "$model $dev: flash_unlock -i sees $range locked" \
		"$(flash_unlock -i /dev/$mtd $ofs $n | sed -n 's/^Lock status: //p')" locked
	skip=$((ins / 65536))
	before=$(dd if=/dev/$mtd bs=65536 skip=$skip count=1 2>/dev/null | sha256sum)
	if mtd_debug erase /dev/$mtd $ins 65536 > /dev/null 2>&1; then
		t_fail "$model $dev: erase inside the locked range refused" "it succeeded"
	else
		t_ok "$model $dev: erase inside the locked range refused"
	fi
	t_eq "$model $dev: the locked block reads as before" \
		"$(dd if=/dev/$mtd bs=65536 skip=$skip count=1 2>/dev/null | sha256sum)" "$before"
	t_run "$model $dev: unlock" sh -c "echo unlock > /sys/class/mtd/$mtd/protect"
	t_eq "$model $dev: protect after unlock" "$(cat /sys/class/mtd/$mtd/protect)" none
	t_eq "$model $dev: flash_unlock -i sees it unlocked" \
		"$(flash_unlock -i /dev/$mtd $ofs $n | sed -n 's/^Lock status: //p')" unlocked
}

while read -r dev model expect kib sha_now sha_new reason; do
	d=/sys/bus/spi/devices/$dev
	echo biosflash > "$d/driver_override"
	seen=$(dmesg | wc -l)
	if echo "$dev" > /sys/bus/spi/drivers/biosflash/bind 2> /tmp/bind.err; then
		bound=yes
	else
		bound=no
	fi
	dmesg | tail -n +$((seen + 1)) > /tmp/probe.log
	sed 's/^/# /' /tmp/probe.log | grep biosflash
	mtd=$(mtd_of "$dev")
	if [ "$expect" = refuse ]; then
		t_eq "$model $dev: bind refused" "$bound" no
		if grep -qF "biosflash $dev: $reason" /tmp/probe.log; then
			t_ok "$model $dev: probe says: $reason"
		else
			t_fail "$model $dev: probe says: $reason" "not in the kernel log"
		fi
		t_eq "$model $dev: no MTD device" "$mtd" ""
		echo > "$d/driver_override"
		continue
	fi
	t_eq "$model $dev: bound" "$bound" yes
	if [ -z "$mtd" ]; then
		t_fail "$model $dev: MTD device" "none named @$dev"
		for i in 1 2 3 4 5; do t_fail "$model $dev: skipped $i" "no MTD device"; done
		continue
	fi
	t_eq "$model $dev: $mtd size" "$(cat /sys/class/mtd/$mtd/size)" $((kib * 1024))
	t_eq "$model $dev: read equals the host's file" \
		"$(sha256sum < /dev/$mtd | cut -d' ' -f1)" "$sha_now"
	[ "$expect" != protect ] || protect_rows
	if [ "$expect" = ro ]; then
		if flashcp -v /tests/lib.sh /dev/$mtd > /tmp/flashcp.out 2>&1; then
			t_fail "$model $dev: write refused" "flashcp succeeded"
		else
			t_ok "$model $dev: write refused"
			tr '\r' '\n' < /tmp/flashcp.out | tail -n 3 | sed 's/^/# /'
		fi
		sha_new=$sha_now
	else
		# flashcp's progress is one line of carriage returns
		if flashcp -v /tests/new-$dev.img /dev/$mtd > /tmp/flashcp.out 2>&1; then
			t_ok "$model $dev: flashcp -v new image"
		else
			t_fail "$model $dev: flashcp -v new image" "flashcp failed:"
			tr '\r' '\n' < /tmp/flashcp.out | tail -n 3 | sed 's/^/# /'
		fi
	fi
	t_eq "$model $dev: read equals the $([ "$expect" = ro ] && echo old || echo new) image" \
		"$(sha256sum < /dev/$mtd | cut -d' ' -f1)" "$sha_new"
	echo "$dev" > /sys/bus/spi/drivers/biosflash/unbind
	echo > "$d/driver_override"
	t_eq "$model $dev: unbind removes $mtd" "$(mtd_of "$dev")" ""
	t_eq "$model $dev: driver released" "$(readlink "$d/driver" 2>/dev/null)" ""
done < $spec

t_run "rmmod biosflash" rmmod biosflash
t_eq "no biosflash driver left" "$(ls /sys/bus/spi/drivers | grep -c biosflash)" 0
t_eq "no biosflash MTD device left" "$(grep -c '@spi' /proc/mtd)" 0
t_done
