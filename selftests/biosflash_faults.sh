#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The fault matrix (Documentation/testing.rst, "Fault matrix"): probe,
# read, erase, program, unlock/lock and verify, each under every simulator
# fault that applies to it.  One test line per scenario, named
# fault.OPERATION.FAULT; it passes only if all of these hold:
#   - the result: the errno of the failing call (bf_faultop), or OK;
#     for verify (flashcp) the errno text or the mismatch it prints
#   - the time: under the bound (timeouts: between the driver's deadline
#     and the deadline plus scheduling slack)
#   - the kernel log: exactly one biosflash line naming the cause, or
#     none where the driver has nothing to report
#   - the simulator's array: no byte outside the requested range changed
#     (compared with the reference image, byte for byte)
#   - the status registers after a power cycle (the non-volatile bits):
#     unchanged, or exactly the protection change that was asked for
#   - the fault really happened (one-shot faults have fired) and the
#     operation did what it says (data read, erased, programmed)
# The run is judged free of kernel splats by selftests/vm/run.sh.
. /tests/lib.sh

OP=/tests/bf_faultop
M=/dev/mtd0
P=/sys/class/mtd/mtd0
DRV=/sys/bus/spi/drivers/biosflash
SZ=33554432
KLOG_EXCLUDE='probe with driver biosflash failed with error'

# Time bounds in ms.  Deadlines are driver/core.c's: twice the maximum time
# (BF_DEADLINE_MARGIN), the maximum from SFDP or the chip table, the longer
# (driver/chips.c).  W25Q256JW: 64 KiB erase SFDP max 3136 ms -> 6272 ms;
# page program 4224 us -> 8 ms; status write 15 ms -> 30 ms.  A chip busy
# at the start of an operation is waited for as long as the longest
# command the driver issues (the 64 KiB erase); at probe, before SFDP is
# read, as long as the default 64 KiB erase (2000 ms -> 4000 ms).
T_ERASE=6272
T_PROBE=4000
T_PP=8		# a page program stuck inside its own wait
T_SR=30		# a status write stuck inside its own wait
T_FIRST=5000	# a failure seen in the first reply: no deadline waited
T_DONE=20000	# a whole 128 KiB operation, within the deadlines of its
		# commands (2 x 6272 ms erase + 512 x 8 ms program)
T_SLACK=2000	# TCG, debug kernel: sleeping and polling overshoot
T_WORK=4000	# pp_after: the good pages before a stuck one (299 took
		# 2.4 s on the debug kernel); still below T_ERASE, so a page
		# program that waited the erase deadline fails the bound
SUFFIX=

# --- set-up ------------------------------------------------------------------

up() {
	sim_unload
	sim_load chips="$1" modalias=flashsim-raw || return 1
	modprobe biosflash io_mv=1800 || return 1
	echo biosflash > "/sys/bus/spi/devices/$SIMDEV/driver_override"
	bind && [ -c $M ] || return 1
	cat /tmp/ref > "$SIM/image"
	CHIP=$1
	opcodes
}

bind() {
	[ -e "/sys/bus/spi/devices/$SIMDEV/driver" ] ||
		echo "$SIMDEV" > $DRV/bind 2>/dev/null
	i=0
	while [ ! -c $M ] && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	[ -c $M ]
}

unbind() {
	[ -e "/sys/bus/spi/devices/$SIMDEV/driver" ] &&
		echo "$SIMDEV" > $DRV/unbind
	return 0
}

# opcodes: which read, program and erase commands the driver sends to this
# chip (dedicated 4-byte ones, or B7h mode): a scratch block is erased,
# programmed and read once, the simulator's counters say which
opcodes() {
	sim_reset_stats
	head -c 256 /tmp/data > /tmp/page
	$OP erase $M 0x1f00000 0x10000 > /dev/null
	$OP write $M 0x1f00000 /tmp/page > /dev/null
	$OP read $M 0x1f00000 256 > /dev/null
	dd if=/tmp/ref of="$SIM/image" bs=65536 skip=496 seek=496 count=1 \
		conv=notrunc 2>/dev/null
	OP_RD=$(used 03 13 0b 0c)
	OP_PP=$(used 02 12)
	OP_SE=$(used d8 dc)
}

