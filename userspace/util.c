// SPDX-License-Identifier: GPL-2.0
/* biosflash(8): messages, signals, progress and SHA-256 (OpenSSL libcrypto) */

#include <openssl/evp.h>

#include "bf.h"

/* --- messages and small helpers ------------------------------------------ */

void bf_err(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs("biosflash: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
}

__u32 bf_le32(const __u8 *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (__u32)p[3] << 24;
}

__u32 bf_le16(const __u8 *p)
{
	return p[0] | p[1] << 8;
}

/* "32 MiB", "64 KiB", "2 KiB" or "16779264 bytes" */
const char *bf_size(__u64 n, char *buf, size_t len)
{
	if (n && !(n % BF_MIB))
		snprintf(buf, len, "%llu MiB", n / BF_MIB);
	else if (n && !(n % BF_KIB))
		snprintf(buf, len, "%llu KiB", n / BF_KIB);
	else
		snprintf(buf, len, "%llu bytes", (unsigned long long)n);
	return buf;
}

int bf_all(const __u8 *p, size_t len, __u8 val)
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
int bf_stop_requested(void)
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
const char *bf_hup_setup(void)
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

/* --- progress ------------------------------------------------------------- */

void bf_progress_start(struct bf_progress *p, const char *what,
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
void bf_progress(struct bf_progress *p, __u64 done)
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

void bf_progress_end(struct bf_progress *p, __u64 done)
{
	p->last = 0;
	bf_progress(p, done);
	if (p->tty)
		fputc('\n', stderr);
}

/* --- SHA-256, for FILE.sha256 --------------------------------------------- */

/* hex: 65 bytes, the digest as sha256sum(1) prints it */
int bf_sha256(const __u8 *p, size_t len, char *hex)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n, i;

	if (!EVP_Digest(p, len, md, &n, EVP_sha256(), NULL) || n != 32) {
		bf_err("SHA-256 failed (OpenSSL libcrypto)\n");
		return -EIO;
	}
	for (i = 0; i < n; i++)
		snprintf(hex + 2 * i, 3, "%02x", md[i]);
	return 0;
}
