"""Compile a `CommandSpec` into a fast, bounds-checked payload reader.

Each spec is turned once, at import time, into a `PayloadReader`: one
`struct.Struct` for the fixed head (so a command is unpacked with a single
`unpack_from`), plus a flat list of small closures that turn the unpacked
values into dataclass fields and check ranges. Nothing here knows about any
particular command: all layout facts come from `pyvirgl.protocol.virgl`.
"""
from __future__ import annotations

import struct
from typing import Callable

from pyvirgl.errors import GuestError
from pyvirgl.protocol.virgl import (
    BOOL, Bits, CommandSpec, Group, Item, Kind, Packed, Struct, Word,
)

# A field builder reads from the unpacked tuple `vals` and appends to `out`;
# derived (count) words go to `derived` instead.
Builder = Callable[[tuple, list, dict], None]


def struct_code(items: tuple[Item, ...]) -> str:
    """struct format characters for a run of fixed-size items."""
    codes = []
    for it in items:
        if isinstance(it, Word):
            codes.append(("I" if it.kind is BOOL else it.kind.value) * it.count)
        elif isinstance(it, Packed):
            codes.append("I")
        elif isinstance(it, Struct):
            codes.append(struct_code(it.items))
        elif isinstance(it, Group):
            codes.append(struct_code(it.items) * it.min_count)
        else:  # pragma: no cover - spec error
            raise TypeError(it)
    return "".join(codes)


def value_count(items: tuple[Item, ...]) -> int:
    """How many values `struct_code(items)` unpacks to."""
    n = 0
    for it in items:
        if isinstance(it, Word):
            n += it.count
        elif isinstance(it, Packed):
            n += 1
        elif isinstance(it, Struct):
            n += value_count(it.items)
        elif isinstance(it, Group):
            n += value_count(it.items) * it.min_count
    return n


class _Compiler:
    def __init__(self, command: str, classes: dict[str, type]):
        self.command = command
        self.classes = classes

    def fail(self, reason: str) -> GuestError:
        return GuestError(self.command, reason)

    def range_check(self, name: str, lo: int | None, hi: int | None) -> Callable[[int], None]:
        command = self.command
        lo_ = 0 if lo is None else lo

        def check(v: int) -> None:
            if v < lo_ or (hi is not None and v > hi):
                raise GuestError(command, f"{name} = {v} is outside [{lo_}, {hi}]")
        return check

    def items(self, items: tuple[Item, ...], base: int) -> tuple[list[Builder], int]:
        """Builders for `items` whose values start at index `base`; returns (builders, next index)."""
        out: list[Builder] = []
        i = base
        for it in items:
            if isinstance(it, Word):
                out.append(self.word(it, i))
                i += it.count
            elif isinstance(it, Packed):
                out.extend(self.packed(it, i))
                i += 1
            elif isinstance(it, Struct):
                sub, nxt = self.items(it.items, 0)
                n = nxt
                out.append(self.nested(self.classes[it.cls], sub, i, n, 1, single=True))
                i += n
            elif isinstance(it, Group):
                sub, n = self.items(it.items, 0)
                cls = self.classes[it.cls] if it.cls else None
                out.append(self.nested(cls, sub, i, n, it.min_count, single=False))
                i += n * it.min_count
        return out, i

    def word(self, w: Word, i: int) -> Builder:
        if w.derived:
            name = w.name

            def derived(vals, out, d):
                d[name] = vals[i]
            return derived
        if w.count > 1:
            j = i + w.count
            if w.kind is BOOL:
                return lambda vals, out, d: out.append(tuple(bool(v) for v in vals[i:j]))
            return lambda vals, out, d: out.append(vals[i:j])
        if w.kind is BOOL:
            return lambda vals, out, d: out.append(vals[i] != 0)
        if w.lo is not None or w.hi is not None:
            check = self.range_check(w.name, w.lo, w.hi)

            def checked(vals, out, d):
                v = vals[i]
                check(v)
                out.append(v)
            return checked
        return lambda vals, out, d: out.append(vals[i])

    def packed(self, p: Packed, i: int) -> list[Builder]:
        plain = [(b.shift, b.mask) for b in p.bits if b.hi is None]
        if len(plain) == len(p.bits):
            fields = tuple(plain)
            return [lambda vals, out, d: out.extend((vals[i] >> s) & m for s, m in fields)]
        return [self.bits(b, i) for b in p.bits]

    def bits(self, b: Bits, i: int) -> Builder:
        s, m = b.shift, b.mask
        if b.hi is None:
            return lambda vals, out, d: out.append((vals[i] >> s) & m)
        check = self.range_check(b.name, 0, b.hi)

        def checked(vals, out, d):
            v = (vals[i] >> s) & m
            check(v)
            out.append(v)
        return checked

    def nested(self, cls, sub: list[Builder], i: int, n: int, count: int, single: bool) -> Builder:
        """A fixed group/struct inside the head: `count` elements of `n` values from index i."""
        def build_one(vals, d, at):
            part = vals[at:at + n]
            fields: list = []
            for b in sub:
                b(part, fields, d)
            return cls(*fields) if cls is not None else fields[0]

        if single:
            return lambda vals, out, d: out.append(build_one(vals, d, i))
        return lambda vals, out, d: out.append(tuple(build_one(vals, d, i + k * n) for k in range(count)))


