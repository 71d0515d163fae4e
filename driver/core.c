// SPDX-License-Identifier: GPL-2.0
/*
 * biosflash: a PC BIOS SPI NOR chip behind any Linux SPI controller (e.g. a
 * Raspberry Pi's), exposed as an MTD device.  The chip is identified by its
 * JEDEC ID and SFDP, every busy wait is bounded by the operation's datasheet
 * maximum, and bus faults (a floating or shorted MISO, an unpowered chip)
 * are reported as such instead of as a hang.  The chip is left as it was at
 * power-on: no non-volatile bit is ever written and 4-byte mode is left on
 * exit.  Source tags (DS-257FV, ...) are expanded in
 * Documentation/chips.rst, "Sources".
 */
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/kmemleak.h>
#include <linux/kref.h>
#include <linux/ktime.h>
#include <linux/minmax.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/mtd/mtd.h>
#include <linux/mutex.h>
#include <linux/of.h>
#include <linux/sched/signal.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/spi/spi-mem.h>
#include <linux/spi/spi.h>
#include <linux/string.h>

#include "biosflash.h"

#define BF_ID_READS		3
#define BF_3B_LIMIT		SZ_16M		/* reach of a 3-byte address */
#define BF_READ_MAX_HZ		50000000	/* fR of 03h/13h, DS-257FV */
#define BF_T_RES1_US		3		/* tRES1, DS-257FV */

/*
 * The programmer outlives its device.  An open /dev/mtdN keeps using the
 * mtd_info embedded in it after unbind (the MTD core unregisters at once and
 * drops the device at the last close: mtdchar still calls _read, _write and
 * _put_device), so it is reference counted instead of devm-allocated: one
 * reference for the bound device, one per MTD user taken in _get_device.
 * After remove every operation fails with -ENODEV without touching the bus:
 * the spi_mem, the controller and the WP# GPIO may be gone.
 */
struct bf_dev {
	struct bf_flash flash;
	struct kref ref;
	struct module *ctlr_owner;	/* pinned while the MTD is in use */
	char *name;			/* flash.name if not from the table */
};

static struct bf_dev *to_bf_dev(struct bf_flash *flash)
{
	return container_of(flash, struct bf_dev, flash);
}

static bool bf_erase_4k;
module_param_named(erase_4k, bf_erase_4k, bool, 0444);
MODULE_PARM_DESC(erase_4k,
		 "Use 4 KiB MTD erase blocks instead of 64 KiB (finer updates, slower full writes)");

static bool bf_verify = true;
module_param_named(verify, bf_verify, bool, 0644);
MODULE_PARM_DESC(verify,
		 "Read back every write and erase and fail it if the chip does not hold it (default on)");

/*
 * Program within one page.  A controller that cannot send the whole page
 * gets several page programs: a partial page program is legal (DS-257FV
 * §8.2.25, Page Program).
 */
static int bf_program(struct bf_flash *flash, u32 addr, const u8 *buf,
		      size_t len)
{
	int ret;

	while (len) {
		struct spi_mem_op op =
			SPI_MEM_OP(SPI_MEM_OP_CMD(flash->pp_op, 1),
				   SPI_MEM_OP_ADDR(flash->addr_nbytes, addr, 1),
				   SPI_MEM_OP_NO_DUMMY,
				   SPI_MEM_OP_DATA_OUT(len, flash->databuf, 1));

		ret = bf_adjust(flash, &op);
		if (ret)
			return ret;
		memcpy(flash->databuf, buf, op.data.nbytes);
		ret = bf_enter_4b(flash);
		if (!ret)
			ret = bf_write_enable(flash, &flash->params.pp,
					      "page program", addr);
		if (!ret)
			ret = bf_exec(flash, &op);
		if (!ret)
			ret = bf_wait_ready(flash, &flash->params.pp,
					    "page program", addr);
		if (ret)
			return ret;
		buf += op.data.nbytes;
		addr += op.data.nbytes;
		len -= op.data.nbytes;
	}
	return 0;
}

static int bf_erase_block(struct bf_flash *flash,
			  const struct bf_erase_type *e, u32 addr)
{
	int ret = bf_enter_4b(flash);

	if (!ret)
		ret = bf_write_enable(flash, &e->time, e->name, addr);
	if (!ret)
		ret = bf_cmd_addr(flash, e->op, addr);
	if (!ret)
		ret = bf_wait_ready(flash, &e->time, e->name, addr);
	return ret;
}

