// SPDX-License-Identifier: GPL-2.0
/*
 * biosflash bus layer: every command the driver sends goes through here.
 * Each helper prints one message for the fault it detects and returns an
 * error; callers only pass errors on, so every failure reaching user space
 * has been explained exactly once.  Nothing here calls back into core.c,
 * protect.c or sfdp.c.  Source tags (DS-257FV, ...) are expanded in
 * Documentation/chips.rst, "Sources".
 */
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/ktime.h>
#include <linux/lockdep.h>
#include <linux/math64.h>
#include <linux/minmax.h>
#include <linux/mtd/mtd.h>
#include <linux/mutex.h>
#include <linux/sched/signal.h>
#include <linux/sizes.h>
#include <linux/spi/spi-mem.h>
#include <linux/spi/spi.h>
#include <linux/string.h>

#include "biosflash.h"
/**
 * bf_exec() - run one spi-mem operation
 * @flash: the programmer
 * @op: the operation, its buffers in @flash->cmdbuf or @flash->databuf
 *
 * Context: process context, @flash->lock held.
 * Return: 0 or a negative errno, already reported with dev_err().
 */
int bf_exec(struct bf_flash *flash, const struct spi_mem_op *op)
{
	int ret;

	lockdep_assert_held(&flash->lock);
	if (flash->gone)
		return -ENODEV;
	ret = spi_mem_exec_op(flash->spimem, op);
	if (ret)
		dev_err(flash->dev, "command %02xh failed in the SPI controller: %pe\n",
			op->cmd.opcode, ERR_PTR(ret));
	return ret;
}

/**
 * bf_adjust() - fit an operation's data to what the controller can send
 * @flash: the programmer
 * @op: the operation; its data length may be lowered
 *
 * A controller that leaves no data at all would make every caller's loop
 * endless: that is an error too.
 *
 * Context: process context.
 * Return: 0 or a negative errno, already reported with dev_err().
 */
int bf_adjust(struct bf_flash *flash, struct spi_mem_op *op)
{
	int ret = spi_mem_adjust_op_size(flash->spimem, op);

	if (!ret && op->data.dir != SPI_MEM_NO_DATA && !op->data.nbytes)
		ret = -EOPNOTSUPP;
	if (ret)
		dev_err(flash->dev, "SPI controller cannot transfer command %02xh with %u address bytes and data: %pe\n",
			op->cmd.opcode, op->addr.nbytes, ERR_PTR(ret));
	return ret;
}

/**
 * bf_cmd() - send an opcode without address or data
 * @flash: the programmer
 * @opcode: the command
 *
 * Context: process context, @flash->lock held.
 * Return: 0 or a negative errno, already reported with dev_err().
 */
int bf_cmd(struct bf_flash *flash, u8 opcode)
{
	struct spi_mem_op op = SPI_MEM_OP(SPI_MEM_OP_CMD(opcode, 1),
					  SPI_MEM_OP_NO_ADDR,
					  SPI_MEM_OP_NO_DUMMY,
					  SPI_MEM_OP_NO_DATA);

	return bf_exec(flash, &op);
}

int bf_cmd_addr(struct bf_flash *flash, u8 opcode, u32 addr)
{
	struct spi_mem_op op = SPI_MEM_OP(SPI_MEM_OP_CMD(opcode, 1),
					  SPI_MEM_OP_ADDR(flash->addr_nbytes,
							  addr, 1),
					  SPI_MEM_OP_NO_DUMMY,
					  SPI_MEM_OP_NO_DATA);

	return bf_exec(flash, &op);
}

/**
 * bf_read_reg() - read register or ID bytes into @flash->cmdbuf
 * @flash: the programmer
 * @opcode: the read command
 * @len: bytes to read, at most the size of @flash->cmdbuf
 *
 * Context: process context, @flash->lock held.
 * Return: 0 or a negative errno, already reported with dev_err().
 */
int bf_read_reg(struct bf_flash *flash, u8 opcode, unsigned int len)
{
	struct spi_mem_op op = SPI_MEM_OP(SPI_MEM_OP_CMD(opcode, 1),
					  SPI_MEM_OP_NO_ADDR,
					  SPI_MEM_OP_NO_DUMMY,
					  SPI_MEM_OP_DATA_IN(len, flash->cmdbuf,
							     1));

	return bf_exec(flash, &op);
}