class PayloadReader:
    """Decodes one command payload per `spec` into an instance of `cls`."""

    def __init__(self, spec: CommandSpec, classes: dict[str, type]):
        self.spec = spec
        self.name = spec.name
        self.cls = classes[spec.cls]
        comp = _Compiler(spec.name, classes)
        group = spec.variable_group
        fixed = spec.items[:-1] if group else spec.items
        self.head = struct.Struct("<" + struct_code(fixed))
        self.head_words = spec.head_words
        self.head_builders, _ = comp.items(fixed, 0)
        self.allowed = spec.allowed_lengths
        self.tails = [(struct.Struct("<" + struct_code(t)), sum(i.words for i in t), comp.items(t, 0)[0])
                      for t in spec.tails]
        self.group = group
        if group is not None:
            self.elem_words = group.element_words
            sub, n = comp.items(group.items, 0)
            self.elem_struct = struct.Struct("<" + struct_code(group.items))
            self.elem_builders = sub
            self.elem_cls = classes[group.cls] if group.cls else None
            single_word = (len(group.items) == 1 and isinstance(group.items[0], Word)
                           and group.items[0].count == 1 and group.items[0].kind is Kind.U32
                           and group.items[0].hi is None)
            self.elem_is_plain_word = self.elem_cls is None and single_word
            self.slot_index = _value_index(fixed, group.slot_from) if group.slot_from else None
            # Elements of unchecked single words map 1:1 onto their dataclass.
            self.elem_plain = self.elem_cls is not None and all(
                isinstance(i, Word) and i.count == 1 and i.kind is not BOOL and i.lo is None
                and i.hi is None and not i.derived for i in group.items)
        self.blob = spec.blob
        self.obj_typed = spec.obj_types is not None
        # Heads made only of unchecked single words map 1:1 onto the dataclass.
        self.plain = (not spec.tails and group is None and spec.blob is None and not self.obj_typed
                      and all(isinstance(i, Word) and i.count == 1 and i.kind is not BOOL
                              and i.lo is None and i.hi is None and not i.derived for i in fixed))
        # A post-decode hook per command (set by the decoder module) for rules
        # that involve several fields.
        self.finish: Callable[[list, dict, int], None] | None = None

    def check_length(self, nwords: int) -> None:
        spec = self.spec
        if self.allowed is not None:
            if nwords not in self.allowed:
                want = " or ".join(str(n) for n in self.allowed)
                raise GuestError(self.name, f"payload is {nwords} words, expected {want}")
            return
        if nwords < self.head_words:
            raise GuestError(self.name, f"payload is {nwords} words, needs at least {self.head_words}")
        if self.blob is not None and nwords - self.head_words < spec.min_blob_words:
            raise GuestError(self.name, f"payload is {nwords} words, needs at least "
                                        f"{self.head_words + spec.min_blob_words}")

    def read(self, buf, off: int, nwords: int, obj: int):
        """Decode the payload of `nwords` words at byte offset `off` of `buf`.

        The caller has already checked that the words are inside `buf`."""
        self.check_length(nwords)
        vals = self.head.unpack_from(buf, off)
        if self.plain and self.finish is None:
            return self.cls(*vals)
        out: list = [obj] if self.obj_typed else []
        derived: dict = {}
        for b in self.head_builders:
            b(vals, out, derived)
        pos = off + self.head_words * 4
        rest = nwords - self.head_words
        if self.tails:
            self._read_tails(buf, pos, rest, out, derived)
        elif self.group is not None:
            out.append(self._read_group(buf, pos, rest, vals, derived))
        elif self.blob is not None:
            out.append(bytes(buf[pos:pos + rest * 4]))
        if self.finish is not None:
            self.finish(out, derived, nwords)
        return self.cls(*out)

    def _read_tails(self, buf, pos: int, rest: int, out: list, derived: dict) -> None:
        for st, words, builders in self.tails:
            if rest < words:
                break
            vals = st.unpack_from(buf, pos)
            for b in builders:
                b(vals, out, derived)
            pos += words * 4
            rest -= words

    def _read_group(self, buf, pos: int, rest: int, head_vals: tuple, derived: dict):
        g = self.group
        ew = self.elem_words
        count, extra = divmod(rest, ew)
        if extra:
            raise GuestError(self.name, f"{rest} words after the head is not a whole number of "
                                        f"{ew}-word {g.name}")
        if not g.min_count <= count <= g.max_count:
            raise GuestError(self.name, f"{count} {g.name}, allowed {g.min_count}..{g.max_count}")
        if g.count_from is not None and derived[g.count_from] != count:
            raise GuestError(self.name, f"{g.count_from} = {derived[g.count_from]} but the payload "
                                        f"holds {count} {g.name}")
        if g.slot_from is not None:
            start = head_vals[self.slot_index]
            if start + count > g.max_count:
                raise GuestError(self.name, f"{g.slot_from} {start} + {count} {g.name} exceeds "
                                            f"the {g.max_count} slots")
        if self.elem_is_plain_word:
            return struct.unpack_from(f"<{count}I", buf, pos)
        cls = self.elem_cls
        if self.elem_plain:
            return tuple(cls(*vals) for vals in self.elem_struct.iter_unpack(buf[pos:pos + count * ew * 4]))
        builders = self.elem_builders
        result = []
        for vals in self.elem_struct.iter_unpack(buf[pos:pos + count * ew * 4]):
            fields: list = []
            for b in builders:
                b(vals, fields, derived)
            result.append(cls(*fields) if cls is not None else fields[0])
        return tuple(result)


