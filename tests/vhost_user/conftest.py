"""Fixtures: a fake QEMU front-end around a back-end with a host-memory or GL renderer."""
from __future__ import annotations

import logging

import pytest

from pyvirgl.protocol.caps import Caps
from pyvirgl.renderer.api import Renderer

from vhost_fake_qemu import FakeQemu


class _HostBugs(logging.Handler):
    """Collects 'host error' log records: a test must never cause one."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info:
            self.records.append(record)


@pytest.fixture
def host_bugs():
    handler = _HostBugs()
    logger = logging.getLogger("pyvirgl")
    logger.addHandler(handler)
    yield handler.records
    logger.removeHandler(handler)
    assert not handler.records, [r.getMessage() for r in handler.records]


@pytest.fixture
def qemu(host_bugs):
    """A set-up device with a renderer that keeps resources in host memory (no GL)."""
    fake = FakeQemu(Renderer(Caps()))
    fake.setup()
    yield fake
    fake.close()


@pytest.fixture(scope="module")
def gl_backend():
    from pyvirgl.backend.gl.backend import GLBackend

    return GLBackend()


@pytest.fixture
def gl_qemu(gl_backend, host_bugs):
    fake = FakeQemu(Renderer(Caps(), lambda: gl_backend))
    fake.setup()
    yield fake
    fake.close()
