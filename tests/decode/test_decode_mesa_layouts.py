"""Every command, packed word by word the way Mesa 22.3.6's virgl_encode.c packs it,
decodes to the expected dataclass. The words here are written out by hand
(not with our encoder) so they check the spec against Mesa, not against itself."""
from __future__ import annotations

import struct

import pytest

from pyvirgl.decode import commands as C
from pyvirgl.decode import decode_all
from pyvirgl.protocol.virgl import Ccmd, ObjectType


def hdr(cmd: int, obj: int, length: int) -> int:
    return cmd | (obj << 8) | (length << 16)


def fui(f: float) -> int:
    return struct.unpack("<I", struct.pack("<f", f))[0]


def pack(*words: int) -> bytes:
    return struct.pack(f"<{len(words)}I", *words)


def one(*words: int):
    cmds = decode_all(pack(*words))
    assert len(cmds) == 1
    return cmds[0]


def test_sub_ctx_commands():
    cmds = decode_all(pack(hdr(29, 0, 1), 7, hdr(28, 0, 1), 7, hdr(30, 0, 1), 7))
    assert cmds == [C.CreateSubCtx(7), C.SetSubCtx(7), C.DestroySubCtx(7)]


def test_blend_state():
    s0 = 1 | (1 << 1) | (1 << 3)                      # independent, logicop, alpha_to_coverage
    s1 = 12                                           # PIPE_LOGICOP_COPY
    rt0 = 1 | (0 << 1) | (3 << 4) | (0x13 << 9) | (1 << 14) | (2 << 17) | (0x11 << 22) | (0xF << 27)
    c = one(hdr(1, 1, 11), 42, s0, s1, rt0, *([0] * 7))
    assert isinstance(c, C.CreateBlend)
    assert (c.handle, c.independent_blend_enable, c.logicop_enable, c.dither,
            c.alpha_to_coverage, c.alpha_to_one, c.logicop_func) == (42, 1, 1, 0, 1, 0, 12)
    assert c.rt[0] == C.BlendTarget(1, 0, 3, 0x13, 1, 2, 0x11, 0xF)
    assert len(c.rt) == 8 and c.rt[7] == C.BlendTarget(0, 0, 0, 0, 0, 0, 0, 0)


def test_rasterizer_state():
    s0 = (1 << 1) | (1 << 14) | (1 << 15) | (2 << 8) | (1 << 10) | (2 << 12) | (1 << 29) | (1 << 31)
    s3 = 0xABCD | (3 << 16) | (0x5 << 24)
    c = one(hdr(1, 2, 9), 3, s0, fui(2.0), 0x11, s3, fui(1.5), fui(0.25), fui(-1.0), fui(0.0))
    assert isinstance(c, C.CreateRasterizer)
    assert c.depth_clip == 1 and c.scissor == 1 and c.front_ccw == 1 and c.flatshade == 0
    assert (c.cull_face, c.fill_front, c.fill_back) == (2, 1, 2)
    assert c.half_pixel_center == 1 and c.force_persample_interp == 1 and c.bottom_edge_rule == 0
    assert c.point_size == 2.0 and c.sprite_coord_enable == 0x11
    assert (c.line_stipple_pattern, c.line_stipple_factor, c.clip_plane_enable) == (0xABCD, 3, 5)
    assert (c.line_width, c.offset_units, c.offset_scale, c.offset_clamp) == (1.5, 0.25, -1.0, 0.0)


def test_dsa_state():
    s0 = 1 | (1 << 1) | (3 << 2) | (1 << 8) | (6 << 9)
    front = 1 | (7 << 1) | (2 << 4) | (3 << 7) | (4 << 10) | (0xFF << 13) | (0x0F << 21)
    c = one(hdr(1, 3, 5), 9, s0, front, 0, fui(0.5))
    assert isinstance(c, C.CreateDsa)
    assert (c.depth_enabled, c.depth_writemask, c.depth_func, c.alpha_enabled, c.alpha_func) == (1, 1, 3, 1, 6)
    assert c.stencil[0] == C.StencilFace(1, 7, 2, 3, 4, 0xFF, 0x0F)
    assert c.stencil[1] == C.StencilFace(0, 0, 0, 0, 0, 0, 0)
    assert c.alpha_ref == 0.5


