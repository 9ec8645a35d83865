"""Grammar and validation of the TGSI front end."""
from __future__ import annotations

import struct

import pytest

from pyvirgl.errors import GuestError
from pyvirgl.shader import ShaderError, parse
from pyvirgl.shader.tgsi import ir, print_shader
from pyvirgl.shader.tgsi.names import (
    ImmType, Interp, InterpLoc, MemoryType, Processor, RegFile, ReturnType, Semantic, Texture,
)


def roundtrip(text: str) -> ir.Shader:
    shader = parse(text)
    assert parse(print_shader(shader)) == shader
    return shader


def test_error_type_is_guest_error():
    with pytest.raises(ShaderError) as info:
        parse("BOGUS")
    assert isinstance(info.value, GuestError)
    assert info.value.command == "CREATE_OBJECT(SHADER)"


def test_vertex_shader_basics():
    s = roundtrip("""VERT
DCL IN[0]
DCL OUT[0], POSITION
DCL OUT[1], GENERIC[3]
DCL CONST[0..3]
DCL TEMP[0..1]
IMM[0] FLT32 {0x3f800000, 0.5, -2.5e3, 1}
  0: MUL TEMP[0], IN[0].xxxx, CONST[0]
  1: MAD_SAT OUT[0].xy, -|IN[0].yyyy|, CONST[1], TEMP[0]
  2: MOV OUT[1], IMM[0]
  3: END
""")
    assert s.processor == Processor.VERT
    imm = s.immediates[0]
    assert imm.type == ImmType.FLT32
    assert imm.dwords[0] == 0x3F800000
    assert imm.dwords[1] == struct.unpack("<I", struct.pack("<f", 0.5))[0]
    assert imm.dwords[2] == struct.unpack("<I", struct.pack("<f", -2500.0))[0]
    inst = s.instructions[1]
    assert inst.saturate and inst.dst[0].write_mask == 0b0011
    assert inst.src[0].negate and inst.src[0].absolute and inst.src[0].swizzle == (1, 1, 1, 1)
    assert s.declarations[2].semantic == Semantic.GENERIC and s.declarations[2].semantic_index == 3


def test_declaration_attributes():
    s = roundtrip("""FRAG
PROPERTY FS_COORD_ORIGIN LOWER_LEFT
DCL IN[0], GENERIC[1], PERSPECTIVE, CENTROID
DCL IN[1].xy, TEXCOORD[2], CONSTANT, SAMPLE
DCL IN[2], COLOR, COLOR
DCL OUT[0], COLOR
DCL SAMP[0]
DCL SVIEW[0], 2D_ARRAY, SINT
DCL SVIEW[1], BUFFER, UNORM, SNORM, FLOAT, UINT
DCL IMAGE[0], 2D, PIPE_FORMAT_R32G32B32A32_FLOAT, WR
DCL BUFFER[0]
DCL BUFFER[1], ATOMIC
DCL MEMORY[0], SHARED
DCL HWATOMIC[0][3]
DCL CONST[1][0..7]
DCL TEMP[0..3], ARRAY(1), LOCAL
DCL ADDR[0]
DCL SV[0], FACE
  0: END
""")
    d = {(x.file, x.first): x for x in s.declarations}
    assert d[(RegFile.IN, 0)].location == InterpLoc.CENTROID
    assert d[(RegFile.IN, 1)].interp == Interp.CONSTANT and d[(RegFile.IN, 1)].usage_mask == 0b0011
    assert d[(RegFile.SVIEW, 0)].texture == Texture._2D_ARRAY
    assert d[(RegFile.SVIEW, 0)].return_types == (ReturnType.SINT,) * 4
    assert d[(RegFile.SVIEW, 1)].return_types[1] == ReturnType.SNORM
    assert d[(RegFile.IMAGE, 0)].image_writable
    assert d[(RegFile.MEMORY, 0)].mem_type == MemoryType.SHARED
    assert d[(RegFile.CONST, 0)].dim == 1
    assert d[(RegFile.TEMP, 0)].array_id == 1 and d[(RegFile.TEMP, 0)].local
    assert d[(RegFile.HWATOMIC, 3)].dim == 0


def test_geometry_and_tessellation_dimensions():
    s = roundtrip("""GEOM
PROPERTY GS_INPUT_PRIMITIVE TRIANGLES
PROPERTY GS_OUTPUT_PRIMITIVE TRIANGLE_STRIP
PROPERTY GS_MAX_OUTPUT_VERTICES 3
DCL IN[][0], POSITION
DCL OUT[0], POSITION
DCL OUT[1], GENERIC[0], STREAM(1, 1, 1, 1)
IMM[0] UINT32 {0, 1, 2, 0}
  0: MOV OUT[0], IN[2][0]
  1: EMIT IMM[0].xxxx
  2: ENDPRIM IMM[0].xxxx
  3: END
""")
    assert s.declarations[0].per_vertex
    assert s.instructions[0].src[0].dim == 2
    with pytest.raises(ShaderError):
        parse("GEOM\nDCL IN[][0], POSITION\n")  # implied size unknown without the input primitive


def test_indirect_and_arrays():
    s = roundtrip("""VERT
DCL TEMP[0..3], ARRAY(1)
DCL TEMP[4]
DCL ADDR[0]
DCL CONST[0..15]
DCL OUT[0], POSITION
  0: UARL ADDR[0].x, TEMP[4].xxxx
  1: MOV TEMP[ADDR[0].x+1](1), CONST[ADDR[0].x-2]
  2: MOV OUT[0], TEMP[ADDR[0].x](1)
  3: END
""")
    src = s.instructions[1].src[0]
    assert src.indirect.file == RegFile.ADDR and src.index == -2
    assert s.instructions[1].dst[0].indirect.array_id == 1 and s.instructions[1].dst[0].index == 1


