"""What of the bound state objects the generated shaders depend on.

The draw path keys shader translations on a few fields of the blend,
depth-stencil-alpha and rasterizer objects (`DrawContext._keys`); binding
another object that agrees on those fields keeps the linked program.
"""
from __future__ import annotations

from pyvirgl.backend.gl.identity_memo import of_one
from pyvirgl.backend.gl.vertex_formats import vertex_input_types
from pyvirgl.protocol.virgl import BlendFactor, ObjectType

SRC1_FACTORS = frozenset({BlendFactor.SRC1_COLOR, BlendFactor.SRC1_ALPHA, BlendFactor.INV_SRC1_COLOR,
                          BlendFactor.INV_SRC1_ALPHA})


def dual_source(blend) -> bool:
    """Whether a blend object (or None) reads the second colour output (SRC1 factors on target 0)."""
    if blend is None:
        return False
    rt = blend.rt[0]
    return bool(rt.blend_enable and {rt.rgb_src_factor, rt.rgb_dst_factor, rt.alpha_src_factor,
                                     rt.alpha_dst_factor} & SRC1_FACTORS)


def program_inputs(kind: ObjectType, obj) -> tuple:
    """What of a blend, depth-stencil-alpha or rasterizer object the shader keys read (see `_keys`).

    Binding another object with the same inputs keeps the linked program."""
    if obj is None:
        return ()
    if kind == ObjectType.RASTERIZER:
        return (obj.flatshade, obj.light_twoside, obj.point_quad_rasterization,
                obj.sprite_coord_enable if obj.point_quad_rasterization else 0, obj.sprite_coord_mode,
                obj.clip_plane_enable)
    if kind == ObjectType.BLEND:
        return (obj.alpha_to_one, dual_source(obj))
    if kind == ObjectType.DSA:
        return (obj.alpha_func,) if obj.alpha_enabled else (7,)
    return (obj,)


_MEMO: dict[int, tuple] = {}   # id(object) -> (object, its inputs)


def inputs_of(kind: ObjectType, obj) -> tuple:
    """`program_inputs` (for vertex elements: `vertex_input_types`), worked out once per object.

    State objects never change once created, and guests bind the same few
    again and again (drawoverhead toggles between two every draw)."""
    if obj is None:
        return ()
    return of_one(_MEMO, obj, _inputs, 1024, kind)


def _inputs(obj, kind: ObjectType) -> tuple:
    return vertex_input_types(obj) if kind == ObjectType.VERTEX_ELEMENTS else program_inputs(kind, obj)
