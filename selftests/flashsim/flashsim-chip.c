// SPDX-License-Identifier: GPL-2.0
/*
 * flashsim command engine: one SPI NOR chip as a byte-stream state machine.
 *
 * CS# falling starts a command.  Every byte clocked while CS# is low moves
 * it through the opcode, address, dummy and data phases, on the number of
 * IO lines the transfer used; a phase on the wrong number of lines makes
 * the chip ignore the rest of the command (a real chip would see other
 * bits; the simulator does not model which).  CS# rising ends the command:
 * that is when writes take effect and the chip goes busy.  BUSY is a
 * deadline compared with ktime_get(), no timers.  Everything in this file
 * runs with chip->lock held.
 */
#include <linux/bitmap.h>
#include <linux/device.h>
#include <linux/ktime.h>
#include <linux/log2.h>
#include <linux/math64.h>
#include <linux/minmax.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>

#include "flashsim.h"

/* MISO not driven by the chip (hi-Z): read as all ones, pull-up assumed */
#define FS_HIZ		0xff

/* ---- time ---- */

static ktime_t fs_deadline(const struct flashsim_chip *chip, u32 typ_us)
{
	u64 ns = (u64)typ_us * NSEC_PER_USEC;

	return ktime_add_ns(ktime_get(), div_u64(ns, chip->busy_div));
}

static void fs_undo_free(struct flashsim_undo *u)
{
	kvfree(u->old);
	memset(u, 0, sizeof(*u));
}

/*
 * End an operation whose time is up.  WEL clears when a program, erase or
 * non-volatile status write completes (DS-257FV, DS-128JV: the WEL bit).
 * From now on a power cut leaves its full effect.
 */
static void fs_settle(struct flashsim_chip *chip)
{
	if (chip->busy == FS_BUSY_NONE ||
	    ktime_before(ktime_get(), chip->busy_until))
		return;
	if (chip->busy != FS_BUSY_SUSPEND) {
		/* SST25 AAI: WEL stays set until WRDI ends the sequence */
		if (!chip->aai)
			chip->wel = false;
		fs_undo_free(&chip->undo);
	}
	chip->busy = FS_BUSY_NONE;
}

/*
 * A program, erase or non-volatile status write is about to change
 * [addr, addr + len) of the array (len 0: only status registers): keep
 * what it replaces until it completes.  The effect itself is applied at
 * once, as before; only a power cut while busy goes back to this.  If the
 * copy cannot be allocated the operation stays all-or-nothing (full).
 */
void flashsim_chip_save(struct flashsim_chip *chip, enum flashsim_busy what,
			u32 addr, u32 len)
{
	struct flashsim_undo *u = &chip->undo;

	fs_undo_free(u);
	if (len) {
		u->old = kvmalloc(len, GFP_KERNEL);
		if (!u->old)
			return;
		memcpy(u->old, chip->array + addr, len);
	}
	u->what = what;
	u->addr = addr;
	u->len = len;
	memcpy(u->sr_nv, chip->sr_nv, sizeof(u->sr_nv));
}

/* debugfs set the array or a register: nothing to go back to any more */
void flashsim_chip_forget(struct flashsim_chip *chip)
{
	fs_undo_free(&chip->undo);
	fs_undo_free(&chip->sus_undo);
}

bool flashsim_chip_busy(struct flashsim_chip *chip)
{
	fs_settle(chip);
	return chip->fault.stuck || chip->busy != FS_BUSY_NONE;
}

/* Does fault_stuck_after count this operation? */
static bool fs_stuck_counts(const struct flashsim_chip *chip,
			    enum flashsim_busy what)
{
	switch (chip->fault.stuck_on) {
	case FS_STUCK_ANY:
		return what == FS_BUSY_PROGRAM || what == FS_BUSY_ERASE ||
		       what == FS_BUSY_CHIP_ERASE || what == FS_BUSY_WRSR;
	case FS_STUCK_PROGRAM:
		return what == FS_BUSY_PROGRAM;
	case FS_STUCK_ERASE:
		return what == FS_BUSY_ERASE || what == FS_BUSY_CHIP_ERASE;
	case FS_STUCK_STATUS:
		return what == FS_BUSY_WRSR;
	}
	return false;
}

/*
 * fault_stuck_after: the Nth counted operation from arming goes busy and
 * never comes back (BUSY reads 1 until the fault is cleared); the ones
 * before it behave normally, so the host meets the stuck chip in the
 * middle of a write or erase, in that operation's own wait.  The
 * operation itself still completes in the array as usual.
 */
