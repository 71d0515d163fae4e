#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The biosflash(8) tool on the simulated W25Q256JW: status, check verdicts on
# crafted images, write (erase only where a bit must go 0 -> 1, program only
# changed non-FF pages: proven by the simulator's opcode counters, result
# proven by its own dump), protection refusal and unlock/lock, backup with
# injected read bit flips, an interrupted write that reports the truth, and
# bind/unbind at run time.  Truth is always the simulator's debugfs.
. /tests/lib.sh

BF=/tests/biosflash
M=/dev/mtd0
P=/sys/class/mtd/mtd0
MB=1048576
SZ=33554432
BS=65536

# up [FLASHSIM PARAMS...]: fresh simulator + driver; a 1.8 V level shifter
# is declared (io_mv) so that voltage checks let writes through
up() {
	sim_unload
	sim_load chips=w25q256jw "$@" && modprobe biosflash io_mv=1800 && [ -c $M ]
}

# run CMD...: output in /tmp/bft.out (also logged as comments), exit code in $RC
run() {
	"$@" > /tmp/bft.out 2>&1
	RC=$?
	grep -v '%  ' /tmp/bft.out | sed 's/^/#   /' | head -n 40
}

# has NAME TEXT: the last run's output contains TEXT
has() {
	if grep -qF -- "$2" /tmp/bft.out; then
		t_ok "$1"
	else
		t_fail "$1" "output lacks '$2'"
	fi
}

erases() {
	echo $(( $(sim_stat op_dc) + $(sim_stat op_d8) + $(sim_stat op_21) + \
		$(sim_stat op_20) + $(sim_stat op_52) ))
}

programs() {
	echo $(( $(sim_stat op_12) + $(sim_stat op_02) ))
}

# nonff_pages FILE OFFSET LEN: 256-byte pages that are not all 0xFF
nonff_pages() {
	dd if="$1" bs=$BS skip=$(($2 / BS)) count=$(($3 / BS)) 2>/dev/null |
		od -An -v -tx1 -w256 | grep -cv '^\( ff\)*$'
}

# range_hash FILE OFFSET [LEN]: sha256 of a block-aligned byte range
range_hash() {
	if [ -n "$3" ]; then
		dd if="$1" bs=$BS skip=$(($2 / BS)) count=$(($3 / BS)) 2>/dev/null
	else
		dd if="$1" bs=$BS skip=$(($2 / BS)) 2>/dev/null
	fi | sha256sum | cut -d' ' -f1
}

