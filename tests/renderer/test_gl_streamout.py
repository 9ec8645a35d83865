"""Stream output (transform feedback) executed on host GL: captured bytes read back exactly.

The vertex shader passes its input position through and the guest asks for
OUT[0] (4 components) to be captured into buffer 0 with a 4-dword stride,
so the capture buffer must end up holding the vertex data itself.
"""
from __future__ import annotations

import struct

import numpy as np
import pytest

from pyvirgl.client.encoder import CommandEncoder
from pyvirgl.decode import StreamOutput, VertexBufferBinding
from pyvirgl.errors import GuestError
from pyvirgl.protocol.virgl import QueryType, QueryValueType, VirglBind
from renderer_gl_helpers import (
    BIG_TRIANGLE, CTX, colour_pipeline, draw, make_buffer, make_target, read_back, read_buffer, start,
)

pytestmark = pytest.mark.gl

W = H = 8
SO = dict(so_strides=(4, 0, 0, 0), so_outputs=(StreamOutput(0, 0, 4, 0, 0, 0),))
# Two different triangles, one after the other in the vertex buffer.
VERTS = np.concatenate([BIG_TRIANGLE, BIG_TRIANGLE * np.float32(0.5)])


def scene(r, so_size=96):
    make_target(r, 1, W, H)
    enc = start(10, 1)
    colour_pipeline(enc, r, 2, W, H, vertices=VERTS, **SO)
    make_buffer(r, 3, so_size, bind=VirglBind.STREAM_OUTPUT)
    enc.create_streamout_target(handle=40, res_handle=3, buffer_offset=0, buffer_size=so_size)
    return enc


def floats(data: bytes) -> np.ndarray:
    return np.frombuffer(data, np.float32).reshape(-1, 4)


def test_capture_holds_the_vertices(renderer):
    enc = scene(renderer)
    enc.set_streamout_targets(append_bitmask=0, handles=(40,))
    draw(enc, count=3)
    enc.set_streamout_targets(append_bitmask=0, handles=())
    renderer.submit(CTX, bytes(enc))
    out = floats(read_buffer(renderer, 3, 96))
    assert (out[:3] == VERTS[:3]).all() and not out[3:].any()
    # The draw still rasterised.
    assert (read_back(renderer, 1, W, H) == np.array([0, 255, 0, 255], np.uint8)).all()


def test_draws_append_and_pause_resume_continues(renderer):
    enc = scene(renderer)
    enc.set_streamout_targets(append_bitmask=0, handles=(40,))
    draw(enc, count=3, start_=0)
    enc.set_streamout_targets(append_bitmask=0, handles=())          # pause
    draw(enc, count=3, start_=0)                                      # not captured
    # Mesa 22's virgl driver never sets append bits: the same target objects mean resume.
    enc.set_streamout_targets(append_bitmask=0, handles=(40,))        # resume
    draw(enc, count=3, start_=3)
    renderer.submit(CTX, bytes(enc))
    out = floats(read_buffer(renderer, 3, 96))
    assert (out == VERTS).all()


def test_switching_between_paused_captures_resumes_each(renderer):
    # glPauseTransformFeedback, bind another feedback object, capture, and back
    # (piglit arb_transform_feedback2 change-objects-while-paused).
    enc = scene(renderer)
    make_buffer(renderer, 4, 96, bind=VirglBind.STREAM_OUTPUT)
    enc.create_streamout_target(handle=41, res_handle=4, buffer_offset=0, buffer_size=96)
    for handle, start_ in ((40, 0), (41, 3), (40, 3), (41, 0)):
        enc.set_streamout_targets(append_bitmask=0, handles=(handle,))
        draw(enc, count=3, start_=start_)
        enc.set_streamout_targets(append_bitmask=0, handles=())
    renderer.submit(CTX, bytes(enc))
    assert (floats(read_buffer(renderer, 3, 96)) == VERTS).all()
    assert (floats(read_buffer(renderer, 4, 96)) == np.concatenate([VERTS[3:], VERTS[:3]])).all()


