"""Colour BLITs that glBlitFramebuffer cannot do exactly, drawn with a sampling shader.

Gallium's blit reads the source through a view of `src.format` and writes
through a view of `dst.format`: it decompresses, reinterprets, decodes and
encodes sRGB and applies the formats' channel layouts. glBlitFramebuffer
copies between attachments of the resources' own formats and cannot read a
compressed or shared-exponent source at all. Those blits are drawn instead:
one quad over the destination rectangle, sampling a texture view of the
source level and layer, into a view of the destination in its view format.
The GLSL here is fixed text chosen by a small key, never built from guest data.
"""
from __future__ import annotations

from OpenGL import GL
from OpenGL.error import GLError

from pyvirgl.backend.gl import names
from pyvirgl.backend.gl.formats import SWIZZLE_CHANNEL
from pyvirgl.backend.gl.framebuffer import HostLimitation
from pyvirgl.protocol import formats

_VS = """#version 430 core
uniform vec4 u_src;   // source rectangle in texels: x0, y0, x1, y1
out vec2 v_pos;
void main()
{
    vec2 corner = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1));
    v_pos = mix(u_src.xy, u_src.zw, corner);
    gl_Position = vec4(corner * 2.0 - 1.0, 0.0, 1.0);
}
"""

# (sampler type suffix, coordinates for texture(), coordinates for texelFetch)
_LOOKUPS = {
    "1D": ("1D", "v_pos.x / float(textureSize(u_tex, 0))", "int(v_pos.x), 0"),
    "2D": ("2D", "v_pos / vec2(textureSize(u_tex, 0))", "ivec2(v_pos), 0"),
    "3D": ("3D", "vec3(v_pos / vec2(textureSize(u_tex, 0).xy), u_z)", "ivec3(ivec2(v_pos), u_layer), 0"),
    "RECT": ("2DRect", "v_pos", "ivec2(v_pos)"),
}
_LANES = {"float": ("", "vec4"), "int": ("i", "ivec4"), "uint": ("u", "uvec4")}

# Source GL target -> (the target of a one-layer view, lookup kind).
_VIEWS = {
    GL.GL_TEXTURE_1D: (GL.GL_TEXTURE_1D, "1D"),
    GL.GL_TEXTURE_1D_ARRAY: (GL.GL_TEXTURE_1D, "1D"),
    GL.GL_TEXTURE_2D: (GL.GL_TEXTURE_2D, "2D"),
    GL.GL_TEXTURE_2D_ARRAY: (GL.GL_TEXTURE_2D, "2D"),
    GL.GL_TEXTURE_CUBE_MAP: (GL.GL_TEXTURE_2D, "2D"),
    GL.GL_TEXTURE_CUBE_MAP_ARRAY: (GL.GL_TEXTURE_2D, "2D"),
    GL.GL_TEXTURE_RECTANGLE: (GL.GL_TEXTURE_RECTANGLE, "RECT"),
    GL.GL_TEXTURE_3D: (GL.GL_TEXTURE_3D, "3D"),
}
# Destination GL target -> the target of a one-layer view to render into.
_DST_VIEWS = {
    GL.GL_TEXTURE_1D: GL.GL_TEXTURE_1D, GL.GL_TEXTURE_1D_ARRAY: GL.GL_TEXTURE_1D,
    GL.GL_TEXTURE_2D: GL.GL_TEXTURE_2D, GL.GL_TEXTURE_2D_ARRAY: GL.GL_TEXTURE_2D,
    GL.GL_TEXTURE_CUBE_MAP: GL.GL_TEXTURE_2D, GL.GL_TEXTURE_CUBE_MAP_ARRAY: GL.GL_TEXTURE_2D,
    GL.GL_TEXTURE_RECTANGLE: GL.GL_TEXTURE_RECTANGLE, GL.GL_TEXTURE_3D: GL.GL_TEXTURE_2D,
}
_SHARED_EXPONENT = ("R9G9B9E5_FLOAT",)


def _lane(fmt: formats.FormatInfo) -> str:
    return {"uint": "uint", "sint": "int"}.get(fmt.kind, "float")


