"""Split virtqueues over guest memory: descriptor chains, indirect tables, event index.

The ring's three parts are found through the front-end's user addresses
(SET_VRING_ADDR); descriptors hold guest-physical addresses. A chain that is
structurally broken (index out of range, a loop, a bad indirect table) raises
`ChainError` with its head, so the caller can hand the head back to the guest
with nothing written instead of stalling or crashing. Buffers that point
outside guest memory are reported per buffer (`Buffer.view is None`): the
chain is well formed and the device answers it with an error.
"""
from __future__ import annotations

import logging
import os
import struct
from dataclasses import dataclass, field

from pyvirgl.frontends.vhost_user.memory import GuestMemory, MemoryAccessError

log = logging.getLogger("pyvirgl.vhost_user.virtqueue")

DESC = struct.Struct("<QIHH")  # addr, len, flags, next
VRING_DESC_F_NEXT = 1
VRING_DESC_F_WRITE = 2
VRING_DESC_F_INDIRECT = 4
VRING_AVAIL_F_NO_INTERRUPT = 1
VRING_USED_F_NO_NOTIFY = 1
MAX_QUEUE_SIZE = 32768
U16 = struct.Struct("<H")
USED_ELEM = struct.Struct("<II")


class ChainError(Exception):
    """The descriptor chain starting at `head` cannot be walked."""

    def __init__(self, head: int, reason: str) -> None:
        super().__init__(f"descriptor chain {head}: {reason}")
        self.head = head
        self.reason = reason


class RingError(Exception):
    """The ring itself is unusable (not set up, or outside guest memory)."""


@dataclass
class Buffer:
    addr: int
    length: int
    writable: bool
    views: list[memoryview] | None  # None: the range is not inside guest memory
    error: str | None = None


@dataclass
class Chain:
    head: int
    readable: list[Buffer] = field(default_factory=list)
    writable: list[Buffer] = field(default_factory=list)

    def bad_buffers(self) -> list[Buffer]:
        return [b for b in self.readable + self.writable if b.views is None]

    def read_all(self, limit: int | None = None) -> bytes:
        """The device-readable bytes, in order (bad buffers must be checked first)."""
        out = bytearray()
        for buf in self.readable:
            for v in buf.views or ():
                if limit is not None and len(out) + len(v) > limit:
                    out += v[:limit - len(out)]
                    return bytes(out)
                out += v
        return bytes(out)

    def writable_size(self) -> int:
        return sum(b.length for b in self.writable if b.views is not None)

    def write(self, data: bytes) -> int:
        """Copy `data` into the device-writable buffers; the bytes written."""
        pos = 0
        for buf in self.writable:
            if buf.views is None:
                break
            for v in buf.views:
                n = min(len(v), len(data) - pos)
                if n <= 0:
                    return pos
                v[:n] = data[pos:pos + n]
                pos += n
        return pos


