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
})

CAP_BITS = Cap(0)
CAP_V2_BITS = CapV2(0)

# The GLSL level we let the guest compile for. The translator handles the
# TGSI Mesa emits for GLSL 1.20; GL 3.0 (GLSL 1.30) also needs conditional
# rendering and transform feedback in the executor before it may rise.
GLSL_LEVEL = 120

# Virgl formats we can store and transfer. Host-memory storage takes any
# format whose block geometry is known, but sampling/rendering needs GL.
SAMPLE_FORMATS_NEED_GL = True
