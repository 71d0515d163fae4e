// SPDX-License-Identifier: GPL-2.0
/* biosflash(8): write: the planner and the writer */

#include "bf.h"

/* --- write -------------------------------------------------------------------- */

struct bf_wstate {
	__u64 end;		/* bytes written, block aligned */
	__u64 cur;		/* the block being worked on */
	__u32 bs;
	unsigned int in_block;	/* cur block is neither old nor new */
	unsigned int erased;
	unsigned int bad;	/* cur block read back wrong */
	unsigned int pages, pages_done;
	unsigned int changed;	/* blocks changed and verified */
	const char *op;		/* what was being done */
};

struct bf_writer {
	int fd;
	const struct bf_dev *dev;
	__u8 *old;		/* chip contents before, [0, end) */
	__u8 *tgt;		/* what the chip must hold, [0, end) */
	__u8 *rb;		/* one block, read back */
	__u32 page;
	sigset_t stop;
	int klog;		/* the kernel log since the write began */
	struct bf_wstate st;
	unsigned int erases, programs;
	const struct bf_opts *o;
	struct bf_layout il;	/* the image's descriptor regions */
	struct bf_layout cl;	/* the chip's */
};

/* A bit must go 0 -> 1 somewhere: only an erase can do that. */
static int bf_needs_erase(const __u8 *old, const __u8 *tgt, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if ((old[i] & tgt[i]) != tgt[i])
			return 1;
	return 0;
}

/* After an erase every non-FF page; otherwise every page that differs. */
static int bf_page_needed(const struct bf_writer *w, __u64 off, int erased)
{
	if (erased)
		return !bf_all(w->tgt + off, w->page, 0xff);
	return memcmp(w->old + off, w->tgt + off, w->page) != 0;
}

static unsigned int bf_block_plan(const struct bf_writer *w, __u64 off,
				  int *erase)
{
	unsigned int n = 0;
	__u64 p;

	*erase = bf_needs_erase(w->old + off, w->tgt + off, w->st.bs);
	for (p = off; p < off + w->st.bs; p += w->page)
		n += bf_page_needed(w, p, *erase);
	return n;
}

/* What the chip holds now, after a stop in the middle of a write. */
static void bf_write_state(const struct bf_writer *w, const char *cmdline)
{
	const struct bf_wstate *st = &w->st;
	__u64 next = st->cur + (st->in_block ? st->bs : 0);

	if (!st->changed && !st->in_block) {
		printf("Nothing on the chip was changed: it still holds what it held before.\n");
		return;
	}
	printf("The chip now holds:\n");
	if (st->cur)
		printf("  0x%08x-0x%08llx  the new image (written and verified)\n",
		       0, st->cur - 1);
	if (st->bad)
		printf("  0x%08llx-0x%08llx  written, but reads back different from the file\n",
		       st->cur, next - 1);
	else if (st->in_block && st->erased)
		printf("  0x%08llx-0x%08llx  ERASED, %u of %u pages programmed: neither\n"
		       "                         the old nor the new contents\n",
		       st->cur, next - 1, st->pages_done, st->pages);
	else if (st->in_block)
		printf("  0x%08llx-0x%08llx  %u of %u changed pages programmed: neither\n"
		       "                         the old nor the new contents\n",
		       st->cur, next - 1, st->pages_done, st->pages);
	if (next < st->end)
		printf("  0x%08llx-0x%08llx  the old contents, not written yet\n",
		       next, st->end - 1);
	printf("The chip is now INCONSISTENT (part new image, part old): do not start the board\n"
	       "from it. Resume with:\n"
	       "  %s\n"
	       "which rewrites only what still differs.\n",
	       cmdline);
}

static int bf_erase(struct bf_writer *w, __u64 off)
{
	struct erase_info_user ei = { .start = off, .length = w->st.bs };

	if (!ioctl(w->fd, MEMERASE, &ei))
		return 0;
	return -errno;
}

