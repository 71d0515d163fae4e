// SPDX-License-Identifier: GPL-2.0
/*
 * biosflash voltage safety and the WP# line.
 *
 * A 1.8 V chip (W25Q256JW, MX25U..., GD25LB...) driven straight from a
 * Raspberry Pi's 3.3 V SPI pins is outside its ratings (W25Q256JW: VCC
 * 1.7-1.95 V, absolute maximum about 2.5 V, the latter only as a forum post
 * quotes the datasheet: unverified), and its outputs sit below what the Pi
 * reliably reads as high (Documentation/chips.rst, "Voltages").  Reads may
 * still work well enough to save what is on it, but erase, program and
 * status writes on an over-driven chip are exactly what bricked the board in
 * the first place, so they are refused until the user declares the signal
 * level the chip really sees (a level shifter, then io_voltage / shifter_1v8 in
 * the overlay, or the io_mv parameter), or overrides the check.
 */

#include <linux/delay.h>
#include <linux/gpio/consumer.h>
#include <linux/module.h>
#include <linux/property.h>

#include "biosflash.h"

static unsigned int io_mv = 3300;
module_param(io_mv, uint, 0444);
MODULE_PARM_DESC(io_mv, "Signal level on the SPI lines in mV when the device tree does not declare biosflash,io-microvolt (default 3300)");

static unsigned int chip_mv;
module_param(chip_mv, uint, 0444);
MODULE_PARM_DESC(chip_mv, "Supply voltage in mV of a chip the driver's table does not know, read from its datasheet: 1800 (a 1.8 V part) or 3300 (a 3.3 V part); until it is declared, erase, program and status writes to such a chip are refused");

static bool allow_unsafe_voltage;
module_param(allow_unsafe_voltage, bool, 0644);
MODULE_PARM_DESC(allow_unsafe_voltage, "Allow erase, program and status writes although the declared I/O voltage is outside the chip's supply range (default: refuse)");

/*
 * A declared supply of a chip the table does not know stands for the range
 * its class shares in the table: 1.8 V parts 1.65-2.0 V (MX25U25635F,
 * GD25LB256E; the W25Q256JW's 1.7-1.95 V lies inside), 3.3 V parts
 * 2.7-3.6 V (W25Q256JV, W25Q128JV).
 */
static void bf_supply_declared(struct bf_flash *flash, unsigned int mv)
{
	if (mv >= 1650 && mv <= 2000) {
		flash->vcc_min_mv = 1650;
		flash->vcc_max_mv = 2000;
	} else if (mv >= 2700 && mv <= 3600) {
		flash->vcc_min_mv = 2700;
		flash->vcc_max_mv = 3600;
	} else if (mv) {
		dev_warn(flash->dev, "declared chip supply %u mV is neither a 1.8 V (1650-2000) nor a 3.3 V (2700-3600) part's: ignored\n",
			 mv);
	}
}

/**
 * bf_voltage_init() - learn the bus voltage and the chip's range, warn at
 *	probe
 * @flash: the programmer, with its chip identified
 */
void bf_voltage_init(struct bf_flash *flash)
{
	const struct bf_chip *chip = flash->chip;
	u32 uv;

	if (!device_property_read_u32(flash->dev, "biosflash,io-microvolt", &uv))
		flash->io_mv = uv / 1000;
	else
		flash->io_mv = io_mv;
	if (chip && chip->vcc_max_mv) {
		flash->vcc_min_mv = chip->vcc_min_mv;
		flash->vcc_max_mv = chip->vcc_max_mv;
	} else if (!device_property_read_u32(flash->dev,
					     "biosflash,chip-microvolt", &uv) &&
		   uv) {
		bf_supply_declared(flash, uv / 1000);
	} else {
		bf_supply_declared(flash, chip_mv);
	}
	if (!flash->vcc_max_mv) {
		flash->voltage_ok = false;
		dev_warn(flash->dev, "%s: its supply range is not in the driver's table, so erase, program and status writes are refused until you declare it from the chip's datasheet (overlay chip_1v8 or chip_3v3, or chip_mv=1800 or 3300); reads are allowed\n",
			 flash->name);
		return;
	}
	flash->voltage_ok = flash->io_mv >= flash->vcc_min_mv &&
			    flash->io_mv <= flash->vcc_max_mv;
	if (!flash->voltage_ok)
		dev_warn(flash->dev, "%s is a %u.%02u-%u.%02u V chip but its SPI lines are declared at %u.%02u V: %s. Put a %u.%u V level shifter between the SPI pins and the chip, then declare it (overlay shifter_1v8 or io_voltage, or io_mv=); until then erase, program and status writes are refused, reads are allowed\n",
			 flash->name, flash->vcc_min_mv / 1000,
			 (flash->vcc_min_mv % 1000) / 10,
			 flash->vcc_max_mv / 1000,
			 (flash->vcc_max_mv % 1000) / 10, flash->io_mv / 1000,
			 (flash->io_mv % 1000) / 10,
			 flash->io_mv > flash->vcc_max_mv ?
			 "this over-drives it" :
			 "the chip may not see these levels",
			 flash->vcc_max_mv < 2500 ? 1 : 3,
			 flash->vcc_max_mv < 2500 ? 8 : 3);
}

/**
 * bf_wp_init() - get the optional WP# line, before the chip is touched
 * @flash: the programmer
 *
 * Return: 0, or a negative errno (-EPROBE_DEFER while the GPIO controller
 * is not there yet).
 */
int bf_wp_init(struct bf_flash *flash)
{
	/* logical 1 = asserted = WP# low: protected until we need it high */
	flash->wp = devm_gpiod_get_optional(flash->dev, "wp", GPIOD_OUT_HIGH);
	if (IS_ERR(flash->wp))
		return dev_err_probe(flash->dev, PTR_ERR(flash->wp),
				     "cannot get the WP# GPIO (wp-gpios)\n");
	return 0;
}

/**
 * bf_voltage_check() - may this modifying operation go to the chip?
 * @flash: the programmer
 * @what: the operation, for the message
 *
 * Return: 0, or -EPERM (with one message) while the declared I/O voltage is
 * outside the chip's supply range, or that range is unknown, and
 * allow_unsafe_voltage is not set.
 */
int bf_voltage_check(struct bf_flash *flash, const char *what)
{
	if (flash->voltage_ok || allow_unsafe_voltage)
		return 0;
	if (!flash->vcc_max_mv)
		dev_err(flash->dev, "%s refused: the chip's supply range is unknown; declare it from its datasheet (overlay chip_1v8 or chip_3v3, or chip_mv=), or load with allow_unsafe_voltage=1\n",
			what);
	else
		dev_err(flash->dev, "%s refused: the SPI lines are declared at %u mV, outside the %s's %u-%u mV supply range; fit a level shifter and declare it (shifter_1v8), or load with allow_unsafe_voltage=1\n",
			what, flash->io_mv, flash->name, flash->vcc_min_mv,
			flash->vcc_max_mv);
	return -EPERM;
}

/**
 * bf_wp_release() - drive WP# high (inactive) around a status write
 * @flash: the programmer
 * @release: true before the write, false after it
 *
 * With SRP=1 a status write is only accepted while WP# is high (DS-128JV
 * status register protection table); without a wp-gpios line this does
 * nothing.
 */
void bf_wp_release(struct bf_flash *flash, bool release)
{
	if (!flash->wp)
		return;
	gpiod_set_value_cansleep(flash->wp, !release);
	if (release)
		usleep_range(10, 20);	/* tWHSL >= 20 ns, generously */
}
