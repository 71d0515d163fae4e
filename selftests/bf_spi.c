// SPDX-License-Identifier: GPL-2.0
/*
 * bf_spi [-4] DEV STEP...: raw SPI NOR commands through spidev, for tests
 * that must reach the chip without the driver.
 *
 * Steps run in order, each one or more SPI_IOC_MESSAGE transfers:
 *   sr OP            read the register OP returns (05h, 35h, 15h, 2Bh),
 *                    print it as 0xNN
 *   cmd OP           a one-byte command (06h, 04h, 98h, 7Eh, B7h, E9h)
 *   pp ADDR HEX      06h, then page program of the bytes HEX (hex digits,
 *                    e.g. 00 or 00ff12) at ADDR, then wait while BUSY
 *   pp-nowait ADDR HEX   the same, BUSY not polled
 *   wait             wait while BUSY (05h bit 0)
 *   erase OP ADDR    06h, then the erase OP (20h 4 KiB, 52h 32 KiB, D8h
 *                    64 KiB; 21h/DCh with -4) at ADDR, then wait while BUSY
 *   wrsr HEX         06h, then 01h with the bytes HEX (SR1[, SR2]), then
 *                    wait while BUSY
 *   read ADDR N      read N bytes at ADDR, print them as hex on one line
 *   lock ADDR        06h, then 36h individual block/sector lock
 *   unlock ADDR      06h, then 39h individual block/sector unlock
 *   rdlock ADDR      3Dh read lock: print 1 (locked) or 0
 * Addresses are 3 bytes: program 02h, read 03h.  With -4 they are 4 bytes:
 * 12h and 13h, and 36h/39h/3Dh get 4 address bytes (the caller puts the
 * chip in 4-byte mode first, "cmd 0xb7": DS-257FV §8.2.48-50).
 *
 * The wait is bounded: 5 s, above the longest busy time a step starts (a
 * 64 KiB erase, tBE2 max 2 s; tPP max 3 ms, tW max 15 ms: DS-257FV §9.6),
 * with room for an emulated guest.  Every transfer runs at the device's
 * clock, but at most 50 MHz, the fR of 03h/13h.  Any error prints one line
 * to stderr and exits 1; a usage error exits 2.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>
#include <linux/spi/spidev.h>

#define MAX_DATA	256		/* one page */
#define WAIT_MS		5000
/* 03h/13h are good to fR only: 50 MHz, DS-257FV §9.6, the lowest here */
#define READ_MAX_HZ	50000000

static int fd;
static int abytes = 3;
static __u32 speed_hz;		/* every transfer, at most READ_MAX_HZ */

static void die(const char *what)
{
	fprintf(stderr, "bf_spi: %s: %s\n", what, strerror(errno));
	exit(1);
}

static void bad_usage(const char *why)
{
	fprintf(stderr, "bf_spi: %s (usage: bf_spi [-4] DEV STEP...)\n", why);
	exit(2);
}

/* one message, one full-duplex transfer: CS# low, tx/rx, CS# high */
static void xfer(const __u8 *tx, __u8 *rx, size_t len)
{
	struct spi_ioc_transfer t = {
		.tx_buf = (uintptr_t)tx,
		.rx_buf = (uintptr_t)rx,
		.len = len,
		.speed_hz = speed_hz,
	};

	if (ioctl(fd, SPI_IOC_MESSAGE(1), &t) < 0)
		die("SPI_IOC_MESSAGE");
}

static void cmd(__u8 op)
{
	xfer(&op, NULL, 1);
}

static __u8 rdreg(__u8 op)
{
	__u8 tx[2] = { op, 0 }, rx[2] = { 0 };

	xfer(tx, rx, 2);
	return rx[1];
}

/* op, address, then @len bytes of @data (tx) or into @out (rx) */
static void addr_xfer(__u8 op, __u32 addr, const __u8 *data,
		      __u8 *out, size_t len)
{
	__u8 tx[1 + 4 + MAX_DATA] = { op }, rx[sizeof(tx)];
	size_t hdr = 1 + abytes;
	int i;

	for (i = 0; i < abytes; i++)
		tx[1 + i] = addr >> (8 * (abytes - 1 - i));
	if (data)
		memcpy(tx + hdr, data, len);
	xfer(tx, rx, hdr + len);
	if (out)
		memcpy(out, rx + hdr, len);
}

