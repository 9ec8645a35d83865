"""The vocabularies of TGSI text: register files, semantics, texture targets...

Each is an IntEnum whose member order equals the numeric value Gallium uses
(p_shader_tokens.h), and whose `.name` spells the text form, so the parser
and the printer share one table. Names that are not valid Python identifiers
(`1D`, `2D_ARRAY`) get a leading underscore stripped by `text_name`.
"""
from __future__ import annotations

from enum import IntEnum


def text_name(member: IntEnum) -> str:
    """The spelling of an enum member in TGSI text."""
    return member.name[1:] if member.name.startswith("_") else member.name


def lookup_table(enum_cls: type[IntEnum]) -> dict[str, IntEnum]:
    """Upper-case text spelling -> member, for case-insensitive matching."""
    return {text_name(m).upper(): m for m in enum_cls}


class Processor(IntEnum):
    """Shader stage; values follow PIPE_SHADER_* (not the text order)."""

    VERT = 0
    FRAG = 1
    GEOM = 2
    TESS_CTRL = 3
    TESS_EVAL = 4
    COMP = 5


class RegFile(IntEnum):
    NULL = 0
    CONST = 1
    IN = 2
    OUT = 3
    TEMP = 4
    SAMP = 5
    ADDR = 6
    IMM = 7
    SV = 8
    IMAGE = 9
    SVIEW = 10
    BUFFER = 11
    MEMORY = 12
    CONSTBUF = 13
    HWATOMIC = 14


class Semantic(IntEnum):
    POSITION = 0
    COLOR = 1
    BCOLOR = 2
    FOG = 3
    PSIZE = 4
    GENERIC = 5
    NORMAL = 6
    FACE = 7
    EDGEFLAG = 8
    PRIM_ID = 9
    INSTANCEID = 10
    VERTEXID = 11
    STENCIL = 12
    CLIPDIST = 13
    CLIPVERTEX = 14
    GRID_SIZE = 15
    BLOCK_ID = 16
    BLOCK_SIZE = 17
    THREAD_ID = 18
    TEXCOORD = 19
    PCOORD = 20
    VIEWPORT_INDEX = 21
    LAYER = 22
    SAMPLEID = 23
    SAMPLEPOS = 24
    SAMPLEMASK = 25
    INVOCATIONID = 26
    VERTEXID_NOBASE = 27
    BASEVERTEX = 28
    PATCH = 29
    TESSCOORD = 30
    TESSOUTER = 31
    TESSINNER = 32
    VERTICESIN = 33
    HELPER_INVOCATION = 34
    BASEINSTANCE = 35
    DRAWID = 36
    WORK_DIM = 37
    SUBGROUP_SIZE = 38
    SUBGROUP_INVOCATION = 39
    SUBGROUP_EQ_MASK = 40
    SUBGROUP_GE_MASK = 41
    SUBGROUP_GT_MASK = 42
    SUBGROUP_LE_MASK = 43
    SUBGROUP_LT_MASK = 44
    CS_USER_DATA_AMD = 45
    VIEWPORT_MASK = 46


class Texture(IntEnum):
    BUFFER = 0
    _1D = 1
    _2D = 2
    _3D = 3
    CUBE = 4
    RECT = 5
    SHADOW1D = 6
    SHADOW2D = 7
    SHADOWRECT = 8
    _1D_ARRAY = 9
    _2D_ARRAY = 10
    SHADOW1D_ARRAY = 11
    SHADOW2D_ARRAY = 12
    SHADOWCUBE = 13
    _2D_MSAA = 14
    _2D_ARRAY_MSAA = 15
    CUBEARRAY = 16
    SHADOWCUBEARRAY = 17
    UNKNOWN = 18


class ReturnType(IntEnum):
    UNORM = 0
    SNORM = 1
    SINT = 2
    UINT = 3
    FLOAT = 4


class Interp(IntEnum):
    CONSTANT = 0
    LINEAR = 1
    PERSPECTIVE = 2
    COLOR = 3


class InterpLoc(IntEnum):
    CENTER = 0
    CENTROID = 1
    SAMPLE = 2


