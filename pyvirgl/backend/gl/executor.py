"""Executes one guest context's decoded command stream on the host GL context.

A table maps each decoded command class to one small handler. Handlers
resolve handles against the sub-context's object tables and the renderer's
resources (a missing one is a GuestError naming the command), record state,
and leave GL work to the framebuffer and draw modules. Commands we do not
execute yet are counted and logged once each: that is a host limitation,
not the guest's fault, so it does not fail the context.
"""
from __future__ import annotations

import logging
import time
from collections import Counter
from typing import Callable

import numpy as np

from pyvirgl import decode as d
from pyvirgl.backend.gl.subctx import (
    D_BLEND, D_CONST, D_DSA, D_FB, D_PROGRAM, D_RASTER, D_SCISSOR, D_STATE, D_TEX, D_UNIFORMS, D_VERT,
    D_VIEWPORT,
    SubContext,
)
from pyvirgl.backend.gl.program_inputs import inputs_of
from pyvirgl.backend.gl.programs import SAMPLER, VIEW
from pyvirgl.errors import GuestError
from pyvirgl.protocol.types import Box
from pyvirgl.protocol.virgl import COMMAND_SPECS, TRANSFER_TO_HOST, Ccmd, ObjectType

log = logging.getLogger("pyvirgl.exec")

MAX_SUB_CONTEXTS = 64
MAX_OBJECTS_PER_SUB_CONTEXT = 1 << 16

Handler = Callable[["Executor", object], None]
HANDLERS: dict[type, Handler] = {}
PURE: set[type] = set()   # command classes whose handler only records state


def handles(*classes: type, pure: bool = False):
    """Register a handler. Only `pure` handlers may leave the host GL state alone.

    A pure handler only records state in the sub-context (and sets the
    matching `subctx.D_*` flags), so the next draw may skip re-applying what
    did not change. Every other handler may touch host GL state the draw path
    relies on (bindings, programs, objects replaced under a bound handle): it
    is wrapped so that the next draw redoes its whole setup.
    """
    def register(fn: Handler) -> Handler:
        if pure:
            handler = fn
        else:
            def handler(ex, cmd, _fn=fn):
                drawing = ex.drawing
                drawing.current = None
                ex.last_state.clear()   # handles may now name other objects
                ex.checked.clear()
                if drawing.unchecked:
                    drawing.check_pending(ex)
                _fn(ex, cmd)
            handler.__name__ = handler.__qualname__ = fn.__name__
            handler.__wrapped__ = fn
        for cls in classes:
            HANDLERS[cls] = handler
            if pure:
                PURE.add(cls)
        return fn
    return register


