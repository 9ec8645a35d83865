"""The TGSI opcode table, as data.

One row per opcode of Mesa 22.3.6 (numbers as in p_shader_tokens.h; gaps are
opcodes Gallium removed). Columns: number, mnemonic, destination count,
source count, how the result maps onto components, and flags:

  COMP  each written component depends only on the same source components
  REPL  one scalar result replicated to every written component
  CHAN  each component has its own formula
  OTHR  anything else (textures, memory, ...)

Flags: `tex` takes a texture target operand after the sources; `branch` may
carry a `:label`; `indent`/`dedent` open and close a structured block;
`store` writes memory through its destination.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OpcodeInfo:
    number: int
    name: str
    num_dst: int
    num_src: int
    output: str
    is_tex: bool
    is_branch: bool
    opens_block: bool
    closes_block: bool
    is_store: bool

    @property
    def is_sm4_sample(self) -> bool:
        """SAMPLE..GATHER4: resources come as SVIEW/SAMP operands, no target token."""
        return SAMPLE_FIRST <= self.number <= SAMPLE_LAST

    @property
    def is_memory(self) -> bool:
        """May be followed by memory qualifiers, a target and a format."""
        return (LOAD_NUMBER <= self.number <= ATOMIMAX_NUMBER) or self.name == "RESQ"


_ROWS = (
    (0, "ARL", 1, 1, "COMP", ""),
    (1, "MOV", 1, 1, "COMP", ""),
    (2, "LIT", 1, 1, "CHAN", ""),
    (3, "RCP", 1, 1, "REPL", ""),
    (4, "RSQ", 1, 1, "REPL", ""),
    (5, "EXP", 1, 1, "CHAN", ""),
    (6, "LOG", 1, 1, "CHAN", ""),
    (7, "MUL", 1, 2, "COMP", ""),
    (8, "ADD", 1, 2, "COMP", ""),
    (9, "DP3", 1, 2, "REPL", ""),
    (10, "DP4", 1, 2, "REPL", ""),
    (11, "DST", 1, 2, "CHAN", ""),
    (12, "MIN", 1, 2, "COMP", ""),
    (13, "MAX", 1, 2, "COMP", ""),
    (14, "SLT", 1, 2, "COMP", ""),
    (15, "SGE", 1, 2, "COMP", ""),
    (16, "MAD", 1, 3, "COMP", ""),
    (17, "TEX_LZ", 1, 2, "OTHR", "tex"),
    (18, "LRP", 1, 3, "COMP", ""),
    (19, "FMA", 1, 3, "COMP", ""),
    (20, "SQRT", 1, 1, "REPL", ""),
    (21, "LDEXP", 1, 2, "COMP", ""),
    (22, "F2U64", 1, 1, "COMP", ""),
    (23, "F2I64", 1, 1, "COMP", ""),
    (24, "FRC", 1, 1, "COMP", ""),
    (25, "TXF_LZ", 1, 2, "OTHR", "tex"),
    (26, "FLR", 1, 1, "COMP", ""),
    (27, "ROUND", 1, 1, "COMP", ""),
    (28, "EX2", 1, 1, "REPL", ""),
    (29, "LG2", 1, 1, "REPL", ""),
    (30, "POW", 1, 2, "REPL", ""),
    (31, "DEMOTE", 0, 0, "NONE", ""),
    (32, "U2I64", 1, 1, "COMP", ""),
    (33, "CLOCK", 1, 0, "OTHR", ""),
    (34, "I2I64", 1, 1, "COMP", ""),
    (35, "READ_HELPER", 1, 0, "COMP", ""),
    (36, "COS", 1, 1, "REPL", ""),
    (37, "DDX", 1, 1, "COMP", ""),
    (38, "DDY", 1, 1, "COMP", ""),
    (39, "KILL", 0, 0, "NONE", ""),
    (40, "PK2H", 1, 1, "REPL", ""),
    (41, "PK2US", 1, 1, "REPL", ""),
    (42, "PK4B", 1, 1, "REPL", ""),
    (43, "PK4UB", 1, 1, "REPL", ""),
    (44, "D2U64", 1, 1, "COMP", ""),
    (45, "SEQ", 1, 2, "COMP", ""),
    (46, "D2I64", 1, 1, "COMP", ""),
    (47, "SGT", 1, 2, "COMP", ""),
    (48, "SIN", 1, 1, "REPL", ""),
    (49, "SLE", 1, 2, "COMP", ""),
    (50, "SNE", 1, 2, "COMP", ""),
    (51, "U642D", 1, 1, "COMP", ""),
    (52, "TEX", 1, 2, "OTHR", "tex"),
    (53, "TXD", 1, 4, "OTHR", "tex"),
    (54, "TXP", 1, 2, "OTHR", "tex"),
    (55, "UP2H", 1, 1, "CHAN", ""),
    (56, "UP2US", 1, 1, "CHAN", ""),
    (57, "UP4B", 1, 1, "CHAN", ""),
    (58, "UP4UB", 1, 1, "CHAN", ""),
    (59, "U642F", 1, 1, "COMP", ""),
    (60, "I642F", 1, 1, "COMP", ""),
    (61, "ARR", 1, 1, "COMP", ""),
    (62, "I642D", 1, 1, "COMP", ""),
    (63, "CAL", 0, 0, "NONE", "branch"),
    (64, "RET", 0, 0, "NONE", ""),
    (65, "SSG", 1, 1, "COMP", ""),
    (66, "CMP", 1, 3, "COMP", ""),
    (68, "TXB", 1, 2, "OTHR", "tex"),
    (69, "FBFETCH", 1, 1, "OTHR", ""),
    (70, "DIV", 1, 2, "COMP", ""),
    (71, "DP2", 1, 2, "REPL", ""),
    (72, "TXL", 1, 2, "OTHR", "tex"),
    (73, "BRK", 0, 0, "NONE", ""),
    (74, "IF", 0, 1, "NONE", "branch indent"),
    (75, "UIF", 0, 1, "NONE", "branch indent"),
    (76, "READ_INVOC", 1, 2, "COMP", ""),
    (77, "ELSE", 0, 0, "NONE", "branch dedent indent"),
    (78, "ENDIF", 0, 0, "NONE", "dedent"),
    (79, "DDX_FINE", 1, 1, "COMP", ""),
    (80, "DDY_FINE", 1, 1, "COMP", ""),
    (83, "CEIL", 1, 1, "COMP", ""),
    (84, "I2F", 1, 1, "COMP", ""),
    (85, "NOT", 1, 1, "COMP", ""),
    (86, "TRUNC", 1, 1, "COMP", ""),
    (87, "SHL", 1, 2, "COMP", ""),
    (88, "BALLOT", 1, 1, "OTHR", ""),
    (89, "AND", 1, 2, "COMP", ""),
    (90, "OR", 1, 2, "COMP", ""),
    (91, "MOD", 1, 2, "COMP", ""),
    (92, "XOR", 1, 2, "COMP", ""),
    (94, "TXF", 1, 2, "OTHR", "tex"),
    (95, "TXQ", 1, 2, "OTHR", "tex"),
    (96, "CONT", 0, 0, "NONE", ""),
    (97, "EMIT", 0, 1, "NONE", ""),
    (98, "ENDPRIM", 0, 1, "NONE", ""),
    (99, "BGNLOOP", 0, 0, "NONE", "branch indent"),
    (100, "BGNSUB", 0, 0, "NONE", "indent"),
    (101, "ENDLOOP", 0, 0, "NONE", "branch dedent"),
    (102, "ENDSUB", 0, 0, "NONE", "dedent"),
    (103, "ATOMFADD", 1, 3, "OTHR", "store"),
    (104, "TXQS", 1, 1, "OTHR", "tex"),
    (105, "RESQ", 1, 1, "OTHR", ""),
    (106, "READ_FIRST", 1, 1, "COMP", ""),
    (107, "NOP", 0, 0, "NONE", ""),
    (108, "FSEQ", 1, 2, "COMP", ""),
    (109, "FSGE", 1, 2, "COMP", ""),
    (110, "FSLT", 1, 2, "COMP", ""),
    (111, "FSNE", 1, 2, "COMP", ""),
    (112, "MEMBAR", 0, 1, "OTHR", ""),
    (116, "KILL_IF", 0, 1, "NONE", ""),
    (117, "END", 0, 0, "NONE", ""),
    (118, "DFMA", 1, 3, "COMP", ""),
    (119, "F2I", 1, 1, "COMP", ""),
    (120, "IDIV", 1, 2, "COMP", ""),
    (121, "IMAX", 1, 2, "COMP", ""),
    (122, "IMIN", 1, 2, "COMP", ""),
    (123, "INEG", 1, 1, "COMP", ""),
    (124, "ISGE", 1, 2, "COMP", ""),
    (125, "ISHR", 1, 2, "COMP", ""),
    (126, "ISLT", 1, 2, "COMP", ""),
    (127, "F2U", 1, 1, "COMP", ""),
    (128, "U2F", 1, 1, "COMP", ""),
    (129, "UADD", 1, 2, "COMP", ""),
    (130, "UDIV", 1, 2, "COMP", ""),
    (131, "UMAD", 1, 3, "COMP", ""),
    (132, "UMAX", 1, 2, "COMP", ""),
    (133, "UMIN", 1, 2, "COMP", ""),
    (134, "UMOD", 1, 2, "COMP", ""),
    (135, "UMUL", 1, 2, "COMP", ""),
    (136, "USEQ", 1, 2, "COMP", ""),
    (137, "USGE", 1, 2, "COMP", ""),
    (138, "USHR", 1, 2, "COMP", ""),
    (139, "USLT", 1, 2, "COMP", ""),
    (140, "USNE", 1, 2, "COMP", ""),
    (141, "SWITCH", 0, 1, "NONE", ""),
    (142, "CASE", 0, 1, "NONE", ""),
    (143, "DEFAULT", 0, 0, "NONE", ""),
    (144, "ENDSWITCH", 0, 0, "NONE", ""),
    (145, "SAMPLE", 1, 3, "OTHR", ""),
    (146, "SAMPLE_I", 1, 2, "OTHR", ""),
    (147, "SAMPLE_I_MS", 1, 3, "OTHR", ""),
    (148, "SAMPLE_B", 1, 4, "OTHR", ""),
    (149, "SAMPLE_C", 1, 4, "OTHR", ""),
    (150, "SAMPLE_C_LZ", 1, 4, "OTHR", ""),
    (151, "SAMPLE_D", 1, 5, "OTHR", ""),
    (152, "SAMPLE_L", 1, 4, "OTHR", ""),
    (153, "GATHER4", 1, 3, "OTHR", ""),
    (154, "SVIEWINFO", 1, 2, "OTHR", ""),
    (155, "SAMPLE_POS", 1, 2, "OTHR", ""),
    (156, "SAMPLE_INFO", 1, 2, "OTHR", ""),
    (157, "UARL", 1, 1, "COMP", ""),
    (158, "UCMP", 1, 3, "COMP", ""),
    (159, "IABS", 1, 1, "COMP", ""),
    (160, "ISSG", 1, 1, "COMP", ""),
    (161, "LOAD", 1, 2, "OTHR", ""),
    (162, "STORE", 1, 2, "OTHR", "store"),
    (163, "IMG2HND", 1, 1, "OTHR", ""),
    (164, "SAMP2HND", 1, 1, "OTHR", "tex"),
    (166, "BARRIER", 0, 0, "OTHR", ""),
    (167, "ATOMUADD", 1, 3, "OTHR", "store"),
    (168, "ATOMXCHG", 1, 3, "OTHR", "store"),
    (169, "ATOMCAS", 1, 4, "OTHR", "store"),
    (170, "ATOMAND", 1, 3, "OTHR", "store"),
    (171, "ATOMOR", 1, 3, "OTHR", "store"),
    (172, "ATOMXOR", 1, 3, "OTHR", "store"),
    (173, "ATOMUMIN", 1, 3, "OTHR", "store"),
    (174, "ATOMUMAX", 1, 3, "OTHR", "store"),
    (175, "ATOMIMIN", 1, 3, "OTHR", "store"),
    (176, "ATOMIMAX", 1, 3, "OTHR", "store"),
    (177, "TEX2", 1, 3, "OTHR", "tex"),
    (178, "TXB2", 1, 3, "OTHR", "tex"),
    (179, "TXL2", 1, 3, "OTHR", "tex"),
    (180, "IMUL_HI", 1, 2, "COMP", ""),
    (181, "UMUL_HI", 1, 2, "COMP", ""),
    (182, "TG4", 1, 3, "OTHR", "tex"),
    (183, "LODQ", 1, 2, "OTHR", "tex"),
    (184, "IBFE", 1, 3, "COMP", ""),
    (185, "UBFE", 1, 3, "COMP", ""),
    (186, "BFI", 1, 4, "COMP", ""),
    (187, "BREV", 1, 1, "COMP", ""),
    (188, "POPC", 1, 1, "COMP", ""),
    (189, "LSB", 1, 1, "COMP", ""),
    (190, "IMSB", 1, 1, "COMP", ""),
    (191, "UMSB", 1, 1, "COMP", ""),
    (192, "INTERP_CENTROID", 1, 1, "OTHR", ""),
    (193, "INTERP_SAMPLE", 1, 2, "OTHR", ""),
    (194, "INTERP_OFFSET", 1, 2, "OTHR", ""),
    (195, "F2D", 1, 1, "COMP", ""),
    (196, "D2F", 1, 1, "COMP", ""),
    (197, "DABS", 1, 1, "COMP", ""),
    (198, "DNEG", 1, 1, "COMP", ""),
    (199, "DADD", 1, 2, "COMP", ""),
    (200, "DMUL", 1, 2, "COMP", ""),
    (201, "DMAX", 1, 2, "COMP", ""),
    (202, "DMIN", 1, 2, "COMP", ""),
    (203, "DSLT", 1, 2, "COMP", ""),
    (204, "DSGE", 1, 2, "COMP", ""),
    (205, "DSEQ", 1, 2, "COMP", ""),
    (206, "DSNE", 1, 2, "COMP", ""),
    (207, "DRCP", 1, 1, "COMP", ""),
    (208, "DSQRT", 1, 1, "COMP", ""),
    (209, "DMAD", 1, 3, "COMP", ""),
    (210, "DFRAC", 1, 1, "COMP", ""),
    (211, "DLDEXP", 1, 2, "COMP", ""),
    (212, "DFRACEXP", 2, 1, "REPL", ""),
    (213, "D2I", 1, 1, "COMP", ""),
    (214, "I2D", 1, 1, "COMP", ""),
    (215, "D2U", 1, 1, "COMP", ""),
    (216, "U2D", 1, 1, "COMP", ""),
    (217, "DRSQ", 1, 1, "COMP", ""),
    (218, "DTRUNC", 1, 1, "COMP", ""),
    (219, "DCEIL", 1, 1, "COMP", ""),
    (220, "DFLR", 1, 1, "COMP", ""),
    (221, "DROUND", 1, 1, "COMP", ""),
    (222, "DSSG", 1, 1, "COMP", ""),
    (223, "VOTE_ANY", 1, 1, "COMP", ""),
    (224, "VOTE_ALL", 1, 1, "COMP", ""),
    (225, "VOTE_EQ", 1, 1, "COMP", ""),
    (226, "U64SEQ", 1, 2, "COMP", ""),
    (227, "U64SNE", 1, 2, "COMP", ""),
    (228, "I64SLT", 1, 2, "COMP", ""),
    (229, "U64SLT", 1, 2, "COMP", ""),
    (230, "I64SGE", 1, 2, "COMP", ""),
    (231, "U64SGE", 1, 2, "COMP", ""),
    (232, "I64MIN", 1, 2, "COMP", ""),
    (233, "U64MIN", 1, 2, "COMP", ""),
    (234, "I64MAX", 1, 2, "COMP", ""),
    (235, "U64MAX", 1, 2, "COMP", ""),
    (236, "I64ABS", 1, 1, "COMP", ""),
    (237, "I64SSG", 1, 1, "COMP", ""),
    (238, "I64NEG", 1, 1, "COMP", ""),
    (239, "U64ADD", 1, 2, "COMP", ""),
    (240, "U64MUL", 1, 2, "COMP", ""),
    (241, "U64SHL", 1, 2, "COMP", ""),
    (242, "I64SHR", 1, 2, "COMP", ""),
    (243, "U64SHR", 1, 2, "COMP", ""),
    (244, "I64DIV", 1, 2, "COMP", ""),
    (245, "U64DIV", 1, 2, "COMP", ""),
    (246, "I64MOD", 1, 2, "COMP", ""),
    (247, "U64MOD", 1, 2, "COMP", ""),
    (248, "DDIV", 1, 2, "COMP", ""),
    (249, "LOD", 1, 3, "OTHR", ""),
    (250, "ATOMINC_WRAP", 1, 3, "OTHR", "store"),
    (251, "ATOMDEC_WRAP", 1, 3, "OTHR", "store"),
)


def _build() -> tuple[dict[str, OpcodeInfo], dict[int, OpcodeInfo]]:
    by_name: dict[str, OpcodeInfo] = {}
    by_number: dict[int, OpcodeInfo] = {}
    for number, name, ndst, nsrc, output, flags in _ROWS:
        words = set(flags.split())
        info = OpcodeInfo(
            number=number, name=name, num_dst=ndst, num_src=nsrc, output=output,
            is_tex="tex" in words, is_branch="branch" in words,
            opens_block="indent" in words, closes_block="dedent" in words,
            is_store="store" in words,
        )
        by_name[name] = info
        by_number[number] = info
    return by_name, by_number


SAMPLE_FIRST = 145
SAMPLE_LAST = 153
LOAD_NUMBER = 161
ATOMIMAX_NUMBER = 176
OPCODE_COUNT = 252

OPCODES, OPCODES_BY_NUMBER = _build()

assert OPCODES["SAMPLE"].number == SAMPLE_FIRST and OPCODES["GATHER4"].number == SAMPLE_LAST
assert OPCODES["LOAD"].number == LOAD_NUMBER and OPCODES["ATOMIMAX"].number == ATOMIMAX_NUMBER
