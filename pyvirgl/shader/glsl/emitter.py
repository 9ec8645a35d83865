"""TGSI IR -> GLSL source.

One Emitter per translation. It walks the validated IR once to collect what
the shader uses (analysis), then writes declarations and a straight
translation of the instruction list into `main()`.

Storage model: TEMP and OUT registers are float vec4 variables ("shadows"
for outputs), ADDR registers ivec4. Built-in outputs and varyings are
written from the output shadows by `store_outputs()`, called before every
return and, in geometry shaders, before every EmitVertex. Tessellation
control outputs are written directly since invocations may read each
other's outputs.
"""
from __future__ import annotations

from ..errors import ShaderError
from ..tgsi import ir
from ..tgsi.names import (
    CoordOrigin, PixelCenter, Processor, Property, RegFile, ReturnType, Semantic, Texture,
)
from . import alu, interface, memory, result, textures
from .features import Features
from .key import COLOR_FLOAT, COLOR_INT, COLOR_UINT, HostShaderCaps, ShaderKey
from .namer import Namer
from .values import (
    F, HALF_TYPE, I, PACK64, SWZ, U, UNPACK64, cast32, is64, literal32, literal64, splat, tname,
    vector,
)

STAGES = {
    Processor.VERT: "vertex", Processor.FRAG: "fragment", Processor.GEOM: "geometry",
    Processor.TESS_CTRL: "tess_control", Processor.TESS_EVAL: "tess_eval", Processor.COMP: "compute",
}
LAST_VERTEX_STAGES = ("vertex", "tess_eval", "geometry")


def mask_comps(mask: int) -> list[int]:
    return [c for c in range(4) if mask & (1 << c)]


