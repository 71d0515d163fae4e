// SPDX-License-Identifier: GPL-2.0
/*
 * flashsim profile table: every simulated chip is a row of data.
 *
 * Every value names its source by tag: DS-257FV (Winbond W25Q257FV
 * datasheet, revision of 2015-11-13), DS-128JV (W25Q128JV datasheet Rev M,
 * 2024-12-24), DS-256JV (W25Q256JV datasheet, pages 1, 17 and 33 only), FR
 * (flashrom), KERN (Linux 6.12 drivers/mtd/spi-nor), UF (ufprog), RTL and
 * CSDN (secondary), MEM (from memory, unverified); all expanded in
 * Documentation/chips.rst, "Sources".  A value
 * marked "unverified for JW" was read in a sibling datasheet (W25Q257FV,
 * W25Q256JV, W25Q128JV) and is assumed to hold for the 1.8 V W25Q256JW.
 * No Macronix or GigaDevice datasheet was read: every value of those
 * profiles that comes from UF, MEM or a secondary source says so.
 */
#include <linux/kernel.h>
#include <linux/sizes.h>
#include <linux/string.h>

#include "flashsim.h"

/*
 * SFDP of the W25Q256JW: SYNTHESIZED, NOT A REAL DUMP.  No W25Q256JV/JW SFDP
 * dump was found in the public linux-mtd/LKML archives.  This is the
 * verbatim W25Q01NWxxIQ table (JW family, posted by M. Raynal, linux-mtd
 * 2025, sha256 d70b64bf...3acaea) with only BFPT DWORD 2 changed from
 * 0x3fffffff (1 Gbit) to 0x0fffffff (256 Mbit).  Everything else is
 * kept: JESD216B header (rev 1.6) with BFPT
 * (16 DWORDs) at 0x80 and 4BAIT at 0xd0 (4-byte erase opcodes 21h/DCh),
 * QER = 101b, enter-4B = B7h/EAR/dedicated opcodes, 66h/99h soft reset.
 * Known leftover: DWORD 11 still gives the 1 Gbit part's typical chip-erase
 * time (192 s) while the profile models tCE = 80 s.
 */
static const u8 flashsim_w25q256jw_sfdp[] = {
	/* SFDP header: "SFDP", rev 1.6, 2 parameter headers */
	0x53, 0x46, 0x44, 0x50, 0x06, 0x01, 0x01, 0xff,
	/* BFPT rev 1.6, 16 DWORDs at 0x000080 */
	0x00, 0x06, 0x01, 0x10, 0x80, 0x00, 0x00, 0xff,
	/* 4BAIT (ID 0xff84) rev 1.0, 2 DWORDs at 0x0000d0 */
	0x84, 0x00, 0x01, 0x02, 0xd0, 0x00, 0x00, 0xff,
	[0x18 ... 0x7f] = 0xff,
	/* BFPT DWORD 1..4: DW2 = 0x0fffffff is the synthesized value */
	0xe5, 0x20, 0xfb, 0xff, 0xff, 0xff, 0xff, 0x0f,
	0x44, 0xeb, 0x08, 0x6b, 0x08, 0x3b, 0x42, 0xbb,
	/* DWORD 5..8 */
	0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00,
	0xff, 0xff, 0x40, 0xeb, 0x0c, 0x20, 0x0f, 0x52,
	/* DWORD 9..12 */
	0x10, 0xd8, 0x00, 0x00, 0x36, 0x52, 0xb5, 0x00,
	0x82, 0xea, 0x14, 0xe2, 0xe9, 0x63, 0x76, 0x33,
	/* DWORD 13..16 */
	0x7a, 0x75, 0x7a, 0x75, 0xf7, 0xbd, 0xd5, 0x5c,
	0x19, 0xf7, 0x5d, 0xff, 0xe9, 0x70, 0xf9, 0xa5,
	[0xc0 ... 0xcf] = 0xff,
	/* 4BAIT DWORD 1 (0xfff00aff) and 2 (0xffdcff21) */
	0xff, 0x0a, 0xf0, 0xff, 0x21, 0xff, 0xdc, 0xff,
};

static_assert(sizeof(flashsim_w25q256jw_sfdp) == 0xd8);

/*
 * SFDP of C2 25 39: a REAL DUMP, verbatim.  Posted as mx25u25635f by A.
 * Sverdlin (LKML 2022-05, md5 bc360997e729ce1f77f1ff728621d94f); the same
 * bytes were posted for an MX25U25645G by Toradex (linux-mtd, sha256
 * cc74a749...fb745f1).  JESD216B (rev 1.6): BFPT at 0x30, Macronix
 * table at 0x110, 4BAIT at 0xc0.  UF annotates the older
 * MX25U25635F die as "SFDP 1.0", so the dump is probably from a G die
 * with the same ID; the profile keeps the name flashrom and Linux use for
 * the ID.  The profile's commands and times follow this table.
 */
static const u8 flashsim_mx25u256_sfdp[] = {
	/* SFDP header: "SFDP", rev 1.6, 3 parameter headers */
	0x53, 0x46, 0x44, 0x50, 0x06, 0x01, 0x02, 0xff,
	/* BFPT rev 1.6, 16 DWORDs at 0x000030 */
	0x00, 0x06, 0x01, 0x10, 0x30, 0x00, 0x00, 0xff,
	/* Macronix table (ID 0xffc2) rev 1.0, 4 DWORDs at 0x000110 */
	0xc2, 0x00, 0x01, 0x04, 0x10, 0x01, 0x00, 0xff,
	/* 4BAIT (ID 0xff84) rev 1.0, 2 DWORDs at 0x0000c0 */
	0x84, 0x00, 0x01, 0x02, 0xc0, 0x00, 0x00, 0xff,
	[0x20 ... 0x2f] = 0xff,
	/* BFPT DWORD 1..4: 3- or 4-byte, 20h 4K; DW2 0x0fffffff = 256 Mbit */
	0xe5, 0x20, 0xfb, 0xff, 0xff, 0xff, 0xff, 0x0f,
	0x44, 0xeb, 0x08, 0x6b, 0x08, 0x3b, 0x04, 0xbb,
	/* DWORD 5..8 */
	0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0xff,
	0xff, 0xff, 0x44, 0xeb, 0x0c, 0x20, 0x0f, 0x52,
	/* DWORD 9..12: DW10/11 typical erase and program times */
	0x10, 0xd8, 0x00, 0xff, 0x87, 0x49, 0xb5, 0x00,
	0x82, 0xd2, 0x04, 0xd2, 0x44, 0x03, 0x67, 0x38,
	/* DWORD 13..16: DW13 suspend B0h/30h, DW15 QER 010b, DW16 66h/99h */
	0x30, 0xb0, 0x30, 0xb0, 0xf7, 0xbd, 0xd5, 0x5c,
	0x4a, 0x9e, 0x29, 0xff, 0xf0, 0x50, 0xf9, 0x85,
	[0x70 ... 0xbf] = 0xff,
	/* 4BAIT DWORD 1 (0xffff8f7f) and 2 (0xffdc5c21): 21h 5Ch DCh */
	0x7f, 0x8f, 0xff, 0xff, 0x21, 0x5c, 0xdc, 0xff,
	[0xc8 ... 0x10f] = 0xff,
	/* Macronix vendor table */
	0x00, 0x20, 0x50, 0x16, 0x9d, 0xf9, 0xc0, 0x64,
	0x85, 0xcb, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
};

static_assert(sizeof(flashsim_mx25u256_sfdp) == 0x120);

/*
 * SFDP of C2 20 19, MX25L25635F: the header and BFPT are a REAL DUMP
 * (Microsoft Project Cerberus, core/testing/flash/spi_flash_sfdp_testing.c,
 * SFDP_HEADER/PARAMS_MX25L25635F).  JESD216 rev 1.0: the BFPT ends at DWORD
 * 9, so it names neither a 4-byte entry method nor 4-byte opcodes.  The
 * Macronix table's contents are not in that dump: built, assumption.
 */
static const u8 flashsim_mx25l25635f_sfdp[] = {
	/* SFDP 1.0, BFPT 1.0 (9 DWORDs) at 0x30, Macronix table at 0x60: real */
	0x53, 0x46, 0x44, 0x50, 0x00, 0x01, 0x01, 0xff,
	0x00, 0x00, 0x01, 0x09, 0x30, 0x00, 0x00, 0xff,
	0xc2, 0x00, 0x01, 0x04, 0x60, 0x00, 0x00, 0xff,
	[0x18 ... 0x2f] = 0xff,
	/* BFPT DWORD 1..9: real (DW1 0xfff320e5: 3- or 4-byte addresses) */
	0xe5, 0x20, 0xf3, 0xff, 0xff, 0xff, 0xff, 0x0f,
	0x44, 0xeb, 0x08, 0x6b, 0x08, 0x3b, 0x04, 0xbb,
	0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0xff,
	0xff, 0xff, 0x44, 0xeb, 0x0c, 0x20, 0x0f, 0x52,
	0x10, 0xd8, 0x00, 0xff,
	[0x54 ... 0x5f] = 0xff,
	/* Macronix table: BUILT (U dump's with 3.6/2.7 V), assumption */
	0x00, 0x36, 0x00, 0x27, 0x9d, 0xf9, 0xc0, 0x64,
	0x85, 0xcb, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
};

static_assert(sizeof(flashsim_mx25l25635f_sfdp) == 0x70);

