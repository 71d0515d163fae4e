#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Block protection through /sys/class/mtd/mtd0/protect, protect_mode and the
# MTD lock ioctls, on the simulated W25Q256JW.  The expected ranges are the
# datasheet's table written out by hand (W25Q257FV datasheet §7.1.16/17, the
# same bit semantics as W25Q256JV/JW per flashrom's reg_bits for them;
# Documentation/chips.rst, "Block protection"; in prot_tables.sh,
# PROT_W25Q256), never computed by driver code; the register
# values the driver writes are read back from the simulator.
. /tests/lib.sh
. /tests/prot_tables.sh

P=/sys/class/mtd/mtd0
M=/dev/mtd0

up() {
	sim_unload
	sim_load chips=w25q256jw "$@" && modprobe biosflash io_mv=1800 && [ -c $M ]
}

# set_regs SR1 SR2 [SR3]: as if the board had left them so, then re-probe
regs() {
	echo "$1" > "$SIM/sr1"
	echo "$2" > "$SIM/sr2"
	[ -n "$3" ] && echo "$3" > "$SIM/sr3"
	return 0
}

# the table 1, field report 14, lock variants 9, fail_case 4 x 5, QE=1 4,
# WPS 5, mtd-utils 8, malformed input 3, races 3
t_plan $((1 + 14 + 9 + 4 * 5 + 4 + 5 + 8 + 3 + 3 + 2))

# --- every TB x CMP x BP combination of the 256 Mbit table -------------------
# columns: TB CMP BP expected-protect
up || { t_fail "setup"; t_done; }
bad=0
while read -r tb cmp bp exp; do
	regs $(( (tb << 6) | (bp << 2) )) $(( (cmp << 6) | 2 ))
	got=$(cat $P/protect | tr '\n' ' ' | sed 's/ $//')
	if [ "$got" != "$exp" ]; then
		echo "# TB=$tb CMP=$cmp BP=$bp: protect says '$got', datasheet '$exp'"
		bad=$((bad + 1))
	fi
done <<TABLE
$PROT_W25Q256
TABLE
t_eq "w25q256_all_64_tb_cmp_bp_combinations_match_datasheet" "$bad" 0

# --- the field report: SR1=0x44 (TB=1, BP0=1) protects the bottom 64 KiB -----
regs 0x44 0x02
t_eq "sr1_0x44_reads_bottom_64KiB" "$(cat $P/protect)" "0x00000000-0x0000ffff"
t_eq "sr1_0x44_mode_software" "$(cat $P/protect_mode)" software
t_run "protect_regs_shows_raw_registers" grep -q 'sr1=0x44' $P/protect_regs
h=$(sim_hash 65536)
head -c 4096 /dev/zero > /tmp/z
klog_mark
t_errno "write_into_protected_range_fails" EROFS mtd_debug write $M 0 4096 /tmp/z
t_errno "erase_of_protected_block_fails" EROFS mtd_debug erase $M 0 65536
t_eq "protected_block_unchanged" "$(sim_hash 65536)" "$h"
t_eq "protected_write_one_clear_message" \
	"$(klog | grep -c 'biosflash.*write-protected.*protect')" 2
t_run "erase_outside_protected_range_works" mtd_debug erase $M 65536 65536
t_run "unlock_succeeds" sh -c "echo unlock > $P/protect"
t_eq "after_unlock_protect_none" "$(cat $P/protect)" none
t_eq "after_unlock_chip_bp_tb_cleared" "$(( $(cat "$SIM/sr1") & 0x7c ))" 0
echo 1 > "$SIM/power_cycle"
t_eq "unlock_is_nonvolatile" "$(cat $P/protect)" none
t_run "write_after_unlock_works" mtd_debug write $M 0 4096 /tmp/z
t_eq "write_after_unlock_landed" "$(head -c 4096 "$SIM/image" | tr -d '\000' | wc -c)" 0

# --- lock / volatile variants ---------------------------------------------------
t_run "lock_succeeds" sh -c "echo lock > $P/protect"
t_eq "after_lock_protect_all" "$(cat $P/protect)" all
echo 1 > "$SIM/power_cycle"
t_eq "lock_is_nonvolatile" "$(cat $P/protect)" all
t_run "unlock_volatile_succeeds" sh -c "echo unlock volatile > $P/protect"
t_eq "after_unlock_volatile_none" "$(cat $P/protect)" none
echo 1 > "$SIM/power_cycle"
t_eq "unlock_volatile_lost_at_power_cycle" "$(cat $P/protect)" all
echo unlock > $P/protect
t_run "lock_volatile_succeeds" sh -c "echo lock volatile > $P/protect"
t_eq "after_lock_volatile_all" "$(cat $P/protect)" all
echo 1 > "$SIM/power_cycle"
t_eq "lock_volatile_lost_at_power_cycle" "$(cat $P/protect)" none

# --- why an unlock fails ---------------------------------------------------------
# fail_case NAME SETUP-CMD ERRNO-TEXT LOG-PATTERN
fail_case() {
	name=$1 setup=$2 err=$3 pat=$4
	up
	regs 0x44 0x02
	eval "$setup"
	before="$(cat "$SIM/sr1") $(cat "$SIM/sr2") $(cat "$SIM/sr3")"
	klog_mark
	msg=$(sh -c "echo unlock > $P/protect" 2>&1)
	rc=$?
	t_false "${name}_unlock_fails" test "$rc" = 0
	case "$msg" in
	*"$err"*) t_ok "${name}_reports_errno" ;;
	*) t_fail "${name}_reports_errno" "got: $msg, expected $err" ;;
	esac
	t_eq "${name}_one_log_line_naming_the_cause" "$(klog | grep -c "biosflash.*$pat")" 1
	klog | grep biosflash | sed 's/^/# /'
	t_eq "${name}_registers_unchanged" \
		"$(cat "$SIM/sr1") $(cat "$SIM/sr2") $(cat "$SIM/sr3")" "$before"
}
# SRP=1 and WP# low protect only with QE=0 (an -IM part): on the -IQ part
# (QE fixed 1) the /WP pin is IO2 (DS-257FV §4.3, §7.1.9)
fail_case wp_low_with_srp \
	'echo 0 > "$SIM/qe_fixed"; regs 0xc4 0x00; echo 0 > "$SIM/wp"' \
	"Permission denied" "WP#"
