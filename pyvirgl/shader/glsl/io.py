"""Inputs, outputs and the output epilogue of the Emitter (mixed into its class).

Kept apart from emitter.py because this is where stage conventions live:
varying naming, built-in variables, colour outputs, clip planes and
transform feedback.
"""
from __future__ import annotations

from ..errors import ShaderError
from ..tgsi import ir
from ..tgsi.names import PATCH_SEMANTICS, Interp, InterpLoc, Property, RegFile, Semantic
from . import interface, result
from .key import COLOR_INT, COLOR_UINT
from .values import F, I, SWZ, U, cast32

_VARYING = frozenset(interface.VARYING_SEMANTICS)


def _semantic_of(decl: ir.Declaration, reg: int) -> tuple[Semantic | None, int]:
    """Semantic and index of register `reg` inside a (possibly ranged) declaration."""
    if decl.semantic is None:
        return None, 0
    return decl.semantic, decl.semantic_index + (reg - decl.first)


def _interp_words(decl: ir.Declaration, flatshade: bool) -> list[str]:
    """GLSL interpolation/auxiliary qualifiers of an FS input declaration."""
    words = []
    interp = decl.interp
    if interp == Interp.CONSTANT or (interp == Interp.COLOR and flatshade):
        words.append("flat")
    elif interp == Interp.LINEAR:
        words.append("noperspective")
    if decl.location == InterpLoc.CENTROID:
        words.append("centroid")
    elif decl.location == InterpLoc.SAMPLE:
        words.append("sample")
    return words


def _qualifiers(self, decl: ir.Declaration, semantic: Semantic) -> str:
    words = _interp_words(decl, self.key.flatshade)
    if "sample" in words:
        self.features.need("sample_shading")
    if words:
        self.features.need("interp_qualifiers_free")
    return " ".join(words) + " " if words else ""


def fragment_input_qualifiers(shader: ir.Shader, flatshade: bool = False,
                              color_two_side: bool = False) -> tuple[tuple[str, str], ...]:
    """(semantic label, qualifiers) of each varying a fragment shader reads with
    interpolation qualifiers, for ShaderKey.fs_input_qualifiers of the stage
    before it: the linker wants a block member's centroid/sample (and, before
    GLSL 4.40, flat/noperspective) to be the same on both sides."""
    found: dict[str, str] = {}
    for decl in shader.declarations:
        if decl.file != RegFile.IN or decl.semantic not in _VARYING:
            continue
        words = " ".join(_interp_words(decl, flatshade))
        if not words:
            continue
        for reg in range(decl.first, decl.last + 1):
            semantic, index = _semantic_of(decl, reg)
            if semantic == Semantic.PATCH:
                semantic, index = _generic_overflow(index)
            found[interface.semantic_label(semantic, index)] = words
            if semantic == Semantic.COLOR and color_two_side:
                found[interface.semantic_label(Semantic.BCOLOR, index)] = words
    return tuple(sorted(found.items()))


