"""The vtest wire protocol, sans-IO.

`VtestDecoder` turns bytes (and file descriptors, though Mesa sends none)
into typed requests; the `encode_*` functions turn replies into bytes.
Nothing here touches a socket, so every reader is tested by feeding it
bytes whole, one at a time, and with trailing data.

Framing follows what a server actually reads for each command, not the
header's length alone: Mesa 22.3.6 sends TRANSFER_PUT2 with a length that
counts data it never sends (the data is in shared memory), and
CREATE_RENDERER counts bytes, not dwords. Each command's expected length is
checked, so a header that lies is a protocol error rather than a desync.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass
from enum import IntEnum
from typing import Union

from pyvirgl.errors import ProtocolError
from pyvirgl.protocol.types import Box, ResourceTemplate

# Mesa 22.3 always connects here (no VTEST_SOCKET_NAME in that release).
DEFAULT_SOCKET_PATH = "/tmp/.virgl_test"

# Highest protocol version this server speaks. 3+ adds blobs and syncs (venus).
PROTOCOL_VERSION = 2

HEADER = struct.Struct("<II")

# Largest things a guest may ask us to take in one message. These bound the
# memory a single message can make us buffer before we have looked at it.
MAX_RENDERER_NAME = 1024
MAX_SUBMIT_DWORDS = 65536 + 1024  # Mesa's biggest command buffer
MAX_INLINE_TRANSFER = 256 << 20


class Vcmd(IntEnum):
    GET_CAPS = 1
    RESOURCE_CREATE = 2
    RESOURCE_UNREF = 3
    TRANSFER_GET = 4
    TRANSFER_PUT = 5
    SUBMIT_CMD = 6
    RESOURCE_BUSY_WAIT = 7
    CREATE_RENDERER = 8
    GET_CAPS2 = 9
    PING_PROTOCOL_VERSION = 10
    PROTOCOL_VERSION = 11
    RESOURCE_CREATE2 = 12
    TRANSFER_GET2 = 13
    TRANSFER_PUT2 = 14


BUSY_WAIT_FLAG_WAIT = 1


@dataclass(frozen=True)
class CreateRenderer:
    name: str


@dataclass(frozen=True)
class PingProtocolVersion:
    pass


@dataclass(frozen=True)
class ProtocolVersion:
    version: int


@dataclass(frozen=True)
class GetCaps:
    pass


@dataclass(frozen=True)
class GetCaps2:
    pass


@dataclass(frozen=True)
class ResourceCreate:
    args: ResourceTemplate


@dataclass(frozen=True)
class ResourceCreate2:
    args: ResourceTemplate
    data_size: int  # bytes of shared memory to create and send back as an fd


@dataclass(frozen=True)
class ResourceUnref:
    handle: int


@dataclass(frozen=True)
class TransferGet:
    """Protocol 0/1 read: the data goes back inline on the socket."""
    handle: int
    level: int
    stride: int
    layer_stride: int
    box: Box
    data_size: int


@dataclass(frozen=True)
class TransferPut:
    """Protocol 0/1 write: the data follows inline."""
    handle: int
    level: int
    stride: int
    layer_stride: int
    box: Box
    data: bytes


@dataclass(frozen=True)
class TransferGet2:
    """Protocol 2 read into the resource's shared memory at `offset`."""
    handle: int
    level: int
    box: Box
    data_size: int
    offset: int


@dataclass(frozen=True)
class TransferPut2:
    """Protocol 2 write from the resource's shared memory at `offset`."""
    handle: int
    level: int
    box: Box
    data_size: int
    offset: int


@dataclass(frozen=True)
class SubmitCmd:
    data: bytes  # a virgl command stream, a whole number of dwords


@dataclass(frozen=True)
class BusyWait:
    handle: int
    flags: int

    @property
    def wait(self) -> bool:
        return bool(self.flags & BUSY_WAIT_FLAG_WAIT)


Request = Union[
    CreateRenderer, PingProtocolVersion, ProtocolVersion, GetCaps, GetCaps2,
    ResourceCreate, ResourceCreate2, ResourceUnref, TransferGet, TransferPut,
    TransferGet2, TransferPut2, SubmitCmd, BusyWait,
]

# Payload sizes in dwords for the commands whose payload is fixed.
_FIXED_DWORDS = {
    Vcmd.GET_CAPS: 0,
    Vcmd.GET_CAPS2: 0,
    Vcmd.PING_PROTOCOL_VERSION: 0,
    Vcmd.PROTOCOL_VERSION: 1,
    Vcmd.RESOURCE_CREATE: 10,
    Vcmd.RESOURCE_CREATE2: 11,
    Vcmd.RESOURCE_UNREF: 1,
    Vcmd.TRANSFER_GET: 11,
    Vcmd.TRANSFER_GET2: 10,
    Vcmd.TRANSFER_PUT2: 10,
    Vcmd.RESOURCE_BUSY_WAIT: 2,
}


