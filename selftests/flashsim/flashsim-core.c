// SPDX-License-Identifier: GPL-2.0
/*
 * flashsim - a simulated SPI NOR chip behind a simulated SPI controller.
 *
 * A test fixture (Documentation/flashsim.rst).  A platform driver registers
 * an SPI controller whose chip selects carry simulated chips
 * (flashsim-chip.c).  With "chips=" the module creates the platform device
 * and one spi_device per chip select itself; otherwise a device-tree node
 * "biosflash,flashsim-spi" does, with SPI child nodes as usual.
 *
 * The controller implements transfer_one_message(): it drives CS# exactly
 * as the message asks (cs_change, cs_off, CS# kept after the message) and
 * clocks every byte through the chip on the transfer's bus width.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/math64.h>
#include <linux/module.h>
#include <linux/mod_devicetable.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/spi/spi.h>
#include <linux/spi/spi-mem.h>
#include <linux/string.h>

#include "flashsim.h"

#define FS_MAX_CHIPS		16
#define FS_DEFAULT_MODEL	"w25q256jw"

static char *chips = "";
module_param(chips, charp, 0444);
MODULE_PARM_DESC(chips, "profiles, one per chip select (w25q256jw,...); empty: device tree");

static char *modalias = "biosflash";
module_param(modalias, charp, 0444);
MODULE_PARM_DESC(modalias, "modalias of the spi_devices created for chips=");

static unsigned int speed_hz = 16000000;
module_param(speed_hz, uint, 0444);
MODULE_PARM_DESC(speed_hz, "max_speed_hz of the created spi_devices");

static unsigned int max_xfer;
module_param(max_xfer, uint, 0444);
MODULE_PARM_DESC(max_xfer, "largest transfer in bytes (and message, unless max_msg is set), 0 = unlimited");

static unsigned int max_msg;
module_param(max_msg, uint, 0444);
MODULE_PARM_DESC(max_msg, "largest message in bytes, 0 = as max_xfer");

static unsigned int ctlr_max_hz;
module_param(ctlr_max_hz, uint, 0444);
MODULE_PARM_DESC(ctlr_max_hz, "the controller's max_speed_hz, 0 = none");

static int mem_adjust = -1;
module_param(mem_adjust, int, 0444);
MODULE_PARM_DESC(mem_adjust,
		 "spi-mem adjust_op_size allows at most this many data bytes per op (0: none at all), -1 = no spi-mem ops");

static unsigned int busy_div = 1000;
module_param(busy_div, uint, 0444);
MODULE_PARM_DESC(busy_div, "real busy time = datasheet time / busy_div");

static unsigned int jedec_id;
module_param(jedec_id, uint, 0444);
MODULE_PARM_DESC(jedec_id,
		 "JEDEC ID every chip answers to 9Fh/90h instead of its profile's (0xMMTTCC), 0 = the profile's: a part no table knows");

static unsigned int busy_time;
module_param(busy_time, uint, 0444);
MODULE_PARM_DESC(busy_time,
		 "datasheet busy times: 0 typical, 1 maximum, 2 seeded random between");

struct flashsim_host {
	struct spi_controller *ctlr;
	unsigned int nchips;
	struct flashsim_chip **chips;	/* indexed by chip select */
	struct flashsim_chip *held;	/* CS# left low by the last message */
	size_t max_xfer;
	size_t max_msg;
};

static struct platform_device *flashsim_pdev;

/* ---- the bus ---- */

/* Per-message state of the wires between controller and chip */
struct fs_bus {
	bool mode_mismatch;	/* CPOL != CPHA: W25Q samples the wrong edge */
	u8 carry;		/* last bit of the previous MISO byte */
};

static size_t fs_max_transfer(struct spi_device *spi)
{
	struct flashsim_host *host = spi_controller_get_devdata(spi->controller);

	return host->max_xfer;
}

