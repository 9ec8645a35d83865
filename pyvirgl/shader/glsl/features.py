"""Which GLSL version and extensions a generated shader needs.

The emitter calls `need(feature)` whenever it writes something beyond the
GLSL 3.30 core baseline; at the end `header()` picks the lowest `#version`
that covers everything the host has natively and adds `#extension` lines for
the rest. A feature neither in core nor offered as an extension by the host
raises ShaderError: the guest asked for something this host cannot run.
"""
from __future__ import annotations

from ..errors import ShaderError
from .key import HostShaderCaps

BASE_VERSION = 330

# feature -> (GLSL version that has it in core, extension that adds it, or None)
FEATURES: dict[str, tuple[int, str | None]] = {
    "gpu_shader5": (400, "GL_ARB_gpu_shader5"),
    "fp64": (400, "GL_ARB_gpu_shader_fp64"),
    "int64": (9999, "GL_ARB_gpu_shader_int64"),
    "texture_cube_map_array": (400, "GL_ARB_texture_cube_map_array"),
    "texture_query_lod": (400, "GL_ARB_texture_query_lod"),
    "texture_gather": (400, "GL_ARB_texture_gather"),
    "sample_shading": (400, "GL_ARB_sample_shading"),
    "tessellation": (400, "GL_ARB_tessellation_shader"),
    "viewport_array": (410, "GL_ARB_viewport_array"),
    "shading_language_packing": (420, "GL_ARB_shading_language_packing"),
    "image_load_store": (420, "GL_ARB_shader_image_load_store"),
    "atomic_counters": (420, "GL_ARB_shader_atomic_counters"),
    "binding_layout": (420, "GL_ARB_shading_language_420pack"),
    "compute": (430, "GL_ARB_compute_shader"),
    "ssbo": (430, "GL_ARB_shader_storage_buffer_object"),
    "texture_query_levels": (430, "GL_ARB_texture_query_levels"),
    "image_size": (430, "GL_ARB_shader_image_size"),
    "fragment_layer_viewport": (430, "GL_ARB_fragment_layer_viewport"),
    "explicit_uniform_location": (430, "GL_ARB_explicit_uniform_location"),
    "interp_qualifiers_free": (440, None),      # stages may disagree on interpolation qualifiers
    "enhanced_layouts": (440, "GL_ARB_enhanced_layouts"),
    "cull_distance": (450, "GL_ARB_cull_distance"),
    "derivative_control": (450, "GL_ARB_derivative_control"),
    "texture_samples": (450, "GL_ARB_shader_texture_image_samples"),
    "integer_mix": (450, "GL_EXT_shader_integer_mix"),
    "group_vote": (460, "GL_ARB_shader_group_vote"),
    "draw_parameters": (460, "GL_ARB_shader_draw_parameters"),
    "atomic_counter_ops": (460, "GL_ARB_shader_atomic_counter_ops"),
    "ballot": (9999, "GL_ARB_shader_ballot"),
    "shader_clock": (9999, "GL_ARB_shader_clock"),
    "stencil_export": (9999, "GL_ARB_shader_stencil_export"),
    "viewport_layer_array": (9999, "GL_ARB_shader_viewport_layer_array"),
    "atomic_float": (9999, "GL_NV_shader_atomic_float"),
    "image_load_formatted": (9999, "GL_EXT_shader_image_load_formatted"),
    "framebuffer_fetch": (9999, "GL_EXT_shader_framebuffer_fetch"),
}


class Features:
    def __init__(self, host: HostShaderCaps) -> None:
        self.host = host
        self.used: set[str] = set()
        # Lowest `#version` to write even when no feature needs it (see pin_host_version).
        self.floor = BASE_VERSION

    def pin_host_version(self) -> None:
        """Write the host's own `#version` whatever the features need.

        Tessellation stages pass gl_PerVertex arrays (gl_out[] -> gl_in[]) whose
        implicit type depends on the GLSL version (4.50 adds gl_CullDistance);
        the linker refuses them unless both stages use the same version, and
        stages are translated separately, so both take the host's.
        """
        self.floor = max(self.floor, self.host.glsl_version)

    def need(self, feature: str) -> None:
        if feature not in FEATURES:
            raise KeyError(feature)
        self.used.add(feature)

    def has(self, feature: str) -> bool:
        """Whether the host could provide `feature` (without recording it)."""
        core, ext = FEATURES[feature]
        return self.host.glsl_version >= core or (ext is not None and self.host.has(ext))

    def header(self) -> str:
        version = self.floor
        extensions: list[str] = []
        for feature in sorted(self.used):
            core, ext = FEATURES[feature]
            if self.host.glsl_version >= core:
                version = max(version, core)
            elif ext is not None and self.host.has(ext):
                extensions.append(ext)
            else:
                raise ShaderError(f"the host GLSL compiler lacks {feature}")
        if version > self.host.glsl_version:
            raise ShaderError(f"the host GLSL compiler is older than GLSL {version}")
        lines = [f"#version {version} core"]
        lines += [f"#extension {ext} : require" for ext in sorted(set(extensions))]
        return "\n".join(lines) + "\n"
