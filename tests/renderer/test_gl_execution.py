"""The renderer executing real command streams on host GL, driven like a guest would.

Each test builds a virgl stream with the shared encoder, submits it to a
Renderer with the real GL backend (EGL surfaceless, llvmpipe) and reads the
result back through a transfer, pixel-exact.
"""
from __future__ import annotations

import struct

import numpy as np
import pytest

from pyvirgl.client.encoder import CommandEncoder
from pyvirgl.decode import BlitRegion, VertexBufferBinding, VertexElement, Viewport
from pyvirgl.errors import GuestError
from pyvirgl.protocol.formats import VirglFormat
from pyvirgl.protocol.types import Box, ResourceTemplate
from pyvirgl.protocol.virgl import ClearFlags, ObjectType, TextureTarget, VirglBind
from pyvirgl.renderer.api import Renderer
from renderer_gl_helpers import f32bits

pytestmark = pytest.mark.gl

W, H = 16, 8


def make_target(r: Renderer, handle: int, fmt=VirglFormat.B8G8R8A8_UNORM, w=W, h=H) -> None:
    r.create_resource(1, ResourceTemplate(handle, TextureTarget.TEXTURE_2D, fmt,
                                          VirglBind.RENDER_TARGET | VirglBind.SAMPLER_VIEW, w, h, 1, 1, 0, 0))


def read_back(r: Renderer, handle: int, w=W, h=H, bpp=4) -> np.ndarray:
    out = bytearray(w * h * bpp)
    r.transfer_read(1, handle, 0, Box(0, 0, 0, w, h, 1), stride=0, layer_stride=0, offset=0,
                    dest=memoryview(out))
    return np.frombuffer(bytes(out), np.uint8).reshape(h, w, bpp)


def framebuffer_stream(surface_handle: int, res_handle: int, fmt=VirglFormat.B8G8R8A8_UNORM) -> CommandEncoder:
    enc = CommandEncoder()
    enc.create_sub_ctx(sub_ctx_id=1).set_sub_ctx(sub_ctx_id=1)
    enc.create_surface(handle=surface_handle, res_handle=res_handle, format=fmt, val0=0, val1=0)
    enc.set_framebuffer_state(zsurf_handle=0, cbuf_handles=(surface_handle,))
    return enc


def test_clear_colour_reads_back_exactly(renderer):
    make_target(renderer, 1)
    enc = framebuffer_stream(10, 1)
    enc.clear(buffers=ClearFlags.COLOR0, color=tuple(f32bits(c) for c in (1.0, 0.5, 0.0, 1.0)), depth=1.0, stencil=0)
    renderer.submit(1, bytes(enc))
    assert not renderer.busy(wait=True)
    px = read_back(renderer, 1)
    # B8G8R8A8 in memory: blue, green, red, alpha.
    assert (px == np.array([0, 128, 255, 255], np.uint8)).all()


def test_clear_integer_target_uses_raw_bits(renderer):
    make_target(renderer, 2, VirglFormat.R32G32B32A32_UINT, 4, 4)
    enc = framebuffer_stream(11, 2, VirglFormat.R32G32B32A32_UINT)
    enc.clear(buffers=ClearFlags.COLOR0, color=(7, 0xFFFFFFFF, 0, 123456), depth=0.0, stencil=0)
    renderer.submit(1, bytes(enc))
    px = read_back(renderer, 2, 4, 4, 16).view(np.uint32)
    assert (px == np.array([7, 0xFFFFFFFF, 0, 123456], np.uint32)).all()


def test_new_texture_reads_back_zero(renderer):
    make_target(renderer, 3)
    assert not read_back(renderer, 3).any()


def test_copy_region_moves_a_box(renderer):
    make_target(renderer, 4)
    make_target(renderer, 5)
    data = np.arange(W * H * 4, dtype=np.uint32).astype(np.uint8).tobytes()
    renderer.transfer_write(1, 4, 0, Box(0, 0, 0, W, H, 1), stride=0, layer_stride=0, offset=0,
                            source=memoryview(data))
    enc = CommandEncoder()
    enc.create_sub_ctx(sub_ctx_id=1).set_sub_ctx(sub_ctx_id=1)
    enc.resource_copy_region(dst_handle=5, dst_level=0, dst_x=2, dst_y=1, dst_z=0, src_handle=4, src_level=0,
                             src_x=0, src_y=0, src_z=0, src_width=4, src_height=3, src_depth=1)
    renderer.submit(1, bytes(enc))
    src = np.frombuffer(data, np.uint8).reshape(H, W, 4)
    dst = read_back(renderer, 5)
    assert (dst[1:4, 2:6] == src[0:3, 0:4]).all()
    assert not dst[0].any() and not dst[4:].any()