static int bf_verify_block(struct bf_writer *w, __u64 off)
{
	const __u8 *tgt = w->tgt + off;
	size_t i, first = 0, n = 0;
	int ret;

	ret = bf_pread_all(w->fd, w->rb, w->st.bs, off);
	if (ret)
		return ret;
	for (i = 0; i < w->st.bs; i++) {
		if (w->rb[i] == tgt[i])
			continue;
		if (!n++)
			first = i;
	}
	if (!n)
		return 0;
	w->st.bad = 1;
	bf_err("verify failed: block 0x%08llx reads back with %zu bytes different from the file; first at 0x%08llx: wrote 0x%02x, read 0x%02x\n",
	       off, n, off + first, tgt[first], w->rb[first]);
	printf("  Possible causes: a protected block the chip ignored, a weak supply (programming\n"
	       "  did not take), or unstable reads (run biosflash backup to test the wiring).\n");
	return -EILSEQ;
}

/* Erase if needed, program what is needed, read back. */
static int bf_write_block(struct bf_writer *w, __u64 off)
{
	struct bf_wstate *st = &w->st;
	unsigned int n;
	int erase, ret;
	__u64 p;

	st->pages = bf_block_plan(w, off, &erase);
	if (!erase && !st->pages)
		return 0;
	st->pages_done = 0;
	st->erased = 0;
	if (erase) {
		st->op = "erasing";
		ret = bf_erase(w, off);
		if (ret)
			return ret;
		st->in_block = 1;
		st->erased = 1;
		w->erases++;
	}
	/* one write call per run of needed pages: each call costs the driver
	 * its chip check, so page-sized calls would add two messages a page
	 */
	for (p = off; p < off + st->bs; p += (__u64)n * w->page) {
		n = 1;
		if (!bf_page_needed(w, p, erase))
			continue;
		while (p + (__u64)n * w->page < off + st->bs &&
		       bf_page_needed(w, p + (__u64)n * w->page, erase))
			n++;
		if (bf_stop_requested())
			return -EINTR;
		st->op = "programming";
		ret = bf_pwrite_all(w->fd, w->tgt + p, (size_t)n * w->page, p);
		if (ret)
			return ret;
		st->in_block = 1;
		st->pages_done += n;
		w->programs += n;
	}
	st->op = "reading back";
	ret = bf_verify_block(w, off);
	if (ret)
		return ret;
	st->in_block = 0;
	st->changed++;
	return 0;
}

static int bf_write_blocks(struct bf_writer *w)
{
	struct bf_wstate *st = &w->st;
	struct bf_progress prog;
	int ret = 0;

	bf_progress_start(&prog, "write", st->end);
	for (st->cur = 0; st->cur < st->end; st->cur += st->bs) {
		if (bf_stop_requested())
			ret = -EINTR;
		else
			ret = bf_write_block(w, st->cur);
		if (ret)
			break;
		bf_progress(&prog, st->cur + st->bs);
	}
	if (prog.tty)
		fputc('\n', stderr);
	return ret;
}

/* Exit code and message for a write that stopped. */
static int bf_write_failed(struct bf_writer *w, int ret, const char *cmdline)
{
	const struct bf_wstate *st = &w->st;

	if (ret == -EINTR) {
		printf("\nInterrupted: stopped between two operations at 0x%08llx.\n",
		       st->cur);
	} else if (ret != -EILSEQ) {
		bf_err("%s block 0x%08llx failed: %s\n", st->op, st->cur,
		       strerror(-ret));
		bf_explain_errno(w->dev, -ret, w->klog);
	}
	bf_write_state(w, cmdline);
	if (ret == -EINTR)
		return BF_EXIT_INTR;
	return ret == -EILSEQ ? BF_EXIT_VERIFY : BF_EXIT_FAIL;
}

/* Parse protect ("none", "all", "0xA-0xB" lines) and test one block. */
static int bf_range_hit(const char *prot, __u64 size, __u64 off, __u32 len)
{
	unsigned long long a, b;
	const char *p;

	if (!strcmp(prot, "all"))
		return 1;
	for (p = prot; p; p = strchr(p, '\n')) {
		while (*p == '\n')
			p++;
		if (sscanf(p, "%llx-%llx", &a, &b) == 2 &&
		    a <= off + len - 1 && b >= off && a < size)
			return 1;
	}
	return 0;
}

/* 1: the block is protected, 0: it is not, -1: nobody can tell. */
static int bf_block_locked(const struct bf_writer *w, const char *prot,
			   int have_prot, __u64 off)
{
	struct erase_info_user ei = { .start = off, .length = w->st.bs };
	int ret;

	if (have_prot)
		return bf_range_hit(prot, w->dev->size, off, w->st.bs);
	ret = ioctl(w->fd, MEMISLOCKED, &ei);
	return ret < 0 ? -1 : ret > 0;
}

