"""The GL 3.3 pieces the caps promise, executed on host GL and read back exactly.

Each feature here is offered to the guest by renderer/features.py (geometry
shaders, texture buffers, uniform blocks past block 0, dual-source blending,
seamless cube-map samplers); each test draws with it the way Mesa's virgl
driver would and checks the pixels that only the feature can produce.
"""
from __future__ import annotations

import struct
import warnings

import numpy as np
import pytest

from pyvirgl.decode import BlendTarget
from pyvirgl.errors import GuestError
from pyvirgl.protocol.formats import VirglFormat
from pyvirgl.protocol.virgl import BlendFactor, ClearFlags, ObjectType, TextureTarget, VirglBind
from renderer_gl_helpers import (
    CTX, colour_pipeline, draw, f32bits, make_buffer, make_target, rasterizer, read_back, start,
)

pytestmark = pytest.mark.gl

W, H = 8, 4
GREEN = [0, 255, 0, 255]   # B8G8R8A8 bytes
RED = [0, 0, 255, 255]
CLEAR = [0, 0, 0, 0]


def cleared_scene(r, fs=None, colour=(0.0, 1.0, 0.0, 1.0), clear=(0.0, 0.0, 0.0, 0.0)):
    make_target(r, 1, W, H)
    enc = start(10, 1)
    enc.clear(buffers=ClearFlags.COLOR0, color=tuple(f32bits(c) for c in clear), depth=1.0, stencil=0)
    kw = {"fs": fs} if fs is not None else {}
    colour_pipeline(enc, r, 2, W, H, colour=colour, **kw)
    return enc


def submit(r, enc) -> None:
    r.submit(CTX, bytes(enc))
    assert r.contexts[CTX].failed is None, r.contexts[CTX].failed


# A pass-through geometry shader that moves every vertex one unit right in
# clip space: the big triangle then covers only the right half of the target.
GS_SHIFT_RIGHT = """GEOM
PROPERTY GS_INPUT_PRIMITIVE TRIANGLES
PROPERTY GS_OUTPUT_PRIMITIVE TRIANGLE_STRIP
PROPERTY GS_MAX_OUTPUT_VERTICES 3
PROPERTY GS_INVOCATIONS 1
DCL IN[][0], POSITION
DCL OUT[0], POSITION
DCL TEMP[0]
IMM[0] FLT32 {    1.0000,     0.0000,     0.0000,     0.0000}
IMM[1] UINT32 {0, 0, 0, 0}
  0: ADD TEMP[0], IN[0][0], IMM[0]
  1: MOV OUT[0], TEMP[0]
  2: EMIT IMM[1].xxxx
  3: ADD TEMP[0], IN[1][0], IMM[0]
  4: MOV OUT[0], TEMP[0]
  5: EMIT IMM[1].xxxx
  6: ADD TEMP[0], IN[2][0], IMM[0]
  7: MOV OUT[0], TEMP[0]
  8: EMIT IMM[1].xxxx
  9: ENDPRIM IMM[1].xxxx
 10: END
"""