def test_vertex_elements():
    c = one(hdr(1, 5, 9), 4, 0, 0, 0, 31, 12, 1, 1, 30)   # R32G32B32A32_FLOAT, R32G32B32_FLOAT
    assert c == C.CreateVertexElements(4, (C.VertexElement(0, 0, 0, 31), C.VertexElement(12, 1, 1, 30)))


def test_sampler_view_texture_with_target():
    fmt_target = 67 | (2 << 24)                       # R8G8B8A8_UNORM, PIPE_TEXTURE_2D
    swz = 0 | (1 << 3) | (2 << 6) | (5 << 9)          # x, y, z, 1
    c = one(hdr(1, 6, 6), 5, 77, fmt_target, 2 | (5 << 16), 1 | (4 << 8), swz)
    assert isinstance(c, C.CreateSamplerView)
    assert (c.handle, c.res_handle, c.format, c.target) == (5, 77, 67, 2)
    assert (c.first_layer, c.last_layer, c.first_level, c.last_level) == (2, 5, 1, 4)
    assert (c.swizzle_r, c.swizzle_g, c.swizzle_b, c.swizzle_a) == (0, 1, 2, 5)


def test_sampler_state():
    s0 = 2 | (2 << 3) | (3 << 6) | (1 << 9) | (1 << 11) | (1 << 13) | (1 << 15) | (3 << 16) | (1 << 19) | (16 << 20)
    c = one(hdr(1, 7, 9), 6, s0, fui(0.5), fui(0.0), fui(1000.0), 1, 2, 3, 4)
    assert isinstance(c, C.CreateSamplerState)
    assert (c.wrap_s, c.wrap_t, c.wrap_r, c.min_img_filter, c.min_mip_filter, c.mag_img_filter) == (2, 2, 3, 1, 1, 1)
    assert (c.compare_mode, c.compare_func, c.seamless_cube_map, c.max_anisotropy) == (1, 3, 1, 16)
    assert (c.lod_bias, c.min_lod, c.max_lod, c.border_color) == (0.5, 0.0, 1000.0, (1, 2, 3, 4))


def test_surfaces():
    c = one(hdr(1, 8, 5), 10, 20, 1, 2, 3 | (4 << 16))
    assert c == C.CreateSurface(10, 20, 1, 2, 3 | (4 << 16))
    assert (c.level, c.first_layer, c.last_layer) == (2, 3, 4)
    c = one(hdr(1, 11, 6), 10, 20, 1, 0, 0, 4)
    assert c == C.CreateMsaaSurface(10, 20, 1, 0, 0, 4)


def test_query_and_streamout_objects():
    assert one(hdr(1, 9, 4), 8, 5 | (2 << 16), 16, 99) == C.CreateQuery(8, 5, 2, 16, 99)
    assert one(hdr(1, 10, 4), 9, 50, 0, 4096) == C.CreateStreamoutTarget(9, 50, 0, 4096)


def test_bind_and_destroy_objects():
    cmds = decode_all(pack(hdr(2, 1, 1), 3, hdr(2, 5, 1), 0, hdr(3, 4, 1), 11, hdr(3, 9, 1), 12))
    assert cmds == [C.BindObject(1, 3), C.BindObject(5, 0), C.DestroyObject(4, 11), C.DestroyObject(9, 12)]


def test_framebuffer_state_and_no_attach():
    cmds = decode_all(pack(hdr(5, 0, 4), 2, 30, 31, 0, hdr(38, 0, 2), 800 | (600 << 16), 1 | (4 << 16)))
    assert cmds == [C.SetFramebufferState(30, (31, 0)), C.SetFramebufferStateNoAttach(800, 600, 1, 4)]


def test_viewport_and_scissor():
    vp = [fui(v) for v in (400.0, -300.0, 0.5, 400.0, 300.0, 0.5)]
    c = one(hdr(4, 0, 7), 0, *vp)
    assert c == C.SetViewportState(0, (C.Viewport((400.0, -300.0, 0.5), (400.0, 300.0, 0.5)),))
    c = one(hdr(15, 0, 3), 1, 10 | (20 << 16), 110 | (220 << 16))
    assert c == C.SetScissorState(1, (C.Scissor(10, 20, 110, 220),))