/* Refuse before touching anything if a block that must change is locked. */
static int bf_write_protection(struct bf_writer *w, unsigned int *todo)
{
	unsigned int n = 0, locked = 0, unknown = 0;
	char prot[4096], mode[32];
	__u64 off, first = 0;
	int have, erase, ret;

	have = !bf_attr(w->dev, "protect", prot, sizeof(prot));
	for (off = 0; off < w->st.end; off += w->st.bs) {
		if (!bf_block_plan(w, off, &erase) && !erase)
			continue;
		n++;
		ret = bf_block_locked(w, prot, have, off);
		unknown += ret < 0;
		if (ret > 0 && !locked++)
			first = off;
	}
	*todo = n;
	if (unknown && !locked)
		printf("Protection state unknown (the driver reports none); writing anyway.\n");
	if (!locked)
		return 0;
	bf_err("the chip is write-protected where this image differs: nothing was written.\n");
	if (have)
		printf("  protected: %s\n", prot);
	printf("  %u of the %u blocks to change %s protected, the first at 0x%08llx.\n",
	       locked, n, locked > 1 ? "are" : "is", first);
	bf_attr_or(w->dev, "protect_mode", mode, sizeof(mode));
	bf_prot_hint(w->dev, mode);
	printf("  Then run this command again.\n");
	return -EROFS;
}

static int bf_write_voltage(const struct bf_dev *d)
{
	struct bf_volts v;

	bf_volts(d, &v);
	if (v.ok)
		return 0;
	bf_err("the driver refuses to write %s: the declared bus voltage does not suit the chip.\n",
	       d->path);
	bf_volt_warning(d, &v);
	return -EPERM;
}

/* Blocks to erase and pages to program in each of the image's regions. */
static void bf_plan_regions(const struct bf_writer *w)
{
	unsigned int er[BF_IFD_NREGIONS] = { 0 }, pg[BF_IFD_NREGIONS] = { 0 };
	const struct bf_layout *l = &w->il;
	const struct bf_region *r;
	unsigned int k, in;
	__u64 off, p;
	int erase;

	for (off = 0; off < w->st.end; off += w->st.bs) {
		if (!bf_block_plan(w, off, &erase) && !erase)
			continue;
		for (k = 0; k < l->n; k++) {
			r = &l->r[k];
			if (erase && r->base <= off + w->st.bs - 1 && r->limit >= off)
				er[k]++;
			for (p = off; p < off + w->st.bs; p += w->page)
				pg[k] += p >= r->base && p <= r->limit &&
					 bf_page_needed(w, p, erase);
		}
	}
	for (k = 0; k < l->n; k++) {
		r = &l->r[k];
		in = (w->o->regions && !(w->o->regions & 1u << r->idx)) ||
		     (w->o->keep & 1u << r->idx);
		printf("  region %-2u %-5s %-13s 0x%08x-0x%08x  ", r->idx,
		       bf_region_key(r->idx), bf_region_name(r->idx), r->base,
		       r->limit);
		if (in)
			printf("kept as the chip holds it\n");
		else if (!er[k] && !pg[k])
			printf("unchanged\n");
		else
			printf("%u erase%s, %u page program%s\n", er[k],
			       er[k] == 1 ? "" : "s", pg[k], pg[k] == 1 ? "" : "s");
	}
}

static int bf_write_plan(struct bf_writer *w)
{
	unsigned int blocks = 0, erases = 0, pages = 0, n;
	__u64 off;
	int erase;

	for (off = 0; off < w->st.end; off += w->st.bs) {
		n = bf_block_plan(w, off, &erase);
		blocks += n || erase;
		erases += erase;
		pages += n;
	}
	printf("Plan: %u of %llu blocks differ: %u erases, %u page programs.\n",
	       blocks, w->st.end / w->st.bs, erases, pages);
	if (blocks && w->il.n)
		bf_plan_regions(w);
	return blocks;
}

