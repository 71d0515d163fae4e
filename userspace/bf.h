/* SPDX-License-Identifier: GPL-2.0 */
/* biosflash(8): what the tool's source files share */
#ifndef BF_H
#define BF_H

#define _GNU_SOURCE
/* __u64 is unsigned long long on every architecture, as %llu expects */
#define __SANE_USERSPACE_TYPES__
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <linux/types.h>
#include <mtd/mtd-user.h>

#ifndef BF_VERSION
#define BF_VERSION "unknown"
#endif

#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))

#define BF_EXIT_OK		0
#define BF_EXIT_FAIL		1
#define BF_EXIT_USAGE		2
#define BF_EXIT_REFUSED		3
#define BF_EXIT_VERIFY		4
#define BF_EXIT_INTR		5

#define BF_SYS_MTD		"/sys/class/mtd"
#define BF_SYS_SPI		"/sys/bus/spi"
#define BF_DRV			"biosflash"

#define BF_KIB			1024ull
#define BF_MIB			(1024ull * 1024ull)
#define BF_PAGE			256u
#define BF_CHUNK		(256u * 1024u)
#define BF_MAX_FILE		(1024ull * BF_MIB)
#define BF_UNSTABLE_SHOWN	20

/* Intel flash descriptor (Documentation/chips.rst) */
#define BF_IFD_SIG		0x0ff0a55au
#define BF_IFD_SIG_OFF		0x10
#define BF_IFD_FLMAP0		0x14
#define BF_IFD_LEN		4096u
#define BF_IFD_NREGIONS		16
#define BF_IFD_UNIT		4096u	/* FLREG base and limit granularity */

/* AMD embedded firmware structure, per 16 MiB window (Documentation/chips.rst) */
#define BF_EFS_SIG		0x55aa55aau
#define BF_EFS_WINDOW		(16 * BF_MIB)

/* EFI_CAPSULE_HEADER as AMI Aptio / ASUS use it (Documentation/chips.rst) */
#define BF_CAP_MIN		0x20
#define BF_CAP_FLAGS		0x14
#define BF_CAP_IMAGE_SIZE	0x18
#define BF_CAP_ROM_OFFSET	0x1c

enum { BF_INFO, BF_OK, BF_WARN, BF_REFUSE };

struct bf_opts {
	const char *cmd;
	const char *file;
	const char *dev;
	const char *extract;
	const char *cmdline;	/* the write command, to resume it */
	const char *region_arg;	/* --region and --keep as given */
	const char *keep_arg;
	__u64 size;
	unsigned int reads;
	unsigned int force;
	unsigned int strip;
	unsigned int dry_run;
	int chips_fmt;		/* chips: 0 text, 'r' reST, 't' TSV */
	__u32 regions;		/* write: only these FLREGs (bit n), 0: all */
	__u32 keep;		/* write: these FLREGs as the chip holds them */
};

struct bf_dev {
	char name[32];		/* mtdN */
	char path[48];		/* /dev/mtdN */
	char label[96];		/* chip name for messages */
	__u64 size;
	__u32 erasesize;
	__u32 page;
};

struct bf_image {
	const char *name;
	__u8 *buf;		/* the whole file */
	size_t fsize;
	const __u8 *data;	/* what would go to the chip */
	size_t len;
	size_t cap_off;		/* capsule header length, 0: no capsule */
};

/* one used region of an Intel flash descriptor, limit inclusive */
struct bf_region {
	unsigned int idx;	/* FLREG number: 1 BIOS, 3 GbE, ... */
	__u32 base, limit;
};

struct bf_layout {
	unsigned int n;
	struct bf_region r[BF_IFD_NREGIONS];
};

struct bf_report {
	int verdict;
	unsigned int warnings;
	unsigned int refusals;
};

struct bf_progress {
	const char *what;
	__u64 total;
	double t0;
	double last;
	int step;
	int tty;
};