def declare_interface(self) -> list[str]:
    self.in_exprs = {}      # reg -> callable(vertex_expr) -> (vec4 expr, lane type)
    self.out_shadow = {}    # reg -> shadow variable name (non-TCS)
    self.tcs_out = {}       # reg -> callable(vertex_expr) -> list of per-component lvalues
    self.xfb_varyings = []
    self.varying_out = {}   # reg -> GLSL lvalue of the varying written from the shadow
    decls: list[str] = []
    declared: set[str] = set()

    def declare(text: str, name: str) -> None:
        if name not in declared:
            declared.add(name)
            decls.append(text)

    stage = self.stage
    # ---- inputs
    for reg, decl in sorted(self.in_decls.items()):
        semantic, index = _semantic_of(decl, reg)
        if stage == "vertex":
            types = self.key.vertex_input_types
            t = types[reg] if reg < len(types) else "float"
            lane, gtype = {"int": (I, "ivec4"), "uint": (U, "uvec4")}.get(t, (F, "vec4"))
            name = f"{self.p}_in{reg}"
            declare(f"layout(location = {reg}) in {gtype} {name};", name)
            self.meta["vertex_inputs"].append(result.VertexInput(reg, name))
            self.in_exprs[reg] = (lambda v, name=name, lane=lane: (name, lane))
            continue
        if semantic is None:
            raise ShaderError(f"IN[{reg}] has no semantic")
        per_patch = semantic in PATCH_SEMANTICS and (semantic != Semantic.PATCH or stage == "tess_eval")
        per_vertex = self.per_vertex_in and not per_patch
        if semantic == Semantic.PATCH and not per_patch:
            semantic, index = _generic_overflow(index)
        if stage == "fragment":
            self.in_exprs[reg] = _fragment_input(self, decl, semantic, index, declare)
        elif per_vertex:
            self.in_exprs[reg] = _per_vertex_input(self, semantic, index, declare)
        elif semantic == Semantic.PATCH:
            block, inst = _block(self, "in", semantic, index)
            declare(f"patch in {block} {{ vec4 d; }} {inst};", inst)
            self.meta["inputs"].append(result.Varying(interface.semantic_label(semantic, index), block))
            self.in_exprs[reg] = (lambda v, inst=inst: (f"{inst}.d", F))
        else:
            expr, lane = interface.sysval(self, semantic)
            self.in_exprs[reg] = (lambda v, expr=expr, lane=lane: (expr, lane))
    # ---- outputs
    next_interp = dict(self.key.fs_input_qualifiers)
    for reg, decl in sorted(self.out_decls.items()):
        semantic, index = _semantic_of(decl, reg)
        if semantic is None:
            raise ShaderError(f"OUT[{reg}] has no semantic")
        if stage == "tess_control":
            _tcs_output(self, reg, semantic, index, declare)
            continue
        if semantic == Semantic.PATCH:
            semantic, index = _generic_overflow(index)
        shadow = f"o{reg}"
        self.out_shadow[reg] = shadow
        qual = "precise " if (RegFile.OUT, reg) in self.precise_regs else ""
        decls.append(f"{qual}vec4 {shadow} = vec4(0.0);")
        if semantic in _VARYING and stage != "fragment":
            block, inst = _block(self, "out", semantic, index)
            qual = ""
            if stage == "geometry" and decl.streams is not None and decl.streams[0]:
                self.features.need("gpu_shader5")
                qual = f"layout(stream = {decl.streams[0]}) "
            inv = "invariant " if decl.invariant else ""
            interp = next_interp.get(interface.semantic_label(semantic, index), "")
            if interp:
                if "sample" in interp.split():
                    self.features.need("sample_shading")
                interp += " "
            # (Per-patch outputs exist only in the control stage, _tcs_output.)
            declare(f"{qual}out {block} {{ {inv}{interp}vec4 d; }} {inst};", inst)
            self.varying_out[reg] = f"{inst}.d"
            self.meta["outputs"].append(result.Varying(interface.semantic_label(semantic, index), block))
            self.meta["output_registers"].append((reg, block))
    if stage == "fragment":
        _declare_color_outputs(self, declare)
    if self.key.stream_outputs and stage in ("vertex", "tess_eval", "geometry"):
        _declare_xfb(self, declare)
    return decls


# Mesa numbers varyings from VARYING_SLOT_VAR0 and TGSI GENERIC has 32 of them:
# a vertex, evaluation or geometry shader's varying 32 + i lands on
# VARYING_SLOT_PATCH0 + i and is labelled PATCH[i] on the way out, while the
# next stage reads it as GENERIC[32 + i]. Outside the control -> evaluation
# interface, PATCH[i] is that per-vertex varying.
_GENERIC_SLOTS = 32


def _generic_overflow(index: int) -> tuple[Semantic, int]:
    return Semantic.GENERIC, _GENERIC_SLOTS + index


def _block(self, direction: str, semantic: Semantic, index: int) -> tuple[str, str]:
    return (interface.varying_name(semantic, index),
            interface.varying_instance(self.p, direction, semantic, index))


