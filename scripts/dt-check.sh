#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# dt-check.sh: the kernel's dt_binding_check and dtbs_check for biosflash,
# with Debian 12's dt-schema and the 6.12 bindings of linux-source (make
# deps) for $refs.
#   1. dt-doc-validate: the binding against dt-schema's meta-schemas, from a
#      bindings tree that is the kernel's plus ours (so $id and $ref resolve
#      as in Documentation/devicetree/bindings/Makefile's "-u $(src)")
#   2. dt-mk-schema: a processed schema of the binding, the kernel schemas it
#      references ($ref closure) and spi/spi-controller.yaml
#   3. the binding's example: dt-extract-example, cpp, dtc, dt-validate
#   4. the x86 test base with the Raspberry Pi overlay applied
#      (selftests/dt/dtoverlay.py), default parameters and then every
#      parameter at once, dt-validate; the bios-flash node must have been
#      matched by the binding
#   5. the same with io_voltage=2500000 must be rejected (the check can fail)
#   6. selftests/dt/dtoverlay_test.sh: the parameters' effect on the tree, as
#      the Pi firmware applies them
# dt-schema 2022.08 prints errors but often exits 0: any output is an error.
# Validation is limited to the schemas of step 2 (dt-validate -l): dt-schema's
# own core schemas would also judge the test base's /soc layout (simple-bus
# children without unit addresses), which is the test fixture's, not the
# binding's.  DTCHECK_KEEP=1 keeps the work directory.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cache=${BIOSFLASH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/biosflash}
kb=$(readlink -f "$cache/linux-source")/Documentation/devicetree/bindings
ksrc=$(readlink -f "$cache/linux-source")
ours=$top/Documentation/devicetree/bindings/mtd/biosflash,bios-flash.yaml
binding=mtd/biosflash,bios-flash.yaml
id=http://devicetree.org/schemas/$binding#
tmp=$(mktemp -d)
trap '[ -n "${DTCHECK_KEEP:-}" ] || rm -rf "$tmp"' EXIT
fails=0 checks=0

if [ ! -d "$kb" ]; then
	echo "dt-check: no $kb (run make deps)" >&2
	exit 2
fi
echo "dt-check: dt-schema $(dt-validate --version), bindings of $ksrc"

# check NAME CMD...: CMD must succeed and print nothing
check() {
	local name=$1
	shift
	checks=$((checks + 1))
	if "$@" > "$tmp/out" 2>&1 && [ ! -s "$tmp/out" ]; then
		echo "  ok    $name"
	else
		echo "  FAIL  $name"
		sed 's/^/        /' "$tmp/out"
		fails=$((fails + 1))
	fi
}

# The kernel's bindings with ours added, as symlinks
farm=$tmp/bindings
mkdir -p "$farm/mtd"
for f in "$kb"/*; do
	[ "${f##*/}" = mtd ] || ln -s "$f" "$farm/"
