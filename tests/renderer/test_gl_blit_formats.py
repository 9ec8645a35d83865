"""BLIT reads through the source view format and writes through the destination view format.

Gallium blits decompress, reinterpret, decode and encode sRGB and honour the
formats' channel layouts; glBlitFramebuffer alone cannot read a compressed or
shared-exponent source, so those blits are drawn with a sampling shader
(backend/gl/blit_shader.py). Each test checks exact texels on llvmpipe.
"""
from __future__ import annotations

import struct

import numpy as np
import pytest

from pyvirgl.client.encoder import CommandEncoder
from pyvirgl.decode import BlitRegion
from pyvirgl.protocol.formats import VirglFormat
from pyvirgl.protocol.types import Box, ResourceTemplate
from pyvirgl.protocol.virgl import ClearFlags, TextureTarget, VirglBind

pytestmark = pytest.mark.gl

from renderer_gl_helpers import CTX
BIND = VirglBind.RENDER_TARGET | VirglBind.SAMPLER_VIEW


def texture(r, handle, fmt, w, h, data: bytes | None = None, target=TextureTarget.TEXTURE_2D, depth=1, array=1):
    r.create_resource(CTX, ResourceTemplate(handle, target, fmt, BIND, w, h, depth, array, 0, 0))
    if data is not None:
        r.transfer_write(CTX, handle, 0, Box(0, 0, 0, w, h, max(depth, array)), stride=0, layer_stride=0,
                         offset=0, source=memoryview(data))


def read(r, handle, w, h, bpp, z=0) -> np.ndarray:
    out = bytearray(w * h * bpp)
    r.transfer_read(CTX, handle, 0, Box(0, 0, z, w, h, 1), stride=0, layer_stride=0, offset=0,
                    dest=memoryview(out))
    return np.frombuffer(bytes(out), np.uint8).reshape(h, w, bpp)


def blit(r, src, src_fmt, dst, dst_fmt, w, h, dw=None, dh=None, filt=0, mask=0xF, src_z=0, dst_z=0):
    enc = CommandEncoder()
    enc.create_sub_ctx(sub_ctx_id=1).set_sub_ctx(sub_ctx_id=1)
    enc.blit(mask=mask, filter=filt, scissor_enable=0, render_condition_enable=0, alpha_blend=0,
             scissor_minx=0, scissor_miny=0, scissor_maxx=0, scissor_maxy=0,
             dst=BlitRegion(dst, 0, dst_fmt, 0, 0, dst_z, dw or w, dh or h, 1),
             src=BlitRegion(src, 0, src_fmt, 0, 0, src_z, w, h, 1))
    r.submit(CTX, bytes(enc))
    assert r.contexts[CTX].failed is None, r.contexts[CTX].failed


def bc1_block(rgb565: int) -> bytes:
    # Both endpoints the same colour and every index 0: sixteen texels of that colour.
    return struct.pack("<HHI", rgb565, rgb565, 0)


def test_compressed_source_is_decompressed_into_a_plain_target(renderer):
    texture(renderer, 1, VirglFormat.DXT1_RGB, 8, 4, bc1_block(0xF800) + bc1_block(0x07E0))
    texture(renderer, 2, VirglFormat.B8G8R8A8_UNORM, 8, 4)
    blit(renderer, 1, VirglFormat.DXT1_RGB, 2, VirglFormat.B8G8R8A8_UNORM, 8, 4)
    px = read(renderer, 2, 8, 4, 4)
    assert (px[:, :4] == [0, 0, 255, 255]).all()      # red block (BGRA bytes)
    assert (px[:, 4:] == [0, 255, 0, 255]).all()      # green block


def test_shared_exponent_source_is_decoded(renderer):
    # R9G9B9E5: mantissas 256/256/128 with exponent 15 (bias 15, 9 mantissa bits) = 0.5, 0.5, 0.25.
    texel = 256 | (256 << 9) | (128 << 18) | (16 << 27)
    texture(renderer, 1, VirglFormat.R9G9B9E5_FLOAT, 2, 2, struct.pack("<I", texel) * 4)
    texture(renderer, 2, VirglFormat.R8G8B8A8_UNORM, 2, 2)
    blit(renderer, 1, VirglFormat.R9G9B9E5_FLOAT, 2, VirglFormat.R8G8B8A8_UNORM, 2, 2)
    assert (read(renderer, 2, 2, 2, 4) == [255, 255, 128, 255]).all()


def test_linear_source_is_encoded_into_an_srgb_destination_view(renderer):
    texture(renderer, 1, VirglFormat.R8G8B8A8_UNORM, 2, 2, bytes([64, 128, 255, 64]) * 4)
    texture(renderer, 2, VirglFormat.R8G8B8A8_SRGB, 2, 2)
    blit(renderer, 1, VirglFormat.R8G8B8A8_UNORM, 2, VirglFormat.R8G8B8A8_SRGB, 2, 2)
    # sRGB encoding of 64/255 and 128/255; alpha stays linear.
    assert (read(renderer, 2, 2, 2, 4) == [137, 188, 255, 64]).all()


