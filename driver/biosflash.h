/* SPDX-License-Identifier: GPL-2.0 */
/*
 * biosflash private header: what the core, the SFDP parser and the chip
 * table share.  Facts cited as "chips.md" come from
 * shared/reference/chips.md, which names the datasheet behind each one.
 */
#ifndef __BIOSFLASH_H
#define __BIOSFLASH_H

#include <linux/mtd/mtd.h>
#include <linux/mutex.h>
#include <linux/spi/spi-mem.h>
#include <linux/types.h>

#define BF_ID_LEN		3	/* manufacturer, type, capacity (9Fh) */
#define BF_ERASE_TYPES		4	/* JESD216 BFPT DW8/DW9 */

/* Opcodes (chips.md §1.3; DS-257FV §8, DS-128JV §8). */
#define BF_OP_WREN		0x06	/* write enable, sets WEL */
#define BF_OP_RDSR1		0x05	/* read status register 1 */
#define BF_OP_RDID		0x9f	/* JEDEC ID */
#define BF_OP_RDSFDP		0x5a	/* read SFDP */
#define BF_OP_READ		0x03	/* read, fR <= 50 MHz */
#define BF_OP_READ_4B		0x13
#define BF_OP_FAST_READ		0x0b	/* read + 8 dummy clocks, fC */
#define BF_OP_FAST_READ_4B	0x0c
#define BF_OP_PP		0x02	/* page program */
#define BF_OP_PP_4B		0x12
#define BF_OP_SE_4K		0x20	/* 4 KiB sector erase */
#define BF_OP_SE_4K_4B		0x21
#define BF_OP_BE_32K		0x52	/* 32 KiB block erase */
#define BF_OP_BE_32K_4B		0x5c
#define BF_OP_BE_64K		0xd8	/* 64 KiB block erase */
#define BF_OP_BE_64K_4B		0xdc
#define BF_OP_CE		0xc7	/* chip erase */
#define BF_OP_EN4B		0xb7	/* enter 4-byte address mode */
#define BF_OP_EX4B		0xe9	/* exit 4-byte address mode */
#define BF_OP_RSTEN		0x66	/* reset enable */
#define BF_OP_RST		0x99	/* reset, must follow 66h */
#define BF_OP_RES		0xab	/* release from power-down */

#define BF_SR1_BUSY		BIT(0)
#define BF_SR1_WEL		BIT(1)

/*
 * Capability flags, set by the chip table (BF_F_*) and by SFDP: what the
 * chip can do, not what the driver chose to use.
 */
#define BF_F_4B_READ		BIT(0)	/* 13h */
#define BF_F_4B_FAST_READ	BIT(1)	/* 0Ch */
#define BF_F_4B_PP		BIT(2)	/* 12h */
#define BF_F_4B_ERASE		BIT(3)	/* 21h for 20h, DCh for D8h */
#define BF_F_4B_ERASE_32K	BIT(4)	/* 5Ch for 52h (Macronix only) */
#define BF_F_EN4B		BIT(5)	/* B7h enters, E9h exits 4-byte mode */
#define BF_F_EN4B_WREN		BIT(6)	/* B7h needs WREN first */
#define BF_F_EX4B_WREN		BIT(7)	/* E9h needs WREN first */
#define BF_F_4B_ONLY		BIT(8)	/* always takes 4 address bytes */
#define BF_F_SOFT_RESET		BIT(9)	/* 66h + 99h */

#define BF_F_4B_OPCODES		(BF_F_4B_READ | BF_F_4B_FAST_READ | \
				 BF_F_4B_PP | BF_F_4B_ERASE)

/**
 * struct bf_optime - duration of one busy operation
 * @typ_us: typical time, sets the polling interval
 * @max_us: maximum time, sets the deadline (before the safety margin)
 */
struct bf_optime {
	u32 typ_us;
	u32 max_us;
};

/**
 * struct bf_times - busy times of the operations a chip knows
 * @pp: page program (tPP)
 * @erase_4k: 4 KiB sector erase (tSE)
 * @erase_32k: 32 KiB block erase (tBE1)
 * @erase_64k: 64 KiB block erase (tBE2)
 * @chip: chip erase (tCE)
 * @wrsr: non-volatile status register write (tW)
 */
struct bf_times {
	struct bf_optime pp;
	struct bf_optime erase_4k;
	struct bf_optime erase_32k;
	struct bf_optime erase_64k;
	struct bf_optime chip;
	struct bf_optime wrsr;
};

