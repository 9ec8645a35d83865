"""Stage interfaces that must link on the host: TGSI captured from Mesa 22.3.6's
virgl driver running piglit tests (through `pyvirgl serve --dump-shaders`),
translated with the keys the draw path builds, compiled and linked on host GL."""
from __future__ import annotations

import pytest

import gl_compile
from conftest import GOLDEN_HOST
from pyvirgl.shader import ShaderError, ShaderKey, fragment_input_qualifiers, parse, translate
from pyvirgl.shader.tgsi.names import Processor


def tr(text, **key):
    return translate(text, ShaderKey(**key), GOLDEN_HOST)


def chain(*stages, **fs_key):
    """Translate stages in draw order, keyed as DrawContext._keys does: each with
    its predecessor's outputs, the one before the last with the last's input
    qualifiers; `fs_key` goes to the last one."""
    out, prev = [], None
    last = parse(stages[-1])
    interp = fragment_input_qualifiers(last, fs_key.get("flatshade", False),
                                       fs_key.get("color_two_side", False))
    for i, text in enumerate(stages):
        key = dict(fs_key) if i == len(stages) - 1 else {}
        if i == len(stages) - 2 and last.processor == Processor.FRAG:
            key["fs_input_qualifiers"] = interp
        if prev is not None:
            key["prev_stage_outputs"] = frozenset(v.semantic for v in prev.outputs)
        prev = tr(text, **key)
        out.append(prev)
    return out


def assert_links(translated):
    objs = []
    for t in translated:
        shader, log = gl_compile.compile_shader(t.stage, t.glsl)
        assert log is None, log
        objs.append(shader)
    log = gl_compile.link(objs)
    assert log is None, log


# ---- two-sided colour where the VS writes only one side
# piglit glsl-1.30 interpolation-noperspective-gl_frontcolor-smooth-none
VS_FRONT_COLOR_ONLY = """VERT
DCL IN[0]
DCL IN[1]
DCL OUT[0], POSITION
DCL OUT[1], COLOR
DCL CONST[0..3]
DCL TEMP[0..2]
DCL TEMP[3..6]
DCL TEMP[7]
  0: MUL TEMP[0], CONST[1], IN[0].yyyy
  1: MAD TEMP[1], CONST[0], IN[0].xxxx, TEMP[0]
  2: MAD TEMP[2], CONST[2], IN[0].zzzz, TEMP[1]
  3: MAD OUT[0], CONST[3], IN[0].wwww, TEMP[2]
  4: MOV_SAT TEMP[7], IN[1]
  5: MOV OUT[1], TEMP[7]
  6: END
"""

FS_COLOR_LINEAR = """FRAG
PROPERTY FS_COLOR0_WRITES_ALL_CBUFS 1
DCL IN[0], COLOR, LINEAR
DCL OUT[0], COLOR
DCL TEMP[0..3]
  0: MOV OUT[0], IN[0]
  1: END
"""

# piglit glsl-1.10 interpolation-none-gl_backsecondarycolor-flat-none
VS_BACK_SECONDARY_ONLY = """VERT
DCL IN[0]
DCL IN[1]
DCL OUT[0], POSITION
DCL OUT[1], BCOLOR[1]
DCL CONST[0..3]
DCL TEMP[0..2]
DCL TEMP[3..6]
  0: MUL TEMP[0], CONST[1], IN[0].yyyy
  1: MAD TEMP[1], CONST[0], IN[0].xxxx, TEMP[0]
  2: MAD TEMP[2], CONST[2], IN[0].zzzz, TEMP[1]
  3: MAD OUT[0], CONST[3], IN[0].wwww, TEMP[2]
  4: MOV_SAT OUT[1], IN[1]
  5: END
"""

FS_SECONDARY_COLOR = """FRAG
PROPERTY FS_COLOR0_WRITES_ALL_CBUFS 1
DCL IN[0], COLOR[1], COLOR
DCL OUT[0], COLOR
DCL TEMP[0..3]
  0: MOV OUT[0], IN[0]
  1: END
"""


@pytest.mark.gl
def test_two_sided_colour_without_back_colour_reads_the_front(host_gl):
    vs, fs = chain(VS_FRONT_COLOR_ONLY, FS_COLOR_LINEAR, color_two_side=True)
    assert {v.semantic for v in fs.inputs} == {"COLOR[0]"}
    assert "gl_FrontFacing" not in fs.glsl
    assert_links([vs, fs])


@pytest.mark.gl
def test_two_sided_colour_without_front_colour_reads_the_back(host_gl):
    vs, fs = chain(VS_BACK_SECONDARY_ONLY, FS_SECONDARY_COLOR, color_two_side=True)
    assert {v.semantic for v in fs.inputs} == {"BCOLOR[1]"}
    assert_links([vs, fs])


