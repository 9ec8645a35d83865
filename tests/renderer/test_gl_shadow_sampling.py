"""Shadow samplers honour the sampler view's swizzle, as Gallium defines it.

A depth comparison yields one value. Gallium replicates it to the four
channels and lets the sampler view's swizzle pick: Mesa's state tracker
encodes the compatibility profile's DEPTH_TEXTURE_MODE that way
(LUMINANCE = (r, r, r, 1), INTENSITY = (r, r, r, r), RED = (r, 0, 0, 1)).
The host's GLSL shadow lookup returns a bare float, so the translated shader
applies the view's constant channels itself, from a driver uniform the draw
path fills from the bound view.
"""
from __future__ import annotations

import struct

import pytest

from pyvirgl.protocol.formats import VirglFormat
from pyvirgl.protocol.types import Box, ResourceTemplate
from pyvirgl.protocol.virgl import ClearFlags, ObjectType, TextureTarget, VirglBind
from renderer_gl_helpers import CTX, colour_pipeline, draw, f32bits, make_target, read_back, start

pytestmark = pytest.mark.gl

W, H = 4, 4
X, ZERO, ONE = 0, 4, 5          # PIPE_SWIZZLE_X / _0 / _1
LEQUAL = 3                      # PIPE_FUNC_LEQUAL
DEPTH = 0.5
COMPUTE = 5


def shadow_fs(ref: float) -> str:
    # What Mesa sends for shadow2D(s, vec3(0.5, 0.5, ref)) written to the colour.
    return f"""FRAG
PROPERTY FS_COLOR0_WRITES_ALL_CBUFS 1
DCL OUT[0], COLOR
DCL SAMP[0]
DCL SVIEW[0], 2D, FLOAT
IMM[0] FLT32 {{    0.5000,     0.5000, {ref:.4f},     0.0000}}
  0: TEX OUT[0], IMM[0], SAMP[0], SHADOW2D
  1: END
"""


def shadow_scene(r, ref: float, swizzle: tuple[int, int, int, int], view_handle: int = 30):
    make_target(r, 1, W, H)
    r.create_resource(CTX, ResourceTemplate(3, TextureTarget.TEXTURE_2D, VirglFormat.Z32_FLOAT,
                                            VirglBind.SAMPLER_VIEW | VirglBind.DEPTH_STENCIL, 1, 1, 1, 1, 0, 0))
    r.transfer_write(CTX, 3, 0, Box(0, 0, 0, 1, 1, 1), stride=0, layer_stride=0, offset=0,
                     source=memoryview(struct.pack("<f", DEPTH)))
    enc = start(10, 1)
    enc.clear(buffers=ClearFlags.COLOR0, color=(0, 0, 0, 0), depth=1.0, stencil=0)
    colour_pipeline(enc, r, 2, W, H, fs=shadow_fs(ref))
    enc.create_sampler_state(handle=50, compare_mode=1, compare_func=LEQUAL, max_lod=1000.0,
                             border_color=(0, 0, 0, 0))
    enc.bind_sampler_states(shader_type=1, start_slot=0, handles=(50,))
    enc.create_sampler_view(handle=view_handle, res_handle=3, format=VirglFormat.Z32_FLOAT,
                            target=TextureTarget.TEXTURE_2D, val0=0, val1=0,
                            swizzle_r=swizzle[0], swizzle_g=swizzle[1], swizzle_b=swizzle[2],
                            swizzle_a=swizzle[3])
    enc.set_sampler_views(shader_type=1, start_slot=0, handles=(view_handle,))
    return enc


def submit(r, enc) -> None:
    r.submit(CTX, bytes(enc))
    assert r.contexts[CTX].failed is None, r.contexts[CTX].failed


def bgra(rgba) -> list[int]:
    r, g, b, a = (round(c * 255) for c in rgba)
    return [b, g, r, a]


@pytest.mark.parametrize("mode, swizzle", [
    ("luminance", (X, X, X, ONE)),
    ("intensity", (X, X, X, X)),
    ("red", (X, ZERO, ZERO, ONE)),
    ("alpha", (ZERO, ZERO, ZERO, X)),
])
@pytest.mark.parametrize("ref", [0.25, 0.75])
def test_shadow_result_goes_through_the_view_swizzle(renderer, mode, swizzle, ref):
    enc = shadow_scene(renderer, ref, swizzle)
    draw(enc)
    submit(renderer, enc)
    result = 1.0 if ref <= DEPTH else 0.0
    pick = {X: result, ZERO: 0.0, ONE: 1.0}
    expected = bgra([pick[s] for s in swizzle])
    assert (read_back(renderer, 1, W, H) == expected).all()


def test_rebinding_a_view_with_another_swizzle_changes_the_next_draw(renderer):
    # Same program, second view: the swizzle is per draw state, not compiled in.
    enc = shadow_scene(renderer, 0.75, (X, X, X, ONE))
    draw(enc)
    enc.create_sampler_view(handle=31, res_handle=3, format=VirglFormat.Z32_FLOAT,
                            target=TextureTarget.TEXTURE_2D, val0=0, val1=0,
                            swizzle_r=X, swizzle_g=X, swizzle_b=X, swizzle_a=X)
    enc.set_sampler_views(shader_type=1, start_slot=0, handles=(31,))
    enc.clear(buffers=ClearFlags.COLOR0, color=(f32bits(1.0),) * 4, depth=1.0, stencil=0)
    draw(enc)
    submit(renderer, enc)
    assert (read_back(renderer, 1, W, H) == [0, 0, 0, 0]).all()
    views = renderer.contexts[CTX].state.sub.table(ObjectType.SAMPLER_VIEW)
    assert 30 in views and 31 in views