done
ln -s "$kb"/mtd/* "$farm/mtd/"
ln -s "$ours" "$farm/$binding"

# refs FILE: the bindings FILE references with $ref, inside the farm
refs() {
	# shellcheck disable=SC2016 # a literal $ref
	sed -n 's/^[ -]*\$ref: *"\{0,1\}\([^"#]*\).*/\1/p' "$1" | sort -u |
		while read -r r; do
			case $r in
			/schemas/*) r=$farm/${r#/schemas/} ;;
			/*) continue ;;
			*) r=$(dirname "$1")/$r ;;
			esac
			# dt-schema's own (types.yaml, gpio, ...) are not here
			[ -f "$r" ] && echo "$r"
		done
	return 0
}

echo "dt-check: $binding"
check "dt-doc-validate $binding" dt-doc-validate -u "$farm" "$farm/$binding"

schemas=("$farm/$binding" "$farm/spi/spi-controller.yaml")
todo=("${schemas[@]}")
while [ ${#todo[@]} -gt 0 ]; do
	next=()
	for f in "${todo[@]}"; do
		for r in $(refs "$f"); do
			case " ${schemas[*]} " in *" $r "*) continue ;; esac
			schemas+=("$r")
			next+=("$r")
		done
	done
	todo=("${next[@]+"${next[@]}"}")
done
echo "dt-check: processed schema of:"
printf '        %s\n' "${schemas[@]#$farm/}"
dt-mk-schema -j "${schemas[@]}" > "$tmp/processed.json" 2> "$tmp/mk.err"
check "dt-mk-schema" cat "$tmp/mk.err"

# matched DTB: the bios-flash node was selected by the binding
matched() {
	dt-validate -M -s "$tmp/processed.json" -l "$farm/" "$1" 2>&1 |
		awk -v id="$id" '
			/bios-flash@[0-9a-f]*: matched on schema/ { m = 1; next }
			m && /^\t/ { if (index($0, id)) found = 1; next }
			{ m = 0 }
			END { exit !found }'
}

# validate NAME DTB: no errors, and the binding did judge the node
validate() {
	check "dt-validate $1" dt-validate -s "$tmp/processed.json" \
		-l "$farm/" "$2"
	check "$1: bios-flash node matched by the binding" matched "$2"
}

# 3. The example, built as the kernel builds *.example.dtb
dt-extract-example "$farm/$binding" > "$tmp/example.dts"
cpp -nostdinc -I "$ksrc/scripts/dtc/include-prefixes" -undef -D__DTS__ \
	-x assembler-with-cpp -P -o "$tmp/example.pp.dts" "$tmp/example.dts"
check "dtc example" dtc -q -b 0 -Wno-avoid_unnecessary_addr_size \
	-Wno-graph_child_address -Wno-interrupt_provider \
	-Wno-unique_unit_address -Wunique_unit_address_if_enabled \
	-O dtb -o "$tmp/example.dtb" "$tmp/example.pp.dts"
validate "example" "$tmp/example.dtb"

# 4. The test base with the overlay, as a Raspberry Pi would boot it
dtc -q -@ -I dts -O dtb -o "$tmp/base.dtb" "$top/selftests/dt/test-base.dts"
dtc -q -@ -I dts -O dtb -o "$tmp/biosflash.dtbo" \
	"$top/dts-overlays/biosflash-overlay.dts"
# overlay NAME PARAM...: prints the merged DTB's path
overlay() {
	local name=$1
	shift
	"$top/selftests/dt/dtoverlay.py" "$tmp/base.dtb" "$tmp/biosflash.dtbo" \
		"$tmp/$name.dtb" "$@"
	echo "$tmp/$name.dtb"
}
echo "dt-check: test-base.dts + biosflash-overlay.dts"
validate "overlay, default parameters" "$(overlay default)"
all=(spi0-1 speed=20000000 io_1v8 wp_gpio=25)
validate "overlay, ${all[*]}" "$(overlay all "${all[@]}")"

# 5. A value outside the binding must be reported
bad=$(overlay bad io_voltage=2500000)
checks=$((checks + 1))
dt-validate -s "$tmp/processed.json" -l "$farm/" "$bad" > "$tmp/bad" 2>&1 || true
if grep -q 'biosflash,io-microvolt.*2500000 is not one of' "$tmp/bad"; then
	echo "  ok    overlay, io_voltage=2500000 rejected"
else
	echo "  FAIL  overlay, io_voltage=2500000 not rejected"
	fails=$((fails + 1))
fi

echo "dt-check: dtoverlay.py"
checks=$((checks + 1))
if sh "$top/selftests/dt/dtoverlay_test.sh" > "$tmp/dto" 2>&1; then
	echo "  ok    dtoverlay_test.sh: $(grep -c '^ok' "$tmp/dto") cases"
else
	echo "  FAIL  dtoverlay_test.sh"
	grep -A1 '^not ok' "$tmp/dto" | sed 's/^/        /'
	fails=$((fails + 1))
fi

echo "dt-check: $((checks - fails)) of $checks checks passed"
[ "$fails" = 0 ]