def test_two_sided_colour_with_neither_side_reads_the_default():
    fs = tr(FS_COLOR_LINEAR, color_two_side=True, prev_stage_outputs=frozenset())
    assert not fs.inputs
    assert "vec4(0.0, 0.0, 0.0, 1.0)" in fs.glsl


# ---- tessellation stages share gl_PerVertex arrays: same #version in both
VS_PASS = """VERT
DCL IN[0]
DCL OUT[0], POSITION
DCL OUT[1], GENERIC[9]
  0: MOV OUT[0], IN[0]
  1: MOV OUT[1], IN[0]
  2: END
"""

# Shaped like piglit arb_tessellation_shader variable-indexing's control shader.
TCS_PASS = """TESS_CTRL
PROPERTY TCS_VERTICES_OUT 4
DCL IN[][0], POSITION
DCL IN[][1], GENERIC[9]
DCL SV[0], INVOCATIONID
DCL OUT[][0], POSITION
DCL OUT[][1], GENERIC[9]
DCL OUT[2], TESSOUTER
DCL OUT[3], TESSINNER
DCL TEMP[0]
DCL ADDR[0]
IMM[0] FLT32 {1.0000, 0.0000, 0.0000, 0.0000}
  0: UARL ADDR[0].x, SV[0].xxxx
  1: MOV OUT[ADDR[0].x][0], IN[ADDR[0].x][0]
  2: MOV OUT[ADDR[0].x][1], IN[ADDR[0].x][1]
  3: MOV OUT[2], IMM[0].xxxx
  4: MOV OUT[3].xy, IMM[0].xxxx
  5: END
"""

# UCMP needs GLSL 4.50's integer mix(); the control shader alone would be 4.00.
TES_UCMP = """TESS_EVAL
PROPERTY TES_PRIM_MODE 7
PROPERTY TES_SPACING 2
PROPERTY TES_VERTEX_ORDER_CW 0
PROPERTY TES_POINT_MODE 0
DCL IN[][0], POSITION
DCL IN[][1], GENERIC[9]
DCL SV[0], TESSCOORD
DCL OUT[0], POSITION
DCL OUT[1], GENERIC[9]
DCL TEMP[0..1]
IMM[0] UINT32 {0, 1065353216, 0, 0}
  0: LRP TEMP[0], SV[0].xxxx, IN[1][0], IN[0][0]
  1: FSEQ TEMP[1].x, SV[0].xxxx, IMM[0].xxxx
  2: UCMP TEMP[1], TEMP[1].xxxx, IMM[0].yxxy, IN[0][1]
  3: MOV OUT[0], TEMP[0]
  4: MOV OUT[1], TEMP[1]
  5: END
"""

FS_GENERIC9 = """FRAG
DCL IN[0], GENERIC[9], PERSPECTIVE
DCL OUT[0], COLOR
  0: MOV OUT[0], IN[0]
  1: END
"""


@pytest.mark.gl
def test_tessellation_stages_share_one_glsl_version(host_gl):
    stages = chain(VS_PASS, TCS_PASS, TES_UCMP, FS_GENERIC9)
    tcs, tes = stages[1], stages[2]
    assert tcs.glsl.splitlines()[0] == tes.glsl.splitlines()[0]
    assert_links(stages)


# ---- varyings past GENERIC[31]: written as PATCH[i], read as GENERIC[32 + i]
# (piglit ext_transform_feedback max-varyings and arb_tessellation_shader
# vs-output-array-*-index-wr-before-tcs, trimmed to the last two varyings)
VS_OVERFLOW = """VERT
DCL IN[0]
DCL OUT[0], POSITION
DCL OUT[1].xy, GENERIC[31]
DCL OUT[2].xy, PATCH
  0: MOV OUT[0], IN[0]
  1: MOV OUT[1].xy, IN[0].xyxx
  2: MOV OUT[2].xy, IN[0].zwxx
  3: END
"""

FS_OVERFLOW = """FRAG
DCL IN[0], GENERIC[31], PERSPECTIVE
DCL IN[1], GENERIC[32], PERSPECTIVE
DCL OUT[0], COLOR
  0: ADD OUT[0], IN[0], IN[1]
  1: END
"""

TCS_OVERFLOW = """TESS_CTRL
PROPERTY TCS_VERTICES_OUT 3
DCL IN[][0], POSITION
DCL IN[][1], GENERIC[31]
DCL IN[][2], GENERIC[32]
DCL SV[0], INVOCATIONID
DCL OUT[][0], POSITION
DCL OUT[1], TESSOUTER
DCL OUT[2].xy, TESSINNER
DCL OUT[][3], GENERIC[9]
DCL ADDR[0]
  0: UARL ADDR[0].x, SV[0].xxxx
  1: MOV OUT[ADDR[0].x][0], IN[ADDR[0].x][0]
  2: ADD OUT[ADDR[0].x][3], IN[ADDR[0].x][1], IN[ADDR[0].x][2]
  3: MOV OUT[1], IN[0][0].xxxx
  4: MOV OUT[2].xy, IN[0][0].xxxx
  5: END
"""