/*
 * Leave the chip as at power-on for the board's chipset: out of 4-byte mode,
 * then a soft reset (EAR, volatile bits and ADS back to their power-on
 * values, DS-257FV §8.2.53).  The reset also undoes the W25Q256FV quirk of
 * setting EAR to 1 on E9h (Linux winbond.c), which would send the chipset's
 * 3-byte reads to the upper 16 MiB.  ADP and other non-volatile bits are
 * never written by this driver.
 */
static void bf_restore(struct bf_flash *flash)
{
	int ret;

	/* a busy chip drops E9h, and 66h/99h would abort its operation */
	ret = bf_wait_ready(flash, &flash->params.wrsr, "power-on state restore",
			    0);
	if (!ret && flash->en4b)
		ret = bf_switch_4b(flash, false);
	if (!ret && (flash->params.flags & BF_F_SOFT_RESET))
		bf_soft_reset(flash);
}

/*
 * A killed program (Ctrl-C) is not a fault: stop between two commands,
 * silently.  bf_wait_ready() stops the same way inside a busy wait.
 */
static int bf_check_signal(void)
{
	return fatal_signal_pending(current) ? -EINTR : 0;
}

/*
 * A power cycle during a write or erase (the board switched on, a supply
 * that dipped) loses the page or block in progress, whose cells may then
 * hold anything (DS-257FV §9.3 promises only a reset below VWI), and
 * everything volatile, but the chip answers as before.  On chips with an
 * EAR (BF_F_EAR) it is the marker: set to 1 for the call, read back at the
 * end, 0 means the chip was reset in between.  The chip table names the
 * EAR for the Winbond 256 Mbit parts, SFDP (BFPT DWORD 16 bit 26, JESD216B
 * §6.4.18) for the others.  It is used only where every command carries a
 * 4-byte address (dedicated opcodes, or B7h mode where EAR is not used,
 * DS-257FV §7.2), so EAR = 1 changes none of them.  It is cleared at the
 * end; after an error or a kill it may stay 1 until the soft reset at
 * unbind (bf_restore()).
 */
static bool bf_has_marker(struct bf_flash *flash)
{
	return (flash->params.flags & BF_F_EAR) && flash->addr_nbytes == 4;
}

static int bf_mark(struct bf_flash *flash, u8 val)
{
	struct spi_mem_op op = SPI_MEM_OP(SPI_MEM_OP_CMD(BF_OP_WREAR, 1),
					  SPI_MEM_OP_NO_ADDR,
					  SPI_MEM_OP_NO_DUMMY,
					  SPI_MEM_OP_DATA_OUT(1, flash->cmdbuf,
							      1));
	int ret;

	if (!bf_has_marker(flash))
		return 0;
	ret = bf_write_enable(flash, &flash->params.wrsr,
			      "power-cycle marker write", 0);
	if (ret)
		return ret;
	flash->cmdbuf[0] = val;
	return bf_exec(flash, &op);
}

static int bf_mark_check(struct bf_flash *flash, u64 addr, u64 len,
			 const char *what)
{
	int ret;

	if (!bf_has_marker(flash))
		return 0;
	ret = bf_read_reg(flash, BF_OP_RDEAR, 1);
	if (ret)
		return ret;
	if (flash->cmdbuf[0] & 1)
		return bf_mark(flash, 0);
	dev_err(flash->dev, "%s of 0x%08llx-0x%08llx failed: the chip was power-cycled during it (board power or supply): the page or block in progress holds anything, and power-up protection may have stopped the rest; check the supply, then %s again\n",
		what, addr, addr + len - 1, what);
	return -EIO;
}

/*
 * After a write or erase: the chip must still be the one probed, must not
 * have been power-cycled, and the range must still be writable.  A power
 * cycle in the middle of the call (the board switched on, a supply that
 * dipped) can set protection again
 * (WPS=1 sets every individual lock, DS-257FV §6.2, §7.1.18; a board may write
 * BP bits at power-on), after which the chip ignores the remaining
 * commands without any error (DS-257FV §7.1.16 note 2).
 */
