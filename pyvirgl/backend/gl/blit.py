"""BLIT: scaled, filtered, format-converting copies between two resources through framebuffers."""
from __future__ import annotations

from OpenGL import GL

from pyvirgl.backend.gl import blit_shader, names
from pyvirgl.backend.gl.framebuffer import HostLimitation
from pyvirgl.backend.gl.rawgl import check_errors, gl
from pyvirgl.backend.gl.storage import gl_mapping
from pyvirgl.errors import GuestError
from pyvirgl.protocol import formats

COMMAND = "BLIT"
PIPE_MASK_RGBA = 0xF
PIPE_MASK_Z = 1 << 4
PIPE_MASK_S = 1 << 5


def _check_region(res, region) -> None:
    """Level and layers must exist; x and y may reach outside the level.

    GL's blit clips rectangles to the framebuffers (with the scale kept) and
    the shader path draws through a viewport with clamped sampling, so a
    rectangle partly outside reads and writes only texels that exist, which
    is what Mesa relies on for glBlitFramebuffer with clipped coordinates.
    Layers are attached one by one, so those are checked exactly.
    """
    layout = res.layout
    if region.level >= len(layout.levels):
        raise GuestError(COMMAND, f"level {region.level} beyond last level {len(layout.levels) - 1}")
    layers = layout.levels[region.level].depth
    first, count = region.z, abs(region.depth)   # the layers the copy loops visit
    if first < 0 or first + count > layers:
        raise GuestError(COMMAND, f"layers {first}+{count} outside level {region.level}'s {layers}")
    for value in (region.x, region.y, region.x + region.width, region.y + region.height):
        if abs(value) > _MAX_COORDINATE:
            raise GuestError(COMMAND, f"blit coordinate {value} out of range")


# GL takes int coordinates; far-out ones only ever come from a broken or hostile guest.
_MAX_COORDINATE = 1 << 24


