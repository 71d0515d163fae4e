// SPDX-License-Identifier: GPL-2.0
/*
 * bf_minimum: the physical minimum time to bring a W25Q256JW from OLD to NEW
 * (or to read LEN bytes of it), under the benchmark's cost model
 * (Documentation/benchmark.rst):
 *
 *   time = bytes * 8 / clock + sum of busy typicals + messages * overhead
 *
 * with 4-byte opcodes (5-byte command + address), a WREN message before each
 * erase and program, and exactly one status read after each (the poll that
 * sees BUSY clear).  Busy typicals (W25Q256JW datasheet, the simulator's
 * profile): page program 0.4 ms, 4 KiB erase 45 ms, 32 KiB 120 ms, 64 KiB
 * 150 ms.
 *
 * Usage: bf_minimum [-c HZ] [-o OVERHEAD_NS] write OLD|ff NEW
 *        bf_minimum [-c HZ] [-o OVERHEAD_NS] read LEN
 *
 * write prints two strategies and the smaller one:
 *   blind      erase every 64 KiB block NEW covers, program every page of NEW
 *              that is not all 0xFF, read NEW back once;
 *   readfirst  read the range once, erase only where a bit must go 0 -> 1
 *              (the cheapest mix of 4K/32K/64K erases, programming cost
 *              included), program only the pages that differ (every non-FF
 *              page of an erased unit), read back only the pages erased or
 *              programmed.
 * OLD "ff" means a blank chip.  Output: "key value" lines, times in ns.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PAGE		256u
#define SEC		4096u
#define HALF		32768u
#define BLK		65536u
#define CMD		5u		/* opcode + 4-byte address */
#define T_PP		400000.0
#define T_4K		45000000.0
#define T_32K		120000000.0
#define T_64K		150000000.0

static double clk = 16e6, ovh = 20000;

/* one message of n bytes on the bus */
static double msg(double n)
{
	return n * 8 * 1e9 / clk + ovh;
}

/* WREN + command(+data) + one status read, plus the busy time */
static double op(double busy, double data)
{
	return msg(1) + msg(CMD + data) + msg(2) + busy;
}

static unsigned char *load(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *b;
	long n;

	if (!f || fseek(f, 0, SEEK_END))
		return NULL;
	n = ftell(f);
	if (n <= 0 || fseek(f, 0, SEEK_SET))
		return NULL;
	b = malloc(n);
	if (!b || fread(b, 1, n, f) != (size_t)n)
		return NULL;
	fclose(f);
	*len = n;
	return b;
}

static int all_ff(const unsigned char *p, size_t n)
{
	while (n--)
		if (*p++ != 0xff)
			return 0;
	return 1;
}

/* per 4 KiB sector of the range */
struct sec {
	int need;		/* some bit must go 0 -> 1 */
	unsigned int nonff;	/* pages of NEW not all 0xFF */
	unsigned int diff;	/* pages that differ */
};

/* cost and counts of a plan for a unit */
struct plan {
	double t;
	unsigned long e4, e32, e64, pp;
};

static struct plan add(struct plan a, struct plan b)
{
	a.t += b.t;
	a.e4 += b.e4;
	a.e32 += b.e32;
	a.e64 += b.e64;
	a.pp += b.pp;
	return a;
}

static struct plan erased(const struct sec *s, unsigned int n, double t, int kind)
{
	struct plan p = { op(t, 0), 0, 0, 0, 0 };
	unsigned int i;

	if (kind == 4)
		p.e4 = 1;
	else if (kind == 32)
		p.e32 = 1;
	else
		p.e64 = 1;
	for (i = 0; i < n; i++)
		p.pp += s[i].nonff;
	p.t += p.pp * op(T_PP, PAGE);
	return p;
}

static struct plan sector(const struct sec *s)
{
	struct plan e = erased(s, 1, T_4K, 4), k = { 0, 0, 0, 0, s->diff };

	if (s->need)
		return e;
	k.t = k.pp * op(T_PP, PAGE);
	return k.t <= e.t ? k : e;
}

static struct plan half(const struct sec *s)
{
	struct plan e = erased(s, HALF / SEC, T_32K, 32), k = { 0 };
	unsigned int i;

	for (i = 0; i < HALF / SEC; i++)
		k = add(k, sector(&s[i]));
	return k.t <= e.t ? k : e;
}

