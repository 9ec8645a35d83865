#!/usr/bin/env python3
"""Long-running fuzzer for the three guest-facing surfaces (issue 6).

    .venv/bin/python scripts/fuzz.py --inputs 20000 --surface all
    .venv/bin/python scripts/fuzz.py --replay fuzz-crashes/decoder-bug-6-1234.bin

Inputs are mutations of the recorded Mesa corpus in tests/fuzz/corpus (see
tests/fuzz/fuzz_harness.py); input i of a surface is a pure function of
(--seed, surface, i), so any finding can be rebuilt from its number.

Each batch of inputs runs in a forked child that owns its own GL context (the
parent never touches GL), so a host crash — a segfault in the GL driver, an
abort, an out-of-memory kill — costs one batch, is counted as a crash of the
input that was running, and the next child starts after it. Every input also
has a time limit: a SIGALRM inside the child for Python code, and a watchdog
in the parent that kills the child when an input is stuck in C.

Outcomes per input: ok, guest (GuestError: refused, as it should be), bug (any
other exception, or resources left behind after the client went away), hang,
crash. Bugs, hangs and crashes are saved to --crash-dir with their traceback.
"""
from __future__ import annotations

import argparse
import collections
import os
import random
import select
import signal
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "fuzz"))

import fuzz_harness as fh  # noqa: E402

OUTCOMES = ("ok", "guest", "bug", "hang", "crash")


class InputTimeout(BaseException):
    """Raised by SIGALRM inside a child: one input ran past its limit."""


def input_for(corpus: fh.Corpus, surface: str, seed: int, index: int):
    return fh.make_input(corpus, surface, random.Random(f"{seed}:{surface}:{index}"))


def _suffix(surface: str) -> str:
    return {"tgsi": ".tgsi", "decode": ".submit"}.get(surface, ".vtest")


def save_finding(crash_dir: Path, surface: str, kind: str, seed: int, index: int, data, detail: str) -> Path:
    crash_dir.mkdir(parents=True, exist_ok=True)
    stem = crash_dir / f"{surface}-{kind}-{seed}-{index}"
    path = stem.with_suffix(_suffix(surface))
    if isinstance(data, str):
        path.write_text(data)
    else:
        path.write_bytes(data)
    stem.with_suffix(".txt").write_text(f"surface {surface}, seed {seed}, input {index}: {kind}\n\n{detail}\n")
    return path


def signature(detail: str) -> str:
    """A short key for grouping bugs: the innermost frame and the exception line."""
    lines = [ln for ln in detail.strip().splitlines() if ln.strip()]
    frames = [ln.strip() for ln in lines if ln.strip().startswith("File ")]
    last = lines[-1] if lines else detail
    where = frames[-1].split(", in ")[-1] if frames else ""
    return f"{where}: {last}"[:200]


# --- the child -------------------------------------------------------------------------------

class Runner:
    """Everything one child needs; GL is made lazily, after the fork."""

    def __init__(self, corpus: fh.Corpus, caps, compile_glsl: bool) -> None:
        self.corpus = corpus
        self.caps = caps
        self.compile_glsl = compile_glsl
        self._make_renderer = None
        self._host = None

    def make_renderer(self):
        if self._make_renderer is None:
            from pyvirgl.backend.gl.backend import GLBackend
            from pyvirgl.renderer.api import Renderer

            backend = GLBackend()
            self._host = backend
            self._make_renderer = lambda: Renderer(self.caps, lambda: backend)
        return self._make_renderer()

    def run(self, surface: str, data) -> fh.Result:
        if surface == "tgsi":
            result = fh.run_tgsi(data)
            if result.kind == "ok" and self.compile_glsl:
                result = self._compile(data)
            return result
        if surface == "decode":
            return fh.run_submit_decode(data)
        return fh.run_vtest_stream(data, self.make_renderer)

    def _compile(self, text: str) -> fh.Result:
        """Our GLSL through the host compiler: a refusal is counted, a crash is caught by the parent."""
        from OpenGL import GL
        from pyvirgl.backend.gl import enums
        from pyvirgl.shader import ShaderKey, parse, translate

        self.make_renderer()
        shader = parse(text)
        out = translate(shader, ShaderKey(), self._host.programs.host_caps)
        name = GL.glCreateShader(enums.SHADER_STAGE[int(shader.processor)])
        try:
            GL.glShaderSource(name, out.glsl)
            GL.glCompileShader(name)
            if not GL.glGetShaderiv(name, GL.GL_COMPILE_STATUS):
                info = GL.glGetShaderInfoLog(name).decode(errors="replace").strip()
                return fh.Result("ok", "glsl-refused: " + (info.splitlines()[0] if info else "?"))
        finally:
            GL.glDeleteShader(name)
        return fh.Result("ok")


