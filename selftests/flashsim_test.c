// SPDX-License-Identifier: GPL-2.0
/*
 * flashsim_test: does the simulated W25Q256JW behave like the datasheet?
 * And the MX25U25635F and GD25LB256E profiles like theirs (fixtures mx, gd)?
 *
 * Talks to the simulator over the SPI bus through spidev (raw opcodes, no
 * biosflash) and checks the result against the simulator's debugfs dump.
 * The expected values are datasheet facts written here by hand (DS-257FV =
 * Winbond W25Q257FV datasheet, revision of 2015-11-13; DS-128JV = W25Q128JV
 * datasheet Rev M, 2024-12-24; for Macronix and GigaDevice, whose own
 * datasheets were not read, the sources named at each test: flashrom (FR),
 * ufprog (UF), the sibling MX25L12835F datasheet; all tags in
 * Documentation/chips.rst, "Sources"),
 * never computed by simulator code.  Each test would fail on a simulator that got that
 * behaviour wrong (e.g. program by copy instead of AND, no page wrap,
 * commands accepted while busy).
 */
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <stdint.h>
#include <linux/types.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>
#include <linux/spi/spidev.h>

#include "kselftest_harness.h"

#define SIM_ROOT	"/sys/kernel/debug/flashsim"
#define CHIP_SIZE	(32u << 20)

struct sim {
	int fd;			/* spidev */
	char sim[256];		/* debugfs directory of the chip */
};

FIXTURE(chip) {
	struct sim s;
};

static int write_str(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY);
	ssize_t n;

	if (fd < 0)
		return -errno;
	n = write(fd, s, strlen(s));
	close(fd);
	return n < 0 ? -errno : 0;
}

static int sim_set(struct sim *self, const char *file, const char *val)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", self->sim, file);
	return write_str(path, val);
}

static unsigned long sim_get(struct sim *self, const char *file)
{
	char path[512], buf[64] = "";
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", self->sim, file);
	f = fopen(path, "r");
	if (!f)
		return ~0ul;
	if (!fgets(buf, sizeof(buf), f))
		buf[0] = 0;
	fclose(f);
	return strtoul(buf, NULL, 0);
}

static unsigned long sim_stat(struct sim *self, const char *name)
{
	char path[512], key[64];
	unsigned long v, ret = 0;
	FILE *f;

	snprintf(path, sizeof(path), "%s/stats", self->sim);
	f = fopen(path, "r");
	if (!f)
		return ~0ul;
	while (fscanf(f, "%63s %lu", key, &v) == 2)
		if (!strcmp(key, name))
			ret = v;
	fclose(f);
	return ret;
}

/* Direct access to the array through debugfs: the independent truth. */
static int img_rw(struct sim *self, int wr, __u32 off, void *buf,
		  size_t len)
{
	char path[512];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "%s/image", self->sim);
	fd = open(path, wr ? O_WRONLY : O_RDONLY);
	if (fd < 0)
		return -errno;
	n = wr ? pwrite(fd, buf, len, off) : pread(fd, buf, len, off);
	close(fd);
	return n == (ssize_t)len ? 0 : -EIO;
}

/*
 * One SPI message, one full-duplex transfer: CS low, tx/rx, CS high; at
 * @hz, or at the device's max_speed_hz (flashsim speed_hz) when 0.
 */
static int xfer_hz(struct sim *self, const __u8 *tx, __u8 *rx,
		   size_t len, __u32 hz)
{
	struct spi_ioc_transfer t = {
		.tx_buf = (uintptr_t)tx,
		.rx_buf = (uintptr_t)rx,
		.len = len,
		.speed_hz = hz,
	};

	return ioctl(self->fd, SPI_IOC_MESSAGE(1), &t) < 0 ? -errno : 0;
}

static int xfer(struct sim *self, const __u8 *tx, __u8 *rx,
		size_t len)
{
	return xfer_hz(self, tx, rx, len, 0);
}

static int cmd(struct sim *self, __u8 op)
{
	return xfer(self, &op, NULL, 1);
}

static __u8 rdsr(struct sim *self, __u8 op)
{
	__u8 tx[2] = { op, 0 }, rx[2] = { 0 };

	xfer(self, tx, rx, 2);
	return rx[1];
}

/* op + 3- or 4-byte address + payload (tx) */
static int addr_cmd(struct sim *self, __u8 op, int abytes,
		    __u32 addr, const void *data, size_t len)
{
	__u8 *tx = calloc(1, 5 + len);
	int i, ret;

	tx[0] = op;
	for (i = 0; i < abytes; i++)
		tx[1 + i] = addr >> (8 * (abytes - 1 - i));
	if (data)
		memcpy(tx + 1 + abytes, data, len);
	ret = xfer(self, tx, NULL, 1 + abytes + len);
	free(tx);
	return ret;
}

/* Read `len` bytes after op/address/dummy bytes, clocked at @hz. */
static int rd_hz(struct sim *self, __u8 op, int abytes, int dummy,
		 __u32 addr, __u8 *out, size_t len, __u32 hz)
{
	size_t hdr = 1 + abytes + dummy;
	__u8 *tx = calloc(1, hdr + len), *rx = calloc(1, hdr + len);
	int i, ret;

	tx[0] = op;
	for (i = 0; i < abytes; i++)
		tx[1 + i] = addr >> (8 * (abytes - 1 - i));
	ret = xfer_hz(self, tx, rx, hdr + len, hz);
	memcpy(out, rx + hdr, len);
	free(tx);
	free(rx);
	return ret;
}

static int rd(struct sim *self, __u8 op, int abytes, int dummy,
	      __u32 addr, __u8 *out, size_t len)
{
	return rd_hz(self, op, abytes, dummy, addr, out, len, 0);
}

static void wait_idle(struct sim *self)
{
	int i;

	for (i = 0; i < 100000 && (rdsr(self, 0x05) & 1); i++)
		usleep(100);
}

static void fill(__u8 *b, size_t len, unsigned int seed)
{
	size_t i;

	for (i = 0; i < len; i++) {
		seed = seed * 1103515245 + 12345;
		b[i] = seed >> 16;
	}
}

/* Load flashsim with one @model chip on CS0 and open it through spidev. */
static void sim_open(struct __test_metadata *_metadata, struct sim *s,
		     const char *model)
{
	char dev[64], path[256], cmdline[128];
	glob_t g;
	int i;

	system("rmmod biosflash 2>/dev/null; rmmod flashsim 2>/dev/null");
	snprintf(cmdline, sizeof(cmdline),
		 "modprobe flashsim chips=%s modalias=flashsim-raw", model);
	ASSERT_EQ(0, system(cmdline));
	system("modprobe spidev 2>/dev/null");	/* =m on the debug kernel */
	ASSERT_EQ(0, glob(SIM_ROOT "/spi*.*", 0, NULL, &g));
	snprintf(s->sim, sizeof(s->sim), "%s", g.gl_pathv[0]);
	snprintf(dev, sizeof(dev), "%s", strrchr(g.gl_pathv[0], '/') + 1);
	globfree(&g);
	snprintf(path, sizeof(path), "/sys/bus/spi/devices/%s/driver_override", dev);
	ASSERT_EQ(0, write_str(path, "spidev"));
	write_str("/sys/bus/spi/drivers/spidev/bind", dev);
	snprintf(path, sizeof(path), "/dev/spidev%s", dev + 3);
	for (i = 0; i < 100 && access(path, F_OK); i++)
		usleep(20000);
	s->fd = open(path, O_RDWR);
	ASSERT_LE(0, s->fd) TH_LOG("no %s", path);
}

static void sim_close(struct sim *s)
{
	if (s->fd >= 0)
		close(s->fd);
	system("rmmod flashsim");
}

FIXTURE_SETUP(chip)
{
	sim_open(_metadata, &self->s, "w25q256jw");
}

FIXTURE_TEARDOWN(chip)
{
	sim_close(&self->s);
}

/*
 * DS-257FV §8.2.36: 9Fh returns the JEDEC ID; EF 60 19 for W25Q256JW (Linux
 * 6.12 winbond.c "w25q256jw", flashrom flashchips.h WINBOND_NEX_W25Q256_W)
 */
TEST_F(chip, jedec_id_is_ef6019)
{
	__u8 id[3];

	ASSERT_EQ(0, rd(&self->s, 0x9f, 0, 0, 0, id, 3));
	EXPECT_EQ(0xef, id[0]);
	EXPECT_EQ(0x60, id[1]);
	EXPECT_EQ(0x19, id[2]);
	EXPECT_EQ(1, sim_stat(&self->s, "op_9f"));
}

/* An erased chip reads 0xFF; factory status is all zero but QE (IQ parts) */
TEST_F(chip, fresh_chip_is_erased)
{
	__u8 b[4000];
	int i, ok = 1;

	ASSERT_EQ(0, rd(&self->s, 0x03, 3, 0, 0x1000, b, sizeof(b)));
	for (i = 0; i < (int)sizeof(b); i++)
		ok &= b[i] == 0xff;
	EXPECT_TRUE(ok);
	EXPECT_EQ(0x00, rdsr(&self->s, 0x05) & 0xfd);
}

/* JESD216: "SFDP" signature, BFPT DW2 density 0x0FFFFFFF = 256 Mbit */
TEST_F(chip, sfdp_header_and_density)
{
	__u8 h[16], dw[4];
	__u32 bfpt;

	ASSERT_EQ(0, rd(&self->s, 0x5a, 3, 1, 0, h, 16));
	EXPECT_EQ(0, memcmp(h, "SFDP", 4));
	EXPECT_EQ(0x00, h[8]);	/* parameter header 0: ID LSB 00 = BFPT */
	EXPECT_EQ(0xff, h[15]);	/* ID MSB */
	bfpt = h[12] | h[13] << 8 | h[14] << 16;
	ASSERT_EQ(0, rd(&self->s, 0x5a, 3, 1, bfpt + 4, dw, 4));
	EXPECT_EQ(0x0fffffff, dw[0] | dw[1] << 8 | dw[2] << 16 | (__u32)dw[3] << 24);
}

/* DS-257FV §8.2.40 Fig. 44: 5Ah takes a 3-byte address even in 4-byte mode */
TEST_F(chip, sfdp_uses_3byte_address_in_4byte_mode)
{
	__u8 h[4];

	ASSERT_EQ(0, cmd(&self->s, 0xb7));
	EXPECT_EQ(1, rdsr(&self->s, 0x15) & 1);	/* ADS */
	ASSERT_EQ(0, rd(&self->s, 0x5a, 3, 1, 0, h, 4));
	EXPECT_EQ(0, memcmp(h, "SFDP", 4));
}

/* DS-257FV §8.2.25: programming can only clear bits (result = old AND new) */
TEST_F(chip, program_ands_bits_into_array)
{
	__u8 old[16], new[16], got[16];
	int i;

	memset(old, 0xf0, sizeof(old));
	memset(new, 0x3c, sizeof(new));
	ASSERT_EQ(0, img_rw(&self->s, 1, 0x2000, old, 16));
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, addr_cmd(&self->s, 0x02, 3, 0x2000, new, 16));
	wait_idle(&self->s);
	ASSERT_EQ(0, img_rw(&self->s, 0, 0x2000, got, 16));
	for (i = 0; i < 16; i++)
		EXPECT_EQ(0x30, got[i]);	/* 0xF0 & 0x3C; a copy gives 0x3C */
}

