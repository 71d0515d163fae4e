// SPDX-License-Identifier: GPL-2.0
/*
 * flashsim debugfs control files, one directory per chip:
 * /sys/kernel/debug/flashsim/spiB.C/ (Documentation/flashsim.rst).
 *
 * Numeric files are a table of get/set pairs ("knobs"), one-word files
 * (fault_miso, fault_stuck_on) another ("choices"); image, locks and stats
 * have their own file operations.  Every handler takes
 * chip->lock, the same mutex the bus path holds for a whole message.
 */
#include <linux/debugfs.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "flashsim.h"

static struct dentry *flashsim_debugfs_root;

/* ---- numeric knobs ---- */

struct fs_knob {
	const char *name;
	umode_t mode;
	bool hex;		/* print 0x%02x instead of %u */
	bool any;		/* any write triggers set(), content unparsed */
	u32 (*get)(struct flashsim_chip *chip);
	int (*set)(struct flashsim_chip *chip, u32 val);
};

struct fs_knob_file {
	struct flashsim_chip *chip;
	const struct fs_knob *knob;
};

static u32 fs_get_sr1(struct flashsim_chip *chip)
{
	return flashsim_sr_read(chip, 0);
}

static u32 fs_get_sr2(struct flashsim_chip *chip)
{
	return flashsim_sr_read(chip, 1);
}

static u32 fs_get_sr3(struct flashsim_chip *chip)
{
	return flashsim_sr_read(chip, 2);
}

static int fs_set_sr(struct flashsim_chip *chip, unsigned int reg, u32 val)
{
	if (val > 0xff)
		return -EINVAL;
	flashsim_chip_forget(chip);
	flashsim_sr_force(chip, reg, val);
	return 0;
}

static int fs_set_sr1(struct flashsim_chip *chip, u32 val)
{
	return fs_set_sr(chip, 0, val);
}

static int fs_set_sr2(struct flashsim_chip *chip, u32 val)
{
	return fs_set_sr(chip, 1, val);
}

static int fs_set_sr3(struct flashsim_chip *chip, u32 val)
{
	return fs_set_sr(chip, 2, val);
}

static u32 fs_get_ear(struct flashsim_chip *chip)
{
	return chip->ear;
}

static int fs_set_ear(struct flashsim_chip *chip, u32 val)
{
	if (val > 0xff)
		return -EINVAL;
	chip->ear = val;
	return 0;
}

static u32 fs_get_wp(struct flashsim_chip *chip)
{
	return chip->wp_high;
}

static int fs_set_wp(struct flashsim_chip *chip, u32 val)
{
	if (val > 1)
		return -EINVAL;
	chip->wp_high = val;
	return 0;
}

static u32 fs_get_qe_fixed(struct flashsim_chip *chip)
{
	return !chip->qe_free;
}

/* 0 = the -IM/-JM ordering option: QE becomes an ordinary bit, now 0 */
static int fs_set_qe_fixed(struct flashsim_chip *chip, u32 val)
{
	const struct flashsim_bit *qe = &chip->prof->sr->qe;

	if (val > 1 || !(chip->prof->sr->fixed1[qe->reg] & qe->mask))
		return -EINVAL;
	chip->qe_free = !val;
	chip->sr[qe->reg] &= ~qe->mask;
	chip->sr_nv[qe->reg] &= ~qe->mask;
	chip->sr[qe->reg] |= flashsim_sr_fixed1(chip, qe->reg);
	chip->sr_nv[qe->reg] |= flashsim_sr_fixed1(chip, qe->reg);
	return 0;
}

static int fs_set_power_cycle(struct flashsim_chip *chip, u32 val)
{
	flashsim_chip_power_cycle(chip);
	return 0;
}

static u32 fs_get_stuck(struct flashsim_chip *chip)
{
	return chip->fault.stuck_busy;
}

