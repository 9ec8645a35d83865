"""Build virgl command streams from the same specs the host decodes with.

    enc = CommandEncoder()
    enc.create_sub_ctx(sub_ctx_id=1).set_sub_ctx(sub_ctx_id=1)
    enc.create_blend(handle=1)                 # unspecified fields are zero
    enc.clear(buffers=ClearFlags.COLOR0, color=(0, 0, 0, 0x3F800000), depth=1.0, stencil=0)
    enc.create_shader(handle=2, stage=ShaderStage.VERTEX, text=tgsi)
    enc.draw_vbo(start=0, count=3, mode=PrimType.TRIANGLES, instance_count=1)
    payload = bytes(enc)

Every decoded dataclass of `pyvirgl.decode.commands` can be written back
with `enc.add(cmd)` (the hypothesis round-trip tests rely on it); the
snake_case methods are thin conveniences generated from the same specs.
Mistakes here are client bugs, so they raise ValueError, not GuestError.
"""
from __future__ import annotations

import dataclasses
import re
import struct
from array import array
from typing import Iterable

from pyvirgl.decode import commands as C
from pyvirgl.protocol.virgl import (
    BOOL, COMMAND_SPECS, F32, F64, HEADER_LENGTH_MAX, I32, OBJECT_SPECS, SHADER_OFFSET_CONTINUATION,
    SO_OUTPUT_BITS, SO_STREAM_BITS, TBUF_DWORDS, U64, Bits, Blob, Ccmd, CommandSpec, Group, Item,
    ObjectType, Packed, PrimType, ShaderStage, Struct, Word, header,
)

_F32 = struct.Struct("<f")
_U32 = struct.Struct("<I")
_I32 = struct.Struct("<i")
_F64 = struct.Struct("<d")
_TWO = struct.Struct("<2I")


def _word_values(w: Word, value) -> list[int]:
    values = value if w.count > 1 else (value,)
    if len(values) != w.count:
        raise ValueError(f"{w.name} needs {w.count} values, got {len(values)}")
    out: list[int] = []
    for v in values:
        if w.kind is F32:
            out.append(_U32.unpack(_F32.pack(v))[0])
        elif w.kind is I32:
            out.append(_U32.unpack(_I32.pack(v))[0])
        elif w.kind is BOOL:
            out.append(1 if v else 0)
        elif w.kind is F64:
            out.extend(_TWO.unpack(_F64.pack(v)))
        elif w.kind is U64:
            if not 0 <= v < 1 << 64:
                raise ValueError(f"{w.name} = {v} does not fit 64 bits")
            out.extend((v & 0xFFFFFFFF, v >> 32))
        else:
            if not 0 <= v <= 0xFFFFFFFF:
                raise ValueError(f"{w.name} = {v} does not fit a word")
            out.append(int(v))
    return out


def _pack_bits(bits: tuple[Bits, ...], obj) -> int:
    word = 0
    for b in bits:
        v = int(getattr(obj, b.name))
        if not 0 <= v <= b.mask:
            raise ValueError(f"{b.name} = {v} does not fit {b.width} bits")
        word |= v << b.shift
    return word


def _encode_items(items: Iterable[Item], obj, derived: dict, out: list[int]) -> None:
    for it in items:
        if isinstance(it, Word):
            value = derived[it.name] if it.derived else getattr(obj, it.name)
            out.extend(_word_values(it, value))
        elif isinstance(it, Packed):
            out.append(_pack_bits(it.bits, obj))
        elif isinstance(it, Struct):
            _encode_items(it.items, getattr(obj, it.name), derived, out)
        elif isinstance(it, Group):
            elements = getattr(obj, it.name)
            if not it.min_count <= len(elements) <= it.max_count:
                raise ValueError(f"{len(elements)} {it.name}, allowed {it.min_count}..{it.max_count}")
            for e in elements:
                if it.cls is None:
                    out.extend(_word_values(it.items[0], e))
                else:
                    _encode_items(it.items, e, derived, out)


def _pad(data: bytes) -> bytes:
    return data + b"\0" * (-len(data) % 4)


def _blob_words(data: bytes) -> list[int]:
    data = _pad(data)
    return list(struct.unpack(f"<{len(data) // 4}I", data))


# Tails are written when any of their fields (or a later tail's) is nonzero,
# or when Mesa would write them anyway.
_FORCE_TAIL = {
    Ccmd.DRAW_VBO: lambda c: c.mode == PrimType.PATCHES,
    Ccmd.SET_INDEX_BUFFER: lambda c: c.res_handle != 0,
}


