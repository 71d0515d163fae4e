#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# make check's tiny benchmark (suite bench-smoke): scenario S2 (refresh) on a
# 2 MiB region at 16 MHz with clients (a) flashcp and (b) biosflash write.
# Asserts that the numbers are produced and sane, never a timing:
# (b) erases exactly the two changed 64 KiB blocks and programs no more pages
# than differ, (a) erases every block of the image, the modelled times are
# positive and (b)'s is below (a)'s and within 3x bf_minimum's minimum.
. /tests/bench_lib.sh

HZ=16000000
MB=1048576
# the change: the first 128 KiB of the "BIOS" region (the top 1/8), code-like
# data in both images, so both 64 KiB blocks need an erase
BENCH_CHG_OFF=$((2 * MB - MB / 4)) BENCH_CHG_LEN=$((MB / 8))
# 2 per client, then 4 comparisons
t_plan $((2 * 2 + 4 + 2))
make_images $((2 * MB)) || { t_fail bench_smoke_images_built; t_done; }
scenario S2
min=$(bf_minimum -c $HZ -o "$BENCH_OVH_NS" write "$OLD" "$NEW")
min_ns=$(echo "$min" | awk '$1 == "min_ns" { print $2 }')
diffpages=$(cmp -l "$OLD" "$NEW" | awk '{ p = int(($1 - 1) / 256); if (p != last) n++; last = p } BEGIN { last = -1 } END { print n + 0 }')
echo "# bf_minimum: $(echo "$min" | tr '\n' ' ')"
echo "# pages that differ: $diffpages"

for cl in a b; do
	setup $cl $HZ || { t_fail "bench_smoke_${cl}_setup"; continue; }
	measure $cl S2 $HZ "$OLD" "$NEW"
	t_eq "bench_smoke_${cl}_s2_writes_the_image" "$(echo "$BENCH_LINE" | cut -d' ' -f6,7)" "0 1"
	m=$(bench_model_ns)
	eval "model_$cl=$m erases_$cl=$(bench_erases) programs_$cl=$(bench_programs)"
	echo "# $cl: modelled $m ns, erases $(bench_erases), programs $(bench_programs), polls $(bench_stat polls), wall $(echo "$BENCH_LINE" | cut -d' ' -f8) s"
	if [ "$m" -gt 0 ] && [ "$(bench_stat bus_ns)" -gt 0 ] && [ "$(bench_stat busy_ns)" -gt 0 ]; then
		t_ok "bench_smoke_${cl}_counters_produced"
	else
		t_fail "bench_smoke_${cl}_counters_produced" "modelled $m ns"
	fi
done
mods_down

t_eq "bench_smoke_a_flashcp_erases_every_block" "${erases_a:-}" 32
t_eq "bench_smoke_b_erases_only_the_changed_blocks" "${erases_b:-}" $((BENCH_CHG_LEN / 65536))
if [ -n "${programs_b:-}" ] && [ "$programs_b" -gt 0 ] && [ "$programs_b" -le "$diffpages" ]; then
	t_ok "bench_smoke_b_programs_only_differing_pages"
else
	t_fail "bench_smoke_b_programs_only_differing_pages" "programs ${programs_b:-?}, differing $diffpages"
fi
if [ -n "$min_ns" ] && [ "$min_ns" -gt 0 ] && [ "${model_b:-0}" -ge "$min_ns" ] &&
   [ "${model_b:-0}" -lt $((3 * min_ns)) ] && [ "${model_b:-0}" -lt "${model_a:-0}" ]; then
	t_ok "bench_smoke_modelled_times_sane"
else
	t_fail "bench_smoke_modelled_times_sane" "a ${model_a:-?} b ${model_b:-?} min ${min_ns:-?}"
fi
bf_real_time_fresh bench_smoke
t_done
