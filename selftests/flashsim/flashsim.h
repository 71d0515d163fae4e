/* SPDX-License-Identifier: GPL-2.0 */
/*
 * flashsim - a simulated SPI NOR chip behind a simulated SPI controller.
 *
 * Private header shared by the simulator's files: the profile (chip data),
 * the opcode descriptor, the per-chip state and the functions one file
 * offers the others.  The simulator never includes a biosflash header.
 */
#ifndef __FLASHSIM_H
#define __FLASHSIM_H

#include <linux/bits.h>
#include <linux/ktime.h>
#include <linux/mutex.h>
#include <linux/stddef.h>
#include <linux/types.h>

struct dentry;
struct device;
struct seq_file;
struct flashsim_chip;

/* Status registers SR1..SR3 are indexed 0..2. */
#define FS_NREGS		3

/* One status-register bit; mask == 0 means the chip has no such bit. */
struct flashsim_bit {
	u8 reg;
	u8 mask;
};

#define FS_BIT(r, b)		{ .reg = (r) - 1, .mask = BIT(b) }

/* A multi-bit status-register field (BP, LB); nbits == 0: absent. */
struct flashsim_field {
	u8 reg;
	u8 shift;
	u8 nbits;
};

#define FS_FIELD(r, s, n)	{ .reg = (r) - 1, .shift = (s), .nbits = (n) }

/*
 * Status-register map of a chip family.  The masks say how a write through
 * 01h/31h/11h treats each bit; bits in none of them are reserved (read 0)
 * or computed (BUSY, WEL, SUS, ADS).
 */
struct flashsim_sr_map {
	struct flashsim_bit busy, wel, sus, srp, srl, tb, sec, cmp;
	struct flashsim_bit wps, qe, adp, ads;
	struct flashsim_field bp, lb;
	u8 writable[FS_NREGS];	/* written by 01h/31h/11h */
	u8 sticky[FS_NREGS];	/* a write cannot take them 1 -> 0 (LB, SRL) */
	u8 vol_only[FS_NREGS];	/* no non-volatile copy, 0 at power-up (SRL) */
	u8 nv_only[FS_NREGS];	/* only the non-volatile (06h) path writes (ADP) */
	u8 fixed1[FS_NREGS];	/* read-only 1 (QE on -IQ parts) */
	u8 otp[FS_NREGS];	/* one-time: 0 -> 1 once, for ever (counted) */
	u8 vol_init[FS_NREGS];	/* power-up value of volatile bits (SST25 BP) */
	struct flashsim_bit bp3;	/* BP3 apart from BP2..0 (Micron bit 6) */
	struct flashsim_bit aai;	/* SST25 AAI mode, computed */
};

/* Profile feature bits: which optional commands/behaviours the chip has. */
#define FS_F_4B_READ		BIT(0)	/* 13h 0Ch 3Ch BCh 6Ch ECh */
#define FS_F_4B_WRITE		BIT(1)	/* 12h 34h 21h DCh */
#define FS_F_EN4B		BIT(2)	/* B7h/E9h, ADS/ADP bits */
#define FS_F_EAR		BIT(3)	/* C8h/C5h extended address register */
#define FS_F_ASP		BIT(5)	/* Macronix SPB/DPB, WP# with WPSEL=1 */
#define FS_F_4B_ERASE		BIT(6)	/* 21h 5Ch DCh (with FS_F_4B_WRITE) */
#define FS_F_SR3		BIT(7)	/* Winbond 15h/11h */
#define FS_F_WRSR2		BIT(8)	/* Winbond 31h */
#define FS_F_LOCKS		BIT(9)	/* Winbond 36h 39h 3Dh 7Eh 98h */
#define FS_F_WRSR1_CLR2		BIT(10)	/* 1-byte 01h clears CMP QE SRP1 (64FV) */
#define FS_F_SRP1_OTP		BIT(11)	/* SRP1:SRP0 = 11 is for ever (FV) */
#define FS_F_4B_WREN		BIT(12)	/* B7h/E9h need WEL (Micron) */
#define FS_F_FSR		BIT(13)	/* Micron flag status register in SR2 */
#define FS_F_SP_PARAM4K		BIT(14)	/* 4 KiB erase only in 32 param sectors */

