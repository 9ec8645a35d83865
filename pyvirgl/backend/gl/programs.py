"""Guest shaders to linked GL programs, with caches at every step.

A guest shader object keeps its parsed TGSI; each draw computes the key of
pipeline state that changes generated code, translates once per (shader,
key), compiles once per GLSL text and links once per set of compiled stages.
Bindings that never change for a program (uniform blocks, sampler units) are
set right after linking, so a draw only binds buffers and textures.
"""
from __future__ import annotations

import ctypes
import logging
import os
from collections import Counter
from dataclasses import dataclass, field

from OpenGL import GL

from pyvirgl.backend.gl import enums
from pyvirgl.errors import GuestError
from pyvirgl import shader as sh
from pyvirgl.renderer.features import SSBO_SLOTS_PER_STAGE, UBO_SLOTS_PER_STAGE

log = logging.getLogger("pyvirgl.gl.programs")

STAGES = 6
SAMPLER_UNITS_PER_STAGE = 32
# The caches below are least-recently-used and evict by deleting the GL object:
# a guest that makes shader after shader (or variant after variant) cannot grow
# the host without bound. A program keeps its attached shaders alive in GL, so
# evicting a shader never breaks a program still cached.
MAX_CACHED_PROGRAMS = 1024
MAX_CACHED_SHADERS = 1024
MAX_VARIANTS_PER_SHADER = 64


class HostCompileError(Exception):
    """GLSL we generated did not compile or link: a translator bug, reported, not blamed on the guest."""


@dataclass
class ShaderObject:
    source: object            # decode.ShaderSource
    ir: object                # parsed TGSI
    stage: int
    variants: dict = field(default_factory=dict)  # key -> TranslatedShader


VIEW, SAMPLER = 0, 1   # the kinds of texture slots (SubContext.tex_changed, LinkedProgram.units_by_slot)


@dataclass
class LinkedProgram:
    name: int
    stages: tuple            # TranslatedShader per stage (None where unbound)
    sampler_units: list      # per stage: [(unit, SamplerBinding)]
    driver_uniforms: dict    # (stage, purpose) -> location
    deleted: bool = False    # set when the cache evicts it and deletes the GL program
    # Gallium primitive types this program can draw -> None, or the reason it cannot.
    # GL answers a mismatch with GL_INVALID_OPERATION at draw time; we name it first.
    mode_errors: dict = field(init=False, default_factory=dict)
    # Some stage reads gl_DrawID: such draws are never merged into one multi-draw.
    reads_draw_id: bool = False

    # (stage, guest constant buffer index) -> the block reading it, and its size.
    constant_slots: dict = field(init=False, default_factory=dict)
    constant_sizes: dict = field(init=False, default_factory=dict)
    # Texture unit -> what it reads: (stage, view index, sampler index, shadow, GLSL type).
    unit_reads: dict = field(init=False, default_factory=dict)
    # All of the two above: two programs with equal signatures read the same
    # bindings, so switching between them needs no re-binding of either.
    binding_signature: tuple = field(init=False, default=())
    units_by_slot: dict = field(init=False, default_factory=dict)
    # (stage, translation) of the stages reading shader or atomic buffers; whether any reads images.
    buffer_stages: tuple = field(init=False, default=())
    reads_images: bool = field(init=False, default=False)
    driver_plan: tuple | None = field(init=False, default=None)   # made by the draw path on first use

    def __post_init__(self) -> None:
        self.mode_errors = draw_mode_errors(self.stages)
        self.constant_slots = {(stage, block.guest_index): block for stage, t in enumerate(self.stages)
                               if t is not None for block in t.constant_blocks}
        # (stage, VIEW or SAMPLER, guest slot) -> the units that read it.
        self.units_by_slot = {}
        for stage, units in enumerate(self.sampler_units):
            for unit, b in units:
                self.units_by_slot.setdefault((stage, VIEW, b.view_index), []).append((unit, b))
                self.units_by_slot.setdefault((stage, SAMPLER, b.sampler_index), []).append((unit, b))
        self.buffer_stages = tuple((stage, t) for stage, t in enumerate(self.stages)
                                   if t is not None and (t.buffers or t.atomics))
        self.reads_images = any(t is not None and t.images for t in self.stages)
        self.constant_sizes = {slot: block.size_bytes for slot, block in self.constant_slots.items()}
        self.unit_reads = {unit: (stage, b.view_index, b.sampler_index, b.shadow, b.glsl_type)
                           for stage, units in enumerate(self.sampler_units) for unit, b in units}
        self.binding_signature = (tuple(self.constant_sizes.items()), tuple(self.unit_reads.items()))


