"""The encoder writes what the decoder reads: random valid commands round-trip
for every command spec, and spot checks match Mesa's packing word for word."""
from __future__ import annotations

import struct

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pyvirgl.client.encoder import CommandEncoder, encode_command, shader_chunks
from pyvirgl.decode import commands as C
from pyvirgl.decode import decode_all
from pyvirgl.protocol import virgl as V

U32_MAX = 0xFFFFFFFF


def word_strategy(w: V.Word):
    if w.kind is V.F32:
        one = st.floats(width=32, allow_nan=False)
    elif w.kind is V.F64:
        one = st.floats(allow_nan=False)
    elif w.kind is V.I32:
        one = st.integers(-(1 << 31), (1 << 31) - 1)
    elif w.kind is V.BOOL:
        one = st.booleans()
    elif w.kind is V.U64:
        one = st.integers(0, (1 << 64) - 1)
    else:
        one = st.integers(w.lo or 0, U32_MAX if w.hi is None else w.hi)
    return st.tuples(*[one] * w.count) if w.count > 1 else one


def fields_strategy(items, overrides=None) -> dict:
    out = {}
    for it in items:
        if isinstance(it, V.Packed):
            for b in it.bits:
                out[b.name] = st.integers(0, b.mask if b.hi is None else b.hi)
        elif isinstance(it, V.Word):
            if not it.derived:
                out[it.name] = word_strategy(it)
        elif isinstance(it, V.Struct):
            out[it.name] = st.builds(C.CLASSES[it.cls], **fields_strategy(it.items))
        elif isinstance(it, V.Group):
            elem = (word_strategy(it.items[0]) if it.cls is None
                    else st.builds(C.CLASSES[it.cls], **fields_strategy(it.items)))
            out[it.name] = st.lists(elem, min_size=it.min_count, max_size=it.max_count).map(tuple)
    out.update(overrides or {})
    return out


def padded_bytes(max_words: int = 32, min_words: int = 0):
    return st.binary(min_size=4 * min_words, max_size=4 * max_words).map(
        lambda b: b[: len(b) // 4 * 4])


@st.composite
def with_slots(draw, spec: V.CommandSpec, fields: dict):
    """A group with a start slot: draw the group first, then a start slot that fits."""
    g = spec.variable_group
    values = {k: draw(v) for k, v in fields.items() if k != g.slot_from}
    values[g.slot_from] = draw(st.integers(0, g.max_count - len(values[g.name])))
    return C.CLASSES[spec.cls](**values)


def command_strategy(spec: V.CommandSpec):
    cls = C.CLASSES[spec.cls]
    if spec.cmd == V.Ccmd.SET_INDEX_BUFFER:
        return st.one_of(st.just(C.SetIndexBuffer(0)),
                         st.builds(C.SetIndexBuffer, st.integers(0, U32_MAX), st.sampled_from([1, 2, 4]),
                                   st.integers(0, U32_MAX)))
    if spec.custom:
        return shader_chunk_strategy()
    overrides = {}
    if spec.obj is not None:
        overrides["handle"] = st.integers(1, U32_MAX)   # 0 is reserved for creations
    fields = fields_strategy(spec.items, overrides)
    for tail in spec.tails:
        fields.update(fields_strategy(tail))
    if spec.blob is not None:
        if spec.cmd == V.Ccmd.SET_DEBUG_FLAGS:
            fields["flags"] = st.binary(max_size=40).map(lambda b: b.replace(b"\0", b"x"))
        elif spec.cmd == V.Ccmd.EMIT_STRING_MARKER:
            fields["message"] = st.binary(max_size=40)
        else:
            fields[spec.blob.name] = padded_bytes()
    if spec.obj_types is not None:
        return st.builds(cls, st.sampled_from(sorted(spec.obj_types)), st.integers(0, U32_MAX))
    g = spec.variable_group
    if g is not None and g.slot_from:
        return with_slots(spec, fields)
    return st.builds(cls, **fields)


@st.composite
def shader_chunk_strategy(draw):
    stage = draw(st.integers(0, 5))
    compute = stage == V.ShaderStage.COMPUTE
    outputs = () if compute else tuple(draw(st.lists(st.builds(
        C.StreamOutput, st.integers(0, 255), st.integers(0, 3), st.integers(0, 7),
        st.integers(0, 3), st.integers(0, 0xFFFF), st.integers(0, 3)), max_size=V.MAX_SO_OUTPUTS)))
    strides = draw(st.tuples(*[st.integers(0, U32_MAX)] * 4)) if outputs else ()
    return C.CreateShaderChunk(
        handle=draw(st.integers(1, U32_MAX)), stage=stage, offset=draw(st.integers(0, (1 << 31) - 1)),
        continuation=draw(st.booleans()), num_tokens=draw(st.integers(0, U32_MAX)),
        req_local_mem=draw(st.integers(0, U32_MAX)) if compute else 0,
        so_strides=strides, so_outputs=outputs, text=draw(padded_bytes()),
    )


SPECS = V.all_specs()


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_round_trip_every_command(spec, data):
    cmd = data.draw(command_strategy(spec))
    assert decode_all(bytes(CommandEncoder().add(cmd))) == [cmd]


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(SPECS).flatmap(command_strategy), max_size=12))
def test_round_trip_streams(cmds):
    assert decode_all(bytes(CommandEncoder().add(*cmds))) == cmds


