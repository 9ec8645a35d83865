"""Applies bound Gallium state objects to GL, skipping what is already current.

Each state object is immutable once created, so "the same object as last
time" means "no GL calls needed". A different object is applied by
difference: each object becomes (once) a plan of (setting, GL call) pairs,
and only the calls whose setting differs from what is current are made
(guests often switch between objects that differ in one bit: glxgears flips
flat/smooth shading every draw, drawoverhead toggles one enable). Anything
that changes GL state behind the cache's back (clears, blits, switching
sub-contexts) calls `invalidate` or `prepare_for_clear`.

The calls are the unchecked ones of `rawgl`: only draws apply this state,
and each draw checks for GL errors once after it.
"""
from __future__ import annotations

import ctypes

from OpenGL import GL

from pyvirgl.backend.gl import enums
from pyvirgl.backend.gl.identity_memo import of_one, of_pair
from pyvirgl.backend.gl.rawgl import gl
from pyvirgl.protocol.virgl import Face

# "Not known": distinct from None, which means no object is bound (and sets GL defaults).
_UNKNOWN = object()
_RTS = 8
ALL_BUFFERS = -1   # the draw-buffer index of settings made for all buffers at once


class StateCache:
    def __init__(self) -> None:
        self.invalidate()

    def invalidate(self) -> None:
        self._blend = self._dsa = self._raster = _UNKNOWN
        self._stencil_ref = None
        self._blend_color = None
        self._viewport_mode = None   # (y flipped, half z, front ccw): clip control and winding
        self._viewports: dict = {}   # index -> (viewport, GL rectangle, depth range) set there
        self._rect = (ctypes.c_float * 4)()   # glViewportIndexedfv's argument, filled per call
        self._scissors: dict = {}    # index -> scissor rectangle set there
        self._sample_mask = None
        self._gl: dict = {}   # setting -> (GL function, arguments) now current (from the plans)

    # -- clears ignore masks and scissors in Gallium ----------------------------------

    def prepare_for_clear(self) -> None:
        # Unchecked: the clear (or blit) checks for errors after its own calls.
        gl.glDisable(GL.GL_SCISSOR_TEST)
        gl.glDisable(GL.GL_RASTERIZER_DISCARD)
        gl.glColorMask(1, 1, 1, 1)
        gl.glDepthMask(1)
        gl.glStencilMask(0xFF)
        self._blend = self._dsa = self._raster = _UNKNOWN
        current = self._gl
        for key in (GL.GL_SCISSOR_TEST, GL.GL_RASTERIZER_DISCARD, "depth_mask",
                    *[("colormask", i) for i in (*range(_RTS), ALL_BUFFERS)]):
            current.pop(key, None)

    # -- state objects -----------------------------------------------------------------

    def _apply(self, plan) -> None:
        current = self._gl
        for key, call in plan:
            if current.get(key) != call:
                current[key] = call
                call[0](*call[1])
                if type(key) is tuple:
                    # A per-buffer setting and the all-buffers one overwrite each
                    # other: what the other scope recorded is no longer known.
                    name, index = key
                    if index == ALL_BUFFERS:
                        for i in range(_RTS):
                            current.pop((name, i), None)
                    else:
                        current.pop((name, ALL_BUFFERS), None)

    def _switch(self, plans: dict, build, previous, new) -> None:
        """Apply `new`'s plan where the object applied last was `previous`.

        When `previous` is known, every setting of its plan is still current
        (anything else that touches these settings forgets the object), so
        only the settings where the two plans differ need looking at."""
        plan = _plan(plans, new, build)
        if previous is _UNKNOWN:
            self._apply(plan)
        else:
            self._apply(_transition(_plan(plans, previous, build), plan))

    def apply_blend(self, blend) -> None:
        if blend is self._blend:
            return
        previous, self._blend = self._blend, blend
        self._switch(_BLEND_PLANS, _blend_plan, previous, blend)

    def apply_dsa(self, dsa) -> None:
        if dsa is self._dsa:
            return
        previous, self._dsa = self._dsa, dsa
        self._switch(_DSA_PLANS, _dsa_plan, previous, dsa)
        self._stencil_ref = None  # the reference goes with the func
        if dsa is not None:
            front, back = dsa.stencil
            self._faces = (front, back if back.enabled else front)

    def apply_stencil_ref(self, ref: tuple[int, int]) -> None:
        dsa = self._dsa
        if dsa is None or not dsa.stencil[0].enabled:
            return
        if self._stencil_ref == ref:
            return
        self._stencil_ref = ref
        for face, st, r in ((GL.GL_FRONT, self._faces[0], ref[0]), (GL.GL_BACK, self._faces[1], ref[1])):
            gl.glStencilFuncSeparate(face, enums.COMPARE[st.func], r, st.valuemask)
            gl.glStencilOpSeparate(face, enums.STENCIL_OP[st.fail_op], enums.STENCIL_OP[st.zfail_op],
                                   enums.STENCIL_OP[st.zpass_op])
            gl.glStencilMaskSeparate(face, st.writemask)

    def apply_rasterizer(self, rs) -> None:
        """Issue only the GL calls whose values differ from what is current.

        Guests often alternate between two rasterizers that differ in one bit
        (glxgears switches flat and smooth shading every draw), so the state is
        compared setting by setting, not object by object.
        """
        if rs is self._raster:
            return
        previous, self._raster = self._raster, rs
        if rs is None:
            return   # GL keeps what it has (and the next rasterizer applies all of its plan)
        self._switch(_RASTER_PLANS, _raster_plan, _UNKNOWN if previous is None else previous, rs)

    def apply_blend_color(self, color) -> None:
        if color != self._blend_color:
            self._blend_color = color
            gl.glBlendColor(*color)

    def apply_sample_mask(self, mask: int) -> None:
        if mask != self._sample_mask:
            self._sample_mask = mask
            full = mask & 0xFFFFFFFF == 0xFFFFFFFF
            (gl.glDisable if full else gl.glEnable)(GL.GL_SAMPLE_MASK)
            gl.glSampleMaski(0, mask & 0xFFFFFFFF)

    def apply_viewports(self, viewports, rasterizer) -> None:
        """Gallium viewports are scale/translate; a negative y scale means y points down.

        Per index, only the rectangle or depth range that differs from what
        was set there is set."""
        halfz = bool(rasterizer and rasterizer.clip_halfz)
        front_ccw = bool(rasterizer.front_ccw) if rasterizer is not None else True
        first = viewports[0] if viewports else None
        flip = first is not None and first.scale[1] < 0
        mode = (flip, halfz, front_ccw)
        have = self._viewports
        if mode != self._viewport_mode:
            self._viewport_mode = mode
            have.clear()   # the depth ranges depend on half z
            # An upper-left clip origin negates y between clip and window space,
            # which is exactly what a negative y scale asks for.
            gl.glClipControl(GL.GL_UPPER_LEFT if flip else GL.GL_LOWER_LEFT,
                             GL.GL_ZERO_TO_ONE if halfz else GL.GL_NEGATIVE_ONE_TO_ONE)
            # Guest and host window y are both the memory row, but Gallium names
            # windings with y pointing down and GL with y pointing up, so on the
            # same coordinates Gallium's CCW is GL's CW. An upper-left clip origin
            # makes GL invert facing itself, which cancels that out.
            gl.glFrontFace(GL.GL_CCW if front_ccw == flip else GL.GL_CW)
        rect_buf = self._rect
        for i, vp in enumerate(viewports):
            if vp is None:
                continue
            old = have.get(i)
            if old is not None and old[0] is vp:
                continue
            sx, sy, sz = vp.scale
            tx, ty, tz = vp.translate
            sx, sy = abs(sx), abs(sy)
            rect = (tx - sx, ty - sy, sx * 2, sy * 2)
            depth = (tz, tz + sz) if halfz else (tz - sz, tz + sz)
            have[i] = (vp, rect, depth)
            if old is None or old[1] != rect:
                rect_buf[:] = rect
                gl.glViewportIndexedfv(i, rect_buf)
            if old is None or old[2] != depth:
                gl.glDepthRangeIndexed(i, depth[0], depth[1])

    def apply_scissors(self, scissors) -> None:
        for i, _old, sc in _changed_slots(scissors, self._scissors):
            gl.glScissorIndexed(i, sc.minx, sc.miny, max(sc.maxx - sc.minx, 0), max(sc.maxy - sc.miny, 0))


