"""Applies bound Gallium state objects to GL, skipping what is already current.

Each state object is immutable once created, so "the same object as last
time" means "no GL calls needed". Anything that changes GL state behind the
cache's back (clears, blits, switching sub-contexts) calls `invalidate`.
"""
from __future__ import annotations

from OpenGL import GL

from pyvirgl.backend.gl import enums
from pyvirgl.protocol.virgl import Face


# "Not known": distinct from None, which means no object is bound (and sets GL defaults).
_UNKNOWN = object()


class StateCache:
    def __init__(self) -> None:
        self.invalidate()

    def invalidate(self) -> None:
        self._blend = self._dsa = self._raster = _UNKNOWN
        self._stencil_ref = None
        self._blend_color = None
        self._viewports = None
        self._scissors = None
        self._sample_mask = None
        self._raster_gl: dict = {}   # rasterizer-derived GL settings now current, by setting

    # -- clears ignore masks and scissors in Gallium ----------------------------------

    def prepare_for_clear(self) -> None:
        GL.glDisable(GL.GL_SCISSOR_TEST)
        GL.glDisable(GL.GL_RASTERIZER_DISCARD)
        GL.glColorMask(True, True, True, True)
        GL.glDepthMask(True)
        GL.glStencilMask(0xFF)
        self._blend = self._dsa = self._raster = _UNKNOWN
        self._raster_gl.pop(GL.GL_SCISSOR_TEST, None)
        self._raster_gl.pop(GL.GL_RASTERIZER_DISCARD, None)

    # -- state objects -----------------------------------------------------------------

    def apply_blend(self, blend) -> None:
        if blend is self._blend:
            return
        self._blend = blend
        if blend is None:
            GL.glDisable(GL.GL_BLEND)
            GL.glColorMask(True, True, True, True)
            return
        targets = blend.rt if blend.independent_blend_enable else (blend.rt[0],) * 8
        for i, rt in enumerate(targets):
            if rt.blend_enable:
                GL.glEnablei(GL.GL_BLEND, i)
                GL.glBlendEquationSeparatei(i, enums.BLEND_FUNC[rt.rgb_func], enums.BLEND_FUNC[rt.alpha_func])
                GL.glBlendFuncSeparatei(i, enums.blend_factor(rt.rgb_src_factor), enums.blend_factor(rt.rgb_dst_factor),
                                        enums.blend_factor(rt.alpha_src_factor), enums.blend_factor(rt.alpha_dst_factor))
            else:
                GL.glDisablei(GL.GL_BLEND, i)
            m = rt.colormask
            GL.glColorMaski(i, bool(m & 1), bool(m & 2), bool(m & 4), bool(m & 8))
        if blend.logicop_enable:
            GL.glEnable(GL.GL_COLOR_LOGIC_OP)
            GL.glLogicOp(enums.LOGIC_OP[blend.logicop_func])
        else:
            GL.glDisable(GL.GL_COLOR_LOGIC_OP)
        _toggle(GL.GL_SAMPLE_ALPHA_TO_COVERAGE, blend.alpha_to_coverage)
        _toggle(GL.GL_SAMPLE_ALPHA_TO_ONE, blend.alpha_to_one)
        _toggle(GL.GL_DITHER, blend.dither)

    def apply_dsa(self, dsa) -> None:
        if dsa is self._dsa:
            return
        self._dsa = dsa
        if dsa is None:
            GL.glDisable(GL.GL_DEPTH_TEST)
            GL.glDisable(GL.GL_STENCIL_TEST)
            GL.glDepthMask(False)
            return
        _toggle(GL.GL_DEPTH_TEST, dsa.depth_enabled)
        GL.glDepthFunc(enums.COMPARE[dsa.depth_func])
        GL.glDepthMask(bool(dsa.depth_writemask))
        front, back = dsa.stencil
        _toggle(GL.GL_STENCIL_TEST, front.enabled)
        self._stencil_ref = None  # the reference goes with the func
        if not back.enabled:
            back = front
        self._faces = (front, back)

    def apply_stencil_ref(self, ref: tuple[int, int]) -> None:
        dsa = self._dsa
        if dsa is None or not dsa.stencil[0].enabled:
            return
        if self._stencil_ref == ref:
            return
        self._stencil_ref = ref
        for face, st, r in ((GL.GL_FRONT, self._faces[0], ref[0]), (GL.GL_BACK, self._faces[1], ref[1])):
            GL.glStencilFuncSeparate(face, enums.COMPARE[st.func], r, st.valuemask)
            GL.glStencilOpSeparate(face, enums.STENCIL_OP[st.fail_op], enums.STENCIL_OP[st.zfail_op],
                                   enums.STENCIL_OP[st.zpass_op])
            GL.glStencilMaskSeparate(face, st.writemask)

    def apply_rasterizer(self, rs) -> None:
        """Issue only the GL calls whose values differ from what is current.

        Guests often alternate between two rasterizers that differ in one bit
        (glxgears switches flat and smooth shading every draw), so the state is
        compared setting by setting, not object by object.
        """
        if rs is self._raster:
            return
        self._raster = rs
        if rs is None:
            return
        current = self._raster_gl
        for key, value in _raster_plan(rs):
            if current.get(key) != value:
                current[key] = value
                value[0](*value[1])

    def apply_blend_color(self, color) -> None:
        if color != self._blend_color:
            self._blend_color = color
            GL.glBlendColor(*color)

    def apply_sample_mask(self, mask: int) -> None:
        if mask != self._sample_mask:
            self._sample_mask = mask
            full = mask & 0xFFFFFFFF == 0xFFFFFFFF
            _toggle(GL.GL_SAMPLE_MASK, not full)
            GL.glSampleMaski(0, mask & 0xFFFFFFFF)

    def apply_viewports(self, viewports, rasterizer) -> None:
        """Gallium viewports are scale/translate; a negative y scale means y points down."""
        halfz = bool(rasterizer and rasterizer.clip_halfz)
        front_ccw = bool(rasterizer.front_ccw) if rasterizer is not None else True
        key = (tuple(viewports), halfz, front_ccw)
        if key == self._viewports:
            return
        self._viewports = key
        flip = False
        for i, vp in enumerate(viewports):
            if vp is None:
                continue
            sx, sy, sz = vp.scale
            tx, ty, tz = vp.translate
            if i == 0:
                flip = sy < 0
            h = abs(sy) * 2
            GL.glViewportIndexedf(i, tx - abs(sx), ty - abs(sy), abs(sx) * 2, h)
            if halfz:
                GL.glDepthRangeIndexed(i, tz, tz + sz)
            else:
                GL.glDepthRangeIndexed(i, tz - sz, tz + sz)
        # An upper-left clip origin negates y between clip and window space,
        # which is exactly what a negative y scale asks for.
        GL.glClipControl(GL.GL_UPPER_LEFT if flip else GL.GL_LOWER_LEFT,
                         GL.GL_ZERO_TO_ONE if halfz else GL.GL_NEGATIVE_ONE_TO_ONE)
        # Guest and host window y are both the memory row, but Gallium names
        # windings with y pointing down and GL with y pointing up, so on the
        # same coordinates Gallium's CCW is GL's CW. An upper-left clip origin
        # makes GL invert facing itself, which cancels that out.
        GL.glFrontFace(GL.GL_CCW if front_ccw == flip else GL.GL_CW)

    def apply_scissors(self, scissors) -> None:
        key = tuple(scissors)
        if key == self._scissors:
            return
        self._scissors = key
        for i, sc in enumerate(scissors):
            if sc is not None:
                GL.glScissorIndexed(i, sc.minx, sc.miny, max(sc.maxx - sc.minx, 0), max(sc.maxy - sc.miny, 0))


