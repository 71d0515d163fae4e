// SPDX-License-Identifier: GPL-2.0
/*
 * flashsim opcode tables, one per command-set family, and their handlers.
 *
 * Each entry describes the phases of one instruction (address width and
 * lines, dummy clocks, data lines) and the handlers for its data phase and
 * for the moment CS# rises, where writes take effect.  The engine in
 * flashsim-chip.c has already checked BUSY, power-down and the bus widths.
 * The Winbond W25Q table comes first; the Macronix and GigaDevice tables
 * reuse its handlers and add the few their family alone has.
 *
 * Sources: DS-257FV = Winbond W25Q257FV datasheet (revision of
 * 2015-11-13), DS-128JV = W25Q128JV datasheet Rev M (2024-12-24).  The 1.8 V
 * W25Q256JW datasheet was not available: behaviour is taken from those
 * siblings; "MEM" marks facts from memory, not verified.  No Macronix or
 * GigaDevice datasheet was read: their tables follow flashrom (FR:
 * include/flashchips.h, flashchips/macronix.c and gigadevice.c), ufprog (UF:
 * flash/spi-nor/vendor-macronix.c, vendor-gigadevice.c) and the real
 * Macronix SFDP dump (A. Sverdlin, LKML 2022-05); everything else is marked
 * unverified.  All tags: Documentation/chips.rst, "Sources".
 */
#include <linux/kernel.h>
#include <linux/sizes.h>
#include <linux/string.h>

#include "flashsim.h"

/* ---- data out ---- */

static u8 fs_out_sr(struct flashsim_chip *chip, u32 idx)
{
	const struct flashsim_bit *busy = &chip->prof->sr->busy;
	u32 reg = chip->cmd.op->arg;
	/* DS-257FV §8.2 (05h): shifted out again and again while CS# is low */
	u8 val = flashsim_sr_read(chip, reg);

	/* The host now sees BUSY = 0: the last operation's end is observed */
	if (busy->reg == reg && !(val & busy->mask))
		chip->op_unseen = false;
	return val;
}

static u8 fs_out_array(struct flashsim_chip *chip, u32 idx)
{
	/* DS-257FV §8.2.10: the address auto-increments, wraps at the end */
	return chip->array[(chip->cmd.addr + idx) & (chip->prof->size - 1)];
}

static u8 fs_out_jedec(struct flashsim_chip *chip, u32 idx)
{
	const struct flashsim_profile *prof = chip->prof;

	/* Micron/Spansion: the ID goes on (MU-N25Q256 Table 21; SP-FLS) */
	if (prof->id_ext_len && idx >= 3)
		return idx - 3 < prof->id_ext_len ? prof->id_ext[idx - 3] : 0xff;
	/* Bytes after the third: in no datasheet read, repeated here */
	return chip->id[idx % 3];
}

static u8 fs_out_rems(struct flashsim_chip *chip, u32 idx)
{
	/* DS-257FV §8.2 (90h): A0 = 0 gives EFh first, A0 = 1 the dev ID */
	if ((idx + chip->cmd.addr) & 1)
		return chip->prof->dev_id;
	return chip->id[0];
}

static u8 fs_out_devid(struct flashsim_chip *chip, u32 idx)
{
	/* DS-257FV §8.2 (ABh): device ID after 3 dummy bytes, repeated */
	return chip->prof->dev_id;
}

static u8 fs_out_uid(struct flashsim_chip *chip, u32 idx)
{
	/* DS-257FV §8.2.38: 64-bit ID; bytes past the 8th: FFh (MEM) */
	return idx < sizeof(chip->uid) ? chip->uid[idx] : 0xff;
}

static u8 fs_out_sfdp(struct flashsim_chip *chip, u32 idx)
{
	/* DS-257FV §8.2.40: 256-byte space; past the table reads FFh */
	u32 a = chip->cmd.addr + idx;

	return chip->prof->sfdp && a < chip->prof->sfdp_len ?
	       chip->prof->sfdp[a] : 0xff;
}

static u8 fs_out_ear(struct flashsim_chip *chip, u32 idx)
{
	/* DS-257FV §8.2.6 */
	return chip->ear;
}

static u8 fs_out_lock(struct flashsim_chip *chip, u32 idx)
{
	/* DS-257FV §8.2.50: LSB = 1 locked; other bits 0 (unverified) */
	return flashsim_lock_test(chip, chip->cmd.addr);
}

/*
 * Security register n (1..count) sits at n * stride, 256 bytes, A7-0 the
 * byte; other address bits must be 0 (DS-257FV §8.2.41).  Returns 0 for an
 * address outside every register.
 */
static unsigned int fs_secreg_index(const struct flashsim_chip *chip)
{
	const struct flashsim_profile *prof = chip->prof;
	u32 n = chip->cmd.addr / prof->secreg_stride;
	u32 off = chip->cmd.addr % prof->secreg_stride;

	if (!n || n > prof->secreg_count || off >= prof->secreg_size)
		return 0;
	return n;
}

static u8 *fs_secreg(struct flashsim_chip *chip, unsigned int n)
{
	return chip->secreg + (n - 1) * chip->prof->secreg_size;
}

static bool fs_secreg_locked(const struct flashsim_chip *chip, unsigned int n)
{
	const struct flashsim_field *lb = &chip->prof->sr->lb;

	/* DS-257FV §8.2.41: LBn = 1 makes register n read-only for ever */
	return lb->nbits && (chip->sr[lb->reg] & BIT(lb->shift + n - 1));
}

static u8 fs_out_secreg(struct flashsim_chip *chip, u32 idx)
{
	unsigned int n = fs_secreg_index(chip);
	u32 off = (chip->cmd.addr + idx) & (chip->prof->secreg_size - 1);

	/* Wrap inside the register (MEM); no register there: hi-Z */
	return n ? fs_secreg(chip, n)[off] : 0xff;
}

/* ---- data in ---- */

static void fs_in_buf(struct flashsim_chip *chip, u32 idx, u8 val)
{
	if (idx < sizeof(chip->cmd.buf))
		chip->cmd.buf[idx] = val;
}

static void fs_in_page(struct flashsim_chip *chip, u32 idx, u8 val)
{
	/*
	 * DS-257FV §8.2.25: past the end of the page the address wraps to
	 * the page start and later bytes replace earlier ones.
	 */
	chip->latch[(chip->cmd.addr + idx) & (chip->prof->page_size - 1)] = val;
}

static void fs_in_secreg(struct flashsim_chip *chip, u32 idx, u8 val)
{
	chip->latch[(chip->cmd.addr + idx) & (chip->prof->secreg_size - 1)] = val;
}

/* ---- CS# rises: the verdict tells the engine what to count ---- */

static enum flashsim_verdict fs_wren(struct flashsim_chip *chip)
{
	/* DS-257FV §8.2 (06h) */
	chip->wel = true;
	return FS_DONE;
}

static enum flashsim_verdict fs_wrdi(struct flashsim_chip *chip)
{
	/* DS-257FV §8.2 (04h) */
	chip->wel = false;
	return FS_DONE;
}

static enum flashsim_verdict fs_vsr_enable(struct flashsim_chip *chip)
{
	/* DS-128JV §8.2.2: valid for the next instruction only, no WEL */
	chip->vsr_en = true;
	return FS_DONE;
}

/*
 * 01h/31h/11h (DS-257FV §8.2.5, DS-128JV §8.2.5 and Fig 9b): after 50h the
 * write is volatile (no WEL, no BUSY); otherwise it needs WEL and keeps the
 * chip busy for tW.  01h with one byte writes SR1 only, with two SR1+SR2.
 * Refused while suspended (DS-257FV §8.2.31, MEM) or while the status
 * registers are protected (flashsim_sr_locked()).
 */
static enum flashsim_verdict fs_wrsr(struct flashsim_chip *chip)
{
	const struct flashsim_sr_map *map = chip->prof->sr;
	bool nv = !chip->cmd.vsr_en_before;
	unsigned int i;

	if (nv && !chip->wel)
		return FS_IGNORED;
	if (chip->sus || flashsim_sr_locked(chip))
		return FS_REFUSED;
	if (chip->fault.ignore_sr_write && chip->cmd.idx)
		chip->stats.faults++;
	if (nv)
		flashsim_chip_save(chip, FS_BUSY_WRSR, 0, 0);
	for (i = 0; i < chip->cmd.idx && !chip->fault.ignore_sr_write; i++)
		flashsim_sr_write(chip, chip->cmd.op->arg + i,
				  chip->cmd.buf[i], nv);
	/*
	 * DS-64FV 7.2.10: "If /CS is driven high after the eighth clock
	 * ... the CMP, QE and SRP1 bits will be cleared to 0".
	 */
	if ((chip->prof->features & FS_F_WRSR1_CLR2) && !chip->cmd.op->arg &&
	    chip->cmd.idx == 1 && !chip->fault.ignore_sr_write)
		flashsim_sr_write(chip, 1, chip->sr[1] &
				  ~(map->cmp.mask | map->qe.mask |
				    map->srl.mask), nv);
	if (nv)
		flashsim_chip_start(chip, FS_BUSY_WRSR, FS_T(w_us));
	return FS_DONE;
}

static enum flashsim_verdict fs_wrear(struct flashsim_chip *chip)
{
	/* DS-257FV §8.2.7: needs WEL; WEL cleared after (unverified) */
	if (!chip->wel)
		return FS_IGNORED;
	chip->ear = chip->cmd.buf[0];
	chip->wel = false;
	return FS_DONE;
}

/*
 * Micron (FS_F_4B_WREN): ENTER/EXIT 4-BYTE ADDRESS MODE need WRITE ENABLE
 * first (LX spi_nor_set_4byte_addr_mode_wren_en4b_ex4b, secondary: the
 * survey did not read it in MU-MT25QL256); WEL cleared after: assumption.
 */
static bool fs_4b_wel(struct flashsim_chip *chip)
{
	if (!(chip->prof->features & FS_F_4B_WREN))
		return true;
	if (!chip->wel)
		return false;
	chip->wel = false;
	return true;
}

