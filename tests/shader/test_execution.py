"""Run translated compute shaders on the host GL and check TGSI semantics bit-exactly.

Each case feeds 32-bit inputs through TEMP registers (so nothing folds at
translation time), applies one opcode, stores TEMP.xyzw to BUFFER[0] and
compares the dwords with a Python model of the TGSI definition.
"""
from __future__ import annotations

import ctypes
import struct

import numpy as np
import pytest

from conftest import GOLDEN_HOST
from pyvirgl.shader import ShaderKey, translate

import gl_compile


def f2u(x: float) -> int:
    return struct.unpack("<I", struct.pack("<f", x))[0]


def d2u(x: float) -> tuple[int, int]:
    return struct.unpack("<II", struct.pack("<d", x))


M = 0xFFFFFFFF
INT_MIN = 0x80000000

# (instruction text using TEMP[0] (inputs) -> TEMP[1], inputs xyzw, expected TEMP[1].x (or xyzw))
CASES = {
    "udiv": ("UDIV TEMP[1].x, TEMP[0].xxxx, TEMP[0].yyyy", (7, 2, 0, 0), 3),
    "udiv_by_zero": ("UDIV TEMP[1].x, TEMP[0].xxxx, TEMP[0].zzzz", (7, 2, 0, 0), M),
    "idiv": ("IDIV TEMP[1].x, TEMP[0].xxxx, TEMP[0].yyyy", ((-7) & M, 2, 0, 0), (-3) & M),
    "idiv_overflow": ("IDIV TEMP[1].x, TEMP[0].xxxx, TEMP[0].yyyy", (INT_MIN, M, 0, 0), INT_MIN),
    "mod": ("MOD TEMP[1].x, TEMP[0].xxxx, TEMP[0].yyyy", ((-7) & M, 2, 0, 0), (-1) & M),
    "umod_by_zero": ("UMOD TEMP[1].x, TEMP[0].xxxx, TEMP[0].zzzz", (7, 2, 0, 0), M),
    "umul_hi": ("UMUL_HI TEMP[1].x, TEMP[0].xxxx, TEMP[0].yyyy", (0x80000000, 6, 0, 0), 3),
    "imul_hi": ("IMUL_HI TEMP[1].x, TEMP[0].xxxx, TEMP[0].yyyy", ((-2) & M, 0x80000000, 0, 0), 1),
    "shl_masks_count": ("SHL TEMP[1].x, TEMP[0].xxxx, TEMP[0].yyyy", (1, 33, 0, 0), 2),
    "ishr": ("ISHR TEMP[1].x, TEMP[0].xxxx, TEMP[0].yyyy", ((-8) & M, 1, 0, 0), (-4) & M),
    "ushr": ("USHR TEMP[1].x, TEMP[0].xxxx, TEMP[0].yyyy", (0x80000000, 31, 0, 0), 1),
    "ubfe": ("UBFE TEMP[1].x, TEMP[0].xxxx, TEMP[0].yyyy, TEMP[0].zzzz", (0xABCD, 4, 8, 0), 0xBC),
    "ibfe": ("IBFE TEMP[1].x, TEMP[0].xxxx, TEMP[0].yyyy, TEMP[0].zzzz", (0xF0, 4, 4, 0), M),
    "bfi": ("BFI TEMP[1].x, TEMP[0].xxxx, TEMP[0].yyyy, TEMP[0].zzzz, TEMP[0].wwww", (0, 0xF, 8, 4), 0xF00),
    # A 32-bit wide field is valid (GLSL bitfieldInsert/Extract with offset 0, bits 32).
    "bfi_all_bits": ("BFI TEMP[1].x, TEMP[0].xxxx, TEMP[0].yyyy, TEMP[0].zzzz, TEMP[0].wwww",
                     (0x1234, 0xCAFEF00D, 0, 32), 0xCAFEF00D),
    "ubfe_all_bits": ("UBFE TEMP[1].x, TEMP[0].xxxx, TEMP[0].yyyy, TEMP[0].zzzz", (0xCAFEF00D, 0, 32, 0),
                      0xCAFEF00D),
    "ibfe_all_bits": ("IBFE TEMP[1].x, TEMP[0].xxxx, TEMP[0].yyyy, TEMP[0].zzzz", (0xCAFEF00D, 0, 32, 0),
                      0xCAFEF00D),
    "brev": ("BREV TEMP[1].x, TEMP[0].xxxx", (1, 0, 0, 0), 0x80000000),
    "popc": ("POPC TEMP[1].x, TEMP[0].xxxx", (0xF0F0, 0, 0, 0), 8),
    "lsb": ("LSB TEMP[1].x, TEMP[0].xxxx", (0x10, 0, 0, 0), 4),
    "umsb": ("UMSB TEMP[1].x, TEMP[0].xxxx", (0x10, 0, 0, 0), 4),
    "f2i": ("F2I TEMP[1].x, TEMP[0].xxxx", (f2u(-2.75), 0, 0, 0), (-2) & M),
    "u2f": ("U2F TEMP[1].x, TEMP[0].xxxx", (3, 0, 0, 0), f2u(3.0)),
    "fslt": ("FSLT TEMP[1].x, TEMP[0].xxxx, TEMP[0].yyyy", (f2u(1.0), f2u(2.0), 0, 0), M),
    "slt": ("SLT TEMP[1].x, TEMP[0].yyyy, TEMP[0].xxxx", (f2u(1.0), f2u(2.0), 0, 0), 0),
    "ucmp": ("UCMP TEMP[1].x, TEMP[0].xxxx, TEMP[0].yyyy, TEMP[0].zzzz", (0, 5, 0x7FC00001, 0), 0x7FC00001),
    "round_even": ("ROUND TEMP[1].x, TEMP[0].xxxx", (f2u(2.5), 0, 0, 0), f2u(2.0)),
    "mad_neg_abs": ("MAD TEMP[1].x, -|TEMP[0].xxxx|, TEMP[0].yyyy, TEMP[0].zzzz",
                    (f2u(-2.0), f2u(3.0), f2u(1.0), 0), f2u(-5.0)),
    "cmp": ("CMP TEMP[1].x, TEMP[0].xxxx, TEMP[0].yyyy, TEMP[0].zzzz", (f2u(-1.0), 7, 9, 0), 7),
    "dp3": ("DP3 TEMP[1].x, TEMP[0], TEMP[0]", (f2u(1.0), f2u(2.0), f2u(2.0), f2u(100.0)), f2u(9.0)),
    "dadd": ("DADD TEMP[1].xy, TEMP[0].xyxy, TEMP[0].zwzw", (*d2u(1.5), *d2u(2.25)), d2u(3.75)[0]),
    "dseq": ("DSEQ TEMP[1].x, TEMP[0].xyxy, TEMP[0].xyxy", (*d2u(1.5), *d2u(2.25)), M),
    "d2f_from_zw": ("D2F TEMP[1].x, TEMP[0].zwzw", (*d2u(1.5), *d2u(2.25)), f2u(2.25)),
    "u64add": ("U64ADD TEMP[1].xy, TEMP[0].xyxy, TEMP[0].zwzw", (M, 0, 1, 0), 0),
}