class Executor:
    """Per-context executor. `renderer` resolves resources; `gl` is the backend's GL helpers."""

    def __init__(self, renderer, ctx, backend) -> None:
        self.renderer = renderer
        self.ctx = ctx
        self.backend = backend
        self.drawing = backend.drawing
        self._contexts = renderer.contexts      # for `resource`
        self._resources = renderer.resources
        self.subs: dict[int, SubContext] = {}
        self.sub: SubContext | None = None
        self.unimplemented: Counter[str] = Counter()
        # Plain state setters (see `same_state_slots`) executed in this stretch:
        # slot key -> payload bytes. Valid while only pure handlers run within
        # one submit: resources change between submits, objects under a handle
        # only through handlers that are not pure (they clear it).
        self.last_state: dict[int, bytes] = {}
        # Plain state setters decoded in this submit, by (header, payload): a
        # setter re-sent later in the submit is the same (immutable) object,
        # which spares decoding and lets caches downstream compare by identity.
        self.decoded: dict[tuple, object] = {}
        self.vertex_resources: dict[int, tuple] = {}   # id(SetVertexBuffers) -> (it, resources)
        # Commands whose handles were found in the object tables, in this
        # stretch of pure handlers (the tables change only in the others);
        # also what the draw path looked up by handles (DrawContext._program).
        self.checked: dict = {}

    # -- helpers the handlers share ------------------------------------------------

    def current(self, command: str) -> SubContext:
        if self.sub is None:
            raise GuestError(command, "no sub-context is current (SET_SUB_CTX first)")
        return self.sub

    def resource(self, handle: int, command: str):
        # Renderer.resource's checks, inline for the common case (several per draw);
        # anything unusual goes the long way, which raises the right error.
        ctx = self.ctx
        if ctx.failed is None and handle in ctx.resources and self._contexts.get(ctx.ctx_id) is ctx:
            found = self._resources.get(handle)
            if found is not None:
                return found
        return self.renderer.resource(ctx.ctx_id, handle, command)

    def obj(self, kind: ObjectType, handle: int, command: str):
        table = self.current(command).table(kind)
        found = table.get(handle)
        if found is None:
            raise GuestError(command, f"no {kind.name.lower()} object {handle}")
        return found

    def add_object(self, kind: ObjectType, handle: int, value: object, command: str) -> None:
        sub = self.current(command)
        table = sub.table(kind)
        if handle not in table and sum(len(t) for t in sub.objects.values()) >= MAX_OBJECTS_PER_SUB_CONTEXT:
            raise GuestError(command, f"more than {MAX_OBJECTS_PER_SUB_CONTEXT} objects in one sub-context")
        old = table.get(handle)
        if old is not None:
            self.backend.release_object(kind, old)
        table[handle] = value

    def skip_with_reason(self, command: str, reason: str) -> None:
        key = f"{command}: {reason}"
        if key not in self.unimplemented:
            log.warning("context %r: %s skipped: %s", self.ctx.name, command, reason)
        self.unimplemented[key] += 1

    def skip(self, cmd: object) -> None:
        name = type(cmd).__name__
        if name not in self.unimplemented:
            log.warning("context %r: %s is not executed yet; skipping", self.ctx.name, name)
        self.unimplemented[name] += 1

    # -- the loop --------------------------------------------------------------------

    def execute(self, stream: bytes) -> None:
        """Run every command of the stream.

        Draws with nothing changed in between may be queued as one multi-draw
        (DrawContext.batch): any command but those in BATCH_KEEPS issues the
        queue first, and so does the end of the stream, error or not."""
        stats = getattr(self.renderer, "stats", None)
        drawing = self.drawing
        # What was remembered in the last submit: resources may have changed since.
        self.last_state.clear()
        self.decoded.clear()
        self.vertex_resources.clear()
        self.checked.clear()
        try:
            if stats is not None:
                return self._execute_timed(stream, stats)
            if log.isEnabledFor(logging.DEBUG):
                return self._execute_traced(stream)
            handlers = HANDLERS
            op_handlers = OP_HANDLERS
            slots = SAME_STATE_SLOTS
            last_state = self.last_state
            decoded = self.decoded
            dispatch = d.stream_dispatch()
            raw, words = d.stream_words(stream)
            n = len(words)
            arr = np.frombuffer(raw, np.uint32) if n else None   # for runs of draws (DrawContext.join_run)
            pos = 0
            while pos < n:
                h = words[pos]
                length = h >> 16
                end = pos + 1 + length
                if end > n:
                    d.check_stream(stream)   # raises, naming the command
                op = h & 0xFF
                if drawing.batch is not None:
                    # Queued draws: the next plain draws (and index buffer offsets) may just join them,
                    # a whole run at once or one by one.
                    if op == _DRAW_VBO or op == _SET_INDEX_BUFFER:
                        after = drawing.join_run(self.sub, arr, pos, n)
                        if after == pos:
                            join = drawing.join_raw if op == _DRAW_VBO else drawing.join_index_buffer
                            if join(self.sub, words, pos + 1, length):
                                after = end
                        if after != pos:
                            if op == _SET_INDEX_BUFFER:
                                last_state.pop(_SET_INDEX_BUFFER, None)   # set without its handler
                            pos = after
                            continue
                slot = slots[op]
                if slot is not None:
                    # A state setter identical to the last one for its slot changes nothing.
                    key = h & slot[0]
                    first = slot[1]
                    if 0 <= first < length:
                        key |= words[pos + 1 + first] << 16
                        second = slot[2]
                        if 0 <= second < length:
                            key |= words[pos + 1 + second] << 48
                    payload = raw[(pos + 1) * 4:end * 4].tobytes()
                    if last_state.get(key) == payload:
                        pos = end
                        continue
                    cmd = decoded.get((h, payload))
                    if cmd is None:
                        cmd = dispatch[op](raw, (pos + 1) * 4, length, (h >> 8) & 0xFF)
                        if length <= _MAX_DECODED_WORDS:
                            if len(decoded) >= _MAX_DECODED:
                                decoded.clear()
                            decoded[(h, payload)] = cmd
                else:
                    cmd = dispatch[op](raw, (pos + 1) * 4, length, (h >> 8) & 0xFF)
                pos = end
                handler = op_handlers[op]
                if handler is None:   # CREATE_OBJECT: a class per object type
                    handler = handlers.get(type(cmd))
                if drawing.batch is not None and op != _DRAW_VBO and op != _SET_INDEX_BUFFER:
                    drawing.flush()
                if handler is None:
                    self.skip(cmd)
                else:
                    handler(self, cmd)
                    if slot is not None:
                        last_state[key] = payload
        finally:
            if drawing.batch is not None:
                drawing.flush()
            if drawing.unchecked:
                drawing.check_pending(self)
            for sub in self.subs.values():
                if sub.spare_images or sub.image_views:
                    shader_resources.end_submit(sub)

    def _execute_traced(self, stream: bytes) -> None:
        """The plain loop, every command logged (debug logging on)."""
        drawing = self.drawing
        for cmd in d.decode_commands(stream):
            log.debug("ctx %d: %s", self.ctx.ctx_id, _short(cmd))
            if drawing.batch is not None and type(cmd) not in BATCH_KEEPS:
                drawing.flush()
            handler = HANDLERS.get(type(cmd))
            if handler is None:
                self.skip(cmd)
            else:
                handler(self, cmd)

    def _execute_timed(self, stream: bytes, stats) -> None:
        """The same loop, timing decode and each handler (`pyvirgl serve --stats`)."""
        clock = time.perf_counter
        drawing = self.drawing
        commands = d.decode_commands(stream)
        while True:
            start = clock()
            cmd = next(commands, None)
            decoded = clock()
            stats.command("(decode)", decoded - start)
            if cmd is None:
                return
            if drawing.batch is not None and type(cmd) not in BATCH_KEEPS:
                drawing.flush()
                flushed = clock()
                stats.command("(batched draws)", flushed - decoded)
                decoded = flushed
            handler = HANDLERS.get(type(cmd))
            if handler is None:
                self.skip(cmd)
            else:
                handler(self, cmd)
            stats.command(type(cmd).__name__, clock() - decoded)

    def destroy(self) -> None:
        for sub in self.subs.values():
            self.backend.destroy_sub_context(sub)
        self.subs.clear()
        self.sub = None


