"""Malformed streams are refused with a GuestError that names the command."""
from __future__ import annotations

import struct

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pyvirgl.decode import commands as C
from pyvirgl.decode import decode_all, decode_commands, iter_headers
from pyvirgl.errors import GuestError


def hdr(cmd: int, obj: int, length: int) -> int:
    return cmd | (obj << 8) | (length << 16)


def pack(*words: int) -> bytes:
    return struct.pack(f"<{len(words)}I", *(w & 0xFFFFFFFF for w in words))


def refused(words, command: str, *, reason: str = "") -> GuestError:
    with pytest.raises(GuestError) as info:
        decode_all(pack(*words))
    assert info.value.command == command, info.value
    assert reason in info.value.reason, info.value
    return info.value


def test_not_whole_words():
    with pytest.raises(GuestError) as info:
        decode_all(b"\0\0\0\0\0\0")
    assert info.value.command == "SUBMIT_CMD"


def test_length_past_end():
    refused([hdr(8, 0, 12), 0, 0], "DRAW_VBO", reason="past the end")


def test_unknown_command_id():
    refused([hdr(62, 0, 0)], "UNKNOWN_COMMAND(62)")
    refused([hdr(200, 0, 1), 0], "UNKNOWN_COMMAND(200)")


def test_commands_without_layout_are_refused():
    refused([hdr(58, 0, 0)], "DECODE_MACROBLOCK")
    refused([hdr(60, 0, 1), 0], "ENCODE_BITSTREAM")


@pytest.mark.parametrize("words,command", [
    ([hdr(8, 0, 13)] + [0] * 13, "DRAW_VBO"),                 # length lies: 13 is not 12/14/20
    ([hdr(8, 0, 11)] + [0] * 11, "DRAW_VBO"),
    ([hdr(7, 0, 7)] + [0] * 7, "CLEAR"),
    ([hdr(43, 0, 12)] + [0] * 12, "TRANSFER3D"),
    ([hdr(1, 1, 10)] + [1] * 10, "CREATE_OBJECT(BLEND)"),
    ([hdr(1, 3, 6)] + [1] * 6, "CREATE_OBJECT(DSA)"),
    ([hdr(1, 2, 8)] + [1] * 8, "CREATE_OBJECT(RASTERIZER)"),
    ([hdr(1, 6, 5)] + [1] * 5, "CREATE_OBJECT(SAMPLER_VIEW)"),
    ([hdr(2, 1, 2), 1, 2], "BIND_OBJECT(BLEND)"),
    ([hdr(28, 0, 0)], "SET_SUB_CTX"),
    ([hdr(11, 0, 2), 1, 2], "SET_INDEX_BUFFER"),
    ([hdr(6, 0, 4)] + [0] * 4, "SET_VERTEX_BUFFERS"),          # not a multiple of 3
    ([hdr(4, 0, 8)] + [0] * 8, "SET_VIEWPORT_STATE"),          # not 1 + 6n
    ([hdr(1, 5, 3), 1, 0, 0], "CREATE_OBJECT(VERTEX_ELEMENTS)"),
    ([hdr(49, 0, 9)] + [0] * 9, "PIPE_RESOURCE_SET_TYPE"),
    ([hdr(49, 0, 8)] + [0] * 8, "PIPE_RESOURCE_SET_TYPE"),     # needs at least one plane
    ([hdr(12, 0, 1), 0], "SET_CONSTANT_BUFFER"),
    ([hdr(9, 0, 10)] + [0] * 10, "RESOURCE_INLINE_WRITE"),
    ([hdr(51, 0, 1), 0], "EMIT_STRING_MARKER"),
    ([hdr(41, 0, 0)], "SET_DEBUG_FLAGS"),
    ([hdr(1, 4, 4), 1, 0, 4, 0], "CREATE_OBJECT(SHADER)"),
])
def test_wrong_lengths(words, command):
    refused(words, command)


def test_counts_too_big():
    refused([hdr(5, 0, 11), 9, 0] + [1] * 9, "SET_FRAMEBUFFER_STATE", reason="9 cbuf_handles")
    refused([hdr(6, 0, 99)] + [0] * 99, "SET_VERTEX_BUFFERS", reason="33 buffers")
    refused([hdr(1, 5, 133), 1] + [0] * 132, "CREATE_OBJECT(VERTEX_ELEMENTS)", reason="33 elements")
    refused([hdr(10, 0, 35), 0, 0] + [1] * 33, "SET_SAMPLER_VIEWS", reason="33 handles")
    refused([hdr(4, 0, 103), 0] + [0] * 102, "SET_VIEWPORT_STATE", reason="17 viewports")
    refused([hdr(25, 0, 6), 0, 1, 2, 3, 4, 5], "SET_STREAMOUT_TARGETS")
    # shader stream-output count over the Gallium limit
    refused([hdr(1, 4, 6), 1, 0, 4, 0, 65, 0], "CREATE_OBJECT(SHADER)", reason="65 stream outputs")


def test_framebuffer_count_must_match():
    refused([hdr(5, 0, 4), 1, 0, 5, 6], "SET_FRAMEBUFFER_STATE", reason="nr_cbufs = 1")


def test_slot_ranges():
    refused([hdr(10, 0, 4), 0, 31, 1, 2], "SET_SAMPLER_VIEWS", reason="start_slot 31 + 2")
    refused([hdr(18, 0, 3), 1, 0xFFFFFFFF, 1], "BIND_SAMPLER_STATES", reason="start_slot")
    refused([hdr(4, 0, 7), 16] + [0] * 6, "SET_VIEWPORT_STATE", reason="start_slot 16 + 1")
    refused([hdr(15, 0, 3), 16, 0, 0], "SET_SCISSOR_STATE")
    refused([hdr(34, 0, 5), 0, 32, 0, 0, 0], "SET_SHADER_BUFFERS")
    refused([hdr(35, 0, 7), 0, 32, 0, 0, 0, 0, 0], "SET_SHADER_IMAGES")
    refused([hdr(40, 0, 4), 32, 0, 0, 0], "SET_ATOMIC_BUFFERS")