struct bf_volts {
	unsigned int lo, hi, io;	/* mV, 0 = unknown */
	int ok;				/* 1, 0, or -1 = unknown */
	char chip[24], bus[24];
};

/* util.c */
void bf_err(const char *fmt, ...);
__u32 bf_le32(const __u8 *p);
__u32 bf_le16(const __u8 *p);
const char *bf_size(__u64 n, char *buf, size_t len);
int bf_all(const __u8 *p, size_t len, __u8 val);
int bf_stop_requested(void);
const char *bf_hup_setup(void);
void bf_progress_start(struct bf_progress *p, const char *what,
		       __u64 total);
void bf_progress(struct bf_progress *p, __u64 done);
void bf_progress_end(struct bf_progress *p, __u64 done);

/* device.c */
int bf_read_str(const char *path, char *buf, size_t len);
int bf_write_str(const char *path, const char *s);
int bf_attr(const struct bf_dev *d, const char *attr, char *buf,
	    size_t len);
const char *bf_attr_or(const struct bf_dev *d, const char *attr,
		       char *buf, size_t len);
void bf_driver_of(const char *devdir, char *buf, size_t len);
int bf_klog_open(void);
const char *bf_klog_next(int fd, char *rec, size_t len,
			 unsigned long long *usec);
void bf_klog_show(int fd);
int bf_mtd_number(const char *name);
int bf_find_default(void);
int bf_dev_name(const char *arg, struct bf_dev *d);
int bf_dev_geometry(struct bf_dev *d);
int bf_dev_open(const char *arg, struct bf_dev *d, int flags);
int bf_pread_all(int fd, __u8 *buf, size_t len, __u64 off);
int bf_pwrite_all(int fd, const __u8 *buf, size_t len, __u64 off);
int bf_read_chip(int fd, const struct bf_dev *d, __u8 *buf, __u64 len,
		 const char *what);

/* image.c */
int bf_image_load(const char *name, struct bf_image *im);
int bf_write_file(const char *name, const __u8 *buf, size_t len,
		  int excl);
int bf_check(struct bf_image *im, __u64 chip, const char *dev,
	     unsigned int strip);
int bf_parse_size(const char *s, __u64 *out);
int bf_image_strip(struct bf_image *im);
int bf_cmd_check(struct bf_opts *o);

/* status.c */
void bf_volts(const struct bf_dev *d, struct bf_volts *v);
void bf_volt_warning(const struct bf_dev *d, const struct bf_volts *v);
void bf_prot_hint(const struct bf_dev *d, const char *mode);
int bf_cmd_status(struct bf_opts *o);
void bf_explain_errno(const struct bf_dev *d, int err, int klog);
int bf_cmd_protect(struct bf_opts *o);

/* write.c */
int bf_cmd_write(struct bf_opts *o);

/* backup.c */
int bf_cmd_backup(struct bf_opts *o);

/* bind.c */
int bf_cmd_bind(struct bf_opts *o);
int bf_cmd_unbind(struct bf_opts *o);

/* layout.c */
const char *bf_region_name(unsigned int idx);
const char *bf_region_key(unsigned int idx);
int bf_region_parse(const char *s);
int bf_layout_read(const __u8 *img, size_t len, struct bf_layout *l);
const struct bf_region *bf_layout_find(const struct bf_layout *l,
				       unsigned int idx);
int bf_gbe_mac(const __u8 *img, const struct bf_layout *l, __u8 *mac);
void bf_print_mac(const __u8 *m);
void bf_versions(const char *who, const __u8 *img, size_t len);

/* chips.c */
int bf_cmd_chips(struct bf_opts *o);

/* diff.c */
int bf_cmd_diff(struct bf_opts *o);

/* report.c */
int bf_cmd_report(struct bf_opts *o);

/* util.c */
int bf_sha256(const __u8 *p, size_t len, char *hex);

#endif /* BF_H */