def _short(cmd: object) -> str:
    text = repr(cmd)
    return text if len(text) <= 400 else text[:400] + "..."


# Commands that leave queued draws queued: the draw path decides for itself
# whether the next draw can join them; SET_INDEX_BUFFER only records state
# (a queued indexed draw carries its own offset; a new buffer starts a new queue).
BATCH_KEEPS = frozenset({d.DrawVbo, d.SetIndexBuffer})
_MAX_DECODED = 256        # distinct state setters kept decoded per submit
_MAX_DECODED_WORDS = 256  # ... of at most this many words (constant data can be 64K words)
_DRAW_VBO = d.DrawVbo.CMD
_SET_INDEX_BUFFER = d.SetIndexBuffer.CMD


# --- sub-contexts ------------------------------------------------------------------

@handles(d.CreateSubCtx)
def _create_sub(ex: Executor, cmd: d.CreateSubCtx) -> None:
    if cmd.sub_ctx_id in ex.subs:
        return  # Mesa re-announces; keeping the existing state is what the C host does too
    if len(ex.subs) >= MAX_SUB_CONTEXTS:
        raise GuestError("CREATE_SUB_CTX", f"more than {MAX_SUB_CONTEXTS} sub-contexts")
    ex.subs[cmd.sub_ctx_id] = SubContext(cmd.sub_ctx_id)


