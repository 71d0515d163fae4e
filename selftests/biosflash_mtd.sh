#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The driver core against the simulated W25Q256JW: identification, MTD
# geometry, flashcp/dd/mtd_debug round trips checked against the simulator's
# own dump, bounds, FF-page skipping proven by the simulator's counters, a
# dead bus refused at probe, a stuck chip timing out, a killed flashcp
# stopping, no non-volatile bit changed after rmmod, and a chip the driver
# drives in B7h 4-byte mode (GD25LB256E) left in 3-byte mode.  Then what a
# real bench adds: a process waiting behind a long erase is killable and no
# hung task, a kill inside a busy wait, a W25Q256FV (EF 40 19 without
# readable SFDP) written with the opcodes it has, and a power cycle that
# re-locks the range in the middle of a write.
. /tests/lib.sh

# identification 8 + 1, round trips 4, edges 3, bad requests 5, stuck BUSY 3,
# rmmod 1 + 6 on the GD25LB256E, dead bus 3 x 2, two chips 4, 1.8 V on 3.3 V
# 11, signals 5 x 2, killable wait 5, kill in a busy wait 3, W25Q256FV 6,
# re-lock by a power cycle 3, unknown chip 13
t_plan $((13 + 8 + 1 + 4 + 3 + 5 + 3 + 1 + 6 + 3 * 2 + 4 + 11 + 5 * 2 + 5 + 3 + 6 + 3 + 3 * 3 + 2 + 4 + 3 + 2 + 5))

MB=1048576
M=/dev/mtd0
now() { cut -d' ' -f1 /proc/uptime; }
# lt A B: A < B for decimal seconds
lt() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; }

up() {
	sim_unload
	sim_load chips=w25q256jw "$@" && modprobe biosflash io_mv=1800 && [ -c $M ]
}

# --- identification and geometry --------------------------------------------
sim_unload
sim_load chips=w25q256jw
nv_before="$(cat "$SIM/sr1") $(cat "$SIM/sr2") $(cat "$SIM/sr3")"
klog_mark
modprobe biosflash io_mv=1800	# a 1.8 V level shifter sits between bus and chip
t_run "probe_creates_mtd_device" test -c $M
line=$(klog | grep 'biosflash' | grep -c 'w25q256jw.*32768 KiB.*ef6019.*1.70-1.95 V')
t_eq "probe_logs_one_identification_line" "$line" 1
S=/sys/class/mtd/mtd0
t_eq "sysfs_size_32MiB" "$(cat $S/size)" 33554432
t_eq "sysfs_erasesize_64KiB" "$(cat $S/erasesize)" 65536
t_eq "sysfs_writesize_1" "$(cat $S/writesize)" 1
t_eq "sysfs_type_nor" "$(cat $S/type)" nor
# the simulator's device clock, capped by its controller's (clk4m boot)
hz=$(cat /sys/module/flashsim/parameters/speed_hz)
cap=$(cat /sys/module/flashsim/parameters/ctlr_max_hz)
[ "$cap" -gt 0 ] && [ "$cap" -lt "$hz" ] && hz=$cap
t_eq "sysfs_clock_hz_is_the_buses" "$(cat $S/clock_hz)" "$hz"
mtdinfo $M > /tmp/mtdinfo 2>&1
t_run "mtdinfo_reports_64KiB_eraseblocks" grep -q 'Eraseblock size:.*65536 bytes' /tmp/mtdinfo
t_run "mtdinfo_reports_512_eraseblocks" grep -q 'Amount of eraseblocks:.*512 ' /tmp/mtdinfo

# --- flashcp and dd round trips ---------------------------------------------
bf_mkimage /tmp/img 4194304 11
sim_reset_stats
t_run "flashcp_verify_succeeds" flashcp -v /tmp/img $M
t_eq "flashcp_result_in_simulator_array" "$(sim_hash 4194304)" "$(file_hash /tmp/img)"
nonff=$(od -An -v -tx1 -w256 /tmp/img | grep -cv '^\( ff\)*$')
progs=$(( $(sim_stat op_02) + $(sim_stat op_12) ))
# A controller limit below a page (a controller boot's bf.simargs) splits
# each page program: opcode and 4 address bytes, then the rest of the limit
# (spi_mem_adjust_op_size()).
lim=$(sim_arg max_msg)
lim=${lim:-$(sim_arg max_xfer)}
per=1
if [ -n "$lim" ] && [ "$lim" -gt 0 ] && [ $((lim - 5)) -lt 256 ]; then
	per=$(((256 + lim - 6) / (lim - 5)))
