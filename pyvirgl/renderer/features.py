"""What pyvirgl executes today.

A capability reaches the guest only if the host supports it AND it is listed
here, so the guest's GL version rises as the renderer grows and never
promises what we cannot do. Each entry is added in the commit that
implements (and tests) the feature.
"""
from __future__ import annotations

from pyvirgl.protocol.caps import Cap, CapV2

# Names from protocol.caps.BOOL_SET1.
BOOL_CAPS: frozenset[str] = frozenset()

CAP_BITS = Cap(0)
CAP_V2_BITS = CapV2(0)

# Highest GLSL level whose TGSI our shader translator handles; 0 = none yet.
GLSL_LEVEL = 0

# Virgl formats we can store and transfer. Host-memory storage takes any
# format whose block geometry is known, but sampling/rendering needs GL.
SAMPLE_FORMATS_NEED_GL = True
