"""virgl format -> host GL (4.x core profile) mapping, and probing what really works.

`GL_FORMATS` is pure data: for each virgl format the host can represent, the
GL internal format, the client format/type that matches the guest's memory
layout byte for byte (so transfers need no repacking unless `conversion`
says otherwise), and the texture swizzle that makes sampling return what
the guest format means. A core profile has no luminance/alpha/intensity
formats and no ABGR, so those are emulated on R/RG/RGBA storage with
swizzles; X (padding) channels read as 1 through the swizzle.

What the host driver actually supports is never assumed: `probe_formats`
creates a small texture per format in the current context, checks
sampling / framebuffer completeness, and returns the caps bitmasks.

GL enum values are written out here (they are fixed by the Khronos
registry) so the table can be imported without a GL context.
"""
from __future__ import annotations

import ctypes
import enum
from dataclasses import dataclass, field

from pyvirgl.protocol import formats as F

# --- GL enums (Khronos registry values) ------------------------------------------
UNSIGNED_BYTE, BYTE, UNSIGNED_SHORT, SHORT = 0x1401, 0x1400, 0x1403, 0x1402
UNSIGNED_INT, INT, HALF_FLOAT, FLOAT = 0x1405, 0x1404, 0x140B, 0x1406
UNSIGNED_INT_8_8_8_8, UNSIGNED_INT_8_8_8_8_REV = 0x8035, 0x8367
UNSIGNED_SHORT_5_6_5, UNSIGNED_SHORT_5_6_5_REV = 0x8363, 0x8364
UNSIGNED_SHORT_5_5_5_1, UNSIGNED_SHORT_1_5_5_5_REV = 0x8034, 0x8366
UNSIGNED_SHORT_4_4_4_4, UNSIGNED_SHORT_4_4_4_4_REV = 0x8033, 0x8365
UNSIGNED_BYTE_3_3_2, UNSIGNED_BYTE_2_3_3_REV = 0x8032, 0x8362
UNSIGNED_INT_10_10_10_2, UNSIGNED_INT_2_10_10_10_REV = 0x8036, 0x8368
UNSIGNED_INT_10F_11F_11F_REV, UNSIGNED_INT_5_9_9_9_REV = 0x8C3B, 0x8C3E
UNSIGNED_INT_24_8, FLOAT_32_UNSIGNED_INT_24_8_REV = 0x84FA, 0x8DAD

RED, GREEN, BLUE, ALPHA, ZERO, ONE = 0x1903, 0x1904, 0x1905, 0x1906, 0x0000, 0x0001
RG, RGB, RGBA, BGR, BGRA = 0x8227, 0x1907, 0x1908, 0x80E0, 0x80E1
RED_INTEGER, RG_INTEGER, RGB_INTEGER, RGBA_INTEGER, BGRA_INTEGER = 0x8D94, 0x8228, 0x8D98, 0x8D99, 0x8D9B
DEPTH_COMPONENT, DEPTH_STENCIL, STENCIL_INDEX = 0x1902, 0x84F9, 0x1901

RGBA8, RGB8, RGBA4, RGB5_A1, RGB565, R3_G3_B2 = 0x8058, 0x8051, 0x8056, 0x8057, 0x8D62, 0x2A10
RGB10_A2, RGB10_A2UI, R11F_G11F_B10F, RGB9_E5 = 0x8059, 0x906F, 0x8C3A, 0x8C3D
SRGB8, SRGB8_ALPHA8, SR8_EXT, SRG8_EXT = 0x8C41, 0x8C43, 0x8FBD, 0x8FBE
DEPTH_COMPONENT16, DEPTH_COMPONENT24, DEPTH_COMPONENT32, DEPTH_COMPONENT32F = 0x81A5, 0x81A6, 0x81A7, 0x8CAC
DEPTH24_STENCIL8, DEPTH32F_STENCIL8, STENCIL_INDEX8 = 0x88F0, 0x8CAD, 0x8D48

