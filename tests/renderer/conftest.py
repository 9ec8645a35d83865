"""Fixtures for the GL renderer tests: one real GL backend per module, a fresh context per test."""
from __future__ import annotations

import pytest

from pyvirgl.protocol.caps import Caps
from pyvirgl.renderer.api import Renderer
from renderer_gl_helpers import CTX


@pytest.fixture(scope="module")
def backend():
    from pyvirgl.backend.gl.backend import GLBackend   # imports GL: only where a test asks for it

    return GLBackend()


@pytest.fixture
def renderer(backend):
    r = Renderer(Caps(), lambda: backend)
    r.create_context(CTX, "test")
    yield r
    r.destroy_context(CTX)
