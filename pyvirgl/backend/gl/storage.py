"""Resource storage on real GL objects: buffers and immutable textures.

These classes implement `pyvirgl.renderer.resources.Storage` so that guest
transfers land directly in the GL objects the command executor draws with.
The renderer has already checked every box against the resource's layout, so
nothing here validates guest input again; a GL error escaping from here is a
host bug (PyOpenGL raises it).

Conventions the executor can rely on:
- All objects are made with direct state access, so no binding is disturbed,
  except that a transfer leaves GL_PIXEL_(UN)PACK_BUFFER bound to 0 and the
  pixel-store state at GL's defaults (the executor must not keep a pixel
  buffer bound across transfers).
- Arrays in and out are uint8, shaped (layers, block rows, row bytes): the
  box's bytes, tightly packed per row, in the guest's (Gallium's) byte order.
- The context that created a storage must be current when it is used.
- Storage that GL cannot back (CUSTOM/STAGING-only buffers, 3D depth,
  1D/rectangle compressed, formats without a GL mapping) is not made:
  `create_storage` returns None and the renderer keeps host memory.
- Writing into a multisample texture raises HostLimitation (Mesa's guest
  driver never does it: it resolves through a blit on its side).
"""
from __future__ import annotations

import ctypes
import logging
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable

import numpy as np
from OpenGL import GL
from OpenGL.error import GLError
from OpenGL.raw.GL.VERSION import GL_4_4 as _gl44
from OpenGL.raw.GL.VERSION import GL_4_5 as _dsa

from pyvirgl.backend.gl import formats as glformats
from pyvirgl.backend.gl.formats import Attachment, GLFormat
from pyvirgl.protocol import formats
from pyvirgl.protocol.types import Box
from pyvirgl.protocol.virgl import VirglBind

log = logging.getLogger("pyvirgl.gl.storage")

# Gallium texture targets (same numbering as pyvirgl.renderer.resources).
BUFFER, TEX_1D, TEX_2D, TEX_3D, CUBE, RECT, TEX_1D_ARRAY, TEX_2D_ARRAY, CUBE_ARRAY = range(9)


class HostLimitation(NotImplementedError):
    """The host cannot do this transfer (a gap in pyvirgl, not something the guest did wrong)."""


def gl_mapping(virgl_format: int) -> GLFormat | None:
    """The backend format table's row for a format (the one place this module reads the table)."""
    return glformats.lookup(virgl_format)


# -- byte-order fixes GL's pixel transfer types cannot express ----------------------------

@dataclass(frozen=True)
class _Repack:
    """Guest bytes <-> the bytes GL's (format, type) transfer wants (same size per texel)."""
    to_gl: Callable[[np.ndarray], np.ndarray]    # flat guest uint8 -> flat GL uint8
    from_gl: Callable[[np.ndarray], np.ndarray]  # flat GL uint8 -> flat guest uint8


def _words(fn):
    """Lift a uint32 word transform to a uint8 byte transform (texels are whole words)."""
    return lambda b: fn(b.view(np.uint32)).astype(np.uint32).view(np.uint8)


def _z24_as_z32(z: np.ndarray) -> np.ndarray:
    """24-bit depth as the 32-bit normalised value GL converts back to exactly that depth.

    The exact value is z * (2^32-1)/(2^24-1), about z*256 + z/2^16; a quarter
    of a 24-bit step above that still converts to z whether the driver
    truncates or rounds (llvmpipe turns a plain z << 8 into z - 1)."""
    z = z.astype(np.uint64)
    return np.minimum((z << 8) + (z >> 16) + 64, 0xFFFFFFFF)


