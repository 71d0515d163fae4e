// SPDX-License-Identifier: GPL-2.0
/* biosflash(8): image files: loading, saving, and the checks of their structure */

#include "bf.h"

/* --- the image file --------------------------------------------------------- */

int bf_image_load(const char *name, struct bf_image *im)
{
	struct stat st;
	int fd, ret;

	memset(im, 0, sizeof(*im));
	im->name = name;
	fd = open(name, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st)) {
		ret = -errno;
		bf_err("cannot open the image %s: %s\n", name, strerror(-ret));
		goto out_close;
	}
	ret = -EFBIG;
	if (!S_ISREG(st.st_mode) || (__u64)st.st_size > BF_MAX_FILE) {
		bf_err("%s: not a regular file of at most 1 GiB\n", name);
		goto out_close;
	}
	im->fsize = st.st_size;
	im->buf = malloc(im->fsize ? im->fsize : 1);
	ret = -ENOMEM;
	if (!im->buf)
		goto out_close;
	ret = bf_pread_all(fd, im->buf, im->fsize, 0);
	if (ret) {
		bf_err("cannot read the image %s: %s\n", name, strerror(-ret));
		free(im->buf);
		im->buf = NULL;
	}
	im->data = im->buf;
	im->len = im->fsize;
out_close:
	if (fd >= 0)
		close(fd);
	return ret;
}

/* @excl: fail with EEXIST rather than replace an existing file */
int bf_write_file(const char *name, const __u8 *buf, size_t len,
		  int excl)
{
	int fd, ret;

	fd = open(name, O_WRONLY | O_CREAT | O_CLOEXEC |
		  (excl ? O_EXCL : O_TRUNC), 0644);
	if (fd < 0) {
		ret = -errno;
	} else {
		ret = bf_pwrite_all(fd, buf, len, 0);
		if (!ret && fsync(fd))
			ret = -errno;
		if (close(fd) && !ret)
			ret = -errno;
	}
	if (ret)
		bf_err("cannot write %s: %s\n", name, strerror(-ret));
	return ret;
}

/* --- check ------------------------------------------------------------------ */