/* --region and --keep: what lies outside the chosen regions stays as it is */
static int bf_write_select(struct bf_writer *w, const struct bf_image *im)
{
	__u32 want = w->o->regions | w->o->keep;
	const struct bf_region *r, *c;
	unsigned int i, k;
	__u64 off;
	int in;

	if (!want)
		return 0;
	if (!w->il.n) {
		bf_err("--region/--keep: %s has no Intel flash descriptor, so no regions: nothing written\n",
		       im->name);
		return -EINVAL;
	}
	for (i = 0; i < BF_IFD_NREGIONS; i++) {
		if (!(want & 1u << i))
			continue;
		r = bf_layout_find(&w->il, i);
		c = bf_layout_find(&w->cl, i);
		if (!r) {
			bf_err("--region/--keep: the image's descriptor has no %s region: nothing written\n",
			       bf_region_key(i));
			return -EINVAL;
		}
		if (!c || c->base != r->base || c->limit != r->limit) {
			bf_err("--region/--keep: region %s is 0x%08x-0x%08x in the image but not in the chip's descriptor: the layouts differ, write the whole image; nothing written\n",
			       bf_region_key(i), r->base, r->limit);
			return -EINVAL;
		}
	}
	/* regions start and end on 4 KiB boundaries (FLREG units) */
	for (off = 0; off < w->st.end; off += BF_IFD_UNIT) {
		in = 0;
		for (k = 0; k < w->il.n; k++) {
			r = &w->il.r[k];
			if (off >= r->base && off <= r->limit) {
				in = 1u << r->idx;
				break;
			}
		}
		if ((w->o->regions && !(in & w->o->regions)) || (in & w->o->keep))
			memcpy(w->tgt + off, w->old + off, BF_IFD_UNIT);
	}
	return 0;
}

/*
 * Board-unique data: the GbE region's MAC address can be kept (--keep gbe);
 * the serial number and UUID, kept by vendors in the BIOS region in no
 * published format, can only be warned about.
 */
static int bf_write_board_data(struct bf_writer *w)
{
	const struct bf_region *g = bf_layout_find(&w->il, 3);
	const struct bf_region *b = bf_layout_find(&w->il, 1);
	__u64 bb = b ? b->base : 0, bl = b ? b->limit : w->st.end - 1;
	__u8 cm[6], im[6];
	int hc, hi;

	if (bl < w->st.end &&
	    memcmp(w->old + bb, w->tgt + bb, bl - bb + 1))
		printf("Note: a vendor's BIOS region also holds the board's serial number and\n"
		       "  system UUID; writing it replaces them with the image's. Keep your\n"
		       "  backup: it holds the originals (biosflash(8), BOARD DATA).\n");
	if (!g || g->limit >= w->st.end ||
	    !memcmp(w->old + g->base, w->tgt + g->base, g->limit - g->base + 1))
		return 0;
	hc = bf_gbe_mac(w->old, &w->cl, cm);
	hi = bf_gbe_mac(w->tgt, &w->il, im);
	if (!hc) {
		printf("The GbE region changes; the chip holds no valid GbE data\n"
		       "(no MAC address to keep).\n");
		return 0;
	}
	printf("The GbE region changes: the board's MAC address ");
	bf_print_mac(cm);
	if (hi && !memcmp(cm, im, 6)) {
		printf(" stays the same.\n");
		return 0;
	}
	printf(" would become ");
	if (hi)
		bf_print_mac(im);
	else
		printf("invalid (the image's GbE data has a bad checksum)");
	printf(".\n");
	if (w->o->force) {
		printf("--force: replacing it.\n");
		return 0;
	}
	bf_err("refused: this image replaces the board's MAC address (GbE region); --keep gbe keeps the chip's, --force writes the image's: nothing written\n");
	return -EPERM;
}