def needs_shader(src_res, dst_res, src_view: formats.FormatInfo, dst_view: formats.FormatInfo,
                 mapping) -> bool:
    """Whether glBlitFramebuffer would not give Gallium's result for this colour blit."""
    if getattr(src_res.storage, "samples", 0) or getattr(dst_res.storage, "samples", 0):
        return False   # resolves and multisample copies: only the GL blit does those
    src_map, dst_map = mapping(src_view.id), mapping(dst_view.id)
    if src_map is None or dst_map is None:
        return False
    return (not _same_texels(src_view, src_res) or not _same_texels(dst_view, dst_res)
            or src_map.compressed or src_view.name in _SHARED_EXPONENT
            or src_map.swizzle is not None or dst_map.swizzle is not None
            or src_view.is_srgb != dst_view.is_srgb)


def _same_texels(view: formats.FormatInfo, res) -> bool:
    """The view reads the resource's texels as they are, up to sRGB decoding.

    glBlitFramebuffer decodes and encodes sRGB as GL_FRAMEBUFFER_SRGB says,
    which the GL path sets from the destination view, so an sRGB resource
    viewed as its linear twin (or the reverse) needs no shader.
    """
    if view.id == res.template.format:
        return True
    try:
        own = formats.info(res.template.format)
    except formats.FormatError:
        return False
    return view.name.replace("_SRGB", "_UNORM") == own.name.replace("_SRGB", "_UNORM")


def _output_permutation(dst_swizzle) -> str:
    """GLSL swizzle placing the guest's channels where the destination's host format keeps them."""
    if dst_swizzle is None:
        return "rgba"
    out = []
    for host in range(4):
        guest = [c for c, s in enumerate(dst_swizzle) if SWIZZLE_CHANNEL.get(s) == host]
        out.append("rgba"[guest[0]] if guest else None)
    if all(c is None for c in out):
        return "rgba"
    # Host channels no guest channel lands in keep whatever; take red.
    return "".join(c or "r" for c in out)


