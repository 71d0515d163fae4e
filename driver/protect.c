// SPDX-License-Identifier: GPL-2.0
/*
 * biosflash block protection: what the status registers (BP, TB, SEC, CMP)
 * or the individual block locks protect, MTD lock/unlock/is_locked on top
 * of that, the sysfs "protect" writes, and the check that refuses an erase
 * or a write into a protected range instead of letting the chip ignore it
 * silently (DS-257FV §7.1.16 note 2).  Pure helpers first, then register
 * access, then the algorithms, the ops tables and the locked wrappers, in
 * the order of spi-nor's swp.c.  Layouts live in chips.c; source tags
 * (DS-257FV, ...) are expanded in Documentation/chips.rst, "Sources".
 * Probe writes nothing here: registers change only when user space asks.
 */
#include <linux/bitops.h>
#include <linux/device.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/minmax.h>
#include <linux/mtd/mtd.h>
#include <linux/mutex.h>
#include <linux/spi/spi-mem.h>
#include <linux/string.h>

#include "biosflash.h"

#define BF_PROT_REGS_LEN	48	/* "sr1=0x44 sr2=0x02 sr3=0x60" */
#define BF_LOCK_DYN		BIT(0)	/* volatile lock bit of a unit */
#define BF_LOCK_SOLID		BIT(1)	/* non-volatile lock bit (SPB) */

/* A protected address range; nothing is { 0, 0 }. */
struct bf_range {
	u64 start;
	u64 len;
};

/**
 * struct bf_prot_ops - one protection scheme
 * @begin: prepare the chip for @find/@lock/@unlock/@is_locked/@set
 * @end: undo @begin after success
 * @find: the first protected run overlapping [ofs, ofs + len)
 * @lock: MTD lock, never unlocking anything
 * @unlock: MTD unlock, never locking anything
 * @is_locked: 1 if all of [ofs, ofs + len) is protected, else 0
 * @set: the sysfs "lock"/"unlock" with or without "volatile"
 */
struct bf_prot_ops {
	int (*begin)(struct bf_flash *flash);
	int (*end)(struct bf_flash *flash);
	int (*find)(struct bf_flash *flash, const u8 *regs, u64 ofs, u64 len,
		    struct bf_range *run);
	int (*lock)(struct bf_flash *flash, const u8 *regs, u64 ofs, u64 len);
	int (*unlock)(struct bf_flash *flash, const u8 *regs, u64 ofs,
		      u64 len);
	int (*is_locked)(struct bf_flash *flash, const u8 *regs, u64 ofs,
			 u64 len);
	int (*set)(struct bf_flash *flash, const u8 *regs, bool lock, bool vol);
};

/* ---- pure helpers: register bits ---- */

static bool bf_bit(const u8 *regs, struct bf_prot_bits b)
{
	return regs[b.reg] & b.mask;
}

static u8 bf_field_max(struct bf_prot_bits f)
{
	return f.mask ? f.mask >> __ffs(f.mask) : 0;
}

static u8 bf_field(const u8 *regs, struct bf_prot_bits f)
{
	return f.mask ? (regs[f.reg] & f.mask) >> __ffs(f.mask) : 0;
}

static void bf_field_set(u8 *regs, struct bf_prot_bits f, u8 val)
{
	if (f.mask)
		regs[f.reg] = (regs[f.reg] & ~f.mask) |
			      ((val << __ffs(f.mask)) & f.mask);
}

/* BP, with a BP3 kept apart (Micron) as its top bit */
static unsigned int bf_bp_nbits(const struct bf_prot_layout *l)
{
	return hweight8(l->bp.mask) + hweight8(l->bp3.mask);
}

static u8 bf_bp_max(const struct bf_prot_layout *l)
{
	return BIT(bf_bp_nbits(l)) - 1;
}

static u8 bf_bp_get(const struct bf_prot_layout *l, const u8 *regs)
{
	u8 bp = bf_field(regs, l->bp);

	if (bf_bit(regs, l->bp3))
		bp |= BIT(hweight8(l->bp.mask));
	return bp;
}

static void bf_bp_put(const struct bf_prot_layout *l, u8 *regs, u8 bp)
{
	bf_field_set(regs, l->bp, bp & bf_field_max(l->bp));
	bf_field_set(regs, l->bp3, !!(bp & BIT(hweight8(l->bp.mask))));
}

/* The protection bits of register @reg: BP, TB, SEC, CMP, WPS. */
static u8 bf_prot_mask(const struct bf_prot_layout *l, unsigned int reg)
{
	const struct bf_prot_bits *b[] = {
		&l->bp, &l->bp3, &l->tb, &l->sec, &l->cmp, &l->wps,
	};
	unsigned int i;
	u8 mask = 0;

	for (i = 0; i < ARRAY_SIZE(b); i++)
		if (b[i]->reg == reg)
			mask |= b[i]->mask;
	return mask;
}

/* Do registers @reg .. @reg + @n - 1 of @a and @b differ in protection? */
static bool bf_prot_differs(const struct bf_prot_layout *l, const u8 *a,
			    const u8 *b, unsigned int reg, unsigned int n)
{
	unsigned int i;

	for (i = reg; i < reg + n; i++)
		if ((a[i] ^ b[i]) & bf_prot_mask(l, i))
			return true;
	return false;
}

/* Would going from @before to @want change a one-time programmable bit? */
static bool bf_prot_otp_change(const struct bf_prot_layout *l,
			       const u8 *before, const u8 *want)
{
	bool tb = bf_bit(before, l->tb) != bf_bit(want, l->tb);
	bool wps = bf_bit(before, l->wps) != bf_bit(want, l->wps);

	return (tb && (l->flags & BF_PROT_TB_OTP)) ||
	       (wps && (l->flags & BF_PROT_WPS_OTP));
}

/* ---- pure helpers: ranges ---- */

static struct bf_range bf_range_complement(struct bf_range r, u64 size)
{
	if (!r.len)
		return (struct bf_range){ 0, size };
	if (r.len == size)
		return (struct bf_range){ 0, 0 };
	if (!r.start)
		return (struct bf_range){ r.len, size - r.len };
	return (struct bf_range){ 0, r.start };
}

/*
 * BP/TB/SEC/CMP to the protected range (DS-257FV §7.1.16/17, written out
 * in Documentation/chips.rst, "Block protection"; SEC: DS-128JV, see the
 * W25Q128JV layout in chips.c):
 *
 *   BP              SEC  range length             TB = 0   TB = 1
 *   0                x   nothing
 *   all ones         x   whole chip
 *   n                0   bp_len << (n - 1), at most the chip    top  bottom
 *   n                1   sec_len << (n - 1), at most sec_max     top  bottom
 *
 * CMP = 1 protects the complement of that range.  bp_len 0 is 1/64 of the
 * chip (the W25Q32/64/128 3-bit tables, DS-64JV §7.1.8; S25FL-S).
 */
