// SPDX-License-Identifier: GPL-2.0
/*
 * bf_fuzz [SEED [COUNT]]: random and boundary MTD requests to biosflash.
 *
 * COUNT (default 4000) calls of MEMERASE, MEMERASE64, MEMLOCK, MEMUNLOCK,
 * MEMISLOCKED, MEMGETINFO, pread and pwrite on /dev/mtd0 (the simulated
 * W25Q256JW), with offsets and lengths drawn from boundary values (0, one
 * byte or block off the end, 2^31, 2^32, 2^63, 2^64 - 1, sums that wrap) and
 * at random, from a seeded generator: the same SEED (default printed, also
 * taken from BF_FUZZ_SEED) gives the same calls; BF_FUZZ_COUNT sets COUNT
 * too.
 *
 * A model written from the MTD core's and mtdchar's documented checks and
 * the driver's rules says what each call must return:
 *   erase:   start >= size or len > size - start: EINVAL (MTD core);
 *            len 0: 0; start or len not a multiple of 64 KiB: EINVAL;
 *   lock:    bounds as erase; len 0: 0; else (nothing locked) accepted only
 *            for a range the BP/TB/CMP bits express (the datasheet table:
 *            [0, p), [size - p, size), [0, size - p), [p, size) for
 *            p = 64 KiB << 0..8, or the whole chip), else EINVAL;
 *   unlock, is-locked: bounds as erase, else 0 (nothing is locked);
 *   pread:   offset < 0 or offset + len past 2^63: EINVAL; at or past the
 *            end: 0; else the bytes up to the end;
 *   pwrite:  as pread, but at or past the end: ENOSPC.
 * Accepted erases and writes are only sent inside a 256 KiB scratch area at
 * the top of the chip, where a shadow copy follows NOR semantics (erase sets
 * 0xff, program ANDs); accepted locks are checked with MEMISLOCKED and
 * undone.  Every call that must not modify the chip must send no write
 * enable (06h or 50h, counted by the simulator: without one neither the
 * array nor a status register can change); every read must return the
 * model's bytes.  Every 500 calls and at the end the status registers are
 * compared with their first values and the whole array is read through the
 * simulator's debugfs image (not the driver): outside the scratch area
 * unchanged, inside equal to the shadow.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <mtd/mtd-user.h>

#include "kselftest_harness.h"

#define SIM_ROOT	"/sys/kernel/debug/flashsim"
#define MTD_DEV		"/dev/mtd0"
#define CHIP		(32ull << 20)
#define EB		65536ull
#define SCRATCH		(CHIP - 4 * EB)		/* scratch: the last 4 blocks */
#define IO_MAX		(128u << 10)	/* two of the driver's 64 KiB chunks */
#define CHECK_EVERY	500
#define MAX_REPORTS	20

static unsigned long long fuzz_seed = 20250601;
static unsigned int fuzz_count = 4000;

/* xorshift64*: the same seed gives the same calls on every machine */
static unsigned long long rng_state;

static unsigned long long rnd(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ull;
}

static unsigned long long below(unsigned long long n)
{
	return n ? rnd() % n : 0;
}

static const unsigned long long edges[] = {
	0, 1, EB - 1, EB, EB + 1, 2 * EB, 4096, 16ull << 20,
	CHIP - EB - 1, CHIP - EB, CHIP - 1, CHIP, CHIP + 1, CHIP + EB,
	SCRATCH, SCRATCH + 1, SCRATCH + EB,
	0x7fffffffull, 0x80000000ull, 0xffff0000ull, 0xffffffffull,
	0x100000000ull, 0x100000000ull + EB, 0x7fffffffffffffffull,
	0x8000000000000000ull, 0xffffffffffff0000ull, 0xffffffffffffffffull,
};

static unsigned long long pick_off(void)
{
	switch (below(6)) {
	case 0:
		return edges[below(ARRAY_SIZE(edges))];
	case 1:
		return below(CHIP / EB) * EB;
	case 2:
		return below(CHIP);
	case 3:
		return SCRATCH + below(4) * EB;
	case 4:
		return SCRATCH + below(4 * EB);
	default:
		return rnd();
	}
}

