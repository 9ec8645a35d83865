"""virgl -> GL format table (pure data) and the probe on the real host context."""
from __future__ import annotations

import pytest

from pyvirgl.backend.gl import formats as GF
from pyvirgl.protocol import formats as F


def by_name(name: str) -> GF.GLFormat:
    return GF.GL_FORMATS[F.BY_NAME[name].id]


def test_table_covers_the_common_formats():
    for name in ("B8G8R8A8_UNORM", "B8G8R8X8_UNORM", "R8G8B8A8_UNORM", "R8G8B8X8_UNORM",
                 "B5G6R5_UNORM", "A8_UNORM", "L8_UNORM", "L8A8_UNORM", "I8_UNORM", "R8_UNORM",
                 "R16G16B16A16_FLOAT", "R32G32B32A32_FLOAT", "R32_UINT", "Z16_UNORM", "Z24X8_UNORM",
                 "Z24_UNORM_S8_UINT", "S8_UINT_Z24_UNORM", "Z32_FLOAT", "Z32_FLOAT_S8X24_UINT",
                 "S8_UINT", "DXT1_RGBA", "DXT5_SRGBA", "RGTC2_UNORM", "BPTC_RGBA_UNORM", "ETC2_RGB8",
                 "ASTC_4x4", "R11G11B10_FLOAT", "R10G10B10A2_UNORM", "B8G8R8A8_SRGB"):
        assert GF.lookup(F.BY_NAME[name].id) is not None, name


def test_byte_order_choices():
    assert (by_name("B8G8R8A8_UNORM").format, by_name("B8G8R8A8_UNORM").type) == (GF.BGRA, GF.UNSIGNED_BYTE)
    assert by_name("B8G8R8X8_UNORM").swizzle == GF.RGB1
    assert by_name("A8R8G8B8_UNORM").type == GF.UNSIGNED_INT_8_8_8_8
    assert by_name("B5G6R5_UNORM").type == GF.UNSIGNED_SHORT_5_6_5
    assert by_name("R5G6B5_UNORM").type == GF.UNSIGNED_SHORT_5_6_5_REV
    assert by_name("R32G32B32X32_UINT").format == GF.RGBA_INTEGER and by_name("R32G32B32X32_UINT").swizzle == GF.RGB1


def test_legacy_formats_are_swizzle_emulated():
    a8 = by_name("A8_UNORM")
    assert a8.format == GF.RED and a8.swizzle == (GF.ZERO, GF.ZERO, GF.ZERO, GF.RED) and a8.emulated == "alpha"
    assert by_name("L8A8_UNORM").swizzle == (GF.RED, GF.RED, GF.RED, GF.GREEN)
    assert by_name("A8L8_UNORM").swizzle == (GF.GREEN, GF.GREEN, GF.GREEN, GF.RED)
    assert by_name("I16_FLOAT").swizzle == (GF.RED,) * 4
    assert by_name("L32A32_SINT").format == GF.RG_INTEGER


def test_depth_stencil_rows():
    z24s8 = by_name("Z24_UNORM_S8_UINT")
    assert z24s8.attachment == GF.Attachment.DEPTH_STENCIL
    assert z24s8.conversion == GF.Conversion.Z24S8_TO_S8Z24
    assert by_name("S8_UINT_Z24_UNORM").conversion == GF.Conversion.NONE
    assert by_name("Z24X8_UNORM").conversion == GF.Conversion.Z24_IN_LOW_BITS
    assert by_name("Z16_UNORM").attachment == GF.Attachment.DEPTH
    assert by_name("S8_UINT").attachment == GF.Attachment.STENCIL


def test_every_row_has_a_known_format_and_consistent_kind():
    for fid, g in GF.GL_FORMATS.items():
        info = F.FORMATS[fid]
        assert g.compressed == info.compressed, info.name
        if info.is_stencil:   # stencil-only views of packed formats keep the packed storage
            assert g.format in (GF.STENCIL_INDEX, GF.DEPTH_STENCIL), info.name
        elif info.is_integer and not g.compressed:
            assert g.format in (GF.RED_INTEGER, GF.RG_INTEGER, GF.RGB_INTEGER, GF.RGBA_INTEGER,
                                GF.BGRA_INTEGER), info.name


# --- probing on the host context --------------------------------------------------------

@pytest.fixture(scope="module")
def masks():
    from pyvirgl.backend.gl.egl import HostContext
    try:
        HostContext()   # kept current for the module; the display is shared process-wide
    except Exception as err:  # pragma: no cover - host without EGL
        pytest.skip(f"no host GL: {err}")
    return GF.probe_formats()


@pytest.mark.gl
def test_probe_masks_are_non_trivial(masks):
    for which in ("sampler", "render", "depthstencil", "readback", "multisample"):
        words = getattr(masks, which)
        assert len(words) == 16 and any(words), which
    sampled = set(masks.ids("sampler"))
    assert len(sampled) > 50
    assert set(masks.ids("render")) <= sampled
    assert set(masks.ids("depthstencil")) <= sampled
    assert not set(masks.ids("render")) & set(masks.ids("depthstencil"))
    assert max(sampled) < F.FORMAT_MAX


@pytest.mark.gl
def test_probe_common_formats_on_llvmpipe(masks):
    ids = F.BY_NAME
    assert masks.supports("sampler", ids["B8G8R8A8_UNORM"].id)
    assert masks.supports("render", ids["B8G8R8A8_UNORM"].id)
    assert masks.supports("render", ids["R8G8B8A8_UNORM"].id)
    assert masks.supports("depthstencil", ids["Z24_UNORM_S8_UINT"].id)
    assert masks.supports("depthstencil", ids["S8_UINT_Z24_UNORM"].id)
    assert masks.supports("depthstencil", ids["Z16_UNORM"].id)
    assert masks.supports("sampler", ids["Z24_UNORM_S8_UINT"].id)
    assert masks.supports("sampler", ids["A8_UNORM"].id)
    assert not masks.supports("render", ids["A8_UNORM"].id)      # emulated: sample-only by default
    assert not masks.supports("render", ids["DXT1_RGBA"].id)     # compressed never renders
    assert not masks.supports("sampler", 73)                     # an id the enum skips
    assert set(masks.ids("scanout")) <= set(masks.ids("render"))


@pytest.mark.gl
def test_probe_leaves_gl_clean(masks):
    gl = GF.RawGL()
    assert gl.glGetError() == 0
    again = GF.probe_formats(gl)
    assert again == masks   # deterministic
    assert gl.glGetError() == 0
