"""Queries and conditional rendering executed on host GL, read back the way Mesa's virgl driver does.

The guest's query buffer (PIPE_BIND_CUSTOM, in shared memory) receives
`struct virgl_host_query_state` {u32 state, u32 result_size, u64 result};
GET_QUERY_RESULT_QBO writes the bare value into another buffer.
"""
from __future__ import annotations

import struct

import numpy as np
import pytest

from pyvirgl.errors import GuestError
from pyvirgl.protocol.virgl import ObjectType, QueryType, QueryValueType, RenderCondMode, VirglBind
from renderer_gl_helpers import (
    CTX, colour_pipeline, draw, make_buffer, make_target, read_back, read_buffer, start,
)

pytestmark = pytest.mark.gl

W = H = 8
GREEN = np.array([0, 255, 0, 255], np.uint8)


def host_state(mem: bytearray, offset: int = 0) -> tuple[int, int, int]:
    return struct.unpack_from("<IIQ", mem, offset)


def scene(r, qbuf_size=16):
    """A render target, a full-screen triangle pipeline and a query buffer with shared memory."""
    make_target(r, 1, W, H)
    enc = start(10, 1)
    colour_pipeline(enc, r, 2, W, H)
    mem = make_buffer(r, 3, qbuf_size, bind=VirglBind.CUSTOM, backing=True)
    return enc, mem


@pytest.mark.parametrize("qtype,expected", [
    (QueryType.OCCLUSION_COUNTER, W * H),
    (QueryType.OCCLUSION_PREDICATE, 1),
    (QueryType.OCCLUSION_PREDICATE_CONSERVATIVE, 1),
    (QueryType.PRIMITIVES_GENERATED, 2),
])
def test_counters_land_in_the_query_buffer(renderer, qtype, expected):
    enc, mem = scene(renderer)
    enc.create_query(handle=50, query_type=qtype, index=0, offset=0, res_handle=3)
    enc.begin_query(handle=50)
    draw(enc, count=6)          # the same triangle twice: two primitives, each pixel covered
    enc.end_query(handle=50)
    enc.get_query_result(handle=50, wait=False)
    renderer.submit(CTX, bytes(enc))
    assert not renderer.busy(wait=True)
    assert host_state(mem) == (1, 4, expected)
    # The resource's own storage holds the same bytes (a transfer from the host reads them).
    assert read_buffer(renderer, 3, 16) == bytes(mem)
    assert (read_back(renderer, 1, W, H) == GREEN).all()


def test_nothing_drawn_reads_zero(renderer):
    enc, mem = scene(renderer)
    enc.create_query(handle=50, query_type=QueryType.OCCLUSION_PREDICATE, index=0, offset=0, res_handle=3)
    enc.begin_query(handle=50).end_query(handle=50).get_query_result(handle=50, wait=True)
    renderer.submit(CTX, bytes(enc))
    assert host_state(mem) == (1, 4, 0)


def test_query_state_goes_at_the_query_offset(renderer):
    enc, mem = scene(renderer, qbuf_size=64)
    enc.create_query(handle=50, query_type=QueryType.OCCLUSION_COUNTER, index=0, offset=32, res_handle=3)
    enc.begin_query(handle=50)
    draw(enc)
    enc.end_query(handle=50).get_query_result(handle=50, wait=False)
    renderer.submit(CTX, bytes(enc))
    renderer.busy(wait=True)
    assert not any(mem[:32]) and not any(mem[48:])
    assert host_state(mem, 32) == (1, 4, W * H)


def test_timer_queries_are_64_bit_and_advance(renderer):
    enc, mem = scene(renderer, qbuf_size=48)
    enc.create_query(handle=50, query_type=QueryType.TIMESTAMP, index=0, offset=0, res_handle=3)
    enc.create_query(handle=51, query_type=QueryType.TIME_ELAPSED, index=0, offset=16, res_handle=3)
    enc.create_query(handle=52, query_type=QueryType.TIMESTAMP_DISJOINT, index=0, offset=32, res_handle=3)
    enc.begin_query(handle=51).begin_query(handle=52)
    draw(enc)
    enc.end_query(handle=51).end_query(handle=50).end_query(handle=52)
    for h in (50, 51, 52):
        enc.get_query_result(handle=h, wait=False)
    renderer.submit(CTX, bytes(enc))
    renderer.busy(wait=True)
    state, size, stamp = host_state(mem, 0)
    assert (state, size) == (1, 8) and stamp > 0
    state, size, elapsed = host_state(mem, 16)
    assert (state, size) == (1, 8) and elapsed > 0
    assert host_state(mem, 32) == (1, 4, 1_000_000_000)


