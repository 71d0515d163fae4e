// SPDX-License-Identifier: GPL-2.0
/*
 * biosflash: read, check and write a PC BIOS SPI NOR chip that the biosflash
 * kernel module exposes as /dev/mtdN.  It uses only the MTD character device
 * (pread, pwrite, MEMERASE) and the sysfs files documented in
 * Documentation/ABI/testing/sysfs-class-mtd-biosflash; a file the running
 * driver does not provide yet is reported as "unknown".
 *
 * write erases a block only when some bit has to go from 0 to 1, programs
 * only the pages that differ from what the block holds, verifies every
 * block it touched by reading it back, and on SIGINT/SIGTERM stops between
 * two operations and says what the chip holds.  check knows the Intel flash
 * descriptor, the AMD embedded firmware structure and the AMI/ASUS capsule
 * header (Documentation/chips.rst, "Intel flash descriptor" and after).
 */

#include "bf.h"

/* --- command line ------------------------------------------------------------- */

static void bf_usage(FILE *f)
{
	fputs("Usage: biosflash COMMAND [OPTIONS] [ARGS]\n"
	      "Read, check and write a PC BIOS SPI NOR chip driven by the biosflash module.\n"
	      "\n"
	      "Commands (DEV is /dev/mtdN or mtdN; default: the first biosflash device):\n"
	      "  status [DEV]              chip, size, ID, voltages, protection, warnings\n"
	      "  check FILE [DEV]          is FILE a full image for this chip? OK/WARNING/REFUSE\n"
	      "  write FILE [DEV]          check, then write only what differs, verify\n"
	      "  diff FILE [DEV]           which regions differ between the chip and FILE,\n"
	      "                            with the version strings of both\n"
	      "  backup FILE [DEV]         read the chip N times, compare, save FILE + FILE.sha256\n"
	      "                            (new files only, unless --force)\n"
	      "  report [DEV]              versions, chip, registers, voltage, clock and the\n"
	      "                            driver's log lines: one text to paste in a forum\n"
	      "  unlock [DEV]              clear the chip's write protection\n"
	      "  lock [DEV]                write-protect the whole chip\n"
	      "  chips                     the parts the driver's chip table knows: ID, size,\n"
	      "                            supply, 4-byte addressing, protection support\n"
	      "  bind SPIDEV               hand SPI device SPIDEV (e.g. spi0.0) to biosflash\n"
	      "  unbind SPIDEV             release it again\n"
	      "\n"
	      "Options:\n"
	      "  -f, --force               write: write even a REFUSE verdict, or over the\n"
	      "                            board's MAC address;\n"
	      "                            backup: replace an existing FILE\n"
	      "  -d, --dry-run             write: read the chip and show the plan, by region;\n"
	      "                            erase and program nothing\n"
	      "  -r, --region LIST         write: only these descriptor regions (fd, bios, me,\n"
	      "                            gbe, pd, ec, ... as flashrom's --ifd -i names them)\n"
	      "  -k, --keep LIST           write: keep these regions as the chip holds them\n"
	      "                            (--keep gbe keeps the board's MAC address)\n"
	      "  -s, --strip               check, write, diff: use the ROM image inside an AMI/ASUS\n"
	      "                            capsule (.CAP) instead of the whole file\n"
	      "  -x, --extract OUT         check: save the ROM image inside a capsule to OUT\n"
	      "  -n, --reads N             backup: read the chip N times (default 2, at least 2)\n"
	      "      --size SIZE           check: compare with a chip of SIZE bytes (K/M suffix)\n"
	      "                            instead of a device\n"
	      "      --rst, --tsv          chips: print a reST table, or tab-separated values\n"
	      "  -h, --help                this help\n"
	      "  -V, --version             the tool's and the loaded driver's versions\n"
	      "\n"
	      "Exit codes:\n"
	      "  0  success (check: verdict OK or WARNING)\n"
	      "  1  failure (device, file, driver or chip error; unstable backup reads;\n"
	      "     write refused because the chip is protected or the voltage is wrong)\n"
	      "  2  usage error\n"
	      "  3  check refused (REFUSE verdict; write: nothing was written);\n"
	      "     backup refused (FILE exists, or a blank read would replace it)\n"
	      "  4  verify mismatch after writing; diff: the chip and FILE differ\n"
	      "  5  interrupted (SIGINT/SIGTERM); the chip's state is printed\n"
	      "\n"
	      "Examples:\n"
	      "  biosflash status\n"
	      "  biosflash backup -n 3 old.bin\n"
	      "  biosflash check new.bin && biosflash write --dry-run new.bin\n"
	      "  biosflash write --keep gbe new.bin\n"
	      "  biosflash diff new.bin\n"
	      "  biosflash write --strip BOARD-ASUS-1234.CAP\n"
	      "  biosflash chips | grep -i w25q256\n"
	      "\n"
	      "See biosflash(8).\n", f);
}

