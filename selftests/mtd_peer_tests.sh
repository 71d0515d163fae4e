#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The kernel's own MTD test modules (debug kernel, CONFIG_MTD_TESTS=m) against
# biosflash on the simulated chip.  Each module runs at load time and fails
# the load on error; "finished" in the log and a successful load both count.
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

sim_unload
sim_load chips=w25q256jw && modprobe biosflash io_mv=1800 || { t_fail "setup"; t_done; }
peer mtd_readtest mtd_readtest dev=0
peer mtd_speedtest mtd_speedtest dev=0 count=32
peer mtd_stresstest mtd_stresstest dev=0 count=2000
sim_unload
t_done
