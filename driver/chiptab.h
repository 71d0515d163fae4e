/* SPDX-License-Identifier: GPL-2.0 */
/*
 * biosflash chip table: one BF_CHIP() line per JEDEC ID, the single source
 * that both driver/chips.c (struct bf_chip) and the biosflash tool
 * (userspace/chips.c, "biosflash chips") compile, each defining BF_CHIP()
 * its own way; Documentation/chip-table.rst is the tool's output.  Include
 * it only inside an array initializer, after defining BF_CHIP().
 *
 * BF_CHIP(name, id0, id1, id2, size, vcc_min_mv, vcc_max_mv, flags, erase,
 *	   times, fixup, prot, note)
 *
 * name is the part, or "a/b" for parts that share the ID and that nothing
 * read tells apart (the entry then holds only what all of them have).
 * flags: BF_F_* (chipflags.h); erase: BF_E_* used without SFDP; times,
 * fixup, prot: as struct bf_chip (prot NULL: protection layout unknown);
 * vcc 0/0: supply not known, writes wait until the user declares it.  note
 * is shown by the tool only.
 *
 * Source tags: SV-W, SV-M, SV-G are the surveys in Documentation/survey/
 * (Winbond/XMC/Zbit, Macronix/ISSI/EON, GigaDevice/Micron/Spansion/SST/
 * Adesto), whose datasheet tags (DS-64FV, MU-N25Q256, ...) they expand;
 * LX is Linux 6.12 drivers/mtd/spi-nor/, FR13 Debian's flashrom 1.3.0
 * (flashrom -V -L), FRM flashrom master, UF ufprog: Documentation/chips.rst,
 * "Sources".  "Unverified" marks what no datasheet read confirms.  Checked
 * against LX and FR13 by scripts/chips-crosscheck.sh.
 */

/* ---- Winbond (SV-W) ---- */

/*
 * W25Q32FV: DS-32FV 8.1.1 (ID), 9.2 (supply), 8.1.2 (erase); W25Q32JV-IQ:
 * FRM "W25Q32JV" only, unverified.  LX "w25q32".  Protection: SEC/TB/BP2..0
 * with 64 KiB units at 4 MiB, a layout the driver does not have.
 */
BF_CHIP("w25q32fv/jv", 0xef, 0x40, 0x16, SZ_4M, 2700, 3600,
	0, BF_E_STD, NULL, NULL, NULL,
	"W25Q32FV and W25Q32JV-IQ share the ID")

/*
 * W25Q64FV: DS-64FV 7.2.1 (ID), 8.2 (supply), 7.2.2 (erase), 7.2.10 (a
 * one-byte 01h clears CMP, QE and SRP1; no SR3, no WPS); W25Q64JV-IQ: PG-64JV
 * section 1 (size, 2.7-3.6 V), ID unverified.  LX "w25q64".  No SFDP needed:
 * the table gives size and erase commands.  Protection: NULL (SR3 only on
 * the JV; 128 KiB BP units at 8 MiB).
 */
BF_CHIP("w25q64fv/jv", 0xef, 0x40, 0x17, SZ_8M, 2700, 3600,
	0, BF_E_STD, NULL, NULL, NULL,
	"W25Q64FV and W25Q64JV-IQ share the ID; a one-byte 01h clears CMP/QE on the FV")

/*
 * W25Q128JV (DS-128JV), also the W25Q128FV (DS-128FV 8.1.1, 9.2, 7.1: the
 * same SR1/SR2/SR3 bits, SRP1 where the JV has SRL).  LX "w25q128".
 */
BF_CHIP("w25q128jv", 0xef, 0x40, 0x18, SZ_16M, 2700, 3600,
	BF_F_SOFT_RESET, BF_E_STD, &bf_w25q128jv_times, NULL,
	&bf_prot_w25q128jv,
	"also W25Q128FV (same ID and status register layout, DS-128FV 7.1)")

/*
 * W25Q256JV (DS-256JV 8.1.1, 9.2, 8.1.2-8.1.4), W25Q256FV (DS-256FV 8.1.1,
 * 9.2, 6.1.5, 7.2): told apart by bf_w25q256_fixup().  LX "w25q256".
 */
BF_CHIP("w25q256jv", 0xef, 0x40, 0x19, SZ_32M, 2700, 3600,
	BF_F_4B_OPCODES | BF_F_EN4B | BF_F_SOFT_RESET | BF_F_EAR, BF_E_STD,
	NULL, bf_w25q256_fixup, &bf_prot_w25q256,
	"also W25Q256FV, told apart by the SFDP BFPT minor revision (FV: no 4-byte opcodes)")

/*
 * W25Q512JV-IQ: no datasheet read; ID, size, supply and B7h from FR13/FRM
 * "W25Q512JV" (FEATURE_4BA) and LX "w25q512jvq", unverified.  4-byte opcodes
 * only from SFDP.
 */
BF_CHIP("w25q512jv", 0xef, 0x40, 0x20, SZ_64M, 2700, 3600,
	BF_F_EN4B, BF_E_STD, NULL, NULL, NULL,
	"W25Q512JV-IQ; chips marked W25Q512JVEIQ answering EF7020 were reported (FRM)")