used() {
	for o in "$@"; do
		[ "$(sim_stat "op_$o")" != 0 ] && echo "0x$o" && return
	done
}

# nv: the status registers (after a power cycle: their non-volatile bits)
nv() {
	read -r r1 < "$SIM/sr1"
	read -r r2 < "$SIM/sr2"
	read -r r3 < "$SIM/sr3"
	echo "$r1 $r2 $r3"
}

# set_regs SR1 [SR2]: QE read-only 1 (the -IQ part) unless SR2 clears it
set_regs() {
	sr2=${2:-0x02}
	echo $(((sr2 >> 1) & 1)) > "$SIM/qe_fixed" 2>/dev/null	# Winbond only
	echo "$1" > "$SIM/sr1"
	echo "$sr2" > "$SIM/sr2"
	echo 0x60 > "$SIM/sr3"
}

faults_off() {
	echo none > "$SIM/fault_miso"
	for f in fault_stuck_busy fault_ignore_sr_write fault_weak_program \
		fault_read_flip fault_xfer_error fault_power_cycle_op \
		fault_stuck_after fault_miso_after; do
		echo 0 > "$SIM/$f"
	done
	echo any > "$SIM/fault_stuck_on"
	echo 1 > "$SIM/fault_power_cycle_nth"
	echo 1 > "$SIM/wp"
	echo 1000 > "$SIM/busy_div"
}

# range_is FILE: the simulator's array at [OFF, OFF + LEN) equals FILE
range_is() {
	dd if="$SIM/image" bs=65536 skip=$((OFF / 65536)) count=$((LEN / 65536)) \
		2>/dev/null | cmp -s - "$1"
}

range_ff() {
	[ "$(dd if="$SIM/image" bs=65536 skip=$((OFF / 65536)) \
		count=$((LEN / 65536)) 2>/dev/null | tr -d '\377' | wc -c)" = 0 ]
}

# torn_ok OP: a power cut the driver cannot see (no marker on the chip)
# left exactly one unit of the range wrong, the page (program) or the
# 64 KiB block (erase) in progress, and the rest done
torn_ok() {
	if [ "$1" = program ]; then
		want=/tmp/data unit=256
	else
		want=/tmp/ff unit=65536
	fi
	dd if="$SIM/image" bs=65536 skip=$((OFF / 65536)) count=$((LEN / 65536)) \
		2>/dev/null | head -c $((LEN)) | cmp -l - "$want" 2>/dev/null |
		awk -v u=$unit '{ b = int(($1 - 1) / u); if (NR == 1) f = b
			else if (b != f) bad = 1 }
			END { exit (NR == 0 || bad) }'
}

errtext() {
	case $1 in
	ENXIO) echo "No such device or address" ;;
	ETIMEDOUT) echo "Connection timed out" ;;
	EIO) echo "Input/output error" ;;
	EROFS) echo "Read-only file system" ;;
	EPERM) echo "Operation not permitted" ;;
	*) echo "$1" ;;
	esac
}

# --- one scenario ---------------------------------------------------------------

# knob FILE: one simulator control, as it reads back
knob() {
	cat "$SIM/$1" 2>/dev/null
}

