#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# biosflash's protect/protect_mode against flashrom's --wp-status, an
# independent decoder of the same registers, for the same simulator state.
# Debian 12's flashrom 1.3.0 implements write-protect operations for three
# of the simulated profiles: W25Q128JV (its "W25Q128.V" entry), W25Q256JV
# ("W25Q256JV_Q"; "W25Q256FV" shares the ID) and GD25Q128C
# ("GD25Q127C/GD25Q128C"; the GD25Q127C profile shares the ID).  It answers
# "WP operations are not implemented for this chip" for MX25U25635F,
# W25Q256JW, MX25L25635F, IS25LP128, MT25QL256, S25FL256S, SST25VF032B and
# SST26VF064B, and does not know the GD25LB256E, W25R256JW or W25Q64FV
# (without SFDP) at all, so those have no such cross-check (their own
# tables are in biosflash_protect_layouts.sh and
# biosflash_protect_families.sh).
#
# For each state the driver is read first (biosflash bound), then the chip
# is handed to spidev and flashrom reads the same registers, set again
# through debugfs.  Ranges are compared as start/length; the modes through
# this table (flashrom's SRL/SRP "permanent" is what biosflash calls
# power-cycle: the one-time variant reads the same, W25Q128JV datasheet
# status register protection table, Documentation/chips.rst):
#
#   flashrom      biosflash
#   disabled      software
#   hardware      hardware
#   power_cycle   power-cycle
#   permanent     power-cycle
. /tests/lib.sh

# two results per check() below (three profiles), one per unsupported
# profile (eight), two for the real-time round trip (the last chip listed)
t_plan $((3 * 2 + 8 + 2))

P=/sys/class/mtd/mtd0

# spidev loaded before any driver_override names it: loaded afterwards (in
# bind_spidev) it can attach to the chip on its own, and bind_spidev's own
# bind then fails with EBUSY (seen on the debug kernel)
modprobe spidev

fr_mode() {
	case $1 in
	disabled) echo software ;;
	hardware) echo hardware ;;
	power_cycle) echo power-cycle ;;
	permanent) echo power-cycle ;;
	*) echo "unknown-mode:$1" ;;
	esac
}

# drv_range PROTECT SIZE: "START LENGTH" of what the protect file says
drv_range() {
	case $1 in
	none) echo "0x00000000 0x00000000" ;;
	all) printf '0x00000000 0x%08x\n' "$2" ;;
	0x*-0x*)
		s=${1%-*}
		e=${1#*-}
		printf '0x%08x 0x%08x\n' $((s)) $((e - s + 1))
		;;
	*) echo "unparsable:$1" ;;
	esac
}

# state SR1 SR2 SR3 WP: as if the board had left them so ("-": a register
# left alone).  On the Winbond profiles SR2 with QE=0 is the -IM ordering
# option (the simulator's qe_fixed=0), where WP# acts.
state() {
	case $prof in
	w25q*) echo $((($2 >> 1) & 1)) > "$SIM/qe_fixed" ;;
	esac
	echo "$1" > "$SIM/sr1"
	[ "$2" = - ] || echo "$2" > "$SIM/sr2"
	[ "$3" = - ] || echo "$3" > "$SIM/sr3"
	echo "$4" > "$SIM/wp"
}

# check PROFILE SIZE FLASHROM-CHIP < STATES ("NAME SR1 SR2 SR3 WP" lines)
check() {
	prof=$1 size=$2 chip=$3
	cat > /tmp/wp.states
	sim_unload
	if ! sim_load chips="$prof" || ! modprobe biosflash io_mv=3300; then
		t_fail "${prof}_loads"
		t_fail "${prof}_loads (second result)"
		return
	fi
	while read -r name r1 r2 r3 wp; do
		state "$r1" "$r2" "$r3" "$wp"
		p=$(cat $P/protect | tr '\n' ' ' | sed 's/ $//')
		echo "$name $(drv_range "$p" "$size") $(cat $P/protect_mode)"
	done < /tmp/wp.states > /tmp/wp.drv
	if ! bind_spidev; then
		t_fail "${prof}_spidev_binds"
		return
	fi
	fr="flashrom -p linux_spi:dev=$SPIDEV,spispeed=16000 -c $chip"
	: > /tmp/wp.raw
	while read -r name r1 r2 r3 wp; do
		state "$r1" "$r2" "$r3" "$wp"
		$fr --wp-status > /tmp/wp.log 2>&1
		rng=$(sed -n 's/^Protection range: start=\(0x[0-9a-f]*\) length=\(0x[0-9a-f]*\).*/\1 \2/p' /tmp/wp.log)
		mode=$(sed -n 's/^Protection mode: \([a-z_]*\).*/\1/p' /tmp/wp.log)
		echo "$name ${rng:-no-range} $(fr_mode "$mode")"
		echo "$name ${rng:-no-range} $mode" >> /tmp/wp.raw
		[ -n "$rng" ] || sed 's/^/# flashrom: /' /tmp/wp.log | tail -n 3 >&2
	done < /tmp/wp.states > /tmp/wp.fr
	echo 1 > "$SIM/wp"
	bad=0
	while read -r d && read -r f <&3; do
		[ "$d" = "$f" ] && continue
		echo "# $prof ${d%% *}: biosflash '${d#* }', flashrom '${f#* }'"
		bad=$((bad + 1))
	done < /tmp/wp.drv 3< /tmp/wp.fr
	n=$(grep -c . /tmp/wp.states)
	t_eq "${prof}_flashrom_read_all_${n}_states" "$(grep -c . /tmp/wp.fr)" "$n"
	t_eq "${prof}_protect_and_mode_match_flashrom_wp_status" "$bad" 0
	sed 's/^/# flashrom: /' /tmp/wp.raw
}