class Property(IntEnum):
    GS_INPUT_PRIMITIVE = 0
    GS_OUTPUT_PRIMITIVE = 1
    GS_MAX_OUTPUT_VERTICES = 2
    FS_COORD_ORIGIN = 3
    FS_COORD_PIXEL_CENTER = 4
    FS_COLOR0_WRITES_ALL_CBUFS = 5
    FS_DEPTH_LAYOUT = 6
    VS_PROHIBIT_UCPS = 7
    GS_INVOCATIONS = 8
    VS_WINDOW_SPACE_POSITION = 9
    TCS_VERTICES_OUT = 10
    TES_PRIM_MODE = 11
    TES_SPACING = 12
    TES_VERTEX_ORDER_CW = 13
    TES_POINT_MODE = 14
    NUM_CLIPDIST_ENABLED = 15
    NUM_CULLDIST_ENABLED = 16
    FS_EARLY_DEPTH_STENCIL = 17
    FS_POST_DEPTH_COVERAGE = 18
    NEXT_SHADER = 19
    CS_FIXED_BLOCK_WIDTH = 20
    CS_FIXED_BLOCK_HEIGHT = 21
    CS_FIXED_BLOCK_DEPTH = 22
    LEGACY_MATH_RULES = 23
    VS_BLIT_SGPRS_AMD = 24
    CS_USER_DATA_COMPONENTS_AMD = 25
    LAYER_VIEWPORT_RELATIVE = 26
    FS_BLEND_EQUATION_ADVANCED = 27
    SEPARABLE_PROGRAM = 28


class Primitive(IntEnum):
    POINTS = 0
    LINES = 1
    LINE_LOOP = 2
    LINE_STRIP = 3
    TRIANGLES = 4
    TRIANGLE_STRIP = 5
    TRIANGLE_FAN = 6
    QUADS = 7
    QUAD_STRIP = 8
    POLYGON = 9
    LINES_ADJACENCY = 10
    LINE_STRIP_ADJACENCY = 11
    TRIANGLES_ADJACENCY = 12
    TRIANGLE_STRIP_ADJACENCY = 13
    PATCHES = 14


# Vertices per input primitive: the implied size of `IN[]` in a geometry shader.
PRIMITIVE_VERTICES = {
    Primitive.POINTS: 1,
    Primitive.LINES: 2,
    Primitive.LINE_LOOP: 2,
    Primitive.LINE_STRIP: 2,
    Primitive.TRIANGLES: 3,
    Primitive.TRIANGLE_STRIP: 3,
    Primitive.TRIANGLE_FAN: 3,
    Primitive.QUADS: 4,
    Primitive.QUAD_STRIP: 4,
    Primitive.POLYGON: 3,
    Primitive.LINES_ADJACENCY: 4,
    Primitive.LINE_STRIP_ADJACENCY: 4,
    Primitive.TRIANGLES_ADJACENCY: 6,
    Primitive.TRIANGLE_STRIP_ADJACENCY: 6,
    Primitive.PATCHES: 0,
}


class CoordOrigin(IntEnum):
    UPPER_LEFT = 0
    LOWER_LEFT = 1


class PixelCenter(IntEnum):
    HALF_INTEGER = 0
    INTEGER = 1


class NextShaderName(IntEnum):
    """NEXT_SHADER property values use the text order of processors."""

    VERT = 0
    TESS_CTRL = 1
    TESS_EVAL = 2
    GEOM = 3
    FRAG = 4
    COMP = 5


class ImmType(IntEnum):
    FLT32 = 0
    UINT32 = 1
    INT32 = 2
    FLT64 = 3
    UINT64 = 4
    INT64 = 5


class MemoryQualifier(IntEnum):
    """Bit numbers of instruction memory qualifiers."""

    COHERENT = 0
    RESTRICT = 1
    VOLATILE = 2
    STREAM_CACHE_POLICY = 3


class MemoryType(IntEnum):
    GLOBAL = 0
    SHARED = 1
    PRIVATE = 2
    INPUT = 3


# Semantics whose index is always printed, even when zero.
ALWAYS_INDEXED_SEMANTICS = frozenset({Semantic.GENERIC, Semantic.TEXCOORD})

# Per-patch semantics: not per-vertex arrays in tessellation stages.
PATCH_SEMANTICS = frozenset({Semantic.PATCH, Semantic.TESSINNER, Semantic.TESSOUTER, Semantic.PRIM_ID})

SHADOW_TARGETS = frozenset({
    Texture.SHADOW1D, Texture.SHADOW2D, Texture.SHADOWRECT, Texture.SHADOW1D_ARRAY,
    Texture.SHADOW2D_ARRAY, Texture.SHADOWCUBE, Texture.SHADOWCUBEARRAY,
})

SWIZZLE_CHARS = "xyzw"