static void fs_stuck_count(struct flashsim_chip *chip, enum flashsim_busy what)
{
	if (!chip->fault.stuck_after || !fs_stuck_counts(chip, what))
		return;
	if (--chip->fault.stuck_after)
		return;
	chip->fault.stuck = true;
	chip->stats.faults++;
}

/*
 * The busy time @t (FS_T(field)) as busy_time says: the profile's typical
 * value, its maximum, or a seeded uniform pick between the two (xorshift32
 * as fs_prng(), its own sequence so that it does not move the faults').
 * The datasheets give a typical and a maximum and nothing about the
 * distribution between them (DS-257FV §9.6, "AC Electrical
 * Characteristics"), so uniform is a choice, not a fact.
 */
static u32 fs_busy_us(struct flashsim_chip *chip, size_t t)
{
	u32 typ = *(const u32 *)((const u8 *)&chip->prof->t + t);
	u32 max = *(const u32 *)((const u8 *)&chip->prof->t_max + t);
	u32 x;

	if (chip->busy_time == FS_TIME_MAX)
		return max;
	if (chip->busy_time != FS_TIME_RANDOM || max == typ)
		return typ;
	x = chip->busy_prng;
	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	chip->busy_prng = x;
	return typ + x % (max - typ + 1);
}

/*
 * Go busy for the time busy_time picks from the profile (fs_busy_us()),
 * scaled down by busy_div.
 */
void flashsim_chip_start(struct flashsim_chip *chip, enum flashsim_busy what,
			 size_t t)
{
	u32 typ_us = fs_busy_us(chip, t);

	chip->stats.busy_ns += (u64)typ_us * NSEC_PER_USEC;
	if (chip->fault.stuck_busy)
		chip->fault.stuck = true;
	fs_stuck_count(chip, what);
	chip->op_unseen = what != FS_BUSY_SUSPEND;
	chip->busy = what;
	chip->busy_until = fs_deadline(chip, typ_us);
}

/* fault_stuck_busy: at once when idle, else from the next operation on */
void flashsim_chip_set_stuck(struct flashsim_chip *chip, bool stuck)
{
	chip->fault.stuck_busy = stuck;
	if (!stuck)
		chip->fault.stuck = false;
	else if (!chip->fault.stuck)
		chip->fault.stuck = !flashsim_chip_busy(chip);
}

/*
 * fault_stuck_after N: arm (N > 0) or disarm (0) the countdown; either
 * write also ends a stuck BUSY the countdown caused earlier.
 */
void flashsim_chip_set_stuck_after(struct flashsim_chip *chip, u32 n)
{
	chip->fault.stuck_after = n;
	if (!chip->fault.stuck_busy)
		chip->fault.stuck = false;
}

/*
 * 75h (DS-257FV §8.2.31): BUSY stays 1 for tSUS, then SUS=1.  The time
 * left is kept for 7Ah (§8.2.32), and so is what the operation replaced
 * (a power cut while suspended tears it).  The array already holds the
 * result: reads of the suspended range are undefined on a real chip.
 */
void flashsim_chip_suspend(struct flashsim_chip *chip)
{
	s64 left = ktime_to_ns(ktime_sub(chip->busy_until, ktime_get()));

	chip->sus_left_ns = max_t(s64, left, 0);
	chip->sus_busy = chip->busy;
	fs_undo_free(&chip->sus_undo);
	chip->sus_undo = chip->undo;
	memset(&chip->undo, 0, sizeof(chip->undo));
	chip->sus_addr = chip->op_addr;
	chip->sus_len = chip->op_len;
	chip->sus = true;
	chip->busy = FS_BUSY_SUSPEND;
	chip->busy_until = fs_deadline(chip, fs_busy_us(chip, FS_T(sus_us)));
}

void flashsim_chip_resume(struct flashsim_chip *chip)
{
	chip->sus = false;
	chip->busy = chip->sus_busy;
	chip->op_addr = chip->sus_addr;
	chip->op_len = chip->sus_len;
	chip->busy_until = ktime_add_ns(ktime_get(), chip->sus_left_ns);
	chip->sus_busy = FS_BUSY_NONE;
	chip->op_unseen = true;
	fs_undo_free(&chip->undo);
	chip->undo = chip->sus_undo;
	memset(&chip->sus_undo, 0, sizeof(chip->sus_undo));
}

/*
 * Power-on state of everything volatile (DS-257FV §6.1.7, §8.2.53): WEL,
 * EAR, volatile status bits, SUS, power-down, the 66h/50h latches,
 * continuous read mode; individual locks all set (DS-257FV §6.2).  An
 * operation in progress is dropped with the effect it has in the array:
 * in full after a reset (66h/99h are refused while busy, so only a
 * suspended one can be dropped; unverified), partial after a power cut
 * (fs_power_cut()).
 */
