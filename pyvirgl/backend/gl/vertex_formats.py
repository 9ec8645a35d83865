"""Virgl vertex formats as glVertexAttrib*Pointer arguments, derived from the format table."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from OpenGL import GL

from pyvirgl.protocol import formats


@dataclass(frozen=True)
class VertexAttribFormat:
    size: int | int  # components, or GL_BGRA for BGRA-ordered data
    gl_type: int
    normalized: bool
    integer: bool    # glVertexAttribIPointer: the shader reads integers
    double: bool


_UNSIGNED = {8: GL.GL_UNSIGNED_BYTE, 16: GL.GL_UNSIGNED_SHORT, 32: GL.GL_UNSIGNED_INT}
_SIGNED = {8: GL.GL_BYTE, 16: GL.GL_SHORT, 32: GL.GL_INT}
_FLOAT = {16: GL.GL_HALF_FLOAT, 32: GL.GL_FLOAT, 64: GL.GL_DOUBLE}


@lru_cache(maxsize=None)
def vertex_attrib_format(fmt: int) -> VertexAttribFormat | None:
    """None when the host cannot fetch this format as a vertex attribute."""
    try:
        info = formats.info(fmt)
    except formats.FormatError:
        return None
    if info.name == "R11G11B10_FLOAT":
        return VertexAttribFormat(3, GL.GL_UNSIGNED_INT_10F_11F_11F_REV, False, False, False)
    if info.layout is not formats.FormatLayout.PLAIN or info.is_depth_stencil:
        return None
    letters = info.channels
    if set(letters) - set("RGBAX"):
        return None
    size = len(letters.rstrip("X"))
    bits = set(info.bits)
    signed = info.kind in ("snorm", "sint", "sscaled")
    if bits == {10, 2} or info.bits in ((10, 10, 10, 2),):
        gl_type = GL.GL_INT_2_10_10_10_REV if signed else GL.GL_UNSIGNED_INT_2_10_10_10_REV
        size = GL.GL_BGRA if letters.startswith("B") else 4
        return VertexAttribFormat(size, gl_type, info.kind in ("unorm", "snorm"), False, False)
    if len(bits) != 1:
        return None
    width = bits.pop()
    if info.kind == "float":
        gl_type = _FLOAT.get(width)
    elif info.kind == "fixed":
        gl_type = GL.GL_FIXED if width == 32 else None
    else:
        gl_type = (_SIGNED if signed else _UNSIGNED).get(width)
    if gl_type is None:
        return None
    if letters.startswith("BGR"):
        if gl_type != GL.GL_UNSIGNED_BYTE or info.kind != "unorm" or size != 4:
            return None
        size = GL.GL_BGRA
    elif letters not in ("R", "RG", "RGB", "RGBA", "RGBX"):
        return None
    return VertexAttribFormat(
        size=size,
        gl_type=gl_type,
        normalized=info.kind in ("unorm", "snorm"),
        integer=info.kind in ("uint", "sint"),
        double=width == 64 and info.kind == "float",
    )


_SIGNED_INTEGER_TYPES = {GL.GL_BYTE, GL.GL_SHORT, GL.GL_INT}


def vertex_input_types(ve) -> tuple[str, ...]:
    """Per attribute: "int"/"uint" where the vertex element format is fetched as integers.

    glVertexArrayAttribIFormat attributes must meet ivec/uvec shader inputs;
    read through a float input their values are undefined. () when every
    attribute is fetched as float (or no vertex elements object is given).
    """
    if ve is None:
        return ()
    types = []
    for el in ve.elements:
        fmt = vertex_attrib_format(el.src_format)
        if fmt is None or not fmt.integer:
            types.append("float")
        else:
            types.append("int" if fmt.gl_type in _SIGNED_INTEGER_TYPES else "uint")
    return tuple(types) if "int" in types or "uint" in types else ()