fail_case srl_set 'regs 0x44 0x03' "Device or resource busy" "power"
fail_case write_does_not_stick 'echo 1 > "$SIM/fault_ignore_sr_write"' \
	"Input/output error" "did not stick"
fail_case bus_stuck 'echo high > "$SIM/fault_miso"' \
	"No such device or address" "stuck"
# the field chip (-IQ, QE=1) with SRP=1 and WP# low: WP# cannot be the
# cause, so a write that does not stick is reported as such, not as WP#
fail_case qe1_srp_write_does_not_stick \
	'regs 0xc4 0x02; echo 0 > "$SIM/wp"; echo 1 > "$SIM/fault_ignore_sr_write"' \
	"Input/output error" "did not stick"

# --- QE=1: /WP is IO2 (DS-257FV §4.3, §7.1.9), SRP=1 with WP# low holds nothing
up
regs 0xc4 0x02
echo 0 > "$SIM/wp"
t_eq "qe1_srp_mode_is_software" "$(cat $P/protect_mode)" software
t_run "qe1_wp_low_unlock_succeeds" sh -c "echo unlock > $P/protect"
t_eq "qe1_wp_low_unlocked" "$(cat $P/protect)" none
t_eq "qe1_wp_low_simulator_sr1_srp_kept_bp_tb_clear" "$(cat "$SIM/sr1")" 0x80
echo 1 > "$SIM/wp"

# --- individual block locks (WPS=1): all locked at power-up ---------------------
up
regs 0x00 0x02 0x04
echo 1 > "$SIM/power_cycle"
t_eq "wps_power_up_all_locked" "$(cat $P/protect)" all
t_run "wps_unlock_succeeds" sh -c "echo unlock > $P/protect"
t_eq "wps_after_unlock_none" "$(cat $P/protect)" none
t_eq "wps_simulator_has_no_locked_block" "$(cat "$SIM/locks")" ""
echo "lock 0x20000" > "$SIM/locks"
t_eq "wps_single_locked_block_shown" "$(cat $P/protect)" "0x00020000-0x0002ffff"

# --- mtd-utils: flash_lock/flash_unlock/mtdinfo -M/flash_erase -u ----------------
up
regs 0x00 0x02
t_run "flash_lock_whole_chip" flash_lock $M
t_eq "flash_lock_shows_in_protect" "$(cat $P/protect)" all
flash_unlock -i $M > /tmp/i 2>&1
t_run "flash_unlock_i_reports_locked" grep -q 'locked' /tmp/i
mtdinfo -M $M > /tmp/map 2>&1
t_eq "mtdinfo_M_marks_512_blocks_RO" "$(grep -o 'RO' /tmp/map | wc -l)" 512
t_run "flash_unlock_whole_chip" flash_unlock $M
t_eq "flash_unlock_shows_in_protect" "$(cat $P/protect)" none
regs 0x44 0x02
t_run "flash_erase_u_unlocks_and_erases" flash_erase -u $M 0 1
t_eq "flash_erase_u_erased_block0" "$(head -c 65536 "$SIM/image" | tr -d '\377' | wc -c)" 0

# --- malformed input changes nothing ---------------------------------------------
regs 0x44 0x02
before="$(cat "$SIM/sr1") $(cat "$SIM/sr2") $(cat "$SIM/sr3") $(sim_stat op_01)"
bad=0
for s in "unlock now" "UNLOCK" "lock 0 0" "lockvolatile" "unlock  volatile x" \
	"$(head -c 64 /dev/urandom | tr -d '\000\n')" "lock 0x0-0x1" "1" "-1"; do
	if sh -c "printf '%s' \"\$1\" > $P/protect" x "$s" 2>/dev/null; then
		bad=$((bad + 1))
		echo "# accepted: '$s'"
	fi
done
t_eq "malformed_protect_writes_rejected" "$bad" 0
t_eq "malformed_writes_changed_nothing" \
	"$(cat "$SIM/sr1") $(cat "$SIM/sr2") $(cat "$SIM/sr3") $(sim_stat op_01)" "$before"
t_errno "protect_mode_is_read_only" EACCES sh -c "echo software > $P/protect_mode"

# --- protection changes racing with reads and writes ------------------------------
regs 0x00 0x02
head -c 1048576 /dev/urandom > /tmp/r1
( i=0; while [ $i -lt 30 ]; do echo lock > $P/protect; echo unlock > $P/protect; i=$((i + 1)); done ) &
race=$!
ok=1
i=0
while [ $i -lt 10 ]; do
	dd if=$M of=/tmp/rr bs=65536 count=16 skip=64 2>/dev/null || ok=0
	i=$((i + 1))
done
wait $race
t_eq "reads_survive_concurrent_protect_changes" "$ok" 1
echo unlock > $P/protect
t_run "write_after_race_works" flashcp /tmp/r1 $M
t_eq "write_after_race_landed" "$(sim_hash 1048576)" "$(file_hash /tmp/r1)"
bf_real_time_round_trip protect $M $((2 * 1048576))

sim_unload
rm -f /tmp/z /tmp/r1 /tmp/rr /tmp/i /tmp/map
t_done
