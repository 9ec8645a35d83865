"""The GL 4.0 pieces the caps promise, executed on host GL and read back exactly:
tessellation (with and without a control shader), textureGather and doubles.
"""
from __future__ import annotations

import struct

import pytest

from pyvirgl.errors import GuestError
from pyvirgl.protocol.formats import VirglFormat
from pyvirgl.protocol.types import Box, ResourceTemplate
from pyvirgl.protocol.virgl import ClearFlags, ObjectType, TextureTarget, VirglBind
from renderer_gl_helpers import CTX, colour_pipeline, draw, make_target, read_back, start

pytestmark = pytest.mark.gl

W, H = 8, 4
GREEN = [0, 255, 0, 255]   # B8G8R8A8 bytes
CLEAR = [0, 0, 0, 0]
PATCHES = 14


def scene(r, fs=None):
    make_target(r, 1, W, H)
    enc = start(10, 1)
    enc.clear(buffers=ClearFlags.COLOR0, color=(0, 0, 0, 0), depth=1.0, stencil=0)
    colour_pipeline(enc, r, 2, W, H, **({"fs": fs} if fs is not None else {}))
    return enc


def submit(r, enc) -> None:
    r.submit(CTX, bytes(enc))
    assert r.contexts[CTX].failed is None, r.contexts[CTX].failed


# Evaluation: the barycentric mix of the patch's three positions, moved one
# unit right in clip space, so only the right half of the target is covered.
TES_SHIFT_RIGHT = """TESS_EVAL
PROPERTY TES_PRIM_MODE 4
PROPERTY TES_SPACING 2
PROPERTY TES_VERTEX_ORDER_CW 0
PROPERTY TES_POINT_MODE 0
DCL IN[][0], POSITION
DCL SV[0], TESSCOORD
DCL OUT[0], POSITION
DCL TEMP[0]
IMM[0] FLT32 {    1.0000,     0.0000,     0.0000,     0.0000}
  0: MUL TEMP[0], IN[0][0], SV[0].xxxx
  1: MAD TEMP[0], IN[1][0], SV[0].yyyy, TEMP[0]
  2: MAD TEMP[0], IN[2][0], SV[0].zzzz, TEMP[0]
  3: ADD OUT[0], TEMP[0], IMM[0]
  4: END
"""

# Control: copy each vertex's position and ask for level-2 tessellation.
TCS_PASS = """TESS_CTRL
PROPERTY TCS_VERTICES_OUT 3
DCL IN[][0], POSITION
DCL SV[0], INVOCATIONID
DCL OUT[0], TESSOUTER
DCL OUT[1], TESSINNER
DCL OUT[][2], POSITION
DCL TEMP[0]
DCL ADDR[0]
IMM[0] FLT32 {    2.0000,     0.0000,     0.0000,     0.0000}
  0: MOV OUT[0], IMM[0].xxxx
  1: MOV OUT[1], IMM[0].xxxx
  2: UARL ADDR[0].x, SV[0].xxxx
  3: MOV TEMP[0], IN[ADDR[0].x][0]
  4: MOV OUT[ADDR[0].x][2], TEMP[0]
  5: END
"""