def test_immediate_types():
    s = roundtrip("""COMP
IMM[0] UINT32 {0, 4294967295, 7, 8}
IMM[1] INT32 {-2147483648, -1, 2147483647, 0}
IMM[2] FLT64 {1.5, -0x1.8p+1}
IMM[3] UINT64 {18446744073709551615, 0x10}
IMM[4] INT64 {-9223372036854775808, 010}
  0: END
""")
    assert s.immediates[1].dwords[0] == 0x80000000
    lo, hi = s.immediates[2].dwords[:2]
    assert struct.unpack("<d", struct.pack("<II", lo, hi))[0] == 1.5
    assert s.immediates[3].dwords[:2] == (0xFFFFFFFF, 0xFFFFFFFF)
    assert s.immediates[4].dwords[2] == 8


def test_texture_and_memory_instructions():
    s = roundtrip("""FRAG
DCL IN[0], GENERIC[0], PERSPECTIVE
DCL OUT[0], COLOR
DCL SAMP[0]
DCL SVIEW[0], 2D, FLOAT
DCL IMAGE[0], 2D, PIPE_FORMAT_R32_UINT, WR
DCL BUFFER[0]
DCL TEMP[0]
IMM[0] INT32 {1, -1, 0, 0}
  0: TEX TEMP[0], IN[0], SAMP[0], 2D, IMM[0].xyz
  1: TXL TEMP[0], IN[0], SAMP[0], SHADOW2D
  2: LOAD TEMP[0], IMAGE[0], IN[0], 2D, PIPE_FORMAT_R32_UINT
  3: STORE BUFFER[0].x, IMM[0].xxxx, TEMP[0], COHERENT, VOLATILE
  4: ATOMUADD TEMP[0].x, BUFFER[0], IMM[0].xxxx, IMM[0].xxxx
  5: MOV OUT[0], TEMP[0]
  6: END
""")
    tex = s.instructions[0]
    assert tex.texture == Texture._2D and tex.tex_offsets[0].file == RegFile.IMM
    assert s.instructions[2].memory_format == "PIPE_FORMAT_R32_UINT"
    assert s.instructions[3].memory_qualifiers == 0b101


def test_control_flow_and_labels():
    roundtrip("""FRAG
DCL TEMP[0]
DCL OUT[0], COLOR
IMM[0] UINT32 {1, 2, 0, 0}
  0: UIF TEMP[0].xxxx :2
  1: ELSE :3
  2: ENDIF
  3: BGNLOOP :6
  4:   SWITCH TEMP[0].xxxx
  5:     CASE IMM[0].xxxx
  6:       BRK
  7:     DEFAULT
  8:       BRK
  9:   ENDSWITCH
 10:   BRK
 11: ENDLOOP :4
 12: MOV OUT[0], TEMP[0]
 13: END
""")


@pytest.mark.parametrize("text", [
    "",
    "VERT\nFOO TEMP[0]\n",
    "VERT\nDCL TEMP[0]\n  0: MOV TEMP[1], TEMP[0]\n",            # undeclared register
    "VERT\nDCL TEMP[0]\n  0: MOV IMM[0], TEMP[0]\n",             # bad destination file
    "VERT\nDCL TEMP[0..99999]\n",                                # index beyond 16 bits
    "VERT\nDCL TEMP[0..5000]\n",                                 # too many temporaries
    "VERT\nDCL TEMP[3..1]\n",                                    # reversed range
    "VERT\n  0: ENDIF\n",                                        # unbalanced
    "VERT\nDCL TEMP[0]\n  0: IF TEMP[0].xxxx\n",                 # unterminated
    "VERT\n  0: BRK\n",                                          # BRK outside loop
    "VERT\nDCL TEMP[0]\n  0: MOV TEMP[0].q, TEMP[0]\n",
    "VERT\nDCL TEMP[0]\n  0: MOV TEMP[0], TEMP[0].xy\n",        # swizzles have four letters
    "VERT\nIMM[1] UINT32 {0, 0, 0, 0}\n",                        # immediates numbered in order
    "VERT\nIMM UINT32 {99999999999, 0, 0, 0}\n",
    "VERT\nIMM FLT32 {1.0, 2.0}\n",
    "VERT\nDCL SVIEW[0], 2D\n",
    "VERT\nPROPERTY NO_SUCH 1\n",
    "VERT\nDCL TEMP[0]\n  0: MOV TEMP[ADDR[0].x], TEMP[0]\n",    # undeclared address register
    "VERT\nDCL TEMP[0]\n  0: CAL :5\n",
    # fuzzer: an indirectly indexed address register became an undeclared `addr1`
    "VERT\nDCL TEMP[0]\nDCL ADDR[0]\n  0: ARL ADDR[0][TEMP[0].x+1].x, TEMP[0].xxxx\n",
    "VERT\nDCL TEMP[0]\nDCL ADDR[0]\n  0: MOV TEMP[0], ADDR[ADDR[0].x]\n",
    "\x00VERT",
    "VERT 1" + "0" * 10000,
])
def test_rejected(text):
    with pytest.raises(ShaderError):
        parse(text)


def test_text_after_nul_is_ignored():
    assert parse("VERT\n  0: END\n\0garbage").instructions[0].op.name == "END"


def test_size_limits():
    with pytest.raises(ShaderError):
        parse("VERT\n" + " " * (1 << 20))
    many = "VERT\n" + "".join(f"{i}: NOP\n" for i in range(65537))
    with pytest.raises(ShaderError):
        parse(many)
