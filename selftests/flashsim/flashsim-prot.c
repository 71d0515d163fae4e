// SPDX-License-Identifier: GPL-2.0
/*
 * flashsim status registers and write protection.
 *
 * Pure helpers first: register bits, the non-volatile/volatile write rules,
 * the status-register lock (SRP/SRL/WP#), the BP/TB/SEC/CMP range decoder
 * and the individual block/sector locks.  All of it runs with chip->lock
 * held and reads the bit layout from the profile.  Source tags (DS-257FV,
 * DS-128JV, ...) are expanded in Documentation/chips.rst, "Sources".
 */
#include <linux/bitmap.h>
#include <linux/bits.h>
#include <linux/minmax.h>
#include <linux/seq_file.h>
#include <linux/sizes.h>

#include "flashsim.h"

bool flashsim_bit_get(const struct flashsim_chip *chip,
		      const struct flashsim_bit *bit)
{
	return bit->mask && (chip->sr[bit->reg] & bit->mask);
}

static u8 flashsim_field_get(const struct flashsim_chip *chip,
			     const struct flashsim_field *f)
{
	if (!f->nbits)
		return 0;
	return (chip->sr[f->reg] >> f->shift) & GENMASK(f->nbits - 1, 0);
}

static void flashsim_bit_or(u8 *val, unsigned int reg,
			    const struct flashsim_bit *bit, bool on)
{
	if (on && bit->mask && bit->reg == reg)
		*val |= bit->mask;
}

/* Live value as 05h/35h/15h return it: stored bits plus computed ones. */
u8 flashsim_sr_read(struct flashsim_chip *chip, unsigned int reg)
{
	const struct flashsim_sr_map *map = chip->prof->sr;
	u8 val = chip->sr[reg];

	flashsim_bit_or(&val, reg, &map->busy, flashsim_chip_busy(chip));
	flashsim_bit_or(&val, reg, &map->wel, chip->wel);
	flashsim_bit_or(&val, reg, &map->sus, chip->sus);
	flashsim_bit_or(&val, reg, &map->ads, chip->ads);
	flashsim_bit_or(&val, reg, &map->aai, chip->aai);
	return val;
}

/*
 * QE is read-only 1 on the -IQ/-IN/-JQ ordering options and an ordinary
 * non-volatile bit, factory 0, on -IM/-JM (DS-128JV §7.1.4); the debugfs
 * knob qe_fixed chooses (chip->qe_free = the -IM part).
 */
static u8 fs_qe_mask(const struct flashsim_chip *chip, unsigned int reg)
{
	const struct flashsim_bit *qe = &chip->prof->sr->qe;

	return chip->qe_free && qe->reg == reg ? qe->mask : 0;
}

static u8 fs_sr_writable(const struct flashsim_chip *chip, unsigned int reg)
{
	return chip->prof->sr->writable[reg] | fs_qe_mask(chip, reg);
}

u8 flashsim_sr_fixed1(const struct flashsim_chip *chip, unsigned int reg)
{
	return chip->prof->sr->fixed1[reg] & ~fs_qe_mask(chip, reg);
}

/*
 * Write one status register (DS-128JV §8.2.2, §8.2.5):
 *   nv (06h + 01h/31h/11h): non-volatile and live copy, ADP included;
 *   !nv (50h + 01h/31h/11h): live copy only, ADP untouched.
 * SRL has no non-volatile copy; SRL and LB3..1 never go 1 -> 0 (DS-256JV
 * p33).  A volatile write may set LB/SRL in the live copy (the datasheet
 * only forbids 1 -> 0; unverified that 0 -> 1 is accepted volatilely).
 */
/*
 * W25Q64FV (DS-64FV 7.1.7): SRP1:SRP0 = 10 locks the status registers
 * until the next power cycle, which returns SRP1 to 0; 11 is "One Time
 * Program": locked for ever.  SRP1 sits in the srl slot, non-volatile.
 * Reaching 11 in the non-volatile copy counts as a one-time write.
 */
static bool fs_srp1_otp_set(const struct flashsim_chip *chip)
{
	const struct flashsim_sr_map *map = chip->prof->sr;

	return (chip->sr_nv[map->srl.reg] & map->srl.mask) &&
	       (chip->sr_nv[map->srp.reg] & map->srp.mask);
}

static void fs_srp1_otp_count(struct flashsim_chip *chip, bool nv)
{
	if (!(chip->prof->features & FS_F_SRP1_OTP) || !nv)
		return;
	if (fs_srp1_otp_set(chip) && !chip->srp1_otp_seen) {
		chip->srp1_otp_seen = true;
		chip->stats.otp_writes++;
	}
}