static int bf_check_done(struct bf_flash *flash, u64 addr, u64 len,
			 const char *what)
{
	int ret = bf_check_id(flash, what, addr);

	if (!ret)
		ret = bf_mark_check(flash, addr, len, what);
	return ret ?: bf_prot_recheck(flash, addr, len, what);
}

/*
 * Read back what a write (@buf) or an erase (@buf NULL) left.  A power cut
 * or a brown-out during a page program or an erase leaves that page or
 * block holding anything and the chip idle, and on a chip in 3-byte mode
 * nothing marks it (bf_mark()): only the array tells.  A page program only
 * clears bits, so every 0 bit of @buf must read 0; its 1 bits leave what
 * the array held (MTD NOR semantics, a write without an erase).  Chunks of
 * @buf that are all FFh change nothing and are not read.  After an erase
 * every byte reads FFh.
 */
static int bf_verify_range(struct bf_flash *flash, u64 addr, u64 len,
			   const u8 *buf, const char *what)
{
	u64 start = addr, end = addr + len;
	u8 *v = flash->vbuf;
	size_t n, i;
	int ret;

	for (; addr < end; addr += n, buf = buf ? buf + n : NULL) {
		n = min_t(u64, end - addr, BF_VERIFY_CHUNK);
		if (buf && !memchr_inv(buf, 0xff, n))
			continue;
		/* stops on a fatal signal itself */
		ret = bf_read_array(flash, addr, v, n, NULL);
		if (ret)
			return ret;
		for (i = 0; i < n; i++)
			if (buf ? v[i] & ~buf[i] : v[i] != 0xff)
				break;
		if (i == n)
			continue;
		dev_err(flash->dev, "%s of 0x%08llx-0x%08llx failed its read-back: 0x%08llx reads 0x%02x, not 0x%02x: the chip did not take it (power lost or the supply sagged during it, or a weak supply); check the supply and the wiring, then %s again\n",
			what, start, end - 1, addr + i, v[i], buf ? buf[i] : 0xff,
			what);
		return -EIO;
	}
	return 0;
}

/* The MTD core checks bounds too; this keeps a 32-bit address honest. */
static int bf_check_range(struct bf_flash *flash, u64 addr, u64 len)
{
	u64 size = flash->params.size;

	if (addr <= size && len <= size - addr)
		return 0;
	dev_err(flash->dev, "access to 0x%llx+0x%llx is beyond the %llu KiB chip\n",
		addr, len, size >> 10);
	return -EINVAL;
}

/* Largest erase command that the address alignment and length allow. */
static const struct bf_erase_type *
bf_pick_erase(struct bf_flash *flash, u32 addr, u64 len)
{
	const struct bf_erase_type *best = NULL;
	unsigned int i;

	for (i = 0; i < BF_ERASE_TYPES; i++) {
		const struct bf_erase_type *e = &flash->params.erase[i];

		if (!e->op || (addr & (e->size - 1)) || e->size > len)
			continue;
		if (!best || e->size > best->size)
			best = e;
	}
	return best;
}

static int bf_erase_range(struct bf_flash *flash, u32 addr, u64 len,
			  u64 *fail_addr)
{
	const struct bf_erase_type *e;
	int ret;

	while (len) {
		e = bf_pick_erase(flash, addr, len);
		/* cannot happen: the MTD erase block size is an erase type */
		if (WARN_ON(!e))
			return -EINVAL;
		ret = bf_check_signal();
		if (!ret)
			ret = bf_erase_block(flash, e, addr);
		if (ret) {
			*fail_addr = addr;
			return ret;
		}
		addr += e->size;
		len -= e->size;
	}
	return 0;
}

static int bf_mtd_read(struct mtd_info *mtd, loff_t from, size_t len,
		       size_t *retlen, u_char *buf)
{
	struct bf_flash *flash = to_bf_flash(mtd);
	int ret;

	ret = bf_check_range(flash, from, len);
	if (!ret)
		ret = bf_lock(flash, NULL);
	if (ret)
		return ret;
	ret = bf_read_array(flash, from, buf, len, retlen);
	mutex_unlock(&flash->lock);
	return ret;
}

/*
 * Pages that are all 0xff are skipped: programming 0xff changes no bit of a
 * NOR cell, so the result is identical and the page program time is saved.
 */
