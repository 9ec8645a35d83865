"""Queries and conditional rendering: CREATE_OBJECT(QUERY), BEGIN/END_QUERY,
GET_QUERY_RESULT(_QBO) and SET_RENDER_CONDITION.

Query types arrive in virgl's own numbering (`QueryType`). Each query owns
one GL query object per counter it reports (two for SO statistics, eleven
for pipeline statistics); a query that was never begun reads as
"available, 0" without asking GL.

GET_QUERY_RESULT writes `struct virgl_host_query_state` (a state word, the
result size, then the 64-bit result) into the query's buffer at the query's
offset: into the shared memory the guest maps and into the resource's
storage, so a later transfer from the host reads the same bytes. A result
the GPU has not produced yet is written later, when the guest polls for idle
(`QueryState.poll`, called from the backend's `busy`); the guest driver
only reads the state after that call says the work is done.

Conditional rendering is recorded per sub-context and wrapped around each
draw, clear, blit and dispatch (`conditional`), so it never leaks into
another context's work on the shared host GL context.
"""
from __future__ import annotations

import ctypes
import logging
import struct
from contextlib import contextmanager

import numpy as np
from OpenGL import GL

from pyvirgl import decode as d
from pyvirgl.backend.gl.executor import Executor, handles
from pyvirgl.errors import GuestError
from pyvirgl.protocol.types import Box
from pyvirgl.protocol.virgl import ObjectType, QueryType, QueryValueType, TextureTarget

log = logging.getLogger("pyvirgl.gl.queries")

STATE_BYTES = 16          # struct virgl_host_query_state
QUERY_STATE_DONE = 1
MAX_VERTEX_STREAMS = 4
TIMESTAMP_FREQUENCY = 1_000_000_000   # GL timer queries count nanoseconds

# GL_ARB_pipeline_statistics_query, in Gallium's pipe_statistics_query_index order.
PIPELINE_STATISTICS_TARGETS = (
    0x82EE,  # IA_VERTICES: GL_VERTICES_SUBMITTED
    0x82EF,  # IA_PRIMITIVES: GL_PRIMITIVES_SUBMITTED
    0x82F0,  # VS_INVOCATIONS: GL_VERTEX_SHADER_INVOCATIONS
    0x887F,  # GS_INVOCATIONS: GL_GEOMETRY_SHADER_INVOCATIONS
    0x82F3,  # GS_PRIMITIVES: GL_GEOMETRY_SHADER_PRIMITIVES_EMITTED
    0x82F6,  # C_INVOCATIONS: GL_CLIPPING_INPUT_PRIMITIVES
    0x82F7,  # C_PRIMITIVES: GL_CLIPPING_OUTPUT_PRIMITIVES
    0x82F4,  # PS_INVOCATIONS: GL_FRAGMENT_SHADER_INVOCATIONS
    0x82F1,  # HS_INVOCATIONS: GL_TESS_CONTROL_SHADER_PATCHES
    0x82F2,  # DS_INVOCATIONS: GL_TESS_EVALUATION_SHADER_INVOCATIONS
    0x82F5,  # CS_INVOCATIONS: GL_COMPUTE_SHADER_INVOCATIONS
)

# query type -> (GL targets, whether `index` selects a vertex stream)
_GL_TARGETS = {
    QueryType.OCCLUSION_COUNTER: ((GL.GL_SAMPLES_PASSED,), False),
    QueryType.OCCLUSION_PREDICATE: ((GL.GL_ANY_SAMPLES_PASSED,), False),
    QueryType.OCCLUSION_PREDICATE_CONSERVATIVE: ((GL.GL_ANY_SAMPLES_PASSED_CONSERVATIVE,), False),
    QueryType.TIMESTAMP: ((GL.GL_TIMESTAMP,), False),
    QueryType.TIME_ELAPSED: ((GL.GL_TIME_ELAPSED,), False),
    QueryType.PRIMITIVES_GENERATED: ((GL.GL_PRIMITIVES_GENERATED,), True),
    QueryType.PRIMITIVES_EMITTED: ((GL.GL_TRANSFORM_FEEDBACK_PRIMITIVES_WRITTEN,), True),
    # pipe_query_data_so_statistics: primitives written, then primitives storage needed.
    QueryType.SO_STATISTICS: ((GL.GL_TRANSFORM_FEEDBACK_PRIMITIVES_WRITTEN, GL.GL_PRIMITIVES_GENERATED), True),
    QueryType.SO_OVERFLOW_PREDICATE: ((GL.GL_TRANSFORM_FEEDBACK_STREAM_OVERFLOW,), True),
    QueryType.SO_OVERFLOW_ANY_PREDICATE: ((GL.GL_TRANSFORM_FEEDBACK_OVERFLOW,), False),
    QueryType.PIPELINE_STATISTICS: (PIPELINE_STATISTICS_TARGETS, False),
    # No GL object: TIMESTAMP_DISJOINT answers the timer frequency, GPU_FINISHED a fence.
    QueryType.TIMESTAMP_DISJOINT: ((), False),
    QueryType.GPU_FINISHED: ((), False),
}
_TIMER_TYPES = (QueryType.TIMESTAMP, QueryType.TIME_ELAPSED)
# Queries GL can condition rendering on.
_CONDITION_TYPES = (QueryType.OCCLUSION_COUNTER, QueryType.OCCLUSION_PREDICATE,
                    QueryType.OCCLUSION_PREDICATE_CONSERVATIVE, QueryType.SO_OVERFLOW_PREDICATE,
                    QueryType.SO_OVERFLOW_ANY_PREDICATE)
