// SPDX-License-Identifier: GPL-2.0
/*
 * biosflash: read, check and write a PC BIOS SPI NOR chip that the biosflash
 * kernel module exposes as /dev/mtdN.  It uses only the MTD character device
 * (pread, pwrite, MEMERASE) and the sysfs files documented in
 * Documentation/ABI/testing/sysfs-class-mtd-biosflash; a file the running
 * driver does not provide yet is reported as "unknown".
 *
 * write erases a block only when some bit has to go from 0 to 1, programs
 * only the pages that differ from what the block holds, verifies every
 * block it touched by reading it back, and on SIGINT/SIGTERM stops between
 * two operations and says what the chip holds.  check knows the Intel flash
 * descriptor, the AMD embedded firmware structure and the AMI/ASUS capsule
 * header (shared/reference/chips.md §4).
 */
#define _GNU_SOURCE
/* __u64 is unsigned long long on every architecture, as %llu expects */
#define __SANE_USERSPACE_TYPES__
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <linux/types.h>
#include <mtd/mtd-user.h>

#ifndef BF_VERSION
#define BF_VERSION "unknown"
#endif

#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))

#define BF_EXIT_OK		0
#define BF_EXIT_FAIL		1
#define BF_EXIT_USAGE		2
#define BF_EXIT_REFUSED		3
#define BF_EXIT_VERIFY		4
#define BF_EXIT_INTR		5

#define BF_SYS_MTD		"/sys/class/mtd"
#define BF_SYS_SPI		"/sys/bus/spi"
#define BF_DRV			"biosflash"

#define BF_KIB			1024ull
#define BF_MIB			(1024ull * 1024ull)
#define BF_PAGE			256u
#define BF_CHUNK		(256u * 1024u)
#define BF_MAX_FILE		(1024ull * BF_MIB)
#define BF_UNSTABLE_SHOWN	20

/* chips.md §4.1: Intel flash descriptor */
#define BF_IFD_SIG		0x0ff0a55au
#define BF_IFD_SIG_OFF		0x10
#define BF_IFD_FLMAP0		0x14
#define BF_IFD_LEN		4096u
#define BF_IFD_NREGIONS		16

/* chips.md §4.2: AMD embedded firmware structure, per 16 MiB window */
#define BF_EFS_SIG		0x55aa55aau
#define BF_EFS_WINDOW		(16 * BF_MIB)

/* chips.md §4.3: EFI_CAPSULE_HEADER as AMI Aptio / ASUS use it */
#define BF_CAP_MIN		0x20
#define BF_CAP_FLAGS		0x14
#define BF_CAP_IMAGE_SIZE	0x18
#define BF_CAP_ROM_OFFSET	0x1c

enum { BF_INFO, BF_OK, BF_WARN, BF_REFUSE };

struct bf_opts {
	const char *cmd;
	const char *file;
	const char *dev;
	const char *extract;
	const char *cmdline;	/* the write command, to resume it */
	__u64 size;
	unsigned int reads;
	unsigned int force;
	unsigned int strip;
};

struct bf_dev {
	char name[32];		/* mtdN */
	char path[48];		/* /dev/mtdN */
	char label[96];		/* chip name for messages */
	__u64 size;
	__u32 erasesize;
	__u32 page;
};

struct bf_image {
	const char *name;
	__u8 *buf;		/* the whole file */
	size_t fsize;
	const __u8 *data;	/* what would go to the chip */
	size_t len;
	size_t cap_off;		/* capsule header length, 0: no capsule */
};

struct bf_report {
	int verdict;
	unsigned int warnings;
	unsigned int refusals;
};

struct bf_progress {
	const char *what;
	__u64 total;
	double t0;
	double last;
	int step;
	int tty;
};

/* --- messages and small helpers ------------------------------------------ */

static void bf_err(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs("biosflash: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
}

static __u32 bf_le32(const __u8 *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (__u32)p[3] << 24;
}

static __u32 bf_le16(const __u8 *p)
{
	return p[0] | p[1] << 8;
}

/* "32 MiB", "64 KiB", "2 KiB" or "16779264 bytes" */
static const char *bf_size(__u64 n, char *buf, size_t len)
{
	if (n && !(n % BF_MIB))
		snprintf(buf, len, "%llu MiB", n / BF_MIB);
	else if (n && !(n % BF_KIB))
		snprintf(buf, len, "%llu KiB", n / BF_KIB);
	else
		snprintf(buf, len, "%llu bytes", (unsigned long long)n);
	return buf;
}

static int bf_all(const __u8 *p, size_t len, __u8 val)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (p[i] != val)
			return 0;
	return 1;
}

/*
 * write blocks SIGINT/SIGTERM and looks here between two operations, so a
 * stop never falls inside an erase or a page program.
 */
static int bf_stop_requested(void)
{
	sigset_t pending;

	sigpending(&pending);
	return sigismember(&pending, SIGINT) || sigismember(&pending, SIGTERM);
}

/*
 * A write must not die with the SSH session that started it (a half-written
 * chip does not boot).  SIGHUP is caught: from then on everything the write
 * prints goes to the log file instead of the terminal that is gone, and the
 * write goes on.  Only async-signal-safe calls here (signal-safety(7)).
 */
static sig_atomic_t bf_hup;	/* the handler's own: once only */
static char bf_log_path[4096];