def test_new_target_objects_restart_at_the_start(renderer):
    # glEndTransformFeedback + glBeginTransformFeedback: Mesa makes new target
    # objects for the same buffer, so capture starts over.
    enc = scene(renderer)
    enc.set_streamout_targets(append_bitmask=0, handles=(40,))
    draw(enc, count=3, start_=0)
    enc.create_streamout_target(handle=42, res_handle=3, buffer_offset=0, buffer_size=96)
    enc.set_streamout_targets(append_bitmask=0, handles=(42,))
    draw(enc, count=3, start_=3)
    renderer.submit(CTX, bytes(enc))
    out = floats(read_buffer(renderer, 3, 96))
    assert (out[:3] == VERTS[3:]).all() and not out[3:].any()


def test_target_offset_is_where_capture_starts(renderer):
    make_target(renderer, 1, W, H)
    enc = start(10, 1)
    colour_pipeline(enc, renderer, 2, W, H, vertices=VERTS, **SO)
    make_buffer(renderer, 3, 96, bind=VirglBind.STREAM_OUTPUT)
    enc.create_streamout_target(handle=40, res_handle=3, buffer_offset=32, buffer_size=48)
    enc.set_streamout_targets(append_bitmask=0, handles=(40,))
    draw(enc, count=6)             # only the first triangle fits in 48 bytes
    renderer.submit(CTX, bytes(enc))
    out = read_buffer(renderer, 3, 96)
    assert out[:32] == bytes(32) and out[80:] == bytes(16)
    assert (floats(out[32:80]) == VERTS[:3]).all()


@pytest.mark.parametrize("counter", [QueryType.PRIMITIVES_EMITTED, QueryType.SO_STATISTICS])
def test_streamout_queries(renderer, counter):
    """One of two triangles fits the target: one written, two needed, and the stream overflowed.

    (PRIMITIVES_EMITTED and SO_STATISTICS share a GL query target, so they run one at a time.)"""
    enc = scene(renderer, so_size=48)
    make_buffer(renderer, 4, 32, bind=VirglBind.QUERY_BUFFER)
    mem = make_buffer(renderer, 5, 32, bind=VirglBind.CUSTOM, backing=True)
    enc.create_query(handle=50, query_type=counter, index=0, offset=0, res_handle=5)
    enc.create_query(handle=52, query_type=QueryType.SO_OVERFLOW_PREDICATE, index=0, offset=16, res_handle=5)
    enc.set_streamout_targets(append_bitmask=0, handles=(40,))
    for h in (50, 52):
        enc.begin_query(handle=h)
    draw(enc, count=6)
    for h in (50, 52):
        enc.end_query(handle=h)
        enc.get_query_result(handle=h, wait=False)
    if counter == QueryType.SO_STATISTICS:
        for i in (0, 1):
            enc.get_query_result_qbo(handle=50, qbo_handle=4, wait=True, result_type=QueryValueType.U64,
                                     offset=8 * i, index=i)
    renderer.submit(CTX, bytes(enc))
    renderer.busy(wait=True)
    assert struct.unpack_from("<IIQ", mem, 0) == (1, 4, 1)     # one primitive written
    assert struct.unpack_from("<IIQ", mem, 16) == (1, 4, 1)    # it overflowed
    if counter == QueryType.SO_STATISTICS:
        assert struct.unpack("<2Q", read_buffer(renderer, 4, 16)) == (1, 2)   # written, storage needed


