"""The one error type a guest can cause.

Anything the guest sends that we refuse raises GuestError: the frontend logs
it, marks only that client's context failed and goes on. Every other
exception escaping a handler is a host bug, and tests must surface it.
"""
from __future__ import annotations


class GuestError(Exception):
    """A guest sent something invalid. `command` names what it sent, `reason` why we refuse it."""

    def __init__(self, command: str, reason: str) -> None:
        super().__init__(f"{command}: {reason}")
        self.command = command
        self.reason = reason


class ProtocolError(GuestError):
    """The byte stream itself is broken (vtest framing); the connection cannot continue."""
