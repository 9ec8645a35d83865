"""Draws redo only what changed since the last draw, and nothing stale survives.

A draw skips the GL setup its sub-context's `dirty` flags do not name, as
long as nothing else touched GL since its last draw. These tests change one
piece of state between draws *in one command stream* (where that skipping
happens) and check the result pixel-exact; and put GL-touching commands
(clears, other sub-contexts, resource changes) between draws whose state did
not change.
"""
from __future__ import annotations

import struct

import numpy as np
import pytest

from pyvirgl.decode import Scissor, VertexBufferBinding, Viewport
from pyvirgl.errors import GuestError
from pyvirgl.protocol.virgl import ObjectType, VirglBind

from renderer_gl_helpers import CTX, colour_pipeline, draw, make_buffer, make_target, read_back, start
from test_gl_draw_caches import BLUE, GREEN, H, LEFT, PX, RED, RIGHT, W, halves, rasterizer

pytestmark = pytest.mark.gl

FULL = np.array([[-1, -1, 0, 1], [1, -1, 0, 1], [-1, 1, 0, 1], [1, -1, 0, 1], [1, 1, 0, 1], [-1, 1, 0, 1]],
                np.float32)


def submit(r, enc, handle: int = 1) -> np.ndarray:
    r.submit(CTX, bytes(enc))
    assert not r.busy(wait=True)
    return read_back(r, handle, W, H)


def setup(r, **kw):
    make_target(r, 1, W, H)
    enc = start(10, 1)
    colour_pipeline(enc, r, 2, W, H, **kw)
    # A bound rasterizer: with none, GL keeps whatever an earlier test left (scissor...).
    enc.add(rasterizer(61))
    enc.bind_object(ObjectType.RASTERIZER, 61)
    return enc


def scissored(enc):
    enc.add(rasterizer(60, scissor=1))
    enc.bind_object(ObjectType.RASTERIZER, 60)


def clear_colour(enc, colour):
    enc.clear(buffers=4, color=struct.unpack("<4I", struct.pack("<4f", *colour)), depth=1.0, stencil=0)


