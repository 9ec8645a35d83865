"""GL-backed resource storage against the host-memory reference.

Every check writes the same random bytes through a GL storage and through
HostMemoryStorage and compares what each reads back. Byte-exact, except
where the format itself says some bits carry no value (see `meaningful`).
"""
from __future__ import annotations

import ctypes

import numpy as np
import pytest

from pyvirgl.backend.gl.egl import HostContext, HostGLUnavailable

from OpenGL import EGL, GL  # noqa: E402  (egl sets the PyOpenGL platform first)

from pyvirgl.backend.gl import storage as gls  # noqa: E402
from pyvirgl.backend.gl.formats import probe_formats  # noqa: E402
from pyvirgl.protocol import formats  # noqa: E402
from pyvirgl.protocol.types import Box, ResourceTemplate  # noqa: E402
from pyvirgl.protocol.virgl import VirglBind  # noqa: E402
from pyvirgl.renderer.resources import (  # noqa: E402
    BUFFER, CUBE, CUBE_ARRAY, RECT, TEX_1D, TEX_1D_ARRAY, TEX_2D, TEX_2D_ARRAY, TEX_3D,
    HostMemoryStorage, Layout, strided_view,
)

pytestmark = pytest.mark.gl


def _host_and_formats():
    """This module's GL context, and every format the GL mapping has and the host
    can sample from. The context is made at import (the formats parametrize the
    tests) and left alive: terminating the shared EGL display would kill any
    other module's context in this process. Whatever was current before is
    current again afterwards."""
    display, draw, read, previous = (EGL.eglGetCurrentDisplay(), EGL.eglGetCurrentSurface(EGL.EGL_DRAW),
                                     EGL.eglGetCurrentSurface(EGL.EGL_READ), EGL.eglGetCurrentContext())
    try:
        host = HostContext()
    except HostGLUnavailable as err:
        pytest.skip(f"no host GL: {err}", allow_module_level=True)
    try:
        return host, [formats.info(fid) for fid in probe_formats().ids("sampler")]
    finally:
        if previous:
            EGL.eglMakeCurrent(display, draw, read, previous)


HOST, FORMATS = _host_and_formats()


@pytest.fixture(autouse=True)
def current():
    EGL.eglMakeCurrent(HOST.display, EGL.EGL_NO_SURFACE, EGL.EGL_NO_SURFACE, HOST.context)
    assert GL.glGetError() == GL.GL_NO_ERROR
    yield
    assert GL.glGetError() == GL.GL_NO_ERROR


# -- helpers ------------------------------------------------------------------------------

def tex_param(name: int, pname: int) -> int:
    out = (ctypes.c_int * 1)()
    GL.glGetTextureParameteriv(name, pname, out)
    return out[0]


FORMAT_IDS = [f.name for f in FORMATS]
BY_NAME = {f.name: f for f in FORMATS}


def template(fmt: int, target: int, width: int, height: int = 1, depth: int = 1, array_size: int = 1,
             last_level: int = 0, nr_samples: int = 0, bind: int = VirglBind.SAMPLER_VIEW):
    return ResourceTemplate(1, target, fmt, bind, width, height, depth, array_size, last_level, nr_samples)


def make(t: ResourceTemplate):
    layout = Layout(t)
    st = gls.create_storage(layout)
    assert st is not None, f"{formats.info(t.format).name} target {t.target} not held in GL"
    return layout, st, HostMemoryStorage(layout)


def meaningful(info: formats.FormatInfo, data: np.ndarray) -> np.ndarray:
    """The bits of `data` that carry a value.

    Padding (X channels) of depth/stencil formats is not stored by GL (Z24X8
    lives in a 24-bit depth texture) and reads back as 0."""
    if not info.is_depth_stencil or "X" not in info.channels:
        return data
    mask, shift = 0, 0
    for letter, bits in zip(info.channels, info.bits):
        if letter != "X":
            mask |= ((1 << bits) - 1) << shift
        shift += bits
    nbytes = info.block_bytes
    mask_bytes = np.frombuffer(mask.to_bytes(nbytes, "little"), np.uint8)
    return data & np.resize(mask_bytes, data.shape[-1])


def random_texels(info: formats.FormatInfo, shape, rng) -> np.ndarray:
    """Random bytes a format can hold exactly.

    Float depth is clamped to [0, 1] by GL on upload (depth buffers only hold
    that range), so float depth gets values in range; every other format gets
    arbitrary bytes, NaN payloads and all."""
    data = rng.integers(0, 256, shape, dtype=np.uint8)
    if info.is_depth and info.kind == "float":
        words = data.reshape(-1, info.block_bytes).view(np.float32)
        words[:, 0] = rng.random(words.shape[0], dtype=np.float32)
    return data


