// SPDX-License-Identifier: GPL-2.0
/*
 * biosflash chip table: the parts found on PC mainboards, with what their
 * datasheets guarantee beyond SFDP (supply range, dedicated 4-byte opcodes,
 * busy times), and the rules that merge the table with SFDP.  Every fact
 * cites its source; the tags (DS-257FV, FR, UF, ...) are expanded in
 * Documentation/chips.rst, "Sources", which also holds the ID, timing and
 * protection tables.
 */
#include <linux/kernel.h>
#include <linux/minmax.h>
#include <linux/sizes.h>
#include <linux/string.h>

#include "biosflash.h"

/* SFDP may lengthen a table or default time, but by this factor at most. */
#define BF_SFDP_TIME_CAP	10

/*
 * Conservative defaults: W25Q257FV, the slowest datasheet at hand
 * (DS-257FV §9.6; Documentation/chips.rst, "Timings and clocks"): tPP
 * 0.7/3 ms, tSE 100/400 ms, tBE1 120/1600 ms, tBE2 150/2000 ms, tCE 80/400 s
 * for 32 MiB, tW 10/15 ms.
 */
static const struct bf_times bf_default_times = {
	.pp		= { .typ_us = 700,	.max_us = 3000 },
	.erase_4k	= { .typ_us = 100000,	.max_us = 400000 },
	.erase_32k	= { .typ_us = 120000,	.max_us = 1600000 },
	.erase_64k	= { .typ_us = 150000,	.max_us = 2000000 },
	.wrsr		= { .typ_us = 10000,	.max_us = 15000 },
};

/* W25Q128JV (DS-128JV AC electrical characteristics): faster sector erase. */
static const struct bf_times bf_w25q128jv_times = {
	.pp		= { .typ_us = 400,	.max_us = 3000 },
	.erase_4k	= { .typ_us = 45000,	.max_us = 400000 },
	.erase_32k	= { .typ_us = 120000,	.max_us = 1600000 },
	.erase_64k	= { .typ_us = 150000,	.max_us = 2000000 },
	.wrsr		= { .typ_us = 10000,	.max_us = 15000 },
};

/*
 * Block protection layouts.  Register indexes: 0 = 05h, 1 = 35h/15h,
 * 2 = 15h/2Bh, as listed in each .regs.
 */

/*
 * Winbond individual locks (DS-257FV §6.2, §7.1.18, §8.2.48-50; DS-128JV
 * §7.1.10, §8.2.35-36): 64 KiB blocks, 4 KiB sectors
 * in the first and last block; 36h/39h/3Dh take an address as wide as the
 * current address mode; 3Dh LSB = 1 is locked; 7Eh/98h need WREN.  WREN
 * before 36h/39h: DS-257FV §8.2.48-49.
 */
static const struct bf_prot_ind bf_winbond_ind = {
	.block = SZ_64K,
	.sector = SZ_4K,
	.rd = BF_OP_RD_BLOCK_LOCK,
	.lock = BF_OP_BLOCK_LOCK,
	.unlock = BF_OP_BLOCK_UNLOCK,
	.glock = BF_OP_GLOBAL_LOCK,
	.gunlock = BF_OP_GLOBAL_UNLOCK,
};

#define BF_WINBOND_REGS(sr3_ro) {					\
	{ .name = "sr1", .rd = BF_OP_RDSR1, .wr = BF_OP_WRSR1,		\
	  .ro = 0x03 },	/* WEL, BUSY */					\
	{ .name = "sr2", .rd = BF_OP_RDSR2, .wr = BF_OP_WRSR2,		\
	  .ro = 0x80,	/* SUS */					\
	  .one_way = 0x39 },	/* LB3..1 (OTP), SRL */			\
	{ .name = "sr3", .rd = BF_OP_RDSR3, .wr = BF_OP_WRSR3,		\
	  .ro = (sr3_ro) },						\
}