static void fs_power_on(struct flashsim_chip *chip, bool keep_srl)
{
	flashsim_sr_power_on(chip, keep_srl);
	chip->wel = false;
	chip->ear = 0;
	chip->pd = false;
	chip->rst_en = false;
	chip->vsr_en = false;
	chip->sus = false;
	chip->cont_op = 0;
	chip->busy = FS_BUSY_NONE;
	chip->sus_busy = FS_BUSY_NONE;
	/* nothing is left to end: no status read is owed */
	chip->op_unseen = false;
	chip->quad_proto = false;
	chip->aai = false;
	flashsim_chip_forget(chip);
	flashsim_locks_power_on(chip);
	/* A chip powered up with CS# low waits for CS# to rise */
	if (chip->selected)
		chip->cmd.phase = FS_PH_IGNORE;
}

/* 66h/99h: like a power cycle, then deaf for tRST (DS-257FV §8.2.53) */
void flashsim_chip_reset(struct flashsim_chip *chip)
{
	fs_power_on(chip, true);
	chip->reset_until = fs_deadline(chip, chip->prof->t.rst_us);
}

static u32 fs_prng(struct flashsim_chip *chip)
{
	u32 x = chip->fault.prng;

	/* xorshift32: deterministic for a given fault_seed */
	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	chip->fault.prng = x;
	return x;
}

/*
 * Power lost while an operation is busy leaves it partly done.  The W25Q
 * datasheets say so only for a suspended one: "Unexpected power off during
 * the Erase/Program suspend state will reset the device and release the
 * suspend state ... The data within the page, sector or block that was
 * being suspended may become corrupted" (Winbond W25Q40BL datasheet
 * §8.2.27, the same family's 75h section; DS-257FV §8.2.31 assumed to say
 * the same, unverified).  For a running program or erase no Winbond text
 * was found; that it too leaves the cells undefined is an ASSUMPTION
 * (Microchip's SST26VF016B FAQ 3411 says as much for its part).  The model,
 * with the fault_seed PRNG:
 *   page program: a random subset of the bits it clears (1 -> 0);
 *   erase: each byte erased (FFh), as before, or random;
 *   status write: each register old or new (non-volatile copy);
 * security-register and OTP writes keep their full effect (no copy).
 */
static void fs_tear(struct flashsim_chip *chip, struct flashsim_undo *u)
{
	u8 *a = chip->array + u->addr;
	unsigned int reg;
	u32 i, r;

	switch (u->what) {
	case FS_BUSY_PROGRAM:
		for (i = 0; i < u->len; i++)
			a[i] = u->old[i] & ~(u->old[i] & ~a[i] & fs_prng(chip));
		break;
	case FS_BUSY_ERASE:
	case FS_BUSY_CHIP_ERASE:
		for (i = 0; i < u->len; i++) {
			r = fs_prng(chip);
			a[i] = r % 3 == 0 ? 0xff : r % 3 == 1 ? u->old[i] : r >> 24;
			if (!(i & 0xffff))
				cond_resched();
		}
		break;
	case FS_BUSY_WRSR:
		for (reg = 0; reg < FS_NREGS; reg++)
			if (fs_prng(chip) & 1)
				chip->sr_nv[reg] = u->sr_nv[reg];
		break;
	default:
		return;
	}
	chip->stats.torn_ops++;
}

/*
 * @now: the supply drops right after the command was accepted, so the
 * operation it started is in progress whatever the clock says
 * (fault_power_cycle_op); otherwise an operation whose time is up has
 * completed.  An idle chip's array and registers are left as they are.
 */
static void fs_power_cut(struct flashsim_chip *chip, bool now)
{
	if (!now)
		fs_settle(chip);
	if (chip->busy != FS_BUSY_NONE && chip->busy != FS_BUSY_SUSPEND)
		fs_tear(chip, &chip->undo);
	if (chip->sus)
		fs_tear(chip, &chip->sus_undo);
	chip->stats.power_cycles++;
	fs_power_on(chip, false);
	chip->reset_until = 0;
}

void flashsim_chip_power_cycle(struct flashsim_chip *chip)
{
	fs_power_cut(chip, false);
}

/* ---- fault_read_flip ---- */

static void fs_flip(struct flashsim_chip *chip, u8 *buf, u32 len)
{
	u32 n = chip->fault.read_flip;
	u32 i;

	if (!n)
		return;
	for (i = 0; i < len; i++) {
		if (fs_prng(chip) % n == 0) {
			buf[i] ^= BIT(fs_prng(chip) & 7);
			chip->stats.faults++;
		}
	}
}

/* ---- command phases ---- */