TES_TRIANGLES = """TESS_EVAL
PROPERTY TES_PRIM_MODE 4
DCL IN[][0], POSITION
DCL IN[][1], GENERIC[9]
DCL SV[0], TESSCOORD
DCL OUT[0], POSITION
DCL OUT[1], GENERIC[9]
DCL TEMP[0]
  0: MUL TEMP[0], SV[0].xxxx, IN[0][0]
  1: MAD TEMP[0], SV[0].yyyy, IN[1][0], TEMP[0]
  2: MAD OUT[0], SV[0].zzzz, IN[2][0], TEMP[0]
  3: MOV OUT[1], IN[0][1]
  4: END
"""


@pytest.mark.gl
def test_patch_labelled_vs_output_is_the_next_stages_generic_32(host_gl):
    vs, fs = chain(VS_OVERFLOW, FS_OVERFLOW)
    assert {v.semantic for v in vs.outputs} == {"GENERIC[31]", "GENERIC[32]"}
    assert {v.semantic for v in fs.inputs} == {"GENERIC[31]", "GENERIC[32]"}
    assert_links([vs, fs])
    assert_links(chain(VS_OVERFLOW, TCS_OVERFLOW, TES_TRIANGLES, FS_GENERIC9))


# ---- interpolation qualifiers of FS inputs repeated on the producer's block
# piglit arb_gpu_shader5-interpolateatcentroid-centroid
VS_GENERIC9_XY = """VERT
DCL IN[0]
DCL OUT[0], POSITION
DCL OUT[1].xy, GENERIC[9]
IMM[0] UINT32 {0, 1065353216, 0, 0}
DCL TEMP[0..3]
  0: MOV OUT[0].xy, IN[0].xyyy
  1: MOV OUT[0].zw, IMM[0].xyxy
  2: MOV OUT[1].xy, IN[0].xyxx
  3: END
"""

FS_CENTROID = """FRAG
PROPERTY FS_COLOR0_WRITES_ALL_CBUFS 1
DCL IN[0].xy, GENERIC[9], PERSPECTIVE, CENTROID
DCL OUT[0], COLOR
IMM[0] UINT32 {0, 1065353216, 0, 0}
DCL TEMP[0..3]
  0: MOV OUT[0], IMM[0].xxxy
  1: END
"""


@pytest.mark.gl
@pytest.mark.parametrize("words", ["CENTROID", "SAMPLE"])
@pytest.mark.parametrize("interp", ["PERSPECTIVE", "LINEAR", "CONSTANT"])
def test_producer_repeats_fs_interpolation_qualifiers(host_gl, interp, words):
    fs_text = FS_CENTROID.replace("PERSPECTIVE, CENTROID", f"{interp}, {words}")
    vs, fs = chain(VS_GENERIC9_XY, fs_text)
    qual = {"PERSPECTIVE": "", "LINEAR": "noperspective ", "CONSTANT": "flat "}[interp] + words.lower()
    assert f"out V_generic9 {{ {qual} vec4 d; }}" in vs.glsl
    assert_links([vs, fs])
    assert_links(chain(VS_GENERIC9_XY, GS_GENERIC9, fs_text))


GS_GENERIC9 = """GEOM
PROPERTY GS_INPUT_PRIMITIVE TRIANGLES
PROPERTY GS_OUTPUT_PRIMITIVE TRIANGLE_STRIP
PROPERTY GS_MAX_OUTPUT_VERTICES 3
PROPERTY GS_INVOCATIONS 1
DCL IN[][0], POSITION
DCL IN[][1], GENERIC[9]
DCL OUT[0], POSITION
DCL OUT[1], GENERIC[9]
IMM[0] UINT32 {0, 1, 2, 0}
  0: MOV OUT[0], IN[0][0]
  1: MOV OUT[1], IN[0][1]
  2: EMIT IMM[0].xxxx
  3: MOV OUT[0], IN[1][0]
  4: MOV OUT[1], IN[1][1]
  5: EMIT IMM[0].xxxx
  6: MOV OUT[0], IN[2][0]
  7: MOV OUT[1], IN[2][1]
  8: EMIT IMM[0].xxxx
  9: END
"""


def test_two_sided_back_colour_takes_the_colour_qualifiers():
    fs = parse(FS_SECONDARY_COLOR.replace("COLOR[1], COLOR", "COLOR[1], COLOR, CENTROID"))
    assert fragment_input_qualifiers(fs, flatshade=True, color_two_side=True) == (
        ("BCOLOR[1]", "flat centroid"), ("COLOR[1]", "flat centroid"))
    assert fragment_input_qualifiers(fs) == (("COLOR[1]", "centroid"),)