static enum flashsim_verdict fs_en4b(struct flashsim_chip *chip)
{
	/* DS-257FV §8.2.8: ADS = 1, no WEL needed */
	if (!fs_4b_wel(chip))
		return FS_IGNORED;
	chip->ads = true;
	return FS_DONE;
}

static enum flashsim_verdict fs_ex4b(struct flashsim_chip *chip)
{
	/*
	 * DS-257FV §8.2.9.  The W25Q256FV sets EAR = 1 here (kernel
	 * winbond.c); not modelled for the JV/JW (unverified).
	 */
	if (!fs_4b_wel(chip))
		return FS_IGNORED;
	chip->ads = false;
	return FS_DONE;
}

/*
 * A program or erase that meets protection.  Micron (FS_F_FSR): flag
 * status bit 1 (protection) and bit 4 (program) or 5 (erase) are set and
 * WEL stays set (MU-MT25QL256 page 66, as the survey quotes it), so the
 * verdict is "ignored"; everyone else refuses (WEL cleared).
 */
#define FS_FSR_READY	BIT(7)
#define FS_FSR_ESUS	BIT(6)
#define FS_FSR_ERASE	BIT(5)
#define FS_FSR_PROGRAM	BIT(4)
#define FS_FSR_PSUS	BIT(2)
#define FS_FSR_PROT	BIT(1)
#define FS_FSR_4B	BIT(0)

static enum flashsim_verdict fs_prot_refuse(struct flashsim_chip *chip,
					    bool erase)
{
	if (!(chip->prof->features & FS_F_FSR))
		return FS_REFUSED;
	chip->sr[1] |= FS_FSR_PROT | (erase ? FS_FSR_ERASE : FS_FSR_PROGRAM);
	return FS_IGNORED;
}

static bool fs_overlaps(u32 a, u32 alen, u32 b, u32 blen)
{
	return (u64)a + alen > b && (u64)b + blen > a;
}

/*
 * Page program (DS-257FV §8.2.25): bits only go 1 -> 0 (AND into the
 * array), at CS# rise, for tPP (cut short by a power cycle: fs_tear()).
 * Ignored without WEL or when the page is protected (DS-257FV §7.1.16/17
 * note 2).  During an erase suspend only
 * pages outside the suspended erase may be programmed, during a program
 * suspend none (DS-257FV §8.2.31, MEM).
 */
static enum flashsim_verdict fs_pp(struct flashsim_chip *chip)
{
	const struct flashsim_profile *prof = chip->prof;
	u32 page = chip->cmd.addr & ~(prof->page_size - 1);
	u32 i;

	if (!chip->wel)
		return FS_IGNORED;
	if (chip->sus && (chip->sus_busy != FS_BUSY_ERASE ||
			  fs_overlaps(page, prof->page_size, chip->sus_addr,
				      chip->sus_len)))
		return FS_REFUSED;
	if (flashsim_prot_blocked(chip, page, prof->page_size))
		return fs_prot_refuse(chip, false);
	if (chip->fault.weak_program)
		chip->stats.faults++;
	flashsim_chip_save(chip, FS_BUSY_PROGRAM, page, prof->page_size);
	for (i = 0; i < prof->page_size && !chip->fault.weak_program; i++)
		chip->array[page + i] &= chip->latch[i];
	flashsim_chip_start(chip, FS_BUSY_PROGRAM, FS_T(pp_us));
	chip->op_addr = page;
	chip->op_len = prof->page_size;
	return FS_DONE;
}

/*
 * S25FL-S hybrid sectors (FS_F_SP_PARAM4K): 4 KiB erase works only inside
 * the 32 parameter sectors (the survey quotes FRM: "4 KiB erase works only
 * inside the 32 parameter sectors"), at the bottom with CR1 TBPARM (bit 2)
 * = 0, at the top with 1 (TBPARM's meaning: from memory, assumption).  What
 * the chip does elsewhere is not known: not executed here (assumption).
 */
static bool fs_sp_param_sector(const struct flashsim_chip *chip, u32 addr)
{
	u32 size = chip->prof->size;

	if (!(chip->prof->features & FS_F_SP_PARAM4K))
		return true;
	if (chip->sr[1] & BIT(2))
		return addr >= size - 32 * SZ_4K;
	return addr < 32 * SZ_4K;
}

static size_t fs_erase_time(u32 size)
{
	if (size == SZ_4K)
		return FS_T(se_us);
	if (size == SZ_32K)
		return FS_T(be32_us);
	return FS_T(be64_us);
}

/*
 * 20h/21h 4 KiB, 52h 32 KiB, D8h/DCh 64 KiB (DS-257FV §8.2, erase
 * instructions): needs WEL, ignored if any byte of the block is protected
 * (DS-257FV §7.1.16/17 note 2), not allowed while suspended.
 */
static enum flashsim_verdict fs_erase(struct flashsim_chip *chip)
{
	u32 size = chip->cmd.op->arg;
	u32 start = chip->cmd.addr & ~(size - 1);

	if (!chip->wel)
		return FS_IGNORED;
	if (size == SZ_4K && !fs_sp_param_sector(chip, start))
		return FS_REFUSED;
	if (chip->sus)
		return FS_REFUSED;
	if (flashsim_prot_blocked(chip, start, size))
		return fs_prot_refuse(chip, true);
	flashsim_chip_save(chip, FS_BUSY_ERASE, start, size);
	memset(chip->array + start, 0xff, size);
	flashsim_chip_start(chip, FS_BUSY_ERASE, fs_erase_time(size));
	chip->op_addr = start;
	chip->op_len = size;
	return FS_DONE;
}

static enum flashsim_verdict fs_chip_erase(struct flashsim_chip *chip)
{
	const struct flashsim_profile *prof = chip->prof;

	if (!chip->wel)
		return FS_IGNORED;
	/* DS-257FV §8.2.30: not executed if any region is protected */
	if (chip->sus)
		return FS_REFUSED;
	if (flashsim_prot_blocked(chip, 0, prof->size))
		return fs_prot_refuse(chip, true);
	flashsim_chip_save(chip, FS_BUSY_CHIP_ERASE, 0, prof->size);
	memset(chip->array, 0xff, prof->size);
	flashsim_chip_start(chip, FS_BUSY_CHIP_ERASE, FS_T(ce_us));
	return FS_DONE;
}

static enum flashsim_verdict fs_suspend(struct flashsim_chip *chip)
{
	/* DS-257FV §8.2.31: only SUS=0 and BUSY=1, not during chip erase */
	if (chip->sus || chip->fault.stuck ||
	    (chip->busy != FS_BUSY_PROGRAM && chip->busy != FS_BUSY_ERASE))
		return FS_IGNORED;
	flashsim_chip_suspend(chip);
	return FS_DONE;
}

static enum flashsim_verdict fs_resume(struct flashsim_chip *chip)
{
	/* DS-257FV §8.2.32: only with SUS=1 */
	if (!chip->sus)
		return FS_IGNORED;
	flashsim_chip_resume(chip);
	return FS_DONE;
}

static enum flashsim_verdict fs_power_down(struct flashsim_chip *chip)
{
	/* DS-257FV §8.2 (B9h): afterwards only ABh is recognised */
	chip->pd = true;
	return FS_DONE;
}

static enum flashsim_verdict fs_release(struct flashsim_chip *chip)
{
	/* DS-257FV §8.2 (ABh): releases with or without the ID read */
	chip->pd = false;
	return FS_DONE;
}

/*
 * Security registers (DS-257FV §8.2.41): erase (44h, tSE) and program
 * (42h, tPP, AND like a page) need WEL and are refused once LBn is set.
 */
static enum flashsim_verdict fs_secreg_erase(struct flashsim_chip *chip)
{
	unsigned int n = fs_secreg_index(chip);

	if (!chip->wel)
		return FS_IGNORED;
	if (!n || chip->sus || fs_secreg_locked(chip, n))
		return FS_REFUSED;
	memset(fs_secreg(chip, n), 0xff, chip->prof->secreg_size);
	flashsim_chip_start(chip, FS_BUSY_SECREG, FS_T(se_us));
	return FS_DONE;
}

static enum flashsim_verdict fs_secreg_program(struct flashsim_chip *chip)
{
	unsigned int n = fs_secreg_index(chip);
	u32 i;
	u8 *reg;

	if (!chip->wel)
		return FS_IGNORED;
	if (!n || chip->sus || fs_secreg_locked(chip, n))
		return FS_REFUSED;
	reg = fs_secreg(chip, n);
	for (i = 0; i < chip->prof->secreg_size; i++)
		reg[i] &= chip->latch[i];
	flashsim_chip_start(chip, FS_BUSY_SECREG, FS_T(pp_us));
	return FS_DONE;
}

/*
 * Individual block/sector lock/unlock (DS-257FV §8.2.48-49) and global
 * lock/unlock (DS-128JV §8.2.35-36): WREN required.  The lock bits are
 * volatile: no BUSY.  WEL cleared afterwards: unverified.
 */
static enum flashsim_verdict fs_lock(struct flashsim_chip *chip)
{
	if (!chip->wel)
		return FS_IGNORED;
	flashsim_lock_set(chip, chip->cmd.addr, chip->cmd.op->arg);
	chip->wel = false;
	return FS_DONE;
}

static enum flashsim_verdict fs_global_lock(struct flashsim_chip *chip)
{
	if (!chip->wel)
		return FS_IGNORED;
	flashsim_lock_all(chip, chip->cmd.op->arg);
	chip->wel = false;
	return FS_DONE;
}

static enum flashsim_verdict fs_reset_enable(struct flashsim_chip *chip)
{
	chip->rst_en = true;
	return FS_DONE;
}

static enum flashsim_verdict fs_reset(struct flashsim_chip *chip)
{
	/* DS-257FV §8.2.53: 99h counts only right after 66h */
	if (!chip->cmd.rst_en_before)
		return FS_IGNORED;
	flashsim_chip_reset(chip);
	return FS_DONE;
}

/* ---- Macronix only ---- */