def test_gpu_finished_reads_true(renderer):
    enc, mem = scene(renderer)
    enc.create_query(handle=50, query_type=QueryType.GPU_FINISHED, index=0, offset=0, res_handle=3)
    draw(enc)
    enc.end_query(handle=50).get_query_result(handle=50, wait=False)
    renderer.submit(CTX, bytes(enc))
    renderer.busy(wait=True)
    assert host_state(mem) == (1, 4, 1)


@pytest.mark.parametrize("vtype,fmt", [(QueryValueType.U32, "<I"), (QueryValueType.I32, "<i"),
                                       (QueryValueType.U64, "<Q"), (QueryValueType.I64, "<q")])
def test_result_into_a_query_buffer_object(renderer, vtype, fmt):
    enc, _mem = scene(renderer)
    make_buffer(renderer, 4, 32, bind=VirglBind.QUERY_BUFFER)
    enc.create_query(handle=50, query_type=QueryType.OCCLUSION_COUNTER, index=0, offset=0, res_handle=3)
    enc.begin_query(handle=50)
    draw(enc)
    enc.end_query(handle=50)
    enc.get_query_result_qbo(handle=50, qbo_handle=4, wait=True, result_type=vtype, offset=8, index=0)
    enc.get_query_result_qbo(handle=50, qbo_handle=4, wait=True, result_type=QueryValueType.U32, offset=24,
                             index=-1)
    renderer.submit(CTX, bytes(enc))
    renderer.busy(wait=True)
    out = read_buffer(renderer, 4, 32)
    assert struct.unpack_from(fmt, out, 8)[0] == W * H
    assert struct.unpack_from("<I", out, 24)[0] == 1      # availability
    assert out[:8] == bytes(8)


def test_pipeline_statistics_pick_a_counter_by_index(renderer):
    enc, _mem = scene(renderer)
    make_buffer(renderer, 4, 16, bind=VirglBind.QUERY_BUFFER)
    enc.create_query(handle=50, query_type=QueryType.PIPELINE_STATISTICS, index=0, offset=0, res_handle=3)
    enc.begin_query(handle=50)
    draw(enc, count=6)
    enc.end_query(handle=50)
    # IA_VERTICES (0) and IA_PRIMITIVES (1).
    enc.get_query_result_qbo(handle=50, qbo_handle=4, wait=True, result_type=QueryValueType.U64, offset=0, index=0)
    enc.get_query_result_qbo(handle=50, qbo_handle=4, wait=True, result_type=QueryValueType.U64, offset=8, index=1)
    renderer.submit(CTX, bytes(enc))
    assert struct.unpack("<2Q", read_buffer(renderer, 4, 16)) == (6, 2)


def _conditional_scene(renderer, draws_in_query: bool, condition: bool, mode=RenderCondMode.WAIT):
    enc, _mem = scene(renderer)
    # A second target with its own surface: the query watches drawing into it.
    enc.create_query(handle=50, query_type=QueryType.OCCLUSION_PREDICATE, index=0, offset=0, res_handle=3)
    enc.begin_query(handle=50)
    if draws_in_query:
        draw(enc)
    enc.end_query(handle=50)
    enc.set_constant_buffer(shader_type=1, index=0, data=struct.pack("<4f", 1.0, 0.0, 0.0, 1.0))
    enc.set_render_condition(handle=50, condition=condition, mode=mode)
    draw(enc)                      # red only if the condition lets it through
    enc.set_render_condition(handle=0, condition=False, mode=0)
    return enc


@pytest.mark.parametrize("drew,inverted,mode,expect_red", [
    (True, False, RenderCondMode.WAIT, True),
    (False, False, RenderCondMode.WAIT, False),
    (False, True, RenderCondMode.WAIT, True),
    (True, True, RenderCondMode.BY_REGION_WAIT, False),
    # NO_WAIT may render when the result is not there yet, so only outcomes that render either way.
    (True, False, RenderCondMode.NO_WAIT, True),
    (False, True, RenderCondMode.BY_REGION_NO_WAIT, True),
])
def test_render_condition(renderer, drew, inverted, mode, expect_red):
    enc = _conditional_scene(renderer, drew, inverted, mode)
    renderer.submit(CTX, bytes(enc))
    px = read_back(renderer, 1, W, H)
    red = np.array([0, 0, 255, 255], np.uint8)
    if expect_red:
        assert (px == red).all()
    else:
        assert (px == (GREEN if drew else 0)).all()


