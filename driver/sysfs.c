// SPDX-License-Identifier: GPL-2.0
/*
 * biosflash sysfs: block protection files on the MTD class device
 * (/sys/class/mtd/mtdN/protect, protect_mode, protect_regs), as documented
 * in Documentation/ABI/testing/sysfs-class-mtd-biosflash.  The group hangs
 * on mtd->dev.groups, set before registration, so the files exist when the
 * uevent goes out.  Without a protection layout only protect is shown, as
 * "unknown", and refuses every request.
 */
#include <linux/device.h>
#include <linux/kernel.h>
#include <linux/mtd/mtd.h>
#include <linux/sysfs.h>

#include "biosflash.h"

/* "0x01ff0000-0x01ffffff\n" */
#define BF_RANGE_LINE_LEN	22
#define BF_RANGE_MORE		"...\n"

/* add_mtd_device() sets the MTD device's driver data to the mtd_info. */
static struct bf_flash *bf_sysfs_flash(struct device *dev)
{
	struct mtd_info *mtd = dev_get_drvdata(dev);

	return to_bf_flash(mtd);
}

struct bf_sysfs_ranges {
	char *buf;
	u64 size;
	int len;
};

/* One line per range; a list that would overflow the page ends in "...". */
static int bf_sysfs_range(void *arg, u64 start, u64 len)
{
	struct bf_sysfs_ranges *r = arg;

	if (r->len + BF_RANGE_LINE_LEN + sizeof(BF_RANGE_MORE) > PAGE_SIZE) {
		r->len += sysfs_emit_at(r->buf, r->len, BF_RANGE_MORE);
		return 1;
	}
	if (!start && len == r->size) {
		r->len += sysfs_emit_at(r->buf, r->len, "all\n");
		return 1;
	}
	r->len += sysfs_emit_at(r->buf, r->len, "0x%08llx-0x%08llx\n", start,
				start + len - 1);
	return 0;
}

static ssize_t protect_show(struct device *dev, struct device_attribute *attr,
			    char *buf)
{
	struct bf_flash *flash = bf_sysfs_flash(dev);
	struct bf_sysfs_ranges r = {
		.buf = buf,
		.size = flash->params.size,
	};
	int ret;

	if (!bf_prot_layout(flash))
		return sysfs_emit(buf, "unknown\n");
	ret = bf_prot_ranges(flash, bf_sysfs_range, &r);
	if (ret)
		return ret;
	return r.len ?: sysfs_emit(buf, "none\n");
}

static const struct {
	const char *cmd;
	bool lock;
	bool vol;
} bf_sysfs_cmds[] = {
	{ "unlock", false, false },
	{ "lock", true, false },
	{ "unlock volatile", false, true },
	{ "lock volatile", true, true },
};

static ssize_t protect_store(struct device *dev,
			     struct device_attribute *attr, const char *buf,
			     size_t count)
{
	struct bf_flash *flash = bf_sysfs_flash(dev);
	unsigned int i;
	int ret;

	for (i = 0; i < ARRAY_SIZE(bf_sysfs_cmds); i++)
		if (sysfs_streq(buf, bf_sysfs_cmds[i].cmd))
			break;
	if (i == ARRAY_SIZE(bf_sysfs_cmds))
		return -EINVAL;
	if (!bf_prot_layout(flash)) {
		dev_err(flash->dev, "cannot %s: protection layout unknown for %s (JEDEC ID %*phN): the driver cannot tell which status bits protect what, so it writes none; use a tool that knows this part\n",
			bf_sysfs_cmds[i].cmd,
			flash->chip ? flash->chip->name : "this chip", 3,
			flash->id);
		return -EOPNOTSUPP;
	}

	ret = bf_prot_set(flash, bf_sysfs_cmds[i].lock, bf_sysfs_cmds[i].vol);
	return ret ?: count;
}
static DEVICE_ATTR_RW(protect);

static ssize_t protect_mode_show(struct device *dev,
				 struct device_attribute *attr, char *buf)
{
	struct bf_flash *flash = bf_sysfs_flash(dev);
	u8 regs[BF_PROT_NREGS];
	int ret;

