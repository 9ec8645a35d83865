"""A headless host GL context: EGL on Mesa's surfaceless platform.

PYOPENGL_PLATFORM is chosen in the package's __init__, before any module
here imports OpenGL.
"""
from __future__ import annotations

import ctypes

from OpenGL import EGL

EGL_PLATFORM_SURFACELESS_MESA = 0x31DD
EGL_CONTEXT_MAJOR_VERSION = 0x3098
EGL_CONTEXT_MINOR_VERSION = 0x30FB
EGL_CONTEXT_OPENGL_PROFILE_MASK = 0x30FD
EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT = 0x1
EGL_CONTEXT_OPENGL_ROBUST_ACCESS = 0x31B2


class HostGLUnavailable(RuntimeError):
    """The host cannot give us the GL context we need (a host problem, not a guest one)."""


def _get_platform_display():
    proc = EGL.eglGetProcAddress(b"eglGetPlatformDisplayEXT")
    if not proc:
        raise HostGLUnavailable("EGL_EXT_platform_base is missing")
    fn = ctypes.CFUNCTYPE(EGL.EGLDisplay, ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p)(proc)
    display = fn(EGL_PLATFORM_SURFACELESS_MESA, None, None)
    if not display:
        raise HostGLUnavailable("no surfaceless EGL display (is Mesa's EGL installed?)")
    return display


class HostContext:
    """One current GL context with no window; one per client process."""

    def __init__(self, major: int = 4, minor: int = 5) -> None:
        self.display = _get_platform_display()
        maj, mnr = EGL.EGLint(), EGL.EGLint()
        if not EGL.eglInitialize(self.display, ctypes.pointer(maj), ctypes.pointer(mnr)):
            raise HostGLUnavailable("eglInitialize failed")
        if not EGL.eglBindAPI(EGL.EGL_OPENGL_API):
            raise HostGLUnavailable("eglBindAPI(OpenGL) failed")
        self.context = None
        self.robust = False
        # Ask for the newest core profile first and step down: the guest's GL
        # level follows whatever the host really gives us. Robust buffer access
        # comes first: guest draws may index past their buffers, and robust
        # access turns those reads into zeros instead of host memory.
        for want in ((major, minor), (4, 3), (3, 3)):
            for robust in (True, False):
                attribs = (EGL.EGLint * 9)(
                    EGL_CONTEXT_MAJOR_VERSION, want[0],
                    EGL_CONTEXT_MINOR_VERSION, want[1],
                    EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                    EGL_CONTEXT_OPENGL_ROBUST_ACCESS if robust else EGL.EGL_NONE, EGL.EGL_TRUE,
                    EGL.EGL_NONE,
                )
                ctx = EGL.eglCreateContext(self.display, EGL.EGLConfig(), EGL.EGL_NO_CONTEXT, attribs)
                if ctx:
                    self.context, self.version, self.robust = ctx, want, robust
                    break
            if self.context is not None:
                break
        if self.context is None:
            raise HostGLUnavailable("no GL 3.3+ core context from EGL")
        if not EGL.eglMakeCurrent(self.display, EGL.EGL_NO_SURFACE, EGL.EGL_NO_SURFACE, self.context):
            raise HostGLUnavailable("eglMakeCurrent failed")
        _teach_pyopengl_the_context()


    def release(self) -> None:
        if self.context is not None:
            EGL.eglMakeCurrent(self.display, EGL.EGL_NO_SURFACE, EGL.EGL_NO_SURFACE, EGL.EGL_NO_CONTEXT)
            EGL.eglDestroyContext(self.display, self.context)
            self.context = None
            EGL.eglTerminate(self.display)


def _teach_pyopengl_the_context() -> None:
    """Give PyOpenGL's extension checker the version and extensions of our context.

    On the EGL platform PyOpenGL reads GL_VERSION as a ctypes array it cannot
    split, concludes no context is current and refuses every GL 4.x and ARB
    entry point (NullFunctionError). We read both ourselves and fill its cache.
    """
    from OpenGL import GL
    from OpenGL import extensions

    version = GL.glGetString(GL.GL_VERSION)
    major, minor = (int(x) for x in version.split(b" ", 1)[0].split(b".")[:2])
    names = [GL.glGetStringi(GL.GL_EXTENSIONS, i) for i in range(int(GL.glGetIntegerv(GL.GL_NUM_EXTENSIONS)))]
    extensions.GLQuerier.version_string = version
    extensions.GLQuerier.version = [major, minor]
    extensions.GLQuerier.extensions = names
