#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# run.sh stock|debug|debug-dt|debug-dt-VARIANT|stock-ctl|stock-ctl-VARIANT|arm|all|demo|bench
# Build the modules and tests for a kernel, pack an initramfs, boot it in
# QEMU under TCG (no KVM: it fails in nested machines) and judge the run: any
# failed test, a missing result line, or any BUG/WARNING/Call Trace/KASAN/
# lockdep/kmemleak report in the guest's kernel log fails it.  Ends with the
# line "N passed, N failed".  debug-dt boots the debug kernel once on the
# plain test base and once per overlay variant below (debug-dt-VARIANT: that
# one only).  stock-ctl boots the stock kernel once per controller variant
# below, the simulated controller holding the driver to its constraints
# (stock-ctl-VARIANT: that one only).  BF_TESTS="T1 T2" boots the chosen kernel with those tests in
# place of the suite's list (a developer's short loop).
set -euo pipefail

mode=${1:-all}
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
cache=${BIOSFLASH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/biosflash}
out=$top/selftests/out
mkdir -p "$out"
rm -f "$out/failures.txt"
splat='BUG:|WARNING:|INFO:|Call Trace|KASAN|DEBUG_LOCKS_WARN_ON|locking correctness validator|suspected memory leak|unreferenced object|Oops|Kernel panic|general protection fault'
# The one expected line: the overlay core prints it (pr_err) for every
# property of a base node an overlay changes, because that property's old
# value cannot be freed on removal (add_changeset_property(),
# drivers/of/overlay.c; drivers/of/unittest.c expects it too).  The
# run-time overlay test changes two "status" properties per overlay.
splat_expected='OF: overlay: WARNING: memory leak will occur if overlay removed, property: /soc/spi/'

# kernel_setup NAME: sets KIMG KREL MODROOT KDIR
kernel_setup() {
	case $1 in
	stock)
		local root
		root=$(readlink -f "$cache/stock")
		KIMG=$(ls "$root"/boot/vmlinuz-* | head -n 1)
		KREL=${KIMG##*/vmlinuz-}
		MODROOT=$root
		KDIR=$root/usr/src/linux-headers-$KREL
		;;
	debug)
		KDIR=$("$here/build-kernel.sh")
		KIMG=$KDIR/arch/x86/boot/bzImage
		KREL=$(cat "$KDIR/include/config/kernel.release")
		MODROOT=$KDIR/mods
		;;
	*)
		echo "run.sh: unknown kernel $1" >&2
		exit 2
		;;
	esac
}

# build_modules NAME: out-of-tree build in a private copy (the two kernels
# must not share object files); warnings are errors here.
build_modules() {
	# one object tree per kernel, inside the work tree: copies of the
	# tree may run at the same time, and the shared cache holds only
	# kernels (Documentation/testing.rst)
	OBJ=$out/obj-$1
	INITRD_FOR=
	[ -z "${BF_PREBUILT:-}" ] || return 0
	mkdir -p "$OBJ"
	rsync -a --delete --exclude .git --exclude selftests/out "$top/" "$OBJ/"
	make -s -C "$KDIR" M="$OBJ" W=1 modules 2>&1 | tee "$out/build-$1.log"
	if grep -q 'warning:' "$out/build-$1.log"; then
		echo "run.sh: the module build for $1 has warnings" >&2
		exit 1
	fi
}

# build_tests: the test programs, the tool and the benchmark into an empty
# out/bin, so no stale binary is ever packed; any build error stops the run
build_tests() {
	[ -z "${BF_PREBUILT:-}" ] || return 0
	rm -rf "$out/bin"
	make -s -C "$top/selftests" OUT="$out/bin" >&2
	make -s -C "$top/userspace" OUT="$out/bin" >&2
	make -s -C "$top/selftests/bench" OUT="$out/bin" >&2
	runtime_overlays
}

# runtime_overlays: each overlay variant as the Pi's dtoverlay command hands
# it to the kernel at run time (parameters applied, base references left
# for the kernel), with its parameters, for biosflash_dt_runtime.sh
runtime_overlays() {
	local v name
	dtc -q -@ -I dts -O dtb -o "$out/biosflash.dtbo" \
		"$top/dts-overlays/biosflash-overlay.dts"
	for v in "${dt_variants[@]}"; do
		# shellcheck disable=SC2086 # the parameters are words
		set -- $v
		name=$1
		shift
		"$top/selftests/dt/dtoverlay.py" --runtime "$out/biosflash.dtbo" \
			"$out/bin/overlay-$name.dtbo" "$@"
		echo "$*" > "$out/bin/overlay-$name.params"
	done
}