/* DS-257FV §8.2.25: past the end of the 256-byte page the address wraps */
TEST_F(chip, page_program_wraps_within_page)
{
	__u8 data[16], got[256];
	int i;

	for (i = 0; i < 16; i++)
		data[i] = i;
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, addr_cmd(&self->s, 0x02, 3, 0x40000 + 250, data, 16));
	wait_idle(&self->s);
	ASSERT_EQ(0, img_rw(&self->s, 0, 0x40000, got, 256));
	for (i = 0; i < 6; i++)
		EXPECT_EQ(i, got[250 + i]);
	for (i = 6; i < 16; i++)
		EXPECT_EQ(i, got[i - 6]);	/* wrapped to the page start */
	EXPECT_EQ(0xff, got[10]);
	ASSERT_EQ(0, img_rw(&self->s, 0, 0x40100, got, 4));
	EXPECT_EQ(0xff, got[0]);		/* next page untouched */
}

/* DS-257FV §8.2.25: PP/erase without WEL are ignored; WEL clears afterwards */
TEST_F(chip, program_needs_write_enable)
{
	__u8 z[4] = { 0 }, got[4];

	ASSERT_EQ(0, addr_cmd(&self->s, 0x02, 3, 0x3000, z, 4));
	wait_idle(&self->s);
	ASSERT_EQ(0, img_rw(&self->s, 0, 0x3000, got, 4));
	EXPECT_EQ(0xff, got[0]);
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	EXPECT_EQ(2, rdsr(&self->s, 0x05) & 2);
	ASSERT_EQ(0, addr_cmd(&self->s, 0x02, 3, 0x3000, z, 4));
	wait_idle(&self->s);
	EXPECT_EQ(0, rdsr(&self->s, 0x05) & 2);	/* WEL auto-cleared */
	ASSERT_EQ(0, img_rw(&self->s, 0, 0x3000, got, 4));
	EXPECT_EQ(0x00, got[0]);
}

/* DS-257FV §8.2.26-29: erase sets the whole sector/block to 0xFF, nothing else */
TEST_F(chip, erase_sets_ff_within_bounds_only)
{
	static __u8 buf[3 * 65536];
	int i, ok = 1;

	memset(buf, 0, sizeof(buf));
	ASSERT_EQ(0, img_rw(&self->s, 1, 0x100000 - 65536, buf, sizeof(buf)));
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, addr_cmd(&self->s, 0x20, 3, 0x100000 + 0x234, NULL, 0));
	wait_idle(&self->s);
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, addr_cmd(&self->s, 0xdc, 4, 0x110000, NULL, 0));	/* 4B 64K */
	wait_idle(&self->s);
	ASSERT_EQ(0, img_rw(&self->s, 0, 0x100000 - 65536, buf, sizeof(buf)));
	for (i = 0; i < 65536; i++)
		ok &= buf[i] == 0;
	for (i = 65536; i < 65536 + 4096; i++)
		ok &= buf[i] == 0xff;
	for (i = 65536 + 4096; i < 2 * 65536; i++)
		ok &= buf[i] == 0;
	for (i = 2 * 65536; i < 3 * 65536; i++)
		ok &= buf[i] == 0xff;
	EXPECT_TRUE(ok);
}

/*
 * DS-257FV §8 (BUSY): while an erase runs only status reads are accepted.
 * A WREN+PP issued during the erase must be ignored and a read must not
 * return array data.
 */
TEST_F(chip, busy_rejects_everything_but_status_reads)
{
	__u8 data[4] = { 0x12, 0x34, 0x56, 0x78 }, got[4], sr;

	ASSERT_EQ(0, img_rw(&self->s, 1, 0x500000, data, 4));
	/*
	 * Real time at the maximum: 400 ms, time enough for the commands
	 * below on a loaded debug kernel (the 45 ms typical was not, once).
	 */
	ASSERT_EQ(0, sim_set(&self->s, "busy_div", "1"));
	ASSERT_EQ(0, sim_set(&self->s, "busy_time", "1"));
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, addr_cmd(&self->s, 0x20, 3, 0x0, NULL, 0));
	sr = rdsr(&self->s, 0x05);
	ASSERT_EQ(1, sr & 1) TH_LOG("BUSY not set right after erase");
	ASSERT_EQ(0, rd(&self->s, 0x03, 3, 0, 0x500000, got, 4));
	EXPECT_NE(0, memcmp(got, data, 4)) TH_LOG("read accepted while busy");
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, addr_cmd(&self->s, 0x02, 3, 0x600000, data, 4));
	EXPECT_LE(1, sim_stat(&self->s, "polls"));
	wait_idle(&self->s);
	EXPECT_EQ(0, rdsr(&self->s, 0x05) & 3);
	ASSERT_EQ(0, img_rw(&self->s, 0, 0x600000, got, 4));
	EXPECT_EQ(0xff, got[0]) TH_LOG("program accepted while busy");
	EXPECT_LE(2, sim_stat(&self->s, "ignored"));
	ASSERT_EQ(0, rd(&self->s, 0x03, 3, 0, 0x500000, got, 4));
	EXPECT_EQ(0, memcmp(got, data, 4));
}

/* DS-257FV §7.1.16: SR1=0x44 (TB=1, BP0=1) = bottom 64 KiB */
TEST_F(chip, bp_tb_protects_bottom_block)
{
	__u8 z[4] = { 0 }, got[4];

	ASSERT_EQ(0, sim_set(&self->s, "sr1", "0x44"));
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, addr_cmd(&self->s, 0x02, 3, 0xfffc, z, 4));
	wait_idle(&self->s);
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, addr_cmd(&self->s, 0x02, 3, 0x10000, z, 4));
	wait_idle(&self->s);
	ASSERT_EQ(0, img_rw(&self->s, 0, 0xfffc, got, 4));
	EXPECT_EQ(0xff, got[0]);		/* protected: ignored silently */
	ASSERT_EQ(0, img_rw(&self->s, 0, 0x10000, got, 4));
	EXPECT_EQ(0x00, got[0]);		/* first unprotected block */
}

/* DS-257FV §7.1.16: TB=0, BP=1001 protects the upper 16 MiB */
TEST_F(chip, bp_top_half)
{
	__u8 z[1] = { 0 }, got[1];

	ASSERT_EQ(0, sim_set(&self->s, "sr1", "0x24"));	/* BP3|BP0 */
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, addr_cmd(&self->s, 0x12, 4, 0x1000000, z, 1));
	wait_idle(&self->s);
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, addr_cmd(&self->s, 0x12, 4, 0xffffff, z, 1));
	wait_idle(&self->s);
	ASSERT_EQ(0, img_rw(&self->s, 0, 0x1000000, got, 1));
	EXPECT_EQ(0xff, got[0]);
	ASSERT_EQ(0, img_rw(&self->s, 0, 0xffffff, got, 1));
	EXPECT_EQ(0x00, got[0]);
}

/*
 * DS-257FV §7.1.17: CMP=1 with BP=0000 protects everything; chip erase is
 * then not executed (§8.2.30)
 */
TEST_F(chip, cmp_with_bp0_protects_all_and_blocks_chip_erase)
{
	__u8 z[1] = { 0 }, got[1];

	ASSERT_EQ(0, img_rw(&self->s, 1, 0x800000, z, 1));
	ASSERT_EQ(0, sim_set(&self->s, "sr2", "0x42"));	/* CMP + QE */
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, cmd(&self->s, 0xc7));
	wait_idle(&self->s);
	ASSERT_EQ(0, img_rw(&self->s, 0, 0x800000, got, 1));
	EXPECT_EQ(0x00, got[0]);
	ASSERT_EQ(0, sim_set(&self->s, "sr2", "0x02"));
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, cmd(&self->s, 0x60));
	wait_idle(&self->s);
	ASSERT_EQ(0, img_rw(&self->s, 0, 0x800000, got, 1));
	EXPECT_EQ(0xff, got[0]);
}

/*
 * DS-128JV status register protection table: SRP=1 with WP# low refuses
 * status writes; WP# high allows.
 * Only with QE=0 (an -IM part): QE=1 makes /WP the IO2 pin.
 */
TEST_F(chip, srp_with_wp_low_refuses_status_write)
{
	__u8 w[2] = { 0x01, 0x00 };

	ASSERT_EQ(0, sim_set(&self->s, "sr1", "0x9c"));	/* SRP|BP2..0 */
	ASSERT_EQ(0, sim_set(&self->s, "qe_fixed", "0"));	/* -IM: QE=0 */
	ASSERT_EQ(0, sim_set(&self->s, "wp", "0"));
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, xfer(&self->s, w, NULL, 2));
	wait_idle(&self->s);
	EXPECT_EQ(0x9c, rdsr(&self->s, 0x05));
	ASSERT_EQ(0, sim_set(&self->s, "wp", "1"));
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, xfer(&self->s, w, NULL, 2));
	wait_idle(&self->s);
	EXPECT_EQ(0x00, rdsr(&self->s, 0x05));
}

/* DS-257FV §4.3, §7.1.9: with QE=1 /WP is IO2 and SRP=1 holds nothing */
TEST_F(chip, qe_makes_wp_an_io_pin)
{
	__u8 w[2] = { 0x01, 0x80 };

	ASSERT_EQ(0, sim_set(&self->s, "sr1", "0x9c"));	/* SRP|BP2..0 */
	ASSERT_EQ(0x02, rdsr(&self->s, 0x35));		/* QE, fixed on -IQ */
	ASSERT_EQ(0, sim_set(&self->s, "wp", "0"));
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, xfer(&self->s, w, NULL, 2));
	wait_idle(&self->s);
	EXPECT_EQ(0x80, rdsr(&self->s, 0x05));
	ASSERT_EQ(0, sim_set(&self->s, "wp", "1"));
}

/* DS-128JV, DS-64JV: SRL=1 locks the status registers until a power cycle */
TEST_F(chip, srl_locks_until_power_cycle)
{
	__u8 w[2] = { 0x01, 0x00 };

	ASSERT_EQ(0, sim_set(&self->s, "sr1", "0x04"));
	ASSERT_EQ(0, sim_set(&self->s, "sr2", "0x03"));	/* SRL|QE */
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, xfer(&self->s, w, NULL, 2));
	wait_idle(&self->s);
	EXPECT_EQ(0x04, rdsr(&self->s, 0x05));
	ASSERT_EQ(0, sim_set(&self->s, "power_cycle", "1"));
	EXPECT_EQ(0, rdsr(&self->s, 0x35) & 1);
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, xfer(&self->s, w, NULL, 2));
	wait_idle(&self->s);
	EXPECT_EQ(0x00, rdsr(&self->s, 0x05));
}

/* DS-128JV §8.2.2/§8.2.5: 50h + 01h writes volatile bits only, no BUSY */
TEST_F(chip, volatile_status_write_is_lost_at_power_cycle)
{
	__u8 w[2] = { 0x01, 0x08 };

	ASSERT_EQ(0, cmd(&self->s, 0x50));
	ASSERT_EQ(0, xfer(&self->s, w, NULL, 2));
	EXPECT_EQ(0x08, rdsr(&self->s, 0x05));
	EXPECT_EQ(0, sim_stat(&self->s, "busy_ns"));
	ASSERT_EQ(0, sim_set(&self->s, "power_cycle", "1"));
	EXPECT_EQ(0x00, rdsr(&self->s, 0x05));
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, xfer(&self->s, w, NULL, 2));
	wait_idle(&self->s);
	ASSERT_EQ(0, sim_set(&self->s, "power_cycle", "1"));
	EXPECT_EQ(0x08, rdsr(&self->s, 0x05));	/* non-volatile survives */
}