@handles(d.SetSubCtx)
def _set_sub(ex: Executor, cmd: d.SetSubCtx) -> None:
    sub = ex.subs.get(cmd.sub_ctx_id)
    if sub is None:
        raise GuestError("SET_SUB_CTX", f"no sub-context {cmd.sub_ctx_id}")
    if sub is not ex.sub:
        ex.sub = sub
        ex.backend.state.invalidate()


@handles(d.DestroySubCtx)
def _destroy_sub(ex: Executor, cmd: d.DestroySubCtx) -> None:
    sub = ex.subs.pop(cmd.sub_ctx_id, None)
    if sub is None:
        raise GuestError("DESTROY_SUB_CTX", f"no sub-context {cmd.sub_ctx_id}")
    ex.backend.destroy_sub_context(sub)
    if ex.sub is sub:
        ex.sub = None


# --- state objects ---------------------------------------------------------------------

_STATE_OBJECTS = {
    d.CreateBlend: ObjectType.BLEND,
    d.CreateRasterizer: ObjectType.RASTERIZER,
    d.CreateDsa: ObjectType.DSA,
    d.CreateVertexElements: ObjectType.VERTEX_ELEMENTS,
}


# pipe_blend_func has 5 values in a 3-bit field: the rest would index past the GL table at draw time.
_BLEND_FUNCS = 5


@handles(*_STATE_OBJECTS)
def _create_state(ex: Executor, cmd) -> None:
    if type(cmd) is d.CreateBlend and any(max(rt.rgb_func, rt.alpha_func) >= _BLEND_FUNCS for rt in cmd.rt):
        raise GuestError("CREATE_OBJECT(BLEND)", "blend function out of range")
    ex.add_object(_STATE_OBJECTS[type(cmd)], cmd.handle, cmd, f"CREATE_OBJECT({_STATE_OBJECTS[type(cmd)].name})")


@handles(d.CreateSurface, d.CreateMsaaSurface)
def _create_surface(ex: Executor, cmd) -> None:
    command = "CREATE_OBJECT(SURFACE)"
    res = ex.resource(cmd.res_handle, command)
    ex.add_object(ObjectType.SURFACE, cmd.handle, ex.backend.make_surface(res, cmd, command), command)


@handles(d.CreateSamplerView)
def _create_sampler_view(ex: Executor, cmd: d.CreateSamplerView) -> None:
    command = "CREATE_OBJECT(SAMPLER_VIEW)"
    res = ex.resource(cmd.res_handle, command)
    ex.add_object(ObjectType.SAMPLER_VIEW, cmd.handle, ex.backend.make_sampler_view(res, cmd, command), command)


@handles(d.CreateSamplerState)
def _create_sampler_state(ex: Executor, cmd: d.CreateSamplerState) -> None:
    command = "CREATE_OBJECT(SAMPLER_STATE)"
    ex.add_object(ObjectType.SAMPLER_STATE, cmd.handle, ex.backend.make_sampler_state(cmd), command)


@handles(d.CreateShaderChunk)
def _create_shader(ex: Executor, cmd: d.CreateShaderChunk) -> None:
    command = "CREATE_OBJECT(SHADER)"
    source = ex.current(command).assembler.feed(cmd)
    if source is not None:
        ex.add_object(ObjectType.SHADER, source.handle, ex.backend.make_shader(source), command)


# Bound attribute, and what the draw must redo (blend, dsa and rasterizer feed the shader keys).
_BINDABLE = {
    ObjectType.BLEND: ("blend", D_PROGRAM | D_BLEND),
    ObjectType.DSA: ("dsa", D_PROGRAM | D_DSA),
    ObjectType.RASTERIZER: ("rasterizer", D_PROGRAM | D_RASTER),
    ObjectType.VERTEX_ELEMENTS: ("vertex_elements", D_VERT | D_PROGRAM),   # integer inputs key the VS
}


