"""Sampler views as GL texture views, sampler states as GL sampler objects."""
from __future__ import annotations

import logging
import struct
from dataclasses import dataclass

from OpenGL import GL
from OpenGL.error import GLError

from pyvirgl.backend.gl import enums, names
from pyvirgl.backend.gl.formats import SWIZZLE_CHANNEL
from pyvirgl.errors import GuestError
from pyvirgl.protocol import formats
from pyvirgl.protocol.virgl import TextureTarget

log = logging.getLogger("pyvirgl.gl.textures")


# Gallium swizzle values: the four channel picks, then the constants.
_IDENTITY = (0, 1, 2, 3)
_SWIZZLE_ZERO, _SWIZZLE_ONE = 4, 5


def buffer_swizzle(swizzles, format_swizzle) -> tuple:
    """Channel picks, mask and add that read a buffer texel as the guest's view of its format.

    The view swizzle picks guest channels; the host format's own swizzle (a
    guest alpha or luminance format kept in a red texture) says which host
    channel, or which constant, each guest channel is.
    """
    picks, mask, add = [], [], []
    for s in swizzles:
        host = s
        if s < 4 and format_swizzle is not None:
            gl_value = format_swizzle[s]
            host = SWIZZLE_CHANNEL.get(gl_value, _SWIZZLE_ONE if gl_value == GL.GL_ONE else _SWIZZLE_ZERO)
        picks.append(host if host < 4 else 0)
        mask.append(1 if host < 4 else 0)
        add.append(1 if host == _SWIZZLE_ONE else 0)
    return tuple(picks + mask + add)


def shadow_swizzle(swizzles) -> tuple:
    """Mask and add vectors that give a replicated compare result the view's 0/1 channels.

    Gallium replicates a depth comparison to all four channels and then
    applies the view swizzle; channel picks all see the same value, so only
    the constant channels need work.
    """
    mask = tuple(0.0 if s in (_SWIZZLE_ZERO, _SWIZZLE_ONE) else 1.0 for s in swizzles)
    add = tuple(1.0 if s == _SWIZZLE_ONE else 0.0 for s in swizzles)
    return mask + add


# A view that keeps all four channels: shadow results and buffer texels pass through unchanged.
IDENTITY_SHADOW_SWIZZLE = shadow_swizzle(_IDENTITY)
IDENTITY_BUFFER_SWIZZLE = buffer_swizzle(_IDENTITY, None)


@dataclass
class SamplerView:
    gl_name: int
    owned: bool      # a view or buffer texture we created, deleted with the object
    resource: object
    # (mask rgba, add rgba) for shadow lookups through this view: GLSL's shadow
    # functions return one float, so the shader applies the view's constant
    # channels itself as result * mask + add (see shadow_swizzle()).
    shadow_swizzle: tuple = IDENTITY_SHADOW_SWIZZLE
    # What shadow samplers bind: a second view without the guest swizzle when
    # the swizzle would hide the depth from the host's compare (a constant or
    # another channel in red); 0 = gl_name serves both.
    shadow_gl_name: int = 0
    # For buffer views (GL has no swizzle for buffer textures): what the
    # translated shader applies to each texel fetch (see buffer_swizzle()).
    buffer_swizzle: tuple = IDENTITY_BUFFER_SWIZZLE

    def texture_for(self, shadow: bool) -> int:
        return self.shadow_gl_name if shadow and self.shadow_gl_name else self.gl_name


@dataclass
class SamplerState:
    gl_name: int
    compare_mode: int
    # The same state without anisotropic filtering, for 1D samplers: it means
    # nothing there, and llvmpipe crashes the process filtering a 1D array
    # shadow texture anisotropically (fuzzer finding). 0 = gl_name serves.
    gl_name_1d: int = 0

    def sampler_for(self, glsl_type: str) -> int:
        return self.gl_name_1d if self.gl_name_1d and "1D" in glsl_type else self.gl_name


def _f32(bits: int) -> float:
    return struct.unpack("<f", struct.pack("<I", bits & 0xFFFFFFFF))[0]