/* The W25Q set every Winbond profile had before these bits existed */
#define FS_F_W25		(FS_F_SR3 | FS_F_WRSR2 | FS_F_LOCKS)

/* How program/erase protection is decided (flashsim_prot_blocked()) */
enum flashsim_prot {
	FS_PROT_BP_WPS,		/* BP/TB/SEC/CMP, or locks with WPS = 1 */
	FS_PROT_BP_AND_LOCKS,	/* BP and volatile sector locks (Micron) */
	FS_PROT_LOCKS,		/* block-protection register only (SST26) */
};

/* Typical times (datasheet "typ" column), microseconds. */
struct flashsim_timing {
	u32 pp_us;		/* tPP page program */
	u32 se_us;		/* tSE 4 KiB sector erase */
	u32 be32_us;		/* tBE1 32 KiB block erase */
	u32 be64_us;		/* tBE2 64 KiB block erase */
	u32 ce_us;		/* tCE chip erase */
	u32 w_us;		/* tW non-volatile status register write */
	u32 sus_us;		/* tSUS suspend latency */
	u32 rst_us;		/* tRST software reset */
};

struct flashsim_op;

/* The opcode table of a command-set family (flashsim-ops.c). */
struct flashsim_optable {
	const struct flashsim_op *ops;
	unsigned int nops;
};

/*
 * A chip profile is data: adding a chip of a known family is a table entry
 * in flashsim-profiles.c.  A family with another command set (Macronix,
 * GigaDevice) brings its own opcode table in @optable (flashsim-ops.c),
 * built from the same handlers plus the few the family alone has.  The
 * status register slots SR1..SR3 then hold that family's registers
 * (Macronix: SR, CR, SCUR).
 */
struct flashsim_profile {
	const char *name;
	u8 id[3];		/* 9Fh JEDEC ID */
	u8 dev_id;		/* ABh / 90h device ID */
	u32 size;		/* bytes, a power of two */
	u32 page_size;
	u16 vcc_min_mv;
	u16 vcc_max_mv;
	const u8 *sfdp;		/* NULL: 5Ah reads FFh */
	u16 sfdp_len;
	const struct flashsim_sr_map *sr;
	u8 sr_default[FS_NREGS];	/* factory non-volatile values */
	u32 features;		/* FS_F_* */
	u32 bp_min_len;		/* bytes BP=1 protects (SEC=0) */
	u32 sec_min_len;	/* bytes BP=1 protects with SEC=1 */
	u32 sec_max_len;	/* cap with SEC=1 */
	u32 lock_block;		/* individual-lock block size */
	u32 lock_sector;	/* first and last block are locked per sector */
	u16 secreg_count;	/* security registers 1..n */
	u16 secreg_size;
	u32 secreg_stride;	/* register n is at n * stride */
	struct flashsim_timing t;	/* datasheet typical */
	struct flashsim_timing t_max;	/* datasheet maximum */
	u32 fr_hz;		/* fR: highest clock of 03h/13h */
	const struct flashsim_optable *optable;	/* NULL: Winbond */
	enum flashsim_prot prot;
	const u8 *id_ext;	/* 9Fh bytes after the three ID bytes */
	u8 id_ext_len;
};

/* A busy time of both tables: flashsim_chip_start(chip, what, FS_T(pp_us)) */
#define FS_T(field)	offsetof(struct flashsim_timing, field)

/* busy_time: which busy time an operation takes */
enum flashsim_busy_time {
	FS_TIME_TYP,		/* the datasheet's typical time */
	FS_TIME_MAX,		/* its maximum */
	FS_TIME_RANDOM,		/* seeded, uniform between the two */
	FS_TIME_NR,
};

/* Address phase of an opcode. */
enum {
	FS_ADDR_NONE,
	FS_ADDR_3,		/* always 24 bit */
	FS_ADDR_4,		/* always 32 bit (dedicated 4-byte opcode) */
	FS_ADDR_MODE,		/* 24 or 32 bit as ADS says */
};