static struct bf_range bf_bp_range(const struct bf_prot_layout *l, u64 size,
				   const u8 *regs)
{
	u64 bp_len = l->bp_len ?: size >> 6;
	u8 bp = bf_bp_get(l, regs);
	struct bf_range r = { 0, 0 };

	if (bp == bf_bp_max(l))
		r.len = size;
	else if (bp && bf_bit(regs, l->sec))
		r.len = min_t(u64, (u64)l->sec_len << (bp - 1), l->sec_max);
	else if (bp)
		r.len = min_t(u64, bp_len << (bp - 1), size);
	if (r.len && !bf_bit(regs, l->tb))
		r.start = size - r.len;
	return bf_bit(regs, l->cmp) ? bf_range_complement(r, size) : r;
}

static bool bf_range_covers(struct bf_range r, u64 ofs, u64 len)
{
	return !len || (ofs >= r.start && ofs + len <= r.start + r.len);
}

static bool bf_range_overlaps(struct bf_range r, u64 ofs, u64 len)
{
	return r.len && len && ofs < r.start + r.len && r.start < ofs + len;
}

/* Lock: @r plus [@ofs, @ofs + @len); false if that is not one range. */
static bool bf_range_add(struct bf_range r, u64 ofs, u64 len,
			 struct bf_range *out)
{
	u64 end = ofs + len, rend = r.start + r.len;

	if (!r.len) {
		*out = (struct bf_range){ ofs, len };
		return true;
	}
	if (ofs > rend || end < r.start)
		return false;
	out->start = min(ofs, r.start);
	out->len = max(end, rend) - out->start;
	return true;
}

/* Unlock: @r minus [@ofs, @ofs + @len); false if that splits @r in two. */
static bool bf_range_sub(struct bf_range r, u64 ofs, u64 len,
			 struct bf_range *out)
{
	u64 end = ofs + len, rend = r.start + r.len;

	*out = r;
	if (!bf_range_overlaps(r, ofs, len))
		return true;
	if (ofs <= r.start && end >= rend)
		*out = (struct bf_range){ 0, 0 };
	else if (ofs <= r.start)
		*out = (struct bf_range){ end, rend - end };
	else if (end >= rend)
		out->len = ofs - r.start;
	else
		return false;
	return true;
}

/*
 * Candidate @v of bf_bp_encode(): BP in the low bits, then TB, SEC, CMP.
 * False if it sets a bit the layout lacks, or changes a one-time
 * programmable TB while @otp is false.
 */
static bool bf_bp_candidate(const struct bf_prot_layout *l, const u8 *cur,
			    unsigned int v, bool otp, u8 *out)
{
	unsigned int n = bf_bp_nbits(l);
	bool tb = v & BIT(n), sec = v & BIT(n + 1), cmp = v & BIT(n + 2);

	if ((tb && !l->tb.mask) || (sec && !l->sec.mask) ||
	    (cmp && !l->cmp.mask))
		return false;
	if (!otp && (l->flags & BF_PROT_TB_OTP) && tb != bf_bit(cur, l->tb))
		return false;
	memcpy(out, cur, BF_PROT_NREGS);
	bf_bp_put(l, out, v & bf_bp_max(l));
	bf_field_set(out, l->tb, tb);
	bf_field_set(out, l->sec, sec);
	bf_field_set(out, l->cmp, cmp);
	return true;
}

/*
 * The whole chip or nothing, as the sysfs "lock" and "unlock" write them:
 *
 *   request   BP         CMP  TB                      SEC
 *   lock      all ones   0    as is                   as is
 *   unlock    0          0    0 (unless one-time)     0
 *
 * SRP/SRL, QE, WPS and every other bit stay as in @cur.
 */
static void bf_bp_all_or_none(const struct bf_prot_layout *l, const u8 *cur,
			      bool lock, u8 *out)
{
	memcpy(out, cur, BF_PROT_NREGS);
	bf_bp_put(l, out, lock ? bf_bp_max(l) : 0);
	bf_field_set(out, l->cmp, 0);
	if (lock)
		return;
	bf_field_set(out, l->sec, 0);
	if (!(l->flags & BF_PROT_TB_OTP))
		bf_field_set(out, l->tb, 0);
}

/*
 * Register values, from @cur, whose BP/TB/SEC/CMP protect exactly @want:
 * the whole chip and nothing as bf_bp_all_or_none() writes them; other
 * ranges by decoding every combination, the match changing the fewest of
 * TB/SEC winning, CMP = 0 before CMP = 1, lower BP first.  Returns false if
 * nothing matches.
 */
static bool bf_bp_encode(const struct bf_prot_layout *l, u64 size,
			 const u8 *cur, struct bf_range want, bool otp, u8 *out)
{
	unsigned int v, cost, best = UINT_MAX;
	u8 try[BF_PROT_NREGS];
	struct bf_range r;

	if (!want.len || want.len == size) {
		bf_bp_all_or_none(l, cur, want.len == size, out);
		return true;
	}
	for (v = 0; v < BIT(bf_bp_nbits(l) + 3); v++) {
		if (!bf_bp_candidate(l, cur, v, otp, try))
			continue;
		r = bf_bp_range(l, size, try);
		if (r.start != want.start || r.len != want.len)
			continue;
		cost = (bf_bit(try, l->tb) != bf_bit(cur, l->tb)) +
		       (bf_bit(try, l->sec) != bf_bit(cur, l->sec)) +
		       (bf_bit(try, l->cmp) ? 4 : 0);
		if (cost < best) {
			best = cost;
			memcpy(out, try, BF_PROT_NREGS);
		}
	}
	return best != UINT_MAX;
}

/*
 * Individual lock units (DS-257FV §6.2, §7.1.18): @ind->sector in
 * the first and the last @ind->block, @ind->block elsewhere.
 */
static u32 bf_unit_len(const struct bf_prot_ind *ind, u64 size, u64 addr)
{
	if (addr < ind->block || addr >= size - ind->block)
		return ind->sector;
	return ind->block;
}

static u64 bf_unit_start(const struct bf_prot_ind *ind, u64 size, u64 addr)
{
	return addr & ~(u64)(bf_unit_len(ind, size, addr) - 1);
}

/* Is [@ofs, @ofs + @len) made of whole units? */
static bool bf_units_exact(const struct bf_prot_ind *ind, u64 size, u64 ofs,
			   u64 len)
{
	u64 end = ofs + len;

	return bf_unit_start(ind, size, ofs) == ofs &&
	       !(end & (bf_unit_len(ind, size, end - 1) - 1));
}

/**
 * bf_prot_mode() - how the status registers themselves are protected
 * @l: the chip's protection layout
 * @regs: its registers
 *
 * The status register protection table of DS-128JV and DS-64JV
 * (Documentation/chips.rst, "Status register protection"; FV/GigaDevice
 * call SRL "SRP1"):
 *
 *   SRL  SRP  QE  mode
 *    1    x   x   power-cycle  (the one-time variant reads the same, so
 *                              "permanent" is never claimed from these bits)
 *    0    1   0   hardware     (whether WP# is low cannot be read)
 *    0    1   1   software     (WP# is IO2: DS-257FV §4.3, §7.1.9)
 *    0    0   x   software
 *
 * Return: "software", "hardware" or "power-cycle".
 */
const char *bf_prot_mode(const struct bf_prot_layout *l, const u8 *regs)
{
	if (bf_bit(regs, l->srl))
		return "power-cycle";
	if (bf_bit(regs, l->srp) && !bf_bit(regs, l->qe))
		return "hardware";
	return "software";
}