/*
 * W25Q256JV/JW/FV (DS-257FV §7.1, DS-256JV p33, FR flashchips/winbond.c
 * reg_bits): SR1 SRP7 TB6 BP3..0[5:2], SR2 CMP6 LB3..1[5:3] QE1 SRL0, SR3
 * WPS2 ADS0 (read-only).  64 KiB << (BP - 1), all from BP = 1010b
 * (DS-257FV §7.1.16/17).  01h takes SR1 and SR2 (DS-257FV §8.2.5); 50h
 * makes writes volatile (DS-128JV §8.2.2).  Documentation/chips.rst,
 * "Status registers" and "Block protection".
 */
static const struct bf_prot_layout bf_prot_w25q256 = {
	.regs = BF_WINBOND_REGS(0x01),
	.bp = { 0, 0x3c },
	.tb = { 0, 0x40 },
	.srp = { 0, 0x80 },
	.cmp = { 1, 0x40 },
	.srl = { 1, 0x01 },
	.qe = { 1, 0x02 },	/* /WP disabled while QE = 1, DS-257FV §4.3 */
	.wps = { 2, 0x04 },
	.bp_len = SZ_64K,
	.flags = BF_PROT_VOLATILE | BF_PROT_WR_16BIT,
	.ind = &bf_winbond_ind,
};

/*
 * W25Q128JV (DS-128JV Fig 4b): SR1 SRP7 SEC6 TB5 BP2..0[4:2],
 * SR2 and SR3 as the 256 Mbit parts, SR3 bit 0 reserved.  Ranges, DS-128JV
 * Rev M §7.1.8 (CMP = 0) and §7.1.9 (CMP = 1, the complement): SEC = 0:
 * 256 KiB << (BP - 1), 1/64 .. 1/2 of the chip; SEC = 1: 4, 8, 16 KiB, then
 * 32 KiB for BP = 10xb; BP = 111b: all.  BP = 110b with SEC = 1 is not in
 * the table: 32 KiB, as flashrom's decode_range_spi25 takes it.  The
 * W25Q64JV and W25Q32JV tables (DS-64JV §7.1.8) are the same in 1/64ths
 * of the chip: 128 and 64 KiB for BP = 001b.
 */
static const struct bf_prot_layout bf_prot_w25q128jv = {
	.regs = BF_WINBOND_REGS(0x00),
	.bp = { 0, 0x1c },
	.tb = { 0, 0x20 },
	.sec = { 0, 0x40 },
	.srp = { 0, 0x80 },
	.cmp = { 1, 0x40 },
	.srl = { 1, 0x01 },
	.qe = { 1, 0x02 },	/* /WP disabled while QE = 1, DS-257FV §4.3 */
	.wps = { 2, 0x04 },
	.bp_len = 0,		/* 1/64: 256 KiB here, 64/128 KiB at 4/8 MiB */
	.sec_len = SZ_4K,
	.sec_max = SZ_32K,
	.flags = BF_PROT_VOLATILE | BF_PROT_WR_16BIT,
	.ind = &bf_winbond_ind,
};

/*
 * Macronix advanced sector protection, used once WPSEL = 1 (SCUR bit 7:
 * FR flashchips/macronix.c, MX25U25643G/45G wps).
 * Unverified, from memory of the MX25U25645G datasheet: E0h reads the
 * volatile DPB, E2h the non-volatile SPB (FFh = protected), E1h + FFh/00h
 * writes a DPB, all with 4 address bytes in either mode; 7Eh/98h (GBLK,
 * GBULK) need WREN; units as Winbond's.
 */
static const struct bf_prot_ind bf_macronix_ind = {
	.block = SZ_64K,
	.sector = SZ_4K,
	.rd = BF_OP_RDDPB,
	.rd_solid = BF_OP_RDSPB,
	.lock = BF_OP_WRDPB,
	.unlock = BF_OP_WRDPB,
	.glock = BF_OP_GLOBAL_LOCK,
	.gunlock = BF_OP_GLOBAL_UNLOCK,
	.addr_nbytes = 4,
	.data = true,
};

