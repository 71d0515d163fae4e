// SPDX-License-Identifier: GPL-2.0
/*
 * bf_hooks: two kernel events the VM tests cannot cause from user space,
 * for biosflash_lifecycle.sh (Documentation/testing.rst, "Remove and
 * shutdown").  A test fixture: it knows nothing of the driver under test
 * and reaches it only through the driver core and the MTD core.
 *
 *   echo spi0.0 > /sys/module/bf_hooks/parameters/shutdown
 *	calls the SPI device's shutdown as device_shutdown() does at reboot
 *	or power-off (drivers/base/core.c), with the device lock held.
 *
 *   echo 1 > /sys/module/bf_hooks/parameters/fail_unregister
 *	makes the next mtd_device_unregister() fail with -EBUSY without
 *	doing anything, so the MTD device stays registered and the MTD core
 *	may still call its driver (x86-64: a kprobe at its entry returns
 *	from it, as CONFIG_FUNCTION_ERROR_INJECTION does for the functions
 *	it allows).  Older MTD cores refused so while the device was in use
 *	(-EBUSY in del_mtd_device() before v5.19, drivers/mtd/mtdcore.c).
 *	unregister_failed counts the calls made to fail.
 *
 *   echo 1 > /sys/module/bf_hooks/parameters/complete_unregister
 *	unregisters the device last refused, for real, so that the boot can
 *	go on (rmmod of its driver) after the test.
 *
 *   cat biosflash.dtbo > /sys/kernel/debug/bf_hooks/overlay
 *	applies a device tree overlay to the live tree with
 *	of_overlay_fdt_apply() (drivers/of/overlay.c), the call the
 *	Raspberry Pi kernel's configfs overlay interface makes for
 *	"sudo dtoverlay NAME" (CONFIG_OF_OVERLAY kernels only); overlay_id
 *	then holds its changeset id, and writing that id to overlay_remove
 *	removes it again (of_overlay_remove()), as "sudo dtoverlay -r" does.
 *
 * Copyright (C) 2026 The biosflash authors
 */

#include <linux/atomic.h>
#include <linux/debugfs.h>
#include <linux/device.h>
#include <linux/kprobes.h>
#include <linux/module.h>
#include <linux/mtd/mtd.h>
#include <linux/of.h>
#include <linux/ptrace.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/spi/spi.h>
#include <linux/string.h>

static atomic_t bf_fail_unregister = ATOMIC_INIT(0);
static atomic_t bf_unregister_failed = ATOMIC_INIT(0);
static struct mtd_info *bf_refused;

/* where a refused call of mtd_device_unregister() goes instead */
static noinline int bf_return_ebusy(void)
{
	return -EBUSY;
}

NOKPROBE_SYMBOL(bf_return_ebusy);

static int bf_unregister_pre(struct kprobe *p, struct pt_regs *regs)
{
	if (atomic_dec_if_positive(&bf_fail_unregister) < 0)
		return 0;
	/* the first argument (x86-64 calling convention) */
	WRITE_ONCE(bf_refused, (struct mtd_info *)regs->di);
	atomic_inc(&bf_unregister_failed);
	/* enter bf_return_ebusy() as if called: it returns to the caller */
	instruction_pointer_set(regs, (unsigned long)bf_return_ebusy);
	return 1;
}

NOKPROBE_SYMBOL(bf_unregister_pre);

/*
 * Never called (the pre-handler's return skips it), but a kprobe with a
 * post-handler is never jump-optimized, and an optimized kprobe ignores a
 * changed instruction pointer (as kernel/fail_function.c does).
 */
static void bf_unregister_post(struct kprobe *p, struct pt_regs *regs,
			       unsigned long flags)
{
}

NOKPROBE_SYMBOL(bf_unregister_post);

static struct kprobe bf_unregister_probe = {
	.symbol_name = "mtd_device_unregister",
	.pre_handler = bf_unregister_pre,
	.post_handler = bf_unregister_post,
};

static int bf_set_fail(const char *val, const struct kernel_param *kp)
{
	unsigned int n;
	int ret = kstrtouint(val, 0, &n);

	if (ret)
		return ret;
	atomic_set(&bf_fail_unregister, n);
	return 0;
}

static int bf_get_atomic(char *buf, const struct kernel_param *kp)
{
	return sysfs_emit(buf, "%d\n", atomic_read(kp->arg));
}

static const struct kernel_param_ops bf_fail_ops = {
	.set = bf_set_fail,
	.get = bf_get_atomic,
};
module_param_cb(fail_unregister, &bf_fail_ops, &bf_fail_unregister, 0600);
MODULE_PARM_DESC(fail_unregister,
		 "the next N calls of mtd_device_unregister() return -EBUSY");