static u8 fs_mx_out_dpb(struct flashsim_chip *chip, u32 idx)
{
	/* RDDPB E0h: FFh = protected, 00h = not (as RDSPB; unverified) */
	return flashsim_lock_test(chip, chip->cmd.addr) ? 0xff : 0x00;
}

static u8 fs_mx_out_spb(struct flashsim_chip *chip, u32 idx)
{
	/* RDSPB E2h: MX25L12835F §9-35 (sibling): FFh protected, 00h not */
	return flashsim_spb_test(chip, chip->cmd.addr) ? 0xff : 0x00;
}

/*
 * 68h WPSEL: sets SCUR bit 7 for ever (FR macronix.c MX25U25643G/45G:
 * "This bit is set by WPSEL command"; MX25L12835F datasheet §9-31, a
 * sibling).  WREN first and a tW-long busy: unverified, the conservative
 * choice for an irreversible write.
 */
static enum flashsim_verdict fs_mx_wpsel(struct flashsim_chip *chip)
{
	if (!chip->wel)
		return FS_IGNORED;
	flashsim_sr_set_otp(chip, &chip->prof->sr->wps);
	flashsim_chip_start(chip, FS_BUSY_OTP, FS_T(w_us));
	return FS_DONE;
}

/*
 * 2Fh WRSCUR (FR, UF): sets LDSO, SCUR bit 1 (UF vendor-macronix.c),
 * which locks the secured OTP area; that area (B1h/C1h) is not modelled.
 * It does not set WPSEL (see fs_mx_wpsel).  WREN and tW: unverified.
 */
static enum flashsim_verdict fs_mx_wrscur(struct flashsim_chip *chip)
{
	static const struct flashsim_bit ldso = FS_BIT(3, 1);

	if (!chip->wel)
		return FS_IGNORED;
	flashsim_sr_set_otp(chip, &ldso);
	flashsim_chip_start(chip, FS_BUSY_OTP, FS_T(w_us));
	return FS_DONE;
}

/*
 * E1h WRDPB: address, then one data byte, FFh protects and 00h unprotects
 * the unit (unverified; any non-zero byte protects here, the conservative
 * reading).  Volatile: no BUSY; WREN needed and WEL cleared as for the
 * Winbond 36h/39h (unverified).
 */
static enum flashsim_verdict fs_mx_wrdpb(struct flashsim_chip *chip)
{
	if (!chip->wel)
		return FS_IGNORED;
	flashsim_lock_set(chip, chip->cmd.addr, chip->cmd.buf[0]);
	chip->wel = false;
	return FS_DONE;
}

/* E3h WRSPB: set one SPB (non-volatile: tPP-long busy, unverified) */
static enum flashsim_verdict fs_mx_wrspb(struct flashsim_chip *chip)
{
	if (!chip->wel)
		return FS_IGNORED;
	flashsim_spb_set(chip, chip->cmd.addr);
	flashsim_chip_start(chip, FS_BUSY_OTP, FS_T(pp_us));
	return FS_DONE;
}

/* E4h ESSPB: erase every SPB (MX25L12835F §9-35; tSE-long, unverified) */
static enum flashsim_verdict fs_mx_esspb(struct flashsim_chip *chip)
{
	if (!chip->wel)
		return FS_IGNORED;
	flashsim_spb_erase(chip);
	flashsim_chip_start(chip, FS_BUSY_OTP, FS_T(se_us));
	return FS_DONE;
}

/* ---- the tables ---- */

#define FS_RD		(FS_OP_ARRAY | FS_OP_READ)

/* Array reads (DS-257FV §8.2.10 ff.; dummy clocks as in SFDP BFPT DW3/4) */
#define FS_READ(_op, _a, _al, _d, _dl, _fl, _feat)			\
	{ .opcode = _op, .addr = _a, .addr_lines = _al, .dummy = _d,	\
	  .data_lines = _dl, .flags = FS_RD | (_fl), .feature = _feat,	\
	  .out = fs_out_array }

/* Instructions without data: all their effect is at CS# rise */
#define FS_CMD(_op, _commit, _fl, _feat, _arg)				\
	{ .opcode = _op, .flags = _fl, .feature = _feat, .arg = _arg,	\
	  .commit = _commit }

/* Instructions with an array address and no data (erase, lock) */
#define FS_ACMD(_op, _a, _commit, _feat, _arg)				\
	{ .opcode = _op, .addr = _a, .addr_lines = 1, .flags = FS_OP_ARRAY, \
	  .feature = _feat, .arg = _arg, .commit = _commit }

/* Page programs */
#define FS_PROG(_op, _a, _dl, _feat)					\
	{ .opcode = _op, .addr = _a, .addr_lines = 1, .data_lines = _dl, \
	  .flags = FS_OP_ARRAY | FS_OP_LATCH, .min_in = 1,		\
	  .feature = _feat, .in = fs_in_page, .commit = fs_pp }

/* Register reads without address */
#define FS_RDREG(_op, _out, _fl, _feat, _arg)				\
	{ .opcode = _op, .data_lines = 1, .flags = _fl, .feature = _feat, \
	  .arg = _arg, .out = _out }

/* Register writes */
#define FS_WRREG(_op, _commit, _max, _feat, _arg)			\
	{ .opcode = _op, .data_lines = 1, .min_in = 1, .max_in = _max,	\
	  .feature = _feat, .arg = _arg, .in = fs_in_buf,		\
	  .commit = _commit }

static const struct flashsim_op flashsim_winbond_ops[] = {
	FS_CMD(0x06, fs_wren, 0, 0, 0),
	FS_CMD(0x04, fs_wrdi, 0, 0, 0),
	FS_CMD(0x50, fs_vsr_enable, 0, 0, 0),
	/* 05h/35h/15h: also accepted while BUSY (DS-257FV §8) */
	FS_RDREG(0x05, fs_out_sr, FS_OP_BUSY_OK | FS_OP_POLL, 0, 0),
	FS_RDREG(0x35, fs_out_sr, FS_OP_BUSY_OK | FS_OP_POLL, 0, 1),
	FS_RDREG(0x15, fs_out_sr, FS_OP_BUSY_OK | FS_OP_POLL, FS_F_SR3, 2),
	FS_WRREG(0x01, fs_wrsr, 2, 0, 0),
	/* DS-64FV 7.2.2-7.2.5: the W25Q64FV has neither 31h nor SR3 */
	FS_WRREG(0x31, fs_wrsr, 1, FS_F_WRSR2, 1),
	FS_WRREG(0x11, fs_wrsr, 1, FS_F_SR3, 2),
	FS_RDREG(0xc8, fs_out_ear, 0, FS_F_EAR, 0),
	FS_WRREG(0xc5, fs_wrear, 1, FS_F_EAR, 0),
	FS_CMD(0xb7, fs_en4b, 0, FS_F_EN4B, 0),
	FS_CMD(0xe9, fs_ex4b, 0, FS_F_EN4B, 0),

	FS_READ(0x03, FS_ADDR_MODE, 1, 0, 1, FS_OP_FR, 0),
	FS_READ(0x13, FS_ADDR_4, 1, 0, 1, FS_OP_FR, FS_F_4B_READ),
	FS_READ(0x0b, FS_ADDR_MODE, 1, 8, 1, 0, 0),
	FS_READ(0x0c, FS_ADDR_4, 1, 8, 1, 0, FS_F_4B_READ),
	FS_READ(0x3b, FS_ADDR_MODE, 1, 8, 2, 0, 0),
	FS_READ(0x3c, FS_ADDR_4, 1, 8, 2, 0, FS_F_4B_READ),
	/* BBh/EBh: M7-0 (2 or 4 clocks) then dummy; M5-4 = 10b: continuous */
	FS_READ(0xbb, FS_ADDR_MODE, 2, 4, 2, FS_OP_MODE, 0),
	FS_READ(0xbc, FS_ADDR_4, 2, 4, 2, FS_OP_MODE, FS_F_4B_READ),
	FS_READ(0x6b, FS_ADDR_MODE, 1, 8, 4, 0, 0),
	FS_READ(0x6c, FS_ADDR_4, 1, 8, 4, 0, FS_F_4B_READ),
	FS_READ(0xeb, FS_ADDR_MODE, 4, 6, 4, FS_OP_MODE, 0),
	FS_READ(0xec, FS_ADDR_4, 4, 6, 4, FS_OP_MODE, FS_F_4B_READ),

	FS_PROG(0x02, FS_ADDR_MODE, 1, 0),
	FS_PROG(0x12, FS_ADDR_4, 1, FS_F_4B_WRITE),
	FS_PROG(0x32, FS_ADDR_MODE, 4, 0),
	FS_PROG(0x34, FS_ADDR_4, 4, FS_F_4B_WRITE),
	FS_ACMD(0x20, FS_ADDR_MODE, fs_erase, 0, SZ_4K),
	FS_ACMD(0x21, FS_ADDR_4, fs_erase, FS_F_4B_WRITE | FS_F_4B_ERASE,
		SZ_4K),
	/* Winbond has no 4-byte 32 KiB erase (FR; the W25Q01NW 4BAIT) */
	FS_ACMD(0x52, FS_ADDR_MODE, fs_erase, 0, SZ_32K),
	FS_ACMD(0xd8, FS_ADDR_MODE, fs_erase, 0, SZ_64K),
	FS_ACMD(0xdc, FS_ADDR_4, fs_erase, FS_F_4B_WRITE | FS_F_4B_ERASE,
		SZ_64K),
	FS_CMD(0xc7, fs_chip_erase, 0, 0, 0),
	FS_CMD(0x60, fs_chip_erase, 0, 0, 0),
	FS_CMD(0x75, fs_suspend, FS_OP_BUSY_OK, 0, 0),
	FS_CMD(0x7a, fs_resume, 0, 0, 0),

	FS_CMD(0xb9, fs_power_down, 0, 0, 0),
	/* ABh: 3 dummy bytes then the device ID; CS# rise releases (tRES) */
	{ .opcode = 0xab, .dummy = 24, .data_lines = 1,
	  .flags = FS_OP_PD_OK | FS_OP_COMMIT_ANY, .out = fs_out_devid,
	  .commit = fs_release },
	/* 90h: 24-bit address "00 00 0x" in both address modes (MEM) */
	{ .opcode = 0x90, .addr = FS_ADDR_3, .addr_lines = 1,
	  .data_lines = 1, .out = fs_out_rems },
	FS_RDREG(0x9f, fs_out_jedec, 0, 0, 0),
	/* DS-257FV §8.2.38: 4 dummy bytes (3-byte mode), 5 (4-byte mode) */
	{ .opcode = 0x4b, .addr = FS_ADDR_MODE, .addr_lines = 1, .dummy = 8,
	  .data_lines = 1, .out = fs_out_uid },
	/* DS-257FV §8.2.40 Fig 44: always 24-bit address + 8 dummy clocks */
	{ .opcode = 0x5a, .addr = FS_ADDR_3, .addr_lines = 1, .dummy = 8,
	  .data_lines = 1, .out = fs_out_sfdp },

	/* Security registers: address width follows ADS (unverified) */
	{ .opcode = 0x44, .addr = FS_ADDR_MODE, .addr_lines = 1,
	  .commit = fs_secreg_erase },
	{ .opcode = 0x42, .addr = FS_ADDR_MODE, .addr_lines = 1,
	  .data_lines = 1, .flags = FS_OP_LATCH, .min_in = 1,
	  .in = fs_in_secreg, .commit = fs_secreg_program },
	{ .opcode = 0x48, .addr = FS_ADDR_MODE, .addr_lines = 1, .dummy = 8,
	  .data_lines = 1, .out = fs_out_secreg },

	/* DS-257FV §8.2.48-50; EAR applies in 3-byte mode (unverified) */
	FS_ACMD(0x36, FS_ADDR_MODE, fs_lock, FS_F_LOCKS, true),
	FS_ACMD(0x39, FS_ADDR_MODE, fs_lock, FS_F_LOCKS, false),
	{ .opcode = 0x3d, .addr = FS_ADDR_MODE, .addr_lines = 1,
	  .data_lines = 1, .flags = FS_OP_ARRAY, .feature = FS_F_LOCKS,
	  .out = fs_out_lock },
	FS_CMD(0x7e, fs_global_lock, 0, FS_F_LOCKS, true),
	FS_CMD(0x98, fs_global_lock, 0, FS_F_LOCKS, false),

	/* DS-257FV §6.1.7, §8.2.53; 38h/FFh (QPI) do not exist on -IQ */
	FS_CMD(0x66, fs_reset_enable, 0, 0, 0),
	FS_CMD(0x99, fs_reset, 0, 0, 0),
};

