"""GLSL back end: validated TGSI IR + ShaderKey + host caps -> GLSL and binding metadata."""
from __future__ import annotations

from .emitter import translate_ir
from .key import HostShaderCaps, ShaderKey, StreamOutput
from .result import TranslatedShader

__all__ = ["translate_ir", "HostShaderCaps", "ShaderKey", "StreamOutput", "TranslatedShader"]