def _repack_for(info: formats.FormatInfo, glf: GLFormat) -> _Repack | None:
    # GL packs depth+stencil as Z in the high 24 bits and S in the low 8
    # (UNSIGNED_INT_24_8) and unsized UNSIGNED_INT depth as a 32-bit
    # normalised value; Gallium has every other arrangement too.
    name = info.name
    if glf.type == GL.GL_UNSIGNED_INT_24_8:
        if name == "Z24_UNORM_S8_UINT":          # Z low, S high: rotate
            return _Repack(_words(lambda w: (w << 8) | (w >> 24)),
                           _words(lambda g: (g >> 8) | (g << 24)))
        if name == "Z24X8_UNORM":                # Z low; X is padding and reads back 0
            return _Repack(_words(lambda w: w << 8), _words(lambda g: g >> 8))
        if name == "X8Z24_UNORM":
            return _Repack(_words(lambda w: w & 0xFFFFFF00), _words(lambda g: g & 0xFFFFFF00))
    elif glf.type == GL.GL_UNSIGNED_INT and glf.format == GL.GL_DEPTH_COMPONENT and info.depth_bits == 24:
        if name == "Z24X8_UNORM":
            return _Repack(_words(lambda w: _z24_as_z32(w & 0xFFFFFF)), _words(lambda g: g >> 8))
        if name == "X8Z24_UNORM":
            return _Repack(_words(lambda w: _z24_as_z32(w >> 8)), _words(lambda g: g & 0xFFFFFF00))
    return None


# -- small GL helpers ---------------------------------------------------------------------

def _ptr(a: np.ndarray | None) -> ctypes.c_void_p | None:
    return None if a is None else ctypes.c_void_p(a.__array_interface__["data"][0])


def _create(fn, *args) -> int:
    names = (ctypes.c_uint * 1)()
    fn(*args, 1, names)
    return names[0]


_PACK = (GL.GL_PIXEL_PACK_BUFFER, GL.GL_PACK_ALIGNMENT, GL.GL_PACK_ROW_LENGTH, GL.GL_PACK_IMAGE_HEIGHT)
_UNPACK = (GL.GL_PIXEL_UNPACK_BUFFER, GL.GL_UNPACK_ALIGNMENT, GL.GL_UNPACK_ROW_LENGTH,
           GL.GL_UNPACK_IMAGE_HEIGHT)


@contextmanager
def _pixel_store(which, row_length: int = 0, image_height: int = 0):
    """Byte-packed client memory for one transfer; GL's defaults again afterwards."""
    buffer, align, row, height = which
    GL.glBindBuffer(buffer, 0)
    GL.glPixelStorei(align, 1)
    GL.glPixelStorei(row, row_length)
    GL.glPixelStorei(height, image_height)
    try:
        yield
    finally:
        GL.glPixelStorei(align, 4)
        GL.glPixelStorei(row, 0)
        GL.glPixelStorei(height, 0)


@contextmanager
def _disabled(*caps):
    """Turn off state that would alter a blit, restoring it afterwards."""
    was = [bool(GL.glIsEnabled(c)) for c in caps]
    for c in caps:
        GL.glDisable(c)
    try:
        yield
    finally:
        for c, on in zip(caps, was):
            if on:
                GL.glEnable(c)


# -- buffers ------------------------------------------------------------------------------

def _buffer_target(bind: int) -> int:
    """The binding point that fits a buffer's use best (a hint: DSA needs none)."""
    for flag, target in ((VirglBind.INDEX_BUFFER, GL.GL_ELEMENT_ARRAY_BUFFER),
                         (VirglBind.CONSTANT_BUFFER, GL.GL_UNIFORM_BUFFER),
                         (VirglBind.STREAM_OUTPUT, GL.GL_TRANSFORM_FEEDBACK_BUFFER),
                         (VirglBind.COMMAND_ARGS, GL.GL_DRAW_INDIRECT_BUFFER),
                         (VirglBind.QUERY_BUFFER, GL.GL_QUERY_BUFFER),
                         (VirglBind.SHADER_BUFFER, GL.GL_SHADER_STORAGE_BUFFER),
                         (VirglBind.SAMPLER_VIEW, GL.GL_TEXTURE_BUFFER)):
        if bind == flag:
            return target
    if bind & VirglBind.SAMPLER_VIEW:
        return GL.GL_TEXTURE_BUFFER
    return GL.GL_ARRAY_BUFFER


