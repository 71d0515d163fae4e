#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The driver's chip table (driver/chiptab.h, as "biosflash chips --tsv"
# prints it from the same source) against two public tables: Debian's
# flashrom ("flashrom -V -L": device name, size, voltage range; it prints no
# JEDEC IDs, so each entry names its flashrom devices below) and Linux 6.12's
# spi-nor tables (drivers/mtd/spi-nor/*.c: JEDEC ID, size).  One line per
# disagreement; an explained one (listed in EXPLAINED with the reason and the
# source that won) is printed as such, an unexplained one fails the run, as
# does an entry of EXPLAINED that no longer matches anything (stale).
#
#   bash scripts/chips-crosscheck.sh      exit 0: no unexplained disagreement
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cache=${BIOSFLASH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/biosflash}
src=$(readlink -f "$cache/linux-source")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v flashrom > /dev/null || { echo "chips-crosscheck: flashrom not installed (apt install flashrom)"; exit 1; }
[ -d "$src/drivers/mtd/spi-nor" ] || { echo "chips-crosscheck: no Linux source at $src"; exit 1; }
make -s -C "$top/userspace" OUT="$work" > /dev/null
"$work/biosflash" chips --tsv > "$work/table.tsv"
flashrom -V -L > "$work/flashrom.txt" 2>&1 || true

python3 - "$work/table.tsv" "$work/flashrom.txt" "$src/drivers/mtd/spi-nor" <<'PY'
import re
import sys

table_tsv, flashrom_txt, spinor = sys.argv[1:]

# Our entry -> the flashrom 1.3.0 devices (as "flashrom -L" prints them)
# that describe the same ID; [] = flashrom has no such part.
FLASHROM = {
    "w25q32fv/jv": ["W25Q32.V"],
    "w25q64fv/jv": ["W25Q64BV/W25Q64CV/W25Q64FV", "W25Q64JV-.Q"],
    "w25q128jv": ["W25Q128.V"],
    "w25q256jv": ["W25Q256FV", "W25Q256JV_Q"],
    "w25q512jv": ["W25Q512JV"],
    "w25q32jv-im": [],
    "w25q64jv-im": ["W25Q64JV-.M"],
    "w25q128jv-im": ["W25Q128.V..M"],
    "w25q256jv-im": ["W25Q256JV_M"],
    "w25q512jv-im": [],
    "w25q32fw/jw": ["W25Q32.W"],
    "w25q64fw/jw": ["W25Q64.W"],
    "w25q128fw/jw": ["W25Q128.W"],
    "w25q256jw": ["W25Q256JW"],
    "w25q512nw": [],
    "w25q32jw-im": ["W25Q32JW...M"],
    "w25q64jw-im": ["W25Q64JW...M"],
    "w25q128jw-im": ["W25Q128.JW.DTR"],
    "w25q256jw-im": ["W25Q256JW_DTR"],
    "w25q512nw-im": ["W25Q512NW-IM"],
    "mx25l6406e/6433f/6473f": ["MX25L6406E/MX25L6408E",
                               "MX25L6436E/MX25L6445E/MX25L6465E/MX25L6473E/MX25L6473F"],
    "mx25l12835f/12873f": ["MX25L12833F/MX25L12835F/MX25L12845E/MX25L12865E/MX25L12873F"],
    "mx25l25635f/45g/73g": ["MX25L25635F/MX25L25645G"],
    "mx25l51245g": ["MX66L51235F/MX25L51245G"],
    "mx25u6435f": ["MX25U6435E/F"],
    "mx25u12835f/12873f": ["MX25U12835F"],
    "mx25u25635f/45g/73g": ["MX25U25635F"],
    "mx25u51245g": ["MX25U51245G"],
    "gd25q64/b64": ["GD25Q64(B)"],
    "gd25q127c/q128/b128": ["GD25Q127C/GD25Q128C", "GD25B128B/GD25Q128B"],
    "gd25q256/b256": ["GD25Q256D/GD25Q256E"],
    "gd25b512mf": [],
    "gd25lq64/lb64/le64": ["GD25LQ64(B)"],
    "gd25lq128/lb128/le128": ["GD25LQ128C/GD25LQ128D/GD25LQ128E"],
    "gd25lq256d/lb256d/le256d": [],
    "gd25lb256e": [],
    "gd25lb512me": [],
    "gd25lb512mf": [],
    "xm25qh64a": [],
    "xm25qh64c/d": ["XM25QH64C"],
    "xm25qh128a": [],
    "xm25qh128c/d": ["XM25QH128C"],
    "xm25qh256c/d": ["XM25QH256C"],
    "xm25qu64c": ["XM25QU64C"],
    "xm25qu128c/d": ["XM25QU128C"],
    "xm25qu256c/d": ["XM25QU256C"],
    "is25lp064": ["IS25LP064"],
    "is25lp128": ["IS25LP128"],
    "is25lp256": ["IS25LP256"],
    "is25wp064": ["IS25WP064"],
    "is25wp128": ["IS25WP128"],
    "en25qh64": ["EN25QH64"],
    "en25qh128": ["EN25QH128"],
    "n25q128a13/mt25ql128": ["N25Q128..3E", "MT25QL128"],
    "n25q128a11/mt25qu128": ["N25Q128..1E", "MT25QU128"],
    "n25q256a/mt25ql256": ["N25Q256..3E", "MT25QL256"],
    "n25q256a11/mt25qu256": ["N25Q256..1E", "MT25QU256"],
    "n25q512a/mt25ql512": ["N25Q512..3G", "MT25QL512"],
    "n25q512a11/mt25qu512": ["N25Q512..1G", "MT25QU512"],
    "s25fl128l": ["S25FL128L"],
    "s25fl256l": ["S25FL256L"],
    "s25fl256s": ["S25FL256S......0"],
    "sst26vf064b": ["SST26VF064B(A)"],
    "sst25vf032b": ["SST25VF032B"],
    "sst25vf016b": ["SST25VF016B"],
    "at25sf128a": ["AT25SF128A"],
    "zb25vq64": [],
    "zb25vq128": [],
}

