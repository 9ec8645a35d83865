"""ShaderKey effects, metadata conventions and the translation cache."""
from __future__ import annotations

import pytest

import gl_compile
from conftest import GOLDEN_HOST
from pyvirgl.shader import (
    COLOR_INT, ShaderError, ShaderKey, StreamOutput, TranslationCache, translate,
)

VS = """VERT
DCL IN[0]
DCL IN[1]
DCL OUT[0], POSITION
DCL OUT[1], COLOR
DCL OUT[2], BCOLOR
DCL OUT[3], GENERIC[0]
DCL OUT[4], PSIZE
DCL CONST[0..3]
DCL TEMP[0]
  0: MUL TEMP[0], IN[0].xxxx, CONST[0]
  1: MAD OUT[0], IN[0].yyyy, CONST[1], TEMP[0]
  2: MOV OUT[1], IN[1]
  3: MOV OUT[2], IN[1].wzyx
  4: MOV OUT[3], IN[0]
  5: MOV OUT[4].x, CONST[2].xxxx
  6: END
"""

FS = """FRAG
PROPERTY FS_COLOR0_WRITES_ALL_CBUFS 1
DCL IN[0], COLOR, COLOR
DCL IN[1], GENERIC[0], PERSPECTIVE
DCL IN[2], POSITION, LINEAR
DCL OUT[0], COLOR
DCL TEMP[0]
  0: ADD TEMP[0], IN[0], IN[1]
  1: MUL OUT[0], TEMP[0], IN[2].xxxx
  2: END
"""


def tr(text, **key):
    return translate(text, ShaderKey(**key), GOLDEN_HOST)


def test_vertex_metadata():
    out = tr(VS)
    assert [(v.location, v.name) for v in out.vertex_inputs] == [(0, "vs_in0"), (1, "vs_in1")]
    assert out.constant_blocks[0].guest_index == 0 and out.constant_blocks[0].size_bytes == 64
    assert {v.semantic for v in out.outputs} == {"COLOR[0]", "BCOLOR[0]", "GENERIC[0]"}
    assert "gl_PointSize = o4.x;" in out.glsl


def test_varyings_match_by_semantic_block_name():
    vs, fs = tr(VS), tr(FS)
    produced = {v.semantic: v.glsl_name for v in vs.outputs}
    for v in fs.inputs:
        assert produced[v.semantic] == v.glsl_name


def test_flatshade_and_two_side():
    assert "flat vec4 d" not in tr(FS).glsl
    assert "flat vec4 d" in tr(FS, flatshade=True).glsl
    two = tr(FS, color_two_side=True)
    assert "gl_FrontFacing ?" in two.glsl and any(v.semantic == "BCOLOR[0]" for v in two.inputs)


def test_color0_writes_all_cbufs_and_int_targets():
    out = tr(FS, nr_cbufs=3, cbuf_types=("float", COLOR_INT, "float"), alpha_to_one=True)
    assert [c.location for c in out.color_outputs] == [0, 1, 2]
    assert "layout(location = 1) out ivec4 fs_color1;" in out.glsl
    assert "fs_color1 = floatBitsToInt(o0);" in out.glsl
    assert "fs_color0 = vec4(o0.xyz, 1.0);" in out.glsl


@pytest.mark.parametrize("func, condition", [(1, "<"), (2, "=="), (3, "<="), (4, ">"), (5, "!="), (6, ">=")])
def test_alpha_test_discards_when_colour0_alpha_fails(func, condition):
    out = tr(FS, alpha_test_func=func)
    ref = out.driver_uniform("alpha_ref")
    assert ref and f"if (!(o0.w {condition} {ref})) discard;" in out.glsl
    assert out.uses_discard


def test_alpha_test_never_and_always():
    assert "discard;" in tr(FS, alpha_test_func=0).glsl
    always = tr(FS)
    assert "discard" not in always.glsl and not always.driver_uniform("alpha_ref")


def test_dual_source_blending():
    fs = FS.replace("PROPERTY FS_COLOR0_WRITES_ALL_CBUFS 1\n", "").replace(
        "DCL OUT[0], COLOR\n", "DCL OUT[0], COLOR\nDCL OUT[1], COLOR[1]\n").replace(
        "  2: END", "  2: MOV OUT[1], TEMP[0]\n  3: END")
    out = tr(fs, dual_src_blend=True)
    assert [(c.location, c.index) for c in out.color_outputs] == [(0, 0), (0, 1)]


def test_user_clip_planes_and_point_sprites():
    out = tr(VS, clip_plane_enable=0b101)
    name = out.driver_uniform("clip_planes")
    assert name and f"gl_ClipDistance[2] = dot(o0, {name}[2]);" in out.glsl
    assert "gl_ClipDistance[1] = 0.0;" in out.glsl
    sprite = tr(FS, sprite_coord_enable=1)
    assert "gl_PointCoord" in sprite.glsl and not any(v.semantic == "GENERIC[0]" for v in sprite.inputs)