static void fs_garble(struct flashsim_chip *chip)
{
	chip->cmd.phase = FS_PH_IGNORE;
	chip->stats.ignored++;
}

static void fs_enter_data(struct flashsim_chip *chip, u32 extra_clocks)
{
	struct flashsim_cmd *cmd = &chip->cmd;
	const struct flashsim_op *op = cmd->op;
	u32 bits = extra_clocks * op->data_lines;

	if (op->out) {
		/* Too many dummy clocks: data already started (skewed) */
		cmd->idx = bits / 8;
		cmd->skew = bits % 8;
		cmd->phase = FS_PH_OUT;
	} else {
		cmd->phase = op->in ? FS_PH_IN : FS_PH_END;
	}
}

static void fs_enter_dummy(struct flashsim_chip *chip)
{
	if (chip->cmd.op->dummy)
		chip->cmd.phase = FS_PH_DUMMY;
	else
		fs_enter_data(chip, 0);
}

static u8 fs_addr_len(const struct flashsim_chip *chip,
		      const struct flashsim_op *op)
{
	switch (op->addr) {
	case FS_ADDR_3:
		return 3;
	case FS_ADDR_4:
		return 4;
	case FS_ADDR_MODE:
		/* DS-257FV §8.2.8-9: ADS selects 24- or 32-bit addresses */
		return chip->ads ? 4 : 3;
	}
	return 0;
}

/*
 * Array address: in 3-byte mode the EAR supplies A31-A24 (DS-257FV §7.2);
 * addresses wrap at the chip size (wrap across the EAR segment unverified).
 */
static u32 fs_array_addr(const struct flashsim_chip *chip, u32 addr, u8 len)
{
	if (len == 3 && (chip->prof->features & FS_F_EAR))
		addr |= (u32)chip->ear << 24;
	return addr & (chip->prof->size - 1);
}

static bool fs_rejected(struct flashsim_chip *chip,
			const struct flashsim_op *op, bool busy)
{
	const struct flashsim_sr_map *map = chip->prof->sr;
	bool quad = op->addr_lines == 4 || op->data_lines == 4;

	/* DS-257FV §8.2.53: nothing is accepted during tRST */
	if (ktime_before(ktime_get(), chip->reset_until))
		return true;
	/* DS-257FV §8.2 (B9h): in power-down only ABh is recognised */
	if (chip->pd && !(op->flags & FS_OP_PD_OK))
		return true;
	/* DS-257FV §8: while BUSY only 05h/35h/15h and 75h */
	if (busy && !(op->flags & FS_OP_BUSY_OK))
		return true;
	/* Macronix SPB/DPB commands are active only with WPSEL = 1 */
	if ((op->flags & FS_OP_WPS) && !flashsim_bit_get(chip, &map->wps))
		return true;
	/* Quad instructions need QE=1 (DS-257FV §7.1.9, MEM) */
	return quad && map->qe.mask && !flashsim_bit_get(chip, &map->qe);
}

/*
 * Bus discipline counters.  While BUSY=1 the chip takes only status reads
 * and 75h (DS-257FV §8): anything else is counted in cmds_while_busy.
 * Any command but those after a program, erase or status write that no
 * status read was seen to end (the host sent a command to a chip it never
 * saw idle, whether or not the time had passed) counts in
 * unobserved_ends, once per operation.
 */
static void fs_discipline(struct flashsim_chip *chip,
			  const struct flashsim_op *op, bool busy)
{
	if (op && (op->flags & FS_OP_BUSY_OK))
		return;
	if (busy)
		chip->stats.cmds_while_busy++;
	if (chip->op_unseen) {
		chip->stats.unobserved_ends++;
		chip->op_unseen = false;
	}
}