def test_a_scissor_change_alone_reaches_the_next_draw(renderer):
    enc = setup(renderer, colour=RED, vertices=FULL)
    scissored(enc)
    enc.set_scissor_state(start_slot=0, scissors=(Scissor(0, 0, W // 2, H),))
    draw(enc, count=6)
    enc.set_scissor_state(start_slot=0, scissors=(Scissor(W // 2, 0, W, H),))
    draw(enc, count=6)
    assert halves(submit(renderer, enc)) == (RED, RED)


def test_a_viewport_change_alone_reaches_the_next_draw(renderer):
    enc = setup(renderer, colour=GREEN, vertices=FULL)
    enc.set_viewport_state(start_slot=0, viewports=(Viewport((W / 4, H / 2, 0.5), (W / 4, H / 2, 0.5)),))
    draw(enc, count=6)                                     # left half
    assert halves(submit(renderer, enc)) == (GREEN, None)
    enc = start()
    draw(enc, count=6)                                     # unchanged: left half again
    enc.set_viewport_state(start_slot=0, viewports=(Viewport((W / 4, H / 2, 0.5), (3 * W / 4, H / 2, 0.5)),))
    draw(enc, count=6)                                     # right half
    assert halves(submit(renderer, enc)) == (GREEN, GREEN)


def test_a_vertex_buffer_change_alone_reaches_the_next_draw(renderer):
    enc = setup(renderer, colour=BLUE, vertices=LEFT)
    make_buffer(renderer, 3, RIGHT.nbytes, data=RIGHT.tobytes())
    draw(enc, count=6)
    enc.set_vertex_buffers(buffers=(VertexBufferBinding(16, 0, 3),))
    draw(enc, count=6)
    assert halves(submit(renderer, enc)) == (BLUE, BLUE)


def test_a_framebuffer_change_between_draws_draws_into_the_new_one(renderer):
    enc = setup(renderer, colour=RED, vertices=FULL)
    make_target(renderer, 4, W, H)
    enc.create_surface(handle=11, res_handle=4, format=1, val0=0, val1=0)
    draw(enc, count=6)
    enc.set_framebuffer_state(zsurf_handle=0, cbuf_handles=(11,))
    enc.set_constant_buffer(shader_type=1, index=0, data=struct.pack("<4f", *GREEN))
    draw(enc, count=6)
    assert halves(submit(renderer, enc, 1)) == (RED, RED)
    assert halves(read_back(renderer, 4, W, H)) == (GREEN, GREEN)


def test_a_clear_between_unchanged_draws_does_not_leave_its_state_behind(renderer):
    # A clear turns the scissor test off; the next draw, with nothing changed, must turn it back on.
    enc = setup(renderer, colour=RED, vertices=FULL)
    scissored(enc)
    enc.set_scissor_state(start_slot=0, scissors=(Scissor(0, 0, W // 2, H),))
    draw(enc, count=6)
    clear_colour(enc, BLUE)
    draw(enc, count=6)
    assert halves(submit(renderer, enc)) == (RED, BLUE)


def test_another_sub_context_between_unchanged_draws(renderer):
    enc = setup(renderer, colour=RED, vertices=LEFT)
    draw(enc, count=6)
    # Sub-context 2 draws the right half green with its own pipeline, then back to 1.
    make_buffer(renderer, 3, RIGHT.nbytes, data=RIGHT.tobytes())
    enc.create_sub_ctx(sub_ctx_id=2).set_sub_ctx(sub_ctx_id=2)
    enc.create_surface(handle=10, res_handle=1, format=1, val0=0, val1=0)
    enc.set_framebuffer_state(zsurf_handle=0, cbuf_handles=(10,))
    colour_pipeline(enc, renderer, 5, W, H, colour=GREEN, vertices=RIGHT, base_handle=800)
    enc.set_vertex_buffers(buffers=(VertexBufferBinding(16, 0, 3),))
    draw(enc, count=6)
    enc.set_sub_ctx(sub_ctx_id=1)
    clear_colour(enc, (0.0, 0.0, 0.0, 0.0))
    draw(enc, count=6)                                     # sub-context 1's state, unchanged
    assert halves(submit(renderer, enc)) == (RED, None)


def test_a_vertex_buffer_unreferenced_between_submits_is_refused(renderer):
    enc = setup(renderer, colour=RED, vertices=LEFT)
    draw(enc, count=6)
    assert halves(submit(renderer, enc)) == (RED, None)
    renderer.unref_resource(CTX, 2)
    enc = start()
    draw(enc, count=6)
    with pytest.raises(GuestError, match="no resource 2"):
        renderer.submit(CTX, bytes(enc))


def test_a_bad_stride_is_refused_at_the_draw(renderer):
    enc = setup(renderer, colour=RED, vertices=LEFT)
    draw(enc, count=6)
    enc.set_vertex_buffers(buffers=(VertexBufferBinding(1 << 20, 0, 2),))
    draw(enc, count=6)
    with pytest.raises(GuestError, match="stride"):
        renderer.submit(CTX, bytes(enc))


def test_many_unchanged_draws_in_one_stream_all_land(renderer):
    # Every draw counts: blending adds each one's colour.
    enc = setup(renderer, colour=(0.0, 0.0, 1.0 / 16, 0.0), vertices=FULL)
    enc.create_blend(handle=70, independent_blend_enable=0, logicop_enable=0, dither=0,
                     alpha_to_coverage=0, alpha_to_one=0, logicop_func=0,
                     rt=tuple(_additive() for _ in range(8)))
    enc.bind_object(ObjectType.BLEND, 70)
    for _ in range(8):
        draw(enc, count=6)
    px = submit(renderer, enc)
    assert (px[..., 0] == 128).all(), px[..., 0]


def _additive(**kw):
    from pyvirgl.decode import BlendTarget

    # ONE + ONE on every channel, all channels written.
    fields = dict(blend_enable=1, rgb_func=0, rgb_src_factor=1, rgb_dst_factor=1,
                  alpha_func=0, alpha_src_factor=1, alpha_dst_factor=1, colormask=0xF)
    fields.update(kw)
    return BlendTarget(**fields)


# -- runs of unchanged draws go out as one multi-draw ------------------------------------------

def _blend_add(enc):
    enc.create_blend(handle=70, independent_blend_enable=0, logicop_enable=0, dither=0,
                     alpha_to_coverage=0, alpha_to_one=0, logicop_func=0,
                     rt=tuple(_additive() for _ in range(8)))
    enc.bind_object(ObjectType.BLEND, 70)


def test_unchanged_indexed_draws_with_their_own_offsets_and_base_vertices(renderer, backend):
    # Vertices: LEFT then RIGHT. Indices 0..5 twice; base vertex 6 moves a draw to the right half.
    both = np.concatenate([LEFT, RIGHT])
    enc = setup(renderer, colour=(0.0, 0.0, 1.0 / 16, 0.0), vertices=both)
    _blend_add(enc)
    make_buffer(renderer, 5, 48, bind=VirglBind.INDEX_BUFFER, data=struct.pack("<12I", *range(6), *range(6)))
    enc.set_index_buffer(index_size=4, offset=0, res_handle=5)
    draw(enc, count=6, indexed=True, max_index=11)                   # left, 1
    for offset, bias in ((24, 0), (0, 6), (24, 6), (0, 6), (0, 0)):  # left 2, right 1..3, left 3
        enc.set_index_buffer(index_size=4, offset=offset, res_handle=5)
        draw(enc, count=6, indexed=True, max_index=11, index_bias=bias)
    px = submit(renderer, enc)
    assert (px[:, : W // 2, 0] == 48).all() and (px[:, W // 2:, 0] == 48).all(), px[..., 0]


def test_a_state_change_between_batched_draws_takes_effect(renderer):
    enc = setup(renderer, colour=RED, vertices=LEFT)
    make_buffer(renderer, 3, RIGHT.nbytes, data=RIGHT.tobytes())
    for _ in range(3):
        draw(enc, count=6)
    enc.set_constant_buffer(shader_type=1, index=0, data=struct.pack("<4f", *GREEN))
    enc.set_vertex_buffers(buffers=(VertexBufferBinding(16, 0, 3),))
    for _ in range(3):
        draw(enc, count=6)
    assert halves(submit(renderer, enc)) == (RED, GREEN)


def test_a_new_index_buffer_or_restart_setting_between_draws(renderer):
    both = np.concatenate([LEFT, RIGHT])
    enc = setup(renderer, colour=RED, vertices=both)
    make_buffer(renderer, 5, 28, bind=VirglBind.INDEX_BUFFER, data=struct.pack("<7I", *range(6), 0))
    make_buffer(renderer, 6, 28, bind=VirglBind.INDEX_BUFFER,
                data=struct.pack("<7I", 6, 7, 8, 0xFFFF, 9, 10, 11))
    enc.set_index_buffer(index_size=4, offset=0, res_handle=5)
    draw(enc, count=6, indexed=True, max_index=11)
    draw(enc, count=6, indexed=True, max_index=11)
    enc.set_index_buffer(index_size=4, offset=0, res_handle=6)
    # With restart at 0xFFFF the 7 indices are two triangles (the right half);
    # without it, (0xFFFF, 9, 10) would be a broken triangle and 11 is left over.
    draw(enc, count=7, indexed=True, max_index=0xFFFF, primitive_restart=True, restart_index=0xFFFF)
    enc.set_constant_buffer(shader_type=1, index=0, data=struct.pack("<4f", *GREEN))
    enc.set_index_buffer(index_size=4, offset=0, res_handle=5)
    draw(enc, count=3, indexed=True, max_index=11)                   # lower-left triangle only
    draw(enc, count=6, indexed=True, max_index=11, primitive_restart=True, restart_index=2)
    px = submit(renderer, enc)
    assert halves(px) == (halves(px)[0], RED)
    assert (px[:, : W // 2] == PX[GREEN]).any() and (px[:, : W // 2] == PX[RED]).any()


def test_batched_draws_run_before_a_later_clear_and_buffer_write(renderer):
    enc = setup(renderer, colour=RED, vertices=LEFT)
    for _ in range(3):
        draw(enc, count=6)
    clear_colour(enc, BLUE)                                          # after the draws: all blue
    for _ in range(3):
        draw(enc, count=6)                                           # left red again
    # The vertex buffer rewritten in the stream: the draws after it use the new contents.
    enc.resource_inline_write(res_handle=2, level=0, usage=0, stride=0, layer_stride=0,
                              x=0, y=0, z=0, width=RIGHT.nbytes, height=1, depth=1, data=RIGHT.tobytes())
    enc.set_constant_buffer(shader_type=1, index=0, data=struct.pack("<4f", *GREEN))
    draw(enc, count=6)
    draw(enc, count=6)
    assert halves(submit(renderer, enc)) == (RED, GREEN)


def test_blend_objects_switched_between_draws_apply_their_differences(renderer):
    enc = setup(renderer, colour=(0.0, 0.0, 1.0 / 16, 0.0), vertices=FULL)
    _blend_add(enc)                                          # handle 70: additive
    enc.create_blend(handle=71, independent_blend_enable=0, logicop_enable=0, dither=0,
                     alpha_to_coverage=0, alpha_to_one=0, logicop_func=0,
                     rt=tuple(_additive(blend_enable=0) for _ in range(8)))
    enc.create_blend(handle=72, independent_blend_enable=0, logicop_enable=0, dither=0,
                     alpha_to_coverage=0, alpha_to_one=0, logicop_func=0,
                     rt=tuple(_additive(colormask=0b1011) for _ in range(8)))   # no blue
    draw(enc, count=6)
    draw(enc, count=6)                                       # 32
    enc.bind_object(ObjectType.BLEND, 71)
    draw(enc, count=6)                                       # replaced: 16
    enc.bind_object(ObjectType.BLEND, 70)
    draw(enc, count=6)                                       # 32
    enc.bind_object(ObjectType.BLEND, 72)
    draw(enc, count=6)                                       # blue channel masked off: 32
    px = submit(renderer, enc)
    assert (px[..., 0] == 32).all(), px[..., 0]


# -- GL errors are read per stream, not per draw --------------------------------------------

def test_draws_to_an_incomplete_framebuffer_are_skipped_and_later_work_is_not(renderer):
    from pyvirgl.protocol.formats import VirglFormat
    from pyvirgl.protocol.types import ResourceTemplate
    from pyvirgl.protocol.virgl import TextureTarget

    enc = setup(renderer, colour=RED, vertices=FULL)
    # A one-sample colour buffer with a four-sample depth buffer: GL calls that incomplete.
    renderer.create_resource(CTX, ResourceTemplate(7, TextureTarget.TEXTURE_2D, VirglFormat.Z24_UNORM_S8_UINT,
                                                   VirglBind.DEPTH_STENCIL, W, H, 1, 1, 0, 4))
    enc.create_surface(handle=12, res_handle=7, format=VirglFormat.Z24_UNORM_S8_UINT, val0=0, val1=0)
    enc.set_framebuffer_state(zsurf_handle=12, cbuf_handles=(10,))
    draw(enc, count=6)
    draw(enc, count=6)
    enc.set_framebuffer_state(zsurf_handle=0, cbuf_handles=(10,))
    clear_colour(enc, BLUE)                     # must not be taken for the draws' error
    enc.set_vertex_buffers(buffers=(VertexBufferBinding(16, 0, 2),))
    make_buffer(renderer, 3, LEFT.nbytes, data=LEFT.tobytes())
    enc.set_vertex_buffers(buffers=(VertexBufferBinding(16, 0, 3),))
    draw(enc, count=6)                           # complete again: the left half
    assert halves(submit(renderer, enc)) == (RED, BLUE)
    skipped = renderer.contexts[CTX].state.unimplemented
    assert any("framebuffer incomplete" in k for k in skipped), skipped


def test_a_run_of_draws_with_other_modes_instances_and_negative_base_vertex(renderer):
    # Vertices: RIGHT then LEFT; indices 6..11 with base vertex -6 draw the RIGHT rectangle.
    both = np.concatenate([RIGHT, LEFT])
    enc = setup(renderer, colour=(0.0, 0.0, 1.0 / 16, 0.0), vertices=both)
    _blend_add(enc)
    make_buffer(renderer, 5, 24, bind=VirglBind.INDEX_BUFFER, data=struct.pack("<6I", *range(6, 12)))
    enc.set_index_buffer(index_size=4, offset=0, res_handle=5)
    draw(enc, count=6, indexed=True, max_index=11)                     # left (vertices 6..11), 1
    draw(enc, count=6, indexed=True, max_index=11, index_bias=-6)      # right, 1
    draw(enc, count=6, indexed=True, max_index=11, index_bias=-6)      # right, 2
    draw(enc, count=6, start_=6)                                       # left, 2 (not indexed)
    draw(enc, count=6, start_=6, instance_count=2)                     # left, 3 and 4
    draw(enc, count=6, start_=0, mode=5)                               # strip of RIGHT's first 6: partial
    draw(enc, count=6, start_=0)                                       # right, 3
    px = submit(renderer, enc)
    assert (px[:, : W // 2, 0] == 64).all(), px[..., 0]
    assert (px[:, W // 2:, 0] >= 48).all(), px[..., 0]


@pytest.mark.parametrize("bad, match", [
    (dict(mode=15), "mode = 15"),
    (dict(count=1 << 27), "per-draw limit"),
    (dict(mode=7), "primitive type 7"),
])
def test_a_bad_draw_inside_a_run_is_still_refused(renderer, bad, match):
    enc = setup(renderer, colour=RED, vertices=FULL)
    draw(enc, count=6)
    draw(enc, count=6)
    draw(enc, **{"count": 6, **bad})
    with pytest.raises(GuestError, match=match):
        renderer.submit(CTX, bytes(enc))


def test_programs_switched_between_draws_keep_the_vertex_and_constant_state(renderer):
    from renderer_gl_helpers import FS

    blue_fs = FS.replace("DCL CONST[0][0]\n", "DCL CONST[0][0]\nIMM[0] FLT32 { 0.0, 0.0, 1.0, 1.0 }\n") \
        .replace("MOV OUT[0], CONST[0][0]", "MOV OUT[0], IMM[0]")
    enc = setup(renderer, colour=GREEN, vertices=LEFT)
    make_buffer(renderer, 3, RIGHT.nbytes, data=RIGHT.tobytes())
    enc.create_shader(handle=950, stage=1, text=blue_fs)
    enc.bind_shader(handle=950, shader_type=1)
    draw(enc, count=6)                                   # left blue
    enc.bind_shader(handle=901, shader_type=1)
    enc.set_vertex_buffers(buffers=(VertexBufferBinding(16, 0, 3),))
    draw(enc, count=6)                                   # right green (constants of the first setup)
    assert halves(submit(renderer, enc)) == (BLUE, GREEN)


def test_restart_switched_within_a_run_draws_as_separate_draws_would(renderer):
    # Vertices: LEFT plus one more off to the upper right; index 6 is that vertex,
    # or with restart at 6 a break between two triangles.
    verts = np.concatenate([LEFT, np.array([[0.75, 0.9, 0, 1]], np.float32)])
    sequence = [True, False, True, True, False]

    def render(batched: bool) -> np.ndarray:
        enc = setup(renderer, colour=(0.0, 0.0, 1.0 / 16, 0.0), vertices=verts)
        _blend_add(enc)
        clear_colour(enc, (0.0, 0.0, 0.0, 0.0))
        make_buffer(renderer, 5, 28, bind=VirglBind.INDEX_BUFFER, data=struct.pack("<7I", 0, 1, 2, 6, 3, 4, 5))
        enc.set_index_buffer(index_size=4, offset=0, res_handle=5)
        for on in sequence:
            draw(enc, count=7, indexed=True, max_index=6, primitive_restart=on, restart_index=6)
            if not batched:
                renderer.submit(CTX, bytes(enc))
                enc = start()
        px = submit(renderer, enc)
        for handle in (5, 2, 1):
            renderer.unref_resource(CTX, handle)
        return px

    assert (render(batched=True) == render(batched=False)).all()


def test_long_runs_of_draws_are_queued_whole_and_stop_where_a_draw_differs(renderer):
    # Runs of SET_INDEX_BUFFER + DRAW_VBO pairs (and of plain DRAW_VBOs) are
    # checked and queued as arrays; every draw must still land once, with its
    # own offset and restart setting, and a different draw must end the run.
    both = np.concatenate([LEFT, RIGHT])
    enc = setup(renderer, colour=(0.0, 0.0, 1.0 / 64, 0.0), vertices=both)
    _blend_add(enc)
    make_buffer(renderer, 5, 48, bind=VirglBind.INDEX_BUFFER, data=struct.pack("<12I", *range(12)))
    counts = {"left": 0, "right": 0}

    def pair(offset, **kw):
        enc.set_index_buffer(index_size=4, offset=offset, res_handle=5)
        draw(enc, count=6, indexed=True, max_index=11, **kw)
        counts["left" if offset == 0 else "right"] += kw.get("instance_count", 1)

    pair(0)                                                     # sets up; the run starts after it
    for i in range(10):
        pair(0 if i % 3 else 24, primitive_restart=(i % 4 == 0), restart_index=0xFFFF)
    pair(0, instance_count=2)                                   # not batchable: ends the run
    for i in range(6):
        pair(24 if i % 2 else 0)
    for _ in range(5):                                          # a run of draws without offsets
        draw(enc, count=6, indexed=True, max_index=11)
        counts["right"] += 1                                    # the last offset set was 24
    px = submit(renderer, enc)
    assert (px[:, : W // 2, 0] == 4 * counts["left"]).all(), (counts, px[..., 0])
    assert (px[:, W // 2:, 0] == 4 * counts["right"]).all(), (counts, px[..., 0])


def test_a_long_run_of_array_draws_with_another_mode_in_it(renderer):
    enc = setup(renderer, colour=(0.0, 0.0, 1.0 / 64, 0.0), vertices=np.concatenate([LEFT, RIGHT]))
    _blend_add(enc)
    for _ in range(6):
        draw(enc, count=6)                                      # left
    # A fan of RIGHT's first four vertices covers its first triangle twice
    # (as a triangle list those vertices would cover it once): another mode ends the run.
    draw(enc, count=4, start_=6, mode=6)
    for _ in range(7):
        draw(enc, count=6, start_=6)                            # right
    px = submit(renderer, enc)
    assert (px[:, : W // 2, 0] == 24).all(), px[..., 0]
    right = px[:, W // 2:, 0]
    assert set(np.unique(right).tolist()) == {28, 36}, px[..., 0]


def test_blend_objects_with_and_without_independent_targets_alternating(renderer):
    # A blend object for all draw buffers sets GL's non-indexed state; an
    # independent one sets each buffer's. Switching between them in one stream
    # must not leave either thinking the other's setting is still in place.
    enc = setup(renderer, colour=(0.0, 0.0, 1.0 / 16, 0.0), vertices=FULL)
    _blend_add(enc)                                                        # 70: additive, all buffers
    enc.create_blend(handle=73, independent_blend_enable=1, logicop_enable=0, dither=0,
                     alpha_to_coverage=0, alpha_to_one=0, logicop_func=0,
                     rt=(_additive(blend_enable=0),) + tuple(_additive() for _ in range(7)))
    draw(enc, count=6)                                       # 16
    enc.bind_object(ObjectType.BLEND, 73)
    draw(enc, count=6)                                       # buffer 0 not blended: replaced, 16
    enc.bind_object(ObjectType.BLEND, 70)
    draw(enc, count=6)                                       # blended again: 32
    px = submit(renderer, enc)
    assert (px[..., 0] == 32).all(), px[..., 0]


def test_rasterizers_differing_in_several_settings_alternating(renderer):
    # Switching objects applies only where their settings differ: every one of them.
    enc = setup(renderer, colour=RED, vertices=FULL)
    enc.add(rasterizer(80, cull_face=3))                   # everything culled, no scissor
    enc.add(rasterizer(81, scissor=1))                     # nothing culled, scissored
    enc.set_scissor_state(start_slot=0, scissors=(Scissor(0, 0, W // 2, H),))
    for _ in range(2):
        enc.bind_object(ObjectType.RASTERIZER, 80)
        draw(enc, count=6)                                 # culled
        enc.bind_object(ObjectType.RASTERIZER, 81)
        enc.set_constant_buffer(shader_type=1, index=0, data=struct.pack("<4f", *GREEN))
        draw(enc, count=6)                                 # left only
    assert halves(submit(renderer, enc)) == (GREEN, None)


def test_a_run_of_index_buffer_and_draw_pairs_is_queued_in_one_step(renderer, backend, monkeypatch):
    """Mesa's SET_INDEX_BUFFER + DRAW_VBO per draw: after the first draws, the rest join the queue as one run.

    Identical pairs too: their SET_INDEX_BUFFER must not be taken for a repeated
    state setter and skipped alone, which leaves the draws to join one by one."""
    both = np.concatenate([LEFT, RIGHT])
    enc = setup(renderer, colour=(0.0, 0.0, 1.0 / 64, 0.0), vertices=both)
    _blend_add(enc)
    make_buffer(renderer, 5, 48, bind=VirglBind.INDEX_BUFFER, data=struct.pack("<12I", *range(12)))
    for i in range(42):
        enc.set_index_buffer(index_size=4, offset=24 * (i // 21), res_handle=5)
        draw(enc, count=6, indexed=True, max_index=11)
    drawing = backend.drawing
    joined = []
    real = drawing.join_run

    def join_run(sub, arr, pos, n):
        after = real(sub, arr, pos, n)
        joined.append((after - pos) // 17)   # pairs of 4 + 13 words
        return after

    monkeypatch.setattr(drawing, "join_run", join_run)
    px = submit(renderer, enc)
    assert sum(n for n in joined if n >= 4) >= 38, joined   # all but a few, in runs
    assert (px[:, : W // 2, 0] == 4 * 21).all() and (px[:, W // 2:, 0] == 4 * 21).all(), px[..., 0]