static void bf_on_hup(int sig)
{
	static const char msg[] =
		"biosflash: hangup (SIGHUP): the terminal is gone;\n"
		"the write goes on and reports here\n";
	int fd;

	(void)sig;
	if (bf_hup)
		return;
	bf_hup = 1;
	fd = open(bf_log_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	if (fd < 0)
		fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	dup2(fd, STDOUT_FILENO);
	dup2(fd, STDERR_FILENO);
	if (fd > STDERR_FILENO)
		close(fd);
	if (write(STDOUT_FILENO, msg, sizeof(msg) - 1) < 0)
		return;
}

/* BIOSFLASH_LOG, or /var/log/biosflash.log */
static const char *bf_hup_setup(void)
{
	const char *p = getenv("BIOSFLASH_LOG");
	struct sigaction sa = { .sa_handler = bf_on_hup, .sa_flags = SA_RESTART };

	snprintf(bf_log_path, sizeof(bf_log_path), "%s",
		 p && *p ? p : "/var/log/biosflash.log");
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	/* a closed pipe (| tee) must not stop the write either */
	signal(SIGPIPE, SIG_IGN);
	return bf_log_path;
}

static double bf_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* --- SHA-256 (FIPS 180-4), for FILE.sha256 -------------------------------- */

struct bf_sha256 {
	__u32 h[8];
	__u64 len;
	__u8 buf[64];
	size_t n;
};

static const __u32 bf_sha256_k[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
	0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static __u32 bf_ror(__u32 x, unsigned int n)
{
	return x >> n | x << (32 - n);
}

static void bf_sha256_block(__u32 *h, const __u8 *p)
{
	__u32 w[64], v[8], s0, s1, t1, t2;
	unsigned int i;

	for (i = 0; i < 16; i++)
		w[i] = (__u32)p[4 * i] << 24 | p[4 * i + 1] << 16 |
		       p[4 * i + 2] << 8 | p[4 * i + 3];
	for (i = 16; i < 64; i++) {
		s0 = bf_ror(w[i - 15], 7) ^ bf_ror(w[i - 15], 18) ^ w[i - 15] >> 3;
		s1 = bf_ror(w[i - 2], 17) ^ bf_ror(w[i - 2], 19) ^ w[i - 2] >> 10;
		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	memcpy(v, h, sizeof(v));
	for (i = 0; i < 64; i++) {
		s1 = bf_ror(v[4], 6) ^ bf_ror(v[4], 11) ^ bf_ror(v[4], 25);
		t1 = v[7] + s1 + ((v[4] & v[5]) ^ (~v[4] & v[6])) +
		     bf_sha256_k[i] + w[i];
		s0 = bf_ror(v[0], 2) ^ bf_ror(v[0], 13) ^ bf_ror(v[0], 22);
		t2 = s0 + ((v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]));
		memmove(v + 1, v, 7 * sizeof(v[0]));
		v[4] += t1;
		v[0] = t1 + t2;
	}
	for (i = 0; i < 8; i++)
		h[i] += v[i];
}

static void bf_sha256_init(struct bf_sha256 *s)
{
	static const __u32 iv[8] = {
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
		0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
	};

	memcpy(s->h, iv, sizeof(iv));
	s->len = 0;
	s->n = 0;
}

static void bf_sha256_update(struct bf_sha256 *s, const __u8 *p, size_t len)
{
	size_t n;

	s->len += len;
	while (len) {
		n = sizeof(s->buf) - s->n;
		if (n > len)
			n = len;
		memcpy(s->buf + s->n, p, n);
		s->n += n;
		p += n;
		len -= n;
		if (s->n == sizeof(s->buf)) {
			bf_sha256_block(s->h, s->buf);
			s->n = 0;
		}
	}
}

/* Padding: 0x80, zeros up to 56 mod 64, the length in bits (big endian). */
static void bf_sha256_final(struct bf_sha256 *s, char *hex)
{
	__u64 bits = s->len * 8;
	__u8 pad[72] = { 0x80 };
	size_t npad = (s->n < 56 ? 56 : 120) - s->n;
	unsigned int i;

	for (i = 0; i < 8; i++)
		pad[npad + i] = bits >> (56 - 8 * i);
	bf_sha256_update(s, pad, npad + 8);
	for (i = 0; i < 8; i++)
		sprintf(hex + 8 * i, "%08x", s->h[i]);
}

static void bf_sha256(const __u8 *p, size_t len, char *hex)
{
	struct bf_sha256 s;

	bf_sha256_init(&s);
	bf_sha256_update(&s, p, len);
	bf_sha256_final(&s, hex);
}

/* --- progress ------------------------------------------------------------- */

static void bf_progress_start(struct bf_progress *p, const char *what,
			      __u64 total)
{
	p->what = what;
	p->total = total ? total : 1;
	p->t0 = bf_now();
	p->last = 0;
	p->step = 0;
	p->tty = isatty(STDERR_FILENO);
}

static void bf_eta(double secs, char *buf, size_t len)
{
	unsigned int s = secs + 0.5;

	snprintf(buf, len, "%u:%02u", s / 60, s % 60);
}

/* A bar redrawn in place on a terminal; a line every 10% otherwise. */
static void bf_progress(struct bf_progress *p, __u64 done)
{
	double now = bf_now(), dt = now - p->t0, rate, left;
	int pct = done * 100 / p->total;
	char bar[31], eta[16];
	int fill = pct * 30 / 100;

	if (p->tty && done < p->total && now - p->last < 0.2)
		return;
	if (!p->tty && pct / 10 == p->step)
		return;
	p->last = now;
	p->step = pct / 10;
	rate = dt > 0 ? done / dt / BF_MIB : 0;
	left = rate > 0 ? (p->total - done) / BF_MIB / rate : 0;
	bf_eta(left, eta, sizeof(eta));
	if (!p->tty) {
		fprintf(stderr, "%s: %3d%%  %.1f of %.1f MiB  %.2f MiB/s  %s left\n",
			p->what, pct, (double)done / BF_MIB,
			(double)p->total / BF_MIB, rate, eta);
		return;
	}
	memset(bar, '#', fill);
	memset(bar + fill, '-', 30 - fill);
	bar[30] = '\0';
	fprintf(stderr, "\r%-7s [%s] %3d%%  %5.1f/%.1f MiB  %5.2f MiB/s  ETA %s ",
		p->what, bar, pct, (double)done / BF_MIB,
		(double)p->total / BF_MIB, rate, eta);
}

static void bf_progress_end(struct bf_progress *p, __u64 done)
{
	p->last = 0;
	bf_progress(p, done);
	if (p->tty)
		fputc('\n', stderr);
}

/* --- sysfs ----------------------------------------------------------------- */

/* Read a sysfs file, trailing white space removed; 0 or -errno. */
static int bf_read_str(const char *path, char *buf, size_t len)
{
	ssize_t n;
	int fd, err;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	n = read(fd, buf, len - 1);
	err = errno;
	close(fd);
	if (n < 0)
		return -err;
	while (n > 0 && isspace((unsigned char)buf[n - 1]))
		n--;
	buf[n] = '\0';
	return 0;
}

static int bf_write_str(const char *path, const char *s)
{
	ssize_t n;
	int fd, err;

	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	n = write(fd, s, strlen(s));
	err = errno;
	close(fd);
	if (n < 0)
		return -err;
	return n == (ssize_t)strlen(s) ? 0 : -EIO;
}

static int bf_attr(const struct bf_dev *d, const char *attr, char *buf,
		   size_t len)
{
	char path[128];

	snprintf(path, sizeof(path), BF_SYS_MTD "/%s/%s", d->name, attr);
	return bf_read_str(path, buf, len);
}

/* The attribute's value, or "unknown" when the driver does not have it. */
static const char *bf_attr_or(const struct bf_dev *d, const char *attr,
			      char *buf, size_t len)
{
	if (bf_attr(d, attr, buf, len) || !buf[0])
		snprintf(buf, len, "unknown");
	return buf;
}

static int bf_exists(const char *fmt, const char *a, const char *b)
{
	char path[256];

	snprintf(path, sizeof(path), fmt, a, b);
	return !access(path, F_OK);
}

/* Name of the driver bound to a device, "" if none. */
static void bf_driver_of(const char *devdir, char *buf, size_t len)
{
	char path[256], link[256];
	const char *base;
	ssize_t n;

	snprintf(path, sizeof(path), "%s/driver", devdir);
	n = readlink(path, link, sizeof(link) - 1);
	buf[0] = '\0';
	if (n <= 0)
		return;
	link[n] = '\0';
	base = strrchr(link, '/');
	base = base ? base + 1 : link;
	if (strlen(base) < len)
		memcpy(buf, base, strlen(base) + 1);
}

/*
 * The kernel log from now on: the driver logs there, in one line, why it
 * refused something.  -1 when /dev/kmsg cannot be read (not root).
 */
static int bf_klog_open(void)
{
	int fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);

	if (fd >= 0)
		lseek(fd, 0, SEEK_END);
	return fd;
}

/* Print the driver's lines logged since bf_klog_open(), and close. */
static void bf_klog_show(int fd)
{
	char rec[1024], *msg;
	ssize_t n;

	if (fd < 0)
		return;
	for (;;) {
		n = read(fd, rec, sizeof(rec) - 1);
		if (n < 0 && errno == EPIPE)
			continue;	/* records lost to wrap-around */
		if (n <= 0)
			break;
		rec[n] = '\0';
		msg = strchr(rec, ';');
		if (!msg || strncmp(msg + 1, BF_DRV " ", strlen(BF_DRV) + 1))
			continue;
		msg[strcspn(msg, "\n")] = '\0';
		printf("  kernel: %s\n", msg + 1);
	}
	close(fd);
}

/* --- the MTD device ------------------------------------------------------- */

static int bf_mtd_number(const char *name)
{
	char *end;
	long n;

	if (strncmp(name, "mtd", 3) || !isdigit((unsigned char)name[3]))
		return -1;
	n = strtol(name + 3, &end, 10);
	return *end || n > 9999 ? -1 : (int)n;
}

static int bf_is_biosflash(const char *name)
{
	char dir[128], drv[64];

	if (bf_exists(BF_SYS_MTD "/%s/%s", name, "protect"))
		return 1;
	snprintf(dir, sizeof(dir), BF_SYS_MTD "/%s/device", name);
	bf_driver_of(dir, drv, sizeof(drv));
	return !strcmp(drv, BF_DRV);
}

/* The lowest-numbered /dev/mtdN that biosflash drives, or -1. */
static int bf_find_default(void)
{
	struct dirent *e;
	int n, best = -1;
	DIR *dir;

	dir = opendir(BF_SYS_MTD);
	if (!dir)
		return -1;
	while ((e = readdir(dir))) {
		n = bf_mtd_number(e->d_name);
		if (n >= 0 && (best < 0 || n < best) && bf_is_biosflash(e->d_name))
			best = n;
	}
	closedir(dir);
	return best;
}

/* DEV as given (/dev/mtdN or mtdN), or the first biosflash device. */
static int bf_dev_name(const char *arg, struct bf_dev *d)
{
	int n;

	memset(d, 0, sizeof(*d));
	if (arg) {
		if (!strncmp(arg, "/dev/", 5))
			arg += 5;
		n = bf_mtd_number(arg);
		if (n < 0) {
			bf_err("'%s' is not an MTD device: give /dev/mtdN or mtdN\n",
			       arg);
			return -EINVAL;
		}
	} else {
		n = bf_find_default();
		if (n < 0) {
			bf_err("no biosflash device found (no /sys/class/mtd/mtdN/protect).\n"
			       "Load the driver (modprobe biosflash) or hand it the chip (biosflash bind spi0.0),\nor name the device: biosflash status /dev/mtdN\n");
			return -ENODEV;
		}
	}
	snprintf(d->name, sizeof(d->name), "mtd%d", n);
	snprintf(d->path, sizeof(d->path), "/dev/mtd%d", n);
	return 0;
}

static void bf_dev_label(struct bf_dev *d)
{
	char chip[64], sz[32];

	if (bf_attr(d, "chip", chip, sizeof(chip)) || !chip[0] ||
	    !strcmp(chip, "unknown"))
		bf_attr_or(d, "name", chip, sizeof(chip));
	snprintf(d->label, sizeof(d->label), "%s, %s", chip,
		 bf_size(d->size, sz, sizeof(sz)));
}

/* Size and erase block from sysfs, or from MEMGETINFO. */
static int bf_dev_geometry(struct bf_dev *d)
{
	struct mtd_info_user info;
	char buf[32];
	int fd, ret;

	if (!bf_attr(d, "size", buf, sizeof(buf))) {
		d->size = strtoull(buf, NULL, 0);
		if (!bf_attr(d, "erasesize", buf, sizeof(buf)))
			d->erasesize = strtoul(buf, NULL, 0);
		if (!bf_attr(d, "writesize", buf, sizeof(buf)))
			d->page = strtoul(buf, NULL, 0);
	}
	if (!d->size || !d->erasesize) {
		fd = open(d->path, O_RDONLY | O_CLOEXEC);
		if (fd < 0 || ioctl(fd, MEMGETINFO, &info)) {
			ret = -errno;
			bf_err("cannot query the MTD device %s: %s\n", d->path,
			       strerror(-ret));
			if (fd >= 0)
				close(fd);
			return ret;
		}
		close(fd);
		d->size = info.size;
		d->erasesize = info.erasesize;
		d->page = info.writesize;
	}
	/* the page program unit; the MTD writesize of a NOR chip is 1 */
	if (d->page < BF_PAGE)
		d->page = BF_PAGE;
	if (!d->size || !d->erasesize || d->erasesize % d->page ||
	    d->size % d->erasesize) {
		bf_err("%s: odd geometry (size %llu, erase block %u)\n", d->path,
		       (unsigned long long)d->size, d->erasesize);
		return -EINVAL;
	}
	bf_dev_label(d);
	return 0;
}

static int bf_dev_open(const char *arg, struct bf_dev *d, int flags)
{
	int fd, ret;

	ret = bf_dev_name(arg, d);
	if (!ret)
		ret = bf_dev_geometry(d);
	if (ret)
		return ret;
	fd = open(d->path, flags | O_CLOEXEC);
	if (fd < 0) {
		ret = -errno;
		bf_err("cannot open %s: %s%s\n", d->path, strerror(-ret),
		       ret == -EACCES ? " (run as root)" : "");
		return ret;
	}
	return fd;
}

static int bf_pread_all(int fd, __u8 *buf, size_t len, __u64 off)
{
	ssize_t n;

	while (len) {
		n = pread(fd, buf, len, off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return n < 0 ? -errno : -EIO;
		buf += n;
		len -= n;
		off += n;
	}
	return 0;
}

static int bf_pwrite_all(int fd, const __u8 *buf, size_t len, __u64 off)
{
	ssize_t n;

	while (len) {
		n = pwrite(fd, buf, len, off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return n < 0 ? -errno : -EIO;
		buf += n;
		len -= n;
		off += n;
	}
	return 0;
}

/* Read [0, len) of the chip into buf, with a progress bar. */
static int bf_read_chip(int fd, const struct bf_dev *d, __u8 *buf, __u64 len,
			const char *what)
{
	struct bf_progress p;
	__u64 off;
	size_t n;
	int ret;

	bf_progress_start(&p, what, len);
	for (off = 0; off < len; off += n) {
		n = len - off < BF_CHUNK ? len - off : BF_CHUNK;
		if (bf_stop_requested())
			return -EINTR;
		ret = bf_pread_all(fd, buf + off, n, off);
		if (ret) {
			if (p.tty)
				fputc('\n', stderr);
			bf_err("reading %s at 0x%08llx failed: %s; the kernel log says why: dmesg | tail\n",
			       d->path, off, strerror(-ret));
			return ret;
		}
		bf_progress(&p, off + n);
	}
	bf_progress_end(&p, len);
	return 0;
}

/* --- the image file --------------------------------------------------------- */

static int bf_image_load(const char *name, struct bf_image *im)
{
	struct stat st;
	int fd, ret;

	memset(im, 0, sizeof(*im));
	im->name = name;
	fd = open(name, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st)) {
		ret = -errno;
		bf_err("cannot open the image %s: %s\n", name, strerror(-ret));
		goto out_close;
	}
	ret = -EFBIG;
	if (!S_ISREG(st.st_mode) || (__u64)st.st_size > BF_MAX_FILE) {
		bf_err("%s: not a regular file of at most 1 GiB\n", name);
		goto out_close;
	}
	im->fsize = st.st_size;
	im->buf = malloc(im->fsize ? im->fsize : 1);
	ret = -ENOMEM;
	if (!im->buf)
		goto out_close;
	ret = bf_pread_all(fd, im->buf, im->fsize, 0);
	if (ret) {
		bf_err("cannot read the image %s: %s\n", name, strerror(-ret));
		free(im->buf);
		im->buf = NULL;
	}
	im->data = im->buf;
	im->len = im->fsize;
out_close:
	if (fd >= 0)
		close(fd);
	return ret;
}

/* @excl: fail with EEXIST rather than replace an existing file */
static int bf_write_file(const char *name, const __u8 *buf, size_t len,
			 int excl)
{
	int fd, ret;

	fd = open(name, O_WRONLY | O_CREAT | O_CLOEXEC |
		  (excl ? O_EXCL : O_TRUNC), 0644);
	if (fd < 0) {
		ret = -errno;
	} else {
		ret = bf_pwrite_all(fd, buf, len, 0);
		if (!ret && fsync(fd))
			ret = -errno;
		if (close(fd) && !ret)
			ret = -errno;
	}
	if (ret)
		bf_err("cannot write %s: %s\n", name, strerror(-ret));
	return ret;
}

/* --- check ------------------------------------------------------------------ */

static void bf_say(struct bf_report *r, int level, const char *fmt, ...)
{
	static const char * const tag[] = {
		[BF_INFO] = "  info     ",
		[BF_OK] = "  ok       ",
		[BF_WARN] = "  WARNING  ",
		[BF_REFUSE] = "  REFUSE   ",
	};
	va_list ap;

	if (level > r->verdict)
		r->verdict = level;
	r->warnings += level == BF_WARN;
	r->refusals += level == BF_REFUSE;
	fputs(tag[level], stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	fputc('\n', stdout);
}

/* Returns 1 when the file is empty or a single repeated byte. */
static int bf_check_fill(struct bf_report *r, const struct bf_image *im)
{
	__u64 i, ff = 0;

	if (!im->len) {
		bf_say(r, BF_REFUSE, "the file is empty");
		return 1;
	}
	if (bf_all(im->data, im->len, 0xff)) {
		bf_say(r, BF_REFUSE,
		       "every byte is 0xFF: this is an erased (empty) chip dump, not a BIOS; writing it would wipe the BIOS");
		return 1;
	}
	if (bf_all(im->data, im->len, 0x00)) {
		bf_say(r, BF_REFUSE,
		       "every byte is 0x00: a read of a dead or unpowered chip (MISO stuck low), not a BIOS");
		return 1;
	}
	for (i = 0; i < im->len; i++)
		ff += im->data[i] == 0xff;
	if (ff * 100 / im->len >= 98)
		bf_say(r, BF_WARN, "%llu%% of the file is 0xFF: mostly empty for a BIOS image",
		       ff * 100 / im->len);
	return 0;
}

static void bf_check_size(struct bf_report *r, const struct bf_image *im,
			  __u64 chip)
{
	char a[32], b[32];
	size_t extra;

	/* SPI NOR sizes are powers of two; a BIOS chip 64 KiB to 256 MiB */
	if (im->len < 64 * BF_KIB || im->len > 256 * BF_MIB ||
	    (im->len & (im->len - 1)))
		bf_say(r, BF_REFUSE,
		       "the file is %zu bytes: not the size of any flash chip (a power of two, 64 KiB to 256 MiB), so not a full chip image",
		       im->len);
	if (!chip) {
		bf_say(r, BF_WARN, "no chip to compare the size with (give DEV or --size)");
		return;
	}
	bf_size(im->len, a, sizeof(a));
	bf_size(chip, b, sizeof(b));
	if (im->len == chip) {
		bf_say(r, BF_OK, "size %zu bytes = the chip's %s", im->len, b);
		return;
	}
	if (im->len < chip) {
		bf_say(r, BF_REFUSE,
		       "the file (%s) is smaller than the chip (%s): a full BIOS image is exactly the chip size; this may be a BIOS region only or an update for another board",
		       a, b);
		return;
	}
	bf_say(r, BF_REFUSE, "the file (%s) is larger than the chip (%s): it does not fit",
	       a, b);
	extra = im->len - chip;
	if (extra <= 64 * BF_KIB && extra + BF_IFD_FLMAP0 <= im->len &&
	    bf_le32(im->data + extra + BF_IFD_SIG_OFF) == BF_IFD_SIG)
		bf_say(r, BF_INFO,
		       "a flash descriptor starts at 0x%zx: the file looks like a %zu-byte header before a chip image; cut it off: dd if=%s of=OUT bs=%zu skip=1",
		       extra, extra, im->name, extra);
}

static const char * const bf_ifd_regions[BF_IFD_NREGIONS] = {
	"Descriptor", "BIOS", "ME", "GbE", "Platform Data", "Device Exp.",
	"BIOS 2", "region 7", "EC/BMC", "Device Exp. 2", "IE", "10GbE A",
	"10GbE B", "region 13", "region 14", "PTT",
};

/* FLCOMP bits 3:0 (7:4 for component 2): 512 KiB << n (chips.md §4.1) */
static void bf_check_ifd_density(struct bf_report *r, __u32 flcomp,
				 unsigned int ncomp, __u64 chip, size_t len)
{
	unsigned int d1 = flcomp & 0xf, d2 = flcomp >> 4 & 0xf;
	char a[32], b[32];
	__u64 c1, c2 = 0;

	if (d1 > 7) {
		bf_say(r, BF_WARN,
		       "descriptor: component 1 density code 0x%x is not one this tool knows (older chipsets use a 3-bit field); size not checked",
		       d1);
		return;
	}
	c1 = 512 * BF_KIB << d1;
	bf_size(c1, a, sizeof(a));
	if (ncomp > 1 && d2 <= 7) {
		c2 = 512 * BF_KIB << d2;
		bf_say(r, BF_INFO,
		       "descriptor: the board has a second flash chip (component 2, %s); the image for this chip is component 1's",
		       bf_size(c2, b, sizeof(b)));
	}
	/* with two chips, a vendor image may hold both components */
	if (len != c1 && (!c2 || len != c1 + c2))
		bf_say(r, BF_REFUSE,
		       "descriptor: flash component 1 is %s, but the file is %s: the descriptor does not describe this file (cut short, padded, or another board's)",
		       a, bf_size(len, b, sizeof(b)));
	if (!chip)
		bf_say(r, BF_INFO, "descriptor: flash component 1 is %s", a);
	else if (c1 == chip)
		bf_say(r, BF_OK, "descriptor: flash component 1 is %s = the chip", a);
	else
		bf_say(r, BF_REFUSE,
		       "descriptor: this image is for a %s flash chip, the chip is %s: the image belongs to a board with another chip",
		       a, bf_size(chip, b, sizeof(b)));
}

/* FLREG[i]: base bits 14:0, limit bits 30:16, 4 KiB units (chips.md §4.1) */
static void bf_check_ifd_regions(struct bf_report *r, const __u8 *frba,
				 size_t avail, size_t len)
{
	unsigned int i, bios = 0;
	__u32 reg, base, limit;

	for (i = 0; i < BF_IFD_NREGIONS && 4 * i + 4 <= avail; i++) {
		reg = bf_le32(frba + 4 * i);
		base = (reg & 0x7fff) << 12;
		limit = (reg >> 16 & 0x7fff) << 12 | 0xfff;
		if (reg == 0xffffffff || base > limit || (i && !reg))
			continue;
		bios |= i == 1;
		bf_say(r, BF_INFO, "region %-2u %-13s 0x%08x-0x%08x", i,
		       bf_ifd_regions[i], base, limit);
		if (limit >= len)
			bf_say(r, BF_REFUSE,
			       "region %s ends at 0x%08x, past the end of the image (0x%08zx): the file is cut short or the descriptor is for another chip",
			       bf_ifd_regions[i], limit, len - 1);
	}
	if (!bios)
		bf_say(r, BF_WARN, "the descriptor has no BIOS region");
}

static int bf_check_ifd(struct bf_report *r, const __u8 *img, size_t len,
			__u64 chip)
{
	__u32 flmap0, fcba, frba, ncomp;

	if (len < BF_IFD_LEN || bf_le32(img + BF_IFD_SIG_OFF) != BF_IFD_SIG) {
		if (len >= 4 && bf_le32(img) == BF_IFD_SIG)
			bf_say(r, BF_INFO,
			       "Intel flash descriptor signature at 0x00 (ICH8/9 layout): not checked further");
		return 0;
	}
	flmap0 = bf_le32(img + BF_IFD_FLMAP0);
	fcba = (flmap0 & 0xff) << 4;
	frba = (flmap0 >> 16 & 0xff) << 4;
	ncomp = (flmap0 >> 8 & 3) + 1;
	bf_say(r, BF_OK, "Intel flash descriptor (0x0FF0A55A at 0x10), %u flash component%s",
	       ncomp, ncomp > 1 ? "s" : "");
	if (fcba < BF_IFD_FLMAP0 + 8 || fcba + 4 > BF_IFD_LEN ||
	    frba < BF_IFD_FLMAP0 + 8 || frba + 4 > BF_IFD_LEN) {
		bf_say(r, BF_REFUSE, "descriptor map is corrupt (FCBA 0x%x, FRBA 0x%x)",
		       fcba, frba);
		return 1;
	}
	bf_check_ifd_density(r, bf_le32(img + fcba), ncomp, chip, len);
	bf_check_ifd_regions(r, img + frba, BF_IFD_LEN - frba, len);
	return 1;
}

/* PSPTool's candidate EFS offsets, in each 16 MiB window (chips.md §4.2) */
static const __u32 bf_efs_offsets[] = {
	0x020000, 0xfa0000, 0xf20000, 0xe20000, 0xc20000, 0x820000, 0x120000,
};

static int bf_check_efs(struct bf_report *r, const __u8 *img, size_t len)
{
	size_t win, off;
	unsigned int i;
	int found = 0;

	for (win = 0; win < len; win += BF_EFS_WINDOW) {
		for (i = 0; i < ARRAY_SIZE(bf_efs_offsets); i++) {
			off = win + bf_efs_offsets[i];
			if (off + 4 > len || bf_le32(img + off) != BF_EFS_SIG)
				continue;
			bf_say(r, BF_OK, "AMD embedded firmware structure (0x55AA55AA) at 0x%06zx",
			       off);
			found++;
		}
	}
	return found;
}

static const __u8 bf_cap_guids[2][16] = {
	/* 4A3CA68B-7723-48FB-803D-578CC1FEC44D: signed AMI capsule */
	{ 0x8b, 0xa6, 0x3c, 0x4a, 0x23, 0x77, 0xfb, 0x48,
	  0x80, 0x3d, 0x57, 0x8c, 0xc1, 0xfe, 0xc4, 0x4d },
	/* 14EEBB90-890A-43DB-AED1-5D3C4588A418: unsigned AMI capsule */
	{ 0x90, 0xbb, 0xee, 0x14, 0x0a, 0x89, 0xdb, 0x43,
	  0xae, 0xd1, 0x5d, 0x3c, 0x45, 0x88, 0xa4, 0x18 },
};

/* 0: no capsule; -1: a capsule GUID with a bad header; >0: ROM offset */
static long bf_capsule(const struct bf_image *im, int *signed_cap)
{
	unsigned int i;
	__u32 off;

	if (im->fsize < BF_CAP_MIN)
		return 0;
	for (i = 0; i < 2; i++)
		if (!memcmp(im->buf, bf_cap_guids[i], 16))
			break;
	if (i == 2)
		return 0;
	*signed_cap = !i;
	off = bf_le16(im->buf + BF_CAP_ROM_OFFSET);
	return off < BF_CAP_MIN || off >= im->fsize ? -1 : (long)off;
}

static void bf_check_capsule(struct bf_report *r, struct bf_image *im,
			     __u64 chip, unsigned int strip)
{
	long off;
	int sgn = 0;
	size_t body;
	char a[32], b[32];

	off = bf_capsule(im, &sgn);
	if (off <= 0) {
		if (off < 0)
			bf_say(r, BF_REFUSE,
			       "AMI capsule GUID, but the ROM image offset at 0x1C points outside the file");
		else if (strip == 1)
			bf_say(r, BF_REFUSE,
			       "--strip: the file has no AMI/ASUS capsule header to strip");
		return;
	}
	body = im->fsize - off;
	im->cap_off = off;
	im->data = im->buf + off;
	im->len = body;
	bf_say(r, BF_INFO,
	       "AMI/ASUS capsule (%s GUID, flags 0x%08x): a %ld-byte header, then %s of ROM image",
	       sgn ? "signed" : "unsigned", bf_le32(im->buf + BF_CAP_FLAGS),
	       off, bf_size(body, a, sizeof(a)));
	if (strip)
		bf_say(r, BF_OK,
		       "--%s: the %ld-byte header is left out; the checks below are for the ROM image",
		       strip == 1 ? "strip" : "extract", off);
	else if (chip && body != chip)
		bf_say(r, BF_REFUSE,
		       "a capsule with %s of ROM image, the chip is %s: it does not hold a full chip image (maybe only the BIOS region); use the board's own updater (EZ Flash, BIOS Flashback)",
		       a, bf_size(chip, b, sizeof(b)));
	else
		bf_say(r, BF_REFUSE,
		       "a capsule must not be written as it is: the header would shift the whole BIOS by %ld bytes; write the image inside with: biosflash write --strip %s, or extract it: biosflash check --extract OUT %s",
		       off, im->name, im->name);
	if (!strip)
		bf_say(r, BF_INFO, "the checks below are for the ROM image inside the capsule");
}

/* Print one line per finding and the verdict; returns the verdict. */
static int bf_check(struct bf_image *im, __u64 chip, const char *dev,
		    unsigned int strip)
{
	struct bf_report r = { BF_INFO, 0, 0 };
	static const char * const verdict[] = {
		[BF_INFO] = "OK", [BF_OK] = "OK",
		[BF_WARN] = "WARNING", [BF_REFUSE] = "REFUSE",
	};
	int ifd, efs, uniform;
	char sz[32], what[96];

	printf("Checking %s (%zu bytes) for %s\n", im->name, im->fsize, dev);
	bf_check_capsule(&r, im, chip, strip);
	uniform = bf_check_fill(&r, im);
	bf_check_size(&r, im, chip);
	ifd = bf_check_ifd(&r, im->data, im->len, chip);
	efs = bf_check_efs(&r, im->data, im->len);
	if (!ifd && !efs && !uniform)
		bf_say(&r, BF_REFUSE,
		       "neither an Intel flash descriptor nor an AMD firmware structure: not recognisable as a full PC BIOS image (a BIOS region only, or not a BIOS); make sure it is the full-chip image for this board");
	else if (ifd && efs)
		bf_say(&r, BF_WARN,
		       "both an Intel descriptor and an AMD firmware structure: unusual, make sure this image is for this board");
	/* What was checked is the structure, never whether the board boots */
	snprintf(what, sizeof(what),
		 "structure consistent with a full image for a %s chip",
		 bf_size(chip ? chip : im->len, sz, sizeof(sz)));
	printf("Verdict: %s", verdict[r.verdict]);
	if (r.verdict == BF_REFUSE)
		printf(" (%u reason%s above): not a full image for this chip as it is\n",
		       r.refusals, r.refusals > 1 ? "s" : "");
	else if (r.verdict == BF_WARN)
		printf(" (%u warning%s above): %s; read the warnings first\n",
		       r.warnings, r.warnings > 1 ? "s" : "", what);
	else
		printf(": %s\n", what);
	return r.verdict;
}

static int bf_parse_size(const char *s, __u64 *out)
{
	char *end;
	__u64 v;

	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno || end == s)
		return -EINVAL;
	if (*end == 'k' || *end == 'K')
		v *= BF_KIB;
	else if (*end == 'm' || *end == 'M')
		v *= BF_MIB;
	if (v >= BF_KIB && (*end == 'k' || *end == 'K' || *end == 'm' ||
			    *end == 'M'))
		end++;
	if (*end == 'i' && end[1] == 'B')
		end += 2;
	if (*end || !v)
		return -EINVAL;
	*out = v;
	return 0;
}

/* The chip for check/write: DEV, --size, or the default device if any. */
static int bf_check_target(const struct bf_opts *o, struct bf_dev *d,
			   char *what, size_t len)
{
	char sz[32];

	if (o->size) {
		memset(d, 0, sizeof(*d));
		d->size = o->size;
		snprintf(what, len, "a chip of %s (--size)",
			 bf_size(o->size, sz, sizeof(sz)));
		return 0;
	}
	if (!o->dev && bf_find_default() < 0) {
		memset(d, 0, sizeof(*d));
		snprintf(what, len, "an unknown chip (no biosflash device)");
		return 0;
	}
	if (bf_dev_name(o->dev, d) || bf_dev_geometry(d))
		return -ENODEV;
	snprintf(what, len, "%s (%s)", d->path, d->label);
	return 0;
}

static int bf_cmd_check(struct bf_opts *o)
{
	struct bf_image im;
	struct bf_dev d;
	char what[160];
	int v, ret;

	if (bf_check_target(o, &d, what, sizeof(what)))
		return BF_EXIT_FAIL;
	if (bf_image_load(o->file, &im))
		return BF_EXIT_FAIL;
	/* --extract checks what it extracts, as --strip would write it */
	v = bf_check(&im, d.size, what, o->extract ? 2 : o->strip);
	ret = v == BF_REFUSE ? BF_EXIT_REFUSED : BF_EXIT_OK;
	if (o->extract) {
		if (!im.cap_off) {
			bf_err("--extract: %s is not an AMI/ASUS capsule\n",
			       o->file);
			ret = BF_EXIT_FAIL;
		} else if (bf_write_file(o->extract, im.data, im.len, 1)) {
			ret = BF_EXIT_FAIL;
		} else {
			printf("Extracted the ROM image (%zu bytes from offset 0x%zx) to %s\n",
			       im.len, im.cap_off, o->extract);
		}
	}
	free(im.buf);
	return ret;
}

/* --- status, protection ---------------------------------------------------- */

static const char *bf_vendor(const char *jedec)
{
	static const struct {
		const char *id;
		const char *name;
	} v[] = {
		{ "ef", "Winbond" }, { "c2", "Macronix" }, { "c8", "GigaDevice" },
		{ "20", "Micron/XMC" }, { "1c", "EON" }, { "bf", "SST" },
		{ "9d", "ISSI" }, { "0b", "XTX" }, { "68", "Boya" },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(v); i++)
		if (!strncasecmp(jedec, v[i].id, 2))
			return v[i].name;
	return NULL;
}

/* "1.8 V", "3.3 V" or "2.70-3.60 V" for a supply range in mV */
static void bf_volt_class(unsigned int lo, unsigned int hi, char *buf,
			  size_t len)
{
	if (hi && hi <= 2000)
		snprintf(buf, len, "1.8 V");
	else if (lo >= 2300 && hi <= 3600)
		snprintf(buf, len, "3.3 V");
	else
		snprintf(buf, len, "%u.%02u-%u.%02u V", lo / 1000,
			 lo % 1000 / 10, hi / 1000, hi % 1000 / 10);
}

struct bf_volts {
	unsigned int lo, hi, io;	/* mV, 0 = unknown */
	int ok;				/* 1, 0, or -1 = unknown */
	char chip[24], bus[24];
};

static void bf_volts(const struct bf_dev *d, struct bf_volts *v)
{
	char buf[64];

	memset(v, 0, sizeof(*v));
	if (bf_attr(d, "supply_voltage", buf, sizeof(buf)) ||
	    sscanf(buf, "%u-%u", &v->lo, &v->hi) != 2 || v->lo > v->hi) {
		v->lo = 0;
		v->hi = 0;
	}
	if (!bf_attr(d, "io_voltage", buf, sizeof(buf)))
		v->io = strtoul(buf, NULL, 10);
	v->ok = -1;
	if (!bf_attr(d, "voltage_ok", buf, sizeof(buf)) && buf[0])
		v->ok = buf[0] == '1';
	else if (v->hi && v->io)
		v->ok = v->io >= v->lo && v->io <= v->hi;
	bf_volt_class(v->lo, v->hi, v->chip, sizeof(v->chip));
	snprintf(v->bus, sizeof(v->bus), "%u.%u V", v->io / 1000,
		 v->io % 1000 / 100);
}

static void bf_volt_warning(const struct bf_dev *d, const struct bf_volts *v)
{
	if (v->ok)
		return;
	printf("\n"
	       "Warning: this is a %s chip on a %s bus: the chip is rated %u.%02u-%u.%02u V but its SPI lines were declared as %s.\n",
	       v->chip, v->bus, v->lo / 1000, v->lo % 1000 / 10,
	       v->hi / 1000, v->hi % 1000 / 10, v->bus);
	if (v->io > v->hi)
		printf("  Signals above the chip's rating can destroy it, and a chip\n"
		       "  fed a wrong level can misread commands. Put a level shifter for\n"
		       "  the chip's voltage between the Pi and the chip and declare it\n"
		       "  (overlay parameter io_1v8 / io_voltage, or module parameter io_mv).\n");
	else
		printf("  Signals below the chip's range may not be recognised. Check\n"
		       "  which level the wiring really has and declare it (overlay\n"
		       "  parameter io_voltage, or module parameter io_mv).\n");
	printf("  Until then the driver refuses to erase, program or change protection on %s;\n"
	       "  reading (biosflash backup) still works.\n",
	       d->path);
}

/* How to clear protection, for the mode in protect_mode. */
static void bf_prot_hint(const struct bf_dev *d, const char *mode)
{
	if (!strcmp(mode, "hardware"))
		printf("  The status register is locked while the chip's WP# pin is low (SRP=1).\n"
		       "  Tie WP# to the chip's VCC (or declare wp-gpios), then run: biosflash unlock %s\n",
		       d->path);
	else if (!strcmp(mode, "power-cycle"))
		printf("  The status register is locked until the chip loses power (SRL=1).\n"
		       "  Switch the board off at the wall (and the chip's supply), then run: biosflash unlock %s\n",
		       d->path);
	else if (!strcmp(mode, "permanent"))
		printf("  The protection is permanent (one-time programmed): it can\n"
		       "  never be cleared; the protected blocks can never be written.\n");
	else
		printf("  Clear it with: biosflash unlock %s\n", d->path);
}

static void bf_status_protection(const struct bf_dev *d)
{
	char prot[4096], mode[32], regs[64];
	char *p;

	bf_attr_or(d, "protect", prot, sizeof(prot));
	bf_attr_or(d, "protect_mode", mode, sizeof(mode));
	bf_attr_or(d, "protect_regs", regs, sizeof(regs));
	for (p = prot; (p = strchr(p, '\n'));)
		*p = ',';
	printf("Protection:  %s\n", !strcmp(prot, "none") ?
	       "none (the whole chip can be written)" :
	       !strcmp(prot, "all") ? "the whole chip is write-protected" :
	       prot);
	printf("Lock mode:   %s%s\n", mode,
	       !strcmp(mode, "software") ? " (status registers writable)" : "");
	printf("Registers:   %s\n", regs);
	if (!strcmp(prot, "unknown")) {
		printf("\n"
		       "Note: the driver does not report protection (no protect attribute); writes to\n"
		       "  protected blocks would fail at verify.\n");
	} else if (strcmp(prot, "none")) {
		printf("\n"
		       "Warning: part of the chip is write-protected (%s).\n"
		       "  The chip silently ignores erase and program there, so the driver refuses them.\n"
		       "  Some boards set this protection again at every boot.\n",
		       prot);
		bf_prot_hint(d, mode);
	}
}

static int bf_cmd_status(struct bf_opts *o)
{
	char chip[64], id[32], name[96], sz[32], eb[32];
	const char *vendor;
	struct bf_volts v;
	struct bf_dev d;

	if (bf_dev_name(o->dev, &d) || bf_dev_geometry(&d))
		return BF_EXIT_FAIL;
	bf_attr_or(&d, "chip", chip, sizeof(chip));
	bf_attr_or(&d, "jedec_id", id, sizeof(id));
	bf_attr_or(&d, "name", name, sizeof(name));
	vendor = bf_vendor(id);
	bf_volts(&d, &v);
	printf("Device:      %s (%s)\n", d.path, name);
	printf("Chip:        %s, JEDEC ID %s%s%s%s\n", chip, id,
	       vendor ? " (" : "", vendor ? vendor : "", vendor ? ")" : "");
	printf("Size:        %s (%llu bytes), %s erase blocks\n",
	       bf_size(d.size, sz, sizeof(sz)), (unsigned long long)d.size,
	       bf_size(d.erasesize, eb, sizeof(eb)));
	if (v.hi)
		printf("Supply:      %u.%02u-%u.%02u V (a %s chip)\n", v.lo / 1000,
		       v.lo % 1000 / 10, v.hi / 1000, v.hi % 1000 / 10, v.chip);
	else
		printf("Supply:      unknown (check the chip's datasheet)\n");
	printf("Bus:         %s\n", v.io ? v.bus : "unknown (not declared)");
	printf("Voltage:     %s\n", v.ok < 0 ? "unknown" : v.ok ?
	       "ok (the bus level is inside the chip's range)" :
	       "MISMATCH: writes are blocked");
	bf_status_protection(&d);
	if (!v.ok)
		bf_volt_warning(&d, &v);
	return BF_EXIT_OK;
}

/* What an errno from the driver means here, and the driver's own words. */
static void bf_explain_errno(const struct bf_dev *d, int err, int klog)
{
	struct bf_volts v;

	switch (err) {
	case EACCES:
		printf("  Hardware protection: SRP=1 and the WP# pin is held low.\n"
		       "  Tie WP# to the chip's VCC (or declare wp-gpios), then try again.\n");
		break;
	case EBUSY:
		printf("  The status registers are locked until the chip is power-cycled (SRL=1).\n"
		       "  Switch the board off at the wall, then try again.\n");
		break;
	case EPERM:
		bf_volts(d, &v);
		if (!v.ok)
			printf("  The declared bus voltage does not match the chip:\n"
			       "  the driver refuses all writes. See: biosflash status %s\n",
			       d->path);
		else
			printf("  The protection is permanent (one-time programmed).\n");
		break;
	case EIO:
		printf("  The write did not stick although nothing forbids it: check\n"
		       "  the chip's supply voltage, the wiring, and that no chipset\n"
		       "  drives the bus (board off).\n");
		break;
	case ENXIO:
		printf("  The bus is stuck (status reads 0x00 or 0xFF):\n"
		       "  check MISO and the chip's power.\n");
		break;
	case ETIMEDOUT:
		printf("  The chip stayed busy: check its supply voltage.\n");
		break;
	case EROFS:
		printf("  Part of the chip is write-protected. See: biosflash status %s\n",
		       d->path);
		break;
	}
	bf_klog_show(klog);
	printf("  The kernel log has the details: dmesg | tail\n");
}

static int bf_cmd_protect(struct bf_opts *o)
{
	char path[128], prot[4096];
	int lock = !strcmp(o->cmd, "lock");
	struct bf_dev d;
	int ret, klog;

	if (bf_dev_name(o->dev, &d))
		return BF_EXIT_FAIL;
	snprintf(path, sizeof(path), BF_SYS_MTD "/%s/protect", d.name);
	if (access(path, F_OK)) {
		bf_err("%s has no protect attribute: the loaded driver does not support protection (or %s is not a biosflash device)\n",
		       d.path, d.path);
		return BF_EXIT_FAIL;
	}
	klog = bf_klog_open();
	ret = bf_write_str(path, lock ? "lock" : "unlock");
	if (ret) {
		bf_err("%s of %s failed: %s\n", o->cmd, d.path, strerror(-ret));
		bf_explain_errno(&d, -ret, klog);
		return BF_EXIT_FAIL;
	}
	if (klog >= 0)
		close(klog);
	bf_attr_or(&d, "protect", prot, sizeof(prot));
	printf("%s: %s done; protected now: %s\n", d.path, o->cmd, prot);
	return BF_EXIT_OK;
}

/* --- write -------------------------------------------------------------------- */

struct bf_wstate {
	__u64 end;		/* bytes written, block aligned */
	__u64 cur;		/* the block being worked on */
	__u32 bs;
	unsigned int in_block;	/* cur block is neither old nor new */
	unsigned int erased;
	unsigned int bad;	/* cur block read back wrong */
	unsigned int pages, pages_done;
	unsigned int changed;	/* blocks changed and verified */
	const char *op;		/* what was being done */
};

struct bf_writer {
	int fd;
	const struct bf_dev *dev;
	__u8 *old;		/* chip contents before, [0, end) */
	__u8 *tgt;		/* what the chip must hold, [0, end) */
	__u8 *rb;		/* one block, read back */
	__u32 page;
	sigset_t stop;
	int klog;		/* the kernel log since the write began */
	struct bf_wstate st;
	unsigned int erases, programs;
};

/* A bit must go 0 -> 1 somewhere: only an erase can do that. */
static int bf_needs_erase(const __u8 *old, const __u8 *tgt, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if ((old[i] & tgt[i]) != tgt[i])
			return 1;
	return 0;
}

/* After an erase every non-FF page; otherwise every page that differs. */
static int bf_page_needed(const struct bf_writer *w, __u64 off, int erased)
{
	if (erased)
		return !bf_all(w->tgt + off, w->page, 0xff);
	return memcmp(w->old + off, w->tgt + off, w->page) != 0;
}

static unsigned int bf_block_plan(const struct bf_writer *w, __u64 off,
				  int *erase)
{
	unsigned int n = 0;
	__u64 p;

	*erase = bf_needs_erase(w->old + off, w->tgt + off, w->st.bs);
	for (p = off; p < off + w->st.bs; p += w->page)
		n += bf_page_needed(w, p, *erase);
	return n;
}

/* What the chip holds now, after a stop in the middle of a write. */
static void bf_write_state(const struct bf_writer *w, const char *cmdline)
{
	const struct bf_wstate *st = &w->st;
	__u64 next = st->cur + (st->in_block ? st->bs : 0);

	if (!st->changed && !st->in_block) {
		printf("Nothing on the chip was changed: it still holds what it held before.\n");
		return;
	}
	printf("The chip now holds:\n");
	if (st->cur)
		printf("  0x%08x-0x%08llx  the new image (written and verified)\n",
		       0, st->cur - 1);
	if (st->bad)
		printf("  0x%08llx-0x%08llx  written, but reads back different from the file\n",
		       st->cur, next - 1);
	else if (st->in_block && st->erased)
		printf("  0x%08llx-0x%08llx  ERASED, %u of %u pages programmed: neither\n"
		       "                         the old nor the new contents\n",
		       st->cur, next - 1, st->pages_done, st->pages);
	else if (st->in_block)
		printf("  0x%08llx-0x%08llx  %u of %u changed pages programmed: neither\n"
		       "                         the old nor the new contents\n",
		       st->cur, next - 1, st->pages_done, st->pages);
	if (next < st->end)
		printf("  0x%08llx-0x%08llx  the old contents, not written yet\n",
		       next, st->end - 1);
	printf("The chip is now INCONSISTENT (part new image, part old): do not start the board\n"
	       "from it. Resume with:\n"
	       "  %s\n"
	       "which rewrites only what still differs.\n",
	       cmdline);
}

static int bf_erase(struct bf_writer *w, __u64 off)
{
	struct erase_info_user ei = { .start = off, .length = w->st.bs };

	if (!ioctl(w->fd, MEMERASE, &ei))
		return 0;
	return -errno;
}

static int bf_verify_block(struct bf_writer *w, __u64 off)
{
	const __u8 *tgt = w->tgt + off;
	size_t i, first = 0, n = 0;
	int ret;

	ret = bf_pread_all(w->fd, w->rb, w->st.bs, off);
	if (ret)
		return ret;
	for (i = 0; i < w->st.bs; i++) {
		if (w->rb[i] == tgt[i])
			continue;
		if (!n++)
			first = i;
	}
	if (!n)
		return 0;
	w->st.bad = 1;
	bf_err("verify failed: block 0x%08llx reads back with %zu bytes different from the file; first at 0x%08llx: wrote 0x%02x, read 0x%02x\n",
	       off, n, off + first, tgt[first], w->rb[first]);
	printf("  Possible causes: a protected block the chip ignored, a weak supply (programming\n"
	       "  did not take), or unstable reads (run biosflash backup to test the wiring).\n");
	return -EILSEQ;
}

/* Erase if needed, program what is needed, read back. */
static int bf_write_block(struct bf_writer *w, __u64 off)
{
	struct bf_wstate *st = &w->st;
	unsigned int n;
	int erase, ret;
	__u64 p;

	st->pages = bf_block_plan(w, off, &erase);
	if (!erase && !st->pages)
		return 0;
	st->pages_done = 0;
	st->erased = 0;
	if (erase) {
		st->op = "erasing";
		ret = bf_erase(w, off);
		if (ret)
			return ret;
		st->in_block = 1;
		st->erased = 1;
		w->erases++;
	}
	/* one write call per run of needed pages: each call costs the driver
	 * its chip check, so page-sized calls would add two messages a page
	 */
	for (p = off; p < off + st->bs; p += (__u64)n * w->page) {
		n = 1;
		if (!bf_page_needed(w, p, erase))
			continue;
		while (p + (__u64)n * w->page < off + st->bs &&
		       bf_page_needed(w, p + (__u64)n * w->page, erase))
			n++;
		if (bf_stop_requested())
			return -EINTR;
		st->op = "programming";
		ret = bf_pwrite_all(w->fd, w->tgt + p, (size_t)n * w->page, p);
		if (ret)
			return ret;
		st->in_block = 1;
		st->pages_done += n;
		w->programs += n;
	}
	st->op = "reading back";
	ret = bf_verify_block(w, off);
	if (ret)
		return ret;
	st->in_block = 0;
	st->changed++;
	return 0;
}

static int bf_write_blocks(struct bf_writer *w)
{
	struct bf_wstate *st = &w->st;
	struct bf_progress prog;
	int ret = 0;

	bf_progress_start(&prog, "write", st->end);
	for (st->cur = 0; st->cur < st->end; st->cur += st->bs) {
		if (bf_stop_requested())
			ret = -EINTR;
		else
			ret = bf_write_block(w, st->cur);
		if (ret)
			break;
		bf_progress(&prog, st->cur + st->bs);
	}
	if (prog.tty)
		fputc('\n', stderr);
	return ret;
}

/* Exit code and message for a write that stopped. */
static int bf_write_failed(struct bf_writer *w, int ret, const char *cmdline)
{
	const struct bf_wstate *st = &w->st;

	if (ret == -EINTR) {
		printf("\nInterrupted: stopped between two operations at 0x%08llx.\n",
		       st->cur);
	} else if (ret != -EILSEQ) {
		bf_err("%s block 0x%08llx failed: %s\n", st->op, st->cur,
		       strerror(-ret));
		bf_explain_errno(w->dev, -ret, w->klog);
	}
	bf_write_state(w, cmdline);
	if (ret == -EINTR)
		return BF_EXIT_INTR;
	return ret == -EILSEQ ? BF_EXIT_VERIFY : BF_EXIT_FAIL;
}

/* Parse protect ("none", "all", "0xA-0xB" lines) and test one block. */
static int bf_range_hit(const char *prot, __u64 size, __u64 off, __u32 len)
{
	unsigned long long a, b;
	const char *p;

	if (!strcmp(prot, "all"))
		return 1;
	for (p = prot; p; p = strchr(p, '\n')) {
		while (*p == '\n')
			p++;
		if (sscanf(p, "%llx-%llx", &a, &b) == 2 &&
		    a <= off + len - 1 && b >= off && a < size)
			return 1;
	}
	return 0;
}

/* 1: the block is protected, 0: it is not, -1: nobody can tell. */
static int bf_block_locked(const struct bf_writer *w, const char *prot,
			   int have_prot, __u64 off)
{
	struct erase_info_user ei = { .start = off, .length = w->st.bs };
	int ret;

	if (have_prot)
		return bf_range_hit(prot, w->dev->size, off, w->st.bs);
	ret = ioctl(w->fd, MEMISLOCKED, &ei);
	return ret < 0 ? -1 : ret > 0;
}

/* Refuse before touching anything if a block that must change is locked. */
static int bf_write_protection(struct bf_writer *w, unsigned int *todo)
{
	unsigned int n = 0, locked = 0, unknown = 0;
	char prot[4096], mode[32];
	__u64 off, first = 0;
	int have, erase, ret;

	have = !bf_attr(w->dev, "protect", prot, sizeof(prot));
	for (off = 0; off < w->st.end; off += w->st.bs) {
		if (!bf_block_plan(w, off, &erase) && !erase)
			continue;
		n++;
		ret = bf_block_locked(w, prot, have, off);
		unknown += ret < 0;
		if (ret > 0 && !locked++)
			first = off;
	}
	*todo = n;
	if (unknown && !locked)
		printf("Protection state unknown (the driver reports none); writing anyway.\n");
	if (!locked)
		return 0;
	bf_err("the chip is write-protected where this image differs: nothing was written.\n");
	if (have)
		printf("  protected: %s\n", prot);
	printf("  %u of the %u blocks to change %s protected, the first at 0x%08llx.\n",
	       locked, n, locked > 1 ? "are" : "is", first);
	bf_attr_or(w->dev, "protect_mode", mode, sizeof(mode));
	bf_prot_hint(w->dev, mode);
	printf("  Then run this command again.\n");
	return -EROFS;
}

static int bf_write_voltage(const struct bf_dev *d)
{
	struct bf_volts v;

	bf_volts(d, &v);
	if (v.ok)
		return 0;
	bf_err("the driver refuses to write %s: the declared bus voltage does not suit the chip.\n",
	       d->path);
	bf_volt_warning(d, &v);
	return -EPERM;
}

static int bf_write_plan(struct bf_writer *w)
{
	unsigned int blocks = 0, erases = 0, pages = 0, n;
	__u64 off;
	int erase;

	for (off = 0; off < w->st.end; off += w->st.bs) {
		n = bf_block_plan(w, off, &erase);
		blocks += n || erase;
		erases += erase;
		pages += n;
	}
	printf("Plan: %u of %llu blocks differ: %u erases, %u page programs.\n",
	       blocks, w->st.end / w->st.bs, erases, pages);
	return blocks;
}

static int bf_write_run(struct bf_writer *w, const struct bf_image *im,
			const char *cmdline)
{
	unsigned int todo;
	int ret;

	if (bf_write_voltage(w->dev))
		return BF_EXIT_FAIL;
	ret = bf_read_chip(w->fd, w->dev, w->old, w->st.end, "read");
	if (ret == -EINTR) {
		printf("\nInterrupted while reading: nothing on the chip was changed.\n");
		return BF_EXIT_INTR;
	}
	if (ret)
		return BF_EXIT_FAIL;
	/* the tail of a last, partial block keeps what the chip holds */
	memcpy(w->tgt, im->data, im->len);
	memcpy(w->tgt + im->len, w->old + im->len, w->st.end - im->len);
	if (!bf_write_plan(w)) {
		printf("The chip already holds this image: nothing to write.\n");
		return BF_EXIT_OK;
	}
	if (bf_write_protection(w, &todo))
		return BF_EXIT_FAIL;
	ret = bf_write_blocks(w);
	if (ret)
		return bf_write_failed(w, ret, cmdline);
	printf("Done: %u blocks changed (%u erases, %u page programs), verified;\n"
	       "the rest already held the image.\n",
	       w->st.changed, w->erases, w->programs);
	return BF_EXIT_OK;
}

static int bf_write_setup(struct bf_writer *w, const struct bf_image *im,
			  const struct bf_dev *d, int fd)
{
	memset(w, 0, sizeof(*w));
	w->fd = fd;
	w->dev = d;
	w->klog = bf_klog_open();
	w->page = d->page;
	w->st.bs = d->erasesize;
	w->st.end = (im->len + d->erasesize - 1) / d->erasesize * d->erasesize;
	w->old = malloc(w->st.end);
	w->tgt = malloc(w->st.end);
	w->rb = malloc(d->erasesize);
	if (!w->old || !w->tgt || !w->rb) {
		bf_err("out of memory\n");
		return -ENOMEM;
	}
	/* SIGINT/SIGTERM stay pending and are looked at between operations */
	sigemptyset(&w->stop);
	sigaddset(&w->stop, SIGINT);
	sigaddset(&w->stop, SIGTERM);
	sigprocmask(SIG_BLOCK, &w->stop, NULL);
	printf("A hangup (SSH session lost) does not stop this write:\n"
	       "its report then goes to %s.\n", bf_hup_setup());
	return 0;
}

static int bf_write_verdict(const struct bf_opts *o, struct bf_image *im,
			    const struct bf_dev *d)
{
	char what[160];
	int v;

	snprintf(what, sizeof(what), "%s (%s)", d->path, d->label);
	v = bf_check(im, d->size, what, o->strip);
	if (im->len > d->size) {
		bf_err("the image does not fit the chip: nothing written\n");
		return BF_EXIT_REFUSED;
	}
	if (v == BF_REFUSE && !o->force) {
		bf_err("refused: nothing written (--force writes it anyway, if you are sure)\n");
		return BF_EXIT_REFUSED;
	}
	if (v == BF_REFUSE)
		printf("--force: writing despite the verdict.\n");
	if (!im->len)
		return BF_EXIT_REFUSED;
	return BF_EXIT_OK;
}

static int bf_cmd_write(struct bf_opts *o)
{
	struct bf_writer w;
	struct bf_image im;
	struct bf_dev d;
	int fd, ret;

	fd = bf_dev_open(o->dev, &d, O_RDWR);
	if (fd < 0)
		return BF_EXIT_FAIL;
	ret = BF_EXIT_FAIL;
	if (bf_image_load(o->file, &im))
		goto out_close;
	ret = bf_write_verdict(o, &im, &d);
	if (ret)
		goto out_free_image;
	ret = BF_EXIT_FAIL;
	if (!bf_write_setup(&w, &im, &d, fd))
		ret = bf_write_run(&w, &im, o->cmdline);
	free(w.old);
	free(w.tgt);
	if (w.klog >= 0)
		close(w.klog);
	free(w.rb);
out_free_image:
	free(im.buf);
out_close:
	close(fd);
	return ret;
}

/* --- backup ------------------------------------------------------------------ */

static void bf_unstable_report(const __u8 *ref, const __u8 *diff, __u64 size,
			       unsigned int reads)
{
	__u64 i, n = 0;

	for (i = 0; i < size; i++)
		n += !!diff[i];
	printf("UNSTABLE: %llu byte%s read differently across %u reads:\n",
	       n, n > 1 ? "s" : "", reads);
	for (i = 0, n = 0; i < size && n < BF_UNSTABLE_SHOWN; i++) {
		if (!diff[i])
			continue;
		printf("  0x%08llx  first read 0x%02x, bits 0x%02x unstable\n",
		       i, ref[i], diff[i]);
		n++;
	}
	printf("The chip returns different data for the same address: the wiring is not reliable\n"
	       "(long or loose jumper wires, a missing ground wire, no decoupling capacitor near the\n"
	       "chip, the board back-powered through the chip's VCC) or the SPI clock is too fast.\n"
	       "Shorten and check the wires, lower spi-max-frequency (overlay parameter speed=),\n"
	       "then try again. Do not write this chip before a backup reads back stable.\n");
}

/* Read the chip n times; diff[i] collects the bits that ever differed. */
static int bf_backup_reads(int fd, const struct bf_dev *d, unsigned int reads,
			   __u8 *ref, __u8 *diff, __u8 *chunk)
{
	char what[16];
	struct bf_progress p;
	unsigned int r;
	__u64 off, i;
	size_t n;
	int ret;

	if (bf_read_chip(fd, d, ref, d->size, "read 1"))
		return -EIO;
	for (r = 2; r <= reads; r++) {
		snprintf(what, sizeof(what), "read %u", r);
		bf_progress_start(&p, what, d->size);
		for (off = 0; off < d->size; off += n) {
			n = d->size - off < BF_CHUNK ? d->size - off : BF_CHUNK;
			ret = bf_pread_all(fd, chunk, n, off);
			if (ret) {
				bf_err("reading %s at 0x%08llx failed: %s; see dmesg | tail\n",
				       d->path, off, strerror(-ret));
				return ret;
			}
			for (i = 0; i < n; i++)
				diff[off + i] |= chunk[i] ^ ref[off + i];
			bf_progress(&p, off + n);
		}
		bf_progress_end(&p, d->size);
	}
	return 0;
}

/*
 * An earlier backup may be the only copy of the board's own firmware: FILE
 * and FILE.sha256 are created, never replaced, unless --force; even then
 * not by a read that is all 0xFF or all 0x00.  Checked before the chip is
 * read (minutes), and again by O_EXCL when saving.
 */
static int bf_backup_target(const struct bf_opts *o)
{
	char name[4096];
	const char *hit = NULL;

	snprintf(name, sizeof(name), "%s.sha256", o->file);
	if (!access(o->file, F_OK))
		hit = o->file;
	else if (!access(name, F_OK))
		hit = name;
	if (!hit || o->force)
		return 0;
	bf_err("refused: %s exists and may be your only good backup; nothing was read.\n"
	       "Give a new file name, or --force to replace it.\n", hit);
	return -EEXIST;
}

static int bf_backup_blank(const struct bf_opts *o, const __u8 *buf,
			   __u64 size)
{
	if (!bf_all(buf, size, 0xff) && !bf_all(buf, size, 0x00))
		return 0;
	printf("Warning: the chip reads as all 0x%02X: empty, or MISO/power not wired.\n",
	       buf[0]);
	if (access(o->file, F_OK))
		return 0;
	bf_err("refused: not replacing %s with a read that is all 0x%02X, even with --force;\n"
	       "save it under a new file name if you want it.\n", o->file, buf[0]);
	return -EEXIST;
}

static int bf_backup_save(const struct bf_opts *o, const __u8 *buf,
			  __u64 size)
{
	char hex[65], line[4200], name[4096];
	const char *file = o->file, *base = strrchr(file, '/');

	bf_sha256(buf, size, hex);
	snprintf(name, sizeof(name), "%s.sha256", file);
	snprintf(line, sizeof(line), "%s  %s\n", hex, base ? base + 1 : file);
	if (bf_write_file(file, buf, size, !o->force) ||
	    bf_write_file(name, (const __u8 *)line, strlen(line), !o->force))
		return -EIO;
	printf("Wrote %s and %s\nsha256 %s\n", file, name, hex);
	return 0;
}

static int bf_cmd_backup(struct bf_opts *o)
{
	__u8 *ref, *diff, *chunk;
	struct bf_dev d;
	int fd, ret = BF_EXIT_FAIL;
	char sz[32];

	if (bf_backup_target(o))
		return BF_EXIT_REFUSED;
	fd = bf_dev_open(o->dev, &d, O_RDONLY);
	if (fd < 0)
		return BF_EXIT_FAIL;
	ref = malloc(d.size);
	diff = calloc(1, d.size);
	chunk = malloc(BF_CHUNK);
	if (!ref || !diff || !chunk) {
		bf_err("out of memory\n");
		goto out_free;
	}
	printf("Reading %s (%s) %u times...\n", d.path, d.label, o->reads);
	if (bf_backup_reads(fd, &d, o->reads, ref, diff, chunk))
		goto out_free;
	if (!bf_all(diff, d.size, 0)) {
		bf_unstable_report(ref, diff, d.size, o->reads);
		goto out_free;
	}
	printf("All %u reads of %s agree.\n", o->reads,
	       bf_size(d.size, sz, sizeof(sz)));
	if (bf_backup_blank(o, ref, d.size))
		ret = BF_EXIT_REFUSED;
	else if (!bf_backup_save(o, ref, d.size))
		ret = BF_EXIT_OK;
out_free:
	free(chunk);
	free(diff);
	free(ref);
	close(fd);
	return ret;
}

/* --- bind, unbind ------------------------------------------------------------- */

static int bf_spi_write(const char *spidev, const char *file, const char *s)
{
	char path[256];
	int ret;

	snprintf(path, sizeof(path), "%s/%s", spidev, file);
	ret = bf_write_str(path, s);
	if (ret)
		bf_err("writing '%s' to %s failed: %s\n", s, path,
		       strerror(-ret));
	return ret;
}

static int bf_modprobe(void)
{
	int status;
	pid_t pid;

	if (!access(BF_SYS_SPI "/drivers/" BF_DRV, F_OK))
		return 0;
	printf("Loading the driver: modprobe %s\n", BF_DRV);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		execlp("modprobe", "modprobe", BF_DRV, (char *)NULL);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) ||
	    WEXITSTATUS(status) || access(BF_SYS_SPI "/drivers/" BF_DRV, F_OK)) {
		bf_err("could not load the %s driver (modprobe %s failed)\n",
		       BF_DRV, BF_DRV);
		return -ENOENT;
	}
	return 0;
}

