# SPDX-License-Identifier: GPL-2.0
#
# biosflash: build the modules with kbuild, and drive the tests around them.
#   make                build biosflash.ko and flashsim.ko against KDIR
#   make deps           install every Debian package the build and tests need
#   make check          everything: warnings-as-errors builds, checkpatch,
#                       both VM test runs
#   make demo           the main job on a simulated W25Q256JW in a VM
#   make bench          benchmark against the alternatives -> results/bench/
#   make clean

KDIR ?= /lib/modules/$(shell uname -r)/build
CACHE ?= $(or $(BIOSFLASH_CACHE),$(or $(XDG_CACHE_HOME),$(HOME)/.cache)/biosflash)
export BIOSFLASH_CACHE := $(CACHE)

all: modules

modules:
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules

clean:
	$(MAKE) -C $(KDIR) M=$(CURDIR) clean 2>/dev/null || \
		find . -name '*.o' -o -name '*.ko' -o -name '*.mod*' -o -name '.*.cmd' | xargs rm -f
	rm -rf build selftests/out

deps:
	bash scripts/deps.sh

# Raspberry Pi overlay: NAME-overlay.dts -> NAME.dtbo
dtbs: dts-overlays/biosflash.dtbo

dts-overlays/%.dtbo: dts-overlays/%-overlay.dts
	dtc -@ -q -I dts -O dtb -o $@ $<

# Static checks: W=1 and sparse against Debian's 6.12 and 6.1 headers
# (warnings are errors), then checkpatch --strict on every tracked C file.
lint: deps
	bash scripts/lint.sh

vm-stock: deps
	bash selftests/vm/run.sh stock

vm-debug: deps
	bash selftests/vm/run.sh debug

# Device tree: the binding with dt-schema, the overlay applied to the test base
dt-check: deps
	bash scripts/dt-check.sh

check: deps
	bash scripts/lint.sh
	bash scripts/dt-check.sh
	bash selftests/vm/run.sh all

demo: deps
	bash selftests/vm/run.sh demo

bench: deps
	bash selftests/vm/run.sh bench

.PHONY: all modules clean deps dtbs dt-check lint vm-stock vm-debug check demo bench