/*
 * MX25U25635F/43G/45G/73G (FR flashchips/macronix.c reg_bits of the
 * 43G/45G; UF vendor-macronix.c): SR SRWD7 QE6 BP3..0[5:2]; CR (15h) TB
 * bit 3, OTP; SCUR (2Bh) WPSEL bit 7, OTP.  No CMP, no SRL, no volatile
 * status write.  CR and SCUR are never written: 01h is sent with one byte,
 * as Linux does for Macronix (Linux 6.12 drivers/mtd/spi-nor/core.c
 * spi_nor_write_sr1_and_check(), macronix.c).  Range formula as Winbond's:
 * FR decodes this part with decode_range_spi25() (writeprotect_ranges.c),
 * the DS-257FV §7.1.16 (CMP = 0) table.  BP ignored while WPSEL
 * = 1: unverified.
 */
static const struct bf_prot_layout bf_prot_mx25u256 = {
	.regs = {
		{ .name = "sr", .rd = BF_OP_RDSR1, .wr = BF_OP_WRSR1,
		  .ro = 0x03 },		/* WEL, WIP */
		{ .name = "cr", .rd = BF_OP_RDSR3, .ro = 0x20 },  /* 4BYTE */
		{ .name = "scur", .rd = BF_OP_RDSCUR, .ro = 0x7f },
	},
	.bp = { 0, 0x3c },
	.tb = { 1, 0x08 },
	.srp = { 0, 0x80 },
	.qe = { 0, 0x40 },	/* WP#/SIO2 pin (unverified) */
	.wps = { 2, 0x80 },
	.bp_len = SZ_64K,
	.flags = BF_PROT_TB_OTP | BF_PROT_WPS_OTP,
	.ind = &bf_macronix_ind,
};

/*
 * GD25LB256E (FR flashchips/gigadevice.c reg_bits, UF): SR1 as the
 * GD25B256E: SRP0 7, TB 6, BP3..0 [5:2]; no CMP.  Range formula as
 * Winbond's (FR decode_range_spi25(); no datasheet read).  No SR2: UF
 * (gd25lb256e_regs) lists SR1 and the non-volatile NVCR1..7 only, SRP1
 * in NVCR2 bit 4, so neither 35h nor a two-byte 01h is sent and SRL is
 * not read (B5h unverified): "power-cycle" is never claimed for this part.
 * Not modelled, all unverified: 50h, and the NVCR4 WPS bit selecting
 * individual locks (UF only).
 */
static const struct bf_prot_layout bf_prot_gd25lb256e = {
	.regs = {
		{ .name = "sr1", .rd = BF_OP_RDSR1, .wr = BF_OP_WRSR1,
		  .ro = 0x03 },
	},
	.bp = { 0, 0x3c },
	.tb = { 0, 0x40 },
	.srp = { 0, 0x80 },
	.bp_len = SZ_64K,
};

/*
 * GigaDevice GD25Q64/Q127C/Q128 (SV-G "GD25Q64", "GD25Q127C": FRM reg_bits,
 * UF w25q_sr1/w25q_sr2): the W25Q128JV bits in SR1/SR2, SEC/TB/BP2..0 and
 * CMP, in 1/64ths of the chip, SEC units as the W25Q128JV's.  Only 05h/35h
 * and a two-byte 01h: the B parts have no 31h and no 15h (GD-Q64B 7.3,
 * 7.4), so neither SR3 nor 50h is used.  SRP1 and LB3..1 are one-time
 * (GD-Q41B, a sibling) and always written as 0.  No individual locks.
 */
static const struct bf_prot_layout bf_prot_gd25q = {
	.regs = {
		{ .name = "sr1", .rd = BF_OP_RDSR1, .wr = BF_OP_WRSR1,
		  .ro = 0x03 },
		{ .name = "sr2", .rd = BF_OP_RDSR2, .wr = BF_OP_WRSR1,
		  .ro = 0x80, .one_way = 0x39 },
	},
	.bp = { 0, 0x1c },
	.tb = { 0, 0x20 },
	.sec = { 0, 0x40 },
	.srp = { 0, 0x80 },
	.cmp = { 1, 0x40 },
	.srl = { 1, 0x01 },
	.qe = { 1, 0x02 },
	.sec_len = SZ_4K,
	.sec_max = SZ_32K,
	.flags = BF_PROT_WR_16BIT,
};

