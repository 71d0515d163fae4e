#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# scripts/breaks.sh BREAK [SUITES...]: break the driver on purpose and show
# which tests fail (Documentation/testing.rst, "Which rows discriminate").
# Copies the committed tree (HEAD) to a temporary directory, applies one of
# the breaks below to driver/ (or the tool, tool_*), runs SUITES (default biosflash_faults.sh) on
# the stock kernel there, and prints every failing test name.  A break
# whose anchor text is no longer in the driver stops the script: the list
# is kept in step with the code, never silently empty.
#
#   scripts/breaks.sh list             the breaks
#   scripts/breaks.sh check            every anchor is in the work tree once
#                                      (scripts/lint.sh runs this)
#   scripts/breaks.sh no_poll          the fault matrix without BUSY polls
#   BREAK_KERNEL=debug2 scripts/breaks.sh no_unregister_ref biosflash_lifecycle.sh
#                                      on the debug kernel (KASAN)
#
# Not part of `make check` (one stock boot per break, minutes each).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
brk=${1:?usage: breaks.sh BREAK|list [SUITES...]}
shift
suites=${*:-biosflash_faults.sh}

# NAME|FILE|ANCHOR|REPLACEMENT (\n and \t as written; ANCHOR once in FILE)
breaks=(
	'no_poll|driver/bus.c|\tlockdep_assert_held(&flash->lock);\n\tfor (;;) {\n\t\t/* sample|\tlockdep_assert_held(&flash->lock);\n\treturn 0;\n\tfor (;;) {\n\t\t/* sample'
	'no_end_check|driver/core.c|\tint ret = bf_check_id(flash, what, addr);\n\n\tif (!ret)\n\t\tret = bf_mark_check|\tint ret = 0;\n\n\treturn 0;\n\tif (!ret)\n\t\tret = bf_mark_check'
	'deadline_typ|driver/bus.c|u64 limit_us = (u64)t->max_us * BF_DEADLINE_MARGIN;|u64 limit_us = (u64)t->typ_us;'
	'no_chunk_id|driver/bus.c|\t\t\tret = bf_check_id(flash, "read", start);|\t\t\tret = (int)(start \& 0);'
	'no_wel_check|driver/bus.c|\t\tif (ret \|\| (sr \& BF_SR1_WEL))\n\t\t\treturn ret;|\t\tif (1)\n\t\t\treturn ret;'
	'no_idle_wait|driver/bus.c|\tret = bf_wait_ready(flash, bf_longest_op(flash),|\tret = 0 \&\& bf_wait_ready(flash, bf_longest_op(flash),'
	'no_unregister_ref|driver/core.c|\t\tkref_get(\&to_bf_dev(flash)->ref);\n\t\t/* deliberately|\t\t/* deliberately'
	'no_shutdown_gone|driver/core.c|\t\tbf_restore(flash);\n\tflash->gone = true;\n\tmutex_unlock(\&flash->lock);\n}\n\nstatic const|\t\tbf_restore(flash);\n\tmutex_unlock(\&flash->lock);\n}\n\nstatic const'
	'no_start_id_check|driver/bus.c|\treturn ret ?: bf_check_id(flash, NULL, 0);|\treturn ret;'
	'no_zero_id_check|driver/bus.c|\tif (!memchr_inv(id, 0, BF_ID_LEN)) {|\tif (0) {'
	'xfer_error_ignored|driver/bus.c|\t\t\top->cmd.opcode, ERR_PTR(ret));\n\treturn ret;|\t\t\top->cmd.opcode, ERR_PTR(ret));\n\treturn 0;'
	'no_sr_readback|driver/protect.c|\t\tret = bf_prot_read(flash, after);\n\tif (ret)\n\t\treturn ret;\n\treturn bf_prot_report(flash, bf_prot_classify|\t\tret = bf_prot_read(flash, after);\n\tif (ret \|\| after[0] != 0x5a \|\| 1)\n\t\treturn ret;\n\treturn bf_prot_report(flash, bf_prot_classify'
	'no_zero_adjust|driver/bus.c|\tif (!ret \&\& op->data.dir != SPI_MEM_NO_DATA \&\& !op->data.nbytes)|\tif (0)'
	'no_probe_ff_check|driver/core.c|\tif (!memchr_inv(ids[0], 0xff, BF_ID_LEN)) {|\tif (0) {'
	'no_probe_00_check|driver/core.c|\tif (!memchr_inv(ids[0], 0x00, BF_ID_LEN)) {|\tif (0) {'
	'no_reenter_4b|driver/bus.c|\t\t\tif (!ret \&\& array)\n\t\t\t\tret = bf_enter_4b(flash);|\t\t\tif (!ret \&\& array \&\& 0)\n\t\t\t\tret = bf_enter_4b(flash);'
	'longest_op_first_type|driver/bus.c|\tfor (i = 0; i < BF_ERASE_TYPES; i++) {\n\t\tconst struct bf_erase_type *e = \&flash->params.erase[i];\n\n\t\tif (e->op \&\& e->time.max_us > t->max_us)|\tfor (i = 0; i < 1; i++) {\n\t\tconst struct bf_erase_type *e = \&flash->params.erase[i];\n\n\t\tif (e->op \&\& e->time.max_us > t->max_us)'
	'no_sr_ff_check|driver/bus.c|\tif (*sr != 0xff)\n\t\treturn 0;|\tif (1)\n\t\treturn 0;'
	'tool_dry_run_writes|userspace/write.c|\tif (dry) {|\tif (0) {'
	'tool_keep_ignored|userspace/write.c|\t\t\tmemcpy(w->tgt + off, w->old + off, BF_IFD_UNIT);|\t\t\t;'
	'tool_gbe_unchecked|userspace/write.c|\thc = bf_gbe_mac(w->old, \&w->cl, cm);|\thc = 0;'
	'tool_diff_regions_same|userspace/diff.c|\tbf_cmp_range(c, r->base, r->limit, \&bytes, \&blocks);|\tbytes = 0;\n\tblocks = 0;'
)

