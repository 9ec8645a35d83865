"""Stream output: CREATE_OBJECT(STREAMOUT_TARGET), SET_STREAMOUT_TARGETS and
transform feedback around draws, including draws whose vertex count comes
from an earlier capture (DRAW_VBO count_from_so).

Each set of targets the guest binds gets a GL transform feedback object
holding their buffer ranges. Feedback begins at the first draw after the
targets are set (GL needs the primitive class and a program that captures),
and is paused after every draw, as virglrenderer does, so that binds,
program changes and other contexts' work in between are legal.

Setting the same target objects again resumes the paused capture where it
stopped (Mesa sends no append bits; a restart comes with new target
objects). Unbinding (an empty target list) only pauses, because the guest
uses the same command to pause and to end; the object is ended when a draw
needs its vertex count (glDrawTransformFeedback), when capture restarts, or
when a target goes.
"""
from __future__ import annotations

import logging

from OpenGL import GL

from pyvirgl import decode as d
from pyvirgl.backend.gl import names, storage
from pyvirgl.backend.gl.rawgl import gl
from pyvirgl.backend.gl.executor import Executor, handles
from pyvirgl.backend.gl.programs import _xfb_varyings
from pyvirgl.errors import GuestError
from pyvirgl.protocol.virgl import ObjectType, TextureTarget
from pyvirgl.shader.tgsi.names import Property

log = logging.getLogger("pyvirgl.gl.streamout")

MAX_XFB_OBJECTS = 64      # per sub-context; the oldest idle one goes first
NEED_BEGIN, STARTED, PAUSED, ENDED = "need-begin", "started", "paused", "ended"

_POINTS, _LINES, _TRIANGLES = GL.GL_POINTS, GL.GL_LINES, GL.GL_TRIANGLES
# pipe_prim_type -> transform feedback primitive class (draws without GS/TES).
_DRAW_CLASS = {0: _POINTS, 1: _LINES, 2: _LINES, 3: _LINES, 4: _TRIANGLES, 5: _TRIANGLES, 6: _TRIANGLES,
               10: _LINES, 11: _LINES, 12: _TRIANGLES, 13: _TRIANGLES}
# GS output primitive (points, line strip, triangle strip) and TES primitive mode.
_GS_CLASS = {0: _POINTS, 3: _LINES, 5: _TRIANGLES}
_TES_CLASS = {1: _LINES, 4: _TRIANGLES, 7: _TRIANGLES}


class StreamoutTarget:
    """A buffer range the guest captures into."""

    def __init__(self, resource, offset: int, size: int) -> None:
        self.resource = resource
        self.offset = offset
        self.size = size
        self.users: list[XfbObject] = []

    def release(self) -> None:
        for obj in list(self.users):
            obj.release()


class XfbObject:
    """One GL transform feedback object for one list of targets."""

    def __init__(self, owner: "StreamoutState", targets: tuple) -> None:
        self.owner = owner
        self.targets = targets
        self.gl_name = names.create(GL.glCreateTransformFeedbacks)
        for i, t in enumerate(targets):
            if t is None:
                continue
            t.users.append(self)
            _holders.setdefault(id(t.resource.storage), []).append(self)
            gl_buffer = getattr(t.resource.storage, "gl_name", 0)
            size = t.size & ~3
            if gl_buffer and size:
                GL.glTransformFeedbackBufferRange(self.gl_name, i, gl_buffer, t.offset, size)
        self.state = NEED_BEGIN
        self.program = 0
        self.prim = 0

    def finish(self) -> None:
        """End capture (so the vertex count is known); the object stays for draws from it."""
        if self.state in (STARTED, PAUSED):
            GL.glBindTransformFeedback(GL.GL_TRANSFORM_FEEDBACK, self.gl_name)
            if self.state == STARTED:
                GL.glPauseTransformFeedback()
            GL.glEndTransformFeedback()
            GL.glBindTransformFeedback(GL.GL_TRANSFORM_FEEDBACK, 0)
            self.state = ENDED

    def release(self) -> None:
        if not self.gl_name:
            return
        self.finish()
        GL.glDeleteTransformFeedbacks(1, [self.gl_name])
        self.gl_name = 0
        for t in self.targets:
            if t is not None and self in t.users:
                t.users.remove(self)
            if t is not None:
                holders = _holders.get(id(t.resource.storage), [])
                if self in holders:
                    holders.remove(self)
                if not holders:
                    _holders.pop(id(t.resource.storage), None)
        if self in self.owner.objects:
            self.owner.objects.remove(self)
        if self.owner.current is self:
            self.owner.current = None


# id(buffer storage) -> transform feedback objects holding that buffer.
_holders: dict[int, list[XfbObject]] = {}


def _before_buffer_delete(storage_obj) -> None:
    # The guest may drop its last reference to a buffer a paused capture
    # still holds; the capture cannot go on without it, so it goes first.
    for obj in list(_holders.get(id(storage_obj), ())):
        obj.release()


storage.BEFORE_BUFFER_DELETE.append(_before_buffer_delete)