def _changed_slots(values, have: dict):
    """(index, what was set there or None, value) for each set value that differs from `have`, which it updates."""
    for i, value in enumerate(values):
        if value is None:
            continue
        old = have.get(i)
        if old is value or old == value:
            continue
        have[i] = value
        yield i, old, value


_RASTER_PLANS: dict[int, tuple] = {}
_BLEND_PLANS: dict[int, tuple] = {}
_DSA_PLANS: dict[int, tuple] = {}


_MAX_MEMO = 1024   # plans and transitions kept per kind of state object


def _plan(plans: dict, obj, build) -> list:
    """The plan for a state object: its (setting, GL call) pairs, made once per object (never changed)."""
    return of_one(plans, obj, build, _MAX_MEMO)


_TRANSITIONS: dict[tuple[int, int], tuple] = {}


def _transition(old: list, new: list) -> tuple:
    """The entries of plan `new` whose setting plan `old` does not make the same way (once per pair)."""
    return of_pair(_TRANSITIONS, old, new, _plan_difference, _MAX_MEMO)


def _plan_difference(old: list, new: list) -> tuple:
    before = dict(old)
    return tuple(entry for entry in new if before.get(entry[0]) != entry[1])


def _cap(c, on):
    return (c, (gl.glEnable if on else gl.glDisable, (c,)))