@pytest.mark.gl
@pytest.mark.parametrize("case", sorted(CASES))
def test_opcode_semantics(host_gl, case):
    from OpenGL import GL
    inst, inputs, expected = CASES[case]
    text = f"""COMP
PROPERTY CS_FIXED_BLOCK_WIDTH 1
PROPERTY CS_FIXED_BLOCK_HEIGHT 1
PROPERTY CS_FIXED_BLOCK_DEPTH 1
DCL BUFFER[0]
DCL CONST[0]
DCL TEMP[0..1]
IMM[0] UINT32 {{0, 0, 0, 0}}
  0: MOV TEMP[0], CONST[0]
  1: MOV TEMP[1], IMM[0]
  2: {inst}
  3: STORE BUFFER[0].xyzw, IMM[0].xxxx, TEMP[1]
  4: END
"""
    out = translate(text, ShaderKey(), GOLDEN_HOST)
    shader, log = gl_compile.compile_shader("compute", out.glsl)
    assert log is None, log
    prog = GL.glCreateProgram()
    GL.glAttachShader(prog, shader)
    GL.glLinkProgram(prog)
    assert GL.glGetProgramiv(prog, GL.GL_LINK_STATUS), GL.glGetProgramInfoLog(prog)
    bufs = GL.glGenBuffers(2)
    ubo, ssbo = int(bufs[0]), int(bufs[1])
    data = np.array(inputs, dtype=np.uint32)
    GL.glBindBuffer(GL.GL_UNIFORM_BUFFER, ubo)
    GL.glBufferData(GL.GL_UNIFORM_BUFFER, 16, data, GL.GL_STATIC_DRAW)
    block = out.constant_blocks[0]
    GL.glUniformBlockBinding(prog, GL.glGetUniformBlockIndex(prog, block.block_name), 0)
    GL.glBindBufferBase(GL.GL_UNIFORM_BUFFER, 0, ubo)
    GL.glBindBuffer(GL.GL_SHADER_STORAGE_BUFFER, ssbo)
    GL.glBufferData(GL.GL_SHADER_STORAGE_BUFFER, 16, np.zeros(4, np.uint32), GL.GL_DYNAMIC_READ)
    index = GL.glGetProgramResourceIndex(prog, GL.GL_SHADER_STORAGE_BLOCK, out.buffers[0].block_name)
    GL.glShaderStorageBlockBinding(prog, index, 0)
    GL.glBindBufferBase(GL.GL_SHADER_STORAGE_BUFFER, 0, ssbo)
    GL.glUseProgram(prog)
    GL.glDispatchCompute(1, 1, 1)
    GL.glMemoryBarrier(GL.GL_BUFFER_UPDATE_BARRIER_BIT)
    result = np.zeros(4, np.uint32)
    GL.glGetBufferSubData(GL.GL_SHADER_STORAGE_BUFFER, 0, 16, result.ctypes.data_as(ctypes.c_void_p))
    GL.glUseProgram(0)
    GL.glDeleteProgram(prog)
    GL.glDeleteBuffers(2, bufs)
    assert int(result[0]) == expected, (out.glsl, [hex(v) for v in result])