@pytest.mark.parametrize("dst_view", [VirglFormat.R8G8B8A8_SRGB, VirglFormat.R8G8B8A8_UNORM])
def test_srgb_source_is_decoded_only_when_the_views_differ(renderer, dst_view):
    texture(renderer, 1, VirglFormat.R8G8B8A8_SRGB, 2, 2, bytes([137, 188, 255, 64]) * 4)
    texture(renderer, 2, VirglFormat.R8G8B8A8_SRGB, 2, 2)
    blit(renderer, 1, VirglFormat.R8G8B8A8_SRGB, 2, dst_view, 2, 2)
    expected = [137, 188, 255, 64] if dst_view == VirglFormat.R8G8B8A8_SRGB else [64, 128, 255, 64]
    assert (read(renderer, 2, 2, 2, 4) == expected).all()


def test_alpha_only_destination_receives_the_alpha_channel(renderer):
    # A8 is kept in a red-only host texture: the shader must route alpha to red.
    texture(renderer, 1, VirglFormat.R8G8B8A8_UNORM, 2, 2, bytes([10, 20, 30, 200]) * 4)
    texture(renderer, 2, VirglFormat.A8_UNORM, 2, 2)
    blit(renderer, 1, VirglFormat.R8G8B8A8_UNORM, 2, VirglFormat.A8_UNORM, 2, 2)
    assert (read(renderer, 2, 2, 2, 1) == 200).all()


def test_compressed_blit_scales_with_linear_filter(renderer):
    # One 4x4 red block magnified to 8x8: every output texel is still red.
    texture(renderer, 1, VirglFormat.DXT1_RGB, 4, 4, bc1_block(0xF800))
    texture(renderer, 2, VirglFormat.B8G8R8A8_UNORM, 8, 8)
    blit(renderer, 1, VirglFormat.DXT1_RGB, 2, VirglFormat.B8G8R8A8_UNORM, 4, 4, 8, 8, filt=1)
    assert (read(renderer, 2, 8, 8, 4) == [0, 0, 255, 255]).all()


def test_compressed_cube_face_is_blitted_from_its_layer(renderer):
    faces = b"".join(bc1_block(c) for c in (0xF800, 0x07E0, 0x001F, 0xFFFF, 0xF800, 0x07E0))
    texture(renderer, 1, VirglFormat.DXT1_RGB, 4, 4, faces, target=TextureTarget.TEXTURE_CUBE, array=6)
    texture(renderer, 2, VirglFormat.B8G8R8A8_UNORM, 4, 4)
    blit(renderer, 1, VirglFormat.DXT1_RGB, 2, VirglFormat.B8G8R8A8_UNORM, 4, 4, src_z=2)
    assert (read(renderer, 2, 4, 4, 4) == [255, 0, 0, 255]).all()    # face 2 is blue


def test_colour_write_mask_keeps_unselected_channels(renderer):
    texture(renderer, 1, VirglFormat.DXT1_RGB, 4, 4, bc1_block(0xFFFF))
    texture(renderer, 2, VirglFormat.B8G8R8A8_UNORM, 4, 4)
    enc = CommandEncoder()
    enc.create_sub_ctx(sub_ctx_id=1).set_sub_ctx(sub_ctx_id=1)
    enc.create_surface(handle=10, res_handle=2, format=VirglFormat.B8G8R8A8_UNORM, val0=0, val1=0)
    enc.set_framebuffer_state(zsurf_handle=0, cbuf_handles=(10,))
    enc.clear(buffers=ClearFlags.COLOR0, color=(0, 0, 0, 0), depth=1.0, stencil=0)
    renderer.submit(CTX, bytes(enc))
    blit(renderer, 1, VirglFormat.DXT1_RGB, 2, VirglFormat.B8G8R8A8_UNORM, 4, 4, mask=0x1)   # red only
    assert (read(renderer, 2, 4, 4, 4) == [0, 0, 255, 0]).all()


