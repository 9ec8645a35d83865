"""The generated per-command readers decode exactly what the generic reader decodes.

`layout.generated_reader` writes straight-line code for the commonest payload
shapes (the commands sent with every draw); the generic `PayloadReader.read`
is the reference. Every command that gets a generated reader is compared on
random payloads of every length, valid or not: same dataclass, or the same
GuestError.
"""
from __future__ import annotations

import struct

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pyvirgl.decode import stream
from pyvirgl.decode.layout import generated_reader
from pyvirgl.errors import GuestError

GENERATED = {cmd: (reader, generated_reader(reader)) for cmd, reader in stream._COMMANDS.items()
             if not reader.spec.obj_types and generated_reader(reader) is not None}

# Small values hit range checks both ways; big ones exercise the full word.
WORD = st.one_of(st.integers(0, 20), st.integers(0, 0xFFFFFFFF))


def outcome(read, payload: bytes, nwords: int):
    try:
        return ("ok", repr(read(memoryview(payload), 0, nwords, 0)))   # repr: NaN floats compare equal
    except GuestError as err:
        return ("error", err.command, err.reason)


def test_the_per_draw_commands_are_generated():
    names = {reader.name for reader, _ in GENERATED.values()}
    assert {"DRAW_VBO", "BIND_SHADER", "SET_INDEX_BUFFER", "SET_CONSTANT_BUFFER", "SET_VERTEX_BUFFERS",
            "SET_SAMPLER_VIEWS", "BIND_SAMPLER_STATES", "SET_SHADER_IMAGES"} <= names


@pytest.mark.parametrize("cmd", sorted(GENERATED), ids=lambda c: GENERATED[c][0].name)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_generated_reader_matches_generic(cmd, data):
    reader, fast = GENERATED[cmd]
    nwords = data.draw(st.integers(0, reader.head_words + 12), label="nwords")
    words = data.draw(st.lists(WORD, min_size=nwords, max_size=nwords), label="words")
    payload = struct.pack(f"<{nwords}I", *words) + bytes(64)   # slack: the caller bounds nwords
    assert outcome(fast, payload, nwords) == outcome(reader.read, payload, nwords)
