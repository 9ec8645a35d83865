"""Uniform blocks, samplers, images, shader buffers, shared memory and atomic
counters: declarations and references (methods mixed into the Emitter).
"""
from __future__ import annotations

from ..errors import ShaderError
from ..tgsi.names import RegFile, Texture
from . import result
from .values import F, I, U

# Gallium format name -> (GLSL image format qualifier, lane type)
IMAGE_FORMATS = {
    "R32G32B32A32_FLOAT": ("rgba32f", F), "R16G16B16A16_FLOAT": ("rgba16f", F),
    "R32G32_FLOAT": ("rg32f", F), "R16G16_FLOAT": ("rg16f", F), "R11G11B10_FLOAT": ("r11f_g11f_b10f", F),
    "R32_FLOAT": ("r32f", F), "R16_FLOAT": ("r16f", F),
    "R16G16B16A16_UNORM": ("rgba16", F), "R10G10B10A2_UNORM": ("rgb10_a2", F),
    "R8G8B8A8_UNORM": ("rgba8", F), "R16G16_UNORM": ("rg16", F), "R8G8_UNORM": ("rg8", F),
    "R16_UNORM": ("r16", F), "R8_UNORM": ("r8", F),
    "R16G16B16A16_SNORM": ("rgba16_snorm", F), "R8G8B8A8_SNORM": ("rgba8_snorm", F),
    "R16G16_SNORM": ("rg16_snorm", F), "R8G8_SNORM": ("rg8_snorm", F), "R16_SNORM": ("r16_snorm", F),
    "R8_SNORM": ("r8_snorm", F),
    "R32G32B32A32_SINT": ("rgba32i", I), "R16G16B16A16_SINT": ("rgba16i", I), "R8G8B8A8_SINT": ("rgba8i", I),
    "R32G32_SINT": ("rg32i", I), "R16G16_SINT": ("rg16i", I), "R8G8_SINT": ("rg8i", I),
    "R32_SINT": ("r32i", I), "R16_SINT": ("r16i", I), "R8_SINT": ("r8i", I),
    "R32G32B32A32_UINT": ("rgba32ui", U), "R16G16B16A16_UINT": ("rgba16ui", U),
    "R10G10B10A2_UINT": ("rgb10_a2ui", U), "R8G8B8A8_UINT": ("rgba8ui", U),
    "R32G32_UINT": ("rg32ui", U), "R16G16_UINT": ("rg16ui", U), "R8G8_UINT": ("rg8ui", U),
    "R32_UINT": ("r32ui", U), "R16_UINT": ("r16ui", U), "R8_UINT": ("r8ui", U),
}

IMAGE_TYPES = {
    Texture.BUFFER: "imageBuffer", Texture._1D: "image1D", Texture._2D: "image2D", Texture._3D: "image3D",
    Texture.CUBE: "imageCube", Texture.RECT: "image2DRect", Texture._1D_ARRAY: "image1DArray",
    Texture._2D_ARRAY: "image2DArray", Texture.CUBEARRAY: "imageCubeArray",
    Texture._2D_MSAA: "image2DMS", Texture._2D_ARRAY_MSAA: "image2DMSArray",
}
_LANE_PREFIX = {F: "", I: "i", U: "u"}


def _image_info(decl) -> tuple[str | None, str]:
    fmt = decl.image_format
    if fmt is None or fmt == "PIPE_FORMAT_NONE":
        return None, F
    entry = IMAGE_FORMATS.get(fmt[len("PIPE_FORMAT_"):])
    if entry is None:
        raise ShaderError(f"image format {fmt} has no GLSL equivalent")
    return entry


def image_ref(self, res) -> tuple[str, object, str]:
    """(GLSL image expression, its declaration, lane type) for an IMAGE operand."""
    if res.indirect is not None:
        decls = [d for _i, d in sorted(self.image_decls.items())]
        if not decls:
            raise ShaderError("indirect image access without images")
        decl = decls[0]
        fmt, lane = _image_info(decl)
        count = max(self.image_decls) + 1
        self.image_array = count
        idx = self.bounded(self.index_expr(res.indirect, res.index), 0, count)
        return f"{self.p}_imgs[{idx}]", decl, lane
    decl = self.image_decls.get(res.index)
    if decl is None:
        raise ShaderError(f"IMAGE[{res.index}] is not declared")
    fmt, lane = _image_info(decl)
    self.images_used.add(res.index)
    return f"{self.p}_img{res.index}", decl, lane


