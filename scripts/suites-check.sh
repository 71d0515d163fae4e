#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The test lists agree with each other, so no test is silently never run:
#  - every test in selftests/Makefile and selftests/bench/Makefile is in at
#    least one suite of selftests/vm/suites;
#  - every name a suite lists is one of those tests and has its source file;
#  - every script in selftests/ and selftests/bench/ is a test in a Makefile
#    (lib.sh, prot_tables.sh and bench_lib.sh are libraries);
#  - every suite that `make check` boots (run.sh all) lists at least one
#    test, and every SKIP that skip-allow lets through names a real suite
#    and test.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
st=$top/selftests
suites=$st/vm/suites
fail=0
bad() { echo "suites-check: $*"; fail=1; }

main=$(make -s --no-print-directory -C "$st" print-tests)
bench=$(make -s --no-print-directory -C "$st/bench" print-tests)
declared=" $main $bench "
listed=" $(sed -n 's/^[^:#]*:[[:space:]]*//p' "$suites" | tr '\n' ' ') "

for t in $declared; do
	case $listed in *" $t "*) ;; *) bad "$t is in a Makefile but in no suite" ;; esac
done
for t in $listed; do
	case $declared in *" $t "*) ;; *) bad "a suite names $t, which no Makefile declares" ;; esac
	case $t in
	*.sh) [ -f "$st/$t" ] || [ -f "$st/bench/$t" ] || bad "a suite names $t: no such file" ;;
	*) [ -f "$st/$t.c" ] || bad "a suite names $t: no $t.c" ;;
	esac
done
for f in "$st"/*.sh "$st"/bench/*.sh; do
	b=$(basename "$f")
	case $b in lib.sh | prot_tables.sh | bench_lib.sh) continue ;; esac
	case $declared in *" $b "*) ;; *) bad "$b is in no Makefile's test list" ;; esac
done

# the suites run.sh all boots: stock, debug, debug2, debug-dt, one per overlay
# variant (debug-dt-NAME) and one per controller variant (stock-ctl-NAME)
variants() {
	awk -v arr="$1" -v pre="$2" '
		$0 ~ "^" arr "=\\(" { on = 1; next }
		on && /^\)/ { on = 0 }
		on && match($0, /^\t"[a-z0-9_-]+/) {
			print pre substr($0, 3, RLENGTH - 2)
		}' "$st/vm/run.sh"
}
boots="stock debug debug2 debug-dt $(variants dt_variants debug-dt-) $(variants ctl_variants stock-ctl-)"
for b in $boots; do
	n=$(sed -n "s/^$b:[[:space:]]*//p" "$suites" | wc -w)
	[ "$n" -gt 0 ] || bad "make check boots suite $b, which lists no test"
done
while read -r s t _; do
	case $s in '#'* | '') continue ;; esac
	sed -n "s/^$s:[[:space:]]*//p" "$suites" | tr ' ' '\n' | grep -qx "$t" ||
		bad "skip-allow names $t in suite $s, which does not run it"
done < "$st/vm/skip-allow"

if [ "$fail" = 0 ]; then
	echo "suites-check: ok ($(echo $declared | wc -w) tests, $(grep -c '^[^#]*:' "$suites") suites, boots: $(echo $boots | wc -w))"
fi
exit $fail