def _value_index(items: tuple[Item, ...], name: str) -> int:
    """Index, in the unpacked head tuple, of the single-word field `name`."""
    i = 0
    for it in items:
        if isinstance(it, Word) and it.name == name:
            return i
        i += value_count((it,))
    raise KeyError(name)  # pragma: no cover - spec error


# --- generated readers ----------------------------------------------------------------
# For the common shape -- a head and optional tails of single words and packed
# bitfields, then at most a blob -- `generated_reader` writes one straight-line
# Python function per command: one unpack per part, the range checks inline,
# one constructor call. It decodes exactly what `PayloadReader.read` decodes
# (same checks, same messages) without a closure call per field, which matters
# for the commands sent with every draw.

def _simple_items(items: tuple[Item, ...]) -> bool:
    for it in items:
        if isinstance(it, Word):
            if it.count != 1 or it.derived or it.kind.words != 1:
                return False
        elif not isinstance(it, Packed):
            return False
    return True


def _emit_items(items: tuple[Item, ...], values: list[str], lines: list[str], indent: str,
                consts: dict) -> list[str]:
    """Lines that check `values` (names of unpacked words) and name the field expressions."""
    fields: list[str] = []
    k = 0

    def range_line(expr: str, name: str, lo, hi) -> None:
        lo_ = 0 if lo is None else lo
        cond = f"{expr} < {lo_!r}" + (f" or {expr} > {hi!r}" if hi is not None else "")
        msg = f"{name} = {{{expr}}} is outside [{lo_}, {hi}]"
        lines.append(f"{indent}if {cond}:")
        lines.append(f"{indent}    raise GuestError(COMMAND, f{msg!r})")

    for it in items:
        v = values[k]
        k += 1
        if isinstance(it, Word):
            if it.kind is BOOL:
                fields.append(f"({v} != 0)")
            else:
                if it.lo is not None or it.hi is not None:
                    range_line(v, it.name, it.lo, it.hi)
                fields.append(v)
        else:
            for b in it.bits:
                name = f"{v}_{b.shift}"
                lines.append(f"{indent}{name} = ({v} >> {b.shift}) & {b.mask}")
                if b.hi is not None:
                    range_line(name, b.name, 0, b.hi)
                fields.append(name)
    return fields


