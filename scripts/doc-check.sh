#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Documentation checks, all fatal: kernel-doc on every driver and simulator
# source (no warning), the sysfs ABI file parsed by the kernel's get_abi.pl
# with every attribute the driver creates documented, and a reST syntax
# check of every .rst file (docutils, warnings are errors).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cache=${BIOSFLASH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/biosflash}
src=$(readlink -f "$cache/linux-source")
fail=0
cd "$top"

out=$("$src/scripts/kernel-doc" -none -Wall driver/*.c selftests/flashsim/*.c 2>&1 || true)
if [ -n "$out" ]; then
	echo "doc-check: kernel-doc:"
	echo "$out" | head -n 20
	fail=1
else
	echo "doc-check: kernel-doc: clean"
fi

perl "$src/scripts/get_abi.pl" validate --dir Documentation/ABI
for a in $(sed -n 's/.*static DEVICE_ATTR_R[OW]*(\([a-z_]*\));.*/\1/p' driver/*.c); do
	if perl "$src/scripts/get_abi.pl" search "/sys/class/mtd/mtdX/$a\$" \
		--dir Documentation/ABI 2>/dev/null | grep -q "mtdX/$a"; then
		echo "doc-check: ABI: $a documented"
	else
		echo "doc-check: ABI: $a is not documented"
		fail=1
	fi
done

for f in Documentation/*.rst; do
	if ! /usr/bin/rst2html --halt=warning "$f" > /dev/null 2> "$cache/rst.err"; then
		echo "doc-check: $f:"
		head -n 3 "$cache/rst.err"
		fail=1
	fi
done
[ "$fail" = 1 ] || echo "doc-check: reST: $(ls Documentation/*.rst | wc -l) files clean"
exit $fail
