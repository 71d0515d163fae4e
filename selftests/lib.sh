#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Helpers for the shell tests that run inside the test VM: KTAP output, the
# simulator's debugfs controls (the independent truth) and module set-up.

BF_N=0
BF_FAILED=0

t_ok() {
	BF_N=$((BF_N + 1))
	echo "ok $BF_N $1"
}

t_fail() {
	BF_N=$((BF_N + 1))
	BF_FAILED=$((BF_FAILED + 1))
	echo "not ok $BF_N $1"
	shift
	[ $# -gt 0 ] && echo "# $*"
	return 0
}

t_skip() {
	BF_N=$((BF_N + 1))
	echo "ok $BF_N $1 # SKIP $2"
}

# t_eq NAME ACTUAL EXPECTED
t_eq() {
	if [ "$2" = "$3" ]; then
		t_ok "$1"
	else
		t_fail "$1" "got '$2', expected '$3'"
	fi
}

# t_run NAME CMD...: passes when CMD exits 0
t_run() {
	name=$1
	shift
	if "$@" > /tmp/t_run.out 2>&1; then
		t_ok "$name"
	else
		t_fail "$name" "command failed: $*"
		sed 's/^/# /' /tmp/t_run.out | tail -n 20
	fi
}

# t_fails NAME CMD...: passes when CMD exits non-zero
t_fails() {
	name=$1
	shift
	if "$@" > /tmp/t_run.out 2>&1; then
		t_fail "$name" "command unexpectedly succeeded: $*"
	else
		t_ok "$name"
	fi
}

t_done() {
	echo "1..$BF_N"
	[ "$BF_FAILED" = 0 ] || exit 1
	exit 0
}

# --- simulator -----------------------------------------------------------

SIMROOT=/sys/kernel/debug/flashsim

# sim_load PARAMS...: load flashsim and set SIM to its first chip's directory
sim_load() {
	modprobe flashsim "$@" || return 1
	SIM=$(ls -d $SIMROOT/spi*.* 2>/dev/null | head -n 1)
	SIMDEV=$(basename "$SIM")
	[ -n "$SIM" ]
}

sim_unload() {
	rmmod biosflash 2>/dev/null
	rmmod flashsim 2>/dev/null
	return 0
}

# sim_stat NAME: one counter from the simulator's stats file (0 if absent)
sim_stat() {
	v=$(awk -v k="$1" '$1 == k { print $2 }' "$SIM/stats")
	echo "${v:-0}"
}

sim_reset_stats() {
	echo 0 > "$SIM/stats"
}

# sim_hash [LEN]: sha256 of the simulated array (whole chip by default)
sim_hash() {
	if [ -n "$1" ]; then
		head -c "$1" "$SIM/image" | sha256sum | cut -d' ' -f1
	else
		sha256sum < "$SIM/image" | cut -d' ' -f1
	fi
}

file_hash() {
	sha256sum < "$1" | cut -d' ' -f1
}

# bind_spidev: hand the simulated chip to spidev; sets SPIDEV
bind_spidev() {
	d=/sys/bus/spi/devices/$SIMDEV
	# spidev first: loaded after driver_override is set it would bind the
	# device on its own and the explicit bind below would fail with EBUSY
	modprobe spidev 2>/dev/null
	[ -e "$d/driver" ] && echo "$SIMDEV" > "$d/driver/unbind"
	echo spidev > "$d/driver_override"
	echo "$SIMDEV" > /sys/bus/spi/drivers/spidev/bind || return 1
	SPIDEV=/dev/spidev${SIMDEV#spi}
	i=0
	while [ ! -e "$SPIDEV" ] && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	[ -e "$SPIDEV" ]
}

# --- kernel log -----------------------------------------------------------
# Never clear the ring buffer (dmesg -c): the host scans all of it for splats.
# klog_mark remembers where the log is now; klog prints what came after.
KLOG_MARK=0
klog_mark() {
	KLOG_MARK=$(dmesg | wc -l)
}

klog() {
	dmesg | tail -n +$((KLOG_MARK + 1))
}
