"""The draw path's caches never serve stale state.

DRAW_VBO remembers what it set last (the linked program per bound objects,
each VAO slot, the element buffer, uploaded constants, rasterizer settings
applied by difference). Each test changes one piece of state between draws
-- or replaces an object under the same handle -- and checks, pixel-exact,
that the next draw uses the new state.
"""
from __future__ import annotations

import dataclasses
import struct

import numpy as np
import pytest

from pyvirgl.decode import VertexBufferBinding, VertexElement
from pyvirgl.decode import commands as C
from pyvirgl.protocol.formats import VirglFormat
from pyvirgl.protocol.virgl import ObjectType, VirglBind

from renderer_gl_helpers import (
    BIG_TRIANGLE, CTX, FS, colour_pipeline, draw, make_buffer, make_target, read_back, start, write_buffer,
)

pytestmark = pytest.mark.gl

W, H = 8, 4
GREEN, RED, BLUE = (0.0, 1.0, 0.0, 1.0), (1.0, 0.0, 0.0, 1.0), (0.0, 0.0, 1.0, 1.0)
# B8G8R8A8 in memory.
PX = {GREEN: [0, 255, 0, 255], RED: [0, 0, 255, 255], BLUE: [255, 0, 0, 255], None: [0, 0, 0, 0]}
# Clip-space rectangles (two triangles each) over the left or right half.
LEFT = np.array([[-1, -1, 0, 1], [0, -1, 0, 1], [-1, 1, 0, 1], [0, -1, 0, 1], [0, 1, 0, 1], [-1, 1, 0, 1]], np.float32)
RIGHT = LEFT + np.array([1, 0, 0, 0], np.float32)


def submit(r, enc) -> np.ndarray:
    r.submit(CTX, bytes(enc))
    assert not r.busy(wait=True)
    return read_back(r, 1, W, H)


