#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Malformed input to everything biosflash lets user space write, on the
# simulated W25Q256JW: seeded random, binary, empty, whitespace, numeric, very
# long and near-valid strings to the one writable sysfs file (protect) and
# the one runtime-writable module parameter (allow_unsafe_voltage); writes
# to the read-only attributes and parameters; malformed parameters at load.
#
# What must be accepted is modelled from the written rules, never taken from
# the driver: protect takes exactly "lock", "unlock", "lock volatile",
# "unlock volatile", one trailing newline allowed (sysfs_streq); a bool
# parameter takes kstrtobool()'s set (first byte y Y t T 1 n N f F 0, or
# "on"/"off" by their first two bytes); a store sees at most PAGE_SIZE
# bytes and stops at a NUL.  A rejected write must fail with EINVAL, leave the
# simulator's status registers, locks and array as they were, send no write
# enable (06h/50h), and log nothing (neither the driver nor the parameter
# code logs a parse error).
#
# Environment: BF_SEED (default 1), printed.
. /tests/lib.sh

P=/sys/class/mtd/mtd0
PAR=/sys/module/biosflash/parameters
M=/dev/mtd0
SEED=${BF_SEED:-1}
echo "# seed $SEED"
BADARGS="io_mv=abc io_mv=-1 io_mv=4294967296 io_mv=1800x io_mv= io_mv=18e2
	erase_4k=maybe erase_4k=2 allow_unsafe_voltage= allow_unsafe_voltage=2"
ODDMV="0 4294967295"
# protect 5 + 3, allow_unsafe_voltage 4, read-only files 2, 4 per malformed
# load parameter, 7 per odd io_mv, hex io_mv 2, unknown parameter 2, array 1,
# real-time round trip 2
t_plan $((5 + 3 + 4 + 2 + 4 * $(echo $BADARGS | wc -w) + \
	7 * $(echo $ODDMV | wc -w) + 2 + 2 + 1 + 2))

up() {
	sim_unload
	sim_load chips=w25q256jw && modprobe biosflash io_mv=1800 "$@" && [ -c $M ]
}

# state: what a rejected write must not change (no array hash: nothing can
# change in the array without a write enable, which is counted)
state() {
	cat "$SIM/sr1" "$SIM/sr2" "$SIM/sr3" "$SIM/locks" | tr '\n' ' '
	grep '^op_06 \|^op_50 ' "$SIM/stats" | tr '\n' ' '
}

hex() { od -An -v -tx1 | tr -d ' \n'; }

# --- the inputs: one hex string per line --------------------------------------
# fixed: empty-ish, whitespace, numbers, near-valid, valid, NUL-cut
{
	for f in '\n' ' ' '\t' '   \n' '\r\n' 'lock ' ' lock' 'lock\n\n' \
		'unlockx' 'lockx' 'lock  volatile' 'lockvolatile' 'lock\tvolatile' \
		'lock volatile x' 'unlock volatilex' 'unlock volatile\n\n' \
		'LOCK' 'Lock' 'UNLOCK' 'unlock\r' 'unlock\r\n' 'lock\n ' \
		'0x0-0x1' '0x00000000-0x0000ffff' 'all' 'none' '0' '1' '-1' \
		'4294967296' '99999999999999999999' 'y' 'Y' 'yes' 'n' 'no' \
		'N\n' 't' 'true' 'f' 'on' 'off' 'oN' 'oF' 'o' 'ox' 'O\n' '2' \
		'-' '+1' ' 1' '\n1' 'lock' 'unlock' 'lock volatile' \
		'unlock volatile' 'lock\n' 'unlock\n' 'unlock\000junk' \
		'lock volatile\000\n' '\000lock' 'x\000lock' '\001' '\377\376' \
		'\033[1m' '%%s%%n' "$(printf 'lock%.0s' 1 2 3)"; do
		printf "$f" | hex
		echo
	done
	# very long: one page, more than a page, "lock" then a page of spaces
	head -c 4095 /dev/zero | tr '\000' a | hex
	echo
	head -c 4096 /dev/zero | tr '\000' a | hex
	echo
	head -c 9000 /dev/zero | tr '\000' 1 | hex
	echo
	{ printf lock; head -c 4096 /dev/zero | tr '\000' ' '; } | hex
	echo
	# binary: seeded slices of random data
	bf_mkimage /tmp/blob 1048576 "$SEED"
	i=0
	while [ $i -lt 20 ]; do
		dd if=/tmp/blob bs=1 skip=$((917504 + i * 97)) count=$((1 + i * 3)) \
			2>/dev/null | hex
		echo
		i=$((i + 1))
	done
	# seeded random strings over the alphabet of the valid commands
	awk -v seed="$SEED" 'BEGIN {
		srand(seed)
		split("6c 6f 63 6b 75 6e 76 61 74 69 65 20 0a 09 00 31 30 79 6e 4f 2d 78", a)
		for (i = 0; i < 60; i++) {
			n = 1 + int(rand() * 24)
			s = ""
			for (j = 0; j < n; j++)
				s = s a[1 + int(rand() * 22)]
			print s
		}
	}'
} > /tmp/inputs
echo "# $(wc -l < /tmp/inputs) inputs"