static int fs_set_stuck(struct flashsim_chip *chip, u32 val)
{
	if (val > 1)
		return -EINVAL;
	flashsim_chip_set_stuck(chip, val);
	return 0;
}

static u32 fs_get_stuck_after(struct flashsim_chip *chip)
{
	return chip->fault.stuck_after;
}

static int fs_set_stuck_after(struct flashsim_chip *chip, u32 val)
{
	flashsim_chip_set_stuck_after(chip, val);
	return 0;
}

static u32 fs_get_ignore_sr(struct flashsim_chip *chip)
{
	return chip->fault.ignore_sr_write;
}

static int fs_set_ignore_sr(struct flashsim_chip *chip, u32 val)
{
	if (val > 1)
		return -EINVAL;
	chip->fault.ignore_sr_write = val;
	return 0;
}

static u32 fs_get_weak(struct flashsim_chip *chip)
{
	return chip->fault.weak_program;
}

static int fs_set_weak(struct flashsim_chip *chip, u32 val)
{
	if (val > 1)
		return -EINVAL;
	chip->fault.weak_program = val;
	return 0;
}

static u32 fs_get_flip(struct flashsim_chip *chip)
{
	return chip->fault.read_flip;
}

/* Setting the rate or the seed restarts the pseudo-random sequence */
static int fs_set_flip(struct flashsim_chip *chip, u32 val)
{
	chip->fault.read_flip = val;
	chip->fault.prng = chip->fault.seed ?: 1;
	return 0;
}

static u32 fs_get_seed(struct flashsim_chip *chip)
{
	return chip->fault.seed;
}

static int fs_set_seed(struct flashsim_chip *chip, u32 val)
{
	chip->fault.seed = val;
	chip->fault.prng = val ?: 1;
	return 0;
}

static u32 fs_get_xfer_error(struct flashsim_chip *chip)
{
	return chip->fault.xfer_error;
}

static int fs_set_xfer_error(struct flashsim_chip *chip, u32 val)
{
	chip->fault.xfer_error = val;
	return 0;
}

static u32 fs_get_power_cycle_op(struct flashsim_chip *chip)
{
	return chip->fault.power_cycle_op;
}

static int fs_set_power_cycle_op(struct flashsim_chip *chip, u32 val)
{
	if (val > 0xff)
		return -EINVAL;
	chip->fault.power_cycle_op = val;
	return 0;
}

static u32 fs_get_power_cycle_nth(struct flashsim_chip *chip)
{
	return chip->fault.power_cycle_nth;
}

static int fs_set_power_cycle_nth(struct flashsim_chip *chip, u32 val)
{
	chip->fault.power_cycle_nth = val ?: 1;
	return 0;
}

static u32 fs_get_miso_after(struct flashsim_chip *chip)
{
	return chip->fault.miso_after;
}

static int fs_set_miso_after(struct flashsim_chip *chip, u32 val)
{
	chip->fault.miso_after = val;
	return 0;
}

/* DS-257FV §8.2.8-9: ADS, whether B7h/ADP or a status bit shows it */
static u32 fs_get_addr_mode(struct flashsim_chip *chip)
{
	return chip->ads ? 4 : 3;
}

static u32 fs_get_busy_div(struct flashsim_chip *chip)
{
	return chip->busy_div;
}

static int fs_set_busy_div(struct flashsim_chip *chip, u32 val)
{
	if (!val)
		return -EINVAL;
	chip->busy_div = val;
	return 0;
}

static u32 fs_get_busy_time(struct flashsim_chip *chip)
{
	return chip->busy_time;
}

/* 0 typical, 1 maximum, 2 random; setting it restarts the random picks */
static int fs_set_busy_time(struct flashsim_chip *chip, u32 val)
{
	if (val >= FS_TIME_NR)
		return -EINVAL;
	chip->busy_time = val;
	chip->busy_prng = chip->fault.seed ?: 1;
	return 0;
}

