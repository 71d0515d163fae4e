// SPDX-License-Identifier: GPL-2.0
/*
 * biosflash(8): report: one plain text to paste into a forum post or a bug
 * report: versions, the machine, the chip and its registers, the declared
 * voltage and clock, and the driver's last kernel log lines.  It reads
 * only sysfs, /proc and the kernel log; the chip is not accessed, so it
 * also works when the driver did not take the chip.
 */

#include <sys/utsname.h>

#include "bf.h"

#define BF_REPORT_LINES	40

/* the first line of FILE, or "unknown" */
static const char *bf_first_line(const char *file, char *buf, size_t len)
{
	if (bf_read_str(file, buf, len) || !buf[0])
		snprintf(buf, len, "unknown");
	buf[strcspn(buf, "\n")] = 0;
	return buf;
}

/* PRETTY_NAME of os-release(5) */
static const char *bf_os_name(char *buf, size_t len)
{
	char line[256], *v;
	FILE *f = fopen("/etc/os-release", "r");

	snprintf(buf, len, "unknown");
	if (!f)
		return buf;
	while (fgets(line, sizeof(line), f)) {
		if (strncmp(line, "PRETTY_NAME=", 12))
			continue;
		v = line + 12 + (line[12] == '"');
		v[strcspn(v, "\"\n")] = 0;
		snprintf(buf, len, "%s", v);
	}
	fclose(f);
	return buf;
}

static void bf_report_machine(void)
{
	char buf[256], os[128];
	struct utsname u;

	printf("tool:     biosflash %s\n", BF_VERSION);
	if (!bf_read_str("/sys/module/biosflash/version", buf, sizeof(buf))) {
		buf[strcspn(buf, "\n")] = 0;
		printf("driver:   biosflash.ko %s (loaded)\n", buf);
	} else {
		printf("driver:   biosflash.ko not loaded\n");
	}
	if (!uname(&u))
		printf("kernel:   %s %s %s %s\n", u.sysname, u.release, u.version,
		       u.machine);
	printf("os:       %s\n", bf_os_name(os, sizeof(os)));
	/* a Pi names itself in its device tree; a PC in DMI */
	if (!bf_read_str("/proc/device-tree/model", buf, sizeof(buf)) && buf[0])
		printf("machine:  %s\n", buf);
	else
		printf("machine:  %s\n",
		       bf_first_line("/sys/class/dmi/id/product_name", buf,
				     sizeof(buf)));
}

static void bf_report_line(const char *key, const struct bf_dev *d,
			   const char *attr, const char *unit)
{
	char buf[512], *p;

	bf_attr_or(d, attr, buf, sizeof(buf));
	/* several lines (protect_regs, protect): one line here */
	for (p = buf; *p; p++)
		if (*p == '\n')
			*p = ' ';
	while (p > buf && p[-1] == ' ')
		*--p = 0;
	printf("%-9s %s%s\n", key, buf, unit);
}

static void bf_report_device(const char *arg)
{
	char name[64];
	struct bf_dev d;

	if (!arg && bf_find_default() < 0) {
		printf("device:   none (no biosflash MTD device; see the kernel log below)\n");
		return;
	}
	if (bf_dev_name(arg, &d) || bf_dev_geometry(&d))
		return;
	bf_attr_or(&d, "name", name, sizeof(name));
	printf("device:   %s (%s), %llu bytes, %u-byte erase blocks\n", d.path,
	       name, d.size, d.erasesize);
	bf_report_line("chip:", &d, "chip", "");
	bf_report_line("jedec:", &d, "jedec_id", "");
	bf_report_line("supply:", &d, "supply_voltage", " mV (the chip's range)");
	bf_report_line("bus:", &d, "io_voltage", " mV declared, not measured");
	bf_report_line("volt_ok:", &d, "voltage_ok", "");
	bf_report_line("clock:", &d, "clock_hz", " Hz");
	bf_report_line("protect:", &d, "protect", "");
	bf_report_line("mode:", &d, "protect_mode", "");
	bf_report_line("regs:", &d, "protect_regs", "");
}

/* the biosflash and spi lines of the boot's config.txt */
static void bf_report_config(void)
{
	static const char * const files[] = {
		"/boot/firmware/config.txt", "/boot/config.txt",
	};
	char line[256];
	unsigned int i;
	FILE *f;

	for (i = 0; i < ARRAY_SIZE(files); i++) {
		f = fopen(files[i], "r");
		if (!f)
			continue;
		while (fgets(line, sizeof(line), f))
			if (strstr(line, "biosflash") || strstr(line, "spi"))
				printf("config:   %s: %s", files[i], line);
		fclose(f);
		return;
	}
	printf("config:   no config.txt (not a Raspberry Pi, or not mounted)\n");
}

/* The driver's last lines in the kernel log, with their time stamps. */
static void bf_report_klog(void)
{
	static char lines[BF_REPORT_LINES][300];
	unsigned long long usec;
	unsigned int n = 0, i;
	const char *msg;
	char rec[1024];
	int fd;

	fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		printf("kernel log: cannot read /dev/kmsg: %s (run as root)\n",
		       strerror(errno));
		return;
	}
	while ((msg = bf_klog_next(fd, rec, sizeof(rec), &usec))) {
		snprintf(lines[n % BF_REPORT_LINES], sizeof(lines[0]),
			 "[%5llu.%06llu] %s", usec / 1000000, usec % 1000000,
			 msg);
		n++;
	}
	close(fd);
	printf("kernel log (the driver's last %u lines):\n",
	       n < BF_REPORT_LINES ? n : BF_REPORT_LINES);
	for (i = n > BF_REPORT_LINES ? n - BF_REPORT_LINES : 0; i < n; i++)
		printf("  %s\n", lines[i % BF_REPORT_LINES]);
}

int bf_cmd_report(struct bf_opts *o)
{
	printf("---- biosflash report: paste everything down to the end line ----\n");
	bf_report_machine();
	bf_report_device(o->dev);
	bf_report_config();
	bf_report_klog();
	printf("---- end of biosflash report ----\n");
	return BF_EXIT_OK;
}