def test_blit_scales_with_nearest_filter(renderer):
    make_target(renderer, 6, w=2, h=2)
    make_target(renderer, 7, w=4, h=4)
    quad = np.array([[[1, 2, 3, 4], [5, 6, 7, 8]], [[9, 10, 11, 12], [13, 14, 15, 16]]], np.uint8)
    renderer.transfer_write(1, 6, 0, Box(0, 0, 0, 2, 2, 1), stride=0, layer_stride=0, offset=0,
                            source=memoryview(quad.tobytes()))
    enc = CommandEncoder()
    enc.create_sub_ctx(sub_ctx_id=1).set_sub_ctx(sub_ctx_id=1)
    enc.blit(mask=0xF, filter=0, scissor_enable=0, render_condition_enable=0, alpha_blend=0,
             scissor_minx=0, scissor_miny=0, scissor_maxx=0, scissor_maxy=0,
             dst=BlitRegion(7, 0, VirglFormat.B8G8R8A8_UNORM, 0, 0, 0, 4, 4, 1),
             src=BlitRegion(6, 0, VirglFormat.B8G8R8A8_UNORM, 0, 0, 0, 2, 2, 1))
    renderer.submit(1, bytes(enc))
    out = read_back(renderer, 7, 4, 4)
    assert (out == np.repeat(np.repeat(quad, 2, axis=0), 2, axis=1)).all()


@pytest.mark.parametrize("build,reason", [
    (lambda e: e.set_sub_ctx(sub_ctx_id=9), "no sub-context 9"),
    (lambda e: e.create_sub_ctx(sub_ctx_id=1).set_sub_ctx(sub_ctx_id=1).bind_object(ObjectType.BLEND, 42),
     "no blend object 42"),
    (lambda e: e.create_sub_ctx(sub_ctx_id=1).set_sub_ctx(sub_ctx_id=1)
     .create_surface(handle=1, res_handle=999, format=1, val0=0, val1=0), "no resource 999"),
    (lambda e: e.create_sub_ctx(sub_ctx_id=1).set_sub_ctx(sub_ctx_id=1)
     .set_framebuffer_state(zsurf_handle=0, cbuf_handles=(77,)), "no surface object 77"),
    (lambda e: e.clear(buffers=4, color=(0, 0, 0, 0), depth=0.0, stencil=0), "no sub-context is current"),
])
def test_bad_handles_fail_the_context_with_a_reason(renderer, build, reason):
    enc = CommandEncoder()
    build(enc)
    with pytest.raises(GuestError, match=reason):
        renderer.submit(1, bytes(enc))
    # Sticky: the failed context refuses further work.
    with pytest.raises(GuestError, match="already failed"):
        renderer.submit(1, bytes(CommandEncoder()))


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


def test_draw_triangle_with_constant_colour(renderer):
    make_target(renderer, 20, w=8, h=8)
    # A vertex buffer with one big triangle covering the whole target.
    verts = np.array([[-1, -1, 0, 1], [3, -1, 0, 1], [-1, 3, 0, 1]], np.float32).tobytes()
    renderer.create_resource(1, ResourceTemplate(21, TextureTarget.BUFFER, VirglFormat.R8_UNORM,
                                                 VirglBind.VERTEX_BUFFER, len(verts), 1, 1, 1, 0, 0))
    renderer.transfer_write(1, 21, 0, Box(0, 0, 0, len(verts), 1, 1), stride=0, layer_stride=0, offset=0,
                            source=memoryview(verts))
    enc = framebuffer_stream(22, 20)
    enc.create_shader(handle=30, stage=0, text=VS)
    enc.create_shader(handle=31, stage=1, text=FS)
    enc.bind_shader(handle=30, shader_type=0).bind_shader(handle=31, shader_type=1)
    enc.create_vertex_elements(handle=32, elements=(VertexElement(0, 0, 0, VirglFormat.R32G32B32A32_FLOAT),))
    enc.bind_object(ObjectType.VERTEX_ELEMENTS, 32)
    enc.set_vertex_buffers(buffers=(VertexBufferBinding(16, 0, 21),))
    enc.set_viewport_state(start_slot=0, viewports=(Viewport((4.0, 4.0, 0.5), (4.0, 4.0, 0.5)),))
    enc.set_constant_buffer(shader_type=1, index=0,
                            data=struct.pack("<4f", 0.0, 1.0, 0.0, 1.0))
    enc.draw_vbo(start=0, count=3, mode=4, indexed=False, instance_count=1, index_bias=0, start_instance=0,
                 primitive_restart=False, restart_index=0, min_index=0, max_index=2, count_from_so=0)
    renderer.submit(1, bytes(enc))
    px = read_back(renderer, 20, 8, 8)
    assert (px == np.array([0, 255, 0, 255], np.uint8)).all(), px[:, :, :].reshape(-1, 4)[:4]