class ShaderBlitter:
    """Linked blit programs by (lookup kind, source lane, output permutation)."""

    def __init__(self) -> None:
        self._programs: dict[tuple, tuple[int, dict]] = {}
        self._vao = 0
        self._fbo = 0
        self._samplers: dict[bool, int] = {}

    def _program(self, kind: str, lane: str, perm: str) -> tuple[int, dict]:
        key = (kind, lane, perm)
        found = self._programs.get(key)
        if found is not None:
            return found
        suffix, float_coords, fetch_coords = _LOOKUPS[kind]
        prefix, vec = _LANES[lane]
        lookup = (f"texture(u_tex, {float_coords})" if lane == "float"
                  else f"texelFetch(u_tex, {fetch_coords})")
        fs = (f"#version 430 core\nuniform {prefix}sampler{suffix} u_tex;\nuniform float u_z;\n"
              f"uniform int u_layer;\nin vec2 v_pos;\nlayout(location = 0) out {vec} o;\n"
              f"void main()\n{{\n    {vec} texel = {lookup};\n    o = texel.{perm};\n}}\n")
        prog = GL.glCreateProgram()
        shaders = []
        for stage, text in ((GL.GL_VERTEX_SHADER, _VS), (GL.GL_FRAGMENT_SHADER, fs)):
            sh = GL.glCreateShader(stage)
            GL.glShaderSource(sh, text)
            GL.glCompileShader(sh)
            GL.glAttachShader(prog, sh)
            shaders.append(sh)
        GL.glLinkProgram(prog)
        for sh in shaders:
            GL.glDeleteShader(sh)
        if not GL.glGetProgramiv(prog, GL.GL_LINK_STATUS):
            info = GL.glGetProgramInfoLog(prog).decode(errors="replace").strip()
            GL.glDeleteProgram(prog)
            raise HostLimitation(f"blit program for {key} does not link: {info[:200]}")
        locs = {n: GL.glGetUniformLocation(prog, n) for n in ("u_src", "u_tex", "u_z", "u_layer")}
        self._programs[key] = (prog, locs)
        return prog, locs

    def _sampler(self, linear: bool) -> int:
        name = self._samplers.get(linear)
        if name is None:
            name = names.create(GL.glCreateSamplers)
            filt = GL.GL_LINEAR if linear else GL.GL_NEAREST
            for pname, value in ((GL.GL_TEXTURE_MIN_FILTER, filt), (GL.GL_TEXTURE_MAG_FILTER, filt),
                                 (GL.GL_TEXTURE_WRAP_S, GL.GL_CLAMP_TO_EDGE),
                                 (GL.GL_TEXTURE_WRAP_T, GL.GL_CLAMP_TO_EDGE),
                                 (GL.GL_TEXTURE_WRAP_R, GL.GL_CLAMP_TO_EDGE)):
                GL.glSamplerParameteri(name, pname, value)
            self._samplers[linear] = name
        return name

    def blit(self, cmd, src, dst, src_view: formats.FormatInfo, dst_view: formats.FormatInfo, mapping) -> None:
        """Draw the colour part of `cmd` (boxes already checked against both resources)."""
        s, d = src.storage, dst.storage
        src_map, dst_map = mapping(src_view.id), mapping(dst_view.id)
        if dst_map.compressed:
            raise HostLimitation(f"blit into compressed {dst_view.name}")
        src_lane, dst_lane = _lane(src_view), _lane(dst_view)
        if (src_lane == "float") != (dst_lane == "float"):
            raise HostLimitation(f"blit between {src_view.name} and {dst_view.name} (integer and float)")
        view_target, kind = _VIEWS.get(s.gl_target, (None, None))
        dst_target = _DST_VIEWS.get(d.gl_target)
        if view_target is None or dst_target is None:
            raise HostLimitation("blit between these texture targets")
        prog, locs = self._program(kind, src_lane, _output_permutation(dst_map.swizzle))
        if not self._vao:
            self._vao = names.create(GL.glCreateVertexArrays)
            self._fbo = names.create(GL.glCreateFramebuffers)
        sx0, sx1 = cmd.src.x, cmd.src.x + cmd.src.width
        sy0, sy1 = cmd.src.y, cmd.src.y + cmd.src.height
        dx0, dx1 = cmd.dst.x, cmd.dst.x + cmd.dst.width
        dy0, dy1 = cmd.dst.y, cmd.dst.y + cmd.dst.height
        if dx1 < dx0:   # a mirrored destination is a mirrored source
            dx0, dx1, sx0, sx1 = dx1, dx0, sx1, sx0
        if dy1 < dy0:
            dy0, dy1, sy0, sy1 = dy1, dy0, sy1, sy0
        layers = max(abs(cmd.dst.depth), 1)
        src_depth = s.layout.levels[cmd.src.level].depth if kind == "3D" else 1
        GL.glUseProgram(prog)
        GL.glUniform4f(locs["u_src"], sx0, sy0, sx1, sy1)
        GL.glUniform1i(locs["u_tex"], 0)
        GL.glBindVertexArray(self._vao)
        GL.glBindFramebuffer(GL.GL_DRAW_FRAMEBUFFER, self._fbo)
        GL.glViewport(dx0, dy0, dx1 - dx0, dy1 - dy0)
        self._neutral_state(cmd, dst_view)
        GL.glBindSampler(0, self._sampler(bool(cmd.filter) and src_lane == "float"))
        made = []
        try:
            for layer in range(layers):
                src_layer = cmd.src.z + layer
                if kind == "3D":
                    src_tex = self._view(made, s, view_target, src_map, cmd.src.level, 0, swizzle=True)
                    GL.glUniform1f(locs["u_z"], (src_layer + 0.5) / src_depth)
                    GL.glUniform1i(locs["u_layer"], src_layer)
                else:
                    src_tex = self._view(made, s, view_target, src_map, cmd.src.level, src_layer, swizzle=True)
                self._attach_destination(made, d, dst_target, dst_map, cmd.dst.level, cmd.dst.z + layer)
                GL.glBindTextureUnit(0, src_tex)
                GL.glNamedFramebufferDrawBuffer(self._fbo, GL.GL_COLOR_ATTACHMENT0)
                status = GL.glCheckNamedFramebufferStatus(self._fbo, GL.GL_DRAW_FRAMEBUFFER)
                if status != GL.GL_FRAMEBUFFER_COMPLETE:
                    raise HostLimitation(f"blit into {dst_view.name}: framebuffer incomplete ({status:#x})")
                GL.glDrawArrays(GL.GL_TRIANGLE_STRIP, 0, 4)
        finally:
            GL.glNamedFramebufferTexture(self._fbo, GL.GL_COLOR_ATTACHMENT0, 0, 0)
            GL.glBindTextureUnit(0, 0)
            GL.glBindSampler(0, 0)
            if made:
                GL.glDeleteTextures(len(made), made)

    @staticmethod
    def _view(made: list, storage, target: int, mapping, level: int, layer: int, swizzle: bool = False) -> int:
        """A one-level, one-layer (whole level for 3D) view of `storage` in the blit's view format."""
        name = int(GL.glGenTextures(1))
        first_layer = 0 if target == GL.GL_TEXTURE_3D else layer
        try:
            GL.glTextureView(name, target, storage.gl_name, mapping.internal_format, level, 1, first_layer, 1)
        except GLError:
            GL.glDeleteTextures(1, [name])
            raise HostLimitation("the host cannot view this texture in the blit's format") from None
        made.append(name)
        if swizzle and mapping.swizzle is not None:
            GL.glTextureParameteriv(name, GL.GL_TEXTURE_SWIZZLE_RGBA, list(mapping.swizzle))
        return name

    def _attach_destination(self, made: list, storage, target: int, mapping, level: int, layer: int) -> None:
        if storage.gl_target == GL.GL_TEXTURE_3D:
            # A 3D texture only has 3D views: render into its slice in its own format.
            if mapping.internal_format != storage.gl_internal_format:
                raise HostLimitation("format-converting blit into a 3D texture")
            GL.glNamedFramebufferTextureLayer(self._fbo, GL.GL_COLOR_ATTACHMENT0, storage.gl_name, level, layer)
            return
        GL.glNamedFramebufferTexture(self._fbo, GL.GL_COLOR_ATTACHMENT0,
                                     self._view(made, storage, target, mapping, level, layer), 0)

    @staticmethod
    def _neutral_state(cmd, dst_view) -> None:
        """Only the blit's own settings: no depth, stencil, culling, clipping or blending of the guest's."""
        for cap in (GL.GL_DEPTH_TEST, GL.GL_STENCIL_TEST, GL.GL_CULL_FACE, GL.GL_POLYGON_OFFSET_FILL,
                    GL.GL_RASTERIZER_DISCARD, GL.GL_COLOR_LOGIC_OP, GL.GL_SAMPLE_ALPHA_TO_COVERAGE, GL.GL_BLEND,
                    *(GL.GL_CLIP_DISTANCE0 + i for i in range(8))):
            GL.glDisable(cap)
        GL.glPolygonMode(GL.GL_FRONT_AND_BACK, GL.GL_FILL)
        mask = cmd.mask & 0xF
        GL.glColorMaski(0, bool(mask & 1), bool(mask & 2), bool(mask & 4), bool(mask & 8))
        if cmd.alpha_blend:
            GL.glEnablei(GL.GL_BLEND, 0)
            GL.glBlendFuncSeparate(GL.GL_SRC_ALPHA, GL.GL_ONE_MINUS_SRC_ALPHA, GL.GL_SRC_ALPHA,
                                   GL.GL_ONE_MINUS_SRC_ALPHA)
            GL.glBlendEquation(GL.GL_FUNC_ADD)
        if cmd.scissor_enable:
            GL.glEnable(GL.GL_SCISSOR_TEST)
            GL.glScissor(cmd.scissor_minx, cmd.scissor_miny, cmd.scissor_maxx - cmd.scissor_minx,
                         cmd.scissor_maxy - cmd.scissor_miny)
        else:
            GL.glDisable(GL.GL_SCISSOR_TEST)
        (GL.glEnable if dst_view.is_srgb else GL.glDisable)(GL.GL_FRAMEBUFFER_SRGB)

    def release(self) -> None:
        for prog, _ in self._programs.values():
            GL.glDeleteProgram(prog)
        self._programs.clear()
        if self._vao:
            GL.glDeleteVertexArrays(1, [self._vao])
            GL.glDeleteFramebuffers(1, [self._fbo])
            self._vao = self._fbo = 0
        if self._samplers:
            GL.glDeleteSamplers(len(self._samplers), list(self._samplers.values()))
            self._samplers.clear()
