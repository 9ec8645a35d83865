"""GLSL value types, bit casts and literals.

TGSI registers are untyped 32-bit lanes; each opcode decides how to read
them. We keep every TEMP/OUT register as a float vec4 and move bits in and
out with the *BitsToFloat family, so integer and float data share storage
losslessly. 64-bit values occupy two lanes (low word first).
"""
from __future__ import annotations

import math
import struct

F, I, U, D, I64, U64 = "f", "i", "u", "d", "i64", "u64"

_SCALAR = {F: "float", I: "int", U: "uint", D: "double", I64: "int64_t", U64: "uint64_t"}
_VECTOR = {F: "vec", I: "ivec", U: "uvec", D: "dvec", I64: "i64vec", U64: "u64vec"}
_CAST32 = {
    (F, I): "floatBitsToInt", (F, U): "floatBitsToUint",
    (I, F): "intBitsToFloat", (U, F): "uintBitsToFloat",
}
# 64-bit value <-> pair of 32-bit halves (as uvec2 / ivec2).
PACK64 = {D: "packDouble2x32", I64: "packInt2x32", U64: "packUint2x32"}
UNPACK64 = {D: "unpackDouble2x32", I64: "unpackInt2x32", U64: "unpackUint2x32"}
HALF_TYPE = {D: U, I64: I, U64: U}
SWZ = "xyzw"
_FLT_MIN_NORMAL = 1.1754943508222875e-38


def tname(t: str, n: int) -> str:
    """GLSL type of `n` lanes of base type `t`."""
    return _SCALAR[t] if n == 1 else f"{_VECTOR[t]}{n}"


def is64(t: str) -> bool:
    return t in (D, I64, U64)


def cast32(expr: str, frm: str, to: str, n: int) -> str:
    """Reinterpret (or, between int and uint, convert bit-exactly) 32-bit lanes."""
    if frm == to:
        return expr
    fn = _CAST32.get((frm, to))
    if fn is not None:
        return f"{fn}({expr})"
    if frm == F or to == F:
        # int <-> float through uint keeps the bits.
        return cast32(cast32(expr, frm, U, n), U, to, n)
    return f"{tname(to, n)}({expr})"


def splat(t: str, n: int, scalar: str) -> str:
    return scalar if n == 1 else f"{tname(t, n)}({scalar})"


def vector(t: str, parts: list[str]) -> str:
    if len(parts) == 1:
        return parts[0]
    if all(p == parts[0] for p in parts):
        return f"{tname(t, len(parts))}({parts[0]})"
    return f"{tname(t, len(parts))}({', '.join(parts)})"


def f32_from_bits(bits: int) -> float:
    return struct.unpack("<f", struct.pack("<I", bits & 0xFFFFFFFF))[0]


def _paren_negative(text: str) -> str:
    return f"({text})" if text.startswith("-") else text


def literal32(t: str, bits: int) -> str:
    """A GLSL literal of type `t` whose bits are `bits`, printed from the parsed value."""
    bits &= 0xFFFFFFFF
    if t == U:
        return f"{bits}u"
    if t == I:
        value = bits - (1 << 32) if bits & 0x80000000 else bits
        if value == -(1 << 31):
            return "(-2147483647 - 1)"
        return _paren_negative(str(value))
    value = f32_from_bits(bits)
    if math.isfinite(value) and (value == 0.0 or abs(value) >= _FLT_MIN_NORMAL):
        text = repr(value)
        if "e" in text and "." not in text:
            mantissa, exp = text.split("e")
            text = f"{mantissa}.0e{exp}"
        return _paren_negative(text)
    # NaN, infinities and denormals: keep the exact bits.
    return f"uintBitsToFloat({bits}u)"


def literal64(t: str, bits: int) -> str:
    bits &= 0xFFFFFFFFFFFFFFFF
    if t == U64:
        return f"{bits}ul"
    if t == I64:
        value = bits - (1 << 64) if bits >> 63 else bits
        if value == -(1 << 63):
            return "(-9223372036854775807l - 1l)"
        return _paren_negative(f"{value}l")
    value = struct.unpack("<d", struct.pack("<Q", bits))[0]
    if math.isfinite(value) and (value == 0.0 or abs(value) >= 2.2250738585072014e-308):
        text = repr(value)
        if "e" in text and "." not in text:
            mantissa, exp = text.split("e")
            text = f"{mantissa}.0e{exp}"
        return _paren_negative(text + "lf")
    return f"packDouble2x32(uvec2({bits & 0xFFFFFFFF}u, {bits >> 32}u))"


def bcmp(op: str, a: str, b: str, n: int) -> str:
    """A bool (n == 1) or bvecN comparison."""
    if n == 1:
        return f"({a} {op} {b})"
    fn = {"<": "lessThan", "<=": "lessThanEqual", ">": "greaterThan", ">=": "greaterThanEqual",
          "==": "equal", "!=": "notEqual"}[op]
    return f"{fn}({a}, {b})"


def select(cond: str, if_true: str, if_false: str, n: int) -> str:
    """Per-lane choice; `cond` is bool or bvecN."""
    if n == 1:
        return f"({cond} ? {if_true} : {if_false})"
    return f"mix({if_false}, {if_true}, {cond})"


def bool_to_mask(cond: str, n: int) -> str:
    """TGSI integer booleans: ~0 for true, 0 for false (as int lanes)."""
    return f"(-{tname(I, n)}({cond}))"
