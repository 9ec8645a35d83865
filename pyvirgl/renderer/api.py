"""The renderer API every transport drives: vtest today, vhost-user-gpu next.

Methods are named after what virglrenderer's public API and virtio-gpu do:
contexts, resources, transfers, submit and fences. Nothing here knows about
sockets or vtest framing; a transport turns its messages into these calls.
The GL backend is created lazily, on the first call that needs it, so a
transport can fork before any EGL/GL initialisation.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Callable, Protocol

from pyvirgl.errors import GuestError
from pyvirgl.protocol import caps as capsmod
from pyvirgl.protocol.types import Box, ResourceTemplate
from pyvirgl.renderer.resources import (
    HostMemoryStorage, Layout, Limits, Resource, Storage, normalize_template, strided_view,
    validate_template,
)

log = logging.getLogger("pyvirgl.renderer")


class Backend(Protocol):
    """What the renderer needs from a host graphics API (the GL backend implements it)."""

    def limits(self) -> Limits: ...
    def create_storage(self, layout: Layout) -> Storage | None: ...
    def submit(self, renderer: "Renderer", ctx: "Context", stream: bytes) -> None: ...
    def busy(self, wait: bool) -> bool: ...
    def destroy_context(self, ctx: "Context") -> None: ...


@dataclass
class Context:
    """One guest context: a name, its attached resources and a sticky failure."""
    ctx_id: int
    name: str
    resources: set[int] = field(default_factory=set)
    failed: str | None = None
    # Backend-owned state (sub-contexts, objects); opaque here.
    state: object = None


class Renderer:
    def __init__(self, caps: capsmod.Caps | Callable[[], capsmod.Caps],
                 backend_factory: Callable[[], Backend] | None = None) -> None:
        self._caps = caps
        self._backend_factory = backend_factory
        self._backend: Backend | None = None
        self.contexts: dict[int, Context] = {}
        self.resources: dict[int, Resource] = {}
        self._resource_bytes = 0
        # A renderer.stats.Stats when the transport asks for timings, else None.
        self.stats = None

    # -- lazy pieces ---------------------------------------------------------------

    @property
    def backend(self) -> Backend | None:
        if self._backend is None and self._backend_factory is not None:
            self._backend = self._backend_factory()
        return self._backend

    def work_counts(self) -> dict[str, int]:
        """The backend's counts of costly work done (e.g. shaders translated); {} before it exists."""
        backend = self._backend
        counts = getattr(backend, "work_counts", None) if backend is not None else None
        return counts() if counts is not None else {}

    def caps(self) -> capsmod.Caps:
        if callable(self._caps):
            self._caps = self._caps()
        return self._caps

    def limits(self) -> Limits:
        backend = self.backend
        return backend.limits() if backend is not None else Limits()

    def fill_caps(self, capset: int) -> bytes:
        if capset == capsmod.CAPSET_VIRGL:
            return capsmod.pack_v1(self.caps())
        if capset == capsmod.CAPSET_VIRGL2:
            return capsmod.pack_v2(self.caps())
        raise GuestError("GET_CAPS", f"unknown capset {capset}")

    # -- contexts ------------------------------------------------------------------

    def create_context(self, ctx_id: int, name: str) -> Context:
        if ctx_id in self.contexts:
            raise GuestError("CONTEXT_CREATE", f"context {ctx_id} exists")
        ctx = Context(ctx_id, name)
        self.contexts[ctx_id] = ctx
        return ctx

    def destroy_context(self, ctx_id: int) -> None:
        ctx = self.contexts.pop(ctx_id, None)
        if ctx is None:
            raise GuestError("CONTEXT_DESTROY", f"no context {ctx_id}")
        if self._backend is not None:
            self._backend.destroy_context(ctx)
        for handle in list(ctx.resources):
            self._drop_ref(handle)

    def _context(self, ctx_id: int, command: str) -> Context:
        ctx = self.contexts.get(ctx_id)
        if ctx is None:
            raise GuestError(command, f"no context {ctx_id}")
        if ctx.failed is not None:
            raise GuestError(command, f"context already failed: {ctx.failed}")
        return ctx

    # -- resources -----------------------------------------------------------------

    def create_resource(self, ctx_id: int, template: ResourceTemplate, backing_size: int = 0) -> Resource:
        command = "RESOURCE_CREATE"
        ctx = self._context(ctx_id, command)
        if template.handle in self.resources:
            raise GuestError(command, f"handle {template.handle} already in use")
        limits = self.limits()
        template = normalize_template(template)
        validate_template(template, limits, command)
        layout = Layout(template)
        if layout.total_size > limits.max_resource_bytes:
            raise GuestError(command, f"{layout.total_size} bytes exceeds the per-resource limit")
        if self._resource_bytes + layout.total_size > limits.max_total_bytes:
            raise GuestError(command, "the context's resource memory limit is reached")
        if backing_size and backing_size < layout.total_size and template.nr_samples <= 1:
            # Mesa sizes the shared memory for every level; less cannot hold a transfer.
            raise GuestError(command, f"shared memory of {backing_size} bytes cannot hold {layout.total_size}")
        backend = self.backend
        storage = backend.create_storage(layout) if backend is not None else None
        resource = Resource(template, layout, storage or HostMemoryStorage(layout))
        self.resources[template.handle] = resource
        self._resource_bytes += layout.total_size
        ctx.resources.add(template.handle)
        return resource

    def attach_backing(self, handle: int, memory: memoryview) -> None:
        res = self._resource(handle, "ATTACH_BACKING")
        res.backing = memory
        res.backing_size = len(memory)

    def detach_backing(self, handle: int) -> None:
        """Forget the resource's backing (the front-end is about to unmap it); no-op if gone."""
        res = self.resources.get(handle)
        if res is not None:
            res.backing = None
            res.backing_size = 0

    def unref_resource(self, ctx_id: int, handle: int) -> None:
        ctx = self._context(ctx_id, "RESOURCE_UNREF")
        if handle not in ctx.resources:
            raise GuestError("RESOURCE_UNREF", f"no resource {handle}")
        ctx.resources.discard(handle)
        self._drop_ref(handle)

    def attach_resource(self, ctx_id: int, handle: int) -> None:
        """Share an existing resource with a context (virtio-gpu CTX_ATTACH_RESOURCE)."""
        ctx = self.contexts.get(ctx_id)
        if ctx is None:
            raise GuestError("CTX_ATTACH_RESOURCE", f"no context {ctx_id}")
        res = self._resource(handle, "CTX_ATTACH_RESOURCE")
        if handle not in ctx.resources:
            ctx.resources.add(handle)
            res.refs += 1

    def detach_resource(self, ctx_id: int, handle: int) -> None:
        """Undo attach_resource; works on failed contexts too, so a teardown always frees."""
        ctx = self.contexts.get(ctx_id)
        if ctx is None or handle not in ctx.resources:
            return
        ctx.resources.discard(handle)
        self._drop_ref(handle)

    def _drop_ref(self, handle: int) -> None:
        res = self.resources.get(handle)
        if res is None:
            return
        res.refs -= 1
        if res.refs == 0:
            del self.resources[handle]
            self._resource_bytes -= res.layout.total_size
            res.backing = None
            res.storage.release()

    def _resource(self, handle: int, command: str) -> Resource:
        res = self.resources.get(handle)
        if res is None:
            raise GuestError(command, f"no resource {handle}")
        return res

    def resource(self, ctx_id: int, handle: int, command: str) -> Resource:
        """A resource the context may use (for the command decoder)."""
        ctx = self._context(ctx_id, command)
        if handle not in ctx.resources:
            raise GuestError(command, f"no resource {handle} in this context")
        return self.resources[handle]

    # -- transfers -------------------------------------------------------------------

    def _guest_view(self, command: str, res: Resource, level: int, box: Box, stride: int,
                    layer_stride: int, offset: int, buf: memoryview | None):
        res.layout.check_box(command, level, box)
        stride, layer_stride, size = res.layout.transfer_strides(command, level, box, stride, layer_stride)
        if buf is None:
            if res.backing is None:
                raise GuestError(command, f"resource {res.handle} has no shared memory")
            buf = res.backing
        if offset > len(buf) or size > len(buf) - offset:
            raise GuestError(command, f"{size} bytes at offset {offset} overrun a buffer of {len(buf)}")
        return strided_view(buf, offset, res.layout, box, stride, layer_stride)

    def transfer_write(self, ctx_id: int, handle: int, level: int, box: Box, *, stride: int,
                       layer_stride: int, offset: int, source: memoryview | None,
                       command: str = "TRANSFER_PUT") -> None:
        """Guest memory -> resource. `source` None means the resource's shared memory.

        `command` names the guest command in any error (an inline write is not a TRANSFER_PUT)."""
        res = self.resource(ctx_id, handle, command)
        src = self._guest_view(command, res, level, box, stride, layer_stride, offset, source)
        try:
            res.storage.write(level, box, src)
        except NotImplementedError as err:   # a gap in the host (e.g. multisample uploads): skipped
            self._host_gap(command, err)

    def transfer_read(self, ctx_id: int, handle: int, level: int, box: Box, *, stride: int,
                      layer_stride: int, offset: int, dest: memoryview | None) -> None:
        """Resource -> guest memory. `dest` None means the resource's shared memory."""
        command = "TRANSFER_GET"
        res = self.resource(ctx_id, handle, command)
        out = self._guest_view(command, res, level, box, stride, layer_stride, offset, dest)
        if not out.flags.writeable:
            raise GuestError(command, "destination is read-only")
        # Storages that can fill guest memory directly skip a copy (frame readbacks).
        read_into = getattr(res.storage, "read_into", None)
        try:
            if read_into is None or not read_into(level, box, out):
                out[...] = res.storage.read(level, box)
        except NotImplementedError as err:   # a gap in the host: skipped
            self._host_gap(command, err)

    def _host_gap(self, command: str, err: Exception) -> None:
        """What the host cannot do is not the guest's fault: skip it, warn once per reason."""
        reason = f"{command}: {err}"
        seen = self.__dict__.setdefault("_host_gaps", set())
        if reason not in seen and len(seen) < 64:
            seen.add(reason)
            log.warning("%s skipped: %s", command, err)

    # -- execution --------------------------------------------------------------------

    def submit(self, ctx_id: int, stream: bytes) -> None:
        ctx = self._context(ctx_id, "SUBMIT_CMD")
        backend = self.backend
        if backend is None:
            raise GuestError("SUBMIT_CMD", "this renderer has no backend to execute commands")
        try:
            backend.submit(self, ctx, stream)
        except GuestError as err:
            ctx.failed = f"{err.command}: {err.reason}"
            raise

    def busy(self, wait: bool) -> bool:
        """Whether work submitted so far is unfinished; with `wait`, finish it first."""
        backend = self._backend
        return backend.busy(wait) if backend is not None else False