/*
 * W25Q32JV-IM: no datasheet read; FRM "W25Q32JV_M", LX "w25q32jv";
 * unverified.
 * Protection: the W25Q128JV layout (1/64 of the chip per BP step),
 * unverified for this part.
 */
BF_CHIP("w25q32jv-im", 0xef, 0x70, 0x16, SZ_4M, 2700, 3600,
	0, BF_E_STD, NULL, NULL, &bf_prot_w25q128jv,
	"W25Q32JV-IM/JM (QE = 0)")

/*
 * W25Q64JV-IM: DS-64JV-DTR p23 (ID), 9.2 (supply).  LX "w25q64jvm".
 * Protection: SEC/TB/BP2..0 with 128 KiB units at 8 MiB: the W25Q128JV
 * layout, whose BP unit is 1/64 of the chip.
 */
BF_CHIP("w25q64jv-im", 0xef, 0x70, 0x17, SZ_8M, 2700, 3600,
	0, BF_E_STD, NULL, NULL, &bf_prot_w25q128jv,
	"W25Q64JV-IM/JM (QE = 0)")

/*
 * W25Q128JV-IM: DS-128JV-DTR 8.1.1 (ID), 9.2 (supply), 7.1 and 7.1.7 (the
 * SR1/SR2/SR3 bits of the W25Q128JV layout).  LX "w25q128jv".  The SEC/BP
 * range table is taken as DS-128JV's (same density and bits): unverified.
 */
BF_CHIP("w25q128jv-im", 0xef, 0x70, 0x18, SZ_16M, 2700, 3600,
	0, BF_E_STD, NULL, NULL, &bf_prot_w25q128jv,
	"W25Q128JV-IM/JM (QE = 0)")

/*
 * W25Q256JV-IM: no datasheet page read; FR13/FRM "W25Q256JV_M" (FEATURE_4BA),
 * LX "w25q256jvm" (SFDP); unverified.  Protection: FR maps no WPS/SR3.
 */
BF_CHIP("w25q256jv-im", 0xef, 0x70, 0x19, SZ_32M, 2700, 3600,
	BF_F_EN4B, BF_E_STD, NULL, NULL, NULL,
	"W25Q256JV-IM/JM (QE = 0)")

/*
 * W25Q512JV-IM: DS-512JV-DTR 8.1.1 (ID), 9.2 (supply), 6.1.6, 7.2 and
 * 8.1.2-8.1.11 (13h, 0Ch, 12h, 21h, DCh, no 5Ch; B7h/E9h; EAR C5h/C8h).  Not
 * in LX.  Protection: the 512 Mbit BP range table was not read.
 */
BF_CHIP("w25q512jv-im", 0xef, 0x70, 0x20, SZ_64M, 2700, 3600,
	BF_F_4B_OPCODES | BF_F_EN4B | BF_F_EAR, BF_E_STD, NULL, NULL, NULL,
	"W25Q512JV-IM (DTR)")

/*
 * W25Q32FW, W25Q32JW-IQ: no datasheet read; FR13 "W25Q32.W", LX "w25q32dw";
 * unverified.
 */
BF_CHIP("w25q32fw/jw", 0xef, 0x60, 0x16, SZ_4M, 1700, 1950,
	0, BF_E_STD, NULL, NULL, NULL,
	"W25Q32FW and W25Q32JW-IQ share the ID")

/*
 * W25Q64FW, W25Q64JW-IQ: no datasheet read; FR13 "W25Q64.W", LX "w25q64dw";
 * unverified.
 */
BF_CHIP("w25q64fw/jw", 0xef, 0x60, 0x17, SZ_8M, 1700, 1950,
	0, BF_E_STD, NULL, NULL, NULL,
	"W25Q64FW and W25Q64JW-IQ share the ID")

/*
 * W25Q128FW, W25Q128JW-IQ: no datasheet read; FR13 "W25Q128.W", LX
 * "w25q128fw"; unverified.  Protection: FR maps no WPS/SR3.
 */
BF_CHIP("w25q128fw/jw", 0xef, 0x60, 0x18, SZ_16M, 1650, 1950,
	0, BF_E_STD, NULL, NULL, NULL,
	"W25Q128FW and W25Q128JW-IQ share the ID")

/*
 * W25Q256JW: Documentation/chips.rst, "Chip IDs and supply ranges".  The
 * W25R256JW shares EF 60 19 (FRM WINBOND_NEX_W25Q256_W, "same as W25R256JW",
 * same status register layout): neither SFDP nor another read tells them
 * apart, so this entry covers both with what both have.  Its name stays
 * "w25q256jw": MTD names and the tests depend on it.
 */
BF_CHIP("w25q256jw", 0xef, 0x60, 0x19, SZ_32M, 1700, 1950,
	BF_F_4B_OPCODES | BF_F_EN4B | BF_F_SOFT_RESET | BF_F_EAR, BF_E_STD,
	NULL, NULL, &bf_prot_w25q256,
	"also W25R256JW (RPMC): same ID, same registers (FRM); nothing read tells them apart")

