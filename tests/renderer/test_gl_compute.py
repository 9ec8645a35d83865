"""Compute dispatches, shader buffers, images and atomic counters executed on host GL, read back exactly."""
from __future__ import annotations

import struct

import numpy as np
import pytest

from pyvirgl.decode import ShaderBufferBinding, ShaderImageBinding
from pyvirgl.errors import GuestError
from pyvirgl.protocol.formats import VirglFormat
from pyvirgl.protocol.types import ResourceTemplate
from pyvirgl.protocol.virgl import TextureTarget, VirglBind
from renderer_gl_helpers import (
    CTX, FS_COUNT, colour_pipeline, draw, make_buffer, make_target, read_back, read_buffer, start, write_buffer,
)

pytestmark = pytest.mark.gl

COMPUTE = 5
BARRIER_ALL = (1 << 14) - 1

# Thread i of the whole grid stores i * CONST[0].x at BUFFER[0][i] and counts itself in HWATOMIC[0][0].
CS_BUFFER = """COMP
PROPERTY CS_FIXED_BLOCK_WIDTH 4
PROPERTY CS_FIXED_BLOCK_HEIGHT 1
PROPERTY CS_FIXED_BLOCK_DEPTH 1
DCL SV[0], THREAD_ID
DCL SV[1], BLOCK_ID
DCL BUFFER[0]
DCL CONST[0][0]
DCL HWATOMIC[0][0]
DCL TEMP[0..3]
IMM[0] UINT32 {4, 2, 1, 0}
  0: UMAD TEMP[0].x, SV[1].xxxx, IMM[0].xxxx, SV[0].xxxx
  1: UMUL TEMP[1].x, TEMP[0].xxxx, CONST[0][0].xxxx
  2: SHL TEMP[2].x, TEMP[0].xxxx, IMM[0].yyyy
  3: STORE BUFFER[0].x, TEMP[2].xxxx, TEMP[1].xxxx
  4: ATOMUADD TEMP[3].x, HWATOMIC[0][0], IMM[0].wwww, IMM[0].zzzz
  5: END
"""

# Each invocation stores y * 16 + x at its global (x, y) of a 2D R32_UINT image.
CS_IMAGE = """COMP
PROPERTY CS_FIXED_BLOCK_WIDTH 4
PROPERTY CS_FIXED_BLOCK_HEIGHT 4
PROPERTY CS_FIXED_BLOCK_DEPTH 1
DCL SV[0], THREAD_ID
DCL SV[1], BLOCK_ID
DCL IMAGE[0], 2D, PIPE_FORMAT_R32_UINT, WR
DCL TEMP[0..1]
IMM[0] UINT32 {4, 16, 0, 0}
  0: UMAD TEMP[0].xy, SV[1].xyyy, IMM[0].xxxx, SV[0].xyyy
  1: UMAD TEMP[1].x, TEMP[0].yyyy, IMM[0].yyyy, TEMP[0].xxxx
  2: STORE IMAGE[0], TEMP[0].xyyy, TEMP[1].xxxx, 2D, PIPE_FORMAT_R32_UINT
  3: END
"""

def buffer_dispatch(r, grid=(2, 1, 1), indirect=None):
    make_buffer(r, 1, 64, bind=VirglBind.SHADER_BUFFER)
    make_buffer(r, 2, 8, bind=VirglBind.SHADER_BUFFER, data=struct.pack("<2I", 0, 0))
    enc = start()
    enc.create_shader(handle=20, stage=COMPUTE, text=CS_BUFFER)
    enc.bind_shader(handle=20, shader_type=COMPUTE)
    enc.set_shader_buffers(shader_type=COMPUTE, start_slot=0, buffers=(ShaderBufferBinding(0, 64, 1),))
    enc.set_atomic_buffers(start_slot=0, buffers=(ShaderBufferBinding(4, 4, 2),))
    enc.set_constant_buffer(shader_type=COMPUTE, index=0, data=struct.pack("<4I", 3, 0, 0, 0))
    if indirect is None:
        enc.launch_grid(block=(4, 1, 1), grid=grid, indirect_handle=0, indirect_offset=0)
    else:
        enc.launch_grid(block=(4, 1, 1), grid=(0, 0, 0), indirect_handle=indirect[0], indirect_offset=indirect[1])
    enc.memory_barrier(flags=BARRIER_ALL)
    return enc