static void fs_begin(struct flashsim_chip *chip, u8 opcode,
		     unsigned int lines)
{
	const struct flashsim_op *op = chip->optab[opcode];
	struct flashsim_cmd *cmd = &chip->cmd;
	bool busy = flashsim_chip_busy(chip);

	chip->stats.op[opcode]++;
	fs_discipline(chip, op, busy);
	cmd->op = op;
	cmd->rst_en_before = chip->rst_en;
	cmd->vsr_en_before = chip->vsr_en;
	chip->rst_en = false;
	chip->vsr_en = false;
	/*
	 * Micron after 35h (MU-N25Q256 Table 18: ENTER QUAD): commands come
	 * on four lines; the model takes only F5h (exit) there and garbles
	 * everything else until F5h or a power cycle.
	 */
	if (chip->quad_proto) {
		if (lines == 4 && opcode == 0xf5)
			chip->quad_proto = false;
		fs_garble(chip);
		return;
	}
	/* SST25 AAI mode: ADh continues without an address (MC-SST25) */
	if (chip->aai && opcode == 0xad)
		op = &flashsim_sst25_aai_next;
	else if (chip->aai && op && !(op->flags & FS_OP_POLL) &&
		 opcode != 0x04)
		op = NULL;
	cmd->op = op;
	/* SPI mode: the instruction is on IO0 only (no QPI on -IQ parts) */
	if (lines != 1 || !op || fs_rejected(chip, op, busy)) {
		fs_garble(chip);
		return;
	}
	if (busy && (op->flags & FS_OP_POLL)) {
		chip->stats.polls++;
		if (chip->fault.stuck)
			chip->stats.faults++;
	}
	if (op->flags & FS_OP_LATCH)
		memset(chip->latch, 0xff, chip->prof->page_size);
	cmd->addr_len = fs_addr_len(chip, op);
	if (cmd->addr_len)
		cmd->phase = FS_PH_ADDR;
	else
		fs_enter_dummy(chip);
}

static void fs_addr_byte(struct flashsim_chip *chip, u8 in,
			 unsigned int lines)
{
	struct flashsim_cmd *cmd = &chip->cmd;
	const struct flashsim_op *op = cmd->op;

	if (lines != op->addr_lines) {
		fs_garble(chip);
		return;
	}
	cmd->addr = cmd->addr << 8 | in;
	if (++cmd->addr_got < cmd->addr_len)
		return;
	if (op->flags & FS_OP_ARRAY)
		cmd->addr = fs_array_addr(chip, cmd->addr, cmd->addr_len);
	fs_enter_dummy(chip);
}

/*
 * BBh/EBh mode bits M7-0 (DS-257FV §8.2, "Continuous Read Mode", MEM):
 * M5-4 = 10b lets the next CS# cycle start with the address; any other
 * value ends continuous read mode.
 */
static void fs_mode_byte(struct flashsim_chip *chip, u8 mode)
{
	chip->cont_op = (mode & 0x30) == 0x20 ? chip->cmd.op->opcode : 0;
}

static void fs_dummy_byte(struct flashsim_chip *chip, u8 in,
			  unsigned int lines)
{
	struct flashsim_cmd *cmd = &chip->cmd;
	const struct flashsim_op *op = cmd->op;

	if ((op->flags & FS_OP_MODE) && !cmd->mode_seen) {
		cmd->mode_seen = true;
		fs_mode_byte(chip, lines == op->addr_lines ? in : FS_HIZ);
	}
	/* Dummy cycles are clocks: a byte on n lines is 8 / n of them */
	cmd->dummy_got += 8 / lines;
	if (cmd->dummy_got >= op->dummy)
		fs_enter_data(chip, cmd->dummy_got - op->dummy);
}

/*
 * 03h and 13h are specified only up to fR (DS-257FV §9.6, "Clock frequency
 * for Read Data instruction"); the other reads are good to fC.  Clocked
 * faster, the output is not valid when the host samples it.  What a real
 * chip then returns depends on the board; the model (an assumption) is
 * noise, fs_prng() bytes, so that no verify can pass by luck.  Counted
 * once per command in reads_above_fr.
 */
static bool fs_above_fr(struct flashsim_chip *chip)
{
	struct flashsim_cmd *cmd = &chip->cmd;

	if (!(cmd->op->flags & FS_OP_FR) || chip->xfer_hz <= chip->prof->fr_hz)
		return false;
	if (!cmd->above_fr) {
		cmd->above_fr = true;
		chip->stats.reads_above_fr++;
	}
	return true;
}

static void fs_noise(struct flashsim_chip *chip, u8 *buf, u32 n)
{
	u32 i;

	for (i = 0; i < n; i++)
		buf[i] = fs_prng(chip);
}

static u8 fs_out_byte(struct flashsim_chip *chip, unsigned int lines)
{
	struct flashsim_cmd *cmd = &chip->cmd;
	const struct flashsim_op *op = cmd->op;
	u8 val;

	if (lines != op->data_lines) {
		fs_garble(chip);
		return FS_HIZ;
	}
	val = op->out(chip, cmd->idx);
	if (cmd->skew)
		val = val << cmd->skew |
		      op->out(chip, cmd->idx + 1) >> (8 - cmd->skew);
	cmd->idx++;
	if (fs_above_fr(chip))
		fs_noise(chip, &val, 1);
	else if (op->flags & FS_OP_READ)
		fs_flip(chip, &val, 1);
	return val;
}

