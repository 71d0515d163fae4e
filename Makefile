# SPDX-License-Identifier: GPL-2.0
#
# biosflash: build the modules with kbuild, and drive the tests around them.
#   make                build biosflash.ko and flashsim.ko against KDIR, the
#                       overlay biosflash.dtbo and the tool (as yourself)
#   make deps           install every Debian package the build and tests need
#   make check          everything: warnings-as-errors builds, checkpatch,
#                       both VM test runs
#   make demo           the main job on a simulated W25Q256JW in a VM
#   make fresh          make check (FRESH_TARGET=...) in a pristine Debian 12
#                       root built with mmdebstrap, as CI runs it (root)
#   make bench          benchmark against the alternatives -> results/bench/
#   make clean
# On the Raspberry Pi (Documentation/recovery.rst, step 1), after make:
#   sudo make install   copy them into the system (builds nothing)
#   sudo make dkms-install, sudo make dkms-remove
#                       the module through DKMS, rebuilt for every new kernel,
#                       plus the overlay, the tool and its manual page

KDIR ?= /lib/modules/$(shell uname -r)/build
CACHE ?= $(or $(BIOSFLASH_CACHE),$(or $(XDG_CACHE_HOME),$(HOME)/.cache)/biosflash)
export BIOSFLASH_CACHE := $(CACHE)

all: modules dtbs tool

# kbuild's own error for a missing KDIR ("No such file or directory. Stop.")
# names neither the cause nor the fix
need-kdir = $(if $(wildcard $(KDIR)/Makefile),,$(error $(KDIR) does not exist: \
	$(if $(filter file,$(origin KDIR)),install the headers package for the running \
	kernel $(shell uname -r) (sudo apt install linux-headers-$(shell uname -r)) \
	or reboot into the kernel the installed headers are for,point KDIR at the \
	build directory of the kernel to build for)))
# need-tool COMMAND,PACKAGE
need-tool = $(if $(shell command -v $(1)),,$(error $(1) not found: sudo apt install $(2)))

modules:
	$(need-kdir)
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules

tool:
	$(MAKE) -C userspace

