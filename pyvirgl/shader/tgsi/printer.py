"""IR -> TGSI text.

Prints in the shape of Gallium's dump (floats as 0x-hex like the virgl
driver sends them), so `parse_text(print_shader(s)) == s` for every parsed
shader. Used by tests and for logging; the GLSL back end never embeds it.
"""
from __future__ import annotations

import struct

from . import ir
from .names import (
    ALWAYS_INDEXED_SEMANTICS, CoordOrigin, ImmType, InterpLoc, MemoryQualifier, NextShaderName,
    PixelCenter, Primitive, Property, SWIZZLE_CHARS, text_name,
)

_ENUM_PROPERTIES = {
    Property.GS_INPUT_PRIMITIVE: Primitive,
    Property.GS_OUTPUT_PRIMITIVE: Primitive,
    Property.FS_COORD_ORIGIN: CoordOrigin,
    Property.FS_COORD_PIXEL_CENTER: PixelCenter,
    Property.NEXT_SHADER: NextShaderName,
}


def _mask(mask: int) -> str:
    if mask == ir.FULL_MASK:
        return ""
    return "." + "".join(c for bit, c in enumerate(SWIZZLE_CHARS) if mask & (1 << bit))


def _indirect(ind: ir.Indirect, offset: int) -> str:
    text = f"[{text_name(ind.file)}[{ind.index}].{SWIZZLE_CHARS[ind.component]}"
    if offset:
        text += f"{offset:+d}"
    text += "]"
    if ind.array_id:
        text += f"({ind.array_id})"
    return text


def _register(file, index, indirect, dim, dim_indirect) -> str:
    text = text_name(file)
    if dim_indirect is not None:
        text += _indirect(dim_indirect, dim or 0)
    elif dim is not None:
        text += f"[{dim}]"
    if indirect is not None:
        text += _indirect(indirect, index)
    else:
        text += f"[{index}]"
    return text


def format_src(src: ir.SrcOperand) -> str:
    text = "-" if src.negate else ""
    if src.absolute:
        text += "|"
    text += _register(src.file, src.index, src.indirect, src.dim, src.dim_indirect)
    if src.swizzle != ir.IDENTITY_SWIZZLE:
        text += "." + "".join(SWIZZLE_CHARS[c] for c in src.swizzle)
    if src.absolute:
        text += "|"
    return text


def format_dst(dst: ir.DstOperand) -> str:
    return _register(dst.file, dst.index, dst.indirect, dst.dim, dst.dim_indirect) + _mask(dst.write_mask)


def format_declaration(decl: ir.Declaration) -> str:
    text = "DCL " + text_name(decl.file)
    if decl.per_vertex:
        text += "[]"
    if decl.dim is not None:
        text += f"[{decl.dim}]"
    text += f"[{decl.first}" + (f"..{decl.last}" if decl.last != decl.first else "") + "]"
    text += _mask(decl.usage_mask)
    if decl.array_id:
        text += f", ARRAY({decl.array_id})"
    if decl.local:
        text += ", LOCAL"
    if decl.semantic is not None:
        text += ", " + text_name(decl.semantic)
        if decl.semantic_index or decl.semantic in ALWAYS_INDEXED_SEMANTICS:
            text += f"[{decl.semantic_index}]"
        if decl.streams is not None:
            text += ", STREAM(" + ", ".join(str(s) for s in decl.streams) + ")"
    if decl.texture is not None:
        text += ", " + text_name(decl.texture)
    if decl.image_format is not None:
        text += ", " + decl.image_format
    if decl.image_writable:
        text += ", WR"
    if decl.image_raw:
        text += ", RAW"
    if decl.return_types is not None:
        types = decl.return_types
        shown = types[:1] if len(set(types)) == 1 else types
        text += ", " + ", ".join(text_name(t) for t in shown)
    if decl.atomic:
        text += ", ATOMIC"
    if decl.mem_type is not None:
        text += ", " + text_name(decl.mem_type)
    if decl.interp is not None:
        text += ", " + text_name(decl.interp)
    if decl.location != InterpLoc.CENTER:
        text += ", " + text_name(decl.location)
    if decl.invariant:
        text += ", INVARIANT"
    return text


def format_immediate(index: int, imm: ir.Immediate) -> str:
    d = imm.dwords
    if imm.type == ImmType.FLT32:
        values = [f"0x{v:08x}" for v in d]
    elif imm.type == ImmType.UINT32:
        values = [str(v) for v in d]
    elif imm.type == ImmType.INT32:
        values = [str(v - (1 << 32) if v & 0x80000000 else v) for v in d]
    else:
        wide = [d[0] | (d[1] << 32), d[2] | (d[3] << 32)]
        if imm.type == ImmType.FLT64:
            values = [struct.unpack("<d", struct.pack("<Q", v))[0].hex() for v in wide]
        elif imm.type == ImmType.UINT64:
            values = [str(v) for v in wide]
        else:
            values = [str(v - (1 << 64) if v >> 63 else v) for v in wide]
    return f"IMM[{index}] {imm.type.name} {{" + ", ".join(values) + "}"


def format_instruction(number: int, inst: ir.Instruction, indent: int = 0) -> str:
    name = inst.op.name + ("_SAT" if inst.saturate else "") + ("_PRECISE" if inst.precise else "")
    operands = [format_dst(d) for d in inst.dst] + [format_src(s) for s in inst.src]
    if inst.texture is not None and not inst.op.is_sm4_sample:
        operands.append(text_name(inst.texture))
    for off in inst.tex_offsets:
        operands.append(f"{text_name(off.file)}[{off.index}]." + "".join(SWIZZLE_CHARS[c] for c in off.swizzle))
    for bit in MemoryQualifier:
        if inst.memory_qualifiers & (1 << bit):
            operands.append(bit.name)
    if inst.memory_texture is not None:
        operands.append(text_name(inst.memory_texture))
    if inst.memory_format is not None:
        operands.append(inst.memory_format)
    text = f"{number:3d}: " + "  " * indent + name
    if operands:
        text += " " + ", ".join(operands)
    if inst.label is not None:
        text += f" :{inst.label}"
    return text


def format_property(prop: ir.PropertyDecl) -> str:
    enum = _ENUM_PROPERTIES.get(prop.name)
    value = enum(prop.value).name if enum is not None else str(prop.value)
    return f"PROPERTY {prop.name.name} {value}"


def print_shader(shader: ir.Shader) -> str:
    lines = [shader.processor.name]
    lines += [format_property(p) for p in shader.properties]
    lines += [format_declaration(d) for d in shader.declarations]
    lines += [format_immediate(i, imm) for i, imm in enumerate(shader.immediates)]
    indent = 0
    for number, inst in enumerate(shader.instructions):
        if inst.op.closes_block:
            indent = max(0, indent - 1)
        lines.append(format_instruction(number, inst, indent))
        if inst.op.opens_block:
            indent += 1
    return "\n".join(lines) + "\n"