# Gallium PIPE_PRIM_* -> the primitive class a geometry shader must take for it.
_GS_INPUT_FOR_MODE = {
    0: "points", 1: "lines", 2: "lines", 3: "lines", 4: "triangles", 5: "triangles", 6: "triangles",
    10: "lines_adjacency", 11: "lines_adjacency", 12: "triangles_adjacency", 13: "triangles_adjacency",
}
PIPE_PRIM_PATCHES = 14


def draw_mode_errors(stages) -> dict:
    """For each draw mode the bound stages refuse, why (the GL draw-time rules)."""
    def get(i):
        return stages[i] if i < len(stages) else None
    gs, tcs, tes = get(2), get(3), get(4)
    errors = {}
    for mode in range(PIPE_PRIM_PATCHES + 1):
        if tes is not None or tcs is not None:
            if mode != PIPE_PRIM_PATCHES:
                errors[mode] = "tessellation shaders draw patches only"
                continue
            if tes is None:
                errors[mode] = "patches need a tessellation evaluation shader"
                continue
            arriving = tes.primitive
        elif mode == PIPE_PRIM_PATCHES:
            errors[mode] = "patches need a tessellation evaluation shader"
            continue
        else:
            arriving = _GS_INPUT_FOR_MODE.get(mode)
        if gs is not None and gs.primitive != arriving:
            errors[mode] = f"the geometry shader takes {gs.primitive}, the draw gives {arriving}"
    return errors


# `pyvirgl serve --dump-shaders DIR` sets this: every guest shader's TGSI and
# each GLSL variant we make from it land there, for debugging and golden tests.
DUMP_DIR_ENV = "PYVIRGL_DUMP_SHADERS"
STAGE_NAMES = ("vs", "fs", "gs", "tcs", "tes", "cs")


def _dump(name: str, text: str) -> None:
    folder = os.environ.get(DUMP_DIR_ENV)
    if folder:
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, name), "w") as out:
            out.write(text)


def make_shader_object(source) -> ShaderObject:
    # Parse at creation so malformed TGSI fails the command that sent it.
    ir = sh.parse(source.text)
    if int(ir.processor) != source.stage:
        # The stage decides the GL shader type and the slot it binds to; the
        # text decides what we translate. They must agree. (The decoder has
        # already refused stages past compute.)
        raise GuestError("CREATE_OBJECT(SHADER)", f"{ir.processor.name} TGSI sent as stage {STAGE_NAMES[source.stage]}")
    _dump(f"{os.getpid()}-{source.handle}.{STAGE_NAMES[source.stage]}.tgsi", source.text)
    return ShaderObject(source, ir, source.stage)


