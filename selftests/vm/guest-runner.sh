#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Runs inside the VM: every test of one suite, each with a time limit, and
# tallies their KTAP results.  A test that exits non-zero without a "not ok"
# line, or times out, counts as one failure; a SKIP never counts as a pass.
suite=$1
tests=$(sed -n "s/^$suite:[[:space:]]*//p" /tests/suites)
limit=${BF_TEST_TIMEOUT:-900}
pass=0 fail=0 skip=0
echo "TAP version 13"
for t in $tests; do
	echo "# ---- $t"
	t0=$(date +%s)
	timeout "$limit" "/tests/$t" > /tmp/out.$$ 2>&1
	rc=$?
	sed 's/^/  /' /tmp/out.$$
	p=$(grep -c '^ok ' /tmp/out.$$ | tr -d ' ')
	s=$(grep '^ok ' /tmp/out.$$ | grep -c '# SKIP' | tr -d ' ')
	f=$(grep -c '^not ok ' /tmp/out.$$ | tr -d ' ')
	p=$((p - s))
	if [ "$rc" = 124 ] || [ "$rc" = 143 ]; then
		echo "# $t: timed out after ${limit}s"
		f=$((f + 1))
	elif [ "$rc" != 0 ] && [ "$rc" != 4 ] && [ "$f" = 0 ]; then
		echo "# $t: exited $rc without a failed test line"
		f=$((f + 1))
	elif [ "$rc" = 4 ] && [ "$p" = 0 ] && [ "$s" = 0 ]; then
		s=1
	fi
	echo "# $t: $p passed, $f failed, $s skipped ($(($(date +%s) - t0)) s)"
	pass=$((pass + p)) fail=$((fail + f)) skip=$((skip + s))
done
echo "BFRESULT passed=$pass failed=$fail skipped=$skip"