static u32 fs_get_board_bp(struct flashsim_chip *chip)
{
	return chip->board_bp;
}

/* Applied at the next power-on (flashsim_sr_power_on()), not now */
static int fs_set_board_bp(struct flashsim_chip *chip, u32 val)
{
	if (val > 0xff)
		return -EINVAL;
	chip->board_bp = val;
	return 0;
}

static const struct fs_knob fs_knobs[] = {
	{ "sr1", 0600, true, false, fs_get_sr1, fs_set_sr1 },
	{ "sr2", 0600, true, false, fs_get_sr2, fs_set_sr2 },
	{ "sr3", 0600, true, false, fs_get_sr3, fs_set_sr3 },
	{ "ear", 0600, true, false, fs_get_ear, fs_set_ear },
	{ "addr_mode", 0400, false, false, fs_get_addr_mode, NULL },
	{ "wp", 0600, false, false, fs_get_wp, fs_set_wp },
	{ "qe_fixed", 0600, false, false, fs_get_qe_fixed, fs_set_qe_fixed },
	{ "power_cycle", 0200, false, true, NULL, fs_set_power_cycle },
	{ "fault_stuck_busy", 0600, false, false, fs_get_stuck, fs_set_stuck },
	{ "fault_stuck_after", 0600, false, false, fs_get_stuck_after,
	  fs_set_stuck_after },
	{ "fault_ignore_sr_write", 0600, false, false, fs_get_ignore_sr,
	  fs_set_ignore_sr },
	{ "fault_weak_program", 0600, false, false, fs_get_weak, fs_set_weak },
	{ "fault_read_flip", 0600, false, false, fs_get_flip, fs_set_flip },
	{ "fault_seed", 0600, false, false, fs_get_seed, fs_set_seed },
	{ "fault_xfer_error", 0600, false, false, fs_get_xfer_error,
	  fs_set_xfer_error },
	{ "fault_power_cycle_op", 0600, true, false, fs_get_power_cycle_op,
	  fs_set_power_cycle_op },
	{ "fault_power_cycle_nth", 0600, false, false, fs_get_power_cycle_nth,
	  fs_set_power_cycle_nth },
	{ "fault_miso_after", 0600, false, false, fs_get_miso_after,
	  fs_set_miso_after },
	{ "busy_div", 0600, false, false, fs_get_busy_div, fs_set_busy_div },
	{ "busy_time", 0600, false, false, fs_get_busy_time, fs_set_busy_time },
	{ "board_bp", 0600, true, false, fs_get_board_bp, fs_set_board_bp },
};

static ssize_t fs_knob_read(struct file *file, char __user *ubuf,
			    size_t count, loff_t *ppos)
{
	struct fs_knob_file *kf = file->private_data;
	char buf[16];
	int len;
	u32 val;

	if (!kf->knob->get)
		return -EINVAL;
	mutex_lock(&kf->chip->lock);
	val = kf->knob->get(kf->chip);
	mutex_unlock(&kf->chip->lock);
	len = scnprintf(buf, sizeof(buf), kf->knob->hex ? "0x%02x\n" : "%u\n",
			val);
	return simple_read_from_buffer(ubuf, count, ppos, buf, len);
}

static ssize_t fs_knob_write(struct file *file, const char __user *ubuf,
			     size_t count, loff_t *ppos)
{
	struct fs_knob_file *kf = file->private_data;
	u32 val = 0;
	int ret;

	/* read-only knobs: root passes the 0400 mode, so refuse here */
	if (!kf->knob->set)
		return -EPERM;
	if (!kf->knob->any) {
		ret = kstrtou32_from_user(ubuf, count, 0, &val);
		if (ret)
			return ret;
	}
	mutex_lock(&kf->chip->lock);
	ret = kf->knob->set(kf->chip, val);
	mutex_unlock(&kf->chip->lock);
	return ret ?: count;
}