# Sized internal formats of the regular array formats, by (kind, channel count, bits).
_ARRAY_INTERNAL = {
    ("unorm", 8): (0x8229, 0x822B, RGB8, RGBA8),           # R8 RG8 RGB8 RGBA8
    ("unorm", 16): (0x822A, 0x822C, 0x8054, 0x805B),       # R16 RG16 RGB16 RGBA16
    ("snorm", 8): (0x8F94, 0x8F95, 0x8F96, 0x8F97),
    ("snorm", 16): (0x8F98, 0x8F99, 0x8F9A, 0x8F9B),
    ("uint", 8): (0x8232, 0x8238, 0x8D7D, 0x8D7C),
    ("sint", 8): (0x8231, 0x8237, 0x8D8F, 0x8D8E),
    ("uint", 16): (0x8234, 0x823A, 0x8D77, 0x8D76),
    ("sint", 16): (0x8233, 0x8239, 0x8D89, 0x8D88),
    ("uint", 32): (0x8236, 0x823C, 0x8D71, 0x8D70),
    ("sint", 32): (0x8235, 0x823B, 0x8D83, 0x8D82),
    ("float", 16): (0x822D, 0x822F, 0x881B, 0x881A),
    ("float", 32): (0x822E, 0x8230, 0x8815, 0x8814),
    ("srgb", 8): (SR8_EXT, SRG8_EXT, SRGB8, SRGB8_ALPHA8),
}
_ARRAY_TYPE = {("unorm", 8): UNSIGNED_BYTE, ("unorm", 16): UNSIGNED_SHORT, ("snorm", 8): BYTE,
               ("snorm", 16): SHORT, ("uint", 8): UNSIGNED_BYTE, ("sint", 8): BYTE,
               ("uint", 16): UNSIGNED_SHORT, ("sint", 16): SHORT, ("uint", 32): UNSIGNED_INT,
               ("sint", 32): INT, ("float", 16): HALF_FLOAT, ("float", 32): FLOAT,
               ("srgb", 8): UNSIGNED_BYTE}
_BY_COUNT = {False: (RED, RG, RGB, RGBA), True: (RED_INTEGER, RG_INTEGER, RGB_INTEGER, RGBA_INTEGER)}

# Compressed internal formats by virgl format name.
_COMPRESSED = {
    "DXT1_RGB": 0x83F0, "DXT1_RGBA": 0x83F1, "DXT3_RGBA": 0x83F2, "DXT5_RGBA": 0x83F3,
    "DXT1_SRGB": 0x8C4C, "DXT1_SRGBA": 0x8C4D, "DXT3_SRGBA": 0x8C4E, "DXT5_SRGBA": 0x8C4F,
    "RGTC1_UNORM": 0x8DBB, "RGTC1_SNORM": 0x8DBC, "RGTC2_UNORM": 0x8DBD, "RGTC2_SNORM": 0x8DBE,
    "BPTC_RGBA_UNORM": 0x8E8C, "BPTC_SRGBA": 0x8E8D, "BPTC_RGB_FLOAT": 0x8E8E,
    "BPTC_RGB_UFLOAT": 0x8E8F,
    # ETC2 decodes every ETC1 stream, so ETC1 rides on the ETC2 RGB8 format.
    "ETC1_RGB8": 0x9274, "ETC2_RGB8": 0x9274, "ETC2_SRGB8": 0x9275, "ETC2_RGB8A1": 0x9276,
    "ETC2_SRGB8A1": 0x9277, "ETC2_RGBA8": 0x9278, "ETC2_SRGBA8": 0x9279,
    "ETC2_R11_UNORM": 0x9270, "ETC2_R11_SNORM": 0x9271, "ETC2_RG11_UNORM": 0x9272,
    "ETC2_RG11_SNORM": 0x9273,
    # LATC has no core-profile enum; its blocks are RGTC blocks read as luminance.
    "LATC1_UNORM": 0x8DBB, "LATC1_SNORM": 0x8DBC, "LATC2_UNORM": 0x8DBD, "LATC2_SNORM": 0x8DBE,
}
_ASTC_ORDER = ("4x4", "5x4", "5x5", "6x5", "6x6", "8x5", "8x6", "8x8", "10x5", "10x6", "10x8",
               "10x10", "12x10", "12x12")
