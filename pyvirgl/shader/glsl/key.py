"""What, besides the TGSI text, changes the GLSL we generate.

ShaderKey carries the bits of guest pipeline state that TGSI leaves to the
host (flat shading of COLOR inputs, point-sprite coordinate replacement,
user clip planes, colour-buffer formats...). HostShaderCaps describes the
host compiler. Both are frozen and hashable: together with the text they
form the translation cache key.
"""
from __future__ import annotations

from dataclasses import dataclass, field

# Base type of an FS colour output, chosen from the bound colour buffer's format.
COLOR_FLOAT = "float"
COLOR_INT = "int"
COLOR_UINT = "uint"


@dataclass(frozen=True)
class StreamOutput:
    """One pipe_stream_output_info entry: which register components go to which buffer."""

    register: int
    start_component: int
    num_components: int
    buffer: int
    dst_offset: int       # in dwords
    stream: int = 0


@dataclass(frozen=True)
class ShaderKey:
    # Rasterizer: COLOR-interpolated FS inputs become `flat` when set (glShadeModel(GL_FLAT)).
    flatshade: bool = False
    # Rasterizer light_twoside: FS COLOR[n] reads BCOLOR[n] on back faces.
    color_two_side: bool = False
    # Rasterizer sprite_coord_enable: bit n replaces FS TEXCOORD[n] (or GENERIC[n]) with gl_PointCoord.
    sprite_coord_enable: int = 0
    # Gallium's sprite_coord_mode is upper-left by default; set when the guest asks for lower-left.
    sprite_coord_lower_left: bool = False
    # Rasterizer clip_plane_enable: last vertex stage writes gl_ClipDistance[i] from the
    # driver uniform clip planes when the shader does not write clip distances itself.
    clip_plane_enable: int = 0
    # Blend alpha_to_one: FS forces colour output alpha to 1.
    alpha_to_one: bool = False
    # Depth-stencil-alpha alpha test as a Gallium PIPE_FUNC (7 = ALWAYS: no
    # test): FS discards when colour 0's alpha fails against the "alpha_ref"
    # driver uniform. Core GL has no alpha test, so the shader does it.
    alpha_test_func: int = 7
    # Number of bound colour buffers (FS_COLOR0_WRITES_ALL_CBUFS replicates to these).
    nr_cbufs: int = 1
    # Per colour buffer: COLOR_FLOAT / COLOR_INT / COLOR_UINT (missing entries are float).
    cbuf_types: tuple[str, ...] = ()
    # Blend state uses a second source colour: COLOR[1] becomes index 1 of location 0.
    dual_src_blend: bool = False
    # Compute: bytes of shared memory the guest requested (req_local_mem); 0 = host maximum.
    shared_memory_bytes: int = 0
    # Semantic names (as in TranslatedShader.inputs) the previous stage writes; when given,
    # inputs it does not write read as (0,0,0,1) instead of declaring an unmatched varying.
    prev_stage_outputs: frozenset[str] | None = None
    # Last vertex stage: (semantic label, "flat centroid"...) for each varying the fragment
    # shader reads with interpolation qualifiers (glsl.io.fragment_input_qualifiers); the
    # output block repeats them, since the linker wants block members to agree.
    fs_input_qualifiers: tuple[tuple[str, str], ...] = ()
    # Vertex shader: per IN[i], "float" (default), "int" or "uint", from the vertex element
    # formats; integer attributes need integer GLSL inputs to keep their bits.
    vertex_input_types: tuple[str, ...] = ()
    # Transform feedback outputs of the last vertex stage (from the shader's creation command).
    stream_outputs: tuple[StreamOutput, ...] = ()
    # Per buffer: dwords per captured vertex; components past the last output are
    # skipped (gl_SkipComponents), so the guest's stride holds (empty = tightly packed).
    stream_output_strides: tuple[int, ...] = ()


@dataclass(frozen=True)
class HostShaderCaps:
    """The host GLSL compiler: highest `#version` and the extensions it accepts."""

    glsl_version: int = 450
    extensions: frozenset[str] = field(default_factory=frozenset)
    max_shared_memory: int = 32768

    def has(self, extension: str) -> bool:
        return extension in self.extensions