fi
t_eq "page_programs_equal_non_ff_pages" "$progs" "$((nonff * per))"

head -c $((3 * MB)) /dev/urandom > /tmp/rnd
dd if=/tmp/rnd of="$SIM/image" bs=$MB seek=20 2>/dev/null
dd if=$M of=/tmp/back bs=$MB skip=20 count=3 2>/dev/null
t_eq "dd_read_matches_simulator_array" "$(file_hash /tmp/back)" "$(file_hash /tmp/rnd)"

# --- mtd_debug at the edges and across the 16 MiB boundary -------------------
edge() {
	name=$1 off=$2 len=$3
	head -c "$len" /dev/urandom > /tmp/e
	if mtd_debug erase $M "$off" "$len" > /dev/null &&
		mtd_debug write $M "$off" "$len" /tmp/e > /dev/null &&
		mtd_debug read $M "$off" "$len" /tmp/r > /dev/null; then
		dd if="$SIM/image" of=/tmp/s bs=65536 skip=$((off / 65536)) \
			count=$((len / 65536)) 2>/dev/null
		if [ "$(file_hash /tmp/r)" = "$(file_hash /tmp/e)" ] &&
			[ "$(file_hash /tmp/s)" = "$(file_hash /tmp/e)" ]; then
			t_ok "$name"
		else
			t_fail "$name" "data differs (mtd read or simulator array)"
		fi
	else
		t_fail "$name" "mtd_debug failed"
	fi
}
edge "mtd_debug_first_block" 0 65536
edge "mtd_debug_last_block" $((32 * MB - 65536)) 65536
edge "mtd_debug_across_16MiB_boundary" $((16 * MB - 65536)) 131072

# --- bad requests change nothing ---------------------------------------------
# (a write that starts inside and runs past the end is cut short by mtdchar
# itself, as for any MTD device; one that starts at the end is refused)
h=$(sim_hash)
t_errno "unaligned_erase_rejected" EINVAL mtd_debug erase $M 4096 65536
t_errno "erase_past_end_rejected" EINVAL mtd_debug erase $M $((32 * MB - 65536)) 131072
head -c 8192 /dev/zero > /tmp/z
# mtdchar_write(): a write starting at the end is -ENOSPC
t_errno "write_at_end_rejected" ENOSPC mtd_debug write $M $((32 * MB)) 4096 /tmp/z
t_errno "pwrite_past_end_rejected" ENOSPC dd if=/tmp/z of=$M bs=4096 seek=8192 count=1 conv=notrunc
t_eq "rejected_requests_changed_nothing" "$(sim_hash)" "$h"

# --- a stuck chip times out within the bound ---------------------------------
echo 1 > "$SIM/fault_stuck_busy"
klog_mark
t0=$(now)
t_errno "stuck_busy_erase_fails" ETIMEDOUT mtd_debug erase $M $((8 * MB)) 65536
t1=$(now)
echo 0 > "$SIM/fault_stuck_busy"
t_run "stuck_busy_returns_within_10s" lt "$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')" 10
t_eq "stuck_busy_one_error_line" "$(klog | grep -c 'biosflash.*tim')" 1
klog | grep biosflash | sed 's/^/# /'

# --- rmmod leaves the chip as at power-on -------------------------------------
rmmod biosflash
echo 1 > "$SIM/power_cycle"
t_eq "no_nonvolatile_status_bit_changed" \
	"$(cat "$SIM/sr1") $(cat "$SIM/sr2") $(cat "$SIM/sr3")" "$nv_before"