def child_main(runner: Runner, surface: str, seed: int, indices: range, timeout: float,
               crash_dir: Path, out_fd: int) -> None:
    def alarm(*_):
        raise InputTimeout()

    signal.signal(signal.SIGALRM, alarm)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    out = os.fdopen(out_fd, "w", buffering=1)
    for i in indices:
        data = input_for(runner.corpus, surface, seed, i)
        out.write(f"S {i}\n")
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            result = runner.run(surface, data)
        except InputTimeout:
            result = fh.Result("hang", f"over {timeout}s (interrupted in Python)\n" + traceback.format_exc())
        except BaseException:
            result = fh.Result("bug", "runner: " + traceback.format_exc())
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        note = ""
        if result.kind in ("bug", "hang"):
            save_finding(crash_dir, surface, result.kind, seed, i, data, result.detail)
            note = signature(result.detail).replace("\n", " ")
        elif result.detail.startswith("glsl-refused"):
            note = result.detail.replace("\n", " ")[:200]
        out.write(f"R {i} {result.kind} {note}\n")
    out.close()


# --- the parent ------------------------------------------------------------------------------

def fuzz_surface(args, corpus: fh.Corpus, caps, surface: str) -> dict:
    counts = collections.Counter()
    sigs: collections.Counter = collections.Counter()
    refused: collections.Counter = collections.Counter()
    start = time.monotonic()
    deadline = start + args.max_seconds if args.max_seconds else None
    next_index = 0
    last_report = start
    while next_index < args.inputs:
        if deadline and time.monotonic() > deadline:
            break
        batch = range(next_index, min(args.inputs, next_index + args.batch))
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                os.close(read_fd)
                child_main(Runner(corpus, caps, args.compile), surface, args.seed, batch,
                           args.timeout, args.crash_dir, write_fd)
            except BaseException:
                traceback.print_exc()
                code = 3
            finally:
                os._exit(code)
        os.close(write_fd)
        pending = ""
        in_flight = None
        done_upto = batch.start
        killed_for_hang = False
        stream = os.fdopen(read_fd, "r")
        while True:
            limit = args.timeout * 2 + 5 + (20 if in_flight == batch.start else 0)  # first input pays GL start-up
            ready, _, _ = select.select([stream], [], [], limit)
            if not ready:
                killed_for_hang = True
                os.kill(pid, signal.SIGKILL)
                break
            line = stream.readline()
            if not line:
                break
            tag, rest = line.rstrip("\n").split(" ", 1)
            if tag == "S":
                in_flight = int(rest)
                continue
            idx, kind, *note = rest.split(" ", 2)
            counts[kind] += 1
            if kind in ("bug", "hang"):
                sigs[f"{kind}: {note[0] if note else ''}"] += 1
            elif note and note[0].strip():
                refused[note[0][:120]] += 1
            in_flight = None
            done_upto = int(idx) + 1
        stream.close()
        _, status = os.waitpid(pid, 0)
        if in_flight is not None:
            kind = "hang" if killed_for_hang else "crash"
            how = ("killed after no answer" if killed_for_hang else
                   f"child died: {'signal %d' % os.WTERMSIG(status) if os.WIFSIGNALED(status) else 'exit %d' % os.WEXITSTATUS(status)}")
            counts[kind] += 1
            sigs[f"{kind}: {how}"] += 1
            save_finding(args.crash_dir, surface, kind, args.seed, in_flight,
                         input_for(corpus, surface, args.seed, in_flight), how)
            done_upto = in_flight + 1
        elif done_upto < batch.stop:
            counts["crash"] += 1
            sigs[f"crash: child stopped before input {done_upto} (status {status})"] += 1
            done_upto = batch.stop
        next_index = done_upto
        now = time.monotonic()
        if now - last_report > 10:
            last_report = now
            print(f"  {surface}: {next_index}/{args.inputs} inputs, {dict(counts)}", flush=True)
    return {"surface": surface, "counts": counts, "sigs": sigs, "refused": refused,
            "seconds": time.monotonic() - start}


