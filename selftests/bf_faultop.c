// SPDX-License-Identifier: GPL-2.0
/*
 * bf_faultop: one MTD or sysfs operation for the fault matrix
 * (biosflash_faults.sh), timed, its result printed as one line:
 *
 *   RESULT MS [pc=during|pc=after]
 *
 * RESULT is "OK" or the errno name (EIO, ENXIO, ...) of the failing call,
 * or "exitN" for a command run with "run"; MS the elapsed wall time in
 * milliseconds (CLOCK_MONOTONIC).  Shell has neither the errno of a
 * failed write(2)/ioctl(2) nor a millisecond clock, hence this helper.
 *
 *   bf_faultop [-p FILE@MS] read DEV OFF LEN [OUT]   pread, data to OUT
 *   bf_faultop [-p FILE@MS] write DEV OFF FILE       pwrite FILE at OFF
 *   bf_faultop [-p FILE@MS] erase DEV OFF LEN        MEMERASE
 *   bf_faultop [-p FILE@MS] store FILE STRING        write(2) to a file
 *   bf_faultop [-p FILE@MS] run CMD [ARG...]         exit status of CMD
 *   bf_faultop cmpout A B OFF LEN
 *   bf_faultop random OUT LEN SEED
 *
 * -p FILE@MS writes "1" to FILE (the simulator's power_cycle) MS ms after
 * the operation starts, from a child process; "pc=during" says it happened
 * before the operation returned, "pc=after" that the operation was over.
 *
 * cmpout compares files A and B outside [OFF, OFF + LEN): prints "same",
 * or "differs at 0xADDR" and exits 1.  random writes LEN pseudo-random
 * bytes (xorshift64) to OUT, much faster than /dev/urandom
 * in the VM.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <mtd/mtd-user.h>

#define CHUNK		0x100000
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

static const struct {
	int err;
	const char *name;
} errnames[] = {
	{ EPERM, "EPERM" }, { ENOENT, "ENOENT" }, { EINTR, "EINTR" },
	{ EIO, "EIO" }, { ENXIO, "ENXIO" }, { EBADF, "EBADF" },
	{ EAGAIN, "EAGAIN" }, { ENOMEM, "ENOMEM" }, { EACCES, "EACCES" },
	{ EFAULT, "EFAULT" }, { EBUSY, "EBUSY" }, { ENODEV, "ENODEV" },
	{ EINVAL, "EINVAL" }, { ENOSPC, "ENOSPC" }, { EROFS, "EROFS" },
	{ ENOTTY, "ENOTTY" }, { EMSGSIZE, "EMSGSIZE" },
	{ EOPNOTSUPP, "EOPNOTSUPP" }, { ETIMEDOUT, "ETIMEDOUT" },
	{ EILSEQ, "EILSEQ" }, { EUCLEAN, "EUCLEAN" }, { EBADMSG, "EBADMSG" },
};

static const char *errname(int err)
{
	static char buf[16];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(errnames); i++)
		if (errnames[i].err == err)
			return errnames[i].name;
	snprintf(buf, sizeof(buf), "E%d", err);
	return buf;
}

static long long now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static unsigned long long num(const char *s)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno || *end || end == s) {
		fprintf(stderr, "bf_faultop: bad number '%s'\n", s);
		exit(2);
	}
	return v;
}

static void *load(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (!f || fseek(f, 0, SEEK_END)) {
		perror(path);
		exit(2);
	}
	n = ftell(f);
	if (n < 0 || fseek(f, 0, SEEK_SET)) {
		perror(path);
		exit(2);
	}
	buf = malloc(n ? n : 1);
	if (!buf || fread(buf, 1, n, f) != (size_t)n) {
		perror(path);
		exit(2);
	}
	fclose(f);
	*len = n;
	return buf;
}

static int op_read(char **av, int ac)
{
	size_t len = num(av[2]), done = 0;
	off_t off = num(av[1]);
	char *buf = malloc(len ? len : 1);
	ssize_t n;
	int fd, err = 0;

	fd = open(av[0], O_RDONLY);
	if (fd < 0 || !buf)
		return errno;
	while (done < len) {
		n = pread(fd, buf + done, len - done, off + done);
		if (n < 0) {
			err = errno;
			break;
		}
		if (!n)
			break;
		done += n;
	}
	close(fd);
	if (ac > 3) {
		FILE *f = fopen(av[3], "wb");

		if (!f || fwrite(buf, 1, done, f) != done || fclose(f)) {
			perror(av[3]);
			exit(2);
		}
	}
	free(buf);
	return err;
}

static int op_write(char **av)
{
	off_t off = num(av[1]);
	size_t len, done = 0;
	char *buf = load(av[2], &len);
	ssize_t n;
	int fd, err = 0;

	fd = open(av[0], O_RDWR);
	if (fd < 0)
		return errno;
	while (done < len) {
		n = pwrite(fd, buf + done, len - done, off + done);
		if (n <= 0) {
			err = n < 0 ? errno : ENOSPC;
			break;
		}
		done += n;
	}
	close(fd);
	free(buf);
	return err;
}

static int op_erase(char **av)
{
	struct erase_info_user ei = {
		.start = num(av[1]),
		.length = num(av[2]),
	};
	int fd, err = 0;

	fd = open(av[0], O_RDWR);
	if (fd < 0)
		return errno;
	if (ioctl(fd, MEMERASE, &ei))
		err = errno;
	close(fd);
	return err;
}

static int op_store(char **av)
{
	size_t len = strlen(av[1]);
	int fd, err = 0;
	ssize_t n;

	fd = open(av[0], O_WRONLY);
	if (fd < 0)
		return errno;
	n = write(fd, av[1], len);
	if (n < 0)
		err = errno;
	else if ((size_t)n != len)
		err = EIO;
	close(fd);
	return err;
}

/* returns the exit status + 1000, so that it is told apart from an errno */
static int op_run(char **av)
{
	pid_t pid = fork();
	int st;

	if (pid < 0)
		return errno;
	if (!pid) {
		int fd = open("/dev/null", O_WRONLY);

		if (fd >= 0) {
			dup2(fd, STDOUT_FILENO);
			close(fd);
		}
		execvp(av[0], av);
		perror(av[0]);
		_exit(127);
	}
	if (waitpid(pid, &st, 0) < 0)
		return errno;
	return 1000 + (WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
}

/* first differing offset of [@from, @to) in chunks at @pos, or -1 */
static long long first_diff(const char *a, const char *b,
			    unsigned long long pos, unsigned long long from,
			    unsigned long long to)
{
	unsigned long long i;

	if (from < pos)
		from = pos;
	if (from >= to || !memcmp(a + from - pos, b + from - pos, to - from))
		return -1;
	for (i = from; a[i - pos] == b[i - pos]; i++)
		;
	return i;
}

static int cmpout(char **av)
{
	unsigned long long lo = num(av[2]), hi = lo + num(av[3]), pos = 0;
	static char a[CHUNK], b[CHUNK];
	int fa = open(av[0], O_RDONLY), fb = open(av[1], O_RDONLY);
	ssize_t na, nb;
	long long d;

	if (fa < 0 || fb < 0) {
		perror("cmpout");
		return 2;
	}
	for (;;) {
		na = pread(fa, a, CHUNK, pos);
		nb = pread(fb, b, CHUNK, pos);
		if (na < 0 || nb < 0) {
			perror("cmpout");
			return 2;
		}
		if (na != nb) {
			printf("sizes differ\n");
			return 1;
		}
		if (!na)
			break;
		/* the part before the range, then the part after it */
		d = first_diff(a, b, pos, 0, lo < pos + na ? lo : pos + na);
		if (d < 0)
			d = first_diff(a, b, pos, hi, pos + na);
		if (d >= 0) {
			printf("differs at 0x%08llx\n", d);
			return 1;
		}
		pos += na;
	}
	printf("same\n");
	return 0;
}

static int random_file(char **av)
{
	unsigned long long x = num(av[2]) * 0x9e3779b97f4a7c15ULL + 1;
	size_t len = num(av[1]), i;
	unsigned long long *buf = malloc(CHUNK);
	FILE *f = fopen(av[0], "wb");
	size_t n;

	if (!f || !buf) {
		perror(av[0]);
		return 2;
	}
	while (len) {
		for (i = 0; i < CHUNK / sizeof(*buf); i++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			buf[i] = x;
		}
		n = len < CHUNK ? len : CHUNK;
		if (fwrite(buf, 1, n, f) != n) {
			perror(av[0]);
			return 2;
		}
		len -= n;
	}
	free(buf);
	return fclose(f) ? 2 : 0;
}

/* child: sleep @ms, then write "1" to @path; the pipe gets the time */
static pid_t power_cycle_later(const char *path, unsigned int ms, int *rfd)
{
	int p[2];
	pid_t pid;

	if (pipe(p)) {
		perror("pipe");
		exit(2);
	}
	pid = fork();
	if (pid < 0) {
		perror("fork");
		exit(2);
	}
	if (!pid) {
		long long t;
		int fd;

		close(p[0]);
		usleep(ms * 1000);
		fd = open(path, O_WRONLY);
		if (fd < 0 || write(fd, "1", 1) != 1)
			_exit(1);
		close(fd);
		t = now_us();
		if (write(p[1], &t, sizeof(t)) != sizeof(t))
			_exit(1);
		_exit(0);
	}
	close(p[1]);
	*rfd = p[0];
	return pid;
}

static void print_usage(void)
{
	fputs("usage: bf_faultop [-p FILE@MS] read|write|erase|store|run ...\n"
	      "       bf_faultop cmpout A B OFF LEN\n"
	      "       bf_faultop random OUT LEN SEED\n", stderr);
	exit(2);
}

int main(int argc, char **argv)
{
	const char *pc_file = NULL;
	unsigned int pc_ms = 0;
	long long t0, t1, tpc = 0;
	pid_t pc_pid = 0;
	int err, pc_fd = -1, st;
	char *at, *cmd;

	if (argc > 2 && !strcmp(argv[1], "-p")) {
		at = strrchr(argv[2], '@');
		if (!at)
			print_usage();
		*at = '\0';
		pc_file = argv[2];
		pc_ms = num(at + 1);
		argv += 2;
		argc -= 2;
	}
	if (argc < 2)
		print_usage();
	cmd = argv[1];
	argv += 2;
	argc -= 2;
	if (!strcmp(cmd, "cmpout")) {
		if (argc != 4)
			print_usage();
		return cmpout(argv);
	}
	if (!strcmp(cmd, "random")) {
		if (argc != 3)
			print_usage();
		return random_file(argv);
	}

	if (pc_file)
		pc_pid = power_cycle_later(pc_file, pc_ms, &pc_fd);
	t0 = now_us();
	if (!strcmp(cmd, "read") && (argc == 3 || argc == 4))
		err = op_read(argv, argc);
	else if (!strcmp(cmd, "write") && argc == 3)
		err = op_write(argv);
	else if (!strcmp(cmd, "erase") && argc == 3)
		err = op_erase(argv);
	else if (!strcmp(cmd, "store") && argc == 2)
		err = op_store(argv);
	else if (!strcmp(cmd, "run") && argc >= 1)
		err = op_run(argv);
	else
		print_usage();
	t1 = now_us();

	if (err >= 1000)
		printf("exit%d", err - 1000);
	else
		printf("%s", err ? errname(err) : "OK");
	printf(" %lld", (t1 - t0) / 1000);
	if (pc_pid) {
		if (waitpid(pc_pid, &st, 0) < 0 || !WIFEXITED(st) ||
		    WEXITSTATUS(st) ||
		    read(pc_fd, &tpc, sizeof(tpc)) != sizeof(tpc))
			printf(" pc=failed");
		else
			printf(" pc=%s", tpc < t1 ? "during" : "after");
	}
	printf("\n");
	return 0;
}