static size_t fs_max_message(struct spi_device *spi)
{
	struct flashsim_host *host = spi_controller_get_devdata(spi->controller);

	return host->max_msg;
}

/*
 * mem_adjust: a controller with spi-mem operations whose adjust_op_size
 * caps the data of every op, as controllers with a FIFO or a length
 * register do.  Without exec_op, spi_mem_exec_op() still sends the op as
 * an ordinary message, but spi_mem_adjust_op_size() no longer applies the
 * transfer and message limits itself (drivers/spi/spi-mem.c), so they are
 * applied here too.  mem_adjust=0 cuts every op's data to nothing and
 * still returns 0: the caller must notice, or it loops for ever.
 */
static int fs_adjust_op_size(struct spi_mem *mem, struct spi_mem_op *op)
{
	struct flashsim_host *host =
		spi_controller_get_devdata(mem->spi->controller);
	size_t hdr = op->cmd.nbytes + op->addr.nbytes + op->dummy.nbytes;
	size_t max = min(host->max_xfer, host->max_msg);

	if (hdr > max)
		return -EINVAL;
	max = min_t(size_t, max - hdr, mem_adjust);
	op->data.nbytes = min_t(size_t, op->data.nbytes, max);
	return 0;
}

static const struct spi_controller_mem_ops fs_mem_ops = {
	.adjust_op_size = fs_adjust_op_size,
};

static unsigned int fs_xfer_lines(const struct spi_transfer *xfer)
{
	unsigned int tx = xfer->tx_buf ? xfer->tx_nbits : 0;
	unsigned int rx = xfer->rx_buf ? xfer->rx_nbits : 0;

	/* Both directions on different widths: the wider one wins */
	return max3(tx, rx, 1U);
}

/*
 * What the controller samples.  SPI modes 1 and 2 (DS-257FV §6.1.1: modes
 * 0 and 3 only) sample half a clock off: every byte arrives one bit late.
 * fault_miso then overrides the line.
 */
static void fs_bus_rx(struct flashsim_chip *chip, struct fs_bus *bus, u8 *rx,
		      u32 len)
{
	u32 i, from = 0;
	u8 b;

	if (bus->mode_mismatch) {
		for (i = 0; i < len; i++) {
			b = rx[i];
			rx[i] = bus->carry << 7 | b >> 1;
			bus->carry = b & 1;
		}
	}
	/* fault_miso_after fired inside this transfer: lost from there on */
	if (chip->miso_cut != U32_MAX)
		from = min(chip->miso_cut, len);
	chip->miso_cut = U32_MAX;
	if (chip->fault.miso != FS_MISO_NONE && len > from)
		chip->stats.faults++;
	if (chip->fault.miso == FS_MISO_HIGH)
		memset(rx + from, 0xff, len - from);
	else if (chip->fault.miso == FS_MISO_LOW)
		memset(rx + from, 0x00, len - from);
}

static void fs_run_xfer(struct flashsim_chip *chip, struct fs_bus *bus,
			struct spi_transfer *xfer)
{
	unsigned int lines = fs_xfer_lines(xfer);
	u64 cycles = (u64)xfer->len * (8 / lines);
	u32 hz = xfer->speed_hz ?: speed_hz;

	chip->stats.transfers++;
	chip->stats.bytes += xfer->len;
	chip->stats.cycles += cycles;
	chip->stats.bus_ns += mul_u64_u32_div(cycles, NSEC_PER_SEC, hz ?: 1);
	chip->miso_cut = U32_MAX;
	chip->xfer_hz = hz;
	if (chip->selected)
		flashsim_chip_clock(chip, xfer->tx_buf, xfer->rx_buf, xfer->len,
				    lines);
	else if (xfer->rx_buf)
		memset(xfer->rx_buf, 0xff, xfer->len);
	if (xfer->rx_buf)
		fs_bus_rx(chip, bus, xfer->rx_buf, xfer->len);
}

