"""Surfaces, the framebuffer object of each sub-context, and CLEAR.

Memory row 0 of a guest render target is Gallium's window y = 0, and we keep
it as GL's window y = 0: the numbers agree, so rows land where the guest
expects without flipping pixels; the viewport code handles the sign of y.
"""
from __future__ import annotations

import ctypes
import struct
from dataclasses import dataclass

from OpenGL import GL

from pyvirgl.backend.gl import names
from pyvirgl.backend.gl.rawgl import gl
from OpenGL.error import GLError

from pyvirgl.backend.gl.storage import GLBufferStorage, HostLimitation, gl_mapping

from pyvirgl.errors import GuestError
from pyvirgl.protocol import formats
from pyvirgl.protocol.virgl import ClearFlags, ObjectType, TextureTarget


@dataclass
class Surface:
    resource: object
    format: formats.FormatInfo
    level: int
    first_layer: int
    last_layer: int
    view: int = 0  # a GL texture view in the surface's format, when it differs from the resource's

    def release(self) -> None:
        if self.view:
            GL.glDeleteTextures(1, [self.view])
            self.view = 0


def _surface_texture(surf: Surface, name: int, storage) -> int:
    """The texture to attach: the resource's own, or a view in the surface's format.

    The guest toggles sRGB encoding (GL_EXT_framebuffer_sRGB) by making a
    linear surface of an sRGB resource or the reverse, so the format matters."""
    if surf.format.id == surf.resource.template.format or getattr(storage, "samples", 0):
        return name
    if not surf.view:
        mapping = gl_mapping(surf.format.id)
        if mapping is None:
            return name
        view = int(GL.glGenTextures(1))
        try:
            GL.glTextureView(view, storage.gl_target, name, mapping.internal_format, 0, storage.levels,
                             0, surf.resource.layout.levels[0].depth
                             if storage.gl_target != GL.GL_TEXTURE_3D else 1)
        except GLError:
            GL.glDeleteTextures(1, [view])
            return name  # incompatible classes: render in the resource's own format
        surf.view = view
    return surf.view


def make_surface(res, cmd, command: str) -> Surface:
    t = res.template
    try:
        fmt = formats.info(cmd.format)
    except formats.FormatError:
        raise GuestError(command, f"unknown format {cmd.format}") from None
    if t.target == TextureTarget.BUFFER:
        return Surface(res, fmt, 0, 0, 0)
    level, first, last = cmd.level, cmd.first_layer, cmd.last_layer
    if level > t.last_level:
        raise GuestError(command, f"level {level} beyond resource's last level {t.last_level}")
    layers = res.layout.levels[level].depth
    if first > last or last >= layers:
        raise GuestError(command, f"layers {first}..{last} outside 0..{layers - 1}")
    return Surface(res, fmt, level, first, last)


def _attach(attachment: int, surf: Surface, fbo: int) -> None:
    storage = surf.resource.storage
    name = getattr(storage, "gl_name", 0)
    if not name or isinstance(storage, GLBufferStorage):
        raise HostLimitation(f"resource {surf.resource.handle} has no GL texture to render into")
    name = _surface_texture(surf, name, storage)
    layered = surf.last_layer > surf.first_layer
    single_layer_target = storage.gl_target in (GL.GL_TEXTURE_1D, GL.GL_TEXTURE_2D, GL.GL_TEXTURE_RECTANGLE,
                                                GL.GL_TEXTURE_2D_MULTISAMPLE)
    if layered or single_layer_target:
        GL.glNamedFramebufferTexture(fbo, attachment, name, surf.level)
    else:
        GL.glNamedFramebufferTextureLayer(fbo, attachment, name, surf.level, surf.first_layer)


def _ds_attachment(fmt: formats.FormatInfo) -> int:
    if fmt.is_depth and fmt.is_stencil:
        return GL.GL_DEPTH_STENCIL_ATTACHMENT
    return GL.GL_DEPTH_ATTACHMENT if fmt.is_depth else GL.GL_STENCIL_ATTACHMENT


def bind_framebuffer(sub) -> tuple[int, int]:
    """Make the sub-context's framebuffer current for drawing. Returns its (width, height)."""
    if not sub.gl_fbo:
        sub.gl_fbo = names.create(GL.glCreateFramebuffers)
        sub.fb_dirty = True
    fbo = sub.gl_fbo
    if sub.fb_dirty:
        _rebuild(sub, fbo)
        sub.fb_dirty = False
    # Unchecked calls (this runs for every draw); they cannot fail with a name we made.
    gl.glBindFramebuffer(GL.GL_DRAW_FRAMEBUFFER, fbo)
    # Encode to sRGB exactly when the guest's colour surfaces are sRGB.
    (gl.glEnable if sub.fb_srgb else gl.glDisable)(GL.GL_FRAMEBUFFER_SRGB)
    return sub.fb_size


