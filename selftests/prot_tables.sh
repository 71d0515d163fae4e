#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# shellcheck disable=SC2034 # the tables are used by the scripts that source this
#
# The block-protection tables, written out by hand from the datasheets and
# never computed by driver or simulator code.  Sourced by the suites that
# check them: biosflash_protect.sh and biosflash_protect_layouts.sh (the
# driver's decoding, /sys/class/mtd/mtd0/protect) and flashsim_enforce.sh
# (the simulator's enforcement, byte by byte through spidev).  The last
# column is the protected range as the driver's protect file shows it:
# "none", "all" or START-END (first and last byte, hex).

# PROT_W25Q256: W25Q256JV/JW, every TB x CMP x BP3..0 (64 rows).  W25Q257FV
# datasheet §7.1.16 (CMP = 0) and §7.1.17 (CMP = 1), the same bit semantics
# as W25Q256JV/JW (flashrom's reg_bits for them; Documentation/chips.rst,
# "Block protection").
# columns: TB CMP BP expected-protect
PROT_W25Q256='0 0  0 none
0 0  1 0x01ff0000-0x01ffffff
0 0  2 0x01fe0000-0x01ffffff
0 0  3 0x01fc0000-0x01ffffff
0 0  4 0x01f80000-0x01ffffff
0 0  5 0x01f00000-0x01ffffff
0 0  6 0x01e00000-0x01ffffff
0 0  7 0x01c00000-0x01ffffff
0 0  8 0x01800000-0x01ffffff
0 0  9 0x01000000-0x01ffffff
0 0 10 all
0 0 11 all
0 0 12 all
0 0 13 all
0 0 14 all
0 0 15 all
1 0  0 none
1 0  1 0x00000000-0x0000ffff
1 0  2 0x00000000-0x0001ffff
1 0  3 0x00000000-0x0003ffff
1 0  4 0x00000000-0x0007ffff
1 0  5 0x00000000-0x000fffff
1 0  6 0x00000000-0x001fffff
1 0  7 0x00000000-0x003fffff
1 0  8 0x00000000-0x007fffff
1 0  9 0x00000000-0x00ffffff
1 0 10 all
1 0 11 all
1 0 12 all
1 0 13 all
1 0 14 all
1 0 15 all
0 1  0 all
0 1  1 0x00000000-0x01feffff
0 1  2 0x00000000-0x01fdffff
0 1  3 0x00000000-0x01fbffff
0 1  4 0x00000000-0x01f7ffff
0 1  5 0x00000000-0x01efffff
0 1  6 0x00000000-0x01dfffff
0 1  7 0x00000000-0x01bfffff
0 1  8 0x00000000-0x017fffff
0 1  9 0x00000000-0x00ffffff
0 1 10 none
0 1 11 none
0 1 12 none
0 1 13 none
0 1 14 none
0 1 15 none
1 1  0 all
1 1  1 0x00010000-0x01ffffff
1 1  2 0x00020000-0x01ffffff
1 1  3 0x00040000-0x01ffffff
1 1  4 0x00080000-0x01ffffff
1 1  5 0x00100000-0x01ffffff
1 1  6 0x00200000-0x01ffffff
1 1  7 0x00400000-0x01ffffff
1 1  8 0x00800000-0x01ffffff
1 1  9 0x01000000-0x01ffffff
1 1 10 none
1 1 11 none
1 1 12 none
1 1 13 none
1 1 14 none
1 1 15 none'

