"""Stage interfaces that must link on the host: TGSI captured from Mesa 22.3.6's
virgl driver running piglit tests (through `pyvirgl serve --dump-shaders`),
translated with the keys the draw path builds, compiled and linked on host GL."""
from __future__ import annotations

import pytest

import gl_compile
from conftest import GOLDEN_HOST
from pyvirgl.shader import ShaderKey, translate


def tr(text, **key):
    return translate(text, ShaderKey(**key), GOLDEN_HOST)


def chain(*stages, **fs_key):
    """Translate stages in draw order, each keyed with its predecessor's outputs
    (as DrawContext._keys does); `fs_key` goes to the last one."""
    out, prev = [], None
    for i, text in enumerate(stages):
        key = dict(fs_key) if i == len(stages) - 1 else {}
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