def _fragment_input(self, decl, semantic, index, declare):
    key = self.key
    if semantic in (Semantic.GENERIC, Semantic.TEXCOORD) and key.sprite_coord_enable & (1 << index) \
            and index < 32:
        return lambda v: (_point_coord(self), F)
    if semantic == Semantic.PCOORD:
        return lambda v: (_point_coord(self), F)
    if semantic == Semantic.CLIPDIST:
        base = 4 * index
        expr = "vec4(" + ", ".join(f"gl_ClipDistance[{base + c}]" for c in range(4)) + ")"
        top = max(_semantic_of(d, r)[1] for r, d in self.in_decls.items() if d.semantic == Semantic.CLIPDIST)
        declare(f"in float gl_ClipDistance[{4 * top + 4}];", "gl_ClipDistance")
        return lambda v: (expr, F)
    if semantic in _VARYING:
        qual = _qualifiers(self, decl, semantic)
        front = _varying_input(self, semantic, index, qual, declare)
        if semantic == Semantic.COLOR and key.color_two_side:
            # The back colour stands in for a front colour the previous stage does
            # not write, and the other way round (GL leaves the missing one undefined).
            back = _varying_input(self, Semantic.BCOLOR, index, qual, declare)
            if front is None and back is None:
                return lambda v: (_MISSING_VARYING, F)
            if front is None or back is None:
                only = front or back
                return lambda v: (only, F)
            return lambda v: (f"(gl_FrontFacing ? {front} : {back})", F)
        expr = front or _MISSING_VARYING
        return lambda v: (expr, F)
    expr, lane = interface.sysval(self, semantic)
    return lambda v: (expr, lane)


# What an FS input reads when the previous stage does not write that varying.
_MISSING_VARYING = "vec4(0.0, 0.0, 0.0, 1.0)"


def _varying_input(self, semantic, index, qual, declare) -> str | None:
    """Declare FS varying input `semantic[index]`; its expression, or None when the
    previous stage (known through the key) does not write it."""
    label = interface.semantic_label(semantic, index)
    outputs = self.key.prev_stage_outputs
    if outputs is not None and label not in outputs:
        return None
    block, inst = _block(self, "in", semantic, index)
    declare(f"in {block} {{ {qual}vec4 d; }} {inst};", inst)
    self.meta["inputs"].append(result.Varying(label, block))
    return f"{inst}.d"


def _point_coord(self) -> str:
    # GL's gl_PointCoord has t = 0 at the top of the window (highest y); with guest
    # rows stored as host rows, Gallium's upper-left origin is the flipped one.
    if self.key.sprite_coord_lower_left:
        return "vec4(gl_PointCoord.x, gl_PointCoord.y, 0.0, 1.0)"
    return "vec4(gl_PointCoord.x, 1.0 - gl_PointCoord.y, 0.0, 1.0)"


def _per_vertex_input(self, semantic, index, declare):
    if semantic == Semantic.POSITION:
        return lambda v: (f"gl_in[{v}].gl_Position", F)
    if semantic == Semantic.PSIZE:
        return lambda v: (f"vec4(gl_in[{v}].gl_PointSize, 0.0, 0.0, 1.0)", F)
    if semantic == Semantic.CLIPDIST:
        base = 4 * index
        return lambda v: ("vec4(" + ", ".join(f"gl_in[{v}].gl_ClipDistance[{base + c}]" for c in range(4)) + ")", F)
    if semantic in _VARYING:
        block, inst = _block(self, "in", semantic, index)
        declare(f"in {block} {{ vec4 d; }} {inst}[];", inst)
        self.meta["inputs"].append(result.Varying(interface.semantic_label(semantic, index), block))
        return lambda v, inst=inst: (f"{inst}[{v}].d", F)
    expr, lane = interface.sysval(self, semantic)
    return lambda v: (expr, lane)