/*
 * Micron N25Q/MT25Q (SV-G; MU-MT25QL256 Rev. K Table 3 and the protected
 * area table): SR bit 7 status register write enable/disable (with W#),
 * 6 BP3, 5 TB (0 = top), 4:2 BP2..0, all non-volatile; 64 KiB << (BP - 1)
 * from the top, the whole chip from the first BP that reaches it (LX
 * micron-st.c: SPI_NOR_HAS_TB | SPI_NOR_4BIT_BP | SPI_NOR_BP3_SR_BIT6).
 * 01h takes one byte.  The per-sector volatile and non-volatile lock bits
 * (E8h/E3h) are not read: all volatile ones clear at power-up
 * (MU-MT25QL256 Table 15), and the non-volatile ones are set only by E3h,
 * which this driver never sends.
 */
static const struct bf_prot_layout bf_prot_micron = {
	.regs = {
		{ .name = "sr", .rd = BF_OP_RDSR1, .wr = BF_OP_WRSR1,
		  .ro = 0x03 },		/* WEL, WIP */
	},
	.bp = { 0, 0x1c },
	.bp3 = { 0, 0x40 },
	.tb = { 0, 0x20 },
	.srp = { 0, 0x80 },
	.bp_len = SZ_64K,
};

/*
 * ISSI IS25LP/IS25WP (SV-M "ISSI", UF vendor-issi.c; no ISSI register page
 * read: unverified): SR SRWD 7, QE 6, BP3..0 [5:2]; the function register
 * (48h) TBS bit 1 picks top or bottom and is one-time, so it is read, never
 * written (IRL3..0 [7:4] one-time too, PSUS/ESUS [3:2] read-only).  64 KiB
 * << (BP - 1) from the top, as the W25Q256 table (FR decode_range_spi25()).
 */
static const struct bf_prot_layout bf_prot_issi = {
	.regs = {
		{ .name = "sr", .rd = BF_OP_RDSR1, .wr = BF_OP_WRSR1,
		  .ro = 0x03 },
		{ .name = "fr", .rd = BF_OP_RDFR, .ro = 0x0c },
	},
	.bp = { 0, 0x3c },
	.tb = { 1, 0x02 },
	.srp = { 0, 0x80 },
	.qe = { 0, 0x40 },	/* WP# is IO2 while QE = 1 */
	.bp_len = SZ_64K,
	.flags = BF_PROT_TB_OTP,
};

/*
 * Spansion S25FL256S (SV-G "S25FL256S": SP-KBA register page, names and
 * the rest from FRM/UF, unverified): SR1 SRWD 7, P_ERR 6, E_ERR 5 (set by
 * the chip), BP2..0 [4:2]; CR1 (35h) TBPROT bit 5 one-time, BPNV 3 and
 * TBPARM 2 one-time, QUAD 1, FREEZE 0 (the registers locked until power
 * off: the SRL role).  BP = 001b protects 1/64 of the chip, doubling, 111b
 * all.  01h carries SR1 and CR1: a one-byte WRR may clear QUAD (Infineon
 * KBA229055), so CR1 goes back exactly as read twice, its one-time bits
 * unchanged (clearing one fails and sets P_ERR, KBA231885; setting one is
 * never asked for: TB is BF_PROT_TB_OTP), FREEZE as 0.  BPNV = 1 (BP
 * volatile, all ones at power-up) is only read.
 */
