"""Texture instructions (TEX, TXL, TXF, TXQ, TG4, LODQ...) -> GLSL texture built-ins.

TGSI packs coordinates, array layer and shadow reference into src0 in the
same order GLSL's sampler*Shadow/Array overloads expect, so most targets
pass the first `coords` components straight through.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import ShaderError
from ..tgsi import ir
from ..tgsi.names import RegFile, ReturnType, Texture
from . import result
from .values import F, I, SWZ, U, literal32


@dataclass(frozen=True)
class Target:
    glsl: str            # sampler type without the i/u prefix
    coords: int          # components of src0 that form P (incl. layer and shadow ref)
    spatial: int         # dimensions for gradients and offsets
    size: int            # components textureSize returns
    shadow: bool = False
    array: bool = False
    lod: bool = True     # has mip levels (textureSize/texelFetch take a lod)
    proj: bool = True    # textureProj exists


TARGETS = {
    Texture._1D: Target("sampler1D", 1, 1, 1),
    Texture._2D: Target("sampler2D", 2, 2, 2),
    Texture._3D: Target("sampler3D", 3, 3, 3),
    Texture.CUBE: Target("samplerCube", 3, 3, 2, proj=False),
    Texture.RECT: Target("sampler2DRect", 2, 2, 2, lod=False),
    Texture.SHADOW1D: Target("sampler1DShadow", 3, 1, 1, shadow=True),
    Texture.SHADOW2D: Target("sampler2DShadow", 3, 2, 2, shadow=True),
    Texture.SHADOWRECT: Target("sampler2DRectShadow", 3, 2, 2, shadow=True, lod=False),
    Texture._1D_ARRAY: Target("sampler1DArray", 2, 1, 2, array=True, proj=False),
    Texture._2D_ARRAY: Target("sampler2DArray", 3, 2, 3, array=True, proj=False),
    Texture.SHADOW1D_ARRAY: Target("sampler1DArrayShadow", 3, 1, 2, shadow=True, array=True, proj=False),
    Texture.SHADOW2D_ARRAY: Target("sampler2DArrayShadow", 4, 2, 3, shadow=True, array=True, proj=False),
    Texture.SHADOWCUBE: Target("samplerCubeShadow", 4, 3, 2, shadow=True, proj=False),
    Texture._2D_MSAA: Target("sampler2DMS", 2, 2, 2, lod=False, proj=False),
    Texture._2D_ARRAY_MSAA: Target("sampler2DMSArray", 3, 2, 3, array=True, lod=False, proj=False),
    Texture.CUBEARRAY: Target("samplerCubeArray", 4, 3, 3, array=True, proj=False),
    Texture.SHADOWCUBEARRAY: Target("samplerCubeArrayShadow", 4, 3, 3, shadow=True, array=True, proj=False),
    Texture.BUFFER: Target("samplerBuffer", 1, 1, 1, lod=False, proj=False),
}

TEXTURE_OPS = frozenset({"TEX", "TXP", "TXB", "TXL", "TXD", "TXF", "TXQ", "TXQS", "TG4", "LODQ",
                         "TEX_LZ", "TXF_LZ", "TEX2", "TXB2", "TXL2"})

# Sampler types GLSL gives no overload of a built-in for; TGSI can still ask
# (fuzzed or hand-written text), and the host would refuse the shader.
_MSAA_BUFFER = frozenset({Texture.BUFFER, Texture._2D_MSAA, Texture._2D_ARRAY_MSAA})
_NO_SAMPLE = _MSAA_BUFFER                                     # texture(), textureGrad()...
_NO_BIAS = _MSAA_BUFFER | {Texture.RECT, Texture.SHADOWRECT, Texture.SHADOW2D_ARRAY, Texture.SHADOWCUBEARRAY}
_NO_LOD = _MSAA_BUFFER | {Texture.RECT, Texture.SHADOWRECT, Texture.SHADOW2D_ARRAY, Texture.SHADOWCUBE,
                          Texture.SHADOWCUBEARRAY}
_NO_GRAD = _MSAA_BUFFER | {Texture.SHADOWCUBEARRAY}
_NO_OFFSET = frozenset({Texture.CUBE, Texture.SHADOWCUBE, Texture.CUBEARRAY, Texture.SHADOWCUBEARRAY})
_GATHER = frozenset({Texture._2D, Texture._2D_ARRAY, Texture.CUBE, Texture.CUBEARRAY, Texture.RECT,
                     Texture.SHADOW2D, Texture.SHADOW2D_ARRAY, Texture.SHADOWCUBE, Texture.SHADOWCUBEARRAY,
                     Texture.SHADOWRECT})
_NO_FETCH = frozenset({Texture.CUBE, Texture.CUBEARRAY})
_NO_QUERY_LOD = _MSAA_BUFFER | {Texture.RECT, Texture.SHADOWRECT}


def _refuse_unless(ok: bool, name: str, texture: Texture) -> None:
    if not ok:
        raise ShaderError(f"{name} on a {texture.name.lstrip('_')} texture has no GLSL equivalent")


_PREFIX = {ReturnType.SINT: ("i", I), ReturnType.UINT: ("u", U)}


def _fvec(n: int) -> str:
    return "float" if n == 1 else f"vec{n}"


def _ivec(n: int) -> str:
    return "int" if n == 1 else f"ivec{n}"


def sampler(em, op: ir.SrcOperand, texture: Texture) -> tuple[str, Target, str]:
    """(GLSL sampler expression, target info, result lane type) for a SAMP operand."""
    if op.file != RegFile.SAMP:
        raise ShaderError("texture instruction without a SAMP operand")
    target = TARGETS.get(texture)
    if target is None:
        raise ShaderError(f"texture target {texture.name} cannot be sampled")
    view = em.sview_decls.get(op.index) if op.indirect is None else None
    if op.indirect is not None:
        views = [d for i, d in sorted(em.sview_decls.items())]
        view = views[0] if views else None
    rtype = view.return_types[0] if view is not None and view.return_types else ReturnType.FLOAT
    prefix, lane = _PREFIX.get(rtype, ("", F))
    if target.shadow:
        prefix, lane = "", F
    gtype = prefix + target.glsl
    if texture in (Texture.CUBEARRAY, Texture.SHADOWCUBEARRAY):
        em.features.need("texture_cube_map_array")
    samp_decls = em.shader.declarations_of(RegFile.SAMP)
    if em.indirect_samplers:
        count = max((d.last for d in samp_decls), default=0) + 1
        name = f"{em.p}_samps"
        prev = em.sampler_arrays.get(name)
        if prev is not None and prev[0] != gtype:
            raise ShaderError("indirectly indexed samplers of different types")
        if prev is None:
            em.sampler_arrays[name] = (gtype, count)
            em.features.need("gpu_shader5")
            for d in samp_decls:
                for i in range(d.first, d.last + 1):
                    em.meta["samplers"].append(result.SamplerBinding(
                        f"{name}[{i}]", i, i, gtype, target.shadow))
        if op.indirect is not None:
            idx = em.bounded(em.index_expr(op.indirect, op.index), 0, count)
        else:
            idx = str(min(op.index, count - 1))
        return f"{name}[{idx}]", target, lane
    key = (op.index, op.index)
    known = em.samplers.get(key)
    if known is not None:
        if known[1] != gtype:
            raise ShaderError(f"SAMP[{op.index}] used with two different targets")
        return known[0], target, lane
    name = f"{em.p}_samp{op.index}"
    em.samplers[key] = (name, gtype)
    em.meta["samplers"].append(result.SamplerBinding(name, op.index, op.index, gtype, target.shadow))
    return name, target, lane


def _offset(em, inst: ir.Instruction, dims: int, allow_dynamic: bool = False) -> str | None:
    if not inst.tex_offsets:
        return None
    off = inst.tex_offsets[0]
    if off.file == RegFile.IMM:
        parts = [literal32(I, em.imm_dword(off.index, off.swizzle[c])) for c in range(dims)]
        return parts[0] if dims == 1 else f"{_ivec(dims)}({', '.join(parts)})"
    if not allow_dynamic:
        raise ShaderError("texture offsets must be immediates")
    em.features.need("gpu_shader5")
    sw = "".join(SWZ[off.swizzle[c]] for c in range(dims))
    return f"floatBitsToInt({em.temp_lvalue(off.index)}.{sw})"


def _store(em, inst, expr: str, lane: str, width: int = 4) -> None:
    dst = inst.dst[0]
    comps = [c for c in range(4) if dst.write_mask & (1 << c)]
    if not comps:
        return
    if width < 4:
        zero = {F: "0.0", I: "0", U: "0u"}[lane]
        vec = {F: "vec4", I: "ivec4", U: "uvec4"}[lane]
        expr = f"{vec}({expr}" + "".join(f", {zero}" for _ in range(4 - width)) + ")"
    em.store(dst, f"{expr}.{''.join(SWZ[c] for c in comps)}", lane, comps, inst.saturate)


def emit(em, inst: ir.Instruction) -> None:
    name = inst.op.name
    texture = inst.texture
    if texture is None:
        raise ShaderError(f"{name} without a texture target")
    samp_op = inst.src[-1]
    s, target, lane = sampler(em, samp_op, texture)
    src0 = inst.src[0] if len(inst.src) > 1 else None
    n = target.coords

    def coords(count: int, t: str = F) -> str:
        return em.src(src0, t, list(range(count)))

    def scalar(op: ir.SrcOperand, comp: int, t: str = F) -> str:
        return em.src(op, t, [comp])

    if name == "TXQ":
        lod = scalar(src0, 0, I)
        size = f"textureSize({s}, {lod})" if target.lod else f"textureSize({s})"
        parts = [size] + ["0"] * (3 - target.size)
        if target.lod and texture != Texture.BUFFER:
            em.features.need("texture_query_levels")
            parts.append(f"textureQueryLevels({s})")
        else:
            parts.append("0")
        _store(em, inst, f"ivec4({', '.join(parts)})", I)
        return
    if name == "TXQS":
        em.features.need("texture_samples")
        _store(em, inst, f"ivec4(textureSamples({s}), 0, 0, 0)", I)
        return
    if name == "LODQ":
        _refuse_unless(texture not in _NO_QUERY_LOD, name, texture)
        em.features.need("texture_query_lod")
        _store(em, inst, f"vec4(textureQueryLod({s}, {coords(target.spatial)}), 0.0, 0.0)", F)
        return
    if name in ("TXF", "TXF_LZ"):
        if target.shadow:
            raise ShaderError("TXF on a shadow target")
        _refuse_unless(texture not in _NO_FETCH, name, texture)
        spatial = n
        icoord = coords(spatial, I)
        off = _offset(em, inst, target.spatial)
        args = [s, icoord]
        if texture in (Texture._2D_MSAA, Texture._2D_ARRAY_MSAA):
            args.append(scalar(src0, 3, I))
        elif target.lod:
            args.append("0" if name == "TXF_LZ" else scalar(src0, 3, I))
        fn = "texelFetch"
        if off is not None and texture not in (Texture.BUFFER, Texture._2D_MSAA, Texture._2D_ARRAY_MSAA):
            fn = "texelFetchOffset"
            args.append(off)
        call = f"{fn}({', '.join(args)})"
        if texture == Texture.BUFFER:
            call = _buffer_swizzled(em, samp_op, call, lane)
        _store(em, inst, call, lane)
        return
    if name == "TG4":
        _refuse_unless(texture in _GATHER, name, texture)
        _refuse_unless(not inst.tex_offsets or texture not in _NO_OFFSET, "TG4 with offsets", texture)
        em.features.need("texture_gather")
        off_dyn = len(inst.tex_offsets) == 1
        if texture == Texture.SHADOWCUBEARRAY:
            # All four of src0 are the coordinates; the reference is src1.x.
            p = coords(4)
            extra = scalar(inst.src[1], 0)
        elif target.shadow:
            p = coords(n - 1)
            extra = scalar(src0, n - 1)
        else:
            p = coords(n)
            comp_src = inst.src[1]
            if comp_src.file != RegFile.IMM or comp_src.indirect is not None:
                raise ShaderError("TG4 component must be an immediate")
            extra = str(min(3, em.imm_dword(comp_src.index, comp_src.swizzle[0])))
        if len(inst.tex_offsets) == 4:
            em.features.need("gpu_shader5")
            offs = []
            for off in inst.tex_offsets:
                if off.file != RegFile.IMM:
                    raise ShaderError("TG4 with four offsets needs immediates")
                offs.append("ivec2(" + ", ".join(literal32(I, em.imm_dword(off.index, off.swizzle[c]))
                                                 for c in range(2)) + ")")
            offsets = f"ivec2[4]({', '.join(offs)})"
            # GLSL puts a shadow gather's reference before the offsets, a
            # colour gather's component after them.
            tail = f"{extra}, {offsets}" if target.shadow else f"{offsets}, {extra}"
            call = f"textureGatherOffsets({s}, {p}, {tail})"
        elif off_dyn:
            off = _offset(em, inst, target.spatial, allow_dynamic=True)
            tail = f"{extra}, {off}" if target.shadow else f"{off}, {extra}"
            call = f"textureGatherOffset({s}, {p}, {tail})"
        else:
            call = f"textureGather({s}, {p}, {extra})"
        _store(em, inst, call, lane)
        return
    # sampling proper
    _refuse_unless(texture not in _NO_SAMPLE, name, texture)
    if name in ("TXB", "TXB2"):
        _refuse_unless(texture not in _NO_BIAS, name, texture)
    elif name in ("TXL", "TXL2"):
        _refuse_unless(texture not in _NO_LOD, name, texture)
    elif name == "TXD":
        _refuse_unless(texture not in _NO_GRAD, name, texture)
    off = _offset(em, inst, target.spatial) if texture not in _NO_OFFSET else None
    if texture == Texture.SHADOWCUBEARRAY:
        ref_op = inst.src[1] if name in ("TEX2",) else None
        p = coords(4)
        if ref_op is None:
            raise ShaderError(f"{name} on SHADOWCUBEARRAY is not supported")
        call = f"texture({s}, {p}, {scalar(ref_op, 0)})"
    elif name in ("TEX", "TEX_LZ", "TEX2"):
        p = coords(n)
        if name == "TEX_LZ" and texture in (Texture.RECT, Texture.SHADOWRECT):
            call = f"texture{'Offset' if off else ''}({s}, {p}{', ' + off if off else ''})"  # one level
        elif name == "TEX_LZ" and texture in _NO_LOD:
            # No textureLod() for these; zero gradients select level 0 as well.
            _refuse_unless(texture not in _NO_GRAD, name, texture)
            zero = f"{_fvec(target.spatial)}(0.0)"
            call = f"textureGrad{'Offset' if off else ''}({s}, {p}, {zero}, {zero}{', ' + off if off else ''})"
        elif name == "TEX_LZ":
            call = f"textureLod{'Offset' if off else ''}({s}, {p}, 0.0{', ' + off if off else ''})"
        else:
            call = f"texture{'Offset' if off else ''}({s}, {p}{', ' + off if off else ''})"
    elif name == "TXP":
        if target.proj:
            p = coords(4)
            call = f"textureProj{'Offset' if off else ''}({s}, {p}{', ' + off if off else ''})"
        else:
            w = scalar(src0, 3)
            call = f"texture({s}, {coords(n)} / {w})"
    elif name in ("TXB", "TXB2"):
        bias = scalar(inst.src[1], 0) if name == "TXB2" else scalar(src0, 3)
        p = coords(n)
        call = f"texture{'Offset' if off else ''}({s}, {p}{', ' + off if off else ''}, {bias})"
    elif name in ("TXL", "TXL2"):
        lod = scalar(inst.src[1], 0) if name == "TXL2" else scalar(src0, 3)
        p = coords(n)
        call = f"textureLod{'Offset' if off else ''}({s}, {p}, {lod}{', ' + off if off else ''})"
    elif name == "TXD":
        p = coords(n)
        k = target.spatial
        ddx = em.src(inst.src[1], F, list(range(k)))
        ddy = em.src(inst.src[2], F, list(range(k)))
        call = f"textureGrad{'Offset' if off else ''}({s}, {p}, {ddx}, {ddy}{', ' + off if off else ''})"
    else:
        raise ShaderError(f"{name} is not supported")
    if target.shadow:
        _store(em, inst, _shadow_result(em, samp_op, call), F)
    else:
        _store(em, inst, call, lane)


def _buffer_swizzled(em, samp_op: ir.SrcOperand, call: str, lane: str) -> str:
    """A buffer texel through the view's swizzle and the host format's channel layout.

    GL has no texture swizzle for buffer textures, and formats the host keeps
    in other channels (alpha, luminance, intensity in a red texture) must
    still read as the guest format. The draw fills a driver uniform per
    view: channel picks, then mask and add for the constant channels.
    """
    if samp_op.indirect is not None:
        return call
    swz = em.driver_uniform(f"buffer_swizzle_{samp_op.index}", "ivec4", 3)
    vec = {F: "vec4", I: "ivec4", U: "uvec4"}[lane]
    fname = f"pyv_buffer_swizzle_{vec}"
    if fname not in em.helpers:
        em.helpers[fname] = (f"{vec} {fname}({vec} t, ivec4 s[3])\n{{\n"
                             f"    return {vec}(t[s[0].x], t[s[0].y], t[s[0].z], t[s[0].w]) * {vec}(s[1])"
                             f" + {vec}(s[2]);\n}}\n")
    return f"{fname}({call}, {swz})"


def _shadow_result(em, samp_op: ir.SrcOperand, call: str) -> str:
    """The compare result replicated to four channels, then the view's 0/1 channels applied.

    The view's swizzle is draw state (DEPTH_TEXTURE_MODE in the compatibility
    profile), so it arrives in a driver uniform rather than in the key: one
    program serves every view.
    """
    if samp_op.indirect is not None:
        # An array of shadow samplers: no per-view uniform to index by.
        return f"vec4({call})"
    swz = em.driver_uniform(f"shadow_swizzle_{samp_op.index}", "vec4", 2)
    return f"(vec4({call}) * {swz}[0] + {swz}[1])"
