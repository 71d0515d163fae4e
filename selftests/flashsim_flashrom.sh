#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Cross-check the simulator against flashrom (Debian's 1.3.0, linux_spi over
# spidev): an independent implementation of the same datasheet must identify
# the simulated W25Q256JW, read exactly what debugfs loaded, write an image
# that debugfs then dumps identically, and fail to change a range that the
# status register protects, the way it fails on a real chip.
. /tests/lib.sh

SIZE=33554432
FR="flashrom -p linux_spi:dev=/dev/spidev0.0,spispeed=16000 -c W25Q256JW"

# set-up, then steps 1-5: 1 + 1 + 1 + 1 + 4 + 2
t_plan 10
sim_unload
if ! sim_load chips=w25q256jw modalias=flashsim-raw || ! bind_spidev; then
	t_fail "flashsim_loads_and_spidev_binds"
	t_done
fi
t_ok "flashsim_loads_and_spidev_binds"
FR="flashrom -p linux_spi:dev=$SPIDEV,spispeed=16000"

# 1. Identification (flashrom's own chip database decides)
flashrom -p "linux_spi:dev=$SPIDEV,spispeed=16000" > /tmp/probe.log 2>&1
if grep -q 'Found Winbond flash chip "W25Q256JW" (32768 kB, SPI)' /tmp/probe.log; then
	t_ok "flashrom_identifies_w25q256jw"
else
	t_fail "flashrom_identifies_w25q256jw" "$(grep -i -E 'found|no eeprom|unknown' /tmp/probe.log | head -n 3)"
fi
FR="$FR -c W25Q256JW"

# 2. Read: what debugfs loaded is what flashrom reads
head -c $SIZE /dev/urandom > /tmp/a.bin
cat /tmp/a.bin > "$SIM/image"
if $FR -r /tmp/r.bin > /tmp/read.log 2>&1; then
	t_eq "flashrom_read_matches_debugfs_image" "$(file_hash /tmp/r.bin)" "$(file_hash /tmp/a.bin)"
else
	t_fail "flashrom_read_matches_debugfs_image" "flashrom -r failed: $(tail -n 2 /tmp/read.log)"
fi
rm -f /tmp/r.bin

# 3. Write: flashrom erases and programs a new image; debugfs dumps it back.
# A BIOS-like image: random code regions with long 0xFF runs between them.
head -c 4194304 /dev/urandom > /tmp/b.bin
head -c 8388608 /dev/zero | tr '\000' '\377' >> /tmp/b.bin
head -c 4194304 /dev/urandom >> /tmp/b.bin
head -c 16777216 /dev/zero | tr '\000' '\377' >> /tmp/b.bin
sim_reset_stats
if $FR -w /tmp/b.bin > /tmp/write.log 2>&1 && grep -q VERIFIED /tmp/write.log; then
	t_eq "flashrom_write_then_debugfs_dump_identical" "$(sim_hash)" "$(file_hash /tmp/b.bin)"
else
	t_fail "flashrom_write_then_debugfs_dump_identical" "$(tail -n 3 /tmp/write.log)"
fi
echo "# flashrom write: $(sim_stat messages) messages, $(sim_stat op_02) page programs (3-byte), $(sim_stat op_12) (4-byte), busy $(sim_stat busy_ns) ns modelled"

# 4. Protection: the field report's SR1=0x44 (TB=1 BP0=1, bottom 64 KiB) on
# a chip whose status writes do not take, as on a mis-powered chip (the
# -IQ part has QE=1, so its /WP pin cannot be the cause: DS-257FV §4.3).
# flashrom cannot clear it; the protected block must stay as it was while
# flashrom reports the failure.
echo 0x44 > "$SIM/sr1"
echo 1 > "$SIM/fault_ignore_sr_write"
cp /tmp/b.bin /tmp/c.bin
head -c 65536 /dev/zero | dd of=/tmp/c.bin conv=notrunc 2>/dev/null
before=$(sim_hash 65536)
if $FR -w /tmp/c.bin > /tmp/prot.log 2>&1; then
	t_fail "flashrom_write_to_protected_block_fails" "flashrom reported success"
else
	t_ok "flashrom_write_to_protected_block_fails"
fi
if grep -q "Block protection could not be disabled" /tmp/prot.log; then
	t_ok "flashrom_reports_block_protection_could_not_be_disabled"
else
	t_fail "flashrom_reports_block_protection_could_not_be_disabled" "$(grep -i protect /tmp/prot.log | head -n 3)"
fi
t_eq "protected_block_unchanged_by_flashrom" "$(sim_hash 65536)" "$before"
t_eq "status_register_unchanged_by_flashrom" "$(cat "$SIM/sr1")" "0x44"

# 5. Same write once status writes take again: flashrom's unlock now works.
# In real time at the datasheet's maximum busy times (busy_div=1,
# busy_time=1): flashrom's own status write, erase and program, its own
# polling judged by the simulator's bus-discipline counters.
echo 0 > "$SIM/fault_ignore_sr_write"
echo 1 > "$SIM/busy_div"
echo 1 > "$SIM/busy_time"
sim_reset_stats
if $FR -w /tmp/c.bin > /tmp/unprot.log 2>&1; then
	t_eq "flashrom_write_succeeds_once_status_writes_take" "$(sim_hash)" "$(file_hash /tmp/c.bin)"
else
	t_fail "flashrom_write_succeeds_once_status_writes_take" "$(tail -n 3 /tmp/unprot.log)"
fi
sim_assert_bus_discipline "flashrom_real_time_bus_discipline"
echo "# flashrom in real time: $(sim_stat op_01) status writes, $(sim_stat op_20) + $(sim_stat op_21) 4 KiB erases, $(sim_stat op_12) page programs"
rm -f /tmp/a.bin /tmp/b.bin /tmp/c.bin
sim_unload
t_done