static const struct bf_prot_layout bf_prot_s25fl_s = {
	.regs = {
		{ .name = "sr1", .rd = BF_OP_RDSR1, .wr = BF_OP_WRSR1,
		  .ro = 0x63 },		/* P_ERR, E_ERR, WEL, WIP */
		{ .name = "cr1", .rd = BF_OP_RDSR2, .ro = 0x01 },  /* FREEZE */
	},
	.bp = { 0, 0x1c },
	.tb = { 1, 0x20 },
	.srp = { 0, 0x80 },
	.srl = { 1, 0x01 },
	.qe = { 1, 0x02 },
	.bp_len = 0,		/* 1/64 of the chip */
	.flags = BF_PROT_TB_OTP | BF_PROT_WR_16BIT,
};

/*
 * SST25VF016B/032B (SV-G "SST25VF032B": siblings' status register, LX
 * SPI_NOR_SWP_IS_VOLATILE): BPL 7 (BP read-only while WP# is low: the SRP
 * role), AAI 6, BP3..0 [5:2], all volatile and set at power-up.  64 KiB <<
 * (BP - 1) from the top; BP values past the whole chip protect it all
 * (where BP3 is "don't care" on a part, this claims more, never less).
 * 01h after WREN (FR spi_write_status_register_flag()).
 */
static const struct bf_prot_layout bf_prot_sst25 = {
	.regs = {
		{ .name = "sr", .rd = BF_OP_RDSR1, .wr = BF_OP_WRSR1,
		  .ro = 0x43 },		/* AAI, WEL, BUSY */
	},
	.bp = { 0, 0x3c },
	.srp = { 0, 0x80 },
	.bp_len = SZ_64K,
};

/*
 * SST26VF064B (SV-G "SST26VF064B"; DS20005119): the block-protection
 * register, 72h/42h, one write lock per block and a read lock per 8 KiB
 * parameter block (driver/protect.c, "SST26 block-protection register"),
 * every block write-locked after power-up; global unlock 98h.  The
 * configuration register (35h): WPEN bit 7 lets WP# hold the register
 * (the SRP role), BPNV bit 3 reads 0 once a block is locked down for good.
 * The status register has no protection bits.
 */
static const struct bf_prot_layout bf_prot_sst26 = {
	.regs = {
		{ .name = "sr", .rd = BF_OP_RDSR1, .ro = 0xff },
		{ .name = "cr", .rd = BF_OP_RDSR2, .ro = 0x00 },
	},
	.srp = { 1, BF_SST26_CR_WPEN },
	.flags = BF_PROT_BPR,
};

/*
 * W25Q256FV and W25Q256JV share EF 40 19, but only the JV has 12h/21h/DCh
 * (the DS-257FV instruction tables list none of them); an FV ignores
 * them, so a write would silently do nothing.  Linux tells them apart by
 * the BFPT minor revision: FV = 0 (JESD216), JV = 5 (JESD216A), and trusts
 * the 4-byte opcodes only from minor 5 on (drivers/mtd/spi-nor/winbond.c,
 * w25q256_post_bfpt_fixups()).  Without a readable SFDP nothing tells them
 * apart either: both get what every member has, B7h/E9h 4-byte mode and
 * the 3-byte opcodes (DS-257FV §8.2.8-9).
 */
static void bf_w25q256_fixup(struct bf_flash *flash)
{
	struct bf_params *p = &flash->params;

	if (p->has_sfdp && p->bfpt_minor >= 5)
		return;
	p->flags &= ~BF_F_4B_OPCODES;
	flash->name = p->has_sfdp ? "w25q256fv" : "w25q256fv/jv";
}

/*
 * SST26VF064B (SV-G, MC-SST26 Features): 4 KiB sectors, but 8, 32 and 64 KiB
 * blocks under D8h, of a size that depends on the address: whatever SFDP
 * lists, only the uniform 4 KiB erase (20h) is used.
 */
static void bf_sst26_fixup(struct bf_flash *flash)
{
	struct bf_params *p = &flash->params;
	unsigned int i;

	for (i = 0; i < BF_ERASE_TYPES; i++)
		if (p->erase[i].size != SZ_4K)
			memset(&p->erase[i], 0, sizeof(p->erase[i]));
}