void flashsim_sr_write(struct flashsim_chip *chip, unsigned int reg, u8 val,
		       bool nv)
{
	const struct flashsim_sr_map *map = chip->prof->sr;
	u8 mask = fs_sr_writable(chip, reg);
	u8 new;

	u8 otp = map->otp[reg] & mask;
	u8 nv_before = chip->sr_nv[reg];

	if (!nv)
		mask &= ~map->nv_only[reg];
	/* a 0 written over a set one-time bit: the write cannot clear it */
	if (~val & chip->sr[reg] & otp)
		chip->stats.otp_refused++;
	new = (val & mask) | (chip->sr[reg] & map->sticky[reg] & mask);
	if (nv) {
		new |= chip->sr_nv[reg] & map->sticky[reg] & mask;
		chip->sr_nv[reg] = (chip->sr_nv[reg] & ~mask) |
				   (new & ~map->vol_only[reg]);
		chip->stats.otp_writes += hweight8(chip->sr_nv[reg] & otp &
						   ~nv_before);
	}
	chip->sr[reg] = (chip->sr[reg] & ~mask) | new;
	fs_srp1_otp_count(chip, nv);
}

/* debugfs: as if the chip had been programmed so before power-on. */
void flashsim_sr_force(struct flashsim_chip *chip, unsigned int reg, u8 val)
{
	const struct flashsim_sr_map *map = chip->prof->sr;
	u8 mask = fs_sr_writable(chip, reg);

	chip->sr[reg] = (chip->sr[reg] & ~mask) | (val & mask);
	mask &= ~map->vol_only[reg];
	chip->sr_nv[reg] = (chip->sr_nv[reg] & ~mask) | (val & mask);
}

/* The BP and TB bits of the profile that sit in SR1 (board_bp) */
static u8 flashsim_sr1_prot_mask(const struct flashsim_chip *chip)
{
	const struct flashsim_sr_map *map = chip->prof->sr;
	u8 mask = 0;

	if (map->bp.nbits && map->bp.reg == 0)
		mask |= GENMASK(map->bp.shift + map->bp.nbits - 1,
				map->bp.shift);
	if (map->tb.reg == 0)
		mask |= map->tb.mask;
	return mask;
}

/*
 * Power-up/reset: live := non-volatile; SRL is cleared by a power cycle
 * (DS-128JV SRL table) but kept by 66h/99h (unverified: the datasheets say
 * the lock-down lasts "until the next power cycle").  At a power-up (not a
 * reset) board_bp models board firmware that re-protects its boot block:
 * its BP/TB bits are OR-ed into the non-volatile SR1 first.
 */
void flashsim_sr_power_on(struct flashsim_chip *chip, bool keep_srl)
{
	const struct flashsim_sr_map *map = chip->prof->sr;
	unsigned int reg;
	u8 keep;

	if (!keep_srl)
		chip->sr_nv[0] |= chip->board_bp & flashsim_sr1_prot_mask(chip);

	/* DS-64FV 7.1.7: a power cycle takes SRP1:SRP0 = 10 back to 00 */
	if ((chip->prof->features & FS_F_SRP1_OTP) && !keep_srl &&
	    !fs_srp1_otp_set(chip))
		chip->sr_nv[map->srl.reg] &= ~map->srl.mask;
	for (reg = 0; reg < FS_NREGS; reg++) {
		keep = keep_srl ? chip->sr[reg] & map->vol_only[reg] :
				  map->vol_init[reg];
		chip->sr[reg] = chip->sr_nv[reg] |
				flashsim_sr_fixed1(chip, reg) | keep;
	}
	/* DS-257FV §6.1.5: ADS := ADP at power-up and reset */
	chip->ads = map->adp.mask && (chip->sr_nv[map->adp.reg] & map->adp.mask);
}

/*
 * An OTP status bit set by its own command (Macronix WPSEL, LDSO): live and
 * non-volatile copy at once; nothing ever clears it.
 */
void flashsim_sr_set_otp(struct flashsim_chip *chip,
			 const struct flashsim_bit *bit)
{
	if (!(chip->sr_nv[bit->reg] & bit->mask))
		chip->stats.otp_writes++;
	chip->sr[bit->reg] |= bit->mask;
	chip->sr_nv[bit->reg] |= bit->mask;
}

/*
 * WP# asserted and acting as WP#: while QE=1 the /WP pin is IO2 and
 * protects nothing (Winbond DS-257FV §4.3, §7.1.9; the Macronix WP#/SIO2
 * pin is taken to work the same: unverified).  A
 * profile without a QE bit in its map (GD25LB256E) always honours WP#.
 */
