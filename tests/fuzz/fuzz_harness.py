"""Shared fuzzing machinery: the seed corpus, mutators and one-input runners.

Three surfaces, each fed from real Mesa streams kept in `corpus/`:

* ``vtest``   - byte/request-level mutations of whole recorded vtest streams,
                run through `VtestDecoder` + `VtestService` + a real `Renderer`.
* ``decoder`` - virgl-command-level mutations of the SUBMIT_CMD payloads inside
                a recorded stream (vtest framing kept valid so the bytes reach
                the command decoder and the GL executor).
* ``decode``  - the same command-level mutations of one SUBMIT_CMD payload, run
                through the command decoder alone (no GL): many more inputs a second.
* ``tgsi``    - token/line-level mutations of recorded TGSI texts, parsed and
                translated to GLSL.

Every runner returns a `Result`: ``ok``, ``guest`` (a GuestError: the input
was refused, as it should be) or ``bug`` (any other exception, or a leak after
the client went away). Mutations are plain tuples of ints so that hypothesis
can draw and shrink them and `scripts/fuzz.py` can make them from a seeded RNG.
"""
from __future__ import annotations

import os
import random
import struct
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from pyvirgl.errors import GuestError
from pyvirgl.protocol import vtest as v

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
SURFACES = ("vtest", "decoder", "decode", "tgsi")

INTERESTING_WORDS = (
    0, 1, 2, 3, 4, 5, 6, 7, 8, 15, 16, 17, 31, 32, 33, 63, 64, 127, 128, 255, 256, 1023, 1024,
    4096, 0x7FFF, 0x8000, 0xFFFF, 0x10000, 0x10001, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFE, 0xFFFFFFFF,
    0x3F800000, 0xBF800000, 0x7F800000, 0x7FC00000, 0xFF800000,  # 1.0, -1.0, inf, nan, -inf
)


# --- the corpus ------------------------------------------------------------------------

def load_vtest_corpus() -> list[tuple[str, bytes]]:
    return [(p.name, p.read_bytes()) for p in sorted((CORPUS_DIR / "vtest").glob("*.vtest"))]


def load_tgsi_corpus() -> list[tuple[str, str]]:
    return [(p.name, p.read_text()) for p in sorted((CORPUS_DIR / "tgsi").glob("*.tgsi"))]


def split_requests(stream: bytes) -> tuple[list[bytes], bytes]:
    """A vtest stream as its raw requests (header + payload bytes each) and any undecodable tail."""
    dec = v.VtestDecoder()
    dec.receive_data(stream)
    out, pos = [], 0
    while True:
        before = dec.buffered
        try:
            req = dec.next_request()
        except GuestError:
            break
        if req is None:
            break
        used = before - dec.buffered
        out.append(stream[pos:pos + used])
        pos += used
    return out, stream[pos:]


def submit_payload(request: bytes) -> bytes | None:
    if len(request) >= 8 and struct.unpack_from("<I", request, 4)[0] == v.Vcmd.SUBMIT_CMD:
        return request[8:]
    return None


def split_commands(payload: bytes) -> list[bytes]:
    """A SUBMIT_CMD payload as its virgl commands (header word + payload each), by header lengths."""
    out, pos, n = [], 0, len(payload)
    while pos + 4 <= n:
        length = struct.unpack_from("<I", payload, pos)[0] >> 16
        end = min(n, pos + 4 + 4 * length)
        out.append(payload[pos:end])
        pos = end
    return out


# --- mutators --------------------------------------------------------------------------
# An op is a tuple of small ints; each mutator interprets them modulo what it mutates.

def _word(val: int) -> int:
    return INTERESTING_WORDS[val % len(INTERESTING_WORDS)] if val >= 0 else (-val) & 0xFFFFFFFF


