"""CREATE_OBJECT(SHADER): decoding one chunk, and reassembling chunked TGSI text.

Mesa splits long TGSI text over several CREATE_OBJECT(SHADER) packets, and a
flush can fall between two of them, so the continuation may only arrive in a
later SUBMIT_CMD. Decoding a packet is stateless (`read_shader_chunk`);
`ShaderAssembler` is the small piece of state that a renderer keeps per
sub-context to glue the chunks back together.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass

from pyvirgl.decode.commands import CreateShaderChunk, StreamOutput
from pyvirgl.errors import GuestError
from pyvirgl.protocol.virgl import (
    MAX_SHADER_TEXT_BYTES, MAX_SO_OUTPUTS, SHADER_OFFSET_CONTINUATION, SHADER_STAGE_COUNT,
    SO_OUTPUT_BITS, SO_STREAM_BITS, ShaderStage,
)

NAME = "CREATE_OBJECT(SHADER)"
_HEAD = struct.Struct("<5I")
_HEAD_WORDS = 5
_SO_STRIDE_WORDS = 4


def _unpack_bits(packed, word: int) -> list[int]:
    return [(word >> b.shift) & b.mask for b in packed.bits]


def read_shader_chunk(buf, off: int, nwords: int, obj: int) -> CreateShaderChunk:
    if nwords < _HEAD_WORDS:
        raise GuestError(NAME, f"payload is {nwords} words, needs at least {_HEAD_WORDS}")
    handle, stage, offlen, num_tokens, fifth = _HEAD.unpack_from(buf, off)
    if handle == 0:
        raise GuestError(NAME, "handle 0 is reserved")
    if stage >= SHADER_STAGE_COUNT:
        raise GuestError(NAME, f"shader stage {stage} is not below {SHADER_STAGE_COUNT}")
    pos = _HEAD_WORDS
    strides: tuple[int, ...] = ()
    outputs: tuple[StreamOutput, ...] = ()
    if stage == ShaderStage.COMPUTE:
        req_local_mem = fifth
    else:
        req_local_mem = 0
        n = fifth
        if n > MAX_SO_OUTPUTS:
            raise GuestError(NAME, f"{n} stream outputs, at most {MAX_SO_OUTPUTS}")
        if n:
            need = pos + _SO_STRIDE_WORDS + 2 * n
            if nwords < need:
                raise GuestError(NAME, f"payload is {nwords} words, {n} stream outputs need {need}")
            words = struct.unpack_from(f"<{_SO_STRIDE_WORDS + 2 * n}I", buf, off + pos * 4)
            strides = words[:_SO_STRIDE_WORDS]
            outs = []
            for k in range(n):
                w0, w1 = words[_SO_STRIDE_WORDS + 2 * k], words[_SO_STRIDE_WORDS + 2 * k + 1]
                outs.append(StreamOutput(*_unpack_bits(SO_OUTPUT_BITS, w0), *_unpack_bits(SO_STREAM_BITS, w1)))
            outputs = tuple(outs)
            pos = need
    text = bytes(buf[off + pos * 4: off + nwords * 4])
    return CreateShaderChunk(
        handle=handle, stage=stage, offset=offlen & ~SHADER_OFFSET_CONTINUATION,
        continuation=bool(offlen & SHADER_OFFSET_CONTINUATION), num_tokens=num_tokens,
        req_local_mem=req_local_mem, so_strides=strides, so_outputs=outputs, text=text,
    )


@dataclass(frozen=True, slots=True)
class ShaderSource:
    """A complete shader: what the renderer translates and stores under `handle`."""
    handle: int
    stage: int
    text: str            # TGSI text, without the terminating NUL
    num_tokens: int      # the guest's token-count hint for the TGSI parser
    req_local_mem: int
    so_strides: tuple[int, ...]
    so_outputs: tuple[StreamOutput, ...]


@dataclass
class _Partial:
    first: CreateShaderChunk
    total: int
    data: bytearray


class ShaderAssembler:
    """Glues CREATE_OBJECT(SHADER) chunks back into whole shaders.

    `feed` returns a `ShaderSource` when a shader is complete, None while it
    waits for continuations. Like the reference host, at most one shader per
    stage can be in flight: a new first chunk for a stage that is still
    waiting, a continuation for another handle, an offset that does not
    follow on, or text longer than announced are all guest errors (and drop
    the partial shader)."""

    def __init__(self, max_text_bytes: int = MAX_SHADER_TEXT_BYTES):
        self.max_text_bytes = max_text_bytes
        self._pending: dict[int, _Partial] = {}   # by stage

    @property
    def pending_handles(self) -> tuple[int, ...]:
        return tuple(p.first.handle for p in self._pending.values())

    def reset(self) -> None:
        self._pending.clear()

    def discard(self, handle: int) -> None:
        """Forget a partial shader (e.g. when the guest destroys its handle)."""
        for stage, p in list(self._pending.items()):
            if p.first.handle == handle:
                del self._pending[stage]

    def feed(self, chunk: CreateShaderChunk) -> ShaderSource | None:
        if chunk.continuation:
            return self._continue(chunk)
        return self._start(chunk)

    def _start(self, chunk: CreateShaderChunk) -> ShaderSource | None:
        if chunk.stage in self._pending:
            busy = self._pending.pop(chunk.stage).first.handle
            raise GuestError(NAME, f"new shader {chunk.handle} while shader {busy} of the same "
                                   f"stage still waits for continuations")
        total = chunk.offset
        if total == 0:
            raise GuestError(NAME, f"shader {chunk.handle} announces empty text")
        if total > self.max_text_bytes:
            raise GuestError(NAME, f"shader {chunk.handle} text of {total} bytes exceeds "
                                   f"{self.max_text_bytes}")
        if len(chunk.text) >= total:
            return self._finish(chunk, chunk.text[:total])
        self._pending[chunk.stage] = _Partial(chunk, total, bytearray(chunk.text))
        return None

    def _continue(self, chunk: CreateShaderChunk) -> ShaderSource | None:
        partial = self._pending.get(chunk.stage)
        if partial is None or partial.first.handle != chunk.handle:
            raise GuestError(NAME, f"continuation for shader {chunk.handle} that is not in progress")
        have = len(partial.data)
        if chunk.offset != have:
            del self._pending[chunk.stage]
            raise GuestError(NAME, f"continuation of shader {chunk.handle} at byte {chunk.offset}, "
                                   f"expected {have}")
        padded_total = (partial.total + 3) & ~3
        if have + len(chunk.text) > padded_total:
            del self._pending[chunk.stage]
            raise GuestError(NAME, f"shader {chunk.handle} continuation overruns the announced "
                                   f"{partial.total} bytes")
        partial.data += chunk.text
        if len(partial.data) < partial.total:
            return None
        del self._pending[chunk.stage]
        return self._finish(partial.first, bytes(partial.data[:partial.total]))

    def _finish(self, first: CreateShaderChunk, raw: bytes) -> ShaderSource:
        end = raw.find(b"\0")
        if end < 0:
            raise GuestError(NAME, f"shader {first.handle} text is not NUL-terminated")
        try:
            text = raw[:end].decode("ascii")
        except UnicodeDecodeError as e:
            raise GuestError(NAME, f"shader {first.handle} text is not ASCII (byte {e.start})") from None
        return ShaderSource(first.handle, first.stage, text, first.num_tokens, first.req_local_mem,
                            first.so_strides, first.so_outputs)
