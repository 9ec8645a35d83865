"""Fixtures shared by the suite: a real pyvirgl server on a private socket path."""
from __future__ import annotations

import os
import tempfile

import pytest

# Every raw GL call made while testing (here and in the servers the tests start)
# has its arguments checked: see pyvirgl/backend/gl/rawgl.py.
os.environ["PYVIRGL_GL_STRICT"] = "1"

from pyvirgl.tools.session import pyvirgl_server  # noqa: E402


@pytest.fixture
def server_socket():
    """Start `pyvirgl serve` (forking, real GL in each child) and yield (socket path, log path).

    A short private directory: Unix socket paths must fit in 108 bytes."""
    with tempfile.TemporaryDirectory(prefix="pv-") as tmp:
        sock = os.path.join(tmp, "vtest.sock")
        log = os.path.join(tmp, "server.log")
        with pyvirgl_server(sock, ("-v",), log_path=log):
            yield sock, log


@pytest.fixture(scope="module")
def shared_server():
    """One server for a module's read-only checks."""
    with tempfile.TemporaryDirectory(prefix="pyvirgl-test-") as tmp:
        sock = os.path.join(tmp, "vtest.sock")
        log = os.path.join(tmp, "server.log")
        with pyvirgl_server(sock, log_path=log):
            yield sock, log