# The W25Q256JW has 4-byte opcodes and never leaves 3-byte mode, so a check
# there cannot fail.  The GD25LB256E is driven in B7h mode (its 4-byte
# program and erase are not used): the simulator's addr_mode must read 4
# after the driver worked above 16 MiB and 3 once it is gone (E9h).
sim_unload
sim_load chips=gd25lb256e && modprobe biosflash io_mv=1800
t_run "gd25lb256e_probes" test -c $M
head -c 65536 /dev/urandom > /tmp/e
sim_reset_stats
mtd_debug erase $M $((20 * MB)) 65536 > /dev/null 2>&1
mtd_debug write $M $((20 * MB)) 65536 /tmp/e > /dev/null 2>&1
t_eq "gd25lb256e_write_above_16MiB_lands" \
	"$(dd if="$SIM/image" bs=65536 skip=320 count=1 2>/dev/null | sha256sum | cut -d' ' -f1)" \
	"$(file_hash /tmp/e)"
t_eq "gd25lb256e_in_4byte_mode_while_bound" "$(cat "$SIM/addr_mode")" 4
t_run "gd25lb256e_driver_sent_b7h" test "$(sim_stat op_b7)" -ge 1
rmmod biosflash
t_eq "gd25lb256e_after_rmmod_in_3byte_mode" "$(cat "$SIM/addr_mode")" 3
t_run "gd25lb256e_driver_sent_e9h" test "$(sim_stat op_e9)" -ge 1

# --- a dead bus is refused at probe, with its message -------------------------
for lvl in high low; do
	sim_unload
	sim_load chips=w25q256jw modalias=flashsim-raw
	echo $lvl > "$SIM/fault_miso"
	modprobe biosflash
	klog_mark
	echo biosflash > /sys/bus/spi/devices/$SIMDEV/driver_override
	t_errno "miso_stuck_${lvl}_bind_fails" ENODEV \
		sh -c "echo $SIMDEV > /sys/bus/spi/drivers/biosflash/bind"
	t_false "miso_stuck_${lvl}_refused_at_probe" test -c $M
	n=$(klog | grep -c 'biosflash.*JEDEC ID')
	t_eq "miso_stuck_${lvl}_one_clear_message" "$n" 1
	klog | grep biosflash | sed 's/^/# /'
done

# --- two chips on one bus at once, written concurrently, do not interfere -------
sim_unload
sim_load chips=w25q256jw,w25q256jw && modprobe biosflash io_mv=1800
S0=$SIMROOT/${SIMDEV%.*}.0
S1=$SIMROOT/${SIMDEV%.*}.1
t_run "two_chips_two_mtd_devices" test -c /dev/mtd1
bf_mkimage /tmp/i0 2097152 21
bf_mkimage /tmp/i1 2097152 22
# which mtd is which chip select: the MTD name ends in @spiB.C
m0=$(grep -l "@${SIMDEV%.*}.0\$" /sys/class/mtd/mtd*/name | head -n 1 | cut -d/ -f5)
m1=$(grep -l "@${SIMDEV%.*}.1\$" /sys/class/mtd/mtd*/name | head -n 1 | cut -d/ -f5)
flashcp /tmp/i0 /dev/$m0 > /dev/null 2>&1 &
p0=$!
flashcp /tmp/i1 /dev/$m1 > /dev/null 2>&1 &
p1=$!
wait $p0
r0=$?
wait $p1
r1=$?
t_eq "two_chips_concurrent_flashcp_succeed" "$r0 $r1" "0 0"
t_eq "two_chips_chip0_has_image0" "$(head -c 2097152 "$S0/image" | sha256sum | cut -d' ' -f1)" "$(file_hash /tmp/i0)"
t_eq "two_chips_chip1_has_image1" "$(head -c 2097152 "$S1/image" | sha256sum | cut -d' ' -f1)" "$(file_hash /tmp/i1)"
rm -f /tmp/i0 /tmp/i1

