// SPDX-License-Identifier: GPL-2.0
/*
 * biosflash SFDP parser (JESD216): the Basic Flash Parameter Table gives
 * size, erase commands and their times, page size and the 4-byte address
 * methods; the 4-byte Address Instruction Table names dedicated 4-byte
 * opcodes.  Field positions as Linux 6.12 drivers/mtd/spi-nor/sfdp.h and
 * sfdp.c decode them; the DW10/DW11 time encodings (JESD216A), which Linux
 * does not decode, are from memory of the standard: unverified.
 */
#include <linux/bitfield.h>
#include <linux/bits.h>
#include <linux/device.h>
#include <linux/kernel.h>
#include <linux/minmax.h>
#include <linux/sizes.h>

#include "biosflash.h"

#define BF_SFDP_SIGNATURE	0x50444653	/* "SFDP", little endian */
#define BF_SFDP_MAJOR		1
#define BF_SFDP_MAX_HEADERS	16
#define BF_SFDP_BFPT_ID		0xff00
#define BF_SFDP_4BAIT_ID	0xff84

#define BF_BFPT_MIN_DWORDS	9	/* JESD216 */
#define BF_BFPT_DWORDS		16	/* JESD216B; later DWORDs unused */
#define BF_4BAIT_DWORDS		2

/* BFPT DW1 */
#define BF_BFPT_ADDR_BYTES	GENMASK(18, 17)
#define BF_BFPT_ADDR_4_ONLY	2

/* BFPT DW16 */
#define BF_BFPT_EN4B_B7		BIT(24)
#define BF_BFPT_EN4B_WREN_B7	BIT(25)
#define BF_BFPT_EN4B_EAR	BIT(26)	/* C8h/C5h EAR, JESD216B §6.4.18 */
#define BF_BFPT_EX4B_E9		BIT(14)
#define BF_BFPT_EX4B_WREN_E9	BIT(15)
#define BF_BFPT_SOFT_RESET	BIT(12)

/* 4BAIT DW1 */
#define BF_4BAIT_READ		BIT(0)
#define BF_4BAIT_FAST_READ	BIT(1)
#define BF_4BAIT_PP		BIT(6)
#define BF_4BAIT_ERASE(i)	BIT(9 + (i))

struct bf_sfdp_header {
	__le32 signature;
	u8 minor;
	u8 major;
	u8 nph;		/* number of parameter headers - 1 */
	u8 protocol;
};

struct bf_sfdp_param_header {
	u8 id_lsb;
	u8 minor;
	u8 major;
	u8 length;	/* DWORDs */
	u8 ptp[3];	/* table address, little endian */
	u8 id_msb;
};

/* JESD216 DW10 erase time units, in ms */
static const u16 bf_erase_units_ms[] = { 1, 16, 128, 1000 };

static u32 bf_us(u64 us)
{
	return min_t(u64, us, U32_MAX);
}

/* DW2: density in bits; bit 31 set means 2^N bits.  0 if nonsense. */
static u64 bf_bfpt_density(u32 dw2)
{
	u32 n = dw2 & ~BIT(31);

	if (!(dw2 & BIT(31)))
		return ((u64)dw2 + 1) >> 3;
	/* 2^35 bits is 4 GiB, the most a 4-byte address reaches */
	if (n < 3 || n > 35)
		return 0;
	return 1ULL << (n - 3);
}

/* DW8/DW9: size exponent in [7:0], opcode in [15:8] per erase type. */
static void bf_bfpt_erase_types(struct bf_params *p, u32 dw8, u32 dw9)
{
	u32 fields[BF_ERASE_TYPES] = { dw8, dw8 >> 16, dw9, dw9 >> 16 };
	struct bf_erase_type erase[BF_ERASE_TYPES] = {};
	bool any = false;
	unsigned int i;

	for (i = 0; i < BF_ERASE_TYPES; i++) {
		u8 exp = fields[i] & 0xff;

		/* 4 KiB is the smallest erase an MTD block can use */
		if (exp < 12 || exp > 26)
			continue;
		erase[i].size = BIT(exp);
		erase[i].opcode = (fields[i] >> 8) & 0xff;
		any = true;
	}
	if (any)
		memcpy(p->erase, erase, sizeof(erase));
}

/*
 * DW10: [3:0] max multiplier M (max = 2 * (M + 1) * typ); per erase type a
 * 7-bit field from bit 4: count in [4:0] (typ = count + 1 units), unit in
 * [6:5].
 */