static const struct kernel_param_ops bf_count_ops = {
	.get = bf_get_atomic,
};
module_param_cb(unregister_failed, &bf_count_ops, &bf_unregister_failed, 0400);
MODULE_PARM_DESC(unregister_failed, "calls made to fail so far");

static int bf_shutdown(const char *val, const struct kernel_param *kp)
{
	char name[32];
	struct device *dev;

	strscpy(name, val, sizeof(name));
	strim(name);
	dev = bus_find_device_by_name(&spi_bus_type, NULL, name);
	if (!dev)
		return -ENODEV;
	/* as device_shutdown() does for each device */
	device_lock(dev);
	if (dev->bus && dev->bus->shutdown)
		dev->bus->shutdown(dev);
	else if (dev->driver && dev->driver->shutdown)
		dev->driver->shutdown(dev);
	device_unlock(dev);
	put_device(dev);
	return 0;
}

static const struct kernel_param_ops bf_shutdown_ops = {
	.set = bf_shutdown,
};
module_param_cb(shutdown, &bf_shutdown_ops, NULL, 0200);
MODULE_PARM_DESC(shutdown, "call the shutdown of this SPI device (spi0.0)");

static int bf_complete(const char *val, const struct kernel_param *kp)
{
	struct mtd_info *mtd;
	int ret;

	mtd = xchg(&bf_refused, NULL);
	ret = mtd ? mtd_device_unregister(mtd) : -ENOENT;
	return ret;
}

static const struct kernel_param_ops bf_complete_ops = {
	.set = bf_complete,
};
module_param_cb(complete_unregister, &bf_complete_ops, NULL, 0200);
MODULE_PARM_DESC(complete_unregister,
		 "unregister the MTD device whose unregistration was refused");

#if IS_ENABLED(CONFIG_OF_OVERLAY)
static int bf_overlay_id;	/* the last overlay applied, 0: none */
module_param_named(overlay_id, bf_overlay_id, int, 0400);
MODULE_PARM_DESC(overlay_id, "changeset id of the last overlay applied");
static struct dentry *bf_debugfs;

/* the whole .dtbo in one write, as dtoverlay hands it to the kernel */
static ssize_t bf_overlay_write(struct file *file, const char __user *ubuf,
				size_t len, loff_t *ppos)
{
	int id = 0, ret;
	void *fdt;

	if (*ppos || !len || len > SZ_64K)
		return -EINVAL;
	fdt = memdup_user(ubuf, len);
	if (IS_ERR(fdt))
		return PTR_ERR(fdt);
	/* the overlay core keeps its own copy of the blob */
	ret = of_overlay_fdt_apply(fdt, len, &id, NULL);
	kfree(fdt);
	if (ret) {
		if (id)
			of_overlay_remove(&id);
		return ret;
	}
	WRITE_ONCE(bf_overlay_id, id);
	*ppos = len;
	return len;
}

static const struct file_operations bf_overlay_fops = {
	.owner = THIS_MODULE,
	.write = bf_overlay_write,
};

static int bf_overlay_remove(const char *val, const struct kernel_param *kp)
{
	int id, want, ret;

	ret = kstrtoint(val, 0, &want);
	if (ret)
		return ret;
	id = want;
	ret = of_overlay_remove(&id);
	if (!ret && READ_ONCE(bf_overlay_id) == want)
		WRITE_ONCE(bf_overlay_id, 0);
	return ret;
}

static const struct kernel_param_ops bf_overlay_remove_ops = {
	.set = bf_overlay_remove,
};
module_param_cb(overlay_remove, &bf_overlay_remove_ops, NULL, 0200);
MODULE_PARM_DESC(overlay_remove, "remove the overlay with this changeset id");

static void bf_overlay_init(void)
{
	bf_debugfs = debugfs_create_dir("bf_hooks", NULL);
	debugfs_create_file("overlay", 0200, bf_debugfs, NULL, &bf_overlay_fops);
}

static void bf_overlay_exit(void)
{
	debugfs_remove_recursive(bf_debugfs);
}
#else
static void bf_overlay_init(void) { }
static void bf_overlay_exit(void) { }
#endif

static int __init bf_hooks_init(void)
{
	int ret = register_kprobe(&bf_unregister_probe);

	if (ret) {
		pr_err("bf_hooks: cannot probe mtd_device_unregister: %d (CONFIG_KPROBES?)\n",
		       ret);
		return ret;
	}
	bf_overlay_init();
	return 0;
}
module_init(bf_hooks_init);

static void __exit bf_hooks_exit(void)
{
	bf_overlay_exit();
	unregister_kprobe(&bf_unregister_probe);
}
module_exit(bf_hooks_exit);

MODULE_DESCRIPTION("biosflash test hooks: device shutdown, failed MTD unregistration, run-time overlays");
MODULE_LICENSE("GPL");