# One invocation stores the swizzled compare result at BUFFER[0] (four floats).
CS_SHADOW = """COMP
PROPERTY CS_FIXED_BLOCK_WIDTH 1
PROPERTY CS_FIXED_BLOCK_HEIGHT 1
PROPERTY CS_FIXED_BLOCK_DEPTH 1
DCL SAMP[0]
DCL SVIEW[0], 2D, FLOAT
DCL BUFFER[0]
DCL TEMP[0]
IMM[0] FLT32 {    0.5000,     0.5000,     0.2500,     0.0000}
IMM[1] UINT32 {0, 0, 0, 0}
  0: TXL TEMP[0], IMM[0].xyzw, SAMP[0], SHADOW2D
  1: STORE BUFFER[0].xyzw, IMM[1].xxxx, TEMP[0]
  2: END
"""


def test_compute_shadow_lookups_apply_the_view_swizzle(renderer):
    from pyvirgl.decode import ShaderBufferBinding
    from renderer_gl_helpers import make_buffer, read_buffer

    enc = shadow_scene(renderer, 0.25, (ZERO, X, ONE, X))
    make_buffer(renderer, 4, 16, bind=VirglBind.SHADER_BUFFER)
    enc.create_sampler_view(handle=32, res_handle=3, format=VirglFormat.Z32_FLOAT,
                            target=TextureTarget.TEXTURE_2D, val0=0, val1=0,
                            swizzle_r=ZERO, swizzle_g=X, swizzle_b=ONE, swizzle_a=X)
    enc.set_sampler_views(shader_type=COMPUTE, start_slot=0, handles=(32,))
    enc.bind_sampler_states(shader_type=COMPUTE, start_slot=0, handles=(50,))
    enc.create_shader(handle=20, stage=COMPUTE, text=CS_SHADOW)
    enc.bind_shader(handle=20, shader_type=COMPUTE)
    enc.set_shader_buffers(shader_type=COMPUTE, start_slot=0, buffers=(ShaderBufferBinding(0, 16, 4),))
    enc.launch_grid(block=(1, 1, 1), grid=(1, 1, 1), indirect_handle=0, indirect_offset=0)
    enc.memory_barrier(flags=(1 << 14) - 1)
    submit(renderer, enc)
    assert struct.unpack("<4f", read_buffer(renderer, 4, 16)) == (0.0, 1.0, 1.0, 1.0)


# Mesa's TGSI for shadow1DArray(s, vec3(p.x, 0, p.y), bias) with varying coordinates.
VS_COORDS = """VERT
DCL IN[0]
DCL OUT[0], POSITION
DCL OUT[1], GENERIC[9]
DCL TEMP[0]
IMM[0] FLT32 {0x3f800000, 0x40000000, 0x00000000, 0x00000000}
  0: ADD TEMP[0], IN[0], IMM[0].xxxx
  1: DIV OUT[1], TEMP[0], IMM[0].yyyy
  2: MOV OUT[0], IN[0]
  3: END
"""

FS_SHADOW_1D_ARRAY_BIAS = """FRAG
PROPERTY FS_COLOR0_WRITES_ALL_CBUFS 1
DCL IN[0], GENERIC[9], PERSPECTIVE
DCL OUT[0], COLOR
DCL SAMP[0]
DCL SVIEW[0], SHADOW1D_ARRAY, FLOAT
DCL TEMP[0]
IMM[0] FLT32 {0x00000000, 0x3f800000, 0x00000000, 0x00000000}
  0: MOV TEMP[0].xz, IN[0].xyyy
  1: MOV TEMP[0].y, IMM[0].xxxx
  2: MOV TEMP[0].w, IMM[0].yyyy
  3: TXB OUT[0], TEMP[0], SAMP[0], SHADOW1D_ARRAY
  4: END
"""


def test_anisotropic_shadow_sampler_on_a_1d_array_keeps_the_process_alive(renderer):
    # llvmpipe dies (SIGSEGV) filtering a 1D array shadow lookup anisotropically
    # (fuzzer finding); 1D samplers get the same state without anisotropy.
    make_target(renderer, 1, W, H)
    enc = start(10, 1)
    colour_pipeline(enc, renderer, 2, W, H, vs=VS_COORDS, fs=FS_SHADOW_1D_ARRAY_BIAS)
    enc.create_sampler_state(handle=50, wrap_s=3, wrap_r=2, min_img_filter=1, min_mip_filter=2, mag_img_filter=1,
                             compare_mode=1, compare_func=2, max_anisotropy=16, max_lod=1000.0,
                             border_color=(0, 0, 0, 0))
    enc.bind_sampler_states(shader_type=1, start_slot=0, handles=(50,))
    draw(enc)
    submit(renderer, enc)