def _tails_needed(spec: CommandSpec, cmd) -> int:
    need = 0
    for k, tail in enumerate(spec.tails):
        if any(getattr(cmd, n) for n in _names(tail)):
            need = k + 1
    force = _FORCE_TAIL.get(spec.cmd)
    if force is not None and force(cmd):
        need = max(need, 1)
    return need


def _names(items) -> list[str]:
    out: list[str] = []
    for it in items:
        if isinstance(it, Packed):
            out.extend(b.name for b in it.bits)
        else:
            out.append(it.name)
    return out


def _derived_values(spec: CommandSpec, cmd) -> dict:
    derived = {}
    group = spec.variable_group
    if group is not None and group.count_from:
        derived[group.count_from] = len(getattr(cmd, group.name))
    if spec.cmd == Ccmd.EMIT_STRING_MARKER:
        derived["length"] = len(cmd.message)
    return derived


def _blob_payload(spec: CommandSpec, cmd) -> bytes:
    data = getattr(cmd, spec.blob.name)
    if spec.cmd == Ccmd.SET_DEBUG_FLAGS:
        data = data + b"\0"   # Mesa sends the terminating NUL
    if len(data) < 4 * spec.min_blob_words:
        data = data + b"\0" * (4 * spec.min_blob_words - len(data))
    return data


def _spec_of(cmd: C.Command) -> CommandSpec:
    if cmd.CMD == Ccmd.CREATE_OBJECT:
        return OBJECT_SPECS[cmd.OBJ]
    return COMMAND_SPECS[cmd.CMD]


def encode_shader_chunk(chunk: C.CreateShaderChunk) -> list[int]:
    """Header + payload words of one CREATE_OBJECT(SHADER) packet."""
    offlen = chunk.offset | (SHADER_OFFSET_CONTINUATION if chunk.continuation else 0)
    words = [chunk.handle, chunk.stage, offlen, chunk.num_tokens]
    if chunk.stage == ShaderStage.COMPUTE:
        words.append(chunk.req_local_mem)
    else:
        words.append(len(chunk.so_outputs))
        if chunk.so_outputs:
            if len(chunk.so_strides) != 4:
                raise ValueError("stream output needs 4 buffer strides")
            words.extend(chunk.so_strides)
            for o in chunk.so_outputs:
                words.append(_pack_bits(SO_OUTPUT_BITS.bits, o))
                words.append(_pack_bits(SO_STREAM_BITS.bits, o))
    words.extend(_blob_words(chunk.text))
    return [header(Ccmd.CREATE_OBJECT, ObjectType.SHADER, len(words)), *words]


def encode_command(cmd: C.Command) -> list[int]:
    """Header + payload words for one decoded-command dataclass."""
    if isinstance(cmd, C.CreateShaderChunk):
        return encode_shader_chunk(cmd)
    spec = _spec_of(cmd)
    derived = _derived_values(spec, cmd)
    words: list[int] = []
    if not spec.any_length:
        _encode_items(spec.items, cmd, derived, words)
        for tail in spec.tails[:_tails_needed(spec, cmd)]:
            _encode_items(tail, cmd, derived, words)
        if spec.blob is not None:
            words.extend(_blob_words(_blob_payload(spec, cmd)))
    if spec.obj is not None:
        obj = spec.obj
    elif spec.obj_types is not None:
        obj = cmd.obj_type
    else:
        obj = 0
    return [header(spec.cmd, obj, len(words)), *words]


def shader_chunks(handle: int, stage: int, text: str, *, num_tokens: int | None = None,
                  so_strides: tuple[int, ...] = (), so_outputs: tuple[C.StreamOutput, ...] = (),
                  req_local_mem: int = 0, max_text_words: int = 16000) -> list[C.CreateShaderChunk]:
    """Split TGSI text into CREATE_OBJECT(SHADER) packets the way Mesa does:
    the first carries the total length (NUL included) and any stream output,
    the rest carry their byte offset with the continuation bit."""
    raw = text.encode("ascii") + b"\0"
    if num_tokens is None:
        num_tokens = len(raw) + 16   # generous parser hint; Mesa sends the real token count
    step = max_text_words * 4
    chunks = []
    for off in range(0, len(raw), step):
        first = off == 0
        chunks.append(C.CreateShaderChunk(
            handle=handle, stage=stage, offset=len(raw) if first else off, continuation=not first,
            num_tokens=num_tokens, req_local_mem=req_local_mem,
            so_strides=tuple(so_strides) if first and so_outputs else (),
            so_outputs=tuple(so_outputs) if first else (), text=raw[off:off + step],
        ))
    return chunks