class GLBufferStorage:
    """A PIPE_BUFFER resource as a GL buffer object of `width` bytes, zero-filled."""

    def __init__(self, layout) -> None:
        self.layout = layout
        self.size = layout.template.width
        self.gl_target = _buffer_target(layout.template.bind)
        self.gl_name = _create(_dsa.glCreateBuffers)
        # Mutable storage: the executor may orphan or re-specify it for streaming.
        _dsa.glNamedBufferData(self.gl_name, self.size, None, GL.GL_DYNAMIC_DRAW)
        _dsa.glClearNamedBufferData(self.gl_name, GL.GL_R8UI, GL.GL_RED_INTEGER, GL.GL_UNSIGNED_BYTE, None)

    def write(self, level: int, box: Box, src: np.ndarray) -> None:
        data = np.ascontiguousarray(src)
        _dsa.glNamedBufferSubData(self.gl_name, box.x, box.width, _ptr(data))

    def read(self, level: int, box: Box) -> np.ndarray:
        out = np.empty((1, 1, box.width), np.uint8)
        _dsa.glGetNamedBufferSubData(self.gl_name, box.x, box.width, _ptr(out))
        return out

    def release(self) -> None:
        if self.gl_name:
            for hook in BEFORE_BUFFER_DELETE:
                hook(self)
            GL.glDeleteBuffers(1, [self.gl_name])
            self.gl_name = 0


# Called with a GLBufferStorage about to be deleted. GL refuses to delete a
# buffer that an active transform feedback object holds, so streamout.py
# ends those captures here (it registers itself; storage knows nothing of it).
BEFORE_BUFFER_DELETE: list = []


# -- textures -----------------------------------------------------------------------------

_TARGETS = {TEX_1D: GL.GL_TEXTURE_1D, TEX_2D: GL.GL_TEXTURE_2D, TEX_3D: GL.GL_TEXTURE_3D,
            CUBE: GL.GL_TEXTURE_CUBE_MAP, RECT: GL.GL_TEXTURE_RECTANGLE,
            TEX_1D_ARRAY: GL.GL_TEXTURE_1D_ARRAY, TEX_2D_ARRAY: GL.GL_TEXTURE_2D_ARRAY,
            CUBE_ARRAY: GL.GL_TEXTURE_CUBE_MAP_ARRAY}
_MS_TARGETS = {TEX_2D: GL.GL_TEXTURE_2D_MULTISAMPLE, TEX_2D_ARRAY: GL.GL_TEXTURE_2D_MULTISAMPLE_ARRAY}

# How many coordinates GL's *SubImage* calls take for each target. Cube maps
# and their arrays count as 3D in the DSA calls (z = face / layer-face).
_DIMS = {TEX_1D: 1, TEX_2D: 2, RECT: 2, TEX_1D_ARRAY: 2, TEX_3D: 3, TEX_2D_ARRAY: 3, CUBE: 3,
         CUBE_ARRAY: 3}


# (FBO attachment point, blit mask) per kind of attachment the format table names.
_ATTACHMENTS = {
    Attachment.COLOR: (GL.GL_COLOR_ATTACHMENT0, GL.GL_COLOR_BUFFER_BIT),
    Attachment.DEPTH: (GL.GL_DEPTH_ATTACHMENT, GL.GL_DEPTH_BUFFER_BIT),
    Attachment.STENCIL: (GL.GL_STENCIL_ATTACHMENT, GL.GL_STENCIL_BUFFER_BIT),
    Attachment.DEPTH_STENCIL: (GL.GL_DEPTH_STENCIL_ATTACHMENT, GL.GL_DEPTH_BUFFER_BIT | GL.GL_STENCIL_BUFFER_BIT),
}