/* The MTD device biosflash made for SPIDEV, waiting for its /dev node. */
static void bf_bound_mtd(const char *devdir, const char *spi)
{
	char dir[256], node[64];
	struct dirent *e;
	int i, n = -1;
	DIR *dh;

	snprintf(dir, sizeof(dir), "%s/mtd", devdir);
	dh = opendir(dir);
	while (dh && (e = readdir(dh)))
		if (bf_mtd_number(e->d_name) >= 0)
			n = bf_mtd_number(e->d_name);
	if (dh)
		closedir(dh);
	if (n < 0) {
		printf("%s is bound to %s, but no MTD device appeared: see dmesg | tail\n",
		       spi, BF_DRV);
		return;
	}
	snprintf(node, sizeof(node), "/dev/mtd%d", n);
	for (i = 0; i < 20 && access(node, F_OK); i++)
		usleep(100000);
	printf("%s is now %s. Next: biosflash status %s\n", spi, node, node);
}

static int bf_spidev_dir(const char *spi, char *dir, size_t len)
{
	if (!*spi || strchr(spi, '/') || !strcmp(spi, ".") ||
	    !strcmp(spi, "..")) {
		bf_err("'%s' is not an SPI device name like spi0.0\n", spi);
		return -EINVAL;
	}
	snprintf(dir, len, BF_SYS_SPI "/devices/%s", spi);
	if (access(dir, F_OK)) {
		bf_err("no SPI device %s (%s): enable the SPI bus (dtparam=spi=on, or the biosflash overlay); the devices are listed in %s/devices\n",
		       spi, dir, BF_SYS_SPI);
		return -ENODEV;
	}
	return 0;
}