/**
 * bf_read_sr1() - read status register 1, refusing a stuck bus
 * @flash: the programmer
 * @sr: the value read
 *
 * SR1 = 0xff sets BUSY, WEL and every protection bit at once.  A busy chip
 * is fully protected only while the status write that protects everything
 * runs (a protected program or erase is ignored without going busy,
 * DS-257FV §7.1.16 note 2), which bf_wait_ready() allows for; anywhere
 * else 0xff means a MISO stuck high.
 *
 * Context: process context, @flash->lock held.
 * Return: 0, -ENXIO for a stuck bus, or another negative errno; every
 * error already reported with dev_err().
 */
int bf_read_sr1(struct bf_flash *flash, u8 *sr)
{
	int ret = bf_read_reg(flash, BF_OP_RDSR1, 1);

	if (ret)
		return ret;
	*sr = flash->cmdbuf[0];
	if (*sr != 0xff)
		return 0;
	dev_err(flash->dev, "bus stuck: status register reads 0xff: MISO stuck high or chip unpowered; check wiring\n");
	return -ENXIO;
}

/**
 * bf_wait_ready() - poll BUSY until the operation ends, within its deadline
 * @flash: the programmer
 * @t: the operation's busy time
 * @what: operation name for the timeout message
 * @addr: operation address for the timeout message
 *
 * The deadline is twice the maximum time; the interval a tenth of the
 * typical time, so a finished operation is seen within ~10-20 % of its
 * typical duration without flooding the bus.  A fatal signal ends the wait
 * (a killed flashcp is not an error, so no message): the chip finishes the
 * operation on its own, and the next operation's bf_prepare() waits for
 * it.
 *
 * Context: process context, @flash->lock held; sleeps.
 * Return: 0, -EINTR on a fatal signal (silently), -ETIMEDOUT, or another
 * negative errno; every other error already reported with dev_err().
 */
int bf_wait_ready(struct bf_flash *flash, const struct bf_optime *t,
		  const char *what, u32 addr)
{
	u64 limit_us = (u64)t->max_us * BF_DEADLINE_MARGIN;
	unsigned long poll_us = clamp_t(unsigned long, t->typ_us / 10,
					BF_POLL_MIN_US, BF_POLL_MAX_US);
	ktime_t start = ktime_get();
	ktime_t deadline = ktime_add_us(start, limit_us);
	/* 0xff is legal only during a status write that locks everything */
	ktime_t ff_deadline = ktime_add_us(start, min_t(u64, limit_us,
			(u64)flash->params.wrsr.max_us * BF_DEADLINE_MARGIN));
	bool expired;
	u8 sr;
	int ret;

	lockdep_assert_held(&flash->lock);
	for (;;) {
		/* sample the clock first: a late wakeup still gets one read */
		expired = ktime_after(ktime_get(), deadline);
		ret = bf_read_reg(flash, BF_OP_RDSR1, 1);
		if (ret)
			return ret;
		sr = flash->cmdbuf[0];
		if (sr == 0xff && ktime_after(ktime_get(), ff_deadline)) {
			ret = bf_read_sr1(flash, &sr);	/* reports it */
			if (ret)
				return ret;
		}
		if (!(sr & BF_SR1_BUSY))
			return 0;
		if (expired)
			break;
		/* killed: the chip ends the operation alone, see bf_prepare() */
		if (fatal_signal_pending(current))
			return -EINTR;
		fsleep(poll_us);
	}
	dev_err(flash->dev, "%s at 0x%08x timed out: still busy after %lld ms (limit %llu ms, SR1=0x%02x); chip stuck busy or supply voltage out of range, check VCC\n",
		what, addr, ktime_ms_delta(ktime_get(), start),
		div_u64(limit_us, USEC_PER_MSEC), sr);
	return -ETIMEDOUT;
}