@pytest.mark.parametrize("dst_fmt, expected", [
    (VirglFormat.R8G8B8A8_UNORM, 51),     # decoded: the linear value that was cleared
    (VirglFormat.R8G8B8A8_SRGB, 124),     # decoded and encoded again
])
def test_multisample_srgb_resolve_decodes_into_a_linear_view(renderer, dst_fmt, expected):
    renderer.create_resource(CTX, ResourceTemplate(1, TextureTarget.TEXTURE_2D, VirglFormat.R8G8B8A8_SRGB, BIND,
                                                   4, 4, 1, 1, 0, 4))
    texture(renderer, 2, dst_fmt, 4, 4)
    enc = CommandEncoder()
    enc.create_sub_ctx(sub_ctx_id=1).set_sub_ctx(sub_ctx_id=1)
    enc.create_surface(handle=10, res_handle=1, format=VirglFormat.R8G8B8A8_SRGB, val0=0, val1=0)
    enc.set_framebuffer_state(zsurf_handle=0, cbuf_handles=(10,))
    grey = struct.unpack("<I", struct.pack("<f", 0.2))[0]
    enc.clear(buffers=ClearFlags.COLOR0, color=(grey, grey, grey, grey), depth=1.0, stencil=0)
    renderer.submit(CTX, bytes(enc))
    blit(renderer, 1, VirglFormat.R8G8B8A8_SRGB, 2, dst_fmt, 4, 4)
    # Within one step: sRGB storage of 0.2 is 124, which decodes to 0.2016.
    assert (np.abs(read(renderer, 2, 4, 4, 4)[..., :3].astype(int) - expected) <= 1).all()


def test_rectangles_reaching_outside_are_clipped_not_refused(renderer):
    # glBlitFramebuffer with clipped coordinates (piglit clip-and-scissor-blit):
    # the destination's 2x2 corner inside the 4x4 target is written, nothing else.
    texture(renderer, 1, VirglFormat.R8G8B8A8_UNORM, 4, 4, bytes([9, 8, 7, 6]) * 16)
    texture(renderer, 2, VirglFormat.R8G8B8A8_UNORM, 4, 4)
    enc = CommandEncoder()
    enc.create_sub_ctx(sub_ctx_id=1).set_sub_ctx(sub_ctx_id=1)
    enc.blit(mask=0xF, filter=0, scissor_enable=0, render_condition_enable=0, alpha_blend=0,
             scissor_minx=0, scissor_miny=0, scissor_maxx=0, scissor_maxy=0,
             dst=BlitRegion(2, 0, VirglFormat.R8G8B8A8_UNORM, 2, 2, 0, 4, 4, 1),
             src=BlitRegion(1, 0, VirglFormat.R8G8B8A8_UNORM, 0, 0, 0, 4, 4, 1))
    renderer.submit(CTX, bytes(enc))
    assert renderer.contexts[CTX].failed is None
    px = read(renderer, 2, 4, 4, 4)
    assert (px[2:, 2:] == [9, 8, 7, 6]).all() and not px[:2].any() and not px[:, :2].any()


@pytest.mark.parametrize("src_z, src_depth, reason", [(1, 1, "layers 1\\+1 outside"), (0, 1, None)])
def test_blit_layers_must_exist(renderer, src_z, src_depth, reason):
    from pyvirgl.errors import GuestError

    texture(renderer, 1, VirglFormat.R8G8B8A8_UNORM, 4, 4)
    texture(renderer, 2, VirglFormat.R8G8B8A8_UNORM, 4, 4)
    enc = CommandEncoder()
    enc.create_sub_ctx(sub_ctx_id=1).set_sub_ctx(sub_ctx_id=1)
    enc.blit(mask=0xF, filter=0, scissor_enable=0, render_condition_enable=0, alpha_blend=0,
             scissor_minx=0, scissor_miny=0, scissor_maxx=0, scissor_maxy=0,
             dst=BlitRegion(2, 0, VirglFormat.R8G8B8A8_UNORM, 0, 0, 0, 4, 4, 1),
             src=BlitRegion(1, 0, VirglFormat.R8G8B8A8_UNORM, 0, 0, src_z, 4, 4, src_depth))
    if reason is None:
        renderer.submit(CTX, bytes(enc))
        assert renderer.contexts[CTX].failed is None
    else:
        with pytest.raises(GuestError, match=reason):
            renderer.submit(CTX, bytes(enc))


def test_repeated_blits_follow_a_recreated_source(renderer):
    # The blitter keeps its framebuffer attachments between blits; a resource
    # destroyed and made again under the same handle must still be read anew.
    texture(renderer, 1, VirglFormat.R8G8B8A8_UNORM, 2, 2, bytes([1, 2, 3, 4]) * 4)
    texture(renderer, 2, VirglFormat.R8G8B8A8_UNORM, 2, 2)
    blit(renderer, 1, VirglFormat.R8G8B8A8_UNORM, 2, VirglFormat.R8G8B8A8_UNORM, 2, 2)
    assert (read(renderer, 2, 2, 2, 4) == [1, 2, 3, 4]).all()
    renderer.unref_resource(CTX, 1)
    texture(renderer, 1, VirglFormat.R8G8B8A8_UNORM, 2, 2, bytes([5, 6, 7, 8]) * 4)
    blit(renderer, 1, VirglFormat.R8G8B8A8_UNORM, 2, VirglFormat.R8G8B8A8_UNORM, 2, 2)
    assert (read(renderer, 2, 2, 2, 4) == [5, 6, 7, 8]).all()