static struct plan block(const struct sec *s)
{
	struct plan e = erased(s, BLK / SEC, T_64K, 64);
	struct plan k = add(half(s), half(s + HALF / SEC));

	return k.t <= e.t ? k : e;
}

static void print_plan(const char *name, struct plan p, double rd, double vf)
{
	printf("%s_ns %.0f\n", name, p.t + rd + vf);
	printf("%s_erase4k %lu\n%s_erase32k %lu\n%s_erase64k %lu\n",
	       name, p.e4, name, p.e32, name, p.e64);
	printf("%s_programs %lu\n%s_read_ns %.0f\n%s_verify_ns %.0f\n",
	       name, p.pp, name, rd, name, vf);
}

int main(int argc, char **argv)
{
	unsigned char *o = NULL, *n;
	size_t olen = 0, len, i, nsec;
	struct sec *s;
	struct plan blind = { 0 }, rf = { 0 };
	double vblind, vrf, rd;
	unsigned long runs = 0, vbytes = 0;
	int c, in;

	while ((c = getopt(argc, argv, "c:o:")) != -1) {
		if (c == 'c')
			clk = strtod(optarg, NULL);
		else if (c == 'o')
			ovh = strtod(optarg, NULL);
		else
			return 2;
	}
	argc -= optind;
	argv += optind;
	if (argc == 2 && !strcmp(argv[0], "read")) {
		len = strtoul(argv[1], NULL, 0);
		printf("clock_hz %.0f\noverhead_ns %.0f\n", clk, ovh);
		printf("min_ns %.0f\nmin_strategy read\n", msg(CMD + (double)len));
		return 0;
	}
	if (argc != 3 || strcmp(argv[0], "write")) {
		fprintf(stderr, "usage: bf_minimum [-c HZ] [-o NS] write OLD|ff NEW | read LEN\n");
		return 2;
	}
	n = load(argv[2], &len);
	if (!n || len % BLK)
		return 1;
	if (strcmp(argv[1], "ff")) {
		o = load(argv[1], &olen);
		if (!o || olen < len)
			return 1;
	}
	nsec = len / SEC;
	s = calloc(nsec, sizeof(*s));
	if (!s)
		return 1;
	for (i = 0; i < len; i += PAGE) {
		struct sec *x = &s[i / SEC];
		size_t j;
		int nf = !all_ff(n + i, PAGE), d;

		x->nonff += nf;
		d = o ? memcmp(o + i, n + i, PAGE) != 0 : nf;
		x->diff += d;
		for (j = i; o && j < i + PAGE; j++)
			if (n[j] & ~o[j])
				x->need = 1;
	}

	/* blind: every 64K block erased, every non-FF page programmed */
	for (i = 0; i < nsec; i += BLK / SEC)
		blind = add(blind, erased(&s[i], BLK / SEC, T_64K, 64));
	vblind = msg(CMD + (double)len);

	/* read-first */
	rd = msg(CMD + (double)len);
	for (i = 0; i < nsec; i += BLK / SEC)
		rf = add(rf, block(&s[i]));
	/*
	 * Verify: the touched pages, as runs.  A unit that was erased is read
	 * back whole; elsewhere only the programmed (differing) pages.  The
	 * plan above does not say which units were erased, so re-derive it:
	 * a sector is touched whole when it needed an erase, else its
	 * differing pages are.  (Erasing a bigger unit than needed only
	 * happens when it is cheaper; its extra pages count as programmed.)
	 */
	{
		int prev = 0;

		for (i = 0; i < len; i += PAGE) {
			struct sec *x = &s[i / SEC];
			int t = x->need || (o ? memcmp(o + i, n + i, PAGE) != 0 :
					    !all_ff(n + i, PAGE));

			if (t) {
				vbytes += PAGE;
				if (!prev)
					runs++;
			}
			prev = t;
		}
	}
	vrf = runs * ovh + (runs * CMD + (double)vbytes) * 8 * 1e9 / clk;
	printf("clock_hz %.0f\noverhead_ns %.0f\nimage_bytes %zu\n", clk, ovh, len);
	print_plan("blind", blind, 0, vblind);
	print_plan("readfirst", rf, rd, vrf);
	in = blind.t + vblind <= rf.t + rd + vrf;
	printf("min_ns %.0f\nmin_strategy %s\n",
	       in ? blind.t + vblind : rf.t + rd + vrf, in ? "blind" : "readfirst");
	return 0;
}
