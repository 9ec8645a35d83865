"""Gallium enums (as the virgl wire carries them) to GL enums.

Tables are tuples indexed by the Gallium value, so a lookup is one index;
the decoder has already range-checked every value it hands us, and an
out-of-table value would be a host bug (IndexError), not a guest error.
"""
from __future__ import annotations

from OpenGL import GL

from pyvirgl.protocol.virgl import BlendFactor

PRIM = (
    GL.GL_POINTS, GL.GL_LINES, GL.GL_LINE_LOOP, GL.GL_LINE_STRIP, GL.GL_TRIANGLES,
    GL.GL_TRIANGLE_STRIP, GL.GL_TRIANGLE_FAN,
    None, None, None,  # quads, quad strips and polygons: Mesa lowers them before they reach us
    GL.GL_LINES_ADJACENCY, GL.GL_LINE_STRIP_ADJACENCY, GL.GL_TRIANGLES_ADJACENCY,
    GL.GL_TRIANGLE_STRIP_ADJACENCY, GL.GL_PATCHES,
)

COMPARE = (GL.GL_NEVER, GL.GL_LESS, GL.GL_EQUAL, GL.GL_LEQUAL, GL.GL_GREATER,
           GL.GL_NOTEQUAL, GL.GL_GEQUAL, GL.GL_ALWAYS)

STENCIL_OP = (GL.GL_KEEP, GL.GL_ZERO, GL.GL_REPLACE, GL.GL_INCR, GL.GL_DECR,
              GL.GL_INCR_WRAP, GL.GL_DECR_WRAP, GL.GL_INVERT)

BLEND_FUNC = (GL.GL_FUNC_ADD, GL.GL_FUNC_SUBTRACT, GL.GL_FUNC_REVERSE_SUBTRACT, GL.GL_MIN, GL.GL_MAX)

_BLEND_FACTOR = {
    BlendFactor.ONE: GL.GL_ONE,
    BlendFactor.SRC_COLOR: GL.GL_SRC_COLOR,
    BlendFactor.SRC_ALPHA: GL.GL_SRC_ALPHA,
    BlendFactor.DST_ALPHA: GL.GL_DST_ALPHA,
    BlendFactor.DST_COLOR: GL.GL_DST_COLOR,
    BlendFactor.SRC_ALPHA_SATURATE: GL.GL_SRC_ALPHA_SATURATE,
    BlendFactor.CONST_COLOR: GL.GL_CONSTANT_COLOR,
    BlendFactor.CONST_ALPHA: GL.GL_CONSTANT_ALPHA,
    BlendFactor.SRC1_COLOR: GL.GL_SRC1_COLOR,
    BlendFactor.SRC1_ALPHA: GL.GL_SRC1_ALPHA,
    BlendFactor.ZERO: GL.GL_ZERO,
    BlendFactor.INV_SRC_COLOR: GL.GL_ONE_MINUS_SRC_COLOR,
    BlendFactor.INV_SRC_ALPHA: GL.GL_ONE_MINUS_SRC_ALPHA,
    BlendFactor.INV_DST_ALPHA: GL.GL_ONE_MINUS_DST_ALPHA,
    BlendFactor.INV_DST_COLOR: GL.GL_ONE_MINUS_DST_COLOR,
    BlendFactor.INV_CONST_COLOR: GL.GL_ONE_MINUS_CONSTANT_COLOR,
    BlendFactor.INV_CONST_ALPHA: GL.GL_ONE_MINUS_CONSTANT_ALPHA,
    BlendFactor.INV_SRC1_COLOR: GL.GL_ONE_MINUS_SRC1_COLOR,
    BlendFactor.INV_SRC1_ALPHA: GL.GL_ONE_MINUS_SRC1_ALPHA,
}


def blend_factor(value: int) -> int:
    # Factor 0 and the gaps in Gallium's numbering are not valid; ONE is the
    # harmless reading (the decoder lets unknown factors through as raw bits).
    return _BLEND_FACTOR.get(value, GL.GL_ONE)


LOGIC_OP = (GL.GL_CLEAR, GL.GL_NOR, GL.GL_AND_INVERTED, GL.GL_COPY_INVERTED, GL.GL_AND_REVERSE,
            GL.GL_INVERT, GL.GL_XOR, GL.GL_NAND, GL.GL_AND, GL.GL_EQUIV, GL.GL_NOOP,
            GL.GL_OR_INVERTED, GL.GL_COPY, GL.GL_OR_REVERSE, GL.GL_OR, GL.GL_SET)

POLYGON_MODE = (GL.GL_FILL, GL.GL_LINE, GL.GL_POINT, GL.GL_FILL)

# GL_CLAMP does not exist in core profile; CLAMP_TO_EDGE is the nearest host
# behaviour (the C host makes the same substitution on core hosts).
WRAP = (GL.GL_REPEAT, GL.GL_CLAMP_TO_EDGE, GL.GL_CLAMP_TO_EDGE, GL.GL_CLAMP_TO_BORDER,
        GL.GL_MIRRORED_REPEAT, GL.GL_MIRROR_CLAMP_TO_EDGE, GL.GL_MIRROR_CLAMP_TO_EDGE,
        GL.GL_MIRROR_CLAMP_TO_EDGE)

# (img_filter, mip_filter) -> GL min filter; mip filter 2 = none.
MIN_FILTER = {
    (0, 0): GL.GL_NEAREST_MIPMAP_NEAREST, (0, 1): GL.GL_NEAREST_MIPMAP_LINEAR, (0, 2): GL.GL_NEAREST,
    (1, 0): GL.GL_LINEAR_MIPMAP_NEAREST, (1, 1): GL.GL_LINEAR_MIPMAP_LINEAR, (1, 2): GL.GL_LINEAR,
}
MAG_FILTER = (GL.GL_NEAREST, GL.GL_LINEAR)

SWIZZLE = (GL.GL_RED, GL.GL_GREEN, GL.GL_BLUE, GL.GL_ALPHA, GL.GL_ZERO, GL.GL_ONE)

# pipe_texture_target -> GL texture target (multisample chosen by sample count).
TEXTURE_TARGET = (GL.GL_TEXTURE_BUFFER, GL.GL_TEXTURE_1D, GL.GL_TEXTURE_2D, GL.GL_TEXTURE_3D,
                  GL.GL_TEXTURE_CUBE_MAP, GL.GL_TEXTURE_RECTANGLE, GL.GL_TEXTURE_1D_ARRAY,
                  GL.GL_TEXTURE_2D_ARRAY, GL.GL_TEXTURE_CUBE_MAP_ARRAY)

# pipe_shader_type -> GL shader stage.
SHADER_STAGE = (GL.GL_VERTEX_SHADER, GL.GL_FRAGMENT_SHADER, GL.GL_GEOMETRY_SHADER,
                GL.GL_TESS_CONTROL_SHADER, GL.GL_TESS_EVALUATION_SHADER, GL.GL_COMPUTE_SHADER)