static void bf_say(struct bf_report *r, int level, const char *fmt, ...)
{
	static const char * const tag[] = {
		[BF_INFO] = "  info     ",
		[BF_OK] = "  ok       ",
		[BF_WARN] = "  WARNING  ",
		[BF_REFUSE] = "  REFUSE   ",
	};
	va_list ap;

	if (level > r->verdict)
		r->verdict = level;
	r->warnings += level == BF_WARN;
	r->refusals += level == BF_REFUSE;
	fputs(tag[level], stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	fputc('\n', stdout);
}

/* Returns 1 when the file is empty or a single repeated byte. */
static int bf_check_fill(struct bf_report *r, const struct bf_image *im)
{
	__u64 i, ff = 0;

	if (!im->len) {
		bf_say(r, BF_REFUSE, "the file is empty");
		return 1;
	}
	if (bf_all(im->data, im->len, 0xff)) {
		bf_say(r, BF_REFUSE,
		       "every byte is 0xFF: this is an erased (empty) chip dump, not a BIOS; writing it would wipe the BIOS");
		return 1;
	}
	if (bf_all(im->data, im->len, 0x00)) {
		bf_say(r, BF_REFUSE,
		       "every byte is 0x00: a read of a dead or unpowered chip (MISO stuck low), not a BIOS");
		return 1;
	}
	for (i = 0; i < im->len; i++)
		ff += im->data[i] == 0xff;
	if (ff * 100 / im->len >= 98)
		bf_say(r, BF_WARN, "%llu%% of the file is 0xFF: mostly empty for a BIOS image",
		       ff * 100 / im->len);
	return 0;
}

static void bf_check_size(struct bf_report *r, const struct bf_image *im,
			  __u64 chip)
{
	char a[32], b[32];
	size_t extra;

	/* SPI NOR sizes are powers of two; a BIOS chip 64 KiB to 256 MiB */
	if (im->len < 64 * BF_KIB || im->len > 256 * BF_MIB ||
	    (im->len & (im->len - 1)))
		bf_say(r, BF_REFUSE,
		       "the file is %zu bytes: not the size of any flash chip (a power of two, 64 KiB to 256 MiB), so not a full chip image",
		       im->len);
	if (!chip) {
		bf_say(r, BF_WARN, "no chip to compare the size with (give DEV or --size)");
		return;
	}
	bf_size(im->len, a, sizeof(a));
	bf_size(chip, b, sizeof(b));
	if (im->len == chip) {
		bf_say(r, BF_OK, "size %zu bytes = the chip's %s", im->len, b);
		return;
	}
	if (im->len < chip) {
		bf_say(r, BF_REFUSE,
		       "the file (%s) is smaller than the chip (%s): a full BIOS image is exactly the chip size; this may be a BIOS region only or an update for another board",
		       a, b);
		return;
	}
	bf_say(r, BF_REFUSE, "the file (%s) is larger than the chip (%s): it does not fit",
	       a, b);
	extra = im->len - chip;
	if (extra <= 64 * BF_KIB && extra + BF_IFD_FLMAP0 <= im->len &&
	    bf_le32(im->data + extra + BF_IFD_SIG_OFF) == BF_IFD_SIG)
		bf_say(r, BF_INFO,
		       "a flash descriptor starts at 0x%zx: the file looks like a %zu-byte header before a chip image; cut it off: dd if=%s of=OUT bs=%zu skip=1",
		       extra, extra, im->name, extra);
}

static const char * const bf_ifd_regions[BF_IFD_NREGIONS] = {
	"Descriptor", "BIOS", "ME", "GbE", "Platform Data", "Device Exp.",
	"BIOS 2", "region 7", "EC/BMC", "Device Exp. 2", "IE", "10GbE A",
	"10GbE B", "region 13", "region 14", "PTT",
};

/* FLCOMP bits 3:0 (7:4 for component 2): 512 KiB << n (chips.rst) */
static void bf_check_ifd_density(struct bf_report *r, __u32 flcomp,
				 unsigned int ncomp, __u64 chip, size_t len)
{
	unsigned int d1 = flcomp & 0xf, d2 = flcomp >> 4 & 0xf;
	char a[32], b[32];
	__u64 c1, c2 = 0;

	if (d1 > 7) {
		bf_say(r, BF_WARN,
		       "descriptor: component 1 density code 0x%x is not one this tool knows (older chipsets use a 3-bit field); size not checked",
		       d1);
		return;
	}
	c1 = 512 * BF_KIB << d1;
	bf_size(c1, a, sizeof(a));
	if (ncomp > 1 && d2 <= 7) {
		c2 = 512 * BF_KIB << d2;
		bf_say(r, BF_INFO,
		       "descriptor: the board has a second flash chip (component 2, %s); the image for this chip is component 1's",
		       bf_size(c2, b, sizeof(b)));
	}
	/* with two chips, a vendor image may hold both components */
	if (len != c1 && (!c2 || len != c1 + c2))
		bf_say(r, BF_REFUSE,
		       "descriptor: flash component 1 is %s, but the file is %s: the descriptor does not describe this file (cut short, padded, or another board's)",
		       a, bf_size(len, b, sizeof(b)));
	if (!chip)
		bf_say(r, BF_INFO, "descriptor: flash component 1 is %s", a);
	else if (c1 == chip)
		bf_say(r, BF_OK, "descriptor: flash component 1 is %s = the chip", a);
	else
		bf_say(r, BF_REFUSE,
		       "descriptor: this image is for a %s flash chip, the chip is %s: the image belongs to a board with another chip",
		       a, bf_size(chip, b, sizeof(b)));
}

/* FLREG[i]: base bits 14:0, limit bits 30:16, 4 KiB units (chips.rst) */
static void bf_check_ifd_regions(struct bf_report *r, const __u8 *frba,
				 size_t avail, size_t len)
{
	unsigned int i, bios = 0;
	__u32 reg, base, limit;

	for (i = 0; i < BF_IFD_NREGIONS && 4 * i + 4 <= avail; i++) {
		reg = bf_le32(frba + 4 * i);
		base = (reg & 0x7fff) << 12;
		limit = (reg >> 16 & 0x7fff) << 12 | 0xfff;
		if (reg == 0xffffffff || base > limit || (i && !reg))
			continue;
		bios |= i == 1;
		bf_say(r, BF_INFO, "region %-2u %-13s 0x%08x-0x%08x", i,
		       bf_ifd_regions[i], base, limit);
		if (limit >= len)
			bf_say(r, BF_REFUSE,
			       "region %s ends at 0x%08x, past the end of the image (0x%08zx): the file is cut short or the descriptor is for another chip",
			       bf_ifd_regions[i], limit, len - 1);
	}
	if (!bios)
		bf_say(r, BF_WARN, "the descriptor has no BIOS region");
}

static int bf_check_ifd(struct bf_report *r, const __u8 *img, size_t len,
			__u64 chip)
{
	__u32 flmap0, fcba, frba, ncomp;

	if (len < BF_IFD_LEN || bf_le32(img + BF_IFD_SIG_OFF) != BF_IFD_SIG) {
		if (len >= 4 && bf_le32(img) == BF_IFD_SIG)
			bf_say(r, BF_INFO,
			       "Intel flash descriptor signature at 0x00 (ICH8/9 layout): not checked further");
		return 0;
	}
	flmap0 = bf_le32(img + BF_IFD_FLMAP0);
	fcba = (flmap0 & 0xff) << 4;
	frba = (flmap0 >> 16 & 0xff) << 4;
	ncomp = (flmap0 >> 8 & 3) + 1;
	bf_say(r, BF_OK, "Intel flash descriptor (0x0FF0A55A at 0x10), %u flash component%s",
	       ncomp, ncomp > 1 ? "s" : "");
	if (fcba < BF_IFD_FLMAP0 + 8 || fcba + 4 > BF_IFD_LEN ||
	    frba < BF_IFD_FLMAP0 + 8 || frba + 4 > BF_IFD_LEN) {
		bf_say(r, BF_REFUSE, "descriptor map is corrupt (FCBA 0x%x, FRBA 0x%x)",
		       fcba, frba);
		return 1;
	}
	bf_check_ifd_density(r, bf_le32(img + fcba), ncomp, chip, len);
	bf_check_ifd_regions(r, img + frba, BF_IFD_LEN - frba, len);
	return 1;
}

/* PSPTool's candidate EFS offsets, per 16 MiB window (psptool/blob.py) */
static const __u32 bf_efs_offsets[] = {
	0x020000, 0xfa0000, 0xf20000, 0xe20000, 0xc20000, 0x820000, 0x120000,
};

static int bf_check_efs(struct bf_report *r, const __u8 *img, size_t len)
{
	size_t win, off;
	unsigned int i;
	int found = 0;

	for (win = 0; win < len; win += BF_EFS_WINDOW) {
		for (i = 0; i < ARRAY_SIZE(bf_efs_offsets); i++) {
			off = win + bf_efs_offsets[i];
			if (off + 4 > len || bf_le32(img + off) != BF_EFS_SIG)
				continue;
			bf_say(r, BF_OK, "AMD embedded firmware structure (0x55AA55AA) at 0x%06zx",
			       off);
			found++;
		}
	}
	return found;
}

static const __u8 bf_cap_guids[2][16] = {
	/* 4A3CA68B-7723-48FB-803D-578CC1FEC44D: signed AMI capsule */
	{ 0x8b, 0xa6, 0x3c, 0x4a, 0x23, 0x77, 0xfb, 0x48,
	  0x80, 0x3d, 0x57, 0x8c, 0xc1, 0xfe, 0xc4, 0x4d },
	/* 14EEBB90-890A-43DB-AED1-5D3C4588A418: unsigned AMI capsule */
	{ 0x90, 0xbb, 0xee, 0x14, 0x0a, 0x89, 0xdb, 0x43,
	  0xae, 0xd1, 0x5d, 0x3c, 0x45, 0x88, 0xa4, 0x18 },
};

/* 0: no capsule; -1: a capsule GUID with a bad header; >0: ROM offset */
static long bf_capsule(const struct bf_image *im, int *signed_cap)
{
	unsigned int i;
	__u32 off;

	if (im->fsize < BF_CAP_MIN)
		return 0;
	for (i = 0; i < 2; i++)
		if (!memcmp(im->buf, bf_cap_guids[i], 16))
			break;
	if (i == 2)
		return 0;
	*signed_cap = !i;
	off = bf_le16(im->buf + BF_CAP_ROM_OFFSET);
	return off < BF_CAP_MIN || off >= im->fsize ? -1 : (long)off;
}

/* --strip for commands that do not check: the ROM image inside a capsule */
int bf_image_strip(struct bf_image *im)
{
	long off;
	int sgn = 0;

	off = bf_capsule(im, &sgn);
	if (off <= 0) {
		bf_err("--strip: %s is not an AMI/ASUS capsule\n", im->name);
		return -EINVAL;
	}
	im->cap_off = off;
	im->data = im->buf + off;
	im->len = im->fsize - off;
	return 0;
}

static void bf_check_capsule(struct bf_report *r, struct bf_image *im,
			     __u64 chip, unsigned int strip)
{
	long off;
	int sgn = 0;
	size_t body;
	char a[32], b[32];

	off = bf_capsule(im, &sgn);
	if (off <= 0) {
		if (off < 0)
			bf_say(r, BF_REFUSE,
			       "AMI capsule GUID, but the ROM image offset at 0x1C points outside the file");
		else if (strip == 1)
			bf_say(r, BF_REFUSE,
			       "--strip: the file has no AMI/ASUS capsule header to strip");
		return;
	}
	body = im->fsize - off;
	im->cap_off = off;
	im->data = im->buf + off;
	im->len = body;
	bf_say(r, BF_INFO,
	       "AMI/ASUS capsule (%s GUID, flags 0x%08x): a %ld-byte header, then %s of ROM image",
	       sgn ? "signed" : "unsigned", bf_le32(im->buf + BF_CAP_FLAGS),
	       off, bf_size(body, a, sizeof(a)));
	if (strip)
		bf_say(r, BF_OK,
		       "--%s: the %ld-byte header is left out; the checks below are for the ROM image",
		       strip == 1 ? "strip" : "extract", off);
	else if (chip && body != chip)
		bf_say(r, BF_REFUSE,
		       "a capsule with %s of ROM image, the chip is %s: it does not hold a full chip image (maybe only the BIOS region); use the board's own updater (EZ Flash, BIOS Flashback)",
		       a, bf_size(chip, b, sizeof(b)));
	else
		bf_say(r, BF_REFUSE,
		       "a capsule must not be written as it is: the header would shift the whole BIOS by %ld bytes; write the image inside with: biosflash write --strip %s, or extract it: biosflash check --extract OUT %s",
		       off, im->name, im->name);
	if (!strip)
		bf_say(r, BF_INFO, "the checks below are for the ROM image inside the capsule");
}

/* Print one line per finding and the verdict; returns the verdict. */
int bf_check(struct bf_image *im, __u64 chip, const char *dev,
	     unsigned int strip)
{
	struct bf_report r = { BF_INFO, 0, 0 };
	static const char * const verdict[] = {
		[BF_INFO] = "OK", [BF_OK] = "OK",
		[BF_WARN] = "WARNING", [BF_REFUSE] = "REFUSE",
	};
	int ifd, efs, uniform;
	char sz[32], what[96];

	printf("Checking %s (%zu bytes) for %s\n", im->name, im->fsize, dev);
	bf_check_capsule(&r, im, chip, strip);
	uniform = bf_check_fill(&r, im);
	bf_check_size(&r, im, chip);
	ifd = bf_check_ifd(&r, im->data, im->len, chip);
	efs = bf_check_efs(&r, im->data, im->len);
	if (!ifd && !efs && !uniform)
		bf_say(&r, BF_REFUSE,
		       "neither an Intel flash descriptor nor an AMD firmware structure: not recognisable as a full PC BIOS image (a BIOS region only, or not a BIOS); make sure it is the full-chip image for this board");
	else if (ifd && efs)
		bf_say(&r, BF_WARN,
		       "both an Intel descriptor and an AMD firmware structure: unusual, make sure this image is for this board");
	/* What was checked is the structure, never whether the board boots */
	snprintf(what, sizeof(what),
		 "structure consistent with a full image for a %s chip",
		 bf_size(chip ? chip : im->len, sz, sizeof(sz)));
	printf("Verdict: %s", verdict[r.verdict]);
	if (r.verdict == BF_REFUSE)
		printf(" (%u reason%s above): not a full image for this chip as it is\n",
		       r.refusals, r.refusals > 1 ? "s" : "");
	else if (r.verdict == BF_WARN)
		printf(" (%u warning%s above): %s; read the warnings first\n",
		       r.warnings, r.warnings > 1 ? "s" : "", what);
	else
		printf(": %s\n", what);
	return r.verdict;
}

int bf_parse_size(const char *s, __u64 *out)
{
	char *end;
	__u64 v;

	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno || end == s)
		return -EINVAL;
	if (*end == 'k' || *end == 'K')
		v *= BF_KIB;
	else if (*end == 'm' || *end == 'M')
		v *= BF_MIB;
	if (v >= BF_KIB && (*end == 'k' || *end == 'K' || *end == 'm' ||
			    *end == 'M'))
		end++;
	if (*end == 'i' && end[1] == 'B')
		end += 2;
	if (*end || !v)
		return -EINVAL;
	*out = v;
	return 0;
}