def _tcs_output(self, reg, semantic, index, declare):
    if semantic == Semantic.POSITION:
        self.tcs_out[reg] = lambda v: [f"gl_out[{v}].gl_Position.{c}" for c in SWZ]
    elif semantic == Semantic.PSIZE:
        self.tcs_out[reg] = lambda v: [f"gl_out[{v}].gl_PointSize", None, None, None]
    elif semantic == Semantic.CLIPDIST:
        base = 4 * index
        self.tcs_out[reg] = lambda v: [f"gl_out[{v}].gl_ClipDistance[{base + c}]" for c in range(4)]
    elif semantic == Semantic.TESSOUTER:
        self.tcs_out[reg] = lambda v: [f"gl_TessLevelOuter[{c}]" for c in range(4)]
    elif semantic == Semantic.TESSINNER:
        self.tcs_out[reg] = lambda v: ["gl_TessLevelInner[0]", "gl_TessLevelInner[1]", None, None]
    elif semantic == Semantic.PATCH:
        block, inst = _block(self, "out", semantic, index)
        declare(f"patch out {block} {{ vec4 d; }} {inst};", inst)
        self.meta["outputs"].append(result.Varying(interface.semantic_label(semantic, index), block))
        self.tcs_out[reg] = lambda v, inst=inst: [f"{inst}.d.{c}" for c in SWZ]
    elif semantic in _VARYING:
        block, inst = _block(self, "out", semantic, index)
        declare(f"out {block} {{ vec4 d; }} {inst}[];", inst)
        self.meta["outputs"].append(result.Varying(interface.semantic_label(semantic, index), block))
        self.tcs_out[reg] = lambda v, inst=inst: [f"{inst}[{v}].d.{c}" for c in SWZ]
    else:
        raise ShaderError(f"tessellation control output {semantic.name} is not supported")


def _declare_color_outputs(self, declare) -> None:
    key = self.key
    self.color_names = {}
    colors = [(reg, d) for reg, d in sorted(self.out_decls.items()) if d.semantic == Semantic.COLOR]
    all_cbufs = self.shader.property(Property.FS_COLOR0_WRITES_ALL_CBUFS, 0)
    targets: list[tuple[int, int, int, int]] = []   # (reg, cbuf, location, index)
    for reg, decl in colors:
        _sem, cidx = _semantic_of(decl, reg)
        if cidx > 7:
            raise ShaderError("colour output index out of range")
        if all_cbufs and cidx == 0:
            for cb in range(max(1, min(8, key.nr_cbufs))):
                targets.append((reg, cb, cb, 0))
        elif key.dual_src_blend and cidx == 1:
            targets.append((reg, 1, 0, 1))
        else:
            targets.append((reg, cidx, cidx, 0))
    # FBFETCH reads the framebuffer through `inout` colour outputs; we only write
    # them in the epilogue, so until then they still hold the framebuffer value.
    fetch = any(inst.op.name == "FBFETCH" for inst in self.shader.instructions)
    if fetch:
        self.features.need("framebuffer_fetch")
    for reg, cb, location, index in targets:
        ctype = key.cbuf_types[cb] if cb < len(key.cbuf_types) else "float"
        gtype = {COLOR_INT: "ivec4", COLOR_UINT: "uvec4"}.get(ctype, "vec4")
        name = f"{self.p}_color{cb}"
        layout = f"location = {location}" + (f", index = {index}" if index else "")
        direction = "inout" if fetch and not index else "out"
        declare(f"layout({layout}) {direction} {gtype} {name};", name)
        self.meta["color_outputs"].append(result.ColorOutput(name, location, index, cb))
        self.color_names.setdefault(reg, []).append((name, ctype))


# No host captures more interleaved components than this per vertex (GL's minimum is 64).
_MAX_XFB_SKIP = 256


