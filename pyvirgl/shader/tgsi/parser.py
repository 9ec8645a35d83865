"""TGSI text -> IR.

Follows the grammar Gallium's text assembler accepts (the dump format of
tgsi_dump plus its optional pieces), but is written as a small recursive
descent over a Cursor. Structural limits are enforced while parsing so that
oversized input is rejected before it costs memory; semantic checks (declared
registers, block nesting) live in validate.py.
"""
from __future__ import annotations

import math
import struct

from ..errors import ShaderError
from . import ir
from .formats import FORMAT_NAMES
from .lexer import Cursor
from .names import (
    PRIMITIVE_VERTICES, CoordOrigin, ImmType, Interp, InterpLoc, MemoryQualifier, MemoryType,
    NextShaderName, PixelCenter, Primitive, Processor, Property, RegFile, ReturnType, Semantic,
    Texture, lookup_table,
)
from .opcodes import OPCODES, OpcodeInfo

MAX_TEXT_BYTES = 1 << 20
MAX_INSTRUCTIONS = 65536
MAX_DECLARATIONS = 16384
MAX_IMMEDIATES = 16384
MAX_PROPERTIES = 256
MAX_REGISTER_INDEX = 65535        # Gallium register fields are 16 bits wide
MAX_INDIRECT_OFFSET = 32767
MAX_ARRAY_ID = 1023
MAX_SEMANTIC_INDEX = 1023
MAX_TEX_OFFSETS = 4
TESS_IMPLIED_VERTICES = 32

_FILES = lookup_table(RegFile)
_SEMANTICS = lookup_table(Semantic)
_TEXTURES = lookup_table(Texture)
_RETURN_TYPES = lookup_table(ReturnType)
_INTERPS = lookup_table(Interp)
_LOCATIONS = lookup_table(InterpLoc)
_PROPERTIES = lookup_table(Property)
_PRIMITIVES = lookup_table(Primitive)
_IMM_TYPES = lookup_table(ImmType)
_MEM_QUALIFIERS = lookup_table(MemoryQualifier)
_MEM_TYPES = lookup_table(MemoryType)
_PROCESSORS = lookup_table(Processor)
_SWIZZLE = {"X": 0, "Y": 1, "Z": 2, "W": 3}
_FLOAT_CHARS = frozenset("0123456789+-.eE")
_MAX_F32 = 3.4028234663852886e38