static int bf_mtd_write(struct mtd_info *mtd, loff_t to, size_t len,
			size_t *retlen, const u_char *buf)
{
	struct bf_flash *flash = to_bf_flash(mtd);
	u32 page = flash->params.page_size;
	const u_char *src = buf;
	loff_t start = to;
	size_t total = len;
	size_t n;
	int ret;

	ret = bf_check_range(flash, to, len);
	if (!ret)
		ret = bf_lock(flash, "write");
	if (ret)
		return ret;
	ret = bf_prot_check(flash, to, len, "write");
	if (!ret && total)
		ret = bf_mark(flash, 1);
	for (; !ret && len; to += n, buf += n, len -= n) {
		n = min_t(size_t, len, page - ((u32)to & (page - 1)));
		ret = bf_check_signal();
		if (!ret && memchr_inv(buf, 0xff, n))
			ret = bf_program(flash, to, buf, n);
		if (!ret)
			*retlen += n;
	}
	if (!ret && total)
		ret = bf_check_done(flash, start, total, "write");
	if (!ret && total && bf_verify)
		ret = bf_verify_range(flash, start, total, src, "write");
	mutex_unlock(&flash->lock);
	return ret;
}

static int bf_mtd_erase(struct mtd_info *mtd, struct erase_info *instr)
{
	struct bf_flash *flash = to_bf_flash(mtd);
	int ret;

	ret = bf_check_range(flash, instr->addr, instr->len);
	if (ret)
		return ret;
	/* mtd_erase() checks bounds but not alignment */
	if ((instr->addr | instr->len) & (mtd->erasesize - 1)) {
		dev_err(flash->dev, "erase of 0x%llx+0x%llx is not aligned to the %u KiB erase block\n",
			instr->addr, instr->len, mtd->erasesize >> 10);
		return -EINVAL;
	}

	ret = bf_lock(flash, "erase");
	if (ret)
		return ret;
	ret = bf_prot_check(flash, instr->addr, instr->len, "erase");
	if (!ret && instr->len)
		ret = bf_mark(flash, 1);
	/*
	 * Never chip erase (C7h): it is no faster than 64 KiB block erases
	 * (W25Q256: 80 s typ against 512 x 150 ms) but cannot be stopped by
	 * a signal and needs a 400 s deadline.
	 */
	if (!ret)
		ret = bf_erase_range(flash, instr->addr, instr->len,
				     &instr->fail_addr);
	if (!ret && instr->len)
		ret = bf_check_done(flash, instr->addr, instr->len, "erase");
	if (!ret && instr->len && bf_verify)
		ret = bf_verify_range(flash, instr->addr, instr->len, NULL,
				      "erase");
	mutex_unlock(&flash->lock);
	return ret;
}

static void bf_release(struct kref *ref)
{
	struct bf_dev *bd = container_of(ref, struct bf_dev, ref);
	struct bf_flash *flash = &bd->flash;

	put_device(flash->dev);
	kfree(flash->mtd.name);
	kfree(bd->name);
	kfree(flash->vbuf);
	kfree(flash->databuf);
	kfree(flash->cmdbuf);
	mutex_destroy(&flash->lock);
	kfree(bd);
}

/* devm action: the bound device's reference, dropped after remove */
static void bf_put(void *data)
{
	struct bf_dev *bd = data;

	kref_put(&bd->ref, bf_release);
}

/*
 * Pin the SPI controller's driver while the MTD device is open, as spi-nor
 * does: its removal would pull the bus from under an open /dev/mtdN.  The
 * owner is looked up at probe: at the last close the controller may be gone.
 */
static struct module *bf_ctlr_owner(struct bf_flash *flash)
{
	struct device *parent = flash->spimem->spi->controller->dev.parent;

	return parent && parent->driver ? parent->driver->owner : NULL;
}

static int bf_mtd_get_device(struct mtd_info *mtd)
{
	struct bf_dev *bd = to_bf_dev(to_bf_flash(mtd));

	if (!try_module_get(bd->ctlr_owner))
		return -ENODEV;
	kref_get(&bd->ref);
	return 0;
}

/* the MTD core's last call for a user: may free the programmer */
static void bf_mtd_put_device(struct mtd_info *mtd)
{
	struct bf_dev *bd = to_bf_dev(to_bf_flash(mtd));
	struct module *owner = bd->ctlr_owner;

	kref_put(&bd->ref, bf_release);
	module_put(owner);
}