clean:
	$(MAKE) -C $(KDIR) M=$(CURDIR) clean 2>/dev/null || \
		find . -name '*.o' -o -name '*.ko' -o -name '*.mod*' -o -name '.*.cmd' \
		-o -name modules.order -o -name Module.symvers | xargs rm -f
	$(MAKE) -C userspace clean
	rm -f dts-overlays/*.dtbo
	rm -rf build selftests/out

deps:
	bash scripts/deps.sh

# Raspberry Pi overlay: NAME-overlay.dts -> NAME.dtbo
dtbs: dts-overlays/biosflash.dtbo

dts-overlays/%.dtbo: dts-overlays/%-overlay.dts
	$(call need-tool,dtc,device-tree-compiler)
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
	bash scripts/chips-crosscheck.sh
	bash selftests/vm/run.sh all

FRESH_TARGET ?= check
fresh:
	bash scripts/fresh.sh $(FRESH_TARGET)

demo: deps
	bash selftests/vm/run.sh demo

bench: deps
	bash selftests/vm/run.sh bench

# Install on the Raspberry Pi (or any board): the module for the kernel it was
# built for, the overlay where Raspberry Pi OS looks for it
# (/boot/firmware/overlays since Bookworm, /boot/overlays before) and the
# tool.  DESTDIR is honoured.  make install only copies what make built: run
# as root, kbuild, dtc or cc would leave root-owned files in the user's clone
# (.cmd files, modules.order, Module.symvers, ...), so a file that is missing
# or older than its sources stops it instead.
KREL ?= $(or $(shell modinfo -F vermagic driver/biosflash.ko 2>/dev/null | cut -d' ' -f1),$(KDIR_REL))
KDIR_REL = $(shell cat $(KDIR)/include/config/kernel.release 2>/dev/null || uname -r)
OVERLAYS ?= $(if $(wildcard $(DESTDIR)/boot/firmware/overlays),/boot/firmware/overlays,/boot/overlays)

# need-built FILE,SOURCES: stop unless FILE exists and is newer than SOURCES
need-built = $(if $(wildcard $(1)),,$(error $(1) is not built: run make (without sudo) \
	first, then sudo make $@))$(if $(shell find $(2) -newer $(1)),$(error $(1) is older \
	than its sources: run make (without sudo) again, then sudo make $@))
define install-tools
	$(call need-built,dts-overlays/biosflash.dtbo,dts-overlays/biosflash-overlay.dts)
	@$(MAKE) -q --no-print-directory -C userspace || { echo "Makefile: *** userspace/biosflash \
	is not built or is out of date: run make (without sudo) first, then sudo make $@." >&2; exit 1; }
	install -D -m 644 dts-overlays/biosflash.dtbo $(DESTDIR)$(OVERLAYS)/biosflash.dtbo
	$(MAKE) -C userspace install DESTDIR=$(DESTDIR) PREFIX=/usr
endef

install:
	$(call need-built,driver/biosflash.ko,$(wildcard driver/*.[ch]) driver/Kbuild dkms.conf)
	$(install-tools)
	install -D -m 644 driver/biosflash.ko $(DESTDIR)/lib/modules/$(KREL)/updates/biosflash.ko
	$(if $(DESTDIR),,depmod -a $(KREL))

# the overlay, the tool and its manual page (dkms-install)
install-tools:
	$(install-tools)

# DKMS: dkms.conf builds the module for every kernel (again after each kernel
# update); the overlay, the tool and its manual page do not depend on the
# kernel, so this target installs them once, as make install does (a
# POST_INSTALL script would reinstall them at every kernel update and dkms
# remove would leave them).  The sources are copied to
# /usr/src/biosflash-VERSION, owned by root and cleaned there (make clean),
# and every build runs there or in DKMS's tree, none in this one.  With
# DESTDIR, DKMS's trees and the installed files all go under it (no depmod).
# A module make install put in updates/ would stop dkms install (its version
# check finds the same version there): DKMS's copy replaces it.
VERSION := $(shell sed -n 's/^PACKAGE_VERSION="\(.*\)"$$/\1/p' dkms.conf)
DKMS ?= dkms
DKMS_SRC = $(DESTDIR)/usr/src/biosflash-$(VERSION)
dkms-args = -m biosflash -v $(VERSION) $(if $(DESTDIR),--sourcetree $(DESTDIR)/usr/src \
	--dkmstree $(DESTDIR)/var/lib/dkms --installtree $(DESTDIR)/lib/modules --no-depmod)
dkms-kernel = -k $(KDIR_REL) --kernelsourcedir $(KDIR)
dkms-drop = if [ -n "$$($(DKMS) status $(dkms-args) 2>/dev/null)" ]; then \
	$(DKMS) remove $(dkms-args) --all; fi

dkms-install:
	$(need-kdir)
	$(call need-tool,$(DKMS),dkms)
	$(call need-tool,dtc,device-tree-compiler)
	$(dkms-drop)
	rm -rf $(DKMS_SRC)
	mkdir -p $(DKMS_SRC) $(if $(DESTDIR),$(DESTDIR)/var/lib/dkms $(DESTDIR)/lib/modules/$(KDIR_REL))
	tar -C $(CURDIR) --exclude-vcs --exclude=./selftests/out --exclude=./results \
		--exclude=./build -cf - . | tar -C $(DKMS_SRC) --no-same-owner -xf -
	$(MAKE) -C $(DKMS_SRC) clean KDIR=$(KDIR)
	rm -f $(DESTDIR)/lib/modules/$(KDIR_REL)/updates/biosflash.ko
	$(DKMS) add $(dkms-args)
	$(DKMS) build $(dkms-args) $(dkms-kernel)
	$(DKMS) install $(dkms-args) $(dkms-kernel)
	$(MAKE) -C $(DKMS_SRC) dtbs tool
	$(MAKE) -C $(DKMS_SRC) install-tools DESTDIR=$(DESTDIR)

# the module from every kernel, DKMS's copy of the sources, the overlay, the
# tool and its manual page (the paths of userspace/Makefile's install)
dkms-remove:
	$(call need-tool,$(DKMS),dkms)
	$(dkms-drop)
	rm -rf $(DKMS_SRC)
	rm -f $(DESTDIR)$(OVERLAYS)/biosflash.dtbo $(DESTDIR)/usr/sbin/biosflash \
		$(DESTDIR)/usr/share/man/man8/biosflash.8

.PHONY: all modules tool clean deps dtbs dt-check install install-tools dkms-install \
	dkms-remove lint vm-stock vm-debug check demo bench fresh suites-check
