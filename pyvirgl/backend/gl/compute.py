"""LAUNCH_GRID: compute dispatches, direct and indirect.

A compute program holds one stage, so it gets bindings of its own instead of
the graphics stages' stage*16 + slot ranges (which for stage 5 would pass
the host's binding limits): uniform block i at binding i, sampler i at unit
i, shader buffer i at binding i, images on units 0.. in declaration order.

Indirect dispatch sizes are read back and checked against the host's work
group count limits before dispatching: GL leaves larger ones undefined.
"""
from __future__ import annotations

import logging
import struct

from OpenGL import GL

from pyvirgl import decode as d
from pyvirgl.backend.gl import queries, shader_resources
from pyvirgl.backend.gl.executor import Executor, handles
from pyvirgl.backend.gl.indirect import check_range, gl_buffer
from pyvirgl.backend.gl.programs import HostCompileError, LinkedProgram
from pyvirgl.errors import GuestError
from pyvirgl.protocol.types import Box
from pyvirgl.protocol.virgl import ObjectType
from pyvirgl.shader.glsl.key import ShaderKey

log = logging.getLogger("pyvirgl.gl.compute")

COMMAND = "LAUNCH_GRID"
COMPUTE = 5
MAX_CACHED = 256


class ComputePrograms:
    """Linked compute programs by compiled shader, with their fixed bindings set."""

    def __init__(self, programs) -> None:
        self.programs = programs
        self._linked: dict[int, LinkedProgram] = {}

    def link(self, t) -> LinkedProgram:
        shader = self.programs._compile(COMPUTE, t.glsl)
        found = self._linked.get(shader)
        if found is not None:
            return found
        prog = GL.glCreateProgram()
        GL.glAttachShader(prog, shader)
        GL.glLinkProgram(prog)
        if not GL.glGetProgramiv(prog, GL.GL_LINK_STATUS):
            info = GL.glGetProgramInfoLog(prog).decode(errors="replace")
            GL.glDeleteProgram(prog)
            log.error("generated compute program failed to link: %s", info)
            raise HostCompileError(info.strip().splitlines()[0] if info.strip() else "link failed")
        for block in t.constant_blocks:
            index = GL.glGetUniformBlockIndex(prog, block.block_name)
            if index != GL.GL_INVALID_INDEX:
                GL.glUniformBlockBinding(prog, index, block.guest_index)
        units = []
        for i, binding in enumerate(t.samplers):
            loc = GL.glGetUniformLocation(prog, binding.uniform_name)
            if loc >= 0:
                GL.glProgramUniform1i(prog, loc, i)
            units.append((i, binding))
        for buf in t.buffers:
            index = GL.glGetProgramResourceIndex(prog, GL.GL_SHADER_STORAGE_BLOCK, buf.block_name)
            if index != GL.GL_INVALID_INDEX:
                GL.glShaderStorageBlockBinding(prog, index, buf.buffer_index)
        driver = {}
        for purpose, name in t.driver_uniforms:
            loc = GL.glGetUniformLocation(prog, name)
            if loc >= 0:
                driver[(COMPUTE, purpose)] = loc
        stages = (None,) * COMPUTE + (t,)
        sampler_units = [[] for _ in range(COMPUTE)] + [units]
        linked = LinkedProgram(prog, stages, sampler_units, driver)
        if len(self._linked) >= MAX_CACHED:
            GL.glDeleteProgram(self._linked.pop(next(iter(self._linked))).name)
        self._linked[shader] = linked
        return linked

    def release(self) -> None:
        for linked in self._linked.values():
            GL.glDeleteProgram(linked.name)
        self._linked.clear()


def _grid(ex: Executor, cmd: d.LaunchGrid) -> tuple[int, int, int]:
    if not cmd.indirect_handle:
        return tuple(cmd.grid)
    res, name = gl_buffer(ex, cmd.indirect_handle, COMMAND, "indirect")
    check_range(COMMAND, "indirect grid", cmd.indirect_offset, 12, res.layout.total_size)
    if name:
        GL.glMemoryBarrier(GL.GL_BUFFER_UPDATE_BARRIER_BIT)
    raw = res.storage.read(0, Box(cmd.indirect_offset, 0, 0, 12, 1, 1))
    return struct.unpack("<3I", raw.tobytes())


def _bind(ex: Executor, sub, program) -> None:
    t = program.stages[COMPUTE]
    for block in t.constant_blocks:
        ubo = sub.uniform_buffers[COMPUTE].get(block.guest_index)
        if ubo is not None:
            handle, offset, length = ubo
            name = getattr(ex.resource(handle, COMMAND).storage, "gl_name", 0)
            if name:
                GL.glBindBufferRange(GL.GL_UNIFORM_BUFFER, block.guest_index, name, offset, max(length, 16))
            continue
        ex.backend.drawing._upload_constants(block.guest_index, sub.const_data[COMPUTE].get(block.guest_index, b""),
                                             block.size_bytes)
    views = sub.table(ObjectType.SAMPLER_VIEW)
    states = sub.table(ObjectType.SAMPLER_STATE)
    for unit, binding in program.sampler_units[COMPUTE]:
        view = views.get(sub.sampler_views[COMPUTE][binding.view_index])
        GL.glBindTextureUnit(unit, view.texture_for(binding.shadow) if view is not None else 0)
        sampler = states.get(sub.sampler_states[COMPUTE][binding.sampler_index])
        GL.glBindSampler(unit, sampler.sampler_for(binding.glsl_type) if sampler is not None else 0)
    # Shadow samplers' view swizzles (the only driver uniforms a compute shader has).
    ex.backend.drawing._bind_driver_uniforms(sub, program, 0)
    shader_resources.bind_stage_buffers(ex, sub, COMPUTE, t, 0, COMMAND)
    if t.images:
        shader_resources.bind_images(ex, sub, program, COMMAND)


@handles(d.LaunchGrid)
def _launch_grid(ex: Executor, cmd: d.LaunchGrid) -> None:
    sub = ex.current(COMMAND)
    handle = sub.shaders[COMPUTE]
    if not handle:
        raise GuestError(COMMAND, "no compute shader bound")
    obj = ex.obj(ObjectType.SHADER, handle, COMMAND)
    if obj.stage != COMPUTE:   # destroyed while bound, and the handle reused for another stage
        raise GuestError(COMMAND, f"shader {handle} bound for compute is now stage {obj.stage}")
    grid = _grid(ex, cmd)
    limits = ex.backend.info.indexed.get("GL_MAX_COMPUTE_WORK_GROUP_COUNT", (65535, 65535, 65535))
    for axis, (n, most) in enumerate(zip(grid, limits)):
        if n > most:
            raise GuestError(COMMAND, f"{n} work groups along axis {axis} (at most {most})")
    try:
        t = ex.backend.programs.translate(obj, ShaderKey(shared_memory_bytes=obj.source.req_local_mem))
        program = ex.backend.compute.link(t)
    except HostCompileError as err:
        ex.skip_with_reason(COMMAND, f"compute shader does not compile on the host ({err})")
        return
    if t.local_size is not None and tuple(cmd.block) != tuple(t.local_size):
        ex.skip_with_reason(COMMAND, f"block {tuple(cmd.block)} differs from the shader's fixed "
                                     f"{tuple(t.local_size)}; dispatching with the shader's")
    if 0 in grid:
        return
    GL.glUseProgram(program.name)
    _bind(ex, sub, program)
    with queries.conditional(ex, sub, COMMAND):
        GL.glDispatchCompute(*grid)