def test_convenience_methods_default_to_zero():
    enc = CommandEncoder().create_sub_ctx(sub_ctx_id=1).draw_vbo(count=3, mode=V.PrimType.TRIANGLES)
    sub, draw = decode_all(bytes(enc))
    assert sub == C.CreateSubCtx(1)
    assert draw.count == 3 and draw.mode == 4 and draw.instance_count == 0
    with pytest.raises(TypeError):
        CommandEncoder().draw_vbo(bogus=1)


def test_matches_mesa_packing():
    # CREATE_OBJECT(BLEND) as virgl_encode_blend_state writes it
    rt = C.BlendTarget(1, 0, 3, 0x13, 0, 3, 0x13, 0xF)
    blend = C.CreateBlend(5, 0, 0, 1, 0, 0, 0, (rt,) + (C.BlendTarget(0, 0, 0, 0, 0, 0, 0, 0xF),) * 7)
    rt_word = 1 | (3 << 4) | (0x13 << 9) | (3 << 17) | (0x13 << 22) | (0xF << 27)
    assert encode_command(blend) == [1 | (1 << 8) | (11 << 16), 5, 1 << 2, 0, rt_word] + [0xF << 27] * 7
    # DRAW_VBO of a non-indexed triangle: 12 words, max_index ~0
    d = C.DrawVbo(0, 3, 4, False, 1, 0, 0, False, 0, 0, U32_MAX, 0)
    assert encode_command(d) == [8 | (12 << 16), 0, 3, 4, 0, 1, 0, 0, 0, 0, 0, U32_MAX, 0]
    # PATCHES always carries the tessellation words, like Mesa
    assert len(encode_command(C.DrawVbo(0, 3, 14, False, 1, 0, 0, False, 0, 0, 0, 0))) == 15
    # CLEAR: depth as a little-endian double in two words
    lo, hi = struct.unpack("<2I", struct.pack("<d", 1.0))
    assert encode_command(C.Clear(4, (0, 0, 0, 0), 1.0, 0)) == [7 | (8 << 16), 4, 0, 0, 0, 0, lo, hi, 0]
    # SET_FRAMEBUFFER_STATE writes nr_cbufs itself
    assert encode_command(C.SetFramebufferState(9, (1, 2))) == [5 | (4 << 16), 2, 9, 1, 2]


def test_shader_chunking_like_mesa():
    text = "VERT\n" + "MOV TEMP[0], IN[0]\n" * 50 + "END\n"
    chunks = shader_chunks(3, 0, text, max_text_words=64)
    total = len(text) + 1
    assert chunks[0].offset == total and not chunks[0].continuation
    assert [c.offset for c in chunks[1:]] == list(range(256, total, 256))
    assert all(c.continuation and c.so_outputs == () for c in chunks[1:])
    assert b"".join(c.text for c in chunks) == text.encode() + b"\0"


def test_transfer_area_is_exactly_1024_words():
    t = C.Transfer3D(7, 0, 2, 0, 0, 0, 0, 0, 16, 1, 1, 0, V.TRANSFER_TO_HOST)
    enc = CommandEncoder().transfer_area([t, t]).create_sub_ctx(sub_ctx_id=1)
    words = enc.words()
    assert words[28] >> 16 == 1024 - 29 and words[1024] == V.header(V.Ccmd.CREATE_SUB_CTX, 0, 1)
    cmds = decode_all(bytes(enc))
    assert cmds == [t, t, C.EndTransfers(), C.CreateSubCtx(1)]


def test_encoder_rejects_values_that_do_not_fit():
    with pytest.raises(ValueError):
        encode_command(C.SetStencilRef(256, 0))
    with pytest.raises(ValueError):
        encode_command(C.SetSampleMask(-1))
    with pytest.raises(ValueError):
        encode_command(C.SetFramebufferState(0, (0,) * 9))
