#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The biosflash overlay applied at run time, as "sudo dtoverlay biosflash
# PARAMS" does on a Raspberry Pi: the debug kernel booted with the plain test
# base (spidev on both chip selects of the simulated controller), then each
# overlay variant of run.sh, its parameters applied on the host as the Pi's
# dtoverlay command applies them (selftests/dt/dtoverlay.py --runtime), is
# handed to the kernel's overlay core (of_overlay_fdt_apply() through
# bf_hooks) and removed again.  Truth: the spidev nodes the SPI core creates
# and removes, the driver each device is bound to, and the simulator's own
# array.  Last, a chip that does not answer when the overlay is applied, and
# the retry after it is powered, without a reboot.
. /tests/lib.sh

OVL=/sys/kernel/debug/bf_hooks/overlay
HP=/sys/module/bf_hooks/parameters
nvar=$(find /tests -name "overlay-*.dtbo" | wc -l)

# 3 set-up checks, 11 per overlay variant, 8 for the unpowered chip
t_plan $((3 + 11 * nvar + 8))

sim_unload
modprobe spidev 2>/dev/null	# =m on the debug kernel; no udev in the guest
modprobe flashsim
ctl=$(ls -d /sys/bus/platform/devices/soc:spi/spi_master/spi* 2>/dev/null | head -n 1)
bus=${ctl##*/spi}
t_run "spidev_on_both_chip_selects" test -c "/dev/spidev$bus.0" -a -c "/dev/spidev$bus.1"
# wp_gpio's line is on the gpio-sim bank: without it the probe defers
t_run "biosflash_and_gpio_sim_load" sh -c "modprobe gpio-sim && modprobe biosflash"
t_run "bf_hooks_offers_overlays" sh -c "modprobe bf_hooks && test -e $OVL"

# apply FILE: the overlay's changeset id in $ID, 0 on failure
apply() {
	ID=0
	cat "$1" > $OVL && ID=$(cat $HP/overlay_id)
}

driver_of() {
	basename "$(readlink "/sys/bus/spi/devices/$1/driver" 2>/dev/null)" 2>/dev/null
}

for f in /tests/overlay-*.dtbo; do
	[ -f "$f" ] || continue
	# (not "name": lib.sh's t_run uses that)
	var=$(basename "$f" .dtbo)
	var=${var#overlay-}
	read -r params < "/tests/overlay-$var.params"
	# shellcheck disable=SC2086 # the parameters are words
	# (biosflash_dt.sh, on the same variants, fails on a parameter it
	# cannot judge)
	dt_params $params || true
	other=$((1 - cs))
	dev=spi$bus.$cs
	SIM=$SIMROOT/$dev
	apply "$f"
	t_run "${var}_overlay_applied" test "$ID" -gt 0
	t_run "${var}_spidev_released" test ! -e "/dev/spidev$bus.$cs"
	t_eq "${var}_bound_to_biosflash" "$(driver_of "$dev")" biosflash
	t_run "${var}_other_chip_select_keeps_spidev" test -c "/dev/spidev$bus.$other"
	t_eq "${var}_mtd_is_the_chip" "$(cat /sys/class/mtd/mtd0/name 2>&1)" "w25q256jw@$dev"
	t_eq "${var}_io_voltage_${io_mv}" "$(cat /sys/class/mtd/mtd0/io_voltage 2>&1)" "$io_mv"
	t_eq "${var}_clock_${speed}" "$(cat /sys/class/mtd/mtd0/clock_hz 2>&1)" "$speed"
	t_eq "${var}_reads_the_chip" "$(head -c 65536 /dev/mtd0 2>/dev/null | sha256sum)" \
		"$(head -c 65536 "$SIM/image" | sha256sum)"
	echo "$ID" > $HP/overlay_remove
	t_eq "${var}_overlay_removed" "$(cat $HP/overlay_id)" 0
	t_run "${var}_mtd_gone" test ! -e /dev/mtd0
	t_run "${var}_spidev_given_back" test -c "/dev/spidev$bus.$cs"
done

# --- a chip that does not answer when the overlay is applied -----------------
# MISO floats high (an unpowered chip); the probe fails with its message, the
# device stays there unbound, and once the chip answers "biosflash bind"
# binds it: no reboot, no second overlay.
dev=spi$bus.0
SIM=$SIMROOT/$dev
echo high > "$SIM/fault_miso"
klog_mark
apply /tests/overlay-default.dtbo
t_run "unpowered_overlay_applied" test "$ID" -gt 0
t_run "unpowered_no_mtd" test ! -e /dev/mtd0
t_eq "unpowered_probe_says_why" "$(klog | grep -c 'no chip answers: JEDEC ID reads ff ff ff')" 1
t_eq "unpowered_device_left_unbound" "$(driver_of "$dev")" ""
echo none > "$SIM/fault_miso"
/tests/biosflash bind "$dev" > /tmp/bind.out 2>&1
t_eq "powered_retry_binds" "$?" 0
t_eq "powered_retry_is_the_chip" "$(cat /sys/class/mtd/mtd0/name 2>&1)" "w25q256jw@$dev"
echo "$ID" > $HP/overlay_remove
t_run "powered_retry_overlay_removed" test ! -e /dev/mtd0
t_run "powered_retry_spidev_given_back" test -c "/dev/spidev$bus.0"
rmmod bf_hooks
sim_unload
t_done