def _declare_xfb(self, declare) -> None:
    outs = sorted(enumerate(self.key.stream_outputs), key=lambda e: (e[1].buffer, e[1].dst_offset))
    strides = self.key.stream_output_strides
    self.xfb_writes = []
    last_buffer, cursor = 0, 0
    names: list[str] = []

    def skip_to(end: int) -> None:
        gap = end - cursor
        if gap > _MAX_XFB_SKIP:
            raise ShaderError(f"stream output gap of {gap} components")
        while gap > 0:
            step = min(gap, 4)
            names.append(f"gl_SkipComponents{step}")
            gap -= step

    for k, so in outs:
        if not (0 <= so.start_component < 4 and 1 <= so.num_components <= 4 - so.start_component):
            raise ShaderError("bad stream output component range")
        if so.register not in self.out_shadow:
            raise ShaderError("stream output of an undeclared register")
        if so.buffer != last_buffer:
            # Finish this buffer's vertex, then move on (buffers with no output are skipped whole).
            if last_buffer < len(strides):
                skip_to(strides[last_buffer])
            names.extend(["gl_NextBuffer"] * (so.buffer - last_buffer))
            cursor = 0
        last_buffer = so.buffer
        skip_to(so.dst_offset)
        n = so.num_components
        name = f"{self.p}_xfb{k}"
        gtype = "float" if n == 1 else f"vec{n}"
        qual = f"layout(stream = {so.stream}) " if so.stream and self.stage == "geometry" else ""
        declare(f"{qual}out {gtype} {name};", name)
        names.append(name)
        comps = SWZ[so.start_component:so.start_component + n]
        self.xfb_writes.append(f"{name} = {self.out_shadow[so.register]}.{comps};")
        cursor = so.dst_offset + n
    if outs and last_buffer < len(strides):
        skip_to(strides[last_buffer])
    self.xfb_varyings = names


# ------------------------------------------------------------------ reading
def input_read(self, op) -> tuple[str, str]:
    if op.indirect is not None:
        return _indirect_input(self, op), F
    fn = self.in_exprs.get(op.index)
    if fn is None:
        raise ShaderError(f"IN[{op.index}] is not declared")
    return fn(self.vertex_index(op))


def _indirect_input(self, op) -> str:
    per_vertex = self.per_vertex_in
    fname = f"{self.p}_in_at"
    if fname not in self.helpers:
        params = "int v, int r" if per_vertex else "int r"
        cases = []
        for reg in sorted(self.in_exprs):
            expr, lane = self.in_exprs[reg]("v")
            cases.append(f"    case {reg}: return {cast32(expr, lane, F, 4)};")
        body = "\n".join(cases)
        self.helpers[fname] = (f"vec4 {fname}({params})\n{{\n  switch (r) {{\n{body}\n"
                               f"    default: return vec4(0.0);\n  }}\n}}\n")
    idx = self.index_expr(op.indirect, op.index)
    if per_vertex:
        return f"{fname}({self.vertex_index(op)}, {idx})"
    return f"{fname}({idx})"


def output_read(self, op) -> str:
    if self.is_tcs:
        if op.indirect is not None:
            fname = f"{self.p}_out_at"
            if fname not in self.helpers:
                cases = []
                for reg in sorted(self.tcs_out):
                    lvs = self.tcs_out[reg]("v")
                    cases.append(f"    case {reg}: return vec4({', '.join(lv or '0.0' for lv in lvs)});")
                body = "\n".join(cases)
                self.helpers[fname] = (f"vec4 {fname}(int v, int r)\n{{\n  switch (r) {{\n{body}\n"
                                       f"    default: return vec4(0.0);\n  }}\n}}\n")
            return f"{fname}({self.vertex_index(op)}, {self.index_expr(op.indirect, op.index)})"
        fn = self.tcs_out.get(op.index)
        if fn is None:
            raise ShaderError(f"OUT[{op.index}] is not declared")
        lvs = fn(self.vertex_index(op))
        return "vec4(" + ", ".join(lv if lv else "0.0" for lv in lvs) + ")"
    if op.indirect is not None:
        fname = f"{self.p}_out_at"
        if fname not in self.helpers:
            cases = "\n".join(f"    case {r}: return {s};" for r, s in sorted(self.out_shadow.items()))
            self.helpers[fname] = (f"vec4 {fname}(int r)\n{{\n  switch (r) {{\n{cases}\n"
                                   f"    default: return vec4(0.0);\n  }}\n}}\n")
        return f"{fname}({self.index_expr(op.indirect, op.index)})"
    if op.index not in self.out_shadow:
        raise ShaderError(f"OUT[{op.index}] is not declared")
    return self.out_shadow[op.index]


