"""Packing of the virgl capability sets (capset 1 = caps v1, capset 2 = caps v2).

The layout is Mesa 22.3.6's `struct virgl_caps_v2` (virgl_hw.h): v1 is 308
bytes and v2 1376. Fields are described once, as (name, struct code, count),
and both packing and unpacking read the same description.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass, field, fields
from enum import IntFlag

from pyvirgl.protocol import formats

CAPSET_VIRGL = 1
CAPSET_VIRGL2 = 2
CAPS_V1_SIZE = 308
CAPS_V2_SIZE = 1376
FORMAT_MASK_WORDS = 16  # 16 x 32 bits, one bit per virgl format number


class Cap(IntFlag):
    """`capability_bits` (VIRGL_CAP_*)."""
    TGSI_INVARIANT = 1 << 0
    TEXTURE_VIEW = 1 << 1
    SET_MIN_SAMPLES = 1 << 2
    COPY_IMAGE = 1 << 3
    TGSI_PRECISE = 1 << 4
    TXQS = 1 << 5
    MEMORY_BARRIER = 1 << 6
    COMPUTE_SHADER = 1 << 7
    FB_NO_ATTACH = 1 << 8
    ROBUST_BUFFER_ACCESS = 1 << 9
    TGSI_FBFETCH = 1 << 10
    SHADER_CLOCK = 1 << 11
    TEXTURE_BARRIER = 1 << 12
    TGSI_COMPONENTS = 1 << 13
    GUEST_MAY_INIT_LOG = 1 << 14
    SRGB_WRITE_CONTROL = 1 << 15
    QBO = 1 << 16
    TRANSFER = 1 << 17
    FBO_MIXED_COLOR_FORMATS = 1 << 18
    HOST_IS_GLES = 1 << 19
    BIND_COMMAND_ARGS = 1 << 20
    MULTI_DRAW_INDIRECT = 1 << 21
    INDIRECT_PARAMS = 1 << 22
    TRANSFORM_FEEDBACK3 = 1 << 23
    ASTC_3D = 1 << 24
    INDIRECT_INPUT_ADDR = 1 << 25
    COPY_TRANSFER = 1 << 26
    CLIP_HALFZ = 1 << 27
    APP_TWEAK_SUPPORT = 1 << 28
    BGRA_SRGB_IS_EMULATED = 1 << 29
    CLEAR_TEXTURE = 1 << 30
    ARB_BUFFER_STORAGE = 1 << 31


class CapV2(IntFlag):
    """`capability_bits_v2` (VIRGL_CAP_V2_*)."""
    BLEND_EQUATION = 1 << 0
    UNTYPED_RESOURCE = 1 << 1
    VIDEO_MEMORY = 1 << 2
    MEMINFO = 1 << 3
    STRING_MARKER = 1 << 4
    IMPLICIT_MSAA = 1 << 6
    COPY_TRANSFER_BOTH_DIRECTIONS = 1 << 7
    SCANOUT_USES_GBM = 1 << 8
    SSO = 1 << 9
    TEXTURE_SHADOW_LOD = 1 << 10


# The 32 one-bit flags of `struct virgl_caps_bool_set1`, lowest bit first.
BOOL_SET1 = (
    "indep_blend_enable", "indep_blend_func", "cube_map_array", "shader_stencil_export",
    "conditional_render", "start_instance", "primitive_restart", "blend_eq_sep",
    "instanceid", "vertex_element_instance_divisor", "seamless_cube_map", "occlusion_query",
    "timer_query", "streamout_pause_resume", "texture_multisample", "fragment_coord_conventions",
    "depth_clip_disable", "seamless_cube_map_per_texture", "ubo", "color_clamping",
    "poly_stipple", "mirror_clamp", "texture_query_lod", "has_fp64",
    "has_tessellation_shaders", "has_indirect_draw", "has_sample_shading", "has_cull",
    "conditional_render_inverted", "derivative_control", "polygon_offset_clamp",
    "transform_feedback_overflow_query",
)


def _mask() -> list[int]:
    return [0] * FORMAT_MASK_WORDS


@dataclass
class Caps:
    """Every field of caps v2 (v1 is its first 308 bytes). Zero means 'not supported'."""
    max_version: int = 2
    sampler: list[int] = field(default_factory=_mask)
    render: list[int] = field(default_factory=_mask)
    depthstencil: list[int] = field(default_factory=_mask)
    vertexbuffer: list[int] = field(default_factory=_mask)
    bset: frozenset[str] = frozenset()
    glsl_level: int = 0
    max_texture_array_layers: int = 0
    max_streamout_buffers: int = 0
    max_dual_source_render_targets: int = 0
    max_render_targets: int = 0
    max_samples: int = 0
    prim_mask: int = 0
    max_tbo_size: int = 0
    max_uniform_blocks: int = 0
    max_viewports: int = 0
    max_texture_gather_components: int = 0
    # --- v2 ---
    min_aliased_point_size: float = 0.0
    max_aliased_point_size: float = 0.0
    min_smooth_point_size: float = 0.0
    max_smooth_point_size: float = 0.0
    min_aliased_line_width: float = 0.0
    max_aliased_line_width: float = 0.0
    min_smooth_line_width: float = 0.0
    max_smooth_line_width: float = 0.0
    max_texture_lod_bias: float = 0.0
    max_geom_output_vertices: int = 0
    max_geom_total_output_components: int = 0
    max_vertex_outputs: int = 0
    max_vertex_attribs: int = 0
    max_shader_patch_varyings: int = 0
    min_texel_offset: int = 0
    max_texel_offset: int = 0
    min_texture_gather_offset: int = 0
    max_texture_gather_offset: int = 0
    texture_buffer_offset_alignment: int = 0
    uniform_buffer_offset_alignment: int = 0
    shader_buffer_offset_alignment: int = 0
    capability_bits: int = 0
    sample_locations: list[int] = field(default_factory=lambda: [0] * 8)
    max_vertex_attrib_stride: int = 0
    max_shader_buffer_frag_compute: int = 0
    max_shader_buffer_other_stages: int = 0
    max_shader_image_frag_compute: int = 0
    max_shader_image_other_stages: int = 0
    max_image_samples: int = 0
    max_compute_work_group_invocations: int = 0
    max_compute_shared_memory_size: int = 0
    max_compute_grid_size: list[int] = field(default_factory=lambda: [0] * 3)
    max_compute_block_size: list[int] = field(default_factory=lambda: [0] * 3)
    max_texture_2d_size: int = 0
    max_texture_3d_size: int = 0
    max_texture_cube_size: int = 0
    max_combined_shader_buffers: int = 0
    max_atomic_counters: list[int] = field(default_factory=lambda: [0] * 6)
    max_atomic_counter_buffers: list[int] = field(default_factory=lambda: [0] * 6)
    max_combined_atomic_counters: int = 0
    max_combined_atomic_counter_buffers: int = 0
    host_feature_check_version: int = 0
    supported_readback_formats: list[int] = field(default_factory=_mask)
    scanout: list[int] = field(default_factory=_mask)
    capability_bits_v2: int = 0
    max_video_memory: int = 0
    renderer: str = ""
    max_anisotropy: float = 0.0
    max_shader_sampler_views: int = 0
    supported_multisample_formats: list[int] = field(default_factory=_mask)
    max_const_buffer_size: list[int] = field(default_factory=lambda: [0] * 6)
    num_video_caps: int = 0
    video_caps: bytes = bytes(32 * 16)
    max_uniform_block_size: int = 0


# struct code and element count of each field, in wire order.
_LAYOUT: dict[str, tuple[str, int]] = {
    "max_version": ("I", 1),
    "sampler": ("I", 16), "render": ("I", 16), "depthstencil": ("I", 16), "vertexbuffer": ("I", 16),
    "bset": ("I", 1),
    **{name: ("I", 1) for name in (
        "glsl_level", "max_texture_array_layers", "max_streamout_buffers",
        "max_dual_source_render_targets", "max_render_targets", "max_samples", "prim_mask",
        "max_tbo_size", "max_uniform_blocks", "max_viewports", "max_texture_gather_components")},
    **{name: ("f", 1) for name in (
        "min_aliased_point_size", "max_aliased_point_size", "min_smooth_point_size",
        "max_smooth_point_size", "min_aliased_line_width", "max_aliased_line_width",
        "min_smooth_line_width", "max_smooth_line_width", "max_texture_lod_bias")},
    **{name: ("I", 1) for name in (
        "max_geom_output_vertices", "max_geom_total_output_components", "max_vertex_outputs",
        "max_vertex_attribs", "max_shader_patch_varyings")},
    **{name: ("i", 1) for name in (
        "min_texel_offset", "max_texel_offset", "min_texture_gather_offset", "max_texture_gather_offset")},
    **{name: ("I", 1) for name in (
        "texture_buffer_offset_alignment", "uniform_buffer_offset_alignment",
        "shader_buffer_offset_alignment", "capability_bits")},
    "sample_locations": ("I", 8),
    **{name: ("I", 1) for name in (
        "max_vertex_attrib_stride", "max_shader_buffer_frag_compute", "max_shader_buffer_other_stages",
        "max_shader_image_frag_compute", "max_shader_image_other_stages", "max_image_samples",
        "max_compute_work_group_invocations", "max_compute_shared_memory_size")},
    "max_compute_grid_size": ("I", 3), "max_compute_block_size": ("I", 3),
    **{name: ("I", 1) for name in (
        "max_texture_2d_size", "max_texture_3d_size", "max_texture_cube_size", "max_combined_shader_buffers")},
    "max_atomic_counters": ("I", 6), "max_atomic_counter_buffers": ("I", 6),
    **{name: ("I", 1) for name in (
        "max_combined_atomic_counters", "max_combined_atomic_counter_buffers", "host_feature_check_version")},
    "supported_readback_formats": ("I", 16), "scanout": ("I", 16),
    "capability_bits_v2": ("I", 1), "max_video_memory": ("I", 1),
    "renderer": ("s", 64),
    "max_anisotropy": ("f", 1), "max_shader_sampler_views": ("I", 1),
    "supported_multisample_formats": ("I", 16),
    "max_const_buffer_size": ("I", 6),
    "num_video_caps": ("I", 1),
    "video_caps": ("s", 512),
    "max_uniform_block_size": ("I", 1),
}

_V1_FIELDS = list(_LAYOUT)[: list(_LAYOUT).index("max_texture_gather_components") + 1]
_FMT_V2 = "<" + "".join(f"{n}{c}" for c, n in _LAYOUT.values())
_STRUCT_V2 = struct.Struct(_FMT_V2)
assert _STRUCT_V2.size == CAPS_V2_SIZE, _STRUCT_V2.size
assert {f.name for f in fields(Caps)} == set(_LAYOUT)


def _bset_word(names: frozenset[str]) -> int:
    unknown = set(names) - set(BOOL_SET1)
    if unknown:
        raise ValueError(f"unknown bool caps {sorted(unknown)}")
    return sum(1 << BOOL_SET1.index(n) for n in names)


def _flatten(caps: Caps) -> list:
    values: list = []
    for name, (code, count) in _LAYOUT.items():
        value = getattr(caps, name)
        if name == "bset":
            values.append(_bset_word(value))
        elif code == "s":
            raw = value.encode()[: count - 1] if isinstance(value, str) else bytes(value)
            values.append(raw)
        elif count == 1:
            values.append(value)
        else:
            if len(value) != count:
                raise ValueError(f"caps field {name} needs {count} values, has {len(value)}")
            values.extend(value)
    return values


def pack_v2(caps: Caps) -> bytes:
    return _STRUCT_V2.pack(*_flatten(caps))


def pack_v1(caps: Caps) -> bytes:
    """Caps v1 is the first 308 bytes of v2, with max_version 1."""
    v1 = Caps(**{**caps.__dict__, "max_version": 1})
    return pack_v2(v1)[:CAPS_V1_SIZE]


def unpack_v2(raw: bytes) -> Caps:
    """Parse caps bytes (v1 or v2; missing tail fields read as zero)."""
    raw = bytes(raw[:CAPS_V2_SIZE]).ljust(CAPS_V2_SIZE, b"\0")
    flat = list(_STRUCT_V2.unpack(raw))
    out = {}
    for name, (code, count) in _LAYOUT.items():
        if code == "s":
            value = flat.pop(0)
            out[name] = value.split(b"\0", 1)[0].decode("utf-8", "replace") if name == "renderer" else value
        elif name == "bset":
            word = flat.pop(0)
            out[name] = frozenset(n for i, n in enumerate(BOOL_SET1) if word >> i & 1)
        elif count == 1:
            out[name] = flat.pop(0)
        else:
            out[name] = [flat.pop(0) for _ in range(count)]
    return Caps(**out)


def formats_in_mask(mask: list[int]) -> list[int]:
    return formats.mask_ids(mask)


def mask_of(format_ids) -> list[int]:
    """Format ids as a caps mask; the bit layout is the format table's (formats.mask_words)."""
    return list(formats.mask_words(format_ids, FORMAT_MASK_WORDS))


V1_FIELDS = tuple(_V1_FIELDS)