class StreamoutState:
    """A sub-context's transform feedback objects and the one bound for capture."""

    def __init__(self) -> None:
        self.objects: list[XfbObject] = []
        self.current: XfbObject | None = None

    def find(self, targets: tuple) -> XfbObject | None:
        for obj in self.objects:
            if len(obj.targets) == len(targets) and all(a is b for a, b in zip(obj.targets, targets)):
                return obj
        return None

    def add(self, obj: XfbObject) -> None:
        self.objects.append(obj)
        while len(self.objects) > MAX_XFB_OBJECTS:
            victim = next(o for o in self.objects if o is not self.current)
            victim.release()


def _state(sub) -> StreamoutState:
    if sub.streamout is None:
        sub.streamout = StreamoutState()
    return sub.streamout


# --- handlers ------------------------------------------------------------------------

@handles(d.CreateStreamoutTarget)
def _create_target(ex: Executor, cmd: d.CreateStreamoutTarget) -> None:
    command = "CREATE_OBJECT(STREAMOUT_TARGET)"
    res = ex.resource(cmd.res_handle, command)
    if res.template.target != TextureTarget.BUFFER:
        raise GuestError(command, f"resource {cmd.res_handle} is not a buffer")
    if cmd.buffer_offset % 4:
        raise GuestError(command, f"offset {cmd.buffer_offset} is not a multiple of 4")
    if cmd.buffer_offset + cmd.buffer_size > res.layout.total_size:
        raise GuestError(command, f"range {cmd.buffer_offset}+{cmd.buffer_size} overruns buffer {cmd.res_handle}")
    if not getattr(res.storage, "gl_name", 0):
        ex.skip_with_reason(command, f"buffer {cmd.res_handle} has no GL storage; nothing is captured into it")
    ex.add_object(ObjectType.STREAMOUT_TARGET, cmd.handle,
                  StreamoutTarget(res, cmd.buffer_offset, cmd.buffer_size), command)


@handles(d.SetStreamoutTargets)
def _set_targets(ex: Executor, cmd: d.SetStreamoutTargets) -> None:
    command = "SET_STREAMOUT_TARGETS"
    sub = ex.current(command)
    targets = tuple(ex.obj(ObjectType.STREAMOUT_TARGET, h, command) if h else None for h in cmd.handles)
    state = _state(sub)
    if not any(t is not None for t in targets):
        state.current = None     # a pause or an end: which one, later commands tell
        return
    # The same target objects again resume their capture. Mesa's virgl driver
    # never sends append bits (it drops Gallium's offsets), but makes new
    # target objects for every glBeginTransformFeedback after an end, so a
    # restart arrives as a new list; virglrenderer ignores the bits too.
    obj = state.find(targets)
    if obj is None:
        obj = XfbObject(state, targets)
        state.add(obj)
    elif obj.state == ENDED:
        obj.state = NEED_BEGIN
    state.current = obj


# --- the draw path's hooks -----------------------------------------------------------

def _capture_class(sub, mode: int) -> int:
    shaders = sub.table(ObjectType.SHADER)
    gs = shaders.get(sub.shaders[2]) if sub.shaders[2] else None
    if gs is not None:
        return _GS_CLASS.get(gs.ir.property(Property.GS_OUTPUT_PRIMITIVE, 0), _POINTS)
    tes = shaders.get(sub.shaders[4]) if sub.shaders[4] else None
    if tes is not None:
        if tes.ir.property(Property.TES_POINT_MODE, 0):
            return _POINTS
        return _TES_CLASS.get(tes.ir.property(Property.TES_PRIM_MODE, 4), _TRIANGLES)
    return _DRAW_CLASS.get(mode, _POINTS)


def begin_draw(ex: Executor, sub, program, mode: int) -> XfbObject | None:
    """Bind the capture state for one draw; returns the object to pause after it."""
    state = sub.streamout
    cur = state.current if state is not None else None
    if cur is None or not _xfb_varyings(program.stages):
        gl.glBindTransformFeedback(GL.GL_TRANSFORM_FEEDBACK, 0)   # unchecked: every draw passes here
        return None
    prim = _capture_class(sub, mode)
    if cur.state == PAUSED and (cur.program != program.name or cur.prim != prim):
        # GL resumes only with the program and primitive class it began with.
        ex.skip_with_reason("DRAW_VBO", "stream output resumed with another program or primitive class; "
                                        "capture restarts at the targets' start")
        cur.finish()
    GL.glBindTransformFeedback(GL.GL_TRANSFORM_FEEDBACK, cur.gl_name)
    if cur.state == PAUSED:
        GL.glResumeTransformFeedback()
    else:
        GL.glBeginTransformFeedback(prim)
        cur.program, cur.prim = program.name, prim
    cur.state = STARTED
    return cur


def end_draw(obj: XfbObject | None) -> None:
    if obj is not None and obj.state == STARTED:
        GL.glPauseTransformFeedback()
        obj.state = PAUSED
        # A paused object still counts as active: left bound, it would make GL
        # refuse the next glTransformFeedbackVaryings (linking a new program).
        gl.glBindTransformFeedback(GL.GL_TRANSFORM_FEEDBACK, 0)


def captured_source(ex: Executor, sub, count_from_so: int) -> XfbObject | None:
    """The capture a count_from_so draw reads: Mesa sends the target's buffer_size."""
    state = sub.streamout
    if state is None:
        return None
    for obj in reversed(state.objects):
        if obj is state.current or obj.state == NEED_BEGIN:
            continue
        if any(t is not None and t.size == count_from_so for t in obj.targets):
            obj.finish()
            return obj
    return None