/*
 * A chip still busy with an operation another tool started, or stuck busy,
 * answers nothing but status reads (DS-257FV §8): its JEDEC ID would read
 * ff ff ff as if no chip were there, and it ignores the soft reset.  Its
 * status register shows BUSY: wait as long as a 64 KiB erase may take
 * (chips.c's default, 2 s maximum; SFDP is not read yet).  0xff is left to
 * bf_identify() to explain.
 */
static int bf_wait_idle_at_probe(struct bf_flash *flash)
{
	static const struct bf_optime t = { .typ_us = 150000,
					    .max_us = 2000000 };
	int ret = bf_read_reg(flash, BF_OP_RDSR1, 1);

	if (ret || flash->cmdbuf[0] == 0xff ||
	    !(flash->cmdbuf[0] & BF_SR1_BUSY))
		return ret;
	return bf_wait_ready(flash, &t, "wait for the chip to be idle at probe", 0);
}

/*
 * ABh first: a chip in deep power-down ignores everything else, the reset
 * included (DS-257FV, DS-128JV: after B9h only ABh is recognised).  Then
 * 66h/99h drops whatever state a previous tool left (4-byte mode, EAR, a
 * pending WEL).
 */
static int bf_wake(struct bf_flash *flash)
{
	int ret = bf_cmd(flash, BF_OP_RES);

	if (ret)
		return ret;
	fsleep(BF_T_RES1_US);
	ret = bf_wait_idle_at_probe(flash);
	return ret ?: bf_soft_reset(flash);
}

static int bf_identify(struct bf_flash *flash)
{
	u8 ids[BF_ID_READS][BF_ID_LEN];
	unsigned int i;
	int ret;

	for (i = 0; i < BF_ID_READS; i++) {
		ret = bf_read_reg(flash, BF_OP_RDID, BF_ID_LEN);
		if (ret)
			return ret;
		memcpy(ids[i], flash->cmdbuf, BF_ID_LEN);
	}
	if (memcmp(ids[0], ids[1], BF_ID_LEN) ||
	    memcmp(ids[0], ids[2], BF_ID_LEN)) {
		dev_err(flash->dev, "JEDEC ID unstable (%*phN, %*phN, %*phN): flaky wiring, wrong supply voltage or SPI clock too high; check the connections and lower spi-max-frequency\n",
			BF_ID_LEN, ids[0], BF_ID_LEN, ids[1], BF_ID_LEN, ids[2]);
		return -EIO;
	}
	if (!memchr_inv(ids[0], 0xff, BF_ID_LEN)) {
		dev_err(flash->dev, "no chip answers: JEDEC ID reads ff ff ff (MISO floating/pulled high or chip unpowered; check VCC, GND, MISO and CS wiring)\n");
		return -ENODEV;
	}
	if (!memchr_inv(ids[0], 0x00, BF_ID_LEN)) {
		dev_err(flash->dev, "no chip answers: JEDEC ID reads 00 00 00 (MISO shorted to ground or chip unpowered; check VCC, GND, MISO and CS wiring)\n");
		return -ENODEV;
	}
	memcpy(flash->id, ids[0], BF_ID_LEN);
	return 0;
}

/* Chip table, then SFDP; a chip known to neither is not guessed at. */
static int bf_detect(struct bf_flash *flash)
{
	int ret;

	flash->chip = bf_chip_lookup(flash->id);
	if (flash->chip)
		flash->name = flash->chip->name;
	else
		flash->name = to_bf_dev(flash)->name =
			kasprintf(GFP_KERNEL, "jedec-%*phN", BF_ID_LEN,
				  flash->id);
	if (!flash->name)
		return -ENOMEM;

	bf_params_init(flash);
	ret = bf_sfdp_parse(flash);
	if (ret == -ENOENT && !flash->chip) {
		dev_err(flash->dev, "unknown chip: JEDEC ID %*phN is not in the chip table and the chip has no usable SFDP; refusing to guess its size and commands\n",
			BF_ID_LEN, flash->id);
		return -ENODEV;
	}
	if (ret && ret != -ENOENT)
		return ret;

	if (flash->chip && flash->chip->fixup)
		flash->chip->fixup(flash);
	bf_params_finalize(flash);
	return 0;
}