/*
 * SFDP of C2 20 19, MX25L25645G: header and BFPT a REAL DUMP (Project
 * Cerberus spi_flash_sfdp_testing.c, SFDP_HEADER/PARAMS_MX25L25645G):
 * JESD216B (rev 1.6), 16 DWORDs; DW16 0x85f950f0 names B7h, EAR and the
 * dedicated 4-byte set.  The 4BAIT and Macronix tables are not in that
 * dump: taken from the C2 25 39 dump (same family), assumption.
 */
static const u8 flashsim_mx25l25645g_sfdp[] = {
	/* SFDP 1.6: BFPT at 0x30, Macronix table at 0x110, 4BAIT at 0xc0: real */
	0x53, 0x46, 0x44, 0x50, 0x06, 0x01, 0x02, 0xff,
	0x00, 0x06, 0x01, 0x10, 0x30, 0x00, 0x00, 0xff,
	0xc2, 0x00, 0x01, 0x04, 0x10, 0x01, 0x00, 0xff,
	0x84, 0x00, 0x01, 0x02, 0xc0, 0x00, 0x00, 0xff,
	[0x20 ... 0x2f] = 0xff,
	/* BFPT DWORD 1..16: real */
	0xe5, 0x20, 0xfb, 0xff, 0xff, 0xff, 0xff, 0x0f,
	0x44, 0xeb, 0x08, 0x6b, 0x08, 0x3b, 0x04, 0xbb,
	0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0xff,
	0xff, 0xff, 0x44, 0xeb, 0x0c, 0x20, 0x0f, 0x52,
	0x10, 0xd8, 0x00, 0xff, 0xd6, 0x59, 0xdd, 0x00,
	0x82, 0x9f, 0x03, 0xdb, 0x44, 0x03, 0x67, 0x38,
	0x30, 0xb0, 0x30, 0xb0, 0xf7, 0xbd, 0xd5, 0x5c,
	0x4a, 0x9e, 0x29, 0xff, 0xf0, 0x50, 0xf9, 0x85,
	[0x70 ... 0xbf] = 0xff,
	/* 4BAIT: BUILT (the C2 25 39 dump's: 21h 5Ch DCh), assumption */
	0x7f, 0x8f, 0xff, 0xff, 0x21, 0x5c, 0xdc, 0xff,
	[0xc8 ... 0x10f] = 0xff,
	/* Macronix table: BUILT, assumption */
	0x00, 0x36, 0x00, 0x27, 0x9d, 0xf9, 0xc0, 0x64,
	0x85, 0xcb, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
};

static_assert(sizeof(flashsim_mx25l25645g_sfdp) == 0x120);

/*
 * SFDP of 20 BA 19, MT25QL256ABA: header and BFPT a REAL DUMP (Project
 * Cerberus spi_flash_sfdp_testing.c, SFDP_HEADER/PARAMS_MT25Q256ABA):
 * JESD216B, erase types 4 KiB 20h, 64 KiB D8h, 32 KiB 52h (DW8/9), dummy
 * clocks EBh 10, others 8 (DW3/4), suspend 75h/7Ah (DW13).  The 4BAIT
 * contents are not in the dump: built from the opcode table, assumption.
 */
static const u8 flashsim_mt25ql256_sfdp[] = {
	/* SFDP 1.6: BFPT at 0x30, 4BAIT at 0x80: real */
	0x53, 0x46, 0x44, 0x50, 0x06, 0x01, 0x01, 0xff,
	0x00, 0x06, 0x01, 0x10, 0x30, 0x00, 0x00, 0xff,
	0x84, 0x00, 0x01, 0x02, 0x80, 0x00, 0x00, 0xff,
	[0x18 ... 0x2f] = 0xff,
	/* BFPT DWORD 1..16: real */
	0xe5, 0x20, 0xfb, 0xff, 0xff, 0xff, 0xff, 0x0f,
	0x29, 0xeb, 0x27, 0x6b, 0x27, 0x3b, 0x27, 0xbb,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x27, 0xbb,
	0xff, 0xff, 0x29, 0xeb, 0x0c, 0x20, 0x10, 0xd8,
	0x0f, 0x52, 0x00, 0x00, 0x24, 0x4a, 0x99, 0x00,
	0x8b, 0x8e, 0x03, 0xd4, 0xac, 0x01, 0x27, 0x38,
	0x7a, 0x75, 0x7a, 0x75, 0xfb, 0xbd, 0xd5, 0x5c,
	0x4a, 0x0f, 0x82, 0xff, 0x81, 0xbd, 0x3d, 0x36,
	[0x70 ... 0x7f] = 0xff,
	/* 4BAIT: BUILT: 13h 0Ch 3Ch BCh 6Ch ECh 12h 34h; 21h DCh 5Ch */
	0xff, 0x0e, 0xf0, 0xff, 0x21, 0xdc, 0x5c, 0xff,
};

static_assert(sizeof(flashsim_mt25ql256_sfdp) == 0x88);

/*
 * SFDP of BF 26 43, SST26VF064B: header and BFPT a REAL DUMP (Project
 * Cerberus spi_flash_sfdp_testing.c, SFDP_HEADER/PARAMS_SST26VF064B).  The
 * sector map (ID FF81h) and the Microchip table (ID 01BFh) are not in the
 * dump: the map is built from the MC-SST26 block list (one configuration,
 * 5 regions: 32K of 4K+8K, 32K of 4K+32K, 126 x 64K, 32K, 32K), the
 * vendor table left erased; both assumptions.
 */
static const u8 flashsim_sst26vf064b_sfdp[] = {
	/* SFDP 1.6: BFPT at 0x30, sector map at 0x100, Microchip table at 0x200: real */
	0x53, 0x46, 0x44, 0x50, 0x06, 0x01, 0x02, 0xff,
	0x00, 0x06, 0x01, 0x10, 0x30, 0x00, 0x00, 0xff,
	0x81, 0x00, 0x01, 0x06, 0x00, 0x01, 0x00, 0xff,
	0xbf, 0x00, 0x01, 0x18, 0x00, 0x02, 0x00, 0x01,
	[0x20 ... 0x2f] = 0xff,
	/* BFPT DWORD 1..16: real (4K 20h; 8K, 32K, 64K all D8h) */
	0xfd, 0x20, 0xf1, 0xff, 0xff, 0xff, 0xff, 0x03,
	0x44, 0xeb, 0x08, 0x6b, 0x08, 0x3b, 0x80, 0xbb,
	0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0xff,
	0xff, 0xff, 0x44, 0x0b, 0x0c, 0x20, 0x0d, 0xd8,
	0x0f, 0xd8, 0x10, 0xd8, 0x20, 0x91, 0x48, 0x24,
	0x80, 0x6f, 0x1d, 0x81, 0xed, 0x0f, 0x77, 0x38,
	0x30, 0xb0, 0x30, 0xb0, 0xf7, 0xff, 0xff, 0xff,
	0x29, 0xc2, 0x5c, 0xff, 0xf0, 0x30, 0xc0, 0x80,
	[0x70 ... 0xff] = 0xff,
	/* Sector map: BUILT from the block layout, assumption */
	0x03, 0x00, 0x04, 0x00, 0x03, 0x7f, 0x00, 0x00,
	0x05, 0x7f, 0x00, 0x00, 0x09, 0xff, 0x7d, 0x00,
	0x05, 0x7f, 0x00, 0x00, 0x03, 0x7f, 0x00, 0x00,
	[0x118 ... 0x1ff] = 0xff,
	/* Microchip table: contents unknown, FFh */
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
};

static_assert(sizeof(flashsim_sst26vf064b_sfdp) == 0x260);

/*
 * SFDP of C8 40 18 (GD25Q127C, GD25Q128C): BUILT from the instruction
 * table, not a dump (GD-Q128C contents 7.38 only says 5Ah exists; UF
 * comments "SFDP 1.0" for GD25Q127C): JESD216 rev 1.0, 3-byte only, 4
 * KiB 20h, 32 KiB 52h, 64 KiB D8h, 1-1-2 3Bh, 1-2-2 BBh, 1-1-4 6Bh, 1-4-4
 * EBh with the W25Q dummy clocks (assumption).  Both dies get the same
 * table: no source says how they differ.
 */
static const u8 flashsim_gd25q128_sfdp[] = {
	/* SFDP 1.0, one header: BFPT 1.0 at 0x30 */
	0x53, 0x46, 0x44, 0x50, 0x00, 0x01, 0x00, 0xff,
	0x00, 0x00, 0x01, 0x09, 0x30, 0x00, 0x00, 0xff,
	[0x10 ... 0x2f] = 0xff,
	/* BFPT DWORD 1..9: BUILT */
	0xe5, 0x20, 0xf1, 0xff, 0xff, 0xff, 0xff, 0x07,
	0x44, 0xeb, 0x08, 0x6b, 0x08, 0x3b, 0x42, 0xbb,
	0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0xff,
	0xff, 0xff, 0x00, 0xff, 0x0c, 0x20, 0x0f, 0x52,
	0x10, 0xd8, 0x00, 0xff,
};

static_assert(sizeof(flashsim_gd25q128_sfdp) == 0x54);

/*
 * SFDP of 9D 60 18, IS25LP128: BUILT, not a dump (DS-IS128-064 FEATURES:
 * "Supports Serial Flash Discoverable Parameters"; UF calls it SFDP 1.5):
 * a JESD216 1.0 BFPT from the instruction set in flashsim-ops.c, 3-byte
 * only; the real table's revision and values are unknown (assumption).
 */
