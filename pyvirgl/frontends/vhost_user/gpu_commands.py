"""virtio-gpu commands (Linux include/uapi/linux/virtio_gpu.h) driving the renderer API.

`GpuDevice` owns the virtio-gpu view of the world: resource ids with their
guest scatter lists, scanouts, the cursor and the guest's contexts. Each
control command is a `bytes` request in and a `bytes` response out
(`handle_control`); guest memory is reached only through `GuestMemory`, so
every scatter-list entry is checked against the memory table, and every
guest mistake becomes a VIRTIO_GPU_RESP_ERR_* response.

Resources live in one renderer context of our own (`DEVICE_CTX`, id 0, which
Linux never gives a guest context) and are attached to guest contexts by
CTX_ATTACH_RESOURCE, like virglrenderer's global resource table.
"""
from __future__ import annotations

import enum
import logging
import struct
from dataclasses import dataclass, field

import numpy as np

from pyvirgl.errors import GuestError
from pyvirgl.frontends.vhost_user.display import DisplayChannel, NUM_SCANOUTS_MAX
from pyvirgl.frontends.vhost_user.memory import ContiguousBacking, GuestMemory, MemoryAccessError
from pyvirgl.protocol import formats
from pyvirgl.protocol.caps import CAPSET_VIRGL, CAPSET_VIRGL2
from pyvirgl.protocol.types import Box, ResourceTemplate
from pyvirgl.renderer.api import Renderer

log = logging.getLogger("pyvirgl.vhost_user.gpu")

DEVICE_CTX = 0

# Device feature bits.
VIRTIO_GPU_F_VIRGL = 0
VIRTIO_GPU_F_EDID = 1

FLAG_FENCE = 1 << 0
FLAG_INFO_RING_IDX = 1 << 1

MAX_BACKING_ENTRIES = 16384
CURSOR_SIZE = 64


class Cmd(enum.IntEnum):
    GET_DISPLAY_INFO = 0x0100
    RESOURCE_CREATE_2D = 0x0101
    RESOURCE_UNREF = 0x0102
    SET_SCANOUT = 0x0103
    RESOURCE_FLUSH = 0x0104
    TRANSFER_TO_HOST_2D = 0x0105
    RESOURCE_ATTACH_BACKING = 0x0106
    RESOURCE_DETACH_BACKING = 0x0107
    GET_CAPSET_INFO = 0x0108
    GET_CAPSET = 0x0109
    GET_EDID = 0x010A
    RESOURCE_ASSIGN_UUID = 0x010B
    RESOURCE_CREATE_BLOB = 0x010C
    SET_SCANOUT_BLOB = 0x010D
    CTX_CREATE = 0x0200
    CTX_DESTROY = 0x0201
    CTX_ATTACH_RESOURCE = 0x0202
    CTX_DETACH_RESOURCE = 0x0203
    RESOURCE_CREATE_3D = 0x0204
    TRANSFER_TO_HOST_3D = 0x0205
    TRANSFER_FROM_HOST_3D = 0x0206
    SUBMIT_3D = 0x0207
    RESOURCE_MAP_BLOB = 0x0208
    RESOURCE_UNMAP_BLOB = 0x0209
    UPDATE_CURSOR = 0x0300
    MOVE_CURSOR = 0x0301


class Resp(enum.IntEnum):
    OK_NODATA = 0x1100
    OK_DISPLAY_INFO = 0x1101
    OK_CAPSET_INFO = 0x1102
    OK_CAPSET = 0x1103
    OK_EDID = 0x1104
    OK_RESOURCE_UUID = 0x1105
    OK_MAP_INFO = 0x1106
    ERR_UNSPEC = 0x1200
    ERR_OUT_OF_MEMORY = 0x1201
    ERR_INVALID_SCANOUT_ID = 0x1202
    ERR_INVALID_RESOURCE_ID = 0x1203
    ERR_INVALID_CONTEXT_ID = 0x1204
    ERR_INVALID_PARAMETER = 0x1205


# -- wire structs ------------------------------------------------------------------------