/* 64 KiB blocks (or 4 KiB with erase_4k); else the largest up to 64 KiB. */
static const struct bf_erase_type *bf_block_type(struct bf_flash *flash)
{
	const struct bf_erase_type *best = NULL;
	u32 want = bf_erase_4k ? SZ_4K : SZ_64K;
	unsigned int i;

	for (i = 0; i < BF_ERASE_TYPES; i++) {
		const struct bf_erase_type *e = &flash->params.erase[i];

		if (e->size == want)
			return e;
		if (e->size && e->size <= SZ_64K &&
		    (!best || e->size > best->size))
			best = e;
	}
	if (best && bf_erase_4k)
		dev_warn(flash->dev, "no 4 KiB erase command; using %u KiB erase blocks\n",
			 best->size >> 10);
	return best;
}

static void bf_use_opcodes(struct bf_flash *flash, u8 read_op, u8 pp_op,
			   bool dedicated_4b)
{
	unsigned int i;

	flash->read_op = read_op;
	flash->read_dummy = (read_op == BF_OP_FAST_READ ||
			     read_op == BF_OP_FAST_READ_4B) ? 1 : 0;
	flash->pp_op = pp_op;
	for (i = 0; i < BF_ERASE_TYPES; i++) {
		struct bf_erase_type *e = &flash->params.erase[i];

		e->op = dedicated_4b ? e->opcode_4b : e->opcode;
	}
}

/* Dedicated 4-byte opcodes for read, program and the MTD erase block. */
static bool bf_use_4b_opcodes(struct bf_flash *flash, bool fast,
			      const struct bf_erase_type *blk)
{
	u32 flags = flash->params.flags;
	u8 read_op = 0;

	if (!fast && (flags & BF_F_4B_READ))
		read_op = BF_OP_READ_4B;
	else if (flags & BF_F_4B_FAST_READ)
		read_op = BF_OP_FAST_READ_4B;
	if (!read_op || !(flags & BF_F_4B_PP) || !blk->opcode_4b)
		return false;

	bf_use_opcodes(flash, read_op, BF_OP_PP_4B, true);
	return true;
}

/*
 * Up to 16 MiB: 3-byte addresses.  Beyond: dedicated 4-byte opcodes, which
 * work whatever mode the chip is in, else B7h 4-byte mode.  EAR (except as
 * the power-cycle marker, bf_mark()) and ADP are never used for addressing:
 * both would mean changing the chip's configuration.  03h/13h
 * are limited to fR = 50 MHz (DS-257FV §9.6, DS-128JV AC electrical
 * characteristics); faster clocks use 0Bh/0Ch.
 */
static int bf_setup_addressing(struct bf_flash *flash,
			       const struct bf_erase_type *blk)
{
	struct bf_params *p = &flash->params;
	bool fast = flash->spimem->spi->max_speed_hz > BF_READ_MAX_HZ;
	u8 read_op = fast ? BF_OP_FAST_READ : BF_OP_READ;

	flash->addr_nbytes = 3;
	if (p->size <= BF_3B_LIMIT && !(p->flags & BF_F_4B_ONLY)) {
		bf_use_opcodes(flash, read_op, BF_OP_PP, false);
		return 0;
	}

	flash->addr_nbytes = 4;
	if (bf_use_4b_opcodes(flash, fast, blk))
		return 0;
	if (p->flags & (BF_F_4B_ONLY | BF_F_EN4B)) {
		flash->en4b = !(p->flags & BF_F_4B_ONLY);
		bf_use_opcodes(flash, read_op, BF_OP_PP, false);
		return 0;
	}
	dev_err(flash->dev, "%llu KiB chip needs 4-byte addresses, but neither SFDP nor the chip table names a way to send them\n",
		p->size >> 10);
	return -ENODEV;
}

static bool bf_supports(struct bf_flash *flash, u8 opcode, u8 dummy,
			enum spi_mem_data_dir dir)
{
	struct spi_mem_op op = SPI_MEM_OP(SPI_MEM_OP_CMD(opcode, 1),
					  SPI_MEM_OP_ADDR(flash->addr_nbytes,
							  0, 1),
					  SPI_MEM_OP_DUMMY(dummy, 1),
					  SPI_MEM_OP_NO_DATA);

