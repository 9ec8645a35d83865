"""Semantic checks on parsed TGSI, before any back end sees it.

The back end may then assume: every directly addressed register is
declared, register counts are small enough to declare in GLSL, indirect
addressing goes through declared registers, and structured control flow is
properly nested. Anything else is the guest's fault and raises ShaderError.
"""
from __future__ import annotations

from ..errors import ShaderError
from . import ir
from .names import Processor, RegFile
from .opcodes import OPCODES

# Highest register index a declaration may use, per file. Generous compared
# with what Mesa emits, small enough that the GLSL we write stays compilable.
MAX_INDEX = {
    RegFile.TEMP: 4095,
    RegFile.CONST: 4095,
    RegFile.IN: 127,
    RegFile.OUT: 127,
    RegFile.SAMP: 127,
    RegFile.SVIEW: 127,
    RegFile.ADDR: 3,
    RegFile.SV: 63,
    RegFile.IMAGE: 31,
    RegFile.BUFFER: 31,
    RegFile.MEMORY: 7,
    RegFile.HWATOMIC: 1023,
}
MAX_DIM = {RegFile.CONST: 31, RegFile.HWATOMIC: 31}
MAX_TOTAL_TEMPS = 4096
MAX_NESTING = 128
MAX_VERTEX_DIM = 32

DST_FILES = frozenset({RegFile.TEMP, RegFile.OUT, RegFile.ADDR, RegFile.BUFFER, RegFile.IMAGE,
                       RegFile.MEMORY})
INDIRECT_FILES = frozenset({RegFile.ADDR, RegFile.TEMP})

_OPEN = {"IF": "if", "UIF": "if", "BGNLOOP": "loop", "SWITCH": "switch", "BGNSUB": "sub"}
_CLOSE = {"ENDIF": "if", "ENDLOOP": "loop", "ENDSWITCH": "switch", "ENDSUB": "sub"}


class _Declared:
    """Which indices of each file (and constant-buffer dimension) are declared."""

    def __init__(self, shader: ir.Shader) -> None:
        self.ranges: dict[tuple[RegFile, int | None], list[tuple[int, int]]] = {}
        self.arrays: dict[tuple[RegFile, int], ir.Declaration] = {}
        temps = 0
        for decl in shader.declarations:
            limit = MAX_INDEX.get(decl.file)
            if limit is None:
                raise ShaderError(f"cannot declare registers of file {decl.file.name}")
            if decl.last > limit:
                raise ShaderError(f"{decl.file.name}[{decl.last}] exceeds the limit of {limit}")
            if decl.dim is not None and decl.dim > MAX_DIM.get(decl.file, 0):
                raise ShaderError(f"{decl.file.name}[{decl.dim}][...] dimension out of range")
            if decl.file == RegFile.TEMP:
                temps += decl.count
                if temps > MAX_TOTAL_TEMPS:
                    raise ShaderError("too many temporaries")
            if decl.array_id:
                key = (decl.file, decl.array_id)
                if key in self.arrays and self.arrays[key] != decl:
                    raise ShaderError(f"array id {decl.array_id} declared twice")
                self.arrays[key] = decl
            dim = decl.dim if decl.file in MAX_DIM else None
            if decl.file == RegFile.CONST and dim is None:
                dim = 0
            self.ranges.setdefault((decl.file, dim), []).append((decl.first, decl.last))
        self.num_immediates = len(shader.immediates)

    def has(self, file: RegFile, index: int, dim: int | None) -> bool:
        if file == RegFile.IMM:
            return 0 <= index < self.num_immediates
        if file == RegFile.CONST:
            dim = dim or 0
        elif file not in MAX_DIM:
            dim = None
        return any(a <= index <= b for a, b in self.ranges.get((file, dim), ()))


def _check_indirect(declared: _Declared, ind: ir.Indirect | None, where: str) -> None:
    if ind is None:
        return
    if ind.file not in INDIRECT_FILES:
        raise ShaderError(f"{where}: indirect addressing through {ind.file.name}")
    if not declared.has(ind.file, ind.index, None):
        raise ShaderError(f"{where}: undeclared {ind.file.name}[{ind.index}] used for addressing")