class _Parser:
    def __init__(self, text: str) -> None:
        self.cur = Cursor(text)
        self.processor = Processor.VERT
        self.implied_vertices = 0
        self.properties: list[ir.PropertyDecl] = []
        self.declarations: list[ir.Declaration] = []
        self.immediates: list[ir.Immediate] = []
        self.instructions: list[ir.Instruction] = []

    # -- top level -------------------------------------------------------
    def parse(self) -> ir.Shader:
        cur = self.cur
        cur.skip_ws()
        word = cur.word()
        if word not in _PROCESSORS:
            raise cur.error("expected a shader header (VERT, FRAG, GEOM, TESS_CTRL, TESS_EVAL, COMP)")
        self.processor = _PROCESSORS[word]
        if self.processor in (Processor.TESS_CTRL, Processor.TESS_EVAL):
            self.implied_vertices = TESS_IMPLIED_VERTICES
        while True:
            had_space = cur.skip_ws()
            if cur.at_end():
                break
            if not had_space:
                raise cur.error("expected whitespace between statements")
            self._statement()
        return ir.Shader(
            processor=self.processor,
            properties=tuple(self.properties),
            declarations=tuple(self.declarations),
            immediates=tuple(self.immediates),
            instructions=tuple(self.instructions),
        )

    def _statement(self) -> None:
        cur = self.cur
        if cur.peek().isdigit():
            cur.uint()
            if not cur.accept(":"):
                raise cur.error("expected ':' after an instruction label")
            self._instruction()
            return
        word = cur.peek_word()
        if word == "DCL":
            cur.word()
            self._declaration()
        elif word == "IMM":
            cur.word()
            self._immediate()
        elif word == "PROPERTY":
            cur.word()
            self._property()
        else:
            self._instruction()

    # -- shared pieces ---------------------------------------------------
    def _file(self) -> RegFile:
        self.cur.skip_ws()
        word = self.cur.word()
        if word not in _FILES or word == "NULL":
            raise self.cur.error("unknown register file")
        return _FILES[word]

    def _index(self, limit: int = MAX_REGISTER_INDEX) -> int:
        value = self.cur.uint("register index")
        if value > limit:
            raise self.cur.error(f"index {value} out of range")
        return value

    def _comma_word(self) -> str:
        """The WORD of a following `, WORD` ('' if none), without consuming anything."""
        cur = self.cur
        save = cur.pos
        word = ""
        if cur.accept(","):
            cur.skip_ws()
            word = cur.peek_word(digit_start=True)
        cur.pos = save
        return word

    def _take_comma_word(self) -> None:
        """Consume the `, WORD` that _comma_word just reported."""
        self.cur.expect(",")
        self.cur.skip_ws()
        self.cur.word(digit_start=True)

    # -- declarations ----------------------------------------------------
    def _dcl_range(self) -> tuple[int, int] | None:
        """Inside `[...]` of a declaration: `a`, `a..b` or empty (None)."""
        cur = self.cur
        cur.skip_ws()
        if cur.peek() == "]":
            cur.pos += 1
            return None
        first = self._index()
        cur.skip_ws()
        last = first
        if cur.peek() == "." and cur.peek(1) == ".":
            cur.pos += 2
            last = self._index()
        cur.expect("]")
        if last < first:
            raise cur.error("declaration range is reversed")
        return first, last

    def _declaration(self) -> None:
        cur = self.cur
        if len(self.declarations) >= MAX_DECLARATIONS:
            raise cur.error("too many declarations")
        if not cur.skip_ws():
            raise cur.error("expected whitespace after DCL")
        file = self._file()
        cur.expect("[")
        first_range = self._dcl_range()
        dim: int | None = None
        per_vertex = False
        save = cur.pos
        if cur.accept("["):
            second = self._dcl_range()
            if second is None:
                raise cur.error("empty second bracket")
            vertex_dim = (
                (self.processor in (Processor.GEOM, Processor.TESS_EVAL) and file == RegFile.IN)
                or (self.processor == Processor.TESS_CTRL and file in (RegFile.IN, RegFile.OUT))
            )
            if vertex_dim:
                per_vertex = True
            else:
                if first_range is None:
                    raise cur.error("empty dimension bracket")
                dim = first_range[0]
            rng = second
        else:
            cur.pos = save
            if first_range is None:
                raise cur.error("empty register range")
            rng = first_range
        if per_vertex and first_range is None and self.implied_vertices == 0:
            raise cur.error("IN[] needs GS_INPUT_PRIMITIVE first")
        attrs: dict = {"file": file, "first": rng[0], "last": rng[1], "dim": dim,
                       "per_vertex": per_vertex, "usage_mask": self._opt_writemask()}

        word = self._comma_word()
        if word == "ARRAY":
            self._take_comma_word()
            cur.expect("(")
            attrs["array_id"] = cur.int("array id")
            if not 0 < attrs["array_id"] <= MAX_ARRAY_ID:
                raise cur.error("array id out of range")
            cur.expect(")")
            word = self._comma_word()

        if file == RegFile.IMAGE:
            self._image_attrs(word, attrs)
        elif file == RegFile.SVIEW:
            self._sview_attrs(word, attrs)
        elif file == RegFile.BUFFER:
            if word == "ATOMIC":
                self._take_comma_word()
                attrs["atomic"] = True
        elif file == RegFile.MEMORY:
            if word in _MEM_TYPES:
                self._take_comma_word()
                attrs["mem_type"] = _MEM_TYPES[word]
        else:
            if word == "LOCAL":
                self._take_comma_word()
                attrs["local"] = True
                word = self._comma_word()
            if word in _SEMANTICS:
                self._take_comma_word()
                attrs["semantic"] = _SEMANTICS[word]
                save = cur.pos
                if cur.accept("["):
                    attrs["semantic_index"] = self._index(MAX_SEMANTIC_INDEX)
                    cur.expect("]")
                else:
                    cur.pos = save
                word = self._comma_word()
                if word == "STREAM" and file == RegFile.OUT and self.processor == Processor.GEOM:
                    self._take_comma_word()
                    cur.expect("(")
                    streams = []
                    for i in range(4):
                        if i:
                            cur.expect(",")
                        value = cur.uint("stream")
                        if value > 3:
                            raise cur.error("stream out of range")
                        streams.append(value)
                    cur.expect(")")
                    attrs["streams"] = tuple(streams)
        # Interpolation, location and invariance may follow any declaration.
        word = self._comma_word()
        if word in _INTERPS:
            self._take_comma_word()
            attrs["interp"] = _INTERPS[word]
            word = self._comma_word()
        if word in _LOCATIONS:
            self._take_comma_word()
            attrs["location"] = _LOCATIONS[word]
            word = self._comma_word()
        if word == "INVARIANT":
            self._take_comma_word()
            attrs["invariant"] = True
        elif self._comma_follows():
            raise cur.error("unexpected declaration attribute")
        self.declarations.append(ir.Declaration(**attrs))

    def _comma_follows(self) -> bool:
        save = self.cur.pos
        found = self.cur.accept(",")
        self.cur.pos = save
        return found

    def _texture_target(self) -> Texture:
        self.cur.skip_ws()
        word = self.cur.word(digit_start=True)
        if word not in _TEXTURES:
            raise self.cur.error("expected a texture target")
        return _TEXTURES[word]

    def _image_attrs(self, word: str, attrs: dict) -> None:
        cur = self.cur
        if not word:
            raise cur.error("IMAGE needs a texture target")
        cur.expect(",")
        attrs["texture"] = self._texture_target()
        while True:
            word = self._comma_word()
            if word == "RAW":
                attrs["image_raw"] = True
            elif word == "WR":
                attrs["image_writable"] = True
            elif word in FORMAT_NAMES:
                attrs["image_format"] = word
            else:
                return
            self._take_comma_word()

    def _sview_attrs(self, word: str, attrs: dict) -> None:
        cur = self.cur
        if not word:
            raise cur.error("SVIEW needs a texture target")
        cur.expect(",")
        attrs["texture"] = self._texture_target()
        cur.expect(",")
        types = []
        while len(types) < 4:
            cur.skip_ws()
            word = cur.word()
            if word not in _RETURN_TYPES:
                raise cur.error("expected a return type")
            types.append(_RETURN_TYPES[word])
            save = cur.pos
            if not cur.accept(","):
                cur.pos = save
                break
            cur.skip_ws()
            if cur.peek_word() not in _RETURN_TYPES:
                cur.pos = save
                break
        if len(types) != 4:
            types = [types[0]] * 4
        attrs["return_types"] = tuple(types)

    def _opt_writemask(self) -> int:
        cur = self.cur
        save = cur.pos
        if not cur.accept("."):
            cur.pos = save
            return ir.FULL_MASK
        cur.skip_ws()
        mask = 0
        for bit, ch in enumerate("XYZW"):
            if cur.peek().upper() == ch:
                cur.pos += 1
                mask |= 1 << bit
        if mask == 0:
            raise cur.error("expected a write mask")
        return mask

    # -- immediates and properties ----------------------------------------
    def _immediate(self) -> None:
        cur = self.cur
        if len(self.immediates) >= MAX_IMMEDIATES:
            raise cur.error("too many immediates")
        if cur.accept_immediate("["):
            index = cur.uint()
            if index != len(self.immediates):
                raise cur.error("immediates must be numbered in order")
            cur.expect("]")
        if not cur.skip_ws():
            raise cur.error("expected whitespace after IMM")
        word = cur.word()
        if word not in _IMM_TYPES:
            raise cur.error("expected an immediate type")
        imm_type = _IMM_TYPES[word]
        cur.expect("{")
        dwords: list[int] = []
        wide = imm_type in (ImmType.FLT64, ImmType.UINT64, ImmType.INT64)
        count = 2 if wide else 4
        for i in range(count):
            if i:
                cur.expect(",")
            if wide:
                bits = self._imm64(imm_type)
                dwords += [bits & 0xFFFFFFFF, bits >> 32]
            else:
                dwords.append(self._imm32(imm_type))
        cur.expect("}")
        self.immediates.append(ir.Immediate(imm_type, tuple(dwords)))  # type: ignore[arg-type]

    def _imm32(self, imm_type: ImmType) -> int:
        cur = self.cur
        if imm_type == ImmType.UINT32:
            value = cur.uint("immediate")
            if value > 0xFFFFFFFF:
                raise cur.error("UINT32 immediate out of range")
            return value
        if imm_type == ImmType.INT32:
            value = cur.int("immediate")
            if not -(1 << 31) <= value < (1 << 32):
                raise cur.error("INT32 immediate out of range")
            return value & 0xFFFFFFFF
        cur.skip_ws()
        if cur.peek() == "0" and cur.peek(1) in "xX" and cur.peek(1):
            cur.pos += 2
            digits = cur.hex_digits()
            if not 1 <= len(digits) <= 8:
                raise cur.error("expected 1-8 hex digits")
            return int(digits, 16)
        token = cur.number_token()
        if not token or not set(token) <= _FLOAT_CHARS:
            raise cur.error("expected a float immediate")
        try:
            value = float(token)
        except ValueError:
            raise cur.error("malformed float immediate") from None
        return float_to_f32_bits(value)

    def _imm64(self, imm_type: ImmType) -> int:
        cur = self.cur
        token = cur.number_token()
        if not token or "_" in token:
            raise cur.error("expected a 64-bit immediate")
        try:
            if imm_type == ImmType.FLT64:
                body = token.lstrip("+-")
                if body[:2].lower() == "0x":
                    value = float.fromhex(token)
                else:
                    value = float(token)
                return struct.unpack("<Q", struct.pack("<d", value))[0]
            value = _c_integer(token)
        except (ValueError, OverflowError):
            raise cur.error("malformed 64-bit immediate") from None
        if imm_type == ImmType.UINT64 and not 0 <= value < (1 << 64):
            raise cur.error("UINT64 immediate out of range")
        if imm_type == ImmType.INT64 and not -(1 << 63) <= value < (1 << 63):
            raise cur.error("INT64 immediate out of range")
        return value & 0xFFFFFFFFFFFFFFFF

    def _property(self) -> None:
        cur = self.cur
        if len(self.properties) >= MAX_PROPERTIES:
            raise cur.error("too many properties")
        if not cur.skip_ws():
            raise cur.error("expected whitespace after PROPERTY")
        word = cur.word()
        if word not in _PROPERTIES:
            raise cur.error("unknown property")
        name = _PROPERTIES[word]
        cur.skip_ws()
        if name in (Property.GS_INPUT_PRIMITIVE, Property.GS_OUTPUT_PRIMITIVE):
            value = self._enum_word(_PRIMITIVES, "primitive")
            if name == Property.GS_INPUT_PRIMITIVE and self.processor == Processor.GEOM:
                self.implied_vertices = PRIMITIVE_VERTICES[Primitive(value)]
        elif name == Property.FS_COORD_ORIGIN:
            value = self._enum_word(lookup_table(CoordOrigin), "coord origin")
        elif name == Property.FS_COORD_PIXEL_CENTER:
            value = self._enum_word(lookup_table(PixelCenter), "pixel center")
        elif name == Property.NEXT_SHADER:
            value = self._enum_word(lookup_table(NextShaderName), "shader name")
        else:
            value = cur.uint("property value")
            if value > 0xFFFFFFFF:
                raise cur.error("property value out of range")
        self.properties.append(ir.PropertyDecl(name, value))

    def _enum_word(self, table: dict, what: str) -> int:
        word = self.cur.word()
        if word not in table:
            raise self.cur.error(f"expected a {what}")
        return int(table[word])

    # -- instructions ----------------------------------------------------
    def _opcode(self) -> tuple[OpcodeInfo, bool, bool]:
        cur = self.cur
        cur.skip_ws()
        word = cur.word()
        if word in OPCODES:
            return OPCODES[word], False, False
        base, saturate, precise = word, False, False
        if base.endswith("_PRECISE"):
            base, precise = base[:-8], True
        if base.endswith("_SAT"):
            base, saturate = base[:-4], True
        if base not in OPCODES or not (saturate or precise):
            raise cur.error("unknown opcode" if word else "expected DCL, IMM, PROPERTY or an instruction")
        return OPCODES[base], saturate, precise

    def _instruction(self) -> None:
        cur = self.cur
        if len(self.instructions) >= MAX_INSTRUCTIONS:
            raise cur.error("too many instructions")
        line = cur.line() if len(self.instructions) < 64 else 0
        op, saturate, precise = self._opcode()
        n_operands = op.num_dst + op.num_src + (1 if op.is_tex else 0)
        if n_operands and not cur.at_end() and not cur.skip_ws():
            raise cur.error("expected whitespace after the opcode")
        dsts: list[ir.DstOperand] = []
        srcs: list[ir.SrcOperand] = []
        texture: Texture | None = None
        for i in range(n_operands):
            if i:
                cur.expect(",")
            if i < op.num_dst:
                dsts.append(self._dst())
            elif i < op.num_dst + op.num_src:
                srcs.append(self._src())
            else:
                texture = self._texture_target()
        if op.is_sm4_sample:
            texture = Texture.UNKNOWN
        offsets: list[ir.TexOffset] = []
        if texture is not None:
            while len(offsets) < MAX_TEX_OFFSETS and self._comma_follows():
                save = cur.pos
                cur.expect(",")
                cur.skip_ws()
                if cur.peek_word() not in _FILES:
                    cur.pos = save
                    break
                offsets.append(self._tex_offset())
        qualifiers, mem_texture, mem_format = 0, None, None
        if op.is_memory:
            while self._comma_follows():
                word = self._comma_word()
                if word in _MEM_QUALIFIERS:
                    qualifiers |= 1 << _MEM_QUALIFIERS[word]
                elif word in _TEXTURES:
                    mem_texture = _TEXTURES[word]
                elif word in FORMAT_NAMES:
                    mem_format = word
                else:
                    raise cur.error("expected a memory qualifier, texture target or format")
                self._take_comma_word()
        label = None
        if op.is_branch:
            save = cur.pos
            if cur.accept(":"):
                label = cur.uint("label")
                if label > MAX_INSTRUCTIONS:
                    raise cur.error("label out of range")
            else:
                cur.pos = save
        self.instructions.append(ir.Instruction(
            op=op, dst=tuple(dsts), src=tuple(srcs), saturate=saturate, precise=precise,
            texture=texture, tex_offsets=tuple(offsets), memory_qualifiers=qualifiers,
            memory_texture=mem_texture, memory_format=mem_format, label=label, line=line,
        ))

    def _bracket(self) -> tuple[int, ir.Indirect | None]:
        """After `[`: either `n]` or `FILE[n].c +/- k]`, then an optional `(array id)`."""
        cur = self.cur
        cur.skip_ws()
        if cur.peek_word():
            file = self._file()
            cur.expect("[")
            ind_index = self._index()
            cur.expect("]")
            component = 0
            save = cur.pos
            if cur.accept("."):
                cur.skip_ws()
                ch = cur.peek().upper()
                if ch not in _SWIZZLE:
                    raise cur.error("expected an indirect component")
                cur.pos += 1
                component = _SWIZZLE[ch]
            else:
                cur.pos = save
            offset = 0
            cur.skip_ws()
            if cur.peek() in ("+", "-") and cur.peek():
                offset = cur.int("offset")
                if abs(offset) > MAX_INDIRECT_OFFSET:
                    raise cur.error("indirect offset out of range")
            cur.expect("]")
            array_id = self._opt_array_ref()
            return offset, ir.Indirect(file, ind_index, component, array_id)
        index = self._index()
        cur.expect("]")
        self._opt_array_ref()
        return index, None

    def _opt_array_ref(self) -> int:
        cur = self.cur
        if not cur.accept_immediate("("):
            return 0
        value = cur.uint("array id")
        if value > MAX_ARRAY_ID:
            raise cur.error("array id out of range")
        cur.expect(")")
        return value

    def _register(self) -> tuple[RegFile, int, ir.Indirect | None, int | None, ir.Indirect | None]:
        cur = self.cur
        file = self._file()
        cur.expect("[")
        index, indirect = self._bracket()
        save = cur.pos
        if cur.accept("["):
            inner_index, inner_indirect = self._bracket()
            return file, inner_index, inner_indirect, index, indirect
        cur.pos = save
        return file, index, indirect, None, None

    def _dst(self) -> ir.DstOperand:
        file, index, indirect, dim, dim_indirect = self._register()
        mask = self._opt_writemask()
        return ir.DstOperand(file, index, indirect, dim, dim_indirect, mask)

    def _src(self) -> ir.SrcOperand:
        cur = self.cur
        cur.skip_ws()
        negate = cur.accept_immediate("-")
        cur.skip_ws()
        absolute = cur.accept_immediate("|")
        file, index, indirect, dim, dim_indirect = self._register()
        swizzle = self._opt_swizzle(4) or ir.IDENTITY_SWIZZLE
        if absolute:
            cur.expect("|")
        return ir.SrcOperand(file, index, indirect, dim, dim_indirect, swizzle, negate, absolute)  # type: ignore[arg-type]

    def _opt_swizzle(self, count: int) -> tuple[int, ...] | None:
        cur = self.cur
        save = cur.pos
        if not cur.accept("."):
            cur.pos = save
            return None
        cur.skip_ws()
        out = []
        for _ in range(count):
            ch = cur.peek().upper()
            if ch not in _SWIZZLE or not ch:
                raise cur.error("expected swizzle components")
            cur.pos += 1
            out.append(_SWIZZLE[ch])
        return tuple(out)

    def _tex_offset(self) -> ir.TexOffset:
        cur = self.cur
        file = self._file()
        cur.expect("[")
        index, indirect = self._bracket()
        if indirect is not None:
            raise cur.error("texture offsets cannot be indirect")
        swizzle = self._opt_swizzle(3) or (0, 1, 2)
        return ir.TexOffset(file, index, swizzle)  # type: ignore[arg-type]