/* Give SPIDEV back to the driver it had, after a failed bind. */
static void bf_bind_rollback(const char *dir, const char *spi,
			     const char *prev)
{
	char path[256];

	bf_spi_write(dir, "driver_override", prev[0] ? prev : "\n");
	if (!prev[0])
		return;
	snprintf(path, sizeof(path), BF_SYS_SPI "/drivers/%s/bind", prev);
	if (!bf_write_str(path, spi))
		printf("%s is back with %s.\n", spi, prev);
}

static int bf_cmd_bind(struct bf_opts *o)
{
	char dir[256], prev[64];
	const char *spi = o->file;
	int klog;

	if (bf_spidev_dir(spi, dir, sizeof(dir)) || bf_modprobe())
		return BF_EXIT_FAIL;
	bf_driver_of(dir, prev, sizeof(prev));
	if (!strcmp(prev, BF_DRV)) {
		printf("%s is already bound to %s.\n", spi, BF_DRV);
		bf_bound_mtd(dir, spi);
		return BF_EXIT_OK;
	}
	if (bf_spi_write(dir, "driver_override", BF_DRV))
		return BF_EXIT_FAIL;
	if (prev[0]) {
		if (bf_spi_write(dir, "driver/unbind", spi))
			return BF_EXIT_FAIL;
		printf("Released %s from %s.\n", spi, prev);
	}
	klog = bf_klog_open();
	if (bf_spi_write(BF_SYS_SPI "/drivers/" BF_DRV, "bind", spi)) {
		printf("The driver did not take the chip:\n");
		bf_klog_show(klog);
		printf("  The kernel log has the details: dmesg | tail\n");
		bf_bind_rollback(dir, spi, prev);
		return BF_EXIT_FAIL;
	}
	if (klog >= 0)
		close(klog);
	bf_bound_mtd(dir, spi);
	return BF_EXIT_OK;
}

