#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Benchmark helpers, run inside the test VM (Documentation/benchmark.rst).
# Each measured run prints one line
#   BENCH run CLIENT SCENARIO CLOCK_HZ RC OK WALL_S key=value...
# with every simulator counter (stats reset just before the run).
. /tests/lib.sh

BENCH_OVH_NS=${BENCH_OVH_NS:-20000}	# fixed cost per SPI message (model)

now() { cut -d' ' -f1 /proc/uptime; }

# mods_down: nothing of ours or the kernel's flash drivers loaded
mods_down() {
	rmmod biosflash 2>/dev/null
	rmmod flashsim 2>/dev/null
	rmmod spi-nor 2>/dev/null
	rmmod spidev 2>/dev/null
	return 0
}

wait_for() {
	i=0
	while [ ! -e "$1" ] && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	[ -e "$1" ]
}

# setup CLIENT HZ: the simulated W25Q256JW at HZ behind the client's driver
#   a, b  biosflash (/dev/mtd0)    c  spi-nor (/dev/mtd0)    d  spidev
setup() {
	mods_down
	case $1 in
	a | b)
		sim_load chips=w25q256jw speed_hz="$2" || return 1
		modprobe biosflash io_mv=1800 || return 1
		wait_for /dev/mtd0
		;;
	c)
		sim_load chips=w25q256jw speed_hz="$2" modalias=flashsim-raw || return 1
		echo spi-nor > "/sys/bus/spi/devices/$SIMDEV/driver_override"
		modprobe spi-nor || return 1
		[ -e "/sys/bus/spi/devices/$SIMDEV/driver" ] ||
			echo "$SIMDEV" > /sys/bus/spi/drivers/spi-nor/bind
		wait_for /dev/mtd0
		;;
	d)
		sim_load chips=w25q256jw speed_hz="$2" modalias=flashsim-raw || return 1
		bind_spidev
		;;
	esac
}

# load_old FILE|ff LEN: the chip's array before the run (debugfs, no counters)
load_old() {
	if [ "$1" = ff ]; then
		head -c 33554432 /dev/zero | tr '\000' '\377' > "$SIM/image"
	else
		cat "$1" > "$SIM/image"
	fi
}

# act CLIENT write|read FILE HZ: the client's own command for the job
act() {
	case $1-$2 in
	a-write | c-write) flashcp "$3" /dev/mtd0 ;;
	a-read | c-read) dd if=/dev/mtd0 of="$3" bs=65536 count=$((BENCH_LEN / 65536)) 2>/dev/null ;;
	b-write)
		if [ "$BENCH_LEN" = 33554432 ]; then
			/tests/biosflash write "$3" /dev/mtd0
		else
			/tests/biosflash write --force "$3" /dev/mtd0
		fi
		;;
	b-read) /tests/biosflash backup -n 2 "$3" /dev/mtd0 ;;
	d-write) flashrom -p "linux_spi:dev=$SPIDEV,spispeed=$(($4 / 1000))" -c W25Q256JW -w "$3" ;;
	d-read) flashrom -p "linux_spi:dev=$SPIDEV,spispeed=$(($4 / 1000))" -c W25Q256JW -r "$3" ;;
	esac
}

# measure CLIENT SCENARIO HZ OLD NEW: one run; S3 reads the chip holding NEW
measure() {
	cl=$1 sc=$2 hz=$3 old=$4 new=$5
	if [ "$sc" = S3 ]; then
		load_old "$new"
		rm -f /tmp/bench.read /tmp/bench.read.sha256
		what=read file=/tmp/bench.read
	else
		load_old "$old"
		what=write file=$new
	fi
	sim_reset_stats
	t0=$(now)
	act "$cl" $what "$file" "$hz" > /tmp/bench.out 2>&1 < /dev/null
	rc=$?
	t1=$(now)
	if [ $what = read ]; then
		got=$(head -c "$BENCH_LEN" "$file" 2>/dev/null | sha256sum | cut -d' ' -f1)
	else
		got=$(sim_hash "$BENCH_LEN")
	fi
	ok=0
	[ "$got" = "$(head -c "$BENCH_LEN" "$new" | sha256sum | cut -d' ' -f1)" ] && ok=1
	[ $rc = 0 ] && [ $ok = 1 ] || tail -n 5 /tmp/bench.out | sed 's/^/# /'
	BENCH_LINE="BENCH run $cl $sc $hz $rc $ok $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }') $(awk '{ printf "%s=%s ", $1, $2 }' "$SIM/stats")"
	echo "$BENCH_LINE"
	rm -f /tmp/bench.read /tmp/bench.read.sha256
}

# bench_stat KEY: a counter from the last BENCH_LINE (0 if absent)
bench_stat() {
	v=$(echo "$BENCH_LINE" | tr ' ' '\n' | sed -n "s/^$1=//p")
	echo "${v:-0}"
}

bench_erases() {
	echo $(($(bench_stat op_20) + $(bench_stat op_21) + $(bench_stat op_52) +
		$(bench_stat op_5c) + $(bench_stat op_d8) + $(bench_stat op_dc)))
}

bench_programs() {
	echo $(($(bench_stat op_02) + $(bench_stat op_12)))
}

# bench_model_ns: bus_ns + busy_ns + messages x overhead of the last run
bench_model_ns() {
	echo $(($(bench_stat bus_ns) + $(bench_stat busy_ns) + $(bench_stat messages) * BENCH_OVH_NS))
}

# make_images LEN: /tmp/bench.{old,A,B}; B = A with CHANGE re-randomised
make_images() {
	BENCH_LEN=$1
	BENCH_CHG_OFF=${BENCH_CHG_OFF:-$((BENCH_LEN - BENCH_LEN / 8 + BENCH_LEN / 32))}
	BENCH_CHG_LEN=${BENCH_CHG_LEN:-$((BENCH_LEN / 32))}
	bf_mkimage /tmp/bench.old "$BENCH_LEN" 7 &&
	bf_mkimage /tmp/bench.A "$BENCH_LEN" 2025 &&
	bf_mkimage /tmp/bench.B "$BENCH_LEN" 2025 "$BENCH_CHG_OFF" "$BENCH_CHG_LEN"
}

# scenario SC: sets OLD NEW for it
scenario() {
	case $1 in
	S1) OLD=/tmp/bench.old NEW=/tmp/bench.A ;;
	S2) OLD=/tmp/bench.A NEW=/tmp/bench.B ;;
	S3) OLD=/tmp/bench.A NEW=/tmp/bench.A ;;
	S4) OLD=ff NEW=/tmp/bench.A ;;
	esac
}