/*
 * Why a status register write did not take, from the registers before and
 * after it (first row that applies; 0xff was refused when reading):
 *
 *   after                       before      result
 *   protection bits = @want     x           0
 *   every register 0x00         x           -ENXIO   MISO shorted low
 *   x                           OTP change  -EPERM   one-time programmed
 *   x                           SRL = 1     -EBUSY   until power cycle
 *   x                           SRP = 1,    -EACCES  WP# held low
 *                               QE = 0
 *   x                           x           -EIO     supply, wiring, bus
 */
static int bf_prot_classify(const struct bf_prot_layout *l, const u8 *before,
			    const u8 *after, const u8 *want)
{
	if (!bf_prot_differs(l, after, want, 0, BF_PROT_NREGS))
		return 0;
	if (!memchr_inv(after, 0, BF_PROT_NREGS))
		return -ENXIO;
	if (bf_prot_otp_change(l, before, want))
		return -EPERM;
	if (bf_bit(before, l->srl))
		return -EBUSY;
	if (bf_bit(before, l->srp) && !bf_bit(before, l->qe))
		return -EACCES;
	return -EIO;
}

/**
 * bf_prot_format_regs() - the registers as "sr1=0x44 sr2=0x02 sr3=0x60"
 * @l: the chip's protection layout
 * @regs: its registers
 * @buf: destination
 * @size: size of @buf
 *
 * Return: characters written, without the terminating NUL.
 */
int bf_prot_format_regs(const struct bf_prot_layout *l, const u8 *regs,
			char *buf, size_t size)
{
	unsigned int i;
	int n = 0;

	for (i = 0; i < BF_PROT_NREGS && l->regs[i].rd; i++)
		n += scnprintf(buf + n, size - n, "%s%s=0x%02x", i ? " " : "",
			       l->regs[i].name, regs[i]);
	return n;
}

/* ---- register access; the caller holds flash->lock ---- */

/* Register 0 through bf_read_sr1(), which refuses 0xff: a stuck bus. */
static int bf_prot_read(struct bf_flash *flash, u8 *regs)
{
	const struct bf_prot_layout *l = bf_prot_layout(flash);
	unsigned int i;
	int ret;

	memset(regs, 0, BF_PROT_NREGS);
	ret = bf_read_sr1(flash, &regs[0]);
	for (i = 1; !ret && i < BF_PROT_NREGS && l->regs[i].rd; i++) {
		ret = bf_read_reg(flash, l->regs[i].rd, 1);
		regs[i] = flash->cmdbuf[0];
	}
	return ret;
}

/* Writing back a misread could set bits for good: read again, compare. */
static int bf_prot_reread(struct bf_flash *flash, const u8 *regs)
{
	const struct bf_prot_layout *l = bf_prot_layout(flash);
	u8 again[BF_PROT_NREGS];
	unsigned int i;
	int ret;

	ret = bf_prot_read(flash, again);
	for (i = 0; !ret && i < BF_PROT_NREGS; i++) {
		if (!((regs[i] ^ again[i]) & ~l->regs[i].ro))
			continue;
		dev_err(flash->dev, "%s reads 0x%02x, then 0x%02x: unstable bus (wiring, SPI clock too high); nothing written\n",
			l->regs[i].name, regs[i], again[i]);
		return -EIO;
	}
	return ret;
}

/*
 * One status register write: 50h then the write (volatile, no BUSY:
 * DS-128JV §8.2.2, §8.2.5), or WREN, the write and BUSY for tW.
 */
static int bf_prot_wrsr(struct bf_flash *flash, u8 opcode, const u8 *val,
			unsigned int n, bool vol)
{
	struct spi_mem_op op = SPI_MEM_OP(SPI_MEM_OP_CMD(opcode, 1),
					  SPI_MEM_OP_NO_ADDR,
					  SPI_MEM_OP_NO_DUMMY,
					  SPI_MEM_OP_DATA_OUT(n, flash->cmdbuf,
							      1));
	const struct bf_optime *t = &flash->params.wrsr;
	int ret;

	if (vol)
		ret = bf_cmd(flash, BF_OP_VSR_WREN);
	else
		ret = bf_write_enable(flash, t, "status register write", 0);
	if (ret)
		return ret;
	/* after WREN: its SR1 read went through cmdbuf */
	memcpy(flash->cmdbuf, val, n);
	ret = bf_exec(flash, &op);
	if (ret || vol)
		return ret;
	return bf_wait_ready(flash, t, "status register write", 0);
}

/*
 * Write the registers whose protection bits change, each register's
 * read-only and one-way bits as 0.  With BF_PROT_WR_16BIT, 01h carries
 * registers 0 and 1 together (DS-257FV §8.2.5, DS-128JV figure 9b), so QE
 * goes back as read.
 */
static int bf_prot_write(struct bf_flash *flash, const u8 *cur,
			 const u8 *want, bool vol)
{
	const struct bf_prot_layout *l = bf_prot_layout(flash);
	u8 val[BF_PROT_NREGS];
	unsigned int i, n;
	int ret = 0;

	for (i = 0; i < BF_PROT_NREGS; i++)
		val[i] = want[i] & ~(l->regs[i].ro | l->regs[i].one_way);
	for (i = 0; !ret && i < BF_PROT_NREGS; i += n) {
		n = !i && (l->flags & BF_PROT_WR_16BIT) ? 2 : 1;
		if (l->regs[i].wr && bf_prot_differs(l, cur, want, i, n))
			ret = bf_prot_wrsr(flash, l->regs[i].wr, val + i, n,
					   vol);
	}
	return ret;
}

/* The write did not stick although nothing forbids it. */
static void bf_prot_report_stick(struct bf_flash *flash, const u8 *after,
				 const u8 *want)
{
	const struct bf_prot_layout *l = bf_prot_layout(flash);
	unsigned int i;

	for (i = 0; i < BF_PROT_NREGS - 1; i++)
		if (bf_prot_differs(l, after, want, i, 1))
			break;
	dev_err(flash->dev, "status register write did not stick (%s: wrote 0x%02x, read 0x%02x): check the chip's supply voltage, the wiring, and that no chipset drives the bus\n",
		l->regs[i].name,
		want[i] & ~(l->regs[i].ro | l->regs[i].one_way), after[i]);
}

/* One message for the @reason bf_prot_classify() gave; returns @reason. */
static int bf_prot_report(struct bf_flash *flash, int reason,
			  const u8 *before, const u8 *after, const u8 *want)
{
	char regs[BF_PROT_REGS_LEN];

	switch (reason) {
	case 0:
		break;
	case -ENXIO:
		dev_err(flash->dev, "bus stuck: status registers read 0x00 after the write: MISO shorted to ground or the chip unpowered; check VCC and wiring\n");
		break;
	case -EPERM:
		bf_prot_format_regs(bf_prot_layout(flash), before, regs, sizeof(regs));
		dev_err(flash->dev, "permanent protection: the change needs a one-time programmable bit cleared (%s); not possible\n",
			regs);
		break;
	case -EBUSY:
		dev_err(flash->dev, "status registers locked until power cycle (SRL=1): remove power from the chip and retry\n");
		break;
	case -EACCES:
		dev_err(flash->dev, "hardware write protection: SRP=1 and WP# is held low; tie WP# to VCC (or declare wp-gpios) and retry\n");
		break;
	default:
		bf_prot_report_stick(flash, after, want);
	}
	return reason;
}

