"""vhost-user message framing, sans-IO (QEMU docs/interop/vhost-user.rst).

`MessageDecoder` turns received bytes (and the file descriptors that came
with them) into `Message`s; the `encode_*` helpers build replies. Nothing
here reads or writes a socket. All numbers are native (little-endian on every
host QEMU runs vhost-user-gpu on) byte order.
"""
from __future__ import annotations

import enum
import os
import struct
from dataclasses import dataclass, field

from pyvirgl.errors import ProtocolError

HEADER = struct.Struct("<III")  # request, flags, size
VERSION = 0x1
FLAG_VERSION_MASK = 0x3
FLAG_REPLY = 1 << 2
FLAG_NEED_REPLY = 1 << 3
# The largest payload any front-end message has (GET_CONFIG caps it at 256 bytes of config).
MAX_PAYLOAD = 4096
MAX_FDS = 8  # VHOST_MEMORY_BASELINE_NREGIONS

# Feature bits (virtio and vhost).
VHOST_USER_F_PROTOCOL_FEATURES = 30
VIRTIO_F_NOTIFY_ON_EMPTY = 24
VIRTIO_RING_F_INDIRECT_DESC = 28
VIRTIO_RING_F_EVENT_IDX = 29
VIRTIO_F_VERSION_1 = 32


class Request(enum.IntEnum):
    GET_FEATURES = 1
    SET_FEATURES = 2
    SET_OWNER = 3
    RESET_OWNER = 4
    SET_MEM_TABLE = 5
    SET_LOG_BASE = 6
    SET_LOG_FD = 7
    SET_VRING_NUM = 8
    SET_VRING_ADDR = 9
    SET_VRING_BASE = 10
    GET_VRING_BASE = 11
    SET_VRING_KICK = 12
    SET_VRING_CALL = 13
    SET_VRING_ERR = 14
    GET_PROTOCOL_FEATURES = 15
    SET_PROTOCOL_FEATURES = 16
    GET_QUEUE_NUM = 17
    SET_VRING_ENABLE = 18
    SEND_RARP = 19
    NET_SET_MTU = 20
    SET_BACKEND_REQ_FD = 21
    IOTLB_MSG = 22
    SET_VRING_ENDIAN = 23
    GET_CONFIG = 24
    SET_CONFIG = 25
    CREATE_CRYPTO_SESSION = 26
    CLOSE_CRYPTO_SESSION = 27
    POSTCOPY_ADVISE = 28
    POSTCOPY_LISTEN = 29
    POSTCOPY_END = 30
    GET_INFLIGHT_FD = 31
    SET_INFLIGHT_FD = 32
    GPU_SET_SOCKET = 33
    RESET_DEVICE = 34
    VRING_KICK = 35
    GET_MAX_MEM_SLOTS = 36
    ADD_MEM_REG = 37
    REM_MEM_REG = 38
    SET_STATUS = 39
    GET_STATUS = 40


class ProtocolFeature(enum.IntEnum):
    MQ = 0
    LOG_SHMFD = 1
    RARP = 2
    REPLY_ACK = 3
    MTU = 4
    BACKEND_REQ = 5
    CROSS_ENDIAN = 6
    CRYPTO_SESSION = 7
    PAGEFAULT = 8
    CONFIG = 9
    BACKEND_SEND_FD = 10
    HOST_NOTIFIER = 11
    INFLIGHT_SHMFD = 12
    RESET_DEVICE = 13
    INBAND_NOTIFICATIONS = 14
    CONFIGURE_MEM_SLOTS = 15
    STATUS = 16


# Requests whose reply is part of the protocol (REPLY_ACK adds nothing to them).
REPLY_REQUESTS = frozenset({
    Request.GET_FEATURES, Request.GET_PROTOCOL_FEATURES, Request.GET_VRING_BASE,
    Request.GET_QUEUE_NUM, Request.GET_CONFIG, Request.GET_MAX_MEM_SLOTS, Request.GET_STATUS,
})

# Payload layouts.
U64 = struct.Struct("<Q")
VRING_STATE = struct.Struct("<II")           # index, num
VRING_ADDR = struct.Struct("<IIQQQQ")        # index, flags, desc, used, avail, log
MEM_HEADER = struct.Struct("<II")            # num regions, padding
MEM_REGION = struct.Struct("<QQQQ")          # guest addr, size, user addr, mmap offset
CONFIG_HEADER = struct.Struct("<III")        # offset, size, flags
VRING_INDEX_MASK = 0xFF
VRING_NOFD_MASK = 1 << 8


