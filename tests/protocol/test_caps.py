"""Caps packing: Mesa 22.3.6's struct layout, bit positions and round trips."""
import struct

import pytest

from pyvirgl.protocol import caps as c


def test_sizes_match_mesa_22_3():
    assert len(c.pack_v1(c.Caps())) == c.CAPS_V1_SIZE == 308
    assert len(c.pack_v2(c.Caps())) == c.CAPS_V2_SIZE == 1376


def test_field_offsets_mesa_reads():
    caps = c.Caps(glsl_level=0x11223344, host_feature_check_version=0x55, renderer="abc",
                  max_uniform_block_size=0x77, capability_bits=int(c.Cap.TRANSFER))
    raw = c.pack_v2(caps)
    # v1: max_version, 4 masks of 16 words, bset, then glsl_level.
    assert struct.unpack_from("<I", raw, 4 + 4 * 64 + 4)[0] == 0x11223344
    # v2 offsets computed by hand from virgl_hw.h.
    assert struct.unpack_from("<I", raw, 556)[0] == 0x55           # host_feature_check_version
    assert raw[696:699] == b"abc" and raw[699] == 0                # renderer[64]
    assert struct.unpack_from("<I", raw, 1372)[0] == 0x77          # max_uniform_block_size
    assert struct.unpack_from("<I", raw, 392)[0] == 1 << 17        # capability_bits


def test_bool_set_bits_in_declared_order():
    raw = c.pack_v2(c.Caps(bset=frozenset({"indep_blend_enable", "ubo", "transform_feedback_overflow_query"})))
    word = struct.unpack_from("<I", raw, 4 + 4 * 64)[0]
    assert word == (1 << 0) | (1 << 18) | (1 << 31)


def test_unknown_bool_cap_is_refused():
    with pytest.raises(ValueError):
        c.pack_v2(c.Caps(bset=frozenset({"not_a_cap"})))


def test_round_trip_and_v1_is_head_of_v2():
    caps = c.Caps(glsl_level=330, sampler=c.mask_of([1, 2, 64, 300]), renderer="pyvirgl x",
                  max_compute_grid_size=[1, 2, 3], min_texel_offset=-8, max_anisotropy=16.0,
                  bset=frozenset({"ubo"}))
    back = c.unpack_v2(c.pack_v2(caps))
    assert back == caps
    v1, v2 = c.pack_v1(caps), c.pack_v2(caps)
    assert struct.unpack_from("<I", v1)[0] == 1 and v1[4:] == v2[4:308]


def test_mask_helpers():
    assert c.formats_in_mask(c.mask_of([0, 31, 32, 511])) == [0, 31, 32, 511]
    with pytest.raises(ValueError):
        c.mask_of([512])