# PROT_W25Q128JV: W25Q128JV, every CMP x SEC x TB x BP2..0 (64 rows).
# W25Q128JV datasheet Rev M (2024-12-24) §7.1.8 (CMP = 0) and §7.1.9
# (CMP = 1).  The SEC = 1, BP = 110 rows are not in the datasheet (its
# SEC = 1 rows stop at 10X, then X X 111 = all): marked "FR", the 32 KiB
# that flashrom's decode_range_spi25 gives them (4 KiB << 5 clamped to
# 32 KiB).
# columns: CMP SEC TB BP2 BP1 BP0 expected-protect [source]
PROT_W25Q128JV='0 0 0 0 0 0 none
0 0 0 0 0 1 0x00fc0000-0x00ffffff
0 0 0 0 1 0 0x00f80000-0x00ffffff
0 0 0 0 1 1 0x00f00000-0x00ffffff
0 0 0 1 0 0 0x00e00000-0x00ffffff
0 0 0 1 0 1 0x00c00000-0x00ffffff
0 0 0 1 1 0 0x00800000-0x00ffffff
0 0 0 1 1 1 all
0 0 1 0 0 0 none
0 0 1 0 0 1 0x00000000-0x0003ffff
0 0 1 0 1 0 0x00000000-0x0007ffff
0 0 1 0 1 1 0x00000000-0x000fffff
0 0 1 1 0 0 0x00000000-0x001fffff
0 0 1 1 0 1 0x00000000-0x003fffff
0 0 1 1 1 0 0x00000000-0x007fffff
0 0 1 1 1 1 all
0 1 0 0 0 0 none
0 1 0 0 0 1 0x00fff000-0x00ffffff
0 1 0 0 1 0 0x00ffe000-0x00ffffff
0 1 0 0 1 1 0x00ffc000-0x00ffffff
0 1 0 1 0 0 0x00ff8000-0x00ffffff
0 1 0 1 0 1 0x00ff8000-0x00ffffff
0 1 0 1 1 0 0x00ff8000-0x00ffffff FR
0 1 0 1 1 1 all
0 1 1 0 0 0 none
0 1 1 0 0 1 0x00000000-0x00000fff
0 1 1 0 1 0 0x00000000-0x00001fff
0 1 1 0 1 1 0x00000000-0x00003fff
0 1 1 1 0 0 0x00000000-0x00007fff
0 1 1 1 0 1 0x00000000-0x00007fff
0 1 1 1 1 0 0x00000000-0x00007fff FR
0 1 1 1 1 1 all
1 0 0 0 0 0 all
1 0 0 0 0 1 0x00000000-0x00fbffff
1 0 0 0 1 0 0x00000000-0x00f7ffff
1 0 0 0 1 1 0x00000000-0x00efffff
1 0 0 1 0 0 0x00000000-0x00dfffff
1 0 0 1 0 1 0x00000000-0x00bfffff
1 0 0 1 1 0 0x00000000-0x007fffff
1 0 0 1 1 1 none
1 0 1 0 0 0 all
1 0 1 0 0 1 0x00040000-0x00ffffff
1 0 1 0 1 0 0x00080000-0x00ffffff
1 0 1 0 1 1 0x00100000-0x00ffffff
1 0 1 1 0 0 0x00200000-0x00ffffff
1 0 1 1 0 1 0x00400000-0x00ffffff
1 0 1 1 1 0 0x00800000-0x00ffffff
1 0 1 1 1 1 none
1 1 0 0 0 0 all
1 1 0 0 0 1 0x00000000-0x00ffefff
1 1 0 0 1 0 0x00000000-0x00ffdfff
1 1 0 0 1 1 0x00000000-0x00ffbfff
1 1 0 1 0 0 0x00000000-0x00ff7fff
1 1 0 1 0 1 0x00000000-0x00ff7fff
1 1 0 1 1 0 0x00000000-0x00ff7fff FR
1 1 0 1 1 1 none
1 1 1 0 0 0 all
1 1 1 0 0 1 0x00001000-0x00ffffff
1 1 1 0 1 0 0x00002000-0x00ffffff
1 1 1 0 1 1 0x00004000-0x00ffffff
1 1 1 1 0 0 0x00008000-0x00ffffff
1 1 1 1 0 1 0x00008000-0x00ffffff
1 1 1 1 1 0 0x00008000-0x00ffffff FR
1 1 1 1 1 1 none'

# PROT_TB_BP4_256M: a 256 Mbit part with TB and BP3..0 and no CMP (32
# rows): Macronix MX25U25635F (TB = CR bit 3, OTP) and GigaDevice
# GD25LB256E (TB = SR1 bit 6).  No Macronix or GigaDevice datasheet was
# read: the rows are those of PROT_W25Q256 (W25Q257FV datasheet §7.1.16)
# without CMP, the sizes flashrom (decode_range_spi25 for MX25U25643G/45G)
# and ufprog (mx25x_wpr_4bp_tb0/1, the GD25B256D SR1 that ufprog gives the
# GD25LB256E) use for these parts.
# columns: TB BP3 BP2 BP1 BP0 expected-protect
PROT_TB_BP4_256M='0 0 0 0 0 none
0 0 0 0 1 0x01ff0000-0x01ffffff
0 0 0 1 0 0x01fe0000-0x01ffffff
0 0 0 1 1 0x01fc0000-0x01ffffff
0 0 1 0 0 0x01f80000-0x01ffffff
0 0 1 0 1 0x01f00000-0x01ffffff
0 0 1 1 0 0x01e00000-0x01ffffff
0 0 1 1 1 0x01c00000-0x01ffffff
0 1 0 0 0 0x01800000-0x01ffffff
0 1 0 0 1 0x01000000-0x01ffffff
0 1 0 1 0 all
0 1 0 1 1 all
0 1 1 0 0 all
0 1 1 0 1 all
0 1 1 1 0 all
0 1 1 1 1 all
1 0 0 0 0 none
1 0 0 0 1 0x00000000-0x0000ffff
1 0 0 1 0 0x00000000-0x0001ffff
1 0 0 1 1 0x00000000-0x0003ffff
1 0 1 0 0 0x00000000-0x0007ffff
1 0 1 0 1 0x00000000-0x000fffff
1 0 1 1 0 0x00000000-0x001fffff
1 0 1 1 1 0x00000000-0x003fffff
1 1 0 0 0 0x00000000-0x007fffff
1 1 0 0 1 0x00000000-0x00ffffff
1 1 0 1 0 all
1 1 0 1 1 all
1 1 1 0 0 all
1 1 1 0 1 all
1 1 1 1 0 all
1 1 1 1 1 all'