def test_geometry_shader_runs_between_vertex_and_fragment(renderer):
    enc = cleared_scene(renderer)
    enc.create_shader(handle=950, stage=2, text=GS_SHIFT_RIGHT)
    enc.bind_shader(handle=950, shader_type=2)
    draw(enc)
    submit(renderer, enc)
    px = read_back(renderer, 1, W, H)
    assert (px[:, : W // 2] == CLEAR).all()
    assert (px[:, W // 2:] == GREEN).all()


def test_unbinding_the_geometry_shader_draws_without_it(renderer):
    enc = cleared_scene(renderer)
    enc.create_shader(handle=950, stage=2, text=GS_SHIFT_RIGHT)
    enc.bind_shader(handle=950, shader_type=2)
    enc.bind_shader(handle=0, shader_type=2)
    draw(enc)
    submit(renderer, enc)
    assert (read_back(renderer, 1, W, H) == GREEN).all()


FS_TEXEL_FETCH_BUFFER = """FRAG
PROPERTY FS_COLOR0_WRITES_ALL_CBUFS 1
DCL OUT[0], COLOR
DCL SAMP[0]
DCL SVIEW[0], BUFFER, FLOAT
IMM[0] INT32 {1, 0, 0, 0}
  0: TXF OUT[0], IMM[0].xxxx, SAMP[0], BUFFER
  1: END
"""


def test_texture_buffer_texels_are_fetched_from_the_view_range(renderer):
    enc = cleared_scene(renderer, fs=FS_TEXEL_FETCH_BUFFER)
    # RGBA8 texels: five red, then green, red. The view starts at texel 4
    # (16 bytes, the host's offset alignment), so its texel 1 is the green one.
    make_buffer(renderer, 3, 28, bind=VirglBind.SAMPLER_VIEW,
                data=bytes([255, 0, 0, 255] * 5 + [0, 255, 0, 255] + [255, 0, 0, 255]))
    enc.create_sampler_view(handle=30, res_handle=3, format=VirglFormat.R8G8B8A8_UNORM,
                            target=TextureTarget.BUFFER, val0=4, val1=6,
                            swizzle_r=0, swizzle_g=1, swizzle_b=2, swizzle_a=3)
    enc.set_sampler_views(shader_type=1, start_slot=0, handles=(30,))
    draw(enc)
    submit(renderer, enc)
    assert (read_back(renderer, 1, W, H) == GREEN).all()


@pytest.mark.parametrize("first, last, reason", [
    (0, 2, "outside its buffer"),          # 12 bytes of an 8-byte buffer
    (1, 1, "not a multiple of"),           # offset 4: GL would refuse it
    (1, 0, "outside its buffer"),          # an empty, reversed range
])
def test_bad_texture_buffer_views_fail_the_context(renderer, first, last, reason):
    make_buffer(renderer, 3, 8, bind=VirglBind.SAMPLER_VIEW, data=bytes(8))
    enc = start()
    enc.create_sampler_view(handle=30, res_handle=3, format=VirglFormat.R8G8B8A8_UNORM,
                            target=TextureTarget.BUFFER, val0=first, val1=last)
    with pytest.raises(GuestError, match=reason):
        renderer.submit(CTX, bytes(enc))
    assert renderer.contexts[CTX].failed


FS_UBO1 = """FRAG
PROPERTY FS_COLOR0_WRITES_ALL_CBUFS 1
DCL OUT[0], COLOR
DCL CONST[1][0]
  0: MOV OUT[0], CONST[1][0]
  1: END
"""


def test_uniform_block_one_reads_its_buffer_at_the_bound_offset(renderer):
    enc = cleared_scene(renderer, fs=FS_UBO1)
    make_buffer(renderer, 3, 32, bind=VirglBind.CONSTANT_BUFFER,
                data=struct.pack("<8f", 1, 0, 0, 1, 0, 1, 0, 1))
    enc.set_uniform_buffer(shader_type=1, index=1, offset=16, length=16, res_handle=3)
    draw(enc)
    submit(renderer, enc)
    assert (read_back(renderer, 1, W, H) == GREEN).all()


FS_DUAL_SOURCE = """FRAG
DCL OUT[0], COLOR
DCL OUT[1], COLOR[1]
IMM[0] FLT32 {    0.0000,     0.0000,     0.0000,     1.0000}
IMM[1] FLT32 {    1.0000,     0.0000,     0.0000,     1.0000}
  0: MOV OUT[0], IMM[0]
  1: MOV OUT[1], IMM[1]
  2: END
"""


def test_dual_source_blending_weights_the_destination_by_the_second_colour(renderer):
    # result = src0 * ONE + dst * SRC1_COLOR = (0,0,0) + white * (1,0,0) = red
    enc = cleared_scene(renderer, fs=FS_DUAL_SOURCE, clear=(1.0, 1.0, 1.0, 1.0))
    rt = BlendTarget(1, 0, BlendFactor.ONE, BlendFactor.SRC1_COLOR, 0, BlendFactor.ONE, BlendFactor.ZERO, 0xF)
    enc.create_blend(handle=40, independent_blend_enable=0, logicop_enable=0, dither=0, alpha_to_coverage=0,
                     alpha_to_one=0, logicop_func=0, rt=(rt,) * 8)
    enc.bind_object(ObjectType.BLEND, 40)
    draw(enc)
    submit(renderer, enc)
    assert (read_back(renderer, 1, W, H) == RED).all()


@pytest.mark.parametrize("seamless", [0, 1])
def test_sampler_state_carries_seamless_cube_filtering_to_the_host(renderer, seamless):
    from OpenGL import GL   # after the backend package has chosen PyOpenGL's platform

    enc = start()
    enc.create_sampler_state(handle=50, seamless_cube_map=seamless, max_lod=1000.0, border_color=(0, 0, 0, 0))
    submit(renderer, enc)
    sampler = renderer.contexts[CTX].state.sub.table(ObjectType.SAMPLER_STATE)[50]
    value = np.zeros(1, np.int32)
    GL.glGetSamplerParameteriv(sampler.gl_name, GL.GL_TEXTURE_CUBE_MAP_SEAMLESS, value)
    assert int(value[0]) == seamless


@pytest.mark.parametrize("func, ref, alpha, drawn", [
    (1, 0.5, 0.25, True),     # LESS: 0.25 < 0.5 passes
    (1, 0.5, 1.0, False),     # LESS: 1.0 fails, the fragment is discarded
    (6, 0.5, 1.0, True),      # GEQUAL
    (0, 0.0, 1.0, False),     # NEVER
    (7, 0.0, 0.0, True),      # ALWAYS
])
def test_alpha_test_of_the_dsa_state_discards_failing_fragments(renderer, func, ref, alpha, drawn):
    # Compatibility-profile GL has glAlphaFunc; the host's core GL does not,
    # so the fragment shader variant does it.
    enc = cleared_scene(renderer, colour=(0.0, 1.0, 0.0, alpha))
    enc.create_dsa(handle=60, alpha_enabled=1, alpha_func=func, alpha_ref=ref)
    enc.bind_object(ObjectType.DSA, 60)
    draw(enc)
    submit(renderer, enc)
    px = read_back(renderer, 1, W, H)
    expected = [0, 255, 0, round(alpha * 255)] if drawn else CLEAR
    assert (px == expected).all()


CULL_FRONT, CULL_BACK = 1, 2


@pytest.mark.parametrize("window", [False, True])
@pytest.mark.parametrize("cull, drawn", [(CULL_BACK, True), (CULL_FRONT, False)])
def test_facing_follows_mesa_conventions_for_fbos_and_windows(renderer, window, cull, drawn):
    # BIG_TRIANGLE winds counter-clockwise in GL's y-up window space and the
    # app's glFrontFace is GL_CCW, so it is front-facing. Mesa's state tracker
    # sends that as front_ccw=0 with a positive y scale when drawing into an
    # FBO and as front_ccw=1 with a negative y scale when drawing to a window.
    from pyvirgl.decode import Viewport

    enc = cleared_scene(renderer)
    enc.add(rasterizer(70, front_ccw=int(window), cull_face=cull))
    enc.bind_object(ObjectType.RASTERIZER, 70)
    if window:
        enc.set_viewport_state(start_slot=0, viewports=(Viewport((W / 2, -H / 2, 0.5), (W / 2, H / 2, 0.5)),))
    draw(enc)
    submit(renderer, enc)
    assert (read_back(renderer, 1, W, H) == (GREEN if drawn else CLEAR)).all()


# IN[1] is fetched as integers (an R32G32B32A32_SINT/UINT element): the
# shader converts it with I2F/U2F, as Mesa does for ivec4/uvec4 attributes.
VS_INTEGER_ATTRIB = """VERT
DCL IN[0]
DCL IN[1]
DCL OUT[0], POSITION
DCL OUT[1], GENERIC[0]
DCL TEMP[0]
IMM[0] FLT32 {    0.1000,     0.0000,     0.0000,     0.0000}
  0: MOV OUT[0], IN[0]
  1: {convert} TEMP[0], IN[1]
  2: MUL OUT[1], TEMP[0], IMM[0].xxxx
  3: END
"""

FS_GENERIC_COLOUR = """FRAG
PROPERTY FS_COLOR0_WRITES_ALL_CBUFS 1
DCL IN[0], GENERIC[0], PERSPECTIVE
DCL OUT[0], COLOR
  0: MOV OUT[0], IN[0]
  1: END
"""


@pytest.mark.parametrize("fmt, convert, values", [
    (VirglFormat.R32G32B32A32_SINT, "I2F", (0, 10, 0, 10)),
    (VirglFormat.R32G32B32A32_UINT, "U2F", (0, 10, 0, 10)),
    (VirglFormat.R16G16B16A16_SINT, "I2F", (0, 10, 0, 10)),
])
def test_integer_vertex_attributes_reach_the_shader_as_integers(renderer, fmt, convert, values):
    from pyvirgl.decode import VertexBufferBinding, VertexElement

    enc = cleared_scene(renderer, fs=FS_GENERIC_COLOUR)
    enc.create_shader(handle=940, stage=0, text=VS_INTEGER_ATTRIB.replace("{convert}", convert))
    enc.bind_shader(handle=940, shader_type=0)
    packed = struct.pack("<4h" if fmt == VirglFormat.R16G16B16A16_SINT else "<4i", *values)
    make_buffer(renderer, 5, len(packed), data=packed)
    enc.create_vertex_elements(handle=941, elements=(
        VertexElement(0, 0, 0, VirglFormat.R32G32B32A32_FLOAT),
        VertexElement(0, 1, 1, fmt)))     # one value for the whole instance
    enc.bind_object(ObjectType.VERTEX_ELEMENTS, 941)
    enc.set_vertex_buffers(buffers=(VertexBufferBinding(16, 0, 2), VertexBufferBinding(0, 0, 5)))
    draw(enc)
    submit(renderer, enc)
    assert (read_back(renderer, 1, W, H) == GREEN).all()
    # llvmpipe happens to pass integer bits through a float input too; GL
    # leaves that undefined, so check the program declares an integer input.
    from OpenGL import GL
    program = GL.glGetIntegerv(GL.GL_CURRENT_PROGRAM)
    types = {}
    for i in range(GL.glGetProgramiv(program, GL.GL_ACTIVE_ATTRIBUTES)):
        with warnings.catch_warnings():   # PyOpenGL's own use of numpy's tostring()
            warnings.simplefilter("ignore", DeprecationWarning)
            name, _size, gl_type = GL.glGetActiveAttrib(program, i)
        types[GL.glGetAttribLocation(program, name)] = gl_type
    expected = GL.GL_UNSIGNED_INT_VEC4 if convert == "U2F" else GL.GL_INT_VEC4
    assert types[1] == expected and types[0] == GL.GL_FLOAT_VEC4


def _fetch_buffer_fs(kind: str) -> str:
    return f"""FRAG
PROPERTY FS_COLOR0_WRITES_ALL_CBUFS 1
DCL OUT[0], COLOR
DCL SAMP[0]
DCL SVIEW[0], BUFFER, {kind}
DCL TEMP[0]
IMM[0] INT32 {{0, 0, 0, 0}}
IMM[1] FLT32 {{0x3b808081, 0x3b808081, 0x3b808081, 0x3b808081}}
  0: TXF TEMP[0], IMM[0].xxxx, SAMP[0], BUFFER
  1: {"MOV OUT[0], TEMP[0]" if kind == "FLOAT" else "U2F TEMP[0], TEMP[0]"}
  2: {"END" if kind == "FLOAT" else "MUL OUT[0], TEMP[0], IMM[1]"}
{"" if kind == "FLOAT" else "  3: END"}
"""


@pytest.mark.parametrize("fmt, kind, texel, swizzle, expected", [
    # Legacy formats the host keeps in a red texture: the format's layout applies.
    (VirglFormat.A8_UNORM, "FLOAT", [200], (0, 1, 2, 3), [0, 0, 0, 200]),
    (VirglFormat.L8_UNORM, "FLOAT", [200], (0, 1, 2, 3), [200, 200, 200, 255]),
    (VirglFormat.I8_UNORM, "FLOAT", [200], (0, 1, 2, 3), [200, 200, 200, 200]),
    (VirglFormat.L8A8_UNORM, "FLOAT", [200, 100], (0, 1, 2, 3), [200, 200, 200, 100]),
    (VirglFormat.A8_UINT, "UINT", [255], (0, 1, 2, 3), [0, 0, 0, 255]),
    # And the view's own swizzle on a plain format: (B, ONE, ZERO, R).
    (VirglFormat.R8G8B8A8_UNORM, "FLOAT", [10, 20, 30, 40], (2, 5, 4, 0), [30, 255, 0, 10]),
])
def test_buffer_texel_fetch_reads_through_the_format_layout_and_view_swizzle(
        renderer, fmt, kind, texel, swizzle, expected):
    enc = cleared_scene(renderer, fs=_fetch_buffer_fs(kind))
    make_buffer(renderer, 3, 16, bind=VirglBind.SAMPLER_VIEW, data=bytes(texel).ljust(16, b"\0"))
    enc.create_sampler_view(handle=30, res_handle=3, format=fmt, target=TextureTarget.BUFFER, val0=0, val1=0,
                            swizzle_r=swizzle[0], swizzle_g=swizzle[1], swizzle_b=swizzle[2], swizzle_a=swizzle[3])
    enc.set_sampler_views(shader_type=1, start_slot=0, handles=(30,))
    draw(enc)
    submit(renderer, enc)
    r, g, b, a = expected
    assert (read_back(renderer, 1, W, H) == [b, g, r, a]).all()
