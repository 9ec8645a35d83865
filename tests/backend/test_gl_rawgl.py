"""The raw GL entry points: calls without ctypes argtypes, and the strict checks the suite runs them with."""
from __future__ import annotations

import ctypes

import numpy as np
import pytest

from pyvirgl.backend.gl.egl import HostContext, HostGLUnavailable

from OpenGL import GL  # noqa: E402  (egl sets the PyOpenGL platform first)

from pyvirgl.backend.gl import rawgl  # noqa: E402
from pyvirgl.backend.gl.rawgl import check_errors, gl  # noqa: E402

pytestmark = pytest.mark.gl


@pytest.fixture(scope="module")
def host():
    try:
        return HostContext()
    except HostGLUnavailable as err:   # pragma: no cover - the suite needs host GL
        pytest.skip(str(err))


def test_the_suite_checks_raw_calls():
    assert rawgl._STRICT   # tests/conftest.py turns it on, for the servers the tests start too


def test_integer_and_pointer_prototypes_go_without_argtypes():
    assert rawgl._unconverted(rawgl._PROTOTYPES["glDrawElementsInstancedBaseVertexBaseInstance"][1])
    assert rawgl._unconverted(rawgl._PROTOTYPES["glBindImageTexture"][1])
    # Floats and 64-bit integers need their declared conversions.
    assert not rawgl._unconverted(rawgl._PROTOTYPES["glBlendColor"][1])
    assert not rawgl._unconverted(rawgl._PROTOTYPES["glDepthRangeIndexed"][1])
    assert not rawgl._unconverted(rawgl._PROTOTYPES["glClientWaitSync"][1])


@pytest.mark.parametrize("args, reason", [
    ((GL.GL_UNIFORM_BUFFER, 0, 0, 0, ctypes.c_ssize_t(16)), "pointer-sized value must be a ctypes object"),
    ((GL.GL_UNIFORM_BUFFER, 0, 0, ctypes.c_ssize_t(0), 16), "pointer-sized value must be a ctypes object"),
    ((GL.GL_UNIFORM_BUFFER, np.uint32(0), 0, ctypes.c_ssize_t(0), ctypes.c_ssize_t(16)), "not a 32-bit Python int"),
    ((GL.GL_UNIFORM_BUFFER, 1 << 32, 0, ctypes.c_ssize_t(0), ctypes.c_ssize_t(16)), "not a 32-bit Python int"),
    ((GL.GL_UNIFORM_BUFFER, 0, 0, ctypes.c_ssize_t(0)), "takes 5 arguments"),
])
def test_strict_mode_refuses_arguments_ctypes_would_pass_wrongly(host, args, reason):
    with pytest.raises(TypeError, match=reason):
        gl.glBindBufferRange(*args)


def test_the_ctypes_rule_the_raw_calls_rely_on():
    """Without argtypes a ctypes 64-bit object arrives whole, a plain Python int is cut to 32 bits.

    (libc's labs stands in for a GL entry point taking a GLintptr.)"""
    labs = ctypes.CFUNCTYPE(ctypes.c_long)(ctypes.cast(ctypes.CDLL(None).labs, ctypes.c_void_p).value)
    wide = (1 << 32) + 5
    assert labs(ctypes.c_ssize_t(wide)) == wide
    assert labs(wide) == 5
    assert labs(0xFFFFFFFF) == 1   # as a C int: -1
