"""Shader buffers, images and atomic counter buffers: SET_SHADER_BUFFERS,
SET_SHADER_IMAGES, SET_ATOMIC_BUFFERS, MEMORY_BARRIER and TEXTURE_BARRIER,
and binding them for each draw or dispatch.

Binding points follow the translator's conventions (shader/glsl/result.py):
shader buffers of a graphics stage go to binding stage*16 + slot (set at link
time by programs.py; compute programs use the slot itself, see compute.py),
atomic buffer n to GL_ATOMIC_COUNTER_BUFFER binding n, and images get image
units handed out per program in stage order, their uniforms set once per
program.

Guest ranges are checked when they are set; a buffer image gets its own GL
buffer texture over exactly the range given.
"""
from __future__ import annotations

import logging
from ctypes import c_ssize_t
from dataclasses import dataclass

from OpenGL import GL

from pyvirgl import decode as d
from pyvirgl.backend.gl import names, storage
from pyvirgl.backend.gl.executor import Executor, handles
from pyvirgl.backend.gl.programs import SSBO_SLOTS_PER_STAGE
from pyvirgl.backend.gl.rawgl import gl
from pyvirgl.backend.gl.subctx import D_RES
from pyvirgl.errors import GuestError
from pyvirgl.protocol import formats
from pyvirgl.protocol.virgl import TextureTarget

log = logging.getLogger("pyvirgl.gl.shader_resources")

COMPUTE = 5
_ACCESS = {1: GL.GL_READ_ONLY, 2: GL.GL_WRITE_ONLY, 3: GL.GL_READ_WRITE, 0: GL.GL_READ_WRITE}

# Internal formats an image unit takes (GL 4.5 table 8.27).
IMAGE_FORMATS = frozenset((
    GL.GL_RGBA32F, GL.GL_RGBA16F, GL.GL_RG32F, GL.GL_RG16F, GL.GL_R11F_G11F_B10F, GL.GL_R32F, GL.GL_R16F,
    GL.GL_RGBA32UI, GL.GL_RGBA16UI, GL.GL_RGB10_A2UI, GL.GL_RGBA8UI, GL.GL_RG32UI, GL.GL_RG16UI,
    GL.GL_RG8UI, GL.GL_R32UI, GL.GL_R16UI, GL.GL_R8UI,
    GL.GL_RGBA32I, GL.GL_RGBA16I, GL.GL_RGBA8I, GL.GL_RG32I, GL.GL_RG16I, GL.GL_RG8I, GL.GL_R32I,
    GL.GL_R16I, GL.GL_R8I,
    GL.GL_RGBA16, GL.GL_RGB10_A2, GL.GL_RGBA8, GL.GL_RG16, GL.GL_RG8, GL.GL_R16, GL.GL_R8,
    GL.GL_RGBA16_SNORM, GL.GL_RGBA8_SNORM, GL.GL_RG16_SNORM, GL.GL_RG8_SNORM, GL.GL_R16_SNORM, GL.GL_R8_SNORM,
))

# PIPE_BARRIER_* -> GL barrier bits.
_BARRIERS = (
    (1 << 0, GL.GL_CLIENT_MAPPED_BUFFER_BARRIER_BIT | GL.GL_BUFFER_UPDATE_BARRIER_BIT),   # MAPPED_BUFFER
    (1 << 1, GL.GL_SHADER_STORAGE_BARRIER_BIT | GL.GL_ATOMIC_COUNTER_BARRIER_BIT),        # SHADER_BUFFER
    (1 << 2, GL.GL_QUERY_BUFFER_BARRIER_BIT),                                              # QUERY_BUFFER
    (1 << 3, GL.GL_VERTEX_ATTRIB_ARRAY_BARRIER_BIT),                                       # VERTEX_BUFFER
    (1 << 4, GL.GL_ELEMENT_ARRAY_BARRIER_BIT),                                             # INDEX_BUFFER
    (1 << 5, GL.GL_UNIFORM_BARRIER_BIT),                                                   # CONSTANT_BUFFER
    (1 << 6, GL.GL_COMMAND_BARRIER_BIT),                                                   # INDIRECT_BUFFER
    (1 << 7, GL.GL_TEXTURE_FETCH_BARRIER_BIT | GL.GL_PIXEL_BUFFER_BARRIER_BIT),            # TEXTURE
    (1 << 8, GL.GL_SHADER_IMAGE_ACCESS_BARRIER_BIT),                                       # IMAGE
    (1 << 9, GL.GL_FRAMEBUFFER_BARRIER_BIT),                                               # FRAMEBUFFER
    (1 << 10, GL.GL_TRANSFORM_FEEDBACK_BARRIER_BIT),                                       # STREAMOUT_BUFFER
    (1 << 11, GL.GL_SHADER_STORAGE_BARRIER_BIT),                                           # GLOBAL_BUFFER
    (1 << 12, GL.GL_BUFFER_UPDATE_BARRIER_BIT),                                            # UPDATE_BUFFER
    (1 << 13, GL.GL_TEXTURE_UPDATE_BARRIER_BIT | GL.GL_PIXEL_BUFFER_BARRIER_BIT),          # UPDATE_TEXTURE
)
_TEXTURE_BARRIER_SAMPLER = 1 << 0


