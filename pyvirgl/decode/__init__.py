"""Decoder for the virgl command stream: bytes in, checked dataclasses out.

    from pyvirgl.decode import decode_commands, ShaderAssembler
    for cmd in decode_commands(submit_bytes):   # lazy; GuestError at the first bad command
        ...

No GL here: see `pyvirgl.protocol.virgl` for the layouts and
`pyvirgl.decode.commands` for the dataclasses.
"""
from pyvirgl.decode.commands import *  # noqa: F401,F403
from pyvirgl.decode.commands import CLASSES, Command
from pyvirgl.decode.shader import ShaderAssembler, ShaderSource, read_shader_chunk
from pyvirgl.decode.stream import (
    RawCommand, check_stream, decode_all, decode_commands, iter_headers, stream_dispatch, stream_words,
)

__all__ = [
    "CLASSES", "Command", "RawCommand", "ShaderAssembler", "ShaderSource",
    "check_stream", "decode_all", "decode_commands", "iter_headers", "read_shader_chunk",
    "stream_dispatch", "stream_words",
    *CLASSES,
]