/* a length for @off; some wrap around 2^32 or 2^64 when added to it */
static unsigned long long pick_len(unsigned long long off)
{
	switch (below(8)) {
	case 0:
		return edges[below(ARRAY_SIZE(edges))];
	case 1:
		return (1 + below(4)) * EB;
	case 2:
		return 1 + below(IO_MAX);
	case 3:
		return 0;
	case 4:
		return CHIP - off;			/* to the end */
	case 5:
		return 0x100000000ull - off;		/* to 2^32 */
	case 6:
		return -off;				/* to 2^64 */
	default:
		return (CHIP - off) + (below(3) - 1) * (below(2) ? EB : 1);
	}
}

static int is_pow2_block(unsigned long long n)
{
	unsigned int j;

	for (j = 0; j <= 8; j++)
		if (n == EB << j)
			return 1;
	return 0;
}

/* can BP/TB/CMP protect exactly [off, off + len) (0 < len <= CHIP)? */
static int lock_expressible(unsigned long long off, unsigned long long len)
{
	if (len == CHIP)
		return 1;
	if (off && off + len != CHIP)
		return 0;
	return is_pow2_block(len) || is_pow2_block(CHIP - len);
}

struct sim {
	char dir[256];
	unsigned char *orig;	/* the array before the first call */
	unsigned char *shadow;	/* what the scratch area must hold */
	unsigned char *buf;
	unsigned char *cmp;
	char regs[64];
	int fd;
	int reports;
};

static int sim_read(struct sim *s, const char *file, char *out, size_t len)
{
	char path[512];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "%s/%s", s->dir, file);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -errno;
	n = read(fd, out, len - 1);
	close(fd);
	if (n < 0)
		return -EIO;
	out[n] = 0;
	return 0;
}

static unsigned long long sim_stat(struct sim *s, const char *key)
{
	char text[4096], *p;
	size_t klen = strlen(key);

	if (sim_read(s, "stats", text, sizeof(text)))
		return ~0ull;
	for (p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		if (!strncmp(p, key, klen) && p[klen] == ' ')
			return strtoull(p + klen + 1, NULL, 10);
	return 0;
}

/* write enables: nothing in the chip can change without one */
static unsigned long long wren(struct sim *s)
{
	return sim_stat(s, "op_06") + sim_stat(s, "op_50");
}

static void regs(struct sim *s, char *out, size_t len)
{
	char a[16] = "", b[16] = "", c[16] = "";

	sim_read(s, "sr1", a, sizeof(a));
	sim_read(s, "sr2", b, sizeof(b));
	sim_read(s, "sr3", c, sizeof(c));
	snprintf(out, len, "%.4s %.4s %.4s", a, b, c);
}

static int image_rw(struct sim *s, int wr, unsigned char *buf)
{
	char path[512];
	size_t done = 0;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "%s/image", s->dir);
	fd = open(path, wr ? O_WRONLY : O_RDONLY);
	if (fd < 0)
		return -errno;
	while (done < CHIP) {
		n = wr ? pwrite(fd, buf + done, CHIP - done, done) :
			 pread(fd, buf + done, CHIP - done, done);
		if (n <= 0)
			break;
		done += n;
	}
	close(fd);
	return done == CHIP ? 0 : -EIO;
}

/* the simulator's array: outside scratch as at the start, inside = shadow */
static int array_ok(struct sim *s, struct __test_metadata *_metadata)
{
	unsigned long long i;

	if (image_rw(s, 0, s->cmp))
		return 0;
	for (i = 0; i < SCRATCH; i++)
		if (s->cmp[i] != s->orig[i]) {
			TH_LOG("array changed outside the scratch area at 0x%llx",
			       i);
			return 0;
		}
	for (i = SCRATCH; i < CHIP; i++)
		if (s->cmp[i] != s->shadow[i - SCRATCH]) {
			TH_LOG("scratch area at 0x%llx is %02x, model %02x", i,
			       s->cmp[i], s->shadow[i - SCRATCH]);
			return 0;
		}
	return 1;
}

/* what the array holds at @off now, by the model */
static unsigned char model_byte(struct sim *s, unsigned long long off)
{
	return off >= SCRATCH ? s->shadow[off - SCRATCH] : s->orig[off];
}

FIXTURE(fuzz) {
	struct sim s;
};