_RENDER_MODES = (
    (GL.GL_QUERY_WAIT, GL.GL_QUERY_WAIT_INVERTED),
    (GL.GL_QUERY_NO_WAIT, GL.GL_QUERY_NO_WAIT_INVERTED),
    (GL.GL_QUERY_BY_REGION_WAIT, GL.GL_QUERY_BY_REGION_WAIT_INVERTED),
    (GL.GL_QUERY_BY_REGION_NO_WAIT, GL.GL_QUERY_BY_REGION_NO_WAIT_INVERTED),
)
_QBO_SIZE = {QueryValueType.I32: 4, QueryValueType.U32: 4, QueryValueType.I64: 8, QueryValueType.U64: 8}
_QBO_FUNCS = {QueryValueType.I32: "glGetQueryBufferObjectiv", QueryValueType.U32: "glGetQueryBufferObjectuiv",
              QueryValueType.I64: "glGetQueryBufferObjecti64v", QueryValueType.U64: "glGetQueryBufferObjectui64v"}

NEW, ACTIVE, ENDED = "new", "active", "ended"


def _u32(name: int, pname: int) -> int:
    out = ctypes.c_uint(0)
    GL.glGetQueryObjectuiv(name, pname, ctypes.byref(out))
    return out.value


def _u64(name: int, pname: int) -> int:
    out = ctypes.c_uint64(0)
    GL.glGetQueryObjectui64v(name, pname, ctypes.byref(out))
    return out.value