/*
 * Change the protection bits from @cur to @want; success only once the
 * registers read back show @want.
 */
static int bf_prot_apply(struct bf_flash *flash, const u8 *cur,
			 const u8 *want, bool vol)
{
	const struct bf_prot_layout *l = bf_prot_layout(flash);
	u8 after[BF_PROT_NREGS];
	int ret;

	if (!bf_prot_differs(l, cur, want, 0, BF_PROT_NREGS))
		return 0;
	if (vol && !(l->flags & BF_PROT_VOLATILE)) {
		dev_err(flash->dev, "this chip has no volatile status register write (50h); use \"lock\" or \"unlock\"\n");
		return -EOPNOTSUPP;
	}
	if (bf_prot_otp_change(l, cur, want))
		return bf_prot_report(flash, -EPERM, cur, cur, want);
	ret = bf_prot_reread(flash, cur);
	if (!ret)
		ret = bf_prot_write(flash, cur, want, vol);
	if (!ret)
		ret = bf_prot_read(flash, after);
	if (ret)
		return ret;
	return bf_prot_report(flash, bf_prot_classify(l, cur, after, want),
			      cur, after, want);
}

/* One message for a request the protection scheme cannot express. */
static int bf_prot_inexact(struct bf_flash *flash, const char *what,
			   u64 ofs, u64 len, const char *why)
{
	dev_err(flash->dev, "cannot %s 0x%08llx-0x%08llx exactly: %s\n",
		what, ofs, ofs + len - 1, why);
	return -EINVAL;
}

/* ---- individual locks: register access ---- */

static const struct bf_prot_ind *bf_ind(const struct bf_flash *flash)
{
	return bf_prot_layout(flash)->ind;
}

/*
 * 36h/39h/3Dh take as many address bytes as the chip's address mode
 * (DS-257FV §8.2.48-50); a chip driven with dedicated 4-byte opcodes sits in
 * 3-byte mode, so 4-byte mode is entered around them.
 */
static bool bf_ind_switch(const struct bf_flash *flash)
{
	return !bf_ind(flash)->addr_nbytes && flash->addr_nbytes == 4 &&
	       !flash->en4b;
}

static u8 bf_ind_nbytes(const struct bf_flash *flash)
{
	return bf_ind(flash)->addr_nbytes ?: flash->addr_nbytes;
}

static int bf_ind_begin(struct bf_flash *flash)
{
	/* the lock commands are ignored while BUSY (DS-257FV §8) */
	int ret = bf_wait_ready(flash, &flash->params.wrsr, "lock bit access",
				0);

	if (ret)
		return ret;
	return bf_ind_switch(flash) ? bf_switch_4b(flash, true) :
				      bf_enter_4b(flash);
}

static int bf_ind_end(struct bf_flash *flash)
{
	return bf_ind_switch(flash) ? bf_switch_4b(flash, false) : 0;
}

static int bf_ind_read1(struct bf_flash *flash, u8 opcode, u32 addr,
			bool *locked)
{
	struct spi_mem_op op = SPI_MEM_OP(SPI_MEM_OP_CMD(opcode, 1),
					  SPI_MEM_OP_ADDR(bf_ind_nbytes(flash),
							  addr, 1),
					  SPI_MEM_OP_NO_DUMMY,
					  SPI_MEM_OP_DATA_IN(1, flash->cmdbuf,
							     1));
	int ret = bf_exec(flash, &op);

	/* LSB = 1: locked (DS-257FV §8.2.50; Macronix FFh, unverified) */
	*locked = flash->cmdbuf[0] & 1;
	return ret;
}

/* Lock state of the unit at @addr: BF_LOCK_DYN, BF_LOCK_SOLID. */
static int bf_ind_read(struct bf_flash *flash, u32 addr, u8 *state)
{
	const struct bf_prot_ind *ind = bf_ind(flash);
	bool dyn, solid = false;
	int ret;

	ret = bf_ind_read1(flash, ind->rd, addr, &dyn);
	if (!ret && ind->rd_solid)
		ret = bf_ind_read1(flash, ind->rd_solid, addr, &solid);
	*state = (dyn ? BF_LOCK_DYN : 0) | (solid ? BF_LOCK_SOLID : 0);
	return ret;
}

/*
 * WREN, then 36h/39h (Winbond) or E1h + FFh/00h (Macronix).  Winbond lock
 * bits are volatile and not busy; the Macronix DPB time is unverified, so
 * BUSY is polled after every write (one status read when idle).
 */
static int bf_ind_write(struct bf_flash *flash, u32 addr, bool lock)
{
	const struct bf_prot_ind *ind = bf_ind(flash);
	const struct bf_optime *t = &flash->params.wrsr;
	struct spi_mem_op op =
		SPI_MEM_OP(SPI_MEM_OP_CMD(lock ? ind->lock : ind->unlock, 1),
			   SPI_MEM_OP_ADDR(bf_ind_nbytes(flash), addr, 1),
			   SPI_MEM_OP_NO_DUMMY,
			   SPI_MEM_OP_DATA_OUT(1, flash->cmdbuf, 1));
	int ret;

	if (!ind->data)
		memset(&op.data, 0, sizeof(op.data));	/* SPI_MEM_NO_DATA */
	ret = bf_write_enable(flash, t, "lock bit write", addr);
	if (ret)
		return ret;
	flash->cmdbuf[0] = lock ? 0xff : 0x00;
	ret = bf_exec(flash, &op);
	return ret ?: bf_wait_ready(flash, t, "lock bit write", addr);
}

/* 7Eh/98h, after WREN (DS-128JV §8.2.35-36). */
static int bf_ind_global(struct bf_flash *flash, bool lock)
{
	const struct bf_prot_ind *ind = bf_ind(flash);
	const struct bf_optime *t = &flash->params.wrsr;
	int ret;

	ret = bf_write_enable(flash, t, "global lock bit write", 0);
	if (!ret)
		ret = bf_cmd(flash, lock ? ind->glock : ind->gunlock);
	return ret ?: bf_wait_ready(flash, t, "global lock bit write", 0);
}

/*
 * The first run of units in [@ofs, @ofs + @len) that are locked (@locked)
 * or unlocked, in whole units; *@state is its first unit's lock state.
 */
static int bf_ind_find_state(struct bf_flash *flash, u64 ofs, u64 len,
			     bool locked, struct bf_range *run, u8 *state)
{
	const struct bf_prot_ind *ind = bf_ind(flash);
	u64 size = flash->params.size, end = ofs + len, a;
	u32 unit;
	u8 st;
	int ret;

	*run = (struct bf_range){ 0, 0 };
	for (a = bf_unit_start(ind, size, ofs); a < end; a += unit) {
		unit = bf_unit_len(ind, size, a);
		ret = bf_ind_read(flash, a, &st);
		if (ret)
			return ret;
		if (!!st != locked) {
			if (run->len)
				break;
			continue;
		}
		if (!run->len) {
			run->start = a;
			*state = st;
		}
		run->len = a + unit - run->start;
	}
	return 0;
}