/* DS-257FV §8.2.8/9 + §7.2: B7h/E9h and the extended address register */
TEST_F(chip, four_byte_mode_and_ear)
{
	__u8 mark[2] = { 0xa5, 0x5a }, got[1], ear[2] = { 0xc5, 1 };

	ASSERT_EQ(0, img_rw(&self->s, 1, 0x1000010, &mark[0], 1));
	ASSERT_EQ(0, img_rw(&self->s, 1, 0x10, &mark[1], 1));
	ASSERT_EQ(0, rd(&self->s, 0x03, 3, 0, 0x10, got, 1));
	EXPECT_EQ(0x5a, got[0]);
	ASSERT_EQ(0, cmd(&self->s, 0xb7));
	ASSERT_EQ(0, rd(&self->s, 0x03, 4, 0, 0x1000010, got, 1));
	EXPECT_EQ(0xa5, got[0]);
	ASSERT_EQ(0, cmd(&self->s, 0xe9));
	EXPECT_EQ(0, rdsr(&self->s, 0x15) & 1);
	ASSERT_EQ(0, rd(&self->s, 0x13, 4, 0, 0x1000010, got, 1));	/* always 4B */
	EXPECT_EQ(0xa5, got[0]);
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, xfer(&self->s, ear, NULL, 2));
	ASSERT_EQ(0, rd(&self->s, 0x03, 3, 0, 0x10, got, 1));
	EXPECT_EQ(0xa5, got[0]);	/* EAR supplies A24 */
	EXPECT_EQ(1, rdsr(&self->s, 0xc8));
}

/* DS-257FV §8.2.53: 66h immediately followed by 99h resets volatile state */
TEST_F(chip, reset_needs_66_then_99)
{
	ASSERT_EQ(0, cmd(&self->s, 0xb7));
	ASSERT_EQ(0, cmd(&self->s, 0x66));
	ASSERT_EQ(0, cmd(&self->s, 0x05));
	ASSERT_EQ(0, cmd(&self->s, 0x99));
	usleep(1000);
	EXPECT_EQ(1, rdsr(&self->s, 0x15) & 1);	/* not reset: sequence broken */
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, cmd(&self->s, 0x66));
	ASSERT_EQ(0, cmd(&self->s, 0x99));
	usleep(1000);
	EXPECT_EQ(0, rdsr(&self->s, 0x15) & 1);	/* ADS back to ADP = 0 */
	EXPECT_EQ(0, rdsr(&self->s, 0x05) & 2);	/* WEL cleared */
}

/* DS-257FV §8.2.34-35: after B9h only ABh is recognised */
TEST_F(chip, power_down_and_release)
{
	__u8 id[3], dev[1];

	ASSERT_EQ(0, cmd(&self->s, 0xb9));
	usleep(100);
	ASSERT_EQ(0, rd(&self->s, 0x9f, 0, 0, 0, id, 3));
	EXPECT_FALSE(id[0] == 0xef && id[1] == 0x60);
	ASSERT_EQ(0, rd(&self->s, 0xab, 3, 0, 0, dev, 1));
	EXPECT_EQ(0x18, dev[0]);
	usleep(100);
	ASSERT_EQ(0, rd(&self->s, 0x9f, 0, 0, 0, id, 3));
	EXPECT_EQ(0xef, id[0]);
}

/* DS-257FV §8.2.38: 4Bh needs 4 dummy bytes in 3-byte mode, 5 in 4-byte */
TEST_F(chip, unique_id_dummy_bytes_follow_address_mode)
{
	__u8 a[8], b[8];

	ASSERT_EQ(0, rd(&self->s, 0x4b, 0, 4, 0, a, 8));
	ASSERT_EQ(0, cmd(&self->s, 0xb7));
	ASSERT_EQ(0, rd(&self->s, 0x4b, 0, 5, 0, b, 8));
	EXPECT_EQ(0, memcmp(a, b, 8));
	EXPECT_FALSE(a[0] == 0xff && a[1] == 0xff && a[7] == 0xff);
}

/* DS-257FV §6.2/§7.1.18: WPS=1 uses individual locks, all set at power-up */
TEST_F(chip, individual_locks_with_wps)
{
	__u8 z[1] = { 0 }, got[1], lk[1];

	ASSERT_EQ(0, sim_set(&self->s, "sr3", "0x04"));
	ASSERT_EQ(0, sim_set(&self->s, "power_cycle", "1"));
	ASSERT_EQ(0, rd(&self->s, 0x3d, 3, 0, 0x20000, lk, 1));
	EXPECT_EQ(1, lk[0] & 1);
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, addr_cmd(&self->s, 0x02, 3, 0x20000, z, 1));
	wait_idle(&self->s);
	ASSERT_EQ(0, img_rw(&self->s, 0, 0x20000, got, 1));
	EXPECT_EQ(0xff, got[0]);
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, addr_cmd(&self->s, 0x39, 3, 0x20000, NULL, 0));	/* unlock */
	wait_idle(&self->s);
	ASSERT_EQ(0, rd(&self->s, 0x3d, 3, 0, 0x20000, lk, 1));
	EXPECT_EQ(0, lk[0] & 1);
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, addr_cmd(&self->s, 0x02, 3, 0x20000, z, 1));
	wait_idle(&self->s);
	ASSERT_EQ(0, img_rw(&self->s, 0, 0x20000, got, 1));
	EXPECT_EQ(0x00, got[0]);
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, cmd(&self->s, 0x98));				/* global unlock */
	wait_idle(&self->s);
	ASSERT_EQ(0, rd(&self->s, 0x3d, 3, 0, 0x30000, lk, 1));
	EXPECT_EQ(0, lk[0] & 1);
}

/* Faults: MISO stuck high/low as seen on a bad clip or unpowered chip */
TEST_F(chip, fault_miso_stuck)
{
	__u8 id[3];

	ASSERT_EQ(0, sim_set(&self->s, "fault_miso", "high"));
	ASSERT_EQ(0, rd(&self->s, 0x9f, 0, 0, 0, id, 3));
	EXPECT_EQ(0xff, id[0] & id[1] & id[2]);
	ASSERT_EQ(0, sim_set(&self->s, "fault_miso", "low"));
	ASSERT_EQ(0, rd(&self->s, 0x9f, 0, 0, 0, id, 3));
	EXPECT_EQ(0, id[0] | id[1] | id[2]);
}

/* Counters add up what was clocked: 1 message, 4 bytes, 32 cycles */
TEST_F(chip, stats_count_bus_cycles)
{
	__u8 id[3];

	ASSERT_EQ(0, sim_set(&self->s, "stats", "0"));
	ASSERT_EQ(0, rd(&self->s, 0x9f, 0, 0, 0, id, 3));
	EXPECT_EQ(1, sim_stat(&self->s, "messages"));
	EXPECT_EQ(4, sim_stat(&self->s, "bytes"));
	EXPECT_EQ(32, sim_stat(&self->s, "cycles"));
	EXPECT_EQ(1, sim_stat(&self->s, "op_9f"));
}

/* Reading through the bus gives what debugfs loaded (random 1 MiB) */
TEST_F(chip, bus_read_matches_debugfs_image)
{
	static __u8 a[1 << 20], b[1 << 20];

	fill(a, sizeof(a), 7);
	ASSERT_EQ(0, img_rw(&self->s, 1, CHIP_SIZE - sizeof(a), a, sizeof(a)));
	ASSERT_EQ(0, rd(&self->s, 0x0c, 4, 1, CHIP_SIZE - sizeof(a), b, 4000));
	EXPECT_EQ(0, memcmp(a, b, 4000));
	EXPECT_EQ(1, sim_get(&self->s, "wp"));
}

/*
 * 03h and 13h are good to fR = 50 MHz only (DS-257FV §9.6): at 80 MHz
 * they return noise, counted once per command in reads_above_fr; 0Ch at
 * the same clock (fC) and 03h at exactly 50 MHz read the array.
 */
TEST_F(chip, read_03h_13h_above_fr_is_garbage)
{
	static __u8 a[2048], b[2048];

	fill(a, sizeof(a), 11);
	ASSERT_EQ(0, img_rw(&self->s, 1, 0x10000, a, sizeof(a)));
	ASSERT_EQ(0, sim_set(&self->s, "stats", "0"));
	ASSERT_EQ(0, rd_hz(&self->s, 0x03, 3, 0, 0x10000, b, sizeof(b),
			   80000000));
	EXPECT_NE(0, memcmp(a, b, sizeof(b)));
	EXPECT_EQ(1, sim_stat(&self->s, "reads_above_fr"));
	ASSERT_EQ(0, rd_hz(&self->s, 0x13, 4, 0, 0x10000, b, sizeof(b),
			   80000000));
	EXPECT_NE(0, memcmp(a, b, sizeof(b)));
	EXPECT_EQ(2, sim_stat(&self->s, "reads_above_fr"));
	memset(b, 0, sizeof(b));
	ASSERT_EQ(0, rd_hz(&self->s, 0x0c, 4, 1, 0x10000, b, sizeof(b),
			   80000000));
	EXPECT_EQ(0, memcmp(a, b, sizeof(b)));
	memset(b, 0, sizeof(b));
	ASSERT_EQ(0, rd_hz(&self->s, 0x03, 3, 0, 0x10000, b, sizeof(b),
			   50000000));
	EXPECT_EQ(0, memcmp(a, b, sizeof(b)));
	EXPECT_EQ(2, sim_stat(&self->s, "reads_above_fr"));
}

/* BUSY (SR1 bit 0) still 1 after polling it for @ms milliseconds? */
static int still_busy_after(struct sim *self, int ms)
{
	int i;

	for (i = 0; i < ms * 10; i++) {
		if (!(rdsr(self, 0x05) & 1))
			return 0;
		usleep(100);
	}
	return 1;
}

/* WREN + 12h (4-byte page program) of @len bytes of @val at @addr */
static void pp_fill(struct sim *self, __u32 addr, __u8 val, size_t len)
{
	__u8 buf[256];

	memset(buf, val, sizeof(buf));
	cmd(self, 0x06);
	addr_cmd(self, 0x12, 4, addr, buf, len);
}

/*
 * fault_stuck_after 2, fault_stuck_on program: the first page program ends
 * as DS-257FV §8.2.25 says (BUSY back to 0 after tPP, 0.4 ms typ), the
 * second one never does, while its data still lands in the array.  An
 * erase before it is not counted.  Writing 0 ends the stuck BUSY.
 */
TEST_F(chip, stuck_after_second_program)
{
	__u8 got[4];

	ASSERT_EQ(0, sim_set(&self->s, "fault_stuck_on", "program"));
	ASSERT_EQ(0, sim_set(&self->s, "fault_stuck_after", "2"));
	EXPECT_EQ(2, sim_get(&self->s, "fault_stuck_after"));
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, addr_cmd(&self->s, 0x21, 4, 0x30000, NULL, 0));
	EXPECT_EQ(0, still_busy_after(&self->s, 200)) TH_LOG("erase counted");
	pp_fill(&self->s, 0x30000, 0x11, 4);
	EXPECT_EQ(0, still_busy_after(&self->s, 200)) TH_LOG("first program stuck");
	EXPECT_EQ(1, sim_get(&self->s, "fault_stuck_after"));
	pp_fill(&self->s, 0x30100, 0x22, 4);
	EXPECT_EQ(1, still_busy_after(&self->s, 50)) TH_LOG("second program ended");
	EXPECT_EQ(0, sim_get(&self->s, "fault_stuck_after"));
	/* the fault fired once, then every poll was answered busy */
	EXPECT_LE(2, sim_stat(&self->s, "faults"));
	ASSERT_EQ(0, img_rw(&self->s, 0, 0x30100, got, 4));
	EXPECT_EQ(0x22, got[0]);
	ASSERT_EQ(0, sim_set(&self->s, "fault_stuck_after", "0"));
	EXPECT_EQ(0, still_busy_after(&self->s, 10));
	EXPECT_EQ(0, sim_get(&self->s, "fault_stuck_busy"));
}