static const struct file_operations fs_knob_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.read = fs_knob_read,
	.write = fs_knob_write,
	.llseek = default_llseek,
};

/* ---- image: the array itself, no protection, no timing ---- */

static ssize_t fs_image_read(struct file *file, char __user *ubuf,
			     size_t count, loff_t *ppos)
{
	struct flashsim_chip *chip = file->private_data;
	ssize_t ret;

	mutex_lock(&chip->lock);
	ret = simple_read_from_buffer(ubuf, count, ppos, chip->array,
				      chip->prof->size);
	mutex_unlock(&chip->lock);
	return ret;
}

static ssize_t fs_image_write(struct file *file, const char __user *ubuf,
			      size_t count, loff_t *ppos)
{
	struct flashsim_chip *chip = file->private_data;
	ssize_t ret;

	if (count && *ppos >= chip->prof->size)
		return -ENOSPC;
	mutex_lock(&chip->lock);
	/* a power cut after this keeps what was written */
	flashsim_chip_forget(chip);
	ret = simple_write_to_buffer(chip->array, chip->prof->size, ppos,
				     ubuf, count);
	mutex_unlock(&chip->lock);
	return ret;
}

static const struct file_operations fs_image_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.read = fs_image_read,
	.write = fs_image_write,
	.llseek = default_llseek,
};

/* ---- model, choices, locks, stats: seq_file ---- */

static int fs_model_show(struct seq_file *m, void *unused)
{
	struct flashsim_chip *chip = m->private;

	mutex_lock(&chip->lock);
	seq_printf(m, "%s\n", chip->prof->name);
	mutex_unlock(&chip->lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(fs_model);

/*
 * Files that take one word of a list (fault_miso, fault_stuck_on, ...):
 * the value is an index into @names.
 */
struct fs_choice {
	const char *name;
	const char * const *names;
	unsigned int n;
	unsigned int (*get)(struct flashsim_chip *chip);
	void (*set)(struct flashsim_chip *chip, unsigned int val);
};

struct fs_choice_file {
	struct flashsim_chip *chip;
	const struct fs_choice *choice;
};

static const char * const fs_miso_names[] = {
	[FS_MISO_NONE] = "none",
	[FS_MISO_HIGH] = "high",
	[FS_MISO_LOW] = "low",
};

static unsigned int fs_get_miso(struct flashsim_chip *chip)
{
	return chip->fault.miso;
}

static void fs_set_miso(struct flashsim_chip *chip, unsigned int val)
{
	chip->fault.miso = val;
}

static const char * const fs_stuck_on_names[] = {
	[FS_STUCK_ANY] = "any",
	[FS_STUCK_PROGRAM] = "program",
	[FS_STUCK_ERASE] = "erase",
	[FS_STUCK_STATUS] = "status",
};

static unsigned int fs_get_stuck_on(struct flashsim_chip *chip)
{
	return chip->fault.stuck_on;
}

static void fs_set_stuck_on(struct flashsim_chip *chip, unsigned int val)
{
	chip->fault.stuck_on = val;
}

static const struct fs_choice fs_choices[] = {
	{ "fault_miso", fs_miso_names, ARRAY_SIZE(fs_miso_names),
	  fs_get_miso, fs_set_miso },
	{ "fault_stuck_on", fs_stuck_on_names, ARRAY_SIZE(fs_stuck_on_names),
	  fs_get_stuck_on, fs_set_stuck_on },
};

static int fs_choice_show(struct seq_file *m, void *unused)
{
	struct fs_choice_file *cf = m->private;

	mutex_lock(&cf->chip->lock);
	seq_printf(m, "%s\n", cf->choice->names[cf->choice->get(cf->chip)]);
	mutex_unlock(&cf->chip->lock);
	return 0;
}

static int fs_choice_open(struct inode *inode, struct file *file)
{
	return single_open(file, fs_choice_show, inode->i_private);
}

static ssize_t fs_choice_write(struct file *file, const char __user *ubuf,
			       size_t count, loff_t *ppos)
{
	struct fs_choice_file *cf = file_inode(file)->i_private;
	char buf[16];
	int i;

	if (count >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, count))
		return -EFAULT;
	buf[count] = '\0';
	i = __sysfs_match_string(cf->choice->names, cf->choice->n, buf);
	if (i < 0)
		return i;
	mutex_lock(&cf->chip->lock);
	cf->choice->set(cf->chip, i);
	mutex_unlock(&cf->chip->lock);
	return count;
}

static const struct file_operations fs_choice_fops = {
	.owner = THIS_MODULE,
	.open = fs_choice_open,
	.read = seq_read,
	.write = fs_choice_write,
	.llseek = seq_lseek,
	.release = single_release,
};

static int fs_locks_show(struct seq_file *m, void *unused)
{
	struct flashsim_chip *chip = m->private;

	mutex_lock(&chip->lock);
	flashsim_locks_show(chip, m);
	mutex_unlock(&chip->lock);
	return 0;
}

static int fs_locks_open(struct inode *inode, struct file *file)
{
	return single_open(file, fs_locks_show, inode->i_private);
}

/* "lock ADDR", "unlock ADDR", "lockall", "unlockall" */
static int fs_locks_cmd(struct flashsim_chip *chip, char *cmd)
{
	char *word = strsep(&cmd, " ");
	u32 addr;
	int ret;

	if (!cmd) {
		if (!strcmp(word, "lockall") || !strcmp(word, "unlockall")) {
			flashsim_lock_all(chip, word[0] == 'l');
			return 0;
		}
		return -EINVAL;
	}
	ret = kstrtou32(strim(cmd), 0, &addr);
	if (ret)
		return ret;
	if (addr >= chip->prof->size)
		return -EINVAL;
	if (!strcmp(word, "lock") || !strcmp(word, "unlock")) {
		flashsim_lock_set(chip, addr, word[0] == 'l');
		return 0;
	}
	return -EINVAL;
}

static ssize_t fs_locks_write(struct file *file, const char __user *ubuf,
			      size_t count, loff_t *ppos)
{
	struct flashsim_chip *chip = file_inode(file)->i_private;
	char buf[32];
	int ret;

	if (count >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, count))
		return -EFAULT;
	buf[count] = '\0';
	mutex_lock(&chip->lock);
	ret = fs_locks_cmd(chip, strim(buf));
	mutex_unlock(&chip->lock);
	return ret ?: count;
}

