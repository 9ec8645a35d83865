"""A state setter identical to the last one for its slot is skipped -- and only then.

The executor skips plain state setters (`CommandSpec.state_slot`) whose
payload equals the last one executed for the same slot in this stretch of
pure handlers. These tests check it skips what it should (the sub-context
stays clean) and never what it must not: a slot set differently in
between, a range that covers the slot differently, an index buffer offset
taken by the batching shortcut, header bytes the decoder ignores, an object
re-created under the bound handle, a new submit.
"""
from __future__ import annotations

import struct

import numpy as np
import pytest

from pyvirgl.client.encoder import CommandEncoder
from pyvirgl.decode import Scissor
from pyvirgl.protocol.virgl import ObjectType, VirglBind

from renderer_gl_helpers import CTX, draw, make_buffer, start
from test_gl_draw_caches import BLUE, GREEN, H, LEFT, RED, RIGHT, W, halves, rasterizer
from test_gl_draw_dirty import FULL, setup, submit

pytestmark = pytest.mark.gl


def colour(enc, rgba):
    enc.set_constant_buffer(shader_type=1, index=0, data=struct.pack("<4f", *rgba))


def executor(r):
    return r.contexts[CTX].state


def test_an_identical_setter_after_a_draw_leaves_the_sub_context_clean(renderer):
    enc = setup(renderer, colour=RED, vertices=FULL)
    colour(enc, RED)                # after setup's object creations, which forget what was set
    draw(enc, count=6)
    colour(enc, RED)                                   # the same constants again
    enc.bind_object(ObjectType.RASTERIZER, 61)         # the rasterizer already bound
    submit(renderer, enc)
    assert executor(renderer).sub.dirty == 0


def test_a_setter_that_differs_is_not_skipped(renderer):
    enc = setup(renderer, colour=RED, vertices=FULL)
    draw(enc, count=6)
    colour(enc, GREEN)
    submit(renderer, enc)
    assert executor(renderer).sub.dirty != 0


def test_a_slot_set_back_after_another_value_takes_effect(renderer):
    both = np.concatenate([LEFT, RIGHT])
    enc = setup(renderer, colour=RED, vertices=both)
    draw(enc, count=6)                                 # left red
    colour(enc, GREEN)
    colour(enc, RED)                                   # back to the first payload
    draw(enc, count=6, start_=6)                       # right: red, not green
    assert halves(submit(renderer, enc)) == (RED, RED)


