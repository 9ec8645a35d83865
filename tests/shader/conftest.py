"""Shared fixtures for the shader compiler tests."""
from __future__ import annotations

import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))

import gl_compile  # noqa: E402


from golden_host import GOLDEN_HOST  # noqa: E402,F401


@pytest.fixture(scope="session")
def host_gl():
    ctx = gl_compile.context()
    if ctx is None:
        pytest.skip("no host GL context (EGL surfaceless) available")
    return ctx