# the model's verdicts, one line per input: PROTECT BOOL HEX, where PROTECT
# is R (rejected) or the command taken, BOOL is R, Y or N
awk '{
	s = substr($1, 1, 8192)			# a store sees PAGE_SIZE bytes
	for (i = 1; i < length(s); i += 2)	# and stops at a NUL
		if (substr(s, i, 2) == "00")
			break
	s = substr(s, 1, i - 1)
	p = "R"
	split("6c6f636b 756e6c6f636b 6c6f636b20766f6c6174696c65 756e6c6f636b20766f6c6174696c65", v)
	split("lock unlock lock_volatile unlock_volatile", name)
	for (k = 1; k <= 4; k++)
		if (s == v[k] || s == v[k] "0a")
			p = name[k]
	c = substr(s, 1, 2)
	d = substr(s, 3, 2)
	b = "R"
	if (c ~ /^(79|59|74|54|31)$/ || (c ~ /^(6f|4f)$/ && d ~ /^(6e|4e)$/))
		b = "Y"
	else if (c ~ /^(6e|4e|66|46|30)$/ || (c ~ /^(6f|4f)$/ && d ~ /^(66|46)$/))
		b = "N"
	print p, b, $1
}' /tmp/inputs > /tmp/cases

# put TARGET HEX: one write() of the bytes; ERR = its error text, or empty
put() {
	echo "$2" | xxd -r -p > /tmp/in
	ERR=
	[ -s /tmp/in ] || return 0
	if ! dd if=/tmp/in of="$1" bs=65536 count=1 2> /tmp/err; then
		read -r ERR < /tmp/err
		ERR=${ERR##*: }
	fi
}

# --- protect ------------------------------------------------------------------
# the rejected inputs first: nothing may change, which is checked once after
# all of them (a change would persist, and the write-enable count only grows)
up || { t_fail "setup"; t_done; }
h0=$(sim_hash)
s0=$(state)
klog_mark
bad=0 rej=0
while read -r want b hx; do
	[ "$want" = R ] || continue
	rej=$((rej + 1))
	put $P/protect "$hx"
	[ "$ERR" = "Invalid argument" ] && continue
	bad=$((bad + 1))
	echo "# protect '$hx': expected EINVAL, got '${ERR:-success}'"
done < /tmp/cases
t_eq "protect_rejected_inputs_fail_with_einval" "$bad" 0
t_run "protect_model_rejected_most_inputs" test "$rej" -gt 100
t_eq "protect_rejected_inputs_change_nothing" "$(state)" "$s0"
t_eq "protect_rejected_inputs_leave_array" "$(sim_hash)" "$h0"
t_eq "protect_rejected_inputs_no_log_line" "$(klog | grep -c biosflash)" 0
klog | grep biosflash | head -n 5 | sed 's/^/# /'

bad=0 acc=0
while read -r want b hx; do
	[ "$want" = R ] && continue
	acc=$((acc + 1))
	put $P/protect "$hx"
	read -r got < $P/protect
	case $want in
	lock*) [ -z "$ERR" ] && [ "$got" = all ] && { echo unlock > $P/protect; continue; } ;;
	*) [ -z "$ERR" ] && [ "$got" = none ] && continue ;;
	esac
	bad=$((bad + 1))
	echo "# protect '$hx' ($want): error '$ERR', protect reads $got"
	echo unlock > $P/protect
done < /tmp/cases
echo "# protect: $rej rejected, $acc accepted as modelled"
t_eq "protect_accepted_inputs_take_effect" "$bad" 0
t_run "protect_model_accepted_some_inputs" test "$acc" -ge 8
t_eq "protect_registers_as_at_start" "$(state | cut -d' ' -f1-3)" "$(echo "$s0" | cut -d' ' -f1-3)"