HDR = struct.Struct("<IIQIB3x")                       # type, flags, fence_id, ctx_id, ring_idx
RECT = struct.Struct("<IIII")
RESOURCE_UNREF = struct.Struct("<II")                 # resource_id, padding
RESOURCE_CREATE_2D = struct.Struct("<IIII")           # resource_id, format, width, height
SET_SCANOUT = struct.Struct("<IIIIII")                # rect, scanout_id, resource_id
RESOURCE_FLUSH = struct.Struct("<IIIIII")             # rect, resource_id, padding
TRANSFER_TO_HOST_2D = struct.Struct("<IIIIQII")       # rect, offset, resource_id, padding
MEM_ENTRY = struct.Struct("<QII")                     # addr, length, padding
ATTACH_BACKING = struct.Struct("<II")                 # resource_id, nr_entries
CAPSET_INFO_REQ = struct.Struct("<II")                # capset_index, padding
CAPSET_INFO_RESP = struct.Struct("<IIII")             # id, max_version, max_size, padding
GET_CAPSET = struct.Struct("<II")                     # capset_id, capset_version
GET_EDID = struct.Struct("<II")                       # scanout, padding
RESOURCE_CREATE_3D = struct.Struct("<12I")
TRANSFER_HOST_3D = struct.Struct("<6IQIIII")          # box, offset, resource_id, level, stride, layer_stride
CTX_CREATE = struct.Struct("<II64s")                  # nlen, context_init, debug_name
CTX_RESOURCE = struct.Struct("<II")
CMD_SUBMIT = struct.Struct("<II")                     # size, padding
CURSOR = struct.Struct("<IIIIIIII")                   # pos(scanout, x, y, pad), resource_id, hot_x, hot_y, pad
DISPLAY_ONE = struct.Struct("<IIIIII")                # rect, enabled, flags
DISPLAY_INFO_SIZE = HDR.size + NUM_SCANOUTS_MAX * DISPLAY_ONE.size
EDID_RESP_SIZE = HDR.size + 8 + 1024

# Pipe targets and bind bits used by 2D resources (as QEMU's virgl mode creates them).
PIPE_TEXTURE_2D = 2
VIRGL_BIND_RENDER_TARGET = 1 << 1
VIRGL_BIND_SAMPLER_VIEW = 1 << 3
# virtio-gpu's 2D formats share virgl's numbering.
FORMATS_2D = frozenset({1, 2, 3, 4, 67, 68, 121, 134})


class GpuError(Exception):
    def __init__(self, resp: Resp, reason: str) -> None:
        super().__init__(f"{resp.name}: {reason}")
        self.resp = resp
        self.reason = reason


class Deferred(Exception):
    """The command needs an answer from the display front-end first; retry it later."""


@dataclass(frozen=True)
class Header:
    type: int
    flags: int
    fence_id: int
    ctx_id: int
    ring_idx: int


@dataclass
class GpuResource:
    resource_id: int
    template: ResourceTemplate
    is_3d: bool
    flags: int = 0
    backing: list[tuple[int, int]] | None = None  # (guest address, length) entries
    backing_size: int = 0
    contexts: set[int] = field(default_factory=set)
    # The backing mapped as one buffer for the renderer (inline transfers, staging buffers, query
    # results); None when the entries are not page-aligned.
    mapped: ContiguousBacking | None = None


@dataclass
class Scanout:
    resource_id: int = 0
    rect: tuple[int, int, int, int] = (0, 0, 0, 0)


@dataclass
class CommandStats:
    ok: int = 0
    errors: int = 0
    last_error: str | None = None


def encode_hdr(resp_type: int, req: Header | None) -> bytes:
    if req is None:
        return HDR.pack(resp_type, 0, 0, 0, 0)
    flags = req.flags & (FLAG_FENCE | FLAG_INFO_RING_IDX)
    return HDR.pack(resp_type, flags, req.fence_id if flags & FLAG_FENCE else 0, req.ctx_id,
                    req.ring_idx if flags & FLAG_INFO_RING_IDX else 0)


