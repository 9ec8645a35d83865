"""Caps as people and machines read them."""
from __future__ import annotations

from dataclasses import asdict

from pyvirgl.protocol.caps import Cap, CapV2, Caps, formats_in_mask

MASK_FIELDS = ("sampler", "render", "depthstencil", "vertexbuffer", "supported_readback_formats",
               "scanout", "supported_multisample_formats")


def _flag_names(flag_type, value: int) -> list[str]:
    return [f.name for f in flag_type if value & f.value]


def caps_as_dict(caps: Caps) -> dict:
    out = asdict(caps)
    out["bset"] = sorted(caps.bset)
    out["video_caps"] = None
    for name in MASK_FIELDS:
        out[name] = formats_in_mask(getattr(caps, name))
    out["capability_bits"] = _flag_names(Cap, caps.capability_bits)
    out["capability_bits_v2"] = _flag_names(CapV2, caps.capability_bits_v2)
    return out


def caps_as_text(caps: Caps) -> str:
    data = caps_as_dict(caps)
    lines = []
    for key, value in data.items():
        if key == "video_caps":
            continue
        if key in MASK_FIELDS:
            value = f"{len(value)} formats: {value}" if value else "none"
        elif isinstance(value, list):
            value = ", ".join(str(x) for x in value) or "none"
        lines.append(f"{key:38} {value}")
    return "\n".join(lines)