for _i, _dims in enumerate(_ASTC_ORDER):
    _COMPRESSED[f"ASTC_{_dims}"] = 0x93B0 + _i
    _COMPRESSED[f"ASTC_{_dims}_SRGB"] = 0x93D0 + _i
del _i, _dims
_LATC_SWIZZLE = {"LATC1_UNORM": (RED, RED, RED, ONE), "LATC1_SNORM": (RED, RED, RED, ONE),
                 "LATC2_UNORM": (RED, RED, RED, GREEN), "LATC2_SNORM": (RED, RED, RED, GREEN)}

RGB1 = (RED, GREEN, BLUE, ONE)
# A TEXTURE_SWIZZLE value -> the channel it picks (ZERO and ONE pick none).
SWIZZLE_CHANNEL = {RED: 0, GREEN: 1, BLUE: 2, ALPHA: 3}


class Conversion(enum.Enum):
    """Repacking a transfer needs between the guest's bytes and the GL client format."""
    NONE = "none"
    Z24_IN_LOW_BITS = "z24x8"         # Z24X8: guest depth in bits 0..23, GL's 24_8 wants 8..31: shift 8
    Z24S8_TO_S8Z24 = "z24s8"          # Z24_UNORM_S8_UINT: rotate each word by 8 bits to GL's 24_8


class Attachment(enum.Enum):
    COLOR = "color"
    DEPTH = "depth"
    STENCIL = "stencil"
    DEPTH_STENCIL = "depth_stencil"


@dataclass(frozen=True, slots=True)
class GLFormat:
    internal_format: int
    format: int                     # client format for Tex(Sub)Image / ReadPixels
    type: int                       # client type (0 for compressed)
    swizzle: tuple[int, int, int, int] | None = None   # TEXTURE_SWIZZLE_RGBA; None = identity
    compressed: bool = False
    emulated: str | None = None     # "luminance", "alpha", "intensity", "luminance_alpha", "red_alpha"
    conversion: Conversion = Conversion.NONE
    attachment: Attachment = Attachment.COLOR

    @property
    def needs_swizzle(self) -> bool:
        return self.swizzle is not None

    # Names some callers use for the client format/type.
    @property
    def gl_format(self) -> int:
        return self.format

    @property
    def gl_type(self) -> int:
        return self.type


def _array_format(f: F.FormatInfo) -> GLFormat | None:
    """Plain formats whose channels are R, RG, RGB(X) or RGBA(X) of one size and kind."""
    letters = f.channels
    real = letters.rstrip("X")
    if real not in ("R", "RG", "RGB", "RGBA") or len(set(f.bits)) != 1:
        return None
    if letters != real and (len(letters) != 4 or real != "RGB"):
        return None
    key = (f.kind, f.bits[0])
    if key not in _ARRAY_INTERNAL:
        return None
    padded = letters != real
    count = 4 if padded else len(real)
    integer = f.kind in ("uint", "sint")
    return GLFormat(_ARRAY_INTERNAL[key][count - 1], _BY_COUNT[integer][count - 1], _ARRAY_TYPE[key],
                    swizzle=RGB1 if padded else None)


def _legacy_format(f: F.FormatInfo) -> GLFormat | None:
    """L / A / I / LA / AL / RA / AR formats emulated on R or RG storage."""
    letters = f.channels
    if letters not in ("L", "A", "I", "LA", "AL", "RA", "AR") or len(set(f.bits)) != 1:
        return None
    key = (f.kind, f.bits[0])
    if key not in _ARRAY_INTERNAL:
        return None
    integer = f.kind in ("uint", "sint")
    one = ONE
    first, second = RED, GREEN
    swizzle, emulated = {
        "L": ((RED, RED, RED, one), "luminance"),
        "A": ((ZERO, ZERO, ZERO, RED), "alpha"),
        "I": ((RED, RED, RED, RED), "intensity"),
        "LA": ((first, first, first, second), "luminance_alpha"),
        "AL": ((second, second, second, first), "luminance_alpha"),
        "RA": ((first, ZERO, ZERO, second), "red_alpha"),
        "AR": ((second, ZERO, ZERO, first), "red_alpha"),
    }[letters]
    count = len(letters)
    return GLFormat(_ARRAY_INTERNAL[key][count - 1], _BY_COUNT[integer][count - 1], _ARRAY_TYPE[key],
                    swizzle=swizzle, emulated=emulated)