class ProgramCache:
    def __init__(self, host_caps) -> None:
        self.host_caps = host_caps
        self._compiled: dict[tuple[int, str], int] = {}
        self._linked: dict[tuple, LinkedProgram] = {}
        # Work done (not cache hits): the server reports it per client.
        self.counts: Counter = Counter()

    def translate(self, obj: ShaderObject, key) -> object:
        found = obj.variants.get(key)
        if found is None:
            try:
                found = sh.translate(obj.ir, key, self.host_caps)
            except sh.ShaderError as err:
                # The text passed validation when it was created, so a failure
                # here is a construct our emitter lacks: skip, don't blame the guest.
                raise HostCompileError(f"translation: {err.reason}") from None
            self.counts["shaders translated"] += 1
            _dump(f"{os.getpid()}-{obj.source.handle}-{len(obj.variants)}.{STAGE_NAMES[obj.stage]}.glsl", found.glsl)
            if len(obj.variants) >= MAX_VARIANTS_PER_SHADER:
                del obj.variants[next(iter(obj.variants))]
            obj.variants[key] = found
        return found

    def _compile(self, stage: int, glsl: str) -> int:
        cache_key = (stage, glsl)
        name = self._compiled.pop(cache_key, None)
        if name:
            self._compiled[cache_key] = name   # most recently used last
            return name
        name = GL.glCreateShader(enums.SHADER_STAGE[stage])
        GL.glShaderSource(name, glsl)
        GL.glCompileShader(name)
        if not GL.glGetShaderiv(name, GL.GL_COMPILE_STATUS):
            info = GL.glGetShaderInfoLog(name).decode(errors="replace")
            GL.glDeleteShader(name)
            log.error("generated GLSL failed to compile:\n%s\n%s", info, glsl)
            raise HostCompileError(info.strip().splitlines()[0] if info.strip() else "compile failed")
        self.counts["GLSL shaders compiled"] += 1
        if len(self._compiled) >= MAX_CACHED_SHADERS:
            GL.glDeleteShader(self._compiled.pop(next(iter(self._compiled))))
        self._compiled[cache_key] = name
        return name

    def link(self, translated: tuple) -> LinkedProgram:
        shaders = tuple(self._compile(stage, t.glsl) if t is not None else 0
                        for stage, t in enumerate(translated))
        xfb = _xfb_varyings(translated)
        # The capture layout is set at link time, and shaders whose GLSL is the
        # same can capture into different layouts (gaps, strides, buffers).
        key = (shaders, tuple(xfb))
        found = self._linked.pop(key, None)
        if found is not None:
            self._linked[key] = found   # most recently used last
            return found
        prog = GL.glCreateProgram()
        for name in shaders:
            if name:
                GL.glAttachShader(prog, name)
        if xfb:
            # PyOpenGL wants a char** here, not a list of str.
            strings = [ctypes.create_string_buffer(v.encode()) for v in xfb]
            char_p = ctypes.POINTER(ctypes.c_char)
            varyings = (char_p * len(xfb))(*(ctypes.cast(b, char_p) for b in strings))
            GL.glTransformFeedbackVaryings(prog, len(xfb), ctypes.cast(varyings, ctypes.POINTER(char_p)),
                                           GL.GL_INTERLEAVED_ATTRIBS)
        GL.glLinkProgram(prog)
        if not GL.glGetProgramiv(prog, GL.GL_LINK_STATUS):
            info = GL.glGetProgramInfoLog(prog).decode(errors="replace")
            GL.glDeleteProgram(prog)
            log.error("generated program failed to link: %s", info)
            raise HostCompileError(info.strip().splitlines()[0] if info.strip() else "link failed")
        linked = self._bind_interfaces(prog, translated)
        self.counts["programs linked"] += 1
        if len(self._linked) >= MAX_CACHED_PROGRAMS:
            self._delete(self._linked.pop(next(iter(self._linked))))
        self._linked[key] = linked
        return linked

    def _bind_interfaces(self, prog: int, translated: tuple) -> LinkedProgram:
        GL.glUseProgram(prog)
        sampler_units: list = [[] for _ in range(STAGES)]
        driver: dict = {}
        for stage, t in enumerate(translated):
            if t is None:
                continue
            for block in t.constant_blocks:
                index = GL.glGetUniformBlockIndex(prog, block.block_name)
                if index != GL.GL_INVALID_INDEX:
                    GL.glUniformBlockBinding(prog, index, stage * UBO_SLOTS_PER_STAGE + block.guest_index)
            for i, binding in enumerate(t.samplers):
                unit = stage * SAMPLER_UNITS_PER_STAGE + i
                loc = GL.glGetUniformLocation(prog, binding.uniform_name)
                if loc >= 0:
                    GL.glUniform1i(loc, unit)
                sampler_units[stage].append((unit, binding))
            for buf in t.buffers:
                index = GL.glGetProgramResourceIndex(prog, GL.GL_SHADER_STORAGE_BLOCK, buf.block_name)
                if index != GL.GL_INVALID_INDEX:
                    GL.glShaderStorageBlockBinding(prog, index, stage * SSBO_SLOTS_PER_STAGE + buf.buffer_index)
            for purpose, name in t.driver_uniforms:
                loc = GL.glGetUniformLocation(prog, name)
                if loc >= 0:
                    driver[(stage, purpose)] = loc
        reads_draw_id = any(t is not None and "gl_DrawID" in t.glsl for t in translated)
        return LinkedProgram(prog, translated, sampler_units, driver, reads_draw_id=reads_draw_id)

    @staticmethod
    def _delete(linked: LinkedProgram) -> None:
        GL.glDeleteProgram(linked.name)
        linked.deleted = True   # callers that remember programs check this

    def release(self) -> None:
        for linked in self._linked.values():
            self._delete(linked)
        for name in self._compiled.values():
            GL.glDeleteShader(name)
        self._linked.clear()
        self._compiled.clear()


def _xfb_varyings(translated: tuple) -> list[str]:
    # Transform feedback captures from the last vertex-processing stage.
    for stage in (2, 4, 0):  # geometry, tess eval, vertex
        t = translated[stage] if stage < len(translated) else None
        if t is not None:
            return list(t.xfb_varyings)
    return []

