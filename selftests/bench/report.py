#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""report.py RAW OUTDIR BINDIR: turn the guest's BENCH lines into bench.md,
bench.png (gnuplot) and bench.tsv.  The minimum of each scenario is computed
here with bf_minimum on the same deterministic images (bf_mkimage), at every
clock a table needs.  Model: Documentation/benchmark.rst."""
import os
import subprocess
import sys
import tempfile

NAMES = {
    "a": "(a) biosflash + flashcp",
    "b": "(b) biosflash tool",
    "c": "(c) spi-nor + flashcp",
    "d": "(d) flashrom linux_spi",
}
# out-of-the-box SPI clock of each client (Documentation/benchmark.rst)
DEFAULT_HZ = {"a": 8000000, "b": 8000000, "c": 500000, "d": 2000000}
SCEN = {
    "S1": "S1 recover (other image)",
    "S2": "S2 refresh (1/32 changed)",
    "S3": "S3 backup read",
    "S4": "S4 blank chip",
}
ERASE = ("op_20", "op_21", "op_52", "op_5c", "op_d8", "op_dc", "op_c7", "op_60")
PROG = ("op_02", "op_12")


def kv(words):
    d = {}
    for w in words:
        if "=" in w:
            k, v = w.split("=", 1)
            try:
                d[k] = int(v)
            except ValueError:
                d[k] = v
    return d


def main():
    raw, outdir, bindir = sys.argv[1:4]
    conf, mem, runs = {}, {}, []
    for line in open(raw, errors="replace"):
        w = line.split()
        if len(w) < 2 or w[0] != "BENCH":
            continue
        if w[1] == "conf":
            conf = kv(w[2:])
        elif w[1] == "mem":
            mem = kv(w[2:])
        elif w[1] == "run" and len(w) >= 8:
            r = kv(w[8:])
            r.update(client=w[2], scen=w[3], hz=int(w[4]), rc=w[5],
                     ok=w[6] == "1", wall=float(w[7]))
            runs.append(r)
    if not conf or not runs:
        print("report: no results in", raw, file=sys.stderr)
        return 1
    ovh = conf["overhead_ns"]
    ln = conf["len"]
    hz0 = conf["hz"]

    tmp = tempfile.mkdtemp()
    mk = os.path.join(bindir, "bf_mkimage")
    bfm = os.path.join(bindir, "bf_minimum")
    old, a, b = (os.path.join(tmp, n) for n in ("old", "A", "B"))
    subprocess.run([mk, old, str(ln), "7"], check=True)
    subprocess.run([mk, a, str(ln), "2025"], check=True)
    subprocess.run([mk, b, str(ln), "2025", str(conf["chg_off"]),
                    str(conf["chg_len"])], check=True)
    args = {"S1": ["write", old, a], "S2": ["write", a, b],
            "S3": ["read", str(ln)], "S4": ["write", "ff", a]}
    mins = {}

    def minimum(sc, hz):
        if (sc, hz) not in mins:
            out = subprocess.run([bfm, "-c", str(hz), "-o", str(ovh)] + args[sc],
                                 check=True, capture_output=True, text=True).stdout
            d = {}
            for l in out.splitlines():
                k, v = l.split()
                d[k] = float(v) if v.replace(".", "").isdigit() else v
            d.setdefault("blind_ns", d["min_ns"])
            mins[(sc, hz)] = d
        return mins[(sc, hz)]

    def model(r, hz):
        """modelled ns of run r with its bus time rescaled to clock hz"""
        return r["bus_ns"] * r["hz"] / hz + r["busy_ns"] + r["messages"] * ovh

    def cnt(r, keys):
        return sum(r.get(k, 0) for k in keys)

    byk = {(r["client"], r["scen"]): r for r in runs}
    md = []
    p = md.append
    p("# biosflash benchmark: simulated W25Q256JW (32 MiB)\n")
    p("Image %d MiB; S2 changes %d KiB at 0x%x; per-message overhead %d us; "
      "model and method: Documentation/benchmark.rst.  Modelled time = "
      "bus_ns + busy_ns + messages x overhead from the simulator's counters "
      "(reset before each run); wall = seconds in the TCG VM (not the real "
      "chip's time).\n" % (ln >> 20, conf["chg_len"] >> 10, conf["chg_off"],
                           ovh // 1000))
    p("## Same SPI clock for every client (%g MHz)\n" % (hz0 / 1e6))
    p("| client | scenario | result | erases 4K/32K/64K/chip | programs | messages "
      "| bus s | busy s | overhead s | modelled s | wall s | x minimum | x blind |")
    p("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for sc in SCEN:
        m = minimum(sc, hz0)
        if sc == "S3":
            p("| **minimum** | %s | | | | 1 | | | | %.1f | | 1.00 | |" %
              (SCEN[sc], m["min_ns"] / 1e9))
        else:
            p("| **minimum** (%s) | %s | | %d/%d/%d/0 | %d | | | | | %.1f | | 1.00 | %.2f |" % (
                m["min_strategy"], SCEN[sc],
                m[m["min_strategy"] + "_erase4k"], m[m["min_strategy"] + "_erase32k"],
                m[m["min_strategy"] + "_erase64k"], m[m["min_strategy"] + "_programs"],
                m["min_ns"] / 1e9, m["min_ns"] / m["blind_ns"]))
            p("| blind strategy | %s | | 0/0/%d/0 | %d | | | | | %.1f | | %.2f | 1.00 |" % (
                SCEN[sc], m["blind_erase64k"], m["blind_programs"],
                m["blind_ns"] / 1e9, m["blind_ns"] / m["min_ns"]))
        for cl in NAMES:
            r = byk.get((cl, sc))
            if not r:
                p("| %s | %s | not run | | | | | | | | | | |" % (NAMES[cl], SCEN[sc]))
                continue
            t = model(r, r["hz"])
            p("| %s | %s | %s | %d/%d/%d/%d | %d | %d | %.2f | %.2f | %.2f | %.1f | %.1f | %.2f | %.2f |" % (
                NAMES[cl], SCEN[sc], "ok" if r["ok"] and r["rc"] == "0" else
                "FAILED (rc %s)" % r["rc"],
                cnt(r, ("op_20", "op_21")), cnt(r, ("op_52", "op_5c")),
                cnt(r, ("op_d8", "op_dc")), cnt(r, ("op_c7", "op_60")),
                cnt(r, PROG), r["messages"],
                r["bus_ns"] / 1e9, r["busy_ns"] / 1e9, r["messages"] * ovh / 1e9,
                t / 1e9, r["wall"], t / m["min_ns"], t / m["blind_ns"]))
    p("")
    p("## Out of the box (each client's default SPI clock)\n")
    p("(a)/(b) 8 MHz (the biosflash overlay's default), (c) 500 kHz (the Pi "
      "`jedec-spi-nor` overlay), (d) 2 MHz (flashrom linux_spi default).  Not "
      "re-run: the bus time of the %g MHz run (same traffic) is rescaled to "
      "the client's clock; busy time and message count do not depend on the "
      "clock.  No wall time (it would be the same in the simulator).\n" % (hz0 / 1e6))
    p("| client | clock | scenario | modelled s | x minimum @ %g MHz | x minimum @ own clock |" % (hz0 / 1e6))
    p("|---|---|---|---|---|---|")
    for sc in SCEN:
        for cl in NAMES:
            r = byk.get((cl, sc))
            if not r:
                continue
            hz = DEFAULT_HZ[cl]
            t = model(r, hz)
            p("| %s | %g MHz | %s | %.1f | %.2f | %.2f |" % (
                NAMES[cl], hz / 1e6, SCEN[sc], t / 1e9,
                t / minimum(sc, hz0)["min_ns"], t / minimum(sc, hz)["min_ns"]))
    p("")
    p("## Status polls per erase/program (write scenarios S1, S2, S4)\n")
    p("`polls` = status reads the simulator saw while BUSY was 1; `op_05` = "
      "all status-register-1 reads; `op_35`+`op_15` = status register 2 and 3 "
      "reads.\n")
    p("| client | erases | programs | polls | polls per op | op_05 | op_05 per op "
      "| op_35+op_15 per op | messages per op |")
    p("|---|---|---|---|---|---|---|---|---|")
    for cl in NAMES:
        rs = [byk[(cl, s)] for s in ("S1", "S2", "S4") if (cl, s) in byk]
        if not rs:
            continue
        e = sum(cnt(r, ERASE) for r in rs)
        pr = sum(cnt(r, PROG) for r in rs)
        po = sum(r.get("polls", 0) for r in rs)
        o5 = sum(r.get("op_05", 0) for r in rs)
        n = max(e + pr, 1)
        s23 = sum(cnt(r, ("op_35", "op_15")) for r in rs)
        ms = sum(r["messages"] for r in rs)
        p("| %s | %d | %d | %d | %.2f | %d | %.2f | %.2f | %.2f |" % (
            NAMES[cl], e, pr, po, po / n, o5, o5 / n, s23 / n, ms / n))
    p("")
    if mem:
        p("## Driver memory per device\n")
        p("biosflash module core (text + data, shared by all devices): %d bytes "
          "(/sys/module/biosflash/coresize); per device: the %d-byte data "
          "bounce buffer (BF_DATA_BUF_SIZE) plus the device structures; the "
          "guest's `Slab:` in /proc/meminfo grew by %d KiB over probing one "
          "device (includes the MTD core's and the kernel's own allocations; "
          "the bounce buffer comes from kmalloc, so it is in that figure).\n" % (
              mem["coresize"], mem["bounce"], mem["slab_delta_kib"]))

    # targets
    def t16(cl, sc):
        r = byk.get((cl, sc))
        return model(r, r["hz"]) if r and r["ok"] else None

    tg = []

    def target(name, ok):
        tg.append("| %s | %s |" % (name, "n/a (not run)" if ok is None else
                                   ("met" if ok[0] else "NOT met") + " (" + ok[1] + ")"))

    for sc, lim in (("S1", 1.15), ("S2", 1.05), ("S3", 1.05), ("S4", 1.05)):
        t = t16("b", sc)
        target("(b) within %.2fx of the minimum on %s" % (lim, sc), None if t is None else
               (t / minimum(sc, hz0)["min_ns"] <= lim, "%.3fx" % (t / minimum(sc, hz0)["min_ns"])))
    for sc in SCEN:
        t = t16("a", sc)
        ref = minimum(sc, hz0)["blind_ns"]
        target("(a) within 1.05x of the blind strategy on %s" % sc, None if t is None else
               (t / ref <= 1.05, "%.3fx" % (t / ref)))
    ta, tc = t16("a", "S1"), t16("c", "S1")
    target("(a) at least 3x faster than (c) on S1", None if None in (ta, tc) else
           (tc / ta >= 3, "%.2fx" % (tc / ta)))
    for sc in SCEN:
        tb, td = t16("b", sc), t16("d", sc)
        need = 2.5 if sc == "S1" else 1.0
        target("(b) %s than (d) on %s" % ("at least 2.5x faster" if sc == "S1" else "faster", sc),
               None if None in (tb, td) else (td / tb > need if need == 1 else td / tb >= need,
                                              "%.2fx" % (td / tb)))
    p("## Targets (same clock, modelled time)\n")
    p("| target | result |")
    p("|---|---|")
    md.extend(tg)
    p("")
    p("![chart](bench.png)\n")
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, "bench.md"), "w") as f:
        f.write("\n".join(md) + "\n")

    # chart: modelled seconds per scenario, one bar per client + minimum
    dat = os.path.join(outdir, "bench.tsv")
    with open(dat, "w") as f:
        f.write("scenario\tminimum\t%s\n" % "\t".join('"%s"' % NAMES[c] for c in NAMES))
        for sc in SCEN:
            vals = ["%.3f" % (minimum(sc, hz0)["min_ns"] / 1e9)]
            for cl in NAMES:
                t = t16(cl, sc)
                vals.append("%.3f" % (t / 1e9) if t else "NaN")
            f.write("%s\t%s\n" % (sc, "\t".join(vals)))
    gp = """set terminal png size 1000,600 noenhanced
set output '%s'
set title 'Modelled time on a simulated W25Q256JW at %g MHz (lower is better)'
set ylabel 'seconds (log scale)'
set logscale y
set key autotitle columnhead
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set key top left
set grid ytics
plot '%s' using 2:xtic(1) title 'minimum'%s
""" % (os.path.join(outdir, "bench.png"), hz0 / 1e6, dat, "".join(
        ", '' using %d title '%s'" % (i + 3, NAMES[cl]) for i, cl in enumerate(NAMES)
        if any(t16(cl, sc) for sc in SCEN)))
    try:
        subprocess.run(["gnuplot"], input=gp, text=True, check=True)
    except (OSError, subprocess.CalledProcessError) as e:
        print("report: no chart (gnuplot: %s)" % e, file=sys.stderr)
    for f in (old, a, b):
        os.unlink(f)
    os.rmdir(tmp)
    print("report: wrote", os.path.join(outdir, "bench.md"))
    return 0 if all(r["ok"] and r["rc"] == "0" for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
