"""Creating GL object names through PyOpenGL's glCreate* entry points."""
from __future__ import annotations

import ctypes


def create(fn, *args) -> int:
    """One new name from a glCreate*(..., n, names) function, e.g. create(GL.glCreateTextures, target)."""
    out = (ctypes.c_uint * 1)()
    fn(*args, 1, out)
    return int(out[0])