const struct flashsim_optable flashsim_winbond_optable = {
	.ops = flashsim_winbond_ops,
	.nops = ARRAY_SIZE(flashsim_winbond_ops),
};

/*
 * Macronix MX25U25635F family (C2 25 39; FR, UF).  Status register
 * 05h/01h, configuration register 15h (RDCR) and written as the second
 * byte of 01h, security register 2Bh (RDSCUR).  No 50h, 31h, 35h, 11h (35h
 * is QPI entry, UF; QPI is not modelled), no 75h/7Ah: suspend is B0h/30h
 * (SFDP BFPT DW13 of the real dump), not modelled; nor are the secured OTP
 * area (B1h/C1h, FR), the lock register with its SPB lock bit (MEM) and
 * the performance-enhance mode of EBh.  Only 05h is accepted while busy (Linux
 * and flashrom poll 05h; 15h/2Bh while busy: unverified, refused).
 */
static const struct flashsim_op flashsim_macronix_ops[] = {
	FS_CMD(0x06, fs_wren, 0, 0, 0),
	FS_CMD(0x04, fs_wrdi, 0, 0, 0),
	FS_RDREG(0x05, fs_out_sr, FS_OP_BUSY_OK | FS_OP_POLL, 0, 0),
	FS_RDREG(0x15, fs_out_sr, 0, 0, 1),
	/* 01h: SR, or SR + CR (FR reg_bits CONFIG, UF) */
	FS_WRREG(0x01, fs_wrsr, 2, 0, 0),
	FS_RDREG(0x2b, fs_out_sr, 0, 0, 2),
	FS_CMD(0x2f, fs_mx_wrscur, 0, 0, 0),
	FS_CMD(0x68, fs_mx_wpsel, 0, 0, 0),
	/* EAR: UF SNOR_4B_F_EAR and the dump's DW16 bit 26; WREN unverified */
	FS_RDREG(0xc8, fs_out_ear, 0, FS_F_EAR, 0),
	FS_WRREG(0xc5, fs_wrear, 1, FS_F_EAR, 0),
	FS_CMD(0xb7, fs_en4b, 0, FS_F_EN4B, 0),
	FS_CMD(0xe9, fs_ex4b, 0, FS_F_EN4B, 0),

	/*
	 * Reads: SFDP BFPT DW3/DW4 (real dump) give the dummy clocks: 0Bh,
	 * 3Bh, 6Bh 8; BBh 4 (no mode bits); EBh 4 + 2 mode clocks.  4-byte
	 * twins from 4BAIT DW1 (13h 0Ch 3Ch BCh 6Ch ECh).
	 */
	FS_READ(0x03, FS_ADDR_MODE, 1, 0, 1, FS_OP_FR, 0),
	FS_READ(0x13, FS_ADDR_4, 1, 0, 1, FS_OP_FR, FS_F_4B_READ),
	FS_READ(0x0b, FS_ADDR_MODE, 1, 8, 1, 0, 0),
	FS_READ(0x0c, FS_ADDR_4, 1, 8, 1, 0, FS_F_4B_READ),
	FS_READ(0x3b, FS_ADDR_MODE, 1, 8, 2, 0, 0),
	FS_READ(0x3c, FS_ADDR_4, 1, 8, 2, 0, FS_F_4B_READ),
	FS_READ(0xbb, FS_ADDR_MODE, 2, 4, 2, 0, 0),
	FS_READ(0xbc, FS_ADDR_4, 2, 4, 2, 0, FS_F_4B_READ),
	FS_READ(0x6b, FS_ADDR_MODE, 1, 8, 4, 0, 0),
	FS_READ(0x6c, FS_ADDR_4, 1, 8, 4, 0, FS_F_4B_READ),
	FS_READ(0xeb, FS_ADDR_MODE, 4, 6, 4, 0, 0),
	FS_READ(0xec, FS_ADDR_4, 4, 6, 4, 0, FS_F_4B_READ),

	/* 12h and 3Eh (1-4-4, address on 4 lines): 4BAIT DW1 bits 6, 8 */
	FS_PROG(0x02, FS_ADDR_MODE, 1, 0),
	FS_PROG(0x12, FS_ADDR_4, 1, FS_F_4B_WRITE),
	/* 38h: the 3-byte twin of 3Eh (MEM) */
	{ .opcode = 0x38, .addr = FS_ADDR_MODE, .addr_lines = 4,
	  .data_lines = 4, .flags = FS_OP_ARRAY | FS_OP_LATCH, .min_in = 1,
	  .in = fs_in_page, .commit = fs_pp },
	{ .opcode = 0x3e, .addr = FS_ADDR_4, .addr_lines = 4,
	  .data_lines = 4, .flags = FS_OP_ARRAY | FS_OP_LATCH, .min_in = 1,
	  .feature = FS_F_4B_WRITE, .in = fs_in_page, .commit = fs_pp },
	/* BFPT DW8/9: 20h 4K, 52h 32K, D8h 64K; 4BAIT DW2: 21h 5Ch DCh */
	FS_ACMD(0x20, FS_ADDR_MODE, fs_erase, 0, SZ_4K),
	FS_ACMD(0x21, FS_ADDR_4, fs_erase, FS_F_4B_WRITE | FS_F_4B_ERASE,
		SZ_4K),
	FS_ACMD(0x52, FS_ADDR_MODE, fs_erase, 0, SZ_32K),
	FS_ACMD(0x5c, FS_ADDR_4, fs_erase, FS_F_4B_WRITE | FS_F_4B_ERASE,
		SZ_32K),
	FS_ACMD(0xd8, FS_ADDR_MODE, fs_erase, 0, SZ_64K),
	FS_ACMD(0xdc, FS_ADDR_4, fs_erase, FS_F_4B_WRITE | FS_F_4B_ERASE,
		SZ_64K),
	FS_CMD(0xc7, fs_chip_erase, 0, 0, 0),
	FS_CMD(0x60, fs_chip_erase, 0, 0, 0),

	FS_CMD(0xb9, fs_power_down, 0, 0, 0),
	/* ABh RES / 90h REMS: as Winbond, device ID unverified (MEM) */
	{ .opcode = 0xab, .dummy = 24, .data_lines = 1,
	  .flags = FS_OP_PD_OK | FS_OP_COMMIT_ANY, .out = fs_out_devid,
	  .commit = fs_release },
	{ .opcode = 0x90, .addr = FS_ADDR_3, .addr_lines = 1,
	  .data_lines = 1, .out = fs_out_rems },
	/* Macronix repeats the three ID bytes (jedec_id posts, LKML) */
	FS_RDREG(0x9f, fs_out_jedec, 0, 0, 0),
	/* 5Ah: 3-byte address + 8 dummy clocks as on Winbond (unverified) */
	{ .opcode = 0x5a, .addr = FS_ADDR_3, .addr_lines = 1, .dummy = 8,
	  .data_lines = 1, .out = fs_out_sfdp },

	/*
	 * Individual protection, active with WPSEL = 1 only (MX25L12835F
	 * §9-31, sibling).  Address always 4 bytes on this 256 Mbit part
	 * (MEM, unverified).  7Eh/98h set/clear every DPB, need WREN (MEM).
	 */
	{ .opcode = 0xe0, .addr = FS_ADDR_4, .addr_lines = 1,
	  .data_lines = 1, .flags = FS_OP_ARRAY | FS_OP_WPS,
	  .out = fs_mx_out_dpb },
	{ .opcode = 0xe1, .addr = FS_ADDR_4, .addr_lines = 1,
	  .data_lines = 1, .flags = FS_OP_ARRAY | FS_OP_WPS, .min_in = 1,
	  .max_in = 1, .in = fs_in_buf, .commit = fs_mx_wrdpb },
	{ .opcode = 0xe2, .addr = FS_ADDR_4, .addr_lines = 1,
	  .data_lines = 1, .flags = FS_OP_ARRAY | FS_OP_WPS,
	  .out = fs_mx_out_spb },
	{ .opcode = 0xe3, .addr = FS_ADDR_4, .addr_lines = 1,
	  .flags = FS_OP_ARRAY | FS_OP_WPS, .commit = fs_mx_wrspb },
	FS_CMD(0xe4, fs_mx_esspb, FS_OP_WPS, 0, 0),
	FS_CMD(0x7e, fs_global_lock, FS_OP_WPS, 0, true),
	FS_CMD(0x98, fs_global_lock, FS_OP_WPS, 0, false),

	/* 66h/99h: SFDP BFPT DW16 soft-reset field 0x10 (real dump) */
	FS_CMD(0x66, fs_reset_enable, 0, 0, 0),
	FS_CMD(0x99, fs_reset, 0, 0, 0),
};

