"""DRAW_VBO: turn the sub-context's recorded state into one GL draw."""
from __future__ import annotations

import array
import ctypes
import logging

import numpy as np
from OpenGL import GL

from pyvirgl.backend.gl import enums, framebuffer, indirect, names, shader_resources, streamout
from OpenGL.error import GLError

from pyvirgl.backend.gl.identity_memo import of_pair
from pyvirgl.backend.gl.rawgl import gl
from pyvirgl.backend.gl.textures import IDENTITY_BUFFER_SWIZZLE, IDENTITY_SHADOW_SWIZZLE
from pyvirgl.backend.gl.program_inputs import dual_source
from pyvirgl.backend.gl.programs import (
    SAMPLER, UBO_SLOTS_PER_STAGE, VIEW, HostCompileError, ProgramCache,
)
from pyvirgl.backend.gl.subctx import (
    D_ALL, D_BLEND, D_CONST, D_DSA, D_FB, D_PROGRAM, D_RASTER, D_RES, D_STATE, D_TEX, D_UNIFORMS, D_VERT,
    D_SCISSOR, D_VIEWPORT, VertexArray,
)
from pyvirgl.backend.gl.vertex_formats import vertex_attrib_format, vertex_input_types
from pyvirgl.errors import GuestError
from pyvirgl.protocol import formats
from pyvirgl.protocol.virgl import ObjectType
from pyvirgl.renderer.resources import BUFFER
from pyvirgl.shader import fragment_input_qualifiers
from pyvirgl.shader.glsl.key import COLOR_FLOAT, COLOR_INT, COLOR_UINT, ShaderKey, StreamOutput

log = logging.getLogger("pyvirgl.gl.draw")

COMMAND = "DRAW_VBO"
_INDEX_TYPES = {1: GL.GL_UNSIGNED_BYTE, 2: GL.GL_UNSIGNED_SHORT, 4: GL.GL_UNSIGNED_INT}
_STAGE_ORDER = (0, 3, 4, 2, 1)  # VS, TCS, TES, GS, FS: producers before consumers
_MAX_PROGRAM_MEMO = 256
_FIXED_FUNCTION = D_STATE | D_VIEWPORT | D_SCISSOR | D_BLEND | D_DSA | D_RASTER
_MAX_VERTEX_ARRAYS = 64   # per sub-context; more layouts in use than this start over
_DISABLED = ("disabled",)   # a VAO attribute slot we switched off
_NO_RESTART = (False, 0)
_DRAW_LENGTHS = (12, 14, 20)   # DRAW_VBO payloads: plain, + tessellation, + indirect
_MAX_PRIM = len(enums.PRIM) - 1
_DRAW_HEADER = 12 << 16 | 8   # DRAW_VBO with the plain 12-word payload
_SIB_HEADER = 3 << 16 | 11    # SET_INDEX_BUFFER binding a buffer (3 words)
_MIN_RUN = 4                  # shorter runs go command by command (join_raw)
INT32_MAX = (1 << 31) - 1
MAX_DRAW_VERTICES = 1 << 26   # vertices x instances in one draw (checked by the backend, and join_raw)
_SHADOW_SWIZZLE = "shadow_swizzle_"   # driver uniform purpose prefix; the sampler view index follows
_BUFFER_SWIZZLE = "buffer_swizzle_"   # likewise, for buffer views
# Pointer-sized arguments of raw GL calls go as ctypes objects (see rawgl).
_ptr = ctypes.c_void_p
_size = ctypes.c_ssize_t


# Kinds of driver uniform (LinkedProgram.driver_uniforms purposes), and the D_* flag naming their input.
_FB_HEIGHT, _CLIP_PLANES, _ALPHA_REF, _SHADOW, _BUFFER = range(5)


def _driver_uniform_plan(driver_uniforms: dict) -> tuple:
    """(input flag, kind, stage, sampler view index, location) per driver uniform a draw sets."""
    plan = []
    for (stage, purpose), loc in driver_uniforms.items():
        if purpose == "fb_height":
            plan.append((D_FB, _FB_HEIGHT, stage, 0, loc))
        elif purpose == "clip_planes":
            plan.append((D_UNIFORMS, _CLIP_PLANES, stage, 0, loc))
        elif purpose == "alpha_ref":
            plan.append((D_DSA, _ALPHA_REF, stage, 0, loc))
        elif purpose.startswith(_SHADOW_SWIZZLE):
            plan.append((D_TEX, _SHADOW, stage, int(purpose[len(_SHADOW_SWIZZLE):]), loc))
        elif purpose.startswith(_BUFFER_SWIZZLE):
            plan.append((D_TEX, _BUFFER, stage, int(purpose[len(_BUFFER_SWIZZLE):]), loc))
    return tuple(plan)


def _slots_read_differently(previous, program) -> tuple[frozenset, frozenset]:
    was = previous.constant_sizes
    const_extra = frozenset(slot for slot, size in program.constant_sizes.items() if was.get(slot) != size)
    before = previous.unit_reads
    tex_extra = set()
    for unit, read in program.unit_reads.items():
        if before.get(unit) != read:
            stage, view_index, sampler_index = read[:3]
            tex_extra.add((stage, VIEW, view_index))
            tex_extra.add((stage, SAMPLER, sampler_index))
    return const_extra, frozenset(tex_extra)


def _cbuf_type(fmt: formats.FormatInfo) -> str:
    return {"uint": COLOR_UINT, "sint": COLOR_INT}.get(fmt.kind, COLOR_FLOAT)