# Formats whose memory order is not a plain array: (internal, format, type, swizzle).
_PACKED = {
    "B8G8R8A8_UNORM": (RGBA8, BGRA, UNSIGNED_BYTE, None),
    "B8G8R8X8_UNORM": (RGBA8, BGRA, UNSIGNED_BYTE, RGB1),
    "B8G8R8A8_SRGB": (SRGB8_ALPHA8, BGRA, UNSIGNED_BYTE, None),
    "B8G8R8X8_SRGB": (SRGB8_ALPHA8, BGRA, UNSIGNED_BYTE, RGB1),
    "B8G8R8_UNORM": (RGB8, BGR, UNSIGNED_BYTE, None),
    # Alpha-first byte orders: GL's 8_8_8_8 puts the first component in the top byte,
    # which on a little-endian host is the last byte in memory.
    "A8R8G8B8_UNORM": (RGBA8, BGRA, UNSIGNED_INT_8_8_8_8, None),
    "X8R8G8B8_UNORM": (RGBA8, BGRA, UNSIGNED_INT_8_8_8_8, RGB1),
    "A8B8G8R8_UNORM": (RGBA8, RGBA, UNSIGNED_INT_8_8_8_8, None),
    "X8B8G8R8_UNORM": (RGBA8, RGBA, UNSIGNED_INT_8_8_8_8, RGB1),
    "A8R8G8B8_SRGB": (SRGB8_ALPHA8, BGRA, UNSIGNED_INT_8_8_8_8, None),
    "X8R8G8B8_SRGB": (SRGB8_ALPHA8, BGRA, UNSIGNED_INT_8_8_8_8, RGB1),
    "A8B8G8R8_SRGB": (SRGB8_ALPHA8, RGBA, UNSIGNED_INT_8_8_8_8, None),
    "X8B8G8R8_SRGB": (SRGB8_ALPHA8, RGBA, UNSIGNED_INT_8_8_8_8, RGB1),
    # 16-bit packed: *_REV types put the first component in the low bits, like virgl names.
    "B5G6R5_UNORM": (RGB565, RGB, UNSIGNED_SHORT_5_6_5, None),
    "R5G6B5_UNORM": (RGB565, RGB, UNSIGNED_SHORT_5_6_5_REV, None),
    "B5G5R5A1_UNORM": (RGB5_A1, BGRA, UNSIGNED_SHORT_1_5_5_5_REV, None),
    "B5G5R5X1_UNORM": (RGB5_A1, BGRA, UNSIGNED_SHORT_1_5_5_5_REV, RGB1),
    "R5G5B5A1_UNORM": (RGB5_A1, RGBA, UNSIGNED_SHORT_1_5_5_5_REV, None),
    "A1B5G5R5_UNORM": (RGB5_A1, RGBA, UNSIGNED_SHORT_5_5_5_1, None),
    "A1R5G5B5_UNORM": (RGB5_A1, BGRA, UNSIGNED_SHORT_5_5_5_1, None),
    "B4G4R4A4_UNORM": (RGBA4, BGRA, UNSIGNED_SHORT_4_4_4_4_REV, None),
    "B4G4R4X4_UNORM": (RGBA4, BGRA, UNSIGNED_SHORT_4_4_4_4_REV, RGB1),
    "R4G4B4A4_UNORM": (RGBA4, RGBA, UNSIGNED_SHORT_4_4_4_4_REV, None),
    "A4B4G4R4_UNORM": (RGBA4, RGBA, UNSIGNED_SHORT_4_4_4_4, None),
    "A4R4G4B4_UNORM": (RGBA4, BGRA, UNSIGNED_SHORT_4_4_4_4, None),
    "B2G3R3_UNORM": (R3_G3_B2, RGB, UNSIGNED_BYTE_3_3_2, None),
    "R3G3B2_UNORM": (R3_G3_B2, RGB, UNSIGNED_BYTE_2_3_3_REV, None),
    "R10G10B10A2_UNORM": (RGB10_A2, RGBA, UNSIGNED_INT_2_10_10_10_REV, None),
    "R10G10B10X2_UNORM": (RGB10_A2, RGBA, UNSIGNED_INT_2_10_10_10_REV, RGB1),
    "B10G10R10A2_UNORM": (RGB10_A2, BGRA, UNSIGNED_INT_2_10_10_10_REV, None),
    "B10G10R10X2_UNORM": (RGB10_A2, BGRA, UNSIGNED_INT_2_10_10_10_REV, RGB1),
    "A2B10G10R10_UNORM": (RGB10_A2, RGBA, UNSIGNED_INT_10_10_10_2, None),
    "A2R10G10B10_UNORM": (RGB10_A2, BGRA, UNSIGNED_INT_10_10_10_2, None),
    "R10G10B10A2_UINT": (RGB10_A2UI, RGBA_INTEGER, UNSIGNED_INT_2_10_10_10_REV, None),
    "B10G10R10A2_UINT": (RGB10_A2UI, BGRA_INTEGER, UNSIGNED_INT_2_10_10_10_REV, None),
    "R11G11B10_FLOAT": (R11F_G11F_B10F, RGB, UNSIGNED_INT_10F_11F_11F_REV, None),
    "R9G9B9E5_FLOAT": (RGB9_E5, RGB, UNSIGNED_INT_5_9_9_9_REV, None),
}