/* After a change: the first unit that did not take, explained once. */
static int bf_ind_verify(struct bf_flash *flash, u64 ofs, u64 len,
			 bool lock)
{
	struct bf_range run;
	u8 st = 0;
	int ret;

	ret = bf_ind_find_state(flash, ofs, len, !lock, &run, &st);
	if (ret || !run.len)
		return ret;
	if (!lock && (st & BF_LOCK_SOLID)) {
		dev_err(flash->dev, "permanent protection: 0x%08llx-0x%08llx stays locked by its solid protection bits (SPB, non-volatile), which this driver does not erase\n",
			run.start, run.start + run.len - 1);
		return -EPERM;
	}
	dev_err(flash->dev, "individual %s of 0x%08llx-0x%08llx did not stick (lock bits read back %s): check the chip's supply voltage, the wiring, and that no chipset drives the bus\n",
		lock ? "lock" : "unlock", run.start, run.start + run.len - 1,
		lock ? "unlocked" : "locked");
	return -EIO;
}

/* Unit by unit, skipping those already in the requested state. */
static int bf_ind_units(struct bf_flash *flash, u64 ofs, u64 len, bool lock)
{
	const struct bf_prot_ind *ind = bf_ind(flash);
	u64 size = flash->params.size, a;
	int ret = 0;
	u8 st;

	for (a = ofs; !ret && a < ofs + len; a += bf_unit_len(ind, size, a)) {
		ret = bf_ind_read(flash, a, &st);
		if (!ret && !!(st & BF_LOCK_DYN) != lock)
			ret = bf_ind_write(flash, a, lock);
	}
	return ret;
}

/* Lock or unlock every unit of [@ofs, @ofs + @len), then read back. */
static int bf_ind_change(struct bf_flash *flash, u64 ofs, u64 len, bool lock)
{
	int ret;

	if (!ofs && len == flash->params.size)
		ret = bf_ind_global(flash, lock);
	else
		ret = bf_ind_units(flash, ofs, len, lock);
	return ret ?: bf_ind_verify(flash, ofs, len, lock);
}

/* ---- algorithms: BP/TB/SEC/CMP ---- */

static int bf_bp_find(struct bf_flash *flash, const u8 *regs, u64 ofs,
		      u64 len, struct bf_range *run)
{
	struct bf_range r = bf_bp_range(bf_prot_layout(flash), flash->params.size,
					regs);

	*run = bf_range_overlaps(r, ofs, len) ? r : (struct bf_range){ 0, 0 };
	return 0;
}

static const char bf_bp_inexact[] =
	"the block protection bits (BP/TB/SEC/CMP) cannot express the result";

/* Non-volatile change to @want; a one-time TB is never touched. */
static int bf_bp_change(struct bf_flash *flash, const u8 *regs,
			struct bf_range want, const char *what, u64 ofs,
			u64 len)
{
	const struct bf_prot_layout *l = bf_prot_layout(flash);
	u64 size = flash->params.size;
	u8 new[BF_PROT_NREGS];

	if (bf_bp_encode(l, size, regs, want, false, new))
		return bf_prot_apply(flash, regs, new, false);
	if (!bf_bp_encode(l, size, regs, want, true, new))
		return bf_prot_inexact(flash, what, ofs, len, bf_bp_inexact);
	dev_err(flash->dev, "permanent protection: to %s 0x%08llx-0x%08llx the one-time programmable TB bit would have to change; not done\n",
		what, ofs, ofs + len - 1);
	return -EPERM;
}

/*
 * Lock: protected afterwards = protected now + the request, which must be
 * expressible exactly; nothing protected now is ever unprotected.
 */
static int bf_bp_lock(struct bf_flash *flash, const u8 *regs, u64 ofs,
		      u64 len)
{
	struct bf_range have = bf_bp_range(bf_prot_layout(flash),
					   flash->params.size, regs), want;

	if (bf_range_covers(have, ofs, len))
		return 0;
	if (!bf_range_add(have, ofs, len, &want))
		return bf_prot_inexact(flash, "lock", ofs, len, bf_bp_inexact);
	return bf_bp_change(flash, regs, want, "lock", ofs, len);
}

/*
 * Unlock: protected afterwards = protected now - the request, which must
 * be expressible exactly; nothing unprotected now is ever protected.
 */
static int bf_bp_unlock(struct bf_flash *flash, const u8 *regs, u64 ofs,
			u64 len)
{
	struct bf_range have = bf_bp_range(bf_prot_layout(flash),
					   flash->params.size, regs), want;

	if (!bf_range_overlaps(have, ofs, len))
		return 0;
	if (!bf_range_sub(have, ofs, len, &want))
		return bf_prot_inexact(flash, "unlock", ofs, len,
				       bf_bp_inexact);
	return bf_bp_change(flash, regs, want, "unlock", ofs, len);
}

static int bf_bp_is_locked(struct bf_flash *flash, const u8 *regs, u64 ofs,
			   u64 len)
{
	return bf_range_covers(bf_bp_range(bf_prot_layout(flash),
					   flash->params.size, regs),
			       ofs, len);
}

/* sysfs, block protection scheme; "volatile" is the same through 50h. */
static int bf_bp_set(struct bf_flash *flash, const u8 *regs, bool lock,
		     bool vol)
{
	u8 want[BF_PROT_NREGS];

	bf_bp_all_or_none(bf_prot_layout(flash), regs, lock, want);
	return bf_prot_apply(flash, regs, want, vol);
}

/* ---- algorithms: individual locks ---- */

static int bf_ind_find(struct bf_flash *flash, const u8 *regs, u64 ofs,
		       u64 len, struct bf_range *run)
{
	u8 st;

	return bf_ind_find_state(flash, ofs, len, true, run, &st);
}

static int bf_ind_range(struct bf_flash *flash, u64 ofs, u64 len, bool lock)
{
	if (bf_units_exact(bf_ind(flash), flash->params.size, ofs, len))
		return bf_ind_change(flash, ofs, len, lock);
	return bf_prot_inexact(flash, lock ? "lock" : "unlock", ofs, len,
			       "individual locks cover whole 64 KiB blocks (4 KiB sectors in the first and last block)");
}

static int bf_ind_lock(struct bf_flash *flash, const u8 *regs, u64 ofs,
		       u64 len)
{
	return bf_ind_range(flash, ofs, len, true);
}

static int bf_ind_unlock(struct bf_flash *flash, const u8 *regs, u64 ofs,
			 u64 len)
{
	return bf_ind_range(flash, ofs, len, false);
}

static int bf_ind_is_locked(struct bf_flash *flash, const u8 *regs, u64 ofs,
			    u64 len)
{
	struct bf_range run;
	u8 st;
	int ret;

	ret = bf_ind_find_state(flash, ofs, len, false, &run, &st);
	return ret ?: !run.len;
}

/*
 * sysfs, individual lock scheme: the lock bits are volatile and WPS = 1
 * sets them all at power-up (DS-257FV §6.2, §7.1.18; DS-128JV §7.1.10), so
 * "volatile" changes nothing:
 *
 *   request   command                 after a power cycle
 *   lock      global lock (7Eh)       all locked again, as requested
 *   unlock    global unlock (98h)     all locked again
 *
 * Unlocking for good means WPS = 0, a change of scheme left to the user.
 * BP/CMP are left alone: they protect nothing while WPS = 1.  A Macronix
 * unit kept locked by its SPB fails the read-back with -EPERM.
 */