# fault_on FAULT: arm it (the registers were set and snapshot before) and
# read the control back: ARMED is "yes" only if the simulator holds it
fault_on() {
	PC= o=
	case $1 in
	miso_high) echo high > "$SIM/fault_miso" ;;
	miso_low) echo low > "$SIM/fault_miso" ;;
	miso_after_*) echo "${1#miso_after_}" > "$SIM/fault_miso_after" ;;
	swap_*)	# between two calls: power off, another chip, power on
		echo "${1#swap_}" > "$SIM/swap_profile"
		NV0=$(nv)
		;;
	stuck_busy) echo 1 > "$SIM/fault_stuck_busy" ;;
	stuck_*_*)	# stuck_KIND_N: the Nth program, erase or status write
		k=${1#stuck_}
		echo "${k%_*}" > "$SIM/fault_stuck_on"
		echo "${1##*_}" > "$SIM/fault_stuck_after"
		;;
	ignore_sr_write) echo 1 > "$SIM/fault_ignore_sr_write" ;;
	wp_low_srp) echo 0 > "$SIM/wp" ;;
	srl) echo 0x03 > "$SIM/sr2" ;;
	weak_program) echo 1 > "$SIM/fault_weak_program" ;;
	read_flip)
		echo 7 > "$SIM/fault_seed"
		echo 1000 > "$SIM/fault_read_flip"
		;;
	xfer_error_*) echo "${1#xfer_error_}" > "$SIM/fault_xfer_error" ;;
	power_cycle_async)
		echo 1 > "$SIM/busy_div"
		PC="-p $SIM/power_cycle@500"
		;;
	power_cycle_*)	# power_cycle_WHAT[_N]: at the Nth such command
		k=${1#power_cycle_} n=1
		case $k in *_[0-9]*) n=${k##*_} k=${k%_*} ;; esac
		case $k in
		read) o=$OP_RD ;;
		program) o=$OP_PP ;;
		erase) o=$OP_SE ;;
		status) o=0x01 ;;
		wren) o=0x06 ;;
		# between the Nth page and the next: at that page's 06h
		between) o=0x06 n=$((n + 1)) ;;
		esac
		echo "$o" > "$SIM/fault_power_cycle_op"
		echo "$n" > "$SIM/fault_power_cycle_nth"
		;;
	esac
	ARMED=no
	case $1 in
	miso_high | miso_low) [ "$(knob fault_miso)" = "${1#miso_}" ] ;;
	miso_after_*) [ "$(knob fault_miso_after)" = "${1#miso_after_}" ] ;;
	swap_*) [ "$(knob model)" = "${1#swap_}" ] ;;
	stuck_busy) [ "$(knob fault_stuck_busy)" = 1 ] ;;
	stuck_*_*)
		k=${1#stuck_}
		[ "$(knob fault_stuck_on)" = "${k%_*}" ] &&
			[ "$(knob fault_stuck_after)" = "${1##*_}" ]
		;;
	ignore_sr_write) [ "$(knob fault_ignore_sr_write)" = 1 ] ;;
	wp_low_srp) [ "$(knob wp)" = 0 ] && [ $(($(knob sr1) & 0x80)) != 0 ] ;;
	srl) [ $(($(knob sr2) & 0x01)) = 1 ] ;;
	weak_program) [ "$(knob fault_weak_program)" = 1 ] ;;
	read_flip) [ "$(knob fault_read_flip)" = 1000 ] ;;
	xfer_error_*) [ "$(knob fault_xfer_error)" = "${1#xfer_error_}" ] ;;
	power_cycle_async) [ "$(knob busy_div)" = 1 ] && [ -n "$PC" ] ;;
	# an empty opcode would leave 0x00, which reads the same as disarmed
	power_cycle_*) [ -n "$o" ] && [ $(($(knob fault_power_cycle_op))) = $((o)) ] &&
		[ "$(knob fault_power_cycle_nth)" = "$n" ] ;;
	*) false ;;
	esac && ARMED=yes
	sim_reset_stats
}

# meets OP FAULT: whether the operation runs into a continuous fault at
# all: every operation reads the status register (MISO, BUSY); flips need
# array reads, a weak program a page program, ignored status writes an
# unlock or lock
meets() {
	case $2 in
	miso_* | stuck_busy) true ;;
	read_flip) [ "$1" = read ] || [ "$1" = verify ] ;;
	weak_program) [ "$1" = program ] || [ "$1" = verify ] ;;
	ignore_sr_write) [ "$1" = unlock ] || [ "$1" = lock ] ;;
	*) false ;;
	esac
}