static int bf_cmd_unbind(struct bf_opts *o)
{
	char dir[256], drv[64];
	const char *spi = o->file;

	if (bf_spidev_dir(spi, dir, sizeof(dir)))
		return BF_EXIT_FAIL;
	bf_driver_of(dir, drv, sizeof(drv));
	if (strcmp(drv, BF_DRV)) {
		printf("%s is not bound to %s (driver: %s).\n", spi, BF_DRV,
		       drv[0] ? drv : "none");
	} else if (bf_spi_write(BF_SYS_SPI "/drivers/" BF_DRV, "unbind", spi)) {
		return BF_EXIT_FAIL;
	}
	if (bf_spi_write(dir, "driver_override", "\n"))
		return BF_EXIT_FAIL;
	printf("%s has no driver now. To hand it to spidev (flashrom):\n"
	       "  echo spidev > %s/driver_override; echo %s > %s/drivers/spidev/bind\n",
	       spi, dir, spi, BF_SYS_SPI);
	return BF_EXIT_OK;
}

/* --- command line ------------------------------------------------------------- */

static void bf_usage(FILE *f)
{
	fputs("Usage: biosflash COMMAND [OPTIONS] [ARGS]\n"
	      "Read, check and write a PC BIOS SPI NOR chip driven by the biosflash module.\n"
	      "\n"
	      "Commands (DEV is /dev/mtdN or mtdN; default: the first biosflash device):\n"
	      "  status [DEV]              chip, size, ID, voltages, protection, warnings\n"
	      "  check FILE [DEV]          is FILE a full image for this chip? OK/WARNING/REFUSE\n"
	      "  write FILE [DEV]          check, then write only what differs, verify\n"
	      "  backup FILE [DEV]         read the chip N times, compare, save FILE + FILE.sha256\n"
	      "                            (new files only, unless --force)\n"
	      "  unlock [DEV]              clear the chip's write protection\n"
	      "  lock [DEV]                write-protect the whole chip\n"
	      "  bind SPIDEV               hand SPI device SPIDEV (e.g. spi0.0) to biosflash\n"
	      "  unbind SPIDEV             release it again\n"
	      "\n"
	      "Options:\n"
	      "  -f, --force               write: write even a REFUSE verdict;\n"
	      "                            backup: replace an existing FILE\n"
	      "  -s, --strip               check, write: use the ROM image inside an AMI/ASUS\n"
	      "                            capsule (.CAP) instead of the whole file\n"
	      "  -x, --extract OUT         check: save the ROM image inside a capsule to OUT\n"
	      "  -n, --reads N             backup: read the chip N times (default 2, at least 2)\n"
	      "      --size SIZE           check: compare with a chip of SIZE bytes (K/M suffix)\n"
	      "                            instead of a device\n"
	      "  -h, --help                this help\n"
	      "  -V, --version             the tool's and the loaded driver's versions\n"
	      "\n"
	      "Exit codes:\n"
	      "  0  success (check: verdict OK or WARNING)\n"
	      "  1  failure (device, file, driver or chip error; unstable backup reads;\n"
	      "     write refused because the chip is protected or the voltage is wrong)\n"
	      "  2  usage error\n"
	      "  3  check refused (REFUSE verdict; write: nothing was written);\n"
	      "     backup refused (FILE exists, or a blank read would replace it)\n"
	      "  4  verify mismatch after writing\n"
	      "  5  interrupted (SIGINT/SIGTERM); the chip's state is printed\n"
	      "\n"
	      "Examples:\n"
	      "  biosflash status\n"
	      "  biosflash backup -n 3 old.bin\n"
	      "  biosflash check new.bin && biosflash write new.bin\n"
	      "  biosflash write --strip BOARD-ASUS-1234.CAP\n"
	      "\n"
	      "See biosflash(8).\n", f);
}