class Blitter:
    def __init__(self) -> None:
        self._read_fbo = 0
        self._draw_fbo = 0
        self._shader = blit_shader.ShaderBlitter()
        self._attached: dict[int, tuple] = {}   # fbo -> (storage, what is attached)

    def _fbos(self) -> tuple[int, int]:
        if not self._read_fbo:
            self._read_fbo = names.create(GL.glCreateFramebuffers)
            self._draw_fbo = names.create(GL.glCreateFramebuffers)
        return self._read_fbo, self._draw_fbo

    def blit(self, ex, cmd, state) -> None:
        src = ex.resource(cmd.src.res_handle, COMMAND)
        dst = ex.resource(cmd.dst.res_handle, COMMAND)
        for region, res in ((cmd.src, src), (cmd.dst, dst)):
            if region.width == 0 or region.height == 0 or region.depth == 0:
                return  # Gallium allows empty boxes (and negative ones for flips, handled below)
            _check_region(res, region)
        src_tex, dst_tex = getattr(src.storage, "gl_name", 0), getattr(dst.storage, "gl_name", 0)
        if not src_tex or not dst_tex or src.template.target == 0 or dst.template.target == 0:
            raise HostLimitation("blit between resources that are not GL textures")
        src_fmt, dst_fmt = formats.info(src.template.format), formats.info(dst.template.format)
        mask = 0
        if cmd.mask & PIPE_MASK_RGBA:
            mask |= GL.GL_COLOR_BUFFER_BIT
        if cmd.mask & PIPE_MASK_Z and src_fmt.is_depth and dst_fmt.is_depth:
            mask |= GL.GL_DEPTH_BUFFER_BIT
        if cmd.mask & PIPE_MASK_S and src_fmt.is_stencil and dst_fmt.is_stencil:
            mask |= GL.GL_STENCIL_BUFFER_BIT
        if not mask:
            return
        try:
            src_view, dst_view = formats.info(cmd.src.format), formats.info(cmd.dst.format)
        except formats.FormatError as err:
            raise GuestError(COMMAND, str(err)) from None
        if mask & GL.GL_COLOR_BUFFER_BIT and blit_shader.needs_shader(src, dst, src_view, dst_view, gl_mapping):
            try:
                self._shader.blit(cmd, src, dst, src_view, dst_view, gl_mapping)
            finally:
                state.invalidate()
            mask &= ~GL.GL_COLOR_BUFFER_BIT
            if not mask:
                return
        read_fbo, draw_fbo = self._fbos()
        depth = max(abs(cmd.src.depth), 1)
        state.prepare_for_clear()  # blits, like clears, ignore masks
        if cmd.scissor_enable:
            GL.glEnable(GL.GL_SCISSOR_TEST)
            GL.glScissor(cmd.scissor_minx, cmd.scissor_miny, cmd.scissor_maxx - cmd.scissor_minx,
                         cmd.scissor_maxy - cmd.scissor_miny)
        filt = GL.GL_LINEAR if cmd.filter and mask == GL.GL_COLOR_BUFFER_BIT else GL.GL_NEAREST
        # Gallium decodes an sRGB source view and encodes into an sRGB destination
        # view; with GL_FRAMEBUFFER_SRGB on, the GL blit does both (a linear side is
        # left alone), so resolves of sRGB samples average in linear space.
        # Views that linearise an sRGB resource took the shader path unless multisampled.
        (gl.glEnable if src_view.is_srgb or dst_view.is_srgb else gl.glDisable)(GL.GL_FRAMEBUFFER_SRGB)
        for layer in range(depth):
            self._attach(read_fbo, src, src_tex, cmd.src.level, cmd.src.z + layer, src_fmt, mask)
            self._attach(draw_fbo, dst, dst_tex, cmd.dst.level, cmd.dst.z + layer, dst_fmt, mask)
            gl.glBlitNamedFramebuffer(
                read_fbo, draw_fbo,
                cmd.src.x, cmd.src.y, cmd.src.x + cmd.src.width, cmd.src.y + cmd.src.height,
                cmd.dst.x, cmd.dst.y, cmd.dst.x + cmd.dst.width, cmd.dst.y + cmd.dst.height,
                mask, filt)
        gl.glDisable(GL.GL_SCISSOR_TEST)
        check_errors(COMMAND)   # the unchecked calls above
        state.invalidate()

    def _attach(self, fbo: int, res, tex: int, level: int, layer: int, fmt, mask: int) -> None:
        # Guests blit the same pair again and again (glCopyPixels, mipmap chains):
        # re-attaching and re-checking completeness each time was most of a blit.
        # The storage object is part of the key: a deleted texture's name can return.
        key = (tex, level, layer, fmt.id)
        seen = self._attached.get(fbo)
        if seen is not None and seen[0] is res.storage and seen[1] == key:
            return
        self._attached.pop(fbo, None)
        for attachment in (GL.GL_COLOR_ATTACHMENT0, GL.GL_DEPTH_STENCIL_ATTACHMENT):
            GL.glNamedFramebufferTexture(fbo, attachment, 0, 0)
        if fmt.is_depth and fmt.is_stencil:
            attachment = GL.GL_DEPTH_STENCIL_ATTACHMENT
        elif fmt.is_depth:
            attachment = GL.GL_DEPTH_ATTACHMENT
        elif fmt.is_stencil:
            attachment = GL.GL_STENCIL_ATTACHMENT
        else:
            attachment = GL.GL_COLOR_ATTACHMENT0
        layered = res.storage.gl_target in (GL.GL_TEXTURE_3D, GL.GL_TEXTURE_2D_ARRAY, GL.GL_TEXTURE_1D_ARRAY,
                                            GL.GL_TEXTURE_CUBE_MAP, GL.GL_TEXTURE_CUBE_MAP_ARRAY,
                                            GL.GL_TEXTURE_2D_MULTISAMPLE_ARRAY)
        if layered:
            GL.glNamedFramebufferTextureLayer(fbo, attachment, tex, level, layer)
        else:
            GL.glNamedFramebufferTexture(fbo, attachment, tex, level)
        if attachment == GL.GL_COLOR_ATTACHMENT0:
            GL.glNamedFramebufferReadBuffer(fbo, GL.GL_COLOR_ATTACHMENT0)
            GL.glNamedFramebufferDrawBuffer(fbo, GL.GL_COLOR_ATTACHMENT0)
        status = GL.glCheckNamedFramebufferStatus(fbo, GL.GL_FRAMEBUFFER)
        if status != GL.GL_FRAMEBUFFER_COMPLETE:
            raise HostLimitation(f"blit {fmt.name} level {level}: framebuffer incomplete ({status:#x})")
        self._attached[fbo] = (res.storage, key)

    def release(self) -> None:
        self._shader.release()
        self._attached.clear()
        if self._read_fbo:
            GL.glDeleteFramebuffers(2, [self._read_fbo, self._draw_fbo])
            self._read_fbo = self._draw_fbo = 0

