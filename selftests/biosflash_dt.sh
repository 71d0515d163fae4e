#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The biosflash overlay as a Raspberry Pi boots it: the debug kernel runs on
# a DTB that selftests/vm/run.sh made from selftests/dt/test-base.dts and
# dts-overlays/biosflash-overlay.dts with selftests/dt/dtoverlay.py and the
# overlay parameters it also passes as bf.dtparams=P1,P2 (suites debug-dt-*).
# What must follow is derived here from those parameters as
# dts-overlays/README documents them, never from the tree: the driver on the
# chosen chip select and spidev only on the other one, the clock the
# simulated chip sees, the I/O voltage the driver reports and acts on, and
# the WP# line.
. /tests/lib.sh

# --- what the parameters ask for ---------------------------------------------
params=$(sed -n 's/.*bf\.dtparams=\([^ ]*\).*/\1/p' /proc/cmdline | tr , ' ')
# shellcheck disable=SC2086 # the parameters are words
if ! dt_params $params; then
	# a parameter this script cannot judge fails the boot: a whole DT
	# variant must never pass with nothing tested
	t_plan 1
	t_fail "overlay_parameter_known" \
		"no expectation for overlay parameter '$DT_UNKNOWN'"
	t_done
fi
other=$((1 - cs))
# The simulated chip is flashsim's default W25Q256JW: 1.70-1.95 V
# (Documentation/flashsim.rst, profile table).
ok=0
[ "$io_mv" -ge 1700 ] && [ "$io_mv" -le 1950 ] && ok=1
echo "# params '${params:-none}': CS$cs, $speed Hz, $io_mv mV, WP# ${wp:-none}"
# 18 common checks, then 2 without WP# or 5 + 4 (deferred probe) with it
if [ -z "$wp" ]; then t_plan $((20 + 2)); else t_plan $((20 + 5 + 4)); fi

DT=/proc/device-tree/soc
node=$DT/spi/bios-flash@$cs
S=/sys/class/mtd/mtd0
T=/sys/kernel/tracing
t_run "dt_has_bios_flash_node_at_cs$cs" test -d "$node"

# hexcells FILE: a property as one lowercase hex string
hexcells() {
	hexdump -v -e '1/1 "%02x"' "$1" 2>/dev/null
}

# Trace points are 6.12's only view of an spi_device's max_speed_hz (there
# is no sysfs file): spi_setup logs it when the device is added.
[ -e $T/trace ] || mount -t tracefs nodev $T 2>/dev/null
echo 0 > $T/tracing_on 2>/dev/null
echo > $T/trace 2>/dev/null
echo 1 > $T/events/spi/spi_setup/enable 2>/dev/null
echo 1 > $T/tracing_on 2>/dev/null

# --- modules: the GPIO and spidev providers first, as on a Pi ----------------
sim_unload
t_run "gpio_sim_loads" modprobe gpio-sim
t_run "spidev_loads" modprobe spidev
t_run "flashsim_loads_without_parameters" modprobe flashsim
t_run "biosflash_loads" modprobe biosflash

# gpio-sim from the device tree: one 54-line chip for the bank node
chip=$(grep 'parent: platform/soc:gpio-sim' /sys/kernel/debug/gpio)
gbase=$(echo "$chip" | sed -n 's/.*GPIOs \([0-9]*\)-[0-9]*,.*/\1/p')
glast=$(echo "$chip" | sed -n 's/.*GPIOs [0-9]*-\([0-9]*\),.*/\1/p')
t_eq "gpio_sim_bank_from_dt_has_54_lines" \
	"$((${glast:-0} - ${gbase:-0} + 1))" 54
# <&gpio ...> resolves to the gpio_device whose of_node is the phandle's node
gchip=$(echo "$chip" | sed -n 's/^\(gpiochip[0-9]*\):.*/\1/p')
t_eq "gpio_label_node_is_the_gpiochip" \
	"$(readlink "/sys/bus/gpio/devices/$gchip/of_node" | sed 's|.*/soc/||')" \
	gpio-sim/bank0

