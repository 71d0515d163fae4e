#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Runs inside the VM: every test of one suite, each with a time limit, and
# tallies their KTAP results.  A test fails the run when it
#  - prints a "not ok" line, times out, or exits non-zero without one;
#  - has no plan ("1..N") before its first result, plans nothing, or ends
#    short of (or past) its plan;
#  - runs a command the guest does not have (the shell's "not found");
#  - skips anything whose "SUITE TEST REASON" is not a line of
#    /tests/skip-allow (selftests/vm/skip-allow): a SKIP never counts as a
#    pass, and only the listed ones are let through.
# A suite that passes no test at all fails too.  bf.tests=T1,T2 on the kernel
# command line runs those tests instead of the suite's list (a developer's
# short loop; run.sh's BF_TESTS).
suite=$1
tests=$(sed -n "s/^$suite:[[:space:]]*//p" /tests/suites)
only=$(sed -n 's/.*bf\.tests=\([^ ]*\).*/\1/p' /proc/cmdline | tr , ' ')
[ -z "$only" ] || tests=$only
limit=${BF_TEST_TIMEOUT:-900}
allow=/tests/skip-allow
pass=0 fail=0 skip=0
echo "TAP version 13"
if [ -z "$tests" ]; then
	echo "# suite '$suite' names no test"
	fail=1
fi
for t in $tests; do
	echo "# ---- $t"
	t0=$(date +%s)
	timeout "$limit" "/tests/$t" > /tmp/out.$$ 2>&1
	rc=$?
	sed 's/^/  /' /tmp/out.$$
	o=/tmp/out.$$
	p=$(grep -c '^ok ' $o)
	f=$(grep -c '^not ok ' $o)
	# SKIP lines: allowed ones count as skips, any other as a failure
	s=0 bad=0
	grep -i '^ok .*# SKIP' $o | sed 's/.*# [Ss][Kk][Ii][Pp] *//' > /tmp/skips.$$
	while IFS= read -r r; do
		if grep -qxF "$suite $t $r" $allow 2>/dev/null; then
			s=$((s + 1))
		else
			echo "# $t: SKIP not in skip-allow: '$suite $t $r'"
			bad=$((bad + 1))
		fi
	done < /tmp/skips.$$
	p=$((p - s - bad))
	f=$((f + bad))
	# the plan: present, before the first result, non-empty, and kept
	plan_at=$(grep -n -m 1 '^1\.\.[0-9][0-9]*' $o | cut -d: -f1)
	first_at=$(grep -n -m 1 -E '^(not )?ok ' $o | cut -d: -f1)
	plan=$(sed -n 's/^1\.\.\([0-9][0-9]*\).*/\1/p' $o | head -n 1)
	ran=$(grep -c -E '^(not )?ok ' $o)
	if [ -z "$plan_at" ]; then
		echo "# $t: no plan line (1..N)"
		f=$((f + 1))
	elif [ -n "$first_at" ] && [ "$plan_at" -gt "$first_at" ]; then
		echo "# $t: plan after its first result"
		f=$((f + 1))
	elif [ "$plan" = 0 ]; then
		echo "# $t: plans no test"
		f=$((f + 1))
	elif [ "$ran" != "$plan" ]; then
		echo "# $t: ran $ran of $plan planned"
		f=$((f + 1))
	fi
	# a command the guest lacks ("line N: cksum: not found") fails the
	# test: whatever depended on it was not tested
	if grep -qE '^/tests/[^ ]+: line [0-9]+: [^ ]+: not found$' $o; then
		echo "# $t: runs a command the guest does not have"
		f=$((f + 1))
	fi
	if [ "$rc" = 124 ] || [ "$rc" = 143 ]; then
		echo "# $t: timed out after ${limit}s"
		f=$((f + 1))
	elif [ "$rc" = 4 ] && [ "$p" = 0 ] && [ "$f" = 0 ] && [ "$s" -gt 0 ]; then
		: # kselftest's "all skipped", each skip allowed
	elif [ "$rc" != 0 ] && [ "$f" = 0 ]; then
		echo "# $t: exited $rc without a failed test line"
		f=$((f + 1))
	fi
	echo "# $t: $p passed, $f failed, $s skipped ($(($(date +%s) - t0)) s)"
	pass=$((pass + p)) fail=$((fail + f)) skip=$((skip + s))
done
if [ "$pass" = 0 ]; then
	echo "# suite '$suite' passed no test"
	fail=$((fail + 1))
fi
rm -f /tmp/out.$$ /tmp/skips.$$
echo "BFRESULT passed=$pass failed=$fail skipped=$skip"