/**
 * bf_write_enable() - set WEL before a program, erase or register write
 * @flash: the programmer
 * @t: busy time of the operation that follows
 * @what: its name, for messages
 * @addr: its address, for messages
 *
 * A chip still busy (another master, or our own operation that timed out)
 * ignores 06h (DS-257FV §8: only status reads are accepted while BUSY):
 * wait for it within that operation's deadline and try once more.  A chip
 * that does not see 06h (MOSI, CS or VCC missing) or a MISO shorted low
 * never shows WEL: catch it before the real command.  SR1 = 0x00 right
 * after 06h is a MISO held low, or a chip that lost the command (a power
 * cut clears WEL and every volatile bit): the JEDEC ID decides which.
 *
 * Context: process context, @flash->lock held; sleeps.
 * Return: 0, -ENXIO when the JEDEC ID reads 00 00 00 as well, -EIO when
 * WEL does not latch otherwise, or another negative errno; every error
 * already reported with dev_err().
 */
int bf_write_enable(struct bf_flash *flash, const struct bf_optime *t,
		    const char *what, u32 addr)
{
	unsigned int try;
	u8 sr = 0;
	int ret;

	for (try = 0; try < 2; try++) {
		ret = bf_cmd(flash, BF_OP_WREN);
		if (!ret)
			ret = bf_read_sr1(flash, &sr);
		if (ret || (sr & BF_SR1_WEL))
			return ret;
		if (!(sr & BF_SR1_BUSY))
			break;
		ret = bf_wait_ready(flash, t, what, addr);
		if (ret)
			return ret;
	}
	/*
	 * SR1 = 0x00 is an idle chip that lost the command, or a MISO held
	 * low: the JEDEC ID tells them apart (and reports the bus fault).
	 */
	if (!sr) {
		ret = bf_check_id(flash, NULL, 0);
		if (ret)
			return ret;
	}
	dev_err(flash->dev, "write enable did not latch (SR1=0x%02x): chip unpowered or power-cycled (the board switched on?), or MOSI/CS wiring\n",
		sr);
	return -EIO;
}

/*
 * A chunk of an array read is capped at about 10 ms of bus time at the
 * device's clock: on the Raspberry Pi 5's DesignWare controller with native
 * chip select a memory operation runs with interrupts off, and a shorter
 * chunk also bounds how late a fatal signal or a lost chip is seen.
 */
static size_t bf_chunk_max(struct bf_flash *flash)
{
	u32 hz = flash->spimem->spi->max_speed_hz;
	size_t n = hz ? hz / (8 * 100) : BF_DATA_BUF_SIZE;

	return clamp_t(size_t, round_down(n, 256), 256, BF_DATA_BUF_SIZE);
}

/*
 * The one place reads are cut up: into chunks the bounce buffer and the
 * bus time cap allow, each sent in as many commands as the controller
 * needs (spi_mem_adjust_op_size()).  An array read also stops on a fatal
 * signal, enters B7h mode again before each command (bf_enter_4b()) and
 * checks after each chunk that the chip still answers with its JEDEC ID:
 * a clip that slips off mid-read gives 0xff bytes without any bus error.
 */
static int bf_read_chunks(struct bf_flash *flash, u8 opcode, u8 addr_nbytes,
			  u8 dummy_nbytes, u32 addr, void *buf, size_t len,
			  size_t *retlen, bool array)
{
	size_t chunk = array ? bf_chunk_max(flash) : BF_DATA_BUF_SIZE;
	u8 *dst = buf;
	int ret;

	while (len) {
		size_t n = min(len, chunk), done = 0;
		u32 start = addr;

		if (array && fatal_signal_pending(current))
			return -EINTR;
		while (done < n) {
			struct spi_mem_op op =
				SPI_MEM_OP(SPI_MEM_OP_CMD(opcode, 1),
					   SPI_MEM_OP_ADDR(addr_nbytes, addr, 1),
					   SPI_MEM_OP_DUMMY(dummy_nbytes, 1),
					   SPI_MEM_OP_DATA_IN(n - done,
							      flash->databuf,
							      1));

			ret = bf_adjust(flash, &op);
			if (!ret && array)
				ret = bf_enter_4b(flash);
			if (!ret)
				ret = bf_exec(flash, &op);
			if (ret)
				return ret;
			memcpy(dst + done, flash->databuf, op.data.nbytes);
			done += op.data.nbytes;
			addr += op.data.nbytes;
		}
		if (array) {
			ret = bf_check_id(flash, "read", start);
			if (ret)
				return ret;
		}
		dst += n;
		len -= n;
		if (retlen)
			*retlen += n;
	}
	return 0;
}

