"""The shader compiler: guest TGSI text -> host GLSL.

Pipeline: `tgsi` (lexer/parser -> immutable IR -> validation), then `glsl`
(emitter driven by a ShaderKey and the host's HostShaderCaps). The package
never imports OpenGL; callers compile the returned source themselves.

    shader = parse(text)                      # IR, or ShaderError
    out = translate(text, ShaderKey(), HostShaderCaps(450, exts))
    out.glsl, out.constant_blocks, out.samplers, ...

See glsl/result.py for the binding conventions an executor must follow.
"""
from __future__ import annotations

from .cache import TranslationCache
from .errors import ShaderError
from .glsl.key import COLOR_FLOAT, COLOR_INT, COLOR_UINT, HostShaderCaps, ShaderKey, StreamOutput
from .glsl.result import (
    DRIVER_UNIFORMS, AtomicBinding, BufferBinding, ColorOutput, ConstantBlock, ImageBinding,
    SamplerBinding, TranslatedShader, Varying, VertexInput,
)
from .tgsi import ir
from .tgsi import parse as _parse
from .tgsi.ir import Shader


def fragment_input_qualifiers(shader: Shader, flatshade: bool = False,
                              color_two_side: bool = False) -> tuple[tuple[str, str], ...]:
    """ShaderKey.fs_input_qualifiers for the stage that feeds this fragment shader
    (flatshade and color_two_side as in the fragment shader's own key)."""
    from .glsl.io import fragment_input_qualifiers as qualifiers
    return qualifiers(shader, flatshade, color_two_side)


def parse(text: str) -> Shader:
    """Parse and validate TGSI text into IR. Raises ShaderError (and only that) on bad input."""
    try:
        return _parse(text)
    except ShaderError:
        raise
    except (RecursionError, MemoryError, ValueError, OverflowError, KeyError, IndexError) as err:
        # Defence in depth: a parser bug must still look like a refused shader, not a crash.
        raise ShaderError(f"malformed shader ({type(err).__name__})") from None


def translate(text_or_ir: str | Shader, key: ShaderKey, host: HostShaderCaps) -> TranslatedShader:
    """TGSI text (or parsed IR) -> GLSL plus the metadata needed to bind it."""
    from .glsl.emitter import translate_ir
    shader = parse(text_or_ir) if isinstance(text_or_ir, str) else text_or_ir
    if not isinstance(shader, Shader):
        raise ShaderError("translate() needs TGSI text or a parsed Shader")
    try:
        out = translate_ir(shader, key, host)
    except ShaderError:
        raise
    except (RecursionError, ValueError, OverflowError, KeyError, IndexError) as err:
        raise ShaderError(f"cannot translate shader ({type(err).__name__}: {err})") from None
    if len(out.glsl) > MAX_GLSL_BYTES:
        # Keeps a hostile guest from feeding the host compiler megabytes of source.
        raise ShaderError("translated shader is too large for the host compiler")
    return out


MAX_GLSL_BYTES = 8 << 20


__all__ = [
    "parse", "translate", "fragment_input_qualifiers", "ShaderError", "ShaderKey", "HostShaderCaps", "StreamOutput",
    "TranslatedShader", "TranslationCache", "ConstantBlock", "SamplerBinding", "ImageBinding",
    "BufferBinding", "AtomicBinding", "VertexInput", "ColorOutput", "Varying", "DRIVER_UNIFORMS",
    "COLOR_FLOAT", "COLOR_INT", "COLOR_UINT", "Shader", "ir",
]