static const struct file_operations fs_locks_fops = {
	.owner = THIS_MODULE,
	.open = fs_locks_open,
	.read = seq_read,
	.write = fs_locks_write,
	.llseek = seq_lseek,
	.release = single_release,
};

static int fs_stats_show(struct seq_file *m, void *unused)
{
	struct flashsim_chip *chip = m->private;
	const struct flashsim_stats *s = &chip->stats;
	unsigned int i;

	mutex_lock(&chip->lock);
	seq_printf(m, "messages %llu\ntransfers %llu\nbytes %llu\n",
		   s->messages, s->transfers, s->bytes);
	seq_printf(m, "cycles %llu\nbus_ns %llu\nbusy_ns %llu\n",
		   s->cycles, s->bus_ns, s->busy_ns);
	seq_printf(m, "polls %llu\nignored %llu\n", s->polls, s->ignored);
	seq_printf(m, "cmds_while_busy %llu\nunobserved_ends %llu\n",
		   s->cmds_while_busy, s->unobserved_ends);
	seq_printf(m, "faults %llu\npower_cycles %llu\ntorn_ops %llu\n",
		   s->faults, s->power_cycles, s->torn_ops);
	seq_printf(m, "reads_above_fr %llu\n", s->reads_above_fr);
	seq_printf(m, "otp_writes %llu\notp_refused %llu\n", s->otp_writes,
		   s->otp_refused);
	for (i = 0; i < ARRAY_SIZE(s->op); i++)
		if (s->op[i])
			seq_printf(m, "op_%02x %llu\n", i, s->op[i]);
	mutex_unlock(&chip->lock);
	return 0;
}

