#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Helpers for the shell tests that run inside the test VM: KTAP output, the
# simulator's debugfs controls (the independent truth) and module set-up.

BF_N=0
BF_FAILED=0
BF_PLAN=

# t_plan N: the KTAP plan, before the first result.  guest-runner.sh fails a
# script whose plan is missing, comes after a result, or is not what ran;
# t_done fails it here too.  Scripts compute N from their own tables.
t_plan() {
	if [ "$BF_N" != 0 ] || [ -n "$BF_PLAN" ]; then
		echo "# t_plan after $BF_N results"
		exit 1
	fi
	BF_PLAN=$1
	echo "1..$1"
}

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

# t_skip NAME REASON: never a pass; guest-runner.sh fails it unless
# "SUITE SCRIPT REASON" is a line of selftests/vm/skip-allow
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

# errno_text ENAME: glibc's strerror() text for ENAME, which busybox,
# mtd-utils and flashrom print after a failed call (perror, %m)
errno_text() {
	case $1 in
	EPERM) echo "Operation not permitted" ;;
	ENOENT) echo "No such file or directory" ;;
	EINTR) echo "Interrupted system call" ;;
	EIO) echo "Input/output error" ;;
	ENXIO) echo "No such device or address" ;;
	EAGAIN | EWOULDBLOCK) echo "Resource temporarily unavailable" ;;
	ENOMEM) echo "Cannot allocate memory" ;;
	EACCES) echo "Permission denied" ;;
	EFAULT) echo "Bad address" ;;
	EBUSY) echo "Device or resource busy" ;;
	EEXIST) echo "File exists" ;;
	ENODEV) echo "No such device" ;;
	EINVAL) echo "Invalid argument" ;;
	EFBIG) echo "File too large" ;;
	ENOSPC) echo "No space left on device" ;;
	EROFS) echo "Read-only file system" ;;
	ERANGE) echo "Numerical result out of range" ;;
	EOPNOTSUPP) echo "Operation not supported" ;;
	ETIMEDOUT) echo "Connection timed out" ;;
	ESHUTDOWN) echo "Cannot send after transport endpoint shutdown" ;;
	EBADMSG) echo "Bad message" ;;
	*) echo "errno_text: unknown $1" >&2; return 1 ;;
	esac
}

# t_errno NAME ENAME CMD...: passes when CMD exits non-zero and its output
# names the error ENAME (its strerror text): a failure for the wrong reason
# does not pass
t_errno() {
	name=$1 want=$2
	shift 2
	txt=$(errno_text "$want") || { t_fail "$name" "bad errno name $want"; return 0; }
	if "$@" > /tmp/t_run.out 2>&1; then
		t_fail "$name" "command unexpectedly succeeded: $*"
	elif grep -qF "$txt" /tmp/t_run.out; then
		t_ok "$name"
	else
		t_fail "$name" "failed, but not with $want ($txt): $*"
		sed 's/^/# /' /tmp/t_run.out | tail -n 5
	fi
}

# t_false NAME test|grep ARGS...: a predicate that must be false (exit 1).
# Only for test and grep, whose exit 1 means "false" and 2 an error; a
# command expected to fail is t_errno's.
t_false() {
	name=$1
	shift
	case $1 in
	test | grep) ;;
	*) t_fail "$name" "t_false takes test or grep, not $1"; return 0 ;;
	esac
	"$@" > /tmp/t_run.out 2>&1
	rc=$?
	if [ "$rc" = 1 ]; then
		t_ok "$name"
	else
		t_fail "$name" "predicate exited $rc, expected 1 (false): $*"
	fi
}

# t_done: the end of a script; fails it when it ran other than its plan
t_done() {
	if [ -z "$BF_PLAN" ]; then
		echo "# no t_plan before the results"
		exit 1
	fi
	if [ "$BF_N" != "$BF_PLAN" ]; then
		echo "# planned $BF_PLAN tests, ran $BF_N"
		exit 1
	fi
	[ "$BF_FAILED" = 0 ] || exit 1
	exit 0
}

# --- simulator -----------------------------------------------------------

SIMROOT=/sys/kernel/debug/flashsim

# The controller's constraints of a controller boot (selftests/vm/run.sh
# ctl_variants): bf.simargs=max_xfer=64,... on the kernel command line, added
# to every flashsim load so that every driver test of the boot meets them.
SIMARGS=$(sed -n 's/.*bf\.simargs=\([^ ]*\).*/\1/p' /proc/cmdline | tr , ' ')