static void bf_bfpt_erase_times(struct bf_params *p, u32 dw10)
{
	u32 mult = 2 * ((dw10 & 0xf) + 1);
	unsigned int i;

	for (i = 0; i < BF_ERASE_TYPES; i++) {
		u32 field = (dw10 >> (4 + 7 * i)) & 0x7f;
		u64 typ = ((field & 0x1f) + 1) * bf_erase_units_ms[field >> 5];

		if (!p->erase[i].size)
			continue;
		p->erase[i].time.typ_us = bf_us(typ * USEC_PER_MSEC);
		p->erase[i].time.max_us = bf_us(typ * USEC_PER_MSEC * mult);
	}
}

/*
 * DW11: [3:0] program max multiplier, [7:4] page size 2^N, [13:8] page
 * program typ (count [12:8] + 1, unit 8 or 64 us).  The chip erase time in
 * [30:24] is not read: the driver never chip erases.
 */
static void bf_bfpt_dw11(struct bf_params *p, u32 dw11)
{
	u32 mult = 2 * ((dw11 & 0xf) + 1);
	u32 page_exp = (dw11 >> 4) & 0xf;
	u64 pp = (((dw11 >> 8) & 0x1f) + 1) * ((dw11 & BIT(13)) ? 64 : 8);

	if (page_exp >= 4 && page_exp <= 12)
		p->page_size = BIT(page_exp);
	p->pp.typ_us = bf_us(pp);
	p->pp.max_us = bf_us(pp * mult);
}

/* DW16: 4-byte mode entry/exit methods and soft reset, as Linux reads it. */
static void bf_bfpt_dw16(struct bf_params *p, u32 dw16)
{
	const u32 plain = BF_BFPT_EN4B_B7 | BF_BFPT_EX4B_E9;
	const u32 wren = BF_BFPT_EN4B_WREN_B7 | BF_BFPT_EX4B_WREN_E9;

	if ((dw16 & plain) == plain)
		p->flags |= BF_F_EN4B;
	else if ((dw16 & wren) == wren)
		p->flags |= BF_F_EN4B | BF_F_EN4B_WREN | BF_F_EX4B_WREN;
	if (dw16 & BF_BFPT_SOFT_RESET)
		p->flags |= BF_F_SOFT_RESET;
	/* the driver never addresses through it: only its power-cycle marker */
	if (dw16 & BF_BFPT_EN4B_EAR)
		p->flags |= BF_F_EAR;
}

static int bf_bfpt_parse(struct bf_flash *flash, const u32 *dw,
			 unsigned int ndw, u8 minor)
{
	struct bf_params *p = &flash->params;
	u64 size = bf_bfpt_density(dw[1]);

	if (!size) {
		dev_dbg(flash->dev, "SFDP: density DWORD %08x is invalid\n",
			dw[1]);
		return -ENOENT;
	}
	/* The table knows the part; SFDP disagreeing means a clone or bug. */
	if (p->size && p->size != size)
		dev_warn(flash->dev, "SFDP says %llu KiB, chip table %llu KiB; using the table\n",
			 size >> 10, p->size >> 10);
	else
		p->size = size;

	if (FIELD_GET(BF_BFPT_ADDR_BYTES, dw[0]) == BF_BFPT_ADDR_4_ONLY)
		p->flags |= BF_F_4B_ONLY;
	bf_bfpt_erase_types(p, dw[7], dw[8]);
	if (ndw >= 10)
		bf_bfpt_erase_times(p, dw[9]);
	if (ndw >= 11)
		bf_bfpt_dw11(p, dw[10]);
	if (ndw >= 16)
		bf_bfpt_dw16(p, dw[15]);

	p->has_sfdp = true;
	p->bfpt_minor = minor;
	return 0;
}

/* 4BAIT DW1: supported 4-byte commands; DW2: erase type 1..4 opcodes. */
static void bf_4bait_parse(struct bf_params *p, u32 dw1, u32 dw2)
{
	unsigned int i;

	p->has_4bait = true;
	if (dw1 & BF_4BAIT_READ)
		p->flags |= BF_F_4B_READ;
	if (dw1 & BF_4BAIT_FAST_READ)
		p->flags |= BF_F_4B_FAST_READ;
	if (dw1 & BF_4BAIT_PP)
		p->flags |= BF_F_4B_PP;

	for (i = 0; i < BF_ERASE_TYPES; i++) {
		u8 op = dw2 >> (8 * i);

		if ((dw1 & BF_4BAIT_ERASE(i)) && p->erase[i].size &&
		    op && op != 0xff)
			p->erase[i].opcode_4b = op;
	}
}

