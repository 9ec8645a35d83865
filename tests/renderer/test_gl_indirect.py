"""Indirect draws (one, several with a stride, count from a buffer, indexed) executed on host GL."""
from __future__ import annotations

import struct

import numpy as np
import pytest

from pyvirgl.errors import GuestError
from pyvirgl.protocol.virgl import VirglBind
from renderer_gl_helpers import CTX, colour_pipeline, draw, make_buffer, make_target, read_back, start

pytestmark = pytest.mark.gl

W = H = 8
GREEN = np.array([0, 255, 0, 255], np.uint8)


def rect(x0, x1):
    a, b, c, d = (x0, -1, 0, 1), (x1, -1, 0, 1), (x1, 1, 0, 1), (x0, 1, 0, 1)
    return [a, b, c, a, c, d]


# Left half (vertices 0..5) then right half (6..11).
QUADS = np.array(rect(-1, 0) + rect(0, 1), np.float32)


def scene(r, commands: bytes):
    make_target(r, 1, W, H)
    enc = start(10, 1)
    colour_pipeline(enc, r, 2, W, H, vertices=QUADS)
    make_buffer(r, 3, len(commands), bind=VirglBind.COMMAND_ARGS, data=commands)
    return enc


def halves(r) -> tuple[bool, bool]:
    px = read_back(r, 1, W, H)
    left, right = px[:, :W // 2], px[:, W // 2:]
    for half in (left, right):
        assert (half == GREEN).all() or not half.any()
    return bool(left.any()), bool(right.any())


def arrays(count, first, instances=1):
    return struct.pack("<4I", count, instances, first, 0)


@pytest.mark.parametrize("draw_count,expect", [(1, (True, False)), (2, (True, True)), (0, (False, False))])
def test_multi_draw_arrays_indirect_with_stride(renderer, draw_count, expect):
    # 32-byte stride: each command padded with 16 bytes of junk.
    junk = b"\xff" * 16
    enc = scene(renderer, b"\0" * 8 + arrays(6, 0) + junk + arrays(6, 6) + junk)
    draw(enc, count=0, indirect_handle=3, indirect_offset=8, indirect_stride=32,
         indirect_draw_count=draw_count)
    renderer.submit(CTX, bytes(enc))
    assert halves(renderer) == expect


def test_draw_count_from_a_parameter_buffer(renderer):
    enc = scene(renderer, arrays(6, 6) + arrays(6, 0))
    make_buffer(renderer, 4, 16, bind=VirglBind.COMMAND_ARGS, data=struct.pack("<4I", 0, 0, 1, 0))
    draw(enc, count=0, indirect_handle=3, indirect_offset=0, indirect_stride=16, indirect_draw_count=2,
         indirect_draw_count_handle=4, indirect_draw_count_offset=8)
    renderer.submit(CTX, bytes(enc))
    assert halves(renderer) == (False, True)     # only the first command (right half)


def test_indexed_indirect(renderer):
    enc = scene(renderer, struct.pack("<5I", 6, 1, 6, 0, 0))   # indices 6..11: the right half
    make_buffer(renderer, 5, 48, bind=VirglBind.INDEX_BUFFER, data=np.arange(12, dtype=np.uint32).tobytes())
    enc.set_index_buffer(index_size=4, offset=0, res_handle=5)
    draw(enc, count=0, indexed=True, indirect_handle=3, indirect_offset=0, indirect_draw_count=1)
    renderer.submit(CTX, bytes(enc))
    assert halves(renderer) == (False, True)


@pytest.mark.parametrize("kw,reason", [
    (dict(indirect_offset=4, indirect_draw_count=2, indirect_stride=16), "overruns a buffer of 32"),
    (dict(indirect_offset=0, indirect_draw_count=1, indirect_stride=8), "indirect stride 8"),
    (dict(indirect_offset=2, indirect_draw_count=1), "not a multiple of 4"),
    (dict(indirect_offset=0, indirect_draw_count=1, indirect_draw_count_handle=3, indirect_draw_count_offset=32),
     "draw count of 4 bytes at offset 32"),
    (dict(indirect_offset=0, indirect_draw_count=1, indirect_draw_count_handle=66), "no resource 66"),
])
def test_indirect_ranges_are_checked(renderer, kw, reason):
    enc = scene(renderer, arrays(6, 0) + arrays(6, 6))
    draw(enc, count=0, indirect_handle=3, **kw)
    with pytest.raises(GuestError, match=reason):
        renderer.submit(CTX, bytes(enc))