	op.data.dir = dir;
	if (dir != SPI_MEM_NO_DATA) {
		op.data.buswidth = 1;
		op.data.nbytes = 1;
		op.data.buf.in = flash->databuf;
	}
	return spi_mem_supports_op(flash->spimem, &op);
}

/* spi-mem controllers may lack 4-byte addresses or dummy cycles. */
static int bf_check_controller(struct bf_flash *flash,
			       const struct bf_erase_type *blk)
{
	const struct {
		u8 opcode;
		u8 dummy;
		enum spi_mem_data_dir dir;
	} ops[] = {
		{ flash->read_op, flash->read_dummy, SPI_MEM_DATA_IN },
		{ flash->pp_op, 0, SPI_MEM_DATA_OUT },
		{ blk->op, 0, SPI_MEM_NO_DATA },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ops); i++) {
		if (bf_supports(flash, ops[i].opcode, ops[i].dummy, ops[i].dir))
			continue;
		dev_err(flash->dev, "SPI controller cannot send command %02xh with %u address bytes\n",
			ops[i].opcode, flash->addr_nbytes);
		return -EOPNOTSUPP;
	}
	return 0;
}

static int bf_mtd_init(struct bf_flash *flash, const struct bf_erase_type *blk)
{
	struct mtd_info *mtd = &flash->mtd;

	/* "w25q256jw@spi0.0": the part a user looks for, unique per bus/CS */
	mtd->name = kasprintf(GFP_KERNEL, "%s@%s", flash->name,
			      dev_name(flash->dev));
	if (!mtd->name)
		return -ENOMEM;

	mtd->dev.parent = flash->dev;
	mtd_set_of_node(mtd, flash->dev->of_node);
	mtd->owner = THIS_MODULE;
	mtd->type = MTD_NORFLASH;
	mtd->flags = MTD_CAP_NORFLASH;
	mtd->size = flash->params.size;
	mtd->erasesize = blk->size;
	mtd->writesize = 1;
	mtd->writebufsize = flash->params.page_size;
	mtd->_read = bf_mtd_read;
	mtd->_write = bf_mtd_write;
	mtd->_erase = bf_mtd_erase;
	mtd->_get_device = bf_mtd_get_device;
	mtd->_put_device = bf_mtd_put_device;
	/* add_mtd_device() leaves dev.groups alone: files exist at uevent */
	mtd->dev.groups = bf_sysfs_groups;
	bf_prot_init(flash);
	return 0;
}

static void bf_log_chip(struct bf_flash *flash)
{
	const struct bf_chip *chip = flash->chip;
	u64 kib = flash->params.size >> 10;
	unsigned int lo, hi;

	if (!chip) {
		dev_info(flash->dev, "unknown chip, parameters from SFDP (%llu KiB, JEDEC %*phN, supply range unknown: check the datasheet)\n",
			 kib, BF_ID_LEN, flash->id);
		return;
	}
	if (!chip->vcc_max_mv) {
		dev_info(flash->dev, "%s (%llu KiB, JEDEC %*phN, supply range unknown: check the datasheet)\n",
			 flash->name, kib, BF_ID_LEN, flash->id);
		return;
	}
	lo = chip->vcc_min_mv;
	hi = chip->vcc_max_mv;
	dev_info(flash->dev, "%s (%llu KiB, JEDEC %*phN, %u.%02u-%u.%02u V)\n",
		 flash->name, kib, BF_ID_LEN, flash->id,
		 lo / 1000, lo % 1000 / 10, hi / 1000, hi % 1000 / 10);
}

static int bf_setup(struct bf_flash *flash)
{
	const struct bf_erase_type *blk;
	int ret;

	ret = bf_wake(flash);
	if (!ret)
		ret = bf_identify(flash);
	if (!ret)
		ret = bf_detect(flash);
	if (ret)
		return ret;

	blk = bf_block_type(flash);
	if (!blk) {
		dev_err(flash->dev, "chip lists no erase command of 4 KiB or more\n");
		return -ENODEV;
	}
	ret = bf_setup_addressing(flash, blk);
	if (!ret)
		ret = bf_check_controller(flash, blk);
	if (!ret)
		ret = bf_mtd_init(flash, blk);
	return ret;
}