static void fs_in_byte(struct flashsim_chip *chip, u8 in, unsigned int lines)
{
	struct flashsim_cmd *cmd = &chip->cmd;
	const struct flashsim_op *op = cmd->op;

	/* More data than the instruction takes: not executed (DS-257FV §8) */
	if (lines != op->data_lines || (op->max_in && cmd->idx >= op->max_in)) {
		fs_garble(chip);
		return;
	}
	op->in(chip, cmd->idx++, in);
}

static u8 fs_step(struct flashsim_chip *chip, u8 in, unsigned int lines)
{
	switch (chip->cmd.phase) {
	case FS_PH_OPCODE:
		fs_begin(chip, in, lines);
		break;
	case FS_PH_ADDR:
		fs_addr_byte(chip, in, lines);
		break;
	case FS_PH_DUMMY:
		fs_dummy_byte(chip, in, lines);
		break;
	case FS_PH_IN:
		fs_in_byte(chip, in, lines);
		break;
	case FS_PH_OUT:
		return fs_out_byte(chip, lines);
	case FS_PH_END:
		/* CS# must rise right after the last byte (DS-257FV §8) */
		fs_garble(chip);
		break;
	case FS_PH_IGNORE:
		break;
	}
	return FS_HIZ;
}

/* Array read data phase: straight from the array, wrapping at the end. */
static u32 fs_read_run(struct flashsim_chip *chip, u8 *rx, u32 len)
{
	struct flashsim_cmd *cmd = &chip->cmd;
	u32 size = chip->prof->size;
	u32 a = (cmd->addr + cmd->idx) & (size - 1);
	u32 n = min(len, size - a);

	if (fs_above_fr(chip)) {
		if (rx)
			fs_noise(chip, rx, n);
	} else if (rx) {
		memcpy(rx, chip->array + a, n);
		fs_flip(chip, rx, n);
	}
	cmd->idx += n;
	return n;
}

static bool fs_fast_read(const struct flashsim_chip *chip, unsigned int lines)
{
	const struct flashsim_cmd *cmd = &chip->cmd;

	return cmd->phase == FS_PH_OUT && (cmd->op->flags & FS_OP_READ) &&
	       !cmd->skew && lines == cmd->op->data_lines;
}

/*
 * fault_miso_after: @n more array data bytes went out, ending at byte @at
 * of this transfer.  When the count runs out, MISO is lost from there on:
 * fault_miso becomes "high" and the bus forces the rest of the transfer
 * (chip->miso_cut) and everything after to FFh.  The chip itself goes on.
 */
static void fs_miso_count(struct flashsim_chip *chip, u32 at, u32 n)
{
	if (!chip->fault.miso_after)
		return;
	chip->fault.miso_after -= min(n, chip->fault.miso_after);
	if (chip->fault.miso_after)
		return;
	chip->fault.miso = FS_MISO_HIGH;
	chip->miso_cut = at;
}

/*
 * Clock @len bytes on @lines IO lines through the selected chip.  @tx NULL
 * means the host drives zeros; @rx NULL means nobody samples MISO.
 */
void flashsim_chip_clock(struct flashsim_chip *chip, const u8 *tx, u8 *rx,
			 u32 len, unsigned int lines)
{
	u32 i = 0, n;
	bool data;
	u8 out;

	while (i < len) {
		if (fs_fast_read(chip, lines)) {
			n = len - i;
			if (chip->fault.miso_after)
				n = min(n, chip->fault.miso_after);
			n = fs_read_run(chip, rx ? rx + i : NULL, n);
			i += n;
			fs_miso_count(chip, i, n);
			continue;
		}
		if (chip->cmd.phase == FS_PH_IGNORE) {
			if (rx)
				memset(rx + i, FS_HIZ, len - i);
			return;
		}
		data = chip->cmd.phase == FS_PH_OUT &&
		       (chip->cmd.op->flags & FS_OP_READ);
		out = fs_step(chip, tx ? tx[i] : 0, lines);
		if (rx)
			rx[i] = out;
		i++;
		if (data)
			fs_miso_count(chip, i, 1);
	}
}

static void fs_cs_fall(struct flashsim_chip *chip)
{
	memset(&chip->cmd, 0, sizeof(chip->cmd));
	/* Continuous read mode: the instruction is implied */
	if (chip->cont_op)
		fs_begin(chip, chip->cont_op, 1);
}

/*
 * fault_power_cycle_op: the supply drops right after the chip accepted
 * this command, i.e. while the program, erase or status write it started
 * is in progress (after a read: between two commands), and comes back at
 * once.  The datasheets promise only a reset state below VWI (DS-257FV
 * §9.3); the interrupted operation is left partly done as fs_tear() says,
 * and everything volatile is lost, as power_cycle does.  One shot.
 */
