"""A Python front-end that plays QEMU's part for the vhost-user-gpu back-end.

Guest RAM is a memfd shared as two memory-table regions (so both the mmap
offset and region lookup are exercised); the rings and every buffer are laid
out by hand in it. The display socket is answered like QEMU's
hw/display/vhost-user-gpu.c does. Everything runs in the test's thread: the
back-end's loop is stepped until the answer a test waits for is there.
"""
from __future__ import annotations

import array
import mmap
import os
import socket
import struct
import time
from dataclasses import dataclass, field

from pyvirgl.frontends.vhost_user import protocol as p
from pyvirgl.frontends.vhost_user.device import VhostUserGpuBackend
from pyvirgl.frontends.vhost_user.display import GpuRequest
from pyvirgl.frontends.vhost_user.gpu_commands import HDR
from pyvirgl.frontends.vhost_user.server import Connection

REGION_SIZE = 8 << 20
GPA = (0x0, 0x1_0000_0000)           # two regions, the second above 4 GiB
UVA_BASE = 0x7F00_0000_0000          # where "QEMU" pretends to have mapped guest RAM
QUEUE_SIZE = 64
DESC = struct.Struct("<QIHH")
F_NEXT, F_WRITE, F_INDIRECT = 1, 2, 4
FEATURES = (1 << 0) | (1 << 1) | (1 << 28) | (1 << 29) | (1 << 30) | (1 << 32)
# QEMU 10 acks VIRTIO_F_RING_RESET in SET_FEATURES though the back-end never offers it.
RING_RESET = 1 << 40


@dataclass
class Ring:
    index: int
    desc: int       # guest-physical addresses of the three parts
    avail: int
    used: int
    kick: int
    call: int
    next_desc: int = 0
    avail_idx: int = 0
    used_seen: int = 0


@dataclass
class DisplayLog:
    messages: list[tuple[int, bytes]] = field(default_factory=list)

    def of(self, request: int) -> list[bytes]:
        return [payload for req, payload in self.messages if req == request]


