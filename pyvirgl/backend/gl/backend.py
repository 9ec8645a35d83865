"""The GL backend: one host GL context per renderer, created on first use.

It implements the renderer's Backend protocol: storage for resources, and
execution of each guest context's command stream through an `Executor`.
"""
from __future__ import annotations

import ctypes
import logging

from OpenGL import GL
from OpenGL.error import GLError

from pyvirgl.backend.gl import compute, framebuffer, queries, shader_resources, storage, textures
from pyvirgl.backend.gl.blit import Blitter
from pyvirgl.backend.gl.draw import INT32_MAX, MAX_DRAW_VERTICES, DrawContext
from pyvirgl.backend.gl.egl import HostContext
from pyvirgl.backend.gl.executor import Executor
from pyvirgl.backend.gl.host_info import HostGLInfo, read_host_info
from pyvirgl.backend.gl.programs import ProgramCache, make_shader_object
from pyvirgl.backend.gl.rawgl import check_errors, gl
from pyvirgl.backend.gl.state_cache import StateCache
from pyvirgl.errors import GuestError
from pyvirgl.protocol.virgl import ObjectType
from pyvirgl.renderer.resources import Limits
from pyvirgl.shader.glsl.key import HostShaderCaps


log = logging.getLogger("pyvirgl.gl")

# Memory policy for one client, whatever the host could take.
MAX_RESOURCE_BYTES = 1 << 30
MAX_CLIENT_BYTES = 4 << 30


