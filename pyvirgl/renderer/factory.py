"""Wiring a renderer to the GL backend, and probing the host from a child process."""
from __future__ import annotations

import os
from typing import Callable

from pyvirgl.protocol import caps as capsmod
from pyvirgl.renderer.api import Renderer


def _gl_backend():
    from pyvirgl.backend.gl.backend import GLBackend

    return GLBackend()


def preload_backend_modules() -> None:
    """Import the GL backend's Python modules without touching EGL or GL.

    A forking server calls this once before it accepts clients, so every
    forked child starts with the modules already loaded (about 0.4 s of
    imports that each short-lived client, e.g. one piglit test, would
    otherwise pay). Importing resolves no GL entry point and creates no
    display or context, so the parent still forks with no GL state.
    """
    import pyvirgl.backend.gl.backend  # noqa: F401


def _probe_here() -> capsmod.Caps:
    from pyvirgl.backend.gl.probe import probe_caps

    return probe_caps()


def make_renderer_factory(caps: capsmod.Caps | None, shared_backend: bool = False) -> Callable[[], Renderer]:
    """Renderers that share precomputed caps, or probe the host on first need.

    `shared_backend` is for serving several clients from one process
    (--no-fork): they must share one GL backend, hence one GL context. A
    backend (EGL context) per client would leave only the newest one current,
    so every other client's GL names would point into the wrong context, and
    nothing would ever destroy those contexts.
    """
    backend = []

    def one_backend():
        if not backend:
            backend.append(_gl_backend())
        return backend[0]

    def factory() -> Renderer:
        return Renderer(caps if caps is not None else _probe_here, one_backend if shared_backend else _gl_backend)
    return factory


def caps_from_probe_child() -> capsmod.Caps:
    """Probe the host GL in a short-lived child and return its caps.

    GL state does not survive fork, so a process that forks clients must not
    own a GL context itself; the caps travel back as their wire bytes.
    """
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        code = 0
        try:
            raw = capsmod.pack_v2(_probe_here())
            with os.fdopen(write_end, "wb") as out:
                out.write(raw)
        except BaseException as err:  # report, never return into the parent's code
            os.write(2, f"pyvirgl: probing the host GL failed: {err!r}\n".encode())
            code = 1
        os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as inp:
        raw = inp.read()
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0 or len(raw) != capsmod.CAPS_V2_SIZE:
        raise RuntimeError("probing the host GL failed (see the message above)")
    return capsmod.unpack_v2(raw)