FIXTURE_SETUP(fuzz)
{
	glob_t g;
	unsigned long long i;

	system("rmmod biosflash 2>/dev/null; rmmod flashsim 2>/dev/null");
	ASSERT_EQ(0, system("modprobe flashsim chips=w25q256jw"));
	ASSERT_EQ(0, system("modprobe biosflash io_mv=1800"));
	ASSERT_EQ(0, glob(SIM_ROOT "/spi*", 0, NULL, &g));
	snprintf(self->s.dir, sizeof(self->s.dir), "%s", g.gl_pathv[0]);
	globfree(&g);
	self->s.orig = malloc(CHIP);
	self->s.cmp = malloc(CHIP);
	self->s.buf = malloc(IO_MAX + EB);
	self->s.shadow = malloc(CHIP - SCRATCH);
	ASSERT_TRUE(self->s.orig && self->s.cmp && self->s.buf &&
		    self->s.shadow);
	/* random data everywhere: a stray erase or program would show */
	rng_state = fuzz_seed ^ 0x9e3779b97f4a7c15ull;
	for (i = 0; i < CHIP; i += 8) {
		unsigned long long v = rnd();

		memcpy(self->s.orig + i, &v, 8);
	}
	ASSERT_EQ(0, image_rw(&self->s, 1, self->s.orig));
	memcpy(self->s.shadow, self->s.orig + SCRATCH, CHIP - SCRATCH);
	regs(&self->s, self->s.regs, sizeof(self->s.regs));
	self->s.fd = open(MTD_DEV, O_RDWR);
	ASSERT_LE(0, self->s.fd);
}

FIXTURE_TEARDOWN(fuzz)
{
	close(self->s.fd);
	free(self->s.orig);
	free(self->s.cmp);
	free(self->s.buf);
	free(self->s.shadow);
	system("rmmod biosflash; rmmod flashsim");
}

enum op { OP_ERASE, OP_ERASE64, OP_LOCK, OP_UNLOCK, OP_ISLOCKED, OP_INFO,
	  OP_PREAD, OP_PWRITE, OP_NR };

static const char * const op_names[] = {
	"MEMERASE", "MEMERASE64", "MEMLOCK", "MEMUNLOCK", "MEMISLOCKED",
	"MEMGETINFO", "pread", "pwrite",
};

/* a call and the model's verdict: @want >= 0 is a return value, < 0 -errno */
struct call {
	enum op op;
	unsigned long long off, len;
	long long want;
	int changes;	/* accepted and modifies the chip */
};

static void bounds_model(struct call *c)
{
	if (c->off >= CHIP || c->len > CHIP - c->off)
		c->want = -EINVAL;
	else
		c->want = 0;
}

/* the model's verdict; false if the call would modify outside scratch */
static int model(struct call *c)
{
	long long off = c->off;

	c->changes = 0;
	if (c->op != OP_ERASE64 && c->op != OP_PREAD && c->op != OP_PWRITE) {
		c->off = (unsigned int)c->off;	/* struct erase_info_user */
		c->len = (unsigned int)c->len;
	}
	switch (c->op) {
	case OP_ERASE:
	case OP_LOCK:
	case OP_UNLOCK:
	case OP_ISLOCKED:
	case OP_ERASE64:
		bounds_model(c);
		if (c->want || !c->len)
			break;
		if (c->op == OP_ERASE || c->op == OP_ERASE64) {
			if ((c->off | c->len) & (EB - 1))
				c->want = -EINVAL;
			else
				c->changes = 1;
		} else if (c->op == OP_LOCK) {
			if (!lock_expressible(c->off, c->len))
				c->want = -EINVAL;
			else
				c->changes = 1;
		}
		break;
	case OP_INFO:
		c->want = 0;
		break;
	case OP_PREAD:
	case OP_PWRITE:
		c->len %= IO_MAX + 1;
		off = c->off;
		if (off < 0 || (long long)(c->off + c->len) < 0)
			c->want = -EINVAL;
		else if (c->off >= CHIP)
			c->want = c->op == OP_PREAD ? 0 : -ENOSPC;
		else
			c->want = c->len < CHIP - c->off ? c->len :
							   CHIP - c->off;
		c->changes = c->op == OP_PWRITE && c->want > 0;
		break;
	default:
		break;
	}
	/* a lock is undone at once; erases and writes stay in scratch */
	return !c->changes || c->op == OP_LOCK || c->off >= SCRATCH;
}