class VirtQueue:
    def __init__(self, index: int) -> None:
        self.index = index
        self.reset()

    def reset(self) -> None:
        self.num = 0
        self.desc_addr = self.avail_addr = self.used_addr = 0
        self.addr_set = False
        self.last_avail_idx = 0
        self.used_idx = 0
        self.started = False
        self.enabled = False
        self.event_idx = False
        self.indirect = True
        self.kick_fd: int | None = None
        self.call_fd: int | None = None
        self.err_fd: int | None = None
        self._desc: memoryview | None = None
        self._avail: memoryview | None = None
        self._used: memoryview | None = None
        self._signalled_used: int | None = None

    def close_fds(self) -> None:
        for name in ("kick_fd", "call_fd", "err_fd"):
            fd = getattr(self, name)
            if fd is not None:
                try:
                    os.close(fd)
                except OSError:
                    pass
                setattr(self, name, None)

    # -- set-up ------------------------------------------------------------------------

    def set_num(self, num: int) -> None:
        if num == 0 or num > MAX_QUEUE_SIZE or num & (num - 1):
            raise RingError(f"queue size {num} is not a power of two up to {MAX_QUEUE_SIZE}")
        self.num = num
        self._drop_views()

    def set_addr(self, desc: int, used: int, avail: int) -> None:
        self.desc_addr, self.used_addr, self.avail_addr = desc, used, avail
        self.addr_set = True
        self._drop_views()

    def _drop_views(self) -> None:
        self._desc = self._avail = self._used = None

    def map(self, memory: GuestMemory) -> None:
        """Resolve the ring parts' user addresses (again: after a new memory table)."""
        self._drop_views()
        if not self.addr_set or not self.num:
            raise RingError(f"queue {self.index} has no size or addresses")
        n = self.num
        try:
            self._desc = memory.uva_view(self.desc_addr, 16 * n)
            self._avail = memory.uva_view(self.avail_addr, 6 + 2 * n)
            self._used = memory.uva_view(self.used_addr, 6 + 8 * n)
        except MemoryAccessError as err:
            self._drop_views()
            raise RingError(f"queue {self.index}: {err}") from None

    @property
    def ready(self) -> bool:
        return self._desc is not None and self.started and self.enabled

    # -- driver's side, read ---------------------------------------------------------------

    def avail_idx(self) -> int:
        return U16.unpack_from(self._avail, 2)[0]

    def has_work(self) -> bool:
        return self._avail is not None and self.avail_idx() != self.last_avail_idx

    def pop(self, memory: GuestMemory) -> Chain | None:
        """The next available chain, or None. Raises ChainError for a chain that cannot be walked
        (its head is consumed; hand it back with `push(head, 0)`)."""
        if self._avail is None:
            return None
        avail_idx = self.avail_idx()
        pending = (avail_idx - self.last_avail_idx) & 0xFFFF
        if pending == 0:
            return None
        if pending > self.num:
            raise RingError(f"queue {self.index}: avail index {avail_idx} is {pending} ahead of {self.last_avail_idx}")
        slot = self.last_avail_idx % self.num
        head = U16.unpack_from(self._avail, 4 + 2 * slot)[0]
        self.last_avail_idx = (self.last_avail_idx + 1) & 0xFFFF
        if self.event_idx:
            U16.pack_into(self._used, 4 + 8 * self.num, self.last_avail_idx)
        if head >= self.num:
            raise ChainError(head, f"head index {head} >= queue size {self.num}")
        return self._walk(memory, head)

    def unpop(self) -> None:
        """Put back the chain `pop` just returned (the device will take it again later)."""
        self.last_avail_idx = (self.last_avail_idx - 1) & 0xFFFF

    def _walk(self, memory: GuestMemory, head: int) -> Chain:
        chain = Chain(head)
        table, table_len, idx = self._desc, self.num, head
        in_indirect = False
        seen = 0
        while True:
            if idx >= table_len:
                raise ChainError(head, f"next index {idx} >= table size {table_len}")
            seen += 1
            if seen > table_len + (self.num if in_indirect else 0):
                raise ChainError(head, "descriptor loop")
            addr, length, flags, nxt = DESC.unpack_from(table, 16 * idx)
            if flags & VRING_DESC_F_INDIRECT:
                if in_indirect:
                    raise ChainError(head, "indirect descriptor inside an indirect table")
                if not self.indirect:
                    raise ChainError(head, "indirect descriptor without VIRTIO_RING_F_INDIRECT_DESC")
                if flags & VRING_DESC_F_NEXT:
                    raise ChainError(head, "indirect descriptor with NEXT")
                if length == 0 or length % 16 or length // 16 > 0xFFFF:
                    raise ChainError(head, f"indirect table of {length} bytes")
                try:
                    table = memory.gpa_view(addr, length)
                except MemoryAccessError as err:
                    raise ChainError(head, f"indirect table: {err}") from None
                table_len, idx, in_indirect, seen = length // 16, 0, True, 0
                continue
            writable = bool(flags & VRING_DESC_F_WRITE)
            if not writable and chain.writable:
                raise ChainError(head, "device-readable descriptor after a writable one")
            try:
                views, error = memory.gpa_views(addr, length), None
            except MemoryAccessError as err:
                views, error = None, str(err)
            (chain.writable if writable else chain.readable).append(Buffer(addr, length, writable, views, error))
            if not flags & VRING_DESC_F_NEXT:
                return chain
            idx = nxt

    # -- device's side, write ----------------------------------------------------------------

    def push(self, head: int, written: int) -> None:
        slot = self.used_idx % self.num
        USED_ELEM.pack_into(self._used, 4 + 8 * slot, head, written)
        self.used_idx = (self.used_idx + 1) & 0xFFFF
        U16.pack_into(self._used, 2, self.used_idx)

    def should_notify(self) -> bool:
        if self._avail is None:
            return False
        if not self.event_idx:
            flags = U16.unpack_from(self._avail, 0)[0]
            return not flags & VRING_AVAIL_F_NO_INTERRUPT
        old = self._signalled_used
        new = self.used_idx
        self._signalled_used = new
        if old is None:
            return True
        used_event = U16.unpack_from(self._avail, 4 + 2 * self.num)[0]
        # vring_need_event: the driver asked to hear once used passes used_event.
        return ((new - used_event - 1) & 0xFFFF) < ((new - old) & 0xFFFF)

    def notify(self) -> None:
        """Signal the driver if it wants to hear (through the call eventfd)."""
        if self.should_notify() and self.call_fd is not None:
            try:
                os.write(self.call_fd, struct.pack("<Q", 1))
            except BlockingIOError:
                pass  # the counter is saturated: a signal is pending anyway

    def drain_kick(self) -> None:
        if self.kick_fd is None:
            return
        try:
            os.read(self.kick_fd, 8)
        except (BlockingIOError, InterruptedError):
            pass
