// SPDX-License-Identifier: GPL-2.0
/*
 * biosflash(8): what an image holds, as far as published formats say:
 *
 * - the Intel flash descriptor's regions: FLMAP0 at 0x14 gives FRBA
 *   (bits 23:16, in 16-byte units), FLREGn at FRBA + 4n holds base (bits
 *   14:0) and limit (bits 30:16) in 4 KiB units, base > limit when unused
 *   (flashrom ich_descriptors.c, read_ich_descriptors_from_dump(); the short
 *   names are flashrom's, layout_from_ich_descriptors(), so --region gbe
 *   means what flashrom --ifd -i gbe means);
 * - the GbE region's MAC address: words 0x00-0x02 of the GbE NVM image, and
 *   words 0x00-0x3F summing to 0xBABA in a valid image (Intel, "ICH9M /
 *   82567LF/LM/V NVM Map and Information Guide", Ethernet Address and
 *   Checksum Word sections);
 * - version strings: AMD's "AGESA!" signature, two bytes, a NUL and the
 *   version (the pattern PSPTool searches, psptool/blob.py
 *   _parse_agesa_version(), after AMD's AGESA interface specification
 *   44065), and the EDK II BIOS ID: "$IBIOSI$" then a UCS-2 string
 *   BOARDID.OEM.VERSION.BUILD.YYMMDDHHMM (edk2-platforms
 *   BoardModulePkg/Include/Guid/BiosId.h).
 *
 * Vendors also keep the board's serial number and system UUID in the BIOS
 * region (SMBIOS data in their NVRAM), in no published format: they are
 * not found here, only warned about.
 */

#include "bf.h"

static const char * const bf_region_names[BF_IFD_NREGIONS] = {
	"Descriptor", "BIOS", "ME", "GbE", "Platform Data", "Device Exp.",
	"BIOS 2", "region 7", "EC/BMC", "Device Exp. 2", "IE", "10GbE",
	"region 12", "region 13", "region 14", "region 15",
};

static const char * const bf_region_keys[BF_IFD_NREGIONS] = {
	"fd", "bios", "me", "gbe", "pd", "reg5", "bios2", "reg7", "ec", "reg9",
	"ie", "10gbe", "reg12", "reg13", "reg14", "reg15",
};

const char *bf_region_name(unsigned int idx)
{
	return idx < BF_IFD_NREGIONS ? bf_region_names[idx] : "?";
}

const char *bf_region_key(unsigned int idx)
{
	return idx < BF_IFD_NREGIONS ? bf_region_keys[idx] : "?";
}

/* "gbe" or "3" -> 3; -1 when it names no region */
int bf_region_parse(const char *s)
{
	unsigned int i;
	char *end;
	long v;

	for (i = 0; i < BF_IFD_NREGIONS; i++)
		if (!strcasecmp(s, bf_region_keys[i]))
			return i;
	v = strtol(s, &end, 10);
	if (*s && !*end && v >= 0 && v < BF_IFD_NREGIONS)
		return v;
	return -1;
}

/* The descriptor's used regions that lie inside the image; 0 when none. */
int bf_layout_read(const __u8 *img, size_t len, struct bf_layout *l)
{
	__u32 frba, reg, base, limit;
	unsigned int i;

	memset(l, 0, sizeof(*l));
	if (len < BF_IFD_LEN || bf_le32(img + BF_IFD_SIG_OFF) != BF_IFD_SIG)
		return 0;
	frba = (bf_le32(img + BF_IFD_FLMAP0) >> 16 & 0xff) << 4;
	if (frba < BF_IFD_FLMAP0 + 8 || frba + 4 > BF_IFD_LEN)
		return 0;
	for (i = 0; i < BF_IFD_NREGIONS && frba + 4 * i + 4 <= BF_IFD_LEN; i++) {
		reg = bf_le32(img + frba + 4 * i);
		base = (reg & 0x7fff) << 12;
		limit = (reg >> 16 & 0x7fff) << 12 | 0xfff;
		if (reg == 0xffffffff || base > limit || (i && !reg) ||
		    limit >= len)
			continue;
		l->r[l->n].idx = i;
		l->r[l->n].base = base;
		l->r[l->n].limit = limit;
		l->n++;
	}
	return l->n;
}