static int bf_write_run(struct bf_writer *w, const struct bf_image *im)
{
	int dry = w->o->dry_run, refused = 0;
	unsigned int todo;
	int ret;

	if (bf_write_voltage(w->dev)) {
		if (!dry)
			return BF_EXIT_FAIL;
		refused = BF_EXIT_FAIL;
	}
	ret = bf_read_chip(w->fd, w->dev, w->old, w->st.end, "read");
	if (ret == -EINTR) {
		printf("\nInterrupted while reading: nothing on the chip was changed.\n");
		return BF_EXIT_INTR;
	}
	if (ret)
		return BF_EXIT_FAIL;
	/* the tail of a last, partial block keeps what the chip holds */
	memcpy(w->tgt, im->data, im->len);
	memcpy(w->tgt + im->len, w->old + im->len, w->st.end - im->len);
	bf_layout_read(w->tgt, im->len, &w->il);
	bf_layout_read(w->old, w->st.end, &w->cl);
	printf("Version strings:\n");
	bf_versions("chip", w->old, w->st.end);
	bf_versions("file", im->data, im->len);
	if (bf_write_select(w, im))
		return BF_EXIT_REFUSED;
	if (bf_write_board_data(w))
		return BF_EXIT_REFUSED;
	if (!bf_write_plan(w)) {
		printf("The chip already holds this image: nothing to write.\n");
		return refused;
	}
	if (bf_write_protection(w, &todo)) {
		if (!dry)
			return BF_EXIT_FAIL;
		refused = BF_EXIT_FAIL;
	}
	if (dry) {
		printf("Dry run: nothing was written%s.\n",
		       refused ? "; the write itself would be refused (see above)" : "");
		return refused;
	}
	ret = bf_write_blocks(w);
	if (ret)
		return bf_write_failed(w, ret, w->o->cmdline);
	printf("Done: %u blocks changed (%u erases, %u page programs), verified;\n"
	       "the rest already held the image.\n",
	       w->st.changed, w->erases, w->programs);
	return BF_EXIT_OK;
}

static int bf_write_setup(struct bf_writer *w, const struct bf_opts *o,
			  const struct bf_image *im, const struct bf_dev *d,
			  int fd)
{
	memset(w, 0, sizeof(*w));
	w->o = o;
	w->fd = fd;
	w->dev = d;
	w->klog = bf_klog_open();
	w->page = d->page;
	w->st.bs = d->erasesize;
	w->st.end = (im->len + d->erasesize - 1) / d->erasesize * d->erasesize;
	w->old = malloc(w->st.end);
	w->tgt = malloc(w->st.end);
	w->rb = malloc(d->erasesize);
	if (!w->old || !w->tgt || !w->rb) {
		bf_err("out of memory\n");
		return -ENOMEM;
	}
	if (o->dry_run) {
		printf("Dry run: the chip is read, nothing is erased or programmed.\n");
		return 0;
	}
	/* SIGINT/SIGTERM stay pending and are looked at between operations */
	sigemptyset(&w->stop);
	sigaddset(&w->stop, SIGINT);
	sigaddset(&w->stop, SIGTERM);
	sigprocmask(SIG_BLOCK, &w->stop, NULL);
	printf("A hangup (SSH session lost) does not stop this write:\n"
	       "its report then goes to %s.\n", bf_hup_setup());
	return 0;
}

static int bf_write_verdict(const struct bf_opts *o, struct bf_image *im,
			    const struct bf_dev *d)
{
	char what[160];
	int v;

	snprintf(what, sizeof(what), "%s (%s)", d->path, d->label);
	v = bf_check(im, d->size, what, o->strip);
	if (im->len > d->size) {
		bf_err("the image does not fit the chip: nothing written\n");
		return BF_EXIT_REFUSED;
	}
	if (v == BF_REFUSE && !o->force) {
		bf_err("refused: nothing written (--force writes it anyway, if you are sure)\n");
		return BF_EXIT_REFUSED;
	}
	if (v == BF_REFUSE)
		printf("--force: writing despite the verdict.\n");
	if (!im->len)
		return BF_EXIT_REFUSED;
	return BF_EXIT_OK;
}

int bf_cmd_write(struct bf_opts *o)
{
	struct bf_writer w;
	struct bf_image im;
	struct bf_dev d;
	int fd, ret;

	fd = bf_dev_open(o->dev, &d, o->dry_run ? O_RDONLY : O_RDWR);
	if (fd < 0)
		return BF_EXIT_FAIL;
	ret = BF_EXIT_FAIL;
	if (bf_image_load(o->file, &im))
		goto out_close;
	ret = bf_write_verdict(o, &im, &d);
	if (ret)
		goto out_free_image;
	ret = BF_EXIT_FAIL;
	if (!bf_write_setup(&w, o, &im, &d, fd))
		ret = bf_write_run(&w, &im);
	free(w.old);
	free(w.tgt);
	if (w.klog >= 0)
		close(w.klog);
	free(w.rb);
out_free_image:
	free(im.buf);
out_close:
	close(fd);
	return ret;
}