_DEPTH = {
    "Z16_UNORM": GLFormat(DEPTH_COMPONENT16, DEPTH_COMPONENT, UNSIGNED_SHORT, attachment=Attachment.DEPTH),
    "Z32_UNORM": GLFormat(DEPTH_COMPONENT32, DEPTH_COMPONENT, UNSIGNED_INT, attachment=Attachment.DEPTH),
    "Z32_FLOAT": GLFormat(DEPTH_COMPONENT32F, DEPTH_COMPONENT, FLOAT, attachment=Attachment.DEPTH),
    # 24-bit depth with a padding byte lives in DEPTH24_STENCIL8 storage so that
    # transfers take GL's exact integer 24_8 path (a DEPTH_COMPONENT/UNSIGNED_INT
    # transfer goes through float and can lose the last bit). The padding byte
    # lands in the never-attached stencil part.
    "Z24X8_UNORM": GLFormat(DEPTH24_STENCIL8, DEPTH_STENCIL, UNSIGNED_INT_24_8,
                            conversion=Conversion.Z24_IN_LOW_BITS, attachment=Attachment.DEPTH),
    "X8Z24_UNORM": GLFormat(DEPTH24_STENCIL8, DEPTH_STENCIL, UNSIGNED_INT_24_8,
                            attachment=Attachment.DEPTH),
    "S8_UINT_Z24_UNORM": GLFormat(DEPTH24_STENCIL8, DEPTH_STENCIL, UNSIGNED_INT_24_8,
                                  attachment=Attachment.DEPTH_STENCIL),
    "Z24_UNORM_S8_UINT": GLFormat(DEPTH24_STENCIL8, DEPTH_STENCIL, UNSIGNED_INT_24_8,
                                  conversion=Conversion.Z24S8_TO_S8Z24,
                                  attachment=Attachment.DEPTH_STENCIL),
    "Z32_FLOAT_S8X24_UINT": GLFormat(DEPTH32F_STENCIL8, DEPTH_STENCIL, FLOAT_32_UNSIGNED_INT_24_8_REV,
                                     attachment=Attachment.DEPTH_STENCIL),
    "S8_UINT": GLFormat(STENCIL_INDEX8, STENCIL_INDEX, UNSIGNED_BYTE, attachment=Attachment.STENCIL),
    # Stencil-only views of the packed depth-stencil formats (ARB_stencil_texturing):
    # the same storage and byte order as their depth-stencil twins; a sampler
    # view in one of them samples the stencil (textures.py sets the mode).
    "X24S8_UINT": GLFormat(DEPTH24_STENCIL8, DEPTH_STENCIL, UNSIGNED_INT_24_8,
                           conversion=Conversion.Z24S8_TO_S8Z24, attachment=Attachment.DEPTH_STENCIL),
    "S8X24_UINT": GLFormat(DEPTH24_STENCIL8, DEPTH_STENCIL, UNSIGNED_INT_24_8,
                           attachment=Attachment.DEPTH_STENCIL),
    "X32_S8X24_UINT": GLFormat(DEPTH32F_STENCIL8, DEPTH_STENCIL, FLOAT_32_UNSIGNED_INT_24_8_REV,
                               attachment=Attachment.DEPTH_STENCIL),
}