static bool fs_too_big(const struct flashsim_host *host,
		       const struct spi_message *msg)
{
	const struct spi_transfer *xfer;
	size_t total = 0;

	list_for_each_entry(xfer, &msg->transfers, transfer_list) {
		total += xfer->len;
		if (xfer->len > host->max_xfer || total > host->max_msg)
			return true;
	}
	return false;
}

/* fault_xfer_error: the Nth message from now fails, then it disarms */
static bool fs_fault_xfer(struct flashsim_chip *chip)
{
	if (!chip->fault.xfer_error || --chip->fault.xfer_error)
		return false;
	chip->stats.faults++;
	return true;
}

static int fs_check_message(const struct flashsim_host *host,
			    struct flashsim_chip *chip,
			    const struct spi_message *msg)
{
	if (fs_fault_xfer(chip))
		return -EIO;
	if (fs_too_big(host, msg))
		return -EMSGSIZE;
	return 0;
}

static int fs_run_message(struct flashsim_host *host,
			  struct flashsim_chip *chip, struct spi_message *msg)
{
	struct spi_device *spi = msg->spi;
	struct fs_bus bus = {
		.mode_mismatch = !(spi->mode & SPI_CPOL) != !(spi->mode & SPI_CPHA),
		.carry = 1,
	};
	struct spi_transfer *xfer;

	int ret;

	chip->stats.messages++;
	ret = fs_check_message(host, chip, msg);
	if (ret) {
		/* Fails before any clock; CS# a previous message left low rises */
		flashsim_chip_select(chip, false);
		return ret;
	}
	list_for_each_entry(xfer, &msg->transfers, transfer_list) {
		flashsim_chip_select(chip, !xfer->cs_off);
		fs_run_xfer(chip, &bus, xfer);
		spi_transfer_delay_exec(xfer);
		msg->actual_length += xfer->len;
		if (!xfer->cs_change)
			continue;
		if (list_is_last(&xfer->transfer_list, &msg->transfers)) {
			/* cs_change on the last transfer: keep CS# low */
			host->held = chip;
			return 0;
		}
		flashsim_chip_select(chip, false);
		spi_delay_exec(&xfer->cs_change_delay, xfer);
	}
	flashsim_chip_select(chip, false);
	return 0;
}

/* A message to another chip select deselects a chip left selected. */
static void fs_release_held(struct flashsim_host *host,
			    struct flashsim_chip *chip)
{
	struct flashsim_chip *held = host->held;

	host->held = NULL;
	if (!held || held == chip)
		return;
	mutex_lock(&held->lock);
	flashsim_chip_select(held, false);
	mutex_unlock(&held->lock);
}

static int fs_transfer_one_message(struct spi_controller *ctlr,
				   struct spi_message *msg)
{
	struct flashsim_host *host = spi_controller_get_devdata(ctlr);
	unsigned int cs = spi_get_chipselect(msg->spi, 0);
	struct flashsim_chip *chip = cs < host->nchips ? host->chips[cs] : NULL;

	fs_release_held(host, chip);
	if (chip) {
		mutex_lock(&chip->lock);
		msg->status = fs_run_message(host, chip, msg);
		mutex_unlock(&chip->lock);
	} else {
		msg->status = -ENODEV;
	}
	spi_finalize_current_message(ctlr);
	return 0;
}

/* ---- chips from module parameters or from the device tree ---- */

static int fs_add_chip(struct flashsim_host *host, struct device *dev,
		       unsigned int cs, const char *model)
{
	const struct flashsim_profile *prof = flashsim_profile_find(model);
	struct flashsim_chip *chip;

	if (!prof) {
		dev_err(dev, "CS%u: unknown model \"%s\"\n", cs, model);
		return -EINVAL;
	}
	if (host->chips[cs]) {
		dev_err(dev, "CS%u: two chips on one chip select\n", cs);
		return -EINVAL;
	}
	chip = flashsim_chip_create(dev, prof, cs, busy_div);
	if (IS_ERR(chip))
		return PTR_ERR(chip);
	chip->busy_time = busy_time;
	if (jedec_id) {
		chip->id[0] = jedec_id >> 16;
		chip->id[1] = jedec_id >> 8;
		chip->id[2] = jedec_id;
	}
	host->chips[cs] = chip;
	return 0;
}

