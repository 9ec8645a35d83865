"""Resource commands outside the draw path: CLEAR_TEXTURE, COPY_TRANSFER3D and GET_MEMORY_INFO.

CLEAR_TEXTURE carries one texel in the resource's own format (Gallium's
clear_texture data, zero-padded to four words). Plain GL textures are
cleared with glClearTexSubImage using the same client format and type the
storage uploads with; everything else (compressed blocks, formats whose
bytes are repacked for GL, buffers, host-memory storage) gets the texel
tiled over the box and written through the storage, like a transfer.

COPY_TRANSFER3D is a transfer whose guest side is another resource: the
staging buffer's shared memory, at src_offset. It goes through the
renderer's own transfer path, so the bounds checks are the transfer ones.
"""
from __future__ import annotations

import ctypes
import struct

import numpy as np
from OpenGL import GL

from pyvirgl import decode as d
from pyvirgl.backend.gl.executor import Executor, handles
from pyvirgl.backend.gl.formats import Conversion
from pyvirgl.backend.gl.storage import GLTextureStorage, HostLimitation
from pyvirgl.errors import GuestError
from pyvirgl.protocol import formats
from pyvirgl.protocol.types import Box
from pyvirgl.protocol.virgl import TextureTarget

MEMORY_INFO_BYTES = 24   # struct virgl_memory_info: six 32-bit words


def _texel(res, command: str, data: tuple[int, ...]) -> tuple[formats.FormatInfo, bytes]:
    try:
        fmt = formats.info(res.template.format)
    except formats.FormatError:
        raise GuestError(command, f"resource {res.handle} has an unknown format") from None
    raw = struct.pack("<4I", *data)
    if fmt.block_bytes > len(raw):
        raise GuestError(command, f"a {fmt.name} block is larger than the clear value")
    return fmt, raw[:fmt.block_bytes]


def _gl_clear(storage, level: int, box: Box, texel: bytes) -> bool:
    """glClearTexSubImage where GL reads the texel exactly as the guest wrote it."""
    if not isinstance(storage, GLTextureStorage) or storage.compressed or storage._repack is not None:
        return False
    glf = storage.gl_format
    if glf.conversion != Conversion.NONE or glf.emulated:
        return False
    x, y, z, w, h, dd = storage._gl_box(level, box)
    buf = (ctypes.c_ubyte * len(texel)).from_buffer_copy(texel)
    GL.glClearTexSubImage(storage.gl_name, level, x, y, z, w, h, dd, glf.format, glf.type, buf)
    return True


@handles(d.ClearTexture)
def _clear_texture(ex: Executor, cmd: d.ClearTexture) -> None:
    command = "CLEAR_TEXTURE"
    res = ex.resource(cmd.res_handle, command)
    box = Box(cmd.x, cmd.y, cmd.z, cmd.width, cmd.height, cmd.depth)
    res.layout.check_box(command, cmd.level, box)
    fmt, texel = _texel(res, command, cmd.data)
    if _gl_clear(res.storage, cmd.level, box, texel):
        return
    layout = res.layout
    rows, row_bytes = layout.rows(box.height), layout.row_bytes(box.width)
    if row_bytes % len(texel):
        raise GuestError(command, "box width is not a whole number of blocks")
    tile = np.frombuffer(texel, np.uint8)
    data = np.tile(tile, box.depth * rows * (row_bytes // len(texel))).reshape(box.depth, rows, row_bytes)
    try:
        res.storage.write(cmd.level, box, data)
    except HostLimitation as err:
        ex.skip_with_reason(command, str(err))


@handles(d.CopyTransfer3D)
def _copy_transfer3d(ex: Executor, cmd: d.CopyTransfer3D) -> None:
    command = "COPY_TRANSFER3D"
    src = ex.resource(cmd.src_res_handle, command)
    ex.resource(cmd.res_handle, command)
    if src.template.target != TextureTarget.BUFFER:
        raise GuestError(command, f"staging resource {cmd.src_res_handle} is not a buffer")
    if src.backing is None:
        raise GuestError(command, f"staging resource {cmd.src_res_handle} has no shared memory")
    box = Box(cmd.x, cmd.y, cmd.z, cmd.width, cmd.height, cmd.depth)
    if cmd.read_from_host:
        ex.renderer.transfer_read(ex.ctx.ctx_id, cmd.res_handle, cmd.level, box, stride=cmd.stride,
                                  layer_stride=cmd.layer_stride, offset=cmd.src_offset, dest=src.backing)
    else:
        ex.renderer.transfer_write(ex.ctx.ctx_id, cmd.res_handle, cmd.level, box, stride=cmd.stride,
                                   layer_stride=cmd.layer_stride, offset=cmd.src_offset, source=src.backing)


@handles(d.GetMemoryInfo)
def _get_memory_info(ex: Executor, cmd: d.GetMemoryInfo) -> None:
    """Our per-client memory policy, in KiB (virglrenderer reports the host driver's, where it can)."""
    command = "GET_MEMORY_INFO"
    res = ex.resource(cmd.res_handle, command)
    if res.backing is None or len(res.backing) < MEMORY_INFO_BYTES:
        raise GuestError(command, f"resource {cmd.res_handle} has no shared memory for the answer")
    limits = ex.renderer.limits()
    used = getattr(ex.renderer, "_resource_bytes", 0)
    total_kib = limits.max_total_bytes >> 10
    avail_kib = max(limits.max_total_bytes - used, 0) >> 10
    res.backing[:MEMORY_INFO_BYTES] = struct.pack("<6I", min(total_kib, 0xFFFFFFFF), min(avail_kib, 0xFFFFFFFF),
                                                  0, 0, 0, 0)