# fired OP FAULT: the fault was armed (read back by fault_on) and did what
# it injects, by the simulator's own counters since arming: a one-shot
# fault is used up and counted (a message failed, a power cut); a
# continuous one is counted exactly when the operation meets it (and not at
# all when it does not: the row then shows the fault changes nothing); a
# pin or register state (WP#, SRL) is proven by its read-back alone.
fired() {
	[ "$ARMED" = yes ] || { echo "not armed"; return 1; }
	f=$(sim_stat faults) pc=$(sim_stat power_cycles)
	case $2 in
	xfer_error_*)
		[ "$(knob fault_xfer_error)" = 0 ] && [ "$f" -ge 1 ] ||
			{ echo "xfer_error left $(knob fault_xfer_error), faults $f"; return 1; }
		;;
	power_cycle_async)
		case $RES in *pc=during*) ;; *) echo "no power cycle during it"; return 1 ;; esac
		[ "$pc" -ge 1 ] || { echo "power_cycles $pc"; return 1; }
		;;
	power_cycle_*)
		[ "$(knob fault_power_cycle_op)" = 0x00 ] && [ "$f" -ge 1 ] &&
			[ "$pc" -ge 1 ] && [ "$(knob fault_power_cycle_nth)" = 1 ] ||
			{ echo "power_cycle_op $(knob fault_power_cycle_op), nth $(knob fault_power_cycle_nth), faults $f, power_cycles $pc"; return 1; }
		;;
	miso_after_*)
		if [ "$exp" = OK ]; then	# negative control: no array read
			[ "$(knob fault_miso_after)" = "${2#miso_after_}" ] && [ "$f" = 0 ] ||
				{ echo "miso_after left $(knob fault_miso_after), faults $f"; return 1; }
		else
			[ "$(knob fault_miso_after)" = 0 ] && [ "$f" -ge 1 ] ||
				{ echo "miso_after left $(knob fault_miso_after), faults $f"; return 1; }
		fi
		;;
	swap_*) ;;	# the read-back of model is the proof
	stuck_*_*)
		if [ "$exp" = OK ]; then	# negative control: never reached
			[ "$(knob fault_stuck_after)" = "${2##*_}" ] && [ "$f" = 0 ] ||
				{ echo "stuck_after left $(knob fault_stuck_after), faults $f"; return 1; }
		else
			[ "$(knob fault_stuck_after)" = 0 ] && [ "$f" -ge 1 ] ||
				{ echo "stuck_after left $(knob fault_stuck_after), faults $f"; return 1; }
		fi
		;;
	wp_low_srp | srl) ;;
	*)
		if meets "$1" "$2"; then
			[ "$f" -ge 1 ] || { echo "faults 0: never met"; return 1; }
		else
			[ "$f" = 0 ] || { echo "faults $f where the operation should not meet it"; return 1; }
		fi
		;;
	esac
}

run_op() {
	# shellcheck disable=SC2086 # $PC is two words or none
	case $1 in
	probe) $OP $PC store $DRV/bind "$SIMDEV" ;;
	read) $OP $PC read $M $OFF $LEN /tmp/rd ;;
	erase) $OP $PC erase $M $OFF $LEN ;;
	program) $OP $PC write $M $OFF /tmp/data ;;
	unlock | lock) $OP $PC store $P/protect "$1" ;;
	verify)
		# shellcheck disable=SC2046 # result and time: two words
		set -- $($OP $PC run flashcp /tmp/data $M 2> /tmp/fcp.err)
		r=$1
		if [ "$r" = exit1 ]; then
			r="flashcp?"
			if grep -q 'does not seem to match' /tmp/fcp.err; then
				r=MISMATCH
			else
				for e in ENXIO ETIMEDOUT EIO EROFS EPERM; do
					grep -qF "$(errtext $e)" /tmp/fcp.err && r=$e
				done
			fi
		elif [ "$r" = exit0 ]; then
			r=OK
		fi
		shift
		echo "$r $*"
		;;
	esac
}

# op_ok OP FAULT: after a successful operation, did it do its job?
op_ok() {
	case $1 in
	probe) [ -c $M ] ;;
	read)
		if [ "$2" = read_flip ]; then
			! range_is /tmp/rd
		else
			range_is /tmp/rd
		fi
		;;
	erase) range_ff ;;
	program)
		if [ "$2" = weak_program ]; then
			range_ff
		else
			range_is /tmp/data
		fi
		;;
	unlock) [ "$(cat $P/protect)" = none ] ;;
	lock) [ "$(cat $P/protect)" = all ] ;;
	verify) range_is /tmp/data ;;
	esac
}