const struct flashsim_optable flashsim_macronix_optable = {
	.ops = flashsim_macronix_ops,
	.nops = ARRAY_SIZE(flashsim_macronix_ops),
};

/*
 * GigaDevice GD25LB256E (C8 67 19; FR, UF).  UF (only UF, so all of
 * this is unverified) describes its registers as SR1 plus the non-volatile
 * NVCR1..7 (read B5h, write B1h, address + dummy): there is no SR2, so
 * 35h/31h are absent and only one byte follows 01h.  The NVCRs (SRP1/LB in
 * NVCR2, WPS in NVCR4 bit 2 with 0 = individual locks, ADP in NVCR5 bit 0
 * with 0 = 4-byte) are not modelled: B5h reads FFh (no driver), which is
 * what erased NVCRs would read, i.e. BP protection and 3-byte power-up
 * (an inference, unverified).  So the
 * individual locks (36h/39h/3Dh/7Eh/98h, MEM) are absent too, as are
 * security registers, suspend and BBh/EBh (dummy clocks unknown).  The
 * 4-byte set is the one the kernel's SPI_NOR_4B_OPCODES uses (the posted
 * gd25lb256e patches: 13h 0Ch 3Ch 6Ch 12h 21h DCh); no 5Ch, no EAR.
 */
static const struct flashsim_op flashsim_gd_ops[] = {
	FS_CMD(0x06, fs_wren, 0, 0, 0),
	FS_CMD(0x04, fs_wrdi, 0, 0, 0),
	FS_RDREG(0x05, fs_out_sr, FS_OP_BUSY_OK | FS_OP_POLL, 0, 0),
	FS_WRREG(0x01, fs_wrsr, 1, 0, 0),
	FS_CMD(0xb7, fs_en4b, 0, FS_F_EN4B, 0),
	FS_CMD(0xe9, fs_ex4b, 0, FS_F_EN4B, 0),

	/* Dummy clocks 8 for 0Bh/3Bh/6Bh: the kernel defaults (MEM) */
	FS_READ(0x03, FS_ADDR_MODE, 1, 0, 1, FS_OP_FR, 0),
	FS_READ(0x13, FS_ADDR_4, 1, 0, 1, FS_OP_FR, FS_F_4B_READ),
	FS_READ(0x0b, FS_ADDR_MODE, 1, 8, 1, 0, 0),
	FS_READ(0x0c, FS_ADDR_4, 1, 8, 1, 0, FS_F_4B_READ),
	FS_READ(0x3b, FS_ADDR_MODE, 1, 8, 2, 0, 0),
	FS_READ(0x3c, FS_ADDR_4, 1, 8, 2, 0, FS_F_4B_READ),
	FS_READ(0x6b, FS_ADDR_MODE, 1, 8, 4, 0, 0),
	FS_READ(0x6c, FS_ADDR_4, 1, 8, 4, 0, FS_F_4B_READ),

	FS_PROG(0x02, FS_ADDR_MODE, 1, 0),
	FS_PROG(0x12, FS_ADDR_4, 1, FS_F_4B_WRITE),
	FS_ACMD(0x20, FS_ADDR_MODE, fs_erase, 0, SZ_4K),
	FS_ACMD(0x21, FS_ADDR_4, fs_erase, FS_F_4B_WRITE | FS_F_4B_ERASE,
		SZ_4K),
	/* 52h 32 KiB: common to the GD25 family (MEM) */
	FS_ACMD(0x52, FS_ADDR_MODE, fs_erase, 0, SZ_32K),
	FS_ACMD(0xd8, FS_ADDR_MODE, fs_erase, 0, SZ_64K),
	FS_ACMD(0xdc, FS_ADDR_4, fs_erase, FS_F_4B_WRITE | FS_F_4B_ERASE,
		SZ_64K),
	FS_CMD(0xc7, fs_chip_erase, 0, 0, 0),
	FS_CMD(0x60, fs_chip_erase, 0, 0, 0),

	/* B9h/ABh, 9Fh, 5Ah (no table: FFh), 66h/99h: as Winbond (MEM) */
	FS_CMD(0xb9, fs_power_down, 0, 0, 0),
	{ .opcode = 0xab, .dummy = 24, .data_lines = 1,
	  .flags = FS_OP_PD_OK | FS_OP_COMMIT_ANY, .out = fs_out_devid,
	  .commit = fs_release },
	FS_RDREG(0x9f, fs_out_jedec, 0, 0, 0),
	{ .opcode = 0x5a, .addr = FS_ADDR_3, .addr_lines = 1, .dummy = 8,
	  .data_lines = 1, .out = fs_out_sfdp },
	FS_CMD(0x66, fs_reset_enable, 0, 0, 0),
	FS_CMD(0x99, fs_reset, 0, 0, 0),
};

const struct flashsim_optable flashsim_gd_optable = {
	.ops = flashsim_gd_ops,
	.nops = ARRAY_SIZE(flashsim_gd_ops),
};

/* ---- ISSI ---- */

/*
 * ISSI IS25LP128 (9D 60 18).  No register page of any ISSI datasheet was
 * read (survey macronix-issi-eon.rst, "ISSI"): the set follows UF
 * vendor-issi.c and FR as the survey lists them, all unverified.  SR 05h
 * /01h (one byte), function register read 48h / write 42h (UF names; FR
 * calls 48h/42h OTP read/program on this part: a disagreement the survey
 * leaves open, resolved here for UF).  No 50h, no 35h/31h.  Dummy clocks:
 * those the profile's SFDP (built, see flashsim-profiles.c) announces.
 * 4 KiB erase is 20h and D7h (FR).  Not modelled: the 4 x 256 B security
 * area, QPI, DTR, suspend, the AutoBoot and read-parameter registers.
 */
static const struct flashsim_op flashsim_issi_ops[] = {
	FS_CMD(0x06, fs_wren, 0, 0, 0),
	FS_CMD(0x04, fs_wrdi, 0, 0, 0),
	FS_RDREG(0x05, fs_out_sr, FS_OP_BUSY_OK | FS_OP_POLL, 0, 0),
	FS_WRREG(0x01, fs_wrsr, 1, 0, 0),
	FS_RDREG(0x48, fs_out_sr, 0, 0, 1),
	FS_WRREG(0x42, fs_wrsr, 1, 0, 1),

	FS_READ(0x03, FS_ADDR_MODE, 1, 0, 1, FS_OP_FR, 0),
	FS_READ(0x0b, FS_ADDR_MODE, 1, 8, 1, 0, 0),
	FS_READ(0x3b, FS_ADDR_MODE, 1, 8, 2, 0, 0),
	FS_READ(0xbb, FS_ADDR_MODE, 2, 4, 2, 0, 0),
	FS_READ(0x6b, FS_ADDR_MODE, 1, 8, 4, 0, 0),
	FS_READ(0xeb, FS_ADDR_MODE, 4, 6, 4, 0, 0),

	FS_PROG(0x02, FS_ADDR_MODE, 1, 0),
	FS_PROG(0x32, FS_ADDR_MODE, 4, 0),
	FS_ACMD(0x20, FS_ADDR_MODE, fs_erase, 0, SZ_4K),
	FS_ACMD(0xd7, FS_ADDR_MODE, fs_erase, 0, SZ_4K),
	FS_ACMD(0x52, FS_ADDR_MODE, fs_erase, 0, SZ_32K),
	FS_ACMD(0xd8, FS_ADDR_MODE, fs_erase, 0, SZ_64K),
	FS_CMD(0xc7, fs_chip_erase, 0, 0, 0),
	FS_CMD(0x60, fs_chip_erase, 0, 0, 0),

	FS_CMD(0xb9, fs_power_down, 0, 0, 0),
	{ .opcode = 0xab, .dummy = 24, .data_lines = 1,
	  .flags = FS_OP_PD_OK | FS_OP_COMMIT_ANY, .out = fs_out_devid,
	  .commit = fs_release },
	{ .opcode = 0x90, .addr = FS_ADDR_3, .addr_lines = 1,
	  .data_lines = 1, .out = fs_out_rems },
	FS_RDREG(0x9f, fs_out_jedec, 0, 0, 0),
	{ .opcode = 0x5a, .addr = FS_ADDR_3, .addr_lines = 1, .dummy = 8,
	  .data_lines = 1, .out = fs_out_sfdp },
	FS_CMD(0x66, fs_reset_enable, 0, 0, 0),
	FS_CMD(0x99, fs_reset, 0, 0, 0),
};

const struct flashsim_optable flashsim_issi_optable = {
	.ops = flashsim_issi_ops,
	.nops = ARRAY_SIZE(flashsim_issi_ops),
};

/* ---- Micron ---- */

/*
 * 70h READ FLAG STATUS REGISTER (MU-N25Q256 page 32; MU-MT25QL256 Table 3
 * note 2: "Status register bit 0 is the inverse of flag status register
 * bit 7"): bit 7 ready, 6 erase suspended, 5 erase error, 4 program
 * error, 2 program suspended, 1 protection error, 0 4-byte addressing.
 * The error bits live in chip->sr[1] until 50h clears them.  Bit meanings
 * other than 7 are from memory of the MT25Q table: assumption.
 */