# ---- CLIPDIST written without NUM_CLIPDIST_ENABLED (implicitly sized gl_ClipDistance)
# piglit glsl-1.30 interpolation-flat-gl_backcolor-smooth-distance
VS_CLIPDIST_NO_PROPERTY = """VERT
DCL IN[0]
DCL IN[1]
DCL OUT[0], POSITION
DCL OUT[1], BCOLOR
DCL OUT[2], CLIPDIST
DCL CONST[0..3]
DCL TEMP[0..2]
IMM[0] UINT32 {3212836864, 3219128320, 0, 0}
DCL TEMP[3..6]
DCL TEMP[7]
  0: MUL TEMP[0], CONST[1], IN[0].yyyy
  1: MAD TEMP[1], CONST[0], IN[0].xxxx, TEMP[0]
  2: MAD TEMP[2], CONST[2], IN[0].zzzz, TEMP[1]
  3: MAD OUT[0], CONST[3], IN[0].wwww, TEMP[2]
  4: MAD TEMP[7].x, IN[0].zxxx, IMM[0].xxxx, IMM[0].yyyy
  5: MOV OUT[2], TEMP[7]
  6: MOV_SAT OUT[1], IN[1]
  7: MOV TEMP[7].yzw, IMM[0].zzzz
  8: MOV OUT[2], TEMP[7]
  9: END
"""

FS_COLOR_FLAT = FS_COLOR_LINEAR.replace("COLOR, LINEAR", "COLOR, CONSTANT")


@pytest.mark.gl
def test_clip_distances_without_the_property_are_all_clip_distances(host_gl):
    vs, fs = chain(VS_CLIPDIST_NO_PROPERTY, FS_COLOR_FLAT, color_two_side=True)
    assert "out float gl_ClipDistance[4];" in vs.glsl
    assert "gl_ClipDistance[0] = o2.x;" in vs.glsl
    assert_links([vs, fs])


def test_more_clip_distances_than_gl_has_are_refused():
    text = VS_CLIPDIST_NO_PROPERTY.replace("DCL OUT[2], CLIPDIST", "DCL OUT[2], CLIPDIST[2]")
    with pytest.raises(ShaderError, match="clip and cull distances"):
        tr(text)


# ---- clip distances passed from the control to the evaluation shader
# piglit arb_tessellation_shader tes-input-gl_clipdistance, trimmed
VS_POSITION_ONLY = """VERT
DCL OUT[0], POSITION
IMM[0] UINT32 {0, 0, 0, 0}
DCL TEMP[0..3]
  0: MOV OUT[0], IMM[0].xxxx
  1: END
"""

TCS_CLIPDIST = """TESS_CTRL
PROPERTY TCS_VERTICES_OUT 3
DCL SV[0], INVOCATIONID
DCL OUT[][0], CLIPDIST
DCL OUT[][1], CLIPDIST[1]
DCL OUT[2], TESSOUTER
DCL OUT[3].xy, TESSINNER
DCL CONST[0..1]
DCL TEMP[0..1]
DCL ADDR[0..1]
DCL TEMP[29..30]
IMM[0] UINT32 {1065353216, 0, 0, 0}
  0: MOV TEMP[0], CONST[0]
  1: UARL ADDR[1].x, SV[0].xxxx
  2: MOV OUT[ADDR[1].x][0], TEMP[0]
  3: MOV OUT[ADDR[1].x][1], CONST[1]
  4: MOV OUT[2], IMM[0].xxxx
  5: MOV OUT[3].xy, IMM[0].xxxx
  6: END
"""

TES_CLIPDIST = """TESS_EVAL
PROPERTY TES_PRIM_MODE 7
PROPERTY TES_SPACING 2
PROPERTY TES_VERTEX_ORDER_CW 0
PROPERTY TES_POINT_MODE 0
DCL IN[][0], CLIPDIST
DCL IN[][1], CLIPDIST[1]
DCL SV[0], TESSCOORD
DCL OUT[0], POSITION
DCL OUT[1], GENERIC[9]
DCL TEMP[0]
  0: ADD TEMP[0], IN[0][0], IN[1][1]
  1: MOV OUT[0], SV[0]
  2: MOV OUT[1], TEMP[0]
  3: END
"""


@pytest.mark.gl
def test_control_shader_writes_clip_distances(host_gl):
    stages = chain(VS_POSITION_ONLY, TCS_CLIPDIST, TES_CLIPDIST, FS_GENERIC9)
    assert "gl_out[gl_InvocationID].gl_ClipDistance[4]" in stages[1].glsl
    assert_links(stages)