def make_sampler_state(cmd) -> SamplerState:
    # Every enum is looked up before the GL sampler exists, so a refusal leaks nothing.
    try:
        wrap_s, wrap_t, wrap_r = (enums.WRAP[cmd.wrap_s], enums.WRAP[cmd.wrap_t], enums.WRAP[cmd.wrap_r])
        min_filter = enums.MIN_FILTER[(cmd.min_img_filter, cmd.min_mip_filter)]
        mag_filter = enums.MAG_FILTER[cmd.mag_img_filter]
        compare_func = enums.COMPARE[cmd.compare_func]
    except (KeyError, IndexError):
        raise GuestError("CREATE_OBJECT(SAMPLER_STATE)",
                         f"unknown wrap/filter/compare value in {cmd}") from None
    values = (wrap_s, wrap_t, wrap_r, min_filter, mag_filter, compare_func)
    state = SamplerState(_new_sampler(cmd, values, anisotropic=True), cmd.compare_mode)
    if cmd.max_anisotropy > 1:
        state.gl_name_1d = _new_sampler(cmd, values, anisotropic=False)
    return state


def _new_sampler(cmd, values, anisotropic: bool) -> int:
    wrap_s, wrap_t, wrap_r, min_filter, mag_filter, compare_func = values
    name = names.create(GL.glCreateSamplers)
    GL.glSamplerParameteri(name, GL.GL_TEXTURE_WRAP_S, wrap_s)
    GL.glSamplerParameteri(name, GL.GL_TEXTURE_WRAP_T, wrap_t)
    GL.glSamplerParameteri(name, GL.GL_TEXTURE_WRAP_R, wrap_r)
    GL.glSamplerParameteri(name, GL.GL_TEXTURE_MIN_FILTER, min_filter)
    GL.glSamplerParameteri(name, GL.GL_TEXTURE_MAG_FILTER, mag_filter)
    GL.glSamplerParameteri(name, GL.GL_TEXTURE_COMPARE_MODE,
                           GL.GL_COMPARE_REF_TO_TEXTURE if cmd.compare_mode else GL.GL_NONE)
    GL.glSamplerParameteri(name, GL.GL_TEXTURE_COMPARE_FUNC, compare_func)
    GL.glSamplerParameterf(name, GL.GL_TEXTURE_LOD_BIAS, cmd.lod_bias)
    GL.glSamplerParameterf(name, GL.GL_TEXTURE_MIN_LOD, cmd.min_lod)
    GL.glSamplerParameterf(name, GL.GL_TEXTURE_MAX_LOD, cmd.max_lod)
    if anisotropic and cmd.max_anisotropy > 1:
        GL.glSamplerParameterf(name, 0x84FE, float(cmd.max_anisotropy))  # GL_TEXTURE_MAX_ANISOTROPY
    GL.glSamplerParameterfv(name, GL.GL_TEXTURE_BORDER_COLOR, [_f32(b) for b in cmd.border_color])
    if cmd.seamless_cube_map:
        # Per sampler (ARB_seamless_cubemap_per_texture): the caps only offer
        # seamless cube maps on hosts that have it.
        GL.glSamplerParameteri(name, GL.GL_TEXTURE_CUBE_MAP_SEAMLESS, GL.GL_TRUE)
    return name


