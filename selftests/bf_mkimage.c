// SPDX-License-Identifier: GPL-2.0
/*
 * bf_mkimage: write a deterministic BIOS-like image for tests and the demo.
 *
 * Usage: bf_mkimage OUT SIZE SEED [CHANGE_OFFSET CHANGE_LEN]
 *
 * The layout imitates an Intel-descriptor BIOS image: a 4 KiB flash
 * descriptor (signature 0x0FF0A55A at 0x10, component density and region
 * table filled in), an "ME" region of code-like random data with 0xFF holes,
 * a large erased gap, and a "BIOS" region at the top with random code and
 * 0xFF padding pages.  The same SEED always gives the same bytes.  With
 * CHANGE_OFFSET/CHANGE_LEN the bytes of that range are re-randomised with
 * another seed (the "refresh" case: same image, some megabytes changed).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/types.h>

static __u32 rng;

static __u8 next(void)
{
	rng = rng * 1103515245u + 12345u;
	return rng >> 16;
}

static void put32(__u8 *p, __u32 v)
{
	p[0] = v;
	p[1] = v >> 8;
	p[2] = v >> 16;
	p[3] = v >> 24;
}

/* Code-like data: random pages, with one page in eight left erased. */
static void code(__u8 *img, size_t start, size_t end)
{
	size_t i;

	for (i = start; i < end; i++)
		img[i] = ((i >> 8) & 7) == 5 ? 0xff : next();
}

/* FLREG: base and limit in 4 KiB units (chips.md §4.1) */
static __u32 flreg(size_t base, size_t end)
{
	return (__u32)(base >> 12) | (__u32)(((end - 1) >> 12) << 16);
}

static void descriptor(__u8 *img, size_t size)
{
	int enc = 0;

	while ((512u * 1024u << enc) < size && enc < 7)
		enc++;
	memset(img, 0xff, 4096);
	put32(img + 0x10, 0x0ff0a55a);			/* FLVALSIG */
	put32(img + 0x14, 0x00040003);			/* FCBA 0x30, FRBA 0x40 */
	put32(img + 0x18, 0x00000000);
	put32(img + 0x30, enc);				/* component 1 density */
	put32(img + 0x40, flreg(0, 4096));		/* descriptor */
	put32(img + 0x44, flreg(size - size / 8, size));	/* BIOS */
	put32(img + 0x48, flreg(4096, size / 6));	/* ME */
}

int main(int argc, char **argv)
{
	size_t size, off = 0, len = 0, i;
	FILE *f;
	__u8 *img;

	if (argc != 4 && argc != 6) {
		fprintf(stderr, "usage: %s OUT SIZE SEED [CHANGE_OFFSET CHANGE_LEN]\n", argv[0]);
		return 2;
	}
	size = strtoul(argv[2], NULL, 0);
	rng = strtoul(argv[3], NULL, 0);
	if (argc == 6) {
		off = strtoul(argv[4], NULL, 0);
		len = strtoul(argv[5], NULL, 0);
	}
	if (size < 65536 || off + len > size)
		return 2;
	img = malloc(size);
	if (!img)
		return 1;
	memset(img, 0xff, size);
	descriptor(img, size);
	code(img, 4096, size / 6);
	code(img, size - size / 8, size);
	rng ^= 0x5a5a5a5a;
	for (i = off; i < off + len; i++)
		img[i] = next();
	f = fopen(argv[1], "wb");
	if (!f || fwrite(img, 1, size, f) != size || fclose(f))
		return 1;
	free(img);
	return 0;
}
