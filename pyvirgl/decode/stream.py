"""Walk a SUBMIT_CMD buffer and decode each command.

`decode_commands` is a lazy generator: it checks and decodes one command
at a time, so a caller that executes commands as they come out has already
run every command before a malformed one when the GuestError surfaces.
That matches the reference host, which also executes up to the first bad
command and then drops the rest of the submit.

Only each header's length is trusted for walking: payload contents (for
example the stale padding inside END_TRANSFERS) are never interpreted
unless the command is decoded.
"""
from __future__ import annotations

import sys
from typing import Callable, Iterator, NamedTuple

from pyvirgl.decode.commands import CLASSES, Command
from pyvirgl.decode.layout import PayloadReader, generated_reader
from pyvirgl.decode.shader import read_shader_chunk
from pyvirgl.errors import GuestError
from pyvirgl.protocol.virgl import (
    COMMAND_SPECS, OBJECT_SPECS, UNDEFINED_LAYOUT_COMMANDS, Ccmd, ObjectType, command_name,
)

SUBMIT = "SUBMIT_CMD"

# reader(buf, byte_offset_of_payload, payload_words, header_obj) -> Command
Reader = Callable[[memoryview, int, int, int], Command]


def _readers_for(specs) -> dict:
    return {key: PayloadReader(spec, CLASSES) for key, spec in specs.items() if not spec.custom}


_COMMANDS: dict[Ccmd, PayloadReader] = _readers_for(COMMAND_SPECS)
_OBJECTS: dict[ObjectType, PayloadReader] = _readers_for(OBJECT_SPECS)


# --- rules that involve more than one field ----------------------------------------
# Each hook sees the field list about to become the dataclass, the derived
# words and the payload length; it may raise or rewrite fields in place.

def _hook(reader: PayloadReader):
    def install(fn):
        reader.finish = fn
        return fn
    return install


@_hook(_COMMANDS[Ccmd.SET_INDEX_BUFFER])
def _index_size(fields: list, derived: dict, nwords: int) -> None:
    if nwords == 3 and fields[1] not in (1, 2, 4):
        raise GuestError("SET_INDEX_BUFFER", f"index_size {fields[1]} is not 1, 2 or 4")


@_hook(_COMMANDS[Ccmd.EMIT_STRING_MARKER])
def _marker_length(fields: list, derived: dict, nwords: int) -> None:
    length, blob = derived["length"], fields[0]
    if length > len(blob):
        raise GuestError("EMIT_STRING_MARKER", f"string length {length} exceeds the {len(blob)} "
                                               f"bytes sent")
    fields[0] = blob[:length]


@_hook(_COMMANDS[Ccmd.SET_DEBUG_FLAGS])
def _flag_string(fields: list, derived: dict, nwords: int) -> None:
    blob = fields[0]
    end = blob.find(b"\0")
    fields[0] = blob if end < 0 else blob[:end]


def _nonzero_handle(name: str):
    def check(fields: list, derived: dict, nwords: int) -> None:
        if fields[0] == 0:
            raise GuestError(name, "handle 0 is reserved")
    return check


for _obj, _reader in _OBJECTS.items():
    _reader.finish = _nonzero_handle(_reader.name)


# --- dispatch ------------------------------------------------------------------

def _create_object(buf, off: int, nwords: int, obj: int) -> Command:
    if obj == ObjectType.SHADER:
        return read_shader_chunk(buf, off, nwords, obj)
    reader = _OBJECTS.get(obj)  # type: ignore[call-overload]
    if reader is None:
        raise GuestError(command_name(Ccmd.CREATE_OBJECT, obj), f"unknown object type {obj}")
    return reader.read(buf, off, nwords, obj)


def _object_typed(reader: PayloadReader) -> Reader:
    allowed = reader.spec.obj_types
    cmd = reader.spec.cmd

    def read(buf, off, nwords, obj):
        if obj not in allowed:
            raise GuestError(command_name(cmd, obj), f"object type {obj} cannot be used here")
        try:
            return reader.read(buf, off, nwords, obj)
        except GuestError as e:   # name the object type too
            raise GuestError(command_name(cmd, obj), e.reason) from None
    return read


