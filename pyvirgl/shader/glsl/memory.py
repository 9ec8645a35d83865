"""LOAD / STORE / ATOM* / RESQ on images, shader buffers, shared memory and
atomic counters.

Buffers and shared memory are arrays of uint addressed by byte offset; TGSI
component c of an access touches the dword at offset + 4*c.
"""
from __future__ import annotations

from ..errors import ShaderError
from ..tgsi import ir
from ..tgsi.names import RegFile, Texture
from .values import F, I, SWZ, U

MEMORY_OPS = frozenset({"LOAD", "STORE", "RESQ", "ATOMUADD", "ATOMXCHG", "ATOMCAS", "ATOMAND",
                        "ATOMOR", "ATOMXOR", "ATOMUMIN", "ATOMUMAX", "ATOMIMIN", "ATOMIMAX",
                        "ATOMFADD", "ATOMINC_WRAP", "ATOMDEC_WRAP"})

_ATOMIC_FN = {"ATOMUADD": "Add", "ATOMXCHG": "Exchange", "ATOMAND": "And", "ATOMOR": "Or",
              "ATOMXOR": "Xor", "ATOMUMIN": "Min", "ATOMUMAX": "Max", "ATOMIMIN": "Min",
              "ATOMIMAX": "Max", "ATOMFADD": "Add", "ATOMCAS": "CompSwap"}
_SIGNED = frozenset({"ATOMIMIN", "ATOMIMAX"})

# Image coordinate components per target.
IMAGE_COORDS = {Texture.BUFFER: 1, Texture._1D: 1, Texture._2D: 2, Texture._3D: 3, Texture.CUBE: 3,
                Texture.RECT: 2, Texture._1D_ARRAY: 2, Texture._2D_ARRAY: 3, Texture.CUBEARRAY: 3,
                Texture._2D_MSAA: 2, Texture._2D_ARRAY_MSAA: 3}


def _resource(inst: ir.Instruction) -> tuple[object, bool]:
    """The resource operand and whether it is the destination (STORE)."""
    if inst.op.name == "STORE":
        return inst.dst[0], True
    return inst.src[0], False


def emit(em, inst: ir.Instruction) -> None:
    res, _is_dst = _resource(inst)
    f = res.file
    if f in (RegFile.BUFFER, RegFile.MEMORY):
        _emit_linear(em, inst, res)
    elif f == RegFile.IMAGE:
        _emit_image(em, inst, res)
    elif f == RegFile.HWATOMIC:
        _emit_counter(em, inst, res)
    else:
        raise ShaderError(f"{inst.op.name} on {f.name} is not supported")


def _comps(mask: int) -> list[int]:
    return [c for c in range(4) if mask & (1 << c)]


def _emit_linear(em, inst: ir.Instruction, res) -> None:
    if res.file == RegFile.BUFFER and res.indirect is not None:
        # GL indexes buffer-block arrays only with dynamically uniform values;
        # a switch over the declared buffers works for any index.
        em.line(f"switch ({em.index_expr(res.indirect, res.index)}) {{")
        for index in sorted(em.buffer_decls):
            em.line(f"case {index}: {{")
            em.depth += 1
            _emit_linear_on(em, inst, em.linear_array(ir.SrcOperand(RegFile.BUFFER, index)))
            em.depth -= 1
            em.line("    break; }")
        em.line("}")
        return
    _emit_linear_on(em, inst, em.linear_array(res))


def _emit_linear_on(em, inst: ir.Instruction, array: str) -> None:
    name = inst.op.name
    if name == "RESQ":
        em.store(inst.dst[0], f"ivec4(int({array}.length()) * 4, 0, 0, 0)"
                 + "." + "".join(SWZ[c] for c in _comps(inst.dst[0].write_mask)),
                 I, _comps(inst.dst[0].write_mask))
        return
    if name == "LOAD":
        dst = inst.dst[0]
        base = f"({em.src(inst.src[1], U, [0])} >> 2)"
        for c in _comps(dst.write_mask):
            em.store(dst, f"{array}[{base} + {c}u]", U, [c])
        return
    if name == "STORE":
        dst = inst.dst[0]
        base = f"({em.src(inst.src[0], U, [0])} >> 2)"
        for c in _comps(dst.write_mask):
            em.line(f"{array}[{base} + {c}u] = {em.src(inst.src[1], U, [c])};")
        return
    # atomics: dst.x = old value at src1.x; operands in src2 (and src3 for CAS)
    dst = inst.dst[0]
    elem = f"{array}[{em.src(inst.src[1], U, [0])} >> 2]"
    t = I if name in _SIGNED else U
    value = em.src(inst.src[2], t, [0])
    if name in ("ATOMFADD", "ATOMINC_WRAP", "ATOMDEC_WRAP"):
        raise ShaderError(f"{name} on buffers is not supported")
    if t == I:
        # GLSL's atomicMin/Max on a uint array compare unsigned: loop on compare-and-swap.
        old, prev = em.fresh("aold"), em.fresh("aprev")
        fn = "min" if name == "ATOMIMIN" else "max"
        em.line(f"uint {old} = {elem};")
        em.line("while (true) {")
        em.line(f"    uint {prev} = atomicCompSwap({elem}, {old}, uint({fn}(int({old}), {value})));")
        em.line(f"    if ({prev} == {old}) break;")
        em.line(f"    {old} = {prev};")
        em.line("}")
        call = old
    elif name == "ATOMCAS":
        call = f"atomicCompSwap({elem}, {value}, {em.src(inst.src[3], U, [0])})"
    else:
        call = f"atomic{_ATOMIC_FN[name]}({elem}, {value})"
    comps = _comps(dst.write_mask)
    if comps:
        em.store(dst, f"{call}" if len(comps) == 1 else f"uvec{len(comps)}({call})", U, comps)
    else:
        em.line(f"{call};")


