#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Block protection of the three layouts biosflash_protect.sh does not cover,
# through /sys/class/mtd/mtd0/protect and protect_mode: every combination of
# each layout's protection bits, set through the simulator's debugfs, against
# the range written out by hand from the chip's table (never computed here),
# then unlock and lock with the registers read back from the simulator.
#
#   w25q128jv    SEC x TB x CMP x BP2..0 (64 rows): W25Q128JV datasheet
#                Rev M (2024-12-24) §7.1.8 (CMP = 0) and §7.1.9 (CMP = 1)
#   mx25u25635f  TB (CR bit 3, one-time programmable) x BP3..0 (32 rows)
#   gd25lb256e   TB (SR1 bit 6) x BP3..0 (32 rows)
#
# The tables are in prot_tables.sh (PROT_W25Q128JV, PROT_TB_BP4_256M), with
# their sources: no Macronix or GigaDevice datasheet was read; their rows
# are the 256 Mbit table (W25Q257FV datasheet §7.1.16) without CMP, as
# flashrom's decode_range_spi25() decodes both parts (Documentation/chips.rst,
# "Block protection").
. /tests/lib.sh
. /tests/prot_tables.sh

P=/sys/class/mtd/mtd0
M=/dev/mtd0

# up PROFILE IO_MV: simulator with one PROFILE chip, biosflash on top
up() {
	sim_unload
	sim_load chips="$1" && modprobe biosflash io_mv="$2" && [ -c $M ]
}

# regs SR1 [SR2 [SR3]]: as if the board had left them so
regs() {
	echo "$1" > "$SIM/sr1"
	[ -n "$2" ] && echo "$2" > "$SIM/sr2"
	[ -n "$3" ] && echo "$3" > "$SIM/sr3"
	return 0
}

# the protect file on one line
prot() {
	cat $P/protect | tr '\n' ' ' | sed 's/ $//'
}

simregs() {
	echo "$(cat "$SIM/sr1") $(cat "$SIM/sr2") $(cat "$SIM/sr3")"
}

# sysfs_fails NAME FILE TEXT ERRNO-TEXT: the write must fail with ERRNO-TEXT
sysfs_fails() {
	msg=$(sh -c "echo $3 > $2" 2>&1)
	rc=$?
	if [ "$rc" != 0 ] && case "$msg" in *"$4"*) true ;; *) false ;; esac; then
		t_ok "$1"
	else
		t_fail "$1" "rc $rc, '$msg', expected '$4'"
	fi
}

# one result per table and per step: W25Q128JV 19, MX25U25635F 29,
# GD25LB256E 13
t_plan $((19 + 29 + 13 + 2 + 8))

# ============================================================================
# Winbond W25Q128JV (3 V part, so io_mv=3300): SR1 SRP7 SEC6 TB5 BP2..0[4:2],
# SR2 CMP6 LB3..1 QE1 (fixed 1 on -IQ) SRL0, SR3 DRV6:5 WPS2
# ============================================================================
if up w25q128jv 3300; then
	t_ok "w25q128jv_loads"
else
	t_fail "w25q128jv_loads"
fi

# columns: CMP SEC TB BP2 BP1 BP0 expected-protect [source]; the rows
# marked FR are not in the datasheet (prot_tables.sh)
bad=0
while read -r cmp sec tb b2 b1 b0 exp src; do
	regs $(( (sec << 6) | (tb << 5) | (b2 << 4) | (b1 << 3) | (b0 << 2) )) \
		$(( (cmp << 6) | 2 ))
	got=$(prot)
	if [ "$got" != "$exp" ]; then
		echo "# CMP=$cmp SEC=$sec TB=$tb BP=$b2$b1$b0: protect says '$got', ${src:-datasheet} '$exp'"
		bad=$((bad + 1))
	fi
done <<TABLE
$PROT_W25Q128JV
TABLE
t_eq "w25q128jv_all_64_cmp_sec_tb_bp_rows_match_datasheet" "$bad" 0
# the last row: all three registers, named as the W25Q128JV names them
t_eq "w25q128jv_protect_regs_shows_sr1_sr2_sr3" "$(cat $P/protect_regs)" \
	"sr1=0x7c sr2=0x42 sr3=0x60"

# --- protect_mode (the W25Q128JV datasheet's status register protection
# table, Documentation/chips.rst): columns SR1 SR2 mode.  SRP=1 means
# hardware protection only with QE=0: with QE=1 the /WP pin is IO2
# (DS-257FV §4.3, §7.1.9), as on the -IQ parts ---
bad=0
while read -r r1 r2 exp; do
	echo $(((r2 >> 1) & 1)) > "$SIM/qe_fixed"	# QE=0: the -IM part
	regs "$r1" "$r2"
	got=$(cat $P/protect_mode)
	if [ "$got" != "$exp" ]; then
		echo "# sr1=$r1 sr2=$r2: protect_mode says '$got', expected '$exp'"
		bad=$((bad + 1))
	fi