/*
 * W25Q512NW-IQ: no datasheet read; LX "w25q512nwq" (SFDP), FRM "W25R512NW"
 * (size, 1.7-1.95 V, FEATURE_4BA); unverified.
 */
BF_CHIP("w25q512nw", 0xef, 0x60, 0x20, SZ_64M, 1700, 1950,
	BF_F_EN4B, BF_E_STD, NULL, NULL, NULL,
	"W25Q512NW-IQ; FRM puts W25R512NW on the same ID")

/*
 * W25Q32JW-IM: no datasheet read; FR13 "W25Q32JW...M", LX "w25q32jwm";
 * unverified.
 */
BF_CHIP("w25q32jw-im", 0xef, 0x80, 0x16, SZ_4M, 1700, 1950,
	0, BF_E_STD, NULL, NULL, NULL,
	"W25Q32JW-IM (DTR)")

/*
 * W25Q64JW-IM: no datasheet read; FR13 "W25Q64JW...M", LX "w25q64jwm";
 * unverified.
 */
BF_CHIP("w25q64jw-im", 0xef, 0x80, 0x17, SZ_8M, 1700, 1950,
	0, BF_E_STD, NULL, NULL, NULL,
	"W25Q64JW-IM (DTR)")

/*
 * W25Q128JW-IM: no datasheet read; FR13 "W25Q128.JW.DTR", LX "w25q128jwm";
 * unverified.
 * Protection: the W25Q128JV layout, unverified for the JW-IM.
 */
BF_CHIP("w25q128jw-im", 0xef, 0x80, 0x18, SZ_16M, 1650, 1950,
	0, BF_E_STD, NULL, NULL, &bf_prot_w25q128jv,
	"W25Q128JW-IM (DTR)")

/*
 * W25Q256JW-IM: no datasheet read; FR13 "W25Q256JW_DTR" (1.7-1.95 V,
 * FEATURE_4BA), LX "w25q256jwm".  Protection: FRM reg_bits SRP S7, SRL S8,
 * BP3..0 S2-S5, TB S6, CMP S14, WPS S18, the W25Q256JW layout (LX instead
 * puts TB at S5: FRM followed); unverified.
 */
BF_CHIP("w25q256jw-im", 0xef, 0x80, 0x19, SZ_32M, 1700, 1950,
	BF_F_EN4B, BF_E_STD, NULL, NULL, &bf_prot_w25q256,
	"W25Q256JW-IM (DTR)")

/*
 * W25Q512NW-IM: no datasheet read; FR13 "W25Q512NW-IM" (FEATURE_4BA), LX
 * "w25q512nwm"; unverified.
 */
BF_CHIP("w25q512nw-im", 0xef, 0x80, 0x20, SZ_64M, 1650, 1950,
	BF_F_EN4B, BF_E_STD, NULL, NULL, NULL,
	"W25Q512NW-IM (DTR)")

/* ---- Macronix (SV-M) ---- */

/*
 * MX25L6406E, 6433F, 6473F: no datasheet read; FR13 "MX25L6406E/MX25L6408E"
 * and "MX25L6436E/.../MX25L6473F" (2.7-3.6 V), LX "mx25l6405d", UF (6433F);
 * unverified.
 */
BF_CHIP("mx25l6406e/6433f/6473f", 0xc2, 0x20, 0x17, SZ_8M, 2700, 3600,
	0, BF_E_STD, NULL, NULL, NULL,
	"MX25L6406E/6433F/6436E/6445E/6473E/6473F share the ID")

/*
 * MX25L12835F, 12873F: no datasheet page with these facts read; FR13
 * "MX25L12833F/.../MX25L12873F", LX "mx25l12805d"; unverified.
 * Protection: the MX25U256 layout (SR BP3..0, CR TB one-time, SCUR
 * WPSEL), as SV-M gives MX25L12835F (PM1795 9-31); BP table unverified.
 */
BF_CHIP("mx25l12835f/12873f", 0xc2, 0x20, 0x18, SZ_16M, 2700, 3600,
	0, BF_E_STD, NULL, NULL, &bf_prot_mx25u256,
	"MX25L12833F/35F/45E/65E/73F share the ID")

/*
 * MX25L25635F: ID C2 20 19 and 2.7-3.6 V from AN0232 Table 2-1, 4-byte
 * mode from AN141 Table 3-1 (B7h/E9h: LX, UF).  MX25L25645G/73G: same ID
 * (LX, FR13, UF), not read.  LX "mx25l25635e" tells the E (no 4-byte
 * opcodes) from the F by the BFPT's 4-4-4 fast read bit
 * (mx25l25635_post_bfpt_fixups()); the driver keeps no BFPT DWORD 5, so
 * this entry gives every member's B7h/E9h and takes 4-byte opcodes only
 * from a 4BAIT.  Protection: SR/CR/SCUR bits of the 3 V parts unverified.
 */
BF_CHIP("mx25l25635f/45g/73g", 0xc2, 0x20, 0x19, SZ_32M, 2700, 3600,
	BF_F_EN4B, BF_E_STD, NULL, NULL, &bf_prot_mx25u256,
	"MX25L25635E/35F/45G/73G share the ID; all enter 4-byte mode with B7h")