/* Opcode flags. */
#define FS_OP_BUSY_OK		BIT(0)	/* accepted while BUSY=1 */
#define FS_OP_PD_OK		BIT(1)	/* accepted in deep power-down */
#define FS_OP_POLL		BIT(2)	/* status read: counts in polls */
#define FS_OP_ARRAY		BIT(3)	/* address is in the array (EAR, wrap) */
#define FS_OP_READ		BIT(4)	/* array read: fault_read_flip applies */
#define FS_OP_MODE		BIT(5)	/* M7-0 continuous-read mode byte */
#define FS_OP_COMMIT_ANY	BIT(6)	/* commit even if CS rises early (ABh) */
#define FS_OP_LATCH		BIT(7)	/* program: fill the page latch */
#define FS_OP_WPS		BIT(8)	/* exists only with the WPS bit set */
#define FS_OP_FR		BIT(9)	/* clocked above fr_hz: data is garbage */

/* What a CS# rise handler did, for the counters. */
enum flashsim_verdict {
	FS_DONE,
	FS_IGNORED,		/* not executed (no WEL, bad state) */
	FS_REFUSED,		/* not executed (protected): WEL cleared too */
};

struct flashsim_op {
	u8 opcode;
	u8 addr;		/* FS_ADDR_* */
	u8 addr_lines;
	u8 dummy;		/* clocks after the address, mode clocks included */
	u8 data_lines;
	u16 flags;		/* FS_OP_* */
	u8 min_in;		/* data bytes a write needs before CS rises */
	u8 max_in;		/* 0: any number */
	u32 feature;		/* FS_F_* the profile must have */
	u32 arg;		/* handler argument: register, erase size */
	u8 (*out)(struct flashsim_chip *chip, u32 idx);
	void (*in)(struct flashsim_chip *chip, u32 idx, u8 val);
	enum flashsim_verdict (*commit)(struct flashsim_chip *chip);
};

/* What keeps the chip busy. */
enum flashsim_busy {
	FS_BUSY_NONE,
	FS_BUSY_PROGRAM,
	FS_BUSY_ERASE,
	FS_BUSY_CHIP_ERASE,
	FS_BUSY_WRSR,
	FS_BUSY_SECREG,
	FS_BUSY_SUSPEND,	/* tSUS after 75h */
	FS_BUSY_OTP,		/* Macronix WPSEL, WRSCUR, SPB program/erase */
};

enum flashsim_phase {
	FS_PH_OPCODE,
	FS_PH_ADDR,
	FS_PH_DUMMY,
	FS_PH_IN,
	FS_PH_OUT,
	FS_PH_END,		/* command complete, no more bytes expected */
	FS_PH_IGNORE,		/* ignored until CS rises */
};

/*
 * What a program, erase or status write replaced, kept while it is busy:
 * a power cut then leaves it partly done (flashsim_chip_save()).
 */
struct flashsim_undo {
	enum flashsim_busy what;	/* FS_BUSY_NONE: nothing kept */
	u32 addr;
	u32 len;
	u8 *old;			/* kvmalloc, the array before */
	u8 sr_nv[FS_NREGS];		/* non-volatile registers before */
};

/* State of the command in progress (one CS-low cycle). */
struct flashsim_cmd {
	const struct flashsim_op *op;
	enum flashsim_phase phase;
	u32 addr;
	u8 addr_len;
	u8 addr_got;
	u16 dummy_got;		/* clocks */
	u8 skew;		/* data bits clocked out inside the last dummy byte */
	bool mode_seen;
	bool rst_en_before;	/* previous command was 66h */
	bool vsr_en_before;	/* previous command was 50h */
	bool above_fr;		/* counted in reads_above_fr */
	u32 idx;		/* data bytes so far */
	u8 buf[2];		/* status/EAR write data */
};

enum flashsim_miso {
	FS_MISO_NONE,
	FS_MISO_HIGH,
	FS_MISO_LOW,
};

/* fault_stuck_on: which operations fault_stuck_after counts */
enum flashsim_stuck_on {
	FS_STUCK_ANY,		/* program, erase or status write */
	FS_STUCK_PROGRAM,	/* page program */
	FS_STUCK_ERASE,		/* sector, block or chip erase */
	FS_STUCK_STATUS,	/* non-volatile status register write */
};

