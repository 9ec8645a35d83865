"""Caps from facts: what the host GL reports, which formats it handles, and what we implement.

No GL here: the GL backend reads the host into plain data and this module
turns that into the caps structure, so the rules are testable anywhere.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from pyvirgl.protocol.caps import Cap, CapV2, Caps, formats_in_mask, mask_of
from pyvirgl.renderer import features

# The renderer string format Mesa shows as GL_RENDERER: "virgl (<ours>)".
RENDERER_PREFIX = "pyvirgl"
# host_feature_check_version: how much of the newer protocol the guest may
# rely on. What Mesa 22.3 reads from each step: 5 = the renderer string is
# filled in; 6 = compatibility contexts get the full GLSL level (the
# translator takes compatibility-profile TGSI: colours, fog, clip vertex);
# 7 = the guest sends LINK_SHADER (a hint; executor.py accepts it);
# 9 = the multisample format mask is honoured (probed, formats.py).
# 10 would switch varyings to TEXCOORD semantics and 12 would make the
# per-stage constant buffer sizes binding; neither is promised yet.
HOST_FEATURE_CHECK_VERSION = 9


def _empty() -> tuple[int, ...]:
    return (0,) * 16


@dataclass(frozen=True)
class FormatSupport:
    """Bit masks (16 x u32) indexed by virgl format number, from probing the host
    (backend.gl.formats.FormatMasks has the same fields)."""
    sampler: tuple[int, ...] = field(default_factory=_empty)
    render: tuple[int, ...] = field(default_factory=_empty)
    depthstencil: tuple[int, ...] = field(default_factory=_empty)
    vertexbuffer: tuple[int, ...] = field(default_factory=_empty)
    readback: tuple[int, ...] = field(default_factory=_empty)
    scanout: tuple[int, ...] = field(default_factory=_empty)
    multisample: tuple[int, ...] = field(default_factory=_empty)


def build_caps(host, formats: FormatSupport, *, implemented=features) -> Caps:
    """`host` is a backend.gl.host_info.HostGLInfo (or any object with its fields)."""
    lim = host.limit
    caps = Caps()
    caps.max_version = 2
    caps.glsl_level = min(host.glsl_version, implemented.GLSL_LEVEL)
    needs = getattr(implemented, "HOST_EXTENSION_FOR", {})
    caps.bset = frozenset(name for name in implemented.BOOL_CAPS
                          if name not in needs or host.has(needs[name]))
    caps.capability_bits = int(implemented.CAP_BITS)
    for bit, extension in getattr(implemented, "HOST_EXTENSION_FOR_BIT", {}).items():
        if not host.has(extension):
            caps.capability_bits &= ~int(bit)
    if lim("GL_CONTEXT_FLAGS") & 0x4:   # GL_CONTEXT_FLAG_ROBUST_ACCESS_BIT
        # Out-of-range guest reads return zeros instead of host memory.
        caps.capability_bits |= int(Cap.ROBUST_BUFFER_ACCESS)
    caps.capability_bits_v2 = int(implemented.CAP_V2_BITS)
    # Format masks are what the host really does with each format, probed;
    # pyvirgl stores and transfers every one of them.
    caps.sampler, caps.render = list(formats.sampler), list(formats.render)
    caps.depthstencil, caps.vertexbuffer = list(formats.depthstencil), list(formats.vertexbuffer)
    multisample = formats_in_mask(list(formats.multisample)) if any(formats.multisample) else []
    if caps.capability_bits & Cap.FB_NO_ATTACH and lim("GL_MAX_FRAMEBUFFER_SAMPLES") >= 2:
        # Format 0 (NONE) stands for "no attachments": Mesa checks it before
        # giving such framebuffers samples (framebuffer.py sets them).
        multisample = [0, *multisample]
    caps.supported_multisample_formats = mask_of(multisample)
    caps.supported_readback_formats = list(formats.readback)
    caps.scanout = list(formats.scanout)

    # Limits are facts about the host; reporting them promises nothing extra.
    caps.max_streamout_buffers = min(getattr(implemented, "MAX_STREAMOUT_BUFFERS", 0),
                                     lim("GL_MAX_TRANSFORM_FEEDBACK_BUFFERS"))
    caps.max_texture_array_layers = lim("GL_MAX_ARRAY_TEXTURE_LAYERS")
    caps.max_render_targets = min(lim("GL_MAX_DRAW_BUFFERS"), lim("GL_MAX_COLOR_ATTACHMENTS"))
    caps.max_samples = lim("GL_MAX_SAMPLES")
    caps.max_viewports = max(1, min(lim("GL_MAX_VIEWPORTS"), getattr(implemented, "MAX_VIEWPORTS", 1)))
    caps.max_texture_2d_size = lim("GL_MAX_TEXTURE_SIZE")
    caps.max_texture_3d_size = lim("GL_MAX_3D_TEXTURE_SIZE")
    caps.max_texture_cube_size = lim("GL_MAX_CUBE_MAP_TEXTURE_SIZE")
    caps.max_vertex_attribs = min(lim("GL_MAX_VERTEX_ATTRIBS"), 32)
    caps.max_vertex_outputs = lim("GL_MAX_VERTEX_OUTPUT_COMPONENTS") // 4
    caps.min_texel_offset = lim("GL_MIN_PROGRAM_TEXEL_OFFSET")
    caps.max_texel_offset = lim("GL_MAX_PROGRAM_TEXEL_OFFSET")
    caps.uniform_buffer_offset_alignment = lim("GL_UNIFORM_BUFFER_OFFSET_ALIGNMENT")
    caps.texture_buffer_offset_alignment = lim("GL_TEXTURE_BUFFER_OFFSET_ALIGNMENT")
    caps.max_vertex_attrib_stride = lim("GL_MAX_VERTEX_ATTRIB_STRIDE")
    caps.max_shader_sampler_views = min(lim("GL_MAX_TEXTURE_IMAGE_UNITS"), 32)
    caps.max_uniform_block_size = lim("GL_MAX_UNIFORM_BLOCK_SIZE")
    caps.max_texture_lod_bias = float(lim("GL_MAX_TEXTURE_LOD_BIAS"))
    caps.max_anisotropy = host.max_anisotropy
    (caps.min_aliased_point_size, caps.max_aliased_point_size) = host.ranges.get("GL_ALIASED_POINT_SIZE_RANGE", (0, 0))
    (caps.min_smooth_point_size, caps.max_smooth_point_size) = host.ranges.get("GL_POINT_SIZE_RANGE", (0, 0))
    (caps.min_aliased_line_width, caps.max_aliased_line_width) = host.ranges.get("GL_ALIASED_LINE_WIDTH_RANGE", (0, 0))
    (caps.min_smooth_line_width, caps.max_smooth_line_width) = host.ranges.get("GL_SMOOTH_LINE_WIDTH_RANGE", (0, 0))
    if getattr(implemented, "TEXTURE_BUFFERS", False):
        caps.max_tbo_size = lim("GL_MAX_TEXTURE_BUFFER_SIZE")
    if getattr(implemented, "UNIFORM_BLOCKS", False):
        # Guest block 0 (the plain constants) is a host block too, so the guest
        # gets as many as the smallest stage has, within our binding layout.
        per_stage = min(lim("GL_MAX_VERTEX_UNIFORM_BLOCKS"), lim("GL_MAX_FRAGMENT_UNIFORM_BLOCKS"))
        if getattr(implemented, "GEOMETRY_SHADERS", False):
            per_stage = min(per_stage, lim("GL_MAX_GEOMETRY_UNIFORM_BLOCKS"))
        caps.max_uniform_blocks = min(per_stage, getattr(implemented, "UBO_SLOTS_PER_STAGE", per_stage),
                                      lim("GL_MAX_UNIFORM_BUFFER_BINDINGS") // 6)
    if getattr(implemented, "TEXTURE_GATHER", False):
        caps.max_texture_gather_components = lim("GL_MAX_PROGRAM_TEXTURE_GATHER_COMPONENTS_ARB")
        caps.min_texture_gather_offset = lim("GL_MIN_PROGRAM_TEXTURE_GATHER_OFFSET")
        caps.max_texture_gather_offset = lim("GL_MAX_PROGRAM_TEXTURE_GATHER_OFFSET")
    if getattr(implemented, "TESSELLATION", False):
        caps.max_shader_patch_varyings = lim("GL_MAX_TESS_PATCH_COMPONENTS") // 4
    _shader_resource_caps(caps, lim, host, implemented)
    if getattr(implemented, "DUAL_SOURCE_BLEND", False):
        caps.max_dual_source_render_targets = lim("GL_MAX_DUAL_SOURCE_DRAW_BUFFERS")
    # Points, lines, line loops/strips, triangles, strips and fans: the
    # primitive types every GL 3.3 core host draws natively; quads and
    # polygons the guest lowers itself.
    caps.prim_mask = (1 << 7) - 1
    if getattr(implemented, "GEOMETRY_SHADERS", False):
        caps.max_geom_output_vertices = lim("GL_MAX_GEOMETRY_OUTPUT_VERTICES")
        caps.max_geom_total_output_components = lim("GL_MAX_GEOMETRY_TOTAL_OUTPUT_COMPONENTS")
        # Lines and triangles with adjacency (and their strips) are core
        # since GL 3.2 and only mean something to a geometry shader.
        caps.prim_mask |= sum(1 << p for p in range(10, 14))
    if "has_tessellation_shaders" in caps.bset:
        caps.prim_mask |= 1 << 14   # patches
    caps.sample_locations = sample_locations(getattr(host, "sample_positions", {}))
    caps.host_feature_check_version = HOST_FEATURE_CHECK_VERSION
    caps.renderer = f"{RENDERER_PREFIX} {host.renderer}"[:63]
    return caps


# Where Mesa's virgl_get_sample_position reads each count's positions: first
# word of caps.v2.sample_locations, four samples (one byte each) per word.
_SAMPLE_LOCATION_WORD = {2: 0, 4: 1, 8: 2, 16: 4}


def sample_locations(positions: dict) -> list[int]:
    """The caps' packed sample positions: per sample a byte, x in the high
    nibble and y in the low one, sixteenths of a pixel (GL_SAMPLE_POSITION)."""
    words = [0] * 8
    for count, first in _SAMPLE_LOCATION_WORD.items():
        for k, (x, y) in enumerate(positions.get(count, ())[:count]):
            byte = (min(15, max(0, int(x * 16.0))) << 4) | min(15, max(0, int(y * 16.0)))
            words[first + k // 4] |= byte << (8 * (k % 4))
    return words


_GRAPHICS_STAGES = 5   # VS, TCS, TES, GS, FS: the stages one draw's program can hold


def _shader_resource_caps(caps: Caps, lim, host, implemented) -> None:
    """Storage buffers, images, atomic counters and compute limits, from the host,
    within the binding layouts of backend/gl/shader_resources.py."""
    if getattr(implemented, "SHADER_BUFFERS", False):
        # Graphics stage s uses bindings from s*SSBO_SLOTS_PER_STAGE (compute its own from 0).
        per_stage = min(implemented.SSBO_SLOTS_PER_STAGE,
                        lim("GL_MAX_SHADER_STORAGE_BUFFER_BINDINGS") // _GRAPHICS_STAGES)
        caps.max_shader_buffer_frag_compute = min(lim("GL_MAX_FRAGMENT_SHADER_STORAGE_BLOCKS"), per_stage)
        caps.max_shader_buffer_other_stages = min(lim("GL_MAX_VERTEX_SHADER_STORAGE_BLOCKS"), per_stage)
        caps.max_combined_shader_buffers = min(lim("GL_MAX_COMBINED_SHADER_STORAGE_BLOCKS"),
                                               _GRAPHICS_STAGES * per_stage)
        caps.shader_buffer_offset_alignment = lim("GL_SHADER_STORAGE_BUFFER_OFFSET_ALIGNMENT")
    if getattr(implemented, "SHADER_IMAGES", False):
        # Units are handed out per program; all graphics stages must fit.
        per_stage = lim("GL_MAX_IMAGE_UNITS") // _GRAPHICS_STAGES
        caps.max_shader_image_frag_compute = min(lim("GL_MAX_FRAGMENT_IMAGE_UNIFORMS"), per_stage)
        caps.max_shader_image_other_stages = min(lim("GL_MAX_VERTEX_IMAGE_UNIFORMS"), per_stage)
        caps.max_image_samples = lim("GL_MAX_IMAGE_SAMPLES")
    if getattr(implemented, "ATOMIC_COUNTERS", False):
        # Atomic buffer n is host binding n for every stage.
        stages = ("VERTEX", "TESS_CONTROL", "TESS_EVALUATION", "GEOMETRY", "FRAGMENT", "COMPUTE")
        bindings = lim("GL_MAX_ATOMIC_COUNTER_BUFFER_BINDINGS")
        caps.max_atomic_counters = [lim(f"GL_MAX_{s}_ATOMIC_COUNTERS") for s in stages]
        caps.max_atomic_counter_buffers = [min(lim(f"GL_MAX_{s}_ATOMIC_COUNTER_BUFFERS"), bindings) for s in stages]
        caps.max_combined_atomic_counters = lim("GL_MAX_COMBINED_ATOMIC_COUNTERS")
        caps.max_combined_atomic_counter_buffers = min(lim("GL_MAX_COMBINED_ATOMIC_COUNTER_BUFFERS"), bindings)
    if getattr(implemented, "COMPUTE", False):
        caps.max_compute_work_group_invocations = lim("GL_MAX_COMPUTE_WORK_GROUP_INVOCATIONS")
        caps.max_compute_shared_memory_size = lim("GL_MAX_COMPUTE_SHARED_MEMORY_SIZE")
        caps.max_compute_grid_size = list(getattr(host, "indexed", {}).get("GL_MAX_COMPUTE_WORK_GROUP_COUNT", (0, 0, 0)))
        caps.max_compute_block_size = list(getattr(host, "indexed", {}).get("GL_MAX_COMPUTE_WORK_GROUP_SIZE", (0, 0, 0)))


__all__ = ["FormatSupport", "build_caps", "Cap", "CapV2"]
