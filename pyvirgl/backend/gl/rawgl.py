"""Unchecked GL entry points for the per-draw hot path.

PyOpenGL wraps every call in Python: argument conversion and, with error
checking on, a glGetError after each one. A draw makes dozens of calls, so
that wrapping dominated the cost of a draw. The functions here are plain
ctypes function pointers from eglGetProcAddress with fixed prototypes.

They do not check errors themselves: the caller checks once, with
`check_errors`, after a batch of calls (one draw), and raises the same
GLError PyOpenGL would have raised, so errors are still reported for the
command that caused them rather than leaking into a later checked call.

Entry points whose parameters are all integers or pointers are made without
ctypes `argtypes`: converting each argument through its declared type cost
about 0.1 us per argument (1.5 us for a draw call, against 0.3 us without).
Without them ctypes passes a Python int as a 32-bit C int (sign-extended to
a register), which is exactly right for GLenum/GLuint/GLint/GLsizei/GLboolean
but not for a 64-bit pointer or GLintptr: those arguments must be given as
ctypes objects (`c_void_p`, `c_ssize_t`, ctypes arrays) or bytes. Entry
points with float or 64-bit integer parameters keep their argtypes.
PYVIRGL_GL_STRICT=1 (set by the test suite) checks every call's arguments
against these rules.
"""
from __future__ import annotations

import ctypes
import os

from OpenGL import EGL
from OpenGL.error import GLError

_e = _u = ctypes.c_uint        # GLenum, GLuint, GLbitfield
_i = ctypes.c_int              # GLint, GLsizei
_f = ctypes.c_float
_p = ctypes.c_void_p
_ptr = ctypes.c_ssize_t        # GLintptr, GLsizeiptr
_b = ctypes.c_ubyte            # GLboolean

# name -> (restype, argtypes)
_PROTOTYPES = {
    "glGetError": (_e, ()),
    "glEnable": (None, (_e,)),
    "glDisable": (None, (_e,)),
    "glUseProgram": (None, (_u,)),
    "glBindFramebuffer": (None, (_e, _u)),
    "glBindVertexArray": (None, (_u,)),
    "glVertexArrayElementBuffer": (None, (_u, _u)),
    "glPrimitiveRestartIndex": (None, (_u,)),
    "glNamedBufferData": (None, (_u, _ptr, _p, _e)),
    "glBindBufferRange": (None, (_e, _u, _u, _ptr, _ptr)),
    "glBindTextureUnit": (None, (_u, _u)),
    "glBindSampler": (None, (_u, _u)),
    "glUniform1f": (None, (_i, _f)),
    "glUniform4fv": (None, (_i, _i, _p)),
    "glUniform4iv": (None, (_i, _i, _p)),
    "glVertexArrayAttribFormat": (None, (_u, _u, _i, _e, _b, _u)),
    "glVertexArrayAttribIFormat": (None, (_u, _u, _i, _e, _u)),
    "glVertexArrayAttribBinding": (None, (_u, _u, _u)),
    "glVertexArrayVertexBuffer": (None, (_u, _u, _u, _ptr, _i)),
    "glVertexArrayBindingDivisor": (None, (_u, _u, _u)),
    "glEnableVertexArrayAttrib": (None, (_u, _u)),
    "glDisableVertexArrayAttrib": (None, (_u, _u)),
    "glDrawArraysInstancedBaseInstance": (None, (_e, _i, _i, _i, _u)),
    "glDrawElementsInstancedBaseVertexBaseInstance": (None, (_e, _i, _e, _p, _i, _i, _u)),
    "glBindTransformFeedback": (None, (_e, _u)),
    "glBlitNamedFramebuffer": (None, (_u, _u, _i, _i, _i, _i, _i, _i, _i, _i, _u, _e)),
    "glMultiDrawArrays": (None, (_e, _p, _p, _i)),
    # Clears (framebuffer.py, state_cache.prepare_for_clear).
    "glColorMask": (None, (_b, _b, _b, _b)),
    "glStencilMask": (None, (_u,)),
    "glClearBufferfv": (None, (_e, _i, _p)),
    "glClearBufferiv": (None, (_e, _i, _p)),
    "glClearBufferuiv": (None, (_e, _i, _p)),
    "glClearBufferfi": (None, (_e, _i, _f, _i)),
    # The fence after each submit (backend.py).
    "glFenceSync": (_p, (_e, _u)),
    "glDeleteSync": (None, (_p,)),
    "glClientWaitSync": (_e, (_p, _u, ctypes.c_uint64)),
    "glFlush": (None, ()),
    "glBindBufferBase": (None, (_e, _u, _u)),
    "glBindImageTexture": (None, (_u, _u, _i, _b, _i, _e, _e)),
    # Fixed-function state (state_cache.py), applied only by draws.
    "glEnablei": (None, (_e, _u)),
    "glDisablei": (None, (_e, _u)),
    "glBlendEquationSeparate": (None, (_e, _e)),
    "glBlendFuncSeparate": (None, (_e, _e, _e, _e)),
    "glBlendEquationSeparatei": (None, (_u, _e, _e)),
    "glBlendFuncSeparatei": (None, (_u, _e, _e, _e, _e)),
    "glColorMaski": (None, (_u, _b, _b, _b, _b)),
    "glLogicOp": (None, (_e,)),
    "glDepthFunc": (None, (_e,)),
    "glDepthMask": (None, (_b,)),
    "glStencilFuncSeparate": (None, (_e, _e, _i, _u)),
    "glStencilOpSeparate": (None, (_e, _e, _e, _e)),
    "glStencilMaskSeparate": (None, (_e, _u)),
    "glBlendColor": (None, (_f, _f, _f, _f)),
    "glSampleMaski": (None, (_u, _u)),
    "glViewportIndexedfv": (None, (_u, _p)),
    "glDepthRangeIndexed": (None, (_u, ctypes.c_double, ctypes.c_double)),
    "glClipControl": (None, (_e, _e)),
    "glFrontFace": (None, (_e,)),
    "glScissorIndexed": (None, (_u, _i, _i, _i, _i)),
    "glCullFace": (None, (_e,)),
    "glPolygonMode": (None, (_e, _e)),
    "glPointSize": (None, (_f,)),
    "glLineWidth": (None, (_f,)),
    "glProvokingVertex": (None, (_e,)),
    "glPolygonOffset": (None, (_f, _f)),
    "glMultiDrawElementsBaseVertex": (None, (_e, _p, _e, _p, _i, _p)),
}


