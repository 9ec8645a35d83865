"""Record real Mesa vtest streams to seed the fuzzers (a tool, not a test).

    .venv/bin/python tests/fuzz/record_seeds.py OUTDIR [--count N] [--seed S]

Starts Xvfb and `pyvirgl serve --record OUTDIR/raw` on a private socket, runs
glxgears for a few seconds and a seeded sample of piglit's quick_gl and
quick_shader tests through it (each in a private mount namespace, `-auto
-fbo`), then stops everything. `extract_corpus.py` turns the raw streams into
the small deduplicated corpus kept in the repository.
"""
from __future__ import annotations

import argparse
import concurrent.futures
import os
import re
import subprocess
import sys
import tempfile

from pyvirgl.tools import piglit_profiles as pp
from pyvirgl.tools.session import guest_env, pyvirgl_server, xvfb


LOG = subprocess.DEVNULL


def _guest(sock: str, argv: list[str], env: dict, seconds: float) -> int:
    # A private /tmp where Mesa's fixed socket path leads to ours (kept outside
    # /tmp); X is still reached through its abstract socket.
    script = 'mount -t tmpfs pvrec /tmp && ln -s "$0" /tmp/.virgl_test && exec "$@"'
    cmd = ["unshare", "--mount", "--propagation", "private", "sh", "-c", script, sock, *argv]
    try:
        return subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=LOG,
                              timeout=seconds).returncode
    except subprocess.TimeoutExpired:
        return -1


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--count", type=int, default=80)
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--filter", default="", help="only tests whose name matches this regex")
    args = ap.parse_args()
    raw = os.path.abspath(os.path.join(args.outdir, "raw"))
    os.makedirs(raw, exist_ok=True)
    tests = pp.load_profiles(["quick_gl", "quick_shader"])
    if args.filter:
        tests = {k: t for k, t in tests.items() if re.search(args.filter, k)}
    sample = pp.seeded_sample(tests, args.count, args.seed)
    with tempfile.TemporaryDirectory(prefix="pvrec-", dir="/var/tmp") as tmp, xvfb() as display:
        sock = os.path.join(tmp, "s.sock")
        env = guest_env(display=display)
        with pyvirgl_server(sock, ("--record", raw), log_path=os.path.join(args.outdir, "server.log")):
            if not args.filter:
                _guest(sock, ["glxgears"], env, 4)
            with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
                jobs = {pool.submit(_guest, sock, list(t.argv), {**env, **dict(t.env)}, 20): t for t in sample}
                for fut in concurrent.futures.as_completed(jobs):
                    print(f"{fut.result():4d} {jobs[fut].name}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
