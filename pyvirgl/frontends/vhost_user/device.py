"""The vhost-user device side of a virtio-gpu: features, memory table, vrings, config.

`VhostUserGpuBackend.handle(message)` applies one front-end message and
returns the reply bytes to send (possibly none). Queue processing
(`process_queues`) pops descriptor chains, runs them through `GpuDevice` and
signals the call eventfds. The socket loop in `server` decides when; this
module touches file descriptors only to map memory and to signal eventfds.
"""
from __future__ import annotations

import logging
import os
import struct

from pyvirgl.errors import ProtocolError
from pyvirgl.frontends.vhost_user import protocol as p
from pyvirgl.frontends.vhost_user.display import DisplayChannel
from pyvirgl.frontends.vhost_user.gpu_commands import (
    HDR, VIRTIO_GPU_F_EDID, VIRTIO_GPU_F_VIRGL, Deferred, GpuDevice, Resp, encode_hdr,
)
from pyvirgl.frontends.vhost_user.memory import GuestMemory, MemoryAccessError, close_fds
from pyvirgl.frontends.vhost_user.virtqueue import ChainError, RingError, VirtQueue
from pyvirgl.renderer.api import Renderer

log = logging.getLogger("pyvirgl.vhost_user")

CONTROL_QUEUE, CURSOR_QUEUE = 0, 1
NUM_QUEUES = 2
CONFIG = struct.Struct("<IIII")  # events_read, events_clear, num_scanouts, num_capsets
PROTOCOL_FEATURES = ((1 << p.ProtocolFeature.MQ) | (1 << p.ProtocolFeature.REPLY_ACK)
                     | (1 << p.ProtocolFeature.CONFIG) | (1 << p.ProtocolFeature.RESET_DEVICE))
# Stop taking commands while this much display output waits for the front-end to read it.
DISPLAY_BACKLOG_LIMIT = 64 << 20
MAX_REQUEST_BYTES = 64 << 20  # one control command (SUBMIT_3D streams included)


def device_features(virgl: bool) -> int:
    bits = [VIRTIO_GPU_F_EDID, p.VIRTIO_RING_F_INDIRECT_DESC, p.VIRTIO_RING_F_EVENT_IDX,
            p.VHOST_USER_F_PROTOCOL_FEATURES, p.VIRTIO_F_VERSION_1]
    if virgl:
        bits.append(VIRTIO_GPU_F_VIRGL)
    return sum(1 << b for b in bits)