# --- a 1.8 V chip on an undeclared 3.3 V bus: warned, writes refused -------------
sim_unload
sim_load chips=w25q256jw
klog_mark
modprobe biosflash
t_eq "1v8_chip_on_3v3_bus_warns_at_probe" "$(klog | grep -c 'biosflash.*over-drives it.*level shifter')" 1
t_eq "1v8_chip_on_3v3_bus_voltage_ok_0" "$(cat /sys/class/mtd/mtd0/voltage_ok)" 0
t_eq "1v8_chip_io_voltage_3300" "$(cat /sys/class/mtd/mtd0/io_voltage)" 3300
t_eq "1v8_chip_supply_voltage" "$(cat /sys/class/mtd/mtd0/supply_voltage)" 1700-1950
printf '\125\125\125\125' > "$SIM/image"
h=$(sim_hash)
m=$(sim_stat op_06)
head -c 4096 /dev/zero > /tmp/z
t_errno "1v8_chip_on_3v3_bus_erase_refused" EPERM mtd_debug erase $M 0 65536
t_errno "1v8_chip_on_3v3_bus_write_refused" EPERM mtd_debug write $M 65536 4096 /tmp/z
t_errno "1v8_chip_on_3v3_bus_unlock_refused" EPERM sh -c "echo unlock > /sys/class/mtd/mtd0/protect"
t_eq "1v8_chip_on_3v3_bus_read_allowed" "$(head -c 4 $M | od -An -tx1 | tr -d ' ')" 55555555
t_eq "1v8_chip_on_3v3_bus_nothing_changed" "$(sim_hash)" "$h"
t_eq "1v8_chip_on_3v3_bus_no_write_enable_sent" "$(sim_stat op_06)" "$m"
rmmod biosflash
modprobe biosflash allow_unsafe_voltage=1
t_run "allow_unsafe_voltage_overrides" mtd_debug erase $M 0 65536

# --- a chip the table does not know: read-only until its supply is declared --------
# The W25Q256JW model (it has SFDP) answers 9D 70 19 to 9Fh, an ID not in
# the table: the driver knows it by SFDP only, so it knows no supply range.
sim_unload
sim_load chips=w25q256jw jedec_id=0x9d7019
klog_mark
modprobe biosflash io_mv=3300
t_eq "unknown_chip_probes_from_sfdp" "$(cat /sys/class/mtd/mtd0/size 2>&1)" 33554432
t_eq "unknown_chip_warns_supply_undeclared" \
	"$(klog | grep -c 'supply range is not in the driver.s table.*chip_mv=')" 1
t_eq "unknown_chip_supply_unknown" "$(cat /sys/class/mtd/mtd0/supply_voltage)" unknown
t_eq "unknown_chip_voltage_ok_0" "$(cat /sys/class/mtd/mtd0/voltage_ok)" 0
t_run "unknown_chip_status_says_declare_it" sh -c \
	'/tests/biosflash status | grep -q "UNKNOWN chip supply: writes are blocked"'
h=$(sim_hash)
klog_mark
t_errno "unknown_chip_erase_refused" EPERM mtd_debug erase $M 0 65536
t_eq "unknown_chip_refusal_says_how" "$(klog | grep -c 'supply range is unknown.*chip_3v3')" 1
t_eq "unknown_chip_refusal_changed_nothing" "$(sim_hash)" "$h"
t_eq "unknown_chip_read_allowed" "$(head -c 65536 $M | sha256sum)" \
	"$(head -c 65536 "$SIM/image" | sha256sum)"
rmmod biosflash
modprobe biosflash io_mv=3300 chip_mv=3300
t_eq "unknown_chip_declared_3v3_range" "$(cat /sys/class/mtd/mtd0/supply_voltage)" 2700-3600
bf_mkimage /tmp/u 1048576 21
t_run "unknown_chip_declared_flashcp" flashcp /tmp/u $M
t_eq "unknown_chip_declared_written" "$(sim_hash 1048576)" "$(file_hash /tmp/u)"
rm -f /tmp/u
rmmod biosflash
modprobe biosflash io_mv=3300 chip_mv=1800
t_eq "unknown_chip_declared_1v8_on_3v3_refused" "$(cat /sys/class/mtd/mtd0/voltage_ok)" 0