def _emit_group(reader: "PayloadReader", g: Group, head_vals: list[str], lines: list[str], consts: dict) -> None:
    """Lines that check the trailing group's size (as `_read_group` does) and name it `elements`."""
    ew, hw, name = reader.elem_words, reader.head_words, g.name
    lines.append(f"    rest = nwords - {hw}")
    lines.append(f"    count, extra = divmod(rest, {ew})")
    lines.append("    if extra:")
    lines.append(f"        raise GuestError(COMMAND, f'{{rest}} words after the head is not a whole number of "
                 f"{ew}-word {name}')")
    lines.append(f"    if not {g.min_count} <= count <= {g.max_count}:")
    lines.append(f"        raise GuestError(COMMAND, f'{{count}} {name}, allowed {g.min_count}..{g.max_count}')")
    if g.slot_from is not None:
        start = head_vals[reader.slot_index]
        lines.append(f"    if {start} + count > {g.max_count}:")
        lines.append(f"        raise GuestError(COMMAND, f'{g.slot_from} {{{start}}} + {{count}} {name} exceeds "
                     f"the {g.max_count} slots')")
    pos = f"off + {hw * 4}"
    if reader.elem_is_plain_word:
        consts["unpack_from"] = struct.unpack_from
        lines.append(f"    elements = unpack_from('<%dI' % count, buf, {pos})")
    elif reader.elem_plain:
        consts["elem_cls"] = reader.elem_cls
        consts["elem_iter"] = reader.elem_struct.iter_unpack
        lines.append(f"    elements = tuple(elem_cls(*v) for v in elem_iter(buf[{pos}:{pos} + count * {ew * 4}]))")
    elif reader.elem_cls is not None and all(
            isinstance(i, Word) and i.kind is not BOOL and i.lo is None and i.hi is None and not i.derived
            for i in g.items):
        # Unchecked words, some of them runs (a viewport's scale and translate): slices of each element.
        consts["elem_cls"] = reader.elem_cls
        consts["elem_iter"] = reader.elem_struct.iter_unpack
        args, at = [], 0
        for item in g.items:
            args.append(f"v[{at}]" if item.count == 1 else f"v[{at}:{at + item.count}]")
            at += item.count
        lines.append(f"    elements = tuple(elem_cls({', '.join(args)}) "
                     f"for v in elem_iter(buf[{pos}:{pos} + count * {ew * 4}]))")
    else:
        consts["read_group"] = reader._read_group
        lines.append(f"    elements = read_group(buf, {pos}, rest, ({', '.join(head_vals)},), {{}})")


def generated_reader(reader: "PayloadReader"):
    """A generated `read(buf, off, nwords, obj)` equivalent to `reader.read`, or None."""
    spec = reader.spec
    group = reader.group
    head_items = spec.items[:-1] if group is not None else spec.items
    if not _simple_items(head_items) or not all(_simple_items(t) for t in spec.tails):
        return None
    if group is not None and (group.count_from is not None or reader.blob is not None or spec.tails):
        return None
    consts = {"GuestError": GuestError, "COMMAND": reader.name, "cls": reader.cls,
              "check_length": reader.check_length, "finish": reader.finish,
              "head_unpack": reader.head.unpack_from}
    lines = ["def read(buf, off, nwords, obj):", "    check_length(nwords)"]
    head_vals = [f"h{i}" for i in range(len(head_items))]
    if head_vals:
        lines.append(f"    {', '.join(head_vals)}, = head_unpack(buf, off)")
    fields = ["obj"] if reader.obj_typed else []
    fields += _emit_items(head_items, head_vals, lines, "    ", consts)
    hw = reader.head_words

    def finish_lines(indent: str, fields: list[str]) -> None:
        if reader.finish is None:
            lines.append(f"{indent}return cls({', '.join(fields)})")
        else:
            lines.append(f"{indent}out = [{', '.join(fields)}]")
            lines.append(f"{indent}finish(out, {{}}, nwords)")
            lines.append(f"{indent}return cls(*out)")

    if group is not None:
        _emit_group(reader, group, head_vals, lines, consts)
        finish_lines("    ", fields + ["elements"])
    elif reader.blob is not None:
        lines.append(f"    fields_blob = bytes(buf[off + {hw * 4}:off + nwords * 4])")
        finish_lines("    ", fields + ["fields_blob"])
    elif spec.tails:
        lines.append(f"    rest = nwords - {hw}")
        lines.append(f"    pos = off + {hw * 4}")
        indent = "    "
        for n, (tail, (st, words, _)) in enumerate(zip(spec.tails, reader.tails)):
            consts[f"tail{n}_unpack"] = st.unpack_from
            # Fewer words than this tail needs: the fields so far (the rest take defaults).
            lines.append(f"{indent}if rest < {words}:")
            finish_lines(indent + "    ", list(fields))
            vals = [f"t{n}_{i}" for i in range(len(tail))]
            lines.append(f"{indent}{', '.join(vals)}, = tail{n}_unpack(buf, pos)")
            lines.append(f"{indent}pos += {words * 4}")
            lines.append(f"{indent}rest -= {words}")
            fields = fields + _emit_items(tail, vals, lines, indent, consts)
        finish_lines(indent, fields)
    else:
        finish_lines("    ", fields)
    namespace = dict(consts)
    exec(compile("\n".join(lines) + "\n", f"<decoder {reader.name}>", "exec"), namespace)  # noqa: S102
    fn = namespace["read"]
    fn.source = "\n".join(lines)
    return fn
