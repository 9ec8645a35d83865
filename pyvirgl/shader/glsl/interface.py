"""Stage interface: how TGSI IN/OUT/SV registers map onto GLSL variables.

Varyings are named by TGSI semantic (`v_generic3`, `v_color0`, `v_patch1`)
so separately translated stages link by name. Built-ins (gl_Position,
gl_FragCoord...) are reached through expressions that present them as the
vec4 of 32-bit lanes TGSI expects; `base` is the lane type of that vec4.
"""
from __future__ import annotations

from ..errors import ShaderError
from ..tgsi.names import Semantic
from .values import F, I, U

# Semantics carried as ordinary user varyings between stages.
VARYING_SEMANTICS = {
    Semantic.GENERIC: "generic", Semantic.TEXCOORD: "texcoord", Semantic.COLOR: "color",
    Semantic.BCOLOR: "bcolor", Semantic.FOG: "fog", Semantic.PATCH: "patch",
    Semantic.NORMAL: "normal", Semantic.PCOORD: "pcoord", Semantic.CLIPVERTEX: "clipvertex",
}


def varying_name(semantic: Semantic, index: int) -> str:
    """Interface block name shared by producer and consumer (`V_generic3`)."""
    return f"V_{VARYING_SEMANTICS[semantic]}{index}"


def varying_instance(prefix: str, direction: str, semantic: Semantic, index: int) -> str:
    """Stage-local instance name of a varying block (`fs_in_generic3`)."""
    return f"{prefix}_{direction}_{VARYING_SEMANTICS[semantic]}{index}"


def semantic_label(semantic: Semantic, index: int) -> str:
    return f"{semantic.name}[{index}]"


def sysval(emitter, semantic: Semantic) -> tuple[str, str]:
    """(vec4 expression, lane type) for a system value (SV file or equivalent input)."""
    stage = emitter.stage
    need = emitter.features.need
    if semantic == Semantic.VERTEXID:
        return "ivec4(gl_VertexID, 0, 0, 0)", I
    if semantic == Semantic.INSTANCEID:
        return "ivec4(gl_InstanceID, 0, 0, 0)", I
    if semantic in (Semantic.VERTEXID_NOBASE, Semantic.BASEVERTEX, Semantic.BASEINSTANCE, Semantic.DRAWID):
        need("draw_parameters")
        ext = emitter.features.host.glsl_version < 460
        base_vertex = "gl_BaseVertexARB" if ext else "gl_BaseVertex"
        expr = {
            Semantic.VERTEXID_NOBASE: f"gl_VertexID - {base_vertex}",
            Semantic.BASEVERTEX: base_vertex,
            Semantic.BASEINSTANCE: "gl_BaseInstanceARB" if ext else "gl_BaseInstance",
            Semantic.DRAWID: "gl_DrawIDARB" if ext else "gl_DrawID",
        }[semantic]
        return f"ivec4({expr}, 0, 0, 0)", I
    if semantic == Semantic.INVOCATIONID:
        if stage == "geometry":
            need("gpu_shader5")
        return "ivec4(gl_InvocationID, 0, 0, 0)", I
    if semantic == Semantic.PRIM_ID:
        name = "gl_PrimitiveIDIn" if stage == "geometry" else "gl_PrimitiveID"
        return f"ivec4({name}, 0, 0, 0)", I
    if semantic == Semantic.FACE:
        return "vec4(gl_FrontFacing ? 1.0 : -1.0, 0.0, 0.0, 1.0)", F
    if semantic == Semantic.POSITION and stage == "fragment":
        return emitter.frag_coord(), F
    if semantic == Semantic.SAMPLEID:
        need("sample_shading")
        emitter.uses_sample_rate = True
        return "ivec4(gl_SampleID, 0, 0, 0)", I
    if semantic == Semantic.SAMPLEPOS:
        need("sample_shading")
        emitter.uses_sample_rate = True
        return "vec4(gl_SamplePosition, 0.0, 0.0)", F
    if semantic == Semantic.SAMPLEMASK:
        need("sample_shading")
        return "ivec4(gl_SampleMaskIn[0], 0, 0, 0)", I
    if semantic == Semantic.HELPER_INVOCATION:
        need("derivative_control")  # gl_HelperInvocation is GLSL 4.50
        return "ivec4(gl_HelperInvocation ? -1 : 0, 0, 0, 0)", I
    if semantic == Semantic.TESSCOORD:
        return "vec4(gl_TessCoord, 0.0)", F
    if semantic == Semantic.TESSOUTER:
        return ("vec4(gl_TessLevelOuter[0], gl_TessLevelOuter[1], gl_TessLevelOuter[2], "
                "gl_TessLevelOuter[3])"), F
    if semantic == Semantic.TESSINNER:
        return "vec4(gl_TessLevelInner[0], gl_TessLevelInner[1], 0.0, 0.0)", F
    if semantic == Semantic.VERTICESIN:
        return "ivec4(gl_PatchVerticesIn, 0, 0, 0)", I
    if semantic == Semantic.THREAD_ID:
        return "uvec4(gl_LocalInvocationID, 0u)", U
    if semantic == Semantic.BLOCK_ID:
        return "uvec4(gl_WorkGroupID, 0u)", U
    if semantic == Semantic.BLOCK_SIZE:
        return "uvec4(gl_WorkGroupSize, 0u)", U
    if semantic == Semantic.GRID_SIZE:
        return "uvec4(gl_NumWorkGroups, 0u)", U
    if semantic == Semantic.LAYER and stage == "fragment":
        need("fragment_layer_viewport")
        return "ivec4(gl_Layer, 0, 0, 0)", I
    if semantic == Semantic.VIEWPORT_INDEX and stage == "fragment":
        need("fragment_layer_viewport")
        return "ivec4(gl_ViewportIndex, 0, 0, 0)", I
    if semantic == Semantic.SUBGROUP_SIZE:
        need("ballot")
        return "uvec4(gl_SubGroupSizeARB, 0u, 0u, 0u)", U
    if semantic == Semantic.SUBGROUP_INVOCATION:
        need("ballot")
        return "uvec4(gl_SubGroupInvocationARB, 0u, 0u, 0u)", U
    masks = {Semantic.SUBGROUP_EQ_MASK: "Eq", Semantic.SUBGROUP_GE_MASK: "Ge",
             Semantic.SUBGROUP_GT_MASK: "Gt", Semantic.SUBGROUP_LE_MASK: "Le",
             Semantic.SUBGROUP_LT_MASK: "Lt"}
    if semantic in masks:
        need("ballot")
        need("int64")
        return f"uvec4(unpackUint2x32(gl_SubGroup{masks[semantic]}MaskARB), 0u, 0u)", U
    raise ShaderError(f"system value {semantic.name} is not supported in the {stage} stage")


INPUT_PRIMITIVES = {0: "points", 1: "lines", 10: "lines_adjacency", 4: "triangles",
                    12: "triangles_adjacency"}
OUTPUT_PRIMITIVES = {0: "points", 3: "line_strip", 5: "triangle_strip"}
TES_PRIMITIVES = {4: "triangles", 7: "quads", 1: "isolines"}
TES_SPACING = {0: "fractional_odd_spacing", 1: "fractional_even_spacing", 2: "equal_spacing"}