_BIND_BY_TYPE = {int(kind): (kind, f"BIND_OBJECT({kind.name})", attr, flags)
                 for kind, (attr, flags) in _BINDABLE.items()}


@handles(d.BindObject, pure=True)
def _bind(ex: Executor, cmd: d.BindObject) -> None:
    found = _BIND_BY_TYPE.get(cmd.obj_type)
    if found is None:
        raise GuestError(f"BIND_OBJECT({ObjectType(cmd.obj_type).name})",
                         "objects of this type are not bound with BIND_OBJECT")
    kind, command, attr, flags = found
    sub = ex.current(command)
    new = ex.obj(kind, cmd.handle, command) if cmd.handle else None
    old = sub.table(kind).get(getattr(sub, attr))
    if inputs_of(kind, old) == inputs_of(kind, new):
        # e.g. a depth test toggled: the same shaders draw. (For vertex elements the
        # vertex shader is keyed on which inputs are integers, not on the layout.)
        flags = D_VERT if kind == ObjectType.VERTEX_ELEMENTS else flags & ~D_PROGRAM
    setattr(sub, attr, cmd.handle)
    sub.dirty |= flags


@handles(d.DestroyObject)
def _destroy(ex: Executor, cmd: d.DestroyObject) -> None:
    kind = ObjectType(cmd.obj_type)
    command = f"DESTROY_OBJECT({kind.name})"
    sub = ex.current(command)
    value = sub.table(kind).pop(cmd.handle, None)
    if value is None:
        if kind == ObjectType.SHADER:
            sub.assembler.discard(cmd.handle)
            return
        raise GuestError(command, f"no {kind.name.lower()} object {cmd.handle}")
    ex.backend.release_object(kind, value)


@handles(d.BindShader, pure=True)
def _bind_shader(ex: Executor, cmd: d.BindShader) -> None:
    command = "BIND_SHADER"
    if cmd.handle:
        shader = ex.obj(ObjectType.SHADER, cmd.handle, command)
        if shader.stage != cmd.shader_type:
            raise GuestError(command, f"shader {cmd.handle} is stage {shader.stage}, bound as {cmd.shader_type}")
    sub = ex.current(command)
    sub.shaders[cmd.shader_type] = cmd.handle
    sub.dirty |= D_PROGRAM


@handles(d.LinkShader, pure=True)
def _link_shader(ex: Executor, cmd) -> None:
    # Programs are linked at draw time from whatever is bound; LINK_SHADER is
    # only the guest's hint to do it early.
    return None


# --- parameter state ---------------------------------------------------------------------

@handles(d.SetFramebufferState, pure=True)
def _set_fb(ex: Executor, cmd: d.SetFramebufferState) -> None:
    command = "SET_FRAMEBUFFER_STATE"
    sub = ex.current(command)
    for handle in (cmd.zsurf_handle, *cmd.cbuf_handles):
        if handle:
            ex.obj(ObjectType.SURFACE, handle, command)
    sub.zsurf, sub.cbufs, sub.fb_no_attach = cmd.zsurf_handle, cmd.cbuf_handles, None
    sub.fb_dirty = True
    sub.dirty |= D_FB | D_PROGRAM   # colour buffer types are part of the fragment shader key


@handles(d.SetFramebufferStateNoAttach, pure=True)
def _set_fb_no_attach(ex: Executor, cmd: d.SetFramebufferStateNoAttach) -> None:
    sub = ex.current("SET_FRAMEBUFFER_STATE_NO_ATTACH")
    sub.fb_no_attach = (cmd.width, cmd.height, cmd.layers, cmd.samples)
    sub.fb_dirty = True
    sub.dirty |= D_FB


def _store_slots(slots: list, start: int, values) -> None:
    """slots[start:start + len(values)] = values, growing the list (the decoder bounds start + count)."""
    end = start + len(values)
    if len(slots) < end:
        slots.extend([None] * (end - len(slots)))
    slots[start:end] = values