static u8 fs_mu_out_fsr(struct flashsim_chip *chip, u32 idx)
{
	u8 val = chip->sr[1] & (FS_FSR_ERASE | FS_FSR_PROGRAM | FS_FSR_PROT);

	if (!flashsim_chip_busy(chip)) {
		val |= FS_FSR_READY;
		chip->op_unseen = false;
	}
	if (chip->sus)
		val |= chip->sus_busy == FS_BUSY_ERASE ? FS_FSR_ESUS :
							 FS_FSR_PSUS;
	if (chip->ads)
		val |= FS_FSR_4B;
	return val;
}

/* 50h CLEAR FLAG STATUS REGISTER (Micron; not Winbond's 50h) */
static enum flashsim_verdict fs_mu_clfsr(struct flashsim_chip *chip)
{
	chip->sr[1] = 0;
	return FS_DONE;
}

/*
 * E8h READ LOCK REGISTER / E5h WRITE LOCK REGISTER: one byte per 64 KiB
 * sector, bit 0 sector write lock, bit 1 lock-down (MU-N25Q256 Table 4,
 * page 14).  Volatile, 0 at power-up (MU-MT25QL256 Table 15).  E5h needs
 * WREN (N25Q256 Table 4 note 1 names the command; WREN: assumption).
 * Lock-down (bit 1) is not modelled: reads 0, writes ignored.
 */
static u8 fs_mu_out_lockreg(struct flashsim_chip *chip, u32 idx)
{
	return flashsim_lock_test(chip, chip->cmd.addr);
}

static enum flashsim_verdict fs_mu_wrlockreg(struct flashsim_chip *chip)
{
	if (!chip->wel)
		return FS_IGNORED;
	flashsim_lock_set(chip, chip->cmd.addr, chip->cmd.buf[0] & 1);
	chip->wel = false;
	return FS_DONE;
}

/*
 * 35h ENTER QUAD (MU-N25Q256 Table 18): the chip now takes commands on
 * four lines, so a Winbond-style "read SR2" turns it deaf on one line
 * (flashsim-chip.c fs_begin(); survey: "a Winbond-style 35h read would
 * switch the part into quad protocol").
 */
static enum flashsim_verdict fs_mu_enter_quad(struct flashsim_chip *chip)
{
	chip->quad_proto = true;
	return FS_DONE;
}

/*
 * Micron MT25QL256ABA (20 BA 19).  Commands from MU-N25Q256 Table 18 and
 * MU-MT25QL256 (read by the survey: B7h/E9h, DCh, D8h/52h/20h, 70h, 35h,
 * 4Bh/42h OTP), the rest (dedicated 4-byte opcodes, EAR C5h/C8h) from the
 * profile's SFDP (a real dump, see flashsim-profiles.c) and FR.  Dummy
 * clocks from that BFPT DW3/DW4: 0Bh/3Bh/6Bh/BBh 8, EBh 10.  Suspend
 * 75h/7Ah: its BFPT DW13.  Not modelled: nonvolatile sector locks
 * (E2h/E3h/E4h), the nonvolatile and volatile configuration registers
 * (B5h/B1h read FFh as erased NVCR would: 3-byte power-up), password,
 * OTP, DTR, XIP.
 */
static const struct flashsim_op flashsim_micron_ops[] = {
	FS_CMD(0x06, fs_wren, 0, 0, 0),
	FS_CMD(0x04, fs_wrdi, 0, 0, 0),
	FS_RDREG(0x05, fs_out_sr, FS_OP_BUSY_OK | FS_OP_POLL, 0, 0),
	FS_RDREG(0x70, fs_mu_out_fsr, FS_OP_BUSY_OK | FS_OP_POLL, 0, 1),
	FS_CMD(0x50, fs_mu_clfsr, 0, 0, 0),
	FS_WRREG(0x01, fs_wrsr, 1, 0, 0),
	FS_CMD(0x35, fs_mu_enter_quad, 0, 0, 0),
	FS_RDREG(0xc8, fs_out_ear, 0, FS_F_EAR, 0),
	FS_WRREG(0xc5, fs_wrear, 1, FS_F_EAR, 0),
	FS_CMD(0xb7, fs_en4b, 0, FS_F_EN4B, 0),
	FS_CMD(0xe9, fs_ex4b, 0, FS_F_EN4B, 0),

	FS_READ(0x03, FS_ADDR_MODE, 1, 0, 1, FS_OP_FR, 0),
	FS_READ(0x13, FS_ADDR_4, 1, 0, 1, FS_OP_FR, FS_F_4B_READ),
	FS_READ(0x0b, FS_ADDR_MODE, 1, 8, 1, 0, 0),
	FS_READ(0x0c, FS_ADDR_4, 1, 8, 1, 0, FS_F_4B_READ),
	FS_READ(0x3b, FS_ADDR_MODE, 1, 8, 2, 0, 0),
	FS_READ(0x3c, FS_ADDR_4, 1, 8, 2, 0, FS_F_4B_READ),
	FS_READ(0xbb, FS_ADDR_MODE, 2, 8, 2, 0, 0),
	FS_READ(0xbc, FS_ADDR_4, 2, 8, 2, 0, FS_F_4B_READ),
	FS_READ(0x6b, FS_ADDR_MODE, 1, 8, 4, 0, 0),
	FS_READ(0x6c, FS_ADDR_4, 1, 8, 4, 0, FS_F_4B_READ),
	FS_READ(0xeb, FS_ADDR_MODE, 4, 10, 4, 0, 0),
	FS_READ(0xec, FS_ADDR_4, 4, 10, 4, 0, FS_F_4B_READ),

	FS_PROG(0x02, FS_ADDR_MODE, 1, 0),
	FS_PROG(0x12, FS_ADDR_4, 1, FS_F_4B_WRITE),
	FS_PROG(0x32, FS_ADDR_MODE, 4, 0),
	FS_PROG(0x34, FS_ADDR_4, 4, FS_F_4B_WRITE),
	FS_ACMD(0x20, FS_ADDR_MODE, fs_erase, 0, SZ_4K),
	FS_ACMD(0x21, FS_ADDR_4, fs_erase, FS_F_4B_WRITE | FS_F_4B_ERASE,
		SZ_4K),
	FS_ACMD(0x52, FS_ADDR_MODE, fs_erase, 0, SZ_32K),
	FS_ACMD(0x5c, FS_ADDR_4, fs_erase, FS_F_4B_WRITE | FS_F_4B_ERASE,
		SZ_32K),
	FS_ACMD(0xd8, FS_ADDR_MODE, fs_erase, 0, SZ_64K),
	FS_ACMD(0xdc, FS_ADDR_4, fs_erase, FS_F_4B_WRITE | FS_F_4B_ERASE,
		SZ_64K),
	FS_CMD(0xc7, fs_chip_erase, 0, 0, 0),
	FS_CMD(0x60, fs_chip_erase, 0, 0, 0),
	FS_CMD(0x75, fs_suspend, FS_OP_BUSY_OK, 0, 0),
	FS_CMD(0x7a, fs_resume, 0, 0, 0),

	{ .opcode = 0xe8, .addr = FS_ADDR_MODE, .addr_lines = 1,
	  .data_lines = 1, .flags = FS_OP_ARRAY, .out = fs_mu_out_lockreg },
	{ .opcode = 0xe5, .addr = FS_ADDR_MODE, .addr_lines = 1,
	  .data_lines = 1, .flags = FS_OP_ARRAY, .min_in = 1, .max_in = 1,
	  .in = fs_in_buf, .commit = fs_mu_wrlockreg },

	FS_CMD(0xb9, fs_power_down, 0, 0, 0),
	{ .opcode = 0xab, .dummy = 24, .data_lines = 1,
	  .flags = FS_OP_PD_OK | FS_OP_COMMIT_ANY, .out = fs_out_devid,
	  .commit = fs_release },
	FS_RDREG(0x9f, fs_out_jedec, 0, 0, 0),
	FS_RDREG(0x9e, fs_out_jedec, 0, 0, 0),
	/* MU-N25Q256 page 39: address always 3 bytes, 8 dummy clocks */
	{ .opcode = 0x5a, .addr = FS_ADDR_3, .addr_lines = 1, .dummy = 8,
	  .data_lines = 1, .out = fs_out_sfdp },
	FS_CMD(0x66, fs_reset_enable, 0, 0, 0),
	FS_CMD(0x99, fs_reset, 0, 0, 0),
};

const struct flashsim_optable flashsim_micron_optable = {
	.ops = flashsim_micron_ops,
	.nops = ARRAY_SIZE(flashsim_micron_ops),
};

/* ---- Spansion ---- */

/*
 * 01h WRR on S25FL-S: SR1 then CR1.  CR1 bits 5:2 are OTP; "any attempt
 * to change CR1[5] back to 0 will fail and the Status Register-1, Bit 6
 * (P_ERR in SR1[6]) will be set to 1" (SP-KBA, KBA231885).  The whole
 * write is refused then (assumption: the KBA says "programming is
 * unsuccessful"); WIP is not left stuck (assumption).
 */
#define FS_SP_P_ERR	BIT(6)
#define FS_SP_E_ERR	BIT(5)

static enum flashsim_verdict fs_sp_wrr(struct flashsim_chip *chip)
{
	const struct flashsim_sr_map *map = chip->prof->sr;

	if (chip->wel && chip->cmd.idx >= 2 && !flashsim_sr_locked(chip) &&
	    (~chip->cmd.buf[1] & chip->sr[1] & map->otp[1])) {
		chip->stats.otp_refused++;
		chip->sr[0] |= FS_SP_P_ERR;
		return FS_REFUSED;
	}
	return fs_wrsr(chip);
}

/* 30h CLSR: clears P_ERR and E_ERR (SP-KBA) */
static enum flashsim_verdict fs_sp_clsr(struct flashsim_chip *chip)
{
	chip->sr[0] &= ~(FS_SP_P_ERR | FS_SP_E_ERR);
	return FS_DONE;
}