def test_draw_from_a_capture(renderer):
    """count_from_so: the vertex count comes from what an earlier capture wrote."""
    enc = scene(renderer, so_size=96)
    enc.set_streamout_targets(append_bitmask=0, handles=(40,))
    draw(enc, count=3, start_=0)
    enc.set_streamout_targets(append_bitmask=0, handles=())
    renderer.submit(CTX, bytes(enc))
    # Clear the picture, then draw from the captured buffer in red.
    enc2 = start(10, 1)
    from pyvirgl.protocol.virgl import ClearFlags
    enc2.clear(buffers=ClearFlags.COLOR0, color=(0, 0, 0, 0), depth=1.0, stencil=0)
    enc2.set_vertex_buffers(buffers=(VertexBufferBinding(16, 0, 3),))
    enc2.set_constant_buffer(shader_type=1, index=0, data=struct.pack("<4f", 1.0, 0.0, 0.0, 1.0))
    draw(enc2, count=0, count_from_so=96)
    renderer.submit(CTX, bytes(enc2))
    assert (read_back(renderer, 1, W, H) == np.array([0, 0, 255, 255], np.uint8)).all()


@pytest.mark.parametrize("build,reason", [
    (lambda e: e.create_streamout_target(handle=40, res_handle=3, buffer_offset=2, buffer_size=16),
     "not a multiple of 4"),
    (lambda e: e.create_streamout_target(handle=40, res_handle=3, buffer_offset=64, buffer_size=64),
     "overruns buffer 3"),
    (lambda e: e.create_streamout_target(handle=40, res_handle=9, buffer_offset=0, buffer_size=16),
     "no resource 9"),
    (lambda e: e.set_streamout_targets(append_bitmask=0, handles=(41,)), "no streamout_target object 41"),
])
def test_guest_mistakes_are_refused(renderer, build, reason):
    make_buffer(renderer, 3, 96, bind=VirglBind.STREAM_OUTPUT)
    enc = start()
    build(enc)
    with pytest.raises(GuestError, match=reason):
        renderer.submit(CTX, bytes(enc))


def test_two_buffers_each_get_their_components(renderer):
    """OUT[0].xy to buffer 0 and OUT[0].zw to buffer 1 (interleaved buffers, gl_NextBuffer)."""
    make_target(renderer, 1, W, H)
    enc = start(10, 1)
    so = dict(so_strides=(2, 2, 0, 0),
              so_outputs=(StreamOutput(0, 0, 2, 0, 0, 0), StreamOutput(0, 2, 2, 1, 0, 0)))
    colour_pipeline(enc, renderer, 2, W, H, vertices=VERTS, **so)
    for h in (3, 4):
        make_buffer(renderer, h, 24, bind=VirglBind.STREAM_OUTPUT)
    enc.create_streamout_target(handle=40, res_handle=3, buffer_offset=0, buffer_size=24)
    enc.create_streamout_target(handle=41, res_handle=4, buffer_offset=0, buffer_size=24)
    enc.set_streamout_targets(append_bitmask=0, handles=(40, 41))
    draw(enc, count=3)
    renderer.submit(CTX, bytes(enc))
    xy = np.frombuffer(read_buffer(renderer, 3, 24), np.float32).reshape(3, 2)
    zw = np.frombuffer(read_buffer(renderer, 4, 24), np.float32).reshape(3, 2)
    assert (xy == VERTS[:3, :2]).all() and (zw == VERTS[:3, 2:]).all()


def test_components_past_the_last_output_are_skipped_to_the_stride(renderer):
    """One float per vertex with a 2-dword stride (glTransformFeedbackVaryings "x", gl_SkipComponents1)."""
    make_target(renderer, 1, W, H)
    enc = start(10, 1)
    so = dict(so_strides=(2, 0, 0, 0), so_outputs=(StreamOutput(0, 0, 1, 0, 0, 0),))
    colour_pipeline(enc, renderer, 2, W, H, vertices=VERTS, **so)
    make_buffer(renderer, 3, 24, bind=VirglBind.STREAM_OUTPUT, data=b"\xff" * 24)
    enc.create_streamout_target(handle=40, res_handle=3, buffer_offset=0, buffer_size=24)
    enc.set_streamout_targets(append_bitmask=0, handles=(40,))
    draw(enc, count=3)
    renderer.submit(CTX, bytes(enc))
    out = np.frombuffer(read_buffer(renderer, 3, 24), np.float32).reshape(3, 2)
    assert (out[:, 0] == VERTS[:3, 0]).all()
    assert (np.frombuffer(read_buffer(renderer, 3, 24), np.uint32).reshape(3, 2)[:, 1] == 0xFFFFFFFF).all()