def _blend_plan(blend) -> list:
    """(setting, (GL function, arguments)) for everything a blend object (or None) sets."""
    plan = []
    if blend is None:
        plan.append((("blend", ALL_BUFFERS), (gl.glDisable, (GL.GL_BLEND,))))
        plan.append((("colormask", ALL_BUFFERS), (gl.glColorMask, (1, 1, 1, 1))))
        return plan
    if not blend.independent_blend_enable:
        # One setting for every draw buffer: the non-indexed calls (1 call, not 8).
        rt = blend.rt[0]
        if rt.blend_enable:
            plan.append((("blend", ALL_BUFFERS), (gl.glEnable, (GL.GL_BLEND,))))
            plan.append((("blend_eq", ALL_BUFFERS), (gl.glBlendEquationSeparate, (
                enums.BLEND_FUNC[rt.rgb_func], enums.BLEND_FUNC[rt.alpha_func]))))
            plan.append((("blend_func", ALL_BUFFERS), (gl.glBlendFuncSeparate, (
                enums.blend_factor(rt.rgb_src_factor), enums.blend_factor(rt.rgb_dst_factor),
                enums.blend_factor(rt.alpha_src_factor), enums.blend_factor(rt.alpha_dst_factor)))))
        else:
            plan.append((("blend", ALL_BUFFERS), (gl.glDisable, (GL.GL_BLEND,))))
        m = rt.colormask
        plan.append((("colormask", ALL_BUFFERS), (gl.glColorMask, (m & 1, m >> 1 & 1, m >> 2 & 1, m >> 3 & 1))))
    for i, rt in enumerate(blend.rt if blend.independent_blend_enable else ()):
        if rt.blend_enable:
            plan.append((("blend", i), (gl.glEnablei, (GL.GL_BLEND, i))))
            plan.append((("blend_eq", i), (gl.glBlendEquationSeparatei, (
                i, enums.BLEND_FUNC[rt.rgb_func], enums.BLEND_FUNC[rt.alpha_func]))))
            plan.append((("blend_func", i), (gl.glBlendFuncSeparatei, (
                i, enums.blend_factor(rt.rgb_src_factor), enums.blend_factor(rt.rgb_dst_factor),
                enums.blend_factor(rt.alpha_src_factor), enums.blend_factor(rt.alpha_dst_factor)))))
        else:
            plan.append((("blend", i), (gl.glDisablei, (GL.GL_BLEND, i))))
        m = rt.colormask
        plan.append((("colormask", i), (gl.glColorMaski, (i, m & 1, m >> 1 & 1, m >> 2 & 1, m >> 3 & 1))))
    plan.append(_cap(GL.GL_COLOR_LOGIC_OP, blend.logicop_enable))
    if blend.logicop_enable:
        plan.append(("logic_op", (gl.glLogicOp, (enums.LOGIC_OP[blend.logicop_func],))))
    plan.append(_cap(GL.GL_SAMPLE_ALPHA_TO_COVERAGE, blend.alpha_to_coverage))
    plan.append(_cap(GL.GL_SAMPLE_ALPHA_TO_ONE, blend.alpha_to_one))
    plan.append(_cap(GL.GL_DITHER, blend.dither))
    return plan


