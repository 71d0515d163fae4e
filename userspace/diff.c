// SPDX-License-Identifier: GPL-2.0
/*
 * biosflash(8): diff: where the chip and a file differ, by descriptor region
 * when the file (or the chip) has an Intel flash descriptor, by ranges of
 * erase blocks otherwise; with the version strings of both, so that "an
 * older BIOS" can be told from "a corrupt one".
 */

#include "bf.h"

#define BF_DIFF_RANGES	20

struct bf_cmp {
	const __u8 *a, *b;
	__u64 len;		/* compared: the shorter of the two */
	__u32 bs;
};

/* differing bytes and erase blocks in [from, to] */
static void bf_cmp_range(const struct bf_cmp *c, __u64 from, __u64 to,
			 __u64 *bytes, unsigned int *blocks)
{
	__u64 i, blk = ~0ull;

	*bytes = 0;
	*blocks = 0;
	if (to >= c->len)
		to = c->len - 1;
	for (i = from; i <= to && from < c->len; i++) {
		if (c->a[i] == c->b[i])
			continue;
		(*bytes)++;
		if (i / c->bs != blk) {
			blk = i / c->bs;
			(*blocks)++;
		}
	}
}

static void bf_diff_region(const struct bf_cmp *c, const struct bf_region *r)
{
	__u64 bytes;
	unsigned int blocks;

	bf_cmp_range(c, r->base, r->limit, &bytes, &blocks);
	printf("  %-8s region %-2u %-5s %-13s 0x%08x-0x%08x", bytes ? "DIFFERS" : "same",
	       r->idx, bf_region_key(r->idx), bf_region_name(r->idx), r->base,
	       r->limit);
	if (bytes)
		printf("  %llu bytes in %u block%s", bytes, blocks,
		       blocks > 1 ? "s" : "");
	putchar('\n');
}

/* bytes between and after the regions */
static void bf_diff_gaps(const struct bf_cmp *c, const struct bf_layout *l)
{
	__u64 i, bytes = 0;
	unsigned int k;

	for (i = 0; i < c->len; i++) {
		if (c->a[i] == c->b[i])
			continue;
		for (k = 0; k < l->n; k++)
			if (i >= l->r[k].base && i <= l->r[k].limit)
				break;
		bytes += k == l->n;
	}
	if (bytes)
		printf("  DIFFERS  outside every region: %llu bytes\n", bytes);
}

/* no descriptor: runs of differing erase blocks */
static void bf_diff_blocks(const struct bf_cmp *c)
{
	__u64 off, start = 0, bytes, n = 0;
	unsigned int shown = 0, blocks, run = 0;

	for (off = 0; off <= c->len; off += c->bs) {
		blocks = 0;
		if (off < c->len)
			bf_cmp_range(c, off, off + c->bs - 1, &bytes, &blocks);
		if (blocks) {
			if (!run++)
				start = off;
			continue;
		}
		if (!run)
			continue;
		if (shown++ < BF_DIFF_RANGES)
			printf("  DIFFERS  0x%08llx-0x%08llx  %u block%s\n", start,
			       start + (__u64)run * c->bs - 1, run,
			       run > 1 ? "s" : "");
		n++;
		run = 0;
	}
	if (shown > BF_DIFF_RANGES)
		printf("  ... and %llu more ranges\n", n - BF_DIFF_RANGES);
}

static void bf_diff_mac(const __u8 *chip, const struct bf_layout *cl,
			const __u8 *file, const struct bf_layout *fl)
{
	__u8 a[6], b[6];
	int ha = bf_gbe_mac(chip, cl, a), hb = bf_gbe_mac(file, fl, b);

	if (!ha && !hb)
		return;
	printf("  GbE MAC address: chip ");
	if (ha)
		bf_print_mac(a);
	else
		printf("none");
	printf(", file ");
	if (hb)
		bf_print_mac(b);
	else
		printf("none");
	printf("%s\n", ha && hb && memcmp(a, b, 6) ? " (differ)" : "");
}

int bf_cmd_diff(struct bf_opts *o)
{
	struct bf_layout fl, cl;
	const struct bf_layout *l;
	struct bf_image im;
	struct bf_cmp c;
	struct bf_dev d;
	unsigned int k, blocks;
	__u64 bytes;
	__u8 *chip = NULL;
	int fd, ret = BF_EXIT_FAIL;

	fd = bf_dev_open(o->dev, &d, O_RDONLY);
	if (fd < 0)
		return BF_EXIT_FAIL;
	if (bf_image_load(o->file, &im))
		goto out_close;
	if (o->strip && bf_image_strip(&im))
		goto out_free;
	chip = malloc(d.size);
	if (!chip) {
		bf_err("out of memory\n");
		goto out_free;
	}
	if (bf_read_chip(fd, &d, chip, d.size, "read"))
		goto out_free;
	printf("Comparing %s (%zu bytes%s) with %s (%s)\n", im.name, im.len,
	       im.cap_off ? ", inside its capsule" : "", d.path, d.label);
	printf("Version strings:\n");
	bf_versions("chip", chip, d.size);
	bf_versions("file", im.data, im.len);
	c.a = chip;
	c.b = im.data;
	c.len = im.len < d.size ? im.len : d.size;
	c.bs = d.erasesize;
	if (im.len != d.size)
		printf("  the sizes differ (file %zu, chip %llu bytes): compared the first %llu\n",
		       im.len, d.size, c.len);
	bf_layout_read(im.data, im.len, &fl);
	bf_layout_read(chip, d.size, &cl);
	l = fl.n ? &fl : &cl;
	if (fl.n && cl.n && memcmp(&fl, &cl, sizeof(fl)))
		printf("  the chip's descriptor has other regions than the file's:\n"
		       "  regions below are the file's\n");
	else if (!fl.n && cl.n)
		printf("  the file has no flash descriptor: regions below are the chip's\n");
	if (l->n) {
		for (k = 0; k < l->n; k++)
			bf_diff_region(&c, &l->r[k]);
		bf_diff_gaps(&c, l);
		bf_diff_mac(chip, &cl, im.data, &fl);
	} else {
		bf_diff_blocks(&c);
	}
	bf_cmp_range(&c, 0, c.len - 1, &bytes, &blocks);
	if (!bytes && im.len == d.size) {
		printf("The chip holds %s exactly.\n", im.name);
		ret = BF_EXIT_OK;
	} else {
		printf("The chip and %s differ in %u of %llu erase blocks (%llu bytes).\n",
		       im.name, blocks, (c.len + c.bs - 1) / c.bs, bytes);
		ret = BF_EXIT_VERIFY;
	}
out_free:
	free(chip);
	free(im.buf);
out_close:
	close(fd);
	return ret;
}
