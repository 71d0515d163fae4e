#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""dtoverlay.py BASE.dtb OVERLAY.dtbo OUT.dtb [param[=value] ...]
dtoverlay.py --runtime OVERLAY.dtbo OUT.dtbo [param[=value] ...]

Apply a Raspberry Pi overlay with parameters the way the Pi firmware and
dtmerge/dtoverlay (raspberrypi/utils, dtmerge/dtoverlay.c) do, so the x86
test base gets the tree a Pi would boot with.  In the firmware's order:

 1. __fixups__ are resolved against the base's __symbols__ (a base node
    without a phandle gets the next free one);
 2. each parameter is applied to the overlay through its __overrides__
    entry; <&label> there is the overlay's own phandle;
 3. fragments that target a node of the overlay itself are merged into it
    ("intra-overlay" fragments) and become dormant;
 4. only fragments with an __overlay__ node are applied: __dormant__ ones
    are dropped; symbols the overlay does not __exports__ stay private; a
    fragment's own phandle is not copied onto its target.

The local phandles are left for fdtoverlay to renumber (as the firmware
does: + the base's highest phandle), so __local_fixups__ is kept in step
with every rename and copy.  The merge itself is fdtoverlay's.

Parameter forms (dtoverlay_extract_override(), the Pi's overlay README):
<0>,"+N-M=N!M" (fragment enable/disable), <&l>,"prop:off" (and . ; # for
8/16/64 bits; off in bytes), <&l>,"prop:off=literal", <&l>,"prop?" and
"prop!" (boolean), <&l>,"prop" (string; "status" maps y/n to okay/disabled;
"name" renames), <&l>,"prop[" (byte string), <&l>,"prop:off=",<cell> (cell
literal).  A parameter without "=value" means "true"; integers are read as
strtoull(..., 0) does, or y/yes/on/true/down = 1, n/no/off/false = 0.
Writing "reg" at offset 0 renames the node's unit address, and "reg" is
never created or extended.  Lookup tables ("{") are not supported, nor is
the firmware's fallback to the base tree's own __overrides__ (dtparam): an
unknown parameter is an error.
"""
import os
import re
import struct
import subprocess
import sys
import tempfile

FDT_MAGIC = 0xD00DFEED
BEGIN_NODE, END_NODE, PROP, NOP, END = 1, 2, 3, 4, 9
SEPS = ".;:#?![{="
INT_SIZE = {".": 1, ";": 2, ":": 4, "#": 8}
TRUE_WORDS = ("y", "yes", "on", "true", "down")
FALSE_WORDS = ("n", "no", "off", "false")


class OverlayError(Exception):
    pass


# ---- flattened device tree <-> nodes ------------------------------------

class Node:
    def __init__(self, name):
        self.name = name
        self.props = {}		# name -> bytes, in file order
        self.children = []

    def child(self, name, create=False):
        for c in self.children:
            if c.name == name:
                return c
        # libfdt: "name" without a unit address matches "name@addr"
        if "@" not in name:
            for c in self.children:
                if c.name.split("@")[0] == name:
                    return c
        if not create:
            return None
        c = Node(name)
        self.children.append(c)
        return c

    def remove(self, name):
        self.children = [c for c in self.children if c.name != name]


def parse_fdt(blob):
    (magic, total, off_struct, off_strings, off_rsv, version, _last,
     cpuid, size_strings, size_struct) = struct.unpack_from(">10I", blob)
    if magic != FDT_MAGIC or version < 16:
        raise OverlayError("not a flattened device tree (v16+)")
    rsv = []
    pos = off_rsv
    while True:
        addr, size = struct.unpack_from(">QQ", blob, pos)
        pos += 16
        if not addr and not size:
            break
        rsv.append((addr, size))
    strings = blob[off_strings:off_strings + size_strings]
    pos = off_struct
    stack = []
    root = None
    while True:
        tok, = struct.unpack_from(">I", blob, pos)
        pos += 4
        if tok == BEGIN_NODE:
            end = blob.index(b"\0", pos)
            node = Node(blob[pos:end].decode())
            pos = (end + 4) & ~3
            if stack:
                stack[-1].children.append(node)
            else:
                root = node
            stack.append(node)
        elif tok == END_NODE:
            stack.pop()
        elif tok == PROP:
            length, nameoff = struct.unpack_from(">II", blob, pos)
            pos += 8
            name = strings[nameoff:strings.index(b"\0", nameoff)].decode()
            stack[-1].props[name] = bytes(blob[pos:pos + length])
            pos = (pos + length + 3) & ~3
        elif tok == NOP:
            continue
        elif tok == END:
            break
        else:
            raise OverlayError("bad FDT token %#x" % tok)
    return root, rsv, cpuid


def build_fdt(root, rsv, cpuid):
    strings = bytearray()
    offsets = {}
    body = bytearray()

    def string_off(name):
        if name not in offsets:
            offsets[name] = len(strings)
            strings.extend(name.encode() + b"\0")
        return offsets[name]

    def pad():
        body.extend(b"\0" * (-len(body) & 3))

    def emit(node):
        body.extend(struct.pack(">I", BEGIN_NODE) + node.name.encode() + b"\0")
        pad()
        for name, val in node.props.items():
            body.extend(struct.pack(">III", PROP, len(val), string_off(name)))
            body.extend(val)
            pad()
        for c in node.children:
            emit(c)
        body.extend(struct.pack(">I", END_NODE))

    emit(root)
    body.extend(struct.pack(">I", END))
    rsvmap = b"".join(struct.pack(">QQ", a, s) for a, s in rsv + [(0, 0)])
    off_rsv = 40
    off_struct = off_rsv + len(rsvmap)
    off_strings = off_struct + len(body)
    total = off_strings + len(strings)
    hdr = struct.pack(">10I", FDT_MAGIC, total, off_struct, off_strings,
                      off_rsv, 17, 16, cpuid, len(strings), len(body))
    return hdr + rsvmap + bytes(body) + bytes(strings)


# ---- tree helpers -------------------------------------------------------

def find(root, path, create=False):
    node = root
    for part in [p for p in path.split("/") if p]:
        node = node.child(part, create)
        if node is None:
            return None
    return node


def walk(node, path=""):
    yield path or "/", node
    for c in node.children:
        yield from walk(c, path + "/" + c.name)


def phandle_of(node):
    for name in ("phandle", "linux,phandle"):
        if len(node.props.get(name, b"")) == 4:
            return struct.unpack(">I", node.props[name])[0]
    return 0


def by_phandle(root, phandle):
    for path, node in walk(root):
        if phandle_of(node) == phandle:
            return path, node
    raise OverlayError("phandle %d not found in the overlay" % phandle)


def max_phandle(root):
    return max(phandle_of(n) for _, n in walk(root))


def cstr(val):
    return val.split(b"\0")[0].decode()


def put_int(val, off, size, num):
    data = bytearray(val)
    data[off:off + size] = (num & ((1 << (8 * size)) - 1)).to_bytes(size, "big")
    return bytes(data)


class Overlay:
    def __init__(self, base, ovl):
        self.base = base
        self.root = ovl

    # __local_fixups__ mirrors the tree: node path -> {prop: [offsets]}
    def local_fixups(self, path, create=False):
        lf = self.root.child("__local_fixups__", create)
        return find(lf, path, create) if lf else None

    def local_offsets(self, path, prop):
        lf = self.local_fixups(path)
        if lf is None or prop not in lf.props:
            return []
        val = lf.props[prop]
        return [struct.unpack_from(">I", val, i)[0] for i in range(0, len(val), 4)]

    def set_local_offsets(self, path, prop, offs):
        if offs:
            self.local_fixups(path, True).props[prop] = b"".join(
                struct.pack(">I", o) for o in sorted(set(offs)))
        else:
            lf = self.local_fixups(path)
            if lf is not None:
                lf.props.pop(prop, None)

    def rename(self, path, new):
        """Rename the node at path, keeping __local_fixups__ and
        __symbols__ in step (dtoverlay_set_node_name)."""
        node = find(self.root, path)
        old_name = node.name
        if old_name == new:
            return
        lf = self.local_fixups(path)
        node.name = new
        if lf is not None:
            lf.name = new
        new_path = path[:path.rindex("/") + 1] + new
        # at run time __fixups__ is kept: its paths follow the rename
        fixups = self.root.child("__fixups__")
        for sym, val in list(fixups.props.items()) if fixups else []:
            refs = [r for r in val.decode().split("\0") if r]
            refs = [new_path + r[len(path):] if r.startswith(path + ":") or
                    r.startswith(path + "/") else r for r in refs]
            fixups.props[sym] = "\0".join(refs).encode() + b"\0"
        syms = self.root.child("__symbols__")
        for name, val in list(syms.props.items()) if syms else []:
            s = cstr(val)
            if s == path or s.startswith(path + "/"):
                syms.props[name] = (new_path + s[len(path):]).encode() + b"\0"

    # -- step 1: __fixups__ ------------------------------------------------
    def resolve_fixups(self):
        fixups = self.root.child("__fixups__")
        if fixups is None:
            return
        symbols = self.base.child("__symbols__")
        next_ph = max_phandle(self.base)
        for sym, val in fixups.props.items():
            if sym.startswith("/"):
                path = sym
            elif symbols is None or sym not in symbols.props:
                raise OverlayError("can't find symbol '%s' in the base" % sym)
            else:
                path = cstr(symbols.props[sym])
            target = find(self.base, path)
            if target is None:
                raise OverlayError("symbol '%s' is invalid" % sym)
            ph = phandle_of(target)
            if not ph:
                next_ph += 1
                ph = next_ph
                target.props["phandle"] = struct.pack(">I", ph)
            for ref in [r for r in val.decode().split("\0") if r]:
                npath, prop, off = ref.rsplit(":", 2)
                node = find(self.root, npath)
                if node is None or prop not in node.props:
                    raise OverlayError("bad fixup '%s'" % ref)
                node.props[prop] = put_int(node.props[prop], int(off), 4, ph)
        self.root.remove("__fixups__")

    # -- step 2: parameters ------------------------------------------------
    def apply_param(self, name, value):
        ovr = self.root.child("__overrides__")
        if ovr is None or name not in ovr.props:
            raise OverlayError("unknown parameter '%s'" % name)
        data = ovr.props[name]
        local = set(self.local_offsets("/__overrides__", name))
        pos = 0
        while pos < len(data):
            if len(data) - pos < 6:
                raise OverlayError("override %s: data truncated" % name)
            ph = struct.unpack_from(">I", data, pos)[0]
            if ph and pos not in local:
                # a base label: the firmware looks phandles up in the
                # overlay only (they are renumbered above the base's)
                raise OverlayError("%s: phandle %d is not the overlay's" % (name, ph))
            end = data.index(b"\0", pos + 4)
            spec = data[pos + 4:end].decode()
            pos = end + 1
            if ph == 0:
                self.fragment_switch(name, spec, value)
                continue
            pos = self.override_target(name, ph, spec, value, data, pos, local)

    def fragment_switch(self, name, spec, value):
        on = parse_int(value, True)
        pos = 0
        while pos < len(spec):
            m = re.match(r"([-+=!])(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)",
                         spec[pos:])
            if not m:
                raise OverlayError("%s: invalid overlay override '%s'" % (name, spec))
            pos += m.end()
            op, num = m.group(1), c_int(m.group(2))
            active = op == "+" or (op == "=" and on) or (op == "!" and not on)
            frag = "/fragment@%u" % num
            if find(self.root, frag) is None:
                frag = "/fragment-%u" % num
            if find(self.root, frag) is None:
                raise OverlayError("%s: fragment %u not found" % (name, num))
            states = ("__dormant__", "__overlay__")
            if find(self.root, frag + "/" + states[not active]):
                self.rename(frag + "/" + states[not active], states[active])

    def override_target(self, name, ph, spec, value, data, pos, local):
        path, node = by_phandle(self.root, ph)
        target_len = len(re.split(r"[={]", spec)[0])
        name_len = len(re.split(r"[.;:#?!\[{=]", spec)[0])
        prop = spec[:name_len]
        if target_len < len(spec):
            if spec[target_len] == "{":
                raise OverlayError("%s: lookup tables are not supported" % name)
            value = spec[target_len + 1:]
        sep = spec[name_len] if name_len < target_len else ""
        if sep in INT_SIZE:
            off = int(re.match(r"\d*", spec[name_len + 1:]).group() or 0)
            size = INT_SIZE[sep]
            src_local = False
            if target_len < len(spec) and value == "":
                # "prop:off=",<cell>: the cell after the string
                cell = pos
                value = str(struct.unpack_from(">I", data, pos)[0])
                pos += 4
                src_local = cell in local
            self.set_int(path, node, prop, off, size, parse_int(value), src_local)
        elif sep in ("?", "!"):
            on = bool(parse_int(value)) ^ (sep == "!")
            if on:
                node.props[prop] = b""
            else:
                node.props.pop(prop, None)
            self.set_local_offsets(path, prop, [])
        elif sep == "[":
            raw = re.sub(r"[: \t]", "", value)
            if not re.fullmatch(r"([0-9a-fA-F]{2})*", raw):
                raise OverlayError("%s: invalid bytestring '%s'" % (name, value))
            node.props[prop] = bytes.fromhex(raw)
            self.set_local_offsets(path, prop, [])
        else:
            if target_len < len(spec) and value == "":
                end = data.index(b"\0", pos) if pos < len(data) else pos
                value = data[pos:end].decode()
                pos = end + 1
            self.set_string(path, node, prop, value)
        return pos

    def set_int(self, path, node, prop, off, size, num, src_local):
        old = node.props.get(prop, b"")
        if prop == "reg" and len(old) < off + size:
            pass			# "reg" is a pseudo-property there
        else:
            node.props[prop] = put_int(old.ljust(off + size, b"\0"), off, size, num)
            if size == 4:
                offs = [o for o in self.local_offsets(path, prop) if o != off]
                self.set_local_offsets(path, prop, offs + [off] * src_local)
        if prop == "reg" and off == 0 and "@" in node.name:
            self.rename(path, "%s@%x" % (node.name.split("@")[0], num & 0xffffffff))

    def set_string(self, path, node, prop, value):
        if prop == "status":
            if value in ("y", "yes", "on", "true", "enable", "1"):
                value = "okay"
            elif value in ("n", "no", "off", "false", "0"):
                value = "disabled"
        value = value.encode().decode("unicode_escape")
        if prop == "name":
            self.rename(path, value)
            return
        node.props[prop] = value.encode("latin-1") + b"\0"
        self.set_local_offsets(path, prop, [])

    # -- step 3: fragments that target the overlay itself -----------------
    def fragments(self):
        return [c for c in self.root.children
                if c.name.startswith(("fragment@", "fragment-"))]

    def merge_intra(self):
        for frag in self.fragments():
            fpath = "/" + frag.name
            ovl = frag.child("__overlay__")
            if ovl is None or "target" not in frag.props:
                continue
            if 0 not in self.local_offsets(fpath, "target"):
                continue	# targets the base
            ph = struct.unpack(">I", frag.props["target"][:4])[0]
            tpath, target = by_phandle(self.root, ph)
            self.merge_node(fpath + "/__overlay__", ovl, tpath, target, 0)
            self.rename(fpath + "/__overlay__", "__dormant__")

    def merge_node(self, spath, src, dpath, dst, depth):
        for prop, val in src.props.items():
            if prop == "name" or (depth == 0 and prop in ("phandle", "linux,phandle")):
                continue
            dst.props[prop] = val
            self.set_local_offsets(dpath, prop, self.local_offsets(spath, prop))
            self.copy_fixups(spath, dpath, prop)
        for c in src.children:
            self.merge_node(spath + "/" + c.name, c, dpath + "/" + c.name,
                            dst.child(c.name, True), depth + 1)

    def copy_fixups(self, spath, dpath, prop):
        """At run time __fixups__ is still there (the kernel resolves it):
        a copied property takes its references to the base along."""
        fixups = self.root.child("__fixups__")
        for sym, val in list(fixups.props.items()) if fixups else []:
            refs = [r for r in val.decode().split("\0") if r]
            new = ["%s:%s:%s" % (dpath, prop, r.rsplit(":", 1)[1]) for r in refs
                   if r.rsplit(":", 2)[0] == spath and r.rsplit(":", 2)[1] == prop]
            if new:
                fixups.props[sym] = "\0".join(refs + new).encode() + b"\0"

    # -- step 4: what reaches fdtoverlay ----------------------------------
    def finish(self):
        syms = self.root.child("__symbols__")
        exports = self.root.child("__exports__")
        if syms is not None:
            keep = exports.props if exports is not None else {}
            syms.props = {k: v for k, v in syms.props.items() if k in keep}
            if not syms.props:
                self.root.remove("__symbols__")
        for frag in self.fragments():
            ovl = frag.child("__overlay__")
            if ovl is None:
                self.root.remove(frag.name)
                lf = self.root.child("__local_fixups__")
                if lf is not None:
                    lf.remove(frag.name)
            else:
                ovl.props.pop("phandle", None)
                ovl.props.pop("linux,phandle", None)


def c_int(text):
    """strtoull(text, &end, 0) that must consume all of text."""
    m = re.fullmatch(r"\s*([-+]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)", text)
    if not m:
        raise ValueError(text)
    digits = m.group(2)
    if digits[:2].lower() == "0x":
        num = int(digits, 16)
    elif len(digits) > 1 and digits[0] == "0":
        num = int(digits, 8)
    else:
        num = int(digits)
    return -num if m.group(1) == "-" else num


def parse_int(value, fragment=False):
    if value == "":
        return 0		# strtoull("") is 0 with nothing left over
    try:
        return c_int(value)
    except ValueError:
        pass
    if value in TRUE_WORDS:
        return 1
    if value in FALSE_WORDS:
        return 0
    if value == "up":
        return 2
    if fragment:
        return int(value != "")
    raise OverlayError("invalid override value '%s'" % value)


def prepare(o, params):
    """Steps 2 to 4: the parameters, the intra-overlay fragments, and what
    reaches the merge (or, at run time, the kernel)."""
    for arg in params:
        name, eq, value = arg.partition("=")
        o.apply_param(name, value if eq else "true")
    o.merge_intra()
    o.finish()


def runtime(argv):
    """--runtime OVERLAY.dtbo OUT.dtbo [params]: what the Pi's dtoverlay
    command writes to the kernel at run time: the parameters applied and
    the dormant fragments dropped (steps 2 to 4), the references to the
    base left in __fixups__ for the kernel to resolve (of_resolve_phandles(),
    drivers/of/resolver.c)."""
    ovl_file, out_file = argv[2:4]
    try:
        with open(ovl_file, "rb") as f:
            ovl, ovl_rsv, ovl_cpu = parse_fdt(f.read())
        prepare(Overlay(None, ovl), argv[4:])
    except OverlayError as e:
        sys.stderr.write("dtoverlay.py: %s\n" % e)
        return 1
    # a reference into a fragment finish() dropped has nothing to fix up
    fixups = ovl.child("__fixups__")
    kept = {"/" + c.name for c in ovl.children}
    for sym, val in list(fixups.props.items()) if fixups else []:
        refs = [r for r in val.decode().split("\0")
                if r and "/" + r.split("/")[1].split(":")[0] in kept]
        if refs:
            fixups.props[sym] = "\0".join(refs).encode() + b"\0"
        else:
            del fixups.props[sym]
    with open(out_file, "wb") as f:
        f.write(build_fdt(ovl, ovl_rsv, ovl_cpu))
    return 0


def main(argv):
    if len(argv) >= 4 and argv[1] == "--runtime":
        return runtime(argv)
    if len(argv) < 4:
        sys.stderr.write(__doc__.split("\n\n")[0] + "\n")
        return 2
    base_file, ovl_file, out_file = argv[1:4]
    try:
        with open(base_file, "rb") as f:
            base, base_rsv, base_cpu = parse_fdt(f.read())
        with open(ovl_file, "rb") as f:
            ovl, ovl_rsv, ovl_cpu = parse_fdt(f.read())
        o = Overlay(base, ovl)
        o.resolve_fixups()
        prepare(o, argv[4:])
    except OverlayError as e:
        sys.stderr.write("dtoverlay.py: %s\n" % e)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        b = os.path.join(tmp, "base.dtb")
        v = os.path.join(tmp, "overlay.dtbo")
        with open(b, "wb") as f:
            f.write(build_fdt(base, base_rsv, base_cpu))
        with open(v, "wb") as f:
            f.write(build_fdt(ovl, ovl_rsv, ovl_cpu))
        r = subprocess.run(["fdtoverlay", "-i", b, "-o", out_file, v])
    return 1 if r.returncode else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
