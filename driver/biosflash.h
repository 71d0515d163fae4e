/* SPDX-License-Identifier: GPL-2.0 */
/*
 * biosflash private header: what the core, the SFDP parser and the chip
 * table share.  Source tags (DS-257FV, DS-128JV, ...) are expanded in
 * Documentation/chips.rst, "Sources".
 */
#ifndef __BIOSFLASH_H
#define __BIOSFLASH_H

#include <linux/mtd/mtd.h>
#include <linux/mutex.h>
#include <linux/sizes.h>
#include <linux/spi/spi-mem.h>
#include <linux/types.h>

#include "chipflags.h"

#define BF_ID_LEN		3	/* manufacturer, type, capacity (9Fh) */
#define BF_ERASE_TYPES		4	/* JESD216 BFPT DW8/DW9 */

/*
 * Opcodes: DS-257FV §8, DS-128JV §8; 5Ch is Macronix's
 * (Documentation/chips.rst, "4-byte instructions").
 */
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
#define BF_OP_EN4B		0xb7	/* enter 4-byte address mode */
#define BF_OP_EX4B		0xe9	/* exit 4-byte address mode */
#define BF_OP_RSTEN		0x66	/* reset enable */
#define BF_OP_RST		0x99	/* reset, must follow 66h */
#define BF_OP_RES		0xab	/* release from power-down */
#define BF_OP_RDEAR		0xc8	/* read extended address register */
#define BF_OP_WREAR		0xc5	/* write it (after WREN) */

#define BF_SR1_BUSY		BIT(0)
#define BF_SR1_WEL		BIT(1)

/*
 * Block protection opcodes.  Winbond: DS-257FV §8.2.5, §8.2.48-50;
 * DS-128JV §8.2.2, §8.2.35-36.  Macronix 15h and 2Bh: the CONFIG and
 * SECURITY registers of flashrom's flashchips/macronix.c MX25U25643G/45G
 * entries and ufprog's vendor-macronix.c (no Macronix datasheet read);
 * E0h/E1h/E2h from memory of the MX25U25645G datasheet, unverified.
 */
#define BF_OP_WRSR1		0x01	/* SR1, or SR1 + SR2 with 2 bytes */
#define BF_OP_RDSR2		0x35
#define BF_OP_WRSR2		0x31
#define BF_OP_RDSR3		0x15	/* Macronix: read configuration reg. */
#define BF_OP_WRSR3		0x11
#define BF_OP_VSR_WREN		0x50	/* next status write is volatile */
#define BF_OP_RDSCUR		0x2b	/* Macronix security register */
#define BF_OP_BLOCK_LOCK	0x36	/* Winbond individual lock */
#define BF_OP_BLOCK_UNLOCK	0x39
#define BF_OP_RD_BLOCK_LOCK	0x3d
#define BF_OP_GLOBAL_LOCK	0x7e
#define BF_OP_GLOBAL_UNLOCK	0x98
#define BF_OP_RDDPB		0xe0	/* Macronix dynamic protection bit */
#define BF_OP_WRDPB		0xe1
#define BF_OP_RDSPB		0xe2	/* Macronix solid protection bit */
#define BF_OP_RDFR		0x48	/* ISSI read function register */
#define BF_OP_RBPR		0x72	/* SST26 read block-protection reg. */
#define BF_OP_WBPR		0x42	/* SST26 write it (after WREN) */
#define BF_SST26_CR_BPNV	BIT(3)	/* 0: a block is locked down for good */
#define BF_SST26_CR_WPEN	BIT(7)	/* WP# low holds the register */

/* BF_F_* capability flags and BF_E_* erase commands: chipflags.h */

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
 * @wrsr: non-volatile status register write (tW)
 */
