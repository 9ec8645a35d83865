"""Host capabilities the golden outputs are generated for (shared by tests and capture tools)."""
from __future__ import annotations

from pyvirgl.shader import HostShaderCaps

# The host capabilities golden outputs are generated for: GLSL 4.50 plus the
# extensions llvmpipe (Mesa 22.3) offers that the translator may ask for.
GOLDEN_HOST = HostShaderCaps(450, frozenset({
    "GL_ARB_gpu_shader_int64", "GL_ARB_shader_stencil_export", "GL_ARB_shader_viewport_layer_array",
    "GL_ARB_shader_draw_parameters", "GL_ARB_shader_clock", "GL_ARB_shader_ballot",
    "GL_ARB_shader_group_vote", "GL_ARB_shader_atomic_counter_ops", "GL_NV_shader_atomic_float",
    "GL_EXT_shader_framebuffer_fetch",
}))
