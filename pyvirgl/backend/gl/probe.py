"""Read the host once and build the caps the guest will see."""
from __future__ import annotations

from pyvirgl.protocol.caps import Caps
from pyvirgl.renderer.caps_builder import build_caps


def probe_caps() -> Caps:
    """Create a host context, read it, and build caps. Call in a process that may own GL."""
    from pyvirgl.backend.gl.egl import HostContext
    from pyvirgl.backend.gl.formats import probe_formats
    from pyvirgl.backend.gl.host_info import read_host_info

    ctx = HostContext()
    try:
        info = read_host_info()
        return build_caps(info, probe_formats())
    finally:
        ctx.release()