# apply DIR SPEC: the break applied to the tree in DIR
apply() {
	python3 - "$1" "$2" <<'PY'
import sys
work, spec = sys.argv[1], sys.argv[2]
# split on "|" not escaped by a backslash; "\&" is a plain "&"
parts, cur, i = [], "", 0
while i < len(spec):
    if spec[i] == "\\" and i + 1 < len(spec) and spec[i + 1] in "|&":
        cur += spec[i + 1]
        i += 2
    elif spec[i] == "|":
        parts.append(cur)
        cur = ""
        i += 1
    else:
        cur += spec[i]
        i += 1
parts.append(cur)
name, path, anchor, repl = parts
anchor, repl = [t.replace("\\n", "\n").replace("\\t", "\t") for t in (anchor, repl)]
p = f"{work}/{path}"
src = open(p).read()
n = src.count(anchor)
if n != 1:
    sys.exit(f"breaks.sh: {name}: anchor found {n} times in {path}, not once")
open(p, "w").write(src.replace(anchor, repl))
print(f"breaks.sh: {name} applied to {path}")
PY
}

if [ "$brk" = list ]; then
	for b in "${breaks[@]}"; do echo "${b%%|*}"; done
	exit 0
fi
if [ "$brk" = check ]; then
	for b in "${breaks[@]}"; do
		tmp=$(mktemp -d)
		mkdir -p "$tmp/driver" "$tmp/userspace"
		cp "$top"/driver/*.c "$tmp/driver/"
		cp "$top"/userspace/*.c "$tmp/userspace/"
		apply "$tmp" "$b" > /dev/null || { rm -rf "$tmp"; exit 1; }
		rm -rf "$tmp"
	done
	echo "breaks.sh: ${#breaks[@]} breaks, every anchor found once"
	exit 0
fi
spec=
for b in "${breaks[@]}"; do
	[ "${b%%|*}" = "$brk" ] && spec=$b
done
[ -n "$spec" ] || { echo "breaks.sh: no break '$brk' (breaks.sh list)" >&2; exit 2; }

work=$(mktemp -d /tmp/biosflash-break.XXXXXX)
trap 'rm -rf "$work"' EXIT
git -C "$top" archive HEAD | tar -x -C "$work"
apply "$work" "$spec"
set +e
BF_TESTS=$suites bash "$work/selftests/vm/run.sh" "${BREAK_KERNEL:-stock}" > "$work/run.out" 2>&1
rc=$?
set -e
grep -a -A 3 '^run.sh: \|^[0-9]* passed' "$work/run.out" | grep -v 'booting\|^--$' || true
# a boot without a result: its serial log, kept where the break's tree goes
if grep -q 'no result line' "$work/run.out"; then
	keep=$(mktemp -d /tmp/biosflash-break-log.XXXXXX)
	cp "$work"/selftests/out/*.log "$keep/"
	echo "breaks.sh: $brk: a boot gave no result; its logs are kept in $keep"
fi
echo "breaks.sh: $brk: tests that fail:"
grep -ah '^  not ok' "$work"/selftests/out/*.log | sed 's/^  not ok [0-9]* /  /' | sort -u
[ "$rc" != 0 ] || echo "breaks.sh: $brk: nothing failed"