static int fs_param_chips(struct flashsim_host *host, struct device *dev)
{
	char *list, *cur, *model;
	unsigned int cs = 0;
	int ret = 0;

	list = kstrdup(chips, GFP_KERNEL);
	if (!list)
		return -ENOMEM;
	cur = list;
	while ((model = strsep(&cur, ",")) && !ret)
		ret = fs_add_chip(host, dev, cs++, strim(model));
	kfree(list);
	return ret;
}

static unsigned int fs_param_count(void)
{
	unsigned int n = 1;
	const char *p;

	if (!chips || !*chips)
		return 0;
	for (p = chips; *p; p++)
		n += *p == ',';
	return n;
}

static int fs_dt_count(struct device *dev, struct device_node *np)
{
	unsigned int ncs = 0;
	u32 cs;

	for_each_available_child_of_node_scoped(np, child) {
		if (of_property_read_u32(child, "reg", &cs)) {
			dev_err(dev, "%pOF: no reg\n", child);
			return -EINVAL;
		}
		ncs = max(ncs, cs + 1);
	}
	return ncs;
}

static int fs_dt_chips(struct flashsim_host *host, struct device *dev,
		       struct device_node *np)
{
	const char *model;
	u32 cs;
	int ret;

	for_each_available_child_of_node_scoped(np, child) {
		of_property_read_u32(child, "reg", &cs);
		model = FS_DEFAULT_MODEL;
		of_property_read_string(child, "flashsim,model", &model);
		ret = fs_add_chip(host, dev, cs, model);
		if (ret)
			return ret;
	}
	return 0;
}

static int fs_new_devices(struct flashsim_host *host, struct device *dev)
{
	struct spi_board_info info = {
		.max_speed_hz = speed_hz,
		.mode = SPI_MODE_0,
	};
	struct spi_device *spi;
	unsigned int cs;

	strscpy(info.modalias, modalias, sizeof(info.modalias));
	for (cs = 0; cs < host->nchips; cs++) {
		info.chip_select = cs;
		spi = spi_new_device(host->ctlr, &info);
		if (!spi) {
			dev_err(dev, "CS%u: cannot add the spi_device\n", cs);
			return -ENODEV;
		}
	}
	return 0;
}

static int fs_debugfs_chips(struct flashsim_host *host, struct device *dev)
{
	char name[32];
	unsigned int cs;
	int ret;

	for (cs = 0; cs < host->nchips; cs++) {
		if (!host->chips[cs])
			continue;
		/* The spi_device's name: spi_dev_set_name() */
		snprintf(name, sizeof(name), "%s.%u",
			 dev_name(&host->ctlr->dev), cs);
		ret = flashsim_debugfs_add(dev, host->chips[cs], name);
		if (ret)
			return ret;
	}
	return 0;
}

static void fs_setup_controller(struct spi_controller *ctlr,
				struct device_node *np, unsigned int nchips)
{
	ctlr->dev.of_node = np;
	ctlr->bus_num = -1;
	ctlr->num_chipselect = nchips;
	ctlr->mode_bits = SPI_CPOL | SPI_CPHA | SPI_TX_DUAL | SPI_RX_DUAL |
			  SPI_TX_QUAD | SPI_RX_QUAD;
	ctlr->bits_per_word_mask = SPI_BPW_MASK(8);
	ctlr->transfer_one_message = fs_transfer_one_message;
	ctlr->max_transfer_size = fs_max_transfer;
	ctlr->max_message_size = fs_max_message;
	if (mem_adjust >= 0)
		ctlr->mem_ops = &fs_mem_ops;
	/* the SPI core clamps every device and transfer to it */
	ctlr->max_speed_hz = ctlr_max_hz;
}