static bool flashsim_wp_asserted(const struct flashsim_chip *chip)
{
	const struct flashsim_sr_map *map = chip->prof->sr;

	if (chip->wp_high)
		return false;
	return !flashsim_bit_get(chip, &map->qe);
}

/*
 * Status register protection (DS-128JV/DS-64JV SRL table; Macronix SRWD
 * and GigaDevice SRP0 take the SRP place, FR reg_bits srp):
 *   SRL SRP WP#
 *    1   x   x   locked until the next power cycle
 *    0   1   0   hardware protected
 *    0   1   1   writable after WREN
 *    0   0   x   writable after WREN
 */
bool flashsim_sr_locked(const struct flashsim_chip *chip)
{
	const struct flashsim_sr_map *map = chip->prof->sr;

	if (flashsim_bit_get(chip, &map->srl))
		return true;
	return flashsim_bit_get(chip, &map->srp) && flashsim_wp_asserted(chip);
}

/*
 * BP/TB/SEC range (DS-257FV §7.1.16/17, DS-128JV §7.1.8/9), CMP=0:
 *   BP = 0               nothing
 *   BP = all ones        whole chip
 *   SEC = 1              4 KiB << (BP - 1), at most 32 KiB
 *   otherwise            bp_min_len << (BP - 1), whole chip once >= size
 *   TB = 0: at the top, TB = 1: from address 0.
 */
static void flashsim_bp_range(const struct flashsim_chip *chip, u64 *start,
			      u64 *len)
{
	const struct flashsim_profile *prof = chip->prof;
	const struct flashsim_sr_map *map = prof->sr;
	u8 bp = flashsim_field_get(chip, &map->bp);
	unsigned int nbits = map->bp.nbits;

	/* Micron (MU-MT25QL256 Table 3): BP3 is bit 6, BP2..0 bits 4:2 */
	if (map->bp3.mask) {
		bp |= flashsim_bit_get(chip, &map->bp3) << nbits;
		nbits++;
	}
	if (!bp)
		*len = 0;
	else if (bp == GENMASK(nbits - 1, 0))
		*len = prof->size;
	else if (flashsim_bit_get(chip, &map->sec))
		*len = min_t(u64, (u64)prof->sec_min_len << (bp - 1),
			     prof->sec_max_len);
	else
		*len = min_t(u64, (u64)prof->bp_min_len << (bp - 1),
			     prof->size);
	*start = flashsim_bit_get(chip, &map->tb) ? 0 : prof->size - *len;
}

/* Individual locks: sector units in the first and last block. */
unsigned int flashsim_lock_count(const struct flashsim_profile *prof)
{
	return prof->size / prof->lock_block - 2 +
	       2 * (prof->lock_block / prof->lock_sector);
}

static bool flashsim_lock_split(const struct flashsim_profile *prof, u64 addr)
{
	return addr < prof->lock_block ||
	       addr >= prof->size - prof->lock_block;
}

static unsigned int flashsim_lock_unit(const struct flashsim_profile *prof,
				       u32 addr)
{
	u32 spb = prof->lock_block / prof->lock_sector;
	u32 nblocks = prof->size / prof->lock_block;
	u32 block = addr / prof->lock_block;

	if (block == 0)
		return addr / prof->lock_sector;
	if (block == nblocks - 1)
		return spb + nblocks - 2 +
		       (addr % prof->lock_block) / prof->lock_sector;
	return spb + block - 1;
}

static u32 flashsim_lock_len(const struct flashsim_profile *prof, u64 addr)
{
	return flashsim_lock_split(prof, addr) ? prof->lock_sector :
						 prof->lock_block;
}

bool flashsim_lock_test(const struct flashsim_chip *chip, u32 addr)
{
	return test_bit(flashsim_lock_unit(chip->prof, addr), chip->locks);
}

void flashsim_lock_set(struct flashsim_chip *chip, u32 addr, bool lock)
{
	unsigned int unit = flashsim_lock_unit(chip->prof, addr);

	if (lock)
		set_bit(unit, chip->locks);
	else
		clear_bit(unit, chip->locks);
}

void flashsim_lock_all(struct flashsim_chip *chip, bool lock)
{
	if (lock)
		bitmap_fill(chip->locks, chip->nlocks);
	else
		bitmap_zero(chip->locks, chip->nlocks);
}