struct flashsim_faults {
	enum flashsim_miso miso;
	bool stuck_busy;	/* as written to debugfs */
	bool stuck;		/* BUSY reads 1 now */
	u32 stuck_after;	/* the Nth counted operation sticks; 0 = off */
	enum flashsim_stuck_on stuck_on;
	bool ignore_sr_write;
	bool weak_program;
	u32 read_flip;
	u32 seed;
	u32 prng;
	u32 xfer_error;
	u8 power_cycle_op;	/* power cycle after this command, 0 = off */
	u32 power_cycle_nth;	/* ... after its Nth execution (1: the next) */
	u32 miso_after;		/* array data bytes left before MISO is lost */
};

struct flashsim_stats {
	u64 messages;
	u64 transfers;
	u64 bytes;
	u64 cycles;
	u64 bus_ns;
	u64 busy_ns;
	u64 polls;
	u64 ignored;
	u64 cmds_while_busy;	/* not a status read (nor 75h), BUSY = 1 */
	u64 unobserved_ends;	/* operation end no status read saw */
	u64 faults;		/* times an injected fault changed the outcome */
	u64 power_cycles;	/* debugfs power_cycle or fault_power_cycle_op */
	u64 torn_ops;		/* operations a power cycle left partly done */
	u64 reads_above_fr;	/* 03h/13h commands clocked above fR */
	u64 otp_writes;		/* one-time bits a write set (0 -> 1) */
	u64 otp_refused;	/* writes that tried to clear a one-time bit */
	u64 op[256];
};

struct flashsim_chip {
	struct mutex lock;	/* serialises the bus, debugfs and all below */
	const struct flashsim_profile *prof;
	const struct flashsim_op *optab[256];
	unsigned int cs;
	struct dentry *dir;

	u8 *array;		/* vmalloc, prof->size bytes */
	u8 *secreg;		/* secreg_count * secreg_size */
	u8 *latch;		/* page program latch, page_size */
	unsigned long *locks;	/* individual lock bits (DPB), 1 = locked */
	unsigned long *spb;	/* FS_F_ASP: non-volatile SPB, 1 = locked */
	unsigned int nlocks;
	u8 uid[8];

	u8 sr[FS_NREGS];	/* live values, computed bits excluded */
	u8 sr_nv[FS_NREGS];	/* non-volatile copies */
	u8 ear;
	bool wel;
	bool ads;
	bool wp_high;		/* WP# pin level */
	bool qe_free;		/* -IM ordering option: QE writable, not fixed */
	bool pd;		/* deep power-down */
	bool rst_en;		/* 66h latched */
	bool vsr_en;		/* 50h latched */
	bool sus;		/* SUS status bit */
	bool selected;		/* CS# low */
	bool op_unseen;		/* no status read has shown the end yet */
	u32 miso_cut;		/* fault_miso_after fired here; U32_MAX: not */
	u8 cont_op;		/* continuous read mode opcode, 0: off */
	bool quad_proto;	/* Micron 35h: quad protocol until F5h/power */
	bool aai;		/* SST25 AAI word program in progress */
	bool srp1_otp_seen;	/* the SRP1:SRP0 = 11 write was counted */
	u32 aai_addr;		/* next AAI address */

	enum flashsim_busy busy;
	ktime_t busy_until;
	u32 op_addr;		/* range of the running program/erase */
	u32 op_len;
	enum flashsim_busy sus_busy;	/* operation suspended by 75h */
	u64 sus_left_ns;
	u32 sus_addr;
	u32 sus_len;
	struct flashsim_undo undo;	/* the running operation */
	struct flashsim_undo sus_undo;	/* the suspended one */
	ktime_t reset_until;
	u32 busy_div;
	enum flashsim_busy_time busy_time;
	u32 busy_prng;		/* FS_TIME_RANDOM's sequence */
	u32 xfer_hz;		/* clock of the transfer on the bus */
	u8 id[3];		/* 9Fh answer: the profile's, or jedec_id= */
	u8 board_bp;		/* SR1 bits board firmware sets at power-on */

