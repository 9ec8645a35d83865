"""Generated GLSL identifiers.

No guest text ever names anything in the GLSL: names come from the stage
prefix, a fixed role word and numbers. Every name gets the `_` separator
after the prefix, which keeps them out of the `gl_` namespace and away from
GLSL keywords.
"""
from __future__ import annotations

STAGE_PREFIX = {
    "vertex": "vs", "fragment": "fs", "geometry": "gs",
    "tess_control": "tc", "tess_eval": "te", "compute": "cs",
}


class Namer:
    def __init__(self, stage: str) -> None:
        self.prefix = STAGE_PREFIX[stage]
        self._taken: set[str] = set()

    def stage(self, role: str, *numbers: int) -> str:
        """A name unique to this stage, for uniforms and locals: `fs_samp3`, `vs_cb0`."""
        return self._claim(self.prefix + "_" + role + "".join(f"_{n}" if i else str(n) for i, n in enumerate(numbers)))

    def shared(self, role: str, *numbers: int) -> str:
        """A stage-independent name, for varyings that must match across stages."""
        return self._claim("v_" + role + "".join(str(n) for n in numbers))

    def local(self, role: str, *numbers: int) -> str:
        return self._claim(role + "".join(f"_{n}" if i else str(n) for i, n in enumerate(numbers)))

    def _claim(self, name: str) -> str:
        self._taken.add(name)
        return name