/* the tool's version, and the loaded driver's (its MODULE_VERSION) */
static int bf_version(void)
{
	char v[64] = "";
	FILE *f = fopen("/sys/module/biosflash/version", "r");

	printf("biosflash %s\n", BF_VERSION);
	if (f) {
		if (!fgets(v, sizeof(v), f))
			v[0] = 0;
		fclose(f);
		v[strcspn(v, "\n")] = 0;
	}
	if (v[0])
		printf("driver biosflash.ko %s (loaded)\n", v);
	else
		printf("driver biosflash.ko not loaded\n");
	return BF_EXIT_OK;
}

struct bf_cmd {
	const char *name;
	int (*fn)(struct bf_opts *o);
	unsigned int min, max;	/* positional arguments */
	const char *opts;	/* options it takes */
};

static const struct bf_cmd bf_cmds[] = {
	{ "status", bf_cmd_status, 0, 1, "" },
	{ "check", bf_cmd_check, 1, 2, "sxS" },
	{ "write", bf_cmd_write, 1, 2, "fsdrk" },
	{ "diff", bf_cmd_diff, 1, 2, "s" },
	{ "report", bf_cmd_report, 0, 1, "" },
	{ "backup", bf_cmd_backup, 1, 2, "fn" },
	{ "unlock", bf_cmd_protect, 0, 1, "" },
	{ "lock", bf_cmd_protect, 0, 1, "" },
	{ "chips", bf_cmd_chips, 0, 0, "RT" },
	{ "bind", bf_cmd_bind, 1, 1, "" },
	{ "unbind", bf_cmd_unbind, 1, 1, "" },
};

