"""The virgl command stream (SUBMIT_CMD payload), as Mesa 22.3.6 writes it.

This module is the single description of the wire format. The decoder
(`pyvirgl.decode`) and the encoder (`pyvirgl.client.encoder`) both walk the
`COMMAND_SPECS` / `OBJECT_SPECS` tables below; neither hard-codes a layout
of its own, so they cannot drift apart.

Wire basics
-----------
The stream is a sequence of little-endian u32 words. Every command starts
with one header word::

    bits  0..7   command id (`Ccmd`)
    bits  8..15  object type (`ObjectType`), only meaningful for
                 CREATE_OBJECT / BIND_OBJECT / DESTROY_OBJECT
    bits 16..31  payload length in words, header excluded

The payload layout of each command is described declaratively with the
small vocabulary below (`Word`, `Packed`/`Bits`, `Group`, `Struct`, `Blob`,
`Optional`). The names of the items are the field names of the decoded
dataclasses in `pyvirgl.decode.commands`.

Enum-valued fields (blend factors, compare funcs, wrap modes, ...) are kept
as plain ints on the wire dataclasses: Mesa legitimately sends values that
are not members of the Gallium enums (for example blend factor 0 for unused
render targets), so only fields whose out-of-range values could index
something on the host carry a range (`hi`) here.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Union

# ---------------------------------------------------------------------------
# Header word
# ---------------------------------------------------------------------------

HEADER_LENGTH_MAX = 0xFFFF
"""The length field is 16 bits: a single command carries at most 65535 payload words."""

TBUF_DWORDS = 1024
"""With protocol >= 2 Mesa reserves the first 1024 words of a submit for
TRANSFER3D records, closed by an END_TRANSFERS whose payload pads up to
word 1024. The padding holds stale data and must only ever be skipped."""


def header(cmd: int, obj: int, length: int) -> int:
    """Pack a command header word."""
    if not 0 <= length <= HEADER_LENGTH_MAX:
        raise ValueError(f"command payload of {length} words does not fit the 16-bit length")
    return (cmd & 0xFF) | ((obj & 0xFF) << 8) | (length << 16)


def split_header(word: int) -> tuple[int, int, int]:
    """(cmd, obj, length) of a header word."""
    return word & 0xFF, (word >> 8) & 0xFF, word >> 16


# ---------------------------------------------------------------------------
# Command ids and object types
# ---------------------------------------------------------------------------


class Ccmd(enum.IntEnum):
    NOP = 0
    CREATE_OBJECT = 1
    BIND_OBJECT = 2
    DESTROY_OBJECT = 3
    SET_VIEWPORT_STATE = 4
    SET_FRAMEBUFFER_STATE = 5
    SET_VERTEX_BUFFERS = 6
    CLEAR = 7
    DRAW_VBO = 8
    RESOURCE_INLINE_WRITE = 9
    SET_SAMPLER_VIEWS = 10
    SET_INDEX_BUFFER = 11
    SET_CONSTANT_BUFFER = 12
    SET_STENCIL_REF = 13
    SET_BLEND_COLOR = 14
    SET_SCISSOR_STATE = 15
    BLIT = 16
    RESOURCE_COPY_REGION = 17
    BIND_SAMPLER_STATES = 18
    BEGIN_QUERY = 19
    END_QUERY = 20
    GET_QUERY_RESULT = 21
    SET_POLYGON_STIPPLE = 22
    SET_CLIP_STATE = 23
    SET_SAMPLE_MASK = 24
    SET_STREAMOUT_TARGETS = 25
    SET_RENDER_CONDITION = 26
    SET_UNIFORM_BUFFER = 27
    SET_SUB_CTX = 28
    CREATE_SUB_CTX = 29
    DESTROY_SUB_CTX = 30
    BIND_SHADER = 31
    SET_TESS_STATE = 32
    SET_MIN_SAMPLES = 33
    SET_SHADER_BUFFERS = 34
    SET_SHADER_IMAGES = 35
    MEMORY_BARRIER = 36
    LAUNCH_GRID = 37
    SET_FRAMEBUFFER_STATE_NO_ATTACH = 38
    TEXTURE_BARRIER = 39
    SET_ATOMIC_BUFFERS = 40
    SET_DEBUG_FLAGS = 41
    GET_QUERY_RESULT_QBO = 42
    TRANSFER3D = 43
    END_TRANSFERS = 44
    COPY_TRANSFER3D = 45
    SET_TWEAKS = 46
    CLEAR_TEXTURE = 47
    PIPE_RESOURCE_CREATE = 48
    PIPE_RESOURCE_SET_TYPE = 49
    GET_MEMORY_INFO = 50
    EMIT_STRING_MARKER = 51
    LINK_SHADER = 52
    # video codec (Mesa 22.3)
    CREATE_VIDEO_CODEC = 53
    DESTROY_VIDEO_CODEC = 54
    CREATE_VIDEO_BUFFER = 55
    DESTROY_VIDEO_BUFFER = 56
    BEGIN_FRAME = 57
    DECODE_MACROBLOCK = 58
    DECODE_BITSTREAM = 59
    ENCODE_BITSTREAM = 60
    END_FRAME = 61


CCMD_COUNT = 62
"""Ids at or above this are unknown to protocol 22.3."""

# Module-level VIRGL_CCMD_<NAME> aliases, so code can be grepped against the C header.
for _c in Ccmd:
    globals()[f"VIRGL_CCMD_{_c.name}"] = int(_c)
del _c


class ObjectType(enum.IntEnum):
    NULL = 0
    BLEND = 1
    RASTERIZER = 2
    DSA = 3
    SHADER = 4
    VERTEX_ELEMENTS = 5
    SAMPLER_VIEW = 6
    SAMPLER_STATE = 7
    SURFACE = 8
    QUERY = 9
    STREAMOUT_TARGET = 10
    MSAA_SURFACE = 11


OBJECT_TYPE_COUNT = 12

for _o in ObjectType:
    globals()[f"VIRGL_OBJECT_{_o.name}"] = int(_o)
del _o

BINDABLE_OBJECTS = frozenset({ObjectType.BLEND, ObjectType.RASTERIZER, ObjectType.DSA,
                              ObjectType.VERTEX_ELEMENTS})
"""BIND_OBJECT only binds these; shaders, samplers etc. have their own commands."""


class ShaderStage(enum.IntEnum):
    """Stage numbering on the wire (virgl's, not Gallium's internal one)."""
    VERTEX = 0
    FRAGMENT = 1
    GEOMETRY = 2
    TESS_CTRL = 3
    TESS_EVAL = 4
    COMPUTE = 5


SHADER_STAGE_COUNT = 6

# ---------------------------------------------------------------------------
# Gallium limits the guest is held to
# ---------------------------------------------------------------------------

MAX_COLOR_BUFS = 8
MAX_VERTEX_BUFFERS = 32
MAX_VERTEX_ELEMENTS = 32
MAX_SAMPLER_VIEWS = 32          # per stage
MAX_SAMPLER_STATES = 32         # per stage
MAX_VIEWPORTS = 16
MAX_CONSTANT_BUFFERS = 32       # per stage, index 0 is the inline SET_CONSTANT_BUFFER one
MAX_SHADER_BUFFERS = 32         # per stage
MAX_SHADER_IMAGES = 32          # per stage
MAX_ATOMIC_BUFFERS = 32
MAX_SO_BUFFERS = 4
MAX_SO_OUTPUTS = 64
MAX_CLIP_PLANES = 8
MAX_VIDEO_PLANES = 4
MAX_RESOURCE_PLANES = 4         # PIPE_RESOURCE_SET_TYPE (GBM's plane limit)
MAX_SHADER_TEXT_BYTES = 1 << 20
"""Reassembled TGSI text larger than this is refused (Mesa's own dump buffer tops out well below)."""

VIRGL_FORMAT_MAX = 322
"""Format ids below this are the guest-visible virgl formats (see protocol.formats)."""

TRANSFER_TO_HOST = 1
TRANSFER_FROM_HOST = 2

COPY_TRANSFER3D_FLAG_SYNCHRONIZED = 1 << 0
COPY_TRANSFER3D_FLAG_READ_FROM_HOST = 1 << 1

SHADER_OFFSET_CONTINUATION = 1 << 31
"""CREATE_OBJECT(SHADER) offset word: set on continuation chunks, whose low 31
bits are then the byte offset of the chunk; on the first chunk the low bits
are the total text length including the terminating NUL."""

# ---------------------------------------------------------------------------
# Gallium (PIPE_*) enums used inside payloads
# ---------------------------------------------------------------------------


class TextureTarget(enum.IntEnum):
    BUFFER = 0
    TEXTURE_1D = 1
    TEXTURE_2D = 2
    TEXTURE_3D = 3
    TEXTURE_CUBE = 4
    TEXTURE_RECT = 5
    TEXTURE_1D_ARRAY = 6
    TEXTURE_2D_ARRAY = 7
    TEXTURE_CUBE_ARRAY = 8


TEXTURE_TARGET_COUNT = 9


class PrimType(enum.IntEnum):
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


PRIM_TYPE_COUNT = 15


class BlendFactor(enum.IntEnum):
    ONE = 0x01
    SRC_COLOR = 0x02
    SRC_ALPHA = 0x03
    DST_ALPHA = 0x04
    DST_COLOR = 0x05
    SRC_ALPHA_SATURATE = 0x06
    CONST_COLOR = 0x07
    CONST_ALPHA = 0x08
    SRC1_COLOR = 0x09
    SRC1_ALPHA = 0x0A
    ZERO = 0x11
    INV_SRC_COLOR = 0x12
    INV_SRC_ALPHA = 0x13
    INV_DST_ALPHA = 0x14
    INV_DST_COLOR = 0x15
    INV_CONST_COLOR = 0x17
    INV_CONST_ALPHA = 0x18
    INV_SRC1_COLOR = 0x19
    INV_SRC1_ALPHA = 0x1A


class BlendFunc(enum.IntEnum):
    ADD = 0
    SUBTRACT = 1
    REVERSE_SUBTRACT = 2
    MIN = 3
    MAX = 4


class LogicOp(enum.IntEnum):
    CLEAR = 0
    NOR = 1
    AND_INVERTED = 2
    COPY_INVERTED = 3
    AND_REVERSE = 4
    INVERT = 5
    XOR = 6
    NAND = 7
    AND = 8
    EQUIV = 9
    NOOP = 10
    OR_INVERTED = 11
    COPY = 12
    OR_REVERSE = 13
    OR = 14
    SET = 15


class ColorMask(enum.IntFlag):
    R = 0x1
    G = 0x2
    B = 0x4
    A = 0x8
    RGBA = 0xF


class CompareFunc(enum.IntEnum):
    NEVER = 0
    LESS = 1
    EQUAL = 2
    LEQUAL = 3
    GREATER = 4
    NOTEQUAL = 5
    GEQUAL = 6
    ALWAYS = 7


class StencilOp(enum.IntEnum):
    KEEP = 0
    ZERO = 1
    REPLACE = 2
    INCR = 3
    DECR = 4
    INCR_WRAP = 5
    DECR_WRAP = 6
    INVERT = 7


class PolygonMode(enum.IntEnum):
    FILL = 0
    LINE = 1
    POINT = 2
    FILL_RECTANGLE = 3


class Face(enum.IntFlag):
    NONE = 0
    FRONT = 1
    BACK = 2
    FRONT_AND_BACK = 3


class TexWrap(enum.IntEnum):
    REPEAT = 0
    CLAMP = 1
    CLAMP_TO_EDGE = 2
    CLAMP_TO_BORDER = 3
    MIRROR_REPEAT = 4
    MIRROR_CLAMP = 5
    MIRROR_CLAMP_TO_EDGE = 6
    MIRROR_CLAMP_TO_BORDER = 7


class TexMipFilter(enum.IntEnum):
    NEAREST = 0
    LINEAR = 1
    NONE = 2


class TexFilter(enum.IntEnum):
    NEAREST = 0
    LINEAR = 1


class TexCompare(enum.IntEnum):
    NONE = 0
    R_TO_TEXTURE = 1


class Swizzle(enum.IntEnum):
    X = 0
    Y = 1
    Z = 2
    W = 3
    ZERO = 4
    ONE = 5


class ClearFlags(enum.IntFlag):
    DEPTH = 1 << 0
    STENCIL = 1 << 1
    COLOR0 = 1 << 2
    COLOR1 = 1 << 3
    COLOR2 = 1 << 4
    COLOR3 = 1 << 5
    COLOR4 = 1 << 6
    COLOR5 = 1 << 7
    COLOR6 = 1 << 8
    COLOR7 = 1 << 9
    COLOR = 0xFF << 2
    DEPTHSTENCIL = 0x3


class QueryType(enum.IntEnum):
    """Query types as they appear on the wire (CREATE_OBJECT(QUERY)).

    NOT Mesa 22.3's PIPE_QUERY_* order: the guest driver translates to virgl's
    own, older numbering (virgl_query.c), which the host must use."""
    OCCLUSION_COUNTER = 0
    OCCLUSION_PREDICATE = 1
    TIMESTAMP = 2
    TIMESTAMP_DISJOINT = 3
    TIME_ELAPSED = 4
    PRIMITIVES_GENERATED = 5
    PRIMITIVES_EMITTED = 6
    SO_STATISTICS = 7
    SO_OVERFLOW_PREDICATE = 8
    GPU_FINISHED = 9
    PIPELINE_STATISTICS = 10
    OCCLUSION_PREDICATE_CONSERVATIVE = 11
    SO_OVERFLOW_ANY_PREDICATE = 12


QUERY_TYPE_COUNT = 13


class QueryValueType(enum.IntEnum):
    """GET_QUERY_RESULT_QBO result_type: how the result is written into the buffer."""
    I32 = 0
    U32 = 1
    I64 = 2
    U64 = 3


class RenderCondMode(enum.IntEnum):
    WAIT = 0
    NO_WAIT = 1
    BY_REGION_WAIT = 2
    BY_REGION_NO_WAIT = 3


class SpriteCoordMode(enum.IntEnum):
    UPPER_LEFT = 0
    LOWER_LEFT = 1


class MapFlags(enum.IntFlag):
    """Transfer `usage` words carry Gallium map flags."""
    READ = 1 << 0
    WRITE = 1 << 1
    DIRECTLY = 1 << 2
    DISCARD_RANGE = 1 << 3
    DONTBLOCK = 1 << 4
    UNSYNCHRONIZED = 1 << 5
    FLUSH_EXPLICIT = 1 << 6
    DISCARD_WHOLE_RESOURCE = 1 << 7
    PERSISTENT = 1 << 8
    COHERENT = 1 << 9


class PipeBind(enum.IntFlag):
    """Gallium's PIPE_BIND_* (guest side)."""
    DEPTH_STENCIL = 1 << 0
    RENDER_TARGET = 1 << 1
    BLENDABLE = 1 << 2
    SAMPLER_VIEW = 1 << 3
    VERTEX_BUFFER = 1 << 4
    INDEX_BUFFER = 1 << 5
    CONSTANT_BUFFER = 1 << 6
    DISPLAY_TARGET = 1 << 7
    VERTEX_STATE = 1 << 8
    STREAM_OUTPUT = 1 << 10
    CURSOR = 1 << 11
    CUSTOM = 1 << 12
    GLOBAL = 1 << 13
    SHADER_BUFFER = 1 << 14
    SHADER_IMAGE = 1 << 15
    COMPUTE_RESOURCE = 1 << 16
    COMMAND_ARGS_BUFFER = 1 << 17
    QUERY_BUFFER = 1 << 18
    SCANOUT = 1 << 19
    SHARED = 1 << 20
    LINEAR = 1 << 21


class VirglBind(enum.IntFlag):
    """virgl's own bind bits: what resource-create and the caps masks use on the wire."""
    DEPTH_STENCIL = 1 << 0
    RENDER_TARGET = 1 << 1
    SAMPLER_VIEW = 1 << 3
    VERTEX_BUFFER = 1 << 4
    INDEX_BUFFER = 1 << 5
    CONSTANT_BUFFER = 1 << 6
    DISPLAY_TARGET = 1 << 7
    COMMAND_ARGS = 1 << 8
    STREAM_OUTPUT = 1 << 11
    SHADER_BUFFER = 1 << 14
    QUERY_BUFFER = 1 << 15
    CURSOR = 1 << 16
    CUSTOM = 1 << 17
    SCANOUT = 1 << 18
    STAGING = 1 << 19
    SHARED = 1 << 20
    PREFER_EMULATED_BGRA = 1 << 21
    LINEAR = 1 << 22


class VirglResourceFlags(enum.IntFlag):
    """PIPE_RESOURCE_CREATE / resource-create `flags` on the wire (virgl's own bits)."""
    Y_0_TOP = 1 << 0
    MAP_PERSISTENT = 1 << 1
    MAP_COHERENT = 1 << 2


class BarrierFlags(enum.IntFlag):
    MAPPED_BUFFER = 1 << 0
    SHADER_BUFFER = 1 << 1
    QUERY_BUFFER = 1 << 2
    VERTEX_BUFFER = 1 << 3
    INDEX_BUFFER = 1 << 4
    CONSTANT_BUFFER = 1 << 5
    INDIRECT_BUFFER = 1 << 6
    TEXTURE = 1 << 7
    IMAGE = 1 << 8
    FRAMEBUFFER = 1 << 9
    STREAMOUT_BUFFER = 1 << 10
    GLOBAL_BUFFER = 1 << 11
    UPDATE_BUFFER = 1 << 12
    UPDATE_TEXTURE = 1 << 13


class TextureBarrierFlags(enum.IntFlag):
    SAMPLER = 1 << 0
    FRAMEBUFFER = 1 << 1


class ImageAccess(enum.IntFlag):
    READ = 1 << 0
    WRITE = 1 << 1


class TweakType(enum.IntEnum):
    GLES_BGRA_EMULATE = 0
    GLES_BGRA_APPLY_DEST_SWIZZLE = 1
    GLES_TF3_SAMPLES_PASSES_MULTIPLIER = 2


# ---------------------------------------------------------------------------
# Spec vocabulary
# ---------------------------------------------------------------------------


class Kind(enum.Enum):
    U32 = "I"
    I32 = "i"
    F32 = "f"
    BOOL = "?"   # one word; nonzero reads as True, True writes as 1
    F64 = "d"    # two words, low word first (how Mesa stores the clear depth)
    U64 = "Q"    # two words, low word first

    @property
    def words(self) -> int:
        return 2 if self in (Kind.F64, Kind.U64) else 1


U32, I32, F32, BOOL, F64, U64 = Kind.U32, Kind.I32, Kind.F32, Kind.BOOL, Kind.F64, Kind.U64


@dataclass(frozen=True)
class Word:
    """One field occupying one word (two for F64/U64), or `count` consecutive ones (a tuple).

    `lo`/`hi` are inclusive bounds the decoder enforces (ints only)."""
    name: str
    kind: Kind = Kind.U32
    count: int = 1
    lo: int | None = None
    hi: int | None = None
    derived: bool = False
    """Derived words (counts of a following group) are checked by the decoder and
    written by the encoder, but are not fields of the dataclass."""

    @property
    def words(self) -> int:
        return self.kind.words * self.count


@dataclass(frozen=True)
class Bits:
    """A bitfield inside a `Packed` word."""
    name: str
    shift: int
    width: int
    hi: int | None = None   # inclusive upper bound below the width's own limit

    @property
    def mask(self) -> int:
        return (1 << self.width) - 1


@dataclass(frozen=True)
class Packed:
    """One word made of bitfields; each bitfield is a separate dataclass field.

    Bits outside all fields are ignored on decode and written as zero."""
    name: str          # for documentation / error messages only
    bits: tuple[Bits, ...]

    words = 1


Item = Union[Word, Packed, "Group", "Struct"]


@dataclass(frozen=True)
class Struct:
    """A fixed run of items decoded into one nested dataclass (`cls` names it)."""
    name: str
    cls: str
    items: tuple[Item, ...]

    @property
    def words(self) -> int:
        return sum(i.words for i in self.items)


@dataclass(frozen=True)
class Group:
    """A repeated element (a tuple of `cls` dataclasses, or of plain values when the
    element is a single U32 `Word` and `cls` is None).

    A group with min_count == max_count is fixed and may appear anywhere; a
    variable group must be the last item and its count comes from the length.
    `count_from` names a derived head word that must equal the count;
    `slot_from` names a head word (a start slot) with start + count <= max_count."""
    name: str
    cls: str | None
    items: tuple[Item, ...]
    min_count: int
    max_count: int
    count_from: str | None = None
    slot_from: str | None = None

    @property
    def element_words(self) -> int:
        return sum(i.words for i in self.items)

    @property
    def fixed(self) -> bool:
        return self.min_count == self.max_count

    @property
    def words(self) -> int:
        if not self.fixed:
            raise TypeError(f"variable group {self.name} has no fixed size")
        return self.element_words * self.min_count


@dataclass(frozen=True)
class Blob:
    """All remaining payload words as raw bytes (length a multiple of 4)."""
    name: str


@dataclass(frozen=True)
class CommandSpec:
    """The layout of one command payload.

    `items` always present; then optionally either a trailing variable `Group`
    (last item), or `tails`: extra runs of words that are either all present
    or all absent, in order (DRAW_VBO's tessellation and indirect parts), or a
    `blob`. `any_length` commands ignore their payload (NOP, END_TRANSFERS).
    `custom` layouts (the shader) are decoded by hand; their items only
    describe the fixed head."""
    name: str                      # wire name, used in GuestError messages
    cls: str                       # dataclass name in pyvirgl.decode.commands
    cmd: Ccmd
    items: tuple[Item, ...] = ()
    obj: ObjectType | None = None  # for CREATE_OBJECT specs
    tails: tuple[tuple[Item, ...], ...] = ()
    blob: Blob | None = None
    min_blob_words: int = 0
    any_length: bool = False
    obj_types: frozenset[int] | None = None   # header object types accepted (dataclass gets obj_type)
    custom: bool = False
    doc: str = ""
    # Plain state setters: the command only sets the state of one slot, named by
    # its command id, header object type and these leading fields, to what its
    # payload says; so one identical to the last command for its slot changes
    # nothing. None: not such a command (it has effects, or reads other state).
    state_slot: tuple[str, ...] | None = None

    @property
    def state_slot_words(self) -> tuple[int, ...] | None:
        """Payload word indexes of the `state_slot` fields (one-word head fields)."""
        if self.state_slot is None:
            return None
        offsets, at = {}, 0
        for item in self.items:
            if isinstance(item, Group) and not item.fixed:
                break
            if isinstance(item, Word):
                offsets[item.name] = at
            at += item.words
        return tuple(offsets[name] for name in self.state_slot)

    @property
    def variable_group(self) -> Group | None:
        last = self.items[-1] if self.items else None
        if isinstance(last, Group) and not last.fixed:
            return last
        return None

    @property
    def head_words(self) -> int:
        """Words before any variable group, tail or blob."""
        return sum(i.words for i in self.items if not (isinstance(i, Group) and not i.fixed))

    @property
    def allowed_lengths(self) -> tuple[int, ...] | None:
        """Exact payload lengths accepted, or None when a group/blob makes it open-ended."""
        if self.any_length or self.custom or self.blob or self.variable_group:
            return None
        n = self.head_words
        out = [n]
        for tail in self.tails:
            n += sum(i.words for i in tail)
            out.append(n)
        return tuple(out)


def _u(name: str, **kw) -> Word:
    return Word(name, U32, **kw)


def _f(name: str, count: int = 1) -> Word:
    return Word(name, F32, count)


STAGE = dict(hi=SHADER_STAGE_COUNT - 1)
FORMAT = dict(hi=VIRGL_FORMAT_MAX - 1)

# --- reusable pieces ---------------------------------------------------------

TRANSFER_COMMON: tuple[Item, ...] = (
    _u("res_handle"), _u("level"), _u("usage"), _u("stride"), _u("layer_stride"),
    _u("x"), _u("y"), _u("z"), _u("width"), _u("height"), _u("depth"),
)
"""The 11 words shared by RESOURCE_INLINE_WRITE, TRANSFER3D and COPY_TRANSFER3D.
stride/layer_stride 0 means "the host's natural stride for that level"."""

SO_OUTPUT_BITS = Packed("so_output", (
    Bits("register_index", 0, 8), Bits("start_component", 8, 2), Bits("num_components", 10, 3),
    Bits("output_buffer", 13, 3, hi=MAX_SO_BUFFERS - 1), Bits("dst_offset", 16, 16),
))
SO_STREAM_BITS = Packed("so_stream", (Bits("stream", 0, 2),))

BLEND_TARGET = Packed("rt", (
    Bits("blend_enable", 0, 1), Bits("rgb_func", 1, 3), Bits("rgb_src_factor", 4, 5),
    Bits("rgb_dst_factor", 9, 5), Bits("alpha_func", 14, 3),
    # On rt[0] Mesa reuses alpha_src_factor to carry the advanced blend equation.
    Bits("alpha_src_factor", 17, 5), Bits("alpha_dst_factor", 22, 5), Bits("colormask", 27, 4),
))

STENCIL_FACE = Packed("stencil", (
    Bits("enabled", 0, 1), Bits("func", 1, 3), Bits("fail_op", 4, 3), Bits("zpass_op", 7, 3),
    Bits("zfail_op", 10, 3), Bits("valuemask", 13, 8), Bits("writemask", 21, 8),
))

RASTERIZER_S0 = Packed("s0", (
    Bits("flatshade", 0, 1), Bits("depth_clip", 1, 1), Bits("clip_halfz", 2, 1),
    Bits("rasterizer_discard", 3, 1), Bits("flatshade_first", 4, 1), Bits("light_twoside", 5, 1),
    Bits("sprite_coord_mode", 6, 1), Bits("point_quad_rasterization", 7, 1),
    Bits("cull_face", 8, 2), Bits("fill_front", 10, 2), Bits("fill_back", 12, 2),
    Bits("scissor", 14, 1), Bits("front_ccw", 15, 1), Bits("clamp_vertex_color", 16, 1),
    Bits("clamp_fragment_color", 17, 1), Bits("offset_line", 18, 1), Bits("offset_point", 19, 1),
    Bits("offset_tri", 20, 1), Bits("poly_smooth", 21, 1), Bits("poly_stipple_enable", 22, 1),
    Bits("point_smooth", 23, 1), Bits("point_size_per_vertex", 24, 1), Bits("multisample", 25, 1),
    Bits("line_smooth", 26, 1), Bits("line_stipple_enable", 27, 1), Bits("line_last_pixel", 28, 1),
    Bits("half_pixel_center", 29, 1), Bits("bottom_edge_rule", 30, 1),
    Bits("force_persample_interp", 31, 1),
))

BLIT_REGION: tuple[Item, ...] = (
    _u("res_handle"), _u("level"), _u("format", **FORMAT),
    # Gallium boxes are signed: a negative width/height flips the blit.
    Word("x", I32), Word("y", I32), Word("z", I32),
    Word("width", I32), Word("height", I32), Word("depth", I32),
)

# --- object creation -----------------------------------------------------------

OBJECT_SPECS: dict[ObjectType, CommandSpec] = {s.obj: s for s in (
    CommandSpec("CREATE_OBJECT(BLEND)", "CreateBlend", Ccmd.CREATE_OBJECT, obj=ObjectType.BLEND, items=(
        _u("handle"),
        Packed("s0", (Bits("independent_blend_enable", 0, 1), Bits("logicop_enable", 1, 1),
                      Bits("dither", 2, 1), Bits("alpha_to_coverage", 3, 1),
                      Bits("alpha_to_one", 4, 1))),
        Packed("s1", (Bits("logicop_func", 0, 4),)),
        Group("rt", "BlendTarget", (BLEND_TARGET,), MAX_COLOR_BUFS, MAX_COLOR_BUFS),
    )),
    CommandSpec("CREATE_OBJECT(RASTERIZER)", "CreateRasterizer", Ccmd.CREATE_OBJECT,
                obj=ObjectType.RASTERIZER, items=(
        _u("handle"), RASTERIZER_S0, _f("point_size"), _u("sprite_coord_enable"),
        Packed("s3", (Bits("line_stipple_pattern", 0, 16), Bits("line_stipple_factor", 16, 8),
                      Bits("clip_plane_enable", 24, 8))),
        _f("line_width"), _f("offset_units"), _f("offset_scale"), _f("offset_clamp"),
    )),
    CommandSpec("CREATE_OBJECT(DSA)", "CreateDsa", Ccmd.CREATE_OBJECT, obj=ObjectType.DSA, items=(
        _u("handle"),
        Packed("s0", (Bits("depth_enabled", 0, 1), Bits("depth_writemask", 1, 1),
                      Bits("depth_func", 2, 3), Bits("alpha_enabled", 8, 1),
                      Bits("alpha_func", 9, 3))),
        Group("stencil", "StencilFace", (STENCIL_FACE,), 2, 2),   # [front, back]
        _f("alpha_ref"),
    )),
    CommandSpec("CREATE_OBJECT(SHADER)", "CreateShaderChunk", Ccmd.CREATE_OBJECT,
                obj=ObjectType.SHADER, custom=True, items=(
        _u("handle"), _u("stage", **STAGE),
        Packed("offset", (Bits("offset", 0, 31), Bits("continuation", 31, 1))),
        _u("num_tokens"),
        # Compute shaders put req_local_mem here; the others the stream-output
        # count, followed (when nonzero, first chunk only) by 4 buffer strides
        # and 2 words per output (SO_OUTPUT_BITS, SO_STREAM_BITS). The TGSI
        # text follows, NUL-terminated, padded to a word.
        _u("so_count_or_local_mem"),
    )),
    CommandSpec("CREATE_OBJECT(VERTEX_ELEMENTS)", "CreateVertexElements", Ccmd.CREATE_OBJECT,
                obj=ObjectType.VERTEX_ELEMENTS, items=(
        _u("handle"),
        Group("elements", "VertexElement", (
            _u("src_offset"), _u("instance_divisor"),
            _u("vertex_buffer_index", hi=MAX_VERTEX_BUFFERS - 1), _u("src_format", **FORMAT),
        ), 0, MAX_VERTEX_ELEMENTS),
    )),
    CommandSpec("CREATE_OBJECT(SAMPLER_VIEW)", "CreateSamplerView", Ccmd.CREATE_OBJECT,
                obj=ObjectType.SAMPLER_VIEW, items=(
        _u("handle"), _u("res_handle"),
        # The target is only sent when the host advertises TEXTURE_VIEW; 0 otherwise.
        Packed("format_target", (Bits("format", 0, 24, hi=VIRGL_FORMAT_MAX - 1),
                                 Bits("target", 24, 8, hi=TEXTURE_TARGET_COUNT - 1))),
        # Buffers: first/last element. Textures: first_layer | last_layer << 16,
        # then first_level | last_level << 8. Which one depends on the resource.
        _u("val0"), _u("val1"),
        Packed("swizzle", (Bits("swizzle_r", 0, 3, hi=5), Bits("swizzle_g", 3, 3, hi=5),
                           Bits("swizzle_b", 6, 3, hi=5), Bits("swizzle_a", 9, 3, hi=5))),
    )),
    CommandSpec("CREATE_OBJECT(SAMPLER_STATE)", "CreateSamplerState", Ccmd.CREATE_OBJECT,
                obj=ObjectType.SAMPLER_STATE, items=(
        _u("handle"),
        Packed("s0", (Bits("wrap_s", 0, 3), Bits("wrap_t", 3, 3), Bits("wrap_r", 6, 3),
                      Bits("min_img_filter", 9, 2), Bits("min_mip_filter", 11, 2, hi=2),
                      Bits("mag_img_filter", 13, 2), Bits("compare_mode", 15, 1),
                      Bits("compare_func", 16, 3), Bits("seamless_cube_map", 19, 1),
                      Bits("max_anisotropy", 20, 6))),
        _f("lod_bias"), _f("min_lod"), _f("max_lod"),
        Word("border_color", U32, count=4),   # raw bits; float/int/uint per the view's format
    )),
    CommandSpec("CREATE_OBJECT(SURFACE)", "CreateSurface", Ccmd.CREATE_OBJECT,
                obj=ObjectType.SURFACE, items=(
        # Textures: val0 = level, val1 = first_layer | last_layer << 16.
        # Buffers: first and last element.
        _u("handle"), _u("res_handle"), _u("format", **FORMAT), _u("val0"), _u("val1"),
    )),
    CommandSpec("CREATE_OBJECT(QUERY)", "CreateQuery", Ccmd.CREATE_OBJECT,
                obj=ObjectType.QUERY, items=(
        _u("handle"),
        Packed("type_index", (Bits("query_type", 0, 16, hi=QUERY_TYPE_COUNT - 1),
                              Bits("index", 16, 16))),
        _u("offset"), _u("res_handle"),
    )),
    CommandSpec("CREATE_OBJECT(STREAMOUT_TARGET)", "CreateStreamoutTarget", Ccmd.CREATE_OBJECT,
                obj=ObjectType.STREAMOUT_TARGET, items=(
        _u("handle"), _u("res_handle"), _u("buffer_offset"), _u("buffer_size"),
    )),
    CommandSpec("CREATE_OBJECT(MSAA_SURFACE)", "CreateMsaaSurface", Ccmd.CREATE_OBJECT,
                obj=ObjectType.MSAA_SURFACE, items=(
        _u("handle"), _u("res_handle"), _u("format", **FORMAT), _u("val0"), _u("val1"),
        _u("sample_count"),
    )),
)}

# --- all other commands ----------------------------------------------------------

_ALL_OBJECTS = frozenset(range(1, OBJECT_TYPE_COUNT))

COMMAND_SPECS: dict[Ccmd, CommandSpec] = {s.cmd: s for s in (
    CommandSpec("NOP", "Nop", Ccmd.NOP, any_length=True),
    CommandSpec("BIND_OBJECT", "BindObject", Ccmd.BIND_OBJECT, items=(_u("handle"),),
                obj_types=frozenset(int(o) for o in BINDABLE_OBJECTS), state_slot=()),
    CommandSpec("DESTROY_OBJECT", "DestroyObject", Ccmd.DESTROY_OBJECT, items=(_u("handle"),),
                obj_types=_ALL_OBJECTS),
    CommandSpec("SET_VIEWPORT_STATE", "SetViewportState", Ccmd.SET_VIEWPORT_STATE, items=(
        _u("start_slot"),
        Group("viewports", "Viewport", (_f("scale", 3), _f("translate", 3)),
              0, MAX_VIEWPORTS, slot_from="start_slot"),
    ), state_slot=()),
    CommandSpec("SET_FRAMEBUFFER_STATE", "SetFramebufferState", Ccmd.SET_FRAMEBUFFER_STATE, items=(
        _u("nr_cbufs", derived=True), _u("zsurf_handle"),
        Group("cbuf_handles", None, (_u("handle"),), 0, MAX_COLOR_BUFS, count_from="nr_cbufs"),
    )),
    CommandSpec("SET_VERTEX_BUFFERS", "SetVertexBuffers", Ccmd.SET_VERTEX_BUFFERS, items=(
        Group("buffers", "VertexBufferBinding", (_u("stride"), _u("offset"), _u("res_handle")),
              0, MAX_VERTEX_BUFFERS),
    ), state_slot=()),
    CommandSpec("CLEAR", "Clear", Ccmd.CLEAR, items=(
        _u("buffers"),
        Word("color", U32, count=4),   # raw bits: f32, i32 or u32 per the target's format
        Word("depth", F64), _u("stencil"),
    )),
    CommandSpec("DRAW_VBO", "DrawVbo", Ccmd.DRAW_VBO, items=(
        _u("start"), _u("count"), _u("mode", hi=PRIM_TYPE_COUNT - 1), Word("indexed", BOOL),
        _u("instance_count"), Word("index_bias", I32), _u("start_instance"),
        Word("primitive_restart", BOOL), _u("restart_index"), _u("min_index"), _u("max_index"),
        _u("count_from_so"),
    ), tails=(
        (_u("vertices_per_patch"), _u("drawid")),
        (_u("indirect_handle"), _u("indirect_offset"), _u("indirect_stride"),
         _u("indirect_draw_count"), _u("indirect_draw_count_offset"),
         _u("indirect_draw_count_handle")),
    )),
    CommandSpec("RESOURCE_INLINE_WRITE", "ResourceInlineWrite", Ccmd.RESOURCE_INLINE_WRITE,
                items=TRANSFER_COMMON, blob=Blob("data")),
    CommandSpec("SET_SAMPLER_VIEWS", "SetSamplerViews", Ccmd.SET_SAMPLER_VIEWS, items=(
        _u("shader_type", **STAGE), _u("start_slot"),
        Group("handles", None, (_u("handle"),), 0, MAX_SAMPLER_VIEWS, slot_from="start_slot"),
    ), state_slot=('shader_type',)),
    CommandSpec("SET_INDEX_BUFFER", "SetIndexBuffer", Ccmd.SET_INDEX_BUFFER, items=(
        _u("res_handle"),
    ), tails=((_u("index_size"), _u("offset")),),
        doc="Length 1 unbinds (res_handle 0); length 3 binds with index_size 1, 2 or 4.", state_slot=()),
    CommandSpec("SET_CONSTANT_BUFFER", "SetConstantBuffer", Ccmd.SET_CONSTANT_BUFFER, items=(
        _u("shader_type", **STAGE), _u("index", hi=MAX_CONSTANT_BUFFERS - 1),
    ), blob=Blob("data"), state_slot=('shader_type', 'index')),
    CommandSpec("SET_STENCIL_REF", "SetStencilRef", Ccmd.SET_STENCIL_REF, items=(
        Packed("ref", (Bits("front", 0, 8), Bits("back", 8, 8))),
    ), state_slot=()),
    CommandSpec("SET_BLEND_COLOR", "SetBlendColor", Ccmd.SET_BLEND_COLOR, items=(_f("color", 4),), state_slot=()),
    CommandSpec("SET_SCISSOR_STATE", "SetScissorState", Ccmd.SET_SCISSOR_STATE, items=(
        _u("start_slot"),
        Group("scissors", "Scissor", (
            Packed("min", (Bits("minx", 0, 16), Bits("miny", 16, 16))),
            Packed("max", (Bits("maxx", 0, 16), Bits("maxy", 16, 16))),
        ), 0, MAX_VIEWPORTS, slot_from="start_slot"),
    ), state_slot=()),
    CommandSpec("BLIT", "Blit", Ccmd.BLIT, items=(
        Packed("s0", (Bits("mask", 0, 8), Bits("filter", 8, 2), Bits("scissor_enable", 10, 1),
                      Bits("render_condition_enable", 11, 1), Bits("alpha_blend", 12, 1))),
        Packed("scissor_min", (Bits("scissor_minx", 0, 16), Bits("scissor_miny", 16, 16))),
        Packed("scissor_max", (Bits("scissor_maxx", 0, 16), Bits("scissor_maxy", 16, 16))),
        Struct("dst", "BlitRegion", BLIT_REGION),
        Struct("src", "BlitRegion", BLIT_REGION),
    )),
    CommandSpec("RESOURCE_COPY_REGION", "ResourceCopyRegion", Ccmd.RESOURCE_COPY_REGION, items=(
        _u("dst_handle"), _u("dst_level"), _u("dst_x"), _u("dst_y"), _u("dst_z"),
        _u("src_handle"), _u("src_level"), _u("src_x"), _u("src_y"), _u("src_z"),
        _u("src_width"), _u("src_height"), _u("src_depth"),
    )),
    CommandSpec("BIND_SAMPLER_STATES", "BindSamplerStates", Ccmd.BIND_SAMPLER_STATES, items=(
        _u("shader_type", **STAGE), _u("start_slot"),
        Group("handles", None, (_u("handle"),), 0, MAX_SAMPLER_STATES, slot_from="start_slot"),
    ), state_slot=('shader_type',)),
    CommandSpec("BEGIN_QUERY", "BeginQuery", Ccmd.BEGIN_QUERY, items=(_u("handle"),)),
    CommandSpec("END_QUERY", "EndQuery", Ccmd.END_QUERY, items=(_u("handle"),)),
    CommandSpec("GET_QUERY_RESULT", "GetQueryResult", Ccmd.GET_QUERY_RESULT, items=(
        _u("handle"), Word("wait", BOOL),
    )),
    CommandSpec("SET_POLYGON_STIPPLE", "SetPolygonStipple", Ccmd.SET_POLYGON_STIPPLE, items=(
        Word("stipple", U32, count=32),
    ), state_slot=()),
    CommandSpec("SET_CLIP_STATE", "SetClipState", Ccmd.SET_CLIP_STATE, items=(
        Word("ucp", F32, count=4 * MAX_CLIP_PLANES),   # plane i is ucp[4*i : 4*i+4]
    ), state_slot=()),
    CommandSpec("SET_SAMPLE_MASK", "SetSampleMask", Ccmd.SET_SAMPLE_MASK, items=(_u("mask"),), state_slot=()),
    CommandSpec("SET_STREAMOUT_TARGETS", "SetStreamoutTargets", Ccmd.SET_STREAMOUT_TARGETS, items=(
        _u("append_bitmask"),
        Group("handles", None, (_u("handle"),), 0, MAX_SO_BUFFERS),
    )),
    CommandSpec("SET_RENDER_CONDITION", "SetRenderCondition", Ccmd.SET_RENDER_CONDITION, items=(
        _u("handle"), Word("condition", BOOL), _u("mode", hi=3),
    )),
    CommandSpec("SET_UNIFORM_BUFFER", "SetUniformBuffer", Ccmd.SET_UNIFORM_BUFFER, items=(
        _u("shader_type", **STAGE), _u("index", hi=MAX_CONSTANT_BUFFERS - 1), _u("offset"),
        _u("length"), _u("res_handle"),
    ), state_slot=('shader_type', 'index')),
    CommandSpec("SET_SUB_CTX", "SetSubCtx", Ccmd.SET_SUB_CTX, items=(_u("sub_ctx_id"),)),
    CommandSpec("CREATE_SUB_CTX", "CreateSubCtx", Ccmd.CREATE_SUB_CTX, items=(_u("sub_ctx_id"),)),
    CommandSpec("DESTROY_SUB_CTX", "DestroySubCtx", Ccmd.DESTROY_SUB_CTX, items=(_u("sub_ctx_id"),)),
    CommandSpec("BIND_SHADER", "BindShader", Ccmd.BIND_SHADER, items=(
        _u("handle"), _u("shader_type", **STAGE),
    ), state_slot=('shader_type',)),
    CommandSpec("SET_TESS_STATE", "SetTessState", Ccmd.SET_TESS_STATE, items=(
        _f("outer", 4), _f("inner", 2),
    ), state_slot=()),
    CommandSpec("SET_MIN_SAMPLES", "SetMinSamples", Ccmd.SET_MIN_SAMPLES, items=(
        _u("min_samples"),
    )),
    CommandSpec("SET_SHADER_BUFFERS", "SetShaderBuffers", Ccmd.SET_SHADER_BUFFERS, items=(
        _u("shader_type", **STAGE), _u("start_slot"),
        Group("buffers", "ShaderBufferBinding", (_u("offset"), _u("length"), _u("res_handle")),
              0, MAX_SHADER_BUFFERS, slot_from="start_slot"),
    ), state_slot=('shader_type',)),
    CommandSpec("SET_SHADER_IMAGES", "SetShaderImages", Ccmd.SET_SHADER_IMAGES, items=(
        _u("shader_type", **STAGE), _u("start_slot"),
        Group("images", "ShaderImageBinding", (
            _u("format", **FORMAT), _u("access"),
            # Buffers: byte offset and size. Textures: first_layer | last_layer << 16, level.
            _u("layer_offset"), _u("level_size"), _u("res_handle"),
        ), 0, MAX_SHADER_IMAGES, slot_from="start_slot"),
    ), state_slot=('shader_type',)),
    CommandSpec("MEMORY_BARRIER", "MemoryBarrier", Ccmd.MEMORY_BARRIER, items=(_u("flags"),)),
    CommandSpec("LAUNCH_GRID", "LaunchGrid", Ccmd.LAUNCH_GRID, items=(
        Word("block", U32, count=3), Word("grid", U32, count=3),
        _u("indirect_handle"), _u("indirect_offset"),
    )),
    CommandSpec("SET_FRAMEBUFFER_STATE_NO_ATTACH", "SetFramebufferStateNoAttach",
                Ccmd.SET_FRAMEBUFFER_STATE_NO_ATTACH, items=(
        Packed("size", (Bits("width", 0, 16), Bits("height", 16, 16))),
        Packed("layers_samples", (Bits("layers", 0, 16), Bits("samples", 16, 8))),
    )),
    CommandSpec("TEXTURE_BARRIER", "TextureBarrier", Ccmd.TEXTURE_BARRIER, items=(_u("flags"),)),
    CommandSpec("SET_ATOMIC_BUFFERS", "SetAtomicBuffers", Ccmd.SET_ATOMIC_BUFFERS, items=(
        _u("start_slot"),
        Group("buffers", "ShaderBufferBinding", (_u("offset"), _u("length"), _u("res_handle")),
              0, MAX_ATOMIC_BUFFERS, slot_from="start_slot"),
    ), state_slot=()),
    CommandSpec("SET_DEBUG_FLAGS", "SetDebugFlags", Ccmd.SET_DEBUG_FLAGS, blob=Blob("flags"),
                min_blob_words=1, doc="A NUL-padded flag string; decoded up to the first NUL."),
    CommandSpec("GET_QUERY_RESULT_QBO", "GetQueryResultQbo", Ccmd.GET_QUERY_RESULT_QBO, items=(
        _u("handle"), _u("qbo_handle"), Word("wait", BOOL), _u("result_type", hi=3),
        _u("offset"), Word("index", I32),   # -1 asks for the availability bit
    )),
    CommandSpec("TRANSFER3D", "Transfer3D", Ccmd.TRANSFER3D, items=TRANSFER_COMMON + (
        _u("data_offset"), _u("direction", lo=TRANSFER_TO_HOST, hi=TRANSFER_FROM_HOST),
    )),
    CommandSpec("END_TRANSFERS", "EndTransfers", Ccmd.END_TRANSFERS, any_length=True,
                doc="Its payload is padding up to word 1024 and holds stale bytes."),
    CommandSpec("COPY_TRANSFER3D", "CopyTransfer3D", Ccmd.COPY_TRANSFER3D, items=TRANSFER_COMMON + (
        _u("src_res_handle"), _u("src_offset"),
        Packed("flags", (Bits("synchronized", 0, 1), Bits("read_from_host", 1, 1))),
    )),
    CommandSpec("SET_TWEAKS", "SetTweaks", Ccmd.SET_TWEAKS, items=(_u("tweak_id"), _u("value"))),
    CommandSpec("CLEAR_TEXTURE", "ClearTexture", Ccmd.CLEAR_TEXTURE, items=(
        _u("res_handle"), _u("level"), _u("x"), _u("y"), _u("z"),
        _u("width"), _u("height"), _u("depth"),
        Word("data", U32, count=4),   # one texel in the resource's format, zero-padded
    )),
    CommandSpec("PIPE_RESOURCE_CREATE", "PipeResourceCreate", Ccmd.PIPE_RESOURCE_CREATE, items=(
        _u("target", hi=TEXTURE_TARGET_COUNT - 1), _u("format", **FORMAT), _u("bind"),
        _u("width"), _u("height"), _u("depth"), _u("array_size"), _u("last_level"),
        _u("nr_samples"), _u("flags"), _u("blob_id"),
    )),
    CommandSpec("PIPE_RESOURCE_SET_TYPE", "PipeResourceSetType", Ccmd.PIPE_RESOURCE_SET_TYPE, items=(
        _u("res_handle"), _u("format", **FORMAT), _u("bind"), _u("width"), _u("height"),
        _u("usage"), Word("modifier", U64),
        Group("planes", "PlanePlacement", (_u("stride"), _u("offset")), 1, MAX_RESOURCE_PLANES),
    )),
    CommandSpec("GET_MEMORY_INFO", "GetMemoryInfo", Ccmd.GET_MEMORY_INFO, items=(_u("res_handle"),)),
    CommandSpec("EMIT_STRING_MARKER", "EmitStringMarker", Ccmd.EMIT_STRING_MARKER, items=(
        _u("length", derived=True),
    ), blob=Blob("message"), min_blob_words=1,
        doc="length is the message size in bytes; the blob is padded to a word."),
    CommandSpec("LINK_SHADER", "LinkShader", Ccmd.LINK_SHADER, items=(
        _u("vertex"), _u("fragment"), _u("geometry"), _u("tess_ctrl"), _u("tess_eval"),
        _u("compute"),
    )),
    CommandSpec("CREATE_VIDEO_CODEC", "CreateVideoCodec", Ccmd.CREATE_VIDEO_CODEC, items=(
        _u("handle"), _u("profile"), _u("entrypoint"), _u("chroma_format"), _u("level"),
        _u("width"), _u("height"),
    )),
    CommandSpec("DESTROY_VIDEO_CODEC", "DestroyVideoCodec", Ccmd.DESTROY_VIDEO_CODEC,
                items=(_u("handle"),)),
    CommandSpec("CREATE_VIDEO_BUFFER", "CreateVideoBuffer", Ccmd.CREATE_VIDEO_BUFFER, items=(
        _u("handle"), _u("format", **FORMAT), _u("width"), _u("height"),
        Group("plane_handles", None, (_u("handle"),), 1, MAX_VIDEO_PLANES),
    )),
    CommandSpec("DESTROY_VIDEO_BUFFER", "DestroyVideoBuffer", Ccmd.DESTROY_VIDEO_BUFFER,
                items=(_u("handle"),)),
    CommandSpec("BEGIN_FRAME", "BeginFrame", Ccmd.BEGIN_FRAME, items=(
        _u("codec_handle"), _u("target_handle"),
    )),
    CommandSpec("DECODE_BITSTREAM", "DecodeBitstream", Ccmd.DECODE_BITSTREAM, items=(
        _u("codec_handle"), _u("target_handle"), _u("desc_handle"), _u("buffer_handle"),
        _u("buffer_size"),
    )),
    CommandSpec("END_FRAME", "EndFrame", Ccmd.END_FRAME, items=(
        _u("codec_handle"), _u("target_handle"),
    )),
)}

UNDEFINED_LAYOUT_COMMANDS = frozenset({Ccmd.DECODE_MACROBLOCK, Ccmd.ENCODE_BITSTREAM})
"""Ids reserved by 22.3 with no payload layout (Mesa never emits them); refused."""


def command_name(cmd: int, obj: int = 0) -> str:
    """Human name of a command for error messages, e.g. 'CREATE_OBJECT(BLEND)'."""
    try:
        name = Ccmd(cmd).name
    except ValueError:
        return f"UNKNOWN_COMMAND({cmd})"
    if cmd in (Ccmd.CREATE_OBJECT, Ccmd.BIND_OBJECT, Ccmd.DESTROY_OBJECT):
        try:
            return f"{name}({ObjectType(obj).name})"
        except ValueError:
            return f"{name}(object type {obj})"
    return name


def all_specs() -> list[CommandSpec]:
    """Every described payload layout (commands, then object creations)."""
    return [s for s in COMMAND_SPECS.values() if s.cmd != Ccmd.CREATE_OBJECT] + list(OBJECT_SPECS.values())


def spec_field_names(items: tuple[Item, ...]) -> list[str]:
    """Dataclass field names contributed by a run of items, in order."""
    out: list[str] = []
    for it in items:
        if isinstance(it, Packed):
            out.extend(b.name for b in it.bits)
        elif isinstance(it, Word):
            if not it.derived:
                out.append(it.name)
        else:
            out.append(it.name)
    return out
