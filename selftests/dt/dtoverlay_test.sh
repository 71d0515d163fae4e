#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Host test of dtoverlay.py against the Raspberry Pi firmware's parameter
# semantics (raspberrypi/utils dtmerge/dtoverlay.c, the overlay README):
# what each biosflash parameter does to the merged tree, read back with
# fdtget.  KTAP output; run by scripts/dt-check.sh.
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
. "$top/selftests/lib.sh"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dtc -q -@ -I dts -O dtb -o "$tmp/base.dtb" "$here/test-base.dts"
dtc -q -@ -I dts -O dtb -o "$tmp/o.dtbo" "$top/dts-overlays/biosflash-overlay.dts"
S=/soc/spi

# apply PARAM...: merge into $tmp/out.dtb
apply() {
	rm -f "$tmp/out.dtb"
	"$here/dtoverlay.py" "$tmp/base.dtb" "$tmp/o.dtbo" "$tmp/out.dtb" "$@" \
		2> "$tmp/err"
}

# get [-t TYPE] [-d DEFAULT] NODE PROP: a property of the merged tree
get() {
	opts=
	while [ "${1#-}" != "$1" ]; do
		opts="$opts $1 $2"
		shift 2
	done
	# shellcheck disable=SC2086 # option words
	fdtget $opts "$tmp/out.dtb" "$@" 2>/dev/null
}

# 23 parameter checks, 3 at run time, 4 on refused input
t_plan $((23 + 3 + 4))
apply
t_eq "default_reg_0" "$(get $S/bios-flash@0 reg)" 0
ph=$(get $S/bios-flash@0 phandle)
t_eq "default_8MHz" "$(get $S/bios-flash@0 spi-max-frequency)" 8000000
t_eq "default_3v3" "$(get $S/bios-flash@0 biosflash,io-microvolt)" 3300000
t_eq "default_spidev0_disabled" "$(get $S/spidev@0 status)" disabled
t_eq "default_spidev1_untouched" "$(get -d none $S/spidev@1 status)" none
t_eq "dormant_wp_fragment_dropped" "$(get -d none $S/bios-flash@0 wp-gpios)" none
t_eq "overlay_symbols_stay_private" \
	"$(get -d none /__symbols__ bios_flash)$(get -d none /__symbols__ wp)" nonenone

apply spi0-1
t_eq "spi0-1_renames_unit_address" "$(get $S/bios-flash@1 reg)" 1
t_eq "spi0-1_no_node_at_0" "$(get -t s $S/bios-flash@0 compatible)" ""
t_eq "spi0-1_spidev1_disabled" "$(get $S/spidev@1 status)" disabled
t_eq "spi0-1_spidev0_untouched" "$(get -d none $S/spidev@0 status)" none

apply spi0-1 spi0-0
t_eq "spi0-0_after_spi0-1_reg_0" "$(get $S/bios-flash@0 reg)" 0
t_eq "spi0-0_after_spi0-1_spidev1_back" "$(get -d none $S/spidev@1 status)" none

apply speed=20000000
t_eq "speed_decimal" "$(get $S/bios-flash@0 spi-max-frequency)" 20000000
apply speed=0x1312d00
t_eq "speed_hex_as_strtoull" "$(get $S/bios-flash@0 spi-max-frequency)" 20000000
apply speed=010
t_eq "speed_octal_as_strtoull" "$(get $S/bios-flash@0 spi-max-frequency)" 8

apply io_1v8
t_eq "io_1v8_literal" "$(get $S/bios-flash@0 biosflash,io-microvolt)" 1800000
apply io_voltage=1800000
t_eq "io_voltage_value" "$(get $S/bios-flash@0 biosflash,io-microvolt)" 1800000
apply io_1v8 io_3v3
t_eq "io_3v3_after_io_1v8" "$(get $S/bios-flash@0 biosflash,io-microvolt)" 3300000

apply wp_gpio=17
bank=$(get /soc/gpio-sim/bank0 phandle)
t_eq "wp_gpio_17_on_the_gpio_bank" "$(get $S/bios-flash@0 wp-gpios)" "$bank 17 1"
# fragment@3's own node (label wp) has a phandle the firmware never copies
t_eq "wp_fragment_phandle_not_merged" "$(get $S/bios-flash@0 phandle)" "$ph"
apply spi0-1 wp_gpio=4
t_eq "wp_gpio_follows_spi0-1" "$(get $S/bios-flash@1 wp-gpios)" "$bank 4 1"
apply wp_gpio
t_eq "bare_parameter_is_true_1" "$(get $S/bios-flash@0 wp-gpios)" "$bank 1 1"

# --runtime: what dtoverlay hands the kernel; merged here by fdtoverlay,
# which resolves __fixups__ as the kernel does, it gives the same tree
runtime() {
	rm -f "$tmp/out.dtb"
	"$here/dtoverlay.py" --runtime "$tmp/o.dtbo" "$tmp/rt.dtbo" "$@" 2> "$tmp/err" &&
		fdtoverlay -i "$tmp/base.dtb" -o "$tmp/out.dtb" "$tmp/rt.dtbo"
}
runtime io_1v8 wp_gpio=17
t_eq "runtime_wp_gpio_reference_resolved" "$(get $S/bios-flash@0 wp-gpios)" "$bank 17 1"
t_eq "runtime_io_1v8" "$(get $S/bios-flash@0 biosflash,io-microvolt)" 1800000
runtime spi0-1
t_eq "runtime_spi0-1_node_and_spidev" \
	"$(get $S/bios-flash@1 reg) $(get $S/spidev@1 status) $(get -d okay $S/spidev@0 status)" \
	"1 disabled okay"

apply no_such_param
t_run "unknown_parameter_refused" test $? != 0
t_run "unknown_parameter_named" grep -q "unknown parameter 'no_such_param'" "$tmp/err"
t_run "no_output_on_error" test ! -e "$tmp/out.dtb"
apply speed=fast
t_run "non_integer_value_refused" test $? != 0
t_done