/* fault_stuck_on erase / status: only that kind counts (DS-257FV §8.2.5) */
TEST_F(chip, stuck_after_counts_only_its_kind)
{
	__u8 w[2] = { 0x01, 0x00 };

	ASSERT_EQ(0, sim_set(&self->s, "fault_stuck_on", "erase"));
	EXPECT_EQ(0, sim_set(&self->s, "fault_stuck_on", "bogus") == 0);
	ASSERT_EQ(0, sim_set(&self->s, "fault_stuck_after", "1"));
	pp_fill(&self->s, 0x40000, 0x00, 1);
	EXPECT_EQ(0, still_busy_after(&self->s, 200));
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, xfer(&self->s, w, NULL, 2));
	EXPECT_EQ(0, still_busy_after(&self->s, 200));
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, addr_cmd(&self->s, 0x21, 4, 0x40000, NULL, 0));
	EXPECT_EQ(1, still_busy_after(&self->s, 300)) TH_LOG("erase not stuck");
	ASSERT_EQ(0, sim_set(&self->s, "fault_stuck_after", "0"));
	ASSERT_EQ(0, sim_set(&self->s, "fault_stuck_on", "status"));
	ASSERT_EQ(0, sim_set(&self->s, "fault_stuck_after", "1"));
	pp_fill(&self->s, 0x40000, 0x00, 1);
	EXPECT_EQ(0, still_busy_after(&self->s, 200));
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, xfer(&self->s, w, NULL, 2));
	EXPECT_EQ(1, still_busy_after(&self->s, 50)) TH_LOG("status write not stuck");
	/* fault_stuck_busy 0 also ends it, as it always did */
	ASSERT_EQ(0, sim_set(&self->s, "fault_stuck_busy", "0"));
	EXPECT_EQ(0, still_busy_after(&self->s, 10));
}

/* fault_stuck_busy as before: idle chip at once, BUSY until cleared */
TEST_F(chip, stuck_busy_when_idle_is_immediate)
{
	ASSERT_EQ(0, sim_set(&self->s, "fault_stuck_busy", "1"));
	EXPECT_EQ(1, still_busy_after(&self->s, 20));
	ASSERT_EQ(0, sim_set(&self->s, "fault_stuck_busy", "0"));
	EXPECT_EQ(0, still_busy_after(&self->s, 10));
}

/*
 * DS-257FV §8: while BUSY only the status reads (and 75h) are accepted.
 * cmds_while_busy counts everything else sent then; polls do not count.
 */
TEST_F(chip, cmds_while_busy_counts_non_status_commands)
{
	__u8 got[4];

	/*
	 * Real time at the maximum: 400 ms, time enough for the commands
	 * below on a loaded debug kernel (the 45 ms typical was not, once).
	 */
	ASSERT_EQ(0, sim_set(&self->s, "busy_div", "1"));
	ASSERT_EQ(0, sim_set(&self->s, "busy_time", "1"));
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, addr_cmd(&self->s, 0x21, 4, 0x50000, NULL, 0));
	ASSERT_EQ(0, sim_set(&self->s, "stats", "0"));
	ASSERT_EQ(1, rdsr(&self->s, 0x05) & 1);
	EXPECT_EQ(0x02, rdsr(&self->s, 0x35) & 0x02);
	EXPECT_EQ(0, sim_stat(&self->s, "cmds_while_busy"));
	ASSERT_EQ(0, rd(&self->s, 0x13, 4, 0, 0x50000, got, 4));
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	EXPECT_EQ(2, sim_stat(&self->s, "cmds_while_busy"));
	EXPECT_EQ(2, sim_stat(&self->s, "ignored"));
	wait_idle(&self->s);
	ASSERT_EQ(0, rd(&self->s, 0x13, 4, 0, 0x50000, got, 4));
	EXPECT_EQ(2, sim_stat(&self->s, "cmds_while_busy"));
	/* the host sent a command before it saw the end: counted once */
	EXPECT_EQ(1, sim_stat(&self->s, "unobserved_ends"));
}

/*
 * unobserved_ends: a program whose end (BUSY 1 -> 0, DS-257FV §8.2.25) no
 * 05h read showed before the next command counts even when tPP had long
 * passed; 35h does not show BUSY; a power cycle leaves nothing to see.
 */
TEST_F(chip, unobserved_ends_counts_ends_no_poll_saw)
{
	__u8 got[4];

	ASSERT_EQ(0, sim_set(&self->s, "stats", "0"));
	pp_fill(&self->s, 0x60000, 0x00, 4);
	usleep(20000);				/* tPP / busy_div long over */
	ASSERT_EQ(0, rd(&self->s, 0x13, 4, 0, 0x60000, got, 4));
	EXPECT_EQ(0x00, got[0]);
	EXPECT_EQ(1, sim_stat(&self->s, "unobserved_ends"));
	EXPECT_EQ(0, sim_stat(&self->s, "cmds_while_busy"));
	pp_fill(&self->s, 0x60100, 0x00, 4);
	wait_idle(&self->s);
	ASSERT_EQ(0, rd(&self->s, 0x13, 4, 0, 0x60100, got, 4));
	EXPECT_EQ(1, sim_stat(&self->s, "unobserved_ends"));
	pp_fill(&self->s, 0x60200, 0x00, 4);
	usleep(20000);
	rdsr(&self->s, 0x35);			/* SR2: no BUSY bit */
	ASSERT_EQ(0, cmd(&self->s, 0x04));
	EXPECT_EQ(2, sim_stat(&self->s, "unobserved_ends"));
	pp_fill(&self->s, 0x60300, 0x00, 4);
	ASSERT_EQ(0, sim_set(&self->s, "power_cycle", "1"));
	ASSERT_EQ(0, cmd(&self->s, 0x04));
	EXPECT_EQ(2, sim_stat(&self->s, "unobserved_ends"));
	/* the WRENs of pp_fill came after polled or power-cycled ends */
	EXPECT_EQ(0, sim_stat(&self->s, "cmds_while_busy"));
}

/*
 * Power lost during a page program (fault_power_cycle_op 12h: the cut
 * comes while tPP runs) leaves a seeded subset of the bits it clears
 * (flashsim.rst; an assumption, Winbond says it only for a suspended
 * program).  0xF0 programmed with 0x3C: full result 0x30; a torn byte
 * keeps 0x30 set, gains no 0x0F bit, and is one of F0 B0 70 30.
 */
static void torn_program(struct sim *self, __u32 addr, __u8 *got)
{
	__u8 old[256], data[256];

	memset(old, 0xf0, sizeof(old));
	memset(data, 0x3c, sizeof(data));
	img_rw(self, 1, addr, old, sizeof(old));
	sim_set(self, "fault_seed", "5");
	sim_set(self, "fault_power_cycle_op", "0x12");
	cmd(self, 0x06);
	addr_cmd(self, 0x12, 4, addr, data, sizeof(data));
	img_rw(self, 0, addr, got, 256);
}

TEST_F(chip, power_cut_mid_program_leaves_some_bits)
{
	__u8 a[256], b[256];
	int i, full = 0, none = 0, bad = 0;

	ASSERT_EQ(0, sim_set(&self->s, "stats", "0"));
	torn_program(&self->s, 0x80000, a);
	EXPECT_EQ(1, sim_stat(&self->s, "power_cycles"));
	EXPECT_EQ(1, sim_stat(&self->s, "torn_ops"));
	EXPECT_EQ(0, rdsr(&self->s, 0x05) & 3);		/* idle, WEL lost */
	for (i = 0; i < 256; i++) {
		bad += (a[i] & 0x0f) || (a[i] & 0x30) != 0x30;
		full += a[i] == 0x30;
		none += a[i] == 0xf0;
	}
	EXPECT_EQ(0, bad);
	EXPECT_GT(256 - full, 0) TH_LOG("the program completed in full");
	EXPECT_GT(256 - none, 0) TH_LOG("the program left nothing");
	/* the same seed gives the same torn page */
	torn_program(&self->s, 0x80100, b);
	EXPECT_EQ(0, memcmp(a, b, 256));
}

/*
 * A power_cycle during a 64 KiB erase (DCh, tBE2 150 ms typ, busy_div 1)
 * leaves a mix of erased, old and other bytes; one after the erase ended
 * (or on an idle chip) changes nothing.
 */
TEST_F(chip, power_cut_mid_erase_leaves_a_mix)
{
	static __u8 buf[65536];
	int i, ff = 0, old = 0, other = 0;

	memset(buf, 0x5a, sizeof(buf));
	ASSERT_EQ(0, img_rw(&self->s, 1, 0x90000, buf, sizeof(buf)));
	ASSERT_EQ(0, sim_set(&self->s, "busy_div", "1"));
	ASSERT_EQ(0, sim_set(&self->s, "stats", "0"));
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, addr_cmd(&self->s, 0xdc, 4, 0x90000, NULL, 0));
	ASSERT_EQ(0, sim_set(&self->s, "power_cycle", "1"));
	EXPECT_EQ(1, sim_stat(&self->s, "torn_ops"));
	ASSERT_EQ(0, img_rw(&self->s, 0, 0x90000, buf, sizeof(buf)));
	for (i = 0; i < (int)sizeof(buf); i++) {
		ff += buf[i] == 0xff;
		old += buf[i] == 0x5a;
		other += buf[i] != 0xff && buf[i] != 0x5a;
	}
	EXPECT_LT(1000, ff);
	EXPECT_LT(1000, old);
	EXPECT_LT(1000, other);
	/* the same erase, completed before the power cycle: all FFh */
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, addr_cmd(&self->s, 0xdc, 4, 0x90000, NULL, 0));
	wait_idle(&self->s);
	ASSERT_EQ(0, sim_set(&self->s, "power_cycle", "1"));
	ASSERT_EQ(0, img_rw(&self->s, 0, 0x90000, buf, sizeof(buf)));
	for (i = 0, ff = 0; i < (int)sizeof(buf); i++)
		ff += buf[i] == 0xff;
	EXPECT_EQ((int)sizeof(buf), ff);
	EXPECT_EQ(1, sim_stat(&self->s, "torn_ops"));
}

/* Power lost during tW: the register is the old or the new value, seeded */
TEST_F(chip, power_cut_mid_status_write_old_or_new)
{
	__u8 w[2] = { 0x01, 0x1c };
	char seed[16];
	int i, olds = 0, news = 0, bad = 0;
	__u8 sr;

	for (i = 1; i <= 16; i++) {
		ASSERT_EQ(0, sim_set(&self->s, "sr1", "0"));
		snprintf(seed, sizeof(seed), "%d", i);
		ASSERT_EQ(0, sim_set(&self->s, "fault_seed", seed));
		ASSERT_EQ(0, sim_set(&self->s, "fault_power_cycle_op", "0x01"));
		ASSERT_EQ(0, cmd(&self->s, 0x06));
		ASSERT_EQ(0, xfer(&self->s, w, NULL, 2));
		sr = rdsr(&self->s, 0x05);
		olds += sr == 0x00;
		news += sr == 0x1c;
		bad += sr != 0x00 && sr != 0x1c;
	}
	EXPECT_EQ(0, bad);
	EXPECT_LT(0, olds);
	EXPECT_LT(0, news);
	EXPECT_EQ(16, sim_stat(&self->s, "torn_ops"));
}

