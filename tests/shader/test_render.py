"""Draw with a translated VS+FS pair on the host GL and read the pixels back.

Checks the binding conventions end to end: vertex input locations, the
constant-buffer uniform block layout (guest dwords uploaded verbatim),
samplers bound by uniform name, semantic-named varyings and colour outputs.
"""
from __future__ import annotations

import ctypes

import numpy as np
import pytest

import gl_compile
from conftest import GOLDEN_HOST
from pyvirgl.shader import ShaderKey, translate

VS = """VERT
DCL IN[0]
DCL IN[1]
DCL OUT[0], POSITION
DCL OUT[1], GENERIC[7]
DCL CONST[0..1]
DCL TEMP[0]
  0: MOV OUT[0], IN[0]
  1: MUL TEMP[0], IN[1], CONST[1]
  2: MOV OUT[1], TEMP[0]
  3: END
"""

FS = """FRAG
PROPERTY FS_COLOR0_WRITES_ALL_CBUFS 1
DCL IN[0], GENERIC[7], CONSTANT
DCL OUT[0], COLOR
DCL SAMP[0]
DCL SVIEW[0], 2D, FLOAT
DCL CONST[0..0]
DCL TEMP[0..1]
IMM[0] FLT32 {0x3f000000, 0x3f000000, 0x00000000, 0x00000000}
  0: TEX TEMP[0], IMM[0], SAMP[0], 2D
  1: ADD TEMP[1], TEMP[0], IN[0]
  2: ADD OUT[0], TEMP[1], CONST[0]
  3: END
"""


@pytest.mark.gl
def test_draw_with_translated_pair(host_gl):
    from OpenGL import GL
    vs = translate(VS, ShaderKey(), GOLDEN_HOST)
    fs = translate(FS, ShaderKey(flatshade=False), GOLDEN_HOST)
    objs = []
    for out in (vs, fs):
        shader, log = gl_compile.compile_shader(out.stage, out.glsl)
        assert log is None, log
        objs.append(shader)
    prog = GL.glCreateProgram()
    for s in objs:
        GL.glAttachShader(prog, s)
    GL.glLinkProgram(prog)
    assert GL.glGetProgramiv(prog, GL.GL_LINK_STATUS), GL.glGetProgramInfoLog(prog)
    GL.glUseProgram(prog)

    # Render target 4x4 RGBA32F.
    fbo = GL.glGenFramebuffers(1)
    rt = GL.glGenTextures(1)
    GL.glBindTexture(GL.GL_TEXTURE_2D, rt)
    GL.glTexImage2D(GL.GL_TEXTURE_2D, 0, GL.GL_RGBA32F, 4, 4, 0, GL.GL_RGBA, GL.GL_FLOAT, None)
    GL.glBindFramebuffer(GL.GL_FRAMEBUFFER, fbo)
    GL.glFramebufferTexture2D(GL.GL_FRAMEBUFFER, GL.GL_COLOR_ATTACHMENT0, GL.GL_TEXTURE_2D, rt, 0)
    GL.glViewport(0, 0, 4, 4)

    # Texture sampled by the FS: one texel (0.25, 0, 0, 0).
    tex = GL.glGenTextures(1)
    GL.glActiveTexture(GL.GL_TEXTURE3)
    GL.glBindTexture(GL.GL_TEXTURE_2D, tex)
    GL.glTexImage2D(GL.GL_TEXTURE_2D, 0, GL.GL_RGBA32F, 1, 1, 0, GL.GL_RGBA, GL.GL_FLOAT,
                    np.array([0.25, 0, 0, 0], np.float32))
    GL.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_MIN_FILTER, GL.GL_NEAREST)
    GL.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_MAG_FILTER, GL.GL_NEAREST)
    (samp,) = fs.samplers
    GL.glUniform1i(GL.glGetUniformLocation(prog, samp.uniform_name), 3)

    # Constant buffers: guest dwords uploaded verbatim into std140 uvec4 blocks.
    ubos = GL.glGenBuffers(2)
    for binding, (out, values) in enumerate(((vs, [0, 0, 0, 0, 1.0, 0.5, 2.0, 1.0]),
                                             (fs, [0.0, 0.0, 0.0, 0.125]))):
        block = out.constant_blocks[0]
        data = np.zeros(block.vec4_count * 4, np.float32)
        data[:len(values)] = values
        GL.glBindBuffer(GL.GL_UNIFORM_BUFFER, int(ubos[binding]))
        GL.glBufferData(GL.GL_UNIFORM_BUFFER, block.size_bytes, data, GL.GL_STATIC_DRAW)
        GL.glUniformBlockBinding(prog, GL.glGetUniformBlockIndex(prog, block.block_name), binding)
        GL.glBindBufferBase(GL.GL_UNIFORM_BUFFER, binding, int(ubos[binding]))

    # A full-screen triangle; IN[1] is the colour (0.2, 0.4, 0.1, 0.5).
    vao = GL.glGenVertexArrays(1)
    GL.glBindVertexArray(vao)
    pos = np.array([-1, -1, 0, 1, 3, -1, 0, 1, -1, 3, 0, 1], np.float32)
    col = np.array([0.2, 0.4, 0.1, 0.5] * 3, np.float32)
    vbos = GL.glGenBuffers(2)
    for vi, arr in zip(vs.vertex_inputs, (pos, col)):
        GL.glBindBuffer(GL.GL_ARRAY_BUFFER, int(vbos[vi.location]))
        GL.glBufferData(GL.GL_ARRAY_BUFFER, arr.nbytes, arr, GL.GL_STATIC_DRAW)
        GL.glVertexAttribPointer(vi.location, 4, GL.GL_FLOAT, GL.GL_FALSE, 0, ctypes.c_void_p(0))
        GL.glEnableVertexAttribArray(vi.location)
    GL.glDrawArrays(GL.GL_TRIANGLES, 0, 3)
    pixels = np.zeros((4, 4, 4), np.float32)
    GL.glReadPixels(0, 0, 4, 4, GL.GL_RGBA, GL.GL_FLOAT, pixels.ctypes.data_as(ctypes.c_void_p))
    GL.glBindFramebuffer(GL.GL_FRAMEBUFFER, 0)
    GL.glUseProgram(0)
    GL.glDeleteProgram(prog)
    # colour*CONST[1] + texel + fs CONST[0]
    expected = np.array([0.2 * 1.0 + 0.25, 0.4 * 0.5, 0.1 * 2.0, 0.5 * 1.0 + 0.125], np.float32)
    assert np.allclose(pixels[2, 2], expected, atol=1e-5), pixels[2, 2]