# nv_ok OP RESULT: the non-volatile register bits after the scenario; only
# a successful unlock/lock may change the protection bits (BP, TB, CMP)
nv_ok() {
	# shellcheck disable=SC2046,SC2086 # three registers each
	set -- "$1" "$2" $NV0 $(nv)
	if [ "$2" = OK ] && { [ "$1" = unlock ] || [ "$1" = lock ]; }; then
		[ $(($3 & 0x83)) = $(($6 & 0x83)) ] &&
			[ $(($4 & 0xbf)) = $(($7 & 0xbf)) ] && [ "$5" = "$8" ]
	else
		[ "$3 $4 $5" = "$6 $7 $8" ]
	fi
}

# scenario OP FAULT EXPECT BOUND PATTERN
scenario() {
	op=$1 fault=$2 exp=$3 bound=$4 pat=$5
	name=fault.$op.$fault$SUFFIX
	why=
	OFF=0xff0000	# two blocks across the 16 MiB boundary
	LEN=0x20000
	CHG=$LEN	# bytes from OFF that the operation may change
	case $op in
	probe | read | unlock | lock) CHG=0 ;;
	verify) OFF=0 ;;
	esac
	[ "$fault" = power_cycle_async ] && LEN=0x100000 CHG=$LEN

	sr1=0x00 sr2=0x02
	[ "$op" = unlock ] && sr1=0x44		# TB + BP0: bottom 64 KiB
	# SRP; QE=0 (the -IM part): with QE=1 WP# is IO2 and does not protect
	[ "$fault" = wp_low_srp ] && sr1=$((sr1 | 0x80)) sr2=0x00
	set_regs "$sr1" "$sr2"
	echo 1 > "$SIM/power_cycle"
	NV0=$(nv)
	[ "$op" = program ] && dd if=/tmp/ff of="$SIM/image" bs=65536 \
		seek=$((OFF / 65536)) count=$((LEN / 65536)) conv=notrunc 2>/dev/null
	[ "$op" = probe ] && unbind

	fault_on "$fault"
	klog_mark
	RES=$(run_op "$op" < /dev/null)
	fw=$(fired "$op" "$fault") || why="$why; the fault did not fire: $fw ($RES)"
	# bus discipline (flashsim.rst, "Counters"): no command but a status
	# read to a busy chip, no operation whose end no status read saw
	# read to a busy chip, no operation whose end no status read saw; at
	# probe ABh goes first, as a chip in deep power-down answers nothing
	# else (W25Q257FV and W25Q128JV datasheets: after B9h only ABh is
	# recognised), so a busy chip gets that one
	bd="$(sim_stat cmds_while_busy) $(sim_stat unobserved_ends)" bdx="0 0"
	[ "$op $fault" = "probe stuck_busy" ] && bdx="1 0"
	[ "$bd" = "$bdx" ] ||
		why="$why; cmds_while_busy, unobserved_ends: $bd, not $bdx"
	faults_off
	# shellcheck disable=SC2086 # RESULT MS [pc=...]
	set -- $RES
	res=$1 ms=$2

	# result and time; TORN: OK, but one page or block left wrong
	if [ "$exp" = TORN ]; then
		[ "$res" = OK ] && res=TORN
		torn_ok "$op" || why="$why; not exactly one page or block torn"
	fi
	[ "$res" = "$exp" ] || why="$why; result $res, expected $exp"
	case $bound in
	first) max=$T_FIRST min=0 ;;
	done) max=$T_DONE min=0 ;;
	erase) max=$((T_ERASE + T_SLACK)) min=$T_ERASE ;;
	probe) max=$((T_PROBE + T_SLACK)) min=$T_PROBE ;;
	pp) max=$((T_PP + T_SLACK)) min=$T_PP ;;
	pp_after) max=$((T_PP + T_SLACK + T_WORK)) min=$T_PP ;;
	sr) max=$((T_SR + T_SLACK)) min=$T_SR ;;
	*) max=$bound min=0 ;;
	esac
	{ [ "$ms" -ge "$min" ] && [ "$ms" -le "$max" ]; } ||
		why="$why; took $ms ms, bound $min..$max ms"

	# the log: one line naming the cause, or none
	klog | grep "biosflash $SIMDEV:" | grep -v "$KLOG_EXCLUDE" > /tmp/kl
	n=$(wc -l < /tmp/kl)
	if [ "$pat" = - ]; then
		[ "$n" = 0 ] || why="$why; $n log lines, expected none"
	elif [ "$n" != 1 ] || ! grep -qE "$pat" /tmp/kl; then
		why="$why; $n log lines, expected one matching '$pat'"
	fi
	[ "$op" = verify ] && [ "$res" = MISMATCH ] &&
		[ "$(grep -c 'does not seem to match' /tmp/fcp.err)" != 1 ] &&
		why="$why; flashcp did not report one mismatch"

	# what the operation did, and nothing else
	if [ "$res" = OK ] && ! op_ok "$op" "$fault"; then
		why="$why; the operation did not do its job"
	fi
	[ "$op" = probe ] && bind
	d=$($OP cmpout "$SIM/image" /tmp/ref $OFF $CHG)
	[ "$d" = same ] || why="$why; array outside the range changed: $d"
	echo 1 > "$SIM/power_cycle"
	nvres=$res
	case $fault in stuck_status_*) nvres=OK ;; esac
	nv_ok "$op" "$nvres" || why="$why; status registers $NV0 -> $(nv)"
	case $fault in swap_*) echo "$CHIP" > "$SIM/swap_profile" ;; esac

	echo "# $name: $RES"
	if [ -z "$why" ]; then
		t_ok "$name"
	else
		t_fail "$name" "${why#; }"
		sed 's/^/#   /' /tmp/kl
		[ "$op" = verify ] && sed 's/^/#   flashcp: /' /tmp/fcp.err
	fi
	# back to the reference image for the next scenario
	if [ "$d" = same ]; then
		dd if=/tmp/ref of="$SIM/image" bs=65536 skip=$((OFF / 65536)) \
			seek=$((OFF / 65536)) count=$((LEN / 65536)) conv=notrunc \
			2>/dev/null
	else
		cat /tmp/ref > "$SIM/image"
	fi
	bind
}