def test_clear():
    depth = struct.unpack("<2I", struct.pack("<d", 0.75))
    c = one(hdr(7, 0, 8), 0x7, fui(1.0), fui(0.0), fui(0.5), fui(1.0), *depth, 0x80)
    assert c == C.Clear(0x7, (fui(1.0), 0, fui(0.5), fui(1.0)), 0.75, 0x80)


def test_vertex_index_constant_uniform_buffers():
    cmds = decode_all(pack(
        hdr(6, 0, 6), 16, 0, 100, 8, 64, 101,
        hdr(11, 0, 3), 102, 2, 128,
        hdr(11, 0, 1), 0,
        hdr(12, 0, 4), 1, 0, fui(1.0), fui(2.0),
        hdr(27, 0, 5), 0, 1, 256, 64, 103,
    ))
    assert cmds == [
        C.SetVertexBuffers((C.VertexBufferBinding(16, 0, 100), C.VertexBufferBinding(8, 64, 101))),
        C.SetIndexBuffer(102, 2, 128),
        C.SetIndexBuffer(0),
        C.SetConstantBuffer(1, 0, struct.pack("<2f", 1.0, 2.0)),
        C.SetUniformBuffer(0, 1, 256, 64, 103),
    ]


def test_sampler_views_and_states():
    cmds = decode_all(pack(hdr(10, 0, 4), 1, 0, 5, 0, hdr(18, 0, 3), 1, 2, 6))
    assert cmds == [C.SetSamplerViews(1, 0, (5, 0)), C.BindSamplerStates(1, 2, (6,))]


def test_draw_vbo_all_lengths():
    base = [0, 3, 4, 1, 2, (-5) & 0xFFFFFFFF, 0, 1, 0xFFFF, 0, 0xFFFFFFFF, 0]
    d = one(hdr(8, 0, 12), *base)
    assert (d.start, d.count, d.mode, d.indexed, d.instance_count, d.index_bias) == (0, 3, 4, True, 2, -5)
    assert (d.primitive_restart, d.restart_index, d.max_index, d.vertices_per_patch) == (True, 0xFFFF, 0xFFFFFFFF, 0)
    d = one(hdr(8, 0, 14), *base[:2], 14, *base[3:], 3, 7)
    assert (d.mode, d.vertices_per_patch, d.drawid) == (14, 3, 7)
    d = one(hdr(8, 0, 20), *base, 0, 0, 55, 16, 20, 4, 8, 56)
    assert (d.indirect_handle, d.indirect_offset, d.indirect_stride, d.indirect_draw_count,
            d.indirect_draw_count_offset, d.indirect_draw_count_handle) == (55, 16, 20, 4, 8, 56)


def test_inline_write_and_transfers():
    iw = one(hdr(9, 0, 12), 7, 0, 2, 0, 0, 4, 0, 0, 4, 1, 1, 0x44332211)
    assert iw == C.ResourceInlineWrite(7, 0, 2, 0, 0, 4, 0, 0, 4, 1, 1, b"\x11\x22\x33\x44")
    t = one(hdr(43, 0, 13), 7, 0, 2, 0, 0, 0, 0, 0, 64, 64, 1, 4096, 1)
    assert t == C.Transfer3D(7, 0, 2, 0, 0, 0, 0, 0, 64, 64, 1, 4096, 1)
    ct = one(hdr(45, 0, 14), 7, 0, 2, 256, 0, 0, 0, 0, 64, 64, 1, 9, 128, 0b11)
    assert ct == C.CopyTransfer3D(7, 0, 2, 256, 0, 0, 0, 0, 64, 64, 1, 9, 128, 1, 1)


def test_transfer_area_padding_is_skipped_by_length():
    # protocol >= 2: transfers, then END_TRANSFERS padding the area to 1024 words
    # with stale bytes that must not be read as commands.
    transfer = [hdr(43, 0, 13), 7, 0, 2, 0, 0, 0, 0, 0, 16, 1, 1, 0, 1]
    pad = 1024 - len(transfer) - 1
    stale = [hdr(8, 0, 0xFFFF)] * pad     # would be a fatal DRAW_VBO if decoded
    words = transfer + [hdr(44, 0, pad)] + stale + [hdr(29, 0, 1), 1]
    cmds = decode_all(pack(*words))
    assert [type(c) for c in cmds] == [C.Transfer3D, C.EndTransfers, C.CreateSubCtx]