	ret = bf_prot_regs(flash, regs);
	if (ret)
		return ret;
	return sysfs_emit(buf, "%s\n", bf_prot_mode(bf_prot_layout(flash), regs));
}
static DEVICE_ATTR_RO(protect_mode);

static ssize_t protect_regs_show(struct device *dev,
				 struct device_attribute *attr, char *buf)
{
	struct bf_flash *flash = bf_sysfs_flash(dev);
	u8 regs[BF_PROT_NREGS];
	char str[64];
	int ret;

	ret = bf_prot_regs(flash, regs);
	if (ret)
		return ret;
	bf_prot_format_regs(bf_prot_layout(flash), regs, str, sizeof(str));
	return sysfs_emit(buf, "%s\n", str);
}
static DEVICE_ATTR_RO(protect_regs);

static struct attribute *bf_sysfs_attrs[] = {
	&dev_attr_protect.attr,
	&dev_attr_protect_mode.attr,
	&dev_attr_protect_regs.attr,
	NULL
};

static umode_t bf_sysfs_is_visible(struct kobject *kobj,
				   struct attribute *attr, int n)
{
	struct bf_flash *flash = bf_sysfs_flash(kobj_to_dev(kobj));

	/* protect says "unknown" without a layout; the others need one */
	if (attr == &dev_attr_protect.attr || bf_prot_layout(flash))
		return attr->mode;
	return 0;
}

static const struct attribute_group bf_sysfs_group = {
	.attrs = bf_sysfs_attrs,
	.is_visible = bf_sysfs_is_visible,
};

static ssize_t chip_show(struct device *dev, struct device_attribute *attr,
			 char *buf)
{
	struct bf_flash *flash = bf_sysfs_flash(dev);

	return sysfs_emit(buf, "%s\n", flash->chip ? flash->chip->name : "unknown");
}
static DEVICE_ATTR_RO(chip);

static ssize_t jedec_id_show(struct device *dev, struct device_attribute *attr,
			     char *buf)
{
	struct bf_flash *flash = bf_sysfs_flash(dev);

	return sysfs_emit(buf, "%*phN\n", 3, flash->id);
}
static DEVICE_ATTR_RO(jedec_id);

static ssize_t supply_voltage_show(struct device *dev,
				   struct device_attribute *attr, char *buf)
{
	struct bf_flash *flash = bf_sysfs_flash(dev);

	if (!flash->vcc_max_mv)
		return sysfs_emit(buf, "unknown\n");
	return sysfs_emit(buf, "%u-%u\n", flash->vcc_min_mv, flash->vcc_max_mv);
}
static DEVICE_ATTR_RO(supply_voltage);

static ssize_t io_voltage_show(struct device *dev,
			       struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%u\n", bf_sysfs_flash(dev)->io_mv);
}
static DEVICE_ATTR_RO(io_voltage);

static ssize_t voltage_ok_show(struct device *dev,
			       struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%d\n", bf_sysfs_flash(dev)->voltage_ok);
}
static DEVICE_ATTR_RO(voltage_ok);

/* the clock the SPI core set up: spi-max-frequency, capped by the controller */
static ssize_t clock_hz_show(struct device *dev,
			     struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%u\n",
			  bf_sysfs_flash(dev)->spimem->spi->max_speed_hz);
}
static DEVICE_ATTR_RO(clock_hz);

/* identity and voltage: every chip has them */
static struct attribute *bf_sysfs_chip_attrs[] = {
	&dev_attr_chip.attr,
	&dev_attr_jedec_id.attr,
	&dev_attr_supply_voltage.attr,
	&dev_attr_io_voltage.attr,
	&dev_attr_voltage_ok.attr,
	&dev_attr_clock_hz.attr,
	NULL
};

static const struct attribute_group bf_sysfs_chip_group = {
	.attrs = bf_sysfs_chip_attrs,
};

const struct attribute_group *bf_sysfs_groups[] = {
	&bf_sysfs_group,
	&bf_sysfs_chip_group,
	NULL
};
