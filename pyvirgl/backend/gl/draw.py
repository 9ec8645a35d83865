"""DRAW_VBO: turn the sub-context's recorded state into one GL draw."""
from __future__ import annotations

import ctypes
import logging
import struct

import numpy as np
from OpenGL import GL

from pyvirgl.backend.gl import enums, framebuffer, indirect, names, shader_resources, streamout
from pyvirgl.backend.gl.programs import (
    SAMPLER_UNITS_PER_STAGE, SSBO_SLOTS_PER_STAGE, UBO_SLOTS_PER_STAGE, HostCompileError, ProgramCache,
)
from pyvirgl.backend.gl.vertex_formats import vertex_attrib_format
from pyvirgl.errors import GuestError
from pyvirgl.protocol import formats
from pyvirgl.protocol.virgl import BlendFactor, ObjectType
from pyvirgl.shader.glsl.key import COLOR_FLOAT, COLOR_INT, COLOR_UINT, ShaderKey, StreamOutput

log = logging.getLogger("pyvirgl.gl.draw")

COMMAND = "DRAW_VBO"
_INDEX_TYPES = {1: GL.GL_UNSIGNED_BYTE, 2: GL.GL_UNSIGNED_SHORT, 4: GL.GL_UNSIGNED_INT}
_SRC1_FACTORS = {BlendFactor.SRC1_COLOR, BlendFactor.SRC1_ALPHA, BlendFactor.INV_SRC1_COLOR,
                 BlendFactor.INV_SRC1_ALPHA}
_STAGE_ORDER = (0, 3, 4, 2, 1)  # VS, TCS, TES, GS, FS: producers before consumers


def _cbuf_type(fmt: formats.FormatInfo) -> str:
    return {"uint": COLOR_UINT, "sint": COLOR_INT}.get(fmt.kind, COLOR_FLOAT)