_RASTER_PLANS: dict[int, tuple] = {}


def _raster_plan(rs) -> tuple:
    """(setting, (GL function, arguments)) for everything a rasterizer object sets.

    Rasterizer objects are immutable, so the plan is made once per object (kept
    with the object itself, so its id cannot be reused while the plan lives).
    """
    found = _RASTER_PLANS.get(id(rs))
    if found is not None and found[0] is rs:
        return found[1]
    plan = []

    def cap(c, on):
        plan.append((c, (GL.glEnable if on else GL.glDisable, (c,))))

    def call(setting, fn, *args):
        plan.append((setting, (fn, args)))

    cap(GL.GL_CULL_FACE, rs.cull_face != Face.NONE)
    if rs.cull_face != Face.NONE:
        call("cull", GL.glCullFace,
             {Face.FRONT: GL.GL_FRONT, Face.BACK: GL.GL_BACK}.get(rs.cull_face, GL.GL_FRONT_AND_BACK))
    # Core GL has one polygon mode for both faces.
    call("polygon_mode", GL.glPolygonMode, GL.GL_FRONT_AND_BACK, enums.POLYGON_MODE[rs.fill_front])
    cap(GL.GL_SCISSOR_TEST, rs.scissor)
    cap(GL.GL_RASTERIZER_DISCARD, rs.rasterizer_discard)
    cap(GL.GL_DEPTH_CLAMP, not rs.depth_clip)
    cap(GL.GL_PROGRAM_POINT_SIZE, rs.point_size_per_vertex)
    if rs.point_size > 0:
        call("point_size", GL.glPointSize, rs.point_size)
    cap(GL.GL_MULTISAMPLE, rs.multisample)
    # Per-sample shading (glMinSampleShading's fraction comes from SET_MIN_SAMPLES).
    cap(GL.GL_SAMPLE_SHADING, rs.force_persample_interp)
    cap(GL.GL_LINE_SMOOTH, rs.line_smooth)
    if rs.line_width > 0:
        call("line_width", GL.glLineWidth, rs.line_width)
    call("provoking", GL.glProvokingVertex,
         GL.GL_FIRST_VERTEX_CONVENTION if rs.flatshade_first else GL.GL_LAST_VERTEX_CONVENTION)
    cap(GL.GL_POLYGON_OFFSET_FILL, rs.offset_tri)
    cap(GL.GL_POLYGON_OFFSET_LINE, rs.offset_line)
    cap(GL.GL_POLYGON_OFFSET_POINT, rs.offset_point)
    call("polygon_offset", GL.glPolygonOffset, rs.offset_scale, rs.offset_units)
    # The clip origin and depth mode (glClipControl) are set with the viewports.
    for i in range(8):
        cap(GL.GL_CLIP_DISTANCE0 + i, rs.clip_plane_enable >> i & 1)
    plan = tuple(plan)
    if len(_RASTER_PLANS) >= 1024:
        _RASTER_PLANS.clear()
    _RASTER_PLANS[id(rs)] = (rs, plan)
    return plan


def _toggle(cap: int, on) -> None:
    (GL.glEnable if on else GL.glDisable)(cap)