def _box(words) -> Box:
    return Box(*words)


def _ceil_dwords(n: int) -> int:
    return (n + 3) // 4


class VtestDecoder:
    """Incremental decoder of one client's byte stream.

    Feed bytes with `receive_data`, then call `next_request` until it returns
    None (more bytes needed). After a ProtocolError the decoder stays broken:
    the stream has lost its framing and nothing after it can be trusted.
    """

    def __init__(self) -> None:
        self._buf = bytearray()
        self._error: ProtocolError | None = None

    def receive_data(self, data: bytes) -> None:
        self._buf += data

    @property
    def buffered(self) -> int:
        return len(self._buf)

    def next_request(self) -> Request | None:
        if self._error is not None:
            raise self._error
        try:
            return self._next()
        except ProtocolError as err:
            self._error = err
            raise

    def _take(self, nbytes: int) -> memoryview | None:
        if len(self._buf) < nbytes:
            return None
        return memoryview(self._buf)[:nbytes]

    def _consume(self, nbytes: int) -> bytes:
        out = bytes(self._buf[:nbytes])
        del self._buf[:nbytes]
        return out

    def _next(self) -> Request | None:
        if len(self._buf) < HEADER.size:
            return None
        length, cmd_id = HEADER.unpack_from(self._buf)
        try:
            cmd = Vcmd(cmd_id)
        except ValueError:
            raise ProtocolError(f"vtest command {cmd_id}", "unknown command id") from None

        if cmd is Vcmd.CREATE_RENDERER:
            if length == 0 or length > MAX_RENDERER_NAME:
                raise ProtocolError(cmd.name, f"name length {length} outside 1..{MAX_RENDERER_NAME}")
            if len(self._buf) < HEADER.size + length:
                return None
            raw = self._consume(HEADER.size + length)[HEADER.size:]
            name = raw.split(b"\0", 1)[0].decode("utf-8", "replace")
            return CreateRenderer(name)

        if cmd is Vcmd.SUBMIT_CMD:
            if length > MAX_SUBMIT_DWORDS:
                raise ProtocolError(cmd.name, f"{length} dwords exceeds the limit of {MAX_SUBMIT_DWORDS}")
            if len(self._buf) < HEADER.size + 4 * length:
                return None
            return SubmitCmd(self._consume(HEADER.size + 4 * length)[HEADER.size:])

        if cmd is Vcmd.TRANSFER_PUT:
            return self._transfer_put(length)

        fixed = _FIXED_DWORDS[cmd]
        if cmd is Vcmd.TRANSFER_PUT2:
            # Mesa counts the transfer's data in the length although the data
            # travels through shared memory; accept exactly that, nothing else.
            if len(self._buf) < HEADER.size + 4 * fixed:
                return None
            words = struct.unpack_from("<10I", self._buf, HEADER.size)
            if length not in (fixed, fixed + _ceil_dwords(words[8])):
                raise ProtocolError(cmd.name, f"length {length} does not match data size {words[8]}")
            self._consume(HEADER.size + 4 * fixed)
            return TransferPut2(words[0], words[1], _box(words[2:8]), words[8], words[9])

        if length != fixed:
            raise ProtocolError(cmd.name, f"length {length} dwords, expected {fixed}")
        if len(self._buf) < HEADER.size + 4 * fixed:
            return None
        words = struct.unpack_from(f"<{fixed}I", self._buf, HEADER.size)
        self._consume(HEADER.size + 4 * fixed)
        return _build_fixed(cmd, words)

    def _transfer_put(self, length: int) -> TransferPut | None:
        fixed = _FIXED_DWORDS[Vcmd.TRANSFER_GET]
        if len(self._buf) < HEADER.size + 4 * fixed:
            return None
        words = struct.unpack_from(f"<{fixed}I", self._buf, HEADER.size)
        data_size = words[10]
        if data_size > MAX_INLINE_TRANSFER:
            raise ProtocolError("TRANSFER_PUT", f"inline data of {data_size} bytes exceeds {MAX_INLINE_TRANSFER}")
        if length != fixed + _ceil_dwords(data_size):
            raise ProtocolError("TRANSFER_PUT", f"length {length} does not match data size {data_size}")
        # The data follows unpadded: exactly data_size bytes.
        total = HEADER.size + 4 * fixed + data_size
        if len(self._buf) < total:
            return None
        data = self._consume(total)[HEADER.size + 4 * fixed:]
        return TransferPut(words[0], words[1], words[2], words[3], _box(words[4:10]), data)