def test_stencil_blend_color_sample_mask_min_samples():
    cmds = decode_all(pack(
        hdr(13, 0, 1), 0x12 | (0x34 << 8),
        hdr(14, 0, 4), fui(0.25), fui(0.5), fui(0.75), fui(1.0),
        hdr(24, 0, 1), 0xF,
        hdr(33, 0, 1), 4,
    ))
    assert cmds == [C.SetStencilRef(0x12, 0x34), C.SetBlendColor((0.25, 0.5, 0.75, 1.0)),
                    C.SetSampleMask(0xF), C.SetMinSamples(4)]


def test_blit_and_copy_region():
    s0 = 0xF | (1 << 8) | (1 << 10) | (1 << 12)
    c = one(hdr(16, 0, 21), s0, 1 | (2 << 16), 3 | (4 << 16),
            10, 0, 1, 0, 0, 0, 64, (-64) & 0xFFFFFFFF, 1,
            11, 1, 67, 0, 64, 0, 64, 64, 1)
    assert (c.mask, c.filter, c.scissor_enable, c.render_condition_enable, c.alpha_blend) == (0xF, 1, 1, 0, 1)
    assert (c.scissor_minx, c.scissor_miny, c.scissor_maxx, c.scissor_maxy) == (1, 2, 3, 4)
    assert c.dst == C.BlitRegion(10, 0, 1, 0, 0, 0, 64, -64, 1)
    assert c.src == C.BlitRegion(11, 1, 67, 0, 64, 0, 64, 64, 1)
    c = one(hdr(17, 0, 13), 1, 0, 2, 3, 0, 4, 1, 5, 6, 0, 7, 8, 1)
    assert c == C.ResourceCopyRegion(1, 0, 2, 3, 0, 4, 1, 5, 6, 0, 7, 8, 1)


def test_queries_and_render_condition():
    cmds = decode_all(pack(
        hdr(19, 0, 1), 8, hdr(20, 0, 1), 8, hdr(21, 0, 2), 8, 1,
        hdr(42, 0, 6), 8, 9, 0, 3, 16, (-1) & 0xFFFFFFFF,
        hdr(26, 0, 3), 8, 1, 2,
    ))
    assert cmds == [C.BeginQuery(8), C.EndQuery(8), C.GetQueryResult(8, True),
                    C.GetQueryResultQbo(8, 9, False, 3, 16, -1), C.SetRenderCondition(8, True, 2)]


def test_stipple_clip_tess():
    c = one(hdr(22, 0, 32), *range(32))
    assert c == C.SetPolygonStipple(tuple(range(32)))
    c = one(hdr(23, 0, 32), *([fui(1.0)] * 32))
    assert c == C.SetClipState((1.0,) * 32)
    c = one(hdr(32, 0, 6), *(fui(v) for v in (1, 2, 3, 4, 5, 6)))
    assert c == C.SetTessState((1.0, 2.0, 3.0, 4.0), (5.0, 6.0))


def test_streamout_targets_and_shader_binding():
    cmds = decode_all(pack(hdr(25, 0, 3), 1, 40, 41, hdr(31, 0, 2), 12, 1, hdr(52, 0, 6), 1, 2, 0, 0, 0, 0))
    assert cmds == [C.SetStreamoutTargets(1, (40, 41)), C.BindShader(12, 1), C.LinkShader(1, 2, 0, 0, 0, 0)]


def test_compute_and_images_buffers_barriers():
    cmds = decode_all(pack(
        hdr(34, 0, 5), 5, 1, 0, 256, 60,
        hdr(35, 0, 7), 5, 0, 67, 3, 0, 0, 61,
        hdr(40, 0, 4), 0, 0, 4, 62,
        hdr(36, 0, 1), 0x3FFF,
        hdr(39, 0, 1), 1,
        hdr(37, 0, 8), 8, 8, 1, 4, 4, 1, 0, 0,
    ))
    assert cmds == [
        C.SetShaderBuffers(5, 1, (C.ShaderBufferBinding(0, 256, 60),)),
        C.SetShaderImages(5, 0, (C.ShaderImageBinding(67, 3, 0, 0, 61),)),
        C.SetAtomicBuffers(0, (C.ShaderBufferBinding(0, 4, 62),)),
        C.MemoryBarrier(0x3FFF), C.TextureBarrier(1),
        C.LaunchGrid((8, 8, 1), (4, 4, 1), 0, 0),
    ]