@dataclass
class ImageView:
    """What one SET_SHADER_IMAGES slot binds: glBindImageTexture's arguments."""
    texture: int
    level: int
    layered: bool
    layer: int
    access: int
    gl_format: int | None     # None: the host cannot bind this format to an image unit
    owned: bool = False       # a buffer texture made for this view
    # What it was made from: the resource's storage (held) and the binding's
    # (format, access, layer_offset, level_size); the same again reuses the view.
    storage: object = None
    source: tuple = ()

    def release(self) -> None:
        if self.owned and self.texture:
            GL.glDeleteTextures(1, [self.texture])
            self.texture = 0


def _buffer_range(ex: Executor, command: str, b: d.ShaderBufferBinding, align: int, what: str):
    res = ex.resource(b.res_handle, command)
    if res.template.target != TextureTarget.BUFFER:
        raise GuestError(command, f"{what} resource {b.res_handle} is not a buffer")
    if b.offset + b.length > res.layout.total_size:
        raise GuestError(command, f"{what} range {b.offset}+{b.length} overruns buffer {b.res_handle}")
    if align and b.offset % align:
        raise GuestError(command, f"{what} offset {b.offset} is not a multiple of {align}")
    return b.res_handle, b.offset, b.length


# The setters only record ranges (and make buffer textures, which binds
# nothing): `pure`, the next draw re-binds them (D_RES).

@handles(d.SetShaderBuffers, pure=True)
def _set_shader_buffers(ex: Executor, cmd: d.SetShaderBuffers) -> None:
    command = "SET_SHADER_BUFFERS"
    sub = ex.current(command)
    sub.dirty |= D_RES
    align = ex.backend.info.limit("GL_SHADER_STORAGE_BUFFER_OFFSET_ALIGNMENT")
    slots = sub.shader_buffers[cmd.shader_type]
    for i, b in enumerate(cmd.buffers):
        if b.res_handle and b.length:
            slots[cmd.start_slot + i] = _buffer_range(ex, command, b, align, "shader buffer")
        else:
            slots.pop(cmd.start_slot + i, None)


@handles(d.SetAtomicBuffers, pure=True)
def _set_atomic_buffers(ex: Executor, cmd: d.SetAtomicBuffers) -> None:
    command = "SET_ATOMIC_BUFFERS"
    sub = ex.current(command)
    sub.dirty |= D_RES
    for i, b in enumerate(cmd.buffers):
        if b.res_handle and b.length:
            sub.atomic_buffers[cmd.start_slot + i] = _buffer_range(ex, command, b, 4, "atomic buffer")
        else:
            sub.atomic_buffers.pop(cmd.start_slot + i, None)