/*
 * MX25L51245G: 2.7-3.6 V from DS-L51245G page 1 (J grade); ID and B7h from
 * LX "mx66l51235f" and FR13 "MX66L51235F/MX25L51245G" (FEATURE_4BA),
 * unverified.  4-byte opcodes only from SFDP (LX forces them).
 */
BF_CHIP("mx25l51245g", 0xc2, 0x20, 0x1a, SZ_64M, 2700, 3600,
	BF_F_EN4B, BF_E_STD, NULL, NULL, NULL,
	"also MX66L51235F (same ID)")

/*
 * MX25U6435F: no datasheet read; FR13 "MX25U6435E/F", LX "mx25u6435f";
 * unverified.
 */
BF_CHIP("mx25u6435f", 0xc2, 0x25, 0x37, SZ_8M, 1650, 2000,
	0, BF_E_STD, NULL, NULL, NULL,
	"also MX25U6435E")

/*
 * MX25U12835F, 12873F: no datasheet read; FR13 "MX25U12835F", LX
 * "mx25u12835f"; unverified.
 * Protection: the MX25U256 layout; unverified for this part.
 */
BF_CHIP("mx25u12835f/12873f", 0xc2, 0x25, 0x38, SZ_16M, 1650, 2000,
	0, BF_E_STD, NULL, NULL, &bf_prot_mx25u256,
	"MX25U12835F and MX25U12873F share the ID")

/*
 * MX25U25635F (AN0210 Table 2-1: 1.65-2.0 V), MX25U25643G/45G (FRM:
 * 1.7-2.0 V), MX25U25673G (UF alias of the 45G): nothing read tells them
 * apart, so the supply is the range every member has.  The 35F and 45G
 * SFDP dumps are byte for byte the same (LKML).  LX "mx25u25635f".
 */
BF_CHIP("mx25u25635f/45g/73g", 0xc2, 0x25, 0x39, SZ_32M, 1700, 2000,
	BF_F_4B_OPCODES | BF_F_4B_ERASE_32K | BF_F_EN4B, BF_E_STD, NULL, NULL,
	&bf_prot_mx25u256,
	"MX25U25635F/43G/45G/73G share the ID; supply 1.70-2.00 V, the range all share")

/*
 * MX25U51245G: no datasheet read; FR13 "MX25U51245G" (1.65-2.0 V,
 * FEATURE_4BA), LX "mx25u51245g"/"mx66u51235f"; unverified.
 */
BF_CHIP("mx25u51245g", 0xc2, 0x25, 0x3a, SZ_64M, 1650, 2000,
	BF_F_EN4B, BF_E_STD, NULL, NULL, NULL,
	"also MX66U51235F (same ID)")

/* ---- GigaDevice (SV-G) ---- */

/*
 * GD25Q64, GD25B64: title pages only (GD-Q64C, GD-Q64B, GD-B64C); ID, size,
 * supply from LX "gd25q64" and FR13 "GD25Q64(B)"; unverified.
 * Protection: bf_prot_gd25q (SV-G "Protection").
 */
BF_CHIP("gd25q64/b64", 0xc8, 0x40, 0x17, SZ_8M, 2700, 3600,
	0, BF_E_STD, NULL, NULL, &bf_prot_gd25q,
	"GD25Q64B/C/E and GD25B64C/E share the ID; the B has no 31h")

/*
 * GD25Q127C (GD-Q127C), GD25Q128 (GD-Q128C section 2: 128 Mbit), GD25B128:
 * C8 40 18 in LX "gd25q128", FR13 "GD25Q127C/GD25Q128C" and
 * "GD25B128B/GD25Q128B", 2.7-3.6 V (FR13); unverified.  No read tells
 * them apart (UF tells some by SFDP contents that were not read), so the
 * entry holds what they share: 3-byte addresses, 20h/52h/D8h.  On the
 * GD25Q128C 0Ch is a wrapped burst read (GD-Q128C 7.34): never sent here.
 * Protection: bf_prot_gd25q (SV-G "Protection").
 */
BF_CHIP("gd25q127c/q128/b128", 0xc8, 0x40, 0x18, SZ_16M, 2700, 3600,
	0, BF_E_STD, NULL, NULL, &bf_prot_gd25q,
	"GD25Q127C, GD25Q128B/C/E and GD25B128B/E share the ID; nothing read tells them apart")

/*
 * GD25Q256C/D/E, GD25B256D/E: 32 MiB (GD-Q256C section 2); an extended
 * address register (GD-Q256C/D/E, GD-B256E contents 6.2); B7h/E9h and the
 * supply from FR13 "GD25Q256D/GD25Q256E" (FEATURE_4BA, 2.7-3.6 V), LX
 * "gd25q256"; unverified.
 */
BF_CHIP("gd25q256/b256", 0xc8, 0x40, 0x19, SZ_32M, 2700, 3600,
	BF_F_EN4B, BF_E_STD, NULL, NULL, NULL,
	"GD25Q256C/D/E and GD25B256D/E share the ID")

/*
 * GD25B512MF: FRM GIGADEVICE_GD25B512MF (64 MiB, 2.7-3.6 V, FEATURE_4BA);
 * not in FR13 or LX; unverified.
 */