def _emit_image(em, inst: ir.Instruction, res) -> None:
    name = inst.op.name
    img, decl, lane = em.image_ref(res)
    target = decl.texture
    ncoord = IMAGE_COORDS.get(target)
    if ncoord is None:
        raise ShaderError(f"image target {target.name} is not supported")
    ivec = "int" if ncoord == 1 else f"ivec{ncoord}"
    if name == "RESQ":
        em.features.need("image_size")
        size = f"imageSize({img})"
        padded = f"ivec4({size}" + "".join(", 0" for _ in range(4 - ncoord if target != Texture.CUBE else 2)) + ")"
        if target in (Texture.CUBE,):
            padded = f"ivec4({size}, 0, 0)"
        comps = _comps(inst.dst[0].write_mask)
        em.store(inst.dst[0], f"{padded}.{''.join(SWZ[c] for c in comps)}", I, comps)
        return
    if name == "STORE":
        coord = em.src(inst.src[0], I, list(range(ncoord)))
        value = em.src(inst.src[1], lane, [0, 1, 2, 3])
        extra = f", {em.src(inst.src[0], I, [3])}" if target in (Texture._2D_MSAA, Texture._2D_ARRAY_MSAA) else ""
        em.line(f"imageStore({img}, {coord}{extra}, {value});")
        return
    coord = em.src(inst.src[1], I, list(range(ncoord)))
    extra = f", {em.src(inst.src[1], I, [3])}" if target in (Texture._2D_MSAA, Texture._2D_ARRAY_MSAA) else ""
    dst = inst.dst[0]
    comps = _comps(dst.write_mask)
    if name == "LOAD":
        if decl.image_format is None or decl.image_format == "PIPE_FORMAT_NONE":
            em.features.need("image_load_formatted")
        em.store(dst, f"imageLoad({img}, {coord}{extra}).{''.join(SWZ[c] for c in comps)}", lane, comps)
        return
    if name not in _ATOMIC_FN or name == "ATOMFADD":
        raise ShaderError(f"{name} on images is not supported")
    value = em.src(inst.src[2], lane, [0])
    if name == "ATOMCAS":
        call = f"imageAtomicCompSwap({img}, {coord}{extra}, {value}, {em.src(inst.src[3], lane, [0])})"
    else:
        call = f"imageAtomic{_ATOMIC_FN[name]}({img}, {coord}{extra}, {value})"
    if comps:
        em.store(dst, call if len(comps) == 1 else f"{'u' if lane == U else 'i' if lane == I else ''}vec{len(comps)}({call})",
                 lane, comps)
    else:
        em.line(f"{call};")


def _emit_counter(em, inst: ir.Instruction, res) -> None:
    name = inst.op.name
    counter = em.counter_ref(res)
    dst = inst.dst[0]
    comps = _comps(dst.write_mask)
    if name == "LOAD":
        call = f"atomicCounter({counter})"
    elif name == "ATOMUADD":
        v = inst.src[2]
        if v.file == RegFile.IMM and v.indirect is None and em.imm_dword(v.index, v.swizzle[0]) == 1:
            call = f"atomicCounterIncrement({counter})"
        elif v.file == RegFile.IMM and v.indirect is None and em.imm_dword(v.index, v.swizzle[0]) == 0xFFFFFFFF:
            call = f"(atomicCounterDecrement({counter}) + 1u)"
        else:
            em.features.need("atomic_counter_ops")
            call = f"atomicCounterAdd{em.counter_suffix()}({counter}, {em.src(v, U, [0])})"
    elif name in _ATOMIC_FN and name not in ("ATOMFADD",):
        em.features.need("atomic_counter_ops")
        fn = _ATOMIC_FN[name]
        if name == "ATOMCAS":
            call = (f"atomicCounterCompSwap{em.counter_suffix()}({counter}, {em.src(inst.src[2], U, [0])}, "
                    f"{em.src(inst.src[3], U, [0])})")
        else:
            call = f"atomicCounter{fn}{em.counter_suffix()}({counter}, {em.src(inst.src[2], U, [0])})"
    else:
        raise ShaderError(f"{name} on atomic counters is not supported")
    if comps:
        em.store(dst, call if len(comps) == 1 else f"uvec{len(comps)}({call})", U, comps)
    else:
        em.line(f"{call};")
