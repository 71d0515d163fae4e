#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The simulator instantiated from the device tree (debug kernel booted with
# QEMU -dtb selftests/dt/test-base.dtb): the spi0 node becomes a flashsim
# controller, each child node a simulated chip on its chip select, and the
# child's own compatible (spidev here) binds as on a Raspberry Pi.
. /tests/lib.sh

# 3 checks before the chip loop, 2 per chip select, 4 after
t_plan $((3 + 2 * 2 + 4 + 2))
t_run "booted_with_device_tree" test -d /proc/device-tree/soc/spi
sim_unload
modprobe spidev 2>/dev/null	# =m on the debug kernel; no udev in the guest
t_run "flashsim_loads_without_parameters" modprobe flashsim
ctl=$(ls -d /sys/bus/platform/devices/soc:spi/spi_master/spi* 2>/dev/null | head -n 1)
t_run "dt_node_becomes_spi_controller" test -n "$ctl"
bus=${ctl##*/spi}
for cs in 0 1; do
	d=$SIMROOT/spi$bus.$cs
	t_eq "dt_child_${cs}_is_simulated_chip" "$(cat "$d/model" 2>/dev/null)" w25q256jw
	t_run "dt_child_${cs}_bound_to_spidev" test -c /dev/spidev$bus.$cs
done
SIM=$SIMROOT/spi$bus.1
flashrom -p linux_spi:dev=/dev/spidev$bus.1,spispeed=16000 > /tmp/p 2>&1
t_run "flashrom_finds_chip_on_cs1" grep -q 'Found Winbond flash chip "W25Q256JW"' /tmp/p
t_run "cs1_chip_saw_the_jedec_id_reads" test "$(sim_stat op_9f)" -ge 1
sim_real_time_round_trip dt_cs1 /dev/spidev$bus.1 1048576
SIM=$SIMROOT/spi$bus.0
t_eq "cs0_chip_saw_no_traffic" "$(sim_stat messages)" 0
sim_unload
t_run "controller_gone_after_rmmod" test ! -e "$ctl"
t_done