# (entry, check) -> (reason, winner).  check: "flashrom-vcc", "flashrom-size",
# "flashrom-missing", "linux-size", "linux-missing".
EXPLAINED = {
    ("w25q256jw", "flashrom-vcc"):
        ("flashrom 1.65-1.95 V; the table keeps 1.70-1.95 V (flashrom master "
         "W25Q256JW_DTR and the other JW parts say 1.70; JW datasheet not read)",
         "table (the narrower range)"),
    ("mx25u25635f/45g/73g", "flashrom-vcc"):
        ("flashrom 1.3.0 1.65-2.00 V is the MX25U25635F's (AN0210); flashrom "
         "master gives the MX25U25645G 1.70-2.00 V, the entry covers both",
         "table (the range every member shares)"),
    ("at25sf128a", "flashrom-vcc"):
        ("flashrom 1.3.0 says 1.70-2.00 V; the AT25SF128A datasheet Features "
         "page says 2.7-3.6 V", "datasheet"),
    ("w25q512nw", "flashrom-missing"):
        ("flashrom 1.3.0 has no W25Q512NW-IQ; flashrom master's W25R512NW "
         "gives 64 MiB, 1.70-1.95 V", "flashrom master"),
    ("w25q256jv-im", "linux-size"):
        ("Linux w25q256jvm has no .size (SFDP); flashrom says 32 MiB",
         "flashrom"),
    ("w25q512nw", "linux-size"):
        ("Linux w25q512nwq has no .size (SFDP); flashrom master 64 MiB",
         "flashrom master"),
    ("w25q512nw-im", "linux-size"):
        ("Linux w25q512nwm has no .size (SFDP); flashrom says 64 MiB",
         "flashrom"),
    ("gd25q256/b256", "linux-size"):
        ("Linux gd25q256 has no .size (SFDP); flashrom says 32 MiB", "flashrom"),
    ("is25lp256", "linux-size"):
        ("Linux is25lp256 has no .size (SFDP); flashrom says 32 MiB", "flashrom"),
    ("n25q512a11/mt25qu512", "linux-size"):
        ("Linux mt25qu512a (6-byte ID) has no .size (SFDP); n25q512a and "
         "flashrom say 64 MiB", "flashrom"),
}
# the Linux 6.12 IDs the table has no entry for are not checked; these
# entries are known to be absent from Linux 6.12 (name: why)
LINUX_ABSENT = {
    "w25q512jv-im": "Linux 6.12 has no EF 70 20 entry (generic SFDP driver)",
    "gd25b512mf": "not in Linux 6.12",
    "gd25lq256d/lb256d/le256d": "not in Linux 6.12",
    "gd25lb256e": "not in Linux 6.12",
    "gd25lb512me": "not in Linux 6.12",
    "gd25lb512mf": "not in Linux 6.12",
    "xm25qh64c/d": "not in Linux 6.12 (LKML patch for 128C/256C only)",
    "xm25qh128c/d": "not in Linux 6.12 (LKML-XMC adds it later)",
    "xm25qh256c/d": "not in Linux 6.12 (LKML-XMC adds it later)",
    "xm25qu64c": "not in Linux 6.12",
    "xm25qu128c/d": "not in Linux 6.12",
    "xm25qu256c/d": "not in Linux 6.12",
    "at25sf128a": "not in Linux 6.12",
    "zb25vq64": "not in Linux 6.12",
    "zb25vq128": "not in Linux 6.12",
}
FLASHROM_ABSENT = {
    "w25q32jv-im": "flashrom 1.3.0 has no EF 70 16 entry",
    "w25q512jv-im": "flashrom 1.3.0 has no EF 70 20 entry",
    "gd25b512mf": "flashrom master only",
    "gd25lq256d/lb256d/le256d": "flashrom master only",
    "gd25lb256e": "flashrom master only",
    "gd25lb512me": "flashrom master only",
    "gd25lb512mf": "flashrom master only",
    "xm25qh64a": "flashrom master only",
    "xm25qh128a": "flashrom master only",
    "zb25vq64": "in no flashrom release read",
    "zb25vq128": "in no flashrom release read",
}