def _build() -> dict[int, GLFormat]:
    table: dict[int, GLFormat] = {}
    for f in F.FORMATS.values():
        if f.name in _DEPTH:
            table[f.id] = _DEPTH[f.name]
        elif f.name in _PACKED:
            internal, fmt, typ, swz = _PACKED[f.name]
            table[f.id] = GLFormat(internal, fmt, typ, swizzle=swz)
        elif f.name in _COMPRESSED:
            table[f.id] = GLFormat(_COMPRESSED[f.name], RGBA, 0, swizzle=_LATC_SWIZZLE.get(f.name),
                                   compressed=True,
                                   emulated="luminance" if f.name.startswith("LATC") else None)
        elif f.layout == F.FormatLayout.PLAIN:
            gl = _array_format(f) or _legacy_format(f)
            if gl is not None:
                table[f.id] = gl
    return table


GL_FORMATS: dict[int, GLFormat] = _build()
"""Host representation per virgl format id. Absent ids (scaled/fixed vertex-only
formats, YUV, mixed-sign packs, signed 10_10_10_2, 4-bit L/A, stencil-in-32-bit
packs) have no texture representation on this host."""


def lookup(fmt: int) -> GLFormat | None:
    """The host representation of a virgl format, or None if this host has none."""
    return GL_FORMATS.get(fmt)


# --- probing ------------------------------------------------------------------------