class GLBackend:
    def __init__(self) -> None:
        self.host_context = HostContext()
        self.info: HostGLInfo = read_host_info()
        self.state = StateCache()
        self.programs = ProgramCache(HostShaderCaps(glsl_version=self.info.glsl_version,
                                                    extensions=self.info.extensions))
        self.drawing = DrawContext(self.programs)
        self.drawing.max_vertex_stride = self.info.limit("GL_MAX_VERTEX_ATTRIB_STRIDE") or 2048
        self._max_patch_vertices = self.info.limit("GL_MAX_PATCH_VERTICES") or 32
        self.blitter = Blitter()
        self.queries = queries.QueryState()
        self.compute = compute.ComputePrograms(self.programs)
        self._fence = None
        self._unfenced = False   # work submitted since the last fence
        lim = self.info.limit
        self._limits = Limits(
            max_texture_size=lim("GL_MAX_TEXTURE_SIZE"),
            max_3d_size=lim("GL_MAX_3D_TEXTURE_SIZE"),
            max_cube_size=lim("GL_MAX_CUBE_MAP_TEXTURE_SIZE"),
            max_array_layers=lim("GL_MAX_ARRAY_TEXTURE_LAYERS"),
            max_samples=lim("GL_MAX_SAMPLES"),
            # GL limits buffer textures in texels (the caps say so), not buffers.
            max_buffer_size=MAX_RESOURCE_BYTES,
            max_resource_bytes=MAX_RESOURCE_BYTES,
            max_total_bytes=MAX_CLIENT_BYTES,
        )

    # -- the renderer's Backend protocol -------------------------------------------------

    def limits(self) -> Limits:
        return self._limits

    def create_storage(self, layout):
        return storage.create_storage(layout)

    def submit(self, renderer, ctx, stream: bytes) -> None:
        if ctx.state is None:
            ctx.state = Executor(renderer, ctx, self)
        # Transfers, other clients' work and resource changes happen between
        # submits: the first draw of each submit sets up everything again.
        self.drawing.current = None
        try:
            ctx.state.execute(stream)
        finally:
            # Like the C host, flush after each submit: llvmpipe's threads start
            # rasterizing while this process reads and decodes what comes next
            # (a frame's fence request, its readback). The fence itself is made
            # only when the guest asks whether the work is done.
            gl.glFlush()
            self._unfenced = True
            check_errors("SUBMIT_CMD")

    def work_counts(self) -> dict[str, int]:
        """Shaders translated and compiled, programs linked (not cache hits), since this backend began."""
        return dict(self.programs.counts)

    def busy(self, wait: bool) -> bool:
        if self._unfenced:
            # Flushes too: a query polled below completes only once its work was flushed.
            self._fence_after_work()
        if self.queries.poll(wait):   # query results the guest polls for are written here
            return True
        if self._fence is None:
            return False
        # Unchecked calls on our own fence (twice a frame): they cannot fail.
        if wait:
            gl.glClientWaitSync(self._fence, GL.GL_SYNC_FLUSH_COMMANDS_BIT, GL.GL_TIMEOUT_IGNORED)
        status = gl.glClientWaitSync(self._fence, 0, 0)
        if status in (GL.GL_ALREADY_SIGNALED, GL.GL_CONDITION_SATISFIED):
            gl.glDeleteSync(self._fence)
            self._fence = None
            return False
        return True

    def destroy_context(self, ctx) -> None:
        if ctx.state is not None:
            ctx.state.destroy()
            ctx.state = None

    def _fence_after_work(self) -> None:
        """One fence after everything submitted so far (replacing the last), and a flush."""
        if self._fence is not None:
            gl.glDeleteSync(self._fence)
        self._fence = ctypes.c_void_p(gl.glFenceSync(GL.GL_SYNC_GPU_COMMANDS_COMPLETE, 0))
        gl.glFlush()
        self._unfenced = False

    # -- objects the executor asks for ---------------------------------------------------

    def make_surface(self, res, cmd, command: str):
        return framebuffer.make_surface(res, cmd, command)

    def make_sampler_view(self, res, cmd, command: str):
        return textures.make_sampler_view(res, cmd, command, storage.gl_mapping,
                                          max(self.info.limit("GL_TEXTURE_BUFFER_OFFSET_ALIGNMENT"), 1))

    def make_sampler_state(self, cmd):
        return textures.make_sampler_state(cmd)

    def make_shader(self, source):
        return make_shader_object(source)

    def release_object(self, kind: ObjectType, value) -> None:
        if kind in (ObjectType.SAMPLER_VIEW, ObjectType.SAMPLER_STATE):
            textures.release(value)
        elif kind in (ObjectType.QUERY, ObjectType.STREAMOUT_TARGET, ObjectType.SURFACE):
            value.release()

    def destroy_sub_context(self, sub) -> None:
        for kind in (ObjectType.SAMPLER_VIEW, ObjectType.SAMPLER_STATE):
            for value in sub.table(kind).values():
                textures.release(value)
        for kind in (ObjectType.QUERY, ObjectType.STREAMOUT_TARGET, ObjectType.SURFACE):
            for value in sub.table(kind).values():
                value.release()
        shader_resources.release_sub_context(sub)
        if sub.gl_fbo:
            GL.glDeleteFramebuffers(1, [sub.gl_fbo])
        for va in sub.vertex_arrays.values():
            GL.glDeleteVertexArrays(1, [va.name])
        sub.vertex_arrays.clear()
        self.state.invalidate()

    # -- work ---------------------------------------------------------------------------

    def clear(self, ex, sub, cmd) -> None:
        try:
            if sub.render_condition is None:   # the common case, without a context manager
                framebuffer.clear(sub, cmd, self.state)
            else:
                with queries.conditional(ex, sub, "CLEAR"):
                    framebuffer.clear(sub, cmd, self.state)
            check_errors("CLEAR")   # the clear's calls are unchecked
        except framebuffer.HostLimitation as err:
            ex.skip_with_reason("CLEAR", str(err))
        except GLError as err:
            if err.err != GL.GL_INVALID_FRAMEBUFFER_OPERATION:
                raise
            ex.skip_with_reason("CLEAR", "framebuffer incomplete on the host")

    def draw(self, ex, sub, cmd) -> None:
        instances = cmd.instance_count
        if (cmd.count * (instances or 1) > MAX_DRAW_VERTICES or instances > INT32_MAX or cmd.start > INT32_MAX
                or cmd.vertices_per_patch):   # else nothing for _check_draw to refuse (MAX_DRAW_VERTICES < INT32_MAX)
            self._check_draw(ex, sub, cmd)
        try:
            if sub.render_condition is None:   # the common case, without a context manager
                self.drawing.draw(ex, sub, self.state, cmd)
                return
            if self.drawing.unchecked:   # conditional() makes checked GL calls
                self.drawing.check_pending(ex)
            with queries.conditional(ex, sub, "DRAW_VBO"):
                self.drawing.draw(ex, sub, self.state, cmd)
        except framebuffer.HostLimitation as err:
            ex.skip_with_reason("DRAW_VBO", str(err))
        except GLError as err:
            if err.err != GL.GL_INVALID_FRAMEBUFFER_OPERATION:
                raise
            # Attachments GL will not render to together (sizes, formats): like
            # virglrenderer, the draw is dropped and the context goes on.
            ex.skip_with_reason("DRAW_VBO", "framebuffer incomplete on the host")

    def _check_draw(self, ex, sub, cmd) -> None:
        """What GL would refuse with an error, refused first as the guest's error.

        The bound vertex buffers are checked by the draw path whenever they
        (or the resources behind them) may have changed."""
        count, instances = cmd.count, cmd.instance_count
        if cmd.start > INT32_MAX or count > INT32_MAX or instances > INT32_MAX:   # GLint / GLsizei
            for field in ("start", "count", "instance_count"):
                if getattr(cmd, field) > INT32_MAX:
                    raise GuestError("DRAW_VBO", f"{field} {getattr(cmd, field)} exceeds {INT32_MAX}")
        if count * (instances or 1) > MAX_DRAW_VERTICES and not cmd.indirect_handle:
            # One command must not occupy a (software) GPU for minutes.
            raise GuestError("DRAW_VBO", f"{cmd.count} vertices x {cmd.instance_count} instances exceed "
                                         f"the per-draw limit of {MAX_DRAW_VERTICES}")
        if cmd.vertices_per_patch > self._max_patch_vertices:
            raise GuestError("DRAW_VBO", f"vertices_per_patch {cmd.vertices_per_patch} exceeds "
                                         f"{self._max_patch_vertices}")

    def set_min_samples(self, sub, min_samples: int) -> None:
        # GL wants a fraction of the framebuffer's samples; the guest sends this
        # again whenever the framebuffer changes, so the current one decides.
        samples = framebuffer.sample_count(sub)
        GL.glMinSampleShading(min(min_samples / samples, 1.0))

    def blit(self, ex, cmd) -> None:
        try:
            with queries.conditional(ex, ex.sub if cmd.render_condition_enable else None, "BLIT"):
                self.blitter.blit(ex, cmd, self.state)
        except framebuffer.HostLimitation as err:
            ex.skip_with_reason("BLIT", str(err))

    def copy_region(self, src, src_level, src_box, dst, dst_level, dst_box) -> None:
        s, d = src.storage, dst.storage
        s_samples, d_samples = getattr(s, "samples", 0), getattr(d, "samples", 0)
        if s_samples or d_samples:
            if s_samples != d_samples:
                raise GuestError("RESOURCE_COPY_REGION", f"copy from {s_samples} to {d_samples} samples")
            s.copy_to(src_level, src_box, d, dst_level, dst_box)
            return
        # Through the storages' own read/write, so every target and format works
        # the same way transfers do (the boxes are already checked).
        data = s.read(src_level, src_box)
        d.write(dst_level, dst_box, data)
