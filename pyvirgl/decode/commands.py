"""Typed views of decoded virgl commands, immutable by convention.

One slotted dataclass per command payload described in
`pyvirgl.protocol.virgl`; field names and order follow the spec items
(bitfields of a packed word become separate fields, repeated groups become
tuples). By the time one of these leaves the decoder every length, count,
slot range and ranged field (stage, format id, primitive mode, ...) has been
checked; handles are not resolved (that needs the renderer's object tables).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from pyvirgl.protocol.virgl import Ccmd, ObjectType

# Not frozen=True: a frozen dataclass sets each field through object.__setattr__,
# which made building a 20-field DRAW_VBO cost ~6 us, more than the rest of a
# draw. Nothing assigns to a decoded command (state objects are stored and
# compared as they came); eq and hash stay what frozen gave.
_frozen = dataclass(slots=True, unsafe_hash=True)


class Command:
    """Base of all decoded commands. `CMD` is the wire command id."""
    __slots__ = ()
    CMD: ClassVar[Ccmd]
    OBJ: ClassVar[ObjectType | None] = None


# --- element types -------------------------------------------------------------

@_frozen
class BlendTarget:
    blend_enable: int
    rgb_func: int
    rgb_src_factor: int
    rgb_dst_factor: int
    alpha_func: int
    alpha_src_factor: int
    alpha_dst_factor: int
    colormask: int


@_frozen
class StencilFace:
    enabled: int
    func: int
    fail_op: int
    zpass_op: int
    zfail_op: int
    valuemask: int
    writemask: int


@_frozen
class VertexElement:
    src_offset: int
    instance_divisor: int
    vertex_buffer_index: int
    src_format: int


@_frozen
class Viewport:
    scale: tuple[float, float, float]
    translate: tuple[float, float, float]


@_frozen
class VertexBufferBinding:
    stride: int
    offset: int
    res_handle: int


@_frozen
class Scissor:
    minx: int
    miny: int
    maxx: int
    maxy: int


@_frozen
class BlitRegion:
    res_handle: int
    level: int
    format: int
    x: int
    y: int
    z: int
    width: int
    height: int
    depth: int


@_frozen
class ShaderBufferBinding:
    offset: int
    length: int
    res_handle: int


@_frozen
class ShaderImageBinding:
    format: int
    access: int
    layer_offset: int
    level_size: int
    res_handle: int

    # Textures pack their subresource into the two middle words.
    @property
    def first_layer(self) -> int:
        return self.layer_offset & 0xFFFF

    @property
    def last_layer(self) -> int:
        return self.layer_offset >> 16

    @property
    def level(self) -> int:
        return self.level_size & 0xFF


@_frozen
class PlanePlacement:
    stride: int
    offset: int


@_frozen
class StreamOutput:
    register_index: int
    start_component: int
    num_components: int
    output_buffer: int
    dst_offset: int
    stream: int


# --- object creation -------------------------------------------------------------

@_frozen
class CreateBlend(Command):
    CMD = Ccmd.CREATE_OBJECT
    OBJ = ObjectType.BLEND
    handle: int
    independent_blend_enable: int
    logicop_enable: int
    dither: int
    alpha_to_coverage: int
    alpha_to_one: int
    logicop_func: int
    rt: tuple[BlendTarget, ...]   # always 8


@_frozen
class CreateRasterizer(Command):
    CMD = Ccmd.CREATE_OBJECT
    OBJ = ObjectType.RASTERIZER
    handle: int
    flatshade: int
    depth_clip: int
    clip_halfz: int
    rasterizer_discard: int
    flatshade_first: int
    light_twoside: int
    sprite_coord_mode: int
    point_quad_rasterization: int
    cull_face: int
    fill_front: int
    fill_back: int
    scissor: int
    front_ccw: int
    clamp_vertex_color: int
    clamp_fragment_color: int
    offset_line: int
    offset_point: int
    offset_tri: int
    poly_smooth: int
    poly_stipple_enable: int
    point_smooth: int
    point_size_per_vertex: int
    multisample: int
    line_smooth: int
    line_stipple_enable: int
    line_last_pixel: int
    half_pixel_center: int
    bottom_edge_rule: int
    force_persample_interp: int
    point_size: float
    sprite_coord_enable: int
    line_stipple_pattern: int
    line_stipple_factor: int
    clip_plane_enable: int
    line_width: float
    offset_units: float
    offset_scale: float
    offset_clamp: float


@_frozen
class CreateDsa(Command):
    CMD = Ccmd.CREATE_OBJECT
    OBJ = ObjectType.DSA
    handle: int
    depth_enabled: int
    depth_writemask: int
    depth_func: int
    alpha_enabled: int
    alpha_func: int
    stencil: tuple[StencilFace, StencilFace]   # front, back
    alpha_ref: float


@_frozen
class CreateShaderChunk(Command):
    """One CREATE_OBJECT(SHADER) packet; feed it to `ShaderAssembler`.

    First chunk: continuation False and `offset` = total text length in bytes
    including the NUL. Continuations: `offset` = byte offset of `text` in the
    whole. `text` is this packet's text words as bytes (may end in padding).
    `so_strides`/`so_outputs` are only present on a first chunk with stream
    output; `req_local_mem` only on compute shaders."""
    CMD = Ccmd.CREATE_OBJECT
    OBJ = ObjectType.SHADER
    handle: int
    stage: int
    offset: int
    continuation: bool
    num_tokens: int
    req_local_mem: int
    so_strides: tuple[int, ...]
    so_outputs: tuple[StreamOutput, ...]
    text: bytes


@_frozen
class CreateVertexElements(Command):
    CMD = Ccmd.CREATE_OBJECT
    OBJ = ObjectType.VERTEX_ELEMENTS
    handle: int
    elements: tuple[VertexElement, ...]


@_frozen
class CreateSamplerView(Command):
    CMD = Ccmd.CREATE_OBJECT
    OBJ = ObjectType.SAMPLER_VIEW
    handle: int
    res_handle: int
    format: int
    target: int
    val0: int
    val1: int
    swizzle_r: int
    swizzle_g: int
    swizzle_b: int
    swizzle_a: int

    # Interpretations of val0/val1; the renderer picks by the resource's target.
    @property
    def first_element(self) -> int:
        return self.val0

    @property
    def last_element(self) -> int:
        return self.val1

    @property
    def first_layer(self) -> int:
        return self.val0 & 0xFFFF

    @property
    def last_layer(self) -> int:
        return self.val0 >> 16

    @property
    def first_level(self) -> int:
        return self.val1 & 0xFF

    @property
    def last_level(self) -> int:
        return (self.val1 >> 8) & 0xFF


@_frozen
class CreateSamplerState(Command):
    CMD = Ccmd.CREATE_OBJECT
    OBJ = ObjectType.SAMPLER_STATE
    handle: int
    wrap_s: int
    wrap_t: int
    wrap_r: int
    min_img_filter: int
    min_mip_filter: int
    mag_img_filter: int
    compare_mode: int
    compare_func: int
    seamless_cube_map: int
    max_anisotropy: int
    lod_bias: float
    min_lod: float
    max_lod: float
    border_color: tuple[int, int, int, int]   # raw bits


class _SurfaceViews:
    __slots__ = ()

    @property
    def level(self) -> int:
        return self.val0

    @property
    def first_layer(self) -> int:
        return self.val1 & 0xFFFF

    @property
    def last_layer(self) -> int:
        return self.val1 >> 16

    @property
    def first_element(self) -> int:
        return self.val0

    @property
    def last_element(self) -> int:
        return self.val1


@_frozen
class CreateSurface(_SurfaceViews, Command):
    CMD = Ccmd.CREATE_OBJECT
    OBJ = ObjectType.SURFACE
    handle: int
    res_handle: int
    format: int
    val0: int
    val1: int


@_frozen
class CreateMsaaSurface(_SurfaceViews, Command):
    CMD = Ccmd.CREATE_OBJECT
    OBJ = ObjectType.MSAA_SURFACE
    handle: int
    res_handle: int
    format: int
    val0: int
    val1: int
    sample_count: int


@_frozen
class CreateQuery(Command):
    CMD = Ccmd.CREATE_OBJECT
    OBJ = ObjectType.QUERY
    handle: int
    query_type: int
    index: int
    offset: int
    res_handle: int


@_frozen
class CreateStreamoutTarget(Command):
    CMD = Ccmd.CREATE_OBJECT
    OBJ = ObjectType.STREAMOUT_TARGET
    handle: int
    res_handle: int
    buffer_offset: int
    buffer_size: int


# --- other commands ------------------------------------------------------------------

@_frozen
class Nop(Command):
    CMD = Ccmd.NOP


@_frozen
class BindObject(Command):
    CMD = Ccmd.BIND_OBJECT
    obj_type: int
    handle: int


@_frozen
class DestroyObject(Command):
    CMD = Ccmd.DESTROY_OBJECT
    obj_type: int
    handle: int


@_frozen
class SetViewportState(Command):
    CMD = Ccmd.SET_VIEWPORT_STATE
    start_slot: int
    viewports: tuple[Viewport, ...]


@_frozen
class SetFramebufferState(Command):
    CMD = Ccmd.SET_FRAMEBUFFER_STATE
    zsurf_handle: int
    cbuf_handles: tuple[int, ...]   # 0 = no surface in that slot


@_frozen
class SetVertexBuffers(Command):
    CMD = Ccmd.SET_VERTEX_BUFFERS
    buffers: tuple[VertexBufferBinding, ...]


@_frozen
class Clear(Command):
    CMD = Ccmd.CLEAR
    buffers: int
    color: tuple[int, int, int, int]   # raw bits
    depth: float
    stencil: int


@_frozen
class DrawVbo(Command):
    CMD = Ccmd.DRAW_VBO
    start: int
    count: int
    mode: int
    indexed: bool
    instance_count: int
    index_bias: int
    start_instance: int
    primitive_restart: bool
    restart_index: int
    min_index: int
    max_index: int
    count_from_so: int
    vertices_per_patch: int = 0
    drawid: int = 0
    indirect_handle: int = 0
    indirect_offset: int = 0
    indirect_stride: int = 0
    indirect_draw_count: int = 0
    indirect_draw_count_offset: int = 0
    indirect_draw_count_handle: int = 0


@_frozen
class ResourceInlineWrite(Command):
    CMD = Ccmd.RESOURCE_INLINE_WRITE
    res_handle: int
    level: int
    usage: int
    stride: int
    layer_stride: int
    x: int
    y: int
    z: int
    width: int
    height: int
    depth: int
    data: bytes   # word-padded; the box decides how much is meaningful


@_frozen
class SetSamplerViews(Command):
    CMD = Ccmd.SET_SAMPLER_VIEWS
    shader_type: int
    start_slot: int
    handles: tuple[int, ...]


@_frozen
class SetIndexBuffer(Command):
    CMD = Ccmd.SET_INDEX_BUFFER
    res_handle: int
    index_size: int = 0
    offset: int = 0


@_frozen
class SetConstantBuffer(Command):
    CMD = Ccmd.SET_CONSTANT_BUFFER
    shader_type: int
    index: int
    data: bytes   # whole words of constants


@_frozen
class SetStencilRef(Command):
    CMD = Ccmd.SET_STENCIL_REF
    front: int
    back: int


@_frozen
class SetBlendColor(Command):
    CMD = Ccmd.SET_BLEND_COLOR
    color: tuple[float, float, float, float]


@_frozen
class SetScissorState(Command):
    CMD = Ccmd.SET_SCISSOR_STATE
    start_slot: int
    scissors: tuple[Scissor, ...]


@_frozen
class Blit(Command):
    CMD = Ccmd.BLIT
    mask: int
    filter: int
    scissor_enable: int
    render_condition_enable: int
    alpha_blend: int
    scissor_minx: int
    scissor_miny: int
    scissor_maxx: int
    scissor_maxy: int
    dst: BlitRegion
    src: BlitRegion


@_frozen
class ResourceCopyRegion(Command):
    CMD = Ccmd.RESOURCE_COPY_REGION
    dst_handle: int
    dst_level: int
    dst_x: int
    dst_y: int
    dst_z: int
    src_handle: int
    src_level: int
    src_x: int
    src_y: int
    src_z: int
    src_width: int
    src_height: int
    src_depth: int


@_frozen
class BindSamplerStates(Command):
    CMD = Ccmd.BIND_SAMPLER_STATES
    shader_type: int
    start_slot: int
    handles: tuple[int, ...]


@_frozen
class BeginQuery(Command):
    CMD = Ccmd.BEGIN_QUERY
    handle: int


@_frozen
class EndQuery(Command):
    CMD = Ccmd.END_QUERY
    handle: int


@_frozen
class GetQueryResult(Command):
    CMD = Ccmd.GET_QUERY_RESULT
    handle: int
    wait: bool


@_frozen
class SetPolygonStipple(Command):
    CMD = Ccmd.SET_POLYGON_STIPPLE
    stipple: tuple[int, ...]   # 32 rows


@_frozen
class SetClipState(Command):
    CMD = Ccmd.SET_CLIP_STATE
    ucp: tuple[float, ...]   # 8 planes x 4 coefficients, row-major


@_frozen
class SetSampleMask(Command):
    CMD = Ccmd.SET_SAMPLE_MASK
    mask: int


@_frozen
class SetStreamoutTargets(Command):
    CMD = Ccmd.SET_STREAMOUT_TARGETS
    append_bitmask: int
    handles: tuple[int, ...]


@_frozen
class SetRenderCondition(Command):
    CMD = Ccmd.SET_RENDER_CONDITION
    handle: int
    condition: bool
    mode: int


@_frozen
class SetUniformBuffer(Command):
    CMD = Ccmd.SET_UNIFORM_BUFFER
    shader_type: int
    index: int
    offset: int
    length: int
    res_handle: int


@_frozen
class SetSubCtx(Command):
    CMD = Ccmd.SET_SUB_CTX
    sub_ctx_id: int


@_frozen
class CreateSubCtx(Command):
    CMD = Ccmd.CREATE_SUB_CTX
    sub_ctx_id: int


@_frozen
class DestroySubCtx(Command):
    CMD = Ccmd.DESTROY_SUB_CTX
    sub_ctx_id: int


@_frozen
class BindShader(Command):
    CMD = Ccmd.BIND_SHADER
    handle: int
    shader_type: int


@_frozen
class SetTessState(Command):
    CMD = Ccmd.SET_TESS_STATE
    outer: tuple[float, float, float, float]
    inner: tuple[float, float]


@_frozen
class SetMinSamples(Command):
    CMD = Ccmd.SET_MIN_SAMPLES
    min_samples: int


@_frozen
class SetShaderBuffers(Command):
    CMD = Ccmd.SET_SHADER_BUFFERS
    shader_type: int
    start_slot: int
    buffers: tuple[ShaderBufferBinding, ...]


@_frozen
class SetShaderImages(Command):
    CMD = Ccmd.SET_SHADER_IMAGES
    shader_type: int
    start_slot: int
    images: tuple[ShaderImageBinding, ...]


@_frozen
class MemoryBarrier(Command):
    CMD = Ccmd.MEMORY_BARRIER
    flags: int


@_frozen
class LaunchGrid(Command):
    CMD = Ccmd.LAUNCH_GRID
    block: tuple[int, int, int]
    grid: tuple[int, int, int]
    indirect_handle: int
    indirect_offset: int


@_frozen
class SetFramebufferStateNoAttach(Command):
    CMD = Ccmd.SET_FRAMEBUFFER_STATE_NO_ATTACH
    width: int
    height: int
    layers: int
    samples: int


@_frozen
class TextureBarrier(Command):
    CMD = Ccmd.TEXTURE_BARRIER
    flags: int


@_frozen
class SetAtomicBuffers(Command):
    CMD = Ccmd.SET_ATOMIC_BUFFERS
    start_slot: int
    buffers: tuple[ShaderBufferBinding, ...]


@_frozen
class SetDebugFlags(Command):
    CMD = Ccmd.SET_DEBUG_FLAGS
    flags: bytes   # up to (not including) the first NUL


@_frozen
class GetQueryResultQbo(Command):
    CMD = Ccmd.GET_QUERY_RESULT_QBO
    handle: int
    qbo_handle: int
    wait: bool
    result_type: int
    offset: int
    index: int


@_frozen
class Transfer3D(Command):
    CMD = Ccmd.TRANSFER3D
    res_handle: int
    level: int
    usage: int
    stride: int
    layer_stride: int
    x: int
    y: int
    z: int
    width: int
    height: int
    depth: int
    data_offset: int
    direction: int   # TRANSFER_TO_HOST or TRANSFER_FROM_HOST


@_frozen
class EndTransfers(Command):
    CMD = Ccmd.END_TRANSFERS


@_frozen
class CopyTransfer3D(Command):
    CMD = Ccmd.COPY_TRANSFER3D
    res_handle: int
    level: int
    usage: int
    stride: int
    layer_stride: int
    x: int
    y: int
    z: int
    width: int
    height: int
    depth: int
    src_res_handle: int
    src_offset: int
    synchronized: int
    read_from_host: int


@_frozen
class SetTweaks(Command):
    CMD = Ccmd.SET_TWEAKS
    tweak_id: int
    value: int


@_frozen
class ClearTexture(Command):
    CMD = Ccmd.CLEAR_TEXTURE
    res_handle: int
    level: int
    x: int
    y: int
    z: int
    width: int
    height: int
    depth: int
    data: tuple[int, int, int, int]


@_frozen
class PipeResourceCreate(Command):
    CMD = Ccmd.PIPE_RESOURCE_CREATE
    target: int
    format: int
    bind: int
    width: int
    height: int
    depth: int
    array_size: int
    last_level: int
    nr_samples: int
    flags: int
    blob_id: int


@_frozen
class PipeResourceSetType(Command):
    CMD = Ccmd.PIPE_RESOURCE_SET_TYPE
    res_handle: int
    format: int
    bind: int
    width: int
    height: int
    usage: int
    modifier: int
    planes: tuple[PlanePlacement, ...]


@_frozen
class GetMemoryInfo(Command):
    CMD = Ccmd.GET_MEMORY_INFO
    res_handle: int


@_frozen
class EmitStringMarker(Command):
    CMD = Ccmd.EMIT_STRING_MARKER
    message: bytes


@_frozen
class LinkShader(Command):
    CMD = Ccmd.LINK_SHADER
    vertex: int
    fragment: int
    geometry: int
    tess_ctrl: int
    tess_eval: int
    compute: int


@_frozen
class CreateVideoCodec(Command):
    CMD = Ccmd.CREATE_VIDEO_CODEC
    handle: int
    profile: int
    entrypoint: int
    chroma_format: int
    level: int
    width: int
    height: int


@_frozen
class DestroyVideoCodec(Command):
    CMD = Ccmd.DESTROY_VIDEO_CODEC
    handle: int


@_frozen
class CreateVideoBuffer(Command):
    CMD = Ccmd.CREATE_VIDEO_BUFFER
    handle: int
    format: int
    width: int
    height: int
    plane_handles: tuple[int, ...]


@_frozen
class DestroyVideoBuffer(Command):
    CMD = Ccmd.DESTROY_VIDEO_BUFFER
    handle: int


@_frozen
class BeginFrame(Command):
    CMD = Ccmd.BEGIN_FRAME
    codec_handle: int
    target_handle: int


@_frozen
class DecodeBitstream(Command):
    CMD = Ccmd.DECODE_BITSTREAM
    codec_handle: int
    target_handle: int
    desc_handle: int
    buffer_handle: int
    buffer_size: int


@_frozen
class EndFrame(Command):
    CMD = Ccmd.END_FRAME
    codec_handle: int
    target_handle: int


def _collect() -> dict[str, type]:
    return {name: obj for name, obj in globals().items()
            if isinstance(obj, type) and obj.__module__ == __name__ and not name.startswith("_")}


CLASSES: dict[str, type] = _collect()
"""Every dataclass here by name; the spec's `cls` strings resolve through this."""

__all__ = ["CLASSES", *CLASSES]