/*
 * 16h BRRD / 17h BRWR, the bank address register: bit 7 EXTADD (1 =
 * 4-byte addresses for the 3-byte opcodes), bit 0 BA24 (A24 in 3-byte
 * mode); no WREN (the flashrom commit "Add Spansion 25FL256S", coreboot
 * gerrit 57dbd64b: "4BA through an extended address register, a 4BA
 * mode set by bit 7 of that register, or native 4BA instructions";
 * opcodes and the missing WREN: assumption, from memory of SP-FLS).
 */
static u8 fs_sp_out_bar(struct flashsim_chip *chip, u32 idx)
{
	return (chip->ear & 1) | (chip->ads ? 0x80 : 0);
}

static enum flashsim_verdict fs_sp_brwr(struct flashsim_chip *chip)
{
	chip->ear = chip->cmd.buf[0] & 1;
	chip->ads = chip->cmd.buf[0] & 0x80;
	return FS_DONE;
}

/* F0h software reset (S25FL-S; no 66h/99h: assumption, from memory) */
static enum flashsim_verdict fs_sp_reset(struct flashsim_chip *chip)
{
	flashsim_chip_reset(chip);
	return FS_DONE;
}

/*
 * Spansion S25FL256S (01 02 19).  Read by the survey: SP-FLS Table 10.2
 * (ID), 8.1 (OTP), 8.4.1 (ASP register: PPB/DYB, not modelled); SP-KBA
 * (CR1 OTP bits).  Everything else is the FL-S command set as recalled
 * (assumption) and cross-read in FR: 13h/0Ch/12h/21h/DCh 4-byte opcodes,
 * 4 KiB erase 20h, 64 KiB D8h, no 32 KiB erase, bulk erase 60h/C7h.
 * Dummy clocks for latency code 00: 0Bh 8, 3Bh/6Bh 8, BBh 4 mode clocks,
 * EBh 2 mode + 4.  Not modelled: the parameter-sector restriction of
 * 20h (the hybrid 4 KiB sectors; 20h is accepted everywhere here), the
 * latency code's effect on dummy clocks, PPB/DYB, OTP, the CFI tail of
 * 9Fh past the bytes in the profile.
 */
static const struct flashsim_op flashsim_spansion_ops[] = {
	FS_CMD(0x06, fs_wren, 0, 0, 0),
	FS_CMD(0x04, fs_wrdi, 0, 0, 0),
	FS_RDREG(0x05, fs_out_sr, FS_OP_BUSY_OK | FS_OP_POLL, 0, 0),
	FS_RDREG(0x35, fs_out_sr, FS_OP_BUSY_OK, 0, 1),
	FS_WRREG(0x01, fs_sp_wrr, 2, 0, 0),
	FS_CMD(0x30, fs_sp_clsr, 0, 0, 0),
	FS_RDREG(0x16, fs_sp_out_bar, 0, 0, 0),
	FS_WRREG(0x17, fs_sp_brwr, 1, 0, 0),

	FS_READ(0x03, FS_ADDR_MODE, 1, 0, 1, FS_OP_FR, 0),
	FS_READ(0x13, FS_ADDR_4, 1, 0, 1, FS_OP_FR, FS_F_4B_READ),
	FS_READ(0x0b, FS_ADDR_MODE, 1, 8, 1, 0, 0),
	FS_READ(0x0c, FS_ADDR_4, 1, 8, 1, 0, FS_F_4B_READ),
	FS_READ(0x3b, FS_ADDR_MODE, 1, 8, 2, 0, 0),
	FS_READ(0x3c, FS_ADDR_4, 1, 8, 2, 0, FS_F_4B_READ),
	FS_READ(0xbb, FS_ADDR_MODE, 2, 4, 2, 0, 0),
	FS_READ(0xbc, FS_ADDR_4, 2, 4, 2, 0, FS_F_4B_READ),
	FS_READ(0x6b, FS_ADDR_MODE, 1, 8, 4, 0, 0),
	FS_READ(0x6c, FS_ADDR_4, 1, 8, 4, 0, FS_F_4B_READ),
	FS_READ(0xeb, FS_ADDR_MODE, 4, 6, 4, 0, 0),
	FS_READ(0xec, FS_ADDR_4, 4, 6, 4, 0, FS_F_4B_READ),

	FS_PROG(0x02, FS_ADDR_MODE, 1, 0),
	FS_PROG(0x12, FS_ADDR_4, 1, FS_F_4B_WRITE),
	FS_PROG(0x32, FS_ADDR_MODE, 4, 0),
	FS_PROG(0x34, FS_ADDR_4, 4, FS_F_4B_WRITE),
	FS_ACMD(0x20, FS_ADDR_MODE, fs_erase, 0, SZ_4K),
	FS_ACMD(0x21, FS_ADDR_4, fs_erase, FS_F_4B_WRITE | FS_F_4B_ERASE,
		SZ_4K),
	FS_ACMD(0xd8, FS_ADDR_MODE, fs_erase, 0, SZ_64K),
	FS_ACMD(0xdc, FS_ADDR_4, fs_erase, FS_F_4B_WRITE | FS_F_4B_ERASE,
		SZ_64K),
	FS_CMD(0xc7, fs_chip_erase, 0, 0, 0),
	FS_CMD(0x60, fs_chip_erase, 0, 0, 0),

	{ .opcode = 0xab, .dummy = 24, .data_lines = 1,
	  .flags = FS_OP_COMMIT_ANY, .out = fs_out_devid,
	  .commit = fs_release },
	{ .opcode = 0x90, .addr = FS_ADDR_3, .addr_lines = 1,
	  .data_lines = 1, .out = fs_out_rems },
	FS_RDREG(0x9f, fs_out_jedec, 0, 0, 0),
	{ .opcode = 0x5a, .addr = FS_ADDR_3, .addr_lines = 1, .dummy = 8,
	  .data_lines = 1, .out = fs_out_sfdp },
	FS_CMD(0xf0, fs_sp_reset, 0, 0, 0),
};

const struct flashsim_optable flashsim_spansion_optable = {
	.ops = flashsim_spansion_ops,
	.nops = ARRAY_SIZE(flashsim_spansion_ops),
};

/* ---- Microchip SST26 ---- */

/*
 * The SST26VF064B block-protection register, 144 bits, as 72h sends it
 * (MSB first).  Layout (ASSUMPTION, from memory of the datasheet's Table
 * 5-6; the survey read only page 1): BPR[125:0] write-protect the 64 KiB
 * blocks from 0x010000 up, BPR[126] the bottom 32 KiB block (0x008000),
 * BPR[127] the top one (0x7f0000), BPR[143:128] the eight 8 KiB blocks,
 * bottom four first, two bits each: even = write lock, odd = read lock.
 * The write locks are the lock bitmap (8 KiB units in the first and last
 * 64 KiB); the eight read locks are kept in chip->ear (this part has no
 * extended address register) and do not hide data.
 */
#define FS_SST26_BPR_BITS	144

static u32 fs_sst26_bit_addr(const struct flashsim_profile *prof,
			     unsigned int bit, bool *rlock)
{
	unsigned int j;

	*rlock = false;
	if (bit < 126)
		return SZ_64K * (bit + 1);
	if (bit == 126)
		return SZ_32K;
	if (bit == 127)
		return prof->size - SZ_64K;
	j = (bit - 128) / 2;
	*rlock = bit & 1;
	return j < 4 ? j * SZ_8K : prof->size - SZ_32K + (j - 4) * SZ_8K;
}

static bool fs_sst26_bpr_get(struct flashsim_chip *chip, unsigned int bit)
{
	bool rlock;
	u32 a = fs_sst26_bit_addr(chip->prof, bit, &rlock);

	if (rlock)
		return chip->ear & BIT((bit - 128) / 2);
	return flashsim_lock_test(chip, a);
}

static void fs_sst26_bpr_set(struct flashsim_chip *chip, unsigned int bit,
			     bool on)
{
	bool rlock;
	u32 a = fs_sst26_bit_addr(chip->prof, bit, &rlock);
	u32 end = a + flashsim_sst26_block(chip->prof, a);

	if (rlock) {
		if (on)
			chip->ear |= BIT((bit - 128) / 2);
		else
			chip->ear &= ~BIT((bit - 128) / 2);
		return;
	}
	/* a 32 KiB block is four 8 KiB lock units */
	for (; a < end; a += SZ_8K)
		flashsim_lock_set(chip, a, on);
}

static u8 fs_sst26_out_bpr(struct flashsim_chip *chip, u32 idx)
{
	unsigned int b, top = FS_SST26_BPR_BITS - 1 - 8 * (idx % 18);
	u8 val = 0;

	for (b = 0; b < 8; b++)
		val |= fs_sst26_bpr_get(chip, top - b) << (7 - b);
	return val;
}

static void fs_sst26_in_bpr(struct flashsim_chip *chip, u32 idx, u8 val)
{
	chip->latch[idx] = val;
}

/* 42h WBPR: WREN first (assumption, as LX/FR use it), all 18 bytes */
static enum flashsim_verdict fs_sst26_wbpr(struct flashsim_chip *chip)
{
	unsigned int i, b;

	if (!chip->wel)
		return FS_IGNORED;
	for (i = 0; i < 18; i++)
		for (b = 0; b < 8; b++)
			fs_sst26_bpr_set(chip, FS_SST26_BPR_BITS - 1 - 8 * i - b,
					 chip->latch[i] & BIT(7 - b));
	chip->wel = false;
	return FS_DONE;
}

/* 98h ULBPR: every write lock and read lock cleared; WREN first */
static enum flashsim_verdict fs_sst26_ulbpr(struct flashsim_chip *chip)
{
	if (!chip->wel)
		return FS_IGNORED;
	flashsim_lock_all(chip, false);
	chip->ear = 0;
	chip->wel = false;
	return FS_DONE;
}

/* D8h: erases the 8, 32 or 64 KiB block that holds the address (FR) */
static enum flashsim_verdict fs_sst26_block_erase(struct flashsim_chip *chip)
{
	u32 size = flashsim_sst26_block(chip->prof, chip->cmd.addr);
	u32 start = chip->cmd.addr & ~(size - 1);