def _c_integer(token: str) -> int:
    """strtoll/strtoull with base 0: decimal, 0x hex or 0 octal, optional sign."""
    sign = 1
    body = token
    if body[:1] in "+-":
        sign = -1 if body[0] == "-" else 1
        body = body[1:]
    if body[:2].lower() == "0x":
        return sign * int(body[2:], 16)
    if len(body) > 1 and body[0] == "0":
        return sign * int(body[1:], 8)
    if not body.isdigit():
        raise ValueError(token)
    return sign * int(body)


def float_to_f32_bits(value: float) -> int:
    """IEEE single bits of a Python float, overflowing to infinity as a C cast does."""
    if math.isfinite(value) and abs(value) > _MAX_F32:
        # Values beyond FLT_MAX but below the rounding threshold still round to FLT_MAX.
        try:
            return struct.unpack("<I", struct.pack("<f", value))[0]
        except OverflowError:
            value = math.copysign(math.inf, value)
    return struct.unpack("<I", struct.pack("<f", value))[0]


def parse_text(text: str) -> ir.Shader:
    """Parse TGSI text into IR (syntax only; see validate.validate for semantics)."""
    if not isinstance(text, str):
        raise ShaderError("shader text must be a string")
    if len(text) > MAX_TEXT_BYTES:
        raise ShaderError(f"shader text longer than {MAX_TEXT_BYTES} bytes")
    # The wire format is NUL-terminated; anything after the terminator is padding.
    nul = text.find("\0")
    if nul >= 0:
        text = text[:nul]
    return _Parser(text).parse()