class VhostUserGpuBackend:
    def __init__(self, renderer: Renderer, *, virgl: bool = True, num_scanouts: int = 1) -> None:
        self.features = device_features(virgl)
        self.acked_features = 0
        self.protocol_features = 0
        self.owner = False
        self.status = 0
        self.memory: GuestMemory | None = None
        self.queues = [VirtQueue(i) for i in range(NUM_QUEUES)]
        self.display: DisplayChannel | None = None
        self.display_fd: int | None = None
        self.gpu = GpuDevice(renderer, None, virgl=virgl)
        self.config = bytearray(CONFIG.pack(0, 0, num_scanouts, 2 if virgl else 0))
        # Bumped whenever a file descriptor to watch changes; the loop re-registers.
        self.fd_generation = 0
        self.broken: str | None = None
        # A command waits for the display front-end's answer (GET_DISPLAY_INFO, GET_EDID).
        self.deferred = False
        self._handlers = {
            p.Request.GET_FEATURES: self._get_features,
            p.Request.SET_FEATURES: self._set_features,
            p.Request.GET_PROTOCOL_FEATURES: self._get_protocol_features,
            p.Request.SET_PROTOCOL_FEATURES: self._set_protocol_features,
            p.Request.SET_OWNER: self._set_owner,
            p.Request.RESET_OWNER: self._reset_owner,
            p.Request.SET_MEM_TABLE: self._set_mem_table,
            p.Request.ADD_MEM_REG: self._add_mem_reg,
            p.Request.REM_MEM_REG: self._rem_mem_reg,
            p.Request.GET_MAX_MEM_SLOTS: self._get_max_mem_slots,
            p.Request.SET_VRING_NUM: self._set_vring_num,
            p.Request.SET_VRING_ADDR: self._set_vring_addr,
            p.Request.SET_VRING_BASE: self._set_vring_base,
            p.Request.GET_VRING_BASE: self._get_vring_base,
            p.Request.SET_VRING_KICK: self._set_vring_kick,
            p.Request.SET_VRING_CALL: self._set_vring_call,
            p.Request.SET_VRING_ERR: self._set_vring_err,
            p.Request.SET_VRING_ENABLE: self._set_vring_enable,
            p.Request.GET_QUEUE_NUM: self._get_queue_num,
            p.Request.GET_CONFIG: self._get_config,
            p.Request.SET_CONFIG: self._set_config,
            p.Request.GPU_SET_SOCKET: self._gpu_set_socket,
            p.Request.RESET_DEVICE: self._reset_device,
            p.Request.SET_STATUS: self._set_status,
            p.Request.GET_STATUS: self._get_status,
            p.Request.SET_LOG_BASE: self._ignore,
            p.Request.SET_LOG_FD: self._ignore,
            p.Request.SET_VRING_ENDIAN: self._ignore,
            p.Request.VRING_KICK: self._vring_kick,
        }

    # -- dispatch ----------------------------------------------------------------------------

    def handle(self, msg: p.Message) -> list[bytes]:
        """Apply one message; the replies to send, in order."""
        handler = self._handlers.get(msg.request)
        ok = True
        replies: list[bytes] = []
        if handler is None:
            log.warning("unsupported vhost-user request %s", msg.name)
            msg.close_fds()
            ok = False
        else:
            try:
                out = handler(msg)
                if out is not None:
                    replies.append(out)
            except (ProtocolError, RingError, MemoryAccessError, OSError, ValueError) as err:
                log.error("vhost-user %s failed: %s", msg.name, err)
                ok = False
                if msg.request in p.REPLY_REQUESTS:
                    # A reply is owed whatever happened; an empty one says "failed".
                    replies.append(p.encode(msg.request))
            finally:
                msg.close_fds()
        if msg.need_reply and msg.request not in p.REPLY_REQUESTS:
            replies.append(p.encode_u64(msg.request, 0 if ok else 1))
        return replies

    def close(self) -> None:
        """The front-end went away: release everything."""
        for q in self.queues:
            q.close_fds()
            q.reset()
        self._drop_display()
        try:
            self.gpu.reset()
        finally:
            if self.memory is not None:
                self.gpu.memory = None
                self.memory.close()
                self.memory = None

    # -- features ----------------------------------------------------------------------------

    def _get_features(self, msg: p.Message) -> bytes:
        return p.encode_u64(msg.request, self.features)

    def _set_features(self, msg: p.Message) -> None:
        value = msg.u64()
        if value & ~self.features:
            # QEMU 10 acks transport bits it handles itself (VIRTIO_F_RING_RESET, bit 40) without
            # asking the back-end. Refusing the whole message would leave EVENT_IDX and
            # INDIRECT_DESC off while the guest uses them, so keep the offered bits only.
            log.warning("%s: ignoring features %#x that were not offered", msg.name, value & ~self.features)
            value &= self.features
        self.acked_features = value
        for q in self.queues:
            q.event_idx = bool(value & (1 << p.VIRTIO_RING_F_EVENT_IDX))
            q.indirect = bool(value & (1 << p.VIRTIO_RING_F_INDIRECT_DESC))

    def _protocol_features_on(self) -> bool:
        return bool(self.acked_features & (1 << p.VHOST_USER_F_PROTOCOL_FEATURES))

    def _get_protocol_features(self, msg: p.Message) -> bytes:
        return p.encode_u64(msg.request, PROTOCOL_FEATURES)

    def _set_protocol_features(self, msg: p.Message) -> None:
        value = msg.u64()
        if value & ~PROTOCOL_FEATURES:
            raise ProtocolError(msg.name, f"protocol features {value & ~PROTOCOL_FEATURES:#x} were not offered")
        self.protocol_features = value

    def _set_owner(self, msg: p.Message) -> None:
        self.owner = True

    def _reset_owner(self, msg: p.Message) -> None:
        # Deprecated; the spec recommends treating it as "disable all rings".
        for q in self.queues:
            q.started = q.enabled = False

    def _ignore(self, msg: p.Message) -> None:
        pass

    def _set_status(self, msg: p.Message) -> None:
        self.status = msg.u64() & 0xFF

    def _get_status(self, msg: p.Message) -> bytes:
        return p.encode_u64(msg.request, self.status)

    def _get_queue_num(self, msg: p.Message) -> bytes:
        return p.encode_u64(msg.request, NUM_QUEUES)

    # -- memory ------------------------------------------------------------------------------

    def _set_mem_table(self, msg: p.Message) -> None:
        regions = msg.mem_regions()
        memory = GuestMemory.from_fds(regions, msg.fds)
        self._replace_memory(memory)

    def _replace_memory(self, memory: GuestMemory | None) -> None:
        old = self.memory
        self.memory = memory
        self.gpu.memory = memory
        for q in self.queues:
            if q.addr_set and q.num and memory is not None:
                try:
                    q.map(memory)
                except RingError as err:
                    log.error("%s", err)
        if old is not None and old is not memory:
            old.close()

    def _add_mem_reg(self, msg: p.Message) -> None:
        region = msg.single_region()
        if len(msg.fds) != 1:
            raise ProtocolError(msg.name, f"{len(msg.fds)} file descriptors, need 1")
        memory = self.memory or GuestMemory()
        memory.add(region, msg.fds[0])
        self._replace_memory(memory)

    def _rem_mem_reg(self, msg: p.Message) -> None:
        region = msg.single_region()
        if self.memory is None or not self.memory.remove(region):
            raise ProtocolError(msg.name, "no such region")
        self._replace_memory(self.memory)

    def _get_max_mem_slots(self, msg: p.Message) -> bytes:
        return p.encode_u64(msg.request, p.MAX_FDS)

    # -- vrings ------------------------------------------------------------------------------

    def _queue(self, msg: p.Message, index: int) -> VirtQueue:
        if index >= NUM_QUEUES:
            raise ProtocolError(msg.name, f"queue {index} (the device has {NUM_QUEUES})")
        return self.queues[index]

    def _set_vring_num(self, msg: p.Message) -> None:
        index, num = msg.vring_state()
        self._queue(msg, index).set_num(num)

    def _set_vring_addr(self, msg: p.Message) -> None:
        addr = msg.vring_addr()
        q = self._queue(msg, addr.index)
        q.set_addr(addr.desc, addr.used, addr.avail)
        if self.memory is None:
            return  # mapped when the memory table comes
        q.map(self.memory)
        # Resume where the used ring says the device stopped (as libvhost-user does).
        used_idx = struct.unpack_from("<H", self.memory.uva_view(addr.used + 2, 2))[0]
        q.used_idx = used_idx
        if q.last_avail_idx != used_idx:
            log.info("queue %d: last avail %d != used %d; resuming at used", q.index, q.last_avail_idx, used_idx)
            q.last_avail_idx = used_idx

    def _set_vring_base(self, msg: p.Message) -> None:
        index, num = msg.vring_state()
        q = self._queue(msg, index)
        q.last_avail_idx = num & 0xFFFF
        q.used_idx = num & 0xFFFF

    def _get_vring_base(self, msg: p.Message) -> bytes:
        index, _ = msg.vring_state()
        q = self._queue(msg, index)
        q.started = False
        q.close_fds()
        self.fd_generation += 1
        return p.encode_vring_state(msg.request, index, q.last_avail_idx)

    def _fd_message(self, msg: p.Message) -> tuple[VirtQueue, int | None]:
        value = msg.u64()
        q = self._queue(msg, value & p.VRING_INDEX_MASK)
        fd = None if value & p.VRING_NOFD_MASK else msg.take_fd()
        if fd is None:
            msg.close_fds()
        return q, fd

    def _set_vring_kick(self, msg: p.Message) -> None:
        q, fd = self._fd_message(msg)
        if q.kick_fd is not None:
            os.close(q.kick_fd)
        q.kick_fd = fd
        if fd is not None:
            os.set_blocking(fd, False)
        q.started = True
        if not self._protocol_features_on():
            q.enabled = True
        self.fd_generation += 1

    def _set_vring_call(self, msg: p.Message) -> None:
        q, fd = self._fd_message(msg)
        if q.call_fd is not None:
            os.close(q.call_fd)
        q.call_fd = fd
        if fd is not None:
            os.set_blocking(fd, False)

    def _set_vring_err(self, msg: p.Message) -> None:
        q, fd = self._fd_message(msg)
        if q.err_fd is not None:
            os.close(q.err_fd)
        q.err_fd = fd

    def _set_vring_enable(self, msg: p.Message) -> None:
        index, num = msg.vring_state()
        self._queue(msg, index).enabled = bool(num)

    def _vring_kick(self, msg: p.Message) -> None:
        index, _ = msg.vring_state()
        self._queue(msg, index).started = True

    # -- config --------------------------------------------------------------------------------

    def _get_config(self, msg: p.Message) -> bytes:
        offset, size, flags, _ = msg.config()
        if offset + size > len(self.config):
            log.error("GET_CONFIG of %d bytes at %d beyond the %d-byte config", size, offset, len(self.config))
            return p.encode(msg.request)
        return p.encode_config(msg.request, offset, bytes(self.config[offset:offset + size]), flags)

    def _set_config(self, msg: p.Message) -> None:
        offset, size, flags, data = msg.config()
        if offset + size > len(self.config) or len(data) != size:
            raise ProtocolError(msg.name, f"{size} bytes at {offset}")
        # Only events_clear is writable: it clears bits of events_read.
        new = bytearray(self.config)
        new[offset:offset + size] = data
        _, events_clear, _, _ = CONFIG.unpack_from(new)
        read, _, scanouts, capsets = CONFIG.unpack_from(self.config)
        self.config[:] = CONFIG.pack(read & ~events_clear, 0, scanouts, capsets)

    # -- the display socket ------------------------------------------------------------------------

    def _gpu_set_socket(self, msg: p.Message) -> None:
        fd = msg.take_fd()
        if fd is None:
            raise ProtocolError(msg.name, "no socket passed")
        self._drop_display()
        os.set_blocking(fd, False)
        self.display_fd = fd
        self.display = DisplayChannel()
        self.gpu.display = self.display
        self.display.start()
        self.fd_generation += 1

    def _drop_display(self) -> None:
        if self.display_fd is not None:
            os.close(self.display_fd)
            self.display_fd = None
            self.fd_generation += 1
        self.display = None
        self.gpu.display = None

    def display_gone(self) -> None:
        log.warning("display socket closed by the front-end")
        self._drop_display()

    def _reset_device(self, msg: p.Message) -> None:
        for q in self.queues:
            q.close_fds()
            q.reset()
        self.fd_generation += 1
        self.gpu.reset()
        self.acked_features = 0
        self.status = 0

    # -- queues -------------------------------------------------------------------------------------

    def watched_kick_fds(self) -> dict[int, int]:
        return {q.kick_fd: q.index for q in self.queues if q.kick_fd is not None}

    def on_kick(self, index: int) -> None:
        q = self.queues[index]
        q.drain_kick()
        self.process_queue(index)

    def process_queues(self) -> None:
        self.deferred = False
        for index in range(NUM_QUEUES):
            self.process_queue(index)

    def wants_polling(self) -> bool:
        """Whether the loop should call `process_queues` without a kick: a deferred command
        (the display answer may have timed out) or a started queue with no kick fd."""
        return self.deferred or any(q.ready and q.kick_fd is None for q in self.queues)

    def _display_backlogged(self) -> bool:
        return self.display is not None and self.display.pending_output() > DISPLAY_BACKLOG_LIMIT

    def process_queue(self, index: int) -> None:
        q = self.queues[index]
        if not q.ready or self.memory is None:
            return
        used_before = q.used_idx
        try:
            while not self._display_backlogged():
                try:
                    chain = q.pop(self.memory)
                except ChainError as err:
                    log.warning("queue %d: %s; returned unanswered", index, err)
                    self.gpu._note_error(str(err))
                    if err.head < q.num:
                        q.push(err.head, 0)
                    continue
                if chain is None:
                    break
                if index == CONTROL_QUEUE:
                    try:
                        written = self._control(chain)
                    except Deferred:
                        q.unpop()
                        self.deferred = True
                        break
                else:
                    self._cursor(chain)
                    written = 0
                q.push(chain.head, written)
        except RingError as err:
            # The avail ring itself is nonsense: stop using this queue until it is set up again.
            log.error("%s; queue %d stopped", err, index)
            self.gpu._note_error(str(err))
            q.started = False
            self.broken = str(err)
        if q.used_idx != used_before:
            q.notify()

    def _control(self, chain) -> int:
        if chain.writable_size() < HDR.size:
            self.gpu._note_error(f"chain {chain.head} has {chain.writable_size()} writable bytes, no room to answer")
            return 0
        bad = chain.bad_buffers()
        if bad:
            resp = encode_hdr(Resp.ERR_INVALID_PARAMETER, None)
            self.gpu._note_error(f"chain {chain.head}: {bad[0].error}")
            return chain.write(resp)
        request = chain.read_all(limit=MAX_REQUEST_BYTES)
        resp = self.gpu.handle_control(request)
        if len(resp) > chain.writable_size():
            # Too little room for the full answer: say so in the header that fits.
            self.gpu._note_error(f"chain {chain.head}: response of {len(resp)} bytes does not fit")
            hdr_fields = HDR.unpack_from(resp)
            resp = HDR.pack(Resp.ERR_UNSPEC, *hdr_fields[1:])
        return chain.write(resp)

    def _cursor(self, chain) -> None:
        if chain.bad_buffers():
            self.gpu._note_error(f"cursor chain {chain.head}: {chain.bad_buffers()[0].error}")
            return
        self.gpu.handle_cursor(chain.read_all(limit=4096))


__all__ = ["VhostUserGpuBackend", "close_fds"]