def test_debug_flags_tweaks_marker_meminfo():
    flags = b"bgra,shader\0"
    marker = b"frame 1"
    cmds = decode_all(pack(
        hdr(41, 0, 3), *struct.unpack("<3I", flags),
        hdr(46, 0, 2), 1, 1,
        hdr(51, 0, 3), len(marker), *struct.unpack("<2I", marker + b"\0"),
        hdr(50, 0, 1), 77,
    ))
    assert cmds == [C.SetDebugFlags(b"bgra,shader"), C.SetTweaks(1, 1),
                    C.EmitStringMarker(marker), C.GetMemoryInfo(77)]


def test_resource_create_set_type_clear_texture():
    cmds = decode_all(pack(
        hdr(48, 0, 11), 2, 1, 0x2, 64, 64, 1, 1, 0, 0, 0, 5,
        hdr(49, 0, 10), 3, 1, 0x2, 64, 64, 0, 0x1, 0x2, 256, 0,
        hdr(47, 0, 12), 3, 0, 0, 0, 0, 4, 4, 1, 0xFFFFFFFF, 0, 0, 0,
    ))
    assert cmds == [
        C.PipeResourceCreate(2, 1, 2, 64, 64, 1, 1, 0, 0, 0, 5),
        C.PipeResourceSetType(3, 1, 2, 64, 64, 0, 0x2_00000001, (C.PlanePlacement(256, 0),)),
        C.ClearTexture(3, 0, 0, 0, 0, 4, 4, 1, (0xFFFFFFFF, 0, 0, 0)),
    ]


def test_video_commands():
    cmds = decode_all(pack(
        hdr(53, 0, 7), 1, 2, 3, 1, 0, 64, 64,
        hdr(55, 0, 6), 2, 166, 64, 64, 10, 11,
        hdr(57, 0, 2), 1, 2,
        hdr(59, 0, 5), 1, 2, 12, 13, 100,
        hdr(61, 0, 2), 1, 2,
        hdr(56, 0, 1), 2, hdr(54, 0, 1), 1,
    ))
    assert cmds == [
        C.CreateVideoCodec(1, 2, 3, 1, 0, 64, 64), C.CreateVideoBuffer(2, 166, 64, 64, (10, 11)),
        C.BeginFrame(1, 2), C.DecodeBitstream(1, 2, 12, 13, 100), C.EndFrame(1, 2),
        C.DestroyVideoBuffer(2), C.DestroyVideoCodec(1),
    ]


def test_nop_any_length():
    assert decode_all(pack(0, hdr(0, 0, 2), 5, 6)) == [C.Nop(), C.Nop()]


@pytest.mark.parametrize("stage", [0, 1, 5])
def test_shader_first_chunk(stage):
    text = b"VERT\nDCL IN[0]\nEND\n\0"
    padded = text + b"\0" * (-len(text) % 4)
    words = struct.unpack(f"<{len(padded) // 4}I", padded)
    c = one(hdr(1, 4, 5 + len(words)), 3, stage, len(text), 100, 64 if stage == 5 else 0, *words)
    assert isinstance(c, C.CreateShaderChunk)
    assert (c.handle, c.stage, c.offset, c.continuation, c.num_tokens) == (3, stage, len(text), False, 100)
    assert c.req_local_mem == (64 if stage == 5 else 0)
    assert c.text == padded


def test_shader_with_stream_output():
    so0 = 1 | (0 << 8) | (4 << 10) | (0 << 13) | (0 << 16)
    so1 = 2 | (1 << 8) | (3 << 10) | (1 << 13) | (4 << 16)
    c = one(hdr(1, 4, 5 + 4 + 4 + 1), 3, 0, 4, 50, 2, 16, 12, 0, 0, so0, 0, so1, 1, 0x444E45)
    assert c.so_strides == (16, 12, 0, 0)
    assert c.so_outputs == (C.StreamOutput(1, 0, 4, 0, 0, 0), C.StreamOutput(2, 1, 3, 1, 4, 1))
    assert c.text == b"END\0"


def test_header_fields():
    assert Ccmd.LINK_SHADER == 52 and Ccmd.END_FRAME == 61 and ObjectType.MSAA_SURFACE == 11