def zero_value(item: Item):
    """The all-zero value of a spec item (what the convenience methods default to)."""
    if isinstance(item, Word):
        one = False if item.kind is BOOL else (0.0 if item.kind in (F32, F64) else 0)
        return tuple([one] * item.count) if item.count > 1 else one
    if isinstance(item, Struct):
        return _zero_instance(C.CLASSES[item.cls], item.items)
    if isinstance(item, Group):
        if item.cls is None:
            return (0,) * item.min_count
        return tuple(_zero_instance(C.CLASSES[item.cls], item.items) for _ in range(item.min_count))
    if isinstance(item, Blob):
        return b""
    raise TypeError(item)


def _zero_fields(items) -> dict:
    out = {}
    for it in items:
        if isinstance(it, Packed):
            out.update({b.name: 0 for b in it.bits})
        elif isinstance(it, Word) and it.derived:
            continue
        else:
            out[it.name] = zero_value(it)
    return out


def _zero_instance(cls, items):
    return cls(**_zero_fields(items))


class CommandEncoder:
    """Accumulates commands into one SUBMIT_CMD payload."""

    def __init__(self) -> None:
        self._words = array("I")

    # --- core ---
    def add(self, *cmds: C.Command) -> "CommandEncoder":
        for cmd in cmds:
            words = encode_command(cmd)
            if len(words) - 1 > HEADER_LENGTH_MAX:
                raise ValueError(f"{type(cmd).__name__} payload of {len(words) - 1} words is too long")
            self._words.extend(words)
        return self

    def raw(self, *words: int) -> "CommandEncoder":
        """Append arbitrary words (for building malformed streams in tests)."""
        self._words.extend(w & 0xFFFFFFFF for w in words)
        return self

    def words(self) -> list[int]:
        return self._words.tolist()

    def __bytes__(self) -> bytes:
        return self._words.tobytes()

    def __len__(self) -> int:
        return len(self._words)

    def clear_buffer(self) -> None:
        self._words = array("I")

    # --- helpers that do more than one packet ---
    def create_shader(self, handle: int, stage: int, text: str, **kw) -> "CommandEncoder":
        """CREATE_OBJECT(SHADER), split into chunks like Mesa (see `shader_chunks`)."""
        return self.add(*shader_chunks(handle, stage, text, **kw))

    def transfer_area(self, transfers: Iterable[C.Transfer3D], filler: int = 0xDEADBEEF) -> "CommandEncoder":
        """The protocol >= 2 prefix: TRANSFER3D records then END_TRANSFERS padding the
        area to exactly TBUF_DWORDS words. `filler` stands in for the stale bytes
        Mesa leaves in the padding. Must be the first thing in the buffer."""
        if len(self._words):
            raise ValueError("the transfer area starts the submit")
        for t in transfers:
            self.add(t)
        used = len(self._words)
        if used >= TBUF_DWORDS:
            raise ValueError("transfers overflow the 1024-word area")
        pad = TBUF_DWORDS - used - 1
        self._words.append(header(Ccmd.END_TRANSFERS, 0, pad))
        self._words.extend([filler & 0xFFFFFFFF] * pad)
        return self


def _snake(name: str) -> str:
    name = name.replace("3D", "3d")   # Transfer3D -> transfer3d, not transfer3_d
    s = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name)
    return re.sub(r"(?<=[A-Z])([A-Z][a-z])", r"_\1", s).lower()


def _make_method(cls, spec: CommandSpec):
    fields = [f.name for f in dataclasses.fields(cls)]

    def method(self, **kw):
        defaults = _zero_fields(spec.items)
        for tail in spec.tails:
            defaults.update(_zero_fields(tail))
        if spec.blob is not None:
            defaults[spec.blob.name] = b""
        unknown = set(kw) - set(fields)
        if unknown:
            raise TypeError(f"{cls.__name__} has no field(s) {sorted(unknown)}")
        defaults.update(kw)
        return self.add(cls(**{k: v for k, v in defaults.items() if k in fields}))

    method.__name__ = _snake(cls.__name__)
    method.__doc__ = f"Append {spec.name}. Fields (default zero): {', '.join(fields)}."
    return method


def _install_methods() -> None:
    from pyvirgl.protocol.virgl import all_specs
    for spec in all_specs():
        if spec.custom:
            continue
        cls = C.CLASSES[spec.cls]
        if spec.obj_types is not None:
            def method(self, obj_type: int, handle: int, _cls=cls):
                return self.add(_cls(obj_type, handle))
            method.__name__ = _snake(cls.__name__)
        else:
            method = _make_method(cls, spec)
        setattr(CommandEncoder, method.__name__, method)


_install_methods()
