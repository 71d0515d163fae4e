#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The kernel's own MTD test modules (debug kernel, CONFIG_MTD_TESTS=m) against
# biosflash on the simulated chip.  Each module runs at load time and fails
# the load on error; a successful load with "finished" in the log counts.
# mtd_pagetest is for NAND only: on NOR it must say so and test nothing.
# The 16 MiB W25Q128JV keeps the whole-device pass of mtd_readtest inside the
# CI budget under KASAN; the driver code is the same.  A page program costs
# about 18 ms there (14 KiB/s), so mtd_speedtest writes 8 eraseblocks,
# mtd_stresstest makes 150 operations and mtd_torturetest 2 cycles.
. /tests/lib.sh

peer() {
	name=$1
	shift
	klog_mark
	if modprobe "$@" && klog | grep -q "$name: finished"; then
		t_ok "$name"
	else
		t_fail "$name" "$(klog | grep "$name" | tail -n 3)"
	fi
	rmmod "$1" 2>/dev/null
}

# readtest 2, speedtest 1, stresstest 2, torturetest 4, pagetest 1
t_plan $((2 + 1 + 2 + 4 + 1 + 2))
sim_unload
sim_load chips=w25q128jv busy_div=10000 &&
	modprobe biosflash || { t_fail "setup"; t_done; }
before=$(sim_hash)
peer mtd_readtest mtd_readtest dev=0
t_eq "mtd_readtest_changes_nothing" "$(sim_hash)" "$before"
peer mtd_speedtest mtd_speedtest dev=0 count=8
peer mtd_stresstest mtd_stresstest dev=0 count=150
# mtd_stresstest checks what it reads against what it wrote through the
# same driver, so an address bug that is the same both ways passes it: the
# whole chip read through the driver must equal the simulator's own array
dd if=/dev/mtd0 bs=65536 2>/dev/null | sha256sum | cut -d' ' -f1 > /tmp/drv.sha
t_eq "mtd_stresstest_driver_read_equals_simulator_array" "$(cat /tmp/drv.sha)" "$(sim_hash)"

# torturetest: 2 erase/write/check cycles of 4 eraseblocks, every byte checked
# blk FILE FIRST [COUNT]: sha256 of 64 KiB blocks FIRST.. (to the end)
blk() {
	dd if="$1" bs=65536 skip="$2" ${3:+count=$3} 2>/dev/null |
		sha256sum | cut -d' ' -f1
}
head_before=$(sim_hash 524288)
tail_before=$(blk "$SIM/image" 12)
klog_mark
if modprobe mtd_torturetest dev=0 eb=8 ebcnt=4 cycles_count=2 check=1 &&
	klog | grep -q 'mtd_torturetest: finished after 2 erase cycles'; then
	t_ok "mtd_torturetest"
else
	t_fail "mtd_torturetest" "$(klog | grep mtd_torturetest | tail -n 3)"
fi
rmmod mtd_torturetest 2>/dev/null
t_eq "mtd_torturetest_leaves_blocks_below_alone" "$(sim_hash 524288)" "$head_before"
t_eq "mtd_torturetest_leaves_blocks_above_alone" "$(blk "$SIM/image" 12)" "$tail_before"
# what it left (its last pattern) reads back the same through the driver
# as in the simulator's array, and it is not the erased state
ff=$(head -c 262144 /dev/zero | tr '\0' '\377' | sha256sum | cut -d' ' -f1)
if [ "$(blk "$SIM/image" 8 4)" = "$(blk /dev/mtd0 8 4)" ] &&
	[ "$(blk "$SIM/image" 8 4)" != "$ff" ]; then
	t_ok "mtd_torturetest_pattern_in_array"
else
	t_fail "mtd_torturetest_pattern_in_array" "driver and simulator differ, or blocks erased"
fi

# mtd_pagetest is for NAND only: on NOR it must refuse and write nothing
before=$(sim_hash)
klog_mark
modprobe mtd_pagetest dev=0 2>/dev/null
rmmod mtd_pagetest 2>/dev/null
if klog | grep -q 'mtd_pagetest: this test requires NAND flash' &&
	[ "$(sim_hash)" = "$before" ]; then
	t_ok "mtd_pagetest_not_applicable_to_nor"
else
	t_fail "mtd_pagetest_not_applicable_to_nor" "$(klog | grep mtd_pagetest | tail -n 3)"
fi
bf_real_time_fresh peer
sim_unload
t_done
