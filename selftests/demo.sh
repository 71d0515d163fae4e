#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# make demo: the main job on a simulated W25Q256JW.  The chip appears as
# /dev/mtd0, a 32 MiB BIOS-like image is written with flashcp -v and read back
# with dd, and the hashes of the file, of the dd read and of the simulator's
# own dump of its array are printed: they must be equal.
. /tests/lib.sh

now() { cut -d' ' -f1 /proc/uptime; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

echo "== A simulated W25Q256JW (JEDEC ef6019, 32 MiB, 1.7-1.95 V) on SPI CS0"
sim_unload
sim_load chips=w25q256jw || { t_fail "simulator_loads"; t_done; }
modprobe biosflash io_mv=1800	# the 1.8 V chip sits behind a 1.8 V level shifter
dmesg | grep -i biosflash | sed 's/^/   /'
if [ ! -c /dev/mtd0 ]; then
	t_fail "biosflash_creates_dev_mtd0"
	t_done
fi
t_ok "biosflash_creates_dev_mtd0"
echo "== mtdinfo /dev/mtd0"
mtdinfo /dev/mtd0 | sed 's/^/   /'

echo "== A BIOS-like image: flash descriptor, code regions, large 0xFF runs"
bf_mkimage /tmp/A62MPRS3.20.ROM 33554432 2025
ls -l /tmp/A62MPRS3.20.ROM | sed 's/^/   /'

echo "== flashcp -v A62MPRS3.20.ROM /dev/mtd0"
sim_reset_stats
t0=$(now)
flashcp -v /tmp/A62MPRS3.20.ROM /dev/mtd0
rc=$?
t1=$(now)
echo "   flashcp exit $rc in $(elapsed "$t0" "$t1") s (wall time in the VM)"
t_eq "flashcp_succeeds" "$rc" 0
echo "== simulator counters for that flashcp (what the driver did on the bus)"
sed 's/^/   /' "$SIM/stats"
awk '$1 == "bus_ns" { b = $2 } $1 == "busy_ns" { y = $2 }
	END { printf "   modelled chip time: bus %.1f s + busy %.1f s = %.1f s at the device clock\n",
		b / 1e9, y / 1e9, (b + y) / 1e9 }' "$SIM/stats"

echo "== dd if=/dev/mtd0 of=readback.bin bs=1M"
t0=$(now)
dd if=/dev/mtd0 of=/tmp/readback.bin bs=1M 2>&1 | sed 's/^/   /'
t1=$(now)
echo "   read back in $(elapsed "$t0" "$t1") s"

echo "== sha256"
f=$(file_hash /tmp/A62MPRS3.20.ROM)
r=$(file_hash /tmp/readback.bin)
s=$(sim_hash)
echo "   $f  image file"
echo "   $r  dd read of /dev/mtd0"
echo "   $s  simulator's own dump of its array"
t_eq "dd_read_equals_image" "$r" "$f"
t_eq "simulator_array_equals_image" "$s" "$f"
rm -f /tmp/readback.bin /tmp/A62MPRS3.20.ROM
sim_unload
t_done