def test_a_buffer_without_outputs_is_skipped_whole(renderer):
    """Outputs to buffers 0 and 2 only: buffer 2 still gets its components (two gl_NextBuffer)."""
    make_target(renderer, 1, W, H)
    enc = start(10, 1)
    so = dict(so_strides=(2, 0, 2, 0),
              so_outputs=(StreamOutput(0, 0, 2, 0, 0, 0), StreamOutput(0, 2, 2, 2, 0, 0)))
    colour_pipeline(enc, renderer, 2, W, H, vertices=VERTS, **so)
    for h in (3, 4, 5):
        make_buffer(renderer, h, 24, bind=VirglBind.STREAM_OUTPUT)
    for i, h in enumerate((3, 4, 5)):
        enc.create_streamout_target(handle=40 + i, res_handle=h, buffer_offset=0, buffer_size=24)
    enc.set_streamout_targets(append_bitmask=0, handles=(40, 41, 42))
    draw(enc, count=3)
    renderer.submit(CTX, bytes(enc))
    zw = np.frombuffer(read_buffer(renderer, 5, 24), np.float32).reshape(3, 2)
    assert (zw == VERTS[:3, 2:]).all() and not any(read_buffer(renderer, 4, 24))


@pytest.mark.parametrize("unbind_first", [False, True])
def test_unref_of_a_buffer_still_capturing_ends_the_capture_first(renderer, unbind_first):
    # Mesa unrefs a stream-output buffer whenever its last guest reference goes,
    # even while the (paused) capture still holds it; GL refuses to delete a
    # buffer of an active transform feedback object, so the capture ends first.
    enc = scene(renderer)
    enc.set_streamout_targets(append_bitmask=0, handles=(40,))
    draw(enc, count=3)
    if unbind_first:
        enc.set_streamout_targets(append_bitmask=0, handles=())
    renderer.submit(CTX, bytes(enc))
    renderer.unref_resource(CTX, 3)
    # The context goes on: a new buffer under a new handle captures again.
    make_buffer(renderer, 4, 96, bind=VirglBind.STREAM_OUTPUT)
    enc = CommandEncoder()
    enc.create_streamout_target(handle=41, res_handle=4, buffer_offset=0, buffer_size=96)
    enc.set_streamout_targets(append_bitmask=0, handles=(41,))
    draw(enc, count=3)
    enc.set_streamout_targets(append_bitmask=0, handles=())
    renderer.submit(CTX, bytes(enc))
    assert renderer.contexts[CTX].failed is None
    assert (floats(read_buffer(renderer, 4, 96))[:3] == VERTS[:3]).all()


def test_a_new_capturing_program_links_while_a_capture_is_paused(renderer):
    # GL refuses glTransformFeedbackVaryings while the bound feedback object
    # is active, even paused; linking the second program must not see it.
    enc = scene(renderer)
    enc.set_streamout_targets(append_bitmask=0, handles=(40,))
    draw(enc, count=3)
    from renderer_gl_helpers import VS
    enc.create_shader(handle=990, stage=0, text=VS, so_strides=(2, 0, 0, 0),
                      so_outputs=(StreamOutput(0, 0, 2, 0, 0, 0),))
    enc.bind_shader(handle=990, shader_type=0)
    draw(enc, count=3, start_=3)      # capture restarts: GL resumes only the same program
    enc.set_streamout_targets(append_bitmask=0, handles=())
    renderer.submit(CTX, bytes(enc))
    assert renderer.contexts[CTX].failed is None
    # The restarted capture holds the second triangle's x, y pairs.
    out = np.frombuffer(read_buffer(renderer, 3, 24), np.float32).reshape(3, 2)
    assert (out == VERTS[3:, :2]).all()