/* The chip for check/write: DEV, --size, or the default device if any. */
static int bf_check_target(const struct bf_opts *o, struct bf_dev *d,
			   char *what, size_t len)
{
	char sz[32];

	if (o->size) {
		memset(d, 0, sizeof(*d));
		d->size = o->size;
		snprintf(what, len, "a chip of %s (--size)",
			 bf_size(o->size, sz, sizeof(sz)));
		return 0;
	}
	if (!o->dev && bf_find_default() < 0) {
		memset(d, 0, sizeof(*d));
		snprintf(what, len, "an unknown chip (no biosflash device)");
		return 0;
	}
	if (bf_dev_name(o->dev, d) || bf_dev_geometry(d))
		return -ENODEV;
	snprintf(what, len, "%s (%s)", d->path, d->label);
	return 0;
}

int bf_cmd_check(struct bf_opts *o)
{
	struct bf_image im;
	struct bf_dev d;
	char what[160];
	int v, ret;

	if (bf_check_target(o, &d, what, sizeof(what)))
		return BF_EXIT_FAIL;
	if (bf_image_load(o->file, &im))
		return BF_EXIT_FAIL;
	/* --extract checks what it extracts, as --strip would write it */
	v = bf_check(&im, d.size, what, o->extract ? 2 : o->strip);
	ret = v == BF_REFUSE ? BF_EXIT_REFUSED : BF_EXIT_OK;
	printf("Version strings:\n");
	bf_versions("file", im.data, im.len);
	if (o->extract) {
		if (!im.cap_off) {
			bf_err("--extract: %s is not an AMI/ASUS capsule\n",
			       o->file);
			ret = BF_EXIT_FAIL;
		} else if (bf_write_file(o->extract, im.data, im.len, 1)) {
			ret = BF_EXIT_FAIL;
		} else {
			printf("Extracted the ROM image (%zu bytes from offset 0x%zx) to %s\n",
			       im.len, im.cap_off, o->extract);
		}
	}
	free(im.buf);
	return ret;
}