BF_CHIP("gd25b512mf", 0xc8, 0x40, 0x1a, SZ_64M, 2700, 3600,
	BF_F_EN4B, BF_E_STD, NULL, NULL, NULL,
	"also GD25R512MF (FRM); UF gives this ID to the GD55B512ME")

/*
 * GD25LQ64 (GD-LQ64C title: 1.8 V), GD25LB64, GD25LE64 (UF): ID and supply
 * from LX "gd25lq64c" and FR13 "GD25LQ64(B)" (1.70-1.95 V; FRM 1.695);
 * unverified.
 */
BF_CHIP("gd25lq64/lb64/le64", 0xc8, 0x60, 0x17, SZ_8M, 1700, 1950,
	0, BF_E_STD, NULL, NULL, NULL,
	"GD25LQ64B/C/E, GD25LB64C/E and GD25LE64C/E share the ID")

/*
 * GD25LQ128 (GD-LQ128D title), GD25LB128, GD25LE128: LX "gd25lq128d", FR13
 * "GD25LQ128C/GD25LQ128D/GD25LQ128E" (1.70-1.95 V); unverified.
 */
BF_CHIP("gd25lq128/lb128/le128", 0xc8, 0x60, 0x18, SZ_16M, 1700, 1950,
	0, BF_E_STD, NULL, NULL, NULL,
	"GD25LQ128C/D/E, GD25LB128D/E and GD25LE128D/E share the ID")

/*
 * GD25LQ256D, GD25LB256D, GD25LE256D (UF: B7h/E9h), GD25LQ255E (FRM
 * GIGADEVICE_GD25LQ255E: 1.65-2.0 V, FEATURE_4BA); not in FR13 or LX;
 * unverified.
 */
BF_CHIP("gd25lq256d/lb256d/le256d", 0xc8, 0x60, 0x19, SZ_32M, 1650, 2000,
	BF_F_EN4B, BF_E_STD, NULL, NULL, NULL,
	"GD25LQ256D/LQ255E, GD25LB256D/F and GD25LE256D/LE255E share the ID")

/*
 * GD25LB256E: Documentation/chips.rst, "Chip IDs and supply ranges".
 */
BF_CHIP("gd25lb256e", 0xc8, 0x67, 0x19, SZ_32M, 1650, 2000,
	BF_F_EN4B, BF_E_STD, NULL, NULL, &bf_prot_gd25lb256e,
	"also GD25LR256E")

/*
 * GD25LB512ME: FRM GIGADEVICE_GD25LR512ME ("same as GD25LB512ME", 1.65-2.0 V,
 * FEATURE_4BA), UF; not in FR13 or LX; unverified.
 */
BF_CHIP("gd25lb512me", 0xc8, 0x67, 0x1a, SZ_64M, 1650, 2000,
	BF_F_EN4B, BF_E_STD, NULL, NULL, NULL,
	"also GD25LR512ME")

/*
 * GD25LB512MF: FRM 0x601A (1.695-1.95 V, rounded inwards to 1.70,
 * FEATURE_4BA); not in FR13 or LX; unverified.
 */
BF_CHIP("gd25lb512mf", 0xc8, 0x60, 0x1a, SZ_64M, 1700, 1950,
	BF_F_EN4B, BF_E_STD, NULL, NULL, NULL,
	"GD25LB512MF")

/* ---- XMC (SV-W) ---- */

/*
 * XM25QH64A: no datasheet read; LX "XM25QH64A", FRM XMC_XM25QH64A
 * (2.7-3.6 V); unverified.
 */
BF_CHIP("xm25qh64a", 0x20, 0x70, 0x17, SZ_8M, 2700, 3600,
	0, BF_E_STD, NULL, NULL, NULL,
	"XM25QH64A")

/*
 * XM25QH64C/D: no datasheet read; FR13 "XM25QH64C" (2.7-3.6 V); unverified.
 */
BF_CHIP("xm25qh64c/d", 0x20, 0x40, 0x17, SZ_8M, 2700, 3600,
	0, BF_E_STD, NULL, NULL, NULL,
	"XM25QH64C and XM25QH64D share the ID")

/*
 * XM25QH128A: PG-XM128A FEATURES (16 MiB; 4/32/64 KiB erase; 2.7-3.6 V);
 * ID from LX "XM25QH128A" and FRM, unverified.
 */
BF_CHIP("xm25qh128a", 0x20, 0x70, 0x18, SZ_16M, 2700, 3600,
	0, BF_E_STD, NULL, NULL, NULL,
	"XM25QH128A")

/*
 * XM25QH128C/D: PG-XM128C title (128 Mbit, 3 V); ID and 2.7-3.6 V from FR13
 * "XM25QH128C", LKML-XMC; unverified.
 */
BF_CHIP("xm25qh128c/d", 0x20, 0x40, 0x18, SZ_16M, 2700, 3600,
	0, BF_E_STD, NULL, NULL, NULL,
	"XM25QH128C and XM25QH128D share the ID")

/*
 * XM25QH256C/D: no datasheet read; FR13 "XM25QH256C" (2.7-3.6 V, B7h after
 * 06h: FEATURE_4BA_ENTER_WREN, no 4-byte erase), LKML-XMC; unverified.
 */
