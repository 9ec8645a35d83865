"""Profile the pyvirgl server while glxgears runs through it (cProfile, one client).

    PYTHONPATH=. .venv/bin/python bench/profile_gears.py --seconds 12 --out out/prof
    PYTHONPATH=. .venv/bin/python bench/profile_gears.py --stats      # per-command timing table instead

The server runs in-process (``--no-fork --max-clients 1``) under cProfile in a
private mount namespace, so it exits and writes its profile when glxgears is
stopped.  Prints the top functions by total and cumulative time.
"""
from __future__ import annotations

import argparse
import os
import pstats
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(HERE)
sys.path.insert(0, REPO_ROOT)

from pyvirgl.tools import isolation  # noqa: E402


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--seconds", type=float, default=12.0)
    p.add_argument("--out", default=os.path.join(REPO_ROOT, "out", "prof"))
    p.add_argument("--stats", action="store_true", help="use serve --stats instead of cProfile")
    p.add_argument("--top", type=int, default=40)
    args = p.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    prof = os.path.join(os.path.abspath(args.out), "server.prof")
    python = sys.executable
    serve = ["-m", "pyvirgl", "serve", "--no-fork", "--max-clients", "1", "--socket-path", "{socket}"]
    if args.stats:
        argv_ = [python, *serve, "--stats"]
    else:
        argv_ = [python, "-m", "cProfile", "-o", prof, *serve]
    spec = isolation.ServerSpec("pyvirgl-prof", argv_, cwd=REPO_ROOT)
    probe = isolation.probe_isolation()
    with isolation.private_xvfb() as display:
        with isolation.Sandbox("pyvirgl-prof", spec, isolated=probe.ok, log_dir=args.out) as sb:
            env = isolation.guest_env_for("pyvirgl")
            env.update({"DISPLAY": display, "vblank_mode": "0"})
            res = sb.run(["glxgears"], env=env, timeout=args.seconds)
            print(res.output.strip())
            # The client is gone: the server leaves on its own after its one client.
            if sb.server_proc is not None:
                try:
                    sb.server_proc.wait(timeout=60)
                except Exception:  # noqa: BLE001 - the sandbox kills it on close
                    pass
    if args.stats:
        with open(os.path.join(args.out, "server-pyvirgl-prof.log")) as fh:
            print(fh.read()[-6000:])
        return 0
    st = pstats.Stats(prof)
    st.sort_stats("tottime").print_stats(args.top)
    st.sort_stats("cumulative").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