/*
 * SST25VF032B (SV-G; Linux 6.12 sst.c, SST_WRITE, sst_nor_write()): 02h
 * programs one byte, there is no page buffer.  One byte per 02h is slow but
 * correct; several bytes in one 02h would silently program only one.
 */
static void bf_sst25_fixup(struct bf_flash *flash)
{
	flash->params.page_size = 1;
}

/*
 * SST25VF032B: one byte per program, so the typical time sets the polling
 * interval; 10 us is the SST25 byte-program time as recalled (MEM,
 * unverified).  The maxima stay the conservative defaults.
 */
static const struct bf_times bf_sst25_times = {
	.pp		= { .typ_us = 10,	.max_us = 3000 },
	.erase_4k	= { .typ_us = 100000,	.max_us = 400000 },
	.erase_32k	= { .typ_us = 120000,	.max_us = 1600000 },
	.erase_64k	= { .typ_us = 150000,	.max_us = 2000000 },
	.wrsr		= { .typ_us = 10000,	.max_us = 15000 },
};

/*
 * The entries are in chiptab.h, shared with the biosflash tool; the note
 * (the last argument) is the tool's only.  Supply
 * ranges and IDs of the first five parts: Documentation/chips.rst, "Chip IDs
 * and supply ranges" (W25Q256JV: DS-256JV p1; W25Q128JV: DS-128JV; W25Q256JW,
 * the Macronix and GigaDevice parts: the FR chip entries' voltage, the JW's
 * datasheet not read).  4-byte handling: Documentation/chips.rst, "4-byte
 * instructions" (Winbond 13h/0Ch/12h/21h/DCh, no 4-byte 32 KiB erase;
 * Macronix adds 5Ch, from its SFDP 4BAIT).
 * EAR (C5h/C8h, volatile, 0 at power-up and reset): DS-257FV §7.2,
 * §8.2.6-7, the Winbond 256 Mbit parts; set only where a datasheet names
 * it, since the driver writes it as its power-cycle marker.
 * Soft reset 66h/99h: DS-257FV §8.2.53 for the Winbond W25Q family; for the
 * others SFDP DW16 decides.
 * GD25LB256E: no source read names its dedicated 4-byte opcodes, so they
 * come from its 4BAIT only.
 */
#define BF_CHIP(_name, _id0, _id1, _id2, _size, _vmin, _vmax, _flags,	\
		_erase, _times, _fixup, _prot, ...)			\
	{								\
		.name = _name,						\
		.id = { _id0, _id1, _id2 },				\
		.vcc_min_mv = _vmin,					\
		.vcc_max_mv = _vmax,					\
		.size = _size,						\
		.flags = _flags,					\
		.erase = _erase,					\
		.times = _times,					\
		.fixup = _fixup,					\
		.prot = _prot,						\
	},

static const struct bf_chip bf_chips[] = {
#include "chiptab.h"
};

#undef BF_CHIP

/**
 * bf_chip_lookup() - find a chip table entry by JEDEC ID
 * @id: the BF_ID_LEN bytes read with 9Fh
 *
 * Return: the entry, or NULL if the chip is not in the table.
 */
const struct bf_chip *bf_chip_lookup(const u8 *id)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bf_chips); i++)
		if (!memcmp(bf_chips[i].id, id, BF_ID_LEN))
			return &bf_chips[i];

	return NULL;
}

static void bf_set_erase(struct bf_erase_type *e, u32 size, u8 opcode)
{
	e->size = size;
	e->opcode = opcode;
}

/**
 * bf_params_init() - start the chip parameters from the chip table
 * @flash: the programmer, with @flash->chip set (or NULL)
 *
 * A table chip without SFDP gets the erase commands its entry names
 * (&bf_chip.erase: 20h, 52h, D8h for most: DS-257FV §8, DS-128JV §8, the
 * Macronix SFDP dump's BFPT; each entry's source in chiptab.h); SFDP, parsed
 * next, replaces them.
 */