class GpuDevice:
    def __init__(self, renderer: Renderer, display: DisplayChannel | None = None, *,
                 virgl: bool = True) -> None:
        self.renderer = renderer
        self.display = display
        self.virgl = virgl
        self.memory: GuestMemory | None = None
        self.resources: dict[int, GpuResource] = {}
        self.contexts: set[int] = set()
        self.scanouts: dict[int, Scanout] = {}
        self.stats = CommandStats()
        self._device_ctx = False
        self._handlers = {
            Cmd.GET_DISPLAY_INFO: self._get_display_info,
            Cmd.GET_EDID: self._get_edid,
            Cmd.RESOURCE_CREATE_2D: self._resource_create_2d,
            Cmd.RESOURCE_UNREF: self._resource_unref,
            Cmd.SET_SCANOUT: self._set_scanout,
            Cmd.RESOURCE_FLUSH: self._resource_flush,
            Cmd.TRANSFER_TO_HOST_2D: self._transfer_to_host_2d,
            Cmd.RESOURCE_ATTACH_BACKING: self._attach_backing,
            Cmd.RESOURCE_DETACH_BACKING: self._detach_backing,
            Cmd.GET_CAPSET_INFO: self._get_capset_info,
            Cmd.GET_CAPSET: self._get_capset,
            Cmd.CTX_CREATE: self._ctx_create,
            Cmd.CTX_DESTROY: self._ctx_destroy,
            Cmd.CTX_ATTACH_RESOURCE: self._ctx_attach,
            Cmd.CTX_DETACH_RESOURCE: self._ctx_detach,
            Cmd.RESOURCE_CREATE_3D: self._resource_create_3d,
            Cmd.TRANSFER_TO_HOST_3D: self._transfer_to_host_3d,
            Cmd.TRANSFER_FROM_HOST_3D: self._transfer_from_host_3d,
            Cmd.SUBMIT_3D: self._submit_3d,
        }
        self._needs_virgl = {
            Cmd.GET_CAPSET_INFO, Cmd.GET_CAPSET, Cmd.CTX_CREATE, Cmd.CTX_DESTROY,
            Cmd.CTX_ATTACH_RESOURCE, Cmd.CTX_DETACH_RESOURCE, Cmd.RESOURCE_CREATE_3D,
            Cmd.TRANSFER_TO_HOST_3D, Cmd.TRANSFER_FROM_HOST_3D, Cmd.SUBMIT_3D,
        }

    # -- lifecycle -------------------------------------------------------------------------

    def _ensure_device_ctx(self) -> None:
        if not self._device_ctx:
            self.renderer.create_context(DEVICE_CTX, "virtio-gpu")
            self._device_ctx = True

    def reset(self) -> None:
        """Forget every resource and context (device reset or the front-end leaving)."""
        for ctx_id in list(self.contexts):
            self._destroy_context(ctx_id)
        for rid in list(self.resources):
            self._unref(rid)
        if self._device_ctx:
            self.renderer.destroy_context(DEVICE_CTX)
            self._device_ctx = False
        self.scanouts.clear()

    # -- dispatch -----------------------------------------------------------------------------

    def handle_control(self, request: bytes) -> bytes:
        """One control-queue command; the response bytes (always at least a header)."""
        if len(request) < HDR.size:
            return self._error(None, Resp.ERR_UNSPEC, f"request of {len(request)} bytes has no header")
        hdr = Header(*HDR.unpack_from(request))
        body = memoryview(request)[HDR.size:]
        try:
            cmd = Cmd(hdr.type)
        except ValueError:
            return self._error(hdr, Resp.ERR_UNSPEC, f"unknown command {hdr.type:#x}")
        if log.isEnabledFor(logging.DEBUG):
            log.debug("%s ctx %d flags %#x fence %d, %d bytes", cmd.name, hdr.ctx_id, hdr.flags, hdr.fence_id,
                      len(request))
        handler = self._handlers.get(cmd)
        if handler is None or (cmd in self._needs_virgl and not self.virgl):
            return self._error(hdr, Resp.ERR_UNSPEC, f"{cmd.name} is not supported")
        try:
            resp = handler(hdr, body)
        except Deferred:
            raise
        except GpuError as err:
            return self._error(hdr, err.resp, f"{cmd.name}: {err.reason}")
        except GuestError as err:
            return self._error(hdr, Resp.ERR_INVALID_PARAMETER, f"{cmd.name}: {err.command}: {err.reason}")
        except MemoryAccessError as err:
            return self._error(hdr, Resp.ERR_INVALID_PARAMETER, f"{cmd.name}: {err}")
        except Exception as err:  # a host bug: answer, log loudly, keep serving
            log.exception("host error in %s", cmd.name)
            return self._error(hdr, Resp.ERR_UNSPEC, f"{cmd.name}: host error {err!r}")
        if hdr.flags & FLAG_FENCE:
            # The fence signals once the work is done: wait for it before answering.
            self.renderer.busy(wait=True)
        self.stats.ok += 1
        return resp

    def handle_cursor(self, request: bytes) -> None:
        """One cursor-queue command (no response data)."""
        if len(request) < HDR.size + CURSOR.size:
            self._note_error(f"cursor command of {len(request)} bytes")
            return
        hdr = Header(*HDR.unpack_from(request))
        scanout_id, x, y, _, resource_id, hot_x, hot_y, _ = CURSOR.unpack_from(request, HDR.size)
        try:
            if hdr.type == Cmd.MOVE_CURSOR:
                if self.display is not None:
                    self.display.cursor_pos(scanout_id, x, y)
            elif hdr.type == Cmd.UPDATE_CURSOR:
                if resource_id == 0:
                    if self.display is not None:
                        self.display.cursor_hide(scanout_id, x, y)
                    return
                image = self._cursor_image(resource_id)
                if self.display is not None:
                    self.display.cursor_update(scanout_id, x, y, hot_x, hot_y, image)
            else:
                self._note_error(f"unknown cursor command {hdr.type:#x}")
        except (GpuError, GuestError) as err:
            self._note_error(f"cursor: {err}")

    def _note_error(self, text: str) -> None:
        self.stats.errors += 1
        self.stats.last_error = text
        log.warning("guest error: %s", text)

    def _error(self, hdr: Header | None, resp: Resp, text: str) -> bytes:
        self._note_error(f"{text} -> {resp.name}")
        return encode_hdr(resp, hdr)

    @staticmethod
    def _unpack(st: struct.Struct, body: memoryview, name: str) -> tuple:
        if len(body) < st.size:
            raise GpuError(Resp.ERR_INVALID_PARAMETER, f"{name} needs {st.size} bytes after the header, got {len(body)}")
        return st.unpack_from(body)

    def _res(self, resource_id: int) -> GpuResource:
        res = self.resources.get(resource_id)
        if res is None:
            raise GpuError(Resp.ERR_INVALID_RESOURCE_ID, f"no resource {resource_id}")
        return res

    # -- display -----------------------------------------------------------------------------

    def _get_display_info(self, hdr: Header, body: memoryview) -> bytes:
        if self.display is not None and self.display.display_info_pending:
            raise Deferred()
        pmodes = self.display.display_info() if self.display is not None else None
        if pmodes is None:
            pmodes = [(0, 0, 1024, 768, 1, 0)] + [(0, 0, 0, 0, 0, 0)] * (NUM_SCANOUTS_MAX - 1)
        return encode_hdr(Resp.OK_DISPLAY_INFO, hdr) + b"".join(DISPLAY_ONE.pack(*p) for p in pmodes)

    def _get_edid(self, hdr: Header, body: memoryview) -> bytes:
        scanout, _ = self._unpack(GET_EDID, body, "GET_EDID")
        if scanout >= NUM_SCANOUTS_MAX:
            raise GpuError(Resp.ERR_INVALID_SCANOUT_ID, f"scanout {scanout}")
        if self.display is None or not self.display.edid_supported:
            if self.display is not None and self.display.features_pending:
                raise Deferred()
            raise GpuError(Resp.ERR_UNSPEC, "the display front-end gives no EDID")
        edid = self.display.edid(scanout)
        if edid is None:
            raise Deferred()
        if edid is False:
            raise GpuError(Resp.ERR_INVALID_SCANOUT_ID, f"no EDID for scanout {scanout}")
        size = min(struct.unpack_from("<I", edid, HDR.size)[0], 1024)
        return encode_hdr(Resp.OK_EDID, hdr) + struct.pack("<II", size, 0) + edid[HDR.size + 8:HDR.size + 8 + 1024].ljust(1024, b"\0")

    def _set_scanout(self, hdr: Header, body: memoryview) -> bytes:
        x, y, w, h, scanout_id, resource_id = self._unpack(SET_SCANOUT, body, "SET_SCANOUT")
        if scanout_id >= NUM_SCANOUTS_MAX:
            raise GpuError(Resp.ERR_INVALID_SCANOUT_ID, f"scanout {scanout_id}")
        if resource_id == 0 or w == 0 or h == 0:
            self.scanouts.pop(scanout_id, None)
            if self.display is not None:
                self.display.scanout(scanout_id, 0, 0)
            return encode_hdr(Resp.OK_NODATA, hdr)
        res = self._res(resource_id)
        t = res.template
        if t.target == 0 or x + w > t.width or y + h > t.height:
            raise GpuError(Resp.ERR_INVALID_PARAMETER,
                           f"scanout rect {x},{y} {w}x{h} outside resource of {t.width}x{t.height}")
        _scanout_converter(t.format)  # refuse formats we cannot show, now
        self.scanouts[scanout_id] = Scanout(resource_id, (x, y, w, h))
        if self.display is not None:
            self.display.scanout(scanout_id, w, h)
        return encode_hdr(Resp.OK_NODATA, hdr)

    def _resource_flush(self, hdr: Header, body: memoryview) -> bytes:
        x, y, w, h, resource_id, _ = self._unpack(RESOURCE_FLUSH, body, "RESOURCE_FLUSH")
        res = self._res(resource_id)
        t = res.template
        if x + w > t.width or y + h > t.height:
            raise GpuError(Resp.ERR_INVALID_PARAMETER, f"flush rect {x},{y} {w}x{h} outside {t.width}x{t.height}")
        for scanout_id, sc in sorted(self.scanouts.items()):
            if sc.resource_id != resource_id:
                continue
            sx, sy, sw, sh = sc.rect
            x0, y0 = max(x, sx), max(y, sy)
            x1, y1 = min(x + w, sx + sw), min(y + h, sy + sh)
            if x1 <= x0 or y1 <= y0:
                continue
            pixels = self.read_scanout_pixels(res, x0, y0, x1 - x0, y1 - y0)
            if self.display is not None:
                self.display.update(scanout_id, x0 - sx, y0 - sy, x1 - x0, y1 - y0, pixels)
        return encode_hdr(Resp.OK_NODATA, hdr)

    def read_scanout_pixels(self, res: GpuResource, x: int, y: int, w: int, h: int) -> bytes:
        """A rect of a resource as PIXMAN_x8r8g8b8 (bytes B, G, R, X), rows top first."""
        convert = _scanout_converter(res.template.format)
        bpp = formats.info(res.template.format).block_bytes
        out = bytearray(w * h * bpp)
        self.renderer.transfer_read(DEVICE_CTX, res.resource_id, 0, Box(x, y, 0, w, h, 1), stride=w * bpp,
                                    layer_stride=w * h * bpp, offset=0, dest=memoryview(out))
        return convert(np.frombuffer(out, np.uint8).reshape(h, w, bpp))

    def _cursor_image(self, resource_id: int) -> bytes:
        res = self._res(resource_id)
        t = res.template
        w, h = min(t.width, CURSOR_SIZE), min(t.height, CURSOR_SIZE)
        convert = _scanout_converter(t.format, keep_alpha=True)
        bpp = formats.info(t.format).block_bytes
        out = bytearray(w * h * bpp)
        self.renderer.transfer_read(DEVICE_CTX, resource_id, 0, Box(0, 0, 0, w, h, 1), stride=w * bpp,
                                    layer_stride=w * h * bpp, offset=0, dest=memoryview(out))
        img = np.zeros((CURSOR_SIZE, CURSOR_SIZE, 4), np.uint8)
        img[:h, :w] = np.frombuffer(convert(np.frombuffer(out, np.uint8).reshape(h, w, bpp)), np.uint8).reshape(h, w, 4)
        return img.tobytes()

    # -- resources ---------------------------------------------------------------------------

    def _create(self, hdr: Header, template: ResourceTemplate, is_3d: bool, flags: int = 0) -> None:
        rid = template.handle
        if rid == 0:
            raise GpuError(Resp.ERR_INVALID_RESOURCE_ID, "resource id 0 is reserved")
        if rid in self.resources:
            raise GpuError(Resp.ERR_INVALID_RESOURCE_ID, f"resource {rid} already exists")
        self._ensure_device_ctx()
        try:
            self.renderer.create_resource(DEVICE_CTX, template)
        except GuestError as err:
            resp = Resp.ERR_OUT_OF_MEMORY if "limit" in err.reason else Resp.ERR_INVALID_PARAMETER
            raise GpuError(resp, err.reason) from None
        self.resources[rid] = GpuResource(rid, template, is_3d, flags)

    def _resource_create_2d(self, hdr: Header, body: memoryview) -> bytes:
        rid, fmt, width, height = self._unpack(RESOURCE_CREATE_2D, body, "RESOURCE_CREATE_2D")
        if fmt not in FORMATS_2D:
            raise GpuError(Resp.ERR_INVALID_PARAMETER, f"format {fmt} is not a virtio-gpu 2D format")
        if width == 0 or height == 0:
            raise GpuError(Resp.ERR_INVALID_PARAMETER, f"{width}x{height} resource")
        self._create(hdr, ResourceTemplate(rid, PIPE_TEXTURE_2D, fmt, VIRGL_BIND_RENDER_TARGET | VIRGL_BIND_SAMPLER_VIEW,
                                           width, height, 1, 1, 0, 0), False)
        return encode_hdr(Resp.OK_NODATA, hdr)

    def _resource_create_3d(self, hdr: Header, body: memoryview) -> bytes:
        (rid, target, fmt, bind, width, height, depth, array_size, last_level, nr_samples, flags,
         _) = self._unpack(RESOURCE_CREATE_3D, body, "RESOURCE_CREATE_3D")
        self._create(hdr, ResourceTemplate(rid, target, fmt, bind, width, height, depth, array_size, last_level,
                                           nr_samples), True, flags)
        return encode_hdr(Resp.OK_NODATA, hdr)

    def _resource_unref(self, hdr: Header, body: memoryview) -> bytes:
        rid, _ = self._unpack(RESOURCE_UNREF, body, "RESOURCE_UNREF")
        self._res(rid)
        self._unref(rid)
        return encode_hdr(Resp.OK_NODATA, hdr)

    def _unref(self, rid: int) -> None:
        res = self.resources.pop(rid)
        for scanout_id, sc in list(self.scanouts.items()):
            if sc.resource_id == rid:
                del self.scanouts[scanout_id]
                if self.display is not None:
                    self.display.scanout(scanout_id, 0, 0)
        for ctx_id in list(res.contexts):
            _detach(self.renderer, ctx_id, rid)
        res.contexts.clear()
        self._release_backing(res)
        self.renderer.unref_resource(DEVICE_CTX, rid)

    def _attach_backing(self, hdr: Header, body: memoryview) -> bytes:
        rid, nr = self._unpack(ATTACH_BACKING, body, "RESOURCE_ATTACH_BACKING")
        res = self._res(rid)
        if nr == 0 or nr > MAX_BACKING_ENTRIES:
            raise GpuError(Resp.ERR_INVALID_PARAMETER, f"{nr} backing entries")
        need = ATTACH_BACKING.size + nr * MEM_ENTRY.size
        if len(body) < need:
            raise GpuError(Resp.ERR_INVALID_PARAMETER, f"{nr} entries need {need} bytes, the request has {len(body)}")
        if res.backing is not None:
            raise GpuError(Resp.ERR_UNSPEC, f"resource {rid} already has backing")
        entries = []
        total = 0
        for i in range(nr):
            addr, length, _ = MEM_ENTRY.unpack_from(body, ATTACH_BACKING.size + i * MEM_ENTRY.size)
            if length == 0:
                raise GpuError(Resp.ERR_INVALID_PARAMETER, f"entry {i} is empty")
            try:
                self._memory().gpa_views(addr, length)
            except MemoryAccessError as err:
                raise GpuError(Resp.ERR_INVALID_PARAMETER, f"backing entry {i}: {err}") from None
            entries.append((addr, length))
            total += length
        res.backing = entries
        res.backing_size = total
        res.mapped = self._memory().map_contiguous(entries)
        if res.mapped is not None:
            self.renderer.attach_backing(rid, res.mapped.view)
        return encode_hdr(Resp.OK_NODATA, hdr)

    def _release_backing(self, res: GpuResource) -> None:
        res.backing = None
        res.backing_size = 0
        if res.mapped is not None:
            self.renderer.detach_backing(res.resource_id)
            res.mapped.close()
            res.mapped = None

    def _detach_backing(self, hdr: Header, body: memoryview) -> bytes:
        rid, _ = self._unpack(RESOURCE_UNREF, body, "RESOURCE_DETACH_BACKING")
        res = self._res(rid)
        if res.backing is None:
            raise GpuError(Resp.ERR_UNSPEC, f"resource {rid} has no backing")
        self._release_backing(res)
        return encode_hdr(Resp.OK_NODATA, hdr)

    def _memory(self) -> GuestMemory:
        if self.memory is None:
            raise GpuError(Resp.ERR_UNSPEC, "no guest memory table")
        return self.memory

    def _backing_views(self, res: GpuResource, offset: int, size: int) -> list[memoryview]:
        """The backing bytes [offset, offset + size) as views into guest memory."""
        if res.backing is None:
            raise GpuError(Resp.ERR_UNSPEC, f"resource {res.resource_id} has no backing")
        if offset + size > res.backing_size:
            raise GpuError(Resp.ERR_INVALID_PARAMETER,
                           f"{size} bytes at offset {offset} overrun a backing of {res.backing_size}")
        mem = self._memory()
        out: list[memoryview] = []
        pos = 0
        end = offset + size
        for addr, length in res.backing:
            if pos >= end:
                break
            lo, hi = max(offset, pos), min(end, pos + length)
            if lo < hi:
                out.extend(mem.gpa_views(addr + lo - pos, hi - lo))
            pos += length
        return out

    def _gather(self, res: GpuResource, offset: int, size: int) -> bytearray:
        buf = bytearray(size)
        pos = 0
        for v in self._backing_views(res, offset, size):
            buf[pos:pos + len(v)] = v
            pos += len(v)
        return buf

    def _scatter(self, res: GpuResource, offset: int, data: bytearray) -> None:
        pos = 0
        for v in self._backing_views(res, offset, len(data)):
            v[:] = data[pos:pos + len(v)]
            pos += len(v)

    def _transfer_span(self, command: str, res: GpuResource, level: int, box: Box, stride: int,
                       layer_stride: int) -> tuple[int, int, int]:
        rres = self.renderer.resources.get(res.resource_id)
        if rres is None:
            raise GpuError(Resp.ERR_INVALID_RESOURCE_ID, f"resource {res.resource_id} is gone")
        rres.layout.check_box(command, level, box)
        return rres.layout.transfer_strides(command, level, box, stride, layer_stride)

    def _transfer_to_host_2d(self, hdr: Header, body: memoryview) -> bytes:
        x, y, w, h, offset, rid, _ = self._unpack(TRANSFER_TO_HOST_2D, body, "TRANSFER_TO_HOST_2D")
        res = self._res(rid)
        t = res.template
        if w == 0 or h == 0 or x + w > t.width or y + h > t.height:
            raise GpuError(Resp.ERR_INVALID_PARAMETER, f"rect {x},{y} {w}x{h} outside {t.width}x{t.height}")
        fmt = formats.info(t.format)
        stride = -(-t.width // fmt.block_width) * fmt.block_bytes
        box = Box(x, y, 0, w, h, 1)
        stride, layer_stride, size = self._transfer_span("TRANSFER_TO_HOST_2D", res, 0, box, stride, 0)
        buf = self._gather(res, offset, size)
        self.renderer.transfer_write(DEVICE_CTX, rid, 0, box, stride=stride, layer_stride=layer_stride,
                                     offset=0, source=memoryview(buf))
        return encode_hdr(Resp.OK_NODATA, hdr)

    def _transfer_3d(self, hdr: Header, body: memoryview, to_host: bool) -> bytes:
        name = "TRANSFER_TO_HOST_3D" if to_host else "TRANSFER_FROM_HOST_3D"
        bx, by, bz, bw, bh, bd, offset, rid, level, stride, layer_stride = self._unpack(TRANSFER_HOST_3D, body, name)
        res = self._res(rid)
        ctx_id = hdr.ctx_id
        if ctx_id != DEVICE_CTX:
            if ctx_id not in self.contexts:
                raise GpuError(Resp.ERR_INVALID_CONTEXT_ID, f"no context {ctx_id}")
            if ctx_id not in res.contexts:
                raise GpuError(Resp.ERR_INVALID_RESOURCE_ID, f"resource {rid} is not attached to context {ctx_id}")
        box = Box(bx, by, bz, bw, bh, bd)
        stride, layer_stride, size = self._transfer_span(name, res, level, box, stride, layer_stride)
        # Gather first even for reads: the gaps between rows keep the guest's bytes.
        buf = self._gather(res, offset, size)
        if to_host:
            self.renderer.transfer_write(DEVICE_CTX, rid, level, box, stride=stride, layer_stride=layer_stride,
                                         offset=0, source=memoryview(buf))
        else:
            self.renderer.transfer_read(DEVICE_CTX, rid, level, box, stride=stride, layer_stride=layer_stride,
                                        offset=0, dest=memoryview(buf))
            self._scatter(res, offset, buf)
        return encode_hdr(Resp.OK_NODATA, hdr)

    def _transfer_to_host_3d(self, hdr: Header, body: memoryview) -> bytes:
        return self._transfer_3d(hdr, body, True)

    def _transfer_from_host_3d(self, hdr: Header, body: memoryview) -> bytes:
        return self._transfer_3d(hdr, body, False)

    # -- capsets -----------------------------------------------------------------------------

    CAPSETS = ((CAPSET_VIRGL, 1), (CAPSET_VIRGL2, 2))

    def _get_capset_info(self, hdr: Header, body: memoryview) -> bytes:
        index, _ = self._unpack(CAPSET_INFO_REQ, body, "GET_CAPSET_INFO")
        if index >= len(self.CAPSETS):
            # virglrenderer answers an unknown index with an all-zero capset.
            return encode_hdr(Resp.OK_CAPSET_INFO, hdr) + CAPSET_INFO_RESP.pack(0, 0, 0, 0)
        capset_id, version = self.CAPSETS[index]
        size = len(self.renderer.fill_caps(capset_id))
        return encode_hdr(Resp.OK_CAPSET_INFO, hdr) + CAPSET_INFO_RESP.pack(capset_id, version, size, 0)

    def _get_capset(self, hdr: Header, body: memoryview) -> bytes:
        capset_id, version = self._unpack(GET_CAPSET, body, "GET_CAPSET")
        known = dict(self.CAPSETS)
        if capset_id not in known or version > known[capset_id]:
            raise GpuError(Resp.ERR_INVALID_PARAMETER, f"capset {capset_id} version {version}")
        return encode_hdr(Resp.OK_CAPSET, hdr) + self.renderer.fill_caps(capset_id)

    # -- contexts -----------------------------------------------------------------------------

    def _ctx_create(self, hdr: Header, body: memoryview) -> bytes:
        nlen, context_init, name = self._unpack(CTX_CREATE, body, "CTX_CREATE")
        ctx_id = hdr.ctx_id
        if ctx_id == DEVICE_CTX:
            raise GpuError(Resp.ERR_INVALID_CONTEXT_ID, "context id 0 is reserved")
        if ctx_id in self.contexts:
            raise GpuError(Resp.ERR_INVALID_CONTEXT_ID, f"context {ctx_id} exists")
        capset = context_init & 0xFF
        if capset not in (0, CAPSET_VIRGL, CAPSET_VIRGL2):
            raise GpuError(Resp.ERR_INVALID_PARAMETER, f"context capset {capset}")
        text = bytes(name[:min(nlen, 64)]).split(b"\0", 1)[0].decode("utf-8", "replace")
        self._ensure_device_ctx()
        self.renderer.create_context(ctx_id, text or f"virtio-gpu ctx {ctx_id}")
        self.contexts.add(ctx_id)
        return encode_hdr(Resp.OK_NODATA, hdr)

    def _ctx_destroy(self, hdr: Header, body: memoryview) -> bytes:
        if hdr.ctx_id not in self.contexts:
            raise GpuError(Resp.ERR_INVALID_CONTEXT_ID, f"no context {hdr.ctx_id}")
        self._destroy_context(hdr.ctx_id)
        return encode_hdr(Resp.OK_NODATA, hdr)

    def _destroy_context(self, ctx_id: int) -> None:
        self.contexts.discard(ctx_id)
        for res in self.resources.values():
            res.contexts.discard(ctx_id)
        self.renderer.destroy_context(ctx_id)

    def _ctx_attach(self, hdr: Header, body: memoryview) -> bytes:
        rid, _ = self._unpack(CTX_RESOURCE, body, "CTX_ATTACH_RESOURCE")
        if hdr.ctx_id not in self.contexts:
            raise GpuError(Resp.ERR_INVALID_CONTEXT_ID, f"no context {hdr.ctx_id}")
        res = self._res(rid)
        if hdr.ctx_id not in res.contexts:
            _attach(self.renderer, hdr.ctx_id, rid)
            res.contexts.add(hdr.ctx_id)
        return encode_hdr(Resp.OK_NODATA, hdr)

    def _ctx_detach(self, hdr: Header, body: memoryview) -> bytes:
        rid, _ = self._unpack(CTX_RESOURCE, body, "CTX_DETACH_RESOURCE")
        if hdr.ctx_id not in self.contexts:
            raise GpuError(Resp.ERR_INVALID_CONTEXT_ID, f"no context {hdr.ctx_id}")
        res = self._res(rid)
        if hdr.ctx_id not in res.contexts:
            raise GpuError(Resp.ERR_INVALID_RESOURCE_ID, f"resource {rid} is not attached to context {hdr.ctx_id}")
        _detach(self.renderer, hdr.ctx_id, rid)
        res.contexts.discard(hdr.ctx_id)
        return encode_hdr(Resp.OK_NODATA, hdr)

    def _submit_3d(self, hdr: Header, body: memoryview) -> bytes:
        size, _ = self._unpack(CMD_SUBMIT, body, "SUBMIT_3D")
        if hdr.ctx_id not in self.contexts:
            raise GpuError(Resp.ERR_INVALID_CONTEXT_ID, f"no context {hdr.ctx_id}")
        if size > len(body) - CMD_SUBMIT.size:
            raise GpuError(Resp.ERR_INVALID_PARAMETER, f"{size} command bytes, the request has {len(body) - CMD_SUBMIT.size}")
        if size % 4:
            raise GpuError(Resp.ERR_INVALID_PARAMETER, f"{size} command bytes is not whole words")
        stream = bytes(body[CMD_SUBMIT.size:CMD_SUBMIT.size + size])
        self.renderer.submit(hdr.ctx_id, stream)
        return encode_hdr(Resp.OK_NODATA, hdr)


# -- renderer glue: virtio-gpu's global resources shared into contexts ---------------------------

def _attach(renderer: Renderer, ctx_id: int, handle: int) -> None:
    """Share a resource of the device context with a guest context (one more reference)."""
    renderer.attach_resource(ctx_id, handle)


def _detach(renderer: Renderer, ctx_id: int, handle: int) -> None:
    renderer.detach_resource(ctx_id, handle)


# -- pixels for the display ----------------------------------------------------------------------

def _scanout_converter(fmt_id: int, keep_alpha: bool = False):
    """A function from (h, w, 4) pixels of `fmt_id` to PIXMAN_x8r8g8b8 / a8r8g8b8 bytes."""
    try:
        fmt = formats.info(fmt_id)
    except formats.FormatError:
        raise GpuError(Resp.ERR_INVALID_PARAMETER, f"unknown format {fmt_id}") from None
    ch = fmt.channels
    if (fmt.block_bytes != 4 or fmt.compressed or len(ch) != 4 or set(fmt.bits) != {8}
            or not set(ch) <= set("RGBAX") or fmt.kind not in ("unorm", "srgb")):
        raise GpuError(Resp.ERR_INVALID_PARAMETER, f"format {fmt.name} cannot be shown")
    src = [ch.index(c) for c in "BGR"]
    alpha = ch.index("A") if "A" in ch else None

    def convert(px: np.ndarray) -> bytes:
        out = np.empty(px.shape[:2] + (4,), np.uint8)
        out[..., 0:3] = px[..., src]
        if keep_alpha and alpha is not None:
            out[..., 3] = px[..., alpha]
        else:
            out[..., 3] = 0xFF
        return out.tobytes()

    return convert
