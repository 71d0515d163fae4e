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
 *
 * Options, each adding one structure a published format defines:
 *   -g MAC     an 8 KiB GbE region at 0xE00000 (FLREG3) whose two 4 KiB
 *              banks hold MAC in words 0x00-0x02 and a checksum word 0x3F
 *              that makes words 0x00-0x3F sum to 0xBABA (Intel, "ICH9M /
 *              82567LF/LM/V NVM Map and Information Guide")
 *   -a VER     "AGESA!V9", a NUL, VER and a NUL in the BIOS region (the
 *              string PSPTool's psptool/blob.py looks for)
 *   -i ID      "$IBIOSI$" then ID in UCS-2 in the BIOS region (edk2-platforms
 *              BoardModulePkg/Include/Guid/BiosId.h)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
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

/* FLREG: base and limit in 4 KiB units (flashrom ICH_FREG_BASE/LIMIT) */
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

#define GBE_BASE	0xe00000u
#define GBE_SIZE	0x2000u

static int gbe(__u8 *img, size_t size, const char *mac)
{
	unsigned int m[6], bank, w;
	__u16 sum;
	__u8 *p;

	if (size < 2 * GBE_BASE ||
	    sscanf(mac, "%x:%x:%x:%x:%x:%x", &m[0], &m[1], &m[2], &m[3], &m[4],
		   &m[5]) != 6)
		return -1;
	put32(img + 0x4c, flreg(GBE_BASE, GBE_BASE + GBE_SIZE));
	for (bank = 0; bank < 2; bank++) {
		p = img + GBE_BASE + bank * GBE_SIZE / 2;
		memset(p, 0, 0x80);
		for (w = 0; w < 6; w++)
			p[w] = m[w];
		p[0x20] = 0x5a;		/* some other word, not all zero */
		for (sum = 0, w = 0; w < 0x3f; w++)
			sum += p[2 * w] | p[2 * w + 1] << 8;
		sum = 0xbaba - sum;
		p[0x7e] = sum;
		p[0x7f] = sum >> 8;
	}
	return 0;
}

/* a string at OFF in the BIOS region; UCS-2 when wide */
static void put_str(__u8 *img, size_t off, const char *sig, size_t n,
		    const char *s, int wide)
{
	size_t i;

	memcpy(img + off, sig, n);
	for (i = 0; i <= strlen(s); i++) {
		if (wide) {
			img[off + n + 2 * i] = s[i];
			img[off + n + 2 * i + 1] = 0;
		} else {
			img[off + n + i] = s[i];
		}
	}
}

int main(int argc, char **argv)
{
	const char *mac = NULL, *agesa = NULL, *biosid = NULL;
	size_t size, off = 0, len = 0, i;
	FILE *f;
	__u8 *img;
	int opt;

	while ((opt = getopt(argc, argv, "g:a:i:")) != -1) {
		if (opt == 'g')
			mac = optarg;
		else if (opt == 'a')
			agesa = optarg;
		else if (opt == 'i')
			biosid = optarg;
		else
			return 2;
	}
	argc -= optind - 1;
	argv += optind - 1;
	if (argc != 4 && argc != 6) {
		fprintf(stderr, "usage: %s [-g MAC] [-a AGESA] [-i BIOSID] %s\n",
			argv[0], "OUT SIZE SEED [CHANGE_OFFSET CHANGE_LEN]");
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
	if (mac && gbe(img, size, mac))
		return 2;
	/* in the BIOS region, a page past its start */
	if (agesa)
		put_str(img, size - size / 8 + 0x1000, "AGESA!V9", 9, agesa, 0);
	if (biosid)
		put_str(img, size - size / 8 + 0x2000, "$IBIOSI$", 8, biosid, 1);
	f = fopen(argv[1], "wb");
	if (!f || fwrite(img, 1, size, f) != size || fclose(f))
		return 1;
	free(img);
	return 0;
}