/* A power cycle on an idle chip changes nothing of the array */
TEST_F(chip, power_cycle_when_idle_keeps_everything)
{
	__u8 data[16], got[16];

	fill(data, sizeof(data), 3);
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, addr_cmd(&self->s, 0x12, 4, 0xa0000, data, 16));
	wait_idle(&self->s);
	ASSERT_EQ(0, sim_set(&self->s, "stats", "0"));
	ASSERT_EQ(0, sim_set(&self->s, "power_cycle", "1"));
	ASSERT_EQ(0, img_rw(&self->s, 0, 0xa0000, got, 16));
	EXPECT_EQ(0, memcmp(data, got, 16));
	EXPECT_EQ(0, sim_stat(&self->s, "torn_ops"));
	EXPECT_EQ(1, sim_stat(&self->s, "power_cycles"));
	/* tPP over, though no status read has seen it: complete too */
	fill(data, sizeof(data), 4);
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, addr_cmd(&self->s, 0x12, 4, 0xa1000, data, 16));
	usleep(20000);
	ASSERT_EQ(0, sim_set(&self->s, "power_cycle", "1"));
	ASSERT_EQ(0, img_rw(&self->s, 0, 0xa1000, got, 16));
	EXPECT_EQ(0, memcmp(data, got, 16));
	EXPECT_EQ(0, sim_stat(&self->s, "torn_ops"));
}

/*
 * fault_miso_after N: MISO is lost (stuck high, as an open line with the
 * pull-up) after the Nth array data byte from arming, in the middle of a
 * read; bytes of other commands (9Fh) do not count.
 */
TEST_F(chip, miso_lost_after_n_read_bytes)
{
	__u8 data[512], got[256], id[3];
	int i, bad = 0;

	fill(data, sizeof(data), 9);
	ASSERT_EQ(0, img_rw(&self->s, 1, 0xb0000, data, sizeof(data)));
	ASSERT_EQ(0, sim_set(&self->s, "fault_miso_after", "300"));
	ASSERT_EQ(0, rd(&self->s, 0x9f, 0, 0, 0, id, 3));
	EXPECT_EQ(0xef, id[0]);
	EXPECT_EQ(300, sim_get(&self->s, "fault_miso_after"));
	ASSERT_EQ(0, rd(&self->s, 0x13, 4, 0, 0xb0000, got, 256));
	EXPECT_EQ(0, memcmp(got, data, 256));
	EXPECT_EQ(44, sim_get(&self->s, "fault_miso_after"));
	ASSERT_EQ(0, rd(&self->s, 0x0c, 4, 1, 0xb0100, got, 256));
	EXPECT_EQ(0, memcmp(got, data + 256, 44));
	for (i = 44; i < 256; i++)
		bad += got[i] != 0xff;
	EXPECT_EQ(0, bad);
	EXPECT_EQ(0, sim_get(&self->s, "fault_miso_after"));
	ASSERT_EQ(0, rd(&self->s, 0x9f, 0, 0, 0, id, 3));
	EXPECT_EQ(0xff, id[0] & id[1] & id[2]);		/* and it stays lost */
	ASSERT_EQ(0, sim_set(&self->s, "fault_miso", "none"));
	ASSERT_EQ(0, rd(&self->s, 0x9f, 0, 0, 0, id, 3));
	EXPECT_EQ(0xef, id[0]);
}

/*
 * fault_power_cycle_nth: the power cut comes after the Nth execution of
 * fault_power_cycle_op, e.g. inside one multi-page write.  On 12h the
 * third page is torn (some of its bits); on 06h the cut falls between the
 * second page and the third, whose program then lacks WEL (DS-257FV
 * §8.2.25) and is ignored.
 */
TEST_F(chip, power_cycle_after_nth_page_program)
{
	__u8 got[256];
	int p, i, zero;

	ASSERT_EQ(0, sim_set(&self->s, "fault_power_cycle_op", "0x12"));
	ASSERT_EQ(0, sim_set(&self->s, "fault_power_cycle_nth", "3"));
	ASSERT_EQ(0, sim_set(&self->s, "stats", "0"));
	for (p = 0; p < 4; p++) {
		pp_fill(&self->s, 0xc0000 + p * 256, 0x00, 256);
		wait_idle(&self->s);
		if (p == 1)
			EXPECT_EQ(1, sim_get(&self->s, "fault_power_cycle_nth"));
	}
	EXPECT_EQ(1, sim_stat(&self->s, "power_cycles"));
	EXPECT_EQ(1, sim_stat(&self->s, "torn_ops"));
	EXPECT_EQ(0, sim_get(&self->s, "fault_power_cycle_op"));
	for (p = 0; p < 4; p++) {
		ASSERT_EQ(0, img_rw(&self->s, 0, 0xc0000 + p * 256, got, 256));
		for (i = 0, zero = 0; i < 256; i++)
			zero += got[i] == 0x00;
		/* page 3 torn, the others programmed in full */
		EXPECT_EQ(p != 2, zero == 256) TH_LOG("page %d", p + 1);
	}
	ASSERT_EQ(0, sim_set(&self->s, "fault_power_cycle_op", "0x06"));
	ASSERT_EQ(0, sim_set(&self->s, "fault_power_cycle_nth", "3"));
	for (p = 0; p < 3; p++) {
		pp_fill(&self->s, 0xd0000 + p * 256, 0x00, 256);
		wait_idle(&self->s);
	}
	ASSERT_EQ(0, img_rw(&self->s, 0, 0xd0100, got, 1));
	EXPECT_EQ(0x00, got[0]);
	ASSERT_EQ(0, img_rw(&self->s, 0, 0xd0200, got, 1));
	EXPECT_EQ(0xff, got[0]) TH_LOG("the third page was programmed");
	EXPECT_EQ(2, sim_stat(&self->s, "power_cycles"));
}

/*
 * swap_profile: the chip is replaced by another profile of the same size
 * between two commands.  9Fh then reads the new ID (C8 67 19 for the
 * GD25LB256E: FR flashchips.h GIGADEVICE_GD25LR256E), the array is kept,
 * 5Ah reads FFh (no table) and
 * 35h does not exist; a chip of another size is refused.
 */
TEST_F(chip, swap_profile_changes_the_chip)
{
	__u8 id[3], mark = 0xa5, got[4];
	char model[32] = "", path[512];
	FILE *f;

	ASSERT_EQ(0, img_rw(&self->s, 1, 0x10, &mark, 1));
	ASSERT_EQ(0, cmd(&self->s, 0xb7));
	ASSERT_EQ(0, sim_set(&self->s, "swap_profile", "gd25lb256e"));
	snprintf(path, sizeof(path), "%s/model", self->s.sim);
	f = fopen(path, "r");
	ASSERT_NE(NULL, f);
	ASSERT_NE(NULL, fgets(model, sizeof(model), f));
	fclose(f);
	EXPECT_STREQ("gd25lb256e\n", model);
	ASSERT_EQ(0, rd(&self->s, 0x9f, 0, 0, 0, id, 3));
	EXPECT_EQ(0xc8, id[0]);
	EXPECT_EQ(0x67, id[1]);
	EXPECT_EQ(0x19, id[2]);
	ASSERT_EQ(0, rd(&self->s, 0x03, 3, 0, 0x10, got, 1));	/* 3-byte again */
	EXPECT_EQ(0xa5, got[0]);
	ASSERT_EQ(0, rd(&self->s, 0x5a, 3, 1, 0, got, 4));
	EXPECT_EQ(0xff, got[0] & got[1] & got[2] & got[3]);
	EXPECT_EQ(0xff, rdsr(&self->s, 0x35));
	EXPECT_EQ(-EINVAL, sim_set(&self->s, "swap_profile", "w25q128jv"));
	EXPECT_EQ(-EINVAL, sim_set(&self->s, "swap_profile", "nosuchchip"));
	ASSERT_EQ(0, sim_set(&self->s, "swap_profile", "w25q256jw"));
	ASSERT_EQ(0, rd(&self->s, 0x9f, 0, 0, 0, id, 3));
	EXPECT_EQ(0xef, id[0]);
	EXPECT_EQ(0x60, id[1]);
	EXPECT_EQ(0x02, rdsr(&self->s, 0x35));		/* QE fixed, -IQ */
}

/* ---- Macronix MX25U25635F (C2 25 39; FR, UF, Linux macronix.c) ---- */

/*
 * board_bp: a board whose firmware re-protects its boot block at every
 * power-on (SR1 = 0x44, TB + BP0, as a badcaps.net forum report saw on an
 * ASRock board with a W25Q256JW; the range: DS-257FV §7.1.16).  A status
 * write clears SR1; after a power cycle the board's bits are back.  With
 * board_bp 0 a power cycle keeps
 * the cleared SR1 (DS-257FV §8.2.5: the non-volatile value).
 */
TEST_F(chip, board_bp_reprotects_at_power_on)
{
	__u8 w[2] = { 0x01, 0x00 };

	ASSERT_EQ(0, sim_set(&self->s, "board_bp", "0x44"));
	EXPECT_EQ(0x44, sim_get(&self->s, "board_bp"));
	ASSERT_EQ(0, sim_set(&self->s, "sr1", "0x08"));
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, xfer(&self->s, w, NULL, 2));
	wait_idle(&self->s);
	EXPECT_EQ(0x00, rdsr(&self->s, 0x05));
	ASSERT_EQ(0, sim_set(&self->s, "power_cycle", "1"));
	EXPECT_EQ(0x44, rdsr(&self->s, 0x05));
	ASSERT_EQ(0, sim_set(&self->s, "board_bp", "0"));
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, xfer(&self->s, w, NULL, 2));
	wait_idle(&self->s);
	EXPECT_EQ(0x00, rdsr(&self->s, 0x05));
	ASSERT_EQ(0, sim_set(&self->s, "power_cycle", "1"));
	EXPECT_EQ(0x00, rdsr(&self->s, 0x05));
	EXPECT_EQ(-EINVAL, sim_set(&self->s, "board_bp", "0x100"));
	EXPECT_EQ(0, sim_get(&self->s, "board_bp"));
}

/*
 * The busy time one operation models (stats busy_ns, before busy_div):
 * a page program, a 4 KiB erase or a non-volatile status write from idle.
 */
static unsigned long busy_ns_of(struct sim *self, int what)
{
	__u8 w[2] = { 0x01, 0x00 };
	unsigned long before = sim_stat(self, "busy_ns");

	cmd(self, 0x06);
	if (what == 0)
		addr_cmd(self, 0x12, 4, 0x40000, "\x5a", 1);
	else if (what == 1)
		addr_cmd(self, 0x21, 4, 0x40000, NULL, 0);
	else
		xfer(self, w, NULL, 2);
	wait_idle(self);
	return sim_stat(self, "busy_ns") - before;
}

/*
 * busy_time 0/1/2: the W25Q256's typical times (tPP 0.4 ms, tSE 45 ms, tW
 * 10 ms) or its maxima (tPP 3 ms, tSE 400 ms, tW 15 ms, DS-257FV §9.6),
 * or a pick between them that the seed repeats.  Other values refused.
 */