static int bf_ind_set(struct bf_flash *flash, const u8 *regs, bool lock,
		      bool vol)
{
	return bf_ind_change(flash, 0, flash->params.size, lock);
}

/* ---- algorithms: SST26 block-protection register ---- */

#define BF_BPR_MAX		34	/* bytes: 128 Mbit, 256 + 16 bits */
#define BF_BPR_PARAM		SZ_8K	/* parameter blocks, four each end */
#define BF_BPR_HALF		SZ_32K	/* the block next to them */

/*
 * The register as RBPR (72h) sends it, most significant bit first:
 * bits 0 .. n - 1 (n = size / 64 KiB - 2) write-lock the 64 KiB blocks
 * from 0x10000 up, bit n the bottom 32 KiB block, n + 1 the top one, then
 * two bits per 8 KiB parameter block, the bottom four first: write lock,
 * read lock.  SST26VF064B: 144 bits (DS20005119 Table 5-6).
 */
static unsigned int bf_bpr_nbits(u64 size)
{
	return (size >> 16) + 16;
}

static unsigned int bf_bpr_len(u64 size)
{
	return DIV_ROUND_UP(bf_bpr_nbits(size), 8);
}

static bool bf_bpr_get(const u8 *bpr, u64 size, unsigned int bit)
{
	return bpr[(bf_bpr_nbits(size) - 1 - bit) / 8] & BIT(bit % 8);
}

static void bf_bpr_put(u8 *bpr, u64 size, unsigned int bit, bool on)
{
	u8 *b = &bpr[(bf_bpr_nbits(size) - 1 - bit) / 8];

	*b = on ? *b | BIT(bit % 8) : *b & ~BIT(bit % 8);
}

/* The unit (8, 32 or 64 KiB block) that holds @addr: start, length. */
static u32 bf_bpr_unit(u64 size, u64 addr, u64 *start)
{
	u32 len = SZ_64K;

	if (addr < BF_BPR_HALF || addr >= size - BF_BPR_HALF)
		len = BF_BPR_PARAM;
	else if (addr < SZ_64K || addr >= size - SZ_64K)
		len = BF_BPR_HALF;
	*start = addr & ~(u64)(len - 1);
	return len;
}

/* The write-lock bit of the unit that starts at @start; +1: its read lock */
static unsigned int bf_bpr_bit(u64 size, u64 start)
{
	unsigned int n = (size >> 16) - 2;

	if (start < BF_BPR_HALF)
		return n + 2 + 2 * (start >> 13);
	if (start >= size - BF_BPR_HALF)
		return n + 10 + 2 * ((start - (size - BF_BPR_HALF)) >> 13);
	if (start < SZ_64K)
		return n;
	if (start >= size - SZ_64K)
		return n + 1;
	return (start >> 16) - 1;
}

/* Do @ofs and @end fall on unit boundaries? */
static bool bf_bpr_exact(u64 size, u64 ofs, u64 end)
{
	u64 start;

	bf_bpr_unit(size, ofs, &start);
	if (start != ofs)
		return false;
	if (end >= size)
		return true;
	bf_bpr_unit(size, end, &start);
	return start == end;
}

static int bf_bpr_read(struct bf_flash *flash, u8 *bpr)
{
	unsigned int len = bf_bpr_len(flash->params.size);
	int ret;

	if (len > BF_BPR_MAX) {
		dev_err(flash->dev, "block-protection register of %u bytes is larger than this driver reads\n",
			len);
		return -EOPNOTSUPP;
	}
	ret = bf_read_reg(flash, BF_OP_RBPR, len);
	if (!ret)
		memcpy(bpr, flash->cmdbuf, len);
	return ret;
}

/* WREN, then 42h with the whole register, or 98h to clear every lock */
static int bf_bpr_write(struct bf_flash *flash, const u8 *bpr)
{
	unsigned int len = bf_bpr_len(flash->params.size);
	struct spi_mem_op op = SPI_MEM_OP(SPI_MEM_OP_CMD(BF_OP_WBPR, 1),
					  SPI_MEM_OP_NO_ADDR,
					  SPI_MEM_OP_NO_DUMMY,
					  SPI_MEM_OP_DATA_OUT(len, flash->cmdbuf,
							      1));
	const struct bf_optime *t = &flash->params.wrsr;
	int ret;

	ret = bf_write_enable(flash, t, "block-protection register write", 0);
	if (ret)
		return ret;
	if (bpr) {
		memcpy(flash->cmdbuf, bpr, len);
		ret = bf_exec(flash, &op);
	} else {
		ret = bf_cmd(flash, BF_OP_GLOBAL_UNLOCK);
	}
	return ret ?: bf_wait_ready(flash, t,
				    "block-protection register write", 0);
}

/* First run of write-locked units in [@ofs, @ofs + @len), whole units. */
static void bf_bpr_run(const u8 *bpr, u64 size, u64 ofs, u64 len,
		       bool locked, struct bf_range *run)
{
	u64 a, start, end = ofs + len;
	u32 unit;

	*run = (struct bf_range){ 0, 0 };
	for (a = ofs; a < end; a = start + unit) {
		unit = bf_bpr_unit(size, a, &start);
		if (bf_bpr_get(bpr, size, bf_bpr_bit(size, start)) != locked) {
			if (run->len)
				break;
			continue;
		}
		if (!run->len)
			run->start = start;
		run->len = start + unit - run->start;
	}
}

static int bf_bpr_find(struct bf_flash *flash, const u8 *regs, u64 ofs,
		       u64 len, struct bf_range *run)
{
	u8 bpr[BF_BPR_MAX];
	int ret;

	ret = bf_bpr_read(flash, bpr);
	if (!ret)
		bf_bpr_run(bpr, flash->params.size, ofs, len, true, run);
	return ret;
}

/*
 * After a write: the registers as wanted, or why not (first row that
 * applies; CR is register 1):
 *
 *   BPR read back   CR           result
 *   as wanted       x            0
 *   other           BPNV = 0     -EPERM   a block is locked down for good
 *   other           WPEN = 1     -EACCES  WP# held low
 *   other           x            -EIO     supply, wiring, bus
 */
static int bf_bpr_verify(struct bf_flash *flash, const u8 *regs,
			 const u8 *want, const char *what)
{
	unsigned int len = bf_bpr_len(flash->params.size);
	u8 got[BF_BPR_MAX];
	int ret;

	ret = bf_bpr_read(flash, got);
	if (ret || !memcmp(got, want, len))
		return ret;
	if (!(regs[1] & BF_SST26_CR_BPNV)) {
		dev_err(flash->dev, "permanent protection: %s did not take and a block is locked down for good (cr=0x%02x, BPNV = 0); not possible\n",
			what, regs[1]);
		return -EPERM;
	}
	if (regs[1] & BF_SST26_CR_WPEN) {
		dev_err(flash->dev, "hardware write protection: %s did not take, WPEN = 1 and WP# is held low; tie WP# to VCC (or declare wp-gpios) and retry\n",
			what);
		return -EACCES;
	}
	dev_err(flash->dev, "block-protection register %s did not stick: check the chip's supply voltage, the wiring, and that no chipset drives the bus\n",
		what);
	return -EIO;
}