# matrix: lines of OP FAULT EXPECT BOUND PATTERN (ERE, "-" for no line)
matrix() {
	while read -r op fault exp bound pat; do
		case $op in
		'#'* | '') continue ;;
		esac
		scenario "$op" "$fault" "$exp" "$bound" "$pat" < /dev/null
	done
}

# --- the matrix ------------------------------------------------------------------

# The two matrices, one scenario (one test line) per row: the W25Q256JW's
# (4-byte opcodes) and the GD25LB256E's in B7h mode
cat > /tmp/matrix.main <<'EOF'
probe	miso_high	ENODEV	first	JEDEC ID reads ff ff ff
probe	miso_low	ENODEV	first	JEDEC ID reads 00 00 00
probe	stuck_busy	ETIMEDOUT	probe	timed out: still busy
probe	ignore_sr_write	OK	done	w25q256jw \(32768 KiB
probe	wp_low_srp	OK	done	w25q256jw \(32768 KiB
probe	srl	OK	done	w25q256jw \(32768 KiB
probe	xfer_error_1	EIO	first	command abh failed in the SPI controller
probe	xfer_error_5	EIO	first	command 9fh failed in the SPI controller

read	miso_high	ENXIO	first	MISO stuck high
read	miso_low	ENXIO	first	MISO shorted to ground
read	stuck_busy	ETIMEDOUT	erase	timed out: still busy
read	ignore_sr_write	OK	done	-
read	wp_low_srp	OK	done	-
read	srl	OK	done	-
read	read_flip	OK	done	-
read	xfer_error_1	EIO	first	failed in the SPI controller
read	xfer_error_2	EIO	first	failed in the SPI controller
read	miso_after_65536	EIO	first	read at 0x0[0-9a-f]{7} failed: the chip stopped answering
read	swap_mx25u25635f	EIO	first	JEDEC ID reads c22539, not ef6019 as at probe
read	power_cycle_read	OK	done	-

erase	miso_high	ENXIO	first	MISO stuck high
erase	miso_low	ENXIO	first	MISO shorted to ground
erase	stuck_busy	ETIMEDOUT	erase	timed out: still busy
erase	ignore_sr_write	OK	done	-
erase	wp_low_srp	OK	done	-
erase	srl	OK	done	-
erase	xfer_error_1	EIO	first	failed in the SPI controller
erase	xfer_error_8	EIO	first	failed in the SPI controller
erase	stuck_erase_2	ETIMEDOUT	erase	64 KiB erase at 0x01000000 timed out
erase	power_cycle_erase	EIO	done	power-cycled during it
erase	power_cycle_async	EIO	20000	power-cycled during it
erase	power_cycle_erase_2	EIO	done	power-cycled during it
erase	swap_mx25u25635f	EIO	first	JEDEC ID reads c22539, not ef6019 as at probe

program	miso_high	ENXIO	first	MISO stuck high
program	miso_low	ENXIO	first	MISO shorted to ground
program	stuck_busy	ETIMEDOUT	erase	timed out: still busy
program	ignore_sr_write	OK	done	-
program	wp_low_srp	OK	done	-
program	srl	OK	done	-
program	weak_program	EIO	done	write of 0x0[0-9a-f]{7}-0x0[0-9a-f]{7} failed its read-back
program	xfer_error_1	EIO	first	failed in the SPI controller
program	xfer_error_8	EIO	first	failed in the SPI controller
program	power_cycle_program	EIO	done	power-cycled during it
program	stuck_program_300	ETIMEDOUT	pp_after	page program at 0x01002b00 timed out
program	stuck_erase_1	OK	done	-
program	power_cycle_program_3	EIO	done	power-cycled during it
program	power_cycle_between_3	EIO	done	write enable did not latch \(SR1=0x00\)
program	miso_after_1	EIO	done	read at 0x0[0-9a-f]{7} failed: the chip stopped answering
program	swap_mx25u25635f	EIO	first	JEDEC ID reads c22539, not ef6019 as at probe

unlock	miso_high	ENXIO	first	MISO stuck high
unlock	miso_low	ENXIO	first	MISO shorted to ground
unlock	stuck_busy	ETIMEDOUT	erase	timed out: still busy
unlock	ignore_sr_write	EIO	first	did not stick
unlock	wp_low_srp	EACCES	first	SRP=1 and WP# is held low
unlock	srl	EBUSY	first	SRL=1
unlock	xfer_error_1	EIO	first	failed in the SPI controller
unlock	power_cycle_status	EIO	done	status register write did not stick
unlock	stuck_status_1	ETIMEDOUT	sr	status register write at 0x00000000 timed out
lock	swap_mx25u25635f	EIO	first	JEDEC ID reads c22539, not ef6019 as at probe
unlock	power_cycle_wren	EIO	first	write enable did not latch
unlock	swap_mx25u25635f	EIO	first	JEDEC ID reads c22539, not ef6019 as at probe

lock	miso_high	ENXIO	first	MISO stuck high
lock	miso_low	ENXIO	first	MISO shorted to ground
lock	stuck_busy	ETIMEDOUT	erase	timed out: still busy
lock	ignore_sr_write	EIO	first	did not stick
lock	wp_low_srp	EACCES	first	SRP=1 and WP# is held low
lock	srl	EBUSY	first	SRL=1
lock	xfer_error_1	EIO	first	failed in the SPI controller
lock	power_cycle_status	EIO	done	status register write did not stick
lock	stuck_status_1	ETIMEDOUT	sr	status register write at 0x00000000 timed out

verify	miso_high	ENXIO	first	MISO stuck high
verify	miso_low	ENXIO	first	MISO shorted to ground
verify	stuck_busy	ETIMEDOUT	erase	timed out: still busy
verify	ignore_sr_write	OK	done	-
verify	wp_low_srp	OK	done	-
verify	srl	OK	done	-
verify	weak_program	EIO	done	write of 0x0[0-9a-f]{7}-0x0[0-9a-f]{7} failed its read-back
verify	read_flip	EIO	done	erase of 0x0[0-9a-f]{7}-0x0[0-9a-f]{7} failed its read-back
verify	xfer_error_40	EIO	first	failed in the SPI controller
verify	stuck_program_5	ETIMEDOUT	pp	page program at 0x00000400 timed out
verify	power_cycle_erase	EIO	done	power-cycled during it
verify	power_cycle_program	EIO	done	power-cycled during it
verify	miso_after_65536	EIO	done	read at 0x0[0-9a-f]{7} failed: the chip stopped answering
verify	swap_mx25u25635f	EIO	first	JEDEC ID reads c22539, not ef6019 as at probe
EOF
cat > /tmp/matrix.b7h <<'EOF'
read	power_cycle_read	OK	done	-
erase	power_cycle_erase	EIO	done	erase of 0x0[0-9a-f]{7}-0x0[0-9a-f]{7} failed its read-back
program	power_cycle_program	EIO	done	write of 0x0[0-9a-f]{7}-0x0[0-9a-f]{7} failed its read-back
verify	power_cycle_erase	EIO	done	erase of 0x0[0-9a-f]{7}-0x0[0-9a-f]{7} failed its read-back
verify	power_cycle_program	EIO	done	write of 0x0[0-9a-f]{7}-0x0[0-9a-f]{7} failed its read-back
read	miso_after_65536	EIO	first	read at 0x0[0-9a-f]{7} failed: the chip stopped answering
erase	power_cycle_erase_2	EIO	done	erase of 0x0[0-9a-f]{7}-0x0[0-9a-f]{7} failed its read-back
program	power_cycle_program_3	EIO	done	write of 0x0[0-9a-f]{7}-0x0[0-9a-f]{7} failed its read-back
program	power_cycle_between_3	EIO	done	write enable did not latch \(SR1=0x00\)
program	swap_w25q256jw	EIO	first	JEDEC ID reads ef6019, not c86719 as at probe
EOF
rows() { grep -cvE '^(#|$)' "$1"; }
t_plan $(($(rows /tmp/matrix.main) + $(rows /tmp/matrix.b7h) + 3 + 2))

$OP random /tmp/ref $SZ 1
$OP random /tmp/data 131072 2
head -c 1048576 /dev/zero | tr '\0' '\377' > /tmp/ff
up w25q256jw || { t_fail "setup"; t_done; }
echo "# opcodes: read $OP_RD, program $OP_PP, erase $OP_SE"

matrix < /tmp/matrix.main

# A chip without dedicated 4-byte opcodes, driven in B7h 4-byte mode: a
# power cycle drops it back to 3-byte mode, where the next 4-byte address
# would land somewhere else (power-up loads the address mode from ADP,
# W25Q257FV datasheet §6.1.5).  The part has no power-cycle
# marker the driver knows of (no EAR): a cut during a program or erase is
# found by the driver's read-back of what it wrote or erased (module
# parameter verify, on by default), the write or erase fails with one line
up gd25lb256e || { t_fail "setup_gd25lb256e"; t_done; }
SUFFIX=_b7h_mode
echo "# gd25lb256e opcodes: read $OP_RD, program $OP_PP, erase $OP_SE"
matrix < /tmp/matrix.b7h

# erase_4k=1: the MTD erase block is 4 KiB, but the driver still sends
# 64 KiB erases where a range allows (bf_pick_erase()), and one may be left
# running by a killed process: the idle wait before an operation lasts as
# long as a 64 KiB erase may (6272 ms on the W25Q256JW), not a 4 KiB one
# (800 ms)
sim_unload
sim_load chips=w25q256jw && modprobe biosflash io_mv=1800 erase_4k=1 && [ -c $M ] ||
	t_fail "setup_erase_4k"
echo 1 > "$SIM/fault_stuck_busy"
klog_mark
r=$($OP read $M 0 4096 /tmp/rd)
echo 0 > "$SIM/fault_stuck_busy"
echo "# erase_4k=1, stuck BUSY, read: $r"
t_eq "erase_4k_idle_wait_times_out" "${r%% *}" ETIMEDOUT
ms=${r#* }
ms=${ms%% *}
t_run "erase_4k_idle_wait_lasts_the_64KiB_erase_deadline" \
	test "$ms" -ge 6272 -a "$ms" -lt 8272
t_eq "erase_4k_idle_wait_one_line" \
	"$(klog | grep -c 'wait for the chip to be idle at 0x00000000 timed out: still busy after [0-9]* ms (limit 6272 ms')" 1

bf_real_time_fresh faults
rm -f /tmp/matrix.main /tmp/matrix.b7h /tmp/ref /tmp/data /tmp/ff /tmp/rd /tmp/page /tmp/kl /tmp/fcp.err
t_done