/* the tool's version, and the loaded driver's (its MODULE_VERSION) */
static int bf_version(void)
{
	char v[64] = "";
	FILE *f = fopen("/sys/module/biosflash/version", "r");

	printf("biosflash %s\n", BF_VERSION);
	if (f) {
		if (!fgets(v, sizeof(v), f))
			v[0] = 0;
		fclose(f);
		v[strcspn(v, "\n")] = 0;
	}
	if (v[0])
		printf("driver biosflash.ko %s (loaded)\n", v);
	else
		printf("driver biosflash.ko not loaded\n");
	return BF_EXIT_OK;
}

struct bf_cmd {
	const char *name;
	int (*fn)(struct bf_opts *o);
	unsigned int min, max;	/* positional arguments */
	const char *opts;	/* options it takes */
};

static const struct bf_cmd bf_cmds[] = {
	{ "status", bf_cmd_status, 0, 1, "" },
	{ "check", bf_cmd_check, 1, 2, "sxS" },
	{ "write", bf_cmd_write, 1, 2, "fs" },
	{ "backup", bf_cmd_backup, 1, 2, "fn" },
	{ "unlock", bf_cmd_protect, 0, 1, "" },
	{ "lock", bf_cmd_protect, 0, 1, "" },
	{ "bind", bf_cmd_bind, 1, 1, "" },
	{ "unbind", bf_cmd_unbind, 1, 1, "" },
};