def _check_operand(declared: _Declared, shader: ir.Shader, operand, where: str) -> None:
    file = operand.file
    _check_indirect(declared, operand.indirect, where)
    _check_indirect(declared, operand.dim_indirect, where)
    if operand.indirect is not None:
        ind = operand.indirect
        if file == RegFile.ADDR:
            # The emitter names address registers statically (found by the fuzzer:
            # `ARL ADDR[0][TEMP[0].x+1].x` wrote an undeclared addr1).
            raise ShaderError(f"{where}: address registers cannot be indexed indirectly")
        if ind.array_id and (file, ind.array_id) not in declared.arrays:
            raise ShaderError(f"{where}: unknown array {ind.array_id}")
        return
    vertex_dim = (
        file == RegFile.IN and shader.processor in (Processor.GEOM, Processor.TESS_CTRL, Processor.TESS_EVAL)
    ) or (file == RegFile.OUT and shader.processor == Processor.TESS_CTRL)
    dim = operand.dim
    if operand.dim_indirect is None and dim is not None:
        if vertex_dim:
            if not 0 <= dim < MAX_VERTEX_DIM:
                raise ShaderError(f"{where}: vertex index {dim} out of range")
            dim = None
        elif file not in MAX_DIM:
            raise ShaderError(f"{where}: {file.name} takes no second dimension")
    if file == RegFile.CONST and operand.dim_indirect is not None:
        return  # buffer chosen at run time; the back end bounds it
    if file == RegFile.MEMORY and operand.index == 0 and shader.processor == Processor.COMP:
        return  # Mesa declares shared memory only when info.shared_size is non-zero, yet may use it
    if not declared.has(file, operand.index, dim):
        raise ShaderError(f"{where}: undeclared register {file.name}[{operand.index}]")


def _check_control_flow(shader: ir.Shader) -> None:
    stack: list[list] = []   # [kind, seen_else_or_default]
    count = len(shader.instructions)
    for number, inst in enumerate(shader.instructions):
        name = inst.op.name
        where = f"instruction {number} ({name})"
        if inst.label is not None and inst.label > count:
            raise ShaderError(f"{where}: label {inst.label} beyond the program")
        if name in _OPEN:
            if len(stack) >= MAX_NESTING:
                raise ShaderError(f"{where}: blocks nested too deeply")
            if name == "BGNSUB" and stack:
                raise ShaderError(f"{where}: subroutine inside a block")
            stack.append([_OPEN[name], False])
        elif name in _CLOSE:
            if not stack or stack[-1][0] != _CLOSE[name]:
                raise ShaderError(f"{where}: does not close an open {_CLOSE[name]} block")
            stack.pop()
        elif name == "ELSE":
            if not stack or stack[-1][0] != "if" or stack[-1][1]:
                raise ShaderError(f"{where}: ELSE without IF")
            stack[-1][1] = True
        elif name in ("CASE", "DEFAULT"):
            if not stack or stack[-1][0] != "switch":
                raise ShaderError(f"{where}: outside SWITCH")
        elif name == "BRK":
            if not any(kind in ("loop", "switch") for kind, _ in stack):
                raise ShaderError(f"{where}: BRK outside a loop or switch")
        elif name == "CONT":
            if not any(kind == "loop" for kind, _ in stack):
                raise ShaderError(f"{where}: CONT outside a loop")
        elif name == "END":
            if any(kind == "sub" for kind, _ in stack):
                raise ShaderError(f"{where}: END inside a subroutine")
        elif name == "CAL":
            target = inst.label
            if target is None or target >= count or shader.instructions[target].op.name != "BGNSUB":
                raise ShaderError(f"{where}: CAL target is not a subroutine")
    if stack:
        raise ShaderError(f"unterminated {stack[-1][0]} block")


def validate(shader: ir.Shader) -> ir.Shader:
    """Raise ShaderError unless `shader` is safe to hand to a back end; return it."""
    declared = _Declared(shader)
    for number, inst in enumerate(shader.instructions):
        where = f"instruction {number} ({inst.op.name})"
        for dst in inst.dst:
            if dst.file not in DST_FILES:
                raise ShaderError(f"{where}: cannot write to {dst.file.name}")
            _check_operand(declared, shader, dst, where)
        for src in inst.src:
            _check_operand(declared, shader, src, where)
        for off in inst.tex_offsets:
            if off.file not in (RegFile.IMM, RegFile.TEMP) or not declared.has(off.file, off.index, None):
                raise ShaderError(f"{where}: bad texture offset register")
        if inst.op.is_tex and inst.texture is None:
            raise ShaderError(f"{where}: missing texture target")
    _check_control_flow(shader)
    return shader


assert OPCODES["END"].num_src == 0
