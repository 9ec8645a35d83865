"""What pyvirgl executes today.

A capability reaches the guest only if the host supports it AND it is listed
here, so the guest's GL version rises as the renderer grows and never
promises what we cannot do. Each entry is added in the commit that
implements (and tests) the feature.
"""
from __future__ import annotations

from pyvirgl.protocol.caps import Cap, CapV2

# Names from protocol.caps.BOOL_SET1, each backed by executor code and a test:
# per-target blend state and separate equations (state_cache.apply_blend),
# instancing with divisors and base instance (draw.py), primitive restart,
# depth clamp for depth_clip = 0, and constant/uniform buffers bound as UBOs.
BOOL_CAPS: frozenset[str] = frozenset({
    "indep_blend_enable", "indep_blend_func", "blend_eq_sep",
    "instanceid", "start_instance", "vertex_element_instance_divisor",
    "primitive_restart", "depth_clip_disable", "ubo",
    # queries.py and streamout.py, tests/renderer/test_gl_queries.py and test_gl_streamout.py
    "occlusion_query", "timer_query", "conditional_render", "conditional_render_inverted",
    "streamout_pause_resume", "transform_feedback_overflow_query",
    # indirect.py, tests/renderer/test_gl_indirect.py
    "has_indirect_draw",
    # storage.py makes multisample textures (reads resolve), framebuffer.py
    # renders into them, blit.py resolves them.
    "texture_multisample",
})

# Stream-output buffers the executor binds (streamout.py), at most the host's.
MAX_STREAMOUT_BUFFERS = 4

# TRANSFER: TRANSFER3D/END_TRANSFERS inside the stream (executor.py);
# the rest are backed by queries.py, indirect.py, compute.py barriers and
# resource_ops.py, each with tests under tests/renderer/.
CAP_BITS = (Cap.TRANSFER | Cap.QBO | Cap.MEMORY_BARRIER | Cap.TEXTURE_BARRIER | Cap.MULTI_DRAW_INDIRECT
            | Cap.INDIRECT_PARAMS | Cap.BIND_COMMAND_ARGS | Cap.CLEAR_TEXTURE | Cap.COPY_TRANSFER
            # framebuffer.py attaches each colour buffer in its own surface format
            # (a texture view when it differs) and encodes sRGB surfaces.
            | Cap.FBO_MIXED_COLOR_FORMATS | Cap.SRGB_WRITE_CONTROL)
CAP_V2_BITS = CapV2.COPY_TRANSFER_BOTH_DIRECTIONS | CapV2.MEMINFO

# The GLSL level we let the guest compile for. The translator handles all
# 1,647 distinct shaders captured from Mesa (tests/shader/golden); GL 3.0's
# executor needs (conditional rendering, transform feedback) are in. Levels
# above 1.30 wait for geometry shaders and texture buffers in the caps.
GLSL_LEVEL = 130

