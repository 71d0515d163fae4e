#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The simulator enforces the protection tables, not only the driver decodes
# them.  For every row of every table in prot_tables.sh the status and
# configuration bits of the row are set through debugfs (as a board would
# leave them), the bytes under test are set to FFh through the debugfs
# image, and one 00h is programmed through spidev (selftests/bf_spi.c, no
# driver) at each of: the first and last byte of the protected range, the
# bytes just outside it, and 0, size/2 and size-1.  The bytes are then read
# back from the debugfs image: a protected byte must still be FFh, any
# other 00h.  A program that touches a protected area is ignored (W25Q257FV
# datasheet §7.1.16/17, note 2).
#
#   w25q256jw    TB x CMP x BP3..0, 64 rows: W25Q257FV datasheet §7.1.16
#                (CMP = 0) and §7.1.17 (CMP = 1)
#   w25q128jv    CMP x SEC x TB x BP2..0, 64 rows: W25Q128JV datasheet
#                Rev M §7.1.8 (CMP = 0) and §7.1.9 (CMP = 1)
#   mx25u25635f  TB (CR bit 3) x BP3..0, 32 rows  } no datasheet read: the
#   gd25lb256e   TB (SR1 bit 6) x BP3..0, 32 rows } §7.1.16 rows, as flashrom
#                                                   decodes both parts
#
# Also on the W25Q256JW: a refused program leaves the array at once and is
# not applied later, and the individual block/sector locks of WPS = 1
# (W25Q257FV datasheet §6.2, §7.1.18, §8.2.48-50; global unlock W25Q128JV
# datasheet §8.2.36) set through 36h/39h/98h and enforced at the bytes
# around each locked unit.
. /tests/lib.sh
. /tests/prot_tables.sh

SPI=/tests/bf_spi

# up PROFILE: a simulator with one PROFILE chip, handed to spidev
up() {
	sim_unload
	sim_load chips="$1" modalias=flashsim-raw && bind_spidev
}

# ff ADDR...: FFh at each ADDR of the array (debugfs, no protection)
ff() {
	for a; do
		printf '\377' | dd of="$SIM/image" bs=1 seek="$a" conv=notrunc 2> /dev/null
	done
}

# img ADDR...: the array bytes at each ADDR, as hex words
img() {
	for a; do
		dd if="$SIM/image" bs=1 skip="$a" count=1 2> /dev/null
	done | od -An -tx1 -v | tr -s ' \n' '  ' | sed 's/^ //; s/ $//'
}

# program AB ADDR...: one 00h at each ADDR through spidev (AB: -4 or
# empty), each with WREN, page program and the BUSY wait
program() {
	ab=$1
	shift
	steps=
	for a; do
		steps="$steps pp $a 00"
	done
	# shellcheck disable=SC2086 # words
	$SPI $ab "$SPIDEV" $steps
}

