"""Robustness: whatever the guest sends, parse/translate raise ShaderError or succeed, quickly."""
from __future__ import annotations

import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import GOLDEN_HOST
from pyvirgl.shader import ShaderError, ShaderKey, parse, translate

CORPUS = [p.read_text() for p in sorted((Path(__file__).parent / "golden" / "in").glob("*.tgsi"))[:80]]
if not CORPUS:
    CORPUS = ["VERT\nDCL IN[0]\nDCL OUT[0], POSITION\n  0: MOV OUT[0], IN[0]\n  1: END\n"]

TOKENS = ["VERT", "FRAG", "GEOM", "TESS_CTRL", "TESS_EVAL", "COMP", "DCL", "IMM", "PROPERTY",
          "TEMP", "IN", "OUT", "CONST", "ADDR", "SAMP", "SVIEW", "IMAGE", "BUFFER", "MEMORY", "SV",
          "HWATOMIC", "IMM", "[", "]", "[0]", "[1]", "[0..3]", "[]", "(", ")", ",", ".", ".x", ".xyzw",
          ".xxxx", ":", "-", "|", "{", "}", "0", "1", "4294967295", "0x3f800000", "-1", "1e40",
          "65535", "99999999999999999999", "MOV", "ADD", "TEX", "TXF", "IF", "UIF", "ELSE", "ENDIF",
          "BGNLOOP", "ENDLOOP", "BRK", "CONT", "SWITCH", "CASE", "DEFAULT", "ENDSWITCH", "END",
          "LOAD", "STORE", "ATOMUADD", "EMIT", "DADD", "U64ADD", "2D", "SHADOW2D", "BUFFER", "FLOAT",
          "UINT", "GENERIC", "POSITION", "COLOR", "ARRAY(1)", "UINT32", "FLT32", "FLT64", "INT64",
          "GS_INPUT_PRIMITIVE", "TRIANGLES", "PIPE_FORMAT_R32_UINT", "_SAT", "\n", " ", "\t", "\0"]


def _check(text: str) -> None:
    start = time.monotonic()
    try:
        shader = parse(text)
    except ShaderError:
        shader = None
    if shader is not None:
        try:
            translate(shader, ShaderKey(), GOLDEN_HOST)
        except ShaderError:
            pass
    assert time.monotonic() - start < 5.0


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(CORPUS), st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 3),
                                                   st.text(max_size=8)), max_size=6))
def test_mutated_real_shaders(base, edits):
    text = base
    for pos, kind, piece in edits:
        if not text:
            break
        p = pos % len(text)
        if kind == 0:
            text = text[:p] + piece + text[p + 1:]
        elif kind == 1:
            text = text[:p] + piece + text[p:]
        elif kind == 2:
            text = text[:p] + text[p + len(piece) + 1:]
        else:
            q = (pos * 7919) % len(text)
            text = text[:p] + text[q:q + 40] + text[p:]
    _check(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=60))
def test_random_tokens(tokens):
    _check("".join(tokens))
    _check(" ".join(tokens))


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(CORPUS), st.integers(0, 2**40))
def test_huge_indices(base, number):
    import re
    _check(re.sub(r"\[(\d+)\]", f"[{number}]", base, count=3))


def test_deep_nesting_is_refused_quickly():
    body = "".join(f"{i}: BGNLOOP\n" for i in range(5000))
    _check("FRAG\n" + body)
    try:
        parse("FRAG\nDCL TEMP[0]\n" + "".join(f"{i}: UIF TEMP[0].xxxx\n" for i in range(5000)))
    except ShaderError as err:
        assert "nested" in err.reason
    else:
        raise AssertionError("5000 nested IFs accepted")


def test_pathological_text_is_fast():
    for text in ("VERT\n" + "[" * 500000, "VERT\n" + "TEMP" * 200000, "VERT\nIMM FLT32 {" + "9" * 900000,
                 "VERT\n" + "DCL TEMP[0]\n" * 20000, "FRAG " + "-" * 900000):
        _check(text)


def test_non_text_inputs_raise_shader_error():
    for value in (None, b"VERT", 3):
        try:
            parse(value)  # type: ignore[arg-type]
        except ShaderError:
            pass
        else:
            raise AssertionError(value)
