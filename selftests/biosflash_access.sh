#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# What an unprivileged user (uid/gid 65534, no capabilities, through
# bf_asuser) may do with biosflash on the simulated W25Q256JW.  The model:
# devtmpfs creates /dev/mtdN and /dev/mtdNro as 0600 root:root; sysfs files
# are root-writable (protect 0644, the parameter allow_unsafe_voltage 0644,
# bind/unbind 0200) and world-readable; debugfs is root-only (0700).  So a
# user can read the identity, voltage and protection files and nothing else;
# the driver adds no capability check of its own, the node's mode decides.
# Every refusal must leave the simulator's registers, array and write-enable
# count as they were.
. /tests/lib.sh

M=/dev/mtd0
P=/sys/class/mtd/mtd0
PAR=/sys/module/biosflash/parameters
AS="bf_asuser 65534 65534"

# refused NAME CMD...: CMD, run as the user, fails with EACCES or EPERM
refused() {
	name=$1
	shift
	if msg=$($AS "$@" 2>&1); then
		t_fail "$name" "succeeded as uid 65534: $*"
		return
	fi
	case "$msg" in
	*"Permission denied"* | *"Operation not permitted"*) t_ok "$name" ;;
	*) t_fail "$name" "wrong error: $msg" ;;
	esac
}

state() {
	echo "$(cat "$SIM/sr1") $(cat "$SIM/sr2") $(cat "$SIM/sr3")" \
		"wren=$(( $(sim_stat op_06) + $(sim_stat op_50) ))" \
		"unsafe=$(cat $PAR/allow_unsafe_voltage)"
}

# straight-line: 3 + 6 MTD + 6 sysfs + 6 debugfs + 3 + 2 reads + 3 on 0644
t_plan $((29 + 2))
sim_unload
sim_load chips=w25q256jw && modprobe biosflash io_mv=1800 && [ -c $M ] ||
	{ t_fail "setup"; t_done; }
# a protected block, so that a successful unlock would show
echo 0x44 > "$SIM/sr1"
h=$(sim_hash)
s0=$(state)

t_eq "user_has_no_capabilities" \
	"$($AS cat /proc/self/status | awk '$1 == "CapEff:" { print $2 }')" \
	0000000000000000
t_eq "mtd_node_is_0600_root" "$(stat -c '%a %u %g' $M)" "600 0 0"
t_eq "mtd_ro_node_is_0600_root" "$(stat -c '%a %u %g' ${M}ro)" "600 0 0"

# --- the MTD device -------------------------------------------------------------
refused "user_cannot_open_mtd_for_read" dd if=$M of=/dev/null bs=4096 count=1
refused "user_cannot_open_mtd_for_write" dd if=/dev/zero of=$M bs=4096 count=1 conv=notrunc
refused "user_cannot_open_mtd_ro_node" dd if=${M}ro of=/dev/null bs=4096 count=1
refused "user_cannot_erase" flash_erase $M 0 1
refused "user_cannot_unlock_by_ioctl" flash_unlock $M
refused "user_cannot_flashcp" flashcp /proc/version $M

# --- sysfs and module parameters ---------------------------------------------------
refused "user_cannot_write_protect" sh -c "echo unlock > $P/protect"
refused "user_cannot_write_protect_volatile" sh -c "echo unlock volatile > $P/protect"
refused "user_cannot_set_allow_unsafe_voltage" sh -c "echo 1 > $PAR/allow_unsafe_voltage"
refused "user_cannot_write_io_mv" sh -c "echo 3300 > $PAR/io_mv"
refused "user_cannot_unbind_driver" sh -c "echo $SIMDEV > /sys/bus/spi/drivers/biosflash/unbind"
refused "user_cannot_bind_driver" sh -c "echo $SIMDEV > /sys/bus/spi/drivers/biosflash/bind"

# --- the simulator's debugfs controls -------------------------------------------------
refused "user_cannot_read_simulator_registers" cat "$SIM/sr1"
refused "user_cannot_write_simulator_registers" sh -c "echo 0 > $SIM/sr1"
refused "user_cannot_read_simulator_image" dd if="$SIM/image" of=/dev/null bs=4096 count=1
refused "user_cannot_write_simulator_image" dd if=/dev/zero of="$SIM/image" bs=4096 count=1 conv=notrunc
refused "user_cannot_power_cycle_simulator" sh -c "echo 1 > $SIM/power_cycle"
refused "user_cannot_inject_faults" sh -c "echo 1 > $SIM/fault_stuck_busy"

t_eq "refusals_changed_nothing" "$(state)" "$s0"
t_eq "refusals_left_array_unchanged" "$(sim_hash)" "$h"
t_eq "block_still_protected" "$(cat $P/protect)" "0x00000000-0x0000ffff"

# --- what a user may read ---------------------------------------------------------------
bad=0
for f in chip jedec_id supply_voltage io_voltage voltage_ok clock_hz protect \
	protect_mode protect_regs name size erasesize type; do
	want=$(cat $P/$f)
	got=$($AS cat $P/$f 2>&1)
	if [ "$got" != "$want" ] || [ -z "$want" ]; then
		bad=$((bad + 1))
		echo "# $f: user reads '$got', root '$want'"
	fi
done
t_eq "user_reads_every_world_readable_attribute" "$bad" 0
t_eq "user_reads_io_mv_parameter" "$($AS cat $PAR/io_mv)" 1800

# --- the node's mode is the whole policy: 0644 lets the user read, not write -------
chmod 0644 $M
t_eq "node_0644_user_reads" \
	"$($AS dd if=$M bs=65536 count=1 2>/dev/null | sha256sum | cut -d' ' -f1)" \
	"$(sim_hash 65536)"
refused "node_0644_user_cannot_open_for_write" dd if=/dev/zero of=$M bs=4096 count=1 conv=notrunc
chmod 0600 $M
t_eq "node_0644_changed_nothing" "$(state) $(sim_hash)" "$s0 $h"

bf_real_time_fresh access
sim_unload
t_done
