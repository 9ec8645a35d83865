"""Shared set-up for the renderer tests that execute streams on host GL.

Plain functions (the fixtures stay in each test module): resources made the
way Mesa's virgl driver makes them, a framebuffer stream, a pass-through
vertex shader with a constant-colour fragment shader, and exact read-backs.
"""
from __future__ import annotations

import struct

import numpy as np

from pyvirgl.client.encoder import CommandEncoder
from pyvirgl.decode import VertexBufferBinding, VertexElement, Viewport
from pyvirgl.protocol.formats import VirglFormat
from pyvirgl.protocol.types import Box, ResourceTemplate
from pyvirgl.protocol.virgl import ObjectType, TextureTarget, VirglBind
from pyvirgl.renderer.api import Renderer

CTX = 1

VS = """VERT
DCL IN[0]
DCL OUT[0], POSITION
  0: MOV OUT[0], IN[0]
  1: END
"""

FS = """FRAG
PROPERTY FS_COLOR0_WRITES_ALL_CBUFS 1
DCL OUT[0], COLOR
DCL CONST[0][0]
  0: MOV OUT[0], CONST[0][0]
  1: END
"""

# One triangle covering the whole viewport.
BIG_TRIANGLE = np.array([[-1, -1, 0, 1], [3, -1, 0, 1], [-1, 3, 0, 1]], np.float32)


def f32bits(x: float) -> int:
    return struct.unpack("<I", struct.pack("<f", x))[0]


def make_target(r: Renderer, handle: int, w: int, h: int, fmt=VirglFormat.B8G8R8A8_UNORM) -> None:
    r.create_resource(CTX, ResourceTemplate(handle, TextureTarget.TEXTURE_2D, fmt,
                                            VirglBind.RENDER_TARGET | VirglBind.SAMPLER_VIEW, w, h, 1, 1, 0, 0))


def make_buffer(r: Renderer, handle: int, size: int, bind=VirglBind.VERTEX_BUFFER, data: bytes | None = None,
                backing: bool = False) -> bytearray | None:
    r.create_resource(CTX, ResourceTemplate(handle, TextureTarget.BUFFER, VirglFormat.R8_UNORM, bind,
                                            size, 1, 1, 1, 0, 0))
    if data is not None:
        write_buffer(r, handle, data)
    if backing:
        mem = bytearray(size)
        r.attach_backing(handle, memoryview(mem))
        return mem
    return None


def write_buffer(r: Renderer, handle: int, data: bytes, offset: int = 0) -> None:
    r.transfer_write(CTX, handle, 0, Box(offset, 0, 0, len(data), 1, 1), stride=0, layer_stride=0, offset=0,
                     source=memoryview(bytes(data)))


def read_buffer(r: Renderer, handle: int, size: int, offset: int = 0) -> bytes:
    out = bytearray(size)
    r.transfer_read(CTX, handle, 0, Box(offset, 0, 0, size, 1, 1), stride=0, layer_stride=0, offset=0,
                    dest=memoryview(out))
    return bytes(out)


def read_back(r: Renderer, handle: int, w: int, h: int, bpp: int = 4) -> np.ndarray:
    out = bytearray(w * h * bpp)
    r.transfer_read(CTX, handle, 0, Box(0, 0, 0, w, h, 1), stride=0, layer_stride=0, offset=0,
                    dest=memoryview(out))
    return np.frombuffer(bytes(out), np.uint8).reshape(h, w, bpp)


def start(surface_handle: int | None = None, res_handle: int | None = None,
          fmt=VirglFormat.B8G8R8A8_UNORM) -> CommandEncoder:
    enc = CommandEncoder()
    enc.create_sub_ctx(sub_ctx_id=1).set_sub_ctx(sub_ctx_id=1)
    if surface_handle is not None:
        enc.create_surface(handle=surface_handle, res_handle=res_handle, format=fmt, val0=0, val1=0)
        enc.set_framebuffer_state(zsurf_handle=0, cbuf_handles=(surface_handle,))
    return enc


def colour_pipeline(enc: CommandEncoder, r: Renderer, vbuf: int, w: int, h: int,
                    colour=(0.0, 1.0, 0.0, 1.0), vertices: np.ndarray = BIG_TRIANGLE,
                    vs: str = VS, fs: str = FS, base_handle: int = 900, **vs_kw) -> None:
    """Bind a VS/FS pair, a float4 vertex buffer holding `vertices`, a viewport and a colour."""
    data = np.ascontiguousarray(vertices, np.float32).tobytes()
    make_buffer(r, vbuf, len(data), data=data)
    enc.create_shader(handle=base_handle, stage=0, text=vs, **vs_kw)
    enc.bind_shader(handle=base_handle, shader_type=0)
    if fs is not None:
        enc.create_shader(handle=base_handle + 1, stage=1, text=fs)
        enc.bind_shader(handle=base_handle + 1, shader_type=1)
    enc.create_vertex_elements(handle=base_handle + 2,
                               elements=(VertexElement(0, 0, 0, VirglFormat.R32G32B32A32_FLOAT),))
    enc.bind_object(ObjectType.VERTEX_ELEMENTS, base_handle + 2)
    enc.set_vertex_buffers(buffers=(VertexBufferBinding(16, 0, vbuf),))
    enc.set_viewport_state(start_slot=0, viewports=(Viewport((w / 2, h / 2, 0.5), (w / 2, h / 2, 0.5)),))
    enc.set_constant_buffer(shader_type=1, index=0, data=struct.pack("<4f", *colour))


def draw(enc: CommandEncoder, count: int = 3, mode: int = 4, start_: int = 0, **kw) -> None:
    fields = dict(start=start_, count=count, mode=mode, indexed=False, instance_count=1, index_bias=0,
                  start_instance=0, primitive_restart=False, restart_index=0, min_index=0,
                  max_index=0xFFFFFFFF, count_from_so=0)
    fields.update(kw)
    enc.draw_vbo(**fields)


def rasterizer(handle: int, **fields):
    """A CREATE_OBJECT(RASTERIZER) command: Mesa's usual defaults, `fields` on top."""
    import dataclasses

    from pyvirgl.decode import commands as C
    values = dict.fromkeys((f.name for f in dataclasses.fields(C.CreateRasterizer)), 0)
    values.update(handle=handle, depth_clip=1, half_pixel_center=1, point_size=1.0, line_width=1.0,
                  offset_units=0.0, offset_scale=0.0)
    values.update(fields)
    return C.CreateRasterizer(**values)


# A fragment shader that counts its invocations in an atomic counter and writes green.
FS_COUNT = """FRAG
DCL OUT[0], COLOR
DCL HWATOMIC[0][0]
DCL TEMP[0]
IMM[0] UINT32 {0, 1, 0, 0}
IMM[1] FLT32 {0.0, 1.0, 0.0, 1.0}
  0: ATOMUADD TEMP[0].x, HWATOMIC[0][0], IMM[0].xxxx, IMM[0].yyyy
  1: MOV OUT[0], IMM[1]
  2: END
"""