def halves(px: np.ndarray):
    """The single colour of the left half and of the right half (asserting each is uniform)."""
    out = []
    for part in (px[:, : W // 2], px[:, W // 2:]):
        first = part[0, 0]
        assert (part == first).all(), part
        out.append(next((k for k, v in PX.items() if list(first) == v), tuple(first)))
    return tuple(out)


def setup(r, **kw):
    make_target(r, 1, W, H)
    enc = start(10, 1)
    colour_pipeline(enc, r, 2, W, H, **kw)
    return enc


def consts(enc, colour):
    enc.set_constant_buffer(shader_type=1, index=0, data=struct.pack("<4f", *colour))


def rasterizer(handle: int, **fields) -> C.CreateRasterizer:
    names = [f.name for f in dataclasses.fields(C.CreateRasterizer)]
    values = dict.fromkeys(names, 0)
    values.update(handle=handle, depth_clip=1, half_pixel_center=1, bottom_edge_rule=0, front_ccw=1,
                  point_size=1.0, line_width=1.0, offset_units=0.0, offset_scale=0.0)
    values.update(fields)
    return C.CreateRasterizer(**values)


def test_new_constants_reach_the_next_draw(renderer):
    enc = setup(renderer, colour=GREEN)
    draw(enc)
    assert halves(submit(renderer, enc)) == (GREEN, GREEN)
    enc = start()
    consts(enc, RED)
    draw(enc)
    assert halves(submit(renderer, enc)) == (RED, RED)
    # The same constants sent again, then changed back: each draw uses what was set last.
    enc = start()
    consts(enc, RED)
    draw(enc)
    consts(enc, GREEN)
    draw(enc)
    assert halves(submit(renderer, enc)) == (GREEN, GREEN)


def test_constants_change_between_draws_in_one_stream(renderer):
    enc = setup(renderer, colour=GREEN, vertices=LEFT)
    draw(enc, count=6)
    make_buffer(renderer, 3, RIGHT.nbytes, data=RIGHT.tobytes())
    enc.set_vertex_buffers(buffers=(VertexBufferBinding(16, 0, 3),))
    consts(enc, BLUE)
    draw(enc, count=6)
    assert halves(submit(renderer, enc)) == (GREEN, BLUE)


def test_vertex_buffer_offset_and_contents_changes_are_seen(renderer):
    both = np.concatenate([LEFT, RIGHT])
    enc = setup(renderer, colour=RED, vertices=both)
    draw(enc, count=6)                                   # left, from offset 0
    assert halves(submit(renderer, enc)) == (RED, None)
    enc = start()
    enc.set_vertex_buffers(buffers=(VertexBufferBinding(16, LEFT.nbytes, 2),))
    consts(enc, BLUE)
    draw(enc, count=6)                                   # right, same buffer at an offset
    assert halves(submit(renderer, enc)) == (RED, BLUE)
    # New contents in the same buffer, same binding: the left half again.
    write_buffer(renderer, 2, np.concatenate([RIGHT, LEFT]).tobytes())
    enc = start()
    consts(enc, GREEN)
    draw(enc, count=6)
    assert halves(submit(renderer, enc)) == (GREEN, BLUE)


def test_a_buffer_recreated_under_the_same_handle_is_used(renderer):
    enc = setup(renderer, colour=RED, vertices=LEFT)
    draw(enc, count=6)
    assert halves(submit(renderer, enc)) == (RED, None)
    renderer.unref_resource(CTX, 2)
    make_buffer(renderer, 2, RIGHT.nbytes, data=RIGHT.tobytes())
    enc = start()
    enc.set_vertex_buffers(buffers=(VertexBufferBinding(16, 0, 2),))
    consts(enc, BLUE)
    draw(enc, count=6)
    assert halves(submit(renderer, enc)) == (RED, BLUE)


def test_index_buffer_changes_are_seen(renderer):
    both = np.concatenate([LEFT, RIGHT])
    enc = setup(renderer, colour=RED, vertices=both)
    make_buffer(renderer, 5, 24, bind=VirglBind.INDEX_BUFFER, data=struct.pack("<6I", *range(6)))
    make_buffer(renderer, 6, 24, bind=VirglBind.INDEX_BUFFER, data=struct.pack("<6I", *range(6, 12)))
    enc.set_index_buffer(index_size=4, offset=0, res_handle=5)
    draw(enc, count=6, indexed=True, max_index=11)
    enc.set_index_buffer(index_size=4, offset=0, res_handle=6)
    consts(enc, GREEN)
    draw(enc, count=6, indexed=True, max_index=11)
    assert halves(submit(renderer, enc)) == (RED, GREEN)


def test_rebinding_and_replacing_shaders_changes_the_program(renderer):
    enc = setup(renderer, colour=GREEN)
    blue_fs = FS.replace("DCL CONST[0][0]\n", "DCL CONST[0][0]\nIMM[0] FLT32 { 0.0, 0.0, 1.0, 1.0 }\n") \
        .replace("MOV OUT[0], CONST[0][0]", "MOV OUT[0], IMM[0]")
    enc.create_shader(handle=950, stage=1, text=blue_fs)
    draw(enc)
    assert halves(submit(renderer, enc)) == (GREEN, GREEN)
    enc = start()
    enc.bind_shader(handle=950, shader_type=1)
    draw(enc)
    assert halves(submit(renderer, enc)) == (BLUE, BLUE)
    enc = start()
    enc.bind_shader(handle=901, shader_type=1)           # back to the constant-colour shader
    draw(enc)
    assert halves(submit(renderer, enc)) == (GREEN, GREEN)
    # A new shader object under the bound handle: the draw must not reuse the old program.
    enc = start()
    enc.destroy_object(ObjectType.SHADER, 901)
    enc.create_shader(handle=901, stage=1, text=blue_fs)
    enc.bind_shader(handle=901, shader_type=1)
    draw(enc)
    assert halves(submit(renderer, enc)) == (BLUE, BLUE)


def test_alternating_rasterizers_apply_their_differences(renderer):
    from pyvirgl.decode import Scissor

    enc = setup(renderer, colour=RED)
    enc.add(rasterizer(60, scissor=1), rasterizer(61, scissor=0))
    enc.set_scissor_state(start_slot=0, scissors=(Scissor(0, 0, W // 2, H),))
    enc.bind_object(ObjectType.RASTERIZER, 60)
    draw(enc)                                   # scissored: left half only
    assert halves(submit(renderer, enc)) == (RED, None)
    enc = start()
    enc.bind_object(ObjectType.RASTERIZER, 61)
    consts(enc, GREEN)
    draw(enc)                                   # not scissored: everything
    enc.bind_object(ObjectType.RASTERIZER, 60)
    consts(enc, BLUE)
    draw(enc)                                   # scissored again
    assert halves(submit(renderer, enc)) == (BLUE, GREEN)


def test_alpha_test_state_changes_between_draws(renderer):
    # The alpha function is compiled into the fragment shader and the reference
    # is a uniform: a new DSA object must reach both, even with the same program.
    enc = setup(renderer, colour=(0.0, 1.0, 0.0, 0.25), vertices=LEFT)
    make_buffer(renderer, 3, RIGHT.nbytes, data=RIGHT.tobytes())
    # A bound rasterizer: with none, GL keeps whatever an earlier context left (scissor...).
    enc.add(rasterizer(70))
    enc.bind_object(ObjectType.RASTERIZER, 70)
    enc.create_dsa(handle=60, alpha_enabled=1, alpha_func=1, alpha_ref=0.5)    # LESS 0.5: passes
    enc.create_dsa(handle=61, alpha_enabled=1, alpha_func=1, alpha_ref=0.125)  # LESS 0.125: fails
    enc.bind_object(ObjectType.DSA, 60)
    draw(enc, count=6)
    enc.set_vertex_buffers(buffers=(VertexBufferBinding(16, 0, 3),))
    enc.bind_object(ObjectType.DSA, 61)
    draw(enc, count=6)
    px = submit(renderer, enc)
    drawn = [0, 255, 0, 64]
    assert (px[:, : W // 2] == drawn).all() and (px[:, W // 2:] == PX[None]).all()
    enc = start()
    enc.create_dsa(handle=62, alpha_enabled=1, alpha_func=6, alpha_ref=0.125)  # GEQUAL 0.125: passes
    enc.bind_object(ObjectType.DSA, 62)
    draw(enc, count=6)
    px = submit(renderer, enc)
    assert (px == drawn).all(), px[:, :, 3]


def test_a_remembered_program_the_cache_evicted_is_linked_again(renderer, backend, monkeypatch):
    from pyvirgl.backend.gl import programs

    monkeypatch.setattr(programs, "MAX_CACHED_PROGRAMS", 1)   # every new link evicts the last one
    enc = setup(renderer, colour=GREEN)
    blue_fs = FS.replace("DCL CONST[0][0]\n", "DCL CONST[0][0]\nIMM[0] FLT32 { 0.0, 0.0, 1.0, 1.0 }\n") \
        .replace("MOV OUT[0], CONST[0][0]", "MOV OUT[0], IMM[0]")
    enc.create_shader(handle=950, stage=1, text=blue_fs)
    draw(enc)
    assert halves(submit(renderer, enc)) == (GREEN, GREEN)
    for handle, colour in ((950, BLUE), (901, GREEN), (950, BLUE)):
        enc = start()
        enc.bind_shader(handle=handle, shader_type=1)
        draw(enc)
        assert halves(submit(renderer, enc)) == (colour, colour)


def test_programs_switched_in_one_stream_get_their_own_constant_ranges(renderer):
    # Program A reads CONST[0][0] (a 16-byte block), program B CONST[0][1]
    # (32 bytes): switching without re-binding would leave B reading past
    # A's upload. Program C reads the same as A: switching A <-> C re-binds nothing.
    enc = setup(renderer, colour=RED, vertices=LEFT)
    make_buffer(renderer, 3, RIGHT.nbytes, data=RIGHT.tobytes())
    second = FS.replace("DCL CONST[0][0]", "DCL CONST[0][0..1]").replace("CONST[0][0]\n", "CONST[0][1]\n")
    same = FS.replace("MOV OUT[0], CONST[0][0]", "MOV OUT[0], CONST[0][0].xyzw")
    enc.create_shader(handle=950, stage=1, text=second)
    enc.create_shader(handle=951, stage=1, text=same)
    enc.set_constant_buffer(shader_type=1, index=0, data=struct.pack("<8f", *RED, *GREEN))
    draw(enc, count=6)                                      # A, left: red
    enc.bind_shader(handle=950, shader_type=1)
    enc.set_vertex_buffers(buffers=(VertexBufferBinding(16, 0, 3),))
    draw(enc, count=6)                                      # B, right: green
    enc.bind_shader(handle=951, shader_type=1)
    enc.set_vertex_buffers(buffers=(VertexBufferBinding(16, 0, 2),))
    enc.set_constant_buffer(shader_type=1, index=0, data=struct.pack("<8f", *BLUE, *GREEN))
    draw(enc, count=6)                                      # C, left: blue
    assert halves(submit(renderer, enc)) == (BLUE, GREEN)


def test_an_alpha_test_switched_on_by_another_dsa_in_one_stream(renderer):
    # The alpha function is compiled into the fragment shader: binding a DSA
    # object that enables it must change the program even mid-stream (binds
    # that leave the shader inputs alone keep the program: program_inputs.py).
    enc = setup(renderer, colour=(0.0, 1.0, 0.0, 0.25), vertices=LEFT)
    make_buffer(renderer, 3, RIGHT.nbytes, data=RIGHT.tobytes())
    enc.add(rasterizer(70))
    enc.bind_object(ObjectType.RASTERIZER, 70)
    enc.create_dsa(handle=60, alpha_enabled=0)
    enc.create_dsa(handle=61, alpha_enabled=1, alpha_func=4, alpha_ref=0.5)    # GREATER 0.5: fails
    enc.bind_object(ObjectType.DSA, 60)
    draw(enc, count=6)                                          # left drawn
    enc.set_vertex_buffers(buffers=(VertexBufferBinding(16, 0, 3),))
    enc.bind_object(ObjectType.DSA, 61)
    draw(enc, count=6)                                          # right: alpha test discards it
    px = submit(renderer, enc)
    assert (px[:, : W // 2] == [0, 255, 0, 64]).all() and (px[:, W // 2:] == PX[None]).all()


def test_a_user_clip_plane_switched_on_by_another_rasterizer_in_one_stream(renderer):
    enc = setup(renderer, colour=GREEN, vertices=LEFT)
    make_buffer(renderer, 3, RIGHT.nbytes, data=RIGHT.tobytes())
    enc.add(rasterizer(70))
    enc.add(rasterizer(71, clip_plane_enable=1))
    enc.set_clip_state(ucp=(0.0, 0.0, 0.0, -1.0) + (0.0,) * 28)   # plane 0: -w >= 0, nothing passes
    enc.bind_object(ObjectType.RASTERIZER, 70)
    draw(enc, count=6)                                          # left drawn
    enc.set_vertex_buffers(buffers=(VertexBufferBinding(16, 0, 3),))
    enc.bind_object(ObjectType.RASTERIZER, 71)
    draw(enc, count=6)                                          # right: clipped away
    assert halves(submit(renderer, enc)) == (GREEN, None)