def _round_up(v: int, m: int) -> int:
    return -(-v // m) * m


class GLTextureStorage:
    """A texture resource as an immutable GL texture with every level, zero-filled."""

    def __init__(self, layout, glf: GLFormat) -> None:
        t = layout.template
        self.layout = layout
        self.format = formats.info(t.format)
        self.gl_format = glf            # the backend's mapping row: client format/type, swizzle, attachment
        self.gl_internal_format = glf.internal_format
        self.samples = t.nr_samples if t.nr_samples > 1 else 0
        self.levels = len(layout.levels)
        self.target = t.target
        self.gl_target = (_MS_TARGETS if self.samples else _TARGETS)[t.target]
        self.compressed = self.format.compressed
        self._repack = _repack_for(self.format, glf)
        self.gl_name = _create(_dsa.glCreateTextures, self.gl_target)
        try:
            self._allocate()
            self._zero_fill()
        except Exception:
            self.release()
            raise

    # The texture's (width, height, depth-or-layers) in GL's terms: 1D arrays keep layers in y.
    def _gl_extent(self, level: int) -> tuple[int, int, int]:
        lv = self.layout.levels[level]
        if self.target == TEX_1D_ARRAY:
            return lv.width, lv.depth, 1
        return lv.width, lv.height, lv.depth

    def _allocate(self) -> None:
        name, ifmt = self.gl_name, self.gl_internal_format
        w, h, d = self._gl_extent(0)
        if self.samples:
            if self.target == TEX_2D:
                _dsa.glTextureStorage2DMultisample(name, self.samples, ifmt, w, h, GL.GL_TRUE)
            else:
                _dsa.glTextureStorage3DMultisample(name, self.samples, ifmt, w, h, d, GL.GL_TRUE)
        elif self.target == TEX_1D:
            _dsa.glTextureStorage1D(name, self.levels, ifmt, w)
        elif _DIMS[self.target] == 2 or self.target == CUBE:
            _dsa.glTextureStorage2D(name, self.levels, ifmt, w, h)
        else:
            _dsa.glTextureStorage3D(name, self.levels, ifmt, w, h, d)

    def _zero_fill(self) -> None:
        # Immutable storage starts undefined; the guest must never see old host memory.
        if not self.compressed:
            glf = self.gl_format
            for level in range(self.levels):
                _gl44.glClearTexImage(self.gl_name, level, glf.format, glf.type, None)
            return
        # Compressed images cannot be cleared; upload zero blocks instead.
        for level, lv in enumerate(self.layout.levels):
            zeros = np.zeros(lv.size, np.uint8)
            self.write(level, Box(0, 0, 0, lv.width, lv.height, lv.depth),
                       zeros.reshape(lv.depth, -1, lv.stride))

    def _gl_box(self, level: int, box: Box) -> tuple[int, int, int, int, int, int]:
        """(x, y, z, w, h, d) of the box in GL's image coordinates."""
        x, y, z, w, h, d = box.x, box.y, box.z, box.width, box.height, box.depth
        if self.target == TEX_1D_ARRAY:
            y, z, h, d = z, 0, d, 1
        if self.compressed:
            # GL wants whole blocks unless they are cut by the image's edge; the
            # guest's data holds whole blocks either way.
            gw, gh, _ = self._gl_extent(level)
            w = min(_round_up(w, self.format.block_width), gw - x)
            h = min(_round_up(h, self.format.block_height), gh - y)
        return x, y, z, w, h, d

    def _compressed_slabs(self, z: int, d: int, data: np.ndarray):
        """(first layer, layer count, contiguous bytes) pieces of a compressed transfer.

        Mesa 22.3 walks a part of several cube faces with the wrong face
        stride for compressed images (cube arrays and 2D arrays are fine), so
        cube maps go one face at a time."""
        if self.target != CUBE or d == 1:
            yield z, d, data
            return
        for i in range(d):
            yield z + i, 1, data[i]

    def write(self, level: int, box: Box, src: np.ndarray) -> None:
        if self.samples:
            raise HostLimitation("uploading into a multisample texture is not supported by this host")
        x, y, z, w, h, d = self._gl_box(level, box)
        dims, name, glf = _DIMS[self.target], self.gl_name, self.gl_format
        if self.compressed:
            data = np.ascontiguousarray(src)
            with _pixel_store(_UNPACK):
                for z0, d0, part in self._compressed_slabs(z, d, data):
                    n, p = part.nbytes, _ptr(part)
                    if dims == 2:
                        _dsa.glCompressedTextureSubImage2D(name, level, x, y, w, h, glf.internal_format, n, p)
                    else:
                        _dsa.glCompressedTextureSubImage3D(name, level, x, y, z0, w, h, d0,
                                                           glf.internal_format, n, p)
            return
        data, row_length, image_height = self._unpack_source(src)
        with _pixel_store(_UNPACK, row_length, image_height):
            if dims == 1:
                _dsa.glTextureSubImage1D(name, level, x, w, glf.format, glf.type, _ptr(data))
            elif dims == 2:
                _dsa.glTextureSubImage2D(name, level, x, y, w, h, glf.format, glf.type, _ptr(data))
            else:
                _dsa.glTextureSubImage3D(name, level, x, y, z, w, h, d, glf.format, glf.type, _ptr(data))

    def _unpack_source(self, src: np.ndarray) -> tuple[np.ndarray, int, int]:
        """The bytes GL reads, with the row length and image height (texels, rows) to walk them.

        The guest's box usually sits inside a larger strided image in shared
        memory; GL can walk those strides itself, which saves a copy of the
        whole box. Only strides that are not whole texels / rows need one."""
        if self._repack is not None:
            flat = np.ascontiguousarray(src).reshape(-1)
            return self._repack.to_gl(flat), 0, 0
        bpp = self.format.block_bytes
        layers, rows, row_bytes = src.shape
        layer_stride, row_stride, unit = src.strides
        if self.target == TEX_1D_ARRAY:   # GL's rows are our layers
            rows, row_stride, layers = layers, layer_stride, 1
        row_stride = row_stride if rows > 1 else row_bytes
        layer_stride = layer_stride if layers > 1 else row_stride * rows
        if (unit == 1 and row_stride % bpp == 0 and layer_stride % row_stride == 0
                and row_stride >= row_bytes and layer_stride >= row_stride * rows):
            return src, row_stride // bpp, layer_stride // row_stride
        return np.ascontiguousarray(src), 0, 0

    # -- copies on the host ----------------------------------------------------------------

    def copy_to(self, level: int, box: Box, dst: "GLTextureStorage", dst_level: int, dst_box: Box) -> None:
        """Copy texels GL-side (glCopyImageSubData): how multisample data moves,
        since samples cannot pass through client memory. Boxes are checked."""
        sx, sy, sz, w, h, d = self._gl_box(level, box)
        dx, dy, dz, _, _, _ = dst._gl_box(dst_level, dst_box)
        GL.glCopyImageSubData(self.gl_name, self.gl_target, level, sx, sy, sz,
                              dst.gl_name, dst.gl_target, dst_level, dx, dy, dz, w, h, d)

    # -- reads ----------------------------------------------------------------------------

    def read(self, level: int, box: Box) -> np.ndarray:
        lo = self.layout
        out = np.empty((box.depth, lo.rows(box.height), lo.row_bytes(box.width)), np.uint8)
        x, y, z, w, h, d = self._gl_box(level, box)
        if self.compressed:
            with _pixel_store(_PACK):
                for z0, d0, part in self._compressed_slabs(z, d, out):
                    _dsa.glGetCompressedTextureSubImage(self.gl_name, level, x, y, z0, w, h, d0,
                                                        part.nbytes, _ptr(part))
            return out
        if self.samples:
            gl_out = self._read_resolved(box)
        else:
            gl_out = self._gl_read(self.gl_name, level, (x, y, z, w, h, d), box)
        if self._repack is not None:
            gl_out = self._repack.from_gl(gl_out.reshape(-1))
        if gl_out.dtype == np.uint8 and gl_out.size == out.size:
            return gl_out.reshape(out.shape)   # already tightly packed: no second copy
        out.reshape(-1)[...] = gl_out.reshape(-1)
        return out

    def read_into(self, level: int, box: Box, out: np.ndarray) -> bool:
        """Read straight into `out` (the guest's memory) when no conversion is needed.

        Returns False, having done nothing, when `out` is not one tightly packed
        block of exactly the bytes GL returns; the caller then copies `read`'s result.
        """
        if self.compressed or self.samples or self._repack is not None:
            return False
        size = box.width * box.height * box.depth * self.format.block_bytes
        if out.dtype != np.uint8 or out.size != size or not out.flags.c_contiguous:
            return False
        glf = self.gl_format
        with _pixel_store(_PACK):
            _dsa.glGetTextureSubImage(self.gl_name, level, *self._gl_box(level, box), glf.format, glf.type,
                                      size, _ptr(out))
        return True

    def _gl_read(self, name: int, level: int, gl_box, box: Box) -> np.ndarray:
        buf = np.empty(box.width * box.height * box.depth * self.format.block_bytes, np.uint8)
        glf = self.gl_format
        with _pixel_store(_PACK):
            _dsa.glGetTextureSubImage(name, level, *gl_box, glf.format, glf.type, buf.nbytes, _ptr(buf))
        return buf

    def _read_resolved(self, box: Box) -> np.ndarray:
        """Samples cannot be read directly: resolve each layer into a plain texture first
        (what a guest reading a multisample resource gets from the C host too)."""
        attach, mask = _ATTACHMENTS[self.gl_format.attachment]
        temp = _create(_dsa.glCreateTextures, GL.GL_TEXTURE_2D)
        fbos = (ctypes.c_uint * 2)()
        _dsa.glCreateFramebuffers(2, fbos)
        src_fbo, dst_fbo = fbos[0], fbos[1]
        try:
            _dsa.glTextureStorage2D(temp, 1, self.gl_internal_format, box.width, box.height)
            _dsa.glNamedFramebufferTexture(dst_fbo, attach, temp, 0)
            color = attach == GL.GL_COLOR_ATTACHMENT0
            _dsa.glNamedFramebufferReadBuffer(src_fbo, attach if color else GL.GL_NONE)
            _dsa.glNamedFramebufferDrawBuffer(dst_fbo, attach if color else GL.GL_NONE)
            parts = []
            with _disabled(GL.GL_SCISSOR_TEST, GL.GL_FRAMEBUFFER_SRGB, GL.GL_RASTERIZER_DISCARD):
                for layer in range(box.z, box.z + box.depth):
                    if self.target == TEX_2D:
                        _dsa.glNamedFramebufferTexture(src_fbo, attach, self.gl_name, 0)
                    else:
                        _dsa.glNamedFramebufferTextureLayer(src_fbo, attach, self.gl_name, 0, layer)
                    _dsa.glBlitNamedFramebuffer(src_fbo, dst_fbo, box.x, box.y, box.x + box.width,
                                                box.y + box.height, 0, 0, box.width, box.height,
                                                mask, GL.GL_NEAREST)
                    one = Box(0, 0, 0, box.width, box.height, 1)
                    parts.append(self._gl_read(temp, 0, (0, 0, 0, box.width, box.height, 1), one))
            return np.concatenate(parts)
        finally:
            GL.glDeleteFramebuffers(2, fbos)
            GL.glDeleteTextures(1, [temp])

    def release(self) -> None:
        if self.gl_name:
            GL.glDeleteTextures(1, [self.gl_name])
            self.gl_name = 0


# -- the factory --------------------------------------------------------------------------

_HOST_ONLY_BINDS = VirglBind.CUSTOM | VirglBind.STAGING


def create_storage(layout):
    """GL storage for a resource, or None where host memory serves it better or GL cannot hold it.

    Host memory keeps fence/staging buffers (only CUSTOM/STAGING bind: the
    guest reads them back, GL never uses them) and any format or target the
    host GL cannot allocate; transfers still work for those."""
    t = layout.template
    if t.target == BUFFER:
        if t.bind and not t.bind & ~_HOST_ONLY_BINDS:
            return None
        return GLBufferStorage(layout)
    info = formats.info(t.format)
    if not info.compressed and (info.block_width, info.block_height) != (1, 1):
        return None   # subsampled video formats have no GL texture format
    glf = gl_mapping(t.format)
    if glf is None:
        return None
    try:
        return GLTextureStorage(layout, glf)
    except GLError as err:
        # e.g. a compressed format on a 3D target, or a sample count the format lacks
        log.info("format %s target %d stays in host memory: %s", info.name, t.target, err)
        return None