/**
 * struct bf_erase_type - one erase command of the chip
 * @size: bytes erased, a power of two; 0 if the slot is unused
 * @opcode: opcode taking a 3-byte address (or 4 in 4-byte mode)
 * @opcode_4b: dedicated 4-byte address opcode, 0 if none
 * @op: opcode the driver issues, 0 if this type is not used
 * @time: busy time
 * @name: operation name for messages, e.g. "64 KiB erase"
 */
struct bf_erase_type {
	u32 size;
	u8 opcode;
	u8 opcode_4b;
	u8 op;
	struct bf_optime time;
	char name[20];
};

/**
 * struct bf_params - what the chip is, from the chip table and SFDP
 * @size: bytes
 * @page_size: page program buffer, a power of two
 * @flags: BF_F_* capabilities
 * @erase: erase types, in BFPT order (not sorted)
 * @pp: page program time
 * @chip_erase: chip erase time
 * @wrsr: status register write time, also bounds other short waits
 * @has_sfdp: an SFDP BFPT was found and parsed
 * @bfpt_minor: BFPT minor revision (0 = JESD216, 5 = A, 6 = B, ...)
 */
struct bf_params {
	u64 size;
	u32 page_size;
	u32 flags;
	struct bf_erase_type erase[BF_ERASE_TYPES];
	struct bf_optime pp;
	struct bf_optime chip_erase;
	struct bf_optime wrsr;
	bool has_sfdp;
	u8 bfpt_minor;
};

struct bf_flash;
struct bf_prot_layout;	/* block protection, defined by a later feature */

/**
 * struct bf_chip - chip table entry
 * @name: part name, lower case as in spi-nor
 * @id: JEDEC ID (9Fh)
 * @vcc_min_mv: lowest supply voltage
 * @vcc_max_mv: highest supply voltage
 * @size: bytes
 * @flags: BF_F_* capabilities the datasheet guarantees
 * @times: busy times, NULL for the conservative defaults
 * @fixup: called after SFDP parsing, e.g. to tell ID-sharing parts apart
 * @prot: block protection layout, NULL if not described
 */
struct bf_chip {
	const char *name;
	u8 id[BF_ID_LEN];
	u16 vcc_min_mv;
	u16 vcc_max_mv;
	u64 size;
	u32 flags;
	const struct bf_times *times;
	void (*fixup)(struct bf_flash *flash);
	const struct bf_prot_layout *prot;
};

/**
 * struct bf_flash - one programmer: a chip behind one SPI chip select
 * @spimem: the SPI memory device
 * @dev: the SPI device, for messages and devm
 * @mtd: the MTD device exposed to user space
 * @lock: held around every command sequence sent to the chip
 * @cmdbuf: DMA-safe buffer for commands, status and ID bytes
 * @databuf: DMA-safe bounce buffer for array data
 * @chip: table entry, NULL for a chip known only by SFDP
 * @name: part name for messages and the MTD name
 * @id: JEDEC ID read at probe
 * @params: what the chip is
 * @addr_nbytes: address bytes sent with array commands (3 or 4)
 * @read_op: read opcode in use
 * @read_dummy: dummy bytes after the read address
 * @pp_op: page program opcode in use
 * @en4b: 4-byte mode was entered with B7h and must be left on exit
 */
struct bf_flash {
	struct spi_mem *spimem;
	struct device *dev;
	struct mtd_info mtd;
	struct mutex lock;	/* serialises command sequences on the chip */
	u8 *cmdbuf;
	u8 *databuf;
	const struct bf_chip *chip;
	const char *name;
	u8 id[BF_ID_LEN];
	struct bf_params params;
	u8 addr_nbytes;
	u8 read_op;
	u8 read_dummy;
	u8 pp_op;
	bool en4b;
};

/* core.c */
int bf_read_data(struct bf_flash *flash, u8 opcode, u8 addr_nbytes,
		 u8 dummy_nbytes, u32 addr, void *buf, size_t len);

/* sfdp.c */
int bf_sfdp_parse(struct bf_flash *flash);

/* chips.c */
const struct bf_chip *bf_chip_lookup(const u8 *id);
void bf_params_init(struct bf_flash *flash);
void bf_params_finalize(struct bf_flash *flash);

#endif /* __BIOSFLASH_H */
