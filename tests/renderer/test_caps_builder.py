"""Caps rules: host facts pass through, features only where pyvirgl implements them."""
from types import SimpleNamespace

from pyvirgl.protocol import caps as c
from pyvirgl.renderer import features
from pyvirgl.renderer.caps_builder import RENDERER_PREFIX, FormatSupport, build_caps


def host(**limits):
    base = {"GL_MAX_TEXTURE_SIZE": 8192, "GL_MAX_DRAW_BUFFERS": 8, "GL_MAX_COLOR_ATTACHMENTS": 4,
            "GL_MAX_VERTEX_ATTRIBS": 64, "GL_MAX_UNIFORM_BLOCK_SIZE": 65536}
    base.update(limits)
    return SimpleNamespace(renderer="llvmpipe (test)", glsl_version=450, max_anisotropy=16.0,
                           limit=lambda name: base.get(name, 0),
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