void bf_params_init(struct bf_flash *flash)
{
	struct bf_params *p = &flash->params;
	const struct bf_chip *chip = flash->chip;

	memset(p, 0, sizeof(*p));
	p->page_size = 256;
	if (!chip)
		return;

	p->size = chip->size;
	p->flags = chip->flags;
	if (chip->erase & BF_E_4K)
		bf_set_erase(&p->erase[0], SZ_4K, BF_OP_SE_4K);
	if (chip->erase & BF_E_32K)
		bf_set_erase(&p->erase[1], SZ_32K, BF_OP_BE_32K);
	if (chip->erase & BF_E_64K)
		bf_set_erase(&p->erase[2], SZ_64K, BF_OP_BE_64K);
}

static u32 bf_scale_us(u32 us, u64 factor)
{
	return min_t(u64, (u64)us * factor, U32_MAX);
}

/*
 * SFDP figures in @t (zero when SFDP had none) win for the typical time;
 * the maximum is the longer of SFDP's and @base's, so a short SFDP value
 * never undercuts the datasheet, capped so a corrupt table cannot turn a
 * stuck chip into an hour-long wait.
 */
static void bf_merge_time(struct bf_optime *t, struct bf_optime base)
{
	u32 cap = bf_scale_us(base.max_us, BF_SFDP_TIME_CAP);

	if (!t->typ_us)
		t->typ_us = base.typ_us;
	t->max_us = min(max(t->max_us, base.max_us), cap);
}

static struct bf_optime bf_erase_base(const struct bf_times *times, u32 size)
{
	struct bf_optime t = times->erase_64k;
	u32 blocks = max_t(u32, size / SZ_64K, 1);

	if (size <= SZ_4K)
		return times->erase_4k;
	if (size <= SZ_32K)
		return times->erase_32k;

	t.typ_us = bf_scale_us(t.typ_us, blocks);
	t.max_us = bf_scale_us(t.max_us, blocks);
	return t;
}

/*
 * Dedicated 4-byte erase opcodes the table guarantees
 * (Documentation/chips.rst, "4-byte instructions"), unless the chip's own
 * 4BAIT says otherwise: the W25R256JW shares the W25Q256JW's ID but has no
 * 21h/DCh, and its 4BAIT lists none (flashrom master commit 2fdf7ef6);
 * without one the chip would ignore every erase.
 */
static u8 bf_erase_opcode_4b(u32 flags, u8 opcode)
{
	if ((flags & BF_F_4B_ERASE) && opcode == BF_OP_SE_4K)
		return BF_OP_SE_4K_4B;
	if ((flags & BF_F_4B_ERASE) && opcode == BF_OP_BE_64K)
		return BF_OP_BE_64K_4B;
	if ((flags & BF_F_4B_ERASE_32K) && opcode == BF_OP_BE_32K)
		return BF_OP_BE_32K_4B;
	return 0;
}

/**
 * bf_params_finalize() - merge table, SFDP and default parameters
 * @flash: the programmer, after bf_params_init(), SFDP and the chip fixup
 *
 * Fills in busy times (SFDP, else table, else defaults), 4-byte erase
 * opcodes the table guarantees but SFDP did not list, and message names.
 */
void bf_params_finalize(struct bf_flash *flash)
{
	struct bf_params *p = &flash->params;
	const struct bf_times *times = &bf_default_times;
	unsigned int i;

	if (flash->chip && flash->chip->times)
		times = flash->chip->times;

	for (i = 0; i < BF_ERASE_TYPES; i++) {
		struct bf_erase_type *e = &p->erase[i];

		if (!e->size)
			continue;
		if (!e->opcode_4b && !p->has_4bait)
			e->opcode_4b = bf_erase_opcode_4b(p->flags, e->opcode);
		bf_merge_time(&e->time, bf_erase_base(times, e->size));
		snprintf(e->name, sizeof(e->name), "%u KiB erase",
			 e->size / SZ_1K);
	}
	bf_merge_time(&p->pp, times->pp);
	bf_merge_time(&p->wrsr, times->wrsr);
}
