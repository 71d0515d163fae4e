// SPDX-License-Identifier: GPL-2.0
/*
 * bf_pages [-a] PAGE GOT CAND...: could whole-page events have left GOT?
 *
 * Each PAGE-byte page of GOT must be erased (all 0xff) or equal the same
 * page of one of the CAND files.  With -a it may also be the bitwise AND of
 * that page of several candidates: NOR programming only clears bits, so two
 * writers programming one page without an erase between them leave the AND.
 * Anything else (a torn page, data from another offset or from outside the
 * candidates) is bad.
 *
 * Prints "pages N erased N cand1 N ... and N bad N" and the first bad page
 * offsets; exits 0 if no page is bad, 1 otherwise, 2 on a usage or I/O error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CAND	4
#define MAX_SHOWN	8

static unsigned char *load(const char *path, size_t *len)
{
	unsigned char *buf = NULL;
	size_t cap = 0, n;
	FILE *f = fopen(path, "rb");

	if (!f) {
		perror(path);
		return NULL;
	}
	*len = 0;
	do {
		if (*len == cap) {
			cap = cap ? cap * 2 : 1 << 20;
			buf = realloc(buf, cap);
			if (!buf) {
				fclose(f);
				return NULL;
			}
		}
		n = fread(buf + *len, 1, cap - *len, f);
		*len += n;
	} while (n);
	fclose(f);
	return buf;
}

/* the AND of the candidates in @mask at @off equals @got */
static int and_matches(unsigned char **cand, unsigned int mask, size_t off,
		       size_t page, const unsigned char *got)
{
	size_t i;
	unsigned int c;

	for (i = 0; i < page; i++) {
		unsigned char v = 0xff;

		for (c = 0; c < MAX_CAND; c++)
			if (mask & (1u << c))
				v &= cand[c][off + i];
		if (v != got[i])
			return 0;
	}
	return 1;
}

int main(int argc, char **argv)
{
	unsigned long count[MAX_CAND + 3] = { 0 };	/* erased, cands, and, bad */
	unsigned char *got, *cand[MAX_CAND] = { NULL };
	size_t page, len, clen, off, i;
	int use_and = 0, ncand, c, shown = 0;
	unsigned int mask;

	if (argc > 1 && !strcmp(argv[1], "-a")) {
		use_and = 1;
		argv++;
		argc--;
	}
	ncand = argc - 3;
	if (ncand < 1 || ncand > MAX_CAND) {
		fprintf(stderr, "usage: bf_pages [-a] PAGE GOT CAND... (1-%d candidates)\n",
			MAX_CAND);
		return 2;
	}
	page = strtoul(argv[1], NULL, 0);
	got = load(argv[2], &len);
	if (!got || !page || len % page)
		return 2;
	for (c = 0; c < ncand; c++) {
		cand[c] = load(argv[3 + c], &clen);
		if (!cand[c] || clen < len) {
			fprintf(stderr, "%s: shorter than %s\n", argv[3 + c], argv[2]);
			return 2;
		}
	}
	for (off = 0; off < len; off += page) {
		const unsigned char *p = got + off;
		int k = -1;

		for (i = 0; i < page && p[i] == 0xff; i++)
			;
		if (i == page)
			k = 0;
		for (c = 0; k < 0 && c < ncand; c++)
			if (!memcmp(p, cand[c] + off, page))
				k = 1 + c;
		for (mask = 3; k < 0 && use_and && mask < (1u << ncand); mask++)
			if ((mask & (mask - 1)) &&
			    and_matches(cand, mask, off, page, p))
				k = 1 + ncand;
		if (k < 0) {
			k = 2 + ncand;
			if (shown++ < MAX_SHOWN)
				printf("# bad page at 0x%zx\n", off);
		}
		count[k]++;
	}
	printf("pages %zu erased %lu", len / page, count[0]);
	for (c = 0; c < ncand; c++)
		printf(" cand%d %lu", c + 1, count[1 + c]);
	if (use_and)
		printf(" and %lu", count[1 + ncand]);
	printf(" bad %lu\n", count[2 + ncand]);
	return count[2 + ncand] ? 1 : 0;
}
