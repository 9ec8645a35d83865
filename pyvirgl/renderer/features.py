"""What pyvirgl executes today.

A capability reaches the guest only if the host supports it AND it is listed
here, so the guest's GL version rises as the renderer grows and never
promises what we cannot do. Each entry is added in the commit that
implements (and tests) the feature.
"""
from __future__ import annotations

from pyvirgl.protocol.caps import Cap, CapV2

# Names from protocol.caps.BOOL_SET1, each backed by executor code and a test:
# per-target blend state and separate equations (state_cache.apply_blend),
# instancing with divisors and base instance (draw.py), primitive restart,
# depth clamp for depth_clip = 0, and constant/uniform buffers bound as UBOs.
BOOL_CAPS: frozenset[str] = frozenset({
    "indep_blend_enable", "indep_blend_func", "blend_eq_sep",
    "instanceid", "start_instance", "vertex_element_instance_divisor",
    "primitive_restart", "depth_clip_disable", "ubo",
    # queries.py and streamout.py, tests/renderer/test_gl_queries.py and test_gl_streamout.py
    "occlusion_query", "timer_query", "conditional_render", "conditional_render_inverted",
    "streamout_pause_resume", "transform_feedback_overflow_query",
    # indirect.py, tests/renderer/test_gl_indirect.py
    "has_indirect_draw",
    # storage.py makes multisample textures (reads resolve), framebuffer.py
    # renders into them, blit.py resolves them.
    "texture_multisample",
    # The translator honours FS_COORD_ORIGIN / FS_COORD_PIXEL_CENTER
    # (shader/glsl/emitter.py, golden tests with both conventions).
    "fragment_coord_conventions",
    # Sampler states carry seamless_cube_map; textures.py sets it on the
    # host sampler object (per texture, so both caps hold).
    "seamless_cube_map", "seamless_cube_map_per_texture",
    # GL 4.0: draw.py links tessellation stages and sets patch vertices,
    # executor.py SET_TESS_STATE/SET_MIN_SAMPLES; storage.py makes cube-map
    # arrays; the translator emits doubles, LODQ and per-sample inputs
    # (tests/renderer/test_gl_gl40.py draws with each).
    "has_tessellation_shaders", "has_fp64", "has_sample_shading", "cube_map_array", "texture_query_lod",
    # DDX_FINE/DDY_FINE and the coarse forms: shader/glsl/alu.py (dFdxFine...).
    "derivative_control",
    # CLIPDIST slots past NUM_CLIPDIST_ENABLED become gl_CullDistance (shader/glsl/io.py;
    # tests/renderer/test_gl_gl40.py culls with them).
    "has_cull",
})

# Stream-output buffers the executor binds (streamout.py), at most the host's.
MAX_STREAMOUT_BUFFERS = 4

# TRANSFER: TRANSFER3D/END_TRANSFERS inside the stream (executor.py);
# the rest are backed by queries.py, indirect.py, compute.py barriers and
# resource_ops.py, each with tests under tests/renderer/.
CAP_BITS = (Cap.TRANSFER | Cap.QBO | Cap.MEMORY_BARRIER | Cap.TEXTURE_BARRIER | Cap.MULTI_DRAW_INDIRECT
            | Cap.INDIRECT_PARAMS | Cap.BIND_COMMAND_ARGS | Cap.CLEAR_TEXTURE | Cap.COPY_TRANSFER
            # framebuffer.py attaches each colour buffer in its own surface format
            # (a texture view when it differs) and encodes sRGB surfaces.
            | Cap.FBO_MIXED_COLOR_FORMATS | Cap.SRGB_WRITE_CONTROL
            # compute.py: LAUNCH_GRID direct and indirect.
            | Cap.COMPUTE_SHADER
            # GL 4.3: textures.py samples through views of any compatible
            # target and format; executor.py copies between compressed and
            # plain formats block for block; framebuffer.py renders with no
            # attachments at SET_FRAMEBUFFER_STATE_NO_ATTACH's size.
            | Cap.TEXTURE_VIEW | Cap.COPY_IMAGE | Cap.FB_NO_ATTACH
            # executor.py SET_MIN_SAMPLES -> glMinSampleShading, state_cache.py
            # force_persample_interp -> GL_SAMPLE_SHADING (tests/renderer/test_gl_gl40.py).
            | Cap.SET_MIN_SAMPLES
            # TXQS -> textureSamples (shader/glsl/textures.py; test_gl_gl40.py).
            | Cap.TXQS
            # _PRECISE instructions -> `precise` registers (shader/glsl/emitter.py, io.py).
            | Cap.TGSI_PRECISE
            # Four vertex streams: EMIT/ENDPRIM to stream n -> EmitStreamVertex,
            # layout(stream = n) outputs and captures, stream-indexed queries
            # (shader/glsl/emitter.py, io.py, backend/gl/queries.py).
            | Cap.TRANSFORM_FEEDBACK3)