def test_a_range_that_covered_the_slot_differently_in_between(renderer):
    # Scissor slot 0 set by a two-slot command, then by a one-slot command,
    # then by the first command again: its payload matches the last two-slot
    # one, but the slot was changed in between.
    enc = setup(renderer, colour=RED, vertices=FULL)
    enc.add(rasterizer(60, scissor=1))
    enc.bind_object(ObjectType.RASTERIZER, 60)
    left, right = Scissor(0, 0, W // 2, H), Scissor(W // 2, 0, W, H)
    enc.set_scissor_state(start_slot=0, scissors=(left, right))
    enc.set_scissor_state(start_slot=0, scissors=(right,))
    enc.set_scissor_state(start_slot=0, scissors=(left, right))
    draw(enc, count=6)
    assert halves(submit(renderer, enc)) == (RED, None)


def test_header_bytes_the_decoder_ignores_do_not_split_a_slot(renderer):
    both = np.concatenate([LEFT, RIGHT])
    enc = setup(renderer, colour=RED, vertices=both)
    colour(enc, RED)                                   # remembered for its slot
    draw(enc, count=6)                                 # left red
    green = CommandEncoder()
    colour(green, GREEN)
    words = green.words()
    words[0] |= 0x5A << 8                              # junk in the object-type byte
    enc.raw(*words)
    colour(enc, RED)                                   # same slot as the junk-headed one
    draw(enc, count=6, start_=6)
    assert halves(submit(renderer, enc)) == (RED, RED)


def test_an_index_buffer_offset_taken_by_the_batch_shortcut_then_set_back(renderer):
    # Indices: 0..5 (left) at offset 0, 6..11 (right) at offset 24. The second
    # SET_INDEX_BUFFER joins the queued draws without its handler; after a
    # colour change ends the queue, the first one is sent again and must
    # still move the offset back.
    both = np.concatenate([LEFT, RIGHT])
    enc = setup(renderer, colour=RED, vertices=both)
    make_buffer(renderer, 5, 48, bind=VirglBind.INDEX_BUFFER, data=struct.pack("<12I", *range(12)))
    enc.set_index_buffer(index_size=4, offset=0, res_handle=5)
    draw(enc, count=6, indexed=True, max_index=11)     # left red
    draw(enc, count=6, indexed=True, max_index=11)     # queued
    enc.set_index_buffer(index_size=4, offset=24, res_handle=5)
    draw(enc, count=6, indexed=True, max_index=11)     # right red, joins the queue
    colour(enc, GREEN)
    enc.set_index_buffer(index_size=4, offset=0, res_handle=5)
    draw(enc, count=6, indexed=True, max_index=11)     # left green
    assert halves(submit(renderer, enc)) == (GREEN, RED)


def test_an_object_recreated_under_the_bound_handle_is_bound_again(renderer):
    enc = setup(renderer, colour=RED, vertices=FULL)
    enc.set_scissor_state(start_slot=0, scissors=(Scissor(0, 0, W // 2, H),))
    enc.add(rasterizer(60))
    enc.bind_object(ObjectType.RASTERIZER, 60)
    draw(enc, count=6)                                 # no scissor: all red
    enc.add(rasterizer(60, scissor=1))                 # replaced under the same handle
    enc.bind_object(ObjectType.RASTERIZER, 60)         # the same BIND_OBJECT payload
    colour(enc, BLUE)
    draw(enc, count=6)                                 # scissored: left blue
    assert halves(submit(renderer, enc)) == (BLUE, RED)


def test_each_submit_starts_with_nothing_remembered(renderer):
    both = np.concatenate([LEFT, RIGHT])
    enc = setup(renderer, colour=RED, vertices=both)
    draw(enc, count=6)
    submit(renderer, enc)
    # Between submits the guest replaces the vertex buffer under its handle.
    renderer.unref_resource(CTX, 2)
    make_buffer(renderer, 2, both.nbytes, data=np.concatenate([RIGHT, LEFT]).tobytes())
    from renderer_gl_helpers import start
    from pyvirgl.decode import VertexBufferBinding
    enc = start()
    enc.set_vertex_buffers(buffers=(VertexBufferBinding(16, 0, 2),))   # what the last submit set
    colour(enc, GREEN)
    draw(enc, count=6)                                 # the new buffer: right half
    assert halves(submit(renderer, enc)) == (RED, GREEN)


def test_uniform_buffers_switched_back_and_forth_between_draws(renderer):
    both = np.concatenate([LEFT, RIGHT])
    enc = setup(renderer, colour=BLUE, vertices=both)
    make_buffer(renderer, 6, 32, bind=VirglBind.CONSTANT_BUFFER, data=struct.pack("<8f", *RED, *GREEN))
    make_buffer(renderer, 7, 16, bind=VirglBind.CONSTANT_BUFFER, data=struct.pack("<4f", *BLUE))
    enc.set_uniform_buffer(shader_type=1, index=0, offset=16, length=16, res_handle=6)   # green
    draw(enc, count=6)
    enc.set_uniform_buffer(shader_type=1, index=0, offset=0, length=16, res_handle=7)    # blue
    enc.set_uniform_buffer(shader_type=1, index=0, offset=0, length=16, res_handle=6)    # red
    draw(enc, count=6, start_=6)
    assert halves(submit(renderer, enc)) == (GREEN, RED)


def test_vertex_layouts_and_buffers_alternating_between_draws(renderer):
    # Two vertex elements objects (different source offsets) and two vertex
    # buffer bindings, switched before every draw as Mesa does for glVertexAttribPointer
    # changes: each layout keeps its own vertex array, and a re-sent binding is
    # recognised as the one set before. Every draw must read what it names.
    from pyvirgl.decode import VertexBufferBinding, VertexElement
    from pyvirgl.protocol.formats import VirglFormat
    from test_gl_draw_dirty import _blend_add

    enc = setup(renderer, colour=(0.0, 0.0, 1.0 / 64, 0.0), vertices=FULL)
    _blend_add(enc)
    make_buffer(renderer, 3, LEFT.nbytes * 2, data=np.concatenate([LEFT, RIGHT]).tobytes())
    enc.create_vertex_elements(handle=40, elements=(VertexElement(0, 0, 0, VirglFormat.R32G32B32A32_FLOAT),))
    enc.create_vertex_elements(handle=41, elements=(VertexElement(LEFT.nbytes, 0, 0,
                                                                  VirglFormat.R32G32B32A32_FLOAT),))
    left_here = (VertexBufferBinding(16, 0, 3),)             # layout 40: LEFT, layout 41: RIGHT
    right_here = (VertexBufferBinding(16, LEFT.nbytes, 3),)  # layout 40: RIGHT
    plan = [(40, left_here, "left"), (41, left_here, "right"), (40, right_here, "right"), (41, left_here, "right"),
            (40, left_here, "left"), (40, right_here, "right"), (41, left_here, "right"), (40, left_here, "left")]
    counts = {"left": 0, "right": 0}
    for layout, buffers, half in plan:
        enc.bind_object(ObjectType.VERTEX_ELEMENTS, layout)
        enc.set_vertex_buffers(buffers=buffers)
        draw(enc, count=6)
        counts[half] += 1
    px = submit(renderer, enc)
    assert (px[:, : W // 2, 0] == 4 * counts["left"]).all() and (px[:, W // 2:, 0] == 4 * counts["right"]).all(), \
        (counts, px[..., 0])


def test_a_view_destroyed_then_named_again_by_the_same_command_is_refused(renderer):
    # The same SET_SAMPLER_VIEWS payload decodes to the same command object, and
    # its handles were checked before; the destroy in between must undo both.
    from pyvirgl.errors import GuestError
    from pyvirgl.protocol.formats import VirglFormat

    enc = setup(renderer, colour=RED, vertices=FULL)
    enc.create_sampler_view(handle=30, res_handle=1, format=VirglFormat.B8G8R8A8_UNORM,
                            swizzle_r=0, swizzle_g=1, swizzle_b=2, swizzle_a=3)
    enc.set_sampler_views(shader_type=1, start_slot=0, handles=(30,))
    draw(enc, count=6)
    enc.destroy_object(ObjectType.SAMPLER_VIEW, 30)
    enc.set_sampler_views(shader_type=1, start_slot=0, handles=(30,))
    with pytest.raises(GuestError, match="no sampler_view object 30"):
        renderer.submit(CTX, bytes(enc))


def colour_views(r, enc, level: int) -> tuple[int, int, int]:
    """Three 1x1 textures (red, green, blue at `level`) with sampler views, and one sampler
    state bound to fragment slots 0 and 1; the views' handles (red, green, blue)."""
    from pyvirgl.protocol.formats import VirglFormat
    from pyvirgl.protocol.types import Box, ResourceTemplate
    from pyvirgl.protocol.virgl import TextureTarget

    texels = {11: bytes([0, 0, level, 255]), 12: bytes([0, level, 0, 255]), 13: bytes([level, 0, 0, 255])}  # BGRA
    for handle, texel in texels.items():
        r.create_resource(CTX, ResourceTemplate(handle, TextureTarget.TEXTURE_2D, VirglFormat.B8G8R8A8_UNORM,
                                                VirglBind.SAMPLER_VIEW, 1, 1, 1, 1, 0, 0))
        r.transfer_write(CTX, handle, 0, Box(0, 0, 0, 1, 1, 1), stride=0, layer_stride=0, offset=0,
                         source=memoryview(texel))
        enc.create_sampler_view(handle=handle + 20, res_handle=handle, format=VirglFormat.B8G8R8A8_UNORM,
                                swizzle_r=0, swizzle_g=1, swizzle_b=2, swizzle_a=3)
    enc.create_sampler_state(handle=50, max_lod=1000.0, border_color=(0, 0, 0, 0))
    enc.bind_sampler_states(shader_type=1, start_slot=0, handles=(50, 50))
    return 31, 32, 33


FS_TWO_TEXTURES = """FRAG
PROPERTY FS_COLOR0_WRITES_ALL_CBUFS 1
DCL IN[0], POSITION, LINEAR
DCL OUT[0], COLOR
DCL SAMP[0]
DCL SAMP[1]
DCL SVIEW[0], 2D, FLOAT
DCL SVIEW[1], 2D, FLOAT
DCL TEMP[0..1]
IMM[0] FLT32 {0.5, 0.5, 0.0, 0.0}
  0: TEX TEMP[0], IMM[0].xyyy, SAMP[0], 2D
  1: TEX TEMP[1], IMM[0].xyyy, SAMP[1], 2D
  2: ADD OUT[0], TEMP[0], TEMP[1]
  3: END
"""


def test_one_of_several_views_changed_between_draws(renderer):
    # Guests re-send every view slot when one changes; only the changed slot's
    # unit is bound again, and the others must keep theirs.
    both = np.concatenate([LEFT, RIGHT])
    enc = setup(renderer, colour=RED, vertices=both)
    enc.create_shader(handle=960, stage=1, text=FS_TWO_TEXTURES)
    enc.bind_shader(handle=960, shader_type=1)
    red, green, blue = colour_views(renderer, enc, 128)
    enc.set_sampler_views(shader_type=1, start_slot=0, handles=(red, green))
    draw(enc, count=6)                                           # left: red + green
    enc.set_sampler_views(shader_type=1, start_slot=0, handles=(red, blue))
    draw(enc, count=6, start_=6)                                 # right: red + blue
    px = submit(renderer, enc)
    assert (px[:, : W // 2] == [0, 128, 128, 255]).all() and (px[:, W // 2:] == [128, 0, 128, 255]).all(), px
    enc = start()
    enc.set_sampler_views(shader_type=1, start_slot=0, handles=(red, blue))     # as the last submit left it
    draw(enc, count=6)
    enc.set_sampler_views(shader_type=1, start_slot=0, handles=(green, blue))   # slot 0 only
    draw(enc, count=6, start_=6)
    px = submit(renderer, enc)
    assert (px[:, : W // 2] == [128, 0, 128, 255]).all() and (px[:, W // 2:] == [128, 128, 0, 255]).all(), px
    enc = start()
    enc.set_sampler_views(shader_type=1, start_slot=0, handles=(green, blue))
    draw(enc, count=6, start_=6)
    enc.set_sampler_views(shader_type=1, start_slot=0, handles=(blue, green))   # both slots
    draw(enc, count=6)
    px = submit(renderer, enc)
    assert (px[:, : W // 2] == [128, 128, 0, 255]).all() and (px[:, W // 2:] == [128, 128, 0, 255]).all(), px


FS_ONE_TEXTURE = """FRAG
PROPERTY FS_COLOR0_WRITES_ALL_CBUFS 1
DCL IN[0], POSITION, LINEAR
DCL OUT[0], COLOR
DCL SAMP[{i}]
DCL SVIEW[{i}], 2D, FLOAT
IMM[0] FLT32 {{0.5, 0.5, 0.0, 0.0}}
  0: TEX OUT[0], IMM[0].xyyy, SAMP[{i}], 2D
  1: END
"""


def test_programs_reading_other_view_slots_switched_between_draws(renderer):
    # Two programs whose first texture unit reads view slot 0 and view slot 1:
    # switching rebinds only the units they read differently, so a slot set while
    # the other program was bound must still reach the program that reads it.
    both = np.concatenate([LEFT, RIGHT])
    enc = setup(renderer, colour=RED, vertices=both)
    enc.create_shader(handle=970, stage=1, text=FS_ONE_TEXTURE.format(i=0))
    enc.create_shader(handle=971, stage=1, text=FS_ONE_TEXTURE.format(i=1))
    red, green, blue = colour_views(renderer, enc, 255)
    enc.set_sampler_views(shader_type=1, start_slot=0, handles=(red, green))
    enc.bind_shader(handle=970, shader_type=1)
    draw(enc, count=6)                                  # left: slot 0, red
    enc.bind_shader(handle=971, shader_type=1)
    draw(enc, count=6, start_=6)                        # right: slot 1, green
    enc.set_sampler_views(shader_type=1, start_slot=0, handles=(blue, green))
    draw(enc, count=6, start_=6)                        # right again: green; slot 0 is not read
    enc.bind_shader(handle=970, shader_type=1)
    draw(enc, count=6)                                  # left: slot 0, now blue
    assert halves(submit(renderer, enc)) == (BLUE, GREEN)