def mutate_vtest(requests: Sequence[bytes], ops: Sequence[tuple[int, int, int]]) -> bytes:
    """Request-level and byte-level mutations of a vtest stream."""
    reqs = [bytearray(r) for r in requests] or [bytearray(8)]
    tail = b""
    for kind, a, b in ops:
        k = a % len(reqs)
        r = reqs[k]
        kind %= 9
        if kind == 0 and len(r) >= 4:      # one dword (header or payload) to an interesting value
            pos = (b % (len(r) // 4)) * 4
            struct.pack_into("<I", r, pos, _word(a ^ b))
        elif kind == 1 and r:              # flip a byte
            r[b % len(r)] ^= 1 + (a % 255)
        elif kind == 2 and len(reqs) > 1:  # drop a request
            del reqs[k]
        elif kind == 3:                    # repeat a request
            reqs.insert(b % (len(reqs) + 1), bytearray(r))
        elif kind == 4:                    # move a request
            reqs.insert(b % len(reqs), reqs.pop(k))
        elif kind == 5 and len(r) >= 8:    # header length off by a little or a lot
            length = struct.unpack_from("<I", r, 0)[0]
            struct.pack_into("<I", r, 0, (length + (b % 9) - 4) & 0xFFFFFFFF if a % 2 else _word(b))
        elif kind == 6 and len(r) >= 8:    # another command id
            struct.pack_into("<I", r, 4, b % 16 if a % 4 else _word(b))
        elif kind == 7:                    # cut the stream short
            del reqs[k + 1:]
            if r:
                del r[b % len(r):]
        elif kind == 8:                    # trailing garbage
            tail = bytes((a * 31 + b * i) & 0xFF for i in range(b % 24))
    return b"".join(bytes(r) for r in reqs) + tail


def mutate_submit(payload: bytes, ops: Sequence[tuple[int, int, int]], donors: Sequence[bytes] = ()) -> bytes:
    """virgl-command-level mutations of one SUBMIT_CMD payload (result is whole dwords)."""
    cmds = [bytearray(c) for c in split_commands(payload)] or [bytearray(4)]
    for kind, a, b in ops:
        k = a % len(cmds)
        c = cmds[k]
        kind %= 8
        if kind in (0, 1) and len(c) >= 8:   # a payload word to an interesting (or random) value
            pos = 4 + (b % ((len(c) - 4) // 4)) * 4
            struct.pack_into("<I", c, pos, _word(a ^ b) if kind == 0 else (a * 2654435761 + b) & 0xFFFFFFFF)
        elif kind == 2 and len(c) >= 4:      # header: length
            h = struct.unpack_from("<I", c, 0)[0]
            length = (h >> 16) + (b % 5) - 2 if a % 3 else _word(b) & 0xFFFF
            struct.pack_into("<I", c, 0, (h & 0xFFFF) | ((length & 0xFFFF) << 16))
        elif kind == 3 and len(c) >= 4:      # header: command id or object type
            h = struct.unpack_from("<I", c, 0)[0]
            h = (h & ~0xFF) | (b % 80) if a % 2 else (h & ~0xFF00) | ((b % 32) << 8)
            struct.pack_into("<I", c, 0, h)
        elif kind == 4 and len(cmds) > 1:    # drop a command
            del cmds[k]
        elif kind == 5:                      # repeat a command
            cmds.insert(b % (len(cmds) + 1), bytearray(c))
        elif kind == 6 and donors:           # splice in a command from another stream
            donor = split_commands(donors[b % len(donors)])
            if donor:
                cmds.insert(a % (len(cmds) + 1), bytearray(donor[(a + b) % len(donor)]))
        elif kind == 7 and len(c) > 4:       # truncate a command (header length unchanged)
            del c[4 + 4 * (b % ((len(c) - 4) // 4)):]
    out = b"".join(bytes(c) for c in cmds)
    return out[:len(out) - len(out) % 4]


def mutate_stream_submits(requests: Sequence[bytes], ops: Sequence[tuple[int, int, int]],
                          donors: Sequence[bytes] = ()) -> bytes:
    """Mutate the SUBMIT_CMD payloads of a stream; the vtest framing stays valid."""
    reqs = list(requests)
    submits = [i for i, r in enumerate(reqs) if submit_payload(r) is not None]
    if not submits:
        return b"".join(reqs)
    groups: dict[int, list] = {}
    for op in ops:
        groups.setdefault(submits[op[0] % len(submits)], []).append((op[1], op[2], op[3]))
    for i, sub_ops in groups.items():
        payload = mutate_submit(submit_payload(reqs[i]), sub_ops, donors)
        reqs[i] = v.encode_submit(payload)
    return b"".join(reqs)


TGSI_PIECES = (
    "TEMP", "IN", "OUT", "CONST", "ADDR", "SAMP", "SVIEW", "IMAGE", "BUFFER", "MEMORY", "SV", "IMM",
    "[0]", "[1]", "[4294967295]", "[65535]", "[-1]", "[0..1000000]", "[ADDR[0].x]", "[TEMP[0].x+1]",
    "[][0]", ".x", ".xyzw", ".wwww", "_SAT", "-", "|", "(", ")", ",", ":", "\n", " ", "\0", "1e40",
    "0x7fffffff", "99999999999999999999", "MOV", "ADD", "TEX", "TXF", "LOAD", "STORE", "IF", "UIF",
    "ELSE", "ENDIF", "BGNLOOP", "ENDLOOP", "BRK", "CONT", "SWITCH", "CASE", "ENDSWITCH", "CAL", "RET",
    "END", "EMIT", "DADD", "U64ADD", "ATOMUADD", "ARRAY(0)", "ARRAY(99)", "2D", "SHADOW2D", "FLOAT",
    "UINT", "DCL", "PROPERTY", "GS_MAX_OUTPUT_VERTICES 4294967295", "NEXT_SHADER", "INVARIANT",
    "LOCAL", "GLOBAL", "ATOMIC", "CENTROID", "GENERIC[99999]", "{1.0, 2.0}", "FLT64", "INT64",
)


def mutate_tgsi(text: str, ops: Sequence[tuple[int, int, int]]) -> str:
    lines = text.split("\n")
    for kind, a, b in ops:
        if not lines:
            lines = [""]
        k = a % len(lines)
        line = lines[k]
        kind %= 8
        if kind == 0:                         # drop a line
            del lines[k]
        elif kind == 1:                       # repeat a line elsewhere
            lines.insert(b % (len(lines) + 1), line)
        elif kind == 2:                       # swap two lines
            j = b % len(lines)
            lines[k], lines[j] = lines[j], line
        elif kind == 3 and line:              # insert a token
            p = b % (len(line) + 1)
            lines[k] = line[:p] + TGSI_PIECES[(a + b) % len(TGSI_PIECES)] + line[p:]
        elif kind == 4 and line:              # replace a token
            words = line.split(" ")
            words[b % len(words)] = TGSI_PIECES[(a * 7 + b) % len(TGSI_PIECES)]
            lines[k] = " ".join(words)
        elif kind == 5:                       # renumber a register index or immediate
            digits = [i for i, ch in enumerate(line) if ch.isdigit()]
            if digits:
                p = digits[b % len(digits)]
                lines[k] = line[:p] + str(_word(a)) + line[p + 1:]
        elif kind == 6 and line:              # cut a line short
            lines[k] = line[:b % len(line)]
        elif kind == 7:                       # copy a line from the other end (opcodes meet other decls)
            lines.insert(b % (len(lines) + 1), lines[-1 - k])
    return "\n".join(lines)


def random_ops(rng: random.Random, count: int, width: int = 3) -> list[tuple[int, ...]]:
    return [tuple(rng.randrange(1 << 20) for _ in range(width)) for _ in range(count)]


# --- running one input -------------------------------------------------------------------

@dataclass
class Result:
    kind: str        # ok | guest | bug
    detail: str = ""


def _bug(stage: str) -> Result:
    return Result("bug", f"{stage}: {traceback.format_exc()}")


def run_vtest_stream(data: bytes, make_renderer: Callable, chunk: int = 0) -> Result:
    """Feed bytes to a fresh VtestService like one client would; then disconnect it."""
    from pyvirgl.frontends.vtest_service import VtestService

    renderer = make_renderer()
    service = VtestService(renderer)
    decoder = v.VtestDecoder()
    result = Result("ok")
    try:
        pieces = [data] if chunk <= 0 else [data[i:i + chunk] for i in range(0, len(data), chunk)]
        for piece in pieces:
            decoder.receive_data(piece)
            while (req := decoder.next_request()) is not None:
                for reply in service.handle(req):
                    for fd in reply.fds:
                        os.close(fd)
    except GuestError as err:
        result = Result("guest", f"{err.command}: {err.reason}")
    except Exception:
        result = _bug("handle")
    try:
        service.close()
    except Exception:
        return _bug("close after " + result.kind)
    leaks = []
    if renderer.contexts:
        leaks.append(f"contexts {sorted(renderer.contexts)}")
    if renderer.resources:
        leaks.append(f"{len(renderer.resources)} resources")
    if getattr(renderer, "_resource_bytes", 0):
        leaks.append(f"{renderer._resource_bytes} resource bytes accounted")
    if service._maps or service._shm_bytes:
        leaks.append(f"{len(service._maps)} shared-memory maps")
    if leaks and result.kind != "bug":
        return Result("bug", "leak after disconnect: " + ", ".join(leaks) + f" (input ended {result.kind})")
    return result


def run_submit_decode(payload: bytes) -> Result:
    """The decoder alone (no GL): every command decodes or a GuestError names it."""
    from pyvirgl.decode import decode_commands

    try:
        for _ in decode_commands(payload):
            pass
    except GuestError as err:
        return Result("guest", f"{err.command}: {err.reason}")
    except Exception:
        return _bug("decode")
    return Result("ok")


def run_tgsi(text: str, host_caps=None, keys: Sequence = ()) -> Result:
    from pyvirgl.shader import HostShaderCaps, ShaderError, ShaderKey, parse, translate

    host = host_caps or HostShaderCaps(glsl_version=450, extensions=frozenset())
    try:
        shader = parse(text)
    except ShaderError as err:
        return Result("guest", err.reason)
    except Exception:
        return _bug("parse")
    try:
        for key in (ShaderKey(), *keys):
            translate(shader, key, host)
    except ShaderError as err:
        return Result("guest", "translate: " + err.reason)
    except Exception:
        return _bug("translate")
    return Result("ok")


# --- building inputs from a seed (scripts/fuzz.py and the pytest smoke use these) --------

class Corpus:
    def __init__(self) -> None:
        self.streams = [(name, split_requests(data)[0]) for name, data in load_vtest_corpus()]
        self.tgsi = load_tgsi_corpus()
        self.donors = [p for _, reqs in self.streams for r in reqs if (p := submit_payload(r))]
        self.with_submits = [(n, r) for n, r in self.streams if any(submit_payload(x) for x in r)]


def make_input(corpus: Corpus, surface: str, rng: random.Random):
    """One mutated input for a surface: bytes (vtest, decoder) or str (tgsi)."""
    nops = 1 + min(int(rng.expovariate(0.4)), 24)
    if surface == "vtest":
        _, reqs = rng.choice(corpus.streams)
        return mutate_vtest(reqs, random_ops(rng, nops))
    if surface == "decoder":
        _, reqs = rng.choice(corpus.with_submits)
        return mutate_stream_submits(reqs, random_ops(rng, nops, 4), corpus.donors)
    if surface == "decode":
        return mutate_submit(rng.choice(corpus.donors), random_ops(rng, nops), corpus.donors)
    if surface == "tgsi":
        _, text = rng.choice(corpus.tgsi)
        return mutate_tgsi(text, random_ops(rng, nops))
    raise ValueError(surface)


def host_renderer_factory():
    """Renderers sharing one GL backend made in this process (call after any fork)."""
    from pyvirgl.backend.gl.backend import GLBackend
    from pyvirgl.renderer.api import Renderer
    from pyvirgl.renderer.factory import _probe_here

    caps = _probe_here()
    backend = GLBackend()
    return lambda: Renderer(caps, lambda: backend), backend
