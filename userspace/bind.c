// SPDX-License-Identifier: GPL-2.0
/* biosflash(8): bind and unbind: moving an SPI device from spidev to biosflash */

#include "bf.h"

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

int bf_cmd_bind(struct bf_opts *o)
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

int bf_cmd_unbind(struct bf_opts *o)
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
