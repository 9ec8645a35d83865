"""The spec table agrees with Mesa 22.3.6's virgl_protocol.h and with the dataclasses."""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from pyvirgl.decode import commands as C
from pyvirgl.protocol import virgl as V

HEADER = Path("/work/ref/mesa-22.3.6/src/virtio/virtio-gpu/virgl_protocol.h")


@pytest.fixture(scope="module")
def header_text() -> str:
    if not HEADER.exists():
        pytest.skip("Mesa reference tree not available")
    return HEADER.read_text()


def _enum_members(text: str, enum_name: str) -> list[str]:
    body = re.search(r"enum %s \{(.*?)\};" % enum_name, text, re.S).group(1)
    body = re.sub(r"/\*.*?\*/", "", body, flags=re.S)
    return [m.group(1) for m in re.finditer(r"^\s*(\w+)", body, re.M)]


def test_command_ids_match_header(header_text):
    names = _enum_members(header_text, "virgl_context_cmd")
    assert names[-1] == "VIRGL_MAX_COMMANDS"
    assert len(names) - 1 == V.CCMD_COUNT
    for value, name in enumerate(names[:-1]):
        assert V.Ccmd[name.removeprefix("VIRGL_CCMD_")] == value
    assert V.VIRGL_CCMD_LINK_SHADER == 52


def test_object_types_match_header(header_text):
    names = _enum_members(header_text, "virgl_object_type")
    assert names[-1] == "VIRGL_MAX_OBJECTS"
    for value, name in enumerate(names[:-1]):
        assert V.ObjectType[name.removeprefix("VIRGL_OBJECT_")] == value


def _define(text: str, name: str) -> int:
    m = re.search(r"#define %s\s+\(?([^\n/]+)" % re.escape(name), text)
    expr = m.group(1).strip()
    env = {"VIRGL_MAX_COLOR_BUFS": 8, "VIRGL_OBJ_SURFACE_SIZE": 5}
    return int(eval(expr.rstrip(")") if expr.count(")") > expr.count("(") else expr, env))


@pytest.mark.parametrize("spec_key,define", [
    ((V.ObjectType.BLEND,), "VIRGL_OBJ_BLEND_SIZE"),
    ((V.ObjectType.DSA,), "VIRGL_OBJ_DSA_SIZE"),
    ((V.ObjectType.RASTERIZER,), "VIRGL_OBJ_RS_SIZE"),
    ((V.ObjectType.SAMPLER_STATE,), "VIRGL_OBJ_SAMPLER_STATE_SIZE"),
    ((V.ObjectType.SAMPLER_VIEW,), "VIRGL_OBJ_SAMPLER_VIEW_SIZE"),
    ((V.ObjectType.SURFACE,), "VIRGL_OBJ_SURFACE_SIZE"),
    ((V.ObjectType.MSAA_SURFACE,), "VIRGL_OBJ_MSAA_SURFACE_SIZE"),
    ((V.ObjectType.STREAMOUT_TARGET,), "VIRGL_OBJ_STREAMOUT_SIZE"),
    ((V.ObjectType.QUERY,), "VIRGL_OBJ_QUERY_SIZE"),
    (V.Ccmd.CLEAR, "VIRGL_OBJ_CLEAR_SIZE"),
    (V.Ccmd.RESOURCE_COPY_REGION, "VIRGL_CMD_RESOURCE_COPY_REGION_SIZE"),
    (V.Ccmd.BLIT, "VIRGL_CMD_BLIT_SIZE"),
    (V.Ccmd.TRANSFER3D, "VIRGL_TRANSFER3D_SIZE"),
    (V.Ccmd.COPY_TRANSFER3D, "VIRGL_COPY_TRANSFER3D_SIZE"),
    (V.Ccmd.CLEAR_TEXTURE, "VIRGL_CLEAR_TEXTURE_SIZE"),
    (V.Ccmd.PIPE_RESOURCE_CREATE, "VIRGL_PIPE_RES_CREATE_SIZE"),
    (V.Ccmd.LINK_SHADER, "VIRGL_LINK_SHADER_SIZE"),
    (V.Ccmd.SET_UNIFORM_BUFFER, "VIRGL_SET_UNIFORM_BUFFER_SIZE"),
    (V.Ccmd.SET_RENDER_CONDITION, "VIRGL_RENDER_CONDITION_SIZE"),
    (V.Ccmd.GET_QUERY_RESULT_QBO, "VIRGL_QUERY_RESULT_QBO_SIZE"),
    (V.Ccmd.LAUNCH_GRID, "VIRGL_LAUNCH_GRID_SIZE"),
    (V.Ccmd.SET_TESS_STATE, "VIRGL_TESS_STATE_SIZE"),
    (V.Ccmd.SET_CLIP_STATE, "VIRGL_SET_CLIP_STATE_SIZE"),
    (V.Ccmd.SET_POLYGON_STIPPLE, "VIRGL_POLYGON_STIPPLE_SIZE"),
    (V.Ccmd.SET_BLEND_COLOR, "VIRGL_SET_BLEND_COLOR_SIZE"),
    (V.Ccmd.SET_TWEAKS, "VIRGL_SET_TWEAKS_SIZE"),
    (V.Ccmd.BIND_SHADER, "VIRGL_BIND_SHADER_SIZE"),
    (V.Ccmd.SET_FRAMEBUFFER_STATE_NO_ATTACH, "VIRGL_SET_FRAMEBUFFER_STATE_NO_ATTACH_SIZE"),
    (V.Ccmd.CREATE_VIDEO_CODEC, "VIRGL_CREATE_VIDEO_CODEC_SIZE"),
    (V.Ccmd.DECODE_BITSTREAM, "VIRGL_DECODE_BS_SIZE"),
    (V.Ccmd.BEGIN_FRAME, "VIRGL_BEGIN_FRAME_SIZE"),
    (V.Ccmd.END_FRAME, "VIRGL_END_FRAME_SIZE"),
])
def test_fixed_sizes_match_header(header_text, spec_key, define):
    spec = V.OBJECT_SPECS[spec_key[0]] if isinstance(spec_key, tuple) else V.COMMAND_SPECS[spec_key]
    assert spec.allowed_lengths == (_define(header_text, define),)