# ROBUST_BUFFER_ACCESS is added by the caps builder only when the host
# context really is robust (egl.py asks for one first).
CAP_V2_BITS = CapV2.COPY_TRANSFER_BOTH_DIRECTIONS | CapV2.MEMINFO

# The GLSL level we let the guest compile for. The translator handles all
# 1,647 distinct shaders captured from Mesa at GL 4.3 (tests/shader/golden),
# geometry shaders included; with texture buffers, uniform blocks, dual-source
# blending, seamless cube maps and fragment-coordinate conventions below,
# Mesa offers GL 3.3 core (and 3.1 compatibility, which Mesa caps at GLSL 1.40).
GLSL_LEVEL = 430


# Per-feature switches for caps that are counts rather than bits.
# textures.py makes buffer sampler views with glTextureBufferRange.
TEXTURE_BUFFERS = True
# programs.py links a geometry stage between vertex and fragment; draw.py
# passes adjacency primitives straight to the host.
GEOMETRY_SHADERS = True
# The translator writes the second colour to index 1 when the blend state
# reads SRC1 factors (draw.py keys `dual_src_blend`).
DUAL_SOURCE_BLEND = True
# Constant buffer 0 and the guest's UBOs are all host uniform blocks; stage s
# uses binding points s*UBO_SLOTS_PER_STAGE onwards (draw.py, programs.py).
# 15 keeps all six stages inside the 90 bindings GL 4.5 hosts give at least.
UNIFORM_BLOCKS = True
# textureGather with per-component selection and offsets (shader/glsl/textures.py TG4).
TEXTURE_GATHER = True
# Tessellation: per-patch varyings up to the host's limit.
TESSELLATION = True
# Viewport arrays: state_cache.py sets every index, the translator writes
# gl_ViewportIndex (tests/renderer/test_gl_gl40.py). 16 is Gallium's maximum.
MAX_VIEWPORTS = 16
# GL 4.2 and the compute/storage extensions: shader_resources.py binds
# storage buffers (stage*16 + slot), images (units handed out per program)
# and atomic counter buffers; compute.py dispatches (tests/renderer/
# test_gl_compute.py). Counts come from the host, within those layouts.
SHADER_BUFFERS = True
SSBO_SLOTS_PER_STAGE = 16   # storage buffer binding points per graphics stage
SHADER_IMAGES = True
ATOMIC_COUNTERS = True
COMPUTE = True
UBO_SLOTS_PER_STAGE = 15

# Bool caps that also need a host extension: the executor sets the state
# through it, so without it the guest must not be told.
# Capability bits offered only when the host has the extension behind them.
HOST_EXTENSION_FOR_BIT = {
    Cap.TXQS: "GL_ARB_shader_texture_image_samples",
    Cap.TGSI_PRECISE: "GL_ARB_gpu_shader5",   # the `precise` qualifier
}

HOST_EXTENSION_FOR = {
    "has_cull": "GL_ARB_cull_distance",
    "seamless_cube_map": "GL_ARB_seamless_cubemap_per_texture",
    "seamless_cube_map_per_texture": "GL_ARB_seamless_cubemap_per_texture",
}