def test_lower_left_frag_coord_uses_driver_uniform():
    fs = FS.replace("FRAG\n", "FRAG\nPROPERTY FS_COORD_ORIGIN LOWER_LEFT\n")
    out = tr(fs)
    assert out.driver_uniform("fb_height") in out.glsl


def test_stream_output_varyings():
    so = (StreamOutput(register=3, start_component=0, num_components=2, buffer=0, dst_offset=0),
          StreamOutput(register=1, start_component=1, num_components=3, buffer=0, dst_offset=4),
          StreamOutput(register=0, start_component=0, num_components=4, buffer=1, dst_offset=0))
    out = tr(VS, stream_outputs=so)
    assert out.xfb_varyings == ("vs_xfb0", "gl_SkipComponents2", "vs_xfb1", "gl_NextBuffer", "vs_xfb2")
    assert "vs_xfb1 = o1.yzw;" in out.glsl


def test_previous_stage_outputs_drop_unwritten_inputs():
    out = tr(FS, prev_stage_outputs=frozenset({"COLOR[0]"}))
    assert {v.semantic for v in out.inputs} == {"COLOR[0]"}


def test_no_guest_text_reaches_glsl():
    # Comments, odd spacing and lower case in the guest text never appear in the output.
    text = VS.replace("MUL", "mul").replace("CONST[0]", "CONST[ 0 ]")
    assert tr(text).glsl == tr(VS).glsl


def test_cache_hits_and_errors():
    cache = TranslationCache(max_entries=2)
    a = cache.translate(VS, ShaderKey(), GOLDEN_HOST)
    assert cache.translate(VS, ShaderKey(), GOLDEN_HOST) is a
    assert cache.hits == 1
    for _ in range(2):
        with pytest.raises(ShaderError):
            cache.translate("VERT\n 0: BOGUS\n", ShaderKey(), GOLDEN_HOST)
    cache.translate(FS, ShaderKey(), GOLDEN_HOST)
    cache.translate(FS, ShaderKey(flatshade=True), GOLDEN_HOST)
    assert len(cache) == 2


def test_missing_host_feature_is_refused():
    from pyvirgl.shader import HostShaderCaps
    cs = "COMP\nPROPERTY CS_FIXED_BLOCK_WIDTH 1\nDCL BUFFER[0]\nDCL TEMP[0]\nIMM[0] UINT32 {0, 0, 0, 0}\n" \
         "  0: LOAD TEMP[0].x, BUFFER[0], IMM[0].xxxx\n  1: END\n"
    with pytest.raises(ShaderError):
        translate(cs, ShaderKey(), HostShaderCaps(330, frozenset()))


@pytest.mark.gl
@pytest.mark.parametrize("key", [
    ShaderKey(), ShaderKey(flatshade=True, color_two_side=True), ShaderKey(clip_plane_enable=0xFF),
    ShaderKey(sprite_coord_enable=1, alpha_to_one=True, nr_cbufs=4, cbuf_types=("int", "uint")),
    ShaderKey(alpha_test_func=3), ShaderKey(alpha_test_func=0),
])
def test_keyed_variants_compile_and_link(host_gl, key):
    vs, fs = tr(VS, **key.__dict__), tr(FS, **key.__dict__)
    objs = []
    for out in (vs, fs):
        shader, log = gl_compile.compile_shader(out.stage, out.glsl)
        assert log is None, log
        objs.append(shader)
    assert gl_compile.link(objs) is None


SUBGROUP_CS = """COMP
PROPERTY CS_FIXED_BLOCK_WIDTH 64
DCL SV[0], SUBGROUP_INVOCATION
DCL SV[1], SUBGROUP_LT_MASK
DCL TEMP[0..1]
DCL BUFFER[0]
IMM[0] UINT32 {0, 0, 0, 0}
  0: VOTE_ANY TEMP[0].x, SV[0].xxxx
  1: VOTE_EQ TEMP[0].y, SV[0].xxxx
  2: BALLOT TEMP[1].xy, SV[0].xxxx
  3: READ_FIRST TEMP[0].z, SV[1].xxxx
  4: READ_INVOC TEMP[0].w, SV[1].yyyy, IMM[0].xxxx
  5: STORE BUFFER[0], IMM[0].xxxx, TEMP[0]
  6: END
"""


@pytest.mark.gl
def test_subgroup_operations_compile(host_gl):
    out = tr(SUBGROUP_CS)
    _shader, log = gl_compile.compile_shader("compute", out.glsl)
    assert log is None, log


def test_framebuffer_fetch_uses_inout_colour():
    out = tr("FRAG\nDCL OUT[0], COLOR\nDCL TEMP[0]\n  0: FBFETCH TEMP[0], OUT[0]\n"
             "  1: MUL OUT[0], TEMP[0], TEMP[0]\n  2: END\n")
    assert "inout vec4 fs_color0;" in out.glsl
    assert "#extension GL_EXT_shader_framebuffer_fetch : require" in out.glsl
    assert "t0 = fs_color0.xyzw;" in out.glsl