def random_box(layout: Layout, level: int, rng, target: int) -> Box:
    lv = layout.levels[level]
    bw, bh = layout.block_w, layout.block_h
    x = int(rng.integers(0, -(-lv.width // bw))) * bw
    y = int(rng.integers(0, -(-lv.height // bh))) * bh
    z = int(rng.integers(0, lv.depth))
    w = int(rng.integers(1, lv.width - x + 1))
    h = int(rng.integers(1, lv.height - y + 1))
    d = int(rng.integers(1, lv.depth - z + 1))
    return Box(x, y, z, w, h, d)


def full_box(layout: Layout, level: int) -> Box:
    lv = layout.levels[level]
    return Box(0, 0, 0, lv.width, lv.height, lv.depth)


def shape_of(layout: Layout, box: Box):
    return (box.depth, layout.rows(box.height), layout.row_bytes(box.width))


def check_same(info, layout, gl, ref, box=None, levels=None):
    for level in (levels if levels is not None else range(len(layout.levels))):
        b = box or full_box(layout, level)
        got, want = gl.read(level, b), ref.read(level, b)
        assert got.shape == want.shape
        msg = f"{info.name} level {level} box {b}"
        if info.name == "Z32_UNORM":
            # Mesa converts 32-bit normalised depth through a float on every
            # upload path but plain 2D: 24 significant bits survive, so the
            # value may move by half a float step (128 at the top of the range).
            g = got.reshape(-1).view(np.uint32).astype(np.int64)
            w = want.reshape(-1).view(np.uint32).astype(np.int64)
            np.testing.assert_array_less(np.abs(g - w), 129, err_msg=msg)
            continue
        np.testing.assert_array_equal(meaningful(info, got), meaningful(info, want), err_msg=msg)


def scribble(info, layout, gl, ref, rng, writes=4):
    """Random boxes of random bytes at every level, through both storages."""
    target = layout.template.target
    for level in range(len(layout.levels)):
        for _ in range(writes):
            box = random_box(layout, level, rng, target)
            data = random_texels(info, shape_of(layout, box), rng)
            gl.write(level, box, data)
            ref.write(level, box, data)


# -- every supported format -----------------------------------------------------------------

@pytest.mark.parametrize("name", FORMAT_IDS)
def test_format_round_trips_2d_mipmapped(name):
    info = BY_NAME[name]
    rng = np.random.default_rng(info.id)
    bw, bh = info.block_width, info.block_height
    w, h = 7 * bw + 1, 5 * bh + 2   # odd sizes: partial blocks at the edges of every level
    layout, gl, ref = make(template(info.id, TEX_2D, w, h, last_level=3))
    try:
        check_same(info, layout, gl, ref)   # zeros before any write
        scribble(info, layout, gl, ref, rng)
        check_same(info, layout, gl, ref)
        for level in range(len(layout.levels)):
            check_same(info, layout, gl, ref, box=random_box(layout, level, rng, TEX_2D), levels=[level])
    finally:
        gl.release()


@pytest.mark.parametrize("name", FORMAT_IDS)
def test_format_round_trips_2d_array(name):
    info = BY_NAME[name]
    rng = np.random.default_rng(info.id + 1000)
    layout, gl, ref = make(template(info.id, TEX_2D_ARRAY, 3 * info.block_width, 2 * info.block_height,
                                    array_size=3, last_level=1))
    try:
        scribble(info, layout, gl, ref, rng, writes=3)
        check_same(info, layout, gl, ref)
    finally:
        gl.release()


# -- every target -----------------------------------------------------------------------------

TARGET_CASES = {
    "1D": dict(target=TEX_1D, width=37, last_level=3),
    "2D": dict(target=TEX_2D, width=19, height=13, last_level=2),
    "3D": dict(target=TEX_3D, width=9, height=7, depth=5, last_level=2),
    "CUBE": dict(target=CUBE, width=8, height=8, array_size=6, last_level=3),
    "RECT": dict(target=RECT, width=21, height=11),
    "1D_ARRAY": dict(target=TEX_1D_ARRAY, width=33, array_size=4, last_level=2),
    "2D_ARRAY": dict(target=TEX_2D_ARRAY, width=12, height=9, array_size=5, last_level=2),
    "CUBE_ARRAY": dict(target=CUBE_ARRAY, width=8, height=8, array_size=12, last_level=2),
}

# One of each kind of transfer: plain colour, swizzled/packed colour, 3-byte texels,
# integer, float, depth, packed depth+stencil, stencil.
TARGET_FORMATS = ["R8G8B8A8_UNORM", "B8G8R8A8_UNORM", "B5G6R5_UNORM", "R32G32B32_FLOAT",
                  "R32_UINT", "R16G16B16A16_FLOAT", "Z16_UNORM", "Z24X8_UNORM", "S8_UINT_Z24_UNORM",
                  "Z24_UNORM_S8_UINT", "Z32_FLOAT", "Z32_FLOAT_S8X24_UINT", "S8_UINT"]
# One per compressed family, including non-square blocks.
COMPRESSED_FORMATS = ["DXT1_RGB", "DXT5_SRGBA", "RGTC2_SNORM", "BPTC_RGB_FLOAT", "ETC2_RGBA8",
                      "ETC2_R11_UNORM", "ASTC_5x4", "ASTC_12x10_SRGB"]


def _target_params():
    for tname, case in TARGET_CASES.items():
        for fname in TARGET_FORMATS + COMPRESSED_FORMATS:
            if fname in BY_NAME:
                yield pytest.param(tname, fname, id=f"{tname}-{fname}")


@pytest.mark.parametrize("tname,fname", list(_target_params()))
def test_target_round_trips(tname, fname):
    info = BY_NAME[fname]
    case = TARGET_CASES[tname]
    t = template(info.id, **case)
    if gls.create_storage(Layout(t)) is None:
        # GL has no depth/stencil 3D textures and no 1D or rectangle compressed
        # ones (S3TC/RGTC/ETC2 not even 3D); those resources live in host memory.
        assert (info.is_depth_stencil and case["target"] == TEX_3D) or (
            info.compressed and case["target"] in (TEX_1D, TEX_1D_ARRAY, RECT, TEX_3D)), "unexpected fallback"
        return
    rng = np.random.default_rng(sum(map(ord, tname + fname)))
    layout, gl, ref = make(t)
    assert gl.gl_target == gls._TARGETS[case["target"]]
    try:
        check_same(info, layout, gl, ref)
        scribble(info, layout, gl, ref, rng)
        check_same(info, layout, gl, ref)
        # a box spanning several layers / faces / slices in the middle of the image
        lv = layout.levels[0]
        if lv.depth > 2:
            box = Box(0, 0, 1, lv.width, lv.height, lv.depth - 2)
            data = random_texels(info, shape_of(layout, box), rng)
            gl.write(0, box, data)
            ref.write(0, box, data)
            check_same(info, layout, gl, ref, levels=[0])
    finally:
        gl.release()


def test_compressed_3d_falls_back_to_host_memory():
    if "DXT1_RGB" not in BY_NAME:
        pytest.skip("no S3TC on this host")
    layout = Layout(template(BY_NAME["DXT1_RGB"].id, TEX_3D, 8, 8, 4))
    assert gls.create_storage(layout) is None


# -- transfers from strided guest memory ------------------------------------------------------

@pytest.mark.parametrize("fname", ["R8G8B8A8_UNORM", "R32G32B32_FLOAT", "B5G6R5_UNORM", "Z24X8_UNORM",
                                   "DXT5_RGBA"])
@pytest.mark.parametrize("tname", ["2D_ARRAY", "1D_ARRAY", "3D"])
def test_strided_source(tname, fname):
    """A box inside a larger guest image, as the renderer hands it over (a view on
    guest memory). GL walks strides of whole texels / rows itself; others are copied."""
    info = BY_NAME[fname]
    t = template(info.id, **TARGET_CASES[tname])
    if gls.create_storage(Layout(t)) is None:
        pytest.skip("held in host memory (no such GL texture)")
    rng = np.random.default_rng(7)
    layout, gl, ref = make(t)
    try:
        lv = layout.levels[0]
        box = Box(info.block_width * 2, 0, 1, lv.width - info.block_width * 2, lv.height, lv.depth - 1)
        rows, row_bytes = layout.rows(box.height), layout.row_bytes(box.width)
        bpp = info.block_bytes
        for stride, layer_stride in ((row_bytes, row_bytes * rows),          # tightly packed
                                     (lv.stride, lv.stride * rows),          # the level's natural strides
                                     (row_bytes + 5 * bpp, (row_bytes + 5 * bpp) * (rows + 2)),
                                     (row_bytes + 3, (row_bytes + 3) * rows + 7),   # odd: needs a copy
                                     (row_bytes + bpp, (row_bytes + bpp) * rows + 64)):
            memory = random_texels(info, (layer_stride * box.depth + 16,), rng)
            view = strided_view(memoryview(memory), 16, layout, box, stride, layer_stride)
            gl.write(0, box, view)
            ref.write(0, box, view)
            check_same(info, layout, gl, ref, levels=[0])
            if gl.compressed or gl._repack is not None:
                continue
            gl_rows = layer_stride if tname == "1D_ARRAY" else stride
            walkable = gl_rows % bpp == 0 and (tname == "1D_ARRAY" or layer_stride % stride == 0)
            assert (gl._unpack_source(view)[0] is view) == walkable, (stride, layer_stride)
    finally:
        gl.release()


# -- depth/stencil byte orders ----------------------------------------------------------------

@pytest.mark.parametrize("fname,z_shift,s_shift", [("S8_UINT_Z24_UNORM", 8, 0),
                                                   ("Z24_UNORM_S8_UINT", 0, 24),
                                                   ("Z24X8_UNORM", 0, None),
                                                   ("X8Z24_UNORM", 8, None)])
def test_packed_depth_lands_in_gl_as_depth(fname, z_shift, s_shift):
    """Not just a round trip: GL must see the guest's Z as depth and S as stencil."""
    if fname not in BY_NAME:
        pytest.skip(f"{fname} not held in GL on this host")
    info = BY_NAME[fname]
    layout, gl, ref = make(template(info.id, TEX_2D, 4, 1))
    try:
        z = np.array([0, 0x123456, 0xFFFFFF, 0x800000], np.uint32)
        s = np.array([0x5A, 0, 0xFF, 1], np.uint32)
        word = z << z_shift
        if s_shift is not None:
            word |= s << s_shift
        gl.write(0, Box(0, 0, 0, 4, 1, 1), word.view(np.uint8).reshape(1, 1, 16))
        depth = np.zeros(4, np.float32)
        GL.glGetTextureImage(gl.gl_name, 0, GL.GL_DEPTH_COMPONENT, GL.GL_FLOAT, depth.nbytes, depth)
        np.testing.assert_allclose(depth, z / float(0xFFFFFF), rtol=0, atol=1e-7)
        if s_shift is not None:
            stencil = np.zeros(4, np.uint8)
            GL.glGetTextureImage(gl.gl_name, 0, GL.GL_STENCIL_INDEX, GL.GL_UNSIGNED_BYTE, 4, stencil)
            np.testing.assert_array_equal(stencil, s)
    finally:
        gl.release()


# -- multisample -------------------------------------------------------------------------------

@pytest.mark.parametrize("target,layers", [(TEX_2D, 1), (TEX_2D_ARRAY, 3)])
@pytest.mark.parametrize("fname", ["R8G8B8A8_UNORM", "R32_UINT", "Z24_UNORM_S8_UINT", "Z32_FLOAT"])
def test_multisample_reads_resolved(target, layers, fname):
    if fname not in BY_NAME:
        pytest.skip(f"{fname} not held in GL on this host")
    info = BY_NAME[fname]
    layout, gl, ref = make(template(info.id, target, 8, 6, array_size=layers, nr_samples=4))
    try:
        assert gl.gl_target == (GL.GL_TEXTURE_2D_MULTISAMPLE if target == TEX_2D
                                else GL.GL_TEXTURE_2D_MULTISAMPLE_ARRAY)
        check_same(info, layout, gl, ref)   # zero-filled
        # Every sample of every pixel set to one value resolves to that value.
        rng = np.random.default_rng(3)
        texel = random_texels(info, (info.block_bytes,), rng)
        gl_texel = gl._repack.to_gl(texel) if gl._repack else texel
        glf = gl.gl_format
        GL.glClearTexImage(gl.gl_name, 0, glf.format, glf.type, gl_texel)
        box = Box(1, 2, layers - 1, 5, 3, 1)
        got = gl.read(0, box)
        want = np.broadcast_to(np.tile(texel, box.width), got.shape)
        np.testing.assert_array_equal(meaningful(info, got), meaningful(info, np.ascontiguousarray(want)))
        with pytest.raises(gls.HostLimitation):
            gl.write(0, box, got)
    finally:
        gl.release()


# -- buffers --------------------------------------------------------------------------------

@pytest.mark.parametrize("bind,gl_target", [
    (VirglBind.VERTEX_BUFFER, GL.GL_ARRAY_BUFFER), (VirglBind.INDEX_BUFFER, GL.GL_ELEMENT_ARRAY_BUFFER),
    (VirglBind.CONSTANT_BUFFER, GL.GL_UNIFORM_BUFFER), (VirglBind.SHADER_BUFFER, GL.GL_SHADER_STORAGE_BUFFER),
    (VirglBind.SAMPLER_VIEW, GL.GL_TEXTURE_BUFFER), (VirglBind.STREAM_OUTPUT, GL.GL_TRANSFORM_FEEDBACK_BUFFER),
    (VirglBind.VERTEX_BUFFER | VirglBind.SAMPLER_VIEW, GL.GL_TEXTURE_BUFFER), (0, GL.GL_ARRAY_BUFFER)])
def test_buffer_round_trips(bind, gl_target):
    fmt = formats.VirglFormat.R8_UNORM
    layout, gl, ref = make(template(fmt, BUFFER, 1000, bind=bind))
    try:
        assert isinstance(gl, gls.GLBufferStorage)
        assert gl.gl_target == gl_target and GL.glIsBuffer(gl.gl_name)
        full = Box(0, 0, 0, 1000, 1, 1)
        np.testing.assert_array_equal(gl.read(0, full), np.zeros((1, 1, 1000), np.uint8))
        rng = np.random.default_rng(bind)
        for _ in range(10):
            x = int(rng.integers(0, 1000))
            w = int(rng.integers(1, 1001 - x))
            box = Box(x, 0, 0, w, 1, 1)
            data = rng.integers(0, 256, (1, 1, w), dtype=np.uint8)
            gl.write(0, box, data)
            ref.write(0, box, data)
        np.testing.assert_array_equal(gl.read(0, full), ref.read(0, full))
        np.testing.assert_array_equal(gl.read(0, Box(17, 0, 0, 300, 1, 1)), ref.read(0, Box(17, 0, 0, 300, 1, 1)))
    finally:
        name = gl.gl_name
        gl.release()
        assert not GL.glIsBuffer(name) and gl.gl_name == 0
        gl.release()   # twice is harmless


@pytest.mark.parametrize("bind", [VirglBind.CUSTOM, VirglBind.STAGING, VirglBind.CUSTOM | VirglBind.STAGING])
def test_host_only_buffers_stay_in_host_memory(bind):
    assert gls.create_storage(Layout(template(formats.VirglFormat.R8_UNORM, BUFFER, 64, bind=bind))) is None


# -- object lifetime and what the executor sees ---------------------------------------------------

def test_texture_attributes_and_release():
    info = BY_NAME["R8G8B8A8_UNORM"]
    layout, gl, _ = make(template(info.id, TEX_2D_ARRAY, 16, 16, array_size=2, last_level=4))
    assert isinstance(gl, gls.GLTextureStorage)
    assert gl.gl_target == GL.GL_TEXTURE_2D_ARRAY
    assert gl.gl_internal_format == gl.gl_format.internal_format == GL.GL_RGBA8
    assert gl.levels == 5 and gl.samples == 0
    name = gl.gl_name
    assert GL.glIsTexture(name)
    assert tex_param(name, GL.GL_TEXTURE_IMMUTABLE_FORMAT) == GL.GL_TRUE
    assert tex_param(name, GL.GL_TEXTURE_IMMUTABLE_LEVELS) == 5
    gl.release()
    assert not GL.glIsTexture(name) and gl.gl_name == 0
    gl.release()


def test_transfers_leave_pixel_store_at_defaults():
    info = BY_NAME["R8G8B8A8_UNORM"]
    layout, gl, _ = make(template(info.id, TEX_2D, 8, 8))
    try:
        big = np.zeros((1, 8, 64), np.uint8)
        gl.write(0, Box(1, 1, 0, 3, 3, 1), big[:, :3, 4:16])
        gl.read(0, Box(1, 1, 0, 3, 3, 1))
        for pname, default in ((GL.GL_UNPACK_ALIGNMENT, 4), (GL.GL_UNPACK_ROW_LENGTH, 0),
                               (GL.GL_UNPACK_IMAGE_HEIGHT, 0), (GL.GL_PACK_ALIGNMENT, 4),
                               (GL.GL_PACK_ROW_LENGTH, 0), (GL.GL_PACK_IMAGE_HEIGHT, 0)):
            assert GL.glGetIntegerv(pname) == default
    finally:
        gl.release()