static int bf_probe(struct spi_mem *spimem)
{
	struct device *dev = &spimem->spi->dev;
	struct bf_flash *flash;
	struct bf_dev *bd;
	int ret;

	bd = kzalloc(sizeof(*bd), GFP_KERNEL);
	if (!bd)
		return -ENOMEM;
	kref_init(&bd->ref);
	flash = &bd->flash;
	flash->dev = get_device(dev);
	mutex_init(&flash->lock);
	ret = devm_add_action_or_reset(dev, bf_put, bd);
	if (ret)
		return ret;
	flash->cmdbuf = kmalloc(BF_CMD_BUF_SIZE, GFP_KERNEL);
	flash->databuf = kmalloc(BF_DATA_BUF_SIZE, GFP_KERNEL);
	flash->vbuf = kmalloc(BF_VERIFY_CHUNK, GFP_KERNEL);
	if (!flash->cmdbuf || !flash->databuf || !flash->vbuf)
		return -ENOMEM;

	flash->spimem = spimem;
	bd->ctlr_owner = bf_ctlr_owner(flash);
	spi_mem_set_drvdata(spimem, flash);

	/*
	 * The WP# line first: a GPIO controller that is not there yet defers
	 * the probe, and a deferred probe must not have reset the chip.
	 */
	ret = bf_wp_init(flash);
	if (ret)
		return ret;

	mutex_lock(&flash->lock);
	ret = bf_setup(flash);
	if (!ret)
		ret = bf_prepare(flash);
	mutex_unlock(&flash->lock);
	if (ret)
		return ret;

	bf_log_chip(flash);
	bf_voltage_init(flash);
	ret = mtd_device_register(&flash->mtd, NULL, 0);
	if (ret) {
		dev_err(dev, "cannot register the MTD device: %pe\n",
			ERR_PTR(ret));
		mutex_lock(&flash->lock);
		bf_restore(flash);
		mutex_unlock(&flash->lock);
	}
	return ret;
}

static int bf_remove(struct spi_mem *spimem)
{
	struct bf_flash *flash = spi_mem_get_drvdata(spimem);
	int ret;

	/* open users keep the mtd_info: see struct bf_dev */
	ret = mtd_device_unregister(&flash->mtd);
	/*
	 * Still registered: the MTD core may call in at any time, so the
	 * programmer must outlive the device.  Leak it rather than free it
	 * under a user (bf_put() drops only the bound device's reference).
	 */
	if (ret) {
		dev_warn(flash->dev, "MTD core refused to unregister the device (%pe): its memory is kept until reboot\n",
			 ERR_PTR(ret));
		kref_get(&to_bf_dev(flash)->ref);
		/* deliberately kept: not a leak for kmemleak to report */
		kmemleak_not_leak(to_bf_dev(flash));
	}

	mutex_lock(&flash->lock);
	bf_restore(flash);
	flash->gone = true;
	mutex_unlock(&flash->lock);
	return ret;
}

/* Power-off or reboot: the chipset's state, and nothing after it. */
static void bf_shutdown(struct spi_mem *spimem)
{
	struct bf_flash *flash = spi_mem_get_drvdata(spimem);

	mutex_lock(&flash->lock);
	if (!flash->gone)
		bf_restore(flash);
	flash->gone = true;
	mutex_unlock(&flash->lock);
}

static const struct of_device_id bf_of_table[] = {
	{ .compatible = "biosflash,bios-flash" },
	{ }
};
MODULE_DEVICE_TABLE(of, bf_of_table);

static const struct spi_device_id bf_spi_ids[] = {
	{ "biosflash" },
	{ "bios-flash" },
	{ }
};
MODULE_DEVICE_TABLE(spi, bf_spi_ids);

static struct spi_mem_driver bf_driver = {
	.spidrv = {
		.driver = {
			.name = "biosflash",
			.of_match_table = bf_of_table,
		},
		.id_table = bf_spi_ids,
	},
	.probe = bf_probe,
	.remove = bf_remove,
	.shutdown = bf_shutdown,
};
module_spi_mem_driver(bf_driver);

MODULE_DESCRIPTION("PC BIOS SPI NOR flash programmer as an MTD device");
MODULE_VERSION(BF_VERSION);
MODULE_LICENSE("GPL");