def _texture(r, handle, fmt, w, h):
    r.create_resource(1, ResourceTemplate(handle, TextureTarget.TEXTURE_2D, fmt, VirglBind.SAMPLER_VIEW,
                                          w, h, 1, 1, 0, 0))


def _copy(r, dst, src, width, height, dst_x=0):
    enc = CommandEncoder()
    enc.create_sub_ctx(sub_ctx_id=1).set_sub_ctx(sub_ctx_id=1)
    enc.resource_copy_region(dst_handle=dst, dst_level=0, dst_x=dst_x, dst_y=0, dst_z=0, src_handle=src,
                             src_level=0, src_x=0, src_y=0, src_z=0, src_width=width, src_height=height,
                             src_depth=1)
    r.submit(1, bytes(enc))


def test_copy_region_between_compressed_and_plain_formats_moves_blocks(renderer):
    # ARB_copy_image: a 4x4 DXT1 block (8 bytes) and one R16G16B16A16_UINT
    # texel (8 bytes) are interchangeable; the copy's size is given in source
    # texels and scales by the block ratio.
    blocks = bytes(range(32))                       # 2x2 blocks
    _texture(renderer, 20, VirglFormat.DXT1_RGBA, 8, 8)
    _texture(renderer, 21, VirglFormat.R16G16B16A16_UINT, 4, 2)
    renderer.transfer_write(1, 20, 0, Box(0, 0, 0, 8, 8, 1), stride=16, layer_stride=0, offset=0,
                            source=memoryview(blocks))
    _copy(renderer, 21, 20, 8, 8, dst_x=1)          # 8x8 texels of DXT1 -> 2x2 plain texels at x=1
    out = bytearray(4 * 2 * 8)
    renderer.transfer_read(1, 21, 0, Box(0, 0, 0, 4, 2, 1), stride=0, layer_stride=0, offset=0,
                           dest=memoryview(out))
    rows = np.frombuffer(bytes(out), np.uint8).reshape(2, 4, 8)
    assert rows[:, 1:3].tobytes() == blocks and not rows[:, 0].any() and not rows[:, 3].any()
    # And back: 2x2 plain texels become 8x8 texels (2x2 blocks) of DXT1.
    _texture(renderer, 22, VirglFormat.DXT1_RGBA, 8, 8)
    enc = CommandEncoder()
    enc.create_sub_ctx(sub_ctx_id=2).set_sub_ctx(sub_ctx_id=2)
    enc.resource_copy_region(dst_handle=22, dst_level=0, dst_x=0, dst_y=0, dst_z=0, src_handle=21, src_level=0,
                             src_x=1, src_y=0, src_z=0, src_width=2, src_height=2, src_depth=1)
    renderer.submit(1, bytes(enc))
    back = bytearray(32)
    renderer.transfer_read(1, 22, 0, Box(0, 0, 0, 8, 8, 1), stride=16, layer_stride=0, offset=0,
                           dest=memoryview(back))
    assert bytes(back) == blocks


def test_copy_region_between_formats_of_different_block_bytes_is_refused(renderer):
    _texture(renderer, 20, VirglFormat.DXT1_RGBA, 8, 8)
    make_target(renderer, 21)                        # 4-byte texels
    with pytest.raises(GuestError, match="block"):
        _copy(renderer, 21, 20, 8, 8)


def test_copy_region_between_multisample_textures_keeps_the_samples(renderer):
    # Samples cannot pass through client memory: GL copies them directly.
    for handle in (30, 31):
        renderer.create_resource(1, ResourceTemplate(handle, TextureTarget.TEXTURE_2D, VirglFormat.B8G8R8A8_UNORM,
                                                     VirglBind.RENDER_TARGET | VirglBind.SAMPLER_VIEW,
                                                     W, H, 1, 1, 0, 4))
    enc = framebuffer_stream(10, 30)
    enc.clear(buffers=ClearFlags.COLOR0, color=tuple(f32bits(c) for c in (0.0, 1.0, 0.0, 1.0)), depth=1.0,
              stencil=0)
    enc.resource_copy_region(dst_handle=31, dst_level=0, dst_x=0, dst_y=0, dst_z=0, src_handle=30, src_level=0,
                             src_x=0, src_y=0, src_z=0, src_width=W, src_height=H, src_depth=1)
    renderer.submit(1, bytes(enc))
    assert (read_back(renderer, 31) == [0, 255, 0, 255]).all()      # read back resolved


def test_copy_region_between_sample_counts_is_refused(renderer):
    renderer.create_resource(1, ResourceTemplate(30, TextureTarget.TEXTURE_2D, VirglFormat.B8G8R8A8_UNORM,
                                                 VirglBind.RENDER_TARGET, W, H, 1, 1, 0, 4))
    make_target(renderer, 31)
    with pytest.raises(GuestError, match="samples"):
        _copy(renderer, 31, 30, W, H)