# dtb NAME: compile selftests/dt/NAME.dts; prints the .dtb path
dtb() {
	dtc -q -@ -I dts -O dtb -o "$out/$1.dtb" "$top/selftests/dt/$1.dts"
	echo "$out/$1.dtb"
}

# The biosflash overlay variants, "NAME [PARAM...]": suite debug-dt-NAME
# boots the test base with the overlay applied with PARAMs, which the guest
# also gets as bf.dtparams=P1,P2 to derive what it must see.
# Parameters that do not interact share a boot: spi0-1 with speed and
# shifter_1v8 (io_1v8's other name), io_1v8 with wp_gpio.
dt_variants=(
	"default"
	"spi0-1 spi0-1 speed=20000000 shifter_1v8"
	"io_voltage io_voltage=1800000"
	"wp_gpio io_1v8 wp_gpio=17"
)

# Controller variants: NAME then flashsim parameters (Documentation/
# flashsim.rst), passed to every flashsim load of the boot (bf.simargs,
# selftests/lib.sh).  pi4: the Raspberry Pi 4's DMA transfer limit
# (drivers/spi/spi-bcm2835.c); xfer4k and xfer64: small transfer limits,
# xfer64 below a page; msg4k: a message limit under a larger transfer
# limit; clk4m: a controller that cannot clock faster than 4 MHz.
ctl_variants=(
	"pi4 max_xfer=65532"
	"xfer4k max_xfer=4096"
	"xfer64 max_xfer=64"
	"msg4k max_xfer=65532 max_msg=4096"
	"clk4m ctlr_max_hz=4000000"
)

# run_ctl [VARIANT]: the stock kernel, once per controller variant
run_ctl() {
	local only=${1:-} v name params found=
	for v in "${ctl_variants[@]}"; do
		[ "${v%% *}" = "${only:-${v%% *}}" ] && found=1
	done
	if [ -z "$found" ]; then
		echo "run.sh: no controller variant '$only'" >&2
		exit 2
	fi
	kernel_setup stock
	build_modules stock
	build_tests
	for v in "${ctl_variants[@]}"; do
		read -r name params <<< "$v"
		[ -z "$only" ] || [ "$only" = "$name" ] || continue
		BOOT_APPEND="bf.simargs=${params// /,}" \
			boot stock "stock-ctl-$name"
		tally "stock/stock-ctl-$name ($params)"
	done
}

# dtb_overlay NAME PARAM...: test base + biosflash overlay, as the Pi
# firmware applies it with PARAMs; prints the .dtb path
dtb_overlay() {
	local name=$1 base
	shift
	base=$(dtb test-base)
	dtc -q -@ -I dts -O dtb -o "$out/biosflash.dtbo" \
		"$top/dts-overlays/biosflash-overlay.dts"
	"$top/selftests/dt/dtoverlay.py" "$base" "$out/biosflash.dtbo" \
		"$out/dt-$name.dtb" "$@"
	echo "$out/dt-$name.dtb"
}