# expect_bytes LABEL START END ADDR...: each ADDR of the array reads FFh
# if START <= ADDR <= END, 00h otherwise; one "# " line per wrong byte,
# their count in WRONG; NPROT and NFREE count the bytes checked
expect_bytes() {
	eb_label=$1 eb_s=$2 eb_e=$3
	shift 3
	eb_addrs=$*
	eb_got=$(img "$@")
	WRONG=0
	# shellcheck disable=SC2086 # one word per byte
	set -- $eb_got
	for a in $eb_addrs; do
		g=${1:-missing}
		[ $# = 0 ] || shift
		if [ "$a" -ge "$eb_s" ] && [ "$a" -le "$eb_e" ]; then
			w=ff what=protected
			NPROT=$((NPROT + 1))
		else
			w=00 what=unprotected
			NFREE=$((NFREE + 1))
		fi
		if [ "$g" != "$w" ]; then
			printf '# %s: byte 0x%08x reads %s, expected %s (%s)\n' \
				"$eb_label" "$a" "$g" "$w" "$what"
			WRONG=$((WRONG + 1))
		fi
	done
}

# enforce_row LABEL SIZE EXP AB READ-STEPS REGS: one table row whose
# registers are already set.  EXP is the table's range (none, all,
# START-END); READ-STEPS are bf_spi steps reading the row's registers,
# which must print REGS (words), then the boundary bytes are programmed
# and checked, and the status read after the last program must show BUSY
# and WEL clear (the first register of REGS again).  Counts the row in
# ROWS, and in BAD if it fails.
enforce_row() {
	label=$1 size=$2 exp=$3 ab=$4 rd=$5 regs=$6
	case $exp in
	none) s=$size e=$((size - 1)) ;;
	all) s=0 e=$((size - 1)) ;;
	*) s=$((${exp%-*})) e=$((${exp#*-})) ;;
	esac
	addrs=
	for a in 0 $((size / 2)) $((s - 1)) $s $e $((e + 1)) $((size - 1)); do
		if [ "$a" -lt 0 ] || [ "$a" -ge "$size" ]; then
			continue
		fi
		case " $addrs " in *" $a "*) continue ;; esac
		addrs="$addrs $a"
	done
	# shellcheck disable=SC2086 # words
	ff $addrs
	steps=
	for a in $addrs; do
		steps="$steps pp $a 00"
	done
	# shellcheck disable=SC2086 # words
	got=$($SPI $ab "$SPIDEV" $rd $steps sr 0x05 2>&1 | tr '\n' ' ')
	rb=0
	if [ "$got" != "$regs ${regs%% *} " ]; then
		echo "# $label: spidev read '$got', expected '$regs ${regs%% *}'"
		rb=1
	fi
	# shellcheck disable=SC2086 # words
	expect_bytes "$label ($exp)" "$s" "$e" $addrs
	[ "$WRONG" = 0 ] && [ "$rb" = 0 ] || BAD=$((BAD + 1))
	ROWS=$((ROWS + 1))
}

# table_start / table_result NAME ROWS: one result for a table, which
# must have had ROWS rows and no failing one
table_start() {
	sim_reset_stats
	BAD=0 ROWS=0 NPROT=0 NFREE=0
}

table_result() {
	echo "# $1: $ROWS rows, $NPROT bytes checked inside the protected range, $NFREE outside"
	t_eq "$1" "$BAD failing of $ROWS rows" "0 failing of $2 rows"
}

# up 1, table 1, bus discipline 1, refused program 4, after it 2; locks 9;
# W25Q128JV, MX25U25635F, GD25LB256E 3 each
t_plan $((1 + 1 + 1 + 4 + 2 + 9 + 3 * 3 + 2))

# ============================================================================
# W25Q256JW: SR1 TB6 BP3..0[5:2], SR2 CMP6 (QE1 fixed 1); 12h/13h
# ============================================================================
SIZE=33554432
if up w25q256jw; then
	t_ok "w25q256jw_loads_spidev_binds"
else
	t_fail "w25q256jw_loads_spidev_binds"
	t_done
fi

table_start
while read -r tb cmp bp exp; do
	r1=$(( (tb << 6) | (bp << 2) )) r2=$(( (cmp << 6) | 2 ))
	echo $r1 > "$SIM/sr1"
	echo $r2 > "$SIM/sr2"
	enforce_row "TB=$tb CMP=$cmp BP=$bp" $SIZE "$exp" -4 "sr 0x05 sr 0x35" \
		"$(printf '0x%02x 0x%02x' $r1 $r2)"
done <<TABLE
$PROT_W25Q256
TABLE
table_result "w25q256jw_all_64_tb_cmp_bp_rows_enforced" 64
sim_assert_bus_discipline "w25q256jw_table_bus_discipline"

# --- a refused program: SR1 = 0x44 (TB = 1, BP0 = 1, the bottom 64 KiB).
# DS-257FV §7.1.16/17 note 2: the program is ignored, so nothing starts
# (BUSY 0) and nothing reaches the array, now or later.  Whether WEL stays
# set is not in the datasheet; the simulator clears it
# (Documentation/flashsim.rst, "Choices").
echo 0x44 > "$SIM/sr1"
echo 0x02 > "$SIM/sr2"
ff 256 65536
sr=$($SPI -4 "$SPIDEV" pp-nowait 256 00 sr 0x05 2>&1)
case $sr in 0x??) ;; *) echo "# bf_spi: $sr"; sr=0xff ;; esac
t_eq "protected_program_leaves_array_at_once" "$(img 256)" ff
t_eq "protected_program_starts_nothing_busy_0" "$((sr & 1))" 0
t_eq "protected_program_clears_wel_simulator_choice" "$(((sr >> 1) & 1))" 0
echo 0x00 > "$SIM/sr1"
$SPI -4 "$SPIDEV" wait cmd 0x06 cmd 0x04 read 0 16 > /dev/null 2>&1
t_eq "protected_program_not_applied_after_unprotect" "$(img 256)" ff
# ... and the same program now lands; WEL clears at its end (DS-257FV, the
# WEL bit), and a 13h read through spidev agrees with the image
sr=$($SPI -4 "$SPIDEV" pp 256 00 sr 0x05 2>&1)
t_eq "unprotected_program_lands_wel_cleared" "$(img 256) $sr" "00 0x00"
t_eq "spidev_read_agrees_with_image" \
	"$($SPI -4 "$SPIDEV" read 254 4 2>&1)" "$(img 254 255 256 257)"

