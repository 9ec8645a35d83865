"""The format table and its size arithmetic."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pyvirgl.protocol import formats as F
from pyvirgl.protocol import virgl as V

HW = Path("/work/ref/mesa-22.3.6/src/virtio/virtio-gpu/virgl_hw.h")


def test_ids_and_names_match_virgl_hw():
    if not HW.exists():
        pytest.skip("Mesa reference tree not available")
    text = HW.read_text()
    body = text[text.index("enum virgl_formats {"):text.index("VIRGL_FORMAT_MAX /*")]
    declared = {}
    for m in re.finditer(r"VIRGL_FORMAT_(\w+)\s*=\s*(\d+)", body):
        declared.setdefault(int(m.group(2)), set()).add(m.group(1))
    assert set(declared) == set(F.FORMATS)
    for fid, names in declared.items():
        assert F.FORMATS[fid].name in names
    for alias, fid in F.ALIASES.items():
        assert alias in declared[fid]
    assert F.FORMAT_MAX == V.VIRGL_FORMAT_MAX == max(F.FORMATS) + 1


@pytest.mark.parametrize("name,block,bpb,kind,channels,z,s", [
    ("B8G8R8A8_UNORM", (1, 1), 4, "unorm", "BGRA", 0, 0),
    ("B8G8R8X8_UNORM", (1, 1), 4, "unorm", "BGRX", 0, 0),
    ("R8G8B8A8_SRGB", (1, 1), 4, "srgb", "RGBA", 0, 0),
    ("B5G6R5_UNORM", (1, 1), 2, "unorm", "BGR", 0, 0),
    ("R32G32B32_FLOAT", (1, 1), 12, "float", "RGB", 0, 0),
    ("R16G16B16A16_SINT", (1, 1), 8, "sint", "RGBA", 0, 0),
    ("R8_UINT", (1, 1), 1, "uint", "R", 0, 0),
    ("L8A8_UNORM", (1, 1), 2, "unorm", "LA", 0, 0),
    ("A8_UNORM", (1, 1), 1, "unorm", "A", 0, 0),
    ("I16_FLOAT", (1, 1), 2, "float", "I", 0, 0),
    ("A8L8_UNORM", (1, 1), 2, "unorm", "AL", 0, 0),
    ("Z24_UNORM_S8_UINT", (1, 1), 4, "unorm", "ZS", 24, 8),
    ("S8_UINT_Z24_UNORM", (1, 1), 4, "unorm", "SZ", 24, 8),
    ("Z32_FLOAT_S8X24_UINT", (1, 1), 8, "float", "ZSX", 32, 8),
    ("Z16_UNORM", (1, 1), 2, "unorm", "Z", 16, 0),
    ("S8_UINT", (1, 1), 1, "uint", "S", 0, 8),
    ("DXT1_RGB", (4, 4), 8, "unorm", "RGB", 0, 0),
    ("DXT5_SRGBA", (4, 4), 16, "srgb", "RGBA", 0, 0),
    ("RGTC2_SNORM", (4, 4), 16, "snorm", "RG", 0, 0),
    ("BPTC_RGB_UFLOAT", (4, 4), 16, "float", "RGB", 0, 0),
    ("ETC2_RGB8A1", (4, 4), 8, "unorm", "RGBA", 0, 0),
    ("ASTC_10x6_SRGB", (10, 6), 16, "srgb", "RGBA", 0, 0),
    ("R11G11B10_FLOAT", (1, 1), 4, "float", "RGB", 0, 0),
    ("R9G9B9E5_FLOAT", (1, 1), 4, "float", "RGB", 0, 0),
    ("R10G10B10A2_UNORM", (1, 1), 4, "unorm", "RGBA", 0, 0),
    ("A1B5G5R5_UNORM", (1, 1), 2, "unorm", "ABGR", 0, 0),
    ("UYVY", (2, 1), 4, "unorm", "YUV", 0, 0),
    ("NV12", (1, 1), 1, "unorm", "Y", 0, 0),
    ("P010", (1, 1), 2, "unorm", "Y", 0, 0),
])
def test_rows(name, block, bpb, kind, channels, z, s):
    f = F.BY_NAME[name]
    assert (f.block_width, f.block_height) == block
    assert (f.block_bytes, f.kind, f.channels, f.depth_bits, f.stencil_bits) == (bpb, kind, channels, z, s)


def test_plain_bits_add_up():
    for f in F.FORMATS.values():
        assert f.block_bytes * 8 == sum(f.bits) * (1 if f.block_width == 1 else 1), f.name
        if f.layout == F.FormatLayout.PLAIN:
            assert len(f.bits) == len(f.channels), f.name


def test_flags():
    assert F.BY_NAME["DXT1_RGBA"].compressed and not F.BY_NAME["R8_UNORM"].compressed
    assert F.BY_NAME["Z24X8_UNORM"].is_depth and not F.BY_NAME["Z24X8_UNORM"].is_stencil
    assert F.BY_NAME["L16A16_FLOAT"].is_luminance_alpha and not F.BY_NAME["R16G16_FLOAT"].is_luminance_alpha
    assert F.BY_NAME["R32_SINT"].is_integer and not F.BY_NAME["S8_UINT_Z24_UNORM"].is_integer
    assert F.VirglFormat.Z24_UNORM_S8_UINT == 19
    with pytest.raises(F.FormatError):
        F.info(73)   # a gap in the enum


def test_level_sizes():
    rgba = F.BY_NAME["R8G8B8A8_UNORM"]
    assert [F.level_stride(rgba, 100, lvl) for lvl in range(8)] == [400, 200, 100, 48, 24, 12, 4, 4]
    assert F.level_size(rgba, 16, 8, 4, 1) == 8 * 4 * 4 * 2
    assert F.level_size(rgba, 16, 8, 1, 0, layers=6) == 16 * 8 * 4 * 6
    dxt1 = F.BY_NAME["DXT1_RGB"]
    # 13x13 -> 4x4 blocks of 8 bytes; mip 2 is 3x3 -> still one block row
    assert F.level_stride(dxt1, 13, 0) == 32 and F.level_layer_stride(dxt1, 13, 13, 0) == 128
    assert F.level_layer_stride(dxt1, 13, 13, 2) == 8
    assert F.level_layer_stride(dxt1, 13, 13, 5) == 8     # 1x1 still needs a block
    astc = F.BY_NAME["ASTC_12x10"]
    assert F.level_layer_stride(astc, 25, 21, 0) == 3 * 3 * 16


def test_resource_size():
    rgba = F.BY_NAME["R8G8B8A8_UNORM"]
    assert F.resource_size(rgba, 4, 4, 1, 1, 2) == (16 + 4 + 1) * 4
    assert F.resource_size(rgba, 4, 4, 4, 1, 1, is_3d=True) == 64 * 4 + 8 * 4
    assert F.resource_size(rgba, 4, 4, 1, 6, 0, nr_samples=4) == 16 * 4 * 6 * 4


def test_transfer_layout_natural_and_explicit():
    bgra = F.BY_NAME["B8G8R8A8_UNORM"]
    t = F.transfer_layout(bgra, 64, 32, 0, 10, 5, 1)
    assert (t.stride, t.layer_stride, t.size) == (256, 256 * 32, 4 * 256 + 40)
    t = F.transfer_layout(bgra, 64, 32, 1, 10, 5, 2, stride=40, layer_stride=200)
    assert (t.stride, t.layer_stride, t.size) == (40, 200, 200 + 4 * 40 + 40)
    with pytest.raises(F.FormatError):
        F.transfer_layout(bgra, 64, 32, 0, 10, 5, 1, stride=39)
    with pytest.raises(F.FormatError):
        F.transfer_layout(bgra, 64, 32, 0, 10, 5, 2, stride=40, layer_stride=199)
    dxt5 = F.BY_NAME["DXT5_RGBA"]
    t = F.transfer_layout(dxt5, 30, 30, 0, 5, 5, 1)
    assert t.stride == 8 * 16 and t.size == 128 + 2 * 16


def test_box_offset_alignment():
    dxt1 = F.BY_NAME["DXT1_RGB"]
    assert F.box_offset(dxt1, 8, 4, 1, 32, 128) == 128 + 32 + 16
    with pytest.raises(F.FormatError):
        F.box_offset(dxt1, 2, 0, 0, 32, 128)


@given(st.sampled_from(sorted(F.FORMATS)), st.integers(1, 300), st.integers(1, 300), st.integers(1, 8))
def test_box_never_exceeds_natural_level(fid, w, h, d):
    f = F.FORMATS[fid]
    t = F.transfer_layout(f, w, h, 0, w, h, d)
    assert t.size <= t.layer_stride * d
    assert t.size == F.level_size(f, w, h, d, 0)


def test_masks():
    words = F.mask_words([1, 19, 67, 321])
    assert len(words) == 16 and words[0] == (1 << 1) | (1 << 19) and words[2] == 1 << 3
    assert F.mask_ids(words) == [1, 19, 67, 321]