# PYVIRGL_GL_DEBUG=1: check errors after every raw call, so a GLError names
# the call that failed rather than the draw it was part of. For diagnosis only.
_CHECK_EACH_CALL = os.environ.get("PYVIRGL_GL_DEBUG") == "1"
# PYVIRGL_GL_STRICT=1: check the arguments of every call made without argtypes.
_STRICT = os.environ.get("PYVIRGL_GL_STRICT") == "1"

_NARROW = (_u, _i, _b)    # passed as Python ints
_WIDE = (_p, _ptr)        # passed as ctypes objects (or bytes, or None for NULL)


def _unconverted(argtypes: tuple) -> bool:
    """Whether a prototype can be called without argtypes (see the module docstring)."""
    return all(t in _NARROW or t in _WIDE for t in argtypes)


def _strict(fn, argtypes: tuple):
    """`fn` with its arguments checked against the rules for calls without argtypes."""
    name = fn.__name__
    wide = tuple(t in _WIDE for t in argtypes)

    def call(*args):
        if len(args) != len(wide):
            raise TypeError(f"{name} takes {len(wide)} arguments, {len(args)} given")
        for i, (arg, is_wide) in enumerate(zip(args, wide)):
            if is_wide:
                if not (arg is None or isinstance(arg, (bytes, ctypes._SimpleCData, ctypes.Array))):
                    raise TypeError(f"{name} argument {i}: a pointer-sized value must be a ctypes "
                                    f"object, not {type(arg).__name__}")
            elif not isinstance(arg, int) or not -(1 << 31) <= arg < (1 << 32):
                raise TypeError(f"{name} argument {i}: {arg!r} is not a 32-bit Python int")
        return fn(*args)

    call.__name__ = name
    return call


def _checked(fn, get_error):
    name = fn.__name__

    def call(*args):
        result = fn(*args)
        err = get_error()
        if err:
            raise GLError(err=err, description=f"{name}{args}")
        return result

    call.__name__ = name
    return call


class _RawGL:
    """Attribute access resolves (once) and caches the raw function."""

    def __getattr__(self, name: str):
        try:
            restype, argtypes = _PROTOTYPES[name]
        except KeyError:
            raise AttributeError(f"no raw prototype for {name}") from None
        address = EGL.eglGetProcAddress(name.encode())
        if not address:
            raise AttributeError(f"the host GL has no {name}")
        if not isinstance(address, int):
            address = ctypes.cast(address, ctypes.c_void_p).value
        if _unconverted(argtypes):
            fn = ctypes.CFUNCTYPE(restype)(address)
            fn.__name__ = name
            if _STRICT:
                fn = _strict(fn, argtypes)
        else:
            fn = ctypes.CFUNCTYPE(restype, *argtypes)(address)
            fn.__name__ = name
        if _CHECK_EACH_CALL and name != "glGetError":
            fn = _checked(fn, self.glGetError)
        setattr(self, name, fn)
        return fn


gl = _RawGL()


def check_errors(operation: str) -> None:
    """Raise GLError (as PyOpenGL would) if the unchecked calls since the last check failed."""
    err = gl.glGetError()
    if err:
        # Drain the rest so the next checked PyOpenGL call does not inherit them.
        while gl.glGetError():
            pass
        raise GLError(err=err, description=f"after {operation}")
