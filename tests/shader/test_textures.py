"""Every texture instruction on every target either translates to GLSL the host
compiles or is refused as a guest error: GLSL lacks some combinations TGSI can
spell (bias or lod on shadow arrays, offsets on cubes, gathers from 1D...)."""
from __future__ import annotations

import itertools

import pytest

import gl_compile
from conftest import GOLDEN_HOST
from pyvirgl.shader import ShaderError, ShaderKey, translate

TARGETS = ["1D", "2D", "3D", "CUBE", "RECT", "SHADOW1D", "SHADOW2D", "SHADOWRECT", "1D_ARRAY", "2D_ARRAY",
           "SHADOW1D_ARRAY", "SHADOW2D_ARRAY", "SHADOWCUBE", "2D_MSAA", "2D_ARRAY_MSAA", "CUBEARRAY",
           "SHADOWCUBEARRAY", "BUFFER"]

# instruction text with {t} for the target and {o} for offsets (", IMM[0].xyzx" or "")
OPS = {
    "TEX": "TEX TEMP[0], IN[0], SAMP[0], {t}{o}",
    "TXB": "TXB TEMP[0], IN[0], SAMP[0], {t}{o}",
    "TXL": "TXL TEMP[0], IN[0], SAMP[0], {t}{o}",
    "TEX_LZ": "TEX_LZ TEMP[0], IN[0], SAMP[0], {t}{o}",
    "TXP": "TXP TEMP[0], IN[0], SAMP[0], {t}{o}",
    "TXD": "TXD TEMP[0], IN[0], IN[0], IN[0], SAMP[0], {t}{o}",
    "TEX2": "TEX2 TEMP[0], IN[0], IN[0], SAMP[0], {t}{o}",
    "TXB2": "TXB2 TEMP[0], IN[0], IN[0], SAMP[0], {t}{o}",
    "TXL2": "TXL2 TEMP[0], IN[0], IN[0], SAMP[0], {t}{o}",
    "TG4": "TG4 TEMP[0], IN[0], IMM[0].xxxx, SAMP[0], {t}{o}",
    "TXF": "TXF TEMP[0], IN[0], SAMP[0], {t}{o}",
    "LODQ": "LODQ TEMP[0], IN[0], SAMP[0], {t}",
    "TXQ": "TXQ TEMP[0], IMM[0].xxxx, SAMP[0], {t}",
}


def fragment_shader(op: str, target: str, offset: bool) -> str:
    inst = OPS[op].format(t=target, o=", IMM[0].yzw" if offset else "")
    return ("FRAG\nDCL IN[0], GENERIC[0], PERSPECTIVE\nDCL OUT[0], COLOR\nDCL SAMP[0]\n"
            f"DCL SVIEW[0], {target}, FLOAT\nDCL TEMP[0]\nIMM[0] INT32 {{0, 1, -1, 0}}\n"
            f"  0: {inst}\n  1: MOV OUT[0], TEMP[0]\n  2: END\n")


CASES = [(op, t, off) for op, t, off in itertools.product(OPS, TARGETS, (False, True))
         if not (off and op in ("LODQ", "TXQ"))]


@pytest.mark.gl
@pytest.mark.parametrize("op,target,offset", CASES)
def test_texture_instruction_compiles_or_is_refused(host_gl, op, target, offset):
    try:
        out = translate(fragment_shader(op, target, offset), ShaderKey(), GOLDEN_HOST)
    except ShaderError:
        return
    _shader, log = gl_compile.compile_shader("fragment", out.glsl)
    assert log is None, out.glsl + log


# Found by the fuzzer: a bias on a 2D array shadow lookup (GLSL has none).
def test_bias_on_shadow_2d_array_is_a_guest_error():
    with pytest.raises(ShaderError, match="TXB on a SHADOW2D_ARRAY"):
        translate(fragment_shader("TXB", "SHADOW2D_ARRAY", False), ShaderKey(), GOLDEN_HOST)


# piglit arb_gpu_shader5 texturegatheroffset(s) fs-r-none-shadow-2darray
def test_shadow_gather_offset_puts_the_reference_before_the_offset():
    out = translate(fragment_shader("TG4", "SHADOW2D_ARRAY", True), ShaderKey(), GOLDEN_HOST)
    assert "textureGatherOffset(fs_samp0, fs_in_generic0.d.xyz, fs_in_generic0.d.w, ivec2(" in out.glsl
