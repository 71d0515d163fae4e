// SPDX-License-Identifier: GPL-2.0
/* biosflash(8): backup: reads compared, saved with a SHA-256 sum */

#include "bf.h"

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

	if (bf_sha256(buf, size, hex))
		return -EIO;
	snprintf(name, sizeof(name), "%s.sha256", file);
	snprintf(line, sizeof(line), "%s  %s\n", hex, base ? base + 1 : file);
	if (bf_write_file(file, buf, size, !o->force) ||
	    bf_write_file(name, (const __u8 *)line, strlen(line), !o->force))
		return -EIO;
	printf("Wrote %s and %s\nsha256 %s\n", file, name, hex);
	printf("Version strings:\n");
	bf_versions("chip", buf, size);
	return 0;
}

int bf_cmd_backup(struct bf_opts *o)
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