static int fs_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct device_node *np = dev->of_node;
	struct spi_controller *ctlr;
	struct flashsim_host *host;
	int ncs, ret;

	ncs = np ? fs_dt_count(dev, np) : fs_param_count();
	if (ncs < 0)
		return ncs;
	if (!ncs || ncs > FS_MAX_CHIPS) {
		dev_err(dev, "%d chips: need 1 to %d\n", ncs, FS_MAX_CHIPS);
		return -EINVAL;
	}
	ctlr = devm_spi_alloc_host(dev, sizeof(*host));
	if (!ctlr)
		return -ENOMEM;
	host = spi_controller_get_devdata(ctlr);
	host->ctlr = ctlr;
	host->nchips = ncs;
	host->max_xfer = max_xfer ?: SIZE_MAX;
	host->max_msg = max_msg ?: host->max_xfer;
	host->chips = devm_kcalloc(dev, ncs, sizeof(*host->chips), GFP_KERNEL);
	if (!host->chips)
		return -ENOMEM;
	ret = np ? fs_dt_chips(host, dev, np) : fs_param_chips(host, dev);
	if (ret)
		return ret;
	fs_setup_controller(ctlr, np, ncs);
	ret = devm_spi_register_controller(dev, ctlr);
	if (ret)
		return dev_err_probe(dev, ret, "cannot register the controller\n");
	if (!np) {
		ret = fs_new_devices(host, dev);
		if (ret)
			return ret;
	}
	platform_set_drvdata(pdev, host);
	return fs_debugfs_chips(host, dev);
}

static const struct of_device_id fs_of_match[] = {
	{ .compatible = "biosflash,flashsim-spi" },
	{ }
};
MODULE_DEVICE_TABLE(of, fs_of_match);

static struct platform_driver fs_driver = {
	.probe = fs_probe,
	.driver = {
		.name = KBUILD_MODNAME,
		.of_match_table = fs_of_match,
	},
};

static int __init flashsim_init(void)
{
	int ret;

	if (!busy_div) {
		pr_err("busy_div must not be 0\n");
		return -EINVAL;
	}
	if (busy_time >= FS_TIME_NR) {
		pr_err("busy_time must be 0 (typical), 1 (maximum) or 2 (random)\n");
		return -EINVAL;
	}
	flashsim_debugfs_init();
	ret = platform_driver_register(&fs_driver);
	if (ret)
		goto out_debugfs;
	if (!fs_param_count())
		return 0;
	flashsim_pdev = platform_device_register_simple(KBUILD_MODNAME,
							PLATFORM_DEVID_NONE,
							NULL, 0);
	if (IS_ERR(flashsim_pdev)) {
		ret = PTR_ERR(flashsim_pdev);
		goto out_driver;
	}
	/* Probe ran synchronously: report its failure to modprobe */
	if (!platform_get_drvdata(flashsim_pdev)) {
		ret = -ENODEV;
		goto out_pdev;
	}
	return 0;

out_pdev:
	platform_device_unregister(flashsim_pdev);
out_driver:
	platform_driver_unregister(&fs_driver);
out_debugfs:
	flashsim_debugfs_exit();
	return ret;
}
module_init(flashsim_init);

static void __exit flashsim_exit(void)
{
	if (!IS_ERR_OR_NULL(flashsim_pdev))
		platform_device_unregister(flashsim_pdev);
	platform_driver_unregister(&fs_driver);
	flashsim_debugfs_exit();
}
module_exit(flashsim_exit);

MODULE_DESCRIPTION("Simulated SPI NOR flash chips on a simulated SPI controller");
MODULE_LICENSE("GPL");