struct bf_times {
	struct bf_optime pp;
	struct bf_optime erase_4k;
	struct bf_optime erase_32k;
	struct bf_optime erase_64k;
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
 * @wrsr: status register write time, also bounds other short waits
 * @has_sfdp: an SFDP BFPT was found and parsed
 * @has_4bait: SFDP has a 4-byte address instruction table: it alone says
 *	which 4-byte erase opcodes the chip has
 * @bfpt_minor: BFPT minor revision (0 = JESD216, 5 = A, 6 = B, ...)
 */
struct bf_params {
	u64 size;
	u32 page_size;
	u32 flags;
	struct bf_erase_type erase[BF_ERASE_TYPES];
	struct bf_optime pp;
	struct bf_optime wrsr;
	bool has_sfdp;
	bool has_4bait;
	u8 bfpt_minor;
};

#define BF_PROT_NREGS		3

/* Block protection layout flags */
#define BF_PROT_VOLATILE	BIT(0)	/* 50h: next status write volatile */
#define BF_PROT_WR_16BIT	BIT(1)	/* 01h takes register 0, then 1 */
#define BF_PROT_TB_OTP		BIT(2)	/* TB is one-time programmable */
#define BF_PROT_WPS_OTP		BIT(3)	/* scheme select is one-time */
#define BF_PROT_BPR		BIT(4)	/* SST26 block-protection register */

/**
 * struct bf_prot_reg - a register the protection state is read from
 * @name: name in protect_regs and in messages, e.g. "sr1"
 * @rd: read opcode, 0 if the layout has no such register
 * @wr: write opcode, 0 if the driver never writes it on its own
 * @ro: status bits that change by themselves or are read-only (BUSY, WEL,
 *	SUS, ADS): ignored when comparing two reads, written as 0
 * @one_way: bits that only ever go 0 -> 1 (OTP, lock-down): always
 *	written as 0, so a misread can never set them
 */
struct bf_prot_reg {
	const char *name;
	u8 rd;
	u8 wr;
	u8 ro;
	u8 one_way;
};

/**
 * struct bf_prot_bits - a bit or a contiguous field in one register
 * @reg: index into &bf_prot_layout.regs
 * @mask: the bits, 0 if the layout does not have them
 */
struct bf_prot_bits {
	u8 reg;
	u8 mask;
};

/**
 * struct bf_prot_ind - individual block/sector lock scheme
 * @block: lock unit in the middle of the chip
 * @sector: lock unit in the first and the last @block
 * @rd: read one unit's lock bit (LSB = 1: locked)
 * @rd_solid: read a second, non-volatile lock bit ORed in; 0 if none
 * @lock: lock one unit (needs WREN)
 * @unlock: unlock one unit (needs WREN)
 * @glock: lock every unit (needs WREN)
 * @gunlock: unlock every unit (needs WREN)
 * @addr_nbytes: address bytes; 0 = as the chip's current address mode
 * @data: @lock/@unlock carry a data byte, FFh to lock, 00h to unlock
 */
struct bf_prot_ind {
	u32 block;
	u32 sector;
	u8 rd;
	u8 rd_solid;
	u8 lock;
	u8 unlock;
	u8 glock;
	u8 gunlock;
	u8 addr_nbytes;
	bool data;
};

/**
 * struct bf_prot_layout - where a chip keeps its block protection
 * @regs: registers read for the protection state; register 0 is the
 *	status register read with 05h
 * @bp: block protect field BPn..BP0
 * @bp3: one more BP bit above @bp where it is not next to it (Micron
 *	BP3, status register bit 6), 0 mask if none
 * @tb: top/bottom bit (1 = from address 0)
 * @sec: sector/block bit (1 = @sec_len granularity)
 * @cmp: complement bit
 * @srp: status register protect (hardware protection with WP#)
 * @srl: status register lock until power cycle
 * @qe: quad enable: while set, the WP# pin is an I/O line and @srp
 *	cannot hold the status registers (0 mask: WP# always acts)
 * @wps: scheme select, set = individual locks (@ind)
 * @bp_len: bytes protected with BP = 1 (SEC = 0); 0: 1/64 of the chip
 * @sec_len: bytes protected with BP = 1 and SEC = 1
 * @sec_max: most bytes protected with SEC = 1 (below BP = all ones)
 * @flags: BF_PROT_*
 * @ind: individual lock scheme, NULL if none
 */
struct bf_prot_layout {
	struct bf_prot_reg regs[BF_PROT_NREGS];
	struct bf_prot_bits bp;
	struct bf_prot_bits bp3;
	struct bf_prot_bits tb;
	struct bf_prot_bits sec;
	struct bf_prot_bits cmp;
	struct bf_prot_bits srp;
	struct bf_prot_bits srl;
	struct bf_prot_bits qe;
	struct bf_prot_bits wps;
	u32 bp_len;
	u32 sec_len;
	u32 sec_max;
	u32 flags;
	const struct bf_prot_ind *ind;
};

struct bf_flash;
struct gpio_desc;

/**
 * struct bf_chip - chip table entry
 * @name: part name, lower case as in spi-nor; "a/b" when one entry covers
 *	  parts that share the ID and that nothing read tells apart
 * @id: JEDEC ID (9Fh)
 * @vcc_min_mv: lowest supply voltage
 * @vcc_max_mv: highest supply voltage
 * @size: bytes
 * @flags: BF_F_* capabilities the datasheet guarantees
 * @erase: BF_E_* erase commands used without SFDP (0: SFDP must name them)
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
	u8 erase;
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
 * @vbuf: BF_VERIFY_CHUNK bytes: what a write or an erase left, read back
 * @chip: table entry, NULL for a chip known only by SFDP
 * @name: part name for messages and the MTD name
 * @id: JEDEC ID read at probe
 * @params: what the chip is
 * @addr_nbytes: address bytes sent with array commands (3 or 4)
 * @read_op: read opcode in use
 * @read_dummy: dummy bytes after the read address
 * @pp_op: page program opcode in use
 * @en4b: 4-byte mode was entered with B7h and must be left on exit
 * @io_mv: signal level on the SPI lines as declared, in mV
 * @vcc_min_mv: the chip's supply range in mV: its table entry's, or for a
 *	        chip the table does not know the one the user declared
 *	        (chip_mv, biosflash,chip-microvolt); 0 when unknown
 * @vcc_max_mv: see @vcc_min_mv
 * @voltage_ok: @io_mv is inside the chip's supply range, which is known
 * @wp: optional WP# line (logical 1 = WP# asserted, low)
 * @gone: removed or shut down: every later operation fails with -ENODEV
 *	  without touching the bus; set under @lock
 */
struct bf_flash {
	struct spi_mem *spimem;
	struct device *dev;
	struct mtd_info mtd;
	struct mutex lock;	/* serialises command sequences on the chip */
	u8 *cmdbuf;
	u8 *databuf;
	u8 *vbuf;
	const struct bf_chip *chip;
	const char *name;
	u8 id[BF_ID_LEN];
	struct bf_params params;
	u8 addr_nbytes;
	u8 read_op;
	u8 read_dummy;
	u8 pp_op;
	bool en4b;
	unsigned int io_mv;
	unsigned int vcc_min_mv;
	unsigned int vcc_max_mv;
	bool voltage_ok;
	struct gpio_desc *wp;
	bool gone;
};

/* The chip's protection layout, NULL if unknown (no table entry or none in it) */
static inline const struct bf_prot_layout *
bf_prot_layout(const struct bf_flash *flash)
{
	return flash->chip ? flash->chip->prot : NULL;
}

/* Commands, registers, IDs; the SST26 block-protection register (34 bytes) */
#define BF_CMD_BUF_SIZE		40
/* Array data bounce buffer: the largest single read or program command. */
#define BF_DATA_BUF_SIZE	SZ_64K
#define BF_VERIFY_CHUNK		SZ_4K
#define BF_T_RST_US		30		/* tRST, DS-257FV §8.2.53 */
#define BF_DEADLINE_MARGIN	2		/* deadline = 2 x maximum time */
#define BF_POLL_MIN_US		10
#define BF_POLL_MAX_US		50000

#define to_bf_flash(m) container_of(m, struct bf_flash, mtd)

/* bus.c */
int bf_exec(struct bf_flash *flash, const struct spi_mem_op *op);
int bf_adjust(struct bf_flash *flash, struct spi_mem_op *op);
int bf_cmd(struct bf_flash *flash, u8 opcode);
int bf_cmd_addr(struct bf_flash *flash, u8 opcode, u32 addr);
int bf_read_reg(struct bf_flash *flash, u8 opcode, unsigned int len);
int bf_read_sr1(struct bf_flash *flash, u8 *sr);
int bf_wait_ready(struct bf_flash *flash, const struct bf_optime *t,
		  const char *what, u32 addr);
int bf_write_enable(struct bf_flash *flash, const struct bf_optime *t,
		    const char *what, u32 addr);
int bf_switch_4b(struct bf_flash *flash, bool enter);
int bf_enter_4b(struct bf_flash *flash);
int bf_soft_reset(struct bf_flash *flash);
int bf_check_id(struct bf_flash *flash, const char *what, u32 addr);
int bf_prepare(struct bf_flash *flash);
int bf_lock(struct bf_flash *flash, const char *modify);
int bf_read_data(struct bf_flash *flash, u8 opcode, u8 addr_nbytes,
		 u8 dummy_nbytes, u32 addr, void *buf, size_t len);
int bf_read_array(struct bf_flash *flash, u32 addr, void *buf, size_t len,
		  size_t *retlen);

/* voltage.c */
void bf_voltage_init(struct bf_flash *flash);
int bf_wp_init(struct bf_flash *flash);
int bf_voltage_check(struct bf_flash *flash, const char *what);
void bf_wp_release(struct bf_flash *flash, bool release);

/* sfdp.c */
int bf_sfdp_parse(struct bf_flash *flash);

/* chips.c */
const struct bf_chip *bf_chip_lookup(const u8 *id);
void bf_params_init(struct bf_flash *flash);
void bf_params_finalize(struct bf_flash *flash);

/* protect.c */
typedef int (*bf_prot_range_fn)(void *arg, u64 start, u64 len);

void bf_prot_init(struct bf_flash *flash);
int bf_prot_check(struct bf_flash *flash, u64 addr, u64 len,
		  const char *what);
int bf_prot_recheck(struct bf_flash *flash, u64 addr, u64 len,
		    const char *what);
int bf_prot_set(struct bf_flash *flash, bool lock, bool vol);
int bf_prot_ranges(struct bf_flash *flash, bf_prot_range_fn fn, void *arg);
int bf_prot_regs(struct bf_flash *flash, u8 *regs);
const char *bf_prot_mode(const struct bf_prot_layout *l, const u8 *regs);
int bf_prot_format_regs(const struct bf_prot_layout *l, const u8 *regs,
			char *buf, size_t size);

/* sysfs.c */
extern const struct attribute_group *bf_sysfs_groups[];

#endif /* __BIOSFLASH_H */
