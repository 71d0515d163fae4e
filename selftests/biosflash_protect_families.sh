#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Block protection of the families biosflash_protect.sh and
# biosflash_protect_layouts.sh do not cover, through
# /sys/class/mtd/mtd0/protect, protect_mode and protect_regs and the
# mtd-utils lock tools, each on its flashsim profile: the protection bits
# set through the simulator's debugfs, the range compared with a table
# written out by hand (prot_tables.sh, never computed here), then unlock,
# lock and the refusals, with the registers and lock bits read back from
# the simulator, and writes into a protected range refused with the array
# unchanged.
#
#   mt25ql256    Micron: BP3 in SR bit 6 apart from BP2..0, TB bit 5
#   is25lp128    ISSI: BP3..0, TBS in the function register (one-time)
#   s25fl256s    Spansion: BP2..0 in 1/64ths, TBPROT in CR1 (one-time),
#                FREEZE
#   mx25l25635f  Macronix 3 V: as the MX25U25635F (CR TB one-time)
#   sst25vf032b  SST25: BP3..0 and BPL, all set at power-up
#   sst26vf064b  SST26: the block-protection register, every block locked
#                at power-up, global unlock
#   w25q64fv     a table chip whose layout the driver does not know, and a
#                chip known by SFDP only: protect says "unknown", every
#                request is refused and nothing is written
. /tests/lib.sh
. /tests/prot_tables.sh

P=/sys/class/mtd/mtd0
M=/dev/mtd0

# up PROFILE [SIM-ARGS...]: simulator with one PROFILE chip, biosflash at 3.3 V
up() {
	sim_unload
	p=$1
	shift
	sim_load chips="$p" "$@" && modprobe biosflash io_mv=3300 && [ -c $M ]
}

# loads NAME PROFILE [SIM-ARGS...]: one result
loads() {
	n=$1
	shift
	if up "$@"; then
		t_ok "${n}_loads"
	else
		t_fail "${n}_loads"
	fi
}

regs() {
	echo "$1" > "$SIM/sr1"
	[ -n "$2" ] && echo "$2" > "$SIM/sr2"
	[ -n "$3" ] && echo "$3" > "$SIM/sr3"
	return 0
}

prot() {
	cat $P/protect | tr '\n' ' ' | sed 's/ $//'
}

simlocks() {
	cat "$SIM/locks" | tr '\n' ' ' | sed 's/ $//'
}

# blocks BYTES: the block count flash_lock/flash_unlock take for BYTES
blocks() {
	echo $(($1 / $(cat $P/erasesize)))
}

# sysfs_fails NAME TEXT ERRNO-TEXT: writing TEXT to protect must fail so
sysfs_fails() {
	msg=$(sh -c "echo $2 > $P/protect" 2>&1)
	rc=$?
	if [ "$rc" != 0 ] && case "$msg" in *"$3"*) true ;; *) false ;; esac; then
		t_ok "$1"
	else
		t_fail "$1" "rc $rc, '$msg', expected '$3'"
	fi
}

# write_refused NAME OFFSET: a 4 KiB write at OFFSET fails with EROFS and
# one "write-protected" line, and the simulator's array is unchanged (two
# results)
write_refused() {
	head -c 4096 /dev/urandom > /tmp/wr
	h=$(sim_hash)
	klog_mark
	t_errno "$1" EROFS mtd_debug write $M "$2" 4096 /tmp/wr
	t_eq "$1_array_unchanged_one_line" \
		"$(sim_hash) $(klog | grep -c 'biosflash.*is write-protected')" \
		"$h 1"
}