BF_CHIP("xm25qh256c/d", 0x20, 0x40, 0x19, SZ_32M, 2700, 3600,
	BF_F_EN4B | BF_F_EN4B_WREN, BF_E_STD, NULL, NULL, NULL,
	"XM25QH256C and XM25QH256D share the ID; B7h after WREN")

/*
 * XM25QU64C: no datasheet read; FR13 "XM25QU64C" (1.65-1.95 V); unverified.
 */
BF_CHIP("xm25qu64c", 0x20, 0x41, 0x17, SZ_8M, 1650, 1950,
	0, BF_E_STD, NULL, NULL, NULL,
	"also XM25LU64C")

/*
 * XM25QU128C/D: no datasheet read; FR13 "XM25QU128C" (1.65-1.95 V);
 * unverified.
 */
BF_CHIP("xm25qu128c/d", 0x20, 0x41, 0x18, SZ_16M, 1650, 1950,
	0, BF_E_STD, NULL, NULL, NULL,
	"XM25QU128C/D and XM25LU128C share the ID")

/*
 * XM25QU256C/D: no datasheet read; FR13 "XM25QU256C" (1.65-1.95 V).  How it
 * enters 4-byte mode was not read: B7h and E9h each after WREN, which a
 * part without that need ignores; unverified.
 */
BF_CHIP("xm25qu256c/d", 0x20, 0x41, 0x19, SZ_32M, 1650, 1950,
	BF_F_EN4B_WREN_BOTH, BF_E_STD, NULL, NULL, NULL,
	"XM25QU256C and XM25QU256D share the ID")

/* ---- ISSI (SV-M) ---- */

/*
 * IS25LP064: DS-IS128-064 (8 MiB, 2.3-3.6 V); ID from LX "is25lp064", FR13,
 * unverified.
 * Protection: bf_prot_issi (SV-M "ISSI"), unverified.
 */
BF_CHIP("is25lp064", 0x9d, 0x60, 0x17, SZ_8M, 2300, 3600,
	0, BF_E_STD, NULL, NULL, &bf_prot_issi,
	"IS25LP064/064A/064D")

/*
 * IS25LP128: DS-IS128-064 and DS-IS128F (16 MiB, 2.3-3.6 V); ID from LX
 * "is25lp128", FR13, unverified.
 * Protection: bf_prot_issi (SV-M "ISSI"), unverified.
 */
BF_CHIP("is25lp128", 0x9d, 0x60, 0x18, SZ_16M, 2300, 3600,
	0, BF_E_STD, NULL, NULL, &bf_prot_issi,
	"IS25LP128/128A/128D/128F")

/*
 * IS25LP256: DS-IS256, DS-IS256D (32 MiB, 2.30-3.60 V, "3 or 4 Byte
 * Addressing Mode").  13h/0Ch/12h/21h/DCh: LX "is25lp256"
 * (SPI_NOR_4B_OPCODES) and FR13 (FEATURE_4BA), unverified; no B7h is
 * assumed (FR enters 4-byte mode through the bank register).
 * Protection: bf_prot_issi (SV-M "ISSI"), unverified.
 */
BF_CHIP("is25lp256", 0x9d, 0x60, 0x19, SZ_32M, 2300, 3600,
	BF_F_4B_OPCODES, BF_E_STD, NULL, NULL, &bf_prot_issi,
	"IS25LP256/256A/256D/256E; dedicated 4-byte opcodes, no B7h")

/*
 * IS25WP064: DS-WP064A (8 MiB, 1.65-1.95 V); ID from LX "is25wp064", FR13,
 * unverified.
 * Protection: bf_prot_issi (SV-M "ISSI"), unverified.
 */
BF_CHIP("is25wp064", 0x9d, 0x70, 0x17, SZ_8M, 1650, 1950,
	0, BF_E_STD, NULL, NULL, &bf_prot_issi,
	"IS25WP064/064A/064D")

/*
 * IS25WP128: DS-IS128F (16 MiB, 1.65-1.95 V); ID from LX "is25wp128", FR13,
 * unverified.
 * Protection: bf_prot_issi (SV-M "ISSI"), unverified.
 */
BF_CHIP("is25wp128", 0x9d, 0x70, 0x18, SZ_16M, 1650, 1950,
	0, BF_E_STD, NULL, NULL, &bf_prot_issi,
	"IS25WP128/128A/128D/128F")

/* ---- EON / cFeon (SV-M) ---- */

/*
 * EN25QH64: no datasheet read; LX "en25qh64", FR13 "EN25QH64" (2.7-3.6 V);
 * unverified.
 */
BF_CHIP("en25qh64", 0x1c, 0x70, 0x17, SZ_8M, 2700, 3600,
	0, BF_E_STD, NULL, NULL, NULL,
	"also EN25QH64A")

/*
 * EN25QH128: no datasheet read; LX "en25qh128", FR13 "EN25QH128"
 * (2.7-3.6 V); unverified.
 */
BF_CHIP("en25qh128", 0x1c, 0x70, 0x18, SZ_16M, 2700, 3600,
	0, BF_E_STD, NULL, NULL, NULL,
	"also EN25QH128A")