def _image_decl(self, decl, name: str, suffix: str = "") -> str:
    self.features.need("image_load_store")
    fmt, lane = _image_info(decl)
    gtype = IMAGE_TYPES.get(decl.texture)
    if gtype is None:
        raise ShaderError("unsupported image target")
    if decl.texture in (Texture.CUBEARRAY,):
        self.features.need("texture_cube_map_array")
    quals = []
    if fmt is not None:
        quals.append(f"layout({fmt})")
    if not decl.image_writable:
        quals.append("readonly")
    elif fmt is None:
        quals.append("writeonly")
    return f"{' '.join(quals + ['uniform', _LANE_PREFIX[lane] + gtype, name + suffix])};"


def linear_array(self, res) -> str:
    if res.file == RegFile.MEMORY:
        self.shared_used = True
        return f"{self.p}_shared"
    if res.indirect is not None:
        raise ShaderError("indirectly selected shader buffers are not supported")
    if res.index not in self.buffer_decls:
        raise ShaderError(f"BUFFER[{res.index}] is not declared")
    self.buffers_used.add(res.index)
    return f"{self.p}_sb{res.index}"


def counter_ref(self, res) -> str:
    d = res.dim or 0
    if res.dim_indirect is not None:
        raise ShaderError("indirectly selected atomic buffers are not supported")
    count = self.atomic_decls.get(d)
    if count is None:
        raise ShaderError(f"HWATOMIC[{d}] is not declared")
    self.features.need("atomic_counters")
    # Counters are program-wide (binding + offset), so their names carry no stage
    # prefix: every stage declaring the same counter declares the same uniform.
    if res.indirect is not None:
        return f"ac{d}[{self.bounded(self.index_expr(res.indirect, res.index), 0, count)}]"
    if d in self.counter_arrays:
        return f"ac{d}[{min(res.index, count - 1)}]"
    index = min(res.index, count - 1)
    self.counters_used.add((d, index))
    return f"ac{d}_{index}"


def counter_suffix(self) -> str:
    return "ARB" if self.features.host.glsl_version < 460 else ""


def declare_resources(self) -> list[str]:
    out: list[str] = []
    p = self.p
    for d, size in sorted(self.const_sizes.items()):
        block = f"{p}_cb{d}"
        out.append(f"layout(std140) uniform {block} {{ uvec4 {p}_c{d}[{size}]; }};")
        self.meta["constant_blocks"].append(result.ConstantBlock(block, d, size))
    for (view, _samp), (name, gtype) in sorted(self.samplers.items()):
        out.append(f"uniform {gtype} {name};")
    for name, (gtype, count) in sorted(self.sampler_arrays.items()):
        out.append(f"uniform {gtype} {name}[{count}];")
    if getattr(self, "image_array", 0):
        decls = [d for _i, d in sorted(self.image_decls.items())]
        name = f"{p}_imgs"
        out.append(_image_decl(self, decls[0], name, f"[{self.image_array}]"))
        fmt, _lane = _image_info(decls[0])
        for i in range(self.image_array):
            self.meta["images"].append(result.ImageBinding(f"{name}[{i}]", i, IMAGE_TYPES[decls[0].texture], fmt))
    for i in sorted(self.images_used):
        decl = self.image_decls[i]
        name = f"{p}_img{i}"
        out.append(_image_decl(self, decl, name))
        fmt, _lane = _image_info(decl)
        self.meta["images"].append(result.ImageBinding(name, i, IMAGE_TYPES[decl.texture], fmt))
    for i in sorted(self.buffers_used):
        self.features.need("ssbo")
        block = f"{p}_ssbo{i}"
        out.append(f"layout(std430) buffer {block} {{ uint {p}_sb{i}[]; }};")
        self.meta["buffers"].append(result.BufferBinding(block, i))
    if self.shared_used:
        size = self.key.shared_memory_bytes or self.features.host.max_shared_memory
        size = max(4, min(size, self.features.host.max_shared_memory))
        out.append(f"shared uint {p}_shared[{size // 4}];")
    for d, count in sorted(self.atomic_decls.items()):
        self.features.need("atomic_counters")
        if d in self.counter_arrays:
            out.append(f"layout(binding = {d}, offset = 0) uniform atomic_uint ac{d}[{count}];")
        else:
            for dd, k in sorted(self.counters_used):
                if dd == d:
                    out.append(f"layout(binding = {d}, offset = {4 * k}) uniform atomic_uint ac{d}_{k};")
        self.meta["atomics"].append(result.AtomicBinding(d, d))
    return out
