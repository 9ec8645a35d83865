"""Time a recorded vtest stream through pyvirgl in-process: the short loop for server-side work.

    PYTHONPATH=. .venv/bin/python bench/drawoverhead_cases.py --cases 9 --record out/rec
    PYTHONPATH=. .venv/bin/python bench/replay.py out/rec/case9.vtest
    PYTHONPATH=. .venv/bin/python bench/replay.py out/rec/case9.vtest --profile tottime
    PYTHONPATH=. .venv/bin/python bench/replay.py out/rec/case9.vtest --gl-calls

A stream saved by ``pyvirgl serve --record`` holds everything one client
sent. It is fed to a `VtestService` on a real GL backend in this process,
like the server would, without a guest, a socket or the machine's other
load from Mesa and the test program: the same submits, run as often as
wanted. Shared memory starts out zeroed (the guest's writes to it are not
in the stream), so rendered contents differ; the commands, and their cost
on the server side, do not. Prints seconds per request type and
microseconds per draw; ``--profile KEY`` adds a cProfile of the submits,
``--gl-calls`` the time spent in each raw GL entry point.

This measures pyvirgl only; comparisons with the C server and native are
``bench/run.py``'s.
"""
from __future__ import annotations

import argparse
import collections
import cProfile
import os
import pstats
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")   # as the server: no BLAS thread pool
sys.path.insert(0, os.path.dirname(HERE))

from pyvirgl.protocol import vtest as v  # noqa: E402
from pyvirgl.protocol.virgl import Ccmd  # noqa: E402


def requests_of(data: bytes) -> list:
    decoder = v.VtestDecoder()
    decoder.receive_data(data)
    out = []
    while (req := decoder.next_request()) is not None:
        out.append(req)
    return out


def count_commands(reqs) -> collections.Counter:
    """Command id -> how many, over every submit."""
    found: collections.Counter = collections.Counter()
    for req in reqs:
        if isinstance(req, v.SubmitCmd):
            words = memoryview(req.data).cast("I")
            pos = 0
            while pos < len(words):
                header = words[pos]
                found[header & 0xFF] += 1
                pos += 1 + (header >> 16)
    return found


def time_gl_calls():
    """Wrap every raw GL function resolved from now on; returns the per-name totals."""
    from pyvirgl.backend.gl import rawgl

    totals: dict[str, list] = collections.defaultdict(lambda: [0, 0.0])
    resolve = rawgl._RawGL.__getattr__

    def timed(self, name):
        fn = resolve(self, name)

        def call(*args, _fn=fn, _slot=totals[name]):
            start = time.perf_counter()
            try:
                return _fn(*args)
            finally:
                _slot[0] += 1
                _slot[1] += time.perf_counter() - start
        setattr(self, name, call)
        return call
    rawgl._RawGL.__getattr__ = timed
    return totals


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("recording", help="a file written by pyvirgl serve --record")
    p.add_argument("--profile", metavar="SORT", help="cProfile the submits; print the top by SORT (e.g. tottime)")
    p.add_argument("--gl-calls", action="store_true", help="time each raw GL entry point")
    p.add_argument("--top", type=int, default=30)
    args = p.parse_args(argv)
    gl_totals = time_gl_calls() if args.gl_calls else None
    from pyvirgl.frontends.malloc_tuning import keep_freed_memory
    keep_freed_memory()   # as `pyvirgl serve` does

    from pyvirgl.backend.gl.backend import GLBackend
    from pyvirgl.frontends.gc_tuning import quiet_collector
    from pyvirgl.frontends.vtest_service import VtestService
    from pyvirgl.renderer.api import Renderer
    from pyvirgl.renderer.factory import _probe_here
    quiet_collector()   # as `pyvirgl serve` does

    with open(args.recording, "rb") as fh:
        reqs = requests_of(fh.read())
    caps = _probe_here()
    backend = GLBackend()
    service = VtestService(Renderer(caps, lambda: backend))
    profiler = cProfile.Profile() if args.profile else None
    seconds: collections.Counter = collections.Counter()
    for req in reqs:
        submit = isinstance(req, v.SubmitCmd)
        if submit and profiler is not None:
            profiler.enable()
        start = time.perf_counter()
        for reply in service.handle(req):
            for fd in reply.fds:
                os.close(fd)
        seconds[type(req).__name__] += time.perf_counter() - start
        if submit and profiler is not None:
            profiler.disable()
    service.close()

    commands = count_commands(reqs)
    draws = commands[Ccmd.DRAW_VBO]
    print(f"{args.recording}: {len(reqs)} requests, {draws} draws")
    for name, secs in seconds.most_common():
        print(f"  {name:<22} {secs:8.3f} s")
    if draws:
        print(f"  submit time per draw  {seconds['SubmitCmd'] / draws * 1e6:8.2f} us")
    top = ", ".join(f"{Ccmd(c).name} {n}" for c, n in commands.most_common(8) if c in Ccmd._value2member_map_)
    print(f"  commands: {top}")
    if gl_totals:
        print("  GL calls:")
        for name, (n, secs) in sorted(gl_totals.items(), key=lambda kv: -kv[1][1])[:args.top]:
            print(f"    {name:<48} {n:9d} {secs:8.3f} s {secs / n * 1e6:8.2f} us")
    if profiler is not None:
        pstats.Stats(profiler).sort_stats(args.profile).print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
