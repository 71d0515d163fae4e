#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The driver on every flashsim profile: the core rows of the MTD,
# protection and fault suites, run the same way on each chip model, each
# checked against the simulator's own array, registers and counters, never
# against what the driver reports of itself.  Per profile:
#
#   bind          probe, /dev/mtd0, the JEDEC ID and size the profile has
#   read          the whole chip through /dev/mtd0 equals the array
#   write         erase + write 64 KiB at the start, the middle and the end
#                 (above 16 MiB on the 32 MiB parts: 4-byte addressing)
#   protect       unlock, then "none" (or "unknown" where the driver has no
#                 layout: the request refused, nothing written); lock, a
#                 write refused with the array unchanged, unlock again
#   power cut     the supply drops during the second page program of a
#                 64 KiB write: the write fails, or the array holds the
#                 data; never a success over a wrong chip; a rewrite lands
#   MISO lost     the data line goes after 1000 bytes of a 1 MiB read: the
#                 read fails, or returns the array; never wrong data
#   bus           no command while busy, no unobserved end, no 03h/13h read
#                 above the chip's fR, over all of the above
. /tests/lib.sh

P=/sys/class/mtd/mtd0
M=/dev/mtd0
ROWS=13

# The profiles with their JEDEC ID and the signal level their supply range
# asks for (flashsim-profiles.c names; IDs and ranges from the datasheets
# the profiles cite) and whether the driver knows their protection layout
# (known / unknown: the table entry has none, Documentation/chips.rst).
PROFILES='w25q256jw ef6019 1800 known
w25q256jv ef4019 3300 known
w25q128jv ef4018 3300 known
mx25u25635f c22539 1800 known
gd25lb256e c86719 1800 known
w25q256fv ef4019 3300 known
w25r256jw ef6019 1800 known
w25q64fv ef4017 3300 unknown
mx25l25635f c22019 3300 known
mx25l25645g c22019 3300 known
gd25q127c c84018 3300 known
gd25q128c c84018 3300 known
is25lp128 9d6018 3300 known
mt25ql256 20ba19 3300 known
s25fl256s 010219 3300 known
sst26vf064b bf2643 3300 known
sst25vf032b bf254a 3300 known'

t_plan $(($(echo "$PROFILES" | wc -l) * ROWS))

# region_is NAME OFF FILE: the array at OFF holds FILE (one result)
region_is() {
	n=$(stat -c %s "$3")
	t_eq "$1" "$(tail -c +$(($2 + 1)) "$SIM/image" | head -c "$n" | sha256sum)" \
		"$(sha256sum < "$3")"
}

# erase_write OFF FILE: erase the erase blocks under FILE at OFF, write it
erase_write() {
	es=$(cat $P/erasesize)
	n=$(stat -c %s "$2")
	first=$(($1 / es * es))
	last=$((($1 + n + es - 1) / es * es))
	mtd_debug erase $M $first $((last - first)) > /dev/null 2>&1 &&
		mtd_debug write $M "$1" "$n" "$2" > /dev/null 2>&1
}

# unlock_if_known: the protection cleared where the driver knows it
unlock_if_known() {
	[ "$known" = known ] && echo unlock > $P/protect 2>/dev/null
	return 0
}