def _refuse(cmd: Ccmd) -> Reader:
    def read(buf, off, nwords, obj):
        raise GuestError(cmd.name, "has no payload layout in protocol 22.3 and is not supported")
    return read


def _unknown(cmd: int) -> Reader:
    def read(buf, off, nwords, obj):
        raise GuestError(command_name(cmd), f"unknown command id {cmd}")
    return read


def _build_dispatch() -> list[Reader]:
    table: list[Reader] = [_unknown(i) for i in range(256)]
    for cmd, reader in _COMMANDS.items():
        if reader.spec.obj_types:
            table[cmd] = _object_typed(reader)
        else:
            # Built here, after the hooks above are installed: they are part of the reader.
            table[cmd] = generated_reader(reader) or reader.read
    table[Ccmd.CREATE_OBJECT] = _create_object
    for cmd in UNDEFINED_LAYOUT_COMMANDS:
        table[cmd] = _refuse(cmd)
    return table


_DISPATCH = _build_dispatch()


# --- walking ------------------------------------------------------------------------

def _as_words(buf) -> tuple[memoryview, memoryview]:
    """(bytes view, u32 view) of the submit buffer."""
    raw = memoryview(buf)
    if raw.ndim != 1 or raw.itemsize != 1:
        raw = raw.cast("B")
    if len(raw) % 4:
        raise GuestError(SUBMIT, f"command buffer of {len(raw)} bytes is not whole words")
    if sys.byteorder != "little":  # pragma: no cover - the wire is little-endian
        raise RuntimeError("pyvirgl's decoder assumes a little-endian host")
    return raw, raw.cast("I")


class RawCommand(NamedTuple):
    """Where a command sits in the buffer, without decoding it."""
    offset: int      # word index of the header
    cmd: int
    obj: int
    length: int      # payload words


def iter_headers(buf) -> Iterator[RawCommand]:
    """Walk the buffer by header lengths only (for tools and tracing)."""
    _, words = _as_words(buf)
    n = len(words)
    pos = 0
    while pos < n:
        h = words[pos]
        cmd, obj, length = h & 0xFF, (h >> 8) & 0xFF, h >> 16
        if pos + 1 + length > n:
            raise GuestError(command_name(cmd, obj), f"length {length} runs past the end of the "
                                                     f"buffer ({n - pos - 1} words left)")
        yield RawCommand(pos, cmd, obj, length)
        pos += 1 + length


def decode_commands(buf) -> Iterator[Command]:
    """Decode a command buffer (bytes-like, little-endian u32 words), lazily.

    Yields one `pyvirgl.decode.commands` dataclass per command, including
    `Nop` and `EndTransfers`. Raises GuestError (naming the command) at the
    first malformed command; the commands already yielded stay valid."""
    raw, words = _as_words(buf)
    n = len(words)
    dispatch = _DISPATCH
    pos = 0
    while pos < n:
        h = words[pos]
        length = h >> 16
        end = pos + 1 + length
        if end > n:
            raise GuestError(command_name(h & 0xFF, (h >> 8) & 0xFF),
                             f"length {length} runs past the end of the buffer "
                             f"({n - pos - 1} words left)")
        yield dispatch[h & 0xFF](raw, (pos + 1) * 4, length, (h >> 8) & 0xFF)
        pos = end


def stream_words(buf) -> tuple[memoryview, memoryview]:
    """(bytes view, u32 view) of a command buffer, for loops that walk it themselves."""
    return _as_words(buf)


def stream_dispatch() -> list:
    """Per command id: read(buf, byte offset, payload words, object type) -> Command.

    A loop walking `stream_words` itself must check each header's length
    against the buffer as `decode_commands` does (`check_stream` raises)."""
    return _DISPATCH


def check_stream(buf) -> None:
    """Raise the GuestError `decode_commands` raises for a header running past the buffer."""
    for _ in iter_headers(buf):
        pass


def decode_all(buf) -> list[Command]:
    """All commands of a buffer, or GuestError if any is malformed."""
    return list(decode_commands(buf))