static void fs_power_fail(struct flashsim_chip *chip,
			  const struct flashsim_op *op)
{
	if (!chip->fault.power_cycle_op ||
	    chip->fault.power_cycle_op != op->opcode)
		return;
	/* fault_power_cycle_nth: not this one yet */
	if (chip->fault.power_cycle_nth > 1) {
		chip->fault.power_cycle_nth--;
		return;
	}
	chip->fault.power_cycle_op = 0;
	chip->fault.power_cycle_nth = 1;
	chip->stats.faults++;
	fs_power_cut(chip, true);
}

/*
 * CS# rises: an instruction with a CS# handler runs it if all its phases
 * were clocked (ABh releases power-down even without them).
 */
static void fs_cs_rise(struct flashsim_chip *chip)
{
	struct flashsim_cmd *cmd = &chip->cmd;
	const struct flashsim_op *op = cmd->op;
	bool complete;

	if (cmd->phase == FS_PH_IGNORE || !op)
		return;
	if (!op->commit) {
		/* a read or another command that acts while clocked */
		fs_power_fail(chip, op);
		return;
	}
	complete = cmd->phase == FS_PH_END || cmd->phase == FS_PH_OUT ||
		   (cmd->phase == FS_PH_IN && cmd->idx >= op->min_in);
	if (!complete && !(op->flags & FS_OP_COMMIT_ANY)) {
		chip->stats.ignored++;
		return;
	}
	switch (op->commit(chip)) {
	case FS_REFUSED:
		/* Whether a refused write clears WEL is not documented */
		chip->wel = false;
		fallthrough;
	case FS_IGNORED:
		chip->stats.ignored++;
		break;
	case FS_DONE:
		fs_power_fail(chip, op);
		break;
	}
}

void flashsim_chip_select(struct flashsim_chip *chip, bool select)
{
	if (chip->selected == select)
		return;
	chip->selected = select;
	if (select)
		fs_cs_fall(chip);
	else
		fs_cs_rise(chip);
}

/* ---- creation ---- */

/* Every maximum at least its typical time, and none 0 */
static bool fs_timing_ok(const struct flashsim_profile *prof)
{
	const u32 *typ = (const u32 *)&prof->t;
	const u32 *max = (const u32 *)&prof->t_max;
	unsigned int i;

	for (i = 0; i < sizeof(prof->t) / sizeof(u32); i++)
		if (!typ[i] || max[i] < typ[i])
			return false;
	return true;
}

static bool fs_profile_ok(const struct flashsim_profile *prof)
{
	return prof->sr && fs_timing_ok(prof) && prof->fr_hz &&
	       is_power_of_2(prof->size) &&
	       is_power_of_2(prof->page_size) &&
	       is_power_of_2(prof->lock_block) &&
	       is_power_of_2(prof->lock_sector) &&
	       prof->lock_sector <= prof->lock_block &&
	       prof->size >= 2 * prof->lock_block &&
	       (!prof->secreg_count ||
		(is_power_of_2(prof->secreg_size) &&
		 prof->secreg_size <= prof->page_size &&
		 prof->secreg_size <= prof->secreg_stride));
}

static void fs_build_optab(struct flashsim_chip *chip)
{
	const struct flashsim_profile *prof = chip->prof;
	const struct flashsim_optable *tab = prof->optable ?:
					      &flashsim_winbond_optable;
	const struct flashsim_op *ops = tab->ops;
	unsigned int i;

	for (i = 0; i < tab->nops; i++)
		if ((ops[i].feature & prof->features) == ops[i].feature)
			chip->optab[ops[i].opcode] = &ops[i];
}

/* 4Bh unique ID: a per-chip constant derived from the chip select */
static void fs_make_uid(struct flashsim_chip *chip)
{
	u64 id = 0xd8c1a95b3e207f64ULL ^ (chip->cs * 0x9e3779b97f4a7c15ULL);
	unsigned int i;

	for (i = 0; i < sizeof(chip->uid); i++)
		chip->uid[i] = id >> (56 - 8 * i);
}

static void fs_chip_release(void *data)
{
	struct flashsim_chip *chip = data;

	flashsim_chip_forget(chip);
	bitmap_free(chip->spb);
	bitmap_free(chip->locks);
	kfree(chip->latch);
	kfree(chip->secreg);
	vfree(chip->array);
	mutex_destroy(&chip->lock);
}