done <<'TABLE'
0x00 0x02 software
0x80 0x00 hardware
0x80 0x02 software
0x00 0x03 power-cycle
0x80 0x03 power-cycle
0x7c 0x42 software
TABLE
t_eq "w25q128jv_protect_mode_srp_srl" "$bad" 0
echo 1 > "$SIM/qe_fixed"

# --- unlock clears SEC, TB, BP, CMP; SRP, LB1, QE and DRV stay ---
regs 0xf4 0x4a 0x60
t_eq "w25q128jv_before_unlock_cmp_sec_tb_range" "$(prot)" "0x00008000-0x00ffffff"
t_run "w25q128jv_unlock_succeeds" sh -c "echo unlock > $P/protect"
t_eq "w25q128jv_after_unlock_none" "$(prot)" none
t_eq "w25q128jv_after_unlock_simulator_registers" "$(simregs)" "0x80 0x0a 0x60"
echo 1 > "$SIM/power_cycle"
t_eq "w25q128jv_unlock_is_nonvolatile" "$(prot)" none

# --- lock sets BP = 111 only ---
t_run "w25q128jv_lock_succeeds" sh -c "echo lock > $P/protect"
t_eq "w25q128jv_after_lock_all" "$(prot)" all
t_eq "w25q128jv_after_lock_simulator_registers" "$(simregs)" "0x9c 0x0a 0x60"
t_run "w25q128jv_unlock_volatile_succeeds" sh -c "echo unlock volatile > $P/protect"
t_eq "w25q128jv_after_unlock_volatile_none" "$(prot)" none
echo 1 > "$SIM/power_cycle"
t_eq "w25q128jv_unlock_volatile_lost_at_power_cycle" "$(prot)" all

# --- MTD lock: the top 64 KiB is no W25Q128JV range (256 KiB blocks, SEC
# ranges up to 32 KiB), the top 256 KiB is BP = 001 ---
echo unlock > $P/protect
regs 0x00 0x02
t_errno "w25q128jv_flash_lock_top_64KiB_inexpressible" EINVAL flash_lock $M 0xff0000 1
t_eq "w25q128jv_inexpressible_lock_changed_nothing" "$(simregs)" "0x00 0x02 0x60"
t_run "w25q128jv_flash_lock_top_256KiB" flash_lock $M 0xfc0000 4
t_eq "w25q128jv_top_256KiB_is_bp_001" "$(prot) $(cat "$SIM/sr1")" \
	"0x00fc0000-0x00ffffff 0x04"

# ============================================================================
# Macronix MX25U25635F: SR SRWD7 QE6 BP3..0[5:2]; CR TB3 (OTP; the
# simulator's debugfs presets it like a factory-programmed part); SCUR
# WPSEL7 (OTP).  No CMP, no SRL, no 50h.
# ============================================================================
if up mx25u25635f 1800; then
	t_ok "mx25u25635f_loads"
else
	t_fail "mx25u25635f_loads"
fi

# columns: TB BP3 BP2 BP1 BP0 expected-protect
bad=0
while read -r tb b3 b2 b1 b0 exp; do
	regs $(( (b3 << 5) | (b2 << 4) | (b1 << 3) | (b0 << 2) )) $((tb << 3))
	got=$(prot)
	if [ "$got" != "$exp" ]; then
		echo "# TB=$tb BP=$b3$b2$b1$b0: protect says '$got', table '$exp'"
		bad=$((bad + 1))
	fi
done <<TABLE
$PROT_TB_BP4_256M
TABLE
t_eq "mx25u25635f_all_32_tb_bp_rows_match_table" "$bad" 0
t_eq "mx25u25635f_protect_regs_shows_sr_cr_scur" "$(cat $P/protect_regs)" \
	"sr=0x3c cr=0x08 scur=0x00"

# --- protect_mode: SRWD (with QE=0: QE=1 makes WP# SIO2, unverified);
# nothing in CR or SCUR means "power-cycle" ---
bad=0
while read -r r1 r2 r3 exp; do
	regs "$r1" "$r2" "$r3"
	got=$(cat $P/protect_mode)
	if [ "$got" != "$exp" ]; then
		echo "# sr=$r1 cr=$r2 scur=$r3: protect_mode says '$got', expected '$exp'"
		bad=$((bad + 1))
	fi
done <<'TABLE'
0x00 0x00 0x00 software
0x80 0x00 0x00 hardware
0x80 0x08 0x02 hardware
0xc0 0x08 0x02 software
0x40 0x08 0x02 software
TABLE
t_eq "mx25u25635f_protect_mode_srwd" "$bad" 0