@handles(d.SetViewportState, pure=True)
def _set_viewports(ex: Executor, cmd: d.SetViewportState) -> None:
    sub = ex.current("SET_VIEWPORT_STATE")
    _store_slots(sub.viewports, cmd.start_slot, cmd.viewports)
    sub.dirty |= D_VIEWPORT


@handles(d.SetScissorState, pure=True)
def _set_scissors(ex: Executor, cmd: d.SetScissorState) -> None:
    sub = ex.current("SET_SCISSOR_STATE")
    _store_slots(sub.scissors, cmd.start_slot, cmd.scissors)
    sub.dirty |= D_SCISSOR


@handles(d.SetVertexBuffers, pure=True)
def _set_vbufs(ex: Executor, cmd: d.SetVertexBuffers) -> None:
    command = "SET_VERTEX_BUFFERS"
    # Resolved once here: resources only come and go between submits, and the
    # first draw of each submit resolves them again (DrawContext._check_vertex_buffers).
    # The same command re-sent in this submit is the same object (Executor.decoded):
    # it gets the same resource list, so the draw path can tell by identity.
    found = ex.vertex_resources.get(id(cmd))
    if found is not None and found[0] is cmd:
        resources = found[1]
    else:
        resources = [ex.resource(vb.res_handle, command) if vb.res_handle else None for vb in cmd.buffers]
        ex.vertex_resources[id(cmd)] = (cmd, resources)
    sub = ex.current(command)
    sub.vertex_buffers = cmd.buffers
    sub.vertex_resources = resources
    sub.dirty |= D_VERT


@handles(d.SetIndexBuffer, pure=True)
def _set_ibuf(ex: Executor, cmd: d.SetIndexBuffer) -> None:
    command = "SET_INDEX_BUFFER"
    sub = ex.current(command)
    if cmd.res_handle == 0:
        sub.index_buffer = None
        return
    ex.resource(cmd.res_handle, command)
    sub.index_buffer = (cmd.res_handle, cmd.index_size, cmd.offset)


@handles(d.SetConstantBuffer, pure=True)
def _set_consts(ex: Executor, cmd: d.SetConstantBuffer) -> None:
    sub = ex.current("SET_CONSTANT_BUFFER")
    sub.const_data[cmd.shader_type][cmd.index] = cmd.data
    sub.dirty |= D_CONST
    sub.const_changed.add((cmd.shader_type, cmd.index))


@handles(d.SetUniformBuffer, pure=True)
def _set_ubo(ex: Executor, cmd: d.SetUniformBuffer) -> None:
    command = "SET_UNIFORM_BUFFER"
    sub = ex.current(command)
    sub.dirty |= D_CONST
    sub.const_changed.add((cmd.shader_type, cmd.index))
    if cmd.res_handle == 0:
        sub.uniform_buffers[cmd.shader_type].pop(cmd.index, None)
        return
    res = ex.resource(cmd.res_handle, command)
    if cmd.offset + cmd.length > res.layout.total_size:
        raise GuestError(command, f"range {cmd.offset}+{cmd.length} overruns buffer {cmd.res_handle}")
    sub.uniform_buffers[cmd.shader_type][cmd.index] = (cmd.res_handle, cmd.offset, cmd.length)


def _check_handles(ex: Executor, cmd, kind: ObjectType, command: str) -> None:
    """Every non-zero handle of `cmd` names an object of `kind` (once per command object and stretch)."""
    if ex.checked.get(id(cmd)) is cmd:
        return
    for handle in cmd.handles:
        if handle:
            ex.obj(kind, handle, command)
    ex.checked[id(cmd)] = cmd


def _store_texture_slots(sub: SubContext, slots: list, kind: int, cmd) -> None:
    """Set a stage's view or sampler handles; note which slots really changed (guests re-send all)."""
    start, handles = cmd.start_slot, cmd.handles
    end = start + len(handles)
    old = slots[start:end]
    stage = cmd.shader_type
    diff = [(stage, kind, start + i) for i, (was, now) in enumerate(zip(old, handles)) if was != now]
    if diff:
        sub.tex_changed.update(diff)
        slots[start:end] = handles
        sub.dirty |= D_TEX


