"""Reassembling chunked CREATE_OBJECT(SHADER) text, across submits."""
from __future__ import annotations

import pytest

from pyvirgl.client.encoder import CommandEncoder, shader_chunks
from pyvirgl.decode import ShaderAssembler, decode_all
from pyvirgl.decode import commands as C
from pyvirgl.errors import GuestError
from pyvirgl.protocol.virgl import ShaderStage

TGSI = "FRAG\nDCL OUT[0], COLOR\nIMM[0] FLT32 { 1.0, 0.0, 0.0, 1.0 }\nMOV OUT[0], IMM[0]\nEND\n"


def chunks_through_wire(text: str, words: int, **kw) -> list[C.CreateShaderChunk]:
    """Encode into separate submits (one per chunk) and decode each back."""
    out = []
    for chunk in shader_chunks(7, ShaderStage.FRAGMENT, text, max_text_words=words, **kw):
        (decoded,) = decode_all(bytes(CommandEncoder().add(chunk)))
        out.append(decoded)
    return out


def test_single_chunk_completes_immediately():
    (chunk,) = chunks_through_wire(TGSI, 1000)
    src = ShaderAssembler().feed(chunk)
    assert src is not None and src.text == TGSI and src.handle == 7 and src.stage == 1


@pytest.mark.parametrize("words", [1, 2, 3, 7, 16])
def test_many_chunks_across_submits(words):
    chunks = chunks_through_wire(TGSI * 5, words)
    assert len(chunks) > 1 and chunks[1].continuation
    asm = ShaderAssembler()
    results = [asm.feed(c) for c in chunks]
    assert results[:-1] == [None] * (len(chunks) - 1)
    assert results[-1].text == TGSI * 5
    assert asm.pending_handles == ()


def test_stream_output_and_compute_info_kept():
    so = (C.StreamOutput(1, 0, 4, 0, 0, 0),)
    chunks = chunks_through_wire(TGSI * 3, 8, so_strides=(16, 0, 0, 0), so_outputs=so)
    asm = ShaderAssembler()
    for c in chunks[:-1]:
        assert asm.feed(c) is None
    src = asm.feed(chunks[-1])
    assert src.so_outputs == so and src.so_strides == (16, 0, 0, 0)
    comp = shader_chunks(9, ShaderStage.COMPUTE, "COMP\nEND\n", req_local_mem=256)[0]
    (decoded,) = decode_all(bytes(CommandEncoder().add(comp)))
    assert ShaderAssembler().feed(decoded).req_local_mem == 256


def test_continuation_without_start():
    chunks = chunks_through_wire(TGSI, 4)
    with pytest.raises(GuestError, match="not in progress"):
        ShaderAssembler().feed(chunks[1])


def test_continuation_with_wrong_offset():
    chunks = chunks_through_wire(TGSI, 4)
    asm = ShaderAssembler()
    asm.feed(chunks[0])
    with pytest.raises(GuestError, match="expected 16"):
        asm.feed(chunks[2])
    assert asm.pending_handles == ()


def test_new_shader_while_stage_busy():
    chunks = chunks_through_wire(TGSI, 4)
    asm = ShaderAssembler()
    asm.feed(chunks[0])
    with pytest.raises(GuestError, match="still waits"):
        asm.feed(chunks[0])


def test_other_stage_may_interleave():
    frag = chunks_through_wire(TGSI, 4)
    vert = shader_chunks(8, ShaderStage.VERTEX, "VERT\nEND\n")[0]
    asm = ShaderAssembler()
    asm.feed(frag[0])
    assert asm.feed(vert).text == "VERT\nEND\n"
    for c in frag[1:-1]:
        asm.feed(c)
    assert asm.feed(frag[-1]).text == TGSI


def test_overrun_and_limits():
    asm = ShaderAssembler(max_text_bytes=64)
    big = C.CreateShaderChunk(1, 0, 65, False, 10, 0, (), (), b"x" * 8)
    with pytest.raises(GuestError, match="exceeds"):
        asm.feed(big)
    with pytest.raises(GuestError, match="empty"):
        asm.feed(C.CreateShaderChunk(1, 0, 0, False, 10, 0, (), (), b""))
    asm.feed(C.CreateShaderChunk(1, 0, 10, False, 10, 0, (), (), b"abcd"))
    with pytest.raises(GuestError, match="overruns"):
        asm.feed(C.CreateShaderChunk(1, 0, 4, True, 10, 0, (), (), b"efghijklmnop"))


def test_text_must_be_nul_terminated_ascii():
    with pytest.raises(GuestError, match="NUL"):
        ShaderAssembler().feed(C.CreateShaderChunk(1, 0, 4, False, 1, 0, (), (), b"ABCD"))
    with pytest.raises(GuestError, match="ASCII"):
        ShaderAssembler().feed(C.CreateShaderChunk(1, 0, 4, False, 1, 0, (), (), b"\xff\0\0\0"))


def test_discard_forgets_partial():
    chunks = chunks_through_wire(TGSI, 4)
    asm = ShaderAssembler()
    asm.feed(chunks[0])
    asm.discard(7)
    assert asm.pending_handles == ()
    assert asm.feed(chunks_through_wire(TGSI, 1000)[0]).text == TGSI