static long long run_call(struct sim *s, struct call *c)
{
	struct erase_info_user e = { .start = c->off, .length = c->len };
	struct erase_info_user64 e64 = { .start = c->off, .length = c->len };
	struct mtd_info_user info;
	unsigned long long i;
	long long ret;

	switch (c->op) {
	case OP_ERASE:
		ret = ioctl(s->fd, MEMERASE, &e);
		break;
	case OP_ERASE64:
		ret = ioctl(s->fd, MEMERASE64, &e64);
		break;
	case OP_LOCK:
		ret = ioctl(s->fd, MEMLOCK, &e);
		break;
	case OP_UNLOCK:
		ret = ioctl(s->fd, MEMUNLOCK, &e);
		break;
	case OP_ISLOCKED:
		ret = ioctl(s->fd, MEMISLOCKED, &e);
		break;
	case OP_INFO:
		/* 1: succeeded with the wrong geometry */
		if (ioctl(s->fd, MEMGETINFO, &info))
			return -errno;
		return info.type != MTD_NORFLASH || info.size != CHIP ||
		       info.erasesize != EB || info.writesize != 1;
	case OP_PREAD:
		ret = pread(s->fd, s->buf, c->len, c->off);
		break;
	default:
		for (i = 0; i < c->len; i += 8) {
			unsigned long long v = rnd();

			memcpy(s->buf + i, &v, 8);
		}
		ret = pwrite(s->fd, s->buf, c->len, c->off);
		break;
	}
	return ret < 0 ? -errno : ret;
}

static void report(struct sim *s, struct __test_metadata *_metadata,
		   unsigned int n, struct call *c, long long got,
		   const char *what)
{
	if (s->reports++ >= MAX_REPORTS)
		return;
	TH_LOG("call %u: %s off 0x%llx len 0x%llx: returned %lld, model %lld%s%s",
	       n, op_names[c->op], c->off, c->len, got, c->want,
	       what ? ": " : "", what ?: "");
}

/* an accepted lock: shown by MEMISLOCKED, then undone to the same registers */
static int lock_roundtrip(struct sim *s, struct call *c)
{
	struct erase_info_user e = { .start = c->off, .length = c->len };
	char now[64];

	if (ioctl(s->fd, MEMISLOCKED, &e) != 1)
		return 0;
	if (ioctl(s->fd, MEMUNLOCK, &e))
		return 0;
	regs(s, now, sizeof(now));
	return !strcmp(now, s->regs);
}

TEST_F_TIMEOUT(fuzz, random_requests_match_the_model, 600)
{
	struct sim *s = &self->s;
	unsigned int n, by_op[OP_NR] = { 0 }, rejected = 0, skipped = 0;
	unsigned int locks = 0;
	unsigned long long w0, w1, i;
	char now[64];
	long long got;

	rng_state = fuzz_seed;
	w1 = wren(s);
	for (n = 0; n < fuzz_count; n++) {
		struct call c;

		for (;;) {
			c.op = below(OP_NR);
			c.off = pick_off();
			c.len = pick_len(c.off);
			if (model(&c))
				break;
			skipped++;
		}
		w0 = w1;
		got = run_call(s, &c);
		w1 = wren(s);
		by_op[c.op]++;
		if (got != c.want) {
			report(s, _metadata, n, &c, got, NULL);
			continue;
		}
		if (c.want < 0)
			rejected++;
		if (!c.changes && w1 != w0)
			report(s, _metadata, n, &c, got, "sent a write enable");
		if (c.op == OP_PREAD && got > 0) {
			for (i = 0; i < (unsigned long long)got; i++)
				if (s->buf[i] != model_byte(s, c.off + i))
					break;
			if (i < (unsigned long long)got)
				report(s, _metadata, n, &c, got,
				       "read data differs from the array");
		}
		if (c.op == OP_PWRITE && got > 0)
			for (i = 0; i < (unsigned long long)got; i++)
				s->shadow[c.off + i - SCRATCH] &= s->buf[i];
		if ((c.op == OP_ERASE || c.op == OP_ERASE64) && c.changes)
			memset(s->shadow + c.off - SCRATCH, 0xff, c.len);
		if (c.op == OP_LOCK && c.changes) {
			locks++;
			if (!lock_roundtrip(s, &c))
				report(s, _metadata, n, &c, got,
				       "lock not shown by MEMISLOCKED or not undone");
			w1 = wren(s);
		}
		if (n % CHECK_EVERY != CHECK_EVERY - 1)
			continue;
		regs(s, now, sizeof(now));
		if (strcmp(now, s->regs) || !array_ok(s, _metadata))
			report(s, _metadata, n, &c, got,
			       "simulator registers or array differ from the model");
	}
	regs(s, now, sizeof(now));
	if (strcmp(now, s->regs) || !array_ok(s, _metadata))
		s->reports++;
	TH_LOG("seed %llu: %u calls, %u rejected as modelled, %u locks undone",
	       fuzz_seed, fuzz_count, rejected, locks);
	TH_LOG("%u drawn calls not sent: they would modify outside scratch",
	       skipped);
	for (n = 0; n < OP_NR; n++)
		TH_LOG("  %-11s %u", op_names[n], by_op[n]);
	EXPECT_EQ(0, s->reports);
	EXPECT_LT(fuzz_count / 4, rejected);
}