def test_draw_vbo_lengths(header_text):
    assert V.COMMAND_SPECS[V.Ccmd.DRAW_VBO].allowed_lengths == tuple(
        _define(header_text, n) for n in ("VIRGL_DRAW_VBO_SIZE", "VIRGL_DRAW_VBO_SIZE_TESS",
                                          "VIRGL_DRAW_VBO_SIZE_INDIRECT"))


def test_group_element_sizes(header_text):
    specs = V.COMMAND_SPECS
    assert specs[V.Ccmd.SET_SHADER_BUFFERS].variable_group.element_words == _define(
        header_text, "VIRGL_SET_SHADER_BUFFER_ELEMENT_SIZE")
    assert specs[V.Ccmd.SET_SHADER_IMAGES].variable_group.element_words == _define(
        header_text, "VIRGL_SET_SHADER_IMAGE_ELEMENT_SIZE")
    assert specs[V.Ccmd.SET_ATOMIC_BUFFERS].variable_group.element_words == _define(
        header_text, "VIRGL_SET_ATOMIC_BUFFER_ELEMENT_SIZE")


def test_every_command_has_a_spec_or_is_refused():
    described = set(V.COMMAND_SPECS) | V.UNDEFINED_LAYOUT_COMMANDS | {V.Ccmd.CREATE_OBJECT}
    assert described == set(V.Ccmd)
    assert set(V.OBJECT_SPECS) == set(V.ObjectType) - {V.ObjectType.NULL}


@pytest.mark.parametrize("spec", V.all_specs(), ids=lambda s: s.name)
def test_spec_fields_match_dataclass(spec):
    if spec.custom:
        pytest.skip("hand-decoded")
    cls = C.CLASSES[spec.cls]
    assert cls.CMD == spec.cmd and cls.OBJ == spec.obj
    names = V.spec_field_names(spec.items)
    for tail in spec.tails:
        names += V.spec_field_names(tail)
    if spec.blob:
        names.append(spec.blob.name)
    if spec.obj_types is not None:
        names.insert(0, "obj_type")
    assert [f.name for f in dataclasses.fields(cls)] == names
    for item in spec.items:
        if isinstance(item, (V.Group, V.Struct)) and item.cls:
            elem = C.CLASSES[item.cls]
            assert [f.name for f in dataclasses.fields(elem)] == V.spec_field_names(item.items)


def test_packed_bitfields_do_not_overlap():
    def packed_items(items):
        for it in items:
            if isinstance(it, V.Packed):
                yield it
            elif isinstance(it, (V.Group, V.Struct)):
                yield from packed_items(it.items)
    for spec in V.all_specs():
        for p in packed_items(spec.items + sum(spec.tails, ())):
            used = 0
            for b in p.bits:
                m = b.mask << b.shift
                assert m <= 0xFFFFFFFF and not used & m, (spec.name, b.name)
                used |= m


def test_header_packing():
    h = V.header(V.Ccmd.CREATE_OBJECT, V.ObjectType.BLEND, 11)
    assert h == 1 | (1 << 8) | (11 << 16)
    assert V.split_header(h) == (1, 1, 11)
    with pytest.raises(ValueError):
        V.header(1, 1, 0x10000)
    assert V.command_name(1, 4) == "CREATE_OBJECT(SHADER)"
    assert V.command_name(99) == "UNKNOWN_COMMAND(99)"


def test_pipe_enums_match_p_defines():
    path = Path("/work/ref/mesa-22.3.6/src/gallium/include/pipe/p_defines.h")
    if not path.exists():
        pytest.skip("Mesa reference tree not available")
    text = path.read_text()
    for enum_cls, c_enum, prefix in [
        (V.PrimType, "pipe_prim_type", "PIPE_PRIM_"),
        (V.TextureTarget, "pipe_texture_target", "PIPE_"),
        (V.CompareFunc, "pipe_compare_func", "PIPE_FUNC_"),
        (V.StencilOp, "pipe_stencil_op", "PIPE_STENCIL_OP_"),
        (V.TexWrap, "pipe_tex_wrap", "PIPE_TEX_WRAP_"),
        (V.BlendFunc, "pipe_blend_func", "PIPE_BLEND_"),
        (V.LogicOp, "pipe_logicop", "PIPE_LOGICOP_"),
    ]:
        body = re.search(r"enum %s\s*\{(.*?)\}" % c_enum, text, re.S).group(1)
        members = [m.group(1) for m in re.finditer(r"^\s*(\w+)", re.sub(r"/\*.*?\*/", "", body, flags=re.S), re.M)]
        for value, name in enumerate(members):
            short = name.removeprefix(prefix)
            if short in enum_cls.__members__:
                assert enum_cls[short] == value, name


def test_query_types_use_virgl_wire_numbering():
    path = Path("/work/ref/mesa-22.3.6/src/gallium/drivers/virgl/virgl_query.c")
    if not path.exists():
        pytest.skip("Mesa reference tree not available")
    wire = {m.group(1): int(m.group(2))
            for m in re.finditer(r"#define VIRGL_QUERY_(\w+)\s+(\d+)", path.read_text())}
    assert wire == {q.name: int(q) for q in V.QueryType}
    assert V.QUERY_TYPE_COUNT == len(wire)
