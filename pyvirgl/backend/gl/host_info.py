"""What the host GL context can do, read from the context itself.

The result is a plain dataclass so that code outside the GL backend (caps
building, the shader emitter) can use it without importing OpenGL.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from OpenGL import GL
from OpenGL.error import GLError

# Integer limits, by the GL enum name they are read from. Names missing from
# an old PyOpenGL or a limit the host refuses read as 0, which the caps
# builder treats as "not supported".
INT_LIMITS = (
    "GL_CONTEXT_FLAGS",
    "GL_MAX_TEXTURE_SIZE", "GL_MAX_3D_TEXTURE_SIZE", "GL_MAX_CUBE_MAP_TEXTURE_SIZE",
    "GL_MAX_ARRAY_TEXTURE_LAYERS", "GL_MAX_TRANSFORM_FEEDBACK_BUFFERS",
    "GL_MAX_DUAL_SOURCE_DRAW_BUFFERS", "GL_MAX_DRAW_BUFFERS", "GL_MAX_COLOR_ATTACHMENTS",
    "GL_MAX_SAMPLES", "GL_MAX_TEXTURE_BUFFER_SIZE", "GL_MAX_VERTEX_UNIFORM_BLOCKS",
    "GL_MAX_FRAGMENT_UNIFORM_BLOCKS", "GL_MAX_GEOMETRY_UNIFORM_BLOCKS", "GL_MAX_VIEWPORTS", "GL_MAX_PROGRAM_TEXTURE_GATHER_COMPONENTS_ARB",
    "GL_MAX_GEOMETRY_OUTPUT_VERTICES", "GL_MAX_GEOMETRY_TOTAL_OUTPUT_COMPONENTS",
    "GL_MAX_VERTEX_OUTPUT_COMPONENTS", "GL_MAX_VERTEX_ATTRIBS", "GL_MAX_PATCH_VERTICES",
    "GL_MAX_TESS_PATCH_COMPONENTS", "GL_MIN_PROGRAM_TEXEL_OFFSET", "GL_MAX_PROGRAM_TEXEL_OFFSET",
    "GL_MIN_PROGRAM_TEXTURE_GATHER_OFFSET", "GL_MAX_PROGRAM_TEXTURE_GATHER_OFFSET",
    "GL_TEXTURE_BUFFER_OFFSET_ALIGNMENT", "GL_UNIFORM_BUFFER_OFFSET_ALIGNMENT",
    "GL_SHADER_STORAGE_BUFFER_OFFSET_ALIGNMENT", "GL_MAX_VERTEX_ATTRIB_STRIDE",
    "GL_MAX_FRAGMENT_SHADER_STORAGE_BLOCKS", "GL_MAX_COMPUTE_SHADER_STORAGE_BLOCKS",
    "GL_MAX_VERTEX_SHADER_STORAGE_BLOCKS", "GL_MAX_FRAGMENT_IMAGE_UNIFORMS",
    "GL_MAX_COMPUTE_IMAGE_UNIFORMS", "GL_MAX_VERTEX_IMAGE_UNIFORMS", "GL_MAX_IMAGE_SAMPLES",
    "GL_MAX_COMPUTE_WORK_GROUP_INVOCATIONS", "GL_MAX_COMPUTE_SHARED_MEMORY_SIZE",
    "GL_MAX_COMBINED_SHADER_STORAGE_BLOCKS", "GL_MAX_VERTEX_ATOMIC_COUNTERS",
    "GL_MAX_FRAGMENT_ATOMIC_COUNTERS", "GL_MAX_GEOMETRY_ATOMIC_COUNTERS",
    "GL_MAX_TESS_CONTROL_ATOMIC_COUNTERS", "GL_MAX_TESS_EVALUATION_ATOMIC_COUNTERS",
    "GL_MAX_COMPUTE_ATOMIC_COUNTERS", "GL_MAX_VERTEX_ATOMIC_COUNTER_BUFFERS",
    "GL_MAX_FRAGMENT_ATOMIC_COUNTER_BUFFERS", "GL_MAX_GEOMETRY_ATOMIC_COUNTER_BUFFERS",
    "GL_MAX_TESS_CONTROL_ATOMIC_COUNTER_BUFFERS", "GL_MAX_TESS_EVALUATION_ATOMIC_COUNTER_BUFFERS",
    "GL_MAX_COMPUTE_ATOMIC_COUNTER_BUFFERS", "GL_MAX_COMBINED_ATOMIC_COUNTERS",
    "GL_MAX_COMBINED_ATOMIC_COUNTER_BUFFERS", "GL_MAX_TEXTURE_IMAGE_UNITS",
    "GL_MAX_COMBINED_TEXTURE_IMAGE_UNITS", "GL_MAX_UNIFORM_BLOCK_SIZE",
    "GL_MAX_COMBINED_UNIFORM_BLOCKS", "GL_MAX_UNIFORM_BUFFER_BINDINGS",
    "GL_MAX_SHADER_STORAGE_BUFFER_BINDINGS", "GL_MAX_IMAGE_UNITS",
    "GL_MAX_ATOMIC_COUNTER_BUFFER_BINDINGS", "GL_MAX_VERTEX_UNIFORM_COMPONENTS",
    "GL_MAX_FRAGMENT_UNIFORM_COMPONENTS", "GL_MAX_CLIP_DISTANCES", "GL_MAX_CULL_DISTANCES",
    "GL_MAX_VERTEX_STREAMS", "GL_MAX_COLOR_TEXTURE_SAMPLES", "GL_MAX_DEPTH_TEXTURE_SAMPLES",
    "GL_MAX_INTEGER_SAMPLES", "GL_MAX_SAMPLE_MASK_WORDS", "GL_MAX_TEXTURE_LOD_BIAS",
    "GL_MAX_FRAMEBUFFER_SAMPLES",
)
FLOAT_RANGES = ("GL_ALIASED_POINT_SIZE_RANGE", "GL_POINT_SIZE_RANGE",
                "GL_ALIASED_LINE_WIDTH_RANGE", "GL_SMOOTH_LINE_WIDTH_RANGE")
INDEXED_LIMITS = ("GL_MAX_COMPUTE_WORK_GROUP_COUNT", "GL_MAX_COMPUTE_WORK_GROUP_SIZE")
GL_TEXTURE_MAX_ANISOTROPY = 0x84FF
GL_MAX_TEXTURE_MAX_ANISOTROPY = 0x84FF


@dataclass(frozen=True)
class HostGLInfo:
    renderer: str
    version: str
    glsl_version: int  # e.g. 450
    gl_version: tuple[int, int]
    is_gles: bool
    extensions: frozenset[str]
    limits: dict[str, int] = field(default_factory=dict)
    ranges: dict[str, tuple[float, float]] = field(default_factory=dict)
    indexed: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    max_anisotropy: float = 0.0
    # sample count -> GL_SAMPLE_POSITION of each sample (x, y in [0, 1)), for 2, 4, 8, 16
    sample_positions: dict[int, tuple[tuple[float, float], ...]] = field(default_factory=dict)

    def limit(self, name: str) -> int:
        return self.limits.get(name, 0)

    def has(self, extension: str) -> bool:
        return extension in self.extensions

    def at_least(self, major: int, minor: int) -> bool:
        return self.gl_version >= (major, minor)


# Enums PyOpenGL 3.1.7 does not name.
_MISSING_ENUMS = {"GL_MAX_PROGRAM_TEXTURE_GATHER_COMPONENTS_ARB": 0x8F9F}


def _get_int(name: str) -> int:
    enum = getattr(GL, name, None) or _MISSING_ENUMS.get(name)
    if enum is None:
        return 0
    out = np.zeros(16, dtype=np.int32)  # explicit storage: PyOpenGL cannot size every enum
    try:
        GL.glGetIntegerv(enum, out)
    except (GLError, TypeError, ValueError):
        return 0
    return int(out[0])


def _get_range(name: str) -> tuple[float, float]:
    enum = getattr(GL, name, None)
    if enum is None:
        return (0.0, 0.0)
    out = np.zeros(16, dtype=np.float32)
    try:
        GL.glGetFloatv(enum, out)
        return (float(out[0]), float(out[1]))
    except (GLError, TypeError, ValueError):
        return (0.0, 0.0)


def _get_indexed(name: str) -> tuple[int, int, int]:
    enum = getattr(GL, name, None)
    if enum is None:
        return (0, 0, 0)
    out = np.zeros(4, dtype=np.int32)
    values = []
    try:
        for i in range(3):
            GL.glGetIntegeri_v(enum, i, out)
            values.append(int(out[0]))
        return tuple(values)  # type: ignore[return-value]
    except (GLError, TypeError, ValueError, IndexError):
        return (0, 0, 0)


def _extensions() -> frozenset[str]:
    count = _get_int("GL_NUM_EXTENSIONS")
    return frozenset(GL.glGetStringi(GL.GL_EXTENSIONS, i).decode() for i in range(count))


def _sample_positions(max_samples: int) -> dict[int, tuple[tuple[float, float], ...]]:
    """Where the host puts each sample, for the counts the virgl caps carry.

    A multisample colour texture on a scratch framebuffer, as virglrenderer
    does; a count the host cannot render is left out.
    """
    found: dict[int, tuple[tuple[float, float], ...]] = {}
    try:
        fbo = GL.glGenFramebuffers(1)
        old_fbo = _get_int("GL_DRAW_FRAMEBUFFER_BINDING")
        for count in (2, 4, 8, 16):
            if count > max_samples:
                continue
            tex = GL.glGenTextures(1)
            try:
                GL.glBindTexture(GL.GL_TEXTURE_2D_MULTISAMPLE, tex)
                GL.glTexImage2DMultisample(GL.GL_TEXTURE_2D_MULTISAMPLE, count, GL.GL_RGBA8, 16, 16, GL.GL_TRUE)
                GL.glBindFramebuffer(GL.GL_FRAMEBUFFER, fbo)
                GL.glFramebufferTexture2D(GL.GL_FRAMEBUFFER, GL.GL_COLOR_ATTACHMENT0,
                                          GL.GL_TEXTURE_2D_MULTISAMPLE, tex, 0)
                if GL.glCheckFramebufferStatus(GL.GL_FRAMEBUFFER) == GL.GL_FRAMEBUFFER_COMPLETE:
                    out = np.zeros(2, dtype=np.float32)
                    positions = []
                    for k in range(count):
                        GL.glGetMultisamplefv(GL.GL_SAMPLE_POSITION, k, out)
                        positions.append((float(out[0]), float(out[1])))
                    found[count] = tuple(positions)
            finally:
                GL.glBindFramebuffer(GL.GL_FRAMEBUFFER, old_fbo)
                GL.glBindTexture(GL.GL_TEXTURE_2D_MULTISAMPLE, 0)
                GL.glDeleteTextures(1, [tex])
        GL.glDeleteFramebuffers(1, [fbo])
    except (GLError, TypeError, ValueError, AttributeError):
        pass
    return found


def read_host_info() -> HostGLInfo:
    """Query the current context. Leaves no GL error behind."""
    version = GL.glGetString(GL.GL_VERSION).decode()
    is_gles = version.startswith("OpenGL ES")
    major, minor = _get_int("GL_MAJOR_VERSION"), _get_int("GL_MINOR_VERSION")
    glsl = GL.glGetString(GL.GL_SHADING_LANGUAGE_VERSION).decode()
    glsl_number = glsl.split()[-1] if is_gles else glsl.split()[0]
    glsl_major, _, glsl_minor = glsl_number.partition(".")
    limits = {name: _get_int(name) for name in INT_LIMITS}
    ranges = {name: _get_range(name) for name in FLOAT_RANGES}
    indexed = {name: _get_indexed(name) for name in INDEXED_LIMITS}
    extensions = _extensions()
    anisotropy = 0.0
    if "GL_ARB_texture_filter_anisotropic" in extensions or "GL_EXT_texture_filter_anisotropic" in extensions:
        out = np.zeros(4, dtype=np.float32)
        GL.glGetFloatv(GL_MAX_TEXTURE_MAX_ANISOTROPY, out)
        anisotropy = float(out[0])
    positions = _sample_positions(limits.get("GL_MAX_SAMPLES", 0))
    while GL.glGetError() != GL.GL_NO_ERROR:
        pass  # refused queries above are expected on older hosts
    return HostGLInfo(
        renderer=GL.glGetString(GL.GL_RENDERER).decode(),
        version=version,
        glsl_version=int(glsl_major) * 100 + int(glsl_minor[:2].ljust(2, "0")),
        gl_version=(major, minor),
        is_gles=is_gles,
        extensions=extensions,
        limits=limits,
        ranges=ranges,
        indexed=indexed,
        max_anisotropy=anisotropy,
        sample_positions=positions,
    )