# PROT_TB_BP4_128M: a 128 Mbit part with TB and BP3..0 and no CMP (32
# rows): ISSI IS25LP128 (TB = TBS, function register bit 1, one-time).
# One 64 KiB block at BP = 0001, doubling, 128 of the 256 blocks at 1000,
# all from 1001 on: the IS25LP128 block protection table as the ISSI
# family note of Documentation/survey/macronix-issi-eon.rst gives it (no
# ISSI register page was read; flashrom's decode_range_spi25() decodes the
# part the same way).
# columns: TB BP3 BP2 BP1 BP0 expected-protect
PROT_TB_BP4_128M='0 0 0 0 0 none
0 0 0 0 1 0x00ff0000-0x00ffffff
0 0 0 1 0 0x00fe0000-0x00ffffff
0 0 0 1 1 0x00fc0000-0x00ffffff
0 0 1 0 0 0x00f80000-0x00ffffff
0 0 1 0 1 0x00f00000-0x00ffffff
0 0 1 1 0 0x00e00000-0x00ffffff
0 0 1 1 1 0x00c00000-0x00ffffff
0 1 0 0 0 0x00800000-0x00ffffff
0 1 0 0 1 all
0 1 0 1 0 all
0 1 0 1 1 all
0 1 1 0 0 all
0 1 1 0 1 all
0 1 1 1 0 all
0 1 1 1 1 all
1 0 0 0 0 none
1 0 0 0 1 0x00000000-0x0000ffff
1 0 0 1 0 0x00000000-0x0001ffff
1 0 0 1 1 0x00000000-0x0003ffff
1 0 1 0 0 0x00000000-0x0007ffff
1 0 1 0 1 0x00000000-0x000fffff
1 0 1 1 0 0x00000000-0x001fffff
1 0 1 1 1 0x00000000-0x003fffff
1 1 0 0 0 0x00000000-0x007fffff
1 1 0 0 1 all
1 1 0 1 0 all
1 1 0 1 1 all
1 1 1 0 0 all
1 1 1 0 1 all
1 1 1 1 0 all
1 1 1 1 1 all'

# PROT_S25FL256S: Spansion S25FL256S, TBPROT (CR1 bit 5, one-time) x
# BP2..0 (16 rows): 1/64 of the array at BP = 001, doubling, all at 111
# (the S25FL-S "upper/lower array start of protection" tables as the
# survey's S25FL256S entry gives them, Documentation/survey/
# gigadevice-micron-spansion-sst-adesto.rst; unverified: no S25FL-S page
# with the table was read).
# columns: TB BP2 BP1 BP0 expected-protect
PROT_S25FL256S='0 0 0 0 none
0 0 0 1 0x01f80000-0x01ffffff
0 0 1 0 0x01f00000-0x01ffffff
0 0 1 1 0x01e00000-0x01ffffff
0 1 0 0 0x01c00000-0x01ffffff
0 1 0 1 0x01800000-0x01ffffff
0 1 1 0 0x01000000-0x01ffffff
0 1 1 1 all
1 0 0 0 none
1 0 0 1 0x00000000-0x0007ffff
1 0 1 0 0x00000000-0x000fffff
1 0 1 1 0x00000000-0x001fffff
1 1 0 0 0x00000000-0x003fffff
1 1 0 1 0x00000000-0x007fffff
1 1 1 0 0x00000000-0x00ffffff
1 1 1 1 all'

# PROT_BP4_32M_TOP: SST25VF032B, BP3..0, no TB (16 rows): upper 1/64 of the
# 4 MiB at 0001, doubling, all at 0111 and with BP3 = 1 (the SST25 status
# register block protection table; the part's own datasheet was not
# found, the rows are its siblings', Documentation/survey/
# gigadevice-micron-spansion-sst-adesto.rst "SST25VF032B").
# columns: BP3 BP2 BP1 BP0 expected-protect
PROT_BP4_32M_TOP='0 0 0 0 none
0 0 0 1 0x003f0000-0x003fffff
0 0 1 0 0x003e0000-0x003fffff
0 0 1 1 0x003c0000-0x003fffff
0 1 0 0 0x00380000-0x003fffff
0 1 0 1 0x00300000-0x003fffff
0 1 1 0 0x00200000-0x003fffff
0 1 1 1 all
1 0 0 0 all
1 0 0 1 all
1 0 1 0 all
1 0 1 1 all
1 1 0 0 all
1 1 0 1 all
1 1 1 0 all
1 1 1 1 all'