# --- unlock clears BP only: SRWD, QE stay, and so does the OTP TB ---
regs 0xe4 0x08 0x00
t_eq "mx25u25635f_before_unlock_bottom_16MiB" "$(prot)" "0x00000000-0x00ffffff"
t_run "mx25u25635f_unlock_succeeds" sh -c "echo unlock > $P/protect"
t_eq "mx25u25635f_after_unlock_none" "$(prot)" none
t_eq "mx25u25635f_after_unlock_simulator_registers" "$(simregs)" "0xc0 0x08 0x00"
t_run "mx25u25635f_lock_succeeds" sh -c "echo lock > $P/protect"
t_eq "mx25u25635f_after_lock_all" "$(prot)" all
t_eq "mx25u25635f_after_lock_simulator_registers" "$(simregs)" "0xfc 0x08 0x00"
before=$(simregs)
sysfs_fails "mx25u25635f_unlock_volatile_not_supported" $P/protect \
	"unlock volatile" "Operation not supported"
t_eq "mx25u25635f_unlock_volatile_changed_nothing" "$(simregs)" "$before"

# --- MTD lock with the OTP TB = 1: the bottom works, the top cannot ---
echo unlock > $P/protect
t_errno "mx25u25635f_flash_lock_top_needs_otp_tb_fails" EPERM flash_lock $M 0x1ff0000 1
t_eq "mx25u25635f_otp_tb_untouched" "$(simregs)" "0xc0 0x08 0x00"
t_run "mx25u25635f_flash_lock_bottom_64KiB" flash_lock $M 0 1
t_eq "mx25u25635f_bottom_64KiB_is_bp_0001" "$(prot) $(cat "$SIM/sr1")" \
	"0x00000000-0x0000ffff 0xc4"

# --- WPSEL = 1: individual protection (DPB), BP no longer counts ---
regs 0x00 0x00 0x80
echo 1 > "$SIM/power_cycle"
t_eq "mx25u25635f_wpsel_power_up_all_dpb_set" "$(prot)" all
t_run "mx25u25635f_wpsel_unlock_succeeds" sh -c "echo unlock > $P/protect"
t_eq "mx25u25635f_wpsel_after_unlock_none" "$(prot)" none
t_eq "mx25u25635f_wpsel_simulator_has_no_dpb_set" "$(cat "$SIM/locks")" ""
regs 0x3c 0x00 0x80
t_eq "mx25u25635f_wpsel_bp_ignored" "$(prot)" none
echo "lock 0x20000" > "$SIM/locks"
echo "lock 0x1ff0000" > "$SIM/locks"
t_eq "mx25u25635f_wpsel_block_and_top_sector_shown" "$(prot)" \
	"0x00020000-0x0002ffff 0x01ff0000-0x01ff0fff"
t_run "mx25u25635f_wpsel_lock_succeeds" sh -c "echo lock > $P/protect"
t_eq "mx25u25635f_wpsel_after_lock_all" "$(prot)" all
t_eq "mx25u25635f_wpsel_simulator_all_dpb_set" "$(cat "$SIM/locks")" \
	"0x00000000-0x01ffffff"
t_run "mx25u25635f_wpsel_flash_unlock_one_block" flash_unlock $M 0x10000 1
t_eq "mx25u25635f_wpsel_one_block_unlocked" "$(prot)" \
	"0x00000000-0x0000ffff 0x00020000-0x01ffffff"
t_eq "mx25u25635f_wpsel_scur_and_bp_untouched" "$(simregs)" "0x3c 0x00 0x80"

# ============================================================================
# GigaDevice GD25LB256E: SR1 SRP0 7, TB 6, BP3..0 [5:2]; no SR2 (ufprog),
# no CMP, no SRL readable
# ============================================================================
if up gd25lb256e 1800; then
	t_ok "gd25lb256e_loads"
else
	t_fail "gd25lb256e_loads"
fi

# columns: TB BP3 BP2 BP1 BP0 expected-protect
bad=0
while read -r tb b3 b2 b1 b0 exp; do
	regs $(( (tb << 6) | (b3 << 5) | (b2 << 4) | (b1 << 3) | (b0 << 2) ))
	got=$(prot)
	if [ "$got" != "$exp" ]; then
		echo "# TB=$tb BP=$b3$b2$b1$b0: protect says '$got', table '$exp'"
		bad=$((bad + 1))
	fi
done <<TABLE
$PROT_TB_BP4_256M
TABLE
t_eq "gd25lb256e_all_32_tb_bp_rows_match_table" "$bad" 0
t_eq "gd25lb256e_protect_regs_shows_sr1_only" "$(cat $P/protect_regs)" "sr1=0x7c"