# --- individual locks (WPS = SR3 bit 2): all locked at power-up (DS-257FV
# §6.2, §7.1.18), BP/TB/CMP ignored while WPS = 1 (§7.1.18); units are 4
# KiB sectors in blocks 0 and 511, 64 KiB blocks elsewhere ---
if up w25q256jw; then
	t_ok "wps_w25q256jw_loads_spidev_binds"
else
	t_fail "wps_w25q256jw_loads_spidev_binds"
fi
echo 0x64 > "$SIM/sr3"
echo 1 > "$SIM/power_cycle"
t_eq "wps_power_up_all_units_locked" "$(cat "$SIM/locks")" "0x00000000-0x01ffffff"
ff 0 16777216 33554431
program -4 0 16777216 33554431
expect_bytes "wps power-up" 0 33554431 0 16777216 33554431
t_eq "wps_power_up_every_byte_protected" "$WRONG" 0
# 98h global unlock, WREN first (DS-128JV §8.2.36)
$SPI "$SPIDEV" cmd 0x06 cmd 0x98
t_eq "wps_98h_global_unlock" "$(cat "$SIM/locks")" ""
# 36h in 4-byte mode (B7h): a sector of block 0, a block, a sector of
# block 511; 3Dh reads each unit and its neighbours
got=$($SPI -4 "$SPIDEV" cmd 0xb7 lock 0x3000 lock 0x20000 lock 0x1ffe000 \
	rdlock 0x2000 rdlock 0x3000 rdlock 0x4000 rdlock 0x10000 \
	rdlock 0x20000 rdlock 0x30000 rdlock 0x1ffd000 rdlock 0x1ffe000 \
	rdlock 0x1fff000 2>&1 | tr '\n' ' ')
t_eq "wps_36h_locks_read_back_by_3dh" "$got" "0 1 0 0 1 0 0 1 0 "
t_eq "wps_36h_locks_in_simulator" "$(tr '\n' ' ' < "$SIM/locks")" \
	"0x00003000-0x00003fff 0x00020000-0x0002ffff 0x01ffe000-0x01ffefff "
WRONG_ALL=0
# locked unit: START END; the bytes around it
for u in "12288 16383" "131072 196607" "33546240 33550335"; do
	# shellcheck disable=SC2086 # two words
	set -- $u
	b="$(($1 - 1)) $1 $2 $(($2 + 1))"
	# shellcheck disable=SC2086 # words
	ff $b
	# shellcheck disable=SC2086 # words
	program -4 $b
	# shellcheck disable=SC2086 # words
	expect_bytes "wps unit $(printf 0x%x "$1")" "$1" "$2" $b
	WRONG_ALL=$((WRONG_ALL + WRONG))