class Emitter:
    def __init__(self, shader: ir.Shader, key: ShaderKey, host: HostShaderCaps) -> None:
        self.shader = shader
        self.key = key
        self.stage = STAGES[shader.processor]
        self.namer = Namer(self.stage)
        self.p = self.namer.prefix
        self.features = Features(host)
        self.globals: list[str] = []          # declarations, in order
        self.helpers: dict[str, str] = {}     # name -> GLSL function source
        self.body: list[str] = []
        self.depth = 1
        self.uses_sample_rate = False
        self.uses_discard = False
        self.writes_depth = False
        self.tmp_counter = 0
        self.meta: dict[str, list] = {k: [] for k in (
            "constant_blocks", "samplers", "images", "buffers", "atomics", "vertex_inputs",
            "color_outputs", "inputs", "outputs", "output_registers", "driver_uniforms")}
        self.samplers: dict[tuple, str] = {}
        self.sampler_arrays: dict[str, tuple[str, int]] = {}
        self.images: dict[int, tuple[str, str, str]] = {}
        self._index_decls()

    # ------------------------------------------------------------------ setup
    def _index_decls(self) -> None:
        sh = self.shader
        self.temp_names: dict[int, tuple[str, int | None, ir.Declaration | None]] = {}
        self.in_decls: dict[int, ir.Declaration] = {}
        self.out_decls: dict[int, ir.Declaration] = {}
        self.sv_decls: dict[int, ir.Declaration] = {}
        self.const_sizes: dict[int, int] = {}
        self.addr_count = 0
        self.sview_decls: dict[int, ir.Declaration] = {}
        self.image_decls: dict[int, ir.Declaration] = {}
        self.buffer_decls: dict[int, ir.Declaration] = {}
        self.memory_decls: dict[int, ir.Declaration] = {}
        self.atomic_decls: dict[int, int] = {}
        for decl in sh.declarations:
            rng = range(decl.first, decl.last + 1)
            if decl.file == RegFile.TEMP:
                if decl.array_id:
                    name = self.namer.local("ta", decl.array_id)
                    for offset, i in enumerate(rng):
                        self.temp_names[i] = (name, offset, decl)
                else:
                    for i in rng:
                        self.temp_names.setdefault(i, (self.namer.local("t", i), None, None))
            elif decl.file == RegFile.IN:
                for i in rng:
                    self.in_decls[i] = decl
            elif decl.file == RegFile.OUT:
                for i in rng:
                    self.out_decls[i] = decl
            elif decl.file == RegFile.SV:
                for i in rng:
                    self.sv_decls[i] = decl
            elif decl.file == RegFile.CONST:
                d = decl.dim or 0
                self.const_sizes[d] = max(self.const_sizes.get(d, 0), decl.last + 1)
            elif decl.file == RegFile.ADDR:
                self.addr_count = max(self.addr_count, decl.last + 1)
            elif decl.file == RegFile.SVIEW:
                for i in rng:
                    self.sview_decls[i] = decl
            elif decl.file == RegFile.IMAGE:
                for i in rng:
                    self.image_decls[i] = decl
            elif decl.file == RegFile.BUFFER:
                for i in rng:
                    self.buffer_decls[i] = decl
            elif decl.file == RegFile.MEMORY:
                for i in rng:
                    self.memory_decls[i] = decl
            elif decl.file == RegFile.HWATOMIC:
                d = decl.dim or 0
                self.atomic_decls[d] = max(self.atomic_decls.get(d, 0), decl.last + 1)
        # Indirect TEMP access outside a declared array forces all plain temps into one array.
        self.flat_temps = False
        for inst in sh.instructions:
            for op in (*inst.dst, *inst.src):
                if op.file == RegFile.TEMP and op.indirect is not None and not op.indirect.array_id:
                    self.flat_temps = True
        if self.flat_temps:
            self.temp_count = max(self.temp_names, default=-1) + 1
            for i in list(self.temp_names):
                self.temp_names[i] = ("t", i, None)
        # Registers written by _PRECISE instructions are declared `precise`: GLSL then
        # computes everything that flows into them exactly (no reassociation, no
        # fast-math rewrites), as the guest's precise qualifier asked.
        self.precise_regs = {(op.file, op.index) for inst in sh.instructions if inst.precise
                             for op in inst.dst if op.file in (RegFile.TEMP, RegFile.OUT)}
        if self.precise_regs:
            self.features.need("gpu_shader5")
        self.indirect_samplers = any(
            op.file == RegFile.SAMP and op.indirect is not None
            for inst in sh.instructions for op in inst.src)
        self.images_used: set[int] = set()
        self.buffers_used: set[int] = set()
        self.shared_used = False
        self.image_array = 0
        # Atomic buffers addressed indirectly anywhere are declared as arrays.
        self.counter_arrays: set[int] = {
            op.dim or 0 for inst in sh.instructions for op in (*inst.src, *inst.dst)
            if op.file == RegFile.HWATOMIC and op.indirect is not None}
        self.counters_used: set[tuple[int, int]] = set()
        self.is_tcs = self.stage == "tess_control"
        self.per_vertex_in = self.stage in ("geometry", "tess_control", "tess_eval")

    # --------------------------------------------------------------- helpers
    def line(self, text: str) -> None:
        self.body.append("    " * self.depth + text)

    def helper(self, name: str, n: int) -> str:
        # Vector overloads call the scalar one, so it is always defined first.
        for width in ((1, n) if n > 1 else (1,)):
            key = f"{name}{width}"
            if key not in self.helpers:
                self.helpers[key] = alu.helper_source(name, width, "pyv_")
        return f"pyv_{name}"

    def fresh(self, role: str) -> str:
        self.tmp_counter += 1
        return f"{role}_{self.tmp_counter}"

    def imm_dword(self, index: int, comp: int) -> int:
        return self.shader.immediates[index].dwords[comp]

    # --------------------------------------------------------------- reading
    def index_expr(self, ind: ir.Indirect, offset: int) -> str:
        if ind.file == RegFile.ADDR:
            base = f"addr{ind.index}.{SWZ[ind.component]}"
        else:
            base = f"floatBitsToInt({self.temp_lvalue(ind.index)}.{SWZ[ind.component]})"
        return f"{base} + {offset}" if offset else base

    def bounded(self, expr: str, first: int, count: int) -> str:
        """Array subscript for an indirect index, clamped so a guest cannot read out of range."""
        if first:
            expr = f"{expr} - {first}"
        return f"clamp({expr}, 0, {count - 1})"

    def temp_lvalue(self, index: int, indirect: ir.Indirect | None = None) -> str:
        if indirect is not None:
            idx = self.index_expr(indirect, index)
            decl = None
            if indirect.array_id:
                for name, off, d in self.temp_names.values():
                    if d is not None and d.array_id == indirect.array_id:
                        decl = d
                        return f"{name}[{self.bounded(idx, d.first, d.count)}]"
            if decl is None:
                if not self.flat_temps:
                    raise ShaderError("indirect TEMP access without a declared array")
                return f"t[{self.bounded(idx, 0, self.temp_count)}]"
        name, offset, _decl = self.temp_names[index]
        return name if offset is None else f"{name}[{offset}]"

    def vertex_index(self, op) -> str:
        if op.dim_indirect is not None:
            return self.bounded(self.index_expr(op.dim_indirect, op.dim or 0), 0, 32)
        return str(op.dim or 0)

    def register(self, op) -> tuple[str, str]:
        """(vec4 expression, lane type) of a source register, before swizzling."""
        f = op.file
        if f == RegFile.TEMP:
            return self.temp_lvalue(op.index, op.indirect), F
        if f == RegFile.ADDR:
            return f"addr{op.index}", I
        if f == RegFile.CONST:
            return self.const_read(op), U
        if f == RegFile.IMM:
            count = len(self.shader.immediates)
            self.need_imm_array = True
            idx = self.index_expr(op.indirect, op.index) if op.indirect else str(op.index)
            if op.indirect:
                idx = self.bounded(idx, 0, count)
            return f"{self.p}_imm[{idx}]", U
        if f == RegFile.SV:
            return interface.sysval(self, self.sv_decls[op.index].semantic)
        if f == RegFile.IN:
            return self.input_read(op)
        if f == RegFile.OUT:
            return self.output_read(op), F
        raise ShaderError(f"{f.name} cannot be read as a value")

    def src(self, op: ir.SrcOperand, t: str, comps: list[int]) -> str:
        """Read swizzled components (positions in `comps`) of a source as `n` lanes of 32-bit `t`."""
        n = len(comps)
        chans = [op.swizzle[c] for c in comps]
        if op.file == RegFile.IMM and op.indirect is None:
            expr = vector(t, [literal32(t, self.imm_dword(op.index, c)) for c in chans])
        else:
            base, bt = self.register(op)
            sw = "".join(SWZ[c] for c in chans)
            expr = cast32(f"{base}.{sw}", bt, t, n)
        return self.modifiers(op, expr, t, n)

    def src64(self, op: ir.SrcOperand, t: str, lane: int) -> str:
        """Read one 64-bit lane (swizzle pair 2*lane, 2*lane+1) as a scalar of `t`."""
        lo, hi = op.swizzle[2 * lane], op.swizzle[2 * lane + 1]
        if op.file == RegFile.IMM and op.indirect is None:
            bits = self.imm_dword(op.index, lo) | (self.imm_dword(op.index, hi) << 32)
            expr = literal64(t, bits)
        else:
            base, bt = self.register(op)
            half = HALF_TYPE[t]
            expr = f"{PACK64[t]}({cast32(f'{base}.{SWZ[lo]}{SWZ[hi]}', bt, half, 2)})"
        return self.modifiers(op, expr, t, 1)

    def modifiers(self, op: ir.SrcOperand, expr: str, t: str, n: int) -> str:
        if op.absolute:
            if t == U:
                expr = f"{tname(U, n)}(abs({tname(I, n)}({expr})))"
            else:
                expr = f"abs({expr})"
        if op.negate:
            expr = f"(-{expr})"
        return expr

    # --------------------------------------------------------------- writing
    def store(self, dst: ir.DstOperand, expr: str, t: str, comps: list[int], saturate: bool = False) -> None:
        """Write `expr` (len(comps) lanes of 32-bit type `t`) to the dst components `comps`."""
        n = len(comps)
        if not comps:
            return
        if saturate and t == F:
            expr = f"clamp({expr}, 0.0, 1.0)"
        sw = "".join(SWZ[c] for c in comps)
        f = dst.file
        if f == RegFile.ADDR:
            self.line(f"addr{dst.index}.{sw} = {cast32(expr, t, I, n)};")
            return
        value = cast32(expr, t, F, n)
        if f == RegFile.TEMP:
            lv = self.temp_lvalue(dst.index, dst.indirect)
        elif f == RegFile.OUT:
            self.output_store(dst, value, comps)
            return
        else:
            raise ShaderError(f"cannot write {f.name} here")
        suffix = "" if comps == [0, 1, 2, 3] else f".{sw}"
        self.line(f"{lv}{suffix} = {value};")

    def store64(self, dst: ir.DstOperand, lane_values: dict[int, str], t: str, saturate: bool) -> None:
        """Write 64-bit scalars (lane -> expr) into their component pairs, honouring the mask."""
        for lane, expr in lane_values.items():
            comps = [c for c in (2 * lane, 2 * lane + 1) if dst.write_mask & (1 << c)]
            if not comps:
                continue
            if saturate and t == "d":
                expr = f"clamp({expr}, 0.0lf, 1.0lf)"
            halves = f"{UNPACK64[t]}({expr})"
            half_t = HALF_TYPE[t]
            sel = "".join("xy"[c - 2 * lane] for c in comps)
            self.store(dst, f"{halves}.{sel}", half_t, comps)

    # --------------------------------------------------------------- pieces
    def frag_coord(self) -> str:
        origin = self.shader.property(Property.FS_COORD_ORIGIN, CoordOrigin.UPPER_LEFT)
        center = self.shader.property(Property.FS_COORD_PIXEL_CENTER, PixelCenter.HALF_INTEGER)
        if center == PixelCenter.INTEGER:
            self.frag_coord_integer = True
        if origin == CoordOrigin.LOWER_LEFT:
            height = self.driver_uniform("fb_height", "float")
            adjust = " - 1.0" if center == PixelCenter.INTEGER else ""
            return f"vec4(gl_FragCoord.x, {height} - gl_FragCoord.y{adjust}, gl_FragCoord.zw)"
        return "gl_FragCoord"

    def driver_uniform(self, purpose: str, glsl_type: str, array: int = 0) -> str:
        name = f"{self.p}_drv_{purpose}"
        if (purpose, name) not in self.meta["driver_uniforms"]:
            self.meta["driver_uniforms"].append((purpose, name))
            suffix = f"[{array}]" if array else ""
            self.globals.append(f"uniform {glsl_type} {name}{suffix};")
        return name

    def const_read(self, op) -> str:
        if op.dim_indirect is not None:
            return self._const_read_dynamic_buffer(op)
        d = op.dim or 0
        size = self.const_sizes.get(d)
        if size is None:
            raise ShaderError(f"constant buffer {d} is not declared")
        name = f"{self.p}_c{d}"
        if op.indirect is not None:
            return f"{name}[{self.bounded(self.index_expr(op.indirect, op.index), 0, size)}]"
        return f"{name}[{op.index}]"

    def _const_read_dynamic_buffer(self, op) -> str:
        """CONST[ADDR[a].x+k][i]: a uniform-block array in GL; here a switch over declared blocks."""
        fname = f"{self.p}_cb_at"
        if fname not in self.helpers:
            cases = "\n".join(
                f"    case {d}: return {self.p}_c{d}[clamp(i, 0, {size - 1})];"
                for d, size in sorted(self.const_sizes.items()))
            self.helpers[fname] = (f"uvec4 {fname}(int b, int i)\n{{\n  switch (b) {{\n{cases}\n"
                                   f"    default: return uvec4(0u);\n  }}\n}}\n")
        buf = self.index_expr(op.dim_indirect, op.dim or 0)
        idx = self.index_expr(op.indirect, op.index) if op.indirect is not None else str(op.index)
        return f"{fname}({buf}, {idx})"

    def op_INTERP_CENTROID(self, inst):
        self._interp(inst, "interpolateAtCentroid", None)

    def op_INTERP_SAMPLE(self, inst):
        self._interp(inst, "interpolateAtSample", self.src(inst.src[1], I, [0]))

    def op_INTERP_OFFSET(self, inst):
        self._interp(inst, "interpolateAtOffset", self.src(inst.src[1], F, [0, 1]))

    def _interp(self, inst, fn: str, extra: str | None) -> None:
        self.features.need("gpu_shader5")
        s = inst.src[0]
        if s.file != RegFile.IN or s.indirect is not None:
            raise ShaderError(f"{inst.op.name} needs a directly addressed input")
        expr, lane = self.register(s)
        if lane != F or not expr.endswith(".d") or " " in expr:
            raise ShaderError(f"{inst.op.name} on an input that is not an interpolated varying")
        comps = mask_comps(inst.dst[0].write_mask)
        call = f"{fn}({expr}{', ' + extra if extra else ''})"
        sw = "".join(SWZ[s.swizzle[c]] for c in comps)
        self.store(inst.dst[0], self.modifiers(s, f"{call}.{sw}", F, len(comps)), F, comps, inst.saturate)

    # inputs / outputs are implemented in io.py-like methods below
    from .io import (  # noqa: E402  (methods mixed in from a sibling module)
        declare_interface, input_read, output_read, output_store, store_outputs_function,
    )

    # --------------------------------------------------------------- instructions
    def emit_instruction(self, inst: ir.Instruction) -> None:
        name = inst.op.name
        handler = getattr(self, f"op_{name}", None)
        if handler is not None:
            handler(inst)
            return
        if name in alu.ALU:
            self.emit_alu(inst, alu.ALU[name])
            return
        if name in textures.TEXTURE_OPS:
            textures.emit(self, inst)
            return
        if name in memory.MEMORY_OPS:
            memory.emit(self, inst)
            return
        raise ShaderError(f"opcode {name} is not supported")

    def emit_alu(self, inst: ir.Instruction, op: alu.AluOp) -> None:
        if op.feature:
            self.features.need(op.feature)
        if op.kind == "wide":
            self.emit_wide(inst, op)
            return
        dst = inst.dst[0]
        comps = mask_comps(dst.write_mask)
        if not comps:
            return
        n = len(comps)
        if op.kind == "comp":
            args = [self.src(s, t, comps) for s, t in zip(inst.src, op.srcs)]
            expr = op.build(self, args, n)
            self.store(dst, expr, op.dst, comps, inst.saturate)
        elif op.kind == "repl":
            args = [self.src(s, t, list(range(k))) for s, t, k in zip(inst.src, op.srcs, op.reads)]
            expr = splat(op.dst, n, op.build(self, args, 1))
            self.store(dst, expr, op.dst, comps, inst.saturate)
        else:
            args = [self.src(s, t, [0, 1, 2, 3]) for s, t in zip(inst.src, op.srcs)]
            expr = f"({op.build(self, args, 4)}).{''.join(SWZ[c] for c in comps)}"
            self.store(dst, expr, op.dst, comps, inst.saturate)

    def emit_wide(self, inst: ir.Instruction, op: alu.AluOp) -> None:
        dst = inst.dst[0]
        even = inst.op.name in alu.WIDE_EVEN_COMPONENT

        def arg(s, t, lane, comp):
            if is64(t):
                return self.src64(s, t, lane)
            return self.src(s, t, [2 * lane if even else comp])

        if is64(op.dst):
            values = {}
            for lane in (0, 1):
                if dst.write_mask & (3 << (2 * lane)):
                    args = [arg(s, t, lane, lane) for s, t in zip(inst.src, op.srcs)]
                    values[lane] = op.build(self, args, 1)
            self.store64(dst, values, op.dst, inst.saturate)
            return
        comps = mask_comps(dst.write_mask)
        for c in comps:
            # TGSI: dst.x from the first source pair, dst.y from the second. Mesa
            # writes one result per instruction and leaves its double in the
            # first pair whichever channel it writes (D2F TEMP[0].y, TEMP[6]), and
            # virglrenderer reads it there, so a lone channel takes lane 0.
            lane = 0 if c == 0 or len(comps) == 1 else 1
            args = [arg(s, t, lane, c) for s, t in zip(inst.src, op.srcs)]
            self.store(dst, op.build(self, args, 1), op.dst, [c], inst.saturate)

    # plain data movement
    def op_MOV(self, inst: ir.Instruction) -> None:
        dst, s = inst.dst[0], inst.src[0]
        comps = mask_comps(dst.write_mask)
        if not comps:
            return
        t = F
        if not (s.negate or s.absolute or inst.saturate):
            if s.file == RegFile.IMM and s.indirect is None:
                t = U
            elif s.file in (RegFile.SV, RegFile.ADDR, RegFile.CONST):
                t = self.register(s)[1]
            elif s.file == RegFile.IN:
                t = self.register(s)[1]
        self.store(dst, self.src(s, t, comps), t, comps, inst.saturate)

    # control flow
    def _open(self, text: str) -> None:
        self.line(text)
        self.depth += 1

    def _close(self, text: str = "}") -> None:
        self.depth -= 1
        self.line(text)

    def op_IF(self, inst):
        self._open(f"if ({self.src(inst.src[0], F, [0])} != 0.0) {{")

    def op_UIF(self, inst):
        self._open(f"if ({self.src(inst.src[0], U, [0])} != 0u) {{")

    def op_ELSE(self, inst):
        self.depth -= 1
        self.line("} else {")
        self.depth += 1

    def op_ENDIF(self, inst):
        self._close()

    def op_BGNLOOP(self, inst):
        self._open("while (true) {")

    def op_ENDLOOP(self, inst):
        self._close()

    def op_BRK(self, inst):
        self.line("break;")

    def op_CONT(self, inst):
        self.line("continue;")

    def op_SWITCH(self, inst):
        self._open(f"switch ({self.src(inst.src[0], I, [0])}) {{")
        self.depth += 1
        self.switch_open = True

    def op_CASE(self, inst):
        s = inst.src[0]
        if s.file != RegFile.IMM or s.indirect is not None:
            raise ShaderError("CASE needs an immediate value")
        self.depth -= 1
        self.line(f"case {literal32(I, self.imm_dword(s.index, s.swizzle[0]))}:")
        self.depth += 1

    def op_DEFAULT(self, inst):
        self.depth -= 1
        self.line("default:")
        self.depth += 1

    def op_ENDSWITCH(self, inst):
        # GLSL wants a statement after the last label.
        self.line("break;")
        self.depth -= 1
        self._close()

    def op_END(self, inst):
        self.op_RET(inst)

    def op_RET(self, inst):
        if self.has_store_outputs and not self.in_subroutine:
            self.line("pyv_store_outputs();")
        self.line("return;")

    def op_NOP(self, inst):
        pass

    def op_KILL(self, inst):
        self.uses_discard = True
        self.line("discard;")

    def op_DEMOTE(self, inst):
        self.op_KILL(inst)

    def op_KILL_IF(self, inst):
        self.uses_discard = True
        self.line(f"if (any(lessThan({self.src(inst.src[0], F, [0, 1, 2, 3])}, vec4(0.0)))) discard;")

    def op_BARRIER(self, inst):
        self.line("barrier();")

    def op_MEMBAR(self, inst):
        self.line("memoryBarrier();")

    def op_EMIT(self, inst):
        stream = self._stream_index(inst)
        if self.has_store_outputs:
            self.line("pyv_store_outputs();")
        if stream:
            self.features.need("gpu_shader5")
            self.line(f"EmitStreamVertex({stream});")
        else:
            self.line("EmitVertex();")

    def op_ENDPRIM(self, inst):
        stream = self._stream_index(inst)
        if stream:
            self.features.need("gpu_shader5")
            self.line(f"EndStreamPrimitive({stream});")
        else:
            self.line("EndPrimitive();")

    def _stream_index(self, inst) -> int:
        s = inst.src[0]
        if s.file != RegFile.IMM or s.indirect is not None:
            raise ShaderError("EMIT/ENDPRIM stream must be an immediate")
        value = self.imm_dword(s.index, s.swizzle[0])
        if value > 3:
            raise ShaderError("stream index out of range")
        return value

    def op_CLOCK(self, inst):
        self.features.need("shader_clock")
        comps = mask_comps(inst.dst[0].write_mask)
        clock = "uvec4(clock2x32ARB(), 0u, 0u)"
        self.store(inst.dst[0], f"{clock}.{''.join(SWZ[c] for c in comps)}", U, comps)

    # subgroup votes and ballots (ARB_shader_group_vote / ARB_shader_ballot)
    def _vote(self, inst, fn: str) -> None:
        self.features.need("group_vote")
        name = fn if self.features.host.glsl_version >= 460 else fn + "ARB"
        comps = mask_comps(inst.dst[0].write_mask)
        arg = self.src(inst.src[0], U, [0])
        if fn == "allInvocationsEqual":
            # Equality of arbitrary values: everyone matches the first active invocation.
            self.features.need("ballot")
            every = "allInvocations" if self.features.host.glsl_version >= 460 else "allInvocationsARB"
            expr = f"({every}(readFirstInvocationARB({arg}) == {arg}) ? -1 : 0)"
        else:
            expr = f"({name}({arg} != 0u) ? -1 : 0)"
        for c in comps:
            self.store(inst.dst[0], expr, I, [c])

    def op_VOTE_ANY(self, inst):
        self._vote(inst, "anyInvocation")

    def op_VOTE_ALL(self, inst):
        self._vote(inst, "allInvocations")

    def op_VOTE_EQ(self, inst):
        self._vote(inst, "allInvocationsEqual")

    def op_BALLOT(self, inst):
        self.features.need("ballot")
        self.features.need("int64")
        bits = f"unpackUint2x32(ballotARB({self.src(inst.src[0], U, [0])} != 0u))"
        comps = [c for c in mask_comps(inst.dst[0].write_mask) if c < 2]
        if comps:
            self.store(inst.dst[0], f"{bits}.{''.join(SWZ[c] for c in comps)}", U, comps)

    def op_READ_FIRST(self, inst):
        self.features.need("ballot")
        comps = mask_comps(inst.dst[0].write_mask)
        self.store(inst.dst[0], f"readFirstInvocationARB({self.src(inst.src[0], U, comps)})", U, comps)

    def op_READ_INVOC(self, inst):
        self.features.need("ballot")
        comps = mask_comps(inst.dst[0].write_mask)
        index = self.src(inst.src[1], U, [0])
        self.store(inst.dst[0], f"readInvocationARB({self.src(inst.src[0], U, comps)}, {index})", U, comps)

    def op_READ_HELPER(self, inst):
        self.features.need("derivative_control")
        comps = mask_comps(inst.dst[0].write_mask)
        self.store(inst.dst[0], splat(I, len(comps), "(gl_HelperInvocation ? -1 : 0)"), I, comps)

    def op_FBFETCH(self, inst):
        s = inst.src[0]
        names = self.color_names.get(s.index) if s.file == RegFile.OUT and s.indirect is None else None
        if not names:
            raise ShaderError("FBFETCH needs a colour output")
        name, ctype = names[0]
        lane = {COLOR_INT: I, COLOR_UINT: U}.get(ctype, F)
        comps = mask_comps(inst.dst[0].write_mask)
        sw = "".join(SWZ[s.swizzle[c]] for c in comps)
        self.store(inst.dst[0], f"{name}.{sw}", lane, comps)

    def _subroutines_unsupported(self, inst):
        raise ShaderError("TGSI subroutines (CAL/BGNSUB) are not supported")

    op_CAL = op_BGNSUB = op_ENDSUB = _subroutines_unsupported

    # --------------------------------------------------------------- assemble
    def translate(self) -> result.TranslatedShader:
        self.need_imm_array = False
        self.frag_coord_integer = False
        self.in_subroutine = False
        self.has_store_outputs = self.stage in LAST_VERTEX_STAGES or self.stage == "fragment"
        io_decls = self.declare_interface()
        for inst in self.shader.instructions:
            self.emit_instruction(inst)
        if not self.shader.instructions or self.shader.instructions[-1].op.name not in ("END", "RET"):
            if self.has_store_outputs:
                self.line("pyv_store_outputs();")
        epilogue = self.store_outputs_function() if self.has_store_outputs else ""
        res_decls = self.declare_resources()
        layout = self.stage_layout()
        parts = [self.features.header()]
        parts += layout
        parts += io_decls + res_decls + self.globals
        parts += self.register_decls()
        parts += list(self.helpers.values())
        if epilogue:
            parts.append(epilogue)
        parts.append("void main()\n{")
        parts += self.body
        parts.append("}")
        glsl = "\n".join(p.rstrip("\n") for p in parts) + "\n"
        local = None
        if self.stage == "compute":
            local = self.local_size()
        m = self.meta
        return result.TranslatedShader(
            stage=self.stage, glsl=glsl,
            constant_blocks=tuple(m["constant_blocks"]), samplers=tuple(m["samplers"]),
            images=tuple(m["images"]), buffers=tuple(m["buffers"]), atomics=tuple(m["atomics"]),
            vertex_inputs=tuple(m["vertex_inputs"]), color_outputs=tuple(m["color_outputs"]),
            inputs=tuple(m["inputs"]), outputs=tuple(m["outputs"]),
            output_registers=tuple(m["output_registers"]),
            driver_uniforms=tuple(m["driver_uniforms"]),
            writes_depth=self.writes_depth, uses_discard=self.uses_discard, local_size=local,
            xfb_varyings=tuple(self.xfb_varyings), primitive=self.primitive_class(),
        )

    def primitive_class(self) -> str | None:
        sh = self.shader
        if self.stage == "geometry":
            return interface.INPUT_PRIMITIVES.get(sh.property(Property.GS_INPUT_PRIMITIVE, 4))
        if self.stage == "tess_eval":
            if sh.property(Property.TES_POINT_MODE, 0):
                return "points"
            return "lines" if interface.TES_PRIMITIVES.get(sh.property(Property.TES_PRIM_MODE, 4)) == "isolines" \
                else "triangles"
        return None

    def local_size(self) -> tuple[int, int, int]:
        sh = self.shader
        return tuple(max(1, min(1024, sh.property(p, 1) or 1)) for p in (  # type: ignore[return-value]
            Property.CS_FIXED_BLOCK_WIDTH, Property.CS_FIXED_BLOCK_HEIGHT, Property.CS_FIXED_BLOCK_DEPTH))

    def stage_layout(self) -> list[str]:
        sh = self.shader
        out = []
        if self.stage == "compute":
            self.features.need("compute")
            x, y, z = self.local_size()
            out.append(f"layout(local_size_x = {x}, local_size_y = {y}, local_size_z = {z}) in;")
        elif self.stage == "geometry":
            prim_in = interface.INPUT_PRIMITIVES.get(sh.property(Property.GS_INPUT_PRIMITIVE, 4))
            prim_out = interface.OUTPUT_PRIMITIVES.get(sh.property(Property.GS_OUTPUT_PRIMITIVE, 5))
            if prim_in is None or prim_out is None:
                raise ShaderError("unsupported geometry shader primitive")
            max_vertices = min(1024, sh.property(Property.GS_MAX_OUTPUT_VERTICES, 1) or 1)
            invocations = sh.property(Property.GS_INVOCATIONS, 1) or 1
            if invocations > 1:
                self.features.need("gpu_shader5")
                out.append(f"layout({prim_in}, invocations = {min(invocations, 32)}) in;")
            else:
                out.append(f"layout({prim_in}) in;")
            out.append(f"layout({prim_out}, max_vertices = {max_vertices}) out;")
        elif self.stage == "tess_control":
            self.features.need("tessellation")
            self.features.pin_host_version()
            vertices = max(1, min(32, sh.property(Property.TCS_VERTICES_OUT, 1) or 1))
            out.append(f"layout(vertices = {vertices}) out;")
        elif self.stage == "tess_eval":
            self.features.need("tessellation")
            self.features.pin_host_version()
            prim = interface.TES_PRIMITIVES.get(sh.property(Property.TES_PRIM_MODE, 4))
            if prim is None:
                raise ShaderError("unsupported tessellation primitive mode")
            parts = [prim, interface.TES_SPACING.get(sh.property(Property.TES_SPACING, 2), "equal_spacing")]
            parts.append("cw" if sh.property(Property.TES_VERTEX_ORDER_CW, 0) else "ccw")
            if sh.property(Property.TES_POINT_MODE, 0):
                parts.append("point_mode")
            out.append(f"layout({', '.join(parts)}) in;")
        elif self.stage == "fragment":
            if sh.property(Property.FS_EARLY_DEPTH_STENCIL, 0):
                self.features.need("image_load_store")
                out.append("layout(early_fragment_tests) in;")
            if self.frag_coord_integer:
                out.append("layout(pixel_center_integer) in vec4 gl_FragCoord;")
        return out

    def register_decls(self) -> list[str]:
        out = []
        seen = set()
        precise_names = {self.temp_names[i][0] for f, i in self.precise_regs
                         if f == RegFile.TEMP and i in self.temp_names}
        if self.flat_temps:
            qual = "precise " if "t" in precise_names else ""
            out.append(f"{qual}vec4 t[{max(1, self.temp_count)}];")
        for name, offset, decl in self.temp_names.values():
            if name in seen or name == "t":
                continue
            seen.add(name)
            qual = "precise " if name in precise_names else ""
            if decl is not None:
                out.append(f"{qual}vec4 {name}[{decl.count}];")
            else:
                out.append(f"{qual}vec4 {name} = vec4(0.0);")
        for i in range(self.addr_count):
            out.append(f"ivec4 addr{i} = ivec4(0);")
        if self.need_imm_array and self.shader.immediates:
            vals = ", ".join(
                "uvec4(" + ", ".join(f"{d}u" for d in imm.dwords) + ")" for imm in self.shader.immediates)
            out.append(f"const uvec4 {self.p}_imm[{len(self.shader.immediates)}] = "
                       f"uvec4[{len(self.shader.immediates)}]({vals});")
        return out

    from .resources import (  # noqa: E402
        counter_ref, counter_suffix, declare_resources, image_ref, linear_array,
    )


def translate_ir(shader: ir.Shader, key: ShaderKey, host: HostShaderCaps) -> result.TranslatedShader:
    return Emitter(shader, key, host).translate()


# Unused-import guard for names used only by sibling modules through the emitter.
_ = (ReturnType, Semantic, Texture, COLOR_FLOAT, COLOR_INT, COLOR_UINT, vector)