/* ---- Micron (SV-G) ---- */

/*
 * N25Q128A13: MU-N25Q128-3V Features (BA18h, 2.7-3.6 V, 4 KiB and 64 KiB
 * erase); MT25QL128: MU-MT25QL128 Features (BA18h, 2.7-3.6 V).  LX
 * "n25q128a13", FR13 "N25Q128..3E", "MT25QL128".  20h/D8h opcodes: FRM,
 * unverified.
 * Protection: bf_prot_micron (N25Q128 Table 3 status register).
 */
BF_CHIP("n25q128a13/mt25ql128", 0x20, 0xba, 0x18, SZ_16M, 2700, 3600,
	0, BF_E_4K | BF_E_64K, NULL, NULL, &bf_prot_micron,
	"N25Q128A13 and MT25QL128 share the ID; 20h and D8h only (the N25Q has no 52h)")

/*
 * N25Q128A11: MU-N25Q128-1V8 Features (BB18h, 1.7-2.0 V); MT25QU128:
 * MU-MT25QU128 Features (1.7-2.0 V).  LX "n25q128a11", FR13.
 * Protection: bf_prot_micron (N25Q128 Table 3 status register).
 */
BF_CHIP("n25q128a11/mt25qu128", 0x20, 0xbb, 0x18, SZ_16M, 1700, 2000,
	0, BF_E_4K | BF_E_64K, NULL, NULL, &bf_prot_micron,
	"N25Q128A11 and MT25QU128 share the ID; 20h and D8h only")

/*
 * N25Q256A: MU-N25Q256 Table 21 (20 BA 19), Table 18 (B7h/E9h, DCh),
 * Features (2.7-3.6 V); MT25QL256: MU-MT25QL256 Features, Table 30.  WREN
 * before B7h/E9h: LX micron_st_nor_set_4byte_addr_mode(); 4-byte opcodes
 * only from SFDP.  LX "n25q256a", "mt25ql256a" (6-byte ID).
 * Protection: bf_prot_micron (MU-MT25QL256 Table 3).
 */
BF_CHIP("n25q256a/mt25ql256", 0x20, 0xba, 0x19, SZ_32M, 2700, 3600,
	BF_F_EN4B_WREN_BOTH, BF_E_4K | BF_E_64K, NULL, NULL, &bf_prot_micron,
	"N25Q256A (3 V) and MT25QL256 share the ID; B7h/E9h after WREN")

/*
 * N25Q256A 1.8 V: Features (BB19h, 1.7-2.0 V); MT25QU256: FRM (1.7-2.0 V,
 * FEATURE_4BA_WREN), LX "n25q256ax1", "mt25qu256a"; partly unverified.
 * Protection: bf_prot_micron, unverified for the U part.
 */
BF_CHIP("n25q256a11/mt25qu256", 0x20, 0xbb, 0x19, SZ_32M, 1700, 2000,
	BF_F_EN4B_WREN_BOTH, BF_E_4K | BF_E_64K, NULL, NULL, &bf_prot_micron,
	"N25Q256A (1.8 V) and MT25QU256 share the ID; B7h/E9h after WREN")

/*
 * N25Q512A: MU-N25Q512 Features (BA20h, 64 MiB stacked, 2.7-3.6 V);
 * MT25QL512: MU-MT25QL512 Features.  LX "n25q512ax3", "mt25ql512a"; LX
 * polls the flag status register (USE_FSR), this driver SR1: unverified
 * for the stacked die.
 * Protection: bf_prot_micron (the N25Q512 protected-area table:
 * 64 KiB at BP = 0001, doubling).
 */
BF_CHIP("n25q512a/mt25ql512", 0x20, 0xba, 0x20, SZ_64M, 2700, 3600,
	BF_F_EN4B_WREN_BOTH, BF_E_4K | BF_E_64K, NULL, NULL, &bf_prot_micron,
	"N25Q512A (two dies) and MT25QL512 share the ID; B7h/E9h after WREN")

/*
 * N25Q512A 1.8 V: MU-N25Q512 Features (BB20h, 1.7-2.0 V); MT25QU512:
 * MU-MT25QU512 Features (1.7-2.0 V).  LX "n25q512a", "mt25qu512a".
 * Protection: bf_prot_micron, unverified for the U part.
 */
BF_CHIP("n25q512a11/mt25qu512", 0x20, 0xbb, 0x20, SZ_64M, 1700, 2000,
	BF_F_EN4B_WREN_BOTH, BF_E_4K | BF_E_64K, NULL, NULL, &bf_prot_micron,
	"N25Q512A (1.8 V) and MT25QU512 share the ID; B7h/E9h after WREN")

/* ---- Infineon / Spansion (SV-G) ---- */

/*
 * S25FL128L: SP-FLL (16 MiB; 4/32/64 KiB erase); ID and 2.7-3.6 V from LX
 * "s25fl128l", FR13, unverified.
 */
BF_CHIP("s25fl128l", 0x01, 0x60, 0x18, SZ_16M, 2700, 3600,
	0, BF_E_STD, NULL, NULL, NULL,
	"S25FL128L")