TEST_F(chip, busy_time_typical_maximum_random)
{
	unsigned long a[8], b[8];
	int i, distinct = 0;

	EXPECT_EQ(0, sim_get(&self->s, "busy_time"));
	EXPECT_EQ(400000, busy_ns_of(&self->s, 0));
	EXPECT_EQ(45000000, busy_ns_of(&self->s, 1));
	EXPECT_EQ(10000000, busy_ns_of(&self->s, 2));
	ASSERT_EQ(0, sim_set(&self->s, "busy_time", "1"));
	EXPECT_EQ(3000000, busy_ns_of(&self->s, 0));
	EXPECT_EQ(400000000, busy_ns_of(&self->s, 1));
	EXPECT_EQ(15000000, busy_ns_of(&self->s, 2));
	ASSERT_EQ(0, sim_set(&self->s, "fault_seed", "7"));
	ASSERT_EQ(0, sim_set(&self->s, "busy_time", "2"));
	for (i = 0; i < 8; i++) {
		a[i] = busy_ns_of(&self->s, 0);
		EXPECT_LE(400000, a[i]);
		EXPECT_GE(3000000, a[i]);
		distinct += i && a[i] != a[i - 1];
	}
	EXPECT_LE(4, distinct);
	ASSERT_EQ(0, sim_set(&self->s, "busy_time", "2"));
	for (i = 0; i < 8; i++)
		b[i] = busy_ns_of(&self->s, 0);
	EXPECT_EQ(0, memcmp(a, b, sizeof(a))) TH_LOG("the seed does not repeat");
	EXPECT_EQ(-EINVAL, sim_set(&self->s, "busy_time", "3"));
	EXPECT_EQ(2, sim_get(&self->s, "busy_time"));
}

/*
 * Real time (busy_div 1) at the maximum busy times: a 4 KiB erase keeps
 * BUSY for up to 400 ms, a page program 3 ms, a status write 15 ms; each
 * ends, the data and the register land, and the host's polling saw every
 * end without sending anything but status reads meanwhile.
 */
TEST_F(chip, real_time_at_maximum_busy_times)
{
	__u8 w[2] = { 0x01, 0x1c }, page[256], got[256];
	int i;

	fill(page, sizeof(page), 11);
	ASSERT_EQ(0, sim_set(&self->s, "busy_div", "1"));
	ASSERT_EQ(0, sim_set(&self->s, "busy_time", "1"));
	ASSERT_EQ(0, sim_set(&self->s, "stats", "0"));
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, addr_cmd(&self->s, 0x21, 4, 0x50000, NULL, 0));
	wait_idle(&self->s);
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, addr_cmd(&self->s, 0x12, 4, 0x50000, page, sizeof(page)));
	wait_idle(&self->s);
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, xfer(&self->s, w, NULL, 2));
	wait_idle(&self->s);
	EXPECT_EQ(0x1c, rdsr(&self->s, 0x05));
	ASSERT_EQ(0, img_rw(&self->s, 0, 0x50000, got, sizeof(got)));
	EXPECT_EQ(0, memcmp(page, got, sizeof(got)));
	ASSERT_EQ(0, img_rw(&self->s, 0, 0x50100, got, sizeof(got)));
	for (i = 0; i < 256; i++)
		EXPECT_EQ(0xff, got[i]);
	EXPECT_EQ(418000000, sim_stat(&self->s, "busy_ns"));
	EXPECT_EQ(0, sim_stat(&self->s, "cmds_while_busy"));
	EXPECT_EQ(0, sim_stat(&self->s, "unobserved_ends"));
}

FIXTURE(mx) {
	struct sim s;
};

FIXTURE_SETUP(mx)
{
	sim_open(_metadata, &self->s, "mx25u25635f");
}

FIXTURE_TEARDOWN(mx)
{
	sim_close(&self->s);
}

/* 4-byte address + data: 12h page program, the dedicated 4-byte opcode */
static void pp4(struct sim *s, __u32 addr, __u8 val)
{
	cmd(s, 0x06);
	addr_cmd(s, 0x12, 4, addr, &val, 1);
	wait_idle(s);
}

/*
 * busy_time 1 on the MX25U25635F: the maxima its own SFDP dump gives
 * (BFPT 10th/11th DWORD, each typical time multiplied by 2 * (count +
 * 1)): a page program 912 us, a 4 KiB erase 400 ms.
 */
TEST_F(mx, busy_time_maximum_from_its_sfdp)
{
	unsigned long before;

	ASSERT_EQ(0, sim_set(&self->s, "busy_time", "1"));
	before = sim_stat(&self->s, "busy_ns");
	pp4(&self->s, 0x40000, 0x5a);
	EXPECT_EQ(912000, sim_stat(&self->s, "busy_ns") - before);
	before = sim_stat(&self->s, "busy_ns");
	cmd(&self->s, 0x06);
	addr_cmd(&self->s, 0x21, 4, 0x40000, NULL, 0);
	wait_idle(&self->s);
	EXPECT_EQ(400000000, sim_stat(&self->s, "busy_ns") - before);
}

static __u8 img_byte(struct sim *s, __u32 addr)
{
	__u8 b = 0x5a;

	img_rw(s, 0, addr, &b, 1);
	return b;
}

/* WREN, then 01h with one (SR) or two (SR, CR) bytes, then wait */
static void wrsr(struct sim *s, const __u8 *regs, size_t n)
{
	__u8 tx[3] = { 0x01 };

	memcpy(tx + 1, regs, n);
	cmd(s, 0x06);
	xfer(s, tx, NULL, 1 + n);
	wait_idle(s);
}

/*
 * Macronix repeats the ID: the spi-nor sysfs jedec_id of this part reads
 * "c22539c22539" in posts on linux-mtd/LKML (no datasheet read)
 */
TEST_F(mx, jedec_id_is_c22539_repeated)
{
	static const __u8 want[6] = { 0xc2, 0x25, 0x39, 0xc2, 0x25, 0x39 };
	__u8 id[6];

	ASSERT_EQ(0, rd(&self->s, 0x9f, 0, 0, 0, id, 6));
	EXPECT_EQ(0, memcmp(id, want, 6));
}

/*
 * The real c22539 dump, byte for byte: A. Sverdlin, LKML 2022-05 (md5
 * bc360997e729ce1f77f1ff728621d94f); Documentation/chips.rst, "SFDP dumps"
 */
TEST_F(mx, sfdp_is_the_real_c22539_dump)
{
	/* The xxd -p text of that post, as bytes */
	static const __u8 want[288] = {
		0x53, 0x46, 0x44, 0x50, 0x06, 0x01, 0x02, 0xff, 0x00, 0x06,
		0x01, 0x10, 0x30, 0x00, 0x00, 0xff, 0xc2, 0x00, 0x01, 0x04,
		0x10, 0x01, 0x00, 0xff, 0x84, 0x00, 0x01, 0x02, 0xc0, 0x00,
		0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xe5, 0x20,
		0xfb, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x44, 0xeb, 0x08, 0x6b,
		0x08, 0x3b, 0x04, 0xbb, 0xfe, 0xff, 0xff, 0xff, 0xff, 0xff,
		0x00, 0xff, 0xff, 0xff, 0x44, 0xeb, 0x0c, 0x20, 0x0f, 0x52,
		0x10, 0xd8, 0x00, 0xff, 0x87, 0x49, 0xb5, 0x00, 0x82, 0xd2,
		0x04, 0xd2, 0x44, 0x03, 0x67, 0x38, 0x30, 0xb0, 0x30, 0xb0,
		0xf7, 0xbd, 0xd5, 0x5c, 0x4a, 0x9e, 0x29, 0xff, 0xf0, 0x50,
		0xf9, 0x85, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0x7f, 0x8f, 0xff, 0xff, 0x21, 0x5c, 0xdc, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0x00, 0x20, 0x50, 0x16, 0x9d, 0xf9, 0xc0, 0x64,
		0x85, 0xcb, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	};
	__u8 got[288];
	size_t i;

	ASSERT_EQ(0, rd(&self->s, 0x5a, 3, 1, 0, got, sizeof(got)));
	for (i = 0; i < sizeof(want); i++)
		EXPECT_EQ(want[i], got[i]) TH_LOG("SFDP byte 0x%zx", i);
}

/* FR, UF: CR (15h) is the second byte of 01h; TB = CR bit 3 is OTP */
TEST_F(mx, cr_tb_is_one_time_programmable)
{
	static const __u8 set[2] = { 0x00, 0x08 }, clear[2] = { 0x00, 0x00 };

	EXPECT_EQ(0x00, rdsr(&self->s, 0x15) & 0x08);
	wrsr(&self->s, set, 2);
	EXPECT_EQ(0x08, rdsr(&self->s, 0x15) & 0x08);
	wrsr(&self->s, clear, 2);
	EXPECT_EQ(0x08, rdsr(&self->s, 0x15) & 0x08) TH_LOG("TB went 1 -> 0");
	ASSERT_EQ(0, sim_set(&self->s, "power_cycle", "1"));
	EXPECT_EQ(0x08, rdsr(&self->s, 0x15) & 0x08);
}

/*
 * BP0 alone protects 64 KiB: the top block with TB=0, block 0 with TB=1
 * (64 KiB << (BP - 1); flashrom decode_range_spi25 for MX25U25645G).
 */
TEST_F(mx, bp0_protects_top_block_then_bottom_with_tb)
{
	static const __u8 bp0[1] = { 0x04 }, bp0_tb[2] = { 0x04, 0x08 };

	wrsr(&self->s, bp0, 1);
	EXPECT_EQ(0x04, rdsr(&self->s, 0x05));
	pp4(&self->s, 0x1ff0000, 0x00);
	pp4(&self->s, 0x1feffff, 0x00);
	pp4(&self->s, 0x0000000, 0x00);
	EXPECT_EQ(0xff, img_byte(&self->s, 0x1ff0000));	/* block 511 */
	EXPECT_EQ(0x00, img_byte(&self->s, 0x1feffff));	/* block 510 */
	EXPECT_EQ(0x00, img_byte(&self->s, 0x0000000));
	wrsr(&self->s, bp0_tb, 2);
	pp4(&self->s, 0x000ffff, 0x00);
	pp4(&self->s, 0x1ff0001, 0x00);
	EXPECT_EQ(0xff, img_byte(&self->s, 0x000ffff));	/* block 0 */
	EXPECT_EQ(0x00, img_byte(&self->s, 0x1ff0001));	/* block 511 */
}

/* FR reg_bits srp: SR bit 7 SRWD with WP# low refuses 01h (SR and CR) */
TEST_F(mx, srwd_with_wp_low_refuses_sr_and_cr)
{
	static const __u8 w[2] = { 0x04, 0x08 };

	ASSERT_EQ(0, sim_set(&self->s, "sr1", "0x80"));
	ASSERT_EQ(0, sim_set(&self->s, "wp", "0"));
	wrsr(&self->s, w, 2);
	EXPECT_EQ(0x80, rdsr(&self->s, 0x05));
	EXPECT_EQ(0x00, rdsr(&self->s, 0x15) & 0x08);
	ASSERT_EQ(0, sim_set(&self->s, "wp", "1"));
	wrsr(&self->s, w, 2);
	EXPECT_EQ(0x04, rdsr(&self->s, 0x05));
	EXPECT_EQ(0x08, rdsr(&self->s, 0x15) & 0x08);
}

/*
 * No volatile status write: 50h does not stand in for WREN (unverified: no
 * Macronix datasheet was read)
 */
TEST_F(mx, no_50h_volatile_status_write)
{
	__u8 w[2] = { 0x01, 0x04 };

	ASSERT_EQ(0, cmd(&self->s, 0x50));
	ASSERT_EQ(0, xfer(&self->s, w, NULL, 2));
	wait_idle(&self->s);
	EXPECT_EQ(0x00, rdsr(&self->s, 0x05));
}

