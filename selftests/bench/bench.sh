#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# make bench (suite "bench"): every client on every scenario at one SPI clock
# on the simulated W25Q256JW, the image the whole chip.  Results go to the
# serial log between BFBENCH-BEGIN and BFBENCH-END; the host turns them into
# results/bench/ (selftests/bench/report.sh).  Environment (kernel command
# line words reach init's environment): BENCH_HZ, BENCH_CLIENTS,
# BENCH_SCENARIOS, BENCH_LEN.
. /tests/bench_lib.sh

HZ=${BENCH_HZ:-16000000}
CLIENTS=$(echo "${BENCH_CLIENTS:-a b c d}" | tr , " ")
SCENARIOS=$(echo "${BENCH_SCENARIOS:-S1 S2 S3 S4}" | tr , " ")

# one result per client and scenario
t_plan $(($(echo $CLIENTS | wc -w) * $(echo $SCENARIOS | wc -w)))
make_images "${BENCH_LEN:-33554432}" || { t_fail bench_images_built; t_done; }
echo "BFBENCH-BEGIN"
echo "BENCH conf len=$BENCH_LEN hz=$HZ overhead_ns=$BENCH_OVH_NS chg_off=$BENCH_CHG_OFF chg_len=$BENCH_CHG_LEN"

# Driver memory: module core size, slab growth over loading biosflash and
# probing one device (the simulator already loaded)
mods_down
if sim_load chips=w25q256jw speed_hz="$HZ"; then
	sleep 1
	slab0=$(awk '$1 == "Slab:" { print $2 }' /proc/meminfo)
	modprobe biosflash io_mv=1800 && wait_for /dev/mtd0 && sleep 1
	slab1=$(awk '$1 == "Slab:" { print $2 }' /proc/meminfo)
	echo "BENCH mem coresize=$(cat /sys/module/biosflash/coresize) slab_delta_kib=$((slab1 - slab0)) bounce=65536"
fi

for cl in $CLIENTS; do
	for sc in $SCENARIOS; do
		scenario $sc
		if ! setup "$cl" "$HZ"; then
			echo "BENCH run $cl $sc $HZ setup-failed 0 0"
			t_fail "bench_${cl}_${sc}_setup"
			continue
		fi
		measure "$cl" $sc "$HZ" "$OLD" "$NEW"
		if echo "$BENCH_LINE" | grep -q "^BENCH run $cl $sc $HZ 0 1 "; then
			t_ok "bench_${cl}_${sc}_correct_result"
		else
			t_fail "bench_${cl}_${sc}_correct_result"
		fi
	done
done
mods_down
echo "BFBENCH-END"
t_done