@handles(d.SetSamplerViews, pure=True)
def _set_views(ex: Executor, cmd: d.SetSamplerViews) -> None:
    command = "SET_SAMPLER_VIEWS"
    sub = ex.current(command)
    _check_handles(ex, cmd, ObjectType.SAMPLER_VIEW, command)
    _store_texture_slots(sub, sub.sampler_views[cmd.shader_type], VIEW, cmd)


@handles(d.BindSamplerStates, pure=True)
def _bind_samplers(ex: Executor, cmd: d.BindSamplerStates) -> None:
    command = "BIND_SAMPLER_STATES"
    sub = ex.current(command)
    _check_handles(ex, cmd, ObjectType.SAMPLER_STATE, command)
    _store_texture_slots(sub, sub.sampler_states[cmd.shader_type], SAMPLER, cmd)


@handles(d.SetBlendColor, pure=True)
def _blend_color(ex: Executor, cmd: d.SetBlendColor) -> None:
    sub = ex.current("SET_BLEND_COLOR")
    sub.blend_color = cmd.color
    sub.dirty |= D_STATE


@handles(d.SetStencilRef, pure=True)
def _stencil_ref(ex: Executor, cmd: d.SetStencilRef) -> None:
    sub = ex.current("SET_STENCIL_REF")
    sub.stencil_ref = (cmd.front, cmd.back)
    sub.dirty |= D_DSA


@handles(d.SetSampleMask, pure=True)
def _sample_mask(ex: Executor, cmd: d.SetSampleMask) -> None:
    sub = ex.current("SET_SAMPLE_MASK")
    sub.sample_mask = cmd.mask
    sub.dirty |= D_STATE


@handles(d.SetMinSamples)   # sets glMinSampleShading (checked)
def _min_samples(ex: Executor, cmd: d.SetMinSamples) -> None:
    sub = ex.current("SET_MIN_SAMPLES")
    sub.min_samples = cmd.min_samples
    ex.backend.set_min_samples(sub, cmd.min_samples)


@handles(d.SetClipState, pure=True)
def _clip(ex: Executor, cmd: d.SetClipState) -> None:
    sub = ex.current("SET_CLIP_STATE")
    sub.clip_planes = cmd.ucp
    sub.dirty |= D_UNIFORMS


@handles(d.SetPolygonStipple, pure=True)
def _stipple(ex: Executor, cmd: d.SetPolygonStipple) -> None:
    # Recorded only: no draw reads it yet.
    ex.current("SET_POLYGON_STIPPLE").polygon_stipple = cmd.stipple


@handles(d.SetTessState, pure=True)
def _tess(ex: Executor, cmd: d.SetTessState) -> None:
    # Read by every draw with patches (not cached).
    sub = ex.current("SET_TESS_STATE")
    sub.tess_outer, sub.tess_inner = cmd.outer, cmd.inner


@handles(d.Nop, d.EndTransfers, d.SetDebugFlags, d.EmitStringMarker, d.SetTweaks, pure=True)
def _nothing(ex: Executor, cmd) -> None:
    # Markers, debug flags and tweaks change nothing the guest can observe here.
    return None


# --- work ----------------------------------------------------------------------------------

@handles(d.Clear)
def _clear(ex: Executor, cmd: d.Clear) -> None:
    ex.backend.clear(ex, ex.current("CLEAR"), cmd)


@handles(d.DrawVbo, pure=True)   # the draw path keeps its own record of what it set
def _draw(ex: Executor, cmd: d.DrawVbo) -> None:
    sub = ex.sub
    if sub is None:
        ex.current("DRAW_VBO")   # raises
    ex.backend.draw(ex, sub, cmd)


@handles(d.Blit)
def _blit(ex: Executor, cmd: d.Blit) -> None:
    ex.backend.blit(ex, cmd)