static const u8 flashsim_is25lp128_sfdp[] = {
	/* SFDP 1.0, one header: BFPT 1.0 at 0x30 */
	0x53, 0x46, 0x44, 0x50, 0x00, 0x01, 0x00, 0xff,
	0x00, 0x00, 0x01, 0x09, 0x30, 0x00, 0x00, 0xff,
	[0x10 ... 0x2f] = 0xff,
	/* BFPT DWORD 1..9: BUILT */
	0xe5, 0x20, 0xf1, 0xff, 0xff, 0xff, 0xff, 0x07,
	0x44, 0xeb, 0x08, 0x6b, 0x08, 0x3b, 0x04, 0xbb,
	0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0xff,
	0xff, 0xff, 0x00, 0xff, 0x0c, 0x20, 0x0f, 0x52,
	0x10, 0xd8, 0x00, 0xff,
};

static_assert(sizeof(flashsim_is25lp128_sfdp) == 0x54);

/*
 * SFDP of 01 02 19, S25FL256S: BUILT, not a dump: a JESD216 1.0 BFPT
 * from the FL-S command set (flashsim-ops.c), 3- or 4-byte addresses,
 * erase types 4 KiB 20h and 64 KiB D8h only (assumption).
 */
static const u8 flashsim_s25fl256s_sfdp[] = {
	/* SFDP 1.0, one header: BFPT 1.0 at 0x30 */
	0x53, 0x46, 0x44, 0x50, 0x00, 0x01, 0x00, 0xff,
	0x00, 0x00, 0x01, 0x09, 0x30, 0x00, 0x00, 0xff,
	[0x10 ... 0x2f] = 0xff,
	/* BFPT DWORD 1..9: BUILT */
	0xe5, 0x20, 0xf3, 0xff, 0xff, 0xff, 0xff, 0x0f,
	0x44, 0xeb, 0x08, 0x6b, 0x08, 0x3b, 0x80, 0xbb,
	0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0xff,
	0xff, 0xff, 0x00, 0xff, 0x0c, 0x20, 0x10, 0xd8,
	0x00, 0xff, 0x00, 0xff,
};

static_assert(sizeof(flashsim_s25fl256s_sfdp) == 0x54);

/*
 * SFDP of EF 60 19 as a W25R256JW: SYNTHESIZED.  The W25Q256JW table
 * above with two changes for what the survey (winbond-xmc-zbit.rst,
 * W25R256JW) gives as the only differences: the 4BAIT offers no 4-byte
 * erase (FRM commit 2fdf7ef6: no 21h/DCh), and a third parameter header
 * (ID FF03h, the JESD260 RPMC table FRM's sfdp.c parses) points to a
 * two-DWORD RPMC table.  Its values (OP1 9Bh, OP2 96h, four 32-bit
 * counters) are assumptions: no W25R256JW datasheet or dump was read.
 */
static const u8 flashsim_w25r256jw_sfdp[] = {
	/* SFDP 1.6, 3 headers: BFPT 0x80, 4BAIT 0xd0, RPMC (ID FF03h) 0xe0 */
	0x53, 0x46, 0x44, 0x50, 0x06, 0x01, 0x02, 0xff,
	0x00, 0x06, 0x01, 0x10, 0x80, 0x00, 0x00, 0xff,
	0x84, 0x00, 0x01, 0x02, 0xd0, 0x00, 0x00, 0xff,
	0x03, 0x00, 0x01, 0x02, 0xe0, 0x00, 0x00, 0xff,
	[0x20 ... 0x7f] = 0xff,
	/* BFPT DWORD 1..16: the W25Q256JW profile's (synthesized) */
	0xe5, 0x20, 0xfb, 0xff, 0xff, 0xff, 0xff, 0x0f,
	0x44, 0xeb, 0x08, 0x6b, 0x08, 0x3b, 0x42, 0xbb,
	0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00,
	0xff, 0xff, 0x40, 0xeb, 0x0c, 0x20, 0x0f, 0x52,
	0x10, 0xd8, 0x00, 0x00, 0x36, 0x52, 0xb5, 0x00,
	0x82, 0xea, 0x14, 0xe2, 0xe9, 0x63, 0x76, 0x33,
	0x7a, 0x75, 0x7a, 0x75, 0xf7, 0xbd, 0xd5, 0x5c,
	0x19, 0xf7, 0x5d, 0xff, 0xe9, 0x70, 0xf9, 0xa5,
	[0xc0 ... 0xcf] = 0xff,
	/* 4BAIT: 4-byte reads and 12h/34h, no 4-byte erase (FRM) */
	0xff, 0x00, 0xf0, 0xff, 0xff, 0xff, 0xff, 0xff,
	[0xd8 ... 0xdf] = 0xff,
	/* RPMC table: BUILT, values assumed (JESD260 not read) */
	0x10, 0x03, 0x9b, 0x96, 0x00, 0xff, 0xff, 0xff,
};

static_assert(sizeof(flashsim_w25r256jw_sfdp) == 0xe8);