def test_dispatch_writes_buffer_and_counts_atomically(renderer):
    renderer.submit(CTX, bytes(buffer_dispatch(renderer)))
    out = np.frombuffer(read_buffer(renderer, 1, 64), np.uint32)
    assert out[:8].tolist() == [3 * i for i in range(8)] and not out[8:].any()
    assert struct.unpack("<2I", read_buffer(renderer, 2, 8)) == (0, 8)   # the counter sits at offset 4


def test_indirect_dispatch_reads_the_grid_from_a_buffer(renderer):
    make_buffer(renderer, 3, 32, bind=VirglBind.COMMAND_ARGS, data=struct.pack("<4I", 99, 4, 1, 1))
    renderer.submit(CTX, bytes(buffer_dispatch(renderer, indirect=(3, 4))))
    out = np.frombuffer(read_buffer(renderer, 1, 64), np.uint32)
    assert out.tolist() == [3 * i for i in range(16)]
    assert struct.unpack("<2I", read_buffer(renderer, 2, 8)) == (0, 16)


def test_empty_grid_does_nothing(renderer):
    renderer.submit(CTX, bytes(buffer_dispatch(renderer, grid=(0, 1, 1))))
    assert not any(read_buffer(renderer, 1, 64))


def test_image_store_from_compute(renderer):
    renderer.create_resource(CTX, ResourceTemplate(5, TextureTarget.TEXTURE_2D, VirglFormat.R32_UINT,
                                                   VirglBind.SAMPLER_VIEW, 16, 4, 1, 1, 0, 0))
    enc = start()
    enc.create_shader(handle=20, stage=COMPUTE, text=CS_IMAGE)
    enc.bind_shader(handle=20, shader_type=COMPUTE)
    enc.set_shader_images(shader_type=COMPUTE, start_slot=0,
                          images=(ShaderImageBinding(VirglFormat.R32_UINT, 3, 0, 0, 5),))
    enc.launch_grid(block=(4, 4, 1), grid=(4, 1, 1), indirect_handle=0, indirect_offset=0)
    enc.memory_barrier(flags=BARRIER_ALL)
    renderer.submit(CTX, bytes(enc))
    px = read_back(renderer, 5, 16, 4).view(np.uint32).reshape(4, 16)
    assert (px == np.arange(64, dtype=np.uint32).reshape(4, 16)).all()


def test_buffer_image_from_compute(renderer):
    """A buffer bound as an image: the view covers exactly the range given."""
    text = CS_IMAGE.replace("2D", "BUFFER").replace("CS_FIXED_BLOCK_HEIGHT 4", "CS_FIXED_BLOCK_HEIGHT 1")
    make_buffer(renderer, 6, 128, bind=VirglBind.SHADER_BUFFER)
    enc = start()
    enc.create_shader(handle=20, stage=COMPUTE, text=text)
    enc.bind_shader(handle=20, shader_type=COMPUTE)
    # Offset 64 (a multiple of the host's texture buffer alignment on llvmpipe), 16 texels.
    enc.set_shader_images(shader_type=COMPUTE, start_slot=0,
                          images=(ShaderImageBinding(VirglFormat.R32_UINT, 2, 64, 64, 6),))
    enc.launch_grid(block=(4, 1, 1), grid=(4, 1, 1), indirect_handle=0, indirect_offset=0)
    enc.memory_barrier(flags=BARRIER_ALL)
    renderer.submit(CTX, bytes(enc))
    out = np.frombuffer(read_buffer(renderer, 6, 128), np.uint32)
    assert not out[:16].any() and out[16:].tolist() == list(range(16))


