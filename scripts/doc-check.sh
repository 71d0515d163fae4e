#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Documentation checks, all fatal: kernel-doc on every driver and simulator
# source (no warning), the sysfs ABI file parsed by the kernel's get_abi.pl
# with every attribute the driver creates documented, a reST syntax check of
# every .rst file (docutils, warnings are errors), every message the driver
# logs or the tool reports as an error quoted in the Troubleshooting section
# of the user guide, and every biosflash command line of the guide accepted
# by the tool.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cache=${BIOSFLASH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/biosflash}
src=$(readlink -f "$cache/linux-source")
mkdir -p "$top/selftests/out"
fail=0
cd "$top"

out=$("$src/scripts/kernel-doc" -none -Wall driver/*.c selftests/flashsim/*.c 2>&1 || true)
if [ -n "$out" ]; then
	echo "doc-check: kernel-doc:"
	echo "$out" | head -n 20
	fail=1
else
	echo "doc-check: kernel-doc: clean"
fi

perl "$src/scripts/get_abi.pl" validate --dir Documentation/ABI
for a in $(sed -n 's/.*static DEVICE_ATTR_R[OW]*(\([a-z_]*\));.*/\1/p' driver/*.c); do
	if perl "$src/scripts/get_abi.pl" search "/sys/class/mtd/mtdX/$a\$" \
		--dir Documentation/ABI 2>/dev/null | grep -q "mtdX/$a"; then
		echo "doc-check: ABI: $a documented"
	else
		echo "doc-check: ABI: $a is not documented"
		fail=1
	fi
done

for f in Documentation/*.rst Documentation/survey/*.rst; do
	if ! /usr/bin/rst2html --halt=warning "$f" > /dev/null 2> "$top/selftests/out/rst.err"; then
		echo "doc-check: $f:"
		head -n 3 "$top/selftests/out/rst.err"
		fail=1
	fi
done
[ "$fail" = 1 ] || echo "doc-check: reST: $(ls Documentation/*.rst Documentation/survey/*.rst | wc -l) files clean"

# Messages.  Every dev_err/dev_warn/dev_info/dev_notice (also dev_err_probe
# and pr_*) format string in driver/*.c, and every bf_err()/bf_usage_error()
# message and WARNING/REFUSE check finding (bf_say()) of the tool, must be
# quoted in the Troubleshooting section of the user guide.  A format is cut
# at its first newline and at its conversions (%s, %02x, %*phN, ...); the
# first piece of 16 or more characters must appear in the section or, when
# no piece is that long, all its pieces in order with at most 40 characters
# between two of them.  Whitespace is collapsed on both sides, so quotes may
# wrap across lines.  Formats without fixed text ("%s: %s\n") cannot be
# checked: they are listed.
guide=Documentation/recovery.rst
if ! python3 - "$guide" Troubleshooting driver/*.c userspace/*.c <<'PY'
import re
import sys

CALL = re.compile(r"\b(dev_(?:err|warn|info|notice|crit|alert|emerg)"
                  r"(?:_probe|_once|_ratelimited)?"
                  r"|pr_(?:err|warn|info|notice|crit|alert|emerg)"
                  r"(?:_once|_ratelimited)?"
                  r"|bf_err|bf_usage_error|bf_say)\s*\(")
CONV = re.compile(r"%[-+ #0]*(?:\*|\d+)?(?:\.(?:\*|\d+))?"
                  r"(?:hh|h|ll|l|z|j|t|L)?(?:p[A-Za-z]*|[diouxXcsfeEgGaA])")
ESC = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "'": "'"}
MIN_PIECE = 16


def c_string(text, i):
    """The C string literal whose quote is at text[i]; index after it."""
    out = []
    i += 1
    while text[i] != '"':
        if text[i] == "\\":
            out.append(ESC.get(text[i + 1], text[i + 1]))
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out), i + 1


def c_strings(text, i):
    """Adjacent literals from text[i] on, concatenated as by the compiler."""
    parts = []
    while True:
        s, i = c_string(text, i)
        parts.append(s)
        j = i
        while text[j].isspace():
            j += 1
        if text[j] != '"':
            return "".join(parts), i
        i = j


def messages(path):
    """(file:line, function, format) of every message call in path."""
    text = open(path).read()
    for m in CALL.finditer(text):
        bol = text.rfind("\n", 0, m.start()) + 1
        if re.match(r"\s*(static|extern|int|void)\b", text[bol:m.start()]):
            continue                        # the helper's own definition
        q = text.find('"', m.end())
        args = text[m.end():q]
        if q < 0 or ";" in args:
            continue                        # no format string in this call
        if m.group(1) == "bf_say" and not re.search(r"BF_(WARN|REFUSE)", args):
            continue                        # "ok" and "info" findings
        fmt, end = c_strings(text, q)
        if fmt == "%s" and text[end:].lstrip().startswith(","):
            fmt, _ = c_strings(text, text.find('"', end))
        line = text.count("\n", 0, m.start()) + 1
        yield "%s:%d" % (path, line), m.group(1), fmt.strip()


def pieces(fmt):
    """The fixed text of a format's first line between its conversions."""
    fmt = fmt.split("\n")[0].replace("%%", "\0")
    ps = [" ".join(p.replace("\0", "%").split()) for p in CONV.split(fmt)]
    return [p for p in ps if p]


def section(path, title):
    """Section title of path (underlined with '='), whitespace collapsed."""
    lines = open(path).read().split("\n")
    rule = re.compile(r"=+$")
    heads = [i for i in range(len(lines) - 1)
             if lines[i].strip() and not rule.match(lines[i]) and
             rule.match(lines[i + 1]) and len(lines[i + 1]) >= len(lines[i])]
    first = [i for i in heads if lines[i] == title]
    if not first:
        sys.exit("doc-check: messages: %s has no section '%s'" % (path, title))
    end = ([i for i in heads if i > first[0]] + [len(lines)])[0]
    return " ".join(" ".join(lines[first[0]:end]).split())


guide, title = sys.argv[1], sys.argv[2]
doc = section(guide, title)
missing, blind, checked = [], [], 0
for path in sys.argv[3:]:
    for where, call, fmt in messages(path):
        ps = pieces(fmt)
        if not any(re.search(r"[A-Za-z]{3}", p) for p in ps):
            blind.append(where)
            continue
        checked += 1
        long_pieces = [p for p in ps if len(p) >= MIN_PIECE]
        if long_pieces:
            want = long_pieces[0]
            found = want in doc
        else:
            want = " ... ".join(ps)
            found = re.search(".{0,40}?".join(map(re.escape, ps)), doc)
        if not found:
            missing.append((where, call, fmt, want))
for where, call, fmt, want in missing:
    print("doc-check: messages: %s: %s(\"%s\") is not quoted in section '%s' "
          "of %s (looked for: \"%s\")" % (where, call, fmt.replace("\n", "\\n"),
                                          title, guide, want))
print("doc-check: messages: %d of %d quoted in section '%s' of %s; not "
      "checkable (no fixed text): %s" % (checked - len(missing), checked,
                                         title, guide, ", ".join(blind) or "none"))
sys.exit(1 if missing else 0)
PY
then
	fail=1
fi

# Commands.  Every biosflash command line the guide and the README show (in
# a literal block, or as an inline literal ``biosflash CMD ARGS``) is run
# with the tool built from this tree, on a machine with no biosflash device:
# it may fail for want of a chip or a file (exit 1), never because the tool
# does not know the command or an option (usage error, exit 2).  bind and
# unbind are only parsed (they would load modules on this machine).
tool=$(mktemp -d)
make -s -C userspace OUT="$tool" > /dev/null
if ! python3 - "$tool/biosflash" Documentation/recovery.rst README.md <<'PY'
import os
import re
import shlex
import subprocess
import sys
import tempfile

tool, files = sys.argv[1], sys.argv[2:]
CMDS = ("status", "check", "write", "diff", "backup", "report", "unlock",
        "lock", "bind", "unbind")
found = []
for path in files:
    text = open(path).read()
    lines = re.findall(r"^\s+(?:\$ )?(?:sudo )?biosflash (\S.*)$", text, re.M)
    inline = re.findall(r"``(?:sudo )?biosflash ([^`]+)``", re.sub(r"\s+", " ", text))
    # an inline ``biosflash write`` names the command; with arguments it
    # is a command line
    for cmd, named in [(c, 0) for c in lines] + [(c, 1) for c in inline]:
        cmd = cmd.split("#")[0].strip()
        try:
            argv = shlex.split(cmd)
        except ValueError:
            continue
        if argv and argv[0] in CMDS and not (named and len(argv) == 1):
            found.append((path, cmd, argv))
bad = 0
work = tempfile.mkdtemp()
env = dict(os.environ, BIOSFLASH_LOG=os.devnull)
for path, cmd, argv in found:
    if argv[0] in ("bind", "unbind"):
        ok = len(argv) == 2 and re.fullmatch(r"spi\d+\.\d+|SPIDEV", argv[1])
        err = "" if ok else "bind/unbind take one SPI device name"
    else:
        r = subprocess.run([tool] + argv, cwd=work, env=env, capture_output=True,
                           text=True, timeout=30, stdin=subprocess.DEVNULL)
        ok, err = r.returncode != 2, r.stderr.strip()
    if not ok:
        bad += 1
        print("doc-check: commands: %s: 'biosflash %s': %s" % (path, cmd, err))
print("doc-check: commands: %d biosflash command lines of the guide and README, "
      "%d refused by the tool as usage errors" % (len(found), bad))
sys.exit(1 if bad or not found else 0)
PY
then
	fail=1
fi

# The guide's chip table (Documentation/chip-table.rst, included by
# recovery.rst) is what "biosflash chips --rst" prints from the driver's own
# table (driver/chiptab.h): regenerated, it must not change.
if "$tool/biosflash" chips --rst | cmp -s - Documentation/chip-table.rst; then
	echo "doc-check: chip table: Documentation/chip-table.rst is 'biosflash chips --rst'"
else
	echo "doc-check: chip table: Documentation/chip-table.rst differs from 'biosflash chips --rst'" \
		"(make tool && userspace/biosflash chips --rst > Documentation/chip-table.rst):"
	"$tool/biosflash" chips --rst | diff Documentation/chip-table.rst - | head -n 10 || true
	fail=1
fi
rm -rf "$tool"
exit $fail