/**
 * bf_read_data() - read bytes outside the array (SFDP) through the DMA-safe
 *		    bounce buffer
 * @flash: the programmer
 * @opcode: read command
 * @addr_nbytes: address bytes (3 or 4)
 * @dummy_nbytes: dummy bytes after the address (8 clocks each)
 * @addr: first address
 * @buf: destination, any kernel memory
 * @len: bytes to read
 *
 * Context: process context, @flash->lock held.
 * Return: 0 or a negative errno, already reported with dev_err().
 */
int bf_read_data(struct bf_flash *flash, u8 opcode, u8 addr_nbytes,
		 u8 dummy_nbytes, u32 addr, void *buf, size_t len)
{
	return bf_read_chunks(flash, opcode, addr_nbytes, dummy_nbytes, addr,
			      buf, len, NULL, false);
}

/**
 * bf_read_array() - read the array with the read opcode in use
 * @flash: the programmer, after bf_prepare()
 * @addr: first address
 * @buf: destination, any kernel memory (vmalloc included)
 * @len: bytes to read
 * @retlen: incremented by the bytes read and checked
 *
 * Context: process context, @flash->lock held; sleeps.
 * Return: 0, -EINTR on a fatal signal (silently), or a negative errno
 * already reported with dev_err().
 */
int bf_read_array(struct bf_flash *flash, u32 addr, void *buf, size_t len,
		  size_t *retlen)
{
	return bf_read_chunks(flash, flash->read_op, flash->addr_nbytes,
			      flash->read_dummy, addr, buf, len, retlen, true);
}

/**
 * bf_enter_4b() - B7h again before a command that carries an address
 * @flash: the programmer
 *
 * A power cycle during the previous program or erase (the board switched
 * on or off) leaves a chip driven in B7h mode in 3-byte mode, where the
 * next 4-byte address would program, erase or read elsewhere (power-up
 * loads the address mode from the non-volatile ADP bit, DS-257FV §6.1.5).
 * A status read and B7h, only on such chips.  A power cycle in the
 * microseconds between B7h and the command is not covered.
 *
 * Context: process context, @flash->lock held; sleeps.
 * Return: 0 or a negative errno, already reported with dev_err().
 */
int bf_enter_4b(struct bf_flash *flash)
{
	return flash->en4b ? bf_switch_4b(flash, true) : 0;
}

/**
 * bf_switch_4b() - enter (B7h) or leave (E9h) 4-byte address mode
 * @flash: the programmer
 * @enter: true to enter, false to leave
 *
 * B7h/E9h carry no status: a busy chip would drop them silently and then
 * read the next command's address with the wrong length, so wait first.
 *
 * Context: process context, @flash->lock held; sleeps.
 * Return: 0 or a negative errno, already reported with dev_err().
 */
int bf_switch_4b(struct bf_flash *flash, bool enter)
{
	const struct bf_optime *t = &flash->params.wrsr;
	const char *what = enter ? "4-byte mode entry" : "4-byte mode exit";
	u32 wren = enter ? BF_F_EN4B_WREN : BF_F_EX4B_WREN;
	int ret;

	ret = bf_wait_ready(flash, t, what, 0);
	if (!ret && (flash->params.flags & wren))
		ret = bf_write_enable(flash, t, what, 0);
	if (!ret)
		ret = bf_cmd(flash, enter ? BF_OP_EN4B : BF_OP_EX4B);
	return ret;
}

/* 66h then 99h back to back, then tRST (DS-257FV §6.1.7, §8.2.53). */
int bf_soft_reset(struct bf_flash *flash)
{
	int ret = bf_cmd(flash, BF_OP_RSTEN);

	if (!ret)
		ret = bf_cmd(flash, BF_OP_RST);
	fsleep(BF_T_RST_US);
	return ret;
}

/**
 * bf_check_id() - does the chip still answer with its JEDEC ID?
 * @flash: the programmer
 * @what: the operation under way, NULL before one starts
 * @addr: where it is, for the message
 *
 * A MISO shorted low reads as an idle, unprotected status register (0x00)
 * and a lost chip or a MISO pulled high reads 0xff data without any bus
 * error: only the JEDEC ID tells them apart, and also tells another chip
 * clipped on since probe.
 *
 * Context: process context, @flash->lock held.
 * Return: 0, -ENXIO for a shorted or open bus, -EIO for another ID, or
 * another negative errno; every error already reported with dev_err().
 */