# one PROFILE ID MV KNOWN: the ROWS results for one profile
one() {
	p=$1 id=$2 mv=$3 known=$4
	sim_unload
	if ! sim_load chips="$p" || ! modprobe biosflash io_mv="$mv" ||
	   [ ! -c $M ]; then
		t_fail "${p}_binds" "no /dev/mtd0"
		i=1
		while [ $i -lt $ROWS ]; do
			t_fail "${p}_row_$i" "not bound"
			i=$((i + 1))
		done
		return
	fi
	t_ok "${p}_binds"
	size=$(stat -c %s "$SIM/image")
	t_eq "${p}_id_and_size_are_the_profiles" \
		"$(cat $P/jedec_id) $(cat $P/size)" \
		"$id $size"
	sim_reset_stats
	t_eq "${p}_read_whole_chip_equals_array" "$(sha256sum < $M | cut -d' ' -f1)" \
		"$(sim_hash)"

	# protection: the states the driver reports, checked in the array
	if [ "$known" = known ]; then
		t_run "${p}_unlock" sh -c "echo unlock > $P/protect"
		t_eq "${p}_protect_none_after_unlock" "$(cat $P/protect)" none
	else
		h=$(cat "$SIM/sr1")
		if sh -c "echo unlock > $P/protect" 2>/dev/null; then
			t_fail "${p}_unknown_layout_unlock_refused" "it succeeded"
		else
			t_ok "${p}_unknown_layout_unlock_refused"
		fi
		t_eq "${p}_protect_unknown_nothing_written" \
			"$(cat $P/protect) $(cat "$SIM/sr1")" "unknown $h"
	fi

	# write at the start, the middle and the end
	for w in start:0 middle:$((size / 2 - 32768)) end:$((size - 65536)); do
		head -c 65536 /dev/urandom > /tmp/pw
		if erase_write "${w#*:}" /tmp/pw; then
			region_is "${p}_write_64KiB_at_${w%%:*}_lands" "${w#*:}" /tmp/pw
		else
			t_fail "${p}_write_64KiB_at_${w%%:*}_lands" "erase or write failed"
		fi
	done

	# locked: a write refused, the array unchanged
	if [ "$known" = known ] && sh -c "echo lock > $P/protect" 2>/dev/null; then
		h=$(sim_hash)
		head -c 4096 /dev/urandom > /tmp/pw
		if mtd_debug write $M 0 4096 /tmp/pw > /dev/null 2>&1; then
			t_fail "${p}_locked_write_refused_array_unchanged" "it succeeded"
		else
			t_eq "${p}_locked_write_refused_array_unchanged" "$(sim_hash)" "$h"
		fi
		echo unlock > $P/protect
	elif [ "$known" = known ]; then
		t_fail "${p}_locked_write_refused_array_unchanged" "lock failed"
	else
		t_ok "${p}_locked_write_refused_array_unchanged (no layout: not locked)"
	fi

	# a power cut during the second page program of a 64 KiB write; which
	# page program the driver sends is counted on a first page
	sim_reset_stats
	head -c 256 /dev/urandom > /tmp/pw
	erase_write 0x20000 /tmp/pw
	pp=0x02
	for op in 12 32 34 38 3e; do
		[ "$(sim_stat op_$op)" != 0 ] && pp=0x$op
	done
	head -c 65536 /dev/urandom > /tmp/pw
	es=$(cat $P/erasesize)
	mtd_debug erase $M $((0x20000 / es * es)) $(((65536 + es - 1) / es * es)) \
		> /dev/null 2>&1
	echo $pp > "$SIM/fault_power_cycle_op"
	echo 2 > "$SIM/fault_power_cycle_nth"
	if mtd_debug write $M 0x20000 65536 /tmp/pw > /dev/null 2>&1; then
		region_is "${p}_power_cut_write_fails_or_lands" 0x20000 /tmp/pw
	else
		t_ok "${p}_power_cut_write_fails_or_lands (failed)"
	fi
	echo 0 > "$SIM/fault_power_cycle_nth"
	unlock_if_known
	if erase_write 0x20000 /tmp/pw; then
		region_is "${p}_power_cut_then_rewrite_lands" 0x20000 /tmp/pw
	else
		t_fail "${p}_power_cut_then_rewrite_lands" "erase or write failed"
	fi

	# MISO lost 1000 bytes into a 1 MiB read
	echo 1000 > "$SIM/fault_miso_after"
	if dd if=$M of=/tmp/pr bs=65536 count=16 2>/dev/null; then
		t_eq "${p}_miso_lost_read_fails_or_equals_array" \
			"$(sha256sum < /tmp/pr)" "$(head -c 1048576 "$SIM/image" | sha256sum)"
	else
		t_ok "${p}_miso_lost_read_fails_or_equals_array (failed)"
	fi
	echo 0 > "$SIM/fault_miso_after"
	echo none > "$SIM/fault_miso"
	sim_assert_bus_discipline "${p}_bus_discipline"
	rm -f /tmp/pw /tmp/pr
}

while read -r p id mv known; do
	one "$p" "$id" "$mv" "$known"
done <<EOF
$PROFILES
EOF

sim_unload
t_done
