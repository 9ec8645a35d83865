"""The error a guest shader can cause.

Everything the compiler refuses (malformed TGSI, limits, constructs the host
cannot express) surfaces as ShaderError so the frontend can fail just the
guest context that sent it.
"""
from __future__ import annotations

from pyvirgl.errors import GuestError

COMMAND = "CREATE_OBJECT(SHADER)"


class ShaderError(GuestError):
    """Guest shader text we refuse; `reason` says why (with a line number when known)."""

    def __init__(self, reason: str) -> None:
        super().__init__(COMMAND, reason)