ctl=$(ls -d /sys/bus/platform/devices/soc:spi/spi_master/spi* 2>/dev/null |
	head -n 1)
bus=${ctl##*/spi}
dev=/sys/bus/spi/devices/spi$bus.$cs
SIM=$SIMROOT/spi$bus.$cs

# --- bus and chip select -----------------------------------------------------
t_eq "cs${cs}_device_is_the_bios_flash_node" \
	"$(basename "$(readlink "$dev/of_node")")" "bios-flash@$cs"
t_eq "biosflash_bound_to_cs$cs" \
	"$(basename "$(readlink "$dev/driver")")" biosflash
t_run "no_spidev_on_cs$cs" test ! -e "/dev/spidev$bus.$cs"
t_eq "spidev_node_cs${cs}_disabled" \
	"$(tr -d '\0' < "$DT/spi/spidev@$cs/status" 2>/dev/null)" disabled
t_run "spidev_kept_on_cs$other" test -c "/dev/spidev$bus.$other"
t_eq "mtd0_is_the_cs${cs}_chip" \
	"$(basename "$(readlink $S/device)")" "spi$bus.$cs"

# --- clock -------------------------------------------------------------------
echo 0 > $T/tracing_on 2>/dev/null
hz=$(grep "spi_setup: spi$bus.$cs " $T/trace 2>/dev/null | tail -n 1 |
	sed -n 's/.* \([0-9]*\) Hz max.*/\1/p')
t_eq "spi_device_max_speed_hz_is_$speed" "$hz" "$speed"
echo 0 > $T/events/spi/spi_setup/enable 2>/dev/null
# The simulator adds up each transfer's time at the transfer's own speed:
# bus_ns = sum(cycles * 1e9 / hz), rounded down per transfer.
sim_reset_stats
dd if=/dev/mtd0 of=/dev/null bs=65536 count=1 2>/dev/null
cycles=$(sim_stat cycles) ns=$(sim_stat bus_ns) xfers=$(sim_stat transfers)
want=$((cycles * 1000000000 / speed))
diff=$((want - ns))
if [ "$cycles" -ge 524288 ] && [ "${diff#-}" -le "$xfers" ]; then
	t_ok "chip_clocked_at_${speed}_hz"
else
	t_fail "chip_clocked_at_${speed}_hz" \
		"$cycles cycles in $ns ns ($xfers transfers): want $want ns"
fi

# --- I/O voltage -------------------------------------------------------------
t_eq "io_voltage_is_${io_mv}_mv" "$(cat $S/io_voltage 2>&1)" "$io_mv"
t_eq "voltage_ok_is_$ok" "$(cat $S/voltage_ok 2>&1)" "$ok"
# An erase of block 0 reaches the array only when the level fits the chip.
printf '\125\252\125\252' | dd of="$SIM/image" conv=notrunc 2>/dev/null
# mtd_debug, not flash_erase: flash_erase 2.1.5 exits 0 after a failed MEMERASE
mtd_debug erase /dev/mtd0 0 65536 > /tmp/erase 2>&1
rc=$?
was=$(head -c 4 "$SIM/image" | hexdump -v -e '1/1 "%02x"')
res=refused
[ "$rc" = 0 ] && res=done
if [ "$ok" = 1 ]; then
	t_eq "erase_allowed_at_${io_mv}_mv" "$res, array $was" "done, array ffffffff"
else
	t_eq "erase_refused_at_${io_mv}_mv" "$res, array $was" "refused, array 55aa55aa"
fi

# --- a write, an erase and two status writes at the datasheet's maximum busy
# times, in real time, on this boot's clock and chip select (with the
# user's override where the level does not fit the chip)
[ "$ok" = 1 ] || echo 1 > /sys/module/biosflash/parameters/allow_unsafe_voltage
bf_real_time_round_trip dt /dev/mtd0 $((4 * 1048576))
echo 0 > /sys/module/biosflash/parameters/allow_unsafe_voltage

# --- WP# ---------------------------------------------------------------------
if [ -z "$wp" ]; then
	t_run "no_wp_gpios_without_wp_gpio" test ! -e "$node/wp-gpios"
	sim_unload
	t_run "controller_gone_after_rmmod" test ! -e "$dev"
	t_done
fi

# <&gpio N GPIO_ACTIVE_LOW>, gpio being the gpio-sim bank
bank=$(hexcells $DT/gpio-sim/bank0/phandle)
t_eq "wp_gpios_is_bank_line_${wp}_active_low" "$(hexcells "$node/wp-gpios")" \
	"$bank$(printf '%08x%08x' "$wp" 1)"
line=$((gbase + wp))
t_run "wp_line_${wp}_claimed" \
	sh -c "grep ' gpio-$line ' /sys/kernel/debug/gpio | grep -qv '<unused>'"

# The level WP# has while the status register is written: gpiolib traces
# every level it sets (gpio_value "N set V", after the ACTIVE_LOW inversion)
# and the SPI core every message it starts, in one time-ordered buffer.  A
# status write is WREN then WRSR: at least two messages to the chip must run
# while the line is high.
echo 0x1c > "$SIM/sr1"			# BP2..0: upper 1/8 protected
sim_reset_stats
level=0
grep " gpio-$line " /sys/kernel/debug/gpio | grep -q output-high && level=1
if echo > $T/trace && echo 1 > $T/events/gpio/gpio_value/enable &&
	echo 1 > $T/events/spi/spi_message_start/enable; then
	echo 1 > $T/tracing_on
	echo unlock > $S/protect
	echo 0 > $T/tracing_on
	# shellcheck disable=SC2046 # three numbers
	set -- $(awk -v g="$line" -v d="spi$bus.$cs" -v hi="$level" '
		{
			for (i = 1; i < NF; i++) {
				if ($i == "gpio_value:" && $(i + 1) == g &&
				    $(i + 2) == "set")
					hi = $(i + 3)
				if ($i == "spi_message_start:" && $(i + 1) == d) {
					all++
					if (hi == 1)
						high++
				}
			}
		}
		END { printf "%d %d %d\n", high, all, hi }' $T/trace)
	wrsr=$(($(sim_stat op_01) + $(sim_stat op_31) + $(sim_stat op_11)))
	t_eq "unlock_cleared_bp_bits" "$(($(cat "$SIM/sr1") & 0x1c))" 0
	if [ "$wrsr" -ge 1 ] && [ "$1" -ge 2 ]; then
		t_ok "wp_high_while_status_written"
	else
		t_fail "wp_high_while_status_written" "$1 of $2 messages" \
			"with WP# high, $wrsr status writes; WP# ends at $3"
	fi
else
	t_fail "wp_high_while_status_written" "no tracefs gpio/spi events"
fi

# A WP# GPIO controller that is not there yet defers the probe; until it
# comes the chip must not have been sent a single command (a probe that
# resets the chip and then defers would do it again at every retry).
rmmod biosflash
rmmod gpio-sim
sim_reset_stats
modprobe biosflash
t_run "wp_gpio_missing_probe_deferred" \
	grep -q "^spi$bus.$cs" /sys/kernel/debug/devices_deferred
t_eq "wp_gpio_missing_chip_untouched" "$(sim_stat messages)" 0
modprobe gpio-sim
for i in 1 2 3 4 5 6 7 8 9 10; do
	[ -c /dev/mtd0 ] && break
	sleep 0.5
done
t_eq "wp_gpio_late_probe_bound" \
	"$(basename "$(readlink "$dev/driver")")" biosflash
t_eq "wp_gpio_late_probe_one_soft_reset" "$(sim_stat op_99)" 1
sim_unload
t_run "controller_gone_after_rmmod" test ! -e "$dev"
t_done
