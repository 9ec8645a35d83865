"""Indirect draws: DRAW_VBO with indirect_handle (one or many draws from a
buffer, optionally with the draw count itself read from another buffer).

Every range GL will read is checked against the buffers' sizes first: the
commands (16 bytes for arrays, 20 for elements, `stride` apart, `draw_count`
of them) and the 4-byte count. A draw_count of 0 draws nothing, as in
Gallium.
"""
from __future__ import annotations

import ctypes

from OpenGL import GL
from OpenGL.GL.ARB import indirect_parameters as _arb_params

from pyvirgl.errors import GuestError
from pyvirgl.protocol.virgl import TextureTarget

COMMAND = "DRAW_VBO"
ARRAYS_COMMAND_BYTES = 16    # count, instance count, first, base instance
ELEMENTS_COMMAND_BYTES = 20  # count, instance count, first index, base vertex, base instance


def _count_fn(name: str):
    core = getattr(GL, name, None)
    if core:
        return core
    return getattr(_arb_params, name + "ARB")


def gl_buffer(ex, handle: int, command: str, what: str):
    """(resource, GL buffer name) of a guest buffer GL reads commands or counts from."""
    res = ex.resource(handle, command)
    if res.template.target != TextureTarget.BUFFER:
        raise GuestError(command, f"{what} resource {handle} is not a buffer")
    name = getattr(res.storage, "gl_name", 0)
    return res, name


def check_range(command: str, what: str, offset: int, length: int, size: int) -> None:
    if offset % 4:
        raise GuestError(command, f"{what} offset {offset} is not a multiple of 4")
    if offset + length > size:
        raise GuestError(command, f"{what} of {length} bytes at offset {offset} overruns a buffer of {size}")


def draw(ex, sub, drawing, vao: int, mode: int, cmd) -> None:
    res, name = gl_buffer(ex, cmd.indirect_handle, COMMAND, "indirect")
    unit = ELEMENTS_COMMAND_BYTES if cmd.indexed else ARRAYS_COMMAND_BYTES
    stride = cmd.indirect_stride or unit
    if stride % 4 or stride < unit:
        raise GuestError(COMMAND, f"indirect stride {stride} (commands are {unit} bytes)")
    count = cmd.indirect_draw_count
    if count:
        check_range(COMMAND, "indirect commands", cmd.indirect_offset, (count - 1) * stride + unit,
                    res.layout.total_size)
    params_name = 0
    if cmd.indirect_draw_count_handle:
        params, params_name = gl_buffer(ex, cmd.indirect_draw_count_handle, COMMAND, "draw count")
        check_range(COMMAND, "draw count", cmd.indirect_draw_count_offset, 4, params.layout.total_size)
        if not params_name:
            ex.skip_with_reason(COMMAND, "draw count buffer without GL storage")
            return
    if not count:
        return
    if not name:
        ex.skip_with_reason(COMMAND, "indirect buffer without GL storage")
        return
    if cmd.indexed:
        gl_type, ib_offset = drawing.bind_index_buffer(ex, sub, vao, cmd)
        if ib_offset:
            # GL adds no byte offset to an indirect command's first index.
            ex.skip_with_reason(COMMAND, "indirect indexed draw with an index buffer offset")
            return
    GL.glBindBuffer(GL.GL_DRAW_INDIRECT_BUFFER, name)
    offset = ctypes.c_void_p(cmd.indirect_offset)
    try:
        if params_name:
            GL.glBindBuffer(GL.GL_PARAMETER_BUFFER, params_name)
            if cmd.indexed:
                _count_fn("glMultiDrawElementsIndirectCount")(mode, gl_type, offset, cmd.indirect_draw_count_offset,
                                                              count, stride)
            else:
                _count_fn("glMultiDrawArraysIndirectCount")(mode, offset, cmd.indirect_draw_count_offset,
                                                            count, stride)
            GL.glBindBuffer(GL.GL_PARAMETER_BUFFER, 0)
        elif cmd.indexed:
            GL.glMultiDrawElementsIndirect(mode, gl_type, offset, count, stride)
        else:
            GL.glMultiDrawArraysIndirect(mode, offset, count, stride)
    finally:
        GL.glBindBuffer(GL.GL_DRAW_INDIRECT_BUFFER, 0)
