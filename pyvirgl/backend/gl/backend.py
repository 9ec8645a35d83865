"""The GL backend: one host GL context per renderer, created on first use."""
from __future__ import annotations

import logging
import struct

from OpenGL import GL

from pyvirgl.backend.gl.egl import HostContext
from pyvirgl.backend.gl.host_info import HostGLInfo, read_host_info
from pyvirgl.errors import GuestError
from pyvirgl.renderer.resources import Limits

log = logging.getLogger("pyvirgl.gl")

# Memory policy for one client, whatever the host could take.
MAX_RESOURCE_BYTES = 1 << 30
MAX_CLIENT_BYTES = 4 << 30


class GLBackend:
    def __init__(self) -> None:
        self.host_context = HostContext()
        self.info: HostGLInfo = read_host_info()
        self._fence = None
        lim = self.info.limit
        self._limits = Limits(
            max_texture_size=lim("GL_MAX_TEXTURE_SIZE"),
            max_3d_size=lim("GL_MAX_3D_TEXTURE_SIZE"),
            max_cube_size=lim("GL_MAX_CUBE_MAP_TEXTURE_SIZE"),
            max_array_layers=lim("GL_MAX_ARRAY_TEXTURE_LAYERS"),
            max_samples=lim("GL_MAX_SAMPLES"),
            max_buffer_size=min(MAX_RESOURCE_BYTES, max(lim("GL_MAX_TEXTURE_BUFFER_SIZE"), 1 << 20)),
            max_resource_bytes=MAX_RESOURCE_BYTES,
            max_total_bytes=MAX_CLIENT_BYTES,
        )

    def limits(self) -> Limits:
        return self._limits

    def create_storage(self, layout):
        # GL-backed storage arrives with the command executor; until then
        # resources live in host memory (see renderer.resources).
        return None

    def submit(self, ctx, stream: bytes) -> None:
        walk_stream(stream)
        self._fence_after_work()

    def _fence_after_work(self) -> None:
        if self._fence is not None:
            GL.glDeleteSync(self._fence)
        self._fence = GL.glFenceSync(GL.GL_SYNC_GPU_COMMANDS_COMPLETE, 0)
        GL.glFlush()

    def busy(self, wait: bool) -> bool:
        if self._fence is None:
            return False
        if wait:
            GL.glClientWaitSync(self._fence, GL.GL_SYNC_FLUSH_COMMANDS_BIT, GL.GL_TIMEOUT_IGNORED)
        status = GL.glClientWaitSync(self._fence, 0, 0)
        if status in (GL.GL_ALREADY_SIGNALED, GL.GL_CONDITION_SATISFIED):
            GL.glDeleteSync(self._fence)
            self._fence = None
            return False
        return True

    def destroy_context(self, ctx) -> None:
        pass


def walk_stream(stream: bytes) -> int:
    """Check the framing of a virgl command stream: every header's length fits. Returns the command count."""
    if len(stream) % 4:
        raise GuestError("SUBMIT_CMD", "stream is not a whole number of dwords")
    total = len(stream) // 4
    pos = count = 0
    while pos < total:
        (header,) = struct.unpack_from("<I", stream, pos * 4)
        length = header >> 16
        if pos + 1 + length > total:
            raise GuestError("SUBMIT_CMD", f"command {header & 0xff} at dword {pos} overruns the stream")
        pos += 1 + length
        count += 1
    return count
