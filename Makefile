# SPDX-License-Identifier: GPL-2.0
#
# biosflash: build the modules with kbuild, and drive the tests around them.
#   make                build biosflash.ko and flashsim.ko against KDIR
#   make deps           install every Debian package the build and tests need
#   make check          everything: warnings-as-errors builds, checkpatch,
#                       both VM test runs
#   make demo           the main job on a simulated W25Q256JW in a VM
#   make fresh          make check (FRESH_TARGET=...) in a pristine Debian 12
#                       root built with mmdebstrap, as CI runs it (root)
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

suites-check:
	bash scripts/suites-check.sh

check: deps
	bash scripts/suites-check.sh
	bash scripts/lint.sh
	bash scripts/dt-check.sh
	bash scripts/install-test.sh
	bash scripts/doc-check.sh
	bash selftests/vm/run.sh all

FRESH_TARGET ?= check
fresh:
	bash scripts/fresh.sh $(FRESH_TARGET)

demo: deps
	bash selftests/vm/run.sh demo

bench: deps
	bash selftests/vm/run.sh bench

# Install on the Raspberry Pi (or any board): the module for the running (or
# KDIR's) kernel, the overlay where Raspberry Pi OS looks for it
# (/boot/firmware/overlays since Bookworm, /boot/overlays before) and the
# tool.  DESTDIR is honoured.
KREL ?= $(shell cat $(KDIR)/include/config/kernel.release 2>/dev/null || uname -r)
OVERLAYS ?= $(if $(wildcard $(DESTDIR)/boot/firmware/overlays),/boot/firmware/overlays,/boot/overlays)

install: modules dtbs
	install -D -m 644 driver/biosflash.ko $(DESTDIR)/lib/modules/$(KREL)/updates/biosflash.ko
	install -D -m 644 dts-overlays/biosflash.dtbo $(DESTDIR)$(OVERLAYS)/biosflash.dtbo
	$(MAKE) -C userspace install DESTDIR=$(DESTDIR) PREFIX=/usr
	$(if $(DESTDIR),,depmod -a $(KREL))

.PHONY: all modules clean deps dtbs dt-check install lint vm-stock vm-debug check demo bench fresh suites-check