# boot NAME SUITE [QEMU ARGS...]: sets RES_PASS RES_FAIL
boot() {
	local k=$1 suite=$2
	shift 2
	local log=$out/$suite-$k.log initrd=$out/initrd-$k${LANE:+-$LANE}.cpio.gz
	if [ "$INITRD_FOR" != "$k" ]; then
		"$here/mkinitramfs.sh" "$initrd" "$KREL" "$MODROOT" "$OBJ" "$out/bin"
		INITRD_FOR=$k
	fi
	echo "run.sh: booting the $k kernel ($KREL) for suite '$suite'" >&2
	set +e
	timeout "${BF_VM_TIMEOUT:-3600}" qemu-system-x86_64 -accel tcg -smp 2 -m 2048 \
		-nographic -no-reboot -kernel "$KIMG" -initrd "$initrd" \
		-append "console=ttyS0 panic=-1 loglevel=4 log_buf_len=16M bf.suite=$suite${BF_TESTS:+ bf.tests=${BF_TESTS// /,}}${BOOT_APPEND:+ $BOOT_APPEND}" \
		"$@" < /dev/null 2>&1 | stdbuf -oL tr -d '\r' | tee "$log" |
		if [ "$suite" = demo ] || [ -n "${BF_VERBOSE:-}" ]; then cat; else
			grep --line-buffered -E '^(  )?(not ok|# .*: [0-9]+ passed|BFRESULT)' || true; fi
	local qrc=${PIPESTATUS[0]}
	set -e
	local res why
	res=$(grep -a "^BFRESULT" "$log" | tail -n 1 || true)
	if [ -z "$res" ]; then
		case $qrc in
		124) why="timed out after ${BF_VM_TIMEOUT:-3600} s" ;;
		137) why="QEMU was killed (SIGKILL: out of host memory?)" ;;
		0) why="the guest ended without a result (kernel crash or reboot)" ;;
		*) why="QEMU exited $qrc" ;;
		esac
		echo "run.sh: $k/$suite: no result line: $why; see $log" >&2
		# the end of the serial log says why; CI shows the end of the run
		{
			echo "$k/$suite: no result line: $why; the last lines of its serial log:"
			tail -n 25 "$log" | sed 's/^/    /'
		} >> "$out/failures.txt"
		RES_PASS=0 RES_FAIL=1
		return
	fi
	RES_PASS=$(echo "$res" | sed 's/.*passed=\([0-9]*\).*/\1/')
	RES_FAIL=$(echo "$res" | sed 's/.*failed=\([0-9]*\).*/\1/')
	if [ "$RES_PASS" = 0 ]; then
		echo "run.sh: $k/$suite: the boot passed no test" >&2
		RES_FAIL=$((RES_FAIL + 1))
	fi
	sed -n '/^BFDMESG-BEGIN/,/^BFDMESG-END/p' "$log" > "$out/$suite-$k.dmesg"
	if ! grep -q '^BFDMESG-END' "$out/$suite-$k.dmesg"; then
		echo "run.sh: $k/$suite: kernel log incomplete" >&2
		RES_FAIL=$((RES_FAIL + 1))
	# test output is indented by guest-runner.sh; everything else is the
	# kernel (console messages and the full dmesg dump)
	elif grep -anv '^  ' "$log" | grep -avF "$splat_expected" |
		grep -aE "$splat" > "$out/$suite-$k.splat"; then
		echo "run.sh: $k/$suite: kernel reports in the guest log:" >&2
		head -n 20 "$out/$suite-$k.splat" >&2
		RES_FAIL=$((RES_FAIL + 1))
	fi
	if [ "$RES_FAIL" != 0 ]; then
		{
			echo "$k/$suite: $RES_FAIL failed:"
			grep -a '^  not ok\|^# [^ ]*: \(no plan\|plan \|ran \|runs a\|timed out\|exited\|SKIP not\)' "$log" | sed 's/^ */    /'
			[ ! -s "$out/$suite-$k.splat" ] || head -n 5 "$out/$suite-$k.splat" | sed 's/^/    /'
		} >> "$out/failures.txt"
	fi
}

total_pass=0 total_fail=0 INITRD_FOR=
tally() {
	echo "run.sh: $1: $RES_PASS passed, $RES_FAIL failed" >&2
	total_pass=$((total_pass + RES_PASS))
	total_fail=$((total_fail + RES_FAIL))
}

run_kernel() {
	local k=$1 suite=${2:-$1}
	shift 2 || shift
	kernel_setup "$k"
	build_modules "$k"
	build_tests
	boot "$k" "$suite" "$@"
	tally "$k/$suite"
}

# run_dt [VARIANT]: the debug kernel on the device tree; with no VARIANT the
# plain test base (flashsim_dt.sh) and every overlay variant, one boot each
# on one build and one initramfs.
run_dt() {
	local only=${1:-} v name params d found=
	for v in "${dt_variants[@]}"; do
		[ "${v%% *}" = "${only:-${v%% *}}" ] && found=1
	done
	if [ -z "$found" ]; then
		echo "run.sh: no overlay variant '$only'" >&2
		exit 2
	fi
	kernel_setup debug
	build_modules debug
	build_tests
	if [ -z "$only" ]; then
		d=$(dtb test-base)
		boot debug debug-dt -dtb "$d"
		tally debug/debug-dt
	fi
	for v in "${dt_variants[@]}"; do
		read -r name params <<< "$v"
		[ -z "$only" ] || [ "$only" = "$name" ] || continue
		# shellcheck disable=SC2086 # PARAMs are words
		d=$(dtb_overlay "$name" $params)
		BOOT_APPEND="bf.dtparams=${params// /,}" \
			boot debug "debug-dt-$name" -dtb "$d"
		tally "debug/debug-dt-$name${params:+ ($params)}"
	done
}

# The debug kernel runs bf_fuzz with 1500 calls instead of 4000: under KASAN
# and TCG each call costs about twenty times as much (testing.rst, "Time
# budget"); and a test may take 1500 s there, not 900 (the fault matrix
# takes about 1100 s with the other lane running).
DEBUG_APPEND="BF_FUZZ_COUNT=1500 BF_TEST_TIMEOUT=1500"

