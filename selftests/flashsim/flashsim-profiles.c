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
			    FS_F_EAR,
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
			    FS_F_EAR,
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
		.features = 0,
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
			    FS_F_EAR | FS_F_ASP,
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
		.features = FS_F_4B_READ | FS_F_4B_WRITE | FS_F_EN4B,
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
		.features = FS_F_4B_READ | FS_F_EN4B | FS_F_EAR,
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