/*
 * Macronix Solid Protection Bits (FS_F_ASP): non-volatile, same units as
 * the DPBs, set one by one, erased all together (MX25L12835F datasheet
 * §9-35, a sibling: secondary source, unverified for MX25U25635F).
 */
bool flashsim_spb_test(const struct flashsim_chip *chip, u32 addr)
{
	return chip->spb &&
	       test_bit(flashsim_lock_unit(chip->prof, addr), chip->spb);
}

void flashsim_spb_set(struct flashsim_chip *chip, u32 addr)
{
	set_bit(flashsim_lock_unit(chip->prof, addr), chip->spb);
}

void flashsim_spb_erase(struct flashsim_chip *chip)
{
	bitmap_zero(chip->spb, chip->nlocks);
}

static bool flashsim_locks_blocked(const struct flashsim_chip *chip,
				   u32 addr, u32 len)
{
	const struct flashsim_profile *prof = chip->prof;
	u64 end = (u64)addr + len;
	u64 a = addr;

	/* Unit sizes are powers of two: step from unit start to unit start */
	while (a < end) {
		if (flashsim_lock_test(chip, a) || flashsim_spb_test(chip, a))
			return true;
		a = (a & ~(u64)(flashsim_lock_len(prof, a) - 1)) +
		    flashsim_lock_len(prof, a);
	}
	return false;
}

/*
 * Does a program/erase of [addr, addr + len) touch a protected byte?
 *   WPS=1, FS_F_ASP, WP# asserted   everything (Macronix WPSEL=1, MX25L12835F
 *                                   §9-31, sibling: unverified)
 *   WPS=1                           individual locks (DS-257FV §6.2, §7.1.18),
 *                                   Macronix DPB or SPB
 *   WPS=0                           BP/TB/SEC, CMP complementing the range
 *                                   (DS-257FV §7.1.16/17)
 */
bool flashsim_prot_blocked(const struct flashsim_chip *chip, u32 addr,
			   u32 len)
{
	const struct flashsim_sr_map *map = chip->prof->sr;
	u64 end = (u64)addr + len;
	u64 start, plen;

	if (chip->prof->prot == FS_PROT_LOCKS)
		return flashsim_locks_blocked(chip, addr, len);
	if (chip->prof->prot == FS_PROT_BP_AND_LOCKS &&
	    flashsim_locks_blocked(chip, addr, len))
		return true;
	if (flashsim_bit_get(chip, &map->wps)) {
		if ((chip->prof->features & FS_F_ASP) &&
		    flashsim_wp_asserted(chip))
			return true;
		return flashsim_locks_blocked(chip, addr, len);
	}
	flashsim_bp_range(chip, &start, &plen);
	if (!flashsim_bit_get(chip, &map->cmp))
		return plen && addr < start + plen && start < end;
	return addr < start || end > start + plen;
}

/*
 * Lock bits at power-up and reset: all set on Winbond with WPS (DS-257FV
 * §6.2) and on SST26 (write-protected after power-up: MC-SST26 per the
 * survey, secondary); all clear on Micron (MU-MT25QL256 Table 15: "All
 * bits are set to 0 upon reset or power-down").
 */
void flashsim_locks_power_on(struct flashsim_chip *chip)
{
	flashsim_lock_all(chip, chip->prof->prot != FS_PROT_BP_AND_LOCKS);
}

/*
 * SST26VF064B erase blocks (MC-SST26 Features: four 8 KiB top and bottom
 * parameter blocks, one 32 KiB top and bottom block, 64 KiB elsewhere):
 * the size of the block that holds @addr.
 */
u32 flashsim_sst26_block(const struct flashsim_profile *prof, u32 addr)
{
	u32 top = prof->size - addr;

	if (addr < SZ_32K || top <= SZ_32K)
		return SZ_8K;
	if (addr < SZ_64K || top <= SZ_64K)
		return SZ_32K;
	return SZ_64K;
}

/* debugfs "locks": one line per run of locked units. */
void flashsim_locks_show(const struct flashsim_chip *chip, struct seq_file *m)
{
	const struct flashsim_profile *prof = chip->prof;
	bool in_run = false;
	u64 run = 0;
	u64 a;

	for (a = 0; a < prof->size; a += flashsim_lock_len(prof, a)) {
		bool locked = flashsim_lock_test(chip, a);

		if (locked && !in_run)
			run = a;
		else if (!locked && in_run)
			seq_printf(m, "0x%08llx-0x%08llx\n", run, a - 1);
		in_run = locked;
	}
	if (in_run)
		seq_printf(m, "0x%08llx-0x%08llx\n", run, a - 1);
}