/* MU-N25Q256 Table 21: byte 4 = 10h (length), extended ID (LX: 44 00) */
static const u8 flashsim_mt25ql256_id_ext[] = {
	0x10, 0x44, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

/* SP-FLS Table 10.2: 4Dh ID-CFI length, 01h 64 KiB sectors, 80h FL-S */
static const u8 flashsim_s25fl256s_id_ext[] = { 0x4d, 0x01, 0x80 };

/*
 * W25Q256JV/JW status registers (DS-257FV Fig 4a/4c, §7.1; DS-256JV p33; FR
 * flashchips/winbond.c reg_bits; RTL):
 * SR1 SRP7 TB6 BP3..0[5:2] WEL1 BUSY0; SR2 SUS7 CMP6 LB3..1[5:3] QE1 SRL0;
 * SR3 DRV1:0[6:5] WPS2 ADP1 ADS0.  SR3 bit 7 is HOLD/RST on the FV, reserved
 * on the JV and unverified for JW: modelled as reserved.
 */
static const struct flashsim_sr_map flashsim_w25q256_sr = {
	.busy = FS_BIT(1, 0),
	.wel = FS_BIT(1, 1),
	.sus = FS_BIT(2, 7),
	.srp = FS_BIT(1, 7),
	.srl = FS_BIT(2, 0),
	.tb = FS_BIT(1, 6),
	.cmp = FS_BIT(2, 6),
	.wps = FS_BIT(3, 2),
	.qe = FS_BIT(2, 1),
	.adp = FS_BIT(3, 1),
	.ads = FS_BIT(3, 0),
	.bp = FS_FIELD(1, 2, 4),
	.lb = FS_FIELD(2, 3, 3),
	.writable = { 0xfc, 0x79, 0x66 },
	/* DS-256JV p33: "SRL and LB3..1 cannot be changed from 1 to 0" */
	.sticky = { 0x00, 0x39, 0x00 },
	/* DS-256JV 8.2.5: "LB[3:1] are non-volatile OTP bits" (counted) */
	.otp = { 0x00, 0x38, 0x00 },
	/* DS-128JV SRL table: "a power-down/power-up cycle" clears SRL */
	.vol_only = { 0x00, 0x01, 0x00 },
	/* DS-257FV §7.1, Fig 4c: ADP is non-volatile only (06h + 11h) */
	.nv_only = { 0x00, 0x00, 0x02 },
	/* DS-128JV §7.1.4: QE is factory fixed to 1 on -IQ/-IN/-JQ parts */
	.fixed1 = { 0x00, 0x02, 0x00 },
};

/*
 * W25Q128JV (DS-128JV Fig 4b): SR1 SRP7 SEC6 TB5 BP2..0[4:2];
 * SR2 as above; SR3 HOLD/RST7 DRV1:0[6:5] WPS2; no ADS/ADP (3-byte only).
 */
static const struct flashsim_sr_map flashsim_w25q128_sr = {
	.busy = FS_BIT(1, 0),
	.wel = FS_BIT(1, 1),
	.sus = FS_BIT(2, 7),
	.srp = FS_BIT(1, 7),
	.srl = FS_BIT(2, 0),
	.sec = FS_BIT(1, 6),
	.tb = FS_BIT(1, 5),
	.cmp = FS_BIT(2, 6),
	.wps = FS_BIT(3, 2),
	.qe = FS_BIT(2, 1),
	.bp = FS_FIELD(1, 2, 3),
	.lb = FS_FIELD(2, 3, 3),
	.writable = { 0xfc, 0x79, 0xe4 },
	.sticky = { 0x00, 0x39, 0x00 },
	.otp = { 0x00, 0x38, 0x00 },
	.vol_only = { 0x00, 0x01, 0x00 },
	.fixed1 = { 0x00, 0x02, 0x00 },
};

/*
 * Macronix MX25U25635F family (FR MX25U25643G/45G reg_bits;
 * UF mx25x_regs): SR (05h, 01h) SRWD 7, QE 6, BP3..0 [5:2], WEL, WIP; CR
 * (15h, second byte of 01h) TB 3, one-time programmable (0 -> 1 only), and
 * 4BYTE 5, the read-only address mode (RTL table, secondary: unverified);
 * SCUR (2Bh) WPSEL 7 (FR, UF) and LDSO 1 (UF only: unverified), OTP, set
 * only by their own commands (68h, 2Fh), so the SCUR mask only lets
 * debugfs preset them.  No CMP, no SRL.  CR bits 7:6 (dummy cycles, UF)
 * and 2:0 (output driver, MEM) are not modelled: they read 0 and writes to
 * them are dropped.  SCUR P_FAIL/E_FAIL (UF) are not modelled.
 */
static const struct flashsim_sr_map flashsim_mx25u256_sr = {
	.busy = FS_BIT(1, 0),
	.wel = FS_BIT(1, 1),
	.srp = FS_BIT(1, 7),
	.qe = FS_BIT(1, 6),
	.tb = FS_BIT(2, 3),
	.ads = FS_BIT(2, 5),
	.wps = FS_BIT(3, 7),
	.bp = FS_FIELD(1, 2, 4),
	.writable = { 0xfc, 0x08, 0x82 },
	.sticky = { 0x00, 0x08, 0x82 },
	.otp = { 0x00, 0x08, 0x82 },
};

/*
 * GigaDevice GD25LB256E SR1 (FR flashchips/gigadevice.c reg_bits;
 * UF gd25b256d_sr1): SRP0 7, TB 6 (the datasheet's BP4), BP3..0 [5:2],
 * WEL, WIP.  No CMP (FR/UF).  UF alone (unverified) gives this part no SR2
 * and no QE bit (quad commands are always accepted here) and puts SRP1 and
 * LB in NVCR2; the NVCRs are not modelled, so SRP1 acts as 0.  The
 * GD25B256E SR2 (SRP1 6, LB, QE 1; FR, UF) belongs to another part and
 * is not borrowed.
 */
static const struct flashsim_sr_map flashsim_gd25lb256_sr = {
	.busy = FS_BIT(1, 0),
	.wel = FS_BIT(1, 1),
	.srp = FS_BIT(1, 7),
	.tb = FS_BIT(1, 6),
	.bp = FS_FIELD(1, 2, 4),
	.writable = { 0xfc, 0x00, 0x00 },
};

/*
 * W25Q64FV (DS-64FV 7.1, Figures 4a/4b; survey winbond-xmc-zbit.rst):
 * SR1 SRP0 7, SEC 6, TB 5, BP2..0 [4:2]; SR2 SUS 7, CMP 6, LB3..1 [5:3]
 * (OTP), QE 1, SRP1 0.  No SR3, no WPS.  SRP1 is non-volatile here (the
 * srl slot; FS_F_SRP1_OTP gives it its FV meaning).
 */
static const struct flashsim_sr_map flashsim_w25q64fv_sr = {
	.busy = FS_BIT(1, 0),
	.wel = FS_BIT(1, 1),
	.sus = FS_BIT(2, 7),
	.srp = FS_BIT(1, 7),
	.srl = FS_BIT(2, 0),
	.sec = FS_BIT(1, 6),
	.tb = FS_BIT(1, 5),
	.cmp = FS_BIT(2, 6),
	.qe = FS_BIT(2, 1),
	.bp = FS_FIELD(1, 2, 3),
	.lb = FS_FIELD(2, 3, 3),
	.writable = { 0xfc, 0x7b, 0x00 },
	.sticky = { 0x00, 0x38, 0x00 },
	.otp = { 0x00, 0x38, 0x00 },
};

/*
 * GD25Q127C/GD25Q128C: the survey's FRM reg_bits (SRP0 SR1.7, SEC 6, TB 5,
 * BP2..0 4:2, SRP1 SR2.0, CMP SR2.6) and UF (QE SR2.1, LB1..3 SR2.3..5,
 * SR3 DRV 6:5, HOLD/RST 7); all unverified.  SRP1 taken as the W25Q SRL
 * (volatile lock-down: assumption).  LB are OTP.
 */
static const struct flashsim_sr_map flashsim_gd25q128_sr = {
	.busy = FS_BIT(1, 0),
	.wel = FS_BIT(1, 1),
	.sus = FS_BIT(2, 7),
	.srp = FS_BIT(1, 7),
	.srl = FS_BIT(2, 0),
	.sec = FS_BIT(1, 6),
	.tb = FS_BIT(1, 5),
	.cmp = FS_BIT(2, 6),
	.qe = FS_BIT(2, 1),
	.bp = FS_FIELD(1, 2, 3),
	.lb = FS_FIELD(2, 3, 3),
	.writable = { 0xfc, 0x7b, 0xe0 },
	.sticky = { 0x00, 0x39, 0x00 },
	.vol_only = { 0x00, 0x01, 0x00 },
	.otp = { 0x00, 0x38, 0x00 },
};

/*
 * Macronix MX25L25635F/45G: as the MX25U256 map (the survey: "Bit positions
 * as MX25L12835F according to UF (CR TB OTP, WPSEL OTP)"), with TB, WPSEL
 * and LDSO counted as one-time.
 */
static const struct flashsim_sr_map flashsim_mx25l256_sr = {
	.busy = FS_BIT(1, 0),
	.wel = FS_BIT(1, 1),
	.srp = FS_BIT(1, 7),
	.qe = FS_BIT(1, 6),
	.tb = FS_BIT(2, 3),
	.ads = FS_BIT(2, 5),
	.wps = FS_BIT(3, 7),
	.bp = FS_FIELD(1, 2, 4),
	.writable = { 0xfc, 0x08, 0x82 },
	.sticky = { 0x00, 0x08, 0x82 },
	.otp = { 0x00, 0x08, 0x82 },
};

/*
 * ISSI IS25LP128 (survey "ISSI" family note, UF vendor-issi.c; no ISSI
 * register page read): SR SRWD 7, QE 6, BP3..0 [5:2], WEL, WIP; function
 * register (slot 2, 48h/42h) IRL3..0 [7:4] and TBS 1, one-time (the
 * survey: "Treat TBS and IRL0..3 as one-time until a datasheet says
 * otherwise"), PSUS 3 / ESUS 2 read-only (not modelled, read 0).
 */
static const struct flashsim_sr_map flashsim_is25lp_sr = {
	.busy = FS_BIT(1, 0),
	.wel = FS_BIT(1, 1),
	.srp = FS_BIT(1, 7),
	.qe = FS_BIT(1, 6),
	.tb = FS_BIT(2, 1),
	.bp = FS_FIELD(1, 2, 4),
	.writable = { 0xfc, 0xf2, 0x00 },
	.sticky = { 0x00, 0xf2, 0x00 },
	.otp = { 0x00, 0xf2, 0x00 },
};

/*
 * Micron MT25QL256 status register (MU-MT25QL256 Rev. K Table 3, read by
 * the survey): bit 7 status register write enable/disable (with W#), 6
 * BP3, 5 TB (0 = top), 4:2 BP2..0, 1 WEL, 0 WIP, all non-volatile.  Slot 2
 * is the flag status register (70h, flashsim-ops.c), no writable bits.
 */
static const struct flashsim_sr_map flashsim_mt25q_sr = {
	.busy = FS_BIT(1, 0),
	.wel = FS_BIT(1, 1),
	.srp = FS_BIT(1, 7),
	.tb = FS_BIT(1, 5),
	.bp = FS_FIELD(1, 2, 3),
	.bp3 = FS_BIT(1, 6),
	.writable = { 0xfc, 0x00, 0x00 },
};

/*
 * Spansion S25FL256S.  SR1: SRWD 7, P_ERR 6, E_ERR 5 (set by the chip),
 * BP2..0 [4:2], WEL, WIP (SP-KBA names P_ERR = SR1[6]; the rest of SR1 is
 * from memory of SP-FLS: assumption).  CR1 (35h, second byte of 01h),
 * SP-KBA table: bit 7:6 non-volatile (LC, latency code), 5:2 OTP (TBPROT
 * 5, bit 4, BPNV 3, TBPARM 2: names from memory), 1 non-volatile (QUAD),
 * 0 volatile (FREEZE: locks the registers until power-off, the srl slot).
 */
static const struct flashsim_sr_map flashsim_s25fl_sr = {
	.busy = FS_BIT(1, 0),
	.wel = FS_BIT(1, 1),
	.srp = FS_BIT(1, 7),
	.srl = FS_BIT(2, 0),
	.qe = FS_BIT(2, 1),
	.tb = FS_BIT(2, 5),
	.bp = FS_FIELD(1, 2, 3),
	.writable = { 0x9c, 0xff, 0x00 },
	.sticky = { 0x00, 0x3d, 0x00 },
	.vol_only = { 0x00, 0x01, 0x00 },
	.otp = { 0x00, 0x3c, 0x00 },
};

/*
 * SST26VF064B: SR (05h) BUSY 0 (bit 7 repeats it on the real part: not
 * modelled), WEL 1, others read-only 0 here; CR (35h, second byte of 01h)
 * IOC 1 and WPEN 7 writable, BPNV 3 reads 1 (no block permanently locked).
 * Bit positions: from memory of the datasheet and the survey's LX note
 * (BPNV = CR bit 3), assumption.  WPEN has no effect (not modelled).
 */
static const struct flashsim_sr_map flashsim_sst26_sr = {
	.busy = FS_BIT(1, 0),
	.wel = FS_BIT(1, 1),
	.writable = { 0x00, 0x82, 0x00 },
	.fixed1 = { 0x00, 0x08, 0x00 },
};

/*
 * SST25VF032B: BUSY 0, WEL 1, BP0..3 [5:2], AAI 6, BPL 7 (siblings' status
 * register as the ESMT clone F25L008A Table 4 shows it, with BP3:
 * assumption).  All volatile; BP2..0 = 111 at power-up ("All area are
 * protected at power-on", F25L008A note 3; LX SPI_NOR_SWP_IS_VOLATILE).
 * BPL with WP# low makes BP read-only (the srp slot).
 */
static const struct flashsim_sr_map flashsim_sst25_sr = {
	.busy = FS_BIT(1, 0),
	.wel = FS_BIT(1, 1),
	.srp = FS_BIT(1, 7),
	.aai = FS_BIT(1, 6),
	.bp = FS_FIELD(1, 2, 4),
	.writable = { 0xbc, 0x00, 0x00 },
	.vol_only = { 0xbc, 0x00, 0x00 },
	.vol_init = { 0x1c, 0x00, 0x00 },
};

/*
 * Typical times of the 256 Mbit parts: tPP 0.4 ms, tSE 45 ms, tBE2 150 ms,
 * tCE 80 s (W25Q256JV, as a CSDN driver comment quotes its datasheet:
 * secondary), tBE1 120 ms and tW 10 ms (DS-257FV; MEM for the JV), tSUS 20
 * us, tRST 30 us (DS-257FV).  All unverified for JW.
 */
#define FLASHSIM_W25Q256_TIMING {					\
	.pp_us = 400, .se_us = 45000, .be32_us = 120000,		\
	.be64_us = 150000, .ce_us = 80000000, .w_us = 10000,		\
	.sus_us = 20, .rst_us = 30 }