def _new_image(ex: Executor, command: str, img: d.ShaderImageBinding) -> ImageView:
    res = ex.resource(img.res_handle, command)
    try:
        fmt = formats.info(img.format)
    except formats.FormatError:
        raise GuestError(command, f"unknown format {img.format}") from None
    mapping = storage.gl_mapping(img.format)
    gl_format = mapping.internal_format if mapping is not None else None
    if mapping is None or mapping.swizzle is not None or mapping.emulated or gl_format not in IMAGE_FORMATS:
        gl_format = None
    access = _ACCESS[img.access & 3]
    base = getattr(res.storage, "gl_name", 0)
    if res.template.target == TextureTarget.BUFFER:
        offset, size = img.layer_offset, img.level_size
        if offset + size > res.layout.total_size:
            raise GuestError(command, f"image range {offset}+{size} overruns buffer {img.res_handle}")
        align = ex.backend.info.limit("GL_TEXTURE_BUFFER_OFFSET_ALIGNMENT")
        if align and offset % align:
            raise GuestError(command, f"image offset {offset} is not a multiple of {align}")
        if not base or gl_format is None or size < fmt.block_bytes:
            return ImageView(0, 0, False, 0, access, gl_format)
        tex = names.create(GL.glCreateTextures, GL.GL_TEXTURE_BUFFER)
        GL.glTextureBufferRange(tex, gl_format, base, offset, size)
        return ImageView(tex, 0, True, 0, access, gl_format, owned=True)
    level, first, last = img.level, img.first_layer, img.last_layer
    if level > res.template.last_level:
        raise GuestError(command, f"image level {level} of a texture with levels 0..{res.template.last_level}")
    lv = res.layout.levels[level]
    layers = lv.depth
    if first > last or last >= layers:
        raise GuestError(command, f"image layers {first}..{last} outside 0..{layers - 1}")
    # One layer of a layered texture binds that layer alone; otherwise the whole level.
    layered = not (layers > 1 and first == last)
    return ImageView(base, level, layered, first if not layered else 0, access, gl_format)


@handles(d.SetShaderImages, pure=True)
def _set_shader_images(ex: Executor, cmd: d.SetShaderImages) -> None:
    command = "SET_SHADER_IMAGES"
    sub = ex.current(command)
    sub.dirty |= D_RES
    # Checked GL calls below (buffer textures): earlier draws' errors are theirs.
    # Deleting a texture bound to an image unit unbinds it: D_RES re-binds.
    if ex.drawing.unchecked:
        ex.drawing.check_pending(ex)
    slots = sub.shader_images[cmd.shader_type]
    for i, img in enumerate(cmd.images):
        slot = cmd.start_slot + i
        old = slots.get(slot)
        if img.res_handle:
            storage = ex.resource(img.res_handle, command).storage
            source = _image_source(img)
            # Guests re-send every slot when one changes: a slot bound to what
            # it already holds keeps its view (for buffers, its texture).
            if old is not None and old.storage is storage and old.source == source:
                continue
        if old is not None:
            del slots[slot]
            _retire(sub, old)
        if img.res_handle:
            # A texture's view holds no GL object of its own: one per binding, kept
            # for the submit (guests alternate between a few images).
            key = (id(storage), source)
            view = sub.image_views.get(key)
            if view is None or view.storage is not storage:
                view = _spare_image(sub, storage, source) or _new_image(ex, command, img)
                view.storage, view.source = storage, source
                if not view.owned:
                    if len(sub.image_views) >= MAX_IMAGE_VIEWS:
                        sub.image_views.clear()
                    sub.image_views[key] = view
            slots[slot] = view


# Buffer-image views replaced within a submit are kept, up to this many per
# sub-context, for the same binding to come back (guests alternate between a
# few buffers): deleting a buffer texture the queued draws still read makes
# the host GL finish them first. All are deleted at the end of the submit.
MAX_SPARE_IMAGES = 32
MAX_IMAGE_VIEWS = 64   # texture-image views kept per sub-context and submit


def _retire(sub, view: ImageView) -> None:
    if not view.owned:
        view.release()
        return
    spares = sub.spare_images
    spares.append(view)
    if len(spares) > MAX_SPARE_IMAGES:
        spares.pop(0).release()


def _spare_image(sub, storage, source: tuple) -> ImageView | None:
    """A kept view made from `storage` with the binding `source`, taken out of the spares; or None."""
    spares = sub.spare_images
    for i, view in enumerate(spares):
        if view.storage is storage and view.source == source:
            return spares.pop(i)
    return None


def end_submit(sub) -> None:
    """Forget the views kept for reuse in this submit (resources may go before the next)."""
    for view in sub.spare_images:
        view.release()
    sub.spare_images.clear()
    sub.image_views.clear()


def _image_source(img: d.ShaderImageBinding) -> tuple:
    return (img.format, img.access, img.layer_offset, img.level_size)


@handles(d.MemoryBarrier)
def _memory_barrier(ex: Executor, cmd: d.MemoryBarrier) -> None:
    bits = 0
    for flag, gl_bits in _BARRIERS:
        if cmd.flags & flag:
            bits |= gl_bits
    if bits:
        GL.glMemoryBarrier(bits)


