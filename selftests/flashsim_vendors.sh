#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The Macronix and GigaDevice profiles against flashrom (Debian's 1.3.0,
# linux_spi over spidev), an independent implementation with its own chip
# database: it must identify each simulated chip, read exactly what debugfs
# loaded and, on the MX25U25635F, meet SRWD + WP# protection the way it
# meets it on a real chip.  The raw protection checks of both profiles (TB
# OTP, BP ranges, WPSEL with SPB/DPB) are flashsim_test's mx and gd
# fixtures.
. /tests/lib.sh

SIZE=33554432

# load MODEL: flashsim with one MODEL chip on CS0, bound to spidev; sets FR
load() {
	sim_unload
	if sim_load chips="$1" modalias=flashsim-raw && bind_spidev; then
		t_ok "$1_loads_and_spidev_binds"
		FR="flashrom -p linux_spi:dev=$SPIDEV,spispeed=16000"
		return 0
	fi
	t_fail "$1_loads_and_spidev_binds"
	return 1
}

# read_matches NAME [FLASHROM ARGS...]: flashrom reads back a random image
read_matches() {
	name=$1
	shift
	head -c $SIZE /dev/urandom > /tmp/a.bin
	cat /tmp/a.bin > "$SIM/image"
	if $FR "$@" -r /tmp/r.bin > /tmp/read.log 2>&1; then
		t_eq "$name" "$(file_hash /tmp/r.bin)" "$(file_hash /tmp/a.bin)"
	else
		t_fail "$name" "flashrom -r failed: $(tail -n 2 /tmp/read.log)"
	fi
	rm -f /tmp/r.bin
}

# top_hash: sha256 of block 511 (0x1ff0000-0x1ffffff), the last 64 KiB
top_hash() {
	dd if="$SIM/image" bs=65536 skip=511 count=1 2>/dev/null | sha256sum | cut -d' ' -f1
}

# Macronix: set-up, identification, read, 4 protection checks, 2 after WP#
# release; GigaDevice: set-up, RDID, read
t_plan $((1 + 1 + 1 + 4 + 2 + 3 + 2))

# --- Macronix MX25U25635F: in flashrom 1.3.0's database under that name
if load mx25u25635f; then
	$FR > /tmp/probe.log 2>&1
	if grep -q 'Found Macronix flash chip "MX25U25635F" (32768 kB, SPI)' /tmp/probe.log; then
		t_ok "mx_flashrom_identifies_mx25u25635f"
	else
		t_fail "mx_flashrom_identifies_mx25u25635f" "$(grep -i -E 'found|no eeprom' /tmp/probe.log | head -n 3)"
	fi
	FR="$FR -c MX25U25635F"
	read_matches "mx_flashrom_read_matches_debugfs"

	# SRWD=1, BP0=1 (top 64 KiB with TB=0), WP# low: flashrom's unlock
	# for this chip (BP3_SRWD) must clear SRWD first and cannot.
	cp /tmp/a.bin /tmp/c.bin
	head -c 65536 /dev/zero | dd of=/tmp/c.bin bs=65536 seek=511 conv=notrunc 2>/dev/null
	echo 0x84 > "$SIM/sr1"
	echo 0 > "$SIM/wp"
	before=$(top_hash)
	if $FR -w /tmp/c.bin > /tmp/prot.log 2>&1; then
		t_fail "mx_flashrom_write_to_protected_top_block_fails" "flashrom reported success"
	else
		t_ok "mx_flashrom_write_to_protected_top_block_fails"
	fi
	t_run "mx_flashrom_reports_srwd_cannot_be_cleared" grep -q "Unsetting lock bit(s) failed" /tmp/prot.log
	t_eq "mx_protected_top_block_unchanged" "$(top_hash)" "$before"
	t_eq "mx_status_register_unchanged" "$(cat "$SIM/sr1")" "0x84"

	# WP# released: the unlock works, the write verifies and flashrom
	# restores the status register it found (flashrom spi25_statusreg.c
	# spi_restore_status(), flashrom.c restore_flash_wp()).
	echo 1 > "$SIM/wp"
	if $FR -w /tmp/c.bin > /tmp/unprot.log 2>&1; then
		t_eq "mx_flashrom_write_succeeds_once_wp_released" "$(sim_hash)" "$(file_hash /tmp/c.bin)"
	else
		t_fail "mx_flashrom_write_succeeds_once_wp_released" "$(tail -n 3 /tmp/unprot.log)"
	fi
	t_eq "mx_flashrom_restores_status_register" "$(cat "$SIM/sr1")" "0x84"
	echo "# flashrom write: $(sim_stat op_12) 4-byte page programs, $(sim_stat op_b7) B7h"
	rm -f /tmp/a.bin /tmp/c.bin
fi

# --- GigaDevice GD25LB256E: not in flashrom 1.3.0's database
if load gd25lb256e; then
	$FR -V > /tmp/probe.log 2>&1
	# flashrom's own RDID parse of the three ID bytes
	t_run "gd_flashrom_rdid_reads_c86719" grep -q "id1 0xc8, id2 0x6719" /tmp/probe.log
	echo "# flashrom 1.3.0 verdict: $(grep -E '^(Found|No EEPROM)' /tmp/probe.log | head -n 1)"
	# Forced read through the sibling entry: same 03h/13h/B7h read path
	read_matches "gd_flashrom_forced_read_matches_debugfs" -c "GD25Q256D/GD25Q256E" -f
	rm -f /tmp/a.bin
fi
# raw commands at the maximum busy times, on the GD25LB256E
sim_real_time_round_trip vendors_gd25lb256e "$SPIDEV" 1048576
sim_unload
t_done