static const struct option bf_longopts[] = {
	{ "force", no_argument, NULL, 'f' },
	{ "strip", no_argument, NULL, 's' },
	{ "extract", required_argument, NULL, 'x' },
	{ "reads", required_argument, NULL, 'n' },
	{ "size", required_argument, NULL, 'S' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

static int bf_usage_error(const char *fmt, const char *arg)
{
	fputs("biosflash: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("Try 'biosflash --help'.\n", stderr);
	return BF_EXIT_USAGE;
}

static int bf_option(struct bf_opts *o, const struct bf_cmd *c, int opt,
		     const char *arg)
{
	char *end;

	if (opt == '?')
		return BF_EXIT_USAGE;
	if (!strchr(c->opts, opt))
		return bf_usage_error("this option does not apply to '%s'\n",
				      c->name);
	if (opt == 'f')
		o->force = 1;
	else if (opt == 's')
		o->strip = 1;
	else if (opt == 'x')
		o->extract = arg;
	else if (opt == 'S' && bf_parse_size(arg, &o->size))
		return bf_usage_error("bad --size '%s'\n", arg);
	if (opt == 'n') {
		o->reads = strtoul(arg, &end, 10);
		if (*end || o->reads < 2 || o->reads > 100)
			return bf_usage_error("-n wants 2 to 100 reads, not '%s'\n",
					      arg);
	}
	return 0;
}

/* "biosflash write [--strip] [--force] FILE DEV", to resume a write */
static void bf_resume_line(struct bf_opts *o, const struct bf_dev *d,
			   char *buf, size_t len)
{
	snprintf(buf, len, "biosflash write%s%s %s %s", o->strip ? " --strip" : "",
		 o->force ? " --force" : "", o->file, d->path);
	o->cmdline = buf;
}

static int bf_parse(struct bf_opts *o, const struct bf_cmd *c, int argc,
		    char **argv)
{
	unsigned int npos;
	int opt, ret;

	opterr = 1;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "fsx:n:h", bf_longopts,
				  NULL)) != -1) {
		if (opt == 'h') {
			bf_usage(stdout);
			exit(BF_EXIT_OK);
		}
		ret = bf_option(o, c, opt, optarg);
		if (ret)
			return ret;
	}
	npos = argc - optind;
	if (npos < c->min || npos > c->max)
		return bf_usage_error("wrong number of arguments for '%s'\n",
				      c->name);
	if (c->min)
		o->file = argv[optind++];
	if (optind < argc)
		o->dev = argv[optind];
	return 0;
}

int main(int argc, char **argv)
{
	struct bf_opts o = { .reads = 2 };
	char resume[8192];
	struct bf_dev d;
	unsigned int i;
	int ret;

	if (argc < 2)
		return bf_usage_error("%s", "no command given\n");
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help") ||
	    !strcmp(argv[1], "help")) {
		bf_usage(stdout);
		return BF_EXIT_OK;
	}
	if (!strcmp(argv[1], "-V") || !strcmp(argv[1], "--version"))
		return bf_version();
	for (i = 0; i < ARRAY_SIZE(bf_cmds); i++)
		if (!strcmp(argv[1], bf_cmds[i].name))
			break;
	if (i == ARRAY_SIZE(bf_cmds))
		return bf_usage_error("unknown command '%s'\n", argv[1]);
	o.cmd = bf_cmds[i].name;
	ret = bf_parse(&o, &bf_cmds[i], argc - 1, argv + 1);
	if (ret)
		return ret;
	if (!strcmp(o.cmd, "write")) {
		if (bf_dev_name(o.dev, &d))
			return BF_EXIT_FAIL;
		bf_resume_line(&o, &d, resume, sizeof(resume));
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	return bf_cmds[i].fn(&o);
}
