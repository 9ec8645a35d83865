"""A few drawoverhead cases, quickly, against several targets in one run (for iterating).

    PYTHONPATH=. .venv/bin/python bench/drawoverhead_cases.py --cases 1,3,7,9,21,26 --duration 2
    PYTHONPATH=. .venv/bin/python bench/drawoverhead_cases.py --cases 3 --profile out/prof-do
    PYTHONPATH=. .venv/bin/python bench/drawoverhead_cases.py --cases 3 --stats
    PYTHONPATH=. .venv/bin/python bench/drawoverhead_cases.py --cases 5,9 --record out/rec   # then bench/replay.py

Each case is run as its own ``drawoverhead -test N -duration S`` process,
targets one after another (same machine load, never concurrently).  With
``--profile DIR`` only pyvirgl runs, in-process under cProfile (one server per
case, stats merged), and the top functions are printed.  With ``--stats`` the
pyvirgl server logs its per-command timing table (``serve --stats``). With
``--record DIR`` each case's vtest stream is saved as ``DIR/caseN.vtest``, for
``bench/replay.py`` to time in-process, as often as needed.
The full measurement is ``bench/run.py``; this is the short loop.
"""
from __future__ import annotations

import argparse
import math
import os
import pstats
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(HERE)
sys.path.insert(0, REPO_ROOT)
sys.path.insert(0, HERE)

from run import DRAWOVERHEAD, geomean, parse_drawoverhead  # noqa: E402

from pyvirgl.tools import isolation  # noqa: E402


def run_case(sb, target: str, case: int, duration: int) -> float | None:
    env = isolation.guest_env_for(target)
    env["PIGLIT_PLATFORM"] = "surfaceless_egl"
    res = sb.run([DRAWOVERHEAD, "-auto", "-fbo", "-nocolor", "-test", str(case), "-duration", str(duration)],
                 env=env, timeout=120, stop_when=lambda l: "lost connection to rendering server" in l)
    cases = parse_drawoverhead(res.output)
    if not cases:
        print(f"  !! case {case} on {target}: {res.output.strip()[-300:]}", file=sys.stderr)
        return None
    return next(iter(cases.values()))


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--cases", default="1,2,3,5,7,9,21,26,29")
    p.add_argument("--duration", type=int, default=2)
    p.add_argument("--targets", default="reference,pyvirgl")
    p.add_argument("--profile", metavar="DIR", help="cProfile the pyvirgl server instead of comparing")
    p.add_argument("--stats", action="store_true", help="pyvirgl serve --stats; print its tables")
    p.add_argument("--record", metavar="DIR", help="save each case's vtest stream as DIR/caseN.vtest")
    p.add_argument("--top", type=int, default=45)
    args = p.parse_args(argv)
    cases = [int(c) for c in args.cases.split(",") if c]
    probe = isolation.probe_isolation()
    python = os.path.join(REPO_ROOT, ".venv", "bin", "python")
    serve = ["-m", "pyvirgl", "serve", "--no-fork", "--max-clients", "1", "--socket-path", "{socket}"]

    if args.profile or args.stats or args.record:
        out = os.path.abspath(args.profile or args.record or os.path.join(REPO_ROOT, "out", "do-stats"))
        os.makedirs(out, exist_ok=True)
        profs = []
        for case in cases:
            prof = os.path.join(out, f"case{case}.prof")
            if args.record:
                recorded = os.path.join(out, f"case{case}")
                argv_ = [python, *serve, "--record", recorded]
            elif args.stats:
                argv_ = [python, *serve, "--stats"]
            else:
                argv_ = [python, "-m", "cProfile", "-o", prof, *serve]
            spec = isolation.ServerSpec("pyvirgl-prof", argv_, cwd=REPO_ROOT)
            with isolation.Sandbox(f"prof{case}", spec, isolated=probe.ok, log_dir=out) as sb:
                v = run_case(sb, "pyvirgl", case, args.duration)
                print(f"case {case}: {v} k draws/s", flush=True)
                if sb.server_proc is not None:
                    try:
                        sb.server_proc.wait(timeout=60)
                    except Exception:  # noqa: BLE001 - the sandbox kills it on close
                        pass
            if args.record:
                for name in sorted(os.listdir(recorded)):   # one client: one stream
                    os.replace(os.path.join(recorded, name), os.path.join(out, f"case{case}.vtest"))
                os.rmdir(recorded)
            elif args.stats:
                with open(os.path.join(out, f"server-prof{case}.log")) as fh:
                    print(fh.read()[-5000:])
            elif os.path.exists(prof):
                profs.append(prof)
        if profs:
            st = pstats.Stats(*profs)
            st.sort_stats("tottime").print_stats(args.top)
            st.sort_stats("cumulative").print_stats(args.top)
        return 0

    targets = [t for t in args.targets.split(",") if t]
    results: dict[str, dict[int, float | None]] = {t: {} for t in targets}
    for t in targets:
        with isolation.sandbox_for(t, isolated=probe.ok) as sb:
            for case in cases:
                results[t][case] = run_case(sb, t, case, args.duration)
    print(f"{'case':>5}" + "".join(f"{t:>11}" for t in targets) + f"{'pyv/C':>8}")
    for case in cases:
        vals = [results[t][case] for t in targets]
        r = (results.get("pyvirgl", {}).get(case) or 0) / (results.get("reference", {}).get(case) or math.inf)
        print(f"{case:>5}" + "".join(f"{(v or 0):>11.1f}" for v in vals) + f"{r:>8.3f}")
    gm = {t: geomean(results[t].values()) for t in targets}
    print(f"{'gmean':>5}" + "".join(f"{(gm[t] or 0):>11.1f}" for t in targets)
          + f"{((gm.get('pyvirgl') or 0) / (gm.get('reference') or math.inf)):>8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