static int fs_chip_alloc(struct flashsim_chip *chip)
{
	const struct flashsim_profile *prof = chip->prof;
	size_t secreg = (size_t)prof->secreg_count * prof->secreg_size;

	chip->array = vmalloc(prof->size);
	chip->secreg = kmalloc(max_t(size_t, secreg, 1), GFP_KERNEL);
	chip->latch = kmalloc(prof->page_size, GFP_KERNEL);
	chip->nlocks = flashsim_lock_count(prof);
	chip->locks = bitmap_zalloc(chip->nlocks, GFP_KERNEL);
	if (!chip->array || !chip->secreg || !chip->latch || !chip->locks)
		return -ENOMEM;
	/* SPBs ship cleared (MX25L12835F §9-35 SPBR default 00h, sibling) */
	if (prof->features & FS_F_ASP) {
		chip->spb = bitmap_zalloc(chip->nlocks, GFP_KERNEL);
		if (!chip->spb)
			return -ENOMEM;
	}
	/* Shipped erased */
	memset(chip->array, 0xff, prof->size);
	memset(chip->secreg, 0xff, secreg);
	return 0;
}

static void fs_nv_defaults(struct flashsim_chip *chip)
{
	const struct flashsim_profile *prof = chip->prof;
	unsigned int reg;

	for (reg = 0; reg < FS_NREGS; reg++)
		chip->sr_nv[reg] = prof->sr_default[reg] | prof->sr->fixed1[reg];
}

/*
 * debugfs swap_profile: the board is powered off, the chip replaced by one
 * of another profile of the same size and powered on again.  The new chip
 * holds the same array bytes (as if programmed with the same image), its
 * factory register values, erased security registers, no SPB set.
 */
int flashsim_chip_swap(struct flashsim_chip *chip,
		       const struct flashsim_profile *prof)
{
	size_t secreg = (size_t)prof->secreg_count * prof->secreg_size;
	unsigned long *locks, *spb = NULL;
	unsigned int nlocks;
	u8 *latch, *sr;

	if (!fs_profile_ok(prof) || prof->size != chip->prof->size)
		return -EINVAL;
	nlocks = flashsim_lock_count(prof);
	sr = kmalloc(max_t(size_t, secreg, 1), GFP_KERNEL);
	latch = kmalloc(prof->page_size, GFP_KERNEL);
	locks = bitmap_zalloc(nlocks, GFP_KERNEL);
	if (prof->features & FS_F_ASP)
		spb = bitmap_zalloc(nlocks, GFP_KERNEL);
	if (!sr || !latch || !locks || (!spb && (prof->features & FS_F_ASP))) {
		kfree(sr);
		kfree(latch);
		bitmap_free(locks);
		bitmap_free(spb);
		return -ENOMEM;
	}
	flashsim_chip_forget(chip);
	kfree(chip->secreg);
	kfree(chip->latch);
	bitmap_free(chip->locks);
	bitmap_free(chip->spb);
	memset(sr, 0xff, secreg);
	chip->secreg = sr;
	chip->latch = latch;
	chip->locks = locks;
	chip->spb = spb;
	chip->nlocks = nlocks;
	chip->prof = prof;
	/* another part is soldered in: it answers with its own ID */
	memcpy(chip->id, prof->id, sizeof(chip->id));
	memset(chip->optab, 0, sizeof(chip->optab));
	fs_build_optab(chip);
	chip->qe_free = false;
	chip->srp1_otp_seen = false;
	fs_nv_defaults(chip);
	memset(&chip->cmd, 0, sizeof(chip->cmd));
	fs_power_on(chip, false);
	chip->reset_until = 0;
	return 0;
}

struct flashsim_chip *flashsim_chip_create(struct device *dev,
					   const struct flashsim_profile *prof,
					   unsigned int cs, u32 busy_div)
{
	struct flashsim_chip *chip;
	int ret;

	if (!fs_profile_ok(prof)) {
		dev_err(dev, "profile %s is inconsistent\n", prof->name);
		return ERR_PTR(-EINVAL);
	}
	chip = devm_kzalloc(dev, sizeof(*chip), GFP_KERNEL);
	if (!chip)
		return ERR_PTR(-ENOMEM);
	mutex_init(&chip->lock);
	chip->prof = prof;
	memcpy(chip->id, prof->id, sizeof(chip->id));
	chip->cs = cs;
	chip->busy_div = busy_div;
	ret = devm_add_action_or_reset(dev, fs_chip_release, chip);
	if (!ret)
		ret = fs_chip_alloc(chip);
	if (ret)
		return ERR_PTR(ret);
	fs_build_optab(chip);
	fs_make_uid(chip);
	fs_nv_defaults(chip);
	chip->wp_high = true;
	chip->fault.seed = 1;
	chip->fault.prng = 1;
	chip->busy_prng = 1;
	chip->fault.power_cycle_nth = 1;
	chip->miso_cut = U32_MAX;
	fs_power_on(chip, false);
	return chip;
}