@handles(d.TextureBarrier)
def _texture_barrier(ex: Executor, cmd: d.TextureBarrier) -> None:
    if cmd.flags & _TEXTURE_BARRIER_SAMPLER:
        GL.glTextureBarrier()


# --- binding for a draw or a dispatch --------------------------------------------------

def _image_units(ex: Executor, program, command: str) -> list:
    """(stage, ImageBinding, unit) for a linked program, its uniforms set on first use.

    Kept on the program object itself: GL reuses the names of deleted programs."""
    found = getattr(program, "image_units", None)
    if found is not None:
        return found
    units = []
    limit = ex.backend.info.limit("GL_MAX_IMAGE_UNITS")
    for stage, t in enumerate(program.stages):
        if t is None:
            continue
        for binding in t.images:
            unit = len(units)
            if unit >= limit:
                ex.skip_with_reason(command, f"more than {limit} images in one program; the rest stay unbound")
                break
            loc = GL.glGetUniformLocation(program.name, binding.uniform_name)
            if loc >= 0:
                GL.glProgramUniform1i(program.name, loc, unit)
            units.append((stage, binding, unit))
    program.image_units = units
    return units


def _gl_buffer(ex: Executor, handle: int, command: str) -> int:
    return getattr(ex.resource(handle, command).storage, "gl_name", 0)


def bind_stage_buffers(ex: Executor, sub, stage: int, t, base: int, command: str) -> None:
    # Unchecked calls: the draw or dispatch checks for errors after them.
    for b in t.buffers:
        slot = base + b.buffer_index
        found = sub.shader_buffers[stage].get(b.buffer_index)
        if found is None or b.buffer_index >= SSBO_SLOTS_PER_STAGE:
            gl.glBindBufferBase(GL.GL_SHADER_STORAGE_BUFFER, slot, 0)
            continue
        handle, offset, length = found
        gl.glBindBufferRange(GL.GL_SHADER_STORAGE_BUFFER, slot, _gl_buffer(ex, handle, command),
                             c_ssize_t(offset), c_ssize_t(length))
    for a in t.atomics:
        found = sub.atomic_buffers.get(a.guest_buffer)
        if found is None:
            gl.glBindBufferBase(GL.GL_ATOMIC_COUNTER_BUFFER, a.binding, 0)
            continue
        handle, offset, length = found
        gl.glBindBufferRange(GL.GL_ATOMIC_COUNTER_BUFFER, a.binding, _gl_buffer(ex, handle, command),
                             c_ssize_t(offset), c_ssize_t(length))


def bind_images(ex: Executor, sub, program, command: str, bound: dict | None = None) -> None:
    """Bind each image unit of `program`; with `bound` (unit -> view last bound there), only changed ones.

    A view is never changed once made, and a released one is never bound
    again, so the same view object means the same glBindImageTexture."""
    for stage, binding, unit in _image_units(ex, program, command):
        view = sub.shader_images[stage].get(binding.image_index)
        if bound is not None:
            if bound.get(unit, _UNSET) is view:
                continue
            bound[unit] = view
        # Unchecked calls: the draw or dispatch checks for errors after them.
        if view is None or not view.texture:
            gl.glBindImageTexture(unit, 0, 0, 0, 0, GL.GL_READ_ONLY, GL.GL_R32UI)
            continue
        if view.gl_format is None:
            ex.skip_with_reason(command, "an image whose format the host cannot bind to an image unit; "
                                         "it reads as empty")
            gl.glBindImageTexture(unit, 0, 0, 0, 0, GL.GL_READ_ONLY, GL.GL_R32UI)
            continue
        gl.glBindImageTexture(unit, view.texture, view.level, view.layered, view.layer, view.access,
                              view.gl_format)


def bind_for_draw(ex: Executor, sub, program, bound_images: dict) -> None:
    for stage, t in program.buffer_stages:
        bind_stage_buffers(ex, sub, stage, t, stage * SSBO_SLOTS_PER_STAGE, "DRAW_VBO")
    if program.reads_images:
        bind_images(ex, sub, program, "DRAW_VBO", bound_images)


_UNSET = object()


def release_sub_context(sub) -> None:
    end_submit(sub)
    for slots in sub.shader_images:
        for view in slots.values():
            view.release()
        slots.clear()