def replay(paths: list[str], caps, compile_glsl: bool) -> int:
    runner = Runner(fh.Corpus(), caps, compile_glsl)
    worst = 0
    for p in paths:
        path = Path(p)
        surface = {".tgsi": "tgsi", ".submit": "decode"}.get(path.suffix, "vtest")
        data = path.read_text() if surface == "tgsi" else path.read_bytes()
        result = runner.run(surface, data)
        print(f"{path}: {result.kind}\n{result.detail}")
        worst = max(worst, OUTCOMES.index(result.kind))
    return 1 if worst >= OUTCOMES.index("bug") else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--inputs", type=int, default=5000, help="inputs per surface")
    ap.add_argument("--surface", choices=(*fh.SURFACES, "all"), default="all")
    ap.add_argument("--seed", type=int, default=int(time.time()) % 100000)
    ap.add_argument("--batch", type=int, default=200, help="inputs per forked child")
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds one input may take")
    ap.add_argument("--max-seconds", type=float, default=0, help="stop each surface after this long")
    ap.add_argument("--crash-dir", type=Path, default=Path("fuzz-crashes"))
    ap.add_argument("--no-compile", dest="compile", action="store_false",
                    help="tgsi: do not compile translated GLSL on the host GL")
    ap.add_argument("--replay", nargs="+", metavar="FILE", help="run saved inputs here and print the outcome")
    args = ap.parse_args()

    from pyvirgl.renderer.factory import caps_from_probe_child

    caps = caps_from_probe_child()   # the parent stays GL-free and forks cleanly
    if args.replay:
        return replay(args.replay, caps, args.compile)
    import logging
    logging.basicConfig(level=logging.CRITICAL)   # guest errors and skips are expected by the thousand
    corpus = fh.Corpus()
    surfaces = fh.SURFACES if args.surface == "all" else (args.surface,)
    print(f"seed {args.seed}; corpus: {len(corpus.streams)} vtest streams, {len(corpus.donors)} submits, "
          f"{len(corpus.tgsi)} TGSI texts", flush=True)
    reports = [fuzz_surface(args, corpus, caps, s) for s in surfaces]

    print()
    print(f"{'surface':8} {'inputs':>8} {'ok':>8} {'guest':>8} {'bug':>5} {'hang':>5} {'crash':>5} {'sec':>7} {'in/s':>7}")
    total_bad = 0
    for r in reports:
        c = r["counts"]
        n = sum(c.values())
        bad = c["bug"] + c["hang"] + c["crash"]
        total_bad += bad
        print(f"{r['surface']:8} {n:8d} {c['ok']:8d} {c['guest']:8d} {c['bug']:5d} {c['hang']:5d} {c['crash']:5d} "
              f"{r['seconds']:7.1f} {n / max(r['seconds'], 1e-9):7.1f}")
    for r in reports:
        for sig, n in r["sigs"].most_common():
            print(f"  {r['surface']}: {n} x {sig}")
        for note, n in r["refused"].most_common(5):
            print(f"  {r['surface']}: {n} x {note}")
    if total_bad:
        print(f"findings saved in {args.crash_dir}/ (replay with --replay FILE)")
    return 1 if total_bad else 0


if __name__ == "__main__":
    sys.exit(main())
