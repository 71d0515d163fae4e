// SPDX-License-Identifier: GPL-2.0
/* biosflash(8): status and protect: voltage, protection, errno explained */

#include "bf.h"

/* --- status, protection ---------------------------------------------------- */

static const char *bf_vendor(const char *jedec)
{
	static const struct {
		const char *id;
		const char *name;
	} v[] = {
		{ "ef", "Winbond" }, { "c2", "Macronix" }, { "c8", "GigaDevice" },
		{ "20", "Micron/XMC" }, { "1c", "EON" }, { "bf", "SST" },
		{ "9d", "ISSI" }, { "0b", "XTX" }, { "68", "Boya" },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(v); i++)
		if (!strncasecmp(jedec, v[i].id, 2))
			return v[i].name;
	return NULL;
}

/* "1.8 V", "3.3 V" or "2.70-3.60 V" for a supply range in mV */
static void bf_volt_class(unsigned int lo, unsigned int hi, char *buf,
			  size_t len)
{
	if (hi && hi <= 2000)
		snprintf(buf, len, "1.8 V");
	else if (lo >= 2300 && hi <= 3600)
		snprintf(buf, len, "3.3 V");
	else
		snprintf(buf, len, "%u.%02u-%u.%02u V", lo / 1000,
			 lo % 1000 / 10, hi / 1000, hi % 1000 / 10);
}

void bf_volts(const struct bf_dev *d, struct bf_volts *v)
{
	char buf[64];

	memset(v, 0, sizeof(*v));
	if (bf_attr(d, "supply_voltage", buf, sizeof(buf)) ||
	    sscanf(buf, "%u-%u", &v->lo, &v->hi) != 2 || v->lo > v->hi) {
		v->lo = 0;
		v->hi = 0;
	}
	if (!bf_attr(d, "io_voltage", buf, sizeof(buf)))
		v->io = strtoul(buf, NULL, 10);
	v->ok = -1;
	if (!bf_attr(d, "voltage_ok", buf, sizeof(buf)) && buf[0])
		v->ok = buf[0] == '1';
	else if (v->hi && v->io)
		v->ok = v->io >= v->lo && v->io <= v->hi;
	bf_volt_class(v->lo, v->hi, v->chip, sizeof(v->chip));
	snprintf(v->bus, sizeof(v->bus), "%u.%u V", v->io / 1000,
		 v->io % 1000 / 100);
}

void bf_volt_warning(const struct bf_dev *d, const struct bf_volts *v)
{
	if (v->ok)
		return;
	if (!v->hi) {
		printf("\n"
		       "Warning: the driver does not know this chip's supply range (it found the\n"
		       "  chip by its SFDP tables only). Read it from the chip's datasheet and\n"
		       "  declare it: overlay parameter chip_1v8 or chip_3v3, or module parameter\n"
		       "  chip_mv=1800 or chip_mv=3300. Until then the driver refuses to erase,\n"
		       "  program or change protection on %s; reading still works.\n",
		       d->path);
		return;
	}
	printf("\n"
	       "Warning: this is a %s chip on a %s bus: the chip is rated %u.%02u-%u.%02u V but its SPI lines were declared as %s.\n",
	       v->chip, v->bus, v->lo / 1000, v->lo % 1000 / 10,
	       v->hi / 1000, v->hi % 1000 / 10, v->bus);
	if (v->io > v->hi)
		printf("  Signals above the chip's rating can destroy it, and a chip\n"
		       "  fed a wrong level can misread commands. Put a level shifter for\n"
		       "  the chip's voltage between the Pi and the chip and declare it\n"
		       "  (overlay parameter shifter_1v8 / io_voltage, or module parameter io_mv).\n");
	else
		printf("  Signals below the chip's range may not be recognised. Check\n"
		       "  which level the wiring really has and declare it (overlay\n"
		       "  parameter io_voltage, or module parameter io_mv).\n");
	printf("  Until then the driver refuses to erase, program or change protection on %s;\n"
	       "  reading (biosflash backup) still works.\n",
	       d->path);
}

/* How to clear protection, for the mode in protect_mode. */
void bf_prot_hint(const struct bf_dev *d, const char *mode)
{
	if (!strcmp(mode, "hardware"))
		printf("  The status register is locked while the chip's WP# pin is low (SRP=1).\n"
		       "  Tie WP# to the chip's VCC (or declare wp-gpios), then run: biosflash unlock %s\n",
		       d->path);
	else if (!strcmp(mode, "power-cycle"))
		printf("  The status register is locked until the chip loses power (SRL=1).\n"
		       "  Switch the board off at the wall (and the chip's supply), then run: biosflash unlock %s\n",
		       d->path);
	else if (!strcmp(mode, "permanent"))
		printf("  The protection is permanent (one-time programmed): it can\n"
		       "  never be cleared; the protected blocks can never be written.\n");
	else
		printf("  Clear it with: biosflash unlock %s\n", d->path);
}

