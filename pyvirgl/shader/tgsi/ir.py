"""The typed, immutable form of a TGSI shader.

The parser produces these frozen dataclasses and every later pass only reads
them, so a parsed shader can be cached and shared. Values are plain numbers
and enums; no guest text survives in the IR except format names, which are
checked against a fixed table.
"""
from __future__ import annotations

from dataclasses import dataclass

from .names import (
    ImmType, Interp, InterpLoc, MemoryType, Processor, Property, RegFile, ReturnType,
    Semantic, Texture,
)
from .opcodes import OpcodeInfo

IDENTITY_SWIZZLE = (0, 1, 2, 3)
FULL_MASK = 0xF


@dataclass(frozen=True)
class PropertyDecl:
    name: Property
    value: int


@dataclass(frozen=True)
class Declaration:
    """One `DCL` line: a register range plus whatever attributes its file takes."""

    file: RegFile
    first: int
    last: int
    dim: int | None = None            # `CONST[1][0..3]`: the 2D index (constant buffer)
    per_vertex: bool = False          # `IN[][0]` in GS/TCS/TES: implied vertex dimension
    usage_mask: int = FULL_MASK
    array_id: int = 0                 # `, ARRAY(n)`; 0 means not an array
    local: bool = False
    semantic: Semantic | None = None
    semantic_index: int = 0
    streams: tuple[int, int, int, int] | None = None
    interp: Interp | None = None
    location: InterpLoc = InterpLoc.CENTER
    invariant: bool = False
    texture: Texture | None = None    # SVIEW and IMAGE resources
    return_types: tuple[ReturnType, ReturnType, ReturnType, ReturnType] | None = None
    image_format: str | None = None
    image_writable: bool = False
    image_raw: bool = False
    atomic: bool = False              # BUFFER[n], ATOMIC
    mem_type: MemoryType | None = None

    @property
    def count(self) -> int:
        return self.last - self.first + 1


@dataclass(frozen=True)
class Immediate:
    """Four 32-bit slots as raw bits; 64-bit types use two slots per value (low word first)."""

    type: ImmType
    dwords: tuple[int, int, int, int]


@dataclass(frozen=True)
class Indirect:
    """`ADDR[0].x` inside a bracket: the register supplying a run-time offset."""

    file: RegFile
    index: int
    component: int
    array_id: int = 0


@dataclass(frozen=True)
class SrcOperand:
    file: RegFile
    index: int                        # absolute index, or the offset added to `indirect`
    indirect: Indirect | None = None
    dim: int | None = None            # 2D operand: `CONST[1][2]`, `IN[0][3]`
    dim_indirect: Indirect | None = None
    swizzle: tuple[int, int, int, int] = IDENTITY_SWIZZLE
    negate: bool = False
    absolute: bool = False


@dataclass(frozen=True)
class DstOperand:
    file: RegFile
    index: int
    indirect: Indirect | None = None
    dim: int | None = None
    dim_indirect: Indirect | None = None
    write_mask: int = FULL_MASK


@dataclass(frozen=True)
class TexOffset:
    file: RegFile
    index: int
    swizzle: tuple[int, int, int] = (0, 1, 2)


@dataclass(frozen=True)
class Instruction:
    op: OpcodeInfo
    dst: tuple[DstOperand, ...] = ()
    src: tuple[SrcOperand, ...] = ()
    saturate: bool = False
    precise: bool = False
    texture: Texture | None = None
    tex_offsets: tuple[TexOffset, ...] = ()
    memory_qualifiers: int = 0
    memory_texture: Texture | None = None
    memory_format: str | None = None
    label: int | None = None
    line: int = 0                     # source line, for error messages only; not compared

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Instruction):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def _key(self) -> tuple:
        return (self.op.number, self.dst, self.src, self.saturate, self.precise, self.texture,
                self.tex_offsets, self.memory_qualifiers, self.memory_texture,
                self.memory_format, self.label)


@dataclass(frozen=True)
class Shader:
    processor: Processor
    properties: tuple[PropertyDecl, ...] = ()
    declarations: tuple[Declaration, ...] = ()
    immediates: tuple[Immediate, ...] = ()
    instructions: tuple[Instruction, ...] = ()

    def property(self, name: Property, default: int | None = None) -> int | None:
        """Last value given for a property (later lines win, as in Gallium)."""
        for prop in reversed(self.properties):
            if prop.name == name:
                return prop.value
        return default

    def declarations_of(self, file: RegFile) -> tuple[Declaration, ...]:
        return tuple(d for d in self.declarations if d.file == file)