/* CR bit 5 4BYTE shows B7h/E9h, read-only (RTL, secondary: unverified) */
TEST_F(mx, cr_4byte_bit_follows_b7_e9_only)
{
	static const __u8 w[2] = { 0x00, 0x20 };

	wrsr(&self->s, w, 2);
	EXPECT_EQ(0x00, rdsr(&self->s, 0x15) & 0x20);
	ASSERT_EQ(0, cmd(&self->s, 0xb7));
	EXPECT_EQ(0x20, rdsr(&self->s, 0x15) & 0x20);
	ASSERT_EQ(0, cmd(&self->s, 0xe9));
	EXPECT_EQ(0x00, rdsr(&self->s, 0x15) & 0x20);
}

/* The dump's 4BAIT: 5Ch erases 32 KiB, 4-byte address */
TEST_F(mx, erase_5c_is_4byte_32k)
{
	static __u8 buf[3 * 32768];
	int i, ok = 1;

	memset(buf, 0, sizeof(buf));
	ASSERT_EQ(0, img_rw(&self->s, 1, 0x1000000, buf, sizeof(buf)));
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, addr_cmd(&self->s, 0x5c, 4, 0x1008000 + 0x123, NULL, 0));
	wait_idle(&self->s);
	ASSERT_EQ(0, img_rw(&self->s, 0, 0x1000000, buf, sizeof(buf)));
	for (i = 0; i < 32768; i++)
		ok &= buf[i] == 0 && buf[32768 + i] == 0xff &&
		      buf[65536 + i] == 0;
	EXPECT_TRUE(ok);
}

/* RDDPB E0h / RDSPB E2h, 4-byte address: FFh protected, 00h not */
static __u8 rd_prot(struct sim *s, __u8 op, __u32 addr)
{
	__u8 b = 0x5a;

	rd(s, op, 4, 0, addr, &b, 1);
	return b;
}

/*
 * WPSEL (security register bit 7, OTP; flashrom: set by the WPSEL command
 * 68h; MX25L12835F datasheet §9-31): once set it stays set, and after
 * power-up every DPB is 1, so nothing can be programmed.
 */
TEST_F(mx, wpsel_is_otp_and_powers_up_all_locked)
{
	EXPECT_EQ(0x00, rdsr(&self->s, 0x2b) & 0x80);
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, cmd(&self->s, 0x68));
	wait_idle(&self->s);
	EXPECT_EQ(0x80, rdsr(&self->s, 0x2b) & 0x80);
	ASSERT_EQ(0, sim_set(&self->s, "power_cycle", "1"));
	EXPECT_EQ(0x80, rdsr(&self->s, 0x2b) & 0x80);
	EXPECT_EQ(0xff, rd_prot(&self->s, 0xe0, 0x20000));
	EXPECT_EQ(0xff, rd_prot(&self->s, 0xe0, 0x1fff000));
	pp4(&self->s, 0x20000, 0x00);
	EXPECT_EQ(0xff, img_byte(&self->s, 0x20000));
}

/*
 * WPSEL=1 (MX25L12835F §9-31/35, sibling datasheet): a block is protected
 * if its DPB (volatile) or its SPB (non-volatile) is 1; GBULK 98h clears
 * the DPBs only, ESSPB E4h erases the SPBs; the BP bits no longer count.
 */
TEST_F(mx, wpsel_dpb_or_spb_protects)
{
	__u8 zero = 0x00;

	ASSERT_EQ(0, sim_set(&self->s, "sr3", "0x80"));	/* WPSEL */
	ASSERT_EQ(0, sim_set(&self->s, "power_cycle", "1"));
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, addr_cmd(&self->s, 0xe1, 4, 0x20000, &zero, 1));
	EXPECT_EQ(0x00, rd_prot(&self->s, 0xe0, 0x20000));
	EXPECT_EQ(0xff, rd_prot(&self->s, 0xe0, 0x30000));
	pp4(&self->s, 0x20000, 0x00);
	EXPECT_EQ(0x00, img_byte(&self->s, 0x20000));
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, addr_cmd(&self->s, 0xe3, 4, 0x20000, NULL, 0));
	wait_idle(&self->s);
	EXPECT_EQ(0xff, rd_prot(&self->s, 0xe2, 0x20000));
	pp4(&self->s, 0x20001, 0x00);
	EXPECT_EQ(0xff, img_byte(&self->s, 0x20001)) TH_LOG("SPB ignored");
	ASSERT_EQ(0, sim_set(&self->s, "power_cycle", "1"));
	EXPECT_EQ(0xff, rd_prot(&self->s, 0xe2, 0x20000));	/* non-volatile */
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, cmd(&self->s, 0x98));
	EXPECT_EQ(0x00, rd_prot(&self->s, 0xe0, 0x30000));
	pp4(&self->s, 0x30000, 0x00);
	pp4(&self->s, 0x20002, 0x00);
	EXPECT_EQ(0x00, img_byte(&self->s, 0x30000));
	EXPECT_EQ(0xff, img_byte(&self->s, 0x20002));
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, cmd(&self->s, 0xe4));
	wait_idle(&self->s);
	EXPECT_EQ(0x00, rd_prot(&self->s, 0xe2, 0x20000));
	pp4(&self->s, 0x20003, 0x00);
	EXPECT_EQ(0x00, img_byte(&self->s, 0x20003));
	/* BP = 1111 would protect everything in BP mode */
	ASSERT_EQ(0, sim_set(&self->s, "sr1", "0x3c"));
	pp4(&self->s, 0x30001, 0x00);
	EXPECT_EQ(0x00, img_byte(&self->s, 0x30001));
}

/* MX25L12835F §9-31 (sibling): with WPSEL=1, WP# low protects every block */
TEST_F(mx, wpsel_wp_low_protects_everything)
{
	ASSERT_EQ(0, sim_set(&self->s, "sr3", "0x80"));
	ASSERT_EQ(0, sim_set(&self->s, "power_cycle", "1"));
	ASSERT_EQ(0, cmd(&self->s, 0x06));
	ASSERT_EQ(0, cmd(&self->s, 0x98));
	ASSERT_EQ(0, sim_set(&self->s, "wp", "0"));
	pp4(&self->s, 0x40000, 0x00);
	EXPECT_EQ(0xff, img_byte(&self->s, 0x40000));
	ASSERT_EQ(0, sim_set(&self->s, "wp", "1"));
	pp4(&self->s, 0x40000, 0x00);
	EXPECT_EQ(0x00, img_byte(&self->s, 0x40000));
}

/* ---- GigaDevice GD25LB256E (C8 67 19; FR, UF) ---- */

FIXTURE(gd) {
	struct sim s;
};

FIXTURE_SETUP(gd)
{
	sim_open(_metadata, &self->s, "gd25lb256e");
}

FIXTURE_TEARDOWN(gd)
{
	sim_close(&self->s);
}

TEST_F(gd, jedec_id_is_c86719)
{
	__u8 id[3];

	ASSERT_EQ(0, rd(&self->s, 0x9f, 0, 0, 0, id, 3));
	EXPECT_EQ(0xc8, id[0]);
	EXPECT_EQ(0x67, id[1]);
	EXPECT_EQ(0x19, id[2]);
}

/* FR reg_bits: TB is SR1 bit 6 ("BP4"); TB=1 BP0=1 = bottom 64 KiB */
TEST_F(gd, tb_bit6_with_bp0_protects_bottom_block)
{
	static const __u8 w[1] = { 0x44 };

	wrsr(&self->s, w, 1);
	EXPECT_EQ(0x44, rdsr(&self->s, 0x05));
	pp4(&self->s, 0x00ffff, 0x00);
	pp4(&self->s, 0x010000, 0x00);
	EXPECT_EQ(0xff, img_byte(&self->s, 0x00ffff));
	EXPECT_EQ(0x00, img_byte(&self->s, 0x010000));
}

/* FR/UF: BP=1001 upper 16 MiB; BP=1010 and up the whole chip (no CMP) */
TEST_F(gd, bp_1001_upper_half_1010_all)
{
	static const __u8 half[1] = { 0x24 }, all[1] = { 0x28 };

	wrsr(&self->s, half, 1);
	pp4(&self->s, 0x1000000, 0x00);
	pp4(&self->s, 0x0ffffff, 0x00);
	EXPECT_EQ(0xff, img_byte(&self->s, 0x1000000));
	EXPECT_EQ(0x00, img_byte(&self->s, 0x0ffffff));
	wrsr(&self->s, all, 1);
	pp4(&self->s, 0x0000000, 0x00);
	EXPECT_EQ(0xff, img_byte(&self->s, 0x0000000));
}

/* FR reg_bits: SRP0 (SR1 bit 7) with WP# low refuses status writes */
TEST_F(gd, srp0_with_wp_low_refuses_status_write)
{
	static const __u8 w[1] = { 0x00 };

	ASSERT_EQ(0, sim_set(&self->s, "sr1", "0x9c"));
	ASSERT_EQ(0, sim_set(&self->s, "wp", "0"));
	wrsr(&self->s, w, 1);
	EXPECT_EQ(0x9c, rdsr(&self->s, 0x05));
	ASSERT_EQ(0, sim_set(&self->s, "wp", "1"));
	wrsr(&self->s, w, 1);
	EXPECT_EQ(0x00, rdsr(&self->s, 0x05));
}

/*
 * 4-byte mode by B7h/E9h plus dedicated 4-byte opcodes (FR, UF; which
 * opcodes: unverified, no datasheet read)
 */
TEST_F(gd, four_byte_mode_and_13h)
{
	__u8 mark[2] = { 0xa5, 0x5a }, got[1];

	ASSERT_EQ(0, img_rw(&self->s, 1, 0x1000010, &mark[0], 1));
	ASSERT_EQ(0, img_rw(&self->s, 1, 0x10, &mark[1], 1));
	ASSERT_EQ(0, rd(&self->s, 0x13, 4, 0, 0x1000010, got, 1));
	EXPECT_EQ(0xa5, got[0]);
	ASSERT_EQ(0, rd(&self->s, 0x03, 3, 0, 0x10, got, 1));
	EXPECT_EQ(0x5a, got[0]);
	ASSERT_EQ(0, cmd(&self->s, 0xb7));
	ASSERT_EQ(0, rd(&self->s, 0x03, 4, 0, 0x1000010, got, 1));
	EXPECT_EQ(0xa5, got[0]);
	ASSERT_EQ(0, cmd(&self->s, 0xe9));
	ASSERT_EQ(0, rd(&self->s, 0x03, 3, 0, 0x10, got, 1));
	EXPECT_EQ(0x5a, got[0]);
}

/*
 * The profiles added for issue 16 item 6 (flashsim-profiles.c): one
 * chip each, raw commands.  Expected values are the sources' facts named
 * at each test (the surveys in Documentation/survey/, the real SFDP
 * dumps of Project Cerberus), written here by hand.
 */
struct prof_id {
	const char *model;
	__u8 id[3];
	int sfdp;		/* 1: "SFDP" signature, 0: 5Ah reads FFh */
};

static const struct prof_id prof_ids[] = {
	{ "w25r256jw", { 0xef, 0x60, 0x19 }, 1 },
	{ "w25q64fv", { 0xef, 0x40, 0x17 }, 0 },
	{ "mx25l25635f", { 0xc2, 0x20, 0x19 }, 1 },
	{ "mx25l25645g", { 0xc2, 0x20, 0x19 }, 1 },
	{ "gd25q127c", { 0xc8, 0x40, 0x18 }, 1 },
	{ "gd25q128c", { 0xc8, 0x40, 0x18 }, 1 },
	{ "is25lp128", { 0x9d, 0x60, 0x18 }, 1 },
	{ "mt25ql256", { 0x20, 0xba, 0x19 }, 1 },
	{ "s25fl256s", { 0x01, 0x02, 0x19 }, 1 },
	{ "sst26vf064b", { 0xbf, 0x26, 0x43 }, 1 },
	{ "sst25vf032b", { 0xbf, 0x25, 0x4a }, 0 },
};