@pytest.mark.parametrize("words,command", [
    ([hdr(10, 0, 2), 6, 0], "SET_SAMPLER_VIEWS"),
    ([hdr(18, 0, 2), 7, 0], "BIND_SAMPLER_STATES"),
    ([hdr(12, 0, 2), 6, 0], "SET_CONSTANT_BUFFER"),
    ([hdr(27, 0, 5), 6, 0, 0, 0, 0], "SET_UNIFORM_BUFFER"),
    ([hdr(31, 0, 2), 1, 6], "BIND_SHADER"),
    ([hdr(34, 0, 2), 9, 0], "SET_SHADER_BUFFERS"),
    ([hdr(35, 0, 2), 6, 0], "SET_SHADER_IMAGES"),
    ([hdr(1, 4, 5), 1, 6, 4, 0, 0], "CREATE_OBJECT(SHADER)"),
])
def test_bad_shader_stage(words, command):
    refused(words, command)


def test_bad_object_types():
    refused([hdr(1, 0, 1), 1], "CREATE_OBJECT(NULL)", reason="unknown object type")
    refused([hdr(1, 12, 1), 1], "CREATE_OBJECT(object type 12)")
    refused([hdr(2, 4, 1), 1], "BIND_OBJECT(SHADER)")       # shaders bind with BIND_SHADER
    refused([hdr(2, 0, 1), 1], "BIND_OBJECT(NULL)")
    refused([hdr(3, 0, 1), 1], "DESTROY_OBJECT(NULL)")
    refused([hdr(3, 77, 1), 1], "DESTROY_OBJECT(object type 77)")


def test_create_with_handle_zero():
    refused([hdr(1, 10, 4), 0, 1, 0, 16], "CREATE_OBJECT(STREAMOUT_TARGET)", reason="handle 0")
    refused([hdr(1, 4, 6), 0, 1, 4, 0, 0, 0], "CREATE_OBJECT(SHADER)", reason="handle 0")


def test_ranged_fields():
    refused([hdr(8, 0, 12), 0, 3, 15] + [0] * 9, "DRAW_VBO", reason="mode = 15")
    refused([hdr(43, 0, 13)] + [0] * 12 + [3], "TRANSFER3D", reason="direction = 3")
    refused([hdr(43, 0, 13)] + [0] * 13, "TRANSFER3D", reason="direction = 0")
    refused([hdr(11, 0, 3), 1, 3, 0], "SET_INDEX_BUFFER", reason="index_size 3")
    refused([hdr(1, 7, 9), 1, 3 << 11] + [0] * 7, "CREATE_OBJECT(SAMPLER_STATE)", reason="min_mip_filter")
    refused([hdr(1, 6, 6), 1, 1, 67 | (9 << 24), 0, 0, 0], "CREATE_OBJECT(SAMPLER_VIEW)", reason="target")
    refused([hdr(1, 6, 6), 1, 1, 400, 0, 0, 0], "CREATE_OBJECT(SAMPLER_VIEW)", reason="format")
    refused([hdr(1, 6, 6), 1, 1, 67, 0, 0, 6], "CREATE_OBJECT(SAMPLER_VIEW)", reason="swizzle_r")
    refused([hdr(1, 5, 5), 1, 0, 0, 32, 31], "CREATE_OBJECT(VERTEX_ELEMENTS)", reason="vertex_buffer_index")
    refused([hdr(1, 9, 4), 1, 13, 0, 0], "CREATE_OBJECT(QUERY)", reason="query_type")
    refused([hdr(48, 0, 11), 9] + [0] * 10, "PIPE_RESOURCE_CREATE", reason="target")
    refused([hdr(51, 0, 2), 5, 0], "EMIT_STRING_MARKER", reason="exceeds")


def test_earlier_commands_survive_a_later_error():
    stream = pack(hdr(29, 0, 1), 1, hdr(28, 0, 1), 1, hdr(8, 0, 3), 0, 0, 0)
    it = decode_commands(stream)
    assert next(it) == C.CreateSubCtx(1)
    assert next(it) == C.SetSubCtx(1)
    with pytest.raises(GuestError) as info:
        next(it)
    assert info.value.command == "DRAW_VBO"


def test_iter_headers_walks_by_length():
    stream = pack(hdr(29, 0, 1), 1, 0, hdr(44, 0, 2), 0xFFFFFFFF, 0xFFFFFFFF)
    assert [(h.offset, h.cmd, h.length) for h in iter_headers(stream)] == [(0, 29, 1), (2, 0, 0), (3, 44, 2)]


# --- fuzzing ----------------------------------------------------------------------

def _drain(buf: bytes) -> None:
    try:
        for _ in decode_commands(buf):
            pass
    except GuestError:
        pass


@settings(max_examples=400, deadline=None)
@given(st.lists(st.integers(0, 0xFFFFFFFF), max_size=64))
def test_fuzz_random_words_only_guest_errors(words):
    _drain(pack(*words))


_plausible_header = st.builds(
    lambda cmd, obj, length: hdr(cmd, obj, length),
    st.integers(0, 65), st.integers(0, 13), st.integers(0, 40),
)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.one_of(_plausible_header, st.integers(0, 0xFFFFFFFF), st.integers(0, 40)),
                max_size=120))
def test_fuzz_plausible_headers_only_guest_errors(words):
    _drain(pack(*words))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_fuzz_random_bytes_only_guest_errors(data):
    _drain(data)
