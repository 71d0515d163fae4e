// SPDX-License-Identifier: GPL-2.0
/* biosflash(8): the MTD device and the driver's sysfs files */

#include "bf.h"

/* --- sysfs ----------------------------------------------------------------- */

/* Read a sysfs file, trailing white space removed; 0 or -errno. */
int bf_read_str(const char *path, char *buf, size_t len)
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

int bf_write_str(const char *path, const char *s)
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

int bf_attr(const struct bf_dev *d, const char *attr, char *buf,
	    size_t len)
{
	char path[128];

	snprintf(path, sizeof(path), BF_SYS_MTD "/%s/%s", d->name, attr);
	return bf_read_str(path, buf, len);
}

/* The attribute's value, or "unknown" when the driver does not have it. */
const char *bf_attr_or(const struct bf_dev *d, const char *attr,
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
void bf_driver_of(const char *devdir, char *buf, size_t len)
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
int bf_klog_open(void)
{
	int fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);

	if (fd >= 0)
		lseek(fd, 0, SEEK_END);
	return fd;
}

/* Print the driver's lines logged since bf_klog_open(), and close. */
/*
 * The next /dev/kmsg record the driver wrote ("biosflash spi0.0: ..."):
 * its text, newline cut, and its time stamp; NULL at the end of the log.
 */
const char *bf_klog_next(int fd, char *rec, size_t len,
			 unsigned long long *usec)
{
	size_t drv = strlen(BF_DRV);
	char *msg;
	ssize_t n;

	for (;;) {
		n = read(fd, rec, len - 1);
		if (n < 0 && errno == EPIPE)
			continue;	/* records lost to wrap-around */
		if (n <= 0)
			return NULL;
		rec[n] = '\0';
		msg = strchr(rec, ';');
		if (!msg || strncmp(msg + 1, BF_DRV, drv) ||
		    (msg[1 + drv] != ' ' && msg[1 + drv] != ':') ||
		    sscanf(rec, "%*u,%*u,%llu", usec) != 1)
			continue;
		msg[strcspn(msg, "\n")] = '\0';
		return msg + 1;
	}
}

void bf_klog_show(int fd)
{
	unsigned long long usec;
	const char *msg;
	char rec[1024];

	if (fd < 0)
		return;
	while ((msg = bf_klog_next(fd, rec, sizeof(rec), &usec)))
		printf("  kernel: %s\n", msg);
	close(fd);
}

/* --- the MTD device ------------------------------------------------------- */

int bf_mtd_number(const char *name)
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
int bf_find_default(void)
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
int bf_dev_name(const char *arg, struct bf_dev *d)
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
int bf_dev_geometry(struct bf_dev *d)
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

int bf_dev_open(const char *arg, struct bf_dev *d, int flags)
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

int bf_pread_all(int fd, __u8 *buf, size_t len, __u64 off)
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

int bf_pwrite_all(int fd, const __u8 *buf, size_t len, __u64 off)
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
int bf_read_chip(int fd, const struct bf_dev *d, __u8 *buf, __u64 len,
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