# run_arm: the 32-bit arm lane (arm.sh), as one more boot set
run_arm() {
	local res
	res=$("$here/arm.sh" | tail -n 1) || true
	RES_PASS=$(echo "$res" | sed -n 's/^\([0-9]*\) passed, .*/\1/p')
	RES_FAIL=$(echo "$res" | sed -n 's/.* passed, \([0-9]*\) failed$/\1/p')
	if [ -z "$RES_PASS" ] || [ -z "$RES_FAIL" ]; then
		RES_PASS=0 RES_FAIL=1
		echo "arm: arm.sh gave no total" >> "$out/failures.txt"
	elif [ "$RES_FAIL" != 0 ]; then
		sed 's/^/arm: /' "$out/arm/failures.txt" >> "$out/failures.txt" || true
	fi
	tally "arm (ast2600-evb)"
}

case $mode in
stock) run_kernel stock ;;
arm) run_arm ;;
debug) BOOT_APPEND=$DEBUG_APPEND run_kernel debug ;;
debug2) BOOT_APPEND=$DEBUG_APPEND run_kernel debug debug2 ;;
debug-dt) run_dt ;;
debug-dt-*) run_dt "${mode#debug-dt-}" ;;
stock-ctl) run_ctl ;;
stock-ctl-*) run_ctl "${mode#stock-ctl-}" ;;
all)
	# Two lanes, one per host core: a guest's tests are mostly one process
	# at a time, so a VM keeps about one core busy.  Lane a: the stock
	# kernel, the debug kernel's second boot (debug2) and the device-tree
	# boots; lane b: the debug kernel's main boot and the controller
	# variants, about as long (Documentation/testing.rst, "Time budget").
	# All builds happen first, so the lanes share nothing but read-only
	# files.
	build_tests
	kernel_setup stock
	build_modules stock
	kernel_setup debug
	build_modules debug
	export BF_PREBUILT=1
	rm -f "$out"/lane-?.total
	(
		LANE=a
		run_kernel stock
		BOOT_APPEND=$DEBUG_APPEND run_kernel debug debug2
		run_dt
		run_arm
		echo "$total_pass $total_fail" > "$out/lane-a.total"
	) 2>&1 | sed -u 's/^/[a] /' &
	(
		LANE=b
		BOOT_APPEND=$DEBUG_APPEND run_kernel debug
		run_ctl
		echo "$total_pass $total_fail" > "$out/lane-b.total"
	) 2>&1 | sed -u 's/^/[b] /' &
	wait
	for l in a b; do
		if [ -s "$out/lane-$l.total" ]; then
			read -r p f < "$out/lane-$l.total"
		else
			echo "run.sh: lane $l gave no total" >&2
			p=0 f=1
		fi
		total_pass=$((total_pass + p)) total_fail=$((total_fail + f))
	done
	;;
demo) run_kernel stock demo ;;
bench)
	# Documentation/benchmark.rst.  The guest prints its results between
	# BFBENCH-BEGIN/END (indented by guest-runner.sh); they are cut out of
	# the serial log into results/bench/ and turned into bench.md/png.
	# BENCH_* and BF_TEST_TIMEOUT reach the guest's init as environment.
	BF_VM_TIMEOUT=${BF_VM_TIMEOUT:-14400}
	BOOT_APPEND="BF_TEST_TIMEOUT=${BF_TEST_TIMEOUT:-14000}"
	for v in BENCH_HZ BENCH_CLIENTS BENCH_SCENARIOS BENCH_LEN BENCH_OVH_NS; do
		eval "val=\${$v:-}"
		# shellcheck disable=SC2154 # set by the eval
		[ -z "$val" ] || BOOT_APPEND="$BOOT_APPEND $v=${val// /,}"
	done
	export BF_VM_TIMEOUT BOOT_APPEND
	run_kernel stock bench
	res=$top/results/bench
	mkdir -p "$res"
	sed -n '/^  BFBENCH-BEGIN/,/^  BFBENCH-END/s/^  //p' "$out/bench-stock.log" > "$res/raw.txt"
	python3 "$top/selftests/bench/report.py" "$res/raw.txt" "$res" "$out/bin" ||
		total_fail=$((total_fail + 1))
	;;
*)
	echo "usage: run.sh stock|debug|debug2|debug-dt|debug-dt-VARIANT|stock-ctl|stock-ctl-VARIANT|arm|all|demo|bench" >&2
	exit 2
	;;
esac
# what failed in each boot (a boot without a result: the end of its serial
# log), last: CI shows only the end of a run's output
if [ -s "$out/failures.txt" ]; then
	echo "run.sh: what failed, by boot:" >&2
	cat "$out/failures.txt" >&2
fi
if [ "$total_pass" = 0 ]; then
	echo "run.sh: no test passed" >&2
	total_fail=$((total_fail + 1))
fi
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" = 0 ]
