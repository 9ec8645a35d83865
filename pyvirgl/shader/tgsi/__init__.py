"""TGSI front end: text -> validated, immutable IR (and back to text)."""
from __future__ import annotations

from . import ir
from .names import Processor, RegFile, Semantic, Texture
from .parser import parse_text
from .printer import print_shader
from .validate import validate


def parse(text: str) -> ir.Shader:
    """Parse and validate TGSI text; raises ShaderError on anything malformed."""
    return validate(parse_text(text))


__all__ = ["ir", "parse", "parse_text", "print_shader", "validate", "Processor", "RegFile",
           "Semantic", "Texture"]