/* every new profile loads, answers its JEDEC ID and has SFDP or not */
TEST(profiles_ids_and_sfdp)
{
	struct sim s = { .fd = -1 };
	unsigned int i;
	__u8 id[3], sig[4];

	for (i = 0; i < ARRAY_SIZE(prof_ids); i++) {
		sim_open(_metadata, &s, prof_ids[i].model);
		ASSERT_EQ(0, rd(&s, 0x9f, 0, 0, 0, id, 3));
		EXPECT_EQ(0, memcmp(id, prof_ids[i].id, 3))
			TH_LOG("%s", prof_ids[i].model);
		rd(&s, 0x5a, 3, 1, 0, sig, 4);
		EXPECT_EQ(prof_ids[i].sfdp, !memcmp(sig, "SFDP", 4))
			TH_LOG("%s", prof_ids[i].model);
		sim_close(&s);
		s.fd = -1;
	}
}

/* SFDP revisions tell the C2 20 19 collision apart (Cerberus dumps) */
TEST(mx25l256_sfdp_revision_tells_35f_from_45g)
{
	struct sim s = { .fd = -1 };
	__u8 h[8];

	sim_open(_metadata, &s, "mx25l25635f");
	rd(&s, 0x5a, 3, 1, 0, h, 8);
	EXPECT_EQ(0x00, h[4]);	/* minor 0: JESD216 1.0, 9-DWORD BFPT */
	sim_close(&s);
	sim_open(_metadata, &s, "mx25l25645g");
	rd(&s, 0x5a, 3, 1, 0, h, 8);
	EXPECT_EQ(0x06, h[4]);	/* JESD216B */
	sim_close(&s);
}

/* FRM commit 2fdf7ef6: the W25R256JW has no 21h/DCh; the JW has */
TEST(w25r256jw_has_no_4byte_erase)
{
	struct sim s = { .fd = -1 };
	__u8 z = 0;

	sim_open(_metadata, &s, "w25r256jw");
	img_rw(&s, 1, 0x1000000, &z, 1);
	cmd(&s, 0x06);
	addr_cmd(&s, 0x21, 4, 0x1000000, NULL, 0);
	wait_idle(&s);
	EXPECT_EQ(0x00, img_byte(&s, 0x1000000));
	sim_close(&s);
}

/* DS-64FV 7.2.10: a one-byte 01h clears CMP, QE and SRP1; no 31h */
TEST(w25q64fv_one_byte_01h_clears_qe_cmp)
{
	struct sim s = { .fd = -1 };
	static const __u8 both[2] = { 0x00, 0x42 }, one[1] = { 0x00 };

	sim_open(_metadata, &s, "w25q64fv");
	wrsr(&s, both, 2);
	EXPECT_EQ(0x42, rdsr(&s, 0x35) & 0x42);
	wrsr(&s, one, 1);
	EXPECT_EQ(0x00, rdsr(&s, 0x35) & 0x42);
	sim_close(&s);
}

/* an OTP bit set by a status write is counted and stays (mx25u TB) */
TEST(otp_write_is_counted_and_permanent)
{
	struct sim s = { .fd = -1 };
	static const __u8 tb[2] = { 0x00, 0x08 }, none[2] = { 0x00, 0x00 };

	sim_open(_metadata, &s, "mx25l25645g");
	EXPECT_EQ(0, sim_stat(&s, "otp_writes"));
	wrsr(&s, none, 2);
	EXPECT_EQ(0, sim_stat(&s, "otp_writes"));
	wrsr(&s, tb, 2);
	EXPECT_EQ(1, sim_stat(&s, "otp_writes"));
	wrsr(&s, none, 2);
	EXPECT_EQ(1, sim_stat(&s, "otp_refused"));
	ASSERT_EQ(0, sim_set(&s, "power_cycle", "1"));
	EXPECT_EQ(0x08, rdsr(&s, 0x15) & 0x08);
	sim_close(&s);
}

/* ISSI TBS (function register bit 1) is one-time (survey family note) */
TEST(is25lp128_tbs_is_one_time)
{
	struct sim s = { .fd = -1 };
	__u8 tx[2] = { 0x42, 0x02 };

	sim_open(_metadata, &s, "is25lp128");
	cmd(&s, 0x06);
	xfer(&s, tx, NULL, 2);
	wait_idle(&s);
	EXPECT_EQ(0x02, rdsr(&s, 0x48) & 0x02);
	tx[1] = 0;
	cmd(&s, 0x06);
	xfer(&s, tx, NULL, 2);
	wait_idle(&s);
	EXPECT_EQ(0x02, rdsr(&s, 0x48) & 0x02);
	EXPECT_EQ(1, sim_stat(&s, "otp_writes"));
	sim_close(&s);
}

/*
 * MU-MT25QL256 Table 3: BP3 is SR bit 6, TB bit 5; BP = 0001b protects
 * the top 64 KiB; a refused program sets FSR bit 1 and keeps WEL
 * (page 66); E5h locks a sector though BP = 0; B7h needs WREN.
 */
TEST(mt25ql256_bp3_fsr_and_lock_register)
{
	struct sim s = { .fd = -1 };
	static const __u8 bp0[1] = { 0x04 }, bp3[1] = { 0x40 }, none[1] = { 0 };
	__u8 v = 0x00, lock = 1;

	sim_open(_metadata, &s, "mt25ql256");
	wrsr(&s, bp0, 1);
	cmd(&s, 0x06);
	addr_cmd(&s, 0x12, 4, 0x1ff0000, &v, 1);
	wait_idle(&s);
	EXPECT_EQ(0xff, img_byte(&s, 0x1ff0000));
	EXPECT_EQ(0x02, rdsr(&s, 0x70) & 0x02);
	EXPECT_EQ(0x02, rdsr(&s, 0x05) & 0x02);
	cmd(&s, 0x50);
	EXPECT_EQ(0x80, rdsr(&s, 0x70));
	/* BP3 alone: 64 KiB << 7 = 8 MiB at the top */
	wrsr(&s, bp3, 1);
	cmd(&s, 0x06);
	addr_cmd(&s, 0x12, 4, 0x1800000, &v, 1);
	wait_idle(&s);
	EXPECT_EQ(0xff, img_byte(&s, 0x1800000));
	wrsr(&s, none, 1);
	cmd(&s, 0x06);
	addr_cmd(&s, 0xe5, 3, 0x10000, &lock, 1);
	cmd(&s, 0x06);
	addr_cmd(&s, 0x02, 3, 0x10000, &v, 1);
	wait_idle(&s);
	EXPECT_EQ(0xff, img_byte(&s, 0x10000));
	cmd(&s, 0x04);	/* the refused program left WEL set */
	cmd(&s, 0xb7);
	EXPECT_EQ(0, rdsr(&s, 0x70) & 0x01) TH_LOG("B7h without WREN");
	cmd(&s, 0x06);
	cmd(&s, 0xb7);
	EXPECT_EQ(1, rdsr(&s, 0x70) & 0x01);
	/* 35h is ENTER QUAD: the chip is then deaf on one line */
	cmd(&s, 0x35);
	EXPECT_EQ(0xff, rdsr(&s, 0x05));
	ASSERT_EQ(0, sim_set(&s, "power_cycle", "1"));
	EXPECT_EQ(0x00, rdsr(&s, 0x05));
	sim_close(&s);
}

/* SP-KBA: CR1[5:2] are OTP; clearing one fails and sets P_ERR (SR1[6]) */
TEST(s25fl256s_tbprot_otp_sets_p_err)
{
	struct sim s = { .fd = -1 };
	static const __u8 tbprot[2] = { 0x00, 0x20 }, none[2] = { 0x00, 0x00 };

	sim_open(_metadata, &s, "s25fl256s");
	wrsr(&s, tbprot, 2);
	EXPECT_EQ(0x20, rdsr(&s, 0x35) & 0x20);
	EXPECT_EQ(1, sim_stat(&s, "otp_writes"));
	wrsr(&s, none, 2);
	EXPECT_EQ(0x20, rdsr(&s, 0x35) & 0x20);
	EXPECT_EQ(0x40, rdsr(&s, 0x05) & 0x40);
	cmd(&s, 0x30);
	EXPECT_EQ(0x00, rdsr(&s, 0x05) & 0x40);
	sim_close(&s);
}

/* SST26: write-protected at power-up; 98h after WREN unlocks all */
TEST(sst26vf064b_locked_until_global_unlock)
{
	struct sim s = { .fd = -1 };
	__u8 v = 0x00, bpr[18];

	sim_open(_metadata, &s, "sst26vf064b");
	rd(&s, 0x72, 0, 0, 0, bpr, 18);
	EXPECT_EQ(0x55, bpr[0]);	/* write locks of the top 8 KiB blocks */
	EXPECT_EQ(0xff, bpr[17]);
	cmd(&s, 0x06);
	addr_cmd(&s, 0x02, 3, 0x100000, &v, 1);
	wait_idle(&s);
	EXPECT_EQ(0xff, img_byte(&s, 0x100000));
	cmd(&s, 0x06);
	cmd(&s, 0x98);
	rd(&s, 0x72, 0, 0, 0, bpr, 18);
	EXPECT_EQ(0x00, bpr[17]);
	cmd(&s, 0x06);
	addr_cmd(&s, 0x02, 3, 0x100000, &v, 1);
	wait_idle(&s);
	EXPECT_EQ(0x00, img_byte(&s, 0x100000));
	ASSERT_EQ(0, sim_set(&s, "power_cycle", "1"));
	rd(&s, 0x72, 0, 0, 0, bpr, 18);
	EXPECT_EQ(0xff, bpr[17]);
	sim_close(&s);
}

/* SST25: 02h programs one byte; ADh AAI programs words until 04h */
TEST(sst25vf032b_byte_program_and_aai)
{
	struct sim s = { .fd = -1 };
	static const __u8 unprot[1] = { 0x00 };
	__u8 page[4] = { 0x11, 0x22, 0x33, 0x44 }, w[2] = { 0x55, 0x66 };

	sim_open(_metadata, &s, "sst25vf032b");
	EXPECT_EQ(0x1c, rdsr(&s, 0x05) & 0x3c);	/* protected at power-up */
	wrsr(&s, unprot, 1);
	cmd(&s, 0x06);
	addr_cmd(&s, 0x02, 3, 0x1000, page, 4);
	wait_idle(&s);
	EXPECT_EQ(0x11, img_byte(&s, 0x1000));
	EXPECT_EQ(0xff, img_byte(&s, 0x1001));
	cmd(&s, 0x06);
	addr_cmd(&s, 0xad, 3, 0x2000, w, 2);
	wait_idle(&s);
	EXPECT_EQ(0x40, rdsr(&s, 0x05) & 0x40);	/* AAI */
	xfer(&s, (const __u8[]){ 0xad, 0x77, 0x88 }, NULL, 3);
	wait_idle(&s);
	cmd(&s, 0x04);
	EXPECT_EQ(0x00, rdsr(&s, 0x05) & 0x42);
	EXPECT_EQ(0x55, img_byte(&s, 0x2000));
	EXPECT_EQ(0x66, img_byte(&s, 0x2001));
	EXPECT_EQ(0x77, img_byte(&s, 0x2002));
	EXPECT_EQ(0x88, img_byte(&s, 0x2003));
	sim_close(&s);
}

TEST_HARNESS_MAIN