/*
 * Their maxima (DS-257FV §9.6 AC characteristics; the same in DS-128JV
 * except tCE): tPP 3 ms, tSE 400 ms, tBE1 1.6 s, tBE2 2 s, tCE 400 s, tW
 * 15 ms; tSUS and tRST are given as maxima only (20 us, 30 us).
 */
#define FLASHSIM_W25Q256_TIMING_MAX {					\
	.pp_us = 3000, .se_us = 400000, .be32_us = 1600000,		\
	.be64_us = 2000000, .ce_us = 400000000, .w_us = 15000,		\
	.sus_us = 20, .rst_us = 30 }

/* DS-128JV §9, as the w25q128jv profile: the default of 16 MiB parts */
#define FLASHSIM_W25Q128_TIMING {					\
	.pp_us = 400, .se_us = 45000, .be32_us = 120000,		\
	.be64_us = 150000, .ce_us = 40000000, .w_us = 10000,		\
	.sus_us = 20, .rst_us = 30 }

#define FLASHSIM_W25Q128_TIMING_MAX {					\
	.pp_us = 3000, .se_us = 400000, .be32_us = 1600000,		\
	.be64_us = 2000000, .ce_us = 200000000, .w_us = 15000,		\
	.sus_us = 20, .rst_us = 30 }

/*
 * MX25L25645G BFPT DW10/DW11 (real dump, JESD216B encoding): tPP 256 us,
 * 4K 30 ms, 32K 192 ms, 64K 384 ms, chip 112 s; maxima x14 (erase), x6
 * (program, chip).  tW 40 ms, tSUS 20 us, tRST 30 us: assumption.
 */
#define FLASHSIM_MX25L256_TIMING {					\
	.pp_us = 256, .se_us = 30000, .be32_us = 192000,		\
	.be64_us = 384000, .ce_us = 112000000, .w_us = 40000,		\
	.sus_us = 20, .rst_us = 30 }

#define FLASHSIM_MX25L256_TIMING_MAX {					\
	.pp_us = 1536, .se_us = 420000, .be32_us = 2688000,		\
	.be64_us = 5376000, .ce_us = 672000000, .w_us = 40000,		\
	.sus_us = 20, .rst_us = 30 }