static u32 bf_sfdp_ptp(const struct bf_sfdp_param_header *ph)
{
	return ph->ptp[0] | ph->ptp[1] << 8 | ph->ptp[2] << 16;
}

/*
 * DS-257FV §8.2.40: SFDP always takes a 3-byte address and 8 dummy clocks,
 * even in 4-byte mode.
 */
static int bf_sfdp_read(struct bf_flash *flash, u32 addr, void *buf,
			size_t len)
{
	return bf_read_data(flash, BF_OP_RDSFDP, 3, 1, addr, buf, len);
}

/* Read up to @max DWORDs of a table; missing ones read as zero. */
static int bf_sfdp_read_table(struct bf_flash *flash,
			      const struct bf_sfdp_param_header *ph,
			      u32 *dw, unsigned int max)
{
	__le32 raw[BF_BFPT_DWORDS];
	unsigned int i, n = min_t(unsigned int, ph->length, max);
	int ret;

	memset(dw, 0, max * sizeof(*dw));
	ret = bf_sfdp_read(flash, bf_sfdp_ptp(ph), raw, n * sizeof(*raw));
	if (ret)
		return ret;
	for (i = 0; i < n; i++)
		dw[i] = le32_to_cpu(raw[i]);
	return 0;
}

/* The latest JESD216 revision of a table, if the chip has one. */
static const struct bf_sfdp_param_header *
bf_sfdp_find(const struct bf_sfdp_param_header *ph, unsigned int n, u16 id,
	     unsigned int min_dwords)
{
	const struct bf_sfdp_param_header *best = NULL;
	unsigned int i;

	for (i = 0; i < n; i++, ph++) {
		if ((ph->id_msb << 8 | ph->id_lsb) != id ||
		    ph->major != BF_SFDP_MAJOR || ph->length < min_dwords)
			continue;
		if (!best || ph->minor > best->minor)
			best = ph;
	}
	return best;
}

static int bf_sfdp_parse_tables(struct bf_flash *flash,
				const struct bf_sfdp_param_header *ph,
				unsigned int n)
{
	const struct bf_sfdp_param_header *bfpt, *bait;
	u32 dw[BF_BFPT_DWORDS];
	int ret;

	bfpt = bf_sfdp_find(ph, n, BF_SFDP_BFPT_ID, BF_BFPT_MIN_DWORDS);
	if (!bfpt) {
		dev_dbg(flash->dev, "SFDP: no basic flash parameter table\n");
		return -ENOENT;
	}
	ret = bf_sfdp_read_table(flash, bfpt, dw, BF_BFPT_DWORDS);
	if (ret)
		return ret;
	ret = bf_bfpt_parse(flash, dw, min_t(unsigned int, bfpt->length,
					     BF_BFPT_DWORDS), bfpt->minor);
	if (ret)
		return ret;

	bait = bf_sfdp_find(ph, n, BF_SFDP_4BAIT_ID, BF_4BAIT_DWORDS);
	if (!bait)
		return 0;
	ret = bf_sfdp_read_table(flash, bait, dw, BF_4BAIT_DWORDS);
	if (ret)
		return ret;
	bf_4bait_parse(&flash->params, dw[0], dw[1]);
	return 0;
}

/**
 * bf_sfdp_parse() - read the chip's SFDP tables into @flash->params
 * @flash: the programmer, with the chip table defaults already set
 *
 * Context: probe, before the MTD device exists.
 * Return: 0 on success, -ENOENT if the chip has no usable SFDP (nothing is
 * printed: the caller decides whether that matters), or a bus error (the
 * bus layer has printed it).
 */
int bf_sfdp_parse(struct bf_flash *flash)
{
	struct bf_sfdp_param_header ph[BF_SFDP_MAX_HEADERS];
	struct bf_sfdp_header hdr;
	unsigned int n;
	int ret;

	ret = bf_sfdp_read(flash, 0, &hdr, sizeof(hdr));
	if (ret)
		return ret;
	if (le32_to_cpu(hdr.signature) != BF_SFDP_SIGNATURE ||
	    hdr.major != BF_SFDP_MAJOR) {
		dev_dbg(flash->dev, "SFDP: no signature (%*ph)\n",
			(int)sizeof(hdr), &hdr);
		return -ENOENT;
	}

	n = min_t(unsigned int, hdr.nph + 1, BF_SFDP_MAX_HEADERS);
	ret = bf_sfdp_read(flash, sizeof(hdr), ph, n * sizeof(*ph));
	if (ret)
		return ret;
	return bf_sfdp_parse_tables(flash, ph, n);
}
