"""The state one Gallium context (a virgl sub-context) has set.

Plain Python objects: handlers only record what the guest bound, and the
draw path turns the recorded state into GL calls, skipping what is already
current on the host (see `state_cache`).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from pyvirgl.decode import ShaderAssembler
from pyvirgl.protocol.virgl import ObjectType

STAGES = 6
MAX_SAMPLER_VIEWS = 32
MAX_CONST_BUFFERS = 16
MAX_VERTEX_BUFFERS = 32
MAX_COLOR_BUFFERS = 8

# What changed since this sub-context's last draw (SubContext.dirty), set by
# the executor's state handlers so that a draw redoes only the matching part
# of its GL setup. A flag is never the only guard: the draw path also redoes
# everything when anything else touched the host GL state since (see
# DrawContext.current and executor.handles).
D_PROGRAM = 1 << 0    # shaders, rasterizer, blend, dsa, colour buffers: the linked program
D_STATE = 1 << 1      # blend colour, sample mask
D_FB = 1 << 2         # framebuffer attachments
D_CONST = 1 << 3      # constant buffers and uniform buffers
D_TEX = 1 << 4        # sampler views and sampler states
D_VERT = 1 << 5       # vertex elements and vertex buffers
D_UNIFORMS = 1 << 6   # driver uniforms' inputs (clip planes)
D_RES = 1 << 7        # shader buffers, shader images, atomic counter buffers
D_VIEWPORT = 1 << 8   # viewports
D_BLEND = 1 << 9      # the blend object
D_DSA = 1 << 10       # the depth-stencil-alpha object, stencil reference
D_RASTER = 1 << 11    # the rasterizer object (viewports follow its clip and winding conventions)
D_SCISSOR = 1 << 12   # scissor rectangles
D_ALL = (1 << 13) - 1


@dataclass(eq=False)
class VertexArray:
    """A host vertex array made for one vertex elements object, and what draw.py last set in it.

    The attribute formats are set once; only buffer bindings (and the element
    buffer) change. `layout` holds the vertex elements object: the sub-context
    keys vertex arrays by its id, which cannot be reused while it is held."""
    name: int
    layout: object
    attribs: list = field(default_factory=list)     # per attribute slot: what it was set to
    element_buffer: tuple | None = None             # (storage, GL name)
    # The (vertex buffers, resources) objects `attribs` were last set from.
    bound_from: tuple | None = None


@dataclass(eq=False)   # compared (and hashed) by identity
class SubContext:
    sub_id: int
    # Created objects, by type then handle. Handles are per type, like Gallium's.
    objects: dict[ObjectType, dict[int, object]] = field(
        default_factory=lambda: {t: {} for t in ObjectType})
    assembler: ShaderAssembler = field(default_factory=ShaderAssembler)

    # Bound state objects (handles into `objects`; 0 = none).
    blend: int = 0
    dsa: int = 0
    rasterizer: int = 0
    vertex_elements: int = 0
    shaders: list[int] = field(default_factory=lambda: [0] * STAGES)

    # Parameter state.
    cbufs: tuple[int, ...] = ()
    zsurf: int = 0
    fb_no_attach: tuple[int, int, int, int] | None = None
    # Up to the highest slot set (so draws look at as few as the guest uses); None: never set.
    viewports: list = field(default_factory=list)
    scissors: list = field(default_factory=list)
    vertex_buffers: list = field(default_factory=list)
    vertex_resources: list = field(default_factory=list)   # each binding's Resource (None: no buffer)
    index_buffer: tuple[int, int, int] | None = None  # (res handle, index size, offset)
    const_data: list[dict[int, bytes]] = field(default_factory=lambda: [{} for _ in range(STAGES)])
    uniform_buffers: list[dict[int, tuple[int, int, int]]] = field(default_factory=lambda: [{} for _ in range(STAGES)])
    sampler_views: list[list[int]] = field(default_factory=lambda: [[0] * MAX_SAMPLER_VIEWS for _ in range(STAGES)])
    sampler_states: list[list[int]] = field(default_factory=lambda: [[0] * MAX_SAMPLER_VIEWS for _ in range(STAGES)])
    blend_color: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    stencil_ref: tuple[int, int] = (0, 0)
    sample_mask: int = 0xFFFFFFFF
    min_samples: int = 1
    clip_planes: tuple[float, ...] = (0.0,) * 32
    polygon_stipple: tuple[int, ...] = (0xFFFFFFFF,) * 32
    tess_outer: tuple[float, ...] = (1.0,) * 4
    tess_inner: tuple[float, ...] = (1.0,) * 2
    # (query, GL mode) while SET_RENDER_CONDITION is on (queries.py).
    render_condition: tuple | None = None
    # Stream output targets and their GL transform feedback objects (streamout.py).
    streamout: object = None
    # Per stage: slot -> (res handle, offset, length) / image binding; atomics: slot -> range.
    shader_buffers: list[dict[int, tuple[int, int, int]]] = field(default_factory=lambda: [{} for _ in range(STAGES)])
    shader_images: list[dict[int, object]] = field(default_factory=lambda: [{} for _ in range(STAGES)])
    atomic_buffers: dict[int, tuple[int, int, int]] = field(default_factory=dict)
    # Buffer-image views replaced during this submit, for reuse (shader_resources.py).
    spare_images: list = field(default_factory=list)
    # Texture-image views made during this submit, by (id(storage), binding) (shader_resources.py).
    image_views: dict = field(default_factory=dict)

    # Host objects owned by this sub-context, made on first use.
    gl_fbo: int = 0
    gl_vao: int = 0            # the vertex array of the bound vertex elements (draw.py)
    fb_dirty: bool = True
    fb_size: tuple[int, int] = (0, 0)
    fb_srgb: bool = False
    # D_* flags: state set since the last draw that completed (all, before the first).
    dirty: int = D_ALL
    # With D_CONST: the (stage, index) constant/uniform buffer slots set since then.
    const_changed: set = field(default_factory=set)
    # With D_TEX: the (stage, VIEW or SAMPLER, slot) texture slots whose handle changed since then.
    tex_changed: set = field(default_factory=set)
    # One vertex array per vertex elements object (id -> VertexArray), and the current one.
    vertex_arrays: dict = field(default_factory=dict)
    vao: object = None

    def table(self, kind: ObjectType) -> dict[int, object]:
        return self.objects[kind]