class DrawContext:
    """Per-backend draw machinery: program cache, constant upload buffers, warnings once."""

    def __init__(self, programs: ProgramCache) -> None:
        self.programs = programs
        self._const_buffers: dict[tuple[int, int], int] = {}
        self._warned: set[str] = set()

    def warn_once(self, what: str) -> None:
        if what not in self._warned:
            self._warned.add(what)
            log.warning("not supported yet: %s", what)

    # -- keys and programs ----------------------------------------------------------

    def _keys(self, sub, shaders) -> list:
        objs = sub.table(ObjectType.SHADER)
        rs = sub.table(ObjectType.RASTERIZER).get(sub.rasterizer)
        blend = sub.table(ObjectType.BLEND).get(sub.blend)
        dsa = sub.table(ObjectType.DSA).get(sub.dsa)
        surfaces = sub.table(ObjectType.SURFACE)
        cbuf_types = tuple(_cbuf_type(surfaces[h].format) if h in surfaces else COLOR_FLOAT for h in sub.cbufs)
        dual = bool(blend and blend.rt[0].blend_enable and {
            blend.rt[0].rgb_src_factor, blend.rt[0].rgb_dst_factor,
            blend.rt[0].alpha_src_factor, blend.rt[0].alpha_dst_factor} & _SRC1_FACTORS)
        last_vertex_stage = 2 if shaders[2] else (4 if shaders[4] else 0)
        translated = [None] * 6
        prev_outputs = None
        for stage in _STAGE_ORDER:
            handle = shaders[stage]
            if not handle:
                continue
            obj = objs[handle]
            so = ()
            if stage == last_vertex_stage:
                vs_src = objs[handle].source
                so = tuple(StreamOutput(o.register_index, o.start_component, o.num_components,
                                        o.output_buffer, o.dst_offset, o.stream) for o in vs_src.so_outputs)
            key = ShaderKey(
                flatshade=bool(rs and rs.flatshade) and stage == 1,
                color_two_side=bool(rs and rs.light_twoside) and stage == 1,
                sprite_coord_enable=(rs.sprite_coord_enable if rs and rs.point_quad_rasterization else 0)
                if stage == 1 else 0,
                sprite_coord_lower_left=bool(rs and rs.sprite_coord_mode) and stage == 1,
                clip_plane_enable=(rs.clip_plane_enable if rs else 0) if stage == last_vertex_stage else 0,
                alpha_to_one=bool(blend and blend.alpha_to_one) and stage == 1,
                alpha_test_func=dsa.alpha_func if stage == 1 and dsa is not None and dsa.alpha_enabled else 7,
                nr_cbufs=max(len(sub.cbufs), 1) if stage == 1 else 1,
                cbuf_types=cbuf_types if stage == 1 else (),
                dual_src_blend=dual and stage == 1,
                prev_stage_outputs=prev_outputs if stage != 0 else None,
                stream_outputs=so,
            )
            t = self.programs.translate(obj, key)
            translated[stage] = t
            prev_outputs = frozenset(v.semantic for v in t.outputs)
        return translated

    # -- the draw ----------------------------------------------------------------------------

    def draw(self, ex, sub, state, cmd) -> None:
        if not sub.shaders[0]:
            raise GuestError(COMMAND, "no vertex shader bound")
        mode = enums.PRIM[cmd.mode]
        if mode is None:
            raise GuestError(COMMAND, f"primitive type {cmd.mode} must be lowered by the guest")
        try:
            translated = self._keys(sub, sub.shaders)
            program = self.programs.link(tuple(translated))
        except HostCompileError as err:
            self.warn_once(f"draws whose shaders do not compile ({err}); skipping them")
            return
        width, height = framebuffer.bind_framebuffer(sub)
        GL.glUseProgram(program.name)
        self._apply_state(sub, state)
        self._bind_constants(ex, sub, program)
        self._bind_textures(sub, program)
        self._bind_driver_uniforms(sub, program, height)
        vao = self._bind_vertices(ex, sub)
        shader_resources.bind_for_draw(ex, sub, program)
        if cmd.vertices_per_patch:
            GL.glPatchParameteri(GL.GL_PATCH_VERTICES, cmd.vertices_per_patch)
            if not sub.shaders[3]:
                # No control shader: the evaluation stage tessellates with
                # the levels of SET_TESS_STATE.
                GL.glPatchParameterfv(GL.GL_PATCH_DEFAULT_OUTER_LEVEL, np.asarray(sub.tess_outer, np.float32))
                GL.glPatchParameterfv(GL.GL_PATCH_DEFAULT_INNER_LEVEL, np.asarray(sub.tess_inner, np.float32))
        instances = cmd.instance_count
        source = None
        if cmd.count_from_so and not cmd.indirect_handle:
            source = streamout.captured_source(ex, sub, cmd.count_from_so)
            if source is None:
                ex.skip_with_reason(COMMAND, "count_from_so names no finished stream output capture")
                return
        xfb = streamout.begin_draw(ex, sub, program, cmd.mode)
        try:
            if cmd.indirect_handle:
                indirect.draw(ex, sub, self, vao, mode, cmd)
            elif source is not None:
                GL.glDrawTransformFeedbackStreamInstanced(mode, source.gl_name, 0, instances)
            elif cmd.indexed:
                self._draw_indexed(ex, sub, vao, mode, cmd, instances)
            else:
                GL.glDrawArraysInstancedBaseInstance(mode, cmd.start, cmd.count, instances, cmd.start_instance)
        finally:
            streamout.end_draw(xfb)

    def _draw_indexed(self, ex, sub, vao, mode, cmd, instances) -> None:
        gl_type, offset = self.bind_index_buffer(ex, sub, vao, cmd)
        # The guest folds the first index into the binding's offset: `start`
        # is informational for indexed draws (the C host ignores it too).
        GL.glDrawElementsInstancedBaseVertexBaseInstance(
            mode, cmd.count, gl_type, ctypes.c_void_p(offset), instances, cmd.index_bias, cmd.start_instance)

    def bind_index_buffer(self, ex, sub, vao, cmd) -> tuple[int, int]:
        """Bind the index buffer and primitive restart; (GL index type, byte offset)."""
        if sub.index_buffer is None:
            raise GuestError(COMMAND, "indexed draw with no index buffer")
        handle, size, offset = sub.index_buffer
        res = ex.resource(handle, COMMAND)
        gl_name = getattr(res.storage, "gl_name", 0)
        if not gl_name:
            raise GuestError(COMMAND, f"index buffer {handle} is not a buffer")
        gl_type = _INDEX_TYPES.get(size)
        if gl_type is None:
            raise GuestError(COMMAND, f"index size {size}")
        GL.glVertexArrayElementBuffer(vao, gl_name)
        if cmd.primitive_restart:
            GL.glEnable(GL.GL_PRIMITIVE_RESTART)
            GL.glPrimitiveRestartIndex(cmd.restart_index)
        else:
            GL.glDisable(GL.GL_PRIMITIVE_RESTART)
        return gl_type, offset

    def _apply_state(self, sub, state) -> None:
        state.apply_blend(sub.table(ObjectType.BLEND).get(sub.blend))
        state.apply_dsa(sub.table(ObjectType.DSA).get(sub.dsa))
        state.apply_stencil_ref(sub.stencil_ref)
        rs = sub.table(ObjectType.RASTERIZER).get(sub.rasterizer)
        state.apply_rasterizer(rs)
        state.apply_blend_color(sub.blend_color)
        state.apply_sample_mask(sub.sample_mask)
        state.apply_viewports(sub.viewports, rs)
        state.apply_scissors(sub.scissors)

    def _bind_constants(self, ex, sub, program) -> None:
        for stage, t in enumerate(program.stages):
            if t is None:
                continue
            for block in t.constant_blocks:
                slot = stage * UBO_SLOTS_PER_STAGE + block.guest_index
                ubo = sub.uniform_buffers[stage].get(block.guest_index)
                if ubo is not None:
                    handle, offset, length = ubo
                    res = ex.resource(handle, COMMAND)
                    name = getattr(res.storage, "gl_name", 0)
                    if name:
                        GL.glBindBufferRange(GL.GL_UNIFORM_BUFFER, slot, name, offset, max(length, 16))
                    continue
                data = sub.const_data[stage].get(block.guest_index, b"")
                self._upload_constants(slot, data, block.size_bytes)

    def _upload_constants(self, slot: int, data: bytes, size: int) -> None:
        key = (slot, size)
        name = self._const_buffers.get(key)
        if name is None:
            name = names.create(GL.glCreateBuffers)
            GL.glNamedBufferData(name, size, None, GL.GL_STREAM_DRAW)
            self._const_buffers[key] = name
        chunk = data[:size].ljust(size, b"\0")
        # Orphan-and-refill: the previous draw may still read the old contents.
        GL.glNamedBufferData(name, size, chunk, GL.GL_STREAM_DRAW)
        GL.glBindBufferRange(GL.GL_UNIFORM_BUFFER, slot, name, 0, size)

    def _bind_textures(self, sub, program) -> None:
        views = sub.table(ObjectType.SAMPLER_VIEW)
        states = sub.table(ObjectType.SAMPLER_STATE)
        for stage, units in enumerate(program.sampler_units):
            for unit, binding in units:
                view = views.get(sub.sampler_views[stage][binding.view_index])
                GL.glBindTextureUnit(unit, view.gl_name if view is not None else 0)
                sampler = states.get(sub.sampler_states[stage][binding.sampler_index])
                GL.glBindSampler(unit, sampler.gl_name if sampler is not None else 0)

    def _bind_driver_uniforms(self, sub, program, fb_height: int) -> None:
        for (stage, purpose), loc in program.driver_uniforms.items():
            if purpose == "fb_height":
                GL.glUniform1f(loc, float(fb_height))
            elif purpose == "clip_planes":
                GL.glUniform4fv(loc, 8, np.asarray(sub.clip_planes, np.float32))
            elif purpose == "alpha_ref":
                dsa = sub.table(ObjectType.DSA).get(sub.dsa)
                GL.glUniform1f(loc, dsa.alpha_ref if dsa is not None else 0.0)

    def _bind_vertices(self, ex, sub) -> int:
        if not sub.gl_vao:
            sub.gl_vao = names.create(GL.glCreateVertexArrays)
            sub.vao_enabled = 0
        vao = sub.gl_vao
        GL.glBindVertexArray(vao)
        ve = sub.table(ObjectType.VERTEX_ELEMENTS).get(sub.vertex_elements)
        elements = ve.elements if ve is not None else ()
        for i, el in enumerate(elements):
            fmt = vertex_attrib_format(el.src_format)
            if el.vertex_buffer_index >= len(sub.vertex_buffers) or fmt is None:
                GL.glDisableVertexArrayAttrib(vao, i)
                if fmt is None:
                    self.warn_once(f"vertex format {el.src_format}; attribute left disabled")
                continue
            vb = sub.vertex_buffers[el.vertex_buffer_index]
            name = 0
            if vb.res_handle:
                name = getattr(ex.resource(vb.res_handle, COMMAND).storage, "gl_name", 0)
            if fmt.integer:
                GL.glVertexArrayAttribIFormat(vao, i, fmt.size, fmt.gl_type, 0)
            else:
                GL.glVertexArrayAttribFormat(vao, i, fmt.size, fmt.gl_type, fmt.normalized, 0)
            # One binding per attribute, with the element's offset folded into the
            # buffer offset: GL caps relative offsets at 2047 bytes, Gallium does not.
            GL.glVertexArrayAttribBinding(vao, i, i)
            GL.glVertexArrayVertexBuffer(vao, i, name, vb.offset + el.src_offset, vb.stride)
            GL.glVertexArrayBindingDivisor(vao, i, el.instance_divisor)
            GL.glEnableVertexArrayAttrib(vao, i)
        for i in range(len(elements), getattr(sub, "vao_enabled", 0)):
            GL.glDisableVertexArrayAttrib(vao, i)
        sub.vao_enabled = len(elements)
        return vao

    def release(self) -> None:
        for name in self._const_buffers.values():
            GL.glDeleteBuffers(1, [name])
        self._const_buffers.clear()
