"""Caps rules: host facts pass through, features only where pyvirgl implements them."""
from types import SimpleNamespace

from pyvirgl.protocol import caps as c
from pyvirgl.renderer import features
from pyvirgl.renderer.caps_builder import RENDERER_PREFIX, FormatSupport, build_caps


def host(extensions=("GL_ARB_seamless_cubemap_per_texture",), **limits):
    base = {"GL_MAX_TEXTURE_SIZE": 8192, "GL_MAX_DRAW_BUFFERS": 8, "GL_MAX_COLOR_ATTACHMENTS": 4,
            "GL_MAX_VERTEX_ATTRIBS": 64, "GL_MAX_UNIFORM_BLOCK_SIZE": 65536,
            "GL_MAX_VERTEX_UNIFORM_BLOCKS": 14, "GL_MAX_FRAGMENT_UNIFORM_BLOCKS": 15,
            "GL_MAX_GEOMETRY_UNIFORM_BLOCKS": 15, "GL_MAX_UNIFORM_BUFFER_BINDINGS": 90,
            "GL_MAX_TEXTURE_BUFFER_SIZE": 1 << 27, "GL_MAX_DUAL_SOURCE_DRAW_BUFFERS": 1,
            "GL_MAX_GEOMETRY_OUTPUT_VERTICES": 256, "GL_MAX_GEOMETRY_TOTAL_OUTPUT_COMPONENTS": 1024,
            "GL_MAX_VIEWPORTS": 16}
    base.update(limits)
    return SimpleNamespace(renderer="llvmpipe (test)", glsl_version=450, max_anisotropy=16.0,
                           limit=lambda name: base.get(name, 0), has=lambda ext: ext in extensions,
                           ranges={"GL_ALIASED_POINT_SIZE_RANGE": (1.0, 255.0)})


def test_host_limits_pass_through_and_are_clamped_to_the_protocol():
    caps = build_caps(host(), FormatSupport())
    assert caps.max_texture_2d_size == 8192
    assert caps.max_render_targets == 4            # the smaller of draw buffers and attachments
    assert caps.max_vertex_attribs == 32           # Gallium's limit, whatever the host has
    assert caps.max_aliased_point_size == 255.0
    assert caps.renderer == f"{RENDERER_PREFIX} llvmpipe (test)"


def test_features_come_only_from_what_is_implemented():
    implemented = SimpleNamespace(GLSL_LEVEL=130, BOOL_CAPS=frozenset({"ubo"}), CAP_BITS=c.Cap.TRANSFER,
                                  CAP_V2_BITS=c.CapV2(0))
    caps = build_caps(host(), FormatSupport(), implemented=implemented)
    assert caps.glsl_level == 130
    assert caps.bset == frozenset({"ubo"})
    assert caps.capability_bits == int(c.Cap.TRANSFER)


def test_glsl_level_never_exceeds_the_host():
    implemented = SimpleNamespace(GLSL_LEVEL=460, BOOL_CAPS=frozenset(), CAP_BITS=c.Cap(0), CAP_V2_BITS=c.CapV2(0))
    assert build_caps(host(), FormatSupport(), implemented=implemented).glsl_level == 450


def test_format_masks_are_the_probe_results():
    probe = FormatSupport(sampler=tuple(c.mask_of([1, 2])), render=tuple(c.mask_of([1])),
                          readback=tuple(c.mask_of([2])))
    caps = build_caps(host(), probe)
    assert c.formats_in_mask(caps.sampler) == [1, 2]
    assert c.formats_in_mask(caps.render) == [1]
    assert c.formats_in_mask(caps.supported_readback_formats) == [2]


def test_shipped_feature_names_are_valid_caps():
    assert set(features.BOOL_CAPS) <= set(c.BOOL_SET1)


def test_gl33_counts_come_from_the_host_when_implemented():
    caps = build_caps(host(), FormatSupport())
    assert caps.max_tbo_size == 1 << 27
    assert caps.max_uniform_blocks == 14           # the smallest stage, block 0 included
    assert caps.max_dual_source_render_targets == 1
    assert caps.max_geom_output_vertices == 256
    assert caps.prim_mask & (1 << 10) and caps.prim_mask & (1 << 13)   # adjacency for geometry shaders
    assert not caps.prim_mask & (1 << 7)           # quads stay lowered by the guest
    assert caps.max_viewports == 16


def test_uniform_blocks_fit_every_stage_into_the_host_bindings():
    caps = build_caps(host(GL_MAX_UNIFORM_BUFFER_BINDINGS=36), FormatSupport())
    assert caps.max_uniform_blocks == 6            # six stages share 36 binding points
    assert caps.max_uniform_blocks <= features.UBO_SLOTS_PER_STAGE


def test_count_caps_are_zero_when_not_implemented():
    implemented = SimpleNamespace(GLSL_LEVEL=130, BOOL_CAPS=frozenset(), CAP_BITS=c.Cap(0), CAP_V2_BITS=c.CapV2(0))
    caps = build_caps(host(), FormatSupport(), implemented=implemented)
    assert (caps.max_tbo_size, caps.max_uniform_blocks, caps.max_dual_source_render_targets) == (0, 0, 0)
    assert caps.max_geom_output_vertices == 0 and caps.prim_mask == (1 << 7) - 1
    assert caps.max_viewports == 1


