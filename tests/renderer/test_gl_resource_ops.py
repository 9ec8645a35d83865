"""CLEAR_TEXTURE, COPY_TRANSFER3D and GET_MEMORY_INFO executed on host GL, read back exactly."""
from __future__ import annotations

import struct

import numpy as np
import pytest

from pyvirgl.errors import GuestError
from pyvirgl.protocol.formats import VirglFormat
from pyvirgl.protocol.types import ResourceTemplate
from pyvirgl.protocol.virgl import TextureTarget, VirglBind
from renderer_gl_helpers import CTX, make_buffer, make_target, read_back, read_buffer, start

pytestmark = pytest.mark.gl


@pytest.mark.parametrize("fmt,bind,texel,bpp", [
    (VirglFormat.B8G8R8A8_UNORM, VirglBind.SAMPLER_VIEW, bytes([1, 2, 3, 4]), 4),   # GL path, BGRA order
    (VirglFormat.R32G32B32A32_UINT, VirglBind.SAMPLER_VIEW, struct.pack("<4I", 7, 0xFFFFFFFF, 0, 9), 16),
    # Repacked for GL: the texel is tiled and written like a transfer.
    (VirglFormat.Z24_UNORM_S8_UINT, VirglBind.DEPTH_STENCIL, struct.pack("<I", 0x12345678), 4),
])
def test_clear_texture_box(renderer, fmt, bind, texel, bpp):
    renderer.create_resource(CTX, ResourceTemplate(1, TextureTarget.TEXTURE_2D, fmt, bind, 8, 4, 1, 1, 0, 0))
    data = struct.unpack("<4I", texel.ljust(16, b"\0"))
    enc = start()
    enc.clear_texture(res_handle=1, level=0, x=2, y=1, z=0, width=3, height=2, depth=1, data=data)
    renderer.submit(CTX, bytes(enc))
    px = read_back(renderer, 1, 8, 4, bpp)
    box = px[1:3, 2:5]
    assert (box == np.frombuffer(texel, np.uint8)).all()
    px = px.copy()
    px[1:3, 2:5] = 0
    assert not px.any()


def test_clear_texture_on_a_mip_level_and_a_buffer(renderer):
    renderer.create_resource(CTX, ResourceTemplate(1, TextureTarget.TEXTURE_2D, VirglFormat.R8_UNORM,
                                                   VirglBind.SAMPLER_VIEW, 8, 8, 1, 1, 2, 0))
    make_buffer(renderer, 2, 16)
    enc = start()
    enc.clear_texture(res_handle=1, level=1, x=0, y=0, z=0, width=4, height=4, depth=1, data=(0xAB, 0, 0, 0))
    enc.clear_texture(res_handle=2, level=0, x=4, y=0, z=0, width=8, height=1, depth=1, data=(0xCD, 0, 0, 0))
    renderer.submit(CTX, bytes(enc))
    from pyvirgl.protocol.types import Box
    out = bytearray(16)
    renderer.transfer_read(CTX, 1, 1, Box(0, 0, 0, 4, 4, 1), stride=0, layer_stride=0, offset=0,
                           dest=memoryview(out))
    assert out == b"\xab" * 16
    assert read_buffer(renderer, 2, 16) == bytes(4) + b"\xcd" * 8 + bytes(4)


def test_copy_transfer_from_a_staging_buffer(renderer):
    make_target(renderer, 1, 4, 4)
    staging = make_buffer(renderer, 2, 256, bind=VirglBind.STAGING, backing=True)
    pixels = np.arange(2 * 3 * 4, dtype=np.uint8).reshape(2, 3, 4)
    # Rows 32 bytes apart in the staging buffer, starting at byte 64.
    for row in range(2):
        staging[64 + 32 * row:64 + 32 * row + 12] = pixels[row].tobytes()
    enc = start()
    enc.copy_transfer3d(res_handle=1, level=0, usage=0, stride=32, layer_stride=0, x=1, y=2, z=0,
                        width=3, height=2, depth=1, src_res_handle=2, src_offset=64, synchronized=1)
    renderer.submit(CTX, bytes(enc))
    px = read_back(renderer, 1, 4, 4)
    assert (px[2:4, 1:4] == pixels).all()
    px = px.copy()
    px[2:4, 1:4] = 0
    assert not px.any()


def test_copy_transfer_back_to_the_staging_buffer(renderer):
    make_buffer(renderer, 1, 32, data=bytes(range(32)))
    staging = make_buffer(renderer, 2, 64, bind=VirglBind.STAGING, backing=True)
    enc = start()
    enc.copy_transfer3d(res_handle=1, level=0, usage=0, stride=0, layer_stride=0, x=8, y=0, z=0,
                        width=16, height=1, depth=1, src_res_handle=2, src_offset=40, synchronized=1,
                        read_from_host=1)
    renderer.submit(CTX, bytes(enc))
    assert bytes(staging[40:56]) == bytes(range(8, 24)) and not any(staging[:40]) and not any(staging[56:])


def test_memory_info_is_written_to_shared_memory(renderer):
    mem = make_buffer(renderer, 1, 64, bind=VirglBind.STAGING, backing=True)
    enc = start()
    enc.get_memory_info(res_handle=1)
    renderer.submit(CTX, bytes(enc))
    total, avail = struct.unpack_from("<2I", mem)
    assert total > 0 and 0 < avail <= total


@pytest.mark.parametrize("build,reason", [
    (lambda e: e.clear_texture(res_handle=1, level=0, x=6, y=0, z=0, width=4, height=1, depth=1,
                               data=(0, 0, 0, 0)), "outside level 0"),
    (lambda e: e.clear_texture(res_handle=9, level=0, x=0, y=0, z=0, width=1, height=1, depth=1,
                               data=(0, 0, 0, 0)), "no resource 9"),
    (lambda e: e.copy_transfer3d(res_handle=1, level=0, x=0, y=0, z=0, width=8, height=4, depth=1, stride=32,
                                 src_res_handle=2, src_offset=200), "overrun"),
    (lambda e: e.copy_transfer3d(res_handle=1, level=0, x=0, y=0, z=0, width=8, height=4, depth=1,
                                 src_res_handle=1, src_offset=0), "is not a buffer"),
])
def test_guest_mistakes_are_refused(renderer, build, reason):
    make_target(renderer, 1, 8, 4)
    make_buffer(renderer, 2, 256, bind=VirglBind.STAGING, backing=True)
    enc = start()
    build(enc)
    with pytest.raises(GuestError, match=reason):
        renderer.submit(CTX, bytes(enc))
