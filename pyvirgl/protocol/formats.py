"""The virgl format enum as data, and exact size arithmetic for transfers.

Every guest-visible format id (`virgl_hw.h`, protocol 22.3) has one
`FormatInfo` row: its block size and bytes per block, the channel letters in
memory order (least significant bits / lowest address first) with their bit
widths, the numeric kind of the colour (or depth) data, depth/stencil bits
and whether it is block-compressed. Nothing here touches GL.

Channel letters: R G B A = colour; L = luminance (replicated to RGB);
I = intensity (replicated to RGBA); Z = depth; S = stencil; X = padding;
Y/YUV = video (planar rows describe the luma plane only).

The size helpers mirror Gallium's rules (block rounding for compressed
formats, minification per level) so a host can bounds-check TRANSFER3D /
INLINE_WRITE boxes exactly: see `transfer_size`.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass


class FormatLayout(str, enum.Enum):
    PLAIN = "plain"            # uncompressed, channels described bit by bit
    OTHER = "other"            # packed specials: R11G11B10F, R9G9B9E5, R1, R8G8Bx
    SUBSAMPLED = "subsampled"  # 2x1 packed YUV / RGB pairs
    S3TC = "s3tc"
    RGTC = "rgtc"
    ETC = "etc"
    BPTC = "bptc"
    ASTC = "astc"
    PLANAR2 = "planar2"
    PLANAR3 = "planar3"


COMPRESSED_LAYOUTS = frozenset({FormatLayout.S3TC, FormatLayout.RGTC, FormatLayout.ETC,
                                FormatLayout.BPTC, FormatLayout.ASTC})


@dataclass(frozen=True, slots=True)
class FormatInfo:
    id: int
    name: str                 # without the VIRGL_FORMAT_ prefix
    layout: FormatLayout
    block_width: int
    block_height: int
    block_bytes: int          # bytes per block (per pixel for 1x1 blocks)
    kind: str                 # unorm snorm uint sint float uscaled sscaled fixed srgb
    channels: str             # letters in memory order, see module doc
    bits: tuple[int, ...]     # bit width per channel letter (one total for compressed/video)
    depth_bits: int
    stencil_bits: int

    @property
    def compressed(self) -> bool:
        return self.layout in COMPRESSED_LAYOUTS

    @property
    def planar(self) -> bool:
        return self.layout in (FormatLayout.PLANAR2, FormatLayout.PLANAR3)

    @property
    def is_depth(self) -> bool:
        return self.depth_bits > 0

    @property
    def is_stencil(self) -> bool:
        return self.stencil_bits > 0

    @property
    def is_depth_stencil(self) -> bool:
        return self.depth_bits > 0 or self.stencil_bits > 0

    @property
    def is_srgb(self) -> bool:
        return self.kind == "srgb"

    @property
    def is_integer(self) -> bool:
        """Pure integer colour (sampled as ints, not normalised); stencil-only counts too."""
        return self.kind in ("uint", "sint") and not self.is_depth

    @property
    def is_luminance_alpha(self) -> bool:
        """Legacy L / A / I / LA formats that a core-profile host must emulate with swizzles."""
        letters = set(self.channels) - {"X"}
        return bool(letters) and letters <= {"L", "A", "I"}

    @property
    def block_bits(self) -> int:
        return self.block_bytes * 8


def _F(id_, name, layout, bw, bh, bpb, kind, channels, bits, zbits, sbits) -> FormatInfo:
    return FormatInfo(id_, name, FormatLayout(layout), bw, bh, bpb, kind, channels, tuple(bits),
                      zbits, sbits)


# id, name, layout, block w, block h, bytes/block, kind, channels, bits, depth bits, stencil bits
_TABLE = (
    _F(0, "NONE", "plain", 1, 1, 1, "uscaled", "R", (8,), 0, 0),
    _F(1, "B8G8R8A8_UNORM", "plain", 1, 1, 4, "unorm", "BGRA", (8, 8, 8, 8), 0, 0),
    _F(2, "B8G8R8X8_UNORM", "plain", 1, 1, 4, "unorm", "BGRX", (8, 8, 8, 8), 0, 0),
    _F(3, "A8R8G8B8_UNORM", "plain", 1, 1, 4, "unorm", "ARGB", (8, 8, 8, 8), 0, 0),
    _F(4, "X8R8G8B8_UNORM", "plain", 1, 1, 4, "unorm", "XRGB", (8, 8, 8, 8), 0, 0),
    _F(5, "B5G5R5A1_UNORM", "plain", 1, 1, 2, "unorm", "BGRA", (5, 5, 5, 1), 0, 0),
    _F(6, "B4G4R4A4_UNORM", "plain", 1, 1, 2, "unorm", "BGRA", (4, 4, 4, 4), 0, 0),
    _F(7, "B5G6R5_UNORM", "plain", 1, 1, 2, "unorm", "BGR", (5, 6, 5), 0, 0),
    _F(8, "R10G10B10A2_UNORM", "plain", 1, 1, 4, "unorm", "RGBA", (10, 10, 10, 2), 0, 0),
    _F(9, "L8_UNORM", "plain", 1, 1, 1, "unorm", "L", (8,), 0, 0),
    _F(10, "A8_UNORM", "plain", 1, 1, 1, "unorm", "A", (8,), 0, 0),
    _F(11, "I8_UNORM", "plain", 1, 1, 1, "unorm", "I", (8,), 0, 0),
    _F(12, "L8A8_UNORM", "plain", 1, 1, 2, "unorm", "LA", (8, 8), 0, 0),
    _F(13, "L16_UNORM", "plain", 1, 1, 2, "unorm", "L", (16,), 0, 0),
    _F(14, "UYVY", "subsampled", 2, 1, 4, "unorm", "YUV", (32,), 0, 0),
    _F(15, "YUYV", "subsampled", 2, 1, 4, "unorm", "YUV", (32,), 0, 0),
    _F(16, "Z16_UNORM", "plain", 1, 1, 2, "unorm", "Z", (16,), 16, 0),
    _F(17, "Z32_UNORM", "plain", 1, 1, 4, "unorm", "Z", (32,), 32, 0),
    _F(18, "Z32_FLOAT", "plain", 1, 1, 4, "float", "Z", (32,), 32, 0),
    _F(19, "Z24_UNORM_S8_UINT", "plain", 1, 1, 4, "unorm", "ZS", (24, 8), 24, 8),
    _F(20, "S8_UINT_Z24_UNORM", "plain", 1, 1, 4, "unorm", "SZ", (8, 24), 24, 8),
    _F(21, "Z24X8_UNORM", "plain", 1, 1, 4, "unorm", "ZX", (24, 8), 24, 0),
    _F(22, "X8Z24_UNORM", "plain", 1, 1, 4, "unorm", "XZ", (8, 24), 24, 0),
    _F(23, "S8_UINT", "plain", 1, 1, 1, "uint", "S", (8,), 0, 8),
    _F(24, "R64_FLOAT", "plain", 1, 1, 8, "float", "R", (64,), 0, 0),
    _F(25, "R64G64_FLOAT", "plain", 1, 1, 16, "float", "RG", (64, 64), 0, 0),
    _F(26, "R64G64B64_FLOAT", "plain", 1, 1, 24, "float", "RGB", (64, 64, 64), 0, 0),
    _F(27, "R64G64B64A64_FLOAT", "plain", 1, 1, 32, "float", "RGBA", (64, 64, 64, 64), 0, 0),
    _F(28, "R32_FLOAT", "plain", 1, 1, 4, "float", "R", (32,), 0, 0),
    _F(29, "R32G32_FLOAT", "plain", 1, 1, 8, "float", "RG", (32, 32), 0, 0),
    _F(30, "R32G32B32_FLOAT", "plain", 1, 1, 12, "float", "RGB", (32, 32, 32), 0, 0),
    _F(31, "R32G32B32A32_FLOAT", "plain", 1, 1, 16, "float", "RGBA", (32, 32, 32, 32), 0, 0),
    _F(32, "R32_UNORM", "plain", 1, 1, 4, "unorm", "R", (32,), 0, 0),
    _F(33, "R32G32_UNORM", "plain", 1, 1, 8, "unorm", "RG", (32, 32), 0, 0),
    _F(34, "R32G32B32_UNORM", "plain", 1, 1, 12, "unorm", "RGB", (32, 32, 32), 0, 0),
    _F(35, "R32G32B32A32_UNORM", "plain", 1, 1, 16, "unorm", "RGBA", (32, 32, 32, 32), 0, 0),
    _F(36, "R32_USCALED", "plain", 1, 1, 4, "uscaled", "R", (32,), 0, 0),
    _F(37, "R32G32_USCALED", "plain", 1, 1, 8, "uscaled", "RG", (32, 32), 0, 0),
    _F(38, "R32G32B32_USCALED", "plain", 1, 1, 12, "uscaled", "RGB", (32, 32, 32), 0, 0),
    _F(39, "R32G32B32A32_USCALED", "plain", 1, 1, 16, "uscaled", "RGBA", (32, 32, 32, 32), 0, 0),
    _F(40, "R32_SNORM", "plain", 1, 1, 4, "snorm", "R", (32,), 0, 0),
    _F(41, "R32G32_SNORM", "plain", 1, 1, 8, "snorm", "RG", (32, 32), 0, 0),
    _F(42, "R32G32B32_SNORM", "plain", 1, 1, 12, "snorm", "RGB", (32, 32, 32), 0, 0),
    _F(43, "R32G32B32A32_SNORM", "plain", 1, 1, 16, "snorm", "RGBA", (32, 32, 32, 32), 0, 0),
    _F(44, "R32_SSCALED", "plain", 1, 1, 4, "sscaled", "R", (32,), 0, 0),
    _F(45, "R32G32_SSCALED", "plain", 1, 1, 8, "sscaled", "RG", (32, 32), 0, 0),
    _F(46, "R32G32B32_SSCALED", "plain", 1, 1, 12, "sscaled", "RGB", (32, 32, 32), 0, 0),
    _F(47, "R32G32B32A32_SSCALED", "plain", 1, 1, 16, "sscaled", "RGBA", (32, 32, 32, 32), 0, 0),
    _F(48, "R16_UNORM", "plain", 1, 1, 2, "unorm", "R", (16,), 0, 0),
    _F(49, "R16G16_UNORM", "plain", 1, 1, 4, "unorm", "RG", (16, 16), 0, 0),
    _F(50, "R16G16B16_UNORM", "plain", 1, 1, 6, "unorm", "RGB", (16, 16, 16), 0, 0),
    _F(51, "R16G16B16A16_UNORM", "plain", 1, 1, 8, "unorm", "RGBA", (16, 16, 16, 16), 0, 0),
    _F(52, "R16_USCALED", "plain", 1, 1, 2, "uscaled", "R", (16,), 0, 0),
    _F(53, "R16G16_USCALED", "plain", 1, 1, 4, "uscaled", "RG", (16, 16), 0, 0),
    _F(54, "R16G16B16_USCALED", "plain", 1, 1, 6, "uscaled", "RGB", (16, 16, 16), 0, 0),
    _F(55, "R16G16B16A16_USCALED", "plain", 1, 1, 8, "uscaled", "RGBA", (16, 16, 16, 16), 0, 0),
    _F(56, "R16_SNORM", "plain", 1, 1, 2, "snorm", "R", (16,), 0, 0),
    _F(57, "R16G16_SNORM", "plain", 1, 1, 4, "snorm", "RG", (16, 16), 0, 0),
    _F(58, "R16G16B16_SNORM", "plain", 1, 1, 6, "snorm", "RGB", (16, 16, 16), 0, 0),
    _F(59, "R16G16B16A16_SNORM", "plain", 1, 1, 8, "snorm", "RGBA", (16, 16, 16, 16), 0, 0),
    _F(60, "R16_SSCALED", "plain", 1, 1, 2, "sscaled", "R", (16,), 0, 0),
    _F(61, "R16G16_SSCALED", "plain", 1, 1, 4, "sscaled", "RG", (16, 16), 0, 0),
    _F(62, "R16G16B16_SSCALED", "plain", 1, 1, 6, "sscaled", "RGB", (16, 16, 16), 0, 0),
    _F(63, "R16G16B16A16_SSCALED", "plain", 1, 1, 8, "sscaled", "RGBA", (16, 16, 16, 16), 0, 0),
    _F(64, "R8_UNORM", "plain", 1, 1, 1, "unorm", "R", (8,), 0, 0),
    _F(65, "R8G8_UNORM", "plain", 1, 1, 2, "unorm", "RG", (8, 8), 0, 0),
    _F(66, "R8G8B8_UNORM", "plain", 1, 1, 3, "unorm", "RGB", (8, 8, 8), 0, 0),
    _F(67, "R8G8B8A8_UNORM", "plain", 1, 1, 4, "unorm", "RGBA", (8, 8, 8, 8), 0, 0),
    _F(68, "X8B8G8R8_UNORM", "plain", 1, 1, 4, "unorm", "XBGR", (8, 8, 8, 8), 0, 0),
    _F(69, "R8_USCALED", "plain", 1, 1, 1, "uscaled", "R", (8,), 0, 0),
    _F(70, "R8G8_USCALED", "plain", 1, 1, 2, "uscaled", "RG", (8, 8), 0, 0),
    _F(71, "R8G8B8_USCALED", "plain", 1, 1, 3, "uscaled", "RGB", (8, 8, 8), 0, 0),
    _F(72, "R8G8B8A8_USCALED", "plain", 1, 1, 4, "uscaled", "RGBA", (8, 8, 8, 8), 0, 0),
    _F(74, "R8_SNORM", "plain", 1, 1, 1, "snorm", "R", (8,), 0, 0),
    _F(75, "R8G8_SNORM", "plain", 1, 1, 2, "snorm", "RG", (8, 8), 0, 0),
    _F(76, "R8G8B8_SNORM", "plain", 1, 1, 3, "snorm", "RGB", (8, 8, 8), 0, 0),
    _F(77, "R8G8B8A8_SNORM", "plain", 1, 1, 4, "snorm", "RGBA", (8, 8, 8, 8), 0, 0),
    _F(82, "R8_SSCALED", "plain", 1, 1, 1, "sscaled", "R", (8,), 0, 0),
    _F(83, "R8G8_SSCALED", "plain", 1, 1, 2, "sscaled", "RG", (8, 8), 0, 0),
    _F(84, "R8G8B8_SSCALED", "plain", 1, 1, 3, "sscaled", "RGB", (8, 8, 8), 0, 0),
    _F(85, "R8G8B8A8_SSCALED", "plain", 1, 1, 4, "sscaled", "RGBA", (8, 8, 8, 8), 0, 0),
    _F(87, "R32_FIXED", "plain", 1, 1, 4, "fixed", "R", (32,), 0, 0),
    _F(88, "R32G32_FIXED", "plain", 1, 1, 8, "fixed", "RG", (32, 32), 0, 0),
    _F(89, "R32G32B32_FIXED", "plain", 1, 1, 12, "fixed", "RGB", (32, 32, 32), 0, 0),
    _F(90, "R32G32B32A32_FIXED", "plain", 1, 1, 16, "fixed", "RGBA", (32, 32, 32, 32), 0, 0),
    _F(91, "R16_FLOAT", "plain", 1, 1, 2, "float", "R", (16,), 0, 0),
    _F(92, "R16G16_FLOAT", "plain", 1, 1, 4, "float", "RG", (16, 16), 0, 0),
    _F(93, "R16G16B16_FLOAT", "plain", 1, 1, 6, "float", "RGB", (16, 16, 16), 0, 0),
    _F(94, "R16G16B16A16_FLOAT", "plain", 1, 1, 8, "float", "RGBA", (16, 16, 16, 16), 0, 0),
    _F(95, "L8_SRGB", "plain", 1, 1, 1, "srgb", "L", (8,), 0, 0),
    _F(96, "L8A8_SRGB", "plain", 1, 1, 2, "srgb", "LA", (8, 8), 0, 0),
    _F(97, "R8G8B8_SRGB", "plain", 1, 1, 3, "srgb", "RGB", (8, 8, 8), 0, 0),
    _F(98, "A8B8G8R8_SRGB", "plain", 1, 1, 4, "srgb", "ABGR", (8, 8, 8, 8), 0, 0),
    _F(99, "X8B8G8R8_SRGB", "plain", 1, 1, 4, "srgb", "XBGR", (8, 8, 8, 8), 0, 0),
    _F(100, "B8G8R8A8_SRGB", "plain", 1, 1, 4, "srgb", "BGRA", (8, 8, 8, 8), 0, 0),
    _F(101, "B8G8R8X8_SRGB", "plain", 1, 1, 4, "srgb", "BGRX", (8, 8, 8, 8), 0, 0),
    _F(102, "A8R8G8B8_SRGB", "plain", 1, 1, 4, "srgb", "ARGB", (8, 8, 8, 8), 0, 0),
    _F(103, "X8R8G8B8_SRGB", "plain", 1, 1, 4, "srgb", "XRGB", (8, 8, 8, 8), 0, 0),
    _F(104, "R8G8B8A8_SRGB", "plain", 1, 1, 4, "srgb", "RGBA", (8, 8, 8, 8), 0, 0),
    _F(105, "DXT1_RGB", "s3tc", 4, 4, 8, "unorm", "RGB", (64,), 0, 0),
    _F(106, "DXT1_RGBA", "s3tc", 4, 4, 8, "unorm", "RGBA", (64,), 0, 0),
    _F(107, "DXT3_RGBA", "s3tc", 4, 4, 16, "unorm", "RGBA", (128,), 0, 0),
    _F(108, "DXT5_RGBA", "s3tc", 4, 4, 16, "unorm", "RGBA", (128,), 0, 0),
    _F(109, "DXT1_SRGB", "s3tc", 4, 4, 8, "srgb", "RGB", (64,), 0, 0),
    _F(110, "DXT1_SRGBA", "s3tc", 4, 4, 8, "srgb", "RGBA", (64,), 0, 0),
    _F(111, "DXT3_SRGBA", "s3tc", 4, 4, 16, "srgb", "RGBA", (128,), 0, 0),
    _F(112, "DXT5_SRGBA", "s3tc", 4, 4, 16, "srgb", "RGBA", (128,), 0, 0),
    _F(113, "RGTC1_UNORM", "rgtc", 4, 4, 8, "unorm", "R", (64,), 0, 0),
    _F(114, "RGTC1_SNORM", "rgtc", 4, 4, 8, "snorm", "R", (64,), 0, 0),
    _F(115, "RGTC2_UNORM", "rgtc", 4, 4, 16, "unorm", "RG", (128,), 0, 0),
    _F(116, "RGTC2_SNORM", "rgtc", 4, 4, 16, "snorm", "RG", (128,), 0, 0),
    _F(117, "R8G8_B8G8_UNORM", "subsampled", 2, 1, 4, "unorm", "RGB", (32,), 0, 0),
    _F(118, "G8R8_G8B8_UNORM", "subsampled", 2, 1, 4, "unorm", "RGB", (32,), 0, 0),
    _F(119, "R8SG8SB8UX8U_NORM", "plain", 1, 1, 4, "snorm", "RGBX", (8, 8, 8, 8), 0, 0),
    _F(120, "R5SG5SB6U_NORM", "plain", 1, 1, 2, "snorm", "RGB", (5, 5, 6), 0, 0),
    _F(121, "A8B8G8R8_UNORM", "plain", 1, 1, 4, "unorm", "ABGR", (8, 8, 8, 8), 0, 0),
    _F(122, "B5G5R5X1_UNORM", "plain", 1, 1, 2, "unorm", "BGRX", (5, 5, 5, 1), 0, 0),
    _F(123, "R10G10B10A2_USCALED", "plain", 1, 1, 4, "uscaled", "RGBA", (10, 10, 10, 2), 0, 0),
    _F(124, "R11G11B10_FLOAT", "other", 1, 1, 4, "float", "RGB", (32,), 0, 0),
    _F(125, "R9G9B9E5_FLOAT", "other", 1, 1, 4, "float", "RGB", (32,), 0, 0),
    _F(126, "Z32_FLOAT_S8X24_UINT", "plain", 1, 1, 8, "float", "ZSX", (32, 8, 24), 32, 8),
    _F(127, "R1_UNORM", "other", 8, 1, 1, "unorm", "R", (8,), 0, 0),
    _F(128, "R10G10B10X2_USCALED", "plain", 1, 1, 4, "uscaled", "RGBX", (10, 10, 10, 2), 0, 0),
    _F(129, "R10G10B10X2_SNORM", "plain", 1, 1, 4, "snorm", "RGBX", (10, 10, 10, 2), 0, 0),
    _F(130, "L4A4_UNORM", "plain", 1, 1, 1, "unorm", "LA", (4, 4), 0, 0),
    _F(131, "B10G10R10A2_UNORM", "plain", 1, 1, 4, "unorm", "BGRA", (10, 10, 10, 2), 0, 0),
    _F(132, "R10SG10SB10SA2U_NORM", "plain", 1, 1, 4, "snorm", "RGBA", (10, 10, 10, 2), 0, 0),
    _F(133, "R8G8Bx_SNORM", "other", 1, 1, 2, "snorm", "RGB", (16,), 0, 0),
    _F(134, "R8G8B8X8_UNORM", "plain", 1, 1, 4, "unorm", "RGBX", (8, 8, 8, 8), 0, 0),
    _F(135, "B4G4R4X4_UNORM", "plain", 1, 1, 2, "unorm", "BGRX", (4, 4, 4, 4), 0, 0),
    _F(136, "X24S8_UINT", "plain", 1, 1, 4, "uint", "XS", (24, 8), 0, 8),
    _F(137, "S8X24_UINT", "plain", 1, 1, 4, "uint", "SX", (8, 24), 0, 8),
    _F(138, "X32_S8X24_UINT", "plain", 1, 1, 8, "uint", "XSX", (32, 8, 24), 0, 8),
    _F(139, "B2G3R3_UNORM", "plain", 1, 1, 1, "unorm", "BGR", (2, 3, 3), 0, 0),
    _F(140, "L16A16_UNORM", "plain", 1, 1, 4, "unorm", "LA", (16, 16), 0, 0),
    _F(141, "A16_UNORM", "plain", 1, 1, 2, "unorm", "A", (16,), 0, 0),
    _F(142, "I16_UNORM", "plain", 1, 1, 2, "unorm", "I", (16,), 0, 0),
    _F(143, "LATC1_UNORM", "rgtc", 4, 4, 8, "unorm", "L", (64,), 0, 0),
    _F(144, "LATC1_SNORM", "rgtc", 4, 4, 8, "snorm", "L", (64,), 0, 0),
    _F(145, "LATC2_UNORM", "rgtc", 4, 4, 16, "unorm", "LA", (128,), 0, 0),
    _F(146, "LATC2_SNORM", "rgtc", 4, 4, 16, "snorm", "LA", (128,), 0, 0),
    _F(147, "A8_SNORM", "plain", 1, 1, 1, "snorm", "A", (8,), 0, 0),
    _F(148, "L8_SNORM", "plain", 1, 1, 1, "snorm", "L", (8,), 0, 0),
    _F(149, "L8A8_SNORM", "plain", 1, 1, 2, "snorm", "LA", (8, 8), 0, 0),
    _F(150, "I8_SNORM", "plain", 1, 1, 1, "snorm", "I", (8,), 0, 0),
    _F(151, "A16_SNORM", "plain", 1, 1, 2, "snorm", "A", (16,), 0, 0),
    _F(152, "L16_SNORM", "plain", 1, 1, 2, "snorm", "L", (16,), 0, 0),
    _F(153, "L16A16_SNORM", "plain", 1, 1, 4, "snorm", "LA", (16, 16), 0, 0),
    _F(154, "I16_SNORM", "plain", 1, 1, 2, "snorm", "I", (16,), 0, 0),
    _F(155, "A16_FLOAT", "plain", 1, 1, 2, "float", "A", (16,), 0, 0),
    _F(156, "L16_FLOAT", "plain", 1, 1, 2, "float", "L", (16,), 0, 0),
    _F(157, "L16A16_FLOAT", "plain", 1, 1, 4, "float", "LA", (16, 16), 0, 0),
    _F(158, "I16_FLOAT", "plain", 1, 1, 2, "float", "I", (16,), 0, 0),
    _F(159, "A32_FLOAT", "plain", 1, 1, 4, "float", "A", (32,), 0, 0),
    _F(160, "L32_FLOAT", "plain", 1, 1, 4, "float", "L", (32,), 0, 0),
    _F(161, "L32A32_FLOAT", "plain", 1, 1, 8, "float", "LA", (32, 32), 0, 0),
    _F(162, "I32_FLOAT", "plain", 1, 1, 4, "float", "I", (32,), 0, 0),
    _F(163, "YV12", "planar3", 1, 1, 1, "unorm", "Y", (8,), 0, 0),
    _F(164, "YV16", "planar3", 1, 1, 1, "unorm", "Y", (8,), 0, 0),
    _F(165, "IYUV", "planar3", 1, 1, 1, "unorm", "Y", (8,), 0, 0),
    _F(166, "NV12", "planar2", 1, 1, 1, "unorm", "Y", (8,), 0, 0),
    _F(167, "NV21", "planar2", 1, 1, 1, "unorm", "Y", (8,), 0, 0),
    _F(168, "A4R4_UNORM", "plain", 1, 1, 1, "unorm", "AR", (4, 4), 0, 0),
    _F(169, "R4A4_UNORM", "plain", 1, 1, 1, "unorm", "RA", (4, 4), 0, 0),
    _F(170, "R8A8_UNORM", "plain", 1, 1, 2, "unorm", "RA", (8, 8), 0, 0),
    _F(171, "A8R8_UNORM", "plain", 1, 1, 2, "unorm", "AR", (8, 8), 0, 0),
    _F(172, "R10G10B10A2_SSCALED", "plain", 1, 1, 4, "sscaled", "RGBA", (10, 10, 10, 2), 0, 0),
    _F(173, "R10G10B10A2_SNORM", "plain", 1, 1, 4, "snorm", "RGBA", (10, 10, 10, 2), 0, 0),
    _F(174, "B10G10R10A2_USCALED", "plain", 1, 1, 4, "uscaled", "BGRA", (10, 10, 10, 2), 0, 0),
    _F(175, "B10G10R10A2_SSCALED", "plain", 1, 1, 4, "sscaled", "BGRA", (10, 10, 10, 2), 0, 0),
    _F(176, "B10G10R10A2_SNORM", "plain", 1, 1, 4, "snorm", "BGRA", (10, 10, 10, 2), 0, 0),
    _F(177, "R8_UINT", "plain", 1, 1, 1, "uint", "R", (8,), 0, 0),
    _F(178, "R8G8_UINT", "plain", 1, 1, 2, "uint", "RG", (8, 8), 0, 0),
    _F(179, "R8G8B8_UINT", "plain", 1, 1, 3, "uint", "RGB", (8, 8, 8), 0, 0),
    _F(180, "R8G8B8A8_UINT", "plain", 1, 1, 4, "uint", "RGBA", (8, 8, 8, 8), 0, 0),
    _F(181, "R8_SINT", "plain", 1, 1, 1, "sint", "R", (8,), 0, 0),
    _F(182, "R8G8_SINT", "plain", 1, 1, 2, "sint", "RG", (8, 8), 0, 0),
    _F(183, "R8G8B8_SINT", "plain", 1, 1, 3, "sint", "RGB", (8, 8, 8), 0, 0),
    _F(184, "R8G8B8A8_SINT", "plain", 1, 1, 4, "sint", "RGBA", (8, 8, 8, 8), 0, 0),
    _F(185, "R16_UINT", "plain", 1, 1, 2, "uint", "R", (16,), 0, 0),
    _F(186, "R16G16_UINT", "plain", 1, 1, 4, "uint", "RG", (16, 16), 0, 0),
    _F(187, "R16G16B16_UINT", "plain", 1, 1, 6, "uint", "RGB", (16, 16, 16), 0, 0),
    _F(188, "R16G16B16A16_UINT", "plain", 1, 1, 8, "uint", "RGBA", (16, 16, 16, 16), 0, 0),
    _F(189, "R16_SINT", "plain", 1, 1, 2, "sint", "R", (16,), 0, 0),
    _F(190, "R16G16_SINT", "plain", 1, 1, 4, "sint", "RG", (16, 16), 0, 0),
    _F(191, "R16G16B16_SINT", "plain", 1, 1, 6, "sint", "RGB", (16, 16, 16), 0, 0),
    _F(192, "R16G16B16A16_SINT", "plain", 1, 1, 8, "sint", "RGBA", (16, 16, 16, 16), 0, 0),
    _F(193, "R32_UINT", "plain", 1, 1, 4, "uint", "R", (32,), 0, 0),
    _F(194, "R32G32_UINT", "plain", 1, 1, 8, "uint", "RG", (32, 32), 0, 0),
    _F(195, "R32G32B32_UINT", "plain", 1, 1, 12, "uint", "RGB", (32, 32, 32), 0, 0),
    _F(196, "R32G32B32A32_UINT", "plain", 1, 1, 16, "uint", "RGBA", (32, 32, 32, 32), 0, 0),
    _F(197, "R32_SINT", "plain", 1, 1, 4, "sint", "R", (32,), 0, 0),
    _F(198, "R32G32_SINT", "plain", 1, 1, 8, "sint", "RG", (32, 32), 0, 0),
    _F(199, "R32G32B32_SINT", "plain", 1, 1, 12, "sint", "RGB", (32, 32, 32), 0, 0),
    _F(200, "R32G32B32A32_SINT", "plain", 1, 1, 16, "sint", "RGBA", (32, 32, 32, 32), 0, 0),
    _F(201, "A8_UINT", "plain", 1, 1, 1, "uint", "A", (8,), 0, 0),
    _F(202, "I8_UINT", "plain", 1, 1, 1, "uint", "I", (8,), 0, 0),
    _F(203, "L8_UINT", "plain", 1, 1, 1, "uint", "L", (8,), 0, 0),
    _F(204, "L8A8_UINT", "plain", 1, 1, 2, "uint", "LA", (8, 8), 0, 0),
    _F(205, "A8_SINT", "plain", 1, 1, 1, "sint", "A", (8,), 0, 0),
    _F(206, "I8_SINT", "plain", 1, 1, 1, "sint", "I", (8,), 0, 0),
    _F(207, "L8_SINT", "plain", 1, 1, 1, "sint", "L", (8,), 0, 0),
    _F(208, "L8A8_SINT", "plain", 1, 1, 2, "sint", "LA", (8, 8), 0, 0),
    _F(209, "A16_UINT", "plain", 1, 1, 2, "uint", "A", (16,), 0, 0),
    _F(210, "I16_UINT", "plain", 1, 1, 2, "uint", "I", (16,), 0, 0),
    _F(211, "L16_UINT", "plain", 1, 1, 2, "uint", "L", (16,), 0, 0),
    _F(212, "L16A16_UINT", "plain", 1, 1, 4, "uint", "LA", (16, 16), 0, 0),
    _F(213, "A16_SINT", "plain", 1, 1, 2, "sint", "A", (16,), 0, 0),
    _F(214, "I16_SINT", "plain", 1, 1, 2, "sint", "I", (16,), 0, 0),
    _F(215, "L16_SINT", "plain", 1, 1, 2, "sint", "L", (16,), 0, 0),
    _F(216, "L16A16_SINT", "plain", 1, 1, 4, "sint", "LA", (16, 16), 0, 0),
    _F(217, "A32_UINT", "plain", 1, 1, 4, "uint", "A", (32,), 0, 0),
    _F(218, "I32_UINT", "plain", 1, 1, 4, "uint", "I", (32,), 0, 0),
    _F(219, "L32_UINT", "plain", 1, 1, 4, "uint", "L", (32,), 0, 0),
    _F(220, "L32A32_UINT", "plain", 1, 1, 8, "uint", "LA", (32, 32), 0, 0),
    _F(221, "A32_SINT", "plain", 1, 1, 4, "sint", "A", (32,), 0, 0),
    _F(222, "I32_SINT", "plain", 1, 1, 4, "sint", "I", (32,), 0, 0),
    _F(223, "L32_SINT", "plain", 1, 1, 4, "sint", "L", (32,), 0, 0),
    _F(224, "L32A32_SINT", "plain", 1, 1, 8, "sint", "LA", (32, 32), 0, 0),
    _F(225, "B10G10R10A2_UINT", "plain", 1, 1, 4, "uint", "BGRA", (10, 10, 10, 2), 0, 0),
    _F(226, "ETC1_RGB8", "etc", 4, 4, 8, "unorm", "RGB", (64,), 0, 0),
    _F(227, "R8G8_R8B8_UNORM", "subsampled", 2, 1, 4, "unorm", "RGB", (32,), 0, 0),
    _F(228, "G8R8_B8R8_UNORM", "subsampled", 2, 1, 4, "unorm", "RGB", (32,), 0, 0),
    _F(229, "R8G8B8X8_SNORM", "plain", 1, 1, 4, "snorm", "RGBX", (8, 8, 8, 8), 0, 0),
    _F(230, "R8G8B8X8_SRGB", "plain", 1, 1, 4, "srgb", "RGBX", (8, 8, 8, 8), 0, 0),
    _F(231, "R8G8B8X8_UINT", "plain", 1, 1, 4, "uint", "RGBX", (8, 8, 8, 8), 0, 0),
    _F(232, "R8G8B8X8_SINT", "plain", 1, 1, 4, "sint", "RGBX", (8, 8, 8, 8), 0, 0),
    _F(233, "B10G10R10X2_UNORM", "plain", 1, 1, 4, "unorm", "BGRX", (10, 10, 10, 2), 0, 0),
    _F(234, "R16G16B16X16_UNORM", "plain", 1, 1, 8, "unorm", "RGBX", (16, 16, 16, 16), 0, 0),
    _F(235, "R16G16B16X16_SNORM", "plain", 1, 1, 8, "snorm", "RGBX", (16, 16, 16, 16), 0, 0),
    _F(236, "R16G16B16X16_FLOAT", "plain", 1, 1, 8, "float", "RGBX", (16, 16, 16, 16), 0, 0),
    _F(237, "R16G16B16X16_UINT", "plain", 1, 1, 8, "uint", "RGBX", (16, 16, 16, 16), 0, 0),
    _F(238, "R16G16B16X16_SINT", "plain", 1, 1, 8, "sint", "RGBX", (16, 16, 16, 16), 0, 0),
    _F(239, "R32G32B32X32_FLOAT", "plain", 1, 1, 16, "float", "RGBX", (32, 32, 32, 32), 0, 0),
    _F(240, "R32G32B32X32_UINT", "plain", 1, 1, 16, "uint", "RGBX", (32, 32, 32, 32), 0, 0),
    _F(241, "R32G32B32X32_SINT", "plain", 1, 1, 16, "sint", "RGBX", (32, 32, 32, 32), 0, 0),
    _F(242, "R8A8_SNORM", "plain", 1, 1, 2, "snorm", "RA", (8, 8), 0, 0),
    _F(243, "R16A16_UNORM", "plain", 1, 1, 4, "unorm", "RA", (16, 16), 0, 0),
    _F(244, "R16A16_SNORM", "plain", 1, 1, 4, "snorm", "RA", (16, 16), 0, 0),
    _F(245, "R16A16_FLOAT", "plain", 1, 1, 4, "float", "RA", (16, 16), 0, 0),
    _F(246, "R32A32_FLOAT", "plain", 1, 1, 8, "float", "RA", (32, 32), 0, 0),
    _F(247, "R8A8_UINT", "plain", 1, 1, 2, "uint", "RA", (8, 8), 0, 0),
    _F(248, "R8A8_SINT", "plain", 1, 1, 2, "sint", "RA", (8, 8), 0, 0),
    _F(249, "R16A16_UINT", "plain", 1, 1, 4, "uint", "RA", (16, 16), 0, 0),
    _F(250, "R16A16_SINT", "plain", 1, 1, 4, "sint", "RA", (16, 16), 0, 0),
    _F(251, "R32A32_UINT", "plain", 1, 1, 8, "uint", "RA", (32, 32), 0, 0),
    _F(252, "R32A32_SINT", "plain", 1, 1, 8, "sint", "RA", (32, 32), 0, 0),
    _F(253, "R10G10B10A2_UINT", "plain", 1, 1, 4, "uint", "RGBA", (10, 10, 10, 2), 0, 0),
    _F(254, "B5G6R5_SRGB", "plain", 1, 1, 2, "srgb", "BGR", (5, 6, 5), 0, 0),
    _F(255, "BPTC_RGBA_UNORM", "bptc", 4, 4, 16, "unorm", "RGBA", (128,), 0, 0),
    _F(256, "BPTC_SRGBA", "bptc", 4, 4, 16, "srgb", "RGBA", (128,), 0, 0),
    _F(257, "BPTC_RGB_FLOAT", "bptc", 4, 4, 16, "float", "RGB", (128,), 0, 0),
    _F(258, "BPTC_RGB_UFLOAT", "bptc", 4, 4, 16, "float", "RGB", (128,), 0, 0),
    _F(259, "A8L8_UNORM", "plain", 1, 1, 2, "unorm", "AL", (8, 8), 0, 0),
    _F(260, "A8L8_SNORM", "plain", 1, 1, 2, "snorm", "AL", (8, 8), 0, 0),
    _F(261, "A8L8_SRGB", "plain", 1, 1, 2, "srgb", "AL", (8, 8), 0, 0),
    _F(262, "A1B5G5R5_UNORM", "plain", 1, 1, 2, "unorm", "ABGR", (1, 5, 5, 5), 0, 0),
    _F(263, "A1R5G5B5_UNORM", "plain", 1, 1, 2, "unorm", "ARGB", (1, 5, 5, 5), 0, 0),
    _F(264, "A2B10G10R10_UNORM", "plain", 1, 1, 4, "unorm", "ABGR", (2, 10, 10, 10), 0, 0),
    _F(265, "A2R10G10B10_UNORM", "plain", 1, 1, 4, "unorm", "ARGB", (2, 10, 10, 10), 0, 0),
    _F(266, "A4R4G4B4_UNORM", "plain", 1, 1, 2, "unorm", "ARGB", (4, 4, 4, 4), 0, 0),
    _F(267, "A8B8G8R8_SNORM", "plain", 1, 1, 4, "snorm", "ABGR", (8, 8, 8, 8), 0, 0),
    _F(268, "X8B8G8R8_SNORM", "plain", 1, 1, 4, "snorm", "XBGR", (8, 8, 8, 8), 0, 0),
    _F(269, "ETC2_RGB8", "etc", 4, 4, 8, "unorm", "RGB", (64,), 0, 0),
    _F(270, "ETC2_SRGB8", "etc", 4, 4, 8, "srgb", "RGB", (64,), 0, 0),
    _F(271, "ETC2_RGB8A1", "etc", 4, 4, 8, "unorm", "RGBA", (64,), 0, 0),
    _F(272, "ETC2_SRGB8A1", "etc", 4, 4, 8, "srgb", "RGBA", (64,), 0, 0),
    _F(273, "ETC2_RGBA8", "etc", 4, 4, 16, "unorm", "RGBA", (128,), 0, 0),
    _F(274, "ETC2_SRGBA8", "etc", 4, 4, 16, "srgb", "RGBA", (128,), 0, 0),
    _F(275, "ETC2_R11_UNORM", "etc", 4, 4, 8, "unorm", "R", (64,), 0, 0),
    _F(276, "ETC2_R11_SNORM", "etc", 4, 4, 8, "snorm", "R", (64,), 0, 0),
    _F(277, "ETC2_RG11_UNORM", "etc", 4, 4, 16, "unorm", "RG", (128,), 0, 0),
    _F(278, "ETC2_RG11_SNORM", "etc", 4, 4, 16, "snorm", "RG", (128,), 0, 0),
    _F(279, "ASTC_4x4", "astc", 4, 4, 16, "unorm", "RGBA", (128,), 0, 0),
    _F(280, "ASTC_5x4", "astc", 5, 4, 16, "unorm", "RGBA", (128,), 0, 0),
    _F(281, "ASTC_5x5", "astc", 5, 5, 16, "unorm", "RGBA", (128,), 0, 0),
    _F(282, "ASTC_6x5", "astc", 6, 5, 16, "unorm", "RGBA", (128,), 0, 0),
    _F(283, "ASTC_6x6", "astc", 6, 6, 16, "unorm", "RGBA", (128,), 0, 0),
    _F(284, "ASTC_8x5", "astc", 8, 5, 16, "unorm", "RGBA", (128,), 0, 0),
    _F(285, "ASTC_8x6", "astc", 8, 6, 16, "unorm", "RGBA", (128,), 0, 0),
    _F(286, "ASTC_8x8", "astc", 8, 8, 16, "unorm", "RGBA", (128,), 0, 0),
    _F(287, "ASTC_10x5", "astc", 10, 5, 16, "unorm", "RGBA", (128,), 0, 0),
    _F(288, "ASTC_10x6", "astc", 10, 6, 16, "unorm", "RGBA", (128,), 0, 0),
    _F(289, "ASTC_10x8", "astc", 10, 8, 16, "unorm", "RGBA", (128,), 0, 0),
    _F(290, "ASTC_10x10", "astc", 10, 10, 16, "unorm", "RGBA", (128,), 0, 0),
    _F(291, "ASTC_12x10", "astc", 12, 10, 16, "unorm", "RGBA", (128,), 0, 0),
    _F(292, "ASTC_12x12", "astc", 12, 12, 16, "unorm", "RGBA", (128,), 0, 0),
    _F(293, "ASTC_4x4_SRGB", "astc", 4, 4, 16, "srgb", "RGBA", (128,), 0, 0),
    _F(294, "ASTC_5x4_SRGB", "astc", 5, 4, 16, "srgb", "RGBA", (128,), 0, 0),
    _F(295, "ASTC_5x5_SRGB", "astc", 5, 5, 16, "srgb", "RGBA", (128,), 0, 0),
    _F(296, "ASTC_6x5_SRGB", "astc", 6, 5, 16, "srgb", "RGBA", (128,), 0, 0),
    _F(297, "ASTC_6x6_SRGB", "astc", 6, 6, 16, "srgb", "RGBA", (128,), 0, 0),
    _F(298, "ASTC_8x5_SRGB", "astc", 8, 5, 16, "srgb", "RGBA", (128,), 0, 0),
    _F(299, "ASTC_8x6_SRGB", "astc", 8, 6, 16, "srgb", "RGBA", (128,), 0, 0),
    _F(300, "ASTC_8x8_SRGB", "astc", 8, 8, 16, "srgb", "RGBA", (128,), 0, 0),
    _F(301, "ASTC_10x5_SRGB", "astc", 10, 5, 16, "srgb", "RGBA", (128,), 0, 0),
    _F(302, "ASTC_10x6_SRGB", "astc", 10, 6, 16, "srgb", "RGBA", (128,), 0, 0),
    _F(303, "ASTC_10x8_SRGB", "astc", 10, 8, 16, "srgb", "RGBA", (128,), 0, 0),
    _F(304, "ASTC_10x10_SRGB", "astc", 10, 10, 16, "srgb", "RGBA", (128,), 0, 0),
    _F(305, "ASTC_12x10_SRGB", "astc", 12, 10, 16, "srgb", "RGBA", (128,), 0, 0),
    _F(306, "ASTC_12x12_SRGB", "astc", 12, 12, 16, "srgb", "RGBA", (128,), 0, 0),
    _F(308, "R10G10B10X2_UNORM", "plain", 1, 1, 4, "unorm", "RGBX", (10, 10, 10, 2), 0, 0),
    _F(311, "A4B4G4R4_UNORM", "plain", 1, 1, 2, "unorm", "ABGR", (4, 4, 4, 4), 0, 0),
    _F(312, "R8_SRGB", "plain", 1, 1, 1, "srgb", "R", (8,), 0, 0),
    _F(313, "R8G8_SRGB", "plain", 1, 1, 2, "srgb", "RG", (8, 8), 0, 0),
    _F(314, "P010", "planar2", 1, 1, 2, "unorm", "Y", (16,), 0, 0),
    _F(315, "P012", "planar2", 1, 1, 2, "unorm", "Y", (16,), 0, 0),
    _F(316, "P016", "planar2", 1, 1, 2, "unorm", "Y", (16,), 0, 0),
    _F(317, "B8G8R8_UNORM", "plain", 1, 1, 3, "unorm", "BGR", (8, 8, 8), 0, 0),
    _F(318, "R3G3B2_UNORM", "plain", 1, 1, 1, "unorm", "RGB", (3, 3, 2), 0, 0),
    _F(319, "R4G4B4A4_UNORM", "plain", 1, 1, 2, "unorm", "RGBA", (4, 4, 4, 4), 0, 0),
    _F(320, "R5G5B5A1_UNORM", "plain", 1, 1, 2, "unorm", "RGBA", (5, 5, 5, 1), 0, 0),
    _F(321, "R5G6B5_UNORM", "plain", 1, 1, 2, "unorm", "RGB", (5, 6, 5), 0, 0),
)

FORMATS: dict[int, FormatInfo] = {f.id: f for f in _TABLE}
"""Every known format by id. Ids missing here (gaps in the enum) are unknown."""

BY_NAME: dict[str, FormatInfo] = {f.name: f for f in _TABLE}

ALIASES: dict[str, int] = {
    # virgl_hw.h gives these ids two names; Mesa 22.3 only emits the second set.
    "A16L16_UNORM": 262, "G8R8_UNORM": 263, "G8R8_SNORM": 264, "G16R16_UNORM": 265,
    "G16R16_SNORM": 266,
}

FORMAT_MAX = 322
"""One past the last guest-visible id (VIRGL_FORMAT_MAX)."""

VirglFormat = enum.IntEnum("VirglFormat", {f.name: f.id for f in _TABLE})
"""The ids as an IntEnum, e.g. VirglFormat.B8G8R8A8_UNORM == 1."""


class FormatError(ValueError):
    """A size computation was asked for something the format cannot describe."""


def info(fmt: int) -> FormatInfo:
    """The row for a format id; FormatError for unknown ids."""
    try:
        return FORMATS[fmt]
    except KeyError:
        raise FormatError(f"unknown virgl format {fmt}") from None


def minify(size: int, level: int) -> int:
    """Extent of mip `level` of a dimension of `size` texels (never below 1)."""
    return max(1, size >> level)


def blocks_x(fmt: FormatInfo, width: int) -> int:
    return -(-width // fmt.block_width)


def blocks_y(fmt: FormatInfo, height: int) -> int:
    return -(-height // fmt.block_height)


def min_stride(fmt: FormatInfo, width: int) -> int:
    """Bytes of one row of blocks covering `width` texels (no padding)."""
    return blocks_x(fmt, width) * fmt.block_bytes


def min_layer_stride(fmt: FormatInfo, stride: int, height: int) -> int:
    """Bytes of one 2D image of `height` texels with rows `stride` bytes apart."""
    return blocks_y(fmt, height) * stride


def level_stride(fmt: FormatInfo, width0: int, level: int) -> int:
    """The natural (unpadded) row stride of mip `level` of a `width0`-wide resource."""
    return min_stride(fmt, minify(width0, level))


def level_layer_stride(fmt: FormatInfo, width0: int, height0: int, level: int) -> int:
    """Natural bytes of one layer / slice of mip `level`."""
    return min_layer_stride(fmt, level_stride(fmt, width0, level), minify(height0, level))


def level_size(fmt: FormatInfo, width0: int, height0: int, depth0: int, level: int,
               layers: int = 1) -> int:
    """Natural bytes of a whole mip level: 3D slices minify, array layers do not."""
    return level_layer_stride(fmt, width0, height0, level) * minify(depth0, level) * layers


def box_bytes(fmt: FormatInfo, width: int, height: int, depth: int, stride: int,
              layer_stride: int) -> int:
    """Bytes spanned by a box laid out with the given strides: full layers except the
    last, full rows of that layer except the last, then one row of blocks. This is
    the amount of guest memory a transfer of that box touches (from its start).
    Empty dimensions count as 1, as the reference host does."""
    w, h, d = max(width, 1), max(height, 1), max(depth, 1)
    return (d - 1) * layer_stride + (blocks_y(fmt, h) - 1) * stride + min_stride(fmt, w)


def box_offset(fmt: FormatInfo, x: int, y: int, z: int, stride: int, layer_stride: int) -> int:
    """Byte offset of texel (x, y, z) in memory laid out with these strides."""
    if x % fmt.block_width or y % fmt.block_height:
        raise FormatError(f"{fmt.name}: ({x}, {y}) is not on a {fmt.block_width}x"
                          f"{fmt.block_height} block boundary")
    return z * layer_stride + (y // fmt.block_height) * stride + (x // fmt.block_width) * fmt.block_bytes


@dataclass(frozen=True, slots=True)
class TransferLayout:
    stride: int
    layer_stride: int
    size: int   # bytes the box spans in guest memory, from the transfer offset


def transfer_layout(fmt: FormatInfo, width0: int, height0: int, level: int, box_width: int,
                    box_height: int, box_depth: int, stride: int = 0,
                    layer_stride: int = 0) -> TransferLayout:
    """Strides and byte size of a transfer box.

    A zero stride / layer_stride means "the natural one of this mip level";
    an explicit one must be at least what the box needs. Raises FormatError
    for strides that are too small."""
    if stride:
        need = min_stride(fmt, box_width)
        if stride < need:
            raise FormatError(f"stride {stride} < {need} needed for {box_width} texels of {fmt.name}")
    else:
        stride = level_stride(fmt, width0, level)
    if layer_stride:
        need = min_layer_stride(fmt, stride, box_height)
        if layer_stride < need:
            raise FormatError(f"layer_stride {layer_stride} < {need} needed for {box_height} rows")
    else:
        layer_stride = min_layer_stride(fmt, stride, minify(height0, level))
    return TransferLayout(stride, layer_stride,
                          box_bytes(fmt, box_width, box_height, box_depth, stride, layer_stride))


def resource_size(fmt: FormatInfo, width0: int, height0: int, depth0: int, array_size: int,
                  last_level: int, nr_samples: int = 0, is_3d: bool = False) -> int:
    """Natural bytes of a whole resource (all levels, layers, samples), e.g. to size a
    guest backing store. Cube maps pass array_size 6 (or 6 * n)."""
    total = 0
    for level in range(last_level + 1):
        depth = depth0 if is_3d else 1
        total += level_size(fmt, width0, height0, depth, level, 1 if is_3d else array_size)
    return total * max(nr_samples, 1)


def mask_words(ids, words: int = 16) -> tuple[int, ...]:
    """Format ids as the caps' bitmask layout: bit (id % 32) of word (id // 32)."""
    out = [0] * words
    for i in ids:
        if not 0 <= i < 32 * words:
            raise FormatError(f"format {i} does not fit a {words}-word mask")
        out[i // 32] |= 1 << (i % 32)
    return tuple(out)


def mask_ids(words) -> list[int]:
    """Inverse of `mask_words`."""
    return [32 * w + b for w, v in enumerate(words) for b in range(32) if v >> b & 1]