# --- a killed flashcp stops promptly -------------------------------------------
for sig in INT KILL; do
	up busy_div=1 || { t_fail "setup_for_sig$sig"; continue; }
	bf_mkimage /tmp/img 33554432 3
	bf_sigdfl flashcp /tmp/img $M > /dev/null 2>&1 &
	pid=$!
	sleep 3
	# a 32 MiB flashcp at datasheet times runs for minutes: it must
	# still be running here, or the signal proves nothing
	t_run "sig${sig}_flashcp_running_when_signalled" kill -0 $pid
	klog_mark
	t0=$(now)
	kill -$sig $pid
	wait $pid
	rc=$?
	t1=$(now)
	# Ctrl-C is not a fault of the chip or the wiring: nothing to report
	t_eq "sig${sig}_no_driver_message" "$(klog | grep -c biosflash)" 0
	t_run "sig${sig}_stops_flashcp_within_3s" lt "$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')" 3
	# killed by the signal (128 + its number), not an exit of its own
	[ "$sig" = INT ] && want=130 || want=137
	t_eq "sig${sig}_flashcp_killed_by_the_signal" "$rc" "$want"
	m1=$(sim_stat messages)
	sleep 1
	t_eq "sig${sig}_no_bus_traffic_after_exit" "$(sim_stat messages)" "$m1"
done

# --- a process waiting behind a long erase: killable, not a hung task ----------
# 96 x 64 KiB at the datasheet's typical 150 ms (busy_div=1) is ~14 s; the
# hung-task detector checks every 2 s here, so a reader blocked in an
# uninterruptible wait for 7 s would be reported (and fail the boot).
HT=/proc/sys/kernel/hung_task_timeout_secs
ht_old=$(cat $HT 2>/dev/null)
up busy_div=1 || t_fail "setup_for_killable_wait"
if [ -n "$ht_old" ] && echo 2 > $HT; then
	klog_mark
	mtd_debug erase $M 0 $((6 * MB)) > /dev/null 2>&1 &
	epid=$!
	sleep 1
	dd if=$M of=/dev/null bs=4096 count=1 2>/dev/null &
	rpid=$!
	sleep 7
	t_run "reader_behind_long_erase_still_waiting" kill -0 $rpid
	t0=$(now)
	kill -KILL $rpid
	wait $rpid
	t1=$(now)
	t_run "reader_behind_long_erase_killed_within_1s" \
		lt "$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')" 1
	t_run "long_erase_still_running_after_reader_killed" kill -0 $epid
	wait $epid
	t_eq "long_erase_completes" "$?" 0
	t_eq "no_hung_task_report_during_long_erase" \
		"$(klog | grep -c 'blocked for more than')" 0
	echo "$ht_old" > $HT
else
	t_fail "hung_task_detector_present" "no writable $HT in this kernel"
	for n in 1 2 3 4; do t_fail "killable_wait_not_run_$n"; done
fi

# --- a kill inside a busy wait ends it; the next operation works ---------------
up
dd if=/dev/urandom of="$SIM/image" bs=65536 count=1 conv=notrunc 2>/dev/null
echo 1 > "$SIM/fault_stuck_busy"
klog_mark
mtd_debug erase $M 0 65536 > /dev/null 2>&1 &
pid=$!
sleep 1
t0=$(now)
kill -KILL $pid
wait $pid
t1=$(now)
echo 0 > "$SIM/fault_stuck_busy"
# the wait's own deadline is 2 x the 2 s maximum of a 64 KiB erase
t_run "kill_in_busy_wait_ends_it_within_1s" \
	lt "$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')" 1
t_eq "kill_in_busy_wait_no_driver_message" "$(klog | grep -c biosflash)" 0
head -c 65536 "$SIM/image" > /tmp/s
dd if=$M of=/tmp/back bs=65536 count=1 2>/dev/null
t_eq "after_kill_in_busy_wait_read_matches_array" "$(file_hash /tmp/back)" \
	"$(file_hash /tmp/s)"

# --- W25Q256FV: no 12h/21h/DCh (DS-257FV instruction tables), no SFDP here ------
sim_unload
sim_load chips=w25q256fv
modprobe biosflash		# a 2.7-3.6 V part on the Pi's 3.3 V lines
bf_mkimage /tmp/img $MB 5
sim_reset_stats
t_run "w25q256fv_write_above_16MiB_succeeds" \
	mtd_debug write $M $((20 * MB)) $MB /tmp/img
dd if="$SIM/image" of=/tmp/s bs=$MB skip=20 count=1 2>/dev/null
t_eq "w25q256fv_written_data_in_simulator_array" "$(file_hash /tmp/s)" \
	"$(file_hash /tmp/img)"