int bf_check_id(struct bf_flash *flash, const char *what, u32 addr)
{
	const u8 *id = flash->cmdbuf;
	int ret;

	ret = bf_read_reg(flash, BF_OP_RDID, BF_ID_LEN);
	if (ret || !memcmp(id, flash->id, BF_ID_LEN))
		return ret;
	if (what) {
		dev_err(flash->dev, "%s at 0x%08x failed: the chip stopped answering (JEDEC ID reads %*phN, not %*phN): clip or wire lost contact, or the chip lost power; nothing of this call is trusted, check the connection and retry\n",
			what, addr, BF_ID_LEN, id, BF_ID_LEN, flash->id);
		return -EIO;
	}
	if (!memchr_inv(id, 0, BF_ID_LEN)) {
		dev_err(flash->dev, "bus stuck: JEDEC ID reads 00 00 00: MISO shorted to ground or chip unpowered; check VCC, GND and MISO wiring\n");
		return -ENXIO;
	}
	dev_err(flash->dev, "JEDEC ID reads %*phN, not %*phN as at probe: unstable bus or another chip; check the wiring, then unbind and bind again\n",
		BF_ID_LEN, id, BF_ID_LEN, flash->id);
	return -EIO;
}

/*
 * The longest busy time the driver can leave behind: an operation whose
 * status poll failed in the controller or was cut short by a fatal
 * signal.  That is any erase type bf_erase_range() may pick, which with
 * erase_4k=1 still includes 64 KiB blocks, or a status write.
 */
static const struct bf_optime *bf_longest_op(struct bf_flash *flash)
{
	const struct bf_optime *t = &flash->params.wrsr;
	unsigned int i;

	for (i = 0; i < BF_ERASE_TYPES; i++) {
		const struct bf_erase_type *e = &flash->params.erase[i];

		if (e->op && e->time.max_us > t->max_us)
			t = &e->time;
	}
	return t;
}

/**
 * bf_prepare() - check the chip before an operation
 * @flash: the programmer
 *
 * The chip must be idle and answer with its JEDEC ID (a stuck or shorted
 * bus, or another chip, is refused here with one message).  A busy chip
 * takes nothing but status reads and leaves MISO undriven, so a read would
 * return 0xff bytes without an error (DS-257FV §8): wait as long as the
 * longest operation the driver may have left running.  The address
 * mode is not set here: B7h mode is volatile, so every command that
 * carries an address enters it again just before (bf_enter_4b()).
 *
 * Every operation on the chip starts here, so this also refuses a device
 * that has been removed under an open /dev/mtdN or sysfs file.
 *
 * Context: process context, @flash->lock held; sleeps.
 * Return: 0, -ENODEV after remove (silently: nobody is left to tell), or a
 * negative errno already reported with dev_err().
 */
int bf_prepare(struct bf_flash *flash)
{
	int ret;

	lockdep_assert_held(&flash->lock);
	if (flash->gone)
		return -ENODEV;
	ret = bf_wait_ready(flash, bf_longest_op(flash),
			    "wait for the chip to be idle", 0);
	return ret ?: bf_check_id(flash, NULL, 0);
}

/**
 * bf_lock() - take the chip for one operation and check it
 * @flash: the programmer
 * @modify: the operation's name if it changes the chip, else NULL
 *
 * Killable, so that a process waiting behind a long erase can be stopped
 * and is not reported as a hung task.  A modifying operation is refused
 * first, without bus traffic, while the declared I/O voltage is wrong.
 *
 * Context: process context; sleeps.
 * Return: 0 with @flash->lock held; otherwise the lock is not held and the
 * error is -EINTR (a fatal signal while waiting, silently), -ENODEV (after
 * remove or shutdown, silently), or one reported by bf_voltage_check() or
 * bf_prepare().
 */
int bf_lock(struct bf_flash *flash, const char *modify)
{
	int ret = mutex_lock_killable(&flash->lock);

	if (ret)
		return ret;
	ret = flash->gone ? -ENODEV : 0;
	if (!ret && modify)
		ret = bf_voltage_check(flash, modify);
	if (!ret)
		ret = bf_prepare(flash);
	if (ret)
		mutex_unlock(&flash->lock);
	return ret;
}