class FakeQemu:
    def __init__(self, renderer, *, event_idx: bool = True, edid: bool = True, width: int = 640, height: int = 480):
        self.memfd = os.memfd_create("fake-guest-ram", os.MFD_CLOEXEC)
        os.ftruncate(self.memfd, 2 * REGION_SIZE)
        self.ram = mmap.mmap(self.memfd, 2 * REGION_SIZE)
        self.sock, backend_sock = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        self.backend = VhostUserGpuBackend(renderer)
        self.conn = Connection(backend_sock, self.backend)
        self.display_sock: socket.socket | None = None
        self.display_log = DisplayLog()
        self._display_in = bytearray()
        self.edid = edid
        self.answer_display = True
        self.width, self.height = width, height
        self.features = FEATURES if event_idx else FEATURES & ~(1 << 29)
        self._alloc = {0: 0x1000, 1: 0x1000}
        self.rings: list[Ring] = []

    # -- guest memory -------------------------------------------------------------------------

    def _offset(self, gpa: int) -> int:
        for i, base in enumerate(GPA):
            if base <= gpa < base + REGION_SIZE:
                return i * REGION_SIZE + gpa - base
        raise ValueError(f"{gpa:#x} is not guest RAM")

    def alloc(self, size: int, region: int = 0, align: int = 64) -> int:
        off = -(-self._alloc[region] // align) * align
        if off + size > REGION_SIZE:
            raise MemoryError("fake guest RAM is full")
        self._alloc[region] = off + size
        return GPA[region] + off

    def write(self, gpa: int, data: bytes) -> None:
        off = self._offset(gpa)
        self.ram[off:off + len(data)] = data

    def read(self, gpa: int, size: int) -> bytes:
        off = self._offset(gpa)
        return bytes(self.ram[off:off + size])

    @staticmethod
    def uva(gpa: int) -> int:
        for i, base in enumerate(GPA):
            if base <= gpa < base + REGION_SIZE:
                return UVA_BASE + i * REGION_SIZE + gpa - base
        raise ValueError(gpa)

    # -- vhost-user ------------------------------------------------------------------------------

    def send(self, req: int, payload: bytes = b"", fds: list[int] = (), need_reply: bool = False) -> None:
        data = p.request(req, payload, need_reply)
        if fds:
            self.sock.sendmsg([data], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", fds))])
        else:
            self.sock.sendall(data)

    def reply(self, timeout: float = 5.0) -> p.Message:
        self.sock.setblocking(False)
        buf = bytearray()
        deadline = time.monotonic() + timeout
        while True:
            self.step()
            try:
                buf += self.sock.recv(1 << 16)
            except BlockingIOError:
                pass
            if len(buf) >= 12:
                req, flags, size = p.HEADER.unpack_from(buf)
                if len(buf) >= 12 + size:
                    assert len(buf) == 12 + size, "more than one reply"
                    assert flags & p.FLAG_REPLY
                    return p.Message(req, flags, bytes(buf[12:]))
            if time.monotonic() > deadline:
                raise TimeoutError("no reply from the back-end")

    def call(self, req: int, payload: bytes = b"", fds: list[int] = (), need_reply: bool = False) -> p.Message:
        self.send(req, payload, fds, need_reply)
        return self.reply()

    def step(self, rounds: int = 3) -> None:
        for _ in range(rounds):
            self.conn.step(0.0)
            self.pump_display()

    def setup(self, display: bool = True) -> None:
        """What QEMU does at start and at DRIVER_OK, in QEMU 10's order."""
        features = self.call(p.Request.GET_FEATURES).u64()
        assert features & self.features == self.features
        proto = self.call(p.Request.GET_PROTOCOL_FEATURES).u64()
        wanted = proto & ((1 << p.ProtocolFeature.MQ) | (1 << p.ProtocolFeature.REPLY_ACK)
                          | (1 << p.ProtocolFeature.CONFIG))
        self.send(p.Request.SET_PROTOCOL_FEATURES, struct.pack("<Q", wanted))
        assert self.call(p.Request.GET_QUEUE_NUM).u64() == 2
        self.send(p.Request.SET_OWNER)
        cfg = self.call(p.Request.GET_CONFIG, struct.pack("<III", 0, 16, 0) + bytes(16))
        self.config = cfg.payload[12:]
        if display:
            self.display_sock, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
            self.display_sock.setblocking(False)
            self.send(p.Request.GPU_SET_SOCKET, fds=[theirs.fileno()])
            theirs.close()
        self.send(p.Request.SET_FEATURES, struct.pack("<Q", self.features | RING_RESET))
        self.set_mem_table()
        for index in range(2):
            self.add_ring(index)

    def set_mem_table(self, regions: list[p.MemRegion] | None = None, need_reply: bool = True) -> p.Message | None:
        if regions is None:
            regions = [p.MemRegion(GPA[i], REGION_SIZE, UVA_BASE + i * REGION_SIZE, i * REGION_SIZE)
                       for i in range(2)]
        fds = [os.dup(self.memfd) for _ in regions]
        try:
            if need_reply:
                return self.call(p.Request.SET_MEM_TABLE, p.mem_table_payload(regions), fds, need_reply=True)
            self.send(p.Request.SET_MEM_TABLE, p.mem_table_payload(regions), fds)
            return None
        finally:
            for fd in fds:
                os.close(fd)

    def add_ring(self, index: int, num: int = QUEUE_SIZE) -> Ring:
        desc = self.alloc(16 * num, align=16)
        avail = self.alloc(6 + 2 * num, align=2)
        used = self.alloc(6 + 8 * num, align=4)
        kick = os.eventfd(0, os.EFD_NONBLOCK | os.EFD_CLOEXEC)
        callfd = os.eventfd(0, os.EFD_NONBLOCK | os.EFD_CLOEXEC)
        ring = Ring(index, desc, avail, used, kick, callfd)
        self.send(p.Request.SET_VRING_NUM, struct.pack("<II", index, num))
        self.send(p.Request.SET_VRING_BASE, struct.pack("<II", index, 0))
        self.send(p.Request.SET_VRING_ADDR, p.vring_addr_payload(
            p.VringAddr(index, 0, self.uva(desc), self.uva(used), self.uva(avail), 0)))
        self.send(p.Request.SET_VRING_KICK, struct.pack("<Q", index), [kick])
        self.send(p.Request.SET_VRING_CALL, struct.pack("<Q", index), [callfd])
        self.call(p.Request.SET_VRING_ENABLE, struct.pack("<II", index, 1), need_reply=True)
        self.rings.append(ring)
        self.num = num
        return ring

    # -- the display side (QEMU's hw/display/vhost-user-gpu.c) ----------------------------------------

    def pump_display(self) -> None:
        if self.display_sock is None:
            return
        while True:
            try:
                chunk = self.display_sock.recv(1 << 20)
            except BlockingIOError:
                break
            if not chunk:
                break
            self._display_in += chunk
        while len(self._display_in) >= 12:
            req, flags, size = struct.unpack_from("<III", self._display_in)
            if len(self._display_in) < 12 + size:
                break
            payload = bytes(self._display_in[12:12 + size])
            del self._display_in[:12 + size]
            self.display_log.messages.append((req, payload))
            if self.answer_display:
                self._answer_display(req, payload)

    def _display_reply(self, req: int, payload: bytes) -> None:
        self.display_sock.setblocking(True)
        self.display_sock.sendall(struct.pack("<III", req, 0x4, len(payload)) + payload)
        self.display_sock.setblocking(False)

    def _answer_display(self, req: int, payload: bytes) -> None:
        if req == GpuRequest.GET_PROTOCOL_FEATURES:
            self._display_reply(req, struct.pack("<Q", (1 if self.edid else 0) | 2))
        elif req == GpuRequest.GET_DISPLAY_INFO:
            modes = struct.pack("<6I", 0, 0, self.width, self.height, 1, 0) + bytes(15 * 24)
            self._display_reply(req, struct.pack("<IIQIB3x", 0x1101, 0, 0, 0, 0) + modes)
        elif req == GpuRequest.GET_EDID:
            scanout = struct.unpack_from("<I", payload)[0]
            if scanout >= 1:
                return  # QEMU logs "invalid scanout" and answers nothing
            edid = bytes([0, 255, 255, 255, 255, 255, 255, 0]) + bytes(120)
            self._display_reply(req, struct.pack("<IIQIB3x", 0x1104, 0, 0, 0, 0) + struct.pack("<II", 128, 0)
                                + edid.ljust(1024, b"\0"))

    # -- the driver's side of a ring -----------------------------------------------------------------

    def put_chain(self, queue: int, readable: list[bytes], writable: list[int], *, indirect: bool = False,
                  raw: list[tuple[int, int, int, int]] | None = None, kick: bool = True) -> tuple[int, list[int]]:
        """Lay out one request; returns (head, guest addresses of the writable buffers).

        `raw` gives (addr, len, flags, next) descriptors written as they are at
        slots head, head+1, ...; `next` counts from the head (malformed chains)."""
        ring = self.rings[queue]
        head = ring.next_desc
        out_addrs: list[int] = []
        if raw is not None:
            for i, (addr, size, flags, nxt) in enumerate(raw):
                self.write(ring.desc + 16 * ((head + i) % self.num), DESC.pack(addr, size, flags, (head + nxt) % self.num))
            ring.next_desc = (head + len(raw)) % self.num
            self.publish(queue, head, kick)
            return head, out_addrs
        descs: list[tuple[int, int, int]] = []
        for data in readable:
            addr = self.alloc(max(len(data), 1), region=1)
            self.write(addr, data)
            descs.append((addr, len(data), 0))
        for size in writable:
            addr = self.alloc(size, region=0)
            self.write(addr, bytes(size))
            out_addrs.append(addr)
            descs.append((addr, size, F_WRITE))
        if indirect:
            table = self.alloc(16 * len(descs), region=1, align=16)
            for i, (addr, size, flags) in enumerate(descs):
                more = i + 1 < len(descs)
                self.write(table + 16 * i, DESC.pack(addr, size, flags | (F_NEXT if more else 0), i + 1 if more else 0))
            descs = [(table, 16 * len(descs), F_INDIRECT)]
        for i, (addr, size, flags) in enumerate(descs):
            more = i + 1 < len(descs)
            nxt = (head + i + 1) % self.num if more else 0
            self.write(ring.desc + 16 * ((head + i) % self.num), DESC.pack(addr, size, flags | (F_NEXT if more else 0), nxt))
        ring.next_desc = (head + len(descs)) % self.num
        self.publish(queue, head, kick)
        return head, out_addrs

    def publish(self, queue: int, head: int, kick: bool = True) -> None:
        ring = self.rings[queue]
        self.write(ring.avail + 4 + 2 * (ring.avail_idx % self.num), struct.pack("<H", head))
        ring.avail_idx = (ring.avail_idx + 1) & 0xFFFF
        self.write(ring.avail + 2, struct.pack("<H", ring.avail_idx))
        # used_event: ask to hear about every completion.
        self.write(ring.avail + 4 + 2 * self.num, struct.pack("<H", ring.used_seen))
        if kick:
            os.eventfd_write(ring.kick, 1)

    def used(self, queue: int, timeout: float = 10.0) -> tuple[int, int]:
        """Wait for the next used element: (descriptor head, bytes written)."""
        ring = self.rings[queue]
        deadline = time.monotonic() + timeout
        while True:
            idx = struct.unpack("<H", self.read(ring.used + 2, 2))[0]
            if idx != ring.used_seen:
                slot = ring.used_seen % self.num
                elem = struct.unpack("<II", self.read(ring.used + 4 + 8 * slot, 8))
                ring.used_seen = (ring.used_seen + 1) & 0xFFFF
                return elem
            if time.monotonic() > deadline:
                raise TimeoutError(f"queue {queue}: nothing used")
            self.step()

    def signalled(self, queue: int) -> bool:
        try:
            return os.eventfd_read(self.rings[queue].call) > 0
        except BlockingIOError:
            return False

    def command(self, request: bytes, resp_size: int = 4096, *, extra: list[bytes] = (),
                indirect: bool = False) -> bytes:
        """One control command and its response (header first)."""
        head, outs = self.put_chain(0, [request, *extra], [resp_size], indirect=indirect)
        got_head, written = self.used(0)
        assert got_head == head
        return self.read(outs[0], written)

    def cursor(self, request: bytes) -> None:
        head, _ = self.put_chain(1, [request], [])
        got_head, written = self.used(1)
        assert (got_head, written) == (head, 0)

    def close(self) -> None:
        self.conn.close()
        self.sock.close()
        if self.display_sock is not None:
            self.display_sock.close()
        for ring in self.rings:
            os.close(ring.kick)
            os.close(ring.call)
        self.ram.close()
        os.close(self.memfd)


def hdr(cmd: int, *, flags: int = 0, fence_id: int = 0, ctx_id: int = 0) -> bytes:
    return HDR.pack(cmd, flags, fence_id, ctx_id, 0)


def resp_type(resp: bytes) -> int:
    return HDR.unpack_from(resp)[0]
