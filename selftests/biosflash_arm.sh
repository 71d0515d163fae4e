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
# fails with the probe line REASON and leaves no MTD device.  The truths
# are the host's files and their hashes.
. /tests/lib.sh

spec=/tests/arm-spec
nw=$(grep -c -E ' (write|ro) ' $spec)
nr=$(grep -c ' refuse ' $spec)
t_plan $((nw * 7 + nr * 3 + 3))

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