/* Set or clear the write locks of [@ofs, @ofs + @len), whole units. */
static int bf_bpr_change(struct bf_flash *flash, const u8 *regs, u64 ofs,
			 u64 len, bool lock)
{
	u64 size = flash->params.size, a, start, end = ofs + len;
	const char *what = lock ? "lock" : "unlock";
	u8 bpr[BF_BPR_MAX], want[BF_BPR_MAX];
	unsigned int bit;
	u32 unit;
	int ret;

	if (!bf_bpr_exact(size, ofs, end))
		return bf_prot_inexact(flash, what, ofs, len,
				       "block locks cover whole blocks (8 KiB and 32 KiB at each end, 64 KiB elsewhere)");
	ret = bf_bpr_read(flash, bpr);
	if (ret)
		return ret;
	memcpy(want, bpr, sizeof(want));
	for (a = ofs; a < end; a = start + unit) {
		unit = bf_bpr_unit(size, a, &start);
		bit = bf_bpr_bit(size, start);
		bf_bpr_put(want, size, bit, lock);
		if (!lock && unit == BF_BPR_PARAM)
			bf_bpr_put(want, size, bit + 1, false);
	}
	if (!memcmp(want, bpr, bf_bpr_len(size)))
		return 0;
	if (!lock && !memchr_inv(want, 0, bf_bpr_len(size)))
		ret = bf_bpr_write(flash, NULL);
	else
		ret = bf_bpr_write(flash, want);
	return ret ?: bf_bpr_verify(flash, regs, want, what);
}

static int bf_bpr_lock(struct bf_flash *flash, const u8 *regs, u64 ofs,
		       u64 len)
{
	return bf_bpr_change(flash, regs, ofs, len, true);
}

static int bf_bpr_unlock(struct bf_flash *flash, const u8 *regs, u64 ofs,
			 u64 len)
{
	return bf_bpr_change(flash, regs, ofs, len, false);
}

static int bf_bpr_is_locked(struct bf_flash *flash, const u8 *regs, u64 ofs,
			    u64 len)
{
	struct bf_range run;
	u8 bpr[BF_BPR_MAX];
	int ret;

	ret = bf_bpr_read(flash, bpr);
	if (ret)
		return ret;
	bf_bpr_run(bpr, flash->params.size, ofs, len, false, &run);
	return !run.len;
}

/*
 * sysfs: the register is volatile and every block write-locked after
 * power-up (DS20005119 §4.1), so "volatile" changes nothing:
 *
 *   request   command                          read locks
 *   lock      42h, every write-lock bit set    as they are
 *   unlock    98h (global unlock)              cleared
 *
 * The lock-down command is never sent.
 */
static int bf_bpr_set(struct bf_flash *flash, const u8 *regs, bool lock,
		      bool vol)
{
	return bf_bpr_change(flash, regs, 0, flash->params.size, lock);
}

/* ---- ops tables ---- */

static const struct bf_prot_ops bf_bp_ops = {
	.find = bf_bp_find,
	.lock = bf_bp_lock,
	.unlock = bf_bp_unlock,
	.is_locked = bf_bp_is_locked,
	.set = bf_bp_set,
};

static const struct bf_prot_ops bf_ind_ops = {
	.begin = bf_ind_begin,
	.end = bf_ind_end,
	.find = bf_ind_find,
	.lock = bf_ind_lock,
	.unlock = bf_ind_unlock,
	.is_locked = bf_ind_is_locked,
	.set = bf_ind_set,
};

static const struct bf_prot_ops bf_bpr_ops = {
	.find = bf_bpr_find,
	.lock = bf_bpr_lock,
	.unlock = bf_bpr_unlock,
	.is_locked = bf_bpr_is_locked,
	.set = bf_bpr_set,
};

/* ---- wrappers; flash->lock held from enter to leave ---- */

/* Read the registers and pick the scheme they select (WPS). */
static int bf_prot_enter(struct bf_flash *flash, u8 *regs,
			 const struct bf_prot_ops **ops)
{
	const struct bf_prot_layout *l = bf_prot_layout(flash);
	int ret = bf_prot_read(flash, regs);

	if (ret)
		return ret;
	if (l->flags & BF_PROT_BPR)
		*ops = &bf_bpr_ops;
	else if (l->ind && bf_bit(regs, l->wps))
		*ops = &bf_ind_ops;
	else
		*ops = &bf_bp_ops;
	return (*ops)->begin ? (*ops)->begin(flash) : 0;
}

/*
 * After a failure the chip may stay in 4-byte mode: harmless with
 * dedicated 4-byte opcodes, and the soft reset at unbind restores it.
 */
static int bf_prot_leave(struct bf_flash *flash,
			 const struct bf_prot_ops *ops, int ret)
{
	bf_wp_release(flash, false);
	if (ret || !ops->end)
		return ret;
	return ops->end(flash);
}

/* as bf_prot_enter(), for a change: voltage check, WP# released */
static int bf_prot_enter_change(struct bf_flash *flash, u8 *regs,
				const struct bf_prot_ops **ops,
				const char *what)
{
	int ret = bf_voltage_check(flash, what);

	if (!ret)
		ret = bf_prot_enter(flash, regs, ops);
	if (!ret)
		bf_wp_release(flash, true);
	return ret;
}

/* MTD lock/unlock: one locked sequence, the direction picks the algorithm */
static int bf_prot_mtd_change(struct mtd_info *mtd, loff_t ofs, u64 len,
			      bool lock)
{
	struct bf_flash *flash = to_bf_flash(mtd);
	const struct bf_prot_ops *ops;
	u8 regs[BF_PROT_NREGS];
	int ret;

	ret = bf_lock(flash, NULL);
	if (ret)
		return ret;
	ret = bf_prot_enter_change(flash, regs, &ops, lock ? "lock" : "unlock");
	if (!ret)
		ret = bf_prot_leave(flash, ops, lock ?
				    ops->lock(flash, regs, ofs, len) :
				    ops->unlock(flash, regs, ofs, len));
	mutex_unlock(&flash->lock);
	return ret;
}

static int bf_prot_mtd_lock(struct mtd_info *mtd, loff_t ofs, u64 len)
{
	return bf_prot_mtd_change(mtd, ofs, len, true);
}

static int bf_prot_mtd_unlock(struct mtd_info *mtd, loff_t ofs, u64 len)
{
	return bf_prot_mtd_change(mtd, ofs, len, false);
}

static int bf_prot_mtd_is_locked(struct mtd_info *mtd, loff_t ofs, u64 len)
{
	struct bf_flash *flash = to_bf_flash(mtd);
	const struct bf_prot_ops *ops;
	u8 regs[BF_PROT_NREGS];
	int ret;

	ret = bf_lock(flash, NULL);
	if (ret)
		return ret;
	ret = bf_prot_enter(flash, regs, &ops);
	if (!ret)
		ret = bf_prot_leave(flash, ops,
				    ops->is_locked(flash, regs, ofs, len));
	mutex_unlock(&flash->lock);
	return ret;
}