static const struct option bf_longopts[] = {
	{ "force", no_argument, NULL, 'f' },
	{ "strip", no_argument, NULL, 's' },
	{ "extract", required_argument, NULL, 'x' },
	{ "reads", required_argument, NULL, 'n' },
	{ "dry-run", no_argument, NULL, 'd' },
	{ "region", required_argument, NULL, 'r' },
	{ "keep", required_argument, NULL, 'k' },
	{ "size", required_argument, NULL, 'S' },
	{ "rst", no_argument, NULL, 'R' },
	{ "tsv", no_argument, NULL, 'T' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

static int bf_usage_error(const char *fmt, const char *arg)
{
	fputs("biosflash: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("Try 'biosflash --help'.\n", stderr);
	return BF_EXIT_USAGE;
}

/* "bios,me" -> the FLREG bits */
static int bf_region_list(const char *arg, __u32 *mask)
{
	char buf[256], *tok, *save;
	int idx;

	snprintf(buf, sizeof(buf), "%s", arg);
	for (tok = strtok_r(buf, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		idx = bf_region_parse(tok);
		if (idx < 0)
			return -EINVAL;
		*mask |= 1u << idx;
	}
	return *mask ? 0 : -EINVAL;
}

static int bf_option(struct bf_opts *o, const struct bf_cmd *c, int opt,
		     const char *arg)
{
	char *end;

	if (opt == '?')
		return BF_EXIT_USAGE;
	if (!strchr(c->opts, opt))
		return bf_usage_error("this option does not apply to '%s'\n",
				      c->name);
	if (opt == 'f')
		o->force = 1;
	else if (opt == 's')
		o->strip = 1;
	else if (opt == 'x')
		o->extract = arg;
	else if (opt == 'd')
		o->dry_run = 1;
	else if (opt == 'R' || opt == 'T')
		o->chips_fmt = opt == 'R' ? 'r' : 't';
	else if (opt == 'r' && bf_region_list(arg, &o->regions))
		return bf_usage_error("bad --region '%s': give names (bios,me) or numbers 0-15\n",
				      arg);
	else if (opt == 'k' && bf_region_list(arg, &o->keep))
		return bf_usage_error("bad --keep '%s': give names (gbe) or numbers 0-15\n",
				      arg);
	if (opt == 'r')
		o->region_arg = arg;
	if (opt == 'k')
		o->keep_arg = arg;
	else if (opt == 'S' && bf_parse_size(arg, &o->size))
		return bf_usage_error("bad --size '%s'\n", arg);
	if (opt == 'n') {
		o->reads = strtoul(arg, &end, 10);
		if (*end || o->reads < 2 || o->reads > 100)
			return bf_usage_error("-n wants 2 to 100 reads, not '%s'\n",
					      arg);
	}
	return 0;
}

/* "biosflash write [--strip] [--force] [--region L] [--keep L] FILE DEV" */
static void bf_resume_line(struct bf_opts *o, const struct bf_dev *d,
			   char *buf, size_t len)
{
	snprintf(buf, len, "biosflash write%s%s%s%s%s%s %s %s",
		 o->strip ? " --strip" : "", o->force ? " --force" : "",
		 o->region_arg ? " --region " : "",
		 o->region_arg ? o->region_arg : "",
		 o->keep_arg ? " --keep " : "", o->keep_arg ? o->keep_arg : "",
		 o->file, d->path);
	o->cmdline = buf;
}

static int bf_parse(struct bf_opts *o, const struct bf_cmd *c, int argc,
		    char **argv)
{
	unsigned int npos;
	int opt, ret;

	opterr = 1;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "fsx:n:dr:k:h", bf_longopts,
				  NULL)) != -1) {
		if (opt == 'h') {
			bf_usage(stdout);
			exit(BF_EXIT_OK);
		}
		ret = bf_option(o, c, opt, optarg);
		if (ret)
			return ret;
	}
	npos = argc - optind;
	if (npos < c->min || npos > c->max)
		return bf_usage_error("wrong number of arguments for '%s'\n",
				      c->name);
	if (c->min)
		o->file = argv[optind++];
	if (optind < argc)
		o->dev = argv[optind];
	return 0;
}

int main(int argc, char **argv)
{
	struct bf_opts o = { .reads = 2 };
	char resume[8192];
	struct bf_dev d;
	unsigned int i;
	int ret;

	if (argc < 2)
		return bf_usage_error("%s", "no command given\n");
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help") ||
	    !strcmp(argv[1], "help")) {
		bf_usage(stdout);
		return BF_EXIT_OK;
	}
	if (!strcmp(argv[1], "-V") || !strcmp(argv[1], "--version"))
		return bf_version();
	for (i = 0; i < ARRAY_SIZE(bf_cmds); i++)
		if (!strcmp(argv[1], bf_cmds[i].name))
			break;
	if (i == ARRAY_SIZE(bf_cmds))
		return bf_usage_error("unknown command '%s'\n", argv[1]);
	o.cmd = bf_cmds[i].name;
	ret = bf_parse(&o, &bf_cmds[i], argc - 1, argv + 1);
	if (ret)
		return ret;
	if (!strcmp(o.cmd, "write")) {
		if (bf_dev_name(o.dev, &d))
			return BF_EXIT_FAIL;
		bf_resume_line(&o, &d, resume, sizeof(resume));
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	return bf_cmds[i].fn(&o);
}