static void bf_status_protection(const struct bf_dev *d)
{
	char prot[4096], mode[32], regs[64];
	char *p;

	bf_attr_or(d, "protect", prot, sizeof(prot));
	bf_attr_or(d, "protect_mode", mode, sizeof(mode));
	bf_attr_or(d, "protect_regs", regs, sizeof(regs));
	for (p = prot; (p = strchr(p, '\n'));)
		*p = ',';
	printf("Protection:  %s\n", !strcmp(prot, "none") ?
	       "none (the whole chip can be written)" :
	       !strcmp(prot, "all") ? "the whole chip is write-protected" :
	       prot);
	printf("Lock mode:   %s%s\n", mode,
	       !strcmp(mode, "software") ? " (status registers writable)" : "");
	printf("Registers:   %s\n", regs);
	if (!strcmp(prot, "unknown")) {
		printf("\n"
		       "Note: the driver does not report protection (no protect attribute); writes to\n"
		       "  protected blocks would fail at verify.\n");
	} else if (strcmp(prot, "none")) {
		printf("\n"
		       "Warning: part of the chip is write-protected (%s).\n"
		       "  The chip silently ignores erase and program there, so the driver refuses them.\n"
		       "  Some boards set this protection again at every boot.\n",
		       prot);
		bf_prot_hint(d, mode);
	}
}

int bf_cmd_status(struct bf_opts *o)
{
	char chip[64], id[32], name[96], sz[32], eb[32];
	const char *vendor;
	struct bf_volts v;
	struct bf_dev d;

	if (bf_dev_name(o->dev, &d) || bf_dev_geometry(&d))
		return BF_EXIT_FAIL;
	bf_attr_or(&d, "chip", chip, sizeof(chip));
	bf_attr_or(&d, "jedec_id", id, sizeof(id));
	bf_attr_or(&d, "name", name, sizeof(name));
	vendor = bf_vendor(id);
	bf_volts(&d, &v);
	printf("Device:      %s (%s)\n", d.path, name);
	printf("Chip:        %s, JEDEC ID %s%s%s%s\n", chip, id,
	       vendor ? " (" : "", vendor ? vendor : "", vendor ? ")" : "");
	printf("Size:        %s (%llu bytes), %s erase blocks\n",
	       bf_size(d.size, sz, sizeof(sz)), (unsigned long long)d.size,
	       bf_size(d.erasesize, eb, sizeof(eb)));
	if (v.hi)
		printf("Supply:      %u.%02u-%u.%02u V (a %s chip)\n", v.lo / 1000,
		       v.lo % 1000 / 10, v.hi / 1000, v.hi % 1000 / 10, v.chip);
	else
		printf("Supply:      unknown (check the chip's datasheet)\n");
	printf("Bus:         %s\n", v.io ? v.bus : "unknown (not declared)");
	if (v.io)
		printf("             declared, not measured: the level the chip's lines are\n"
		       "             said to see (shifter_1v8/io_voltage, or io_mv=)\n");
	printf("Voltage:     %s\n", v.ok < 0 ? "unknown" : v.ok ?
	       "declared to suit the chip (the declared bus level is inside the chip's\n"
	       "             range); check the chip side of the wiring with a multimeter" :
	       v.hi ? "MISMATCH: writes are blocked" :
	       "UNKNOWN chip supply: writes are blocked until it is declared");
	bf_status_protection(&d);
	if (!v.ok)
		bf_volt_warning(&d, &v);
	return BF_EXIT_OK;
}

/* What an errno from the driver means here, and the driver's own words. */
void bf_explain_errno(const struct bf_dev *d, int err, int klog)
{
	struct bf_volts v;

	switch (err) {
	case EACCES:
		printf("  Hardware protection: SRP=1 and the WP# pin is held low.\n"
		       "  Tie WP# to the chip's VCC (or declare wp-gpios), then try again.\n");
		break;
	case EBUSY:
		printf("  The status registers are locked until the chip is power-cycled (SRL=1).\n"
		       "  Switch the board off at the wall, then try again.\n");
		break;
	case EPERM:
		bf_volts(d, &v);
		if (!v.ok)
			printf("  The declared bus voltage does not match the chip:\n"
			       "  the driver refuses all writes. See: biosflash status %s\n",
			       d->path);
		else
			printf("  The protection is permanent (one-time programmed).\n");
		break;
	case EIO:
		printf("  The write did not stick although nothing forbids it: check\n"
		       "  the chip's supply voltage, the wiring, and that no chipset\n"
		       "  drives the bus (board off).\n");
		break;
	case ENXIO:
		printf("  The bus is stuck (status reads 0x00 or 0xFF):\n"
		       "  check MISO and the chip's power.\n");
		break;
	case ETIMEDOUT:
		printf("  The chip stayed busy: check its supply voltage.\n");
		break;
	case EROFS:
		printf("  Part of the chip is write-protected. See: biosflash status %s\n",
		       d->path);
		break;
	}
	bf_klog_show(klog);
	printf("  The kernel log has the details: dmesg | tail\n");
}

int bf_cmd_protect(struct bf_opts *o)
{
	char path[128], prot[4096];
	int lock = !strcmp(o->cmd, "lock");
	struct bf_dev d;
	int ret, klog;

	if (bf_dev_name(o->dev, &d))
		return BF_EXIT_FAIL;
	snprintf(path, sizeof(path), BF_SYS_MTD "/%s/protect", d.name);
	if (access(path, F_OK)) {
		bf_err("%s has no protect attribute: the loaded driver does not support protection (or %s is not a biosflash device)\n",
		       d.path, d.path);
		return BF_EXIT_FAIL;
	}
	klog = bf_klog_open();
	ret = bf_write_str(path, lock ? "lock" : "unlock");
	if (ret) {
		bf_err("%s of %s failed: %s\n", o->cmd, d.path, strerror(-ret));
		bf_explain_errno(&d, -ret, klog);
		return BF_EXIT_FAIL;
	}
	if (klog >= 0)
		close(klog);
	bf_attr_or(&d, "protect", prot, sizeof(prot));
	printf("%s: %s done; protected now: %s\n", d.path, o->cmd, prot);
	return BF_EXIT_OK;
}