def _vertex_input_types(sub) -> tuple[str, ...]:
    return vertex_input_types(sub.objects[ObjectType.VERTEX_ELEMENTS].get(sub.vertex_elements))


class DrawContext:
    """Per-backend draw machinery: program cache, constant upload buffers, warnings once."""

    def __init__(self, programs: ProgramCache) -> None:
        self.programs = programs
        self._const_buffers: dict[tuple[int, int], int] = {}
        self._const_contents: dict[tuple[int, int], bytes] = {}   # what each upload buffer holds
        # id()s of (shader objects, rasterizer, blend, colour surfaces) -> (those objects, program).
        # Holding the objects keeps their ids from being reused while the entry lives.
        self._program_memo: dict[tuple, tuple] = {}
        self._driver_uniform_memo: dict[tuple, tuple] = {}
        self._restart: tuple | None = None   # (enabled, index) of primitive restart
        self._restart_index: int | None = None   # the index last given to glPrimitiveRestartIndex
        # id(vertex buffers) -> (vertex buffers, their resources) checked since the last full setup
        self._checked_vertex_buffers: dict[int, tuple] = {}
        # What the draw path last bound per uniform buffer slot and per texture
        # unit. GL names cannot be deleted or reused while only draws run, so
        # these are exact between full setups; every full setup (D_ALL: first
        # draw of a submit, after a handler that touches GL, another
        # sub-context) forgets them and binds again.
        self._bound_ubos: dict[int, tuple] = {}
        self._bound_ubo_sources: dict[int, tuple] = {}   # slot -> the guest range bound there
        self._bound_textures: dict[int, int] = {}
        self._bound_samplers: dict[int, int] = {}
        self._bound_texture_sources: dict[int, tuple] = {}   # unit -> (view, sampler handles, binding)
        self._bound_images: dict[int, object] = {}   # image unit -> ImageView (see bind_images)
        self._switch_memo: dict[tuple, tuple] = {}   # program pair -> slots the second reads unlike the first
        self._bound_index_buffer: tuple | None = None   # (index_buffer tuple, vertex array, result)
        # The sub-context whose last draw set up the host GL state that is still
        # current, or None. Anything else that touches GL (every handler that is
        # not `pure`, the start of each submit) resets it, so a draw for this
        # sub-context only redoes the parts its `dirty` flags name.
        self.current = None
        self._program_now = None   # the program `current`'s last draw used
        self.max_vertex_stride = 2048   # the backend sets the host's limit
        # Draws waiting to go out as one multi-draw (see _batch): the key they
        # share, and per draw (first, count) or (count, byte offset, base vertex).
        self.batch: tuple | None = None
        # Draws issued since GL errors were last read (see check_pending).
        self.unchecked = False
        self._batch_a: list[int] = []
        self._batch_b: list[int] = []
        self._batch_c: list[int] = []
        self._batch_r: list = []   # indexed: each draw's restart setting
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
        dual = dual_source(blend)
        last_vertex_stage = 2 if shaders[2] else (4 if shaders[4] else 0)
        translated = [None] * 6
        prev_outputs = None
        fs_obj = objs.get(shaders[1]) if shaders[1] else None
        fs_interp = fragment_input_qualifiers(
            fs_obj.ir, bool(rs and rs.flatshade), bool(rs and rs.light_twoside)) if fs_obj else ()
        for stage in _STAGE_ORDER:
            handle = shaders[stage]
            if not handle:
                continue
            obj = objs.get(handle)
            if obj is None:   # destroyed while bound
                raise GuestError(COMMAND, f"stage {stage} shader {handle} no longer exists")
            if obj.stage != stage:   # destroyed while bound, and the handle reused for another stage
                raise GuestError(COMMAND, f"shader {handle} bound as stage {stage} is now stage {obj.stage}")
            so, so_strides = (), ()
            if stage == last_vertex_stage:
                vs_src = obj.source
                so = tuple(StreamOutput(o.register_index, o.start_component, o.num_components,
                                        o.output_buffer, o.dst_offset, o.stream) for o in vs_src.so_outputs)
                so_strides = tuple(vs_src.so_strides) if so else ()
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
                vertex_input_types=_vertex_input_types(sub) if stage == 0 else (),
                fs_input_qualifiers=fs_interp if stage == last_vertex_stage else (),
                stream_outputs=so,
                stream_output_strides=so_strides,
            )
            t = self.programs.translate(obj, key)
            translated[stage] = t
            prev_outputs = frozenset(v.semantic for v in t.outputs)
        return translated

    def _program(self, ex, sub):
        """The linked program for the bound shaders and the state their keys depend on.

        Shader keys depend only on the bound shader objects, rasterizer, blend,
        depth-stencil-alpha and colour-buffer surfaces, all immutable once created, so the program
        is remembered by their identities: a draw with the same bound objects
        skips building keys and looking up the translation and link caches.
        Within a stretch of pure handlers (`Executor.checked`) handles name the
        same objects, so there the bound handles are key enough.
        """
        by_handles = (sub, sub.rasterizer, sub.blend, sub.dsa, sub.vertex_elements, sub.cbufs, *sub.shaders)
        found = ex.checked.get(by_handles)
        if found is not None and not found.deleted:
            return found
        program = self._program_by_objects(sub)
        if program is not None:
            ex.checked[by_handles] = program
        return program

    def _program_by_objects(self, sub):
        objects = sub.objects
        shader_objs = tuple(map(objects[ObjectType.SHADER].get, sub.shaders))
        rs = objects[ObjectType.RASTERIZER].get(sub.rasterizer)
        blend = objects[ObjectType.BLEND].get(sub.blend)
        dsa = objects[ObjectType.DSA].get(sub.dsa)   # the alpha test is compiled in
        cbufs = tuple(map(objects[ObjectType.SURFACE].get, sub.cbufs))
        ve = objects[ObjectType.VERTEX_ELEMENTS].get(sub.vertex_elements)   # integer attributes
        held = (shader_objs, rs, blend, dsa, cbufs, ve)
        key = (*map(id, shader_objs), id(rs), id(blend), id(dsa), id(ve), *map(id, cbufs))
        found = self._program_memo.get(key)
        # The program cache may have evicted (and deleted) it since.
        if found is not None and not found[1].deleted:
            return found[1]
        try:
            translated = tuple(self._keys(sub, sub.shaders))
            program = self.programs.link(translated)
        except HostCompileError as err:
            self.warn_once(f"draws whose shaders do not compile ({err}); skipping them")
            return None
        if len(self._program_memo) >= _MAX_PROGRAM_MEMO:
            self._program_memo.clear()
        self._program_memo[key] = (held, program)
        return program

    # -- the draw ----------------------------------------------------------------------------

    def check_pending(self, ex=None) -> None:
        """Read the GL errors of the draws issued since the last check.

        glGetError after every draw cost more than the draw (tens of us after
        a state change, in Mesa), so draws only mark themselves unchecked and
        this runs before anything that makes checked (PyOpenGL) GL calls --
        every handler that is not `pure`, a draw whose setup or kind needs
        them -- and at the end of each command stream. An incomplete
        framebuffer only made those draws no-ops: like virglrenderer, they
        are skipped with a warning and the context goes on. Any other error
        fails as it did when checked per draw.
        """
        self.unchecked = False
        err = gl.glGetError()
        if not err:
            return
        while gl.glGetError():   # drain: the next checked call must not inherit them
            pass
        if err == GL.GL_INVALID_FRAMEBUFFER_OPERATION:
            if ex is not None:
                ex.skip_with_reason(COMMAND, "framebuffer incomplete on the host")
            else:
                self.warn_once("draws to a framebuffer incomplete on the host; skipped")
            return
        raise GLError(err=err, description=f"after {COMMAND}")

    def draw(self, ex, sub, state, cmd) -> None:
        dirty = sub.dirty
        program = self._program_now
        if self.current is not sub or program is None or program.deleted:
            dirty = D_ALL
        if self.unchecked and (dirty & (D_PROGRAM | D_FB) or cmd.indirect_handle or cmd.count_from_so
                               or cmd.vertices_per_patch or sub.streamout is not None):
            # This draw may make checked GL calls: earlier draws' errors are theirs.
            self.check_pending(ex)
        if dirty & D_VERT:
            self._check_vertex_buffers(ex, sub, dirty == D_ALL)
        if not sub.shaders[0]:
            raise GuestError(COMMAND, "no vertex shader bound")
        mode = enums.PRIM[cmd.mode]
        if mode is None:
            raise GuestError(COMMAND, f"primitive type {cmd.mode} must be lowered by the guest")
        if not dirty:
            refused = program.mode_errors.get(cmd.mode)
            if refused is not None:
                raise GuestError(COMMAND, refused)
        if not dirty and cmd.instance_count == 1 and not (
                cmd.start_instance or cmd.indirect_handle or cmd.count_from_so or cmd.vertices_per_patch
                or program.reads_draw_id or sub.render_condition is not None
                or (sub.streamout is not None and sub.streamout.current is not None)):
            self._batch(ex, sub, mode, cmd)
            return
        if self.batch is not None:
            self.flush()
        if dirty:
            # Until this draw completes, nothing of the GL state is known to be this sub-context's.
            self.current = None
            program = self._setup(ex, sub, state, dirty)
            if program is None:
                return
            refused = program.mode_errors.get(cmd.mode)
            if refused is not None:
                raise GuestError(COMMAND, refused)
        vao = sub.gl_vao
        if dirty != D_ALL and not (cmd.vertices_per_patch or cmd.count_from_so or cmd.indirect_handle
                                   or sub.streamout is not None):
            # The common draw: no patches, stream output or indirect arguments.
            if cmd.indexed:
                self._draw_indexed(ex, sub, vao, mode, cmd, cmd.instance_count)
            else:
                gl.glDrawArraysInstancedBaseInstance(mode, cmd.start, cmd.count, cmd.instance_count,
                                                     cmd.start_instance)
        elif not self._draw_special(ex, sub, program, vao, mode, cmd, dirty):
            return
        self.unchecked = True
        # Everything this sub-context set is what GL now holds.
        sub.dirty = 0
        if sub.const_changed:
            sub.const_changed.clear()
        if sub.tex_changed:
            sub.tex_changed.clear()
        self.current = sub
        self._program_now = program

    def _draw_special(self, ex, sub, program, vao, mode, cmd, dirty) -> bool:
        """A draw with patches, stream output, indirect arguments or a count from a capture, or
        the first after a full setup; False where it is skipped."""
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
                return False
        # Without stream output, the last draw (or nothing since) left no capture object bound.
        xfb = streamout.begin_draw(ex, sub, program, cmd.mode) \
            if dirty == D_ALL or sub.streamout is not None else None
        try:
            if cmd.indirect_handle:
                indirect.draw(ex, sub, self, vao, mode, cmd)
            elif source is not None:
                GL.glDrawTransformFeedbackStreamInstanced(mode, source.gl_name, 0, instances)
            elif cmd.indexed:
                self._draw_indexed(ex, sub, vao, mode, cmd, instances)
            else:
                gl.glDrawArraysInstancedBaseInstance(mode, cmd.start, cmd.count, instances, cmd.start_instance)
        finally:
            streamout.end_draw(xfb)
        return True

    # -- runs of draws with nothing changed in between -------------------------------------------

    def _batch(self, ex, sub, mode: int, cmd) -> None:
        """Queue a draw whose state is exactly the last draw's; `flush` issues the queue.

        The executor flushes before any command other than DRAW_VBO and
        SET_INDEX_BUFFER, and at the end of the stream, so queued draws run
        in order, before anything that could observe or change what they
        draw. One glMultiDraw* call draws each queued draw as its own draw
        (one instance, base instance 0); only gl_DrawID would tell them apart,
        and programs that read it are not batched.
        """
        if cmd.indexed:
            ib = sub.index_buffer
            if ib is None:
                raise GuestError(COMMAND, "indexed draw with no index buffer")
            key = (sub, mode, ib[0], ib[1])
            if key != self.batch:
                if self.batch is not None:
                    self.flush()
                # Binds (and checks) the index buffer for the whole run.
                gl_type, _ = self.bind_index_buffer(ex, sub, sub.gl_vao, cmd)
                self.batch = key
                self._batch_type = gl_type
            self._batch_a.append(cmd.count)
            self._batch_b.append(ib[2])
            self._batch_c.append(cmd.index_bias)
            # Restart is per draw: `flush` splits the run where it changes.
            self._batch_r.append((True, cmd.restart_index) if cmd.primitive_restart else _NO_RESTART)
        else:
            key = (sub, mode)
            if key != self.batch:
                if self.batch is not None:
                    self.flush()
                self.batch = key
            self._batch_a.append(cmd.start)
            self._batch_b.append(cmd.count)

    def join_raw(self, sub, words, at: int, length: int) -> bool:
        """Queue the DRAW_VBO whose payload is words[at:at + length] if it can join the queue.

        The executor's shortcut for runs of draws: no command object, no
        handler. It takes only a draw that `draw` would queue with the same
        key, after the same checks (the decoder's length and mode range, the
        backend's count limits); for anything else it returns False and the
        command is decoded and handled as usual, which raises what is wrong.
        """
        if length not in _DRAW_LENGTHS or sub is not self.batch[0] or sub.dirty or self.current is not sub:
            return False
        (start, count, mode, indexed, instances, bias, start_instance, restart, restart_index,
         _min, _max, count_from_so) = words[at:at + 12]
        if (instances != 1 or start_instance or count_from_so or mode > _MAX_PRIM
                or start > INT32_MAX or count > MAX_DRAW_VERTICES
                or (length > 12 and words[at + 12]) or (length > 14 and words[at + 14])):
            return False   # patches, indirect, instanced, ...: the full path
        gl_mode = enums.PRIM[mode]
        batch = self.batch
        if indexed:
            ib = sub.index_buffer
            if ib is None or len(batch) != 4 or batch[1] != gl_mode or batch[2] != ib[0] or batch[3] != ib[1]:
                return False
            self._batch_a.append(count)
            self._batch_b.append(ib[2])
            self._batch_c.append(bias - (1 << 32) if bias >= 1 << 31 else bias)
            self._batch_r.append((True, restart_index) if restart else _NO_RESTART)
        else:
            if len(batch) != 2 or batch[1] != gl_mode:
                return False
            self._batch_a.append(start)
            self._batch_b.append(count)
        return True

    def join_run(self, sub, arr, pos: int, n: int) -> int:
        """Queue a whole run of plain draws from the stream at once; the word index after it.

        `arr` is the stream as a uint32 numpy array and `pos` the header of a
        DRAW_VBO or SET_INDEX_BUFFER. Applications draw many meshes with
        unchanged state: Mesa then sends, per draw, a SET_INDEX_BUFFER with a
        new offset (indexed) and a 12-word DRAW_VBO. A run of those -- at
        least _MIN_RUN, each one `join_raw`/`join_index_buffer` would take --
        is checked and queued with array operations instead of one command
        at a time. Returns `pos` when there is no such run here.
        """
        batch = self.batch
        if sub is not batch[0] or sub.dirty or self.current is not sub:
            return pos
        indexed = len(batch) == 4
        if arr[pos] == _SIB_HEADER:
            if not indexed:
                return pos
            stride, draw_at = 17, 4
        elif arr[pos] == _DRAW_HEADER:
            stride, draw_at = 13, 0
            if indexed and sub.index_buffer is None:
                return pos
        else:
            return pos
        most = (n - pos) // stride
        # Cheap refusals first: the last header of a minimal run, and the mode.
        if most < _MIN_RUN or arr[pos + (_MIN_RUN - 1) * stride + draw_at] != _DRAW_HEADER:
            return pos
        first_mode = int(arr[pos + draw_at + 3])
        if first_mode > _MAX_PRIM or enums.PRIM[first_mode] != batch[1]:
            return pos
        # Check a window, growing it while every row in it is a joinable draw.
        take = min(most, 4 * _MIN_RUN)
        while True:
            rows = arr[pos:pos + take * stride].reshape(take, stride)
            d = draw_at + 1   # DRAW_VBO fields: start, count, mode, indexed, instances, bias, start instance,
            ok = ((rows[:, draw_at] == _DRAW_HEADER) & (rows[:, d + 2] == first_mode)   # restart, its index,
                  & ((rows[:, d + 3] != 0) == indexed) & (rows[:, d + 4] == 1)          # min, max, count from so
                  & (rows[:, d + 6] == 0) & (rows[:, d + 11] == 0)
                  & (rows[:, d] <= INT32_MAX) & (rows[:, d + 1] <= MAX_DRAW_VERTICES))
            if draw_at:
                ok &= (rows[:, 0] == _SIB_HEADER) & (rows[:, 1] == batch[2]) & (rows[:, 2] == batch[3])
            if not ok.all():
                k = int(ok.argmin())
                break
            if take == most:
                k = most
                break
            take = min(most, take * 4)
        if k < _MIN_RUN:
            return pos
        rows = rows[:k]
        if not indexed:
            self._batch_a.extend(rows[:, d].tolist())
            self._batch_b.extend(rows[:, d + 1].tolist())
            return pos + k * stride
        self._batch_a.extend(rows[:, d + 1].tolist())
        if draw_at:
            offsets = rows[:, 3].tolist()
            sub.index_buffer = (batch[2], batch[3], offsets[-1])
        else:
            offsets = [sub.index_buffer[2]] * k
        self._batch_b.extend(offsets)
        self._batch_c.extend(rows[:, d + 5].astype(np.uint32).view(np.int32).tolist())
        no_restart = _NO_RESTART
        self._batch_r.extend([(True, index) if flag else no_restart
                              for flag, index in zip(rows[:, d + 7].tolist(), rows[:, d + 8].tolist())])
        return pos + k * stride

    def join_index_buffer(self, sub, words, at: int, length: int) -> bool:
        """SET_INDEX_BUFFER of the queued draws' buffer and index size: only the offset is new."""
        batch = self.batch
        if length != 3 or len(batch) != 4 or sub is not batch[0]:
            return False
        handle, size, offset = words[at:at + 3]
        if handle != batch[2] or size != batch[3]:
            return False
        sub.index_buffer = (handle, size, offset)
        return True

    def flush(self) -> None:
        """Issue the queued draws (see `_batch`)."""
        key = self.batch
        if key is None:
            return
        self.batch = None
        a, b, c, r = self._batch_a, self._batch_b, self._batch_c, self._batch_r
        self._batch_a, self._batch_b, self._batch_c, self._batch_r = [], [], [], []
        mode = key[1]
        n = len(a)
        self.unchecked = True
        if len(key) == 2:
            if n == 1:
                gl.glDrawArraysInstancedBaseInstance(mode, a[0], b[0], 1, 0)
            else:
                firsts, counts = array.array("i", a), array.array("i", b)
                gl.glMultiDrawArrays(mode, _ptr(firsts.buffer_info()[0]), _ptr(counts.buffer_info()[0]), n)
            return
        gl_type = self._batch_type
        start = 0
        while start < n:
            # The longest stretch with one restart setting, from `start`.
            restart = r[start]
            end = start + 1
            while end < n and r[end] == restart:
                end += 1
            self._set_restart(restart)
            if end - start == 1:
                gl.glDrawElementsInstancedBaseVertexBaseInstance(mode, a[start], gl_type, _ptr(b[start]), 1,
                                                                 c[start], 0)
            else:
                counts = array.array("i", a[start:end])
                offsets = array.array("Q", b[start:end])
                bases = array.array("i", c[start:end])
                gl.glMultiDrawElementsBaseVertex(mode, _ptr(counts.buffer_info()[0]), gl_type,
                                                 _ptr(offsets.buffer_info()[0]), end - start,
                                                 _ptr(bases.buffer_info()[0]))
            start = end

    def _setup(self, ex, sub, state, dirty: int):
        """The GL setup for what `dirty` names (D_ALL: everything); the program, or None to skip."""
        full = dirty == D_ALL
        const_changed, tex_changed = sub.const_changed, sub.tex_changed
        if full:
            self._bound_ubos.clear()
            self._bound_ubo_sources.clear()
            self._bound_textures.clear()
            self._bound_images.clear()
            self._bound_samplers.clear()
            self._bound_texture_sources.clear()
            self._bound_index_buffer = None
        if dirty & D_PROGRAM:
            program = self._program(ex, sub)
            if program is None:
                return None
            # A new blend/dsa/rasterizer often keys the same program: then
            # what is bound per program slot is still right.
            previous = self._program_now
            if full or program is not previous:
                gl.glUseProgram(program.name)
                # Driver uniforms live in the program, and image units are
                # numbered per program. Uniform buffer slots and texture units
                # are context state: they follow the program only when it reads
                # different ones (variants of one shader read the same).
                dirty |= D_UNIFORMS | D_RES
                if full or previous is None:
                    dirty |= D_CONST | D_TEX
                    full = True
                elif program.binding_signature != previous.binding_signature:
                    # Only the slots the two programs read differently, and those set since.
                    const_extra, tex_extra = self._switch_slots(previous, program)
                    if const_extra:
                        dirty |= D_CONST
                        const_changed = sub.const_changed | const_extra
                    if tex_extra:
                        dirty |= D_TEX
                        tex_changed = sub.tex_changed | tex_extra
        else:
            program = self._program_now
        if dirty & D_FB:
            framebuffer.bind_framebuffer(sub)
        if dirty & _FIXED_FUNCTION:
            self._apply_state(sub, state, dirty)
        if dirty & D_CONST:
            self._bind_constants(ex, sub, program, None if full else const_changed)
        if dirty & D_TEX:
            self._bind_textures(sub, program, None if full else tex_changed)
        if dirty & (D_FB | D_DSA | D_UNIFORMS | D_TEX) and program.driver_uniforms:
            # D_DSA: alpha ref; D_TEX: view swizzles
            self._bind_driver_uniforms(sub, program, sub.fb_size[1], dirty)
        if dirty & D_VERT:
            self._bind_vertices(ex, sub)
        if dirty & D_RES and (program.buffer_stages or program.reads_images):
            shader_resources.bind_for_draw(ex, sub, program, self._bound_images)
        return program

    def _switch_slots(self, previous, program) -> tuple[frozenset, frozenset]:
        """The constant slots and texture slots `program` reads differently from `previous` (once per pair).

        Everything else either program reads is bound as the last draw left it,
        or was set since (SubContext.const_changed/tex_changed)."""
        return of_pair(self._switch_memo, previous, program, _slots_read_differently, _MAX_PROGRAM_MEMO)

    def _check_vertex_buffers(self, ex, sub, resolve: bool) -> None:
        """What GL would refuse with an error, refused first as the guest's error.

        Runs whenever the vertex buffers change, and before the first draw after
        anything else happened (`resolve`: look each resource up again, one may
        be gone since SET_VERTEX_BUFFERS resolved them)."""
        checked = self._checked_vertex_buffers
        if resolve:
            checked.clear()
            sub.vertex_resources = [ex.resource(vb.res_handle, COMMAND) if vb.res_handle else None
                                    for vb in sub.vertex_buffers]
        else:
            found = checked.get(id(sub.vertex_buffers))
            if found is not None and found[0] is sub.vertex_buffers and found[1] is sub.vertex_resources:
                return   # the very objects checked before (the same command re-sent: see Executor.decoded)
        max_stride = self.max_vertex_stride
        for i, (vb, res) in enumerate(zip(sub.vertex_buffers, sub.vertex_resources)):
            if vb.stride > max_stride:
                raise GuestError(COMMAND, f"vertex buffer {i}: stride {vb.stride} exceeds {max_stride}")
            if res is not None:
                if res.template.target != BUFFER:
                    raise GuestError(COMMAND, f"vertex buffer {i}: resource {vb.res_handle} is not a buffer")
        if len(checked) >= _MAX_VERTEX_ARRAYS:
            checked.clear()
        checked[id(sub.vertex_buffers)] = (sub.vertex_buffers, sub.vertex_resources)

    def _draw_indexed(self, ex, sub, vao, mode, cmd, instances) -> None:
        gl_type, offset = self.bind_index_buffer(ex, sub, vao, cmd)
        # The guest folds the first index into the binding's offset: `start`
        # is informational for indexed draws (the C host ignores it too).
        gl.glDrawElementsInstancedBaseVertexBaseInstance(
            mode, cmd.count, gl_type, _ptr(offset), instances, cmd.index_bias, cmd.start_instance)

    def bind_index_buffer(self, ex, sub, vao, cmd) -> tuple[int, int]:
        """Bind the index buffer and primitive restart; (GL index type, byte offset)."""
        ib = sub.index_buffer
        last = self._bound_index_buffer
        if last is not None and last[0] is ib and last[1] is sub.vao:
            # The same binding into the same vertex array since the last full setup.
            self._set_restart((True, cmd.restart_index) if cmd.primitive_restart else _NO_RESTART)
            return last[2]
        if ib is None:
            raise GuestError(COMMAND, "indexed draw with no index buffer")
        handle, size, offset = ib
        res = ex.resource(handle, COMMAND)
        gl_name = getattr(res.storage, "gl_name", 0)
        if not gl_name:
            raise GuestError(COMMAND, f"index buffer {handle} is not a buffer")
        gl_type = _INDEX_TYPES.get(size)
        if gl_type is None:
            raise GuestError(COMMAND, f"index size {size}")
        # Compared by storage object too: a deleted buffer's name can come back.
        va = sub.vao
        have = va.element_buffer
        if have is None or have[0] is not res.storage or have[1] != gl_name:
            gl.glVertexArrayElementBuffer(vao, gl_name)
            va.element_buffer = (res.storage, gl_name)
        self._set_restart((True, cmd.restart_index) if cmd.primitive_restart else _NO_RESTART)
        self._bound_index_buffer = (ib, sub.vao, (gl_type, offset))
        return gl_type, offset

    def _set_restart(self, restart: tuple) -> None:
        # Only draws touch primitive restart, so the last setting is still current.
        if restart != self._restart:
            previous, self._restart = self._restart, restart
            if restart[0]:
                if previous is None or not previous[0]:
                    gl.glEnable(GL.GL_PRIMITIVE_RESTART)
                if restart[1] != self._restart_index:   # toggling keeps the index
                    gl.glPrimitiveRestartIndex(restart[1])
                    self._restart_index = restart[1]
            else:
                gl.glDisable(GL.GL_PRIMITIVE_RESTART)

    def _apply_state(self, sub, state, dirty: int) -> None:
        """The fixed-function state `dirty` names (each apply_* also skips what GL already holds)."""
        objects = sub.objects
        if dirty & D_BLEND:
            state.apply_blend(objects[ObjectType.BLEND].get(sub.blend))
        if dirty & D_DSA:
            state.apply_dsa(objects[ObjectType.DSA].get(sub.dsa))
            state.apply_stencil_ref(sub.stencil_ref)
        if dirty & (D_RASTER | D_VIEWPORT):
            rs = objects[ObjectType.RASTERIZER].get(sub.rasterizer)
            if dirty & D_RASTER:
                state.apply_rasterizer(rs)
            state.apply_viewports(sub.viewports, rs)
        if dirty & D_SCISSOR:
            state.apply_scissors(sub.scissors)
        if dirty & D_STATE:
            state.apply_blend_color(sub.blend_color)
            state.apply_sample_mask(sub.sample_mask)

    def _bind_constants(self, ex, sub, program, changed=None) -> None:
        """Bind each constant block's buffer; with `changed`, only those (stage, index) slots'."""
        blocks = program.constant_slots
        if changed is not None:
            blocks = {slot: blocks[slot] for slot in changed if slot in blocks}
        bound, sources = self._bound_ubos, self._bound_ubo_sources
        for (stage, index), block in blocks.items():
            slot = stage * UBO_SLOTS_PER_STAGE + index
            ubo = sub.uniform_buffers[stage].get(index)
            if ubo is not None:
                # The same guest range as bound there: resources stay put within a submit,
                # and every submit starts with nothing remembered.
                if sources.get(slot) == ubo and slot in bound:
                    continue
                sources[slot] = ubo
                handle, offset, length = ubo
                res = ex.resource(handle, COMMAND)
                name = getattr(res.storage, "gl_name", 0)
                if not name:
                    continue
                binding = (name, offset, max(length, 16))
            else:
                sources.pop(slot, None)
                name = self._upload_constants(slot, sub.const_data[stage].get(index, b""), block.size_bytes,
                                              bind=False)
                binding = (name, 0, block.size_bytes)
            if bound.get(slot) != binding:
                gl.glBindBufferRange(GL.GL_UNIFORM_BUFFER, slot, name, _size(binding[1]), _size(binding[2]))
                bound[slot] = binding

    def _upload_constants(self, slot: int, data: bytes, size: int, bind: bool = True) -> int:
        """The upload buffer for (slot, size), holding `data`; bound to the slot unless `bind` is False."""
        key = (slot, size)
        name = self._const_buffers.get(key)
        if name is None:
            if self.unchecked:
                self.check_pending()
            name = names.create(GL.glCreateBuffers)
            GL.glNamedBufferData(name, size, None, GL.GL_STREAM_DRAW)
            self._const_buffers[key] = name
            self._const_contents[key] = None
        chunk = data if len(data) == size else data[:size].ljust(size, b"\0")
        # Guests re-send unchanged constants between draws; upload only new contents.
        # Orphan-and-refill: the previous draw may still read the old contents.
        if self._const_contents[key] != chunk:
            gl.glNamedBufferData(name, _size(size), chunk, GL.GL_STREAM_DRAW)
            self._const_contents[key] = chunk
        if bind:
            gl.glBindBufferRange(GL.GL_UNIFORM_BUFFER, slot, name, _size(0), _size(size))
        return name

    def _bind_textures(self, sub, program, changed=None) -> None:
        """Bind each sampler unit's view and sampler; with `changed`, only the units reading those slots."""
        if not program.units_by_slot:
            return   # no sampler units (a full setup forgot what the units hold anyway)
        views = sub.table(ObjectType.SAMPLER_VIEW)
        states = sub.table(ObjectType.SAMPLER_STATE)
        textures, samplers = self._bound_textures, self._bound_samplers
        if changed is None:
            todo = [(stage, units) for stage, units in enumerate(program.sampler_units)]
        else:
            by_slot = program.units_by_slot
            todo = [(slot[0], by_slot[slot]) for slot in changed if slot in by_slot]
        sources = self._bound_texture_sources
        for stage, units in todo:
            stage_views, stage_samplers = sub.sampler_views[stage], sub.sampler_states[stage]
            for unit, binding in units:
                # The same handles read the same way as bound there: handles name the same
                # objects until a handler that is not pure runs, which forgets this.
                source = (stage_views[binding.view_index], stage_samplers[binding.sampler_index], binding)
                if sources.get(unit) == source:
                    continue
                sources[unit] = source
                view = views.get(source[0])
                name = view.texture_for(binding.shadow) if view is not None else 0
                if textures.get(unit) != name:
                    gl.glBindTextureUnit(unit, name)
                    textures[unit] = name
                sampler = states.get(source[1])
                name = sampler.sampler_for(binding.glsl_type) if sampler is not None else 0
                if samplers.get(unit) != name:
                    gl.glBindSampler(unit, name)
                    samplers[unit] = name

    def _bind_driver_uniforms(self, sub, program, fb_height: int, dirty: int = D_ALL) -> None:
        """Set the driver uniforms whose inputs `dirty` names (all of them after a program switch)."""
        plan = program.driver_plan
        if plan is None:
            plan = program.driver_plan = _driver_uniform_plan(program.driver_uniforms)
        memo = self._driver_uniform_memo
        if dirty & D_UNIFORMS:   # another program (every value to check), or clip planes
            dirty = D_ALL
        for flag, kind, stage, index, loc in plan:
            if not dirty & flag:
                continue
            if kind == _FB_HEIGHT:
                value = float(fb_height)
            elif kind == _CLIP_PLANES:
                value = sub.clip_planes
            elif kind == _ALPHA_REF:
                dsa = sub.objects[ObjectType.DSA].get(sub.dsa)
                value = float(dsa.alpha_ref) if dsa is not None else 0.0
            else:
                handles = sub.sampler_views[stage]
                view = sub.objects[ObjectType.SAMPLER_VIEW].get(handles[index]) if index < len(handles) else None
                if kind == _SHADOW:
                    value = view.shadow_swizzle if view is not None else IDENTITY_SHADOW_SWIZZLE
                else:
                    value = view.buffer_swizzle if view is not None else IDENTITY_BUFFER_SWIZZLE
            # Uniform values live in the program object: set them when they change.
            # The entry holds the program, so its id is not reused while remembered.
            key = (id(program), loc)
            seen = memo.get(key)
            if seen is not None and seen[0] is program and seen[1] == value:
                continue
            if len(memo) >= 4 * _MAX_PROGRAM_MEMO:
                memo.clear()
            memo[key] = (program, value)
            if kind == _FB_HEIGHT or kind == _ALPHA_REF:
                gl.glUniform1f(loc, value)
            elif kind == _BUFFER:   # 3 ivec4
                ints = np.ascontiguousarray(value, np.int32)
                gl.glUniform4iv(loc, 3, _ptr(ints.ctypes.data))
            else:   # clip planes (8 vec4) or a shadow swizzle (2 vec4)
                vectors = np.ascontiguousarray(value, np.float32)
                gl.glUniform4fv(loc, vectors.size // 4, _ptr(vectors.ctypes.data))

    def _bind_vertices(self, ex, sub) -> int:
        """Bind the vertex array of the bound vertex elements; update only the slots that changed.

        Each vertex elements object gets its own vertex array, so switching
        between layouts is one bind, not a re-specification of every
        attribute. The arrays belong to this sub-context and only draws
        change them, so what each slot was last set to (`VertexArray.attribs`)
        is what GL holds. Buffers are compared by storage object as well as GL
        name: a name can be reused by a new buffer after the old one was deleted.
        """
        ve = sub.objects[ObjectType.VERTEX_ELEMENTS].get(sub.vertex_elements)
        arrays = sub.vertex_arrays
        va = arrays.get(id(ve))
        if va is None or va.layout is not ve:
            if va is not None or len(arrays) >= _MAX_VERTEX_ARRAYS:
                # A layout destroyed (its id reused), or too many: start over.
                GL.glDeleteVertexArrays(len(arrays), list(v.name for v in arrays.values()))
                arrays.clear()
            va = VertexArray(names.create(GL.glCreateVertexArrays), ve)
            arrays[id(ve)] = va
        sub.vao = va
        sub.gl_vao = vao = va.name
        gl.glBindVertexArray(vao)
        bound = va.bound_from
        if bound is not None and bound[0] is sub.vertex_buffers and bound[1] is sub.vertex_resources:
            return vao   # set from these very buffer objects last time (layouts alternating)
        va.bound_from = None
        elements = ve.elements if ve is not None else ()
        attribs = va.attribs
        if len(attribs) < len(elements):
            attribs.extend([None] * (len(elements) - len(attribs)))
        vbs = sub.vertex_buffers
        for i, el in enumerate(elements):
            fmt = vertex_attrib_format(el.src_format)
            if el.vertex_buffer_index >= len(vbs) or fmt is None:
                if fmt is None:
                    self.warn_once(f"vertex format {el.src_format}; attribute left disabled")
                if attribs[i] is not _DISABLED:
                    gl.glDisableVertexArrayAttrib(vao, i)
                    attribs[i] = _DISABLED
                continue
            vb = sub.vertex_buffers[el.vertex_buffer_index]
            res = sub.vertex_resources[el.vertex_buffer_index]   # checked by _check_vertex_buffers
            storage = res.storage if res is not None else None
            name = getattr(storage, "gl_name", 0)
            # One binding per attribute, with the element's offset folded into the
            # buffer offset: GL caps relative offsets at 2047 bytes, Gallium does not.
            layout = (fmt, el.instance_divisor)
            binding = (storage, name, vb.offset + el.src_offset, vb.stride)
            have = attribs[i]
            if have is None or have is _DISABLED or have[0] != layout:
                if fmt.integer:
                    gl.glVertexArrayAttribIFormat(vao, i, fmt.size, fmt.gl_type, 0)
                else:
                    gl.glVertexArrayAttribFormat(vao, i, fmt.size, fmt.gl_type, fmt.normalized, 0)
                gl.glVertexArrayAttribBinding(vao, i, i)
                gl.glVertexArrayBindingDivisor(vao, i, el.instance_divisor)
                have_binding = None
            else:
                have_binding = have[1]
            if (have_binding is None or have_binding[0] is not storage
                    or have_binding[1:] != binding[1:]):
                gl.glVertexArrayVertexBuffer(vao, i, name, _size(binding[2]), binding[3])
            if have is None or have is _DISABLED:
                gl.glEnableVertexArrayAttrib(vao, i)
            attribs[i] = (layout, binding)
        for i in range(len(elements), len(attribs)):
            if attribs[i] is not _DISABLED:
                gl.glDisableVertexArrayAttrib(vao, i)
                attribs[i] = _DISABLED
        # Held, so their identities stand for their contents while remembered.
        va.bound_from = (sub.vertex_buffers, sub.vertex_resources)
        return vao

    def release(self) -> None:
        for name in self._const_buffers.values():
            GL.glDeleteBuffers(1, [name])
        self._const_buffers.clear()