# W25Q128JV: SR1 SRP7 SEC6 TB5 BP2..0[4:2]; SR2 CMP6 QE1 (fixed) SRL0
check w25q128jv 16777216 W25Q128.V <<'STATES'
none 0x00 0x02 - 1
top_bp001 0x04 0x02 - 1
top_bp110 0x18 0x02 - 1
bottom_bp011 0x2c 0x02 - 1
sec_top_bp010 0x48 0x02 - 1
sec_bottom_bp100 0x70 0x02 - 1
sec_top_bp110 0x58 0x02 - 1
all_bp111 0x1c 0x02 - 1
cmp_top_bp001 0x04 0x42 - 1
cmp_sec_bottom_bp001 0x64 0x42 - 1
cmp_bp000_all 0x00 0x42 - 1
cmp_bp111_none 0x1c 0x42 - 1
srp_wp_low 0x84 0x00 - 0
srl 0x04 0x03 - 1
srp_srl 0x84 0x03 - 1
STATES

# W25Q256JV: SR1 SRP7 TB6 BP3..0[5:2]; SR2 CMP6 QE1 (fixed) SRL0
check w25q256jv 33554432 W25Q256JV_Q <<'STATES'
none 0x00 0x02 - 1
top_bp0001 0x04 0x02 - 1
top_bp1001 0x24 0x02 - 1
bottom_bp0001 0x44 0x02 - 1
bottom_bp0101 0x54 0x02 - 1
all_bp1010 0x28 0x02 - 1
all_bp1111 0x3c 0x02 - 1
cmp_top_bp0001 0x04 0x42 - 1
cmp_bottom_bp0101 0x54 0x42 - 1
cmp_bp0000_all 0x00 0x42 - 1
cmp_bp1010_none 0x28 0x42 - 1
srp_wp_low 0xc4 0x00 - 0
srl 0x04 0x03 - 1
srp_srl 0x84 0x03 - 1
STATES

# GD25Q128C: the W25Q128JV bits in SR1/SR2 (bf_prot_gd25q)
check gd25q128c 16777216 GD25Q127C/GD25Q128C <<'STATES'
none 0x00 0x00 - 1
top_bp001 0x04 0x00 - 1
bottom_bp011 0x2c 0x00 - 1
sec_top_bp010 0x48 0x00 - 1
all_bp111 0x1c 0x00 - 1
cmp_top_bp001 0x04 0x40 - 1
srp_wp_low 0x84 0x00 - 0
srl 0x04 0x01 - 1
STATES

# The profiles flashrom 1.3.0 cannot cross-check, so that a flashrom that
# learns them shows up here: its own words for each.
while read -r prof chip; do
	sim_unload
	if sim_load chips="$prof" modalias=flashsim-raw && bind_spidev; then
		flashrom -p "linux_spi:dev=$SPIDEV,spispeed=16000" -c "$chip" \
			--wp-status > /tmp/wp.log 2>&1
		t_run "${prof}_flashrom_1_3_0_has_no_wp_support" \
			grep -q "WP operations are not implemented for this chip" /tmp/wp.log
	else
		t_fail "${prof}_loads_and_spidev_binds"
	fi
done <<'CHIPS'
sst26vf064b SST26VF064B(A)
mx25l25635f MX25L25635F/MX25L25645G
is25lp128 IS25LP128
mt25ql256 MT25QL256
s25fl256s S25FL256S......0
sst25vf032b SST25VF032B
mx25u25635f MX25U25635F
w25q256jw W25Q256JW
CHIPS
# raw commands at the maximum busy times, on the W25Q256JW
sim_real_time_round_trip flashrom_wp_w25q256jw "$SPIDEV" 1048576

sim_unload
rm -f /tmp/wp.states /tmp/wp.drv /tmp/wp.fr /tmp/wp.raw /tmp/wp.log
t_done