bad=0
while read -r r1 exp; do
	regs "$r1"
	got=$(cat $P/protect_mode)
	if [ "$got" != "$exp" ]; then
		echo "# sr1=$r1: protect_mode says '$got', expected '$exp'"
		bad=$((bad + 1))
	fi
done <<'TABLE'
0x00 software
0x7c software
0x80 hardware
0xfc hardware
TABLE
t_eq "gd25lb256e_protect_mode_srp0" "$bad" 0

# --- unlock clears TB and BP, SRP0 stays; lock sets BP = 1111 ---
regs 0xe4
t_eq "gd25lb256e_before_unlock_bottom_16MiB" "$(prot)" "0x00000000-0x00ffffff"
t_run "gd25lb256e_unlock_succeeds" sh -c "echo unlock > $P/protect"
t_eq "gd25lb256e_after_unlock_none" "$(prot)" none
t_eq "gd25lb256e_after_unlock_sr1" "$(cat "$SIM/sr1")" 0x80
t_run "gd25lb256e_lock_succeeds" sh -c "echo lock > $P/protect"
t_eq "gd25lb256e_after_lock_all" "$(prot)" all
t_eq "gd25lb256e_after_lock_sr1" "$(cat "$SIM/sr1")" 0xbc

# --- SRP0 = 1 and WP# low: hardware protected, the unlock is refused ---
regs 0xe4
echo 0 > "$SIM/wp"
sysfs_fails "gd25lb256e_wp_low_unlock_refused" $P/protect unlock \
	"Permission denied"
t_eq "gd25lb256e_wp_low_sr1_unchanged" "$(cat "$SIM/sr1")" 0xe4
echo 1 > "$SIM/wp"
# B7h mode above 16 MiB, at the datasheet's busy times
echo unlock > $P/protect
bf_real_time_round_trip gd25lb256e $M $((20 * 1048576))

# --- a board that re-protects its boot block at every power-on ---------------
# (flashsim board_bp; the seed user's board left SR1 = 0x44, TB + BP0: the
# bottom 64 KiB).  The GD25LB256E has no power-cycle marker, so only the
# protection read back after the write can tell that a cut re-locked it.
echo 0x44 > "$SIM/board_bp"
echo 1 > "$SIM/power_cycle"
# SRP0 (bit 7) is left as the lock above set it: TB and BP only
t_eq "board_bp_reprotected_at_power_on" \
	"$(printf '0x%02x' $(($(cat "$SIM/sr1") & 0x7c))) $(prot)" \
	"0x44 0x00000000-0x0000ffff"
echo unlock > $P/protect
echo 1 > "$SIM/power_cycle"
t_eq "board_bp_back_after_unlock_and_power_cycle" "$(prot)" \
	"0x00000000-0x0000ffff"
head -c 65536 /dev/urandom > /tmp/bp
rest=$(tail -c +65537 "$SIM/image" | sha256sum)
bottom=$(head -c 65536 "$SIM/image" | sha256sum)
klog_mark
t_errno "board_bp_write_refused" EROFS mtd_debug write $M 0 65536 /tmp/bp
t_eq "board_bp_write_refused_one_line" \
	"$(klog | grep -c 'biosflash.*0x00000000-0x0000ffff is write-protected')" 1
t_eq "board_bp_write_refused_array_unchanged" \
	"$(head -c 65536 "$SIM/image" | sha256sum)" "$bottom"
# unlocked, then the supply drops during the second page of the write
echo unlock > $P/protect
head -c 65536 /dev/zero | tr '\0' '\377' > /tmp/ff64
# which page program the driver sends here (12h, or 02h in B7h mode):
# one page written and counted, then erased again in the image
sim_reset_stats
head -c 256 /tmp/bp > /tmp/bp1
mtd_debug write $M 0 256 /tmp/bp1 > /dev/null
pp=0x12
[ "$(sim_stat op_02)" != 0 ] && pp=0x02
dd if=/tmp/ff64 of="$SIM/image" conv=notrunc 2>/dev/null
echo $pp > "$SIM/fault_power_cycle_op"
echo 2 > "$SIM/fault_power_cycle_nth"
sim_reset_stats
klog_mark
t_errno "board_bp_cut_during_write_fails" EIO mtd_debug write $M 0 65536 /tmp/bp
t_eq "board_bp_cut_during_write_one_line" \
	"$(klog | grep -c 'biosflash.*became write-protected during it')" 1
t_eq "board_bp_cut_during_write_nothing_elsewhere" \
	"$(sim_stat power_cycles) $(tail -c +65537 "$SIM/image" | sha256sum)" \
	"1 $rest"
echo 0 > "$SIM/board_bp"
rm -f /tmp/bp /tmp/bp1 /tmp/ff64

sim_unload
t_done