	if (!chip->wel)
		return FS_IGNORED;
	if (chip->sus || flashsim_prot_blocked(chip, start, size))
		return FS_REFUSED;
	flashsim_chip_save(chip, FS_BUSY_ERASE, start, size);
	memset(chip->array + start, 0xff, size);
	/* MC-SST26 Features: sector and block erase take the same time */
	flashsim_chip_start(chip, FS_BUSY_ERASE, FS_T(se_us));
	chip->op_addr = start;
	chip->op_len = size;
	return FS_DONE;
}

/*
 * Microchip SST26VF064B (BF 26 43).  Opcodes from the survey's sources
 * (FR/LX names, the flashrom patch by Wei Hu quoting the datasheet) and
 * the real SFDP dump of the profile: 20h 4 KiB, D8h any block (BFPT
 * DW8/9: 8, 32 and 64 KiB all D8h), dummy clocks 0Bh 8, 3Bh 8, 6Bh 8,
 * BBh 4 mode clocks, EBh 2 + 4 (BFPT DW3/4).  The status register is SR
 * (05h, read-only but BUSY/WEL), CR 35h written as the second byte of
 * 01h.  Only C7h erases the chip here (60h: assumption, absent).  Not
 * modelled: 8Dh LBPR (lock-down), E8h nVWLDR (permanent lock, never
 * sent), WPEN + WP#, the Secure ID, SQI mode, suspend, DPD.
 */
static const struct flashsim_op flashsim_sst26_ops[] = {
	FS_CMD(0x06, fs_wren, 0, 0, 0),
	FS_CMD(0x04, fs_wrdi, 0, 0, 0),
	FS_RDREG(0x05, fs_out_sr, FS_OP_BUSY_OK | FS_OP_POLL, 0, 0),
	FS_RDREG(0x35, fs_out_sr, 0, 0, 1),
	FS_WRREG(0x01, fs_wrsr, 2, 0, 0),
	/* 72h RBPR: no dummy in SPI mode (assumption) */
	{ .opcode = 0x72, .data_lines = 1, .out = fs_sst26_out_bpr },
	{ .opcode = 0x42, .data_lines = 1, .flags = FS_OP_LATCH,
	  .min_in = 18, .max_in = 18, .in = fs_sst26_in_bpr,
	  .commit = fs_sst26_wbpr },
	FS_CMD(0x98, fs_sst26_ulbpr, 0, 0, 0),

	FS_READ(0x03, FS_ADDR_MODE, 1, 0, 1, FS_OP_FR, 0),
	FS_READ(0x0b, FS_ADDR_MODE, 1, 8, 1, 0, 0),
	FS_READ(0x3b, FS_ADDR_MODE, 1, 8, 2, 0, 0),
	FS_READ(0xbb, FS_ADDR_MODE, 2, 4, 2, 0, 0),
	FS_READ(0x6b, FS_ADDR_MODE, 1, 8, 4, 0, 0),
	FS_READ(0xeb, FS_ADDR_MODE, 4, 6, 4, 0, 0),

	FS_PROG(0x02, FS_ADDR_MODE, 1, 0),
	FS_ACMD(0x20, FS_ADDR_MODE, fs_erase, 0, SZ_4K),
	FS_ACMD(0xd8, FS_ADDR_MODE, fs_sst26_block_erase, 0, 0),
	FS_CMD(0xc7, fs_chip_erase, 0, 0, 0),

	FS_RDREG(0x9f, fs_out_jedec, 0, 0, 0),
	{ .opcode = 0x5a, .addr = FS_ADDR_3, .addr_lines = 1, .dummy = 8,
	  .data_lines = 1, .out = fs_out_sfdp },
	FS_CMD(0x66, fs_reset_enable, 0, 0, 0),
	FS_CMD(0x99, fs_reset, 0, 0, 0),
};

const struct flashsim_optable flashsim_sst26_optable = {
	.ops = flashsim_sst26_ops,
	.nops = ARRAY_SIZE(flashsim_sst26_ops),
};

/* ---- Microchip SST25 ---- */

/*
 * 02h Byte-Program (MC-SST25 siblings; LX SST_WRITE): one byte.  Bytes
 * after the first are ignored and the first is programmed, so a page
 * program sent to this part writes one byte per page (the issue's
 * "silently a byte per page"; what a real part does with the extra
 * bytes: assumption).
 */
static void fs_sst25_in_byte(struct flashsim_chip *chip, u32 idx, u8 val)
{
	if (!idx)
		chip->latch[0] = val;
}

static enum flashsim_verdict fs_sst25_bp(struct flashsim_chip *chip)
{
	u32 a = chip->cmd.addr;

	if (!chip->wel)
		return FS_IGNORED;
	if (flashsim_prot_blocked(chip, a, 1))
		return FS_REFUSED;
	flashsim_chip_save(chip, FS_BUSY_PROGRAM, a, 1);
	chip->array[a] &= chip->latch[0];
	flashsim_chip_start(chip, FS_BUSY_PROGRAM, FS_T(pp_us));
	chip->op_addr = a;
	chip->op_len = 1;
	return FS_DONE;
}

/*
 * ADh AAI word program (LX SPINOR_OP_AAI_WP, FR SPI_WRITE_AAI; siblings'
 * Features "Auto Address Increment (AAI) Programming"): the first ADh
 * carries the address (A0 = 0: assumption, the word address) and two
 * bytes; each later ADh only two bytes, at the next word; WRDI (04h)
 * ends it.  Each word keeps the chip busy for tBP (pp_us).  A word in a
 * protected area ends AAI mode unprogrammed (assumption).
 */
static enum flashsim_verdict fs_sst25_aai_word(struct flashsim_chip *chip,
					       u32 a)
{
	a &= chip->prof->size - 1;
	if (flashsim_prot_blocked(chip, a, 2)) {
		chip->aai = false;
		return FS_REFUSED;
	}
	flashsim_chip_save(chip, FS_BUSY_PROGRAM, a, 2);
	chip->array[a] &= chip->cmd.buf[0];
	chip->array[a + 1] &= chip->cmd.buf[1];
	chip->aai = true;
	chip->aai_addr = a + 2;
	flashsim_chip_start(chip, FS_BUSY_PROGRAM, FS_T(pp_us));
	chip->op_addr = a;
	chip->op_len = 2;
	return FS_DONE;
}

static enum flashsim_verdict fs_sst25_aai_first(struct flashsim_chip *chip)
{
	if (!chip->wel)
		return FS_IGNORED;
	return fs_sst25_aai_word(chip, chip->cmd.addr & ~1u);
}

static enum flashsim_verdict fs_sst25_aai_cont(struct flashsim_chip *chip)
{
	return fs_sst25_aai_word(chip, chip->aai_addr);
}

const struct flashsim_op flashsim_sst25_aai_next = {
	.opcode = 0xad, .data_lines = 1, .min_in = 2, .max_in = 2,
	.in = fs_in_buf, .commit = fs_sst25_aai_cont,
};

static enum flashsim_verdict fs_sst25_wrdi(struct flashsim_chip *chip)
{
	chip->aai = false;
	chip->wel = false;
	return FS_DONE;
}

/*
 * Microchip SST25VF032B (BF 25 4A).  No datasheet of this part was read
 * (survey: "Unverified: everything for this exact part"): the command set
 * is the SST25 one of the siblings and FR/LX: 06h, 04h, 05h, 50h EWSR (a
 * status write without WEL), 01h, 03h/0Bh, 02h byte program, ADh AAI,
 * 20h/52h/D8h, 60h/C7h, 9Fh, ABh/90h (device ID 4Ah, FR).  No SFDP: 5Ah
 * is not decoded (MISO stays high).  No dual or quad reads.
 */
static const struct flashsim_op flashsim_sst25_ops[] = {
	FS_CMD(0x06, fs_wren, 0, 0, 0),
	FS_CMD(0x04, fs_sst25_wrdi, 0, 0, 0),
	FS_CMD(0x50, fs_vsr_enable, 0, 0, 0),
	FS_RDREG(0x05, fs_out_sr, FS_OP_BUSY_OK | FS_OP_POLL, 0, 0),
	FS_WRREG(0x01, fs_wrsr, 1, 0, 0),

	FS_READ(0x03, FS_ADDR_MODE, 1, 0, 1, FS_OP_FR, 0),
	FS_READ(0x0b, FS_ADDR_MODE, 1, 8, 1, 0, 0),

	{ .opcode = 0x02, .addr = FS_ADDR_3, .addr_lines = 1,
	  .data_lines = 1, .flags = FS_OP_ARRAY | FS_OP_LATCH, .min_in = 1,
	  .in = fs_sst25_in_byte, .commit = fs_sst25_bp },
	{ .opcode = 0xad, .addr = FS_ADDR_3, .addr_lines = 1,
	  .data_lines = 1, .flags = FS_OP_ARRAY, .min_in = 2, .max_in = 2,
	  .in = fs_in_buf, .commit = fs_sst25_aai_first },
	FS_ACMD(0x20, FS_ADDR_MODE, fs_erase, 0, SZ_4K),
	FS_ACMD(0x52, FS_ADDR_MODE, fs_erase, 0, SZ_32K),
	FS_ACMD(0xd8, FS_ADDR_MODE, fs_erase, 0, SZ_64K),
	FS_CMD(0xc7, fs_chip_erase, 0, 0, 0),
	FS_CMD(0x60, fs_chip_erase, 0, 0, 0),

	{ .opcode = 0xab, .addr = FS_ADDR_3, .addr_lines = 1,
	  .data_lines = 1, .out = fs_out_rems },
	{ .opcode = 0x90, .addr = FS_ADDR_3, .addr_lines = 1,
	  .data_lines = 1, .out = fs_out_rems },
	FS_RDREG(0x9f, fs_out_jedec, 0, 0, 0),
};

const struct flashsim_optable flashsim_sst25_optable = {
	.ops = flashsim_sst25_ops,
	.nops = ARRAY_SIZE(flashsim_sst25_ops),
};