@handles(d.Transfer3D)
def _transfer3d(ex: Executor, cmd) -> None:
    """A transfer queued in the stream: between the resource and its shared memory."""
    box = Box(cmd.x, cmd.y, cmd.z, cmd.width, cmd.height, cmd.depth)
    if cmd.direction == TRANSFER_TO_HOST:
        ex.renderer.transfer_write(ex.ctx.ctx_id, cmd.res_handle, cmd.level, box, stride=cmd.stride,
                                   layer_stride=cmd.layer_stride, offset=cmd.data_offset, source=None)
    else:
        ex.renderer.transfer_read(ex.ctx.ctx_id, cmd.res_handle, cmd.level, box, stride=cmd.stride,
                                  layer_stride=cmd.layer_stride, offset=cmd.data_offset, dest=None)


@handles(d.ResourceInlineWrite)
def _inline_write(ex: Executor, cmd: d.ResourceInlineWrite) -> None:
    box = Box(cmd.x, cmd.y, cmd.z, cmd.width, cmd.height, cmd.depth)
    ex.renderer.transfer_write(ex.ctx.ctx_id, cmd.res_handle, cmd.level, box, stride=cmd.stride,
                               layer_stride=cmd.layer_stride, offset=0, source=memoryview(cmd.data),
                               command="RESOURCE_INLINE_WRITE")


@handles(d.ResourceCopyRegion)
def _copy_region(ex: Executor, cmd: d.ResourceCopyRegion) -> None:
    command = "RESOURCE_COPY_REGION"
    dst = ex.resource(cmd.dst_handle, command)
    src = ex.resource(cmd.src_handle, command)
    s, t = src.layout, dst.layout
    if s.block_bytes != t.block_bytes:
        raise GuestError(command, "source and destination formats have different block sizes")
    # The size is in source texels. Between a compressed and a plain format
    # (ARB_copy_image) each source block is one destination block, so the
    # destination extent scales by the ratio of the block dimensions.
    blocks_w = -(-cmd.src_width // s.block_w)
    blocks_h = -(-cmd.src_height // s.block_h)
    src_box = Box(cmd.src_x, cmd.src_y, cmd.src_z, cmd.src_width, cmd.src_height, cmd.src_depth)
    dst_box = Box(cmd.dst_x, cmd.dst_y, cmd.dst_z, blocks_w * t.block_w if s.block_w != t.block_w else cmd.src_width,
                  blocks_h * t.block_h if s.block_h != t.block_h else cmd.src_height, cmd.src_depth)
    s.check_box(command, cmd.src_level, src_box)
    t.check_box(command, cmd.dst_level, dst_box)
    ex.backend.copy_region(src, cmd.src_level, src_box, dst, cmd.dst_level, dst_box)


# Handlers that live in their own modules register themselves on import.
from pyvirgl.backend.gl import compute, queries, resource_ops, shader_resources, streamout  # noqa: E402,F401


def same_state_slots() -> list:
    """Per command id: (header mask, first, second) naming its state slot, or None.

    The slot key is the masked header, with the payload words at the indexes
    `first` and `second` (-1: none; at most two) shifted in above it.

    Only plain state setters (`CommandSpec.state_slot`) whose handler here is
    pure qualify: skipping one then skips nothing but recording the same state.
    The header's object-type byte is part of the slot only where the command
    has object types (BIND_OBJECT); elsewhere the decoder ignores it, so it
    must not tell two commands for the same slot apart."""
    table: list = [None] * 256
    for spec in COMMAND_SPECS.values():
        words = spec.state_slot_words
        if words is not None and getattr(d, spec.cls) in PURE:
            if len(words) > 2:
                raise ValueError(f"{spec.cls}: a state slot of more than two words")
            first, second = (*words, -1, -1)[:2]
            table[spec.cmd] = (0xFFFF if spec.obj_types else 0xFF, first, second)
    return table


SAME_STATE_SLOTS = same_state_slots()
# Per command id, its handler where one class decodes that id (all but CREATE_OBJECT).
OP_HANDLERS: list = [None] * 256
for _cls, _handler in HANDLERS.items():
    if _cls.CMD != Ccmd.CREATE_OBJECT:
        OP_HANDLERS[_cls.CMD] = _handler