def make_sampler_view(res, cmd, command: str, gl_mapping, buffer_offset_alignment: int) -> SamplerView:
    """A GL name that samples the view: its format, levels, layers and swizzle."""
    storage = res.storage
    base = getattr(storage, "gl_name", 0)
    if not base:
        log.info("sampler view of resource %d without a GL object samples as empty", res.handle)
        return SamplerView(0, False, res)
    guest_swizzle = (cmd.swizzle_r, cmd.swizzle_g, cmd.swizzle_b, cmd.swizzle_a)
    shadow = shadow_swizzle(guest_swizzle)
    try:
        fmt = formats.info(cmd.format)
    except formats.FormatError:
        raise GuestError(command, f"unknown format {cmd.format}") from None
    mapping = gl_mapping(cmd.format)
    if res.template.target == TextureTarget.BUFFER:
        if mapping is None:
            return SamplerView(0, False, res)
        first = cmd.first_element * fmt.block_bytes
        count = (cmd.last_element - cmd.first_element + 1) * fmt.block_bytes
        if cmd.last_element < cmd.first_element or first + count > res.layout.total_size:
            raise GuestError(command, "buffer view outside its buffer")
        # The caps pass the host's alignment on; GL refuses any other offset.
        if first % buffer_offset_alignment:
            raise GuestError(command, f"buffer view offset {first} is not a multiple of "
                                      f"{buffer_offset_alignment}")
        name = names.create(GL.glCreateTextures, GL.GL_TEXTURE_BUFFER)
        try:
            GL.glTextureBufferRange(name, mapping.internal_format, base, first, count)
        except GLError:   # e.g. a depth format: GL has no buffer textures of it
            GL.glDeleteTextures(1, [name])
            raise GuestError(command, f"format {fmt.name} cannot view a buffer on this host") from None
        view = SamplerView(name, True, res)
        view.buffer_swizzle = buffer_swizzle(guest_swizzle, mapping.swizzle)
        return view
    t = res.template
    first_level, last_level = cmd.first_level, cmd.last_level
    if first_level > last_level or last_level > t.last_level:
        raise GuestError(command, f"levels {first_level}..{last_level} outside 0..{t.last_level}")
    layers = res.layout.levels[0].depth if t.target != TextureTarget.TEXTURE_3D else 1
    first_layer, last_layer = (cmd.first_layer, cmd.last_layer) if layers > 1 else (0, 0)
    if first_layer > last_layer or last_layer >= layers:
        raise GuestError(command, f"layers {first_layer}..{last_layer} outside 0..{layers - 1}")
    # Without VIRGL_CAP_TEXTURE_VIEW the guest sends target 0: "as the resource".
    view_target = cmd.target if cmd.target != TextureTarget.BUFFER else t.target
    if view_target >= len(enums.TEXTURE_TARGET):
        raise GuestError(command, f"view target {cmd.target}")
    target = enums.TEXTURE_TARGET[view_target]
    if getattr(storage, "samples", 0):
        target = GL.GL_TEXTURE_2D_MULTISAMPLE if view_target == TextureTarget.TEXTURE_2D \
            else GL.GL_TEXTURE_2D_MULTISAMPLE_ARRAY
    internal = mapping.internal_format if mapping is not None else storage.gl_internal_format
    name = int(GL.glGenTextures(1))
    try:
        GL.glTextureView(name, target, base, internal, first_level, last_level - first_level + 1,
                         first_layer, last_layer - first_layer + 1)
    except GLError as err:
        # Incompatible view class or target: sample the resource as it is.
        GL.glDeleteTextures(1, [name])
        log.info("texture view of resource %d (format %s) refused by the host: %s", res.handle, fmt.name, err)
        return SamplerView(base, False, res, shadow)
    swizzle = [enums.SWIZZLE[s] for s in guest_swizzle]
    format_swizzle = mapping.swizzle if mapping is not None else None
    if format_swizzle:
        # The view's swizzle picks from what the guest format holds; the host
        # format's own swizzle says where those channels live.
        lookup = dict(zip((GL.GL_RED, GL.GL_GREEN, GL.GL_BLUE, GL.GL_ALPHA), format_swizzle))
        swizzle = [lookup.get(s, s) for s in swizzle]
    GL.glTextureParameteriv(name, GL.GL_TEXTURE_SWIZZLE_RGBA, swizzle)
    _set_depth_stencil_mode(name, fmt)
    view = SamplerView(name, True, res, shadow)
    if fmt.is_depth and swizzle[0] != GL.GL_RED:
        # The host swizzles a compare result too; shadow lookups get their own
        # unswizzled view and the shader applies the guest swizzle.
        view.shadow_gl_name = int(GL.glGenTextures(1))
        GL.glTextureView(view.shadow_gl_name, target, base, internal, first_level,
                         last_level - first_level + 1, first_layer, last_layer - first_layer + 1)
        _set_depth_stencil_mode(view.shadow_gl_name, fmt)
    return view


def _set_depth_stencil_mode(name: int, fmt) -> None:
    if fmt.is_depth and fmt.is_stencil:
        GL.glTextureParameteri(name, GL.GL_DEPTH_STENCIL_TEXTURE_MODE, GL.GL_DEPTH_COMPONENT)
    elif fmt.is_stencil and not fmt.is_depth:
        GL.glTextureParameteri(name, GL.GL_DEPTH_STENCIL_TEXTURE_MODE, GL.GL_STENCIL_INDEX)


def release(view_or_state) -> None:
    if isinstance(view_or_state, SamplerView):
        if view_or_state.owned and view_or_state.gl_name:
            GL.glDeleteTextures(1, [view_or_state.gl_name])
        if view_or_state.shadow_gl_name:
            GL.glDeleteTextures(1, [view_or_state.shadow_gl_name])
    elif isinstance(view_or_state, SamplerState):
        GL.glDeleteSamplers(1, [view_or_state.gl_name])
        if view_or_state.gl_name_1d:
            GL.glDeleteSamplers(1, [view_or_state.gl_name_1d])