/* a descriptor opened read-only may look but not modify (mtdchar) */
TEST_F_TIMEOUT(fuzz, read_only_fd_refuses_modifying_ioctls, 120)
{
	struct erase_info_user e = { .start = SCRATCH, .length = EB };
	struct erase_info_user64 e64 = { .start = SCRATCH, .length = EB };
	unsigned long long w0 = wren(&self->s);
	int fd = open(MTD_DEV, O_RDONLY);

	ASSERT_LE(0, fd);
	EXPECT_EQ(-1, ioctl(fd, MEMERASE, &e));
	EXPECT_EQ(EPERM, errno);
	EXPECT_EQ(-1, ioctl(fd, MEMERASE64, &e64));
	EXPECT_EQ(EPERM, errno);
	EXPECT_EQ(-1, ioctl(fd, MEMLOCK, &e));
	EXPECT_EQ(EPERM, errno);
	EXPECT_EQ(-1, ioctl(fd, MEMUNLOCK, &e));
	EXPECT_EQ(EPERM, errno);
	EXPECT_EQ(-1, pwrite(fd, self->s.buf, 16, SCRATCH));
	EXPECT_EQ(EBADF, errno);
	EXPECT_EQ(0, ioctl(fd, MEMISLOCKED, &e));
	EXPECT_EQ(16, pread(fd, self->s.buf, 16, SCRATCH));
	close(fd);
	EXPECT_EQ(w0, wren(&self->s));
	EXPECT_TRUE(array_ok(&self->s, _metadata));
}

/* /dev/mtd0ro cannot be opened for writing, not even by root */
TEST_F_TIMEOUT(fuzz, ro_node_refuses_write_open, 120)
{
	EXPECT_EQ(-1, open("/dev/mtd0ro", O_RDWR));
	EXPECT_EQ(EACCES, errno);
	EXPECT_EQ(-1, open("/dev/mtd0ro", O_WRONLY));
	EXPECT_EQ(EACCES, errno);
}

int main(int argc, char **argv)
{
	const char *env = getenv("BF_FUZZ_SEED");

	if (env && *env)
		fuzz_seed = strtoull(env, NULL, 0);
	/* the debug kernel's boot asks for fewer calls (selftests/vm/run.sh) */
	env = getenv("BF_FUZZ_COUNT");
	if (env && *env)
		fuzz_count = strtoul(env, NULL, 0);
	if (argc > 1 && isdigit((unsigned char)argv[1][0])) {
		fuzz_seed = strtoull(argv[1], NULL, 0);
		argv[1] = argv[0];
		argv++;
		argc--;
		if (argc > 1 && isdigit((unsigned char)argv[1][0])) {
			fuzz_count = strtoul(argv[1], NULL, 0);
			argv[1] = argv[0];
			argv++;
			argc--;
		}
	}
	printf("# bf_fuzz seed %llu count %u (rerun: bf_fuzz %llu %u)\n",
	       fuzz_seed, fuzz_count, fuzz_seed, fuzz_count);
	return test_harness_run(argc, argv);
}