class Query:
    """One guest query: its GL objects, where its state goes, and whether it ran."""

    def __init__(self, kind: QueryType, index: int, offset: int, resource, tracker: "QueryState") -> None:
        self.kind = kind
        self.index = index
        self.offset = offset
        self.resource = resource
        self.tracker = tracker
        targets, indexed = _GL_TARGETS[kind]
        self.targets = targets
        self.stream = index if indexed else 0
        # glGenQueries, not glCreateQueries: Mesa's create refuses the pipeline
        # statistics targets. A query that never ran is answered without GL.
        self.gl_names = [int(n) for n in np.atleast_1d(GL.glGenQueries(len(targets)))] if targets else []
        self.state = NEW
        self.sync = None       # GPU_FINISHED: fence made at END_QUERY
        self.released = False

    # -- lifetime -----------------------------------------------------------------

    def begin(self, ex: Executor, command: str) -> None:
        if self.state == ACTIVE:
            raise GuestError(command, "query is already active")
        self.tracker.forget(self)
        if self.kind == QueryType.TIMESTAMP or not self.targets:
            self.state = ACTIVE
            return
        busy = [t for t in self.targets if (t, self.stream) in self.tracker.active]
        if busy:
            # Another query of the same GL target is running (another guest
            # context, or Gallium nesting what GL cannot): leave this one empty.
            ex.skip_with_reason(command, "a query of the same kind is already active on the host")
            self.state = NEW
            return
        for target, name in zip(self.targets, self.gl_names):
            GL.glBeginQueryIndexed(target, self.stream, name)
            self.tracker.active[(target, self.stream)] = self
        self.state = ACTIVE

    def end(self, command: str) -> None:
        # Timestamps and GPU_FINISHED are only ever ended (Gallium begins them never).
        if self.kind == QueryType.TIMESTAMP:
            GL.glQueryCounter(self.gl_names[0], GL.GL_TIMESTAMP)
            self.state = ENDED
            return
        if self.kind == QueryType.GPU_FINISHED:
            if self.sync is not None:
                GL.glDeleteSync(self.sync)
            self.sync = GL.glFenceSync(GL.GL_SYNC_GPU_COMMANDS_COMPLETE, 0)
            self.state = ENDED
            return
        if self.state != ACTIVE:
            # Ending a query that never (really) began: Gallium lets it read as zero.
            return
        for target in self.targets:
            if self.tracker.active.get((target, self.stream)) is self:
                GL.glEndQueryIndexed(target, self.stream)
                del self.tracker.active[(target, self.stream)]
        self.state = ENDED

    def release(self) -> None:
        if self.released:
            return
        if self.state == ACTIVE:
            for target in self.targets:
                if self.tracker.active.get((target, self.stream)) is self:
                    GL.glEndQueryIndexed(target, self.stream)
                    del self.tracker.active[(target, self.stream)]
        self.tracker.forget(self)
        if self.gl_names:
            GL.glDeleteQueries(len(self.gl_names), self.gl_names)
        if self.sync is not None:
            GL.glDeleteSync(self.sync)
            self.sync = None
        self.released = True

    # -- results -------------------------------------------------------------------

    @property
    def result_size(self) -> int:
        return 8 if self.kind in _TIMER_TYPES else 4

    def available(self) -> bool:
        if self.state != ENDED:
            return True     # never ran: zero, at once
        if self.kind == QueryType.GPU_FINISHED:
            status = GL.glClientWaitSync(self.sync, 0, 0)
            return status in (GL.GL_ALREADY_SIGNALED, GL.GL_CONDITION_SATISFIED)
        return all(_u32(n, GL.GL_QUERY_RESULT_AVAILABLE) for n in self.gl_names)

    def value(self, counter: int = 0) -> int:
        """The result (waiting for it); `counter` picks one of several GL objects."""
        if self.kind == QueryType.TIMESTAMP_DISJOINT:
            return TIMESTAMP_FREQUENCY
        if self.kind == QueryType.GPU_FINISHED:
            if self.state == ENDED:
                GL.glClientWaitSync(self.sync, GL.GL_SYNC_FLUSH_COMMANDS_BIT, GL.GL_TIMEOUT_IGNORED)
            return 1
        if self.state != ENDED:
            return 0
        return _u64(self.gl_names[counter], GL.GL_QUERY_RESULT)

    def write_state(self) -> None:
        """struct virgl_host_query_state, DONE, into the query's buffer."""
        res = self.resource
        if self.released or res.refs <= 0:
            return
        data = struct.pack("<IIQ", QUERY_STATE_DONE, self.result_size, self.value() & (1 << 64) - 1)
        res.storage.write(0, Box(self.offset, 0, 0, STATE_BYTES, 1, 1),
                          np.frombuffer(data, np.uint8).reshape(1, 1, STATE_BYTES))
        backing = res.backing
        if backing is not None and self.offset + STATE_BYTES <= len(backing):
            backing[self.offset:self.offset + STATE_BYTES] = data


class QueryState:
    """Backend-wide query bookkeeping: GL targets in use and results still owed."""

    def __init__(self) -> None:
        self.active: dict[tuple[int, int], Query] = {}
        self.pending: list[Query] = []

    def forget(self, query: Query) -> None:
        if query in self.pending:
            self.pending.remove(query)

    def owe(self, query: Query) -> None:
        if query not in self.pending:
            self.pending.append(query)

    def poll(self, wait: bool) -> bool:
        """Write the results that are ready (all of them with `wait`); True if some are still owed."""
        still = []
        for q in self.pending:
            if wait or q.available():
                q.write_state()
            else:
                still.append(q)
        self.pending = still
        return bool(still)


# --- handlers ------------------------------------------------------------------------

@handles(d.CreateQuery)
def _create_query(ex: Executor, cmd: d.CreateQuery) -> None:
    command = "CREATE_OBJECT(QUERY)"
    kind = QueryType(cmd.query_type)    # the decoder has range-checked it
    res = ex.resource(cmd.res_handle, command)
    if res.template.target != TextureTarget.BUFFER:
        raise GuestError(command, f"query resource {cmd.res_handle} is not a buffer")
    if cmd.offset % 4 or cmd.offset + STATE_BYTES > res.layout.total_size:
        raise GuestError(command, f"query state at offset {cmd.offset} does not fit buffer {cmd.res_handle}")
    _targets, indexed = _GL_TARGETS[kind]
    if indexed and cmd.index >= MAX_VERTEX_STREAMS:
        raise GuestError(command, f"vertex stream {cmd.index} (at most {MAX_VERTEX_STREAMS - 1})")
    if kind == QueryType.PIPELINE_STATISTICS and cmd.index >= len(PIPELINE_STATISTICS_TARGETS):
        raise GuestError(command, f"pipeline statistic {cmd.index}")
    ex.current(command)
    ex.add_object(ObjectType.QUERY, cmd.handle, Query(kind, cmd.index, cmd.offset, res, ex.backend.queries),
                  command)


