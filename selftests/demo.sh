#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# make demo: the recovery guide (Documentation/recovery.rst, "Step by step on
# the Pi") step by step on a simulated W25Q256JW that stands for a bricked
# board's chip: a half-written BIOS and the lowest 64 KiB write-protected
# (SR1 = 0x44, as reported for an ASRock B650M Pro RS).  Each "Step N" is the
# guide's step N; "$ CMD" lines are what the reader types (on the Pi with
# sudo) and the indented lines what comes back.  The simulator's debugfs
# (its own array dump and registers) is the independent truth every step is
# checked against.
. /tests/lib.sh

IMG=/tmp/A62MPRS3.20.ROM
P=/sys/class/mtd/mtd0
SZ=33554432
MB=1048576

now() { cut -d' ' -f1 /proc/uptime; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

# show 'CMD': print CMD as typed, run it through the shell, indent what it
# prints (without biosflash's 10%...90% progress lines); $RC is its exit status
show() {
	echo "   \$ $1"
	eval "$1" > /tmp/demo.out 2>&1
	RC=$?
	grep -vE '^(read|write)[ 0-9]*: +[1-9]0% ' /tmp/demo.out | sed 's/^/     /'
	[ "$RC" = 0 ] || echo "     (exit status $RC)"
}

# the block protection bits of the simulated SR1 (TB, BP3..0), in hex
bp_bits() {
	printf '0x%02x' $(( $(cat "$SIM/sr1") & 0x7c ))
}

# one check per step result below
t_plan 24
echo "== Step 0 (simulator only): the bricked board's chip"
echo "   A simulated W25Q256JW (JEDEC ef6019, 32 MiB, 1.7-1.95 V) on SPI CS0 holds"
echo "   a BIOS whose update stopped half way (1 MiB at 0x00400000 left erased),"
echo "   and the board left its lowest 64 KiB write-protected (SR1 = 0x44)."
sim_unload
sim_load chips=w25q256jw || { t_fail "simulator_loads"; t_done; }
bf_mkimage /tmp/old.rom $SZ 2024
head -c $MB /dev/zero | tr '\0' '\377' |
	dd of=/tmp/old.rom bs=$MB seek=4 conv=notrunc 2>/dev/null
dd if=/tmp/old.rom of="$SIM/image" bs=$MB 2>/dev/null
echo 0x44 > "$SIM/sr1"
t_eq "bricked_chip_holds_the_broken_image" "$(sim_hash)" "$(file_hash /tmp/old.rom)"

echo "== Step 1: install"
echo "   In this VM biosflash.ko, flashcp and biosflash(8) are already installed"
echo "   (on the Pi: make && sudo make install, or DKMS)."
show 'modinfo -p biosflash'

echo "== Step 2, done wrong: the driver loaded without declaring the level shifter"
echo "   (on the Pi: dtoverlay=biosflash without shifter_1v8)"
klog_mark
show 'modprobe biosflash'
show 'dmesg | grep biosflash'
show 'cat /sys/class/mtd/mtd0/voltage_ok'
t_eq "undeclared_level_shifter_flags_voltage" "$(cat $P/voltage_ok)" 0
klog_mark
show 'echo unlock > /sys/class/mtd/mtd0/protect'
t_eq "undeclared_level_shifter_refuses_unlock" "$(bp_bits)" 0x44
if klog | grep -q 'unlock refused: the SPI lines are declared at 3300 mV'; then
	t_ok "undeclared_level_shifter_refusal_is_explained"
else
	t_fail "undeclared_level_shifter_refusal_is_explained" "$(klog)"
fi
show 'dmesg | tail -n 1'
show 'rmmod biosflash'

echo "== Step 2: load the driver for a 1.8 V chip behind a 1.8 V level shifter"
echo "   (on the Pi: dtoverlay=biosflash,shifter_1v8 in config.txt, or at run time"
echo "   sudo dtoverlay biosflash shifter_1v8)"
klog_mark
show 'modprobe biosflash io_mv=1800'
if [ ! -c /dev/mtd0 ]; then
	t_fail "biosflash_creates_dev_mtd0"
	t_done
fi
t_ok "biosflash_creates_dev_mtd0"

echo "== Step 3: look at the chip"
show 'dmesg | grep biosflash | tail -n 1'
show 'cat /proc/mtd'
show 'biosflash status'
t_eq "status_shows_the_protected_range" "$(cat $P/protect)" 0x00000000-0x0000ffff

echo "== Step 4: back up what is on the chip, twice, and compare"
cd /tmp || exit 1
show 'dd if=/dev/mtd0 of=backup1.bin bs=1M'
show 'dd if=/dev/mtd0 of=backup2.bin bs=1M'
show 'cmp backup1.bin backup2.bin && sha256sum backup1.bin'
t_eq "backup_equals_the_chip" "$(file_hash backup1.bin)" "$(file_hash /tmp/old.rom)"
echo "   or in one command (reads N times, compares, writes FILE and FILE.sha256):"
show 'biosflash backup -n 2 backup.bin'
t_eq "biosflash_backup_succeeds" "$RC" 0
show 'sha256sum -c backup.bin.sha256'
t_eq "biosflash_backup_equals_the_chip" "$(file_hash backup.bin)" "$(file_hash /tmp/old.rom)"
rm -f backup2.bin backup.bin backup.bin.sha256

echo "== Step 5: clear the protection"
show 'cat /sys/class/mtd/mtd0/protect /sys/class/mtd/mtd0/protect_mode'
show 'echo unlock > /sys/class/mtd/mtd0/protect'
t_eq "unlock_succeeds" "$RC" 0
show 'cat /sys/class/mtd/mtd0/protect'
t_eq "unlock_clears_tb_and_bp_in_the_chip" "$(bp_bits)" 0x00

echo "== Step 6: check the image"
bf_mkimage $IMG $SZ 2025
bf_mkimage /tmp/A62MPRS3.10.ROM $((16 * MB)) 2025
show 'ls -l A62MPRS3.20.ROM; cat /sys/class/mtd/mtd0/size'
show 'biosflash check A62MPRS3.20.ROM'
t_eq "check_accepts_the_right_image" "$RC" 0
echo "   and what a file that is not a full image for this chip looks like:"
show 'biosflash check A62MPRS3.10.ROM'
t_eq "check_refuses_a_file_of_the_wrong_size" "$RC" 3
rm -f /tmp/A62MPRS3.10.ROM

echo "== Step 7: write and verify"
sim_reset_stats
echo "   \$ flashcp -v A62MPRS3.20.ROM /dev/mtd0"
t0=$(now)
flashcp -v A62MPRS3.20.ROM /dev/mtd0 > /tmp/flashcp.out 2>&1
rc=$?
t1=$(now)
# flashcp redraws its progress line with \r: keep the last state of each phase
tr '\r' '\n' < /tmp/flashcp.out | awk -F: 'NF && $1 != last { if (line != "") print line; last = $1 }
	NF { line = $0 } END { if (line != "") print line }' | sed 's/^/     /'
echo "     (exit status $rc, $(elapsed "$t0" "$t1") s in the VM)"
t_eq "flashcp_succeeds" "$rc" 0
echo "   What the driver did on the bus (simulator counters; op_XX = commands):"
grep -E '^(op_|polls|ignored)' "$SIM/stats" | tr '\n' ' ' | fold -s -w 70 | sed 's/^/     /'
echo
awk '$1 == "bus_ns" { b = $2 } $1 == "busy_ns" { y = $2 }
	END { printf "     modelled chip time: bus %.1f s + busy %.1f s = %.1f s at the device clock\n",
		b / 1e9, y / 1e9, (b + y) / 1e9 }' "$SIM/stats"
show 'dd if=/dev/mtd0 of=readback.bin bs=1M && sha256sum A62MPRS3.20.ROM readback.bin'
echo "     $(sim_hash)  (the simulator's own dump of its array)"
t_eq "dd_read_equals_image" "$(file_hash readback.bin)" "$(file_hash $IMG)"
t_eq "simulator_array_equals_image" "$(sim_hash)" "$(file_hash $IMG)"
echo "   or with biosflash(8), which writes only what differs (here: nothing):"
show 'biosflash write A62MPRS3.20.ROM'
t_eq "biosflash_write_finds_nothing_to_do" "$RC" 0
rm -f readback.bin

echo "== Step 8: restore the protection the board had (the lowest 64 KiB)"
show 'flash_lock /dev/mtd0 0 1'
show 'cat /sys/class/mtd/mtd0/protect'
t_eq "flash_lock_restores_tb_bp0" "$(bp_bits)" 0x44

echo "== Step 9: release the chip"
show "biosflash unbind $SIMDEV"
show 'rmmod biosflash'
printf '   the chip as at power-on: SR3 = 0x%02x (ADS, bit 0: 0 = 3-byte addresses), EAR = 0x%02x\n' \
	"$(cat "$SIM/sr3")" "$(cat "$SIM/ear")"
t_eq "release_leaves_3_byte_mode" $(( $(cat "$SIM/sr3") & 1 )) 0
t_eq "release_leaves_ear_0" $(( $(cat "$SIM/ear") )) 0

echo "== Step 10: power the board (here: the simulated chip is power-cycled)"
echo 1 > "$SIM/power_cycle"
echo "   after the power cycle the chip holds:"
echo "     $(sim_hash)  simulator's array"
echo "     $(file_hash $IMG)  A62MPRS3.20.ROM"
echo "     SR1 protection bits $(bp_bits) (the lowest 64 KiB, as before)"
t_eq "new_image_survives_power_cycle" "$(sim_hash)" "$(file_hash $IMG)"
t_eq "protection_survives_power_cycle" "$(bp_bits)" 0x44
rm -f $IMG /tmp/old.rom /tmp/backup1.bin /tmp/demo.out /tmp/flashcp.out
echo "== Check: erase, write and two status writes at the datasheet's busy times, in real time"
bf_real_time_fresh demo
t_done