/*
 * S25FL256L: SP-FLL (32 MiB), ADVANCE Features (2.7-3.6 V); 13h/0Ch/12h/
 * 21h/DCh and B7h: LX "s25fl256l" (SPI_NOR_4B_OPCODES), FR13
 * (FEATURE_4BA_ENTER | FEATURE_4BA_NATIVE), unverified.
 */
BF_CHIP("s25fl256l", 0x01, 0x60, 0x19, SZ_32M, 2700, 3600,
	BF_F_4B_OPCODES | BF_F_EN4B, BF_E_STD, NULL, NULL, NULL,
	"S25FL256L; its 4-byte 32 KiB erase is 53h, not used")

/*
 * S25FL256S: SP-FLS Table 10.2 (01 02 19), Features (core 2.7-3.6 V); the
 * 4th ID byte picks uniform 256 KiB or 4 KiB + 64 KiB sectors, so no erase
 * command is guaranteed by the 3-byte ID: SFDP must name them.  4-byte
 * opcodes 13h/0Ch/12h/DCh: LX, FR13 (native), unverified; no B7h.
 * Protection: bf_prot_s25fl_s (SV-G; Infineon KBA231885, KBA229055).
 */
BF_CHIP("s25fl256s", 0x01, 0x02, 0x19, SZ_32M, 2700, 3600,
	BF_F_4B_OPCODES, 0, NULL, NULL, &bf_prot_s25fl_s,
	"erase commands from SFDP only (sector layout differs by the 4th ID byte)")

/* ---- Microchip SST (SV-G) ---- */

/*
 * SST26VF064B: MC-SST26 Features (8 MiB, 2.7-3.6 V at 104 MHz, 2.3-3.6 V at
 * 80 MHz; 4 KiB sectors, 8/32/64 KiB overlay blocks), so D8h erases a
 * block of varying size: only 20h is used (bf_sst26_fixup()).  ID from LX
 * "sst26vf064b", FR13, unverified.
 * Protection: bf_prot_sst26, the block-protection register.
 */
BF_CHIP("sst26vf064b", 0xbf, 0x26, 0x43, SZ_8M, 2700, 3600,
	0, BF_E_4K, NULL, bf_sst26_fixup, &bf_prot_sst26,
	"4 KiB erase only; all blocks write-locked at power-up, not unlocked by the driver")

/*
 * SST25VF032B: ID, size, supply, erase from LX "sst25vf032b" (SST_WRITE)
 * and FR13 (2.7-3.6 V); no page program (byte program 02h or AAI ADh, LX
 * sst_nor_write()), so bf_sst25_fixup() programs one byte per 02h;
 * unverified.
 * Protection: bf_prot_sst25 (BP3..0 and BPL, set at power-up).
 */
BF_CHIP("sst25vf032b", 0xbf, 0x25, 0x4a, SZ_4M, 2700, 3600,
	0, BF_E_STD, &bf_sst25_times, bf_sst25_fixup, &bf_prot_sst25,
	"SST25VF032B: no page program, written a byte at a time (02h)")

/*
 * SST25VF016B: as the SST25VF032B above (LX "sst25vf016b", SST_WRITE; FR13
 * 2.7-3.6 V, 2 MiB); the chip of QEMU's sabrelite machine, on which the
 * 32-bit arm lane runs it behind a plain SPI master; unverified.
 * Protection: bf_prot_sst25 (BP3..0 and BPL, set at power-up).
 */
BF_CHIP("sst25vf016b", 0xbf, 0x25, 0x41, SZ_2M, 2700, 3600,
	0, BF_E_STD, &bf_sst25_times, bf_sst25_fixup, &bf_prot_sst25,
	"SST25VF016B: no page program, written a byte at a time (02h)")

/* ---- Adesto / Renesas (SV-G) ---- */

/*
 * AT25SF128A: AD-SF128A Features (16 MiB, 2.7-3.6 V; 4/32/64 KiB erase);
 * ID from FRM ATMEL_AT25SF128A, unverified.  Not in LX.  FR13 lists it at
 * 1.70-2.00 V: the datasheet wins.
 */
BF_CHIP("at25sf128a", 0x1f, 0x89, 0x01, SZ_16M, 2700, 3600,
	0, BF_E_STD, NULL, NULL, NULL,
	"AT25SF128A")

/* ---- Zbit (SV-W) ---- */

/*
 * ZB25VQ64: PG-ZB64 title (64 Mbit, 3 V class); ID from third-party tables;
 * the supply limits were not read, so the entry has none and writes wait
 * for a declared supply as for a chip known by SFDP only.  Unverified.
 */
BF_CHIP("zb25vq64", 0x5e, 0x40, 0x17, SZ_8M, 0, 0,
	0, BF_E_STD, NULL, NULL, NULL,
	"ZB25VQ64A/B/C/D; supply range not read: declare it (chip_mv)")

/*
 * ZB25VQ128: no datasheet page found; ID and size from third-party tables;
 * no supply range.  Unverified.
 */
BF_CHIP("zb25vq128", 0x5e, 0x40, 0x18, SZ_16M, 0, 0,
	0, BF_E_STD, NULL, NULL, NULL,
	"ZB25VQ128A/D; supply range not read: declare it (chip_mv)")