# ------------------------------------------------------------------ writing
def output_store(self, dst: ir.DstOperand, value: str, comps: list[int]) -> None:
    sw = "".join(SWZ[c] for c in comps)
    if self.is_tcs:
        if dst.indirect is not None:
            targets = sorted(self.tcs_out)
            tmp = self.fresh("ov")
            self.line(f"vec{len(comps)} {tmp} = {value};" if len(comps) > 1 else f"float {tmp} = {value};")
            self.line(f"switch ({self.index_expr(dst.indirect, dst.index)}) {{")
            for reg in targets:
                self.line(f"case {reg}:")
                _tcs_scatter(self, reg, dst, tmp, comps)
                self.line("  break;")
            self.line("}")
            return
        tmp = value
        if len(comps) > 1:
            tmp = self.fresh("ov")
            self.line(f"vec{len(comps)} {tmp} = {value};")
        _tcs_scatter(self, dst.index, dst, tmp, comps)
        return
    if dst.indirect is not None:
        tmp = self.fresh("ov")
        n = len(comps)
        self.line(f"{'float' if n == 1 else f'vec{n}'} {tmp} = {value};")
        self.line(f"switch ({self.index_expr(dst.indirect, dst.index)}) {{")
        for reg, shadow in sorted(self.out_shadow.items()):
            self.line(f"case {reg}: {shadow}.{sw} = {tmp}; break;")
        self.line("}")
        return
    shadow = self.out_shadow.get(dst.index)
    if shadow is None:
        raise ShaderError(f"OUT[{dst.index}] is not declared")
    suffix = "" if comps == [0, 1, 2, 3] else f".{sw}"
    self.line(f"{shadow}{suffix} = {value};")


def _tcs_scatter(self, reg, dst, value, comps) -> None:
    fn = self.tcs_out.get(reg)
    if fn is None:
        raise ShaderError(f"OUT[{reg}] is not declared")
    # GLSL only lets an invocation write its own vertex; TGSI from GL does the same.
    lvs = fn("gl_InvocationID")
    for pos, c in enumerate(comps):
        if lvs[c] is None:
            continue
        part = value if len(comps) == 1 else f"{value}.{SWZ[pos]}"
        self.line(f"{lvs[c]} = {part};")


# ------------------------------------------------------------------ epilogue
# GL_MAX_CLIP_DISTANCES (and combined clip + cull) of the hosts we run on, and the
# PIPE_MAX_CLIP_PLANES Gallium guests are built with.
MAX_CLIP_DISTANCES = 8

# Gallium compare functions NEVER..GEQUAL as GLSL: the fragment passes when
# `alpha OP ref` holds (ALWAYS needs no code).
_ALPHA_COMPARE = {1: "<", 2: "==", 3: "<=", 4: ">", 5: "!=", 6: ">="}


def _alpha_test(self, colour: str) -> str:
    func = self.key.alpha_test_func
    if func == 0:
        self.uses_discard = True
        return "discard;"
    op = _ALPHA_COMPARE.get(func)
    if op is None:
        raise ShaderError(f"alpha test function {func}")
    self.uses_discard = True
    ref = self.driver_uniform("alpha_ref", "float")
    return f"if (!({colour}.w {op} {ref})) discard;"