const struct bf_region *bf_layout_find(const struct bf_layout *l,
				       unsigned int idx)
{
	unsigned int i;

	for (i = 0; i < l->n; i++)
		if (l->r[i].idx == idx)
			return &l->r[i];
	return NULL;
}

void bf_print_mac(const __u8 *m)
{
	printf("%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2], m[3], m[4],
	       m[5]);
}

/* The MAC address of the first GbE bank with a valid checksum: 1, else 0. */
int bf_gbe_mac(const __u8 *img, const struct bf_layout *l, __u8 *mac)
{
	const struct bf_region *g = bf_layout_find(l, 3);
	__u32 bank, off, size;
	unsigned int w;
	__u16 sum;

	if (!g)
		return 0;
	size = g->limit - g->base + 1;
	/* two banks of half the region each (the NVM map's "sectors") */
	for (bank = 0; bank < 2; bank++) {
		off = g->base + bank * (size / 2);
		if (size / 2 < 0x80)
			break;
		for (sum = 0, w = 0; w < 0x40; w++)
			sum += bf_le16(img + off + 2 * w);
		if (sum != 0xbaba)
			continue;
		memcpy(mac, img + off, 6);
		return 1;
	}
	return 0;
}

/* "AGESA!V9\0ComboAm5PI 1.0.0.7b\0": the version runs to the next NUL */
static unsigned int bf_agesa(const char *who, const __u8 *img, size_t len)
{
	static const char sig[] = "AGESA!";
	const __u8 *p = img, *end = img + len, *v, *nul;
	unsigned int n = 0;
	char seen[8][64];
	size_t vl, i;

	while ((p = memmem(p, end - p, sig, 6)) != NULL) {
		v = p + 9;
		if (v >= end || p[8]) {
			p += 6;
			continue;
		}
		nul = memchr(v, 0, end - v < 64 ? end - v : 64);
		vl = nul ? (size_t)(nul - v) : 0;
		for (i = 0; i < vl && isprint(v[i]); i++)
			;
		if (vl < 3 || i != vl) {
			p += 6;
			continue;
		}
		for (i = 0; i < n && i < ARRAY_SIZE(seen); i++)
			if (!memcmp(seen[i], v, vl) && !seen[i][vl])
				break;
		if (i == n && n < ARRAY_SIZE(seen)) {
			memcpy(seen[n], v, vl);
			seen[n][vl] = 0;
			printf("  %-6s AMD AGESA     %.2s %s\n", who, p + 6, seen[n]);
			n++;
		}
		p = v + vl;
	}
	return n;
}

/* "$IBIOSI$" then UCS-2 "TRFTCRB1.86C.0008.D03.0506081529" */
static unsigned int bf_biosid(const char *who, const __u8 *img, size_t len)
{
	const __u8 *p = img, *end = img + len;
	unsigned int n = 0;
	char id[64];
	size_t i;

	while ((p = memmem(p, end - p, "$IBIOSI$", 8)) != NULL) {
		p += 8;
		for (i = 0; i + 1 < sizeof(id) && p + 2 * i + 1 < end; i++) {
			if (!p[2 * i] || p[2 * i + 1] || !isprint(p[2 * i]))
				break;
			id[i] = p[2 * i];
		}
		id[i] = 0;
		if (i < 12 || n >= 4)
			continue;
		printf("  %-6s BIOS ID       %s", who, id);
		/* the last dot-separated field is YYMMDDHHMM */
		if (i > 11 && id[i - 11] == '.')
			printf(" (built 20%.2s-%.2s-%.2s %.2s:%.2s)", id + i - 10,
			       id + i - 8, id + i - 6, id + i - 4, id + i - 2);
		putchar('\n');
		n++;
	}
	return n;
}

/* Every version string the formats above define, one line each. */
void bf_versions(const char *who, const __u8 *img, size_t len)
{
	if (!(bf_agesa(who, img, len) + bf_biosid(who, img, len)))
		printf("  %-6s no version string found (looked for AMD AGESA and %s)\n",
		       who, "the EDK II BIOS ID");
}