static const struct flashsim_profile flashsim_profiles[] = {
	{
		/*
		 * EF 60 19 (KERN winbond.c, FR flashchips.h); 1.7-1.95 V
		 * (secondary sources only); dev ID 18h (MEM)
		 */
		.name = "w25q256jw",
		.id = { 0xef, 0x60, 0x19 },
		.dev_id = 0x18,
		.size = SZ_32M,
		.page_size = 256,
		.vcc_min_mv = 1700,
		.vcc_max_mv = 1950,
		.sfdp = flashsim_w25q256jw_sfdp,
		.sfdp_len = sizeof(flashsim_w25q256jw_sfdp),
		.sr = &flashsim_w25q256_sr,
		/*
		 * DS-257FV §8.2.5: factory default 0 except QE (IQ) and ADP;
		 * ADP = 0 (3-byte) as on the W25Q256FV (MEM for JV/JW); DRV
		 * 11b (DS-128JV, unverified for JW).
		 */
		.sr_default = { 0x00, 0x02, 0x60 },
		.features = FS_F_4B_READ | FS_F_4B_WRITE | FS_F_EN4B |
			    FS_F_EAR | FS_F_4B_ERASE | FS_F_W25,
		/* DS-257FV §7.1.16: 64 KiB * 2^(BP-1), all for BP >= 10 */
		.bp_min_len = SZ_64K,
		/* DS-257FV §6.2: 510 blocks + 2 x 16 sectors */
		.lock_block = SZ_64K,
		.lock_sector = SZ_4K,
		/* DS-257FV §8.2.41: 3 x 256 B at 0x1000/0x2000/0x3000 */
		.secreg_count = 3,
		.secreg_size = 256,
		.secreg_stride = 0x1000,
		.t = FLASHSIM_W25Q256_TIMING,
		.t_max = FLASHSIM_W25Q256_TIMING_MAX,
		/*
		 * fR of 03h/13h: 50 MHz as DS-257FV §9.6 gives for the
		 * family; the JW's own AC table not read (unverified)
		 */
		.fr_hz = 50000000,
	}, {
		/*
		 * EF 40 19 (FR flashchips.h), 2.7-3.6 V (DS-256JV p1).  No
		 * SFDP dump of the JV was found in the public archives: 5Ah
		 * reads FFh here, which a real JV (JESD216A table, minor rev
		 * 5, KERN w25q256_post_bfpt_fixups()) does not do.
		 */
		.name = "w25q256jv",
		.id = { 0xef, 0x40, 0x19 },
		.dev_id = 0x18,
		.size = SZ_32M,
		.page_size = 256,
		.vcc_min_mv = 2700,
		.vcc_max_mv = 3600,
		.sr = &flashsim_w25q256_sr,
		.sr_default = { 0x00, 0x02, 0x60 },
		.features = FS_F_4B_READ | FS_F_4B_WRITE | FS_F_EN4B |
			    FS_F_EAR | FS_F_4B_ERASE | FS_F_W25,
		.bp_min_len = SZ_64K,
		.lock_block = SZ_64K,
		.lock_sector = SZ_4K,
		.secreg_count = 3,
		.secreg_size = 256,
		.secreg_stride = 0x1000,
		.t = FLASHSIM_W25Q256_TIMING,
		.t_max = FLASHSIM_W25Q256_TIMING_MAX,
		/* fR: 50 MHz as DS-257FV §9.6 (the JV's table not read) */
		.fr_hz = 50000000,
	}, {
		/*
		 * DS-128JV: EF 40 18, dev ID 17h, 16 MiB, 3-byte only.  BP=1
		 * protects 1/64 (256 KiB); SEC=1 switches to 4 KiB..32 KiB;
		 * BP=111b protects everything.  No SFDP dump: 5Ah reads FFh.
		 */
		.name = "w25q128jv",
		.id = { 0xef, 0x40, 0x18 },
		.dev_id = 0x17,
		.size = SZ_16M,
		.page_size = 256,
		.vcc_min_mv = 2700,
		.vcc_max_mv = 3600,
		.sr = &flashsim_w25q128_sr,
		.sr_default = { 0x00, 0x02, 0x60 },
		.features = FS_F_W25,
		.bp_min_len = SZ_256K,
		.sec_min_len = SZ_4K,
		.sec_max_len = SZ_32K,
		.lock_block = SZ_64K,
		.lock_sector = SZ_4K,
		.secreg_count = 3,
		.secreg_size = 256,
		.secreg_stride = 0x1000,
		/* DS-128JV §9: as the 256 Mbit parts but tCE 40 s typ */
		.t = {
			.pp_us = 400, .se_us = 45000, .be32_us = 120000,
			.be64_us = 150000, .ce_us = 40000000, .w_us = 10000,
			.sus_us = 20, .rst_us = 30,
		},
		/* DS-128JV §9: the 256 Mbit maxima but tCE 200 s */
		.t_max = {
			.pp_us = 3000, .se_us = 400000, .be32_us = 1600000,
			.be64_us = 2000000, .ce_us = 200000000, .w_us = 15000,
			.sus_us = 20, .rst_us = 30,
		},
		/* DS-128JV Rev. D §9.6: fR 50 MHz (03h), fC 133/104 MHz */
		.fr_hz = 50000000,
	}, {
		/*
		 * C2 25 39 (FR flashchips.h, KERN macronix.c), 32 MiB,
		 * 1.65-2.0 V (FR {1650, 2000}); the same ID is used by
		 * MX25U25643G/45G (FR) and MX25U25673G (UF).  RES
		 * (ABh) / REMS (90h) device ID 39h: MEM, unverified.
		 */
		.name = "mx25u25635f",
		.id = { 0xc2, 0x25, 0x39 },
		.dev_id = 0x39,
		.size = SZ_32M,
		.page_size = 256,		/* BFPT DW11 */
		.vcc_min_mv = 1650,
		.vcc_max_mv = 2000,
		.sfdp = flashsim_mx25u256_sfdp,
		.sfdp_len = sizeof(flashsim_mx25u256_sfdp),
		.sr = &flashsim_mx25u256_sr,
		/*
		 * Factory: all 0, i.e. TB=0 (top), QE=0, WPSEL=0 (BP
		 * mode); unverified (MEM).
		 */
		.sr_default = { 0x00, 0x00, 0x00 },
		.features = FS_F_4B_READ | FS_F_4B_WRITE | FS_F_EN4B |
			    FS_F_EAR | FS_F_ASP | FS_F_4B_ERASE,
		/*
		 * BP: 64 KiB << (BP - 1), all from BP = 10, TB from CR bit
		 * 3.  Source: flashrom's decode_range_spi25, which FR uses
		 * for MX25U25643G/45G (flashchips/macronix.c); UF
		 * mx25x_wpr_4bp_tb0 gives the same sizes for MX25U25635F.
		 */
		.bp_min_len = SZ_64K,
		/*
		 * SPB/DPB units: 4 KiB sectors in the first and last 64 KiB
		 * block, 64 KiB blocks elsewhere, as the W25Q individual
		 * locks (MEM, unverified).
		 */
		.lock_block = SZ_64K,
		.lock_sector = SZ_4K,
		/*
		 * Typical times from the dump's BFPT DW10/DW11 (JESD216B
		 * encoding, MEM): tPP 152 us, 4K 25 ms, 32K 160 ms, 64K 224
		 * ms, chip 76 s.  tW 40 ms and tRST 30 us are not in SFDP:
		 * unverified.  tSUS unused (no suspend modelled).
		 */
		.t = {
			.pp_us = 152, .se_us = 25000, .be32_us = 160000,
			.be64_us = 224000, .ce_us = 76000000, .w_us = 40000,
			.sus_us = 20, .rst_us = 30,
		},
		/*
		 * Maxima from the same dump's BFPT DW10/DW11 multiplier
		 * (JESD216B BFPT 10th/11th DWORD, max = 2 * (count + 1) *
		 * typical): tPP
		 * 912 us, 4K 400 ms, 32K 2560 ms, 64K 3584 ms, chip 456 s.
		 * tW, tSUS and tRST: the typical values (no maximum known).
		 */
		.t_max = {
			.pp_us = 912, .se_us = 400000, .be32_us = 2560000,
			.be64_us = 3584000, .ce_us = 456000000, .w_us = 40000,
			.sus_us = 20, .rst_us = 30,
		},
		/*
		 * MX25U25635F datasheet PM1712 Rev. 1.2, Table 17 "AC
		 * Characteristics": fR (READ, READ4B) 55 MHz, fSCLK 108 MHz
		 */
		.fr_hz = 55000000,
		.optable = &flashsim_macronix_optable,
	}, {
		/*
		 * C8 67 19 (= GD25LR256E: FR flashchips.h), 32 MiB,
		 * 1.65-2.0 V (FR).  No SFDP dump of this part exists in any
		 * source we found: 5Ah reads FFh, which a real GD25LB256E
		 * does not do.  RES device ID 18h: placeholder, unverified.
		 */
		.name = "gd25lb256e",
		.id = { 0xc8, 0x67, 0x19 },
		.dev_id = 0x18,
		.size = SZ_32M,
		.page_size = 256,
		.vcc_min_mv = 1650,
		.vcc_max_mv = 2000,
		.sr = &flashsim_gd25lb256_sr,
		.sr_default = { 0x00, 0x00, 0x00 },
		/*
		 * 4BA: B7h/E9h (FR, UF) + dedicated opcodes (the posted
		 * Linux gd25lb256e patches, see flashsim-ops.c)
		 */
		.features = FS_F_4B_READ | FS_F_4B_WRITE | FS_F_EN4B |
			    FS_F_4B_ERASE,
		/* FR/UF: 4 BP bits, TB bit 6, as W25Q256 */
		.bp_min_len = SZ_64K,
		/* Individual locks not reachable (WPS in NVCR4, unmodelled) */
		.lock_block = SZ_64K,
		.lock_sector = SZ_4K,
		/* No GigaDevice timing source: the W25Q256 values, unverified */
		.t = FLASHSIM_W25Q256_TIMING,
		.t_max = FLASHSIM_W25Q256_TIMING_MAX,
		/* fR: no GD25LB256E AC table found; 50 MHz, unverified */
		.fr_hz = 50000000,
		.optable = &flashsim_gd_optable,
	}, {
		/*
		 * W25Q256FV, from DS-257FV (W25Q257FV, the same die family):
		 * EF 40 19 like the JV, dev ID 18h (§8.1.1).  4-byte reads
		 * 13h/0Ch (§8.2.11) and B7h/E9h (§8.2.8-9), but no 12h, 21h
		 * or DCh in its instruction tables: those are ignored.  Its
		 * SFDP (BFPT minor 0) has no public dump: 5Ah reads FFh.
		 */
		.name = "w25q256fv",
		.id = { 0xef, 0x40, 0x19 },
		.dev_id = 0x18,
		.size = SZ_32M,
		.page_size = 256,
		.vcc_min_mv = 2700,
		.vcc_max_mv = 3600,
		.sr = &flashsim_w25q256_sr,
		.sr_default = { 0x00, 0x02, 0x60 },
		.features = FS_F_4B_READ | FS_F_EN4B | FS_F_EAR |
			    FS_F_W25,
		.bp_min_len = SZ_64K,
		.lock_block = SZ_64K,
		.lock_sector = SZ_4K,
		.secreg_count = 3,
		.secreg_size = 256,
		.secreg_stride = 0x1000,
		.t = FLASHSIM_W25Q256_TIMING,
		.t_max = FLASHSIM_W25Q256_TIMING_MAX,
		/* DS-257FV §9.6: fR 50 MHz, the clock limit of 03h/13h */
		.fr_hz = 50000000,
	}, {
		/*
		 * W25R256JW: EF 60 19 like the W25Q256JW (FRM "W25R256JW",
		 * header comment "W25Q256JW, same as W25R256JW"; the survey,
		 * winbond-xmc-zbit.rst "W25R256JW", read no datasheet).  The
		 * same registers and times as the W25Q256JW profile
		 * (assumption: FRM "all with the same bit layout"); the
		 * differences the survey names are modelled: no 21h/DCh
		 * (FRM commit 2fdf7ef6, so FS_F_4B_ERASE is absent) and an
		 * RPMC SFDP table (synthesized).  RPMC commands (9Bh/96h)
		 * are not modelled.  1.7-1.95 V (FRM).
		 */
		.name = "w25r256jw",
		.id = { 0xef, 0x60, 0x19 },
		.dev_id = 0x18,
		.size = SZ_32M,
		.page_size = 256,
		.vcc_min_mv = 1700,
		.vcc_max_mv = 1950,
		.sfdp = flashsim_w25r256jw_sfdp,
		.sfdp_len = sizeof(flashsim_w25r256jw_sfdp),
		.sr = &flashsim_w25q256_sr,
		.sr_default = { 0x00, 0x02, 0x60 },
		.features = FS_F_4B_READ | FS_F_4B_WRITE | FS_F_EN4B |
			    FS_F_EAR | FS_F_W25,
		.bp_min_len = SZ_64K,
		.lock_block = SZ_64K,
		.lock_sector = SZ_4K,
		.secreg_count = 3,
		.secreg_size = 256,
		.secreg_stride = 0x1000,
		.t = FLASHSIM_W25Q256_TIMING,
		.t_max = FLASHSIM_W25Q256_TIMING_MAX,
		.fr_hz = 50000000,
	}, {
		/*
		 * W25Q64FV without SFDP.  DS-64FV (Rev S, 2017; survey
		 * winbond-xmc-zbit.rst "W25Q64FV"): EF 40 17, ABh device ID
		 * 16h (7.2.1), 8 MiB, 2.7-3.6 V (8.2), 3-byte only, 20h/52h/
		 * D8h/C7h/60h (7.2.2), SR1/SR2 only, no 31h, no SR3, no WPS
		 * (7.1), a one-byte 01h clears CMP, QE and SRP1 (7.2.10).  Rev
		 * S has 5Ah (7.2.35); the "W25Q64 without SFDP" is an
		 * older part: this profile has none (5Ah reads FFh, which is
		 * what an undecoded command leaves on MISO): assumption that
		 * such revisions otherwise match Rev S.  BP=1 protects 1/64
		 * (128 KiB), SEC=1 4..32 KiB (DS-64FV 7.1, as W25Q128JV's
		 * table scaled: assumption).  Security registers 3 x 256 B at
		 * 0x1000 (assumption, as DS-257FV).
		 */
		.name = "w25q64fv",
		.id = { 0xef, 0x40, 0x17 },
		.dev_id = 0x16,
		.size = SZ_8M,
		.page_size = 256,
		.vcc_min_mv = 2700,
		.vcc_max_mv = 3600,
		.sr = &flashsim_w25q64fv_sr,
		/* -IG/-IF: QE = 0 at the factory (DS-64FV 7.1.10) */
		.sr_default = { 0x00, 0x00, 0x00 },
		.features = FS_F_WRSR1_CLR2 | FS_F_SRP1_OTP,
		.bp_min_len = SZ_128K,
		.sec_min_len = SZ_4K,
		.sec_max_len = SZ_32K,
		.lock_block = SZ_64K,
		.lock_sector = SZ_4K,
		.secreg_count = 3,
		.secreg_size = 256,
		.secreg_stride = 0x1000,
		/*
		 * DS-64FV 8.6 (survey): tPP 0.45/3 ms, tSE 45 (-IQ/-IF)/400
		 * ms, tBE1 120/1600 ms, tBE2 150/2000 ms, tW 15/20 ms, tCE
		 * 20/100 s; tSUS/tRST as DS-257FV (assumption).
		 */
		.t = {
			.pp_us = 450, .se_us = 45000, .be32_us = 120000,
			.be64_us = 150000, .ce_us = 20000000, .w_us = 15000,
			.sus_us = 20, .rst_us = 30,
		},
		.t_max = {
			.pp_us = 3000, .se_us = 400000, .be32_us = 1600000,
			.be64_us = 2000000, .ce_us = 100000000, .w_us = 20000,
			.sus_us = 20, .rst_us = 30,
		},
		/* fR 50 MHz: as the FV family (DS-257FV §9.6), assumption */
		.fr_hz = 50000000,
	}, {
		/*
		 * MX25L25635F: C2 20 19, 2.7-3.6 V (AN0232/AN141/AN155 Table
		 * 2-1), 32 MiB, 4 KiB/32 KiB/64 KiB erase (AN0232), three
		 * 4-byte protocols: B7h/E9h mode, EAR, a 4-byte command set
		 * (AN141 Table 3-1; the opcodes 13h/0Ch/12h/21h/5Ch/DCh from
		 * FR/LX, unverified).  Its real SFDP is JESD216 1.0 and names
		 * none of them (the "neither SFDP nor the chip table
		 * names a way to send 4-byte addresses").  The E die, same
		 * ID, lacks the 4-byte set (LX comment): not this profile.
		 * Registers as MX25U25635F (UF, unverified).  Times and fR
		 * not read: the MX25L25645G SFDP values and 50 MHz
		 * (assumption).  RES device ID 18h: assumption.
		 */
		.name = "mx25l25635f",
		.id = { 0xc2, 0x20, 0x19 },
		.dev_id = 0x18,
		.size = SZ_32M,
		.page_size = 256,
		.vcc_min_mv = 2700,
		.vcc_max_mv = 3600,
		.sfdp = flashsim_mx25l25635f_sfdp,
		.sfdp_len = sizeof(flashsim_mx25l25635f_sfdp),
		.sr = &flashsim_mx25l256_sr,
		.sr_default = { 0x00, 0x00, 0x00 },
		.features = FS_F_4B_READ | FS_F_4B_WRITE | FS_F_4B_ERASE |
			    FS_F_EN4B | FS_F_EAR | FS_F_ASP,
		.bp_min_len = SZ_64K,
		.lock_block = SZ_64K,
		.lock_sector = SZ_4K,
		.t = FLASHSIM_MX25L256_TIMING,
		.t_max = FLASHSIM_MX25L256_TIMING_MAX,
		.fr_hz = 50000000,
		.optable = &flashsim_macronix_optable,
	}, {
		/*
		 * MX25L25645G: C2 20 19 (LX, FR, UF; unverified), 32 MiB
		 * (DS-L25645G Rev. 1.8/1.9 title), 2.7-3.6 V (FR).  Told
		 * apart from the 35F by SFDP: JESD216B with DW16 and a 4BAIT
		 * (a real dump, see its table).  Same registers (UF: CR TB
		 * OTP, SCUR WPSEL OTP) and command set as the 35F.  Times from
		 * its BFPT DW10/11 (JESD216B encoding): tPP 256 us, 4K 30 ms,
		 * 32K 192 ms, 64K 384 ms, chip 112 s; maxima x6 (program,
		 * chip) and x14 (erase).  tW 40 ms and fR 50 MHz: assumption.
		 */
		.name = "mx25l25645g",
		.id = { 0xc2, 0x20, 0x19 },
		.dev_id = 0x18,
		.size = SZ_32M,
		.page_size = 256,
		.vcc_min_mv = 2700,
		.vcc_max_mv = 3600,
		.sfdp = flashsim_mx25l25645g_sfdp,
		.sfdp_len = sizeof(flashsim_mx25l25645g_sfdp),
		.sr = &flashsim_mx25l256_sr,
		.sr_default = { 0x00, 0x00, 0x00 },
		.features = FS_F_4B_READ | FS_F_4B_WRITE | FS_F_4B_ERASE |
			    FS_F_EN4B | FS_F_EAR | FS_F_ASP,
		.bp_min_len = SZ_64K,
		.lock_block = SZ_64K,
		.lock_sector = SZ_4K,
		.t = FLASHSIM_MX25L256_TIMING,
		.t_max = FLASHSIM_MX25L256_TIMING_MAX,
		.fr_hz = 50000000,
		.optable = &flashsim_macronix_optable,
	}, {
		/*
		 * GD25Q127C: C8 40 18 (FRM, FR13, UF; unverified), 16 MiB,
		 * 2.7-3.6 V (FRM), 3-byte only, 20h/52h/D8h/60h/C7h (FRM),
		 * status commands 05h/35h/15h, 01h/31h/11h, 50h (GD-Q127C Rev
		 * 2.3 contents 7.3-7.5).  Registers: flashsim_gd25q128_sr.
		 * No individual locks known.  Its 3 x 1024 B security
		 * registers (FRM, UF) are not modelled, so nothing a driver
		 * can read tells it from the GD25Q128C profile: the
		 * collision is one the table must cover as a family.  BP as
		 * W25Q128JV (BP=1: 256 KiB; assumption).  Times: not read,
		 * the W25Q128JV values (assumption).
		 */
		.name = "gd25q127c",
		.id = { 0xc8, 0x40, 0x18 },
		.dev_id = 0x17,
		.size = SZ_16M,
		.page_size = 256,
		.vcc_min_mv = 2700,
		.vcc_max_mv = 3600,
		.sfdp = flashsim_gd25q128_sfdp,
		.sfdp_len = sizeof(flashsim_gd25q128_sfdp),
		.sr = &flashsim_gd25q128_sr,
		.sr_default = { 0x00, 0x00, 0x60 },
		.features = FS_F_SR3 | FS_F_WRSR2,
		.bp_min_len = SZ_256K,
		.sec_min_len = SZ_4K,
		.sec_max_len = SZ_32K,
		.lock_block = SZ_64K,
		.lock_sector = SZ_4K,
		.t = FLASHSIM_W25Q128_TIMING,
		.t_max = FLASHSIM_W25Q128_TIMING_MAX,
		.fr_hz = 50000000,
	}, {
		/*
		 * GD25Q128C: C8 40 18, 16 MiB ("The GD25Q128C (128M-bit)
		 * Serial flash", GD-Q128C Rev 2.5 section 2), SFDP 5Ah
		 * (contents 7.38), QPI 38h/FFh (7.33-7.36, not modelled), 3 x
		 * 512 B security registers (FRM, not modelled).  Otherwise
		 * as the GD25Q127C profile; 0Ch is Burst Read with Wrap
		 * (7.34), not a 4-byte read: absent here.
		 */
		.name = "gd25q128c",
		.id = { 0xc8, 0x40, 0x18 },
		.dev_id = 0x17,
		.size = SZ_16M,
		.page_size = 256,
		.vcc_min_mv = 2700,
		.vcc_max_mv = 3600,
		.sfdp = flashsim_gd25q128_sfdp,
		.sfdp_len = sizeof(flashsim_gd25q128_sfdp),
		.sr = &flashsim_gd25q128_sr,
		.sr_default = { 0x00, 0x00, 0x60 },
		.features = FS_F_SR3 | FS_F_WRSR2,
		.bp_min_len = SZ_256K,
		.sec_min_len = SZ_4K,
		.sec_max_len = SZ_32K,
		.lock_block = SZ_64K,
		.lock_sector = SZ_4K,
		.t = FLASHSIM_W25Q128_TIMING,
		.t_max = FLASHSIM_W25Q128_TIMING_MAX,
		.fr_hz = 50000000,
	}, {
		/*
		 * IS25LP128: 9D 60 18 (LX, FR, UF; unverified), 16 MiB and
		 * 2.3-3.6 V (DS-IS128-064 FEATURES), SFDP (built), 3-byte
		 * only, 4/32/64 KiB + chip erase (DS-IS128-064).  ISSI
		 * protection: BP3..0 in SR, TBS in the function register,
		 * one-time (survey family note).  BP=1 protects 64 KiB,
		 * doubling, all from BP=9 (assumption: the 4-BP pattern of
		 * the 256 Mbit parts scaled).  Device ID 17h, times (the
		 * W25Q128JV ones) and fR 50 MHz: assumption.
		 */
		.name = "is25lp128",
		.id = { 0x9d, 0x60, 0x18 },
		.dev_id = 0x17,
		.size = SZ_16M,
		.page_size = 256,
		.vcc_min_mv = 2300,
		.vcc_max_mv = 3600,
		.sfdp = flashsim_is25lp128_sfdp,
		.sfdp_len = sizeof(flashsim_is25lp128_sfdp),
		.sr = &flashsim_is25lp_sr,
		.sr_default = { 0x00, 0x00, 0x00 },
		.bp_min_len = SZ_64K,
		.lock_block = SZ_64K,
		.lock_sector = SZ_4K,
		.t = FLASHSIM_W25Q128_TIMING,
		.t_max = FLASHSIM_W25Q128_TIMING_MAX,
		.fr_hz = 50000000,
		.optable = &flashsim_issi_optable,
	}, {
		/*
		 * MT25QL256ABA: 20 BA 19 (MU-N25Q256 Table 21 scheme; LX
		 * 6-byte 20 BA 19 10 44 00, unverified), 32 MiB, 2.7-3.6 V
		 * (MU-MT25QL256 Features).  Micron protection: BP3 at SR bit
		 * 6, TB bit 5 (Table 3), volatile per-64 KiB-sector write
		 * locks E5h/E8h, 0 at power-up (Table 15), both apply.
		 * 4-byte: B7h/E9h after WREN, EAR, dedicated opcodes (its
		 * SFDP DW16); the flag status register 70h bit 0 shows the
		 * mode.  BP=1 protects the top 64 KiB sector, doubling, all
		 * from BP=1010b (Protected Area tables, as the N25Q512 Table
		 * 5 pattern: assumption for 256 Mbit).  Times from its real
		 * BFPT DW10/11: tPP 120 us (max x24), 4K 48 ms, 32K 112 ms,
		 * 64K 160 ms (max x10), bulk 84 s.  tW, tSUS, tRST, fR 50
		 * MHz and the device ID 18h: assumption.
		 */
		.name = "mt25ql256",
		.id = { 0x20, 0xba, 0x19 },
		.dev_id = 0x18,
		.size = SZ_32M,
		.page_size = 256,
		.vcc_min_mv = 2700,
		.vcc_max_mv = 3600,
		.sfdp = flashsim_mt25ql256_sfdp,
		.sfdp_len = sizeof(flashsim_mt25ql256_sfdp),
		.sr = &flashsim_mt25q_sr,
		.sr_default = { 0x00, 0x00, 0x00 },
		.features = FS_F_4B_READ | FS_F_4B_WRITE | FS_F_4B_ERASE |
			    FS_F_EN4B | FS_F_EAR | FS_F_4B_WREN | FS_F_FSR,
		.bp_min_len = SZ_64K,
		.lock_block = SZ_64K,
		.lock_sector = SZ_64K,
		.t = {
			.pp_us = 120, .se_us = 48000, .be32_us = 112000,
			.be64_us = 160000, .ce_us = 84000000, .w_us = 10000,
			.sus_us = 20, .rst_us = 30,
		},
		.t_max = {
			.pp_us = 2880, .se_us = 480000, .be32_us = 1120000,
			.be64_us = 1600000, .ce_us = 2016000000U,
			.w_us = 15000, .sus_us = 20, .rst_us = 30,
		},
		.fr_hz = 50000000,
		.optable = &flashsim_micron_optable,
		.prot = FS_PROT_BP_AND_LOCKS,
		.id_ext = flashsim_mt25ql256_id_ext,
		.id_ext_len = sizeof(flashsim_mt25ql256_id_ext),
	}, {
		/*
		 * S25FL256S, 64 KiB-sector variant: 01 02 19 4D 01 80 (SP-FLS
		 * Table 10.2), 32 MiB, core 2.7-3.6 V (SP-FLS Features).
		 * Spansion protection: BP2..0 in SR1, TBPROT and the other
		 * CR1[5:2] one-time (SP-KBA); a write trying to clear one
		 * sets P_ERR.  32 x 4 KiB parameter sectors, bottom with
		 * TBPARM = 0 (FRM comment in the survey).  BP=1 protects
		 * the top 1/64 (512 KiB), doubling (assumption).  SFDP: built
		 * (the survey found none mentioned; assumption that there is
		 * one).  Times and fR: not read, from memory (assumption):
		 * tPP 250/750 us, 4 and 64 KiB erase 130/650 ms, bulk 103/450
		 * s, WRR 140/500 ms.  RES device ID 18h: assumption.
		 */
		.name = "s25fl256s",
		.id = { 0x01, 0x02, 0x19 },
		.dev_id = 0x18,
		.size = SZ_32M,
		.page_size = 256,
		.vcc_min_mv = 2700,
		.vcc_max_mv = 3600,
		.sfdp = flashsim_s25fl256s_sfdp,
		.sfdp_len = sizeof(flashsim_s25fl256s_sfdp),
		.sr = &flashsim_s25fl_sr,
		.sr_default = { 0x00, 0x00, 0x00 },
		.features = FS_F_4B_READ | FS_F_4B_WRITE | FS_F_4B_ERASE |
			    FS_F_EAR | FS_F_SP_PARAM4K,
		.bp_min_len = SZ_512K,
		.lock_block = SZ_64K,
		.lock_sector = SZ_4K,
		.t = {
			.pp_us = 250, .se_us = 130000, .be32_us = 130000,
			.be64_us = 130000, .ce_us = 103000000, .w_us = 140000,
			.sus_us = 20, .rst_us = 30,
		},
		.t_max = {
			.pp_us = 750, .se_us = 650000, .be32_us = 650000,
			.be64_us = 650000, .ce_us = 450000000, .w_us = 500000,
			.sus_us = 20, .rst_us = 30,
		},
		.fr_hz = 50000000,
		.optable = &flashsim_spansion_optable,
		.id_ext = flashsim_s25fl256s_id_ext,
		.id_ext_len = sizeof(flashsim_s25fl256s_id_ext),
	}, {
		/*
		 * SST26VF064B: BF 26 43 (LX, FR, UF; and the dump's ID), 8
		 * MiB, 2.7-3.6 V (MC-SST26 DS20005119J page 1).  SST26
		 * protection: the block-protection register (72h/42h), every
		 * block write-locked at power-up, 98h global unlock
		 * (flashsim-ops.c).  Erase 18/25 ms (sector and block), chip
		 * 35/50 ms (MC-SST26 Features); tPP 1024/2048 us from its
		 * BFPT DW11.  tW (= tPP), tRST, fR 40 MHz: assumption.
		 */
		.name = "sst26vf064b",
		.id = { 0xbf, 0x26, 0x43 },
		.dev_id = 0x43,
		.size = SZ_8M,
		.page_size = 256,
		.vcc_min_mv = 2700,
		.vcc_max_mv = 3600,
		.sfdp = flashsim_sst26vf064b_sfdp,
		.sfdp_len = sizeof(flashsim_sst26vf064b_sfdp),
		.sr = &flashsim_sst26_sr,
		.sr_default = { 0x00, 0x00, 0x00 },
		.lock_block = SZ_64K,
		.lock_sector = SZ_8K,
		.t = {
			.pp_us = 1024, .se_us = 18000, .be32_us = 18000,
			.be64_us = 18000, .ce_us = 35000, .w_us = 1024,
			.sus_us = 20, .rst_us = 30,
		},
		.t_max = {
			.pp_us = 2048, .se_us = 25000, .be32_us = 25000,
			.be64_us = 25000, .ce_us = 50000, .w_us = 2048,
			.sus_us = 20, .rst_us = 30,
		},
		.fr_hz = 40000000,
		.optable = &flashsim_sst26_optable,
		.prot = FS_PROT_LOCKS,
	}, {
		/*
		 * SST25VF032B: BF 25 4A (LX, FR; REMS/RES 4Ah, FR), 4 MiB,
		 * 2.7-3.6 V (FR, siblings).  No datasheet of the part read:
		 * everything from its siblings (MC-SST25) and FR/LX, see
		 * flashsim_sst25_sr and the SST25 opcode table.  No page
		 * program (byte 02h, AAI word ADh), no SFDP.  BP=1 protects
		 * the top 64 KiB, doubling, all from BP=0111b (assumption).
		 * Times: byte/word program 7 us typ (siblings), 10 us max,
		 * erase 18/25 ms, chip 35/50 ms (siblings' typ; maxima
		 * assumed as SST26), status write 10 us (assumption); fR 25
		 * MHz (assumption).
		 */
		.name = "sst25vf032b",
		.id = { 0xbf, 0x25, 0x4a },
		.dev_id = 0x4a,
		.size = SZ_4M,
		.page_size = 256,
		.vcc_min_mv = 2700,
		.vcc_max_mv = 3600,
		.sr = &flashsim_sst25_sr,
		.sr_default = { 0x00, 0x00, 0x00 },
		.bp_min_len = SZ_64K,
		.lock_block = SZ_64K,
		.lock_sector = SZ_4K,
		.t = {
			.pp_us = 7, .se_us = 18000, .be32_us = 18000,
			.be64_us = 18000, .ce_us = 35000, .w_us = 10,
			.sus_us = 20, .rst_us = 30,
		},
		.t_max = {
			.pp_us = 10, .se_us = 25000, .be32_us = 25000,
			.be64_us = 25000, .ce_us = 50000, .w_us = 10,
			.sus_us = 20, .rst_us = 30,
		},
		.fr_hz = 25000000,
		.optable = &flashsim_sst25_optable,
	},
};

const struct flashsim_profile *flashsim_profile_find(const char *name)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(flashsim_profiles); i++)
		if (sysfs_streq(name, flashsim_profiles[i].name))
			return &flashsim_profiles[i];
	return NULL;
}