def _build_fixed(cmd: Vcmd, w: tuple[int, ...]) -> Request:
    if cmd is Vcmd.GET_CAPS:
        return GetCaps()
    if cmd is Vcmd.GET_CAPS2:
        return GetCaps2()
    if cmd is Vcmd.PING_PROTOCOL_VERSION:
        return PingProtocolVersion()
    if cmd is Vcmd.PROTOCOL_VERSION:
        return ProtocolVersion(w[0])
    if cmd is Vcmd.RESOURCE_CREATE:
        return ResourceCreate(ResourceTemplate(*w))
    if cmd is Vcmd.RESOURCE_CREATE2:
        return ResourceCreate2(ResourceTemplate(*w[:10]), w[10])
    if cmd is Vcmd.RESOURCE_UNREF:
        return ResourceUnref(w[0])
    if cmd is Vcmd.TRANSFER_GET:
        return TransferGet(w[0], w[1], w[2], w[3], _box(w[4:10]), w[10])
    if cmd is Vcmd.TRANSFER_GET2:
        return TransferGet2(w[0], w[1], _box(w[2:8]), w[8], w[9])
    if cmd is Vcmd.RESOURCE_BUSY_WAIT:
        return BusyWait(w[0], w[1])
    raise AssertionError(f"no builder for {cmd!r}")  # host bug: table and builder disagree


# --- replies -----------------------------------------------------------------

def _reply(cmd: Vcmd, *words: int) -> bytes:
    return HEADER.pack(len(words), cmd) + struct.pack(f"<{len(words)}I", *words)


def encode_ping_reply() -> bytes:
    return _reply(Vcmd.PING_PROTOCOL_VERSION)


def encode_protocol_version_reply(version: int) -> bytes:
    return _reply(Vcmd.PROTOCOL_VERSION, version)


def encode_busy_wait_reply(busy: bool) -> bytes:
    return _reply(Vcmd.RESOURCE_BUSY_WAIT, 1 if busy else 0)


def encode_caps_reply(capset: int, caps: bytes) -> bytes:
    """A caps reply: the length is bytes + 1, and the id is the capset number."""
    return HEADER.pack(len(caps) + 1, capset) + caps


# RESOURCE_CREATE2 answers with one byte that carries the shared-memory fd.
RESOURCE_FD_MARKER = b"\0"


def negotiate_version(asked: int) -> int:
    """The version both sides speak. Version 1 was withdrawn: it means 0."""
    version = min(asked, PROTOCOL_VERSION)
    return 0 if version == 1 else version


# --- requests (the client side: our Python guest and the tests use these) ----

def encode_create_renderer(name: str) -> bytes:
    raw = name.encode() + b"\0"
    return HEADER.pack(len(raw), Vcmd.CREATE_RENDERER) + raw


def encode_request(cmd: Vcmd, *words: int) -> bytes:
    return _reply(cmd, *words)


def encode_submit(stream: bytes) -> bytes:
    if len(stream) % 4:
        raise ValueError("a command stream is a whole number of dwords")
    return HEADER.pack(len(stream) // 4, Vcmd.SUBMIT_CMD) + stream


def encode_resource_create2(args: ResourceTemplate, data_size: int) -> bytes:
    return encode_request(Vcmd.RESOURCE_CREATE2, args.handle, args.target, args.format, args.bind,
                          args.width, args.height, args.depth, args.array_size,
                          args.last_level, args.nr_samples, data_size)


def encode_transfer2(cmd: Vcmd, handle: int, level: int, box: Box, data_size: int, offset: int) -> bytes:
    words = [handle, level, box.x, box.y, box.z, box.width, box.height, box.depth, data_size, offset]
    header_len = 10 + (_ceil_dwords(data_size) if cmd is Vcmd.TRANSFER_PUT2 else 0)
    return HEADER.pack(header_len, cmd) + struct.pack("<10I", *words)


def encode_transfer_put(handle: int, level: int, stride: int, layer_stride: int, box: Box, data: bytes) -> bytes:
    words = [handle, level, stride, layer_stride, box.x, box.y, box.z, box.width, box.height, box.depth, len(data)]
    return HEADER.pack(11 + _ceil_dwords(len(data)), Vcmd.TRANSFER_PUT) + struct.pack("<11I", *words) + data


def encode_transfer_get(handle: int, level: int, stride: int, layer_stride: int, box: Box, data_size: int) -> bytes:
    return encode_request(Vcmd.TRANSFER_GET, handle, level, stride, layer_stride,
                          box.x, box.y, box.z, box.width, box.height, box.depth, data_size)