@pytest.mark.parametrize("with_control", [False, True])
def test_tessellated_patches_cover_what_the_evaluation_shader_places(renderer, with_control):
    enc = scene(renderer)
    enc.create_shader(handle=960, stage=4, text=TES_SHIFT_RIGHT)
    enc.bind_shader(handle=960, shader_type=4)
    if with_control:
        enc.create_shader(handle=961, stage=3, text=TCS_PASS)
        enc.bind_shader(handle=961, shader_type=3)
    else:
        enc.set_tess_state(outer=(1.0, 1.0, 1.0, 1.0), inner=(1.0, 1.0))
    draw(enc, mode=PATCHES, vertices_per_patch=3)
    submit(renderer, enc)
    px = read_back(renderer, 1, W, H)
    assert (px[:, : W // 2] == CLEAR).all()
    assert (px[:, W // 2:] == GREEN).all()


FS_GATHER_GREEN = """FRAG
PROPERTY FS_COLOR0_WRITES_ALL_CBUFS 1
DCL OUT[0], COLOR
DCL SAMP[0]
DCL SVIEW[0], 2D, FLOAT
DCL TEMP[0]
IMM[0] FLT32 {    0.5000,     0.5000,     0.0000,     0.0000}
IMM[1] UINT32 {1, 0, 0, 0}
  0: TG4 TEMP[0], IMM[0], IMM[1].xxxx, SAMP[0], 2D
  1: MOV OUT[0], TEMP[0]
  2: END
"""


def test_texture_gather_returns_one_component_of_four_texels(renderer):
    enc = scene(renderer, fs=FS_GATHER_GREEN)
    # A 2x2 RGBA8 texture whose green channels are 0, 255, 0, 255; gathering
    # green at the centre returns those four values (in GL's gather order:
    # (0,1), (1,1), (1,0), (0,0)) as the output colour.
    renderer.create_resource(CTX, ResourceTemplate(3, TextureTarget.TEXTURE_2D, VirglFormat.R8G8B8A8_UNORM,
                                                   VirglBind.SAMPLER_VIEW, 2, 2, 1, 1, 0, 0))
    texels = bytes([9, 0, 9, 9, 9, 255, 9, 9,      # row 0: (0,0) green 0, (1,0) green 255
                    9, 0, 9, 9, 9, 255, 9, 9])     # row 1: (0,1) green 0, (1,1) green 255
    renderer.transfer_write(CTX, 3, 0, Box(0, 0, 0, 2, 2, 1), stride=8, layer_stride=0, offset=0,
                            source=memoryview(texels))
    enc.create_sampler_view(handle=31, res_handle=3, format=VirglFormat.R8G8B8A8_UNORM,
                            target=TextureTarget.TEXTURE_2D, val0=0, val1=0, swizzle_r=0, swizzle_g=1,
                            swizzle_b=2, swizzle_a=3)
    enc.set_sampler_views(shader_type=1, start_slot=0, handles=(31,))
    enc.create_sampler_state(handle=51, max_lod=1000.0, border_color=(0, 0, 0, 0))
    enc.bind_sampler_states(shader_type=1, start_slot=0, handles=(51,))
    draw(enc)
    submit(renderer, enc)
    # gather = ((0,1).g, (1,1).g, (1,0).g, (0,0).g) = (0, 255, 255, 0) -> BGRA bytes
    assert (read_back(renderer, 1, W, H) == [255, 255, 0, 0]).all()


# 1.00000001 and 1.0 (printed the way Mesa's TGSI dump prints doubles, %10.8f)
# differ as doubles but are the same float: green only if the comparison
# really ran in double precision.
FS_DOUBLES = """FRAG
PROPERTY FS_COLOR0_WRITES_ALL_CBUFS 1
DCL OUT[0], COLOR
DCL TEMP[0..1]
IMM[0] FLT64 {1.00000001, 1.00000000}
IMM[1] FLT32 {    0.0000,     1.0000,     0.0000,     1.0000}
IMM[2] FLT32 {    1.0000,     0.0000,     0.0000,     1.0000}
  0: DADD TEMP[0].xy, IMM[0].xyxy, IMM[0].zwzw
  1: DSNE TEMP[1].x, IMM[0].xyxy, IMM[0].zwzw
  2: UIF TEMP[1].xxxx :4
  3:   MOV OUT[0], IMM[1]
  4: ELSE :6
  5:   MOV OUT[0], IMM[2]
  6: ENDIF
  7: END
"""


def test_double_precision_arithmetic_runs_in_doubles(renderer):
    enc = scene(renderer, fs=FS_DOUBLES)
    draw(enc)
    submit(renderer, enc)
    assert (read_back(renderer, 1, W, H) == GREEN).all()


# Every primitive goes to viewport 1 (gl_ViewportIndex from the geometry stage).
GS_TO_VIEWPORT_1 = """GEOM
PROPERTY GS_INPUT_PRIMITIVE TRIANGLES
PROPERTY GS_OUTPUT_PRIMITIVE TRIANGLE_STRIP
PROPERTY GS_MAX_OUTPUT_VERTICES 3
PROPERTY GS_INVOCATIONS 1
DCL IN[][0], POSITION
DCL OUT[0], POSITION
DCL OUT[1].x, VIEWPORT_INDEX
DCL TEMP[0]
IMM[0] UINT32 {0, 1, 0, 0}
  0: MOV OUT[0], IN[0][0]
  1: MOV OUT[1].x, IMM[0].yyyy
  2: EMIT IMM[0].xxxx
  3: MOV OUT[0], IN[1][0]
  4: MOV OUT[1].x, IMM[0].yyyy
  5: EMIT IMM[0].xxxx
  6: MOV OUT[0], IN[2][0]
  7: MOV OUT[1].x, IMM[0].yyyy
  8: EMIT IMM[0].xxxx
  9: ENDPRIM IMM[0].xxxx
 10: END
"""


def test_viewport_array_index_from_the_geometry_shader(renderer):
    from pyvirgl.decode import Viewport

    enc = scene(renderer)
    half = W / 4   # each viewport is half the target wide
    enc.set_viewport_state(start_slot=0, viewports=(
        Viewport((half, H / 2, 0.5), (half, H / 2, 0.5)),             # left half
        Viewport((half, H / 2, 0.5), (W / 2 + half, H / 2, 0.5))))    # right half
    enc.create_shader(handle=970, stage=2, text=GS_TO_VIEWPORT_1)
    enc.bind_shader(handle=970, shader_type=2)
    draw(enc)
    submit(renderer, enc)
    px = read_back(renderer, 1, W, H)
    assert (px[:, : W // 2] == CLEAR).all()
    assert (px[:, W // 2:] == GREEN).all()


GS_POINTS_IN = """GEOM
PROPERTY GS_INPUT_PRIMITIVE POINTS
PROPERTY GS_OUTPUT_PRIMITIVE POINTS
PROPERTY GS_MAX_OUTPUT_VERTICES 1
PROPERTY GS_INVOCATIONS 1
DCL IN[][0], POSITION
DCL OUT[0], POSITION
IMM[0] UINT32 {0, 0, 0, 0}
  0: MOV OUT[0], IN[0][0]
  1: EMIT IMM[0].xxxx
  2: END
"""

TRIANGLES, POINTS = 4, 0


def _bind_tess(enc):
    enc.create_shader(handle=960, stage=4, text=TES_SHIFT_RIGHT)
    enc.bind_shader(handle=960, shader_type=4)


def _bind_points_gs(enc):
    enc.create_shader(handle=950, stage=2, text=GS_POINTS_IN)
    enc.bind_shader(handle=950, shader_type=2)


@pytest.mark.parametrize("bind, mode, reason", [
    (None, PATCHES, "patches need a tessellation evaluation shader"),
    (_bind_tess, TRIANGLES, "tessellation shaders draw patches only"),
    (_bind_points_gs, TRIANGLES, "geometry shader takes points"),
    (lambda enc: (_bind_tess(enc), _bind_points_gs(enc)), PATCHES, "geometry shader takes points"),
])
def test_draw_modes_the_bound_stages_cannot_take_fail_the_context(renderer, bind, mode, reason):
    # GL refuses such draws with GL_INVALID_OPERATION; pyvirgl names the guest's mistake instead.
    enc = scene(renderer)
    if bind is not None:
        bind(enc)
    draw(enc, mode=mode, vertices_per_patch=3 if mode == PATCHES else 0)
    with pytest.raises(GuestError, match=f"DRAW_VBO.*{reason}"):
        renderer.submit(CTX, bytes(enc))
    assert renderer.contexts[CTX].failed


def test_points_reach_a_geometry_shader_that_takes_points(renderer):
    enc = scene(renderer)
    _bind_points_gs(enc)
    draw(enc, mode=POINTS, count=1)
    submit(renderer, enc)


VS_CULL = """VERT
PROPERTY NUM_CULLDIST_ENABLED 1
DCL IN[0]
DCL OUT[0], POSITION
DCL OUT[1], CLIPDIST[0]
IMM[0] FLT32 {{ {distance:.4f},     0.0000,     0.0000,     0.0000}}
  0: MOV OUT[0], IN[0]
  1: MOV OUT[1].x, IMM[0].xxxx
  2: END
"""


@pytest.mark.parametrize("distance, drawn", [(-1.0, False), (1.0, True)])
def test_cull_distance_negative_at_every_vertex_drops_the_primitive(renderer, distance, drawn):
    enc = scene(renderer)
    enc.create_shader(handle=970, stage=0, text=VS_CULL.format(distance=distance))
    enc.bind_shader(handle=970, shader_type=0)
    draw(enc)
    submit(renderer, enc)
    assert (read_back(renderer, 1, W, H) == (GREEN if drawn else CLEAR)).all()


@pytest.mark.parametrize("per_sample", [False, True])
def test_sample_shading_runs_the_fragment_shader_once_per_sample(renderer, per_sample):
    from pyvirgl.decode import ShaderBufferBinding
    from renderer_gl_helpers import FS_COUNT, make_buffer, rasterizer, read_buffer

    renderer.create_resource(CTX, ResourceTemplate(1, TextureTarget.TEXTURE_2D, VirglFormat.B8G8R8A8_UNORM,
                                                   VirglBind.RENDER_TARGET, W, H, 1, 1, 0, 4))
    make_buffer(renderer, 5, 4, bind=VirglBind.SHADER_BUFFER, data=bytes(4))
    enc = start(10, 1)
    colour_pipeline(enc, renderer, 2, W, H, fs=FS_COUNT)
    enc.add(rasterizer(70, multisample=1, force_persample_interp=int(per_sample)))
    enc.bind_object(ObjectType.RASTERIZER, 70)
    enc.set_min_samples(min_samples=4 if per_sample else 1)
    enc.set_atomic_buffers(start_slot=0, buffers=(ShaderBufferBinding(0, 4, 5),))
    draw(enc)
    enc.memory_barrier(flags=(1 << 14) - 1)
    submit(renderer, enc)
    invocations = struct.unpack("<I", read_buffer(renderer, 5, 4))[0]
    if per_sample:
        assert invocations == W * H * 4
    else:   # once per pixel (llvmpipe adds a few along the triangle's edge)
        assert W * H <= invocations < W * H * 2


FS_TXQS = """FRAG
PROPERTY FS_COLOR0_WRITES_ALL_CBUFS 1
DCL OUT[0], COLOR
DCL SAMP[0]
DCL SVIEW[0], 2D_MSAA, FLOAT
DCL TEMP[0]
IMM[0] FLT32 {    0.2500,     0.0000,     0.0000,     1.0000}
  0: TXQS TEMP[0].x, SAMP[0], 2D_MSAA
  1: I2F TEMP[0].x, TEMP[0].xxxx
  2: MUL TEMP[0].x, TEMP[0].xxxx, IMM[0].xxxx
  3: MOV TEMP[0].yzw, IMM[0].yyyw
  4: MOV OUT[0], TEMP[0]
  5: END
"""


def test_texture_samples_query_reports_the_view_samples(renderer):
    # 4 samples * 0.25 = 1.0 in red.
    renderer.create_resource(CTX, ResourceTemplate(3, TextureTarget.TEXTURE_2D, VirglFormat.R8G8B8A8_UNORM,
                                                   VirglBind.SAMPLER_VIEW | VirglBind.RENDER_TARGET,
                                                   4, 4, 1, 1, 0, 4))
    enc = scene(renderer, fs=FS_TXQS)
    enc.create_sampler_view(handle=30, res_handle=3, format=VirglFormat.R8G8B8A8_UNORM,
                            target=TextureTarget.TEXTURE_2D, val0=0, val1=0,
                            swizzle_r=0, swizzle_g=1, swizzle_b=2, swizzle_a=3)
    enc.set_sampler_views(shader_type=1, start_slot=0, handles=(30,))
    draw(enc)
    submit(renderer, enc)
    assert (read_back(renderer, 1, W, H) == [0, 0, 255, 255]).all()


def test_a_shader_whose_text_is_another_stage_is_refused(renderer):
    # A VERT program sent as the fragment stage would be translated as a
    # vertex shader and handed to GL as a fragment one (fuzzer finding).
    from renderer_gl_helpers import VS
    enc = start()
    enc.create_shader(handle=980, stage=1, text=VS)
    with pytest.raises(GuestError, match="VERT TGSI sent as stage fs"):
        renderer.submit(CTX, bytes(enc))
    assert renderer.contexts[CTX].failed


def test_a_bound_shader_handle_reused_for_another_stage_is_refused_at_the_draw(renderer):
    # Destroy the bound fragment shader and create a vertex shader under its
    # handle: the fragment slot must not hand vertex GLSL to GL (fuzzer finding).
    from renderer_gl_helpers import VS
    enc = scene(renderer)
    enc.destroy_object(ObjectType.SHADER, 901)          # colour_pipeline's fragment shader
    enc.create_shader(handle=901, stage=0, text=VS)
    draw(enc)
    with pytest.raises(GuestError, match="shader 901 bound as stage 1 is now stage 0"):
        renderer.submit(CTX, bytes(enc))


# The VS's varying carries green; the FS reads it with an auxiliary qualifier
# the VS text knows nothing about (piglit interpolateatcentroid-centroid).
VS_GREEN_VARYING = """VERT
DCL IN[0]
DCL OUT[0], POSITION
DCL OUT[1].xy, GENERIC[9]
IMM[0] FLT32 {0.0000, 1.0000, 0.0000, 0.0000}
  0: MOV OUT[0], IN[0]
  1: MOV OUT[1].xy, IMM[0].xyxx
  2: END
"""

FS_VARYING_GREEN = """FRAG
DCL IN[0].xy, GENERIC[9], PERSPECTIVE, {location}
DCL OUT[0], COLOR
IMM[0] FLT32 {{0.0000, 1.0000, 0.0000, 0.0000}}
  0: MOV OUT[0].xy, IN[0].xyxx
  1: MOV OUT[0].zw, IMM[0].xxxy
  2: END
"""


@pytest.mark.parametrize("location", ["CENTROID", "SAMPLE"])
def test_varying_links_whatever_auxiliary_qualifier_the_fragment_shader_gives_it(renderer, location):
    make_target(renderer, 1, W, H)
    enc = start(10, 1)
    enc.clear(buffers=ClearFlags.COLOR0, color=(0, 0, 0, 0), depth=1.0, stencil=0)
    colour_pipeline(enc, renderer, 2, W, H, vs=VS_GREEN_VARYING, fs=FS_VARYING_GREEN.format(location=location))
    draw(enc)
    submit(renderer, enc)
    assert (read_back(renderer, 1, W, H) == GREEN).all()