def test_buffer_images_rebound_between_dispatches_of_one_submit(renderer):
    """Views replaced in a submit are kept for reuse: only an exact match may come back."""
    text = CS_IMAGE.replace("2D", "BUFFER").replace("CS_FIXED_BLOCK_HEIGHT 4", "CS_FIXED_BLOCK_HEIGHT 1")
    make_buffer(renderer, 6, 128, bind=VirglBind.SHADER_BUFFER)
    make_buffer(renderer, 7, 128, bind=VirglBind.SHADER_BUFFER)
    enc = start()
    enc.create_shader(handle=20, stage=COMPUTE, text=text)
    enc.bind_shader(handle=20, shader_type=COMPUTE)
    for res, offset in ((6, 64), (6, 0), (7, 0), (7, 64), (6, 64)):
        enc.set_shader_images(shader_type=COMPUTE, start_slot=0,
                              images=(ShaderImageBinding(VirglFormat.R32_UINT, 2, offset, 64, res),))
        enc.launch_grid(block=(4, 1, 1), grid=(4, 1, 1), indirect_handle=0, indirect_offset=0)
        enc.memory_barrier(flags=BARRIER_ALL)
    renderer.submit(CTX, bytes(enc))
    assert not renderer.contexts[CTX].state.sub.spare_images   # deleted at the end of the submit
    for res in (6, 7):
        out = np.frombuffer(read_buffer(renderer, res, 128), np.uint32)
        assert out[:16].tolist() == list(range(16)) and out[16:].tolist() == list(range(16)), (res, out)


def test_draw_binds_atomic_buffers(renderer):
    make_target(renderer, 7, 8, 8)
    make_buffer(renderer, 8, 4, bind=VirglBind.SHADER_BUFFER)
    enc = start(30, 7)
    colour_pipeline(enc, renderer, 9, 8, 8, fs=FS_COUNT)
    enc.set_atomic_buffers(start_slot=0, buffers=(ShaderBufferBinding(0, 4, 8),))
    draw(enc)
    enc.memory_barrier(flags=BARRIER_ALL)
    renderer.submit(CTX, bytes(enc))
    assert struct.unpack("<I", read_buffer(renderer, 8, 4))[0] == 64
    assert (read_back(renderer, 7, 8, 8) == np.array([0, 255, 0, 255], np.uint8)).all()


def test_draws_use_the_atomic_buffer_set_just_before_them(renderer):
    # Changing only the buffer between draws in one stream: each draw counts into its own.
    make_target(renderer, 7, 8, 8)
    make_buffer(renderer, 8, 4, bind=VirglBind.SHADER_BUFFER)
    make_buffer(renderer, 10, 4, bind=VirglBind.SHADER_BUFFER)
    enc = start(30, 7)
    colour_pipeline(enc, renderer, 9, 8, 8, fs=FS_COUNT)
    enc.set_atomic_buffers(start_slot=0, buffers=(ShaderBufferBinding(0, 4, 8),))
    draw(enc)
    draw(enc)
    enc.set_atomic_buffers(start_slot=0, buffers=(ShaderBufferBinding(0, 4, 10),))
    draw(enc)
    enc.memory_barrier(flags=BARRIER_ALL)
    renderer.submit(CTX, bytes(enc))
    assert struct.unpack("<I", read_buffer(renderer, 8, 4))[0] == 128
    assert struct.unpack("<I", read_buffer(renderer, 10, 4))[0] == 64


# Each fragment adds CONST[0].x to its pixel of a 2D R32_UINT image (and writes green):
# an atomic add, so that draws without barriers between them sum up in any order.
FS_IMAGE_ADD = """FRAG
DCL IN[0], POSITION, LINEAR
DCL OUT[0], COLOR
DCL IMAGE[0], 2D, PIPE_FORMAT_R32_UINT, WR
DCL CONST[0][0]
DCL TEMP[0..1]
IMM[0] FLT32 {0.0, 1.0, 0.0, 1.0}
  0: F2U TEMP[0].xy, IN[0].xyyy
  1: ATOMUADD TEMP[1].x, IMAGE[0], TEMP[0].xyyy, CONST[0][0].xxxx, 2D, PIPE_FORMAT_R32_UINT
  2: MOV OUT[0], IMM[0]
  3: END
"""