def _rebuild(sub, fbo: int) -> None:
    surfaces = sub.table(ObjectType.SURFACE)
    for attachment in (GL.GL_DEPTH_STENCIL_ATTACHMENT, *[GL.GL_COLOR_ATTACHMENT0 + i for i in range(8)]):
        GL.glNamedFramebufferTexture(fbo, attachment, 0, 0)
    draw_buffers = []
    size = None
    sub.fb_srgb = any(surfaces[h].format.is_srgb for h in sub.cbufs if h and h in surfaces)
    for i, handle in enumerate(sub.cbufs):
        surf = surfaces.get(handle) if handle else None
        if surf is None:
            draw_buffers.append(GL.GL_NONE)
            continue
        _attach(GL.GL_COLOR_ATTACHMENT0 + i, surf, fbo)
        draw_buffers.append(GL.GL_COLOR_ATTACHMENT0 + i)
        size = size or _level_size(surf)
    zsurf = surfaces.get(sub.zsurf) if sub.zsurf else None
    if zsurf is not None:
        _attach(_ds_attachment(zsurf.format), zsurf, fbo)
        size = size or _level_size(zsurf)
    if draw_buffers:
        GL.glNamedFramebufferDrawBuffers(fbo, len(draw_buffers), draw_buffers)
    else:
        GL.glNamedFramebufferDrawBuffer(fbo, GL.GL_NONE)
    if sub.fb_no_attach is not None and size is None:
        width, height, layers, samples = sub.fb_no_attach
        GL.glNamedFramebufferParameteri(fbo, GL.GL_FRAMEBUFFER_DEFAULT_WIDTH, max(width, 1))
        GL.glNamedFramebufferParameteri(fbo, GL.GL_FRAMEBUFFER_DEFAULT_HEIGHT, max(height, 1))
        GL.glNamedFramebufferParameteri(fbo, GL.GL_FRAMEBUFFER_DEFAULT_LAYERS, layers)
        GL.glNamedFramebufferParameteri(fbo, GL.GL_FRAMEBUFFER_DEFAULT_SAMPLES, samples)
        size = (width, height)
    sub.fb_size = size or (0, 0)


def sample_count(sub) -> int:
    """Samples per pixel of the bound framebuffer (first colour buffer, else depth, else the no-attachment default)."""
    surfaces = sub.table(ObjectType.SURFACE)
    for handle in (*sub.cbufs, sub.zsurf):
        surf = surfaces.get(handle) if handle else None
        if surf is not None:
            return getattr(surf.resource.storage, "samples", 0) or 1
    if sub.fb_no_attach is not None:
        return max(sub.fb_no_attach[3], 1)
    return 1


def _level_size(surf: Surface) -> tuple[int, int]:
    lv = surf.resource.layout.levels[surf.level]
    return lv.width, lv.height


def clear(sub, cmd, state) -> None:
    """Gallium's clear writes every pixel of the chosen buffers: no scissor, no masks."""
    bind_framebuffer(sub)
    state.prepare_for_clear()
    surfaces = sub.table(ObjectType.SURFACE)
    if cmd.buffers & ClearFlags.COLOR:
        raw = struct.pack("<4I", *cmd.color)
        for i, handle in enumerate(sub.cbufs):
            surf = surfaces.get(handle) if handle else None
            if surf is None or not cmd.buffers & (ClearFlags.COLOR0 << i):
                continue
            # Unchecked calls, the raw bits as each type: the caller checks errors after the clear.
            if surf.format.kind == "uint":
                gl.glClearBufferuiv(GL.GL_COLOR, i, (ctypes.c_uint32 * 4).from_buffer_copy(raw))
            elif surf.format.kind == "sint":
                gl.glClearBufferiv(GL.GL_COLOR, i, (ctypes.c_int32 * 4).from_buffer_copy(raw))
            else:
                gl.glClearBufferfv(GL.GL_COLOR, i, (ctypes.c_float * 4).from_buffer_copy(raw))
    depth = bool(cmd.buffers & ClearFlags.DEPTH)
    stencil = bool(cmd.buffers & ClearFlags.STENCIL)
    if depth and stencil:
        gl.glClearBufferfi(GL.GL_DEPTH_STENCIL, 0, cmd.depth, cmd.stencil & 0x7FFFFFFF)   # GL masks to the stencil bits
    elif depth:
        gl.glClearBufferfv(GL.GL_DEPTH, 0, (ctypes.c_float * 1)(cmd.depth))
    elif stencil:
        gl.glClearBufferiv(GL.GL_STENCIL, 0, (ctypes.c_int32 * 1)(cmd.stencil & 0x7FFFFFFF))