def _dsa_plan(dsa) -> list:
    """Depth and stencil enables of a depth-stencil-alpha object (or None); the stencil
    functions go with the reference values (StateCache.apply_stencil_ref)."""
    if dsa is None:
        return [_cap(GL.GL_DEPTH_TEST, False), _cap(GL.GL_STENCIL_TEST, False),
                ("depth_mask", (gl.glDepthMask, (0,)))]
    return [_cap(GL.GL_DEPTH_TEST, dsa.depth_enabled),
            ("depth_func", (gl.glDepthFunc, (enums.COMPARE[dsa.depth_func],))),
            ("depth_mask", (gl.glDepthMask, (1 if dsa.depth_writemask else 0,))),
            _cap(GL.GL_STENCIL_TEST, dsa.stencil[0].enabled)]


def _raster_plan(rs) -> list:
    """(setting, (GL function, arguments)) for everything a rasterizer object sets."""
    plan = []

    def cap(c, on):
        plan.append(_cap(c, on))

    def call(setting, fn, *args):
        plan.append((setting, (fn, args)))

    cap(GL.GL_CULL_FACE, rs.cull_face != Face.NONE)
    if rs.cull_face != Face.NONE:
        call("cull", gl.glCullFace,
             {Face.FRONT: GL.GL_FRONT, Face.BACK: GL.GL_BACK}.get(rs.cull_face, GL.GL_FRONT_AND_BACK))
    # Core GL has one polygon mode for both faces.
    call("polygon_mode", gl.glPolygonMode, GL.GL_FRONT_AND_BACK, enums.POLYGON_MODE[rs.fill_front])
    cap(GL.GL_SCISSOR_TEST, rs.scissor)
    cap(GL.GL_RASTERIZER_DISCARD, rs.rasterizer_discard)
    cap(GL.GL_DEPTH_CLAMP, not rs.depth_clip)
    cap(GL.GL_PROGRAM_POINT_SIZE, rs.point_size_per_vertex)
    if rs.point_size > 0:
        call("point_size", gl.glPointSize, rs.point_size)
    cap(GL.GL_MULTISAMPLE, rs.multisample)
    # Per-sample shading (glMinSampleShading's fraction comes from SET_MIN_SAMPLES).
    cap(GL.GL_SAMPLE_SHADING, rs.force_persample_interp)
    cap(GL.GL_LINE_SMOOTH, rs.line_smooth)
    if rs.line_width > 0:
        call("line_width", gl.glLineWidth, rs.line_width)
    call("provoking", gl.glProvokingVertex,
         GL.GL_FIRST_VERTEX_CONVENTION if rs.flatshade_first else GL.GL_LAST_VERTEX_CONVENTION)
    cap(GL.GL_POLYGON_OFFSET_FILL, rs.offset_tri)
    cap(GL.GL_POLYGON_OFFSET_LINE, rs.offset_line)
    cap(GL.GL_POLYGON_OFFSET_POINT, rs.offset_point)
    call("polygon_offset", gl.glPolygonOffset, rs.offset_scale, rs.offset_units)
    # The clip origin and depth mode (glClipControl) are set with the viewports.
    for i in range(8):
        cap(GL.GL_CLIP_DISTANCE0 + i, rs.clip_plane_enable >> i & 1)
    return plan