static void wait_idle(void)
{
	struct timespec t0, t;
	long ms;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (rdreg(0x05) & 1) {
		clock_gettime(CLOCK_MONOTONIC, &t);
		ms = (t.tv_sec - t0.tv_sec) * 1000 +
		     (t.tv_nsec - t0.tv_nsec) / 1000000;
		if (ms > WAIT_MS) {
			fprintf(stderr, "bf_spi: still BUSY after %d ms\n",
				WAIT_MS);
			exit(1);
		}
		usleep(50);
	}
}

static unsigned long num(const char *s)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 0);
	if (errno || !*s || *end)
		bad_usage("bad number");
	return v;
}

static size_t parse_hex(const char *s, __u8 *buf)
{
	size_t n = strlen(s) / 2, i;
	unsigned int v;

	if (!n || n > MAX_DATA || strlen(s) % 2)
		bad_usage("bad hex data");
	for (i = 0; i < n; i++) {
		if (sscanf(s + 2 * i, "%2x", &v) != 1)
			bad_usage("bad hex data");
		buf[i] = v;
	}
	return n;
}

/* one step at argv[0]; returns the number of words it took */
static int run_step(char **argv, int argc)
{
	const char *s = argv[0];
	__u8 buf[1 + MAX_DATA];
	unsigned long a, n, i;
	int need = 1;

	if (!strcmp(s, "read") || !strcmp(s, "pp") ||
	    !strcmp(s, "pp-nowait") || !strcmp(s, "erase"))
		need = 3;
	else if (strcmp(s, "wait"))
		need = 2;
	if (argc < need)
		bad_usage("missing argument");
	if (!strcmp(s, "sr")) {
		printf("0x%02x\n", rdreg(num(argv[1])));
	} else if (!strcmp(s, "cmd")) {
		cmd(num(argv[1]));
	} else if (!strcmp(s, "pp") || !strcmp(s, "pp-nowait")) {
		n = parse_hex(argv[2], buf);
		cmd(0x06);
		addr_xfer(abytes == 4 ? 0x12 : 0x02, num(argv[1]), buf, NULL, n);
		if (!strcmp(s, "pp"))
			wait_idle();
	} else if (!strcmp(s, "wait")) {
		wait_idle();
	} else if (!strcmp(s, "erase")) {
		a = num(argv[1]);
		if (a > 0xff)
			bad_usage("bad opcode");
		cmd(0x06);
		addr_xfer(a, num(argv[2]), NULL, NULL, 0);
		wait_idle();
	} else if (!strcmp(s, "wrsr")) {
		buf[0] = 0x01;
		n = parse_hex(argv[1], buf + 1);
		if (n > 2)
			bad_usage("more than SR1 and SR2");
		cmd(0x06);
		xfer(buf, NULL, 1 + n);
		wait_idle();
	} else if (!strcmp(s, "read")) {
		a = num(argv[1]);
		n = num(argv[2]);
		if (!n || n > MAX_DATA)
			bad_usage("bad length");
		addr_xfer(abytes == 4 ? 0x13 : 0x03, a, NULL, buf, n);
		for (i = 0; i < n; i++)
			printf(i ? " %02x" : "%02x", buf[i]);
		printf("\n");
	} else if (!strcmp(s, "lock") || !strcmp(s, "unlock")) {
		cmd(0x06);
		addr_xfer(s[0] == 'l' ? 0x36 : 0x39, num(argv[1]), NULL, NULL, 0);
	} else if (!strcmp(s, "rdlock")) {
		addr_xfer(0x3d, num(argv[1]), NULL, buf, 1);
		printf("%d\n", buf[0] & 1);
	} else {
		bad_usage("unknown step");
	}
	return need;
}

int main(int argc, char **argv)
{
	int i;

	if (argc > 1 && !strcmp(argv[1], "-4")) {
		abytes = 4;
		argv++;
		argc--;
	}
	if (argc < 3)
		bad_usage("no step");
	fd = open(argv[1], O_RDWR);
	if (fd < 0)
		die(argv[1]);
	if (ioctl(fd, SPI_IOC_RD_MAX_SPEED_HZ, &speed_hz) < 0)
		die("SPI_IOC_RD_MAX_SPEED_HZ");
	if (speed_hz > READ_MAX_HZ)
		speed_hz = READ_MAX_HZ;
	for (i = 2; i < argc; )
		i += run_step(argv + i, argc - i);
	if (fflush(stdout))
		die("stdout");
	close(fd);
	return 0;
}