t_eq "w25q256fv_no_12h_sent" "$(sim_stat op_12)" 0
t_false "w25q256fv_driven_in_b7h_mode" test "$(sim_stat op_b7)" -eq 0
dd if=/dev/urandom of="$SIM/image" bs=65536 seek=384 count=1 conv=notrunc \
	2>/dev/null
t_run "w25q256fv_erase_above_16MiB_succeeds" \
	mtd_debug erase $M $((24 * MB)) 65536
t_eq "w25q256fv_erased_block_in_simulator_array" \
	"$(dd if="$SIM/image" bs=65536 skip=384 count=1 2>/dev/null |
		od -An -v -tx1 | tr -d ' \n' | tr -d f | wc -c)" 0

# --- at the datasheet's busy times, the bus discipline holds ----------------------
up
bf_real_time_round_trip mtd $M $((8 * MB))

# --- the clip slips in the middle of a read: EIO, not 0xff data -------------------
# MISO is lost (pulled high) after 2 MiB of a 4 MiB read; the chip goes on
bf_mkimage /tmp/img 262144 9
sim_reset_stats
echo $((2 * MB)) > "$SIM/fault_miso_after"
klog_mark
t_errno "miso_lost_mid_read_fails" EIO \
	mtd_debug read $M 0 $((4 * MB)) /tmp/r
t_eq "miso_lost_mid_read_one_line" \
	"$(klog | grep -c 'biosflash.*read at 0x.*the chip stopped answering')" 1
t_eq "miso_lost_mid_read_fault_fired" "$(cat "$SIM/fault_miso_after")" 0
echo none > "$SIM/fault_miso"
mtd_debug read $M 0 $((4 * MB)) /tmp/r > /dev/null 2>&1
t_eq "miso_reconnected_read_matches_simulator" "$(file_hash /tmp/r)" \
	"$(sim_hash $((4 * MB)))"

# --- another chip clipped on between two calls: refused, nothing written ----------
# The same size, so only the JEDEC ID tells (MX25U25635F: C2 25 39)
h0=$(sim_hash)
echo mx25u25635f > "$SIM/swap_profile"
klog_mark
t_errno "swapped_chip_write_fails" EIO \
	mtd_debug write $M $((4 * MB)) 262144 /tmp/img
t_eq "swapped_chip_one_line" \
	"$(klog | grep -c 'biosflash.*JEDEC ID reads c22539, not ef6019 as at probe')" 1
t_eq "swapped_chip_array_unchanged" "$(sim_hash)" "$h0"

# --- a power cycle in the middle of a write or erase is reported ----------------
# The W25Q256JW has an EAR, the driver's marker (DS-257FV §7.2): a write and
# an erase with the supply dropping after their first page program or
# block erase fail with EIO and say so.
up
bf_mkimage /tmp/img 262144 7
echo 0x12 > "$SIM/fault_power_cycle_op"	# the supply drops after one page
sim_reset_stats
klog_mark
t_errno "write_power_cycled_fails" EIO \
	mtd_debug write $M $((4 * MB)) 262144 /tmp/img
t_eq "write_power_cycled_one_line" \
	"$(klog | grep -c 'biosflash.*power-cycled during it')" 1
t_eq "write_power_cycled_power_cycled_once" "$(sim_stat power_cycles)" 1
echo 0xdc > "$SIM/fault_power_cycle_op"
sim_reset_stats
klog_mark
t_errno "erase_power_cycled_fails" EIO \
	mtd_debug erase $M $((4 * MB)) 262144
t_eq "erase_power_cycled_one_line" \
	"$(klog | grep -c 'biosflash.*power-cycled during it')" 1
t_eq "erase_power_cycled_power_cycled_once" "$(sim_stat power_cycles)" 1
# The MX25U25635F's SFDP declares its EAR (BFPT DWORD 16 bit 26, JESD216B
# §6.4.18; the profile holds a real dump): a cut at the third page of one
# write is found as well.
sim_unload
sim_load chips=mx25u25635f
modprobe biosflash io_mv=1800
echo 0x12 > "$SIM/fault_power_cycle_op"
echo 3 > "$SIM/fault_power_cycle_nth"
sim_reset_stats
klog_mark
t_errno "mx_write_power_cycled_fails" EIO \
	mtd_debug write $M $((4 * MB)) 262144 /tmp/img