# write_lands NAME OFFSET: a 4 KiB write at OFFSET (its erase block erased
# first) lands in the simulator's array byte for byte (one result)
write_lands() {
	head -c 4096 /dev/urandom > /tmp/wr
	es=$(cat $P/erasesize)
	if mtd_debug erase $M $(($2 / es * es)) "$es" > /dev/null &&
	   mtd_debug write $M "$2" 4096 /tmp/wr > /dev/null; then
		t_eq "$1" "$(dd if="$SIM/image" bs=4096 skip=$(($2 / 4096)) \
			count=1 2>/dev/null | sha256sum)" "$(sha256sum < /tmp/wr)"
	else
		t_fail "$1" "erase or write at $2 failed"
	fi
}

# table NAME ROWS ENCODE: each row's leading bit columns through ENCODE
# (a function printing "SR1 [SR2 [SR3]]"), the last column the range
table() {
	n=$1 rows=$2 enc=$3
	bad=0
	while read -r line; do
		exp=${line##* }
		bits=${line% *}
		# shellcheck disable=SC2086 # the bit columns are words
		regs $($enc $bits)
		got=$(prot)
		if [ "$got" != "$exp" ]; then
			echo "# $n bits $bits: protect says '$got', table '$exp'"
			bad=$((bad + 1))
		fi
	done <<TABLE
$rows
TABLE
	t_eq "${n}_table_rows_match" "$bad" 0
}

t_plan $((15 + 13 + 13 + 7 + 11 + 25 + 10))

# ============================================================================
# Micron MT25QL256 (MU-MT25QL256 Rev. K Table 3): SR bit 7 write
# enable/disable, 6 BP3, 5 TB, 4:2 BP2..0.  The protected areas are the
# 256 Mbit TB x BP3..0 table (PROT_TB_BP4_256M): 64 KiB at 0001, all from
# 1010.
# ============================================================================
loads mt25ql256 mt25ql256
mu_enc() {
	echo $(( ($1 << 5) | ($2 << 6) | ($3 << 4) | ($4 << 3) | ($5 << 2) ))
}
table mt25ql256 "$PROT_TB_BP4_256M" mu_enc
t_eq "mt25ql256_protect_regs_shows_sr" "$(cat $P/protect_regs)" "sr=0x7c"
regs 0x80
m1=$(cat $P/protect_mode)
regs 0x00
t_eq "mt25ql256_protect_mode_srwd" "$m1 $(cat $P/protect_mode)" \
	"hardware software"
# TB = 1, BP = 1001: the bottom 16 MiB; unlock clears TB and BP, SRWD stays
regs 0xe4
t_eq "mt25ql256_before_unlock_bottom_16MiB" "$(prot)" "0x00000000-0x00ffffff"
t_run "mt25ql256_unlock_succeeds" sh -c "echo unlock > $P/protect"
t_eq "mt25ql256_after_unlock_none_simulator_sr" "$(prot) $(cat "$SIM/sr1")" \
	"none 0x80"
# the top 64 KiB is BP = 0001; adding the rest of the top 16 MiB needs BP3
t_run "mt25ql256_flash_lock_top_64KiB" flash_lock $M 0x1ff0000 "$(blocks 65536)"
t_eq "mt25ql256_top_64KiB_is_bp_0001" "$(prot) $(cat "$SIM/sr1")" \
	"0x01ff0000-0x01ffffff 0x84"
t_run "mt25ql256_flash_lock_top_16MiB" flash_lock $M 0x1000000 "$(blocks 16777216)"
t_eq "mt25ql256_top_16MiB_is_bp3_and_bp0" "$(prot) $(cat "$SIM/sr1")" \
	"0x01000000-0x01ffffff 0xc4"
write_refused mt25ql256_write_into_top_16MiB_refused 0x1fff000
write_lands mt25ql256_write_below_lands 0x0
# SRWD = 1 and W# low: hardware protected, the unlock refused
echo 0 > "$SIM/wp"
sysfs_fails "mt25ql256_w_low_unlock_refused" unlock "Permission denied"
echo 1 > "$SIM/wp"

# ============================================================================
# ISSI IS25LP128: SR SRWD 7, QE 6, BP3..0 [5:2]; function register (48h,
# simulator slot 2) TBS bit 1, one-time (preset here as a factory part).
# ============================================================================
loads is25lp128 is25lp128
issi_enc() {
	echo $(( ($2 << 5) | ($3 << 4) | ($4 << 3) | ($5 << 2) )) $(($1 << 1))
}
table is25lp128 "$PROT_TB_BP4_128M" issi_enc
t_eq "is25lp128_protect_regs_shows_sr_fr" "$(cat $P/protect_regs)" \
	"sr=0x3c fr=0x02"
regs 0x80
m1=$(cat $P/protect_mode)
regs 0xc0
t_eq "is25lp128_protect_mode_srwd_qe" "$m1 $(cat $P/protect_mode)" \
	"hardware software"
# TBS = 1 (one-time): unlock clears BP, the function register stays
regs 0x84 0x02
t_eq "is25lp128_before_unlock_bottom_64KiB" "$(prot)" "0x00000000-0x0000ffff"
t_run "is25lp128_unlock_succeeds" sh -c "echo unlock > $P/protect"
t_eq "is25lp128_after_unlock_none_simulator_sr_fr" \
	"$(prot) $(cat "$SIM/sr1") $(cat "$SIM/sr2")" "none 0x80 0x02"
t_errno "is25lp128_flash_lock_top_needs_tbs_0" EPERM \
	flash_lock $M 0xff0000 "$(blocks 65536)"
t_eq "is25lp128_tbs_untouched_nothing_written" \
	"$(cat "$SIM/sr1") $(cat "$SIM/sr2") $(sim_stat otp_writes)" "0x80 0x02 0"
t_run "is25lp128_flash_lock_bottom_128KiB" flash_lock $M 0 "$(blocks 131072)"
t_eq "is25lp128_bottom_128KiB_is_bp_0010" "$(prot) $(cat "$SIM/sr1")" \
	"0x00000000-0x0001ffff 0x88"
write_refused is25lp128_write_into_bottom_refused 0x1f000

# ============================================================================
# Spansion S25FL256S: SR1 SRWD 7, P_ERR 6, E_ERR 5, BP2..0 [4:2]; CR1 (35h,
# slot 2) TBPROT 5 one-time, QUAD 1, FREEZE 0 (registers locked until power
# off).  BP counts 1/64ths of the chip (PROT_S25FL256S).
# ============================================================================
loads s25fl256s s25fl256s
sp_enc() {
	echo $(( ($2 << 4) | ($3 << 3) | ($4 << 2) )) $(($1 << 5))
}
table s25fl256s "$PROT_S25FL256S" sp_enc
t_eq "s25fl256s_protect_regs_shows_sr1_cr1" "$(cat $P/protect_regs)" \
	"sr1=0x1c cr1=0x20"
# TBPROT = 1: the bottom 1/64; unlock clears BP only
regs 0x04 0x20
t_eq "s25fl256s_before_unlock_bottom_512KiB" "$(prot)" "0x00000000-0x0007ffff"
t_run "s25fl256s_unlock_succeeds" sh -c "echo unlock > $P/protect"
t_eq "s25fl256s_after_unlock_none_simulator_sr1_cr1" \
	"$(prot) $(cat "$SIM/sr1") $(cat "$SIM/sr2")" "none 0x00 0x20"
t_errno "s25fl256s_flash_lock_top_needs_tbprot_0" EPERM \
	flash_lock $M 0x1f80000 "$(blocks 524288)"
t_run "s25fl256s_flash_lock_bottom_1MiB" flash_lock $M 0 "$(blocks 1048576)"
t_eq "s25fl256s_bottom_1MiB_is_bp_010" "$(prot) $(cat "$SIM/sr1")" \
	"0x00000000-0x000fffff 0x08"
# FREEZE = 1: locked until power off, the unlock refused, nothing changed
echo 0x21 > "$SIM/sr2"
t_eq "s25fl256s_freeze_is_power_cycle_mode" "$(cat $P/protect_mode)" power-cycle
sysfs_fails "s25fl256s_freeze_unlock_refused" unlock "Device or resource busy"
t_eq "s25fl256s_freeze_registers_unchanged" \
	"$(cat "$SIM/sr1") $(cat "$SIM/sr2")" "0x08 0x21"
echo 1 > "$SIM/power_cycle"
t_eq "s25fl256s_power_cycle_clears_freeze" "$(cat $P/protect_mode)" software

# ============================================================================
# Macronix MX25L25635F: the MX25U25635F layout at 3 V (SR BP3..0, CR TB bit
# 3 one-time, SCUR WPSEL); PROT_TB_BP4_256M
# ============================================================================
loads mx25l25635f mx25l25635f
mx_enc() {
	echo $(( ($2 << 5) | ($3 << 4) | ($4 << 3) | ($5 << 2) )) $(($1 << 3)) 0
}
table mx25l25635f "$PROT_TB_BP4_256M" mx_enc
t_eq "mx25l25635f_protect_regs_shows_sr_cr_scur" "$(cat $P/protect_regs)" \
	"sr=0x3c cr=0x08 scur=0x00"
regs 0x00 0x00 0x00
t_run "mx25l25635f_lock_succeeds" sh -c "echo lock > $P/protect"
t_eq "mx25l25635f_after_lock_all_simulator_sr" "$(prot) $(cat "$SIM/sr1")" \
	"all 0x3c"
write_refused mx25l25635f_write_locked_refused 0

# ============================================================================
# SST25VF032B: BPL 7, AAI 6, BP3..0 [5:2], volatile, BP2..0 = 111 at
# power-up: nothing can be written before an unlock.  PROT_BP4_32M_TOP.
# ============================================================================
loads sst25vf032b sst25vf032b
t_eq "sst25vf032b_power_up_all_protected" "$(prot) $(cat $P/protect_regs)" \
	"all sr=0x1c"
write_refused sst25vf032b_power_up_write_refused 0
sst25_enc() {
	echo $(( ($1 << 5) | ($2 << 4) | ($3 << 3) | ($4 << 2) ))
}
table sst25vf032b "$PROT_BP4_32M_TOP" sst25_enc
regs 0x1c
t_run "sst25vf032b_unlock_succeeds" sh -c "echo unlock > $P/protect"
t_eq "sst25vf032b_after_unlock_none_simulator_sr" "$(prot) $(cat "$SIM/sr1")" \
	"none 0x00"
write_lands sst25vf032b_write_after_unlock_lands 0x3ff000
echo 1 > "$SIM/power_cycle"
t_eq "sst25vf032b_power_cycle_protects_all_again" "$(prot)" all
# BPL = 1 with WP# low: BP read-only, the unlock refused
regs 0x9c
echo 0 > "$SIM/wp"
sysfs_fails "sst25vf032b_bpl_wp_low_unlock_refused" unlock "Permission denied"
t_eq "sst25vf032b_bpl_sr_unchanged" "$(cat "$SIM/sr1")" 0x9c
echo 1 > "$SIM/wp"

# ============================================================================
# SST26VF064B: the block-protection register (72h/42h); every block
# write-locked at power-up; 98h clears every lock.  The simulator's debugfs
# "locks" lists its own locked runs: the independent view of each change.
# ============================================================================
loads sst26vf064b sst26vf064b
t_eq "sst26vf064b_power_up_all_locked" "$(prot) $(simlocks)" \
	"all 0x00000000-0x007fffff"
t_eq "sst26vf064b_protect_regs_shows_sr_cr" "$(cat $P/protect_regs)" \
	"sr=0x00 cr=0x08"
write_refused sst26vf064b_power_up_write_refused 0x400000
sim_reset_stats
t_run "sst26vf064b_unlock_succeeds" sh -c "echo unlock > $P/protect"
t_eq "sst26vf064b_after_unlock_none_no_simulator_lock" "$(prot)|$(simlocks)" \
	"none|"
t_eq "sst26vf064b_unlock_is_one_98h" "$(sim_stat op_98) $(sim_stat op_42)" "1 0"
write_lands sst26vf064b_write_after_unlock_lands 0x400000
# one 64 KiB block, one 8 KiB parameter block, the top 32 KiB block
t_run "sst26vf064b_flash_lock_64KiB_block" flash_lock $M 0x10000 "$(blocks 65536)"
t_run "sst26vf064b_flash_lock_8KiB_block" flash_lock $M 0x2000 "$(blocks 8192)"
t_run "sst26vf064b_flash_lock_top_32KiB" flash_lock $M 0x7f0000 "$(blocks 32768)"
t_eq "sst26vf064b_three_locks_in_simulator" "$(simlocks)" \
	"0x00002000-0x00003fff 0x00010000-0x0001ffff 0x007f0000-0x007f7fff"
t_eq "sst26vf064b_three_locks_in_protect" "$(prot)" \
	"0x00002000-0x00003fff 0x00010000-0x0001ffff 0x007f0000-0x007f7fff"
write_refused sst26vf064b_write_into_64KiB_lock_refused 0x1f000
write_lands sst26vf064b_write_next_to_it_lands 0x20000
# a lock the simulator sets, read by the driver
echo "lock 0x7fe000" > "$SIM/locks"
t_eq "sst26vf064b_simulator_lock_of_top_8KiB_shown" "$(prot)" \
	"0x00002000-0x00003fff 0x00010000-0x0001ffff 0x007f0000-0x007f7fff 0x007fe000-0x007fffff"
h=$(simlocks)
t_errno "sst26vf064b_lock_of_4KiB_inexpressible" EINVAL flash_lock $M 0x400000 "$(blocks 4096)"
t_eq "sst26vf064b_inexpressible_lock_changed_nothing" "$(simlocks)" "$h"
t_run "sst26vf064b_flash_unlock_64KiB_block" flash_unlock $M 0x10000 "$(blocks 65536)"
t_eq "sst26vf064b_one_block_unlocked" "$(simlocks)" \
	"0x00002000-0x00003fff 0x007f0000-0x007f7fff 0x007fe000-0x007fffff"
t_run "sst26vf064b_lock_succeeds" sh -c "echo lock > $P/protect"
t_eq "sst26vf064b_after_lock_all" "$(prot) $(simlocks)" \
	"all 0x00000000-0x007fffff"
echo unlock > $P/protect
echo 1 > "$SIM/power_cycle"
t_eq "sst26vf064b_power_cycle_locks_all_again" "$(prot)" all

# ============================================================================
# A layout the driver does not know.  W25Q64FV and W25Q64JV share EF 40 17
# and differ in SR3 (WPS): the entry has no layout.  Then a chip known by
# SFDP only (the W25Q256JW model answering 9D 70 19, an ID not in the table).
# ============================================================================
loads w25q64fv w25q64fv
regs 0x1c 0x02
t_eq "w25q64fv_protect_unknown" "$(prot)" unknown
t_false "w25q64fv_no_protect_mode_file" test -e $P/protect_mode
klog_mark
sysfs_fails "w25q64fv_unlock_refused" unlock "Operation not supported"
t_eq "w25q64fv_unlock_refused_one_line_says_why" \
	"$(klog | grep -c 'biosflash.*cannot unlock: protection layout unknown for w25q64fv')" 1
t_eq "w25q64fv_unlock_refused_wrote_nothing" \
	"$(cat "$SIM/sr1") $(sim_stat op_01)" "0x1c 0"
t_errno "w25q64fv_flash_unlock_refused" EOPNOTSUPP flash_unlock $M
loads sfdp_only w25q256jw jedec_id=0x9d7019
t_eq "sfdp_only_protect_unknown" "$(prot)" unknown
sysfs_fails "sfdp_only_lock_refused" lock "Operation not supported"

rm -f /tmp/wr
sim_unload
t_done
