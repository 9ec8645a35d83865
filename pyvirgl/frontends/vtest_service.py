"""vtest requests mapped onto the renderer API, with no sockets.

`VtestService.handle(request)` returns the replies to send, each as bytes
plus the file descriptors that travel with them. The socket loop in
`vtest_server` is the only caller that does I/O.
"""
from __future__ import annotations

import logging
import mmap
import os
from dataclasses import dataclass, field

from pyvirgl.errors import GuestError
from pyvirgl.protocol import vtest as v
from pyvirgl.protocol.caps import CAPSET_VIRGL, CAPSET_VIRGL2
from pyvirgl.renderer.api import Renderer

log = logging.getLogger("pyvirgl.vtest")

# One vtest connection drives one renderer context.
VTEST_CTX_ID = 1
# A guest cannot make us back more than this much shared memory in all.
MAX_SHM_BYTES_PER_CLIENT = 4 << 30


@dataclass
class Reply:
    data: bytes
    fds: list[int] = field(default_factory=list)
    # fds we created only to send: the frontend closes them once sent.
    close_after_send: bool = True


class VtestService:
    def __init__(self, renderer: Renderer) -> None:
        self.renderer = renderer
        self.protocol_version = 0
        self.client_name: str | None = None
        self._context_ready = False
        self._shm_bytes = 0
        self._maps: dict[int, mmap.mmap] = {}
        self._handlers = {
            v.CreateRenderer: self._create_renderer,
            v.PingProtocolVersion: self._ping,
            v.ProtocolVersion: self._protocol_version,
            v.GetCaps: self._get_caps,
            v.GetCaps2: self._get_caps2,
            v.ResourceCreate: self._resource_create,
            v.ResourceCreate2: self._resource_create2,
            v.ResourceUnref: self._resource_unref,
            v.TransferGet: self._transfer_get,
            v.TransferPut: self._transfer_put,
            v.TransferGet2: self._transfer_get2,
            v.TransferPut2: self._transfer_put2,
            v.SubmitCmd: self._submit,
            v.BusyWait: self._busy_wait,
        }
        # Commands that need the renderer context (like the C server's table).
        self._needs_context = {
            v.ResourceCreate, v.ResourceCreate2, v.ResourceUnref, v.TransferGet,
            v.TransferPut, v.TransferGet2, v.TransferPut2, v.SubmitCmd,
        }

    # -- dispatch ------------------------------------------------------------

    def handle(self, request: v.Request) -> list[Reply]:
        kind = type(request)
        if kind in self._needs_context and not self._context_ready:
            if self.client_name is None:
                raise GuestError(_name(request), "sent before CREATE_RENDERER")
            self.renderer.create_context(VTEST_CTX_ID, self.client_name)
            self._context_ready = True
        return self._handlers[kind](request)

    def close(self) -> None:
        """The client went away: free everything it held."""
        if self._context_ready:
            self.renderer.destroy_context(VTEST_CTX_ID)
            self._context_ready = False
        for handle in list(self._maps):
            self._drop_map(handle)

    # -- handshake -------------------------------------------------------------

    def _create_renderer(self, req: v.CreateRenderer) -> list[Reply]:
        if self.client_name is not None:
            raise GuestError("CREATE_RENDERER", "sent twice")
        self.client_name = req.name
        return []

    def _ping(self, req: v.PingProtocolVersion) -> list[Reply]:
        return [Reply(v.encode_ping_reply())]

    def _protocol_version(self, req: v.ProtocolVersion) -> list[Reply]:
        self.protocol_version = v.negotiate_version(req.version)
        return [Reply(v.encode_protocol_version_reply(self.protocol_version))]

    def _get_caps(self, req: v.GetCaps) -> list[Reply]:
        return [Reply(v.encode_caps_reply(CAPSET_VIRGL, self.renderer.fill_caps(CAPSET_VIRGL)))]

    def _get_caps2(self, req: v.GetCaps2) -> list[Reply]:
        return [Reply(v.encode_caps_reply(CAPSET_VIRGL2, self.renderer.fill_caps(CAPSET_VIRGL2)))]

    # -- resources ---------------------------------------------------------------

    def _resource_create(self, req: v.ResourceCreate) -> list[Reply]:
        self.renderer.create_resource(VTEST_CTX_ID, req.args)
        return []

    def _resource_create2(self, req: v.ResourceCreate2) -> list[Reply]:
        if req.data_size == 0:
            # Multisample resources live only on the host: no shared memory.
            self.renderer.create_resource(VTEST_CTX_ID, req.args)
            return []
        if self._shm_bytes + req.data_size > MAX_SHM_BYTES_PER_CLIENT:
            raise GuestError("RESOURCE_CREATE2", f"shared memory of {req.data_size} bytes exceeds the client's limit")
        self.renderer.create_resource(VTEST_CTX_ID, req.args, backing_size=req.data_size)
        fd = os.memfd_create(f"pyvirgl-res-{req.args.handle}", os.MFD_CLOEXEC)
        try:
            os.ftruncate(fd, req.data_size)
            shm = mmap.mmap(fd, req.data_size)
        except OSError:
            os.close(fd)
            self.renderer.unref_resource(VTEST_CTX_ID, req.args.handle)
            raise
        self._maps[req.args.handle] = shm
        self._shm_bytes += req.data_size
        self.renderer.attach_backing(req.args.handle, memoryview(shm))
        return [Reply(v.RESOURCE_FD_MARKER, [fd])]

    def _resource_unref(self, req: v.ResourceUnref) -> list[Reply]:
        self.renderer.unref_resource(VTEST_CTX_ID, req.handle)
        self._drop_map(req.handle)
        return []

    def _drop_map(self, handle: int) -> None:
        shm = self._maps.pop(handle, None)
        if shm is not None:
            self._shm_bytes -= len(shm)
            try:
                shm.close()
            except BufferError:
                # A view is still alive somewhere; the mapping goes with the process.
                log.debug("mapping of resource %d still referenced at unref", handle)

    # -- transfers -----------------------------------------------------------------

    def _transfer_get(self, req: v.TransferGet) -> list[Reply]:
        out = bytearray(req.data_size)
        self.renderer.transfer_read(VTEST_CTX_ID, req.handle, req.level, req.box,
                                    stride=req.stride, layer_stride=req.layer_stride,
                                    offset=0, dest=memoryview(out))
        return [Reply(bytes(out))]

    def _transfer_put(self, req: v.TransferPut) -> list[Reply]:
        self.renderer.transfer_write(VTEST_CTX_ID, req.handle, req.level, req.box,
                                     stride=req.stride, layer_stride=req.layer_stride,
                                     offset=0, source=memoryview(req.data))
        return []

    def _transfer_get2(self, req: v.TransferGet2) -> list[Reply]:
        self.renderer.transfer_read(VTEST_CTX_ID, req.handle, req.level, req.box,
                                    stride=0, layer_stride=0, offset=req.offset, dest=None)
        return []

    def _transfer_put2(self, req: v.TransferPut2) -> list[Reply]:
        self.renderer.transfer_write(VTEST_CTX_ID, req.handle, req.level, req.box,
                                     stride=0, layer_stride=0, offset=req.offset, source=None)
        return []

    # -- execution -------------------------------------------------------------------

    def _submit(self, req: v.SubmitCmd) -> list[Reply]:
        self.renderer.submit(VTEST_CTX_ID, req.data)
        return []

    def _busy_wait(self, req: v.BusyWait) -> list[Reply]:
        # The handle means nothing to the host: the question is whether all
        # work submitted so far has finished.
        busy = self.renderer.busy(wait=req.wait) if self._context_ready else False
        return [Reply(v.encode_busy_wait_reply(busy))]


def _name(request: v.Request) -> str:
    return type(request).__name__
