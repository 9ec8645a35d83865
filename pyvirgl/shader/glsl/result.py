"""What translation hands to the executor: GLSL text plus binding metadata.

Binding conventions (every name below is generated, prefixed by the stage,
so one program's stages never clash):

* Constant buffers: guest constant buffer i is the std140 uniform block
  `ConstantBlock.block_name` holding `uvec4 <member>[vec4_count]`. One uvec4
  per guest vec4, 16-byte stride, so the executor uploads the guest's
  SET_CONSTANT_BUFFER dwords verbatim into a GL buffer of at least
  `size_bytes` (pad with zeros) and binds it with glUniformBlockBinding +
  glBindBufferRange(GL_UNIFORM_BUFFER).
* Samplers: one GLSL sampler uniform per (sampler view, sampler state) pair;
  set it to a texture unit with glUniform1i, bind the view's texture and the
  sampler state there.
* Images: `uniform <format> image*`; set the unit with glUniform1i and bind
  with glBindImageTexture (image_format is the GL enum name to use).
* Shader buffers: std430 `buffer` blocks of `uint data[]`, bound with
  glShaderStorageBlockBinding + glBindBufferRange(GL_SHADER_STORAGE_BUFFER).
* Atomic counters: `layout(binding=b, offset=4*i)` counters; the guest atomic
  buffer n is bound to GL_ATOMIC_COUNTER_BUFFER binding b.
* Driver uniforms (plain uniforms, set by the executor): see DRIVER_UNIFORMS.
* Vertex inputs: IN[i] is `layout(location = i)`; integer vertex formats
  need ShaderKey.vertex_input_types so the GLSL input is ivec4/uvec4 and the
  executor uses glVertexAttribIFormat.
* Varyings: interface blocks named by TGSI semantic (`V_generic3 { vec4 d; }`),
  so any producer/consumer pair translated separately links; patch varyings
  use `patch` blocks. Built-ins (position, point size, clip/cull distances,
  layer, viewport index, tess levels) use gl_* variables.
* Colour outputs: `layout(location = n[, index = 1])`; FS_COLOR0_WRITES_ALL_CBUFS
  fans out to ShaderKey.nr_cbufs outputs; integer colour buffers need
  ShaderKey.cbuf_types.
* Window conventions: the executor keeps guest rows equal to host rows
  (no y-flip in the framebuffer; use glClipControl(GL_UPPER_LEFT) when the
  guest viewport has a negative y scale, and swap glFrontFace accordingly).
  Then TGSI's upper-left gl_FragCoord is GL's gl_FragCoord; lower-left
  origin uses the "fb_height" driver uniform. GL_POINT_SPRITE_COORD_ORIGIN
  must stay at its default (GL_UPPER_LEFT); the shader flips gl_PointCoord.
* Transform feedback: ShaderKey.stream_outputs makes dedicated outputs;
  pass TranslatedShader.xfb_varyings to glTransformFeedbackVaryings with
  GL_INTERLEAVED_ATTRIBS before linking.
"""
from __future__ import annotations

from dataclasses import dataclass

# purpose -> what the executor must store in the uniform named in driver_uniforms.
DRIVER_UNIFORMS = {
    "clip_planes": "vec4[8]: the rasterizer's user clip planes (set_clip_state)",
    "fb_height": "float: height of the bound framebuffer (lower-left gl_FragCoord origin)",
    "alpha_ref": "float: the depth-stencil-alpha state's alpha reference value",
    "shadow_swizzle_<n>": "vec4[2]: for shadow lookups through sampler view n, the mask and add vectors "
                          "that apply the view's constant (0/1) channels to the compare result",
    "buffer_swizzle_<n>": "ivec4[3]: for texel fetches from buffer view n, the channel picks, mask and "
                          "add that give the guest's swizzle and format layout (GL buffer textures have none)",
}


@dataclass(frozen=True)
class ConstantBlock:
    block_name: str
    guest_index: int
    vec4_count: int

    @property
    def size_bytes(self) -> int:
        return 16 * self.vec4_count


@dataclass(frozen=True)
class SamplerBinding:
    uniform_name: str
    view_index: int
    sampler_index: int
    glsl_type: str
    shadow: bool


@dataclass(frozen=True)
class ImageBinding:
    uniform_name: str
    image_index: int
    glsl_type: str
    format_qualifier: str | None


@dataclass(frozen=True)
class BufferBinding:
    block_name: str
    buffer_index: int


@dataclass(frozen=True)
class AtomicBinding:
    binding: int          # GL atomic counter buffer binding point used in the GLSL
    guest_buffer: int     # HWATOMIC[n][..]: the guest's atomic buffer n


@dataclass(frozen=True)
class VertexInput:
    location: int         # IN[i] -> layout(location = i)
    name: str


@dataclass(frozen=True)
class ColorOutput:
    name: str
    location: int
    index: int            # dual-source blend index (0 or 1)
    guest_cbuf: int


@dataclass(frozen=True)
class Varying:
    semantic: str         # e.g. "GENERIC[3]", "COLOR[0]", "PATCH[1]"
    glsl_name: str


@dataclass(frozen=True)
class TranslatedShader:
    stage: str                      # "vertex", "fragment", "geometry", "tess_control", "tess_eval", "compute"
    glsl: str
    constant_blocks: tuple[ConstantBlock, ...] = ()
    samplers: tuple[SamplerBinding, ...] = ()
    images: tuple[ImageBinding, ...] = ()
    buffers: tuple[BufferBinding, ...] = ()
    atomics: tuple[AtomicBinding, ...] = ()
    vertex_inputs: tuple[VertexInput, ...] = ()
    color_outputs: tuple[ColorOutput, ...] = ()
    inputs: tuple[Varying, ...] = ()
    outputs: tuple[Varying, ...] = ()
    # Transform feedback: GLSL output names in the order of the TGSI OUT registers they come from.
    output_registers: tuple[tuple[int, str], ...] = ()
    driver_uniforms: tuple[tuple[str, str], ...] = ()
    writes_depth: bool = False
    uses_discard: bool = False
    local_size: tuple[int, int, int] | None = None
    # Names for glTransformFeedbackVaryings(GL_INTERLEAVED_ATTRIBS), with gl_SkipComponents*
    # for gaps and gl_NextBuffer between buffers.
    xfb_varyings: tuple[str, ...] = ()
    # The primitive class a geometry shader takes ("points", "lines", "lines_adjacency",
    # "triangles", "triangles_adjacency") or a tessellation evaluation shader makes
    # ("points", "lines", "triangles"); None for other stages. Draws must agree with it.
    primitive: str | None = None

    def driver_uniform(self, purpose: str) -> str | None:
        return dict(self.driver_uniforms).get(purpose)