done
t_eq "wps_locked_units_enforced_at_their_boundaries" "$WRONG_ALL" 0
echo 0x3c > "$SIM/sr1"
ff 1048576 33538048
program -4 1048576 33538048
expect_bytes "wps with BP=1111" 1 0 1048576 33538048
t_eq "wps_bp_bits_ignored" "$WRONG" 0
$SPI -4 "$SPIDEV" unlock 0x20000
ff 131072 196607
program -4 131072 196607
expect_bytes "wps after 39h" 1 0 131072 196607
t_eq "wps_39h_unlock_reopens_the_block" \
	"$WRONG $(tr '\n' ' ' < "$SIM/locks")" \
	"0 0x00003000-0x00003fff 0x01ffe000-0x01ffefff "

# ============================================================================
# W25Q128JV: SR1 SEC6 TB5 BP2..0[4:2], SR2 CMP6 (QE1 fixed 1); 3-byte only
# (02h/03h)
# ============================================================================
SIZE=16777216
if up w25q128jv; then
	t_ok "w25q128jv_loads_spidev_binds"
else
	t_fail "w25q128jv_loads_spidev_binds"
fi
table_start
while read -r cmp sec tb b2 b1 b0 exp _; do
	r1=$(( (sec << 6) | (tb << 5) | (b2 << 4) | (b1 << 3) | (b0 << 2) ))
	r2=$(( (cmp << 6) | 2 ))
	echo $r1 > "$SIM/sr1"
	echo $r2 > "$SIM/sr2"
	enforce_row "CMP=$cmp SEC=$sec TB=$tb BP=$b2$b1$b0" $SIZE "$exp" "" \
		"sr 0x05 sr 0x35" "$(printf '0x%02x 0x%02x' $r1 $r2)"
done <<TABLE
$PROT_W25Q128JV
TABLE
table_result "w25q128jv_all_64_cmp_sec_tb_bp_rows_enforced" 64
sim_assert_bus_discipline "w25q128jv_table_bus_discipline"

# ============================================================================
# MX25U25635F: SR BP3..0[5:2] (05h), CR TB3 (15h RDCR; OTP, preset through
# debugfs as at the factory); 12h/13h
# ============================================================================
SIZE=33554432
if up mx25u25635f; then
	t_ok "mx25u25635f_loads_spidev_binds"
else
	t_fail "mx25u25635f_loads_spidev_binds"
fi
table_start
while read -r tb b3 b2 b1 b0 exp; do
	r1=$(( (b3 << 5) | (b2 << 4) | (b1 << 3) | (b0 << 2) )) r2=$((tb << 3))
	echo $r1 > "$SIM/sr1"
	echo $r2 > "$SIM/sr2"
	enforce_row "TB=$tb BP=$b3$b2$b1$b0" $SIZE "$exp" -4 "sr 0x05 sr 0x15" \
		"$(printf '0x%02x 0x%02x' $r1 $r2)"
done <<TABLE
$PROT_TB_BP4_256M
TABLE
table_result "mx25u25635f_all_32_tb_bp_rows_enforced" 32
sim_assert_bus_discipline "mx25u25635f_table_bus_discipline"

# ============================================================================
# GD25LB256E: SR1 TB6 BP3..0[5:2] (05h only); 12h/13h
# ============================================================================
if up gd25lb256e; then
	t_ok "gd25lb256e_loads_spidev_binds"
else
	t_fail "gd25lb256e_loads_spidev_binds"
fi
table_start
while read -r tb b3 b2 b1 b0 exp; do
	r1=$(( (tb << 6) | (b3 << 5) | (b2 << 4) | (b1 << 3) | (b0 << 2) ))
	echo $r1 > "$SIM/sr1"
	enforce_row "TB=$tb BP=$b3$b2$b1$b0" $SIZE "$exp" -4 "sr 0x05" \
		"$(printf '0x%02x' $r1)"
done <<TABLE
$PROT_TB_BP4_256M
TABLE
table_result "gd25lb256e_all_32_tb_bp_rows_enforced" 32
sim_assert_bus_discipline "gd25lb256e_table_bus_discipline"
echo 0 > "$SIM/sr1"
sim_real_time_round_trip enforce_gd25lb256e "$SPIDEV" 1048576

sim_unload
t_done