# --- allow_unsafe_voltage (bool, 0644) ------------------------------------------
klog_mark
bad=0 rej=0 acc=0
while read -r p want hx; do
	put $PAR/allow_unsafe_voltage "$hx"
	read -r got < $PAR/allow_unsafe_voltage
	if [ "$want" = R ]; then
		rej=$((rej + 1))
		[ "$ERR" = "Invalid argument" ] && [ "$got" = N ] && continue
	else
		acc=$((acc + 1))
		[ -z "$ERR" ] && [ "$got" = "$want" ] && { echo N > $PAR/allow_unsafe_voltage; continue; }
	fi
	bad=$((bad + 1))
	echo "# allow_unsafe_voltage '$hx': model $want, error '$ERR', reads $got"
	echo N > $PAR/allow_unsafe_voltage
done < /tmp/cases
echo "# allow_unsafe_voltage: $rej rejected, $acc accepted as modelled"
t_eq "allow_unsafe_voltage_every_input_as_modelled" "$bad" 0
t_run "allow_unsafe_voltage_model_rejected_some" test "$rej" -gt 50
t_eq "allow_unsafe_voltage_no_log_line" "$(klog | grep -c 'biosflash\|allow_unsafe')" 0
t_eq "allow_unsafe_voltage_left_off" "$(cat $PAR/allow_unsafe_voltage)" N

# --- read-only files refuse writes, even from root ------------------------------
before=$(state)
bad=0
for f in $P/chip $P/jedec_id $P/supply_voltage $P/io_voltage $P/voltage_ok \
	$P/protect_mode $P/protect_regs $PAR/io_mv $PAR/erase_4k; do
	v=$(cat "$f")
	put "$f" 31
	if [ "$ERR" != "Permission denied" ] || [ "$(cat "$f")" != "$v" ]; then
		bad=$((bad + 1))
		echo "# $f: error '$ERR', reads $(cat "$f") (was $v)"
	fi
done
t_eq "read_only_attributes_and_parameters_refuse_writes" "$bad" 0
t_eq "read_only_writes_change_nothing" "$(state)" "$before"

# --- malformed parameters at load time -------------------------------------------
# parse_args() refuses the load with one line naming the value and the
# parameter; the chip is never touched.  busybox modprobe tries
# finit_module(), then init_module(): two attempts, the same line twice.
rmmod biosflash
for arg in $BADARGS; do
	m=$(sim_stat messages)
	klog_mark
	# kstrtouint(): -ERANGE for a number past 32 bits, else -EINVAL
	e=EINVAL
	[ "$arg" = io_mv=4294967296 ] && e=ERANGE
	t_errno "load_${arg}_refused" $e modprobe biosflash "$arg"
	t_false "load_${arg}_not_loaded" test -d /sys/module/biosflash
	t_eq "load_${arg}_one_distinct_log_line" \
		"$(klog | sed 's/^\[[^]]*\] //' | grep biosflash | sort -u)" \
		"biosflash: \`${arg#*=}' invalid for parameter \`${arg%%=*}'"
	t_eq "load_${arg}_bus_untouched" "$(sim_stat messages)" "$m"
done

# numbers the parser takes but no chip runs at: loaded, warned once, no
# modification reaches the chip
for mv in $ODDMV; do
	rmmod biosflash 2>/dev/null
	before=$(state)
	klog_mark
	t_run "load_io_mv_${mv}_loads" modprobe biosflash io_mv=$mv
	t_eq "load_io_mv_${mv}_io_voltage" "$(cat $P/io_voltage)" $mv
	t_eq "load_io_mv_${mv}_voltage_not_ok" "$(cat $P/voltage_ok)" 0
	t_eq "load_io_mv_${mv}_one_warning" \
		"$(klog | grep -c "biosflash.*chip but its SPI lines are declared at")" 1
	t_errno "load_io_mv_${mv}_erase_refused" EPERM mtd_debug erase $M 0 65536
	t_errno "load_io_mv_${mv}_unlock_refused" EPERM sh -c "echo unlock > $P/protect"
	t_eq "load_io_mv_${mv}_nothing_changed" "$(state)" "$before"
done
rmmod biosflash
t_run "load_io_mv_hex_accepted" modprobe biosflash io_mv=0x708
t_eq "load_io_mv_hex_is_1800" "$(cat $P/io_voltage) $(cat $P/voltage_ok)" "1800 1"
rmmod biosflash
klog_mark
t_run "load_unknown_parameter_ignored" modprobe biosflash io_mv=1800 bogus=1
t_eq "load_unknown_parameter_one_warning" \
	"$(klog | grep -c "biosflash: unknown parameter 'bogus' ignored")" 1
t_eq "array_unchanged_at_the_end" "$(sim_hash)" "$h0"
bf_real_time_fresh fuzz

sim_unload
rm -f /tmp/inputs /tmp/in /tmp/blob
t_done