def test_draws_store_into_the_image_bound_just_before_each(renderer):
    """Images alternated between the draws of one submit: each draw writes the one bound for it.

    The second and later bindings of an image are the same binding again (views are
    kept per submit and image units remember what they hold), so this is the path
    that must not confuse one view with another."""
    make_target(renderer, 7, 8, 8)
    for handle in (11, 12):
        renderer.create_resource(CTX, ResourceTemplate(handle, TextureTarget.TEXTURE_2D, VirglFormat.R32_UINT,
                                                       VirglBind.SAMPLER_VIEW, 8, 8, 1, 1, 0, 0))
    enc = start(30, 7)
    colour_pipeline(enc, renderer, 9, 8, 8, fs=FS_IMAGE_ADD)
    for value, image in ((1, 11), (2, 12), (4, 11), (8, 12), (16, 11)):
        enc.set_shader_images(shader_type=1, start_slot=0,
                              images=(ShaderImageBinding(VirglFormat.R32_UINT, 3, 0, 0, image),))
        enc.set_constant_buffer(shader_type=1, index=0, data=struct.pack("<4I", value, 0, 0, 0))
        draw(enc)
    enc.memory_barrier(flags=BARRIER_ALL)
    renderer.submit(CTX, bytes(enc))
    drawn = read_back(renderer, 7, 8, 8)[..., 1] == 255   # the pixels the triangle covered
    assert drawn.any()
    for image, value in ((11, 1 + 4 + 16), (12, 2 + 8)):
        px = read_back(renderer, image, 8, 8).view(np.uint32).reshape(8, 8)
        assert (px[drawn] == value).all() and not px[~drawn].any(), (image, px)


def test_memory_and_texture_barriers_are_accepted(renderer):
    enc = start()
    enc.memory_barrier(flags=BARRIER_ALL).memory_barrier(flags=0).texture_barrier(flags=1)
    renderer.submit(CTX, bytes(enc))


@pytest.mark.parametrize("build,reason", [
    (lambda e: e.launch_grid(block=(1, 1, 1), grid=(1, 1, 1), indirect_handle=0, indirect_offset=0),
     "no compute shader bound"),
    (lambda e: e.create_shader(handle=20, stage=COMPUTE, text=CS_BUFFER).bind_shader(handle=20, shader_type=5)
     .launch_grid(block=(4, 1, 1), grid=(1 << 31, 1, 1), indirect_handle=0, indirect_offset=0), "work groups"),
    (lambda e: e.create_shader(handle=20, stage=COMPUTE, text=CS_BUFFER).bind_shader(handle=20, shader_type=5)
     .launch_grid(block=(4, 1, 1), grid=(1, 1, 1), indirect_handle=1, indirect_offset=56), "overruns"),
    (lambda e: e.create_shader(handle=20, stage=COMPUTE, text=CS_BUFFER).bind_shader(handle=20, shader_type=5)
     .launch_grid(block=(4, 1, 1), grid=(1, 1, 1), indirect_handle=1, indirect_offset=2), "multiple of 4"),
    (lambda e: e.set_shader_buffers(shader_type=1, start_slot=0, buffers=(ShaderBufferBinding(0, 65, 1),)),
     "overruns buffer 1"),
    (lambda e: e.set_atomic_buffers(start_slot=0, buffers=(ShaderBufferBinding(2, 4, 1),)), "multiple of 4"),
    (lambda e: e.set_shader_images(shader_type=5, start_slot=0,
                                   images=(ShaderImageBinding(VirglFormat.R32_UINT, 3, 0, 0, 4),)),
     "no resource 4"),
    (lambda e: e.set_shader_images(shader_type=5, start_slot=0,
                                   images=(ShaderImageBinding(VirglFormat.R32_UINT, 3, 32, 64, 1),)),
     "overruns buffer 1"),
])
def test_guest_mistakes_are_refused(renderer, build, reason):
    make_buffer(renderer, 1, 64, bind=VirglBind.SHADER_BUFFER)
    enc = start()
    build(enc)
    with pytest.raises(GuestError, match=reason):
        renderer.submit(CTX, bytes(enc))


def test_image_layers_outside_the_texture_are_refused(renderer):
    renderer.create_resource(CTX, ResourceTemplate(5, TextureTarget.TEXTURE_2D_ARRAY, VirglFormat.R32_UINT,
                                                   VirglBind.SAMPLER_VIEW, 4, 4, 1, 2, 0, 0))
    enc = start()
    enc.set_shader_images(shader_type=5, start_slot=0,
                          images=(ShaderImageBinding(VirglFormat.R32_UINT, 3, 1 | (2 << 16), 0, 5),))
    with pytest.raises(GuestError, match="layers 1..2"):
        renderer.submit(CTX, bytes(enc))