@handles(d.BeginQuery)
def _begin_query(ex: Executor, cmd: d.BeginQuery) -> None:
    command = "BEGIN_QUERY"
    ex.obj(ObjectType.QUERY, cmd.handle, command).begin(ex, command)


@handles(d.EndQuery)
def _end_query(ex: Executor, cmd: d.EndQuery) -> None:
    command = "END_QUERY"
    ex.obj(ObjectType.QUERY, cmd.handle, command).end(command)


@handles(d.GetQueryResult)
def _get_query_result(ex: Executor, cmd: d.GetQueryResult) -> None:
    command = "GET_QUERY_RESULT"
    q = ex.obj(ObjectType.QUERY, cmd.handle, command)
    if q.state == ACTIVE:
        raise GuestError(command, f"query {cmd.handle} is still active")
    if cmd.wait or q.available():
        ex.backend.queries.forget(q)
        q.write_state()
    else:
        ex.backend.queries.owe(q)


@handles(d.GetQueryResultQbo)
def _get_query_result_qbo(ex: Executor, cmd: d.GetQueryResultQbo) -> None:
    command = "GET_QUERY_RESULT_QBO"
    q = ex.obj(ObjectType.QUERY, cmd.handle, command)
    if q.state == ACTIVE:
        raise GuestError(command, f"query {cmd.handle} is still active")
    res = ex.resource(cmd.qbo_handle, command)
    if res.template.target != TextureTarget.BUFFER:
        raise GuestError(command, f"resource {cmd.qbo_handle} is not a buffer")
    vtype = QueryValueType(cmd.result_type)
    size = _QBO_SIZE[vtype]
    if cmd.offset % 4 or cmd.offset + size > res.layout.total_size:
        raise GuestError(command, f"{size} bytes at offset {cmd.offset} overrun buffer {cmd.qbo_handle}")
    counter = 0
    if cmd.index >= 0 and len(q.targets) > 1:
        counter = cmd.index
        if counter >= len(q.targets):
            raise GuestError(command, f"result index {cmd.index} of a query with {len(q.targets)} values")
    elif cmd.index < -1:
        raise GuestError(command, f"result index {cmd.index}")
    gl_name = getattr(res.storage, "gl_name", 0)
    if gl_name and q.gl_names and q.state == ENDED:
        # The GPU writes the result: no stall unless the guest asked to wait.
        if cmd.index == -1:
            pname = GL.GL_QUERY_RESULT_AVAILABLE
        else:
            pname = GL.GL_QUERY_RESULT if cmd.wait else GL.GL_QUERY_RESULT_NO_WAIT
        getattr(GL, _QBO_FUNCS[vtype])(q.gl_names[counter], gl_name, pname, cmd.offset)
        return
    if cmd.index == -1:
        value = int(q.available()) if not cmd.wait else 1
    elif not cmd.wait and not q.available():
        return   # GL_QUERY_RESULT_NO_WAIT writes nothing when the result is not there
    else:
        value = q.value(counter)
    limit = {QueryValueType.I32: (1 << 31) - 1, QueryValueType.U32: (1 << 32) - 1,
             QueryValueType.I64: (1 << 63) - 1, QueryValueType.U64: (1 << 64) - 1}[vtype]
    data = struct.pack("<Q" if size == 8 else "<I", min(value, limit))
    res.storage.write(0, Box(cmd.offset, 0, 0, size, 1, 1), np.frombuffer(data, np.uint8).reshape(1, 1, size))


@handles(d.SetRenderCondition)
def _set_render_condition(ex: Executor, cmd: d.SetRenderCondition) -> None:
    command = "SET_RENDER_CONDITION"
    sub = ex.current(command)
    if cmd.handle == 0:
        sub.render_condition = None
        return
    q = ex.obj(ObjectType.QUERY, cmd.handle, command)
    if q.kind not in _CONDITION_TYPES:
        ex.skip_with_reason(command, f"GL cannot condition rendering on a {q.kind.name} query; rendering always")
        sub.render_condition = None
        return
    sub.render_condition = (q, _RENDER_MODES[cmd.mode][1 if cmd.condition else 0])


@contextmanager
def conditional(ex: Executor, sub, command: str):
    """Wrap one piece of rendering work in the sub-context's render condition."""
    cond = getattr(sub, "render_condition", None)
    if cond is None:
        yield
        return
    q, mode = cond
    if q.released or q.state != ENDED:
        # A query that never ran passes (Gallium's result reads 0 only once it ended);
        # one still running cannot be waited on here: render unconditionally.
        if q.state == ACTIVE:
            ex.skip_with_reason(command, "render condition on a query that is still active; rendering anyway")
        yield
        return
    GL.glBeginConditionalRender(q.gl_names[0], mode)
    try:
        yield
    finally:
        GL.glEndConditionalRender()