static int fs_stats_open(struct inode *inode, struct file *file)
{
	return single_open(file, fs_stats_show, inode->i_private);
}

static ssize_t fs_stats_write(struct file *file, const char __user *ubuf,
			      size_t count, loff_t *ppos)
{
	struct flashsim_chip *chip = file_inode(file)->i_private;

	mutex_lock(&chip->lock);
	memset(&chip->stats, 0, sizeof(chip->stats));
	mutex_unlock(&chip->lock);
	return count;
}

static const struct file_operations fs_stats_fops = {
	.owner = THIS_MODULE,
	.open = fs_stats_open,
	.read = seq_read,
	.write = fs_stats_write,
	.llseek = seq_lseek,
	.release = single_release,
};

/* swap_profile: write a profile name; the chip is replaced by that one */
static ssize_t fs_swap_write(struct file *file, const char __user *ubuf,
			     size_t count, loff_t *ppos)
{
	struct flashsim_chip *chip = file->private_data;
	const struct flashsim_profile *prof;
	char buf[32];
	int ret;

	if (count >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, count))
		return -EFAULT;
	buf[count] = '\0';
	prof = flashsim_profile_find(strim(buf));
	if (!prof)
		return -EINVAL;
	mutex_lock(&chip->lock);
	ret = flashsim_chip_swap(chip, prof);
	mutex_unlock(&chip->lock);
	return ret ?: count;
}

static const struct file_operations fs_swap_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = fs_swap_write,
};

/* ---- directory ---- */

static void fs_debugfs_remove(void *data)
{
	debugfs_remove_recursive(data);
}

int flashsim_debugfs_add(struct device *dev, struct flashsim_chip *chip,
			 const char *name)
{
	struct fs_choice_file *cf;
	struct fs_knob_file *kf;
	struct dentry *dir;
	unsigned int i;

	kf = devm_kcalloc(dev, ARRAY_SIZE(fs_knobs), sizeof(*kf), GFP_KERNEL);
	cf = devm_kcalloc(dev, ARRAY_SIZE(fs_choices), sizeof(*cf), GFP_KERNEL);
	if (!kf || !cf)
		return -ENOMEM;
	dir = debugfs_create_dir(name, flashsim_debugfs_root);
	chip->dir = dir;
	debugfs_create_file("model", 0400, dir, chip, &fs_model_fops);
	debugfs_create_file("swap_profile", 0200, dir, chip, &fs_swap_fops);
	debugfs_create_file_size("image", 0600, dir, chip, &fs_image_fops,
				 chip->prof->size);
	debugfs_create_file("locks", 0600, dir, chip, &fs_locks_fops);
	debugfs_create_file("stats", 0600, dir, chip, &fs_stats_fops);
	for (i = 0; i < ARRAY_SIZE(fs_knobs); i++) {
		kf[i].chip = chip;
		kf[i].knob = &fs_knobs[i];
		debugfs_create_file(fs_knobs[i].name, fs_knobs[i].mode, dir,
				    &kf[i], &fs_knob_fops);
	}
	for (i = 0; i < ARRAY_SIZE(fs_choices); i++) {
		cf[i].chip = chip;
		cf[i].choice = &fs_choices[i];
		debugfs_create_file(fs_choices[i].name, 0600, dir, &cf[i],
				    &fs_choice_fops);
	}
	return devm_add_action_or_reset(dev, fs_debugfs_remove, dir);
}

void flashsim_debugfs_init(void)
{
	flashsim_debugfs_root = debugfs_create_dir(KBUILD_MODNAME, NULL);
}

void flashsim_debugfs_exit(void)
{
	debugfs_remove_recursive(flashsim_debugfs_root);
}