@dataclass(frozen=True)
class FormatMasks:
    """What the probe found, as the caps' bitmasks: 16 u32 words each, bit
    (id % 32) of word (id // 32) set when format `id` supports that use.
    Duck-compatible with `pyvirgl.renderer.caps_builder.FormatSupport`."""
    sampler: tuple[int, ...]
    render: tuple[int, ...]
    depthstencil: tuple[int, ...]
    vertexbuffer: tuple[int, ...]
    readback: tuple[int, ...]
    scanout: tuple[int, ...]
    multisample: tuple[int, ...]
    details: dict[int, str] = field(default_factory=dict, compare=False)   # why a format failed

    def ids(self, which: str) -> list[int]:
        """Format ids set in one mask, e.g. masks.ids("render")."""
        return F.mask_ids(getattr(self, which))

    def supports(self, which: str, fmt: int) -> bool:
        words = getattr(self, which)
        return 0 <= fmt < 32 * len(words) and bool(words[fmt // 32] >> (fmt % 32) & 1)


SCANOUT_CANDIDATES = ("B8G8R8X8_UNORM", "B8G8R8A8_UNORM", "R8G8B8X8_UNORM", "R8G8B8A8_UNORM",
                      "B5G6R5_UNORM", "R10G10B10A2_UNORM", "B10G10R10A2_UNORM")
"""Formats a display could scan out; reported only if the host can render them."""

_GL_TEXTURE_2D = 0x0DE1
_GL_TEXTURE_2D_MULTISAMPLE = 0x9100
_GL_FRAMEBUFFER = 0x8D40
_GL_FRAMEBUFFER_COMPLETE = 0x8CD5
_GL_COLOR_ATTACHMENT0 = 0x8CE0
_GL_DEPTH_ATTACHMENT = 0x8D00
_GL_STENCIL_ATTACHMENT = 0x8D20
_GL_DEPTH_STENCIL_ATTACHMENT = 0x821A
_GL_TEXTURE_MIN_FILTER = 0x2801
_GL_NEAREST = 0x2600
_GL_MAX_SAMPLES = 0x8D57
_GL_NO_ERROR = 0
_ATTACH = {Attachment.COLOR: _GL_COLOR_ATTACHMENT0, Attachment.DEPTH: _GL_DEPTH_ATTACHMENT,
           Attachment.STENCIL: _GL_STENCIL_ATTACHMENT,
           Attachment.DEPTH_STENCIL: _GL_DEPTH_STENCIL_ATTACHMENT}
_PROBE_SIZE = 16   # texels; a multiple of every compressed block size up to 12x12 is not needed:
                   # compressed probes size the image to whole blocks themselves


class RawGL:
    """The handful of unwrapped GL entry points the probe needs (PyOpenGL's
    convenience wrappers refuse some valid type enums, e.g. UNSIGNED_INT_24_8).
    Arguments are plain ints and ctypes objects."""

    def __init__(self) -> None:
        import pyvirgl.backend.gl.egl  # noqa: F401  (picks the EGL platform before OpenGL)
        from OpenGL import error
        from OpenGL.raw.GL.VERSION import GL_1_0, GL_1_1, GL_1_3, GL_2_0, GL_3_0, GL_3_2
        self.GLError = error.GLError
        for mod in (GL_1_0, GL_1_1, GL_1_3, GL_2_0, GL_3_0, GL_3_2):
            for name in dir(mod):
                if name.startswith("gl"):
                    setattr(self, name, getattr(mod, name))

    def gen(self, fn) -> int:
        out = ctypes.c_uint()
        fn(1, ctypes.byref(out))
        return out.value

    def delete(self, fn, name: int) -> None:
        fn(1, ctypes.byref(ctypes.c_uint(name)))

    def integer(self, pname: int) -> int:
        out = ctypes.c_int()
        self.glGetIntegerv(pname, ctypes.byref(out))
        return out.value


def _drain_errors(gl: RawGL) -> None:
    for _ in range(16):
        if gl.glGetError() == _GL_NO_ERROR:
            return


def _try(gl: RawGL, fn, *args) -> bool:
    """Run a GL call and report whether it raised no GL error."""
    _drain_errors(gl)
    try:
        fn(*args)
    except gl.GLError:
        return False
    return gl.glGetError() == _GL_NO_ERROR


def _gl_version(gl: RawGL) -> tuple[int, int]:
    return gl.integer(0x821B), gl.integer(0x821C)   # GL_MAJOR_VERSION, GL_MINOR_VERSION


def _has_extension(gl: RawGL, name: str) -> bool:
    want = name.encode()
    for i in range(gl.integer(0x821D)):              # GL_NUM_EXTENSIONS
        s = gl.glGetStringi(0x1F03, i)               # GL_EXTENSIONS
        if s is not None and ctypes.cast(s, ctypes.c_char_p).value == want:
            return True
    return False


def probe_formats(gl: RawGL | None = None, *, allow_emulated_render: bool = False) -> FormatMasks:
    """Test every mapped format in the current GL context.

    sampler: a 2D texture of it can be created (compressed: uploaded from
    zeroed blocks). render / depthstencil: that texture makes a complete
    framebuffer on the matching attachment. readback: renderable or
    depth-stencil (a desktop host can read those back). multisample: a
    4-sample texture of a renderable format is framebuffer-complete.
    Emulated luminance/alpha formats are reported sample-only unless
    `allow_emulated_render` (rendering them needs output swizzling in the
    renderer). Leaves no objects or errors behind and bindings at 0.

    Needs a current context (e.g. `HostContext()`); `gl` defaults to `RawGL()`."""
    gl = gl or RawGL()
    sampler: set[int] = set()
    render: set[int] = set()
    depthstencil: set[int] = set()
    multisample: set[int] = set()
    details: dict[int, str] = {}
    max_samples = gl.integer(_GL_MAX_SAMPLES)
    fbo = gl.gen(gl.glGenFramebuffers)
    try:
        for fid, glf in sorted(GL_FORMATS.items()):
            info = F.FORMATS[fid]
            tex = gl.gen(gl.glGenTextures)
            try:
                gl.glBindTexture(_GL_TEXTURE_2D, tex)
                if not _create_level(gl, info, glf):
                    details[fid] = "texture creation refused"
                    continue
                sampler.add(fid)
                if glf.compressed or (glf.emulated and not allow_emulated_render):
                    continue
                if not _complete(gl, fbo, _GL_TEXTURE_2D, tex, glf.attachment):
                    details[fid] = "framebuffer incomplete"
                    continue
                (render if glf.attachment == Attachment.COLOR else depthstencil).add(fid)
                if max_samples >= 4 and _multisample_ok(gl, fbo, glf):
                    multisample.add(fid)
            finally:
                gl.glBindTexture(_GL_TEXTURE_2D, 0)
                gl.delete(gl.glDeleteTextures, tex)
    finally:
        gl.glBindFramebuffer(_GL_FRAMEBUFFER, 0)
        gl.delete(gl.glDeleteFramebuffers, fbo)
        _drain_errors(gl)
    vertex: set[int] = set()
    if _gl_version(gl) >= (4, 4) or _has_extension(gl, "GL_ARB_vertex_type_10f_11f_11f_rev"):
        vertex.add(F.BY_NAME["R11G11B10_FLOAT"].id)
    scanout = {F.BY_NAME[n].id for n in SCANOUT_CANDIDATES} & render
    m = F.mask_words
    return FormatMasks(m(sampler), m(render), m(depthstencil), m(vertex), m(render | depthstencil),
                       m(scanout), m(multisample), details)


def _create_level(gl: RawGL, info: F.FormatInfo, glf: GLFormat) -> bool:
    if glf.compressed:
        w, h = info.block_width * 2, info.block_height * 2
        size = 4 * info.block_bytes
        data = (ctypes.c_ubyte * size)()
        return _try(gl, gl.glCompressedTexImage2D, _GL_TEXTURE_2D, 0, glf.internal_format, w, h, 0,
                    size, data)
    ok = _try(gl, gl.glTexImage2D, _GL_TEXTURE_2D, 0, glf.internal_format, _PROBE_SIZE, _PROBE_SIZE, 0,
              glf.format, glf.type, None)
    if ok:
        gl.glTexParameteri(_GL_TEXTURE_2D, _GL_TEXTURE_MIN_FILTER, _GL_NEAREST)
    return ok


def _complete(gl: RawGL, fbo: int, target: int, tex: int, attachment: Attachment) -> bool:
    gl.glBindFramebuffer(_GL_FRAMEBUFFER, fbo)
    try:
        if not _try(gl, gl.glFramebufferTexture2D, _GL_FRAMEBUFFER, _ATTACH[attachment], target, tex, 0):
            return False
        draw = ctypes.c_uint(_GL_COLOR_ATTACHMENT0 if attachment == Attachment.COLOR else 0)
        gl.glDrawBuffers(1, ctypes.byref(draw))   # GL_NONE for depth/stencil-only framebuffers
        gl.glReadBuffer(draw.value)
        return gl.glCheckFramebufferStatus(_GL_FRAMEBUFFER) == _GL_FRAMEBUFFER_COMPLETE
    finally:
        gl.glFramebufferTexture2D(_GL_FRAMEBUFFER, _ATTACH[attachment], target, 0, 0)
        gl.glBindFramebuffer(_GL_FRAMEBUFFER, 0)


def _multisample_ok(gl: RawGL, fbo: int, glf: GLFormat) -> bool:
    tex = gl.gen(gl.glGenTextures)
    try:
        gl.glBindTexture(_GL_TEXTURE_2D_MULTISAMPLE, tex)
        if not _try(gl, gl.glTexImage2DMultisample, _GL_TEXTURE_2D_MULTISAMPLE, 4, glf.internal_format,
                    _PROBE_SIZE, _PROBE_SIZE, True):
            return False
        return _complete(gl, fbo, _GL_TEXTURE_2D_MULTISAMPLE, tex, glf.attachment)
    finally:
        gl.glBindTexture(_GL_TEXTURE_2D_MULTISAMPLE, 0)
        gl.delete(gl.glDeleteTextures, tex)
