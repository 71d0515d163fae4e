/* SPDX-License-Identifier: GPL-2.0 */
/*
 * biosflash chip capability flags, shared by the kernel module (through
 * biosflash.h) and the biosflash tool (userspace/chips.c), which both compile
 * the chip table in chiptab.h.  Plain constants only: BIT() is the kernel's,
 * and the tool defines it before including this file.
 */
#ifndef __BIOSFLASH_CHIPFLAGS_H
#define __BIOSFLASH_CHIPFLAGS_H

/*
 * Capability flags, set by the chip table (BF_F_*) and by SFDP: what the
 * chip can do, not what the driver chose to use.
 */
#define BF_F_4B_READ		BIT(0)	/* 13h */
#define BF_F_4B_FAST_READ	BIT(1)	/* 0Ch */
#define BF_F_4B_PP		BIT(2)	/* 12h */
#define BF_F_4B_ERASE		BIT(3)	/* 21h for 20h, DCh for D8h */
#define BF_F_4B_ERASE_32K	BIT(4)	/* 5Ch for 52h (Macronix only) */
#define BF_F_EN4B		BIT(5)	/* B7h enters, E9h exits 4-byte mode */
#define BF_F_EN4B_WREN		BIT(6)	/* B7h needs WREN first */
#define BF_F_EX4B_WREN		BIT(7)	/* E9h needs WREN first */
#define BF_F_4B_ONLY		BIT(8)	/* always takes 4 address bytes */
#define BF_F_SOFT_RESET		BIT(9)	/* 66h + 99h */
#define BF_F_EAR		BIT(10)	/* C5h/C8h EAR, 0 at power-up */

#define BF_F_4B_OPCODES		(BF_F_4B_READ | BF_F_4B_FAST_READ | \
				 BF_F_4B_PP | BF_F_4B_ERASE)
/* B7h/E9h, each after WREN (Micron; parts whose need of it is unknown) */
#define BF_F_EN4B_WREN_BOTH	(BF_F_EN4B | BF_F_EN4B_WREN | BF_F_EX4B_WREN)

/*
 * Uniform erase commands a chip table entry guarantees without SFDP
 * (&bf_chip.erase); SFDP, when the chip has it, replaces them.
 */
#define BF_E_4K			BIT(0)	/* 20h, 4 KiB */
#define BF_E_32K		BIT(1)	/* 52h, 32 KiB */
#define BF_E_64K		BIT(2)	/* D8h, 64 KiB */
#define BF_E_STD		(BF_E_4K | BF_E_32K | BF_E_64K)

#endif /* __BIOSFLASH_CHIPFLAGS_H */