def test_render_condition_applies_to_clears_and_is_lifted_by_handle_zero(renderer):
    from pyvirgl.protocol.virgl import ClearFlags
    from renderer_gl_helpers import f32bits
    enc, _mem = scene(renderer)
    enc.create_query(handle=50, query_type=QueryType.OCCLUSION_PREDICATE, index=0, offset=0, res_handle=3)
    enc.begin_query(handle=50).end_query(handle=50)      # nothing passed
    enc.set_render_condition(handle=50, condition=False, mode=RenderCondMode.WAIT)
    blue = tuple(f32bits(c) for c in (0.0, 0.0, 1.0, 1.0))
    enc.clear(buffers=ClearFlags.COLOR0, color=blue, depth=1.0, stencil=0)
    renderer.submit(CTX, bytes(enc))
    assert not read_back(renderer, 1, W, H).any()
    enc2 = start()
    enc2.set_render_condition(handle=0, condition=False, mode=0)
    enc2.clear(buffers=ClearFlags.COLOR0, color=blue, depth=1.0, stencil=0)
    renderer.submit(CTX, bytes(enc2))
    assert (read_back(renderer, 1, W, H) == np.array([255, 0, 0, 255], np.uint8)).all()


def test_destroyed_query_is_gone(renderer):
    enc, _mem = scene(renderer)
    enc.create_query(handle=50, query_type=QueryType.OCCLUSION_COUNTER, index=0, offset=0, res_handle=3)
    enc.begin_query(handle=50)
    enc.destroy_object(ObjectType.QUERY, 50)
    enc.begin_query(handle=50)
    with pytest.raises(GuestError, match="no query object 50"):
        renderer.submit(CTX, bytes(enc))


@pytest.mark.parametrize("build,reason", [
    (lambda e: e.create_query(handle=50, query_type=0, index=0, offset=4, res_handle=3),
     "does not fit buffer 3"),
    (lambda e: e.create_query(handle=50, query_type=0, index=0, offset=0, res_handle=77), "no resource 77"),
    (lambda e: e.create_query(handle=50, query_type=QueryType.PRIMITIVES_GENERATED, index=4, offset=0,
                              res_handle=3), "vertex stream 4"),
    (lambda e: e.create_query(handle=50, query_type=0, index=0, offset=0, res_handle=3)
     .begin_query(handle=50).begin_query(handle=50), "already active"),
    (lambda e: e.create_query(handle=50, query_type=0, index=0, offset=0, res_handle=3)
     .begin_query(handle=50).get_query_result(handle=50, wait=False), "still active"),
    (lambda e: e.create_query(handle=50, query_type=0, index=0, offset=0, res_handle=3)
     .get_query_result_qbo(handle=50, qbo_handle=3, wait=False, result_type=3, offset=12, index=0), "overrun"),
    (lambda e: e.create_query(handle=50, query_type=QueryType.SO_STATISTICS, index=0, offset=0, res_handle=3)
     .get_query_result_qbo(handle=50, qbo_handle=3, wait=False, result_type=3, offset=0, index=2),
     "result index 2"),
    (lambda e: e.get_query_result(handle=9, wait=False), "no query object 9"),
    (lambda e: e.set_render_condition(handle=9, condition=False, mode=0), "no query object 9"),
])
def test_guest_mistakes_are_refused(renderer, build, reason):
    make_buffer(renderer, 3, 16, bind=VirglBind.CUSTOM, backing=True)
    enc = start()
    build(enc)
    with pytest.raises(GuestError, match=reason):
        renderer.submit(CTX, bytes(enc))


def test_host_info_reads_the_sample_positions(backend):
    # arb_gpu_shader5-interpolateatsample compares interpolateAtSample with
    # GL_SAMPLE_POSITION, which the guest decodes from caps.sample_locations.
    positions = backend.info.sample_positions
    if backend.info.limit("GL_MAX_SAMPLES") < 4:
        pytest.skip("host has no 4x multisampling")
    assert len(positions[4]) == 4
    assert all(0.0 <= x < 1.0 and 0.0 <= y < 1.0 for x, y in positions[4])
    assert len(set(positions[4])) == 4