def test_seamless_cube_maps_need_the_per_texture_host_extension():
    assert "seamless_cube_map" in build_caps(host(), FormatSupport()).bset
    bare = build_caps(host(extensions=()), FormatSupport())
    assert not {"seamless_cube_map", "seamless_cube_map_per_texture"} & bare.bset


def test_shader_resource_counts_fit_the_binding_layouts():
    h = host(GL_MAX_SHADER_STORAGE_BUFFER_BINDINGS=40, GL_MAX_FRAGMENT_SHADER_STORAGE_BLOCKS=16,
             GL_MAX_VERTEX_SHADER_STORAGE_BLOCKS=16, GL_MAX_COMBINED_SHADER_STORAGE_BLOCKS=80,
             GL_MAX_IMAGE_UNITS=40, GL_MAX_FRAGMENT_IMAGE_UNIFORMS=32, GL_MAX_VERTEX_IMAGE_UNIFORMS=32,
             GL_MAX_ATOMIC_COUNTER_BUFFER_BINDINGS=8, GL_MAX_FRAGMENT_ATOMIC_COUNTER_BUFFERS=16,
             GL_MAX_COMBINED_ATOMIC_COUNTER_BUFFERS=80)
    caps = build_caps(h, FormatSupport())
    # Five graphics stages of storage buffers must fit 40 bindings: 8 each.
    assert caps.max_shader_buffer_frag_compute == caps.max_shader_buffer_other_stages == 8
    assert caps.max_combined_shader_buffers == 40
    # Image units are handed out per program: 40 units over five stages.
    assert caps.max_shader_image_frag_compute == caps.max_shader_image_other_stages == 8
    # Atomic buffer n is binding n in every stage.
    assert caps.max_atomic_counter_buffers[4] == 8 and caps.max_combined_atomic_counter_buffers == 8
    assert caps.capability_bits & int(c.Cap.COMPUTE_SHADER)


def test_no_shader_resources_without_the_implementation():
    implemented = SimpleNamespace(GLSL_LEVEL=130, BOOL_CAPS=frozenset(), CAP_BITS=c.Cap(0), CAP_V2_BITS=c.CapV2(0))
    caps = build_caps(host(GL_MAX_IMAGE_UNITS=40), FormatSupport(), implemented=implemented)
    assert caps.max_shader_image_frag_compute == 0 and caps.max_compute_block_size == [0, 0, 0]


def test_robust_buffer_access_only_when_the_host_context_is_robust():
    assert build_caps(host(GL_CONTEXT_FLAGS=0x4), FormatSupport()).capability_bits & int(c.Cap.ROBUST_BUFFER_ACCESS)
    assert not build_caps(host(), FormatSupport()).capability_bits & int(c.Cap.ROBUST_BUFFER_ACCESS)


def test_framebuffers_without_attachments_multisample_when_the_host_does():
    # Mesa asks is_format_supported(PIPE_FORMAT_NONE, samples) for no-attachment
    # framebuffers, which reads bit 0 of the multisample format mask.
    probe = FormatSupport(multisample=tuple(c.mask_of([1])))
    with_ms = build_caps(host(GL_MAX_FRAMEBUFFER_SAMPLES=4), probe)
    assert c.formats_in_mask(with_ms.supported_multisample_formats) == [0, 1]
    without = build_caps(host(GL_MAX_FRAMEBUFFER_SAMPLES=0), probe)
    assert c.formats_in_mask(without.supported_multisample_formats) == [1]


def test_capability_bits_that_need_a_host_extension_are_dropped_without_it():
    assert build_caps(host(extensions=("GL_ARB_shader_texture_image_samples",)), FormatSupport()).capability_bits \
        & c.Cap.TXQS
    assert not build_caps(host(extensions=()), FormatSupport()).capability_bits & c.Cap.TXQS


def test_sample_positions_are_packed_where_mesa_reads_them():
    # llvmpipe's 4x pattern and a 2x one; Mesa's virgl_get_sample_position
    # reads 2x from word 0, 4x from word 1, 8x from words 2-3.
    h = host()
    h.sample_positions = {2: ((0.75, 0.75), (0.25, 0.25)),
                          4: ((0.375, 0.125), (0.875, 0.375), (0.125, 0.625), (0.625, 0.875))}
    locations = build_caps(h, FormatSupport()).sample_locations
    assert locations[0] == 0xCC | (0x44 << 8)
    assert locations[1] == 0x62 | (0xE6 << 8) | (0x2A << 16) | (0xAE << 24)
    assert locations[2:] == [0] * 6
    # The guest's decoding (virgl_get_sample_position) gives the positions back.
    bits = locations[1] >> 8
    assert (((bits >> 4) & 0xF) / 16.0, (bits & 0xF) / 16.0) == (0.875, 0.375)


def test_no_sample_positions_leave_zeros():
    assert build_caps(host(), FormatSupport()).sample_locations == [0] * 8