rows = []
with open(table_tsv) as f:
    head = f.readline().rstrip("\n").split("\t")
    for line in f:
        rows.append(dict(zip(head, line.rstrip("\n").split("\t"))))

# flashrom -V -L: vendor (29), device (37), test/broken columns, size in
# KiB, type, voltage "min;max"; long device names continue on the next line
fr = {}
lines = open(flashrom_txt).read().split("\n")
start = next(i for i, l in enumerate(lines) if l.startswith("(P = PROBE")) + 2
cur = None
for l in lines[start:]:
    if not l.strip():
        break
    vendor, dev, rest = l[:29].strip(), l[29:66].strip(), l[66:]
    m = re.search(r"(\d+)\s+(\S+)\s+(\d+\.\d+);(\d+\.\d+)\s*$", rest)
    if m:
        cur = {"dev": dev, "kib": int(m.group(1)),
               "vmin": round(float(m.group(3)) * 1000),
               "vmax": round(float(m.group(4)) * 1000)}
        fr[dev] = cur
    elif cur is not None and dev and not vendor:
        del fr[cur["dev"]]
        cur["dev"] += dev
        fr[cur["dev"]] = cur

# Linux 6.12 spi-nor: { .id = SNOR_ID(...), .name = "...", .size = SZ_xM }
SZ = {"SZ_%dM" % n: n << 20 for n in (1, 2, 4, 8, 16, 32, 64, 128, 256)}
SZ.update({"SZ_%dK" % n: n << 10 for n in (64, 128, 256, 512)})
lx = {}
for fn in ("winbond", "macronix", "gigadevice", "issi", "micron-st", "spansion",
           "sst", "eon", "xmc", "atmel"):
    text = open("%s/%s.c" % (spinor, fn)).read()
    for m in re.finditer(r"\{\s*\.id = SNOR_ID\(([^)]*)\),(.*?)\n\t\}", text, re.S):
        idb = "".join("%02x" % int(x, 16) for x in m.group(1).split(","))
        name = re.search(r'\.name = "([^"]*)"', m.group(2))
        size = re.search(r"\.size = (SZ_\w+)", m.group(2))
        lx.setdefault(idb[:6], []).append(
            {"file": fn, "id": idb, "name": name.group(1) if name else "(no name)",
             "size": SZ[size.group(1)] if size else None})

used = set()
unexplained = 0
report = []


def disagree(entry, check, text):
    global unexplained
    key = (entry, check)
    if key in EXPLAINED:
        used.add(key)
        reason, winner = EXPLAINED[key]
        report.append("explained  %-26s %-16s %s -- %s; won: %s"
                      % (entry, check, text, reason, winner))
    else:
        unexplained += 1
        report.append("UNEXPLAINED %-25s %-16s %s" % (entry, check, text))


for r in rows:
    name, size = r["name"], int(r["size"])
    vmin, vmax = int(r["vcc_min_mv"]), int(r["vcc_max_mv"])
    if name not in FLASHROM:
        disagree(name, "flashrom-map", "no flashrom mapping in this script")
    devs = FLASHROM.get(name, [])
    if not devs and name not in FLASHROM_ABSENT:
        disagree(name, "flashrom-missing", "no flashrom device named")
    for d in devs:
        if d not in fr:
            disagree(name, "flashrom-missing", "flashrom lists no '%s'" % d)
            continue
        e = fr[d]
        if e["kib"] * 1024 != size:
            disagree(name, "flashrom-size", "%s: flashrom %d KiB, table %d KiB"
                     % (d, e["kib"], size >> 10))
        if vmax and (e["vmin"], e["vmax"]) != (vmin, vmax):
            disagree(name, "flashrom-vcc", "%s: flashrom %.2f-%.2f V, table %.2f-%.2f V"
                     % (d, e["vmin"] / 1000, e["vmax"] / 1000, vmin / 1000, vmax / 1000))
    lxe = lx.get(r["jedec_id"], [])
    if not lxe:
        if name not in LINUX_ABSENT:
            disagree(name, "linux-missing", "Linux 6.12 has no entry for %s" % r["jedec_id"])
        continue
    if name in LINUX_ABSENT:
        disagree(name, "linux-missing", "listed as absent, but Linux has %s"
                 % ", ".join(e["name"] for e in lxe))
    for e in lxe:
        if e["size"] != size:
            disagree(name, "linux-size", "%s %s (%s.c): Linux %s, table %d KiB"
                     % (e["name"], e["id"], e["file"],
                        "SFDP" if e["size"] is None else "%d KiB" % (e["size"] >> 10),
                        size >> 10))

for key in EXPLAINED:
    if key not in used:
        unexplained += 1
        report.append("STALE      %-26s %-16s listed in EXPLAINED, no longer disagrees"
                      % key)

for line in report:
    print("chips-crosscheck: " + line)
print("chips-crosscheck: %d entries; flashrom %d devices, Linux %d IDs read; "
      "%d explained, %d unexplained" % (len(rows), len(fr), len(lx),
                                        len(report) - unexplained, unexplained))
sys.exit(1 if unexplained else 0)
PY