# sim_arg NAME: the value of NAME in bf.simargs, empty if not set
sim_arg() {
	for a in $SIMARGS; do
		[ "${a%%=*}" = "$1" ] && echo "${a#*=}"
	done
	return 0
}

# sim_load PARAMS...: load flashsim with the boot's bf.simargs, then PARAMS
# (a later value wins), and set SIM to its first chip's directory
sim_load() {
	# shellcheck disable=SC2086 # SIMARGS are words
	modprobe flashsim $SIMARGS "$@" || return 1
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

# sim_assert_bus_discipline NAME: one test result, ok when, since the last
# sim_reset_stats, the host sent the chip no command but a status read
# while it was busy (stats cmds_while_busy) and no command after a
# program, erase or status write whose end no status read had shown
# (unobserved_ends), and read no data with 03h/13h above the chip's fR
# (reads_above_fr); Documentation/flashsim.rst, "Counters".  Counts as
# one test in the script's plan.
sim_assert_bus_discipline() {
	b=$(sim_stat cmds_while_busy) u=$(sim_stat unobserved_ends)
	r=$(sim_stat reads_above_fr)
	if [ "$b" = 0 ] && [ "$u" = 0 ] && [ "$r" = 0 ]; then
		t_ok "$1"
	else
		t_fail "$1" "cmds_while_busy $b, unobserved_ends $u, reads_above_fr $r (all must be 0)"
	fi
}

# bf_real_time_round_trip NAME MTD OFF [BUSY_TIME]: two test results.  With
# the chip at its datasheet busy times in real time (busy_div=1), the
# maximum ones unless BUSY_TIME says otherwise (flashsim busy_time: 0
# typical, 1 maximum, 2 random), erase, write and read back 64 KiB
# at OFF of MTD (/dev/mtdN, its sysfs protect attribute in
# /sys/class/mtd/mtdN) and lock then unlock (two status writes): the
# simulator's array holds the data and the protection is "none" again
# (NAME_real_time_round_trip), and the host kept the bus discipline
# (NAME_real_time_bus_discipline, sim_assert_bus_discipline).  Needs an
# unprotected chip; leaves busy_div and busy_time as they were.
bf_real_time_round_trip() {
	rt_div=$(cat "$SIM/busy_div") rt_p=/sys/class/mtd/${2#/dev/}/protect
	rt_bt=$(cat "$SIM/busy_time")
	head -c 65536 /dev/urandom > /tmp/rt
	echo 1 > "$SIM/busy_div"
	echo "${4:-1}" > "$SIM/busy_time"
	sim_reset_stats
	rt_ok=yes
	mtd_debug erase "$2" "$3" 65536 > /dev/null 2>&1 || rt_ok="erase failed"
	mtd_debug write "$2" "$3" 65536 /tmp/rt > /dev/null 2>&1 ||
		rt_ok="write failed"
	mtd_debug read "$2" "$3" 65536 /tmp/rt.back > /dev/null 2>&1 ||
		rt_ok="read failed"
	cmp -s /tmp/rt /tmp/rt.back || rt_ok="read back differs"
	dd if="$SIM/image" bs=65536 skip=$(($3 / 65536)) count=1 2>/dev/null |
		cmp -s - /tmp/rt || rt_ok="simulator array differs"
	{ echo lock > "$rt_p" && echo unlock > "$rt_p"; } 2>/dev/null ||
		rt_ok="lock/unlock failed"
	[ "$(cat "$rt_p")" = none ] || rt_ok="protect reads $(cat "$rt_p")"
	[ $(($(sim_stat op_01) + $(sim_stat op_31) + $(sim_stat op_11))) -ge 2 ] ||
		rt_ok="no two status writes"
	if [ "$rt_ok" = yes ]; then
		t_ok "$1_real_time_round_trip"
	else
		t_fail "$1_real_time_round_trip" "$rt_ok"
	fi
	sim_assert_bus_discipline "$1_real_time_bus_discipline"
	echo "$rt_div" > "$SIM/busy_div"
	echo "$rt_bt" > "$SIM/busy_time"
	rm -f /tmp/rt /tmp/rt.back
}

# sim_real_time_round_trip NAME SPIDEV OFF: two test results, for suites
# that reach the chip through spidev.  At the datasheet's maximum busy
# times in real time (busy_div=1, busy_time=1), raw commands (bf_spi): two
# status writes (BP2..0 set, then cleared), a 4 KiB erase (20h) and a page
# program at OFF (3-byte addresses after E9h: OFF below 16 MiB), then the
# page read back.  The simulator's image must hold the page
# and 0xFF in the rest of the sector (zeroed before), SR1 must read 0x00
# (NAME_real_time_round_trip), and bf_spi's polling must have kept the bus
# discipline (NAME_real_time_bus_discipline).  Leaves busy_div and busy_time
# as they were.
sim_real_time_round_trip() {
	rt_div=$(cat "$SIM/busy_div") rt_bt=$(cat "$SIM/busy_time")
	echo 1 > "$SIM/busy_div"
	echo 1 > "$SIM/busy_time"
	head -c 256 /dev/urandom > /tmp/rt
	head -c 4096 /dev/zero | dd of="$SIM/image" bs=4096 seek=$(($3 / 4096)) \
		conv=notrunc 2>/dev/null
	rt_hex=$(od -An -v -tx1 /tmp/rt | tr -d ' \n')
	rt_want=$(od -An -v -tx1 /tmp/rt | tr -s ' \n' '  ' | sed 's/^ //; s/ $//')
	sim_reset_stats
	rt_ok=yes
	/tests/bf_spi "$2" cmd 0xe9 wrsr 1c wrsr 00 erase 0x20 "$3" pp "$3" "$rt_hex" \
		> /dev/null 2> /tmp/rt.err || rt_ok="bf_spi: $(cat /tmp/rt.err)"
	[ "$(/tests/bf_spi "$2" read "$3" 256 2>&1)" = "$rt_want" ] ||
		rt_ok="read back differs"
	dd if="$SIM/image" bs=256 skip=$(($3 / 256)) count=1 2>/dev/null |
		cmp -s - /tmp/rt || rt_ok="simulator array differs"
	[ "$(dd if="$SIM/image" bs=256 skip=$(($3 / 256 + 1)) count=15 \
		2>/dev/null | tr -d '\377' | wc -c)" = 0 ] ||
		rt_ok="sector not erased"
	[ "$(cat "$SIM/sr1")" = 0x00 ] || rt_ok="SR1 reads $(cat "$SIM/sr1")"
	[ "$(sim_stat op_01)" = 2 ] && [ "$(sim_stat op_20)" = 1 ] ||
		rt_ok="not two status writes and one erase"
	if [ "$rt_ok" = yes ]; then
		t_ok "$1_real_time_round_trip"
	else
		t_fail "$1_real_time_round_trip" "$rt_ok"
	fi
	sim_assert_bus_discipline "$1_real_time_bus_discipline"
	echo "$rt_div" > "$SIM/busy_div"
	echo "$rt_bt" > "$SIM/busy_time"
	rm -f /tmp/rt /tmp/rt.err
}

# bf_real_time_fresh NAME: two test results; bf_real_time_round_trip at
# 4 MiB on a freshly loaded W25Q256JW under biosflash, each busy time a
# seeded pick between typical and maximum (the seed from NAME, so a suite
# repeats its own), then both unloaded
bf_real_time_fresh() {
	sim_unload
	if sim_load chips=w25q256jw && modprobe biosflash io_mv=1800 &&
		[ -c /dev/mtd0 ]; then
		rt_seed=$(printf '%s' "$1" | sha256sum | cut -c1-4)
		echo $((0x$rt_seed + 1)) > "$SIM/fault_seed"
		bf_real_time_round_trip "$1" /dev/mtd0 4194304 2
	else
		t_fail "$1_real_time_round_trip" "setup"
		t_fail "$1_real_time_bus_discipline" "setup"
	fi
	sim_unload
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
# dt_params PARAM...: what the biosflash overlay's parameters ask for, as
# cs, speed, io_mv and wp (their defaults: the overlay's); 1, with the
# parameter in DT_UNKNOWN, for one no test knows how to judge
dt_params() {
	cs=0 speed=8000000 io_mv=3300 wp= DT_UNKNOWN=
	for p in "$@"; do
		case $p in
		spi0-0) cs=0 ;;
		spi0-1) cs=1 ;;
		speed=*) speed=${p#*=} ;;
		io_voltage=*) io_mv=$((${p#*=} / 1000)) ;;
		io_1v8 | shifter_1v8) io_mv=1800 ;;
		io_3v3) io_mv=3300 ;;
		wp_gpio=*) wp=${p#*=} ;;
		*)
			DT_UNKNOWN=$p
			return 1
			;;
		esac
	done
}

klog_mark() {
	KLOG_MARK=$(dmesg | wc -l)
}

klog() {
	dmesg | tail -n +$((KLOG_MARK + 1))
}
