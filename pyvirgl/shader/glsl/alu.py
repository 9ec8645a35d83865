"""Arithmetic, logic and conversion opcodes as GLSL expression builders.

Each entry gives the result type, the type each source is read as, how the
sources are read, and a builder `(ctx, args, n) -> expr`:

* "comp": lane-wise; args are `n`-lane vectors of the written components,
  the result has `n` lanes.
* "repl": one scalar result, replicated; `reads` says how many swizzled
  components of each source the formula uses.
* "chan": per-channel formulas; builder returns a vec4 of all four channels.
* "wide": involves 64-bit lanes; evaluated one result unit at a time with
  scalar args (see Emitter._emit_wide).

Division and bitfield opcodes go through small helper functions because
GLSL leaves their corner cases (x/0, INT_MIN/-1, out-of-range bit counts)
undefined, and llvmpipe must never see undefined integer division.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .values import D, F, I, I64, U, U64, bcmp, bool_to_mask, select, splat, tname


@dataclass(frozen=True)
class AluOp:
    kind: str
    dst: str
    srcs: tuple[str, ...]
    build: Callable
    reads: tuple[int, ...] = ()
    feature: str | None = None


def _fn(name: str):
    return lambda ctx, a, n: f"{name}({', '.join(a)})"


def _bin(op: str):
    return lambda ctx, a, n: f"({a[0]} {op} {a[1]})"


def _cmp_float(op: str):
    return lambda ctx, a, n: f"{tname(F, n)}({bcmp(op, a[0], a[1], n)})"


def _cmp_mask(op: str):
    return lambda ctx, a, n: bool_to_mask(bcmp(op, a[0], a[1], n), n)


def _helper(name: str):
    return lambda ctx, a, n: ctx.helper(name, n) + f"({', '.join(a)})"


def _shift(op: str, t: str):
    return lambda ctx, a, n: f"({a[0]} {op} ({a[1]} & {splat(U, n, '31u')}))"


def _cmp_select(ctx, a, n):
    return select(bcmp("<", a[0], splat(F, n, "0.0"), n), a[1], a[2], n)


def _ucmp(ctx, a, n):
    ctx.features.need("integer_mix")
    return select(bcmp("!=", a[0], splat(U, n, "0u"), n), a[1], a[2], n)


def _lit(ctx, a, n):
    x, y, w = f"{a[0]}.x", f"{a[0]}.y", f"{a[0]}.w"
    spec = f"({x} > 0.0 ? pow(max({y}, 0.0), clamp({w}, -128.0, 128.0)) : 0.0)"
    return f"vec4(1.0, max({x}, 0.0), {spec}, 1.0)"


def _exp(ctx, a, n):
    x = f"{a[0]}.x"
    return f"vec4(exp2(floor({x})), {x} - floor({x}), exp2({x}), 1.0)"


def _log(ctx, a, n):
    x = f"abs({a[0]}.x)"
    return f"vec4(floor(log2({x})), {x} / exp2(floor(log2({x}))), log2({x}), 1.0)"


def _dst(ctx, a, n):
    return f"vec4(1.0, {a[0]}.y * {a[1]}.y, {a[0]}.z, {a[1]}.w)"


def _dp(k: int):
    return lambda ctx, a, n: f"dot({a[0]}, {a[1]})"


_COMP = "comp"
_REPL = "repl"
_CHAN = "chan"
_WIDE = "wide"

ALU: dict[str, AluOp] = {
    # float arithmetic
    "ADD": AluOp(_COMP, F, (F, F), _bin("+")),
    "MUL": AluOp(_COMP, F, (F, F), _bin("*")),
    "MAD": AluOp(_COMP, F, (F, F, F), lambda c, a, n: f"({a[0]} * {a[1]} + {a[2]})"),
    "FMA": AluOp(_COMP, F, (F, F, F), _fn("fma"), feature="gpu_shader5"),
    "DIV": AluOp(_COMP, F, (F, F), _bin("/")),
    "LRP": AluOp(_COMP, F, (F, F, F), lambda c, a, n: f"mix({a[2]}, {a[1]}, {a[0]})"),
    "MIN": AluOp(_COMP, F, (F, F), _fn("min")),
    "MAX": AluOp(_COMP, F, (F, F), _fn("max")),
    "FRC": AluOp(_COMP, F, (F,), _fn("fract")),
    "FLR": AluOp(_COMP, F, (F,), _fn("floor")),
    "CEIL": AluOp(_COMP, F, (F,), _fn("ceil")),
    "ROUND": AluOp(_COMP, F, (F,), _fn("roundEven")),
    "TRUNC": AluOp(_COMP, F, (F,), _fn("trunc")),
    "SSG": AluOp(_COMP, F, (F,), _fn("sign")),
    "DDX": AluOp(_COMP, F, (F,), _fn("dFdx")),
    "DDY": AluOp(_COMP, F, (F,), _fn("dFdy")),
    "DDX_FINE": AluOp(_COMP, F, (F,), _fn("dFdxFine"), feature="derivative_control"),
    "DDY_FINE": AluOp(_COMP, F, (F,), _fn("dFdyFine"), feature="derivative_control"),
    "CMP": AluOp(_COMP, F, (F, F, F), _cmp_select),
    "SLT": AluOp(_COMP, F, (F, F), _cmp_float("<")),
    "SGE": AluOp(_COMP, F, (F, F), _cmp_float(">=")),
    "SEQ": AluOp(_COMP, F, (F, F), _cmp_float("==")),
    "SNE": AluOp(_COMP, F, (F, F), _cmp_float("!=")),
    "SGT": AluOp(_COMP, F, (F, F), _cmp_float(">")),
    "SLE": AluOp(_COMP, F, (F, F), _cmp_float("<=")),
    "FSEQ": AluOp(_COMP, I, (F, F), _cmp_mask("==")),
    "FSGE": AluOp(_COMP, I, (F, F), _cmp_mask(">=")),
    "FSLT": AluOp(_COMP, I, (F, F), _cmp_mask("<")),
    "FSNE": AluOp(_COMP, I, (F, F), _cmp_mask("!=")),
    "LDEXP": AluOp(_COMP, F, (F, I), _fn("ldexp"), feature="gpu_shader5"),
    # conversions
    "F2I": AluOp(_COMP, I, (F,), lambda c, a, n: f"{tname(I, n)}({a[0]})"),
    "F2U": AluOp(_COMP, U, (F,), lambda c, a, n: f"{tname(U, n)}({a[0]})"),
    "I2F": AluOp(_COMP, F, (I,), lambda c, a, n: f"{tname(F, n)}({a[0]})"),
    "U2F": AluOp(_COMP, F, (U,), lambda c, a, n: f"{tname(F, n)}({a[0]})"),
    "ARL": AluOp(_COMP, I, (F,), lambda c, a, n: f"{tname(I, n)}(floor({a[0]}))"),
    "ARR": AluOp(_COMP, I, (F,), lambda c, a, n: f"{tname(I, n)}(roundEven({a[0]}))"),
    "UARL": AluOp(_COMP, I, (U,), lambda c, a, n: f"{tname(I, n)}({a[0]})"),
    # integer arithmetic and logic
    "UADD": AluOp(_COMP, U, (U, U), _bin("+")),
    "UMUL": AluOp(_COMP, U, (U, U), _bin("*")),
    "UMAD": AluOp(_COMP, U, (U, U, U), lambda c, a, n: f"({a[0]} * {a[1]} + {a[2]})"),
    "IMAX": AluOp(_COMP, I, (I, I), _fn("max")),
    "IMIN": AluOp(_COMP, I, (I, I), _fn("min")),
    "UMAX": AluOp(_COMP, U, (U, U), _fn("max")),
    "UMIN": AluOp(_COMP, U, (U, U), _fn("min")),
    "INEG": AluOp(_COMP, I, (I,), lambda c, a, n: f"(-{a[0]})"),
    "IABS": AluOp(_COMP, I, (I,), _fn("abs")),
    "ISSG": AluOp(_COMP, I, (I,), _fn("sign")),
    "AND": AluOp(_COMP, U, (U, U), _bin("&")),
    "OR": AluOp(_COMP, U, (U, U), _bin("|")),
    "XOR": AluOp(_COMP, U, (U, U), _bin("^")),
    "NOT": AluOp(_COMP, U, (U,), lambda c, a, n: f"(~{a[0]})"),
    "SHL": AluOp(_COMP, U, (U, U), _shift("<<", U)),
    "ISHR": AluOp(_COMP, I, (I, U), _shift(">>", I)),
    "USHR": AluOp(_COMP, U, (U, U), _shift(">>", U)),
    "ISGE": AluOp(_COMP, I, (I, I), _cmp_mask(">=")),
    "ISLT": AluOp(_COMP, I, (I, I), _cmp_mask("<")),
    "USEQ": AluOp(_COMP, I, (U, U), _cmp_mask("==")),
    "USNE": AluOp(_COMP, I, (U, U), _cmp_mask("!=")),
    "USGE": AluOp(_COMP, I, (U, U), _cmp_mask(">=")),
    "USLT": AluOp(_COMP, I, (U, U), _cmp_mask("<")),
    "UCMP": AluOp(_COMP, U, (U, U, U), _ucmp),
    "UDIV": AluOp(_COMP, U, (U, U), _helper("udiv")),
    "UMOD": AluOp(_COMP, U, (U, U), _helper("umod")),
    "IDIV": AluOp(_COMP, I, (I, I), _helper("idiv")),
    "MOD": AluOp(_COMP, I, (I, I), _helper("imod")),
    "UMUL_HI": AluOp(_COMP, U, (U, U), _helper("umul_hi"), feature="gpu_shader5"),
    "IMUL_HI": AluOp(_COMP, I, (I, I), _helper("imul_hi"), feature="gpu_shader5"),
    "IBFE": AluOp(_COMP, I, (I, I, I), _helper("ibfe"), feature="gpu_shader5"),
    "UBFE": AluOp(_COMP, U, (U, I, I), _helper("ubfe"), feature="gpu_shader5"),
    "BFI": AluOp(_COMP, U, (U, U, I, I), _helper("bfi"), feature="gpu_shader5"),
    "BREV": AluOp(_COMP, U, (U,), _fn("bitfieldReverse"), feature="gpu_shader5"),
    "POPC": AluOp(_COMP, I, (U,), _fn("bitCount"), feature="gpu_shader5"),
    "LSB": AluOp(_COMP, I, (U,), _fn("findLSB"), feature="gpu_shader5"),
    "IMSB": AluOp(_COMP, I, (I,), _fn("findMSB"), feature="gpu_shader5"),
    "UMSB": AluOp(_COMP, I, (U,), _fn("findMSB"), feature="gpu_shader5"),
    # one scalar result, replicated
    "RCP": AluOp(_REPL, F, (F,), lambda c, a, n: f"(1.0 / {a[0]})", reads=(1,)),
    "RSQ": AluOp(_REPL, F, (F,), _fn("inversesqrt"), reads=(1,)),
    "SQRT": AluOp(_REPL, F, (F,), _fn("sqrt"), reads=(1,)),
    "EX2": AluOp(_REPL, F, (F,), _fn("exp2"), reads=(1,)),
    "LG2": AluOp(_REPL, F, (F,), _fn("log2"), reads=(1,)),
    "POW": AluOp(_REPL, F, (F, F), _fn("pow"), reads=(1, 1)),
    "COS": AluOp(_REPL, F, (F,), _fn("cos"), reads=(1,)),
    "SIN": AluOp(_REPL, F, (F,), _fn("sin"), reads=(1,)),
    "DP2": AluOp(_REPL, F, (F, F), _dp(2), reads=(2, 2)),
    "DP3": AluOp(_REPL, F, (F, F), _dp(3), reads=(3, 3)),
    "DP4": AluOp(_REPL, F, (F, F), _dp(4), reads=(4, 4)),
    "PK2H": AluOp(_REPL, U, (F,), _fn("packHalf2x16"), reads=(2,), feature="shading_language_packing"),
    "PK2US": AluOp(_REPL, U, (F,), _fn("packUnorm2x16"), reads=(2,), feature="shading_language_packing"),
    "PK4B": AluOp(_REPL, U, (F,), _fn("packSnorm4x8"), reads=(4,), feature="shading_language_packing"),
    "PK4UB": AluOp(_REPL, U, (F,), _fn("packUnorm4x8"), reads=(4,), feature="shading_language_packing"),
    # per-channel formulas (args are full vec4 reads)
    "LIT": AluOp(_CHAN, F, (F,), _lit),
    "EXP": AluOp(_CHAN, F, (F,), _exp),
    "LOG": AluOp(_CHAN, F, (F,), _log),
    "DST": AluOp(_CHAN, F, (F, F), _dst),
    "UP2H": AluOp(_CHAN, F, (U,), lambda c, a, n: f"unpackHalf2x16({a[0]}.x).xyxy",
                  feature="shading_language_packing"),
    "UP2US": AluOp(_CHAN, F, (U,), lambda c, a, n: f"unpackUnorm2x16({a[0]}.x).xyxy",
                   feature="shading_language_packing"),
    "UP4B": AluOp(_CHAN, F, (U,), lambda c, a, n: f"unpackSnorm4x8({a[0]}.x)",
                  feature="shading_language_packing"),
    "UP4UB": AluOp(_CHAN, F, (U,), lambda c, a, n: f"unpackUnorm4x8({a[0]}.x)",
                   feature="shading_language_packing"),
}


def _wide(dst: str, srcs: tuple[str, ...], build, feature: str) -> AluOp:
    return AluOp(_WIDE, dst, srcs, build, feature=feature)


def _w_bin(op):
    return lambda c, a, n: f"({a[0]} {op} {a[1]})"


def _w_fn(name):
    return lambda c, a, n: f"{name}({', '.join(a)})"


def _w_cmp(op):
    return lambda c, a, n: f"({a[0]} {op} {a[1]} ? -1 : 0)"


def _w_conv(to):
    return lambda c, a, n: f"{to}({a[0]})"


_FP64 = "fp64"
_INT64 = "int64"
for _name, _op in {
    "DADD": _w_bin("+"), "DMUL": _w_bin("*"), "DDIV": _w_bin("/"),
}.items():
    ALU[_name] = _wide(D, (D, D), _op, _FP64)
ALU.update({
    "DMAD": _wide(D, (D, D, D), lambda c, a, n: f"({a[0]} * {a[1]} + {a[2]})", _FP64),
    "DFMA": _wide(D, (D, D, D), _w_fn("fma"), _FP64),
    "DMAX": _wide(D, (D, D), _w_fn("max"), _FP64),
    "DMIN": _wide(D, (D, D), _w_fn("min"), _FP64),
    "DABS": _wide(D, (D,), _w_fn("abs"), _FP64),
    "DNEG": _wide(D, (D,), lambda c, a, n: f"(-{a[0]})", _FP64),
    "DRCP": _wide(D, (D,), lambda c, a, n: f"(1.0lf / {a[0]})", _FP64),
    "DSQRT": _wide(D, (D,), _w_fn("sqrt"), _FP64),
    "DRSQ": _wide(D, (D,), _w_fn("inversesqrt"), _FP64),
    "DFRAC": _wide(D, (D,), _w_fn("fract"), _FP64),
    "DTRUNC": _wide(D, (D,), _w_fn("trunc"), _FP64),
    "DCEIL": _wide(D, (D,), _w_fn("ceil"), _FP64),
    "DFLR": _wide(D, (D,), _w_fn("floor"), _FP64),
    "DROUND": _wide(D, (D,), _w_fn("roundEven"), _FP64),
    "DSSG": _wide(D, (D,), _w_fn("sign"), _FP64),
    "DLDEXP": _wide(D, (D, I), _w_fn("ldexp"), _FP64),
    "DSEQ": _wide(I, (D, D), _w_cmp("=="), _FP64),
    "DSNE": _wide(I, (D, D), _w_cmp("!="), _FP64),
    "DSLT": _wide(I, (D, D), _w_cmp("<"), _FP64),
    "DSGE": _wide(I, (D, D), _w_cmp(">="), _FP64),
    "F2D": _wide(D, (F,), _w_conv("double"), _FP64),
    "D2F": _wide(F, (D,), _w_conv("float"), _FP64),
    "I2D": _wide(D, (I,), _w_conv("double"), _FP64),
    "U2D": _wide(D, (U,), _w_conv("double"), _FP64),
    "D2I": _wide(I, (D,), _w_conv("int"), _FP64),
    "D2U": _wide(U, (D,), _w_conv("uint"), _FP64),
    # 64-bit integers
    "U64ADD": _wide(U64, (U64, U64), _w_bin("+"), _INT64),
    "U64MUL": _wide(U64, (U64, U64), _w_bin("*"), _INT64),
    "U64DIV": _wide(U64, (U64, U64), lambda c, a, n: f"({a[1]} == 0ul ? ~0ul : {a[0]} / {a[1]})", _INT64),
    "U64MOD": _wide(U64, (U64, U64), lambda c, a, n: f"({a[1]} == 0ul ? ~0ul : {a[0]} % {a[1]})", _INT64),
    "I64DIV": _wide(I64, (I64, I64), lambda c, a, n: c.helper("i64div", 1) + f"({a[0]}, {a[1]})", _INT64),
    "I64MOD": _wide(I64, (I64, I64), lambda c, a, n: c.helper("i64mod", 1) + f"({a[0]}, {a[1]})", _INT64),
    "U64SHL": _wide(U64, (U64, U), lambda c, a, n: f"({a[0]} << ({a[1]} & 63u))", _INT64),
    "U64SHR": _wide(U64, (U64, U), lambda c, a, n: f"({a[0]} >> ({a[1]} & 63u))", _INT64),
    "I64SHR": _wide(I64, (I64, U), lambda c, a, n: f"({a[0]} >> ({a[1]} & 63u))", _INT64),
    "U64MAX": _wide(U64, (U64, U64), _w_fn("max"), _INT64),
    "U64MIN": _wide(U64, (U64, U64), _w_fn("min"), _INT64),
    "I64MAX": _wide(I64, (I64, I64), _w_fn("max"), _INT64),
    "I64MIN": _wide(I64, (I64, I64), _w_fn("min"), _INT64),
    "I64ABS": _wide(I64, (I64,), _w_fn("abs"), _INT64),
    "I64SSG": _wide(I64, (I64,), _w_fn("sign"), _INT64),
    "I64NEG": _wide(I64, (I64,), lambda c, a, n: f"(-{a[0]})", _INT64),
    "U64SEQ": _wide(I, (U64, U64), _w_cmp("=="), _INT64),
    "U64SNE": _wide(I, (U64, U64), _w_cmp("!="), _INT64),
    "U64SLT": _wide(I, (U64, U64), _w_cmp("<"), _INT64),
    "U64SGE": _wide(I, (U64, U64), _w_cmp(">="), _INT64),
    "I64SLT": _wide(I, (I64, I64), _w_cmp("<"), _INT64),
    "I64SGE": _wide(I, (I64, I64), _w_cmp(">="), _INT64),
    "F2U64": _wide(U64, (F,), _w_conv("uint64_t"), _INT64),
    "F2I64": _wide(I64, (F,), _w_conv("int64_t"), _INT64),
    "D2U64": _wide(U64, (D,), _w_conv("uint64_t"), _INT64),
    "D2I64": _wide(I64, (D,), _w_conv("int64_t"), _INT64),
    "U2I64": _wide(I64, (U,), _w_conv("int64_t"), _INT64),
    "I2I64": _wide(I64, (I,), _w_conv("int64_t"), _INT64),
    "U642F": _wide(F, (U64,), _w_conv("float"), _INT64),
    "I642F": _wide(F, (I64,), _w_conv("float"), _INT64),
    "U642D": _wide(D, (U64,), _w_conv("double"), _INT64),
    "I642D": _wide(D, (I64,), _w_conv("double"), _INT64),
})

# Sources of these wide opcodes read their 32-bit operand from component 2*lane (x, z).
WIDE_EVEN_COMPONENT = frozenset({"DLDEXP"})

# GLSL bodies of the helpers, written once per scalar type; vector overloads apply them per lane.
HELPER_SCALAR = {
    "udiv": ("uint", "uint a, uint b", "return b == 0u ? 0xffffffffu : a / b;"),
    "umod": ("uint", "uint a, uint b", "return b == 0u ? 0xffffffffu : a % b;"),
    "idiv": ("int", "int a, int b",
             "return b == 0 ? -1 : (b == -1 ? -a : a / b);"),
    "imod": ("int", "int a, int b",
             "if (b == 0) return -1; if (b == -1) return 0; return a - b * (a / b);"),
    "umul_hi": ("uint", "uint a, uint b", "uint hi, lo; umulExtended(a, b, hi, lo); return hi;"),
    "imul_hi": ("int", "int a, int b", "int hi, lo; imulExtended(a, b, hi, lo); return hi;"),
    # Fields may be 32 bits wide (offset 0); offsets and widths outside 0..32
    # are undefined in TGSI and GLSL alike, so they are clamped into range.
    "ibfe": ("int", "int v, int o, int b",
             "o = clamp(o, 0, 31); b = clamp(b, 0, 32 - o); if (b == 0) return 0; "
             "return bitfieldExtract(v, o, b);"),
    "ubfe": ("uint", "uint v, int o, int b",
             "o = clamp(o, 0, 31); b = clamp(b, 0, 32 - o); if (b == 0) return 0u; "
             "return bitfieldExtract(v, o, b);"),
    "bfi": ("uint", "uint base, uint ins, int o, int b",
            "o = clamp(o, 0, 31); b = clamp(b, 0, 32 - o); if (b == 0) return base; "
            "return bitfieldInsert(base, ins, o, b);"),
    "i64div": ("int64_t", "int64_t a, int64_t b",
               "return b == 0l ? -1l : (b == -1l ? -a : a / b);"),
    "i64mod": ("int64_t", "int64_t a, int64_t b",
               "if (b == 0l) return -1l; if (b == -1l) return 0l; return a - b * (a / b);"),
}
_VEC_OF = {"uint": "uvec", "int": "ivec", "int64_t": "i64vec"}


def helper_source(name: str, n: int, prefix: str) -> str:
    """GLSL for helper `name` over `n` lanes (scalar body, or a per-lane wrapper)."""
    ret, params, body = HELPER_SCALAR[name]
    fname = f"{prefix}{name}"
    if n == 1:
        return f"{ret} {fname}({params}) {{ {body} }}\n"
    vparams = []
    args = []
    for p in params.split(", "):
        ptype, pname = p.split()
        vparams.append(f"{_VEC_OF[ptype]}{n} {pname}")
        args.append(pname)
    lanes = ", ".join(f"{fname}({', '.join(f'{a}.{c}' for a in args)})" for c in "xyzw"[:n])
    return f"{_VEC_OF[ret]}{n} {fname}({', '.join(vparams)}) {{ return {_VEC_OF[ret]}{n}({lanes}); }}\n"