/**
 * bf_prot_init() - install the MTD lock operations if the chip has a layout
 * @flash: the programmer, identified, before MTD registration
 *
 * Nothing is read or written: probe leaves the protection as it is.
 */
void bf_prot_init(struct bf_flash *flash)
{
	struct mtd_info *mtd = &flash->mtd;

	if (!bf_prot_layout(flash))
		return;
	mtd->_lock = bf_prot_mtd_lock;
	mtd->_unlock = bf_prot_mtd_unlock;
	mtd->_is_locked = bf_prot_mtd_is_locked;
}

/* Where [@addr, @addr + @len) is protected now, in @hit (empty if nowhere). */
static int bf_prot_find(struct bf_flash *flash, u64 addr, u64 len,
			struct bf_range *hit, u8 *regs, const char **how)
{
	const struct bf_prot_ops *ops = NULL;
	int ret;

	ret = bf_prot_enter(flash, regs, &ops);
	if (!ret)
		ret = bf_prot_leave(flash, ops,
				    ops->find(flash, regs, addr, len, hit));
	*how = ops == &bf_ind_ops ? ", individual locks" :
	       ops == &bf_bpr_ops ? ", block-protection register" : "";
	return ret;
}

/**
 * bf_prot_check() - refuse an erase or write that touches a protected range
 * @flash: the programmer
 * @addr: first byte of the operation
 * @len: its length
 * @what: "erase" or "write", for the message
 *
 * The chip ignores such an operation without any error (DS-257FV §7.1.16
 * note 2), so the registers are read again before every operation: the
 * board, a power cycle or another tool may have changed them.
 *
 * Context: @flash->lock held, after bf_prepare().
 * Return: 0, -EROFS with one message naming the range and the way out, or
 * a bus error (already reported).
 */
int bf_prot_check(struct bf_flash *flash, u64 addr, u64 len,
		  const char *what)
{
	const struct bf_prot_layout *l = bf_prot_layout(flash);
	char regs_str[BF_PROT_REGS_LEN];
	u8 regs[BF_PROT_NREGS];
	struct bf_range hit = { 0, 0 };
	const char *how = "";
	int ret;

	if (!l || !len)
		return 0;
	ret = bf_prot_find(flash, addr, len, &hit, regs, &how);
	if (ret || !hit.len)
		return ret;
	bf_prot_format_regs(l, regs, regs_str, sizeof(regs_str));
	dev_err(flash->dev, "%s of 0x%08llx-0x%08llx refused: 0x%08llx-0x%08llx is write-protected (%s%s): echo unlock > /sys/class/mtd/%s/protect\n",
		what, addr, addr + len - 1, hit.start, hit.start + hit.len - 1,
		regs_str, how,
		dev_name(&flash->mtd.dev));
	return -EROFS;
}

/**
 * bf_prot_recheck() - is the range of a finished write or erase still open?
 * @flash: the programmer, after bf_prot_check() allowed the operation
 * @addr: start of the range
 * @len: its length
 * @what: "write" or "erase"
 *
 * bf_prot_check() allowed the range before the operation; if it is
 * protected now, the protection was set during it (a power cycle) and the
 * chip ignored what came after, silently.
 *
 * Context: @flash->lock held.
 * Return: 0, -EIO (with one message) if the range is protected now, or a
 * bus error (already reported).
 */
int bf_prot_recheck(struct bf_flash *flash, u64 addr, u64 len,
		    const char *what)
{
	const struct bf_prot_layout *l = bf_prot_layout(flash);
	char regs_str[BF_PROT_REGS_LEN];
	u8 regs[BF_PROT_NREGS];
	struct bf_range hit = { 0, 0 };
	const char *how = "";
	int ret;

	if (!l || !len)
		return 0;
	ret = bf_prot_find(flash, addr, len, &hit, regs, &how);
	if (ret || !hit.len)
		return ret;
	bf_prot_format_regs(l, regs, regs_str, sizeof(regs_str));
	dev_err(flash->dev, "%s of 0x%08llx-0x%08llx failed: 0x%08llx-0x%08llx became write-protected during it (%s%s), so the chip ignored it there: the chip was power-cycled (board power, supply); check the supply, unlock and %s again\n",
		what, addr, addr + len - 1, hit.start, hit.start + hit.len - 1,
		regs_str, how, what);
	return -EIO;
}

/**
 * bf_prot_set() - the sysfs "lock"/"unlock" [volatile] request
 * @flash: the programmer, with a protection layout
 * @lock: protect the whole chip (true) or nothing (false)
 * @vol: until the next power cycle only (Winbond 50h, individual locks)
 *
 * Return: 0 once the registers read back show the request; otherwise one
 * of the errnos documented for the protect file, already reported.
 */
int bf_prot_set(struct bf_flash *flash, bool lock, bool vol)
{
	const struct bf_prot_ops *ops;
	u8 regs[BF_PROT_NREGS];
	int ret;

	ret = bf_lock(flash, NULL);
	if (ret)
		return ret;
	ret = bf_prot_enter_change(flash, regs, &ops, lock ? "lock" : "unlock");
	if (!ret)
		ret = bf_prot_leave(flash, ops,
				    ops->set(flash, regs, lock, vol));
	mutex_unlock(&flash->lock);
	return ret;
}

static int bf_prot_walk(struct bf_flash *flash, const struct bf_prot_ops *ops,
			const u8 *regs, bf_prot_range_fn fn, void *arg)
{
	u64 pos = 0, size = flash->params.size;
	struct bf_range run;
	int ret = 0;

	while (!ret && pos < size) {
		ret = ops->find(flash, regs, pos, size - pos, &run);
		if (ret || !run.len)
			break;
		ret = fn(arg, run.start, run.len);
		pos = run.start + run.len;
	}
	return min(ret, 0);
}

/**
 * bf_prot_ranges() - call @fn for each protected range, lowest first
 * @flash: the programmer, with a protection layout
 * @fn: called with @arg, start and length; a positive return stops early
 * @arg: for @fn
 *
 * Context: takes @flash->lock; @fn runs with it held.
 * Return: 0, a negative errno from @fn, or a bus error (already reported).
 */
int bf_prot_ranges(struct bf_flash *flash, bf_prot_range_fn fn, void *arg)
{
	const struct bf_prot_ops *ops;
	u8 regs[BF_PROT_NREGS];
	int ret;

	ret = bf_lock(flash, NULL);
	if (ret)
		return ret;
	ret = bf_prot_enter(flash, regs, &ops);
	if (!ret)
		ret = bf_prot_leave(flash, ops,
				    bf_prot_walk(flash, ops, regs, fn, arg));
	mutex_unlock(&flash->lock);
	return ret;
}

/**
 * bf_prot_regs() - read the registers the protection state comes from
 * @flash: the programmer, with a protection layout
 * @regs: BF_PROT_NREGS bytes, unused registers 0
 *
 * Context: takes @flash->lock.
 * Return: 0 or a negative errno, already reported.
 */
int bf_prot_regs(struct bf_flash *flash, u8 *regs)
{
	int ret;

	ret = mutex_lock_killable(&flash->lock);
	if (ret)
		return ret;
	ret = flash->gone ? -ENODEV : bf_prot_read(flash, regs);
	mutex_unlock(&flash->lock);
	return ret;
}