def store_outputs_function(self) -> str:
    lines: list[str] = []
    decls: list[str] = []
    stage = self.stage
    num_clip = self.shader.property(Property.NUM_CLIPDIST_ENABLED, 0) or 0
    num_cull = self.shader.property(Property.NUM_CULLDIST_ENABLED, 0) or 0
    if not num_clip and not num_cull and stage != "fragment":
        # Mesa leaves the properties out when the shader sizes gl_ClipDistance
        # implicitly; as in virglrenderer, every CLIPDIST channel is then a clip
        # distance (GL_CLIP_DISTANCEi enables pick the ones that count).
        slots = [_semantic_of(d, r)[1] for r, d in self.out_decls.items() if d.semantic == Semantic.CLIPDIST]
        num_clip = 4 * (max(slots) + 1) if slots else 0
    if num_clip + num_cull > MAX_CLIP_DISTANCES:
        raise ShaderError(f"{num_clip + num_cull} clip and cull distances (at most {MAX_CLIP_DISTANCES})")
    writes_clipdist = False
    position = clipvertex = None
    for reg, decl in sorted(self.out_decls.items()):
        semantic, index = _semantic_of(decl, reg)
        o = self.out_shadow.get(reg)
        if o is None:
            continue
        if stage == "fragment":
            if semantic == Semantic.COLOR:
                if index == 0 and self.key.alpha_test_func != 7:
                    lines.append(_alpha_test(self, o))
                for name, ctype in self.color_names.get(reg, []):
                    if ctype == COLOR_INT:
                        lines.append(f"{name} = floatBitsToInt({o});")
                    elif ctype == COLOR_UINT:
                        lines.append(f"{name} = floatBitsToUint({o});")
                    elif self.key.alpha_to_one:
                        lines.append(f"{name} = vec4({o}.xyz, 1.0);")
                    else:
                        lines.append(f"{name} = {o};")
            elif semantic == Semantic.POSITION:
                self.writes_depth = True
                lines.append(f"gl_FragDepth = {o}.z;")
            elif semantic == Semantic.STENCIL:
                self.features.need("stencil_export")
                lines.append(f"gl_FragStencilRefARB = floatBitsToInt({o}.y);")
            elif semantic == Semantic.SAMPLEMASK:
                self.features.need("sample_shading")
                lines.append(f"gl_SampleMask[0] = floatBitsToInt({o}.x);")
            else:
                raise ShaderError(f"fragment output {semantic.name} is not supported")
            continue
        if semantic == Semantic.POSITION:
            position = o
            lines.append(f"gl_Position = {o};")
        elif semantic == Semantic.PSIZE:
            lines.append(f"gl_PointSize = {o}.x;")
        elif semantic == Semantic.CLIPDIST:
            writes_clipdist = True
            for c in range(4):
                slot = 4 * index + c
                if slot < num_clip:
                    lines.append(f"gl_ClipDistance[{slot}] = {o}.{SWZ[c]};")
                elif slot < num_clip + num_cull:
                    self.features.need("cull_distance")
                    lines.append(f"gl_CullDistance[{slot - num_clip}] = {o}.{SWZ[c]};")
        elif semantic == Semantic.LAYER:
            if stage != "geometry":
                self.features.need("viewport_layer_array")
            lines.append(f"gl_Layer = floatBitsToInt({o}.x);")
        elif semantic == Semantic.VIEWPORT_INDEX:
            if stage != "geometry":
                self.features.need("viewport_layer_array")
            else:
                self.features.need("viewport_array")
            lines.append(f"gl_ViewportIndex = floatBitsToInt({o}.x);")
        elif semantic == Semantic.PRIM_ID and stage == "geometry":
            lines.append(f"gl_PrimitiveID = floatBitsToInt({o}.x);")
        elif semantic == Semantic.EDGEFLAG:
            pass  # edge flags only matter to the fixed-function polygon mode path
        elif semantic in _VARYING:
            if semantic == Semantic.CLIPVERTEX:
                clipvertex = o
            lines.append(f"{self.varying_out[reg]} = {o};")
        else:
            raise ShaderError(f"output {semantic.name} is not supported in the {stage} stage")
    if num_clip:
        decls.append(f"out float gl_ClipDistance[{num_clip}];")
    if num_cull:
        decls.append(f"out float gl_CullDistance[{num_cull}];")
    planes = self.key.clip_plane_enable & 0xFF
    if stage != "fragment" and planes and not writes_clipdist \
            and not self.shader.property(Property.VS_PROHIBIT_UCPS, 0):
        uniform = self.driver_uniform("clip_planes", "vec4", 8)
        source = clipvertex or position or "vec4(0.0)"
        count = planes.bit_length()
        decls.append(f"out float gl_ClipDistance[{count}];")
        for i in range(count):
            value = f"dot({source}, {uniform}[{i}])" if planes & (1 << i) else "0.0"
            lines.append(f"gl_ClipDistance[{i}] = {value};")
    lines += getattr(self, "xfb_writes", [])
    body = "\n".join("    " + ln for ln in lines)
    return "\n".join(decls + [f"void pyv_store_outputs()\n{{\n{body}\n}}\n"])