VS_PATCH_VARYING = """VERT
DCL IN[0]
DCL OUT[0], POSITION
DCL OUT[1], PATCH[0]
  0: MOV OUT[0], IN[0]
  1: MOV OUT[1], IN[0]
  2: END
"""

FS_PATCH_VARYING = """FRAG
DCL IN[0], PATCH[0], PERSPECTIVE
DCL OUT[0], COLOR
  0: MOV OUT[0], IN[0]
  1: END
"""


@pytest.mark.gl
def test_patch_labelled_varyings_outside_tessellation_are_per_vertex(host_gl):
    # Mesa 22.3 labels a vertex shader's varyings past GENERIC's range PATCH
    # (piglit ext_transform_feedback max-varyings); `patch out` is only legal
    # in a control shader, so they must be plain varyings matched by label.
    vs, fs = tr(VS_PATCH_VARYING), tr(FS_PATCH_VARYING)
    assert "patch " not in vs.glsl and "patch " not in fs.glsl
    assert {v.semantic for v in vs.outputs} & {v.semantic for v in fs.inputs}
    objs = []
    for out in (vs, fs):
        shader, log = gl_compile.compile_shader(out.stage, out.glsl)
        assert log is None, log
        objs.append(shader)
    assert gl_compile.link(objs) is None


# Mesa 22.3 declares MEMORY[0] only when the shader's shared_size is non-zero,
# but can still emit shared accesses (piglit shared-atomicexchange-int).
CS_SHARED_WITHOUT_DCL = """COMP
PROPERTY CS_FIXED_BLOCK_WIDTH 4
PROPERTY CS_FIXED_BLOCK_HEIGHT 1
PROPERTY CS_FIXED_BLOCK_DEPTH 1
DCL TEMP[0]
IMM[0] UINT32 {0, 7, 0, 0}
  0: STORE MEMORY[0].x, IMM[0].xxxx, IMM[0].yyyy
  1: ATOMXCHG TEMP[0].x, MEMORY[0], IMM[0].xxxx, IMM[0].yyyy
  2: END
"""


@pytest.mark.gl
def test_undeclared_shared_memory_in_compute_is_the_shared_block(host_gl):
    out = tr(CS_SHARED_WITHOUT_DCL)
    assert "shared" in out.glsl
    _shader, log = gl_compile.compile_shader("compute", out.glsl)
    assert log is None, log


def test_undeclared_memory_outside_compute_is_refused():
    with pytest.raises(ShaderError, match="undeclared register MEMORY"):
        tr("FRAG\nDCL TEMP[0]\nIMM[0] UINT32 {0, 0, 0, 0}\n  0: LOAD TEMP[0].x, MEMORY[0], IMM[0].xxxx\n  1: END\n")


# piglit glsl-4.20 frag-conversion-explicit-dvec3-vec3-zero-sign: Mesa converts
# one double per instruction and leaves it in the first pair of the source
# even when writing .y; virglrenderer reads it there.
FS_D2F_LONE_CHANNEL = """FRAG
DCL OUT[0], COLOR
DCL CONST[0..1]
DCL TEMP[0..1]
DCL TEMP[6]
  0: MOV TEMP[6].xy, CONST[0].xyxy
  1: D2F TEMP[0].x, TEMP[6]
  2: MOV TEMP[6].xy, CONST[0].zwzw
  3: D2F TEMP[0].y, TEMP[6]
  4: D2F TEMP[1].xy, CONST[1]
  5: ADD OUT[0], TEMP[0], TEMP[1]
  6: END
"""


def test_lone_d2f_channel_reads_the_first_source_pair():
    glsl = tr(FS_D2F_LONE_CHANNEL).glsl
    assert "t0.y = float(packDouble2x32(floatBitsToUint(t6.xy)));" in glsl
    # Two channels still take one pair each, as TGSI specifies.
    assert "t1.x = float(packDouble2x32(fs_c0[1].xy));" in glsl
    assert "t1.y = float(packDouble2x32(fs_c0[1].zw));" in glsl


PRECISE_VS = """VERT
DCL IN[0]
DCL OUT[0], POSITION
DCL OUT[1], GENERIC[0]
DCL TEMP[0..1]
  0: MUL_PRECISE TEMP[0], IN[0], IN[0].wwww
  1: ADD TEMP[1], TEMP[0], IN[0]
  2: MOV_PRECISE OUT[0], TEMP[0]
  3: MOV OUT[1], TEMP[1]
  4: END
"""


@pytest.mark.gl
def test_precise_instructions_make_their_registers_precise():
    # Only what a _PRECISE instruction writes: the GLSL compiler then keeps
    # every computation that flows into it exact.
    out = tr(PRECISE_VS)
    decls = [line for line in out.glsl.splitlines() if "vec4" in line and "=" in line and "(" not in line[:6]]
    precise = {line.split()[2] for line in decls if line.startswith("precise ")}
    assert len(precise) == 2, out.glsl   # TEMP[0] and OUT[0]: not TEMP[1], not OUT[1]
    assert "precise vec4 o0 = vec4(0.0);" in out.glsl
    name, err = gl_compile.compile_shader("vertex", out.glsl)
    assert err is None, err