t_eq "mx_write_power_cycled_one_line" \
	"$(klog | grep -c 'biosflash.*power-cycled during it')" 1
t_eq "mx_write_power_cycled_power_cycled_once" "$(sim_stat power_cycles)" 1

# --- a power cycle in the middle of a write re-locks the range (WPS=1) ---------
# The W25Q128JV has no EAR: its individual locks, all set at power-up with
# WPS=1 (DS-128JV §7.1.10), make the chip ignore the rest of the write.
sim_unload
sim_load chips=w25q128jv
modprobe biosflash
echo 0x04 > "$SIM/sr3"		# WPS=1: every block locked at power-up
echo unlock > /sys/class/mtd/mtd0/protect
echo 0x02 > "$SIM/fault_power_cycle_op"	# the supply drops after one page
sim_reset_stats
klog_mark
t_errno "write_relocked_by_power_cycle_fails" EIO \
	mtd_debug write $M $((4 * MB)) 262144 /tmp/img
t_eq "write_relocked_by_power_cycle_one_line" \
	"$(klog | grep -c 'biosflash.*became write-protected during it')" 1
t_eq "write_relocked_by_power_cycle_power_cycled_once" \
	"$(sim_stat power_cycles)" 1

# --- a controller that adjusts ops (spi-mem adjust_op_size) -----------------
# flashsim mem_adjust=N: the controller has spi-mem ops whose adjust_op_size
# lets every op carry at most N data bytes.  At 100 (below a page, not a
# power of two) a 64 KiB write reads back and is in the simulator's array.
# At 0, a controller that cuts an op to no data and still says yes: the
# probe fails (its first SFDP read) with EOPNOTSUPP and one line, at once,
# instead of looping for ever.
sim_unload
sim_load chips=w25q256jw mem_adjust=100
modprobe biosflash io_mv=1800
head -c 65536 /dev/urandom > /tmp/img
mtd_debug erase $M $((4 * MB)) 65536 > /dev/null 2>&1
mtd_debug write $M $((4 * MB)) 65536 /tmp/img > /dev/null 2>&1
mtd_debug read $M $((4 * MB)) 65536 /tmp/back > /dev/null 2>&1
t_run "adjust_100_write_reads_back" cmp -s /tmp/img /tmp/back
dd if="$SIM/image" bs=65536 skip=64 count=1 2>/dev/null > /tmp/s
t_run "adjust_100_write_in_simulator_array" cmp -s /tmp/img /tmp/s
sim_unload
sim_load chips=w25q256jw mem_adjust=0
klog_mark
t_run "adjust_zero_probe_returns" timeout 60 modprobe biosflash io_mv=1800
t_false "adjust_zero_no_mtd_device" test -e $M
t_eq "adjust_zero_one_line" \
	"$(klog | grep -c 'biosflash.*cannot transfer command 5ah')" 1

# --- a clock above fR: reads must leave 03h/13h -----------------------------
# 03h/13h are good to fR = 50 MHz (DS-257FV §9.6); the simulator returns
# noise when they are clocked faster.  On an 80 MHz device the driver must
# read with 0Ch (fC): the data is the simulator's own, and no 03h/13h
# command was clocked above fR.  (Behind the 4 MHz controller variant the
# SPI core clamps the device to 4 MHz and 13h is right.)
sim_unload
sim_load chips=w25q256jw speed_hz=80000000
modprobe biosflash io_mv=1800
head -c 1048576 /dev/urandom > /tmp/img
dd if=/tmp/img of="$SIM/image" bs=65536 seek=$((24 * 16)) conv=notrunc \
	2>/dev/null
sim_reset_stats
mtd_debug read $M $((24 * MB)) 1048576 /tmp/back > /dev/null 2>&1
t_run "fast_clock_read_matches_image" cmp -s /tmp/img /tmp/back
t_eq "fast_clock_read_no_03h_above_fr" "$(sim_stat reads_above_fr)" 0

sim_unload
rm -f /tmp/img /tmp/rnd /tmp/back /tmp/e /tmp/r /tmp/s /tmp/z
t_done