@dataclass
class Message:
    request: int
    flags: int
    payload: bytes
    fds: list[int] = field(default_factory=list)

    @property
    def need_reply(self) -> bool:
        return bool(self.flags & FLAG_NEED_REPLY)

    @property
    def name(self) -> str:
        try:
            return Request(self.request).name
        except ValueError:
            return f"request {self.request}"

    def close_fds(self) -> None:
        for fd in self.fds:
            try:
                os.close(fd)
            except OSError:
                pass
        self.fds = []

    def take_fd(self) -> int | None:
        """The message's one file descriptor, now owned by the caller; extras are closed."""
        if not self.fds:
            return None
        fd, rest = self.fds[0], self.fds[1:]
        for extra in rest:
            os.close(extra)
        self.fds = []
        return fd

    # -- payload views -------------------------------------------------------------

    def _need(self, size: int) -> None:
        if len(self.payload) < size:
            raise ProtocolError(self.name, f"payload of {len(self.payload)} bytes, need {size}")

    def u64(self) -> int:
        self._need(U64.size)
        return U64.unpack_from(self.payload)[0]

    def vring_state(self) -> tuple[int, int]:
        self._need(VRING_STATE.size)
        return VRING_STATE.unpack_from(self.payload)

    def vring_addr(self) -> "VringAddr":
        self._need(VRING_ADDR.size)
        return VringAddr(*VRING_ADDR.unpack_from(self.payload))

    def mem_regions(self) -> list["MemRegion"]:
        self._need(MEM_HEADER.size)
        count, _ = MEM_HEADER.unpack_from(self.payload)
        if count > MAX_FDS:
            raise ProtocolError(self.name, f"{count} memory regions, at most {MAX_FDS}")
        self._need(MEM_HEADER.size + count * MEM_REGION.size)
        return [MemRegion(*MEM_REGION.unpack_from(self.payload, MEM_HEADER.size + i * MEM_REGION.size))
                for i in range(count)]

    def single_region(self) -> "MemRegion":
        self._need(8 + MEM_REGION.size)
        return MemRegion(*MEM_REGION.unpack_from(self.payload, 8))

    def config(self) -> tuple[int, int, int, bytes]:
        self._need(CONFIG_HEADER.size)
        offset, size, flags = CONFIG_HEADER.unpack_from(self.payload)
        data = self.payload[CONFIG_HEADER.size:CONFIG_HEADER.size + size]
        return offset, size, flags, data


@dataclass(frozen=True)
class VringAddr:
    index: int
    flags: int
    desc: int
    used: int
    avail: int
    log: int


@dataclass(frozen=True)
class MemRegion:
    guest_addr: int
    size: int
    user_addr: int
    mmap_offset: int


class MessageDecoder:
    """Bytes (and SCM_RIGHTS fds) in, whole messages out.

    QEMU sends each message with its fds in one sendmsg, and a Unix stream
    read that returns fds ends with the data they came with. So the fds of a
    read belong to the message that holds the read's last byte."""

    def __init__(self) -> None:
        self._buf = bytearray()
        self._start = 0  # stream offset of _buf[0]
        self._fds: list[tuple[int, list[int]]] = []  # (stream offset of the read's last byte, fds)

    def receive(self, data: bytes, fds: list[int] | None = None) -> None:
        self._buf += data
        if fds:
            self._fds.append((self._start + len(self._buf) - 1, list(fds)))

    def next_message(self) -> Message | None:
        if len(self._buf) < HEADER.size:
            return None
        request, flags, size = HEADER.unpack_from(self._buf)
        if size > MAX_PAYLOAD:
            raise ProtocolError(f"request {request}", f"payload of {size} bytes exceeds {MAX_PAYLOAD}")
        if flags & FLAG_VERSION_MASK != VERSION:
            raise ProtocolError(f"request {request}", f"unsupported version {flags & FLAG_VERSION_MASK}")
        if len(self._buf) < HEADER.size + size:
            return None
        payload = bytes(self._buf[HEADER.size:HEADER.size + size])
        end = self._start + HEADER.size + size
        del self._buf[:HEADER.size + size]
        fds: list[int] = []
        while self._fds and self._fds[0][0] < end:
            fds.extend(self._fds.pop(0)[1])
        self._start = end
        return Message(request, flags, payload, fds)

    def close(self) -> None:
        for _, fds in self._fds:
            for fd in fds:
                try:
                    os.close(fd)
                except OSError:
                    pass
        self._fds = []


def encode(request: int, payload: bytes = b"", flags: int = VERSION | FLAG_REPLY) -> bytes:
    return HEADER.pack(request, flags, len(payload)) + payload


def encode_u64(request: int, value: int) -> bytes:
    return encode(request, U64.pack(value))


def encode_vring_state(request: int, index: int, num: int) -> bytes:
    return encode(request, VRING_STATE.pack(index, num))


def encode_config(request: int, offset: int, data: bytes, flags: int = 0) -> bytes:
    return encode(request, CONFIG_HEADER.pack(offset, len(data), flags) + data)


# -- messages a front-end sends (tests play QEMU with these) -----------------------------

def request(req: int, payload: bytes = b"", need_reply: bool = False) -> bytes:
    return encode(req, payload, VERSION | (FLAG_NEED_REPLY if need_reply else 0))


def mem_table_payload(regions: list[MemRegion]) -> bytes:
    return MEM_HEADER.pack(len(regions), 0) + b"".join(
        MEM_REGION.pack(r.guest_addr, r.size, r.user_addr, r.mmap_offset) for r in regions)


def vring_addr_payload(addr: VringAddr) -> bytes:
    return VRING_ADDR.pack(addr.index, addr.flags, addr.desc, addr.used, addr.avail, addr.log)
