"""Compile and link generated GLSL on the host GL (tests only; the shader package never touches GL)."""
from __future__ import annotations

import functools

GL_STAGES = {
    "vertex": "GL_VERTEX_SHADER", "fragment": "GL_FRAGMENT_SHADER", "geometry": "GL_GEOMETRY_SHADER",
    "tess_control": "GL_TESS_CONTROL_SHADER", "tess_eval": "GL_TESS_EVALUATION_SHADER",
    "compute": "GL_COMPUTE_SHADER",
}


@functools.lru_cache(maxsize=1)
def context():
    """One surfaceless GL 4.5 core context per test process, or None when the host has none."""
    try:
        from pyvirgl.backend.gl.egl import HostContext
        return HostContext()
    except Exception:  # noqa: BLE001 - any failure means "no host GL here"
        return None


@functools.lru_cache(maxsize=1)
def host_extensions() -> frozenset[str]:
    from OpenGL import GL
    count = GL.glGetIntegerv(GL.GL_NUM_EXTENSIONS)
    return frozenset(GL.glGetStringi(GL.GL_EXTENSIONS, i).decode() for i in range(count))


def compile_shader(stage: str, source: str) -> tuple[int, str | None]:
    """(shader object, None) on success, (0, info log) on failure."""
    from OpenGL import GL
    shader = GL.glCreateShader(getattr(GL, GL_STAGES[stage]))
    GL.glShaderSource(shader, source)
    GL.glCompileShader(shader)
    if GL.glGetShaderiv(shader, GL.GL_COMPILE_STATUS):
        return shader, None
    log = GL.glGetShaderInfoLog(shader)
    GL.glDeleteShader(shader)
    return 0, log.decode(errors="replace") if isinstance(log, bytes) else str(log)


def link(shaders: list[int]) -> str | None:
    """None if the shader objects link into a program, else the info log."""
    from OpenGL import GL
    prog = GL.glCreateProgram()
    for s in shaders:
        GL.glAttachShader(prog, s)
    GL.glLinkProgram(prog)
    ok = GL.glGetProgramiv(prog, GL.GL_LINK_STATUS)
    log = None if ok else GL.glGetProgramInfoLog(prog)
    GL.glDeleteProgram(prog)
    if log is not None:
        return log.decode(errors="replace") if isinstance(log, bytes) else str(log)
    return None