# into_blocks OUT: a write printing to OUT is 2 s past its plan (at most
# 60 s for the plan), inside its blocks
into_blocks() {
	i=0
	while ! grep -q '^Plan:' "$1" && [ $i -lt 600 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	sleep 2
}

fill() {
	head -c $SZ /dev/zero | tr '\0' "$1"
}

# usage 4, check without a chip 8, version 3, status 13, report 11 + 3, check 18, write 24 + 2, protection 21,
# dry run 10, diff 12, regions 6, board data 9, backup 22, interrupted write 9, hangup 7,
# bind/unbind 14
t_plan $((4 + 8 + 3 + 13 + 11 + 3 + 18 + 24 + 2 + 21 + 10 + 12 + 6 + 9 + 22 + 9 + 7 + 14 + 2 + 2))

# --- images ------------------------------------------------------------------
bf_mkimage /tmp/a $SZ 5
bf_mkimage /tmp/b $SZ 5 $((2 * MB)) $MB
bf_mkimage /tmp/c $SZ 77
bf_mkimage /tmp/small $((16 * MB)) 5
fill '\377' > /tmp/ff
fill '\000' > /tmp/zero
# AMD: no Intel descriptor, EFS signature at 0x20000
cp /tmp/a /tmp/amd
fill '\377' | dd of=/tmp/amd bs=4096 count=1 conv=notrunc 2>/dev/null
printf '\252\125\252\125' | dd of=/tmp/amd bs=1 seek=$((0x20000)) conv=notrunc 2>/dev/null
# ASUS/AMI capsule: unsigned-capsule GUID, RomImageOffset 0x800, image B
{
	printf '\220\273\356\024\012\211\333\103\256\321\135\074\105\210\244\030'
	printf '\034\000\000\000\001\000\001\000\000\010\000\002\000\010\000\010'
	head -c $((2048 - 32)) /dev/zero
	cat /tmp/b
} > /tmp/cap

# --- usage --------------------------------------------------------------------
run $BF --help
t_eq "help_exits_0" "$RC" 0
has "help_documents_exit_codes" "5  interrupted"
run $BF frobnicate
t_eq "unknown_command_exits_2" "$RC" 2
run $BF write
t_eq "missing_argument_exits_2" "$RC" 2

# --- check without a chip: what makes a file not a full chip image -------------
# The size is not a flash size; the descriptor says 32 MiB and the file
# is 16 MiB; no Intel descriptor and no AMD structure at all.  Refused
# (exit 3) with no device to compare with, as with one; the verdict names
# what was checked and never says "safe".
sim_unload
head -c $((3 * MB + 512)) /tmp/a > /tmp/odd
head -c $((16 * MB)) /tmp/a > /tmp/half
head -c $SZ /dev/urandom > /tmp/noifd
run $BF check /tmp/odd
t_eq "check_nochip_odd_size_refused" "$RC" 3
has "check_nochip_odd_size_reason" "not the size of any flash chip"
run $BF check /tmp/half
t_eq "check_nochip_descriptor_disagrees_refused" "$RC" 3
has "check_nochip_descriptor_disagrees_reason" \
	"flash component 1 is 32 MiB, but the file is 16 MiB"
run $BF check /tmp/noifd
t_eq "check_nochip_no_structure_refused" "$RC" 3
run $BF check /tmp/a
t_eq "check_nochip_full_image_exit_0" "$RC" 0
has "check_nochip_verdict_says_what_was_checked" \
	"structure consistent with a full image for a 32 MiB chip"
t_false "check_verdict_never_says_safe" grep -qi safe /tmp/bft.out

# --- status ---------------------------------------------------------------------
up || { t_fail "setup"; t_done; }
run $BF --version
t_eq "version_exits_0" "$RC" 0
drv=$(cat /sys/module/biosflash/version 2>/dev/null)
has "version_names_the_loaded_driver" "driver biosflash.ko ${drv:-NONE} (loaded)"
# both come from dkms.conf's PACKAGE_VERSION
t_eq "version_tool_equals_driver" "$(sed -n 's/^biosflash //p' /tmp/bft.out)" "${drv:-NONE}"
run $BF status
t_eq "status_exits_0" "$RC" 0
has "status_finds_default_device" "Device:      /dev/mtd0"
has "status_reports_size_and_erase_block" "32 MiB (33554432 bytes), 64 KiB erase blocks"
has "status_names_chip_and_jedec_id" "Chip:        w25q256jw, JEDEC ID ef6019 (Winbond)"
has "status_shows_supply_range" "Supply:      1.70-1.95 V (a 1.8 V chip)"
has "status_reports_no_protection" "Protection:  none"
run $BF status mtd0
t_eq "status_accepts_mtdN" "$RC" 0

echo 0x44 > "$SIM/sr1"
run $BF status $M
has "status_names_protected_range" "0x00000000-0x0000ffff"
has "status_tells_how_to_unlock" "biosflash unlock /dev/mtd0"
has "status_says_declared_not_ok" "declared to suit the chip"

# report: what a forum post needs, each item from its own source
run $BF report
t_eq "report_exits_0" "$RC" 0
has "report_tool_version" "tool:     biosflash ${drv:-NONE}"
has "report_driver_version" "driver:   biosflash.ko ${drv:-NONE} (loaded)"
has "report_kernel_release" "$(uname -r)"
has "report_chip_jedec_id" "jedec:    ef6019"
# the simulator's own register and clock, not the driver's view
has "report_status_register_1" "regs:     sr1=$(printf 0x%02x $(($(cat "$SIM/sr1"))))"
has "report_clock_from_the_bus" "clock:    $(cat /sys/module/flashsim/parameters/speed_hz) Hz"
has "report_declared_bus_level" "bus:      1800 mV declared, not measured"
has "report_protected_range" "protect:  0x00000000-0x0000ffff"
id=$(dmesg | grep 'biosflash spi.*w25q256jw (32768 KiB' | tail -n 1 | sed 's/^\[[^]]*\] //')
has "report_quotes_the_drivers_log" "${id:-NO LINE IN DMESG}"
# only the driver's own lines: the boot's command line names biosflash too
t_false "report_only_the_drivers_lines" grep -q "Command line" /tmp/bft.out
echo 0x00 > "$SIM/sr1"

sim_unload
run $BF report
t_eq "report_without_driver_exits_0" "$RC" 0
has "report_without_driver_says_so" "driver:   biosflash.ko not loaded"
has "report_without_device_says_so" "device:   none"
sim_load chips=w25q256jw && modprobe biosflash io_mv=3300
run $BF status
has "status_warns_1v8_chip_on_3v3_bus" "this is a 1.8 V chip on a 3.3 V bus"
h=$(sim_hash)
run $BF write /tmp/a
t_eq "write_refused_on_voltage_mismatch" "$RC" 1
t_eq "voltage_refusal_changed_nothing" "$(sim_hash)" "$h"

# --- check verdicts -------------------------------------------------------------
up || { t_fail "setup"; t_done; }
run $BF check /tmp/a $M
t_eq "check_descriptor_image_exit_0" "$RC" 0
has "check_descriptor_image_ok" "Verdict: OK"
has "check_reads_descriptor_density" "descriptor: flash component 1 is 32 MiB = the chip"
has "check_lists_bios_region" "region 1  BIOS          0x01c00000-0x01ffffff"
run $BF check /tmp/amd $M
t_eq "check_amd_image_exit_0" "$RC" 0
has "check_finds_amd_efs_at_0x20000" "AMD embedded firmware structure (0x55AA55AA) at 0x020000"
run $BF check /tmp/cap $M
t_eq "check_capsule_refused" "$RC" 3
has "check_capsule_names_header" "a 2048-byte header, then 32 MiB of ROM image"
has "check_capsule_offers_strip" "biosflash write --strip /tmp/cap"
run $BF check --strip /tmp/cap $M
t_eq "check_strip_capsule_ok" "$RC" 0
rm -f /tmp/cap.rom
run $BF check --extract /tmp/cap.rom /tmp/cap $M
t_eq "check_extract_exit_0" "$RC" 0
t_eq "check_extract_gives_rom_image" "$(file_hash /tmp/cap.rom)" "$(file_hash /tmp/b)"
rm -f /tmp/cap.rom
run $BF check /tmp/small $M
t_eq "check_wrong_size_refused" "$RC" 3
has "check_wrong_size_reason" "is smaller than the chip"
has "check_wrong_density_reason" "this image is for a 16 MiB flash chip, the chip is 32 MiB"
run $BF check /tmp/ff $M
t_eq "check_all_ff_refused" "$RC" 3
has "check_all_ff_reason" "every byte is 0xFF"
run $BF check /tmp/zero $M
t_eq "check_all_00_refused" "$RC" 3
h=$(sim_hash)
run $BF write /tmp/noifd $M
t_eq "write_unrecognisable_image_refused" "$RC" 3
t_eq "write_unrecognisable_image_changed_nothing" "$(sim_hash)" "$h"

# --- write ---------------------------------------------------------------------------
dd if=/tmp/ff of="$SIM/image" bs=$MB 2>/dev/null
sim_reset_stats
run $BF write /tmp/a
t_eq "write_to_erased_chip_exit_0" "$RC" 0
t_eq "write_to_erased_chip_needs_no_erase" "$(erases)" 0
t_eq "write_to_erased_chip_programs_only_non_ff_pages" "$(programs)" \
	"$(nonff_pages /tmp/a 0 $SZ)"
t_eq "write_to_erased_chip_result" "$(sim_hash)" "$(file_hash /tmp/a)"

sim_reset_stats
run $BF write /tmp/b $M
t_eq "refresh_write_exit_0" "$RC" 0
t_eq "refresh_erases_only_the_16_changed_blocks" "$(erases)" 16
t_eq "refresh_programs_only_changed_non_ff_pages" "$(programs)" \
	"$(nonff_pages /tmp/b $((2 * MB)) $MB)"
t_eq "refresh_result_is_image_b" "$(sim_hash)" "$(file_hash /tmp/b)"
has "refresh_reports_plan" "Plan: 16 of 512 blocks differ: 16 erases, "

sim_reset_stats
run $BF write /tmp/b $M
t_eq "same_image_again_exit_0" "$RC" 0
t_eq "same_image_again_no_erase_no_program" "$(erases) $(programs)" "0 0"
has "same_image_again_says_so" "already holds this image"

h=$(sim_hash)
run $BF write /tmp/small $M
t_eq "write_refuses_refuse_verdict" "$RC" 3
run $BF write /tmp/cap $M
t_eq "write_refuses_capsule_without_strip" "$RC" 3
t_eq "refused_writes_changed_nothing" "$(sim_hash)" "$h"
# the chip holds another image first, so only a write of the capsule's ROM
# image (B, without its 2048-byte header) can leave B in the array
dd if=/tmp/a of="$SIM/image" bs=$MB 2>/dev/null
run $BF write --strip /tmp/cap $M
t_eq "write_strip_capsule_exit_0" "$RC" 0
t_eq "write_strip_capsule_writes_only_the_rom_image" "$(sim_hash)" "$(file_hash /tmp/b)"

# a short file, forced: its bytes land, the rest of its last block is kept
bf_mkimage /tmp/short $((MB + 100)) 9
run $BF write --force /tmp/short $M
t_eq "force_writes_refused_short_file" "$RC" 0
t_eq "force_short_file_bytes_written" \
	"$(head -c $((MB + 100)) "$SIM/image" | sha256sum | cut -d' ' -f1)" \
	"$(file_hash /tmp/short)"
t_eq "force_short_file_rest_of_chip_kept" \
	"$(tail -c $((SZ - MB - 100)) "$SIM/image" | sha256sum | cut -d' ' -f1)" \
	"$(tail -c $((SZ - MB - 100)) /tmp/b | sha256sum | cut -d' ' -f1)"
dd if=/tmp/b of="$SIM/image" bs=$MB 2>/dev/null

# programs that do not take: the tool's read-back catches it, the state is
# told (with the driver's own read-back off, module parameter verify)
echo 0 > /sys/module/biosflash/parameters/verify
echo 1 > "$SIM/fault_weak_program"
run $BF write /tmp/c $M
echo 0 > "$SIM/fault_weak_program"
echo 1 > /sys/module/biosflash/parameters/verify
t_eq "weak_program_verify_mismatch_exit_4" "$RC" 4
has "weak_program_names_block" "verify failed: block 0x00000000"
has "weak_program_state_reported" "written, but reads back different"
t_eq "weak_program_stops_at_first_bad_block" "$(range_hash "$SIM/image" $BS)" \
	"$(range_hash /tmp/b $BS)"
dd if=/tmp/b of="$SIM/image" bs=$MB 2>/dev/null
# with it on (the default) the driver fails the write itself: exit 1, the
# block named, nothing past it written
echo 1 > "$SIM/fault_weak_program"
run $BF write /tmp/c $M
echo 0 > "$SIM/fault_weak_program"
t_eq "weak_program_driver_readback_exit_1" "$RC" 1
has "weak_program_driver_readback_names_block" "block 0x00000000 failed: Input/output error"
dd if=/tmp/b of="$SIM/image" bs=$MB 2>/dev/null

# --- protection ---------------------------------------------------------------------
echo 0x44 > "$SIM/sr1"
h=$(sim_hash)
run $BF write /tmp/c $M
t_eq "write_refuses_protected_chip" "$RC" 1
has "protected_refusal_names_range" "0x00000000-0x0000ffff"
has "protected_refusal_gives_way_out" "biosflash unlock /dev/mtd0"
t_eq "protected_refusal_changed_nothing" "$(sim_hash)" "$h"
# A differs from B only at 2-3 MiB: the protected first block is no obstacle
run $BF write /tmp/a $M
t_eq "protection_elsewhere_does_not_block_write" "$RC" 0
t_eq "protection_elsewhere_write_result" "$(sim_hash)" "$(file_hash /tmp/a)"
run $BF unlock
t_eq "unlock_exit_0" "$RC" 0
t_eq "unlock_clears_bp_in_chip" "$(( $(cat "$SIM/sr1") & 0x3c ))" 0
t_eq "unlock_leaves_cmp_clear_in_chip" "$(( $(cat "$SIM/sr2") & 0x40 ))" 0
has "unlock_reports_result" "protected now: none"
run $BF write /tmp/c
t_eq "write_after_unlock_exit_0" "$RC" 0
t_eq "write_after_unlock_result" "$(sim_hash)" "$(file_hash /tmp/c)"
run $BF lock $M
t_eq "lock_exit_0" "$RC" 0
t_eq "lock_protects_whole_chip" "$(cat $P/protect 2>&1)" all
run $BF write /tmp/b
t_eq "write_refuses_locked_chip" "$RC" 1
echo 0xc4 > "$SIM/sr1"
echo 0 > "$SIM/qe_fixed"	# the -IM part (QE=0): with QE=1 WP# is IO2
echo 0 > "$SIM/wp"
run $BF unlock
t_eq "unlock_under_hardware_wp_fails" "$RC" 1
has "unlock_failure_gives_errno_reason" "Permission denied"
has "unlock_failure_explains_wp_pin" "WP# pin is held low"
has "unlock_failure_quotes_driver_log" "kernel: biosflash"
has "unlock_failure_points_to_dmesg" "dmesg"
echo 1 > "$SIM/wp"
run $BF unlock
t_eq "unlock_after_wp_released" "$RC" 0
echo 1 > "$SIM/qe_fixed"

# --- dry run, diff, regions, board data -----------------------------------------
# The chip holds B; A differs from it only at 2-3 MiB, inside the ME region
# (0x1000-0x555fff).  Truth: the simulator's counters and its array.
dd if=/tmp/b of="$SIM/image" bs=$MB 2>/dev/null
h=$(sim_hash)
sim_reset_stats
run $BF write --dry-run /tmp/a $M
t_eq "dry_run_exit_0" "$RC" 0
t_eq "dry_run_erases_and_programs_nothing" "$(erases) $(programs)" "0 0"
t_eq "dry_run_changes_nothing" "$(sim_hash)" "$h"
has "dry_run_says_so" "Dry run: nothing was written."
has "dry_run_plans_me_region" "region 2  me    ME            0x00001000-0x00555fff  16 erases, "
has "dry_run_bios_region_unchanged" "region 1  bios  BIOS          0x01c00000-0x01ffffff  unchanged"
plan=$(sed -n 's/^Plan: \(.*\)\.$/\1/p' /tmp/bft.out)
sim_reset_stats
run $BF write /tmp/a $M
t_eq "dry_run_plan_is_what_the_write_does" \
	"$plan" "16 of 512 blocks differ: $(erases) erases, $(programs) page programs"
echo 0x44 > "$SIM/sr1"
h=$(sim_hash)
run $BF write --dry-run /tmp/c $M
t_eq "dry_run_protected_exit_as_the_write" "$RC" 1
has "dry_run_protected_says_write_refused" "the write itself would be refused"
t_eq "dry_run_protected_changes_nothing" "$(sim_hash)" "$h"
echo 0x00 > "$SIM/sr1"

# diff: by region, with the chip's and the file's version strings
dd if=/tmp/a of="$SIM/image" bs=$MB 2>/dev/null
run $BF diff /tmp/a $M
t_eq "diff_same_exit_0" "$RC" 0
has "diff_same_says_so" "The chip holds /tmp/a exactly."
run $BF diff /tmp/b $M
t_eq "diff_differs_exit_4" "$RC" 4
has "diff_names_the_differing_region" "DIFFERS  region 2  me"
has "diff_names_the_same_region" "same     region 1  bios"
n=$(cmp -l "$SIM/image" /tmp/b | wc -l)
has "diff_counts_bytes_as_cmp" "in 16 of 512 erase blocks ($n bytes)."
run $BF diff /tmp/amd $M
has "diff_without_descriptor_uses_the_chips" "regions below are the chip's"
# neither has a descriptor: the differing blocks, as address ranges
for x in a b; do
	cp /tmp/$x /tmp/nd$x
	fill '\377' | dd of=/tmp/nd$x bs=4096 count=1 conv=notrunc 2>/dev/null
done
dd if=/tmp/nda of="$SIM/image" bs=$MB 2>/dev/null
run $BF diff /tmp/ndb $M
rm -f /tmp/nda /tmp/ndb
has "diff_no_descriptor_lists_block_ranges" "DIFFERS  0x00200000-0x002fffff  16 blocks"
bf_mkimage -a "ComboAm5PI 1.0.0.7b" -i "A620MPRS.86C.0124.R01.2303151200" /tmp/v1 $SZ 5
bf_mkimage -a "ComboAm5PI 1.1.0.2" /tmp/v2 $SZ 5
dd if=/tmp/v1 of="$SIM/image" bs=$MB 2>/dev/null
run $BF diff /tmp/v2 $M
has "diff_chip_agesa_version" "chip   AMD AGESA     V9 ComboAm5PI 1.0.0.7b"
has "diff_chip_bios_id_and_date" "chip   BIOS ID       A620MPRS.86C.0124.R01.2303151200 (built 2023-03-15 12:00)"
has "diff_file_agesa_version" "file   AMD AGESA     V9 ComboAm5PI 1.1.0.2"
run $BF check /tmp/v2 $M
has "check_shows_file_version" "file   AMD AGESA     V9 ComboAm5PI 1.1.0.2"
rm -f /tmp/v1 /tmp/v2

# --region: only the BIOS region of C lands, everything else stays B
dd if=/tmp/b of="$SIM/image" bs=$MB 2>/dev/null
run $BF write --region bios /tmp/c $M
t_eq "region_write_exit_0" "$RC" 0
t_eq "region_write_bios_is_the_files" "$(range_hash "$SIM/image" $((SZ - SZ / 8)))" \
	"$(range_hash /tmp/c $((SZ - SZ / 8)))"
t_eq "region_write_rest_is_the_chips" \
	"$(head -c $((SZ - SZ / 8)) "$SIM/image" | sha256sum | cut -d' ' -f1)" \
	"$(head -c $((SZ - SZ / 8)) /tmp/b | sha256sum | cut -d' ' -f1)"
h=$(sim_hash)
run $BF write --region bios /tmp/amd $M
t_eq "region_write_without_descriptor_refused" "$RC" 3
t_eq "region_write_refused_changed_nothing" "$(sim_hash)" "$h"
run $BF write --region nosuch /tmp/c $M
t_eq "region_bad_name_usage_error" "$RC" 2

# the board's MAC address: refused unless kept (--keep gbe) or --force
bf_mkimage -g 02:11:22:33:44:55 /tmp/g1 $SZ 5
bf_mkimage -g 88:88:88:88:87:88 /tmp/g2 $SZ 77
dd if=/tmp/g1 of="$SIM/image" bs=$MB 2>/dev/null
h=$(sim_hash)
run $BF write /tmp/g2 $M
t_eq "gbe_replacing_mac_refused" "$RC" 3
has "gbe_refusal_names_both_macs" "MAC address 02:11:22:33:44:55 would become 88:88:88:88:87:88"
has "gbe_refusal_offers_keep" "--keep gbe keeps the chip's"
t_eq "gbe_refusal_changed_nothing" "$(sim_hash)" "$h"
run $BF write --keep gbe /tmp/g2 $M
t_eq "gbe_keep_exit_0" "$RC" 0
t_eq "gbe_keep_region_is_the_chips" \
	"$(dd if="$SIM/image" bs=4096 skip=$((0xe00)) count=2 2>/dev/null | sha256sum)" \
	"$(dd if=/tmp/g1 bs=4096 skip=$((0xe00)) count=2 2>/dev/null | sha256sum)"
t_eq "gbe_keep_bios_region_is_the_files" "$(range_hash "$SIM/image" $((SZ - SZ / 8)))" \
	"$(range_hash /tmp/g2 $((SZ - SZ / 8)))"
has "gbe_write_warns_serial_uuid" "system UUID; writing it replaces them"
dd if=/tmp/g1 of="$SIM/image" bs=$MB 2>/dev/null
run $BF write --force /tmp/g2 $M
t_eq "gbe_force_writes_the_images_mac" "$(sim_hash)" "$(file_hash /tmp/g2)"
rm -f /tmp/g1 /tmp/g2

# --- backup -----------------------------------------------------------------------------
dd if=/tmp/b of="$SIM/image" bs=$MB 2>/dev/null
rm -f /tmp/bk /tmp/bk.sha256
run $BF backup /tmp/bk
t_eq "backup_exit_0" "$RC" 0
t_eq "backup_equals_simulator_array" "$(file_hash /tmp/bk)" "$(sim_hash)"
t_eq "backup_sha256_file_matches_sha256sum" "$(cat /tmp/bk.sha256)" "$(file_hash /tmp/bk)  bk"
t_run "backup_sha256_file_verifies" sh -c 'cd /tmp && sha256sum -c bk.sha256'
# an existing FILE (or FILE.sha256) is an earlier backup: refused before
# the chip is read, kept byte for byte; --force replaces it
echo precious > /tmp/bk
sim_reset_stats
run $BF backup -n 3 /tmp/bk $M
t_eq "backup_existing_file_refused" "$RC" 3
has "backup_existing_file_says_why" "refused: /tmp/bk exists"
t_eq "backup_existing_file_kept" "$(cat /tmp/bk)" precious
t_run "backup_existing_file_nothing_read" [ "$(sim_stat bytes)" -lt 65536 ]
rm -f /tmp/bk
run $BF backup /tmp/bk $M
t_eq "backup_sha256_file_alone_refused" "$RC" 3
echo precious > /tmp/bk
run $BF backup --force -n 3 /tmp/bk $M
t_eq "backup_three_reads_exit_0" "$RC" 0
has "backup_three_reads_reported" "All 3 reads of 32 MiB agree"
t_eq "backup_force_replaces" "$(file_hash /tmp/bk)" "$(sim_hash)"

# a blank read (all 0xFF: empty chip, MISO not wired) is named first, and
# never replaces an existing FILE, not even with --force
fill '\377' > "$SIM/image"
echo precious > /tmp/bk
run $BF backup --force /tmp/bk $M
t_eq "backup_blank_over_existing_refused" "$RC" 3
has "backup_blank_over_existing_warns" "the chip reads as all 0xFF"
t_eq "backup_blank_over_existing_kept" "$(cat /tmp/bk)" precious
rm -f /tmp/bk /tmp/bk.sha256
run $BF backup /tmp/bk $M
t_eq "backup_blank_new_file_saved" "$RC" 0
has "backup_blank_new_file_warns" "the chip reads as all 0xFF"

rm -f /tmp/bk2 /tmp/bk2.sha256
echo 1000 > "$SIM/fault_read_flip"
run $BF backup /tmp/bk2
echo 0 > "$SIM/fault_read_flip"
t_eq "backup_with_read_flips_fails" "$RC" 1
has "backup_with_read_flips_says_unstable" "UNSTABLE:"
t_eq "backup_lists_first_20_offsets" "$(grep -c '^  0x[0-9a-f]*  first read' /tmp/bft.out)" 20
has "backup_explains_wiring" "wiring is not reliable"
t_false "backup_with_read_flips_writes_no_file" test -e /tmp/bk2
rm -f /tmp/bk /tmp/bk.sha256 /tmp/odd /tmp/half /tmp/noifd

# --- interrupted write ------------------------------------------------------------
up busy_div=1 || { t_fail "setup"; t_done; }
dd if=/tmp/c of="$SIM/image" bs=$MB 2>/dev/null
bf_sigdfl $BF write /tmp/a $M > /tmp/int.out 2>&1 &
pid=$!
into_blocks /tmp/int.out
kill -INT $pid
wait $pid
rc=$?
sed 's/^/#   /' /tmp/int.out | grep -v '%  '
m1=$(sim_stat messages)
t_eq "sigint_exit_code_5" "$rc" 5
t_run "sigint_reports_interruption" \
	grep -q '^Interrupted: stopped between two operations' /tmp/int.out
t_run "sigint_says_inconsistent" grep -q 'INCONSISTENT' /tmp/int.out
t_run "sigint_gives_resume_command" grep -q "^  biosflash write /tmp/a /dev/mtd0$" /tmp/int.out
new_end=$(sed -n 's/^  0x00000000-0x\([0-9a-f]*\)  the new image.*/\1/p' /tmp/int.out)
old_start=$(sed -n 's/^  0x\([0-9a-f]*\)-0x[0-9a-f]*  the old contents.*/\1/p' /tmp/int.out)
if [ -n "$new_end" ]; then
	n=$((0x$new_end + 1))
	t_eq "sigint_new_part_is_true" "$(range_hash "$SIM/image" 0 $n)" "$(range_hash /tmp/a 0 $n)"
else
	t_fail "sigint_new_part_is_true" "no 'new image' range reported"
fi
if [ -n "$old_start" ]; then
	t_eq "sigint_old_part_is_true" "$(range_hash "$SIM/image" $((0x$old_start)))" \
		"$(range_hash /tmp/c $((0x$old_start)))"
else
	t_fail "sigint_old_part_is_true" "no 'old contents' range reported"
fi
sleep 1
t_eq "sigint_no_bus_traffic_after_exit" "$(sim_stat messages)" "$m1"
echo 1000 > "$SIM/busy_div"
run $BF write /tmp/a $M
t_eq "resume_after_interrupt_exit_0" "$RC" 0
t_eq "resume_after_interrupt_result" "$(sim_hash)" "$(file_hash /tmp/a)"

# --- hangup during a write (the SSH session dropped) -------------------------------
# the write goes on; what it prints goes to BIOSFLASH_LOG from the hangup on
echo 1 > "$SIM/busy_div"
dd if=/tmp/c of="$SIM/image" bs=$MB 2>/dev/null
rm -f /tmp/bf.log
BIOSFLASH_LOG=/tmp/bf.log bf_sigdfl $BF write /tmp/a $M > /tmp/hup.out 2>&1 &
pid=$!
into_blocks /tmp/hup.out
kill -HUP $pid
sleep 1
t_run "sighup_write_goes_on" test "$(cut -d' ' -f3 /proc/$pid/stat 2>/dev/null)" != Z -a -e /proc/$pid
echo 1000 > "$SIM/busy_div"
wait $pid
rc=$?
t_eq "sighup_write_exit_0" "$rc" 0
t_eq "sighup_write_result" "$(sim_hash)" "$(file_hash /tmp/a)"
t_run "sighup_write_named_the_log" grep -q 'its report then goes to /tmp/bf.log' /tmp/hup.out
t_run "sighup_log_says_hangup" grep -q '^biosflash: hangup (SIGHUP)' /tmp/bf.log
t_run "sighup_log_has_the_verdict" grep -q '^Done: ' /tmp/bf.log
t_false "sighup_nothing_more_on_the_terminal" grep -q '^Done: ' /tmp/hup.out
sed 's/^/#   log: /' /tmp/bf.log | head -n 3
rm -f /tmp/bf.log /tmp/hup.out

# --- bind / unbind -------------------------------------------------------------------
sim_unload
sim_load chips=w25q256jw modalias=flashsim-raw
if bind_spidev; then
	D=/sys/bus/spi/devices/$SIMDEV
	run $BF bind "$SIMDEV"
	t_eq "bind_exit_0" "$RC" 0
	t_eq "bind_loads_and_binds_biosflash" "$(basename "$(readlink "$D"/driver)")" biosflash
	has "bind_releases_spidev" "from spidev"
	has "bind_names_mtd_device" "is now /dev/mtd0"
	t_run "bind_creates_mtd_device" test -c $M
	run $BF unbind "$SIMDEV"
	t_eq "unbind_exit_0" "$RC" 0
	t_false "unbind_leaves_no_driver" test -e "$D"/driver
	t_eq "unbind_clears_driver_override" "$(cat "$D"/driver_override)" ""
	t_false "unbind_removes_mtd_device" test -e /sys/class/mtd/mtd0
	echo high > "$SIM/fault_miso"
	run $BF bind "$SIMDEV"
	t_eq "bind_dead_bus_fails" "$RC" 1
	has "bind_failure_quotes_driver_log" "kernel: biosflash"
	has "bind_failure_points_to_dmesg" "dmesg"
	echo none > "$SIM/fault_miso"
	t_eq "bind_failure_clears_driver_override" "$(cat "$D"/driver_override)" ""
else
	t_fail "bind_setup" "spidev could not take $SIMDEV"
fi
run $BF bind spi9.9
t_eq "bind_unknown_device_fails" "$RC" 1

bf_real_time_fresh tool
sim_unload
rm -f /tmp/a /tmp/b /tmp/c /tmp/small /tmp/short /tmp/ff /tmp/zero /tmp/amd /tmp/cap \
	/tmp/int.out /tmp/bft.out
t_done