	struct flashsim_cmd cmd;
	struct flashsim_faults fault;
	struct flashsim_stats stats;
};

/* flashsim-profiles.c */
const struct flashsim_profile *flashsim_profile_find(const char *name);

/* flashsim-ops.c */
extern const struct flashsim_optable flashsim_winbond_optable;
extern const struct flashsim_optable flashsim_macronix_optable;
extern const struct flashsim_optable flashsim_gd_optable;
extern const struct flashsim_optable flashsim_issi_optable;
extern const struct flashsim_optable flashsim_micron_optable;
extern const struct flashsim_optable flashsim_spansion_optable;
extern const struct flashsim_optable flashsim_sst26_optable;
extern const struct flashsim_optable flashsim_sst25_optable;
extern const struct flashsim_op flashsim_sst25_aai_next;

/* flashsim-chip.c */
struct flashsim_chip *flashsim_chip_create(struct device *dev,
					   const struct flashsim_profile *prof,
					   unsigned int cs, u32 busy_div);
void flashsim_chip_select(struct flashsim_chip *chip, bool select);
void flashsim_chip_clock(struct flashsim_chip *chip, const u8 *tx, u8 *rx,
			 u32 len, unsigned int lines);
void flashsim_chip_power_cycle(struct flashsim_chip *chip);
void flashsim_chip_save(struct flashsim_chip *chip, enum flashsim_busy what,
			u32 addr, u32 len);
void flashsim_chip_forget(struct flashsim_chip *chip);
int flashsim_chip_swap(struct flashsim_chip *chip,
		       const struct flashsim_profile *prof);
void flashsim_chip_reset(struct flashsim_chip *chip);
bool flashsim_chip_busy(struct flashsim_chip *chip);
void flashsim_chip_start(struct flashsim_chip *chip, enum flashsim_busy what,
			 size_t t);
void flashsim_chip_suspend(struct flashsim_chip *chip);
void flashsim_chip_resume(struct flashsim_chip *chip);
void flashsim_chip_set_stuck(struct flashsim_chip *chip, bool stuck);
void flashsim_chip_set_stuck_after(struct flashsim_chip *chip, u32 n);

/* flashsim-prot.c */
bool flashsim_bit_get(const struct flashsim_chip *chip,
		      const struct flashsim_bit *bit);
u8 flashsim_sr_read(struct flashsim_chip *chip, unsigned int reg);
void flashsim_sr_write(struct flashsim_chip *chip, unsigned int reg, u8 val,
		       bool nv);
void flashsim_sr_force(struct flashsim_chip *chip, unsigned int reg, u8 val);
void flashsim_sr_power_on(struct flashsim_chip *chip, bool keep_srl);
u8 flashsim_sr_fixed1(const struct flashsim_chip *chip, unsigned int reg);
void flashsim_sr_set_otp(struct flashsim_chip *chip,
			 const struct flashsim_bit *bit);
bool flashsim_sr_locked(const struct flashsim_chip *chip);
bool flashsim_prot_blocked(const struct flashsim_chip *chip, u32 addr,
			   u32 len);
unsigned int flashsim_lock_count(const struct flashsim_profile *prof);
bool flashsim_lock_test(const struct flashsim_chip *chip, u32 addr);
void flashsim_lock_set(struct flashsim_chip *chip, u32 addr, bool lock);
void flashsim_lock_all(struct flashsim_chip *chip, bool lock);
bool flashsim_spb_test(const struct flashsim_chip *chip, u32 addr);
void flashsim_spb_set(struct flashsim_chip *chip, u32 addr);
void flashsim_spb_erase(struct flashsim_chip *chip);
void flashsim_locks_show(const struct flashsim_chip *chip, struct seq_file *m);
void flashsim_locks_power_on(struct flashsim_chip *chip);
u32 flashsim_sst26_block(const struct flashsim_profile *prof, u32 addr);

/* flashsim-debugfs.c */
void flashsim_debugfs_init(void);
void flashsim_debugfs_exit(void);
int flashsim_debugfs_add(struct device *dev, struct flashsim_chip *chip,
			 const char *name);

#endif /* __FLASHSIM_H */
